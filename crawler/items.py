"""The exported article item: its fields and schema version.

Items travel through the pipelines as plain dicts (Scrapy's ItemAdapter handles them), so the
extraction functions stay usable without Scrapy. ``ARTICLE_FIELDS`` is the contract: every
exported line holds exactly these keys.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from crawler.text import normalise_space

SCHEMA_VERSION = "1.2"
"""Version of the item contract; crawler/schema/item-<version>.schema.json describes it."""

ARTICLE_FIELDS: tuple[str, ...] = (
    "id",
    "url",
    "canonical_url",
    "site",
    "site_name",
    "kind",
    "title",
    "authors",
    "published_at",
    "published_precision",
    "published_raw",
    "modified_at",
    "date_source",
    "dateline",
    "text",
    "paragraphs",
    "section",
    "tags",
    "images",
    "language",
    "label_mismatch",
    "feed",
    "extraction",
    "fetched_at",
    "version",
    "cluster_id",
    "duplicate_of",
    "schema_version",
)


def empty_article() -> dict[str, Any]:
    """An item with every field present and empty."""
    item: dict[str, Any] = dict.fromkeys(ARTICLE_FIELDS)
    item.update(authors=[], paragraphs=[], tags=[], images=[], feed={}, extraction={},
                schema_version=SCHEMA_VERSION, label_mismatch=False, version=1)
    return item


PARAGRAPH_SEPARATOR = "\n\n"


def join_paragraphs(paragraphs: list[str]) -> tuple[str, list[dict[str, int]]]:
    """``text`` and its paragraph offsets (code points; text[start:end] is the paragraph)."""
    cleaned = [p for p in (normalise_space(p) for p in paragraphs) if p]
    spans: list[dict[str, int]] = []
    position = 0
    for paragraph in cleaned:
        spans.append({"start": position, "end": position + len(paragraph)})
        position += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    text = PARAGRAPH_SEPARATOR.join(cleaned)
    return unicodedata.normalize("NFC", text), spans
