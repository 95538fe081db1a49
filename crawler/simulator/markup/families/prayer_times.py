"""A religious-affairs page (دين ودنيا / "مواقيت الصلاة") of a portal: the desk's story beside the
prayer-times widgets such sections carry: the day's times for a city with the next prayer's
countdown, the coming week's timetable with Gregorian and Hijri days, the Hijri date strip, the
countdown to the next occasion (Ramadan, Eid), a remembrance (ذكر) box and the mufti's questions:
times, Hijri and Gregorian days and religious texts all round the story, none of them its own.

Body (``div.religion-story``): the story's parts (now and then a lead sentence of its own, a
quoted statement as a ``<blockquote>``, intertitles, a bulleted list after its lead-in: body), as
``<p>``s or bare ``<div>``s per section of a site (``layout["text"]``). The dateline, when
shown, is a line of its own above them or the bold start of the first one. Ad slots between two
parts (not body).

Not body: the Hijri strip under the header (the render day: "الخميس 12 جمادى الأولى 1446 هـ
الموافق 14 نوفمبر 2024 م"); the prayer card (``aside.prayer-card``: "مواقيت الصلاة في الرباط", the
render day in Gregorian and Hijri, the six times, "الصلاة القادمة: العصر" and its countdown, the
calculation method, the qibla's bearing, the city selector), placed per section
(``layout["card"]``): ``top``, above the ``<h1>``, ``after_lead``, inside the text after its
first part, or ``side``; the week's timetable (``table.week-times``: weekday, "14/11", the Hijri
day, six times per row), placed per section (``layout["timetable"]``): ``inside``, between two
body parts, or ``after`` the text; the occasion countdown ("متبقي 108 يوما على شهر رمضان", from
the render day); the remembrance box ("ذكر اليوم": a traditional supplication, not the story);
the mufti's box (questions ending in "؟" and "يجيب عنها: الشيخ X": no author); the adhan
alert's buttons.

Bylines: "كتب: X", "إعداد: X", "بقلم: X", the bare name, or metadata only; in the meta row under
the ``<h1>`` or after the text. Dated pages print the date (some formats Hijri with the
Gregorian day: "الخميس 12 جمادى الأولى 1446 هـ الموافق ...", the same form as the strip's render
day) in the meta row with its label.
Page: the header (logo, menu, today's date: render time), the Hijri strip, breadcrumbs; the
``<h1>``; the meta row; share buttons; the lead image with its caption. After the text: the
byline when after, the timetable (``after``), tags, related stories with dates, the comment
form; the sidebar: the card (``side``), the countdown, the remembrance and mufti boxes, most
read with dates; the footer.

Head: og tags; on metadata-dated pages (and for metadata-only bylines) a JSON-LD
``NewsArticle`` (``contentLocation`` the city) and ``article:published_time``. Text-dated and
undated pages carry no machine publication date.
Dates: metadata (second) or the meta row (day or minute); undated pages show the widgets' render
days and times, the lists' dates and the header's day, never between the title and the text.
"""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta
from typing import Any

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, esc
from crawler.simulator.markup.page import Page, Traits, link_items
from crawler.simulator.text import WEEKDAYS, slugify

