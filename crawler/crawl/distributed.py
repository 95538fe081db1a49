"""Distributed mode: ``-s REDIS_URL=redis://host:6379/0`` runs the spider on scrapy-redis.

Every worker runs the same ``scrapy crawl arabstoday`` command. They share, in Redis under
``REDIS_KEY_PREFIX`` (default ``arabstoday``):

- the request queue and the dupefilter (scrapy-redis' priority queue and fingerprints), with
  enqueueing atomic (fingerprint and queue entry in one Lua script), so every worker's identical
  seeds and every discovery page are fetched once;
- a lease per request being processed: popping moves the request into the worker's
  ``inflight:<worker>`` hash, and it leaves only when its work is done (its callback's requests
  are in the queue, its item exported or dropped). Workers keep a heartbeat key alive; a worker
  that stops beating (killed) has its leases put back into the queue by the others, so no
  request is lost (at-least-once: a page may be fetched twice, its article is exported once);
- the discovery phase per site: the discovery pages still pending and the articles held with
  their hints (``disc:<site>:all|done``, ``held:<site>``), so that, as in one process, articles
  found in feeds and sitemaps are requested once every discovery page of their site is read,
  with the hints of every page that listed them, whichever worker read which page;
- the ids exported in this run (``exported``): an article is exported by one worker only;
- the seen-store for incremental crawls and the duplicate-clustering state
  (crawler.store.redis).

Each worker writes its own output: ``-o 'output/shard-%(worker)s.jsonl'`` (``WORKER_ID``,
default ``<host>-<pid>``). A worker stops when the queue is empty and no live worker holds a
lease; the last one to stop deletes the run's queue, dupefilter and discovery state, so the next
run starts afresh. Settings: ``REDIS_URL``, ``REDIS_KEY_PREFIX``, ``WORKER_ID``,
``DISTRIBUTED_HEARTBEAT`` (seconds between beats, 2), ``DISTRIBUTED_WORKER_TIMEOUT`` (seconds
without a beat before a worker counts as dead, 15), ``DISTRIBUTED_POLL`` (seconds between looks
at the shared queue while this worker has nothing to do, 0.2).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Request
from scrapy.utils.asyncio import create_looping_call
from scrapy_redis.connection import get_redis_from_settings
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler

if TYPE_CHECKING:
    from redis import Redis
    from scrapy import Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


DEFAULT_PREFIX = "arabstoday"

_ENQUEUE = """
if ARGV[4] == '1' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""


_POP = """
local top = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #top == 0 then return false end
redis.call('ZREM', KEYS[1], top[1])
local id = redis.sha1hex(top[1])
redis.call('HSET', KEYS[2], id, top[1], 's:' .. id, top[2])
return {id, top[1]}
"""

_REQUEUE = """
for _, id in ipairs(redis.call('SMEMBERS', KEYS[4])) do
  if redis.call('HGET', KEYS[3], id) == ARGV[1] then redis.call('HDEL', KEYS[3], id) end
end
redis.call('DEL', KEYS[4])
local entries = redis.call('HGETALL', KEYS[1])
local moved = 0
for i = 1, #entries, 2 do
  local field = entries[i]
  if string.sub(field, 1, 2) ~= 's:' then
    local score = redis.call('HGET', KEYS[1], 's:' .. field) or '0'
    redis.call('ZADD', KEYS[2], score, entries[i + 1])
    moved = moved + 1
  end
end
redis.call('DEL', KEYS[1])
return moved
"""


_CLAIM = """
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 0 end
local owner = redis.call('HGET', KEYS[2], ARGV[1])
if owner and owner ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('SADD', KEYS[3], ARGV[1])
return 1
"""

_EXPORTED = """
redis.call('SADD', KEYS[1], ARGV[1])
if redis.call('HGET', KEYS[2], ARGV[1]) == ARGV[2] then redis.call('HDEL', KEYS[2], ARGV[1]) end
redis.call('SREM', KEYS[3], ARGV[1])
"""


