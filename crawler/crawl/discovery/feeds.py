"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds to entries, leniently and safely.

The network's feeds were seen truncated and missing closing tags, so parsing is lenient: every
complete entry of a cut feed is kept, and the cut last entry too when its link is whole (any of
its fields that the cut reached are dropped, never returned half). Parsing is also safe: no
entity expansion, no DTD, no file or network access, DOCTYPEs declaring entities are refused and
gzip bodies are decompressed under a size cap.

The first half of this module is the safe, lenient XML loading shared with ``sitemaps``.
"""

from __future__ import annotations

import codecs
import html
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from html.entities import html5 as _HTML5_ENTITIES
from urllib.parse import urljoin, urlsplit

from lxml import etree

from crawler.extract.dates import parse_machine_date_utc

MAX_DECOMPRESSED_BYTES = 50 * 1024 * 1024
"""Cap on the decompressed size of a gzip body (a gzip bomb stops here with an error)."""

GZIP_MAGIC = b"\x1f\x8b"


class BodyRefused(Exception):
    """A body that is not parsed; ``reason`` is a short stats-friendly code."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def gunzip_capped(body: bytes, limit: int = MAX_DECOMPRESSED_BYTES) -> bytes:
    """Decompress a gzip body (several members, or cut short) without exceeding ``limit`` bytes.

    Raises BodyRefused("gzip_too_large") past the cap, BodyRefused("bad_gzip") when nothing
    can be decompressed. Corruption after some output keeps the output (lenient, like Scrapy).
    """
    out = bytearray()
    rest = body
    members_done = 0
    while rest[:2] == GZIP_MAGIC:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        pending = rest
        try:
            while pending and not inflater.eof:
                out += inflater.decompress(pending, limit + 1 - len(out))
                if len(out) > limit:
                    raise BodyRefused("gzip_too_large")
                pending = inflater.unconsumed_tail
            if not inflater.eof:
                out += inflater.flush()
        except zlib.error as exc:
            if not out:
                raise BodyRefused("bad_gzip") from exc
            break
        if len(out) > limit:
            raise BodyRefused("gzip_too_large")
        if not inflater.eof:
            break
        members_done += 1
        rest = inflater.unused_data
    if not out and not members_done:
        raise BodyRefused("bad_gzip")
    return bytes(out)


