"""``scrapy crawl`` for this project: Scrapy's command, except that a run that cannot do its
job is refused before anything starts (no log line yet) with one line on stderr,
``arabstoday-crawler: <reason>``, and exit status 2: an invalid spider argument or setting, a
replay source that is missing or holds nothing readable, a ``via`` where nothing listens
(crawler.crawl.arguments.check_run).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, NoReturn

from scrapy.commands import crawl
from scrapy.spiderloader import get_spider_loader

from crawler.crawl.arguments import ConfigError, check_run
from crawler.crawl.spider import ArabsTodaySpider

if TYPE_CHECKING:
    import argparse


PROGRAM = "arabstoday-crawler"

#: The exit status of a run refused for its configuration (1: a run that failed its checks).
CONFIG_ERROR_EXIT = 2


def refuse(error: ConfigError) -> NoReturn:
    print(f"{PROGRAM}: {error}", file=sys.stderr, flush=True)
    sys.exit(CONFIG_ERROR_EXIT)


class Command(crawl.Command):
    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        if args and self._is_project_spider(args[0]):
            assert self.settings is not None
            try:
                check_run(opts.spargs, self.settings)
            except ConfigError as error:
                refuse(error)

    def _is_project_spider(self, name: str) -> bool:
        assert self.settings is not None
        try:
            spidercls = get_spider_loader(self.settings).load(name)
        except KeyError:
            return False  # run() says so, as Scrapy does
        return issubclass(spidercls, ArabsTodaySpider)
