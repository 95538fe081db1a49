"""What a review is built from: the crawl's items, its run report, and the recorded pages.

Bad input raises ``ReviewInputError`` with one line that says what is wrong; the command prints
it. Recorded bodies are stored as received (``Content-Encoding`` kept), so they are decoded
here, with a cap on the decoded size.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crawler.crawl.archive import ReplayArchive, ReplayArchiveError
from crawler.extract.page import decode_html, is_binary

MAX_BODY_BYTES = 10 * 1024 * 1024
"""Decoded bodies are cut here (the crawl's DOWNLOAD_MAXSIZE): a compressed bomb stays small."""


class ReviewInputError(ValueError):
    """An input of the review cannot be used; the message is one line for the user."""


@dataclass
class ItemsFile:
    """The items of a JSON Lines export and the lines that could not be read."""

    items: list[dict[str, Any]]
    bad_lines: int = 0


def read_items(path: Path) -> ItemsFile:
    """Every JSON object line of ``path`` (``.gz`` read as gzip); other lines are counted."""
    if not path.is_file():
        raise ReviewInputError(f"items file not found: {path}")
    result = ItemsFile([])
    try:
        for line in _lines(path):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except ValueError:
                result.bad_lines += 1
                continue
            if isinstance(value, dict):
                result.items.append(value)
            else:
                result.bad_lines += 1
    except (OSError, EOFError, zlib.error) as exc:
        raise ReviewInputError(f"cannot read items file {path}: {exc}") from exc
    return result


def _lines(path: Path) -> Iterator[bytes]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as stream:
        yield from stream


def read_report(path: Path) -> tuple[Path, dict[str, Any]]:
    """A run report: the file, or the newest report of a folder (by name: the start time)."""
    if path.is_dir():
        reports = sorted(path.glob("*.json"))
        if not reports:
            raise ReviewInputError(f"no run report (*.json) in {path}")
        path = reports[-1]
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ReviewInputError(f"run report not found: {path}") from exc
    except (OSError, ValueError) as exc:
        raise ReviewInputError(f"run report {path} is not readable JSON: {exc}") from exc
    if not isinstance(report, dict) or "items_exported" not in report:
        raise ReviewInputError(f"{path} is not a run report (no items_exported)")
    return path, report


@dataclass(frozen=True)
class DroppedPage:
    """An article page the crawl lost, and why (from the run report's ``failed_articles``)."""

    url: str
    reason: str
    retries: int = 0


def dropped_pages(report: dict[str, Any] | None) -> list[DroppedPage]:
    """The article pages the report lists as not exported."""
    failed = ((report or {}).get("stats") or {}).get("failed_articles") or []
    pages = []
    for entry in failed if isinstance(failed, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("url"), str):
            retries = entry.get("retries")
            pages.append(DroppedPage(entry["url"], str(entry.get("reason") or "unknown"),
                                     retries if isinstance(retries, int) else 0))
    return pages


@dataclass(frozen=True)
class RecordedPage:
    """What the replay source holds for a URL: an HTML page, or why there is none."""

    status: int | None = None
    content_type: str | None = None
    body: bytes | None = None
    """The body with its Content-Encoding undone; None when there is no HTML page."""
    html: str | None = None
    """The body decoded as the crawl decodes it."""
    missing: str | None = None
    """Why there is no HTML page ("not in the replay source", "HTTP 301 to …", …)."""
    recorded_at: str | None = None


def open_archive(sources: list[Path]) -> ReplayArchive:
    """The replay archive over WARC files, saved HTML files and folders of them."""
    if not sources:
        raise ReviewInputError("no replay source given (--replay WARC or folder)")
    try:
        archive = ReplayArchive.load(sources)
    except ReplayArchiveError as exc:
        raise ReviewInputError(str(exc)) from exc
    if not len(archive):
        raise ReviewInputError("the replay source holds no pages: "
                               + ", ".join(str(s) for s in sources))
    return archive


def recorded_page(archive: ReplayArchive | None, url: str) -> RecordedPage:
    """The page recorded for ``url``, decoded, or why there is none."""
    if archive is None:
        return RecordedPage(missing="no replay source")
    try:
        recorded = archive.lookup(url)
    except ReplayArchiveError as exc:
        return RecordedPage(missing=f"unreadable in the replay source ({exc})")
    if recorded is None:
        return RecordedPage(missing="not in the replay source")
    headers = {name.lower(): value for name, value in recorded.headers}
    content_type = headers.get("content-type")
    if 300 <= recorded.status < 400:
        location = headers.get("location", "?")
        return RecordedPage(recorded.status, content_type, missing=(
            f"HTTP {recorded.status} redirect to {location}"))
    try:
        body = decode_content(recorded.body, headers.get("content-encoding", ""))
    except ValueError as exc:
        return RecordedPage(recorded.status, content_type, missing=str(exc))
    if content_type and "html" not in content_type.lower() and "xml" not in content_type.lower():
        return RecordedPage(recorded.status, content_type,
                            missing=f"not HTML (Content-Type {content_type})")
    if is_binary(body):
        return RecordedPage(recorded.status, content_type, missing="binary body")
    return RecordedPage(recorded.status, content_type, body, decode_html(body, content_type),
                        recorded_at=recorded.recorded_at)


def decode_content(body: bytes, encoding: str) -> bytes:
    """``body`` with its Content-Encoding (gzip, deflate, br; a list applied in order) undone;
    ValueError for an encoding that cannot be undone."""
    codings = [c.strip().lower() for c in encoding.split(",") if c.strip()]
    for coding in reversed(codings):
        if coding in ("identity", ""):
            continue
        if coding in ("gzip", "x-gzip"):
            body = _inflate(body, 16 + zlib.MAX_WBITS)
        elif coding == "deflate":
            try:
                body = _inflate(body, zlib.MAX_WBITS)
            except ValueError:
                body = _inflate(body, -zlib.MAX_WBITS)  # raw deflate, as some servers send
        elif coding == "br":
            body = _unbrotli(body)
        else:
            raise ValueError(f"Content-Encoding {coding} cannot be decoded")
    return body


def _inflate(body: bytes, wbits: int) -> bytes:
    decompressor = zlib.decompressobj(wbits)
    try:
        return decompressor.decompress(body, MAX_BODY_BYTES)
    except zlib.error as exc:
        raise ValueError(f"body does not decompress ({exc})") from exc


def _unbrotli(body: bytes) -> bytes:
    try:
        import brotli
    except ImportError as exc:
        raise ValueError("Content-Encoding br needs the brotli package") from exc
    try:
        decoder = brotli.Decompressor()
        return bytes(decoder.process(body, output_buffer_limit=MAX_BODY_BYTES))[:MAX_BODY_BYTES]
    except brotli.error as exc:
        raise ValueError(f"body does not decompress ({exc})") from exc
