"""Throughput and peak memory of ``crawler import-annotations`` on large tool exports.

Usage: ``python -m benchmarks.import_annotations [--records 100000] [--unit sentence]
[--formats label-studio,prodigy,doccano] [--workdir DIR] [--keep]``

Writes synthetic articles (``benchmarks.export.write_input``), exports them with ``crawler
export`` at ``--unit``, and turns the first ``--records`` records of each format into what the
tool would give back with every pre-annotation accepted: a Label Studio JSON export (one
annotation per task, two annotators taking turns), Prodigy ``db-out`` lines, a doccano export
zip with one file per annotator. Then runs ``crawler import-annotations`` on each in a child
process, without and with ``--articles`` (every unit checked against its article), and reads
the child's own resource usage (``os.wait4``): wall and CPU time, peak resident memory.
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
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.export import write_input
from crawler.export.annotation.readers import iter_json_values

ANNOTATORS = ("huda", "omar")
SENTENCES_PER_ARTICLE = 10
"""A low estimate, so enough articles are written for the records asked."""


def _export(source: Path, out: Path, fmt: str, unit: str) -> None:
    subprocess.run([sys.executable, "-m", "crawler.cli", "export", str(source), "-o", str(out),
                    "--format", fmt, "--unit", unit], check=True, capture_output=True)


def _records(path: Path, fmt: str, limit: int) -> Iterator[dict[str, Any]]:
    if fmt == "label-studio":
        with path.open(encoding="utf-8") as stream:
            for n, task in enumerate(iter_json_values(stream)):
                if n == limit:
                    return
                yield task
        return
    with path.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n == limit:
                return
            yield json.loads(line)


def write_annotated(exported: Path, fmt: str, limit: int, target: Path) -> int:
    """The tool's export of ``limit`` annotated records; returns how many were written."""
    count = 0
    if fmt == "label-studio":
        with target.open("w", encoding="utf-8") as out:
            out.write("[")
            for n, task in enumerate(_records(exported, fmt, limit)):
                result = [{k: r[k] for k in ("from_name", "to_name", "type", "value")}
                          for p in task.pop("predictions", []) for r in p["result"]]
                task.update(id=n + 1, annotations=[{
                    "id": n + 1, "completed_by": 1 + n % 2, "result": result,
                    "was_cancelled": False, "created_at": "2024-12-01T10:00:00Z",
                    "updated_at": "2024-12-01T10:00:00Z"}])
                out.write(("," if n else "") + "\n" + json.dumps(task, ensure_ascii=False))
                count += 1
            out.write("\n]\n")
        return count
    if fmt == "prodigy":
        with target.open("w", encoding="utf-8") as out:
            for n, example in enumerate(_records(exported, fmt, limit)):
                example.update(answer="accept", _annotator_id=f"ds-{ANNOTATORS[n % 2]}",
                               _session_id=f"ds-{ANNOTATORS[n % 2]}", _timestamp=1733047200 + n)
                out.write(json.dumps(example, ensure_ascii=False) + "\n")
                count += 1
        return count
    parts = {name: target.with_name(f"{name}.jsonl") for name in ANNOTATORS}
    files = {name: path.open("w", encoding="utf-8") for name, path in parts.items()}
    for n, line in enumerate(_records(exported, fmt, limit)):
        files[ANNOTATORS[n % 2]].write(json.dumps(line, ensure_ascii=False) + "\n")
        count += 1
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, path in parts.items():
            files[name].close()
            archive.write(path, f"{name}.jsonl")
            path.unlink()
    return count


# The child reports its own high-water mark: ru_maxrss would count the pages it shared with
# this process before exec.
CHILD = """
import atexit, sys
def peak():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                print("peak-kb", line.split()[1], file=sys.stderr)
atexit.register(peak)
from crawler.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_import(fmt: str, source: Path, gold: Path, articles: Path | None) -> dict[str, Any]:
    command = [sys.executable, "-c", CHILD, "import-annotations", "--format", fmt,
               str(source), "-o", str(gold), "--keep-empty"]
    if articles is not None:
        command += ["--articles", str(articles)]
    started = time.perf_counter()
    proc = subprocess.Popen(command, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    stderr = proc.stderr.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"import failed: {stderr[-2000:]}")
    *_, summary, peak = stderr.strip().splitlines()
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
            "peak_mb": int(peak.split()[1]) / 1024, "summary": summary}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--unit", default="sentence", choices=("article", "paragraph",
                                                                 "sentence"))
    parser.add_argument("--formats", default="label-studio,prodigy,doccano")
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--keep", action="store_true", help="keep the files written")
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="import-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        per_article = {"article": 1, "paragraph": 4, "sentence": SENTENCES_PER_ARTICLE}
        articles = workdir / "articles.jsonl"
        write_input(articles, args.records // per_article[args.unit] + 1)
        for fmt in args.formats.split(","):
            exported = workdir / f"export.{fmt}"
            _export(articles, exported, fmt, args.unit)
            annotated = workdir / (f"annotated-{fmt}" + (".zip" if fmt == "doccano" else ""))
            count = write_annotated(exported, fmt, args.records, annotated)
            exported.unlink()
            for checked in (None, articles):
                r = run_import(fmt, annotated, workdir / "gold.jsonl", checked)
                print(f"{fmt:12s} {count} {args.unit} records"
                      f"{' checked against the articles' if checked else ''}: "
                      f"{r['wall']:.1f} s wall / {r['cpu']:.1f} s CPU = "
                      f"{count / r['wall']:,.0f} records/s; peak RSS {r['peak_mb']:.0f} MB")
                print(f"    {r['summary'][:200]}")
        return 0
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
