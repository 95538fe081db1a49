"""Where responses come from: the network, a replay archive, or a simulator ("via").

:class:`NetworkDownloadHandler` is installed for http and https. It picks its mode
from the settings:

- ``REPLAY_PATH``: no network; every request is answered from a
  :class:`crawler.crawl.archive.ReplayArchive` (misses become flagged 404 responses). An
  article URL the archive does not hold as such is answered from another variant of it that
  the archive holds (another crawler's spelling of the URL), counted ``replay/hit_variant``.
- ``VIA_URL``: every request goes to the simulator at ``VIA_URL`` with the original
  ``Host`` and ``X-Forwarded-Proto``; responses keep the original URL.
- neither: Scrapy's own :class:`HTTP11DownloadHandler`, unchanged.

Every answered request gets ``request.meta["fetched_at"]`` (ISO 8601 UTC): the time of receipt,
or on replay the record's WARC-Date, so replayed items equal the items of the recorded crawl.
"""

from __future__ import annotations

import ipaddress
import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.http import Headers, Response
from scrapy.responsetypes import responsetypes
from scrapy.utils.httpobj import urlparse_cached

from crawler.crawl.archive import (
    REPLAY_HIT_FLAG,
    REPLAY_MISS_FLAG,
    RecordedResponse,
    ReplayArchive,
    ReplayArchiveError,
    ReplaySource,
)

if TYPE_CHECKING:

    from scrapy import Request
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


#: How many replay misses are logged one by one before only the total is reported.
REPLAY_MISS_LOG_LIMIT = 20


class NetworkDownloadHandler(BaseDownloadHandler):
    """HTTP(S) download handler with replay and simulator modes (see module docstring)."""

    lazy = False

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        settings = crawler.settings
        self.replay_path: str | list[str] | None = settings.get("REPLAY_PATH") or None
        self.via_url: str | None = settings.get("VIA_URL") or None
        self.miss_log_limit = settings.getint("REPLAY_MISS_LOG_LIMIT", REPLAY_MISS_LOG_LIMIT)
        self._replay: ReplaySource | None = None
        self._inner: HTTP11DownloadHandler | None = None
        if self.replay_path:
            self._replay = crawler.get_extension(ReplaySource)
            if self._replay is None:
                raise RuntimeError("REPLAY_PATH is set but the ReplaySource extension "
                                   "(crawler.crawl.archive.ReplaySource) is not in EXTENSIONS")
            if self.via_url:
                logger.warning("REPLAY_PATH and VIA_URL both set: replaying, VIA_URL ignored")
        else:
            if self.via_url:
                self.via_url = _check_via_url(self.via_url)
                logger.info("Sending every request via %s", self.via_url)
            self._inner = HTTP11DownloadHandler.from_crawler(crawler)

    @property
    def archive(self) -> ReplayArchive | None:
        return self._replay.archive if self._replay is not None else None

    async def download_request(self, request: Request) -> Response:
        if self._replay is not None:
            return self._answer_from_archive(request)
        assert self._inner is not None
        if self.via_url:
            forwarded = via_request(request, self.via_url)
            response = await self._inner.download_request(forwarded)
            if "download_latency" in forwarded.meta:
                request.meta["download_latency"] = forwarded.meta["download_latency"]
            request.meta["fetched_at"] = utc_now_iso()
            return response.replace(url=request.url)
        response = await self._inner.download_request(request)
        request.meta["fetched_at"] = utc_now_iso()
        return response

    async def close(self) -> None:
        state = self._replay
        if state is not None and not state.closed:
            state.closed = True  # the http and https handlers share the source: log once
            if state.misses > self.miss_log_limit:
                logger.warning(
                    "Replay: %d URLs missing from the archive (first %d logged)",
                    state.misses,
                    self.miss_log_limit,
                )
        if self._inner is not None:
            await self._inner.close()

    # ----------------------------------------------------------------- replay

    def _answer_from_archive(self, request: Request) -> Response:
        state = self._replay
        stats = self.crawler.stats
        assert state is not None and stats is not None
        try:
            if state.archive is None:
                raise ReplayArchiveError(f"no archive ({state.error}): {request.url} not served")
            recorded = state.archive.lookup(request.url)
            if recorded is None and (recorded := state.archive.lookup_article(request.url)):
                stats.inc_value("replay/hit_variant")
        except ReplayArchiveError as exc:
            stats.inc_value("replay/error")
            logger.error("Replay: %s", exc)
            return Response(url=request.url, status=404, flags=[REPLAY_MISS_FLAG])
        if recorded is None:
            state.misses += 1
            stats.inc_value("replay/miss")
            if state.misses <= self.miss_log_limit:
                logger.warning("Replay miss (not in archive): %s", request.url)
            return Response(url=request.url, status=404, flags=[REPLAY_MISS_FLAG])
        stats.inc_value("replay/hit")
        request.meta["fetched_at"] = recorded.recorded_at or utc_now_iso()
        return build_response(request.url, recorded)


def utc_now_iso() -> str:
    """Now, ISO 8601 UTC to the second: the ``fetched_at`` of a response received now."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def build_response(url: str, recorded: RecordedResponse) -> Response:
    """A Scrapy response of the right class for *recorded*, served at *url*."""
    headers = Headers()
    for name, value in recorded.headers:
        headers.appendlist(name, value)
    respcls = responsetypes.from_args(headers=headers, url=url, body=recorded.body)
    return respcls(
        url=url,
        status=recorded.status,
        headers=headers,
        body=recorded.body,
        flags=[REPLAY_HIT_FLAG],
        ip_address=_parse_ip(recorded.ip_address),
        protocol=recorded.protocol,
    )


def via_request(request: Request, via_url: str) -> Request:
    """A copy of *request* aimed at *via_url*, carrying the original Host and scheme.

    The original request is left untouched; the copy does not use any proxy.
    """
    original = urlparse_cached(request)
    target = via_url + (original.path or "/")
    if original.query:
        target += "?" + original.query
    headers = request.headers.copy()
    headers[b"Host"] = original.netloc.rsplit("@", 1)[-1]
    headers[b"X-Forwarded-Proto"] = original.scheme
    meta = {key: value for key, value in request.meta.items() if key != "proxy"}
    return request.replace(url=target, headers=headers, meta=meta)


def _check_via_url(via_url: str) -> str:
    parts = urlsplit(via_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"VIA_URL must be an absolute http(s) URL, got {via_url!r}")
    return via_url.rstrip("/")


def _parse_ip(value: str | None) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    if not value:
        return None
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None
