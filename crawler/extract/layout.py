"""Where the article is on a page, read from the blocks alone: the title, the body's container
and region, the header before the body and the furniture around and inside it.

No class name or site template is needed. The body is the block container that holds most of
the page's paragraph text (long, sentence-like blocks with little link text) and little of its
link and furniture text; inside it, the body runs from its first paragraph after the title to
its last one before a section that ends articles (comments, most read, tags, the network's
"قد يهمك ايضا", copyright), and keeps what reads like text between them while dropping the
furniture that sites put between paragraphs (ads, "read also" links, share bars, lists of
links). Each block gets a role and the rule that decided it, so a reviewer can see why.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from crawler.extract import furniture, network
from crawler.extract.dates import Stamp, is_header_clock, mentions_date, printed_stamp
from crawler.extract.page import Block
from crawler.network.sites import Site
from crawler.text import fold, word_key

PARAGRAPH_WORDS = 10
"""A paragraph has at least this many words (or PARAGRAPH_CHARS characters)."""
PARAGRAPH_CHARS = 70
LABEL_WORDS = 2
"""A line this short between the header and the body is a label ("مثبت"), not text."""
OPENING_LINE_WORDS = 15
"""The body opens with a paragraph that ends like a sentence or is longer than this: a shorter
line without a full stop first is a caption or a label."""
MAX_LINK_DENSITY = 0.25
"""Share of link text above which a block is not a paragraph."""
LINKED_SENTENCE_DENSITY = 0.4
"""A block ending in a full stop (not an ellipsis, as teasers do) may carry this much link
text and still be a sentence of the article."""
LINK_LIST_DENSITY = 0.5
"""Share of link text from which a short block is a link (menu item, related title)."""
DATE_LINE_WORDS = 14
"""A block this short that carries a date is a date line (the article's, or a list item's)."""
META_LINE_WORDS = 24
"""A line this short that mentions a date and does not end like a sentence is a date line."""
META_FIELDS = 3
"""A dated line of this many fields ("كتب X | نشر في ... | آخر تحديث ...") is a meta line at
any length."""
_FIELD_BREAK = re.compile(r"\s[|·•]\s")
FURNITURE_WEIGHT = 1.0
"""How much a character of link or furniture text inside a container counts against it,
against one character of paragraph text for it."""
CONTENT_BONUS = 0.15
"""Extra weight of paragraph text in a container whose class names content (article, entry)."""
STORY_CAPTION_WORDS = 25
"""A caption of more words than this that ends like a sentence is the story's text."""
HEADER_BEFORE_TITLE = 3
"""Blocks before the title that still belong to the article's header (a date or section line
above the headline)."""
STRONG_FURNITURE = frozenset({
    "nav", "navbar", "navigation", "menu", "footer", "sidebar", "aside", "widget", "related",
    "recommended", "popular", "most", "trending", "ticker", "breaking", "marquee", "share",
    "sharing", "social", "tags", "keywords", "breadcrumb", "breadcrumbs", "comment", "comments",
    "respond", "newsletter", "subscribe", "ad", "ads", "advert", "advertisement", "banner",
    "sponsor", "sponsored", "promo", "outbrain", "taboola", "copyright", "cookie", "modal",
    "popup", "pagination", "pager", "paywall", "regwall", "subscription", "piano", "metering",
})
"""Class words that mark a box inside the body container as furniture."""
EMBED_WORDS = frozenset({"tweet", "twitter", "instagram", "tiktok", "embed", "embedded", "oembed"})
"""Class words of an embedded post: someone else's words, even when they read as a paragraph."""
ASIDE_WORDS = frozenset({"aside", "nav", "footer"})
"""Words of boxes beside the text (<aside>, <nav>, <footer> and classes naming them): inside
the body's container, even their sentences are no part of it (a box about the data, a bio)."""
ASIDE_TAGS = frozenset({"aside"})
"""An <aside> (or a class naming one) holds no article's text while the page has text outside
its asides: a sidebar's widget may hold more sentences than a short story."""
PROMPT_WORDS = frozenset({"paywall", "regwall", "subscribe", "subscription", "piano", "metering"})
"""Class words of a subscription prompt: its sentences sell, they are no part of the text."""
SPONSORED_WORDS = frozenset({"sponsored", "sponsor", "promo", "outbrain", "taboola"})
"""Class words of a box of paid teasers: its sentences sell other pages."""
_SENTENCE_END = re.compile(r"[.!?؟…»\"”)]$")
_SENTENCE_BREAK = re.compile(r"[.!?؟][»\"”)]?\s+\S")
"""A sentence ending inside a text, another one after it."""
_FULL_STOP = re.compile(r"(?<![.…])[.!?؟][»\"”)]?$")
_DIGIT = re.compile(r"\d")


class computed_once:
    """functools.cached_property without the lock Python 3.11 takes on every first access: the
    rules read a few properties of each of a page's hundred-odd blocks."""

    def __init__(self, function: Callable[[Any], Any]) -> None:
        self.function = function
        self.name = function.__name__
        self.__doc__ = function.__doc__

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.function(instance)
        return value


@dataclass
class Decision:
    """What one block is, and which rule said so."""

    role: str
    """title, body, author, dateline, caption, date, boilerplate, template or other."""
    rule: str


