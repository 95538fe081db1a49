"""``crawler extract FILE --url URL [--save-fixture NAME]``: extract one saved page."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from crawler.extract.article import NotAnArticle, extract_article
from crawler.fixtures import DEFAULT_ROOT, save_fixture


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="saved HTML page (any encoding)")
    parser.add_argument("--url", required=True, help="the URL the page was fetched from")
    parser.add_argument("--feed", default=None,
                        help="feed hint as a JSON object (title, published, categories, …)")
    parser.add_argument("--save-fixture", metavar="NAME", default=None,
                        help="also store the page and the printed item as a test fixture")
    parser.add_argument("--fixtures-root", type=Path, default=DEFAULT_ROOT,
                        help=f"fixture folder (default: {DEFAULT_ROOT})")


def _feed(value: str | None) -> dict[str, Any]:
    if not value:
        return {}
    feed = json.loads(value)
    if not isinstance(feed, dict):
        raise ValueError("--feed must be a JSON object")
    return feed


def run(args: argparse.Namespace) -> int:
    try:
        html = args.file.read_bytes()
        feed = _feed(args.feed)
    except (OSError, ValueError) as exc:
        print(f"crawler extract: {exc}", file=sys.stderr)
        return 2
    try:
        item = extract_article(html, args.url, feed=feed)
    except NotAnArticle as exc:
        print(f"crawler extract: not an article ({exc.reason})", file=sys.stderr)
        return 1
    print(json.dumps(item, ensure_ascii=False, indent=1))
    if args.save_fixture:
        try:
            paths = save_fixture(html, item, args.save_fixture, args.fixtures_root)
        except (OSError, ValueError) as exc:
            print(f"crawler extract: {exc}", file=sys.stderr)
            return 2
        print("saved " + " and ".join(str(p) for p in paths), file=sys.stderr)
    return 0
