"""An exam-results page (نتائج الامتحانات / "نتيجة الثانوية العامة") of a portal's education
desk: the desk's story about the results between the result-lookup form, the pass rates by
stream, the list of the top students with their schools and marks, and the key dates to come:
people's names, figures, times and days all round the story.

Body (``div.results-story``): the story's parts (now and then a lead sentence of its own, a quoted
statement, intertitles, a bulleted list after its lead-in: body). Each section of a site sets them
one way (``layout["text"]``): ``p``, ``<p>`` elements; ``br``, text runs separated by ``<br><br>``
(intertitles a ``<b>`` line of their own). The dateline, when shown, is a line of its own above the
text or the bold start of the first paragraph ("القاهرة - مصر اليوم -", the text after it is body).
Ad slots between two parts (not body).

Not body: the results banner above the ``<h1>`` ("ظهرت النتيجة" and the exam with its year);
the lookup form (``form.result-search``: "استعلم عن نتيجتك", "رقم الجلوس", the regions, "عرض
النتيجة", the SMS line), placed per section (``layout["search"]``): ``top`` above the ``<h1>``,
``after_lead`` inside the story after its first part, or ``side``; the pass-rates table
(``table.pass-rates``: stream, candidates, passed, rate, and the overall rate), placed per section
(``layout["stats"]``): ``inside``, between two body parts, or ``after`` the text; the top
students (``ol.top-students``: a rank, a student's name, a school and a mark: names of a pool of
their own, never authors); the key dates (``dl.key-dates``: the official announcement one to
three days *after* the publication with its time, the appeals and the second session, later
still); the official links and the hotline.

Bylines: "كتب: X", "متابعة: X", "بقلم: X", the bare name, or metadata only; in the meta row under
the ``<h1>`` or after the text. Text-dated pages print the date in the meta row with its label.
Page: the header (logo, menu, today's date: render time), the breaking ticker, breadcrumbs; the
``<h1>``; the meta row; share buttons; the lead image with its caption. After the text: the byline
when after, the pass rates (``after``), the key dates, the top students, the links, the hotline,
tags, related stories with dates, readers' congratulations (comments with names and dates) and the
comment form; the sidebar: most read with dates; the footer.

Head: og tags; on metadata-dated pages (and for metadata-only bylines) a JSON-LD
``NewsArticle`` and ``article:published_time``. Text-dated and undated pages carry no machine
publication date.
Dates: metadata (second) or the meta row (minute or day); undated pages show the key dates,
the lists' and comments' dates and the header's day, never between the title and the text.
"""

from __future__ import annotations

from datetime import timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, esc, inline
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import eastern_digits, slugify