_UNCLAIM = """
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then redis.call('HDEL', KEYS[1], ARGV[1]) end
redis.call('SREM', KEYS[2], ARGV[1])
"""

_DISCOVERY_DONE = """
redis.call('SADD', KEYS[2], ARGV[1])
return #redis.call('SDIFF', KEYS[1], KEYS[2])
"""


def default_worker_id() -> str:
    return f"{socket.gethostname()}-{os.getpid()}"


def enable(crawler: Crawler, spider: Spider) -> Coordinator:
    """Switch this crawl to distributed mode (called by the spider when REDIS_URL is set)."""
    settings = crawler.settings
    prefix = settings.get("REDIS_KEY_PREFIX") or DEFAULT_PREFIX
    worker = settings.get("WORKER_ID") or default_worker_id()
    for name, value in (
        ("SCHEDULER", "crawler.crawl.distributed.LeasingScheduler"),
        ("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter"),
        ("SCHEDULER_PERSIST", True),
        ("SCHEDULER_QUEUE_CLASS", "scrapy_redis.queue.PriorityQueue"),
        ("SCHEDULER_QUEUE_KEY", f"{prefix}:requests"),
        ("SCHEDULER_DUPEFILTER_KEY", f"{prefix}:dupefilter"),
        ("WORKER_ID", worker),
        ("DEDUP_STATE_CLASS", "crawler.store.redis.RedisDedupState"),
        ("SEEN_STORE_CLASS", "crawler.store.redis.RedisSeenStore"),
    ):
        settings.set(name, value, priority="spider")
    pipelines = settings.getdict("ITEM_PIPELINES")
    pipelines["crawler.pipelines.distributed.RunDedupPipeline"] = 850
    settings.set("ITEM_PIPELINES", pipelines, priority="spider")
    coordinator = Coordinator(crawler, get_redis_from_settings(settings), prefix, worker)
    spider.worker = worker  # type: ignore[attr-defined]  # for -o 'shard-%(worker)s.jsonl'
    logger.info("distributed mode: worker %s, Redis keys %s:*", worker, prefix)
    return coordinator


@dataclass
class Lease:
    """A popped request's claim: released when its output is enqueued and its items are done."""

    key: str
    open: int = 0
    """Requests yielded but not yet enqueued, and items yielded but not yet exported/dropped."""
    items: int = 0
    """Of ``open``, the items (a spider middleware may hold them back for a while)."""
    exhausted: bool = False


