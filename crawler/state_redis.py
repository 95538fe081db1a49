"""The seen-store in Redis, shared by the workers of a distributed crawl (crawler.distributed).

One hash, ``<REDIS_KEY_PREFIX>:seen``: article id -> the record as JSON. Every put is one HSET,
so a record written by one worker is visible to every other at once. The run's queue state is
cleared when a distributed run ends; this hash stays, like the SQLite store of one process.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from crawler.state import RECORD_FIELDS, SeenRecord, SeenStore

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
