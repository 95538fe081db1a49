"""Hostile input: XML bombs and external entities in feeds and sitemaps, gzip bombs, links and
redirects to other hosts or schemes, file names from page content, and fuzzed pages through the
whole extraction pipeline. The crawl-level cases run one crawl against a simulator whose pages
were made hostile; every request the crawl makes is recorded there."""

from __future__ import annotations

import gzip
import importlib.util
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.fuzz import through_pipeline
from crawler.crawl.discovery.feeds import parse_feed
from crawler.crawl.discovery.sitemaps import parse_sitemap
from crawler.files import inside, safe_filename, url_filename
from crawler.fixtures import fixture_paths
from crawler.network.sites import SITES
from crawler.network.urls import encode_path
from crawler.simulator.network import SimResponse, SimulatedNetwork
from crawler.simulator.server import running_simulator
from tests.support import PROJECT_ROOT, CrawlRun, run_crawl

PAGES = 40
MARKER = "XXE-MARKER-5e1f0c"
LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">'
                    for i in range(1, 10)) + "]>\n")
HOSTILE_LINKS = (
    "javascript:alert(1)", "mailto:x@example.org", "ftp://www.arabstoday.net/485/101010-ftp",
    "file:///etc/passwd", "data:text/html,<h1>x</h1>", "https://evil.example.com/485/101010-x",
    "//evil.example.com/485/101011-protocol-relative", "http://127.0.0.1:9/485/101012-loopback",
    "https://www.arabstoday.net.evil.example.com/485/101013-suffix",
    "https://www.arabstoday.net@evil.example.com/485/101014-userinfo",
    "https://evil.example.com/../www.arabstoday.net/485/101015-dots",
)
NETWORK_HOSTS = {f"www.{site.domain}" for site in SITES}


class HostileNetwork(SimulatedNetwork):
    """The simulator with bombs in its feeds and sitemaps, hostile links in its listings and two
    articles that try to send the crawler elsewhere. Records every request."""

    def __init__(self, pages: int, marker_file: Path):
        super().__init__(pages)
        self.marker_file = marker_file
        self.port = 0
        self.requests: list[tuple[str, str, str]] = []
        self.lock = threading.Lock()
        plans = [p for p in self.plans()  # reachable whatever the bombs: listed on its section
                 if p.site_key == "arabstoday" and not p.special and "listing" in p.channels]
        self.refresh_path, self.bad_scheme_path = plans[0].path, plans[1].path

    def respond(self, host: str, target: str, headers: Mapping[str, str] | None = None
                ) -> SimResponse:
        agent = {k.lower(): v for k, v in (headers or {}).items()}.get("user-agent", "")
        with self.lock:
            self.requests.append((host.split(":")[0], target, agent))
        site = host.split(":")[0].removeprefix("www.").split(".")[0]
        path = unquote(urlsplit(target).path)
        hostile = self.hostile(site, path)
        if hostile is not None:
            return hostile
        response = super().respond(host, target, headers)
        if b'class="news-list"' in response.body:  # a listing page: add hostile links
            links = "".join(f'<li class="news-item"><a href="{link}">x</a></li>'
                            for link in HOSTILE_LINKS)
            response.body = response.body.replace(b'<ul class="news-list">',
                                                  b'<ul class="news-list">' + links.encode())
            response.headers.pop("ETag", None)
        return response

    def hostile(self, site: str, path: str) -> SimResponse | None:
        probe = f"http://127.0.0.1:{self.port}/xxe-probe"
        xml = {"Content-Type": "application/xml; charset=utf-8"}
        item = "<item><title>{0}</title><link>https://www.arabstoday.net/485/101016-x{0}</link>"
        if (site, path) == ("arabstoday", "/rss"):  # billion laughs
            body = LAUGHS + "<rss><channel>" + item.format("&lol9;") + "</item></channel></rss>"
            return SimResponse(200, xml, body.encode())
        if (site, path) == ("arabstoday", "/ar/rss"):  # external entities: a file, a URL
            body = (f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM '
                    f'"file://{self.marker_file}"><!ENTITY probe SYSTEM "{probe}">]>\n'
                    "<rss><channel>" + item.format("&xxe;&probe;") + "</item></channel></rss>")
            return SimResponse(200, xml, body.encode())
        if (site, path) == ("almaghribtoday", "/rss"):  # an external DTD
            body = (f'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "{probe}-dtd">\n'
                    "<rss><channel>" + item.format("a") + "</item></channel></rss>")
            return SimResponse(200, xml, body.encode())
        if (site, path) == ("almaghribtoday", "/sitemap.xml"):
            body = (f'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM '
                    f'"file://{self.marker_file}">]>\n<sitemapindex xmlns='
                    '"http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>'
                    "https://www.almaghribtoday.net/&xxe;</loc></sitemap></sitemapindex>")
            return SimResponse(200, xml, body.encode())
        if (site, path) == ("casablancatoday", "/sitemap.xml"):
            body = (LAUGHS + '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    "<url><loc>https://www.casablancatoday.com/&lol9;</loc></url></urlset>")
            return SimResponse(200, xml, body.encode())
        if (site, path) == ("arabstoday", "/sitemaps/articles-2.xml.gz"):
            return SimResponse(200, {"Content-Type": "application/x-gzip"}, gzip_bomb())
        if (site, path) == ("arabstoday", self.refresh_path):
            page = self._route_uncached("arabstoday", path)
            page.body = page.body.replace(b"<head>", b'<head><meta http-equiv="refresh" '
                                          b'content="0; url=https://evil.example.com/stolen">')
            return page
        if (site, path) == ("arabstoday", self.bad_scheme_path):
            return SimResponse(302, {"Location": "file:///etc/passwd"}, b"")
        return None


def gzip_bomb() -> bytes:
    """60 MB of zeros, about 60 KB on the wire: past the 50 MB sitemap decompression cap."""
    return gzip.compress(bytes(60 * 1024 * 1024), compresslevel=9, mtime=0)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[HostileNetwork, CrawlRun]]:
    tmp = tmp_path_factory.mktemp("hostile")
    marker = tmp / "secret.txt"
    marker.write_text(MARKER, encoding="utf-8")
    network = HostileNetwork(PAGES, marker)
    with running_simulator(network) as base:
        network.port = int(base.rsplit(":", 1)[1])
        sites = ",".join(site.key for site in network.sites)
        run = run_crawl(tmp, "-a", f"via={base}", "-a", f"sites={sites}",
                        "-s", f"STATE_DIR={tmp / 'state'}", "-s", "CONTACT=ops@example.org")
    yield network, run


