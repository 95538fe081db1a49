"""The article's language, by script ratio and function words."""

from __future__ import annotations

import re

from crawler.text import script_counts

_FRENCH_WORDS = frozenset({
    "le", "la", "les", "des", "du", "une", "est", "dans", "pour", "que", "qui", "avec",
    "sur", "au", "aux", "et"
})

_ENGLISH_WORDS = frozenset({
    "the", "of", "and", "to", "in", "is", "for", "that", "on", "with", "was", "as", "by",
    "at", "from"
})


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
