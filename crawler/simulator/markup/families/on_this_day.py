"""A "في مثل هذا اليوم" (on this day) page of a portal's history corner: the day's featured
story under a calendar badge that names the same day and month in another year, with lists of
other events, births and deaths of that day around it.

Body: the featured story's parts (the article's paragraphs, now and then a lead sentence of its
own, a quoted statement as a ``<blockquote>``, intertitles: body) in ``div.day-story``. On some
pages (``layout["did_you_know"]``) the "هل تعلم؟" box (``aside.did-you-know``: one sentence of
prose with a year, "هل تعلم أن أول بث إذاعي عربي انطلق سنة 1934؟": not body) stands between two
body parts. The dateline, when shown, is the story's first line (``p.dateline``) or the bold
start of its first paragraph ("الرباط - المغرب اليوم -").

The calendar badge above the ``<h1>`` (``div.day-badge``): "في مثل هذا اليوم", the day and month
of the page's date (of the render day on undated pages) with a *historical year*, "14 نوفمبر
1973": a full date that is not the page's date (``layout["badge_year"]``), and the years-ago
line "قبل 51 عاما". Under the ``<h1>`` the meta row: the byline when it goes before ("إعداد: X",
"إعداد - X", "بقلم: X", "بقلم الباحث: X", the bare name; ``meta_only`` in metadata), the
historical reviewer ("مراجعة تاريخية: د. Y": a historian of a name pool of its own, not an
author) on some pages (``layout["reviewer"]``), the page's date with its label on text-dated
pages (also on some metadata-dated ones).
After the story: the byline when it goes after, "أحداث أخرى في مثل هذا اليوم" (rows "1956 -
event"), "ولد في مثل هذا اليوم" and "توفي في مثل هذا اليوم" (a year, a person's name and
what they were: none an author), the archive's day picker ("اختر يوما آخر" with month names),
tags, related stories with their dates, the footer. Each section of a site places the lists
one way (``layout["lists"]``): ``after``, under the story, or ``side``, in the sidebar.

Head: og tags; on metadata-dated pages (and for metadata-only bylines) a JSON-LD
``NewsArticle`` (its ``about`` an ``Event`` with the historical day as ``startDate``: a machine
date decades before the publication) and ``article:published_time``. Text-dated and undated
pages carry no machine publication date.
Dates: metadata (second) or the meta row (minute or day); undated pages show the badge's
historical day above the title, the lists' years, the related dates and the header's day.
"""

from __future__ import annotations

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.dates import GREGORIAN
from crawler.simulator.markup.kit import attr, esc
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.text import eastern_digits, slugify

