"""Item pipelines: a fetched page becomes a clean, complete article item, or a counted drop.

In order: extraction, template boilerplate removal, incremental versions, duplicate clusters,
required fields, schema validation, the item limit.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import DropItem

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector
logger = logging.getLogger(__name__)



class StatsPipeline:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        assert crawler.stats is not None
        self.stats: StatsCollector = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler)

    def drop(self, reason: str, url: str, detail: str = "") -> DropItem:
        """Count and log a drop; return the DropItem to raise."""
        self.stats.inc_value(f"dropped/{reason}")
        message = f"dropped ({reason}) {url}" + (f": {detail}" if detail else "")
        logger.warning(message)
        return DropItem(message)
