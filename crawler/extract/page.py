"""Decode and parse a page, then flatten its visible content into text blocks in page order.

The network rules work on what a reader sees, not on CSS classes: every block-level element
and every line break starts a new block, and images become blocks of their own (their alt
text is what a text rendering shows, e.g. the logo alt "arabstoday").
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Literal, cast
from urllib.parse import urljoin, urlsplit

from lxml import etree
from w3lib.encoding import html_to_unicode

from crawler.text import CONTROL, has_control, normalise_space

logger = logging.getLogger(__name__)


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

_XML_DECLARATION = re.compile(r"^<\?xml[^>]*>")


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
    """The enclosing <figure>'s number on the page (1, 2, ...), to pair an image with its
    figcaption."""
    datetimes: tuple[str, ...] = ()
    """The datetime attributes of <time> elements inside the block."""


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
    """An lxml HTML tree (plain etree elements); raises UnparseablePage("empty" / "not_html")."""
    cleaned = (CONTROL.sub("", text) if has_control(text) else text).strip()
    if not cleaned:
        raise UnparseablePage("empty")
    if not _HTML_TAG.search(cleaned, 0, 20000):  # = search(cleaned[:20000]), without the copy
        raise UnparseablePage("not_html")
    if cleaned.startswith("<?xml"):  # what re.sub(r"^<\?xml[^>]*>", "", ...) can change
        cleaned = _XML_DECLARATION.sub("", cleaned)
    # A plain lxml tree, not lxml.html's: no per-element class lookup (the readers here use
    # only the etree API; lxml.html.document_fromstring is this same call plus that lookup).
    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, encoding="utf-8")
    try:
        root = etree.fromstring(cleaned.encode("utf-8", "replace"), parser)
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
                return absolute_url(base_url, value) if base_url else value
            except ValueError:
                return None
    return None


def absolute_url(base_url: str, value: str) -> str:
    """``urljoin(base_url, value)``; for a value with its own http(s) scheme, remembered per
    value and base scheme (a page's images are mostly absolute, and logos recur on every page;
    urljoin parses the long article URL each time)."""
    if value.startswith(("https://", "http://")) and \
            (joined := _join_absolute(value, urlsplit(base_url).scheme)) is not None:
        return joined
    return urljoin(base_url, value)


@lru_cache(maxsize=1024)
def _join_absolute(value: str, base_scheme: str) -> str | None:
    """urljoin of ``value`` onto any base of that scheme, or None when it depends on more of the
    base. It does not for a value with a scheme and a host: urljoin returns the value when the
    schemes differ, and the value re-assembled from its parts when they are the same."""
    if not urlsplit(value).netloc:
        return None
    return urljoin(f"{base_scheme}://base.invalid/", value)


HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

_new_object = object.__new__


_State = tuple[str, bool, bool, int | None]
"""An element's context: nearest block tag, inside a caption (a figcaption or an element whose
class names a caption), inside a heading, number of the enclosing <figure>."""

_TOP: _State = ("div", False, False, None)


_ENTER, _SKIP, _IMAGE, _BREAK = 0, 1, 2, 3


_TagInfo = tuple[int, bool, bool, str | None, bool, bool, bool]
"""What flatten does with a tag: action, is <time>, starts a block (lower-cased tag), and
from the tag as parsed: block tag for the context (or None), heading, figure, figcaption."""

_TAG_INFO: dict[object, _TagInfo] = {}


def _tag_info(raw: object) -> _TagInfo:
    tag = raw.lower() if isinstance(raw, str) else ""
    # Not a str: a comment, processing instruction or entity, skipped (not visible text).
    action = (_SKIP if tag in SKIPPED_TAGS or not tag else _IMAGE if tag in IMAGE_TAGS
              else _BREAK if tag == "br" else _ENTER)
    block_tag = str(raw) if raw in BLOCK_TAGS else None
    info = (action, tag == "time", tag in BLOCK_TAGS, block_tag, raw in HEADING_TAGS,
            raw == "figure", raw == "figcaption")
    if len(_TAG_INFO) < 1000:  # tag names are few; a hostile page cannot grow this unbounded
        _TAG_INFO[raw] = info
    return info


def _block(text: str, kind: str, tag: str, caption: bool, heading: bool, src: str | None,
           figure: int | None, datetimes: tuple[str, ...]) -> Block:
    """``Block(text, kind=..., ...)`` without the frozen dataclass's per-field __setattr__
    (the same object: equal, hashable, immutable; ~2x cheaper to create)."""
    block = _new_object(Block)
    block.__dict__.update(text=text, kind=kind, tag=tag, caption=caption, heading=heading,
                          src=src, figure=figure, datetimes=datetimes)
    return block


def flatten(root: etree._Element, base_url: str | None = None) -> list[Block]:
    """The visible blocks of the document's body, in page order: every block-level element and
    line break starts a block, images are blocks of their own; skipped elements (scripts, forms,
    media, comments) show nothing.

    One pass over the elements (lxml's ``iter``, one step per element; an element ends when
    the next one is not its child): each element's context (``_State``) is computed once on
    entry from its parent's and restored on exit, so emitting a block costs the same however
    deep it sits."""
    blocks: list[Block] = []
    buffer: list[str] = []
    times: list[str] = []
    add_text = buffer.append

    def flush(state: _State) -> None:
        if buffer:
            text = normalise_space("".join(buffer))
            buffer.clear()
            if not text and not times:
                return
        elif times:
            text = ""
        else:
            return
        tag, caption, heading, figure = state
        blocks.append(_block(text, "text", tag, caption, heading, None, figure, tuple(times)))
        times.clear()

    top = next(root.iterchildren("body"), None)  # = root.find("body"), without ElementPath
    if top is None:
        top = root
    state = _TOP
    opened: list[tuple[etree._Element, bool | None, _State]] = [
        (cast(etree._Element, top.getparent()), None, _TOP)]  # None for a root: never popped
    """The open elements, innermost last, after the top's parent: (element, starts a block,
    its parent's context) when entered; (element, None, _TOP) when not (skipped, image, line
    break, and everything inside those). Each element stays referenced while open, so its
    proxy is the one getparent() returns."""
    skipping = 0
    """While inside an element that is not entered: its 1-based depth in ``opened``."""
    figures = 0
    """<figure> elements entered so far: each one's number identifies it on the page."""
    tag_info = _TAG_INFO.get
    outside = opened[0][0]
    for element in chain(top.iter(), (None,)):  # None: the end, where everything closes
        parent = element.getparent() if element is not None else outside
        while opened[-1][0] is not parent:  # close what ended before this element
            closed, is_block, saved = opened.pop()
            if is_block is not None:
                if is_block and (buffer or times):
                    flush(state)
                state = saved
            elif skipping:
                if skipping <= len(opened):
                    continue  # inside a skipped element: its tail is skipped too
                skipping = 0
            if len(opened) > 1 and (tail := closed.tail):  # not the top's tail
                add_text(tail)
        if element is None:
            break
        if skipping:
            opened.append((element, None, _TOP))
            continue
        raw = element.tag
        action, is_time, is_block, block_tag, heading, figure, figcaption = \
            tag_info(raw) or _tag_info(raw)
        if action:
            opened.append((element, None, _TOP))
            skipping = len(opened)
            if action != _SKIP and (buffer or times):
                flush(state)
            if action == _IMAGE:
                blocks.append(_block(normalise_space(element.get("alt") or ""), "image",
                                     raw.lower(), state[1], False,
                                     _image_src(element, base_url), state[3], ()))
            continue
        if is_time and (stamp := (element.get("datetime") or "").strip()):
            times.append(stamp)
        if is_block and (buffer or times):
            flush(state)
        opened.append((element, is_block, state))
        in_caption = state[1] or figcaption \
            or "caption" in (element.get("class") or "").lower()
        if block_tag is not None:
            if figure:
                figures += 1
            state = (block_tag, in_caption, heading or state[2],
                     figures if figure else state[3])
        elif in_caption != state[1]:
            state = (state[0], in_caption, state[2], state[3])
        if text := element.text:
            add_text(text)
    flush(_TOP)
    return blocks


@dataclass(frozen=True)
class Page:
    """One page, decoded, parsed and flattened once for everything that reads it."""

    url: str
    text: str
    """The decoded HTML."""
    root: etree._Element
    """The lxml tree: read it, never change it."""
    blocks: tuple[Block, ...]


def parse_page(html: bytes | str, url: str) -> Page:
    """Decode, parse and flatten a page; raises UnparseablePage ("not_html", "empty")."""
    if isinstance(html, bytes) and looks_binary(html):
        raise UnparseablePage("not_html")
    text = decode_html(html)
    root = parse_document(text)
    return Page(url, text, root, tuple(flatten(root, url)))


_CONTROL_BYTES = bytes(range(0, 9)) + bytes(range(14, 32))


def is_binary(body: bytes) -> bool:
    """Known binary magic, or control bytes (NUL etc.) in more than 5 % of the first 2 KiB."""
    if looks_binary(body):
        return True
    head = body[:2048]
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return bool(head) and controls > len(head) // 20
