"""Run reports: coverage, drops, errors and duration per run; checks that make a broken run exit
non-zero (a layout change on a site); ``crawler report`` as a table and a plot; progress lines."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from crawler.cli import main as crawler_main
from crawler.ops.report import FieldCoverage, check_report, format_summary, pages_fetched
from crawler.simulator.network import SimResponse, SimulatedNetwork
from crawler.simulator.server import running_simulator
from tests.support import NETGUARD, PROJECT_ROOT

PAGES = 60
THRESHOLDS = {"title": 0.95, "text": 0.95, "published_at": 0.8}


class RelaunchedNetwork(SimulatedNetwork):
    """The same network after a redesign of one site: its article pages lost their paragraphs
    (the extractor finds no body, every one of them is dropped)."""

    broken_site = "casablancatoday"

    def respond(self, host: str, target: str, headers: Mapping[str, str] | None = None
                ) -> SimResponse:
        response = super().respond(host, target, headers)
        if not host.split(".")[-2].startswith(self.broken_site):
            return response
        if b"<p" in response.body and response.headers.get("Content-Type", "").startswith(
                "text/html"):
            body = re.sub(rb"<p[ >].*?</p>", b"", response.body, flags=re.S)
            return replace(response, body=body)
        return response


@dataclass
class Run:
    returncode: int
    report: dict[str, Any]
    log: str
    stderr: str


def crawl(tmp_path: Path, base_url: str, name: str, reports: Path, *args: str) -> Run:
    """``scrapy crawl`` in a subprocess, like cron runs it; the exit status is kept, not judged."""
    log = tmp_path / f"{name}.log"
    before = set(reports.glob("*.json")) if reports.exists() else set()
    command = [sys.executable, "-m", "scrapy", "crawl", "arabstoday", "-O",
               str(tmp_path / f"{name}.jsonl"), "-a", f"via={base_url}",
               "-a", "sites=" + ",".join(site.key for site in SimulatedNetwork(0).sites),
               "-s", f"REPORT_DIR={reports}", "-s", f"LOG_FILE={log}", *args]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(NETGUARD), str(PROJECT_ROOT)])}
    proc = subprocess.run(command, cwd=PROJECT_ROOT, env=env, timeout=240, capture_output=True,
                          text=True)
    [new] = set(reports.glob("*.json")) - before
    return Run(proc.returncode, json.loads(new.read_text(encoding="utf-8")),
               log.read_text(encoding="utf-8"), proc.stderr)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("report")


@pytest.fixture(scope="module")
def runs(folder: Path) -> dict[str, Run]:
    """Three runs into one report folder: healthy, healthy again, after a site's redesign."""
    reports = folder / "reports"
    out: dict[str, Run] = {}
    with running_simulator(SimulatedNetwork(PAGES)) as base_url:
        out["first"] = crawl(folder, base_url, "first", reports, "-s", "PROGRESS_INTERVAL=0.05")
        out["second"] = crawl(folder, base_url, "second", reports)
    with running_simulator(RelaunchedNetwork(PAGES)) as base_url:
        out["broken"] = crawl(folder, base_url, "broken", reports)
    return out


@pytest.fixture(scope="module")
def network() -> SimulatedNetwork:
    return SimulatedNetwork(PAGES)


def test_healthy_run_exits_zero_and_reports_everything(runs: dict[str, Run],
                                                      network: SimulatedNetwork) -> None:
    first = runs["first"]
    assert first.returncode == 0, first.stderr[-2000:]
    report = first.report
    assert report["items_exported"] == len(network.manifest())
    expected_sites: dict[str, int] = {}
    for url in network.manifest():
        key = next(s.key for s in network.sites if s.domain in url)
        expected_sites[key] = expected_sites.get(key, 0) + 1
    assert report["items_site"] == expected_sites
    assert report["elapsed_seconds"] > 0
    assert report["dropped"] == {"error_page": 1}
    assert report["http_errors"] == {"404": report["http_status"]["404"]}
    assert report["checks"]["failures"] == []
    assert report["checks"]["previous_report"] is None
    coverage = report["coverage"]
    assert set(coverage) >= {"title", "text", "published_at", "authors", "images"}
    assert coverage["title"] == coverage["text"] == 1.0
    assert 0.0 < coverage["authors"] < 1.0
    # the error page is not an article page: it does not count against coverage
    assert report["article_pages"] == report["items_exported"]


