"""Safe file names from untrusted text (titles, URLs), and the names of the output layouts."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

FEED_LAYOUTS = ("site-day", "site-batch")
"""How crawler.export.layout splits a feed into files: per site and day, or per site and batch."""
MAX_NAME_BYTES = 200


_UNSAFE = re.compile(r"[^\w.\-]+")


def safe_filename(name: str, max_bytes: int = MAX_NAME_BYTES) -> str:
    """One path component derived from untrusted text (a URL, a host, a title).

    No separators, no NUL or control characters, no leading dots (so never ``.``, ``..`` or a
    hidden file), at most ``max_bytes`` UTF-8 bytes (long names keep a digest of the whole);
    never empty.
    """
    text = unicodedata.normalize("NFC", name)
    cleaned = _UNSAFE.sub("_", text).strip("._") or "_"
    encoded = cleaned.encode("utf-8")
    if len(encoded) > max_bytes:
        digest = hashlib.sha1(name.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        head = encoded[:max_bytes - 13].decode("utf-8", "ignore").rstrip("._")
        cleaned = f"{head}-{digest}"
    return cleaned


def url_filename(url: str, suffix: str = "") -> str:
    """A safe file name for a URL: host and path, flattened."""
    parts = urlsplit(url)
    raw = f"{parts.hostname or 'nohost'}_{parts.path}_{parts.query}".rstrip("_")
    return safe_filename(raw, MAX_NAME_BYTES - len(suffix.encode())) + suffix


def inside(folder: str | os.PathLike[str], name: str) -> Path:
    """``folder / name``, refusing any result outside ``folder`` (ValueError)."""
    base = Path(folder).resolve()
    target = (base / name).resolve()
    if target != base and base not in target.parents:
        raise ValueError(f"{name!r} leaves {base}")
    return target
