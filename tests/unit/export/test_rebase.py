"""Moving gold spans onto an article's newer version: exact re-find, then alignment; spans that
no longer fit are flagged with the reason, never moved silently."""

from __future__ import annotations

from crawler.export.annotation.gold import GoldRecord, GoldSpan, Segment
from crawler.export.annotation.rebase import Alignment, move_span, rebase

OLD = "قال محمّد السالمي: «الوضع جيّد جدًا 🇲🇦». وأضاف أن الرباط تستعد للقمة."
NEW = ("تحديث: قال محمّد السالمي: «الوضع جيّد جدًا 🇲🇦». وأضاف أن مدينة فاس تستعد للقمة. "
       "وقال محمّد السالمي لاحقا إن الاستعدادات مستمرة.")


def span(text: str, part: str, label: str, nth: int = 0) -> GoldSpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return GoldSpan(start, start + len(part), label, part)


def test_alignment_maps_offsets_through_shared_words() -> None:
    alignment = Alignment(OLD, NEW)
    assert alignment.map(OLD.index("الوضع")) == NEW.index("الوضع")
    assert alignment.map(OLD.index("جيّد") + 2) == NEW.index("جيّد") + 2
    assert alignment.map(OLD.index("الرباط") + 1) is None  # the word was replaced


def test_a_span_whose_text_is_still_there_moves() -> None:
    moved = move_span(span(OLD, "الوضع جيّد جدًا 🇲🇦", "QUOTE"), NEW, Alignment(OLD, NEW))
    assert moved.span == span(NEW, "الوضع جيّد جدًا 🇲🇦", "QUOTE")
    assert moved.reason == "aligned"


def test_of_several_occurrences_the_aligned_one_is_taken() -> None:
    name = span(OLD, "محمّد السالمي", "SPEAKER")
    assert NEW.count("محمّد السالمي") == 2
    moved = move_span(name, NEW, Alignment(OLD, NEW))
    assert moved.span == span(NEW, "محمّد السالمي", "SPEAKER", 0)
    # without the old text there is no alignment: two places, neither at the old offset
    assert move_span(name, NEW, None).span is None


def test_a_rewritten_span_is_flagged_with_what_its_place_now_reads() -> None:
    moved = move_span(span(OLD, "الرباط", "LOC"), NEW, Alignment(OLD, NEW))
    assert moved.span is None
    assert moved.reason == "its place now reads 'مدينة فاس'"
    place = span(OLD, "أن الرباط", "LOC")
    assert move_span(place, NEW, Alignment(OLD, NEW)).reason == \
        "its place now reads 'أن مدينة فاس'"
    gone = span(OLD, "وأضاف", "SPEAKER")
    assert move_span(gone, "قال محمّد السالمي: «الوضع جيّد جدًا 🇲🇦». أن", Alignment(
        OLD, "قال محمّد السالمي: «الوضع جيّد جدًا 🇲🇦». أن")).reason == \
        "its words were removed in the new version"


def test_rebase_a_gold_line() -> None:
    record = GoldRecord("a", 1, "huda", "label-studio", "2024-12-01T00:00:00Z",
                        [Segment(0, len(OLD), OLD)],
                        [span(OLD, "محمّد السالمي", "SPEAKER"),
                         span(OLD, "الوضع جيّد جدًا 🇲🇦", "QUOTE"), span(OLD, "الرباط", "LOC")])
    moved = rebase(record, OLD, 2, NEW)
    assert (moved.version, moved.rebased_from) == (2, 1)
    assert moved.segments == [Segment(0, len(NEW), NEW)]
    assert moved.spans == sorted([span(NEW, "محمّد السالمي", "SPEAKER"),
                                  span(NEW, "الوضع جيّد جدًا 🇲🇦", "QUOTE")])
    [flag] = moved.flagged or []
    assert (flag["label"], flag["text"], flag["start"]) == ("LOC", "الرباط", OLD.index("الرباط"))
    for s in moved.spans:
        assert NEW[s.start:s.end] == s.text
    line = moved.to_json()
    assert line["rebased_from"] == 1 and len(line["flagged"]) == 1


def test_spans_outside_the_moved_segments_are_flagged() -> None:
    sentence = OLD[:OLD.index("». ") + 2]
    record = GoldRecord("a", 1, "huda", "prodigy", None, [Segment(0, len(sentence), sentence)],
                        [span(OLD, "الوضع", "QUOTE")])
    moved = rebase(record, None, 2, "نص آخر تماما فيه الوضع فقط.")
    assert moved.segments == [] and moved.spans == []
    assert moved.flagged and "changed" in moved.flagged[0]["reason"]
