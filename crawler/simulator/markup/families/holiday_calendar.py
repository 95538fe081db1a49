"""A story of a portal's services desk (خدمات / "العطل الرسمية") on its public-holidays page:
the desk's story beside the year's calendar of official holidays (a table: the holiday, its
weekday and day, the days off: days of other things, some before the story and some after it),
the countdown to the next holiday ("باقي 12 يوما على ..." with days, hours and minutes boxes
counted from the render time), the "هل تعلم؟" box (a sentence of history in prose, with its
source, a historian by name: no author), the long-weekends planner and an ``Event`` JSON-LD per
holiday with its ``startDate``.

Body: the story's parts (now and then a lead sentence of its own, a quoted statement,
intertitles, a bulleted list after its lead-in: body) in ``div.services-story``, typed per
section of a site (``layout["text"]``: ``p``, ``div`` or ``br``, as ``portal_chrome.text`` types
them). The dateline is a ``p.dateline`` line above the text or the bold start of the first
paragraph.

Not body: the calendar, placed per section (``layout["calendar"]``): ``above``, the next three
holidays before the ``<h1>``; ``inside``, the next two between two parts of the text; ``after``,
the whole year after the text; ``side``, in the sidebar. The countdown sits in the header strip
or in the sidebar (``layout["countdown"]``), never between the title and the text. Also the
"did you know" box, the planner, an ad and read-also lines, tags, related stories, comments,
the most read and the footer.

Bylines: "كتب: X", the bare name, "الكاتب: X" or metadata only, before or after the text. Head:
og tags, the events; on metadata-dated pages (and for metadata-only bylines) a ``NewsArticle``
and ``article:published_time``. Dates: metadata (second) or the meta row.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from crawler.simulator.markup import body, dates
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import esc
from crawler.simulator.markup.page import Page, Traits

NAME = "holiday_calendar"
TRAITS = Traits(
    date_formats=("weekday_day", "numeric_time", "maghreb_time", "iso_day", "weekday_comma_ampm"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.15,
    byline_forms=("kataba", "bare", "katib", "meta_only"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.75, caption=0.6,
)

CALENDAR_PLACES = ("above", "inside", "after", "side")
COUNTDOWN_PLACES = ("strip", "side")

HOLIDAYS = ("رأس السنة الميلادية", "ذكرى تقديم وثيقة الاستقلال", "عيد الشغل", "عيد الفطر",
            "عيد الأضحى", "فاتح محرم", "ذكرى المولد النبوي", "عيد العرش", "اليوم الوطني",
            "ذكرى المسيرة الخضراء")
COLUMNS = ("المناسبة", "اليوم", "مدة العطلة")
DAYS_OFF = ("يوم واحد", "يومان", "ثلاثة أيام")
CALENDAR_HEADING = ("العطل الرسمية لهذا العام", "رزنامة العطل الرسمية")
NEXT_HEADING = ("العطل المقبلة", "أقرب العطل")
COUNTDOWN = "باقي {n} يوما على {holiday}"
UNITS = ("يوم", "ساعة", "دقيقة")
HISTORIAN_FIRST = ("فؤاد", "نجلاء", "مهدي", "سوسن")
HISTORIAN_FAMILY = ("الحلبي", "البغدادي", "الكتاني", "الزياني")
"""The historians: a pool of their own, none an author."""
FACTS = ("أقرت أول قائمة للعطل الرسمية في البلاد بمرسوم من صفحتين لم يتضمن سوى أربع مناسبات، ثم "
         "أضيفت إليها المناسبات الأخرى تباعا.",
         "كانت بعض الإدارات تمنح موظفيها نصف يوم إضافي قبل الأعياد الدينية، وهي عادة ألغيت مع "
         "توحيد قانون الوظيفة العمومية.")
"""History sentences (written for this generator): prose, none of the story's."""
FACT_HEADING = ("هل تعلم؟", "من تاريخ العطل")
FACT_SOURCE = "المصدر: المؤرخ {name}"
PLANNER = ("خطط لعطلتك", "أطول عطلة متصلة هذا العام", "احسب أيام الإجازة")
KICKER = ("خدمات", "العطل الرسمية")


def _holidays(page: Page) -> list[tuple[str, datetime, str]]:
    rng = page.rng
    year_start = page.today.replace(month=1, day=1, hour=9, minute=0)
    names = [HOLIDAYS[k] for k in sorted(rng.sample(range(len(HOLIDAYS)), 8))]
    picks = sorted(rng.sample(range(2, 360), 8))
    if names[0] == HOLIDAYS[0]:  # new year's day is the first of January
        picks[0] = 0
    return [(name, year_start + timedelta(days=d), rng.choice(DAYS_OFF))
            for name, d in zip(names, picks, strict=True)]


def _rows(page: Page, rows: list[tuple[str, datetime, str]], full: bool = True
          ) -> list[list[str]]:
    """Each holiday's name, day and (``full``) days off, as the page shows them."""
    site = page.article.site
    return [page.record("calendar", [name, dates.visible(day, "weekday_day", site, page.eastern),
                                     *([off] if full else [])]) for name, day, off in rows]


