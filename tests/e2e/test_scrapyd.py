"""Scheduling: a real scrapyd on loopback runs the deployed egg with spider arguments from
schedule.json (posted by ``crawler schedule``); the ``--local`` loop runs incremental crawls."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonlines
import pytest

from crawler.commands.schedule import _Stop, loop, parse_duration
from crawler.simulator.network import SimulatedNetwork
from crawler.simulator.server import running_simulator
from tests.support import NETGUARD, PROJECT_ROOT

PAGES = 40
BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> dict[str, Any]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)  # type: ignore[no-any-return]


@dataclass
class Scrapyd:
    url: str
    root: Path


@pytest.fixture(scope="module")
def scrapyd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scrapyd]:
    """scrapyd 1.6 on a free loopback port, its own folder and config (cwd scrapyd.conf)."""
    if shutil.which("scrapyd", path=str(BIN)) is None:
        pytest.fail("scrapyd is not installed: pip install -e '.[test]'")
    root = tmp_path_factory.mktemp("scrapyd")
    port = _free_port()
    (root / "scrapyd.conf").write_text(
        "[scrapyd]\nbind_address = 127.0.0.1\n"
        f"http_port = {port}\npoll_interval = 0.2\nmax_proc = 2\n"
        f"eggs_dir = {root / 'eggs'}\nlogs_dir = {root / 'logs'}\n"
        f"items_dir = {root / 'items'}\ndbs_dir = {root / 'dbs'}\n", encoding="utf-8")
    # The jobs inherit this environment: the network guard, and no project on the path (the
    # deployed egg must be enough).
    env = {**os.environ, "PYTHONPATH": str(NETGUARD)}
    proc = subprocess.Popen([str(BIN / "scrapyd"), "--pidfile", str(root / "scrapyd.pid")],
                            cwd=root, env=env, stdout=(root / "scrapyd.out").open("wb"),
                            stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                assert _get(f"{url}/daemonstatus.json")["status"] == "ok"
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("scrapyd did not start:\n"
                                + (root / "scrapyd.out").read_text(errors="replace"))
                time.sleep(0.2)
        yield Scrapyd(url, root)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def deployed(scrapyd: Scrapyd) -> Scrapyd:
    """``scrapyd-deploy`` of this checkout, to a target defined in a user scrapy.cfg."""
    xdg = scrapyd.root / "xdg"
    xdg.mkdir()
    (xdg / "scrapy.cfg").write_text(f"[deploy:test]\nurl = {scrapyd.url}/\n", encoding="utf-8")
    env = {**os.environ, "XDG_CONFIG_HOME": str(xdg)}
    done = subprocess.run([str(BIN / "scrapyd-deploy"), "test", "-v", "r1"], cwd=PROJECT_ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert answer["status"] == "ok" and answer["project"] == "arabstoday"
    assert answer["spiders"] == 1
    return scrapyd


@pytest.fixture(scope="module")
def network() -> SimulatedNetwork:
    return SimulatedNetwork(PAGES)


@pytest.fixture(scope="module")
def simulator(network: SimulatedNetwork) -> Iterator[str]:
    with running_simulator(network) as base_url:
        yield base_url


def _schedule(scrapyd: Scrapyd, simulator: str, network: SimulatedNetwork,
              state: Path) -> str:
    """One `crawler schedule --once --scrapyd` round; the job id it printed."""
    sites = ",".join(site.key for site in network.sites)
    done = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "schedule", "--scrapyd", scrapyd.url, "--once",
         "-a", f"via={simulator}", "-a", f"sites={sites}",
         "-s", f"STATE_DIR={state}", "-s", f"REPORT_DIR={scrapyd.root / 'reports'}",
         "-s", "REPORT_FAIL_EXIT=False"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def _wait_finished(scrapyd: Scrapyd, job: str, timeout: float = 180) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        jobs = _get(f"{scrapyd.url}/listjobs.json?project=arabstoday")
        for finished in jobs["finished"]:
            if finished["id"] == job:
                return finished  # type: ignore[no-any-return]
        time.sleep(0.3)
    log = next(scrapyd.root.glob(f"logs/**/{job}.log"), None)
    pytest.fail(f"job {job} did not finish; log:\n"
                + (log.read_text(errors="replace")[-3000:] if log else "none"))


def test_deployed_spider_is_listed(deployed: Scrapyd) -> None:
    spiders = _get(f"{deployed.url}/listspiders.json?project=arabstoday")
    assert spiders["spiders"] == ["arabstoday"]
    versions = _get(f"{deployed.url}/listversions.json?project=arabstoday")
    assert versions["versions"] == ["r1"]


def test_scheduled_crawls_export_everything_then_nothing(
        deployed: Scrapyd, simulator: str, network: SimulatedNetwork) -> None:
    state = deployed.root / "state"
    jobs = []
    for _ in range(2):
        job = _schedule(deployed, simulator, network, state)
        finished = _wait_finished(deployed, job)
        assert finished["spider"] == "arabstoday"
        jobs.append(job)
    first, second = (deployed.root / "items" / "arabstoday" / "arabstoday" / f"{job}.jl"
                     for job in jobs)
    items = list(jsonlines.open(first))
    assert {item["canonical_url"] for item in items} == set(network.manifest())
    assert len(items) == PAGES
    # the second job ran incrementally against the same state folder: nothing new to export
    assert second.exists() and second.read_bytes() == b""
    log = (deployed.root / "logs" / "arabstoday" / "arabstoday" / f"{jobs[1]}.log").read_text()
    assert f"'incremental/skipped_seen': {PAGES}" in log
    assert "netguard" not in log and "Traceback" not in log


def test_local_loop_runs_incremental_crawls(tmp_path: Path, simulator: str,
                                            network: SimulatedNetwork) -> None:
    sites = ",".join(site.key for site in network.sites)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(NETGUARD), str(PROJECT_ROOT)])}
    done = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "schedule", "--local", "--every", "1s",
         "--max-runs", "2", "--output-dir", str(tmp_path / "out"),
         "-a", f"via={simulator}", "-a", f"sites={sites}",
         "-s", f"STATE_DIR={tmp_path / 'state'}", "-s", f"REPORT_DIR={tmp_path / 'reports'}",
         "-s", f"LOG_FILE={tmp_path / 'crawl.log'}", "-s", "REPORT_FAIL_EXIT=False"],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    outputs = sorted((tmp_path / "out").glob("arabstoday-*.jsonl"))
    assert len(outputs) == 2, done.stderr[-3000:]
    first, second = (list(jsonlines.open(path)) for path in outputs)
    assert len(first) == PAGES and second == []
    assert done.stderr.count("crawl finished with exit code 0") == 2


def test_loop_keeps_the_interval_and_stops_after_max_runs() -> None:
    clock = {"now": 0.0}
    starts: list[float] = []

    def fake_run(duration: float) -> int:
        starts.append(clock["now"])
        clock["now"] += duration
        return 0

    def fake_sleep(seconds: float) -> None:
        clock["now"] += seconds

    assert loop(lambda: fake_run(5), 60, 3, _Stop(), fake_sleep, lambda: clock["now"]) == 0
    assert starts == [0, 60, 120]
    # a run longer than the interval: the next one starts at once, never two at a time
    starts.clear()
    clock["now"] = 0.0
    loop(lambda: fake_run(90), 60, 3, _Stop(), fake_sleep, lambda: clock["now"])
    assert starts == [0, 90, 180]


def test_loop_stops_when_asked() -> None:
    stop = _Stop()
    runs: list[int] = []

    def one_run() -> int:
        runs.append(1)
        stop.requested = True  # as SIGTERM during the run would
        return 3

    assert loop(one_run, 60, None, stop, lambda s: None) == 3
    assert runs == [1]


@pytest.mark.parametrize(("text", "seconds"),
                         [("90s", 90), ("15m", 900), ("1h", 3600), ("1h30m", 5400),
                          ("1d", 86400), ("45", 45)])
def test_parse_duration(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "1x", "h", "-5m", "1h foo"])
def test_parse_duration_refuses_garbage(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)


def _documented_schedule_commands() -> list[str]:
    """Every `crawler schedule` command in deploy/ and the README (comment or not)."""
    deploy = sorted((PROJECT_ROOT / "deploy").iterdir())
    texts = [path.read_text(encoding="utf-8") for path in deploy]
    texts.append((PROJECT_ROOT / "README.md").read_text(encoding="utf-8"))
    commands = []
    for text in texts:
        for line in text.splitlines():
            if "bin/crawler schedule" in line:
                command = line.split("bin/crawler schedule", 1)[1].split(">>", 1)[0]
                commands.append(command.strip())
    return commands


def test_documented_schedule_commands_parse() -> None:
    import shlex

    from crawler.cli import build_parser

    commands = _documented_schedule_commands()
    assert len(commands) >= 6
    for command in commands:
        args = build_parser().parse_args(["schedule", *shlex.split(command)])
        assert args.scrapyd or args.local
        assert ("CONTACT", "you@example.org") in args.settings, command
