"""The ``arabstoday`` spider: every site of the network, discovered through robots.txt sitemaps,
feeds and listing pages, fetched once per canonical article URL.

Arguments (``-a name=value``):
  sites      comma-separated site keys (default: every confirmed site)
  since      YYYY-MM-DD: skip articles discovered with, or extracted with, an earlier date
  max_items  stop after N exported articles
  via        URL of a local simulator; every request goes there, items keep the real URLs
  replay     WARC file(s), saved pages or folder to answer every request from, with no network;
             archived articles that discovery does not reach are requested too
  channels   comma-separated subset of robots,feeds,listings (default: all)
  dedup      mark (default: set cluster_id / duplicate_of), drop (drop copies) or off
  refresh    1: with INCREMENTAL, fetch exported articles again (changed ones get a new version)

A bad argument or setting raises crawler.crawl.arguments.ConfigError (one line).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.http import HtmlResponse, Request, Response, TextResponse
from scrapy.settings import SETTINGS_PRIORITIES
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.httpobj import urlparse_cached
from twisted.python.failure import Failure
from w3lib.encoding import http_content_type_encoding

from crawler import __version__
from crawler.analyse.page import FetchedPage
from crawler.crawl.archive import ReplayArchive, ReplaySource
from crawler.crawl.arguments import check_settings, parse_spider_arguments
from crawler.crawl.discovery.feeds import FeedEntry, parse_feed
from crawler.crawl.discovery.listings import parse_listing
from crawler.crawl.discovery.sitemaps import SitemapEntry, parse_sitemap, sitemap_urls_from_robots
from crawler.crawl.download import utc_now_iso
from crawler.crawl.incremental import Incremental
from crawler.crawl.signals import page_failed
from crawler.extract.page import decode_html_counted, is_binary
from crawler.extras import require as require_extra
from crawler.network.sites import SITES, Site, site_for_host
from crawler.network.urls import NotAnArticleURL, on_canonical_host, parse_article_url

logger = logging.getLogger(__name__)


# Request priorities (higher first): finish what is known before discovering more, so the
# queue stays short and items flow early; robots.txt first because it names the sitemaps.
PRIORITY_ROBOTS = 100

PRIORITY_ARTICLE = 50

PRIORITY_FEED = 40

PRIORITY_SITEMAP = 30

PRIORITY_LISTING = 10


def honest_user_agent(contact: str | None) -> str:
    """The User-Agent: this crawler's name and version, and how to reach whoever runs it."""
    return f"arabstoday-crawler/{__version__} (+{contact or 'no contact given'})"


