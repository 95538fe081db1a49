"""Page furniture of Arabic news sites in general, recognised by its words and its shape.

Beside the network's own strings (crawler.extract.network), news pages carry the same kinds of
furniture everywhere: "read also" links and ads between paragraphs, share bars, tag boxes,
related / most-read / latest lists with dates, comment sections, newsletter boxes, breadcrumbs,
copyright lines. These predicates name them by their words (folded, so spelling variants match)
and by their shape (short, mostly link text); they never look at class names, which the layout
analysis weighs separately.
"""

from __future__ import annotations

import re

from crawler.text import fold, word_key


def _folded(*phrases: str) -> tuple[str, ...]:
    return tuple(word_key(fold(p)) for p in phrases)


READ_ALSO = _folded(
    "اقرأ أيضا", "اقرأ ايضا", "اقرأ أيضاً", "إقرأ أيضا", "اقرا ايضا", "اقرأ المزيد", "اقرأ كذلك",
    "اقرأ أيضًا", "شاهد أيضا", "شاهد ايضا", "شاهد أيضاً", "طالع أيضا", "طالع ايضا", "انظر أيضا",
    "اقرأ ايضاً", "للمزيد اقرأ", "ذات صلة", "مواضيع ذات صلة", "أخبار ذات صلة", "مقالات ذات صلة",
    "قد يهمك", "قد يهمك أيضا", "يهمك أيضا", "يهمك ايضا", "قد يعجبك", "قد يعجبك أيضا",
    "اخترنا لك", "اخترنا لكم", "تابع أيضا", "تابع ايضا",
    "لا تفوتك", "لا يفوتك", "ننصحك بقراءة", "see also", "read also",
    "read more", "related", "فيديو", "بالفيديو", "شاهد الفيديو", "شاهد بالفيديو", "watch",
)
"""Openings of inline "read also" lines and headings of related lists."""
AD_LABELS = _folded(
    "إعلان", "اعلان", "الإعلان", "إعلانات", "الإعلانات", "مساحة إعلانية", "مساحة اعلانية",
    "محتوى مدفوع", "محتوى ممول", "محتوى مدعوم", "إعلان ممول", "مساحة للإعلان", "إعلان تجاري",
    "محتوى إعلاني", "مادة إعلانية", "إعلان مدفوع", "محتوى برعاية",
    "advertisement", "advertising", "sponsored", "ad", "ads",
)
SECTION_HEADINGS = _folded(
    "الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تداولا", "الأكثر تعليقا", "الأكثر شعبية",
    "الأكثر قراءة اليوم", "الأكثر متابعة", "آخر الأخبار", "أحدث الأخبار", "أخر الأخبار",
    "آخر الاخبار", "الأخبار العاجلة", "عاجل", "أخبار عاجلة", "أخبار متعلقة", "أخبار مشابهة",
    "موضوعات متعلقة", "مواضيع مشابهة", "أخبار أخرى", "المزيد من الأخبار", "في نفس السياق",
    "في السياق", "من نفس القسم", "أخبار القسم", "تابعونا", "تابعنا", "تابعنا على",
    "تابعونا على",
    "الوسوم", "وسوم", "الكلمات المفتاحية", "كلمات مفتاحية", "الكلمات الدالة", "كلمات دالة",
    "كلمات البحث", "مواضيع", "التصنيفات", "الأقسام", "تصنيفات", "تاجز", "تاغز", "الموضوعات",
    "التعليقات", "تعليقات", "أضف تعليق", "أضف تعليقك", "اترك تعليقا", "اترك تعليقاً",
    "اكتب تعليقك", "شاركنا رأيك", "لا توجد تعليقات", "تعليقات الزوار", "التعليقات على الخبر",
    "المصادر", "مصادر", "المراجع", "مراجع", "وصلات خارجية", "روابط خارجية",
    "most read", "most popular", "latest news", "trending", "comments", "tags", "sources",
    "references", "newsletter", "follow us",
    "ملاحظات للمحررين", "ملاحظة للمحررين", "نبذة عن", "حول الوزارة", "عن الوزارة", "حول الهيئة",
    "عن الهيئة", "notes to editors",
    "سجل التحديثات", "سجل التعديلات", "تاريخ التعديلات", "تاريخ التحديثات", "revision history",
    "سجل تحديثات", "سجل تعديلات", "تاريخ تعديلات", "تاريخ تحديثات",
    "عن الفعالية", "تعريف بالفعالية", "عن المهرجان", "عن المعرض", "عن الجهة المنظمة",
    "عن المنظمين", "عن الشركة", "نبذة عن الشركة", "about the event",
    "الدراسة في سطور", "بطاقة الدراسة", "عن الدراسة", "تفاصيل الدراسة", "بيانات الدراسة",
    "قائمة المعينين",
)
"""Headings (and whole lines) that open furniture sections."""
SHARE_WORDS = frozenset(_folded(
    "شارك", "شاركها", "مشاركة", "على", "عبر", "facebook", "twitter", "whatsapp", "telegram",
    "linkedin", "email", "print", "share", "x", "طباعة", "اطبع", "تويتر", "فيسبوك", "فيس",
    "بوك", "واتساب", "واتس", "اب", "تلغرام", "تليجرام", "لينكدإن", "أرسل", "ارسل", "لصديق",
    "إرسال", "انستغرام", "انستجرام", "يوتيوب", "instagram", "youtube", "messenger", "pinterest",
    "copy", "نسخ", "الرابط", "رابط", "مختصر", "تيليجرام", "تلجرام", "تيلجرام", "البريد",
    "الإلكتروني", "بريد", "إكس", "اكس", "تيك", "توك", "سناب", "شات", "ريديت", "reddit",
))
_SHARE_RUN = re.compile("|".join(sorted((w for w in SHARE_WORDS if len(w) > 2),
                                        key=len, reverse=True)))
