"""Distributed mode throughput: articles per second with 1, 2 and 4 workers on one Redis queue.

Usage: ``python -m benchmarks.workers [--pages 2000] [--workers 1,2,4] [--redis-url URL]
[--concurrency 16] [--json FILE] [--keep DIR]``

The simulator (``crawler simulate --pages N``) runs in its own process. For each worker count W,
W ``scrapy crawl arabstoday -s REDIS_URL=...`` processes start together on a fresh Redis key
prefix (deleted afterwards), each writing its own shard; every run is checked against the
simulator's manifest (every article once, no duplicates). Measured per run: articles, wall-clock
seconds from the first start to the last exit (interpreter start-up included), the crawl time
(first worker's Scrapy start to last worker's finish, from the run reports), articles/s on both,
the workers' CPU seconds (user + system, from ``wait4``) and articles per CPU second (the cost
of distribution, independent of what else runs on the machine), and the machine's CPU count and
load, since W workers on fewer free cores than W compete for CPU.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks.crawl_scale import SIM_SITES, start_simulator

ROOT = Path(__file__).resolve().parent.parent


def _instant(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def run_workers(count: int, url: str, manifest: set[str], redis_url: str, workdir: Path,
                concurrency: int) -> dict[str, Any]:
    out = workdir / f"workers-{count}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    prefix = f"bench-{uuid.uuid4().hex[:8]}"
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    processes = []
    for index in range(count):
        command = [sys.executable, "-m", "scrapy", "crawl", "arabstoday", "-a", f"via={url}",
                   "-a", f"sites={SIM_SITES}", "-o", str(out / "shard-%(worker)s.jsonl"),
                   "-s", f"REDIS_URL={redis_url}", "-s", f"REDIS_KEY_PREFIX={prefix}",
                   "-s", f"WORKER_ID=w{index}", "-s", "MAX_LISTING_PAGES=100000",
                   "-s", f"CONCURRENT_REQUESTS={concurrency}", "-s", "LOG_LEVEL=INFO",
                   "-s", f"LOG_FILE={out / f'w{index}.log'}", "-s", f"STATE_DIR={out / 'state'}",
                   "-s", f"REPORT_DIR={out / 'reports'}", "-s", "REPORT_FAIL_EXIT=False"]
        processes.append(subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL))
    codes, cpu = [], 0.0
    for process in processes:
        _pid, status, usage = os.wait4(process.pid, 0)
        codes.append(os.waitstatus_to_exitcode(status))
        cpu += usage.ru_utime + usage.ru_stime
    wall = time.perf_counter() - start
    _clear(redis_url, prefix)
    urls: list[str] = []
    per_worker: dict[str, int] = {}
    for shard in sorted(out.glob("shard-*.jsonl")):
        lines = shard.read_text(encoding="utf-8").splitlines()
        per_worker[shard.stem.removeprefix("shard-")] = len(lines)
        urls.extend(json.loads(line)["canonical_url"] for line in lines)
    reports = [json.loads(p.read_text(encoding="utf-8")) for p in (out / "reports").glob("*")]
    crawl = None
    if reports and all(r.get("start_time") and r.get("finish_time") for r in reports):
        crawl = (max(_instant(r["finish_time"]) for r in reports)
                 - min(_instant(r["start_time"]) for r in reports)).total_seconds()
    return {
        "workers": count, "exit_codes": codes, "articles": len(urls),
        "unique": len(set(urls)), "manifest_match": set(urls) == manifest,
        "per_worker": per_worker, "wall_seconds": round(wall, 2),
        "crawl_seconds": round(crawl, 2) if crawl else None,
        "articles_per_second_wall": round(len(urls) / wall, 1),
        "articles_per_second_crawl": round(len(urls) / crawl, 1) if crawl else None,
        "worker_cpu_seconds": round(cpu, 1),
        "articles_per_cpu_second": round(len(urls) / cpu, 1) if cpu else None,
        "load_before": round(load_before, 2),
    }


def _clear(redis_url: str, prefix: str) -> None:
    from redis import Redis

    server = Redis.from_url(redis_url)
    keys = list(server.scan_iter(match=f"{prefix}:*", count=1000))
    if keys:
        server.delete(*keys)
    server.close()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.workers",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000, help="simulated articles (2000)")
    parser.add_argument("--workers", default="1,2,4", help="worker counts to run (1,2,4)")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--concurrency", type=int, default=16,
                        help="CONCURRENT_REQUESTS per worker (16)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--keep", type=Path, help="keep shards and logs in this folder")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    counts = [int(part) for part in args.workers.split(",") if part.strip()]
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="bench-workers-"))
    workdir.mkdir(parents=True, exist_ok=True)
    simulator, url, manifest_path = start_simulator(args.pages, workdir)
    results = []
    try:
        manifest = set(manifest_path.read_text(encoding="utf-8").split())
        print(f"{args.pages} pages, {len(manifest)} articles in the manifest, "
              f"{os.cpu_count()} CPUs")
        print(f"{'workers':>7} {'articles':>8} {'dupes':>5} {'wall s':>7} {'crawl s':>7} "
              f"{'art/s wall':>10} {'art/s crawl':>11} {'CPU s':>6} {'art/CPU s':>9}"
              "  per worker")
        for count in counts:
            result = run_workers(count, url, manifest, args.redis_url, workdir,
                                 args.concurrency)
            results.append(result)
            print(f"{count:>7} {result['articles']:>8} "
                  f"{result['articles'] - result['unique']:>5} {result['wall_seconds']:>7} "
                  f"{result['crawl_seconds']!s:>7} {result['articles_per_second_wall']:>10} "
                  f"{result['articles_per_second_crawl']!s:>11} "
                  f"{result['worker_cpu_seconds']:>6} {result['articles_per_cpu_second']!s:>9}"
                  f"  {result['per_worker']}"
                  + ("" if result["manifest_match"] else "  MANIFEST MISMATCH"))
    finally:
        simulator.terminate()
        simulator.wait(timeout=10)
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps({"pages": args.pages, "cpus": os.cpu_count(),
                                         "runs": results}, indent=2), encoding="utf-8")
    return 0 if all(r["manifest_match"] and r["articles"] == r["unique"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
