"""Downloader middlewares: polite retries, refusing redirects that leave the network, and meta
refresh without decoding every page."""

from __future__ import annotations

import asyncio
import logging
import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from scrapy.downloadermiddlewares.redirect import (
    MetaRefreshMiddleware as ScrapyMetaRefreshMiddleware,
)
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse
from scrapy.utils.response import response_status_message

from crawler.network.sites import site_for_host

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or HTTP-date); None if absent or bad."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    """RetryMiddleware that waits before retrying: Retry-After when given, else exponential backoff.

    Settings: RETRY_BACKOFF_BASE (seconds, doubled per attempt), RETRY_BACKOFF_MAX (cap, also for
    Retry-After). The wait happens before the retry request is handed back, so the download keeps
    counting as active and the engine does not pile more requests onto a struggling site.
    """

    def __init__(self, settings: BaseSettings):
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE", 2.0)
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX", 120.0)

    def backoff_delay(self, request: Request, response: Response | None) -> float:
        attempt = request.meta.get("retry_times", 0)
        if response is not None:
            hinted = retry_after_seconds(response.headers.get("Retry-After"))
            if hinted is not None:
                return min(hinted, self.backoff_max)
        delay = self.backoff_base * (2**attempt)
        return min(delay * random.uniform(0.5, 1.0), self.backoff_max)

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        delay = self.backoff_delay(request, response)
        if delay > 0:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("retry/backoff_seconds", int(delay))
            logger.info("Backing off %.1fs before retrying %s (HTTP %s)", delay, request.url,
                        response.status)
            await asyncio.sleep(delay)
        return retry


class OffsiteRedirectMiddleware:
    """Refuse redirects that leave the crawled sites (or http/https), with a logged reason.

    Sits before RedirectMiddleware in the response chain (priority above 600).
    """

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OffsiteRedirectMiddleware:
        return cls(crawler)

    def allowed_site_keys(self) -> set[str] | None:
        spider: Any = self.crawler.spider
        sites = getattr(spider, "sites", None)
        return {site.key for site in sites} if sites else None

    def process_response(self, request: Request, response: Response) -> Response:
        location_header = response.headers.get(b"Location")
        if response.status not in (301, 302, 303, 307, 308) or not location_header:
            return response
        location = location_header.decode("latin-1")
        target = urljoin(request.url, location)
        reason = self.refusal_reason(target)
        if reason is None:
            return response
        assert self.stats is not None
        self.stats.inc_value(f"skipped/{reason}")
        logger.warning("Skipped %s: redirect to %s (%s)", request.url, target, reason)
        raise IgnoreRequest(f"{reason}: {request.url} -> {target}")

    def refusal_reason(self, target: str) -> str | None:
        parts = urlsplit(target)
        if parts.scheme not in ("http", "https"):
            return "redirect_not_http"
        site = site_for_host(parts.hostname or "")
        allowed = self.allowed_site_keys()
        if site is None or (allowed is not None and site.key not in allowed):
            return "offsite_redirect"
        return None


def _ascii_compatible(encoding: str) -> bool:
    """Whether ``encoding`` writes the letters of "refresh" in either case as ASCII does."""
    try:
        return "refreshREFRESH".encode(encoding) == b"refreshREFRESH"
    except (LookupError, UnicodeError):
        return False


class MetaRefreshMiddleware(ScrapyMetaRefreshMiddleware):
    """Scrapy's meta refresh redirects, but a page whose bytes do not contain "refresh" (in an
    encoding that writes it as ASCII does) is passed on as it is, which is what Scrapy's would
    decide after decoding the whole body, finding its base URL and parsing its first 4,096
    characters: ~3% of a crawl process's CPU, on every page, for the rare one that redirects.
    Everything else (``dont_redirect``, ``METAREFRESH_*`` settings) is Scrapy's."""

    def process_response(self, request: Request, response: Response,
                         spider: Any = None) -> Request | Response:
        # bytes.lower() changes ASCII letters only; the copy and a plain search cost 1/7 of
        # a case-insensitive regular expression's scan
        if isinstance(response, HtmlResponse) and b"refresh" not in response.body.lower() \
                and _ascii_compatible(response.encoding):
            return response
        return super().process_response(request, response)
