"""Item pipelines: a fetched page becomes a clean, complete article item, or a counted drop."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import DropItem

from crawler.analysis import page_analyser
from crawler.items import ARTICLE_FIELDS, FetchedPage

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

REQUIRED_NON_EMPTY = ("id", "url", "site", "title", "text")


class _StatsPipeline:
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


class ExtractionPipeline(_StatsPipeline):
    """Turns a FetchedPage into an article item (crawler.extraction.extract_article, run by the
    crawl's page analyser, crawler.analysis, unless the template middleware already did)."""

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.analyser = page_analyser(crawler)

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, FetchedPage):
            return item
        analysis = item.analysis
        if analysis is None:
            analysis = await self.analyser.analyse(item, fingerprints=False)
        article = analysis.article
        if article is None:
            raise self.drop(analysis.reason or "internal_error", item.url)
        self.stats.inc_value(f"items/site/{article['site']}")
        if article.get("label_mismatch"):
            self.stats.inc_value("items/label_mismatch")
            logger.warning("site label mismatch on %s", item.url)
        return article


class RequiredFieldsPipeline(_StatsPipeline):
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


class MaxItemsPipeline(_StatsPipeline):
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
