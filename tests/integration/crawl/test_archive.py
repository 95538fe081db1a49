"""WARC recording and offline replay: real Scrapy crawls against a local server, then replay."""

from __future__ import annotations

import codecs
import gzip
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from io import BytesIO
from pathlib import Path
from typing import Any

import jsonlines
import pytest
from scrapy import Request, Spider
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.crawl.archive import (
    REPLAY_MISS_FLAG,
    ReplayArchive,
    ReplayArchiveError,
    replay_key,
    save_html,
    saved_page_url,
)
from crawler.crawl.recorder import WarcRecorderMiddleware
from tests.support import PROJECT_ROOT, run_crawl, serving

WARCIO = Path(sys.executable).parent / "warcio"

# Synthetic pages modelled on the site's layout (no real article text).
ARABIC_PATH = "/ar/أخبار-اليوم/"


def page(title: str, body: str = "", links: tuple[str, ...] = ()) -> bytes:
    anchors = "".join(f'<a href="{href}">رابط</a>' for href in links)
    return (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body><h1>{title}</h1><p>{body}</p>{anchors}"
        "</body></html>"
    ).encode()


HOME = page(
    "الصفحة الرئيسية",
    "نص تجريبي قصير",
    ("/gz.html", "/old", "/missing", "/chunked.html", "/private/secret.html", "/to-arabic"),
)
GZ_PAGE = page("صفحة مضغوطة", "هذا نص تجريبي يصل مضغوطا")
NEW_PAGE = page("الصفحة الجديدة", "وصلنا بعد التحويل")
CHUNKED_PAGE = page("صفحة مجزأة", "نص تجريبي يصل على دفعات " * 20)
ARABIC_PAGE = page("أخبار اليوم", "رابط بحروف عربية")
NOT_FOUND = page("غير موجود")
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


