"""Sitemaps (urlset, sitemap index, Google News, gzip) and robots.txt ``Sitemap:`` lines.

Same leniency and safety as ``feeds``: a cut sitemap gives every complete entry plus the cut one
when its ``<loc>`` is whole; gzip is detected by magic bytes (whatever the URL or content type
says) and decompressed under ``MAX_DECOMPRESSED_BYTES``. Image and video extensions are ignored.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from lxml import etree

from crawler.crawl.discovery.feeds import (
    Accept,
    BodyRefused,
    absolute_http_url,
    clean_title,
    element_text,
    load_xml,
    local_name,
    split_partial,
)
from crawler.extract.dates import parse_machine_date_utc

SitemapKind = Literal["urlset", "sitemapindex"]

_ENTRY_TAG: dict[str, str] = {"urlset": "url", "sitemapindex": "sitemap"}


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    """Absolute URL as written (joined to the sitemap URL if relative), not canonicalised."""
    lastmod: datetime | None = None
    news_published: datetime | None = None
    """``news:publication_date`` of Google News sitemaps, aware UTC."""
    news_title: str | None = None


@dataclass(frozen=True)
class SitemapResult:
    kind: SitemapKind | None = None
    entries: list[SitemapEntry] = field(default_factory=list)
    error: str | None = None
    """None, or: not_xml, not_a_sitemap, empty, empty_body, entity_declaration,
    gzip_too_large, bad_gzip."""
    truncated: bool = False
    rejected: dict[str, int] = field(default_factory=dict)
    """Entries dropped, by reason: no_loc, partial_no_loc."""


def _child(parent: etree._Element, name: str, accept: Accept) -> etree._Element | None:
    for child in parent:
        if local_name(child) == name and accept(child):
            return child
    return None


def _child_text(parent: etree._Element | None, name: str, accept: Accept) -> str | None:
    if parent is None:
        return None
    return element_text(_child(parent, name, accept)) or None


def _make_entry(element: etree._Element, accept: Accept, base_url: str) -> SitemapEntry | None:
    raw_loc = _child_text(element, "loc", accept)
    loc = absolute_http_url(raw_loc, base_url) if raw_loc else None
    if loc is None:
        return None
    news = _child(element, "news", lambda _el: True)
    news_title = _child_text(news, "title", accept)
    return SitemapEntry(
        loc=loc,
        lastmod=parse_machine_date_utc(_child_text(element, "lastmod", accept)),
        news_published=parse_machine_date_utc(_child_text(news, "publication_date", accept)),
        news_title=clean_title(news_title) if news_title else None,
    )


def parse_sitemap(body: bytes, base_url: str, *, encoding: str | None = None) -> SitemapResult:
    """Entries of a sitemap or sitemap index (plain or gzip); never raises on bad input.

    ``encoding`` (the HTTP charset) is used only when the body names none itself.
    """
    try:
        doc = load_xml(body, _ENTRY_TAG, _ENTRY_TAG.values(), wrong_root="not_a_sitemap",
                       fallback_encoding=encoding)
    except BodyRefused as refused:
        return SitemapResult(error=refused.reason)
    kind: SitemapKind = "urlset" if local_name(doc.root) == "urlset" else "sitemapindex"
    wanted = _ENTRY_TAG[kind]
    elements = [el for el in doc.root.iter() if local_name(el) == wanted]
    complete, partial = split_partial(elements, doc)
    entries: list[SitemapEntry] = []
    rejected: Counter[str] = Counter()
    for element in complete:
        if entry := _make_entry(element, lambda _el: True, base_url):
            entries.append(entry)
        else:
            rejected["no_loc"] += 1
    if partial is not None:
        element, accept = partial
        if entry := _make_entry(element, accept, base_url):
            entries.append(entry)
        else:
            rejected["partial_no_loc"] += 1
    return SitemapResult(kind=kind, entries=entries, error=None if entries else "empty",
                         truncated=doc.truncated, rejected=dict(rejected))


def sitemap_urls_from_robots(text: str, base_url: str) -> list[str]:
    """Absolute URLs of the ``Sitemap:`` lines of a robots.txt (any case), deduplicated, in order.

    Relative URLs are joined to ``base_url``; comments and non-http values are skipped.
    """
    urls: list[str] = []
    for line in text.lstrip("\ufeff").splitlines():
        key, sep, value = line.partition(":")
        if not sep or key.strip().lower() != "sitemap":
            continue
        value = value.split("#", 1)[0].strip()
        if value and (url := absolute_http_url(value, base_url)):
            urls.append(url)
    return list(dict.fromkeys(urls))
