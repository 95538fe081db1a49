"""Synthetic Arabic text: headlines, names, captions and news paragraphs.

Every word here is written for the simulator (no text from the live sites or the seed). The
generators take a ``random.Random`` so that callers control determinism; the output only has to
look like the network's prose closely enough to exercise extraction: Arabic script, quotes in
«...» and "...", and the reporting verbs قال، أكد، أشار، أضاف.
"""

from __future__ import annotations

import random
from datetime import datetime

ACTORS: tuple[str, ...] = (
    "وزير الخارجية", "رئيس الحكومة", "وزير الاقتصاد", "البنك المركزي", "وزارة الصحة",
    "المنتخب الوطني", "مجلس النواب", "وزير التعليم", "هيئة الطيران المدني", "غرفة التجارة",
    "اتحاد الكرة", "وزيرة الثقافة", "نقابة الصحفيين", "وزارة الزراعة", "مكتب الإحصاء",
    "الشركة الوطنية للنقل", "المجلس البلدي", "وزير الطاقة", "جامعة الدول العربية", "النادي الأهلي",
)
FEMININE_ACTORS: frozenset[str] = frozenset(
    a for a in ACTORS if a.split()[0].endswith("ة"))
"""Actors whose verbs take the feminine form (وزارة، هيئة، غرفة ...)."""
ACTIONS: tuple[str, ...] = (
    "يبحث", "يعلن", "يطلق", "يناقش", "يستعرض", "يدرس", "يوقع", "يرفض", "يدعم", "يراجع",
    "يقر", "يفتتح", "يؤجل", "يستضيف", "يتابع",
)
OBJECTS: tuple[str, ...] = (
    "خطة جديدة لدعم الصادرات", "اتفاقية للتعاون الفني", "مشروع قانون الاستثمار",
    "برنامجا لتأهيل الشباب", "موازنة العام المقبل", "حملة وطنية للتلقيح", "مهرجانا للكتاب",
    "مبادرة لترشيد المياه", "خطة لتطوير الموانئ", "إصلاحات في قطاع التعليم",
    "معرضا للصناعات التقليدية", "مباراة ودية استعدادا للبطولة", "تقريرا عن أسعار الغذاء",
    "شبكة جديدة للنقل العام", "منصة رقمية للخدمات", "مشروعا للطاقة الشمسية",
    "ملف الهجرة غير النظامية", "قمة اقتصادية إقليمية", "برنامج دعم الفلاحين",
    "مسابقة للمواهب الشابة",
)
PLACES: tuple[str, ...] = (
    "في الرباط", "في القاهرة", "في عمان", "في الدار البيضاء", "في دبي", "في بيروت",
    "في تونس", "في الجزائر", "في رام الله", "في مسقط", "في الرياض", "في طنجة", "في مراكش",
    "خلال الأسبوع الجاري", "قبل نهاية العام", "بحضور خبراء دوليين", "وسط ترقب واسع",
)
CITIES: tuple[str, ...] = (
    "واشنطن", "الرباط", "دبي", "الدار البيضاء", "القدس المحتلة", "القاهرة", "بيروت",
    "عمان", "غزة", "مراكش", "طنجة", "باريس", "لندن", "الرياض", "تونس",
)
FIRST_NAMES: tuple[str, ...] = (
    "سمير", "ليلى", "كريم", "نادية", "يوسف", "هدى", "مراد", "سلمى", "طارق", "رانيا",
    "عادل", "منى", "حسام", "دينا", "وليد", "سناء", "عمر", "فاطمة", "بلال", "نسرين",
)
FAMILY_NAMES: tuple[str, ...] = (
    "الحداد", "بنعلي", "الخطيب", "العلوي", "منصور", "الشامي", "التازي", "عبد الرحيم",
    "السعدي", "الفاسي", "حمدان", "القاسمي", "النجار", "بوزيد", "الأيوبي", "زيدان",
)
SUBJECTS: tuple[str, ...] = (
    "الحكومة", "الشركات الصغيرة", "الأسواق المحلية", "المؤسسات التعليمية", "الفرق المشاركة",
    "السلطات المحلية", "المستشفيات العمومية", "البلديات", "الوزارة", "الجامعات", "الإدارة",
    "المصانع المحلية", "الموانئ الوطنية", "الجمعيات الأهلية",
)
"""Feminine or non-human plural subjects: they all take the feminine verbs below."""
PRESENT_VERBS: tuple[str, ...] = (
    "تحتاج إلى", "تعمل على", "تسعى إلى", "تواجه", "تستفيد من", "تراهن على", "تنتظر",
    "تتابع", "تدعو إلى", "تركز على",
)
NOUN_PHRASES: tuple[str, ...] = (
    "تمويل إضافي خلال المرحلة المقبلة", "تحسين جودة الخدمات", "تحديات كبيرة في التنفيذ",
    "شراكات جديدة مع الدول المجاورة", "نتائج ملموسة قبل الصيف", "تبسيط الإجراءات الإدارية",
    "خلق فرص عمل للشباب", "حماية القدرة الشرائية", "رفع الإنتاج المحلي",
    "تعزيز الشفافية في الصفقات", "تطوير البنية التحتية", "استقرار الأسعار",
    "مراجعة شاملة للقوانين", "تكوين الكفاءات الوطنية",
)
TIME_PHRASES: tuple[str, ...] = (
    "يوم الأربعاء", "مساء الخميس", "صباح السبت", "الأسبوع الماضي", "في وقت سابق",
    "أمس الاثنين", "خلال لقاء صحفي", "في بيان رسمي",
)
CAPTION_SCENES: tuple[str, ...] = (
    "خلال مؤتمر صحفي", "أثناء زيارة ميدانية", "في اجتماع سابق", "لدى وصوله إلى المطار",
    "خلال افتتاح المعرض", "في صورة أرشيفية",
)
TAG_WORDS: tuple[str, ...] = (
    "اقتصاد", "سياسة", "رياضة", "صحة", "تعليم", "ثقافة", "طاقة", "زراعة", "نقل", "استثمار",
    "شباب", "سياحة", "مياه", "تكنولوجيا",
)

