"""Reliability and safety: the failure ledger, crash-safe output, robust page decoding, safe
file names.

- :class:`FailureLedger` (extension) follows every article request to its end: exported, or
  failed with a reason (``http_503``, ``TimeoutError``, ``download_maxsize``, ``redirect_loop``,
  ``robots_forbidden``, a drop reason such as ``empty`` ...). At close it writes
  ``failed/<reason>`` counters and ``failed_articles`` (url, reason, retries) into the stats, so
  the run report lists every article that was retried and still lost, with its reason.
- :class:`SafeFileFeedStorage` / :class:`GuardedFile`: local output files only ever hold whole
  lines; a write that fails (disk full, file too large) cuts the file back to its last whole
  line and stops the process with a clear error (exit status ``EXIT_OUTPUT_ERROR``).
- :class:`OutputRecovery` (extension): before a crawl appends (``-o``) to an output file, a torn
  last line is cut and articles in the file but missing from the seen-store are recorded, so
  the same command after a ``kill -9`` exports every article exactly once.
- :func:`is_binary`: a binary file served as text/html.
- :class:`SecretMasking` (extension) / :func:`mask_secrets`: no password, token or key in logs.
- :func:`safe_filename` / :func:`url_filename` / :func:`inside`: file names from untrusted text.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import re
import sys
import unicodedata
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.extensions.feedexport import FileFeedStorage
from scrapy.spidermiddlewares.httperror import HttpError
from w3lib.url import file_uri_to_path

from crawler.extraction.blocks import looks_binary
from crawler.incremental import Incremental
from crawler.sites import site_for_host
from crawler.state import SeenRecord

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.statscollectors import StatsCollector
    from twisted.python.failure import Failure

logger = logging.getLogger(__name__)

page_failed = object()
"""Signal sent by the spider for a page it could not use: ``url``, and either ``reason`` or
the ``failure`` (with its ``request``)."""

# ------------------------------------------------------------------------------ decoding

_CONTROL_BYTES = bytes(range(0, 9)) + bytes(range(14, 32))


def is_binary(body: bytes) -> bool:
    """Known binary magic, or control bytes (NUL etc.) in more than 5 % of the first 2 KiB."""
    if looks_binary(body):
        return True
    head = body[:2048]
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return bool(head) and controls > len(head) // 20


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
        connect(ledger.request_scheduled, signal=signals.request_scheduled)
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

    def request_scheduled(self, request: Request) -> None:
        """A redirect (e.g. a meta refresh) off the crawled sites: Scrapy's OffsiteMiddleware
        drops it silently when it is scheduled; record why the article is lost."""
        if not request.meta.get("redirect_urls") or not _is_article(request):
            return
        site = site_for_host(urlsplit(request.url).hostname or "")
        allowed = {s.key for s in getattr(self.crawler.spider, "sites", ())}
        if site is None or (allowed and site.key not in allowed):
            self.fail(_origin(request), "offsite_redirect")

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


# ------------------------------------------------------------------------------ output

EXIT_OUTPUT_ERROR = 74
"""Exit status when the output cannot be written (EX_IOERR): the crawl stops at once."""


class GuardedFile(io.RawIOBase):
    """An unbuffered output file that only ever holds whole writes (whole lines for JSON Lines).

    Each ``write`` (the JSON Lines exporter hands over one whole line at a time) goes to disk
    completely, or not at all: on any error (disk full, file too large) the file is cut back to
    the end of the last whole write, a clear error is logged, and the process exits with
    ``EXIT_OUTPUT_ERROR``, exactly like a crash (the seen-store has not recorded the item, so
    the same command resumes the crawl). Text exporters (CSV, XML) get it wrapped in a
    TextIOWrapper by Scrapy, as any binary file.
    """

    def __init__(self, path: str, mode: str):
        super().__init__()
        self.path = path
        self.raw = open(path, mode, buffering=0)  # noqa: SIM115 - closed by store()
        self.good = self.raw.seek(0, os.SEEK_END)

    def readable(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        try:
            while view:
                written = self.raw.write(view)
                if not written:
                    raise OSError(f"no byte written to {self.path}")
                view = view[written:]
        except OSError as error:
            self.fail(error)
        size = memoryview(data).nbytes
        self.good += size
        return size

    def fail(self, error: OSError) -> None:
        with contextlib.suppress(OSError):
            os.ftruncate(self.raw.fileno(), self.good)
        message = (f"cannot write the output {self.path}: {error}. Stopping now; the file ends "
                   f"with its last whole line. Free space, then run the same command again "
                   f"(same JOBDIR/STATE_DIR, -o to append) to resume.")
        logger.critical(message)
        for handler in logging.getLogger().handlers:
            handler.flush()
        sys.stderr.write(f"arabstoday-crawler: {message}\n")
        sys.stderr.flush()
        os._exit(EXIT_OUTPUT_ERROR)

    def tell(self) -> int:
        return self.good

    def close(self) -> None:
        if not self.raw.closed:
            self.raw.close()
        super().close()


def cut_torn_tail(path: str) -> int:
    """Remove an unfinished last line (no newline) left by a crash; the bytes removed."""
    with open(path, "rb+") as file:
        size = file.seek(0, os.SEEK_END)
        if size == 0:
            return 0
        file.seek(size - 1)
        if file.read(1) == b"\n":
            return 0
        position = size
        while position > 0:
            step = min(65536, position)
            file.seek(position - step)
            chunk = file.read(step)
            cut = chunk.rfind(b"\n")
            if cut >= 0:
                keep = position - step + cut + 1
                break
            position -= step
        else:
            keep = 0
        file.truncate(keep)
        return size - keep


class SafeFileFeedStorage(FileFeedStorage):
    """Local feed files that only ever hold whole lines (writes go through GuardedFile)."""

    def open(self, spider: Spider) -> IO[bytes]:
        path = Path(self.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        return GuardedFile(str(path), self.write_mode)  # type: ignore[return-value]


def recover_output(path: Path, incremental: Incremental | None,
                   stats: StatsCollector | None = None) -> tuple[int, int]:
    """Repair an output file a crashed run appended to: cut a torn last line, and record every
    article in the file that the seen-store lacks (the crash came between writing its line and
    recording it). Returns (bytes cut, records added)."""
    removed = cut_torn_tail(str(path))
    if removed:
        logger.warning("removed an unfinished last line (%d bytes) from %s", removed, path)
    added = 0
    if incremental is not None:
        with path.open("rb") as lines:
            for line in lines:
                try:
                    item = json.loads(line)
                    article_id = item["id"]
                except (ValueError, KeyError, TypeError):
                    continue
                if article_id not in incremental.store:
                    incremental.store.put(SeenRecord.from_item(item, item.get("fetched_at") or ""))
                    added += 1
    if added:
        logger.warning("recorded %d articles found in %s but missing from the seen-store "
                       "(a crash came between writing and recording them)", added, path)
    if stats is not None:
        stats.inc_value("recovery/torn_line_bytes", removed)
        stats.inc_value("recovery/seen_records_added", added)
    return removed, added


class OutputRecovery:
    """Extension: before the crawl starts, repair every local output it appends to (``-o``)."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OutputRecovery:
        feeds = crawler.settings.getdict("FEEDS")
        for uri, options in feeds.items():
            uri = str(uri)
            if (options or {}).get("overwrite") or "%(" in uri:
                continue
            parsed = urlsplit(uri)
            if parsed.scheme not in ("", "file") and len(parsed.scheme) > 1:
                continue  # remote storage; one-letter schemes are Windows drives
            path = Path(file_uri_to_path(uri) if uri.startswith("file:") else uri)
            if path.is_file():
                recover_output(path, Incremental.for_crawler(crawler), crawler.stats)
        return cls()


