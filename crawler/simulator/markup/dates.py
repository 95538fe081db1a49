"""Dates as Arabic news pages print them, and the value a correct extractor derives from each.

A visible date format has a zone (``local``: the page shows wall-clock time without a zone, so
the expected value is naive; ``utc``: the text says GMT, so the expected value ends in +00:00)
and a precision (``minute`` or ``day``). Machine metadata always carries an explicit offset and
seconds. Expected values are ISO 8601 strings: ``2024-11-21T09:46:00+03:00`` (aware),
``2024-11-21T09:46:00`` (naive local), ``2024-11-21`` (day).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Literal

from crawler.simulator.text import MONTHS as PAIRED_MONTHS
from crawler.simulator.text import WEEKDAYS, eastern_digits

GREGORIAN = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
             "أكتوبر", "نوفمبر", "ديسمبر")
LEVANTINE = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
             "تشرين الأول", "تشرين الثاني", "كانون الأول")
MAGHREBI = ("يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر",
            "أكتوبر", "نونبر", "دجنبر")

SITE_OFFSETS: dict[str, int] = {
    "arabstoday": 2, "omantoday": 4, "palestinetoday": 2, "emiratesvoice": 4,
    "almaghribtoday": 1, "casablancatoday": 1, "moroccosports": 1, "egypttoday": 2,
    "alyementoday": 3, "alsaudiatoday": 3, "algeriatoday": 1, "tunisiatoday": 1,
    "albahraintoday": 3, "syria24": 3,
}
"""Standard-time UTC offset (hours) of each site's country: the zone of its wall-clock dates."""

Zone = Literal["local", "utc"]
Precision = Literal["second", "minute", "day"]


def site_zone(site_key: str) -> timezone:
    return timezone(timedelta(hours=SITE_OFFSETS.get(site_key, 0)))


def _hm(m: datetime) -> str:
    return f"{m:%H:%M}"


def _ampm(m: datetime) -> str:
    hour = m.hour % 12 or 12
    return f"{hour:02d}:{m:%M} {'ص' if m.hour < 12 else 'م'}"


def _weekday(m: datetime) -> str:
    return WEEKDAYS[m.weekday()]


HIJRI_MONTHS = ("محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب",
                "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة")


