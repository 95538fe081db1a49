"""Crawler for the Arabs Today news network."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def extract_article(html: bytes | str, url: str, **hints: Any) -> dict[str, Any]:
    """Extract a clean article item from one page's HTML; see crawler.extract."""
    from crawler.extract import extract_article as _extract

    return _extract(html, url, **hints)


__all__ = ["__version__", "extract_article"]