NAME = "exam_results"
TRAITS = Traits(
    date_formats=("weekday_time", "numeric_time", "weekday_comma_ampm", "long_day",
                  "numeric_ampm"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.2,
    byline_forms=("kataba", "kataba", "biqalam_colon", "bare", "meta_only"),
    byline_prefixes={"kataba": ("كتب: ", "متابعة: ", "كتب - ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.6, caption=0.6,
)

EXAMS = ("الثانوية العامة", "امتحانات الباكالوريا", "شهادة التعليم الأساسي", "امتحانات الدبلوم")
BANNERS = ("ظهرت النتيجة", "النتيجة متاحة الآن", "نتائج رسمية")
SEARCH_HEADINGS = ("استعلم عن نتيجتك", "نتيجتك برقم الجلوس")
SEARCH_LABELS = (("رقم الجلوس", "المنطقة التعليمية", "عرض النتيجة"),
                 ("رقم الامتحان", "المديرية", "بحث"))
REGIONS = ("العاصمة", "المنطقة الشمالية", "المنطقة الوسطى", "المنطقة الجنوبية",
           "المنطقة الشرقية", "الساحل")
SMS = ("للاستعلام برسالة نصية أرسل رقم الجلوس إلى الرقم {n}", "خدمة الرسائل القصيرة: {n}")
STATS_CAPTIONS = ("نسب النجاح حسب الشعبة", "الأرقام الرسمية للنتيجة")
STATS_COLUMNS = ("الشعبة", "المتقدمون", "الناجحون", "نسبة النجاح")
STREAMS = ("علمي علوم", "علمي رياضيات", "أدبي", "العلوم التجريبية",
           "الآداب والعلوم الإنسانية", "العلوم الاقتصادية")
OVERALL = "نسبة النجاح العامة: {r}%"
TOP_HEADINGS = ("أوائل الشهادة", "قائمة الأوائل", "المتفوقون على المستوى الوطني")
RANKS = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس")
STUDENT_FIRST = ("آية", "محمد أمين", "رحمة", "عبد الرحمن", "جنى", "إياد", "ملك", "زياد", "تسنيم",
                 "أنس")
STUDENT_FAMILY = ("المنشاوي", "الزهراني", "بلقاسم", "الطرابلسي", "العتيبي", "الكردي", "بن عمر",
                  "الحسيني")
"""Top students: a pool of names of their own (never an author)."""
SCHOOLS = ("مدرسة النصر الثانوية", "ثانوية ابن خلدون", "مدرسة الشهيد الإعدادية",
           "ثانوية الأمل التأهيلية", "مدرسة المستقبل الخاصة", "ثانوية الرازي")
KEY_HEADINGS = ("مواعيد مهمة", "الجدول الزمني")
KEY_LABELS = ("إعلان النتيجة رسميا:", "فتح باب التظلمات:", "امتحانات الدور الثاني:")
LINK_HEADINGS = ("روابط الاستعلام الرسمية", "روابط النتيجة")
LINKS = ("بوابة النتائج الرسمية", "الرابط البديل", "تطبيق الوزارة على الهواتف")
HOTLINES = ("للاستفسار اتصل بالخط الساخن {n}", "رقم الشكاوى والاستفسارات: {n}")


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _student(page: Page, taken: set[str]) -> str:
    rng = page.rng
    while True:
        name = f"{rng.choice(STUDENT_FIRST)} {rng.choice(STUDENT_FAMILY)}"
        if name not in taken:
            taken.add(name)
            return name


def _search(page: Page) -> str:
    heading = page.pick("search", SEARCH_HEADINGS)
    number, region, button = page.record("search", list(page.stable("search").choice(
        SEARCH_LABELS)))
    options = page.record("search", list(REGIONS))
    sms = page.record("search", [_digits(page, page.stable("sms").choice(SMS).format(
        n=page.stable("sms-n").randint(1000, 9999)))])[0]
    return (f'<form class="result-search" action="/results" method="get"><h3>{esc(heading)}</h3>'
            f'<label>{esc(number)}</label><input type="text" name="seat">'
            f'<label>{esc(region)}</label><select name="region">'
            + "".join(f"<option>{esc(o)}</option>" for o in options)
            + f'</select><button type="submit">{esc(button)}</button><small>{esc(sms)}</small>'
            "</form>")


def _stats(page: Page) -> str:
    rng = page.rng
    caption = page.pick("stats", STATS_CAPTIONS)
    page.record("stats", list(STATS_COLUMNS))
    rows = []
    for stream in rng.sample(STREAMS, 3):
        candidates = rng.randint(8_000, 240_000)
        passed = int(candidates * rng.uniform(0.55, 0.93))
        row = page.record("stats", [stream, _digits(page, f"{candidates:,}"),
                                    _digits(page, f"{passed:,}"),
                                    _digits(page, f"{100 * passed / candidates:.1f}%")])
        rows.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>")
    overall = page.record("stats", [_digits(page, OVERALL.format(
        r=f"{rng.uniform(55, 90):.1f}"))])[0]
    return (f'<table class="pass-rates"><caption>{esc(caption)}</caption><tr>'
            + "".join(f"<th>{esc(c)}</th>" for c in STATS_COLUMNS) + "</tr>" + "".join(rows)
            + f'<tr><td colspan="4">{esc(overall)}</td></tr></table>')


def _pieces(page: Page, parts: list[Part], style: str) -> list[str]:
    """One piece of markup per body part, in the site's style."""
    if style == "p":
        return body.parts_html(page, parts, lead_tag="b", lead_mark=" -")
    rng, out = page.rng, []
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            out.append(f"<b>{esc(text)}</b>")
        elif part.kind == "quote":
            out.append(f"<blockquote>{esc(text)}</blockquote>")
        elif part.kind == "list":
            out.append("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>")
        elif i == 0 and page.dateline and page.dateline.position == "body_lead":
            out.append(f"<b>{esc(page.dateline.text)} -</b> {inline(text, rng, 0.2)}")
        else:
            out.append(inline(text, rng, 0.2))
    return out


def _insert(pieces: list[str], at: int, block: str) -> None:
    """``block`` before ``pieces[at]``, but never between a list's lead-in and the list."""
    while at < len(pieces) and pieces[at].startswith("<ul>"):
        at += 1
    pieces.insert(at, block)


def _story(page: Page, parts: list[Part], style: str, search: str, stats: str) -> str:
    rng = page.rng
    pieces = _pieces(page, parts, style)
    for _ in range(rng.randint(1, 2)):
        label = page.pick("ad", furniture.AD_LABELS)
        _insert(pieces, rng.randint(1, max(1, len(pieces) - 1)),
                f'<div class="ad"><span>{esc(label)}</span></div>')
    if stats:  # between two body parts, after the middle one (after the only one otherwise)
        _insert(pieces, max(1, len(pieces) // 2), stats)
    if search:
        _insert(pieces, 1, search)
    if page.dateline and page.dateline.position == "line":
        pieces.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>' if style == "p"
                      else f"<b>{esc(page.dateline.text)}</b>")
    joint = "\n" if style == "p" else "<br><br>\n"
    return '<div class="results-story">\n' + joint.join(pieces) + "\n</div>"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    style = page.stable(f"text:{page.section}").choice(("p", "br"))
    search_place = page.stable(f"search:{page.section}").choice(("top", "after_lead", "side"))
    stats_place = page.stable(f"stats:{page.section}").choice(("inside", "after"))
    page.layout.update(text=style, search=search_place, stats=stats_place)
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    zone = dates.site_zone(a.site)
    exam = rng.choice(EXAMS)
    banner = page.record("banner", [page.stable("banner").choice(BANNERS),
                                    _digits(page, f"{exam} {base.astimezone(zone).year}")])
    search = _search(page)
    stats = _stats(page)

    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} - {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + (meta.ld_script(meta.news_article(page))
               if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/static/education.css">\n</head>\n')
    today = page.today_line(page.stable("today").choice(("weekday_day", "weekday_comma_day")))
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    ticker_label = page.pick("ticker", furniture.BREAKING_LABELS)
    ticker = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                     for link in page.links("ticker", rng.randint(3, 6)))
    crumbs = page.breadcrumbs()
    crumb_html = " › ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(crumbs))
    meta_row = []
    if b.visible and b.position == "before":
        meta_row.append(f'<span class="by">{esc(b.prefix)}{page.linked_names()}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())

    parts = body.shape(page, lead=0.2, quote=0.15, subheads=0.2, bullets=0.3)
    story = _story(page, parts, style, search if search_place == "after_lead" else "",
                   stats if stats_place == "inside" else "")
    signed = (f'<p class="signed">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")

    key_heading = page.pick("key_dates", KEY_HEADINGS)
    announced = (base + timedelta(days=rng.randint(1, 3))).astimezone(zone).replace(
        hour=rng.choice((10, 12, 14, 18)), minute=0, second=0, microsecond=0)
    appeals = announced + timedelta(days=rng.randint(2, 6))
    second = announced + timedelta(days=rng.randint(15, 40))
    key_values = [dates.visible(announced, "weekday_time", a.site, page.eastern),
                  dates.visible(appeals, "long_day", a.site, page.eastern),
                  dates.visible(second, "long_day", a.site, page.eastern)]
    page.record("key_dates", [*KEY_LABELS, *key_values])
    key_dates = (f'<section class="key-dates"><h3>{esc(key_heading)}</h3><dl>'
                 + "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>"
                           for k, v in zip(KEY_LABELS, key_values, strict=True))
                 + "</dl></section>")
    top_heading = page.pick("top_students", TOP_HEADINGS)
    taken = set(a.authors) | set(b.names)
    students = []
    for rank in RANKS[:rng.randint(3, 5)]:
        row = page.record("top_students", [rank, _student(page, taken), rng.choice(SCHOOLS),
                                           _digits(page, f"{rng.uniform(97.5, 99.9):.2f}%")])
        students.append(f'<li><span class="rank">{esc(row[0])}</span> <b>{esc(row[1])}</b> '
                        f'<span class="school">{esc(row[2])}</span> <span class="mark">'
                        f"{esc(row[3])}</span></li>")
    links_heading = page.pick("links", LINK_HEADINGS)
    links = page.record("links", list(LINKS))
    hotline = page.record("hotline", [_digits(page, page.stable("hotline").choice(
        HOTLINES).format(n=page.stable("hotline-n").randint(15000, 19999)))])[0]
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    related_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> '
                      f'<span class="d">{esc(link.date or "")}</span></li>'
                      for link in page.links("related", rng.randint(3, 5), "numeric_day"))
    comments_heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    comments = "".join(f'<li><b>{esc(name)}</b> <span class="d">{esc(day)}</span>'
                       f"<p>{esc(words)}</p></li>"
                       for name, day, words in page.reader_comments(rng.randint(1, 3),
                                                                    "numeric_ampm"))
    form = "".join(f"<label>{esc(x)}</label>" for x in page.comment_form())
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> '
                   f'<span class="d">{esc(link.date or "")}</span></li>'
                   for link in page.links("most_read", 5, "weekday_day"))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="education results">',
        f'<header><a class="logo" href="/"><img src="/logo.png" alt="{attr(page.label)}"></a>'
        f'<span class="today">{esc(today)}</span><nav><ul>{menu}</ul></nav></header>',
        f'<div class="ticker"><b>{esc(ticker_label)}</b><ul>{ticker}</ul></div>',
        f'<nav class="crumbs">{crumb_html}</nav>',
        '<div class="cols"><main><article class="results">',
        f'<div class="results-banner"><strong>{esc(banner[0])}</strong> <span>{esc(banner[1])}'
        "</span></div>",
        search if search_place == "top" else "",
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else "",
        f'<div class="share">{share}</div>',
        page.lead_figure(),
        story,
        signed,
        stats if stats_place == "after" else "",
        key_dates,
        f'<section class="top"><h3>{esc(top_heading)}</h3><ol class="top-students">'
        f'{"".join(students)}</ol></section>',
        f'<section class="links"><h3>{esc(links_heading)}</h3><ul>'
        + "".join(f'<li><a href="#" rel="nofollow">{esc(x)}</a></li>' for x in links)
        + f'</ul><p class="hotline">{esc(hotline)}</p></section>',
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="related"><h3>{esc(related_heading)}</h3><ul>{related}</ul></section>',
        f'<section class="comments"><h3>{esc(comments_heading)}</h3><ol>{comments}</ol>'
        f"<form>{form}</form></section>",
        "</main>",
        f'<aside class="side">{search if search_place == "side" else ""}'
        f"<h3>{esc(most_heading)}</h3><ol>{most}</ol></aside>",
        "</div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
