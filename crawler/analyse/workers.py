"""Page analysis, the CPU-heavy and stateless part of handling a fetched page, in the crawl
process or in a pool of worker processes.

``analyse_page`` (crawler.analyse.page) parses a page once and returns what the stateful
components need from it: the template fingerprints of its text blocks (crawler.analyse.templates)
and its article, or the reason it is not one (crawler.extract). ``PageAnalyser`` is the crawl's
one way to call it:

- ``ANALYSIS_PROCESSES = 0`` (the default): in the crawl process. A polite crawl fetches ~12
  pages a second at most, ~15% of one core; nothing to gain from more processes.
- ``ANALYSIS_PROCESSES = N``: N worker processes (forkserver start, so no worker inherits the
  reactor), for what is CPU-bound: replaying WARC files, crawling the simulator, impolite local
  mirrors. The crawl process keeps fetching, scheduling, template counts, de-duplication and
  export; items may then leave in a different order than their pages arrived.

The workers are fed by the crawl's event loop over one socket pair each (length-prefixed
pickles): no threads in the crawl process (``concurrent.futures``' process pool spends ~0.9 ms
of the crawl process's CPU per page in its feeder and result threads). A worker ignores SIGINT:
a crawl stopped with Ctrl-C still gets the pages in flight analysed.

A worker that dies (killed, out of memory, a crash in a C extension) loses the pages in flight
on it: it is replaced, and each of those pages is analysed once more, alone, in a one-process
quarantine pool; a page that kills that one too is dropped as ``analysis_crashed`` (counted
and logged); the others come through.

``PAGE_ANALYSIS_TIMEOUT`` (seconds; 0: none) is each page's time budget, in either mode: a page
over it is dropped as ``analysis_timeout``. The analysis runs under a SIGALRM timer (in the
crawl process, or in the worker), whose handler raises between two Python steps: a single long
C call (lxml parsing a 10 MB page, under a second) finishes first, and the page caps of
crawler.extract bound those. In a pool, a worker that still has not answered a while after the
budget is killed (its other pages are analysed again, alone), so a stop never waits on it.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import multiprocessing
import multiprocessing.forkserver
import os
import pickle
import signal
import socket
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import ForkServerContext
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.utils.reactor import is_asyncio_reactor_installed

from crawler.analyse.minhash import DEFAULT_NUM_PERM, DEFAULT_SHINGLE_WORDS
from crawler.analyse.page import DedupParams, FetchedPage, PageAnalysis, analyse_page

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

    from crawler.analyse.minhash import TextFingerprint

logger = logging.getLogger(__name__)


Analyse = Callable[..., PageAnalysis]

class AnalysisTimeout(BaseException):
    """Raised by the SIGALRM handler when a page's time budget is spent. A BaseException, so
    that the extraction's own ``except Exception`` guards do not swallow it."""


def _raise_timeout(signum: int, frame: Any) -> None:
    raise AnalysisTimeout


