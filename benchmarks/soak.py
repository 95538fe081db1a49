"""Soak benchmark: one crawl of a large simulated network with mixed faults.

    python -m benchmarks.soak                      # 10,000 pages, the "mixed" fault plan
    python -m benchmarks.soak --pages 2000 --faults "mixed,seed=3" --json soak.json

Prints articles served correctly by the simulator against articles exported (exactly once?),
articles the simulator breaks for good against those the run report lists as failed (same
reason?), retries, duration, throughput and the crawl's peak memory.
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
from collections import Counter
from pathlib import Path
from typing import Any

from crawler.simulator.faults import FaultPlan
from crawler.simulator.network import SimulatedNetwork
from crawler.simulator.server import running_simulator

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CRAWL_SETTINGS = {
    "DOWNLOAD_TIMEOUT": "5",
    "RETRY_BACKOFF_BASE": "0.5",
    "RETRY_BACKOFF_MAX": "5",
    "MAX_LISTING_PAGES": "10000",
    "CONCURRENT_REQUESTS": "16",
    "LOG_LEVEL": "INFO",
    "REPORT_FAIL_EXIT": "False",
}


def run(pages: int, spec: str, workdir: Path) -> dict[str, Any]:
    plan = FaultPlan.parse(spec)
    plan = FaultPlan(**{**plan.__dict__, "hang_seconds": 6.0, "huge_size": 11 * 1024 * 1024})
    network = SimulatedNetwork(pages=pages, faults=plan)
    served, broken = set(network.manifest()), network.broken()
    out, reports = workdir / "items.jsonl", workdir / "reports"
    with running_simulator(network) as base:
        sites = ",".join(site.key for site in network.sites)
        command = [sys.executable, "-m", "scrapy", "crawl", "arabstoday", "-O", str(out),
                   "-a", f"via={base}", "-a", f"sites={sites}",
                   "-s", f"REPORT_DIR={reports}", "-s", f"STATE_DIR={workdir / 'state'}",
                   "-s", f"LOG_FILE={workdir / 'crawl.log'}",
                   *(arg for k, v in CRAWL_SETTINGS.items() for arg in ("-s", f"{k}={v}"))]
        started = time.monotonic()
        proc = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True)
        duration = time.monotonic() - started
    if proc.returncode != 0:
        raise SystemExit(f"crawl failed ({proc.returncode}): {proc.stderr[-3000:]}")
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    [report_path] = sorted(reports.glob("*.json"))
    stats = json.loads(report_path.read_text(encoding="utf-8"))["stats"]
    exported = Counter(item["canonical_url"] for item in items)
    listed = {entry["url"]: entry["reason"] for entry in stats.get("failed_articles", [])}
    kinds = network.fault_kinds()
    missing = served - set(exported)
    return {
        "pages": pages,
        "faults": spec,
        "articles_served_correctly": len(served),
        "articles_exported": len(exported),
        "exported_and_served": len(set(exported) & served),
        "exported_twice": sum(1 for n in exported.values() if n > 1),
        "served_but_not_exported": len(missing),
        "missing_by_fault": dict(Counter(kinds.get(url, "none") for url in missing)),
        "broken_by_simulator": len(broken),
        "broken_listed_with_expected_reason": sum(listed.get(u) == r for u, r in broken.items()),
        "failed_reasons": {k[len("failed/"):]: v for k, v in sorted(stats.items())
                           if k.startswith("failed/")},
        "faulted_articles": dict(Counter(kinds.values())),
        "retries": stats.get("retry/count", 0),
        "retries_given_up": stats.get("retry/max_reached", 0),
        "backoff_seconds": stats.get("retry/backoff_seconds", 0),
        "requests": stats.get("downloader/request_count", 0),
        "finish_reason": stats.get("finish_reason"),
        "duration_seconds": round(duration, 1),
        "articles_per_second": round(len(exported) / duration, 1),
        "crawl_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
        "tracebacks_in_log": (workdir / "crawl.log").read_text(encoding="utf-8").count(
            "Traceback"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--faults", default="mixed", help="fault spec (crawler simulate --faults)")
    parser.add_argument("--workdir", type=Path, help="keep the output here (default: a temp dir)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="soak-"))
    workdir.mkdir(parents=True, exist_ok=True)
    figures = run(args.pages, args.faults, workdir)
    text = json.dumps(figures, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print(f"output and log in {workdir}", file=sys.stderr)
    ok = (figures["exported_twice"] == 0 and figures["served_but_not_exported"] == 0
          and figures["tracebacks_in_log"] == 0)
    return 0 if ok else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
