"""Behaviour of extract_article on synthetic network pages (all text written for the tests)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from crawler.cli import main
from crawler.extract.article import NotAnArticle, extract_article
from crawler.extract.page import decode_html
from crawler.fixtures import PageSpec, expected_item, synthetic_page
from crawler.network.sites import get_site

ARABS = get_site("arabstoday")
NEWS_URL = "https://www.arabstoday.net/485/101500-افتتاح-حديقة-عامة"
OPINION_URL = "https://www.arabstoday.net/w-2649/093007-عن-الحدائق"
BODY = [
    "افتتحت البلدية صباح اليوم حديقة عامة جديدة على مساحة عشرة هكتارات في الضاحية الشمالية.",
    "وتضم الحديقة ممرات للدراجات وملاعب للأطفال ومكتبة صغيرة مفتوحة طوال أيام الأسبوع.",
    "وقال مسؤول في البلدية إن المشروع استغرق عامين وشارك في تصميمه طلاب من كلية الهندسة.",
]
RELATED = [("حفل موسيقي في الساحة القديمة", "GMT 10:05 2023 الاثنين ,6 آذار / مارس")]


def news(**changes: object) -> PageSpec:
    spec = PageSpec(ARABS, "news", "افتتاح حديقة عامة في الضاحية", list(BODY),
                    dateline="بيروت - عادل ناصر", caption="أطفال يلعبون في الحديقة",
                    image_url="https://img.arabstoday.net/2024/04/normal/park.jpg",
                    ticker=["خبر أول في الشريط", "خبر ثان في الشريط"], related=RELATED,
                    may_interest=["مهرجان الزهور يعود في الربيع"])
    for name, value in changes.items():
        setattr(spec, name, value)
    return spec


def extract(spec: PageSpec, url: str = NEWS_URL, **hints: Any) -> dict[str, Any]:
    return extract_article(synthetic_page(spec).encode(spec.charset), url, **hints)


def reason(html: bytes | str, url: str = NEWS_URL) -> str:
    with pytest.raises(NotAnArticle) as caught:
        extract_article(html, url)
    return caught.value.reason


def test_news_page_fields() -> None:
    item = extract(news())
    assert item["text"] == "\n\n".join(BODY)
    assert item["title"] == "افتتاح حديقة عامة في الضاحية"
    assert item["dateline"] == {"location": "بيروت", "source": "عادل ناصر"}
    assert item["authors"] == ["عادل ناصر"]
    assert item["images"] == [{"url": "https://img.arabstoday.net/2024/04/normal/park.jpg",
                               "caption": "أطفال يلعبون في الحديقة"}]
    assert item["published_at"] is None  # clock and related dates are never the article's
    assert item["extraction"]["text"] == "network-rules"


@pytest.mark.parametrize("text", ["", "   \n  ", "\x00\x00"])
def test_empty_input(text: str) -> None:
    assert reason(text) == "empty"


@pytest.mark.parametrize("data", [b'{"title": "x"}', b"%PDF-1.4\n1 0 obj", "plain words only"])
def test_not_html(data: bytes | str) -> None:
    assert reason(data) == "not_html"


def test_error_page() -> None:
    page = ("<html><head><title>404 - الصفحة غير موجودة</title></head><body>"
            "<div> العرب اليوم -</div><h1>404</h1><p>الصفحة غير موجودة</p></body></html>")
    assert reason(page) == "error_page"


def test_page_without_body() -> None:
    assert reason(synthetic_page(news(paragraphs=[], dateline=None, caption=None))) == "no_body"


def test_non_string_input_is_not_html() -> None:
    assert reason(12345) == "not_html"  # type: ignore[arg-type]


def test_header_clock_and_date_line_are_not_publication_dates() -> None:
    item = extract(news(clock="آخر تحديث 21:44:11 بتوقيت أبوظبي الثلاثاء 22 نيسان / أبريل 2025"))
    assert item["published_at"] is None and item["published_raw"] is None


def test_own_printed_date_is_page_text_but_related_dates_are_not() -> None:
    own = "<div>GMT 07:20 2024 الأحد ,14 نيسان / أبريل</div>"
    item = extract(news(own_date=own))
    assert item["published_at"] == "2024-04-14T07:20:00+00:00"
    assert item["published_precision"] == "minute"
    assert item["date_source"] == "page-text"
    assert "GMT" not in item["text"]


def test_machine_date_beats_feed_and_page_text() -> None:
    head = '<meta property="article:published_time" content="2024-04-14T09:00:00+03:00">'
    item = extract(news(head=head, own_date="<div>GMT 07:20 2024 الأحد ,14 نيسان / أبريل</div>"),
                   feed={"published": "2024-04-15T00:00:00Z"})
    assert (item["published_at"], item["date_source"]) == ("2024-04-14T09:00:00+03:00", "meta")


def test_feed_date_when_page_has_none() -> None:
    feed = {"title": "t", "published": "2024-04-15T10:00:00+02:00",
            "published_raw": "Mon, 15 Apr 2024 10:00:00 +0200", "categories": ["مجتمع"]}
    item = extract(news(), feed=feed)
    assert item["published_at"] == "2024-04-15T10:00:00+02:00"
    assert item["published_raw"] == "Mon, 15 Apr 2024 10:00:00 +0200"
    assert item["date_source"] == "feed"
    assert item["feed"] == feed and item["section"] == "مجتمع"


def test_display_title_keeps_punctuation_over_plain_metadata_title() -> None:
    head = '<meta property="og:title" content="افتتاح حديقة عامة في الضاحية - العرب اليوم">'
    item = extract(news(display_title="افتتاح «حديقة عامة» في الضاحية!", head=head))
    assert item["title"] == "افتتاح «حديقة عامة» في الضاحية!"
    assert item["extraction"]["title"] == "network-rules"


def test_metadata_title_wins_when_it_differs() -> None:
    head = '<meta property="og:title" content="عنوان آخر تماما للمقال">'
    item = extract(news(head=head))
    assert (item["title"], item["extraction"]["title"]) == ("عنوان آخر تماما للمقال", "meta")


@pytest.mark.parametrize(("line", "source", "authors"), [
    ("الرباط -المغرب اليوم", "المغرب اليوم", []),
    ("دبي - صوت الإمارات", "صوت الإمارات", []),
    ("الدار البيضاء / المغرب اليوم", "المغرب اليوم", []),
    ("القدس المحتلة-فلسطين اليوم", "فلسطين اليوم", []),
    ("القاهرة ـ العرب اليوم", "العرب اليوم", []),
    ("عمان - وكالات", "وكالات", []),
    ("واشنطن - رولا ناصيف", "رولا ناصيف", ["رولا ناصيف"]),
])
def test_dateline_forms(line: str, source: str, authors: list[str]) -> None:
    item = extract(news(dateline=line))
    assert item["dateline"]["source"] == source
    assert item["authors"] == authors
    assert item["text"] == "\n\n".join(BODY)


@pytest.mark.parametrize("lines", [
    ["بقلم : منير داود"], ["بقلم - منير داود"], ["بقلم:منير داود"], ["بقلم منير داود"],
    ["بقلم -منير داود"], ["منير داود"], ["منير داود", "بقلم - منير داود"],
])
def test_author_line_forms(lines: list[str]) -> None:
    spec = news(kind="opinion", author_lines=lines, dateline=None, caption=None,
                display_title="عن الحدائق؟", title="عن الحدائق")
    item = extract(spec, OPINION_URL)
    assert item["authors"] == ["منير داود"]
    assert item["text"] == "\n\n".join(BODY)
    assert item["title"] == "عن الحدائق؟" and item["kind"] == "opinion"


def test_publisher_as_metadata_author_is_dropped_for_the_author_line() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "author": '
            '{"@type": "Organization", "name": "العرب اليوم"}}</script>')
    item = extract(news(head=head))
    assert item["authors"] == ["عادل ناصر"]
    assert item["extraction"]["authors"] == "dateline"


def test_json_ld_graph_and_list_values() -> None:
    head = ('<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, '
            '{"@type": ["NewsArticle"], "headline": "عنوان من البيانات", '
            '"datePublished": "2024-01-02T03:04:05Z", "dateModified": "2024-01-03T00:00:00Z", '
            '"author": [{"name": "هند"}, {"name": "سعاد"}], "keywords": ["حدائق", "بلدية"]}]}'
            "</script>")
    item = extract(news(head=head))
    assert item["title"] == "عنوان من البيانات"
    assert item["authors"] == ["هند", "سعاد"]
    assert item["published_at"] == "2024-01-02T03:04:05+00:00"
    assert item["modified_at"] == "2024-01-03T00:00:00+00:00"
    assert item["tags"] == ["حدائق", "بلدية"]


def test_broken_json_ld_is_skipped() -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", </script>'
    assert extract(news(head=head))["text"] == "\n\n".join(BODY)


def test_figure_caption_pairs_with_its_image() -> None:
    body = list(BODY)
    page = synthetic_page(news(caption=None)).replace(
        "<p>" + body[1], '<figure><img src="/a.jpg"><figcaption>لوحة عند المدخل</figcaption>'
        "</figure><p>" + body[1])
    item = extract_article(page, NEWS_URL)
    assert item["images"] == [{"url": "https://www.arabstoday.net/a.jpg",
                               "caption": "لوحة عند المدخل"}]
    assert item["text"] == "\n\n".join(BODY)


def test_og_image_when_the_page_shows_none() -> None:
    head = '<meta property="og:image" content="https://img.arabstoday.net/x.jpg">'
    item = extract(news(caption=None, head=head))
    assert item["images"] == [{"url": "https://img.arabstoday.net/x.jpg", "caption": None}]
    assert item["extraction"]["images"] == "meta"


def test_text_is_nfc_with_spaces_collapsed_and_nothing_else_folded() -> None:
    decomposed = unicodedata.normalize("NFD", "إنّ الحديقةَ   مفتوحةٌ\u00a0للجميع، آخر  الأسبوع.")
    item = extract(news(paragraphs=[decomposed, BODY[0]]))
    first = item["text"].split("\n\n")[0]
    assert first == unicodedata.normalize("NFC", "إنّ الحديقةَ مفتوحةٌ للجميع، آخر الأسبوع.")
    assert "ّ" in first and "إ" in first and "آ" in first


def test_label_mismatch_and_alias_host() -> None:
    item = extract(news(label_site=get_site("almaghribtoday")),
                   "http://mail.arabstoday.net/485/101500-افتتاح-حديقة-عامة")
    assert item["label_mismatch"] is True
    assert item["site"] == "arabstoday"
    assert item["canonical_url"].startswith("https://www.arabstoday.net/485/101500-")


def test_amp_page() -> None:
    item = extract(news(amp=True, caption=None),
                   "https://www.arabstoday.net/amp/485/101500-افتتاح-حديقة-عامة")
    assert item["text"] == "\n\n".join(BODY)
    assert item["dateline"] == {"location": "بيروت", "source": "عادل ناصر"}
    assert item["canonical_url"] == extract(news())["canonical_url"]


def test_generic_fallback_for_a_page_without_the_network_layout() -> None:
    sentences = " ".join(BODY)
    page = ("<html><head><title>Parks</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Parks</h1><p>{sentences}</p><p>{sentences}</p></article></body></html>")
    item = extract_article(page, "https://example.org/parks")
    assert item["extraction"]["text"] == "generic"
    assert item["site"] is None and item["id"].startswith("page-")
    assert BODY[0] in item["text"]


def test_language_of_an_english_page() -> None:
    english = ["The council opened a new public park in the northern suburb this morning.",
               "It has cycle paths, playgrounds and a small library that is open all week."]
    item = extract(news(paragraphs=english, dateline="Beirut - Staff"))
    assert item["language"] == "en"


def test_cli_prints_the_item_and_saves_a_fixture(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.html"
    page.write_text(synthetic_page(news()), encoding="utf-8")
    code = main(["extract", str(page), "--url", NEWS_URL, "--save-fixture", "park",
                 "--fixtures-root", str(tmp_path / "fx"), "--feed", '{"title": "t"}'])
    assert code == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["text"] == "\n\n".join(BODY)
    saved = json.loads((tmp_path / "fx/arabstoday/news/park.json").read_text(encoding="utf-8"))
    assert saved == expected_item(printed)
    assert "fetched_at" not in saved
    assert (tmp_path / "fx/arabstoday/news/park.html").read_bytes() == page.read_bytes()


def test_cli_reports_not_an_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "empty.html"
    page.write_text("", encoding="utf-8")
    assert main(["extract", str(page), "--url", NEWS_URL]) == 1
    assert "empty" in capsys.readouterr().err


def test_menu_line_is_not_a_dateline_on_other_sites() -> None:
    sentences = " ".join(BODY)
    page = ("<html><body><div>About Me - Contact</div><div>Home</div>"
            f"<article><h1>Parks</h1><p>{sentences}</p><p>{sentences}</p></article></body></html>")
    item = extract_article(page, "https://example.org/parks")
    assert item["dateline"] is None and item["authors"] == []


def test_menu_line_before_more_menu_is_not_a_dateline_on_amp() -> None:
    page = ("<html amp><body><div>الرئيسية - أخبار</div><div>رياضة</div>"
            + "".join(f"<p>{p}</p>" for p in BODY) + "</body></html>")
    item = extract_article(page, "https://www.arabstoday.net/amp/485/101500-افتتاح-حديقة-عامة")
    assert item["dateline"] is None and item["authors"] == []
    assert item["text"] == "\n\n".join(BODY)


def test_json_ld_entities_are_decoded() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", '
            '"headline": "&quot;حديقة&quot; جديدة &amp; ملعب"}</script>')
    assert extract(news(head=head))["title"] == '"حديقة" جديدة & ملعب'


def test_json_ld_entities_written_with_json_escapes_are_decoded() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", '
            '"headline": "\\u0026quot;حديقة\\u0026quot; جديدة"}</script>')
    assert extract(news(head=head))["title"] == '"حديقة" جديدة'


def test_undeclared_windows_1256_page() -> None:
    page = synthetic_page(news()).replace('<meta charset="utf-8">', "")
    assert extract_article(page.encode("cp1256"), NEWS_URL)["text"] == "\n\n".join(BODY)


@pytest.mark.parametrize("declared", ["text/html; charset=utf-8", "text/html; charset=UTF8"])
def test_windows_1256_bytes_declared_as_utf8_in_the_header(declared: str) -> None:
    page = synthetic_page(news()).replace('<meta charset="utf-8">', "").encode("cp1256")
    assert decode_html(page, declared) == page.decode("cp1256")
    meta_lie = synthetic_page(news()).encode("cp1256")  # <meta charset="utf-8"> left in place
    assert decode_html(meta_lie, None) == meta_lie.decode("cp1256")


def test_utf8_page_that_declares_windows_1256() -> None:
    page = synthetic_page(news(charset="windows-1256"))
    assert extract_article(page.encode("utf-8"), NEWS_URL)["text"] == "\n\n".join(BODY)


def test_body_paragraph_opening_with_the_site_label_is_kept() -> None:
    opening = "العرب اليوم - أعلنت البلدية أن الحديقة ستفتح أبوابها مجانا طوال الشهر الأول."
    item = extract(news(paragraphs=[*BODY, opening]))
    assert item["text"] == "\n\n".join([*BODY, opening])


def test_an_article_about_a_missing_page_is_not_an_error_page() -> None:
    long_body = [" ".join([p] * 3) for p in BODY]
    title = "الصفحة غير موجودة: رواية عن أرشيف ضائع"
    item = extract(news(paragraphs=long_body, title=title))
    assert item["text"] == "\n\n".join(long_body)
    assert item["title"] == title
