"""Cross-page template learning: text blocks that recur on many pages of one site are boilerplate,
even when no rule names them.

Three parts, one shared store per crawl:

- ``TemplateStore``: per site, how many pages were seen and on how many of them each text block
  (by fingerprint) occurred. Persisted as JSON per site under ``STATE_DIR/templates`` so the next
  run starts with what this one learnt.
- ``TemplateWarmupMiddleware`` (spider middleware): observes every fetched page's blocks before
  extraction (the page is analysed once for both, crawler.analysis), and while a site has been
  seen on fewer than ``TEMPLATE_WARMUP_PAGES`` pages it holds that site's pages back; they are
  released once the site is warm (or when the crawl runs out of work), so a fresh run does not
  emit dirty first pages.
- ``TemplatePipeline`` (item pipeline, after extraction): removes paragraphs whose block is
  boilerplate for the item's site and recomputes ``text`` and ``paragraphs``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from scrapy import Request, signals
from scrapy.exceptions import DontCloseSpider, DropItem, NotConfigured

from crawler.analysis import page_analyser
from crawler.extraction.blocks import (
    UnparseablePage,
    decode_html,
    normalise_space,
    parse_blocks,
)
from crawler.extraction.text import join_paragraphs
from crawler.items import FetchedPage

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

_DIGITS = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+")
MIN_BLOCK_CHARS = 12
"""Shorter blocks (single words, numbers) are not learnt: they recur by chance."""
FLUSH_URL = "data:text/plain,template-warmup-flush"


@lru_cache(maxsize=8192)
def fingerprint(text: str) -> str:
    """A block's identity across pages: whitespace and digit runs folded, NFC. Memoised: the
    blocks that matter recur on every page of a site."""
    folded = _DIGITS.sub("0", normalise_space(unicodedata.normalize("NFC", text)))
    return hashlib.blake2b(folded.encode("utf-8"), digest_size=8).hexdigest()


def page_fingerprints(html: str | bytes, url: str | None = None) -> set[str]:
    """Fingerprints of the page's visible text blocks (each once). With the page's ``url``, the
    parse is shared with the page's extraction (crawler.extraction.blocks.parse_blocks)."""
    try:
        _, blocks = parse_blocks(decode_html(html), url)
    except UnparseablePage:
        return set()
    return {fingerprint(block.text) for block in blocks
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


@dataclass
class TemplateStore:
    """Per-site templates, loaded from and saved to a folder (None: in memory only)."""

    folder: Path | None
    min_pages: int = 5
    min_share: float = 0.3
    min_repeats: int = 3
    max_fingerprints: int = 50_000
    sites: dict[str, SiteTemplate] = field(default_factory=dict)

    def site(self, key: str) -> SiteTemplate:
        if key not in self.sites:
            self.sites[key] = self._load(key)
            self.sites[key].max_fingerprints = self.max_fingerprints
        return self.sites[key]

    def boilerplate(self, key: str) -> set[str]:
        return self.site(key).boilerplate(self.min_pages, self.min_share, self.min_repeats)

    def _path(self, key: str) -> Path | None:
        return self.folder / f"{key}.json" if self.folder else None

    def _load(self, key: str) -> SiteTemplate:
        path = self._path(key)
        if path is None or not path.exists():
            return SiteTemplate()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return SiteTemplate(int(data["pages"]), Counter(
                {str(k): int(v) for k, v in data["counts"].items()}))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            logger.warning("template for %s unreadable (%s); starting afresh", key, exc)
            return SiteTemplate()

    def save(self) -> None:
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for key, template in self.sites.items():
            template.prune(self.max_fingerprints)
            path = self._path(key)
            assert path is not None
            temporary = path.with_suffix(".json.tmp")
            temporary.write_text(json.dumps({"pages": template.pages,
                                             "counts": dict(template.counts)}), encoding="utf-8")
            temporary.replace(path)  # atomic: a crash never leaves half a template


_STORES: WeakKeyDictionary[Crawler, TemplateStore] = WeakKeyDictionary()


def template_store(crawler: Crawler) -> TemplateStore:
    """The crawl's one store, shared by the middleware and the pipeline."""
    if crawler not in _STORES:
        settings = crawler.settings
        state_dir = settings.get("STATE_DIR")
        _STORES[crawler] = TemplateStore(
            Path(state_dir) / "templates" if state_dir else None,
            min_pages=settings.getint("TEMPLATE_MIN_PAGES", 5),
            min_share=settings.getfloat("TEMPLATE_MIN_SHARE", 0.3),
            min_repeats=settings.getint("TEMPLATE_MIN_REPEATS", 3),
        )
    return _STORES[crawler]


class TemplateWarmupMiddleware:
    """Observes fetched pages; holds a cold site's pages until its template can be trusted."""

    def __init__(self, crawler: Crawler):
        if not crawler.settings.getbool("TEMPLATE_LEARNING", True):
            raise NotConfigured
        self.crawler = crawler
        self.store = template_store(crawler)
        self.analyser = page_analyser(crawler)
        self.warmup = crawler.settings.getint("TEMPLATE_WARMUP_PAGES", 8)
        self.held: dict[str, list[FetchedPage]] = {}
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TemplateWarmupMiddleware:
        return cls(crawler)

    async def process_spider_output(self, response: Response, result: AsyncIterator[Any]
                                    ) -> AsyncIterator[Any]:
        async for output in result:
            if not isinstance(output, FetchedPage):
                yield output
                continue
            if response.meta.get("template_flush"):
                yield output  # a page released by the flush below: observed already
                continue
            output.analysis = await self.analyser.analyse(output)
            template = self.store.site(output.site)
            template.observe(output.analysis.fingerprints)
            if template.pages >= self.warmup and not self.held.get(output.site):
                yield output
                continue
            held = self.held.setdefault(output.site, [])
            held.append(output)
            if template.pages >= self.warmup:
                logger.info("template for %s learnt from %d pages; releasing %d held pages",
                            output.site, template.pages, len(held))
                for page in self.held.pop(output.site):
                    yield page

    def spider_idle(self, spider: Spider) -> None:
        """Out of work with pages still held: release them through one local data: request."""
        if not any(self.held.values()):
            return
        assert self.crawler.engine is not None
        self.crawler.engine.crawl(Request(FLUSH_URL, callback=self.release, dont_filter=True,
                                          meta={"template_flush": True}))
        raise DontCloseSpider

    def release(self, response: Response) -> Iterable[FetchedPage]:
        held, self.held = self.held, {}
        for site, pages in held.items():
            logger.info("releasing %d held pages of %s (template from %d pages)",
                        len(pages), site, self.store.site(site).pages)
            yield from pages

    def spider_closed(self, spider: Spider) -> None:
        held = sum(len(pages) for pages in self.held.values())
        if held:  # the crawl was stopped early (page limit, signal) while a site was still cold
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("template/held_at_close", held)
            logger.warning("%d pages held for template warm-up were not exported; they are not "
                           "marked as seen, so the next run fetches them again", held)
        self.store.save()


class TemplatePipeline:
    """Removes the paragraphs that the site's learnt template marks as boilerplate."""

    def __init__(self, crawler: Crawler):
        if not crawler.settings.getbool("TEMPLATE_LEARNING", True):
            raise NotConfigured
        self.crawler = crawler
        self.store = template_store(crawler)
        self.analyser = page_analyser(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TemplatePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, dict) or not item.get("site") or not item.get("text"):
            return item
        boilerplate = self.store.boilerplate(item["site"])
        if not boilerplate:
            return item
        paragraphs = [item["text"][span["start"]:span["end"]] for span in item["paragraphs"]]
        known = self.analyser.paragraph_fingerprints(item["text"])  # from a worker, if any
        prints = known if known is not None and len(known) == len(paragraphs) \
            else [fingerprint(p) for p in paragraphs]
        kept = [p for p, print_ in zip(paragraphs, prints, strict=True)
                if print_ not in boilerplate]
        removed = len(paragraphs) - len(kept)
        if not removed:
            return item
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("template/removed_paragraphs", removed)
        if not kept:
            self.crawler.stats.inc_value("dropped/template_only")
            logger.warning("dropped (template_only) %s", item.get("url"))
            raise DropItem(f"dropped (template_only) {item.get('url')}")
        item["text"], item["paragraphs"] = join_paragraphs(kept)
        item["extraction"] = {**item.get("extraction", {}), "template": f"removed {removed}"}
        return item
