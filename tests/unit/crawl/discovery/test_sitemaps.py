"""parse_sitemap and sitemap_urls_from_robots: urlset, index, news, gzip, bombs, cuts, robots.

All sample text is synthetic.
"""

from __future__ import annotations

import gzip
import time
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.crawl.discovery import feeds
from crawler.crawl.discovery.sitemaps import SitemapEntry, parse_sitemap, sitemap_urls_from_robots

BASE = "https://www.arabstoday.net/sitemap.xml"

URLSET = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <loc>https://www.arabstoday.net/485/095935-%D9%85%D9%88%D8%B3%D9%85-%D8%A7%D9%84%D8%AD%D8%B5%D8%A7%D8%AF</loc>
    <lastmod>2025-04-22T10:15:00+03:00</lastmod>
    <changefreq>daily</changefreq>
    <image:image><image:loc>https://img.arabstoday.net/2025/04/normal/harvest.jpg</image:loc></image:image>
  </url>
  <url>
    <loc> /w-2649/093007-ماذا-ينتظر-العرب </loc>
    <lastmod>2025-04-23</lastmod>
  </url>
  <url>
    <loc>https://www.arabstoday.net/12/101010-خبر?ref=a&amp;b=c</loc>
  </url>
  <url><lastmod>2025-01-01</lastmod></url>
</urlset>
"""

INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://www.arabstoday.net/sitemap-news.xml</loc>
    <lastmod>2025-04-23T08:00:00Z</lastmod></sitemap>
  <sitemap><loc>/sitemap-2025-04.xml.gz</loc></sitemap>
</sitemapindex>
"""

NEWS = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <loc>https://www.almaghribtoday.net/12/101500-الرباط-تستضيف-ملتقى</loc>
    <news:news>
      <news:publication><news:name>المغرب اليوم</news:name><news:language>ar</news:language>
      </news:publication>
      <news:publication_date>2025-04-22T10:15:00+01:00</news:publication_date>
      <news:title>الرباط تستضيف &quot;ملتقى&quot; الشباب</news:title>
    </news:news>
    <image:image><image:loc>https://img.almaghribtoday.net/2025/04/normal/a.jpg</image:loc>
      <image:title>صورة</image:title></image:image>
  </url>
  <url>
    <loc>https://www.almaghribtoday.net/w-346/170908-رأي-في-الموسم</loc>
    <news:news><news:publication_date>2025-04-22</news:publication_date>
      <news:title>رأي في الموسم</news:title></news:news>
  </url>
