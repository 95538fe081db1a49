"""WARC recording: every downloaded request/response pair into a WARC/1.1 file
(``WARC_OUTPUT``), bodies exactly as received (still compressed).
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from http import HTTPStatus
from importlib import metadata
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import NotConfigured
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.crawl.archive import REPLAY_MISS_FLAG

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)


# Settings copied into the warcinfo record: the ones that change what a crawl fetches.
_WARCINFO_SETTINGS = (
    "BOT_NAME",
    "ROBOTSTXT_OBEY",
    "DOWNLOAD_DELAY",
    "CONCURRENT_REQUESTS",
    "CONCURRENT_REQUESTS_PER_DOMAIN",
    "AUTOTHROTTLE_ENABLED",
    "DOWNLOAD_MAXSIZE",
    "DOWNLOAD_TIMEOUT",
    "MAX_LISTING_PAGES",
    "VIA_URL",
    "REPLAY_PATH",
)


class WarcRecorderMiddleware:
    """Downloader middleware writing each request/response pair into a WARC/1.1 file.

    Sits at 950, next to the download handler: it sees headers and body as received
    (``Content-Encoding`` kept, body still compressed) and every redirect hop.
    """

    def __init__(self, crawler: Crawler, path: Path) -> None:
        """Open *path* for writing (parent folders created); OSError if that fails."""
        self.crawler = crawler
        self.path = path
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._stream: BinaryIO | None = self.path.open("wb")
        gzip = not self.path.name.lower().endswith(".warc")
        self._writer: WARCWriter | None = WARCWriter(self._stream, gzip=gzip, warc_version="1.1")
        self.records = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Build from ``WARC_OUTPUT``; a bad path stops the crawl before it starts."""
        output = crawler.settings.get("WARC_OUTPUT")
        if not output:
            raise NotConfigured  # no message: Scrapy logs a bare NotConfigured quietly
        name = getattr(crawler.spider, "name", None) or crawler.settings.get("BOT_NAME")
        middleware = cls(crawler, warc_output_path(str(output), str(name)))
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_opened(self, spider: Spider) -> None:
        if self._writer is None:
            return
        info = self._warcinfo(spider)
        self._write(self._writer.create_warcinfo_record(self.path.name, info))
        logger.info("WARC: recording responses into %s", self.path)

    def spider_closed(self, spider: Spider) -> None:
        if self._stream is None:
            return
        self._stream.close()
        self._stream = self._writer = None
        logger.info("WARC: wrote %d records to %s", self.records, self.path)

    def process_response(self, request: Request, response: Response) -> Response:
        if REPLAY_MISS_FLAG in response.flags or self._writer is None:
            return response
        try:
            self._record(request, response)
        except Exception:
            # Recording must never break the crawl; the error is logged and counted.
            logger.exception("WARC: failed to record %s", response.url)
            self.crawler.stats.inc_value("warc/errors")
        return response

    def _record(self, request: Request, response: Response) -> None:
        assert self._writer is not None
        fetched_at = request.meta.get("fetched_at")
        warc_headers = {"WARC-Date": fetched_at or self._writer.curr_warc_date()}
        if response.ip_address is not None:
            warc_headers["WARC-IP-Address"] = str(response.ip_address)
        if {"partial", "dataloss", "download_stopped"} & set(response.flags):
            warc_headers["WARC-Truncated"] = "unspecified"
        response_record = self._writer.create_warc_record(
            request.url,
            "response",
            payload=BytesIO(response.body),
            http_headers=response_http_headers(response),
            warc_headers_dict=warc_headers,
        )
        request_record = self._writer.create_warc_record(
            request.url,
            "request",
            payload=BytesIO(request.body),
            http_headers=request_http_headers(request),
            warc_headers_dict={"WARC-Date": warc_headers["WARC-Date"]},
        )
        response_id = response_record.rec_headers.get_header("WARC-Record-ID")
        request_record.rec_headers.add_header("WARC-Concurrent-To", response_id)
        self._write(request_record)
        self._write(response_record)
        self.crawler.stats.inc_value("warc/responses")

    def _write(self, record: Any) -> None:
        assert self._writer is not None and self._stream is not None
        self._writer.write_record(record)
        self._stream.flush()
        self.records += 1
        self.crawler.stats.inc_value("warc/records")

    def _warcinfo(self, spider: Spider) -> dict[str, str]:
        settings = self.crawler.settings
        chosen = {name: settings.get(name) for name in _WARCINFO_SETTINGS}
        return {
            "software": f"arabstoday-crawler/{_version('arabstoday-crawler')} "
            f"(Scrapy {_version('scrapy')}; warcio {_version('warcio')})",
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/"
            "warc-format/warc-1.1/",
            "isPartOf": spider.name,
            "robots": "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore",
            "http-header-user-agent": str(settings.get("USER_AGENT") or ""),
            "operator": str(settings.get("CONTACT") or ""),
            "scrapy-settings": json.dumps(chosen, sort_keys=True, default=str),
        }


def warc_output_path(template: str, spider_name: str) -> Path:
    """``WARC_OUTPUT`` with ``%(time)s`` (UTC, like Scrapy feeds) and ``%(name)s`` filled in."""
    now = datetime.now(UTC).replace(microsecond=0)
    try:
        return Path(template % {"time": now.isoformat().replace(":", "-"), "name": spider_name})
    except (KeyError, ValueError, TypeError) as exc:
        raise ValueError(
            f"WARC_OUTPUT {template!r}: only %(time)s and %(name)s placeholders are allowed"
        ) from exc


def response_http_headers(response: Response) -> StatusAndHeaders:
    """Status line and headers of *response* as received.

    The body reaches Scrapy de-chunked. Twisted already drops ``Transfer-Encoding``;
    should another handler keep it, it is renamed ``X-Archive-Orig-Transfer-Encoding``
    (the pywb convention) so readers do not de-chunk a body that is not chunked.
    Non-ASCII header values come out percent-encoded (warcio writes ASCII headers).
    """
    protocol = response.protocol or "HTTP/1.1"
    try:
        reason = HTTPStatus(response.status).phrase
    except ValueError:
        reason = ""
    headers: list[tuple[str, str]] = []
    for name, values in response.headers.items():
        text_name = _header_text(name)
        if text_name.lower() == "transfer-encoding":
            text_name = "X-Archive-Orig-Transfer-Encoding"
        headers.extend((text_name, _header_text(value)) for value in values)
    statusline = f"{response.status} {reason}".strip()
    return StatusAndHeaders(statusline, headers, protocol=protocol)


def request_http_headers(request: Request) -> StatusAndHeaders:
    """Request line and headers of *request* as sent (Host first, as Twisted sends it)."""
    parts = urlsplit(request.url)
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    headers: list[tuple[str, str]] = []
    if b"Host" not in request.headers:
        headers.append(("Host", parts.netloc.rsplit("@", 1)[-1]))
    for name, values in request.headers.items():
        headers.extend((_header_text(name), _header_text(value)) for value in values)
    # With is_http_request, warcio splits the method off the line and writes it back first.
    return StatusAndHeaders(f"{request.method} {target} HTTP/1.1", headers, is_http_request=True)


def _header_text(raw: bytes) -> str:
    """Header bytes as text. warcio writes headers as ASCII and percent-encodes any
    non-ASCII value as UTF-8, so UTF-8 is tried first (raw Arabic in ``Location``)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"
