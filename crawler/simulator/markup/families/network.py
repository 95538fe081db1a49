"""Content shared by the network-order families (not a family): the network's own furniture
strings from site-facts.md, drawn and recorded once per page, for each family to mark up in its
own way. Order on the page (site-facts.md "Page layout as rendered text"): plain title, clock,
label line, ticker ending in "أخر الأخبار", display title (often twice), label line, the
label-prefixed title (news) or plain title and author line (opinion), caption, dateline, body,
"قد يهمك ايضا:" with headlines, logo alt text twice, comment form labels, the title twice,
related stories with their place and date, footer lines, address.
"""

from __future__ import annotations

from dataclasses import dataclass

from crawler.simulator.markup import furniture
from crawler.simulator.markup.page import Link, Page, Traits
from crawler.simulator.text import CITIES

AUTHOR_PREFIXES = {"biqalam_colon": ("بقلم : ", "بقلم:"), "biqalam": ("بقلم - ", "بقلم ", "بقلم -")}
"""The network's author-line variants (site-facts.md)."""


def traits(**changes: object) -> Traits:
    """Traits of a network-order family: network dates, author lines and datelines."""
    base: dict[str, object] = dict(
        date_formats=("network_gmt", "network_gmt", "paired_day"),
        date_where=(0.4, 0.35, 0.25),
        byline_forms=("biqalam_colon", "biqalam", "biqalam", "bare"),
        byline_prefixes=AUTHOR_PREFIXES, news_byline=False,
        dateline_positions=("line",),
        dateline_separators=(" - ", " -", " / ", "-", " ـ ", "ـ"),
        display_title=1.0, eastern_digits=0.2,
    )
    base.update(changes)
    return Traits(**base)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Related:
    link: Link
    place: str
    """The story's dateline-like place line: "القاهرة ـ العرب اليوم"."""


@dataclass(frozen=True)
class NetworkParts:
    clock: str
    label_line: str
    ticker: list[Link]
    ticker_end: str
    may_interest_title: str
    may_interest: list[Link]
    logo_alt: str
    comment_labels: list[str]
    related: list[Related]
    footer: list[str]
    address: str
    name_then_byline: bool
    """The opinion author line as the bare name followed by "بقلم - name"."""


def parts(page: Page) -> NetworkParts:
    rng = page.rng
    clock = page.clock()
    label_line = page.record("label", [f"{page.label} -"])[0]
    ticker = page.links("ticker", rng.randint(3, 5))
    ticker_end = page.record("ticker", [furniture.NETWORK_TICKER_END])[0]
    may_title = page.record("related", [furniture.NETWORK_MAY_INTEREST])[0]
    may = page.links("related", 2)
    logo = page.site.logo_alt  # an alt text: families that print it record it
    labels = page.record("comments", list(furniture.NETWORK_COMMENT_LABELS))
    fmt = "network_gmt"
    links = page.links("related", rng.randint(4, 6), fmt)
    places = [f"{rng.choice(CITIES)} ـ {page.label}" for _ in links]
    page.record("related", places)
    footer = page.record("footer", list(furniture.NETWORK_FOOTER))
    address = page.record("footer", [furniture.NETWORK_ADDRESS])[0]
    name_first = (page.byline.visible and page.byline.prefix.startswith("بقلم -")
                  and rng.random() < 0.3)
    return NetworkParts(clock, label_line, ticker, ticker_end, may_title, may, logo, labels,
                        [Related(link, place) for link, place in zip(links, places, strict=True)],
                        footer, address, name_first)