class SiteHandler(BaseHTTPRequestHandler):
    """A tiny site: HTML, gzip-encoded HTML, a 301, a 404, a chunked page, robots.txt."""

    protocol_version = "HTTP/1.1"
    seen: list[str]

    def do_GET(self) -> None:
        self.seen.append(self.path)
        path = self.path.split("?")[0]
        if path == "/robots.txt":
            self._send(200, ROBOTS, "text/plain")
        elif path == "/page.html":
            self._send(200, HOME)
        elif path == "/gz.html":
            self._send(200, gzip.compress(GZ_PAGE), extra=[("Content-Encoding", "gzip")])
        elif path == "/old":
            self._send(301, b"", extra=[("Location", "/new.html")])
        elif path == "/to-arabic":
            # Raw UTF-8 in Location, as some servers send it.
            self._send(302, b"", extra=[("Location", ARABIC_PATH)])
        elif path == "/new.html":
            self._send(200, NEW_PAGE)
        elif path == "/chunked.html":
            self._send_chunked(CHUNKED_PAGE)
        elif path == "/ar/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1-%D8%A7%D9%84%D9%8A%D9%88%D9%85/":
            self._send(200, ARABIC_PAGE)
        else:
            self._send(404, NOT_FOUND)

    def _send(
        self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
        extra: list[tuple[str, str]] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra or []:
            # send_header writes latin-1: this round trip puts raw UTF-8 bytes on the wire.
            self.send_header(name, value.encode().decode("latin-1"))
        self.end_headers()
        self.wfile.write(body)

    def _send_chunked(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for start in range(0, len(body), 100):
            chunk = body[start : start + 100]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        self.wfile.write(b"0\r\n\r\n")

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Site:
    base: str
    seen: list[str]


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    seen: list[str] = []
    with serving(type("Handler", (SiteHandler,), {"seen": seen})) as base_url:
        yield Site(base_url, seen)


# ----------------------------------------------------------------------------- crawling

SPIDER = textwrap.dedent(
    '''
    import json, sys
    import scrapy
    from scrapy.crawler import CrawlerProcess

    config = json.loads(sys.argv[1])

    class TinySpider(scrapy.Spider):
        name = "tiny"
        start_urls = config["start_urls"]
        custom_settings = {"HTTPERROR_ALLOWED_CODES": [404]}

        def parse(self, response):
            yield {
                "url": response.url,
                "status": response.status,
                "title": response.css("title::text").get(),
                "flags": response.flags,
                "redirected_from": response.request.meta.get("redirect_urls", []),
            }
            for href in response.css("a::attr(href)").getall():
                yield response.follow(href)

        def closed(self, reason):
            with open(config["stats"], "w", encoding="utf-8") as f:
                json.dump({**self.crawler.stats.get_stats(), "closed_reason": reason}, f,
                          default=str)

    settings = {
        "DOWNLOAD_HANDLERS": {
            "http": "crawler.crawl.download.NetworkDownloadHandler",
            "https": "crawler.crawl.download.NetworkDownloadHandler",
        },
        "DOWNLOADER_MIDDLEWARES": {"crawler.crawl.recorder.WarcRecorderMiddleware": 950},
        "EXTENSIONS": {"crawler.crawl.archive.ReplaySource": 0},
        "ROBOTSTXT_OBEY": True,
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "RETRY_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "FEEDS": {config["items"]: {"format": "jsonlines", "encoding": "utf-8"}},
        "LOG_FILE": config["log"],
        "LOG_LEVEL": "INFO",
        **config["settings"],
    }
    process = CrawlerProcess(settings)
    process.crawl(TinySpider)
    process.start()
    '''
)


@dataclass
class Crawl:
    items: list[dict[str, Any]]
    stats: dict[str, Any]
    log: str

    def by_url(self) -> dict[str, dict[str, Any]]:
        return {item["url"]: item for item in self.items}


def run_spider(tmp: Path, name: str, start_urls: list[str], settings: dict[str, Any]) -> Crawl:
    """Run the tiny spider in a fresh process (one reactor per crawl)."""
    tmp.mkdir(parents=True, exist_ok=True)
    script = tmp / "tiny_spider.py"
    script.write_text(SPIDER, encoding="utf-8")
    config: dict[str, Any] = {
        "start_urls": start_urls,
        "settings": settings,
        "items": str(tmp / f"{name}.jsonl"),
        "stats": str(tmp / f"{name}-stats.json"),
        "log": str(tmp / f"{name}.log"),
    }
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    proc = subprocess.run(
        [sys.executable, str(script), json.dumps(config)],
        cwd=tmp, env=env, capture_output=True, text=True, timeout=60,
    )
    log = Path(config["log"]).read_text(encoding="utf-8")
    assert proc.returncode == 0, proc.stderr[-3000:] + log[-3000:]
    items = list(jsonlines.open(config["items"]))
    stats = json.loads(Path(config["stats"]).read_text(encoding="utf-8"))
    return Crawl(items, stats, log)


@dataclass
class Recording:
    crawl: Crawl
    warc: Path
    site: Site


@pytest.fixture(scope="module")
def recording(site: Site, tmp_path_factory: pytest.TempPathFactory) -> Recording:
    tmp = tmp_path_factory.mktemp("record")
    warc = tmp / "out" / "nested" / "crawl-%(time)s.warc.gz"
    crawl = run_spider(tmp, "record", [f"{site.base}/page.html"], {"WARC_OUTPUT": str(warc)})
    [written] = sorted((tmp / "out" / "nested").glob("crawl-*.warc.gz"))
    return Recording(crawl, written, site)


def read_records(path: Path) -> list[dict[str, Any]]:
    records = []
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            http = record.http_headers
            records.append(
                {
                    "type": record.rec_type,
                    "uri": record.rec_headers.get_header("WARC-Target-URI"),
                    "warc_headers": dict(record.rec_headers.headers),
                    "status": http.get_statuscode() if http and record.rec_type == "response"
                    else None,
                    "http_headers": dict(http.headers) if http else {},
                    "statusline": http.statusline if http else None,
                    "protocol": http.protocol if http else None,
                    "raw": record.raw_stream.read(),
                }
            )
    return records


def responses(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["uri"]: r for r in records if r["type"] == "response"}


# ----------------------------------------------------------------------------- recording


@pytest.mark.slow
def test_recorded_warc_passes_warcio_check_and_index(recording: Recording) -> None:
    check = subprocess.run(
        [str(WARCIO), "check", "-v", str(recording.warc)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    index = subprocess.run(
        [str(WARCIO), "index", "-f", "warc-type,warc-target-uri", str(recording.warc)],
        capture_output=True, text=True, check=True,
    )
    rows = [json.loads(line) for line in index.stdout.splitlines()]
    assert rows[0]["warc-type"] == "warcinfo"
    indexed = {row.get("warc-target-uri") for row in rows if row["warc-type"] == "response"}
    assert f"{recording.site.base}/old" in indexed
    assert f"{recording.site.base}/new.html" in indexed


@pytest.mark.slow
def test_records_hold_raw_bodies_real_urls_and_pairs(recording: Recording) -> None:
    base = recording.site.base
    records = read_records(recording.warc)
    assert records[0]["type"] == "warcinfo"
    assert b"arabstoday-crawler/" in records[0]["raw"]
    assert all(r["warc_headers"]["WARC-Date"] for r in records)
    by_uri = responses(records)

    gz = by_uri[f"{base}/gz.html"]
    assert gz["http_headers"]["Content-Encoding"] == "gzip"
    assert gz["raw"][:2] == b"\x1f\x8b", "body must stay compressed as received"
    assert gzip.decompress(gz["raw"]) == GZ_PAGE

    moved = by_uri[f"{base}/old"]
    assert moved["statusline"] == "301 Moved Permanently"
    assert moved["http_headers"]["Location"] == "/new.html"
    assert by_uri[f"{base}/new.html"]["raw"] == NEW_PAGE
    assert by_uri[f"{base}/missing"]["status"] == "404"
    assert by_uri[f"{base}/robots.txt"]["raw"] == ROBOTS
    assert by_uri[f"{base}/page.html"]["warc_headers"]["WARC-IP-Address"] == "127.0.0.1"
    assert by_uri[f"{base}/page.html"]["protocol"] == "HTTP/1.1"

    chunked = by_uri[f"{base}/chunked.html"]
    assert chunked["raw"] == CHUNKED_PAGE
    # Twisted hands over the body de-chunked: no header may claim otherwise.
    assert "Transfer-Encoding" not in chunked["http_headers"]

    # Every response has its request record, linked by WARC-Concurrent-To.
    response_ids = {r["warc_headers"]["WARC-Record-ID"]: r["uri"] for r in by_uri.values()}
    requests = [r for r in records if r["type"] == "request"]
    assert len(requests) == len(by_uri)
    for request in requests:
        assert response_ids[request["warc_headers"]["WARC-Concurrent-To"]] == request["uri"]
        assert request["protocol"] == "GET"
        assert "Host" in request["http_headers"]
    assert recording.crawl.stats["warc/records"] == len(records)
    assert f"{base}/private/secret.html" not in by_uri, "robots.txt still obeyed"


@pytest.mark.slow
def test_recording_does_not_change_what_the_spider_sees(recording: Recording) -> None:
    base = recording.site.base
    items = recording.crawl.by_url()
    assert items[f"{base}/gz.html"]["title"] == "صفحة مضغوطة"
    assert items[f"{base}/new.html"]["redirected_from"] == [f"{base}/old"]
    assert items[f"{base}/chunked.html"]["title"] == "صفحة مجزأة"
    assert items[f"{base}/missing"]["status"] == 404
    arabic = items[f"{base}/ar/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1-%D8%A7%D9%84%D9%8A%D9%88%D9%85/"]
    assert arabic["title"] == "أخبار اليوم"
    assert arabic["redirected_from"] == [f"{base}/to-arabic"]


# ----------------------------------------------------------------------------- replay


def comparable(crawl: Crawl) -> set[tuple[str, int, str, tuple[str, ...]]]:
    return {
        (i["url"], i["status"], i["title"], tuple(i["redirected_from"])) for i in crawl.items
    }


@pytest.mark.slow
def test_replay_reproduces_the_crawl_offline(recording: Recording, tmp_path: Path) -> None:
    base = recording.site.base
    requests_before = len(recording.site.seen)
    never_recorded = f"{base}/never-recorded.html"
    replay = run_spider(
        tmp_path, "replay", [f"{base}/page.html", never_recorded],
        {"REPLAY_PATH": str(recording.warc)},
    )
    assert len(recording.site.seen) == requests_before, "replay must not touch the network"
    assert comparable(replay) - {(never_recorded, 404, None, ())} == comparable(recording.crawl)
    assert replay.stats["replay/miss"] == 1
    assert replay.stats["replay/hit"] == recording.crawl.stats["warc/responses"]
    assert replay.stats["closed_reason"] == "finished"
    assert f"Replay miss (not in archive): {never_recorded}" in replay.log
    assert all("replayed" in item["flags"] for item in replay.items if item["status"] == 200)


@pytest.mark.slow
def test_replay_of_replay_records_no_misses(recording: Recording, tmp_path: Path) -> None:
    base = recording.site.base
    rewarc = tmp_path / "again.warc"
    replay = run_spider(
        tmp_path, "rereplay", [f"{base}/page.html", f"{base}/never-recorded.html"],
        {"REPLAY_PATH": str(recording.warc), "WARC_OUTPUT": str(rewarc)},
    )
    assert replay.stats["replay/miss"] == 1
    again = responses(read_records(rewarc))
    assert f"{base}/never-recorded.html" not in again
    assert set(again) == set(responses(read_records(recording.warc)))
    assert again[f"{base}/gz.html"]["raw"][:2] == b"\x1f\x8b"


@pytest.mark.slow
def test_replay_from_a_missing_source_closes_the_spider(site: Site, tmp_path: Path) -> None:
    requests_before = len(site.seen)
    crawl = run_spider(tmp_path, "nowhere", [f"{site.base}/page.html"],
                       {"REPLAY_PATH": str(tmp_path / "typo.warc.gz")})
    assert crawl.stats["closed_reason"] == "replay_error"
    assert crawl.items == [] and len(site.seen) == requests_before
    assert "typo.warc.gz" in crawl.log


@pytest.mark.slow
def test_replay_from_a_source_without_a_readable_page_closes_the_spider(
        site: Site, tmp_path: Path) -> None:
    (tmp_path / "saved").mkdir()
    (tmp_path / "saved" / "lost.html").write_bytes(page("بلا رابط"))
    (tmp_path / "saved" / "torn.warc.gz").write_bytes(b"\x1f\x8b not a warc")
    requests_before = len(site.seen)
    crawl = run_spider(tmp_path, "unreadable", [f"{site.base}/page.html"],
                       {"REPLAY_PATH": str(tmp_path / "saved")})
    assert crawl.stats["closed_reason"] == "replay_error"
    assert crawl.items == [] and len(site.seen) == requests_before
    assert "holds no readable page" in crawl.log


@pytest.mark.slow
def test_replay_from_a_folder_of_saved_html(tmp_path: Path) -> None:
    origin = "https://www.arabstoday.net"
    folder = tmp_path / "saved"
    pages = {
        "/page.html": page("الرئيسية", "نص", ("/ar/خبر-1.html", "/ar/خبر-2.html")),
        "/ar/خبر-1.html": page("الخبر الأول", "نص تجريبي"),
        "/ar/خبر-2.html": page("الخبر الثاني", "نص تجريبي آخر"),
    }
    for number, (path, html) in enumerate(pages.items()):
        save_html(folder / f"page-{number}.html", origin + path, html)
    (folder / "no-url.html").write_bytes(page("بلا رابط"))
    replay = run_spider(
        tmp_path, "saved", [f"{origin}/page.html"],
        {"REPLAY_PATH": str(folder), "ROBOTSTXT_OBEY": False},
    )
    titles = {item["url"]: item["title"] for item in replay.items}
    assert titles == {
        f"{origin}/page.html": "الرئيسية",
        f"{origin}/ar/%D8%AE%D8%A8%D8%B1-1.html": "الخبر الأول",
        f"{origin}/ar/%D8%AE%D8%A8%D8%B1-2.html": "الخبر الثاني",
    }
    assert replay.stats["replay/hit"] == 3
    assert "no-url.html" in replay.log


# ----------------------------------------------------------------------------- archive


def write_warc(path: Path, pages: list[tuple[str, int, list[tuple[str, str]], bytes]]) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"), warc_version="1.1")
        for url, status, headers, body in pages:
            http = StatusAndHeaders(f"{status} X", headers, protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=BytesIO(body),
                                          http_headers=http)
            )


HTML = [("Content-Type", "text/html; charset=utf-8")]


def test_last_record_wins_across_files_and_within_a_file(tmp_path: Path) -> None:
    url = "https://www.arabstoday.net/ar/x.html"
    write_warc(tmp_path / "a.warc.gz", [(url, 200, HTML, b"one"), (url, 200, HTML, b"two")])
    write_warc(tmp_path / "b.warc", [(url, 200, HTML, b"three")])
    assert ReplayArchive.load(tmp_path / "a.warc.gz").lookup(url).body == b"two"  # type: ignore[union-attr]
    both = ReplayArchive.load([tmp_path / "a.warc.gz", tmp_path / "b.warc"])
    assert both.lookup(url).body == b"three"  # type: ignore[union-attr]
    assert (len(both), both.records, both.files) == (1, 3, 2)
    assert both.summary() == "1 URLs from 3 records in 2 files"
    reversed_order = ReplayArchive.load([tmp_path / "b.warc", tmp_path / "a.warc.gz"])
    assert reversed_order.lookup(url).body == b"two"  # type: ignore[union-attr]


def test_lookup_matches_encoding_variants_and_ignores_fragments(tmp_path: Path) -> None:
    raw = "https://www.arabstoday.net/ar/أخبار.html?b=2&a=1"
    write_warc(tmp_path / "a.warc.gz", [(raw, 200, HTML, b"arabic")])
    archive = ReplayArchive.load(tmp_path)
    for variant in (
        raw,
        "https://www.arabstoday.net/ar/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1.html?a=1&b=2",
        "https://WWW.arabstoday.net:443/ar/%d8%a3%d8%ae%d8%a8%d8%a7%d8%b1.html?a=1&b=2#top",
    ):
        found = archive.lookup(variant)
        assert found is not None and found.body == b"arabic", variant
    assert archive.lookup("http://www.arabstoday.net/ar/أخبار.html?b=2&a=1") is None
    assert replay_key(raw) == replay_key(raw + "#x")


def test_an_article_is_found_under_another_spelling_of_its_url(tmp_path: Path) -> None:
    canonical = "https://www.arabstoday.net/485/101501-%D8%AE%D8%A8%D8%B1"
    write_warc(tmp_path / "cc.warc.gz", [
        ("https://www.arabstoday.net/amp/485/101501-خبر", 200, HTML, b"amp"),
        ("http://arabstoday.net/485/101501-خبر?utm_source=x", 200, HTML, b"plain"),
        ("https://mail.omantoday.net/w-12/101501-%D8%B1%D8%A3%D9%8A", 200, HTML, b"alias"),
        ("https://omantoday.net/w-12/2013-01-20-05-49-31", 301,
         [("Location", "https://www.omantoday.net/w-12/2013-01-20-05-49-31")], b""),
        ("https://palestinetoday.net/3/120000-only-amp", 404, HTML, b"gone"),
        ("https://www.palestinetoday.net/amp/3/120000-only-amp", 200, HTML, b"amp only"),
        ("https://www.example.com/485/101501-x", 200, HTML, b"elsewhere"),
    ])
    archive = ReplayArchive.load(tmp_path)
    assert archive.lookup(canonical) is None  # not recorded under its canonical URL
    found = archive.lookup_article(canonical)
    assert found is not None and found.body == b"plain"  # a plain page before the AMP one
    alias = archive.lookup_article("https://www.omantoday.net/w-12/101501-رأي")
    assert alias is not None and alias.body == b"alias"
    amp = archive.lookup_article("https://www.palestinetoday.net/3/120000-only-amp")
    assert amp is not None and amp.body == b"amp only"  # the 404 spelling is passed over
    # only a redirect recorded: nothing to serve; not an article URL: not looked for
    assert archive.lookup_article("https://www.omantoday.net/w-12/2013-01-20-05-49-31") is None
    assert archive.lookup_article("https://www.example.com/485/101501-x") is None
    assert archive.lookup_article("https://www.arabstoday.net/robots.txt") is None


def test_archive_reads_bodies_on_lookup_not_at_load(tmp_path: Path) -> None:
    url = "https://www.arabstoday.net/ar/big.html"
    big = b"<html>" + b"x" * 200_000 + b"</html>"
    write_warc(tmp_path / "a.warc.gz", [(url, 200, HTML, big)])
    archive = ReplayArchive.load(tmp_path / "a.warc.gz")
    (tmp_path / "a.warc.gz").rename(tmp_path / "moved.warc.gz")
    with pytest.raises(ReplayArchiveError, match="cannot read") as caught:
        archive.lookup(url)
    assert isinstance(caught.value.__cause__, FileNotFoundError)


def test_foreign_chunked_and_resource_records(tmp_path: Path) -> None:
    chunked_url = "https://www.arabstoday.net/chunked"
    body = b"<html><body>chunked</body></html>"
    framed = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    gz_framed = gzip.compress(body)
    gz_framed = b"%x\r\n%s\r\n0\r\n\r\n" % (len(gz_framed), gz_framed)
    chunked = [*HTML, ("Transfer-Encoding", "chunked")]
    write_warc(tmp_path / "a.warc", [
        (chunked_url, 200, chunked, framed),
        (chunked_url + "-gz", 200, [*chunked, ("Content-Encoding", "gzip")], gz_framed),
    ])
    with (tmp_path / "b.warc").open("wb") as stream:
        writer = WARCWriter(stream, gzip=False, warc_version="1.1")
        writer.write_record(writer.create_warc_record(
            "https://www.arabstoday.net/resource", "resource", payload=BytesIO(b"<p>r</p>"),
            warc_content_type="text/html",
        ))
    archive = ReplayArchive.load(tmp_path)
    for url in (chunked_url, chunked_url + "-gz"):
        found = archive.lookup(url)
        assert found is not None and found.body == body
        names = {name.lower() for name, _ in found.headers}
        assert not names & {"transfer-encoding", "content-encoding"}
    resource = archive.lookup("https://www.arabstoday.net/resource")
    assert resource is not None and resource.status == 200 and resource.body == b"<p>r</p>"
    assert ("Content-Type", "text/html") in resource.headers


def test_revisit_records_serve_the_original_payload(tmp_path: Path) -> None:
    first, again = "https://www.arabstoday.net/ar/1.html", "https://www.arabstoday.net/ar/1b.html"
    body = gzip.compress(b"<html><body>same payload</body></html>")
    path = tmp_path / "dedup.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True, warc_version="1.1")
        headers = [*HTML, ("Content-Encoding", "gzip")]
        original = writer.create_warc_record(
            first, "response", payload=BytesIO(body),
            http_headers=StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1"),
        )
        writer.write_record(original)
        digest = original.rec_headers.get_header("WARC-Payload-Digest")
        writer.write_record(writer.create_revisit_record(
            again, digest, first, original.rec_headers.get_header("WARC-Date"),
            http_headers=StatusAndHeaders("200 OK", [*headers, ("X-Seen", "twice")],
                                          protocol="HTTP/1.1"),
        ))
        writer.write_record(writer.create_revisit_record(
            "https://www.arabstoday.net/orphan", "sha1:AAAA", first, "2024-01-01T00:00:00Z",
        ))
    archive = ReplayArchive.load(path)
    revisit = archive.lookup(again)
    assert revisit is not None and revisit.url == again and revisit.body == body
    assert ("X-Seen", "twice") in revisit.headers
    assert ("Content-Encoding", "gzip") in revisit.headers
    with pytest.raises(ReplayArchiveError, match="not in the archive"):
        archive.lookup("https://www.arabstoday.net/orphan")


@pytest.mark.slow
def test_a_torn_last_record_keeps_the_whole_ones(recording: Recording, tmp_path: Path) -> None:
    torn = tmp_path / "torn.warc.gz"
    data = recording.warc.read_bytes()
    torn.write_bytes(data[: len(data) - 200])
    whole = ReplayArchive.load(recording.warc)
    partial = ReplayArchive.load(torn)
    assert 0 < len(partial) < len(whole)
    assert partial.skipped == [] and partial.files == 1
    for url in partial.urls():
        assert partial.lookup(url) == whole.lookup(url)


def test_saved_html_url_sources_and_charset(tmp_path: Path) -> None:
    canonical = b'<html><head><link rel="Canonical" href="https://www.arabstoday.net/c.html">'
    og = b'<html><head><meta property="og:url" content="https://www.arabstoday.net/o.html">'
    relative = b'<html><head><link rel="canonical" href="/rel.html"></head></html>'
    assert saved_page_url(canonical + b"</head></html>") == "https://www.arabstoday.net/c.html"
    assert saved_page_url(og + b"</head></html>") == "https://www.arabstoday.net/o.html"
    assert saved_page_url(relative) is None
    ie_style = b"<!-- saved from url=(0033)https://www.arabstoday.net/i.html -->\r\n<html></html>"
    assert saved_page_url(ie_style) == "https://www.arabstoday.net/i.html"

    cp1256 = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
        "</head><body>عنوان</body></html>"
    ).encode("cp1256")
    save_html(tmp_path / "win.htm", "https://www.arabstoday.net/win.html", cp1256)
    (tmp_path / "lost.html").write_bytes(b"<html><body>no url</body></html>")
    (tmp_path / "notes.txt").write_text("ignored")
    archive = ReplayArchive.load(tmp_path)
    assert len(archive) == 1
    assert [path.name for path, _ in archive.skipped] == ["lost.html"]
    assert "1 files skipped" in archive.summary()
    found = archive.lookup("https://www.arabstoday.net/win.html")
    assert found is not None and found.status == 200
    content_type = dict(found.headers)["Content-Type"]
    assert content_type.startswith("text/html; charset=")
    assert codecs.lookup(content_type.split("=")[1]).name == "cp1256"
    assert "عنوان".encode("cp1256") in found.body


def test_save_html_writes_browser_comment_after_doctype(tmp_path: Path) -> None:
    url = "https://www.arabstoday.net/ar/خبر.html"
    target = save_html(tmp_path / "deep" / "p.html", url, b"<!DOCTYPE html>\n<html></html>")
    first_line = target.read_bytes().splitlines()[0]
    encoded = b"https://www.arabstoday.net/ar/%D8%AE%D8%A8%D8%B1.html"
    assert first_line == b"<!DOCTYPE html><!-- saved from url=(%04d)%s -->" % (
        len(encoded), encoded)
    assert replay_key(saved_page_url(target.read_bytes()) or "") == replay_key(url)
    with pytest.raises(ValueError):
        save_html(tmp_path / "x.html", "/relative.html", b"")


def test_bad_sources_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ReplayArchiveError, match="not found"):
        ReplayArchive.load(tmp_path / "absent.warc.gz")
    (tmp_path / "data.json").write_text("{}")
    with pytest.raises(ReplayArchiveError, match="neither"):
        ReplayArchive.load(tmp_path / "data.json")
    (tmp_path / "broken.warc.gz").write_bytes(b"this is not a warc file at all")
    archive = ReplayArchive.load(tmp_path / "broken.warc.gz")
    assert len(archive) == 0 and archive.skipped[0][0].name == "broken.warc.gz"


# ----------------------------------------------------------------------------- recorder


def test_recorder_is_off_without_warc_output_and_refuses_bad_paths(tmp_path: Path) -> None:
    with pytest.raises(NotConfigured):
        WarcRecorderMiddleware.from_crawler(get_crawler())
    with pytest.raises(ValueError, match="placeholders"):
        WarcRecorderMiddleware.from_crawler(
            get_crawler(settings_dict={"WARC_OUTPUT": str(tmp_path / "a-%(date)s.warc.gz")})
        )
    (tmp_path / "file").write_text("x")
    with pytest.raises(OSError):
        WarcRecorderMiddleware.from_crawler(
            get_crawler(settings_dict={"WARC_OUTPUT": str(tmp_path / "file" / "x.warc.gz")})
        )


def test_recorder_write_failures_are_counted_not_raised(tmp_path: Path) -> None:
    crawler = get_crawler(settings_dict={"WARC_OUTPUT": str(tmp_path / "%(name)s.warc")})
    crawler.spider = Spider(name="tiny")
    recorder = WarcRecorderMiddleware.from_crawler(crawler)
    assert recorder.path == tmp_path / "tiny.warc"
    request = Request("https://www.arabstoday.net/ar/1.html")
    response = HtmlResponse(request.url, body=b"<p>1</p>", headers={"Content-Type": "text/html"})
    assert recorder.process_response(request, response) is response
    missing = Response(request.url, status=404, flags=[REPLAY_MISS_FLAG])
    assert recorder.process_response(request, missing) is missing
    assert crawler.stats is not None
    assert crawler.stats.get_value("warc/records") == 2
    # Flushed per record: a crawl killed now leaves a valid file.
    check = subprocess.run([str(WARCIO), "check", str(recorder.path)], capture_output=True)
    assert check.returncode == 0 and (tmp_path / "tiny.warc").stat().st_size > 0
    recorder._stream.close()  # type: ignore[union-attr]  # simulate a dead disk
    assert recorder.process_response(request, response) is response
    assert crawler.stats.get_value("warc/errors") == 1
    with (tmp_path / "tiny.warc").open("rb") as stream:
        types = [record.rec_type for record in ArchiveIterator(stream)]
    assert types == ["request", "response"]


# -- damaged archives --------------------------------------------------------------------------

SAMPLE_WARC = PROJECT_ROOT / "samples" / "network.warc.gz"


def _intact() -> ReplayArchive:
    return ReplayArchive.load(SAMPLE_WARC)


def test_a_corrupt_gzip_member_costs_only_its_own_record(tmp_path: Path,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    data = bytearray(SAMPLE_WARC.read_bytes())
    third = len(data) // 3
    data[third:third + 200] = bytes(b ^ 0x55 for b in data[third:third + 200])
    damaged = tmp_path / "damaged.warc.gz"
    damaged.write_bytes(bytes(data))
    intact = _intact()
    archive = ReplayArchive.load(damaged)
    assert intact.records - 2 <= archive.records < intact.records  # was 46 of 122
    [(path, damage)] = archive.damaged
    assert path == damaged and damage.regions >= 1 and damage.after_damage > 50
    assert not damage.truncated
    assert "is damaged" in caplog.text and f"{archive.records} intact records kept" in caplog.text
    lost = set(intact.urls()) - set(archive.urls())
    assert len(lost) <= 2 and all(archive.lookup(url) is not None for url in archive.urls())


@pytest.mark.parametrize("cut", [100, 5, 3000])
def test_a_truncated_archive_keeps_its_whole_records_and_says_it_is_cut(
        tmp_path: Path, cut: int, caplog: pytest.LogCaptureFixture) -> None:
    data = SAMPLE_WARC.read_bytes()
    truncated = tmp_path / "cut.warc.gz"
    truncated.write_bytes(data[:-cut])
    archive = ReplayArchive.load(truncated)
    assert archive.records >= _intact().records - 2
    [(_, damage)] = archive.damaged
    assert damage.truncated and "the file is cut short" in caplog.text


def test_an_uncompressed_warc_read_whole_is_not_damaged(tmp_path: Path) -> None:
    plain = tmp_path / "plain.warc"
    plain.write_bytes(gzip.decompress(SAMPLE_WARC.read_bytes()))
    archive = ReplayArchive.load(plain)
    assert archive.records == _intact().records and not archive.damaged


@pytest.mark.slow
def test_a_replay_of_a_damaged_archive_reports_the_damage(tmp_path: Path) -> None:
    data = bytearray(SAMPLE_WARC.read_bytes())
    third = len(data) // 3
    data[third:third + 200] = bytes(b ^ 0x55 for b in data[third:third + 200])
    damaged = tmp_path / "damaged.warc.gz"
    damaged.write_bytes(bytes(data[:-100]))
    run = run_crawl(tmp_path, "-a", f"replay={damaged}", "-s", "REPORT_FAIL_EXIT=0")
    replay = run.report["replay"]
    assert replay["damaged_files"] == 1 and replay["truncated_files"] == 1
    assert replay["records_after_damage"] > 50 and replay["damaged_regions"] >= 2
    assert len(run.items) > 50
