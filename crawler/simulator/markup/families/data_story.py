"""A data story (بالأرقام / إنفوغراف) from a newsroom's data desk: the text cut by a table of
figures, a strip of key figures and a chart, each with its caption and its source.

Body: the story's paragraphs (now and then a lead sentence of its own and intertitles). The
table (``<figure class="data-table">``: caption "جدول: ...", the column headers, the rows'
labels and figures, the source line "المصدر: ... (بيانات حتى 31/03/2024)" and the "تحميل
البيانات (CSV)" link), the chart (an image with "رسم بياني: ..." as its caption and
"تكبير الصورة") and the key figures ("27%" over "نسبة النمو السنوي") are not body, even where
they stand between two paragraphs. The table's columns are years ("2021" ... "2024"), quarter
ends ("31/03/2024": dates that are not the story's) or months ("مارس 2024"), per page
(``layout["columns"]``).

Head: og tags; on metadata-dated pages (and for metadata-only bylines) a JSON-LD
``NewsArticle`` and a ``Dataset`` (name: the table's caption, creator: the site), and
``article:published_time``. Text-dated and undated pages carry no machine date.
Page: the header (logo, menu, today's date: render time), breadcrumbs; the desk's label
("بالأرقام", "إنفوغراف") above the ``<h1>``; the meta row (the byline "كتب: X" / "إعداد: X" /
the bare name when it goes before, the designer's credit "تصميم: Y" on some pages: no author;
the date on dated pages); share buttons; the key figures strip above the text or after its
first paragraph (``layout["figures"]``, per section); the lead image with its caption.
Body (``div.story-text``): the dateline as its bold first line or a line of its own; the
paragraphs; the table after one of them (never before the first); the chart after another on
some pages.
After: the byline when it goes after ("إعداد: X" and the designer's credit), the methodology
box ("عن البيانات": prose about the figures, not body), tags, other data stories with dates,
most read with dates, the footer.
Dates: metadata (second) or the meta row (minute or day); undated pages show the table's and
the lists' dates only (and never before the first paragraph).
"""

from __future__ import annotations

from datetime import timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc, inline, thumb_url
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import eastern_digits, person_name, slugify

