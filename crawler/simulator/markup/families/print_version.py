"""A printer-friendly version of an article (``?print=1`` pages): little furniture, but the
print chrome, a print timestamp and the article URL in the footer.

Head: title, robots noindex, a print stylesheet; metadata-dated pages keep
``article:published_time``.
Page: ``onload="window.print()"``; a header with the logo alt text, "نسخة للطباعة" and the time
the page was printed (render time, before the title); the headline in an ``<h2>`` (no
``<h1>``); a meta line (byline, date) or the byline at the end; the caption without its image;
the dateline as its own line or a bold lead; the body as ``<p>``s (some wrapped in ``<font>``).
Footer: "رابط المقال" with the URL, the copyright line, print / close links.
"""

from __future__ import annotations

from crawler.simulator.markup import furniture, meta
from crawler.simulator.markup.kit import attr, esc
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.markup.source import SourceArticle

NAME = "print_version"
TRAITS = Traits(
    date_formats=("weekday_time", "numeric_time", "long_day", "paired_day"),
    date_where=(0.3, 0.45, 0.25), visible_with_meta=0.9, meta_day_only=0.3,
    byline_forms=("biqalam_colon", "biqalam", "kataba", "bare"),
    byline_positions=("before", "after"),
    dateline_positions=("line", "body_lead"),
    image=0.5, caption=1.0,
)


def page_url(article: SourceArticle) -> str:
    return article.url + "?print=1"


def render(page: Page) -> str:
    rng, a = page.rng, page.article
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(a.title)}</title>\n"
            '<meta name="robots" content="noindex, follow">\n'
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.article_times(page, modified=False)
            + '<link rel="stylesheet" href="/css/print.css" media="all">\n</head>\n')
    chrome = page.pick("print", (*furniture.PRINT_CHROME[:1], "طباعة الخبر"))
    printed = page.record("clock", [f"تاريخ الطباعة: "
                                    f"{page.today:%d/%m/%Y %H:%M}"])[0]
    logo = page.record("logo", [page.site.logo_alt])[0]
    meta_line = []
    if page.byline.visible and page.byline.position == "before":
        meta_line.append(f'<span class="by">{esc(page.byline.text())}</span>')
    if page.date.visible:
        label = f"{esc(page.date.label)} " if page.date.label else ""
        meta_line.append(f'<span class="date">{label}{esc(page.date.visible)}</span>')
    body = []
    if page.image and page.image.caption:
        body.append(f'<p class="caption"><i>{esc(page.image.caption)}</i></p>')
    if page.dateline:
        body.append(f'<p class="dateline">{esc(page.dateline.text)}</p>'
                    if page.dateline.position == "line"
                    else f"<p><b>{esc(page.dateline.text)}</b></p>")
    for p in page.paragraphs:
        body.append(f'<p><font face="Arial">{esc(p)}</font></p>' if rng.random() < 0.3
                    else f"<p>{esc(p)}</p>")
    if page.byline.visible and page.byline.position == "after":
        body.append(f'<p class="signature" align="left"><b>{esc(page.byline.text())}</b></p>')
    link_label = page.pick("print", ("رابط المقال:", "رابط الخبر:", "المصدر:"))
    footer = page.footer()
    tools = page.record("print", list(furniture.PRINT_CHROME[1:3]))
    return head + "\n".join([
        '<body onload="window.print()" class="print">',
        '<div id="print-header">',
        f'<img src="https://img.{page.site.domain}/logo-print.png" alt="{attr(logo)}">',
        f'<span class="print-label">{esc(chrome)}</span>',
        f'<span class="printed-at">{esc(printed)}</span>',
        "</div><hr>",
        f'<h2 class="print-title">{esc(page.headline)}</h2>',
        f'<div class="print-meta">{" - ".join(meta_line)}</div>' if meta_line else "",
        '<div class="print-body">', "\n".join(body), "</div><hr>",
        f'<div class="print-footer"><p>{esc(link_label)} <a href="{attr(a.url)}">'
        f"{esc(a.url)}</a></p>" + "".join(f"<p>{esc(x)}</p>" for x in footer) + "</div>",
        f'<div class="no-print"><a href="javascript:window.print()">{esc(tools[0])}</a> | '
        f'<a href="javascript:window.close()">{esc(tools[1])}</a></div>',
        "</body>\n</html>\n",
    ])
