"""The exported article item: its fields and schema version.

Items travel through the pipelines as plain dicts (Scrapy's ItemAdapter handles them), so the
extraction functions stay usable without Scrapy. ``ARTICLE_FIELDS`` is the contract: every
exported line holds exactly these keys.
"""

from __future__ import annotations

import unicodedata
from typing import Any
from urllib.parse import urlsplit

from crawler.text import clean_line, normalise_space

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
    cleaned = [p for p in (normalise_space(clean_line(p)) for p in paragraphs) if p]
    spans: list[dict[str, int]] = []
    position = 0
    for paragraph in cleaned:
        spans.append({"start": position, "end": position + len(paragraph)})
        position += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    text = PARAGRAPH_SEPARATOR.join(cleaned)
    return unicodedata.normalize("NFC", text), spans


def is_http_url(value: Any) -> bool:
    """An absolute http(s) URL with a host and no space or control character."""
    if not isinstance(value, str) or clean_line(value) != value or any(
            char.isspace() for char in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def clean_item(item: dict[str, Any]) -> dict[str, Any]:
    """The item as it may be written: no control character, lone surrogate or non-character in
    any string (``text`` is clean by ``join_paragraphs``), only http(s) image URLs."""
    for key, value in item.items():
        if key not in ("text", "paragraphs"):
            item[key] = _cleaned(value)
    images = item.get("images")
    if isinstance(images, list):
        item["images"] = [image for image in images if not isinstance(image, dict)
                          or image.get("url") is None or is_http_url(image.get("url"))]
    return item


def _cleaned(value: Any) -> Any:
    if isinstance(value, str):
        cleaned = clean_line(value)
        return value if cleaned is value else cleaned.strip()
    if isinstance(value, list):  # an entry that was nothing but controls goes
        return [cleaned for entry in value
                if (cleaned := _cleaned(entry)) != "" or entry == ""]
    if isinstance(value, dict):
        return {_cleaned(key): _cleaned(entry) for key, entry in value.items()}
    return value
