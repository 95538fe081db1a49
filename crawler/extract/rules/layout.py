"""The network's text-level rules: find the article in the page's blocks by layout, not markup.

Page order (site-facts.md): plain title, header clock, site label line, ticker ending in
"أخر الأخبار", display title (often twice), label line again, then either the label-prefixed
title, caption(s) and dateline (news) or the plain title and author line (opinion); the body;
then "قد يهمك ايضا", logo alt text, comment form, related stories with dates, footer.
The rules locate the header's last anchor and the first footer marker after it; what lies
between, minus caption, dateline, author line and repeats, is the body.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from crawler.extract.dates import is_header_clock, parse_arabic_date, zone_in
from crawler.extract.page import Block
from crawler.extract.rules import strings as pat
from crawler.network.sites import Site

LONG_BLOCK_WORDS = 25
"""A non-anchor block this long ends the search for header anchors."""

PRE_BODY_WINDOW = 4
"""How many short blocks after the header may hold captions and the dateline."""


CAPTION_MAX_WORDS = 20

OPENING_WORDS = 8
"""Without a header, a dateline counts only when a paragraph this long follows it."""


@dataclass
class NetworkResult:
    """What the rules found; ``anchored`` says whether the page showed the network layout."""

    anchored: bool = False
    framed: bool = False
    """Header, site label and a footer marker after the body were found: the rules are sure."""
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    images: list[dict[str, str | None]] = field(default_factory=list)
    dateline: pat.Dateline | None = None
    authors: list[str] = field(default_factory=list)
    author_source: str | None = None
    page_date: tuple[str, datetime] | None = None
    time_element: str | None = None
    label_site: Site | None = None


def is_furniture(text: str, title: str | None = None) -> bool:
    """Page furniture in any position: clocks, label lines, ticker, footer, share bars and
    the title (also doubled or label-prefixed)."""
    block = Block(text)
    if _is_anchor(block) or pat.is_footer_marker(text) or pat.is_share_bar(text):
        return True
    if title is None:
        return False
    prefixed = _prefixed_title(block)
    return pat.key(prefixed[1] if prefixed else pat.undouble(text)) == pat.key(title)


def _is_anchor(block: Block) -> bool:
    return block.kind == "text" and _is_anchor_text(block.text)


# Inside the memoised predicates below, the memoised pattern predicates are called unwrapped
# (the same pure functions): a new text then costs one cache entry here, not one per layer.
_site_of_label = pat.site_of_label.__wrapped__

_is_ticker_end = pat.is_ticker_end.__wrapped__


_is_header_clock = is_header_clock.__wrapped__

_split_label_prefix = pat.split_label_prefix.__wrapped__


@lru_cache(maxsize=pat.MEMO_SIZE)  # every block is tested, several times per page
def _is_anchor_text(text: str) -> bool:
    # = pat.site_of_label(text) is not None or pat.is_ticker_end(text) or pat.is_clock(text)
    return _site_of_label(text) is not None or _is_ticker_end(text) or _is_header_clock(text)


def _prefixed_title(block: Block) -> tuple[Site, str] | None:
    if block.kind != "text":
        return None
    return _prefixed_text(block.text)


@lru_cache(maxsize=pat.MEMO_SIZE)
def _prefixed_text(text: str) -> tuple[Site, str] | None:
    if pat.word_count(text) > 40:
        return None
    return _split_label_prefix(text)


def _hard_footer(blocks: list[Block]) -> int:
    """Index of the first comment-form / related-list / copyright line (not the logo)."""
    for index, block in enumerate(blocks):
        if block.kind == "text" and pat.is_footer_marker(block.text) \
                and not pat.is_logo_alt(block.text):
            return index
    return len(blocks)


def header_end(blocks: list[Block]) -> int:
    """Index of the header's last block (-1 when the page shows no header anchors).

    The label-prefixed title ends a news header. Otherwise the last anchor (label line,
    ticker end, clock) before the author line ends it, or, without an author line, the last
    anchor before the first long text block (a ticker's run-together headlines excepted).
    """
    limit = _hard_footer(blocks)
    for index in range(limit):
        if _prefixed_title(blocks[index]):
            return index
    anchors = {i for i in range(limit) if _is_anchor(blocks[i])}
    author_at = next((i for i in range(limit) if blocks[i].kind == "text"
                      and pat.author_from_line(blocks[i].text)), None)
    if author_at is not None:
        return max((i for i in anchors if i < author_at), default=-1)
    last = -1
    for index in range(limit):
        block = blocks[index]
        if index in anchors:
            last = index
        elif (block.kind == "text" and pat.word_count(block.text) >= LONG_BLOCK_WORDS
              and not any(pat.is_ticker_end(b.text) for b in blocks[index + 1:index + 3])):
            break
    return last


def body_end(blocks: list[Block], start: int) -> int:
    """Index of the first footer marker (text or logo image) at or after ``start``."""
    for index in range(start, len(blocks)):
        block = blocks[index]
        if block.kind == "image":
            if block.text and pat.is_logo_alt(block.text):
                return index
        elif pat.is_footer_marker(block.text):
            return index
    return len(blocks)


def _title_from_header(blocks: list[Block], end: int, hint_keys: list[str]) -> str | None:
    """The display title: the label-prefixed title, a hinted title or the header's most
    repeated text, in its most punctuated form among the header's blocks."""
    candidates: list[str] = []
    prefixed_key = None
    for block in blocks[:end + 4]:
        if block.kind != "text" or not block.text or pat.word_count(block.text) > 40:
            continue
        if prefixed := _prefixed_title(block):
            candidates.append(prefixed[1])
            prefixed_key = prefixed_key or pat.key(prefixed[1])
        elif not _is_anchor(block):
            candidates.append(pat.undouble(block.text))
    counts: dict[str, int] = {}  # a Counter's constructor costs more than these few texts
    for text in candidates:
        text_key = pat.key(text)
        counts[text_key] = counts.get(text_key, 0) + 1
    if prefixed_key:
        best_key = prefixed_key
    elif wanted := [k for k in hint_keys if counts.get(k)]:
        best_key = wanted[0]
    else:
        repeated = [k for k, n in counts.items() if n >= 2 and k]
        if not repeated:
            return None
        best_key = max(repeated, key=lambda k: counts[k])
    forms = [text for text in candidates if pat.key(text) == best_key]
    return max(forms, key=pat.punctuation_count)


def _label_site(blocks: list[Block], end: int) -> Site | None:
    for block in blocks[:end + 1]:
        if block.kind != "text":
            continue
        if site := pat.site_of_label(block.text):
            return site
        if prefixed := _prefixed_title(block):
            return prefixed[0]
    return None


def _page_date(text: str) -> datetime | None:
    """An article date printed in the page ("GMT 09:46 2024 الخميس ,21 …"): full and zoned."""
    if pat.word_count(text) > 12 or pat.is_clock(text) or zone_in(text) is None:
        return None
    parsed = parse_arabic_date(text)
    return parsed if parsed is not None and parsed.tzinfo is not None else None


class _Scanner:
    """Walks the blocks between header and footer, sorting them into the result."""

    def __init__(self, blocks: list[Block], kind: str | None, title_keys: set[str],
                 has_header: bool):
        self.blocks = blocks
        self.kind = kind
        self.title_keys = title_keys
        self.longest_title_key = max(map(len, title_keys), default=0)
        self.has_header = has_header
        self.result = NetworkResult()
        self.pending_images: list[Block] = []

    def is_repeat(self, block: Block) -> bool:
        return self.is_title(pat.undouble(block.text)) or self.is_title(block.text)

    def is_title(self, text: str) -> bool:
        """``pat.key(text) in self.title_keys``; a body paragraph's key is given up on as soon
        as it is longer than every title key."""
        found = pat.key_within(text, self.longest_title_key)
        return found is not None and found in self.title_keys

    def skippable(self, block: Block) -> bool:
        """Furniture: empty, a title repeat (also label-prefixed), anchor or share bar."""
        text = block.text
        prefixed = _prefixed_title(block)
        return (not text or self.is_repeat(block) or _is_anchor(block)
                or pat.is_share_bar(text)
                or (prefixed is not None and pat.key(prefixed[1]) in self.title_keys))

    def note_times(self, block: Block) -> None:
        if block.datetimes and self.result.time_element is None:
            self.result.time_element = block.datetimes[0]

    def pre_body(self, start: int, end: int) -> int:
        """Skip repeats, collect images, author line, caption and dateline; body's first index."""
        index = start
        previous_image = False
        while index < end:
            block = self.blocks[index]
            self.note_times(block)
            if block.kind == "image":
                self.pending_images.append(block)
                previous_image = True
                index += 1
                continue
            if self.skippable(block):
                index += 1
                continue
            if name := pat.author_from_line(block.text):
                self.set_authors([name], "author-line")
                index += 1
                continue
            if self.name_before_author_line(index, end):
                index += 1
                continue
            if (date := _page_date(block.text)) is not None:
                self.result.page_date = self.result.page_date or (block.text, date)
                index += 1
                continue
            break
        index = self.caption_and_dateline(index, end, previous_image)
        if not self.has_header and self.result.dateline is None:
            index = self.skip_leading_menu(index, end)
        if self.kind == "opinion" and not self.result.authors and index + 1 < end:
            block = self.blocks[index]
            if block.kind == "text" and pat.is_name_like(block.text) and not block.caption \
                    and not self.is_repeat(block):
                self.set_authors([block.text], "author-line")
                index += 1
                while index < end and pat.author_from_line(self.blocks[index].text):
                    index += 1
        return index

    def skip_leading_menu(self, index: int, end: int) -> int:
        """Without header or dateline (AMP), short lines before the first paragraph are menu."""
        for probe in range(index, min(end, index + PRE_BODY_WINDOW + 1)):
            block = self.blocks[probe]
            if block.kind == "image":
                self.pending_images.append(block)
            elif pat.word_count(block.text) >= OPENING_WORDS or block.text.endswith((".", ":")):
                return probe
        return index

    def opens_body(self, index: int, end: int) -> bool:
        """True when the next text block is a paragraph (a dateline without a header must be
        followed by the body, not by more menu items)."""
        following = next((b for b in self.blocks[index:end] if b.kind == "text" and b.text), None)
        return following is not None and pat.word_count(following.text) >= OPENING_WORDS

    def name_before_author_line(self, index: int, end: int) -> bool:
        block = self.blocks[index]
        if not pat.is_name_like(block.text) or index + 1 >= end:
            return False
        following = pat.author_from_line(self.blocks[index + 1].text)
        return following is not None and pat.key(following) == pat.key(block.text)

    def caption_and_dateline(self, index: int, end: int, previous_image: bool) -> int:
        window: list[int] = []
        probe = index
        while probe < end and len(window) < PRE_BODY_WINDOW:
            block = self.blocks[probe]
            if block.kind == "text" and block.text:
                if pat.word_count(block.text) > CAPTION_MAX_WORDS \
                        or pat.is_footer_marker(block.text):
                    break
                window.append(probe)
            probe += 1
        dateline_at = None
        for position in window:
            block = self.blocks[position]
            if not block.caption and (line := pat.parse_dateline(block.text)) \
                    and (self.has_header or self.opens_body(position + 1, end)):
                dateline_at, self.result.dateline = position, line
        if dateline_at is not None:
            for position in window:
                if position < dateline_at and not self.skippable(self.blocks[position]):
                    self.result.captions.append(self.blocks[position].text)
            self.pending_images.extend(b for b in self.blocks[index:dateline_at]
                                       if b.kind == "image")
            if self.result.dateline and self.result.dateline.source_is_person \
                    and not self.result.authors:
                self.set_authors([self.result.dateline.source], "dateline")
            return dateline_at + 1
        while index < end:
            block = self.blocks[index]
            if block.kind == "image":
                self.pending_images.append(block)
                index += 1
                continue
            short = pat.word_count(block.text) <= 15 and not block.text.rstrip().endswith(".")
            if pat.is_footer_marker(block.text):
                break
            if block.caption or (previous_image and short and block.text):
                self.result.captions.append(block.text)
                index += 1
                previous_image = False
                continue
            break
        return index

    def set_authors(self, names: list[str], source: str) -> None:
        if not self.result.authors:
            self.result.authors = names
            self.result.author_source = source

    def body(self, start: int, end: int) -> None:
        figure_captions: dict[int, str] = {}
        for block in self.blocks[start:end]:
            self.note_times(block)
            if block.kind == "image":
                self.pending_images.append(block)
                continue
            if block.caption:
                if block.figure is not None:
                    figure_captions.setdefault(block.figure, block.text)
                else:
                    self.result.captions.append(block.text)
                continue
            if self.skippable(block):
                continue
            if (date := _page_date(block.text)) is not None:
                self.result.page_date = self.result.page_date or (block.text, date)
                continue
            self.result.paragraphs.append(block.text)
        self.images(figure_captions)

    def images(self, figure_captions: dict[int, str]) -> None:
        captions = iter(self.result.captions)
        seen: set[str] = set()
        for block in self.pending_images:
            if not block.src or block.src in seen or (block.text and pat.is_logo_alt(block.text)):
                continue
            seen.add(block.src)
            caption = figure_captions.get(block.figure) if block.figure is not None else None
            if caption is None:
                caption = next(captions, None)
            self.result.images.append({"url": block.src, "caption": caption})
        used = {image["caption"] for image in self.result.images}
        for caption in self.result.captions:
            if caption not in used:
                self.result.images.append({"url": None, "caption": caption})


def extract_network(blocks: list[Block], kind: str | None,
                    title_hints: list[str] | None = None) -> NetworkResult:
    """Apply the network's layout rules to a page's blocks."""
    end_of_header = header_end(blocks)
    hint_keys = list(dict.fromkeys(k for t in title_hints or [] if (k := pat.key(t))))
    title = _title_from_header(blocks, end_of_header, hint_keys) if end_of_header >= 0 else None
    title_keys = set(hint_keys)
    if title:
        title_keys.add(pat.key(title))
    scanner = _Scanner(blocks, kind, title_keys, has_header=end_of_header >= 0)
    start = scanner.pre_body(end_of_header + 1, len(blocks))
    end = body_end(blocks, start)
    scanner.body(start, end)
    result = scanner.result
    result.title = title
    result.anchored = end_of_header >= 0 or end < len(blocks)
    result.label_site = _label_site(blocks, end_of_header)
    result.framed = end_of_header >= 0 and end < len(blocks) and result.label_site is not None
    return result
