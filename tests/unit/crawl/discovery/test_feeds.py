"""parse_feed: RSS 2.0, RDF, Atom; leniency on cut and sloppy feeds; refusal of unsafe XML.

All sample text is synthetic.
"""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.crawl.discovery.feeds import FeedEntry, parse_feed, parse_xml_text
from crawler.extract.dates import parse_machine_date_utc

BASE = "https://www.arabstoday.net/rss"

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>العرب اليوم</title>
  <link>https://www.arabstoday.net/</link>
  <atom:link href="https://www.arabstoday.net/rss" rel="self"/>
  <item>
    <title><![CDATA[وزير يفتتح معرض الكتاب في المدينة]]></title>
    <link>https://www.arabstoday.net/485/095935-وزير-يفتتح-معرض-الكتاب</link>
    <pubDate>Tue, 22 Apr 2025 10:15:00 +0300</pubDate>
    <category>ثقافة</category>
    <category><![CDATA[معارض]]></category>
    <dc:creator>سالم الراوي</dc:creator>
    <guid isPermaLink="false">art-1001</guid>
    <description><![CDATA[<p>نص <b>تمهيدي</b></p>]]></description>
  </item>
  <item>
    <title>قمة &quot;اقتصادية&quot; &amp; لقاء&nbsp;ثنائي</title>
    <link>/w-2649/093007-ماذا-ينتظر-العرب</link>
    <pubDate>Wed, 23 Apr 2025 06:00:00 GMT</pubDate>
    <author>كاتبة العمود</author>
  </item>
  <item>
    <title>خبر بلا رابط صريح</title>
    <guid>https://www.arabstoday.net/1187/191111-خبر-بمعرف</guid>
    <pubDate>تاريخ غير مفهوم</pubDate>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>المغرب اليوم</title>
  <link rel="self" href="https://www.almaghribtoday.net/atom"/>
  <entry>
    <title type="html">الرباط &amp;lt;تستضيف&amp;gt; ملتقى</title>
    <link rel="self" href="https://www.almaghribtoday.net/api/1"/>
    <link rel="alternate" href="https://www.almaghribtoday.net/12/101500-الرباط-تستضيف-ملتقى"/>
    <id>tag:almaghribtoday.net,2025:1</id>
    <published>2025-04-22T10:15:00+01:00</published>
    <updated>2025-04-23T08:00:00Z</updated>
    <author><name>مراسل الرباط</name></author>
    <category term="مجتمع"/>
  </entry>
  <entry>
    <title>مقال رأي</title>
    <link href="/w-505/2013-01-20-05-49-31"/>
    <id>tag:almaghribtoday.net,2025:2</id>
    <updated>2025-04-23T08:00:00Z</updated>
  </entry>
</feed>
"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://www.palestinetoday.net/">
    <title>فلسطين اليوم</title>
  </channel>
  <item rdf:about="https://www.palestinetoday.net/33/120000-مزارعون-يقطفون-الزيتون">
    <title>مزارعون يقطفون الزيتون</title>
    <link>https://www.palestinetoday.net/33/120000-مزارعون-يقطفون-الزيتون</link>
    <dc:date>2025-10-05T12:00:00+03:00</dc:date>
    <dc:subject>زراعة</dc:subject>
  </item>
  <item rdf:about="https://www.palestinetoday.net/33/130000-موسم-جديد">
    <title>موسم جديد</title>
  </item>
