"""scrapyd-deploy builds the project's egg with ``python setup.py bdist_egg``; everything else
is declared in pyproject.toml."""

from setuptools import setup

setup()