def analyse_within(function: Analyse, seconds: float, *args: Any) -> PageAnalysis:
    """``function(*args)`` under a ``seconds`` SIGALRM budget (0: none, and none off the main
    thread, where signals cannot be set); a page over it gives ``analysis_timeout``."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        return function(*args)
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return function(*args)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except AnalysisTimeout:
        return timed_out(seconds)
    finally:
        signal.signal(signal.SIGALRM, previous)


def timed_out(seconds: float) -> PageAnalysis:
    return PageAnalysis(frozenset(), reason="analysis_timeout",
                        detail=f"analysis took more than {seconds:g} s")


HARD_TIMEOUT_GRACE = 5.0
"""Seconds past the budget before the crawl process kills a worker that has not answered."""

KNOWN_TEXTS = 1024
"""Analyses kept by article text for the pipelines after extraction (the template and dedup
pipelines take the fingerprints a worker computed; an item dropped in between leaves its entry
until it is pushed out)."""


def start_forkserver() -> None:
    """Start the forkserver the workers are forked from, without waiting for it: it imports the
    analysis code in its own process while the crawl starts up (robots.txt, first requests),
    instead of holding up the event loop when the first page needs a worker."""
    multiprocessing.get_context("forkserver").set_forkserver_preload([__name__])
    multiprocessing.forkserver.ensure_running()


class PageAnalyser:
    """Runs ``analyse`` on fetched pages, in process (``processes=0``) or in a worker pool."""

    def __init__(self, processes: int = 0, analyse: Analyse = analyse_page,
                 on_crash: Callable[[str], None] | None = None,
                 dedup: DedupParams | None = None, timeout: float = 0.0):
        if processes < 0:
            raise ValueError(f"ANALYSIS_PROCESSES must be 0 or more, got {processes}")
        if timeout < 0:
            raise ValueError(f"PAGE_ANALYSIS_TIMEOUT must be 0 or more, got {timeout}")
        self.processes = processes
        self.timeout = timeout
        self.analyse_function = analyse
        self.on_crash = on_crash
        self.dedup = dedup if processes else None
        """In a pool, the workers also compute the dedup fingerprint of the article's text."""
        self._known: OrderedDict[str, tuple[TextFingerprint | None, tuple[str, ...] | None]] \
            = OrderedDict()
        """The text and paragraph fingerprints of pool results, by article text (KNOWN_TEXTS):
        only those, not the whole analysis, so entries nobody takes stay small."""
        self._pool: WorkerPool | None = None
        self._quarantine: WorkerPool | None = None
        """One process, for pages that were in flight when a worker died: run alone, a page
        that kills it is the culprit."""
        self._quarantine_lock = asyncio.Lock()
        if processes:
            start_forkserver()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PageAnalyser:
        """The crawl's analyser (an extension), closed when the engine stops.

        ``ANALYSIS_PROCESSES``: 0 = in process; N = N worker processes; ``auto`` = one per core
        but one."""
        settings = crawler.settings
        setting = settings.get("ANALYSIS_PROCESSES", 0)
        processes = default_processes() if setting == "auto" else int(setting or 0)
        if processes and not is_asyncio_reactor_installed():
            logger.warning("ANALYSIS_PROCESSES needs the asyncio reactor; analysing in process")
            processes = 0
        stats = crawler.stats

        def count_crash(url: str) -> None:
            if stats is not None:
                stats.inc_value("analysis/worker_crashes")

        dedup = (settings.getint("DEDUP_NUM_PERM", DEFAULT_NUM_PERM),
                 settings.getint("DEDUP_SHINGLE_WORDS", DEFAULT_SHINGLE_WORDS))
        analyser = cls(processes, on_crash=count_crash, dedup=dedup,
                       timeout=settings.getfloat("PAGE_ANALYSIS_TIMEOUT", 0.0))
        crawler.signals.connect(analyser.close, signal=signals.engine_stopped)
        return analyser

    async def analyse(self, page: FetchedPage, fingerprints: bool = True) -> PageAnalysis:
        if not self.processes:
            analysis = analyse_within(self.analyse_function, self.timeout, page.html, page.url,
                                      page.feed, page.fetched_at, fingerprints)
        else:
            analysis = await self._analyse_in_pool(page, fingerprints)
        if analysis.reason == "analysis_timeout":
            logger.warning("dropping %s: %s", page.url, analysis.detail)
        return analysis

    async def _analyse_in_pool(self, page: FetchedPage, fingerprints: bool) -> PageAnalysis:
        analysis = await self._analyse_or_retry(page, fingerprints)
        if analysis.article is not None and (analysis.text_fingerprint is not None
                                             or analysis.paragraph_fingerprints is not None):
            known = self._known
            known[analysis.article["text"]] = (analysis.text_fingerprint,
                                               analysis.paragraph_fingerprints)
            if len(known) > KNOWN_TEXTS:
                known.popitem(last=False)
        return analysis

    def text_fingerprint(self, text: Any, num_perm: int, shingle_words: int
                         ) -> TextFingerprint | None:
        """The dedup fingerprint a worker computed for exactly this text and these
        parameters, once (None: compute it). The last use of the text's entry."""
        if not self._known or not isinstance(text, str) \
                or (num_perm, shingle_words) != self.dedup:
            return None
        known = self._known.pop(text, None)
        return known[0] if known is not None else None

    def paragraph_fingerprints(self, text: Any) -> tuple[str, ...] | None:
        """The template fingerprints a worker computed for the paragraphs of exactly this
        article text (None: compute them)."""
        if not self._known or not isinstance(text, str):
            return None
        known = self._known.get(text)
        return known[1] if known is not None else None

    async def _analyse_or_retry(self, page: FetchedPage, fingerprints: bool) -> PageAnalysis:
        args = (page.html, page.url, page.feed, page.fetched_at, fingerprints, self.dedup)
        try:
            return await self._shared().run(args)
        except AnalysisTimeout:
            return timed_out(self.timeout)
        except BrokenProcessPool:
            if self.on_crash:
                self.on_crash(page.url)
            logger.warning("an analysis worker died while %s was in flight; analysing it again "
                           "on its own", page.url)
        except Exception as exc:  # analyse_page never raises; a custom function might
            return self._failed(page, exc)
        async with self._quarantine_lock:  # one page at a time: a crash now is its own
            if self._quarantine is None:
                self._quarantine = WorkerPool(1, self.analyse_function, self.timeout)
            try:
                return await self._quarantine.run(args)
            except AnalysisTimeout:
                return timed_out(self.timeout)
            except BrokenProcessPool:
                self._quarantine.shutdown(wait=False)
                self._quarantine = None
                logger.error("dropping %s: the analysis worker dies on it", page.url)
                return PageAnalysis(frozenset(), reason="analysis_crashed",
                                    detail="the analysis worker died on this page")
            except Exception as exc:
                return self._failed(page, exc)

    @staticmethod
    def _failed(page: FetchedPage, exc: Exception) -> PageAnalysis:
        logger.error("analysis of %s failed", page.url, exc_info=exc)
        return PageAnalysis(frozenset(), reason="internal_error", detail=repr(exc))

    def _shared(self) -> WorkerPool:
        if self._pool is None:
            self._pool = WorkerPool(self.processes, self.analyse_function, self.timeout)
            logger.info("page analysis in %d worker processes", self.processes)
        return self._pool

    def close(self) -> None:
        for pool in (self._pool, self._quarantine):
            if pool is not None:
                pool.shutdown(wait=True)
        self._pool = self._quarantine = None


