"""Retries honour Retry-After and back off; redirects off the network are refused with a reason."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

import pytest

from crawler.crawl.middlewares import retry_after_seconds
from tests.support import NETGUARD, PROJECT_ROOT, serving

NOW = datetime(2024, 11, 22, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("5", 5.0),
        (b"120", 120.0),
        (format_datetime(NOW + timedelta(seconds=30), usegmt=True), 30.0),
        (format_datetime(NOW - timedelta(seconds=30), usegmt=True), 0.0),
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_forms(header: str | bytes | None, seconds: float | None) -> None:
    assert retry_after_seconds(header, now=NOW) == seconds


class FlakyHandler(BaseHTTPRequestHandler):
    """Answers /flaky with 429 (Retry-After: 1) twice, then 200; records arrival times."""

    hits: ClassVar[list[float]] = []

    def do_GET(self) -> None:
        if self.path == "/robots.txt":
            body, status, extra = b"User-agent: *\nAllow: /\n", 200, {}
        else:
            type(self).hits.append(time.monotonic())
            if len(type(self).hits) <= 2:
                body, status, extra = b"slow down", 429, {"Retry-After": "1"}
            else:
                body, status, extra = b"<html><body>ok</body></html>", 200, {}
        self.send_response(status)
        for name, value in {"Content-Type": "text/html", **extra}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def flaky_server() -> Iterator[str]:
    FlakyHandler.hits = []
    with serving(FlakyHandler) as base_url:
        yield base_url


SPIDER = '''
import json, scrapy
class Flaky(scrapy.Spider):
    name = "flaky"
    start_urls = [{url!r}]
    def parse(self, response):
        yield {{"status": response.status, "retries": response.meta.get("retry_times", 0)}}
'''


@pytest.mark.slow
def test_429_is_retried_after_the_servers_retry_after(flaky_server: str, tmp_path: Path) -> None:
    spider = tmp_path / "flaky.py"
    spider.write_text(SPIDER.format(url=f"{flaky_server}/flaky"))
    out = tmp_path / "out.json"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(NETGUARD), str(PROJECT_ROOT)])}
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "runspider", str(spider), "-O", str(out),
         "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
         "-s", f"REPORT_DIR={tmp_path}", "-s", "ITEM_PIPELINES={}"],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(out.read_text()) == [{"status": 200, "retries": 2}]
    hits = FlakyHandler.hits
    assert len(hits) == 3
    assert all(later - earlier >= 0.95 for earlier, later in itertools.pairwise(hits))
    assert "Backing off 1.0s" in done.stderr


_REFRESH_TAG = '<meta http-equiv="Refresh" content="0; url=/moved">'


@pytest.mark.parametrize(("body", "headers", "meta"), [
    (f"<html><head>{_REFRESH_TAG}</head><body>ص</body></html>".encode(), {}, {}),
    ("<html><head></head><body>صفحة</body></html>".encode(), {}, {}),
    (f"<html><head>{_REFRESH_TAG.replace('Refresh', 'rEfReSh')}</head></html>".encode(), {}, {}),
    (f"<html><head>{_REFRESH_TAG.upper()}</head></html>".encode("cp1256"),
     {"Content-Type": "text/html; charset=windows-1256"}, {}),
    (f"<html><head>{_REFRESH_TAG}</head></html>".encode("utf-16"),
     {"Content-Type": "text/html; charset=utf-16"}, {}),
    (f"<html><head>{_REFRESH_TAG}</head></html>".encode("cp500"),
     {"Content-Type": "text/html; charset=cp500"}, {}),
    (f"<html><head>{_REFRESH_TAG}</head></html>".encode(), {}, {"dont_redirect": True}),
    (b"<html><body><!-- refresh --></body></html>", {}, {}),
])
def test_meta_refresh_decides_as_scrapys(body: bytes, headers: dict[str, str],
                                         meta: dict[str, bool]) -> None:
    """The shortcut (no "refresh" in the bytes of an ASCII-like encoding: pass the page on)
    never changes Scrapy's decision; UTF-16 and EBCDIC pages take Scrapy's path."""
    from scrapy.downloadermiddlewares.redirect import (
        MetaRefreshMiddleware as ScrapyMetaRefreshMiddleware,
    )
    from scrapy.http import HtmlResponse, Request
    from scrapy.utils.test import get_crawler

    from crawler.crawl.middlewares import MetaRefreshMiddleware

    crawler = get_crawler()
    request = Request("https://www.arabstoday.net/1/094512-x", meta=meta)
    response = HtmlResponse(request.url, body=body, headers=headers, request=request)
    ours = MetaRefreshMiddleware.from_crawler(crawler).process_response(request, response)
    theirs = ScrapyMetaRefreshMiddleware.from_crawler(crawler).process_response(request,
                                                                                response)
    assert type(ours) is type(theirs)
    assert ours.url == theirs.url
    if _REFRESH_TAG.lower() in body.decode(response.encoding).lower() and not meta:
        assert isinstance(ours, Request)
        assert ours.url.lower() == "https://www.arabstoday.net/moved"
