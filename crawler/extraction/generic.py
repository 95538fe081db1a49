"""Generic main-content extraction for pages that are not recognised network pages.

First version: trafilatura (favor_precision) with metadata. The public API is stable:
``extract_generic(html, url) -> GenericResult`` never raises.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field

import trafilatura

logger = logging.getLogger(__name__)

_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class GenericResult:
    """Fields found on a page by the generic extractor."""

    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published: str | None = None


def normalise_text(text: str) -> str:
    """NFC and collapse whitespace runs to one space."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def extract_generic(html: str, url: str | None = None) -> GenericResult:
    """Extract title, body paragraphs, authors and date from any HTML page; never raises."""
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, favor_precision=True, include_comments=False, with_metadata=True
        )
    except Exception:  # the generic path must never raise
        logger.warning("generic extraction failed for %s", url, exc_info=True)
        return GenericResult()
    if doc is None:
        return GenericResult()
    text = getattr(doc, "text", None) or ""
    paragraphs = [p for p in (normalise_text(line) for line in text.split("\n")) if p]
    raw_title = getattr(doc, "title", None)
    title = normalise_text(raw_title) if isinstance(raw_title, str) else None
    author = getattr(doc, "author", None) or ""
    authors = [normalise_text(a) for a in author.split(";") if a.strip()]
    return GenericResult(
        title=title or None,
        paragraphs=paragraphs,
        authors=authors,
        published=getattr(doc, "date", None) or None,
    )


def generic_date(html: str, url: str | None = None) -> tuple[str | None, str | None]:
    """The publication date (ISO 8601) and where it was found; (None, None) when unknown."""
    result = extract_generic(html, url)
    return (result.published, "trafilatura") if result.published else (None, None)