@dataclass
class BlockView:
    """One block as the rules read it; computed once per page."""

    index: int
    block: Block
    ticker: bool = False
    """The headlines of the network's breaking-news ticker (the blocks before "أخر الأخبار")."""

    @computed_once
    def text(self) -> str:
        return self.block.text

    @computed_once
    def folded(self) -> str:
        return fold(self.text)

    @computed_once
    def key(self) -> str:
        """Comparison key: folded, punctuation dropped, lower case."""
        return word_key(self.folded)

    @computed_once
    def words(self) -> int:
        return len(self.text.split())

    @property
    def is_text(self) -> bool:
        return self.block.kind == "text" and bool(self.text)

    @computed_once
    def date(self) -> Stamp | None:
        """The date a short block shows (not a header clock)."""
        if not self.is_text or self.words > DATE_LINE_WORDS or not _DIGIT.search(self.text):
            return None
        if is_header_clock(self.text):
            return None
        return printed_stamp(self.text)

    @computed_once
    def network_furniture(self) -> str | None:
        """The network's own furniture rule this block matches, if any."""
        if not self.is_text:
            return "network:logo" if self.text and network.is_logo_alt(self.text) else None
        text, folded = self.text, self.folded
        if self.ticker:
            return "network:ticker"
        if self.words > 40:
            return None
        if network.site_of_label(text, folded) is not None:
            return "network:label-line"
        if network.is_ticker_end(text, folded):
            return "network:ticker"
        if is_header_clock(text):
            return "network:header-clock"
        if network.is_comment_form(text, folded):
            return "network:comment-form"
        if network.is_logo_alt(text):
            return "network:logo"
        if network.is_footer_marker(text, folded) or network.is_address(text, folded):
            return "network:footer"
        return None

    @computed_once
    def label_prefix(self) -> tuple[Site, str] | None:
        """(site, title) when the block is a label-prefixed title ("فلسطين اليوم - X")."""
        return network.split_label_prefix(self.text, self.folded) if self.is_text else None

    @computed_once
    def generic_furniture(self) -> str | None:
        """The general news-site furniture rule this block matches by its words, if any."""
        if not self.is_text or self.words > 40:
            return None
        text, key = self.text, self.key
        if furniture.share_bar(text, key):
            return "furniture:share-bar"
        if furniture.ad_label(text, key):
            return "furniture:ad-label"
        if furniture.section_heading(text, key):
            return "furniture:section-heading"
        if furniture.breadcrumb(text):
            return "furniture:breadcrumb"
        if furniture.footer_line(text, key):
            return "furniture:footer-line"
        if furniture.newsletter(text, key):
            return "furniture:newsletter"
        if furniture.timestamp(text):
            return "furniture:timestamp"
        if furniture.live_control(text, key):
            return "furniture:live-control"
        if furniture.sign_off(text, key):
            return "furniture:sign-off"
        if furniture.closing_mark(text):
            return "furniture:closing-mark"
        if furniture.jump_line(text, key):
            return "furniture:jump-line"
        if furniture.source_line(text):
            return "furniture:source-line"
        if furniture.text_label(text, key):
            return "furniture:text-label"
        if not self.block.list_item and not self.block.heading and furniture.key_figure(text) \
                and not mentions_date(text):  # "23 سبتمبر 2024" is a date line
            return "furniture:key-figure"
        if furniture.counter(text):
            return "furniture:counter"
        if furniture.media_teaser(text):
            return "furniture:media-teaser"
        if furniture.feedback_prompt(text):
            return "furniture:feedback"
        if furniture.signature_rule(text):
            return "furniture:signature-rule"
        if furniture.post_mark(text):
            return "furniture:post-mark"
        if furniture.editor_note(text):
            return "furniture:editor-note"
        if furniture.disclaimer(text):
            return "furniture:disclaimer"
        if furniture.issue_number(text):
            return "furniture:issue-number"
        if furniture.pager(text, key):
            return "furniture:pager"
        if furniture.credits_line(text, key):
            return "furniture:credits"
        if furniture.player_controls(text, key):
            return "furniture:player"
        if furniture.author_box_heading(text, key):
            return "furniture:author-box"
        if furniture.read_also(text, key) and (self.block.links or self.words <= 12
                                                or text.rstrip().endswith(":")):
            return "furniture:read-also"
        return None

    @computed_once
    def link_text(self) -> bool:
        """Mostly link text: a menu item, a related title, a tag, a teaser inside a card that is
        one link."""
        return self.block.link_chars > 0 and self.block.link_density >= LINK_LIST_DENSITY

    @computed_once
    def story_caption(self) -> bool:
        """A caption that tells the story (a photo album's text under each picture): running
        text of more than one sentence or longer than a caption, a credit aside."""
        if not self.block.caption or not self.is_text:
            return False
        text = furniture.without_credit(self.text)
        return bool(_SENTENCE_END.search(text)) and (
            len(text.split()) > STORY_CAPTION_WORDS or len(_SENTENCE_BREAK.findall(text)) >= 1)

    @computed_once
    def paragraph(self) -> bool:
        """Paragraph text: long enough, little link text, not a list of links, not furniture."""
        block = self.block
        if not self.is_text or (block.caption and not self.story_caption) or block.heading:
            return False
        if self.words < PARAGRAPH_WORDS and len(self.text) < PARAGRAPH_CHARS:
            return False
        if block.link_density > MAX_LINK_DENSITY and not self.linked_sentence:
            return False
        if (self.words <= META_LINE_WORDS or len(_FIELD_BREAK.split(self.text)) >= META_FIELDS) \
                and mentions_date(self.text) and not _SENTENCE_END.search(self.text):
            return False  # a date line with more on it ("نُشر في ... 15216 مشاهدة")
        return (self.network_furniture is None and self.generic_furniture is None
                and self.date is None)

    @computed_once
    def linked_sentence(self) -> bool:
        """A sentence with a link in it (a list item too), not a link list's entry or a
        teaser: it ends in a full stop and most of it is no link."""
        return (self.block.link_density <= LINKED_SENTENCE_DENSITY
                and bool(_FULL_STOP.search(self.text)))

    @computed_once
    def ends_sentence(self) -> bool:
        return bool(_SENTENCE_END.search(self.text))

    @computed_once
    def sentence(self) -> bool:
        """Reads like running text (ends like a sentence, few links): a short paragraph or a
        subheading may sit between paragraphs."""
        block = self.block
        return (self.is_text and (not block.caption or self.story_caption)
                and block.link_density <= MAX_LINK_DENSITY
                and self.network_furniture is None and self.generic_furniture is None)


@dataclass
class Layout:
    """The article's place on the page."""

    views: list[BlockView]
    title: int | None = None
    """Index of the block showing the title."""
    title_blocks: set[int] = field(default_factory=set)
    """Every block that repeats the title (doubled, label-prefixed, plain)."""
    title_prefixed: dict[int, str] = field(default_factory=dict)
    """A heading showing the title after a thread's or a story's tag ("[منقول] X"), and the
    title without the tag."""
    container: tuple[int, ...] | None = None
    """The body container's path (its block element and the elements around it)."""
    start: int | None = None
    """Index of the body's first paragraph."""
    end: int | None = None
    """Index of the body's last block."""
    last: int | None = None
    """Index of the body's last paragraph (``end`` may reach past it over short lines)."""
    stop: int | None = None
    """Index of the block that ended the body (a section that ends articles), if any."""
    lead: int | None = None
    """Index of a paragraph that opens the body from outside its container (a pinned summary)."""
    decisions: dict[int, Decision] = field(default_factory=dict)

    def decide(self, index: int, role: str, rule: str) -> None:
        self.decisions[index] = Decision(role, rule)

    def decided(self, index: int) -> bool:
        return index in self.decisions

    @property
    def header(self) -> range:
        """The blocks of the article's header: from a little before the title to the body."""
        start = self.start if self.start is not None else len(self.views)
        first = max(0, (self.title if self.title is not None else start) - HEADER_BEFORE_TITLE)
        return range(first, start)

    def in_container(self, index: int) -> bool:
        path = self.views[index].block.path
        return self.container is not None and path[:len(self.container)] == self.container


