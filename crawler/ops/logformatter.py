"""Log lines for drops that name the page and the reason, not the whole page's HTML; no log
record built for a page or item that no handler would show."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.logformatter import LogFormatter, LogFormatterResult

from crawler.ops.secrets import may_be_emitted


class ArticleLogFormatter(LogFormatter):
    """Scrapy's formatter, but a dropped item is logged by its reason and URL only, and the
    DEBUG lines for every response ("Crawled (200) ...") and item ("Scraped from ...") are only
    built when a handler would show them (at the default LOG_LEVEL INFO none does: building and
    discarding two log records per article is ~1% of a crawl process's CPU).

    The pipelines' DropItem messages already carry both; Scrapy's default would also print the
    item, which for a fetched page is its whole HTML. Pipelines log drops at WARNING themselves.
    """

    # None is "do not log" for every LogFormatter method (Scrapy's documentation and the
    # engine's and scraper's code); Scrapy's annotations do not say so.
    def crawled(self, request: Any, response: Any, spider: Any = None  # type: ignore[override]
                ) -> LogFormatterResult | None:
        if not may_be_emitted("scrapy.core.engine", logging.DEBUG):
            return None
        return super().crawled(request, response, spider)

    def scraped(self, item: Any, response: Any, spider: Any = None  # type: ignore[override]
                ) -> LogFormatterResult | None:
        if not may_be_emitted("scrapy.core.scraper", logging.DEBUG):
            return None
        return super().scraped(item, response, spider)

    def dropped(self, item: Any, exception: BaseException, response: Any,
                spider: Any = None) -> LogFormatterResult:
        return {"level": logging.DEBUG, "msg": "Dropped: %(exception)s",
                "args": {"exception": exception}}
