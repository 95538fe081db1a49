"""The review pages escape everything that comes from a page or an item: hostile text stays
text, the JSON blocks cannot be closed from inside, only http(s) URLs become links."""

from __future__ import annotations

import json

import lxml.html

from crawler.extract.article import explain_article
from crawler.review.entries import Entry
from crawler.review.inputs import RecordedPage
from crawler.review.render import (
    ARCHIVED_POLICY,
    POLICY,
    IndexSummary,
    Neighbours,
    archived_copy,
    index_row,
    render_article,
    render_index,
    script_json,
    web_link,
)
from crawler.review.roles import block_roles

HOSTILE_TITLE = '</script><script>window.pwned = 1</script> "quoted" & <b>bold</b>'
HOSTILE_TEXT = '<img src=x onerror="window.pwned = 2"> \u2028 </textarea><!-- -->'
PAGE = f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>x</title><script>window.pwned = 3</script></head><body>
<h1>{HOSTILE_TITLE.replace("<", "&lt;")}</h1>
<p>{HOSTILE_TEXT.replace("<", "&lt;")} وقال المتحدث إن المشروع سيكتمل قبل نهاية العام
المقبل في المدينة.</p>
<p>وأضاف أن التمويل سيأتي من ميزانية الدولة ومن قرض ميسر، مشيرا إلى أن العمل سيبدأ قريبا.</p>
</body></html>"""
URL = "https://www.arabstoday.net/485/101500-خبر-تجريبي"
SCRIPTS = [("review-data", None), (None, "../assets/marks.js"), (None, "../assets/article.js")]
"""The article page's scripts: its JSON data, then the two files of assets/."""


def hostile_entry() -> Entry:
    explained = explain_article(PAGE, URL, feed={}, fetched_at="2030-01-01T00:00:00Z")
    assert explained.item is not None
    item = {**explained.item, "title": HOSTILE_TITLE, "authors": [HOSTILE_TEXT],
            "images": [{"url": "javascript:alert(1)", "caption": HOSTILE_TEXT}]}
    return Entry("arabstoday-0000000000000001", URL, "arabstoday", item,
                 page=RecordedPage(200, "text/html", PAGE.encode(), PAGE),
                 explained=explained.item,
                 roles=block_roles(explained.page.blocks, explained.decisions, item))


def test_hostile_text_stays_text_on_the_article_page() -> None:
    entry = hostile_entry()
    html = render_article(entry, Neighbours(None, "next-one", 1, 2), "abc123", "review")
    tree = lxml.html.document_fromstring(html)
    assert [(s.get("id"), s.get("src")) for s in tree.iter("script")] == SCRIPTS
    assert not [e for e in tree.iter() if any(a.startswith("on") for a in e.attrib)]
    assert tree.findtext(".//h1") == HOSTILE_TITLE
    texts = [e.text_content() for e in tree.find_class("text")]
    assert any(HOSTILE_TEXT.replace("\u2028", " ").split()[0] in t for t in texts)
    [policy] = tree.xpath('//meta[@http-equiv="Content-Security-Policy"]')
    assert policy.get("content") == POLICY and "unsafe-inline" not in \
        POLICY.split("script-src")[1].split(";")[0]  # no inline script can run


def test_the_archived_copy_is_utf8_with_the_blocking_policy_first() -> None:
    page = '<html><head><meta charset="windows-1256">' \
        '<META HTTP-EQUIV = "Refresh" content="0;url=https://example.org/">' \
        "<meta http-equiv=refresh content=1></head><body><p>نص</p></body></html>"
    copy = archived_copy(page)
    assert copy.startswith(b'\xef\xbb\xbf<meta charset="utf-8">')
    tree = lxml.html.document_fromstring(copy.decode("utf-8-sig"))
    metas = list(tree.iter("meta"))
    assert (metas[1].get("http-equiv"), metas[1].get("content")) == \
        ("Content-Security-Policy", ARCHIVED_POLICY)
    assert [m.get("http-equiv") for m in metas[2:]] == [None, None, None]
    assert tree.findtext(".//p") == "نص"


def test_the_archived_page_waits_in_a_sandboxed_frame() -> None:
    html = render_article(hostile_entry(), Neighbours(None, None, 1, 1), "abc123", "review")
    [frame] = lxml.html.document_fromstring(html).iter("iframe")
    assert frame.get("sandbox") == "" and frame.get("src") is None
    assert frame.get("data-src") == "../archive/arabstoday-0000000000000001.html"


def test_only_http_urls_become_links() -> None:
    assert web_link("javascript:alert(1)").startswith("<span>")
    assert 'href="https://www.arabstoday.net/a?b=1&amp;c=&quot;2&quot;"' in \
        web_link('https://www.arabstoday.net/a?b=1&c="2"')
    html = render_article(hostile_entry(), Neighbours(None, None, 1, 1), "abc123", "review")
    hrefs = [a.get("href") for a in lxml.html.document_fromstring(html).iter("a")]
    assert not [h for h in hrefs if h and h.lower().startswith("javascript")]
    assert URL in hrefs


def test_script_json_cannot_end_its_block() -> None:
    value = {"t": "</script><script>x()</script><!--", "u": "\u2028\u2029&"}
    text = script_json(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == value


def test_the_index_carries_hostile_rows_as_data() -> None:
    entry = hostile_entry()
    row = index_row(entry)
    summary = IndexSummary(1, 0, "2030-01-01T00:00:00+00:00", [HOSTILE_TEXT], "items.jsonl",
                           None, [HOSTILE_TITLE])
    html = render_index([row], [("chart <b>", "<svg></svg>")], summary, "abc123", "review")
    tree = lxml.html.document_fromstring(html)
    assert [(s.get("id"), s.get("src")) for s in tree.iter("script")] == [
        ("rows", None), ("review-data", None), (None, "assets/marks.js"),
        (None, "assets/index.js")]
    assert json.loads(tree.xpath('//script[@id="rows"]')[0].text) == [row]
    assert row["t"] == HOSTILE_TITLE and row["a"] == HOSTILE_TEXT
    assert not [e for e in tree.iter() if any(a.startswith("on") for a in e.attrib)]
    assert HOSTILE_TITLE in tree.text_content()
