"""Decode and parse a page, then flatten what a reader sees into blocks, in page order.

The rules work on what a reader sees, not on CSS classes: every block-level element and every
line break starts a new block, and images are blocks of their own (their alt text is what a text
rendering shows, e.g. the logo alt "arabstoday"). Each block also carries what the markup says
about it without being trusted on its own: how much of its text is link text, whether it sits
in a list item, a heading or a caption, which block elements contain it, and the furniture or
content words of its ancestors' class, id and role (``nav``, ``related``, ``article-body``...).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urljoin

from lxml import etree
from w3lib.encoding import html_to_unicode

from crawler.text import CONTROL, has_control, normalise_space

logger = logging.getLogger(__name__)

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "label", "legend", "li",
    "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul", "amp-sidebar",
})
SKIPPED_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "iframe", "head", "select", "option",
    "button", "input", "textarea", "object", "embed", "canvas", "video", "audio", "map",
    "amp-ad", "amp-analytics", "amp-embed", "amp-auto-ads", "amp-pixel",
})
IMAGE_TAGS = frozenset({"img", "amp-img"})
HEADING_LEVELS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BINARY_MAGIC = (b"%PDF", b"GIF8", b"\x89PNG", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b",
                b"RIFF", b"\x00\x00\x01\x00", b"OggS", b"ID3")
MAX_BLOCKS = 5_000
"""Blocks kept per page: a page with more is cut there (a hostile page must not hold the crawl;
the layout rules cost ~0.4 ms a block, real articles have a few hundred)."""

MAX_TAGS = 60_000
"""Tags (``<``) of a page that are parsed, about 30,000 elements: real articles have a few
thousand; parsing, flattening and the generic extractor all grow with the page."""

FURNITURE_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "header", "footer", "sidebar", "aside", "widget",
    "related", "recommended", "recommend", "more", "popular", "most", "trending", "latest",
    "ticker", "breaking", "marquee", "share", "sharing", "social", "tags", "tag", "keywords",
    "breadcrumb", "breadcrumbs", "comment", "comments", "respond", "reply", "newsletter",
    "subscribe", "ad", "ads", "advert", "advertisement", "banner", "sponsor", "sponsored",
    "promo", "outbrain", "taboola", "copyright", "cookie", "modal", "popup", "login", "search",
    "pagination", "pager", "toolbar", "topbar", "masthead", "logo",
    "tweet", "twitter", "instagram", "tiktok", "embed", "embedded", "oembed",
    "paywall", "regwall", "subscription", "piano", "metering",
})
AUTHOR_WORDS = frozenset({
    "author", "authors", "byline", "writer", "writers", "reporter", "columnist", "kateb", "katib",
})
_AUTHOR_HREF = re.compile(r"/(?:author|authors|writer|writers|kotab|kuttab|columnist)s?/|/w-\d+/?$",
                          re.IGNORECASE)
CONTENT_WORDS = frozenset({
    "article", "content", "entry", "post", "story", "body", "text", "main", "articlebody",
    "news", "details", "detail", "footnote", "footnotes", "endnotes",
})
_WORD_SPLIT = re.compile(r"[^a-z0-9]+|(?<=[a-z])(?=[0-9])")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_LAZY_SRC_ATTRS = ("data-src", "data-original", "data-lazy-src", "data-srcset", "src")
_XML_DECLARATION = re.compile(r"^<\?xml[^>]*>")
_HTML_TAG = re.compile(r"<\s*(?:!doctype|html|head|body|meta|title|div|p|span|article|section|"
                       r"main|h[1-6]|table|ul|li|a|img|br|figure)(?=[\s>/])", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CONTROL_BYTES = bytes(range(0, 9)) + bytes(range(14, 32))
_WORD_END = re.compile(r"\w$")
_WORD_START = re.compile(r"\w")
_BAD_UTF8_SHARE = 0.01
"""A page whose non-ASCII bytes are UTF-8 but for at most this share (and at least a few
characters) is UTF-8 with stray bytes, not another charset."""


def looks_binary(data: bytes) -> bool:
    """True for common binary formats (PDF, images, archives, gzip, media)."""
    return data.lstrip()[:8].startswith(BINARY_MAGIC)


def is_binary(body: bytes) -> bool:
    """Known binary magic, or control bytes (NUL etc.) in more than 5 % of the first 2 KiB."""
    if looks_binary(body):
        return True
    head = body[:2048]
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return bool(head) and controls > len(head) // 20


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
    """The nearest enclosing block element's tag."""
    caption: bool = False
    """Inside a figcaption (or an element whose class names a caption)."""
    heading: int = 0
    """The level of the enclosing heading (1 for h1 ... 6), 0 outside headings."""
    src: str | None = None
    """An image's absolute URL."""
    figure: int | None = None
    """The enclosing <figure>'s number on the page (1, 2, ...), to pair an image with its
    figcaption."""
    datetimes: tuple[str, ...] = ()
    """The datetime attributes of <time> elements inside the block."""
    link_chars: int = 0
    """Characters of the text inside links."""
    links: int = 0
    """Links the block holds."""
    list_item: bool = False
    """Inside a list item (li, dd, dt)."""
    path: tuple[int, ...] = ()
    """The numbers of the block elements that contain it, outermost first (one number per
    element of the page, in page order): blocks that share a prefix share those containers."""
    levels: tuple[frozenset[str], ...] = ()
    """Per element of ``path``: the furniture words (``FURNITURE_WORDS``) of its tag, class, id
    and role, and of the inline elements inside it that enclose the block."""
    content: frozenset[str] = frozenset()
    """Content words (``CONTENT_WORDS``) of the ancestors' class, id and itemprop."""
    bold: bool = False
    """All of the text is bold (b, strong)."""
    small: bool = False
    """All of the text is fine print (small): a note's, a disclaimer's, a credit's."""
    author: str = ""
    """The block's text inside elements the markup names as the author's: a class, id, rel or
    itemprop saying author, byline or writer, or a link to an author's page."""
    table: int | None = None
    """The innermost enclosing <table>'s number on the page (1, 2, ...)."""
    current: bool = False
    """Inside an element marked as the page's current item (``aria-current``): the opened one
    of a column of briefs."""
    folded: bool = False
    """Inside the hidden rest of a text behind a "read more" control (see ``_folded``)."""

    @property
    def furniture(self) -> frozenset[str]:
        """Furniture words of all the ancestors."""
        return frozenset().union(*self.levels) if self.levels else frozenset()

    def furniture_below(self, depth: int) -> frozenset[str]:
        """Furniture words of the ancestors deeper than the first ``depth`` block elements."""
        return frozenset().union(*self.levels[depth:])

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