AUTHOR_BOX_HEADINGS = frozenset(_folded(
    "الكاتب", "الكاتبة", "عن الكاتب", "عن الكاتبة", "نبذة عن الكاتب", "نبذة عن الكاتبة",
    "عن المؤلف", "عن المحرر", "about the author", "about the writer",
))
"""Headings of the box that presents the author after an article (exactly these words)."""
NEWSLETTER_WORDS = _folded(
    "بريدك الإلكتروني", "بريدك الالكتروني", "النشرة البريدية", "النشرة الإخبارية",
    "نشرتنا", "اشترك الآن", "اشترك مجانا", "سجل الآن", "your inbox", "subscribe",
    "sign up", "newsletter", "اشترك ليصلك", "اشترك لتصلك", "اشترك لتحصل", "اشترك للحصول",
    "سجل ليصلك", "سجل لتصلك",
)
"""Words of a newsletter or subscription pitch ("get the news in your inbox, subscribe")."""
_NEWSLETTER_RUN = re.compile("|".join(re.escape(f" {phrase} ") for phrase in NEWSLETTER_WORDS))
_SUBSCRIBE_BUTTONS = frozenset(_folded("اشترك", "اشتراك", "سجل", "subscribe"))
"""A subscribe button's whole text ("اشترك" alone; in a sentence it also means "took part")."""
FOOTER_WORDS = _folded(
    "جميع الحقوق محفوظة", "حقوق النشر", "كل الحقوق محفوظة", "الحقوق محفوظة", "all rights reserved",
    "copyright", "سياسة الخصوصية", "شروط الاستخدام", "اتصل بنا", "من نحن", "أعلن معنا",
    "هيئة التحرير", "privacy policy", "terms of use", "contact us", "about us",
    "هذا الخبر مؤرشف", "هذه الصفحة مؤرشفة",
)
_FOOTER_RUN = re.compile("|".join(re.escape(phrase) for phrase in FOOTER_WORDS))
_RETRIEVED = re.compile(r"^\s*(?:مأخوذة من|مستخرجة من|retrieved from)\s*[«\"“(]?\s*https?://",
                        re.IGNORECASE)
