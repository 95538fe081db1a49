"""``crawler export --format label-studio|prodigy|doccano|jsonl IN.jsonl... -o OUT``

Streams: reads one article line, writes its units, and keeps nothing else, so memory stays
constant whatever the input size. The output is written to ``OUT.part`` and renamed when
complete. A line that is not a usable article (not JSON, no id or text, paragraph offsets
outside the text) is skipped, counted and reported as ``FILE:LINE: skipped: reason`` on stderr;
``--strict`` turns any skip into exit status 1. An input that cannot be read (missing, a
folder, a corrupt .gz) is one ``FILE: cannot read: reason`` line, and the export fails: exit
status 1, no output file.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import zlib
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any

from crawler.export.annotation.formats import (
    DOCCANO_OFFSETS,
    FORMATS,
    LABEL_CONFIG,
    Writer,
    doccano_label_types,
)
from crawler.export.annotation.preannotate import find_spans
from crawler.export.annotation.units import UNITS, iter_units
from crawler.export.jsonl import BadLine, parse_line
from crawler.schema import offset_errors


def _open_input(name: str, stack: ExitStack) -> IO[bytes]:
    if name == "-":
        return sys.stdin.buffer
    path = Path(name)
    if path.suffix == ".gz":
        return stack.enter_context(gzip.open(path, "rb"))  # type: ignore[arg-type]
    return stack.enter_context(path.open("rb"))


def parse_article(raw: bytes) -> dict[str, Any]:
    """One input line as an article dict, or BadLine with the reason."""
    item = parse_line(raw)
    if not isinstance(item, dict):
        raise BadLine(f"not a JSON object but {type(item).__name__}")
    if not isinstance(item.get("id"), str) or not item["id"]:
        raise BadLine("no id")
    if not isinstance(item.get("text"), str) or not item["text"].strip():
        raise BadLine("no text")
    paragraphs = item.get("paragraphs")
    if paragraphs is not None and (not isinstance(paragraphs, list) or not all(
            isinstance(p, dict) and isinstance(p.get("start"), int)
            and isinstance(p.get("end"), int) for p in paragraphs)):
        raise BadLine("paragraphs are not [{start, end}]")
    if errors := offset_errors(item):
        raise BadLine(errors[0])
    return item


def iter_articles(names: list[str], skipped: list[str],
                  unreadable: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """Articles of every input, in order; bad lines are appended to ``skipped`` and reported,
    inputs that cannot be read (missing, a folder, a corrupt .gz) to ``unreadable``."""
    with ExitStack() as stack:
        for name in names:
            number = 0
            try:
                for number, raw in enumerate(_open_input(name, stack), start=1):
                    if not raw.strip():
                        continue
                    try:
                        yield parse_article(raw)
                    except BadLine as exc:
                        message = f"{name}:{number}: skipped: {exc}"
                        skipped.append(message)
                        print(message, file=sys.stderr)
            except (OSError, EOFError, zlib.error) as exc:
                where = f"{name}:{number + 1}" if number else name
                message = f"{where}: cannot read: {getattr(exc, 'strerror', None) or exc}"
                (unreadable if unreadable is not None else skipped).append(message)
                print(message, file=sys.stderr)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="IN.jsonl",
                        help="crawl output (JSON Lines, .gz allowed, - for stdin)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="file to write (- for stdout)")
    parser.add_argument("--format", required=True, choices=FORMATS)
    parser.add_argument("--unit", default="article", choices=UNITS,
                        help="one task per article (default), paragraph or sentence")
    parser.add_argument("--no-preannotations", action="store_true",
                        help="leave out the rule-based pre-annotations")
    parser.add_argument("--skip-duplicates", action="store_true",
                        help="leave out articles marked as copies (duplicate_of set)")
    parser.add_argument("--label-config", type=Path, metavar="XML",
                        help="also write the Label Studio labelling config for these tasks")
    parser.add_argument("--label-types", type=Path, metavar="JSON",
                        help="also write doccano's label-types file (every label, its colour)")
    parser.add_argument("--doccano-offsets", default="utf16", choices=DOCCANO_OFFSETS,
                        help="doccano span offsets: UTF-16 code units (default) or grapheme "
                             "clusters, for a project with grapheme mode on")
    parser.add_argument("--strict", action="store_true",
                        help="exit with status 1 when any input line was skipped")


def export(args: argparse.Namespace, out: IO[str], skipped: list[str],
           unreadable: list[str]) -> tuple[int, int]:
    writer = Writer(out, args.format, args.doccano_offsets)
    articles = 0
    for item in iter_articles(args.inputs, skipped, unreadable):
        if args.skip_duplicates and item.get("duplicate_of"):
            continue
        spans = [] if args.no_preannotations else find_spans(item)
        for unit in iter_units(item, args.unit, spans):
            writer.write(unit, item)
        articles += 1
    writer.close()
    return articles, writer.count


def run(args: argparse.Namespace) -> int:
    skipped: list[str] = []
    unreadable: list[str] = []
    if args.output == "-":
        articles, units = export(args, sys.stdout, skipped, unreadable)
    else:
        target = Path(args.output)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        try:
            with partial.open("w", encoding="utf-8", newline="\n") as out:
                articles, units = export(args, out, skipped, unreadable)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        if unreadable:  # an export that lost a whole input is not published
            partial.unlink(missing_ok=True)
            print(f"{len(unreadable)} input(s) could not be read: {target} not written",
                  file=sys.stderr)
            return 1
        os.replace(partial, target)
    if args.label_config:
        args.label_config.write_text(LABEL_CONFIG, encoding="utf-8")
    if args.label_types:
        args.label_types.write_text(json.dumps(doccano_label_types(), indent=2) + "\n",
                                    encoding="utf-8")
    print(f"exported {articles} articles as {units} {args.format} {args.unit} records; "
          f"{len(skipped)} lines skipped"
          + (f"; {len(unreadable)} input(s) could not be read" if unreadable else ""),
          file=sys.stderr)
    return 1 if unreadable or (skipped and args.strict) else 0
