"""Machine-readable dates of feeds and sitemaps: RFC 822 (RSS) and W3C/ISO 8601 (Atom, sitemaps).

Every parsed date is returned timezone-aware in UTC; a date without a zone is taken as UTC.
Unparseable input gives None, never an exception.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
_YEAR_MONTH = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
_ISO_SPACE = re.compile(r"^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})")


def _to_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _parse_iso(text: str) -> datetime | None:
    if m := _YEAR_MONTH.match(text):
        return datetime(int(m[1]), int(m[2] or 1), 1, tzinfo=UTC)
    text = _ISO_SPACE.sub(r"\1T\2", text)
    try:
        return _to_utc(datetime.fromisoformat(text))
    except (ValueError, OverflowError):
        return None


def _parse_rfc822(text: str) -> datetime | None:
    try:
        return _to_utc(parsedate_to_datetime(text))
    except (ValueError, TypeError, OverflowError, IndexError):
        return None


def parse_date(raw: str | None) -> datetime | None:
    """A feed or sitemap date (RFC 822 or W3C datetime) as an aware UTC datetime, or None."""
    if not raw:
        return None
    text = " ".join(raw.translate(_EASTERN_DIGITS).split())
    if not text:
        return None
    if text[:4].isdigit():
        return _parse_iso(text) or _parse_rfc822(text)
    return _parse_rfc822(text) or _parse_iso(text)