"""A wiki page's "retrieved from «URL»" line."""
_COPYRIGHT = re.compile(r"©|\(c\)|®", re.IGNORECASE)
_BREADCRUMB = re.compile(r"\s[›»>/|]\s")
HOME = _folded("الرئيسية", "الصفحة الرئيسية", "home")


_OPENINGS: dict[int, dict[str, tuple[str, ...]]] = {}
"""Per phrase list: its phrases by their first word (the lists are module constants)."""


def _opens_with(key: str, phrases: tuple[str, ...]) -> str | None:
    """The longest of ``phrases`` the key opens with, word for word."""
    index = _OPENINGS.get(id(phrases))
    if index is None:
        grouped: dict[str, list[str]] = {}
        for phrase in sorted(phrases, key=len, reverse=True):
            grouped.setdefault(phrase.split(" ", 1)[0], []).append(phrase)
        index = _OPENINGS[id(phrases)] = {w: tuple(group) for w, group in grouped.items()}
    for phrase in index.get(key.split(" ", 1)[0], ()):
        if key == phrase or key.startswith(phrase + " "):
            return phrase
    return None


def key_of(text: str) -> str:
    """The comparison key the predicates below read (BlockView.key computes it once)."""
    return word_key(fold(text))


_MORE_LINK = re.compile(r"^\s*(?:المزيد|للمزيد|more)\s*[:：]", re.IGNORECASE)
"""A teaser of another page labelled "more" ("المزيد: ..."); "المزيد من" opens sentences."""


def read_also(text: str, key: str | None = None) -> bool:
    """An inline "read also" / "see also" line or the heading of a related list."""
    key = key_of(text) if key is None else key
    return bool(key) and len(key.split()) <= 30 and (
        _opens_with(key, READ_ALSO) is not None or bool(_MORE_LINK.match(text)))


def ad_label(text: str, key: str | None = None) -> bool:
    key = key_of(text) if key is None else key
    return bool(key) and len(key.split()) <= 4 and _opens_with(key, AD_LABELS) is not None


_TRAILING_CREDIT = re.compile(r"\s*[(\[]?\s*(?:تصوير|عدسة|الصورة|photo|credit)\s*[:：\-–—ـ]\s*"
                              r"[^.!?؟:：]{1,40}?[)\]]?\s*$", re.IGNORECASE)
"""A photographer's credit closing a caption ("... في الرباط. تصوير: X")."""


_COUNTER = re.compile(r"^\s*(?:(?:الصورة|صورة|الشريحة|photo|slide|image)\s*)?"
                      r"\d{1,3}\s*(?:/|من|of)\s*\d{1,3}\s*$", re.IGNORECASE)


_KEY_FIGURE = re.compile(r"^\s*[+\-−]?(?P<figure>\d(?:[\d.,٫٬]*\d)?)\s*(?P<unit>%|٪)?\s*"
                         r"(?P<scale>مليار|مليون|ألف)?\s*[\u0621-\u064a]")
KEY_FIGURE_WORDS = 6


def key_figure(text: str) -> bool:
    """A figure over its label ("13% عدد المستفيدين", "9.4 مليار حجم الاستثمارات"): a box of
    key figures, not a line of the text."""
    match = _KEY_FIGURE.match(text)
    if match is None or not (len(match["figure"]) > 1 or match["unit"] or match["scale"]):
        return False
    return len(text.split()) <= KEY_FIGURE_WORDS \
        and not text.rstrip().endswith((".", "!", "؟", "?", "…", ":"))


JUMP_LINES = _folded("يتبع", "تابع", "تتمة", "التتمة", "البقية", "البقية في العمود المجاور",
                     "البقية في الصفحة التالية", "continued", "continued on")
"""A newspaper's jump lines between the columns or pages of one article."""


def jump_line(text: str, key: str | None = None) -> bool:
    """"(يتبع)", "تتمة", "(البقية في العمود المجاور)": where the text goes on, not a word of it."""
    key = key if key is not None else key_of(text)
    return bool(key) and key in JUMP_LINES


