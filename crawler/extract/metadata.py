"""Machine-readable metadata of a page: JSON-LD, Open Graph and other meta tags, <title>.

Plain lxml (extruct is not installed). Each value remembers where it came from ("json-ld" or
"meta") so the item's ``extraction`` field can say which strategy produced it.
"""

from __future__ import annotations

import html
import json
import logging
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from crawler.text import normalise_space

logger = logging.getLogger(__name__)


_string_content = etree.XPath("string()", smart_strings=False)
"""An element's text with its descendants' (``text_content()`` for plain etree trees too)."""

ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "ReportageNewsArticle", "OpinionNewsArticle",
                           "AnalysisNewsArticle", "BlogPosting", "BackgroundNewsArticle",
                           "ReviewNewsArticle", "Report", "LiveBlogPosting", "AskPublicNewsArticle",
                           "SatiricalArticle", "SocialMediaPosting", "DiscussionForumPosting"})
FORUM_TYPES = frozenset({"DiscussionForumPosting"})
"""A forum topic's first post: its declared author is whoever posted it, who may have reposted
another's article (the page's byline then names the writer)."""


REVIEW_TYPES = frozenset({"Review", "CriticReview", "ClaimReview"})
"""A review or a fact check is the page's article when no article object is declared: its
author is the critic's, its date the review's (the work it reviews has people of its own)."""


MAX_JSON_LD_OBJECTS = 1000
"""JSON-LD objects read per page: an article's own come first; a hostile @graph stops here."""
MAX_JSON_LD_CHARS = 1_000_000
"""A JSON-LD block longer than this is skipped unread (an article's, body included, is tens of
kilobytes; parsing is the cost MAX_JSON_LD_OBJECTS cannot bound)."""
_PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished",
                   "pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued",
                   "dcterms.created", "dc.date", "date", "sailthru.date")

_MICRODATA_DATES = etree.XPath('//*[@itemprop="datePublished" or @itemprop="dateModified"]')
_MICRODATA_AUTHORS = etree.XPath(
    '//*[@itemprop="author"][ancestor::*[@itemscope][1][contains(@itemtype, "Article")'
    ' or contains(@itemtype, "Posting")]]')
"""An article item's authors (a comment's item has authors of its own)."""
_MICRODATA_NAME = etree.XPath('.//*[@itemprop="name"]')
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
                  "last-modified")


@dataclass(frozen=True)
class Found:
    """A metadata value and the strategy that found it."""

    value: Any
    source: str


@dataclass
class Metadata:
    """Everything the page declares about itself; empty fields are None or empty lists."""

    title: Found | None = None
    html_title: str | None = None
    authors: Found | None = None
    published: Found | None = None
    modified: Found | None = None
    section: Found | None = None
    tags: Found | None = None
    image: Found | None = None
    canonical: str | None = None
    site_name: str | None = None
    """og:site_name, or the JSON-LD publisher's name."""
    lang: str | None = None
    json_ld_types: list[str] = field(default_factory=list)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _names(value: Any) -> list[str]:
    """Person names from a JSON-LD author value (string, object or list of them)."""
    names: list[str] = []
    for entry in _as_list(value):
        name = entry.get("name") if isinstance(entry, dict) else entry
        if isinstance(name, str) and (text := normalise_space(name)) and "://" not in text:
            names.append(text)
    return names


def _strings(value: Any, split: bool = False) -> list[str]:
    out: list[str] = []
    for entry in _as_list(value):
        if isinstance(entry, dict):
            entry = entry.get("name") or entry.get("url")
        if not isinstance(entry, str):
            continue
        parts = entry.replace("،", ",").split(",") if split else [entry]
        out.extend(text for part in parts if (text := normalise_space(part)))
    return list(dict.fromkeys(out))


def _json_ld_objects(root: etree._Element) -> Iterator[dict[str, Any]]:
    seen = 0
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = script.text or ""
        if seen >= MAX_JSON_LD_OBJECTS:
            return
        if len(raw) > MAX_JSON_LD_CHARS:
            logger.debug("JSON-LD block of %d characters skipped", len(raw))
            continue
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            logger.debug("unreadable JSON-LD block skipped")
            continue
        # A decoded string holds "&" only where the JSON text has one, or the escape \u0026:
        # without either there is no entity to decode, and no need to walk the whole object.
        if "&" in raw or "\\u0026" in raw.lower():
            data = _unescaped(data)
        queue = deque(_as_list(data))
        while queue and seen < MAX_JSON_LD_OBJECTS:
            obj = queue.popleft()
            if isinstance(obj, dict):
                seen += 1
                yield obj
                queue.extend(_as_list(obj.get("@graph")))


