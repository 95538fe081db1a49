"""Progress lines: every ``PROGRESS_INTERVAL`` seconds (default 60, 0 off), items per minute
per site."""

from __future__ import annotations

import logging
import time
from collections import Counter
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

from crawler.ops.report import _get

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
logger = logging.getLogger(__name__)



class Progress:
    """Every ``PROGRESS_INTERVAL`` seconds: items per minute per site since the last line."""

    def __init__(self, interval: float):
        self.interval = interval
        self.counts: Counter[str] = Counter()
        self.last: Counter[str] = Counter()
        self.last_time = time.monotonic()
        self.task: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        interval = crawler.settings.getfloat("PROGRESS_INTERVAL", 60.0)
        if interval <= 0:
            raise NotConfigured
        extension = cls(interval)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self) -> None:
        self.last_time = time.monotonic()
        self.task = create_looping_call(self.log)
        self.task.start(self.interval, now=False)

    def item_scraped(self, item: Any) -> None:
        self.counts[str(_get(item, "site") or "?")] += 1

    def line(self) -> str:
        now = time.monotonic()
        minutes = max(now - self.last_time, 1e-6) / 60
        total = sum(self.counts.values())
        rates = ", ".join(f"{site} {(self.counts[site] - self.last[site]) / minutes:.1f}"
                          for site in sorted(self.counts))
        self.last = Counter(self.counts)
        self.last_time = now
        return f"progress: {total} items; items/min per site: {rates or 'none yet'}"

    def log(self) -> None:
        logger.info(self.line())

    def spider_closed(self) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
