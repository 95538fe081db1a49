"""The network's rendered-text order in table-less ``<div>``/``<span>``/``<font>`` soup, with
short opaque class names (``nw-t1``, ``blk-2``) and inline styles.

Head: the plain title; metadata-dated pages carry ``article:published_time`` and an
``itemprop="datePublished"`` meta inside the body wrapper.
Page: a ``<div>`` with the plain title, the header clock, the label line in a ``<font>``, the
ticker as run-together ``<span>``s closed by "أخر الأخبار", the display title once or twice in
``<div class="nw-t1">`` (no heading element), the label line again, then for news the
label-prefixed title, the caption (an ``<img>`` alt and a ``<span>``), the dateline, and for
opinion the plain title and the author line (the bare name then "بقلم - name", now and then);
the page's own date (network GMT format) under the title when it is text. The body is text
directly in a ``<div id="divTxt">`` separated by ``<br><br>`` (or one ``<span>`` per
paragraph followed by ``<br><br>``), the dateline sometimes its first bold line.
After the body: "قد يهمك ايضا:" with two headlines, the logo twice (``<img alt>`` and a text
strip), comment form labels in ``<span>``s, the title twice, related stories (headline, place,
network date) in ``<div>`` rows, the footer lines twice and the address.
"""

from __future__ import annotations

from crawler.simulator.markup import meta
from crawler.simulator.markup.families import network
from crawler.simulator.markup.kit import attr, esc
from crawler.simulator.markup.page import Page

NAME = "network_divs"
TRAITS = network.traits(dateline_positions=("line", "line", "body_lead"))


def _byline(page: Page, parts: network.NetworkParts) -> str:
    if not page.byline.visible:
        return ""
    line = f'<div class="nw-au" style="color:#444">{esc(page.byline.text())}</div>'
    if parts.name_then_byline:
        return f'<div class="nw-au">{esc(page.byline.joined())}</div>' + line
    return line


def render(page: Page) -> str:
    rng, a = page.rng, page.article
    parts = network.parts(page)
    label = esc(parts.label_line)
    head = ('<!DOCTYPE html>\n<html dir="rtl" lang="ar">\n<head>\n'
            '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
            f"<title>{esc(a.title)}</title>\n" + meta.article_times(page)
            + (meta.meta_authors(page) if page.byline.in_metadata else "")
            + "</head>\n")
    ticker = "".join(f'<span class="tk-i"><a href="{attr(link.url)}">{esc(link.title)}</a>'
                     "</span> " for link in parts.ticker)
    display = (f'<div class="nw-t1" style="font-size:22px;font-weight:bold">'
               f"{esc(page.headline)}</div>")
    top = [
        f'<div class="nw-pt">{esc(a.title)}</div>',
        f'<div class="nw-clk"><span>{esc(parts.clock)}</span></div>',
        f'<div class="nw-lbl"><font color="#990000"> {label}</font></div>',
        f'<div class="nw-tk">{ticker}<span class="tk-end"><b>{esc(parts.ticker_end)}</b></span>'
        "</div>",
        display, display if rng.random() < 0.6 else "",
        f'<div class="nw-lbl"> {label}</div>',
    ]
    if a.kind == "opinion":
        top += [f'<div class="nw-t2">{esc(a.title)}</div>', _byline(page, parts)]
    else:
        top.append(f'<div class="nw-t2"> {label} {esc(a.title)}</div>')
        if page.image:
            top.append(f'<div class="nw-img"><img src="{attr(page.image.url)}" '
                       f'alt="{attr(page.image.caption or "")}" width="100%"></div>')
            if page.image.caption:
                top.append(f'<span class="nw-cap">{esc(page.image.caption)}</span>')
        if page.dateline and page.dateline.position == "line":
            top.append(f'<div class="nw-pl"><b>{esc(page.dateline.text)}</b></div>')
        top.append(_byline(page, parts))
    if page.date.visible:
        top.append(f'<div class="nw-dt" dir="ltr">{esc(page.date.visible)}</div>')
    if page.date.where == "metadata" and page.date.machine:
        top.append(f'<meta itemprop="datePublished" content="{page.date.machine.value}">')
    lead = (f"<b>{esc(page.dateline.text)}</b><br>"
            if page.dateline and page.dateline.position == "body_lead" else "")
    if rng.random() < 0.6:
        body = lead + "<br><br>\n".join(esc(p) for p in page.paragraphs)
        page.layout["body"] = "br_runs"
    else:
        body = lead + "".join(f'<span class="nw-p">{esc(p)}</span><br><br>\n'
                              for p in page.paragraphs)
        page.layout["body"] = "spans"
    may = "".join(f'<div class="mi-i"><a href="{attr(link.url)}">{esc(link.title)}</a></div>'
                  for link in parts.may_interest)
    page.record("logo", [parts.logo_alt])
    logo = (f'<img src="https://img.{page.site.domain}/logo.png" alt="{attr(parts.logo_alt)}">')
    labels = "".join(f'<span class="cf-l">{esc(x)}</span><br>' for x in parts.comment_labels)
    related = "".join(f'<div class="rl-i"><div class="rl-t"><a href="{attr(r.link.url)}">'
                      f"{esc(r.link.title)}</a></div><div class=\"rl-p\">{esc(r.place)}</div>"
                      f'<div class="rl-d">{esc(r.link.date or "")}</div></div>'
                      for r in parts.related)
    footer = "".join(f"<div>{esc(x)}</div>" for x in parts.footer)
    return head + "\n".join([
        '<body style="margin:0;background:#fff">',
        '<div id="wrap" style="width:1000px;margin:auto">',
        '<div class="blk-1">', "\n".join(x for x in top if x), "</div>",
        f'<div id="divTxt" class="blk-2" style="text-align:justify;line-height:1.8">{body}</div>',
        f'<div class="blk-3"><div class="mi-h"><b>{esc(parts.may_interest_title)}</b></div>{may}'
        "</div>",
        f'<div class="blk-4">{logo}{logo}<div class="brand">{esc(parts.logo_alt)}</div></div>',
        f'<div class="blk-5"><form action="/comment" method="post">{labels}</form></div>',
        f'<div class="blk-6">{esc(a.title)} {esc(a.title)}</div>',
        f'<div class="blk-7">{related}</div>',
        f'<div class="blk-8">{footer}{footer}<div class="addr">{esc(parts.address)}</div></div>',
        "</div>",
        "</body>\n</html>\n",
    ])
