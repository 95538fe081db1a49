"""Training data from gold lines: token-level BIO tags (CoNLL style) or character spans.

Both work per annotated segment (the units annotators saw). BIO tags go one token per line,
``TOKEN<TAB>TAG``, a blank line after each sentence (``sentences.split_sentences``); tokens are
``tokens.tokenize``'s, cut at span boundaries so every span is whole tokens. Character spans are
one JSON line per segment, ``{"id", "text", "spans": [{"start", "end", "label"}], "meta"}``,
offsets in code points of the segment's text. Overlapping spans cannot be BIO-tagged: the
longer (then the earlier) is kept and the other counted as dropped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from crawler.export.annotation.gold import GoldRecord, GoldSpan, Segment
from crawler.export.annotation.sentences import split_sentences
from crawler.export.annotation.tokens import tokenize

FORMATS = ("conll", "spans")

PICKS = ("latest", "all")


@dataclass
class TrainingCounts:
    segments: int = 0
    spans: int = 0
    overlapping: int = 0


def pick(records: Iterable[GoldRecord], how: str) -> Iterator[GoldRecord]:
    """Every record (``all``), or per article version the most recently annotated
    (``latest``); records of one article version must come together, as gold files have them."""
    if how == "all":
        yield from records
        return
    best: GoldRecord | None = None
    for record in records:
        if best is not None and (best.article_id, best.version) != (record.article_id,
                                                                    record.version):
            yield best
            best = None
        if best is None or (record.annotated_at or "") > (best.annotated_at or ""):
            best = record
    if best is not None:
        yield best


def without_overlaps(spans: Iterable[GoldSpan]) -> tuple[list[GoldSpan], int]:
    kept: list[GoldSpan] = []
    dropped = 0
    for span in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
        else:
            dropped += 1
    return sorted(kept), dropped


def _segment_spans(record: GoldRecord, segment: Segment) -> list[GoldSpan]:
    """The record's spans inside ``segment``, offsets relative to it."""
    return [GoldSpan(s.start - segment.start, s.end - segment.start, s.label, s.text)
            for s in record.spans if segment.start <= s.start and s.end <= segment.end]


def bio_sentences(text: str, spans: list[GoldSpan]) -> Iterator[list[tuple[str, str]]]:
    """(token, tag) lists, one per sentence of ``text``; ``spans`` must not overlap."""
    tokens = tokenize(text, [c for s in spans for c in (s.start, s.end)])
    k = 0
    for start, end in split_sentences(text):
        sentence: list[tuple[str, str]] = []
        while k < len(tokens) and tokens[k].start < end:
            token = tokens[k]
            k += 1
            if token.start < start:
                continue
            tag = "O"
            for span in spans:
                if span.start <= token.start < span.end:
                    tag = ("B-" if token.start == span.start else "I-") + span.label
                    break
            sentence.append((text[token.start:token.end], tag))
        if sentence:
            yield sentence


def conll_lines(records: Iterable[GoldRecord], counts: TrainingCounts) -> Iterator[str]:
    for record in records:
        for segment in record.segments:
            spans, dropped = without_overlaps(_segment_spans(record, segment))
            counts.segments += 1
            counts.spans += len(spans)
            counts.overlapping += dropped
            for sentence in bio_sentences(segment.text, spans):
                for token, tag in sentence:
                    yield f"{token}\t{tag}\n"
                yield "\n"


def span_lines(records: Iterable[GoldRecord], counts: TrainingCounts) -> Iterator[str]:
    for record in records:
        for segment in record.segments:
            spans = _segment_spans(record, segment)
            counts.segments += 1
            counts.spans += len(spans)
            line = {"id": f"{record.article_id}@{record.version}:{segment.start}-{segment.end}",
                    "text": segment.text,
                    "spans": [{"start": s.start, "end": s.end, "label": s.label}
                              for s in spans],
                    "meta": {"article_id": record.article_id, "version": record.version,
                             "annotator": record.annotator, "start": segment.start,
                             "end": segment.end}}
            yield json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n"
