"""Reliability and safety helpers: the failure ledger, robust page decoding, safe file names,
secret masking.

:class:`FailureLedger` (an extension) follows every article request to its end: exported, or
failed with a reason (``http_503``, ``TimeoutError``, ``download_maxsize``, ``redirect_loop``,
``robots_forbidden``, a drop reason such as ``empty`` ...). At close it writes
``failed/<reason>`` counters and ``failed_articles`` (url, reason, retries) into the stats, so
the run report lists every article that was retried and still lost, with its reason.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError

from crawler.extraction.blocks import decode_html, looks_binary

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from twisted.python.failure import Failure

logger = logging.getLogger(__name__)

page_failed = object()
"""Signal sent by the spider for a page it could not use: ``url``, and either ``reason`` or
the ``failure`` (with its ``request``)."""

# ------------------------------------------------------------------------------ decoding

_CONTROL_BYTES = frozenset(range(0, 9)) | frozenset(range(14, 32))
_UTF8_NAMES = {"utf-8", "utf8"}


def is_binary(body: bytes) -> bool:
    """Known binary magic, or control bytes (NUL etc.) in more than 5 % of the first 2 KiB."""
    if looks_binary(body):
        return True
    head = body[:2048]
    return bool(head) and sum(byte in _CONTROL_BYTES for byte in head) > len(head) // 20


def page_text(body: bytes, content_type: str | None) -> str:
    """The text of an HTML page: valid UTF-8 wins over any declaration (decode_html); a UTF-8
    declaration that the bytes contradict gives way to windows-1256, the network's other
    charset."""
    charset = re.search(r"charset\s*=\s*[\"']?([\w-]+)", content_type or "", re.I)
    if charset and charset.group(1).lower() in _UTF8_NAMES:
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            content_type = "text/html; charset=windows-1256"
    return decode_html(body, content_type)


# ------------------------------------------------------------------------------ ledger

_IGNORE_REASONS = (
    ("offsite_redirect", "offsite_redirect"),
    ("redirect_not_http", "redirect_not_http"),
    ("forbidden by robots.txt", "robots_forbidden"),
    ("max redirections", "redirect_loop"),
    ("max size", "download_maxsize"),
    ("download_maxsize", "download_maxsize"),
)
_DROP_REASON = re.compile(r"dropped \(([^)]+)\)")


def failure_reason(failure: Failure) -> str:
    """A short reason code for a failed request."""
    if failure.check(HttpError):
        return f"http_{failure.value.response.status}"  # type: ignore[union-attr]
    message = str(failure.value).lower()
    if "larger than download max size" in message:
        return "download_maxsize"
    if failure.check(IgnoreRequest):
        for needle, reason in _IGNORE_REASONS:
            if needle in message:
                return reason
        return "ignored"
    return failure.type.__name__ if failure.type else "unknown"


def _is_article(request: Request) -> bool:
    return "discovery" in request.meta and not request.meta.get("discovery_page")


def _origin(request: Request) -> str:
    return str((request.meta.get("redirect_urls") or [request.url])[0])


class FailureLedger:
    """Extension: the end of every article request, exported or failed with a reason."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.failed: dict[str, tuple[str, int]] = {}
        self.exported: set[str] = set()
        self.origin_of: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FailureLedger:
        ledger = cls(crawler)
        connect = crawler.signals.connect
        connect(ledger.response_received, signal=signals.response_received)
        connect(ledger.item_scraped, signal=signals.item_scraped)
        connect(ledger.item_dropped, signal=signals.item_dropped)
        connect(ledger.request_dropped, signal=signals.request_dropped)
        connect(ledger.spider_error, signal=signals.spider_error)
        connect(ledger.page_failed, signal=page_failed)
        connect(ledger.spider_closed, signal=signals.spider_closed)
        return ledger

    def fail(self, url: str, reason: str, retries: int = 0) -> None:
        if url not in self.exported:
            self.failed.setdefault(url, (reason, retries))

    def response_received(self, response: Response, request: Request) -> None:
        if _is_article(request):
            self.origin_of[response.url] = _origin(request)

    def _item_origin(self, item: Any, response: Response | None) -> str | None:
        """The article request an item came from: found by the item's URL (the ``response``
        of the signal is not always the item's own), else by the response."""
        url = getattr(item, "url", None) or (item.get("url") if isinstance(item, dict) else None)
        if url and url in self.origin_of:
            return self.origin_of[url]
        request = getattr(response, "request", None)
        return _origin(request) if request is not None and _is_article(request) else None

    def item_scraped(self, item: Any, response: Response | None) -> None:
        if url := self._item_origin(item, response):
            self.exported.add(url)
            self.failed.pop(url, None)

    def item_dropped(self, item: Any, response: Response | None, exception: Exception) -> None:
        if url := self._item_origin(item, response):
            match = _DROP_REASON.search(str(exception))
            self.fail(url, match.group(1) if match else type(exception).__name__)

    def request_dropped(self, request: Request) -> None:
        redirects = request.meta.get("redirect_urls")
        if redirects and _is_article(request):  # a redirect back to a URL already requested
            reason = "redirect_loop" if request.url in redirects else "redirect_duplicate"
            self.fail(_origin(request), reason)

    def spider_error(self, failure: Failure, response: Response) -> None:
        request = response.request
        if request is not None and _is_article(request):
            self.fail(_origin(request), "spider_error")

    def page_failed(self, url: str, reason: str | None = None,
                    failure: Failure | None = None) -> None:
        request: Request | None = getattr(failure, "request", None)
        if request is not None:
            if _is_article(request):
                assert failure is not None
                self.fail(_origin(request), failure_reason(failure),
                          request.meta.get("retry_times", 0))
        elif url in self.origin_of:
            self.fail(self.origin_of[url], reason or "skipped")

    def spider_closed(self, spider: Spider) -> None:
        stats = self.crawler.stats
        assert stats is not None
        failed = sorted(self.failed.items())
        for _, (reason, _retries) in failed:
            stats.inc_value(f"failed/{reason}")
        if failed:
            stats.set_value("failed_articles", [
                {"url": url, "reason": reason, "retries": retries}
                for url, (reason, retries) in failed])
            logger.warning("%d articles not exported (reasons in the run report)", len(failed))


