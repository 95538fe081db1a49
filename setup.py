"""The native extensions: the flatten (crawler/extraction/_flatten.pyx), compiled against lxml's C
API, the text kernels (crawler/extraction/_text.pyx) and the URL path percent-encoding
(crawler/_percent.pyx); the rest of the build is in pyproject.toml. Optional: where they cannot
be compiled, or Cython is absent, the package installs and the Python forms run
(``blocks.NATIVE_FLATTEN``, ``kernels.NATIVE_TEXT`` and ``urls.NATIVE_PERCENT`` say which).
An egg (``python setup.py bdist_egg``, what scrapyd-deploy builds) never holds them: an egg is
imported from a zip, where native code needs setuptools' extraction stub, and scrapyd
could not list the spiders of such an egg (tests/test_scrapyd.py)."""

import sys

from setuptools import Extension, setup

try:
    from Cython.Build import cythonize
except ImportError:
    cythonize = None

extensions = []
if cythonize is not None and "bdist_egg" not in sys.argv:
    import lxml

    extensions = cythonize(
        [Extension("crawler.extraction._flatten", ["crawler/extraction/_flatten.pyx"],
                   include_dirs=lxml.get_include(), optional=True),
         Extension("crawler.extraction._text", ["crawler/extraction/_text.pyx"], optional=True),
         Extension("crawler._percent", ["crawler/_percent.pyx"], optional=True)],
        compiler_directives={"language_level": 3})

setup(ext_modules=extensions)