WEEKDAYS: tuple[str, ...] = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
                             "الأحد")
"""Arabic weekday names, indexed like ``datetime.weekday()``."""
MONTHS: tuple[str, ...] = (
    "كانون الثاني / يناير", "شباط / فبراير", "آذار / مارس", "نيسان / أبريل", "أيار / مايو",
    "حزيران / يونيو", "تموز / يوليو", "آب / أغسطس", "أيلول / سبتمبر",
    "تشرين الأول / أكتوبر", "تشرين الثاني / نوفمبر", "كانون الأول / ديسمبر",
)
"""Paired Levantine / Gregorian month names as the network prints them."""

_EASTERN_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def eastern_digits(text: str) -> str:
    """``text`` with ASCII digits replaced by Eastern Arabic digits."""
    return text.translate(_EASTERN_DIGITS)


def _verb_for(actor: str, verb: str) -> str:
    """Present-tense verb agreeing with ``actor`` (يبحث -> تبحث for feminine actors)."""
    return "ت" + verb[1:] if actor in FEMININE_ACTORS and verb.startswith("ي") else verb


def _past_for(actor: str, verb: str) -> str:
    """Past-tense verb agreeing with ``actor`` (أكد -> أكدت)."""
    return verb + "ت" if actor in FEMININE_ACTORS else verb


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(FAMILY_NAMES)}"


def headline(rng: random.Random) -> str:
    """A plain headline without punctuation (it is also the URL slug source)."""
    actor = rng.choice(ACTORS)
    return (f"{actor} {_verb_for(actor, rng.choice(ACTIONS))} {rng.choice(OBJECTS)} "
            f"{rng.choice(PLACES)}")


def display_title(rng: random.Random, title: str) -> str:
    """The display form of a title: the same words with some punctuation."""
    form = rng.randrange(4)
    if form == 0:
        return f"{title}!"
    if form == 1:
        return f"{title}؟"
    if form == 2:
        return f"«{title}»"
    return f"{title}..."


def slugify(title: str) -> str:
    """The CMS slug: spaces become '-', question and exclamation marks are dropped."""
    kept = "".join(ch for ch in title if ch not in "?!؟")
    return "-".join(kept.split())


def caption(rng: random.Random) -> str:
    return f"{person_name(rng)}، {rng.choice(ACTORS)} {rng.choice(CAPTION_SCENES)}"


def tags(rng: random.Random) -> list[str]:
    return rng.sample(TAG_WORDS, rng.randint(2, 4))


def _clause(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(PRESENT_VERBS)} {rng.choice(NOUN_PHRASES)}"


def _sentence(rng: random.Random) -> str:
    speaker = rng.choice(ACTORS)
    form = rng.randrange(6)
    adding = "مضيفة" if speaker in FEMININE_ACTORS else "مضيفا"
    if form == 0:
        return (f"{_past_for(speaker, 'أكد')} {speaker} {rng.choice(TIME_PHRASES)} أن "
                f"{_clause(rng)}.")
    if form == 1:
        return f'و{_past_for(speaker, "قال")} {speaker}: "إن {_clause(rng)}، ولن نتراجع عن ذلك".'
    if form == 2:
        return (f"و{_past_for(speaker, 'أشار')} {speaker} إلى أن {_clause(rng)}، {adding} أن "
                f"«{_clause(rng)}».")
    if form == 3:
        return f"وأضاف المصدر أن {_clause(rng)} {rng.choice(PLACES)}."
    if form == 4:
        return f"ويرى مراقبون أن {_clause(rng)}، بينما {_clause(rng)}."
    return f"وتأتي هذه الخطوة {rng.choice(PLACES)} في وقت {_clause(rng)}."


def paragraph(rng: random.Random) -> str:
    """One body paragraph of two to four sentences."""
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))


def paragraphs(rng: random.Random, low: int = 3, high: int = 8) -> list[str]:
    return [paragraph(rng) for _ in range(rng.randint(low, high))]


def related_date(moment: datetime, eastern: bool = False) -> str:
    """The network's related-story date: ``GMT 09:46 2024 الخميس ,21 تشرين الثاني / نوفمبر``."""
    text = (f"GMT {moment:%H:%M} {moment.year} {WEEKDAYS[moment.weekday()]} ,{moment.day} "
            f"{MONTHS[moment.month - 1]}")
    return eastern_digits(text) if eastern else text


def long_date(moment: datetime, eastern: bool = False) -> str:
    """The header-clock date line: ``الثلاثاء 22 نيسان / أبريل 2025``."""
    text = f"{WEEKDAYS[moment.weekday()]} {moment.day} {MONTHS[moment.month - 1]} {moment.year}"
    return eastern_digits(text) if eastern else text
