"""Checks of the values a user gives: spider arguments and the project's settings."""

from __future__ import annotations

import logging
from typing import Any

logger = logging.getLogger(__name__)


MODES = ("mark", "drop", "off")


def dedup_mode(value: Any) -> str:
    """The ``-a dedup`` / ``DEDUP_MODE`` value, checked."""
    mode = str(value or "mark").strip().lower()
    if mode not in MODES:
        raise ValueError(f"dedup must be one of {', '.join(MODES)}, got {value!r}")
    return mode
