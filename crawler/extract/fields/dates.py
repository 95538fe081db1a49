"""The publication date (``published_at``, ``published_precision``, ``published_raw``,
``date_source``) and ``modified_at``.

The article's own date is the one its metadata declares (JSON-LD datePublished,
article:published_time ...), a <time> element or a date line in the article's header (by the
title or byline, before the body), the feed's pubDate, or the timestamp of a legacy opinion URL.
Never a date inside a list of links (related, most read, latest, ticker), never the header
clock, never a date after the body unless its line says it is the publication's ("نشر في:
2024/11/17" in an info box under the text); when the page shows none, null. The value keeps the
offset the source gives ("2024-11-21T09:46:00+03:00"; GMT gives "+00:00"); a date printed without a
zone keeps its local date and time without an offset; ``published_precision`` says whether the
source gave the second, the minute or only the day.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from crawler.extract.dates import Stamp, is_header_clock, machine_stamp, printed_stamp
from crawler.extract.generic.jalali import parse_persian_date
from crawler.extract.layout import (
    BOX_LINES,
    COMMENT_WORDS,
    BlockView,
    boxes_of_lines,
    shared_prefix,
)
from crawler.extract.reading import NOTHING, Found, Reading
from crawler.text import fold

HEADER_LINE_WORDS = 24
"""A line of the article's header this long may still carry its date ("بقلم : X - نشر بتاريخ
الأحد 17 تشرين الثاني / نوفمبر 2024")."""


def _stamp(value: Any) -> Stamp | None:
    """A machine or printed date, as metadata and feeds give them."""
    if not isinstance(value, str):
        return None
    return machine_stamp(value) or printed_stamp(value)


def _header_date(reading: Reading) -> tuple[BlockView, Stamp] | None:
    """The header's date line that says it gives the publication date ("نُشر في ..."), also
    inside a longer meta line, else its first date line or <time> element."""
    first = None
    for view, stamp, labelled in _header_dates(reading):
        if labelled:
            return view, stamp
        first = first or (view, stamp)
    return first


def _published_part(view: BlockView) -> str | None:
    """The text after a publication label inside the line ("... نُشر في 10 سبتمبر 2024")."""
    words = view.text.split()
    for start in range(len(words)):
        if _PUBLISHED_LABEL.match(fold(" ".join(words[start:start + 3]))):
            return " ".join(words[start:])
    return None


def _header_dates(reading: Reading) -> Iterator[tuple[BlockView, Stamp, bool]]:
    """The date lines and <time> elements of the article's header that are not in a list of
    links, not the site's masthead and not labelled as another day's; Persian (Solar Hijri)
    dates too; and whether the line says it gives the publication date (then its date is the
    one after the label)."""
    layout = reading.layout
    boxes = _boxes_of_lines(reading, layout.header)
    for index in layout.header:
        view = reading.views[index]
        if not view.is_text or (view.block.list_item and view.block.links
                                    and view.words > LINKED_DATE_WORDS) \
                or not _beside_title(view, reading) or view.block.path[:-1] in boxes \
                or _above_navigation(view, reading):
            continue
        labelled = _published_part(view)
        if (_EVENT_LABEL.search(view.text) or _OTHER_DAY.search(view.folded)) \
                and labelled is None:
            continue  # the time of what the article is about (a match's kick-off), not its own
        if view.link_text and (layout.title is None or index < layout.title
                               or view.block.link_chars >= len(view.text)):
            continue  # a link, or mostly one, is a date line only beside the title (a byline)
        if (found := (printed_stamp(labelled) if labelled else None) or _date_of(view)) \
                and not _in_headed_box(view, reading):
            yield view, found, labelled is not None


def _date_of(view: BlockView) -> Stamp | None:
    for value in view.block.datetimes:
        if found := machine_stamp(value):
            return found
    if view.date is not None:
        return view.date
    if view.words <= HEADER_LINE_WORDS and (stamp := printed_stamp(view.text)) is not None \
            and not is_header_clock(view.text):
        return stamp
    if view.words <= 14 and (persian := parse_persian_date(view.text)) is not None:
        return Stamp(persian.isoformat(), "day")
    return None


