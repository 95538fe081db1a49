"""In distributed mode, an article is exported once per run, by whichever worker is first."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import DropItem
from scrapy_redis.connection import get_redis_from_settings

from crawler.crawl.distributed import _CLAIM, _EXPORTED, _UNCLAIM, DEFAULT_PREFIX, default_worker_id
from crawler.crawl.signals import item_exported

if TYPE_CHECKING:
    from redis import Redis
    from scrapy.crawler import Crawler
    from scrapy.settings import Settings
logger = logging.getLogger(__name__)



class RunDedupPipeline:
    """In distributed mode, an article is exported once per run, by whichever worker is first.

    A worker claims an article id before export (``claims``: id -> worker) and records it as
    exported once written (``exported``: its handler, connected when the pipeline is made, runs
    after the feed exporter's); a copy of an article that another worker exported or is
    exporting is dropped. A dead worker's claims are released with its leases, so the
    requeued request can export the article.
    """

    def __init__(self, crawler: Crawler, server: Redis, prefix: str, worker: str):
        self.crawler = crawler
        self.server = server
        self.worker = worker
        self.keys = [f"{prefix}:exported", f"{prefix}:claims", f"{prefix}:claimed:{worker}"]
        self._claim = server.register_script(_CLAIM)
        self._exported = server.register_script(_EXPORTED)
        self._unclaim = server.register_script(_UNCLAIM)
        crawler.signals.connect(self.item_exported, signal=item_exported)
        crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunDedupPipeline:
        settings: Settings = crawler.settings
        prefix = settings.get("REDIS_KEY_PREFIX") or DEFAULT_PREFIX
        worker = settings.get("WORKER_ID") or default_worker_id()
        return cls(crawler, get_redis_from_settings(settings), prefix, worker)

    def process_item(self, item: Any) -> Any:
        article_id = item.get("id") if isinstance(item, dict) else None
        if article_id and not self._claim(keys=self.keys, args=[article_id, self.worker]):
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("dedup/exported_by_another_worker")
            self.crawler.stats.inc_value("dropped/duplicate_in_run")
            logger.info("dropped (duplicate_in_run) %s", item.get("url"))
            raise DropItem(f"dropped (duplicate_in_run) {item.get('url')}")
        return item

    def item_exported(self, item: Any) -> None:
        article_id = item.get("id") if isinstance(item, dict) else None
        if article_id:
            self._exported(keys=self.keys, args=[article_id, self.worker])

    def item_dropped(self, item: Any) -> None:
        article_id = item.get("id") if isinstance(item, dict) else None
        if article_id:
            self._unclaim(keys=self.keys[1:], args=[article_id, self.worker])
