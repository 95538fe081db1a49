"""A hostile site on loopback (crawler.simulator.hostile): endless and fanned-out sitemap
indexes, calendar listings, huge listing pages, 5,000-digit links, pathological pages, control
characters and stray bytes. Each crawl must end by itself, within its budgets, with every real
article of the site exported and every bound it hit named in the run report."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crawler.cli import main
from crawler.items import is_http_url
from crawler.simulator.hostile import PAGE_TRAPS, TRAP_ARTICLES, HostileNetwork
from crawler.simulator.server import running_simulator
from tests.support import NETGUARD, PROJECT_ROOT, CrawlRun, run_crawl

pytestmark = pytest.mark.slow

CRAWL_TIMEOUT = 120


def crawl_trapped(tmp: Path, network: HostileNetwork, *args: str, name: str = "run"
                  ) -> tuple[CrawlRun, float]:
    with running_simulator(network) as base:
        started = time.monotonic()
        run = run_crawl(tmp, "-a", f"via={base}", "-a", "sites=arabstoday", *args, name=name,
                        timeout=CRAWL_TIMEOUT)
    return run, time.monotonic() - started


def strings(value: Any) -> Iterator[tuple[str, str]]:
    """Every (field path, string) of an item, keys included."""
    stack: list[tuple[str, Any]] = [("", value)]
    while stack:
        where, node = stack.pop()
        if isinstance(node, str):
            yield where, node
        elif isinstance(node, dict):
            for key, child in node.items():
                yield f"{where}.{key}", str(key)
                stack.append((f"{where}.{key}", child))
        elif isinstance(node, list):
            stack.extend((f"{where}[{n}]", child) for n, child in enumerate(node))


def unwanted(text: str, newlines: bool) -> list[str]:
    return [f"U+{ord(c):04X}" for c in text
            if (ord(c) < 0x20 and not (newlines and c == "\n")) or 0x7F <= ord(c) <= 0x9F
            or 0xD800 <= ord(c) <= 0xDFFF]


# ------------------------------------------------------------------ discovery traps


@pytest.fixture(scope="module")
def discovery(tmp_path_factory: pytest.TempPathFactory
              ) -> tuple[HostileNetwork, CrawlRun, float]:
    network = HostileNetwork(["sitemap_chain", "calendar", "huge_listing", "big_number"])
    run, seconds = crawl_trapped(tmp_path_factory.mktemp("discovery"), network,
                                 "-s", "DISCOVERY_MAX_LISTING_PAGES=60")
    return network, run, seconds


def test_discovery_traps_end_within_their_budgets(
        discovery: tuple[HostileNetwork, CrawlRun, float]) -> None:
    network, run, seconds = discovery
    assert run.report["finish_reason"] == "finished" and seconds < 90
    assert "Traceback" not in run.log
    budgets = run.report["budget"]
    for name in ("sitemap_depth", "listing_pages", "links_per_page"):
        assert budgets.get(f"{name}/arabstoday", 0) >= 1, (name, budgets)
    assert run.stats["discovery/phase_complete"] == 1
    chain = [p for p in network.paths if p.startswith("/sitemaps/chain/")]
    assert len(chain) == 3  # depth 1..3 below /sitemap.xml (DISCOVERY_MAX_SITEMAP_DEPTH)
    calendar = [p for p in network.paths if p[1:].isdigit() and len(p) > 7]
    assert 0 < len(calendar) <= 60
    huge = [p for p in network.paths if "-huge-" in p]
    assert len(huge) <= 1000  # DISCOVERY_MAX_LINKS_PER_PAGE of the home page, not 40,000
    assert "budgets hit" in run.log


def test_the_real_articles_are_all_exported_despite_the_traps(
        discovery: tuple[HostileNetwork, CrawlRun, float]) -> None:
    network, run, _ = discovery
    assert run.urls() == set(network.site_manifest())


def test_a_5000_digit_link_drops_that_link_only(
        discovery: tuple[HostileNetwork, CrawlRun, float]) -> None:
    network, run, _ = discovery
    stats = run.stats
    assert stats["discovery/not_article/number_too_long"] >= 2  # the sitemap's and the feed's
    assert stats["discovery/listing/rejected/number_too_long"] >= 1
    assert not any(key.startswith("discovery/page_error") for key in stats)
    assert not any("9" * 100 in path for path in network.paths)


def test_a_fanned_out_sitemap_index_stops_at_the_sitemap_budget(tmp_path: Path) -> None:
    network = HostileNetwork(["sitemap_fanout"], delay=0.01)
    run, seconds = crawl_trapped(tmp_path, network, "-s", "DISCOVERY_MAX_SITEMAPS=40",
                                 "-s", "CONCURRENT_REQUESTS=4")
    assert run.report["finish_reason"] == "finished" and seconds < 90
    assert run.report["budget"]["sitemaps/arabstoday"] >= 1
    assert network.trap_requests <= 40
    assert run.urls() == set(network.site_manifest())
    # The held articles went out when the budget was hit, before discovery ended.
    assert run.stats["discovery/released_early"] >= 1
    first_article = next(i for i, p in enumerate(network.paths) if p.count("/") == 2
                         and "-" in p and not p.startswith("/sitemaps"))
    last_sitemap = max(i for i, p in enumerate(network.paths) if p.startswith("/sitemaps/fan"))
    assert first_article < last_sitemap


# ------------------------------------------------------------------ page traps


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> tuple[HostileNetwork, CrawlRun, float]:
    network = HostileNetwork(PAGE_TRAPS)
    run, seconds = crawl_trapped(tmp_path_factory.mktemp("pages"), network,
                                 "-s", "REPORT_FAIL_EXIT=0")  # trap pages are not articles
    return network, run, seconds


def test_pathological_pages_do_not_freeze_the_crawl(
        pages: tuple[HostileNetwork, CrawlRun, float]) -> None:
    network, run, seconds = pages
    assert run.report["finish_reason"] == "finished" and seconds < 60
    assert "Traceback" not in run.log
    fetched = set(network.paths)
    assert set(TRAP_ARTICLES.values()) <= fetched
    assert set(network.site_manifest()) <= run.urls()


def test_no_control_character_or_unsafe_url_reaches_the_output(
        pages: tuple[HostileNetwork, CrawlRun, float], tmp_path: Path) -> None:
    network, run, _ = pages
    [item] = [i for i in run.items if i["canonical_url"] == network.control_url]
    for where, text in strings(run.items):
        assert not unwanted(text, newlines=where.endswith(".text")), (where, text)
    assert item["title"] and item["authors"] and item["tags"]
    assert all(is_http_url(image["url"]) for i in run.items for image in i["images"])
    output = tmp_path / "items.jsonl"
    output.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in run.items),
                      encoding="utf-8")
    assert main(["validate", str(output)]) == 0


def test_one_stray_byte_keeps_the_page_utf8(
        pages: tuple[HostileNetwork, CrawlRun, float]) -> None:
    network, run, _ = pages
    [item] = [i for i in run.items if i["canonical_url"] == network.stray_url]
    assert item["language"] == "ar" and item["text"].startswith("\ufffd")
    arabic = sum("\u0600" <= c <= "\u06ff" for c in item["text"])
    assert arabic > 0.6 * len(item["text"].replace(" ", ""))
    assert "Ø" not in item["text"] and "Ù" not in item["title"]  # no mojibake
    assert run.stats["decode/replaced_bytes"] == 1
    assert run.stats["decode/pages_with_replaced_bytes"] == 1


@pytest.mark.parametrize("processes", ["0", "1"])
def test_a_page_over_its_time_budget_is_dropped_with_a_reason(tmp_path: Path,
                                                             processes: str) -> None:
    network = HostileNetwork(["spans", "tiny_paragraphs"])
    run, seconds = crawl_trapped(tmp_path, network, "-s", "PAGE_ANALYSIS_TIMEOUT=0.1",
                                 "-s", f"ANALYSIS_PROCESSES={processes}",
                                 "-s", "REPORT_FAIL_EXIT=0")
    assert seconds < 90
    assert run.stats["dropped/analysis_timeout"] >= 1
    lost = {entry["url"]: entry["reason"] for entry in run.stats["failed_articles"]}
    assert "analysis_timeout" in {lost.get(url) for url in lost if "trap-" in url}
    real = set(network.site_manifest())
    assert len(run.urls() & real) >= 0.8 * len(real)


# ------------------------------------------------------------------ stopping


def _crawl_process(tmp: Path, base: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(NETGUARD), str(PROJECT_ROOT)])}
    return subprocess.Popen(
        [sys.executable, "-m", "scrapy", "crawl", "arabstoday", "-O", str(tmp / "out.jsonl"),
         "-a", f"via={base}", "-a", "sites=arabstoday", "-s", f"REPORT_DIR={tmp / 'reports'}",
         "-s", f"LOG_FILE={tmp / 'log'}", "-s", f"STATE_DIR={tmp / 'state'}", *args],
        cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True)


@pytest.mark.parametrize(("processes", "signum"), [
    ("0", signal.SIGINT), ("0", signal.SIGTERM), ("1", signal.SIGINT), ("1", signal.SIGTERM)])
def test_a_signal_stops_the_crawl_within_seconds(tmp_path: Path, processes: str,
                                                 signum: int) -> None:
    network = HostileNetwork(["calendar", "spans", "tiny_paragraphs", "jsonld_graph"],
                             delay=0.3)
    with running_simulator(network) as base:
        proc = _crawl_process(tmp_path, base, "-s", f"ANALYSIS_PROCESSES={processes}")
        try:
            deadline = time.monotonic() + 60
            while not any("trap-" in p for p in network.paths) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert proc.poll() is None, "the crawl ended before the signal"
            started = time.monotonic()
            proc.send_signal(signum)
            proc.wait(timeout=30)
            stopped = time.monotonic() - started
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=10)
    assert stopped < 15, stopped
    [report] = (tmp_path / "reports").glob("*.json")
    assert json.loads(report.read_text(encoding="utf-8"))["finish_reason"] == "shutdown"
