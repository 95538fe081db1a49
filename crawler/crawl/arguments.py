"""Checks of the values a user gives: spider arguments and the project's settings.

Every check raises :class:`ConfigError` with one line that names the argument or setting and
the value given. The spider runs the value checks when it is built; ``scrapy crawl`` runs them
all before anything starts (crawler.crawl.commands.crawl), together with the checks of what the
run needs from its surroundings: a replay source it can read, a ``via`` that answers.
"""

from __future__ import annotations

import re
import socket
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy.settings import BaseSettings
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from crawler.crawl.archive import HTML_SUFFIXES, WARC_SUFFIXES, saved_page_url, split_paths
from crawler.files import FEED_LAYOUTS
from crawler.items import ARTICLE_FIELDS
from crawler.network.sites import Site, UnknownSiteError, parse_site_list


class ConfigError(ValueError):
    """A spider argument, a setting or a source the run cannot work with (one line)."""


MODES = ("mark", "drop", "off")


CHANNELS = ("robots", "feeds", "listings")


SPIDER_ARGUMENTS = ("sites", "since", "max_items", "via", "replay", "channels", "dedup",
                    "refresh")


#: How long ``scrapy crawl`` waits for a TCP connection to ``via`` before giving up.
VIA_CONNECT_TIMEOUT = 3.0


def dedup_mode(value: Any) -> str:
    """The ``-a dedup`` / ``DEDUP_MODE`` value, checked."""
    mode = str(value or "mark").strip().lower()
    if mode not in MODES:
        raise ValueError(f"dedup must be one of {', '.join(MODES)}, got {value!r}")
    return mode


# -- value parsers: each returns the value or raises ValueError saying what was expected ------

_YMD = re.compile(r"\d{4}-\d{2}-\d{2}")

_TRUE = {"1", "true", "yes", "on"}

_FALSE = {"0", "false", "no", "off", ""}


def _whole(value: Any, minimum: int) -> int:
    if isinstance(value, bool):
        raise ValueError(f"expected a whole number >= {minimum}")
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ValueError(f"expected a whole number >= {minimum}") from None
    if number < minimum:
        raise ValueError(f"expected a whole number >= {minimum}")
    return number


def positive_int(value: Any) -> int:
    return _whole(value, 1)


def non_negative_int(value: Any) -> int:
    return _whole(value, 0)


def _number(value: Any, low: float, high: float | None = None, low_open: bool = False) -> float:
    bounds = f"{'>' if low_open else '>='} {low:g}" + (
        f" and <= {high:g}" if high is not None else "")
    expected = f"expected a number {bounds}"
    try:
        number = float(str(value).strip())
    except ValueError:
        raise ValueError(expected) from None
    if number != number or number < low or (low_open and number == low) or (
            high is not None and number > high):
        raise ValueError(expected)
    return number


def non_negative_number(value: Any) -> float:
    return _number(value, 0.0)


def positive_number(value: Any) -> float:
    return _number(value, 0.0, low_open=True)


def share(value: Any) -> float:
    return _number(value, 0.0, 1.0)


def positive_share(value: Any) -> float:
    return _number(value, 0.0, 1.0, low_open=True)