@dataclass(frozen=True)
class Page:
    """One page, decoded, parsed and flattened once for everything that reads it."""

    url: str
    text: str
    """The decoded HTML."""
    root: etree._Element = field(repr=False)
    """The lxml tree: read it, never change it."""
    blocks: tuple[Block, ...] = field(repr=False)
    replaced_bytes: int = 0
    """Bytes of a UTF-8 page that were not UTF-8 and were replaced by U+FFFD."""


def decode_html(html: bytes | str, content_type: str | None = None) -> str:
    """Unicode text of a page (see ``decode_html_counted``)."""
    return decode_html_counted(html, content_type)[0]


def decode_html_counted(html: bytes | str, content_type: str | None = None) -> tuple[str, int]:
    """Unicode text of a page and the bytes replaced to get it: a BOM; UTF-8 whatever the page
    declares, also with a few stray bytes (replaced and counted: one bad byte must not turn an
    article into mojibake); the declared charset, except a UTF-8 declaration that the bytes
    contradict, which gives way to windows-1256, the network's other charset; windows-1256."""
    if isinstance(html, str):
        return html, 0
    utf8_bom = html.startswith(b"\xef\xbb\xbf")
    if not html.startswith((b"\xff\xfe", b"\xfe\xff")) and not html.isascii():
        body = html[3:] if utf8_bom else html
        try:
            return body.decode("utf-8"), 0
        except UnicodeDecodeError:
            replaced = _stray_bytes(body)
            if replaced is not None:
                return body.decode("utf-8", errors="replace"), replaced

    def guess(body: bytes) -> str:
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            return "cp1256"
        return "utf-8"

    encoding, text = html_to_unicode(content_type, html, default_encoding="utf-8",
                                     auto_detect_fun=guess)
    if encoding.replace("_", "-").lower() in {"utf-8", "utf8"} and "\ufffd" in text \
            and not utf8_bom:
        return html.decode("cp1256", errors="replace"), 0
    return text, 0


