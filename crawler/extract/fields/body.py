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
from collections import Counter
from itertools import pairwise

from crawler.extract import furniture, network
from crawler.extract.fields import dateline
from crawler.extract.furniture import without_closing_mark, without_credit, without_edit_link
from crawler.extract.layout import (
    STRONG_FURNITURE,
    BlockView,
    Layout,
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
NOTE_WORDS = frozenset({"footnote", "footnotes", "endnotes"})
"""Class words of the box holding an article's notes."""
LEADING_LINE_WORDS = 15
"""A line at the body's start with at most this many words and no sentence end is no text."""
LAYOUT_ONLY = frozenset({"furniture:link-text", "furniture:link-list", "furniture:class",
                         "furniture:embed", "furniture:figure", "furniture:aside",
                         "furniture:paywall", "furniture:box", "furniture:table",
                         "furniture:sponsored"})
"""Furniture rules that judge a block by its place in the body container the layout chose (on
a page the generic extractor reads, that container may be the wrong one), and embedded posts,
which annotated news corpora (zyte) count as the article's text."""
SHARED_TEXT = 0.6
"""The share of the generic extractor's characters whose shared ancestors wrap the article."""
GENERIC_FACTOR = 2.0
"""How many times more words the generic extractor must find to replace such a body."""


def find(reading: Reading) -> Found:
    """The body's paragraphs and their source; marks the body blocks."""
    layout = reading.layout
    if not reading.network and (generic := _generic_paragraphs(reading)):
        return Found(generic, "generic")
    chosen: list[BlockView] = _without_leading_lines(
        _without_repeats(body_candidates(layout), layout), layout)
    paragraphs = _without_speakers(_without_timecodes(_without_update_marks(
        [_without_bullet(_without_dateline(view, reading)) for view in chosen])))
    if paragraphs:
        paragraphs[-1] = without_closing_mark(paragraphs[-1])
    words = sum(view.words for view in chosen)
    source = "network-rules" if reading.network else "page-layout"
    if words < MIN_WORDS:
        generic = _generic_paragraphs(reading)
        generic_words = sum(len(p.split()) for p in generic)
        if generic and generic_words >= GENERIC_FACTOR * max(words, 1):
            return Found(generic, "generic")
    notes = _footnotes(reading)
    paragraphs += [view.text for view in notes]
    for view in chosen:
        layout.decide(view.index, "body", "body:paragraph" if view.paragraph else "body:line")
    for view in notes:
        layout.decide(view.index, "body", "body:footnote")
    return Found(paragraphs, source if paragraphs else None)


def _without_bullet(text: str) -> str:
    return furniture.BULLET_GLYPH.sub("", text, count=1)


def _without_dateline(view: BlockView, reading: Reading) -> str:
    """The block's text, without the dateline run into it (fields.dateline noted where) or a
    heading's edit link."""
    index, end = reading.notes.get("dateline_prefix") or (None, 0)
    text = view.text[end:] if view.index == index else view.text
    if view.story_caption:
        text = without_credit(text)
    return without_edit_link(text) if view.block.heading else text


_TIMECODE = re.compile(r"^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}\s+(?=\D)")
TRANSCRIPT_LINES = 2
"""Paragraphs opening with a timecode that make the body a transcript."""


_UPDATE_MARK = re.compile(r"^\s*(?:تحديث|محدث|آخر تحديث|updated?)\s*[\d\u0660-\u0669]{1,2}"
                          r"[:.][\d\u0660-\u0669]{2}\s*(?:ص|م|am|pm)?\s*[:：\-–—|]\s*(?=\S)",
                          re.IGNORECASE)


def _without_update_marks(paragraphs: list[str]) -> list[str]:
    """A developing story's paragraphs without the update's stamp run into them ("تحديث 14:20:
    ..."): when it was added, not a word of it."""
    return [_UPDATE_MARK.sub("", text) for text in paragraphs]


def _without_timecodes(paragraphs: list[str]) -> list[str]:
    """A transcript's paragraphs without the timecode each opens with ("00:42 ..."): a link
    into the video, not a word of the text."""
    if sum(1 for text in paragraphs if _TIMECODE.match(text)) < TRANSCRIPT_LINES:
        return paragraphs
    return [_TIMECODE.sub("", text) for text in paragraphs]


_SPEAKER = re.compile(r"^\s*(?P<label>[^\s:：]{1,20}(?:\s[^\s:：]{1,20}){0,2})\s*[:：]\s+(?=\S)")
_SAYING = re.compile(r"^(?:و|ف)|^(?:قال|قالت|أضاف|أضافت|أكد|أكدت|تابع|تابعت|أوضح|أوضحت|"
                     r"مضيفا|مضيفة|المصدر|ملاحظة|تنويه|تحديث)")
"""A label that opens a quoted sentence ("وأضاف: ...") or a note, not a speaker's."""
QA_MARKS = frozenset({"س", "ج", "سؤال", "جواب", "السؤال", "الجواب"})
"""The question's and the answer's marks: an interview's at their first use."""
SPEAKER_TURNS = 2
"""Paragraphs each of two speakers must open for their labels to be an interview's marks."""


def _without_speakers(paragraphs: list[str]) -> list[str]:
    """An interview's paragraphs without the speakers' marks ("س:" / "ج:", "الصحيفة:" / the
    guest's name): two or three labels, each opening at least two paragraphs, or the site's
    name and the label of the answer after it."""
    opening = [match["label"] if (match := _SPEAKER.match(text))
               and not _SAYING.match(match["label"]) else None for text in paragraphs]
    labels = Counter(label for label in opening if label)
    speakers = {label for label, turns in labels.items()
                if turns >= SPEAKER_TURNS or label in QA_MARKS or network.is_site_name(label)}
    # the paper asks under its own name: the label answering it is the guest's
    speakers |= {answer for asked, answer in pairwise(opening)
                 if asked and answer and network.is_site_name(asked)}
    if not 2 <= len(speakers) <= 3:
        return paragraphs
    out = []
    for text in paragraphs:
        match = _SPEAKER.match(text)
        out.append(text[match.end():] if match and match["label"] in speakers else text)
    return out


def _footnotes(reading: Reading) -> list[BlockView]:
    """The writer's notes right after the body, in a box named for them: its sentences close
    the text."""
    layout = reading.layout
    if layout.end is None:
        return []
    notes = []
    for view in reading.views[layout.end + 1:layout.stop]:
        if not view.is_text or layout.decided(view.index) or view.generic_furniture \
                or view.network_furniture or view.link_text:
            continue
        if not view.block.content & NOTE_WORDS:
            break
        if view.ends_sentence:
            notes.append(view)
    return notes


REPEAT_CHECK_MAX_BLOCKS = 400
"""Body blocks compared pairwise for repeats at most (the check is quadratic; an article has
tens of paragraphs, a hostile page thousands)."""


def _without_repeats(views: list[BlockView], layout: Layout) -> list[BlockView]:
    """Without a block that repeats words of another (a pull quote, a teaser of the article
    itself): it is marked boilerplate."""
    if len(views) > REPEAT_CHECK_MAX_BLOCKS:
        return views
    kept: list[BlockView] = []
    for view in views:
        if any(other is not view and len(other.key) > len(view.key) and view.key in other.key
               for other in views):
            layout.decide(view.index, "boilerplate", "furniture:pull-quote")
            continue
        if any(other.key == view.key and other.index < view.index for other in kept):
            continue  # the same words again (a pull quote of a whole paragraph): once
        kept.append(view)
    return kept


def _without_leading_lines(views: list[BlockView], layout: Layout) -> list[BlockView]:
    """Without the short lines before the first paragraph that do not end like a sentence (a
    desk's name, a label, a caption the markup did not mark): a body opens with text,
    subheadings come between paragraphs. A body with no such opening is kept whole."""
    opening = next((position for position, view in enumerate(views)
                    if view.ends_sentence or (view.paragraph and view.words > LEADING_LINE_WORDS)),
                   None)
    if opening is None:
        return views
    for view in views[:opening]:
        layout.decide(view.index, "boilerplate", "body:line-before-text")
    return views[opening:]


def _generic_paragraphs(reading: Reading) -> list[str]:
    """The generic extractor's paragraphs without what the page's other fields claimed and
    without furniture: each is traced back to the page's block with the same text, and dropped
    when that block is claimed, link text, a date or inside a furniture box."""
    views = {view.key: view for view in reading.views if view.is_text}
    found = []
    for paragraph in reading.generic.paragraphs[:MAX_BLOCKS]:
        text = _BULLET.sub("", paragraph)
        if text and not is_furniture_text(text):
            found.append((text, views.get(word_key(fold(text)))))
    depth = _shared_depth([view for _, view in found if view is not None])
    return [text for text, view in found if view is None or not _not_body(view, reading, depth)]


def _shared_depth(views: list[BlockView]) -> int:
    """How many block elements most of the generic extractor's text sits in (by characters,
    so a teaser box it let in does not count): their class words wrap the whole article
    ("page has-sidebar has-ads"), so they name no furniture."""
    total = sum(len(view.text) for view in views)
    depth = 0
    while views:
        groups: dict[int, list[BlockView]] = {}
        for view in views:
            if len(view.block.path) > depth:
                groups.setdefault(view.block.path[depth], []).append(view)
        if not groups:
            break
        views = max(groups.values(), key=lambda group: sum(len(v.text) for v in group))
        if sum(len(view.text) for view in views) < SHARED_TEXT * total:
            break
        depth += 1
    return depth


def _not_body(view: BlockView, reading: Reading, depth: int) -> bool:
    """Claimed by another field, named furniture by its words, a date, or inside a box whose
    class names furniture (below the ancestors the article shares). Link text and lists of
    links are left to the generic extractor, which keeps them where they belong to the text."""
    decision = reading.layout.decisions.get(view.index)
    if reading.network:  # the network's layout is known: its link lists are never text
        return (decision is not None and decision.role != "body") or view.link_text \
            or view.block.list_item or view.date is not None \
            or dateline.parse(view.text) is not None
    if decision is not None and decision.role != "body" and decision.rule not in LAYOUT_ONLY:
        return True
    return view.date is not None or bool(view.block.furniture_below(depth) & STRONG_FURNITURE)
