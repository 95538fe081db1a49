"""Offsets as each annotation tool counts them, and back to code points.

Python strings, the crawl's items, Label Studio (its front end splits the text into code points)
and Prodigy count code points. doccano counts UTF-16 code units, as JavaScript strings do, or
grapheme clusters (user-perceived characters) when its project turns grapheme mode on. They
differ only after a character beyond U+FFFF (emoji, flags, mathematical letters) or, for
graphemes, after a combining mark or an emoji sequence.

A ``Scale`` converts one text's code-point offsets to another unit and back; a tool offset that
falls inside a character (half a surrogate pair, the middle of a cluster) has no code point and
raises ``OffsetError``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

import regex

SCALES = ("codepoint", "utf16", "grapheme")

_GRAPHEME = regex.compile(r"\X")


class OffsetError(ValueError):
    pass


class Scale:
    """Code points <-> the units of ``scale`` for one text."""

    def __init__(self, text: str, scale: str = "codepoint"):
        if scale not in SCALES:
            raise ValueError(f"offset scale must be one of {', '.join(SCALES)}, got {scale!r}")
        self.scale = scale
        self.length = len(text)
        # starts[i]: the code-point offset where unit-character i starts (None: the identity)
        self.starts: Sequence[int] | None = _starts(text, scale)

    def to_units(self, offset: int) -> int:
        """The tool's offset of code-point ``offset`` (which must be a boundary in its scale)."""
        if self.starts is None:
            return offset
        index = bisect_left(self.starts, offset)
        if index == len(self.starts) or self.starts[index] != offset:
            raise OffsetError(f"code point {offset} is inside a {self.scale} character")
        return index  # for UTF-16, the first of the pair's two entries: its high surrogate

    def to_codepoints(self, offset: int) -> int:
        """The code-point offset of the tool's ``offset``; OffsetError when none matches."""
        if not 0 <= offset <= self.units():
            raise OffsetError(f"offset {offset} is outside the text ({self.units()} "
                              f"{self.scale} units)")
        if self.starts is None:
            return offset
        if self.scale == "grapheme":
            return self.starts[offset]
        point = self.starts[offset]
        if offset and self.starts[offset - 1] == point:
            raise OffsetError(f"UTF-16 offset {offset} splits a surrogate pair")
        return point

    def units(self) -> int:
        """The text's length in the tool's units."""
        if self.starts is None:
            return self.length
        return len(self.starts) - 1


def _starts(text: str, scale: str) -> list[int] | None:
    """Code-point offset of each unit boundary, ending with len(text); None when the units are
    code points already."""
    if scale == "codepoint" or text.isascii():
        return None
    if scale == "utf16":
        if max(text) <= "\uffff":
            return None
        starts: list[int] = []
        for i, ch in enumerate(text):
            starts.append(i)
            if ch > "\uffff":
                starts.append(i)  # the low surrogate sits inside code point i
        starts.append(len(text))
        return starts
    boundaries = [match.start() for match in _GRAPHEME.finditer(text)]
    if len(boundaries) == len(text):
        return None
    boundaries.append(len(text))
    return boundaries


def to_units(text: str, offsets: Sequence[int], scale: str) -> list[int]:
    """``offsets`` (code points) of ``text`` in the units of ``scale``."""
    converter = Scale(text, scale)
    return [converter.to_units(offset) for offset in offsets]


def to_codepoints(text: str, offsets: Sequence[int], scale: str) -> list[int]:
    """``offsets`` of ``text`` in the units of ``scale``, as code points."""
    converter = Scale(text, scale)
    return [converter.to_codepoints(offset) for offset in offsets]
