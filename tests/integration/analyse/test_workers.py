"""Page analysis in the crawl process or in worker processes: same results either way, a dead
worker costs a retry (then a counted drop), and a crawl with a pool exports what one without
does."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from crawler.analyse import workers
from crawler.analyse.minhash import text_fingerprint
from crawler.analyse.page import FetchedPage, PageAnalysis, analyse_page
from crawler.analyse.templates import page_fingerprints
from crawler.analyse.workers import PageAnalyser
from crawler.extract.article import extract_article
from crawler.extract.page import decode_html, parse_page
from crawler.simulator.network import SimulatedNetwork
from crawler.simulator.server import running_simulator
from tests.support import run_crawl

PAGES = 24


@pytest.fixture(scope="module")
def network() -> SimulatedNetwork:
    return SimulatedNetwork(pages=PAGES)


def fetched(network: SimulatedNetwork, url: str) -> FetchedPage:
    parts = urlsplit(url)
    response = network.respond(parts.netloc, parts.path, {})
    assert response.status == 200
    html = decode_html(response.body, response.headers.get("Content-Type"))
    return FetchedPage(url=url, canonical_url=url, site="arabstoday", html=html, status=200,
                       fetched_at="2026-11-29T00:00:00Z")


def analyse_all(analyser: PageAnalyser, pages: list[FetchedPage]) -> list[PageAnalysis]:
    async def run() -> list[PageAnalysis]:
        try:
            return list(await asyncio.gather(*(analyser.analyse(p) for p in pages)))
        finally:
            analyser.close()

    return asyncio.run(run())


def crash_on_marked_pages(html: str, url: str, feed: dict[str, Any], fetched_at: str | None,
                          fingerprints: bool = True,
                          dedup: tuple[int, int] | None = None) -> PageAnalysis:
    """Kills its worker process on a URL containing "crash", like a segfault in C code would."""
    if "crash" in url:
        os._exit(1)
    return analyse_page(html, url, feed, fetched_at, fingerprints, dedup)


def endless_on_marked_pages(html: str, url: str, feed: dict[str, Any], fetched_at: str | None,
                            fingerprints: bool = True,
                            dedup: tuple[int, int] | None = None) -> PageAnalysis:
    """Never returns on a URL containing "endless" (pure Python, as a super-linear step); deaf
    to the time budget's alarm too on one containing "deaf", as if stuck in C code."""
    if "deaf" in url:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    while "endless" in url:
        pass
    return analyse_page(html, url, feed, fetched_at, fingerprints, dedup)


def test_analysis_is_fingerprints_plus_article(network: SimulatedNetwork) -> None:
    url = network.manifest()[0]
    page = fetched(network, url)
    analysis = analyse_page(page.html, url, {}, page.fetched_at)
    assert analysis.fingerprints == frozenset(page_fingerprints(parse_page(page.html, url)))
    assert analysis.article == extract_article(page.html, url, feed={},
                                               fetched_at=page.fetched_at)
    assert analysis.reason is None
    assert analyse_page(page.html, url, {}, None, fingerprints=False).fingerprints == frozenset()


@pytest.mark.slow
def test_workers_compute_the_dedup_fingerprint_for_the_pipeline(
        network: SimulatedNetwork) -> None:
    pages = [fetched(network, url) for url in network.manifest()[:3]]
    analyser = PageAnalyser(1, dedup=(64, 3))
    results = analyse_all(analyser, pages)
    for result in results:
        assert result.article is not None
        text = result.article["text"]
        expected = text_fingerprint(text, 64, 3)
        assert result.text_fingerprint is not None
        assert result.text_fingerprint.digest == expected.digest
        assert result.text_fingerprint.signature.tolist() == expected.signature.tolist()
        assert analyser.text_fingerprint(text, 128, 3) is None  # other parameters
        assert analyser.text_fingerprint(text + " ", 64, 3) is None  # text changed since
        found = analyser.text_fingerprint(text, 64, 3)
        assert found is not None and found.digest == expected.digest
        assert analyser.text_fingerprint(text, 64, 3) is None  # handed out once
    in_process = PageAnalyser(0, dedup=(64, 3))
    assert analyse_all(in_process, pages[:1])[0].text_fingerprint is None


@pytest.mark.slow
def test_workers_compute_the_paragraph_fingerprints_for_the_template_pipeline(
        network: SimulatedNetwork) -> None:
    from crawler.analyse.templates import fingerprint

    pages = [fetched(network, url) for url in network.manifest()[:3]]
    analyser = PageAnalyser(1, dedup=(64, 3))
    for result in analyse_all(analyser, pages):
        assert result.article is not None
        text = result.article["text"]
        expected = tuple(fingerprint(text[span["start"]:span["end"]])
                         for span in result.article["paragraphs"])
        assert result.paragraph_fingerprints == expected
        assert analyser.paragraph_fingerprints(text + " ") is None
        assert analyser.paragraph_fingerprints(text) == expected  # still there for dedup
        assert analyser.text_fingerprint(text, 64, 3) is not None
        assert analyser.paragraph_fingerprints(text) is None  # dedup was the last use
    no_templates = analyse_page(pages[0].html, pages[0].url, {}, None, fingerprints=False)
    assert no_templates.paragraph_fingerprints is None


