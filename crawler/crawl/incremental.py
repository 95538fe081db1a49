"""Incremental crawls: articles already exported are not fetched or exported again.

With ``INCREMENTAL = True`` (or a ``JOBDIR``), the seen-store (crawler.store.seen) decides:

- the spider asks ``Incremental.wants()`` before requesting an article: one never exported is
  fetched; one exported before is fetched again only with ``-a refresh=1`` or when its
  published_at is less than ``RECHECK_DAYS`` before now (``INCREMENTAL_NOW`` overrides now);
- ``IncrementalPipeline`` (after extraction, before export) gives each item its ``version``: 1
  for a new article, the stored version + 1 when modified_at or the text changed; an unchanged
  re-fetch is counted ``incremental/unchanged`` and dropped;
- the record is written on ``item_exported`` (crawler.export.confirm), once the line is in every
  feed, so neither a crash nor an unwritable output marks an unexported article as done, and a
  re-run exports exactly what is missing.

Feeds, sitemaps and listings are fetched every run. For pause/resume with ``JOBDIR``,
``RunDupeFilter`` keeps Scrapy's dupefilter in memory (a request scheduled but never finished
must not count as done) and ``ResumableScheduler`` keeps discovery and listing pages out of the
disk queue (they are redone every run): only pending article requests are carried over, and one
that the new run rediscovers is fetched once.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.core.scheduler import Scheduler
from scrapy.dupefilters import RFPDupeFilter
from scrapy.exceptions import NotConfigured

from crawler.crawl.signals import item_exported
from crawler.store.seen import SeenRecord, SeenStore, open_seen_store

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings
    from scrapy.statscollectors import StatsCollector
    from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)




def incremental_enabled(settings: BaseSettings) -> bool:
    """True with ``INCREMENTAL`` on, or with a ``JOBDIR`` (a resumed job must not re-export)."""
    return settings.getbool("INCREMENTAL") or bool(settings.get("JOBDIR"))


def _parse_instant(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class Incremental:
    """One crawl's view of the seen-store, shared by the spider and the pipeline."""

    def __init__(self, store: SeenStore, stats: StatsCollector, recheck_days: float,
                 now: datetime | None = None):
        if recheck_days < 0:
            raise ValueError(f"RECHECK_DAYS must be >= 0, got {recheck_days}")
        self.store = store
        self.stats = stats
        self.recheck = timedelta(days=recheck_days)
        self.now = now or datetime.now(UTC)
        self.passed: set[str] = set()
        """Article ids passed to export in this run (a second copy is a duplicate)."""
        self.decided: dict[str, bool] = {}
        """The spider's answer per article id in this run (an article is linked many times)."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Incremental:
        """The crawl's instance (an extension); NotConfigured when incremental mode is off."""
        settings = crawler.settings
        if not incremental_enabled(settings):
            raise NotConfigured
        now_setting = settings.get("INCREMENTAL_NOW")
        now = _parse_instant(now_setting)
        if now_setting and now is None:
            raise ValueError(f"INCREMENTAL_NOW must be an ISO date, got {now_setting!r}")
        assert crawler.stats is not None
        instance = cls(open_seen_store(settings), crawler.stats,
                       settings.getfloat("RECHECK_DAYS"), now=now)
        crawler.signals.connect(instance.item_exported, signal=item_exported)
        crawler.signals.connect(instance.spider_closed, signal=signals.spider_closed)
        logger.info("incremental crawl: %d articles exported before; re-check window %s",
                    len(instance.store), instance.recheck)
        return instance

    # -- the spider's question -------------------------------------------------------------

    def wants(self, article_id: str, refresh: bool = False) -> bool:
        """Should the spider fetch this article? Counts the answer under incremental/."""
        if article_id not in self.decided:
            self.decided[article_id] = self._wants(article_id, refresh)
        return self.decided[article_id]

    def _wants(self, article_id: str, refresh: bool) -> bool:
        record = self.store.get(article_id)
        if record is None:
            return True
        if refresh:
            self.stats.inc_value("incremental/refetch_refresh")
            return True
        published = _parse_instant(record.published_at)
        if published is not None and self.now - published < self.recheck:
            self.stats.inc_value("incremental/refetch_recent")
            return True
        self.stats.inc_value("incremental/skipped_seen")
        self.stats.inc_value(f"incremental/skipped_seen/site/{record.site}")
        return False

    # -- the pipeline's decision -----------------------------------------------------------

    def version_of(self, item: dict[str, Any]) -> int | None:
        """The item's version, or None when it must not be exported (unchanged or repeated)."""
        article_id = item["id"]
        if article_id in self.passed:
            self.stats.inc_value("incremental/duplicate_in_run")
            return None
        record = self.store.get(article_id)
        if record is None:
            version = 1
            self.stats.inc_value("incremental/new")
        elif (record.modified_at == item.get("modified_at")
              and record.text_hash == SeenRecord.from_item(item, "").text_hash):
            self.stats.inc_value("incremental/unchanged")
            return None
        else:
            version = record.version + 1
            self.stats.inc_value("incremental/new_version")
        self.passed.add(article_id)
        return version

    # -- signals ---------------------------------------------------------------------------

    def item_exported(self, item: Any, spider: Spider) -> None:
        """The item's line is in every feed: only now is it recorded as done."""
        if not isinstance(item, dict) or not item.get("id"):
            return
        exported_at = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        self.store.put(SeenRecord.from_item(item, exported_at))

    def spider_closed(self, spider: Spider) -> None:
        self.store.close()


class RunDupeFilter(RFPDupeFilter):
    """Scrapy's request dupefilter, kept in memory even with a JOBDIR.

    The seen-store, written after export, decides what is done; a persisted ``requests.seen``
    would also mark articles that were scheduled but never exported before a stop.
    """

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(None, crawler.settings.getbool("DUPEFILTER_DEBUG"),
                   fingerprinter=crawler.request_fingerprinter)


class ResumableScheduler(Scheduler):
    """Scrapy's scheduler, made for resuming with JOBDIR and an in-memory dupefilter.

    Discovery and listing pages stay out of the disk queue: every run redoes them, and a stale
    one from a stopped run would upset the spider's per-site discovery count. An article request
    carried over from a stopped run is skipped when this run has already scheduled it again
    (rediscovery), so a resumed crawl fetches it once.
    """

    def open(self, spider: Spider) -> Deferred[None] | None:
        self.pushed_this_run: Counter[bytes] = Counter()
        return super().open(spider)

    def _fingerprint(self, request: Request) -> bytes:
        assert self.crawler is not None
        return self.crawler.request_fingerprinter.fingerprint(request)

    def _dqpush(self, request: Request) -> bool:
        if request.meta.get("discovery_page") or "listing_depth" in request.meta:
            return False
        if not super()._dqpush(request):
            return False
        self.pushed_this_run[self._fingerprint(request)] += 1
        return True

    def _dqpop(self) -> Request | None:
        assert self.stats is not None
        while (request := super()._dqpop()) is not None:
            fingerprint = self._fingerprint(request)
            if self.pushed_this_run[fingerprint] > 0:
                self.pushed_this_run[fingerprint] -= 1
                if not self.pushed_this_run[fingerprint]:
                    del self.pushed_this_run[fingerprint]
                return request
            # carried over from the stopped run
            if request.dont_filter or not self.df.request_seen(request):
                self.stats.inc_value("scheduler/resumed")
                return request
            self.stats.inc_value("scheduler/resumed_duplicate")
        return None