def test_coverage_is_the_share_of_items_with_the_field(runs: dict[str, Run],
                                                      folder: Path) -> None:
    first = runs["first"]
    jsonl = folder / "first.jsonl"
    items = [json.loads(line) for line in jsonl.read_text("utf-8").splitlines()]
    for name in ("authors", "modified_at", "images", "section"):
        share = sum(1 for item in items if item[name] not in (None, "", [], {})) / len(items)
        assert first.report["coverage"][name] == round(share, 4)


def test_summary_is_printed_and_logged(runs: dict[str, Run]) -> None:
    first = runs["first"]
    assert "run report" in first.stderr and "checks: ok" in first.stderr
    assert "items per site:" in first.log and "coverage: title 100%" in first.log
    assert len(format_summary(first.report).splitlines()) <= 20


def test_progress_lines_give_items_per_minute_per_site(runs: dict[str, Run]) -> None:
    lines = [line for line in runs["first"].log.splitlines() if "progress:" in line]
    assert lines
    assert re.search(r"items/min per site: (\w+ \d+\.\d(, )?)+", "\n".join(lines))
    assert "progress:" not in runs["second"].log  # default interval: 60 s, longer than a run


def test_second_healthy_run_compares_with_the_first(runs: dict[str, Run]) -> None:
    second = runs["second"]
    assert second.returncode == 0
    assert second.report["checks"]["previous_report"] == runs["first"].report["start_time"]


def test_layout_change_fails_the_run(runs: dict[str, Run]) -> None:
    broken = runs["broken"]
    assert broken.returncode == 1
    failures = broken.report["checks"]["failures"]
    assert any(f.startswith("site casablancatoday had") and f.endswith("0 now")
               for f in failures), failures
    assert any(f.startswith("coverage of text") for f in failures), failures
    assert broken.report["article_pages"] > broken.report["items_exported"]
    assert "FAILED CHECKS" in broken.stderr
    assert "run check failed: site casablancatoday" in broken.log
    # the healthy sites still exported their articles
    assert set(broken.report["items_site"]) == set(runs["first"].report["items_site"]) - {
        "casablancatoday"}


