"""Article extraction for network pages: ``extract_article(html, url, **hints) -> item``.

Strategy order, per field: structured metadata (JSON-LD, Open Graph and meta tags), then the
network's text-level rules (crawler.extract.rules.layout), then a generic main-content
extractor; the item's ``extraction`` field records which one produced each field. Pages that
carry no article raise ``NotAnArticle(reason)``; nothing else is ever raised.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from functools import cache
from typing import Any

from crawler.extract.dates import parse_arabic_date, parse_machine_date, to_utc_iso
from crawler.extract.generic import GenericFields, generic_fields
from crawler.extract.language import detect_language
from crawler.extract.metadata import Metadata, read_metadata
from crawler.extract.page import (
    Block,
    Page,
    UnparseablePage,
    normalise_space,
    parse_page,
)
from crawler.extract.rules import strings as pat
from crawler.extract.rules.layout import NetworkResult, extract_network, is_furniture
from crawler.items import empty_article, join_paragraphs
from crawler.network.urls import ArticleURL, NotAnArticleURL, parse_article_url

logger = logging.getLogger(__name__)


MIN_PARAGRAPH_WORDS = 8

MIN_PARAGRAPH_CHARS = 60
"""An article has at least one paragraph this long (words, or characters for scripts
without spaces); menus and notices do not."""


ERROR_PAGE_MAX_WORDS = 30
"""An error page has no text block this long; a page that has one is judged on its body."""


class NotAnArticle(ValueError):
    """The page carries no article; ``reason`` is a short code ("empty", "no_body", …)."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


def extract_article(html: bytes | str, url: str, **hints: Any) -> dict[str, Any]:
    """Extract one article item (all ARTICLE_FIELDS) or raise NotAnArticle.

    Hints: ``feed`` (discovery metadata: title, published, published_raw, categories,
    source) and ``fetched_at`` (ISO string). Any unexpected failure is logged and reported
    as NotAnArticle("internal_error") so a crawl never stops on one page.
    """
    if not isinstance(html, bytes | str):
        raise NotAnArticle("not_html", f"got {type(html).__name__}")
    try:
        page = parse_page(html, url)
    except UnparseablePage as exc:
        raise NotAnArticle(exc.reason) from exc
    return extract_page(page, **hints)


def extract_page(page: Page, **hints: Any) -> dict[str, Any]:
    """``extract_article`` of a page already parsed (crawler.analyse parses each page once)."""
    try:
        return _extract(page, hints)
    except NotAnArticle:
        raise
    except Exception as exc:  # the crawl must survive any page; the log keeps the trace
        logger.error("extraction failed on %s", page.url, exc_info=True)
        raise NotAnArticle("internal_error", repr(exc)) from exc


def _extract(page: Page, hints: dict[str, Any]) -> dict[str, Any]:
    url, page_text, root, blocks = page.url, page.text, page.root, list(page.blocks)
    generic = cache(lambda: generic_fields(page_text, url))
    feed_hint = hints.get("feed")
    feed: dict[str, Any] = feed_hint if isinstance(feed_hint, dict) else {}
    meta = read_metadata(root)
    if _is_error_page(meta, blocks):
        raise NotAnArticle("error_page")
    parsed = _parse_url(url)
    title_hints = [pat.strip_site_affix(t) for t in (
        meta.title.value if meta.title else None, meta.html_title, feed.get("title"))
        if isinstance(t, str) and t.strip()]
    net = extract_network(blocks, parsed.kind if parsed else None, title_hints)
    if parsed is None and net.label_site is None:
        net = NetworkResult()  # neither a network URL nor a network label: no network rules

    item = empty_article()
    sources: dict[str, str | None] = {}
    paragraphs, sources["text"] = _body(net, generic, amp=bool(parsed and parsed.was_amp))
    if not any(_is_paragraph(p) for p in paragraphs):
        raise NotAnArticle("no_body", f"{len(paragraphs)} short blocks")
    item["text"], item["paragraphs"] = join_paragraphs(paragraphs)
    item["title"], sources["title"] = _title(meta, net, generic)
    item["authors"], sources["authors"] = _authors(meta, net)
    _dates(item, sources, meta, net, feed, parsed)
    item["images"], sources["images"] = _images(meta, net)
    item["dateline"] = net.dateline.as_dict() if net.dateline else None
    if net.dateline:
        sources["dateline"] = "network-rules"
    item["section"], sources["section"] = _section(meta, feed)
    item["tags"], sources["tags"] = _tags(meta, feed)
    item["language"] = detect_language(item["text"])
    sources["language"] = "script-ratio"
    _identity(item, url, parsed, meta)
    item["label_mismatch"] = bool(parsed and net.label_site
                                  and net.label_site.key != parsed.site.key)
    item["feed"] = dict(feed)
    fetched_at = hints.get("fetched_at")
    item["fetched_at"] = fetched_at if isinstance(fetched_at, str) else None
    item["extraction"] = {k: v for k, v in sources.items() if v}
    return item


def _is_paragraph(text: str) -> bool:
    return pat.word_count(text) >= MIN_PARAGRAPH_WORDS or len(text) >= MIN_PARAGRAPH_CHARS


def _parse_url(url: str) -> ArticleURL | None:
    try:
        return parse_article_url(url)
    except (NotAnArticleURL, TypeError, AttributeError):
        return None


