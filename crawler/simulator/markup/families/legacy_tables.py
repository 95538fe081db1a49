"""A 2000s PHP/ASP portal in nested layout tables, ``<font>`` tags and a ``<marquee>`` ticker.

Head: charset http-equiv, keywords, no JSON-LD; metadata-dated pages (rare here) carry an
``article:published_time`` added later by an SEO plugin.
Page: the logo is an ``<h1>`` holding only an image (the headline is never in a heading: it is a
``<font size="4"><b>`` in a ``td.title_news``); a marquee ticker; a menu row of links separated
by ``|``; three columns in one table: the right column (first in source) holds "أخبار سابقة"
with dates in parentheses, prayer times and a poll; the centre holds the article as table rows:
title, date row, writer row, image with a small-font caption, dateline row, and the body either
as one cell of text separated by ``<br><br>`` (dateline then as a leading ``<b>`` line) or one
row per paragraph; the left column holds most-read with dates.
After the body: print / send-to-friend links, the writer's signature row when the byline goes
after the body, a comments table (التعليقات (0), form labels in cells), the footer cell.
"""

from __future__ import annotations

from crawler.simulator.markup import furniture, meta
from crawler.simulator.markup.kit import attr, esc
from crawler.simulator.markup.page import Page, Traits

NAME = "legacy_tables"
TRAITS = Traits(
    date_formats=("numeric_day", "numeric_time", "paired_day", "levant_time", "iso_day"),
    date_where=(0.15, 0.55, 0.3), meta_styles=("site", "plus3"), visible_with_meta=0.9,
    meta_day_only=0.3,
    byline_forms=("biqalam", "biqalam_colon", "kataba", "bare"),
    byline_positions=("before", "after"),
    dateline_positions=("line", "body_lead", "body_lead"),
    eastern_digits=0.3, image=0.7, display_title=0.3,
)


def _cell_list(page: Page, kind: str, heading: str, fmt: str, count: int) -> str:
    rows = "".join(f'<tr><td class="list_item"><img src="/images/arrow.gif" width="7" height="7">'
                   f' <a href="{attr(link.url)}" class="list_link">{esc(link.title)}</a> '
                   f'<font color="#808080" size="1">({esc(link.date or "")})</font></td></tr>'
                   for link in page.links(kind, count, fmt))
    return (f'<table width="100%" border="0" cellspacing="0" cellpadding="3" class="box">'
            f'<tr><td class="box_title" bgcolor="#990000"><font color="#FFFFFF"><b>'
            f"{esc(heading)}</b></font></td></tr>{rows}</table>")


def _right_column(page: Page) -> str:
    rng = page.rng
    heading = page.pick("latest", ("أخبار سابقة", "أخبار متعلقة", "آخر الأخبار"))
    prev = _cell_list(page, "latest", heading, rng.choice(("numeric_day", "iso_day")),
                      rng.randint(4, 6))
    prayer_title = page.pick("widgets", ("مواقيت الصلاة", "أوقات الصلاة"))
    prayers = "".join(f"<tr><td>{esc(x)}</td></tr>" for x in page.record("widgets",
                                                                         furniture.prayer_times(rng)))
    question, *answers = furniture.poll(rng)
    page.record("poll", [question, *answers[:-1]])  # the last is a button's value
    radios = "".join(f'<input type="radio" name="vote" value="{i}">{esc(x)}<br>'
                     for i, x in enumerate(answers[:-1]))
    return ('<td width="180" valign="top" bgcolor="#F4F4F4">' + prev
            + f'<table width="100%" class="box"><tr><td class="box_title"><b>{esc(prayer_title)}'
              f"</b></td></tr>{prayers}</table>"
            + f'<form action="vote.php" method="post"><table class="box"><tr><td><b>'
              f"{esc(question)}</b><br>{radios}"
              f'<input type="submit" value="{attr(answers[-1])}">'
              "</td></tr></table></form></td>")


