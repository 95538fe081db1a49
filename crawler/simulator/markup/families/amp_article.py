"""A generic AMP article (``<html ⚡>``), served at the ``/amp`` URL of the article.

Head: the AMP runtime and custom-element scripts, amp-boilerplate styles, ``amp-custom`` CSS,
rel=canonical to the normal URL, JSON-LD NewsArticle (dates on metadata-dated pages).
Page: ``<amp-sidebar>`` holding the menu; a header with ``<amp-img>`` logo; a breadcrumb line;
``<h1>``; a meta line (author span, date span); the lead ``<amp-img>`` in a figure with its
caption; the dateline as its own paragraph or the first bold one; the body ``<p>``s with
``<amp-ad>`` slots (a placeholder "إعلان") and ``<aside>`` read-also links between them;
``<amp-social-share>`` buttons; tags; related articles with ``<amp-img>`` thumbnails and dates;
most-read in an ``<amp-accordion>``; footer; ``<amp-user-notification>`` cookie notice and
``<amp-analytics>`` with its JSON config.
"""

from __future__ import annotations

from crawler.simulator.markup import furniture, meta
from crawler.simulator.markup.kit import attr, esc, script_json, weave
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.markup.source import SourceArticle

NAME = "amp_article"
TRAITS = Traits(
    date_formats=("weekday_time", "long_day", "network_gmt", "numeric_time"),
    date_where=(0.55, 0.25, 0.2),
    byline_forms=("bare", "biqalam", "kataba", "meta_only"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead"),
    image=0.95,
)
_ELEMENTS = ("amp-sidebar", "amp-ad", "amp-social-share", "amp-accordion", "amp-analytics",
             "amp-user-notification")


def page_url(article: SourceArticle) -> str:
    scheme, rest = article.url.split("://", 1)
    host, _, path = rest.partition("/")
    return f"{scheme}://{host}/amp/{path}"


def _head(page: Page) -> str:
    a = page.article
    scripts = "".join(f'<script async custom-element="{e}" '
                      f'src="https://cdn.ampproject.org/v0/{e}-0.1.js"></script>\n'
                      for e in _ELEMENTS)
    return ('<!doctype html>\n<html ⚡ lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<script async src="https://cdn.ampproject.org/v0.js"></script>\n' + scripts
            + f"<title>{esc(a.title)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            '<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">\n'
            + meta.ld_script(meta.news_article(page))
            + "<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 "
            "normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}</style>"
            "<noscript><style amp-boilerplate>body{-webkit-animation:none;animation:none}"
            "</style></noscript>\n"
            "<style amp-custom>body{font-family:Tajawal,sans-serif}.amp-meta{color:#777}"
            ".amp-content p{line-height:1.9}</style>\n</head>\n")


def _content(page: Page) -> str:
    rng = page.rng
    paragraphs = [f"<p>{esc(p)}</p>" for p in page.paragraphs]
    extras = []
    for _ in range(rng.randint(1, 2)):
        label = page.pick("ad", furniture.AD_LABELS)
        extras.append('<amp-ad width="300" height="250" type="doubleclick" '
                      f'data-slot="/{rng.randint(1000, 9999)}/amp_inarticle" '
                      f'layout="responsive"><div placeholder>{esc(label)}</div>'
                      "<div fallback></div></amp-ad>")
    for link in page.links("read_also", rng.randint(0, 1)):
        label = page.pick("read_also", furniture.READ_ALSO)
        extras.append(f'<aside class="read-also"><span>{esc(label)}</span> '
                      f'<a href="{attr(link.url)}">{esc(link.title)}</a></aside>')
    paragraphs = weave(paragraphs, extras, rng)
    if page.dateline:
        lead = (f'<p class="amp-dateline">{esc(page.dateline.text)}</p>'
                if page.dateline.position == "line"
                else f"<p><b>{esc(page.dateline.text)}</b></p>")
        paragraphs.insert(0, lead)
    return '<div class="amp-content">' + "\n".join(paragraphs) + "</div>"


def render(page: Page) -> str:
    rng = page.rng
    head = _head(page)
    menu = "".join(f'<li><a href="/amp/section/{i}">{esc(m)}</a></li>'
                   for i, m in enumerate(page.menu()))
    crumbs = " › ".join(f'<a href="/">{esc(c)}</a>' for c in page.breadcrumbs())
    meta_line = []
    if page.byline.visible and page.byline.position == "before":
        meta_line.append(f'<span class="amp-author">{esc(page.byline.text())}</span>')
    if page.date.visible:
        meta_line.append(f'<span class="amp-date">{esc(page.date.visible)}</span>')
    figure = ""
    if page.image:
        cap = f"<figcaption>{esc(page.image.caption)}</figcaption>" if page.image.caption else ""
        figure = (f'<figure><amp-img src="{attr(page.image.url)}" width="800" height="450" '
                  f'layout="responsive" alt=""></amp-img>{cap}</figure>')
    share_label = page.pick("share", furniture.SHARE_LABELS)
    share = "".join(f'<amp-social-share type="{t}" width="40" height="40"></amp-social-share>'
                    for t in ("facebook", "twitter", "whatsapp", "email"))
    after = ""
    if page.byline.visible and page.byline.position == "after":
        after = f'<p class="amp-signature"><strong>{esc(page.byline.text())}</strong></p>'
    tags_heading = page.pick("tags", furniture.TAG_HEADINGS)
    tags = " ".join(f'<a class="tag" href="/amp/tag/{i}">{esc(t)}</a>'
                    for i, t in enumerate(page.tags()))
    rel_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = "".join(
        f'<li><a href="{attr(link.url)}"><amp-img src="{attr(link.thumb or "")}" width="120" '
        f'height="80" layout="fixed" alt=""></amp-img><span class="t">{esc(link.title)}</span>'
        f'</a><span class="d">{esc(link.date or "")}</span></li>'
        for link in page.links("related", rng.randint(3, 5), rng.choice(("long_day",
                                                                       "network_gmt")),
                               thumbs=True))
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                   for link in page.links("most_read", rng.randint(3, 5)))
    footer = "".join(f"<p>{esc(x)}</p>" for x in page.footer())
    cookie = page.record("cookie", list(page.stable("cookie").choice(furniture.COOKIE_NOTICES)))
    analytics = {"vars": {"gtag_id": f"G-{rng.getrandbits(32):08X}",
                          "config": {f"G-{rng.getrandbits(32):08X}": {"groups": "default"}}}}
    return head + "\n".join([
        "<body>",
        '<amp-sidebar id="sidebar" layout="nodisplay" side="right"><nav><ul>'
        f"{menu}</ul></nav></amp-sidebar>",
        '<header class="amp-header"><button on="tap:sidebar.toggle" class="hamburger" '
        'aria-label="القائمة">☰</button><a href="/amp/" class="brand"><amp-img src="/logo.png" '
        f'width="150" height="40" alt="{attr(page.label)}"></amp-img></a></header>',
        '<main><article class="amp-article">',
        f'<div class="amp-crumbs">{crumbs}</div>',
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="amp-meta">{" | ".join(meta_line)}</div>' if meta_line else "",
        figure, _content(page), after,
        f'<div class="amp-share"><span>{esc(share_label)}</span>{share}</div>',
        f'<div class="amp-tags"><h3>{esc(tags_heading)}</h3>{tags}</div>',
        "</article>",
        f'<section class="amp-related"><h2>{esc(rel_heading)}</h2><ul>{related}</ul></section>',
        f'<amp-accordion><section><h4>{esc(most_heading)}</h4><ul>{most}</ul></section>'
        "</amp-accordion>",
        "</main>",
        f'<footer class="amp-footer">{footer}</footer>',
        f'<amp-user-notification layout="nodisplay" id="cookie-notice"><p>{esc(cookie[0])}</p>'
        + "".join(f'<button on="tap:cookie-notice.dismiss">{esc(x)}</button>'
                  for x in cookie[1:]) + "</amp-user-notification>",
        '<amp-analytics type="gtag" data-credentials="include"><script type="application/json">'
        f"{script_json(analytics)}</script></amp-analytics>",
        "</body>\n</html>\n",
    ])
