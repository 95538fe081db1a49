"""Page analysis: what one fetched page yields, computed once, in any process.

``analyse_page`` parses a page and returns what the stateful components need from it: the
template fingerprints of its text blocks, its article (or the reason it has none) and the
duplicate fingerprint of the article's text. A pure function: it runs in the crawl process or
in a worker (crawler.analyse.workers).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from crawler.analyse.minhash import text_fingerprint
from crawler.analyse.templates import fingerprint, page_fingerprints
from crawler.extract.article import NotAnArticle, extract_page
from crawler.extract.page import UnparseablePage, parse_page

if TYPE_CHECKING:
    from crawler.analyse.minhash import TextFingerprint

logger = logging.getLogger(__name__)


@dataclass
class FetchedPage:
    """What the spider hands to the pipelines: one fetched article page, not yet extracted."""

    url: str
    """The URL as fetched (after redirects), the real network URL even in via/replay mode."""
    canonical_url: str
    site: str
    html: str
    status: int
    fetched_at: str
    feed: dict[str, Any] = field(default_factory=dict)
    """Discovery metadata: source (feed, sitemap, listing), title, pubDate, category."""
    analysis: PageAnalysis | None = None
    """Set by the template warm-up middleware (crawler.crawl.warmup), so the page is analysed
    once."""


@dataclass(frozen=True)
class PageAnalysis:
    """What one page yields: its article or the reason it has none, and its fingerprints."""

    fingerprints: frozenset[str]
    article: dict[str, Any] | None = None
    reason: str | None = None
    """Why the page has no article: a NotAnArticle reason, or ``analysis_crashed``."""
    detail: str = ""
    text_fingerprint: TextFingerprint | None = None
    """The duplicate digest and signature of the article's text (crawler.analyse.minhash), when
    asked for."""
    paragraph_fingerprints: tuple[str, ...] | None = None
    """The template fingerprint of each of the article's paragraphs, with ``fingerprints``."""


def analyse_page(html: str, url: str, feed: dict[str, Any], fetched_at: str | None,
                 fingerprints: bool = True, dedup: DedupParams | None = None) -> PageAnalysis:
    """Template fingerprints (if asked), article and, given ``dedup`` (num_perm, shingle
    words), the dedup fingerprint of its text, of one page; never raises."""
    try:
        page = parse_page(html, url)
    except UnparseablePage as exc:
        return PageAnalysis(frozenset(), reason=exc.reason, detail=exc.reason)
    found = frozenset(page_fingerprints(page)) if fingerprints else frozenset()
    try:
        article = extract_page(page, feed=feed, fetched_at=fetched_at)
    except NotAnArticle as exc:
        return PageAnalysis(found, reason=exc.reason, detail=str(exc))
    text = article["text"]
    known = text_fingerprint(text, *dedup) if dedup else None
    paragraphs = tuple(fingerprint(text[span["start"]:span["end"]])
                       for span in article["paragraphs"]) if fingerprints else None
    return PageAnalysis(found, article=article, text_fingerprint=known,
                        paragraph_fingerprints=paragraphs)


DedupParams = tuple[int, int]
"""MinHash permutations and shingle words (DEDUP_NUM_PERM, DEDUP_SHINGLE_WORDS)."""