_SOURCE_LINE = re.compile(r"^\s*(?:المصدر|المصادر)\s*[:：]")
SOURCE_LINE_WORDS = 10


def source_line(text: str) -> bool:
    """"المصدر: الهيئة العليا للانتخابات": the credit of the figures or of the text, after it."""
    return bool(_SOURCE_LINE.match(text)) and len(text.split()) <= SOURCE_LINE_WORDS \
        and not text.rstrip().endswith(".")


def counter(text: str) -> bool:
    """An album's or a slider's counter ("3 / 8", "الصورة 3 من 8")."""
    return bool(_COUNTER.match(text))


_CLOSING_MARK = (r"(?://\s*انتهى\s*//|\(\s*(?:النهاية|انتهى)\s*\)|--\s*\([^()]{1,15}\)"
                 r"|-\s*انتهى\s*-)")
_CLOSING_TAIL = re.compile(rf"\s*{_CLOSING_MARK}.{{0,24}}$")
_CLOSING_LINE = re.compile(rf"^\s*{_CLOSING_MARK}.{{0,24}}$")


def closing_mark(text: str) -> bool:
    """A news agency's end of a wire ("//انتهى//", "(النهاية) ع.أ", "--(و.أ.ع)")."""
    return bool(_CLOSING_LINE.match(text))


def without_closing_mark(text: str) -> str:
    """The last paragraph without the agency's end-of-wire mark run on after it."""
    return _CLOSING_TAIL.sub("", text)


def without_credit(text: str) -> str:
    """The text without a photographer's credit at its end."""
    return _TRAILING_CREDIT.sub("", text)


_EDIT_LINK = re.compile(r"\[\s*(?:عدل|تعديل|تحرير|edit)[^\]]*\]\s*$", re.IGNORECASE)
"""A wiki heading's "[عدل]" link."""


def without_edit_link(text: str) -> str:
    """A heading's text without its wiki "[عدل]" link."""
    return _EDIT_LINK.sub("", text).rstrip()


def section_heading(text: str, key: str | None = None) -> bool:
    """A short line that opens a furniture section (most read, latest, tags, comments, sources,
    newsletter ...): the heading alone, or with two more words at most ("تابعنا على تويتر")."""
    if key is None or text.endswith("]"):
        key = key_of(_EDIT_LINK.sub("", text))
    phrase = _opens_with(key, SECTION_HEADINGS) if key else None
    return phrase is not None and len(key.split()) <= len(phrase.split()) + 2


TEXT_LABELS = _folded(
    "النص الكامل", "نص التقرير", "نص الحلقة", "نص المقابلة", "نص الفيديو", "تفريغ نصي",
    "تفريغ نصي للفيديو", "التفريغ النصي", "نص الخبر", "transcript", "full transcript",
    "السؤال", "الإجابة", "الجواب", "جواب الخبير", "رد الخبير", "سؤال القارئ", "نص السؤال",
    "رد المستشار", "جواب المستشار", "إجابة الخبير", "إجابة المستشار", "رد الطبيب", "الرد",
    "ملخص الحلقة", "عن هذه الحلقة", "في هذه الحلقة", "عن الحلقة", "ملخص", "الملخص",
)
"""Headings that name the text under them (a video's transcript): a label, not its words."""


def text_label(text: str, key: str | None = None) -> bool:
    """A heading that only names the text under it ("النص الكامل")."""
    key = key if key is not None else key_of(text)
    return bool(key) and key.rstrip(" :") in TEXT_LABELS


SHARE_HEADINGS = _folded(
    "شارك", "شارك الخبر", "شارك المقال", "مشاركة", "شارك هذا المقال", "شارك على", "share",
    "انشر", "انشر الخبر", "انشر المقال",
)
"""Headings of share bars: furniture, but a share bar may stand anywhere, so none ends the
article."""


