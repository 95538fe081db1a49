"""Pre-annotations: spans the pipeline already knows or finds by rule, so annotators correct
instead of starting from nothing.

Labels: ``LOC`` (the dateline location where the text names it), ``AUTHOR`` (the item's authors
where the text names them), ``QUOTE`` (quoted speech inside «...», "..." or “...”, without the
marks) and ``SPEAKER`` (who said a quote, where a reporting verb such as قال، أكد، أشار، أضاف
names one: "وقال وزير الاقتصاد: «...»", "«...»، قال الوزير"). Offsets are code points into the
article text; spans never overlap (a quote wins over the names inside it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from crawler.export.annotation.sentences import (
    protected_ranges,
    split_sentences,
)

LABELS = ("QUOTE", "SPEAKER", "AUTHOR", "LOC")
"""In order of precedence when spans would overlap."""

MAX_QUOTE_CHARS = 1500


MAX_SPEAKER_WORDS = 6

SPEAKER_AFTER_QUOTE_CHARS = 12


_VERBS = ("قال", "قالت", "أكد", "أكدت", "أشار", "أشارت", "أضاف", "أضافت", "أوضح", "أوضحت",
          "صرح", "صرحت", "ذكر", "ذكرت", "أعلن", "أعلنت", "تابع", "تابعت", "شدد", "شددت")

REPORTING_VERB = re.compile(r"(?<!\w)[وف]?(?:" + "|".join(_VERBS) + r")(?!\w)")


# Words that end a speaker phrase: complementisers, prepositions, time words, pronoun objects.
_STOP_WORDS = frozenset({
    "إن", "أن", "إنه", "أنه", "إنها", "أنها", "إنهم", "أنهم", "إلى", "الى", "في", "على", "عن",
    "من", "مع", "خلال", "أمس", "اليوم", "غدا", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء",
    "الخميس", "الجمعة", "السبت", "صباح", "مساء", "لـ", "له", "لها", "لهم", "ل", "بأن", "بان",
    "ان", "انه", "كما", "حيث", "وإن", "وأن", "الذي", "التي", "ذلك", "هذا", "هذه",
})

_SPEAKER_END = re.compile(r"[:،,.؛;!؟?«»\"“”()\n]")


_QUOTE_MARKS = {"«": "»", '"': '"', "“": "”"}


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    label: str
    source: str = "rule"


def _occurrences(text: str, phrase: str, label: str, source: str) -> Iterable[Span]:
    phrase = phrase.strip()
    if len(phrase) < 2:
        return
    for match in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text):
        yield Span(match.start(), match.end(), label, source)


def _quotes(text: str, start: int, end: int) -> Iterable[Span]:
    for opened, closed in protected_ranges(text, start, end):
        if text[opened] not in _QUOTE_MARKS or text[closed] != _QUOTE_MARKS[text[opened]]:
            continue
        inner_start, inner_end = opened + 1, closed
        while inner_start < inner_end and text[inner_start].isspace():
            inner_start += 1
        while inner_end > inner_start and text[inner_end - 1].isspace():
            inner_end -= 1
        if 0 < inner_end - inner_start <= MAX_QUOTE_CHARS and re.search(
                r"\w", text[inner_start:inner_end]):
            yield Span(inner_start, inner_end, "QUOTE", "quote-marks")


def _speaker_after(text: str, verb_end: int, limit: int) -> Span | None:
    """The noun phrase after a reporting verb: up to punctuation, a stop word or six words."""
    words = list(re.finditer(r"\S+", text[verb_end:limit]))
    chosen: list[re.Match[str]] = []
    for word in words[:MAX_SPEAKER_WORDS]:
        token = word.group()
        cut = _SPEAKER_END.search(token)
        core = token[:cut.start()] if cut else token
        if core in _STOP_WORDS or core.startswith(("وإن", "وأن")):
            break
        if core:
            chosen.append(word)
            if cut:
                end_of_core = verb_end + word.start() + len(core)
                return Span(verb_end + chosen[0].start(), end_of_core, "SPEAKER", "reporting-verb")
        if cut:
            break
    if not chosen:
        return None
    return Span(verb_end + chosen[0].start(), verb_end + chosen[-1].end(), "SPEAKER",
                "reporting-verb")


def _speaker_for(text: str, quote: Span, sentence: tuple[int, int]) -> Span | None:
    # "وقال X: «...»" / "أكد X أن «...»": the last reporting verb before the quote in its sentence
    before = list(REPORTING_VERB.finditer(text, sentence[0], quote.start))
    if before:
        speaker = _speaker_after(text, before[-1].end(), quote.start - 1)
        if speaker is not None:
            return speaker
    # "«...»، قال الوزير": a reporting verb right after the quote
    after = REPORTING_VERB.search(text, quote.end + 1,
                                  min(sentence[1], quote.end + 1 + SPEAKER_AFTER_QUOTE_CHARS))
    if after:
        return _speaker_after(text, after.end(), sentence[1])
    return None


def find_spans(item: dict[str, Any]) -> list[Span]:
    """Every pre-annotation of ``item`` (an exported article), sorted, none overlapping."""
    text: str = item.get("text") or ""
    found: list[Span] = []
    for paragraph in item.get("paragraphs") or [{"start": 0, "end": len(text)}]:
        start, end = paragraph["start"], paragraph["end"]
        sentences = split_sentences(text, start, end)
        for quote in _quotes(text, start, end):
            found.append(quote)
            sentence = next((s for s in sentences if s[0] <= quote.start < s[1]), (start, end))
            if (speaker := _speaker_for(text, quote, sentence)) is not None:
                found.append(speaker)
    for author in item.get("authors") or []:
        if isinstance(author, str):
            found.extend(_occurrences(text, author, "AUTHOR", "authors"))
    dateline = item.get("dateline") or {}
    if isinstance(dateline, dict) and isinstance(dateline.get("location"), str):
        found.extend(_occurrences(text, dateline["location"], "LOC", "dateline"))
    return without_overlaps(found)


def without_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Keep spans by label precedence, then length; drop any that overlaps a kept one."""
    kept: list[Span] = []
    for span in sorted(set(spans), key=lambda s: (LABELS.index(s.label), s.start - s.end,
                                                  s.start)):
        if span.start < span.end and all(span.end <= k.start or span.start >= k.end
                                          for k in kept):
            kept.append(span)
    return sorted(kept)
