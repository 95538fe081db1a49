"""The Arabic date parser: month tables, paired and Maghrebi forms, digits, zones, clocks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.extract.dates import (
    Stamp,
    is_header_clock,
    machine_stamp,
    parse_arabic_date,
    parse_machine_date,
    printed_stamp,
)

LEVANTINE = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
             "تشرين الأول", "تشرين الثاني", "كانون الأول")
GREGORIAN = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
             "أكتوبر", "نوفمبر", "ديسمبر")
HAMZALESS = [(3, "اذار"), (5, "ايار"), (8, "اب"), (9, "ايلول"), (10, "تشرين الاول"),
             (12, "كانون الاول"), (4, "ابريل"), (10, "اكتوبر"), (8, "اغسطس")]
MAGHREBI = {5: "ماي", 7: "يوليوز", 8: "غشت", 9: "شتنبر", 11: "نونبر", 12: "دجنبر"}


def iso(text: str, **kwargs: object) -> str | None:
    """The instant a text names, in UTC (a text without a zone read as UTC)."""
    moment = parse_arabic_date(text, **kwargs)  # type: ignore[arg-type]
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.mark.parametrize("month", range(1, 13))
def test_every_paired_month_name(month: int) -> None:
    text = f"GMT 09:46 2024 الخميس ,7 {LEVANTINE[month - 1]} / {GREGORIAN[month - 1]}"
    assert iso(text) == f"2024-{month:02d}-07T09:46:00Z"


@pytest.mark.parametrize("month", range(1, 13))
def test_single_month_names_both_calendars(month: int) -> None:
    for name in (LEVANTINE[month - 1], GREGORIAN[month - 1]):
        assert iso(f"3 {name} 2023", default_tz=UTC) == f"2023-{month:02d}-03T00:00:00Z"


@pytest.mark.parametrize(("month", "name"), HAMZALESS)
def test_hamzaless_spellings(month: int, name: str) -> None:
    assert iso(f"12 {name} 2022 GMT 10:00") == f"2022-{month:02d}-12T10:00:00Z"


@pytest.mark.parametrize(("month", "name"), sorted(MAGHREBI.items()))
def test_maghrebi_month_names(month: int, name: str) -> None:
    assert iso(f"الأحد 2 {name} 2024 - 08:05 GMT") == f"2024-{month:02d}-02T08:05:00Z"


def test_the_related_story_order_from_the_seed() -> None:
    assert iso("GMT 09:46 2024 الخميس ,21 تشرين الثاني / نوفمبر") == "2024-11-21T09:46:00Z"


def test_eastern_arabic_digits() -> None:
    assert iso("GMT ٠٩:٤٦ ٢٠٢٤ الخميس ,٢١ تشرين الثاني / نوفمبر") == "2024-11-21T09:46:00Z"


def test_weekday_prefix_and_no_time_gives_midnight_in_the_given_zone() -> None:
    moment = parse_arabic_date("الثلاثاء 22 نيسان / أبريل 2025")
    assert moment == datetime(2025, 4, 22)
    assert moment is not None and moment.tzinfo is None


def test_abu_dhabi_clock_is_utc_plus_four() -> None:
    assert iso("22 نيسان / أبريل 2025 21:44:11 بتوقيت أبوظبي") == "2025-04-22T17:44:11Z"


def test_cairo_clock_follows_egyptian_summer_time() -> None:
    assert iso("15 يناير 2024 10:00 بتوقيت القاهرة") == "2024-01-15T08:00:00Z"
    assert iso("15 يوليو 2024 10:00 بتوقيت القاهرة") == "2024-07-15T07:00:00Z"


def test_pm_marker() -> None:
    assert iso("5 مارس 2024 03:15 م GMT") == "2024-03-05T15:15:00Z"


def test_numeric_dates() -> None:
    assert iso("21/11/2024 09:46 GMT") == "2024-11-21T09:46:00Z"
    assert iso("2024-11-21 09:46 GMT") == "2024-11-21T09:46:00Z"


@pytest.mark.parametrize("text", [
    "", "آخر تحديث GMT 20:25:23", "آخر تحديث 21:44:11 بتوقيت أبوظبي", "21 تشرين الثاني",
    "تشرين الثاني / مارس 2024 21", "31 شباط 2024", "GMT 25:61 2024 ,21 نوفمبر",
    "كلام عادي بلا تاريخ", "2024",
])
def test_incomplete_or_impossible_dates_are_none(text: str) -> None:
    assert parse_arabic_date(text) is None


@pytest.mark.parametrize("text", [
    "آخر تحديث GMT 20:25:23", "آخر تحديث GMT01:02:45", "آخر تحديث 21:44:11 بتوقيت أبوظبي",
    "توقيت القاهرة المحلي 20:07:56 آخر تحديث", "اخر تحديث ٢١:٤٤:١١",
])
def test_header_clocks_are_recognised(text: str) -> None:
    assert is_header_clock(text)


@pytest.mark.parametrize("text", [
    "GMT 09:46 2024 الخميس ,21 تشرين الثاني / نوفمبر", "آخر الأخبار", "تحديث البرنامج",
])
def test_other_lines_are_not_clocks(text: str) -> None:
    assert not is_header_clock(text)


def test_machine_dates() -> None:
    assert parse_machine_date("2024-11-21T09:46:00Z") == datetime(2024, 11, 21, 9, 46, tzinfo=UTC)
    assert parse_machine_date("Thu, 21 Nov 2024 11:46:00 +0200") == datetime(
        2024, 11, 21, 11, 46, tzinfo=timezone(timedelta(hours=2)))
    assert parse_machine_date("2024-11-21 09:46:00") == datetime(2024, 11, 21, 9, 46)
    for bad in ("", "yesterday", "2024-13-45", "x" * 100):
        assert parse_machine_date(bad) is None


def test_a_stamp_keeps_the_offset_the_source_gives() -> None:
    assert machine_stamp("2024-11-21T11:46:00+02:00") == Stamp("2024-11-21T11:46:00+02:00",
                                                               "second")
    assert machine_stamp("2024-11-21T09:46:00Z") == Stamp("2024-11-21T09:46:00+00:00", "second")
    assert machine_stamp("Thu, 21 Nov 2024 11:46:00 +0200") == Stamp(
        "2024-11-21T11:46:00+02:00", "second")
    assert machine_stamp("2024-11-21T09:46:00.123456") == Stamp("2024-11-21T09:46:00", "second")
    assert machine_stamp("2024-11-21") == Stamp("2024-11-21", "day")
    assert machine_stamp("yesterday") is None


def test_a_printed_date_keeps_its_zone_or_its_local_time_and_its_precision() -> None:
    assert printed_stamp("GMT 09:46 2024 الخميس ,21 تشرين الثاني / نوفمبر") == Stamp(
        "2024-11-21T09:46:00+00:00", "minute")
    assert printed_stamp("الخميس 21 نوفمبر 2024 - 09:46") == Stamp("2024-11-21T09:46:00",
                                                                   "minute")
    assert printed_stamp("21 نوفمبر 2024 09:46:07 بتوقيت أبوظبي") == Stamp(
        "2024-11-21T09:46:07+04:00", "second")
    assert printed_stamp("الخميس 21 نوفمبر 2024") == Stamp("2024-11-21", "day")
    assert printed_stamp("21/11/2024") == Stamp("2024-11-21", "day")
    assert printed_stamp("آخر تحديث") is None


@settings(max_examples=300)
@given(st.datetimes(min_value=datetime(1000, 1, 2), max_value=datetime(9999, 12, 30)),
       st.integers(min_value=-14 * 60, max_value=14 * 60), st.booleans())
def test_a_stamp_is_the_moment_to_the_second(moment: datetime, offset: int, naive: bool) -> None:
    if not naive:
        moment = moment.replace(tzinfo=timezone(timedelta(minutes=offset)))
    stamp = Stamp.of(moment, "second")
    assert datetime.fromisoformat(stamp.iso) == moment.replace(microsecond=0)
    assert ("+" in stamp.iso[10:] or "-" in stamp.iso[10:]) is not naive


def test_a_number_a_few_words_off_a_month_name_is_no_date() -> None:
    # "إب" (a city) folds like "آب" (August): the member's year and count are no date of it
    assert iso("أحمد من إب عضو منذ 2019 12 مساهمة", default_tz=UTC) is None
    assert iso("14 من شهر نوفمبر لعام 2024", default_tz=UTC) == "2024-11-14T00:00:00Z"
