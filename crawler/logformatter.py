"""Log lines for drops that name the page and the reason, not the whole page's HTML."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.logformatter import LogFormatter, LogFormatterResult


class ArticleLogFormatter(LogFormatter):
    """Scrapy's formatter, but a dropped item is logged by its reason and URL only.

    The pipelines' DropItem messages already carry both; Scrapy's default would also print the
    item, which for a fetched page is its whole HTML. Pipelines log drops at WARNING themselves.
    """

    def dropped(self, item: Any, exception: BaseException, response: Any,
                spider: Any = None) -> LogFormatterResult:
        return {"level": logging.DEBUG, "msg": "Dropped: %(exception)s",
                "args": {"exception": exception}}
