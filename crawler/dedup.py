"""Duplicate clustering: exact (same canonical URL, same normalised text) and near (the same
column syndicated on sister sites with other headers or light edits), with MinHash LSH.

Every item gets ``cluster_id`` (the id of its cluster's first member) and ``duplicate_of`` (that
first member's id, or null for the first member itself). ``-a dedup=mark`` (default) only marks;
``-a dedup=drop`` drops copies of another article (counted as ``dropped/duplicate_text`` or
``dropped/near_duplicate``); ``-a dedup=off`` leaves both fields null.

The state outlives the run (``DedupState``; SQLite in ``STATE_DIR`` by default), so a column
exported last week is recognised this week. An article seen before under the same canonical URL
gets its recorded assignment back, so re-crawls and replays give the same fields. A record is
removed again when a later pipeline drops the item, so the state only holds exported articles.

Settings: ``DEDUP_MODE`` (mark), ``DEDUP_THRESHOLD`` (estimated Jaccard similarity of word
3-shingles for near duplicates), ``DEDUP_NUM_PERM``, ``DEDUP_SHINGLE_WORDS``,
``DEDUP_STATE_CLASS`` (import path of the DedupState backend, built with ``from_settings``).

The MinHash signature is datasketch's ``MinHash(num_perm, seed=1, scheme="affine32")`` over the
SHA-1 32-bit hashes of the shingles (in ``text_fingerprint(text)``, a pure function of the text),
computed here with numpy bit for bit as datasketch does (tested against it) but without a Python
call per shingle, and without importing datasketch, whose package imports scipy (~1.5 CPU-s
per start). datasketch is imported only to compute the LSH banding of a threshold not in
``KNOWN_BANDINGS``.
"""

from __future__ import annotations

import hashlib
import logging
import re
import sqlite3
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
from scrapy import signals
from scrapy.exceptions import DropItem
from scrapy.utils.misc import load_object

from crawler.analysis import page_analyser
from crawler.pipelines import _StatsPipeline

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

MODES = ("mark", "drop", "off")
DEFAULT_THRESHOLD = 0.5
DEFAULT_NUM_PERM = 128
DEFAULT_SHINGLE_WORDS = 3
DEDUP_DB_NAME = "dedup.sqlite3"
SCHEME = "affine32"
"""datasketch's MinHash scheme (32-bit hash values): part of the persisted state's format."""
SIGNATURE_DTYPE = np.uint32
CACHE_KIB = 32 * 1024
"""SQLite page cache of the state: the band index is read at random, so it should fit."""

# -- normalisation and fingerprints ------------------------------------------------------------

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ک": "ك",
         "ی": "ي"}
assert not set(_FOLD) & set(_FOLD.values())  # so one str.replace per letter is a translate
_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Text folded for comparison only (never exported): NFKC, no diacritics or tatweel, alef,
    ya, ta marbuta and hamza seats unified, digits to ASCII, punctuation dropped, lower case.
    The words (runs of ``\\w``) are joined by single spaces."""
    folded = _DIACRITICS.sub("", unicodedata.normalize("NFKC", text))
    for letter, into in _FOLD.items():
        if letter in folded:
            folded = folded.replace(letter, into)
    words = _WORD.findall(folded.lower())
    if any(map(str.isdecimal, words)):
        words = [str(int(w)) if w.isdecimal() and len(w) < 19 else w for w in words]
    return " ".join(words)


def text_hash(normalised: str) -> str:
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()


def _shingle_bytes(normalised: str, size: int) -> list[bytes]:
    """The UTF-8 word ``size``-grams of normalised text, repeats included (the whole text
    when it is shorter)."""
    words = normalised.split()
    if len(words) <= size:
        return [normalised.encode("utf-8")] if normalised else []
    # Joining the words and splitting the UTF-8 bytes at b" " encodes every word at once
    # (the words hold no whitespace, and no other character's UTF-8 holds byte 0x20).
    encoded = " ".join(words).encode("utf-8").split(b" ")
    return list(map(b" ".join, zip(*(encoded[i:] for i in range(size)), strict=False)))


def shingles(normalised: str, size: int = DEFAULT_SHINGLE_WORDS) -> set[bytes]:
    """Word ``size``-grams of normalised text (the whole text when it is shorter)."""
    return set(_shingle_bytes(normalised, size))


SEED = 1
_U32 = np.uint32
_FMIX = (_U32(16), _U32(0x85EBCA6B), _U32(13), _U32(0xC2B2AE35), _U32(16))
"""The MurmurHash3 32-bit finalizer datasketch's affine32 scheme mixes every hash with."""
_MAX_HASH = _U32(0xFFFFFFFF)


