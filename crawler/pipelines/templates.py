"""Removes the paragraphs that the site's learnt template marks as boilerplate."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import DropItem

from crawler.analyse.templates import fingerprint, learning_of
from crawler.analyse.workers import PageAnalyser
from crawler.items import join_paragraphs

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
logger = logging.getLogger(__name__)



class TemplatePipeline:
    """Removes the paragraphs that the site's learnt template marks as boilerplate."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.store = learning_of(crawler)
        self.analyser = crawler.get_extension(PageAnalyser)
        """Holds the fingerprints worker processes computed, if any."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TemplatePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, dict) or not item.get("site") or not item.get("text"):
            return item
        boilerplate = self.store.boilerplate(item["site"])
        if not boilerplate:
            return item
        paragraphs = [item["text"][span["start"]:span["end"]] for span in item["paragraphs"]]
        known = (self.analyser.paragraph_fingerprints(item["text"])
                 if self.analyser is not None else None)
        prints = known if known is not None and len(known) == len(paragraphs) \
            else [fingerprint(p) for p in paragraphs]
        kept = [p for p, print_ in zip(paragraphs, prints, strict=True)
                if print_ not in boilerplate]
        removed = len(paragraphs) - len(kept)
        if not removed:
            return item
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("template/removed_paragraphs", removed)
        if not kept:
            self.crawler.stats.inc_value("dropped/template_only")
            logger.warning("dropped (template_only) %s", item.get("url"))
            raise DropItem(f"dropped (template_only) {item.get('url')}")
        item["text"], item["paragraphs"] = join_paragraphs(kept)
        item["extraction"] = {**item.get("extraction", {}), "template": f"removed {removed}"}
        return item
