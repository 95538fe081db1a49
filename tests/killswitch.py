"""A test extension that kills its own worker at a chosen moment (tests/test_distributed.py).

``KILL_ON_ITEM = n``: the process sends itself SIGKILL when the n-th item reaches the
``item_scraped`` signal. Ordered before the feed exporter (``EXTENSIONS`` value below 0), it
dies after the item has passed the pipelines and before its line is written: the worst moment
for a lease that is released too early.
"""

from __future__ import annotations

import os
import signal
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured


class KillOnItem:
    def __init__(self, crawler: Crawler, count: int):
        self.count = count
        self.seen = 0
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> KillOnItem:
        count = crawler.settings.getint("KILL_ON_ITEM")
        if count <= 0:
            raise NotConfigured("KILL_ON_ITEM is not set")
        return cls(crawler, count)

    def item_scraped(self, item: Any) -> None:
        self.seen += 1
        if self.seen >= self.count:
            os.kill(os.getpid(), signal.SIGKILL)
