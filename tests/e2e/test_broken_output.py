"""Outputs that cannot be written: an article counts as exported only once its line is in the
feed. A feed that cannot be opened (its folder under a file, a FIFO) or that becomes unwritable
mid-run stops the crawl with one line and exit status 1; nothing unwritten is recorded, and the
next run with the same STATE_DIR exports exactly the lost articles. A run report that cannot be
written makes the exit status 1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from crawler.simulator.hostile import HostileNetwork
from crawler.simulator.network import SimResponse
from crawler.simulator.server import running_simulator
from tests.support import NETGUARD, PROJECT_ROOT

pytestmark = pytest.mark.slow


def crawl(tmp: Path, base: str, *args: str, output: str | None = None, name: str = "run"
          ) -> tuple[subprocess.CompletedProcess[str], str, dict[str, Any] | None]:
    """``scrapy crawl`` as a user runs it; (process, log, run report or None)."""
    log = tmp / f"{name}.log"
    reports = tmp / f"{name}-reports"
    command = [sys.executable, "-m", "scrapy", "crawl", "arabstoday", "-a", f"via={base}",
               "-a", "sites=arabstoday", "-s", f"LOG_FILE={log}",
               "-s", f"STATE_DIR={tmp / 'state'}", "-s", "INCREMENTAL=1",
               "-s", f"REPORT_DIR={reports}", *args]
    if output:
        command += ["-O", output]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(NETGUARD), str(PROJECT_ROOT)])}
    proc = subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    text = log.read_text(encoding="utf-8") if log.exists() else ""
    found = sorted(reports.glob("*.json")) if reports.is_dir() else []
    report = json.loads(found[-1].read_text(encoding="utf-8")) if found else None
    return proc, text, report


def lines_under(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for path in sorted(folder.rglob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()]


def assert_stopped_cleanly(proc: subprocess.CompletedProcess[str], log: str,
                           report: dict[str, Any] | None) -> None:
    assert proc.returncode == 1, proc.stderr[-2000:]
    messages = [line for line in proc.stderr.splitlines()
                if line.startswith("arabstoday-crawler: cannot write the output")]
    assert len(messages) == 1, proc.stderr[-2000:]
    assert "Traceback" not in log and "Traceback" not in proc.stderr
    assert report is not None and report["finish_reason"] == "output_error"
    assert any("cannot write the output" in f for f in report["checks"]["failures"])


@pytest.fixture(scope="module")
def site() -> Any:
    network = HostileNetwork([])
    with running_simulator(network) as base:
        yield network, base


def test_an_output_under_a_file_stops_the_crawl_at_once(tmp_path: Path, site: Any) -> None:
    network, base = site
    (tmp_path / "file").write_text("x")
    proc, log, report = crawl(tmp_path, base, output=str(tmp_path / "file" / "out.jsonl"))
    assert_stopped_cleanly(proc, log, report)
    assert report is not None and report["items_exported"] == 0
    again, _, _ = crawl(tmp_path, base, output=str(tmp_path / "out.jsonl"), name="again")
    assert again.returncode == 0, again.stderr[-2000:]
    exported = {item["canonical_url"] for item in lines_under(tmp_path)}
    assert exported == set(network.site_manifest())  # nothing was recorded as done


def test_a_fifo_as_output_is_refused_without_blocking(tmp_path: Path, site: Any) -> None:
    _, base = site
    fifo = tmp_path / "out.jsonl"
    os.mkfifo(fifo)
    proc, log, report = crawl(tmp_path, base, output=str(fifo))
    assert_stopped_cleanly(proc, log, report)
    assert "not a regular file" in proc.stderr


class FolderTakenMidRun(HostileNetwork):
    """Replaces the output's site folder with a file when the crawl asks for its ``after``-th
    article: the open batch file goes on, the next one cannot be opened."""

    def __init__(self, root: Path, after: int):
        super().__init__([])
        self.root = root
        self.after = after
        self.article_requests = 0

    def respond(self, host: str, target: str, headers: Mapping[str, str] | None = None
                ) -> SimResponse:
        path = unquote(urlsplit(target).path)
        if host.startswith("www.arabstoday.net") and path.count("/") == 2 and "-" in path:
            with self.lock:
                self.article_requests += 1
                if self.article_requests == self.after:
                    folder = self.root / "arabstoday"
                    folder.rename(self.root / "arabstoday-moved")
                    folder.write_text("not a folder any more")
        return super().respond(host, target, headers)


def test_an_output_that_becomes_unwritable_loses_nothing(tmp_path: Path) -> None:
    root = tmp_path / "out"
    network = FolderTakenMidRun(root, after=7)
    with running_simulator(network) as base:
        proc, log, report = crawl(
            tmp_path, base, "-s", "FEED_LAYOUT=site-batch", "-s", f"FEED_LAYOUT_ROOT={root}",
            "-s", "FEED_LAYOUT_BATCH_ITEMS=3", "-s", "CONCURRENT_REQUESTS=1",
            "-s", "TEMPLATE_WARMUP_PAGES=0")  # items leave one by one, as pages arrive
        assert_stopped_cleanly(proc, log, report)
        assert report is not None
        written = {item["canonical_url"] for item in lines_under(root)}
        assert 0 < len(written) < len(network.site_manifest())
        assert report["items_exported"] == len(written)
        assert report["stats"]["export/not_written"] >= 1
        (root / "arabstoday").unlink()
        again, _, rerun = crawl(tmp_path, base, output=str(tmp_path / "again.jsonl"),
                                name="again")
    assert again.returncode == 0, again.stderr[-2000:]
    lost = {json.loads(line)["canonical_url"] for line in
            (tmp_path / "again.jsonl").read_text(encoding="utf-8").splitlines()}
    assert lost == set(network.site_manifest()) - written  # exactly the lost articles
    assert rerun is not None and rerun["items_exported"] == len(lost)


def test_a_run_report_that_cannot_be_written_fails_the_run(tmp_path: Path, site: Any) -> None:
    network, base = site
    (tmp_path / "reports-file").write_text("x")
    proc, log, _ = crawl(tmp_path, base, "-s", f"REPORT_DIR={tmp_path / 'reports-file'}",
                         output=str(tmp_path / "out.jsonl"))
    assert proc.returncode == 1
    assert [line for line in proc.stderr.splitlines()
            if "cannot write the run report" in line]
    assert "Traceback" not in log and "Traceback" not in proc.stderr
    exported = lines_under(tmp_path)
    assert {item["canonical_url"] for item in exported} == set(network.site_manifest())
