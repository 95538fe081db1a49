"""Shared test helpers: run the real spider in a subprocess against the simulator or an archive."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import jsonlines
import pytest

from crawler.simulator.network import SimResponse, SimulatedNetwork

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED = PROJECT_ROOT.parent / "shared"
NETGUARD = Path(__file__).resolve().parent / "netguard"


@pytest.fixture
def counted_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts ``parse_document`` is given from here on, to count the parses of a page."""
    from crawler.extract import page

    parses: list[str] = []
    real = page.parse_document

    def counting(text: str) -> Any:
        parses.append(text)
        return real(text)

    monkeypatch.setattr(page, "parse_document", counting)
    return parses


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A small http.server handler served on a free loopback port; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class SlowNetwork(SimulatedNetwork):
    """The simulator with slow article pages, so a crawl can be stopped or killed midway."""

    def __init__(self, pages: int, delay: float, **kwargs: Any):
        super().__init__(pages, **kwargs)
        self.delay = delay

    def respond(self, host: str, target: str, headers: Mapping[str, str] | None = None
                ) -> SimResponse:
        if target.count("/") >= 2 and "-" in target and "sitemap" not in target:
            time.sleep(self.delay)
        return super().respond(host, target, headers)


@dataclass
class CrawlRun:
    items: list[dict[str, Any]]
    report: dict[str, Any]
    log: str
    returncode: int

    @property
    def stats(self) -> dict[str, Any]:
        return self.report["stats"]

    def urls(self) -> set[str]:
        return {item["canonical_url"] for item in self.items}


def run_crawl(tmp_path: Path, *args: str, name: str = "run", timeout: float = 240) -> CrawlRun:
    """``scrapy crawl arabstoday`` in a subprocess, as a user runs it, plus -s/-a ``args``."""
    out = tmp_path / f"{name}.jsonl"
    reports = tmp_path / f"{name}-reports"
    log = tmp_path / f"{name}.log"
    command = [
        sys.executable, "-m", "scrapy", "crawl", "arabstoday", "-O", str(out),
        "-s", f"REPORT_DIR={reports}", "-s", f"LOG_FILE={log}",
        "-s", f"STATE_DIR={tmp_path / 'state'}", *args,
    ]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(NETGUARD), str(PROJECT_ROOT)])}
    proc = subprocess.run(command, cwd=PROJECT_ROOT, env=env, timeout=timeout,
                          capture_output=True, text=True)
    log_text = log.read_text(encoding="utf-8") if log.exists() else ""
    if proc.returncode != 0:
        pytest.fail(f"crawl failed ({proc.returncode}):\n{proc.stderr[-4000:]}\n{log_text[-4000:]}")
    items = list(jsonlines.open(out)) if out.exists() else []
    [report_path] = sorted(reports.glob("*.json"))
    report = json.loads(report_path.read_text(encoding="utf-8"))
    return CrawlRun(items, report, log_text, proc.returncode)


# The test process itself stays on loopback too: importing the guard patches socket here.
import tests.netguard.sitecustomize  # noqa: E402, F401
