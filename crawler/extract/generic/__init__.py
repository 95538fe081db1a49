"""Generic main-content extraction, for pages that are not recognised network pages.

``extract_generic(html, url)`` parses the page once, reads the page's own metadata (JSON-LD,
meta tags, <h1>) and takes the body from two extractors by agreement (see
:mod:`crawler.extract.generic.body`). ``generic_date(html, url)`` finds a publication date
for pages whose metadata may lack one. Neither raises on any input.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from lxml.etree import strip_elements
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from crawler.extract.generic.body import extract_body
from crawler.extract.generic.meta import page_date, page_metadata
from crawler.text import normalise_space

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class GenericResult:
    """Fields found on a page by the generic extractor."""

    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    body_source: str | None = None
    """Which candidate the body came from ("rules", "readability:…"); None when empty."""


def parse_html(html: str | bytes) -> HtmlElement | None:
    """Parse a page into an lxml tree; None when it is empty or not HTML."""
    if not html:
        return None
    try:
        tree = load_html(html)
    except Exception:  # lxml raises several types on hostile input
        logger.warning("unparseable HTML", exc_info=True)
        return None
    return tree if isinstance(tree, HtmlElement) else None


def extract_generic(html: str, url: str | None = None) -> GenericResult:
    """Extract title, body paragraphs, authors and date from any HTML page; never raises."""
    try:
        return _extract(html, url)
    except Exception:  # the generic path is the last resort: it must never raise
        logger.warning("generic extraction failed on %s", url, exc_info=True)
        return GenericResult()


def _extract(html: str, url: str | None) -> GenericResult:
    tree = parse_html(html)
    if tree is None:
        return GenericResult()
    meta = page_metadata(tree)
    # never body text, and the bulk of many pages: gone before readability copies the tree
    strip_elements(tree, "script", "style", "svg", "template", with_tail=False)
    body = extract_body(html if isinstance(html, str) else "", tree, url)  # consumes the tree
    text, source = body.text, body.source
    if not text.strip() and meta.article_body:  # nothing in the markup: the declared body
        text, source = meta.article_body, "json-ld"
    paragraphs = [p for p in (normalise_space(line) for line in text.split("\n")) if p]
    title = normalise_space(meta.title) if meta.title else None
    headings = {h for h in (title, meta.h1 and normalise_space(meta.h1)) if h}
    while paragraphs and paragraphs[0] in headings:  # the headline is not body text
        paragraphs.pop(0)
    return GenericResult(
        title=title,
        paragraphs=paragraphs,
        authors=[normalise_space(a) for a in meta.authors],
        published=meta.published,
        body_source=source if paragraphs else None,
    )


def generic_date(html: str, url: str | None = None) -> tuple[str | None, str | None]:
    """The publication date (ISO 8601) and where it was found; (None, None) when unknown."""
    try:
        tree = parse_html(html)
        if tree is None:
            return (None, None)
        return page_date(tree, url)
    except Exception:
        logger.warning("date extraction failed on %s", url, exc_info=True)
        return (None, None)


@dataclass(frozen=True)
class GenericFields:
    """The fields the extraction takes from a generic extractor."""

    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)


def generic_fields(html: str, url: str | None) -> GenericFields:
    """Main content by crawler.extract.generic (never raises)."""
    result = extract_generic(html, url)
    return GenericFields(result.title, list(result.paragraphs), list(result.authors))
