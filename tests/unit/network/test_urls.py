"""The URL grammar: every form in site-facts.md maps to one canonical URL or is rejected."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import quote

import pytest

from crawler.network.sites import SITES, confirmed_sites, get_site, parse_site_list, site_for_host
from crawler.network.urls import (
    NotAnArticleURL,
    canonical_article_url,
    on_canonical_host,
    parse_article_url,
)

SLUG = "ماذا-ينتظر-العرب"
SLUG_ENC = quote(SLUG)
CANON_OPINION = f"https://www.arabstoday.net/w-2649/093007-{SLUG_ENC}"


@pytest.mark.parametrize(
    "variant",
    [
        f"https://www.arabstoday.net/w-2649/093007-{SLUG}",
        f"https://www.arabstoday.net/w-2649/093007-{SLUG_ENC}",
        f"http://www.arabstoday.net/w-2649/093007-{SLUG}",
        f"http://arabstoday.net/w-2649/093007-{SLUG}",
        f"https://arabstoday.net/w-2649/093007-{SLUG_ENC}",
        f"https://mail.arabstoday.net/w-2649/093007-{SLUG}",
        f"https://host.arabstoday.net/w-2649/093007-{SLUG}",
        f"https://android.arabstoday.net/w-2649/093007-{SLUG}",
        f"https://autodiscover.arabstoday.net/w-2649/093007-{SLUG}",
        f"https://www.arabstoday.net/index.php/w-2649/093007-{SLUG}",
        f"https://www.arabstoday.net/amp/w-2649/093007-{SLUG}",
        f"https://WWW.ArabsToday.net/w-2649/093007-{SLUG_ENC}/",
        f"https://www.arabstoday.net/w-2649/093007-{SLUG}?utm_source=rss#comments",
        f"  https://www.arabstoday.net//w-2649//093007-{SLUG}  ",
        f"https://www.arabstoday.net/w-2649/093007-{SLUG_ENC.lower()}",
    ],
)
def test_opinion_variants_share_one_canonical_url(variant: str) -> None:
    parsed = parse_article_url(variant)
    assert parsed.url == CANON_OPINION
    assert parsed.kind == "opinion"
    assert parsed.writer_id == 2649
    assert parsed.time_part == "093007"
    assert parsed.slug == SLUG
    assert parsed.site.key == "arabstoday"
    assert parsed.article_id == parse_article_url(CANON_OPINION).article_id


def test_news_forms() -> None:
    timed = parse_article_url("https://www.arabstoday.net/485/095935-تعرف-علي-موعد")
    assert (timed.kind, timed.section_id, timed.time_part, timed.slug) == (
        "news", 485, "095935", "تعرف-علي-موعد")
    untimed = parse_article_url("https://www.arabstoday.net/485/تعرف-علي-موعد")
    assert (untimed.kind, untimed.time_part, untimed.slug) == ("news", None, "تعرف-علي-موعد")
    assert timed.url != untimed.url


def test_amp_news_maps_to_the_non_amp_page() -> None:
    amp = parse_article_url("https://www.almaghribtoday.net/amp/1187/191111-خبر-عاجل")
    assert amp.was_amp
    assert amp.url == "https://www.almaghribtoday.net/1187/191111-" + quote("خبر-عاجل")
    assert amp.amp_url == "https://www.almaghribtoday.net/amp/1187/191111-" + quote("خبر-عاجل")


def test_index_php_on_a_sister_site() -> None:
    parsed = parse_article_url("http://algeriatoday.com/index.php/w-346/170908-مقال")
    assert parsed.url == "https://www.algeriatoday.com/w-346/170908-" + quote("مقال")
    assert parsed.site.label == "الجزائر اليوم"


def test_legacy_opinion_forms() -> None:
    stamped = parse_article_url("https://www.arabstoday.net/w-505/2013-01-20-05-49-31")
    assert stamped.kind == "opinion"
    assert stamped.legacy_datetime == datetime(2013, 1, 20, 5, 49, 31)
    assert stamped.time_part is None
    slug_only = parse_article_url("https://www.arabstoday.net/w-505/عنوان-قديم")
    assert (slug_only.slug, slug_only.time_part) == ("عنوان-قديم", None)


def test_six_digits_that_are_not_a_clock_stay_in_the_slug() -> None:
    parsed = parse_article_url("https://www.arabstoday.net/485/996100-رقم")
    assert parsed.time_part is None
    assert parsed.slug == "996100-رقم"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://img.arabstoday.net/2024/11/normal/photo.jpg", "not_network_host"),
        ("https://example.org/485/095935-x", "not_network_host"),
        ("ftp://www.arabstoday.net/485/095935-x", "not_http"),
        ("mailto:editor@arabstoday.net", "not_http"),
        ("https://www.arabstoday.net/", "not_article_path"),
        ("https://www.arabstoday.net/rss", "not_article_path"),
        ("https://www.arabstoday.net/485", "not_article_path"),
        ("https://www.arabstoday.net/w-505", "not_article_path"),
        ("https://www.arabstoday.net/485/12345", "numeric_path_not_article"),
        ("https://www.arabstoday.net/a/b/c", "not_article_path"),
        ("https://www.arabstoday.net/w-505/2013-02-30-05-49-31", "bad_legacy_timestamp"),
        ("https://www.arabstoday.net/485/%D9%x", "bad_percent_encoding"),
        ("https://www.arabstoday.net/485/%FF%FE-x", "bad_percent_encoding"),
        ("http://[::1/485/x", "malformed_url"),
    ],
)
def test_rejections_carry_a_reason(url: str, reason: str) -> None:
    with pytest.raises(NotAnArticleURL) as info:
        parse_article_url(url)
    assert info.value.reason == reason
    assert canonical_article_url(url) is None


def test_registry_holds_the_twelve_confirmed_sites() -> None:
    assert len(confirmed_sites()) == 12
    assert len({s.domain for s in SITES}) == len(SITES)
    assert get_site("egypt-today.com").key == "egypttoday"
    assert get_site("palestinetoday").label == "فلسطين اليوم"
    assert [s.key for s in parse_site_list("omantoday, arabstoday")] == ["omantoday", "arabstoday"]
    assert parse_site_list(None) == confirmed_sites()
    with pytest.raises(ValueError, match="unknown site"):
        parse_site_list("nosuchsite")


def test_hosts() -> None:
    assert site_for_host("www.emiratesvoice.com").key == "emiratesvoice"  # type: ignore[union-attr]
    assert site_for_host("emiratesvoice.com:443").key == "emiratesvoice"  # type: ignore[union-attr]
    assert site_for_host("img.emiratesvoice.com") is None
    assert site_for_host("www.evil-arabstoday.net") is None
    assert site_for_host("arabstoday.net.evil.com") is None


def test_non_article_urls_move_to_the_canonical_host() -> None:
    assert on_canonical_host("http://mail.omantoday.net/rss?x=1#y") == "https://www.omantoday.net/rss?x=1"
    assert on_canonical_host("https://example.org/rss") is None
    assert on_canonical_host("javascript:alert(1)") is None


@pytest.mark.parametrize("path", ["/" + "9" * 5000 + "/101010-x", "/w-" + "9" * 5000 + "/x",
                                  "/amp/" + "1" * 13 + "/101010-x"])
def test_an_overlong_number_is_no_article_not_a_crash(path: str) -> None:
    with pytest.raises(NotAnArticleURL) as raised:
        parse_article_url("https://www.arabstoday.net" + path)
    assert raised.value.reason == "number_too_long"
