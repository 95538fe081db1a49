"""The exported text: paragraphs joined as published, their offsets, and the language."""

from __future__ import annotations

import re
import unicodedata

from crawler.extraction.blocks import normalise_space

PARAGRAPH_SEPARATOR = "\n\n"
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
"""Runs of letters: counting the characters of each run is counting the letters, with one
match per word instead of one per letter."""
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
    latin = sum(map(len, _LATIN.findall(text)))
    # Arabic letters are counted only as far as the verdict needs: once there are at least
    # max(latin, 20 - latin) of them the text is Arabic, whatever the rest holds.
    enough = max(latin, 20 - latin)
    arabic = 0
    for run in _ARABIC.finditer(text):
        arabic += run.end() - run.start()
        if arabic >= enough:
            break
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
