"""The content model: what article ``i`` of a simulated network is, from ``(seed, i)`` only.

``plan_article`` decides the cheap facts (site, kind, path, date, discovery channels, special
role); ``build_article`` adds the body and page look. Both use ``random.Random`` seeded with a
string built from the seed and the index, so article ``i`` never depends on how many articles
the network holds; the only cross-article facts (syndicated copies, related links) point to
lower indices.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, timezone
from functools import cached_property
from typing import Literal

from crawler.network.urls import parse_article_url
from crawler.simulator import text
from crawler.simulator.profiles import PROFILE_BY_KEY, SITE_KEYS, SiteProfile

REFERENCE = datetime(2024, 11, 22, 12, 0, tzinfo=UTC)
"""The simulated "now": every date lies before it (the window reaches back WINDOW)."""
WINDOW = timedelta(days=90)

Kind = Literal["news", "opinion"]
DateStyle = Literal["json-ld", "meta", "time", "text", "feed", "none"]
Channel = Literal["listing", "sitemap", "feed"]
FeedVariant = Literal["canonical", "raw", "http", "bare", "amp", "index_php", "alias"]

ALL_CHANNELS: frozenset[str] = frozenset({"listing", "sitemap", "feed"})
AUTHOR_LINE_FORMS = 7
DATELINE_FORMS = 6
CLOCK_FORMS = 4
_DATE_STYLES: tuple[DateStyle, ...] = ("json-ld", "meta", "time", "text", "feed")
_DATE_WEIGHTS = (35, 25, 15, 15, 10)
_FEED_VARIANTS: tuple[FeedVariant, ...] = ("canonical", "raw", "http", "bare", "amp", "index_php")
_SITEMAP_PARTS = ("articles-1", "articles-2", "news")

SPECIALS: dict[int, str] = {
    0: "seed_like",
    1: "syndicated_same_path_a",
    2: "syndicated_same_path_b",
    3: "syndicated_other_time_a",
    4: "syndicated_other_time_b",
    5: "windows_1256",
    6: "alias_host_feed_link",
    7: "label_mismatch",
    8: "legacy_timestamp",
    9: "legacy_opinion_slug",
    10: "legacy_news_slug",
    11: "no_date",
}
"""Index -> special role. Every network with ``pages > 11`` holds all of them."""


@dataclass(frozen=True)
class ArticlePlan:
    """The cheap facts of article ``index``: enough to route, list and link it."""

    index: int
    site_key: str
    kind: Kind
    path: str
    """Canonical path, decoded (raw Arabic)."""
    title: str
    published: datetime
    """True publication instant (UTC); ground truth hides it when ``date_style`` is ``none``."""
    date_style: DateStyle
    channels: frozenset[str]
    section_id: int | None = None
    writer_id: int | None = None
    feed_path: str | None = None
    feed_variant: FeedVariant = "canonical"
    sitemap_part: str | None = None
    special: str | None = None
    encoding: str = "utf-8"
    label_site_key: str = ""
    body_index: int = -1
    """Index whose body this article carries (syndicated copies share one)."""
    form_ordinal: int = 0
    """Picks the author-line / dateline form so that a few dozen articles cover all forms."""

    @property
    def profile(self) -> SiteProfile:
        return PROFILE_BY_KEY[self.site_key]

    @cached_property
    def canonical_url(self) -> str:
        return parse_article_url(self.profile.site.url(self.path)).url

    @property
    def published_at(self) -> datetime | None:
        return None if self.date_style == "none" else self.published

    @property
    def label_mismatch(self) -> bool:
        return self.label_site_key != self.site_key


@dataclass(frozen=True)
class RelatedItem:
    title: str
    moment: datetime
    location: str
    url: str | None = None


@dataclass(frozen=True)
class PageLook:
    """Presentation choices of one article page (no ground-truth content)."""

    clock_form: int
    clock_time: str
    clock_date: datetime
    author_line_form: int
    dateline_form: int
    display_twice: bool
    eastern_digits: bool
    json_ld_offset_hours: int
    canonical_link: bool
    ticker: tuple[str, ...]
    may_interest: tuple[str, ...]
    related: tuple[RelatedItem, ...]


@dataclass(frozen=True)
class SimArticle:
    """Ground truth of one served article, exactly as its page shows it."""

    index: int
    canonical_url: str
    site: str
    kind: Kind
    path: str
    title: str
    """The plain title: <title>, og:title, JSON-LD headline, the slug source, the top line."""
    display_title: str
    """The display headline (same words plus punctuation: ! ... ؟ or «»), shown once or twice."""
    authors: list[str]
    paragraphs: list[str]
    published_at: datetime | None
    date_source: str | None
    """Where the page (or its feed) carries the date: json-ld, meta, time, text, feed or None."""
    dateline: str | None
    dateline_location: str | None
    dateline_source: str | None
    image_url: str | None
    image_caption: str | None
    section: str
    tags: list[str]
    label_mismatch: bool
    label: str
    """The site label the page shows."""
    encoding: str
    special: str | None
    channels: tuple[str, ...]
    feed_path: str | None
    feed_variant: str
    sitemap_part: str | None
    section_id: int | None
    writer_id: int | None
    look: PageLook = field(repr=False, compare=False)

    @property
    def plain_text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def published_shown(self) -> tuple[str, str] | None:
        """The publication date as its source shows it, ISO 8601 with that source's offset, and
        its precision: what an extractor that keeps the source's offset returns."""
        moment = self.published_at
        if moment is None or self.date_source is None:
            return None
        if self.date_source == "text":  # GMT HH:MM, no seconds
            return moment.astimezone(UTC).replace(second=0).isoformat(), "minute"
        hours = self.look.json_ld_offset_hours if self.date_source == "json-ld" else 0
        return moment.astimezone(local_offset(hours)).isoformat(), "second"