def is_furniture_text(text: str) -> bool:
    """A text, outside any page, that the network's or the general furniture rules name."""
    view = BlockView(-1, Block(text))
    return bool(view.network_furniture or view.generic_furniture)


TICKER_ITEMS = 2
"""Text blocks before the ticker's end ("أخر الأخبار") that hold its run-together headlines."""


def views_of(blocks: Iterable[Block]) -> list[BlockView]:
    views = [BlockView(index, block) for index, block in enumerate(blocks)]
    for view in views:
        if view.is_text and view.words <= 4 and not view.block.heading \
                and network.is_ticker_end(view.text, view.folded):
            parent = view.block.path[:-1]
            before = [v for v in views[:view.index] if v.is_text][-TICKER_ITEMS:]
            for item in before:
                if item.words >= 6 and not item.block.heading \
                        and item.block.path[:len(parent)] == parent:
                    item.ticker = True
    return views


def find_container(views: list[BlockView], after: int,
                   skip: frozenset[int] | set[int] = frozenset()) -> tuple[int, ...] | None:
    """The path of the block container that best holds the paragraphs from ``after`` on: most
    paragraph text, least link and furniture text."""
    good: defaultdict[tuple[int, ...], float] = defaultdict(float)
    bad: defaultdict[tuple[int, ...], float] = defaultdict(float)
    any_paragraph = False
    # the page's asides (a sidebar's widgets) hold no article when the main column holds text
    sides = any(v.paragraph and v.index >= after and not v.block.furniture & ASIDE_TAGS
                for v in views)
    for view in views:
        block = view.block
        if not view.is_text:
            continue
        path = block.path
        if view.paragraph and view.index >= after and view.index not in skip \
                and not _in_prompt(view) and not (sides and block.furniture & ASIDE_TAGS):
            any_paragraph = True
            weight = len(view.text)
            for depth in range(1, len(path) + 1):
                prefix = path[:depth]
                good[prefix] += weight
        else:
            noise = float(block.link_chars)
            if view.network_furniture or view.generic_furniture not in (None, "furniture:pager"):
                noise = max(noise, float(len(view.text)))  # a pager stands between pages
            if noise:
                for depth in range(1, len(path) + 1):
                    bad[path[:depth]] += noise
    if not any_paragraph:
        return None
    content = _content_paths(views)
    best, best_score = None, float("-inf")
    for prefix, score in good.items():
        bonus = CONTENT_BONUS * score if prefix in content else 0.0
        total = score + bonus - FURNITURE_WEIGHT * bad.get(prefix, 0.0)
        if total > best_score or (total == best_score and best and len(prefix) < len(best)):
            best, best_score = prefix, total
    return best


def _in_prompt(view: BlockView) -> bool:
    """A paragraph of a subscription prompt (its own box or the two around it say so)."""
    return bool(PROMPT_WORDS & frozenset().union(*view.block.levels[-3:]))


def _content_paths(views: list[BlockView]) -> set[tuple[int, ...]]:
    """Paths of the elements whose class names content: the deepest prefix of a block's path
    for which the block has content words is not known per element, so a block's own element
    and its parent stand for it."""
    paths: set[tuple[int, ...]] = set()
    for view in views:
        if view.block.content and view.block.path:
            path = view.block.path
            paths.add(path)
            paths.add(path[:-1])
    return paths


COMMENT_WORDS = frozenset({"comment", "comments", "respond", "reply", "discussion"})
"""Class words of a comment section: user comments follow an article, never interrupt it."""


def ends_articles(view: BlockView, depth: int) -> str | None:
    """The rule when a block opens a section that follows an article's body."""
    if view.network_furniture in ("network:footer", "network:comment-form"):
        return view.network_furniture
    if view.generic_furniture in ("furniture:section-heading", "furniture:footer-line",
                                  "furniture:author-box", "furniture:sign-off",
                                  "furniture:closing-mark", "furniture:signature-rule",
                                  "furniture:disclaimer"):
        return view.generic_furniture
    if view.generic_furniture == "furniture:source-line" and view.block.figure is None:
        return view.generic_furniture  # a table's own source line stays in its figure
    if view.block.furniture_below(depth) & COMMENT_WORDS:
        return "furniture:comments"
    if tag_line(view):
        return "furniture:tags"
    return None


TAG_LINKS = 3
TAG_WORDS = 3
"""A line of this many links or more, each of a few words, and nothing else: the story's tags,
which close it."""


def tag_line(view: BlockView) -> bool:
    block = view.block
    return block.links >= TAG_LINKS and block.link_density >= 0.8 \
        and view.words <= TAG_WORDS * block.links and not view.ends_sentence


def _ends_page(view: BlockView) -> bool:
    """The network's footer ("قد يهمك ايضا", copyright, address) or a copyright line: no
    article starts after it."""
    return view.network_furniture == "network:footer" or (
        view.generic_furniture == "furniture:footer-line" and "©" in view.text)


def inner_furniture(view: BlockView, depth: int) -> str | None:
    """The rule when a block inside the body container is furniture: the network's strings,
    the general furniture words, mostly link text, a list of links, a box whose class names
    furniture."""
    if view.network_furniture:
        return view.network_furniture
    if view.generic_furniture:
        return view.generic_furniture
    block = view.block
    if view.link_text:
        return "furniture:link-text"
    if block.list_item and block.links and not view.linked_sentence and not (
            view.text.rstrip().endswith(":") and block.link_density <= LINKED_SENTENCE_DENSITY):
        return "furniture:link-list"  # a line opening a list, with a tag linked in it, stays
    below = block.furniture_below(depth)
    if below & EMBED_WORDS:
        return "furniture:embed"
    if below & PROMPT_WORDS:
        return "furniture:paywall"
    if below & ASIDE_WORDS:
        return "furniture:aside"
    if view.date is not None and not view.ends_sentence:
        return "furniture:date-line"  # a line dated inside the text: a signature's, an update's
    if block.small:
        return "furniture:fine-print"  # a note, a disclaimer, a credit: none of the text
    if not view.paragraph and below & STRONG_FURNITURE:
        return "furniture:class"
    return None


