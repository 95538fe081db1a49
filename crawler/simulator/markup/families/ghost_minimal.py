"""A Ghost (5.x) blog with a Casper-like minimal theme, the Medium school of layout: little chrome,
the story in Koenig editor cards, the author presented under the body.

Head: ``generator`` Ghost; og and twitter tags; a JSON-LD ``Article`` on every page (dates only
on metadata-dated pages, written as Ghost writes them, in UTC with milliseconds:
``2024-11-14T06:46:00.000Z``, or in the site's offset); ``article:published_time`` the same.
Page: ``#gh-head`` with the site title, the menu and the portal actions (بحث، تسجيل الدخول،
اشترك); the article header holds the primary tag (the section) and a "featured" mark, the
``<h1 class="article-title">``, then the byline meta: the author list (avatar links and names,
two authors joined by "، " now and then) when the byline goes before, and always the date and a
reading time ("4 دقائق للقراءة"). The date is a ``<time datetime>`` holding the *date only* (the
theme's ``YYYY-MM-DD``) while the metadata has the full instant: the expected value is the
metadata's (precision second). Text-dated pages print the date alone in a ``<span>`` (day
precision); undated pages show only the reading time.
Body (``section.gh-content``): ``<p>``s with inline links now and then; the first sentence
often stands alone as a short first paragraph; a middle paragraph may be a ``<blockquote>``
(a quoted statement: body text); a bookmark card (``kg-bookmark-card``: another story's title,
a teaser of *whole sentences*, the publisher name) as read-also; a callout card inviting to
subscribe; an ``<hr>``; the dateline, when shown, as a bold first paragraph.
After the body: the author card when the byline goes after ("عن الكاتب", the name as a link and
a bio, "مقالات أخرى للكاتب"; for a metadata-only byline nothing), tags, share links, Ghost's
comments placeholder, "read more" post cards (image, tag, title, whole-sentence teaser,
``<time datetime>`` and reading time), the subscribe footer and "يعمل بواسطة Ghost".
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from crawler.simulator.markup import body, furniture, meta
from crawler.simulator.markup.dates import site_zone
from crawler.simulator.markup.kit import attr, esc, inline, script_json, weave
from crawler.simulator.markup.page import Link, Page, Traits
from crawler.simulator.text import slugify

NAME = "ghost_minimal"
TRAITS = Traits(
    date_formats=("long_day", "long_day", "wp_day"),
    date_where=(0.5, 0.25, 0.25), meta_styles=("utc_z", "utc_z", "site"),
    visible_with_meta=1.0,
    byline_forms=("bare", "bare", "titled", "meta_only"),
    byline_positions=("before", "after", "after"),
    two_authors=0.15,
    dateline_positions=("omitted", "omitted", "body_lead"),
    display_title=0.4, image=0.8, caption=0.7,
)


def _ghost_stamp(value: str) -> str:
    """Ghost writes its UTC instants with milliseconds (``...T06:46:00.000Z``)."""
    return value[:-1] + ".000Z" if value.endswith("Z") else value


def _authors_html(page: Page) -> str:
    links = "، ".join(f'<a href="/author/{i + 1}/">{esc(n)}</a>'
                      for i, n in enumerate(page.byline.names))
    avatars = "".join(f'<li class="author-list-item"><a href="/author/{i + 1}/" '
                      f'class="author-avatar"><img class="author-profile-image" '
                      f'src="/content/images/size/w100/author-{i + 1}.jpg" alt="{attr(n)}"></a>'
                      "</li>" for i, n in enumerate(page.byline.names))
    return (f'<ul class="author-list">{avatars}</ul><div class="article-byline-meta">'
            f'<h4 class="author-name">{esc(page.byline.prefix)}{links}</h4>')


def _date_html(page: Page, reading: str) -> str:
    parts = []
    if page.date.where == "metadata" and page.date.machine is not None:
        value = page.date.machine.value
        # the theme prints the date of the instant in the site's zone, as a bare YYYY-MM-DD
        local = datetime.fromisoformat(value.replace("Z", "+00:00"))
        if len(value) > 10:
            local = local.astimezone(site_zone(page.article.site))
        parts.append(f'<time class="byline-meta-date" datetime="{local:%Y-%m-%d}">'
                     f"{esc(page.date.visible or '')}</time>")
    elif page.date.visible:
        parts.append(f'<span class="byline-meta-date">{esc(page.date.visible)}</span>')
    bullet = '<span class="bull">•</span> ' if parts else ""
    parts.append(f'<span class="byline-reading-time">{bullet}{esc(reading)}</span>')
    return f'<div class="byline-meta-content">{"".join(parts)}</div>'


def _content(page: Page) -> str:
    rng = page.rng
    parts = body.shape(page, lead=0.5, tail=0.2, quote=0.35)
    blocks = []
    for part in parts:
        if part.kind == "quote":
            klass = ' class="kg-blockquote-alt"' if rng.random() < 0.3 else ""
            blocks.append(f"<blockquote{klass}>{esc(part.texts[0])}</blockquote>")
        else:
            blocks.append(f"<p>{inline(part.texts[0], rng, 0.3, '/tag/')}</p>")
    extras = []
    if rng.random() < 0.7:
        link = page.links("read_also", 1)[0]
        text = page.record("read_also", [furniture.teaser(rng)])[0]
        extras.append(
            f'<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" '
            f'href="{attr(link.url)}"><div class="kg-bookmark-content"><div class="kg-bookmark-'
            f'title">{esc(link.title)}</div><div class="kg-bookmark-description">{esc(text)}'
            '</div><div class="kg-bookmark-metadata"><img class="kg-bookmark-icon" '
            'src="/favicon.png" alt=""><span class="kg-bookmark-author">'
            f'{esc(page.label)}</span></div></div><div class="kg-bookmark-thumbnail"><img '
            f'src="{attr(page.site.url("/content/images/thumb.jpg"))}" alt=""></div></a>'
            "</figure>")
    if rng.random() < 0.35:
        news = page.newsletter()
        extras.append(f'<div class="kg-card kg-callout-card kg-callout-card-grey"><div '
                      f'class="kg-callout-emoji">✉️</div><div class="kg-callout-text">'
                      f"{esc(news[1])} <a href=\"#/portal/signup\">{esc(news[2])}</a></div></div>")
    if rng.random() < 0.3:
        extras.append("<hr>")
    blocks = weave(blocks, extras, rng)
    if page.dateline:
        blocks.insert(0, f"<p><strong>{esc(page.dateline.text)}</strong></p>")
    return '<section class="gh-content gh-canvas">\n' + "\n".join(blocks) + "\n</section>"


def _post_card(page: Page, link: Link, tag: str) -> str:
    stamp = f"{link.moment:%Y-%m-%d}" if link.moment else ""
    minutes = page.record("related", [furniture.reading_time(page.rng.randint(250, 1400))])[0]
    return (f'<article class="post-card post"><a class="post-card-image-link" href="'
            f'{attr(link.url)}"><img class="post-card-image" src="{attr(link.thumb or "")}" '
            f'alt="" loading="lazy"></a><div class="post-card-content"><a class="post-card-'
            f'content-link" href="{attr(link.url)}"><header class="post-card-header"><div '
            f'class="post-card-tags"><span class="post-card-primary-tag">{esc(tag)}</span></div>'
            f'<h2 class="post-card-title">{esc(link.title)}</h2></header><div class="post-card-'
            f'excerpt">{esc(link.excerpt or "")}</div></a><footer class="post-card-meta"><time '
            f'class="post-card-meta-date" datetime="{stamp}">{esc(link.date or "")}</time>'
            f'<span class="post-card-meta-length">{esc(minutes)}</span></footer></div></article>')


def render(page: Page) -> str:
    rng, a = page.rng, page.article
    content = _content(page)  # shapes the body first: the reading time counts its words
    words = sum(len(p.split()) for p in page.paragraphs)
    reading = page.record("reading_time", [furniture.reading_time(words)])[0]
    data = meta.news_article(page, kind="Article", url=a.url,
                             description=meta.description(page))
    if "datePublished" in data:
        data["datePublished"] = _ghost_stamp(data["datePublished"])
        data["dateModified"] = _ghost_stamp(data["dateModified"])
    times = meta.article_times(page)
    if page.date.machine is not None:
        times = times.replace(page.date.machine.value, _ghost_stamp(page.date.machine.value))
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(a.title)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            '<meta name="referrer" content="no-referrer-when-downgrade">\n'
            + meta.open_graph(page) + times
            + '<meta name="twitter:card" content="summary_large_image">\n'
            + meta.ld_script(data, indent=4)
            + '<meta name="generator" content="Ghost 5.82">\n'
            '<link rel="stylesheet" type="text/css" href="/assets/built/screen.css?v=8c1b3d">\n'
            "</head>\n")
    menu = "".join(f'<li class="nav-{i}"><a href="/tag/{i}/">{esc(m)}</a></li>'
                   for i, m in enumerate(page.menu(4, 7)))
    actions = page.record("menu", list(furniture.GHOST_ACTIONS))
    tag = page.record("breadcrumbs", [page.section])[0]
    featured = ""
    if rng.random() < 0.3:
        mark = page.pick("label", furniture.GHOST_FEATURED)
        featured = f'<span class="post-card-featured">{esc(mark)}</span>'

    byline_before = page.byline.visible and page.byline.position == "before"
    byline = ('<div class="article-byline"><section class="article-byline-content">'
              + (_authors_html(page) if byline_before else '<div class="article-byline-meta">')
              + _date_html(page, reading) + "</div></section></div>")
    image = ""
    if page.image:
        cap = (f"<figcaption>{esc(page.image.caption)}</figcaption>"
               if page.image.caption else "")
        image = (f'<figure class="article-image"><img srcset="{attr(page.image.url)} 600w, '
                 f'{attr(page.image.url)} 1200w" sizes="(min-width: 1400px) 1400px, 92vw" '
                 f'src="{attr(page.image.url)}" alt="{attr(a.title)}">{cap}</figure>')
    after = ""
    if page.byline.visible and page.byline.position == "after":
        heading = page.pick("author_bio", furniture.AUTHOR_CARD_HEADINGS)
        more = page.pick("author_bio", furniture.WRITER_MORE)
        cards = "".join(
            f'<div class="author-card"><img class="author-profile-image" src="/content/images/'
            f'size/w150/author-{i + 1}.jpg" alt="{attr(n)}"><div class="author-card-content">'
            f'<h4 class="author-card-name"><a href="/author/{i + 1}/">{esc(n)}</a></h4><p '
            f'class="author-card-bio">{esc(page.author_bio(n))}</p></div></div>'
            for i, n in enumerate(page.byline.names))
        prefix = (f'<span class="author-card-prefix">{esc(page.byline.label)}</span> '
                  if page.byline.label else "")
        after = (f'<section class="article-author gh-canvas"><h3 class="author-card-heading">'
                 f"{esc(heading)}</h3>{prefix}{cards}<a class=\"author-card-more\" "
                 f'href="/author/1/">{esc(more)}</a></section>')
    tags = "".join(f'<a class="post-tag" href="/tag/{attr(slugify(t))}/">{esc(t)}</a>'
                   for t in page.tags())
    share = "".join(f'<a class="share-link" href="#">{esc(s)}</a>' for s in page.share())
    c_heading, c_join, c_note = page.record("comments", list(
        page.stable("comments").choice(furniture.GHOST_COMMENTS)))
    more_heading = page.pick("related", ("اقرأ المزيد", "قد يعجبك أيضا", "مقالات أخرى"))
    links = page.links("related", 3, rng.choice(("long_day", "wp_day")), thumbs=True)
    links = [replace(link, excerpt=page.record("related", [furniture.teaser(rng)])[0])
             for link in links]  # whole-sentence teasers
    cards = "".join(_post_card(page, link, page.record("related", [rng.choice(
        furniture.MENU_SECTIONS)])[0]) for link in links)
    news = page.newsletter()
    footer = page.footer()
    powered = page.pick("footer", furniture.GHOST_POWERED)
    settings = {"site": page.label, "locale": "ar", "portal": True,
                "members_signup_access": "all", "recent_posts": [
                    {"title": item["title"], "url": item["url"], "excerpt": item["body"]}
                    for item in page.script_articles(rng.randint(1, 3))]}
    return head + "\n".join([
        f'<body class="post-template tag-{rng.randint(1, 40)} is-head-left-logo has-cover">',
        '<div class="viewport">',
        '<header id="gh-head" class="gh-head outer"><div class="gh-head-inner inner">',
        f'<div class="gh-head-brand"><a class="gh-head-logo" href="/">{esc(page.label)}</a></div>',
        f'<nav class="gh-head-menu"><ul class="nav">{menu}</ul></nav>',
        f'<div class="gh-head-actions"><button class="gh-search" aria-label="search">'
        f'{esc(actions[0])}</button><a class="gh-head-link" href="#/portal/signin">'
        f'{esc(actions[1])}</a><a class="gh-head-button" href="#/portal/signup">'
        f"{esc(actions[2])}</a></div>",
        "</div></header>",
        '<div class="site-content"><main id="site-main" class="site-main">',
        f'<article class="article post tag-{attr(slugify(tag))} featured">',
        '<header class="article-header gh-canvas">',
        f'<section class="article-tag post-card-tags"><span class="post-card-primary-tag">'
        f'<a href="/tag/{attr(slugify(tag))}/">{esc(tag)}</a></span>{featured}</section>',
        f'<h1 class="article-title">{esc(page.headline)}</h1>',
        byline, image,
        "</header>",
        content,
        after,
        f'<section class="article-tags gh-canvas">{tags}</section>',
        f'<section class="article-share gh-canvas">{share}</section>',
        f'<section class="article-comments gh-canvas"><h3>{esc(c_heading)}</h3><div '
        f'class="gh-comments-cta"><p>{esc(c_note)}</p><a href="#/portal/signup">{esc(c_join)}'
        "</a></div></section>",
        "</article>",
        "</main></div>",
        f'<aside class="read-more-wrap outer"><div class="read-more inner"><h2 class="read-'
        f'more-title">{esc(more_heading)}</h2><div class="post-feed">{cards}</div></div></aside>',
        f'<section class="footer-cta outer"><div class="inner"><h2 class="footer-cta-title">'
        f'{esc(news[0])}</h2><p>{esc(news[1])}</p><a class="footer-cta-button" '
        f'href="#/portal/signup">{esc(news[2])}</a></div></section>',
        f'<footer class="site-footer outer"><div class="inner"><section class="copyright">'
        f'{esc(footer[0])}</section><p>{esc(footer[1])}</p><div class="gh-powered-by">'
        f"{esc(powered)}</div></div></footer>",
        "</div>",
        f"<script>window.ghostSettings = {script_json(settings)};</script>",
        '<script src="https://cdn.jsdelivr.net/ghost/portal@~2.37/umd/portal.min.js" '
        'data-ghost="/" data-key="8f2e" crossorigin="anonymous" defer></script>',
        "</body>\n</html>\n",
    ])
