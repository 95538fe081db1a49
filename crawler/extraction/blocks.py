"""Decode and parse a page, then flatten its visible content into text blocks in page order.

The network rules work on what a reader sees, not on CSS classes: every block-level element
and every line break starts a new block, and images become blocks of their own (their alt
text is what a text rendering shows, e.g. the logo alt "arabstoday").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal
from urllib.parse import urljoin

import lxml.html
from lxml import etree
from w3lib.encoding import html_to_unicode

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "label", "legend", "li",
    "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul"
})
SKIPPED_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "iframe", "head", "select", "option",
    "button", "input", "textarea", "object", "embed", "canvas", "video", "audio", "map"
})
IMAGE_TAGS = frozenset({"img", "amp-img"})
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SPACES = re.compile(r"\s+")
_LAZY_SRC_ATTRS = ("data-src", "data-original", "data-lazy-src", "src")
_HTML_TAG = re.compile(r"<\s*(?:!doctype|html|head|body|meta|title|div|p|span|article|section|"
                       r"main|h[1-6]|table|ul|li|a|img|br|figure)(?=[\s>/])", re.IGNORECASE)
BINARY_MAGIC = (b"%PDF", b"GIF8", b"\x89PNG", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b",
                b"RIFF", b"\x00\x00\x01\x00", b"OggS", b"ID3")


def looks_binary(data: bytes) -> bool:
    """True for common binary formats (PDF, images, archives, gzip, media)."""
    return data.lstrip()[:8].startswith(BINARY_MAGIC)


class UnparseablePage(ValueError):
    """The input cannot be read as an HTML document; ``reason`` is a short code."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Block:
    """One visible unit of the page: a text block or an image."""

    text: str
    """NFC text, whitespace runs collapsed to one space; an image's alt text."""
    kind: Literal["text", "image"] = "text"
    tag: str = "div"
    caption: bool = False
    """Inside a figcaption (or an element whose class names a caption)."""
    heading: bool = False
    src: str | None = None
    """An image's absolute URL."""
    figure: int | None = None
    """Identifies the enclosing <figure>, to pair an image with its figcaption."""
    datetimes: tuple[str, ...] = ()
    """The datetime attributes of <time> elements inside the block."""


def normalise_space(text: str) -> str:
    """NFC, every whitespace run to one space, stripped; nothing else is changed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def decode_html(html: bytes | str, content_type: str | None = None) -> str:
    """Unicode text of a page: BOM; valid non-ASCII UTF-8 whatever the page declares (a
    mis-declared UTF-8 page is common, valid UTF-8 by accident is not); the declared charset,
    except a UTF-8 declaration that the bytes contradict, which gives way to windows-1256, the
    network's other charset; UTF-8; windows-1256."""
    if isinstance(html, str):
        return html
    not_utf8 = False
    if not html.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")) \
            and not html.isascii():
        try:
            return html.decode("utf-8")
        except UnicodeDecodeError:
            not_utf8 = True

    def guess(body: bytes) -> str:
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            return "cp1256"
        return "utf-8"

    encoding, text = html_to_unicode(content_type, html, default_encoding="utf-8",
                                     auto_detect_fun=guess)
    if not_utf8 and encoding.replace("_", "-").lower() in {"utf-8", "utf8"}:
        return html.decode("cp1256", errors="replace")
    return text


def parse_document(text: str) -> etree._Element:
    """An lxml HTML tree; raises UnparseablePage("empty" / "not_html")."""
    cleaned = _CONTROL.sub("", text).strip()
    if not cleaned:
        raise UnparseablePage("empty")
    if not _HTML_TAG.search(cleaned[:20000]):
        raise UnparseablePage("not_html")
    cleaned = re.sub(r"^<\?xml[^>]*>", "", cleaned)
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, encoding="utf-8")
    try:
        root = lxml.html.document_fromstring(cleaned.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise UnparseablePage("not_html") from exc
    if root is None:
        raise UnparseablePage("not_html")
    return root


def _image_src(element: etree._Element, base_url: str | None) -> str | None:
    for attr in _LAZY_SRC_ATTRS:
        value = (element.get(attr) or "").strip()
        if value and not value.startswith("data:"):
            try:
                return urljoin(base_url, value) if base_url else value
            except ValueError:
                return None
    return None


def _is_caption(element: etree._Element) -> bool:
    if element.tag == "figcaption":
        return True
    classes = element.get("class") or ""
    return "caption" in classes.lower()


class _Flattener:
    def __init__(self, base_url: str | None):
        self.base_url = base_url
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.times: list[str] = []
        self.context: list[etree._Element] = []
        self.figures = 0

    def flush(self) -> None:
        text = normalise_space("".join(self.buffer))
        self.buffer.clear()
        if text or self.times:
            self.blocks.append(Block(text, tag=self._tag(), caption=self._in_caption(),
                                     heading=self._in_heading(), figure=self._figure(),
                                     datetimes=tuple(self.times)))
        self.times.clear()

    def _tag(self) -> str:
        for element in reversed(self.context):
            if element.tag in BLOCK_TAGS:
                return str(element.tag)
        return "div"

    def _in_caption(self) -> bool:
        return any(_is_caption(e) for e in self.context)

    def _in_heading(self) -> bool:
        return any(str(e.tag) in {"h1", "h2", "h3", "h4", "h5", "h6"} for e in self.context)

    def _figure(self) -> int | None:
        for element in reversed(self.context):
            if element.tag == "figure":
                return id(element)
        return None

    def walk(self, element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if tag in SKIPPED_TAGS:
            return
        if tag in IMAGE_TAGS:
            self.flush()
            self.blocks.append(Block(normalise_space(element.get("alt") or ""), kind="image",
                                     tag=tag, caption=self._in_caption(),
                                     src=_image_src(element, self.base_url),
                                     figure=self._figure()))
            return
        if tag == "br":
            self.flush()
            return
        if tag == "time" and (stamp := (element.get("datetime") or "").strip()):
            self.times.append(stamp)
        is_block = tag in BLOCK_TAGS
        if is_block:
            self.flush()
        self.context.append(element)
        if element.text:
            self.buffer.append(element.text)
        for child in element:
            self.walk(child)
            if child.tail:
                self.buffer.append(child.tail)
        if is_block:
            self.flush()
        self.context.pop()


def flatten(root: etree._Element, base_url: str | None = None) -> list[Block]:
    """The visible blocks of the document's body, in page order."""
    body = root.find("body")
    flattener = _Flattener(base_url)
    flattener.walk(body if body is not None else root)
    flattener.flush()
    return flattener.blocks


@lru_cache(maxsize=32)
def _parsed(text: str, base_url: str | None) -> tuple[etree._Element, tuple[Block, ...]]:
    root = parse_document(text)
    return root, tuple(flatten(root, base_url))


def parse_blocks(text: str, base_url: str | None = None) -> tuple[etree._Element, list[Block]]:
    """``parse_document`` and ``flatten`` of a page, remembered for the last 32 pages: the
    template middleware and the extraction need both for the same page, one after the other.
    The tree is shared: read it, never change it. Raises UnparseablePage like parse_document."""
    root, blocks = _parsed(text, base_url)
    return root, list(blocks)
