"""An opinion page (مقالات الرأي) built around the writer: a large author box with the writer's
photo, name, bio and the list of the writer's other columns with their dates ("مقالات أخرى
للكاتب"), and the column's own date printed either under the title or inside that box, beside
the other columns' dates.

Head: og tags and ``article:author``; on metadata-dated pages (and for metadata-only bylines) a
JSON-LD ``OpinionNewsArticle`` and ``article:published_time``. Text-dated and undated pages
carry no machine date.
Page: the header (today's date: render time; logo; menu), a latest-news strip, breadcrumbs
ending in "مقالات الرأي". The author box (``aside.writer-box``) goes where the byline goes
(``layout["box"]``): *before* the column in source order (the writer's column on the right of
an RTL page: it comes before the ``<h1>``) or *after* the column's text. The box: the photo, the
writer's name (a link, bare), the bio (one sentence of prose: not body), on some pages the
column's own date ("نشر في: ..."), "مقالات أخرى للكاتب" with four to six other columns (titles
and dates: not the column's), the link to all the writer's columns and the count of them.
The column: the ``<h1>``, under it the byline "بقلم: X" in some sections when the box comes
first, the column's own date when it is printed near the title (``layout["own_date"]`` is
``title`` or ``box``; a date in a box before the title is ``date_place`` ``above_title``), the
font-size tools and share buttons; the dateline as a line of its own for news; the text
(``div.column-text``: paragraphs, now and then an intertitle, a quoted statement or a bulleted
list: body); after it the disclaimer ("المقال يعبر عن رأي كاتبه ...": not body).
Pages without a visible byline (news without a reporter, metadata-only bylines) have no author
box; some sections put the "كتاب الرأي" widget after the column on every page: other writers'
names with their latest columns and dates (none of them an author of this page).
After: tags, comments count and form, related articles with dates, most read, the footer.
Dates: metadata (second) or visible (under the title or in the box; minute or day, some
sites in Gregorian and Hijri); undated pages show the other columns' dates only.
"""

from __future__ import annotations

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc, inline, thumb_url
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import eastern_digits, person_name, slugify

NAME = "opinion_column"
TRAITS = Traits(
    date_formats=("weekday_day", "maghreb_day", "long_day", "gregorian_hijri", "wp_day",
                  "weekday_time"),
    date_where=(0.45, 0.35, 0.2), meta_styles=("site", "utc", "plus3"),
    visible_with_meta=0.7, eastern_digits=0.15,
    byline_forms=("biqalam_colon", "biqalam", "bare", "bare", "katib", "meta_only"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "line", "omitted"),
    display_title=0.5, image=0.3, caption=0.3,
)

COLUMN_TITLES = (
    "عن الوعود التي لا تنتهي", "حين يصبح الصمت موقفا", "رسالة إلى وزير التعليم",
    "المدينة التي نسيها الجميع", "في انتظار قرار لم يأت", "الأسعار.. والمواطن الحائر",
    "ما بعد الانتخابات", "درس من الجيران", "عن الشباب والهجرة والأمل",
    "هل نتعلم من أخطائنا؟", "الاقتصاد الذي لا نراه", "بين الخطاب والواقع",
    "حكاية المستشفى الجديد", "الثقافة ليست ترفا", "لماذا نخاف من الأرقام؟",
    "صيف ساخن في كل شيء", "الماء قبل كل شيء", "عن الإعلام ومسؤوليته",
    "حين تتكلم الميزانية", "أسئلة مؤجلة", "القرية والمدينة", "ذاكرة لا تشيخ",
)
"""Other columns' titles (written for this generator)."""
OWN_DATE_LABELS = ("نشر في:", "تاريخ النشر:", "نُشر بتاريخ")
COUNT_FORMS = ("عدد المقالات: {n}", "{n} مقالا", "المقالات المنشورة: {n}")
DISCLAIMERS = ("المقال يعبر عن رأي كاتبه ولا يعبر بالضرورة عن رأي الموقع",
               "الآراء الواردة في المقال تعبر عن وجهة نظر صاحبها",
               "جميع المقالات المنشورة تمثل آراء كتابها فقط")
