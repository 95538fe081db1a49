"""A religious-affairs story (شؤون دينية / "دين ودنيا") on a portal's fatwa desk: the desk's news
story beside the fatwa of the day: its number and the day it was issued (before the story's),
the question under "السؤال:" signed by the asker ("السائل: X - city"), the answer under
"الجواب:" in prose like the story's, and the answer signed by the mufti ("أجاب عنها: فضيلة
الشيخ Y، عضو هيئة الإفتاء": a signature like a byline, no author); the send-your-question form,
the index of fatwa topics and a ``QAPage`` JSON-LD whose answer names the mufti as its author.

Body: the story's parts (now and then a lead sentence of its own, a quoted statement,
intertitles, a bulleted list after its lead-in: body) in ``div.desk-story``, typed per section of
a site (``layout["text"]``: ``p``, ``div`` or ``br``, as ``portal_chrome.text`` types them). The
dateline is a ``p.dateline`` line above the text or the bold start of the first paragraph.

Not body: the fatwa box, placed per section (``layout["box"]``): ``above``, before the
``<h1>``; ``inside``, between two parts of the text (question and a short answer); ``after``,
after the text; ``side``, in the sidebar. Also the form, the topics, an ad and read-also lines,
tags, related stories, comments, the most read and the footer.

Bylines: "كتب: X", the bare name, "بقلم: X" or metadata only, before or after the text. Head:
og tags, the ``QAPage`` (no date in it); on metadata-dated pages (and for metadata-only bylines)
a ``NewsArticle`` and ``article:published_time``. Dates: metadata (second) or the meta row; the
header's date of the day comes with its Hijri day.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from crawler.simulator.markup import body, dates
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import esc
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE

NAME = "fatwa_desk"
TRAITS = Traits(
    date_formats=("gregorian_hijri", "weekday_time", "numeric_day", "day_at_time", "long_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.15,
    byline_forms=("kataba", "bare", "biqalam_colon", "meta_only"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.75, caption=0.6,
)

BOX_PLACES = ("above", "inside", "after", "side")

MUFTI_FIRST = ("مصطفى", "إبراهيم", "صالح", "عبادة", "ثابت")
MUFTI_FAMILY = ("الزرقاني", "البيطار", "الكبيسي", "الدوسري", "الشنقيطي")
"""The muftis: a pool of their own, none an author."""
ASKER_FIRST = ("مريم", "زياد", "أنس", "شيماء", "رؤى", "معاذ")
"""The askers sign with a first name only."""
ASKER_CITIES = ("وجدة", "صفاقس", "المنصورة", "الزرقاء", "صلالة", "البليدة")
MUFTI_TITLES = ("فضيلة الشيخ ", "الشيخ ", "الدكتور ")
MUFTI_ROLES = ("عضو هيئة الإفتاء", "أمين الفتوى بالدار", "أستاذ الفقه المقارن")
SIGNATURES = ("أجاب عنها: {who}، {role}", "المفتي: {who}، {role}")
FATWAS = (
    ("أعمل في شركة تؤخر صرف رواتبنا شهرين أحيانا، فهل تجب علي زكاة المال الذي لم أقبضه بعد؟",
     "لا تجب الزكاة في مال لم يدخل في ملك صاحبه ولم يقدر على التصرف فيه. فإذا قبضه استقبل به "
     "حولا جديدا، ومن أخرج زكاته احتياطا فله أجر ذلك إن شاء الله."),
    ("أسافر كل أسبوع بين مدينتين لأجل العمل، فهل يجوز لي قصر الصلاة طوال الطريق؟",
     "يجوز للمسافر قصر الصلاة الرباعية ما دام في سفره، ولا يمنع تكرار السفر من الأخذ بالرخصة. "
     "فإذا وصل إلى بلد إقامته أتم صلاته كما يتمها المقيم."),
    ("اشتريت سيارة بالتقسيط من معرض يزيد في الثمن مقابل الأجل، فهل في هذا البيع حرج؟",
     "البيع بالتقسيط مع زيادة الثمن مقابل الأجل جائز عند جمهور الفقهاء بشرط تحديد الثمن عند "
     "العقد. ولا يجوز أن تزاد الأقساط بعد ذلك بسبب التأخر في السداد."),
    ("والدتي مريضة ونصحها الطبيب بعدم الصيام، فماذا يجب عليها؟",
     "من منعه المرض من الصيام أفطر، فإن كان يرجى شفاؤه قضى الأيام بعد برئه. وإن كان مرضه "
     "مزمنا أطعم عن كل يوم مسكينا ولا قضاء عليه."),
)
"""Fatwas of the day (written for this generator): question and answer, none of the story's."""
BOX_HEADING = ("فتوى اليوم", "من فتاوى الدار")
NUMBER = "رقم الفتوى: {n}"
ISSUED = "تاريخ الفتوى: {day}"
QUESTION_LABEL = "السؤال:"
ANSWER_LABEL = "الجواب:"
ASKER = "السائل: {name} - {city}"
FORM = ("أرسل سؤالك إلى المفتي", "الاسم", "البلد", "نص السؤال", "إرسال")
TOPICS_HEADING = ("أبواب الفتاوى", "تصفح الفتاوى حسب الموضوع")
TOPICS = ("العبادات", "المعاملات المالية", "الأسرة والأحوال الشخصية", "الزكاة", "الصيام",
          "الحج والعمرة", "الآداب والأخلاق")