def _article_rows(page: Page) -> list[str]:
    rng = page.rng
    rows = [f'<tr><td class="title_news"><font size="4" color="#990000" face="Arial"><b>'
            f"{esc(page.headline)}</b></font></td></tr>"]
    if page.date.visible:
        label = esc(page.date.label) + " " if page.date.label else ""
        rows.append(f'<tr><td class="date_news"><font size="1" color="#666666">{label}'
                    f"{esc(page.date.visible)}</font></td></tr>")
    if page.byline.visible and page.byline.position == "before":
        rows.append(f'<tr><td class="writer"><b>{esc(page.byline.text())}</b></td></tr>')
    if page.image:
        cap = (f'<br><font size="1" face="Tahoma">{esc(page.image.caption)}</font>'
               if page.image.caption else "")
        rows.append(f'<tr><td align="center"><img src="{attr(page.image.url)}" width="400" '
                    f'border="0" alt="">{cap}</td></tr>')
    runs = rng.random() < 0.6
    if page.dateline and (page.dateline.position == "line" or not runs):
        rows.append(f'<tr><td class="place_news"><b>{esc(page.dateline.text)}</b></td></tr>')
    if runs:
        lead = (f"<b>{esc(page.dateline.text)}</b><br>\n"
                if page.dateline and page.dateline.position == "body_lead" else "")
        joint = rng.choice(("<br><br>\n", "<br />\n<br />\n", "<BR><BR>"))
        rows.append('<tr><td class="text_news" align="justify"><font face="Traditional Arabic" '
                    f'size="4">{lead}' + joint.join(esc(p) for p in page.paragraphs)
                    + "</font></td></tr>")
        page.layout["body"] = "br_runs"
    else:
        rows += [f'<tr><td class="text" align="justify" dir="rtl">{esc(p)}</td></tr>'
                 for p in page.paragraphs]
        page.layout["body"] = "table_cells"
    return rows


def render(page: Page) -> str:
    rng, a = page.rng, page.article
    head = ('<html dir="rtl">\n<head>\n<meta http-equiv="Content-Type" content="text/html; '
            'charset=utf-8">\n'
            f"<title>{esc(page.label)} :: {esc(a.title)}</title>\n"
            f'<meta name="keywords" content="{attr(", ".join(a.tags))}">\n'
            + meta.article_times(page, modified=False)
            + '<link href="/style.css" rel="stylesheet" type="text/css">\n'
            '<script language="JavaScript" src="/js/functions.js"></script>\n</head>\n')
    ticker = " &#9830; ".join(esc(link.title) for link in page.links("ticker", rng.randint(4, 8)))
    menu = ' <font color="#CCCCCC">|</font> '.join(
        f'<a href="section.php?id={i}" class="menu">{esc(m)}</a>'
        for i, m in enumerate(page.menu(6, 10)))
    today = page.today_line(rng.choice(("paired_day", "weekday_day")))
    rows = _article_rows(page)
    after = []
    font_tool = page.stable("tools").choice(furniture.FONT_TOOLS)
    tools = page.record("share", ["طباعة", "أرسل لصديق", font_tool])
    after.append('<tr><td><a href="print.php?id=1"><img src="/images/print.gif" border="0"> '
                 f'{esc(tools[0])}</a> | <a href="send.php?id=1">{esc(tools[1])}</a> | '
                 f'<a href="#">{esc(tools[2])}</a></td></tr>')
    if page.byline.visible and page.byline.position == "after":
        after.insert(0, f'<tr><td align="left" class="writer"><b>{esc(page.byline.text())}</b>'
                        "</td></tr>")
    count_heading = page.record("comments", [f"التعليقات ({rng.randint(0, 9)})"])[0]
    labels = page.comment_form()
    form_rows = "".join(f"<tr><td width=\"100\">{esc(x)}</td><td><input type=\"text\" "
                        f'name="f{i}" size="40"></td></tr>' for i, x in enumerate(labels))
    most = _cell_list(page, "most_read", page.pick("most_read", furniture.MOST_READ_HEADINGS),
                      rng.choice(("numeric_day", "paired_day")), rng.randint(4, 6))
    footer = "<br>".join(esc(x) for x in page.footer())
    return head + "\n".join([
        '<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">',
        '<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">',
        f'<tr><td><h1 style="margin:0"><a href="/"><img src="/images/logo.gif" '
        f'alt="{attr(page.label)}" border="0"></a></h1></td>'
        f'<td align="left" valign="bottom"><font size="1">{esc(today)}</font></td></tr>',
        f'<tr><td colspan="2" bgcolor="#003366" height="25">{menu}</td></tr>',
        '<tr><td colspan="2"><marquee direction="right" scrollamount="3" '
        f'onmouseover="this.stop()" onmouseout="this.start()">{ticker}</marquee></td></tr>',
        "</table>",
        '<table width="980" border="0" align="center" cellpadding="4" cellspacing="0"><tr>',
        _right_column(page),
        '<td valign="top">',
        '<table width="100%" border="0" cellspacing="2" cellpadding="4">',
        "\n".join(rows),
        "\n".join(after),
        "</table>",
        f'<table width="100%" class="comments"><tr><td colspan="2" class="box_title"><b>'
        f"{esc(count_heading)}</b></td></tr>{form_rows}</table>",
        "</td>",
        f'<td width="200" valign="top">{most}</td>',
        "</tr></table>",
        f'<table width="980" align="center"><tr><td class="footer" align="center">{footer}'
        "</td></tr></table>",
        "</body>\n</html>\n",
    ])
