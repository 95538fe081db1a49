"""WordPress with a Newspaper-style (tagDiv) theme: td-* classes, page-builder wrappers.

Head: Open Graph, article times and a plain NewsArticle JSON-LD on metadata-dated pages.
Header: td-header with a top-bar date, menu, a "trending now" ticker.
Article: ``td-post-header`` with category list, ``<h1 class="entry-title">``, author block
("td-author-by" holds the prefix: بقلم / كتب) and ``<time class="entry-date" datetime>`` when
the date is machine-readable (a plain span when it is only text); featured image figure;
``td-post-content`` paragraphs with td-a-rec ad slots (- إعلان -) and an inline related block.
Dateline: a leading bold ``<p>`` (red span) in the content, or not shown.
After the body: source/via + tags (الوسوم), share buttons, previous/next article links, an
author box with a bio when the byline goes after the body, related posts whose items carry
``<time datetime>`` of their own, the comment form. Sidebar: most popular with dates.
An inline script holds the related block's articles with their text (tdLocalCache).
"""

from __future__ import annotations

from crawler.simulator.markup import furniture, meta
from crawler.simulator.markup.kit import (
    attr,
    esc,
    html_comment,
    inline,
    lazy_img,
    script_json,
    tracking_scripts,
    weave,
)
from crawler.simulator.markup.page import Page, Traits

NAME = "wp_newspaper"
TRAITS = Traits(
    date_formats=("wp_day", "long_day", "weekday_time", "numeric_day"),
    date_where=(0.5, 0.3, 0.2), visible_with_meta=0.85,
    byline_forms=("biqalam", "kataba", "bare", "meta_only"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("body_lead", "omitted"),
    two_authors=0.05,
)


def _head(page: Page) -> str:
    a = page.article
    ld = meta.ld_script(meta.news_article(page)) if page.rng.random() < 0.85 else ""
    if page.byline.in_metadata and not ld:
        ld = meta.ld_script(meta.news_article(page))
    return ('<!doctype html >\n<!--[if IE 8]><html class="ie8" lang="ar"><![endif]-->\n'
            '<html dir="rtl" lang="ar">\n<head>\n'
            f"<title>{esc(a.title)} | {esc(page.label)}</title>\n"
            '<meta charset="UTF-8" />\n<meta name="viewport" content="width=device-width, '
            'initial-scale=1.0">\n<link rel="pingback" href="/xmlrpc.php" />\n'
            + meta.open_graph(page) + meta.article_times(page)
            + (meta.meta_authors(page) if page.rng.random() < 0.5 else "") + ld
            + "<script>var tdBlocksArray = []; var tdcAdminSettings = null;</script>\n"
            + tracking_scripts(page.rng) + "</head>\n")


def _author(page: Page) -> str:
    if not page.byline.visible or page.byline.position != "before":
        return ""
    by = (f'<div class="td-author-by">{esc(page.byline.label)}</div> '
          if page.byline.label else "")
    names = " و ".join(f'<a href="/author/{i}/">{esc(n)}</a>'
                       for i, n in enumerate(page.byline.names))
    return (f'<div class="td-post-author-name">{by}{names}'
            '<div class="td-author-line"> - </div> </div>')


def _date(page: Page) -> str:
    shown = page.date.visible
    if not shown:
        return ""
    if page.date.where == "metadata" and page.date.machine:
        return ('<span class="td-post-date"><time class="entry-date updated td-module-date" '
                f'datetime="{page.date.machine.value}" >{esc(shown)}</time></span>')
    return f'<span class="td-post-date">{esc(shown)}</span>'


def _content(page: Page) -> str:
    rng = page.rng
    body = [f"<p>{inline(p, rng, 0.25)}</p>" for p in page.paragraphs]
    extras = []
    for _ in range(rng.randint(1, 2)):
        label = page.pick("ad", furniture.AD_LABELS)
        extras.append('<div class="td-a-rec td-a-rec-id-content_inline tdi_3 '
                      f'td_block_template_1"><span class="td-adspot-title">{esc(label)}'
                      '</span><div class="td-all-devices"><a href="#"><img '
                      'src="/wp-content/uploads/ad-300x250.jpg" alt=""></a></div></div>')
    if rng.random() < 0.6:
        heading = page.pick("read_also", furniture.READ_ALSO)
        links = page.links("read_also", rng.randint(1, 3))
        items = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                        for link in links)
        extras.append('<div class="td_block_wrap td_block_related_inline"><h4 '
                      f'class="td-block-title"><span>{esc(heading)}</span></h4><ul>{items}'
                      "</ul></div>")
    body = weave(body, extras, rng)
    if page.dateline:
        body.insert(0, '<p><strong><span style="color: #ff0000;">'
                       f"{esc(page.dateline.text)}</span></strong></p>")
    return ('<div class="td-post-content tagdiv-type">\n'
            + "\n".join(body) + "\n</div>")


