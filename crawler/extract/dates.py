"""Dates as the network prints them, and machine-readable dates, to aware datetimes.

A hand-written, table-driven parser for Arabic dates: Levantine month names
(كانون الثاني … كانون الأول), Gregorian ones (يناير … ديسمبر), Maghrebi and Algerian/Tunisian
forms (ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر، جانفي، جوان …), hamza-less spellings, the paired
form "تشرين الثاني / نوفمبر", weekday prefixes, Eastern Arabic digits, any order of the parts
("GMT 09:46 2024 الخميس ,21 تشرين الثاني / نوفمبر") and the zones the sites name (GMT,
Abu Dhabi UTC+4, Cairo local time). Matching folds hamza and diacritics internally; the text
itself is never changed. Header clocks ("آخر تحديث …") are recognised so that callers can
refuse them as publication dates.
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo

from crawler.text import DIGITS, fold

# Month names as published; folded (hamza-less, ة→ه, ى→ي) before matching.
_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("كانون الثاني", "يناير", "جانفي", "جانفييه"),
    2: ("شباط", "فبراير", "فيفري", "فبرایر"),
    3: ("آذار", "مارس"),
    4: ("نيسان", "أبريل", "إبريل", "أفريل", "ابريل"),
    5: ("أيار", "مايو", "ماي"),
    6: ("حزيران", "يونيو", "يونيه", "جوان"),
    7: ("تموز", "يوليو", "يوليه", "يوليوز", "جويلية", "جويليه"),
    8: ("آب", "أغسطس", "غشت", "أوت"),
    9: ("أيلول", "سبتمبر", "شتنبر"),
    10: ("تشرين الأول", "أكتوبر", "اكتوبر"),
    11: ("تشرين الثاني", "نوفمبر", "نونبر"),
    12: ("كانون الأول", "ديسمبر", "دجنبر"),
}

_WEEKDAYS = ("الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت")


CAIRO = ZoneInfo("Africa/Cairo")

ABU_DHABI = timezone(timedelta(hours=4), "Abu Dhabi")


# Zone phrases, folded; the first match wins (longest phrases first).
_ZONES: tuple[tuple[str, tzinfo], ...] = (
    ("توقيت ابوظبي", ABU_DHABI),
    ("توقيت ابو ظبي", ABU_DHABI),
    ("توقيت الامارات", ABU_DHABI),
    ("توقيت القاهره", CAIRO),
    ("توقيت مصر", CAIRO),
    ("توقيت مكه", timezone(timedelta(hours=3), "Mecca")),
    ("توقيت السعوديه", timezone(timedelta(hours=3), "Mecca")),
    ("توقيت بيروت", ZoneInfo("Asia/Beirut")),
    ("توقيت غرينتش", UTC),
    ("توقيت جرينتش", UTC),
    ("GMT", UTC),
    ("UTC", UTC),
)

_CLOCK_PHRASES = ("اخر تحديث", "توقيت القاهره المحلي", "تاريخ الطباعه", "طبع بتاريخ",
                  "تاريخ اليوم", "الوقت الان", "طبعت في")
"""Labels of render-time clocks: the time the page was served or printed, not published."""




def _month_pattern() -> re.Pattern[str]:
    names = sorted({fold(n) for names in _MONTH_NAMES.values() for n in names}, key=len,
                   reverse=True)
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return re.compile(rf"(?<![\w])(?:ال)?({alternatives})(?![\w])")


_MONTH_BY_NAME = {fold(n): month for month, names in _MONTH_NAMES.items() for n in names}

_MONTH_RE = _month_pattern()


_TIME_RE = re.compile(r"(?<!\d)(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d)(?:\s*(ص|م|صباحا|مساء|مساءا|"
                      r"am|pm|AM|PM)(?![\w]))?")

_NUMERIC_YMD = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")


_NUMERIC_DMY = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")

_NUMBER = re.compile(r"(?<!\d)\d+(?!\d)")


_ISO_START = re.compile(r"^\d{4}-\d\d-\d\d(?:[T ]\d|$)")

_PM = {"م", "مساء", "مساءا", "pm", "PM"}


def zone_in(text: str) -> tzinfo | None:
    """The time zone a date text names, if any (GMT, Abu Dhabi, Cairo …)."""
    folded = fold(text)
    for phrase, zone in _ZONES:
        if phrase in folded:
            return zone
    return None


def is_header_clock(text: str) -> bool:
    """True for the render-time clocks of the page header ("آخر تحديث GMT 20:25:23"): a clock
    label and a time, with no calendar date before the label (a publication line ending in its
    last update, "الجمعة، 27 سبتمبر 2024 02:07 م آخر تحديث: ...", is not a clock)."""
    folded = fold(text)
    if not _TIME_RE.search(folded):
        return False
    at = min((folded.find(p) for p in _CLOCK_PHRASES if p in folded), default=-1)
    return at >= 0 and not mentions_date(folded[:at])


def _months_in(folded: str) -> list[tuple[int, int]]:
    """(month, position) for each month name in folded text."""
    return [(_MONTH_BY_NAME[re.sub(r"\s+", " ", m.group(1))], m.start())
            for m in _MONTH_RE.finditer(folded)]


def _clock(folded: str) -> tuple[int, int, int, str] | None:
    """(hour, minute, second, remaining text) of the first time of day, or None."""
    m = _TIME_RE.search(folded)
    if not m:
        return None
    hour, minute, second = int(m[1]), int(m[2]), int(m[3] or 0)
    if m[4] in _PM and hour < 12:
        hour += 12
    elif m[4] and m[4] not in _PM and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second, folded[:m.start()] + " " + folded[m.end():]


def _calendar_date(rest: str) -> tuple[int, int, int] | None:
    """(year, month, day) from text with the time of day removed, or None."""
    if m := _NUMERIC_YMD.search(rest):
        return int(m[1]), int(m[2]), int(m[3])
    if m := _NUMERIC_DMY.search(rest):
        return int(m[3]), int(m[2]), int(m[1])
    months = _months_in(rest)
    if not months or len({month for month, _ in months}) != 1:
        return None  # no month, or a pair that disagrees
    month, month_at = months[0]
    spans = [m.span() for m in _MONTH_RE.finditer(rest)]
    numbers = [(int(m.group()), m.start(), len(m.group())) for m in _NUMBER.finditer(rest)
               if _beside_month(rest, m.span(), spans)]
    years = sorted((abs(at - month_at), value) for value, at, width in numbers
                   if width == 4 and 1900 <= value <= 2100)
    days = [(abs(at - month_at), value) for value, at, width in numbers
            if width <= 2 and 1 <= value <= 31]
    if not years or not days or (len(years) > 1 and years[0][0] == years[1][0]):
        return None
    # a count after the date ("12 نوفمبر 2024 1950 زيارة") may read as a year: the nearest wins
    return years[0][1], month, min(days)[1]


_DATE_JOINERS = frozenset(fold(word) for word in (
    "من", "شهر", "لشهر", "عام", "لعام", "سنة", "لسنة", "م", "هـ", "ه", "of", "يوم",
    "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"))
"""Words that may stand between a date's day, month and year ("14 من شهر نوفمبر لعام 2024";
the network's "2024 الخميس ,7 تشرين الثاني / نوفمبر")."""
_WORD = re.compile(r"[^\W\d_]+")


