"""``crawler export-training --format conll|spans gold.jsonl... -o OUT``: training data from
gold lines, BIO tags (CoNLL style) or character spans; see
``crawler.export.annotation.training``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from crawler.export.annotation.gold import GoldRecord, read_gold
from crawler.export.annotation.training import (
    FORMATS,
    PICKS,
    TrainingCounts,
    conll_lines,
    pick,
    span_lines,
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="GOLD",
                        help="gold lines written by crawler import-annotations")
    parser.add_argument("--format", required=True, choices=FORMATS)
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="file to write (- for stdout)")
    parser.add_argument("--pick", default="latest", choices=PICKS,
                        help="per article version, the latest annotator's line (default) or "
                             "every annotator's")


def _records(names: list[str]) -> Iterator[GoldRecord]:
    for name in names:
        yield from read_gold(name)


def run(args: argparse.Namespace) -> int:
    counts = TrainingCounts()
    make = conll_lines if args.format == "conll" else span_lines
    lines = make(pick(_records(args.inputs), args.pick), counts)
    try:
        if args.output == "-":
            sys.stdout.writelines(lines)
        else:
            target = Path(args.output)
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".part")
            try:
                with partial.open("w", encoding="utf-8", newline="\n") as out:
                    out.writelines(lines)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
            os.replace(partial, target)
    except (OSError, ValueError) as exc:
        print(f"crawler export-training: {exc}", file=sys.stderr)
        return 2
    dropped = f"; {counts.overlapping} overlapping spans dropped" if args.format == "conll" \
        else ""
    print(f"wrote {counts.segments} segments with {counts.spans} spans as {args.format}"
          f"{dropped}", file=sys.stderr)
    return 0
