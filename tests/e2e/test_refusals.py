"""A run that cannot do its job says so: ``scrapy crawl`` as a user types it refuses a bad
argument, setting or source with one line on stderr and exit status 2 before anything starts;
a run that fetched no page at all fails its checks (exit 1) even without an earlier report."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.support import NETGUARD, PROJECT_ROOT


def scrapy_crawl(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``scrapy crawl arabstoday`` with Scrapy's default logging (to stderr, as a user sees it)."""
    command = [sys.executable, "-m", "scrapy", "crawl", "arabstoday",
               "-O", str(tmp_path / "out.jsonl"), "-s", f"REPORT_DIR={tmp_path / 'reports'}",
               "-s", f"STATE_DIR={tmp_path / 'state'}", *args]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(NETGUARD), str(PROJECT_ROOT)])}
    return subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    """A loopback port where nothing listens: bound, not listening, for the module's runs."""
    with socket.socket() as bound:
        bound.bind(("127.0.0.1", 0))
        yield int(bound.getsockname()[1])


CASES = {
    # the three
    "replay of a file that does not exist": (
        ("-a", "replay=output/typo.warc.gz"), "replay source not found: output/typo.warc.gz"),
    "via a port where nothing listens": (
        ("-a", "via=http://127.0.0.1:{port}"), "via http://127.0.0.1:{port} is unreachable: "),
    "since that is not a date": (
        ("-a", "since=2024-13-45"),
        "invalid spider argument since='2024-13-45': expected a date YYYY-MM-DD"),
    # and their kind
    "an unknown site key": (("-a", "sites=omantoday,atlantistoday"),
                            "unknown site 'atlantistoday'"),
    "an unknown channel": (("-a", "channels=rss"), "invalid spider argument channels='rss'"),
    "a dedup mode": (("-a", "dedup=merge"), "invalid spider argument dedup='merge'"),
    "an integer argument": (("-a", "max_items=ten"), "invalid spider argument max_items='ten'"),
    "a misspelt argument": (("-a", "site=omantoday"), "unknown spider argument 'site'"),
    "an empty replay": (("-a", "replay="), "invalid spider argument replay='': it needs a value"),
    "an integer setting": (("-s", "MAX_LISTING_PAGES=all"),
                           "invalid setting MAX_LISTING_PAGES='all': expected a whole number"),
    "a URL scheme": (("-s", "VIA_URL=ws://127.0.0.1:8000"), "invalid setting VIA_URL="),
    "a date setting": (("-s", "INCREMENTAL_NOW=tomorrow"),
                       "invalid setting INCREMENTAL_NOW='tomorrow'"),
    "a dedup setting": (("-s", "DEDUP_MODE=merge"), "invalid setting DEDUP_MODE='merge'"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_run_that_cannot_work_is_refused_in_one_line(case: str, port: int,
                                                       tmp_path: Path) -> None:
    args, says = CASES[case]
    done = scrapy_crawl(tmp_path, *(arg.format(port=port) for arg in args))
    assert done.returncode == 2, done.stderr[-2000:]
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr[-2000:]
    assert lines[0].startswith("arabstoday-crawler: ")
    assert says.format(port=port) in lines[0]
    assert "Traceback" not in done.stderr
    # refused before anything started: no output, no report
    assert not (tmp_path / "out.jsonl").exists() and not (tmp_path / "reports").exists()


def test_an_unreadable_replay_source_is_refused_in_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "crawl.warc.gz"
    broken.write_bytes(b"\x1f\x8b\x08\x00 not really gzip")
    done = scrapy_crawl(tmp_path, "-a", f"replay={broken}")
    assert done.returncode == 2
    assert done.stderr.startswith(f"arabstoday-crawler: replay source unreadable: {broken}: ")
    assert len(done.stderr.splitlines()) == 1


def test_a_run_that_fetched_no_page_fails_its_checks(tmp_path: Path) -> None:
    """A Common Crawl WARC without a page of the network: the replay runs, every request misses
    the archive, and the run fails although no earlier report exists to compare with."""
    warc = tmp_path / "elsewhere.warc.gz"
    with warc.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for number in range(3):
            writer.write_record(writer.create_warc_record(
                f"https://www.example.com/news/{number}.html", "response",
                payload=BytesIO(b"<html><body><p>elsewhere</p></body></html>"),
                http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                              protocol="HTTP/1.1")))
    done = scrapy_crawl(tmp_path, "-a", f"replay={warc}", "-a", "sites=omantoday",
                        "-s", f"LOG_FILE={tmp_path / 'crawl.log'}")
    assert done.returncode == 1, done.stderr[-2000:]
    [report_path] = (tmp_path / "reports").glob("*.json")
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["checks"]["previous_report"] is None
    assert report["pages_fetched"] == 0
    requests = report["stats"]["downloader/request_count"]
    assert requests > 0
    assert report["checks"]["failures"] == [
        f"no page was fetched ({requests} requests: {requests} not in the replay archive)"]
    assert "FAILED CHECKS" in done.stderr and "Traceback" not in done.stderr
