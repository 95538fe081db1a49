"""flatten: the block context (tag, caption, heading, figure, times) of the single-pass walk."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.extract.page import Block, absolute_url, flatten, parse_document
from crawler.text import normalise_space


def blocks_of(body: str) -> list[Block]:
    return flatten(parse_document(f"<html><body>{body}</body></html>"),
                                 "https://example.com/a/")


def test_context_of_nested_blocks() -> None:
    blocks = blocks_of(
        "<div>top<h2>Head <span>line</span></h2>after"
        "<figure><img src='i.jpg' alt=' pic '><figcaption><b>cap</b> text</figcaption></figure>"
        "<p class='Photo-CAPTION'>by class <em>inline</em></p>"
        "<p><span class='caption'>inline caption</span><br>next line</p>"
        "<figure><img data-src='/j.jpg'></figure>"
        "<p>x<time datetime=' 2024-01-02 '>2 Jan</time> y<script>no</script>z</p>"
        "<section><time datetime='2024-02-03'></time></section></div>")
    texts = [(b.text, b.kind, b.tag, b.caption, b.heading) for b in blocks]
    assert texts == [
        ("top", "text", "div", False, 0),
        ("Head line", "text", "h2", False, 2),
        ("after", "text", "div", False, 0),
        ("pic", "image", "img", False, 0),
        ("cap text", "text", "figcaption", True, 0),
        ("by class inline", "text", "p", True, 0),
        ("inline caption", "text", "p", False, 0),  # context where the line ends
        ("next line", "text", "p", False, 0),
        ("", "image", "img", False, 0),
        ("x 2 Jan yz", "text", "p", False, 0),  # words set apart at a visible element's edge
        ("", "text", "section", False, 0),
    ]
    first_figure = {blocks[3].figure, blocks[4].figure}
    assert len(first_figure) == 1 and None not in first_figure
    assert blocks[8].figure is not None and blocks[8].figure != blocks[3].figure
    assert blocks[5].figure is None
    assert [b.src for b in blocks if b.kind == "image"] == [
        "https://example.com/a/i.jpg", "https://example.com/j.jpg"]
    assert blocks[9].datetimes == ("2024-01-02",)
    assert blocks[10].datetimes == ("2024-02-03",)


def test_figures_are_numbered_in_page_order() -> None:
    # A number per figure, not an object id (ids of freed objects can be handed out again, and
    # differ from run to run).
    body = "".join(f"<figure><img src='{n}.jpg'><figcaption>cap {n}</figcaption></figure>"
                   for n in range(200))
    blocks = blocks_of(body)
    images = [b for b in blocks if b.kind == "image"]
    captions = [b for b in blocks if b.caption]
    assert [b.figure for b in images] == list(range(1, 201))
    assert [b.figure for b in captions] == list(range(1, 201))


def test_image_inside_caption_and_text_around_skipped_elements() -> None:
    blocks = blocks_of("<div class='caption'>a<img alt='in'>b</div><div>c<style>x</style>d</div>")
    assert [(b.text, b.kind, b.caption) for b in blocks] == [
        ("a", "text", True), ("in", "image", True), ("b", "text", True), ("cd", "text", False)]


def test_blocks_are_plain_frozen_blocks() -> None:
    block = blocks_of("<p>\u0627\u0654 x</p>")[0]
    same = Block("\u0623 x", tag="p", path=block.path, levels=block.levels)
    assert block == same and len(block.path) == 2
    assert hash(block) == hash(same)
    assert repr(block) == repr(same)
    with pytest.raises(AttributeError):
        block.text = "changed"  # type: ignore[misc]


@pytest.mark.parametrize("text", ["", " ", " a \t\n b\u00a0c\u2003", "\u2000x\u3000", "e\u0301 ",
                                  "\x1c a \x1f", "\u0627\u0654"])
def test_normalise_space(text: str) -> None:
    import re
    import unicodedata
    expected = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    assert normalise_space(text) == expected


@pytest.mark.parametrize("text", [
    "<p>a</p>", " \n<p>a</p>\t", "\x01<p>a\x00b\x7f</p>", "\x01 <p>a</p>", "<p>\ufffea\uffff</p>",
    "<p>\uffe0</p>", "<?xml version='1.0'?>\n<p>a</p>", "\x0b<?xml?><p>a</p>", "<p>\ud800</p>",
    "\u00a0\x1c<p>a</p>\x85", "\x00", " \x08 ", "plain text"])
def test_parse_document_is_the_regex_definition(text: str) -> None:
    import re

    from lxml import etree

    from crawler.extract.page import UnparseablePage
    from crawler.text import CONTROL

    def reference(text: str) -> bytes | str:
        cleaned = re.sub(r"^<\?xml[^>]*>", "", CONTROL.sub("", text).strip())
        if not cleaned:
            return "empty"
        if not re.search(r"<\s*p(?=[\s>/])", cleaned):
            return "not_html"
        parser = etree.HTMLParser(remove_comments=True, remove_pis=True, encoding="utf-8")
        return etree.tostring(etree.fromstring(cleaned.encode("utf-8", "replace"), parser))

    try:
        got: bytes | str = etree.tostring(parse_document(text))
    except UnparseablePage as exc:
        got = exc.reason
    assert got == reference(text)


def test_fold_is_its_three_step_definition() -> None:
    from crawler.text import DIACRITICS, DIGITS, LETTERS, fold

    def reference(text: str) -> str:
        return DIACRITICS.sub("", text.translate(DIGITS)).translate(LETTERS)

    every = "".join(map(chr, range(0x800))) + "\u200f\u2013\ufb50\U0001f600 \u00a0"
    for text in (every, every[::-1], "أَحمد ٢٠٢٤ إلى مدرسةٍ ی ک ٱ ۱۲", "", "abc"):
        assert fold(text) == reference(text)


def test_nothing_inside_skipped_subtrees_and_their_tails_kept() -> None:
    blocks = blocks_of('<div>a<svg><g>x</g>gt</svg> b<amp-img alt="i" src="/p.png"><noscript>'
                       '<img src="n"></noscript>t</amp-img>c<p>d</p>e</div>f')
    assert [(b.text, b.kind, b.tag, b.src) for b in blocks] == [
        ("a b", "text", "div", None), ("i", "image", "amp-img", "https://example.com/p.png"),
        ("c", "text", "div", None), ("d", "text", "p", None), ("e", "text", "div", None),
        ("f", "text", "body", None)]


def test_comments_and_processing_instructions_show_nothing() -> None:
    from lxml import etree

    root = etree.fromstring("<html><body><div>a<!-- hidden -->b<?pi hidden?>c</div></body></html>",
                            etree.HTMLParser())  # comments kept, unlike parse_document
    assert [b.text for b in flatten(root)] == ["abc"]


def test_no_body_walks_the_root_and_a_namespaced_tag_is_entered() -> None:
    from lxml import etree

    root = etree.fromstring("<root><x:p xmlns:x='urn:x'>in ns</x:p><p>plain</p>tail</root>")
    assert [(b.text, b.tag) for b in flatten(root)] == [
        ("in ns", "div"), ("plain", "p"), ("tail", "div")]


BASES = ["https://www.arabstoday.net/118/%D8%A7%D9%84", "http://www.arabstoday.net/w-5/x",
         "HTTPS://Example.COM/a/b", "ftp://example.com/x/", "//example.com/y", "/relative/z",
         "https:///nohost/p", "https://example.com/a;p?q#f", "mailto:someone", "https://[::1]/",
         "http://", "x"]


@pytest.mark.slow
@settings(max_examples=2000, deadline=None)
@given(st.sampled_from(BASES), st.sampled_from(["https://", "http://"]),
       st.text(alphabet="ab./?#;:@[]%-_ \t\n\\1", max_size=25))
def test_absolute_url_is_urljoin(base: str, scheme: str, rest: str) -> None:
    from urllib.parse import urljoin

    def outcome(function: Callable[[str, str], str]) -> object:
        try:
            return function(base, scheme + rest)
        except ValueError as exc:
            return str(exc)

    assert outcome(absolute_url) == outcome(urljoin)
