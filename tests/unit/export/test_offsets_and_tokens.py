"""Offsets as each tool counts them and Prodigy's tokens, on text with characters beyond U+FFFF,
flags, skin tones, ZWJ sequences, harakat, shadda and tatweel."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crawler.export.annotation.formats import tokens
from crawler.export.annotation.offsets import OffsetError, Scale, to_codepoints, to_units
from crawler.export.annotation.tokens import tokenize

TEXT = "🇲🇦 قال محمّد: «جدًا 👩🏽‍💻» 𝟙"
# code points: flag 0-2, قال 3-6, محمّد 7-12, : 12, « 14, جدًا 15-19, 👩🏽‍💻 20-24, » 24, 𝟙 26


def words(text: str) -> list[str]:
    return [t["text"] for t in tokens(text)]


def test_code_points_are_the_identity() -> None:
    assert to_units(TEXT, [0, 7, 12, len(TEXT)], "codepoint") == [0, 7, 12, len(TEXT)]


def test_utf16_counts_two_units_for_each_character_beyond_u_ffff() -> None:
    offsets = [0, 2, 7, 12, 20, 24, len(TEXT)]
    expected = [len(TEXT[:o].encode("utf-16-le")) // 2 for o in offsets]
    assert to_units(TEXT, offsets, "utf16") == expected == [0, 4, 9, 14, 22, 29, 33]
    assert to_codepoints(TEXT, expected, "utf16") == offsets
    with pytest.raises(OffsetError, match="splits a surrogate pair"):
        Scale(TEXT, "utf16").to_codepoints(1)


def test_graphemes_count_a_flag_a_zwj_sequence_and_a_letter_with_its_marks_as_one() -> None:
    scale = Scale(TEXT, "grapheme")
    assert scale.to_units(2) == 1  # the flag is one character
    assert scale.to_units(7) == 6 and scale.to_units(12) == 10  # محمّد: 4 clusters
    assert scale.to_units(15) == 13 and scale.to_units(19) == 16  # جدًا: 3 clusters
    assert scale.to_units(24) == 18  # the ZWJ sequence with its skin tone: 1
    assert scale.to_codepoints(18) == 24
    with pytest.raises(OffsetError, match="inside a grapheme character"):
        scale.to_units(1)  # between the flag's two regional indicators
    with pytest.raises(OffsetError, match="outside the text"):
        scale.to_codepoints(scale.units() + 1)


def test_plain_arabic_needs_no_table() -> None:
    assert Scale("نص عربي بلا رموز", "utf16").starts is None
    with pytest.raises(ValueError, match="offset scale must be one of"):
        Scale("x", "bytes")


@given(st.text(alphabet=st.sampled_from(list("ab جدًّـ🙂🇲🇦👩🏽‍💻𝟙\u200d")), max_size=40))
def test_utf16_round_trip_on_any_text(text: str) -> None:
    offsets = list(range(len(text) + 1))
    units = to_units(text, offsets, "utf16")
    assert units[-1] == len(text.encode("utf-16-le")) // 2
    assert to_codepoints(text, units, "utf16") == offsets


def test_tokens_keep_harakat_and_shadda_inside_their_word() -> None:
    assert words("الوضع جيّد جدًا يا محمّد") == ["الوضع", "جيّد", "جدًا", "يا", "محمّد"]
    assert words("كـتـاب مُعَلِّمٌ") == ["كـتـاب", "مُعَلِّمٌ"]


def test_tokens_keep_emoji_sequences_whole() -> None:
    assert words("رائع🙂 🇲🇦🇵🇸 👍🏽 👨‍👩‍👧 👩🏽‍💻!") == [
        "رائع", "🙂", "🇲🇦", "🇵🇸", "👍🏽", "👨‍👩‍👧", "👩🏽‍💻", "!"]


def test_tokens_are_cut_at_span_boundaries_and_know_their_white_space() -> None:
    assert words("أبجد هوز") == ["أبجد", "هوز"]
    cut = tokenize("أبجد هوز", [2])
    assert [(t.start, t.end, t.ws) for t in cut] == [(0, 2, False), (2, 4, True), (5, 8, False)]
    toks = tokens("أ، ب")
    assert [t["ws"] for t in toks] == [False, True, False]
    assert [t["id"] for t in toks] == [0, 1, 2]
    for token in tokens(TEXT):
        assert TEXT[token["start"]:token["end"]] == token["text"]
