"""Replay crawls what the archive holds: archived article pages that no robots.txt, sitemap, feed
or listing in the archive links (a folder of saved pages, a WARC of article pages only, a
Common Crawl news WARC) are requested once discovery is done, one item per article page, as the
crawl of the same pages gives them."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.crawl.archive import save_html
from crawler.network.urls import canonical_article_url, parse_article_url
from crawler.simulator.network import SimulatedNetwork
from crawler.simulator.server import running_simulator
from tests.support import CrawlRun, run_crawl

PAGES = 30

# Item fields the extractor may take from what a feed or sitemap said about the article (its
# `extraction` entry then says "feed"); a replay of article pages alone has no feed to read.
HINTED_FIELDS = ("published_at", "published_raw", "published_precision", "date_source",
                 "section", "tags", "title")


@dataclass
class ArticlePage:
    url: str
    headers: list[tuple[str, str]]
    body: bytes
    recorded_at: str


@dataclass
class Recorded:
    crawl: CrawlRun
    warc: Path
    folder: Path
    pages: list[ArticlePage]


@pytest.fixture(scope="module")
def network() -> SimulatedNetwork:
    return SimulatedNetwork(pages=PAGES)


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("replay")


@pytest.fixture(scope="module")
def recorded(network: SimulatedNetwork, work: Path) -> Recorded:
    """A full crawl of the simulator, recorded; its article pages (every 200 HTML response at an
    article URL) are the pages the replays below hold."""
    warc = work / "crawl.warc.gz"
    sites = "sites=" + ",".join(site.key for site in network.sites)
    with running_simulator(network) as base_url:
        crawl = run_crawl(work, "-a", f"via={base_url}", "-a", sites,
                          "-s", f"WARC_OUTPUT={warc}", name="crawl")
    shutil.copytree(work / "state", work / "state-after-crawl")
    pages = article_pages(warc)
    folder = work / "saved"
    for number, page in enumerate(pages):
        save_html(folder / f"page-{number:03d}.html", page.url, page.body)
    return Recorded(crawl, warc, folder, pages)


def replay(work: Path, source: Path, *args: str, name: str) -> CrawlRun:
    """A replay of *source* that starts from the state the crawl left (learnt templates,
    duplicate clusters), as a replay right after the crawl would; not from what other replays
    added to it."""
    state = work / f"state-{name}"
    shutil.copytree(work / "state-after-crawl", state)
    return run_crawl(work, "-a", f"replay={source}", "-s", f"STATE_DIR={state}", *args,
                     name=name)


def article_pages(warc: Path) -> list[ArticlePage]:
    pages = []
    with warc.open("rb") as stream:
        for record in ArchiveIterator(stream):
            url = record.rec_headers.get_header("WARC-Target-URI")
            if record.rec_type != "response" or canonical_article_url(url) is None:
                continue
            http = record.http_headers
            if http.get_statuscode() != "200" or "html" not in (
                    http.get_header("Content-Type") or ""):
                continue
            pages.append(ArticlePage(url, list(http.headers), record.content_stream().read(),
                                     record.rec_headers.get_header("WARC-Date")))
    return pages


def write_article_warc(path: Path, pages: list[ArticlePage]) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True, warc_version="1.1")
        for page in pages:
            headers = [(k, v) for k, v in page.headers if k.lower() != "content-length"]
            headers.append(("Content-Length", str(len(page.body))))
            writer.write_record(writer.create_warc_record(
                page.url, "response", payload=BytesIO(page.body),
                warc_headers_dict={"WARC-Date": page.recorded_at},
                http_headers=StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")))


def by_id(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids)), "an article was exported twice"
    return {item["id"]: item for item in items}


def without(item: dict[str, Any], *names: str) -> dict[str, Any]:
    return {key: value for key, value in item.items() if key not in names}


def assert_as_crawled(replayed: dict[str, Any], crawled: dict[str, Any]) -> None:
    """The replayed item is the crawled one, except what the crawl's feeds and sitemaps added."""
    hinted = {name for name, source in crawled["extraction"].items() if source == "feed"}
    if hinted & {"published_at"}:
        hinted |= {"published_raw", "published_precision", "date_source"}
    assert hinted <= set(HINTED_FIELDS), hinted
    ignored = ("fetched_at", "feed", "extraction", *hinted)
    assert without(replayed, *ignored) == without(crawled, *ignored), crawled["url"]
    assert replayed["feed"] == {}, "nothing listed the page: no discovery hints"
    assert {k: v for k, v in replayed["extraction"].items() if k not in hinted} == {
        k: v for k, v in crawled["extraction"].items() if k not in hinted}


# -- a folder of saved pages, a WARC of article pages only -----------------------------------


