"""The authors: the people who wrote the article.

Sources, best first: the page's metadata (JSON-LD author, meta author), unless it names the
publisher; a byline in the article's header or right after its body ("بقلم : X", "بقلم - X",
"بقلم:X", "بقلم X", "كتب - X", "الكاتب: X", "بواسطة X", "By X"); on an opinion page, the
columnist's bare name under the title; the dateline's reporter ("واشنطن - رولا عيسى").
"""

from __future__ import annotations

import re

from crawler.extract import network
from crawler.extract.layout import BlockView
from crawler.extract.reading import NOTHING, Found, Reading
from crawler.text import normalise_space

BYLINE_WINDOW = 8
"""Text blocks before the body (after the title) and after it where a byline may stand."""
_DASHES = r"\-ـ–—"
_BYLINE = re.compile(
    rf"^(?:بقلم|كتب|كتبت|كتبه|الكاتب|الكاتبة|بواسطة|إعداد|اعداد|تحرير|المحرر|تقرير|إشراف|"
    rf"by|By|BY)\s*[:{_DASHES}]?\s*(?P<names>\S.*)$")
_SENTENCE_PUNCT = re.compile(r"[.:؛;!?؟\"«»()\[\]0-9|/]")
_SEPARATORS = re.compile(r"\s*[،,]\s*|\s+و\s+|\s+and\s+|\s*&\s*")
MAX_NAME_WORDS = 6


def names_in_byline(text: str) -> list[str] | None:
    """The names of a byline ("بقلم : X", "كتب - X و Y"), or None when the line is not one."""
    match = _BYLINE.match(text.strip())
    if not match:
        return None
    names = [n.strip(f" {_DASHES}:") for n in _SEPARATORS.split(match["names"].strip())]
    names = [n for n in names if n]
    if not names or any(not is_name_like(n) for n in names):
        return None
    return names


def is_name_like(text: str) -> bool:
    """A person's name: one to six words, no digits or sentence punctuation, not the site."""
    words = text.split()
    return (1 <= len(words) <= MAX_NAME_WORDS and len(text) <= 60
            and not _SENTENCE_PUNCT.search(text) and not network.is_site_name(text))


def _metadata_authors(reading: Reading) -> Found:
    meta = reading.meta
    if meta.authors:
        names = [normalise_space(n) for n in meta.authors.value
                 if isinstance(n, str) and not network.is_site_name(n)]
        names = [n for n in names if n]
        if names:
            return Found(list(dict.fromkeys(names)), meta.authors.source)
    return NOTHING


def _near_body(reading: Reading) -> list[BlockView]:
    """Blocks where a byline may stand: between the title and the body, then after the
    body's last block."""
    layout, views = reading.layout, reading.views
    if layout.start is None:
        return []
    floor = layout.title if layout.title is not None else max(-1, layout.start - BYLINE_WINDOW)
    before = [v for v in views[floor + 1:layout.start] if v.is_text][-BYLINE_WINDOW:]
    after_start = (layout.last if layout.last is not None else layout.start) + 1
    after = [v for v in views[after_start:after_start + BYLINE_WINDOW] if v.is_text][:3]
    return before + after


def find(reading: Reading) -> Found:
    """The authors and their source; marks the byline blocks."""
    layout = reading.layout
    found = _metadata_authors(reading)
    bylines: list[tuple[BlockView, list[str]]] = []
    for view in _near_body(reading):
        if layout.decided(view.index) and layout.decisions[view.index].role != "boilerplate":
            continue
        names = names_in_byline(view.text)
        if names:
            bylines.append((view, names))
    for view, _ in bylines:
        layout.decide(view.index, "author", "author:byline")
    if found.value:
        _mark_bare_names(reading, found.value)
        return found
    if bylines:
        names = list(dict.fromkeys(n for _, line in bylines for n in line))
        _mark_bare_names(reading, names)
        return Found(names, "author-line")
    if reading.url is not None and reading.url.kind == "opinion":
        columnist = _bare_name_under_title(reading)
        if columnist is not None:
            layout.decide(columnist.index, "author", "author:columnist-name")
            return Found([columnist.text], "author-line")
    reporter = reading.notes.get("reporter")
    if reporter:
        return Found([reporter], "dateline")
    return NOTHING


def _bare_name_under_title(reading: Reading) -> BlockView | None:
    """On an opinion page, a bare name between the title and the body."""
    layout = reading.layout
    if layout.start is None:
        return None
    floor = layout.title if layout.title is not None else -1
    for view in reading.views[floor + 1:layout.start]:
        if view.is_text and not layout.decided(view.index) and not view.link_text \
                and view.network_furniture is None and is_name_like(view.text) \
                and view.date is None:
            return view
    return None


def _mark_bare_names(reading: Reading, names: list[str]) -> None:
    """A name shown alone next to its byline ("X" then "بقلم - X") is the byline too."""
    wanted = set(names)
    for view in _near_body(reading):
        if view.text in wanted and not reading.layout.decided(view.index):
            reading.layout.decide(view.index, "author", "author:name")
