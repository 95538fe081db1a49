"""The optional parts of the install (the extras in pyproject.toml): a feature that needs one
checks for it first and, when it is missing, stops with one line saying what to install."""

from __future__ import annotations

import importlib
import sys

EXTRAS: dict[str, tuple[str, ...]] = {
    "redis": ("redis", "scrapy_redis"),
    "plot": ("matplotlib",),
}
"""The modules each extra provides, by extra name (requirements/<extra>.txt locks it)."""


class MissingExtra(SystemExit):
    """An extra is not installed: exits with status 1 and the message, without a traceback."""

    def __init__(self, extra: str, feature: str, reason: str):
        self.extra = extra
        super().__init__(
            f"arabstoday-crawler: {feature} needs the optional '{extra}' dependencies ({reason});"
            f" install them from the project folder:"
            f" {sys.executable} -m pip install --no-deps -r requirements/{extra}.txt")


def require(extra: str, feature: str) -> None:
    """Import the modules of ``extra``, or raise MissingExtra naming ``feature``."""
    for module in EXTRAS[extra]:
        try:
            importlib.import_module(module)
        except ImportError as error:
            raise MissingExtra(extra, feature, str(error)) from None