def test_not_an_article_is_a_reason_not_an_exception() -> None:
    analysis = analyse_page("", "https://www.arabstoday.net/1/094512-x", {}, None)
    assert analysis.article is None and analysis.reason == "empty"


@pytest.mark.slow
def test_worker_pool_gives_the_in_process_results(network: SimulatedNetwork) -> None:
    pages = [fetched(network, url) for url in network.manifest()[:8]]
    in_process = analyse_all(PageAnalyser(0), pages)
    pooled = analyse_all(PageAnalyser(2), pages)
    assert pooled == in_process
    assert all(a.article for a in pooled)


@pytest.mark.slow
def test_dead_worker_restarts_the_pool_and_drops_only_the_killer_page(
        network: SimulatedNetwork) -> None:
    urls = network.manifest()[:6]
    pages = [fetched(network, url) for url in urls]
    killer = FetchedPage(**{**pages[0].__dict__, "url": urls[0] + "-crash"})
    crashes: list[str] = []
    analyser = PageAnalyser(1, analyse=crash_on_marked_pages, on_crash=crashes.append)
    results = analyse_all(analyser, [killer, *pages])
    assert results[0].article is None and results[0].reason == "analysis_crashed"
    for result, page in zip(results[1:], pages, strict=True):
        assert result.article and result.article["url"] == page.url
    assert killer.url in crashes


@pytest.mark.slow
def test_close_in_the_event_loop_lets_the_workers_exit(network: SimulatedNetwork) -> None:
    """The crawl closes the pool from a signal handler in the event loop: the workers see the
    end of their input at once and exit 0, not killed after the join timeout (-9)."""
    analyser = PageAnalyser(2)
    page = fetched(network, network.manifest()[0])

    async def analyse_then_close() -> list[Any]:
        await analyser.analyse(page)
        assert analyser._pool is not None
        processes = [worker.process for worker in analyser._pool.workers]
        analyser.close()
        return processes

    processes = asyncio.run(analyse_then_close())
    assert [process.exitcode for process in processes] == [0, 0]


@pytest.mark.slow
@pytest.mark.parametrize("processes", [0, 1])
def test_a_page_over_its_time_budget_is_dropped_and_the_others_come_through(
        network: SimulatedNetwork, processes: int) -> None:
    pages = [fetched(network, url) for url in network.manifest()[:3]]
    endless = FetchedPage(**{**pages[0].__dict__, "url": pages[0].url + "-endless"})
    analyser = PageAnalyser(processes, analyse=endless_on_marked_pages, timeout=0.5)
    started = time.monotonic()
    results = analyse_all(analyser, [endless, *pages])
    assert time.monotonic() - started < 10
    assert results[0].article is None and results[0].reason == "analysis_timeout"
    assert all(result.article for result in results[1:])


@pytest.mark.slow
def test_a_worker_deaf_to_its_alarm_is_killed(network: SimulatedNetwork,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "HARD_TIMEOUT_GRACE", 1.0)
    pages = [fetched(network, url) for url in network.manifest()[:2]]
    deaf = FetchedPage(**{**pages[0].__dict__, "url": pages[0].url + "-endless-deaf"})
    analyser = PageAnalyser(1, analyse=endless_on_marked_pages, timeout=0.3)
    started = time.monotonic()
    results = analyse_all(analyser, [deaf, *pages])
    assert time.monotonic() - started < 15
    assert results[0].reason == "analysis_timeout"
    assert all(result.article for result in results[1:])  # analysed again on their own


def test_negative_pool_size_is_refused() -> None:
    with pytest.raises(ValueError, match="ANALYSIS_PROCESSES"):
        PageAnalyser(-1)


@pytest.fixture(scope="module")
def simulator(network: SimulatedNetwork) -> Iterator[str]:
    with running_simulator(network) as base_url:
        yield base_url


@pytest.mark.slow
def test_crawl_with_worker_processes_exports_the_same_items(
        network: SimulatedNetwork, simulator: str, tmp_path: Path) -> None:
    sites = "sites=" + ",".join(site.key for site in network.sites)
    common = ("-a", f"via={simulator}", "-a", sites)
    (tmp_path / "alone").mkdir()
    (tmp_path / "pooled").mkdir()
    alone = run_crawl(tmp_path / "alone", *common, name="alone")
    pooled = run_crawl(tmp_path / "pooled", *common, "-s", "ANALYSIS_PROCESSES=2",
                       name="pooled")
    assert "page analysis in 2 worker processes" in pooled.log
    assert "page analysis in" not in alone.log

    def by_id(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        return {item["id"]: {k: v for k, v in item.items() if k != "fetched_at"}
                for item in items}

    assert len(pooled.items) == len(network.manifest())
    assert by_id(pooled.items) == by_id(alone.items)
    assert any(item["duplicate_of"] for item in pooled.items), "no copies: dedup untested"