def _stray_bytes(body: bytes) -> int | None:
    """The bytes that are not UTF-8 in a body that is otherwise UTF-8 with enough non-ASCII text
    to tell (None: not UTF-8)."""
    decoded = body.decode("utf-8", errors="replace")
    replacements = decoded.count("\ufffd") - body.count("\xef\xbf\xbd".encode("latin-1"))
    non_ascii = sum(1 for char in decoded if char > "\x7f")
    if non_ascii >= 50 and replacements <= _BAD_UTF8_SHARE * non_ascii:
        return replacements
    return None


def parse_document(text: str) -> etree._Element:
    """An lxml HTML tree (plain etree elements); raises UnparseablePage("empty" / "not_html")."""
    cleaned = (CONTROL.sub("", text) if has_control(text) else text).strip()
    if not cleaned:
        raise UnparseablePage("empty")
    if not _HTML_TAG.search(cleaned, 0, 20000):
        raise UnparseablePage("not_html")
    if cleaned.startswith("<?xml"):
        cleaned = _XML_DECLARATION.sub("", cleaned)
    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, encoding="utf-8")
    try:
        root = etree.fromstring(cleaned.encode("utf-8", "replace"), parser)
    except (etree.ParserError, ValueError) as exc:
        raise UnparseablePage("not_html") from exc
    if root is None:
        raise UnparseablePage("not_html")
    return root


def cap_markup(text: str, limit: int = MAX_TAGS) -> str:
    """The page cut before its ``limit``-th tag (``<``); whole when it has fewer."""
    position = -1
    for _ in range(limit):
        position = text.find("<", position + 1)
        if position < 0:
            return text
    logger.info("page of more than %d tags cut at character %d", limit, position)
    return text[:position]


def parse_page(html: bytes | str, url: str) -> Page:
    """Decode, parse and flatten a page; raises UnparseablePage ("not_html", "empty"). A page
    of more than MAX_TAGS tags is cut there first: every later step is bounded by it."""
    if isinstance(html, bytes) and looks_binary(html):
        raise UnparseablePage("not_html")
    text, replaced = decode_html_counted(html)
    text = cap_markup(text)
    root = parse_document(text)
    return Page(url, text, root, tuple(flatten(root, url, locked_parts(root))), replaced)


LOCKED_SCRIPT_CHARS = 200_000
"""JSON-LD read for the locked parts at most (a declaration is short; a hostile one is not)."""
_SIMPLE_SELECTOR = re.compile(r"^\s*([.#])([\w-]+)\s*$")


