"""No password, token or key in logs: ``SecretMasking`` masks them in every log record."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
logger = logging.getLogger(__name__)



_URL_USERINFO = re.compile(r"(?i)\b([a-z][\w+.-]*://)([^/\s:@'\"]*):([^/\s@'\"]+)@")


_SECRET_NAME = r"[A-Z0-9_]*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_KEY|AUTH|CREDENTIAL)" \
    r"[A-Z0-9_]*"


_SECRET_SETTING = re.compile(rf"""(['"]?{_SECRET_NAME}['"]?\s*[:=]\s*)(['"])(.*?)\2""")


_SECRET_HINTS = ("PASSW", "SECRET", "TOKEN", "KEY", "AUTH", "CREDENTIAL")
"""One of these is in every text ``_SECRET_SETTING`` matches (the names are upper case)."""


MASK = "***"


def mask_secrets(text: str) -> str:
    """``text`` with URL passwords (``redis://:pw@host``, ``http://user:pw@proxy``) and the
    values of secret-named settings (``*PASSWORD*``, ``*SECRET*``, ``*TOKEN*``, ``*KEY*`` ...)
    replaced by ``***``."""
    # Substring tests first: a text without "://" and "@", or without a secret-like name,
    # cannot match the pattern, and most log lines have neither.
    if "@" in text and "://" in text:
        text = _URL_USERINFO.sub(lambda m: f"{m[1]}{m[2]}:{MASK}@", text)
    if any(hint in text for hint in _SECRET_HINTS):
        text = _SECRET_SETTING.sub(lambda m: f"{m[1]}{m[2]}{MASK}{m[2]}", text)
    return text


def _mask_record(record: logging.LogRecord) -> None:
    try:
        message = record.getMessage()
    except Exception:  # a broken record is the handler's business, not ours
        return
    masked = mask_secrets(message)
    if masked != message:
        record.msg, record.args = masked, None


def may_be_emitted(name: str, level: int) -> bool:
    """Whether a record of ``level`` made by logger ``name`` passes the level of at least one
    handler it will be offered to (the logger's and its ancestors' handlers up to the first
    that does not propagate, or ``logging.lastResort`` when there is none): what
    ``Logger.callHandlers`` checks before any handler sees it. True when in doubt."""
    if name == logging.root.name:
        logger: logging.Logger | None = logging.root
    else:
        found = logging.Logger.manager.loggerDict.get(name)
        if not isinstance(found, logging.Logger):
            return True
        logger = found
    has_handlers = False
    while logger is not None:
        for handler in logger.handlers:
            has_handlers = True
            if level >= handler.level:
                return True
        if not logger.propagate:
            break
        logger = logger.parent
    if has_handlers:
        return False
    last_resort = logging.lastResort
    return last_resort is None or level >= last_resort.level


class SecretMasking:
    """Extension: from the start of the crawl on, every log record of the process that can
    reach a handler is created with its secrets masked (a log record factory, so whatever
    logger or handler: Scrapy's "Overridden settings" line, logged right after the extensions
    are built, included). A record below the level of every handler it will be offered to
    (Scrapy's DEBUG "Scraped from <item>" at ``LOG_LEVEL=INFO``) is dropped unread by all of
    them, so it is not masked: formatting and masking a whole item costs more than anything
    else per log record."""

    installed = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SecretMasking:
        if not cls.installed:
            cls.installed = True
            make_record = logging.getLogRecordFactory()

            def masked_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
                record = make_record(*args, **kwargs)
                if may_be_emitted(record.name, record.levelno):
                    _mask_record(record)
                return record

            logging.setLogRecordFactory(masked_record)
        return cls()