def find_body(views: list[BlockView], layout: Layout) -> None:
    """Fill the layout's container, body start, end and stop, and the boilerplate decisions
    around and inside the body."""
    title = layout.title if layout.title is not None else -1
    page_end = next((v.index for v in views[title + 1:] if _ends_page(v)), len(views))
    skip = layout.title_blocks | set(range(page_end, len(views)))
    container = find_container(views, title + 1, skip)
    if container is None:
        container = find_container(views, 0, skip)
        title = -1
    if container is None:
        _mark_furniture(views, layout, 0)
        return
    first_post = _first_post(views, container, title)
    container = first_post or container
    while True:
        layout.container = container
        depth = len(container)
        inside = [v for v in views if layout.in_container(v.index) and v.index > title
                  and v.index not in skip]
        opening = [v for v in inside if v.paragraph and not inner_furniture(v, depth)] \
            or [v for v in inside if v.paragraph]  # no aside, no embed opens the text
        first = next((v for v in opening if v.ends_sentence or v.words > OPENING_LINE_WORDS),
                     None) or next(iter(opening), None)
        if first is None:
            _mark_furniture(views, layout, depth)
            return
        start = first.index
        last, stop = _last_paragraph(inside, start, depth)
        # the text may go on in a box beside the container (a site builder's rich-text
        # components, one under the other with an ad or a spacer between them)
        if first_post:
            break  # the replies that follow a topic's first post never continue it
        wider = _continued_in(views[last + 1:page_end] if stop is None else [], container,
                              first, layout.title_blocks) \
            or _continued_in(reversed(views[title + 1:start]), container, first,
                             layout.title_blocks)
        if wider is None:
            break
        container = wider
    if stop is not None:
        layout.decide(stop, "boilerplate", ends_articles(views[stop], depth) or (
            "furniture:verdict" if verdict_line(views[stop]) else "furniture:bio"))
    depth = max(depth, _shared_depth(views[start:last + 1]))
    siblings = _siblings_of(views[start].block.path)
    for view in reversed([v for v in inside if v.index < start and v.is_text]):
        if view.block.caption or view.network_furniture or view.generic_furniture:
            continue  # a figure or an ad label may stand between the lead and the rest
        if not _continues_text(view, depth, siblings):
            break
        start = view.index
    layout.lead = _lead_before(views, title, start)
    if layout.lead is not None:
        start = layout.lead
    end = last
    for view in inside:
        if view.index <= last or (stop is not None and view.index >= stop):
            continue
        if _continues_text(view, depth, _siblings_of(views[last].block.path)):
            end = view.index
        elif view.is_text:
            break
    layout.start, layout.end, layout.last, layout.stop = start, end, last, stop
    shown = [i for i in layout.title_blocks if i < start]
    if shown:  # the header is the title shown nearest the body, not a copy at the page's top
        layout.title = max(shown)
    _mark_furniture(views, layout, depth)


POSTS = 3
"""Posts a thread shows at least (the article and two replies) for its first to be the text."""
CARD_LINE_WORDS = 6
"""Lines of a poster's card (name, rank, join date, country, posts) are this short."""
NOT_A_POST_TEXT = 200
"""Characters of text a child of a thread without a poster's card may hold (a thanks line)."""


THREAD_LEVELS = 3
"""How far below the container the list of posts may be (the thread's wrappers)."""


def shared_prefix(path: tuple[int, ...], other: tuple[int, ...]) -> int:
    """How many of their outermost block elements two blocks' paths share."""
    return next((i for i, (a, b) in enumerate(zip(path, other, strict=False)) if a != b),
                min(len(path), len(other)))


def _opens_box(view: BlockView) -> bool:
    """A heading, or a fold's summary: what a box set into the text opens with."""
    return bool(view.block.heading) or view.block.tag == "summary"


def _box_opening(group: list[BlockView]) -> bool:
    """A box's blocks open with a heading or a fold, or with a label over one (a kicker)."""
    return _opens_box(group[0]) or (
        len(group) > 1 and group[0].words <= LABEL_WORDS and not group[0].paragraph
        and _opens_box(group[1]))


def _first_post(views: list[BlockView], container: tuple[int, ...],
                title: int) -> tuple[int, ...] | None:
    """The first post's element when the container, or the element in it holding most text,
    holds a thread of posts (a forum topic): each post opens with its poster's card, two short
    lines or more before its text, and the first, the topic's article, is the longest; the
    replies after it are comments. Among items the page marks one as current (a column of
    briefs with one opened), that one holds the text."""
    current = [view.block.path[:-1] for view in views[title + 1:]
               if view.paragraph and view.block.current]
    if current:
        shared = current[0]
        for path in current[1:]:
            shared = shared[:shared_prefix(shared, path)]
        if len(shared) > len(container) and shared[:len(container)] == container:
            return shared
    for _ in range(THREAD_LEVELS + 1):
        children: dict[int, list[BlockView]] = {}
        depth = len(container)
        for view in views[title + 1:]:
            path = view.block.path
            if view.is_text and len(path) > depth and path[:depth] == container:
                children.setdefault(path[depth], []).append(view)
        if (first := _thread(children)) is not None:
            return (*container, first)
        if not children:
            return None
        widest = max(children, key=lambda child: sum(
            len(view.text) for view in children[child] if view.paragraph))
        container = (*container, widest)
    return None


def _thread(children: dict[int, list[BlockView]]) -> int | None:
    """The first of the children when they are a thread's posts (see ``_first_post``): the
    first holds text after its card and the most of it; a reply's text may be a short line; a
    child without a card holds no more than a line of text (who thanked a post, an ad)."""
    posts: list[tuple[int, int]] = []
    for child, blocks in children.items():
        opening = next((i for i, view in enumerate(blocks) if view.paragraph), len(blocks))
        card = [view for view in blocks[:opening] if not view.block.heading
                and not view.block.caption and view.words <= CARD_LINE_WORDS]
        text = sum(len(view.text) for view in blocks if view.paragraph)
        if len(card) < 2 or (not posts and opening == len(blocks)):
            if not posts or text > NOT_A_POST_TEXT:
                return None  # the text opens, or goes on, with no poster's card: no thread
            continue
        posts.append((child, text))
    if len(posts) < POSTS or posts[0][1] <= max(size for _, size in posts[1:]):
        return None
    return posts[0][0]


