"""The dateline: where the story was filed and by whom, "واشنطن - رولا عيسى".

Shape: a location of one to four words, a dash (also tatweel "ـ" or a slash), a source of one
to five words (a reporter, an agency, the site's own name): "الرباط -المغرب اليوم",
"دبي - صوت الإمارات", "الدار البيضاء / المغرب اليوم", "القاهرة ـ العرب اليوم". Position: a line
of its own just before the body's first paragraph (captions and images may sit between), or
the body's first line. A source that is a person is also an author (crawler.extract.fields
.authors reads it from ``reading.notes``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawler.extract import furniture, network
from crawler.extract.dates import parse_arabic_date
from crawler.extract.layout import BlockView
from crawler.extract.reading import NOTHING, Found, Reading

WINDOW = 4
"""Text blocks before the body's first paragraph that may hold the dateline."""
OPENING_LINES = 2
"""Short lines at the body's start a dateline may follow."""
CAPTION_WORDS = 15
"""Longer lines are text, not a caption before the dateline."""
BODY_LINES = 5
"""Text blocks after the body's first paragraph where a dateline may still stand alone."""
RUN_IN_CHARS = 80
"""How far into the first paragraph a run-in dateline may end."""
RUN_IN_MIN_WORDS = 5
"""Words the first paragraph keeps after a run-in dateline."""
_RUN_IN = re.compile(r"\s+[—–]\s+|\s+-\s+|\s*—\s*|\s*:\s+|\s+\|\s+")
_DASH_CLASS = r"\-ـ–—"
_LEADING_SYMBOLS = re.compile(r"^[^\w\-ـ–—]+")
"""A pin or a bullet before the place ("📍 الرباط - ...")."""
_DATELINE = re.compile(
    rf"^(?P<location>[^{_DASH_CLASS}/:.،,\"«»()]{{2,40}}?)\s*[{_DASH_CLASS}/]\s*"
    rf"(?P<source>[^{_DASH_CLASS}/:.،,\"«»()]{{2,40}}?)\s*:?$"
)
BYLINE_WORDS = frozenset({"بقلم", "كتب", "كتبت", "الكاتب", "الكاتبة", "بواسطة", "إعداد", "اعداد",
                          "تحرير", "المحرر", "تقرير", "By", "by", "مراسل", "مراسلة", "موفد",
                          "موفدة"})
"""A line with one of these before its dash is a byline ("بقلم - X"), not a dateline."""
DESK_WORDS = frozenset({"قسم", "القسم", "فريق", "وحدة", "desk"})
"""A desk of the paper before the dash ("قسم الإعلانات - X"), not a place: a byline."""
PREPOSITIONS = frozenset({"من", "في", "داخل", "عن", "إلى", "الى"})
"""A place is named, not described ("من داخل قاعة المحكمة - X" is where the writer sat)."""
_BRACKETED = re.compile(r"^\s*[(\[]([^()\[\]]+)[)\]]\s*$")
_SENTENCE_PUNCT = re.compile(r"[.،,:؛;!?؟\"«»()\[\]\d|•·]")  # digits of any script


@dataclass(frozen=True)
class Dateline:
    location: str
    source: str

    @property
    def source_is_person(self) -> bool:
        """False when the source is a network site's label or a news agency."""
        return not network.is_agency(self.source) and network.site_of_label(self.source) is None

    def as_dict(self) -> dict[str, str]:
        return {"location": self.location, "source": self.source}


def parse(text: str) -> Dateline | None:
    """"واشنطن - رولا عيسى" -> (واشنطن, رولا عيسى); None when the line is not a dateline."""
    if (bracketed := _BRACKETED.match(text)) is not None:
        text = bracketed[1]  # "(الرباط - فلسطين اليوم)" on a line of its own
    match = _DATELINE.match(_LEADING_SYMBOLS.sub("", text))
    if not match:
        return None
    location, source = match["location"].strip(), match["source"].strip()
    if not location or not source or len(location.split()) > 4 or len(source.split()) > 5:
        return None
    if _SENTENCE_PUNCT.search(location + source) or parse_arabic_date(text):
        return None
    if BYLINE_WORDS & set(location.split()) or location.split()[0] in DESK_WORDS \
            or location.split()[0] in PREPOSITIONS \
            or furniture.ad_label(location) or furniture.ad_label(source):
        return None
    return Dateline(location, source)


