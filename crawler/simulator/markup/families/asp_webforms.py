"""An ASP.NET WebForms portal (Gulf style): one ``<form id="form1">`` wraps the whole page,
``__VIEWSTATE``, ``ctl00_ContentPlaceHolder1_*`` ids, content in ``<span>`` labels.

Head: charset, title, og tags; metadata-dated pages carry a NewsArticle JSON-LD added by an SEO
module (sometimes with a colonless offset).
Page: header with the day's date and a currency widget; the menu is a repeater of links; a
ticker ``<ul>`` filled by script; the headline is a ``<span class="NewsTitle">`` (no heading
element anywhere around it), the date ``lblDate``, the author ``lblAuthor`` (before or after the
body), the image and ``lblImageCaption``, the dateline as a bold line at the start of the
body span, and the body itself one ``<span id="..._lblBody">`` with paragraphs separated by
``<br /><br />`` (or ``<div>`` per paragraph).
After the body: a GridView table of related news (header row, one row per story with its
date), prayer times, a comment table with ``lbl*`` labels and ``txt*`` inputs, the footer.
"""

from __future__ import annotations

from crawler.simulator.markup import furniture, meta
from crawler.simulator.markup.kit import attr, esc
from crawler.simulator.markup.page import Page, Traits

NAME = "asp_webforms"
TRAITS = Traits(
    date_formats=("numeric_time", "weekday_comma_ampm", "numeric_day", "paired_day"),
    date_where=(0.3, 0.45, 0.25), meta_colonless=0.3, visible_with_meta=0.8,
    byline_forms=("bare", "kataba", "biqalam_colon", "katib"),
    byline_positions=("before", "after"),
    dateline_positions=("body_lead", "line", "omitted"),
    eastern_digits=0.2,
)
_CP = "ctl00_ContentPlaceHolder1_"


def _span(name: str, inner: str, css: str = "") -> str:
    klass = f' class="{css}"' if css else ""
    return f'<span id="{_CP}{name}"{klass}>{inner}</span>'


