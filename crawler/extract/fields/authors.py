"""The authors: the people who wrote the article.

Sources, best first:

1. the page's metadata (JSON-LD author, meta author), unless it names the publisher;
2. a byline in the article's header or right after its body: "بقلم : X", "بقلم - X", "بقلم:X",
   "بقلم X", "كتب - X", "الكاتب: X", "بواسطة X", "By X", also with more on the line ("بقلم : X -
   نشر بتاريخ ...") or with the byline word and the name in blocks of their own;
3. a name the markup marks as the author's (a class, rel or itemprop saying author, a link to an
   author's page) in the header or right after the body;
4. a bare name: on an opinion page the columnist's under the title; on any page a name standing
   alone right after the body, or a linked or bold name beside the header's date line;
5. the dateline's reporter ("واشنطن - رولا عيسى").

A name is one to six words without digits or sentence punctuation, and not the site's or an
agency's; several names are split at "،", "," and a standalone "و".
"""

from __future__ import annotations

import re
from itertools import pairwise

from crawler.extract import furniture, network
from crawler.extract.dates import without_date
from crawler.extract.fields.dateline import DESK_WORDS, PREPOSITIONS
from crawler.extract.layout import COMMENT_WORDS, STRONG_FURNITURE, BlockView, Decision
from crawler.extract.metadata import FORUM_TYPES
from crawler.extract.reading import NOTHING, Found, Reading
from crawler.text import fold, normalise_space, word_key

BYLINE_WINDOW = 16
"""Text blocks before the body (after the title) where a byline may stand."""
AFTER_BODY = 3
"""Text blocks after the body's last paragraph where a byline or a bare name may stand."""
DATE_DISTANCE = 2
"""How far (in text blocks) a bare name may stand from the header's date line."""
DATE_BOX_WINDOW = 8
"""How many text blocks after the body are searched for a box holding a date and a name."""
AUTHOR_BOX_WINDOW = 40
"""How many text blocks after the body are searched for an author's box."""
BIO_MIN_WORDS = 4
"""How many words an author's description adds to the name it opens with."""
MAX_NAME_WORDS = 6
BARE_NAME_WORDS = (2, 4)
"""A name standing alone with nothing to say it is one has this many words."""
_DASHES = r"\-ـ–—"
BYLINE_WORDS = ("بقلم", "كتبت", "كتبه", "كتب", "الكاتبة", "الكاتب", "بواسطة", "إعداد", "اعداد",
                "كتب بواسطة", "حرر بواسطة", "نشر بواسطة", "نشرت بواسطة", "نشره", "حرره", "حرر",
                "تحرير", "المحرر", "تقرير", "إشراف", "متابعة", "حاوره", "حاورها", "حاورته",
                "حاورتها", "أجرى الحوار", "أجرت الحوار", "أجرى اللقاء", "by", "By", "BY")
LABEL_BYLINE_WORDS = ("حوار", "تحليل", "رصد", "مراجعة", "يكتبها", "يكتبه", "تكتبها", "تكتبه")
"""Words that make a byline only with a colon or a dash after them ("حوار: X", not "حوار ذكي")."""
BYLINE_ROLES = ("الكاتب الصحفي", "الكاتبة الصحفية", "الناقد", "الناقدة", "الكاتب", "الكاتبة",
                "الصحفي", "الصحفية", "الزميل", "الزميلة", "المحرر", "المحررة", "مراسلنا",
                "مراسلتنا")
"""A writer's role between the byline word and the name ("بقلم الناقد: X")."""
_BYLINE = re.compile(rf"^(?:(?:{'|'.join(sorted(BYLINE_WORDS, key=len, reverse=True))})"
                     rf"(?![^\s:{_DASHES}])(?:\s+(?:{'|'.join(BYLINE_ROLES)})(?=\s*:))?"
                     rf"\s*[:{_DASHES}]?|(?:{'|'.join(LABEL_BYLINE_WORDS)})\s*[:{_DASHES}])"
                     rf"\s*(?P<names>\S.*)$")
