"""Incremental crawls: seen-store speed, and what a second run costs compared with the first.

Usage: ``python -m benchmarks.incremental [--records 100000] [--pages 300]``

1. ``SqliteSeenStore``: puts (each one committed, as during a crawl), gets of stored and of
   unknown ids, a full iteration, and the file size per record.
2. Against the simulator (``--pages`` articles): a first incremental crawl, a second one on the
   same state (nothing new), and a third after 5% more articles appeared; wall time, requests
   and items of each (the crawl runs in a subprocess, as a user runs it).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from crawler.simulator.network import SimulatedNetwork
from crawler.simulator.server import running_simulator
from crawler.store.seen import SeenRecord, SqliteSeenStore
from crawler.text import text_digest

ROOT = Path(__file__).resolve().parent.parent


def _record(n: int) -> SeenRecord:
    return SeenRecord(f"arabstoday-{n:016x}", f"https://www.arabstoday.net/485/{n}-x",
                      "arabstoday", "2026-01-01T00:00:00Z", "2024-11-01T00:00:00Z", None,
                      text_digest(f"text {n}"), 1)


def bench_store(records: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "seen.sqlite3"
        store = SqliteSeenStore(path)
        items = [_record(n) for n in range(records)]
        start = time.perf_counter()
        for record in items:
            store.put(record)
        put = time.perf_counter() - start
        start = time.perf_counter()
        for record in items:
            assert store.get(record.article_id) is not None
        hit = time.perf_counter() - start
        start = time.perf_counter()
        for n in range(records):
            assert store.get(f"missing-{n}") is None
        miss = time.perf_counter() - start
        start = time.perf_counter()
        assert sum(1 for _ in store) == records
        scan = time.perf_counter() - start
        store.close()
        size = sum(p.stat().st_size for p in Path(folder).iterdir())
    print(f"seen-store, {records} records: put {records / put:,.0f}/s, get (stored) "
          f"{records / hit:,.0f}/s, get (unknown) {records / miss:,.0f}/s, iterate "
          f"{records / scan:,.0f}/s, {size / records:.0f} bytes/record on disk")


def crawl(folder: Path, base_url: str, network: SimulatedNetwork, name: str) -> dict[str, float]:
    sites = ",".join(site.key for site in network.sites)
    reports = folder / f"{name}-reports"
    command = [sys.executable, "-m", "scrapy", "crawl", "arabstoday", "-O",
               str(folder / f"{name}.jsonl"), "-a", f"via={base_url}", "-a", f"sites={sites}",
               "-s", "INCREMENTAL=1", "-s", f"STATE_DIR={folder / 'state'}",
               "-s", f"REPORT_DIR={reports}", "-s", "LOG_LEVEL=WARNING",
               "-s", "MAX_LISTING_PAGES=1000", "-s", "REPORT_FAIL_EXIT=False"]
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    wall = time.perf_counter() - start
    [report] = reports.glob("*.json")
    stats = json.loads(report.read_text(encoding="utf-8"))["stats"]
    return {"wall": wall, "requests": stats.get("downloader/request_count", 0),
            "items": stats.get("item_scraped_count", 0),
            "skipped": stats.get("incremental/skipped_seen", 0)}


def bench_crawls(pages: int) -> None:
    grown = pages + max(1, pages // 20)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = []
        for name, size in (("first", pages), ("again", pages), ("grown", grown)):
            network = SimulatedNetwork(size)
            with running_simulator(network) as base_url:
                rows.append((name, size, crawl(folder, base_url, network, name)))
    print("\n| run | articles served | wall s | requests | items | skipped (seen) |")
    print("|---|---|---|---|---|---|")
    for name, size, row in rows:
        print(f"| {name} | {size} | {row['wall']:.1f} | {row['requests']:.0f} | "
              f"{row['items']:.0f} | {row['skipped']:.0f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--pages", type=int, default=300)
    args = parser.parse_args()
    bench_store(args.records)
    bench_crawls(args.pages)


if __name__ == "__main__":
    main()