class ArabsTodaySpider(scrapy.Spider):
    name = "arabstoday"

    def __init__(
        self,
        sites: str | None = None,
        since: str | None = None,
        max_items: str | int | None = None,
        via: str | None = None,
        replay: str | None = None,
        channels: str | None = None,
        dedup: str | None = None,
        refresh: str | None = None,
        **kwargs: Any,
    ):
        given = {"sites": sites, "since": since, "max_items": max_items, "via": via,
                 "replay": replay, "channels": channels, "dedup": dedup, "refresh": refresh}
        arguments = parse_spider_arguments({**kwargs, **given})
        super().__init__(**kwargs)
        self.sites_given = arguments.sites_given
        self.sites: tuple[Site, ...] = arguments.sites
        self.since = arguments.since
        self.max_items = arguments.max_items
        self.via = arguments.via
        self.replay = arguments.replay
        self.channels = arguments.channels
        self.dedup = arguments.dedup  # read by the DedupPipeline
        self.refresh = arguments.refresh
        self.allowed_domains = [site.domain for site in self.sites]
        self.pending_discovery: dict[str, int] = {}
        self.seen_discovery: set[str] = set()
        self.held_articles: dict[str, dict[str, list[dict[str, Any]]]] = {}
        self.budgets = DiscoveryBudgets()
        self.sitemaps_requested: dict[str, int] = {}
        self.listings_requested: dict[str, int] = {}
        self.released: set[str] = set()
        """Sites whose held articles went out early, when a discovery budget was hit."""
        self.distributed: Any = None  # crawler.crawl.distributed.Coordinator when REDIS_URL is set
        self.reached_articles: set[str] | None = None  # on replay: see note_reached
        self.archive_seeded = False

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> ArabsTodaySpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        check_settings(settings)
        if spider.replay:
            settings.set("REPLAY_PATH", spider.replay, priority="spider")
        if spider.via:
            settings.set("VIA_URL", spider.via, priority="spider")
        if (settings.getpriority("USER_AGENT") or 0) < SETTINGS_PRIORITIES["cmdline"]:
            settings.set("USER_AGENT", honest_user_agent(settings.get("CONTACT")),
                         priority="spider")
        if settings.get("REPLAY_PATH") or settings.get("VIA_URL"):
            # No live site is touched: politeness delays only slow the run down.
            for name, value in (("DOWNLOAD_DELAY", 0), ("AUTOTHROTTLE_ENABLED", False),
                                ("CONCURRENT_REQUESTS_PER_DOMAIN", 8)):
                settings.set(name, value, priority="spider")
        spider.budgets = DiscoveryBudgets.from_settings(settings)
        if spider.max_items:
            settings.set("CLOSESPIDER_ITEMCOUNT", spider.max_items, priority="spider")
        if settings.get("REDIS_URL"):
            require_extra("redis", "distributed mode (REDIS_URL)")
            from crawler.crawl import distributed

            spider.distributed = distributed.enable(crawler, spider)
        if settings.get("REPLAY_PATH"):
            spider.reached_articles = set()
            # After the coordinator's idle handler, which says whether the whole run is idle.
            crawler.signals.connect(spider.seed_archived_articles, signal=signals.spider_idle)
            crawler.signals.connect(spider.seed_dropped, signal=signals.request_dropped)
        return spider

    def use_archived_sites(self, archive: ReplayArchive | None) -> None:
        """On replay without ``-a sites``, crawl the sites the archive holds, not all twelve."""
        if archive is None:
            return
        keys = {site.key for url in archive.urls()
                if (site := site_for_host(urlsplit(url).hostname or ""))}
        archived = tuple(site for site in SITES if site.key in keys)
        if archived:
            self.sites = archived
            self.allowed_domains = [site.domain for site in archived]
            logger.info("replaying the archived sites: %s", ", ".join(s.key for s in archived))

    # -- replay: what the archive holds beyond discovery --------------------------------------
    #
    # Discovery only reaches pages that robots.txt, sitemaps, feeds or listings in the archive
    # link; a folder of saved pages has none of them. Once the crawl is out of work (discovery,
    # listings and the articles they found are done, so those keep the hints a full crawl gives
    # them), every archived article of the crawled sites that discovery did not reach is
    # requested, without hints (nothing listed it), through the same checks as any article.

    def seed_archived_articles(self) -> None:
        """spider_idle: request the archived articles discovery did not reach, once."""
        if self.archive_seeded:
            return
        if self.distributed is not None and self.distributed.waiting:
            return  # other workers are still discovering: seed when the whole run is idle
        replay = self.crawler.get_extension(ReplaySource)
        if replay is None or replay.archive is None:
            return
        self.archive_seeded = True
        requests = list(self.archived_article_requests(replay.archive))
        if not requests:
            return
        logger.info("replay: requesting %d archived articles that discovery did not reach",
                    len(requests))
        assert self.crawler.engine is not None
        for request in requests:
            self.count("replay/seeded")
            self.crawler.engine.crawl(request)
        raise DontCloseSpider

    def note_reached(self, url: str) -> None:
        """On replay, an article discovery reached (or a redirect led to) is not seeded."""
        if self.reached_articles is not None:
            self.reached_articles.add(url)

    def archived_article_requests(self, archive: ReplayArchive) -> Iterator[Request]:
        reached = self.reached_articles
        assert reached is not None, "set on replay, in from_crawler"
        wanted = {site.key: site for site in self.sites}
        for url in archive.urls():
            try:
                article = parse_article_url(url)
            except NotAnArticleURL:
                continue
            site = wanted.get(article.site.key)
            if site is None or article.url in reached:
                continue
            if request := self.article_request(article.url, site, {}):
                request.meta["replay_seeded"] = True
                yield request

    def seed_dropped(self, request: Request) -> None:
        """request_dropped: a seeded request the dupefilter refused was not requested."""
        if request.meta.get("replay_seeded"):
            self.count("replay/seeded", -1)

    # -- seeds -----------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[Request]:
        replay = self.crawler.get_extension(ReplaySource)
        if replay is not None and not self.sites_given:
            self.use_archived_sites(replay.archive)
        for site in self.sites:
            seeds: list[Request] = []
            if "robots" in self.channels:
                seeds.append(self.discovery_request(site.url("/robots.txt"), site,
                                                    self.parse_robots, PRIORITY_ROBOTS))
            if "feeds" in self.channels:
                seeds.extend(self.discovery_request(site.url(path), site, self.parse_feed,
                                                    PRIORITY_FEED) for path in site.feeds)
            if seeds:
                for request in seeds:
                    yield request
            else:
                for request in self.finish_discovery(site):
                    yield request

    # -- discovery -------------------------------------------------------------------------
    #
    # Per site, robots.txt, sitemaps and feeds are read first (the discovery phase) and the
    # articles they list are held back with their metadata until the phase ends; then those
    # articles and the listing pages are requested. An article listed by a feed therefore always
    # carries the feed's metadata, whatever order responses arrive in, so a replay gives the
    # same items as the crawl it replays. Discovery requests bypass the dupefilter (this spider
    # dedupes them itself) so that every one of them reliably ends the phase's count. With
    # REDIS_URL (crawler.crawl.distributed) the count and the held articles live in Redis and
    # discovery requests go through the shared dupefilter, so that each is fetched by one worker.
    #
    # What a site can make discovery do is bounded per site (DiscoveryBudgets). The first budget
    # hit releases the held articles at once, so articles never wait on an endless discovery;
    # one found after that is requested with the hints of its own page only.

    def discovery_request(self, url: str, site: Site, callback: Any, priority: int,
                          optional: bool = False, sitemap_depth: int = 0) -> Request:
        self.pending_discovery[site.key] = self.pending_discovery.get(site.key, 0) + 1
        self.seen_discovery.add(url)
        if callback == self.parse_sitemap:
            self.sitemaps_requested[site.key] = self.sitemaps_requested.get(site.key, 0) + 1
        if self.distributed is not None:  # shared queue: the Redis dupefilter dedupes pages
            self.distributed.add_discovery(site.key, url)
        return Request(url, callback, priority=priority, dont_filter=self.distributed is None,
                       errback=self.on_discovery_error,
                       meta={"site": site.key, "optional": optional, "discovery_page": True,
                             "discovery_url": url, "sitemap_depth": sitemap_depth})

    def follow_discovery(self, url: str, site: Site, callback: Any, priority: int,
                         optional: bool = False, sitemap_depth: int = 0) -> list[Request]:
        if url in self.seen_discovery:
            self.count("discovery/duplicate_discovery_page")
            return []
        budgets = self.budgets
        if self.pending_discovery.get(site.key, 0) >= budgets.max_queued:
            self.budget_hit(site, "discovery_queued", budgets.max_queued)
            return []
        if callback == self.parse_sitemap:
            if sitemap_depth > budgets.max_sitemap_depth:
                self.budget_hit(site, "sitemap_depth", budgets.max_sitemap_depth)
                return []
            if self.sitemaps_requested.get(site.key, 0) >= budgets.max_sitemaps:
                self.budget_hit(site, "sitemaps", budgets.max_sitemaps)
                return []
        return [self.discovery_request(url, site, callback, priority, optional, sitemap_depth)]

    def budget_hit(self, site: Site, name: str, limit: int) -> None:
        """A discovery budget stopped a link: counted per budget and site, logged once, and the
        site's held articles go out at the end of this page (they never wait on discovery)."""
        key = f"budget/{name}/{site.key}"
        assert self.crawler.stats is not None
        if not self.crawler.stats.get_value(key):
            logger.warning("%s: discovery budget %s (%d) reached; links past it are dropped and "
                           "the articles found so far are crawled now", site.key, name, limit)
        self.count(key)
        if self.distributed is None:  # distributed: held articles live in Redis until the end
            self.released.add(site.key)

    def discovery_done(self, site: Site, new: list[Request]) -> list[Request]:
        """Account for one finished discovery page; release the site when it was the last."""
        if self.distributed is not None:  # the count and the held articles live in Redis
            if not self.distributed.discovery_done(site.key, self.held_articles.pop(site.key, {})):
                return new
            self.held_articles[site.key] = self.distributed.held(site.key)
            return [*new, *self.finish_discovery(site)]
        self.pending_discovery[site.key] -= 1
        if self.pending_discovery[site.key] == 0:
            return [*new, *self.finish_discovery(site)]
        if site.key in self.released and self.held_articles.get(site.key):
            return [*new, *self.release_held(site)]
        return new

    def release_held(self, site: Site) -> Iterator[Request]:
        """Request the site's held articles now; those found later are requested at once."""
        held = self.held_articles.pop(site.key, {})
        if held:
            self.count("discovery/released_early", len(held))
            logger.info("%s: %d held articles released before discovery ends", site.key,
                        len(held))
        for url, hints in held.items():
            if request := self.article_request(url, site, merge_hints(hints)):
                yield request

    def finish_discovery(self, site: Site) -> Iterator[Request]:
        self.count("discovery/phase_complete")
        held = self.held_articles.pop(site.key, {})
        logger.info("%s: discovery done, %d articles from sitemaps and feeds", site.key, len(held))
        for url, hints in held.items():
            if request := self.article_request(url, site, merge_hints(hints)):
                yield request
        if "listings" in self.channels:
            for path in site.sections:
                if request := self.follow_listing(site.url(path), site, depth=0):
                    yield request

    def hold_article(self, url: str, site: Site, hints: dict[str, Any]) -> Request | None:
        """Keep an article found during discovery, with the hints of every page that listed it;
        once the site's held articles were released, request it at once."""
        try:
            article = parse_article_url(url)
        except NotAnArticleURL as exc:
            self.count(f"discovery/not_article/{exc.reason}")
            return None
        if article.site.key != site.key:
            self.count("discovery/other_site_link")
            return None
        if site.key in self.released:
            return self.article_request(article.url, site, hints)
        self.held_articles.setdefault(site.key, {}).setdefault(article.url, []).append(hints)
        return None

    def bad_link(self, url: Any, error: Exception) -> None:
        """A link whose parsing raised: that link is dropped and counted, never the page."""
        self.count("discovery/bad_link")
        logger.info("bad link dropped (%s): %.200r", type(error).__name__, url)

    def bad_discovery_page(self, response: Response, error: Exception) -> None:
        """A discovery page whose handling raised: counted, logged, and its phase still ends."""
        self.count("discovery/page_error")
        logger.error("could not use %s: %r", response.url, error)

    def parse_robots(self, response: Response) -> list[Request]:
        site = self.site_of(response)
        new: list[Request] = []
        try:
            self.read_robots(response, site, new)
        except Exception as error:  # never leave the discovery phase open
            self.bad_discovery_page(response, error)
        return self.discovery_done(site, new)

    def read_robots(self, response: Response, site: Site, new: list[Request]) -> None:
        text = response.text if isinstance(response, TextResponse) else ""
        sitemaps = sitemap_urls_from_robots(text, response.url)
        if not sitemaps:
            self.count("discovery/robots/no_sitemap_line")
            new += self.follow_discovery(site.url("/sitemap.xml"), site, self.parse_sitemap,
                                         PRIORITY_SITEMAP, optional=True)
        for url in sitemaps[:self.budgets.max_links_per_page]:
            try:
                target = on_canonical_host(url)
            except Exception as error:
                self.bad_link(url, error)
                continue
            if target:
                new += self.follow_discovery(target, site, self.parse_sitemap, PRIORITY_SITEMAP)
            else:
                self.skip("offsite_sitemap", url)
        if len(sitemaps) > self.budgets.max_links_per_page:
            self.budget_hit(site, "links_per_page", self.budgets.max_links_per_page)

    def parse_sitemap(self, response: Response) -> list[Request]:
        site = self.site_of(response)
        new: list[Request] = []
        try:
            self.read_sitemap(response, site, new)
        except Exception as error:  # never leave the discovery phase open
            self.bad_discovery_page(response, error)
        return self.discovery_done(site, new)

    def read_sitemap(self, response: Response, site: Site, new: list[Request]) -> None:
        result = parse_sitemap(response.body, response.url, encoding=header_charset(response))
        for reason, count in result.rejected.items():
            self.count(f"discovery/sitemap/rejected/{reason}", count)
        if result.error == "empty":
            self.count("discovery/sitemap/empty")
            logger.info("sitemap %s lists nothing", response.url)
            return
        if result.error:
            self.skip(f"sitemap_{result.error}", response.url)
            return
        self.count(f"discovery/sitemap/{result.kind}")
        depth = response.meta.get("sitemap_depth", 0) + 1
        limit = self.budgets.max_entries
        if len(result.entries) > limit:
            self.budget_hit(site, "entries_per_page", limit)
        for entry in result.entries[:limit]:
            try:
                if result.kind == "sitemapindex":
                    if target := on_canonical_host(entry.loc):
                        new += self.follow_discovery(target, site, self.parse_sitemap,
                                                     PRIORITY_SITEMAP, sitemap_depth=depth)
                    else:
                        self.skip("offsite_sitemap", entry.loc)
                elif request := self.hold_article(
                        entry.loc, site, {**self.sitemap_hints(entry), "found_on": response.url}):
                    new.append(request)
            except Exception as error:
                self.bad_link(entry.loc, error)

    def parse_feed(self, response: Response) -> list[Request]:
        site = self.site_of(response)
        new: list[Request] = []
        try:
            self.read_feed(response, site, new)
        except Exception as error:  # never leave the discovery phase open
            self.bad_discovery_page(response, error)
        return self.discovery_done(site, new)

    def read_feed(self, response: Response, site: Site, new: list[Request]) -> None:
        result = parse_feed(response.body, response.url, encoding=header_charset(response))
        for reason, count in result.rejected.items():
            self.count(f"discovery/feed/rejected/{reason}", count)
        if result.error:
            self.skip(f"feed_{result.error}", response.url)
            return
        if result.truncated:
            self.count("discovery/feed/truncated")
            logger.info("feed %s is truncated; kept %d entries", response.url, len(result.entries))
        limit = self.budgets.max_entries
        if len(result.entries) > limit:
            self.budget_hit(site, "entries_per_page", limit)
        for entry in result.entries[:limit]:
            try:
                if request := self.hold_article(
                        entry.url, site, {**self.feed_hints(entry), "found_on": response.url}):
                    new.append(request)
            except Exception as error:
                self.bad_link(entry.url, error)

    def on_discovery_error(self, failure: Failure) -> list[Request]:
        self.on_error(failure)
        request = failure.request  # type: ignore[attr-defined]
        return self.discovery_done(self.site_of_request(request), [])

    def listing_request(self, url: str, site: Site, depth: int) -> Request:
        return Request(url, self.parse_listing, meta={"site": site.key, "listing_depth": depth},
                       priority=PRIORITY_LISTING - depth, errback=self.on_error)

    def follow_listing(self, url: str, site: Site, depth: int) -> Request | None:
        """A listing page request, within the site's listing-page budget."""
        done = self.listings_requested.get(site.key, 0)
        if done >= self.budgets.max_listing_pages:
            self.budget_hit(site, "listing_pages", self.budgets.max_listing_pages)
            return None
        self.listings_requested[site.key] = done + 1
        return self.listing_request(url, site, depth)

    def parse_listing(self, response: Response) -> list[Request]:
        site = self.site_of(response)
        if not isinstance(response, HtmlResponse):
            self.skip("listing_not_html", response.url)
            return []
        limit = self.budgets.max_links_per_page
        links = parse_listing(response.text, response.url, max_links=limit)
        if links.truncated:
            self.budget_hit(site, "links_per_page", limit)
        for reason, count in links.rejected.items():
            if reason not in _ROUTINE_LISTING_REJECTIONS:
                self.count(f"discovery/listing/rejected/{reason}", count)
        hints = {"source": "listing", "found_on": response.url}
        requests: list[Request] = []
        for url in links.article_urls:
            try:
                if request := self.article_request(url, site, dict(hints)):
                    requests.append(request)
            except Exception as error:
                self.bad_link(url, error)
        depth = response.meta.get("listing_depth", 0)
        if depth + 1 >= self.settings.getint("MAX_LISTING_PAGES"):
            if links.next_pages:
                self.count("discovery/listing/pagination_limit")
            return requests
        for url in [*links.next_pages, *links.listing_urls]:
            try:
                target = on_canonical_host(url)
            except Exception as error:
                self.bad_link(url, error)
                continue
            if target and (request := self.follow_listing(target, site, depth + 1)):
                requests.append(request)
        return requests

    # -- articles --------------------------------------------------------------------------

    def article_request(self, url: str, site: Site, hints: dict[str, Any]) -> Request | None:
        try:
            article = parse_article_url(url)
        except NotAnArticleURL as exc:
            self.count(f"discovery/not_article/{exc.reason}")
            return None
        if article.site.key != site.key:
            self.count("discovery/other_site_link")
            return None
        self.note_reached(article.url)
        published = hints.get("published") or hints.get("lastmod")
        if self.since and published and published[:10] < self.since.isoformat():
            self.count("discovery/skipped_before_since")
            return None
        incremental = self.crawler.get_extension(Incremental)
        if incremental and not incremental.wants(article.article_id, self.refresh):
            return None
        return Request(article.url, self.parse_article, priority=PRIORITY_ARTICLE,
                       meta={"site": article.site.key, "discovery": hints},
                       errback=self.on_error)

    def parse_article(self, response: Response) -> list[FetchedPage]:
        # Callbacks return lists, not generators: for a generator callback Scrapy re-reads its
        # source with ``ast`` on every response (its cache is keyed by the bound method, a new
        # object each time), ~3% of a crawl's CPU.
        if not isinstance(response, HtmlResponse):
            content_type = (response.headers.get("Content-Type") or b"").decode("latin-1")
            self.skip("non_html_content_type", response.url, content_type or "none")
            return []
        try:
            article = parse_article_url(response.url)
        except NotAnArticleURL as exc:
            self.skip(f"redirected_to_{exc.reason}", response.url)
            return []
        self.note_reached(article.url)
        if is_binary(response.body):  # a binary file served as text/html
            self.skip("binary_body", response.url)
            return []
        declared = response.headers.get(b"Content-Type")
        html, replaced = decode_html_counted(response.body,
                                             declared.decode("latin-1") if declared else None)
        if replaced:  # a UTF-8 page with stray bytes stays UTF-8; the bytes are counted
            self.count("decode/pages_with_replaced_bytes")
            self.count("decode/replaced_bytes", replaced)
        return [FetchedPage(
            url=response.url,
            canonical_url=article.url,
            site=article.site.key,
            html=html,
            status=response.status,
            fetched_at=response.meta.get("fetched_at") or utc_now_iso(),
            feed=response.meta.get("discovery", {}),
        )]

    # -- hints, stats, errors --------------------------------------------------------------

    @staticmethod
    def feed_hints(entry: FeedEntry) -> dict[str, Any]:
        return {
            "source": "feed",
            "title": entry.title,
            "published": _iso(entry.published),
            "published_raw": entry.published_raw,
            "categories": list(entry.categories),
        }

    @staticmethod
    def sitemap_hints(entry: SitemapEntry) -> dict[str, Any]:
        return {
            "source": "sitemap",
            "title": entry.news_title,
            "published": _iso(entry.news_published),
            "lastmod": _iso(entry.lastmod),
        }

    def site_of(self, response: Response) -> Site:
        return self.site_of_request(response.request) if response.request else self.sites[0]

    def site_of_request(self, request: Request) -> Site:
        key = request.meta.get("site")
        site = next((s for s in self.sites if s.key == key), None)
        return site or site_for_host(urlparse_cached(request).hostname or "") or self.sites[0]

    def count(self, key: str, value: int = 1) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(key, value)

    def skip(self, reason: str, url: str, detail: str = "") -> None:
        """A page that is not used: logged with its reason and counted under skipped/."""
        self.count(f"skipped/{reason}")
        logger.warning("Skipped %s (%s%s)", url, reason, f": {detail}" if detail else "")
        self.crawler.signals.send_catch_log(page_failed, url=url, reason=reason)

    def on_error(self, failure: Failure) -> None:
        """Count and log a failed request; the crawl goes on."""
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        self.crawler.signals.send_catch_log(page_failed, url=url, failure=failure)
        if failure.check(IgnoreRequest) and not failure.check(HttpError):
            return  # refused by a middleware, which logged and counted its reason
        if failure.check(HttpError):
            status = failure.value.response.status  # type: ignore[union-attr]
            if status == 404 and request is not None and request.meta.get("optional"):
                self.count("discovery/optional_absent")
                return
            key = f"errors/http_{status}"
        else:
            key = f"errors/{failure.type.__name__ if failure.type else 'unknown'}"
        self.count(key)
        logger.warning("Failed %s: %s", url, failure.getErrorMessage())


