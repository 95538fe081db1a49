"""Annotation units of an article: the whole article, each paragraph, or each sentence.

A unit keeps its code-point offsets into the article text (``start``, ``end``), so annotations
made on a unit map back to the article; sentences never cross paragraphs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from crawler.export.annotation.preannotate import Span
from crawler.export.annotation.sentences import split_sentences

UNITS = ("article", "paragraph", "sentence")

META_FIELDS = ("url", "site", "site_name", "title", "published_at", "kind", "version",
               "cluster_id", "duplicate_of")


@dataclass(frozen=True)
class Unit:
    unit_id: str
    """``<id>`` for an article, ``<id>#p<n>`` for a paragraph, ``<id>#p<n>s<m>`` for a sentence
    (counted from 0)."""
    kind: str
    start: int
    end: int
    text: str
    spans: tuple[Span, ...]
    """Pre-annotations inside the unit, offsets relative to ``text`` (code points)."""

    def meta(self, item: dict[str, Any]) -> dict[str, Any]:
        """The metadata every format carries: ids, where the unit sits, and the item's own."""
        meta: dict[str, Any] = {"id": self.unit_id, "article_id": item.get("id"),
                                "unit": self.kind, "start": self.start, "end": self.end}
        meta.update((name, item.get(name)) for name in META_FIELDS)
        return meta


def _paragraph_spans(item: dict[str, Any]) -> list[tuple[int, int]]:
    text = item["text"]
    spans = [(p["start"], p["end"]) for p in item.get("paragraphs") or []]
    return spans or [(0, len(text))]


def iter_units(item: dict[str, Any], unit: str = "article",
               spans: list[Span] | tuple[Span, ...] = ()) -> Iterator[Unit]:
    """The units of ``item``; ``spans`` (article offsets) are kept where they fit a unit whole."""
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}, got {unit!r}")
    text: str = item["text"]
    article_id = str(item["id"])
    if unit == "article":
        yield Unit(article_id, unit, 0, len(text), text, tuple(spans))
        return
    for n, (p_start, p_end) in enumerate(_paragraph_spans(item)):
        if unit == "paragraph":
            pieces = [(f"{article_id}#p{n}", p_start, p_end)]
        else:
            pieces = [(f"{article_id}#p{n}s{m}", s, e)
                      for m, (s, e) in enumerate(split_sentences(text, p_start, p_end))]
        for unit_id, start, end in pieces:
            inside = tuple(Span(s.start - start, s.end - start, s.label, s.source)
                           for s in spans if start <= s.start and s.end <= end)
            yield Unit(unit_id, unit, start, end, text[start:end], inside)
