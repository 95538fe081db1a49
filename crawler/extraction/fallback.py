"""The generic main-content extractor behind one function, so swapping it is one line."""

from __future__ import annotations

from dataclasses import dataclass, field

from crawler.extraction.generic import extract_generic


@dataclass(frozen=True)
class GenericFields:
    """The fields the extraction takes from a generic extractor."""

    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)


def generic_fields(html: str, url: str | None) -> GenericFields:
    """Main content by crawler.extraction.generic (never raises)."""
    result = extract_generic(html, url)
    return GenericFields(result.title, list(result.paragraphs), list(result.authors))
