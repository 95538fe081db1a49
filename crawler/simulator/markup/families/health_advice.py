"""A health and nutrition advice article (صحة وتغذية / "صحتك") of a portal's health section: a
medical reviewer named beside the writer, a key-points box of advice sentences before the text,
a nutrition-facts table cutting the text, and the sources and review date after it.

Body: the article's parts (now and then a lead sentence of its own, a quoted statement as a
``<blockquote>``, intertitles in ``<h2>``, a bulleted list with its lead-in: body) in
``div.health-body``.
The dateline, when shown, is the first line of the text (``p.dateline``) or the bold start of
its first paragraph ("القاهرة ـ مصر اليوم -").

Not body, though written as sentences: the key-points box (``aside.key-points``, "باختصار" /
"أهم النقاط": three pieces of advice such as "اشرب كمية كافية من الماء على مدار اليوم،
خاصة في الأيام الحارة.") that stands right under the meta row, before the text, on the
sections of a site that use it (``layout["key_points"]``); the tip box ("نصيحة الطبيب": one
sentence) after the text; the disclaimer.
The nutrition table (``table.nutrition`` under "القيم الغذائية لكل 100 غرام": the food's
name, then calories, proteins, fats, fibres with numbers and units) stands per section of a
site (``layout["nutrition"]``) inside ``div.health-body`` between two body parts
(``inside``, never between a lead-in and its list) or in the sidebar (``side``).

People: the writer is the author (byline "إعداد: X", "كتبت: X", "بقلم: X", the bare name,
``meta_only``), in the meta row under the ``<h1>`` or after the text with the writer's role
("أخصائية تغذية علاجية", not body). The medical reviewer ("راجعه طبيا: د. Y" / "المراجعة
الطبية: د. Y", with the specialty "استشاري أمراض القلب") is on the same meta row after the
byline on reviewed pages (``layout["reviewer"]``): never an author; a pool of names of its own.

Head: og tags; on every page a JSON-LD ``MedicalWebPage`` with ``lastReviewed`` (the review
day, one to sixty days *after* the publication) and ``reviewedBy`` (the reviewer as a
``Person``; the publisher on unreviewed pages); on metadata-dated pages (and for metadata-only
bylines) a ``NewsArticle`` and ``article:published_time``. Text-dated and undated pages carry
no machine publication date.
Page: the header (logo, menu, today's date: render time), breadcrumbs; the kicker and the
reading time above the ``<h1>``; the meta row (byline when before, the reviewer, the date on
dated pages with its label); share buttons; the lead image with its caption; the key points;
the text. After: the byline when after, the tip, the sources ("المصادر": organisations with a
year), the review line ("آخر مراجعة طبية: 3 مارس 2024", the JSON-LD's day), the disclaimer,
tags, related health articles with their dates, the footer.
Dates: metadata (second) or the meta row (minute or day); undated pages show the review day
after the text, the sources' years, the related dates and the header's day.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, esc
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import eastern_digits, slugify

NAME = "health_advice"
TRAITS = Traits(
    date_formats=("long_day", "weekday_comma_day", "numeric_time", "wp_day", "weekday_time"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("kataba", "kataba", "biqalam_colon", "bare", "meta_only"),
    byline_prefixes={"kataba": ("إعداد: ", "كتبت: ", "كتب - ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.8, caption=0.6,
)

KICKERS = ("صحة وتغذية", "صحتك", "طب ورشاقة")
READING = ("وقت القراءة: {n} دقائق", "{n} دقائق للقراءة")
REVIEW_LABELS = ("راجعه طبيا: د. ", "المراجعة الطبية: د. ")
REVIEWERS = ("سامية الأنصاري", "كمال بنشقرون", "ريم العتيبي", "وليد القاسمي", "ياسمينة حداد",
             "فؤاد المرزوقي")
"""Medical reviewers: a pool of names of their own (no author)."""
SPECIALTIES = ("استشاري أمراض القلب", "أخصائية الغدد الصماء", "استشاري طب الأسرة",
               "أخصائي التغذية السريرية")
WRITER_ROLES = ("أخصائية تغذية علاجية", "صحفي متخصص في الشؤون الصحية", "محررة قسم الصحة")
KEY_HEADINGS = ("باختصار", "أهم النقاط", "ما تحتاج معرفته")
KEY_POINTS = ("اشرب كمية كافية من الماء على مدار اليوم، خاصة في الأيام الحارة.",
              "قلل من الملح والسكر المضاف في وجباتك اليومية.",
              "احرص على النوم سبع ساعات على الأقل كل ليلة.",
              "مارس المشي نصف ساعة يوميا بوتيرة معتدلة.",
              "لا تتناول أي دواء دون استشارة الطبيب أو الصيدلي.",
              "أكثر من الخضروات الورقية والفواكه الموسمية.",
              "راجع طبيبك إذا استمرت الأعراض أكثر من أسبوع.")
"""Advice sentences of the key-points box (written for this generator): not body."""
NUTRITION_HEADINGS = ("القيم الغذائية لكل 100 غرام", "الحقائق الغذائية (لكل 100 غ)")
FOODS = ("العدس", "الشوفان", "السبانخ", "التمر", "الحمص", "اللوز", "البروكلي")
NUTRIENTS = (("السعرات الحرارية", "سعرة", 40, 580), ("البروتين", "غ", 1, 25),
             ("الدهون", "غ", 0, 50), ("الألياف", "غ", 1, 15), ("الحديد", "ملغ", 1, 9))
TIP_HEADINGS = ("نصيحة الطبيب", "نصيحة اليوم")
TIPS = ("ابدأ يومك بكوب من الماء الفاتر قبل أي مشروب آخر.",
        "اجعل نصف طبقك من الخضروات في كل وجبة رئيسية.",
        "خصص وقتا للراحة بعيدا عن الشاشات قبل النوم بساعة.")
SOURCE_HEADINGS = ("المصادر", "مراجع")
SOURCES = ("منظمة الصحة العالمية", "وزارة الصحة", "الجمعية العربية للتغذية",
           "المجلة الطبية العربية", "المعهد الوطني للصحة العامة")
REVIEWED = ("آخر مراجعة طبية:", "تمت المراجعة في:")
DISCLAIMERS = ("المعلومات الواردة في هذا المقال للتثقيف الصحي فقط ولا تغني عن استشارة الطبيب "
               "المختص.",
               "لا تعتمد على هذه المعلومات في التشخيص أو العلاج، واستشر طبيبك دائما.")
RELATED_HEADINGS = ("مقالات صحية ذات صلة", "اقرأ أيضا في صحتك")


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _parts_html(page: Page, parts: list[Part]) -> list[str]:
    return body.parts_html(page, parts, heading="h2", lead_mark=" -")


def _nutrition(page: Page) -> str:
    rng = page.rng
    heading = page.pick("nutrition", NUTRITION_HEADINGS)
    food = page.record("nutrition", [rng.choice(FOODS)])[0]
    rows = []
    for name, unit, low, high in NUTRIENTS:
        value = _digits(page, f"{rng.randint(low, high)} {unit}")
        page.record("nutrition", [name, value])
        rows.append(f"<tr><th>{esc(name)}</th><td>{esc(value)}</td></tr>")
    return (f'<table class="nutrition"><caption>{esc(heading)}</caption><thead><tr><th colspan="2">'
            f'{esc(food)}</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    key_points = page.stable(f"keys:{page.section}").random() < 0.6
    page.layout["key_points"] = "yes" if key_points else "no"
    nutrition_place = page.stable(f"nutrition:{page.section}").choice(("inside", "side"))
    page.layout["nutrition"] = nutrition_place
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    reviewed = base + timedelta(days=rng.randint(1, 60), hours=rng.randint(0, 10))
    zone = dates.site_zone(a.site)
    reviewer = None
    if rng.random() < 0.6:
        reviewer = rng.choice([r for r in REVIEWERS if r not in a.authors])
        page.layout["reviewer"] = "yes"
    reviewer_line = specialty = ""
    if reviewer:
        reviewer_line = page.record("reviewer", [
            page.stable("review").choice(REVIEW_LABELS) + reviewer])[0]
        specialty = page.record("reviewer", [rng.choice(SPECIALTIES)])[0]
    medical: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "MedicalWebPage", "name": a.title,
        "lastReviewed": reviewed.astimezone(zone).strftime("%Y-%m-%d"),
        "reviewedBy": ({"@type": "Person", "name": reviewer, "jobTitle": specialty}
                       if reviewer else {"@type": "Organization", "name": page.label})}
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(page.headline)} | {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + meta.ld_script(medical)
            + (meta.ld_script(meta.news_article(page))
               if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/static/health.css">\n</head>\n')
    today = page.today_line(page.stable("today").choice(("weekday_day", "paired_day")))
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    crumbs = page.breadcrumbs()
    crumb_html = " » ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(crumbs))
    kicker = page.pick("label", KICKERS)
    words = sum(len(p.split()) for p in a.paragraphs)
    reading = page.record("reading_time", [_digits(page, page.stable("reading").choice(
        READING).format(n=max(2, words // 180)))])[0]
    meta_row = []
    if b.visible and b.position == "before":
        names = page.linked_names()
        meta_row.append(f'<span class="by">{esc(b.prefix)}{names}</span>')
    if reviewer:
        meta_row.append(f'<span class="reviewer">{esc(reviewer_line)} <small>{esc(specialty)}'
                        "</small></span>")
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    figure = page.lead_figure()
    keys = ""
    if key_points:
        heading = page.pick("key_points", KEY_HEADINGS)
        points = page.record("key_points", rng.sample(KEY_POINTS, 3))
        keys = (f'<aside class="key-points"><h3>{esc(heading)}</h3><ul>'
                + "".join(f"<li>{esc(p)}</li>" for p in points) + "</ul></aside>")

    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.3, bullets=0.25)
    html = _parts_html(page, parts)
    table = _nutrition(page)
    if nutrition_place == "inside":
        spots = [k for k in range(1, len(parts)) if parts[k].kind != "list"]
        html.insert(rng.choice(spots) if spots else len(html), table)
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    text = '<div class="health-body">\n' + "\n".join(html) + "\n</div>"
    signed = ""
    if b.visible and b.position == "after":
        role = page.record("author_bio", [page.stable("role").choice(WRITER_ROLES)])[0]
        signed = (f'<div class="writer"><p class="by">{esc(b.text())}</p><p class="role">'
                  f"{esc(role)}</p></div>")
    tip_heading = page.pick("tip", TIP_HEADINGS)
    tip = page.record("tip", [rng.choice(TIPS)])[0]
    source_heading = page.pick("sources", SOURCE_HEADINGS)
    sources = []
    for org in rng.sample(SOURCES, 3):
        line = page.record("sources", [_digits(page, f"{org}، {rng.randint(2015, 2024)}")])[0]
        sources.append(f"<li>{esc(line)}</li>")
    reviewed_label = page.pick("reviewed", REVIEWED)
    reviewed_day = page.record("reviewed", [dates.visible(reviewed, "long_day", a.site,
                                                          page.eastern)])[0]
    disclaimer = page.pick("disclaimer", DISCLAIMERS)
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    related_heading = page.pick("related", RELATED_HEADINGS)
    related = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> <span>'
                      f'{esc(link.date or "")}</span></li>'
                      for link in page.links("related", rng.randint(3, 5), "numeric_day"))
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                   for link in page.links("most_read", 5))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    side = (table if nutrition_place == "side" else "") + \
        f"<h3>{esc(most_heading)}</h3><ol>{most}</ol>"
    return head + "\n".join([
        '<body class="health">',
        f'<header><a class="logo" href="/"><img src="/logo.png" alt="{attr(page.label)}"></a>'
        f'<span class="today">{esc(today)}</span><nav><ul>{menu}</ul></nav></header>',
        f'<nav class="crumbs">{crumb_html}</nav>',
        '<div class="layout"><main><article class="advice">',
        f'<div class="top"><span class="kicker">{esc(kicker)}</span> <span class="reading">'
        f"{esc(reading)}</span></div>",
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else "",
        f'<div class="share">{share}</div>',
        figure,
        keys,
        text,
        signed,
        f'<aside class="tip"><h4>{esc(tip_heading)}</h4><p>{esc(tip)}</p></aside>',
        f'<section class="sources"><h4>{esc(source_heading)}</h4><ol>{"".join(sources)}</ol>'
        "</section>",
        f'<p class="reviewed">{esc(reviewed_label)} {esc(reviewed_day)}</p>',
        f'<p class="disclaimer">{esc(disclaimer)}</p>',
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="related"><h3>{esc(related_heading)}</h3><ul>{related}</ul></section>',
        "</main>",
        f'<aside class="side">{side}</aside>',
        "</div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
