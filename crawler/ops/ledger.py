"""The failure ledger: every article request followed to its end, exported or failed with a
reason (``http_503``, ``TimeoutError``, ``download_maxsize``, ``redirect_loop``,
``robots_forbidden``, a drop reason ...). At close it writes ``failed/<reason>`` counters and
``failed_articles`` (url, reason, retries) into the stats, so the run report lists every article
that was retried and still lost, with its reason.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError

from crawler.crawl.signals import item_exported, page_failed
from crawler.network.sites import site_for_host

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from twisted.python.failure import Failure
logger = logging.getLogger(__name__)



_IGNORE_REASONS = (
    ("offsite_redirect", "offsite_redirect"),
    ("redirect_not_http", "redirect_not_http"),
    ("forbidden by robots.txt", "robots_forbidden"),
    ("max redirections", "redirect_loop"),
    ("max size", "download_maxsize"),
    ("download_maxsize", "download_maxsize"),
)


_DROP_REASON = re.compile(r"dropped \(([^)]+)\)")


def failure_reason(failure: Failure) -> str:
    """A short reason code for a failed request."""
    if failure.check(HttpError):
        return f"http_{failure.value.response.status}"  # type: ignore[union-attr]
    message = str(failure.value).lower()
    if "larger than download max size" in message:
        return "download_maxsize"
    if failure.check(IgnoreRequest):
        for needle, reason in _IGNORE_REASONS:
            if needle in message:
                return reason
        return "ignored"
    return failure.type.__name__ if failure.type else "unknown"


def _is_article(request: Request) -> bool:
    return "discovery" in request.meta and not request.meta.get("discovery_page")


def _origin(request: Request) -> str:
    return str((request.meta.get("redirect_urls") or [request.url])[0])


class FailureLedger:
    """Extension: the end of every article request, exported or failed with a reason."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.failed: dict[str, tuple[str, int]] = {}
        self.exported: set[str] = set()
        self.origin_of: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FailureLedger:
        ledger = cls(crawler)
        connect = crawler.signals.connect
        connect(ledger.response_received, signal=signals.response_received)
        connect(ledger.item_exported, signal=item_exported)
        connect(ledger.item_dropped, signal=signals.item_dropped)
        connect(ledger.request_dropped, signal=signals.request_dropped)
        connect(ledger.request_scheduled, signal=signals.request_scheduled)
        connect(ledger.spider_error, signal=signals.spider_error)
        connect(ledger.page_failed, signal=page_failed)
        connect(ledger.spider_closed, signal=signals.spider_closed)
        return ledger

    def fail(self, url: str, reason: str, retries: int = 0) -> None:
        if url not in self.exported:
            self.failed.setdefault(url, (reason, retries))

    def response_received(self, response: Response, request: Request) -> None:
        if _is_article(request):
            self.origin_of[response.url] = _origin(request)

    def _item_origin(self, item: Any, response: Response | None) -> str | None:
        """The article request an item came from: found by the item's URL (the ``response``
        of the signal is not always the item's own), else by the response."""
        url = getattr(item, "url", None) or (item.get("url") if isinstance(item, dict) else None)
        if url and url in self.origin_of:
            return self.origin_of[url]
        request = getattr(response, "request", None)
        return _origin(request) if request is not None and _is_article(request) else None

    def item_exported(self, item: Any, response: Response | None = None) -> None:
        if url := self._item_origin(item, response):
            self.exported.add(url)
            self.failed.pop(url, None)

    def item_dropped(self, item: Any, response: Response | None, exception: Exception) -> None:
        if url := self._item_origin(item, response):
            match = _DROP_REASON.search(str(exception))
            self.fail(url, match.group(1) if match else type(exception).__name__)

    def request_dropped(self, request: Request) -> None:
        redirects = request.meta.get("redirect_urls")
        if redirects and _is_article(request):  # a redirect back to a URL already requested
            reason = "redirect_loop" if request.url in redirects else "redirect_duplicate"
            self.fail(_origin(request), reason)

    def request_scheduled(self, request: Request) -> None:
        """A redirect (e.g. a meta refresh) off the crawled sites: Scrapy's OffsiteMiddleware
        drops it silently when it is scheduled; record why the article is lost."""
        if not request.meta.get("redirect_urls") or not _is_article(request):
            return
        site = site_for_host(urlsplit(request.url).hostname or "")
        allowed = {s.key for s in getattr(self.crawler.spider, "sites", ())}
        if site is None or (allowed and site.key not in allowed):
            self.fail(_origin(request), "offsite_redirect")

    def spider_error(self, failure: Failure, response: Response) -> None:
        request = response.request
        if request is not None and _is_article(request):
            self.fail(_origin(request), "spider_error")

    def page_failed(self, url: str, reason: str | None = None,
                    failure: Failure | None = None) -> None:
        request: Request | None = getattr(failure, "request", None)
        if request is not None:
            if _is_article(request):
                assert failure is not None
                self.fail(_origin(request), failure_reason(failure),
                          request.meta.get("retry_times", 0))
        elif url in self.origin_of:
            self.fail(self.origin_of[url], reason or "skipped")

    def spider_closed(self, spider: Spider) -> None:
        stats = self.crawler.stats
        assert stats is not None
        failed = sorted(self.failed.items())
        for _, (reason, _retries) in failed:
            stats.inc_value(f"failed/{reason}")
        if failed:
            stats.set_value("failed_articles", [
                {"url": url, "reason": reason, "retries": retries}
                for url, (reason, retries) in failed])
            logger.warning("%d articles not exported (reasons in the run report)", len(failed))
