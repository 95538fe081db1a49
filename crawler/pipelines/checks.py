"""Last checks before export: required fields, the ``since`` date, the item limit."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from crawler.items import ARTICLE_FIELDS
from crawler.pipelines import StatsPipeline

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
logger = logging.getLogger(__name__)



REQUIRED_NON_EMPTY = ("id", "url", "site", "title", "text")


class RequiredFieldsPipeline(StatsPipeline):
    """Every exported item has every field, and the essential ones are non-empty."""

    def process_item(self, item: Any) -> Any:
        url = item.get("url") or "?"
        missing = [name for name in ARTICLE_FIELDS if name not in item]
        if missing:
            raise self.drop("missing_fields", url, ", ".join(missing))
        for name in REQUIRED_NON_EMPTY:
            if not item[name]:
                raise self.drop(f"empty_{name}", url)
        since = getattr(self.crawler.spider, "since", None)
        if since and item["published_at"] and item["published_at"][:10] < since.isoformat():
            raise self.drop("before_since", url, item["published_at"])
        return item


class MaxItemsPipeline(StatsPipeline):
    """Stops at ``-a max_items=N`` exactly: items past N are dropped and counted."""

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.passed = 0

    def process_item(self, item: Any) -> Any:
        limit = getattr(self.crawler.spider, "max_items", None)
        if limit is not None and self.passed >= limit:
            raise self.drop("over_max_items", item.get("url") or "?")
        self.passed += 1
        return item
