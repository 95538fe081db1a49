"""The body: the article's paragraphs, as published.

On the network's pages: the blocks of the body region (crawler.extract.layout) that no other
field claimed and that are not furniture: paragraphs, and the short lines between them that read
as text (subheadings, short sentences). When the page's blocks give no body, or much less text
than the generic extractor finds, the generic extractor's paragraphs are taken instead.

On other pages the generic extractor's answer comes first (trafilatura, checked against
readability: crawler.extract.generic.body), the body region's when it finds nothing: the region
rules are tuned on Arabic news pages; trafilatura holds on pages of every kind.

The generic extractor's paragraphs never include the lines the other fields claimed (title,
caption, dateline, byline) or the furniture rules name.
"""

from __future__ import annotations

import re

from crawler.extract.layout import (
    STRONG_FURNITURE,
    BlockView,
    body_candidates,
    is_furniture_text,
)
from crawler.extract.page import MAX_BLOCKS
from crawler.extract.reading import Found, Reading
from crawler.text import fold, word_key

MIN_WORDS = 40
"""A body from the blocks with fewer words than this is checked against the generic
extractor's."""
_BULLET = re.compile(r"^[-•*]\s+")
"""trafilatura writes a list item as "- item"."""
GENERIC_FACTOR = 2.0
"""How many times more words the generic extractor must find to replace such a body."""


def find(reading: Reading) -> Found:
    """The body's paragraphs and their source; marks the body blocks."""
    layout = reading.layout
    if not reading.network and (generic := _generic_paragraphs(reading)):
        return Found(generic, "generic")
    chosen: list[BlockView] = body_candidates(layout)
    paragraphs = [view.text for view in chosen]
    words = sum(view.words for view in chosen)
    source = "network-rules" if reading.network else "page-layout"
    if words < MIN_WORDS:
        generic = _generic_paragraphs(reading)
        generic_words = sum(len(p.split()) for p in generic)
        if generic and generic_words >= GENERIC_FACTOR * max(words, 1):
            return Found(generic, "generic")
    for view in chosen:
        layout.decide(view.index, "body", "body:paragraph" if view.paragraph else "body:line")
    return Found(paragraphs, source if paragraphs else None)


def _generic_paragraphs(reading: Reading) -> list[str]:
    """The generic extractor's paragraphs without what the page's other fields claimed and
    without furniture: each is traced back to the page's block with the same text, and dropped
    when that block is claimed, link text, a list item or inside a furniture box."""
    views = {view.key: view for view in reading.views if view.is_text}
    kept = []
    for paragraph in reading.generic.paragraphs[:MAX_BLOCKS]:
        text = _BULLET.sub("", paragraph)
        if not text or is_furniture_text(text):
            continue
        view = views.get(word_key(fold(text)))
        if view is not None and _not_body(view, reading):
            continue
        kept.append(text)
    return kept


def _not_body(view: BlockView, reading: Reading) -> bool:
    decision = reading.layout.decisions.get(view.index)
    return ((decision is not None and decision.role != "body") or view.link_text
            or view.block.list_item or bool(view.block.furniture & STRONG_FURNITURE)
            or view.date is not None)