_BYLINE_WORD = re.compile(rf"^(?:{'|'.join(BYLINE_WORDS)})\s*[:{_DASHES}]?$")
_MORE = re.compile(r"\s+[|\-–—ـ/]\s+|\s*[،,|]\s*(?=\S)")
_CREDIT = re.compile(r"^(?:إخراج|المخرج|بطولة|تمثيل|الممثلون|تأليف|المؤلف|سيناريو|إنتاج|تصميم|"
                     r"رسوم|إنفوغراف|"
                     r"الإنتاج|موسيقى|تصوير|ترجمة|المترجم|الناشر|دار النشر|المصدر|directed|cast)",
                     re.IGNORECASE)
"""The labels of a work's credits: the names after them made the work, not the article."""
_LEADING_MARKS = re.compile(r"^[\W_]+")
"""Bullets, dashes and emoji before a byline ("✍️ بقلم: X")."""
_DATE_AFTER = re.compile(r"\s+(?=\S*\d)")
_NEXT_LABEL = re.compile(r"\s+(?=[^\s:]+(?:\s[^\s:]+)?\s*:)")
"""Where another labelled part starts on a byline's line ("... تصميم الرسوم: Y")."""
"""What separates a byline from more on its line (a date, a section)."""
_HONORIFIC = re.compile(r"^(?:(?:الدكتورة|الدكتور|الأستاذة|الأستاذ|الاستاذة|الاستاذ"
                        r"|المهندسة|المهندس|د|أ|م|Dr|Prof)\.?\s+)+")
"""Titles before a name ("الدكتور", "د.", "أ."): not part of it."""
_LABELLED = re.compile(r"^[^\s:]+(?:\s[^\s:]+)?\s*:\s*\S+(?:\s\S+){0,3}$")
"""A meta line: a label of one or two words, a colon, a short value ("التصنيف: اقتصاد")."""
_ROLE = re.compile(r"^(?:مراسلة|مراسل|موفدة|موفد|correspondent)\b", re.IGNORECASE)
"""A reporter's role beside the name on a byline ("مراسل العرب اليوم - X")."""
_ROLE_BYLINE = re.compile(r"^(?:مراسلة|مراسل|موفدة|موفد)(?:\s+[^\s:]+){0,2}\s*:\s*(?P<names>\S.*)$")
"""A reporter's role naming the byline ("مراسل القناة: X")."""
_META_SEPARATOR = re.compile(r"\s[|•·]\s")
"""What separates the parts of a meta line (date | author | comments)."""
_SENTENCE_PUNCT = re.compile(r"[.:؛;!?؟\"«»()\[\]|/@#]|\d")
NOT_NAMES = frozenset(word_key(fold(w)) for w in (
    "من", "في", "عبر", "عن", "مع", "إلى", "الى", "هذا", "هذه", "كل", "جميع", "المزيد",
    "اقرأ", "شاهد", "تابع", "تابعونا", "أخبار", "اخبار", "مقالات", "الرئيسية", "الأخبار", "اليوم",
    "قسم", "أقسام", "عاجل", "فيديو", "صور", "تعليق", "تعليقات", "شارك", "نشر", "تحديث",
    "وحدة", "فريق", "مكتب", "التحرير", "الرصد", "المتابعة", "للقراءة", "قراءة", "دقيقة",
    "دقائق", "دقيقتان", "زائر", "الزوار", "تفاصيل", "التفاصيل", "التصنيف", "الزيارات",
    "إدارة", "الموقع", "معرف", "admin", "administrator", "انطلقت", "التغطية", "المساهمون",
    "تصوير", "عدسة", "ملخص", "منذ", "الصور", "المرفقة", "مرفقات", "أبرز", "الأحداث", "بطاقة",
    "الضيف", "كتاب", "الرأي", "أقلام", "للاستفسارات", "الاستفسارات", "الإعلامية", "الإعلامي",
    "التواصل", "تصميم", "عدد", "تاريخ", "متاح", "نقاط", "القوة", "الضعف", "أهم", "المحطات",
    "التشغيل", "تشغيل", "تلقائيا", "الفيديو", "ترجمة", "إعداد", "وإعداد", "تحرير", "وتحرير",
    "استوديو", "برعاية", "بالتعاون", "بالشراكة", "مجموعة", "شركة",
    "بادئ", "الإدارة", "المنتدى", "منتديات", "مشرف", "المشرف", "عضو", "مميز", "الشخصيات",
    "النشرة", "نشرة", "summary", "english", "desk",
))
"""Words that no name holds: a line with one is a link, a label, a desk or a reading time.
("على" is not one: folded it is the name "علي".)"""
_EDGE_AND = re.compile(r"^و\s+|\s+و$")
"""A standalone "و" left at a name's edge when names were split at their links."""
_WEEKDAY_TAIL = re.compile(r"\s+ال(?:سبت|أحد|احد|اثنين|إثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة)$")
"""A weekday after a name: the date line that follows it on the same line."""
_DATA_LINE = re.compile(r"\d")
_SEPARATORS = re.compile(r"\s*[،,]\s*|\s+و\s+|\s+and\s+|\s*&\s*")


