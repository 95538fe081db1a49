"""The simulated network: which URL serves what, answered by ``SimulatedNetwork.respond``.

The network holds ``pages`` articles (article ``i`` is a pure function of ``(seed, i)``, see
model.py) spread over four sites, and answers requests by Host header and path: robots.txt,
feeds, sitemaps, home and paginated listings, article and AMP pages, the fixed bad-input URLs,
404 for everything else. Only the small per-article plans are held in memory; pages are
rendered on demand.
"""

from __future__ import annotations

import bisect
import gzip
import hashlib
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache
from urllib.parse import parse_qs, unquote, urlsplit

from crawler.network.sites import ALIAS_SUBDOMAINS, Site, site_for_host
from crawler.network.urls import encode_path
from crawler.simulator import pages
from crawler.simulator.faults import EXPECTED_REASON, OFFSITE_TARGET, Delivery, FaultPlan
from crawler.simulator.model import (
    ALL_CHANNELS,
    REFERENCE,
    ArticlePlan,
    RelatedItem,
    SimArticle,
    build_article,
    plan_article,
)
from crawler.simulator.pages import LinkEntry
from crawler.simulator.profiles import (
    BAD_ERROR_PAGE,
    BAD_LINKS,
    BAD_PDF,
    BAD_REDIRECT,
    PROFILE_BY_KEY,
    PROFILES,
    REDIRECT_TARGET,
    BadLink,
    FeedSpec,
    SiteProfile,
)
from crawler.simulator.text import CITIES

HOME_SIZE = 4


