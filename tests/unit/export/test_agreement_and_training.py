"""Agreement between annotators (span F1 exact and overlapping, Cohen's kappa over tokens) and
the training export (BIO tags, character spans) from gold lines."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from crawler.export.annotation.agreement import agreement, cohen_kappa
from crawler.export.annotation.gold import GoldRecord, GoldSpan, Segment
from crawler.export.annotation.training import (
    TrainingCounts,
    bio_sentences,
    conll_lines,
    pick,
    span_lines,
)

TEXT = "قال محمّد السالمي 🇲🇦: «الوضع جيّد جدًا». وغادر إلى الرباط 👩🏽‍💻."


def at(part: str, label: str, text: str = TEXT) -> GoldSpan:
    start = text.index(part)
    return GoldSpan(start, start + len(part), label, part)


def record(annotator: str, spans: list[GoldSpan], when: str = "2024-12-01T00:00:00Z",
           segments: list[tuple[int, int]] | None = None, article: str = "a") -> GoldRecord:
    ranges = segments or [(0, len(TEXT))]
    return GoldRecord(article, 1, annotator, "label-studio", when,
                      [Segment(s, e, TEXT[s:e]) for s, e in ranges], spans)


def test_cohen_kappa() -> None:
    assert cohen_kappa(Counter({("x", "x"): 5, ("y", "y"): 5})) == 1.0
    assert cohen_kappa(Counter({("x", "x"): 10})) == 1.0
    assert cohen_kappa(Counter()) is None
    # 20 items: agree 15 (10 yes, 5 no), 5 disagree; p_o 0.75, p_e 0.5*... by hand
    pairs = Counter({(True, True): 10, (False, False): 5, (True, False): 3, (False, True): 2})
    p_o, p_e = 15 / 20, (13 / 20) * (12 / 20) + (7 / 20) * (8 / 20)
    assert cohen_kappa(pairs) == pytest.approx((p_o - p_e) / (1 - p_e))


def test_identical_annotators_agree_fully() -> None:
    spans = [at("محمّد السالمي", "SPEAKER"), at("الوضع جيّد جدًا", "QUOTE")]
    result = agreement([record("huda", spans), record("omar", spans), record("solo", spans,
                                                                             article="b")])
    assert (result.articles, result.single, result.pairs) == (1, 1, 1)
    for label in ("SPEAKER", "QUOTE"):
        counts = result.labels[label]
        assert counts.exact_f1() == counts.overlap_f1() == 1.0
        assert result.kappa(label) == 1.0
    assert result.overall_kappa() == 1.0


def test_partial_agreement_per_label() -> None:
    huda = [at("محمّد السالمي", "SPEAKER"), at("الوضع جيّد جدًا", "QUOTE"),
            at("الرباط", "LOC")]
    omar = [at("محمّد", "SPEAKER"), at("الوضع جيّد جدًا", "QUOTE")]
    result = agreement([record("huda", huda), record("omar", omar)])
    speaker, quote, loc = (result.labels[x] for x in ("SPEAKER", "QUOTE", "LOC"))
    assert (speaker.exact_f1(), speaker.overlap_f1()) == (0.0, 1.0)
    assert (quote.exact_f1(), quote.overlap_f1()) == (1.0, 1.0)
    assert (loc.spans_a, loc.spans_b, loc.exact_f1()) == (1, 0, 0.0)
    # tokens: محمّد agreed, السالمي not; the quote's three agreed; الرباط not
    assert result.kappa("QUOTE") == 1.0
    assert 0 < result.kappa("SPEAKER") < 1  # type: ignore[operator]
    assert result.kappa("LOC") == 0.0
    assert result.tokens == 16  # the flag and the ZWJ sequence are one token each


def test_only_the_text_both_annotated_is_compared() -> None:
    cut = TEXT.index("وغادر")
    huda = record("huda", [at("الرباط", "LOC"), at("محمّد", "SPEAKER")],
                  segments=[(0, cut - 1), (cut, len(TEXT))])
    omar = record("omar", [at("محمّد", "SPEAKER")], segments=[(0, cut - 1)])
    result = agreement([huda, omar])
    assert "LOC" not in result.labels  # omar never saw the second sentence
    assert result.labels["SPEAKER"].exact_f1() == 1.0


def test_bio_tags_per_sentence_with_whole_emoji_and_words() -> None:
    spans = [at("محمّد السالمي", "SPEAKER"), at("الوضع جيّد جدًا", "QUOTE"), at("الرباط", "LOC")]
    sentences = list(bio_sentences(TEXT, spans))
    assert len(sentences) == 2
    assert sentences[0][:4] == [("قال", "O"), ("محمّد", "B-SPEAKER"), ("السالمي", "I-SPEAKER"),
                                ("🇲🇦", "O")]
    assert ("جيّد", "I-QUOTE") in sentences[0] and ("الوضع", "B-QUOTE") in sentences[0]
    assert sentences[1] == [("وغادر", "O"), ("إلى", "O"), ("الرباط", "B-LOC"),
                            ("👩🏽‍💻", "O"), (".", "O")]


def test_a_span_inside_a_word_cuts_the_token() -> None:
    [sentence] = bio_sentences("والرباط جميلة", [GoldSpan(1, 7, "LOC", "الرباط")])
    assert sentence == [("و", "O"), ("الرباط", "B-LOC"), ("جميلة", "O")]


def test_conll_drops_overlaps_and_counts_them() -> None:
    spans = [at("محمّد السالمي", "SPEAKER"), at("السالمي", "AUTHOR")]
    counts = TrainingCounts()
    lines = list(conll_lines([record("huda", spans)], counts))
    assert "السالمي\tI-SPEAKER\n" in lines and lines[-1] == "\n"
    assert (counts.segments, counts.spans, counts.overlapping) == (1, 1, 1)


def test_character_spans_per_segment() -> None:
    cut = TEXT.index("وغادر")
    gold = record("huda", [at("الرباط", "LOC")], segments=[(0, cut - 1), (cut, len(TEXT))])
    lines = [json.loads(x) for x in span_lines([gold], TrainingCounts())]
    assert [x["spans"] for x in lines] == [[], [{"start": TEXT[cut:].index("الرباط"),
                                                 "end": TEXT[cut:].index("الرباط") + 6,
                                                 "label": "LOC"}]]
    second = lines[1]
    assert second["text"][second["spans"][0]["start"]:second["spans"][0]["end"]] == "الرباط"
    assert second["meta"] == {"article_id": "a", "version": 1, "annotator": "huda",
                              "start": cut, "end": len(TEXT)}


def test_pick_latest_per_article_version() -> None:
    records = [record("huda", [], "2024-12-01T00:00:00Z"), record("omar", [], "2024-12-03"),
               record("sara", [], "2024-12-02"), record("huda", [], article="b")]
    assert [r.annotator for r in pick(records, "latest")] == ["omar", "huda"]
    assert len(list(pick(records, "all"))) == 4
