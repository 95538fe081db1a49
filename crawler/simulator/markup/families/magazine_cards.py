"""A modern HTML5 magazine where every teaser card is an ``<article>`` and the story itself is
not: BEM classes (``story__body``), pull quotes, ``<details>`` comments, a ``<dialog>``.

Head: og and twitter cards, ``article:published_time`` and a JSON-LD array of two objects
(WebSite and NewsArticle) on metadata-dated pages; ``itemprop`` attributes on the story.
Page: sticky header with the menu and a "live" strip; a "latest" rail of ``<article
class="card">`` teasers with ``<time datetime>`` *before* the story; the story is a ``<div
class="story">``: kicker, ``<h1 class="story__headline">``, an ``<address>`` byline with
``rel="author"`` (or a signature after the body), a date paragraph, the lead figure, the body
``<p>``s with an ``<aside>`` read-also teaser, an ad and sometimes a ``<blockquote>`` pull quote
repeating a sentence of the body; the dateline as a small-caps paragraph or a bold lead.
After the story: topic links, share buttons, a "more" grid of ``<article class="card">`` with
dates and excerpts, most-read cards, comments in ``<details>`` (reader comments with dates and
a form), a newsletter ``<dialog>``, the footer.
"""

from __future__ import annotations

from crawler.simulator.markup import furniture, meta
from crawler.simulator.markup.kit import attr, esc, lazy_img, weave
from crawler.simulator.markup.page import Link, Page, Traits

