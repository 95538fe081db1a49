"""The duplicate state: exported articles' fingerprints, kept between runs so that a column
exported last week is recognised this week. ``DedupState`` is the interface (SQLite here, Redis
in crawler.store.redis), chosen by ``DEDUP_STATE_CLASS``.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from abc import ABC, abstractmethod
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from scrapy.utils.misc import load_object

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two MinHash signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


DEDUP_DB_NAME = "dedup.sqlite3"


SCHEME = "affine32"
"""datasketch's MinHash scheme (32-bit hash values): part of the persisted state's format."""


SIGNATURE_DTYPE = np.uint32


CACHE_KIB = 32 * 1024
"""SQLite page cache of the state: the band index is read at random, so it should fit."""


KNOWN_BANDINGS: dict[tuple[float, int], tuple[int, int]] = {
    (0.3, 128): (37, 3), (0.4, 128): (32, 4), (0.5, 128): (25, 5), (0.6, 128): (18, 7),
    (0.7, 128): (14, 9), (0.8, 128): (9, 13)}
"""datasketch's ``_optimal_param(threshold, num_perm, 0.5, 0.5)`` for common settings (tested
against it), so that a crawl with them does not import datasketch and scipy."""


@cache
def _banding(threshold: float, num_perm: int) -> tuple[int, int]:
    """datasketch's optimal (bands, rows) weighing false positives and negatives equally."""
    if (threshold, num_perm) in KNOWN_BANDINGS:
        return KNOWN_BANDINGS[threshold, num_perm]
    from datasketch.lsh import _optimal_param  # imports scipy: only for other thresholds

    bands, rows = _optimal_param(threshold, num_perm, 0.5, 0.5)
    return int(bands), int(rows)


@cache
def _persons(bands: int) -> tuple[bytes, ...]:
    return tuple(band.to_bytes(4, "big") for band in range(bands))


@dataclass(frozen=True)
class Banding:
    """LSH banding: ``bands`` bands of ``rows`` hash values; a shared band makes a candidate."""

    bands: int
    rows: int

    @classmethod
    def for_threshold(cls, threshold: float, num_perm: int) -> Banding:
        return cls(*_banding(threshold, num_perm))

    def keys(self, hashvalues: np.ndarray) -> list[int]:
        """One signed 64-bit key per band (fits an SQLite INTEGER): the blake2b of the band's
        hash values (their bytes), personalised with the band number."""
        raw = hashvalues.tobytes()
        step = len(raw) // len(hashvalues) * self.rows
        blake2b, from_bytes = hashlib.blake2b, int.from_bytes
        return [from_bytes(blake2b(raw[band * step:(band + 1) * step], digest_size=8,
                                   person=person).digest(), "big", signed=True)
                for band, person in enumerate(_persons(self.bands))]


@dataclass(frozen=True)
class DedupRecord:
    """One exported article as the deduplicator remembers it."""

    article_id: str
    canonical_url: str
    text_hash: str
    cluster_id: str
    duplicate_of: str | None
    signature: np.ndarray
    seq: int = 0
    """Insertion order (set by the state); the earliest member has the smallest."""


