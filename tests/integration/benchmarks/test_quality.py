"""Body F1 of the item extract_article gives, on the shared corpora: >= 0.970 on zyte
(trafilatura favor_precision: 0.964) and not below trafilatura on fundus. Speed is the benchmark's business
(python -m benchmarks.extraction), not this test's."""

from __future__ import annotations

import pytest

from benchmarks.extraction import (
    OURS,
    corpus_report,
    fundus_pages,
    ours,
    trafilatura_default,
    trafilatura_precision,
    zyte_pages,
)
from tests.support import SHARED

BENCHMARKS = SHARED / "benchmarks"


@pytest.mark.slow
@pytest.mark.skipif(not (BENCHMARKS / "zyte").is_dir(), reason="../shared/benchmarks/zyte absent")
def test_zyte_f1_reaches_the_target() -> None:
    report = corpus_report(list(zyte_pages(BENCHMARKS)), {OURS: ours})
    assert report["pages"] == 181
    assert report["systems"][OURS]["f1"] >= 0.970


@pytest.mark.slow
@pytest.mark.skipif(not (BENCHMARKS / "fundus").is_dir(),
                    reason="../shared/benchmarks/fundus absent")
def test_fundus_f1_not_below_trafilatura() -> None:
    systems = {OURS: ours, "precision": trafilatura_precision, "default": trafilatura_default}
    report = corpus_report(list(fundus_pages(BENCHMARKS)), systems)
    scores = report["systems"]
    assert scores[OURS]["f1"] >= scores["precision"]["f1"]
    assert scores[OURS]["f1"] >= scores["default"]["f1"]
    assert scores[OURS]["titles_right"] >= scores["precision"]["titles_right"]
