"""Template learning: text blocks that recur on many pages of one site are boilerplate, even
when no rule names them.

``SiteTemplate`` counts, per site, on how many pages each block (by fingerprint) occurred.
``TemplateLearning`` (an extension) holds one crawl's site templates, shared by the warm-up
middleware (crawler.crawl.warmup) and the template pipeline; it loads them from and saves them to
the template store that ``TEMPLATE_STORE_CLASS`` names (crawler.store.templates).
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.misc import load_object

from crawler.extract.page import Page
from crawler.store.templates import FileTemplateStore, TemplateStore
from crawler.text import normalise_space

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


_DIGITS = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+")

MIN_BLOCK_CHARS = 12
"""Shorter blocks (single words, numbers) are not learnt: they recur by chance."""


def fingerprint(text: str) -> str:
    """A block's identity across pages: whitespace and digit runs folded, NFC."""
    folded = _DIGITS.sub("0", normalise_space(unicodedata.normalize("NFC", text)))
    return hashlib.blake2b(folded.encode("utf-8"), digest_size=8).hexdigest()


def page_fingerprints(page: Page) -> set[str]:
    """Fingerprints of the page's visible text blocks (each once)."""
    return {fingerprint(block.text) for block in page.blocks
            if block.kind == "text" and len(block.text) >= MIN_BLOCK_CHARS}


@dataclass
class SiteTemplate:
    """What one site's pages share."""

    pages: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    max_fingerprints: int | None = None
    """Bound memory while crawling: past twice this many fingerprints, prune to this many."""
    repeated: set[str] = field(default_factory=set, repr=False, compare=False)
    """Fingerprints seen on two pages or more: the only candidates once the floor is above 1
    (a site's counts are mostly one-page blocks: article paragraphs)."""
    _cached: tuple[tuple[Any, ...], int, set[str]] | None = field(
        default=None, repr=False, compare=False)
    _touched: set[str] = field(default_factory=set, repr=False, compare=False)
    """Fingerprints counted since the cached answer: with the answer itself, the only ones
    that can be in the next (an untouched one kept its count, and the floor only rises)."""

    def __post_init__(self) -> None:
        self.repeated = {fp for fp, count in self.counts.items() if count >= 2}

    def observe(self, fingerprints: Iterable[str]) -> None:
        self.pages += 1
        counts = self.counts
        unique = set(fingerprints)
        for fp in unique:
            counts[fp] += 1
            if counts[fp] == 2:
                self.repeated.add(fp)
        if self._cached is not None:
            self._touched |= unique
        if self.max_fingerprints and len(counts) > 2 * self.max_fingerprints:
            self.prune(self.max_fingerprints)

    def boilerplate(self, min_pages: int, min_share: float, min_repeats: int) -> set[str]:
        """Fingerprints seen on at least ``min_share`` of the pages (and ``min_repeats`` pages).

        Recomputed when the page count grew by 1% since the last answer (every page below 100
        pages): the set changes slowly, and a full pass per item would make a crawl quadratic.
        A recomputation with the same parameters looks only at the last answer and the
        fingerprints counted since: the floor never falls, and a count never does (pruning
        drops a fingerprint, whose count then reads 0)."""
        if self.pages < min_pages:
            return set()
        params = (min_pages, min_share, min_repeats)
        pool: Iterable[str] | None = None
        if self._cached is not None:
            cached_params, cached_pages, cached = self._cached
            grown = self.pages - cached_pages
            if cached_params == params:
                if grown == 0 or (cached_pages >= 100 and grown <= cached_pages // 100):
                    return cached
                pool = cached | self._touched
        floor = max(min_repeats, min_share * self.pages)
        if pool is None:
            pool = self.repeated if floor > 1 else self.counts.keys()
        counts = self.counts
        result = {fp for fp in pool if counts[fp] >= floor}
        self._cached = (params, self.pages, result)
        self._touched = set()
        return result

    def prune(self, keep: int) -> None:
        """Bound memory: keep the ``keep`` most frequent fingerprints."""
        if len(self.counts) > keep:
            self.counts = Counter(dict(self.counts.most_common(keep)))
            self.repeated = {fp for fp in self.repeated if fp in self.counts}


class TemplateLearning:
    """The crawl's site templates and their thresholds (``TEMPLATE_MIN_PAGES``,
    ``TEMPLATE_MIN_SHARE``, ``TEMPLATE_MIN_REPEATS``); saved to the store when the spider
    closes. Off (NotConfigured) with ``TEMPLATE_LEARNING = False``."""

    def __init__(self, store: TemplateStore, min_pages: int = 5, min_share: float = 0.3,
                 min_repeats: int = 3, max_fingerprints: int = 50_000):
        self.store = store
        self.min_pages = min_pages
        self.min_share = min_share
        self.min_repeats = min_repeats
        self.max_fingerprints = max_fingerprints
        self.sites: dict[str, SiteTemplate] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TemplateLearning:
        settings = crawler.settings
        if not settings.getbool("TEMPLATE_LEARNING", True):
            raise NotConfigured
        store_class = load_object(settings.get("TEMPLATE_STORE_CLASS") or FileTemplateStore)
        learning = cls(store_class.from_settings(settings),
                       min_pages=settings.getint("TEMPLATE_MIN_PAGES", 5),
                       min_share=settings.getfloat("TEMPLATE_MIN_SHARE", 0.3),
                       min_repeats=settings.getint("TEMPLATE_MIN_REPEATS", 3))
        crawler.signals.connect(learning.spider_closed, signal=signals.spider_closed)
        return learning

    def site(self, key: str) -> SiteTemplate:
        if key not in self.sites:
            saved = self.store.load(key)
            template = SiteTemplate(saved[0], Counter(saved[1])) if saved else SiteTemplate()
            template.max_fingerprints = self.max_fingerprints
            self.sites[key] = template
        return self.sites[key]

    def boilerplate(self, key: str) -> set[str]:
        return self.site(key).boilerplate(self.min_pages, self.min_share, self.min_repeats)

    def save(self) -> None:
        for key, template in self.sites.items():
            template.prune(self.max_fingerprints)
            self.store.save(key, template.pages, template.counts)

    def spider_closed(self) -> None:
        self.save()
        self.store.close()


def learning_of(crawler: Crawler) -> TemplateLearning:
    """The crawl's TemplateLearning extension; NotConfigured when template learning is off."""
    learning = crawler.get_extension(TemplateLearning)
    if learning is None:
        raise NotConfigured("template learning is off")
    return learning