WRITERS_HEADINGS = ("كتاب الرأي", "كتاب وآراء", "أقلام")
OPINION_SECTIONS = ("مقالات الرأي", "آراء", "مقالات")


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _text(page: Page) -> str:
    rng = page.rng
    parts = body.shape(page, tail=0.1, quote=0.15, subheads=0.2, bullets=0.1)
    html = []
    for part in parts:
        if part.kind == "subhead":
            html.append(f"<h3>{esc(part.texts[0])}</h3>")
        elif part.kind == "quote":
            html.append(f"<blockquote><p>{esc(part.texts[0])}</p></blockquote>")
        elif part.kind == "list":
            html.append("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>")
        else:
            html.append(f"<p>{inline(part.texts[0], rng, 0.25)}</p>")
    if page.dateline:
        html.insert(0, f'<p class="dateline"><strong>{esc(page.dateline.text)}</strong></p>')
    return '<div class="column-text">\n' + "\n".join(html) + "\n</div>"


def _own_date(page: Page) -> str:
    label = page.pick("date_label", OWN_DATE_LABELS)
    return (f'<div class="col-date"><span class="lbl">{esc(label)}</span> '
            f"<span>{esc(page.date.visible or '')}</span></div>")


def _others(page: Page, count: int) -> list[tuple[str, str, str]]:
    """(title, date, url) of the writer's other columns, each with another day than this one."""
    rng, a = page.rng, page.article
    fmt = page.stable("others-format").choice(("long_day", "numeric_day", "levant_day"))
    around = a.published or REFERENCE
    out = []
    for title, moment in zip(rng.sample(COLUMN_TITLES, count),
                             dates.decoy_moments(rng, around, count), strict=True):
        when = dates.visible(moment, fmt, a.site, page.eastern)
        out.append((title, when, f"{page.site.base_url}/w-{rng.randint(100, 3000)}/"
                                  f"{rng.randrange(240000):06d}-{slugify(title)}"))
    page.record("writer_more", [s for title, when, _ in out for s in (title, when)])
    return out


def _box(page: Page, own_date: bool) -> str:
    rng, b = page.rng, page.byline
    name = b.joined(" و")
    bio = page.author_bio(b.names[0])
    more = page.pick("writer_more", furniture.WRITER_MORE)
    items = "".join(f'<li><a href="{attr(url)}">{esc(title)}</a> <span class="d">{esc(when)}'
                    "</span></li>" for title, when, url in _others(page, rng.randint(4, 6)))
    all_link = page.pick("writer_more", ("كل مقالات الكاتب", "عرض الكل", "الأرشيف"))
    count = page.record("writer_more", [_digits(page, page.stable("count").choice(
        COUNT_FORMS).format(n=rng.randint(40, 900)))])[0]
    date_html = _own_date(page) if own_date else ""
    return (f'<aside class="writer-box"><img class="writer-photo" src="'
            f'{attr(thumb_url(page.site, page.stable("photo")))}" alt="{attr(name)}">'
            f'<h2 class="writer-name"><a href="/writer/{attr(slugify(b.names[0]))}">{esc(name)}'
            f'</a></h2><p class="writer-bio">{esc(bio)}</p>{date_html}<div class="writer-more">'
            f"<h3>{esc(more)}</h3><ul>{items}</ul><a class=\"all\" href=\"/writer/all\">"
            f'{esc(all_link)}</a> <span class="count">{esc(count)}</span></div></aside>')


