"""Coverage-guided fuzzing (atheris) of what a fetched article page goes through: the spider's
byte handling (``is_binary``, ``decode_html`` under any Content-Type), then ExtractionPipeline and
RequiredFieldsPipeline. Any outcome but an article item or a counted drop is a crash.

    python -m benchmarks.fuzz --runs 20000          # bounded run, prints executions and speed
    python -m benchmarks.fuzz --seconds 60
    python -m benchmarks.fuzz --runs 5000 corpus/   # libFuzzer corpus folder (kept and grown)

The seed corpus is a few simulator pages (news, opinion, windows-1256, AMP), so mutations start
from realistic markup.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

CONTENT_TYPES = (None, "text/html", "text/html; charset=utf-8", "text/html; charset=windows-1256",
                 "text/html; charset=utf-16", "text/html; charset=bogus", "application/xhtml+xml")
URLS = ("https://www.arabstoday.net/485/094600-خطة", "https://www.palestinetoday.net/w-12/093007-x",
        "https://www.almaghribtoday.net/amp/118/101500-y", "https://example.org/x")

_pipeline: Any = None


def pipelines() -> Any:
    """The two item pipelines, built once on a bare crawler (stats, no spider)."""
    global _pipeline
    if _pipeline is None:
        from scrapy.utils.test import get_crawler

        from crawler.pipelines.checks import RequiredFieldsPipeline
        from crawler.pipelines.extraction import ExtractionPipeline

        crawler = get_crawler(settings_dict={
            "EXTENSIONS": {"crawler.analyse.workers.PageAnalyser": 0}})
        _pipeline = (ExtractionPipeline(crawler), RequiredFieldsPipeline(crawler))
    return _pipeline


def through_pipeline(body: bytes, content_type: str | None, url: str = URLS[0]) -> None:
    """What the spider and the pipelines do with a fetched body: an item or a counted drop.
    An exception, or an item with missing fields, empty title/text or offsets outside the
    text, is a failure. Shared by this fuzzer and tests/e2e/test_hostile.py."""
    import asyncio

    from scrapy.exceptions import DropItem

    from crawler.analyse.page import FetchedPage
    from crawler.extract.page import decode_html, is_binary
    from crawler.items import ARTICLE_FIELDS

    if is_binary(body):
        return  # the spider skips it (binary_body)
    html = decode_html(body, content_type)
    assert isinstance(html, str)
    extraction, required = pipelines()
    page = FetchedPage(url=url, canonical_url=url, site="arabstoday", html=html, status=200,
                       fetched_at="2024-11-22T12:00:00Z", feed={"title": "x"})
    try:
        item = required.process_item(asyncio.run(extraction.process_item(page)))
    except DropItem:
        return
    assert set(ARTICLE_FIELDS) <= set(item), "an exported item lacks fields"
    assert item["text"] and item["title"], "an exported item has no text or title"
    for span in item["paragraphs"]:
        assert 0 <= span["start"] < span["end"] <= len(item["text"])


def run_one(data: bytes) -> None:
    """One input: first byte picks the Content-Type and URL, the rest is the body."""
    if not data:
        return
    content_type = CONTENT_TYPES[data[0] % len(CONTENT_TYPES)]
    url = URLS[(data[0] >> 4) % len(URLS)]
    through_pipeline(data[1:], content_type, url)


def seed_corpus() -> list[bytes]:
    from urllib.parse import urlsplit

    from crawler.simulator.network import SimulatedNetwork

    network = SimulatedNetwork(pages=12)
    out = []
    for plan in network.plans()[:8]:
        parts = urlsplit(plan.canonical_url)
        out.append(b"\x02" + network.respond(parts.netloc, parts.path).body)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=0, help="stop after N executions")
    parser.add_argument("--seconds", type=int, default=0, help="stop after N seconds")
    parser.add_argument("corpus", nargs="?", help="libFuzzer corpus folder")
    args = parser.parse_args(argv)
    try:
        import atheris
    except ImportError:
        print("atheris is not installed (pip install atheris==2.3.0)", file=sys.stderr)
        return 2
    import logging
    import tempfile
    from pathlib import Path

    logging.disable(logging.CRITICAL)  # extraction logs its own failures; keep the run quiet
    with atheris.instrument_imports(include=["crawler"]):  # before anything imports crawler
        import crawler.pipelines.checks
        import crawler.pipelines.extraction  # noqa: F401

    corpus = Path(args.corpus or tempfile.mkdtemp(prefix="fuzz-corpus-"))
    corpus.mkdir(parents=True, exist_ok=True)
    for number, page in enumerate(seed_corpus()):
        run_one(page)  # the seed pages must pass before any mutation
        (corpus / f"seed-{number}").write_bytes(page)
    libfuzzer = [sys.argv[0], "-print_final_stats=1", str(corpus)]
    if args.runs:
        libfuzzer.append(f"-runs={args.runs}")
    if args.seconds:
        libfuzzer.append(f"-max_total_time={args.seconds}")
    started = time.monotonic()
    atheris.Setup(libfuzzer, run_one)
    try:
        atheris.Fuzz()
    except SystemExit as done:  # libFuzzer exits when -runs / -max_total_time is reached
        print(f"fuzz: finished in {time.monotonic() - started:.1f}s", file=sys.stderr)
        return int(done.code or 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
