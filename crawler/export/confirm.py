"""Exported means written: an article counts as exported only once its line is in every feed.

``ConfirmingFeedExporter`` takes the place of Scrapy's feed exporter (``EXTENSIONS``). It writes
each scraped item to every configured feed as Scrapy's does, then sends ``item_exported``; the
components that record an article as done (the seen-store, the duplicate state, the run
report's counts, the failure ledger, distributed claims) listen to that signal, never to
``item_scraped``. Without any feed (``scrapy crawl`` without ``-o``) every item is exported as
soon as it is scraped.

A feed that cannot be opened or written (its folder gone or unwritable, its path a folder, a
FIFO or under a file) stops the crawl with one clear message: ``finish_reason`` is
``output_error``, the item is not confirmed, nor is any item after it (counted under
``export/not_written``), the run report names the failure, and ``scrapy crawl`` exits 1. The
next run with the same STATE_DIR exports exactly the articles that were not written. A write
that fails half-way (disk full) is handled below, in crawler.export.storage (exit 74).
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.extensions.feedexport import FeedExporter
from scrapy.utils.defer import _schedule_coro

from crawler.crawl.signals import item_exported

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


OUTPUT_ERROR = "output_error"
"""The finish reason of a crawl stopped because a feed could not be written."""


class ConfirmingFeedExporter(FeedExporter):
    """Scrapy's feed exporter that confirms each item written to all feeds (``item_exported``)
    and stops the crawl when a feed cannot be written."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        exporter = cls(crawler)
        crawler.signals.connect(exporter.open_spider, signals.spider_opened)
        crawler.signals.connect(exporter.close_spider, signals.spider_closed)
        crawler.signals.connect(exporter.item_scraped, signals.item_scraped)
        crawler.signals.connect(exporter.engine_stopped, signals.engine_stopped)
        return exporter

    def __init__(self, crawler: Crawler):
        self.failure: str | None = None
        if crawler.settings["FEEDS"] or crawler.settings["FEED_URI"]:
            super().__init__(crawler)
            return
        # No feed: nothing to write, every item is confirmed as scraped (Scrapy's own
        # exporter would refuse to run, NotConfigured, and nobody would confirm anything).
        self.crawler = crawler
        self.settings = crawler.settings
        self.feeds = {}
        self.slots = []
        self.filters = {}
        self.storages = {}
        self.exporters = {}
        self._pending_close_tasks = []

    def open_spider(self, spider: Spider) -> None:
        try:
            super().open_spider(spider)
            for slot in self.slots:  # fail now, not on the first item, when a feed cannot open
                check = getattr(slot.storage, "check_writable", None)
                if check is not None:
                    check()
        except Exception as error:
            self.stop(error)

    async def close_spider(self, spider: Spider) -> None:
        if self.failure is not None:  # a feed that never opened would only fail again
            self.slots = [slot for slot in self.slots if slot._exporting]
        await super().close_spider(spider)

    def item_scraped(self, item: Any, spider: Spider, response: Any = None) -> None:
        stats = self.crawler.stats
        assert stats is not None
        if self.failure is not None:
            stats.inc_value("export/not_written")
            return
        try:
            super().item_scraped(item, spider)
        except Exception as error:
            stats.inc_value("export/not_written")
            self.stop(error)
            return
        stats.inc_value("export/written")
        self.crawler.signals.send_catch_log(item_exported, item=item, spider=spider,
                                            response=response)

    def stop(self, error: Exception) -> None:
        """Stop the crawl once, with one clear line; later items are not confirmed."""
        if self.failure is not None:
            return
        self.failure = f"cannot write the output: {error}"
        assert self.crawler.stats is not None
        self.crawler.stats.set_value("export/failed", self.failure)
        logger.critical("%s. Stopping the crawl; articles not written are not recorded as "
                        "exported, so the next run with the same STATE_DIR exports them.",
                        self.failure)
        print(f"arabstoday-crawler: {self.failure}", file=sys.stderr, flush=True)
        try:
            engine = self.crawler.engine
        except RuntimeError:  # not crawling: nothing to stop
            return
        if engine is not None and engine.spider is not None:
            _schedule_coro(engine.close_spider_async(reason=OUTPUT_ERROR))

    def engine_stopped(self) -> None:
        if self.failure is not None:
            # Read by CrawlerProcess after the crawl: bootstrap_failed -> `scrapy crawl` exits 1.
            self.crawler.spider = None
