"""The network's rendered-text order as a mobile site: a CSS-only drawer menu, ``<details>``
accordions, paragraphs as ``<div class="p">``, a sticky bottom bar.

Head: minimal; metadata-dated pages carry ``<time datetime>`` next to the visible date (or
alone, hidden) and ``article:published_time``.
Page: a checkbox-driven drawer (``<input id="nav-toggle">`` + ``<label>``) with the menu; the
clock and label line in a top strip; the ticker as a ``<ul>`` closed by "أخر الأخبار"; the
display title in an ``<h2>`` (the ``<h1>`` holds the label-prefixed title for news, the plain
title for opinion, below it); the author line (opinion); the caption under the image; the
dateline as a separate ``<div>`` or the body's first bold ``<div class="p">``; the body as
``<div class="p">`` blocks inside a ``<section>``, "قد يهمك ايضا:" in a ``<details>`` open by
default, the logo twice, the comment form in a closed ``<details><summary>``, the title twice,
related stories as ``<li>`` with place and date, the footer and address, a bottom bar of
shortcuts (الرئيسية، الأقسام، عاجل، المفضلة).
"""

from __future__ import annotations

from crawler.simulator.markup import meta
from crawler.simulator.markup.families import network
from crawler.simulator.markup.kit import attr, esc
from crawler.simulator.markup.page import Page

NAME = "network_mobile"
TRAITS = network.traits(dateline_positions=("line", "body_lead"),
                        date_formats=("network_gmt", "paired_day", "network_gmt"))
BOTTOM_BAR = ("الرئيسية", "الأقسام", "عاجل", "المفضلة", "بحث")


def render(page: Page) -> str:
    a = page.article
    parts = network.parts(page)
    menu = "".join(f'<li><a href="/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    bar = page.record("menu", list(BOTTOM_BAR))
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1">\n'
            f"<title>{esc(a.title)}</title>\n" + meta.article_times(page)
            + (meta.meta_authors(page) if page.byline.in_metadata else "")
            + '<link rel="stylesheet" href="/m/css/m.css?v=77">\n</head>\n')
    ticker = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                     for link in parts.ticker)
    top = [f'<h2 class="hdl">{esc(page.headline)}</h2>',
           f'<div class="lbl">{esc(parts.label_line)}</div>']
    if a.kind == "opinion":
        top.append(f'<h1 class="ttl">{esc(a.title)}</h1>')
        if page.byline.visible:
            if parts.name_then_byline:
                top.append(f'<div class="au">{esc(page.byline.joined())}</div>')
            top.append(f'<div class="au">{esc(page.byline.text())}</div>')
    else:
        top.append(f'<h1 class="ttl"> {esc(parts.label_line)} {esc(a.title)}</h1>')
    date = ""
    if page.date.where == "metadata" and page.date.machine:
        shown = esc(page.date.visible) if page.date.visible else ""
        hidden = "" if shown else ' hidden'
        date = f'<time class="dt" datetime="{page.date.machine.value}"{hidden}>{shown}</time>'
    elif page.date.visible:
        date = f'<div class="dt">{esc(page.date.visible)}</div>'
    top.append(date)
    if page.image:
        top.append(f'<img class="lead" src="{attr(page.image.url)}" alt="">')
        if page.image.caption:
            top.append(f'<div class="cap">{esc(page.image.caption)}</div>')
    if page.dateline and page.dateline.position == "line":
        top.append(f'<div class="dl">{esc(page.dateline.text)}</div>')
    blocks = [f'<div class="p">{esc(p)}</div>' for p in page.paragraphs]
    if page.dateline and page.dateline.position == "body_lead":
        blocks.insert(0, f'<div class="p"><strong>{esc(page.dateline.text)}</strong></div>')
    may = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                  for link in parts.may_interest)
    logo = f'<img class="lg" src="/m/logo.png" alt="{attr(parts.logo_alt)}">'
    form = "".join(f"<label>{esc(x)}</label><input>" for x in parts.comment_labels[1:])
    related = "".join(f'<li><a href="{attr(r.link.url)}">{esc(r.link.title)}</a><small>'
                      f"{esc(r.place)}</small><small>{esc(r.link.date or '')}</small></li>"
                      for r in parts.related)
    footer = "".join(f"<p>{esc(x)}</p>" for x in parts.footer)
    bottom = "".join(f'<a href="/{i}">{esc(x)}</a>' for i, x in enumerate(bar))
    return head + "\n".join([
        "<body>",
        '<input type="checkbox" id="nav-toggle" class="hidden">',
        f'<label for="nav-toggle" class="burger">☰</label><nav class="drawer"><ul>{menu}</ul>'
        "</nav>",
        f'<div class="strip"><span class="clk">{esc(parts.clock)}</span><a href="/" class="lbl">'
        f"{esc(parts.label_line)}</a></div>",
        f'<ul class="tk">{ticker}<li class="tk-end">{esc(parts.ticker_end)}</li></ul>',
        '<div class="art">', "\n".join(x for x in top if x),
        '<section class="txt">' + "\n".join(blocks) + "</section>",
        f'<details open class="mi"><summary>{esc(parts.may_interest_title)}</summary><ul>{may}'
        "</ul></details>",
        f"{logo}{logo}",
        f'<details class="cf"><summary>{esc(parts.comment_labels[0])}</summary><form>{form}'
        "</form></details>",
        f'<div class="rep">{esc(a.title)} {esc(a.title)}</div>',
        "</div>",
        f'<ul class="rel">{related}</ul>',
        f'<footer>{footer}<p class="adr">{esc(parts.address)}</p></footer>',
        f'<div class="bottom-bar">{bottom}</div>',
        "</body>\n</html>\n",
    ])
