"""Sets ``cluster_id`` and ``duplicate_of`` (``-a dedup=mark``), or drops copies of another
article (``-a dedup=drop``: ``dropped/duplicate_text``, ``dropped/near_duplicate``,
``dropped/duplicate_url``); ``-a dedup=off`` leaves both null.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import DropItem

from crawler.analyse.duplicates import DEFAULT_THRESHOLD, Deduplicator
from crawler.analyse.minhash import DEFAULT_NUM_PERM, DEFAULT_SHINGLE_WORDS
from crawler.analyse.workers import PageAnalyser
from crawler.crawl.arguments import dedup_mode
from crawler.crawl.signals import item_exported
from crawler.pipelines import StatsPipeline
from crawler.store.duplicates import Banding, DedupRecord, open_dedup_state

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
logger = logging.getLogger(__name__)



class DedupPipeline(StatsPipeline):
    """Sets cluster_id and duplicate_of, or drops copies under ``-a dedup=drop``."""

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        settings = crawler.settings
        self.dedup: Deduplicator | None = None
        self.settings = settings
        self.pending: dict[str, tuple[DedupRecord, list[int]]] = {}
        """Records of items marked but not yet written, by article id: the state learns an
        article only once its line is in every feed (item_exported)."""
        self.reserved: dict[str, Any] = {}
        """A shared state's records added before the line was written, by article id: what
        each replaced, put back if a later pipeline drops the item."""
        self.analyser = crawler.get_extension(PageAnalyser)
        """Holds the fingerprints worker processes computed, if any."""
        crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)

    def open_spider(self) -> None:
        # Connected now, after every from_crawler: handlers run in the order they were
        # connected, and a written article must be marked exported (distributed claims) before
        # this slower state write.
        self.crawler.signals.connect(self.item_exported, signal=item_exported)
        spider = self.crawler.spider
        self.mode = dedup_mode(getattr(spider, "dedup", None) or self.settings.get("DEDUP_MODE"))
        if self.mode == "off":
            return
        threshold = self.settings.getfloat("DEDUP_THRESHOLD", DEFAULT_THRESHOLD)
        num_perm = self.settings.getint("DEDUP_NUM_PERM", DEFAULT_NUM_PERM)
        banding = Banding.for_threshold(threshold, num_perm)
        self.dedup = Deduplicator(open_dedup_state(self.settings, banding), threshold, num_perm,
                                  self.settings.getint("DEDUP_SHINGLE_WORDS",
                                                       DEFAULT_SHINGLE_WORDS))
        logger.info("dedup=%s, %d articles remembered", self.mode, len(self.dedup.state))

    def close_spider(self) -> None:
        if self.dedup is not None:
            self.dedup.state.close()

    def process_item(self, item: Any) -> Any:
        if self.dedup is None:
            return item
        try:
            return self._mark(item)
        except DropItem:
            raise
        except Exception as exc:  # a state store failure must not lose the article
            self.stats.inc_value("dedup/state_error")
            logger.error("duplicate state failed on %s (%r); exported unclustered",
                         item.get("url"), exc)
            item["cluster_id"] = item["duplicate_of"] = None
            return item

    def _mark(self, item: dict[str, Any]) -> dict[str, Any]:
        assert self.dedup is not None
        known = None
        if self.analyser is not None:
            known = self.analyser.text_fingerprint(item.get("text"), self.dedup.num_perm,
                                                   self.dedup.shingle_words)
        state = self.dedup.state
        with state.locked():
            # one process's articles marked but not yet written are its own to check: the
            # feed writes a line later, and copies in flight together must see each other
            unwritten = () if state.shared else (marked for marked, _ in self.pending.values())
            assignment, record, keys = self.dedup.assign(item, known, unwritten)
            dropped = assignment.is_copy and self.mode == "drop"
            if state.shared and not dropped:
                self.reserved[record.article_id] = state.reserve(record, keys)
        self.stats.inc_value(f"dedup/{assignment.match}")
        if dropped:
            reason = "near_duplicate" if assignment.match == "near" else "duplicate_text"
            if assignment.match == "same_url":
                reason = "duplicate_url"
            raise self.drop(reason, item.get("url") or "?",
                            f"copy of {assignment.duplicate_of} ({assignment.similarity:.2f})")
        item["cluster_id"] = assignment.cluster_id
        item["duplicate_of"] = assignment.duplicate_of
        if assignment.is_copy:
            logger.info("%s is a copy of %s (%s, %.2f)", item.get("url"),
                        assignment.duplicate_of, assignment.match, assignment.similarity)
        if not state.shared:
            self.pending[record.article_id] = (record, keys)
        return item

    def item_exported(self, item: Any) -> None:
        """The item's line is written: now the state remembers it."""
        if self.dedup is None or not isinstance(item, dict):
            return
        self.reserved.pop(str(item.get("id")), None)
        pending = self.pending.pop(str(item.get("id")), None)
        if pending is not None:
            self.dedup.add(*pending)

    def item_dropped(self, item: Any, response: Any = None, exception: Any = None,
                     spider: Any = None) -> None:
        """A later pipeline dropped an item this one marked: it is never remembered."""
        if not isinstance(item, dict):
            return
        article_id = str(item.get("id"))
        self.pending.pop(article_id, None)
        if self.dedup is not None and article_id in self.reserved:
            before = self.reserved.pop(article_id)
            with self.dedup.state.locked():
                self.dedup.state.unreserve(article_id, before)