LINKED_DATE_WORDS = 8
"""A list item in the header with a link is a teaser unless this short: a date as a link (a
forum post's permalink under its title, "تاريخ البدء 23 أكتوبر 2024")."""
NAVIGATION_LINKS = 2
"""Link lines (a menu's items) between a date and the title that make the date the masthead's."""


def _above_navigation(view: BlockView, reading: Reading) -> bool:
    """A date above the site's menu or breadcrumb: the masthead's day (today's), not the
    article's."""
    title = reading.layout.title
    if title is None or view.index > title:
        return False
    between = [v for v in reading.views[view.index + 1:title] if v.is_text]
    return any(v.generic_furniture == "furniture:breadcrumb" or v.block.furniture & NAV_WORDS
               for v in between) or sum(1 for v in between if v.link_text) >= NAVIGATION_LINKS


def _boxes_of_lines(reading: Reading, around: range) -> set[tuple[int, ...]]:
    """The boxes of lines near the header (a warning with its own issue time, a work's card
    with its release date), by the element holding each line."""
    layout = reading.layout
    titles = layout.title_blocks | ({layout.title} if layout.title is not None else set())
    first = max(0, around.start - BOX_LINES)
    return boxes_of_lines(reading.views[first:around.stop], lambda view: view.block.path[:-1],
                          titles)


def _beside_title(view: BlockView, reading: Reading) -> bool:
    """In the title's own part of the page: a block before the title shares its grandparent
    (a teaser's date in a list above the headline does not), and no box between them is named
    for furniture (latest, related, most read ...)."""
    layout = reading.layout
    if layout.title is None:
        return True
    title_path = reading.views[layout.title].block.path
    shared = shared_prefix(view.block.path, title_path)
    if view.index < layout.title and shared < len(title_path) - 2 \
            and not _heads_the_title(view, reading):
        return False
    return not view.block.furniture_below(shared) & LIST_WORDS


def _in_headed_box(view: BlockView, reading: Reading) -> bool:
    """In a box beside the title's that has a heading of its own (a poll's question over its
    voting days, a widget's name over its update time): the box's date, not the article's."""
    title = reading.layout.title
    if title is None:
        return False
    shared = shared_prefix(view.block.path, reading.views[title].block.path)
    if len(view.block.path) <= shared + 1:
        return False
    box = view.block.path[:shared + 1]
    inside = [other for other in reading.views
              if other.is_text and other.block.path[:shared + 1] == box]
    layout = reading.layout
    if layout.start is not None and layout.end is not None \
            and any(layout.start <= other.index <= layout.end for other in inside):
        return False  # the text's own box: its intertitles are the text's
    return any(1 <= other.block.heading <= 3 and other.index not in layout.title_blocks
               and other.index != title for other in inside)  # an h4 may be a writer's name


def _in_card(view: BlockView, reading: Reading) -> bool:
    """In one of the cards of a box beside the title's, under the card's own heading (a job
    offer's "نشر في" on a board of offers): the card's date. A writer's box holds its lines
    straight, not in cards, and its date may be the article's."""
    title = reading.layout.title
    if title is None:
        return False
    shared = shared_prefix(view.block.path, reading.views[title].block.path)
    if len(view.block.path) < shared + 2:
        return False
    card = view.block.path[:shared + 2]
    return any(1 <= other.block.heading <= 4 and other.index < view.index
               and other.block.path[:shared + 2] == card
               for other in reading.views[max(0, view.index - CARD_LINES):view.index])


CARD_LINES = 12
"""How far above its date a card's heading may be."""


def _heads_the_title(view: BlockView, reading: Reading) -> bool:
    """The text line right above the title, itself no link and not beside one in its box (a
    blog's date header, not the date of the last teaser in a list above the headline)."""
    assert reading.layout.title is not None
    titles = reading.layout.title_blocks  # a second copy of the headline stands between
    before = [v for v in reading.views[:reading.layout.title]
              if v.is_text and v.index not in titles][-2:]
    if not before or before[-1] is not view or view.link_text:
        return False
    teaser = before[0] if len(before) == 2 else None
    return teaser is None or not teaser.link_text \
        or teaser.block.path[:-1] != view.block.path[:-1]


