"""The Zyte article-extraction-benchmark metric, re-implemented from its description.

Tokens are ``\\w+`` matches; a text becomes the multiset of its 4-token shingles (a text with
1 to 3 tokens is one shingle, an empty one has none). Per page, TP/FP/FN are counted over the
two multisets and normalised to sum to 1, so long pages weigh no more than short ones.
Precision and recall are macro-averaged over pages (pages with no predicted shingles are left
out of precision, pages with no true shingles out of recall; a page with FP = FN = 0 scores 1)
and F1 is the harmonic mean of the two averages. Arabic harakat and tatweel are stripped from
both texts first, because ``\\w+`` splits vocalised words.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

TOKEN_RE = re.compile(r"\w+", re.UNICODE)
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")

Counts = tuple[float, float, float]
"""Normalised (TP, FP, FN) of one page."""


def strip_arabic_marks(text: str) -> str:
    """Remove harakat (U+064B-U+065F), superscript alef (U+0670) and tatweel (U+0640)."""
    return _ARABIC_MARKS.sub("", text)


def tokenize(text: str | None) -> list[str]:
    """``\\w+`` tokens of a text, after stripping Arabic marks."""
    return TOKEN_RE.findall(strip_arabic_marks(text or ""))


def shingles(text: str | None, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles; fewer than n tokens make a single shingle."""
    tokens = tokenize(text)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_counts(true: str | None, pred: str | None, n: int = 4) -> Counts:
    """Normalised TP/FP/FN of a predicted text against the true one."""
    true_sh, pred_sh = shingles(true, n), shingles(pred, n)
    tp = float(sum((true_sh & pred_sh).values()))
    fp = float(sum((pred_sh - true_sh).values()))
    fn = float(sum((true_sh - pred_sh).values()))
    total = tp + fp + fn
    if total == 0:
        return (0.0, 0.0, 0.0)
    return (tp / total, fp / total, fn / total)


def page_precision(counts: Counts) -> float | None:
    """Precision of one page, or None when it predicted nothing."""
    tp, fp, fn = counts
    if tp + fp == 0:
        return None
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fp)


def page_recall(counts: Counts) -> float | None:
    """Recall of one page, or None when its true text is empty."""
    tp, fp, fn = counts
    if tp + fn == 0:
        return None
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fn)


def page_f1(counts: Counts) -> float:
    """F1 of one page (0 when precision or recall is undefined or zero); for per-page reports."""
    p, r = page_precision(counts), page_recall(counts)
    if not p or not r:
        return 1.0 if counts == (0.0, 0.0, 0.0) else 0.0
    return 2 * p * r / (p + r)


@dataclass(frozen=True)
class Score:
    """Macro precision and recall over pages and the F1 of the two."""

    precision: float
    recall: float
    f1: float
    pages: int


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0


def aggregate(pages: Sequence[Counts]) -> Score:
    """The benchmark score of a list of per-page counts."""
    precisions = [p for p in map(page_precision, pages) if p is not None]
    recalls = [r for r in map(page_recall, pages) if r is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    return Score(precision, recall, _f1(precision, recall), len(pages))


def score_texts(pairs: Sequence[tuple[str | None, str | None]]) -> Score:
    """Score (true, predicted) text pairs."""
    return aggregate([page_counts(true, pred) for true, pred in pairs])


@dataclass(frozen=True)
class PairedDifference:
    """F1(ours) - F1(baseline) on the same pages, with a bootstrap 95% interval."""

    mean: float
    low: float
    high: float
    observed: float


def paired_bootstrap(
    ours: Sequence[Counts],
    baseline: Sequence[Counts],
    resamples: int = 1000,
    seed: int = 20240501,
) -> PairedDifference:
    """Resample pages with replacement (the same pages for both systems) and recompute F1."""
    if len(ours) != len(baseline):
        raise ValueError("paired bootstrap needs the same pages for both systems")
    observed = aggregate(ours).f1 - aggregate(baseline).f1
    if not ours:
        return PairedDifference(0.0, 0.0, 0.0, 0.0)
    rng = random.Random(seed)
    n = len(ours)
    diffs = []
    for _ in range(resamples):
        idx = [rng.randrange(n) for _ in range(n)]
        diffs.append(
            aggregate([ours[i] for i in idx]).f1 - aggregate([baseline[i] for i in idx]).f1
        )
    diffs.sort()
    low = diffs[int(0.025 * (resamples - 1))]
    high = diffs[round(0.975 * (resamples - 1))]
    return PairedDifference(sum(diffs) / resamples, low, high, observed)