class DedupState(ABC):
    """Where exported articles' fingerprints live between runs. Subclass this for another backend
    (e.g. Redis) and name it in ``DEDUP_STATE_CLASS``."""

    shared = False
    """Written by several processes at once (distributed workers). Then an article is looked up
    and ``reserve``d under ``locked()``, before its line is written: two copies marked at the
    same moment by two workers must see each other."""

    def locked(self) -> AbstractContextManager[Any]:
        """Held from an article's lookup to its reservation; nothing to hold for one process."""
        return nullcontext()

    def reserve(self, record: DedupRecord, band_keys: list[int]) -> Any:
        """Add the record before its article is written; returns what ``unreserve`` restores."""
        raise NotImplementedError(f"{type(self).__name__} is not shared: add records once written")

    def unreserve(self, article_id: str, before: Any) -> None:
        """The reserved article was dropped: put back what ``reserve`` replaced."""
        raise NotImplementedError(f"{type(self).__name__} is not shared")

    @classmethod
    @abstractmethod
    def from_settings(cls, settings: BaseSettings, banding: Banding) -> DedupState: ...

    @abstractmethod
    def by_url(self, canonical_url: str) -> DedupRecord | None: ...

    @abstractmethod
    def by_text_hash(self, digest: str) -> DedupRecord | None:
        """The earliest record with this normalised-text hash."""

    def exact(self, canonical_url: str, digest: str) -> tuple[DedupRecord, str] | None:
        """The exact match of an article: ``by_url``'s record and ``"same_url"`` if there is
        one, else ``by_text_hash``'s and ``"same_text"``. Override to do it in one lookup."""
        known = self.by_url(canonical_url)
        if known is not None:
            return known, "same_url"
        same = self.by_text_hash(digest)
        return (same, "same_text") if same is not None else None

    @abstractmethod
    def candidates(self, band_keys: list[int]) -> list[DedupRecord]:
        """Records sharing at least one LSH band key with ``band_keys``."""

    def earliest_similar(self, band_keys: list[int], signature: np.ndarray,
                         threshold: float) -> tuple[DedupRecord, float] | None:
        """The earliest (smallest seq) of the ``candidates`` whose ``similarity`` to the
        signature is at least ``threshold``, with that similarity. Override to score the
        candidates without building a record for each."""
        best: tuple[DedupRecord, float] | None = None
        for candidate in self.candidates(band_keys):
            score = similarity(signature, candidate.signature)
            if score >= threshold and (best is None or candidate.seq < best[0].seq):
                best = (candidate, score)
        return best

    @abstractmethod
    def add(self, record: DedupRecord, band_keys: list[int]) -> None:
        """Insert or replace the record of ``record.article_id``; ``band_keys`` are the state's
        banding's keys of ``record.signature``."""

    @abstractmethod
    def remove(self, article_id: str) -> None: ...

    @abstractmethod
    def __len__(self) -> int: ...

    @abstractmethod
    def flush(self) -> None:
        """Make everything added so far durable."""

    def close(self) -> None:
        self.flush()