# ------------------------------------------------------------------------------ file names

MAX_NAME_BYTES = 200
_UNSAFE = re.compile(r"[^\w.\-]+")


def safe_filename(name: str, max_bytes: int = MAX_NAME_BYTES) -> str:
    """One path component derived from untrusted text (a URL, a host, a title).

    No separators, no NUL or control characters, no leading dots (so never ``.``, ``..`` or a
    hidden file), at most ``max_bytes`` UTF-8 bytes (long names keep a digest of the whole);
    never empty.
    """
    text = unicodedata.normalize("NFC", name)
    cleaned = _UNSAFE.sub("_", text).strip("._") or "_"
    encoded = cleaned.encode("utf-8")
    if len(encoded) > max_bytes:
        digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        head = encoded[:max_bytes - 13].decode("utf-8", "ignore").rstrip("._")
        cleaned = f"{head}-{digest}"
    return cleaned


def url_filename(url: str, suffix: str = "") -> str:
    """A safe file name for a URL: host and path, flattened."""
    parts = urlsplit(url)
    raw = f"{parts.hostname or 'nohost'}_{parts.path}_{parts.query}".rstrip("_")
    return safe_filename(raw, MAX_NAME_BYTES - len(suffix.encode())) + suffix


def inside(folder: str | os.PathLike[str], name: str) -> Path:
    """``folder / name``, refusing any result outside ``folder`` (ValueError)."""
    base = Path(folder).resolve()
    target = (base / name).resolve()
    if target != base and base not in target.parents:
        raise ValueError(f"{name!r} leaves {base}")
    return target
