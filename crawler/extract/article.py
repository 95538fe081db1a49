"""Article extraction: ``extract_article(html, url, **hints) -> item``.

The page is parsed once into blocks (crawler.extract.page); the layout analysis finds the title
and the body's place (crawler.extract.layout); then each field has its own rule, one module per
field (crawler.extract.fields): title, dateline, authors, images and captions, dates, body. Each
tries the page's structured metadata, the page's blocks (with the network's own strings as
strong evidence) and the generic extractor, and says which decided: the item's ``extraction``
field, and ``explain_article``'s role and rule per block. Pages that carry no article raise
``NotAnArticle(reason)``; nothing else is ever raised.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import Any

from crawler.extract import network
from crawler.extract.fields import authors, body, dateline, dates, images, title
from crawler.extract.language import detect_language
from crawler.extract.layout import Decision, Layout, find_body, views_of
from crawler.extract.metadata import Metadata, read_metadata
from crawler.extract.page import Page, UnparseablePage, parse_page
from crawler.extract.reading import Reading
from crawler.items import clean_item, empty_article, join_paragraphs
from crawler.network.urls import ArticleURL, NotAnArticleURL, parse_article_url
from crawler.text import fold

logger = logging.getLogger(__name__)

MIN_PARAGRAPH_WORDS = 8
MIN_PARAGRAPH_CHARS = 60
"""An article has at least one paragraph this long (words, or characters for scripts
without spaces); menus and notices do not."""
ERROR_PAGE_MAX_WORDS = 30
"""An error page has no text block this long; a page that has one is judged on its body."""
ERROR_PHRASES = tuple(fold(s) for s in (
    "الصفحة غير موجودة", "الصفحة المطلوبة غير موجودة", "لم يتم العثور على الصفحة",
    "page not found", "not found", "خطأ 404", "error 404",
))


class NotAnArticle(ValueError):
    """The page carries no article; ``reason`` is a short code ("empty", "no_body", …)."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


@dataclass(frozen=True)
class Explanation:
    """What extraction decided on a page: the item (None when the page is no article, with the
    reason), and per block its role and the rule that decided it."""

    page: Page
    item: dict[str, Any] | None
    reason: str | None
    decisions: dict[int, Decision]


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
    item, _ = _guarded(page, hints)
    return item


def explain_article(html: bytes | str, url: str, **hints: Any) -> Explanation:
    """The item and, per block of the page, its role and the rule that decided it; for the
    review site. Never raises: an unreadable page gives no item and its reason."""
    try:
        page = parse_page(html, url)
    except UnparseablePage as exc:
        return Explanation(Page(url, "", None, ()), None, exc.reason, {})
    try:
        item, decisions = _guarded(page, hints)
    except NotAnArticle as exc:
        return Explanation(page, None, exc.reason, getattr(exc, "decisions", {}))
    return Explanation(page, item, None, decisions)


def _guarded(page: Page, hints: dict[str, Any]) -> tuple[dict[str, Any], dict[int, Decision]]:
    try:
        return _extract(page, hints)
    except NotAnArticle:
        raise
    except Exception as exc:  # the crawl must survive any page; the log keeps the trace
        logger.error("extraction failed on %s", page.url, exc_info=True)
        raise NotAnArticle("internal_error", repr(exc)) from exc


def read(page: Page, hints: dict[str, Any]) -> Reading:
    """The page as the field rules read it, with its title and body found."""
    feed_hint = hints.get("feed")
    feed: dict[str, Any] = feed_hint if isinstance(feed_hint, dict) else {}
    meta = read_metadata(page.root)
    parsed = _parse_url(page.url)
    views = views_of(page.blocks)
    labelled = any(v.network_furniture == "network:label-line" for v in views[:60]) \
        or any(v.label_prefix for v in views[:60])
    reading = Reading(page, meta, parsed, feed, Layout(views), network=bool(parsed or labelled))
    title.locate(reading)
    find_body(views, reading.layout)
    return reading


def _extract(page: Page, hints: dict[str, Any]) -> tuple[dict[str, Any], dict[int, Decision]]:
    reading = read(page, hints)
    if _is_error_page(reading):
        raise NotAnArticle("error_page")
    item = empty_article()
    sources: dict[str, str | None] = {}
    found = title.find(reading)
    item["title"], sources["title"] = found.value, found.source
    found = dateline.find(reading)
    item["dateline"], sources["dateline"] = found.value, found.source
    published = dates.find(reading)
    item.update(published)
    sources["published_at"] = published["date_source"]
    if published["modified_at"] and reading.meta.modified:
        sources["modified_at"] = reading.meta.modified.source
    found = authors.find(reading)
    item["authors"], sources["authors"] = found.value or [], found.source
    found = images.find(reading)
    item["images"], sources["images"] = found.value or [], found.source
    found = body.find(reading)
    paragraphs, sources["text"] = found.value or [], found.source
    if not any(_is_paragraph(p) for p in paragraphs):
        error = NotAnArticle("no_body", f"{len(paragraphs)} short blocks")
        error.decisions = reading.layout.decisions  # type: ignore[attr-defined]
        raise error
    item["text"], item["paragraphs"] = join_paragraphs(paragraphs)
    item["section"], sources["section"] = _section(reading.meta, reading.feed)
    item["tags"], sources["tags"] = _tags(reading.meta, reading.feed)
    item["language"] = detect_language(item["text"])
    sources["language"] = "script-ratio"
    _identity(item, page.url, reading.url, reading.meta)
    label_site = _label_site(reading)
    item["label_mismatch"] = bool(reading.url and label_site
                                  and label_site.key != reading.url.site.key)
    item["feed"] = dict(reading.feed)
    fetched_at = hints.get("fetched_at")
    item["fetched_at"] = fetched_at if isinstance(fetched_at, str) else None
    item["extraction"] = {k: v for k, v in sources.items() if v}
    return clean_item(item), reading.layout.decisions


def _is_paragraph(text: str) -> bool:
    return len(text.split()) >= MIN_PARAGRAPH_WORDS or len(text) >= MIN_PARAGRAPH_CHARS


def _parse_url(url: str) -> ArticleURL | None:
    try:
        return parse_article_url(url)
    except (NotAnArticleURL, TypeError, AttributeError):
        return None


def _label_site(reading: Reading) -> Any:
    """The site whose label the page's header shows (the label line or the label-prefixed
    title), if any."""
    layout = reading.layout
    last = layout.start if layout.start is not None else min(len(reading.views), 60)
    for view in reading.views[:last]:
        if not view.is_text:
            continue
        if site := network.site_of_label(view.text):
            return site
        if prefixed := network.split_label_prefix(view.text):
            return prefixed[0]
    return None


def _is_error_title(text: str) -> bool:
    folded = fold(text).lower()
    return any(phrase in folded for phrase in ERROR_PHRASES) or folded.strip() in {"404", "500"}


def _is_error_page(reading: Reading) -> bool:
    """An error title or heading ("404", "الصفحة غير موجودة") on a page without paragraphs."""
    views = reading.views
    titles = [reading.meta.html_title or ""] + [v.text for v in views[:30] if v.block.heading]
    if not any(_is_error_title(t) for t in titles if t):
        return False
    return not any(v.words >= ERROR_PAGE_MAX_WORDS for v in views)


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


__all__ = ["Explanation", "NotAnArticle", "explain_article", "extract_article", "extract_page"]
