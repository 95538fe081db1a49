"""Listing pages (home, sections, writers' column lists) to article links and pagination.

The listing grammar is our guess, the live one is unknown: ``/`` (home), ``/{N}`` (numeric
section id) and ``/w-{id}`` (a writer's columns), each optionally paged by ``?page=K`` or
``/page/K``, optionally behind ``/index.php``, on any network host. Article URLs (see
``crawler.network.urls``) are never listing URLs.

Only links to the same site as the page are kept (alias hosts such as ``mail.`` count as the
site and are canonicalised to ``www.``); every dropped link is counted by reason in
``ListingLinks.rejected`` for the spider's stats.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import parse_qsl, quote, unquote, urljoin, urlsplit

import lxml.html
from lxml import etree
from w3lib.encoding import html_to_unicode

from crawler.network.sites import Site, site_for_host
from crawler.network.urls import NotAnArticleURL, parse_article_url

ListingKind = Literal["home", "section", "writer"]

_LISTING_PATH = re.compile(r"^(?P<base>/\d+|/w-\d+)?(?:/page/(?P<page>\d+))?$")


_SAFE_PATH_CHARS = "/-._~!$&'()*+,;=:@"

_NEXT_WORDS = frozenset({"التالي", "التالى", "الصفحة التالية", "الصفحة التالیة", "next",
                         "next page", "older", "older posts"})


_NEXT_ARROWS = frozenset("»›")

_DECORATION = re.compile(r"[»›«‹<>\s]+")


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")

_MAX_PAGE_DIGITS = 9
"""A page number longer than this is no page of a real listing (and int() would refuse 4300)."""


@dataclass(frozen=True)
class ListingKey:
    """What a listing URL shows: one site's home, section or writer list, at one page."""

    site: str
    path: str
    """``/``, ``/{N}`` or ``/w-{id}``."""
    page: int = 1

    @property
    def kind(self) -> ListingKind:
        if self.path == "/":
            return "home"
        return "writer" if self.path.startswith("/w-") else "section"


@dataclass(frozen=True)
class ListingLinks:
    article_urls: list[str] = field(default_factory=list)
    """Canonical article URLs, deduplicated, in page order."""
    next_pages: list[str] = field(default_factory=list)
    """Pagination targets (rel=next, "التالي", "»" ...), absolute, on the canonical host."""
    listing_urls: list[str] = field(default_factory=list)
    """Other listing pages of the same site (navigation, page numbers), canonical host."""
    rejected: dict[str, int] = field(default_factory=dict)
    """Links dropped, by reason: off_site, other_site, not_http, empty_href, fragment,
    malformed_url, duplicate, self_link, or crawler.network.urls' reasons (not_article_path ...)."""
    error: str | None = None
    """None, or: base_not_network (``base_url`` is no network host), empty (no document)."""
    truncated: bool = False
    """The page had more links than ``max_links``: the rest were not read."""


def _split_listing(url: str) -> tuple[Site, str, int, str] | None:
    """(site, base path, page, canonical URL) of a listing URL, else None."""
    try:
        parts = urlsplit(url.strip())
        site = site_for_host(parts.hostname or "")
        query = parse_qsl(parts.query, keep_blank_values=True)
    except ValueError:
        return None
    if parts.scheme not in {"http", "https"} or site is None:
        return None
    path = re.sub(r"/{2,}", "/", unquote(parts.path)).rstrip("/")
    while path == "/index.php" or path.startswith("/index.php/"):
        path = path[len("/index.php"):]
    if not (m := _LISTING_PATH.match(path)) or len(m["page"] or "") > _MAX_PAGE_DIGITS:
        return None
    if any(key != "page" for key, _ in query) or len(query) > 1:
        return None
    query_page = query[0][1] if query else None
    if query_page is not None and (m["page"] or not query_page.isdigit()
                                   or len(query_page) > _MAX_PAGE_DIGITS):
        return None
    page = int(m["page"] or query_page or 1)
    if page < 1:
        return None
    base = m["base"] or "/"
    shown = path or "/"
    canonical = f"https://{site.canonical_host}{shown}" + (f"?page={page}" if query else "")
    return site, base, page, canonical


def _is_article(url: str) -> bool:
    try:
        parse_article_url(url)
    except NotAnArticleURL:
        return False
    return True


def listing_key(url: str) -> ListingKey | None:
    """The listing a URL shows (site, base path, page), or None for any other URL."""
    if _is_article(url) or (split := _split_listing(url)) is None:
        return None
    site, base, page, _ = split
    return ListingKey(site.key, base, page)


def is_listing_url(url: str) -> bool:
    """True for the network's listing URLs (home, ``/{N}``, ``/w-{id}``, paged); never articles."""
    return listing_key(url) is not None


def canonical_listing_url(url: str) -> str | None:
    """A listing URL on the site's canonical https www host, its path and page form kept."""
    if _is_article(url) or (split := _split_listing(url)) is None:
        return None
    return split[3]


def _same_site_url(url: str, site: Site) -> str:
    """Any URL of ``site`` moved to its canonical host (path percent-encoded, fragment dropped)."""
    parts = urlsplit(url)
    path = quote(unquote(parts.path) or "/", safe=_SAFE_PATH_CHARS)
    query = f"?{parts.query}" if parts.query else ""
    return f"https://{site.canonical_host}{path}{query}"


