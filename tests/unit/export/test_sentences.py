"""Arabic sentence splitting: numbers, abbreviations and quotations stay whole."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crawler.export.annotation.sentences import protected_ranges, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("قال الوزير إن النمو بلغ 3.5 في المئة. وأضاف أن الحكومة ستواصل الإصلاحات!",
     ["قال الوزير إن النمو بلغ 3.5 في المئة.", "وأضاف أن الحكومة ستواصل الإصلاحات!"]),
    ("هل ستنجح الخطة؟ يرى الخبراء أن ذلك ممكن.",
     ["هل ستنجح الخطة؟", "يرى الخبراء أن ذلك ممكن."]),
    ("بلغ عدد الزوار 1.200.000 زائر. وهو رقم قياسي.",
     ["بلغ عدد الزوار 1.200.000 زائر.", "وهو رقم قياسي."]),
    ("ارتفع المؤشر إلى ٣.٥ نقطة. ثم تراجع.", ["ارتفع المؤشر إلى ٣.٥ نقطة.", "ثم تراجع."]),
])
def test_numbers_stay_whole(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("استقبل د. سامي الخوري الوفد. ثم عقد مؤتمرا.",
     ["استقبل د. سامي الخوري الوفد.", "ثم عقد مؤتمرا."]),
    ("حاضر أ.د. منى العلي في الجامعة. وحضر الطلاب.",
     ["حاضر أ.د. منى العلي في الجامعة.", "وحضر الطلاب."]),
    ("راسلونا على ص.ب. 1234 بيروت. شكرا لكم.", ["راسلونا على ص.ب. 1234 بيروت.", "شكرا لكم."]),
    ("التقى الوزير Dr. Smith في واشنطن. وناقشا التعاون.",
     ["التقى الوزير Dr. Smith في واشنطن.", "وناقشا التعاون."]),
    ("زار الوفد U.S. الأسبوع الماضي. وعاد أمس.",
     ["زار الوفد U.S. الأسبوع الماضي.", "وعاد أمس."]),
])
def test_abbreviations_stay_whole(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("وقال الوزير: «لن نتراجع. هذا قرارنا النهائي!». ثم غادر القاعة.",
     ["وقال الوزير: «لن نتراجع. هذا قرارنا النهائي!».", "ثم غادر القاعة."]),
    ('وقالت الشركة: "إن الأسواق تنتظر. ولن نتراجع". وأكدت ذلك.',
     ['وقالت الشركة: "إن الأسواق تنتظر. ولن نتراجع".', "وأكدت ذلك."]),
    ("كتب “سنعود قريبا. انتظرونا” على الجدار. وانصرف.",
     ["كتب “سنعود قريبا. انتظرونا” على الجدار.", "وانصرف."]),
    ("قال (في تصريح مقتضب. وغير رسمي) إنه راض. وانتهى اللقاء.",
     ["قال (في تصريح مقتضب. وغير رسمي) إنه راض.", "وانتهى اللقاء."]),
])
def test_quotations_stay_whole(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_an_unclosed_quote_does_not_swallow_the_paragraph() -> None:
    assert sentences("قال «شيء بلا إغلاق. ثم جملة أخرى. وثالثة.") == [
        "قال «شيء بلا إغلاق.", "ثم جملة أخرى.", "وثالثة."]


def test_ellipsis_and_list_numbers_do_not_end_sentences() -> None:
    assert sentences("الطريق طويل... لكنه ممكن. 1. البند الأول. 2. البند الثاني.") == [
        "الطريق طويل... لكنه ممكن.", "1. البند الأول.", "2. البند الثاني."]


def test_offsets_are_relative_to_the_whole_text_within_a_range() -> None:
    text = "فقرة أولى. جملة ثانية.\n\nفقرة ثانية. جملة رابعة."
    start = text.index("فقرة ثانية")
    spans = split_sentences(text, start, len(text))
    assert [text[s:e] for s, e in spans] == ["فقرة ثانية.", "جملة رابعة."]
    assert spans[0][0] == start


def test_protected_ranges_pair_marks() -> None:
    text = 'أ «ب "ج" د» ه "و'
    assert protected_ranges(text) == [(2, 10)]


@given(st.text(alphabet=st.sampled_from(list("قال ذلك. «؟!» \"3.5 د.")), max_size=80))
def test_sentences_cover_the_text_in_order_without_white_space(text: str) -> None:
    spans = split_sentences(text)
    previous = 0
    for start, end in spans:
        assert previous <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert not text[previous:start].strip()
        previous = end
    assert not text[previous:].strip()


@pytest.mark.parametrize(("text", "expected"), [
    ("الوضع جيّد جدًا. وغادر الوفد.", ["الوضع جيّد جدًا.", "وغادر الوفد."]),
    ("قال: «الوضع جيّد جدًا». وغادر 👩🏽‍💻.", ["قال: «الوضع جيّد جدًا».", "وغادر 👩🏽‍💻."]),
    ("استقبل دُ. سامي الوفد. ثم غادر.", ["استقبل دُ. سامي الوفد.", "ثم غادر."]),
])
def test_a_word_ending_in_harakat_is_no_abbreviation(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
