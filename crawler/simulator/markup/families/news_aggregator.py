"""A news aggregator's story page, of the kind that republishes other outlets' stories from
their RSS feeds (a big genre on the Arabic web): the copied story between the aggregator's own
chrome, with the source outlet credited above the title and again after the text, and what
the feed carried copied along with it.

Head: the title "<headline> | <aggregator>", og tags; on metadata-dated pages a JSON-LD
``NewsArticle`` (``isBasedOn`` the source outlet's URL, ``sourceOrganization`` the outlet) and
``article:published_time``: the feed item's publication instant, which is the story's date.
Page: a cookie bar, the header (logo, search, the sections, a sources menu listing outlets), a
breaking ticker whose items each name their outlet; the source bar *above the title* (the
outlet's logo and name, how long ago the story was fetched: "منذ 3 ساعات", a follow button:
the outlet is no author, the age is no date), the ``<h1>``, the story's date with a label
("نشر في: 14/11/2024 - 09:46", on dated pages), a views count, the lead image with the
aggregator's caption (or, on some pages, the feed's own ``wp-caption`` block inside the text).
Body (``div.story-text``): the feed item's HTML: ``<p dir="rtl">``s; the outlet's byline
typed as the text's first line ("كتب - X", "بقلم: X", or the bare name, bold: the names are
the authors, the line is not body); the dateline as a bold line or a line of its own; the
outlet's own "اقرأ أيضا:" links copied inside the text and the aggregator's in-read ad between
paragraphs; a ``wp-caption`` image block (its caption is not body); at the end, on feeds from
WordPress outlets, the SEO plugin's line "ظهرت المقالة <title> أولاً على <outlet>." and, on
some pages, "المصدر: <outlet>" as the text's last line: furniture.
After the body: the credit "المصدر: <outlet>" (when not inside the text), "اقرأ الخبر من
المصدر", the aggregator's disclaimer ("هذا الخبر منقول من ...، والموقع غير مسؤول عن محتواه"),
report and share buttons, tags; "الخبر في مصادر أخرى" (the same story's title as other
outlets reworded it: "عاجل | <title>", "<title> (صور)", with outlet names and ages), more
from the outlet with ages, most read with dates, an app promo, the footer, and an inline
script with the item's ids and feed URL.
Dates: the feed item's instant (metadata, second) or the dated line (minute, local);
undated pages show only the fetch age (null).
"""

from __future__ import annotations

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc, inline, script_json, weave
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.text import eastern_digits, slugify

NAME = "news_aggregator"
TRAITS = Traits(
    date_formats=("numeric_time", "numeric_ampm", "slash_ymd_time"),
    date_where=(0.4, 0.4, 0.2), meta_styles=("site", "utc_z"),
    visible_with_meta=0.7, eastern_digits=0.2,
    byline_forms=("kataba", "biqalam_colon", "bare", "meta_only"),
    byline_positions=("before",),
    dateline_positions=("body_lead", "omitted", "line"),
    display_title=0.5, image=0.8, caption=0.6,
)
DATE_LABELS = ("نشر في:", "تاريخ النشر:", "نشر بتاريخ")


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _age(page: Page) -> str:
    a = page.article
    if a.published is not None and page.rng.random() < 0.7:
        return _digits(page, dates.age(page.today - a.published))
    return _digits(page, dates.relative(page.rng))