NAME = "on_this_day"
TRAITS = Traits(
    date_formats=("long_day", "weekday_time", "gregorian_hijri", "numeric_day", "day_at_time"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc", "utc_z"),
    visible_with_meta=0.6, eastern_digits=0.15,
    byline_forms=("kataba", "biqalam_colon", "biqalam_colon", "bare", "meta_only"),
    byline_prefixes={"kataba": ("إعداد: ", "إعداد - "),
                     "biqalam_colon": ("بقلم: ", "بقلم الباحث: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.7, caption=0.6,
)

BADGES = ("في مثل هذا اليوم", "حدث في مثل هذا اليوم", "ذاكرة اليوم")
AGO = "قبل {n} عاما"
REVIEW_LABELS = ("مراجعة تاريخية: د. ", "التدقيق التاريخي: د. ")
HISTORIANS = ("منير الكتاني", "فاطمة الزهراء العلوي", "سليم الحداد", "عائشة بن عيسى",
              "جمال الدين الرفاعي", "نادية السويدي")
"""Historians who review the page: a pool of names of their own (no author)."""
DID_YOU_KNOW = ("هل تعلم؟", "معلومة تاريخية")
FACTS = ("هل تعلم أن أول بث إذاعي باللغة العربية انطلق سنة {y} من محطة صغيرة؟",
         "يذكر المؤرخون أن أول خط للسكك الحديدية في المنطقة افتتح سنة {y} وسط احتفالات شعبية.",
         "في سنة {y} صدر أول عدد من صحيفة يومية بقيت تصدر دون انقطاع لعقود.",
         "شهدت سنة {y} تأسيس أول جامعة حديثة في البلاد بعد سنوات من التحضير.")
"""The did-you-know box's prose (written for this generator): not body."""
EVENT_HEADINGS = ("أحداث أخرى في مثل هذا اليوم", "وقع أيضا في مثل هذا اليوم")
EVENTS = ("افتتاح أول مطار دولي في العاصمة", "توقيع معاهدة للتعاون الاقتصادي بين بلدين جارين",
          "انطلاق أول دورة لمهرجان سينمائي عربي", "تدشين سد كبير لتخزين مياه الأمطار",
          "إطلاق أول قمر صناعي عربي للاتصالات", "تأسيس اتحاد الإذاعات العربية",
          "فوز منتخب عربي بلقب قاري للمرة الأولى", "اكتشاف موقع أثري روماني قرب الساحل",
          "صدور أول طابع بريدي وطني", "افتتاح المكتبة الوطنية بحلتها الجديدة")
BIRTH_HEADINGS = ("ولد في مثل هذا اليوم", "مواليد هذا اليوم")
DEATH_HEADINGS = ("توفي في مثل هذا اليوم", "رحلوا في مثل هذا اليوم")
FIGURES = (("أحمد الزيات", "كاتب وصحفي"), ("فيروز الخطيب", "مطربة"), ("عبد الكريم الناصري",
           "شاعر"), ("زكية بنسالم", "مناضلة نسائية"), ("إدريس الشرايبي", "روائي"),
           ("منى الحلبي", "ممثلة مسرحية"), ("خليل الطويل", "عالم فلك"),
           ("سعدية الورزازي", "رسامة تشكيلية"), ("مصطفى القرشي", "لاعب كرة قدم"),
           ("هدى الكبيسي", "طبيبة وباحثة"))
"""Historical figures (invented for this generator): names, not authors."""
PICKER = ("اختر يوما آخر", "تصفح أرشيف الأيام")


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _parts_html(page: Page, parts: list[Part]) -> list[str]:
    return body.parts_html(page, parts, lead_tag="strong", lead_mark=" -")


def _lists(page: Page, years: list[int]) -> str:
    rng = page.rng
    events_heading = page.pick("events", EVENT_HEADINGS)
    rows = []
    for year, event in zip(years[:4], rng.sample(EVENTS, 4), strict=True):
        row = page.record("events", [_digits(page, f"{year} - {event}")])[0]
        rows.append(f"<li>{esc(row)}</li>")
    people = rng.sample(FIGURES, 4)
    births_heading = page.pick("births", BIRTH_HEADINGS)
    deaths_heading = page.pick("births", DEATH_HEADINGS)
    born: list[str] = []
    died: list[str] = []
    for k, (name, what) in enumerate(people):
        born_in = _digits(page, str(rng.randint(1890, 1990)))
        page.record("births", [born_in, name, what])
        item = (f'<li><span class="y">{esc(born_in)}</span> <b>{esc(name)}</b> '
                f'<span class="what">{esc(what)}</span></li>')
        (born if k < 2 else died).append(item)
    return (f'<section class="day-lists"><h3>{esc(events_heading)}</h3><ul class="events">'
            f'{"".join(rows)}</ul><h3>{esc(births_heading)}</h3><ul class="births">'
            f'{"".join(born)}</ul><h3>{esc(deaths_heading)}</h3><ul class="deaths">'
            f'{"".join(died)}</ul></section>')


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    lists_place = page.stable(f"lists:{page.section}").choice(("after", "side"))
    page.layout["lists"] = lists_place
    zone = dates.site_zone(a.site)
    day = (a.published or page.today).astimezone(zone)
    years = sorted(rng.sample(range(1920, day.year - 5), 5))
    featured_year = years[-1] if rng.random() < 0.5 else years.pop(rng.randrange(4))
    years = [y for y in years if y != featured_year]
    historical = day.replace(year=featured_year, day=min(day.day, 28) if day.month == 2
                             else day.day)
    page.layout["badge_year"] = str(featured_year)
    badge_label = page.pick("badge", BADGES)
    badge_day = page.record("badge", [dates.visible(historical, "long_day", a.site,
                                                    page.eastern, zone)])[0]
    ago = page.record("badge", [_digits(page, AGO.format(n=day.year - featured_year))])[0]
    reviewer = None
    if rng.random() < 0.4:
        name = rng.choice([h for h in HISTORIANS if h not in a.authors])
        reviewer = page.record("reviewer", [page.stable("review").choice(REVIEW_LABELS)
                                            + name])[0]
        page.layout["reviewer"] = "yes"

    about = {"@type": "Event", "name": a.title,
             "startDate": historical.strftime("%Y-%m-%d")}
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(badge_label)}: {esc(page.headline)} - {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + (meta.ld_script(meta.news_article(page, about=about))
               if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/css/history.css">\n</head>\n')
    today = page.today_line(page.stable("today").choice(("gregorian_hijri", "weekday_day")))
    menu = "".join(f'<li><a href="/sec/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    crumbs = page.breadcrumbs()
    crumb_html = " / ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(crumbs))
    meta_row = []
    if b.visible and b.position == "before":
        names = page.linked_names("/writer/")
        meta_row.append(f'<span class="by">{esc(b.prefix)}{names}</span>')
    if reviewer:
        meta_row.append(f'<span class="reviewer">{esc(reviewer)}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    figure = ""
    if page.image:
        cap = (f"<figcaption>{esc(page.image.caption)}</figcaption>"
               if page.image.caption else "")
        figure = f'<figure class="archive-photo"><img src="{attr(page.image.url)}" alt="">' \
                 f"{cap}</figure>"

    parts = body.shape(page, lead=0.2, quote=0.25, subheads=0.25, bullets=0.15)
    html = _parts_html(page, parts)
    spots = [k for k in range(1, len(parts)) if parts[k].kind != "list"
             and parts[k - 1].texts[0] not in body.LIST_LEADS]
    if spots and rng.random() < 0.5:
        heading = page.pick("did_you_know", DID_YOU_KNOW)
        fact = page.record("did_you_know", [_digits(page, rng.choice(FACTS).format(
            y=rng.randint(1900, 1970)))])[0]
        html.insert(rng.choice(spots), f'<aside class="did-you-know"><h4>{esc(heading)}</h4>'
                                       f"<p>{esc(fact)}</p></aside>")
        page.layout["did_you_know"] = "yes"
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    story = '<div class="day-story">\n' + "\n".join(html) + "\n</div>"
    signed = ""
    if b.visible and b.position == "after":
        signed = f'<p class="signed">{esc(b.text())}</p>'
    lists = _lists(page, years)
    picker_label = page.pick("picker", PICKER)
    page.record("picker", list(GREGORIAN))
    picker = (f'<form class="picker"><label>{esc(picker_label)}</label><select name="m">'
              + "".join(f'<option value="{k + 1}">{esc(m)}</option>'
                        for k, m in enumerate(GREGORIAN)) + "</select></form>")
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    related_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> <time>'
                      f'{esc(link.date or "")}</time></li>'
                      for link in page.links("related", rng.randint(3, 5), "long_day"))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="history-day">',
        f'<header><a class="logo" href="/"><img src="/logo.png" alt="{attr(page.label)}"></a>'
        f'<span class="today">{esc(today)}</span><nav><ul>{menu}</ul></nav></header>',
        f'<nav class="crumbs">{crumb_html}</nav>',
        '<div class="page"><main><article class="day">',
        f'<div class="day-badge"><span class="label">{esc(badge_label)}</span> <span class="d">'
        f'{esc(badge_day)}</span> <span class="ago">{esc(ago)}</span></div>',
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else "",
        figure,
        story,
        signed,
        f'<div class="share">{share}</div>',
        lists if lists_place == "after" else "",
        picker,
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="related"><h3>{esc(related_heading)}</h3><ul>{related}</ul></section>',
        "</main>",
        f'<aside class="side">{lists}</aside>' if lists_place == "side" else "",
        "</div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
