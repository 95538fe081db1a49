"""One page being generated: the choices that decide the expected fields, and the furniture log.

A family declares its ``Traits`` (which date formats, byline forms and positions, dateline
positions it uses); ``Page`` draws the page's choices from them, hands the family the article's
parts and furniture text, records every furniture string it hands out, and builds ``expected``
from exactly what was shown. The family only decides the markup.

A site's chrome (menus, footer, headings, labels, hashed class names) comes from generators
keyed by family and site, so it is the same on every page of that site, as a template is;
tickers, lists, tags, comments and the article's own choices change from page to page.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from crawler.network.sites import Site, get_site
from crawler.network.urls import NotAnArticleURL, parse_article_url
from crawler.simulator.markup import dates, furniture
from crawler.simulator.markup.kit import HashedNames, article_url, attr, esc, thumb_url
from crawler.simulator.markup.source import SourceArticle
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import eastern_digits, paragraph, person_name, slugify
from crawler.text import fold, normalise_space

DateWhere = Literal["metadata", "text", "none"]
BylineForm = Literal["biqalam_colon", "biqalam", "kataba", "katib", "bare", "meta_only", "none",
                     "edited_by", "titled", "reporter"]
BylinePosition = Literal["before", "after"]
DatelinePosition = Literal["line", "body_lead", "omitted"]

BYLINE_PREFIXES: dict[str, tuple[str, ...]] = {
    "biqalam_colon": ("بقلم: ", "بقلم : "),
    "biqalam": ("بقلم ",),
    "kataba": ("كتب - ", "كتب: ", "كتب "),
    "katib": ("الكاتب: ", "الكاتب : "),
    "edited_by": ("حرر بواسطة: ", "المحرر: ", "كتب بواسطة: "),
    "titled": ("د. ", "أ. ", "بقلم: د. ", "بقلم الدكتور "),
}
"""Byline prefixes with their own spacing (the network also writes "بقلم:X", "بقلم -X").
``titled`` prefixes end in an academic title (د. = doctor, أ. = professor): the title is not part
of the name, so the expected author is the name after it. ``reporter`` bylines ("X | site",
"مراسل site - X") are written by the family around the names."""
ALL_BYLINES: tuple[BylineForm, ...] = ("biqalam_colon", "biqalam", "kataba", "katib", "bare",
                                       "meta_only")
DATELINE_SEPARATORS = (" - ", " -", "- ", " ـ ", "ـ", " / ", "-", " – ")
MODIFIED_LABELS = ("آخر تحديث:", "تم التحديث:", "محدث")
PUBLISHED_LABELS = ("نشر في:", "تاريخ النشر:", "نُشر في", "نشر بتاريخ", "")


@dataclass(frozen=True)
class Traits:
    """What a family's pages can do; ``Page`` draws each page's choices from these."""

    date_formats: tuple[str, ...]
    """Visible formats of the article's own date (dates.FORMATS names)."""
    date_where: tuple[float, float, float] = (0.45, 0.30, 0.25)
    """Weights of metadata / text only / nowhere (articles with a known instant)."""
    meta_styles: tuple[dates.MetaStyle, ...] = ("site", "site", "utc_z", "utc", "plus3")
    meta_colonless: float = 0.0
    meta_day_only: float = 0.0
    visible_with_meta: float = 0.6
    modified_shown: float = 0.0
    """Probability that a text-dated page also prints a later modification date beside it."""
    eastern_digits: float = 0.0
    byline_forms: tuple[BylineForm, ...] = ALL_BYLINES
    byline_positions: tuple[BylinePosition, ...] = ("before",)
    byline_prefixes: Mapping[str, tuple[str, ...]] | None = None
    """Per-form prefix overrides (forms not given use BYLINE_PREFIXES)."""
    two_authors: float = 0.0
    dateline_positions: tuple[DatelinePosition, ...] = ("line",)
    dateline_separators: tuple[str, ...] = DATELINE_SEPARATORS
    news_byline: bool = True
    """False: news pages name no reporter outside the dateline (the network's own pages)."""
    display_title: float = 0.5
    """Probability that the headline is the display title (with punctuation), not the plain."""
    image: float = 0.85
    caption: float = 0.8


@dataclass(frozen=True)
class OwnDate:
    where: DateWhere
    machine: dates.MachineDate | None
    """Metadata value (where == metadata)."""
    visible: str | None
    """The date printed near the title or byline, or None."""
    expected: str | None
    precision: str | None
    modified_visible: str | None = None
    modified_machine: str | None = None
    label: str = ""