def _story_text(page: Page, source: str, source_url: str) -> tuple[str, bool]:
    """The copied feed item, and whether the source credit is its last line."""
    rng, b, a = page.rng, page.byline, page.article
    parts = body.shape(page, tail=0.15, subheads=0.15)
    blocks = []
    for part in parts:
        if part.kind == "subhead":
            blocks.append(f'<h3 dir="rtl">{esc(part.texts[0])}</h3>')
        else:
            blocks.append(f'<p dir="rtl">{inline(part.texts[0], rng, 0.3, "/tag/")}</p>')
    extras = []
    if rng.random() < 0.6:
        label = page.pick("read_also", furniture.READ_ALSO)
        link = page.links("read_also", 1)[0]
        extras.append(f'<p dir="rtl"><strong>{esc(label)}</strong> <a href="{attr(link.url)}" '
                      f'target="_blank" rel="noopener">{esc(link.title)}</a></p>')
    label = page.pick("ad", furniture.AD_LABELS)
    extras.append(f'<div class="agg-inread"><small>{esc(label)}</small><div class="ad-unit" '
                  f'data-slot="inread-{rng.randint(1, 4)}"></div></div>')
    blocks = weave(blocks, extras, rng)
    in_text_image = page.image is not None and rng.random() < 0.35
    if in_text_image and page.image is not None:
        cap = (f'<p class="wp-caption-text">{esc(page.image.caption)}</p>'
               if page.image.caption else "")
        blocks.insert(0, f'<div class="wp-caption aligncenter" style="width: 810px"><img '
                         f'class="size-full" src="{attr(page.image.url)}" alt="" width="800" '
                         f'height="450">{cap}</div>')
        page.layout["image_place"] = "in_text"
    if page.dateline and page.dateline.position == "body_lead":
        blocks.insert(0, f'<p dir="rtl"><strong>{esc(page.dateline.text)}</strong></p>')
    elif page.dateline:
        blocks.insert(0, f'<p class="dateline" dir="rtl">{esc(page.dateline.text)}</p>')
    if b.visible:
        blocks.insert(0, f'<p dir="rtl"><strong>{esc(b.text())}</strong></p>')
    if page.stable("wp-feed").random() < 0.5:
        page.record("source", [furniture.WP_FEED_FOOTER.format(title=a.title, source=source)])
        home = "/".join(source_url.split("/")[:3])
        blocks.append(f'<p>ظهرت المقالة <a rel="nofollow" href="{attr(source_url)}">'
                      f'{esc(a.title)}</a> أولاً على <a rel="nofollow" href="{attr(home)}">'
                      f"{esc(source)}</a>.</p>")
    credit_inside = rng.random() < 0.4
    if credit_inside:
        label = page.pick("source", furniture.SOURCE_LABELS)
        blocks.append(f'<p dir="rtl">{esc(label)} {esc(source)}</p>')
        page.record("source", [f"{label} {source}"])
    return ('<div class="story-text" id="newsContent">\n' + "\n".join(blocks) + "\n</div>",
            credit_inside)