</rdf:RDF>
"""


def test_rss_entries_have_every_field() -> None:
    result = parse_feed(RSS.encode(), BASE)
    assert result.error is None and not result.truncated
    assert [entry.url for entry in result.entries] == [
        "https://www.arabstoday.net/485/095935-وزير-يفتتح-معرض-الكتاب",
        "https://www.arabstoday.net/w-2649/093007-ماذا-ينتظر-العرب",
        "https://www.arabstoday.net/1187/191111-خبر-بمعرف",
    ]
    first, second, third = result.entries
    assert first == FeedEntry(
        url=first.url,
        title="وزير يفتتح معرض الكتاب في المدينة",
        published=datetime(2025, 4, 22, 7, 15, tzinfo=UTC),
        published_raw="Tue, 22 Apr 2025 10:15:00 +0300",
        categories=("ثقافة", "معارض"),
        guid="art-1001",
        author="سالم الراوي",
    )
    assert second.title == 'قمة "اقتصادية" & لقاء ثنائي'
    assert second.author == "كاتبة العمود"
    assert second.published == datetime(2025, 4, 23, 6, 0, tzinfo=UTC)
    assert third.published is None and third.published_raw == "تاريخ غير مفهوم"


def test_atom_prefers_alternate_link_and_reads_author_and_term() -> None:
    result = parse_feed(ATOM.encode(), "https://www.almaghribtoday.net/atom")
    assert result.error is None
    first, second = result.entries
    assert first.url == "https://www.almaghribtoday.net/12/101500-الرباط-تستضيف-ملتقى"
    assert first.title == "الرباط <تستضيف> ملتقى"
    assert first.published == datetime(2025, 4, 22, 9, 15, tzinfo=UTC)
    assert first.author == "مراسل الرباط"
    assert first.categories == ("مجتمع",)
    assert first.guid == "tag:almaghribtoday.net,2025:1"
    assert second.url == "https://www.almaghribtoday.net/w-505/2013-01-20-05-49-31"
    assert second.published_raw == "2025-04-23T08:00:00Z"


def test_rdf_items_fall_back_to_rdf_about() -> None:
    result = parse_feed(RDF.encode(), "https://www.palestinetoday.net/ar/rss/")
    assert [entry.url for entry in result.entries] == [
        "https://www.palestinetoday.net/33/120000-مزارعون-يقطفون-الزيتون",
        "https://www.palestinetoday.net/33/130000-موسم-جديد",
    ]
    assert result.entries[0].categories == ("زراعة",)
    assert result.entries[0].published == datetime(2025, 10, 5, 9, 0, tzinfo=UTC)


def test_windows_1256_declaration_is_honoured() -> None:
    body = RSS.replace('encoding="UTF-8"', 'encoding="windows-1256"').encode("cp1256",
                                                                            "replace")
    result = parse_feed(body, BASE)
    assert result.entries[0].title == "وزير يفتتح معرض الكتاب في المدينة"
    assert result.entries[0].url.endswith("/485/095935-وزير-يفتتح-معرض-الكتاب")


def test_undeclared_encoding_http_charset_then_windows_1256_guess() -> None:
    body = RSS.split("?>", 1)[1].encode("cp1256", "replace")
    expected = "وزير يفتتح معرض الكتاب في المدينة"
    assert parse_feed(body, BASE).entries[0].title == expected
    assert parse_feed(body, BASE, encoding="windows-1256").entries[0].title == expected
    utf8 = RSS.split("?>", 1)[1].encode()
    assert parse_feed(utf8, BASE, encoding="utf-8").entries[0].title == expected
    stray = utf8.replace("المدينة".encode(), "المدينة".encode() + b"\xff")
    assert parse_feed(stray, BASE).entries[0].title == expected + "\ufffd"


@pytest.mark.parametrize("prefix", [b"\xef\xbb\xbf", b"\n\n   ", b"\xef\xbb\xbf\r\n",
                                    b"<br />\n<b>Notice</b>: Undefined index x<br />\n"])
def test_bom_whitespace_and_php_junk_before_declaration(prefix: bytes) -> None:
    result = parse_feed(prefix + RSS.encode(), BASE)
    assert result.error is None
    assert len(result.entries) == 3


def test_gzip_feed_is_decompressed() -> None:
    assert parse_feed(gzip.compress(RSS.encode()), BASE).entries == parse_feed(
        RSS.encode(), BASE).entries


def test_media_and_podcast_extensions_do_not_shadow_core_fields() -> None:
    body = """<rss xmlns:media="http://search.yahoo.com/mrss/"
      xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><item>
      <media:title>عنوان الصورة</media:title><itunes:author>مقدم</itunes:author>
      <title>العنوان الحقيقي</title><author>الكاتب</author>
      <link>
        https://www.arabstoday.net/1/000001-خبر
      </link></item></channel></rss>"""
    (entry,) = parse_feed(body.encode(), BASE).entries
    assert (entry.title, entry.author) == ("العنوان الحقيقي", "الكاتب")
    assert entry.url == "https://www.arabstoday.net/1/000001-خبر"


def test_missing_item_end_tags_keep_each_items_own_fields() -> None:
    body = """<rss><channel>
      <item><title>الأول</title><link>https://www.arabstoday.net/1/000001-الأول</link>
      <item><title>الثاني</title><link>https://www.arabstoday.net/1/000002-الثاني</link>
    </channel></rss>"""
    result = parse_feed(body.encode(), BASE)
    assert [(e.title, e.url.rsplit("-", 1)[1]) for e in result.entries] == [
        ("الأول", "الأول"), ("الثاني", "الثاني")]


def test_hundreds_of_unclosed_items_are_not_lost_to_the_depth_limit() -> None:
    items = "".join(f"<item><title>خبر {i}</title><link>/1/000001-خبر-{i}</link>"
                    for i in range(400))
    for tail in ("</channel></rss>", ""):
        result = parse_feed(f"<rss><channel>{items}{tail}".encode(), BASE)
        assert [e.title for e in result.entries] == [f"خبر {i}" for i in range(400)]
        assert result.truncated is (tail == "")


@pytest.mark.parametrize("body, error", [
    (b"<!DOCTYPE html><html><head><title>x</title></head><body><p>ok</p></body></html>",
     "not_xml"),
    (b"<html><body><a href='/rss'>rss</a></body></html>", "not_xml"),
    (b"\n<!-- page -->\n<HTML lang='ar'><body>x</body></HTML>", "not_xml"),
    (b"Service Unavailable", "not_xml"),
    (b"<br />\n<b>Fatal error</b>: Allowed memory size exhausted", "not_xml"),
    (b"<p>\xd8\xae\xd8\xb7\xd8\xa3</p>", "not_xml"),
    (b'{"items": []}', "not_xml"),
    (b"", "empty_body"),
    (b"<?xml version='1.0'?><urlset><url><loc>https://x/</loc></url></urlset>", "not_a_feed"),
    (b"<rss version='2.0'><channel><title>x</title></channel></rss>", "empty"),
    (b"\x1f\x8b\x08\x00garbage", "bad_gzip"),
])
def test_bodies_that_are_not_feeds(body: bytes, error: str) -> None:
    result = parse_feed(body, BASE)
    assert result.entries == [] and result.error == error


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss><channel><item><title>&lol9;</title>
<link>https://www.arabstoday.net/1/000001-x</link></item></channel></rss>"""