</urlset>
"""


def test_urlset_entries_locs_and_lastmods() -> None:
    result = parse_sitemap(URLSET.encode(), BASE)
    assert result.kind == "urlset" and result.error is None and not result.truncated
    assert [entry.loc for entry in result.entries] == [
        "https://www.arabstoday.net/485/095935-%D9%85%D9%88%D8%B3%D9%85-%D8%A7%D9%84%D8%AD%D8"
        "%B5%D8%A7%D8%AF",
        "https://www.arabstoday.net/w-2649/093007-ماذا-ينتظر-العرب",
        "https://www.arabstoday.net/12/101010-خبر?ref=a&b=c",
    ]
    assert [entry.lastmod for entry in result.entries] == [
        datetime(2025, 4, 22, 7, 15, tzinfo=UTC), datetime(2025, 4, 23, tzinfo=UTC), None]
    assert result.rejected == {"no_loc": 1}


def test_image_extension_is_ignored() -> None:
    locs = [entry.loc for entry in parse_sitemap(NEWS.encode(), BASE).entries]
    assert not any("img." in loc for loc in locs)
    assert len(locs) == 2


def test_sitemap_index() -> None:
    result = parse_sitemap(INDEX.encode(), BASE)
    assert result.kind == "sitemapindex"
    assert result.entries == [
        SitemapEntry("https://www.arabstoday.net/sitemap-news.xml",
                     lastmod=datetime(2025, 4, 23, 8, 0, tzinfo=UTC)),
        SitemapEntry("https://www.arabstoday.net/sitemap-2025-04.xml.gz"),
    ]


def test_google_news_sitemap() -> None:
    first, second = parse_sitemap(NEWS.encode(), BASE).entries
    assert first.news_published == datetime(2025, 4, 22, 9, 15, tzinfo=UTC)
    assert first.news_title == 'الرباط تستضيف "ملتقى" الشباب'
    assert first.lastmod is None
    assert second.news_published == datetime(2025, 4, 22, tzinfo=UTC)
    assert second.news_title == "رأي في الموسم"


@pytest.mark.parametrize("url", [BASE, "https://www.arabstoday.net/sitemap.xml.gz",
                                 "https://www.arabstoday.net/sitemap"])
def test_gzip_is_detected_by_magic_bytes_whatever_the_url(url: str) -> None:
    plain = parse_sitemap(NEWS.encode(), url)
    assert parse_sitemap(gzip.compress(NEWS.encode()), url) == plain


def test_multi_member_and_cut_gzip() -> None:
    body = NEWS.encode()
    two_members = gzip.compress(body[:300]) + gzip.compress(body[300:])
    assert parse_sitemap(two_members, BASE).entries == parse_sitemap(body, BASE).entries
    cut = gzip.compress(body)[: len(gzip.compress(body)) * 3 // 4]
    result = parse_sitemap(cut, BASE)
    assert result.truncated and result.error is None
    assert result.entries[0] == parse_sitemap(body, BASE).entries[0]


@pytest.mark.slow
def test_gzip_bomb_hits_the_cap_quickly() -> None:
    inflater = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b"\0" * (1 << 20)
    parts = [inflater.compress(b"<urlset>")]
    parts += [inflater.compress(chunk) for _ in range(feeds.MAX_DECOMPRESSED_BYTES // len(chunk)
                                                      + 8)]
    bomb = b"".join([*parts, inflater.flush()])
    assert len(bomb) < 200_000
    started = time.monotonic()
    result = parse_sitemap(bomb, BASE)
    assert result.error == "gzip_too_large" and result.entries == []
    assert time.monotonic() - started < 10


def test_gzip_cap_is_exact() -> None:
    data = b"x" * 1000
    assert feeds.gunzip_capped(gzip.compress(data), limit=1000) == data
    with pytest.raises(feeds.BodyRefused, match="gzip_too_large"):
        feeds.gunzip_capped(gzip.compress(data), limit=999)


@pytest.mark.parametrize("body, error", [
    (b"<!DOCTYPE html><html><body>404</body></html>", "not_xml"),
    (b"Not Found", "not_xml"),
    (b"<rss><channel></channel></rss>", "not_a_sitemap"),
    (b"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'></urlset>", "empty"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03not deflate at all", "bad_gzip"),
    (gzip.compress(b""), "empty_body"),
])
def test_bodies_that_are_not_sitemaps(body: bytes, error: str) -> None:
    result = parse_sitemap(body, BASE)
    assert result.entries == [] and result.error == error
    assert result.kind == ("urlset" if error == "empty" else None)


def test_entity_declarations_are_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-MARKER-7391")
    xxe = f"""<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "file://{secret}">]>
<urlset><url><loc>https://www.arabstoday.net/1/000001-&x;</loc></url></urlset>"""
    laughs = """<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "aaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<urlset><url><loc>https://www.arabstoday.net/1/000001-&c;</loc></url></urlset>"""
    for body in (xxe, laughs):
        result = parse_sitemap(body.encode(), BASE)
        assert result.error == "entity_declaration" and result.entries == []
    assert parse_sitemap(gzip.compress(xxe.encode()), BASE).error == "entity_declaration"


def test_hundreds_of_unclosed_urls() -> None:
    urls = "".join(f"<url><loc>/1/000001-خبر-{i}</loc>" for i in range(400))
    result = parse_sitemap(f"<urlset>{urls}</urlset>".encode(), BASE)
    assert [entry.loc for entry in result.entries] == [
        f"https://www.arabstoday.net/1/000001-خبر-{i}" for i in range(400)]


