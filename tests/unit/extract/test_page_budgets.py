"""Pages a hostile site controls: every step bounded (tags parsed, blocks, JSON-LD, the generic
extractor's input), and nothing unshown (controls, lone surrogates) or unsafe (non-http image
URLs) left in an item."""

from __future__ import annotations

import json
import time

import pytest

from crawler.analyse.page import analyse_page
from crawler.extract.metadata import MAX_JSON_LD_OBJECTS, _json_ld_objects, read_metadata
from crawler.extract.page import MAX_TAGS, cap_markup, decode_html_counted, parse_document
from crawler.items import clean_item, empty_article, is_http_url
from crawler.simulator.hostile import TRAP_ARTICLES, HostileNetwork
from crawler.text import clean_line, has_unshown


def test_clean_line_removes_controls_and_spaces_the_separators() -> None:
    assert clean_line("أ\x01ب\tج\x85د\ud800هـ\x9f و\ufffe") == "أب ج دهـ و"
    assert clean_line("نص عادي") == "نص عادي"
    assert not has_unshown(clean_line("".join(map(chr, range(0x00, 0xA0)))))


def test_clean_item_cleans_every_string_and_keeps_http_images_only() -> None:
    item = empty_article()
    item.update(title="\x01عنوان\x9f", authors=["\x02", "سلمى\x1b"], tags=["\x07وسم"],
                feed={"title": "عنوان\x00", "categories": ["\x9b", "اقتصاد"]},
                images=[{"url": "javascript:alert(1)", "caption": None},
                        {"url": "data:image/png;base64,AAAA", "caption": None},
                        {"url": "file:///etc/passwd", "caption": None},
                        {"url": "https://img.example.org/a.jpg", "caption": "صورة\x85"}])
    clean_item(item)
    assert item["title"] == "عنوان" and item["authors"] == ["سلمى"] and item["tags"] == ["وسم"]
    assert item["feed"] == {"title": "عنوان", "categories": ["اقتصاد"]}
    assert item["images"] == [{"url": "https://img.example.org/a.jpg", "caption": "صورة"}]


@pytest.mark.parametrize(("url", "ok"), [
    ("https://www.arabstoday.net/a.jpg", True), ("http://x.org", True),
    ("javascript:alert(1)", False), ("data:image/png,AA", False), ("file:///etc/passwd", False),
    ("//x.org/a.jpg", False), ("https:///a.jpg", False), ("https://x.org/a b.jpg", False),
    ("https://x.org/\x01", False), (None, False),
])
def test_is_http_url(url: str | None, ok: bool) -> None:
    assert is_http_url(url) is ok


def test_a_page_is_cut_before_its_max_tags_th_tag() -> None:
    page = "<p>ن</p>" * MAX_TAGS
    cut = cap_markup(page)
    assert cut.count("<") == MAX_TAGS - 1 and page.startswith(cut)
    assert cap_markup("<p>x</p>") == "<p>x</p>"


def test_a_huge_graph_is_read_up_to_its_cap_in_linear_time() -> None:
    graph = [{"@type": "Thing", "name": f"n{n}", "@graph": [{"@type": "Thing"}]}
             for n in range(10_000)]  # under MAX_JSON_LD_CHARS
    html = ('<html><head><script type="application/ld+json">'
            + json.dumps({"@graph": graph}) + "</script></head><body><p>x</p></body></html>")
    root = parse_document(html)
    started = time.monotonic()
    read_metadata(root)
    assert sum(1 for _ in _json_ld_objects(root)) == MAX_JSON_LD_OBJECTS
    assert time.monotonic() - started < 2  # pop(0) on a list: quadratic


@pytest.mark.slow
@pytest.mark.parametrize("trap", sorted(TRAP_ARTICLES))
def test_each_pathological_page_is_analysed_within_seconds(trap: str) -> None:
    html, _ = decode_html_counted(getattr(HostileNetwork([]), trap)())
    started = time.monotonic()
    analysis = analyse_page(html, "https://www.arabstoday.net" + TRAP_ARTICLES[trap], {}, None,
                            True, (128, 3))
    assert time.monotonic() - started < 5  # minutes before the caps (tiny_paragraphs: 180 s)
    assert analysis.reason != "internal_error"


def test_one_stray_byte_keeps_a_utf8_page_utf8_and_is_counted() -> None:
    body = ("<html><body><p>" + "العرب اليوم " * 20 + "</p></body></html>").encode()
    cut = body.index(b"<p>") + 3
    text, replaced = decode_html_counted(body[:cut] + b"\xa9" + body[cut:],
                                         "text/html; charset=utf-8")
    assert replaced == 1 and "\ufffdالعرب اليوم" in text


SENTENCE = "وقال الوزير إن الحكومة ستطلق برنامجا جديدا لدعم الشركات الصغيرة في المدن"


def _article_of(paragraphs: int) -> str:
    words = SENTENCE.split()
    body = "".join(f"<p>{' '.join(words[(i + j) % len(words)] for j in range(12))} رقم {i}</p>"
                   for i in range(paragraphs))
    return ('<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>خبر</title>'
            '</head><body><h1 class="article-title">خبر</h1><div class="article-body">'
            f"{body}</div></body></html>")


@pytest.mark.slow
def test_an_article_of_thousands_of_paragraphs_takes_linear_time() -> None:
    def seconds(paragraphs: int) -> float:
        html = _article_of(paragraphs)
        started = time.monotonic()
        analysis = analyse_page(html, "https://www.arabstoday.net/485/235902-many", {}, None)
        assert analysis.article is not None
        return time.monotonic() - started

    seconds(200)  # warm up
    small, large = seconds(1000), seconds(4000)
    assert large < 8 * small + 0.5, (small, large)  # quadratic: 10x (0.22 s, 2.23 s)