def _calendar(page: Page, place: str, holidays: list[tuple[str, datetime, str]]) -> str:
    coming = [h for h in holidays if h[1] > page.today] or holidays[-1:]
    if place == "above":
        heading = page.pick("calendar", NEXT_HEADING)
        items = "".join(f'<li><b>{esc(n)}</b> <span>{esc(d)}</span></li>'
                        for n, d in _rows(page, coming[:3], full=False))
        return f'<div class="holiday-calendar above"><h2>{esc(heading)}</h2><ul>{items}</ul></div>'
    heading = page.pick("calendar", CALENDAR_HEADING)
    chosen = coming[:2] if place == "inside" else holidays
    heads = page.record("calendar", list(COLUMNS))
    tag, level = ("aside", "h4") if place == "inside" else ("section", "h3")
    return (f'<{tag} class="holiday-calendar {place}"><{level}>{esc(heading)}</{level}><table>'
            "<thead><tr>" + "".join(f"<th>{esc(h)}</th>" for h in heads) + "</tr></thead><tbody>"
            + "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>"
                      for row in _rows(page, chosen)) + f"</tbody></table></{tag}>")


def _countdown(page: Page, holidays: list[tuple[str, datetime, str]]) -> str:
    coming = [h for h in holidays if h[1] > page.today]
    name, day, _ = coming[0] if coming else (holidays[0][0], holidays[0][1] + timedelta(days=365),
                                             "")
    left = day - page.today
    line = page.record("countdown", [page.digits(COUNTDOWN.format(n=left.days, holiday=name))])[0]
    units = page.record("countdown", list(UNITS))
    numbers = (left.days, left.seconds // 3600, left.seconds % 3600 // 60)
    boxes = "".join(f'<span class="unit"><b>{esc(page.digits(str(n)))}</b> {esc(u)}</span>'
                    for n, u in zip(numbers, units, strict=True))
    return f'<div class="countdown"><p>{esc(line)}</p><div class="units">{boxes}</div></div>'


def _fact(page: Page) -> str:
    rng = page.rng
    heading = page.pick("did_you_know", FACT_HEADING)
    name = f"{rng.choice(HISTORIAN_FIRST)} {rng.choice(HISTORIAN_FAMILY)}"
    fact, source = page.record("did_you_know", [rng.choice(FACTS), FACT_SOURCE.format(name=name)])
    return (f'<div class="did-you-know"><h3>{esc(heading)}</h3><p>{esc(fact)}</p>'
            f'<p class="source">{esc(source)}</p></div>')


def _planner(page: Page) -> str:
    title, longest, calc = page.record("planner", list(PLANNER))
    return (f'<div class="planner"><h3>{esc(title)}</h3><p>{esc(longest)}</p>'
            f'<button type="button">{esc(calc)}</button></div>')


def _events(holidays: list[tuple[str, datetime, str]]) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@graph": [
        {"@type": "Event", "name": name, "startDate": day.date().isoformat(),
         "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode"}
        for name, day, _ in holidays]}


def render(page: Page) -> str:
    key = f"{page.article.kind}:{page.section}"
    place = page.stable(f"calendar-place:{key}").choice(CALENDAR_PLACES)
    style = page.stable(f"text:{key}").choice(chrome.STYLES)
    count_at = page.stable(f"countdown:{page.article.kind}").choice(COUNTDOWN_PLACES)
    page.layout.update(calendar=place, text=style, countdown=count_at)
    holidays = _holidays(page)
    head = chrome.head(page, (_events(holidays),), articleSection="خدمات")
    top = chrome.header(page, "weekday_day", " › ")
    countdown = _countdown(page, holidays)
    calendar = _calendar(page, place, holidays)
    kicker = page.pick("kicker", KICKER)
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.3, bullets=0.25)
    blocks = chrome.interruptions(page)
    if place == "inside":
        blocks.append(calendar)
    story = chrome.text(page, parts, style, blocks, "services-story")
    main, side, foot = chrome.after(page, "long_day")
    return head + "\n".join([
        '<body class="services holidays">',
        top,
        countdown if count_at == "strip" else "",
        '<div class="page">',
        calendar if place == "above" else "",
        '<div class="cols"><main>',
        '<article class="services-article">',
        f'<a class="kicker" href="/services/holidays">{esc(kicker)}</a>',
        f"<h1>{esc(page.headline)}</h1>",
        chrome.meta_row(page, " | "),
        page.lead_figure(),
        story,
        chrome.signed(page),
        chrome.share(page),
        "</article>",
        calendar if place == "after" else "",
        _fact(page),
        main,
        "</main>",
        '<aside class="sidebar">',
        calendar if place == "side" else "",
        countdown if count_at == "side" else "",
        _planner(page),
        side,
        "</aside></div></div>",
        foot,
    ])
