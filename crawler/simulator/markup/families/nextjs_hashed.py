"""A Next.js page styled with CSS-in-JS: meaningless hashed classes (``css-1q2w3e``), deep
``<div>`` nesting, ``__NEXT_DATA__`` holding the page state.

Head: ``next-head-count``, og tags, JSON-LD (dates on metadata-dated pages), preload links.
Page: everything is ``div``/``span``/``a`` with hashed classes; the headline is an ``<h1>`` or a
``<div role="heading" aria-level="1">``; the byline is an author link (prefix in its own span);
the date a ``<time datetime>`` (metadata-dated) or a span (text-dated); the body is ``<p>`` or
``<div data-testid="paragraph">`` blocks with inline related cards ("اقرأ أيضا" kicker, image,
title) and ad containers (إعلان) between them; the dateline is a bold first block or its own
block. After the body: topic chips, a latest list whose items carry ``<time datetime>``,
most-read with rank numbers, a newsletter box, a footer.
``__NEXT_DATA__``: the article (title, body HTML, author, publishedAt only when the page's
date is machine-readable) and other articles with their text and dates.
"""

from __future__ import annotations

from crawler.simulator.markup import furniture, meta
from crawler.simulator.markup.kit import attr, esc, script_json, weave
from crawler.simulator.markup.page import Page, Traits

NAME = "nextjs_hashed"
TRAITS = Traits(
    date_formats=("weekday_time", "long_day", "numeric_time", "greenwich"),
    date_where=(0.55, 0.25, 0.2), meta_styles=("utc_z", "site", "utc"),
    byline_forms=("bare", "biqalam", "kataba", "meta_only"),
    byline_positions=("before",),
    dateline_positions=("line", "body_lead", "omitted"),
)


def _d(page: Page, role: str, inner: str, tag: str = "div", extra: str = "") -> str:
    return f'<{tag} class="{page.css(role)}"{extra}>{inner}</{tag}>'


def _body(page: Page, as_p: bool) -> str:
    rng = page.rng
    blocks = [(f'<p class="{page.css("p")}">{esc(p)}</p>' if as_p else
               f'<div data-testid="paragraph" class="{page.css("p")}">{esc(p)}</div>')
              for p in page.paragraphs]
    extras = []
    for link in page.links("read_also", rng.randint(1, 2), thumbs=True):
        kicker = page.pick("read_also", furniture.READ_ALSO)
        extras.append(
            f'<a class="{page.css("card")}" href="{attr(link.url)}">'
            + _d(page, "card-img", f'<img alt="" src="{attr(link.thumb or "")}" '
                                   'loading="lazy" decoding="async">')
            + _d(page, "card-text", _d(page, "kicker", esc(kicker), "span")
                 + _d(page, "card-title", esc(link.title), "span"))
            + "</a>")
    if rng.random() < 0.8:
        label = page.pick("ad", furniture.AD_LABELS)
        extras.append(_d(page, "ad", _d(page, "ad-label", esc(label))
                         + f'<div id="div-gpt-ad-{rng.getrandbits(40)}-0" '
                           'style="min-width:300px;min-height:250px"></div>'))
    blocks = weave(blocks, extras, rng)
    if page.dateline:
        if page.dateline.position == "body_lead":
            blocks.insert(0, _d(page, "p", f"<strong>{esc(page.dateline.text)}</strong>"))
        else:
            blocks.insert(0, _d(page, "dateline", esc(page.dateline.text)))
    return _d(page, "body", "".join(blocks), extra=' data-testid="article-body"')


