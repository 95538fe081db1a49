"""Text helpers every stage shares: whitespace, the one matching fold, comparison keys, the one
text digest, and the character checks run on every page.

Exported text stays as published (NFC, whitespace runs collapsed); ``fold`` and the keys built on
it are for matching only and never reach an item.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
"""Eastern Arabic and Persian digits to ASCII, as a str.translate table."""
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
"""Harakat, Quranic annotation marks, superscript alef and tatweel: dropped by the fold."""
LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و",
                         "ئ": "ي", "ی": "ي", "ک": "ك", "\u00a0": " "})
"""Letter variants the sites mix ("أخر"/"آخر", ى/ي, ة/ه, Persian ی/ک), and the no-break
space."""
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
"""Characters lxml refuses in a document, and that no page means: removed before parsing."""
_WORD = re.compile(r"\w+")
_ARABIC_LETTERS = re.compile(
    r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+")
_LATIN_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f]+")


def _fold_table() -> tuple[int | None, ...]:
    """DIGITS, DIACRITICS and LETTERS as one str.translate table indexed by code point (they
    touch disjoint characters, all below U+0700). A tuple, not a dict: str.translate then keeps
    an unmapped character on an IndexError past the end instead of a KeyError per character."""
    table: list[int | None] = list(range(0x700))
    for point, digit in DIGITS.items():
        table[point] = digit
    for point in range(0x700):
        if DIACRITICS.match(chr(point)):
            table[point] = None
    for point, folded in LETTERS.items():
        table[point] = ord(folded) if isinstance(folded, str) else folded
    return tuple(table)


_FOLD_TABLE = _fold_table()


def fold(text: str) -> str:
    """Text folded for matching only: digits to ASCII, no diacritics or tatweel, one alef, ya
    and ha, the no-break space a space."""
    return text.translate(_FOLD_TABLE)


_UNSHOWN = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
"""C0 and C1 controls, DEL, lone surrogates and the two non-characters: never in a field."""
_SPACING_CONTROLS = dict.fromkeys(map(ord, "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85"), " ")
_REMOVED = dict.fromkeys(range(0x20), None) | dict.fromkeys(range(0x7f, 0xa0), None) \
    | dict.fromkeys(range(0xd800, 0xe000), None) | {0xfffe: None, 0xffff: None} \
    | _SPACING_CONTROLS


def clean_line(text: str) -> str:
    """``text`` without _UNSHOWN characters: the ones that space words apart (tab, line breaks,
    the separators U+001C..U+001F, NEL) become a space, the others are removed."""
    if _UNSHOWN.search(text) is None:
        return text
    return text.translate(_REMOVED)


def has_unshown(text: str) -> bool:
    """Whether the text holds a control character, a lone surrogate or U+FFFE/U+FFFF."""
    return _UNSHOWN.search(text) is not None


def normalise_space(text: str) -> str:
    """NFC, every whitespace run to one space, stripped; nothing else is changed."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def word_key(text: str) -> str:
    """The ``\\w`` runs of the text joined by single spaces, lower-cased (punctuation dropped)."""
    return " ".join(_WORD.findall(text)).lower()


def word_key_within(text: str, limit: int) -> str | None:
    """``word_key(text)`` when it has at most ``limit`` characters, else None."""
    key = word_key(text)
    return key if len(key) <= limit else None


def word_count(text: str) -> int:
    """Whitespace-separated words."""
    return len(text.split())


def has_control(text: str) -> bool:
    """Whether the text holds a CONTROL character."""
    return CONTROL.search(text) is not None


def script_counts(text: str) -> tuple[int, int]:
    """The Arabic letters (Arabic blocks and presentation forms) and the Latin letters (ASCII
    and Latin-1 Supplement to Latin Extended-B) of the text."""
    return (sum(map(len, _ARABIC_LETTERS.findall(text))),
            sum(map(len, _LATIN_LETTERS.findall(text))))


def text_digest(text: str) -> str:
    """A short, stable digest of a text (32 hex digits of SHA-256): the one text hash."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