_ROUTINE_LISTING_REJECTIONS = frozenset({"duplicate", "self_link"})


@dataclass(frozen=True)
class DiscoveryBudgets:
    """What one site may make discovery do (settings ``DISCOVERY_MAX_*``): a budget that is hit
    drops the links past it, counted under ``budget/<name>/<site>``."""

    max_sitemap_depth: int = 3
    max_sitemaps: int = 500
    max_entries: int = 50_000
    max_listing_pages: int = 1000
    max_links_per_page: int = 1000
    max_queued: int = 1000

    @classmethod
    def from_settings(cls, settings: Any) -> DiscoveryBudgets:
        values = {}
        for name in ("max_sitemap_depth", "max_sitemaps", "max_entries",
                     "max_listing_pages", "max_links_per_page", "max_queued"):
            setting = f"DISCOVERY_{name.upper()}"
            value = settings.getint(setting, getattr(cls, name))
            if value < (0 if name == "max_sitemap_depth" else 1):
                raise ValueError(f"{setting} must be a positive whole number, got {value}")
            values[name] = value
        return cls(**values)


def header_charset(response: Response) -> str | None:
    """The charset named by the Content-Type header, if any."""
    content_type = response.headers.get(b"Content-Type")
    return http_content_type_encoding(content_type.decode("latin-1")) if content_type else None


_SOURCE_RANK = {"feed": 0, "sitemap": 1, "listing": 2}


def merge_hints(hints: list[dict[str, Any]]) -> dict[str, Any]:
    """One hint dict from several discovery pages, independent of the order they arrived in.

    Feeds outrank sitemaps, then pages sort by URL; a later page only fills fields left empty.
    """
    ordered = sorted(hints, key=lambda h: (_SOURCE_RANK.get(h.get("source", ""), 9),
                                           h.get("found_on") or ""))
    merged: dict[str, Any] = {}
    for hint in ordered:
        for key, value in hint.items():
            if value not in (None, "", [], {}) and merged.get(key) in (None, "", [], {}):
                merged[key] = value
    return merged


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
