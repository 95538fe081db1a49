"""One page as the field rules read it: its blocks, metadata, URL, discovery hints and layout,
computed once and shared by every field (crawler.extract.fields)."""

from __future__ import annotations

import itertools
import logging
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from crawler.extract.generic import GenericFields, generic_fields
from crawler.extract.layout import BlockView, Layout
from crawler.extract.metadata import Metadata
from crawler.extract.page import Page
from crawler.network.urls import ArticleURL

logger = logging.getLogger(__name__)

GENERIC_MAX_ELEMENTS = 30_000
"""Elements of a page the generic extractor is given at most (real articles have a few
thousand)."""


@dataclass(frozen=True)
class Found:
    """A field's value and the rule or strategy that produced it."""

    value: Any
    source: str | None


NOTHING = Found(None, None)


@dataclass
class Reading:
    page: Page
    meta: Metadata
    url: ArticleURL | None
    """The parsed network URL (None for a page outside the network's URL grammar)."""
    feed: dict[str, Any]
    """Discovery hints: the feed's or sitemap's title, published date, categories."""
    layout: Layout
    network: bool
    """The page is the network's: its URL or its label line says so."""
    notes: dict[str, Any] = field(default_factory=dict)
    """Findings one field leaves for another (the dateline's reporter for the authors)."""

    @property
    def views(self) -> list[BlockView]:
        return self.layout.views

    @cached_property
    def generic(self) -> GenericFields:
        """The generic extractor's answer (trafilatura), computed only when a field asks; none
        for a page of more than GENERIC_MAX_ELEMENTS elements (trafilatura's time grows faster
        than the page: 160,000 tiny paragraphs took minutes)."""
        elements = sum(1 for _ in itertools.islice(self.page.root.iter(), GENERIC_MAX_ELEMENTS + 1))
        if elements > GENERIC_MAX_ELEMENTS:
            logger.info("%s: over %d elements, not given to the generic extractor",
                        self.page.url, GENERIC_MAX_ELEMENTS)
            return GenericFields()
        return generic_fields(self.page.text, self.page.url)
