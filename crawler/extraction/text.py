"""The exported text: paragraphs joined as published, their offsets, and the language."""

from __future__ import annotations

import re
import unicodedata

from crawler.extraction.blocks import normalise_space
from crawler.extraction.kernels import script_counts

PARAGRAPH_SEPARATOR = "\n\n"
_FRENCH_WORDS = frozenset({
    "le", "la", "les", "des", "du", "une", "est", "dans", "pour", "que", "qui", "avec",
    "sur", "au", "aux", "et"
})
_ENGLISH_WORDS = frozenset({
    "the", "of", "and", "to", "in", "is", "for", "that", "on", "with", "was", "as", "by",
    "at", "from"
})


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


def detect_language(text: str) -> str | None:
    """ISO 639-1 code by script ratio (Arabic vs Latin), then function words for en/fr."""
    arabic, latin = script_counts(text)
    if arabic + latin < 20:
        return None
    if arabic >= latin:
        return "ar"
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    french = sum(w in _FRENCH_WORDS for w in words)
    english = sum(w in _ENGLISH_WORDS for w in words)
    if french == english == 0:
        return None
    return "fr" if french > english else "en"