def _after_author(page: Page) -> str:
    if not page.byline.visible or page.byline.position != "after":
        return ""
    bio = page.author_bio(page.byline.names[0])
    by = f"{esc(page.byline.label)} " if page.byline.label else ""
    return ('<div class="td-author-name vcard author" style="display: block;">'
            '<div class="author-box-wrap"><a href="/author/1/"><img alt="" src="/avatar.png" '
            f'class="avatar" height="96" width="96"></a><div class="desc"><div '
            f'class="td-author-name vcard author"><span class="fn">{by}<a href="/author/1/">'
            f'{esc(page.byline.joined())}</a></span></div><div class="td-author-description">'
            f"{esc(bio)}</div></div></div></div>")


def _related(page: Page) -> str:
    rng = page.rng
    heading = page.pick("related", furniture.RELATED_HEADINGS)
    more = page.pick("related", ("المزيد من المؤلف", "المزيد في القسم"))
    items = []
    for link in page.links("related", rng.choice((3, 6)), "wp_day", thumbs=True):
        stamp = link.moment.isoformat(timespec="seconds") if link.moment else ""
        items.append(
            '<div class="td-related-span4"><div class="td_module_related_posts td-animation-stack '
            'td_mod_related_posts"><div class="td-module-image"><div class="td-module-thumb">'
            f'<a href="{attr(link.url)}" rel="bookmark" class="td-image-wrap" '
            f'title="{attr(link.title)}">{lazy_img(link.thumb or "", link.title, rng)}</a></div>'
            '</div><div class="item-details"><h3 class="entry-title td-module-title">'
            f'<a href="{attr(link.url)}" rel="bookmark">{esc(link.title)}</a></h3>'
            '<span class="td-post-date"><time class="entry-date updated td-module-date" '
            f'datetime="{stamp}" >{esc(link.date or "")}</time></span></div></div></div>')
    return ('<div class="td_block_wrap td_block_related_posts tdi_5_b14 td_with_ajax_pagination '
            'td-pb-border-top td_block_template_1"><h4 class="td-related-title td-block-title">'
            f'<a id="tdi_6" class="td-related-left td-cur-simple-item" href="#">{esc(heading)}</a>'
            f'<a id="tdi_7" class="td-related-right" href="#">{esc(more)}</a></h4>'
            f'<div class="td_block_inner"><div class="td-related-row">{"".join(items)}</div>'
            "</div></div>")


def _sidebar(page: Page) -> str:
    rng = page.rng
    heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    items = "".join(
        '<div class="td_module_6 td_module_wrap td-animation-stack"><div class="item-details">'
        f'<h3 class="entry-title td-module-title"><a href="{attr(link.url)}">'
        f"{esc(link.title)}</a></h3><div class=\"td-module-meta-info\">"
        f'<span class="td-post-date">{esc(link.date or "")}</span></div></div></div>'
        for link in page.links("most_read", rng.randint(4, 6), rng.choice(("wp_day",
                                                                          "long_day"))))
    return ('<div class="td-pb-span4 td-main-sidebar" role="complementary">'
            '<div class="td-ss-main-sidebar"><div class="td_block_wrap td_block_7">'
            f'<h4 class="block-title"><span class="td-pulldown-size">{esc(heading)}</span></h4>'
            f'<div class="td_block_inner">{items}</div></div></div></div>')


