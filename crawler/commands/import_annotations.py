"""``crawler import-annotations --format label-studio|prodigy|doccano|gold FILE... -o gold.jsonl``

Reads what annotators made in a tool (its own export of tasks made by ``crawler export``) and
writes one gold line per (article, version, annotator), spans in code points of the article's
text. Every span that does not sit on its text is reported as ``WHERE: reason`` on stderr and
left out, never shifted. ``--articles`` checks each unit against the article's text of its
version; ``--rebase`` does that too and moves the spans of an older version onto the article's
newest text, flagging those that no longer fit.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from crawler.commands.export import iter_articles
from crawler.export.annotation.gold import (
    ArticleTexts,
    Collector,
    GoldRecord,
    assemble,
    check_unit,
    dumps,
)
from crawler.export.annotation.offsets import SCALES
from crawler.export.annotation.readers import READERS, TOOLS, BadExport, Counts
from crawler.export.annotation.rebase import rebase


class Problems:
    """Problems reported on stderr as they come, and counted."""

    def __init__(self, stream: IO[str]):
        self.stream = stream
        self.count = 0

    def __call__(self, message: str) -> None:
        self.count += 1
        print(message, file=self.stream)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="FILE",
                        help="the tool's export: Label Studio JSON/JSONL, Prodigy db-out JSONL, "
                             "doccano zip or JSONL, or gold lines")
    parser.add_argument("--format", required=True, choices=TOOLS)
    parser.add_argument("-o", "--output", required=True, metavar="GOLD",
                        help="gold JSON Lines to write (- for stdout)")
    parser.add_argument("--articles", nargs="+", action="extend", default=[], metavar="JSONL",
                        help="crawl output: check every unit against its article version")
    parser.add_argument("--rebase", nargs="+", action="extend", default=[], metavar="JSONL",
                        help="crawl output: check, and move spans onto each article's newest "
                             "version, flagging those that no longer fit")
    parser.add_argument("--annotator", metavar="NAME",
                        help="annotator of a doccano JSONL file or of Prodigy examples "
                             "without _annotator_id (default: the file's name / prodigy)")
    parser.add_argument("--doccano-offsets", default="utf16", choices=SCALES[1:],
                        help="what the doccano project counts: UTF-16 code units (default) or "
                             "graphemes (grapheme mode on)")
    parser.add_argument("--keep-empty", action="store_true",
                        help="doccano: keep lines without labels as annotated with no spans "
                             "(export 'approved only' first: doccano lists every example)")
    parser.add_argument("--strict", action="store_true",
                        help="exit with status 1 when any problem was reported")


def _records(collector: Collector, texts: ArticleTexts | None, rebasing: bool,
             problems: Problems, rebased: list[int]) -> Iterator[GoldRecord]:
    """Gold lines, one article at a time; a rebased line gives way to one the same annotator
    made on the newer version."""
    pending: list[GoldRecord] = []
    for group in collector.groups():
        if pending and pending[0].article_id != group[0].article_id:
            yield from _settle(pending)
            pending = []
        first = group[0]
        text = texts.text(first.article_id, first.version) if texts else None
        if texts is not None and text is None:
            problems(f"{first.where}: article {first.article_id} version {first.version} is not "
                     f"in the articles given; its units are not checked")
        units = [unit for unit in group if check_unit(unit, text, problems)]
        if not units:
            continue
        record = assemble(units, problems)
        newest = texts.newest(record.article_id) if rebasing and texts else None
        if newest is not None and newest[0] > record.version:
            record = rebase(record, text, *newest)
            rebased[0] += 1
            for flag in record.flagged or []:
                rebased[1] += 1
                problems(f"{first.where}: {record.annotator}'s {flag['label']} "
                         f"{flag['text']!r} at {flag['start']}..{flag['end']} of "
                         f"{record.article_id} version {record.rebased_from} not moved to "
                         f"version {record.version}: {flag['reason']}")
        pending.append(record)
    yield from _settle(pending)


def _settle(records: list[GoldRecord]) -> list[GoldRecord]:
    chosen: dict[tuple[int, str], GoldRecord] = {}
    for record in records:
        key = (record.version, record.annotator)
        if key not in chosen or chosen[key].rebased_from is not None:
            chosen[key] = record
    return [chosen[key] for key in sorted(chosen)]


def import_annotations(args: argparse.Namespace, out: IO[str], problems: Problems) -> str:
    counts = Counts()
    collector = Collector()
    texts: ArticleTexts | None = None
    try:
        reader = READERS[args.format]
        for name in args.inputs:
            try:
                for unit in reader(Path(name), problems, counts, annotator=args.annotator,
                                   doccano_offsets=args.doccano_offsets,
                                   keep_empty=args.keep_empty):
                    collector.add(unit)
            except BadExport as exc:
                raise BadExport(f"{name}: {exc}") from exc
        article_files = [*args.articles, *args.rebase]
        if article_files:
            texts = ArticleTexts()
            skipped: list[str] = []
            texts.load(iter_articles(article_files, skipped), collector.article_ids())
            problems.count += len(skipped)
        rebased = [0, 0]
        lines = articles = 0
        last_article = None
        for record in _records(collector, texts, bool(args.rebase), problems, rebased):
            out.write(dumps(record) + "\n")
            lines += 1
            articles += record.article_id != last_article
            last_article = record.article_id
    finally:
        collector.close()
        if texts is not None:
            texts.close()
    out.flush()
    skipped_text = ", ".join(f"{n} {reason}" for reason, n in sorted(counts.skipped.items()))
    summary = (f"imported {counts.records} {args.format} records: {counts.units} units, "
               f"{counts.spans} spans, as {lines} gold lines on {articles} articles")
    if args.rebase:
        summary += f"; {rebased[0]} lines rebased, {rebased[1]} spans flagged"
    return summary + (f"; skipped: {skipped_text}" if skipped_text else "") + \
        f"; {problems.count} problems reported"


def run(args: argparse.Namespace) -> int:
    problems = Problems(sys.stderr)
    try:
        if args.output == "-":
            summary = import_annotations(args, sys.stdout, problems)
        else:
            target = Path(args.output)
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".part")
            try:
                with partial.open("w", encoding="utf-8", newline="\n") as out:
                    summary = import_annotations(args, out, problems)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
            os.replace(partial, target)
    except (BadExport, OSError, ValueError) as exc:
        print(f"crawler import-annotations: {exc}", file=sys.stderr)
        return 2
    print(summary, file=sys.stderr)
    return 1 if problems.count and args.strict else 0
