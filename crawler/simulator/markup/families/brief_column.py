"""A briefs page (موجز / "حوادث وقضايا في سطور") of a portal's accidents and courts desk: the
article is one brief of the day's column of briefs, the one the URL points to (``#brief-<id>``),
opened in full with its picture, byline and share bar, among the column's other briefs: each an
``<article class="brief">`` like it, with its own headline, its own time, its own "city - site"
start, its own reporter and a paragraph of prose of its own.

Body: the opened brief's parts (``article.brief.is-open`` > ``div.brief-text``: now and then a
lead sentence of its own, a quoted statement, intertitles: body); the dateline a line of its own
above them or their bold start. Not body: the other briefs (other headlines, times "10:40",
reporters "كتب - X" of a pool of their own, paragraphs, "التفاصيل"), the column's heading, the
emergency numbers box, the "send us a tip" form. Each section of a site sets the column one way:
``layout["heading"]`` ``column``, the column's name is the page's ``<h1>`` ("موجز الحوادث")
and every brief's headline an ``<h2>``, the opened one too; ``title``, the opened brief's
headline is the ``<h1>`` and the column's name a ``<div>``. ``layout["opened"]``: ``first``, the
opened brief heads the column; ``middle``, one or two briefs come before it (the column in time
order, the page scrolled to the anchor).

Bylines: "كتب - X", "كتب: X", the bare name, or metadata only, before or after the text; two now
and then. Head: the title and og tags are the opened brief's; on metadata-dated pages (and for
metadata-only bylines) a JSON-LD ``NewsArticle`` and ``article:published_time``. Dates: metadata
(second) or the opened brief's meta row (minute or day); the other briefs' times and the
column's day are never between its headline and its text.
"""

from __future__ import annotations

from datetime import timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import article_url, attr, esc
from crawler.simulator.markup.page import Page, Traits, link_items
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import paragraph, slugify

