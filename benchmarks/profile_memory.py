"""What grows with the number of articles: tracemalloc snapshots of one in-process crawl.

Usage: ``python -m benchmarks.profile_memory [--pages 3000] [--first 1000] [--top 25]``

Serves ``SimulatedNetwork(pages)`` from a separate process, crawls it in this process with the
manifest spider (every component on), takes a tracemalloc snapshot when ``--first`` articles have
been exported and another at the end, and prints the allocation sites whose live memory grew the
most between the two, with the growth per article. Anything listed here is state that is kept per
article (dedup-like bookkeeping) or a leak.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import tracemalloc
from pathlib import Path
from typing import Any

from benchmarks.crawl_scale import SIM_SITES, start_simulator


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_memory",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--first", type=int, default=1000)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args(argv)

    from scrapy import signals
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from benchmarks.manifest_spider import ManifestSpider

    workdir = Path(tempfile.mkdtemp(prefix="profile-memory-"))
    simulator, url, manifest = start_simulator(args.pages, workdir)
    snapshots: dict[str, tracemalloc.Snapshot] = {}
    exported = 0
    try:
        settings = get_project_settings()
        settings.setdict({"LOG_LEVEL": "WARNING", "CONCURRENT_REQUESTS": 32,
                          "STATE_DIR": str(workdir / "state"),
                          "REPORT_DIR": str(workdir / "reports"), "REPORT_FAIL_EXIT": False,
                          "FEEDS": {str(workdir / "items.jsonl"): {"format": "jsonl"}}},
                         priority="cmdline")
        for setting in args.set:
            name, _, value = setting.partition("=")
            settings.set(name, value, priority="cmdline")
        process = CrawlerProcess(settings)
        crawler = process.create_crawler(ManifestSpider)

        def item_scraped(item: Any) -> None:
            nonlocal exported
            exported += 1
            if exported == args.first:
                snapshots["first"] = tracemalloc.take_snapshot()

        def spider_closed() -> None:
            snapshots["last"] = tracemalloc.take_snapshot()

        crawler.signals.connect(item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(spider_closed, signal=signals.spider_closed)
        tracemalloc.start(8)
        process.crawl(crawler, urls=str(manifest), via=url, sites=SIM_SITES)
        process.start()
    finally:
        simulator.terminate()
        simulator.wait(timeout=30)
    if "first" not in snapshots or "last" not in snapshots:
        print(f"crawl exported only {exported} articles", file=sys.stderr)
        return 1
    grown = exported - args.first
    stats = snapshots["last"].compare_to(snapshots["first"], "traceback")
    total = sum(s.size_diff for s in stats)
    print(f"{exported} articles; live memory grew {total / 2**20:.1f} MB over the last {grown}"
          f" ({total / grown:.0f} bytes per article)\n")
    for stat in stats[: args.top]:
        if stat.size_diff <= 0:
            continue
        frames = [f"{Path(f.filename).name}:{f.lineno}" for f in stat.traceback
                  if "/tracemalloc" not in f.filename][-4:]
        print(f"{stat.size_diff / 2**20:7.2f} MB {stat.size_diff / grown:7.0f} B/article"
              f"  {' <- '.join(reversed(frames))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