class Coordinator:
    """One worker's side of the shared state: leases, heartbeats, discovery phase, shutdown."""

    def __init__(self, crawler: Crawler, server: Redis, prefix: str, worker: str):
        self.crawler = crawler
        self.server = server
        self.prefix = prefix
        self.worker = worker
        settings = crawler.settings
        self.heartbeat = settings.getfloat("DISTRIBUTED_HEARTBEAT", 2.0)
        self.poll = settings.getfloat("DISTRIBUTED_POLL", 0.2)
        self.timeout = settings.getfloat("DISTRIBUTED_WORKER_TIMEOUT", 15.0)
        self.leases: dict[str, Lease] = {}
        self.item_leases: dict[str, Lease] = {}  # canonical URL of a pending item -> its lease
        self.current: Request | None = None  # the leased request whose callback is running
        self._requeue = server.register_script(_REQUEUE)
        self._discovery_done = server.register_script(_DISCOVERY_DONE)
        self._beat: threading.Thread | None = None
        self._stopping = threading.Event()
        self._registered = False
        self.waiting = False  # this worker is idle, kept open for the others
        self._poller: Any = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    def key(self, *parts: str) -> str:
        return ":".join((self.prefix, *parts))

    @property
    def inflight_key(self) -> str:
        return self.key("inflight", self.worker)

    def count(self, name: str, value: int = 1) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"distributed/{name}", value)

    # -- membership --------------------------------------------------------------------------

    def register(self) -> None:
        if not self._registered:
            # A worker restarted under the same WORKER_ID takes back what it held when it died.
            moved = self.requeue(self.worker)
            if moved:
                self.count("requeued_from_previous_run_of_this_worker", moved)
                logger.warning("%d requests leased by an earlier %s requeued", moved, self.worker)
            self._registered = True
        self.beat()
        self.server.sadd(self.key("workers"), self.worker)

    def beat(self) -> None:
        self.server.set(self.key("worker", self.worker), str(time.time()),
                        px=int(self.timeout * 1000))

    def _beat_forever(self) -> None:
        """A thread, so that a busy reactor (long extraction) never looks like a dead worker."""
        while not self._stopping.wait(self.heartbeat):
            try:
                self.beat()
            except Exception:  # a Redis hiccup: the next beat retries
                logger.exception("heartbeat failed")

    def spider_opened(self) -> None:
        # Connected now, after every extension: handlers run in the order they were connected,
        # so a lease is released only after the feed exporter has written its article (the
        # coordinator is made with the spider, before the extensions).
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            self.crawler.signals.connect(self.item_done, signal=signal)
        self.register()
        self._beat = threading.Thread(target=self._beat_forever, daemon=True,
                                      name=f"heartbeat-{self.worker}")
        self._beat.start()
        self._poller = create_looping_call(self.wake_if_queued)
        self._poller.start(self.poll, now=False)

    def wake_if_queued(self) -> None:
        """Another worker queued requests, or this one waits for others to finish: wake this
        engine now (it pulls from the queue, or checks again whether to close), not at its 5 s
        heartbeat. Scrapy has no public call for this; ``_slot.nextcall`` is what
        ``engine.crawl()`` uses.
        """
        if not self.waiting and not self.server.zcard(self.key("requests")):
            return
        nextcall = getattr(getattr(self.crawler.engine, "_slot", None), "nextcall", None)
        if nextcall is not None:
            nextcall.schedule()

    def live_workers(self) -> set[str]:
        """Registered workers with a heartbeat; dead ones get their leases requeued first."""
        live: set[str] = set()
        for raw in self.server.smembers(self.key("workers")):
            worker = raw.decode() if isinstance(raw, bytes) else str(raw)
            if worker == self.worker or self.server.exists(self.key("worker", worker)):
                live.add(worker)
                continue
            moved = self.requeue(worker)
            self.server.srem(self.key("workers"), worker)
            if moved:
                self.count("requeued_from_dead_workers", moved)
                logger.warning("worker %s stopped beating: %d of its requests requeued",
                               worker, moved)
        return live

    def requeue(self, worker: str) -> int:
        """Put ``worker``'s leased requests back into the queue and drop its export claims."""
        return int(self._requeue(keys=[self.key("inflight", worker), self.key("requests"),
                                       self.key("claims"), self.key("claimed", worker)],
                                 args=[worker]))

    # -- leases ------------------------------------------------------------------------------

    def lease(self, request: Request, key: str) -> Request:
        """Attach a lease to a popped request; its callback and errback report completion."""
        self.waiting = False
        lease = Lease(key)
        self.leases[key] = lease
        request.meta["lease"] = key
        if request.callback is not None:
            request.callback = self._wrap(request.callback, lease, request)
        if request.errback is not None:
            request.errback = self._wrap(request.errback, lease, request)
        return request

    def _wrap(self, func: Callable[..., Any], lease: Lease, request: Request
              ) -> Callable[..., Any]:
        def leased(*args: Any, **kwargs: Any) -> Any:
            self.current = request
            try:
                output = func(*args, **kwargs)
            except BaseException:
                self._exhausted(lease)
                raise
            finally:
                self.current = None
            return self._track(output, lease)

        leased.__leased__ = func  # type: ignore[attr-defined]
        return leased

    def _track(self, output: Any, lease: Lease) -> Any:
        if output is None:
            self._exhausted(lease)
            return None
        if hasattr(output, "__aiter__"):
            return self._track_async(output, lease)
        if isinstance(output, Request) or not isinstance(output, Iterable):
            output = [output]
        return self._track_sync(output, lease)

    def _note(self, result: Any, lease: Lease) -> None:
        lease.open += 1
        if isinstance(result, Request):
            result.meta["lease_parent"] = lease.key
            return
        lease.items += 1
        self.item_leases[_item_url(result)] = lease

    def _track_sync(self, output: Iterable[Any], lease: Lease) -> Iterable[Any]:
        try:
            for result in output:
                self._note(result, lease)
                yield result
        finally:
            self._exhausted(lease)

    async def _track_async(self, output: AsyncIterator[Any], lease: Lease) -> AsyncIterator[Any]:
        try:
            async for result in output:
                self._note(result, lease)
                yield result
        finally:
            self._exhausted(lease)

    def _exhausted(self, lease: Lease) -> None:
        lease.exhausted = True
        self._maybe_release(lease)

    def _child_done(self, key: str | None) -> None:
        lease = self.leases.get(key) if key else None
        if lease is not None:
            lease.open -= 1
            self._maybe_release(lease)

    def _maybe_release(self, lease: Lease) -> None:
        if lease.exhausted and lease.open <= 0:
            self.release(lease.key)

    def release(self, key: str) -> None:
        self.leases.pop(key, None)
        self.server.hdel(self.inflight_key, key, f"s:{key}")

    def enqueued(self, request: Request) -> None:
        """Called by the scheduler once ``request`` is in the shared queue (or filtered)."""
        self._child_done(request.meta.pop("lease_parent", None))

    def item_done(self, item: Any) -> None:
        """An item left the pipelines (exported, dropped or failed); matched to its lease by
        URL, since a middleware may release it with another response's output."""
        lease = self.item_leases.pop(_item_url(item), None)
        if lease is not None:
            lease.items -= 1
            lease.open -= 1
            self._maybe_release(lease)

    # -- discovery phase ---------------------------------------------------------------------

    def add_discovery(self, site: str, url: str) -> None:
        self.server.sadd(self.key("disc", site, "all"), url)

    def discovery_done(self, site: str, held: dict[str, list[dict[str, Any]]]) -> bool:
        """Record the discovery page being read and its held articles; True when it was the
        site's last pending discovery page (then ``held(site)`` has every worker's articles)."""
        request = self.current
        if request is None:
            raise RuntimeError("discovery_done outside a leased discovery callback")
        page = request.meta.get("discovery_url") or request.url
        if held:
            mapping = {f"{url}\x1f{hints.get('found_on') or ''}\x1f{i}":
                       json.dumps(hints, ensure_ascii=False, sort_keys=True)
                       for url, all_hints in held.items() for i, hints in enumerate(all_hints)}
            self.server.hset(self.key("held", site), mapping=mapping)  # type: ignore[arg-type]
        remaining = int(self._discovery_done(
            keys=[self.key("disc", site, "all"), self.key("disc", site, "done")], args=[page]))
        return remaining == 0

    def held(self, site: str) -> dict[str, list[dict[str, Any]]]:
        """Every article held for ``site`` by any worker, with its hints (deduplicated)."""
        articles: dict[str, list[dict[str, Any]]] = {}
        for field, value in self.server.hgetall(self.key("held", site)).items():
            url = (field.decode() if isinstance(field, bytes) else str(field)).split("\x1f")[0]
            hints = json.loads(value)
            if hints not in articles.setdefault(url, []):
                articles[url].append(hints)
        return articles

    # -- idle and shutdown -------------------------------------------------------------------

    def spider_idle(self) -> None:
        # The engine is idle: a lease still open for requests only had them filtered out by a
        # middleware, so it is done; one with items waits for them (they may be held back).
        for lease in list(self.leases.values()):
            if lease.exhausted and lease.items <= 0:
                self.release(lease.key)
        live = self.live_workers()
        self.waiting = True
        if self.server.zcard(self.key("requests")):
            raise DontCloseSpider
        busy = [w for w in live - {self.worker} if self.server.hlen(self.key("inflight", w))]
        if busy:
            logger.debug("waiting for workers %s", ", ".join(sorted(busy)))
            raise DontCloseSpider
        self.waiting = False

    def spider_closed(self, reason: str) -> None:
        self._stopping.set()
        if self._beat is not None:  # a beat in progress would set the key deleted below again
            self._beat.join(timeout=10)
        if self._poller is not None and self._poller.running:
            self._poller.stop()
        moved = self.requeue(self.worker)
        if moved:
            self.count("requeued_on_close", moved)
        self.server.srem(self.key("workers"), self.worker)
        self.server.delete(self.key("worker", self.worker))
        if not (self.live_workers() - {self.worker}) and not self.server.zcard(
                self.key("requests")):
            self.clear_run()

    def clear_run(self) -> None:
        """Delete this run's queue, dupefilter and discovery state (the seen-store stays)."""
        keys = [self.key("requests"), self.key("dupefilter"), self.key("exported"),
                self.key("claims")]
        for pattern in ("disc:*", "held:*", "inflight:*", "claimed:*"):
            keys.extend(self.server.scan_iter(match=self.key(pattern), count=500))
        if keys:
            self.server.delete(*keys)
        logger.info("last worker of the run: cleared %s run state", self.prefix)