def _unescaped(value: Any, depth: int = 0) -> Any:
    """JSON-LD strings with HTML entities decoded (CMSs often escape them twice)."""
    if depth > 20:
        return None
    if isinstance(value, str):
        return html.unescape(value)
    if isinstance(value, list):
        return [_unescaped(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {k: _unescaped(v, depth + 1) for k, v in value.items()}
    return value


def _types(obj: dict[str, Any]) -> set[str]:
    return {t for t in _as_list(obj.get("@type")) if isinstance(t, str)}


def _article_json_ld(root: etree._Element, meta: Metadata) -> dict[str, Any] | None:
    chosen: dict[str, Any] | None = None
    review: dict[str, Any] | None = None
    for obj in _json_ld_objects(root):
        meta.json_ld_types.extend(sorted(_types(obj)))
        if chosen is None and _types(obj) & ARTICLE_TYPES:
            chosen = obj
        elif review is None and _types(obj) & REVIEW_TYPES:
            review = obj
    return chosen if chosen is not None else review


def _meta_values(root: etree._Element) -> dict[str, list[str]]:
    """Meta tags' values by name, microdata dates (``<time itemprop="datePublished"
    datetime=...>``) under their item property, and an article item's microdata authors."""
    values: dict[str, list[str]] = {}
    for element in root.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "")
        content = element.get("content")
        if key and content and content.strip():
            values.setdefault(key.strip().lower(), []).append(content.strip())
    for element in _MICRODATA_DATES(root):
        if element.tag == "meta":
            continue
        value = element.get("datetime") or element.get("content")
        if value and value.strip():
            values.setdefault(element.get("itemprop").lower(), []).append(value.strip())
    for element in _MICRODATA_AUTHORS(root):
        name = next(iter(_MICRODATA_NAME(element)), None) if element.get("itemscope") is not None \
            else element
        value = None if name is None else (name.get("content") or _string_content(name))
        if value and value.strip():
            values.setdefault("microdata:author", []).append(normalise_space(value))
    return values


def _first(values: dict[str, list[str]], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if values.get(key):
            return values[key][0]
    return None


def read_metadata(root: etree._Element) -> Metadata:
    """Collect JSON-LD (article objects first) and meta-tag values; never raises on bad data."""
    meta = Metadata()
    title_element = next(root.iterdescendants("title"), None)  # = root.find(".//title")
    if title_element is not None and (text := normalise_space(_string_content(title_element))):
        meta.html_title = text
    meta.lang = (root.get("lang") or "").strip() or None
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            meta.canonical = link.get("href", "").strip()
            break

    ld = _article_json_ld(root, meta) or {}
    values = _meta_values(root)

    def pick(ld_value: Any, meta_value: Any) -> Found | None:
        if ld_value:
            return Found(ld_value, "json-ld")
        return Found(meta_value, "meta") if meta_value else None

    headline = next(iter(_strings(ld.get("headline") or ld.get("name"))), None)
    meta.title = pick(headline, _first(values, ("og:title", "twitter:title", "title")))
    meta_authors = [a for a in values.get("author", []) + values.get("article:author", [])
                    + values.get("microdata:author", []) if "://" not in a]
    meta.authors = pick(_names(ld.get("author")), _strings(meta_authors))
    meta.published = pick(_strings(ld.get("datePublished"))[:1] or None,
                          _first(values, _PUBLISHED_META))
    meta.modified = pick(_strings(ld.get("dateModified"))[:1] or None,
                         _first(values, _MODIFIED_META))
    if meta.published and isinstance(meta.published.value, list):
        meta.published = Found(meta.published.value[0], meta.published.source)
    if meta.modified and isinstance(meta.modified.value, list):
        meta.modified = Found(meta.modified.value[0], meta.modified.source)
    meta.section = pick(next(iter(_strings(ld.get("articleSection"))), None),
                        _first(values, ("article:section", "section")))
    meta_tags = _strings(values.get("article:tag", []), split=True) or _strings(
        values.get("news_keywords", []) or values.get("keywords", []), split=True)
    meta.tags = pick(_strings(ld.get("keywords"), split=True), meta_tags)
    publisher = ld.get("publisher")
    meta.site_name = _first(values, ("og:site_name", "application-name")) or next(
        iter(_names(publisher)), None)
    ld_image = _strings(ld.get("image"))
    meta.image = pick(ld_image[0] if ld_image else None,
                      _first(values, ("og:image", "og:image:url", "twitter:image")))
    return meta