def _beside_month(rest: str, number: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """A number printed as part of a date with a month name: only date words and month names
    (the two names of one month, "آب (أغسطس)") between it and the name; a number a few words
    off ("من إب، عضو منذ 2017") is no day or year of that month."""
    for start, end in spans:
        low, high = (number[1], start) if number[1] <= start else (end, number[0])
        gap = rest[low:high]
        for other_start, other_end in spans:
            if low <= other_start and other_end <= high:
                gap = gap.replace(rest[other_start:other_end], " ")
        if all(word in _DATE_JOINERS for word in _WORD.findall(gap)):
            return True
    return False


def parse_arabic_date(text: str, default_tz: tzinfo | None = None) -> datetime | None:
    """Parse a date as the network prints it; None when no full calendar date is found.

    The result is aware when the text names a zone or ``default_tz`` is given, naive
    otherwise. A date without a time of day gets midnight. Weekday names are ignored.
    """
    if not text or len(text) > 200:
        return None
    if _ISO_START.match(text.strip()) and (machine := parse_machine_date(text)):
        return machine
    folded = fold(text)
    clock = _clock(folded)
    if clock is None and _TIME_RE.search(folded):
        return None  # an impossible time of day: the whole date is suspect
    hour, minute, second, rest = clock or (0, 0, 0, folded)
    ymd = _calendar_date(rest)
    if ymd is None:
        return None
    try:
        naive = datetime(ymd[0], ymd[1], ymd[2], hour, minute, second)
    except ValueError:
        return None
    zone = zone_in(text) or default_tz
    return naive.replace(tzinfo=zone) if zone else naive


_YEAR_MONTH = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
_DATE_ONLY = re.compile(r"^\d{4}(?:-\d\d){0,2}$")


def parse_machine_date(value: str | None) -> datetime | None:
    """An ISO 8601 / W3C (also "YYYY" and "YYYY-MM") or RFC 2822 date, as in metadata, time
    elements, feeds and sitemaps; Eastern Arabic digits allowed; None when invalid.

    Naive results stay naive: the caller decides which zone to assume.
    """
    value = " ".join((value or "").translate(DIGITS).split())
    if not value or len(value) > 64:
        return None
    if m := _YEAR_MONTH.match(value):
        return datetime(int(m[1]), int(m[2] or 1), 1) if 1 <= int(m[2] or 1) <= 12 else None
    iso = value.replace(" ", "T", 1) if re.match(r"^\d{4}-\d\d-\d\d \d", value) else value
    try:
        return datetime.fromisoformat(iso.replace("z", "Z"))
    except (ValueError, OverflowError):
        pass
    try:
        return email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def parse_machine_date_utc(value: str | None) -> datetime | None:
    """parse_machine_date as an aware UTC datetime, a zone-less date taken as UTC (feeds and
    sitemaps: their dates are machine stamps, not local clocks)."""
    moment = parse_machine_date(value)
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


Precision = Literal["second", "minute", "day"]


@dataclass(frozen=True)
class Stamp:
    """A date as an item carries it: ISO 8601 keeping the offset the source gave ("+03:00"; a
    GMT or Z source gives "+00:00"), local date and time without an offset when the source names
    no zone, a date alone at day precision."""

    iso: str
    precision: Precision

    @classmethod
    def of(cls, moment: datetime, precision: Precision) -> Stamp:
        if precision == "day":
            return cls(moment.date().isoformat(), precision)
        return cls(moment.replace(microsecond=0).isoformat(), precision)


_UPDATED = re.compile(r"اخر تحديث|تم التحديث|تحديث|محدث|عدل في|عدلت|updated", re.IGNORECASE)
"""Where a header line moves on from the publication date to the last update."""
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def mentions_date(text: str) -> bool:
    """A calendar date is written in the text (a month name or a numeric date, with a year)."""
    folded = fold(text)
    return bool(_YEAR.search(folded)) and (
        bool(_MONTH_RE.search(folded)) or bool(_NUMERIC_YMD.search(folded))
        or bool(_NUMERIC_DMY.search(folded)))


def printed_stamp(text: str) -> Stamp | None:
    """A date as printed on a page (parse_arabic_date), at the precision the text gives; on a
    line that also gives the last update ("نشر في 9 أكتوبر 2024 آخر تحديث: 11 أكتوبر 2024"),
    the date before it."""
    stamp = _printed_stamp(text)
    if stamp is None and (match := _UPDATED.search(fold(text))) and match.start() > 0:
        stamp = _printed_stamp(text[:match.start()])
    if stamp is None or int(stamp.iso[:4]) < HIJRI_YEARS_BELOW:
        # a Hijri date in numbers ("1446/05/12 هـ"): the Gregorian date it is given with, if any
        mark = _HIJRI_MARK.search(text)
        stamp = printed_stamp(text[mark.end():]) if mark else None
    return stamp


HIJRI_YEARS_BELOW = 1600
"""A printed year below this is a Hijri year (1446 AH is 2024)."""
_HIJRI_MARK = re.compile(r"هـ|الموافق")


def _printed_stamp(text: str) -> Stamp | None:
    moment = parse_arabic_date(text)
    if moment is None:
        return None
    if _ISO_START.match(text.strip()):
        return machine_stamp(text)
    clock = _TIME_RE.search(fold(text))
    if clock is None:
        return Stamp.of(moment, "day")
    return Stamp.of(moment, "second" if clock[3] else "minute")


def machine_stamp(value: str | None) -> Stamp | None:
    """A machine-readable date (parse_machine_date) at the precision it gives."""
    moment = parse_machine_date(value)
    if moment is None:
        return None
    text = " ".join((value or "").translate(DIGITS).split())
    if _DATE_ONLY.match(text):
        return Stamp.of(moment, "day")
    return Stamp.of(moment, "second")


def without_date(text: str) -> str:
    """The text with its date taken out: numbers, month and weekday names, clock and zone words,
    and the separators around them ("سمير التازي 07/10/2024" -> "سمير التازي")."""
    folded = fold(text)
    for pattern in (_MONTH_RE, _TIME_RE, _NUMERIC_YMD, _NUMERIC_DMY, _NUMBER):
        folded = pattern.sub(" ", folded)
    words = [w for w in re.split(r"[\s،,|\-–—/:]+", folded)
             if w and w not in _DATE_WORDS and not looks_like_weekday(w)]
    return " ".join(words)


_DATE_WORDS = frozenset(fold(w) for w in ("GMT", "UTC", "م", "ص", "صباحا", "مساء", "بتوقيت",
                                          "توقيت", "نشر", "في", "بتاريخ", "تاريخ", "النشر"))


def looks_like_weekday(word: str) -> bool:
    """True when ``word`` is an Arabic weekday name (with or without hamza)."""
    return fold(word.strip()) in {fold(day) for day in _WEEKDAYS}
