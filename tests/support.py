"""Helpers the tests share: paths, a loopback server, a slow simulator, ``scrapy crawl`` run as a
user runs it, and a valid sample item."""

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

from crawler.items import empty_article
from crawler.simulator.network import SimResponse, SimulatedNetwork

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED = PROJECT_ROOT.parent / "shared"
NETGUARD = Path(__file__).resolve().parent / "netguard"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


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


BODY = (
    "وقال وزير الاقتصاد سامي الخوري: «سنخصص 3.5 مليار درهم للبرنامج. ولن نتراجع عن ذلك».",
    'وأكدت نقابة الصحفيين أن "حرية التعبير ليست موضوعا للتفاوض"، مضيفة أن الحوار مستمر.',
    "«المشروع سيكتمل قبل نهاية العام»، قال المدير العام للشركة في الرباط.",
    "وأشار التقرير إلى تحسن الأداء، فيما قال إن «النتائج مشجعة».",
    "كتبت سلمى الحداد من الرباط أن السكان ينتظرون نتائج المشروع منذ أشهر طويلة.",
)


PARAGRAPHS = (
    "قال وزير الاقتصاد أمس إن الحكومة ستطلق برنامجا جديدا لدعم الشركات الصغيرة في المدن الساحلية.",
    "وأضاف الوزير: «سنخصص 3.5 مليار درهم للبرنامج خلال عامين».",
)


def make_item(number: int = 1, body: tuple[str, ...] = PARAGRAPHS,
              **overrides: Any) -> dict[str, Any]:
    """A valid exported item with synthetic Arabic text; ``overrides`` replace fields."""
    item = empty_article()
    text = "\n\n".join(body)
    spans, start = [], 0
    for paragraph in body:
        spans.append({"start": start, "end": start + len(paragraph)})
        start += len(paragraph) + 2
    path = f"/485/1015{number:02d}-خبر-{number}"
    item.update(
        id=f"arabstoday-{number:016x}", url=f"https://www.arabstoday.net{path}",
        canonical_url=f"https://www.arabstoday.net{path}", site="arabstoday",
        site_name="العرب اليوم", kind="news", title=f"عنوان الخبر رقم {number}",
        authors=["سلمى الحداد"], published_at="2024-11-20T09:30:00+00:00",
        published_precision="second",
        published_raw="2024-11-20T09:30:00+00:00", date_source="json-ld",
        dateline={"location": "الرباط", "source": "العرب اليوم"}, text=text, paragraphs=spans,
        section="اقتصاد", tags=["اقتصاد"], images=[], language="ar",
        fetched_at="2024-11-21T00:00:00Z", cluster_id=f"arabstoday-{number:016x}")
    item.update(overrides)
    return item
