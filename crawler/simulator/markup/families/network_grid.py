"""The network's rendered-text order in utility-class markup (Tailwind-style: ``flex``,
``grid-cols-12``, ``text-3xl``) and semantic sections, with related stories beside the body.

Head: og tags; JSON-LD NewsArticle on metadata-dated pages (and for metadata-only authors).
Page: a sticky ``<header>`` (clock, label, ticker as inline-flex spans ending in "أخر
الأخبار"); a ``grid-cols-12`` main: the left ``<section>`` holds the display title as a large
``<p>`` (twice, sometimes), the label line, and an ``<h1>`` holding the *label-prefixed* plain
title (news) or the plain title (opinion) with the author line, the date line when the date is
text, the figure with ``<figcaption>``, the dateline paragraph, the body ``<p>``s in a
``prose`` container, "قد يهمك ايضا:" as an ``<h3>`` and list, the logos, the comment
``<form>`` with ``<label>``s, the title twice; an ``<aside>`` beside it lists the related
stories (headline, place, network date). Footer with the network lines and address.
"""

from __future__ import annotations

from crawler.simulator.markup import meta
from crawler.simulator.markup.families import network
from crawler.simulator.markup.kit import attr, esc
from crawler.simulator.markup.page import Page

NAME = "network_grid"
TRAITS = network.traits()


def render(page: Page) -> str:
    rng, a = page.rng, page.article
    parts = network.parts(page)
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(a.title)}</title>\n" + meta.open_graph(page)
            + (meta.ld_script(meta.news_article(page))
               if page.date.where == "metadata" or page.byline.in_metadata else "")
            + '<link rel="stylesheet" href="/build/app.3e9f1.css">\n</head>\n')
    ticker = "".join(f'<a href="{attr(link.url)}" class="shrink-0 hover:underline">'
                     f"{esc(link.title)}</a>" for link in parts.ticker)
    display = (f'<p class="text-3xl font-extrabold leading-snug text-gray-900">'
               f"{esc(page.headline)}</p>")
    section = [display, display if rng.random() < 0.5 else "",
               f'<p class="text-sm text-red-700"> {esc(parts.label_line)}</p>']
    if a.kind == "opinion":
        section.append(f'<h1 class="text-lg text-gray-700 mt-2">{esc(a.title)}</h1>')
        if page.byline.visible:
            if parts.name_then_byline:
                section.append(f'<p class="font-semibold">{esc(page.byline.joined())}</p>')
            section.append(f'<p class="font-semibold text-gray-800">{esc(page.byline.text())}</p>')
    else:
        section.append(f'<h1 class="text-lg text-gray-700 mt-2"> {esc(parts.label_line)} '
                       f"{esc(a.title)}</h1>")
    if page.date.visible:
        section.append(f'<p class="text-xs text-gray-500" dir="ltr">{esc(page.date.visible)}</p>')
    if page.image:
        cap = (f'<figcaption class="text-sm text-gray-500 mt-1">{esc(page.image.caption)}'
               "</figcaption>" if page.image.caption else "")
        section.append(f'<figure class="my-4"><img class="w-full rounded-lg" '
                       f'src="{attr(page.image.url)}" alt="" loading="lazy">{cap}</figure>')
    if page.dateline:
        section.append(f'<p class="font-bold text-red-700">{esc(page.dateline.text)}</p>')
    section.append('<div class="prose prose-lg max-w-none leading-loose">'
                   + "".join(f"<p>{esc(p)}</p>" for p in page.paragraphs) + "</div>")
    section.append(f'<div class="border-t mt-6 pt-4"><h3 class="font-bold mb-2">'
                   f"{esc(parts.may_interest_title)}</h3><ul class=\"list-disc pr-5\">"
                   + "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                             for link in parts.may_interest) + "</ul></div>")
    logo = (f'<img class="h-8" src="https://img.{page.site.domain}/logo.svg" '
            f'alt="{attr(parts.logo_alt)}">')
    section.append(f'<div class="flex gap-4 my-6">{logo}{logo}</div>')
    section.append('<form class="space-y-3 bg-white p-4 rounded shadow" method="post">'
                   + "".join(f'<label class="block text-sm">{esc(x)}</label>'
                             f'<input class="w-full border rounded px-2 py-1">'
                             for x in parts.comment_labels) + "</form>")
    section.append(f'<p class="text-gray-400 text-xs mt-4">{esc(a.title)} {esc(a.title)}</p>')
    related = "".join(f'<li class="py-3 border-b"><a class="font-semibold block" '
                      f'href="{attr(r.link.url)}">{esc(r.link.title)}</a><span '
                      f'class="block text-xs text-gray-600">{esc(r.place)}</span><span '
                      f'class="block text-xs text-gray-400" dir="ltr">{esc(r.link.date or "")}'
                      "</span></li>" for r in parts.related)
    footer = "".join(f'<p class="text-sm">{esc(x)}</p>' for x in parts.footer)
    return head + "\n".join([
        '<body class="bg-gray-50 font-sans text-right">',
        '<div class="flex flex-col min-h-screen">',
        '<header class="sticky top-0 z-50 bg-white shadow"><div class="container mx-auto px-4">',
        f'<p class="text-xs text-gray-500">{esc(parts.clock)}</p>',
        f'<a href="/" class="text-2xl font-bold text-red-700"> {esc(parts.label_line)}</a>',
        '<div class="overflow-hidden whitespace-nowrap border-t py-1"><div class="inline-flex '
        f'gap-8 animate-marquee">{ticker}<span class="bg-red-600 text-white px-2">'
        f"{esc(parts.ticker_end)}</span></div></div></div></header>",
        '<main class="container mx-auto grid grid-cols-12 gap-6 px-4 py-6">',
        '<section class="col-span-12 lg:col-span-8">', "\n".join(x for x in section if x),
        "</section>",
        f'<aside class="col-span-12 lg:col-span-4"><ul class="divide-y">{related}</ul></aside>',
        "</main>",
        f'<footer class="bg-gray-900 text-gray-300 text-center py-6 mt-auto">{footer}'
        f'<p class="text-xs mt-2">{esc(parts.address)}</p></footer>',
        "</div>",
        "</body>\n</html>\n",
    ])