def test_hostile_crawl_finishes_without_traceback(hostile: tuple[HostileNetwork, CrawlRun]
                                                  ) -> None:
    network, run = hostile
    assert run.report["finish_reason"] == "finished"
    assert "Traceback" not in run.log and "netguard" not in run.log
    urls = [item["canonical_url"] for item in run.items]
    assert len(urls) == len(set(urls)) and set(urls) <= set(network.manifest())
    assert len(urls) >= len(network.manifest()) // 2  # listings still found most articles


@pytest.mark.parametrize(("counter", "what"), [
    ("skipped/feed_entity_declaration", "billion laughs and external entities in feeds"),
    ("skipped/sitemap_entity_declaration", "entities in sitemaps"),
    ("skipped/sitemap_gzip_too_large", "a gzip bomb sitemap"),
])
def test_xml_bombs_and_entities_are_refused(hostile: tuple[HostileNetwork, CrawlRun],
                                            counter: str, what: str) -> None:
    assert hostile[1].stats.get(counter, 0) >= 1, f"{what} not refused under {counter}"


def test_no_entity_is_expanded_and_nothing_is_fetched_for_one(
        hostile: tuple[HostileNetwork, CrawlRun]) -> None:
    network, run = hostile
    assert not any(target.startswith("/xxe-probe") for _, target, _ in network.requests)
    assert MARKER not in run.log and all(MARKER not in str(item) for item in run.items)
    assert "lollollol" not in run.log


def test_only_network_hosts_and_http_are_ever_requested(
        hostile: tuple[HostileNetwork, CrawlRun]) -> None:
    network, run = hostile
    hosts = {host for host, _, _ in network.requests}
    assert hosts <= NETWORK_HOSTS, hosts - NETWORK_HOSTS  # no evil.example.com, no 127.0.0.1
    assert not any("10101" in t for _, t, _ in network.requests)  # no hostile link followed
    assert not any("stolen" in t for _, t, _ in network.requests)  # meta refresh off-site
    errors = [k for k in run.stats if k.startswith("downloader/exception_type_count")]
    assert not any("NotSupported" in k for k in errors), errors
    assert any(t.startswith(encode_path(network.bad_scheme_path))
               for _, t, _ in network.requests)
    assert run.stats.get("skipped/redirect_not_http", 0) == 1  # 302 to file:///etc/passwd
    lost = {entry["url"]: entry["reason"] for entry in run.stats["failed_articles"]}
    refresh = next(p.canonical_url for p in network.plans() if p.path == network.refresh_path)
    bad_scheme = next(p.canonical_url for p in network.plans()
                      if p.path == network.bad_scheme_path)
    assert lost[refresh] == "offsite_redirect" and lost[bad_scheme] == "redirect_not_http"


