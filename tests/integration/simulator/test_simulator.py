"""The local network simulator, fetched over loopback the way the spider fetches it."""

from __future__ import annotations

import gzip
import json
import re
import socket
import subprocess
import sys
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import Message
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest
from lxml import etree, html

from crawler.network.sites import get_site
from crawler.network.urls import NotAnArticleURL, parse_article_url
from crawler.simulator import SimulatedNetwork, running_simulator, text
from crawler.simulator.model import (
    AUTHOR_LINE_FORMS,
    CLOCK_FORMS,
    DATELINE_FORMS,
    REFERENCE,
    WINDOW,
)
from crawler.simulator.pages import COMMENT_FORM_LABELS, FOOTER_LINES
from tests.support import PROJECT_ROOT

ROOT = PROJECT_ROOT
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass
class Fetched:
    status: int
    headers: Message
    body: bytes

    @property
    def text(self) -> str:
        charset = self.headers.get_content_charset() or "utf-8"
        return self.body.decode(charset)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(base: str, real_url: str) -> Fetched:
    """GET ``real_url`` from the simulator at ``base`` with the real Host header (via mode)."""
    parts = urlsplit(real_url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    target = quote(target, safe="/?=&%-._~:@!$'()*+,;")
    request = urllib.request.Request(base + target, headers={
        "Host": parts.hostname or "", "X-Forwarded-Proto": parts.scheme})
    try:
        with _OPENER.open(request, timeout=10) as response:
            return Fetched(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Fetched(error.code, error.headers, error.read())


@pytest.fixture(scope="module")
def network() -> SimulatedNetwork:
    return SimulatedNetwork(pages=60, seed=0)


@pytest.fixture(scope="module")
def base(network: SimulatedNetwork) -> Iterator[str]:
    with running_simulator(network, port=0) as url:
        yield url


def _page_text(fetched: Fetched) -> str:
    tree = html.fromstring(fetched.text)
    return " ".join(" ".join(tree.itertext()).split())


def _is_article_page(fetched: Fetched) -> bool:
    if fetched.status != 200 or "text/html" not in fetched.headers.get("Content-Type", ""):
        return False
    tree = html.fromstring(fetched.text)
    return bool(tree.xpath('//form[@class="comment-form"]')) and bool(
        tree.xpath('//*[@class="article-body" or @class="newsText"]'))


# --------------------------------------------------------------------------- basics


def test_robots_txt(base: str) -> None:
    robots = fetch(base, "https://www.arabstoday.net/robots.txt")
    assert robots.status == 200
    assert "Disallow: /search" in robots.text
    assert "Sitemap: https://www.arabstoday.net/sitemap.xml" in robots.text
    palestine = fetch(base, "https://www.palestinetoday.net/robots.txt").text
    assert "Sitemap:" not in palestine and "Disallow: /search" in palestine
    assert fetch(base, "https://www.palestinetoday.net/sitemap.xml").status == 404


def test_unknown_hosts_and_paths_are_404(base: str) -> None:
    assert fetch(base, "https://www.example.com/").status == 404
    assert fetch(base, "https://www.omantoday.net/").status == 404  # not simulated
    assert fetch(base, "https://www.arabstoday.net/no/such/page").status == 404
    assert fetch(base, "https://www.arabstoday.net/485/101010-لا-يوجد").status == 404
    assert fetch(base, "https://www.arabstoday.net/485?page=99").status == 404


def test_proxy_style_request_line_and_raw_utf8_path(network: SimulatedNetwork,
                                                    base: str) -> None:
    port = int(base.rsplit(":", 1)[1])
    article = network.article(0)
    raw_path = urlsplit(article.canonical_url).path
    raw_path = unquote(raw_path)
    for line in (f"GET {article.canonical_url} HTTP/1.1\r\nHost: 127.0.0.1\r\n",
                 f"GET {raw_path} HTTP/1.1\r\nHost: www.arabstoday.net\r\n"):
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall((line + "Connection: close\r\n\r\n").encode("utf-8"))
            data = b""
            while chunk := sock.recv(65536):
                data += chunk
        assert data.startswith(b"HTTP/1.1 200")
        assert article.paragraphs[0].encode("utf-8") in data.replace(b"&quot;", b'"')


@pytest.mark.slow
def test_server_is_quiet(network: SimulatedNetwork, capfd: pytest.CaptureFixture[str]) -> None:
    with running_simulator(network) as url:
        assert fetch(url, "https://www.arabstoday.net/").status == 200
        assert fetch(url, "https://www.arabstoday.net/nothing").status == 404
    assert capfd.readouterr().err == ""


# --------------------------------------------------------------------------- feeds


def _rss_items(body: bytes) -> list[ET.Element]:
    return ET.fromstring(body).findall("./channel/item")


def test_rss_feeds_are_well_formed_with_required_fields(network: SimulatedNetwork,
                                                       base: str) -> None:
    checked = 0
    for profile in network.profiles:
        for feed in profile.feeds:
            if feed.format != "rss":
                continue
            fetched = fetch(base, profile.site.url(feed.path))
            assert fetched.status == 200
            assert "rss" in fetched.headers["Content-Type"]
            for item in _rss_items(fetched.body):
                assert item.findtext("title")
                assert item.findtext("link", "").startswith("http")
                assert item.findtext("guid")
                assert item.findtext("category")
                published = parsedate_to_datetime(item.findtext("pubDate") or "")
                assert REFERENCE - WINDOW <= published <= REFERENCE
                checked += 1
    assert checked >= 15


def test_atom_feed(network: SimulatedNetwork, base: str) -> None:
    fetched = fetch(base, "https://www.palestinetoday.net/ar/rss/")
    assert "atom" in fetched.headers["Content-Type"]
    entries = ET.fromstring(fetched.body).findall(f"{ATOM}entry")
    links = {parse_article_url(href).url for e in entries
             if (link := e.find(f"{ATOM}link")) is not None and (href := link.get("href"))}
    assert len(links) == len(entries)
    expected = {p.canonical_url for p in network.plans()
                if p.site_key == "palestinetoday" and p.feed_path == "/ar/rss/"}
    assert links == expected and expected


def test_truncated_feed_is_really_truncated(network: SimulatedNetwork, base: str) -> None:
    fetched = fetch(base, "https://www.almaghribtoday.net/health/rss.xml")
    assert fetched.status == 200
    assert not fetched.body.rstrip().endswith(b"</rss>")
    assert b"</item>" not in fetched.body[fetched.body.rfind(b"<item>"):]
    with pytest.raises(ET.ParseError):
        ET.fromstring(fetched.body)
    recovered = etree.fromstring(fetched.body, etree.XMLParser(recover=True))
    links = {parse_article_url(link).url for link in recovered.xpath("//item/link/text()")}
    in_feed = [p for p in network.plans()
               if p.site_key == "almaghribtoday" and p.feed_path == "/health/rss.xml"]
    assert links == {p.canonical_url for p in in_feed} and in_feed
    # A truncated feed is never the only way to an article.
    assert all(p.channels != {"feed"} for p in in_feed)


def test_non_xml_feed_is_html(base: str) -> None:
    fetched = fetch(base, "https://www.arabstoday.net/sports/rss.xml")
    assert fetched.status == 200 and "text/html" in fetched.headers["Content-Type"]
    with pytest.raises(ET.ParseError):
        ET.fromstring(fetched.body)


def test_feed_links_use_variants_that_canonicalise(network: SimulatedNetwork,
                                                  base: str) -> None:
    links: list[str] = []
    for profile in network.profiles:
        for feed in profile.feeds:
            if feed.format in {"rss", "truncated"}:
                tree = etree.fromstring(fetch(base, profile.site.url(feed.path)).body,
                                        etree.XMLParser(recover=True))
                links += tree.xpath("//item/link/text()")
    assert any(link.startswith("http://") for link in links)
    assert any(urlsplit(link).hostname in {"arabstoday.net", "almaghribtoday.net",
                                           "casablancatoday.com"} for link in links)
    assert any("/amp/" in link for link in links)
    assert any("/index.php/" in link for link in links)
    assert any(re.search(r"[\u0600-\u06ff]", link) for link in links)
    assert any(urlsplit(link).hostname == "mail.almaghribtoday.net" for link in links)
    manifest = set(network.manifest())
    bad = set(network.bad_urls().values())
    for link in links:
        assert parse_article_url(link).url in manifest | bad


# --------------------------------------------------------------------------- sitemaps


def test_sitemap_index_children_gzip_and_news(network: SimulatedNetwork, base: str) -> None:
    index = ET.fromstring(fetch(base, "https://www.arabstoday.net/sitemap.xml").body)
    children = [loc.text or "" for loc in index.iter(f"{SM}loc")]
    assert any(c.endswith(".xml.gz") for c in children)
    found: set[str] = set()
    for child in children:
        fetched = fetch(base, child)
        assert fetched.status == 200
        body = fetched.body
        if child.endswith(".gz"):
            assert body[:2] == b"\x1f\x8b"
            body = gzip.decompress(body)
        tree = ET.fromstring(body)
        found |= {loc.text or "" for loc in tree.iter(f"{SM}loc")}
        if "news" in child:
            for news in tree.iter(f"{NEWS}news"):
                assert news.findtext(f"{NEWS}title")
                datetime.fromisoformat(news.findtext(f"{NEWS}publication_date") or "")
    expected = {p.canonical_url for p in network.plans()
                if p.site_key == "arabstoday" and "sitemap" in p.channels}
    assert found == expected and expected


# --------------------------------------------------------------------------- listings


def test_pagination_follows_rel_next_to_the_end(network: SimulatedNetwork, base: str) -> None:
    site, where = "arabstoday", "/485"
    expected = network.listing_pages(site, where)
    assert len(expected) >= 2
    url: str | None = get_site(site).url(where)
    seen_pages: list[list[str]] = []
    while url:
        fetched = fetch(base, url)
        assert fetched.status == 200
        tree = html.fromstring(fetched.text)
        seen_pages.append([parse_article_url(a).url
                           for a in tree.xpath('//li[@class="news-item"]/a/@href')])
        anchors = tree.xpath('//a[@rel="next"]')
        heads = tree.xpath('//link[@rel="next"]/@href')
        if anchors:
            assert anchors[0].text == "التالي" and heads == [anchors[0].get("href")]
            assert urlsplit(heads[0]).hostname == "www.arabstoday.net"
        url = anchors[0].get("href") if anchors else None
    assert seen_pages == expected


def test_home_page_links_sections_writers_and_feeds(network: SimulatedNetwork,
                                                    base: str) -> None:
    tree = html.fromstring(fetch(base, "https://www.casablancatoday.com/").text)
    hrefs = set(tree.xpath("//nav//a/@href"))
    profile = next(p for p in network.profiles if p.key == "casablancatoday")
    for section in profile.sections:
        assert f"https://www.casablancatoday.com/{section.id}" in hrefs
    for writer in profile.writers:
        assert f"https://www.casablancatoday.com/w-{writer.id}" in hrefs
    assert tree.xpath('//link[@type="application/rss+xml"]/@href')
    assert all("127.0.0.1" not in href for href in tree.xpath("//@href"))


# --------------------------------------------------------------------------- discovery walk


def _walk(network: SimulatedNetwork, base: str, skip: str = "") -> tuple[set[str], set[str]]:
    """A small breadth-first crawl of the network; returns (article URLs, skipped URLs).

    ``skip`` drops one channel: ``feed``, ``sitemap`` or ``pages2`` (listing pages after 1).
    """
    queue: list[str] = []
    for site in network.sites:
        queue.append(site.url("/"))
        robots = fetch(base, site.url("/robots.txt")).text
        if skip != "sitemap":
            queue += re.findall(r"^Sitemap: (\S+)", robots, re.M)
        if skip != "feed":
            queue += [site.url(path) for path in site.feeds]
    seen: set[str] = set()
    articles: set[str] = set()
    skipped: set[str] = set()
    while queue:
        url = queue.pop(0)
        try:
            canonical = parse_article_url(url).url
        except NotAnArticleURL:
            canonical = None
        key = canonical or url
        if key in seen:
            continue
        seen.add(key)
        fetched = fetch(base, canonical or url)
        if canonical:
            (articles if _is_article_page(fetched) else skipped).add(canonical)
            continue
        if fetched.status != 200:
            continue
        body = fetched.body
        if body[:2] == b"\x1f\x8b":
            body = gzip.decompress(body)
        kind = fetched.headers.get("Content-Type", "")
        if "xml" in kind or "gzip" in kind:
            tree = etree.fromstring(body, etree.XMLParser(recover=True))
            queue += [t.strip() for t in tree.xpath(
                "//*[local-name()='loc' or local-name()='link']/text()") if t.strip()]
            queue += tree.xpath("//*[local-name()='link']/@href")
        elif "text/html" in kind:
            tree = html.fromstring(fetched.text)
            if skip == "pages2" and "page=" in url:
                continue
            queue += tree.xpath("//nav//a/@href | //li[@class='news-item']/a/@href"
                                " | //a[@rel='next']/@href")
    return articles, skipped


def test_walk_finds_exactly_the_manifest(network: SimulatedNetwork, base: str) -> None:
    articles, skipped = _walk(network, base)
    assert articles == set(network.manifest())
    bad = network.bad_urls()
    assert {bad["error_page_200"], bad["offsite_redirect"], bad["pdf_at_article_url"]} == {
        parse_article_url(url).url for url in skipped}


@pytest.mark.parametrize("channel", ["feed", "sitemap", "pages2"])
def test_each_channel_holds_articles_found_nowhere_else(network: SimulatedNetwork, base: str,
                                                        channel: str) -> None:
    articles, _ = _walk(network, base, skip=channel)
    assert articles < set(network.manifest())


# --------------------------------------------------------------------------- ground truth


def test_manifest_is_the_ground_truth(network: SimulatedNetwork, base: str) -> None:
    articles = network.articles()
    assert network.manifest() == sorted(a.canonical_url for a in articles)
    assert len(network.manifest()) == len(set(network.manifest())) == 60
    for article in articles:
        assert parse_article_url(article.canonical_url).url == article.canonical_url
        fetched = fetch(base, article.canonical_url)
        assert fetched.status == 200
        text = _page_text(fetched)
        assert article.title in text and article.label in text
        for paragraph in article.paragraphs:
            assert paragraph in text
        for author in article.authors:
            assert author in text
        if article.dateline:
            assert article.dateline in text
        if article.image_caption:
            assert article.image_caption in text


def test_dates_and_metadata_vary(network: SimulatedNetwork, base: str) -> None:
    sources = {a.date_source for a in network.articles()}
    assert sources == {"json-ld", "meta", "time", "text", "feed", None}
    eastern = False
    for article in network.articles():
        tree = html.fromstring(fetch(base, article.canonical_url).text)
        ld = tree.xpath('//script[@type="application/ld+json"]/text()')
        og = tree.xpath('//meta[@property="article:published_time"]/@content')
        times = tree.xpath("//time/@datetime")
        own = tree.xpath('//*[@class="post-date" or @class="newsDate"]/text()')
        if article.date_source == "json-ld":
            data = json.loads(ld[0])
            assert data["@type"] == "NewsArticle" and data["headline"] == article.title
            assert datetime.fromisoformat(data["datePublished"]) == article.published_at
            assert data["keywords"] == ", ".join(article.tags)
        else:
            assert not ld
        if article.date_source == "meta":
            assert datetime.fromisoformat(og[0]) == article.published_at
        else:
            assert not og
        if article.date_source == "time":
            assert datetime.fromisoformat(times[0]) == article.published_at
        if article.date_source == "text":
            assert article.published_at and article.published_at.second == 0
            assert text.related_date(article.published_at, article.look.eastern_digits) in own
        if article.date_source in {"feed", None}:
            assert not times and not own
        eastern |= any(re.search("[٠-٩]", t) for t in own)
    assert eastern


def test_every_layout_form_is_used(network: SimulatedNetwork) -> None:
    articles = network.articles()
    opinions = [a for a in articles if a.kind == "opinion"]
    news = [a for a in articles if a.kind == "news"]
    assert {a.look.author_line_form for a in opinions} == set(range(AUTHOR_LINE_FORMS))
    assert {a.look.dateline_form for a in news} == set(range(DATELINE_FORMS))
    assert {a.look.clock_form for a in articles} == set(range(CLOCK_FORMS))
    assert all(3 <= len(a.paragraphs) <= 8 for a in articles)
    body = " ".join(" ".join(a.paragraphs) for a in articles)
    for marker in ("«", '"', "قال", "أكد", "أشار", "أضاف"):
        assert marker in body


def test_author_line_variants_render(network: SimulatedNetwork, base: str) -> None:
    lines = set()
    for article in network.articles():
        if article.kind == "opinion":
            tree = html.fromstring(fetch(base, article.canonical_url).text)
            lines.add(" | ".join(tree.xpath('//*[starts-with(@class, "writer")]/text()'))
                      .replace(article.authors[0], "X"))
    assert lines == {"بقلم : X", "بقلم - X", "بقلم:X", "بقلم X", "بقلم -X", "X", "X | بقلم - X"}


# --------------------------------------------------------------------------- special pages


def test_seed_like_page_block_order(network: SimulatedNetwork, base: str) -> None:
    article = network.article(0)
    assert article.special == "seed_like" and article.site == "arabstoday"
    assert len(article.paragraphs) == 4 and article.dateline
    assert article.dateline.startswith("واشنطن - ")
    fetched = fetch(base, article.canonical_url)
    tree = html.fromstring(fetched.text)
    text = _page_text(fetched)
    alts = tree.xpath('//img[@class="logo"]/@alt')
    assert alts == ["arabstoday", "arabstoday"]
    blocks = [article.title, "آخر تحديث GMT01:02:45", "العرب اليوم -", "أخر الأخبار",
              f"العرب اليوم - {article.title}", article.image_caption or "", article.dateline,
              *article.paragraphs, *COMMENT_FORM_LABELS, f"{article.title} {article.title}",
              "GMT", "syria-24", FOOTER_LINES[0], FOOTER_LINES[1], FOOTER_LINES[0],
              "Arabstoday Arabstoday Arabstoday", "بيروت - لبنان"]
    position = 0
    for block in blocks:
        found = text.find(block, position)
        assert found >= 0, block
        position = found + len(block)
    assert re.search(r"GMT \d\d:\d\d \d{4} \S+ ,\d+ تشرين|GMT \d\d:\d\d \d{4}", text)


def test_syndicated_columns(network: SimulatedNetwork, base: str) -> None:
    a, b, c, d = (network.article(i) for i in (1, 2, 3, 4))
    assert (a.site, b.site) == ("almaghribtoday", "casablancatoday")
    assert a.path == b.path and a.canonical_url != b.canonical_url
    assert a.paragraphs == b.paragraphs and a.authors == b.authors
    assert (c.site, d.site) == ("almaghribtoday", "casablancatoday")
    assert parse_article_url(c.canonical_url).time_part != parse_article_url(
        d.canonical_url).time_part
    assert c.paragraphs == d.paragraphs and c.authors == d.authors
    manifest = set(network.manifest())
    assert {a.canonical_url, b.canonical_url, c.canonical_url, d.canonical_url} <= manifest
    for article in (a, b, c, d):
        assert article.paragraphs[0] in _page_text(fetch(base, article.canonical_url))


def test_windows_1256_page(network: SimulatedNetwork, base: str) -> None:
    article = network.article(5)
    assert article.encoding == "windows-1256"
    fetched = fetch(base, article.canonical_url)
    assert fetched.headers.get_content_charset() == "windows-1256"
    assert b'<meta charset="windows-1256">' in fetched.body
    with pytest.raises(UnicodeDecodeError):
        fetched.body.decode("utf-8")
    assert article.paragraphs[-1] in _page_text(fetched)


def test_alias_host_link_and_alias_serving(network: SimulatedNetwork, base: str) -> None:
    article = network.article(6)
    assert article.special == "alias_host_feed_link" and article.channels == ("feed",)
    feed = fetch(base, "https://www.almaghribtoday.net/rss").text
    alias_url = article.canonical_url.replace("https://www.", "https://mail.")
    assert alias_url in feed
    # The alias host itself serves another site, as the live network does.
    served = fetch(base, alias_url)
    assert served.status == 404 and "الدار البيضاء اليوم" in served.text
    home = _page_text(fetch(base, "https://mail.arabstoday.net/"))
    assert "المغرب اليوم" in home


def test_label_mismatch_page(network: SimulatedNetwork, base: str) -> None:
    article = network.article(7)
    assert article.label_mismatch and article.site == "casablancatoday"
    assert article.canonical_url in network.manifest()
    text = _page_text(fetch(base, article.canonical_url))
    assert "المغرب اليوم -" in text and "الدار البيضاء اليوم" not in text


def test_legacy_forms(network: SimulatedNetwork, base: str) -> None:
    stamp = parse_article_url(network.article(8).canonical_url)
    assert stamp.legacy_datetime == datetime(2013, 1, 20, 5, 49, 31)
    assert network.article(8).published_at == datetime(2013, 1, 20, 5, 49, 31, tzinfo=UTC)
    opinion = parse_article_url(network.article(9).canonical_url)
    assert opinion.kind == "opinion" and opinion.time_part is None
    news = parse_article_url(network.article(10).canonical_url)
    assert news.kind == "news" and news.time_part is None
    assert network.article(11).published_at is None
    for i in (8, 9, 10, 11):
        assert _is_article_page(fetch(base, network.article(i).canonical_url))


def test_amp_index_php_and_bare_host_variants(network: SimulatedNetwork, base: str) -> None:
    article = network.article(12)
    parsed = parse_article_url(article.canonical_url)
    amp = fetch(base, parsed.amp_url)
    tree = html.fromstring(amp.text)
    assert tree.xpath('//link[@rel="canonical"]/@href') == [article.canonical_url]
    assert "comment-form" not in amp.text
    assert all(p in _page_text(amp) for p in article.paragraphs)
    page = fetch(base, article.canonical_url).body
    via_index = article.canonical_url.replace(".net/", ".net/index.php/", 1)
    assert fetch(base, via_index).body == page
    assert fetch(base, article.canonical_url.replace("https://www.", "http://")).body == page


def test_bad_inputs_are_served_and_linked(network: SimulatedNetwork, base: str) -> None:
    bad = network.bad_urls()
    manifest = set(network.manifest())
    error = fetch(base, bad["error_page_200"])
    assert error.status == 200 and "الصفحة غير موجودة" in error.text
    assert not _is_article_page(error)
    redirect = fetch(base, bad["offsite_redirect"])
    assert redirect.status == 301
    assert urlsplit(redirect.headers["Location"]).hostname == "example.org"
    pdf = fetch(base, bad["pdf_at_article_url"])
    assert pdf.headers["Content-Type"] == "application/pdf" and pdf.body.startswith(b"%PDF")
    for url in bad.values():
        assert url not in manifest
    for name in ("error_page_200", "offsite_redirect", "pdf_at_article_url"):
        assert parse_article_url(bad[name]).url not in manifest


# --------------------------------------------------------------------------- stability


def test_smaller_network_is_a_byte_identical_prefix() -> None:
    small, large = SimulatedNetwork(pages=45), SimulatedNetwork(pages=50)
    assert set(small.manifest()) < set(large.manifest())
    assert len(set(large.manifest()) - set(small.manifest())) == 5
    for plan in small.plans():
        host = plan.profile.site.canonical_host
        for path in (plan.path, "/amp" + plan.path):
            assert small.respond(host, path).body == large.respond(host, path).body


def test_determinism_and_seed() -> None:
    one, two = SimulatedNetwork(pages=30, seed=7), SimulatedNetwork(pages=30, seed=7)
    assert one.manifest() == two.manifest()
    for host, path in (("www.arabstoday.net", "/rss"), ("www.almaghribtoday.net", "/"),
                       ("www.casablancatoday.com", "/sitemap.xml")):
        assert one.respond(host, path).body == two.respond(host, path).body
    assert one.articles() == two.articles()
    assert SimulatedNetwork(pages=30, seed=8).manifest() != one.manifest()


def test_dates_are_fixed_and_in_window() -> None:
    for article in SimulatedNetwork(pages=60).articles():
        if article.published_at and article.special != "legacy_timestamp":
            assert article.published_at.tzinfo is not None
            assert REFERENCE - WINDOW <= article.published_at <= REFERENCE


def test_forty_pages_cover_three_sites() -> None:
    network = SimulatedNetwork(pages=40)
    assert len(network.manifest()) == 40
    assert len({a.site for a in network.articles()}) >= 3


# --------------------------------------------------------------------------- CLI


@pytest.mark.slow
def test_cli_writes_manifest_and_serves(tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.txt"
    process = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "simulate", "--port", "0", "--pages", "15",
         "--manifest", str(manifest)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", url)
        assert manifest.read_text(encoding="utf-8").splitlines() == SimulatedNetwork(
            pages=15).manifest()
        assert fetch(url, "https://www.arabstoday.net/robots.txt").status == 200
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_etag_revalidation(network: SimulatedNetwork, base: str) -> None:
    url = network.article(13).canonical_url
    first = fetch(base, url)
    etag = first.headers["ETag"]
    parts = urlsplit(url)
    request = urllib.request.Request(base + parts.path, headers={
        "Host": parts.hostname or "", "If-None-Match": etag})
    with pytest.raises(urllib.error.HTTPError) as error:
        _OPENER.open(request, timeout=10)
    assert error.value.code == 304
    changed = network.respond("www.arabstoday.net", parts.path, {"If-None-Match": '"other"'})
    assert changed.status == 200 and changed.body == first.body


def test_larger_network_routes_deep_articles() -> None:
    network = SimulatedNetwork(pages=3000)
    assert network.listing_page_size > 2
    plans = network.plans()
    for plan in (plans[0], plans[1500], plans[-1]):
        response = network.respond(plan.profile.site.canonical_host, plan.path)
        assert response.status == 200
        assert network.article(plan.index).title.encode() in response.body
    pages = network.listing_pages("arabstoday", "/485")
    last = network.respond("www.arabstoday.net", f"/485?page={len(pages)}")
    assert last.status == 200 and b'rel="next"' not in last.body
    assert network.respond("www.arabstoday.net", f"/485?page={len(pages) + 1}").status == 404


def test_palestinetoday_uses_the_table_template(network: SimulatedNetwork, base: str) -> None:
    article = next(a for a in network.articles()
                   if a.site == "palestinetoday" and a.kind == "news")
    tree = html.fromstring(fetch(base, article.canonical_url).text)
    assert not tree.xpath("//article | //main | //p[ancestor::*[@id='newsBody']]")
    body = tree.xpath("//*[@id='newsBody']")[0]
    assert len(body.xpath("./br")) == 2 * (len(article.paragraphs) - 1)
    assert [t.strip() for t in body.itertext() if t.strip()] == article.paragraphs


@pytest.mark.slow
def test_head_request_has_length_and_no_body(network: SimulatedNetwork, base: str) -> None:
    article = network.article(0)
    parts = urlsplit(article.canonical_url)
    request = urllib.request.Request(base + parts.path, method="HEAD",
                                     headers={"Host": parts.hostname or ""})
    with _OPENER.open(request, timeout=10) as response:
        assert response.status == 200 and response.read() == b""
        length = int(response.headers["Content-Length"])
    assert length == len(fetch(base, article.canonical_url).body)