def _last_paragraph(inside: list[BlockView], start: int, depth: int) -> tuple[int, int | None]:
    """The body's last paragraph in the container from ``start``, and the block that ended it
    (a section that follows articles, a writer's bio), if any."""
    last = start
    texts = [view for view in inside if view.index > start and view.is_text]
    opening = next(v for v in inside if v.index == start)
    for position, view in enumerate(texts):
        ends = ends_articles(view, depth) is not None
        if ends and _text_resumes_after_box(view, opening, texts[position + 1:], depth):
            continue
        if ends or opens_bio(view, texts[position + 1:]) \
                or (verdict_line(view) and position and texts[position - 1].block.heading):
            return last, view.index
        if view.paragraph and not inner_furniture(view, depth):
            last = view.index
    return last, None


def _text_resumes_after_box(view: BlockView, opening: BlockView, following: list[BlockView],
                            depth: int) -> bool:
    """A block that would end the text sits in a box set among the text's parts (a petition's
    sign form, a board's source line), and the text goes on after the box, in a paragraph or a
    part beside it: the box ends, the text goes on. The parts are the elements just below what
    the box and the text's opening share; a block of the text's own part ends it."""
    shared = shared_prefix(view.block.path, opening.block.path)
    path = view.block.path
    if len(path) <= shared + 1 or len(opening.block.path) > shared + 2 \
            or path[:shared + 1] == opening.block.path[:shared + 1]:
        return False  # at the parts' level, deep in other boxes, or in the text's own part
    box = path[:shared + 1]
    lines = 0
    for other in following:
        if other.block.path[:shared + 1] == box:
            continue
        if not other.paragraph and (other.network_furniture or other.generic_furniture):
            continue  # an ad's label between the box and the text
        if other.paragraph:  # the text's own, or its list's items, in a part beside the box
            return other.block.path[:shared] == path[:shared]
        lines += 1
        if lines > BOX_LINES or other.block.heading or ends_articles(other, depth) is not None:
            return False  # a section under its own heading after the box is not the text's
    return False


VERDICT_LINE_WORDS = 6


def verdict_line(view: BlockView) -> bool:
    """A verdict's line ("الحكم: مضلل", "التقييم: صحيح"): under a heading, a fact check's or a
    review's box after the text begins, not a sentence of it."""
    return bool(_VERDICT.match(view.text)) and view.words <= VERDICT_LINE_WORDS \
        and not view.ends_sentence


BIO_WORDS = frozenset(fold(word) for word in (
    "كاتب", "كاتبة", "صحفي", "صحفية", "صحافي", "صحافية", "باحث", "باحثة", "أستاذ", "أستاذة",
    "محلل", "محللة", "روائي", "روائية", "إعلامي", "إعلامية", "ناقد", "ناقدة", "writer",
    "journalist", "author", "reporter", "columnist"))
"""Words of a writer's description ("X كاتب وصحفي مغربي، يكتب في ...")."""
BIO_NAME_WORDS = (2, 4)
BIO_LINE_WORDS = 7
"""The line naming the writer: a byline ("بقلم الناقد د. X") at most this long."""
BIO_OPENING_WORDS = 8


def opens_bio(view: BlockView, following: list[BlockView]) -> bool:
    """A name alone, then a paragraph that opens with it and describes a writer: the writer's
    bio after the text."""
    if not following or view.ends_sentence or view.words > BIO_LINE_WORDS \
            or _DIGIT.search(view.text):
        return False
    bio, words = following[0], view.text.split()
    for size in range(BIO_NAME_WORDS[0], min(BIO_NAME_WORDS[1], len(words)) + 1):
        for start in range(len(words) - size, -1, -1):
            # the name, after a byline word or a title, or the first of two ("X وY")
            name = " ".join(words[start:start + size])
            if bio.text.startswith(name + " ") and bio.words > size:
                opening = bio.folded.split()[size:size + BIO_OPENING_WORDS]
                return any(word.removeprefix("و") in BIO_WORDS for word in opening)
    return False


CONTINUATION_GAP = 6
"""Text blocks (furniture, links, labels) that may stand between the body's last paragraph
and its continuation in a sibling box."""
CONTINUATION_LEVELS = 3
"""How many levels above the container a box continuing the text may branch off."""


def _continued_in(views: Iterable[BlockView], container: tuple[int, ...],
                  first: BlockView, titles: set[int]) -> tuple[int, ...] | None:
    """The wider container when the text goes on, past the blocks ``views`` lists in reading
    order away from the body, in a box beside the container: a paragraph with the first
    paragraph's content words, after only furniture, links, labels, the headline repeated atop
    a page (``titles``) and non-text (an ad component, a read-also button, a spacer between two
    rich-text components, a pager), a figure's caption and a marker beside it ("the text goes
    on below the video"), or a box under its own heading (a board of flights, counted once)."""
    texts = [view for view in views if view.is_text and view.index not in titles]

    def box(view: BlockView) -> tuple[int, ...]:
        return view.block.path[:shared_prefix(view.block.path, container) + 1]

    opening: dict[tuple[int, ...], BlockView] = {}
    for view in texts:
        if (key := box(view)) not in opening or view.index < opening[key].index:
            opening[key] = view
    passed: set[tuple[int, ...]] = set()
    for position, view in enumerate(texts):
        path = view.block.path
        if path[:len(container)] == container:
            if view.paragraph:
                return None  # the container's own text, not taken: nothing continues it
            continue
        boxed = bool(view.block.furniture_below(shared_prefix(path, container))
                     & STRONG_FURNITURE)
        if view.paragraph and not boxed:  # a sponsored box's teasers are passed over
            if not view.block.content >= first.block.content or not view.ends_sentence:
                return None  # text in a box named for less than the text's own
            for level in range(len(container) - 1,
                               max(0, len(container) - 1 - CONTINUATION_LEVELS), -1):
                if path[:level] == container[:level]:
                    return container[:level]
            return None
        beside = texts[max(0, position - 1):position] + texts[position + 1:position + 2]
        marker = not view.ends_sentence and view.words <= MARKER_WORDS \
            and any(other.block.caption for other in beside)
        headed = 1 <= opening[box(view)].block.heading <= 3  # a box under its own heading
        if not (view.network_furniture or view.generic_furniture or view.link_text or boxed
                or view.words <= LABEL_WORDS or view.block.heading or view.block.caption
                or marker or headed):
            return None
        passed.add(box(view) if headed else (view.index,))
        if len(passed) > CONTINUATION_GAP:
            return None
    return None


