"""The generic main-content extractor behind one function, so swapping it is one line."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class GenericFields:
    """The fields the extraction takes from a generic extractor."""

    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)


def generic_fields(html: str, url: str | None) -> GenericFields:
    """Main content by crawler.extraction.generic, or trafilatura when that is missing."""
    try:
        from crawler.extraction.generic import extract_generic
    except ImportError:
        return _trafilatura_fields(html, url)
    result = extract_generic(html, url)
    return GenericFields(result.title, list(result.paragraphs), list(result.authors))


def _trafilatura_fields(html: str, url: str | None) -> GenericFields:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, favor_precision=True,
                                          with_metadata=True)
    except Exception:  # a third-party parser: its failure must not end extraction
        logger.warning("trafilatura failed on %s", url, exc_info=True)
        return GenericFields()
    if doc is None:
        return GenericFields()
    text = getattr(doc, "text", None) or ""
    author = getattr(doc, "author", None) or ""
    return GenericFields(getattr(doc, "title", None) or None,
                         [line for line in text.split("\n") if line.strip()],
                         [a.strip() for a in author.split(";") if a.strip()])