def _labelled_date_after_body(reading: Reading) -> tuple[BlockView, Stamp] | None:
    """A line after the body that says it gives the publication date, outside lists and
    comments."""
    layout = reading.layout
    if layout.last is None:
        return None
    end = layout.stop if layout.stop is not None else len(reading.views)
    found = _labelled_line([v for v in reading.views[layout.last + 1:end]
                            if v.is_text][:AFTER_BODY_LINES])
    return None if found is None or _in_card(found[0], reading) else found


def _labelled_line(views: list[BlockView]) -> tuple[BlockView, Stamp] | None:
    """The first of the lines that says it gives the publication date, not in a list of links
    or in comments (a writer's box, an <aside>, may hold it)."""
    for view in views:
        if not view.is_text or (view.block.list_item and view.block.links) or view.link_text \
                or view.block.furniture & COMMENT_WORDS:
            continue
        if (stamp := _labelled_stamp(view)) is not None:
            return view, stamp
    return None


def _labelled_stamp(view: BlockView) -> Stamp | None:
    """The date of a line that says it is the publication date ("نشر في: ...")."""
    if _PUBLISHED_LABEL.match(view.folded) and view.words <= HEADER_LINE_WORDS:
        return view.date or printed_stamp(view.text)
    return None


_EVENT_LABEL = re.compile(
    r"(?:^|\s)(?:(?:انطلاق|موعد|توقيت|تاريخ)\s+(?:المباراة|اللقاء|المواجهة|الحفل|المهرجان|"
    r"الفعالية|الحدث|المؤتمر|العرض)|صافرة البداية|ضربة البداية|الإغلاق|الافتتاح|kick-?off)\s*[:：]"
    r"|^\s*(?:ختام|افتتاح) (?:تعاملات|جلسة)", re.IGNORECASE)
"""A date line labelled as the time of an event (a match, a show, a broadcast)."""


def _labelled_date_before_body(reading: Reading) -> tuple[BlockView, Stamp] | None:
    """A line before the body that says it gives the publication date ("تاريخ النشر: ..."),
    outside the header (in the writer's box above the title, an <aside>), not in a list of
    links or comments."""
    layout = reading.layout
    if layout.start is None:
        return None
    views = reading.views[:layout.start]
    while (found := _labelled_line(views)) is not None and _in_card(found[0], reading):
        views = views[views.index(found[0]) + 1:]  # a job offer's "نشر في" above the title
    return found


POST_FOOTER_LINES = 6
POST_DATE_WORDS = 8
"""A post's linked date line is this short; a headline with its date is a teaser's."""
"""Text blocks after the text, inside its own box, where a post shows its date."""


def _date_under_post(reading: Reading) -> tuple[BlockView, Stamp] | None:
    """A post's own date under its text, in the same box (a channel's or a social post's
    footer: views, reactions, the date as a link or a <time>); never a list's or another
    post's."""
    layout = reading.layout
    if layout.last is None or not layout.container:
        return None
    box = layout.container[:-1]
    after = [v for v in reading.views[layout.last + 1:] if v.is_text][:POST_FOOTER_LINES]
    for view in after:
        if view.block.path[:len(box)] != box or view.block.list_item or view.generic_furniture:
            return None  # past the post: a list, or a heading over one ("اقرأ أيضا")
        for value in view.block.datetimes:
            if found := machine_stamp(value):
                return view, found
        if view.date is not None and (view.block.author or (
                view.block.links and view.words <= POST_DATE_WORDS)):
            return view, view.date  # a linked date, or the date on the post's signature line
    return None


AFTER_BODY_LINES = 8
"""Text blocks after the body's last paragraph searched for a labelled publication date."""
_PUBLISHED_LABEL = re.compile(r"^\s*(?:تاريخ النشر|نشرت? ?(?:في|بتاريخ|:)|تم النشر|published)",
                              re.IGNORECASE)
