"""The crawl-end hook: with ``REVIEW_DIR`` set and the crawl recorded (``WARC_OUTPUT``), the
review site of the crawl's own items and the WARC it wrote is written when the engine stops
(after the WARC is closed and the run report written, both on ``spider_closed``).

The items are spooled to a file as they are scraped and kept as ``REVIEW_DIR/items.jsonl``, so
the site can be built again with ``crawler review``. Without ``WARC_OUTPUT`` the extension says
why in one warning line and does nothing else.
"""

from __future__ import annotations

import json
import logging
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import NotConfigured

from crawler.crawl.recorder import WarcRecorderMiddleware
from crawler.ops.report import RunReport
from crawler.review.inputs import ReviewInputError, open_archive, read_items, read_report
from crawler.review.site import build_site

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

ITEMS_FILE = "items.jsonl"


class ReviewSite:
    """Extension: writes ``REVIEW_DIR`` at the end of a crawl recorded with ``WARC_OUTPUT``."""

    def __init__(self, crawler: Crawler, folder: Path):
        self.crawler = crawler
        self.folder = folder
        spool = tempfile.NamedTemporaryFile(  # noqa: SIM115 (open for the whole crawl)
            "w", encoding="utf-8", prefix="review-items-", suffix=".jsonl", delete=False)
        self.spool = spool
        self.spool_path = Path(spool.name)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ReviewSite:
        folder = crawler.settings.get("REVIEW_DIR")
        if not folder:
            raise NotConfigured
        if not crawler.settings.get("WARC_OUTPUT"):
            raise NotConfigured(  # Scrapy logs it as one warning line
                "REVIEW_DIR is set but WARC_OUTPUT is not: the review site shows the recorded "
                "pages, so no site is written (record with -s WARC_OUTPUT=FILE, or run "
                "crawler review ITEMS --replay SOURCE -o DIR)")
        extension = cls(crawler, Path(folder))
        crawler.signals.connect(extension.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        return extension

    def item_scraped(self, item: Any) -> None:
        line = json.dumps(ItemAdapter(item).asdict(), ensure_ascii=False, default=str)
        self.spool.write(line + "\n")

    def engine_stopped(self) -> None:
        self.spool.close()
        try:
            self.build()
        except ReviewInputError as exc:
            logger.error("review site not written: %s", exc)
        except Exception:  # the crawl is over: a broken site must not hide its result
            logger.exception("review site not written to %s", self.folder)
        finally:
            self.spool_path.unlink(missing_ok=True)

    def build(self) -> None:
        warc = self.warc_path()
        if warc is None or not warc.exists():
            raise ReviewInputError(f"the recorded WARC ({warc or 'unknown path'}) is not there")
        report_extension = self.crawler.get_extension(RunReport)
        report_path = getattr(report_extension, "path", None)
        report = read_report(report_path) if report_path and report_path.exists() else None
        items = read_items(self.spool_path)
        items_path = self.folder / ITEMS_FILE
        logger.info("review site: %d items, pages from %s", len(items.items), warc)
        result = build_site(items.items, self.folder, open_archive([warc]),
                            sources=[str(warc)], items_path=str(items_path), report=report)
        shutil.copyfile(self.spool_path, items_path)
        logger.info("%s", result.summary())
        if self.crawler.settings.getbool("REPORT_PRINT_SUMMARY", True):
            print(result.summary(), file=sys.stderr, flush=True)

    def warc_path(self) -> Path | None:
        """The file the crawl's WARC recorder wrote (``WARC_OUTPUT`` with its time filled in)."""
        engine = self.crawler.engine
        manager = getattr(getattr(engine, "downloader", None), "middleware", None)
        for middleware in getattr(manager, "middlewares", ()):
            if isinstance(middleware, WarcRecorderMiddleware):
                return middleware.path
        return None
