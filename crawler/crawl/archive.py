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
from typing import TYPE_CHECKING, BinaryIO
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
class WarcDamage:
    """What reading one WARC file met: damaged regions skipped and the records kept."""

    indexed: int = 0
    after_damage: int = 0
    """Records indexed past the first damaged region (lost without per-record recovery)."""
    regions: int = 0
    skipped_bytes: int = 0
    truncated: bool = False
    first_error: str | None = None


_GZIP_MEMBER = b"\x1f\x8b\x08"

_WARC_RECORD = b"WARC/1."

_SCAN_CHUNK = 1 << 20


def _next_record_start(stream: BinaryIO, position: int, gzipped: bool) -> int | None:
    """The offset of the next gzip member (or, uncompressed, the next ``WARC/1.`` line) at or
    after ``position``; None at the end of the file."""
    marker = _GZIP_MEMBER if gzipped else b"\n" + _WARC_RECORD
    stream.seek(position)
    base = position
    carry = b""
    while chunk := stream.read(_SCAN_CHUNK):
        data = carry + chunk
        found = data.find(marker)
        if found >= 0:
            return base - len(carry) + found + (0 if gzipped else 1)
        carry = data[-(len(marker) - 1):]
        base += len(chunk)
    return None


def _ends_whole(stream: BinaryIO, end: int, size: int, last: int | None,
                gzipped: bool) -> bool:
    """Whether the file ends with its last record: nothing after it but the blank lines of an
    uncompressed WARC, and a last gzip member that is whole."""
    if end < size:
        stream.seek(end)
        if gzipped or size - end > 16 or stream.read(size - end).strip():
            return False
    return not (gzipped and last is not None and _torn_member(stream, last))


def _torn_member(stream: BinaryIO, offset: int) -> bool:
    """Whether the gzip member at ``offset`` (the file's last) stops before its end."""
    stream.seek(offset)
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        while chunk := stream.read(_SCAN_CHUNK):
            inflater.decompress(chunk, 1 << 16)
            while inflater.unconsumed_tail and not inflater.eof:
                inflater.decompress(inflater.unconsumed_tail, 1 << 16)
            if inflater.eof:
                return False
    except zlib.error:
        return True
    return not inflater.eof


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
    damaged: list[tuple[Path, WarcDamage]] = field(default_factory=list)
    """WARC files read past damage, with what was lost and kept."""

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
        """Index every intact record: past a damaged one (a corrupt gzip member, a torn
        record), reading resumes at the next record start, and the damage is counted."""
        gzipped = path.name.lower().endswith(".gz")
        damage = WarcDamage()
        try:
            size = path.stat().st_size
            with path.open("rb") as stream:
                start: int | None = 0
                while start is not None:
                    error, end, last = self._index_records(path, stream, start, damage)
                    if error == "not_warc":
                        return
                    if error is None:
                        if _ends_whole(stream, end, size, last, gzipped):
                            break
                        error = "the file ends inside a record"
                    damage.regions += 1
                    damage.first_error = damage.first_error or error
                    start = _next_record_start(stream, end + 1, gzipped)
                    damage.skipped_bytes += (start if start is not None else size) - end
                    damage.truncated = start is None
        except OSError as exc:
            self._skip(path, f"unreadable ({exc})")
            return
        if not damage.indexed:
            self._skip(path, f"unreadable WARC ({damage.first_error or 'no record'})"
                       if damage.regions else "holds no response records")
            return
        if damage.regions:
            logger.warning(
                "Replay: %s is damaged (%s): %d intact records kept, %d of them after the "
                "damage; %d damaged region(s), %d bytes skipped%s", path, damage.first_error,
                damage.indexed, damage.after_damage, damage.regions, damage.skipped_bytes,
                "; the file is cut short" if damage.truncated else "")
            self.damaged.append((path, damage))
        self.files += 1

    def _index_records(self, path: Path, stream: BinaryIO, start: int, damage: WarcDamage
                       ) -> tuple[str | None, int, int | None]:
        """Index the records from ``start`` on: (the error that stopped it or None, the end of
        the last whole record, the offset of the last record read)."""
        stream.seek(start)
        iterator = ArchiveIterator(stream)
        end, last = start, None
        try:
            for record in iterator:
                if record.format != "warc":
                    if not damage.indexed and not damage.regions:
                        self._skip(path, f"not a WARC file (read as {record.format!r})")
                        return "not_warc", end, last
                    return f"not a WARC record ({record.format})", end, last
                offset = iterator.get_record_offset()  # absolute: warcio starts at tell()
                wanted = record.rec_type in ("response", "resource", "revisit")
                uri = _target_uri(record.rec_headers.get_header("WARC-Target-URI"))
                rec_headers, body_stream = record.rec_headers, record.raw_stream
                iterator.read_to_end(record)
                if getattr(body_stream, "limit", 0):  # bytes promised but never read
                    return f"record for {uri} is cut short", end, last
                end, last = offset + iterator.get_record_length(), offset
                if not wanted or not uri:
                    continue
                pointer = _WarcPointer(path, offset)
                digest = rec_headers.get_header("WARC-Payload-Digest")
                if record.rec_type == "revisit":
                    if not digest:
                        continue
                    pointer = _WarcPointer(path, offset, revisit_of=digest)
                elif digest:
                    self._payloads[digest] = pointer
                self._entries[replay_key(uri)] = pointer
                self.records += 1
                damage.indexed += 1
                damage.after_damage += bool(damage.regions)
        except (ArchiveLoadFailed, ValueError, EOFError, zlib.error) as exc:
            readable = re.sub(r"[^ -~]+", "?", str(exc))[:100]  # the first line may be binary
            return f"{type(exc).__name__}: {readable}", end, last
        return None, end, last

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
        if not len(archive):
            logger.warning("Replay archive %s holds no URLs", paths)
        source = cls(archive)
        source.crawler = crawler
        crawler.signals.connect(source.count_damage, signal=signals.spider_opened)
        return source

    def count_damage(self) -> None:
        """Damaged WARC files read past their damage, counted under replay/ for the report."""
        stats = self.crawler.stats
        if stats is None or self.archive is None:
            return
        for _, damage in self.archive.damaged:
            stats.inc_value("replay/damaged_files")
            stats.inc_value("replay/damaged_regions", damage.regions)
            stats.inc_value("replay/damaged_bytes_skipped", damage.skipped_bytes)
            stats.inc_value("replay/records_after_damage", damage.after_damage)
            stats.inc_value("replay/truncated_files", int(damage.truncated))
        if self.archive.skipped:
            stats.inc_value("replay/unreadable_files", len(self.archive.skipped))

    def close_spider(self) -> None:
        engine = self.crawler.engine
        assert engine is not None
        _schedule_coro(engine.close_spider_async(reason="replay_error"))


def split_paths(value: str | list[str] | tuple[str, ...]) -> list[str]:
    """REPLAY_PATH: one path, several separated by commas, or a list (from a settings dict)."""
    parts = value if isinstance(value, list | tuple) else str(value).split(",")
    return [str(part).strip() for part in parts if str(part).strip()]
