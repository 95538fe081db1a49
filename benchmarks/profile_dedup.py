"""Cost of one dedup state update as the state grows (crawler.store.duplicates.SqliteDedupState).

Usage: ``python -m benchmarks.profile_dedup [--records 20000] [--step 2000]``

Adds ``--records`` synthetic records (random signatures, the real band keys) to a fresh state in
a temporary folder and prints the milliseconds per ``add`` for each ``--step`` records, and after
each step the milliseconds per replacing ``add`` (an article_id already stored, new signature)
and per ``remove`` of records picked at random among those stored: flat when an update costs
the same at any size, rising when it scans the state (as ``remove``'s ``DELETE FROM bands WHERE
article_id = ?`` once did, before the bands table had a way to find an article's rows).

Runs twice: the state as shipped (bands keyed by the article's integer seq, no index on the
article: a record's bands are deleted by primary key, their keys computed from its stored
signature; new band rows wait in a small table and are merged into the main one in key order
every 100,000 rows), and ``ArticleIdBandsState``, the layout before it (bands keyed by the text
article id: rows ~2.5 times as wide, and a candidate found through the article id's index).

``ArticleIdBandsState`` is also a backend, for measuring a whole crawl with it:
``python -m benchmarks.crawl_scale --set
DEDUP_STATE_CLASS=benchmarks.profile_dedup.ArticleIdBandsState``.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import numpy as np

from crawler.analyse.duplicates import DEFAULT_THRESHOLD
from crawler.analyse.minhash import DEFAULT_NUM_PERM
from crawler.store.duplicates import (
    SIGNATURE_DTYPE,
    Banding,
    DedupRecord,
    DedupState,
    SqliteDedupState,
)


class ArticleIdBandsState(SqliteDedupState):
    """The shipped SQLite state with the layout before bands were keyed by seq: each band row
    names the text article id (benchmark only; a fresh database, which it re-lays at once)."""

    def __init__(self, path: str | Path, banding: Banding, flush_every: int = 500):
        super().__init__(path, banding, flush_every)
        self.db.executescript("""
            DROP TABLE bands;
            CREATE TABLE bands (
                key INTEGER NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (key, article_id)
            ) WITHOUT ROWID;
        """)

    def add(self, record: DedupRecord, band_keys: list[int]) -> None:
        self._delete(record.article_id)
        self.db.execute(self._INSERT, (
            record.article_id, record.canonical_url, record.text_hash, record.cluster_id,
            record.duplicate_of, record.signature.astype(SIGNATURE_DTYPE).tobytes()))
        keys = ",".join(f"(?{number})" for number in range(2, len(band_keys) + 2))
        self.db.execute("INSERT OR IGNORE INTO bands (key, article_id) "
                        f"SELECT column1, ?1 FROM (VALUES {keys})",
                        (record.article_id, *band_keys))
        self._count()

    def _delete(self, article_id: str) -> bool:
        rows = self.db.execute("DELETE FROM articles WHERE article_id = ? RETURNING signature",
                               (article_id,)).fetchall()
        if not rows:
            return False
        keys = self.banding.keys(np.frombuffer(rows[0][0], dtype=SIGNATURE_DTYPE))
        self.db.execute("DELETE FROM bands WHERE article_id = ? AND key IN "
                        f"({','.join('?' * len(keys))})", (article_id, *keys))
        return True

    def candidates(self, band_keys: list[int]) -> list[DedupRecord]:
        marks = ",".join("?" * len(band_keys))
        rows = self.db.execute(
            f"SELECT {self._COLUMNS} FROM articles WHERE article_id IN "
            f"(SELECT article_id FROM bands WHERE key IN ({marks})) ORDER BY seq", band_keys)
        return [self._record(row) for row in rows]

    def earliest_similar(self, band_keys: list[int], signature: np.ndarray,
                         threshold: float) -> tuple[DedupRecord, float] | None:
        """The scan of ``candidates``, as before too."""
        return DedupState.earliest_similar(self, band_keys, signature, threshold)


def _record(n: int, rng: np.random.Generator) -> DedupRecord:
    signature = rng.integers(0, 2**32 - 1, DEFAULT_NUM_PERM, dtype=np.uint64).astype(
        SIGNATURE_DTYPE)
    article_id = f"site-{n:08d}"
    return DedupRecord(article_id, f"https://www.example.org/{n}", f"{n:032x}", article_id, None,
                       signature)


def run(records: int, step: int, previous: bool, folder: Path
        ) -> tuple[list[float], list[float], list[float]]:
    """Milliseconds per add, per replacing add and per remove, for each step."""
    banding = Banding.for_threshold(DEFAULT_THRESHOLD, DEFAULT_NUM_PERM)
    backend = ArticleIdBandsState if previous else SqliteDedupState
    state = backend(folder / f"dedup-{previous}.sqlite3", banding)
    rng = np.random.default_rng(0)
    picker = random.Random(0)
    stored: list[int] = []
    sample = max(1, step // 10)
    adds: list[float] = []
    replaces: list[float] = []
    removes: list[float] = []
    start = time.perf_counter()
    for n in range(records):
        record = _record(n, rng)
        state.add(record, banding.keys(record.signature))
        stored.append(n)
        if (n + 1) % step == 0:
            adds.append(1000 * (time.perf_counter() - start) / step)
            again = [_record(number, rng) for number in picker.sample(stored, sample)]
            start = time.perf_counter()
            for record in again:
                state.add(record, banding.keys(record.signature))
            replaces.append(1000 * (time.perf_counter() - start) / sample)
            gone = picker.sample(range(len(stored)), sample)
            start = time.perf_counter()
            for position in gone:
                state.remove(f"site-{stored[position]:08d}")
            removes.append(1000 * (time.perf_counter() - start) / sample)
            for position in sorted(gone, reverse=True):
                del stored[position]
            start = time.perf_counter()
    state.close()
    return adds, replaces, removes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_dedup",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--step", type=int, default=2000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="profile-dedup-") as tmp:
        for previous in (False, True):
            label = "bands by article id (before)" if previous else "as shipped"
            for what, timings in zip(("add", "replace", "remove"),
                                     run(args.records, args.step, previous, Path(tmp)),
                                     strict=True):
                print(f"{label:30} ms per {what:7}, every {args.step} records: "
                      + " ".join(f"{ms:.2f}" for ms in timings), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
