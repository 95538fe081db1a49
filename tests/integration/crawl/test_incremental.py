"""Incremental crawls: the seen-store keeps a second run from fetching or exporting again."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from crawler.crawl.incremental import Incremental
from crawler.crawl.spider import ArabsTodaySpider
from crawler.pipelines.incremental import IncrementalPipeline
from crawler.simulator.model import SimArticle
from crawler.simulator.network import SimResponse, SimulatedNetwork
from crawler.simulator.server import running_simulator
from crawler.store.seen import SeenRecord, SqliteSeenStore
from crawler.text import text_digest
from tests.support import CrawlRun, run_crawl

# ---------------------------------------------------------------------------- unit level


def _item(n: int, text: str = "نص أول", modified: str | None = None,
          published: str = "2024-11-20T10:00:00Z") -> dict[str, object]:
    return {"id": f"arabstoday-{n}", "canonical_url": f"https://www.arabstoday.net/{n}/x",
            "url": f"https://www.arabstoday.net/{n}/x", "site": "arabstoday",
            "published_at": published, "modified_at": modified, "text": text, "version": 1}


@pytest.fixture
def incremental(tmp_path: Path) -> Iterator[Incremental]:
    crawler = get_crawler(ArabsTodaySpider)
    stats = MemoryStatsCollector(crawler)
    store = SqliteSeenStore(tmp_path / "seen.sqlite3")
    yield Incremental(store, stats, recheck_days=3,
                      now=datetime(2024, 11, 22, 12, 0, tzinfo=UTC))
    store.close()


def _export(state: Incremental, item: dict[str, object]) -> None:
    state.item_exported(item, spider=None)  # type: ignore[arg-type]


def test_new_article_is_fetched_and_gets_version_1(incremental: Incremental) -> None:
    assert incremental.wants("arabstoday-1")
    assert incremental.version_of(_item(1)) == 1
    assert incremental.stats.get_value("incremental/new") == 1


def test_exported_old_article_is_not_fetched_unless_refresh(incremental: Incremental) -> None:
    _export(incremental, _item(1, published="2024-10-01T00:00:00Z"))
    assert not incremental.wants("arabstoday-1")
    assert incremental.stats.get_value("incremental/skipped_seen") == 1
    fresh = Incremental(incremental.store, incremental.stats, 3, now=incremental.now)
    assert fresh.wants("arabstoday-1", refresh=True)
    assert incremental.stats.get_value("incremental/refetch_refresh") == 1


def test_the_answer_is_given_and_counted_once_per_article(incremental: Incremental) -> None:
    _export(incremental, _item(1, published="2024-10-01T00:00:00Z"))
    assert [incremental.wants("arabstoday-1") for _ in range(3)] == [False] * 3
    assert incremental.stats.get_value("incremental/skipped_seen") == 1


def test_recent_article_is_rechecked_within_the_window(incremental: Incremental) -> None:
    _export(incremental, _item(1, published="2024-11-20T00:00:00Z"))  # 2.5 days before now
    _export(incremental, _item(2, published="2024-11-18T00:00:00Z"))  # 4.5 days before now
    _export(incremental, _item(3, published=""))  # no date: never re-checked
    assert incremental.wants("arabstoday-1")
    assert not incremental.wants("arabstoday-2")
    assert not incremental.wants("arabstoday-3")
    assert incremental.stats.get_value("incremental/refetch_recent") == 1


def test_changed_text_or_modified_at_gives_next_version(incremental: Incremental) -> None:
    _export(incremental, {**_item(1), "version": 2})
    _export(incremental, _item(2, modified="2024-11-20T00:00:00Z"))
    assert incremental.version_of(_item(1, text="نص  أول\n")) is None  # whitespace only
    assert incremental.version_of(_item(1, text="نص ثان")) == 3
    assert incremental.version_of(_item(2, modified="2024-11-21T00:00:00Z")) == 2
    assert incremental.stats.get_value("incremental/unchanged") == 1
    assert incremental.stats.get_value("incremental/new_version") == 2


def test_a_second_copy_in_the_same_run_is_not_exported(incremental: Incremental) -> None:
    assert incremental.version_of(_item(1)) == 1
    assert incremental.version_of(_item(1)) is None
    assert incremental.stats.get_value("incremental/duplicate_in_run") == 1


def test_record_is_written_only_on_export(incremental: Incremental) -> None:
    incremental.version_of(_item(1))
    assert incremental.store.get("arabstoday-1") is None
    _export(incremental, _item(1))
    record = incremental.store.get("arabstoday-1")
    assert isinstance(record, SeenRecord)
    assert record.text_hash == text_digest("نص أول") and record.version == 1


def test_pipeline_without_incremental_sets_version_1() -> None:
    item = _item(1)
    del item["version"]
    assert IncrementalPipeline(None).process_item(item)["version"] == 1


def test_incremental_off_by_default_on_with_setting_or_jobdir(tmp_path: Path) -> None:
    with pytest.raises(NotConfigured):
        Incremental.from_crawler(get_crawler(ArabsTodaySpider))
    for extra in ({"INCREMENTAL": True}, {"JOBDIR": str(tmp_path / "job")}):
        crawler = get_crawler(ArabsTodaySpider, {"STATE_DIR": str(tmp_path / "s"), **extra})
        state = Incremental.from_crawler(crawler)
        assert isinstance(state.store, SqliteSeenStore)
        state.store.close()


def test_bad_settings_are_refused(tmp_path: Path) -> None:
    settings = {"INCREMENTAL": True, "STATE_DIR": str(tmp_path), "INCREMENTAL_NOW": "yesterday"}
    with pytest.raises(ValueError, match="INCREMENTAL_NOW"):
        Incremental.from_crawler(get_crawler(ArabsTodaySpider, settings))
    with pytest.raises(ValueError, match="RECHECK_DAYS"):
        Incremental(SqliteSeenStore(tmp_path / "x.db"), MemoryStatsCollector(get_crawler()), -1)
    assert Settings({"RECHECK_DAYS": "2"}).getfloat("RECHECK_DAYS") == 2.0


# ---------------------------------------------------------------------------- end to end

FIRST_PAGES = 45
MORE_PAGES = 50
CHANGED = (13, 21)  # article indices whose text changes in the "edited" network
RECHECK_NOW = datetime(2024, 11, 19, 12, 0, tzinfo=UTC)


class RecordingNetwork(SimulatedNetwork):
    """Remembers the target (path and query) of every request it answers."""

    def __init__(self, pages: int):
        super().__init__(pages)
        self.requested: list[str] = []

    def respond(self, host: str, target: str, headers: Mapping[str, str] | None = None
                ) -> SimResponse:
        self.requested.append(target)
        return super().respond(host, target, headers)


class EditedNetwork(RecordingNetwork):
    """The same network with the text of a few articles rewritten (a correction)."""

    def _build_article(self, index: int) -> SimArticle:
        article = super()._build_article(index)
        if index not in CHANGED:
            return article
        return dataclasses.replace(
            article, paragraphs=[*article.paragraphs[:-1], "فقرة مصححة أضيفت بعد النشر للتجربة."])


def _crawl(tmp_path: Path, network: SimulatedNetwork, name: str, *extra: str) -> CrawlRun:
    sites = "sites=" + ",".join(site.key for site in network.sites)
    with running_simulator(network) as base_url:
        return run_crawl(tmp_path, "-a", f"via={base_url}", "-a", sites,
                         "-s", "INCREMENTAL=1", "-s", f"STATE_DIR={tmp_path / 'state'}",
                         "-s", "MAX_LISTING_PAGES=100", "-s", "INCREMENTAL_NOW=2030-01-01",
                         *extra, name=name)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, CrawlRun]:
    """One state folder, five runs in order: first, again, grown, recheck, edited+refresh."""
    tmp = tmp_path_factory.mktemp("incremental")
    first_net, again_net = RecordingNetwork(FIRST_PAGES), RecordingNetwork(FIRST_PAGES)
    more_net = SimulatedNetwork(MORE_PAGES)
    out = {"first": _crawl(tmp, first_net, "first")}
    out["again"] = _crawl(tmp, again_net, "again")
    out["first"].report["requested"] = first_net.requested
    out["again"].report["requested"] = again_net.requested
    out["grown"] = _crawl(tmp, more_net, "grown")
    # A re-check window of 5 days before RECHECK_NOW: the recent articles are fetched again,
    # and being unchanged, not exported.
    out["recheck"] = _crawl(tmp, more_net, "recheck", "-s", "RECHECK_DAYS=5",
                            "-s", f"INCREMENTAL_NOW={RECHECK_NOW.isoformat()}")
    out["refresh"] = _crawl(tmp, EditedNetwork(MORE_PAGES), "refresh", "-a", "refresh=1")
    return out


@pytest.mark.slow
def test_first_run_exports_every_article_as_version_1(runs: dict[str, CrawlRun]) -> None:
    first = runs["first"]
    assert first.urls() == set(SimulatedNetwork(FIRST_PAGES).manifest())
    assert len(first.items) == FIRST_PAGES
    assert {item["version"] for item in first.items} == {1}
    assert first.stats["incremental/new"] == FIRST_PAGES


@pytest.mark.slow
def test_second_run_fetches_no_article_and_exports_nothing(runs: dict[str, CrawlRun]) -> None:
    again = runs["again"]
    assert again.items == []
    assert again.stats["incremental/skipped_seen"] == FIRST_PAGES
    per_site = {key.rsplit("/", 1)[1]: value for key, value in again.stats.items()
                if key.startswith("incremental/skipped_seen/site/")}
    assert per_site == dict(Counter(item["site"] for item in runs["first"].items))
    assert "incremental/new" not in again.stats
    # feeds, sitemaps and listings were fetched again; none of the exported articles was
    before, now = set(runs["first"].report["requested"]), set(again.report["requested"])
    exported = {urlsplit(item["canonical_url"]).path for item in runs["first"].items}
    assert {"/robots.txt", "/sitemap.xml", "/rss", "/", "/485?page=2"} <= now
    assert before - now == exported
    phases = "discovery/phase_complete"
    assert again.stats[phases] == runs["first"].stats[phases]


def _instant(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


@pytest.mark.slow
def test_five_new_pages_give_exactly_five_items(runs: dict[str, CrawlRun]) -> None:
    grown = runs["grown"]
    new = (set(SimulatedNetwork(MORE_PAGES).manifest())
           - set(SimulatedNetwork(FIRST_PAGES).manifest()))
    assert len(new) == MORE_PAGES - FIRST_PAGES
    assert grown.urls() == new
    assert len(grown.items) == len(new)
    assert {item["version"] for item in grown.items} == {1}


@pytest.mark.slow
def test_recent_articles_are_rechecked_and_unchanged_ones_not_exported(
        runs: dict[str, CrawlRun]) -> None:
    recheck = runs["recheck"]
    assert recheck.items == []
    everything = runs["first"].items + runs["grown"].items
    recent = [item for item in everything if item["published_at"]
              and RECHECK_NOW - _instant(item["published_at"]) < timedelta(days=5)]
    assert len(recent) >= 3, "the simulator should have articles in the window"
    assert recheck.stats["incremental/refetch_recent"] == len(recent)
    assert recheck.stats["incremental/unchanged"] == len(recent)


@pytest.mark.slow
def test_refresh_exports_only_the_changed_articles_as_new_versions(
        runs: dict[str, CrawlRun]) -> None:
    refresh = runs["refresh"]
    edited = EditedNetwork(MORE_PAGES)
    assert refresh.urls() == {edited.article(i).canonical_url for i in CHANGED}
    assert {item["version"] for item in refresh.items} == {2}
    assert all("فقرة مصححة" in item["text"] for item in refresh.items)
    assert refresh.stats["incremental/refetch_refresh"] == MORE_PAGES
    assert refresh.stats["incremental/unchanged"] == MORE_PAGES - len(CHANGED)
