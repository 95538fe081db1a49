"""Tokens for Prodigy and for token-level training data and agreement.

A token is a word (a run of grapheme clusters that start with a letter or digit, so harakat,
shadda and tatweel stay inside their word: "جدًا", "محمّد") or one other visible grapheme
cluster (a punctuation mark; an emoji with its skin tone, a flag, a ZWJ sequence). Tokens are
also cut at the given offsets (span boundaries), so every span starts and ends on a token
boundary. Offsets are code points.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

import regex

_TOKEN = regex.compile(r"(?:(?=\w)\X)+|(?!\s)\X")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    ws: bool
    """True when white space follows the token."""


def tokenize(text: str, cuts: Iterable[int] = ()) -> list[Token]:
    """The tokens of ``text``, also split at every offset in ``cuts``."""
    bounds = sorted(set(cuts))
    size = len(text)
    out: list[Token] = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        k = bisect_right(bounds, start)
        while k < len(bounds) and bounds[k] < end:
            out.append(Token(start, bounds[k], False))
            start = bounds[k]
            k += 1
        out.append(Token(start, end, end < size and text[end].isspace()))
    return out