def render(page: Page) -> str:
    rng = page.rng
    head = _head(page)
    today = page.today_line(rng.choice(("weekday_day", "long_day")))
    menu = "".join(f'<li class="menu-item"><a href="/category/{i}/">{esc(m)}</a></li>'
                   for i, m in enumerate(page.menu()))
    trending_label = page.pick("ticker", ("الأكثر رواجا", "رائج الآن", "عاجل"))
    trending = "".join(f'<div class="td-trending-now-post"><a class="td-trending-now-title" '
                       f'href="{attr(link.url)}">{esc(link.title)}</a></div>'
                       for link in page.links("ticker", rng.randint(3, 5)))
    crumbs = page.breadcrumbs()
    crumb_html = ' <i class="td-icon-right td-bread-sep"></i> '.join(
        f'<span><a title="" class="entry-crumb" href="/">{esc(c)}</a></span>' for c in crumbs)
    figure = ""
    if page.image:
        cap = (f'<figcaption class="wp-caption-text">{esc(page.image.caption)}</figcaption>'
               if page.image.caption else "")
        figure = ('<div class="td-post-featured-image"><figure><a href="'
                  f'{attr(page.image.url)}" data-caption="" class="td-modal-image">'
                  + lazy_img(page.image.url, "", rng, "entry-thumb td-modal-image")
                  + f"</a>{cap}</figure></div>")
    views = page.record("views", [str(rng.randint(40, 5000))])[0]
    via_label = page.pick("tags", ("المصدر", "عبر"))
    tags_label = page.pick("tags", furniture.TAG_HEADINGS)
    tags = "".join(f'<li><a href="/tag/{i}/">{esc(t)}</a></li>' for i, t in enumerate(page.tags()))
    share = "".join(f'<a class="td-social-sharing-button td-social-sharing-button-js" '
                    f'href="#"><div class="td-social-but-text">{esc(s)}</div></a>'
                    for s in page.share())
    prev_label, next_label = page.record("related", ["المقالة السابقة", "المقالة التالية"])
    prev_link, next_link = page.links("related", 2)
    heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    labels = page.comment_form()
    form = "".join(f'<div class="comment-form-input-wrap td-form-comment"><label>{esc(x)}'
                   '</label><input class="" type="text" value=""></div>' for x in labels)
    cache = page.script_articles(rng.randint(2, 4))
    footer = page.footer()
    return head + "\n".join([
        '<body class="rtl post-template-default single single-post td-standard-pack '
        'global-block-template-1 td-full-layout" itemscope="itemscope" '
        'itemtype="https://schema.org/WebPage">',
        '<div class="td-scroll-up"><i class="td-icon-menu-up"></i></div>',
        '<div id="td-outer-wrap" class="td-theme-wrap">',
        '<div class="td-header-wrap td-header-style-1 "><div class="td-header-top-menu-full '
        'td-container-wrap "><div class="td-container td-header-row td-header-top-menu">'
        f'<div class="top-bar-style-1"><div class="td-header-sp-top-menu"><div '
        f'class="td_data_time"><div>{esc(today)}</div></div></div></div></div></div>',
        '<div class="td-header-menu-wrap-full td-container-wrap "><div class="td-header-menu-wrap '
        'td-header-gradient "><div class="td-container td-header-row td-header-main-menu">'
        f'<div id="td-header-menu" role="navigation"><div class="menu-main-container"><ul '
        f'id="menu-main-1" class="sf-menu">{menu}</ul></div></div></div></div></div></div>',
        '<div class="td-container"><div class="td-trending-now-wrapper" id="tdi_2">'
        f'<div class="td-trending-now-title">{esc(trending_label)}</div>'
        f'<div class="td-trending-now-display-area">{trending}</div></div></div>',
        html_comment(rng),
        '<div class="td-main-content-wrap td-container-wrap"><div class="td-container '
        'td-post-template-default "><div class="td-crumb-container"><div '
        f'class="entry-crumbs">{crumb_html}</div></div>',
        '<div class="td-pb-row"><div class="td-pb-span8 td-main-content" role="main">'
        '<div class="td-ss-main-content">',
        f'<article id="post-{rng.randint(1000, 99999)}" class="post type-post status-publish '
        'format-standard has-post-thumbnail">',
        '<div class="td-post-header"><ul class="td-category"><li class="entry-category">'
        f'<a href="/category/1/">{esc(page.section)}</a></li></ul>',
        f'<header class="td-post-title"><h1 class="entry-title">{esc(page.headline)}</h1>',
        '<div class="td-module-meta-info">' + _author(page) + _date(page)
        + f'<div class="td-post-views"><i class="td-icon-views"></i><span '
          f'class="td-nr-views-{rng.randint(1, 9999)}">{esc(views)}</span></div>'
        + "</div></header></div>",
        '<div class="td-post-sharing-top">' + share + "</div>",
        figure,
        _content(page),
        "<footer>",
        '<div class="td-post-source-tags"><div class="td-post-source-via "><div '
        f'class="td-post-small-box"><span>{esc(via_label)}</span><a rel="nofollow" href="/">'
        f"{esc(page.label)}</a></div></div>"
        f'<ul class="td-tags td-post-small-box clearfix"><li><span>{esc(tags_label)}</span>'
        f"</li>{tags}</ul></div>",
        '<div class="td-block-row td-post-next-prev"><div class="td-block-span6 '
        f'td-post-prev-post"><div class="td-post-next-prev-content"><span>{esc(prev_label)}'
        f'</span><a href="{attr(prev_link.url)}">{esc(prev_link.title)}</a></div></div>'
        '<div class="td-next-prev-separator"></div><div class="td-block-span6 '
        f'td-post-next-post"><div class="td-post-next-prev-content"><span>{esc(next_label)}'
        f'</span><a href="{attr(next_link.url)}">{esc(next_link.title)}</a></div></div></div>',
        _after_author(page),
        "</footer></article>",
        _related(page),
        f'<div class="comments" id="comments"><div id="respond" class="comment-respond">'
        f'<h3 id="reply-title" class="comment-reply-title">{esc(heading)}</h3>'
        f'<form action="/wp-comments-post.php" method="post" id="commentform" '
        f'class="comment-form" novalidate>{form}</form></div></div>',
        "</div></div>",
        _sidebar(page),
        "</div></div></div>",
        '<div class="td-footer-wrapper td-container-wrap "><div class="td-sub-footer-container">'
        '<div class="td-container"><div class="td-pb-row"><div class="td-pb-span-td-sub-footer-'
        f'copy"><div class="td-sub-footer-copy">{esc(footer[0])}</div>'
        f'<div class="td-sub-footer-note">{esc(footer[1])}</div></div></div></div></div></div>',
        "</div>",
        f"<script>var tdLocalCache = {{}}; tdLocalCache.data = {script_json(cache)};</script>",
        "</body>\n</html>\n",
    ])