class LeasingScheduler(Scheduler):
    """scrapy-redis' scheduler with atomic enqueueing and leased pops (see the module doc)."""

    coordinator: Coordinator

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LeasingScheduler:
        instance: LeasingScheduler = super().from_crawler(crawler)
        return instance

    def open(self, spider: Spider) -> None:
        super().open(spider)
        coordinator = getattr(spider, "distributed", None)
        if not isinstance(coordinator, Coordinator):
            raise RuntimeError("LeasingScheduler needs the spider's distributed coordinator")
        self.coordinator = coordinator
        coordinator.register()
        self._enqueue = self.server.register_script(_ENQUEUE)
        self._pop = self.server.register_script(_POP)
        self.local: deque[Request] = deque()

    def close(self, reason: str) -> None:
        """The run state stays in Redis for the other workers (the coordinator clears it)."""

    def enqueue_request(self, request: Request) -> bool:
        request = _unwrap(request)
        superseded = request.meta.pop("lease", None)  # a redirect or retry of a leased request
        assert isinstance(self.df, RFPDupeFilter)
        fingerprint = self.df.request_fingerprint(request)
        try:
            data = self.queue._encode_request(request)
        except ValueError:
            # Its callback is not a spider method (a middleware's own request, e.g. the template
            # warm-up flush): it can only run here, so it stays in this worker's memory.
            self.local.append(request)
            self.coordinator.enqueued(request)
            return True
        added = bool(self._enqueue(
            keys=[self.df.key, self.queue.key],
            args=[fingerprint, -request.priority, data, "0" if request.dont_filter else "1"]))
        if superseded:
            self.coordinator.release(superseded)
        self.coordinator.enqueued(request)
        if not added:
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def has_pending_requests(self) -> bool:
        return bool(self.local) or len(self) > 0

    def next_request(self) -> Request | None:
        if self.local:
            return self.local.popleft()
        popped = self._pop(keys=[self.queue.key, self.coordinator.inflight_key])
        if not popped:
            return None
        key, data = popped
        request = self.queue._decode_request(data)
        if self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return self.coordinator.lease(request, key.decode() if isinstance(key, bytes) else key)


def _item_url(item: Any) -> str:
    if isinstance(item, dict):
        return str(item.get("canonical_url") or item.get("url") or id(item))
    return str(getattr(item, "canonical_url", None) or getattr(item, "url", None) or id(item))


def _unwrap(request: Request) -> Request:
    """The request with its spider callbacks back, so that it can be serialized again."""
    callback = getattr(request.callback, "__leased__", request.callback)
    errback = getattr(request.errback, "__leased__", request.errback)
    if callback is request.callback and errback is request.errback:
        return request
    return request.replace(callback=callback, errback=errback)