def _rng(seed: int, index: int, purpose: str) -> random.Random:
    return random.Random(f"arabstoday-sim:{seed}:{index}:{purpose}")


def _news_path(section_id: int, moment: datetime, title: str) -> str:
    return f"/{section_id}/{moment:%H%M%S}-{text.slugify(title)}"


def _opinion_path(writer_id: int, moment: datetime, title: str) -> str:
    return f"/w-{writer_id}/{moment:%H%M%S}-{text.slugify(title)}"


def _channels(rng: random.Random) -> set[str]:
    draw = rng.random()
    if draw < 0.15:
        return {"feed"}
    if draw < 0.30:
        return {"sitemap"}
    if draw < 0.45:
        return {"listing"}
    if draw < 0.70:
        return set(ALL_CHANNELS)
    return set(ALL_CHANNELS) - {rng.choice(sorted(ALL_CHANNELS))}


def _regular_plan(seed: int, index: int) -> ArticlePlan:
    rng = _rng(seed, index, "plan")
    profile = PROFILE_BY_KEY[rng.choice(SITE_KEYS)]
    kind: Kind = "opinion" if index % 3 == 1 else "news"
    published = REFERENCE - timedelta(seconds=rng.randrange(int(WINDOW.total_seconds())))
    title = text.headline(rng)
    section = rng.choice(profile.sections)
    writer = rng.choice(profile.writers)
    date_style = rng.choices(_DATE_STYLES, _DATE_WEIGHTS)[0]
    if date_style == "text":  # the visible date has minutes only: publish on the minute
        published = published.replace(second=0)
    channels = _channels(rng)
    feed = rng.choice(profile.article_feeds)
    feed_variant = rng.choice(_FEED_VARIANTS)
    sitemap_part = rng.choice(_SITEMAP_PARTS)
    if not profile.sitemap_in_robots:
        channels.discard("sitemap")
    if date_style == "feed":
        channels.add("feed")
    if feed.format == "truncated" and "feed" in channels:
        channels.add("listing")  # a truncated feed is never an article's only way in
    if not channels:
        channels.add("listing")
    return ArticlePlan(
        index=index, site_key=profile.key, kind=kind,
        path=(_opinion_path(writer.id, published, title) if kind == "opinion"
              else _news_path(section.id, published, title)),
        title=title, published=published, date_style=date_style, channels=frozenset(channels),
        section_id=None if kind == "opinion" else section.id,
        writer_id=writer.id if kind == "opinion" else None,
        feed_path=feed.path if "feed" in channels else None, feed_variant=feed_variant,
        sitemap_part=sitemap_part if "sitemap" in channels else None,
        label_site_key=profile.key, body_index=index, form_ordinal=index // 3,
    )