def names_in_byline(text: str) -> list[str] | None:
    """The names of a byline ("بقلم : X", "كتب - X و Y"), also with more before or after it on
    its line ("10/09/2024 | بقلم: X", "بقلم : X - نشر بتاريخ ..."), or None when the line holds
    none."""
    text = _LEADING_MARKS.sub("", text)
    starts = (0, *(m.end() for m in _MORE.finditer(text)),
              *(m.start() + 1 for m in _INNER_BYLINE.finditer(text)))
    for start in starts:
        if names := _names_from(text[start:]):
            return names
    return _signing(text)


_INNER_BYLINE = re.compile(r"\sبقلم(?=[\s:])")
"""A byline run on after other labels ("ملخص الحلقة بقلم: X تقديم: Y")."""
SIGNED_LINE_WORDS = 6
_SIGN_DASH = re.compile(rf"\s+[{_DASHES}]\s*|\s*[{_DASHES}]\s+")


def _signing(text: str) -> list[str] | None:
    """The name after the dash of a short line that names a desk or where the writer sat, not
    a place ("قسم الإعلانات - X", "من داخل قاعة المحكمة - X"): no dateline, a byline."""
    parts = _SIGN_DASH.split(text.strip())
    if len(parts) != 2 or not parts[0] or len(parts[0].split()) > SIGNED_LINE_WORDS \
            or parts[0].split()[0] not in PREPOSITIONS | DESK_WORDS:
        return None
    return [bare_name(parts[1])] if _bare_name(parts[1]) else None


def _names_from(text: str) -> list[str] | None:
    match = _BYLINE.match(text) or _ROLE_BYLINE.match(text)
    if not match:
        return None
    rest = match["names"]
    names = split_names(rest)
    for cut in _MORE.finditer(rest):
        if names is not None:
            break
        names = split_names(rest[:cut.start()])
    for cut in reversed(list(_NEXT_LABEL.finditer(rest)) if names is None else []):
        if names := split_names(rest[:cut.start()]):
            break
    if names is None and (date := _DATE_AFTER.search(rest)):
        names = split_names(rest[:date.start()])  # the date line goes on after the name
    return names


def split_names(text: str) -> list[str] | None:
    """The names in "X، Y و Z" without their titles ("الدكتور X"), or None when any part is not
    a name."""
    names = [_HONORIFIC.sub("", _EDGE_AND.sub("", n.strip(f" {_DASHES}:"))).strip()
             for n in _SEPARATORS.split(text.strip())]
    names = [_WEEKDAY_TAIL.sub("", n) for n in names]
    names = [part for n in names if n for part in _split_glued_and(n)]
    if not names or any(not is_name_like(n) for n in names):
        return None
    return names


