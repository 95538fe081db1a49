"""Crawl throughput and memory at scale, against the ceiling of a bare Scrapy spider.

Usage: ``python -m benchmarks.crawl_scale [--pages 1000,10000,50000] [--modes bare,pipeline,full]
[--rounds 1] [--concurrency 32] [--set NAME=VALUE ...] [--bare-set NAME=VALUE ...] [--json FILE]
[--keep DIR]``

``--set`` goes to the project's crawls (e.g. ``ANALYSIS_PROCESSES=1``), ``--bare-set`` to the
bare spider, which otherwise runs with Scrapy's defaults.

For each network size N, the simulator (``crawler simulate --pages N``) runs in its own process
(no shared GIL) and three crawls run against it, one after the other, each in a fresh process:

- ``bare``: benchmarks/bare_spider.py, the manifest's article URLs, fetch only (the ceiling);
- ``bare-items`` (only when asked for): the same spider yielding one small item per page to
  Scrapy's JSONL feed exporter: what Scrapy's per-item handling costs without project code;
- ``pipeline``: benchmarks/manifest_spider.py, the same URLs through the project's spider and
  every middleware, pipeline, extension and the JSONL exporter of the settings;
- ``full``: ``scrapy crawl arabstoday`` end to end, discovery included (robots, sitemaps, feeds,
  listings; ``MAX_LISTING_PAGES`` raised so that pagination reaches every article).

Crawl settings: via the simulator, no delays, ``CONCURRENT_REQUESTS`` as given, LOG_LEVEL INFO,
a fresh STATE_DIR per run. Measured per run: articles, the crawl's own elapsed time (Scrapy's
``elapsed_time_seconds``, without interpreter start-up), articles/s, CPU seconds of the crawl
process (user + system, from ``wait4``) plus those of its worker processes if any
(``ANALYSIS_PROCESSES``; their last /proc sample), peak RSS (``ru_maxrss``; with worker
processes, the sampled sum of PSS over the process tree when larger: pages shared by the
forkserver and its workers counted once), memory sampled every 0.5 s from /proc with the
number of articles exported so far, and the machine's load average (other processes on the
machine slow wall-clock rates down; CPU seconds per article do not depend on them, so the
report also gives the rate the process's CPU time allows).

``--rounds N`` runs the modes N times in turn (bare, pipeline, full, bare, pipeline, ...) on the
same simulator and ends each network size with the median rate per mode and the median of the
rounds' shares of the bare rate (each run against the bare run of its own round): on a virtual
machine whose speed drifts from minute to minute, one pair of runs can be off by 25%.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
SIM_SITES = "arabstoday,almaghribtoday,casablancatoday,palestinetoday"
_ELAPSED = re.compile(r"'elapsed_time_seconds': ([0-9.]+)")
_PAGE = os.sysconf("SC_PAGE_SIZE")
_TICK = os.sysconf("SC_CLK_TCK")


Sample = tuple[float, float, int, float]


@dataclass
class Run:
    mode: str
    pages: int
    articles: int = 0
    requests: int = 0
    elapsed: float = 0.0
    process_wall: float = 0.0
    cpu_seconds: float = 0.0
    """The crawl process's and its worker processes' (ANALYSIS_PROCESSES) together."""
    worker_cpu_seconds: float = 0.0
    peak_rss_mb: float = 0.0
    """The crawl process's; with worker processes, the larger of that and the tree's PSS sum."""
    load_before: float = 0.0
    load_after: float = 0.0
    returncode: int = 0
    samples: list[Sample] = field(default_factory=list)
    """(seconds since start, RSS MB, articles exported so far, CPU seconds so far)"""

    @property
    def rate(self) -> float:
        return self.articles / self.elapsed if self.elapsed else 0.0

    @property
    def cpu_ms_per_article(self) -> float:
        return 1000 * self.cpu_seconds / self.articles if self.articles else 0.0

    def rss_at(self, share: float) -> float | None:
        """RSS (MB) when ``share`` of the articles had been exported (first sample at or past)."""
        target = share * self.articles
        return next((rss for _, rss, done, _ in self.samples if done >= target), None)

    def steady(self, start: float = 0.1) -> tuple[float, float] | None:
        """(articles/s, CPU ms/article) from the first sample past ``start`` of the articles to
        the end: without start-up (imports, warm-up) and the final flush."""
        first = next((s for s in self.samples if s[2] >= start * self.articles and s[2]), None)
        last = self.samples[-1] if self.samples else None
        if first is None or last is None or last[2] <= first[2]:
            return None
        done = last[2] - first[2]
        return done / (last[0] - first[0]), 1000 * (last[3] - first[3]) / done

    def _tenths(self) -> list[tuple[Sample, Sample]]:
        marks = [next((s for s in self.samples if s[2] >= k * self.articles / 10), None)
                 for k in range(11)]
        return [(a, b) for a, b in pairwise(marks) if a is not None and b is not None]

    def per_tenth(self) -> list[float]:
        """Seconds taken by each successive tenth of the articles (the first includes start-up;
        flat: linear time, but wall time follows the machine's load)."""
        return [round(b[0] - a[0], 1) for a, b in self._tenths()]

    def cpu_per_tenth(self) -> list[float]:
        """CPU ms per article in each successive tenth (flat: linear time, load-independent)."""
        return [round(1000 * (b[3] - a[3]) / (b[2] - a[2]), 2) for a, b in self._tenths()
                if b[2] > a[2]]

    def summary(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("samples")
        steady = self.steady()
        data.update(articles_per_second=self.rate, cpu_ms_per_article=self.cpu_ms_per_article,
                    steady_articles_per_second=steady[0] if steady else None,
                    steady_cpu_ms_per_article=steady[1] if steady else None,
                    seconds_per_tenth=self.per_tenth(),
                    cpu_ms_per_article_per_tenth=self.cpu_per_tenth(),
                    rss_mb_at={f"{int(100 * s)}%": self.rss_at(s)
                               for s in (0.25, 0.5, 0.75, 1.0)})
        return data


# ---------------------------------------------------------------- processes


def start_simulator(pages: int, workdir: Path) -> tuple[subprocess.Popen[str], str, Path]:
    """``crawler simulate`` on a free loopback port; returns (process, base URL, manifest)."""
    manifest = workdir / f"manifest-{pages}.txt"
    command = [sys.executable, "-c", "import sys; from crawler.cli import main; "
               "sys.exit(main(sys.argv[1:]))", "simulate", "--port", "0",
               "--pages", str(pages), "--manifest", str(manifest)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    url = process.stdout.readline().strip()
    if not url.startswith("http://127.0.0.1:"):
        process.kill()
        raise RuntimeError(f"simulator did not start: {url!r}")
    return process, url, manifest


def _rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * _PAGE / 2**20
    except (OSError, IndexError, ValueError):
        return None


def _pss_mb(pid: int) -> float | None:
    """Proportional set size: shared pages (a forkserver's and its workers') counted once."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except (OSError, IndexError, ValueError):
        return None
    return None


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICK
    except (OSError, IndexError, ValueError):
        return 0.0


def _descendants(pid: int) -> list[int]:
    """Every live process below ``pid`` (the page-analysis pool and its forkserver)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            parent = int(Path(entry.path, "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], list(children.get(pid, []))
    while todo:
        child = todo.pop()
        found.append(child)
        todo.extend(children.get(child, []))
    return found


class ProcessTree:
    """Memory and CPU of the crawl process plus its descendants (worker processes), sampled:
    a descendant's CPU counts with its last sampled value after it exits. Memory is the crawl
    process's RSS alone, or with descendants the sum of PSS over the tree (pages shared by a
    forkserver and its workers counted once, not once per process)."""

    def __init__(self, pid: int):
        self.pid = pid
        self.descendant_cpu: dict[int, float] = {}

    def sample(self) -> tuple[float, float] | None:
        rss = _rss_mb(self.pid)
        if rss is None:
            return None
        if children := _descendants(self.pid):
            rss = _pss_mb(self.pid) or rss
            for child in children:
                rss += _pss_mb(child) or 0.0
                self.descendant_cpu[child] = max(self.descendant_cpu.get(child, 0.0),
                                                 _cpu_seconds(child))
        return rss, _cpu_seconds(self.pid) + self.children_cpu

    @property
    def children_cpu(self) -> float:
        return sum(self.descendant_cpu.values())


class LineCounter:
    """Counts the lines of a growing file without re-reading it."""

    def __init__(self, path: Path):
        self.path = path
        self.offset = 0
        self.lines = 0

    def poll(self) -> int:
        try:
            with open(self.path, "rb") as handle:
                handle.seek(self.offset)
                chunk = handle.read()
        except OSError:
            return self.lines
        self.offset += len(chunk)
        self.lines += chunk.count(b"\n")
        return self.lines


def crawl_command(mode: str, url: str, manifest: Path, out: Path, concurrency: int,
                  settings: tuple[str, ...] = (), bench: Path = BENCH) -> list[str]:
    """The command line of one crawl of ``mode`` against the simulator at ``url``, writing to
    ``out`` (``items.jsonl``: the feed, or the bare spider's one line per response;
    ``crawl.log``, ``state``, ``reports``); ``bench``: the benchmarks folder of the checkout."""
    items = out / "items.jsonl"
    common = ["-s", f"CONCURRENT_REQUESTS={concurrency}", "-s", "LOG_LEVEL=INFO",
              "-s", f"LOG_FILE={out / 'crawl.log'}", "-s", f"STATE_DIR={out / 'state'}",
              "-s", f"REPORT_DIR={out / 'reports'}", "-s", "REPORT_FAIL_EXIT=False",
              *[arg for setting in settings for arg in ("-s", setting)]]
    scrapy = [sys.executable, "-m", "scrapy"]
    if mode == "bare":
        return [*scrapy, "runspider", str(bench / "bare_spider.py"), "-a", f"urls={manifest}",
                "-a", f"via={url}", "-a", f"progress={items}", *common]
    if mode == "bare-items":
        return [*scrapy, "runspider", str(bench / "bare_spider.py"), "-a", f"urls={manifest}",
                "-a", f"via={url}", "-a", "items=1", "-O", str(items), *common]
    if mode == "pipeline":
        return [*scrapy, "runspider", str(bench / "manifest_spider.py"),
                "-a", f"urls={manifest}", "-a", f"via={url}", "-a", f"sites={SIM_SITES}",
                "-O", str(items), *common]
    if mode == "full":
        return [*scrapy, "crawl", "arabstoday", "-a", f"via={url}", "-a", f"sites={SIM_SITES}",
                "-O", str(items), "-s", "MAX_LISTING_PAGES=100000", *common]
    raise ValueError(f"unknown mode {mode!r}")


def run_crawl(mode: str, pages: int, url: str, manifest: Path, workdir: Path,
              concurrency: int, extra: tuple[str, ...] = (), interval: float = 0.5,
              bare_extra: tuple[str, ...] = (), name: str | None = None) -> Run:
    out = workdir / (name or f"{mode}-{pages}")
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    items = out / "items.jsonl"
    settings = bare_extra if mode.startswith("bare") else extra
    command = crawl_command(mode, url, manifest, out, concurrency, settings)
    run = Run(mode, pages, load_before=os.getloadavg()[0])
    counter = LineCounter(items)
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    tree = ProcessTree(process.pid)
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if (sampled := tree.sample()) is not None:
            rss, cpu = sampled
            run.samples.append((round(time.perf_counter() - start, 2), round(rss, 1),
                                counter.poll(), cpu))
        time.sleep(interval)
    run.process_wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    run.returncode = process.returncode
    run.worker_cpu_seconds = tree.children_cpu
    run.cpu_seconds = usage.ru_utime + usage.ru_stime + run.worker_cpu_seconds
    run.peak_rss_mb = max([usage.ru_maxrss / 1024]  # kilobytes on Linux
                          + [sample[1] for sample in run.samples])
    run.load_after = os.getloadavg()[0]
    log = out / "crawl.log"
    log_text = log.read_text("utf-8", errors="replace") if log.exists() else ""
    if match := _ELAPSED.search(log_text):
        run.elapsed = float(match.group(1))
    stats = _final_stats(log_text)
    run.requests = int(stats.get("downloader/response_count", 0))
    run.articles = int(stats.get("bare/fetched", 0)) if mode == "bare" else counter.poll()
    run.samples.append((round(run.process_wall, 2), round(run.peak_rss_mb, 1), run.articles,
                        run.cpu_seconds))
    if run.returncode != 0:
        stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
        print(f"  {mode} crawl exited {run.returncode}: {stderr[-2000:]}", file=sys.stderr)
    return run


def _final_stats(log_text: str) -> dict[str, Any]:
    """The integer stats of Scrapy's closing "Dumping Scrapy stats" block."""
    block = log_text.rsplit("Dumping Scrapy stats:", 1)[-1]
    return {m.group(1): int(m.group(2))
            for m in re.finditer(r"'([^']+)': (\d+)[,}]", block)}


# ---------------------------------------------------------------- report


def print_run(run: Run, bare: Run | None) -> None:
    ratio = f" {100 * run.rate / bare.rate:5.1f}% of bare" if bare and bare.rate else ""
    cpu_ratio = (f", CPU-bound {100 * bare.cpu_ms_per_article / run.cpu_ms_per_article:5.1f}%"
                 if bare and run.cpu_ms_per_article else "")
    if bare and (mine := run.steady()) and (theirs := bare.steady()):
        cpu_ratio += (f", steady {100 * mine[0] / theirs[0]:5.1f}% of bare rate,"
                      f" {100 * theirs[1] / mine[1]:5.1f}% CPU-bound")
    quartiles = " ".join(f"{run.rss_at(s) or 0:.0f}" for s in (0.25, 0.5, 0.75, 1.0))
    workers = (f" ({1000 * run.worker_cpu_seconds / run.articles:.2f} in worker processes)"
               if run.worker_cpu_seconds and run.articles else "")
    steady = run.steady()
    steady_text = (f" steady {steady[0]:.1f} art/s, {steady[1]:.2f} CPU ms/article;"
                   if steady else "")
    print(f"  {run.mode:8} {run.articles:6d} articles {run.requests:6d} responses"
          f" {run.elapsed:7.1f} s {run.rate:7.1f} art/s{ratio}{cpu_ratio};"
          f" CPU {run.cpu_ms_per_article:5.2f} ms/article{workers};{steady_text}"
          f" peak RSS {run.peak_rss_mb:6.1f} MB (at 25/50/75/100%: {quartiles});"
          f" load {run.load_before:.1f}->{run.load_after:.1f}", flush=True)
    if run.samples:
        print(f"           per tenth of the articles: seconds {run.per_tenth()},"
              f" CPU ms/article {run.cpu_per_tenth()}", flush=True)


def print_medians(rates: dict[str, list[float]], shares: dict[str, list[float]]
                  ) -> dict[str, Any]:
    """Median rate per mode and median share of the bare rate over the rounds."""
    result: dict[str, Any] = {}
    print(f"  medians over {max(map(len, rates.values()), default=0)} rounds:", flush=True)
    for mode, values in rates.items():
        if not values:
            continue
        line = f"    {mode:8} {statistics.median(values):7.1f} art/s" \
               f" (runs {', '.join(f'{v:.1f}' for v in values)})"
        result[mode] = {"articles_per_second": statistics.median(values), "runs": values}
        if shares.get(mode):
            share = statistics.median(shares[mode])
            line += (f"; {100 * share:5.1f}% of bare (rounds "
                     f"{', '.join(f'{100 * v:.1f}' for v in shares[mode])})")
            result[mode]["share_of_bare_rate"] = share
            result[mode]["shares"] = shares[mode]
        print(line, flush=True)
    return result


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.crawl_scale",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", default="1000,10000",
                        help="comma-separated network sizes (default 1000,10000)")
    parser.add_argument("--modes", default="bare,pipeline,full",
                        help="comma-separated subset of bare,bare-items,pipeline,full")
    parser.add_argument("--rounds", type=int, default=1,
                        help="run the modes this many times in turn; report medians")
    parser.add_argument("--concurrency", type=int, default=32, help="CONCURRENT_REQUESTS")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="extra setting for the pipeline and full crawls (repeatable)")
    parser.add_argument("--bare-set", action="append", default=[], metavar="NAME=VALUE",
                        help="extra setting for the bare crawl (repeatable; default: Scrapy's "
                             "defaults)")
    parser.add_argument("--json", type=Path, default=None, help="save the figures here")
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep logs, items and reports in this folder")
    return parser


def machine() -> dict[str, Any]:
    from benchmarks.extraction_speed import machine as extraction_machine

    return extraction_machine()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    sizes = [int(p) for p in args.pages.split(",") if p.strip()]
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="crawl-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    figures: dict[str, Any] = {"machine": machine(), "concurrency": args.concurrency,
                               "settings": args.set, "bare_settings": args.bare_set,
                               "runs": []}
    print("machine:", figures["machine"], flush=True)
    failed = False
    try:
        for pages in sizes:
            simulator, url, manifest = start_simulator(pages, workdir)
            try:
                print(f"\n== {pages} articles (simulator {url})", flush=True)
                rates: dict[str, list[float]] = {mode: [] for mode in modes}
                shares: dict[str, list[float]] = {mode: [] for mode in modes if mode != "bare"}
                for round_number in range(1, args.rounds + 1):
                    bare: Run | None = None
                    for mode in modes:
                        name = f"{mode}-{pages}" + (f"-{round_number}" if args.rounds > 1 else "")
                        run = run_crawl(mode, pages, url, manifest, workdir, args.concurrency,
                                        tuple(args.set), bare_extra=tuple(args.bare_set),
                                        name=name)
                        failed |= run.returncode != 0
                        if mode == "bare":
                            bare = run
                        print_run(run, bare if mode != "bare" else None)
                        rates[mode].append(run.rate)
                        summary = run.summary()
                        summary["round"] = round_number
                        summary["simulator_cpu_seconds"] = _cpu_seconds(simulator.pid)
                        if bare is not None and mode != "bare":
                            summary["share_of_bare_rate"] = (run.rate / bare.rate if bare.rate
                                                             else None)
                            if bare.rate:
                                shares[mode].append(run.rate / bare.rate)
                            summary["share_of_bare_cpu"] = (
                                bare.cpu_ms_per_article / run.cpu_ms_per_article
                                if run.cpu_ms_per_article else None)
                        if bare is not None and mode != "bare" and (mine := run.steady()) \
                                and (theirs := bare.steady()):
                            summary["steady_share_of_bare_rate"] = mine[0] / theirs[0]
                            summary["steady_share_of_bare_cpu"] = theirs[1] / mine[1]
                        summary["samples"] = run.samples
                        figures["runs"].append(summary)
                        if args.json is not None:
                            args.json.write_text(json.dumps(figures, indent=1), "utf-8")
                if args.rounds > 1:
                    figures.setdefault("medians", {})[str(pages)] = print_medians(rates, shares)
                    if args.json is not None:
                        args.json.write_text(json.dumps(figures, indent=1), "utf-8")
            finally:
                simulator.terminate()
                simulator.wait(timeout=30)
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