def _lead_before(views: list[BlockView], title: int, start: int) -> int | None:
    """A paragraph between the title and the body, outside the body's box (a live page's pinned
    summary): a <p> that ends like a sentence, in no box named for anything, with only labels,
    stamps, controls, links and furniture boxes between it and the body."""
    for view in reversed(views[title + 1:start]):
        if not view.is_text:
            continue
        block = view.block
        if view.network_furniture or view.generic_furniture or view.words <= LABEL_WORDS \
                or view.link_text or block.furniture & STRONG_FURNITURE or block.small:
            continue
        if block.tag == "p" and view.paragraph and view.ends_sentence and not block.furniture \
                and not block.heading:
            return view.index
        return None
    return None


def _shared_depth(views: list[BlockView]) -> int:
    """How many elements the body's paragraphs all sit in: class words there wrap the whole
    text ("post newsletter-post"), so they name no furniture inside it."""
    paths = [v.block.path[:-1] for v in views if v.paragraph]
    if not paths:
        return 0
    depth = min(len(path) for path in paths)
    for path in paths[1:]:
        depth = next((i for i in range(depth) if path[i] != paths[0][i]), depth)
    return depth


def _mark_furniture(views: list[BlockView], layout: Layout, depth: int) -> None:
    """Decide the furniture: by every rule inside the body, by its words outside."""
    boxes = _data_boxes(views, layout, depth)
    advertorial = _sponsored_boxes_hold_the_text(views, layout, depth)
    if boxes and layout.last is not None and _VERDICT.match(views[layout.last].text):
        before = next((v for v in reversed(views[:layout.last]) if v.is_text), None)
        if before is not None and _in_box(before, boxes, depth):
            # a review's bottom line under its pros and cons: the verdict box's, not the text's
            layout.decide(layout.last, "boilerplate", "furniture:verdict")
    if boxes and layout.last is not None and _in_box(views[layout.last], boxes, depth):
        _end_before_box(views, layout, boxes, depth)
    if boxes and layout.start is not None and _in_box(views[layout.start], boxes, depth):
        _start_after_box(views, layout, boxes, depth)
    for view in views:
        if not view.is_text or layout.decided(view.index):
            continue
        inside = (layout.start is not None and layout.end is not None
                  and layout.start <= view.index <= layout.end and layout.in_container(view.index))
        rule = (inner_furniture(view, depth) or _in_figure(view, layout)
                or _in_table(view, layout) or _in_sponsored_box(view, depth, advertorial)
                or ("furniture:box" if _in_box(view, boxes, depth) else None)) \
            if inside else (view.network_furniture or view.generic_furniture)
        if rule:
            layout.decide(view.index, "boilerplate", rule)
    _mark_markers(views, layout, depth)


MARKER_WORDS = 6
"""A marker between two parts of the text ("يتواصل النص أسفل الفيديو") is this short."""


def _mark_markers(views: list[BlockView], layout: Layout, depth: int) -> None:
    """A short line, no sentence nor heading, standing on its own between two parts of the text
    wrapped apart, right after a figure's caption, or a label ("من الكتاب:") there: a marker
    that the text goes on past the figure, or names its next part, not a line of the text."""
    if layout.start is None or layout.end is None:
        return
    region = [view for view in views[layout.start:layout.end + 1]
              if view.is_text and layout.in_container(view.index)]
    runs = Counter(view.block.path for view in region if view.paragraph)
    for position, view in enumerate(region[1:], 1):
        if layout.decided(view.index) or view.paragraph or view.ends_sentence \
                or view.words > MARKER_WORDS:
            continue
        opens = view.text.rstrip().endswith(":")
        label = opens and view.words <= LABEL_WORDS + 1  # a heading too: "من الكتاب:"
        if not label and (view.block.heading or not region[position - 1].block.caption
                          or opens):
            continue  # a line that opens a list after the figure is the text's
        text_before = next((v for v in reversed(region[:position]) if v.paragraph), None)
        text_after = next((v for v in region[position + 1:] if v.paragraph), None)
        if text_before is None or text_after is None or (
                opens and text_after.block.list_item and not view.block.heading):
            continue  # "وفي التفاصيل:" over a list opens it: the text's
        parts = shared_prefix(text_before.block.path, text_after.block.path) + 1
        wrapped = all(len(v.block.path) > parts or runs[v.block.path] > 1
                      for v in (text_before, text_after))  # a part's element, or its runs
        if wrapped and len({text_before.block.path[:parts], view.block.path[:parts],
                            text_after.block.path[:parts]}) == 3:
            layout.decide(view.index, "boilerplate", "furniture:marker")


def _in_box(view: BlockView, boxes: set[tuple[int, ...]], depth: int) -> bool:
    """A block in a box's element or below it."""
    path = view.block.path
    return any(path[:size] in boxes for size in range(depth + 1, len(path) + 1))


def _end_before_box(views: list[BlockView], layout: Layout, boxes: set[tuple[int, ...]],
                    depth: int) -> None:
    """The text ends at its last paragraph before a box that follows it (an advisory's, a
    card's): a signature between them is after the text, where the byline rules look."""
    assert layout.start is not None and layout.last is not None
    last = next((view.index for view in reversed(views[layout.start:layout.last])
                 if _text_paragraph(view, layout, boxes, depth)), None)
    if last is None:
        return
    _decide_box_lines(views[last + 1:(layout.end or last) + 1], layout, boxes, depth)
    layout.last = last
    if layout.end is not None and _in_box(views[layout.end], boxes, depth):
        layout.end = last


def _start_after_box(views: list[BlockView], layout: Layout, boxes: set[tuple[int, ...]],
                     depth: int) -> None:
    """The text starts at its first paragraph after a box that comes first (a recipe's card
    above the story): the box's lines are neither the text nor its header."""
    assert layout.start is not None and layout.end is not None
    first = next((view.index for view in views[layout.start:layout.end + 1]
                  if _text_paragraph(view, layout, boxes, depth)), None)
    if first is None:
        return
    title = layout.title if layout.title is not None else -1
    _decide_box_lines(views[title + 1:first], layout, boxes, depth)
    layout.start = first