def locked_parts(root: etree._Element) -> frozenset[str]:
    """The class (".x") and id ("#x") selectors the page's JSON-LD names as the parts of a
    paywalled article that are not free (``isAccessibleForFree`` false, ``hasPart`` with a
    ``cssSelector``: the published markup for subscriber content). Those parts are the
    article's text even when the page hides them from a reader without a subscription."""
    found: set[str] = set()
    for script in root.iter("script"):
        raw = script.text or ""
        if (script.get("type") or "").strip().lower() != "application/ld+json" \
                or "cssSelector" not in raw or len(raw) > LOCKED_SCRIPT_CHARS:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack, seen = [data], 0
        while stack and seen < 1000:
            node = stack.pop()
            seen += 1
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                selector = node.get("cssSelector")
                if isinstance(selector, str) and str(node.get("isAccessibleForFree")).lower() \
                        in ("false", "0"):
                    found.update(part.strip() for part in selector.split(",")
                                 if _SIMPLE_SELECTOR.match(part))
                stack.extend(v for v in node.values() if isinstance(v, dict | list))
    return frozenset(found)


def _locked(element: etree._Element, locked: frozenset[str]) -> bool:
    if not locked:
        return False
    if f"#{element.get('id') or ''}" in locked:
        return True
    return any(f".{name}" in locked for name in (element.get("class") or "").split())


def absolute_url(base_url: str, value: str) -> str:
    """``urljoin(base_url, value)``."""
    return urljoin(base_url, value)


def _image_src(element: etree._Element, base_url: str | None) -> str | None:
    for attr in _LAZY_SRC_ATTRS:
        value = (element.get(attr) or "").strip()
        if attr == "data-srcset":
            value = value.split(",")[0].strip().split(" ")[0]
        if value and not value.startswith("data:"):
            try:
                return absolute_url(base_url, value) if base_url else value
            except ValueError:
                return None
    return None


def _words(element: etree._Element) -> set[str]:
    """The lower-cased words of an element's class, id, role, itemprop and aria-label, and of
    a custom element's own name (``<related-list>``, ``<site-footer>``)."""
    attributes = element.attrib
    tag = element.tag if isinstance(element.tag, str) else ""
    custom = tag if _custom(tag) else ""
    if not attributes and not custom:
        return set()
    raw = custom + " " + " ".join(attributes.get(name) or "" for name in
                                  ("class", "id", "role", "itemprop", "aria-label"))
    if not raw.strip():
        return set()
    return {word for word in _WORD_SPLIT.split(_CAMEL.sub(" ", raw).lower()) if word}


_NOTE_TAGS = frozenset({"sup", "a"})
_CONTEXT_TAGS = frozenset({
    "nav", "footer", "aside", "header", "form", "menu", "amp-sidebar", "figure", "figcaption",
    "li", "dd", "dt", "b", "strong", "small", "a", *HEADING_LEVELS,
})
"""Tags that change what their contents are, whatever their attributes."""
_NOTE_MARK = re.compile(r"^\s*[\[(]?\s*(?:\d{1,3}|[*†‡])\s*[\])]?\s*$")


def _note_mark(element: etree._Element) -> bool:
    """A footnote's mark in the text (``<sup>1</sup>``, ``<a href="#fn1">[1]</a>``): not words
    of the sentence."""
    if element.tag == "a" and not (element.get("href") or "").startswith("#"):
        return False
    return bool(_NOTE_MARK.match("".join(element.itertext())))


def _hidden(element: etree._Element) -> bool:
    attributes = element.attrib
    return bool(attributes) and (
        attributes.get("hidden") is not None or attributes.get("aria-hidden") == "true"
        or bool(_HIDDEN_STYLE.search(attributes.get("style") or "")))


_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff "
_TAB_PANE = re.compile(r"(?:^|\s)(?:tab-pane|tabpane|tab-panel|tabpanel)(?:\s|$)", re.IGNORECASE)
_ACTIVE = frozenset({"active", "show", "in", "current", "selected", "is-active"})


def _tab_pane(element: etree._Element) -> bool:
    classes = element.get("class") or ""
    return ("tab" in classes.lower() and bool(_TAB_PANE.search(classes))) \
        or (element.get("role") or "").lower() == "tabpanel"