@dataclass(frozen=True)
class Byline:
    form: BylineForm
    position: BylinePosition
    names: tuple[str, ...]
    prefix: str

    @property
    def visible(self) -> bool:
        return self.form not in ("meta_only", "none") and bool(self.names)

    @property
    def in_metadata(self) -> bool:
        return self.form == "meta_only"

    @property
    def label(self) -> str:
        """The prefix alone, for markup that prints it in its own element."""
        return self.prefix.strip()

    def joined(self, joiner: str = " و") -> str:
        return joiner.join(self.names)

    def text(self, joiner: str = " و") -> str:
        return self.prefix + self.joined(joiner)


@dataclass(frozen=True)
class Dateline:
    location: str
    source: str
    text: str
    position: DatelinePosition


@dataclass(frozen=True)
class Image:
    url: str
    caption: str | None


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    date: str | None = None
    excerpt: str | None = None
    thumb: str | None = None
    moment: datetime | None = None


def link_items(links: list[Link], date_class: str = "d") -> str:
    """Teasers as list items: the headline linked, then its date (when it has one) in a span."""
    return "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a>'
                   + (f' <span class="{date_class}">{esc(link.date)}</span>' if link.date else "")
                   + "</li>" for link in links)


def _url_dated(url: str) -> bool:
    """Whether the URL carries a full timestamp (legacy /w-505/2013-01-20-05-49-31)."""
    try:
        return parse_article_url(url).legacy_datetime is not None
    except NotAnArticleURL:
        return False


