"""The network's own strings and line shapes (shared/notes/site-facts.md), as predicates on text.

What every page of the network shows around an article: the site label line (" فلسطين اليوم -")
and the label-prefixed title, the breaking-news ticker ending in "أخر الأخبار", the header clocks,
"قد يهمك ايضا:", the logo alt text, the comment form's labels and the footer lines. They are
strong evidence: a block that matches one is furniture (or the title) whatever the markup says.
Matching is on folded text, so the spelling variants the sites use ("أخر"/"آخر",
"الإسم"/"الاسم") are all recognised.
"""

from __future__ import annotations

from functools import cache

from crawler.extract.dates import is_header_clock
from crawler.network.sites import SITES, Site
from crawler.text import fold, word_key

DASHES = "-ـ–—"
_LABEL_FRAME = f" {DASHES}|:"
"""What may surround a label on its line."""
COMMENT_FORM = tuple(fold(s) for s in (
    "الإسم", "البريد الألكتروني", "البريد الإلكتروني", "عنوان التعليق", "تعليق",
    ": Characters Left", "Characters Left", "إلزامي", "شروط الاستخدام",
    "اُوافق على شروط الأستخدام", "أوافق على شروط الاستخدام", "Security Code",
))
FOOTER_PREFIXES = tuple(fold(s) for s in (
    "قد يهمك", "شروط النشر", "Maintained and developed by", "جميع الحقوق محفوظة",
))
AGENCIES = frozenset(fold(s) for s in (
    "وكالات", "أ ف ب", "أ.ف.ب", "رويترز", "د ب أ", "وام", "واس", "قنا", "الأناضول",
    "وكالة الأنباء", "سانا", "بترا", "كونا", "ماب", "واج", "وات", "فرانس برس", "أ ش أ",
))
PUBLISHER_NAMES = frozenset({"arabs today", "arabstoday", "arabs today group"})


@cache
def _labels() -> tuple[tuple[str, Site], ...]:
    """Folded labels, longest first (a label that starts another must not shadow it)."""
    return tuple(sorted(((fold(s.label), s) for s in SITES), key=lambda p: -len(p[0])))


@cache
def _label_initials() -> frozenset[str]:
    return frozenset(label[:1] for label, _ in _labels())


@cache
def _label_sites() -> dict[str, Site]:
    sites: dict[str, Site] = {}
    for label, site in _labels():
        sites.setdefault(label, site)
    return sites


@cache
def _logo_alts() -> frozenset[str]:
    return frozenset({s.logo_alt.lower() for s in SITES} | {s.domain.split(".")[0] for s in SITES})


def site_of_label(text: str, folded: str | None = None) -> Site | None:
    """The site when ``text`` is a label line (" فلسطين اليوم -"), else None. ``folded`` is
    ``fold(text)`` where the caller has it (so with the predicates below)."""
    label = (fold(text) if folded is None else folded).strip(_LABEL_FRAME)
    return _label_sites().get(label) if len(label) <= 40 else None


def split_label_prefix(text: str, folded: str | None = None) -> tuple[Site, str] | None:
    """(site, rest) when ``text`` is "{label} - rest", the label-prefixed title."""
    folded = (fold(text) if folded is None else folded).lstrip()
    if folded[:1] not in _label_initials():
        return None
    for label, site in _labels():
        if not folded.startswith(label):
            continue
        rest_folded = folded[len(label):]
        if rest_folded.lstrip()[:1] not in DASHES + "|:" or rest_folded[:1].isalnum():
            continue
        original = text.lstrip()
        cut = _align(original, len(label))
        rest = original[cut:].lstrip().lstrip(DASHES + "|:").strip()
        return (site, rest) if rest else None
    return None


def _align(original: str, folded_length: int) -> int:
    """Index in ``original`` whose folded prefix has ``folded_length`` characters."""
    for index in range(len(original) + 1):
        if len(fold(original[:index])) >= folded_length:
            return index
    return len(original)


def is_ticker_end(text: str, folded: str | None = None) -> bool:
    return (fold(text) if folded is None else folded).rstrip(" :.-").endswith("اخر الاخبار")


def is_logo_alt(text: str) -> bool:
    """The logo alt text ("arabstoday", "Arabstoday Arabstoday")."""
    words = text.lower().split()
    return bool(words) and all(word in _logo_alts() for word in words)


def is_comment_form(text: str, folded: str | None = None) -> bool:
    bare = (fold(text) if folded is None else folded).strip().rstrip(" *").strip()
    return bare in COMMENT_FORM or bare.lower().startswith("security code")


def is_footer_marker(text: str, folded: str | None = None) -> bool:
    """The first line of what follows the body: "قد يهمك ايضا", comment form, copyright."""
    folded = fold(text) if folded is None else folded
    return (folded.strip().startswith(FOOTER_PREFIXES) or is_comment_form(text, folded)
            or is_logo_alt(text))


def is_address(text: str, folded: str | None = None) -> bool:
    """The group's Beirut address line."""
    folded = fold(text) if folded is None else folded
    return "شارع الحمرا" in folded and "بيروت" in folded


def is_anchor(text: str) -> bool:
    """A line of the network's header: a label line, the ticker's end, a clock."""
    return site_of_label(text) is not None or is_ticker_end(text) or is_header_clock(text)


TITLE_SEPARATORS = (" - ", " | ", " ـ ", " – ", " — ", " » ", " « ", " :: ", " : ", " / ")
"""What stands between a title and the site's name in <title> and og:title."""


def strip_site_affix(title: str, site_name: str | None = None) -> str:
    """A title without the site's name before or after it: a network label ("{label} - X",
    "X | {label}", "{label} » X") or the page's own site name (og:site_name)."""
    if prefixed := split_label_prefix(title):
        return prefixed[1]
    own = fold(site_name).strip() if site_name else None

    def is_site(part: str) -> bool:
        return site_of_label(part) is not None or (own is not None and fold(part).strip() == own)

    for separator in TITLE_SEPARATORS:
        head, sep, tail = title.rpartition(separator)
        if sep and head.strip() and is_site(tail):
            return head.strip()
        head, sep, tail = title.partition(separator)
        if sep and tail.strip() and is_site(head):
            return tail.strip()
    return title.strip()


def is_site_name(name: str) -> bool:
    """Author values that name the publisher, not a person."""
    return (site_of_label(name) is not None or is_logo_alt(name)
            or word_key(fold(name)) in PUBLISHER_NAMES)


def is_agency(name: str) -> bool:
    return fold(name).strip() in AGENCIES