@cache
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations ``h -> a * h + b`` (mod 2**32) for ``seed=1``."""
    generator = np.random.RandomState(SEED)
    a = generator.randint(0, 1 << 31, num_perm, dtype=_U32) * _U32(2) + _U32(1)
    b = generator.randint(0, 1 << 32, num_perm, dtype=_U32)
    a.flags.writeable = b.flags.writeable = False
    return a, b


def signature(normalised: str, num_perm: int = DEFAULT_NUM_PERM,
              shingle_words: int = DEFAULT_SHINGLE_WORDS) -> np.ndarray:
    """The MinHash signature (``num_perm`` uint32 values) of normalised text's shingles:
    datasketch's ``MinHash(num_perm, seed=1, scheme="affine32").update_batch(shingles)`` with
    its default hash (the first 4 bytes of SHA-1, little-endian), value for value."""
    a, b = _permutations(num_perm)
    parts = _shingle_bytes(normalised, shingle_words)
    if not parts:
        return np.full(num_perm, _MAX_HASH, dtype=_U32)
    sha1 = hashlib.sha1
    digests = b"".join([sha1(part).digest() for part in parts])
    hv = np.frombuffer(digests, dtype="<u4")[::5].astype(_U32)  # 20-byte digests: 5 words
    s1, m1, s2, m2, s3 = _FMIX
    hv ^= hv >> s1
    hv *= m1
    hv ^= hv >> s2
    hv *= m2
    hv ^= hv >> s3
    permuted = np.multiply(hv[:, np.newaxis], a)
    permuted += b
    signed: np.ndarray = permuted.min(axis=0)
    return signed


class TextFingerprint(NamedTuple):
    """What assigning a cluster needs from an article's text: the pure, CPU-heavy part."""

    digest: str
    """``text_hash`` of the normalised text (exact copies)."""
    signature: np.ndarray
    """MinHash signature of its shingles (near copies)."""


def text_fingerprint(text: str, num_perm: int = DEFAULT_NUM_PERM,
                     shingle_words: int = DEFAULT_SHINGLE_WORDS) -> TextFingerprint:
    """Digest and signature of an article's text: a pure function, so page analysis can compute
    it in a worker process (crawler.analysis) and the pipeline only look it up."""
    folded = normalise(text)
    return TextFingerprint(text_hash(folded), signature(folded, num_perm, shingle_words))


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two MinHash signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


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


# -- state -------------------------------------------------------------------------------------


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
                               f"({_band_seqs(len(band_keys))}) ORDER BY seq", band_keys)
        return [self._record(row) for row in rows]

    def earliest_similar(self, band_keys: list[int], signature: np.ndarray,
                         threshold: float) -> tuple[DedupRecord, float] | None:
        """``DedupState.earliest_similar``: the candidates' seq and signature only, scored
        together; one record is built, the chosen one's (a state of synthetic texts gave ~18
        candidates per lookup at 40,000 articles)."""
        if not band_keys:
            return None
        rows = self.db.execute(f"SELECT seq, signature FROM articles WHERE seq IN "
                               f"({_band_seqs(len(band_keys))})", band_keys).fetchall()
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
    """One statement inserting ``count`` band keys (parameters 2 on) of an article's seq
    (parameter 1) into ``bands_recent``: half the CPU of an ``executemany`` of ``count``
    rows."""
    keys = ",".join(f"(?{number})" for number in range(2, count + 2))
    return ("INSERT OR IGNORE INTO bands_recent (key, seq) "
            f"SELECT column1, ?1 FROM (VALUES {keys})")


@cache
def _band_seqs(count: int) -> str:
    """The seqs of the articles with one of ``count`` band keys (parameters 1 to ``count``), in
    either band table."""
    marks = ",".join(f"?{number}" for number in range(1, count + 1))
    return (f"SELECT seq FROM bands WHERE key IN ({marks}) "
            f"UNION ALL SELECT seq FROM bands_recent WHERE key IN ({marks})")


# -- clustering --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Assignment:
    cluster_id: str
    duplicate_of: str | None
    match: str
    """How it was found: new, same_url, same_text or near."""
    similarity: float = 1.0

    @property
    def is_copy(self) -> bool:
        """A copy of another article (what ``dedup=drop`` drops)."""
        return self.match in {"same_text", "near"} or (
            self.match == "same_url" and self.duplicate_of is not None)