WAW_NAMES = frozenset({"وليد", "وائل", "وسام", "وفاء", "وجدي", "وديع", "وحيد", "وصفي", "وداد",
                       "وعد", "ورد", "وردة", "وهيب", "وهبة", "وئام", "ولاء", "وسيم", "وجيه",
                       "وضاح", "وفيق", "ودود", "وصال", "ونيس", "وهبي", "والي", "وزير", "وطفة",
                       "ولد", "وداعة"})
"""Names that begin with "و": the letter is no "and" there."""


def _split_glued_and(name: str) -> list[str]:
    """Two names joined by "و" written onto the second, as Arabic writes it ("سعيد بنعلي وبلال
    حمدان"): split where a word of the middle starts with it, when both sides keep two words
    and the word is no name that begins with "و"."""
    words = name.split()
    for position in range(2, len(words) - 1):
        word = words[position]
        if word.startswith("و") and len(word) > 2 and word not in WAW_NAMES:
            return [" ".join(words[:position]), " ".join([word[1:], *words[position + 1:]])]
    return [name]


def is_name_like(text: str) -> bool:
    """A person's name: one to six words, no digits or sentence punctuation, not the site's or
    an agency's."""
    words = text.split()
    return (1 <= len(words) <= MAX_NAME_WORDS and len(text) <= 60
            and not _SENTENCE_PUNCT.search(text) and not network.is_site_name(text)
            and not network.is_agency(text) and not furniture.share_bar(text)
            and not furniture.ad_label(text)
            and not NOT_NAMES & set(word_key(fold(text)).split()))


def _may_name(value: str) -> bool:
    """A declared author that is no name by our rules may still be one in another script or
    form ("O'Brien-Smith"), unless it holds words no name holds ("Contributors to ...")."""
    return bool(value) and len(value.split()) <= MAX_NAME_WORDS \
        and not NOT_NAMES & set(word_key(fold(value)).split())


def _metadata_authors(reading: Reading) -> Found:
    meta = reading.meta
    if not meta.authors:
        return NOTHING
    names: list[str] = []
    for value in meta.authors.value:
        if not isinstance(value, str) or network.is_site_name(value):
            continue
        value = normalise_space(value)
        names += split_names(value) or ([value] if _may_name(value) else [])
    return Found(list(dict.fromkeys(names)), meta.authors.source) if names else NOTHING


def _header(reading: Reading) -> list[BlockView]:
    """Text blocks between the title and the body (the first BYLINE_WINDOW of them)."""
    layout = reading.layout
    if layout.start is None:
        return []
    floor = layout.title if layout.title is not None else max(-1, layout.start - BYLINE_WINDOW)
    return [v for v in reading.views[floor + 1:layout.start] if v.is_text][:BYLINE_WINDOW]


def _after_body(reading: Reading) -> list[BlockView]:
    """The first text blocks after the body's last paragraph."""
    layout = reading.layout
    if layout.start is None:
        return []
    first = (layout.last if layout.last is not None else layout.start) + 1
    stop = layout.stop if layout.stop is not None else len(reading.views)
    if layout.decisions.get(stop) == Decision("boilerplate", "furniture:closing-mark"):
        stop = len(reading.views)  # the wire's end mark: the editor's line follows it
    elif layout.decisions.get(stop) == Decision("boilerplate", "furniture:bio"):
        stop += 1  # the writer's name over the bio is the signature
    end = min(first + 4 * AFTER_BODY, stop)
    depth = len(layout.container or ())  # a class the text's own wrappers carry says nothing
    views = []
    for view in reading.views[first:end]:
        if view.block.furniture_below(depth) & COMMENT_WORDS or (view.block.heading and (
                view.link_text or names_in_byline(view.text) is None)) or (
                view.link_text and view.words >= TEASER_WORDS and not view.generic_furniture
                and not view.block.author and names_in_byline(view.text) is None):
            break  # readers' names, another item's under its linked headline, or a section's
            # under its own heading after the text, are no bylines of the text
        if view.is_text and not _filler(view):
            views.append(view)
    return views[:AFTER_BODY]