def _shown_pane(element: etree._Element) -> bool:
    return bool(_ACTIVE & set((element.get("class") or "").lower().split())) \
        or element.get("aria-hidden") == "false" or element.get("aria-expanded") == "true"


def _hidden_page(element: etree._Element) -> bool:
    """One of a text's pages printed whole into the HTML while a script shows one at a time
    ("الصفحة 2 من 3"): hidden, beside a shown element of the same tag and class. Its text is
    the article's, as the shown page's is; a tab pane's is one view of the page, not text."""
    classes = element.get("class")
    parent = element.getparent()
    if not classes or parent is None or _tab_pane(element):
        return False
    return any(sibling is not element and sibling.tag == element.tag
               and sibling.get("class") == classes and not _hidden(sibling)
               for sibling in parent)


def _folded(element: etree._Element) -> bool:
    """The hidden rest of a text behind a "read more" control: right after a collapsed
    disclosure control (``aria-expanded="false"``) or one that names it (``aria-controls``).
    A reader opens it with one click, so its text is the article's."""
    previous = element.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    if previous is None:
        return False
    own = element.get("id")
    return any(control.get("aria-expanded") == "false"
               or (own is not None and control.get("aria-controls") == own)
               for control in previous.iter() if isinstance(control.tag, str))


def _inactive_tab(element: etree._Element) -> bool:
    """A tab pane the page does not show while another pane beside it is shown (lineups and
    statistics beside a match report): one view of the page, not the article's text. A folded
    part of the text ("collapse", "is-hidden") is no tab pane and stays."""
    if not _tab_pane(element) or _shown_pane(element):
        return False
    parent = element.getparent()
    return parent is not None and any(
        sibling is not element and isinstance(sibling.tag, str) and _tab_pane(sibling)
        and _shown_pane(sibling) for sibling in parent)


@dataclass
class _Context:
    """What an open element passes on to its contents."""

    block: str = "div"
    caption: bool = False
    heading: int = 0
    figure: int | None = None
    table: int | None = None
    current: bool = False
    folded: bool = False
    link: bool = False
    list_item: bool = False
    bold: bool = False
    small: bool = False
    author: bool = False
    pre: bool = False
    path: tuple[int, ...] = ()
    levels: tuple[frozenset[str], ...] = ()
    content: frozenset[str] = frozenset()


