"""``crawler review``: the review site of a crawl, and the way from its marks to fixtures.

    crawler review ITEMS.jsonl --replay SOURCE -o DIR [--report REPORT]
    crawler review --accept DIR -o tests/fixtures [--marks FILE]

The first writes DIR/index.html and one page per article (crawler.review); SOURCE is a WARC file
or a folder of WARC and saved HTML files (repeat --replay for more). The second turns the pages
marked right in DIR/marks.json into fixtures and lists the pages marked wrong.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from crawler.review.accept import AcceptError, accept
from crawler.review.inputs import ReviewInputError, open_archive, read_items, read_report
from crawler.review.site import MARKS_FILE, build_site


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("items", nargs="?", type=Path,
                        help="the crawl's items (JSON Lines, .gz allowed)")
    parser.add_argument("--replay", action="append", type=Path, default=[], metavar="SOURCE",
                        help="WARC file or folder of WARC and saved HTML files holding the "
                             "crawled pages (repeatable)")
    parser.add_argument("--report", type=Path, default=None, metavar="REPORT",
                        help="the crawl's run report (a file, or REPORT_DIR for its newest): "
                             "charts and dropped pages")
    parser.add_argument("-o", "--out", type=Path, required=True, metavar="DIR",
                        help="the site's folder; with --accept, the fixtures' root")
    parser.add_argument("--accept", type=Path, default=None, metavar="DIR",
                        help="turn the pages marked right in DIR/marks.json into fixtures")
    parser.add_argument("--marks", type=Path, default=None, metavar="FILE",
                        help=f"with --accept: the marks file (default DIR/{MARKS_FILE})")


def run(args: argparse.Namespace) -> int:
    if args.accept is not None:
        if args.items is not None or args.replay or args.report:
            return _usage("--accept takes only DIR, -o and --marks")
        return _accept(args)
    if args.items is None:
        return _usage("give the items file (or --accept DIR)")
    if not args.replay:
        return _usage("give the crawled pages with --replay WARC (or a folder)")
    if args.marks is not None:
        return _usage("--marks goes with --accept")
    logging.basicConfig(level=logging.WARNING, format="crawler review: %(message)s")
    try:
        loaded = read_items(args.items)
        report = read_report(args.report) if args.report else None
        archive = open_archive(args.replay)
        notes = [f"{loaded.bad_lines} lines of the items file were not JSON objects and are "
                 "left out."] if loaded.bad_lines else []
        result = build_site(loaded.items, args.out, archive,
                            sources=[str(s) for s in args.replay], items_path=str(args.items),
                            report=report, notes=notes, progress=_progress)
    except (ReviewInputError, OSError) as exc:
        print(f"crawler review: {exc}", file=sys.stderr)
        return 2
    if loaded.bad_lines:
        print(f"crawler review: {loaded.bad_lines} unreadable lines in {args.items} left out",
              file=sys.stderr)
    print(result.summary())
    return 0


def _progress(done: int, total: int) -> None:
    print(f"crawler review: {done} of {total} pages", file=sys.stderr, flush=True)


def _accept(args: argparse.Namespace) -> int:
    try:
        outcome = accept(args.accept, args.out, args.marks)
    except AcceptError as exc:
        print(f"crawler review --accept: {exc}", file=sys.stderr)
        return 2
    print(outcome.listing())
    return 1 if outcome.refused else 0


def _usage(message: str) -> int:
    print(f"crawler review: {message}", file=sys.stderr)
    return 2