TEASER_WORDS = 4
"""A linked line this long after the text is another story's headline (a card's): the byline
under it is that story's."""
_LETTERS = re.compile(r"[^\W\d_]{2}")
_FOLLOW = re.compile(r"^\W*(?:تابعونا|تابعنا|اشترك|انضم|follow)", re.IGNORECASE)


def _filler(view: BlockView) -> bool:
    """A line between the text and its signature that says nothing of a name: hashtags,
    reactions and counts (no word), a call to follow the channel."""
    words = view.text.split()
    return (not _LETTERS.search(view.text) or all(word.startswith("#") for word in words)
            or bool(_FOLLOW.match(view.text)))


BOXED = Decision("boilerplate", "furniture:box")
"""A line of a box set beside the text (a card, a document, a board): its people are its own."""


def _free(view: BlockView, reading: Reading) -> bool:
    """Not claimed by another field; a date line may hold the byline too."""
    decision = reading.layout.decisions.get(view.index)
    return decision is None or (decision.role in ("boilerplate", "body", "date")
                                and decision != BOXED)  # a card's people are its own


def _mark(reading: Reading, view: BlockView, rule: str) -> None:
    decision = reading.layout.decisions.get(view.index)
    if decision is None or decision.role != "date":
        reading.layout.decide(view.index, "author", rule)


def _bylines(reading: Reading, views: list[BlockView]) -> list[tuple[list[BlockView], list[str]]]:
    """Bylines among the blocks: a whole byline, or a byline word and the name after it."""
    found = []
    for position, view in enumerate(views):
        if not _free(view, reading):
            continue
        if names := names_in_byline(view.text):
            found.append(([view], names))
        elif _BYLINE_WORD.match(view.text.strip()) and position + 1 < len(views):
            following = views[position + 1]
            if names := split_names(following.text):
                found.append(([view, following], names))
    return found


def _marked(reading: Reading, views: list[BlockView]) -> tuple[BlockView, list[str]] | None:
    """A name the markup marks as the author's."""
    for view in views:
        marked = view.block.author
        if marked and not view.block.list_item and _free(view, reading) \
                and (names := names_in_byline(marked) or split_names(marked)):
            return view, names
    return None


def _names_in_meta_line(reading: Reading) -> tuple[BlockView, list[str]] | None:
    """A bare name among the parts of a meta line under the title ("10 سبتمبر، 2024 | سعيد
    بنعلي | 4 تعليقات"), or beside the reporter's role ("مراسل العرب اليوم - X")."""
    for view in _header(reading):
        if not _free(view, reading) or view.block.list_item:
            continue
        for credit in _NEXT_LABEL.finditer(view.text):  # "X تصميم: Y": X wrote it
            if _CREDIT.match(view.text[credit.end():]) \
                    and _bare_name(view.text[:credit.start()]):
                return view, bare_names(view.text[:credit.start()])
        if _META_SEPARATOR.search(view.text):
            parts = _META_SEPARATOR.split(view.text)
        else:
            parts = _MORE.split(view.text)
            if not any(_ROLE.match(part.strip()) for part in parts):
                continue
        for part in parts:
            if _bare_name(part.strip()) and not _ROLE.match(part.strip()):
                return view, bare_names(part)
    return None


def _kicker(view: BlockView, views: list[BlockView]) -> bool:
    """A label over a heading in the same box ("استطلاع رأي" over the poll's question): the
    box's kicker, no name."""
    following = next((v for v in views[view.index + 1:view.index + 3] if v.is_text), None)
    return following is not None and bool(following.block.heading) \
        and following.block.path[:-1] == view.block.path[:len(following.block.path) - 1]


