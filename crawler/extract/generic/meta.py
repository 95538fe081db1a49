"""Title, authors and publication date of an arbitrary page, for the generic extractor.

Machine-readable metadata comes from :func:`crawler.extract.metadata.read_metadata`;
dates are parsed by :mod:`crawler.extract.dates` (no second month table here).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from html import unescape
from typing import Any

from lxml.html import HtmlElement

from crawler.extract.dates import is_header_clock, parse_arabic_date, parse_machine_date
from crawler.extract.generic.jalali import parse_persian_date
from crawler.extract.metadata import MAX_JSON_LD_CHARS, read_metadata

logger = logging.getLogger(__name__)


_SPACE = re.compile(r"\s+")

_SUFFIX = re.compile(r"\s*[|\-\u2013\u2014:\u00b7\u2022\uff5c]\s*\S")


_URL_DATE = re.compile(
    r"(?<!\d)(20\d\d|19\d\d)[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?!\d)"
)

_DATE_ATTRS = (
    "//*[@itemprop='datePublished']/@content",
    "//*[@itemprop='datePublished']/@datetime",
    "//time[@pubdate]/@datetime",
    "//time[contains(concat(' ', normalize-space(@class), ' '), ' published')]/@datetime",
)


_SHORT_ELEMENT = (
    "//*[self::time or self::span or self::div or self::p or self::li or self::small"
    " or self::abbr][string-length(normalize-space(.)) < 120]"
)

_LOWER_CLASS = "translate(@class, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"


_DATE_TEXT_XPATHS = (
    # elements named for the publication itself first, then any date-like element that is
    # not a header clock ("today is ...")
    _SHORT_ELEMENT + f"[contains({_LOWER_CLASS}, 'publish') or contains({_LOWER_CLASS}, 'created')"
    f" or contains({_LOWER_CLASS}, 'post-date') or contains({_LOWER_CLASS}, 'article-date')]",
    _SHORT_ELEMENT + f"[contains({_LOWER_CLASS}, 'date') or contains({_LOWER_CLASS}, 'time')]"
    f"[not(contains({_LOWER_CLASS}, 'header')) and not(contains({_LOWER_CLASS}, 'today'))]",
)


@dataclass(frozen=True)
class PageMeta:
    """What a page says about itself."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    h1: str | None = None
    article_body: str | None = None
    """JSON-LD articleBody, the body of last resort (pages that render their text by script)."""


def _clean(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def iso(moment: datetime) -> str:
    """ISO 8601: a date alone when the time is midnight without a zone."""
    if moment.tzinfo is None and (moment.hour, moment.minute, moment.second) == (0, 0, 0):
        return moment.date().isoformat()
    return moment.isoformat()


def first_h1(tree: HtmlElement) -> str | None:
    """The text of the first non-empty <h1>."""
    for element in tree.iter("h1"):
        text = _clean(element.text_content())
        if text:
            return text
    return None


def choose_title(declared: str | None, h1: str | None) -> str | None:
    """The declared title (JSON-LD headline, og:title, <title>), without a site-name suffix.

    Declared titles often end in a suffix ("Headline | Site", "Headline - Site"): when the
    <h1> is the declared title up to such a separator, the <h1> is the headline.
    """
    declared, h1 = _clean(unescape(declared or "")) or None, _clean(h1) or None
    if declared and h1 and declared.startswith(h1) and _SUFFIX.match(declared[len(h1):]):
        return h1
    return declared or h1


def page_metadata(tree: HtmlElement) -> PageMeta:
    """Title, authors and declared publication date; empty fields when absent."""
    try:
        meta = read_metadata(tree)
    except Exception:
        logger.warning("metadata reader failed", exc_info=True)
        h1 = first_h1(tree)
        return PageMeta(title=h1, h1=h1)
    declared = meta.title.value if meta.title and isinstance(meta.title.value, str) else None
    h1 = first_h1(tree)
    title = choose_title(declared or meta.html_title, h1)
    authors: list[str] = []
    if meta.authors:
        values = meta.authors.value if isinstance(meta.authors.value, list) else [
            meta.authors.value]
        authors = [_clean(unescape(a)) for a in values if isinstance(a, str) and _clean(a)]
    published = None
    if meta.published and isinstance(meta.published.value, str):
        moment = parse_machine_date(meta.published.value)
        published = iso(moment) if moment else None
    return PageMeta(title=title, authors=authors, published=published, h1=h1,
                    article_body=json_ld_article_body(tree))


def json_ld_article_body(tree: HtmlElement) -> str | None:
    """The longest JSON-LD articleBody string on the page, or None."""
    best: str | None = None
    for script in tree.iter("script"):
        text = script.text or ""
        if "articleBody" not in text or len(text) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(text, strict=False)
        except (ValueError, RecursionError):
            continue
        for body in _article_bodies(data):
            if best is None or len(body) > len(best):
                best = body
    return best


def _article_bodies(data: Any) -> Iterator[str]:
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            body = item.get("articleBody")
            if isinstance(body, str) and body.strip():
                yield unescape(body)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def page_date(tree: HtmlElement, url: str | None) -> tuple[str | None, str | None]:
    """Publication date and its source, most explicit evidence first."""
    declared = page_metadata(tree).published
    if declared:
        return declared, "metadata"
    for xpath in _DATE_ATTRS:
        for value in tree.xpath(xpath):
            moment = parse_machine_date(str(value))
            if moment:
                return iso(moment), "markup"
    if url and (match := _URL_DATE.search(url)):
        year, month, day = (int(g) for g in match.groups())
        try:
            return datetime(year, month, day).date().isoformat(), "url"
        except ValueError:
            pass
    for xpath in _DATE_TEXT_XPATHS:
        for element in tree.xpath(xpath):
            found = printed_date(_clean(element.text_content()))
            if found:
                return found, "page-text"
    return _htmldate(tree, url)


def printed_date(text: str) -> str | None:
    """A date as printed on a page (Arabic, Persian or machine form), or None."""
    if not text or is_header_clock(text):
        return None
    moment = parse_arabic_date(text) or parse_machine_date(text)
    if moment:
        return iso(moment)
    persian = parse_persian_date(text)
    return persian.isoformat() if persian else None


def _htmldate(tree: HtmlElement, url: str | None) -> tuple[str | None, str | None]:
    from htmldate import find_date

    try:
        found = find_date(tree, url=url, original_date=True, extensive_search=True)
    except Exception:
        logger.warning("htmldate failed on %s", url, exc_info=True)
        return (None, None)
    return (found, "htmldate") if found else (None, None)
