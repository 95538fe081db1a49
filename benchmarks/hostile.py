"""Hostile-site benchmark: one crawl per trap of crawler.simulator.hostile, default settings.

    python -m benchmarks.hostile                       # every trap, one crawl each
    python -m benchmarks.hostile --traps calendar,spans --json hostile.json

Per trap: the crawl's wall time and peak memory (the crawl process's max RSS, measured in a
fresh wrapper process so that one trap's peak is not another's), the site's real articles
exported, requests the trap answered, the budgets hit and the pages dropped.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from crawler.simulator.hostile import TRAPS, HostileNetwork
from crawler.simulator.server import running_simulator

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 600


def crawl_one(trap: str, workdir: Path, settings: list[str]) -> dict[str, Any]:
    """One crawl of the site with ``trap`` (run in its own process by ``main``)."""
    network = HostileNetwork([trap])
    out, reports = workdir / "items.jsonl", workdir / "reports"
    with running_simulator(network) as base:
        command = [sys.executable, "-m", "scrapy", "crawl", "arabstoday", "-O", str(out),
                   "-a", f"via={base}", "-a", "sites=arabstoday",
                   "-s", f"REPORT_DIR={reports}", "-s", f"STATE_DIR={workdir / 'state'}",
                   "-s", f"LOG_FILE={workdir / 'crawl.log'}", "-s", "REPORT_FAIL_EXIT=0",
                   *(arg for setting in settings for arg in ("-s", setting))]
        started = time.monotonic()
        try:
            proc = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True,
                                  timeout=TIMEOUT)
            status: int | str = proc.returncode
        except subprocess.TimeoutExpired:
            status = f"killed after {TIMEOUT} s"
        wall = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    exported = {json.loads(line)["canonical_url"]
                for line in out.read_text(encoding="utf-8").splitlines()} if out.exists() else set()
    found = sorted(reports.glob("*.json")) if reports.is_dir() else []
    report = json.loads(found[-1].read_text(encoding="utf-8")) if found else {}
    stats = report.get("stats", {})
    real = set(network.site_manifest())
    return {
        "trap": trap, "exit": status, "wall_s": round(wall, 1), "peak_rss_mb": round(peak),
        "real_articles_exported": f"{len(exported & real)}/{len(real)}",
        "trap_requests": network.trap_requests,
        "budgets_hit": report.get("budget", {}),
        "dropped": {k[len("dropped/"):]: v for k, v in stats.items()
                    if k.startswith("dropped/")},
        "bad_links": {k: v for k, v in stats.items() if "number_too_long" in k
                      or k == "discovery/bad_link"},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.hostile", description=__doc__)
    parser.add_argument("--traps", default=",".join(TRAPS))
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a crawl setting (repeatable)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # the per-trap wrapper process
    args = parser.parse_args(argv)
    if args.one:
        with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
            print(json.dumps(crawl_one(args.one, Path(folder), args.set)))
        return 0
    results = []
    for trap in [t for t in args.traps.split(",") if t]:
        proc = subprocess.run([sys.executable, "-m", "benchmarks.hostile", "--one", trap,
                               *(f"--set={s}" for s in args.set)],
                              cwd=PROJECT_ROOT, capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})
        if proc.returncode != 0:
            print(f"{trap}: benchmark failed: {proc.stderr[-2000:]}", file=sys.stderr)
            return 1
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        results.append(result)
        print(f"{trap:16} exit {result['exit']}  {result['wall_s']:6.1f} s  "
              f"{result['peak_rss_mb']:5d} MB  real articles {result['real_articles_exported']}"
              f"  trap requests {result['trap_requests']}  budgets {result['budgets_hit']}"
              f"  dropped {result['dropped']}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
