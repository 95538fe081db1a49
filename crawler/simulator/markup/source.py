"""The article texts the generator renders: from the simulator, or parsed from the seed page.

A ``SourceArticle`` is what an article *is* (its words, people, place and instant); how a page
shows it is decided per page by the layout families. The seed page is read at run time and never
copied into the repository.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from crawler.network.sites import SITES, get_site, site_for_label
from crawler.network.urls import encode_path
from crawler.simulator import text as simtext
from crawler.simulator.network import SimulatedNetwork
from crawler.text import normalise_space, text_digest

Kind = Literal["news", "opinion"]

SEED_SECTION = 485
"""Section id of the seed page's URL: the seed text carries no URL, and 485 is the news section
of the URL grammar's example."""
REPORTER_SHARE = 0.4
"""Share of simulator news whose dateline names the site, not a person, that get a reporter:
the simulator only names reporters in city - reporter datelines, real pages name more."""


@dataclass(frozen=True)
class SourceArticle:
    """One article's content, independent of any markup."""

    site: str
    """Network site key (crawler.network.sites)."""
    url: str
    kind: Kind
    title: str
    """The plain title (slug source, og:title)."""
    paragraphs: tuple[str, ...]
    authors: tuple[str, ...] = ()
    dateline: tuple[str, str] | None = None
    """(location, source), e.g. ("القاهرة", "العرب اليوم") or ("واشنطن", a reporter)."""
    published: datetime | None = None
    """The true publication instant (aware), or None when nothing shows it."""
    caption: str | None = None
    image_url: str | None = None
    tags: tuple[str, ...] = ()
    display_title: str | None = None
    """The headline as the network displays it (title plus punctuation); defaults to title."""
    label: str | None = None
    """The site label the page shows; defaults to the site's own label."""
    section: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in ("news", "opinion"):
            raise ValueError(f"kind must be news or opinion, not {self.kind!r}")
        if not self.title.strip():
            raise ValueError("an article needs a title")
        if not any(p.strip() for p in self.paragraphs):
            raise ValueError(f"article {self.url} has no body paragraph")
        if self.published is not None and self.published.utcoffset() is None:
            raise ValueError(f"article {self.url}: published must be timezone-aware")
        get_site(self.site)  # raises UnknownSiteError for a key the registry does not hold

    @property
    def headline(self) -> str:
        return self.display_title or self.title

    @property
    def site_label(self) -> str:
        return self.label or get_site(self.site).label

    @property
    def dateline_person(self) -> str | None:
        """The dateline's source when it is one of the authors (``city - reporter``)."""
        if self.dateline and self.dateline[1] in self.authors:
            return self.dateline[1]
        return None


# --------------------------------------------------------------------------- simulator


def articles_from_simulator(pages: int, seed: int = 0) -> list[SourceArticle]:
    """The first ``pages`` articles of ``SimulatedNetwork(pages, seed)`` as source articles."""
    if pages < 1:
        raise ValueError("pages must be >= 1")
    network = SimulatedNetwork(pages, seed=seed)
    out = []
    for article in network.articles():
        authors = tuple(article.authors)
        if article.kind == "news" and not authors:
            rng = random.Random(f"markup-reporter:{seed}:{article.index}")
            if rng.random() < REPORTER_SHARE:
                authors = (simtext.person_name(rng),)
        dateline = ((article.dateline_location, article.dateline_source)
                    if article.dateline_location and article.dateline_source else None)
        out.append(SourceArticle(
            site=article.site, url=article.canonical_url, kind=article.kind,
            title=article.title, paragraphs=tuple(article.paragraphs), authors=authors,
            dateline=dateline, published=article.published_at, caption=article.image_caption,
            image_url=article.image_url, tags=tuple(article.tags),
            display_title=article.display_title, label=article.label,
            section=article.section or None,
        ))
    return out


# --------------------------------------------------------------------------- seed page

_DASHES = "-ـ/–"
_DATELINE = re.compile(
    rf"^(?P<location>[^{_DASHES}]+?)\s*[{_DASHES}]+\s*(?P<source>[^{_DASHES}]+)$")
_DATELINE_MAX_WORDS = 7


class SeedFormatError(ValueError):
    """A seed page whose text does not have the network's article layout."""


def _logo_sites() -> dict[str, str]:
    return {site.logo_alt.lower(): site.key for site in SITES}


def _dateline(line: str) -> tuple[str, str] | None:
    if len(line.split()) > _DATELINE_MAX_WORDS:
        return None
    match = _DATELINE.match(line)
    if not match:
        return None
    location, source = match["location"].strip(), match["source"].strip()
    if not location or not source or site_for_label(location):
        return None
    return location, source


def article_from_seed(path: str | Path) -> SourceArticle:
    """Parse a seed page (the network's article page as text, ``../shared/seed/*.txt``).

    Title: the first line. Dateline: the first short ``place - source`` line after the
    label-prefixed title. Caption: the line before it. Body: the non-empty lines after the
    dateline up to the logo alt line (e.g. ``arabstoday``), which also names the site.
    """
    path = Path(path)
    lines = [normalise_space(line) for line in path.read_text("utf-8").splitlines()]
    title = lines[0] if lines else ""
    if not title:
        raise SeedFormatError(f"{path}: the first line (the title) is empty")
    start = next((i for i, line in enumerate(lines)
                  if i > 0 and line.endswith(title) and line != title), None)
    if start is None:
        raise SeedFormatError(f"{path}: no label-prefixed title line ('<label> - {title}')")
    found = next(((i, parsed) for i in range(start + 1, len(lines))
                  if (parsed := _dateline(lines[i]))), None)
    if found is None:
        raise SeedFormatError(f"{path}: no dateline line after the title")
    at, dateline = found
    caption = next((lines[i] for i in range(at - 1, start, -1) if lines[i]), None)
    logos = _logo_sites()
    end = next((i for i in range(at + 1, len(lines)) if lines[i].lower() in logos), None)
    if end is None:
        raise SeedFormatError(f"{path}: no logo line (a site's logo alt text) after the body")
    paragraphs = tuple(line for line in lines[at + 1:end] if line)
    if not paragraphs:
        raise SeedFormatError(f"{path}: no body paragraph between the dateline and the logo")
    site = get_site(logos[lines[end].lower()])
    person = dateline[1] if site_for_label(dateline[1]) is None else None
    url = site.url(encode_path(f"/{SEED_SECTION}/{simtext.slugify(title)}"))
    return SourceArticle(
        site=site.key, url=url, kind="news", title=title, paragraphs=paragraphs,
        authors=(person,) if person else (), dateline=dateline, published=None,
        caption=caption,
        image_url=f"https://img.{site.domain}/normal/{text_digest(title)[:16]}.jpg",
    )