def _xxe(secret_file: Path) -> str:
    return f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret_file}">]>
<rss><channel><item><title>&xxe;</title>
<link>https://www.arabstoday.net/1/000001-x</link></item></channel></rss>"""


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("SECRET-MARKER-7391")
    return path


def test_billion_laughs_is_refused() -> None:
    result = parse_feed(BILLION_LAUGHS.encode(), BASE)
    assert result.error == "entity_declaration" and result.entries == []


def test_external_entity_is_refused(secret_file: Path) -> None:
    result = parse_feed(_xxe(secret_file).encode(), BASE)
    assert result.error == "entity_declaration" and result.entries == []
    assert parse_feed(_xxe(Path("/etc/passwd")).encode(), BASE).error == "entity_declaration"


def test_the_parser_itself_neither_expands_nor_reads_files(secret_file: Path) -> None:
    """Defence in depth: even past the DOCTYPE check, lxml expands nothing and reads nothing."""
    for text in (BILLION_LAUGHS, _xxe(secret_file)):
        root = parse_xml_text(text.split("?>", 1)[1])
        assert root is not None
        flat = "".join(root.itertext())
        assert "SECRET-MARKER" not in flat
        assert "lollol" not in flat
        assert len(flat) < 1000


def test_external_dtd_is_not_loaded(tmp_path: Path) -> None:
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY word "SECRET-MARKER-7391">')
    body = f"""<?xml version="1.0"?><!DOCTYPE rss SYSTEM "file://{dtd}">
<rss><channel><item><title>a &word; b</title>
<link>https://www.arabstoday.net/1/000001-x</link></item></channel></rss>"""
    result = parse_feed(body.encode(), BASE)
    assert len(result.entries) == 1
    assert "SECRET" not in (result.entries[0].title or "")


# --- truncation -------------------------------------------------------------------------------

def _cut_before(body: str, marker: str, offset: int = 0) -> bytes:
    return body.encode()[: body.encode().index(marker.encode()) + offset]


def test_feed_missing_its_closing_tags_keeps_all_entries() -> None:
    body = RSS.replace("</channel>\n</rss>\n", "")
    result = parse_feed(body.encode(), BASE)
    assert result.truncated
    assert result.entries == parse_feed(RSS.encode(), BASE).entries


def test_cut_after_a_link_keeps_the_partial_entry_without_unfinished_fields() -> None:
    body = _cut_before(RSS, "<category>ثقافة")
    result = parse_feed(body + "<category>ثق".encode(), BASE)
    assert result.truncated
    (entry,) = result.entries
    assert entry.url.endswith("/485/095935-وزير-يفتتح-معرض-الكتاب")
    assert entry.title == "وزير يفتتح معرض الكتاب في المدينة"
    assert entry.published == datetime(2025, 4, 22, 7, 15, tzinfo=UTC)
    assert entry.categories == ()


def test_cut_inside_a_link_drops_that_entry_only() -> None:
    body = _cut_before(RSS, "/w-2649/093007", offset=8)
    result = parse_feed(body, BASE)
    assert [e.guid for e in result.entries] == ["art-1001"]
    assert result.rejected == {"partial_no_link": 1}


def test_cut_inside_a_tag_and_inside_a_multibyte_character() -> None:
    inside_tag = _cut_before(RSS, "<pubDate>Wed", offset=4)
    assert len(parse_feed(inside_tag, BASE).entries) == 2
    mid_char = _cut_before(RSS, "خبر بلا", offset=1)
    assert len(parse_feed(mid_char, BASE).entries) == 2


