"""parse_listing, is_listing_url, listing_key: links, pagination, off-site and alias hosts.

All sample text is synthetic.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.crawl.discovery.listings import (
    ListingKey,
    canonical_listing_url,
    is_listing_url,
    listing_key,
    parse_listing,
)
from crawler.network.urls import parse_article_url

BASE = "https://www.arabstoday.net/485"
SLUG = "095935-وزير-يفتتح-معرض-الكتاب"
CANONICAL = parse_article_url(f"https://www.arabstoday.net/485/{SLUG}").url


def _page(body: str, head: str = "") -> str:
    return (f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">{head}'
            f"</head><body>{body}</body></html>")


def test_article_links_are_canonical_deduplicated_and_in_page_order() -> None:
    html = _page(f"""
      <a href="/485/{SLUG}"><img src="https://img.arabstoday.net/2025/04/normal/a.jpg"></a>
      <a href="https://www.arabstoday.net/485/{quote(SLUG)}">وزير يفتتح معرض الكتاب</a>
      <a href="http://arabstoday.net/amp/485/{SLUG}">نسخة مسرعة</a>
      <a href="/index.php/w-2649/093007-ماذا-ينتظر-العرب">ماذا ينتظر العرب</a>
      <a href="/1187/191111-خبر-ثالث#comments">تعليقات</a>""")
    result = parse_listing(html.encode(), BASE)
    assert result.error is None
    assert result.article_urls == [
        CANONICAL,
        parse_article_url("https://www.arabstoday.net/w-2649/093007-ماذا-ينتظر-العرب").url,
        parse_article_url("https://www.arabstoday.net/1187/191111-خبر-ثالث").url,
    ]
    assert result.rejected == {"duplicate": 2}


def test_raw_and_percent_encoded_arabic_hrefs_give_one_url() -> None:
    raw = parse_listing(_page(f'<a href="/485/{SLUG}">x</a>'), BASE).article_urls
    encoded = parse_listing(_page(f'<a href="/485/{quote(SLUG)}">x</a>'), BASE).article_urls
    assert raw == encoded == [CANONICAL]


def test_bytes_in_a_legacy_arabic_encoding() -> None:
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; '
            f'charset=windows-1256"></head><body><a href="/485/{SLUG}">x</a></body></html>')
    result = parse_listing(html.encode("cp1256"), BASE)
    assert result.article_urls == [CANONICAL]


def test_bytes_with_the_http_charset_only() -> None:
    html = f'<html><body><a href="/485/{SLUG}">x</a></body></html>'.encode("cp1256")
    assert parse_listing(html, BASE, encoding="windows-1256").article_urls == [CANONICAL]
    assert parse_listing(html, BASE).article_urls != [CANONICAL]


def test_off_site_sister_site_and_alias_links() -> None:
    html = _page(f"""
      <a href="https://mail.arabstoday.net/485/{SLUG}">عبر مضيف بديل</a>
      <a href="https://android.arabstoday.net/w-12/101010-مقال-قديم">عبر مضيف آخر</a>
      <a href="https://www.omantoday.net/485/{SLUG}">موقع شقيق</a>
      <a href="https://mail.almaghribtoday.net/12/101500-خبر">مضيف بديل لموقع شقيق</a>
      <a href="https://img.arabstoday.net/2025/04/normal/a.jpg">صورة</a>
      <a href="https://www.facebook.com/share?u=x">فيسبوك</a>
      <a href="mailto:info@example.org">راسلنا</a>
      <a href="javascript:void(0)">قائمة</a>
      <a href="whatsapp://send?text=x">واتساب</a>
      <a href="#top">أعلى</a>
      <a href="">فارغ</a>
      <a href="/contact-us">اتصل بنا</a>
      <a href="/485/2">رقم</a>""")
    result = parse_listing(html, BASE)
    assert result.article_urls == [
        CANONICAL, parse_article_url("https://www.arabstoday.net/w-12/101010-مقال-قديم").url]
    assert result.rejected == {"other_site": 2, "off_site": 2, "not_http": 3, "fragment": 1,
                               "empty_href": 1, "not_article_path": 1,
                               "numeric_path_not_article": 1}
    assert result.next_pages == [] and result.listing_urls == []


@pytest.mark.parametrize("body, head, expected", [
    ("", '<link rel="next" href="/485?page=2">', "https://www.arabstoday.net/485?page=2"),
    ('<a rel="next" href="/485/page/2">2</a>', "", "https://www.arabstoday.net/485/page/2"),
    ('<a rel="nofollow next" href="?page=2">٢</a>', "", "https://www.arabstoday.net/485?page=2"),
    ('<a href="/485?page=2">التالي</a>', "", "https://www.arabstoday.net/485?page=2"),
    ('<a href="/485?page=2"> التالي » </a>', "", "https://www.arabstoday.net/485?page=2"),
    ('<a href="/485?page=2"><span>الصفحة التالية</span></a>', "",
     "https://www.arabstoday.net/485?page=2"),
    ('<a href="/485?page=2">»</a>', "", "https://www.arabstoday.net/485?page=2"),
    ('<a href="/485?page=2">›</a>', "", "https://www.arabstoday.net/485?page=2"),
    ('<a href="/485?page=2">Next</a>', "", "https://www.arabstoday.net/485?page=2"),
    ('<a href="/485?page=2" aria-label="Next"><i class="icon"></i></a>', "",
     "https://www.arabstoday.net/485?page=2"),
    ('<a href="http://mail.arabstoday.net/index.php/485/page/2/">التالي</a>', "",
     "https://www.arabstoday.net/485/page/2"),
    ('<a href="/archive.php?cat=485&amp;p=2">التالي</a>', "",
     "https://www.arabstoday.net/archive.php?cat=485&p=2"),
])
def test_every_pagination_form(body: str, head: str, expected: str) -> None:
    result = parse_listing(_page(body, head), BASE)
    assert result.next_pages == [expected]
    assert expected not in result.listing_urls


def test_pagination_that_is_not_next() -> None:
    html = _page("""<a href="/485?page=1">«</a><a href="/485?page=1">السابق</a>
      <a href="/485?page=3">3</a><a href="https://www.omantoday.net/485?page=2">التالي</a>
      <a href="/485">الأولى</a>""")
    result = parse_listing(html, "https://www.arabstoday.net/485?page=2")
    assert result.next_pages == []
    assert result.listing_urls == ["https://www.arabstoday.net/485?page=1",
                                   "https://www.arabstoday.net/485?page=3",
                                   "https://www.arabstoday.net/485"]
    assert result.rejected == {"duplicate": 1, "other_site": 1}


def test_next_link_on_itself_is_dropped() -> None:
    result = parse_listing(_page('<a href="/485?page=2">التالي</a>'),
                           "https://www.arabstoday.net/485?page=2")
    assert result.next_pages == [] and result.rejected == {"self_link": 1}


def test_navigation_listing_urls() -> None:
    html = _page("""<nav><a href="/">الرئيسية</a><a href="/485">سياسة</a>
      <a href="https://arabstoday.net/1187/">رياضة</a><a href="/w-2649">كاتب</a>
      <a href="/index.php/w-346?page=4">أرشيف الكاتب</a></nav>""")
    result = parse_listing(html, BASE)
    assert result.listing_urls == ["https://www.arabstoday.net/",
                                   "https://www.arabstoday.net/1187",
                                   "https://www.arabstoday.net/w-2649",
                                   "https://www.arabstoday.net/w-346?page=4"]
    assert result.rejected == {"self_link": 1}


def test_base_element_and_alias_base_url() -> None:
    html = _page(f'<a href="485/{SLUG}">x</a>', head='<base href="https://www.arabstoday.net/">')
    assert parse_listing(html, "https://mail.arabstoday.net/w-1").article_urls == [CANONICAL]


@pytest.mark.parametrize("html, base, error", [
    (_page("<a href='/485/1-x'>x</a>"), "https://www.example.com/", "base_not_network"),
    (_page("<a href='/485/1-x'>x</a>"), "not a url", "base_not_network"),
    (b"", BASE, "empty"),
    ("   ", BASE, "empty"),
])
def test_bad_input_gives_an_error_not_an_exception(html: str | bytes, base: str,
                                                   error: str) -> None:
    result = parse_listing(html, base)
    assert result.error == error and result.article_urls == []


def test_broken_html_still_yields_links() -> None:
    html = f"<div><a href='/485/{SLUG}'>x<div><a href=\"/485?page=2\">التالي</a"
    result = parse_listing(html, BASE)
    assert result.article_urls == [CANONICAL]
    assert result.next_pages == ["https://www.arabstoday.net/485?page=2"]


@pytest.mark.parametrize("url, key", [
    ("https://www.arabstoday.net/", ListingKey("arabstoday", "/", 1)),
    ("https://www.arabstoday.net", ListingKey("arabstoday", "/", 1)),
    ("http://arabstoday.net/?page=3", ListingKey("arabstoday", "/", 3)),
    ("https://www.arabstoday.net/page/2", ListingKey("arabstoday", "/", 2)),
    ("https://www.arabstoday.net/index.php", ListingKey("arabstoday", "/", 1)),
    ("https://www.arabstoday.net/485", ListingKey("arabstoday", "/485", 1)),
    ("https://mail.omantoday.net/485/", ListingKey("omantoday", "/485", 1)),
    ("https://www.arabstoday.net/485?page=7", ListingKey("arabstoday", "/485", 7)),
    ("https://www.arabstoday.net/485/page/7/", ListingKey("arabstoday", "/485", 7)),
    ("https://www.algeriatoday.com/index.php/w-346?page=2",
     ListingKey("algeriatoday", "/w-346", 2)),
    ("https://www.arabstoday.net/w-2649/page/3", ListingKey("arabstoday", "/w-2649", 3)),
    ("https://www.arabstoday.net/485#top", ListingKey("arabstoday", "/485", 1)),
    ("https://www.arabstoday.net/485/095935-خبر", None),
    ("https://www.arabstoday.net/w-2649/093007-مقال", None),
    ("https://www.arabstoday.net/w-505/2013-01-20-05-49-31", None),
    ("https://www.arabstoday.net/amp/485", None),
    ("https://www.arabstoday.net/485/2", None),
    ("https://www.arabstoday.net/485?page=0", None),
    ("https://www.arabstoday.net/485?page=x", None),
    ("https://www.arabstoday.net/485?page=2&utm_source=y", None),
    ("https://www.arabstoday.net/485/page/2?page=3", None),
    ("https://www.arabstoday.net/contact-us", None),
    ("https://img.arabstoday.net/485", None),
    ("https://www.example.com/485", None),
    ("ftp://www.arabstoday.net/485", None),
    ("http://[::1", None),
])
def test_listing_grammar(url: str, key: ListingKey | None) -> None:
    assert listing_key(url) == key
    assert is_listing_url(url) is (key is not None)


def test_listing_keys_and_kinds() -> None:
    assert ListingKey("arabstoday", "/").kind == "home"
    assert ListingKey("arabstoday", "/485").kind == "section"
    assert ListingKey("arabstoday", "/w-1").kind == "writer"
    assert canonical_listing_url("http://host.arabstoday.net/index.php/485/page/2/") == (
        "https://www.arabstoday.net/485/page/2")
    assert canonical_listing_url("https://www.arabstoday.net/485/1-x") is None


FUZZ_PIECES = st.sampled_from([
    b'<html>',
    b"<a href='/485/1-x'>",
    b'</a>',
    b"<a href='http://[::1'>",
    b"<a rel=next href='?page=2'>",
    b'\xc2\xbb',
    b"<base href='//x'>",
    b"<link rel='next' href=''>",
    b"<a href='/w-1?page=0'>",
    b"<?xml version='1.0' encoding='utf-8'?>",
    b'\xd8\xb9',
    b'\xff',
    b"<a href='mailto:'>",
])


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FUZZ_PIECES, st.binary(max_size=5)), max_size=30))
def test_never_raises_on_junk(pieces: list[bytes]) -> None:
    body = b"".join(pieces)
    result = parse_listing(body, BASE)
    for url in result.article_urls:
        assert parse_article_url(url).url == url
    assert all(url.startswith("https://www.arabstoday.net/")
               for url in [*result.article_urls, *result.next_pages, *result.listing_urls])


# -- hostile listings ----------------------------------------------------------------------------

def _many_links(count: int) -> str:
    return "<html><body>" + "".join(
        f'<a href="/485/{100000 + n % 100000:06d}-huge-{n}">x</a>' for n in range(count)
    ) + "</body></html>"


@pytest.mark.slow
def test_a_listing_of_40000_links_is_read_in_linear_time() -> None:
    import time

    started = time.monotonic()
    links = parse_listing(_many_links(40_000), "https://www.arabstoday.net/")
    assert len(links.article_urls) == 40_000 and not links.truncated
    assert time.monotonic() - started < 8  # a list membership test took 12.5 s


def test_max_links_stops_reading_the_page() -> None:
    links = parse_listing(_many_links(5000), "https://www.arabstoday.net/", max_links=100)
    assert len(links.article_urls) == 100 and links.truncated
    assert parse_listing(_many_links(50), "https://www.arabstoday.net/",
                         max_links=100).truncated is False


def test_a_5000_digit_link_is_dropped_alone() -> None:
    digits = "9" * 5000
    html = (f'<a href="/{digits}/101010-x">a</a><a href="/?page={digits}">b</a>'
            f'<a href="/485/page/{digits}">c</a><a href="/485/{SLUG}">d</a>')
    links = parse_listing(html, "https://www.arabstoday.net/")
    assert links.article_urls == [CANONICAL]
    assert links.rejected.get("number_too_long", 0) >= 1
