"""An education story (تعليم / "تنسيق القبول الجامعي") on a portal's admissions page: the desk's
story beside the admissions service: the table of cut-off scores per faculty ("الحد الأدنى
للقبول": a faculty, its university, this year's and last year's minimum as percentages), the
stages of the application calendar (each "المرحلة الأولى: من <day> إلى <day>": days *after* the
render day), the admissions committee's statement card (a paragraph of prose signed by the
committee's chair with an academic title, "أ.د. X، رئيس لجنة التنسيق": no author, a titled name
like a doctor-writer's byline), the weighted-score calculator form and the readers' questions
with short answers.

Body: the story's parts (now and then a lead sentence of its own, a quoted statement,
intertitles, a bulleted list after its lead-in: body) in ``div.admission-story``, typed per
section of a site (``layout["text"]``: ``p``, ``div`` or ``br``, as ``portal_chrome.text`` types
them). The dateline is a ``p.dateline`` line above the text or the bold start of the first
paragraph.

Not body: the cut-off table, placed per section (``layout["table"]``): ``above``, the top five
faculties before the ``<h1>``; ``inside``, a short table between two parts of the text;
``after``, the whole table after the text; ``side``, in the sidebar. Also the calendar of stages
(always after the text: its days never between the title and the text), the committee's card, the
calculator, the readers' questions, an ad and read-also lines between the parts, tags, related
stories, comments, the most read and the footer.

Bylines: "د. X" / "بقلم: د. X" (``titled``: the title is no part of the name), "كتب: X", the
bare name, or metadata only, before or after the text; the committee's chair is no author.
Head: og tags, an ``EducationalOccupationalProgram`` JSON-LD per stage with its
``applicationStartDate`` and ``applicationDeadline``; on metadata-dated pages (and for
metadata-only bylines) a ``NewsArticle`` and ``article:published_time``. Dates: metadata
(second) or the meta row.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from crawler.simulator.markup import body, dates
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import esc
from crawler.simulator.markup.page import Page, Traits

NAME = "university_admissions"
TRAITS = Traits(
    date_formats=("weekday_time", "numeric_day", "weekday_comma_day", "ampm_comma",
                  "hijri_paired"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.15,
    byline_forms=("titled", "kataba", "bare", "meta_only"),
    byline_prefixes={"titled": ("د. ", "بقلم: د. ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.8, caption=0.6,
)

TABLE_PLACES = ("above", "inside", "after", "side")
STYLES = ("p", "div", "br")

FACULTIES = ("كلية الطب", "كلية طب الأسنان", "كلية الصيدلة", "كلية الهندسة", "كلية الحقوق",
             "كلية الاقتصاد والعلوم السياسية", "كلية الإعلام", "كلية التربية", "كلية الزراعة",
             "كلية الآداب", "كلية العلوم", "كلية الحاسبات والمعلومات")
UNIVERSITIES = ("جامعة الساحل", "جامعة الوادي الأوسط", "جامعة النجود", "الجامعة التقنية")
COLUMNS = ("الكلية", "الجامعة", "الحد الأدنى هذا العام", "العام الماضي")
TABLE_HEADING = ("الحد الأدنى للقبول في الكليات", "مؤشرات تنسيق المرحلة الأولى")
TOP_HEADING = ("أعلى خمس كليات في الحد الأدنى", "كليات القمة")
STAGES = ("المرحلة الأولى", "المرحلة الثانية", "المرحلة الثالثة")
STAGE_LINE = "{stage}: من {first} إلى {last}"
CALENDAR_HEADING = ("مواعيد التنسيق", "جدول مراحل التقديم")
CHAIR_FIRST = ("حسن", "ماهر", "سهير", "عفاف", "ممدوح", "نبيل")
CHAIR_FAMILY = ("الشناوي", "عبيدات", "الجمال", "الطحان", "الخولي")
"""The committee's chairs: a pool of their own, none an author."""
CHAIR_TITLES = ("أ.د. ", "الدكتور ", "د. ")
CHAIR_ROLE = "{title}{name}، رئيس لجنة التنسيق"
STATEMENTS = ("ندعو الطلاب إلى ترتيب رغباتهم بعناية وعدم الاكتفاء بكليات القمة، فالحد الأدنى "
              "قد يتغير بين مرحلة وأخرى.",
              "تسجيل الرغبات متاح عبر البوابة الإلكترونية على مدار الساعة، ولن تقبل أي طلبات ورقية "
              "هذا العام.")
STATEMENT_HEADING = ("بيان لجنة التنسيق", "رسالة إلى الطلاب")
CALCULATOR = ("احسب معدلك المكافئ", "مجموع الدرجات", "الشعبة", "احسب")
STREAMS = ("علمي علوم", "علمي رياضيات", "أدبي")
QUESTIONS = (("هل يمكن تعديل الرغبات بعد تسجيلها؟", "نعم، مرة واحدة قبل نهاية المرحلة."),
             ("متى تعلن نتيجة المرحلة الأولى؟", "بعد أسبوع تقريبا من غلق باب التسجيل."),
             ("هل تحتسب درجات المواد الإضافية؟", "لا، إلا في الكليات التي تشترط ذلك."))
QUESTIONS_HEADING = ("أسئلة الطلاب", "سؤال وجواب")
KICKER = ("تعليم", "جامعات")


def _score(page: Page) -> str:
    return page.digits(f"{page.rng.uniform(60, 99):.2f}%")


