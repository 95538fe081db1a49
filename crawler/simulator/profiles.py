"""The simulated sites: sections, writers, feeds and the fixed bad-input URLs.

Everything here is invented for the simulator; only domains, labels, logo alt text and feed paths
come from the site registry (crawler.network.sites).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from crawler.network.sites import Site, get_site

FeedFormat = Literal["rss", "atom", "truncated", "html"]


@dataclass(frozen=True)
class Section:
    id: int
    name: str


@dataclass(frozen=True)
class Writer:
    id: int
    name: str


@dataclass(frozen=True)
class FeedSpec:
    path: str
    format: FeedFormat
    """``rss``/``atom``: well formed; ``truncated``: RSS cut mid-item; ``html``: not a feed."""

    @property
    def carries_articles(self) -> bool:
        return self.format != "html"


@dataclass(frozen=True)
class SiteProfile:
    site: Site
    sections: tuple[Section, ...]
    writers: tuple[Writer, ...]
    feeds: tuple[FeedSpec, ...]
    sitemap_in_robots: bool = True
    raw_arabic_links: bool = False
    """Listing pages link with raw Arabic paths instead of percent-encoded ones."""
    template: Literal["main", "table"] = "main"
    """Article markup: ``main`` (semantic tags, <p> paragraphs) or ``table`` (older table
    layout, class names of its own, body paragraphs separated by <br><br>)."""

    @property
    def key(self) -> str:
        return self.site.key

    @property
    def article_feeds(self) -> tuple[FeedSpec, ...]:
        return tuple(feed for feed in self.feeds if feed.carries_articles)

    def section(self, section_id: int) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def writer(self, writer_id: int) -> Writer | None:
        return next((w for w in self.writers if w.id == writer_id), None)


def _feeds(site: Site, formats: dict[str, FeedFormat]) -> tuple[FeedSpec, ...]:
    return tuple(FeedSpec(path, formats.get(path, "rss")) for path in site.feeds)


def _profiles() -> tuple[SiteProfile, ...]:
    arabstoday = get_site("arabstoday")
    maghrib = get_site("almaghribtoday")
    casa = get_site("casablancatoday")
    palestine = get_site("palestinetoday")
    return (
        SiteProfile(
            arabstoday,
            sections=(Section(485, "أخبار عربية"), Section(1187, "اقتصاد"), Section(302, "رياضة")),
            writers=(Writer(2649, "عماد الدين السعدي"), Writer(505, "جمال الخطيب")),
            feeds=_feeds(arabstoday, {"/sports/rss.xml": "html"}),
        ),
        SiteProfile(
            maghrib,
            sections=(Section(211, "أخبار المغرب"), Section(340, "اقتصاد"), Section(118, "صحة")),
            writers=(Writer(346, "سعيد بنعلي"), Writer(1201, "هدى العلوي")),
            feeds=_feeds(maghrib, {"/health/rss.xml": "truncated"}),
        ),
        SiteProfile(
            casa,
            sections=(Section(211, "أخبار المغرب"), Section(340, "اقتصاد"), Section(97, "رياضة")),
            writers=(Writer(346, "سعيد بنعلي"), Writer(1430, "هدى العلوي")),
            feeds=_feeds(casa, {}),
        ),
        SiteProfile(
            palestine,
            sections=(Section(55, "أخبار فلسطين"), Section(63, "عربي ودولي"), Section(71, "ثقافة")),
            writers=(Writer(812, "وليد حمدان"), Writer(909, "سناء النجار")),
            feeds=_feeds(palestine, {"/ar/rss/": "atom"}),
            sitemap_in_robots=False,
            raw_arabic_links=True,
            template="table",
        ),
    )


PROFILES: tuple[SiteProfile, ...] = _profiles()
PROFILE_BY_KEY: dict[str, SiteProfile] = {p.key: p for p in PROFILES}
SITE_KEYS: tuple[str, ...] = tuple(PROFILE_BY_KEY)


@dataclass(frozen=True)
class BadLink:
    """A URL the crawler must skip with a logged reason; never an article of the manifest."""

    name: str
    site_key: str
    path: str
    title: str
    linked_from: tuple[str, ...]
    """Where it is linked: ``home`` and/or feed paths of the same site."""


BAD_ERROR_PAGE = BadLink("error_page_200", "arabstoday", "/485/101500-صفحة-محذوفة-من-الأرشيف",
                         "صفحة محذوفة من الأرشيف", ("home", "/rss"))
BAD_REDIRECT = BadLink("offsite_redirect", "almaghribtoday", "/211/083000-رابط-منقول-إلى-موقع-آخر",
                       "رابط منقول إلى موقع آخر", ("/rss", "home"))
BAD_PDF = BadLink("pdf_at_article_url", "casablancatoday", "/w-1430/154500-ملف-العدد-الأسبوعي",
                  "ملف العدد الأسبوعي", ("home", "/rss"))
BAD_LINKS: tuple[BadLink, ...] = (BAD_ERROR_PAGE, BAD_REDIRECT, BAD_PDF)
REDIRECT_TARGET = "https://example.org/moved/article-83000"
NON_XML_FEED = ("arabstoday", "/sports/rss.xml")
