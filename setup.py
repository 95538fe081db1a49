"""The native flatten (crawler/extraction/_flatten.pyx), compiled against lxml's C API; the rest
of the build is in pyproject.toml. Optional: where it cannot be compiled, or Cython is absent
(a plain ``python setup.py bdist_egg``, as scrapyd-deploy runs, outside pip's build
environment), the package installs and ``blocks.flatten`` is the Python one
(``blocks.NATIVE_FLATTEN`` says which)."""

from setuptools import Extension, setup

try:
    from Cython.Build import cythonize
except ImportError:
    extensions = []
else:
    import lxml

    extensions = cythonize(
        [Extension("crawler.extraction._flatten", ["crawler/extraction/_flatten.pyx"],
                   include_dirs=lxml.get_include(), optional=True)],
        compiler_directives={"language_level": 3})

setup(ext_modules=extensions)
