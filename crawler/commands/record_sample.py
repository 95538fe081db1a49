"""``crawler record-sample``: record the bundled offline snapshot from the simulator.

Starts the simulator on a free loopback port, runs the unchanged spider through it with WARC
recording on, and leaves one WARC file: the snapshot that the quick start replays.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=Path("samples/network.warc.gz"),
                        help="WARC file to write (default: %(default)s)")
    parser.add_argument("--pages", type=int, default=60, help="articles in the simulated network")
    parser.add_argument("--seed", type=int, default=0, help="simulator seed")


def run(args: argparse.Namespace) -> int:
    from crawler.simulator.network import SimulatedNetwork
    from crawler.simulator.server import running_simulator

    network = SimulatedNetwork(pages=args.pages, seed=args.seed)
    sites = ",".join(site.key for site in network.sites)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if args.out.exists():
        args.out.unlink()
    with running_simulator(network) as base_url, tempfile.TemporaryDirectory() as tmp:
        command = [
            sys.executable, "-m", "scrapy", "crawl", "arabstoday",
            "-a", f"via={base_url}", "-a", f"sites={sites}",
            "-s", f"WARC_OUTPUT={args.out}", "-s", f"REPORT_DIR={tmp}",
            "-o", f"{tmp}/items.jsonl", "-s", "LOG_LEVEL=WARNING",
        ]
        completed = subprocess.run(command, env={**os.environ}, check=False)
    if completed.returncode != 0:
        print(f"crawl failed with exit status {completed.returncode}", file=sys.stderr)
        return completed.returncode
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes) from {len(network.manifest())} "
          f"articles on {sites}")
    return 0