def share_bar(text: str, key: str | None = None) -> bool:
    """Share links, also run together without spaces ("فيسبوكتويترواتساب"), or a share bar's
    heading with two more words at most ("شارك العرب اليوم")."""
    if len(text) > 100:
        return False
    key = key_of(text) if key is None else key
    phrase = _opens_with(key, SHARE_HEADINGS) if key else None
    if phrase is not None and len(key.split()) <= len(phrase.split()) + 2:
        return True
    words = key.split()
    if not 0 < len(words) <= 10:
        return False
    return all(word in SHARE_WORDS or not _SHARE_RUN.sub("", word) for word in words)


_MEDIA_LABEL = re.compile(r"^\s*(?:[(\[]\s*(?:فيديو|بالفيديو|صور|بالصور|video)\s*[)\]]"
                          r"|(?:فيديو|بالفيديو|بالصور|video)\s*[:|]"
                          r"|شاهد\s+(?:ملخص|أهداف|اهداف|فيديو|الفيديو|بالفيديو|لقطات|لحظة)\s)",
                          re.IGNORECASE)


def media_teaser(text: str) -> bool:
    """A headline labelled as a video or photo piece ("(فيديو) ..."): a teaser of another
    page, not a line of the article."""
    return bool(_MEDIA_LABEL.match(text)) and len(text.split()) <= 30 \
        and not text.rstrip().endswith((".", "؟", "!"))


LIVE_CONTROLS = _folded(
    "تحديث تلقائي", "التحديث التلقائي", "إيقاف التحديث", "تشغيل التحديث", "الأحدث أولا",
    "الأقدم أولا", "auto refresh", "auto-update", "newest first", "oldest first",
)
"""The buttons of a live page (whole lines)."""
SIGN_OFFS = _folded(
    "نختتم هنا تغطيتنا", "نختتم تغطيتنا", "بهذا نختتم", "انتهت التغطية المباشرة",
    "انتهت تغطيتنا", "this concludes our live coverage", "that's all from us",
)
"""Openings of a live page's closing line."""
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:ص|م|am|pm|AM|PM|GMT|بتوقيت \S+)?")
_TIMESTAMP_WORDS = frozenset(_folded(
    "عاجل", "تحديث", "محدث", "آخر", "اخر", "منذ", "الآن", "الان", "updated", "update",
    "breaking", "new", "جديد",
))


def live_control(text: str, key: str | None = None) -> bool:
    key = key_of(text) if key is None else key
    return key in LIVE_CONTROLS


def sign_off(text: str, key: str | None = None) -> bool:
    """A live page's closing line ("نختتم هنا تغطيتنا المباشرة ...")."""
    key = key_of(text) if key is None else key
    return len(key.split()) <= 40 and _opens_with(key, SIGN_OFFS) is not None


def timestamp(text: str) -> bool:
    """A time of day alone on its line, with a badge at most ("02:47 ص عاجل:", "تحديث 07:20
    م"): an update's stamp, not its text."""
    if len(text) > 40 or not _CLOCK.search(text):
        return False
    rest = word_key(fold(_CLOCK.sub(" ", text))).split()
    return all(word in _TIMESTAMP_WORDS for word in rest)


CREDIT_LABELS = _folded(
    "تقديم", "يقدمها", "يقدمه", "مقدم البرنامج", "مقدمة البرنامج", "المقدم", "المقدمة",
    "ضيف الحلقة", "ضيفة الحلقة", "ضيوف الحلقة", "الضيف", "الضيفة", "الضيوف", "ضيوف البرنامج",
    "إخراج", "الإخراج", "مونتاج", "هندسة الصوت", "هندسة صوتية", "host", "hosted by", "guest",
    "guests", "produced by",
)
"""Labels of a broadcast's credits (host, guests, director): the programme's people, not the
article's writers."""
CREDITS_WORDS = 30
_INNER_CREDITS = "|".join(re.escape(fold(label)) for label in (
    "تقديم", "يقدمها", "يقدمه", "ضيف الحلقة", "ضيفة الحلقة", "ضيوف الحلقة", "ضيوف البرنامج",
    "إخراج"))
