"""Extensions: the run report written at the end of every crawl."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import signals

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

_GROUPS = ("items/site/", "dropped/", "skipped/", "errors/", "discovery/", "replay/", "warc/",
           "retry/")


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return value


def summarise_stats(stats: dict[str, Any]) -> dict[str, Any]:
    """The run's stats grouped for people: counters by prefix, plus the essentials."""
    report: dict[str, Any] = {
        "finish_reason": stats.get("finish_reason"),
        "start_time": _jsonable(stats.get("start_time")),
        "finish_time": _jsonable(stats.get("finish_time")),
        "elapsed_seconds": stats.get("elapsed_time_seconds"),
        "items_exported": stats.get("item_scraped_count", 0),
        "items_dropped": stats.get("item_dropped_count", 0),
        "responses": stats.get("response_received_count", 0),
    }
    for prefix in _GROUPS:
        group = {k[len(prefix):]: v for k, v in sorted(stats.items()) if k.startswith(prefix)}
        report[prefix.rstrip("/").replace("/", "_")] = group
    report["http_status"] = {
        k.rsplit("/", 1)[1]: v for k, v in sorted(stats.items())
        if k.startswith("downloader/response_status_count/")
    }
    report["stats"] = {k: _jsonable(v) for k, v in sorted(stats.items())}
    return report


class RunReport:
    """Writes ``REPORT_DIR/<spider>-<start>.json`` when the spider closes (unset: off)."""

    def __init__(self, crawler: Crawler, folder: Path):
        self.crawler = crawler
        self.folder = folder

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunReport:
        from scrapy.exceptions import NotConfigured

        folder = crawler.settings.get("REPORT_DIR")
        if not folder:
            raise NotConfigured  # no message: Scrapy logs a bare NotConfigured quietly
        extension = cls(crawler, Path(folder))
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self, spider: Spider, reason: str) -> None:
        assert self.crawler.stats is not None
        stats = dict(self.crawler.stats.get_stats())
        stats.setdefault("finish_reason", reason)
        report = summarise_stats(stats)
        started = report["start_time"] or datetime.now(UTC).isoformat()
        stamp = started.replace(":", "").replace("-", "")[:15]
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{spider.name}-{stamp}.json"
        path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
        logger.info("run report written to %s", path)
