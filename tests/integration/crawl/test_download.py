"""NetworkDownloadHandler: replay answers (unit level) and the simulator "via" mode (real crawl)."""

from __future__ import annotations

import asyncio
import gzip
import json
import logging
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from io import BytesIO
from pathlib import Path
from typing import Any

import jsonlines
import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, Response, TextResponse, XmlResponse
from scrapy.utils.test import get_crawler
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.crawl.archive import REPLAY_HIT_FLAG, REPLAY_MISS_FLAG
from crawler.crawl.download import NetworkDownloadHandler, via_request
from tests.support import PROJECT_ROOT, serving

ORIGIN = "https://www.arabstoday.net"


# ----------------------------------------------------------------------------- replay


def write_warc(path: Path, pages: list[tuple[str, str, list[tuple[str, str]], bytes]]) -> Path:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True, warc_version="1.1")
        for url, statusline, headers, body in pages:
            http = StatusAndHeaders(statusline, headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=http,
                warc_headers_dict={"WARC-IP-Address": "192.0.2.7"},
            )
            writer.write_record(record)
    return path


ARTICLE = '<html><head><meta charset="utf-8"></head><body><h1>خبر تجريبي</h1></body></html>'


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    html = [("Content-Type", "text/html; charset=utf-8")]
    return write_warc(tmp_path / "site.warc.gz", [
        (f"{ORIGIN}/ar/1.html", "200 OK", html, ARTICLE.encode()),
        (f"{ORIGIN}/ar/gz.html", "200 OK", [*html, ("Content-Encoding", "gzip")],
         gzip.compress(ARTICLE.encode())),
        (f"{ORIGIN}/sitemap.xml", "200 OK", [("Content-Type", "application/xml")],
         b'<?xml version="1.0"?><urlset/>'),
        (f"{ORIGIN}/robots.txt", "200 OK", [("Content-Type", "text/plain")], b"User-agent: *\n"),
        (f"{ORIGIN}/old", "301 Moved Permanently", [("Location", f"{ORIGIN}/ar/1.html")], b""),
        (f"{ORIGIN}/cookies", "200 OK", [("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")], b""),
    ])


REPLAY = {"EXTENSIONS": {"crawler.crawl.archive.ReplaySource": 0}}
"""The component the replay handler reads the archive from."""


def replay_handler(path: Path, **settings: Any) -> NetworkDownloadHandler:
    crawler = get_crawler(settings_dict={"REPLAY_PATH": str(path), **REPLAY, **settings})
    return NetworkDownloadHandler.from_crawler(crawler)


def fetch(handler: NetworkDownloadHandler, url: str) -> Response:
    return asyncio.run(handler.download_request(Request(url)))


def test_replay_hits_keep_recorded_status_headers_and_response_class(archive_path: Path) -> None:
    handler = replay_handler(archive_path)
    article = fetch(handler, f"{ORIGIN}/ar/1.html")
    assert isinstance(article, HtmlResponse)
    assert article.css("h1::text").get() == "خبر تجريبي"
    assert REPLAY_HIT_FLAG in article.flags
    assert str(article.ip_address) == "192.0.2.7"

    compressed = fetch(handler, f"{ORIGIN}/ar/gz.html")
    assert compressed.headers[b"Content-Encoding"] == b"gzip"
    assert gzip.decompress(compressed.body) == ARTICLE.encode(), "decoding is left to middleware"

    assert isinstance(fetch(handler, f"{ORIGIN}/sitemap.xml"), XmlResponse)
    robots = fetch(handler, f"{ORIGIN}/robots.txt")
    assert isinstance(robots, TextResponse) and not isinstance(robots, HtmlResponse)

    moved = fetch(handler, f"{ORIGIN}/old")
    assert (moved.status, moved.headers[b"Location"]) == (301, f"{ORIGIN}/ar/1.html".encode())
    assert fetch(handler, f"{ORIGIN}/cookies").headers.getlist(b"Set-Cookie") == [b"a=1", b"b=2"]
    assert handler.crawler.stats is not None
    assert handler.crawler.stats.get_value("replay/hit") == 6
    assert handler.crawler.stats.get_value("replay/miss") is None


def test_replay_response_keeps_the_requested_url_spelling(archive_path: Path) -> None:
    handler = replay_handler(archive_path)
    url = f"{ORIGIN}/ar/1.html#comments"
    response = fetch(handler, url)
    assert response.status == 200 and response.url == url


