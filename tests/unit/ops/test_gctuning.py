"""GcTuning: the collector's settings during a crawl, and Python's defaults restored after it."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from crawler.ops.gctuning import GcTuning


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


def _extension(**settings: object) -> GcTuning:
    crawler = get_crawler(settings_dict=settings)
    return GcTuning.from_crawler(crawler)


@pytest.mark.slow
def test_the_start_up_heap_is_frozen_and_thresholds_set_while_the_engine_runs() -> None:
    before = gc.get_threshold()
    extension = _extension(GC_FREEZE=True, GC_THRESHOLDS=[5000, 7, 9])
    alive = [[1]]  # alive when the engine starts: frozen with the rest, out of every generation
    extension.engine_started()
    assert gc.get_threshold() == (5000, 7, 9)
    assert extension.stats.get_value("gc/frozen_objects") > 10_000  # imports alone leave more
    assert not any(obj is alive for obj in gc.get_objects())
    gc.collect(0)
    extension.spider_closed()
    assert extension.stats.get_value("gc/collections/gen0") >= 1
    extension.engine_stopped()
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before


def test_a_cycle_made_during_the_crawl_is_still_collected() -> None:
    extension = _extension(GC_FREEZE=True, GC_THRESHOLDS=[10000, 10, 10])
    extension.engine_started()

    class Node:
        pass

    node = Node()
    node.self = node  # type: ignore[attr-defined]
    probe = weakref.ref(node)
    del node
    assert probe() is not None  # a cycle: reference counting alone does not free it
    gc.collect()
    assert probe() is None
    extension.engine_stopped()


def test_thresholds_only_leave_the_heap_unfrozen() -> None:
    extension = _extension(GC_FREEZE=False, GC_THRESHOLDS=[2000])
    extension.engine_started()
    assert gc.get_threshold()[0] == 2000
    assert gc.get_freeze_count() == 0
    extension.engine_stopped()


def test_both_off_disables_the_extension() -> None:
    with pytest.raises(NotConfigured):
        _extension(GC_FREEZE=False, GC_THRESHOLDS="")


@pytest.mark.parametrize("thresholds", ["a,b", [1, 2, 3, 4], [-1]])
def test_bad_thresholds_are_a_clear_error(thresholds: object) -> None:
    with pytest.raises(ValueError, match="GC_THRESHOLDS"):
        _extension(GC_FREEZE=True, GC_THRESHOLDS=thresholds)
