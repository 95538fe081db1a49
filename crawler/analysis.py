"""Page analysis, the CPU-heavy and stateless part of handling a fetched page, in the crawl
process or in a pool of worker processes.

``analyse_page`` parses a page once and returns what the stateful components need from it: the
template fingerprints of its text blocks (crawler.templates) and its article, or the reason it
is not one (crawler.extraction). ``PageAnalyser`` is the crawl's one way to call it:

- ``ANALYSIS_PROCESSES = 0`` (the default): in the crawl process. A polite crawl fetches ~12
  pages a second at most, ~15% of one core; nothing to gain from more processes.
- ``ANALYSIS_PROCESSES = N``: N worker processes (forkserver start, so no worker inherits the
  reactor), for what is CPU-bound: replaying WARC files, crawling the simulator, impolite local
  mirrors. The crawl process keeps fetching, scheduling, template counts, de-duplication and
  export; items may then leave in a different order than their pages arrived.

A worker that dies (killed, out of memory, a crash in a C extension) breaks the pool and every
page in flight with it: the pool is started again, and each of those pages is analysed once
more, alone, in a one-process quarantine pool; a page that kills that one too is dropped as
``analysis_crashed`` (counted and logged); the others come through.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from scrapy import signals
from scrapy.utils.reactor import is_asyncio_reactor_installed

from crawler.extraction import NotAnArticle, extract_article
from crawler.items import FetchedPage

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from crawler.dedup import TextFingerprint

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageAnalysis:
    """What one page yields: its article or the reason it has none, and its fingerprints."""

    fingerprints: frozenset[str]
    article: dict[str, Any] | None = None
    reason: str | None = None
    """Why the page has no article: a NotAnArticle reason, or ``analysis_crashed``."""
    detail: str = ""
    text_fingerprint: TextFingerprint | None = None
    """crawler.dedup's digest and signature of the article's text, when asked for."""


def analyse_page(html: str, url: str, feed: dict[str, Any], fetched_at: str | None,
                 fingerprints: bool = True, dedup: DedupParams | None = None) -> PageAnalysis:
    """Template fingerprints (if asked), article and, given ``dedup`` (num_perm, shingle
    words), the dedup fingerprint of its text, of one page; never raises."""
    # Both modules' pipelines use this one (the pure functions are imported here, late).
    from crawler.dedup import text_fingerprint
    from crawler.templates import page_fingerprints

    found = frozenset(page_fingerprints(html, url)) if fingerprints else frozenset()
    try:
        article = extract_article(html, url, feed=feed, fetched_at=fetched_at)
    except NotAnArticle as exc:
        return PageAnalysis(found, reason=exc.reason, detail=str(exc))
    known = text_fingerprint(article["text"], *dedup) if dedup else None
    return PageAnalysis(found, article=article, text_fingerprint=known)


DedupParams = tuple[int, int]
"""MinHash permutations and shingle words (DEDUP_NUM_PERM, DEDUP_SHINGLE_WORDS)."""
Analyse = Callable[..., PageAnalysis]
KNOWN_TEXTS = 1024
"""Dedup fingerprints kept for items between extraction and the dedup pipeline (an item
dropped in between leaves its entry until it is pushed out)."""


class PageAnalyser:
    """Runs ``analyse`` on fetched pages, in process (``processes=0``) or in a worker pool."""

    def __init__(self, processes: int = 0, analyse: Analyse = analyse_page,
                 on_crash: Callable[[str], None] | None = None,
                 dedup: DedupParams | None = None):
        if processes < 0:
            raise ValueError(f"ANALYSIS_PROCESSES must be 0 or more, got {processes}")
        self.processes = processes
        self.analyse_function = analyse
        self.on_crash = on_crash
        self.dedup = dedup if processes else None
        """In a pool, the workers also compute the dedup fingerprint of the article's text."""
        self._known_texts: OrderedDict[tuple[str, DedupParams], TextFingerprint] = \
            OrderedDict()
        self._pool: Executor | None = None
        self._generation = 0
        self._quarantine: Executor | None = None
        """One process, for pages that were in flight when a worker died: run alone, a page
        that kills it is the culprit."""
        self._quarantine_lock = asyncio.Lock()

    async def analyse(self, page: FetchedPage, fingerprints: bool = True) -> PageAnalysis:
        if not self.processes:
            return self.analyse_function(page.html, page.url, page.feed, page.fetched_at,
                                         fingerprints)
        analysis = await self._analyse_in_pool(page, fingerprints)
        if analysis.article is not None and analysis.text_fingerprint is not None \
                and self.dedup is not None:
            known = self._known_texts
            known[analysis.article["text"], self.dedup] = analysis.text_fingerprint
            if len(known) > KNOWN_TEXTS:
                known.popitem(last=False)
        return analysis

    def text_fingerprint(self, text: Any, num_perm: int, shingle_words: int
                         ) -> TextFingerprint | None:
        """The dedup fingerprint a worker computed for exactly this text and these
        parameters, once (None: compute it)."""
        if not self._known_texts or not isinstance(text, str):
            return None
        return self._known_texts.pop((text, (num_perm, shingle_words)), None)

    async def _analyse_in_pool(self, page: FetchedPage, fingerprints: bool) -> PageAnalysis:
        args = (page.html, page.url, page.feed, page.fetched_at, fingerprints, self.dedup)
        generation = self._generation
        try:
            return await self._run(self._shared(), args)
        except BrokenProcessPool:
            self._restart(generation)
            if self.on_crash:
                self.on_crash(page.url)
            logger.warning("an analysis worker died while %s was in flight; analysing it again "
                           "on its own", page.url)
        except Exception as exc:  # analyse_page never raises; a custom function might
            return self._failed(page, exc)
        async with self._quarantine_lock:  # one page at a time: a crash now is its own
            if self._quarantine is None:
                self._quarantine = self._new_pool(1)
            try:
                return await self._run(self._quarantine, args)
            except BrokenProcessPool:
                self._quarantine.shutdown(wait=False, cancel_futures=True)
                self._quarantine = None
                logger.error("dropping %s: the analysis worker dies on it", page.url)
                return PageAnalysis(frozenset(), reason="analysis_crashed",
                                    detail="the analysis worker died on this page")
            except Exception as exc:
                return self._failed(page, exc)

    async def _run(self, pool: Executor, args: tuple[Any, ...]) -> PageAnalysis:
        return await asyncio.wrap_future(pool.submit(self.analyse_function, *args))

    @staticmethod
    def _failed(page: FetchedPage, exc: Exception) -> PageAnalysis:
        logger.error("analysis of %s failed", page.url, exc_info=exc)
        return PageAnalysis(frozenset(), reason="internal_error", detail=repr(exc))

    def _new_pool(self, processes: int) -> Executor:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["crawler.analysis"])
        return ProcessPoolExecutor(processes, mp_context=context)

    def _shared(self) -> Executor:
        if self._pool is None:
            self._pool = self._new_pool(self.processes)
            logger.info("page analysis in %d worker processes", self.processes)
        return self._pool

    def _restart(self, generation: int) -> None:
        """Drop a broken pool, once (every page in flight learns of the crash); the next page
        starts a new one."""
        if generation != self._generation:
            return
        self._generation += 1
        broken, self._pool = self._pool, None
        if broken is not None:
            broken.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        for pool in (self._pool, self._quarantine):
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._quarantine = None