def _special_plan(seed: int, index: int, role: str) -> ArticlePlan:
    """The special pages: fixed site, path shape and channels, synthetic content."""
    base = _regular_plan(seed, index)
    rng = _rng(seed, index, "special")
    title, published = base.title, base.published

    def news(site: str, section: int, channels: set[str], **extra: object) -> ArticlePlan:
        return _finish(base, site, "news", _news_path(section, published, title), channels,
                       section_id=section, **extra)

    def opinion(site: str, writer: int, path: str, channels: set[str],
                **extra: object) -> ArticlePlan:
        return _finish(base, site, "opinion", path, channels, writer_id=writer, **extra)

    if role == "seed_like":
        return news("arabstoday", 485, set(ALL_CHANNELS), date_style="meta", feed_path="/rss")
    if role in {"syndicated_same_path_a", "syndicated_same_path_b"}:
        source = _regular_plan(seed, 1)
        path = _opinion_path(346, source.published, source.title)
        site = "almaghribtoday" if role.endswith("_a") else "casablancatoday"
        channels = {"listing", "feed"} if role.endswith("_a") else {"listing", "sitemap"}
        return _finish(source, site, "opinion", path, channels, writer_id=346, index=index,
                       body_index=1, date_style="json-ld", feed_path="/rss",
                       sitemap_part="articles-2")
    if role in {"syndicated_other_time_a", "syndicated_other_time_b"}:
        source = _regular_plan(seed, 3)
        if role.endswith("_a"):
            return _finish(source, "almaghribtoday", "opinion",
                           _opinion_path(1201, source.published, source.title), {"sitemap"},
                           writer_id=1201, index=index, body_index=3, date_style="meta")
        later = source.published + timedelta(hours=2, minutes=37, seconds=11)
        return _finish(source, "casablancatoday", "opinion",
                       _opinion_path(1430, later, source.title), {"listing"}, writer_id=1430,
                       index=index, body_index=3, date_style="time", published=later)
    if role == "windows_1256":
        return news("palestinetoday", 55, {"listing", "feed"}, encoding="windows-1256",
                    date_style="json-ld", feed_path="/ar/rss/")
    if role == "alias_host_feed_link":
        return news("almaghribtoday", 340, {"feed"}, feed_path="/rss", feed_variant="alias",
                    date_style="feed")
    if role == "label_mismatch":
        return news("casablancatoday", 97, {"listing", "sitemap"}, label_site_key="almaghribtoday",
                    date_style="json-ld", sitemap_part="articles-1")
    if role == "legacy_timestamp":
        stamp = datetime(2013, 1, 20, 5, 49, 31, tzinfo=UTC)
        return opinion("arabstoday", 505, "/w-505/2013-01-20-05-49-31", {"sitemap"},
                       published=stamp, date_style="json-ld", sitemap_part="articles-2")
    if role == "legacy_opinion_slug":
        published = published.replace(second=0)
        return opinion("palestinetoday", 909, f"/w-909/{text.slugify(title)}", {"listing"},
                       date_style="text", published=published)
    if role == "legacy_news_slug":
        return _finish(base, "almaghribtoday", "news", f"/118/{text.slugify(title)}", {"feed"},
                       section_id=118, feed_path="/rss", date_style="meta")
    if role == "no_date":
        return news("casablancatoday", rng.choice((211, 340)), {"listing"}, date_style="none")
    raise ValueError(f"unknown special role {role!r}")


def _finish(base: ArticlePlan, site: str, kind: Kind, path: str, channels: set[str],
            **changes: object) -> ArticlePlan:
    index = int(changes.get("index", base.index))  # type: ignore[call-overload]
    values: dict[str, object] = {
        "site_key": site, "kind": kind, "path": path, "channels": frozenset(channels),
        "label_site_key": site, "special": SPECIALS[index], "form_ordinal": index // 3,
        "section_id": None, "writer_id": None, "sitemap_part": None, "feed_path": None,
        "feed_variant": "canonical", "body_index": index,
    }
    values.update(changes)
    if "sitemap" in channels and values["sitemap_part"] is None:
        values["sitemap_part"] = "articles-1"
    if "feed" not in channels:
        values["feed_path"] = None
    return replace(base, **values)  # type: ignore[arg-type]


def plan_article(seed: int, index: int) -> ArticlePlan:
    """The plan of article ``index``; a pure function of ``(seed, index)``."""
    if role := SPECIALS.get(index):
        return _special_plan(seed, index, role)
    return _regular_plan(seed, index)


# --------------------------------------------------------------------------- full articles


