"""Persian (Solar Hijri) dates such as "۲ تیر ۱۳۹۹", for generic date extraction.

Arabic Gregorian and Levantine month names are parsed by :mod:`crawler.extract.dates`;
this module covers only the Persian calendar, which that parser does not know.
"""

from __future__ import annotations

import re
from datetime import date

from crawler.text import DIGITS

_FOLD = str.maketrans({"ی": "ي", "ک": "ك", "\u200c": " ", "\u00a0": " "})

_MONTHS = ("فروردين", "ارديبهشت", "خرداد", "تير", "مرداد", "شهريور", "مهر", "آبان", "آذر",
           "دي", "بهمن", "اسفند")


_MONTH_NUMBER = {name: number for number, name in enumerate(_MONTHS, start=1)}
_MONTH_NUMBER["امرداد"] = 5

_DATE = re.compile(
    r"(?<!\d)(\d{1,2})\s+(" + "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
    + r")\s+(1[34]\d\d)(?!\d)"
)


def jalali_to_gregorian(year: int, month: int, day: int) -> date:
    """Convert a Solar Hijri date (33-year arithmetic cycle) to a Gregorian date."""
    if not (1 <= month <= 12 and 1 <= day <= (31 if month <= 6 else 30)):
        raise ValueError(f"no such Solar Hijri date: {year}-{month}-{day}")
    year += 1595
    days = -355668 + 365 * year + (year // 33) * 8 + ((year % 33) + 3) // 4 + day
    days += (month - 1) * 31 if month < 7 else (month - 7) * 30 + 186
    g_year = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        g_year += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    g_year += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        g_year += (days - 1) // 365
        days = (days - 1) % 365
    leap = g_year % 4 == 0 and (g_year % 100 != 0 or g_year % 400 == 0)
    lengths = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    g_day, g_month = days + 1, 1
    for length in lengths:
        if g_day <= length:
            break
        g_day -= length
        g_month += 1
    return date(g_year, g_month, g_day)


def parse_persian_date(text: str) -> date | None:
    """The first "day month year" Solar Hijri date in a text, as a Gregorian date."""
    match = _DATE.search(text.translate(DIGITS).translate(_FOLD))
    if match is None:
        return None
    try:
        return jalali_to_gregorian(int(match[3]), _MONTH_NUMBER[match[2]], int(match[1]))
    except ValueError:
        return None