class Deduplicator:
    """Assigns clusters against a DedupState; no Scrapy involved (usable from scripts)."""

    def __init__(self, state: DedupState, threshold: float = DEFAULT_THRESHOLD,
                 num_perm: int = DEFAULT_NUM_PERM, shingle_words: int = DEFAULT_SHINGLE_WORDS):
        if not 0 < threshold <= 1:
            raise ValueError(f"DEDUP_THRESHOLD must be in (0, 1], got {threshold}")
        self.state = state
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_words = shingle_words
        self.banding = Banding.for_threshold(threshold, num_perm)

    def fingerprint(self, text: str, known: TextFingerprint | None = None
                    ) -> tuple[str, np.ndarray, list[int]]:
        """Digest, signature and band keys of the text (``known``: its text_fingerprint with
        this deduplicator's num_perm and shingle_words, computed elsewhere)."""
        digest, signed = known or text_fingerprint(text, self.num_perm, self.shingle_words)
        return digest, signed, self.banding.keys(signed)

    def assign(self, item: Mapping[str, Any], known: TextFingerprint | None = None
               ) -> tuple[Assignment, DedupRecord, list[int]]:
        """The item's cluster, and the record (with band keys) to store once it is exported."""
        article_id, url = str(item["id"]), str(item.get("canonical_url") or item["url"])
        digest, signature, keys = self.fingerprint(str(item.get("text") or ""), known)
        assignment = self._match(article_id, url, digest, signature, keys)
        record = DedupRecord(article_id, url, digest, assignment.cluster_id,
                             assignment.duplicate_of, signature)
        return assignment, record, keys

    def _match(self, article_id: str, url: str, digest: str, signature: np.ndarray,
               keys: list[int]) -> Assignment:
        exact = self.state.exact(url, digest)
        if exact is not None:
            found, how = exact
            if how == "same_url":
                return Assignment(found.cluster_id, found.duplicate_of, "same_url")
            return Assignment(found.cluster_id, found.duplicate_of or found.article_id,
                              "same_text")
        best = self.state.earliest_similar(keys, signature, self.threshold)
        if best is not None:
            found, score = best
            return Assignment(found.cluster_id, found.duplicate_of or found.article_id, "near",
                              score)
        return Assignment(article_id, None, "new")

    def add(self, record: DedupRecord, keys: list[int]) -> None:
        self.state.add(record, keys)


def open_dedup_state(settings: BaseSettings, banding: Banding) -> DedupState:
    cls = load_object(settings.get("DEDUP_STATE_CLASS") or SqliteDedupState)
    state: DedupState = cls.from_settings(settings, banding)
    return state


def dedup_mode(value: Any) -> str:
    """The ``-a dedup`` / ``DEDUP_MODE`` value, checked."""
    mode = str(value or "mark").strip().lower()
    if mode not in MODES:
        raise ValueError(f"dedup must be one of {', '.join(MODES)}, got {value!r}")
    return mode


class DedupPipeline(_StatsPipeline):
    """Sets cluster_id and duplicate_of, or drops copies under ``-a dedup=drop``."""

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        settings = crawler.settings
        self.dedup: Deduplicator | None = None
        self.settings = settings
        self.added: set[str] = set()
        self.analyser = page_analyser(crawler)
        crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)

    def open_spider(self) -> None:
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
        known = self.analyser.text_fingerprint(item.get("text"), self.dedup.num_perm,
                                               self.dedup.shingle_words)
        assignment, record, keys = self.dedup.assign(item, known)
        self.stats.inc_value(f"dedup/{assignment.match}")
        if assignment.is_copy and self.mode == "drop":
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
        self.dedup.add(record, keys)
        if assignment.match != "same_url":
            self.added.add(record.article_id)
        return item

    def item_dropped(self, item: Any, response: Any = None, exception: Any = None,
                     spider: Any = None) -> None:
        """A later pipeline dropped an item this one recorded: forget it again."""
        if self.dedup is None or not isinstance(item, dict):
            return
        article_id = item.get("id")
        if article_id in self.added and item.get("cluster_id") is not None:
            self.added.discard(article_id)
            self.dedup.state.remove(article_id)


def cluster_items(items: Iterable[dict[str, Any]], state: DedupState | None = None,
                  threshold: float = DEFAULT_THRESHOLD) -> list[Assignment]:
    """Assign every item in order (records added as it goes); an in-memory SQLite state by
    default. For scripts and the benchmark."""
    banding = Banding.for_threshold(threshold, DEFAULT_NUM_PERM)
    dedup = Deduplicator(state or SqliteDedupState(":memory:", banding), threshold)
    out = []
    for item in items:
        assignment, record, keys = dedup.assign(item)
        dedup.add(record, keys)
        out.append(assignment)
    return out
