"""Signals of this crawler, beside Scrapy's."""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


page_failed = object()
"""Signal sent by the spider for a page it could not use: ``url``, and either ``reason`` or
the ``failure`` (with its ``request``)."""


item_exported = object()
"""Signal sent by crawler.export.confirm once an item's line is written to every configured
feed: ``item``, ``spider``. What records an article as exported listens to this one."""
