"""The text kernels run on every block: ``normalise_space`` (each block's text, by the walk),
``fold``, ``word_key`` and ``word_count`` (by the network rules), and on every page and article:
``has_control`` (before parsing) and ``script_counts`` (by the language check).

Native (crawler/extraction/_text.pyx) when the extension is built, else the Python forms here
(``normalise_space_python``, ``fold_python``, ...), which are the reference; tests compare the
two. ``NATIVE_TEXT`` says which run. Callers memoise: these are plain functions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from types import ModuleType

from crawler.native import native_module

DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
"""Eastern Arabic and Persian digits to ASCII, as a str.translate table."""
DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
"""Harakat, superscript alef and tatweel: dropped by the fold."""
LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و",
                         "ئ": "ي", "ی": "ي", "ک": "ك", "\u00a0": " "})
"""Letter variants the sites mix ("أخر"/"آخر", ى/ي, ة/ه, Persian ی/ک), and the no-break
space, as a str.translate table."""
_WORD = re.compile(r"\w+")
ARABIC_LETTERS = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+")
LATIN_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f]+")
"""Runs of letters: counting the characters of each run is counting the letters, with one
match per word instead of one per letter."""
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
"""Characters lxml refuses in a document, and that no page means: removed before parsing."""


def _fold_table() -> tuple[int | None, ...]:
    """DIGITS, then deleting DIACRITICS, then LETTERS, as one str.translate table indexed by
    code point (the three touch disjoint characters, all below U+0700). A tuple, not a dict:
    str.translate looks every character up, and a dict raises KeyError for each unmapped one
    (most of an Arabic text), a cost several times the lookup's; past the tuple's end the
    IndexError keeps the character, as the dict would."""
    table: list[int | None] = list(range(0x700))
    for point, digit in DIGITS.items():
        table[point] = digit
    for point in range(0x700):
        if DIACRITICS.match(chr(point)):
            table[point] = None
    for point, folded in LETTERS.items():
        table[point] = ord(folded) if isinstance(folded, str) else folded
    return tuple(table)


FOLD_TABLE = _fold_table()
_FOLD_COMMON = tuple((chr(point), chr(FOLD_TABLE[point] or 0)) for point in map(ord, "ةأإىئؤآ"))
"""The folds that most Arabic texts need, as str.replace pairs (each target is a fixed point of
the table, so replacing first and translating after gives the table's result)."""
_FOLD_RARE = re.compile("([" + "".join(
    re.escape(chr(point)) for point, folded in enumerate(FOLD_TABLE)
    if folded != point and chr(point) not in dict(_FOLD_COMMON)) + "])")
_FOLD_RARE_MAP = {chr(point): chr(folded) if folded is not None else ""
                  for point, folded in enumerate(FOLD_TABLE) if folded != point}.__getitem__
_FOLD_REPLACE_MIN = 24
"""From this length on, the replace-and-split path beats str.translate (which looks every
character up in the table; body paragraphs are folded once each, ~60 ns per character)."""


def fold_python(text: str) -> str:
    """Text folded for matching only: digits to ASCII, no diacritics or tatweel, bare alef.
    (``DIACRITICS.sub("", text.translate(DIGITS)).translate(LETTERS)`` in one pass.)"""
    if len(text) < _FOLD_REPLACE_MIN:
        return text.translate(FOLD_TABLE)
    # The same result, faster on long text: the common folds with str.replace, then only the
    # rare characters (digits, diacritics, tatweel, ...) that are left, found by one regex.
    for char, folded in _FOLD_COMMON:
        text = text.replace(char, folded)
    parts = _FOLD_RARE.split(text)
    if len(parts) == 1:
        return text
    parts[1::2] = map(_FOLD_RARE_MAP, parts[1::2])
    return "".join(parts)


def word_key_python(text: str) -> str:
    """The ``\\w`` runs of the text joined by single spaces, lower-cased."""
    # = _NON_WORD.sub(" ", text).strip().lower(): no \w character is whitespace
    return " ".join(_WORD.findall(text)).lower()


def word_key_within_python(text: str, limit: int) -> str | None:
    """``word_key_python(text)`` when it has at most ``limit`` characters, else None."""
    key = word_key_python(text)
    return key if len(key) <= limit else None


def word_count_python(text: str) -> int:
    """Whitespace-separated words, as ``str.split()`` counts them."""
    return len(text.split())


def normalise_space_python(text: str) -> str:
    """NFC, every whitespace run to one space, stripped; nothing else is changed."""
    if not text.isascii():  # ASCII is NFC already
        text = unicodedata.normalize("NFC", text)
    # A stripped text with no double space and only printable characters is its own result:
    # every whitespace character but the space is unprintable.
    stripped = text.strip()
    if "  " not in stripped and stripped.isprintable():
        return stripped
    return " ".join(text.split())  # str.split() splits on exactly what \s+ matches


def has_control_python(text: str) -> bool:
    """Whether the text holds a CONTROL character."""
    return CONTROL.search(text) is not None


def script_counts_python(text: str) -> tuple[int, int]:
    """The Arabic letters (Arabic blocks and presentation forms) and the Latin letters (ASCII
    and Latin-1 Supplement to Latin Extended-B) of the text."""
    return (sum(map(len, ARABIC_LETTERS.findall(text))),
            sum(map(len, LATIN_LETTERS.findall(text))))


def _take_fold_table(module: ModuleType) -> bool:
    module.init_fold(FOLD_TABLE)
    return True


_NATIVE = native_module("crawler.extraction._text", _take_fold_table)
NATIVE_TEXT = _NATIVE is not None
"""True when the kernels below are the compiled ones."""
normalise_space: Callable[[str], str] = \
    _NATIVE.normalise_space if _NATIVE else normalise_space_python
fold: Callable[[str], str] = _NATIVE.fold if _NATIVE else fold_python
word_key: Callable[[str], str] = _NATIVE.word_key if _NATIVE else word_key_python
word_key_within: Callable[[str, int], str | None] = \
    _NATIVE.word_key if _NATIVE else word_key_within_python
"""The native form gives up as soon as the key would be longer than the limit."""
word_count: Callable[[str], int] = _NATIVE.word_count if _NATIVE else word_count_python
has_control: Callable[[str], bool] = _NATIVE.has_control if _NATIVE else has_control_python
script_counts: Callable[[str], tuple[int, int]] = \
    _NATIVE.script_counts if _NATIVE else script_counts_python
