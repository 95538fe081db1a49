"""The ceiling: a bare Scrapy spider that only fetches a list of article URLs.

Usage: ``python -m scrapy runspider benchmarks/bare_spider.py -a urls=MANIFEST -a via=URL``
(``benchmarks.crawl_scale`` runs it). No discovery, no item pipelines, no spider middlewares of
this project, no extensions: each response is counted and dropped. With ``-a items=1`` each
response yields one small item (URL and size) for the feed exporter instead (``-O FILE``):
Scrapy's own cost of handling and exporting one item per page, without any project code.
Requests go through the project's download handler in via mode (the same way the full crawl
reaches the simulator), so the difference to the full crawl is everything the project does on
top of fetching.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import scrapy
from scrapy.http import Request, Response

BARE_SETTINGS: dict[str, Any] = {
    "ITEM_PIPELINES": {},
    "SPIDER_MIDDLEWARES": {},
    "EXTENSIONS": {},
    "DOWNLOADER_MIDDLEWARES": {},
    "DUPEFILTER_CLASS": "scrapy.dupefilters.RFPDupeFilter",
    "SCHEDULER": "scrapy.core.scheduler.Scheduler",
    "DOWNLOAD_HANDLERS": {
        "http": "crawler.crawl.download.NetworkDownloadHandler",
        "https": "crawler.crawl.download.NetworkDownloadHandler",
    },
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "ROBOTSTXT_OBEY": False,
    "LOG_FORMATTER": "scrapy.logformatter.LogFormatter",
}


class BareSpider(scrapy.Spider):
    """Fetch every URL of a manifest file (one URL a line) once; keep nothing."""

    name = "bare"
    custom_settings = BARE_SETTINGS

    def __init__(self, urls: str = "", via: str = "", progress: str = "", items: str = "",
                 **kwargs: Any):
        super().__init__(**kwargs)
        if not urls:
            raise ValueError("bare spider: -a urls=FILE (one URL a line) is required")
        self.urls = [line.strip() for line in Path(urls).read_text("utf-8").splitlines()
                     if line.strip()]
        self.via = via
        self.progress = open(progress, "ab", buffering=0) if progress else None  # noqa: SIM115
        """One newline per response, for a progress sampler outside the process."""
        self.fetched = 0
        self.bytes = 0
        self.items = items.lower() in {"1", "true", "yes"}

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> BareSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.via:
            crawler.settings.set("VIA_URL", spider.via, priority="spider")
        return spider

    async def start(self) -> AsyncIterator[Request]:
        for url in self.urls:
            yield Request(url, callback=self.parse)

    def parse(self, response: Response) -> list[dict[str, Any]]:
        # A list, not a generator: Scrapy re-reads a generator callback's source on every
        # response (the project's spider avoids that cost too, so the ceiling must).
        self.fetched += 1
        self.bytes += len(response.body)
        if self.progress is not None:
            self.progress.write(b"\n")
        return [{"url": response.url, "bytes": len(response.body)}] if self.items else []

    def closed(self, reason: str) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.set_value("bare/fetched", self.fetched)
        self.crawler.stats.set_value("bare/bytes", self.bytes)
        if self.progress is not None:
            self.progress.close()