class SqliteDedupState(DedupState):
    """SQLite in ``STATE_DIR/dedup.sqlite3``: one row per exported article plus its band keys,
    so a lookup reads only the candidates, never the whole history.

    New band rows go to a small table, ``bands_recent``, that stays in the page cache; at a
    commit point where it holds ``merge_rows`` rows or more, they are moved into ``bands`` in
    key order, in that commit's transaction. Inserted one article at a time, 25 rows at random
    places of a B-tree larger than the cache dirtied most of its pages at every commit (at
    50,000 articles, ~37 KB written to the WAL per article); merged in order, each page is
    written once per merge. Lookups and deletions read both tables.

    The bands table holds (key, the article's seq): integers only, a third smaller than with the
    text article id (93 -> 60 MB at 50,000 articles), so more of it stays in the page cache as
    the state grows, and a candidate is found by its rowid. It has no index on the article (that
    cost 25 more B-tree inserts per article): a record's bands are deleted by primary key, their
    keys computed again from its stored signature, so they must be the keys ``add`` was given
    (this state's banding of the record's signature; the banding is checked against the
    database's on open). A database whose bands name the article id (before 2026-11) is
    migrated on open."""

    def __init__(self, path: str | Path, banding: Banding, flush_every: int = 500,
                 merge_rows: int = 100_000):
        self.path = Path(path)
        self.banding = banding
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.flush_every = flush_every
        self.merge_rows = merge_rows
        self.pending = 0
        self.db = sqlite3.connect(str(path), timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")  # durable at each commit point in WAL mode
        self.db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        self.db.executescript("""
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS articles (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, article_id TEXT NOT NULL UNIQUE,
                canonical_url TEXT NOT NULL, text_hash TEXT NOT NULL, cluster_id TEXT NOT NULL,
                duplicate_of TEXT, signature BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS articles_url ON articles (canonical_url);
            CREATE INDEX IF NOT EXISTS articles_text ON articles (text_hash, seq);
            CREATE TABLE IF NOT EXISTS bands (
                key INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (key, seq)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS bands_recent (
                key INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (key, seq)
            ) WITHOUT ROWID;
        """)
        self._migrate_bands()
        self._check_banding(banding)
        self.recent_rows = int(self.db.execute("SELECT COUNT(*) FROM bands_recent").fetchone()[0])

    def _migrate_bands(self) -> None:
        """Bands keyed by the article id (the layout before 2026-11) to bands keyed by seq, in
        one transaction: a crash leaves the old table or the new, never half of either."""
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(bands)")}
        if "article_id" not in columns:
            return
        logger.info("dedup state %s: migrating its band index to article seqs", self.path)
        self.db.executescript("""
            BEGIN;
            CREATE TABLE bands_by_seq (
                key INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (key, seq)
            ) WITHOUT ROWID;
            INSERT OR IGNORE INTO bands_by_seq (key, seq)
                SELECT bands.key, articles.seq FROM bands
                JOIN articles ON articles.article_id = bands.article_id;
            DROP TABLE bands;
            ALTER TABLE bands_by_seq RENAME TO bands;
            COMMIT;
        """)

    def _check_banding(self, banding: Banding) -> None:
        wanted = f"{banding.bands}x{banding.rows}/{SCHEME}"
        row = self.db.execute("SELECT value FROM meta WHERE key = 'banding'").fetchone()
        if row is None:
            self.db.execute("INSERT INTO meta VALUES ('banding', ?)", (wanted,))
            self.db.commit()
        elif row[0] != wanted:
            raise ValueError(f"{self.path} was built with LSH banding {row[0]}, this run uses "
                             f"{wanted}: keep DEDUP_THRESHOLD and DEDUP_NUM_PERM, or use a new "
                             "STATE_DIR")

    @classmethod
    def from_settings(cls, settings: BaseSettings, banding: Banding) -> SqliteDedupState:
        return cls(Path(settings.get("STATE_DIR") or ".state") / DEDUP_DB_NAME, banding)

    _COLUMNS = "seq, article_id, canonical_url, text_hash, cluster_id, duplicate_of, signature"

    @staticmethod
    def _record(row: tuple[Any, ...]) -> DedupRecord:
        seq, article_id, url, digest, cluster_id, duplicate_of, signature = row
        return DedupRecord(article_id, url, digest, cluster_id, duplicate_of,
                           np.frombuffer(signature, dtype=SIGNATURE_DTYPE), seq)

    def _one(self, where: str, *args: Any) -> DedupRecord | None:
        row = self.db.execute(f"SELECT {self._COLUMNS} FROM articles WHERE {where} "
                              "ORDER BY seq LIMIT 1", args).fetchone()
        return self._record(row) if row else None

    def by_url(self, canonical_url: str) -> DedupRecord | None:
        return self._one("canonical_url = ?", canonical_url)

    def by_text_hash(self, digest: str) -> DedupRecord | None:
        return self._one("text_hash = ?", digest)

    _EXACT = (f"SELECT {_COLUMNS}, 0 FROM (SELECT {_COLUMNS} FROM articles "
              "WHERE canonical_url = ? ORDER BY seq LIMIT 1) "
              f"UNION ALL SELECT {_COLUMNS}, 1 FROM (SELECT {_COLUMNS} FROM articles "
              "WHERE text_hash = ? ORDER BY seq LIMIT 1)")
    """by_url's row (ranked 0) and by_text_hash's (ranked 1) in one statement. The lower rank
    is picked in Python: an ORDER BY here costs two sorters, more than the second lookup."""
    _EXACT_MATCHES = ("same_url", "same_text")

    def exact(self, canonical_url: str, digest: str) -> tuple[DedupRecord, str] | None:
        rows = self.db.execute(self._EXACT, (canonical_url, digest)).fetchall()
        if not rows:
            return None
        row = min(rows, key=lambda found: int(found[-1]))
        return self._record(row[:-1]), self._EXACT_MATCHES[row[-1]]

    def candidates(self, band_keys: list[int]) -> list[DedupRecord]:
        rows = self.db.execute(f"SELECT {self._COLUMNS} FROM articles WHERE seq IN "
                               f"({_band_seqs(len(band_keys))}) ORDER BY seq", band_keys * 2)
        return [self._record(row) for row in rows]

    def earliest_similar(self, band_keys: list[int], signature: np.ndarray,
                         threshold: float) -> tuple[DedupRecord, float] | None:
        """``DedupState.earliest_similar``: the candidates' seq and signature only, scored
        together; one record is built, the chosen one's (a state of synthetic texts gave ~18
        candidates per lookup at 40,000 articles)."""
        if not band_keys:
            return None
        rows = self.db.execute(f"SELECT seq, signature FROM articles WHERE seq IN "
                               f"({_band_seqs(len(band_keys))})", band_keys * 2).fetchall()
        if not rows:
            return None
        stored = np.frombuffer(b"".join(row[1] for row in rows), dtype=SIGNATURE_DTYPE)
        if stored.size != len(rows) * len(signature):  # a signature of another length
            return super().earliest_similar(band_keys, signature, threshold)
        # = similarity(signature, each): the same integer counts, divided as floats
        scores = np.count_nonzero(stored.reshape(len(rows), -1) == signature, axis=1) \
            / len(signature)
        above = [(row[0], float(score)) for row, score in zip(rows, scores, strict=True)
                 if score >= threshold]
        if not above:
            return None
        seq, score = min(above)
        record = self._one("seq = ?", seq)
        return (record, score) if record is not None else None

    _INSERT = ("INSERT INTO articles (article_id, canonical_url, text_hash, cluster_id, "
               "duplicate_of, signature) VALUES (?, ?, ?, ?, ?, ?)")

    def add(self, record: DedupRecord, band_keys: list[int]) -> None:
        row = (record.article_id, record.canonical_url, record.text_hash, record.cluster_id,
               record.duplicate_of, record.signature.astype(SIGNATURE_DTYPE).tobytes())
        try:
            seq = self.db.execute(self._INSERT, row).lastrowid
        except sqlite3.IntegrityError:
            # The article has a row: replace it and its bands, with a new seq as before (a
            # failed plain INSERT leaves the AUTOINCREMENT counter alone; ON CONFLICT DO
            # NOTHING would use up a seq).
            if not self._delete(record.article_id):
                raise  # some other constraint
            seq = self.db.execute(self._INSERT, row).lastrowid
        if band_keys:
            self.db.execute(_insert_bands(len(band_keys)), (seq, *band_keys))
            self.recent_rows += len(band_keys)
        self._count()

    def _delete(self, article_id: str) -> bool:
        """Delete the article's row and its bands (by primary key: their keys are those of its
        stored signature); False when it has no row. A record's bands are written and removed
        with it in one transaction, so an article without a row has no bands."""
        rows = self.db.execute("DELETE FROM articles WHERE article_id = ? "
                               "RETURNING seq, signature", (article_id,)).fetchall()
        if not rows:
            return False
        seq, signature = rows[0]
        keys = self.banding.keys(np.frombuffer(signature, dtype=SIGNATURE_DTYPE))
        marks = ",".join("?" * len(keys))
        for table in ("bands", "bands_recent"):
            self.db.execute(f"DELETE FROM {table} WHERE seq = ? AND key IN ({marks})",
                            (seq, *keys))
        return True

    def remove(self, article_id: str) -> None:
        self._delete(article_id)

    def _count(self) -> None:
        self.pending += 1
        if self.pending >= self.flush_every:
            self.flush()

    def __len__(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def flush(self) -> None:
        if self.recent_rows >= self.merge_rows:
            self.merge_recent()
        self.db.commit()
        self.pending = 0

    def merge_recent(self) -> None:
        """Move ``bands_recent`` into ``bands`` in key order (committed by the caller)."""
        self.db.execute("INSERT OR IGNORE INTO bands (key, seq) "
                        "SELECT key, seq FROM bands_recent ORDER BY key, seq")
        self.db.execute("DELETE FROM bands_recent")
        self.recent_rows = 0

    def close(self) -> None:
        self.flush()
        self.db.close()


@cache
def _insert_bands(count: int) -> str:
    """One statement inserting ``count`` band keys (the parameters after the first) of an
    article's seq (the first) into ``bands_recent``: half the CPU of an ``executemany`` of
    ``count`` rows."""
    keys = ",".join(["(?)"] * count)
    return f"INSERT OR IGNORE INTO bands_recent (key, seq) SELECT column1, ? FROM (VALUES {keys})"


@cache
def _band_seqs(count: int) -> str:
    """The seqs of the articles with one of ``count`` band keys, in either band table: the keys
    are given twice, once per table."""
    marks = ",".join("?" * count)
    return (f"SELECT seq FROM bands WHERE key IN ({marks}) "
            f"UNION ALL SELECT seq FROM bands_recent WHERE key IN ({marks})")


def open_dedup_state(settings: BaseSettings, banding: Banding) -> DedupState:
    cls = load_object(settings.get("DEDUP_STATE_CLASS") or SqliteDedupState)
    state: DedupState = cls.from_settings(settings, banding)
    return state