_CREDIT_INSIDE = re.compile(rf"(?:^|\s)(?:{_INNER_CREDITS})\s*[:：]")


def credits_line(text: str, key: str | None = None) -> bool:
    """"تقديم: X ضيف الحلقة: Y (باحث)": a line of a broadcast's credits."""
    if ":" not in text and "：" not in text:
        return False
    key = key_of(text) if key is None else key
    if len(key.split()) > CREDITS_WORDS:
        return False
    if _opens_with(key, CREDIT_LABELS) is not None and text.split(":", 1)[0].count(" ") < 3:
        return True
    # a meta row run together: "ملخص الحلقة بقلم: X تقديم: Y ضيف الحلقة: Z"
    return text.count(":") >= 2 and not text.rstrip().endswith((".", "؟", "!")) \
        and _CREDIT_INSIDE.search(fold(text)) is not None


PLAYER_WORDS = frozenset(_folded(
    "استمع", "استماع", "إلى", "الى", "الحلقة", "حلقة", "تحميل", "تنزيل", "الملف", "الصوتي",
    "الصوت", "سرعة", "السرعة", "التشغيل", "تشغيل", "إيقاف", "ايقاف", "مؤقت", "دقيقة", "دقائق",
    "ثانية", "ساعة", "المدة", "مدة", "play", "pause", "download", "speed", "min", "mins",
    "listen", "episode", "mp3",
))
_PLAYER_MARK = re.compile(r"^(?:\d+(?:[:.]\d+)*|[\d.]+x|x[\d.]+)$")


def player_controls(text: str, key: str | None = None) -> bool:
    """An audio or video player's controls and duration ("01:04:16 تحميل الحلقة سرعة التشغيل
    1x"): what the page's player shows, no words of the text."""
    if len(text) > 100 or text.rstrip().endswith((".", "؟", "!")):
        return False
    words = (key_of(text) if key is None else key).split()
    controls = [word for word in words if word in PLAYER_WORDS]
    return len(words) >= 2 and len(controls) >= 2 and all(
        word in PLAYER_WORDS or _PLAYER_MARK.match(word) for word in words)


PAGER_WORDS = frozenset(_folded(
    "السابق", "السابقة", "التالي", "التالية", "الأولى", "الأخيرة", "الصفحة", "صفحة", "من",
    "previous", "next", "prev", "first", "last", "page", "of",
))
_PAGE_NUMBER = re.compile(r"^[\d\u0660-\u0669]{1,3}$")
_ANY_DIGIT = re.compile(r"\d")
"""A pager has page numbers: a line without a digit is none (checked first, on every line)."""


def pager(text: str, key: str | None = None) -> bool:
    """A pager's links and position ("« السابق 1 2 3 التالي » الصفحة 2 من 3"): no words of
    the text."""
    if len(text) > 120 or not _ANY_DIGIT.search(text):
        return False
    words = (key_of(text) if key is None else key).split()
    return any(_PAGE_NUMBER.match(word) for word in words) \
        and any(word in PAGER_WORDS for word in words) \
        and all(word in PAGER_WORDS or _PAGE_NUMBER.match(word) for word in words)


_DISCLAIMER = re.compile(r"(?:لا|ولا) (?:تعبر|يعبر) بالضرورة عن|(?:تعبر|يعبر) عن (?:(?:آراء|رأي) )?"
                         r"(?:كتابها|كاتبها|أصحابها|صاحبها)|في إطار شراكة تجارية|محتوى مدفوع من"
                         r"|(?:هذا|هذه) (?:المحتوى|المادة) (?:مقدم|مقدمة|ممول|ممولة) من")
DISCLAIMER_WORDS = 40


def disclaimer(text: str) -> bool:
    """A publisher's disclaimer or a sponsorship disclosure ("... لا تعبر بالضرورة عن رأي
    الموقع", "تنشر هذه المادة في إطار شراكة تجارية مع X"): the site's words about the text."""
    return len(text.split()) <= DISCLAIMER_WORDS and bool(_DISCLAIMER.search(text))


