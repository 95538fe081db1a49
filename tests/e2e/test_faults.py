"""Every simulator fault, one small crawl each: the crawl finishes, every article served
correctly is exported exactly once, the others are retried (when worth it) and listed with
their reason in the run report. The crawls run concurrently, each against its own simulator."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jsonlines
import pytest

from crawler.extract.article import extract_article
from crawler.network.urls import parse_article_url
from crawler.simulator.faults import BENIGN, EXPECTED_REASON, KINDS, TRANSIENT, FaultPlan
from crawler.simulator.network import SimulatedNetwork
from crawler.simulator.server import running_simulator
from tests.support import NETGUARD, PROJECT_ROOT, CrawlRun

PAGES = 30
PARALLEL = 2
RETRY_TIMES = 3
FAST = ("-s", "DOWNLOAD_TIMEOUT=2", "-s", "RETRY_BACKOFF_BASE=0.05", "-s", "RETRY_BACKOFF_MAX=1",
        "-s", f"RETRY_TIMES={RETRY_TIMES}", "-s", "DOWNLOAD_MAXSIZE=1000000",
        "-s", "DOWNLOAD_WARNSIZE=500000")
GROUPS = (
    ("timeout", "slow", "empty", "robots"),
    ("reset", "truncated", "binary", "gzip_bomb"),
    ("http_429", "charset_1256_as_utf8", "huge", "offsite_redirect"),
    ("http_500", "http_503", "charset_utf8_as_1256", "redirect_loop", "outage"),
)
"""Faults crawled together (each hits its own articles): four small crawls instead of 17.
FaultPlan seed 16 gives every kind at least 3 articles in its group."""
GROUP_OF = {kind: group for group in GROUPS for kind in group}


def plan_for(group: tuple[str, ...]) -> FaultPlan:
    return FaultPlan({kind: 1.0 if kind == "robots" else 0.12 for kind in group}, seed=16,
                     hang_seconds=2.5, slow_seconds=0.3, retry_after=1, bomb_size=4_000_000,
                     huge_size=2_000_000)


def start_crawl(tmp: Path, *args: str) -> subprocess.Popen[str]:
    """``scrapy crawl`` in the background, as tests/conftest.run_crawl runs it."""
    command = [sys.executable, "-m", "scrapy", "crawl", "arabstoday", "-O", str(tmp / "out.jsonl"),
               "-s", f"REPORT_DIR={tmp / 'reports'}", "-s", f"LOG_FILE={tmp / 'crawl.log'}",
               "-s", f"STATE_DIR={tmp / 'state'}", *args]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(NETGUARD), str(PROJECT_ROOT)])}
    return subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def finish_crawl(tmp: Path, proc: subprocess.Popen[str]) -> CrawlRun:
    output, _ = proc.communicate(timeout=240)
    log = (tmp / "crawl.log").read_text(encoding="utf-8") if (tmp / "crawl.log").exists() else ""
    assert proc.returncode == 0, f"crawl failed:\n{output[-3000:]}\n{log[-3000:]}"
    items = list(jsonlines.open(tmp / "out.jsonl"))
    [report] = sorted((tmp / "reports").glob("*.json"))
    return CrawlRun(items, json.loads(report.read_text(encoding="utf-8")), log, proc.returncode)


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory
           ) -> dict[tuple[str, ...], tuple[SimulatedNetwork, CrawlRun]]:
    """One crawl per group, PARALLEL at a time (more would time out on a busy machine)."""
    runs: dict[tuple[str, ...], tuple[SimulatedNetwork, CrawlRun]] = {}
    waiting = list(GROUPS)
    running: dict[tuple[str, ...], tuple[ExitStack, SimulatedNetwork, Path,
                                         subprocess.Popen[str]]] = {}
    try:
        while waiting or running:
            while waiting and len(running) < PARALLEL:
                group = waiting.pop(0)
                network = SimulatedNetwork(pages=PAGES, faults=plan_for(group))
                stack = ExitStack()
                base = stack.enter_context(running_simulator(network))
                tmp = tmp_path_factory.mktemp("-".join(group))
                sites = ",".join(site.key for site in network.sites)
                running[group] = (stack, network, tmp, start_crawl(
                    tmp, "-a", f"via={base}", "-a", f"sites={sites}", *FAST))
            done = next((g for g, entry in running.items() if entry[3].poll() is not None), None)
            if done is None:
                time.sleep(0.05)
                continue
            stack, network, tmp, proc = running.pop(done)
            with stack:
                runs[done] = (network, finish_crawl(tmp, proc))
    finally:
        for stack, _, _, proc in running.values():
            proc.kill()
            stack.close()
    return runs


def non_articles(network: SimulatedNetwork) -> set[str]:
    """The fixed bad links (an error page, a PDF, an off-site redirect): tested elsewhere."""
    out = set()
    for url in network.bad_urls().values():
        try:
            out.add(parse_article_url(url).url)
        except ValueError:
            out.add(url)
    return out


def failed(run: CrawlRun, network: SimulatedNetwork) -> dict[str, dict[str, Any]]:
    skip = non_articles(network)
    return {entry["url"]: entry for entry in run.stats.get("failed_articles", [])
            if entry["url"] not in skip}


@pytest.mark.parametrize("kind", KINDS)
def test_fault(kind: str, crawls: dict[tuple[str, ...], tuple[SimulatedNetwork, CrawlRun]]
               ) -> None:
    network, run = crawls[GROUP_OF[kind]]
    hit = network.fault_kinds()
    assert kind in hit.values(), f"the plan gave no article the {kind} fault"
    assert run.report["finish_reason"] == "finished"
    assert "Traceback" not in run.log

    # every article served correctly is exported, exactly once
    exported = [item["canonical_url"] for item in run.items]
    assert len(exported) == len(set(exported)), "an article was exported twice"
    assert set(exported) == set(network.manifest())

    # the others are listed with their expected reason
    listed = failed(run, network)
    assert {url: entry["reason"] for url, entry in listed.items()} == network.broken()
    for url, entry in listed.items():
        assert run.stats[f"failed/{entry['reason']}"] >= 1
        if hit[url] == "outage":  # retried to the limit, then given up
            assert entry["retries"] == RETRY_TIMES
            assert network.attempts(url) == RETRY_TIMES + 1

    faulted = [url for url, k in hit.items() if k == kind]
    assert faulted
    if kind in TRANSIENT:  # failed first, then retried and exported
        assert set(faulted) <= set(exported)
        plan = network.faults
        assert plan is not None
        for url in faulted:
            path = parse_article_url(url)
            site, decoded = path.site.key, next(p.path for p in network.plans()
                                                if p.canonical_url == url)
            assert network.attempts(url) == plan.failures_for(site, decoded) + 1, url
        assert run.stats["retry/count"] >= 1
    if kind in BENIGN:
        assert set(faulted) <= set(exported)
        clean = SimulatedNetwork(pages=PAGES)
        by_url = {item["canonical_url"]: item for item in run.items}
        for url in faulted:
            parts = urlsplit(url)
            page = clean.respond(parts.netloc, parts.path)
            expected = extract_article(page.body, url)
            assert by_url[url]["title"] == expected["title"]
            assert by_url[url]["text"] == expected["text"]
            assert "\ufffd" not in by_url[url]["text"]
    if kind in EXPECTED_REASON:
        assert {url: listed[url]["reason"] for url in faulted} == \
            dict.fromkeys(faulted, EXPECTED_REASON[kind])


def test_fault_spec_parsing() -> None:
    plan = FaultPlan.parse("timeout=0.1,http_503,robots,seed=3,hang=0.5,failures=3")
    assert plan.rates == {"timeout": 0.1, "http_503": 0.05, "robots": 0.05}
    assert (plan.seed, plan.hang_seconds, plan.max_failures) == (3, 0.5, 3)
    assert set(FaultPlan.parse("all").rates) == set(KINDS)
    for bad in ("nonsense", "timeout=2", "timeout=x", "timeout=0.6,reset=0.6"):
        with pytest.raises(ValueError):
            FaultPlan.parse(bad)


def test_faults_are_deterministic_and_retries_can_succeed() -> None:
    plan = FaultPlan({"http_500": 0.5, "outage": 0.2}, seed=1)
    again = FaultPlan({"http_500": 0.5, "outage": 0.2}, seed=1)
    paths = [f"/485/{i:06d}-x" for i in range(200)]
    assert [plan.kind_for("arabstoday", p) for p in paths] == \
        [again.kind_for("arabstoday", p) for p in paths]
    kinds = [plan.kind_for("arabstoday", p) for p in paths]
    assert 70 < kinds.count("http_500") < 130 and 20 < kinds.count("outage") < 60
    transient = paths[kinds.index("http_500")]
    spoiled = plan.failures_for("arabstoday", transient)
    assert [plan.fails("http_500", "arabstoday", transient, a) for a in range(4)] == \
        [a < spoiled for a in range(4)]
    assert all(plan.fails("outage", "arabstoday", paths[kinds.index("outage")], a)
               for a in range(10))


def test_no_faults_leave_the_network_unchanged() -> None:
    plain, empty = SimulatedNetwork(pages=20), SimulatedNetwork(pages=20, faults=FaultPlan())
    assert plain.manifest() == empty.manifest()
    assert empty.broken() == {} and empty.fault_kinds() == {}
    for plan in plain.plans():
        parts = urlsplit(plan.canonical_url)
        assert plain.respond(parts.netloc, parts.path).body == \
            empty.respond(parts.netloc, parts.path).body


def test_simulate_command_writes_served_and_broken_lists(tmp_path: Path) -> None:
    manifest, broken = tmp_path / "manifest.txt", tmp_path / "broken.txt"
    command = [str(Path(sys.executable).parent / "crawler"), "simulate", "--port", "0",
               "--pages", "40", "--faults", "outage=0.2,robots", "--manifest", str(manifest),
               "--broken", str(broken)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().startswith("http://127.0.0.1:")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    network = SimulatedNetwork(pages=40, faults=FaultPlan.parse("outage=0.2,robots"))
    assert manifest.read_text(encoding="utf-8").split() == network.manifest()
    listed = dict(line.split("\t") for line in broken.read_text(encoding="utf-8").splitlines())
    assert listed == network.broken()
    assert set(listed.values()) == {"http_503", "robots_forbidden"}
    assert len(network.manifest()) + len(listed) == 40