def _assert_prefix(body: bytes, cut: int, end_tag: bytes) -> None:
    full = parse_feed(body, BASE).entries
    result = parse_feed(body[:cut], BASE)
    complete = body[:cut].count(end_tag)
    got = result.entries
    assert len(got) in (complete, complete + 1)
    assert got[:complete] == full[:complete]
    if len(got) > complete:
        partial, whole = got[-1], full[complete]
        assert partial.url == whole.url
        assert partial.title in (None, whole.title)
        assert partial.published in (None, whole.published)
        assert partial.author in (None, whole.author)
        assert partial.guid in (None, whole.guid)
        assert whole.categories[: len(partial.categories)] == partial.categories
    if result.error is None:
        assert got


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([(RSS, b"</item>"), (ATOM, b"</entry>"), (RDF, b"</item>")]),
       st.floats(0, 1))
def test_cutting_a_feed_anywhere_yields_a_prefix(sample: tuple[str, bytes],
                                                 fraction: float) -> None:
    text, end_tag = sample
    body = text.encode()
    _assert_prefix(body, int(len(body) * fraction), end_tag)


@pytest.mark.slow
@pytest.mark.parametrize("text, end_tag", [(RSS, b"</item>"), (ATOM, b"</entry>"),
                                           (RDF, b"</item>")], ids=["rss", "atom", "rdf"])
def test_cutting_each_sample_at_every_byte(text: str, end_tag: bytes) -> None:
    body = text.encode()
    for cut in range(len(body) + 1):
        _assert_prefix(body, cut, end_tag)


ARABIC = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي &<>\"'؟!،ـ", min_size=1, max_size=30)


@pytest.mark.slow
@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(ARABIC, st.integers(0, 235959)), min_size=1, max_size=5),
       st.floats(0, 1))
def test_generated_feeds_round_trip_and_cut_to_a_prefix(items: list[tuple[str, int]],
                                                        fraction: float) -> None:
    parts = [f"<item><title>{escape(title)}</title>"
             f"<link>https://www.arabstoday.net/7/{n:06d}-خبر</link>"
             f"<category>{escape(title)}</category></item>" for title, n in items]
    body = f"<rss><channel>{''.join(parts)}</channel></rss>".encode()
    full = parse_feed(body, BASE).entries
    assert [e.url[-10:-4] for e in full] == [f"{n:06d}" for _, n in items]
    for entry, (title, _) in zip(full, items, strict=True):
        expected = " ".join(title.split()) or None
        assert entry.title == expected
    _assert_prefix(body, int(len(body) * fraction), b"</item>")


@pytest.mark.parametrize("raw, expected", [
    ("Tue, 22 Apr 2025 10:15:00 +0300", datetime(2025, 4, 22, 7, 15, tzinfo=UTC)),
    ("Tue, 22 Apr 2025 10:15:00 -0000", datetime(2025, 4, 22, 10, 15, tzinfo=UTC)),
    ("2025-04-22T10:15:00Z", datetime(2025, 4, 22, 10, 15, tzinfo=UTC)),
    ("2025-04-22 10:15:00", datetime(2025, 4, 22, 10, 15, tzinfo=UTC)),
    ("2025-04-22", datetime(2025, 4, 22, tzinfo=UTC)),
    ("2025-04", datetime(2025, 4, 1, tzinfo=UTC)),
    ("٢٠٢٥-٠٤-٢٢", datetime(2025, 4, 22, tzinfo=UTC)),
    ("الثلاثاء 22 نيسان", None),
    ("", None),
    (None, None),
    ("Tue, 99 Foo 2025", None),
])
def test_parse_date(raw: str | None, expected: datetime | None) -> None:
    assert parse_machine_date_utc(raw) == expected


FUZZ_PIECES = st.sampled_from([
    b'<rss>',
    b'<channel>',
    b'<item>',
    b'</item>',
    b'<link>',
    b'</link>',
    b'https://www.arabstoday.net/1/000001-x',
    b'<![CDATA[',
    b']]>',
    b'&amp;',
    b'&nbsp;',
    b'&',
    b'<!--',
    b"<?xml version='1.0' encoding='windows-1256'?>",
    b"<feed xmlns='http://www.w3.org/2005/Atom'>",
    b'<entry>',
    b"<link href='/x'/>",
    b'\xd8\xb9',
    b'\xff',
    b'<!DOCTYPE x>',
    b'\x1f\x8b',
    b'<html>',
])


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FUZZ_PIECES, st.binary(max_size=5)), max_size=30))
def test_never_raises_on_junk(pieces: list[bytes]) -> None:
    body = b"".join(pieces)
    result = parse_feed(body, BASE)
    assert bool(result.entries) != bool(result.error)
    assert all(entry.url.startswith(("http://", "https://")) for entry in result.entries)