def _is_error_page(meta: Metadata, blocks: list[Block]) -> bool:
    """An error title or heading ("404", "الصفحة غير موجودة") on a page without paragraphs."""
    titles = [meta.html_title or ""] + [b.text for b in blocks[:30] if b.heading]
    if not any(pat.is_error_title(t) for t in titles if t):
        return False
    return not any(pat.word_count(b.text) >= ERROR_PAGE_MAX_WORDS for b in blocks)


def _body(net: NetworkResult, generic: Callable[[], GenericFields],
          amp: bool) -> tuple[list[str], str | None]:
    """Paragraphs and their strategy: the rules where the page showed the network's layout
    (framed, a dateline, an author line, or an AMP page, which holds little but the body)."""
    recognised = (net.framed or net.dateline is not None or net.author_source == "author-line"
                  or amp)
    if net.framed or (recognised and net.paragraphs):
        return net.paragraphs, "network-rules"
    skip = {pat.key(t) for t in net.captions}
    if net.dateline:
        skip.add(pat.key(f"{net.dateline.location} {net.dateline.source}"))
    paragraphs = [p for p in generic().paragraphs
                  if pat.key(p) not in skip and not is_furniture(p, net.title)]
    if paragraphs:
        return paragraphs, "generic"
    return net.paragraphs, "network-rules" if net.paragraphs else None


def _title(meta: Metadata, net: NetworkResult,
           generic: Callable[[], GenericFields]) -> tuple[str | None, str | None]:
    metadata_title = pat.strip_site_affix(normalise_space(meta.title.value)) \
        if meta.title and isinstance(meta.title.value, str) else None
    if metadata_title and meta.title:
        if net.title and pat.key(net.title) == pat.key(metadata_title) and \
                pat.punctuation_count(net.title) > pat.punctuation_count(metadata_title):
            return net.title, "network-rules"
        return metadata_title, meta.title.source
    if net.title:
        return net.title, "network-rules"
    if meta.html_title and (html_title := pat.strip_site_affix(meta.html_title)):
        return html_title, "html-title"
    generic_title = generic().title
    return (generic_title, "generic") if generic_title else (None, None)


def _authors(meta: Metadata, net: NetworkResult) -> tuple[list[str], str | None]:
    if meta.authors:
        names = [n for n in meta.authors.value if not pat.is_site_name(n)]
        if names:
            return list(dict.fromkeys(names)), meta.authors.source
    if net.authors:
        return list(net.authors), net.author_source
    return [], None


def _machine_date(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    moment = parse_machine_date(value) or parse_arabic_date(value)
    return to_utc_iso(moment) if moment else None


def _dates(item: dict[str, Any], sources: dict[str, str | None], meta: Metadata,
           net: NetworkResult, feed: dict[str, Any], parsed: ArticleURL | None) -> None:
    """published_at, published_raw, date_source and modified_at, best source first."""
    candidates: list[tuple[Any, Any, str]] = []
    if meta.published:
        candidates.append((meta.published.value, meta.published.value, meta.published.source))
    if net.time_element:
        candidates.append((net.time_element, net.time_element, "time-element"))
    if feed.get("published"):
        candidates.append((feed["published"], feed.get("published_raw") or feed["published"],
                           "feed"))
    for value, raw, source in candidates:
        if iso := _machine_date(value):
            item.update(published_at=iso, published_raw=raw, date_source=source)
            break
    else:
        if net.page_date:
            item.update(published_at=to_utc_iso(net.page_date[1]),
                        published_raw=net.page_date[0], date_source="page-text")
        elif parsed and parsed.legacy_datetime:
            item.update(published_at=to_utc_iso(parsed.legacy_datetime),
                        published_raw=parsed.path.rsplit("/", 1)[-1], date_source="url")
    if item["date_source"]:
        sources["published_at"] = item["date_source"]
    if meta.modified and (iso := _machine_date(meta.modified.value)):
        item["modified_at"] = iso
        sources["modified_at"] = meta.modified.source


def _images(meta: Metadata, net: NetworkResult) -> tuple[list[dict[str, Any]], str | None]:
    images = [dict(image) for image in net.images]
    meta_url = meta.image.value if meta.image and isinstance(meta.image.value, str) else None
    if images:
        for image in images:
            if image["url"] is None and meta_url:
                image["url"] = meta_url
        return images, "network-rules"
    if meta_url and meta.image:
        return [{"url": meta_url, "caption": None}], meta.image.source
    return [], None


def _section(meta: Metadata, feed: dict[str, Any]) -> tuple[str | None, str | None]:
    if meta.section and isinstance(meta.section.value, str):
        return meta.section.value, meta.section.source
    categories = feed.get("categories")
    if isinstance(categories, list) and categories and isinstance(categories[0], str):
        return categories[0], "feed"
    return None, None


def _tags(meta: Metadata, feed: dict[str, Any]) -> tuple[list[str], str | None]:
    if meta.tags and meta.tags.value:
        return list(meta.tags.value), meta.tags.source
    categories = feed.get("categories")
    if isinstance(categories, list) and categories:
        return [c for c in categories if isinstance(c, str)], "feed"
    return [], None


def _identity(item: dict[str, Any], url: str, parsed: ArticleURL | None,
              meta: Metadata) -> None:
    item["url"] = url
    if parsed:
        item.update(id=parsed.article_id, canonical_url=parsed.url, site=parsed.site.key,
                    site_name=parsed.site.label, kind=parsed.kind)
    else:
        digest = hashlib.sha1(str(url).encode("utf-8", "replace")).hexdigest()[:16]
        item.update(id=f"page-{digest}", canonical_url=meta.canonical or url)


__all__ = ["NotAnArticle", "extract_article"]