@dataclass
class Page:
    """The page being rendered; families read the article's parts and ask for furniture."""

    article: SourceArticle
    family: str
    traits: Traits
    rng: random.Random
    url: str = ""
    site: Site = field(init=False)
    label: str = field(init=False)
    headline: str = field(init=False)
    date: OwnDate = field(init=False)
    byline: Byline = field(init=False)
    dateline: Dateline | None = field(init=False)
    image: Image | None = field(init=False)
    eastern: bool = field(init=False)
    today: datetime = field(init=False)
    """Render time, for header clocks: always after every article date."""
    layout: dict[str, str] = field(default_factory=dict)
    css: HashedNames = field(init=False)
    _blocks: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    _body: tuple[str, ...] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        a, rng, traits = self.article, self.rng, self.traits
        self.url = self.url or a.url
        self.site = get_site(a.site)
        self.label = a.site_label
        self.css = HashedNames(self.stable("css"))
        self.headline = (a.headline if a.display_title and rng.random() < traits.display_title
                         else a.title)
        self.eastern = rng.random() < traits.eastern_digits
        self.today = REFERENCE + timedelta(days=rng.randint(1, 200), minutes=rng.randrange(1440))
        self.date = self._own_date()
        self.dateline = self._dateline()
        self.byline = self._byline()
        self.image = self._image()
        self.layout.update(date_where=self.date.where, byline=self.byline.form,
                           byline_position=self.byline.position,
                           dateline=self.dateline.position if self.dateline else "none")

    # ------------------------------------------------------------------ choices

    def _own_date(self) -> OwnDate:
        a, rng, traits = self.article, self.rng, self.traits
        if a.published is None:
            return OwnDate("none", None, None, None, None)
        where: DateWhere = rng.choices(("metadata", "text", "none"), traits.date_where)[0]
        if _url_dated(a.url):  # the URL itself tells the date: metadata must agree with it
            where = "metadata"
        if where == "none":
            return OwnDate("none", None, None, None, None)
        fmt = rng.choice(traits.date_formats)
        label = rng.choice(PUBLISHED_LABELS)
        self.layout["date_format"] = fmt
        if where == "text":
            shown = dates.visible(a.published, fmt, a.site, self.eastern)
            expected, precision = dates.expected_visible(a.published, fmt, a.site)
            modified = None
            if rng.random() < traits.modified_shown:
                later = a.published + timedelta(hours=rng.randint(2, 40), minutes=rng.randrange(60))
                modified = (f"{rng.choice(MODIFIED_LABELS)} "
                            f"{dates.visible(later, fmt, a.site, self.eastern)}")
            return OwnDate("text", None, shown, expected, precision, modified, label=label)
        style = rng.choice(traits.meta_styles)
        day_only = rng.random() < traits.meta_day_only
        stamp = dates.machine(a.published, style, a.site,
                              colonless=rng.random() < traits.meta_colonless, day_only=day_only)
        self.layout["meta_style"] = ("day_only" if day_only else style)
        zone = None if style in ("utc", "utc_z") else stamp.zone
        also_shown = (dates.visible(a.published, fmt, a.site, self.eastern, zone)
                      if rng.random() < traits.visible_with_meta else None)
        modified = dates.shifted_iso(stamp, timedelta(hours=rng.randint(1, 30)))
        return OwnDate("metadata", stamp, also_shown, stamp.expected, stamp.precision,
                       modified_machine=modified, label=label)

    def _byline(self) -> Byline:
        a, rng, traits = self.article, self.rng, self.traits
        position = rng.choice(traits.byline_positions)
        # a reporter the dateline names is not repeated in a byline
        shown = a.dateline_person if self.dateline is not None else None
        names = tuple(n for n in a.authors if n != shown)
        if not names or (a.kind == "news" and not traits.news_byline):
            return Byline("none", position, (), "")
        if len(names) == 1 and rng.random() < traits.two_authors:
            second = person_name(rng)
            if second not in names:
                names = (*names, second)
        form = rng.choice(traits.byline_forms)
        prefixes = {**BYLINE_PREFIXES, **(traits.byline_prefixes or {})}
        return Byline(form, position, names, rng.choice(prefixes.get(form, ("",))))

    def _dateline(self) -> Dateline | None:
        a, rng = self.article, self.rng
        if a.dateline is None:
            return None
        position = rng.choice(self.traits.dateline_positions)
        if position == "omitted":
            return None
        location, source = a.dateline
        separator = rng.choice(self.traits.dateline_separators)
        return Dateline(location, source, f"{location}{separator}{source}", position)

    def _image(self) -> Image | None:
        a, rng = self.article, self.rng
        if not a.image_url or rng.random() >= self.traits.image:
            return None
        caption = a.caption if a.caption and rng.random() < self.traits.caption else None
        return Image(a.image_url, caption)

    # ------------------------------------------------------------------ article parts

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The body paragraphs the page shows: the article's, or the family's reshaping."""
        return self._body if self._body is not None else self.article.paragraphs

    def set_body(self, paragraphs: list[str] | tuple[str, ...]) -> None:
        """The body as this page shows it when the family reshapes the article's paragraphs
        (a lead sentence on its own, a list, intertitles): the article's sentences, in order,
        plus the editor's own lines. ``expected["paragraphs"]`` follows it."""
        if not paragraphs or not all(p.strip() for p in paragraphs):
            raise ValueError("a body needs non-empty paragraphs")
        self._body = tuple(paragraphs)

    @property
    def shown_authors(self) -> list[str]:
        """Authors the page shows: byline (visible or metadata) and a dateline reporter."""
        names = list(self.byline.names) if self.byline.form != "none" else []
        person = self.article.dateline_person
        if person and self.dateline is not None and person not in names:
            names.insert(0, person)
        return names

    @property
    def section(self) -> str:
        return self.article.section or ("مقالات" if self.article.kind == "opinion" else "أخبار")

    # ------------------------------------------------------------------ furniture

    def stable(self, purpose: str) -> random.Random:
        """A generator for the site's chrome (menus, footer, headings, labels, class names):
        the same on every page of one site in one family, as a site template is."""
        return random.Random(f"markup-site:{self.family}:{self.article.site}:{purpose}")

    def record(self, kind: str, strings: list[str] | tuple[str, ...]) -> list[str]:
        """Log one furniture block (strings a correct extractor never puts in the body)."""
        kept = [normalise_space(s) for s in strings if s and normalise_space(s)]
        if kept:
            self._blocks.append((kind, tuple(kept)))
        return list(strings)

    def pick(self, kind: str, pool: tuple[str, ...]) -> str:
        """The site's string of ``pool`` (a heading, a label), recorded under ``kind``."""
        choice = self.stable(f"pick:{kind}:{pool[0]}:{len(pool)}").choice(pool)
        self.record(kind, [choice])
        return choice

    def menu(self, low: int = 6, high: int = 12) -> list[str]:
        return self.record("menu", furniture.menu(self.stable("menu"), low, high))

    def utility_links(self) -> list[str]:
        return self.record("footer", furniture.utility_links(self.stable("utility")))

    def breadcrumbs(self, with_title: bool = False) -> list[str]:
        crumbs = [self.stable("home").choice(furniture.HOME),
                  self.rng.choice(furniture.MENU_SECTIONS)]
        if self.article.section and self.rng.random() < 0.5:
            crumbs.append(self.article.section)
        self.record("breadcrumbs", crumbs)
        return [*crumbs, self.headline] if with_title else crumbs

    def links(self, kind: str, count: int, date_format: str | None = None,
              excerpts: bool = False, thumbs: bool = False, relative: bool = False) -> list[Link]:
        """Other articles' headlines (tickers, read-also, related, most-read, latest); with a
        date format, each carries another article's date in that format."""
        rng = self.rng
        around = self.article.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
        moments = dates.decoy_moments(rng, around, count)
        out = []
        for title, moment in zip(furniture.headlines(rng, count), moments, strict=True):
            when = None
            if relative:
                when = dates.relative(rng)
            elif date_format:
                when = dates.visible(moment, date_format, self.article.site, self.eastern)
            out.append(Link(title, article_url(self.site, rng, title), when,
                            furniture.excerpt(rng) if excerpts else None,
                            thumb_url(self.site, rng) if thumbs else None, moment))
        strings: list[str] = []
        for link in out:
            strings += [link.title, link.date or "", link.excerpt or ""]
        self.record(kind, strings)
        return out

    def tags(self) -> list[str]:
        return self.record("tags", furniture.tags(self.rng, self.article.tags))

    def share(self) -> list[str]:
        return self.record("share", furniture.share_bar(self.stable("share")))

    def comment_form(self) -> list[str]:
        return self.record("comments", furniture.comment_form(self.stable("comment-form")))

    def reader_comments(self, count: int, date_format: str = "numeric_time"
                        ) -> list[tuple[str, str, str]]:
        """(name, date, text) of reader comments; dates are after the article's."""
        rng = self.rng
        base = self.article.published or REFERENCE
        out = []
        for text in rng.sample(furniture.COMMENT_TEXTS, count):
            when = base + timedelta(days=rng.randint(1, 6), minutes=rng.randrange(1440))
            out.append((rng.choice(furniture.COMMENTERS),
                        dates.visible(when, date_format, self.article.site, self.eastern), text))
        self.record("comments", [s for row in out for s in row])
        return out

    def newsletter(self) -> list[str]:
        return self.record("newsletter", furniture.newsletter(self.stable("newsletter")))

    def footer(self) -> list[str]:
        return self.record("footer", furniture.footer_lines(self.stable("footer"), self.label,
                                                            self.today.year))

    def author_bio(self, name: str) -> str:
        return self.record("author_bio", [furniture.author_bio(self.rng, name)])[0]

    def date_span(self) -> str:
        """The visible date with its label in a ``<span class="date">`` (the label recorded)."""
        label = self.record("date_label", [self.date.label])[0] if self.date.label else ""
        return f'<span class="date">{esc(label)} {esc(self.date.visible or "")}</span>'

    def linked_names(self, path: str = "/author/") -> str:
        """The byline's names, each a link to its page under ``path``, joined by " و"."""
        return " و".join(f'<a href="{path}{attr(slugify(name))}">{esc(name)}</a>'
                         for name in self.byline.names)

    def lead_figure(self) -> str:
        """The lead image as a ``<figure class="lead">`` with its caption, or nothing."""
        if not self.image:
            return ""
        cap = f"<figcaption>{esc(self.image.caption)}</figcaption>" if self.image.caption else ""
        return f'<figure class="lead"><img src="{attr(self.image.url)}" alt="">{cap}</figure>'

    def today_line(self, fmt: str = "weekday_day") -> str:
        """The header's date of the day (render time, never the article's)."""
        return self.record("clock", [dates.visible(self.today, fmt, self.article.site,
                                                   self.eastern)])[0]

    def clock(self) -> str:
        return self.record("clock", [furniture.network_clock(self.rng)])[0]

    def digits(self, text: str) -> str:
        """``text`` in the page's digits: Eastern Arabic on pages that print them."""
        return eastern_digits(text) if self.eastern else text

    def script_articles(self, count: int) -> list[dict[str, Any]]:
        """Other articles with their text, as inline scripts embed them (state, widgets)."""
        rng = self.rng
        around = self.article.published or REFERENCE
        items = []
        for title, moment in zip(furniture.headlines(rng, count),
                                 dates.decoy_moments(rng, around, count), strict=True):
            body = paragraph(rng).replace('"', "")  # kept verbatim inside JSON strings
            items.append({"title": title, "body": body,
                          "publishedAt": moment.isoformat(timespec="seconds"),
                          "url": article_url(self.site, rng, title)})
        self.record("script", [s for item in items for s in (item["title"], item["body"])])
        return items

    # ------------------------------------------------------------------ expected

    def owned_text(self) -> str:
        """Everything that belongs to the article: a furniture string inside it is no leak."""
        a = self.article
        parts = [a.title, a.headline, self.headline, *a.paragraphs, *self.paragraphs, *a.authors,
                 *self.byline.names, a.caption or "", *(a.dateline or ())]
        return fold(normalise_space(" \n ".join(parts)))

    def blocks(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        owned = self.owned_text()
        out = []
        for kind, strings in self._blocks:
            kept = tuple(s for s in strings if len(s) > 1 and fold(s) not in owned)
            if kept:
                out.append((kind, kept))
        return tuple(out)

    def expected(self) -> dict[str, Any]:
        furniture_strings = list(dict.fromkeys(s for _, block in self.blocks() for s in block))
        images = ([{"url": self.image.url, "caption": self.image.caption}]
                  if self.image else [])
        return {
            "title": normalise_space(self.headline),
            "authors": [normalise_space(n) for n in self.shown_authors],
            "dateline": ({"location": self.dateline.location, "source": self.dateline.source}
                         if self.dateline else None),
            "paragraphs": [normalise_space(p) for p in self.paragraphs],
            "published_at": self.date.expected,
            "published_precision": self.date.precision,
            "images": images,
            "furniture": furniture_strings,
        }
