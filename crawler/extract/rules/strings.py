"""The network's boilerplate strings and line shapes (site-facts.md), as predicates on text.

Everything is matched on folded text (no hamza, diacritics or tatweel differences), so the
spelling variants the sites use ("أخر"/"آخر", "الإسم"/"الاسم") are all recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from crawler.extract.dates import fold, is_header_clock, parse_arabic_date
from crawler.network.sites import SITES, Site
from crawler.text import word_count as count_words
from crawler.text import word_key, word_key_within

_MEMO = MEMO_SIZE = 4096
"""Texts remembered by the memoised predicates below: a page's blocks are tested by several
rules each (title, header, footer, repeats), and boilerplate lines recur on every page. Smaller
than a few pages' worth of distinct paragraphs, so body text is not kept around."""

_DASHES = "-ـ–—"


_DASH_CLASS = r"\-ـ–—"

_LABEL_FRAME = f" {_DASHES}|:"
"""What may surround a label on its line."""


_SENTENCE_PUNCT = re.compile(r"[.،,:؛;!?؟\"«»()\[\]0-9]")

COMMENT_FORM = tuple(fold(s) for s in (
    "الإسم", "البريد الألكتروني", "البريد الإلكتروني", "عنوان التعليق", "تعليق",
    ": Characters Left", "Characters Left", "إلزامي", "شروط الاستخدام",
    "اُوافق على شروط الأستخدام", "أوافق على شروط الاستخدام", "Security Code",
))


FOOTER_PREFIXES = tuple(fold(s) for s in (
    "قد يهمك", "شروط النشر", "Maintained and developed by", "جميع الحقوق محفوظة",
))

SHARE_WORDS = frozenset(fold(s) for s in (
    "شارك", "شاركها", "مشاركة", "على", "عبر", "facebook", "twitter", "whatsapp", "telegram",
    "linkedin", "email", "print", "share", "x", "طباعة", "اطبع", "تويتر", "فيسبوك", "فيس",
    "بوك", "واتساب", "تلغرام", "تليجرام", "لينكدإن", "أرسل", "ارسل", "لصديق", "إرسال",
))


AGENCIES = frozenset(fold(s) for s in (
    "وكالات", "أ ف ب", "أ.ف.ب", "رويترز", "د ب أ", "وام", "واس", "قنا", "الأناضول",
    "وكالة الأنباء", "سانا", "بترا", "كونا", "ماب", "واج", "وات",
))

_AUTHOR_LINE = re.compile(rf"^بقلم\s*[:{_DASH_CLASS}]?\s*(?P<name>\S.*)$")


_DATELINE = re.compile(
    rf"^(?P<location>[^{_DASH_CLASS}/:.،,\"]{{2,40}}?)\s*[{_DASH_CLASS}/]\s*"
    rf"(?P<source>[^{_DASH_CLASS}/:.،,\"]{{2,40}})$"
)


@lru_cache(maxsize=_MEMO)
def key(text: str) -> str:
    """Comparison key: folded, punctuation dropped, spaces collapsed (titles, names)."""
    return word_key(fold(text))


def key_within(text: str, limit: int) -> str | None:
    """``key(text)`` when it has at most ``limit`` characters, else None: for a membership test
    against short keys, without building (or hashing) a paragraph's whole key."""
    return word_key_within(fold(text), limit)


@lru_cache(maxsize=_MEMO)
def punctuation_count(text: str) -> int:
    return sum(1 for ch in text if not ch.isalnum() and not ch.isspace())


@lru_cache(maxsize=_MEMO)
def undouble(text: str) -> str:
    """"X X" (a title rendered twice in one block) to "X"; other text unchanged."""
    # Splitting on " " into an even number >= 2 of words whose halves are equal is the text
    # being X + " " + X: odd length, a space in the middle, equal halves around it.
    middle = len(text) // 2
    if len(text) % 2 == 1 and text[middle] == " " and text[:middle] == text[middle + 1:]:
        return text[:middle]
    return text


@cache
def _labels() -> tuple[tuple[str, Site], ...]:
    return tuple(sorted(((fold(s.label), s) for s in SITES), key=lambda p: -len(p[0])))


@cache
def _label_sites() -> dict[str, Site]:
    """Folded label to site, the first of _labels() for a label two sites would share."""
    sites: dict[str, Site] = {}
    for label, site in _labels():
        sites.setdefault(label, site)
    return sites


@cache
def _label_prefixes() -> tuple[str, ...]:
    return tuple(label for label, _ in _labels())


@lru_cache(maxsize=_MEMO)
def site_of_label(text: str) -> Site | None:
    """The site when ``text`` is a label line (" فلسطين اليوم -"), else None."""
    label = fold(text).strip(_LABEL_FRAME)
    # a paragraph is longer than any label: no need to hash it for the lookup
    return None if len(label) > _longest_label() else _label_sites().get(label)


@cache
def _longest_label() -> int:
    return max(map(len, _label_sites()))


@lru_cache(maxsize=_MEMO)
def split_label_prefix(text: str) -> tuple[Site, str] | None:
    """(site, rest) when ``text`` is "{label} - rest", the label-prefixed title."""
    folded = fold(text).lstrip()
    if not folded.startswith(_label_prefixes()):  # most texts: no label to try
        return None
    for label, site in _labels():
        if folded.startswith(label):
            rest_folded = folded[len(label):]
            if not rest_folded[:1].isspace() and rest_folded[:1] not in _DASHES:
                continue
            if rest_folded.lstrip()[:1] not in _DASHES + "|:":
                continue
            # Cut the same number of leading characters from the original text.
            original = text.lstrip()
            cut = _align(original, len(label))
            rest = original[cut:].lstrip().lstrip(_DASHES + "|:").strip()
            return (site, rest) if rest else None
    return None


