"""Move gold spans from the text of an older version of an article onto its newest text.

An incremental refresh exports a changed article again with ``version`` + 1; annotations made
on the old version keep their value where the annotated words are still there. The two texts
are aligned word by word (difflib); a span is moved where its exact text stands at its aligned
place, or else re-found exactly where the text moved to (the one occurrence in the new text
that no other occurrence of the old text aligns to). A span whose place now holds other text,
or whose text is nowhere else, is flagged with the reason instead of moved. Without the old
text, a span is only re-found: at its old offset or at its only occurrence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from crawler.export.annotation.gold import GoldRecord, GoldSpan, Segment

_WORD = re.compile(r"\S+")


class Alignment:
    """Maps code-point offsets of ``old`` onto ``new`` through the words both share."""

    def __init__(self, old: str, new: str):
        old_words = [(m.start(), m.end()) for m in _WORD.finditer(old)]
        new_words = [(m.start(), m.end()) for m in _WORD.finditer(new)]
        matcher = SequenceMatcher(None, [old[s:e] for s, e in old_words],
                                  [new[s:e] for s, e in new_words], autojunk=False)
        self.pair: dict[int, int] = {}
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                self.pair[block.a + k] = block.b + k
        self.old = old
        self.old_words = old_words
        self.new_words = new_words
        self.old_starts = [s for s, _ in old_words]

    def map(self, offset: int) -> int | None:
        """``offset`` in the new text, or None where the words around it changed."""
        i = bisect_right(self.old_starts, offset) - 1
        if i >= 0 and offset <= self.old_words[i][1]:
            if i in self.pair:  # inside (or at the edge of) a word both texts share
                return self.new_words[self.pair[i]][0] + offset - self.old_words[i][0]
            return None
        # in the white space between word i and word i + 1
        if i + 1 < len(self.old_words) and i + 1 in self.pair:
            return self.new_words[self.pair[i + 1]][0]
        if i >= 0 and i in self.pair:
            return self.new_words[self.pair[i]][1]
        return None


    def map_edge(self, offset: int, outward: int) -> int:
        """``offset`` in the new text, or where the nearest shared word before it (``outward``
        -1) or after it (+1) is; the text's edge when there is none."""
        mapped = self.map(offset)
        if mapped is not None:
            return mapped
        i = bisect_right(self.old_starts, offset) - 1
        i = i if outward < 0 else i + 1
        while 0 <= i < len(self.old_words):
            if i in self.pair:
                word = self.new_words[self.pair[i]]
                return word[1] if outward < 0 else word[0]
            i += outward
        return 0 if outward < 0 else self.new_words[-1][1] if self.new_words else 0


@dataclass(frozen=True, slots=True)
class Moved:
    span: GoldSpan | None
    """The span on the new text; None when it no longer fits."""
    reason: str
    """How it was placed (``same``, ``refound``, ``aligned``) or why it was not."""


def move_span(span: GoldSpan, new: str, alignment: Alignment | None) -> Moved:
    """``span`` placed on ``new`` (see the module's docstring)."""
    size = len(span.text)
    if alignment is None:
        found = [m.start() for m in re.finditer(re.escape(span.text), new)]
        if span.start in found:
            return Moved(GoldSpan(span.start, span.end, span.label, span.text), "same")
        if len(found) == 1:
            return Moved(GoldSpan(found[0], found[0] + size, span.label, span.text), "refound")
        if found:
            return Moved(None, f"text occurs {len(found)} times in the new version and none "
                               f"at its old offset")
        return Moved(None, "text not found in the new version")
    mapped = alignment.map(span.start)
    if mapped is not None and new[mapped:mapped + size] == span.text:
        return Moved(GoldSpan(mapped, mapped + size, span.label, span.text), "aligned")
    # the text moved: an occurrence that no other occurrence of the old text aligns to
    claimed = {alignment.map(m.start()) for m in re.finditer(re.escape(span.text), alignment.old)}
    free = [m.start() for m in re.finditer(re.escape(span.text), new) if m.start() not in claimed]
    if len(free) == 1:
        return Moved(GoldSpan(free[0], free[0] + size, span.label, span.text), "refound")
    place = new[alignment.map_edge(span.start, -1):alignment.map_edge(span.end, +1)].strip()
    if len(free) > 1:
        return Moved(None, f"its place now reads {place!r}; the text occurs {len(free)} times "
                           f"elsewhere")
    if not place:
        return Moved(None, "its words were removed in the new version")
    return Moved(None, f"its place now reads {place!r}")


def _move_segment(segment: Segment, old_length: int, new: str,
                  alignment: Alignment | None) -> Segment | None:
    """The segment's place in the new text, widened to the nearest shared words where its edges
    changed; the whole new text for a segment that was the whole old text."""
    if alignment is not None:
        start = 0 if segment.start == 0 else alignment.map_edge(segment.start, -1)
        end = len(new) if segment.end == old_length else alignment.map_edge(segment.end, +1)
        if start < end:
            return Segment(start, end, new[start:end])
    at = new.find(segment.text)
    if at >= 0:
        return Segment(at, at + len(segment.text), segment.text)
    return None


def rebase(record: GoldRecord, old: str | None, new_version: int, new: str) -> GoldRecord:
    """``record`` moved onto version ``new_version`` (text ``new``); ``old`` is the text the
    record was made on, when known (without it, spans are only re-found)."""
    alignment = Alignment(old, new) if old is not None else None
    segments = []
    for segment in record.segments:
        moved_segment = _move_segment(segment, len(old or ""), new, alignment)
        if moved_segment is not None:
            segments.append(moved_segment)
    flagged: list[dict[str, Any]] = []
    spans: list[GoldSpan] = []
    for span in record.spans:
        moved = move_span(span, new, alignment)
        inside = moved.span is not None and any(
            s.start <= moved.span.start and moved.span.end <= s.end for s in segments)
        if moved.span is not None and inside:
            spans.append(moved.span)
        else:
            reason = moved.reason if moved.span is None else \
                "the part of the text it was annotated in changed"
            flagged.append({"start": span.start, "end": span.end, "label": span.label,
                            "text": span.text, "reason": reason})
    return GoldRecord(record.article_id, new_version, record.annotator, record.tool,
                      record.annotated_at, segments, sorted(set(spans)),
                      [*(record.flagged or []), *flagged], record.version)