def render(page: Page) -> str:
    rng, a = page.rng, page.article
    news_id = rng.randint(10**4, 10**6)
    ld = (meta.ld_script(meta.news_article(page))
          if page.date.where == "metadata" or page.byline.in_metadata else "")
    head = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml" dir="rtl">\n<head id="ctl00_Head1">'
            '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />'
            f"<title>\n\t{esc(a.title)} - {esc(page.label)}\n</title>\n"
            + meta.open_graph(page, image=False) + ld
            + '<link href="App_Themes/Default/Style.css" type="text/css" rel="stylesheet" />'
            "\n</head>\n")
    viewstate = "/wEPDwUK" + "".join(rng.choice("ABCDEFGHabcdefgh0123456789+/")
                                     for _ in range(120))
    today = page.today_line(rng.choice(("paired_day", "weekday_day")))
    rates = page.record("widgets", furniture.currencies(rng))
    menu = "".join(f'<a id="ctl00_rptMenu_ctl{i:02d}_lnkSection" href="Section.aspx?id={i}">'
                   f"{esc(m)}</a>" for i, m in enumerate(page.menu()))
    ticker = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                     for link in page.links("ticker", rng.randint(3, 6)))
    ticker_label = page.pick("ticker", furniture.BREAKING_LABELS)
    parts = [_span("lblTitle", esc(page.headline), "NewsTitle"), "<br />"]
    if page.date.visible:
        parts.append(_span("lblDate", esc(page.date.visible), "NewsDate"))
    if page.byline.visible and page.byline.position == "before":
        parts.append("&nbsp;|&nbsp;" + _span("lblAuthor", esc(page.byline.text()), "NewsAuthor"))
    if page.image:
        parts.append(f'<div class="NewsImage"><img id="{_CP}imgNews" src="{attr(page.image.url)}"'
                     ' style="border-width:0px;" />')
        if page.image.caption:
            parts.append(_span("lblImageCaption", esc(page.image.caption), "ImageCaption"))
        parts.append("</div>")
    if page.dateline and page.dateline.position == "line":
        parts.append(f'<div class="NewsPlace">{esc(page.dateline.text)}</div>')
    lead = (f"<b>{esc(page.dateline.text)}</b><br />"
            if page.dateline and page.dateline.position == "body_lead" else "")
    if rng.random() < 0.7:
        body = lead + "<br /><br />".join(esc(p) for p in page.paragraphs)
        page.layout["body"] = "br_runs"
    else:
        body = lead + "".join(f"<div>{esc(p)}</div>" for p in page.paragraphs)
        page.layout["body"] = "divs"
    parts.append(_span("lblBody", body, "NewsBody"))
    if page.byline.visible and page.byline.position == "after":
        parts.append("<br />" + _span("lblAuthor", esc(page.byline.text()), "NewsAuthor"))
    rel_heading = page.pick("related", furniture.RELATED_HEADINGS)
    date_heading = page.pick("related", ("التاريخ", "تاريخ النشر"))
    fmt = rng.choice(("numeric_day", "numeric_time", "paired_day"))
    rows = "".join(f'<tr><td><a id="{_CP}gvRelated_ctl{i + 2:02d}_lnkTitle" '
                   f'href="{attr(link.url)}">{esc(link.title)}</a></td><td>{esc(link.date or "")}'
                   "</td></tr>" for i, link in enumerate(page.links("related", rng.randint(3, 6),
                                                                     fmt)))
    prayer_title = page.pick("widgets", ("مواقيت الصلاة", "أوقات الصلاة"))
    prayers = "".join(f"<li>{esc(x)}</li>" for x in page.record("widgets",
                                                                 furniture.prayer_times(rng)))
    heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    labels = page.comment_form()
    comment_rows = "".join(f"<tr><td>{_span(f'lblField{i}', esc(x))}</td><td><input "
                           f'name="ctl00$ContentPlaceHolder1$txtField{i}" type="text" '
                           f'id="{_CP}txtField{i}" /></td></tr>' for i, x in enumerate(labels))
    footer = "<br />".join(esc(x) for x in page.footer())
    return head + "\n".join([
        "<body>",
        f'<form method="post" action="./NewsDetails.aspx?NewsID={news_id}" id="form1">',
        '<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" '
        f'value="{viewstate}" /></div>',
        "<script type=\"text/javascript\">\n//<![CDATA[\nvar theForm = document.forms['form1'];"
        "\nif (!theForm) { theForm = document.form1; }\n//]]>\n</script>",
        '<div id="ctl00_pnlHeader" class="Header">',
        f'<div class="HeaderDate">{_span("lblToday", esc(today))}</div>',
        '<div class="Currency">' + " ".join(f"<span>{esc(r)}</span>" for r in rates) + "</div>",
        f'<a href="Default.aspx"><img src="Images/logo.png" alt="{attr(page.label)}" /></a>',
        "</div>",
        f'<div id="ctl00_pnlMenu" class="Menu">{menu}</div>',
        f'<div class="Ticker"><span class="TickerTitle">{esc(ticker_label)}</span>'
        f'<ul id="ticker">{ticker}</ul></div>',
        '<table width="100%" cellpadding="0" cellspacing="0"><tr><td valign="top" '
        'class="MainCell">',
        f'<div id="{_CP}pnlNews" class="NewsDetails">',
        "\n".join(parts),
        "</div>",
        f'<table class="gvRelated" cellspacing="0" rules="all" border="1" id="{_CP}gvRelated" '
        f'style="border-collapse:collapse;"><tr><th scope="col">{esc(rel_heading)}</th>'
        f'<th scope="col">{esc(date_heading)}</th></tr>{rows}</table>',
        f'<div class="CommentsBox"><h3>{esc(heading)}</h3><table>{comment_rows}</table>'
        f'<input type="submit" name="ctl00$ContentPlaceHolder1$btnSend" value="إرسال" '
        f'id="{_CP}btnSend" /></div>',
        "</td>",
        f'<td valign="top" class="SideCell"><div class="Prayer"><b>{esc(prayer_title)}</b>'
        f"<ul>{prayers}</ul></div></td>",
        "</tr></table>",
        f'<div id="ctl00_footer" class="Footer">{footer}</div>',
        "</form>",
        "</body>\n</html>\n",
    ])
