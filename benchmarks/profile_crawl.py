"""Where the crawl's CPU goes: py-spy samples of one crawl of the simulator, summarised.

Usage: ``python -m benchmarks.profile_crawl [--pages 2000] [--mode pipeline|full]
[--rate 250] [--out DIR] [--top 30] [--set NAME=VALUE ...]``

Runs the simulator in its own process and one crawl (``pipeline``: the manifest spider, every
component on; ``full``: ``scrapy crawl arabstoday`` with discovery) under ``py-spy record``
(the ``bench`` extra), keeps the raw collapsed stacks in ``DIR/profile.txt`` (feed them to
flamegraph.pl or speedscope for a picture) and prints the share of samples per component and
the functions with the largest inclusive and self share. Idle samples are not recorded, so the
shares are of the crawl process's busy time.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from benchmarks.crawl_scale import ROOT, crawl_command, start_simulator

# First matching rule wins; a sample belongs to the innermost frame that matches a rule.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("extraction (extract_article)", "crawler/extract/"),
    ("page analysis (fingerprints, workers)", "crawler/analyse/"),
    ("template pipeline", "crawler/pipelines/templates.py:"),
    ("dedup pipeline", "crawler/pipelines/duplicates.py:"),
    ("dedup state", "crawler/store/duplicates.py:"),
    ("validation pipeline", "crawler/pipelines/validation.py:"),
    ("checks pipelines", "crawler/pipelines/checks.py:"),
    ("extraction pipeline", "crawler/pipelines/extraction.py:"),
    ("incremental pipeline", "crawler/pipelines/incremental.py:"),
    ("export (JSONL, confirmed writes)", "crawler/export/"),
    ("spider callbacks", "crawler/crawl/spider.py:"),
    ("discovery parsers", "crawler/crawl/discovery/"),
    ("download handler", "crawler/crawl/download.py:"),
    ("middlewares", "crawler/crawl/middlewares.py:"),
    ("seen store", "crawler/store/seen.py:"),
    ("imports/start-up", "<frozen importlib._bootstrap>:_find_and_load"),
)


def _frame(frame: str) -> tuple[str, str]:
    """("path/to/file.py", "function") of a py-spy frame "function (path/to/file.py:line)"."""
    name, _, where = frame.partition(" (")
    path = where.rsplit(":", 1)[0]
    for marker in ("site-packages/", "/work/main/", str(ROOT) + "/"):
        if marker in path:
            path = path.split(marker, 1)[1]
    return path, name


def summarise(raw: Path, top: int) -> str:
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    components: Counter[str] = Counter()
    total = 0
    for line in raw.read_text("utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        samples = int(count)
        total += samples
        frames = [_frame(f) for f in stack.split(";")]
        for key in {f"{path}:{name}" for path, name in frames}:
            inclusive[key] += samples
        path, name = frames[-1]
        own[f"{path}:{name}"] += samples
        keys = [f"{p}:{n}" for p, n in frames]
        component = "scrapy/twisted/asyncio (the rest)"
        for label, pattern in COMPONENTS:
            if any(k.startswith(pattern) for k in keys):
                component = label
                break
        components[component] += samples
    lines = [f"{total} samples (busy time of the crawl process)", "", "by component:"]
    lines += [f"  {100 * n / total:5.1f}%  {label}" for label, n in components.most_common()]
    lines += ["", f"top {top} inclusive (project code and libraries):"]
    lines += [f"  {100 * n / total:5.1f}%  {key}" for key, n in inclusive.most_common(top * 3)
              if not key.startswith(("<frozen", "asyncio/", "scrapy/cmdline", "runpy"))][:top]
    lines += ["", f"top {top} self:"]
    lines += [f"  {100 * n / total:5.1f}%  {key}" for key, n in own.most_common(top)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_crawl",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--mode", choices=["pipeline", "full", "bare", "bare-items"],
                        default="pipeline",
                        help="bare / bare-items: the ceiling (benchmarks/bare_spider.py), to diff")
    parser.add_argument("--rate", type=int, default=250, help="py-spy samples per second")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--out", type=Path, default=None, help="keep the profile here")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="extra setting for the crawl (repeatable)")
    args = parser.parse_args(argv)
    py_spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(py_spy).exists():
        print("py-spy not found: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    workdir = args.out or Path(tempfile.mkdtemp(prefix="profile-crawl-"))
    workdir.mkdir(parents=True, exist_ok=True)
    for earlier in ("state", "reports"):  # a reused --out: a crawl over old state re-exports
        shutil.rmtree(workdir / earlier, ignore_errors=True)
    simulator, url, manifest = start_simulator(args.pages, workdir)
    try:
        raw = workdir / "profile.txt"
        command = [py_spy, "record", "--rate", str(args.rate), "--format", "raw",
                   "--output", str(raw), "--",
                   *crawl_command(args.mode, url, manifest, workdir, args.concurrency,
                                  tuple(args.set))]
        subprocess.run(command, cwd=ROOT, check=False, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    finally:
        simulator.terminate()
        simulator.wait(timeout=30)
    if not raw.exists():
        print("py-spy wrote no profile (ptrace not permitted?)", file=sys.stderr)
        return 1
    print(f"profile of a {args.mode} crawl of {args.pages} articles: {raw}")
    print(summarise(raw, args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
