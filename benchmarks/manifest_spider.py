"""The project's spider with discovery replaced by a URL list: every component on, same URLs as
the bare spider.

Usage: ``python -m scrapy runspider benchmarks/manifest_spider.py -a urls=MANIFEST -a via=URL``
(``benchmarks.crawl_scale`` runs it). Article requests are made by
``ArabsTodaySpider.article_request`` and go through every middleware, pipeline, extension and
exporter of the settings, exactly as discovered articles do; only robots, sitemaps, feeds and
listings are not fetched.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Request

from crawler.crawl.spider import ArabsTodaySpider
from crawler.network.sites import site_for_host


class ManifestSpider(ArabsTodaySpider):
    """``arabstoday`` seeded from a manifest file (``-a urls=FILE``, one URL a line)."""

    name = "arabstoday-manifest"

    def __init__(self, urls: str = "", **kwargs: Any):
        super().__init__(**kwargs)
        if not urls:
            raise ValueError("-a urls=FILE (one URL a line) is required")
        self.urls = [line.strip() for line in Path(urls).read_text("utf-8").splitlines()
                     if line.strip()]

    async def start(self) -> AsyncIterator[Request]:
        for url in self.urls:
            site = site_for_host(urlsplit(url).hostname or "")
            if site is None:
                self.count("bench/not_a_network_url")
                continue
            if request := self.article_request(url, site, {"source": "manifest"}):
                yield request