def hijri(day: date) -> tuple[int, int, int]:
    """(year, month, day) of ``day`` in the tabular Islamic calendar (the arithmetic one: within
    a day of the Umm al-Qura dates sites print)."""
    rest = day.toordinal() + 1721425 - 1948440 + 10632
    n = (rest - 1) // 10631
    rest = rest - 10631 * n + 354
    j = ((10985 - rest) // 5316) * ((50 * rest) // 17719) + (rest // 5670) * (
        (43 * rest) // 15238)
    rest = (rest - ((30 - j) // 15) * ((17719 * j) // 50) - (j // 16) * ((15238 * j) // 43)
            + 29)
    month = (24 * rest) // 709
    return 30 * n + j - 30, month, rest - (709 * month) // 24


def _hijri_paired(m: datetime) -> str:
    """"الخميس 12 جمادى الأولى 1446 هـ الموافق 14 نوفمبر 2024 م"."""
    year, month, day = hijri(m.date())
    return (f"{_weekday(m)} {day} {HIJRI_MONTHS[month - 1]} {year} هـ الموافق {m.day} "
            f"{GREGORIAN[m.month - 1]} {m.year} م")


def _hijri_numeric(m: datetime) -> str:
    """"1446/05/12 هـ الموافق 2024/11/14 م" (as Gulf news agencies head their wires)."""
    year, month, day = hijri(m.date())
    return f"{year}/{month:02d}/{day:02d} هـ الموافق {m:%Y/%m/%d} م"


def _gregorian_hijri(m: datetime) -> str:
    """"الخميس 14 نوفمبر 2024 م - 12 جمادى الأولى 1446 هـ"."""
    year, month, day = hijri(m.date())
    return (f"{_weekday(m)} {m.day} {GREGORIAN[m.month - 1]} {m.year} م - {day} "
            f"{HIJRI_MONTHS[month - 1]} {year} هـ")


@dataclass(frozen=True)
class DateFormat:
    name: str
    render: Callable[[datetime], str]
    zone: Zone
    precision: Precision


FORMATS: dict[str, DateFormat] = {f.name: f for f in (
    DateFormat("network_gmt", lambda m: (
        f"GMT {_hm(m)} {m.year} {_weekday(m)} ,{m.day} {PAIRED_MONTHS[m.month - 1]}"),
        "utc", "minute"),
    DateFormat("greenwich", lambda m: (
        f"{m.day} {GREGORIAN[m.month - 1]} {m.year} - {_hm(m)} بتوقيت غرينتش"), "utc", "minute"),
    DateFormat("weekday_time", lambda m: (
        f"{_weekday(m)} {m.day} {GREGORIAN[m.month - 1]} {m.year} - {_hm(m)}"), "local", "minute"),
    DateFormat("weekday_comma_ampm", lambda m: (
        f"{_weekday(m)}، {m:%d} {GREGORIAN[m.month - 1]} {m.year} {_ampm(m)}"), "local", "minute"),
    DateFormat("numeric_time", lambda m: f"{m:%d/%m/%Y} - {_hm(m)}", "local", "minute"),
    DateFormat("time_first", lambda m: f"{_hm(m)} {m:%d-%m-%Y}", "local", "minute"),
    DateFormat("maghreb_time", lambda m: (
        f"{_weekday(m)} {m.day} {MAGHREBI[m.month - 1]} {m.year} - {_hm(m)}"), "local", "minute"),
    DateFormat("levant_time", lambda m: (
        f"{_weekday(m)} {m.day} {LEVANTINE[m.month - 1]} {m.year} | {_hm(m)}"), "local", "minute"),
    DateFormat("numeric_day", lambda m: f"{m:%d/%m/%Y}", "local", "day"),
    DateFormat("iso_day", lambda m: f"{m:%Y-%m-%d}", "local", "day"),
    DateFormat("long_day", lambda m: f"{m.day} {GREGORIAN[m.month - 1]} {m.year}", "local", "day"),
    DateFormat("wp_day", lambda m: f"{m.day} {GREGORIAN[m.month - 1]}، {m.year}", "local", "day"),
    DateFormat("weekday_day", lambda m: (
        f"{_weekday(m)} {m.day} {GREGORIAN[m.month - 1]} {m.year}"), "local", "day"),
    DateFormat("levant_day", lambda m: f"{m.day} {LEVANTINE[m.month - 1]} {m.year}", "local",
               "day"),
    DateFormat("paired_day", lambda m: (
        f"{_weekday(m)} {m.day} {PAIRED_MONTHS[m.month - 1]} {m.year}"), "local", "day"),
    DateFormat("maghreb_day", lambda m: f"{m.day} {MAGHREBI[m.month - 1]} {m.year}", "local",
               "day"),
    # formats of the families added with the second held-out set
    DateFormat("hijri_paired", _hijri_paired, "local", "day"),
    DateFormat("gregorian_hijri", _gregorian_hijri, "local", "day"),
    DateFormat("slash_ymd", lambda m: f"{m:%Y/%m/%d}", "local", "day"),
    DateFormat("slash_ymd_time", lambda m: f"{m:%Y/%m/%d} - {_hm(m)}", "local", "minute"),
    DateFormat("ampm_comma", lambda m: (
        f"{m.day} {GREGORIAN[m.month - 1]} {m.year}، {_ampm(m)}"), "local", "minute"),
    DateFormat("dot_day", lambda m: f"{m:%d.%m.%Y}", "local", "day"),
    DateFormat("joomla_lc2", lambda m: (
        f"{_weekday(m)}, {m:%d} {GREGORIAN[m.month - 1]} {m.year} {_hm(m)}"), "local", "minute"),
    # formats of the families added with the third held-out set
    DateFormat("weekday_comma_day", lambda m: (
        f"{_weekday(m)}، {m.day} {GREGORIAN[m.month - 1]} {m.year}"), "local", "day"),
    DateFormat("numeric_ampm", lambda m: f"{m:%d/%m/%Y} {_ampm(m)}", "local", "minute"),
    DateFormat("day_at_time", lambda m: (
        f"{m.day} {GREGORIAN[m.month - 1]} {m.year}، الساعة {_hm(m)}"), "local", "minute"),
    # formats of the families added with the fourth held-out set
    DateFormat("hijri_numeric", _hijri_numeric, "local", "day"),
    DateFormat("weekday_dash_ampm", lambda m: (
        f"{_weekday(m)} - {m.day} {GREGORIAN[m.month - 1]} {m.year} - {_ampm(m)}"), "local",
        "minute"),
)}


def visible(moment: datetime, fmt: str, site_key: str, eastern: bool = False,
            zone: timezone | None = None) -> str:
    """``moment`` printed in format ``fmt``: wall-clock formats in ``zone`` (default: the
    site's), GMT formats in UTC."""
    spec = FORMATS[fmt]
    shown = moment.astimezone(UTC if spec.zone == "utc" else (zone or site_zone(site_key)))
    out = spec.render(shown)
    return eastern_digits(out) if eastern else out


def expected_visible(moment: datetime, fmt: str, site_key: str,
                     zone: timezone | None = None) -> tuple[str, Precision]:
    """What an extractor must return for ``visible(moment, fmt, ...)``, and its precision."""
    spec = FORMATS[fmt]
    if spec.zone == "utc":
        return f"{moment.astimezone(UTC):%Y-%m-%dT%H:%M}:00+00:00", spec.precision
    local = moment.astimezone(zone or site_zone(site_key))
    if spec.precision == "day":
        return f"{local:%Y-%m-%d}", "day"
    return f"{local:%Y-%m-%dT%H:%M}:00", "minute"


# --------------------------------------------------------------------------- machine metadata

MetaStyle = Literal["site", "utc_z", "utc", "plus3"]


@dataclass(frozen=True)
class MachineDate:
    """A publication instant as written in metadata, and the value expected from it."""

    value: str
    """As written: ``2024-11-21T09:46:00+03:00``, ``...Z``, ``...+0300`` or ``2024-11-21``."""
    expected: str
    precision: Precision
    zone: timezone


def machine(moment: datetime, style: MetaStyle, site_key: str, colonless: bool = False,
            day_only: bool = False) -> MachineDate:
    zone = {"site": site_zone(site_key), "utc_z": UTC, "utc": UTC,
            "plus3": timezone(timedelta(hours=3))}[style]
    local = moment.astimezone(zone).replace(microsecond=0)
    if day_only:
        return MachineDate(f"{local:%Y-%m-%d}", f"{local:%Y-%m-%d}", "day", zone)
    expected = local.isoformat(timespec="seconds")
    value = expected
    if style == "utc_z":
        value = f"{local:%Y-%m-%dT%H:%M:%S}Z"
    elif colonless:
        value = value[:-3] + value[-2:]
    return MachineDate(value, expected, "second", zone)


def shifted_iso(machine_date: MachineDate, delta: timedelta) -> str:
    """Another instant (e.g. the modification time) written in the same style."""
    if machine_date.precision == "day":
        return (datetime.fromisoformat(machine_date.value) + delta).strftime("%Y-%m-%d")
    value = machine_date.value.replace("Z", "+00:00")
    if value[-5] in "+-" and value[-3] != ":":
        value = value[:-2] + ":" + value[-2:]
    moved = datetime.fromisoformat(value) + delta
    out = moved.isoformat(timespec="seconds")
    if machine_date.value.endswith("Z"):
        return out.replace("+00:00", "Z")
    if machine_date.value[-3] != ":":
        return out[:-3] + out[-2:]
    return out


# --------------------------------------------------------------------------- decoys

def decoy_moments(rng: random.Random, around: datetime, count: int) -> list[datetime]:
    """Instants of other articles: at least a day away from ``around`` (a list picked as the
    article's date is then wrong even at day precision)."""
    out = []
    for _ in range(count):
        days = rng.randint(1, 40) * rng.choice((-1, -1, -1, 1))
        out.append(around + timedelta(days=days, minutes=rng.randrange(-600, 600)))
    return out


def age(delta: timedelta) -> str:
    """How long ago, as client-rendered pages print it beside (or instead of) a date: منذ 3
    أشهر. Never an article's date: the render time it counts from is not on the page."""
    minutes = max(1, int(delta.total_seconds() // 60))
    hours, days = minutes // 60, minutes // 1440
    if minutes < 60:
        return ("منذ دقيقة" if minutes == 1 else "منذ دقيقتين" if minutes == 2
                else f"منذ {minutes} دقائق" if minutes <= 10 else f"منذ {minutes} دقيقة")
    if hours < 24:
        return ("منذ ساعة" if hours == 1 else "منذ ساعتين" if hours == 2
                else f"منذ {hours} ساعات" if hours <= 10 else f"منذ {hours} ساعة")
    if days < 7:
        return "منذ يوم" if days == 1 else "منذ يومين" if days == 2 else f"منذ {days} أيام"
    if days < 30:
        weeks = days // 7
        return "منذ أسبوع" if weeks == 1 else "منذ أسبوعين" if weeks == 2 else f"منذ {weeks} أسابيع"
    months = days // 30
    if months < 12:
        return ("منذ شهر" if months == 1 else "منذ شهرين" if months == 2
                else f"منذ {months} أشهر" if months <= 10 else f"منذ {months} شهرا")
    years = days // 365
    return "منذ سنة" if years == 1 else "منذ سنتين" if years == 2 else f"منذ {years} سنوات"


def relative(rng: random.Random) -> str:
    """A relative age, as lists show it: منذ 3 ساعات."""
    n = rng.randint(2, 23)
    return rng.choice((f"منذ {n} ساعات" if n <= 10 else f"منذ {n} ساعة", "منذ يومين",
                       f"منذ {rng.randint(3, 9)} أيام", "منذ ساعة", f"منذ {n} دقيقة"))
