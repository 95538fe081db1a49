"""The seen-store: which articles were exported, in which version, for incremental crawls.

A record is written only after its item was exported (see crawler.crawl.incremental), so the store
never claims an article that is not in some output file. ``open_seen_store(settings)`` picks the
backend from the settings: SQLite in ``STATE_DIR`` by default.
"""

from __future__ import annotations

import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from dataclasses import astuple, dataclass, fields
from pathlib import Path
from typing import Any

from scrapy.utils.misc import load_object

from crawler.text import normalise_space, text_digest

SEEN_DB_NAME = "seen.sqlite3"


@dataclass(frozen=True)
class SeenRecord:
    """The last exported version of one article."""

    article_id: str
    canonical_url: str
    site: str
    exported_at: str
    published_at: str | None
    modified_at: str | None
    text_hash: str
    version: int

    @classmethod
    def from_item(cls, item: Mapping[str, Any], exported_at: str) -> SeenRecord:
        """The record of an exported article item."""
        return cls(
            article_id=item["id"],
            canonical_url=item["canonical_url"],
            site=item["site"],
            exported_at=exported_at,
            published_at=item.get("published_at"),
            modified_at=item.get("modified_at"),
            text_hash=text_digest(normalise_space(item.get("text") or "")),
            version=int(item.get("version") or 1),
        )

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


RECORD_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(SeenRecord))


class SeenStore(ABC):
    """Exported articles by article id: SqliteSeenStore (one process) or
    crawler.store.redis.RedisSeenStore (shared by the workers of a distributed crawl)."""

    @classmethod
    @abstractmethod
    def from_settings(cls, settings: Any) -> SeenStore:
        """The store the settings describe (``settings``: Scrapy Settings or a mapping)."""

    @abstractmethod
    def get(self, article_id: str) -> SeenRecord | None:
        """The record of this article, or None if it was never exported."""

    @abstractmethod
    def put(self, record: SeenRecord) -> None:
        """Insert or replace the record of ``record.article_id``, durably."""

    @abstractmethod
    def __iter__(self) -> Iterator[SeenRecord]:
        """Every record, in no particular order."""

    @abstractmethod
    def __len__(self) -> int:
        """How many articles the store holds."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release the backend's resources."""

    def __contains__(self, article_id: object) -> bool:
        return isinstance(article_id, str) and self.get(article_id) is not None

    def __enter__(self) -> SeenStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class SqliteSeenStore(SeenStore):
    """SQLite in WAL mode: every put is committed at once, safe for one process."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Scrapy calls from the reactor thread only; check_same_thread off lets a thread pool
        # (e.g. a test or a tool) read it too, sequentially.
        self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                  timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")  # durable across a process crash
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS seen ("
            " article_id TEXT PRIMARY KEY, canonical_url TEXT NOT NULL, site TEXT NOT NULL,"
            " exported_at TEXT NOT NULL, published_at TEXT, modified_at TEXT,"
            " text_hash TEXT NOT NULL, version INTEGER NOT NULL)"
        )
        self._columns = ", ".join(RECORD_FIELDS)

    @classmethod
    def from_settings(cls, settings: Any) -> SqliteSeenStore:
        return cls(Path(settings.get("STATE_DIR") or ".state") / SEEN_DB_NAME)

    def get(self, article_id: str) -> SeenRecord | None:
        row = self.db.execute(f"SELECT {self._columns} FROM seen WHERE article_id = ?",
                              (article_id,)).fetchone()
        return SeenRecord(*row) if row else None

    def put(self, record: SeenRecord) -> None:
        marks = ", ".join("?" * len(RECORD_FIELDS))
        self.db.execute(f"INSERT OR REPLACE INTO seen ({self._columns}) VALUES ({marks})",
                        astuple(record))

    def __iter__(self) -> Iterator[SeenRecord]:
        for row in self.db.execute(f"SELECT {self._columns} FROM seen ORDER BY article_id"):
            yield SeenRecord(*row)

    def __len__(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM seen").fetchone()[0])

    def close(self) -> None:
        self.db.close()


def open_seen_store(settings: Any) -> SeenStore:
    """The seen-store ``SEEN_STORE_CLASS`` names (SQLite in ``STATE_DIR`` by default; distributed
    mode names crawler.store.redis.RedisSeenStore), built with its ``from_settings``."""
    cls = load_object(settings.get("SEEN_STORE_CLASS") or SqliteSeenStore)
    store: SeenStore = cls.from_settings(settings)
    return store
