"""The Arabic targets, checked on the item extract_article gives, over the shared corpora (read
from ../shared at run time)."""

from __future__ import annotations

import pytest

from benchmarks.extraction import OURS, arabic_report, ours
from tests.support import SHARED

BENCHMARKS = SHARED / "benchmarks"
pytestmark = pytest.mark.skipif(not (BENCHMARKS / "arabic").is_dir(),
                                reason="../shared/benchmarks/arabic is not present")


@pytest.fixture(scope="module")
def report() -> dict:  # type: ignore[type-arg]
    return arabic_report(BENCHMARKS, {OURS: ours})


@pytest.mark.slow
def test_assabah_every_wanted_segment_in_and_no_unwanted_one(report: dict) -> None:  # type: ignore[type-arg]
    scores = report["assabah"][OURS]
    assert scores["with_found"] == scores["with_total"] > 0
    assert scores["without_found"] == 0


@pytest.mark.slow
def test_cnn_arabic_keeps_the_accepted_text(report: dict) -> None:  # type: ignore[type-arg]
    assert report["cnn_arabic"][OURS]["starts_with_expected"]


@pytest.mark.slow
def test_publication_dates_beat_htmldate(report: dict) -> None:  # type: ignore[type-arg]
    dates = report["htmldate_rtl"]
    assert dates["total"] == 11
    assert dates["ours"] >= dates["htmldate"]
    assert dates["ours_corrected"] == 11, dates["misses"]
    assert dates["ours"] == 11 - dates["errata"]
