"""The crawl process's CPU per article as an instruction count: the bare fetcher and the
project's crawl, each under ``valgrind --tool=callgrind``, against the same simulator.

Usage: ``python -m benchmarks.crawl_instructions [--pages 300,900] [--set NAME=VALUE ...]
[--tree DIR]`` (needs valgrind: ``apt-get install valgrind``; ~8 minutes).

Why: on a virtual machine whose speed drifts by 25% from minute to minute, CPU seconds per
article of one crawl against another are too noisy to size a change of a few percent.
Instructions executed by the crawl process (user space; the worker processes, forked from
the forkserver, and the simulator are not traced) are nearly deterministic. Each crawl runs at
two sizes; the difference divided by the extra pages is the marginal cost per article, without
start-up (imports, spider set-up). The ratio of the pipeline's marginal cost to the bare
fetcher's is the share of the bare rate the crawl process allows when it is the bottleneck
(crawl_scale's wall-clock share follows it when the worker keeps up on the other core).

``--tree DIR`` runs another checkout of the project (e.g. ``git worktree add /tmp/old REV``)
with this venv, to compare revisions. Kernel time (socket system calls) is not counted.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.crawl_scale import ROOT, crawl_command, start_simulator

_COLLECTED = re.compile(r"Collected : (\d+)")


def instructions(mode: str, pages: int, tree: Path, workdir: Path,
                 extra: tuple[str, ...] = ()) -> tuple[int, int]:
    """(instructions of the crawl process, articles or pages done) for one crawl."""
    out = workdir / f"{mode}-{pages}"
    out.mkdir(parents=True)
    simulator, url, manifest = start_simulator(pages, out)
    try:
        settings = ("ANALYSIS_PROCESSES=1", *extra) if mode != "bare" else ()
        command = crawl_command(mode, url, manifest, out, 32, settings, tree / "benchmarks")
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out / 'callgrind.out'}",
             *command],
            cwd=tree, capture_output=True, text=True, check=False)
    finally:
        simulator.terminate()
        simulator.wait(timeout=30)
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise RuntimeError(f"{mode} crawl under valgrind failed: {done.stderr[-2000:]}")
    target = out / "items.jsonl"  # the feed, or the bare spider's line per response
    count = sum(1 for _ in target.open("rb")) if target.exists() else 0
    return int(found.group(1)), count


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.crawl_instructions",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", default="300,900", help="two network sizes (default 300,900)")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="extra setting for the project's crawl (repeatable)")
    parser.add_argument("--tree", type=Path, default=ROOT,
                        help="project checkout to run (default: this one)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    small, large = (int(p) for p in args.pages.split(","))
    if shutil.which("valgrind") is None:
        print("valgrind not found: apt-get install valgrind", file=sys.stderr)
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="crawl-instructions-"))
    try:
        marginal: dict[str, float] = {}
        for mode in ("bare", "pipeline"):
            counts = {}
            for pages in (small, large):
                counts[pages], done = instructions(mode, pages, args.tree.resolve(), workdir,
                                                   tuple(args.set))
                print(f"  {mode:8} {pages:5d} pages: {counts[pages] / 1e9:7.3f} G instructions"
                      f" ({done} done)", flush=True)
            marginal[mode] = (counts[large] - counts[small]) / (large - small)
            print(f"  {mode:8} marginal: {marginal[mode] / 1e6:6.2f} M instructions per article",
                  flush=True)
        print(f"pipeline / bare: {marginal['pipeline'] / marginal['bare']:.2f}x; the crawl process"
              f" allows {100 * marginal['bare'] / marginal['pipeline']:.1f}% of the bare rate")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