NAME = "data_story"
TRAITS = Traits(
    date_formats=("day_at_time", "numeric_time", "weekday_comma_day", "iso_day",
                  "slash_ymd_time"),
    date_where=(0.45, 0.35, 0.2), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.75, eastern_digits=0.1,
    byline_forms=("kataba", "kataba", "bare", "meta_only"),
    byline_prefixes={"kataba": ("كتب: ", "إعداد: ", "تحليل: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("omitted", "line", "body_lead"),
    display_title=0.4, image=0.6, caption=0.5,
)

DESK_LABELS = ("بالأرقام", "إنفوغراف", "وحدة البيانات", "قصة بيانات")
DESIGN = ("تصميم: ", "إنفوغراف: ", "تصميم الرسوم: ")
INDICATORS = ("الصادرات", "الواردات", "الاستثمار الأجنبي", "عدد السياح", "فرص العمل الجديدة",
              "إنتاج الكهرباء", "استهلاك المياه", "عدد الطلبة المسجلين")
UNITS = ("مليون دولار", "نسبة مئوية", "ألف شخص", "مليار درهم", "غيغاواط ساعة")
ROWS = (("الجهة الشمالية", "الجهة الجنوبية", "الوسط", "الساحل", "العاصمة", "المناطق الداخلية"),
        ("الصناعة", "الفلاحة", "الخدمات", "السياحة", "الطاقة", "التجارة"),
        ("الفئة 15-24 سنة", "الفئة 25-34 سنة", "الفئة 35-49 سنة", "الفئة 50 سنة فأكثر"))
ROW_HEADERS = ("الجهة", "القطاع", "الفئة العمرية")
ROW_PLURALS = ("الجهات", "القطاعات", "الفئات العمرية")
SOURCES = ("المصدر: الهيئة الوطنية للإحصاء", "المصدر: البنك المركزي",
           "المصدر: وزارة الاقتصاد والمالية", "المصدر: تقرير المرصد الوطني")
DATA_AS_OF = ("بيانات حتى {day}", "آخر تحديث للبيانات {day}", "محدثة في {day}")
DOWNLOAD = ("تحميل البيانات (CSV)", "تنزيل الجدول (Excel)")
CHART = ("رسم بياني: {caption}", "شكل توضيحي: {caption}")
ZOOM = ("تكبير الصورة", "عرض بالحجم الكامل")
KEY_FIGURES = ("نسبة النمو السنوي", "حجم الاستثمارات بالدولار", "عدد المستفيدين",
               "معدل البطالة", "حصة القطاع من الناتج", "عدد المشاريع المنجزة")
METHOD_HEADINGS = ("عن البيانات", "المنهجية", "ملاحظة منهجية")
METHOD_NOTES = ("الأرقام الواردة في الجدول مقربة إلى أقرب عشر، وتعتمد على البيانات الرسمية "
                "المنشورة، وقد تخضع للمراجعة في الإصدارات اللاحقة.",
                "جمعت وحدة البيانات هذه الأرقام من التقارير السنوية والفصلية المتاحة للعموم، "
                "واحتسبت النسب على أساس سنوي.",
                "تشمل البيانات المسجلين رسميا فقط، ولا تغطي القطاع غير المهيكل الذي تقدر "
                "حصته بنحو ربع النشاط الاقتصادي.")
OTHER_HEADINGS = ("قصص بيانات أخرى", "المزيد من الأرقام", "إنفوغراف ذو صلة")
MONTHS = dates.GREGORIAN


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _columns(page: Page, year: int) -> list[str]:
    rng = page.rng
    kind = rng.choice(("years", "quarters", "months"))
    page.layout["columns"] = kind
    if kind == "years":
        return [str(y) for y in range(year - rng.randint(3, 4), year)]
    if kind == "quarters":
        ends = ("31/03", "30/06", "30/09", "31/12")
        return [f"{ends[q]}/{year - 1}" for q in range(4)]
    first = rng.randrange(0, 8)
    return [f"{MONTHS[m]} {year - 1}" for m in range(first, first + 4)]


def _table(page: Page) -> tuple[str, str]:
    rng, a = page.rng, page.article
    moment = a.published or (REFERENCE - timedelta(days=rng.randint(5, 90)))
    year = moment.astimezone(dates.site_zone(a.site)).year
    indicator, unit = rng.choice(INDICATORS), rng.choice(UNITS)
    which = rng.randrange(len(ROWS))
    caption = f"تطور {indicator} حسب {ROW_PLURALS[which]} ({unit})"
    label = page.pick("table", ("جدول:", "الجدول:"))
    columns = [_digits(page, c) for c in _columns(page, year)]
    rows = rng.sample(ROWS[which], rng.randint(3, min(5, len(ROWS[which]))))
    cells = [[_digits(page, f"{rng.uniform(0.5, 480):.1f}") for _ in columns] for _ in rows]
    as_of = moment - timedelta(days=rng.randint(20, 120))
    as_of_day = dates.visible(as_of, "numeric_day", a.site, page.eastern)
    as_of_text = page.stable("as-of").choice(DATA_AS_OF).format(day=as_of_day)
    source = f"{page.stable('source').choice(SOURCES)} ({as_of_text})"
    download = page.pick("table", DOWNLOAD)
    page.record("table", [f"{label} {caption}", ROW_HEADERS[which], *columns, *rows,
                          *(c for row in cells for c in row), source])
    head = "".join(f"<th>{esc(c)}</th>" for c in columns)
    body_rows = "".join(f"<tr><th>{esc(r)}</th>" + "".join(f"<td>{esc(c)}</td>" for c in row)
                        + "</tr>" for r, row in zip(rows, cells, strict=True))
    html = (f'<figure class="data-table"><figcaption>{esc(label)} {esc(caption)}</figcaption>'
            f'<div class="table-wrap"><table><thead><tr><th>{esc(ROW_HEADERS[which])}</th>'
            f'{head}</tr></thead><tbody>{body_rows}</tbody></table></div><p class="source">'
            f'{esc(source)}</p><a class="csv" href="/data/{rng.getrandbits(32):x}.csv">'
            f"{esc(download)}</a></figure>")
    return html, caption


def _chart(page: Page, caption: str) -> str:
    rng = page.rng
    text = page.record("chart", [page.stable("chart").choice(CHART).format(caption=caption)])[0]
    zoom = page.pick("chart", ZOOM)
    return (f'<figure class="chart"><a href="#zoom"><img src="{attr(thumb_url(page.site, rng))}" '
            f'alt="{attr(text)}"></a><figcaption>{esc(text)}</figcaption><button>{esc(zoom)}'
            "</button></figure>")


def _figures(page: Page) -> str:
    rng = page.rng
    cards = []
    for label in rng.sample(KEY_FIGURES, 3):
        value = rng.choice((f"{rng.randint(2, 60)}%", f"{rng.randint(1, 9)}.{rng.randrange(10)} "
                            "مليار", f"{rng.randint(120, 9800):,}"))
        value = _digits(page, value)
        page.record("key_figures", [value, label])
        cards.append(f'<div class="kf"><strong>{esc(value)}</strong><span>{esc(label)}</span>'
                     "</div>")
    return '<div class="key-figures">' + "".join(cards) + "</div>"


def _story(page: Page, figures_after_first: bool) -> tuple[str, str]:
    rng = page.rng
    parts = body.shape(page, lead=0.2, subheads=0.4)
    html = []
    for part in parts:
        if part.kind == "subhead":
            html.append(f"<h2>{esc(part.texts[0])}</h2>")
        elif part.kind == "quote":
            html.append(f"<blockquote><p>{esc(part.texts[0])}</p></blockquote>")
        elif part.kind == "list":
            html.append("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>")
        else:
            html.append(f"<p>{inline(part.texts[0], rng, 0.2)}</p>")
    if page.dateline and page.dateline.position == "body_lead":
        html[0] = f"<p><strong>{esc(page.dateline.text)}</strong></p>\n{html[0]}"
    table, caption = _table(page)
    slots = max(1, len(html) - 1)
    at = rng.randrange(slots) + 1
    extras = {at: [table]}
    if figures_after_first:
        extras.setdefault(1, []).insert(0, _figures(page))
    if rng.random() < 0.5 and len(html) > 2:
        extras.setdefault(rng.randrange(1, len(html)), []).append(_chart(page, caption))
        page.layout["chart"] = "yes"
    out = []
    for i, block in enumerate(html):
        out.extend(extras.get(i, []))
        out.append(block)
    out.extend(extras.get(len(html), []))
    if page.dateline and page.dateline.position == "line":
        out.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    return '<div class="story-text">\n' + "\n".join(out) + "\n</div>", caption


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    figures_after_first = page.stable(f"figures:{page.section}").random() < 0.5
    page.layout["figures"] = "after_first" if figures_after_first else "top"
    designer = None
    if rng.random() < 0.5:
        taken = set(a.authors) | set(b.names)
        while (designer := person_name(rng)) in taken:
            pass
    credit = (page.record("credit", [f"{page.stable('design').choice(DESIGN)}{designer}"])[0]
              if designer else "")
    figures_top = "" if figures_after_first else _figures(page)
    story, caption = _story(page, figures_after_first)
    data = meta.news_article(page, description=meta.description(page))
    dataset = {"@context": "https://schema.org", "@type": "Dataset", "name": caption,
               "creator": {"@type": "Organization", "name": page.label}}
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} - {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page)
            + (meta.ld_script(data) + meta.ld_script(dataset)
               if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/static/data.css">\n</head>\n')
    today = page.today_line("weekday_day")
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    crumbs = "".join(f'<li><a href="/c/{i}">{esc(c)}</a></li>'
                     for i, c in enumerate(page.breadcrumbs()))
    desk = page.pick("label", DESK_LABELS)
    meta_row = []
    if b.visible and b.position == "before":
        meta_row.append(f'<span class="by">{esc(b.text())}</span>')
        if credit:
            meta_row.append(f'<span class="design">{esc(credit)}</span>')
    if page.date.visible:
        meta_row.append(f'<span class="date">{esc(page.date.visible)}</span>')
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    figure = page.lead_figure()
    after = []
    if b.visible and b.position == "after":
        after.append(f'<p class="by">{esc(b.text())}</p>')
    if credit and not (b.visible and b.position == "before"):
        after.append(f'<p class="design">{esc(credit)}</p>')
    method_heading = page.pick("method", METHOD_HEADINGS)
    method = page.record("method", [rng.choice(METHOD_NOTES)])[0]
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    other_heading = page.pick("related", OTHER_HEADINGS)
    others = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> <span>'
                     f'{esc(link.date or "")}</span></li>'
                     for link in page.links("related", rng.randint(3, 5), "iso_day"))
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> <span>'
                   f'{esc(link.date or "")}</span></li>'
                   for link in page.links("most_read", 5, "numeric_day"))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="data-story">',
        f'<header><span class="today">{esc(today)}</span><a class="logo" href="/"><img '
        f'src="/static/logo.svg" alt="{attr(page.label)}"></a><nav><ul>{menu}</ul></nav></header>',
        f'<ol class="crumbs">{crumbs}</ol>',
        '<main><article class="data">',
        f'<span class="desk">{esc(desk)}</span>',
        f"<h1>{esc(page.headline)}</h1>",
        (f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else ""),
        f'<div class="share">{share}</div>',
        figures_top,
        figure,
        story,
        "".join(after),
        f'<aside class="methodology"><h4>{esc(method_heading)}</h4><p>{esc(method)}</p></aside>',
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="other-stories"><h3>{esc(other_heading)}</h3><ul>{others}</ul>'
        "</section>",
        "</main>",
        f'<aside class="side"><h3>{esc(most_heading)}</h3><ol>{most}</ol></aside>',
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