def test_replay_misses_are_flagged_404s_counted_and_logged_up_to_a_limit(
    archive_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    handler = replay_handler(archive_path, REPLAY_MISS_LOG_LIMIT=2)
    caplog.set_level(logging.WARNING, logger="crawler.crawl.download")
    urls = [f"{ORIGIN}/ar/absent-{n}.html" for n in range(5)]
    answers = [fetch(handler, url) for url in urls]
    assert [(r.status, r.url, r.body) for r in answers] == [(404, url, b"") for url in urls]
    assert all(REPLAY_MISS_FLAG in r.flags for r in answers)
    assert handler.crawler.stats is not None
    assert handler.crawler.stats.get_value("replay/miss") == 5
    logged = [rec.getMessage() for rec in caplog.records]
    assert logged == [f"Replay miss (not in archive): {url}" for url in urls[:2]]
    asyncio.run(handler.close())
    assert caplog.records[-1].getMessage() == (
        "Replay: 5 URLs missing from the archive (first 2 logged)"
    )


def test_http_and_https_handlers_share_one_archive_and_miss_count(
    archive_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="crawler.crawl")
    crawler = get_crawler(settings_dict={"REPLAY_PATH": str(archive_path),
                                         "REPLAY_MISS_LOG_LIMIT": 1, **REPLAY})
    http, https = (NetworkDownloadHandler.from_crawler(crawler) for _ in range(2))
    assert http.archive is https.archive
    assert sum("Replay from" in rec.getMessage() for rec in caplog.records) == 1
    fetch(http, "http://www.arabstoday.net/absent-1")
    fetch(https, f"{ORIGIN}/absent-2")
    for handler in (http, https):
        asyncio.run(handler.close())
    assert [rec.getMessage() for rec in caplog.records if "absent" in rec.getMessage()
            or "missing" in rec.getMessage()] == [
        "Replay miss (not in archive): http://www.arabstoday.net/absent-1",
        "Replay: 2 URLs missing from the archive (first 1 logged)",
    ]


def test_an_archive_file_gone_mid_crawl_is_a_counted_error_not_a_crash(
    archive_path: Path,
) -> None:
    handler = replay_handler(archive_path)
    archive_path.unlink()
    response = fetch(handler, f"{ORIGIN}/ar/1.html")
    assert (response.status, response.flags) == (404, [REPLAY_MISS_FLAG])
    assert handler.crawler.stats is not None
    assert handler.crawler.stats.get_value("replay/error") == 1


def test_replay_accepts_several_sources(archive_path: Path, tmp_path: Path) -> None:
    extra = write_warc(tmp_path / "more.warc.gz", [
        (f"{ORIGIN}/ar/2.html", "200 OK", [("Content-Type", "text/html")], b"<p>two</p>"),
    ])
    handler = replay_handler(Path(f"{archive_path},{extra}"))
    assert fetch(handler, f"{ORIGIN}/ar/2.html").status == 200
    assert fetch(handler, f"{ORIGIN}/ar/1.html").status == 200


def test_replay_of_a_missing_archive_is_logged_and_serves_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    handler = replay_handler(tmp_path / "nowhere.warc.gz")
    assert handler.archive is None
    assert "Replay source unusable" in caplog.text and "nowhere.warc.gz" in caplog.text
    response = fetch(handler, f"{ORIGIN}/ar/1.html")
    assert (response.status, response.flags) == (404, [REPLAY_MISS_FLAG])
    assert handler.crawler.stats is not None
    assert handler.crawler.stats.get_value("replay/error") == 1


# ----------------------------------------------------------------------------- via


def test_via_request_rewrites_a_copy_and_leaves_the_original_alone() -> None:
    original = Request(
        f"{ORIGIN}/ar/أخبار.html?page=2#top", method="POST", body=b"q=1",
        headers={"Accept-Language": "ar"}, meta={"proxy": "http://proxy:3128", "depth": 3},
    )
    forwarded = via_request(original, "http://127.0.0.1:8000")
    assert forwarded.url == (
        "http://127.0.0.1:8000/ar/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1.html?page=2"
    )
    assert forwarded.headers[b"Host"] == b"www.arabstoday.net"
    assert forwarded.headers[b"X-Forwarded-Proto"] == b"https"
    assert forwarded.headers[b"Accept-Language"] == b"ar"
    assert (forwarded.method, forwarded.body) == ("POST", b"q=1")
    assert forwarded.meta == {"depth": 3}
    assert original.url.startswith(ORIGIN)
    assert b"Host" not in original.headers and b"X-Forwarded-Proto" not in original.headers
    assert original.meta["proxy"] == "http://proxy:3128"


def test_via_request_keeps_a_non_default_port_in_host() -> None:
    forwarded = via_request(Request("http://arabstoday.net:8080/"), "http://127.0.0.1:9/base")
    assert forwarded.url == "http://127.0.0.1:9/base/"
    assert forwarded.headers[b"Host"] == b"arabstoday.net:8080"
    assert forwarded.headers[b"X-Forwarded-Proto"] == b"http"


def test_bad_via_url_is_refused() -> None:
    with pytest.raises(ValueError, match="VIA_URL"):
        NetworkDownloadHandler.from_crawler(get_crawler(settings_dict={"VIA_URL": "localhost"}))


class SimulatorHandler(BaseHTTPRequestHandler):
    """Answers only requests that carry the real site's Host and scheme."""

    protocol_version = "HTTP/1.1"
    seen: list[dict[str, str]]

    def do_GET(self) -> None:
        self._answer(b"")

    def do_POST(self) -> None:
        self._answer(self.rfile.read(int(self.headers.get("Content-Length", "0"))))

    def _answer(self, body_in: bytes) -> None:
        host, proto = self.headers.get("Host", ""), self.headers.get("X-Forwarded-Proto", "")
        self.seen.append({"host": host, "proto": proto, "path": self.path,
                          "method": self.command, "body": body_in.decode()})
        if host != "www.arabstoday.net" or proto != "https":
            return self._send(400, b"wrong host or scheme")
        if self.path == "/robots.txt":
            return self._send(200, b"User-agent: *\nDisallow:\n", "text/plain")
        if self.path == "/ar/":
            links = '<a href="/ar/old?id=5">قديم</a><a href="https://www.arabstoday.net/ar/2.html">٢</a>'
            return self._send(200, f"<html><body><h1>الرئيسية</h1>{links}</body></html>".encode())
        if self.path == "/ar/old?id=5":
            return self._send(301, b"", extra=[("Location", "/ar/1.html")])
        if self.path in ("/ar/1.html", "/ar/2.html", "/search"):
            title = f"{self.path} {body_in.decode()}".strip()
            return self._send(200, f"<html><head><title>{title}</title></head></html>".encode())
        return self._send(404, b"not here")

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
              extra: list[tuple[str, str]] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra or []:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def simulator() -> Iterator[tuple[str, list[dict[str, str]]]]:
    seen: list[dict[str, str]] = []
    with serving(type("H", (SimulatorHandler,), {"seen": seen})) as base_url:
        yield base_url, seen


VIA_SPIDER = textwrap.dedent(
    '''
    import json, sys
    import scrapy
    from scrapy.crawler import CrawlerProcess

    config = json.loads(sys.argv[1])

    class ViaSpider(scrapy.Spider):
        name = "via"

        async def start(self):
            yield scrapy.Request(config["origin"] + "/ar/")
            yield scrapy.Request(config["origin"] + "/search", method="POST", body=b"q=news",
                                 callback=self.parse_page)

        def parse(self, response):
            yield self.parse_page(response)
            for href in response.css("a::attr(href)").getall():
                yield response.follow(href, callback=self.parse_page)

        def parse_page(self, response):
            return {
                "url": response.url,
                "status": response.status,
                "title": response.css("title::text").get() or response.css("h1::text").get(),
                "redirected_from": response.request.meta.get("redirect_urls", []),
            }

    process = CrawlerProcess({
        "DOWNLOAD_HANDLERS": {
            "http": "crawler.crawl.download.NetworkDownloadHandler",
            "https": "crawler.crawl.download.NetworkDownloadHandler",
        },
        "DOWNLOADER_MIDDLEWARES": {"crawler.crawl.recorder.WarcRecorderMiddleware": 950},
        "ROBOTSTXT_OBEY": True,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "RETRY_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "HTTPERROR_ALLOWED_CODES": [400, 404],
        "FEEDS": {config["items"]: {"format": "jsonlines", "encoding": "utf-8"}},
        "LOG_FILE": config["log"],
        **config["settings"],
    })
    process.crawl(ViaSpider)
    process.start()
    '''
)


@pytest.mark.slow
def test_via_mode_reaches_the_simulator_and_keeps_original_urls(
    simulator: tuple[str, list[dict[str, str]]], tmp_path: Path
) -> None:
    via_url, seen = simulator
    script = tmp_path / "via_spider.py"
    script.write_text(VIA_SPIDER, encoding="utf-8")
    warc = tmp_path / "via.warc.gz"
    config: dict[str, Any] = {
        "origin": ORIGIN,
        "items": str(tmp_path / "items.jsonl"),
        "log": str(tmp_path / "via.log"),
        "settings": {"VIA_URL": via_url + "/", "WARC_OUTPUT": str(warc)},
    }
    proc = subprocess.run(
        [sys.executable, str(script), json.dumps(config)], cwd=tmp_path, capture_output=True,
        text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
    )
    log = Path(config["log"]).read_text(encoding="utf-8")
    assert proc.returncode == 0, proc.stderr[-3000:] + log[-3000:]

    items = {item["url"]: item for item in jsonlines.open(config["items"])}
    assert set(items) == {
        f"{ORIGIN}/ar/", f"{ORIGIN}/ar/1.html", f"{ORIGIN}/ar/2.html", f"{ORIGIN}/search",
    }
    assert all(item["status"] == 200 for item in items.values()), items
    assert items[f"{ORIGIN}/ar/1.html"]["redirected_from"] == [f"{ORIGIN}/ar/old?id=5"]
    assert items[f"{ORIGIN}/search"]["title"] == "/search q=news"

    assert {(s["host"], s["proto"]) for s in seen} == {("www.arabstoday.net", "https")}
    assert {s["path"] for s in seen} == {
        "/robots.txt", "/ar/", "/ar/old?id=5", "/ar/1.html", "/ar/2.html", "/search",
    }
    assert [s["method"] for s in seen if s["path"] == "/search"] == ["POST"]

    with warc.open("rb") as stream:
        targets = {
            record.rec_headers.get_header("WARC-Target-URI")
            for record in ArchiveIterator(stream) if record.rec_type == "response"
        }
    assert f"{ORIGIN}/ar/old?id=5" in targets and f"{ORIGIN}/robots.txt" in targets
    assert not any(target.startswith(via_url) for target in targets)