def _align(original: str, folded_length: int) -> int:
    """Index in ``original`` whose folded prefix has ``folded_length`` characters."""
    for index in range(len(original) + 1):
        if len(fold(original[:index])) >= folded_length:
            return index
    return len(original)


@lru_cache(maxsize=_MEMO)
def is_ticker_end(text: str) -> bool:
    return fold(text).rstrip(" :.-").endswith("اخر الاخبار")


@cache
def _logo_alts() -> frozenset[str]:
    return frozenset({s.logo_alt.lower() for s in SITES} | {s.domain.split(".")[0] for s in SITES})


@lru_cache(maxsize=_MEMO)
def is_logo_alt(text: str) -> bool:
    """True for the logo alt text ("arabstoday", "Arabstoday Arabstoday")."""
    # = all(word in alts for word in text.lower().split()) and words exist: lower() keeps
    # whitespace where it is and lowers each word as it would alone; the first word decides
    # most texts without splitting the rest.
    alts = _logo_alts()
    first = text.split(None, 1)
    if not first or first[0].lower() not in alts:
        return False
    return all(word.lower() in alts for word in text.split())


_is_logo_alt = is_logo_alt.__wrapped__  # unmemoised inside is_footer_marker, which is


@lru_cache(maxsize=_MEMO)
def is_footer_marker(text: str) -> bool:
    """The first line of what follows the body: related list, comment form, footer."""
    folded = fold(text).strip()
    bare = folded.rstrip(" *").strip()
    # bare[:13].lower() starts with the 13 characters of "security code" exactly when
    # bare.lower() does (lower() maps each character to one or more, none into those 13
    # from a character outside bare[:13]), without lowering a whole paragraph.
    return (bare in COMMENT_FORM or folded.startswith(FOOTER_PREFIXES)
            or bare[:13].lower().startswith("security code") or _is_logo_alt(text))


_SHARE_RUN = re.compile("|".join(sorted(SHARE_WORDS, key=len, reverse=True)))


def is_share_bar(text: str) -> bool:
    """Share links, also run together without spaces ("فيسبوكتويترواتساب")."""
    if len(text) > 80:
        return False
    words = key(text).split()
    if not 0 < len(words) <= 8:
        return False
    return all(word in SHARE_WORDS or not _SHARE_RUN.sub("", word) for word in words)


def is_clock(text: str) -> bool:
    return is_header_clock(text)


def author_from_line(text: str) -> str | None:
    """The name in an author line ("بقلم : X", "بقلم - X", "بقلم:X", "بقلم X", "بقلم -X")."""
    stripped = text.strip()
    if stripped.startswith("بقلم") and (m := _AUTHOR_LINE.match(stripped)):
        name = m["name"].strip(f" {_DASHES}:")
        if name and len(name.split()) <= 6 and not _SENTENCE_PUNCT.search(name):
            return name
    return None


def is_name_like(text: str) -> bool:
    """A bare author name: one to five words, no digits or sentence punctuation."""
    words = text.split()
    return 1 <= len(words) <= 5 and not _SENTENCE_PUNCT.search(text) and len(text) <= 50


@dataclass(frozen=True)
class Dateline:
    location: str
    source: str

    @property
    def source_is_person(self) -> bool:
        """False when the source is a network site's label or a news agency."""
        folded = fold(self.source)
        return folded not in AGENCIES and site_of_label(self.source) is None

    def as_dict(self) -> dict[str, str]:
        return {"location": self.location, "source": self.source}


def parse_dateline(text: str) -> Dateline | None:
    """"واشنطن - رولا عيسى" → (واشنطن, رولا عيسى); None when the line is not a dateline."""
    m = _DATELINE.match(text.strip())
    if not m:
        return None
    location, source = m["location"].strip(), m["source"].strip()
    if not location or not source or len(location.split()) > 4 or len(source.split()) > 5:
        return None
    if _SENTENCE_PUNCT.search(location + source) or parse_arabic_date(text):
        return None
    return Dateline(location, source)


@lru_cache(maxsize=_MEMO)
def word_count(text: str) -> int:
    return count_words(text)


def strip_site_affix(title: str) -> str:
    """A title without a leading "{label} - " or a trailing " - {label}" / " | {label}"."""
    if prefixed := split_label_prefix(title):
        return prefixed[1]
    for separator in (" - ", " | ", " ـ ", " – "):
        head, sep, tail = title.rpartition(separator)
        if sep and head.strip() and site_of_label(tail) is not None:
            return head.strip()
    return title.strip()


def is_site_name(name: str) -> bool:
    """True for author values that name the publisher, not a person."""
    return (site_of_label(name) is not None or is_logo_alt(name)
            or key(name) in {"arabs today", "arabstoday", "arabs today group"})


ERROR_PHRASES = tuple(fold(s) for s in (
    "الصفحة غير موجودة", "الصفحة المطلوبة غير موجودة", "لم يتم العثور على الصفحة",
    "page not found", "not found", "خطأ 404", "error 404",
))


def is_error_title(text: str) -> bool:
    folded = fold(text)
    lowered = folded.lower()
    # key(text) is "404" or "500" only if fold(text) has that run of digits (lower() makes
    # no digits), so most titles skip the key.
    return any(phrase in lowered for phrase in ERROR_PHRASES) or (
        ("404" in folded or "500" in folded) and key(text) in {"404", "500"})