_EDITOR_NOTE = re.compile(r"^\s*(?:ملاحظة المحرر|ملاحظة من المحرر|ملاحظة التحرير|ملاحظة المحررين"
                          r"|تنويه|تصحيح|توضيح|استدراك|editor'?s note|correction)\s*[:：]",
                          re.IGNORECASE)


def editor_note(text: str) -> bool:
    """The desk's note on the text ("ملاحظة المحرر: ...", "تصحيح: ورد في نسخة سابقة ..."):
    about the article, not of it."""
    return bool(_EDITOR_NOTE.match(text))


_POST_MARK = re.compile(r"^\s*(?:منقول(?:\s+(?:للفائدة|مع التحية|للأمانة|بتصرف))?\s*[.!]?"
                        r"|(?:آخر تعديل|اخر تعديل|تم التعديل|تم تعديل|عدل|last edited)"
                        r"\s+(?:بواسطة|من قبل|by)\s.{0,60}|[_\-=~*]{5,})\s*$", re.IGNORECASE)


def post_mark(text: str) -> bool:
    """A forum post's marks around its text: a repost's "منقول للفائدة", the edit note ("آخر
    تعديل بواسطة X؛ منذ 3 أشهر"), the line of underscores over the poster's signature."""
    return bool(_POST_MARK.match(text))


_SIGNATURE_RULE = re.compile(r"^\s*_{5,}\s*$")


def signature_rule(text: str) -> bool:
    """The line of underscores over a poster's signature: the text ends above it."""
    return bool(_SIGNATURE_RULE.match(text))


_FEEDBACK = re.compile(r"^\s*(?:هل (?:كان|كانت|وجدت)\s.{0,40}مفيد|was this (?:\w+ )?helpful)",
                       re.IGNORECASE)
FEEDBACK_WORDS = 10


def feedback_prompt(text: str) -> bool:
    """A page's question to its reader about the text ("هل كانت هذه الإجابة مفيدة؟")."""
    return len(text.split()) <= FEEDBACK_WORDS and bool(_FEEDBACK.match(text))


_ISSUE_NUMBER = re.compile(r"^\s*(?:العدد|عدد|الإصدار|issue|no\.?)\s*(?:رقم)?\s*[:：]?\s*"
                           r"[\d\u0660-\u0669]{1,6}\s*$", re.IGNORECASE)


def issue_number(text: str) -> bool:
    """A newspaper's issue number under its name ("العدد 9811"): the paper's, not the text's."""
    return bool(_ISSUE_NUMBER.match(text))


def author_box_heading(text: str, key: str | None = None) -> bool:
    return (key_of(text) if key is None else key) in AUTHOR_BOX_HEADINGS


def newsletter(text: str, key: str | None = None) -> bool:
    """A short newsletter or subscription pitch."""
    key = key_of(text) if key is None else key
    if key in _SUBSCRIBE_BUTTONS:
        return True
    if len(key.split()) > 20:
        return False
    return _NEWSLETTER_RUN.search(f" {key} ") is not None


def footer_line(text: str, key: str | None = None) -> bool:
    """Copyright, legal and contact lines."""
    if len(text) > 200:
        return False
    key = key_of(text) if key is None else key
    return bool(_COPYRIGHT.search(text) or _RETRIEVED.match(text) or _FOOTER_RUN.search(key))


def breadcrumb(text: str) -> bool:
    """"الرئيسية › أخبار › سياسة": the home link followed by section names."""
    if len(text) > 160 or not _BREADCRUMB.search(f" {text} "):
        return False
    first = word_key(fold(re.split(r"[›»>/|]", text, maxsplit=1)[0]))
    return first in HOME


BULLET_GLYPH = re.compile(r"^\s*[•●▪◦■◆▸►]\s*(?=\S)")
"""A list's bullet printed as text before its item ("<span>•</span>النص"): a mark, not text."""