def ymd_date(value: Any) -> date:
    text = str(value).strip()
    try:
        if not _YMD.fullmatch(text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError("expected a date YYYY-MM-DD") from None


def iso_instant(value: Any) -> datetime:
    try:
        return datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError("expected an ISO 8601 date or time (2024-11-20, "
                         "2024-11-20T09:30:00Z)") from None


def flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError("expected 1/0, true/false, yes/no or on/off")


def http_url(value: Any) -> str:
    text = str(value).strip()
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018  (raises ValueError for a port that is not a number)
    except ValueError:
        raise ValueError("expected an http(s) URL such as http://127.0.0.1:8000") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("expected an http(s) URL such as http://127.0.0.1:8000")
    return text.rstrip("/")


def redis_url(value: Any) -> str:
    text = str(value).strip()
    if urlsplit(text).scheme not in ("redis", "rediss", "unix"):
        raise ValueError("expected a redis://, rediss:// or unix:// URL")
    return text


def site_list(value: Any) -> tuple[Site, ...]:
    text = str(value)
    if not [part for part in text.split(",") if part.strip()] and text.strip():
        raise ValueError("expected comma-separated site keys")
    try:
        return parse_site_list(text)
    except UnknownSiteError as exc:
        raise ValueError(str(exc)) from None


def channel_list(value: Any) -> tuple[str, ...]:
    wanted = tuple(c.strip() for c in str(value).split(",") if c.strip())
    unknown = [c for c in wanted if c not in CHANNELS]
    if unknown or not wanted:
        raise ValueError(f"expected a comma-separated subset of {','.join(CHANNELS)}")
    return tuple(dict.fromkeys(wanted))


def dedup_choice(value: Any) -> str:
    try:
        return dedup_mode(value)
    except ValueError:
        raise ValueError(f"expected one of {', '.join(MODES)}") from None


def replay_paths(value: Any) -> list[str]:
    paths = split_paths(value)
    if not paths:
        raise ValueError("expected a WARC file, a saved page or a folder of them")
    for path in paths:
        if urlsplit(path).scheme in ("http", "https", "s3", "ftp", "file"):
            raise ValueError("expected local files or folders, not URLs")
    return paths


# -- spider arguments --------------------------------------------------------------------------

@dataclass(frozen=True)
class SpiderArguments:
    """The spider's arguments, checked and parsed."""

    sites: tuple[Site, ...]
    sites_given: bool
    since: date | None
    max_items: int | None
    via: str | None
    replay: str | None
    channels: tuple[str, ...]
    dedup: str | None
    refresh: bool


_ARGUMENT_PARSERS: dict[str, Callable[[Any], Any]] = {
    "sites": site_list, "since": ymd_date, "max_items": positive_int, "via": http_url,
    "replay": replay_paths, "channels": channel_list, "dedup": dedup_choice, "refresh": flag,
}

# Empty means "the default" for these; replay and via have none (an empty value is a mistake,
# such as an unset shell variable, that would otherwise send a live crawl to the network).
_EMPTY_IS_DEFAULT = frozenset(SPIDER_ARGUMENTS) - {"replay", "via"}


def parse_spider_arguments(arguments: Mapping[str, Any]) -> SpiderArguments:
    """Check every spider argument; ``_``-prefixed ones (scrapyd's ``_job``) pass unchecked."""
    unknown = sorted(name for name in arguments
                     if name not in SPIDER_ARGUMENTS and not name.startswith("_"))
    if unknown:
        raise ConfigError(f"unknown spider argument {unknown[0]!r} "
                          f"(known: {', '.join(SPIDER_ARGUMENTS)})")
    parsed: dict[str, Any] = {}
    for name in SPIDER_ARGUMENTS:
        value = arguments.get(name)
        if value is None or (str(value).strip() == "" and name in _EMPTY_IS_DEFAULT):
            continue
        if str(value).strip() == "":
            raise ConfigError(f"invalid spider argument {name}='': it needs a value")
        try:
            parsed[name] = _ARGUMENT_PARSERS[name](value)
        except ValueError as exc:
            raise ConfigError(f"invalid spider argument {name}={value!r}: {exc}") from None
    return SpiderArguments(
        sites=parsed.get("sites") or parse_site_list(None),
        sites_given="sites" in parsed,
        since=parsed.get("since"),
        max_items=parsed.get("max_items"),
        via=parsed.get("via"),
        replay=",".join(parsed["replay"]) if "replay" in parsed else None,
        channels=parsed.get("channels", CHANNELS),
        dedup=parsed.get("dedup"),
        refresh=parsed.get("refresh", False),
    )


# -- settings ----------------------------------------------------------------------------------

def _analysis_processes(value: Any) -> int | str:
    if str(value).strip() == "auto":
        return "auto"
    try:
        return non_negative_int(value)
    except ValueError:
        raise ValueError("expected a whole number >= 0 or auto") from None


def _coverage_thresholds(value: Any) -> dict[str, float]:
    try:
        thresholds = BaseSettings({"V": value}).getdict("V")
    except (ValueError, TypeError):
        raise ValueError('expected a JSON object of field shares, such as {"title": 0.95}'
                         ) from None
    checked = {}
    for name, threshold in thresholds.items():
        if name not in ARTICLE_FIELDS:
            raise ValueError(f"{name!r} is not an item field")
        checked[name] = share(threshold)
    return checked


def _gc_thresholds(value: Any) -> list[int]:
    raw = [part for part in BaseSettings({"V": value}).getlist("V") if str(part).strip()]
    try:
        numbers = [non_negative_int(part) for part in raw]
    except ValueError:
        raise ValueError("expected up to three whole numbers >= 0") from None
    if len(numbers) > 3:
        raise ValueError("expected up to three whole numbers >= 0")
    return numbers


def _feed_layout(value: Any) -> str:
    text = str(value).strip()
    if text not in FEED_LAYOUTS:
        raise ValueError(f"expected one of {', '.join(FEED_LAYOUTS)}")
    return text


def _warc_output(value: Any) -> str:
    from crawler.crawl.recorder import warc_output_path

    try:
        warc_output_path(str(value), "arabstoday")
    except ValueError:
        raise ValueError("only the %(time)s and %(name)s placeholders are allowed") from None
    return str(value)


#: The project's settings that take a value of a given form (unset or empty: the default).
SETTING_PARSERS: dict[str, Callable[[Any], Any]] = {
    "VIA_URL": http_url,
    "REPLAY_PATH": replay_paths,
    "REPLAY_MISS_LOG_LIMIT": non_negative_int,
    "WARC_OUTPUT": _warc_output,
    "MAX_LISTING_PAGES": positive_int,
    "REPORT_MIN_COVERAGE": _coverage_thresholds,
    "REPORT_MIN_ARTICLE_PAGES": non_negative_int,
    "REPORT_FAIL_EXIT": flag,
    "REPORT_PRINT_SUMMARY": flag,
    "PROGRESS_INTERVAL": non_negative_number,
    "REDIS_URL": redis_url,
    "DISTRIBUTED_HEARTBEAT": positive_number,
    "DISTRIBUTED_POLL": positive_number,
    "DISTRIBUTED_WORKER_TIMEOUT": positive_number,
    "INCREMENTAL": flag,
    "RECHECK_DAYS": non_negative_number,
    "INCREMENTAL_NOW": iso_instant,
    "ANALYSIS_PROCESSES": _analysis_processes,
    "GC_FREEZE": flag,
    "GC_THRESHOLDS": _gc_thresholds,
    "DEDUP_MODE": dedup_choice,
    "DEDUP_THRESHOLD": positive_share,
    "DEDUP_NUM_PERM": positive_int,
    "DEDUP_SHINGLE_WORDS": positive_int,
    "TEMPLATE_LEARNING": flag,
    "TEMPLATE_WARMUP_PAGES": non_negative_int,
    "TEMPLATE_MIN_PAGES": positive_int,
    "TEMPLATE_MIN_SHARE": positive_share,
    "TEMPLATE_MIN_REPEATS": positive_int,
    "FEED_LAYOUT": _feed_layout,
    "FEED_LAYOUT_BATCH_ITEMS": positive_int,
    "FEED_LAYOUT_DAY": ymd_date,
    "RETRY_BACKOFF_BASE": non_negative_number,
    "RETRY_BACKOFF_MAX": non_negative_number,
}


def _unset(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | tuple | dict) and not (
        value.strip() if isinstance(value, str) else value))