class _Flattener:
    """One walk over the document's elements (start and end events), collecting text runs into
    blocks: a block element or a line break ends the run before it."""

    def __init__(self, base_url: str | None, locked: frozenset[str] = frozenset()):
        self.base_url = base_url
        self.locked = locked
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.links = 0
        self.bold_chars = 0
        self.small_chars = 0
        self.author_parts: list[str] = []
        self.last_author = False
        self.author_links = 0
        self.times: list[str] = []
        self.numbers = 0
        self.figures = 0
        self.tables = 0

    def add(self, text: str, context: _Context, apart: bool = True) -> None:
        """Text met at an element's start or end. Two words that touch across a visible
        element's edge ("06:24</span><span>18457", "كتب<a>سعيد") are set ``apart``, as the
        page's styles show them; across a comment or a script they are not."""
        if context.pre and "\n" in text:  # preformatted text shows its line breaks
            first, *lines = text.split("\n")
            self.add(first, context, apart)
            for line in lines:
                self.flush(context)
                self.add(line, context, apart=False)
            return
        if apart and self.parts and _WORD_END.search(self.parts[-1]) and _WORD_START.match(text):
            self.parts.append(" ")
        self.parts.append(text)
        if context.link:
            self.link_chars += len(text.strip())
        if context.bold:
            self.bold_chars += len(text.strip())
        if context.small:
            self.small_chars += len(text.strip())
        if context.author:
            if self.author_parts and not self.last_author:  # another name
                self.author_parts.append("، ")
            self.author_parts.append(text)
        self.last_author = context.author

    def flush(self, context: _Context) -> None:
        if not self.parts and not self.times:
            return
        text = normalise_space("".join(self.parts))
        if not text.strip(_INVISIBLE):
            text = ""  # a spacer: a zero-width space keeps an empty paragraph's height
        if (text or self.times) and len(self.blocks) < MAX_BLOCKS:
            plain = len("".join(self.parts).strip())
            self.blocks.append(Block(
                text, "text", context.block, context.caption, context.heading, None,
                context.figure, tuple(self.times), min(self.link_chars, len(text)), self.links,
                context.list_item, context.path, context.levels, context.content,
                bold=bool(text) and self.bold_chars >= plain > 0,
                small=bool(text) and self.small_chars >= plain > 0,
                author=normalise_space("".join(self.author_parts)), table=context.table,
                current=context.current, folded=context.folded))
        self.parts.clear()
        self.times.clear()
        self.link_chars = self.links = self.bold_chars = self.small_chars = 0
        self.author_parts.clear()
        self.author_links = 0

    def image(self, element: etree._Element, context: _Context) -> None:
        self.flush(context)
        if len(self.blocks) < MAX_BLOCKS:
            self.blocks.append(Block(
                normalise_space(element.get("alt") or ""), "image", element.tag.lower(),
                context.caption, 0, _image_src(element, self.base_url), context.figure,
                links=int(context.link), list_item=context.list_item, path=context.path,
                levels=context.levels, content=context.content))

    def enter(self, element: etree._Element, tag: str, outer: _Context,
              block: bool) -> _Context:
        """The context of an element's contents (``block``: laid out as a block)."""
        if not block and tag not in _CONTEXT_TAGS and not element.attrib:
            return outer  # a bare <span>, <em>, <font>: its contents read as its parent's
        inner = _Context.__new__(_Context)
        inner.__dict__.update(outer.__dict__)
        words = _words(element)
        if tag in ("nav", "footer", "aside", "header", "form", "menu", "amp-sidebar"):
            words.add(tag if tag != "amp-sidebar" else "nav")
        furniture = frozenset(words & FURNITURE_WORDS)
        if self.locked and _locked(element, self.locked):  # declared text: "paywall-locked"
            furniture = frozenset()
            words.add("body")
        if not furniture and words & CONTENT_WORDS:  # "main-menu" names a menu, not content
            inner.content = outer.content | (words & CONTENT_WORDS)
        if block:
            self.numbers += 1
            inner.block = tag if tag in BLOCK_TAGS else "div"
            inner.path = (*outer.path, self.numbers)
            inner.levels = (*outer.levels, furniture)
        elif furniture:
            inner.levels = (*outer.levels[:-1], outer.levels[-1] | furniture) \
                if outer.levels else (furniture,)
        if tag == "figure":
            self.figures += 1
            inner.figure = self.figures
        elif tag == "table":
            self.tables += 1
            inner.table = self.tables
        inner.caption = outer.caption or tag == "figcaption" or "caption" in words
        inner.heading = HEADING_LEVELS.get(tag) or _aria_heading(element) or outer.heading
        inner.list_item = outer.list_item or tag in ("li", "dd", "dt")
        inner.bold = outer.bold or tag in ("b", "strong")
        inner.small = outer.small or tag == "small"
        inner.pre = outer.pre or tag == "pre"
        inner.folded = outer.folded or (_hidden(element) and _folded(element))
        inner.current = outer.current or (element.get("aria-current") or "").lower() in (
            "true", "page")
        inner.author = outer.author or bool(words & AUTHOR_WORDS) \
            or (element.get("rel") or "").lower() == "author"
        if tag == "a" and (href := element.get("href")) is not None:
            inner.link = True
            self.links += 1
            inner.author = inner.author or bool(_AUTHOR_HREF.search(href.split("?")[0]))
            if inner.author:  # each author's link is a name of its own ("<a>X</a> و<a>Y</a>")
                if self.author_links:
                    self.author_parts.append("، ")
                self.author_links += 1
        return inner