@pytest.fixture(scope="module")
def saved(recorded: Recorded, work: Path) -> CrawlRun:
    return replay(work, recorded.folder, name="saved")


def test_a_folder_of_saved_pages_gives_one_item_per_article_page(
        recorded: Recorded, saved: CrawlRun, network: SimulatedNetwork) -> None:
    crawled = by_id(recorded.crawl.items)
    replayed = by_id(saved.items)
    assert set(replayed) == set(crawled)
    assert saved.urls() == set(network.manifest())
    for article_id, item in replayed.items():
        assert_as_crawled(item, crawled[article_id])
    # Every saved page was requested because of seeding: the folder has nothing else.
    assert saved.stats["replay/seeded"] == len(recorded.pages)
    assert saved.stats["replay/hit"] == len(recorded.pages)
    assert saved.report["checks"]["failures"] == []
    assert "discovery did not reach" in saved.log


def test_a_warc_of_article_pages_only_gives_the_items_of_the_saved_pages(
        recorded: Recorded, saved: CrawlRun, work: Path) -> None:
    warc = work / "articles-only.warc.gz"
    write_article_warc(warc, recorded.pages)
    run = replay(work, warc, name="articles-only")
    assert run.stats["replay/seeded"] == len(recorded.pages)
    from_folder = by_id(saved.items)
    from_warc = by_id(run.items)
    assert set(from_warc) == set(from_folder)
    for article_id, item in from_warc.items():
        assert without(item, "fetched_at") == without(from_folder[article_id], "fetched_at")
    crawled = by_id(recorded.crawl.items)
    for article_id, item in from_warc.items():
        # a WARC carries its recording time; a saved page does not
        assert item["fetched_at"] == crawled[article_id]["fetched_at"]


def test_replay_of_the_whole_crawl_seeds_nothing(recorded: Recorded, work: Path) -> None:
    run = replay(work, recorded.warc, name="whole")
    assert "replay/seeded" not in run.stats
    assert by_id(run.items) == by_id(recorded.crawl.items)


def test_seeding_stops_at_max_items(recorded: Recorded, work: Path) -> None:
    run = replay(work, recorded.folder, "-a", "max_items=4", name="max-items")
    assert len(run.items) == 4
    assert run.report["finish_reason"] == "closespider_itemcount"


def test_an_exported_archived_article_is_seeded_again_only_on_refresh(
        recorded: Recorded, tmp_path: Path) -> None:
    incremental = ("-a", f"replay={recorded.folder}", "-s", "INCREMENTAL=1",
                   "-s", "INCREMENTAL_NOW=2030-01-01")
    first = run_crawl(tmp_path, *incremental, name="first")
    assert len(first.items) == len(by_id(recorded.crawl.items))
    again = run_crawl(tmp_path, *incremental, name="again")
    assert again.items == []
    # Only the page that was never exported (an error page at an article URL) is asked again.
    never_exported = len(recorded.pages) - len(first.items)
    assert never_exported == first.report["dropped"]["error_page"] == 1
    assert again.stats["replay/seeded"] == never_exported
    assert again.stats["incremental/skipped_seen"] == len(first.items)
    assert again.report["checks"]["failures"] == []
    refreshed = run_crawl(tmp_path, *incremental, "-a", "refresh=1", name="refresh")
    assert refreshed.stats["replay/seeded"] == len(recorded.pages)
    assert refreshed.stats["incremental/unchanged"] == len(first.items)
    assert refreshed.items == []


# -- a Common Crawl news WARC ------------------------------------------------------------------