def check_settings(settings: BaseSettings) -> None:
    """Check every project setting that takes a value of a given form."""
    for name, parse in SETTING_PARSERS.items():
        value = settings.get(name)
        if _unset(value):
            continue
        try:
            parse(value)
        except ValueError as exc:
            raise ConfigError(f"invalid setting {name}={value!r}: {exc}") from None


# -- what the run needs from its surroundings --------------------------------------------------

def check_replay_source(value: Any) -> None:
    """Every replay path exists and holds something to replay: a WARC with a readable response
    record or a saved page with its URL; a folder needs one such file. Nothing is indexed here:
    the crawl does that once."""
    for text in replay_paths(value):
        path = Path(text)
        if not path.exists():
            raise ConfigError(f"replay source not found: {path}")
        if path.is_dir():
            _check_replay_folder(path)
        elif not is_replay_file(path):
            raise ConfigError(f"replay source is neither a WARC (.warc, .warc.gz) nor saved "
                              f"HTML (.html, .htm): {path}")
        elif (problem := replay_file_problem(path)) is not None:
            raise ConfigError(f"replay source unreadable: {path}: {problem}")


def _check_replay_folder(folder: Path) -> None:
    checked = 0
    first_problem = ""
    try:
        candidates = sorted(p for p in folder.rglob("*") if p.is_file() and is_replay_file(p))
    except OSError as exc:
        raise ConfigError(f"replay source unreadable: {folder}: {exc.strerror or exc}") from None
    for path in candidates:
        problem = replay_file_problem(path)
        if problem is None:
            return
        checked += 1
        first_problem = first_problem or f"{path.name}: {problem}"
    if not checked:
        raise ConfigError(f"replay source holds no WARC (.warc, .warc.gz) or saved HTML "
                          f"(.html, .htm) file: {folder}")
    raise ConfigError(f"replay source holds no readable page: {folder} ({checked} files, "
                      f"first: {first_problem})")


