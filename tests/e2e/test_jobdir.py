"""Pause and resume: a stopped crawl (SIGINT, page limit or SIGKILL) resumed with the same
JOBDIR and state folder exports every article exactly once in total."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import jsonlines
import pytest

from crawler.simulator.network import SimulatedNetwork
from crawler.simulator.server import running_simulator
from tests.support import NETGUARD, PROJECT_ROOT, SlowNetwork

PAGES = 60


@pytest.fixture(scope="module")
def network() -> SimulatedNetwork:
    return SlowNetwork(PAGES, delay=0.15)


@pytest.fixture(scope="module")
def simulator(network: SimulatedNetwork) -> Iterator[str]:
    with running_simulator(network) as base_url:
        yield base_url


def crawl_command(tmp_path: Path, simulator: str, network: SimulatedNetwork, name: str,
                  *extra: str, output: str = "") -> list[str]:
    """The crawl, writing ``name``.jsonl afresh (-O), or appending to ``output`` (-o)."""
    sites = ",".join(site.key for site in network.sites)
    feed = ["-o", str(tmp_path / output)] if output else ["-O", str(tmp_path / f"{name}.jsonl")]
    return [sys.executable, "-m", "scrapy", "crawl", "arabstoday", *feed,
            "-a", f"via={simulator}", "-a", f"sites={sites}",
            "-s", f"JOBDIR={tmp_path / 'job'}", "-s", f"STATE_DIR={tmp_path / 'state'}",
            "-s", f"REPORT_DIR={tmp_path / 'reports'}", "-s", f"LOG_FILE={tmp_path / name}.log",
            "-s", "MAX_LISTING_PAGES=100", "-s", "CONCURRENT_REQUESTS=4",
            "-s", "REPORT_FAIL_EXIT=False", *extra]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(NETGUARD), str(PROJECT_ROOT)])}


def run(command: list[str]) -> None:
    proc = subprocess.run(command, cwd=PROJECT_ROOT, env=_env(), capture_output=True, text=True,
                          timeout=240)
    assert proc.returncode == 0, proc.stderr[-3000:]


def stop_midway(command: list[str], output: Path, sig: signal.Signals, after: int) -> int:
    """Start the crawl, send ``sig`` once ``after`` items are on disk; the exit code."""
    proc = subprocess.Popen(command, cwd=PROJECT_ROOT, env=_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if output.exists() and output.read_bytes().count(b"\n") >= after:
                proc.send_signal(sig)
                break
            time.sleep(0.02)
        return proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()


def items(path: Path) -> list[dict[str, object]]:
    return list(jsonlines.open(path)) if path.exists() else []


def assert_exactly_once(parts: list[list[dict[str, object]]],
                        network: SimulatedNetwork) -> None:
    counts = Counter(item["canonical_url"] for part in parts for item in part)
    repeated = {url: n for url, n in counts.items() if n > 1}
    assert not repeated, f"exported more than once: {repeated}"
    assert set(counts) == set(network.manifest())


def test_sigint_then_resume_exports_every_article_once(
        tmp_path: Path, simulator: str, network: SimulatedNetwork) -> None:
    first = tmp_path / "first.jsonl"
    code = stop_midway(crawl_command(tmp_path, simulator, network, "first"), first,
                       signal.SIGINT, after=5)
    assert code == 0
    stopped = items(first)
    assert 5 <= len(stopped) < PAGES, "the crawl was not stopped midway"
    assert "shutdown" in (tmp_path / "first.log").read_text(encoding="utf-8")
    run(crawl_command(tmp_path, simulator, network, "second"))
    assert_exactly_once([stopped, items(tmp_path / "second.jsonl")], network)


def test_page_limit_then_resume_exports_every_article_once(
        tmp_path: Path, simulator: str, network: SimulatedNetwork) -> None:
    # No template warm-up hold: with a page limit, a cold site's held pages would not be exported
    # before the limit closes the spider (they are fetched again on resume, but the first run
    # must export something for this test to mean anything).
    run(crawl_command(tmp_path, simulator, network, "first", "-s", "CLOSESPIDER_PAGECOUNT=85",
                      "-s", "TEMPLATE_WARMUP_PAGES=0"))
    stopped = items(tmp_path / "first.jsonl")
    assert 0 < len(stopped) < PAGES
    assert (tmp_path / "job" / "requests.queue").is_dir()
    run(crawl_command(tmp_path, simulator, network, "second"))
    second = items(tmp_path / "second.jsonl")
    assert_exactly_once([stopped, second], network)
    log = (tmp_path / "second.log").read_text(encoding="utf-8")
    assert "Resuming crawl" in log
    stats = json.loads(sorted((tmp_path / "reports").glob("*.json"))[-1].read_text())["stats"]
    assert stats["scheduler/resumed"] + stats.get("scheduler/resumed_duplicate", 0) > 0
    # an article both carried over and rediscovered was fetched once
    assert stats.get("incremental/duplicate_in_run", 0) == 0


def test_sigkill_then_rerun_loses_and_repeats_nothing(
        tmp_path: Path, simulator: str, network: SimulatedNetwork) -> None:
    # The same command twice, appending to one file: the guarantee after a kill -9 (a line can
    # be on disk before its seen-record; the rerun's OutputRecovery records it, crawler.safety).
    out = tmp_path / "out.jsonl"
    code = stop_midway(crawl_command(tmp_path, simulator, network, "first", output=out.name),
                       out, signal.SIGKILL, after=8)
    assert code == -signal.SIGKILL
    killed = items(out)
    assert 8 <= len(killed) < PAGES
    run(crawl_command(tmp_path, simulator, network, "second", output=out.name))
    assert_exactly_once([items(out)], network)