KICKER = ("شؤون دينية", "دين ودنيا")


def _fatwa(page: Page, place: str) -> tuple[str, dict[str, Any]]:
    rng = page.rng
    heading = page.pick("fatwa", BOX_HEADING)
    question, answer = rng.choice(FATWAS)
    mufti = f"{rng.choice(MUFTI_FIRST)} {rng.choice(MUFTI_FAMILY)}"
    before = (page.article.published or REFERENCE) - timedelta(days=rng.randint(3, 90))
    number, issued, asker, signed = page.record("fatwa", [
        page.digits(NUMBER.format(n=rng.randint(1200, 48000))),
        ISSUED.format(day=dates.visible(before, "long_day", page.article.site, page.eastern)),
        ASKER.format(name=rng.choice(ASKER_FIRST), city=rng.choice(ASKER_CITIES)),
        page.stable("signature").choice(SIGNATURES).format(
            who=rng.choice(MUFTI_TITLES) + mufti, role=rng.choice(MUFTI_ROLES))])
    shown_answer = answer.split(". ")[0] + "." if place == "inside" else answer
    q_label, a_label = page.record("fatwa", [QUESTION_LABEL, ANSWER_LABEL])
    page.record("fatwa", [question, shown_answer])
    tag, level = ("aside", "h4") if place == "inside" else ("section", "h2" if place == "above"
                                                            else "h3")
    html = (f'<{tag} class="fatwa-box {place}"><{level}>{esc(heading)}</{level}>'
            f'<div class="fatwa-meta"><span class="no">{esc(number)}</span> '
            f'<span class="issued">{esc(issued)}</span></div>'
            f'<div class="q"><strong>{esc(q_label)}</strong><p>{esc(question)}</p>'
            f'<p class="asker">{esc(asker)}</p></div>'
            f'<div class="a"><strong>{esc(a_label)}</strong><p>{esc(shown_answer)}</p>'
            f'<p class="mufti">{esc(signed)}</p></div></{tag}>')
    qa = {"@context": "https://schema.org", "@type": "QAPage", "mainEntity": {
        "@type": "Question", "name": question, "text": question, "answerCount": 1,
        "acceptedAnswer": {"@type": "Answer", "text": answer,
                           "author": {"@type": "Person", "name": mufti}}}}
    return html, qa


def _form(page: Page) -> str:
    title, name, country, text, send = page.record("ask_form", list(FORM))
    return (f'<form class="ask-mufti"><h3>{esc(title)}</h3><label>{esc(name)} <input></label>'
            f"<label>{esc(country)} <input></label><label>{esc(text)} <textarea></textarea>"
            f'</label><button type="submit">{esc(send)}</button></form>')


def _topics(page: Page) -> str:
    heading = page.pick("topics", TOPICS_HEADING)
    items = page.record("topics", list(TOPICS))
    return (f'<nav class="fatwa-topics"><h3>{esc(heading)}</h3><ul>'
            + "".join(f'<li><a href="/fatawa/{k}">{esc(x)}</a></li>' for k, x in enumerate(items))
            + "</ul></nav>")


def render(page: Page) -> str:
    place = page.stable(f"box-place:{page.article.kind}:{page.section}").choice(BOX_PLACES)
    style = page.stable(f"text:{page.article.kind}:{page.section}").choice(chrome.STYLES)
    page.layout.update(box=place, text=style)
    box, qa = _fatwa(page, place)
    head = chrome.head(page, (qa,), articleSection="شؤون دينية")
    top = chrome.header(page, "gregorian_hijri", " / ")
    kicker = page.pick("kicker", KICKER)
    parts = body.shape(page, lead=0.2, quote=0.25, subheads=0.3, bullets=0.2)
    blocks = chrome.interruptions(page)
    if place == "inside":
        blocks.append(box)
    story = chrome.text(page, parts, style, blocks, "desk-story")
    main, side, foot = chrome.after(page, "long_day")
    return head + "\n".join([
        '<body class="religion fatwa-desk">',
        top,
        '<div class="page">',
        box if place == "above" else "",
        '<div class="cols"><main>',
        '<article class="desk-article">',
        f'<a class="kicker" href="/religion">{esc(kicker)}</a>',
        f"<h1>{esc(page.headline)}</h1>",
        chrome.meta_row(page, " · "),
        page.lead_figure(),
        story,
        chrome.signed(page),
        chrome.share(page),
        "</article>",
        box if place == "after" else "",
        main,
        "</main>",
        '<aside class="sidebar">',
        box if place == "side" else "",
        _form(page),
        _topics(page),
        side,
        "</aside></div></div>",
        foot,
    ])