class WorkerPool:
    """``processes`` worker processes running ``function`` on argument tuples sent by the event
    loop; a worker that dies fails the calls in flight on it (BrokenProcessPool) and is replaced
    at the next call."""

    def __init__(self, processes: int, function: Analyse, timeout: float = 0.0):
        self.function = function
        self.timeout = timeout
        self.context = multiprocessing.get_context("forkserver")
        start_forkserver()
        self.workers = [_Worker(self.context, function, timeout) for _ in range(processes)]

    async def run(self, args: tuple[Any, ...]) -> PageAnalysis:
        index, worker = min(enumerate(self.workers), key=lambda found: len(found[1].pending))
        if worker.broken:
            worker.close(wait=False)  # reaps the dead process
            worker = self.workers[index] = _Worker(self.context, self.function, self.timeout)
        return await worker.run(args)

    def shutdown(self, wait: bool = True) -> None:
        for worker in self.workers:
            worker.close(wait)


_HEADER = 8
"""Bytes of a frame's length prefix (big-endian), before the pickle."""


class _Worker:
    """One worker process and its end of their socket pair."""

    def __init__(self, context: ForkServerContext, function: Analyse, timeout: float = 0.0):
        mine, theirs = socket.socketpair()
        self.timeout = timeout
        self.process = context.Process(target=_serve, args=(theirs, function, timeout),
                                       daemon=True, name="page-analysis")
        self.process.start()
        theirs.close()
        self.socket = mine
        self.pending: dict[int, asyncio.Future[PageAnalysis]] = {}
        self.broken = False
        self._ids = itertools.count()
        self._writer: asyncio.StreamWriter | None = None
        self._started: asyncio.Future[None] | None = None
        self._reading: asyncio.Future[None] | None = None
        """The reader task, held here: the event loop keeps only weak references to tasks."""

    async def _start(self) -> None:
        reader, self._writer = await asyncio.open_connection(sock=self.socket)
        self._reading = asyncio.ensure_future(self._read(reader))

    async def run(self, args: tuple[Any, ...]) -> PageAnalysis:
        if self._started is None:
            self._started = asyncio.ensure_future(self._start())
        await asyncio.shield(self._started)
        if self.broken or self._writer is None:
            raise BrokenProcessPool("the analysis worker has died")
        call_id = next(self._ids)
        future: asyncio.Future[PageAnalysis] = asyncio.get_running_loop().create_future()
        self.pending[call_id] = future
        data = pickle.dumps((call_id, args), pickle.HIGHEST_PROTOCOL)
        self._writer.write(len(data).to_bytes(_HEADER, "big") + data)
        if not self.timeout:
            return await future
        # The worker's own alarm answers within the budget; one that does not (stuck in C, or
        # behind pages queued on it, each with its budget) is killed.
        limit = self.timeout * (len(self.pending) + 1) + HARD_TIMEOUT_GRACE
        try:
            return await asyncio.wait_for(asyncio.shield(future), limit)
        except TimeoutError:
            if future.done():
                return future.result()
            self.pending.pop(call_id, None)
            logger.error("an analysis worker did not answer in %.0f s: killed", limit)
            self.process.kill()
            raise AnalysisTimeout from None

    async def _read(self, reader: asyncio.StreamReader) -> None:
        try:
            while True:
                size = int.from_bytes(await reader.readexactly(_HEADER), "big")
                call_id, ok, value = pickle.loads(await reader.readexactly(size))
                future = self.pending.pop(call_id, None)
                if future is not None and not future.done():
                    if ok:
                        future.set_result(value)
                    else:
                        future.set_exception(value)
        except (asyncio.IncompleteReadError, ConnectionError, OSError):
            pass  # the worker died or was closed
        finally:
            self._fail_pending()

    def _fail_pending(self) -> None:
        self.broken = True
        pending, self.pending = self.pending, {}
        for future in pending.values():
            if not future.done():
                future.set_exception(BrokenProcessPool("the analysis worker died"))

    def close(self, wait: bool) -> None:
        self.broken = True
        # The end of its input, now, and the worker exits: writer.close() alone would send it
        # on the event loop's next turn, after join() below has blocked the loop.
        with contextlib.suppress(OSError):  # already closed
            self.socket.shutdown(socket.SHUT_WR)
        if self._writer is not None:
            self._writer.close()
        else:
            self.socket.close()
        for future in self.pending.values():
            future.cancel()
        if wait:
            self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)