def render(page: Page) -> str:
    rng, a = page.rng, page.article
    source = page.record("source", [furniture.other_outlet(rng)])[0]
    host = "www." + furniture.OUTLET_HOSTS[furniture.OUTLETS.index(source)]
    source_url = f"https://{host}/news/{rng.randint(10**5, 10**7)}"
    text, credit_inside = _story_text(page, source, source_url)
    data = meta.news_article(page, description=meta.description(page),
                             isBasedOn=source_url,
                             sourceOrganization={"@type": "NewsMediaOrganization", "name": source})
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(page.headline)} | {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page, modified=False)
            + (meta.meta_authors(page) if page.byline.in_metadata else "")
            + meta.ld_script(data)
            + '<link rel="stylesheet" href="/assets/app.min.css?v=58">\n</head>\n')
    cookie = ""
    if page.stable("cookie").random() < 0.6:
        notice = page.record("cookie", list(page.stable("cookie-text").choice(
            furniture.COOKIE_NOTICES)))
        cookie = (f'<div class="cookie-bar"><p>{esc(notice[0])}</p>'
                  + "".join(f"<button>{esc(x)}</button>" for x in notice[1:]) + "</div>")
    search = page.pick("menu", furniture.AGG_SEARCH)
    menu = "".join(f'<li><a href="/c/{i}">{esc(m)}</a></li>'
                   for i, m in enumerate(page.menu(6, 10)))
    sources_label = page.pick("sources", furniture.AGG_SOURCES)
    outlets = page.record("sources", list(page.stable("outlets").sample(furniture.OUTLETS, 6)))
    outlet_menu = "".join(f'<li><a href="/source/{attr(slugify(o))}">{esc(o)}</a></li>'
                          for o in outlets)
    breaking = page.pick("ticker", furniture.BREAKING_LABELS)
    ticker_items = []
    for link in page.links("ticker", rng.randint(4, 7)):
        outlet = page.record("ticker", [furniture.other_outlet(rng, (source,))])[0]
        ticker_items.append(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> <span '
                            f'class="src">{esc(outlet)}</span></li>')
    age = page.record("age", [_age(page)])[0]
    follow = page.pick("source", furniture.AGG_FOLLOW)
    source_bar = (f'<div class="source-bar"><img class="src-logo" src="/logos/'
                  f'{attr(slugify(source))}.png" alt="{attr(source)}"><a class="src-name" '
                  f'href="/source/{attr(slugify(source))}">{esc(source)}</a><span class="src-age">'
                  f'{esc(age)}</span><button class="follow">{esc(follow)}</button></div>')
    date_line = ""
    if page.date.visible:
        label = page.stable("date-label").choice(DATE_LABELS)
        date_line = f'<div class="story-date">{esc(label)} {esc(page.date.visible)}</div>'
    views = page.record("hits", [_digits(page, f"{rng.randint(120, 9800)} "
                                         f"{page.stable('views').choice(furniture.AGG_VIEWS)}")])
    figure = ""
    if page.image and page.layout.get("image_place") != "in_text":
        cap = (f"<figcaption>{esc(page.image.caption)}</figcaption>"
               if page.image.caption else "")
        figure = (f'<figure class="story-image"><img src="{attr(page.image.url)}" alt="'
                  f'{attr(a.title)}">{cap}</figure>')
    credit = ""
    if not credit_inside:
        label = page.pick("source", furniture.SOURCE_LABELS)
        page.record("source", [f"{label} {source}"])
        credit = (f'<div class="source-credit">{esc(label)} <a href="{attr(source_url)}" '
                  f'rel="nofollow">{esc(source)}</a></div>')
    read_source = page.pick("source", furniture.AGG_READ_SOURCE)
    disclaimer = page.record("disclaimer", [page.stable("disclaimer").choice(
        furniture.AGG_DISCLAIMER).format(source=source)])[0]
    report = page.pick("share", furniture.AGG_REPORT)
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    cluster_heading = page.pick("cluster", furniture.AGG_CLUSTER)
    cluster = []
    for form in rng.sample(furniture.CLUSTER_FORMS, rng.randint(2, 4)):
        outlet = furniture.other_outlet(rng, (source,))
        title = form.format(title=a.title)
        when = _digits(page, dates.relative(rng))
        page.record("cluster", [title, outlet, when])
        cluster.append(f'<li><a href="/story/{rng.randint(10**6, 10**7)}">{esc(title)}</a>'
                       f'<span class="src">{esc(outlet)}</span><span class="age">{esc(when)}'
                       "</span></li>")
    more_heading = page.record("related", [page.stable("more-from").choice(
        furniture.AGG_MORE_FROM).format(source=source)])[0]
    more = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a><span class="age">'
                   f"{esc(link.date or '')}</span></li>"
                   for link in page.links("related", rng.randint(3, 5), relative=True))
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a><time>'
                   f"{esc(link.date or '')}</time></li>"
                   for link in page.links("most_read", rng.randint(4, 6), "numeric_day"))
    promo = page.record("app", [rng.choice(furniture.APP_PROMOS).format(label=page.label)])[0]
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    item = {"id": rng.randint(10**7, 10**8), "sourceId": rng.randint(10, 900),
            "feed": source_url.rsplit("/", 2)[0] + "/feed", "lang": "ar"}
    return head + "\n".join([
        '<body class="agg story-page">',
        cookie,
        f'<header class="agg-header"><a class="agg-logo" href="/">{esc(page.label)}</a><form '
        f'class="agg-search" action="/search"><input name="q" placeholder="{attr(search)}">'
        f'<button type="submit">{esc(search)}</button></form><nav class="agg-sections"><ul>'
        f'{menu}</ul></nav><div class="agg-sources-menu"><span>{esc(sources_label)}</span><ul>'
        f"{outlet_menu}</ul></div></header>",
        f'<div class="agg-ticker"><b>{esc(breaking)}</b><ul>{"".join(ticker_items)}</ul></div>',
        '<main class="agg-main"><div class="agg-story">',
        source_bar,
        f'<h1 class="story-title">{esc(page.headline)}</h1>',
        date_line,
        f'<div class="story-stats"><span class="views">{esc(views[0])}</span></div>',
        figure,
        text,
        credit,
        f'<a class="btn read-source" href="{attr(source_url)}" rel="nofollow" target="_blank">'
        f"{esc(read_source)}</a>",
        f'<p class="disclaimer">{esc(disclaimer)}</p>',
        f'<div class="story-actions"><button class="report">{esc(report)}</button>{share}</div>',
        f'<div class="story-tags">{tags}</div>',
        "</div>",
        f'<section class="cluster"><h2>{esc(cluster_heading)}</h2><ul>{"".join(cluster)}</ul>'
        "</section>",
        f'<section class="more-from"><h2>{esc(more_heading)}</h2><ul>{more}</ul></section>',
        "</main>",
        f'<aside class="agg-side"><h3>{esc(most_heading)}</h3><ol>{most}</ol><div '
        f'class="app-promo">{esc(promo)}</div></aside>',
        f'<footer class="agg-footer"><nav>{utility}</nav><p>{esc(footer[0])}</p><p>'
        f"{esc(footer[1])}</p></footer>",
        f"<script>var newsData = {script_json(item)};</script>",
        "</body>\n</html>\n",
    ])
