"""The title: the display title the page shows, with its punctuation.

Sources, best first: the block that shows the page's declared title (JSON-LD headline, og:title,
the feed's title, <title> without the site's name) in its most punctuated form on the page; the
network's label-prefixed title ("المغرب اليوم - X"); the first <h1>; the declared title itself;
the network's header text shown twice; the generic extractor's.
"""

from __future__ import annotations

import re
from collections import Counter

from crawler.extract import network
from crawler.extract.layout import BlockView
from crawler.extract.reading import NOTHING, Found, Reading
from crawler.text import fold, normalise_space, word_key

LABEL_ROOM = 40
"""Characters a site label and its dash add before a title."""
HEADER_WINDOW = 40
"""Blocks from the top in which the network's doubled header text is looked for."""


def title_key(view: BlockView) -> str:
    """The key of the title a block shows (see ``shown_form``)."""
    return word_key(fold(shown_form(view)))


def punctuation_count(text: str) -> int:
    return sum(1 for char in text if not char.isalnum() and not char.isspace())


def declared_titles(reading: Reading) -> list[Found]:
    """The titles the page and its discovery declare, without the site's name, most trusted
    first, with their sources."""
    meta, feed = reading.meta, reading.feed
    values = [(meta.title.value, meta.title.source) if meta.title else (None, None),
              (feed.get("title"), "feed"), (meta.html_title, "html-title")]
    return [Found(_ISSUE_PREFIX.sub("", network.strip_site_affix(normalise_space(value),
                                                                 meta.site_name)), source)
            for value, source in values if isinstance(value, str) and value.strip()]


_ISSUE_PREFIX = re.compile(r"^(?:العدد|عدد|الإصدار|issue)\s*[\d\u0660-\u0669]{1,5}"
                           r"\s*[:：\-–—|]\s*(?=\S)", re.IGNORECASE)
"""A newsletter issue's number before the story's title in the page's declared title."""


def title_keys(reading: Reading) -> list[str]:
    keys = [word_key(fold(title.value)) for title in declared_titles(reading)]
    for view in reading.views[:HEADER_WINDOW]:
        if view.is_text and (prefixed := view.label_prefix):
            key = word_key(fold(prefixed[1]))
            if not keys or key in keys:  # else a label before a line of the text (an interview)
                keys.insert(0, key)
            break
    return list(dict.fromkeys(k for k in keys if k))


_PAGE_COUNTER = re.compile(r"\s*[(\[]\s*\d{1,2}\s*(?:/|من)\s*\d{1,2}\s*[)\]]\s*$")
"""A page's number after the headline repeated atop each page of a paged text ("X (2/3)")."""


def shown_form(view: BlockView) -> str:
    """The title as a block shows it: without a site label before it or a page counter after
    it, not doubled."""
    text = _PAGE_COUNTER.sub("", view.text)
    if prefixed := view.label_prefix:
        return prefixed[1]
    words = text.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        return " ".join(words[:half])
    return text


def repeated_header_title(reading: Reading) -> int | None:
    """The network's header text shown at least twice (plain title, display title), when the
    page declares none."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for view in reading.views[:HEADER_WINDOW]:
        if view.is_text and 2 <= view.words <= 40 and view.network_furniture is None \
                and not view.link_text:
            key = title_key(view)
            counts[key] += 1
            first.setdefault(key, view.index)
    repeated = [key for key, count in counts.items() if count >= 2]
    if not repeated:
        return None
    return first[max(repeated, key=lambda k: (counts[k], -first[k]))]


def locate(reading: Reading) -> None:
    """Set the layout's title block and the blocks repeating the title.

    The title block is the first heading (else the first block) that shows one of the titles
    the page declares, as it is, doubled ("X X") or label-prefixed; without a match, the first
    <h1>; without one, the network's header text shown twice."""
    views, layout = reading.views, reading.layout
    wanted = set(title_keys(reading))
    # a block shows a title only if it is about as long (a label or a doubling at most)
    longest = 2 * max((len(key) for key in wanted), default=0) + LABEL_ROOM
    keys = {v.index: title_key(v) for v in views
            if v.is_text and v.words <= 60 and len(v.text) <= longest}
    matches = [index for index, key in keys.items() if key in wanted]
    if not any(views[index].block.heading for index in matches):
        for index, key in keys.items():
            if views[index].block.heading and (shown := _after_tag(views[index], key, wanted)):
                layout.title_prefixed[index] = shown
                matches.append(index)
        matches.sort()
    if not matches:
        headline = next((v.index for v in views if v.block.heading == 1 and v.is_text
                         and v.words <= 40 and v.network_furniture is None), None)
        if headline is None:
            headline = repeated_header_title(reading)
        if headline is None:
            return
        key = title_key(views[headline])
        matches = [v.index for v in views
                   if v.is_text and v.words <= 60 and title_key(v) == key]
    headings = [index for index in matches if views[index].block.heading]
    layout.title = headings[0] if headings else matches[0]
    layout.title_blocks = set(matches)


TAG_WORDS = 3
"""Words of a tag before a headline ("[عاجل]", "الموضوع: [منقول]")."""


def _after_tag(view: BlockView, key: str, wanted: set[str]) -> str | None:
    """The heading's text without a short tag before the declared title ("منقول X"), or None
    when it shows no declared title after one."""
    words = view.text.split()
    for title in wanted:
        extra = len(key.split()) - len(title.split())
        if 0 < extra <= TAG_WORDS and key.endswith(" " + title):
            for cut in range(1, len(words)):
                if word_key(fold(" ".join(words[cut:]))) == title:
                    return " ".join(words[cut:])
    return None


def find(reading: Reading) -> Found:
    """The title and its source; marks every block that shows it.

    The declared title wins, unless the page shows the same words with more punctuation (the
    network's display title "افتتاح «حديقة» في الضاحية!" against the plain og:title); without
    one, the title block's own text."""
    layout, views = reading.layout, reading.views
    shown: str | None = None
    if layout.title is not None:
        shown_of = {i: layout.title_prefixed.get(i) or shown_form(views[i])
                    for i in layout.title_blocks | {layout.title}}
        key = word_key(fold(shown_of[layout.title]))
        forms = [shown_of[i] for i in sorted(shown_of) if word_key(fold(shown_of[i])) == key]
        shown = max(forms, key=punctuation_count)
        for index in layout.title_blocks | {layout.title}:
            layout.decide(index, "title", "title:shown")
    declared = declared_titles(reading)
    if declared and declared[0].source not in ("feed", "html-title"):
        first = declared[0]
        if shown is not None and word_key(fold(shown)) == word_key(fold(first.value)) \
                and punctuation_count(shown) > punctuation_count(first.value):
            return Found(shown, "network-rules" if reading.network else "page-heading")
        return first
    if shown is not None:
        return Found(shown, "network-rules" if reading.network else "page-heading")
    if declared:
        return declared[0]
    generic = reading.generic.title
    return Found(generic, "generic") if generic else NOTHING