def _serve(connection: socket.socket, function: Analyse, timeout: float = 0.0) -> None:
    """A worker's loop: read a call, answer it (within ``timeout`` seconds), until the crawl
    process closes its end."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the crawl, which closes us
    with connection, connection.makefile("rb") as reader, \
            connection.makefile("wb") as writer:
        while len(header := reader.read(_HEADER)) == _HEADER:
            call_id, args = pickle.loads(reader.read(int.from_bytes(header, "big")))
            try:
                reply: tuple[int, bool, Any] = (call_id, True,
                                                analyse_within(function, timeout, *args))
            except Exception as exc:  # analyse_page never raises; a custom function might
                reply = (call_id, False, exc)
            try:
                data = pickle.dumps(reply, pickle.HIGHEST_PROTOCOL)
            except Exception as exc:  # an unpicklable result or exception
                data = pickle.dumps((call_id, False, RuntimeError(repr(exc))))
            writer.write(len(data).to_bytes(_HEADER, "big") + data)
            writer.flush()


def default_processes() -> int:
    """A pool size that leaves one core to the crawl process."""
    return max(1, (os.cpu_count() or 2) - 1)


def analyser_of(crawler: Crawler) -> PageAnalyser:
    """The crawl's PageAnalyser extension, which the template middleware and the pipelines
    share; a clear error when EXTENSIONS leaves it out."""
    analyser = crawler.get_extension(PageAnalyser)
    if analyser is None:
        raise RuntimeError("the PageAnalyser extension (crawler.analyse.workers.PageAnalyser) "
                           "is not in EXTENSIONS: pages cannot be analysed")
    return analyser