def _text_paragraph(view: BlockView, layout: Layout, boxes: set[tuple[int, ...]],
                    depth: int) -> bool:
    """A paragraph of the text: in the container, in no box, no furniture."""
    return view.paragraph and layout.in_container(view.index) \
        and not _in_box(view, boxes, depth) and not inner_furniture(view, depth)


def _decide_box_lines(views: list[BlockView], layout: Layout, boxes: set[tuple[int, ...]],
                      depth: int) -> None:
    """The boxes' lines among ``views``, outside the text's bounds once they move: the box's."""
    for view in views:
        if view.is_text and _in_box(view, boxes, depth) and not layout.decided(view.index):
            layout.decide(view.index, "boilerplate", "furniture:box")


BOX_LINES = 3
INSET_TEXT_PARAGRAPHS = 3
"""Paragraphs standing side by side that make a box with its own heading an inset."""
INSET_LINES = 4
"""Blocks of an inset box at most (a heading and a short text)."""
"""Text blocks a box inside the body holds at least to be judged as a whole."""
_VERDICT = re.compile(r"^\s*(?:الحكم النهائي|الحكم|التقييم النهائي|التقييم|باختصار|الخلاصة|"
                      r"الخلاصة النهائية|verdict|bottom line)\s*[:：]", re.IGNORECASE)


def boxes_of_lines(views: Iterable[BlockView], box: Callable[[BlockView], tuple[int, ...]],
                   titles: frozenset[int] | set[int] = frozenset()) -> set[tuple[int, ...]]:
    """The boxes (``box`` of a block: the path of the element that holds it) with a heading and
    at least BOX_LINES text lines, none of them a sentence or the title: a warning's box, a
    work's card, pros and cons. The text's own sections have sentences under their headings,
    so their dates and lines are the box's, not the article's."""
    groups: dict[tuple[int, ...], list[BlockView]] = {}
    for view in views:
        if view.is_text:
            groups.setdefault(box(view), []).append(view)
    return {key for key, group in groups.items()
            if len(group) >= BOX_LINES and any(v.block.heading for v in group)
            and not any(v.ends_sentence or v.index in titles for v in group)}


def _data_boxes(views: list[BlockView], layout: Layout, depth: int) -> set[tuple[int, ...]]:
    """The boxes of lines inside the body (below the paragraphs' own elements), and, in a text
    whose paragraphs stand side by side, a box set into it with a heading of its own (a case's
    background, a summary): the paragraphs around it are the text, the box is not."""
    if layout.start is None or layout.end is None:
        return set()
    begin = layout.start
    opening = views[begin].block.path[:depth + 1]
    if len(views[begin].block.path) > depth + 1:  # the text opens inside a box: from its top
        while begin > (layout.title if layout.title is not None else -1) + 1 \
                and views[begin - 1].block.path[:depth + 1] == opening:
            begin -= 1
    region = [view for view in views[begin:layout.end + 1]
              if view.is_text and layout.in_container(view.index)]
    runs = Counter(view.block.path for view in region if view.paragraph)
    # an element holding paragraphs as runs (``<br><br>``) holds its boxes one level down
    ordered = sorted((path for path, count in runs.items() if count > 1 and len(path) > depth),
                     key=len, reverse=True)

    def box_of(view: BlockView) -> tuple[int, ...]:
        path = view.block.path
        holder = next((h for h in ordered if len(path) > len(h) and path[:len(h)] == h), None)
        return path[:len(holder) + 1] if holder else path[:depth + 1]

    inside = [view for view in region if len(view.block.path) > depth + 1]
    boxes = boxes_of_lines(inside, box_of)

    groups: dict[tuple[int, ...], list[BlockView]] = {}
    for view in inside:
        groups.setdefault(box_of(view), []).append(view)
    # each group's and its inner boxes' blocks in the whole page, past the body's end too (a
    # form after its text): one pass, as a page may hold thousands of groups
    wanted = set(groups) | {view.block.path[:len(key) + 1]
                            for key, group in groups.items() for view in group
                            if len(view.block.path) > len(key) + 1}
    held: dict[tuple[int, ...], list[BlockView]] = {}
    for view in views:
        if view.is_text:
            path = view.block.path
            for size in range(depth + 1, len(path) + 1):
                if path[:size] in wanted:
                    held.setdefault(path[:size], []).append(view)

    def whole(key: tuple[int, ...]) -> list[BlockView]:
        return held.get(key, [])

    # paragraphs side by side: in the container itself, each alone in a wrapper of its own,
    # runs in one element, or items of a list set in the text
    side_by_side = [view for view in region if view.paragraph and (
        len(view.block.path) <= depth + 1 or view.block.path in ordered
        or len(groups[box_of(view)]) == 1 or groups[box_of(view)][0].block.list_item)]
    if len(side_by_side) >= INSET_TEXT_PARAGRAPHS:
        text = sum(len(view.text) for view in side_by_side)
        # a short box, or a document quoted whole (a decree) that is still less than the text
        boxes |= {key for key, group in groups.items()
                  if _box_opening(group) and not group[0].block.list_item
                  and not group[0].block.folded  # the text's folded rest opens with its heading
                  and ((_reads_as_document(whole(key)) and _chars(group) < text)
                       or (any(v.paragraph for v in group) and (
                           len(group) <= INSET_LINES or sum(len(v.text) for v in group) < text)))}
    opened = {key for key, group in groups.items()
              if _box_opening(group) or _mostly_data(whole(key))}
    outside = [view for view in region if view.paragraph and not _in_box(view, opened, depth)]
    boxes |= _documents(groups, whole, outside)
    # a section of the text (its own paragraphs right in it) holding a box set into it is not
    # the box: the box inside it is (a recipe's card in the section cut at an intertitle)
    found: set[tuple[int, ...]] = set()
    total = sum(len(view.text) for view in region if view.paragraph)
    for key in groups:
        nested = _nested_boxes(key, whole(key), total)
        found |= nested or ({key} if key in boxes else set())
    return found


def _nested_boxes(key: tuple[int, ...], blocks: list[BlockView],
                  total: int) -> set[tuple[int, ...]]:
    """The boxes one level inside a section of the text that holds paragraphs of its own: a
    heading over data lines, with less paragraph text than the rest of the text (``total`` is
    all of it)."""
    if not any(view.paragraph and len(view.block.path) <= len(key) + 1 for view in blocks):
        return set()
    inner: dict[tuple[int, ...], list[BlockView]] = {}
    for view in blocks:
        if len(view.block.path) > len(key) + 1:
            inner.setdefault(view.block.path[:len(key) + 1], []).append(view)
    return {sub for sub, group in inner.items()
            if _box_opening(group) and _reads_as_document(group)
            and 2 * _chars(group) < total}


