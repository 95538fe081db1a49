"""Setuptools shim for ``scrapyd-deploy``, which builds the project egg with ``setup.py
bdist_egg``; everything is declared in pyproject.toml (including the ``scrapy`` settings entry
point that scrapyd reads from the egg)."""

from setuptools import setup

setup()