def test_crawler_report_renders_table_and_plot(runs: dict[str, Run], folder: Path,
                                               tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    reports = folder / "reports"
    plot = tmp_path / "runs.png"
    assert crawler_main(["report", "--dir", str(reports), "--last", "2",
                         "--plot", str(plot)]) == 0
    out = capsys.readouterr().out.splitlines()
    header, *rows = out[:3]
    assert header.split()[:3] == ["start", "(UTC)", "secs"]
    assert len(rows) == 2  # --last 2: the second and the broken run, oldest first
    assert rows[0].endswith("ok") and "FAILED (" in rows[1]
    assert rows[0].split()[3] == str(runs["second"].report["items_exported"])
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert plot.stat().st_size > 10_000


def test_crawler_report_without_reports_fails(tmp_path: Path) -> None:
    assert crawler_main(["report", "--dir", str(tmp_path)]) == 1
    assert crawler_main(["report", "--dir", str(tmp_path), "--last", "0"]) == 2


# ------------------------------------------------------------------------------ the checks


def _report(items_site: dict[str, int], pages: int = 50, **coverage: float) -> dict[str, Any]:
    return {"items_site": items_site, "article_pages": pages, "sites": list(items_site),
            "coverage_of_article_pages": {"title": 1.0, "text": 1.0, "published_at": 1.0,
                                          **coverage}, "stats": {}}


def test_coverage_below_threshold_fails() -> None:
    report = _report({"a": 50}, published_at=0.79)
    assert check_report(report, None, THRESHOLDS, 10) == [
        "coverage of published_at is 79.0% < 80% over 50 article pages"]
    assert check_report(_report({"a": 50}, published_at=0.8), None, THRESHOLDS, 10) == []


def test_coverage_is_not_judged_on_a_handful_of_pages() -> None:
    assert check_report(_report({"a": 3}, pages=3, text=0.0), None, THRESHOLDS, 10) == []


def test_site_going_silent_fails_unless_it_was_not_crawled() -> None:
    previous = _report({"a": 10, "b": 5})
    assert check_report(_report({"a": 12, "b": 0}), previous, THRESHOLDS, 10) == [
        "site b had 5 items in the previous run and 0 now"]
    assert check_report(_report({"a": 12}), previous, THRESHOLDS, 10) == []  # b not crawled
    unchanged = {**_report({"a": 12, "b": 0}), "unchanged_site": {"b": 5}}
    assert check_report(unchanged, previous, THRESHOLDS, 10) == []


def test_incremental_run_without_per_site_counts_is_not_judged_per_site() -> None:
    previous = _report({"a": 10})
    now = {**_report({"a": 0}, pages=0), "stats": {"incremental/skipped_seen": 10}}
    assert check_report(now, previous, THRESHOLDS, 10) == []


def test_a_run_that_fetched_no_page_fails_even_without_a_previous_report() -> None:
    stats = {"downloader/request_count": 6, "downloader/exception_count": 4,
             "response_received_count": 2, "replay/miss": 2}
    assert pages_fetched(stats) == 0
    nothing = {**_report({}, pages=0), "pages_fetched": 0, "stats": stats}
    assert check_report(nothing, None, THRESHOLDS, 10) == [
        "no page was fetched (6 requests: 2 not in the replay archive, 4 download errors)"]
    # one worker of a distributed run may have had nothing to do
    assert check_report({**nothing, "worker": "host-1"}, None, THRESHOLDS, 10) == []
    assert check_report({**nothing, "pages_fetched": 1}, None, THRESHOLDS, 10) == []
    assert pages_fetched({**stats, "response_received_count": 5}) == 3


def test_field_coverage_counts_failed_pages_as_empty() -> None:
    coverage = FieldCoverage(("title", "authors"))
    coverage.add_item({"title": "عنوان", "authors": []})
    coverage.add_item({"title": "عنوان آخر", "authors": ["كاتب"]})
    coverage.add_failed_page()
    assert coverage.of_items() == {"title": 1.0, "authors": 0.5}
    assert coverage.of_pages() == {"title": round(2 / 3, 4), "authors": round(1 / 3, 4)}



def test_incremental_run_with_nothing_new_passes_the_site_check(tmp_path: Path) -> None:
    """Hourly incremental runs: a site with no new article is not a broken site."""
    reports = tmp_path / "reports"
    incremental = ("-s", "INCREMENTAL=1", "-s", f"STATE_DIR={tmp_path / 'state'}",
                   "-s", "INCREMENTAL_NOW=2030-01-01")
    with running_simulator(SimulatedNetwork(40)) as base_url:
        first = crawl(tmp_path, base_url, "first", reports, *incremental)
        again = crawl(tmp_path, base_url, "again", reports, *incremental)
    assert first.returncode == 0 and first.report["items_exported"] == 40
    assert again.report["items_exported"] == 0
    assert again.report["unchanged_site"] == first.report["items_site"]
    assert again.report["checks"]["failures"] == []
    assert again.report["checks"]["previous_report"] == first.report["start_time"]
    assert again.returncode == 0, again.stderr[-2000:]


def test_summary_lists_duplicates_and_failed_checks() -> None:
    summary = format_summary({
        "start_time": "2026-01-01T00:00:00Z", "finish_time": "2026-01-01T00:01:00Z",
        "elapsed_seconds": 60.0, "finish_reason": "finished", "items_exported": 5,
        "items_site": {"arabstoday": 5}, "dedup": {"new": 4, "near": 1},
        "http_errors": {"503": 2}, "checks": {"failures": ["site x had 3 items ..."]}})
    lines = summary.splitlines()
    assert "duplicates: near 1" in lines
    assert "HTTP errors: 503 2" in lines
    assert lines[-2:] == ["FAILED CHECKS:", "  - site x had 3 items ..."]