def find(reading: Reading) -> Found:
    """The dateline, and its block marked; the reporter noted for the authors.

    Walking back from the body's first paragraph, past captions, date lines, bylines and
    furniture, the first line that has the dateline's shape; any other text ends the search."""
    layout = reading.layout
    if layout.start is None:
        return NOTHING
    floor = layout.title if layout.title is not None else -1
    looked = 0
    for view in reversed(reading.views[floor + 1:layout.start]):
        if not view.is_text or layout.decided(view.index):
            continue
        looked += 1
        if looked > WINDOW:
            break
        line = None if _not_a_line(view) else parse(view.text)
        if line is not None:
            return _found(reading, view, line, "dateline:line-before-body")
        if not _passable(view):
            break
    return _opening_the_body(reading)


def _opening_the_body(reading: Reading) -> Found:
    """A dateline among the body's first lines, after short ones only (a caption the markup
    did not mark): the body then starts after it."""
    layout = reading.layout
    assert layout.start is not None
    lines = [v for v in reading.views[layout.start:] if v.is_text][:OPENING_LINES + 1]
    for position, view in enumerate(lines):
        line = None if _not_a_line(view) else parse(view.text)
        if line is not None and any(v.paragraph and v.ends_sentence for v in lines[:position]):
            return _found(reading, view, line, "dateline:line-in-body")  # after a question
        if line is not None:
            following = next((v for v in reading.views[view.index + 1:] if v.paragraph), None)
            if following is None:
                return NOTHING
            layout.start = following.index
            return _found(reading, view, line, "dateline:line-opening-body")
        if view.words > CAPTION_WORDS:
            break
    found = _leading_the_first_paragraph(reading)
    return found if found.value is not None else _standing_in_the_body(reading)


def _standing_in_the_body(reading: Reading) -> Found:
    """A dateline on a line of its own a little into the body, where the story proper starts
    after a reader's question or an editor's note: the line is the dateline's, not the text's."""
    layout = reading.layout
    assert layout.start is not None
    lines = [v for v in reading.views[layout.start + 1:] if v.is_text][:BODY_LINES]
    for view in lines:
        if layout.end is not None and view.index > layout.end:
            break
        if view.block.heading or view.block.caption or view.link_text \
                or layout.decided(view.index) or not layout.in_container(view.index):
            continue
        if (line := parse(view.text)) is not None:
            return _found(reading, view, line, "dateline:line-in-body")
    return NOTHING


def _leading_the_first_paragraph(reading: Reading) -> Found:
    """A dateline run into the first paragraph ("الرباط / فلسطين اليوم — النص"): the field takes
    it, the body keeps the text after the dash (``reading.notes["dateline_prefix"]``)."""
    layout = reading.layout
    assert layout.start is not None
    view = reading.views[layout.start]
    for separator in _RUN_IN.finditer(view.text[:RUN_IN_CHARS]):
        line = parse(view.text[:separator.start()])
        if line is not None and len(view.text[separator.end():].split()) >= RUN_IN_MIN_WORDS:
            reading.notes["dateline_prefix"] = (view.index, separator.end())
            if line.source_is_person:
                reading.notes["reporter"] = line.source
            return Found(line.as_dict(), "network-rules" if reading.network else "page-text")
    return NOTHING


def _found(reading: Reading, view: BlockView, line: Dateline, rule: str) -> Found:
    reading.layout.decide(view.index, "dateline", rule)
    if line.source_is_person:
        reading.notes["reporter"] = line.source
    return Found(line.as_dict(), "network-rules" if reading.network else "page-text")


def _not_a_line(view: BlockView) -> bool:
    """A caption, a link, or a box's heading ("مواعيد الحافلات - المحطة المركزية"): no
    dateline."""
    return view.block.caption or bool(view.link_text) or 1 <= view.block.heading <= 3


def _passable(view: BlockView) -> bool:
    """A block that may stand between the dateline and the body: a caption, a date line, a
    byline, furniture (share links, an ad label)."""
    return (view.block.caption or view.link_text or view.date is not None
            or view.network_furniture is not None or view.generic_furniture is not None
            or (bool(view.text.split()) and view.text.split()[0] in BYLINE_WORDS))
