"""The Zyte shingle metric on small hand-made cases whose values are computed by hand."""

from __future__ import annotations

import pytest

from benchmarks.metric import (
    aggregate,
    page_counts,
    page_f1,
    page_precision,
    page_recall,
    paired_bootstrap,
    score_texts,
    shingles,
    strip_arabic_marks,
    tokenize,
)


def test_identical_texts_score_one() -> None:
    text = "The quick brown fox jumps over the lazy dog again and again"
    assert page_counts(text, text) == (1.0, 0.0, 0.0)
    score = score_texts([(text, text)])
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)


def test_disjoint_texts_score_zero() -> None:
    score = score_texts([("alpha beta gamma delta epsilon", "one two three four five")])
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)


def test_one_changed_last_token_gives_a_third_each() -> None:
    # true shingles: (a b c d), (b c d e); predicted: (a b c d), (b c d x)
    tp, fp, fn = page_counts("a b c d e", "a b c d x")
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert page_precision((tp, fp, fn)) == pytest.approx(0.5)
    assert page_recall((tp, fp, fn)) == pytest.approx(0.5)


def test_missing_tail_lowers_recall_only() -> None:
    # true: 3 shingles, predicted: the first 2 of them
    counts = page_counts("a b c d e f", "a b c d e")
    assert counts == pytest.approx((2 / 3, 0.0, 1 / 3))
    assert page_precision(counts) == 1.0
    assert page_recall(counts) == pytest.approx(2 / 3)


def test_macro_average_then_harmonic_mean() -> None:
    score = score_texts([("a b c d e", "a b c d x"), ("a b c d e f", "a b c d e")])
    assert score.precision == pytest.approx((0.5 + 1.0) / 2)
    assert score.recall == pytest.approx((0.5 + 2 / 3) / 2)
    p, r = 0.75, (0.5 + 2 / 3) / 2
    assert score.f1 == pytest.approx(2 * p * r / (p + r))


def test_shingles_are_a_multiset() -> None:
    # 8 tokens -> 5 shingles, (x y z w) twice
    assert shingles("x y z w x y z w")[("x", "y", "z", "w")] == 2
    counts = page_counts("x y z w x y z w", "x y z w")
    assert page_precision(counts) == 1.0
    assert page_recall(counts) == pytest.approx(1 / 5)


def test_short_text_is_one_shingle_and_empty_has_none() -> None:
    assert shingles("two words") == {("two", "words"): 1}
    assert shingles("") == {}
    assert shingles(None) == {}


def test_empty_prediction_leaves_precision_and_empty_truth_leaves_recall() -> None:
    empty_pred = page_counts("a b c d e", "")
    assert page_precision(empty_pred) is None
    assert page_recall(empty_pred) == 0.0
    empty_true = page_counts("", "a b c d e")
    assert page_recall(empty_true) is None
    assert page_precision(empty_true) == 0.0
    # the page with no prediction does not drag precision down
    score = score_texts([("a b c d e", ""), ("f g h i j", "f g h i j")])
    assert score.precision == 1.0
    assert score.recall == pytest.approx(0.5)


def test_arabic_marks_are_stripped_before_tokenising() -> None:
    vocalised = "كَتَبَ الطّالِبُ الدَّرْسَ"
    plain = "كتب الطالب الدرس"
    assert strip_arabic_marks(vocalised) == plain
    assert tokenize(vocalised) == ["كتب", "الطالب", "الدرس"]
    assert tokenize("جمـــيل") == ["جميل"]
    assert page_counts(plain, vocalised) == (1.0, 0.0, 0.0)


def test_page_f1_edge_cases() -> None:
    assert page_f1((0.0, 0.0, 0.0)) == 1.0
    assert page_f1(page_counts("a b c d e", "")) == 0.0
    assert page_f1(page_counts("a b c d e", "a b c d x")) == pytest.approx(0.5)


def test_bootstrap_of_a_system_against_itself_is_zero() -> None:
    counts = [page_counts("a b c d e", "a b c d x"), page_counts("a b c d e f", "a b c d e")]
    diff = paired_bootstrap(counts, counts, resamples=50)
    assert (diff.mean, diff.low, diff.high, diff.observed) == (0.0, 0.0, 0.0, 0.0)


def test_bootstrap_sees_a_uniformly_better_system() -> None:
    truths = [f"w{i} x{i} y{i} z{i} v{i} u{i}" for i in range(30)]
    better = [page_counts(t, t) for t in truths]
    worse = [page_counts(t, t.rsplit(" ", 2)[0]) for t in truths]
    diff = paired_bootstrap(better, worse, resamples=200, seed=1)
    assert diff.observed == pytest.approx(aggregate(better).f1 - aggregate(worse).f1)
    assert 0 < diff.low <= diff.mean <= diff.high
    assert paired_bootstrap(better, worse, resamples=200, seed=1) == diff  # fixed seed


def test_bootstrap_refuses_unpaired_inputs() -> None:
    with pytest.raises(ValueError):
        paired_bootstrap([(1.0, 0.0, 0.0)], [])
