"""A weather-warning page (نشرة إنذارية) of a portal's weather and emergencies desk: a short news
text held between a coloured warning box with its validity window, a forecast table of the coming
days, a current-conditions widget, safety advice and emergency numbers: times and days all round
the story, several within hours of its own.

Body (``div.alert-news``): the story's paragraphs (a lead sentence of its own now and then);
the dateline a line of its own above them or the bold start of the first one ("الرباط - المغرب
اليوم - " then the text: the text after it is body). Not body: the warning box (``<section
class="warning-box level-orange">``: "إنذار برتقالي" / "نشرة إنذارية من المستوى الأحمر", the
phenomenon "أمطار رعدية قوية", the regions, the validity "من الخميس 21 نوفمبر 14:00 إلى الجمعة 22
نوفمبر 06:00" starting on the hour within six hours *after* the publication, "صدرت في: 21/11/2024
- 10:30" one to five hours *before* it, and the bulletin number "النشرة رقم 47"); the update line
after the text ("تحديث 16:40: ..." a few hours after the publication, in ``p.alert-update`` inside
the text container, on some pages); the forecast table ("توقعات الأيام المقبلة": day names with
"22/11", weather words, "19° / 11°"); the map figure ("خريطة المناطق المعنية بالإنذار", not the
article's image); the current conditions (city, "18°", "غائم جزئيا", the humidity, the wind, "آخر
رصد: 14:00", sunrise and sunset times); the safety advice (imperative sentences in a list: prose,
not body); the emergency numbers.
Each section of a site places the warning box one way (``layout["warning"]``): ``top``, above
the ``<h1>`` under the breadcrumbs, or ``after_lead``, inside the text container after the
first body part; the forecast table goes after the text or in the sidebar
(``layout["forecast"]``: ``after`` or ``side``).

Head: og tags; on metadata-dated pages (and for metadata-only bylines) a JSON-LD
``NewsArticle`` and ``article:published_time``; on every page a JSON-LD ``SpecialAnnouncement``
(name, ``category`` the warning level, ``spatialCoverage`` the regions, ``expires`` the end
of the validity window as ISO: a machine-readable date that is not the publication's).
Text-dated and undated pages carry no machine publication date.
Page: the header (logo, menu, the header's date of the day: render time), breadcrumbs ("طقس"
/ "الطقس والمناخ"); the ``<h1>``; the meta row (the byline "متابعة: X" / "كتب: X" / the bare
name when it goes before; the date on dated pages); share buttons; the lead image with its
caption.
After the text: the byline line when it goes after, or on half the unsigned pages the desk
"قسم الطقس والكوارث" (no author: ``layout["byline"]`` ``desk``); the forecast (``after``); the
map; the safety advice; the emergency numbers; tags; latest weather news with times and dates;
the sidebar (current conditions, the forecast (``side``)); the footer.
Dates: metadata (second) or the meta row (minute or day); undated pages show the warning's
times and days, the forecast's days, the observation and sun times, the lists' dates and the
header's day only, never between the title and the text.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc, inline, thumb_url
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import WEEKDAYS, eastern_digits, slugify

NAME = "weather_alert"
TRAITS = Traits(
    date_formats=("weekday_time", "numeric_time", "time_first", "maghreb_time",
                  "slash_ymd_time"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc", "utc_z", "plus3"),
    visible_with_meta=0.7, eastern_digits=0.15,
    byline_forms=("kataba", "kataba", "bare", "meta_only"),
    byline_prefixes={"kataba": ("متابعة: ", "كتب: ", "متابعة - ")},
    byline_positions=("before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.75, caption=0.6,
)

LEVELS = (("أصفر", "الأصفر", "yellow"), ("برتقالي", "البرتقالي", "orange"),
          ("أحمر", "الأحمر", "red"))
LEVEL_FORMS = ("إنذار {level}", "نشرة إنذارية من المستوى {the_level}",
               "تحذير من المستوى {the_level}")
PHENOMENA = ("أمطار رعدية قوية", "رياح عاصفية", "موجة حر شديدة", "تساقط الثلوج على المرتفعات",
             "اضطراب في حالة البحر", "زخات برد", "عواصف رملية")
REGIONS = ("المناطق الشمالية", "السواحل الغربية", "المرتفعات الوسطى", "المناطق الداخلية",
           "العاصمة وضواحيها", "الجنوب الشرقي", "الواحات")
VALIDITY = ("ساري من {start} إلى {end}", "من {start} إلى {end}")
ISSUED = ("صدرت في: {when}", "تاريخ الإصدار: {when}")
BULLETIN = ("النشرة رقم {n}", "نشرة خاصة رقم {n}")
ISSUER = ("المركز الوطني للأرصاد الجوية", "المديرية العامة للأرصاد", "هيئة الأرصاد والإنذار المبكر")
UPDATE_FORMS = ("تحديث {time}: رفع مستوى الإنذار في بعض المناطق",
                "تحديث {time}: تمديد فترة سريان النشرة",
                "تحديث {time}: السلطات تعلن تعليق الدراسة في المناطق المعنية")
FORECAST_HEADINGS = ("توقعات الأيام المقبلة", "الطقس خلال الأيام القادمة", "التوقعات")
CONDITIONS = ("مشمس", "غائم جزئيا", "أمطار متفرقة", "عواصف رعدية", "غائم", "رياح قوية")
FORECAST_COLUMNS = ("اليوم", "الحالة", "العظمى / الصغرى")
NOW_HEADINGS = ("الطقس الآن", "حالة الطقس")
HUMIDITY = "الرطوبة {n}%"
WIND = "الرياح {n} كم/س"
OBSERVED = ("آخر رصد: {time}", "رصد الساعة {time}")
SUN = ("الشروق {rise}", "الغروب {set}")
MAP_CAPTIONS = ("خريطة المناطق المعنية بالإنذار", "خريطة توضيحية لمستويات الإنذار")
ADVICE_HEADINGS = ("إرشادات السلامة", "نصائح للمواطنين", "كيف تتصرف؟")
ADVICE = ("تجنب التنقل غير الضروري خلال فترة سريان النشرة.",
          "ابتعد عن مجاري الأودية والمناطق المنخفضة.",
          "ثبت الأجسام القابلة للتطاير على الأسطح والشرفات.",
          "تابع النشرات الرسمية ولا تعتمد على الشائعات.",
          "لا تقترب من أعمدة الكهرباء والأسلاك المتساقطة.",
          "احرص على شرب الماء بانتظام وتجنب التعرض المباشر للشمس.",
          "خفف السرعة واترك مسافة أمان كافية أثناء القيادة.")
EMERGENCY_HEADINGS = ("أرقام الطوارئ", "للطوارئ")
EMERGENCY = ("الحماية المدنية: {a}", "الإسعاف: {b}", "الشرطة: {c}")
DESK = "قسم الطقس والكوارث"
CRUMBS = ("طقس", "الطقس والمناخ", "طقس وبيئة")
CITIES = ("الرباط", "القاهرة", "عمان", "تونس", "الجزائر", "مسقط", "الرياض", "بيروت")


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _local(page: Page, moment: datetime) -> datetime:
    return moment.astimezone(dates.site_zone(page.article.site))


def _short(page: Page, moment: datetime) -> str:
    """"الخميس 21 نوفمبر 14:00": weekday, day, month and time, no year."""
    m = _local(page, moment)
    return _digits(page, f"{WEEKDAYS[m.weekday()]} {m.day} {dates.GREGORIAN[m.month - 1]} "
                         f"{m:%H:%M}")


def _warning(page: Page, base: datetime) -> tuple[str, str, str, list[str], datetime]:
    rng, a = page.rng, page.article
    level, the_level, css = rng.choice(LEVELS)
    title = page.record("warning", [page.stable("level").choice(LEVEL_FORMS).format(
        level=level, the_level=the_level)])[0]
    phenomenon = rng.choice(PHENOMENA)
    regions = rng.sample(REGIONS, rng.randint(2, 3))
    start = base + timedelta(hours=rng.randint(1, 6))
    start = start.replace(minute=0, second=0, microsecond=0)
    end = start + timedelta(hours=rng.randint(12, 36))
    validity = page.stable("validity").choice(VALIDITY).format(start=_short(page, start),
                                                                end=_short(page, end))
    issued_at = base - timedelta(hours=rng.randint(1, 5), minutes=rng.randrange(60))
    issued = page.stable("issued").choice(ISSUED).format(
        when=dates.visible(issued_at, "numeric_time", a.site, page.eastern))
    number = _digits(page, page.stable("bulletin").choice(BULLETIN).format(
        n=rng.randint(3, 180)))
    issuer = page.stable("issuer").choice(ISSUER)
    page.record("warning", [phenomenon, "، ".join(regions), validity, issued, number, issuer])
    html = (f'<section class="warning-box level-{css}" role="alert"><h3>{esc(title)}</h3><p '
            f'class="phenomenon">{esc(phenomenon)}</p><p class="regions">{esc("، ".join(regions))}'
            f'</p><p class="validity">{esc(validity)}</p><p class="issued">{esc(issued)} — '
            f'<span>{esc(number)}</span> — <span>{esc(issuer)}</span></p></section>')
    return html, title, phenomenon, regions, end


def _forecast(page: Page, base: datetime) -> str:
    rng = page.rng
    heading = page.pick("forecast", FORECAST_HEADINGS)
    columns = page.record("forecast", list(FORECAST_COLUMNS))
    rows = []
    for i in range(1, rng.randint(4, 6)):
        m = _local(page, base + timedelta(days=i))
        day = _digits(page, f"{WEEKDAYS[m.weekday()]} {m.day}/{m.month}")
        state = rng.choice(CONDITIONS)
        high = rng.randint(12, 41)
        temps = _digits(page, f"{high}° / {high - rng.randint(5, 12)}°")
        page.record("forecast", [day, state, temps])
        rows.append(f"<tr><th>{esc(day)}</th><td>{esc(state)}</td><td>{esc(temps)}</td></tr>")
    head = "".join(f"<th>{esc(c)}</th>" for c in columns)
    return (f'<section class="forecast"><h3>{esc(heading)}</h3><table><thead><tr>{head}</tr>'
            f'</thead><tbody>{"".join(rows)}</tbody></table></section>')


def _now(page: Page) -> str:
    rng = page.rng
    heading = page.pick("widgets", NOW_HEADINGS)
    city = page.stable("city").choice(CITIES)
    observed = page.stable("observed").choice(OBSERVED).format(
        time=f"{rng.randint(5, 22):02d}:00")
    rise = f"0{rng.randint(5, 7)}:{rng.randrange(60):02d}"
    sunset = f"{rng.randint(17, 19)}:{rng.randrange(60):02d}"
    lines = [f"{city} {rng.randint(6, 42)}°", rng.choice(CONDITIONS),
             HUMIDITY.format(n=rng.randint(20, 95)), WIND.format(n=rng.randint(5, 70)), observed,
             SUN[0].format(rise=rise), SUN[1].format(set=sunset)]
    lines = page.record("widgets", [_digits(page, x) for x in lines])
    return (f'<section class="now"><h3>{esc(heading)}</h3><ul>'
            + "".join(f"<li>{esc(x)}</li>" for x in lines) + "</ul></section>")


def _text(page: Page, warning: str | None, update: str | None) -> str:
    rng = page.rng
    parts = body.shape(page, lead=0.3)
    html = []
    for i, part in enumerate(parts):
        if part.kind == "quote":
            html.append(f"<blockquote><p>{esc(part.texts[0])}</p></blockquote>")
        elif i == 0 and page.dateline and page.dateline.position == "body_lead":
            html.append(f"<p><b>{esc(page.dateline.text)}</b> - "
                        f"{inline(part.texts[0], rng, 0.2)}</p>")
        else:
            html.append(f"<p>{inline(part.texts[0], rng, 0.2)}</p>")
    if warning is not None:
        html.insert(1, warning)
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    if update is not None:
        html.append(f'<p class="alert-update"><strong>{esc(update)}</strong></p>')
    return '<div class="alert-news">\n' + "\n".join(html) + "\n</div>"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    where = page.stable(f"warning:{page.section}").choice(("top", "after_lead"))
    forecast_place = page.stable(f"forecast:{page.section}").choice(("after", "side"))
    page.layout["warning"], page.layout["forecast"] = where, forecast_place
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60), hours=rng.randint(0, 23)))
    warning, level_title, phenomenon, regions, end = _warning(page, base)
    update = None
    if rng.random() < 0.4:
        later = _local(page, base + timedelta(hours=rng.randint(2, 9), minutes=rng.randrange(60)))
        update = page.record("update", [_digits(page, rng.choice(UPDATE_FORMS).format(
            time=f"{later:%H:%M}"))])[0]
        page.layout["update"] = "yes"
    announcement = {"@context": "https://schema.org", "@type": "SpecialAnnouncement",
                    "name": f"{level_title}: {phenomenon}", "category": level_title,
                    "spatialCoverage": [{"@type": "Place", "name": r} for r in regions],
                    "expires": _local(page, end).isoformat(timespec="seconds")}
    data = meta.news_article(page, description=meta.description(page))
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(page.headline)} | {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page)
            + (meta.ld_script(data) if page.date.where == "metadata" or b.in_metadata else "")
            + meta.ld_script(announcement)
            + '<link rel="stylesheet" href="/assets/weather.css">\n</head>\n')
    today = page.today_line(page.stable("today").choice(("weekday_day", "maghreb_day")))
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    crumbs = [*page.breadcrumbs(), page.pick("breadcrumbs", CRUMBS)]
    crumb_html = " › ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(crumbs))
    meta_row = []
    if b.visible and b.position == "before":
        names = page.linked_names()
        meta_row.append(f'<span class="by">{esc(b.prefix)}{names}</span>')
    if page.date.visible:
        meta_row.append(f'<span class="date">{esc(page.date.visible)}</span>')
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    figure = page.lead_figure()
    text = _text(page, warning if where == "after_lead" else None, update)
    signed = ""
    if b.visible and b.position == "after":
        signed = f'<p class="by-end">{esc(b.text())}</p>'
    elif b.form == "none" and rng.random() < 0.5:
        desk = page.record("desk", [DESK])[0]
        page.layout["byline"] = "desk"
        signed = f'<p class="by-end desk">{esc(desk)}</p>'
    forecast = _forecast(page, base)
    map_caption = page.pick("map", MAP_CAPTIONS)
    map_figure = (f'<figure class="alert-map"><img src="{attr(thumb_url(page.site, rng))}" '
                  f'alt="{attr(map_caption)}"><figcaption>{esc(map_caption)}</figcaption></figure>')
    advice_heading = page.pick("advice", ADVICE_HEADINGS)
    advice = page.record("advice", rng.sample(ADVICE, rng.randint(3, 5)))
    emergency_heading = page.pick("emergency", EMERGENCY_HEADINGS)
    numbers = page.record("emergency", [_digits(page, e.format(
        a=page.stable("n-a").randint(14, 19), b=page.stable("n-b").randint(100, 199),
        c=page.stable("n-c").randint(10, 999))) for e in EMERGENCY])
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    latest_heading = page.pick("latest", furniture.LATEST_HEADINGS)
    latest = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> <span>'
                     f'{esc(link.date or "")}</span></li>'
                     for link in page.links("latest", rng.randint(3, 5), "time_first"))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="weather-page">',
        f'<header><a class="logo" href="/"><img src="/assets/logo.png" alt="{attr(page.label)}">'
        f'</a><span class="today">{esc(today)}</span><nav><ul>{menu}</ul></nav></header>',
        f'<nav class="crumbs">{crumb_html}</nav>',
        '<div class="layout"><main><article class="alert-article">',
        warning if where == "top" else "",
        f"<h1>{esc(page.headline)}</h1>",
        (f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else ""),
        f'<div class="share">{share}</div>',
        figure,
        text,
        signed,
        forecast if forecast_place == "after" else "",
        map_figure,
        f'<section class="advice"><h3>{esc(advice_heading)}</h3><ul>'
        + "".join(f"<li>{esc(x)}</li>" for x in advice) + "</ul></section>",
        f'<section class="emergency"><h3>{esc(emergency_heading)}</h3><ul>'
        + "".join(f"<li>{esc(x)}</li>" for x in numbers) + "</ul></section>",
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="latest"><h3>{esc(latest_heading)}</h3><ul>{latest}</ul></section>',
        '</main><aside class="side">',
        _now(page),
        forecast if forecast_place == "side" else "",
        "</aside></div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