def render(page: Page) -> str:
    rng, a = page.rng, page.article
    as_p = rng.random() < 0.5
    h1 = rng.random() < 0.5
    body_html = "".join(f"<p>{esc(p)}</p>" for p in page.paragraphs)
    article_state = {"id": rng.randint(10**5, 10**6), "title": a.title, "slug": a.url,
                     "body": body_html, "section": page.section,
                     "author": ({"name": page.byline.joined()}
                                if page.byline.form != "none" else None),
                     "tags": list(a.tags)}
    if page.date.where == "metadata" and page.date.machine:
        article_state["publishedAt"] = page.date.machine.value
    related_state = page.script_articles(rng.randint(3, 5))
    data = {"props": {"pageProps": {"article": article_state, "related": related_state},
                      "__N_SSP": True},
            "page": "/[section]/[id]/[slug]", "query": {"section": str(rng.randint(1, 900))},
            "buildId": f"{rng.getrandbits(64):016x}", "isFallback": False, "gssp": True,
            "scriptLoader": []}
    head = ('<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charSet="utf-8"/>'
            '<meta name="viewport" content="width=device-width"/>'
            f"<title>{esc(a.title)} | {esc(page.label)}</title>"
            + meta.open_graph(page).replace("\n", "")
            + (meta.meta_authors(page).strip() if page.byline.in_metadata else "")
            + meta.ld_script(meta.news_article(page)).strip()
            + '<meta name="next-head-count" content="14"/><link rel="preload" '
            'href="/_next/static/css/a1b2c3.css" as="style"/><link rel="stylesheet" '
            'href="/_next/static/css/a1b2c3.css" data-n-g=""/></head>\n')
    menu = "".join(f'<a class="{page.css("nav-link")}" href="/section/{i}">{esc(m)}</a>'
                   for i, m in enumerate(page.menu()))
    crumbs = _d(page, "crumbs", "".join(
        _d(page, "crumb", f'<a href="/">{esc(c)}</a>', "span") for c in page.breadcrumbs()),
        "nav")
    headline = (f'<h1 class="{page.css("h1")}">{esc(page.headline)}</h1>' if h1 else
                f'<div dir="auto" role="heading" aria-level="1" class="{page.css("h1")}">'
                f"{esc(page.headline)}</div>")
    meta_bits = []
    if page.byline.visible:
        names = "".join(f'<a class="{page.css("author")}" href="/authors/{i}">{esc(n)}</a>'
                        for i, n in enumerate(page.byline.names))
        prefix = _d(page, "by", esc(page.byline.label), "span") if page.byline.label else ""
        meta_bits.append(_d(page, "byline", prefix + names))
    if page.date.visible:
        if page.date.where == "metadata" and page.date.machine:
            meta_bits.append(f'<time class="{page.css("time")}" '
                             f'datetime="{page.date.machine.value}">{esc(page.date.visible)}'
                             "</time>")
        else:
            meta_bits.append(_d(page, "time", esc(page.date.visible), "span"))
    figure = ""
    if page.image:
        cap = (_d(page, "caption", esc(page.image.caption), "figcaption")
               if page.image.caption else "")
        figure = _d(page, "figure", _d(page, "img-wrap", '<img alt="" sizes="100vw" '
                                       f'src="/_next/image?url={attr(page.image.url)}&amp;w=1200'
                                       '&amp;q=75" decoding="async" data-nimg="fill" '
                                       'style="position:absolute;height:100%;width:100%"/>')
                    + cap, "figure")
    chips = "".join(_d(page, "chip", f'<a href="/tags/{i}">{esc(t)}</a>', "span")
                    for i, t in enumerate(page.tags()))
    latest_heading = page.pick("latest", furniture.LATEST_HEADINGS)
    latest = "".join(
        f'<li class="{page.css("li")}"><a href="{attr(link.url)}">{esc(link.title)}</a>'
        f'<time class="{page.css("li-time")}" datetime="'
        f'{link.moment.isoformat(timespec="seconds") if link.moment else ""}">'
        f"{esc(link.date or '')}</time></li>"
        for link in page.links("latest", rng.randint(4, 6), rng.choice(("long_day",
                                                                       "weekday_time"))))
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(
        f'<li class="{page.css("rank")}"><span class="{page.css("rank-n")}">{i + 1}</span>'
        f'<a href="{attr(link.url)}">{esc(link.title)}</a></li>'
        for i, link in enumerate(page.links("most_read", rng.randint(4, 5))))
    news = page.newsletter()
    footer = "".join(_d(page, "foot-line", esc(x)) for x in page.footer())
    links = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    main = _d(page, "main", "".join([
        crumbs, headline,
        _d(page, "meta", "".join(meta_bits)) if meta_bits else "",
        figure, _body(page, as_p),
        _d(page, "chips", chips),
    ]))
    aside = _d(page, "aside", "".join([
        _d(page, "box", _d(page, "box-title", esc(latest_heading), "h2")
           + f'<ul class="{page.css("ul")}">{latest}</ul>'),
        _d(page, "box", _d(page, "box-title", esc(most_heading), "h2")
           + f'<ol class="{page.css("ol")}">{most}</ol>'),
        _d(page, "news", _d(page, "news-t", esc(news[0])) + _d(page, "news-d", esc(news[1]))
           + f'<button class="{page.css("btn")}">{esc(news[2])}</button>'),
    ]))
    return head + "".join([
        '<body><div id="__next">',
        _d(page, "root", "".join([
            _d(page, "header", f'<a href="/" class="{page.css("logo")}" aria-label="'
                               f'{attr(page.label)}"><svg viewBox="0 0 120 30"></svg></a>'
                               + _d(page, "nav", menu, "nav"), "header"),
            _d(page, "layout", _d(page, "wrap", main) + aside),
            _d(page, "footer", footer + _d(page, "foot-links", links), "footer"),
        ])),
        "</div>",
        f'<script id="__NEXT_DATA__" type="application/json">{script_json(data)}</script>',
        '<script src="/_next/static/chunks/webpack-1a2b.js" defer=""></script>',
        "</body></html>\n",
    ])