def variant(url: str, form: str) -> str:
    """Another spelling of a canonical article URL, as other crawlers record them."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    domain = host.removeprefix("www.")
    path = parts.path
    if form == "http":
        return f"http://{host}{path}"
    if form == "bare":
        return f"https://{domain}{path}"
    if form == "alias":
        return f"https://mail.{domain}{path}"
    if form == "index_php":
        return f"https://{host}/index.php{path}"
    if form == "amp":
        return f"https://{host}/amp{path}"
    if form == "raw":
        return f"https://{host}{parse_article_url(url).path}"
    if form == "lower_escapes":
        return f"https://{host}{re.sub(r'%[0-9A-F]{2}', lambda m: m[0].lower(), path)}"
    if form == "query":
        return f"https://{host}{path}?utm_source=facebook&utm_medium=social"
    raise AssertionError(form)


FORMS = ("http", "bare", "alias", "index_php", "raw", "lower_escapes", "query")


def write_common_crawl_warc(path: Path, network: SimulatedNetwork) -> dict[str, str]:
    """A CC-NEWS style WARC: warcinfo, then request, response and metadata records per capture,
    pages of other hosts among the network's, every network article under some other spelling
    of its URL (one only as its AMP page, one as a redirect and a plain capture). Returns the
    canonical URL -> the form its page was recorded under."""
    forms: dict[str, str] = {}
    captures: list[tuple[str, int, list[tuple[str, str]], bytes]] = []
    for number, url in enumerate(network.manifest()):
        form = FORMS[number % len(FORMS)]
        if number == 3:
            form = "amp"
        if number == 5:  # the bare host redirected, the crawler then captured the page
            captures.append((variant(url, "bare"), 301, [("Location", url)], b""))
            form = "http"
        if number == 6:  # the AMP page first, a plain capture too: the plain page is used
            captures.append(page_capture(network, url, variant(url, "amp")))
        forms[url] = form
        captures.append(page_capture(network, url, variant(url, form)))
        if number % 4 == 0:
            captures.append(other_host_capture(number))
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True, warc_version="1.0")
        writer.write_record(writer.create_warcinfo_record(path.name, {
            "software": "StormCrawler 1.18 https://stormcrawler.net/", "isPartOf": "CC-NEWS",
            "operator": "Common Crawl Admin (info@commoncrawl.org)"}))
        for url, status, headers, body in captures:
            target = urlsplit(url)
            request_line = "GET " + quote(target.path + (f"?{target.query}" if target.query
                                                           else ""), safe="/%?=&")
            writer.write_record(writer.create_warc_record(
                url, "request", http_headers=StatusAndHeaders(
                    request_line, [("Host", target.netloc), ("User-Agent", "CCBot/2.0")],
                    protocol="HTTP/1.1", is_http_request=True)))
            http = StatusAndHeaders(f"{status} {'OK' if status == 200 else 'Moved'}",
                                    [*headers, ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response",
                                                          payload=BytesIO(body),
                                                          http_headers=http))
            writer.write_record(writer.create_warc_record(
                url, "metadata", payload=BytesIO(b"fetchTimeMs: 212\r\n"),
                warc_content_type="application/warc-fields"))
    return forms


def page_capture(network: SimulatedNetwork, canonical: str, recorded_as: str
                 ) -> tuple[str, int, list[tuple[str, str]], bytes]:
    """The simulator's page of the article at *canonical*, recorded under another spelling of
    its URL (the page at an /amp URL is the AMP page)."""
    parts = urlsplit(canonical)
    amp = "/amp" if urlsplit(recorded_as).path.startswith("/amp/") else ""
    response = network.respond(parts.netloc, amp + parts.path)
    assert response.status == 200, canonical
    return (recorded_as, 200, list(response.headers.items()), response.body)


def other_host_capture(number: int) -> tuple[str, int, list[tuple[str, str]], bytes]:
    body = (f"<!DOCTYPE html><html lang='ar'><head><title>خبر {number}</title></head><body>"
            f"<h1>خبر من موقع آخر {number}</h1><p>نص تجريبي لا يخص الشبكة.</p></body></html>"
            ).encode()
    host = ("www.example.com", "arabic.example.net", "img.arabstoday.net")[number % 3]
    return (f"https://{host}/news/2024/{number:04d}-story.html", 200,
            [("Content-Type", "text/html; charset=utf-8")], body)


def test_a_common_crawl_news_warc_gives_one_item_per_network_article(
        recorded: Recorded, network: SimulatedNetwork, work: Path) -> None:
    warc = work / "CC-NEWS-20241120093000-00001.warc.gz"
    forms = write_common_crawl_warc(warc, network)
    assert len(set(forms.values())) == len(FORMS) + 1  # every spelling, AMP too
    run = replay(work, warc, name="common-crawl")
    crawled = by_id(recorded.crawl.items)
    replayed = by_id(run.items)
    assert set(replayed) == set(crawled)
    assert run.urls() == set(network.manifest())
    assert run.stats["replay/seeded"] == len(network.manifest())
    # A raw or lower-case percent-encoded path is the canonical URL to the archive's index;
    # every other spelling is found through the article's canonical URL.
    assert run.stats["replay/hit_variant"] == sum(
        1 for form in forms.values() if form not in ("raw", "lower_escapes"))
    # The archived sites, found among the other hosts, are the ones crawled.
    assert sorted(run.report["sites"]) == sorted(site.key for site in network.sites)
    truth = {article.canonical_url: article for article in network.articles()}
    for article_id, item in replayed.items():
        crawl_item = crawled[article_id]
        assert item["url"] == item["canonical_url"] == crawl_item["canonical_url"]
        if forms[crawl_item["canonical_url"]] == "amp":
            # Another page than the crawl's, with the same article in it.
            assert item["text"] == crawl_item["text"]
            assert item["title"] == truth[item["canonical_url"]].title
        else:
            assert_as_crawled(item, crawl_item)
