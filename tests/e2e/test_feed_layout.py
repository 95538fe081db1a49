"""Feed layout for scheduled runs: one file per site and day, or batches of N items per site,
set through FEEDS; a new run adds files and leaves the old ones untouched."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from scrapy.settings import Settings

from crawler.export.layout import FeedLayout, SiteFilter, layout_feeds
from crawler.network.sites import SITES as ALL_SITES
from crawler.simulator.network import SimulatedNetwork
from crawler.simulator.server import running_simulator
from tests.support import CrawlRun, run_crawl

SITES = "arabstoday,almaghribtoday,casablancatoday"


@pytest.fixture(scope="module")
def simulator() -> Iterator[str]:
    with running_simulator(SimulatedNetwork(pages=40)) as base_url:
        yield base_url


def crawl(tmp_path: Path, base_url: str, name: str, *settings: str) -> CrawlRun:
    args = [arg for setting in settings for arg in ("-s", setting)]
    return run_crawl(tmp_path, "-a", f"via={base_url}", "-a", f"sites={SITES}", *args, name=name)


def read_tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.jsonl"))}


def ids(blob: bytes) -> list[str]:
    return [json.loads(line)["id"] for line in blob.splitlines()]


def test_one_file_per_site_and_day_and_the_next_day_adds_files(tmp_path: Path,
                                                               simulator: str) -> None:
    root = tmp_path / "feeds"
    first = crawl(tmp_path, simulator, "day1", "FEED_LAYOUT=site-day", f"FEED_LAYOUT_ROOT={root}",
                  "FEED_LAYOUT_DAY=2024-11-20")
    day1 = read_tree(root)
    assert sorted(day1) == [f"{site}/2024-11-20.jsonl" for site in sorted(SITES.split(","))]
    for name, blob in day1.items():
        site = name.split("/")[0]
        assert all(json.loads(line)["site"] == site for line in blob.splitlines())
    assert sorted(i for blob in day1.values() for i in ids(blob)) == \
        sorted(item["id"] for item in first.items)  # the -O feed still gets everything

    crawl(tmp_path, simulator, "day2", "FEED_LAYOUT=site-day", f"FEED_LAYOUT_ROOT={root}",
          "FEED_LAYOUT_DAY=2024-11-21")
    both = read_tree(root)
    assert len(both) == 6
    assert {name: both[name] for name in day1} == day1  # yesterday's files untouched


def test_batches_of_n_items_and_a_new_run_adds_batches(tmp_path: Path, simulator: str) -> None:
    root = tmp_path / "batches"
    first = crawl(tmp_path, simulator, "run1", "FEED_LAYOUT=site-batch",
                  f"FEED_LAYOUT_ROOT={root}", "FEED_LAYOUT_BATCH_ITEMS=4",
                  "FEED_LAYOUT_DAY=2024-11-20")
    run1 = read_tree(root)
    assert all(1 <= len(blob.splitlines()) <= 4 for blob in run1.values())
    assert sorted(i for blob in run1.values() for i in ids(blob)) == \
        sorted(item["id"] for item in first.items)
    per_site = {name.split("/")[0] for name in run1}
    assert per_site == set(SITES.split(","))
    assert all(name.split("/")[1] == "2024-11-20" for name in run1)

    crawl(tmp_path, simulator, "run2", "FEED_LAYOUT=site-batch", f"FEED_LAYOUT_ROOT={root}",
          "FEED_LAYOUT_BATCH_ITEMS=4", "FEED_LAYOUT_DAY=2024-11-20")
    after = read_tree(root)
    assert len(after) == 2 * len(run1)
    assert {name: after[name] for name in run1} == run1


def test_without_a_layout_feeds_are_unchanged() -> None:
    settings = Settings({"FEEDS": {"out.jsonl": {"format": "jsonl"}}})
    FeedLayout().update_settings(settings)
    assert list(settings.getdict("FEEDS")) == ["out.jsonl"]
    settings.set("FEED_LAYOUT", "site-day")
    FeedLayout().update_settings(settings)
    assert len(settings.getdict("FEEDS")) == 1 + len(ALL_SITES)
    assert "output/arabstoday/%(day)s.jsonl" in settings.getdict("FEEDS")


def test_layout_errors_and_site_filter() -> None:
    with pytest.raises(ValueError, match="FEED_LAYOUT must be one of site-day, site-batch"):
        layout_feeds("weekly")
    with pytest.raises(ValueError, match="FEED_LAYOUT_BATCH_ITEMS must be positive"):
        layout_feeds("site-batch", batch_items=0)
    only = SiteFilter({"site": "omantoday"})
    assert only.accepts({"site": "omantoday"}) and not only.accepts({"site": "arabstoday"})
