"""One reviewed page: the crawl's item (or why the page was dropped), the recorded page, what the
extractor decides on it today, each block's role, and the page's problems."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from crawler.crawl.archive import ReplayArchive
from crawler.extract.article import explain_article
from crawler.files import safe_filename
from crawler.fixtures import expected_item
from crawler.network.sites import site_for_host
from crawler.network.urls import NotAnArticleURL, parse_article_url
from crawler.review.inputs import DroppedPage, RecordedPage, recorded_page
from crawler.review.roles import BlockRole, block_roles, template_removed

PROBLEMS: dict[str, str] = {
    "no_date": "no date",
    "generic_body": "generic body",
    "label_mismatch": "label mismatch",
    "no_author": "opinion without author",
    "duplicate": "copy of another article",
    "template": "template paragraphs removed",
    "changed": "extraction differs now",
    "no_page": "no archived page",
    "dropped": "dropped",
}
"""Problem codes and what the index calls them."""

_TEMPLATE_FIELDS = frozenset({"text", "paragraphs", "extraction"})
"""Fields that template learning changes after extraction."""
_ID = re.compile(r"^[A-Za-z0-9_.-]+$")


@dataclass
class Entry:
    """One page of the review."""

    id: str
    """Unique in the site and safe as a file name: ``articles/<id>.html``."""
    url: str
    site: str | None
    item: dict[str, Any] | None
    """The crawl's item; None for a dropped page."""
    dropped: DroppedPage | None = None
    page: RecordedPage = field(default_factory=RecordedPage)
    explained: dict[str, Any] | None = None
    """The item the extractor gives on the recorded page today."""
    reason: str | None = None
    """Why the extractor gives no item today (no_body, error_page, …)."""
    roles: list[BlockRole] = field(default_factory=list)
    differs: list[str] = field(default_factory=list)
    """Fields where today's extraction differs from the crawl's item (beyond template
    learning's removals)."""
    direction: str = "rtl"

    @property
    def problems(self) -> list[str]:
        item = self.item
        found = []
        if item is not None:
            if not item.get("published_at"):
                found.append("no_date")
            if (item.get("extraction") or {}).get("text") == "generic":
                found.append("generic_body")
            if item.get("label_mismatch"):
                found.append("label_mismatch")
            if item.get("kind") == "opinion" and not item.get("authors"):
                found.append("no_author")
            if item.get("duplicate_of") and item.get("duplicate_of") != item.get("id"):
                found.append("duplicate")
            if template_removed(item):
                found.append("template")
        if self.differs:
            found.append("changed")
        if self.page.missing:
            found.append("no_page")
        if self.dropped is not None:
            found.append("dropped")
        return found

    @property
    def title(self) -> str:
        if self.item and isinstance(self.item.get("title"), str):
            return str(self.item["title"])
        if self.explained and isinstance(self.explained.get("title"), str):
            return str(self.explained["title"])
        return ""


def page_id(url: str) -> str:
    """The article id of a network URL, else ``page-<digest>`` (as the extractor names it)."""
    try:
        return parse_article_url(url).article_id
    except (NotAnArticleURL, TypeError, ValueError):
        return "page-" + hashlib.sha1(url.encode("utf-8", "replace")).hexdigest()[:16]


def site_of(url: str) -> str | None:
    try:
        return parse_article_url(url).site.key
    except (NotAnArticleURL, TypeError, ValueError):
        pass
    site = site_for_host(urlsplit(url).hostname or "")
    return site.key if site else None


class Ids:
    """Hands out file-safe ids, unique within one site."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, wanted: str) -> str:
        base = wanted if _ID.match(wanted) and not wanted.startswith(".") \
            else safe_filename(wanted, 120)
        name, number = base, 1
        while name.lower() in self.taken:
            number += 1
            name = f"{base}-{number}"
        self.taken.add(name.lower())
        return name


def plan(items: Iterable[dict[str, Any]], dropped: Iterable[DroppedPage]) -> list[Entry]:
    """The review's pages in index order (by site, newest first, then dropped pages), with
    their ids, not yet looked up."""
    ids = Ids()
    exported = [item for item in items if isinstance(item.get("url"), str)]
    exported.sort(key=lambda item: (str(item.get("site") or "~"),
                                    _descending(str(item.get("published_at") or "")),
                                    str(item.get("title") or "")))
    entries = [Entry(ids.claim(str(item.get("id") or page_id(item["url"]))), item["url"],
                     item.get("site") if isinstance(item.get("site"), str) else None, item)
               for item in exported]
    lost = sorted(dropped, key=lambda page: (site_of(page.url) or "~", page.url))
    entries += [Entry(ids.claim(page_id(page.url)), page.url, site_of(page.url), None, page)
                for page in lost]
    return entries


def _descending(text: str) -> str:
    """A sort key that puts later ISO dates first (and missing dates last)."""
    return "".join(chr(0x10FFFF - ord(char)) for char in text) if text else "\U0010ffff"


def look_up(entry: Entry, archive: ReplayArchive | None) -> Entry:
    """Fill in the recorded page, today's extraction and the block roles."""
    entry.page = recorded_page(archive, entry.url)
    if entry.page.html is None:
        return entry
    hints: dict[str, Any] = {}
    if entry.item is not None:
        feed = entry.item.get("feed")
        hints = {"feed": feed if isinstance(feed, dict) else {},
                 "fetched_at": entry.item.get("fetched_at")}
    explanation = explain_article(entry.page.html, entry.url, **hints)
    entry.explained, entry.reason = explanation.item, explanation.reason
    entry.roles = block_roles(explanation.page.blocks, explanation.decisions, entry.item)
    entry.direction = _direction(explanation.page.root, entry.item or explanation.item)
    if entry.item is not None:
        entry.differs = differing_fields(entry.item, explanation.item)
    return entry


def differing_fields(item: dict[str, Any], explained: dict[str, Any] | None) -> list[str]:
    """Fields where today's extraction differs from the crawl's item, leaving out volatile
    fields and what template learning removed."""
    if explained is None:
        return ["(no article now)"]
    ours, theirs = expected_item(item), expected_item(explained)
    skip = _TEMPLATE_FIELDS if template_removed(item) else frozenset()
    differs = [name for name in sorted(set(ours) | set(theirs))
               if name not in skip and ours.get(name) != theirs.get(name)]
    if skip:
        extraction = {k: v for k, v in (ours.get("extraction") or {}).items() if k != "template"}
        if extraction != theirs.get("extraction"):
            differs.append("extraction")
    return differs


def _direction(root: Any, item: dict[str, Any] | None) -> str:
    """The page's own direction (``dir`` on html or body), else right to left for Arabic."""
    if root is not None and hasattr(root, "get"):
        for element in (root, next(root.iterchildren("body"), None)):
            value = (element.get("dir") or "").strip().lower() if element is not None else ""
            if value in ("rtl", "ltr"):
                return value
        lang = (root.get("lang") or "").strip().lower()
        if lang:
            return "rtl" if lang.split("-")[0] in ("ar", "fa", "ur", "he") else "ltr"
    language = (item or {}).get("language")
    return "ltr" if language and language != "ar" else "rtl"