def _dateline(rng: random.Random, plan: ArticlePlan, form: int, reporter: str
              ) -> tuple[str, str, str]:
    """(dateline, location, source) in one of the six observed forms."""
    label = PROFILE_BY_KEY[plan.label_site_key].site.label
    if form == 0:
        city = "واشنطن" if plan.special == "seed_like" else rng.choice(text.CITIES)
        return f"{city} - {reporter}", city, reporter
    city = rng.choice(text.CITIES)
    if form == 1:
        return f"{city} -{label}", city, label
    if form == 2:
        return "دبي - صوت الإمارات", "دبي", "صوت الإمارات"
    if form == 3:
        return f"{city} / {label}", city, label
    if form == 4:
        return f"{city}-{label}", city, label
    return f"{city} ـ {label}", city, label


def _look(seed: int, plan: ArticlePlan, related: tuple[RelatedItem, ...]) -> PageLook:
    rng = _rng(seed, plan.index, "look")
    clock_form = 1 if plan.special == "seed_like" else plan.index % CLOCK_FORMS
    clock_time = "01:02:45" if plan.special == "seed_like" else (
        f"{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}")
    clock_date = REFERENCE + timedelta(days=rng.randrange(200))
    return PageLook(
        clock_form=clock_form, clock_time=clock_time, clock_date=clock_date,
        author_line_form=plan.form_ordinal % AUTHOR_LINE_FORMS,
        dateline_form=0 if plan.special == "seed_like" else plan.form_ordinal % DATELINE_FORMS,
        display_twice=plan.special == "seed_like" or rng.random() < 0.6,
        eastern_digits=plan.encoding == "utf-8" and rng.random() < 0.3,
        json_ld_offset_hours=rng.choice((0, 0, 1, 2, 3, 4)),
        canonical_link=rng.random() < 0.8,
        ticker=tuple(text.headline(rng) for _ in range(4)),
        may_interest=tuple(text.headline(rng) for _ in range(2)),
        related=related,
    )


def build_article(seed: int, plan: ArticlePlan, related_links: tuple[RelatedItem, ...] = ()
                  ) -> SimArticle:
    """The full article for ``plan``; ``related_links`` are links to lower-index articles."""
    body_rng = _rng(seed, plan.body_index, "body")
    paragraphs = (text.paragraphs(body_rng, 4, 4) if plan.special == "seed_like"
                  else text.paragraphs(body_rng))
    tags = text.tags(body_rng)
    reporter = text.person_name(body_rng)
    image_caption = text.caption(body_rng)
    display = text.display_title(body_rng, plan.title)
    page_rng = _rng(seed, plan.index, "related")
    synthetic = tuple(
        RelatedItem(text.headline(page_rng),
                    REFERENCE - timedelta(minutes=page_rng.randrange(60 * 24 * 30)),
                    f"{page_rng.choice(text.CITIES)} ـ "
                    f"{PROFILE_BY_KEY[plan.label_site_key].site.label}")
        for _ in range(6 - len(related_links)))
    look = _look(seed, plan, related_links + synthetic)
    profile = plan.profile
    if plan.kind == "opinion":
        writer = profile.writer(plan.writer_id or 0)
        authors = [writer.name] if writer else []
        dateline = location = source = None
        image_url = caption = None
        section = "مقالات"
    else:
        dateline, location, source = _dateline(body_rng, plan, look.dateline_form, reporter)
        authors = [reporter] if look.dateline_form == 0 else []
        image_url = (f"https://img.{profile.site.domain}/{plan.published:%Y/%m}/normal/"
                     f"{plan.body_index:06d}{plan.published:%H%M%S}.jpg")
        caption = image_caption
        found = profile.section(plan.section_id or 0)
        section = found.name if found else ""
    return SimArticle(
        index=plan.index, canonical_url=plan.canonical_url, site=plan.site_key, kind=plan.kind,
        path=plan.path, title=plan.title, display_title=display, authors=authors,
        paragraphs=paragraphs, published_at=plan.published_at,
        date_source=None if plan.date_style == "none" else plan.date_style,
        dateline=dateline, dateline_location=location, dateline_source=source,
        image_url=image_url, image_caption=caption, section=section, tags=tags,
        label_mismatch=plan.label_mismatch, label=PROFILE_BY_KEY[plan.label_site_key].site.label,
        encoding=plan.encoding, special=plan.special, channels=tuple(sorted(plan.channels)),
        feed_path=plan.feed_path, feed_variant=plan.feed_variant, sitemap_part=plan.sitemap_part,
        section_id=plan.section_id, writer_id=plan.writer_id, look=look,
    )


def local_offset(hours: int) -> timezone:
    return timezone(timedelta(hours=hours))
