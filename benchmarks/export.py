"""Peak memory and throughput of ``crawler export`` on a large crawl output.

Usage: ``python -m benchmarks.export [--items 1000000] [--formats label-studio,jsonl]
[--unit sentence] [--workdir DIR] [--keep]``

Writes ``--items`` synthetic article lines (simulated article bodies, unique ids, about 3.9 KB
a line) to ``DIR/input.jsonl``, then runs ``python -m crawler.cli export`` once per format in a
child process and reads that child's own resource usage (``os.wait4``): peak resident memory
(ru_maxrss), CPU time and wall time. Export is streaming, so the peak must stay flat as the
input grows; the target is under 200 MB for 1,000,000 items.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from crawler.export.jsonl import dumps_line
from crawler.items import empty_article
from crawler.simulator.network import SimulatedNetwork

LIMIT_MB = 200
POOL = 400


def write_input(path: Path, count: int) -> int:
    """``count`` article lines built from a pool of simulated articles; returns the byte size."""
    pool = SimulatedNetwork(pages=POOL).articles()
    size = 0
    with path.open("wb") as out:
        for n in range(count):
            article = pool[n % len(pool)]
            item = empty_article()
            text = "\n\n".join(article.paragraphs)
            spans, start = [], 0
            for paragraph in article.paragraphs:
                spans.append({"start": start, "end": start + len(paragraph)})
                start += len(paragraph) + 2
            item.update(id=f"{article.site}-{n:016x}", url=article.canonical_url,
                        canonical_url=article.canonical_url, site=article.site,
                        title=article.title, authors=article.authors, kind=article.kind,
                        published_at="2024-11-20T09:30:00Z", text=text, paragraphs=spans,
                        dateline={"location": article.dateline_location,
                                  "source": article.dateline_source}
                        if article.dateline_location else None,
                        cluster_id=f"{article.site}-{n:016x}")
            line = dumps_line(item) + b"\n"
            out.write(line)
            size += len(line)
    return size


def run_export(source: Path, output: Path, fmt: str, unit: str) -> dict[str, float]:
    command = [sys.executable, "-m", "crawler.cli", "export", str(source), "-o", str(output),
               "--format", fmt, "--unit", unit]
    started = time.perf_counter()
    proc = subprocess.Popen(command, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"export failed: {stderr}")
    summary = stderr.strip().splitlines()[-1]
    units = int(summary.split(" as ")[1].split()[0])
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
            "peak_mb": usage.ru_maxrss / 1024, "units": units,
            "out_mb": output.stat().st_size / 2**20}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--formats", default="label-studio",
                        help="comma-separated: label-studio, prodigy, doccano, jsonl")
    parser.add_argument("--unit", default="sentence", choices=("article", "paragraph",
                                                                 "sentence"))
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--keep", action="store_true", help="keep the input and output files")
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="export-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    source = workdir / "input.jsonl"
    try:
        if not (source.exists() and args.workdir and sum(1 for _ in source.open("rb"))
                == args.items):
            started = time.perf_counter()
            size = write_input(source, args.items)
            print(f"input: {args.items} articles, {size / 2**20:.0f} MB, written in "
                  f"{time.perf_counter() - started:.0f} s")
        worst = 0.0
        for fmt in args.formats.split(","):
            r = run_export(source, workdir / f"out.{fmt}", fmt, args.unit)
            worst = max(worst, r["peak_mb"])
            print(f"{fmt:12s} unit={args.unit}: {args.items} articles -> {r['units']:.0f} "
                  f"records ({r['out_mb']:.0f} MB) in {r['wall']:.0f} s wall / "
                  f"{r['cpu']:.0f} s CPU = {args.items / r['wall']:.0f} articles/s wall, "
                  f"{args.items / r['cpu']:.0f} articles/s CPU; peak RSS {r['peak_mb']:.0f} MB")
        verdict = "under" if worst < LIMIT_MB else "OVER"
        print(f"peak RSS {worst:.0f} MB: {verdict} the {LIMIT_MB} MB limit")
        return 0 if worst < LIMIT_MB else 1
    finally:
        if not args.keep:
            for fmt in args.formats.split(","):
                (workdir / f"out.{fmt}").unlink(missing_ok=True)
            if args.workdir is None:
                shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
