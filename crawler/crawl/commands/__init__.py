"""Scrapy commands of this project (``COMMANDS_MODULE``): each module overrides the Scrapy
command of its name."""
