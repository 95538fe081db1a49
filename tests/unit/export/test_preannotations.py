"""Pre-annotations by rule: dateline location, authors, quoted speech and its speaker. Each span
is checked as text[start:end] in the article and, through the exporter, in every format."""

from __future__ import annotations

from typing import Any

import pytest

from crawler.export.annotation.formats import CONVERTERS
from crawler.export.annotation.preannotate import Span, find_spans, without_overlaps
from crawler.export.annotation.units import iter_units
from tests.support import BODY, make_item


def spans_of(item: dict[str, Any]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for span in find_spans(item):
        found.setdefault(span.label, []).append(item["text"][span.start:span.end])
    return found


@pytest.fixture
def article() -> dict[str, Any]:
    return make_item(1, body=BODY, authors=["سلمى الحداد"],
                     dateline={"location": "الرباط", "source": "العرب اليوم"})


def test_quotes_without_their_marks(article: dict[str, Any]) -> None:
    assert spans_of(article)["QUOTE"] == [
        "سنخصص 3.5 مليار درهم للبرنامج. ولن نتراجع عن ذلك",
        "حرية التعبير ليست موضوعا للتفاوض",
        "المشروع سيكتمل قبل نهاية العام",
        "النتائج مشجعة",
    ]


def test_speakers_named_by_a_reporting_verb_before_or_after_the_quote(
        article: dict[str, Any]) -> None:
    # "قال إن" names no speaker: no span for the fourth quote.
    assert spans_of(article)["SPEAKER"] == [
        "وزير الاقتصاد سامي الخوري", "نقابة الصحفيين", "المدير العام للشركة"]


def test_known_author_and_dateline_location(article: dict[str, Any]) -> None:
    found = spans_of(article)
    assert found["AUTHOR"] == ["سلمى الحداد"]
    assert found["LOC"] == ["الرباط", "الرباط"]


def test_no_rules_no_spans() -> None:
    plain = make_item(2, body=("نص عادي لا يحتوي على اقتباس ولا على أسماء معروفة.",),
                      authors=[], dateline=None)
    assert find_spans(plain) == []


def test_spans_never_overlap_and_quotes_win() -> None:
    spans = [Span(0, 10, "QUOTE"), Span(2, 5, "LOC"), Span(10, 14, "SPEAKER"),
             Span(12, 16, "AUTHOR")]
    assert without_overlaps(spans) == [Span(0, 10, "QUOTE"), Span(10, 14, "SPEAKER")]


def _format_spans(fmt: str, record: dict[str, Any]) -> tuple[str, list[tuple[str, str]]]:
    """(unit text, [(label, covered text)]) read back from one exported record, using each
    tool's own offset unit."""
    if fmt == "label-studio":
        text = record["data"]["text"]
        out = []
        for prediction in record.get("predictions", []):
            for region in prediction["result"]:
                value = region["value"]
                covered = text[value["start"]:value["end"]]  # code points
                assert covered == value["text"]
                out.append((value["labels"][0], covered))
        return text, out
    if fmt == "prodigy":
        return record["text"], [(s["label"], record["text"][s["start"]:s["end"]])
                                for s in record["spans"]]
    if fmt == "doccano":
        units = record["text"].encode("utf-16-le")  # UTF-16 code units
        return record["text"], [(label, units[2 * s:2 * e].decode("utf-16-le"))
                                for s, e, label in record["label"]]
    return record["text"], [(s["label"], record["text"][s["start"]:s["end"]])
                            for s in record["spans"]]


@pytest.mark.parametrize("fmt", sorted(CONVERTERS))
@pytest.mark.parametrize("unit", ["article", "paragraph", "sentence"])
def test_every_format_covers_the_same_text_for_every_span(fmt: str, unit: str) -> None:
    # Characters beyond U+FFFF, flags, ZWJ sequences and harakat before the spans make the
    # tools' units differ.
    body = ("🙂 " + BODY[0], "𝟙 🇲🇦 " + BODY[1], "👩🏽‍💻 جدًّا " + BODY[2], *BODY[3:])
    item = make_item(1, body=body, authors=["سلمى الحداد"],
                     dateline={"location": "الرباط", "source": "العرب اليوم"})
    spans = find_spans(item)
    expected = sorted((s.label, item["text"][s.start:s.end]) for s in spans)
    got = []
    for piece in iter_units(item, unit, spans):
        text, covered = _format_spans(fmt, CONVERTERS[fmt](piece, item))
        assert text == item["text"][piece.start:piece.end]
        got.extend(covered)
    # quotes stay inside one sentence, so no span is lost at any unit
    assert sorted(got) == expected
    assert len(expected) == 10  # 4 quotes, 3 speakers, 1 author, 2 locations