NAME = "brief_column"
TRAITS = Traits(
    date_formats=("numeric_time", "time_first", "weekday_time", "weekday_comma_ampm",
                  "numeric_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.7, eastern_digits=0.1,
    byline_forms=("kataba", "kataba", "bare", "meta_only"),
    byline_prefixes={"kataba": ("كتب - ", "كتب: ")},
    byline_positions=("before", "before", "after"),
    two_authors=0.1,
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.4, image=0.7, caption=0.6,
)

COLUMN = ("موجز الحوادث", "حوادث وقضايا في سطور", "موجز المحاكم والحوادث")
COLUMN_DAY = "موجز يوم {day}"
DETAILS = ("التفاصيل", "اقرأ التفاصيل")
BRIEFS = ("ضبط {n} أشخاص بحوزتهم كميات من المواد المهربة في {city}",
          "حريق يأتي على محل تجاري وسط {city} دون إصابات",
          "انقلاب حافلة لنقل العمال على مشارف {city} وإصابة {n} ركاب",
          "توقيف متهم بالنصب على راغبين في الهجرة في {city}",
          "إنقاذ {n} مصطافين من الغرق بشاطئ {city}",
          "السجن {n} سنوات لمتهم في قضية اختلاس أموال عامة بـ{city}",
          "العثور على طفل تائه وإعادته إلى أسرته في {city}")
"""Other briefs' headlines (written for this generator)."""
CITIES = ("طنطا", "سلا", "الزرقاء", "بنزرت", "البليدة", "المحلة الكبرى", "خريبكة", "السويس",
          "نابل", "القنيطرة")
REPORTER_FIRST = ("إسلام", "غادة", "شريف", "دعاء", "هاني", "نهى", "أحمد", "رشا")
REPORTER_FAMILY = ("عبد الرازق", "فتحي", "الشناوي", "الدسوقي", "الخالدي", "الطاهري")
"""The other briefs' reporters: a pool of their own, none an author of the opened one."""
EMERGENCY = ("أرقام تهمك", "الشرطة: 19", "الإسعاف: 15", "الحماية المدنية: 14",
             "خط نجدة الطفل: 16000")
TIP = ("هل لديك معلومة أو صورة لحادث؟ أرسلها إلينا", "أرسل", "رقم الهاتف", "وصف الحادث")


def _other(page: Page) -> str:
    """One other brief of the column."""
    rng, a = page.rng, page.article
    title = rng.choice(BRIEFS).format(n=rng.randint(2, 9), city=rng.choice(CITIES))
    base = a.published or REFERENCE
    at = dates.visible(base - timedelta(minutes=rng.randint(20, 900)), "time_first", a.site,
                       page.eastern).split(" ")[0]  # the time alone, as columns print it
    city = rng.choice(CITIES)
    start = f"{city} - {page.label}"
    who = f"كتب - {rng.choice(REPORTER_FIRST)} {rng.choice(REPORTER_FAMILY)}"
    text = paragraph(rng)
    more = page.pick("brief", DETAILS)
    page.record("brief", [title, at, start, who, text])
    url = article_url(page.site, rng, title)
    return (f'<article class="brief" id="brief-{rng.randint(10000, 99999)}"><h2><a href="'
            f'{attr(url)}">{esc(title)}</a></h2><span class="time">{esc(at)}</span><p class="who">'
            f'{esc(who)}</p><p><b>{esc(start)}:</b> {esc(text)}</p><a class="more" href="'
            f'{attr(url)}">{esc(more)}</a></article>')


def _opened(page: Page, parts: list[Part], tag: str) -> str:
    rng, b = page.rng, page.byline
    html = body.parts_html(page, parts, heading="h4", lead_tag="b", lead_mark=":")
    ad = f'<div class="ad"><span>{esc(page.pick("ad", furniture.AD_LABELS))}</span></div>'
    html.insert(rng.randint(1, len(html)) if len(html) > 1 else 1, ad)
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    meta_row = []
    if b.visible and b.position == "before":
        meta_row.append(f'<span class="who">{esc(b.text())}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    signed = (f'<p class="who-end">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    return "\n".join([
        f'<article class="brief is-open" id="brief-{rng.randint(10000, 99999)}" '
        'aria-current="true">',
        f'<{tag} class="brief-title">{esc(page.headline)}</{tag}>',
        f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else "",
        page.lead_figure(),
        '<div class="brief-text">', *html, "</div>",
        signed,
        f'<div class="share">{share}</div>',
        "</article>",
    ])


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    heading = page.stable(f"heading:{page.section}").choice(("column", "title"))
    opened_at = page.stable(f"opened:{page.section}").choice(("first", "middle"))
    page.layout.update(heading=heading, opened=opened_at)
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} - {esc(page.label)}</title>\n"
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + (meta.ld_script(meta.news_article(page))
               if page.date.where == "metadata" or b.in_metadata else "")
            + "</head>\n")
    today = page.today_line("weekday_comma_day")
    menu = "".join(f'<a href="/s/{i}">{esc(m)}</a>' for i, m in enumerate(page.menu()))
    breaking = page.pick("ticker", furniture.BREAKING_LABELS)
    ticker = "".join(f'<li><a href="{attr(x.url)}">{esc(x.title)}</a></li>'
                     for x in page.links("ticker", rng.randint(3, 5)))
    crumbs = " / ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(page.breadcrumbs()))
    column = page.pick("column", COLUMN)
    # the column's day is the render day's: a list page's date, never the brief's own
    day = page.record("column", [COLUMN_DAY.format(day=dates.visible(
        page.today, "long_day", a.site, page.eastern))])[0]
    column_head = (f'<h1 class="column">{esc(column)}</h1>' if heading == "column"
                   else f'<div class="column-name">{esc(column)}</div>')
    parts = body.shape(page, lead=0.25, quote=0.15, subheads=0.2)
    opened = _opened(page, parts, "h2" if heading == "column" else "h1")
    before = [_other(page) for _ in range(rng.randint(1, 2) if opened_at == "middle" else 0)]
    after = [_other(page) for _ in range(rng.randint(3, 5))]
    emergency = page.record("emergency", list(EMERGENCY))
    tip = page.record("tip", list(TIP))
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    comments_heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    comments = "".join(f'<li><b>{esc(n)}</b> <i>{esc(d)}</i> {esc(w)}</li>'
                       for n, d, w in page.reader_comments(rng.randint(0, 2)))
    form = "".join(f"<label>{esc(x)}</label>" for x in page.comment_form())
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = link_items(page.links("most_read", 5, "numeric_day"))
    latest_heading = page.pick("latest", furniture.LATEST_HEADINGS)
    latest = link_items(page.links("latest", 4, relative=True))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="briefs">',
        f'<div class="topbar"><span>{esc(today)}</span></div>',
        f'<header><a href="/"><img src="/logo.png" alt="{attr(page.label)}"></a>'
        f'<nav class="menu">{menu}</nav></header>',
        f'<div class="breaking"><span>{esc(breaking)}</span><ul>{ticker}</ul></div>',
        f'<div class="path">{crumbs}</div>',
        '<div class="wrap"><main class="column-page">',
        column_head,
        f'<p class="column-day">{esc(day)}</p>',
        *before,
        opened,
        *after,
        f'<div class="tags">{tags}</div>',
        f'<section class="comments"><h3>{esc(comments_heading)}</h3><ul>{comments}</ul>'
        f"<form>{form}</form></section>",
        "</main>",
        '<aside class="side">',
        f'<div class="emergency"><h3>{esc(emergency[0])}</h3><ul>'
        + "".join(f"<li>{esc(x)}</li>" for x in emergency[1:]) + "</ul></div>",
        f'<form class="tip"><p>{esc(tip[0])}</p><label>{esc(tip[2])}</label><input>'
        f"<label>{esc(tip[3])}</label><textarea></textarea><button>{esc(tip[1])}</button></form>",
        f"<h3>{esc(latest_heading)}</h3><ul>{latest}</ul>",
        f"<h3>{esc(most_heading)}</h3><ol>{most}</ol>",
        "</aside></div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
