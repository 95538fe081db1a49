"""Before a crawl appends (``-o``) to an output file, a torn last line is cut and articles in the
file but missing from the seen-store are recorded, so the same command after a ``kill -9``
exports every article exactly once.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from w3lib.url import file_uri_to_path

from crawler.crawl.incremental import incremental_enabled
from crawler.export.storage import cut_torn_tail
from crawler.store.seen import SeenRecord, SeenStore, open_seen_store

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector
logger = logging.getLogger(__name__)



def recover_output(path: Path, store: SeenStore | None,
                   stats: StatsCollector | None = None) -> tuple[int, int]:
    """Repair an output file a crashed run appended to: cut a torn last line, and record every
    article in the file that the seen-store lacks (the crash came between writing its line and
    recording it). Returns (bytes cut, records added)."""
    removed = cut_torn_tail(str(path))
    if removed:
        logger.warning("removed an unfinished last line (%d bytes) from %s", removed, path)
    added = 0
    if store is not None:
        with path.open("rb") as lines:
            for line in lines:
                try:
                    item = json.loads(line)
                    article_id = item["id"]
                except (ValueError, KeyError, TypeError):
                    continue
                if article_id not in store:
                    store.put(SeenRecord.from_item(item, item.get("fetched_at") or ""))
                    added += 1
    if added:
        logger.warning("recorded %d articles found in %s but missing from the seen-store "
                       "(a crash came between writing and recording them)", added, path)
    if stats is not None:
        stats.inc_value("recovery/torn_line_bytes", removed)
        stats.inc_value("recovery/seen_records_added", added)
    return removed, added


class OutputRecovery:
    """Extension: before the crawl starts, repair every local output it appends to (``-o``)."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> OutputRecovery:
        settings = crawler.settings
        store = open_seen_store(settings) if incremental_enabled(settings) else None
        try:
            cls.recover(crawler, store)
        finally:
            if store is not None:
                store.close()
        return cls()

    @staticmethod
    def recover(crawler: Crawler, store: SeenStore | None) -> None:
        feeds = crawler.settings.getdict("FEEDS")
        for uri, options in feeds.items():
            uri = str(uri)
            if (options or {}).get("overwrite") or "%(" in uri:
                continue
            parsed = urlsplit(uri)
            if parsed.scheme not in ("", "file") and len(parsed.scheme) > 1:
                continue  # remote storage; one-letter schemes are Windows drives
            path = Path(file_uri_to_path(uri) if uri.startswith("file:") else uri)
            if path.is_file():
                recover_output(path, store, crawler.stats)