def _decode(html: bytes | str, encoding: str | None) -> str:
    if isinstance(html, bytes):
        content_type = f"text/html; charset={encoding}" if encoding else None
        html = html_to_unicode(content_type, html)[1]
    return _XML_DECLARATION.sub("", html)


def _parse_html(html: bytes | str, encoding: str | None) -> etree._Element | None:
    text = _decode(html, encoding)
    if not text.strip():
        return None
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None


def _rel_tokens(element: etree._Element) -> set[str]:
    return set((element.get("rel") or "").lower().split())


def _looks_like_next(anchor: etree._Element) -> bool:
    if "next" in _rel_tokens(anchor):
        return True
    for label in (anchor.text_content(), anchor.get("aria-label"), anchor.get("title")):
        if not label:
            continue
        folded = " ".join(label.split()).casefold()
        if folded in _NEXT_WORDS:
            return True
        stripped = " ".join(_DECORATION.sub(" ", folded).split())
        if stripped in _NEXT_WORDS or (not stripped and _NEXT_ARROWS & set(folded)):
            return True
    return False


@dataclass
class _Collector:
    site: Site
    page_url: str
    articles: list[str] = field(default_factory=list)
    next_pages: list[str] = field(default_factory=list)
    listings: list[str] = field(default_factory=list)
    rejected: Counter[str] = field(default_factory=Counter)
    kept: dict[int, set[str]] = field(default_factory=dict)
    """The URLs of each target list, for constant-time duplicate checks (keyed by id)."""

    @property
    def total(self) -> int:
        return len(self.articles) + len(self.next_pages) + len(self.listings)

    def resolve(self, href: str | None, base: str) -> str | None:
        """The absolute URL of a same-site link, or None (counted in ``rejected``)."""
        href = (href or "").strip()
        if not href:
            self.rejected["empty_href"] += 1
            return None
        if href.startswith("#"):
            self.rejected["fragment"] += 1
            return None
        try:
            url = urljoin(base, href)
            parts = urlsplit(url)
            host = parts.hostname or ""
        except ValueError:
            self.rejected["malformed_url"] += 1
            return None
        if parts.scheme not in {"http", "https"}:
            self.rejected["not_http"] += 1
            return None
        site = site_for_host(host)
        if site is None:
            self.rejected["off_site"] += 1
            return None
        if site != self.site:
            self.rejected["other_site"] += 1
            return None
        return url

    def add(self, target: list[str], url: str) -> None:
        kept = self.kept.setdefault(id(target), set())
        if url == self.page_url:
            self.rejected["self_link"] += 1
        elif url in kept:
            self.rejected["duplicate"] += 1
        else:
            target.append(url)
            kept.add(url)

    def add_link(self, url: str, is_next: bool) -> None:
        try:
            self.add(self.articles, parse_article_url(url).url)
            return
        except NotAnArticleURL as not_article:
            reason = not_article.reason
        if is_next:
            self.add(self.next_pages, canonical_listing_url(url) or _same_site_url(url, self.site))
        elif listing := canonical_listing_url(url):
            self.add(self.listings, listing)
        else:
            self.rejected[reason] += 1


def parse_listing(html: bytes | str, base_url: str, *, encoding: str | None = None,
                  max_links: int | None = None) -> ListingLinks:
    """Article links, pagination and other listing pages of one listing page; never raises.

    Give ``response.text``, or bytes plus the HTTP charset as ``encoding`` (else BOM, then
    ``<meta charset>``, then UTF-8 decide): raw Arabic hrefs need the right encoding. At most
    ``max_links`` links are kept (``truncated`` says the page had more); a link whose parsing
    raises is dropped as ``bad_link``.
    """
    try:
        site = site_for_host(urlsplit(base_url).hostname or "")
    except ValueError:
        site = None
    if site is None:
        return ListingLinks(error="base_not_network")
    root = _parse_html(html, encoding)
    if root is None:
        return ListingLinks(error="empty")
    page_url = canonical_listing_url(base_url) or _same_site_url(base_url, site)
    collector = _Collector(site, page_url)
    base = base_url
    for base_element in root.iter("base"):
        if href := (base_element.get("href") or "").strip():
            with contextlib.suppress(ValueError):
                base = urljoin(base_url, href)
            break
    truncated = False
    for element in itertools.chain(root.iter("link"), root.iter("a")):
        if max_links is not None and collector.total >= max_links:
            truncated = True
            break
        if element.get("href") is None:
            continue
        if element.tag == "link" and "next" not in _rel_tokens(element):
            continue
        try:
            if url := collector.resolve(element.get("href"), base):
                is_next = element.tag == "link" or _looks_like_next(element)
                collector.add_link(url, is_next=is_next)
        except Exception:  # one bad link costs that link, never the page
            collector.rejected["bad_link"] += 1
    next_pages = set(collector.next_pages)
    listings = [url for url in collector.listings if url not in next_pages]
    return ListingLinks(article_urls=collector.articles, next_pages=collector.next_pages,
                        listing_urls=listings, rejected=dict(collector.rejected),
                        truncated=truncated)