def is_warc_file(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def is_replay_file(path: Path) -> bool:
    """A file the replay archive indexes: a WARC or a saved HTML page."""
    return is_warc_file(path) or path.suffix.lower() in HTML_SUFFIXES


def replay_file_problem(path: Path) -> str | None:
    """Why *path* cannot be replayed (None: it can): a WARC without a readable response
    record (read up to the first one), a saved page without its URL, a file that cannot be
    opened."""
    try:
        if is_warc_file(path):
            with path.open("rb") as stream:
                for record in ArchiveIterator(stream):
                    if record.format != "warc":
                        return f"not a WARC file (read as {record.format})"
                    if (record.rec_type in ("response", "resource", "revisit")
                            and record.rec_headers.get_header("WARC-Target-URI")):
                        return None
            return "holds no response record"
        if saved_page_url(path.read_bytes()) is None:
            return "no URL (no 'saved from url' comment, canonical link or og:url)"
        return None
    except (ArchiveLoadFailed, OSError, ValueError, EOFError, zlib.error) as exc:
        return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def check_via_reachable(value: Any, timeout: float = VIA_CONNECT_TIMEOUT) -> None:
    """One TCP connection to ``via``: nothing listening there is a failed run, not a crawl."""
    url = http_url(value)
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        socket.create_connection((parts.hostname, port), timeout=timeout).close()
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise ConfigError(f"via {url} is unreachable: {reason}") from None


def check_run(arguments: Mapping[str, Any], settings: BaseSettings) -> SpiderArguments:
    """Everything a crawl can be refused for before it starts (``scrapy crawl`` runs this)."""
    parsed = parse_spider_arguments(arguments)
    check_settings(settings)
    replay = parsed.replay or settings.get("REPLAY_PATH")
    via = parsed.via or settings.get("VIA_URL")
    if replay:
        check_replay_source(replay)
    elif via:
        check_via_reachable(via)
    return parsed

