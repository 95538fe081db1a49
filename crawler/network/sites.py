"""The Arabs Today network: one declarative registry of its sister sites.

Everything here comes from ../shared/notes/site-facts.md. The live markup has never been seen,
so the registry holds only what is known from rendered text and public feed lists: domains,
in-page labels, logo alt text, feeds and the groups of sites that share a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache


@dataclass(frozen=True)
class Site:
    """One network site; ``key`` is the short name used in spider arguments and item ids."""

    key: str
    domain: str
    label: str
    logo_alt: str
    feeds: tuple[str, ...] = ("/rss",)
    sections: tuple[str, ...] = ("/",)
    confirmed: bool = True
    shares_database_with: tuple[str, ...] = field(default=())

    @property
    def canonical_host(self) -> str:
        """The host the crawler fetches from: always ``www.`` plus the domain."""
        return f"www.{self.domain}"

    @property
    def base_url(self) -> str:
        return f"https://{self.canonical_host}"

    def url(self, path: str) -> str:
        """Absolute URL of ``path`` on the canonical host."""
        return self.base_url + (path if path.startswith("/") else "/" + path)


_MOROCCO_GROUP = ("almaghribtoday", "casablancatoday", "moroccosports")


_GULF_MAGHREB_GROUP = ("alsaudiatoday", "tunisiatoday", "algeriatoday")


SITES: tuple[Site, ...] = (
    Site("arabstoday", "arabstoday.net", "العرب اليوم", "arabstoday",
         feeds=("/rss", "/ar/rss", "/sports/rss.xml")),
    Site("omantoday", "omantoday.net", "عمان اليوم", "omantoday"),
    Site("palestinetoday", "palestinetoday.net", "فلسطين اليوم", "palestinetoday",
         feeds=("/ar/rss/",)),
    Site("emiratesvoice", "emiratesvoice.com", "صوت الإمارات", "emiratesvoice"),
    Site("almaghribtoday", "almaghribtoday.net", "المغرب اليوم", "almaghribtoday",
         feeds=("/rss", "/health/rss.xml"), shares_database_with=_MOROCCO_GROUP),
    Site("casablancatoday", "casablancatoday.com", "الدار البيضاء اليوم", "casablancatoday",
         feeds=("/rss", "/health/rss.xml"), shares_database_with=_MOROCCO_GROUP),
    Site("moroccosports", "moroccosports.net", "المغرب الرياضي", "moroccosports",
         shares_database_with=_MOROCCO_GROUP),
    Site("egypttoday", "egypt-today.com", "مصر اليوم", "egypttoday"),
    Site("alyementoday", "alyementoday.com", "اليمن اليوم", "alyementoday"),
    Site("alsaudiatoday", "alsaudiatoday.com", "السعودية اليوم", "alsaudiatoday",
         shares_database_with=_GULF_MAGHREB_GROUP),
    Site("algeriatoday", "algeriatoday.com", "الجزائر اليوم", "algeriatoday",
         shares_database_with=_GULF_MAGHREB_GROUP),
    Site("tunisiatoday", "tunisiatoday.com", "تونس اليوم", "tunisiatoday",
         shares_database_with=_GULF_MAGHREB_GROUP),
    # Probable, unconfirmed: not crawled unless asked for by name.
    Site("albahraintoday", "albahraintoday.com", "البحرين اليوم", "albahraintoday",
         confirmed=False),
    Site("syria24", "syria-24.com", "سوريا 24", "syria-24", confirmed=False),
)


ALIAS_SUBDOMAINS: frozenset[str] = frozenset({"mail", "host", "android", "autodiscover"})
"""Subdomains seen serving pages of other network sites; mapped to the canonical host."""


class UnknownSiteError(ValueError):
    """A site key that the registry does not hold."""


@cache
def _by_key() -> dict[str, Site]:
    return {site.key: site for site in SITES}


@cache
def _by_domain() -> dict[str, Site]:
    return {site.domain: site for site in SITES}


def get_site(key: str) -> Site:
    """The site with this key; also accepts its domain. Raises UnknownSiteError."""
    site = _by_key().get(key) or _by_domain().get(key.lower().removeprefix("www."))
    if site is None:
        known = ", ".join(s.key for s in SITES)
        raise UnknownSiteError(f"unknown site {key!r}; known sites: {known}")
    return site


def confirmed_sites() -> tuple[Site, ...]:
    """The sites crawled by default."""
    return tuple(site for site in SITES if site.confirmed)


def parse_site_list(value: str | None) -> tuple[Site, ...]:
    """Sites from a comma-separated spider argument; all confirmed sites when empty."""
    if not value or value.strip() in {"all", "*"}:
        return confirmed_sites()
    keys = [part.strip() for part in value.split(",") if part.strip()]
    return tuple(dict.fromkeys(get_site(key) for key in keys))


def site_for_host(host: str) -> Site | None:
    """The site a host belongs to: the bare domain, www., or an alias subdomain.

    Any other subdomain (img., unknown hosts) is not an article host and gives None.
    """
    host = host.lower().rstrip(".")
    if ":" in host:
        host = host.split(":", 1)[0]
    if site := _by_domain().get(host):
        return site
    sub, _, rest = host.partition(".")
    if sub == "www" or sub in ALIAS_SUBDOMAINS:
        return _by_domain().get(rest)
    return None


def site_for_label(label: str) -> Site | None:
    """The site whose in-page label is ``label`` (surrounding spaces and dashes ignored)."""
    cleaned = label.strip().strip("-ـ").strip()
    for site in SITES:
        if site.label == cleaned:
            return site
    return None
