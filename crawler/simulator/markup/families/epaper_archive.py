"""A daily newspaper's web archive ("e-paper" text view) of the kind Gulf and Levant papers run:
each article sits in the issue it was printed in, the date is the *issue's* and is printed only
in the issue bar above the headline, with the Hijri date beside the Gregorian one.

Head: the title with the paper's name and the issue number; metadata-dated pages carry
``<meta name="pubdate">`` and ``article:published_time`` (the issue date alone on most of them,
``2024-11-14``: precision day; the web edition's full instant on the rest).
Page: the masthead (logo, the paper's name, today's date: render time), the newspaper's pages
as the menu (الصفحة الأولى، محليات، اقتصاد ...), a search box; the issue bar *above* the article:
"العدد 4521", the issue date ("الخميس 12 جمادى الأولى 1446 هـ الموافق 14 نوفمبر 2024 م",
"الخميس 14 نوفمبر 2024 م - 12 جمادى الأولى 1446 هـ", or a plain Gregorian / paired-month day;
Eastern digits on some pages: the expected value is the Gregorian day), the PDF and page-flip
links, and the printed page ("الصفحة 7 - اقتصاد"). Undated pages show the issue number without
its date (a dossier reprint). The article: the section as an overline ``<h3>``, the headline
``<h1>``, the byline before the text ("د. X", "أ. X", "بقلم: د. X", "بقلم الدكتور X": the
title is not part of the name) or a signature after it ("* د. X" and a line saying who the
writer is), the clipping image with its caption.
Body: one ``<div>`` of text exported from the page layout: paragraphs separated by ``<br><br>``
with soft line breaks (newlines) inside them, bold ``<strong>`` intertitles on their own line
(body text), a short last paragraph now and then; the dateline as a bold first line (like the
intertitles) or its own ``<div>`` above the text.
After the body: print / send / font-size tools with the read count, reader comments (long ones,
with dates) on some pages; then the sidebar: "في هذا العدد" (this issue's contents, *including
this article's own title*), previous issues with their numbers and dates, the archive calendar
of the issue's month (the month of today on undated pages), most read with dates; the footer.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import eastern_digits

NAME = "epaper_archive"
TRAITS = Traits(
    date_formats=("hijri_paired", "gregorian_hijri", "weekday_day", "paired_day"),
    date_where=(0.3, 0.5, 0.2), meta_styles=("site", "plus3"), meta_day_only=0.6,
    visible_with_meta=1.0, eastern_digits=0.4,
    byline_forms=("titled", "titled", "biqalam_colon", "bare", "biqalam"),
    byline_positions=("before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.3, image=0.5, caption=0.7,
)
FIRST_ISSUE = date(2012, 3, 1)
"""Issue 1 of the paper: issue numbers count days from it."""
TOOLS = ("طباعة", "إرسال لصديق")


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _issue_day(page: Page) -> date:
    """The issue's day: the day the page prints (its expected date's day), else the render
    day."""
    if page.date.expected:
        return date.fromisoformat(page.date.expected[:10])
    return page.today.astimezone(dates.site_zone(page.article.site)).date()


def _soft_wrap(text: str, rng_step: int) -> str:
    """A paragraph as the layout export leaves it: a newline every ``rng_step`` words."""
    words = esc(text).split(" ")
    lines = [" ".join(words[i:i + rng_step]) for i in range(0, len(words), rng_step)]
    return "\n".join(lines)


def _text(page: Page) -> str:
    rng = page.rng
    parts = body.shape(page, lead=0.15, tail=0.35, subheads=0.5)
    step = rng.choice((9, 11, 14, 1000))
    chunks = []
    for part in parts:
        if part.kind == "subhead":
            chunks.append(f"<strong>{esc(part.texts[0])}</strong>")
        else:
            chunks.append(_soft_wrap(part.texts[0], step))
    text = ""
    for i, chunk in enumerate(chunks):
        joint = "" if i == 0 else ("<br>\n" if chunks[i - 1].startswith("<strong>")
                                   else "<br><br>\n")
        text += joint + chunk
    if page.dateline and page.dateline.position == "body_lead":
        text = f"<strong>{esc(page.dateline.text)}</strong><br>\n{text}"
    line = (f'<div class="dateline">{esc(page.dateline.text)}</div>\n'
            if page.dateline and page.dateline.position == "line" else "")
    return f'{line}<div class="article-text" id="textBody">\n{text}\n</div>'


def _comments(page: Page) -> str:
    rng = page.rng
    if rng.random() >= 0.4:
        return ""
    base = page.article.published or REFERENCE
    rows = []
    for _ in range(rng.randint(1, 2)):
        name = rng.choice(furniture.COMMENTERS)
        when = base + timedelta(days=rng.randint(0, 5), minutes=rng.randrange(1440))
        shown = dates.visible(when, "numeric_time", page.article.site, page.eastern)
        text = furniture.long_comment(rng)
        page.record("comments", [name, shown, text])
        rows.append(f'<li><div class="c-head"><b>{esc(name)}</b> <span>{esc(shown)}</span></div>'
                    f'<div class="c-text">{esc(text)}</div></li>')
    heading = page.pick("comments", ("تعليقات القراء", "آراء القراء"))
    labels = page.record("comments", furniture.comment_form(page.stable("comment-form"))[:3])
    form = "".join(f"<label>{esc(x)}</label><input>" for x in labels)
    return (f'<div class="comments"><h4>{esc(heading)}</h4><ul>{"".join(rows)}</ul>'
            f'<form class="c-form">{form}</form></div>')


def _calendar(page: Page, day: date, selected: bool) -> str:
    month_name = f"{dates.GREGORIAN[day.month - 1]} {day.year}"
    caption = page.record("archive", [_digits(page, month_name)])[0]
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    cells = ["<td></td>"] * ((first.weekday() + 2) % 7)  # weeks start on Saturday
    for n in range(1, (following - first).days + 1):
        mark = ' class="selected"' if selected and n == day.day else ""
        cells.append(f'<td{mark}><a href="/archive/{day.year}/{day.month}/{n}">'
                     f"{_digits(page, str(n))}</a></td>")
    rows = "".join("<tr>" + "".join(cells[i:i + 7]) + "</tr>" for i in range(0, len(cells), 7))
    return f'<table class="calendar"><caption>{esc(caption)}</caption>{rows}</table>'


def render(page: Page) -> str:
    rng, a = page.rng, page.article
    day = _issue_day(page)
    dated = page.date.visible is not None
    issue_no = (day - FIRST_ISSUE).days + 1 if dated else rng.randint(900, 4800)
    issue = page.record("issue", [_digits(page, f"العدد {issue_no}")])[0]
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n'
            '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
            f"<title>{esc(page.label)} - {esc(issue)} - {esc(a.title)}</title>\n"
            f'<meta name="description" content="{attr(meta.description(page))}">\n'
            + meta.open_graph(page, image=False))
    if page.date.where == "metadata" and page.date.machine is not None:
        head += (f'<meta name="pubdate" content="{page.date.machine.value}">\n'
                 + meta.article_times(page, modified=False))
    if page.byline.in_metadata:
        head += meta.meta_authors(page)
    head += '<link rel="stylesheet" href="/css/archive.css?v=12">\n</head>\n'
    today = page.today_line(rng.choice(("weekday_day", "hijri_paired")))
    pages_nav = page.record("menu", rng.sample(furniture.PAPER_PAGES, rng.randint(6, 9)))
    nav = "".join(f'<li><a href="/page/{i + 1}">{esc(x)}</a></li>' for i, x in enumerate(pages_nav))
    search = page.pick("menu", ("بحث في الأرشيف", "ابحث في الأعداد"))
    links = page.record("issue", list(furniture.ISSUE_LINKS[:2]))
    page_no = rng.randint(2, 24)
    desks = [x for x in pages_nav if not x.startswith("الصفحة")] or ["محليات"]
    printed = page.record("issue", [_digits(page, f"الصفحة {page_no}") + " - "
                                    + rng.choice(desks)])[0]
    date_span = ""
    if dated:
        page.layout["date_place"] = "above_title"
        date_span = (f'<span class="sep">|</span><span class="issue-date">'
                     f"{esc(page.date.visible or '')}</span>")
    bar = (f'<div class="issue-bar"><span class="issue-no">{esc(issue)}</span>{date_span}'
           f'<a class="pdf" href="/pdf/{issue_no}.pdf">{esc(links[0])}</a><a class="flip" '
           f'href="/flip/{issue_no}">{esc(links[1])}</a></div>'
           f'<div class="page-crumb">{esc(printed)}</div>')
    overtitle = page.record("breadcrumbs", [page.section])[0]
    writer = ""
    if page.byline.visible and page.byline.position == "before":
        writer = (f'<div class="writer"><a href="/writers/{rng.randint(1, 400)}">'
                  f"{esc(page.byline.text())}</a></div>")
    clip = ""
    if page.image:
        cap = (f'<span class="clip-caption">{esc(page.image.caption)}</span>'
               if page.image.caption else "")
        clip = f'<div class="clip"><img src="{attr(page.image.url)}" alt="">{cap}</div>'
    signature = ""
    if page.byline.visible and page.byline.position == "after":
        note = page.record("author_bio", [furniture.writer_note(rng)])[0]
        signature = (f'<div class="signature">* {esc(page.byline.text())}</div>'
                     f'<div class="writer-note">{esc(note)}</div>')
    tools = page.record("share", [*TOOLS, page.pick("share", furniture.FONT_TOOLS)])
    reads = page.record("hits", [_digits(page, f"عدد القراءات: {rng.randint(30, 9000)}")])[0]
    tools_html = ('<div class="tools">' + "".join(f'<a href="#">{esc(t)}</a>' for t in tools)
                  + f'<span class="reads">{esc(reads)}</span></div>')
    contents_heading = page.pick("issue_contents", furniture.ISSUE_CONTENTS)
    others = page.record("issue_contents", furniture.headlines(rng, rng.randint(4, 7)))
    spot = rng.randrange(len(others) + 1)
    entries = [f'<li><a href="/article/{rng.randint(10**5, 10**6)}">{esc(t)}</a></li>'
               for t in others]
    entries.insert(spot, f'<li class="current"><a href="{attr(a.url)}">{esc(a.title)}</a></li>')
    archive_heading = page.pick("archive", furniture.ARCHIVE_HEADINGS)
    fmt = rng.choice(("weekday_day", "hijri_paired", "paired_day"))
    anchor = day if dated else (page.today.date() - timedelta(days=rng.randint(3, 30)))
    previous = []
    for k in range(1, rng.randint(4, 6)):
        then = anchor - timedelta(days=k)
        number = (then - FIRST_ISSUE).days + 1 if dated else issue_no - k
        shown = dates.visible(datetime(then.year, then.month, then.day, 12, tzinfo=UTC), fmt,
                              page.article.site, page.eastern, UTC)
        previous.append(page.record("archive", [_digits(page, f"العدد {number}") + " - "
                                                + shown])[0])
    archive = "".join(f'<li><a href="/issue/{i}">{esc(x)}</a></li>' for i, x in enumerate(previous))
    calendar = _calendar(page, day, dated)
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> <small>'
                   f'{esc(link.date or "")}</small></li>'
                   for link in page.links("most_read", rng.randint(3, 5), "weekday_day"))
    footer = page.footer()
    utility = " | ".join(f'<a href="/p/{i}">{esc(x)}</a>'
                         for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="archive">',
        '<div id="page">',
        f'<div id="masthead"><a href="/"><img src="/images/masthead.png" alt="{attr(page.label)}">'
        f'</a><div class="today">{esc(today)}</div></div>',
        f'<ul id="paper-pages">{nav}</ul>',
        f'<form class="search" action="/search"><label>{esc(search)}</label><input name="q">'
        "</form>",
        '<div id="main">',
        bar,
        '<div class="article-view">',
        f'<h3 class="overtitle">{esc(overtitle)}</h3>',
        f'<h1 class="headline">{esc(page.headline)}</h1>',
        writer, clip,
        _text(page),
        signature,
        tools_html,
        "</div>",
        _comments(page),
        "</div>",
        '<div id="sidebar">',
        f'<div class="box"><h4>{esc(contents_heading)}</h4><ul>{"".join(entries)}</ul></div>',
        f'<div class="box"><h4>{esc(archive_heading)}</h4><ul>{archive}</ul>{calendar}</div>',
        f'<div class="box"><h4>{esc(most_heading)}</h4><ul>{most}</ul></div>',
        "</div>",
        f'<div id="footer"><div class="links">{utility}</div><p>{esc(footer[0])}</p><p>'
        f"{esc(footer[1])}</p></div>",
        "</div>",
        "</body>\n</html>\n",
    ])