def test_truncated_sitemap_keeps_complete_entries() -> None:
    body = NEWS.encode()
    cut = body[: body.index(b"<news:title>\xd8\xb1")]  # inside the second url, after its loc
    result = parse_sitemap(cut, BASE)
    assert result.truncated
    first, second = result.entries
    assert first == parse_sitemap(body, BASE).entries[0]
    assert second.loc.endswith("170908-رأي-في-الموسم")
    assert second.news_published == datetime(2025, 4, 22, tzinfo=UTC)
    assert second.news_title is None


def _assert_prefix(body: bytes, cut: int, end_tag: bytes) -> None:
    full = parse_sitemap(body, BASE).entries
    got = parse_sitemap(body[:cut], BASE).entries
    # URLSET's last <url> has no loc and never yields an entry: it is last, so cap the count.
    complete = min(body[:cut].count(end_tag), len(full))
    assert got[:complete] == full[:complete]
    assert len(got) in (complete, complete + 1)
    if len(got) > complete:
        assert got[-1].loc == full[complete].loc
        assert got[-1].lastmod in (None, full[complete].lastmod)
        assert got[-1].news_published in (None, full[complete].news_published)
        assert got[-1].news_title in (None, full[complete].news_title)


SAMPLES = [(URLSET, b"</url>"), (INDEX, b"</sitemap>"), (NEWS, b"</url>")]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(SAMPLES), st.floats(0, 1))
def test_cutting_a_sitemap_anywhere_yields_a_prefix(sample: tuple[str, bytes],
                                                    fraction: float) -> None:
    text, end_tag = sample
    body = text.encode()
    _assert_prefix(body, int(len(body) * fraction), end_tag)


@pytest.mark.slow
@pytest.mark.parametrize("text, end_tag", SAMPLES, ids=["urlset", "index", "news"])
def test_cutting_each_sample_at_every_byte(text: str, end_tag: bytes) -> None:
    body = text.encode()
    for cut in range(len(body) + 1):
        _assert_prefix(body, cut, end_tag)


ROBOTS = """\ufeffUser-agent: *
Disallow: /admin/
SITEMAP: https://www.arabstoday.net/sitemap.xml
sitemap:/sitemap-news.xml   # news only
  Sitemap : https://www.arabstoday.net/sitemap.xml
# Sitemap: https://www.arabstoday.net/commented.xml
Sitemap: javascript:alert(1)
Sitemap:
Host: www.arabstoday.net\r
Sitemap: //www.arabstoday.net/ar/sitemap.xml\r
"""


def test_robots_sitemap_lines() -> None:
    assert sitemap_urls_from_robots(ROBOTS, "https://www.arabstoday.net/robots.txt") == [
        "https://www.arabstoday.net/sitemap.xml",
        "https://www.arabstoday.net/sitemap-news.xml",
        "https://www.arabstoday.net/ar/sitemap.xml",
    ]
    assert sitemap_urls_from_robots("User-agent: *\nDisallow:", "https://x.net/robots.txt") == []


FUZZ_PIECES = st.sampled_from([
    b'<urlset>',
    b'<sitemapindex>',
    b'<url>',
    b'</url>',
    b'<sitemap>',
    b'<loc>',
    b'</loc>',
    b'/x',
    b'<lastmod>',
    b'2025-13-45',
    b'</lastmod>',
    b'<news:news>',
    b'<![CDATA[',
    b'&',
    b'\xd8\xb9',
    b'\xff',
    b'\x1f\x8b\x08\x00',
    b'<!DOCTYPE x>',
])


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FUZZ_PIECES, st.binary(max_size=5)), max_size=30))
def test_never_raises_on_junk(pieces: list[bytes]) -> None:
    body = b"".join(pieces)
    result = parse_sitemap(body, BASE)
    assert bool(result.entries) != bool(result.error)
    assert all(entry.loc.startswith(("http://", "https://")) for entry in result.entries)