def test_the_user_agent_is_honest(hostile: tuple[HostileNetwork, CrawlRun]) -> None:
    agents = {agent for _, _, agent in hostile[0].requests}
    assert len(agents) == 1
    [agent] = agents
    assert agent.startswith("arabstoday-crawler/") and "ops@example.org" in agent


# ------------------------------------------------------------------ discovery, directly

def test_parsers_refuse_bombs_quickly() -> None:
    started = time.monotonic()
    feed = parse_feed((LAUGHS + "<rss><channel><item><title>&lol9;</title></item></channel>"
                       "</rss>").encode(), "https://www.arabstoday.net/rss")
    sitemap = parse_sitemap(gzip_bomb(), "https://www.arabstoday.net/sitemap.xml.gz")
    assert feed.error == "entity_declaration" and sitemap.error == "gzip_too_large"
    assert time.monotonic() - started < 5


# ------------------------------------------------------------------ file names

@pytest.mark.parametrize("name", [
    "../../etc/passwd", "/etc/passwd", "..", ".", "", "a\x00b", "a/b\\c", "x" * 5000,
    "ع" * 400, "C:\\Windows\\system32", "\u202e", "~root", "-rf", ".hidden", "a\nb",
])
def test_safe_filename_never_leaves_the_folder(tmp_path: Path, name: str) -> None:
    safe = safe_filename(name)
    assert safe and "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert not safe.startswith(".") and len(safe.encode()) <= 200
    assert inside(tmp_path, safe).parent == tmp_path.resolve()
    (tmp_path / safe).write_text("x")


def test_long_names_stay_distinct() -> None:
    assert safe_filename("x" * 300 + "a") != safe_filename("x" * 300 + "b")


@pytest.mark.parametrize("url", [
    "https://www.arabstoday.net/../../etc/passwd", "https://www.arabstoday.net/%2e%2e/%2e%2e/x",
    "file:///etc/passwd", "https://www.arabstoday.net/485/" + "ا" * 500,
    "https://evil.example.com/..%2f..%2fetc", "https://www.arabstoday.net/a?x=/../../y",
])
def test_url_filenames_stay_inside(tmp_path: Path, url: str) -> None:
    name = url_filename(url, ".html")
    assert name.endswith(".html") and len(name.encode()) <= 200
    assert inside(tmp_path, name).parent == tmp_path.resolve()


def test_inside_refuses_escapes(tmp_path: Path) -> None:
    for bad in ("../x", "/etc/passwd", "a/../../x"):
        with pytest.raises(ValueError):
            inside(tmp_path, bad)


def test_fixture_paths_from_hostile_items_stay_under_the_root(tmp_path: Path) -> None:
    for site, kind in (("../../../tmp", "news"), ("/etc", "/abs"), ("a\x00b", "..")):
        html, json_path = fixture_paths({"site": site, "kind": kind}, "page-1", tmp_path)
        for path in (html, json_path):
            assert tmp_path.resolve() in path.resolve().parents


# ------------------------------------------------------------------ fuzzing the pipeline

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CONTENT_TYPES = st.sampled_from([None, "text/html", "text/html; charset=utf-8",
                                 "text/html; charset=windows-1256", "text/html; charset=utf-16",
                                 "text/html; charset=nonsense", "text/html; charset="])


@FUZZ
@given(st.binary(max_size=3000), CONTENT_TYPES)
def test_random_bytes_through_the_pipeline(body: bytes, content_type: str | None) -> None:
    through_pipeline(body, content_type)


@FUZZ
@given(st.data(), CONTENT_TYPES)
def test_mutated_simulator_pages_through_the_pipeline(data: st.DataObject,
                                                      content_type: str | None) -> None:
    page = _SEED_PAGES[data.draw(st.integers(0, len(_SEED_PAGES) - 1))]
    start = data.draw(st.integers(0, len(page)))
    end = data.draw(st.integers(start, min(len(page), start + 400)))
    junk = data.draw(st.binary(max_size=200))
    through_pipeline(page[:start] + junk + page[end:], content_type)


def _seed_pages() -> list[bytes]:
    network = SimulatedNetwork(pages=12)
    out = []
    for plan in network.plans():
        parts = urlsplit(plan.canonical_url)
        out.append(network.respond(parts.netloc, parts.path).body)
    return out


_SEED_PAGES = _seed_pages()


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris not installed")
def test_a_short_atheris_run_finds_no_crash() -> None:
    proc = subprocess.run([sys.executable, "-m", "benchmarks.fuzz", "--runs", "300"],
                          cwd=PROJECT_ROOT, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Done 300 runs" in proc.stderr
