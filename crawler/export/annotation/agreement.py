"""Agreement between annotators on the same articles, per label.

For every article version with two or more annotators, every pair of them is compared on the
part of the text both annotated (the intersection of their segments):

- span F1, exact: a span counts when the other annotator has the same start, end and label;
  F1 = 2 * matches / (spans of one + spans of the other);
- span F1, overlapping: a span counts when the other annotator has one of the same label that
  overlaps it; F1 = (counted of one + counted of the other) / (spans of one + spans of the other);
- Cohen's kappa over tokens (``tokens.tokenize``): each token gets the label of the span that
  covers its first character, or ``O``; per label the two annotators' yes/no decisions, and
  over all labels the full tag. Counts are pooled over all pairs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from crawler.export.annotation.gold import GoldRecord, GoldSpan
from crawler.export.annotation.tokens import tokenize

ALL = "(all)"


@dataclass
class LabelCounts:
    spans_a: int = 0
    spans_b: int = 0
    exact: int = 0
    overlap_a: int = 0
    overlap_b: int = 0

    def exact_f1(self) -> float | None:
        total = self.spans_a + self.spans_b
        return 2 * self.exact / total if total else None

    def overlap_f1(self) -> float | None:
        total = self.spans_a + self.spans_b
        return (self.overlap_a + self.overlap_b) / total if total else None


@dataclass
class Agreement:
    articles: int = 0
    """Article versions with two or more annotators."""
    single: int = 0
    """Article versions with one annotator (not compared)."""
    pairs: int = 0
    tokens: int = 0
    labels: dict[str, LabelCounts] = field(default_factory=dict)
    tags: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(tag of one, tag of the other) per token, over all labels."""

    def overall_kappa(self) -> float | None:
        return cohen_kappa(self.tags)

    def kappa(self, label: str) -> float | None:
        """Kappa of the two annotators' yes/no decisions for ``label`` on every token."""
        decisions: Counter[tuple[bool, bool]] = Counter()
        for (a, b), n in self.tags.items():
            decisions[(a == label, b == label)] += n
        return cohen_kappa(decisions)


def cohen_kappa(pairs: Mapping[tuple[Any, Any], int]) -> float | None:
    """Cohen's kappa from counts of (one's decision, the other's decision); None when there is
    nothing to compare, 1.0 when both always chose the same single category."""
    total = sum(pairs.values())
    if not total:
        return None
    observed = sum(n for (a, b), n in pairs.items() if a == b) / total
    first: Counter[Any] = Counter()
    second: Counter[Any] = Counter()
    for (a, b), n in pairs.items():
        first[a] += n
        second[b] += n
    expected = sum(first[c] * second[c] for c in first) / (total * total)
    if expected == 1:
        return 1.0
    return (observed - expected) / (1 - expected)


def _common(a: GoldRecord, b: GoldRecord) -> list[tuple[int, int]]:
    """The ranges both records annotated."""
    out = []
    for x in a.segments:
        for y in b.segments:
            start, end = max(x.start, y.start), min(x.end, y.end)
            if start < end:
                out.append((start, end))
    return sorted(set(out))


def _inside(spans: Iterable[GoldSpan], ranges: list[tuple[int, int]]) -> list[GoldSpan]:
    return [s for s in spans if any(r0 <= s.start and s.end <= r1 for r0, r1 in ranges)]


def _tag_at(spans: list[GoldSpan], position: int) -> str:
    for span in spans:
        if span.start <= position < span.end:
            return span.label
    return "O"


def compare(a: GoldRecord, b: GoldRecord, result: Agreement) -> None:
    """Adds the agreement of one pair of annotators on one article version to ``result``."""
    ranges = _common(a, b)
    spans_a, spans_b = _inside(a.spans, ranges), _inside(b.spans, ranges)
    for label in {s.label for s in (*spans_a, *spans_b)}:
        counts = result.labels.setdefault(label, LabelCounts())
        mine = [s for s in spans_a if s.label == label]
        theirs = [s for s in spans_b if s.label == label]
        counts.spans_a += len(mine)
        counts.spans_b += len(theirs)
        counts.exact += len(set(mine) & set(theirs))
        counts.overlap_a += sum(any(s.start < t.end and t.start < s.end for t in theirs)
                                for s in mine)
        counts.overlap_b += sum(any(s.start < t.end and t.start < s.end for t in mine)
                                for s in theirs)
    text_of = {(seg.start, seg.end): seg.text for seg in a.segments}
    for start, end in ranges:
        segment = next(s for s in a.segments if s.start <= start and end <= s.end)
        text = text_of[(segment.start, segment.end)][start - segment.start:end - segment.start]
        for token in tokenize(text):
            position = start + token.start
            tag_a, tag_b = _tag_at(spans_a, position), _tag_at(spans_b, position)
            result.tags[(tag_a, tag_b)] += 1
            result.tokens += 1
    result.pairs += 1


def agreement(records: Iterable[GoldRecord]) -> Agreement:
    """Agreement over every article version that two or more annotators annotated."""
    by_article: dict[tuple[str, int], list[GoldRecord]] = defaultdict(list)
    for record in records:
        by_article[(record.article_id, record.version)].append(record)
    result = Agreement()
    for group in by_article.values():
        if len(group) < 2:
            result.single += 1
            continue
        result.articles += 1
        for a, b in combinations(sorted(group, key=lambda r: r.annotator), 2):
            compare(a, b, result)
    return result