def _table(page: Page, count: int, full: bool) -> str:
    rng = page.rng
    heads = page.record("cutoffs", list(COLUMNS if full else COLUMNS[:3]))
    rows = []
    for faculty in rng.sample(FACULTIES, count):
        row = [faculty, rng.choice(UNIVERSITIES), _score(page)]
        if full:
            row.append(_score(page))
        rows.append(page.record("cutoffs", row))
    return ('<table class="cutoffs"><thead><tr>' + "".join(f"<th>{esc(h)}</th>" for h in heads)
            + "</tr></thead><tbody>" + "".join(
                "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
            + "</tbody></table>")


def _cutoffs(page: Page, place: str) -> str:
    if place == "above":
        heading = page.pick("cutoffs", TOP_HEADING)
        return (f'<section class="cutoff-box above"><h2>{esc(heading)}</h2>'
                f"{_table(page, 5, False)}</section>")
    heading = page.pick("cutoffs", TABLE_HEADING)
    if place == "inside":
        return (f'<aside class="cutoff-box inside"><h4>{esc(heading)}</h4>'
                f"{_table(page, 3, False)}</aside>")
    count = 4 if place == "side" else page.rng.randint(7, 10)
    return (f'<section class="cutoff-box {place}"><h3>{esc(heading)}</h3>'
            f"{_table(page, count, place == 'after')}</section>")


def _stages(page: Page) -> list[tuple[str, datetime, datetime]]:
    start = page.today + timedelta(days=page.stable("stage-gap").randint(3, 10))
    out = []
    for stage in STAGES:
        last = start + timedelta(days=6)
        out.append((stage, start, last))
        start = last + timedelta(days=page.rng.randint(5, 9))
    return out


def _calendar(page: Page, stages: list[tuple[str, datetime, datetime]]) -> str:
    heading = page.pick("calendar", CALENDAR_HEADING)
    site = page.article.site
    lines = page.record("calendar", [STAGE_LINE.format(
        stage=stage, first=dates.visible(first, "weekday_day", site, page.eastern),
        last=dates.visible(last, "weekday_day", site, page.eastern))
        for stage, first, last in stages])
    return (f'<section class="stages"><h3>{esc(heading)}</h3><ol>'
            + "".join(f"<li>{esc(x)}</li>" for x in lines) + "</ol></section>")


def _programs(page: Page, stages: list[tuple[str, datetime, datetime]]) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "ItemList", "itemListElement": [
        {"@type": "EducationalOccupationalProgram", "name": stage,
         "applicationStartDate": first.date().isoformat(),
         "applicationDeadline": last.date().isoformat()} for stage, first, last in stages]}


def _statement(page: Page) -> str:
    rng = page.rng
    heading = page.pick("committee", STATEMENT_HEADING)
    name = f"{rng.choice(CHAIR_FIRST)} {rng.choice(CHAIR_FAMILY)}"
    text, who = page.record("committee", [rng.choice(STATEMENTS), CHAIR_ROLE.format(
        title=rng.choice(CHAIR_TITLES), name=name)])
    return (f'<div class="committee-card"><h3>{esc(heading)}</h3><blockquote><p>{esc(text)}</p>'
            f'</blockquote><p class="chair">{esc(who)}</p></div>')


def _calculator(page: Page) -> str:
    title, total, stream, go = page.record("calculator", list(CALCULATOR))
    options = "".join(f"<option>{esc(s)}</option>" for s in page.record("calculator",
                                                                       list(STREAMS)))
    return (f'<form class="calculator"><h3>{esc(title)}</h3><label>{esc(total)} <input '
            f'type="number"></label><label>{esc(stream)} <select>{options}</select></label>'
            f'<button type="button">{esc(go)}</button></form>')


def _questions(page: Page) -> str:
    heading = page.pick("questions", QUESTIONS_HEADING)
    chosen = page.rng.sample(QUESTIONS, 2)
    for q, a in chosen:
        page.record("questions", [q, a])
    return (f'<section class="student-questions"><h3>{esc(heading)}</h3><dl>'
            + "".join(f"<dt>{esc(q)}</dt><dd>{esc(a)}</dd>" for q, a in chosen)
            + "</dl></section>")


def render(page: Page) -> str:
    place = page.stable(f"table-place:{page.article.kind}:{page.section}").choice(TABLE_PLACES)
    style = page.stable(f"text:{page.article.kind}:{page.section}").choice(STYLES)
    page.layout.update(table=place, text=style)
    cutoffs = _cutoffs(page, place)
    stages = _stages(page)
    head = chrome.head(page, (_programs(page, stages),), articleSection="تعليم")
    top = chrome.header(page, "weekday_day", " › ")
    kicker = page.pick("kicker", KICKER)
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.3, bullets=0.25)
    blocks = chrome.interruptions(page)
    if place == "inside":
        blocks.append(cutoffs)
    story = chrome.text(page, parts, style, blocks, "admission-story")
    main, side, foot = chrome.after(page, "long_day")
    return head + "\n".join([
        '<body class="education admissions">',
        top,
        '<div class="page">',
        cutoffs if place == "above" else "",
        '<div class="cols"><main>',
        '<article class="admission-article">',
        f'<a class="kicker" href="/education">{esc(kicker)}</a>',
        f"<h1>{esc(page.headline)}</h1>",
        chrome.meta_row(page, " | "),
        page.lead_figure(),
        story,
        chrome.signed(page),
        chrome.share(page),
        "</article>",
        _calendar(page, stages),
        cutoffs if place == "after" else "",
        _statement(page),
        _questions(page),
        main,
        "</main>",
        '<aside class="sidebar">',
        cutoffs if place == "side" else "",
        _calculator(page),
        side,
        "</aside></div></div>",
        foot,
    ])