NAME = "magazine_cards"
TRAITS = Traits(
    date_formats=("weekday_time", "long_day", "greenwich", "weekday_day"),
    date_where=(0.45, 0.3, 0.25), meta_styles=("site", "utc_z", "utc"),
    byline_forms=("bare", "biqalam", "biqalam_colon", "meta_only"),
    byline_positions=("before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.6,
)


def _card(link: Link, rng_img: str, excerpt: bool = False) -> str:
    stamp = link.moment.isoformat(timespec="seconds") if link.moment else ""
    text = f'<p class="card__excerpt">{esc(link.excerpt)}</p>' if excerpt and link.excerpt else ""
    when = (f'<time class="card__time" datetime="{stamp}">{esc(link.date)}</time>'
            if link.date else "")
    return (f'<article class="card"><a class="card__link" href="{attr(link.url)}">{rng_img}'
            f'<h3 class="card__title">{esc(link.title)}</h3></a>{text}{when}</article>')


def _story_body(page: Page) -> str:
    rng = page.rng
    blocks = [f'<p class="story__para">{esc(p)}</p>' for p in page.paragraphs]
    extras = []
    for link in page.links("read_also", rng.randint(0, 1)):
        label = page.pick("read_also", furniture.READ_ALSO)
        extras.append(f'<aside class="story__teaser"><span class="story__teaser-label">'
                      f'{esc(label)}</span><a href="{attr(link.url)}">{esc(link.title)}</a>'
                      "</aside>")
    label = page.pick("ad", furniture.AD_LABELS)
    extras.append(f'<div class="ad ad--inline" data-label="{attr(label)}"><span class="ad__label">'
                  f"{esc(label)}</span></div>")
    if rng.random() < 0.3:
        quote = page.paragraphs[0].split(". ")[0].rstrip(".")
        extras.append(f'<blockquote class="story__pullquote"><p>{esc(quote)}</p></blockquote>')
    blocks = weave(blocks, extras, rng)
    if page.dateline:
        blocks.insert(0, f'<p class="story__dateline">{esc(page.dateline.text)}</p>'
                         if page.dateline.position == "line"
                         else f"<p><b>{esc(page.dateline.text)}</b></p>")
    return ('<div class="story__body" itemprop="articleBody">' + "\n".join(blocks) + "</div>")


def render(page: Page) -> str:
    rng, a = page.rng, page.article
    website = {"@context": "https://schema.org", "@type": "WebSite", "name": page.label,
               "url": page.site.base_url + "/"}
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl" class="no-js">\n<head>\n'
            '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width">\n'
            f"<title>{esc(a.title)} — {esc(page.label)}</title>\n"
            + meta.open_graph(page)
            + '<meta name="twitter:card" content="summary_large_image">\n'
            + meta.article_times(page)
            + (meta.meta_authors(page) if page.byline.in_metadata else "")
            + meta.ld_script([website, meta.news_article(page)])
            + '<link rel="stylesheet" href="/assets/main.4f2a.css">\n</head>\n')
    menu = "".join(f'<li class="nav__item"><a class="nav__link" href="/s/{i}">{esc(m)}</a></li>'
                   for i, m in enumerate(page.menu()))
    live_label = page.pick("ticker", ("مباشر", "عاجل", "الآن"))
    live = page.links("ticker", 1)[0]
    rail_fmt = rng.choice(("long_day", "weekday_time"))
    rail = "".join(_card(link, "") for link in page.links("latest", rng.randint(3, 5), rail_fmt))
    rail_heading = page.pick("latest", furniture.LATEST_HEADINGS)
    kicker = esc(page.section)
    byline = ""
    if page.byline.visible and page.byline.position == "before":
        names = " و".join(f'<a rel="author" href="/author/{i}">{esc(n)}</a>'
                          for i, n in enumerate(page.byline.names))
        byline = (f'<address class="story__byline" itemprop="author">{esc(page.byline.prefix)}'
                  f"{names}</address>")
    date = ""
    if page.date.visible:
        date = f'<p class="story__date">{esc(page.date.visible)}</p>'
    figure = ""
    if page.image:
        cap = (f'<figcaption class="story__caption">{esc(page.image.caption)}</figcaption>'
               if page.image.caption else "")
        figure = (f'<figure class="story__figure">{lazy_img(page.image.url, "", rng)}{cap}'
                  "</figure>")
    signature = ""
    if page.byline.visible and page.byline.position == "after":
        signature = (f'<footer class="story__footer"><p class="story__signature">'
                     f"{esc(page.byline.text())}</p></footer>")
    topics = "".join(f'<li><a href="/topic/{i}">{esc(t)}</a></li>'
                     for i, t in enumerate(page.tags()))
    topics_heading = page.pick("tags", furniture.TAG_HEADINGS)
    share = "".join(f'<button class="share__btn" type="button">{esc(s)}</button>'
                    for s in page.share())
    more_heading = page.pick("related", furniture.RELATED_HEADINGS)
    more = "".join(_card(link, lazy_img(link.thumb or "", "", rng), excerpt=True)
                   for link in page.links("related", rng.choice((3, 4, 6)),
                                          rng.choice(("long_day", "weekday_day")),
                                          excerpts=True, thumbs=True))
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(_card(link, "") for link in page.links("most_read", rng.randint(3, 5),
                                                          "long_day"))
    comments = page.reader_comments(rng.randint(1, 3), rng.choice(("weekday_time",
                                                                   "numeric_time")))
    summary = page.record("comments", [f"التعليقات ({len(comments)})"])[0]
    comment_items = "".join(f'<li class="comment"><b class="comment__name">{esc(n)}</b> '
                            f'<span class="comment__date">{esc(d)}</span><p>{esc(t)}</p></li>'
                            for n, d, t in comments)
    form = "".join(f"<label>{esc(x)}<input></label>" for x in page.comment_form())
    news = page.newsletter()
    footer = "".join(f"<p>{esc(x)}</p>" for x in page.footer())
    return head + "\n".join([
        '<body class="page page--story">',
        '<header class="site-header site-header--sticky"><a class="site-header__logo" href="/">'
        f'{esc(page.label)}</a><nav class="nav"><ul class="nav__list">{menu}</ul></nav>'
        f'<div class="live-strip"><span class="live-strip__label">{esc(live_label)}</span>'
        f'<a href="{attr(live.url)}">{esc(live.title)}</a></div></header>',
        f'<section class="rail rail--latest"><h2 class="rail__title">{esc(rail_heading)}</h2>'
        f'<div class="rail__cards">{rail}</div></section>',
        '<main class="main">',
        '<div class="story" itemscope itemtype="https://schema.org/NewsArticle">',
        f'<p class="story__kicker">{kicker}</p>',
        f'<h1 class="story__headline" itemprop="headline">{esc(page.headline)}</h1>',
        byline, date, figure, _story_body(page), signature,
        "</div>",
        f'<section class="topics"><h2>{esc(topics_heading)}</h2><ul>{topics}</ul></section>',
        f'<div class="share">{share}</div>',
        f'<section class="more"><h2 class="more__title">{esc(more_heading)}</h2>'
        f'<div class="grid">{more}</div></section>',
        f'<section class="most-read"><h2>{esc(most_heading)}</h2>{most}</section>',
        f'<details class="comments"><summary>{esc(summary)}</summary><ol>{comment_items}</ol>'
        f'<form class="comment-form">{form}</form></details>',
        "</main>",
        f'<dialog class="newsletter" id="newsletter"><h2>{esc(news[0])}</h2><p>{esc(news[1])}'
        f"</p><form method=\"dialog\"><input type=\"email\"><button>{esc(news[2])}</button>"
        "</form></dialog>",
        f'<footer class="site-footer">{footer}</footer>',
        '<script type="module" src="/assets/main.9c1d.js"></script>',
        "</body>\n</html>\n",
    ])