DOCUMENT_LINES = 2
"""Lines of a quoted document that read as no sentence (its number, "يرسم ما يلي:", the
signature), besides its heading."""


def _documents(groups: dict[tuple[int, ...], list[BlockView]],
               whole: Callable[[tuple[int, ...]], list[BlockView]],
               text: list[BlockView]) -> set[tuple[int, ...]]:
    """A document quoted whole beside a text wrapped in a box of its own (a decree's text under
    "نص القرار"), or a board between two parts of the text: a box opening with a heading or a
    fold, with lines that read as no sentence, and less paragraph text than the text (``text``:
    its paragraphs outside such boxes, in one part or several, as paragraphs or runs)."""
    if len(text) < INSET_TEXT_PARAGRAPHS:
        return set()
    chars = sum(len(view.text) for view in text)
    return {key for key, group in groups.items()
            if (_box_opening(group) or _mostly_data(whole(key)))
            and _chars(group) < chars and (_reads_as_document(whole(key))
                                           or _signed_note(whole(key)))}


DATA_LINES = 4
"""Short data lines (a road's name, its section, the reason, the hours) a box holds at least, and
twice its sentences, to be a board without a heading."""


def _mostly_data(blocks: list[BlockView]) -> bool:
    """A box of data lines with a sentence here and there (a board of road closures under a
    status line): lines that are no sentence, heading, furniture or list item outnumber its
    paragraphs twice over."""
    lines = sum(1 for view in blocks if _plain_line(view) and not view.paragraph
                and not view.ends_sentence and not view.block.list_item)
    return lines >= DATA_LINES and lines >= 2 * sum(1 for view in blocks if view.paragraph)


def _plain_line(view: BlockView) -> bool:
    """A line of a box's own: no heading, no link, no furniture (a read-also, an ad's label)."""
    return not view.block.heading and not view.link_text and not view.generic_furniture \
        and not view.network_furniture


def _signed_note(blocks: list[BlockView]) -> bool:
    """A short box under its heading or label: a paragraph, then the line of whoever signs it
    ("المندوب الإقليمي للصحة: X", "X، الناطق باسم ..."): a statement beside the text."""
    if not 3 <= len(blocks) <= INSET_LINES or sum(v.paragraph for v in blocks) != 1:
        return False
    last = blocks[-1]
    return not last.paragraph and not last.ends_sentence and not last.block.heading \
        and 2 <= last.words <= BIO_LINE_WORDS + 2 and ("،" in last.text or ":" in last.text)


def _chars(group: list[BlockView]) -> int:
    return sum(len(view.text) for view in group if view.paragraph)


_DATA_ITEM = re.compile(r"^[^\s:]+(?:\s[^\s:]+)?\s*:\s*\S+(?:\s\S+){0,3}$")
"""A short labelled value ("مدة التحضير: 45 دقيقة", "السعر: 120 ألف")."""


def _reads_as_document(group: list[BlockView]) -> bool:
    """Lines after its heading that read as no sentence and are no list's items (a number, a
    badge, a table's cells, a signature), or list items that are labelled values: a document's
    or a data box's, not a text section's (whose read-also links and ad labels are no lines)."""
    return sum(1 for view in group[1:] if _plain_line(view) and (
        _DATA_ITEM.match(view.text) if view.block.list_item else not view.ends_sentence)
    ) >= DOCUMENT_LINES


def _in_figure(view: BlockView, layout: Layout) -> str | None:
    """Text inside a figure in the body that is not its caption (a table's cells and source
    line, a chart's labels, an album's counter): the figure's, not the article's. A figure
    that holds the body's first paragraph wraps the article and names nothing."""
    figure = view.block.figure
    if figure is None or view.block.caption or layout.start is None:
        return None
    return "furniture:figure" if layout.views[layout.start].block.figure != figure else None


def _sponsored_boxes_hold_the_text(views: list[BlockView], layout: Layout, depth: int) -> bool:
    """Most of the body's paragraph text sits in boxes named sponsored: an advertorial's own
    text, not paid teasers set into an article."""
    if layout.start is None or layout.end is None:
        return False
    inside = outside = 0
    for view in views[layout.start:layout.end + 1]:
        if view.paragraph and layout.in_container(view.index):
            if view.block.furniture_below(depth) & SPONSORED_WORDS:
                inside += len(view.text)
            else:
                outside += len(view.text)
    return inside > outside


def _in_sponsored_box(view: BlockView, depth: int, advertorial: bool) -> str | None:
    """A box of paid teasers set into the text: its sentences sell other pages."""
    if advertorial or not view.block.furniture_below(depth) & SPONSORED_WORDS:
        return None
    return "furniture:sponsored"


def _in_table(view: BlockView, layout: Layout) -> str | None:
    """A cell of a table set into the body (nutrition facts, a fixture list) that reads as no
    text: the table's, not the article's. A page laid out in tables keeps its text's own."""
    table = view.block.table
    if table is None or view.paragraph or layout.start is None:
        return None
    return "furniture:table" if layout.views[layout.start].block.table != table else None


def _siblings_of(path: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """A block's element and its parent: text in either reads on from it."""
    return path, path[:-1]


def _continues_text(view: BlockView, depth: int,
                    near: tuple[tuple[int, ...], tuple[int, ...]]) -> bool:
    """A short block next to the body that reads as one of its sentences: in the same element
    as the body's first (or last) paragraph or a sibling of it, ending like a sentence, with no
    link text, date or furniture."""
    path = view.block.path
    return (view.sentence and (path == near[0] or path[:-1] == near[1])
            and inner_furniture(view, depth) is None
            and view.date is None and view.words >= 3 and bool(_SENTENCE_END.search(view.text)))


def body_candidates(layout: Layout) -> list[BlockView]:
    """The blocks of the body region not decided yet: the body's text, once the other fields
    have claimed their blocks (dateline, byline, caption, date line, title repeat)."""
    if layout.start is None or layout.end is None:
        return []
    return [view for view in layout.views[layout.start:layout.end + 1]
            if view.is_text and (layout.in_container(view.index) or view.index == layout.lead)
            and not layout.decided(view.index)]