NAME = "prayer_times"
TRAITS = Traits(
    date_formats=("gregorian_hijri", "hijri_paired", "weekday_day", "weekday_time",
                  "numeric_time", "long_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.2,
    byline_forms=("kataba", "kataba", "biqalam_colon", "bare", "meta_only"),
    byline_prefixes={"kataba": ("كتب: ", "إعداد: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.7, caption=0.6,
)

CITIES = {"arabstoday": ("بيروت", "طرابلس", "صيدا"), "omantoday": ("مسقط", "صلالة", "صحار"),
          "palestinetoday": ("القدس", "غزة", "نابلس", "رام الله"),
          "emiratesvoice": ("أبوظبي", "دبي", "الشارقة"),
          "almaghribtoday": ("الرباط", "الدار البيضاء", "فاس", "مراكش"),
          "casablancatoday": ("الدار البيضاء", "الرباط", "طنجة"),
          "moroccosports": ("الرباط", "أكادير", "وجدة"), "egypttoday": ("القاهرة", "الإسكندرية",
                                                                     "أسوان"),
          "alyementoday": ("صنعاء", "عدن", "تعز"),
          "alsaudiatoday": ("الرياض", "مكة المكرمة", "جدة", "المدينة المنورة"),
          "algeriatoday": ("الجزائر", "وهران", "قسنطينة"), "tunisiatoday": ("تونس", "صفاقس",
                                                                          "سوسة"),
          "albahraintoday": ("المنامة", "المحرق"), "syria24": ("دمشق", "حلب", "حمص")}
"""The cities each site's widget offers (its country's)."""
PRAYERS = ("الفجر", "الشروق", "الظهر", "العصر", "المغرب", "العشاء")
CARD_HEADING = "مواقيت الصلاة في {city}"
NEXT = "الصلاة القادمة: {name}"
REMAINING = "متبقي {t}"
METHODS = ("رابطة العالم الإسلامي", "الهيئة المصرية العامة للمساحة", "جامعة أم القرى",
           "وزارة الأوقاف والشؤون الإسلامية")
METHOD = "طريقة الحساب: {method}"
QIBLA = "اتجاه القبلة: {deg}° من الشمال"
SELECT = ("اختر مدينتك", "تغيير المدينة")
WEEK_HEADINGS = ("مواقيت الصلاة للأيام المقبلة", "إمساكية الأسبوع")
WEEK_COLUMNS = ("اليوم", "التاريخ", "الهجري", *PRAYERS)
OCCASIONS = (("شهر رمضان", 9, 1), ("عيد الأضحى", 12, 10), ("رأس السنة الهجرية", 1, 1))
COUNTDOWN = ("متبقي {n} يوما على {occasion}", "متبقي {n} أيام على {occasion}",
             "متبقي يومان على {occasion}", "غدا {occasion}")
DHIKR_HEADINGS = ("ذكر اليوم", "أذكار")
ADHKAR = ("سبحان الله وبحمده، سبحان الله العظيم",
          "لا إله إلا الله وحده لا شريك له، له الملك وله الحمد وهو على كل شيء قدير",
          "اللهم إني أسألك علما نافعا ورزقا طيبا وعملا متقبلا",
          "أستغفر الله العظيم الذي لا إله إلا هو الحي القيوم وأتوب إليه")
"""Traditional supplications, as the widget shows one a day: not the story."""
MUFTI_HEADINGS = ("فتاوى", "اسأل المفتي")
QUESTIONS = ("ما حكم الجمع بين الصلاتين في السفر؟", "متى يبدأ وقت صلاة الضحى وينتهي؟",
             "ما حكم الصلاة في الطائرة؟", "هل يجوز تأخير صلاة العشاء إلى منتصف الليل؟",
             "كيف يصلي المريض العاجز عن القيام؟")
MUFTIS = ("عبد الحميد الزرهوني", "إبراهيم الكتبي", "صالح العمراني", "أحمد البرزنجي")
"""The section's muftis: a pool of names of their own (never an author)."""
ANSWERED = "يجيب عنها: الشيخ {name}"
ALERTS = ("فعّل تنبيه الأذان", "تنبيه قبل الأذان بعشر دقائق")


def _times(page: Page, day: date) -> list[int]:
    """The six times of ``day`` in minutes after midnight: sunrise and sunset swing with the
    season around the site's own noon."""
    noon = 12 * 60 + page.stable("noon").randint(-25, 25)
    swing = 75 * math.sin(2 * math.pi * (day.timetuple().tm_yday - 80) / 365)
    sunrise, sunset = noon - 360 - swing, noon + 360 + swing
    return [round(m) for m in (sunrise - 85, sunrise, noon + 4, noon + (sunset - noon) * 0.55,
                               sunset + 3, sunset + 80)]


def _hm(page: Page, minutes: int) -> str:
    return page.digits(f"{minutes // 60:02d}:{minutes % 60:02d}")


def _hijri_day(day: date) -> str:
    _, month, d = dates.hijri(day)
    return f"{d} {dates.HIJRI_MONTHS[month - 1]}"


def _card(page: Page, city: str, now: datetime) -> str:
    rng = page.rng
    times = _times(page, now.date())
    heading = page.record("prayer_card", [CARD_HEADING.format(city=city)])[0]
    days = page.record("prayer_card", [
        dates.visible(now, "weekday_day", page.article.site, page.eastern),
        page.digits(f"{_hijri_day(now.date())} {dates.hijri(now.date())[0]} هـ")])
    rows = page.record("prayer_card", [x for name, m in zip(PRAYERS, times, strict=True)
                                       for x in (name, _hm(page, m))])
    minute = now.hour * 60 + now.minute
    upcoming = next((k for k in (0, 2, 3, 4, 5) if times[k] > minute), 0)
    left = (times[upcoming] - minute) % 1440
    clock = f"{left // 60:02d}:{left % 60:02d}:{rng.randrange(60):02d}"
    next_line, remaining = page.record("prayer_card", [
        NEXT.format(name=PRAYERS[upcoming]), REMAINING.format(t=page.digits(clock))])
    method = page.record("prayer_card", [METHOD.format(method=page.stable("method").choice(
        METHODS)), page.digits(QIBLA.format(deg=page.stable("qibla").randint(55, 165)))])
    select = page.pick("prayer_card", SELECT)
    options = page.record("prayer_card", list(CITIES.get(page.article.site, (city,))))
    return (f'<aside class="prayer-card"><h3>{esc(heading)}</h3><p class="day">{esc(days[0])}'
            f' | {esc(days[1])}</p><table>'
            + "".join(f"<tr><th>{esc(rows[i])}</th><td>{esc(rows[i + 1])}</td></tr>"
                      for i in range(0, len(rows), 2))
            + f'</table><p class="next"><b>{esc(next_line)}</b> <span class="remaining">'
            f'{esc(remaining)}</span></p><p class="method">{esc(method[0])}</p><p class="qibla">'
            f'{esc(method[1])}</p><label>{esc(select)}</label><select name="city">'
            + "".join(f"<option>{esc(o)}</option>" for o in options) + "</select></aside>")


def _week(page: Page, now: datetime) -> str:
    heading = page.pick("timetable", WEEK_HEADINGS)
    page.record("timetable", list(WEEK_COLUMNS))
    rows = []
    for k in range(7):
        day = (now + timedelta(days=k)).date()
        row = page.record("timetable", [WEEKDAYS[day.weekday()],
                                        page.digits(f"{day:%d/%m}"),
                                        page.digits(_hijri_day(day)),
                                        *(_hm(page, m) for m in _times(page, day))])
        rows.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>")
    return (f'<table class="week-times"><caption>{esc(heading)}</caption><tr>'
            + "".join(f"<th>{esc(c)}</th>" for c in WEEK_COLUMNS) + "</tr>" + "".join(rows)
            + "</table>")


def _countdown(page: Page, now: datetime) -> str:
    """Days from the render day to the next of the occasions (the tabular Hijri calendar)."""
    occasion, month, day = page.stable("occasion").choice(OCCASIONS)
    n = next(k for k in range(1, 400)
             if dates.hijri((now + timedelta(days=k)).date())[1:] == (month, day))
    form = COUNTDOWN[0] if n > 10 else COUNTDOWN[1] if n > 2 else COUNTDOWN[4 - n]
    return page.record("countdown", [page.digits(form.format(n=n, occasion=occasion))])[0]


def _story(page: Page, parts: list[Part], style: str, card: str, week: str) -> str:
    rng = page.rng
    html = body.parts_html(page, parts, lead_tag="b")
    if style == "div":  # the site's editor saves paragraphs as bare <div>s
        html = [h.replace("<p>", "<div>").replace("</p>", "</div>") for h in html]
    blocks = [f'<div class="ad"><span>{esc(page.pick("ad", furniture.AD_LABELS))}</span></div>']
    if week:
        blocks.append(week)
    for block in blocks:  # between two parts, never between a list's lead-in and its list
        spots = [i for i in range(1, len(html)) if not html[i].startswith("<ul>")]
        html.insert(rng.choice(spots) if spots else len(html), block)
    if card:
        html.insert(1, card)
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    return '<div class="religion-story">\n' + "\n".join(html) + "\n</div>"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    style = page.stable(f"text:{page.section}").choice(("p", "div"))
    card_place = page.stable(f"card:{page.section}").choice(("top", "after_lead", "side"))
    week_place = page.stable(f"week:{page.section}").choice(("inside", "after"))
    page.layout.update(text=style, card=card_place, timetable=week_place)
    now = page.today.astimezone(dates.site_zone(a.site))  # the widgets show the render day
    city = page.stable("city").choice(CITIES.get(a.site, ("مكة المكرمة",)))
    card = _card(page, city, now)
    week = _week(page, now)

    extra: dict[str, Any] = {"contentLocation": {"@type": "Place", "name": city}}
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} - {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + (meta.ld_script(meta.news_article(page, **extra))
               if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/static/religion.css">\n</head>\n')
    today = page.today_line(page.stable("today").choice(("weekday_day", "weekday_comma_day")))
    strip = page.record("clock", [dates.visible(page.today, "hijri_paired", a.site,
                                                page.eastern)])[0]
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    crumbs = page.breadcrumbs()
    crumb_html = " » ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(crumbs))
    meta_row = []
    if b.visible and b.position == "before":
        meta_row.append(f'<span class="by">{esc(b.prefix)}{page.linked_names()}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())

    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.2, bullets=0.15)
    story = _story(page, parts, style, card if card_place == "after_lead" else "",
                   week if week_place == "inside" else "")
    signed = (f'<p class="signed">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    countdown = _countdown(page, now)
    dhikr_heading = page.pick("dhikr", DHIKR_HEADINGS)
    dhikr = page.record("dhikr", [rng.choice(ADHKAR)])[0]
    mufti_heading = page.pick("mufti", MUFTI_HEADINGS)
    questions = page.record("mufti", rng.sample(QUESTIONS, 3))
    answered = page.record("mufti", [ANSWERED.format(name=rng.choice(MUFTIS))])[0]
    alerts = page.record("alerts", list(ALERTS))
    related_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = link_items(page.links("related", rng.randint(3, 5), "weekday_day"))
    comments_heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    form = "".join(f"<label>{esc(x)}</label>" for x in page.comment_form())
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = link_items(page.links("most_read", 5, "numeric_day"))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="religion">',
        f'<header><a class="logo" href="/"><img src="/logo.png" alt="{attr(page.label)}"></a>'
        f'<span class="today">{esc(today)}</span><nav><ul>{menu}</ul></nav></header>',
        f'<div class="hijri-strip">{esc(strip)}</div>',
        f'<nav class="crumbs">{crumb_html}</nav>',
        '<div class="cols"><main><article class="religion-article">',
        card if card_place == "top" else "",
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else "",
        f'<div class="share">{share}</div>',
        page.lead_figure(),
        story,
        signed,
        week if week_place == "after" else "",
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="related"><h3>{esc(related_heading)}</h3><ul>{related}</ul></section>',
        f'<section class="comments"><h3>{esc(comments_heading)}</h3><form>{form}</form></section>',
        "</main>",
        f'<aside class="side">{card if card_place == "side" else ""}'
        f'<div class="countdown"><p>{esc(countdown)}</p></div>'
        f'<div class="dhikr"><h4>{esc(dhikr_heading)}</h4><p>{esc(dhikr)}</p></div>'
        f'<div class="mufti"><h4>{esc(mufti_heading)}</h4><ul>'
        + "".join(f'<li><a href="/fatwa/{k}">{esc(q)}</a></li>' for k, q in enumerate(questions))
        + f'</ul><p>{esc(answered)}</p></div><div class="alerts">'
        + "".join(f"<button>{esc(x)}</button>" for x in alerts)
        + f"</div><h3>{esc(most_heading)}</h3><ol>{most}</ol></aside>",
        "</div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
