"""Offline replay: WARC files and saved HTML pages indexed by URL, so that the download handler
(crawler.crawl.download) can answer requests without a network; ``save_html`` writes a page in
the browsers' "saved from url" form that the archive reads.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

import lxml.html
from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import _schedule_coro
from w3lib.encoding import html_body_declared_encoding
from w3lib.url import canonicalize_url, safe_url_string
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from crawler.network.urls import NotAnArticleURL, canonical_article_url, parse_article_url

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


#: Response flag set by the replay handler on URLs missing from the archive.
REPLAY_MISS_FLAG = "replay-miss"


#: Response flag set by the replay handler on URLs answered from the archive.
REPLAY_HIT_FLAG = "replayed"

WARC_SUFFIXES = (".warc", ".warc.gz")


HTML_SUFFIXES = (".html", ".htm")

_DEFAULT_PORTS = {"http": 80, "https": 443}


_SAVED_FROM_RE = re.compile(rb"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)

_SAVED_FROM_SCAN_BYTES = 4096


def replay_key(url: str) -> str:
    """Normalise *url* for archive lookups.

    Percent-encoding and raw Arabic variants, query order, fragments, host case and
    default ports all map to the same key.
    """
    canonical = canonicalize_url(url, keep_fragments=False)
    parts = urlsplit(canonical)
    if parts.port is not None and _DEFAULT_PORTS.get(parts.scheme) == parts.port:
        host = parts.hostname or ""
        netloc = host if not parts.username else parts.netloc.rsplit("@", 1)[0] + "@" + host
        parts = parts._replace(netloc=netloc)
    return urlunsplit(parts)


@dataclass(frozen=True)
class RecordedResponse:
    """One archived HTTP response, ready to be turned into a Scrapy response."""

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    protocol: str = "HTTP/1.1"
    ip_address: str | None = None
    recorded_at: str | None = None
    """WARC-Date of the record (ISO 8601 UTC), None for saved HTML."""


@dataclass(frozen=True)
class _WarcPointer:
    path: Path
    offset: int
    revisit_of: str | None = None  # payload digest of the record holding the body


@dataclass(frozen=True)
class _SavedPage:
    path: Path
    url: str


class ReplayArchiveError(ValueError):
    """A replay source cannot be used (missing path, unreadable archive)."""


@dataclass
class ReplayArchive:
    """URL index over WARC files and saved HTML pages; bodies are read on lookup.

    ``len(archive)`` is the number of distinct URLs; ``records`` counts indexed
    records (a URL seen twice counts twice; the last one wins).
    """

    _entries: dict[str, _WarcPointer | _SavedPage] = field(default_factory=dict)
    _payloads: dict[str, _WarcPointer] = field(default_factory=dict)
    records: int = 0
    files: int = 0
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    _article_keys: tuple[int, dict[str, list[str]]] | None = field(default=None, repr=False)

    @classmethod
    def load(cls, paths: str | Path | Iterable[str | Path]) -> Self:
        """Index WARC files, saved HTML files and folders holding them, in the given order."""
        archive = cls()
        if isinstance(paths, str | Path):
            paths = [paths]
        for path in paths:
            archive.add(Path(path))
        return archive

    def add(self, path: Path) -> None:
        """Index one file or (recursively, in sorted order) one folder."""
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if _is_warc(child) or _is_html(child):
                    self._add_file(child)
            return
        if not path.exists():
            raise ReplayArchiveError(f"replay source not found: {path}")
        if not (_is_warc(path) or _is_html(path)):
            raise ReplayArchiveError(
                f"replay source is neither a WARC (.warc, .warc.gz) nor saved HTML: {path}"
            )
        self._add_file(path)

    def _add_file(self, path: Path) -> None:
        if _is_warc(path):
            self._add_warc(path)
        else:
            self._add_html(path)

    def _add_warc(self, path: Path) -> None:
        indexed = 0
        try:
            with path.open("rb") as stream:
                iterator = ArchiveIterator(stream)
                for record in iterator:
                    if record.format != "warc":
                        self._skip(path, f"not a WARC file (read as {record.format!r})")
                        return
                    if record.rec_type not in ("response", "resource", "revisit"):
                        continue
                    uri = _target_uri(record.rec_headers.get_header("WARC-Target-URI"))
                    if not uri:
                        continue
                    rec_headers, body_stream = record.rec_headers, record.raw_stream
                    iterator.read_to_end(record)
                    if getattr(body_stream, "limit", 0):  # bytes promised but never read
                        raise EOFError(f"record for {uri} is cut short")
                    pointer = _WarcPointer(path, iterator.get_record_offset())
                    digest = rec_headers.get_header("WARC-Payload-Digest")
                    if record.rec_type == "revisit":
                        if not digest:
                            continue
                        pointer = _WarcPointer(path, pointer.offset, revisit_of=digest)
                    elif digest:
                        self._payloads[digest] = pointer
                    self._entries[replay_key(uri)] = pointer
                    self.records += 1
                    indexed += 1
        except (ArchiveLoadFailed, OSError, ValueError, EOFError, zlib.error) as exc:
            if not indexed:
                self._skip(path, f"unreadable WARC ({exc!r})")
                return
            # An interrupted crawl leaves whole records and a torn last one: keep the former.
            logger.warning("Replay: %s unreadable after %d records (%r)", path, indexed, exc)
        if not indexed:
            logger.warning("Replay: %s holds no response records", path)
        self.files += 1

    def _add_html(self, path: Path) -> None:
        try:
            body = path.read_bytes()
        except OSError as exc:
            self._skip(path, f"unreadable ({exc})")
            return
        url = saved_page_url(body)
        if url is None:
            self._skip(path, "no URL (no 'saved from url' comment, canonical link or og:url)")
            return
        self._entries[replay_key(url)] = _SavedPage(path, url)
        self.records += 1
        self.files += 1

    def _skip(self, path: Path, reason: str) -> None:
        logger.warning("Replay: skipping %s: %s", path, reason)
        self.skipped.append((path, reason))

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, url: object) -> bool:
        return isinstance(url, str) and replay_key(url) in self._entries

    def urls(self) -> Iterator[str]:
        """Normalised URLs held by the archive."""
        return iter(self._entries)

    def lookup_article(self, url: str) -> RecordedResponse | None:
        """The archived page of the network article at *url* under another variant of its URL
        (http, bare or alias host, /amp or /index.php, raw or percent-encoded path), as another
        crawler (Common Crawl) recorded it; None when no variant holds a 2xx response. A plain
        page is preferred to an AMP one. Raises ReplayArchiveError like ``lookup``."""
        canonical = canonical_article_url(url)
        if canonical is None:
            return None
        for key in self._article_variants().get(canonical, ()):
            recorded = self.lookup(key)
            if recorded is not None and 200 <= recorded.status < 300:
                return recorded
        return None

    def _article_variants(self) -> dict[str, list[str]]:
        """Canonical article URL -> archived URLs of that article, plain pages first (built on
        first use, again when records were added since)."""
        if self._article_keys is None or self._article_keys[0] != self.records:
            variants: dict[str, list[tuple[bool, str]]] = {}
            for key in self._entries:
                try:
                    article = parse_article_url(key)
                except NotAnArticleURL:
                    continue
                variants.setdefault(article.url, []).append((article.was_amp, key))
            self._article_keys = (self.records, {url: [key for _, key in sorted(keys)]
                                                 for url, keys in variants.items()})
        return self._article_keys[1]

    def summary(self) -> str:
        """One line for logs: URLs, records, files and skipped files."""
        text = f"{len(self)} URLs from {self.records} records in {self.files} files"
        if self.skipped:
            text += f" ({len(self.skipped)} files skipped)"
        return text

    def lookup(self, url: str) -> RecordedResponse | None:
        """The recorded response for *url*, or None when the archive does not hold it.

        Raises ReplayArchiveError when the indexed file can no longer be read.
        """
        entry = self._entries.get(replay_key(url))
        if entry is None:
            return None
        try:
            if isinstance(entry, _SavedPage):
                return _read_saved_page(entry)
            if entry.revisit_of is None:
                return _read_warc_record(entry)
            original = self._payloads.get(entry.revisit_of)
            if original is None:
                raise ReplayArchiveError(
                    f"revisit of {url} refers to payload {entry.revisit_of}, not in the archive"
                )
            return _read_revisit(entry, _read_warc_record(original))
        except (OSError, ArchiveLoadFailed, StopIteration, ValueError) as exc:
            raise ReplayArchiveError(f"cannot read {url} from {entry.path}: {exc!r}") from exc


def _is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _is_html(path: Path) -> bool:
    return path.suffix.lower() in HTML_SUFFIXES


def _target_uri(value: str | None) -> str | None:
    if not value:
        return None
    return value.strip().removeprefix("<").removesuffix(">")


def _utc_iso(warc_date: str | None) -> str | None:
    """WARC-Date (W3C, possibly with fractions) as ISO 8601 UTC to the second."""
    if not warc_date:
        return None
    try:
        when = datetime.fromisoformat(warc_date.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _read_warc_record(pointer: _WarcPointer) -> RecordedResponse:
    with pointer.path.open("rb") as stream:
        stream.seek(pointer.offset)
        record = next(iter(ArchiveIterator(stream)))
        uri = _target_uri(record.rec_headers.get_header("WARC-Target-URI")) or ""
        ip_address = record.rec_headers.get_header("WARC-IP-Address")
        recorded_at = _utc_iso(record.rec_headers.get_header("WARC-Date"))
        http = record.http_headers
        if record.rec_type == "resource" or http is None:
            content_type = record.rec_headers.get_header("Content-Type") or "text/html"
            body = record.raw_stream.read()
            headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))]
            return RecordedResponse(uri, 200, headers, body, ip_address=ip_address,
                                    recorded_at=recorded_at)
        headers = list(http.headers)
        if (http.get_header("Transfer-Encoding") or "").lower() == "chunked":
            # Recorded by another tool with the chunked framing kept: serve it decoded.
            body = record.content_stream().read()
            dropped = {"transfer-encoding", "content-encoding", "content-length"}
            headers = [(k, v) for k, v in headers if k.lower() not in dropped]
        else:
            body = record.raw_stream.read()
        status = int(http.get_statuscode() or 200)
        return RecordedResponse(
            uri, status, headers, body, protocol=http.protocol or "HTTP/1.1",
            ip_address=ip_address, recorded_at=recorded_at,
        )


def _read_revisit(pointer: _WarcPointer, original: RecordedResponse) -> RecordedResponse:
    """A revisit: its own URL, status and headers (when recorded), the original's body.

    Framing headers are made to fit the body served: no ``Transfer-Encoding`` (bodies
    are served de-chunked), ``Content-Encoding`` only if the original body still has it,
    ``Content-Length`` only if it matches.
    """
    revisit = _read_warc_record(pointer)
    if not revisit.headers:
        return replace(original, url=revisit.url, ip_address=revisit.ip_address)
    encoded = any(name.lower() == "content-encoding" for name, _ in original.headers)
    headers = [
        (name, value)
        for name, value in revisit.headers
        if name.lower() != "transfer-encoding"
        and (encoded or name.lower() != "content-encoding")
        and (name.lower() != "content-length" or value.strip() == str(len(original.body)))
    ]
    return replace(revisit, headers=headers, body=original.body)


def _read_saved_page(page: _SavedPage) -> RecordedResponse:
    body = page.path.read_bytes()
    charset = html_body_declared_encoding(body[:_SAVED_FROM_SCAN_BYTES * 4]) or "utf-8"
    headers = [
        ("Content-Type", f"text/html; charset={charset}"),
        ("Content-Length", str(len(body))),
    ]
    return RecordedResponse(page.url, 200, headers, body)


def saved_page_url(html: bytes) -> str | None:
    """The page URL of a saved HTML file.

    Looks for the browsers' ``<!-- saved from url=(NNNN)URL -->`` comment near the
    start, then ``<link rel="canonical">``, then ``<meta property="og:url">``. Only
    absolute http(s) URLs count.
    """
    match = _SAVED_FROM_RE.search(html[:_SAVED_FROM_SCAN_BYTES])
    if match:
        # The (NNNN) length is redundant with the whitespace-free URL; not trusted.
        url = match.group(1).decode("utf-8", "replace")
        if _is_absolute_http(url):
            return url
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rel and _is_absolute_http(href):
            return href
    for meta in tree.iter("meta"):
        content = (meta.get("content") or "").strip()
        if (meta.get("property") or "").lower() == "og:url" and _is_absolute_http(content):
            return content
    return None


def _is_absolute_http(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def save_html(path: str | Path, url: str, html_bytes: bytes) -> Path:
    """Write *html_bytes* to *path* with a first-line ``saved from url`` comment.

    The comment goes right after a leading ``<!DOCTYPE ...>`` (as browsers write it),
    else at the very start. Parent folders are created. Returns the path.
    """
    if not _is_absolute_http(url):
        raise ValueError(f"save_html needs an absolute http(s) URL, got {url!r}")
    safe_url = safe_url_string(url).encode("ascii")
    comment = b"<!-- saved from url=(%04d)%s -->" % (len(safe_url), safe_url)
    doctype = re.match(rb"\s*<!DOCTYPE[^>]*>", html_bytes, re.IGNORECASE)
    if doctype:
        head, rest = html_bytes[: doctype.end()], html_bytes[doctype.end() :]
        content = head + comment + rest
    else:
        content = comment + b"\n" + html_bytes
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return target


class ReplaySource:
    """The crawl's replay archive (an extension), loaded once from ``REPLAY_PATH`` and shared by
    the http and https download handlers and the spider. An unusable source (missing, unreadable,
    or holding no page) closes the spider as soon as it opens (reason ``replay_error``); no
    request ever reaches the network. ``scrapy crawl`` refuses such a source before it starts
    (crawler.crawl.arguments.check_replay_source)."""

    crawler: Crawler

    def __init__(self, archive: ReplayArchive | None, error: str | None = None):
        self.archive = archive
        self.error = error
        self.misses = 0
        self.closed = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ReplaySource:
        paths = crawler.settings.get("REPLAY_PATH")
        if not paths:
            raise NotConfigured
        try:
            archive = ReplayArchive.load(split_paths(paths))
            if not len(archive):
                raise ReplayArchiveError(f"replay source holds no readable page: {paths} "
                                         f"({archive.summary()})")
        except ReplayArchiveError as exc:
            logger.error("Replay source unusable, the spider will close: %s", exc)
            source = cls(None, error=str(exc))
            source.crawler = crawler
            crawler.signals.connect(source.close_spider, signal=signals.spider_opened)
            return source
        logger.info("Replay from %s: %s", paths, archive.summary())
        return cls(archive)

    def close_spider(self) -> None:
        engine = self.crawler.engine
        assert engine is not None
        _schedule_coro(engine.close_spider_async(reason="replay_error"))


def split_paths(value: str | list[str] | tuple[str, ...]) -> list[str]:
    """REPLAY_PATH: one path, several separated by commas, or a list (from a settings dict)."""
    parts = value if isinstance(value, list | tuple) else str(value).split(",")
    return [str(part).strip() for part in parts if str(part).strip()]