def listing_page_size(pages: int) -> int:
    """Links per listing page: 2 in small test networks (so page 2+ exists), up to 20."""
    return max(2, min(20, pages // 25))

SITEMAP_CHILDREN = (("articles-1", "/sitemaps/articles-1.xml"),
                    ("articles-2", "/sitemaps/articles-2.xml.gz"),
                    ("news", "/sitemaps/news.xml"))
_HTML = "text/html; charset=utf-8"
_XML = "application/xml; charset=utf-8"


@dataclass
class SimResponse:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delivery: Delivery | None = None
    """Set by fault injection: how the server misdelivers this response."""


def _response(status: int, content_type: str, body: str | bytes,
              encoding: str = "utf-8") -> SimResponse:
    data = body if isinstance(body, bytes) else body.encode(encoding, "xmlcharrefreplace")
    return SimResponse(status, {"Content-Type": content_type}, data)


class SimulatedNetwork:
    """A deterministic synthetic copy of four Arabs Today sites."""

    def __init__(self, pages: int = 60, seed: int = 0, faults: FaultPlan | None = None):
        if pages < 0:
            raise ValueError("pages must be >= 0")
        self.pages = pages
        self.seed = seed
        self.faults = faults
        self._attempts: dict[tuple[str, str], int] = defaultdict(int)
        self._attempts_lock = threading.Lock()
        self.profiles: tuple[SiteProfile, ...] = PROFILES
        self.sites: tuple[Site, ...] = tuple(p.site for p in PROFILES)
        self.listing_page_size = listing_page_size(pages)
        self._plans = [plan_article(seed, i) for i in range(pages)]
        self._by_path: dict[tuple[str, str], int] = {}
        for plan in self._plans:
            key = (plan.site_key, plan.path)
            if key in self._by_path:
                raise RuntimeError(f"duplicate path {key} (articles {self._by_path[key]}, "
                                   f"{plan.index})")
            self._by_path[key] = plan.index
        self._listings: dict[tuple[str, str], list[int]] = defaultdict(list)
        self._home: dict[str, list[int]] = defaultdict(list)
        self._feeds: dict[tuple[str, str], list[int]] = defaultdict(list)
        self._sitemaps: dict[tuple[str, str], list[int]] = defaultdict(list)
        self._everywhere: dict[str, list[int]] = defaultdict(list)
        for plan in sorted(self._plans, key=lambda p: (-p.published.timestamp(), p.index)):
            if "listing" in plan.channels:
                where = f"/w-{plan.writer_id}" if plan.kind == "opinion" else f"/{plan.section_id}"
                self._listings[(plan.site_key, where)].append(plan.index)
                self._home[plan.site_key].append(plan.index)
            if plan.feed_path:
                self._feeds[(plan.site_key, plan.feed_path)].append(plan.index)
            if plan.sitemap_part:
                self._sitemaps[(plan.site_key, plan.sitemap_part)].append(plan.index)
        for plan in self._plans:
            if plan.channels == ALL_CHANNELS:
                self._everywhere[plan.site_key].append(plan.index)
        self._article = lru_cache(maxsize=2048)(self._build_article)
        self._cached_route = lru_cache(maxsize=64)(self._route_uncached)

    # ------------------------------------------------------------------ ground truth

    def plans(self) -> list[ArticlePlan]:
        return list(self._plans)

    def article(self, index: int) -> SimArticle:
        if not 0 <= index < self.pages:
            raise IndexError(index)
        return self._article(index)

    def articles(self) -> list[SimArticle]:
        return [self.article(i) for i in range(self.pages)]

    def manifest(self) -> list[str]:
        """Sorted canonical URLs of every article the network serves (correctly, eventually:
        under faults, the articles of ``broken()`` are left out)."""
        broken = self.broken()
        return sorted(plan.canonical_url for plan in self._plans
                      if plan.canonical_url not in broken)

    # ------------------------------------------------------------------ faults

    def robots_disallowed(self, site_key: str) -> str | None:
        """The path prefix this site's robots.txt disallows under the ``robots`` fault."""
        if self.faults is None or not self.faults.robots:
            return None
        return f"/{self._profile(site_key).sections[-1].id}/"

    def fault_kind(self, plan: ArticlePlan) -> str | None:
        """The fault article ``plan`` suffers (None: served normally)."""
        if self.faults is None:
            return None
        prefix = self.robots_disallowed(plan.site_key)
        if prefix and plan.path.startswith(prefix):
            return "robots"
        return self.faults.kind_for(plan.site_key, plan.path)

    def fault_kinds(self) -> dict[str, str]:
        """Canonical URL -> fault kind, for every article with a fault."""
        return {plan.canonical_url: kind for plan in self._plans
                if (kind := self.fault_kind(plan)) is not None}

    def broken(self) -> dict[str, str]:
        """Canonical URL -> expected failure reason of every article never served correctly."""
        return {url: EXPECTED_REASON[kind] for url, kind in self.fault_kinds().items()
                if kind in EXPECTED_REASON}

    def attempts(self, url: str) -> int:
        """How many requests the server received for this article's canonical page (counted
        for articles with a fault only)."""
        plan = next((p for p in self._plans if p.canonical_url == url), None)
        return 0 if plan is None else self._attempts.get((plan.site_key, plan.path), 0)

    def _faulty(self, profile: SiteProfile, path: str, query: str) -> SimResponse | None:
        """The misdelivered response for a faulted page, or None to answer normally."""
        faults = self.faults
        assert faults is not None
        if path == "/robots.txt" and (prefix := self.robots_disallowed(profile.key)):
            text = pages.robots_txt(profile).replace("Allow: /\n",
                                                     f"Disallow: {prefix}\nAllow: /\n")
            return _response(200, "text/plain; charset=utf-8", text)
        index = self._by_path.get((profile.key, path.rstrip("/") or "/"))
        if index is None:
            return None
        plan = self._plans[index]
        kind = self.fault_kind(plan)
        if kind is None or kind == "robots":
            return None
        key = (plan.site_key, plan.path)
        with self._attempts_lock:
            attempt = self._attempts[key]
            self._attempts[key] = attempt + 1
        if not faults.fails(kind, plan.site_key, plan.path, attempt):
            return None
        normal = self._route_uncached(profile.key, plan.path)
        if kind == "timeout":
            return SimResponse(200, {"Content-Type": _HTML}, normal.body,
                               Delivery(hang=faults.hang_seconds))
        if kind == "reset":
            return SimResponse(200, {"Content-Type": _HTML}, normal.body, Delivery(reset=True))
        if kind == "truncated":
            return SimResponse(200, dict(normal.headers), normal.body,
                               Delivery(truncate=len(normal.body) // 2))
        if kind in ("http_429", "http_500", "http_503", "outage"):
            status = {"http_429": 429, "http_500": 500}.get(kind, 503)
            response = _response(status, _HTML, f"<html><body><h1>{status}</h1></body></html>")
            if status == 429:
                response.headers["Retry-After"] = str(faults.retry_after)
            return response
        if kind == "slow":
            return SimResponse(normal.status, dict(normal.headers), normal.body,
                               Delivery(delay=faults.slow_seconds))
        if kind in ("charset_1256_as_utf8", "charset_utf8_as_1256"):
            text = normal.body.decode(plan.encoding)
            if kind == "charset_1256_as_utf8":
                return _response(200, "text/html; charset=utf-8",
                                 text.encode("cp1256", "xmlcharrefreplace"))
            return _response(200, "text/html; charset=windows-1256", text.encode("utf-8"))
        if kind == "gzip_bomb":
            return SimResponse(200, {"Content-Type": _HTML, "Content-Encoding": "gzip"},
                               faults.bomb())
        if kind == "huge":
            return _response(200, _HTML, faults.huge_body(normal.body))
        if kind == "redirect_loop":  # A -> A?loop=1 -> A
            target = encode_path(plan.path) + ("" if "loop=" in query else "?loop=1")
            response = _response(302, _HTML, "<html><body>Moved</body></html>")
            response.headers["Location"] = target
            return response
        if kind == "offsite_redirect":
            response = _response(301, _HTML, "<html><body>Moved</body></html>")
            response.headers["Location"] = OFFSITE_TARGET + encode_path(plan.path)
            return response
        if kind == "binary":
            return _response(200, _HTML, faults.binary_body(plan.site_key, plan.path))
        if kind == "empty":
            return _response(200, _HTML, b"")
        raise AssertionError(kind)

    def specials(self) -> dict[str, str]:
        """Special role -> canonical URL, for the roles present in this network."""
        return {plan.special: plan.canonical_url for plan in self._plans if plan.special}

    def bad_urls(self) -> dict[str, str]:
        """Name -> real URL of every linked URL that is not an article."""
        urls = {bad.name: self._profile(bad.site_key).site.url(encode_path(bad.path))
                for bad in BAD_LINKS}
        urls["non_xml_feed"] = PROFILE_BY_KEY["arabstoday"].site.url("/sports/rss.xml")
        return urls

    def _build_article(self, index: int) -> SimArticle:
        plan = self._plans[index]
        return build_article(self.seed, plan, self._related_links(plan))

    def _related_links(self, plan: ArticlePlan) -> tuple[RelatedItem, ...]:
        """Links to the two nearest lower-index articles reachable through every channel."""
        pool = self._everywhere[plan.site_key]
        position = bisect.bisect_left(pool, plan.index)
        items = []
        for j in pool[max(0, position - 2):position]:
            other = self._plans[j]
            city = CITIES[j % len(CITIES)]
            items.append(RelatedItem(other.title, other.published,
                                     f"{city} ـ {other.profile.site.label}",
                                     other.canonical_url))
        return tuple(items)

    @staticmethod
    def _profile(key: str) -> SiteProfile:
        return PROFILE_BY_KEY[key]

    # ------------------------------------------------------------------ routing

    def respond(self, host: str, target: str,
                headers: Mapping[str, str] | None = None) -> SimResponse:
        """The response to ``GET target`` (path + query) sent with ``Host: host``."""
        host = host.strip().lower().rstrip(".")
        if host.startswith("["):
            host = host.split("]", 1)[0] + "]"
        elif ":" in host:
            host = host.rsplit(":", 1)[0]
        parts = urlsplit(target if target.startswith("/") else "/" + target)
        try:
            path = unicodedata.normalize("NFC", unquote(parts.path, errors="strict"))
        except UnicodeDecodeError:
            return self._not_found(None)
        if host.startswith("img."):
            return self._image(host, path)
        profile = self._profile_for_host(host)
        if profile is None:
            return _response(404, "text/plain; charset=utf-8", f"unknown host {host}\n")
        if self.faults is not None and (faulty := self._faulty(profile, path, parts.query)):
            return faulty
        response = self._route(profile, path, parse_qs(parts.query))
        return _conditional(response, headers or {})

    def _profile_for_host(self, host: str) -> SiteProfile | None:
        site = site_for_host(host)
        if site is None:
            return None
        sub = host.split(".", 1)[0]
        if sub in ALIAS_SUBDOMAINS:  # alias hosts serve another network site, like the live ones
            return self._profile("casablancatoday" if site.key == "almaghribtoday"
                                 else "almaghribtoday")
        return PROFILE_BY_KEY.get(site.key)

    def _image(self, host: str, path: str) -> SimResponse:
        site = site_for_host(host.removeprefix("img."))
        if site and site.key in PROFILE_BY_KEY and path.endswith((".jpg", ".png")):
            return _response(200, "image/gif", pages.GIF_BYTES)
        return self._not_found(None)

    def _route(self, profile: SiteProfile, path: str, query: dict[str, list[str]]
               ) -> SimResponse:
        if path.startswith(("/sitemap", "/rss", "/ar/rss", "/health/rss")):
            cached = self._cached_route(profile.key, path)  # feeds and sitemaps are big
            return SimResponse(cached.status, dict(cached.headers), cached.body)
        return self._route_uncached(profile.key, path, query)

    def _route_uncached(self, site_key: str, path: str,
                        query: Mapping[str, Sequence[str]] | None = None) -> SimResponse:
        profile = self._profile(site_key)
        query = query or {}
        if path == "/robots.txt":
            return _response(200, "text/plain; charset=utf-8", pages.robots_txt(profile))
        for feed in profile.feeds:
            if path == feed.path or path.rstrip("/") == feed.path.rstrip("/"):
                return self._feed(profile, feed)
        if path.startswith("/sitemap") and profile.sitemap_in_robots:
            return self._sitemap(profile, path)
        if path == "/":
            return self._home_page(profile)
        if (page := _page_number(query)) is None:
            return self._not_found(profile)
        stripped = path.rstrip("/")
        if stripped.startswith("/w-") and stripped[3:].isdigit() and profile.writer(
                int(stripped[3:])):
            writer = profile.writer(int(stripped[3:]))
            assert writer is not None
            return self._listing(profile, stripped, writer.name, page)
        if stripped[1:].isdigit() and (section := profile.section(int(stripped[1:]))):
            return self._listing(profile, stripped, section.name, page)
        for bad in BAD_LINKS:
            if bad.site_key == profile.key and stripped == bad.path:
                return self._bad(bad)
        return self._article_page(profile, stripped)

    def _not_found(self, profile: SiteProfile | None) -> SimResponse:
        return _response(404, _HTML, pages.not_found_html(profile))

    def _bad(self, bad: BadLink) -> SimResponse:
        if bad is BAD_ERROR_PAGE:
            return _response(200, _HTML, pages.not_found_html(self._profile(bad.site_key)))
        if bad is BAD_REDIRECT:
            response = _response(301, _HTML, "<html><body>Moved</body></html>")
            response.headers["Location"] = REDIRECT_TARGET
            return response
        if bad is BAD_PDF:
            return _response(200, "application/pdf", pages.PDF_BYTES)
        raise AssertionError(bad)

    def _article_page(self, profile: SiteProfile, path: str) -> SimResponse:
        amp = False
        changed = True
        while changed:
            changed = False
            for prefix in ("/index.php", "/amp"):
                if path.startswith(prefix + "/"):
                    path, amp, changed = path[len(prefix):], amp or prefix == "/amp", True
        index = self._by_path.get((profile.key, path))
        if index is None:
            return self._not_found(profile)
        article = self.article(index)
        if amp:
            body = pages.amp_html(article)
        else:
            label_profile = self._profile(self._plans[index].label_site_key)
            body = pages.article_html(article, profile, label_profile)
        return _response(200, f"text/html; charset={article.encoding}", body, article.encoding)

    # ------------------------------------------------------------------ listings

    def _entry(self, plan: ArticlePlan, url: str | None = None) -> LinkEntry:
        profile = plan.profile
        section = profile.section(plan.section_id or 0)
        return LinkEntry(url or plan.canonical_url, plan.title, plan.published_at,
                         section.name if section else "مقالات",
                         f"{profile.site.domain}-{plan.index}")

    def _listing_url(self, profile: SiteProfile, plan: ArticlePlan) -> str:
        return profile.site.url(plan.path) if profile.raw_arabic_links else plan.canonical_url

    def _bad_entries(self, profile: SiteProfile, where: str) -> list[LinkEntry]:
        return [LinkEntry(profile.site.url(encode_path(bad.path)), bad.title,
                          REFERENCE - timedelta(hours=5), "أخبار", f"bad-{bad.name}")
                for bad in BAD_LINKS if bad.site_key == profile.key and where in bad.linked_from]

    def _home_page(self, profile: SiteProfile) -> SimResponse:
        latest = [self._plans[i] for i in self._home[profile.key][:HOME_SIZE]]
        entries = [self._entry(p, self._listing_url(profile, p)) for p in latest]
        entries += self._bad_entries(profile, "home")
        feeds = [profile.site.url(feed.path) for feed in profile.feeds]
        body = pages.listing_html(profile, "الرئيسية", entries,
                                  profile.site.base_url + "/", None, None, feeds)
        return _response(200, _HTML, body)

    def _listing(self, profile: SiteProfile, where: str, heading: str, page: int
                 ) -> SimResponse:
        indices = self._listings.get((profile.key, where), [])
        total = max(1, -(-len(indices) // self.listing_page_size))
        if page > total:
            return self._not_found(profile)
        chunk = indices[(page - 1) * self.listing_page_size:page * self.listing_page_size]
        entries = [self._entry(self._plans[i], self._listing_url(profile, self._plans[i]))
                   for i in chunk]
        base = profile.site.url(where)

        def page_url(k: int) -> str:
            return base if k == 1 else f"{base}?page={k}"

        body = pages.listing_html(profile, heading, entries, page_url(page),
                                  page_url(page + 1) if page < total else None,
                                  page_url(page - 1) if page > 1 else None)
        return _response(200, _HTML, body)

    def listing_pages(self, site_key: str, where: str) -> list[list[str]]:
        """Canonical URLs on each page of a section (``/485``) or writer (``/w-346``) listing."""
        indices = self._listings.get((site_key, where), [])
        return [[self._plans[i].canonical_url for i in indices[k:k + self.listing_page_size]]
                for k in range(0, len(indices), self.listing_page_size)]

    # ------------------------------------------------------------------ feeds, sitemaps

    def _feed_url(self, plan: ArticlePlan) -> str:
        site = plan.profile.site
        encoded = encode_path(plan.path)
        variant = plan.feed_variant
        if variant == "raw":
            return f"https://{site.canonical_host}{plan.path}"
        if variant == "http":
            return f"http://{site.canonical_host}{encoded}"
        if variant == "bare":
            return f"https://{site.domain}{encoded}"
        if variant == "amp":
            return f"https://{site.canonical_host}/amp{encoded}"
        if variant == "index_php":
            return f"https://{site.canonical_host}/index.php{encoded}"
        if variant == "alias":
            return f"https://mail.{site.domain}{encoded}"
        return plan.canonical_url

    def _feed(self, profile: SiteProfile, feed: FeedSpec) -> SimResponse:
        if feed.format == "html":
            return _response(200, _HTML, pages.non_feed_html(profile))
        entries = [self._entry(self._plans[i], self._feed_url(self._plans[i]))
                   for i in self._feeds.get((profile.key, feed.path), [])]
        entries += self._bad_entries(profile, feed.path)
        entries.sort(key=lambda e: -(e.published or REFERENCE).timestamp())
        if feed.format == "atom":
            return _response(200, "application/atom+xml; charset=utf-8",
                             pages.atom_xml(profile, feed, entries))
        return _response(200, "application/rss+xml; charset=utf-8",
                         pages.rss_xml(profile, feed, entries))

    def _sitemap_entries(self, profile: SiteProfile, part: str) -> list[LinkEntry]:
        return [self._entry(self._plans[i]) for i in self._sitemaps.get((profile.key, part), [])]

    def _sitemap(self, profile: SiteProfile, path: str) -> SimResponse:
        if path == "/sitemap.xml":
            children = []
            for part, child_path in SITEMAP_CHILDREN:
                dates = [e.published for e in self._sitemap_entries(profile, part) if e.published]
                children.append((profile.site.url(child_path), max(dates, default=REFERENCE)))
            return _response(200, _XML, pages.sitemap_index_xml(children))
        for part, child_path in SITEMAP_CHILDREN:
            if path != child_path:
                continue
            entries = self._sitemap_entries(profile, part)
            if part == "news":
                return _response(200, _XML, pages.news_sitemap_xml(profile, entries))
            xml = pages.urlset_xml(entries)
            if child_path.endswith(".gz"):
                return _response(200, "application/x-gzip",
                                 gzip.compress(xml.encode("utf-8"), mtime=0))
            return _response(200, _XML, xml)
        return self._not_found(profile)


def _conditional(response: SimResponse, request_headers: Mapping[str, str]) -> SimResponse:
    """Add an ETag to 200 responses; answer 304 when the request's If-None-Match matches."""
    if response.status != 200:
        return response
    etag = '"' + hashlib.sha1(response.body).hexdigest()[:20] + '"'
    response.headers["ETag"] = etag
    wanted = {k.lower(): v for k, v in request_headers.items()}.get("if-none-match", "")
    if etag in {tag.strip() for tag in wanted.split(",")} or wanted.strip() == "*":
        return SimResponse(304, {"ETag": etag}, b"")
    return response


def _page_number(query: Mapping[str, Sequence[str]]) -> int | None:
    values = query.get("page")
    if not values:
        return 1
    value = values[-1]
    return int(value) if value.isdigit() and int(value) >= 1 else None