_DECLARED_ENCODING = re.compile(
    rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")

_XML_DECLARATION = re.compile(r"<\?xml[^>]*>")


_PREAMBLE_LIMIT = 4096


def _codec(name: str | bytes | None) -> str | None:
    """Python's name for an encoding label, None if unknown; UTF-16 without a BOM is ignored."""
    if not name:
        return None
    try:
        label = name.decode("ascii") if isinstance(name, bytes) else name
        codec = codecs.lookup(label.strip()).name
    except (LookupError, UnicodeDecodeError):
        return None
    return None if codec.startswith("utf-16") else codec


def _utf8_or_arabic_legacy(body: bytes) -> str:
    """UTF-8; but bodies that are mostly not UTF-8 are read as windows-1256 (Arabic sites)."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(body) - 3:  # cut inside the last character
            return body.decode("utf-8", "replace")
    text = body.decode("utf-8", "replace")
    if text.count("\ufffd") > 0.02 * len(body):
        return body.decode("cp1256", "replace")
    return text


def decode_xml(body: bytes, fallback_encoding: str | None = None) -> str:
    """Bytes to text: BOM, else the declared encoding, else ``fallback_encoding`` (the HTTP
    charset), else UTF-8 or, for bodies that are mostly not UTF-8, windows-1256.

    Bad bytes become U+FFFD. The XML declaration and any junk before it (PHP warnings, blank
    lines) are removed, so the text can be handed to lxml as UTF-8.
    """
    if body.startswith(codecs.BOM_UTF8):
        text = body[len(codecs.BOM_UTF8):].decode("utf-8", "replace")
    elif body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = body.decode("utf-16", "replace")
    else:
        declared = _DECLARED_ENCODING.search(body[:_PREAMBLE_LIMIT])
        encoding = _codec(declared[1] if declared else None) or _codec(fallback_encoding)
        text = body.decode(encoding, "replace") if encoding else _utf8_or_arabic_legacy(body)
    text = text.lstrip("\ufeff \t\r\n")
    if declaration := _XML_DECLARATION.search(text[:_PREAMBLE_LIMIT]):
        text = text[declaration.end():].lstrip()
    return text


_DOCTYPE = re.compile(r"<!DOCTYPE", re.IGNORECASE)

_ENTITY_DECLARATION = re.compile(r"<!ENTITY", re.IGNORECASE)


_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>/])",
                         re.IGNORECASE | re.DOTALL)

_PROTECTED = re.compile(r"(<!\[CDATA\[.*?\]\]>|<!--.*?-->)", re.DOTALL)


_AMPERSAND = re.compile(r"&(?:(#[0-9]+|#[xX][0-9a-fA-F]+)|([A-Za-z][A-Za-z0-9]*));?")

_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})


_HTML_ROOTS = frozenset({"html", "head", "body", "div", "p", "br", "b", "span", "table", "script",
                         "style", "meta", "title", "h1", "h2", "pre", "center", "a", "form"})


def has_entity_declaration(text: str) -> bool:
    """True when a DOCTYPE declares entities (billion laughs, external entities): refused."""
    return bool(_DOCTYPE.search(text) and _ENTITY_DECLARATION.search(text))


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text))


def _fix_ampersand(m: re.Match[str]) -> str:
    whole, numeric, name = m[0], m[1], m[2]
    if not whole.endswith(";"):
        return "&amp;" + whole[1:]
    if numeric or name in _XML_ENTITIES:
        return whole
    if (value := _HTML5_ENTITIES.get(name + ";")) is not None:
        return "".join(f"&#{ord(char)};" for char in value)
    return "&amp;" + whole[1:]


def fix_entities(text: str) -> str:
    """HTML named entities to character references, stray '&' escaped; CDATA and comments kept.

    Without this, lenient parsing drops ``&nbsp;``-style references and bare ampersands.
    """
    parts = _PROTECTED.split(text)
    for i in range(0, len(parts), 2):
        parts[i] = _AMPERSAND.sub(_fix_ampersand, parts[i])
    return "".join(parts)


def close_unclosed(text: str, entry_names: Iterable[str]) -> str:
    """Insert the end tag of an entry (``item``, ``url`` ...) that the next entry's start finds
    still open. Feeds that never close their items would otherwise nest every item in the
    previous one and, past libxml2's depth limit (256), lose the rest.
    """
    for name in entry_names:
        tokens = re.compile(rf"<(/)?((?:[\w.-]+:)?{name})(\s[^<>]*)?(/)?>")
        if text.count(f"</{name}") >= text.count(f"<{name}") and f":{name}" not in text:
            continue  # cheap pre-check: no prefixed names, at least as many ends as starts
        out: list[str] = []
        position = 0
        open_name: str | None = None
        for token in tokens.finditer(text):
            closing, qname, self_closing = token[1], token[2], token[4]
            if closing:
                open_name = None
            elif not self_closing:
                if open_name is not None:
                    out.append(text[position:token.start()] + f"</{open_name}>")
                    position = token.start()
                open_name = qname
        if out:
            text = "".join(out) + text[position:]
    return text


def safe_xml_parser() -> etree.XMLParser:
    """A recovering parser that expands no entity and reads no DTD, file or URL."""
    return etree.XMLParser(recover=True, resolve_entities=False, no_network=True,
                           huge_tree=False, load_dtd=False, dtd_validation=False,
                           remove_comments=True, remove_pis=True)


def parse_xml_text(text: str) -> etree._Element | None:
    """Parse already-checked text (see ``load_xml``); None when nothing could be recovered."""
    try:
        root = etree.fromstring(text.encode("utf-8"), safe_xml_parser())
    except etree.XMLSyntaxError:
        return None
    return root


def local_name(element: etree._Element) -> str:
    """The tag without namespace; '' for comments and processing instructions."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def qualified_name(element: etree._Element) -> str:
    """The tag as written in the source (``prefix:local``)."""
    prefix = element.prefix
    return f"{prefix}:{local_name(element)}" if prefix else local_name(element)


@dataclass(frozen=True)
class XmlDocument:
    root: etree._Element
    text: str
    """The text that was parsed (decoded, entities fixed): used to check what the cut reached."""
    truncated: bool
    """The root element's end tag is missing."""


def load_xml(body: bytes, root_names: Iterable[str], entry_names: Iterable[str],
             wrong_root: str, fallback_encoding: str | None = None) -> XmlDocument:
    """Decompress, decode, check and leniently parse ``body``; raise BodyRefused otherwise.

    Entries (``entry_names``) left unclosed before the next one starts are closed first.

    Reasons: ``gzip_too_large``, ``bad_gzip``, ``empty_body``, ``entity_declaration``,
    ``not_xml`` (HTML, text, unparseable) and ``wrong_root`` (well-formed XML of another kind).
    """
    if body[:2] == GZIP_MAGIC:
        body = gunzip_capped(body, MAX_DECOMPRESSED_BYTES)
    text = decode_xml(body, fallback_encoding)
    if not text.strip():
        raise BodyRefused("empty_body")
    if has_entity_declaration(text):
        raise BodyRefused("entity_declaration")
    if looks_like_html(text) or not text.startswith("<"):
        raise BodyRefused("not_xml")
    text = close_unclosed(fix_entities(text), entry_names)
    root = parse_xml_text(text)
    if root is None:
        raise BodyRefused("not_xml")
    name = local_name(root)
    if name.lower() in _HTML_ROOTS:
        raise BodyRefused("not_xml")
    if name not in set(root_names):
        raise BodyRefused(wrong_root)
    end_tag = re.compile(rf"</{re.escape(qualified_name(root))}\s*>")
    return XmlDocument(root, text, truncated=end_tag.search(text) is None)


Accept = Callable[[etree._Element], bool]


def _accept_all(_element: etree._Element) -> bool:
    return True


def split_partial(entries: list[etree._Element], doc: XmlDocument
                  ) -> tuple[list[etree._Element], tuple[etree._Element, Accept] | None]:
    """Complete entries, and the entry the cut went through with a test for its whole fields.

    An entry is complete when its end tag is in the text; the cut entry is the one after the
    last complete one. Its field elements count as whole when their own end tag (or a
    self-closing tag) made it into the text after the entry's start tag.
    """
    if not doc.truncated or not entries:
        return entries, None
    qname = re.escape(qualified_name(entries[-1]))
    n_complete = len(re.findall(rf"</{qname}\s*>", doc.text))
    if n_complete >= len(entries):
        return entries, None
    starts = list(re.finditer(rf"<{qname}(?=[\s/>])", doc.text))
    segment = doc.text[starts[-1].start():] if starts else ""
    partial = entries[n_complete]
    return entries[:n_complete], (partial, _closed_in(partial, segment))


def _closed_in(entry: etree._Element, segment: str) -> Accept:
    closed_counts: dict[str, int] = {}
    indexes: dict[etree._Element, int] = {}  # keeps the proxies alive: stable keys
    seen: Counter[str] = Counter()
    for element in entry.iterdescendants():
        name = qualified_name(element)
        if not name:
            continue
        indexes[element] = seen[name]
        seen[name] += 1
        if name not in closed_counts:
            escaped = re.escape(name)
            closed_counts[name] = (len(re.findall(rf"</{escaped}\s*>", segment))
                                   + len(re.findall(rf"<{escaped}(?:\s[^<>]*)?/>", segment)))

    def accept(element: etree._Element) -> bool:
        index = indexes.get(element)
        if index is None:
            return False
        return closed_counts[qualified_name(element)] > index

    return accept


def element_text(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return "".join(element.itertext()).strip()


_MARKUP = re.compile(r"</?[A-Za-z][^<>]*>")


def clean_title(raw: str) -> str | None:
    """Titles as text: entities decoded (also double-escaped ones), tags dropped, spaces folded."""
    text = html.unescape(raw)
    if "<" in text:
        text = _MARKUP.sub(" ", text)
    text = " ".join(text.split())
    return text or None


_LINE_BREAKS = re.compile(r"[\t\r\n]+")

_ABSOLUTE_HTTP = re.compile(r"https?://[^/?#]")


def absolute_http_url(raw: str, base_url: str) -> str | None:
    """``raw`` joined to ``base_url``; None unless http(s) with a host.

    Surrounding whitespace and line breaks are removed, inner spaces percent-encoded.
    """
    cleaned = _LINE_BREAKS.sub("", raw.strip()).replace(" ", "%20")
    if not cleaned:
        return None
    try:
        # urljoin returns absolute URLs unchanged: skip it (a third of a big sitemap's time).
        url = cleaned if _ABSOLUTE_HTTP.match(cleaned) else urljoin(base_url, cleaned)
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    return url


FEED_ROOTS = frozenset({"rss", "feed", "RDF"})

_RDF_ABOUT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"


_EXTENSION_NAMESPACES = frozenset({
    "http://search.yahoo.com/mrss/",  # media:title, media:category ...
    "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "http://www.google.com/schemas/play-podcasts/1.0",
})


@dataclass(frozen=True)
class FeedEntry:
    url: str
    """Absolute URL (joined to the feed URL), as the feed wrote it otherwise: not canonicalised."""
    title: str | None = None
    published: datetime | None = None
    """Aware, UTC; None when absent or unparseable (then see ``published_raw``)."""
    published_raw: str | None = None
    categories: tuple[str, ...] = ()
    guid: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class FeedResult:
    entries: list[FeedEntry] = field(default_factory=list)
    error: str | None = None
    """None, or: not_xml, not_a_feed, empty, empty_body, entity_declaration, gzip_too_large,
    bad_gzip."""
    truncated: bool = False
    rejected: dict[str, int] = field(default_factory=dict)
    """Entries dropped, by reason: no_link, partial_no_link (cut before its link ended)."""


def _namespace(element: etree._Element) -> str:
    tag = element.tag
    return tag[1:].partition("}")[0] if isinstance(tag, str) and tag.startswith("{") else ""


def _children(entry: etree._Element, accept: Accept, *names: str) -> list[etree._Element]:
    """Direct children with these local names, outside media/podcast extension namespaces."""
    return [child for child in entry if local_name(child) in names
            and _namespace(child) not in _EXTENSION_NAMESPACES and accept(child)]


def _first_text(entry: etree._Element, accept: Accept, *names: str) -> str | None:
    for name in names:
        for child in _children(entry, accept, name):
            if text := element_text(child):
                return text
    return None


def _link_of_rss_item(item: etree._Element, accept: Accept) -> str | None:
    for link in _children(item, accept, "link"):
        if text := element_text(link):
            return text
        if link.get("rel", "alternate") == "alternate" and (href := link.get("href")):
            return href
    for guid in _children(item, accept, "guid"):
        text = element_text(guid)
        if guid.get("isPermaLink", "true").lower() != "false" and text.startswith("http"):
            return text
    about = item.get(_RDF_ABOUT) if accept(item) else None
    return about if about and about.startswith("http") else None


def _link_of_atom_entry(entry: etree._Element, accept: Accept) -> str | None:
    links = [link for link in _children(entry, accept, "link") if link.get("href")]
    for link in links:
        if link.get("rel", "alternate") == "alternate":
            return link.get("href")
    if links and links[0].get("rel") not in {"self", "edit", "enclosure", "replies"}:
        return links[0].get("href")
    entry_id = _first_text(entry, accept, "id")
    return entry_id if entry_id and entry_id.startswith("http") else None


def _entry_fields(entry: etree._Element, accept: Accept, atom: bool) -> dict[str, object]:
    if atom:
        published_raw = _first_text(entry, accept, "published", "issued", "updated", "modified")
        categories = [c.get("term") or c.get("label") or element_text(c)
                      for c in _children(entry, accept, "category")]
        author = None
        for person in _children(entry, accept, "author"):
            author = _first_text(person, accept, "name") or element_text(person) or None
            break
        guid = _first_text(entry, accept, "id")
    else:
        published_raw = _first_text(entry, accept, "pubDate", "date", "published", "updated")
        categories = [element_text(c) for c in _children(entry, accept, "category", "subject")]
        author = _first_text(entry, accept, "author", "creator")
        guid = _first_text(entry, accept, "guid") or (
            entry.get(_RDF_ABOUT) if accept(entry) else None)
    title_raw = _first_text(entry, accept, "title")
    return {
        "title": clean_title(title_raw) if title_raw else None,
        "published": parse_machine_date_utc(published_raw),
        "published_raw": published_raw,
        "categories": tuple(dict.fromkeys(c for c in (clean_title(x) for x in categories if x)
                                          if c)),
        "guid": guid,
        "author": clean_title(author) if author else None,
    }


def _make_entry(entry: etree._Element, accept: Accept, atom: bool, base_url: str
                ) -> FeedEntry | None:
    raw_link = (_link_of_atom_entry if atom else _link_of_rss_item)(entry, accept)
    url = absolute_http_url(raw_link, base_url) if raw_link else None
    if url is None:
        return None
    return FeedEntry(url=url, **_entry_fields(entry, accept, atom))  # type: ignore[arg-type]


def parse_feed(body: bytes, base_url: str, *, encoding: str | None = None) -> FeedResult:
    """Entries of an RSS 2.0, RSS 1.0/RDF or Atom feed; never raises on bad input.

    A cut feed (``truncated``) gives its complete entries plus the cut one when its link is
    whole. ``error`` says why there are no entries. ``encoding`` (the HTTP charset) is used
    only when the body has no BOM and no XML declaration naming one.
    """
    try:
        doc = load_xml(body, FEED_ROOTS, ("item", "entry"), wrong_root="not_a_feed",
                       fallback_encoding=encoding)
    except BodyRefused as refused:
        return FeedResult(error=refused.reason)
    atom = local_name(doc.root) == "feed"
    wanted = "entry" if atom else "item"
    elements = [el for el in doc.root.iter() if local_name(el) == wanted]
    complete, partial = split_partial(elements, doc)
    entries: list[FeedEntry] = []
    rejected: Counter[str] = Counter()
    for element in complete:
        if entry := _make_entry(element, _accept_all, atom, base_url):
            entries.append(entry)
        else:
            rejected["no_link"] += 1
    if partial is not None:
        element, accept = partial
        if entry := _make_entry(element, accept, atom, base_url):
            entries.append(entry)
        else:
            rejected["partial_no_link"] += 1
    return FeedResult(entries=entries, error=None if entries else "empty",
                      truncated=doc.truncated, rejected=dict(rejected))