"""Matched against the folded text (no diacritics: "نُشر في")."""
_OTHER_DAY = re.compile(fold(r"في مثل هذا اليوم|قبل \d+ (?:عاما|عام|سنة|سنوات|أعوام)"
                             r"|(?:تاريخ|موعد|يوم) (?:التسجيل|السؤال|الاستشارة)"
                             r"|سجلت?(?: الحلقة| البرنامج| اللقاء)? (?:في|يوم|بتاريخ)"
                             r"|الفعالية|(?:تبدأ|يبدأ|تنطلق|ينطلق) (?:غدا|اليوم|بعد)"
                             r"|الجلسة (?:العامة|رقم)|(?:رفعت|انتهت|افتتحت) الجلسة"
                             r"|(?:موجز|نشرة|عدد) (?:يوم|اليوم)"
                             r"|(?:وصلت?|وردت?) (?:إلى|الى) (?:التحرير|الموقع|المحرر)"))
"""Labels of another day than the article's, in its folded text: the same day in a past year,
the day an episode was recorded or a reader's question asked, an event's day on its tile ("26
أكتوبر انتهت الفعالية"), a sitting's day on its bar, a column's or an edition's day ("موجز يوم
..."), the day a reader's contribution reached the desk; a wire's "تاريخ البث" is its
publication."""
NAV_WORDS = frozenset({"nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs"})


LIST_WORDS = frozenset({
    "related", "recommended", "popular", "most", "trending", "latest", "ticker", "breaking",
    "marquee", "widget", "sidebar", "aside", "more", "comment", "comments", "nav", "footer",
})
"""Class words of boxes whose dates are other articles' (or comments')."""


def find(reading: Reading) -> dict[str, Any]:
    """``published_at``, ``published_precision``, ``published_raw``, ``date_source`` and
    ``modified_at``; marks the header date line."""
    meta, feed = reading.meta, reading.feed
    fields: dict[str, Any] = dict.fromkeys(
        ("published_at", "published_precision", "published_raw", "date_source", "modified_at"))
    found: tuple[Stamp, str, str] | None = None
    if meta.published and (stamp := _stamp(meta.published.value)):
        found = (stamp, meta.published.value, meta.published.source)
    header = _header_date(reading)
    if found is None and header is not None and header[0].block.datetimes:
        view, stamp = header
        raw = next((s for s in view.block.datetimes if machine_stamp(s)), view.text)
        found = (stamp, raw, "time-element")
    if found is None:
        for value in (feed.get("published_raw"), feed.get("published")):
            if isinstance(value, str) and (stamp := _stamp(value)):
                found = (stamp, value, "feed")
                break
    if found is None and header is not None:
        found = (header[1], header[0].text, "page-text")
    labelled = _labelled_date_before_body(reading) if found is None and header is None \
        else None
    if labelled is not None:
        found = (labelled[1], labelled[0].text, "page-text")
        reading.layout.decide(labelled[0].index, "date", "date:published-line-before-body")
    footer = _labelled_date_after_body(reading) if found is None else None
    if found is None and footer is None:
        footer = _date_under_post(reading)
    if footer is not None:
        found = (footer[1], footer[0].text, "page-text")
        reading.layout.decide(footer[0].index, "date", "date:published-line-after-body")
    if found is None and reading.url is not None and reading.url.legacy_datetime:
        moment = reading.url.legacy_datetime
        found = (Stamp.of(moment, "second"), reading.url.path.rsplit("/", 1)[-1], "url")
    if header is not None:
        reading.layout.decide(header[0].index, "date", "date:header-line")
    if found is not None:
        stamp, raw, source = found
        fields.update(published_at=stamp.iso, published_precision=stamp.precision,
                      published_raw=raw, date_source=source)
    if meta.modified and (modified := _stamp(meta.modified.value)):
        fields["modified_at"] = modified.iso
    return fields


def source_of(fields: dict[str, Any]) -> Found:
    return Found(fields["published_at"], fields["date_source"]) if fields["date_source"] \
        else NOTHING
