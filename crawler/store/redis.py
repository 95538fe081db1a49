"""The seen-store and the duplicate state in Redis, shared by the workers of a distributed crawl
(crawler.crawl.distributed sets both when ``REDIS_URL`` is set).

Seen-store: one hash, ``<REDIS_KEY_PREFIX>:seen``: article id -> the record as JSON. Every put
is one HSET, so a record written by one worker is visible to every other at once. The run's
queue state is cleared when a distributed run ends; the seen-store and the duplicate state stay,
like the SQLite files of one process.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from crawler.store.duplicates import SCHEME, SIGNATURE_DTYPE, Banding, DedupRecord, DedupState
from crawler.store.seen import RECORD_FIELDS, SeenRecord, SeenStore

if TYPE_CHECKING:
    from redis import Redis



DEFAULT_PREFIX = "arabstoday"


class RedisSeenStore(SeenStore):
    """Exported articles by article id in a Redis hash."""

    def __init__(self, server: Redis, key: str):
        self.server = server
        self.key = key

    @classmethod
    def from_settings(cls, settings: Any) -> RedisSeenStore:
        """The store of ``REDIS_URL`` under ``REDIS_KEY_PREFIX`` (default ``arabstoday``)."""
        from redis import Redis

        url = settings.get("REDIS_URL")
        if not url:
            raise ValueError("RedisSeenStore needs the REDIS_URL setting")
        prefix = settings.get("REDIS_KEY_PREFIX") or DEFAULT_PREFIX
        return cls(Redis.from_url(url, socket_timeout=30, retry_on_timeout=True), f"{prefix}:seen")

    @staticmethod
    def _decode(raw: bytes | str) -> SeenRecord:
        data = json.loads(raw)
        return SeenRecord(**{name: data.get(name) for name in RECORD_FIELDS})

    def get(self, article_id: str) -> SeenRecord | None:
        raw = self.server.hget(self.key, article_id)
        return self._decode(raw) if raw is not None else None

    def put(self, record: SeenRecord) -> None:
        self.server.hset(self.key, record.article_id,
                         json.dumps(record.as_dict(), ensure_ascii=False, sort_keys=True))

    def __iter__(self) -> Iterator[SeenRecord]:
        for _field, raw in self.server.hscan_iter(self.key, count=1000):
            yield self._decode(raw)

    def __len__(self) -> int:
        return int(self.server.hlen(self.key))

    def __contains__(self, article_id: object) -> bool:
        return isinstance(article_id, str) and bool(self.server.hexists(self.key, article_id))

    def clear(self) -> None:
        """Forget every record (tests, or starting the archive afresh)."""
        self.server.delete(self.key)

    def close(self) -> None:
        self.server.close()


class RedisDedupState(DedupState):
    """The duplicate state (crawler.store.duplicates) in Redis, shared by every worker
    (``DEDUP_STATE_CLASS``).

    Keys under ``<prefix>:dedup:``: ``rec`` (article id -> record as JSON, signature in hex,
    band keys), ``url`` (canonical URL -> id), ``text:<hash>`` (ids by insertion order),
    ``band:<key>`` (ids), ``seq`` (insertion counter), ``banding`` (the LSH parameters).
    Writes go straight to Redis: nothing to flush. Workers look an article up and reserve its
    record under one lock, ``lock``, so of two copies marked at once the second sees the first.
    """

    shared = True
    LOCK_SECONDS = 10
    """A worker killed holding the lock holds up the others this long at most."""

    def __init__(self, server: Redis, prefix: str, banding: Banding):
        self.server = server
        self.prefix = f"{prefix}:dedup"
        wanted = f"{banding.bands}x{banding.rows}/{SCHEME}"
        self.server.setnx(f"{self.prefix}:banding", wanted)
        stored = self.server.get(f"{self.prefix}:banding")
        stored_text = stored.decode() if isinstance(stored, bytes) else str(stored)
        if stored_text != wanted:
            raise ValueError(f"{self.prefix} was built with LSH banding {stored_text}, this run "
                             f"uses {wanted}: keep DEDUP_THRESHOLD and DEDUP_NUM_PERM, or use "
                             "another REDIS_KEY_PREFIX")

    @classmethod
    def from_settings(cls, settings: Any, banding: Banding) -> RedisDedupState:
        from redis import Redis

        url = settings.get("REDIS_URL")
        if not url:
            raise ValueError("RedisDedupState needs the REDIS_URL setting")
        prefix = settings.get("REDIS_KEY_PREFIX") or DEFAULT_PREFIX
        return cls(Redis.from_url(url, socket_timeout=30, retry_on_timeout=True), prefix,
                   banding)

    def _record(self, raw: bytes | str | None) -> DedupRecord | None:
        if raw is None:
            return None
        import numpy as np

        data = json.loads(raw)
        return DedupRecord(data["article_id"], data["canonical_url"], data["text_hash"],
                           data["cluster_id"], data["duplicate_of"],
                           np.frombuffer(bytes.fromhex(data["signature"]), dtype=SIGNATURE_DTYPE),
                           int(data["seq"]))

    def _get(self, article_id: bytes | str | None) -> DedupRecord | None:
        if article_id is None:
            return None
        return self._record(self.server.hget(f"{self.prefix}:rec", article_id))

    def by_url(self, canonical_url: str) -> DedupRecord | None:
        return self._get(self.server.hget(f"{self.prefix}:url", canonical_url))

    def by_text_hash(self, digest: str) -> DedupRecord | None:
        first = self.server.zrange(f"{self.prefix}:text:{digest}", 0, 0)
        return self._get(first[0]) if first else None  # type: ignore[arg-type]

    def candidates(self, band_keys: list[int]) -> list[DedupRecord]:
        if not band_keys:
            return []
        ids = self.server.sunion([f"{self.prefix}:band:{key}" for key in band_keys])
        if not ids:
            return []
        raws = self.server.hmget(f"{self.prefix}:rec", sorted(ids))
        records = [r for raw in raws if (r := self._record(raw)) is not None]
        return sorted(records, key=lambda record: record.seq)

    def add(self, record: DedupRecord, band_keys: list[int]) -> None:
        self.remove(record.article_id)
        seq = int(self.server.incr(f"{self.prefix}:seq"))
        data = {"article_id": record.article_id, "canonical_url": record.canonical_url,
                "text_hash": record.text_hash, "cluster_id": record.cluster_id,
                "duplicate_of": record.duplicate_of, "seq": seq, "bands": band_keys,
                "signature": record.signature.astype(SIGNATURE_DTYPE).tobytes().hex()}
        pipe = self.server.pipeline()
        pipe.hset(f"{self.prefix}:rec", record.article_id, json.dumps(data))
        pipe.hset(f"{self.prefix}:url", record.canonical_url, record.article_id)
        pipe.zadd(f"{self.prefix}:text:{record.text_hash}", {record.article_id: seq})
        for key in band_keys:
            pipe.sadd(f"{self.prefix}:band:{key}", record.article_id)
        pipe.execute()

    def locked(self) -> AbstractContextManager[Any]:
        return self.server.lock(f"{self.prefix}:lock", timeout=self.LOCK_SECONDS,
                                blocking_timeout=3 * self.LOCK_SECONDS)

    def reserve(self, record: DedupRecord, band_keys: list[int]) -> Any:
        before = self.server.hget(f"{self.prefix}:rec", record.article_id)
        self.add(record, band_keys)
        return before

    def unreserve(self, article_id: str, before: Any) -> None:
        self.remove(article_id)
        if before is None:
            return
        data = json.loads(before)
        pipe = self.server.pipeline()
        pipe.hset(f"{self.prefix}:rec", article_id, before)
        pipe.hset(f"{self.prefix}:url", data["canonical_url"], article_id)
        pipe.zadd(f"{self.prefix}:text:{data['text_hash']}", {article_id: data["seq"]})
        for key in data.get("bands", []):
            pipe.sadd(f"{self.prefix}:band:{key}", article_id)
        pipe.execute()

    def remove(self, article_id: str) -> None:
        raw = self.server.hget(f"{self.prefix}:rec", article_id)
        if raw is None:
            return
        data = json.loads(raw)
        pipe = self.server.pipeline()
        pipe.hdel(f"{self.prefix}:rec", article_id)
        if self.server.hget(f"{self.prefix}:url", data["canonical_url"]) in (
                article_id, article_id.encode()):
            pipe.hdel(f"{self.prefix}:url", data["canonical_url"])
        pipe.zrem(f"{self.prefix}:text:{data['text_hash']}", article_id)
        for key in data.get("bands", []):
            pipe.srem(f"{self.prefix}:band:{key}", article_id)
        pipe.execute()

    def __len__(self) -> int:
        return int(self.server.hlen(f"{self.prefix}:rec"))

    def flush(self) -> None:
        """Nothing to do: every write went to Redis at once."""

    def close(self) -> None:
        self.server.close()
