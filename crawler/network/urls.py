"""The network's URL grammar: every published variant of an article URL to one canonical URL.

Forms (site-facts.md): opinion ``/w-{writer}/{HHMMSS}-{slug}``, legacy ``/w-{writer}/{slug}`` and
``/w-{writer}/{YYYY-MM-DD-HH-MM-SS}``, news ``/{N}/{HHMMSS}-{slug}`` and ``/{N}/{slug}``, each
possibly behind ``/index.php`` or ``/amp``, on www or bare or alias hosts, http or https, with
raw or percent-encoded Arabic. The canonical form is ``https://www.{domain}/{path}`` with the
path percent-encoded as UTF-8 and no query or fragment.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Literal
from urllib.parse import quote, unquote, urlsplit

from crawler.network.sites import Site, site_for_host

Kind = Literal["news", "opinion"]


_PREFIXES = ("/index.php", "/amp")


_OPINION = re.compile(r"^/w-(?P<writer>\d+)/(?P<rest>[^/]+)$")


_NEWS = re.compile(r"^/(?P<section>\d+)/(?P<rest>[^/]+)$")


_TIMED_SLUG = re.compile(r"^(?P<time>\d{6})-(?P<slug>.+)$")


_LEGACY_STAMP = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})$")


# Characters kept unescaped in canonical paths: RFC 3986 unreserved plus sub-delims and '/'.
_SAFE_PATH_CHARS = "/-._~!$&'()*+,;=:@"


_SLASHES = re.compile(r"/{2,}")


_ESCAPE_RUN = re.compile(rb"(?:%[0-9A-Fa-f]{2})+")


def _unescaped_run(match: re.Match[bytes]) -> bytes:
    return bytes.fromhex(match[0].replace(b"%", b"").decode("ascii"))


def _unquote_ascii(path: str) -> str:
    """``unquote(path, errors="strict")`` of an ASCII path, each run of escapes decoded at once
    instead of one escape at a time. Like unquote, a "%" not followed by two hex digits stays as
    it is; invalid UTF-8 raises UnicodeDecodeError."""
    return _ESCAPE_RUN.sub(_unescaped_run, path.encode("ascii")).decode("utf-8", "strict")


def encode_path(path: str) -> str:
    """A decoded path percent-encoded as in canonical URLs (UTF-8, RFC 3986 safe characters)."""
    return quote(path, safe=_SAFE_PATH_CHARS)


def _unquote_strict(path: str) -> str:
    """``unquote(path, errors="strict")``; an ASCII path (the usual percent-encoded one) takes
    the one-pass decoder."""
    if "%" not in path or not path.isascii():
        return unquote(path, errors="strict")
    return _unquote_ascii(path)


class NotAnArticleURL(ValueError):
    """A URL that is not a network article URL; ``reason`` is a short stats-friendly code."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{reason}: {url}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class ArticleURL:
    """A parsed, canonicalised article URL."""

    site: Site
    kind: Kind
    path: str
    """Canonical path, decoded (readable Arabic), without /index.php or /amp."""
    writer_id: int | None = None
    section_id: int | None = None
    time_part: str | None = None
    """The six-digit HHMMSS part, when present and a valid clock time."""
    slug: str | None = None
    legacy_datetime: datetime | None = None
    """The full timestamp of legacy opinion URLs (/w-505/2013-01-20-05-49-31), naive."""
    was_amp: bool = False

    @cached_property
    def url(self) -> str:
        """The canonical URL, percent-encoded."""
        return f"https://{self.site.canonical_host}{encode_path(self.path)}"

    @property
    def article_id(self) -> str:
        """Stable id of the article: site key plus a digest of the canonical path."""
        digest = hashlib.sha1(f"{self.site.key}|{self.path}".encode()).hexdigest()[:16]
        return f"{self.site.key}-{digest}"

    @property
    def amp_url(self) -> str:
        return f"https://{self.site.canonical_host}/amp{encode_path(self.path)}"


_MAX_ID_DIGITS = 12
"""Longer writer or section numbers are no network ids (and int() refuses 4300 digits)."""


def _id_number(digits: str, url: str) -> int:
    if len(digits) > _MAX_ID_DIGITS:
        raise NotAnArticleURL(url, "number_too_long")
    return int(digits)


def _is_clock(hhmmss: str) -> bool:
    return int(hhmmss[:2]) < 24 and int(hhmmss[2:4]) < 60 and int(hhmmss[4:]) < 60


def _split_time(rest: str) -> tuple[str | None, str]:
    if (m := _TIMED_SLUG.match(rest)) and _is_clock(m["time"]):
        return m["time"], m["slug"]
    return None, rest


def parse_article_url(url: str) -> ArticleURL:
    """Parse any variant of a network article URL; raise NotAnArticleURL otherwise."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError as exc:
        raise NotAnArticleURL(url, "malformed_url") from exc
    if parts.scheme not in {"http", "https"}:
        raise NotAnArticleURL(url, "not_http")
    site = site_for_host(host)
    if site is None:
        raise NotAnArticleURL(url, "not_network_host")
    try:
        path = unicodedata.normalize("NFC", _unquote_strict(parts.path))
    except UnicodeDecodeError as exc:
        raise NotAnArticleURL(url, "bad_percent_encoding") from exc
    path = _SLASHES.sub("/", path).rstrip("/") or "/"
    was_amp = False
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if path.startswith(prefix + "/"):
                path = path[len(prefix):]
                was_amp = was_amp or prefix == "/amp"
                changed = True
    if m := _OPINION.match(path):
        rest = m["rest"]
        if stamp := _LEGACY_STAMP.match(rest):
            try:
                year, month, day, hour, minute, second = (int(g) for g in stamp.groups())
                legacy = datetime(year, month, day, hour, minute, second)
            except ValueError as exc:
                raise NotAnArticleURL(url, "bad_legacy_timestamp") from exc
            return ArticleURL(site, "opinion", path, writer_id=_id_number(m["writer"], url),
                              legacy_datetime=legacy, was_amp=was_amp)
        time_part, slug = _split_time(rest)
        return ArticleURL(site, "opinion", path, writer_id=_id_number(m["writer"], url),
                          time_part=time_part, slug=slug, was_amp=was_amp)
    if m := _NEWS.match(path):
        time_part, slug = _split_time(m["rest"])
        if slug.isdigit():
            raise NotAnArticleURL(url, "numeric_path_not_article")
        return ArticleURL(site, "news", path, section_id=_id_number(m["section"], url),
                          time_part=time_part, slug=slug, was_amp=was_amp)
    raise NotAnArticleURL(url, "not_article_path")


def canonical_article_url(url: str) -> str | None:
    """The canonical article URL for any variant, or None when ``url`` is not an article."""
    try:
        return parse_article_url(url).url
    except NotAnArticleURL:
        return None


def is_network_url(url: str) -> bool:
    """True when the URL's host belongs to a network site (canonical, bare or alias)."""
    try:
        return site_for_host(urlsplit(url).hostname or "") is not None
    except ValueError:
        return False


def on_canonical_host(url: str) -> str | None:
    """A non-article network URL (feed, sitemap, listing) moved to its site's canonical host.

    Keeps path and query, drops the fragment, forces https; None when the host is not a network
    site. Alias and bare hosts become www, so one page is fetched under one URL.
    """
    try:
        parts = urlsplit(url.strip())
        site = site_for_host(parts.hostname or "")
    except ValueError:
        return None
    if site is None or parts.scheme not in {"http", "https"}:
        return None
    query = f"?{parts.query}" if parts.query else ""
    return f"https://{site.canonical_host}{parts.path or '/'}{query}"
