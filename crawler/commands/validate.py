"""``crawler validate FILE...``: checks any export line by line (the pipeline that checks every
item before it is written is crawler.pipelines.validation).

``crawler validate`` prints one ``FILE:LINE: reason`` per bad line (not JSON, NaN or Infinity,
nesting too deep, a number over 4,300 digits, truncated last line, not an object, schema
violation, paragraph offset outside the text, duplicate id) or unreadable input (missing, a
folder, a corrupt .gz) and exits with status 1 if any is bad; never a traceback. A duplicate is
the same ``id`` and ``version`` twice among all the files given (a later version of an article
is not a duplicate).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from crawler.export.jsonl import BadLine, parse_line
from crawler.schema import item_errors


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


def _open(path: Path) -> BinaryIO:
    if path.suffix == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def _id_key(item: dict[str, Any]) -> bytes:
    """A compact key for the duplicate check (8 bytes instead of the whole id string)."""
    text = f"{item.get('id')}\x00{item.get('version', 1)}"
    return hashlib.blake2b(text.encode("utf-8", "replace"), digest_size=8).digest()


class ExportChecker:
    """Checks export files line by line, remembering ids across files for the duplicate check."""

    def __init__(self) -> None:
        self.seen: dict[bytes, tuple[str, int]] = {}
        self.lines = 0

    def check_file(self, path: Path) -> Iterator[Problem]:
        name = str(path)
        try:
            handle = _open(path)
        except OSError as exc:
            yield Problem(name, 0, f"cannot open: {exc.strerror or exc}")
            return
        with handle:
            number = 0
            try:
                for number, raw in enumerate(handle, start=1):
                    self.lines += 1
                    yield from self.check_line(name, number, raw)
            except (OSError, EOFError, zlib.error) as exc:
                yield Problem(name, number + 1, f"unreadable: {exc}")

    def check_line(self, name: str, number: int, raw: bytes) -> Iterator[Problem]:
        if not raw.strip():
            yield Problem(name, number, "empty line")
            return
        try:
            item = parse_line(raw)
        except BadLine as exc:
            yield Problem(name, number, str(exc))
            return
        errors = item_errors(item)
        for error in errors:
            yield Problem(name, number, error)
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            key = _id_key(item)
            first = self.seen.get(key)
            if first is not None:
                yield Problem(name, number, f"duplicate id {item['id']} (version "
                                            f"{item.get('version', 1)}), first at "
                                            f"{first[0]}:{first[1]}")
            else:
                self.seen[key] = (name, number)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE",
                        help="JSON Lines exports to check (.gz allowed)")
    parser.add_argument("--max-problems", type=int, default=0, metavar="N",
                        help="stop printing after N problems (default: print all)")


def run(args: argparse.Namespace) -> int:
    checker = ExportChecker()
    bad_lines: set[tuple[str, int]] = set()
    printed = 0
    for path in args.files:
        for problem in checker.check_file(path):
            bad_lines.add((problem.path, problem.line))
            if not args.max_problems or printed < args.max_problems:
                print(problem)
                printed += 1
    print(f"{checker.lines} lines checked in {len(args.files)} file(s), "
          f"{len(bad_lines)} bad", file=sys.stderr)
    return 1 if bad_lines else 0