def default_processes() -> int:
    """A pool size that leaves one core to the crawl process."""
    return max(1, (os.cpu_count() or 2) - 1)


_ANALYSERS: WeakKeyDictionary[Crawler, PageAnalyser] = WeakKeyDictionary()


def page_analyser(crawler: Crawler) -> PageAnalyser:
    """The crawl's one analyser, shared by the template middleware and the extraction pipeline.

    ``ANALYSIS_PROCESSES``: 0 = in process; N = N worker processes; ``auto`` = one per core
    but one."""
    if crawler not in _ANALYSERS:
        setting = crawler.settings.get("ANALYSIS_PROCESSES", 0)
        processes = default_processes() if setting == "auto" else int(setting or 0)
        if processes and not is_asyncio_reactor_installed():
            logger.warning("ANALYSIS_PROCESSES needs the asyncio reactor; analysing in process")
            processes = 0
        stats = crawler.stats

        def count_crash(url: str) -> None:
            if stats is not None:
                stats.inc_value("analysis/worker_crashes")

        from crawler.dedup import DEFAULT_NUM_PERM, DEFAULT_SHINGLE_WORDS

        settings = crawler.settings
        dedup = (settings.getint("DEDUP_NUM_PERM", DEFAULT_NUM_PERM),
                 settings.getint("DEDUP_SHINGLE_WORDS", DEFAULT_SHINGLE_WORDS))
        analyser = PageAnalyser(processes, on_crash=count_crash, dedup=dedup)
        crawler.signals.connect(analyser.close, signal=signals.engine_stopped, weak=False)
        _ANALYSERS[crawler] = analyser
    return _ANALYSERS[crawler]
