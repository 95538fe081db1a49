"""A fetched page becomes an article item (or a counted drop)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from crawler.analyse.page import FetchedPage
from crawler.analyse.workers import analyser_of
from crawler.pipelines import StatsPipeline

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class ExtractionPipeline(StatsPipeline):
    """Turns a FetchedPage into an article item (crawler.extract.article.extract_article, run by the
    crawl's page analyser, crawler.analyse.workers, unless the template middleware already did)."""

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.analyser = analyser_of(crawler)

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