def _writers(page: Page) -> str:
    rng, a = page.rng, page.article
    heading = page.pick("writers", WRITERS_HEADINGS)
    taken = set(a.authors) | set(page.byline.names)
    names: list[str] = []
    while len(names) < 4:
        name = person_name(rng)
        if name not in taken and name not in names:
            names.append(name)
    fmt = page.stable("writers-format").choice(("numeric_day", "long_day"))
    moments = dates.decoy_moments(rng, a.published or REFERENCE, 4)
    titles = rng.sample(COLUMN_TITLES, 4)
    rows = []
    for name, title, moment in zip(names, titles, moments, strict=True):
        when = dates.visible(moment, fmt, a.site, page.eastern)
        page.record("writers", [name, title, when])
        rows.append(f'<li><img src="{attr(thumb_url(page.site, rng))}" alt=""><b>{esc(name)}</b>'
                    f' <a href="/w/{attr(slugify(title))}">{esc(title)}</a> <span>{esc(when)}'
                    "</span></li>")
    return f'<section class="writers"><h3>{esc(heading)}</h3><ul>{"".join(rows)}</ul></section>'


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    box = b.visible
    box_first = box and b.position == "before"
    own_in_box = box and page.date.visible is not None and rng.random() < 0.5
    page.layout["box"] = ("before" if box_first else "after") if box else "none"
    page.layout["own_date"] = ("box" if own_in_box else "title") if page.date.visible else "none"
    if own_in_box and box_first:
        page.layout["date_place"] = "above_title"
    data = meta.news_article(page, "OpinionNewsArticle", description=meta.description(page))
    author_meta = (f'<meta property="article:author" content="{attr(b.joined("، "))}">\n'
                   if b.form != "none" and b.names else "")
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(a.title)} | {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page, modified=False) + author_meta
            + (meta.ld_script(data) if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/static/opinion.css">\n</head>\n')
    today = page.today_line(page.stable("today").choice(("weekday_day", "gregorian_hijri")))
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    latest_heading = page.pick("latest", furniture.LATEST_HEADINGS)
    latest = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                     for link in page.links("latest", rng.randint(3, 6)))
    crumbs = [*page.breadcrumbs(), page.pick("breadcrumbs", OPINION_SECTIONS)]
    crumb_html = "".join(f'<li><a href="/c/{i}">{esc(c)}</a></li>' for i, c in enumerate(crumbs))
    under_title = []
    if box_first and page.stable(f"name-under-title:{page.section}").random() < 0.5:
        under_title.append(f'<p class="byline">{esc(b.text())}</p>')
    if page.date.visible and not own_in_box:
        under_title.append(_own_date(page))
    tools = page.record("tools", list(furniture.FONT_TOOLS[:2]))
    tools_html = "".join(f'<button type="button">{esc(t)}</button>' for t in tools)
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    figure = ""
    if page.image:
        cap = (f"<figcaption>{esc(page.image.caption)}</figcaption>"
               if page.image.caption else "")
        figure = f'<figure><img src="{attr(page.image.url)}" alt="">{cap}</figure>'
    box_html = _box(page, own_in_box) if box else ""
    disclaimer = page.pick("disclaimer", DISCLAIMERS)
    writers = _writers(page) if page.stable(f"writers:{page.section}").random() < 0.5 else ""
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    comments = page.record("comments", [_digits(page, f"التعليقات ({rng.randint(0, 40)})")])[0]
    form = "".join(f"<label>{esc(x)}</label>" for x in page.comment_form())
    related_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> <span>'
                      f'{esc(link.date or "")}</span></li>'
                      for link in page.links("related", rng.randint(3, 5), "wp_day"))
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                   for link in page.links("most_read", 5))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    column = "\n".join([
        '<article class="column">',
        f'<h1 class="column-title">{esc(page.headline)}</h1>',
        "".join(under_title),
        f'<div class="tools">{tools_html}<div class="share">{share}</div></div>',
        figure,
        _text(page),
        f'<p class="disclaimer">{esc(disclaimer)}</p>',
        "</article>",
    ])
    return head + "\n".join([
        '<body class="opinion">',
        f'<header><div class="top"><span class="today">{esc(today)}</span></div><a href="/" '
        f'class="logo"><img src="/static/logo.png" alt="{attr(page.label)}"></a><nav><ul>'
        f"{menu}</ul></nav></header>",
        f'<div class="latest-strip"><b>{esc(latest_heading)}</b><ul>{latest}</ul></div>',
        f'<ol class="breadcrumb">{crumb_html}</ol>',
        '<div class="opinion-layout">',
        box_html if box_first else "",
        column,
        "" if box_first else box_html,
        writers,
        f'<div class="tags">{tags}</div>',
        f'<section class="comments"><h3>{esc(comments)}</h3><form>{form}</form></section>',
        f'<section class="related"><h3>{esc(related_heading)}</h3><ul>{related}</ul></section>',
        "</div>",
        f'<aside class="side"><h3>{esc(most_heading)}</h3><ol>{most}</ol></aside>',
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
