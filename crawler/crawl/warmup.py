"""Template warm-up: a spider middleware that shows every fetched page to the site's template
and holds a cold site's pages back until its template can be trusted, so a fresh run does not
emit dirty first pages. Held pages are released once the site is warm, or when the crawl runs
out of work.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from typing import TYPE_CHECKING, Any

from scrapy import Request, signals
from scrapy.exceptions import DontCloseSpider

from crawler.analyse.page import FetchedPage
from crawler.analyse.templates import learning_of
from crawler.analyse.workers import analyser_of

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)


FLUSH_URL = "data:text/plain,template-warmup-flush"


class TemplateWarmupMiddleware:
    """Observes fetched pages; holds a cold site's pages until its template can be trusted."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.store = learning_of(crawler)
        self.analyser = analyser_of(crawler)
        self.warmup = crawler.settings.getint("TEMPLATE_WARMUP_PAGES", 8)
        self.held: dict[str, list[FetchedPage]] = {}
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> TemplateWarmupMiddleware:
        return cls(crawler)

    async def process_spider_output(self, response: Response, result: AsyncIterator[Any]
                                    ) -> AsyncIterator[Any]:
        async for output in result:
            if not isinstance(output, FetchedPage):
                yield output
                continue
            if response.meta.get("template_flush"):
                yield output  # a page released by the flush below: observed already
                continue
            output.analysis = await self.analyser.analyse(output)
            template = self.store.site(output.site)
            template.observe(output.analysis.fingerprints)
            if template.pages >= self.warmup and not self.held.get(output.site):
                yield output
                continue
            held = self.held.setdefault(output.site, [])
            held.append(output)
            if template.pages >= self.warmup:
                logger.info("template for %s learnt from %d pages; releasing %d held pages",
                            output.site, template.pages, len(held))
                for page in self.held.pop(output.site):
                    yield page

    def spider_idle(self, spider: Spider) -> None:
        """Out of work with pages still held: release them through one local data: request."""
        if not any(self.held.values()):
            return
        assert self.crawler.engine is not None
        self.crawler.engine.crawl(Request(FLUSH_URL, callback=self.release, dont_filter=True,
                                          meta={"template_flush": True}))
        raise DontCloseSpider

    def release(self, response: Response) -> Iterable[FetchedPage]:
        held, self.held = self.held, {}
        for site, pages in held.items():
            logger.info("releasing %d held pages of %s (template from %d pages)",
                        len(pages), site, self.store.site(site).pages)
            yield from pages

    def spider_closed(self, spider: Spider) -> None:
        held = sum(len(pages) for pages in self.held.values())
        if held:  # the crawl was stopped early (page limit, signal) while a site was still cold
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("template/held_at_close", held)
            logger.warning("%d pages held for template warm-up were not exported; they are not "
                           "marked as seen, so the next run fetches them again", held)
