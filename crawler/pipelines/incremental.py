"""Sets each article's ``version``; drops re-fetched articles that did not change."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import DropItem

from crawler.crawl.incremental import Incremental

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler
logger = logging.getLogger(__name__)



class IncrementalPipeline:
    """Sets each article's ``version``; drops re-fetched articles that did not change."""

    def __init__(self, incremental: Incremental | None):
        self.incremental = incremental

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler.get_extension(Incremental))

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, dict) or "id" not in item:
            return item
        if self.incremental is None:
            item.setdefault("version", 1)
            return item
        version = self.incremental.version_of(item)
        if version is None:
            logger.debug("not exported again (unchanged): %s", item.get("url"))
            raise DropItem(f"incremental: unchanged or repeated {item.get('url')}",
                           log_level="DEBUG")
        item["version"] = version
        return item