# ------------------------------------------------------------------------------ secrets

_URL_USERINFO = re.compile(r"(?i)\b([a-z][\w+.-]*://)([^/\s:@'\"]*):([^/\s@'\"]+)@")
_SECRET_NAME = r"[A-Z0-9_]*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_KEY|AUTH|CREDENTIAL)" \
    r"[A-Z0-9_]*"
_SECRET_SETTING = re.compile(rf"""(['"]?{_SECRET_NAME}['"]?\s*[:=]\s*)(['"])(.*?)\2""")
_SECRET_HINTS = ("PASSW", "SECRET", "TOKEN", "KEY", "AUTH", "CREDENTIAL")
"""One of these is in every text ``_SECRET_SETTING`` matches (the names are upper case)."""
MASK = "***"


def mask_secrets(text: str) -> str:
    """``text`` with URL passwords (``redis://:pw@host``, ``http://user:pw@proxy``) and the
    values of secret-named settings (``*PASSWORD*``, ``*SECRET*``, ``*TOKEN*``, ``*KEY*`` ...)
    replaced by ``***``."""
    # Substring tests first: a text without "://" and "@", or without a secret-like name,
    # cannot match the pattern, and most log lines have neither.
    if "@" in text and "://" in text:
        text = _URL_USERINFO.sub(lambda m: f"{m[1]}{m[2]}:{MASK}@", text)
    if any(hint in text for hint in _SECRET_HINTS):
        text = _SECRET_SETTING.sub(lambda m: f"{m[1]}{m[2]}{MASK}{m[2]}", text)
    return text


def _mask_record(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except Exception:  # a broken record is the handler's business, not ours
        return
    masked = mask_secrets(message)
    if masked != message:
        record.msg, record.args = masked, None


def may_be_emitted(name: str, level: int) -> bool:
    """Whether a record of ``level`` made by logger ``name`` passes the level of at least one
    handler it will be offered to (the logger's and its ancestors' handlers up to the first
    that does not propagate, or ``logging.lastResort`` when there is none): what
    ``Logger.callHandlers`` checks before any handler sees it. True when in doubt."""
    if name == logging.root.name:
        logger: logging.Logger | None = logging.root
    else:
        found = logging.Logger.manager.loggerDict.get(name)
        if not isinstance(found, logging.Logger):
            return True
        logger = found
    has_handlers = False
    while logger is not None:
        for handler in logger.handlers:
            has_handlers = True
            if level >= handler.level:
                return True
        if not logger.propagate:
            break
        logger = logger.parent
    if has_handlers:
        return False
    last_resort = logging.lastResort
    return last_resort is None or level >= last_resort.level


class SecretMasking:
    """Extension: from the start of the crawl on, every log record of the process that can
    reach a handler is created with its secrets masked (a log record factory, so whatever
    logger or handler: Scrapy's "Overridden settings" line, logged right after the extensions
    are built, included). A record below the level of every handler it will be offered to
    (Scrapy's DEBUG "Scraped from <item>" at ``LOG_LEVEL=INFO``) is dropped unread by all of
    them, so it is not masked: formatting and masking a whole item costs more than anything
    else per log record."""

    installed = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SecretMasking:
        if not cls.installed:
            cls.installed = True
            make_record = logging.getLogRecordFactory()

            def masked_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
                record = make_record(*args, **kwargs)
                if may_be_emitted(record.name, record.levelno):
                    _mask_record(record)
                return record

            logging.setLogRecordFactory(masked_record)
        return cls()


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