def _custom(tag: str) -> bool:
    """A custom element's name (a web component: ``news-paragraph``); AMP's own are known."""
    return "-" in tag and not tag.startswith("amp-")


def _custom_block(element: etree._Element, tag: str) -> bool:
    """A custom element laid out as a block: the page's styles make web components blocks,
    save one set inside a line of text (text right before or after it)."""
    if not _custom(tag):
        return False
    parent = element.getparent()
    previous = element.getprevious()
    before = (previous.tail if previous is not None else parent.text if parent is not None
              else None) or ""
    return not (before.strip() or (element.tail or "").strip())


def _aria_heading(element: etree._Element) -> int:
    """The level of an element the markup declares a heading (``role="heading"``, level 2 when
    ``aria-level`` does not say), 0 otherwise."""
    if (element.get("role") or "").lower() != "heading":
        return 0
    level = (element.get("aria-level") or "").strip()
    return int(level) if level.isdigit() and 1 <= int(level) <= 6 else 2


def _holds_line_break(element: etree._Element) -> bool:
    """An inline element with a line break of its own lays its text out in lines: a block
    (a <span> or <font> holding a whole article body, as old CMSs write them); so does one its
    own style lays out as a block (``<span style="display:block">`` paragraphs)."""
    return any(child.tag == "br" for child in element) \
        or bool(_BLOCK_STYLE.search(element.get("style") or ""))


_BLOCK_STYLE = re.compile(r"display\s*:\s*(?:block|flex|grid|list-item|table)\b", re.IGNORECASE)


def flatten(root: etree._Element, base_url: str | None = None,
            locked: frozenset[str] = frozenset()) -> list[Block]:
    """The visible blocks of the document's body, in page order: every block-level element and
    line break starts a block, images are blocks of their own; skipped elements (scripts, forms'
    controls, media, hidden elements, comments) show nothing."""
    top = next(root.iterchildren("body"), None)
    if top is None:
        top = root
    walk = _Flattener(base_url, locked)
    contexts: list[_Context] = [_Context()]
    walker = etree.iterwalk(top, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        raw = element.tag
        tag = raw.lower() if isinstance(raw, str) else ""
        if event in ("comment", "pi"):  # shows nothing, but the text after it does
            if element.tail:
                walk.add(element.tail, contexts[-1], apart=False)
            continue
        if event == "start":
            outer = contexts[-1]
            if not tag or tag in SKIPPED_TAGS \
                    or (_hidden(element) and not _locked(element, locked)
                        and not _hidden_page(element) and not _folded(element)) \
                    or (tag in _NOTE_TAGS and _note_mark(element)) \
                    or (element.attrib and _inactive_tab(element)):
                contexts.append(outer)
                walker.skip_subtree()
                continue
            if tag in IMAGE_TAGS:
                walk.image(element, outer)
                contexts.append(outer)
                walker.skip_subtree()
                continue
            if tag == "br" or tag == "hr":
                walk.flush(outer)
                contexts.append(outer)
                continue
            block = tag in BLOCK_TAGS or _holds_line_break(element) \
                or _custom_block(element, tag)
            if block:
                walk.flush(outer)
            inner = walk.enter(element, tag, outer, block)
            if tag == "time" and (stamp := (element.get("datetime") or "").strip()):
                walk.times.append(stamp)
            contexts.append(inner)
            if element.text:
                walk.add(element.text, inner)
        else:
            inner = contexts.pop()
            if inner is not contexts[-1] and inner.path is not contexts[-1].path:
                walk.flush(inner)  # a block element ends
            if element is not top and element.tail:
                shown = bool(tag) and tag not in SKIPPED_TAGS \
                    and (not _hidden(element) or _locked(element, locked))
                walk.add(element.tail, contexts[-1], apart=shown)
    walk.flush(contexts[-1])
    return walk.blocks

