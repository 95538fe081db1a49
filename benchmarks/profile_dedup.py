"""Cost of one dedup state update as the state grows (crawler.dedup.SqliteDedupState).

Usage: ``python -m benchmarks.profile_dedup [--records 20000] [--step 2000]``

Adds ``--records`` synthetic records (random signatures, the real band keys) to a fresh state in
a temporary folder and prints the milliseconds per ``add`` for each ``--step`` records: flat when
an update costs the same at any size, rising when it scans the state. Runs twice: the state as
shipped, and with an index on ``bands(article_id)`` created on the same connection (what
``remove``'s ``DELETE FROM bands WHERE article_id = ?`` needs to avoid a full scan).

``IndexedSqliteDedupState`` is that variant as a backend, for measuring a whole crawl with it:
``python -m benchmarks.crawl_scale --set
DEDUP_STATE_CLASS=benchmarks.profile_dedup.IndexedSqliteDedupState``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np

from crawler.dedup import (
    DEFAULT_NUM_PERM,
    DEFAULT_THRESHOLD,
    SIGNATURE_DTYPE,
    Banding,
    DedupRecord,
    SqliteDedupState,
)


class IndexedSqliteDedupState(SqliteDedupState):
    """The shipped SQLite state plus an index on ``bands(article_id)`` (benchmark only)."""

    def __init__(self, path: str | Path, banding: Banding, flush_every: int = 500):
        super().__init__(path, banding, flush_every)
        self.db.execute("CREATE INDEX IF NOT EXISTS bands_article ON bands (article_id)")


def run(records: int, step: int, index: bool, folder: Path) -> list[float]:
    banding = Banding.for_threshold(DEFAULT_THRESHOLD, DEFAULT_NUM_PERM)
    backend = IndexedSqliteDedupState if index else SqliteDedupState
    state = backend(folder / f"dedup-{index}.sqlite3", banding)
    rng = np.random.default_rng(0)
    per_step: list[float] = []
    start = time.perf_counter()
    for n in range(records):
        signature = rng.integers(0, 2**32 - 1, DEFAULT_NUM_PERM, dtype=np.uint64).astype(
            SIGNATURE_DTYPE)
        article_id = f"site-{n:08d}"
        record = DedupRecord(article_id, f"https://www.example.org/{n}", f"{n:032x}",
                             article_id, None, signature)
        state.add(record, banding.keys(signature))
        if (n + 1) % step == 0:
            now = time.perf_counter()
            per_step.append(1000 * (now - start) / step)
            start = now
    state.close()
    return per_step


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_dedup",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--step", type=int, default=2000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="profile-dedup-") as tmp:
        for index in (False, True):
            label = "with bands(article_id) index" if index else "as shipped"
            timings = run(args.records, args.step, index, Path(tmp))
            print(f"{label:30} ms per add, every {args.step} records: "
                  + " ".join(f"{ms:.2f}" for ms in timings), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