def _bare_after_body(reading: Reading) -> BlockView | None:
    """A name standing alone right after the body, not a link (tags and "more" links are), not
    in a box whose class names furniture."""
    depth = len(reading.layout.container or ())
    views = reading.views
    for view in _after_body(reading):
        if view.generic_furniture in ("furniture:read-also", "furniture:ad-label"):
            continue  # a read-also button or an ad between the text and the signature
        if view.block.links or view.block.furniture_below(depth) & STRONG_FURNITURE \
                or reading.layout.decisions.get(view.index) == BOXED or _kicker(view, views):
            break  # a box set after the text (a document's fold, a data box) is no signature
        if _free(view, reading) and _bare(view):
            return view
        if _DATA_LINE.search(view.text) and not view.ends_sentence:
            continue  # a box of figures between the text and the signature (a rating, a count)
        break
    return None


def _names_beside_date(reading: Reading) -> tuple[BlockView, list[str]] | None:
    """Linked or bold names beside the header's date line ("سعيد بنعلي و حسام بنعلي")."""
    dates = [i for i, d in reading.layout.decisions.items() if d.role == "date"]
    header = _header(reading)
    positions = [p for p, v in enumerate(header) if v.index in dates]
    for position, view in enumerate(header):
        near = any(abs(position - p) <= DATE_DISTANCE for p in positions)
        if not near or not (view.link_text or view.block.bold) or not _free(view, reading) \
                or view.index in dates:
            continue
        names = split_names(view.text)
        if names and len(names) <= 3 and all(_bare_name(n) for n in names):
            return view, names
    return None


def _name_with_date(reading: Reading) -> tuple[BlockView, str] | None:
    """The header's date line holding a name too ("سمير التازي 07/10/2024")."""
    for view in _header(reading):
        decision = reading.layout.decisions.get(view.index)
        if decision is None or decision.role != "date":
            continue
        name = without_date(view.text)
        original = _original_words(view.text, name)
        if original and BARE_NAME_WORDS[0] <= len(original.split()) <= BARE_NAME_WORDS[1] \
                and is_name_like(original) and not NOT_NAMES & set(name.split()):
            return view, original
    return None


def _original_words(text: str, folded_name: str) -> str | None:
    """The words of ``text`` whose folded forms make ``folded_name``, as written."""
    wanted = folded_name.split()
    words = text.split()
    for start in range(len(words) - len(wanted) + 1):
        window = words[start:start + len(wanted)]
        if [fold(w) for w in window] == wanted:
            return " ".join(window)
    return None


def _bare(view: BlockView) -> bool:
    """A name alone in its block: no date, no furniture, no byline word before it, no heading
    of a section (h1 to h4: "النتيجة النهائية"), a table's caption (text right in a <table>), a
    card's label (<dt>) or a fold's (<summary>)."""
    return (view.date is None and view.network_furniture is None and not view.block.caption
            and not furniture.BULLET_GLYPH.match(view.text)  # a list's item, no name
            and not 1 <= view.block.heading <= 4
            and view.block.tag not in ("table", "dt", "summary")
            and view.generic_furniture is None and _bare_name(view.text)
            and names_in_byline(view.text) is None)


def bare_name(text: str) -> str:
    """A name standing alone without the mark or title before it ("* أ. X", a signature)."""
    return _HONORIFIC.sub("", text.strip().lstrip("*•·").strip()).strip()


def bare_names(text: str) -> list[str]:
    """The names standing alone ("X وY" is two), without their marks and titles."""
    name = bare_name(text)
    return split_names(name) or [name]


def _bare_name(text: str) -> bool:
    """A name standing alone: two to four words, none that names hold not."""
    text = bare_name(text)
    low, high = BARE_NAME_WORDS
    return (low <= len(text.split()) <= high and is_name_like(text)
            and not NOT_NAMES & set(word_key(fold(text)).split())
            and not any(network.site_of_label(w) for w in _label_tails(text)))


def _label_tails(text: str) -> list[str]:
    """The text's endings, word by word ("عبر العرب اليوم" -> "العرب اليوم", "اليوم")."""
    words = text.split()
    return [" ".join(words[i:]) for i in range(1, len(words))]


