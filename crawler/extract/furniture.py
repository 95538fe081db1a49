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
    "read more", "related",
)
"""Openings of inline "read also" lines and headings of related lists."""
AD_LABELS = _folded(
    "إعلان", "اعلان", "الإعلان", "إعلانات", "الإعلانات", "مساحة إعلانية", "مساحة اعلانية",
    "محتوى مدفوع", "محتوى ممول", "إعلان ممول", "مساحة للإعلان", "إعلان تجاري",
    "advertisement", "advertising", "sponsored", "ad", "ads",
)
SECTION_HEADINGS = _folded(
    "الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تداولا", "الأكثر تعليقا", "الأكثر شعبية",
    "الأكثر قراءة اليوم", "الأكثر متابعة", "آخر الأخبار", "أحدث الأخبار", "أخر الأخبار",
    "آخر الاخبار", "الأخبار العاجلة", "عاجل", "أخبار عاجلة", "أخبار متعلقة", "أخبار مشابهة",
    "موضوعات متعلقة", "مواضيع مشابهة", "أخبار أخرى", "المزيد من الأخبار", "في نفس السياق",
    "في السياق", "من نفس القسم", "أخبار القسم", "تابعونا", "تابعنا", "تابعنا على",
    "تابعونا على", "النشرة البريدية", "اشترك في النشرة البريدية", "اشترك", "اشترك الآن",
    "الوسوم", "وسوم", "الكلمات المفتاحية", "كلمات مفتاحية", "الكلمات الدالة", "كلمات دالة",
    "كلمات البحث", "مواضيع", "التصنيفات", "الأقسام", "تصنيفات", "تاجز", "تاغز", "الموضوعات",
    "التعليقات", "تعليقات", "أضف تعليق", "أضف تعليقك", "اترك تعليقا", "اترك تعليقاً",
    "اكتب تعليقك", "شاركنا رأيك", "لا توجد تعليقات", "تعليقات الزوار", "التعليقات على الخبر",
    "شارك", "شارك الخبر", "شارك المقال", "مشاركة", "شارك هذا المقال", "شارك على",
    "most read", "most popular", "latest news", "trending", "comments", "tags", "share",
    "newsletter", "follow us",
)
"""Headings (and whole lines) that open furniture sections."""
SHARE_WORDS = frozenset(_folded(
    "شارك", "شاركها", "مشاركة", "على", "عبر", "facebook", "twitter", "whatsapp", "telegram",
    "linkedin", "email", "print", "share", "x", "طباعة", "اطبع", "تويتر", "فيسبوك", "فيس",
    "بوك", "واتساب", "واتس", "اب", "تلغرام", "تليجرام", "لينكدإن", "أرسل", "ارسل", "لصديق",
    "إرسال", "انستغرام", "انستجرام", "يوتيوب", "instagram", "youtube", "messenger", "pinterest",
    "copy", "نسخ", "الرابط", "رابط", "مختصر",
))
_SHARE_RUN = re.compile("|".join(sorted((w for w in SHARE_WORDS if len(w) > 2),
                                        key=len, reverse=True)))
FOOTER_WORDS = _folded(
    "جميع الحقوق محفوظة", "حقوق النشر", "كل الحقوق محفوظة", "الحقوق محفوظة", "all rights reserved",
    "copyright", "سياسة الخصوصية", "شروط الاستخدام", "اتصل بنا", "من نحن", "أعلن معنا",
    "هيئة التحرير", "privacy policy", "terms of use", "contact us", "about us",
)
_COPYRIGHT = re.compile(r"©|\(c\)|®", re.IGNORECASE)
_BREADCRUMB = re.compile(r"\s[›»>/|]\s")
HOME = _folded("الرئيسية", "الصفحة الرئيسية", "home")


def _opens_with(key: str, phrases: tuple[str, ...]) -> str | None:
    for phrase in phrases:
        if key == phrase or key.startswith(phrase + " "):
            return phrase
    return None


def read_also(text: str) -> bool:
    """An inline "read also" / "see also" line or the heading of a related list."""
    key = word_key(fold(text))
    return bool(key) and len(key.split()) <= 30 and _opens_with(key, READ_ALSO) is not None


def ad_label(text: str) -> bool:
    key = word_key(fold(text))
    return bool(key) and len(key.split()) <= 4 and _opens_with(key, AD_LABELS) is not None


def section_heading(text: str) -> bool:
    """A short line that opens a furniture section (most read, latest, tags, comments, share,
    newsletter ...): the heading alone, or with two more words at most ("تابعنا على تويتر")."""
    key = word_key(fold(text))
    phrase = _opens_with(key, SECTION_HEADINGS) if key else None
    return phrase is not None and len(key.split()) <= len(phrase.split()) + 2


def share_bar(text: str) -> bool:
    """Share links, also run together without spaces ("فيسبوكتويترواتساب")."""
    if len(text) > 100:
        return False
    words = word_key(fold(text)).split()
    if not 0 < len(words) <= 10:
        return False
    return all(word in SHARE_WORDS or not _SHARE_RUN.sub("", word) for word in words)


def footer_line(text: str) -> bool:
    """Copyright, legal and contact lines."""
    if len(text) > 200:
        return False
    key = word_key(fold(text))
    return bool(_COPYRIGHT.search(text)) or any(phrase in key for phrase in FOOTER_WORDS)


def breadcrumb(text: str) -> bool:
    """"الرئيسية › أخبار › سياسة": the home link followed by section names."""
    if len(text) > 160 or not _BREADCRUMB.search(f" {text} "):
        return False
    first = word_key(fold(re.split(r"[›»>/|]", text, maxsplit=1)[0]))
    return first in HOME