def find(reading: Reading) -> Found:
    """The authors and their source; marks the blocks that show them."""
    layout = reading.layout
    near = _header(reading) + _after_body(reading)
    found = _metadata_authors(reading)
    bylines = _bylines(reading, near)
    for views, _ in bylines:
        for view in views:
            _mark(reading, view, "author:byline")
    reposted = bool(bylines) and bool(FORUM_TYPES & set(reading.meta.json_ld_types))
    if found.value and not reposted:
        _mark_shown(reading, found.value)
        return found
    if bylines:
        names = list(dict.fromkeys(n for _, line in bylines for n in line))
        _mark_shown(reading, names)
        return Found(names, "author-line")
    if marked := _marked(reading, near):
        view, names = marked
        layout.decide(view.index, "author", "author:marked")
        return Found(names, "author-markup")
    if (ranked := _name_over_writer_rank(reading)) is not None:
        layout.decide(ranked.index, "author", "author:name-over-rank")
        return Found(bare_names(ranked.text), "author-line")
    if reading.url is not None and reading.url.kind == "opinion" \
            and (columnist := _bare_name_under_title(reading)) is not None:
        layout.decide(columnist.index, "author", "author:columnist-name")
        return Found(bare_names(columnist.text), "author-line")
    if with_date := _name_with_date(reading):
        view, name = with_date
        return Found([name], "author-line")
    if in_meta := _names_in_meta_line(reading):
        view, names = in_meta
        _mark(reading, view, "author:meta-line")
        return Found(names, "author-line")
    if beside := _names_beside_date(reading):
        view, names = beside
        layout.decide(view.index, "author", "author:name-beside-date")
        return Found(names, "author-line")
    if (bare := _bare_after_body(reading)) is not None:
        layout.decide(bare.index, "author", "author:name-after-body")
        return Found(bare_names(bare.text), "author-line")
    if (pictured := _name_under_portrait(reading)) is not None:
        layout.decide(pictured.index, "author", "author:name-under-portrait")
        return Found(bare_names(pictured.text), "author-line")
    if (boxed := _name_in_date_box(reading)) is not None:
        layout.decide(boxed.index, "author", "author:name-in-date-box")
        return Found(bare_names(boxed.text), "author-line")
    if (box := _author_box(reading)) is not None:
        view, name = box
        layout.decide(view.index, "author", "author:bio-box")
        return Found([name], "author-line")
    if (alone := _name_under_title(reading)) is not None:
        layout.decide(alone.index, "author", "author:name-under-title")
        return Found(bare_names(alone.text), "author-line")
    reporter = reading.notes.get("reporter")
    if reporter:
        return Found([reporter], "dateline")
    return NOTHING


WRITER_RANKS = frozenset(word_key(fold(w)) for w in (
    "كاتب", "كاتبة", "الكاتب", "الكاتبة", "كاتب صحفي", "كاتبة صحفية", "صحفي", "صحفية",
    "محرر", "محررة", "قلم مميز", "columnist", "writer", "journalist",
))
"""A poster's rank that says he writes (a forum's "كاتب", "قلم مميز"), under his name."""


def _name_over_writer_rank(reading: Reading) -> BlockView | None:
    """A name in the header right over a rank that says a writer (a forum post's card when the
    writer posts his own article): a member's or the staff's rank says no author."""
    header = _header(reading)
    for view, rank in pairwise(header):
        if rank.key in WRITER_RANKS and _free(view, reading) and not view.block.caption \
                and _bare_name(view.text):  # the card's name may be its heading
            return view
    return None


def _name_under_portrait(reading: Reading) -> BlockView | None:
    """Under the title, a bare name right after a picture whose alternative text is that name:
    the author's portrait and name."""
    layout = reading.layout
    if layout.start is None or layout.title is None:
        return None
    portrait = None
    for view in reading.views[layout.title + 1:layout.start]:
        if view.block.kind == "image":
            portrait = view.block.text.strip() or None
        elif view.is_text:
            if portrait and view.text.strip() == portrait and _bare(view) \
                    and _free(view, reading):
                return view
            portrait = None
    return None


def _name_in_date_box(reading: Reading) -> BlockView | None:
    """A bare name in the same box as a date line or a labelled line, under the title or after
    the body (an info box: "التفاصيل / X / التصنيف: ... / نشر في: ...")."""
    layout = reading.layout
    if layout.start is None:
        return None
    first = (layout.last if layout.last is not None else layout.start) + 1
    end = layout.stop if layout.stop is not None else len(reading.views)
    after = [v for v in reading.views[first:end] if v.is_text][:DATE_BOX_WINDOW]
    views = _header(reading) + after
    boxes = {v.block.path[:-1] for v in views if v.date is not None or _LABELLED.match(v.text)}
    previous = None
    for view in views:
        if view.block.path[:-1] in boxes and _free(view, reading) and _bare(view) \
                and not view.link_text and not _other_label(previous, view) \
                and not _kicker(view, reading.views) and not _in_a_card(view, after) \
                and view.block.tag not in ("td", "th"):  # a table's cell: data, not a byline
            return view
        previous = view
    return None


def _in_a_card(view: BlockView, after: list[BlockView]) -> bool:
    """After the text, under a heading of its own box (a book's card: its title, then its
    genre): the card's line, no byline."""
    box = (view.block.path, view.block.path[:-1])
    return any(1 <= other.block.heading <= 4 and other.index < view.index
               and other.block.path[:-1] in box for other in after)


def _other_label(label: BlockView | None, view: BlockView) -> bool:
    """The name is the value of a label that says something else ("إخراج" / X in a film's
    card, "المصدر:" / X): a term of a definition list, or a short line ending in a colon."""
    if label is None or label.block.path[:-1] != view.block.path[:-1]:
        return False
    text = label.text.strip()
    if text.endswith(":"):
        return not _BYLINE_WORD.match(text)
    return label.block.tag == "dt" and _CREDIT.match(text) is not None


def _author_box(reading: Reading) -> tuple[BlockView, str] | None:
    """After the body, a name (alone or in a byline) followed by a text that opens with that
    name: an author's box ("X" then "X writes on politics since ...")."""
    layout = reading.layout
    if layout.start is None:
        return None
    first = (layout.last if layout.last is not None else layout.start) + 1
    views = [v for v in reading.views[first:] if v.is_text][:AUTHOR_BOX_WINDOW]
    for view, following in pairwise(views):
        if not _free(view, reading) or view.block.furniture & COMMENT_WORDS:
            continue
        names = names_in_byline(view.text) or (bare_names(view.text) if _bare(view) else [])
        if len(names) == 1 and following.text.startswith(names[0]) \
                and following.words >= len(names[0].split()) + BIO_MIN_WORDS:
            return view, names[0]
    return None


def _name_under_title(reading: Reading) -> BlockView | None:
    """A bare name as the first line under the title that no other field took (print pages
    and plain templates show the author so)."""
    for view in _header(reading):
        if reading.layout.decided(view.index):
            continue
        return view if _bare(view) and not view.link_text else None
    return None


def _bare_name_under_title(reading: Reading) -> BlockView | None:
    """On an opinion page, a bare name between the title and the body, not a guest's card's
    ("بطاقة الضيف" over the interviewee's name)."""
    header = _header(reading)
    cards = {view.block.path[:-1] for view in header if CARD_WORDS & set(view.key.split())}
    for view in header:
        if not reading.layout.decided(view.index) and not view.link_text and _bare(view) \
                and view.block.path[:-1] not in cards:
            return view
    return None


CARD_WORDS = frozenset(word_key(fold(w)) for w in ("الضيف", "الضيفة", "ضيف", "بطاقة"))
"""Words of the heading over a guest's or a subject's card."""


def _mark_shown(reading: Reading, names: list[str]) -> None:
    """A name shown alone next to its byline ("X" then "بقلم - X") shows the author too."""
    wanted = set(names)
    for view in _header(reading) + _after_body(reading):
        if view.text in wanted and not reading.layout.decided(view.index):
            reading.layout.decide(view.index, "author", "author:name")
