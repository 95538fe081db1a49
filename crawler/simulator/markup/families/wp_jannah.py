"""WordPress with a Jannah-style magazine theme (tie-* classes, Yoast SEO).

Head: Yoast ``@graph`` JSON-LD (WebPage, Article, Person, BreadcrumbList, WebSite), Open Graph,
``article:published_time`` on metadata-dated pages, twitter:label/data author pair.
Header: top bar with the day's date, breaking-news strip (عاجل), main menu.
Article: breadcrumb, category pill, ``<h1 class="post-title">``, post-meta (author link, visible
date, views and reading time), featured image with figcaption, ``entry-content`` of ``<p>``
with in-post ad slots (إعلان) and inline "اقرأ أيضا" lines (with or without the prefix).
Dateline: a leading ``<p><strong>`` line of the entry content, or not shown.
Byline: the author link in post-meta before the body, or an about-author box (with a bio)
after it; sometimes only in metadata. Dates: metadata, or visible in post-meta only.
After the body: tags box (الوسوم), share buttons, related posts with dates, a check-also box.
Sidebar after the content: most-read widget with dates; footer widgets, copyright.
"""

from __future__ import annotations

from crawler.simulator.markup import furniture, meta
from crawler.simulator.markup.kit import attr, esc, inline, lazy_img, script_json, weave
from crawler.simulator.markup.page import Page, Traits

NAME = "wp_jannah"
TRAITS = Traits(
    date_formats=("wp_day", "weekday_day", "numeric_day", "weekday_time", "long_day"),
    byline_forms=("bare", "bare", "biqalam_colon", "meta_only"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("body_lead", "body_lead", "omitted"),
    two_authors=0.05, eastern_digits=0.1,
)


def _head(page: Page, crumbs: list[str]) -> str:
    a = page.article
    article = meta.news_article(page, "Article", articleSection=page.section,
                                inLanguage="ar")
    article.pop("@context")
    trail = meta.breadcrumb_list([(c, page.site.base_url + "/") for c in crumbs])
    trail.pop("@context")
    graph = [
        {"@type": "WebPage", "@id": a.url, "url": a.url, "name": f"{a.title} - {page.label}",
         "inLanguage": "ar"},
        article, trail,
        {"@type": "WebSite", "name": page.label, "url": page.site.base_url + "/"},
    ]
    twitter = ""
    if page.byline.form != "none" and page.byline.names:
        twitter = ('<meta name="twitter:label1" content="كُتب بواسطة">\n'
                   f'<meta name="twitter:data1" content="{attr(page.byline.joined())}">\n')
    return (
        '<!DOCTYPE html>\n<html dir="rtl" lang="ar" prefix="og: https://ogp.me/ns#">\n<head>\n'
        '<meta charset="UTF-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f"<title>{esc(a.title)} - {esc(page.label)}</title>\n"
        '<meta name="robots" content="index, follow, max-image-preview:large">\n'
        f'<link rel="canonical" href="{attr(a.url)}">\n'
        + meta.open_graph(page) + meta.article_times(page) + twitter
        + '<script type="application/ld+json" class="yoast-schema-graph">'
        + script_json({"@context": "https://schema.org", "@graph": graph}) + "</script>\n"
        "<link rel='stylesheet' id='tie-css-base-css' href='/wp-content/themes/jannah/assets/"
        "css/base.min.css' type='text/css' media='all' />\n"
        "<style id='tie-css-styles-inline-css' type='text/css'>.brand-title,a:hover{color:#c41}"
        "</style>\n"
        "<script type='text/javascript'>var tie = {\"is_rtl\":\"1\",\"ajaxurl\":"
        "\"\\/wp-admin\\/admin-ajax.php\",\"is_taqyeem_active\":\"\",\"lazyload\":\"true\"};"
        "</script>\n</head>\n")


def _author(page: Page) -> str:
    links = " و ".join(f'<a href="/author/{i + 1}/" class="author-name tie-author-link" '
                       f'title="{attr(n)}">{esc(n)}</a>' for i, n in enumerate(page.byline.names))
    prefix = (f'<span class="meta-author-prefix">{esc(page.byline.label)}</span> '
              if page.byline.label else "")
    return ('<span class="author-meta single-author with-avatars"><span class="meta-item '
            'meta-author-wrapper"><span class="meta-author-avatar"><img alt="" '
            'src="/wp-content/uploads/avatar.png" class="avatar avatar-140 photo" '
            f'height="140" width="140"></span><span class="meta-author">{prefix}{links}</span>'
            "</span></span>")


def _about_author(page: Page) -> str:
    name = page.byline.names[0]
    bio = page.author_bio(name)
    prefix = esc(page.byline.prefix)
    return ('<div class="about-author container-wrapper about-author-1">'
            '<div class="author-avatar"><a href="/author/1/"><img alt="" '
            'src="/wp-content/uploads/avatar.png" class="avatar avatar-180 photo"></a></div>'
            f'<div class="author-info"><h3 class="author-name">{prefix}'
            f'<a href="/author/1/">{esc(page.byline.joined())}</a></h3>'
            f'<div class="author-bio">{esc(bio)}</div></div>'
            '<div class="clearfix"></div></div>')


def _post_meta(page: Page) -> str:
    rng = page.rng
    parts = []
    if page.byline.visible and page.byline.position == "before":
        parts.append(_author(page))
    if page.date.visible:
        parts.append(f'<span class="date meta-item tie-icon">{esc(page.date.visible)}</span>')
    views = page.record("views", [f"{rng.randint(120, 9800):,}"])[0]
    reading = page.pick("views", furniture.READING_TIME)
    parts.append('<div class="tie-alignright"><span class="meta-views meta-item ">'
                 f'<span class="tie-icon-fire" aria-hidden="true"></span> {esc(views)} </span>'
                 '<span class="meta-reading-time meta-item"><span class="tie-icon-bookmark" '
                 f'aria-hidden="true"></span> {esc(reading)}</span> </div>')
    return ('<div class="single-post-meta post-meta clearfix">' + "".join(parts) + "</div>")


def _entry(page: Page) -> str:
    rng = page.rng
    paragraphs = [f"<p>{inline(p, rng, 0.35)}</p>" for p in page.paragraphs]
    extras = []
    for _ in range(rng.randint(0, 2)):
        label = page.pick("ad", furniture.AD_LABELS)
        extras.append('<div class="stream-item stream-item-in-post stream-item-inline-post '
                      f'aligncenter"><span class="stream-title">{esc(label)}</span>'
                      '<div class="stream-item-size"><ins class="adsbygoogle" '
                      'style="display:block" data-ad-client="ca-pub-000000" '
                      'data-ad-slot="1234"></ins></div></div>')
    for link in page.links("read_also", rng.randint(0, 2)):
        if rng.random() < 0.7:
            prefix = page.pick("read_also", furniture.READ_ALSO)
            extras.append(f'<p><strong>{esc(prefix)} <a href="{attr(link.url)}">'
                          f"{esc(link.title)}</a></strong></p>")
        else:
            extras.append(f'<p><a href="{attr(link.url)}" target="_blank">'
                          f"<strong>{esc(link.title)}</strong></a></p>")
    body = weave(paragraphs, extras, rng)
    if rng.random() < 0.3:
        body.insert(rng.randrange(1, len(body) + 1), "<p>&nbsp;</p>")
    if page.dateline and page.dateline.position == "body_lead":
        body.insert(0, f"<p><strong>{esc(page.dateline.text)}</strong></p>")
    elif page.dateline:
        body.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    top_ad = page.pick("ad", furniture.AD_LABELS)
    return ('<div class="entry-content entry clearfix">\n'
            '<div class="stream-item stream-item-above-post-content"><span '
            f'class="stream-title">{esc(top_ad)}</span><div class="stream-item-size" '
            'style=""></div></div>\n' + "\n".join(body) + "\n</div><!-- .entry-content /-->")


def _related(page: Page) -> str:
    rng = page.rng
    heading = page.pick("related", furniture.RELATED_HEADINGS)
    fmt = rng.choice(("wp_day", "numeric_day", "long_day"))
    items = "".join(
        f'<div class="related-item tie-standard"><a aria-label="{attr(link.title)}" '
        f'href="{attr(link.url)}" class="post-thumb">{lazy_img(link.thumb or "", "", rng)}</a>'
        f'<h3 class="post-title"><a href="{attr(link.url)}">{esc(link.title)}</a></h3>'
        '<div class="post-meta clearfix"><span class="date meta-item tie-icon">'
        f"{esc(link.date or '')}</span></div></div>"
        for link in page.links("related", rng.randint(3, 6), fmt, thumbs=True))
    return ('<div id="related-posts" class="container-wrapper has-extra-post">'
            f'<div class="mag-box-title the-global-title"><h3>{esc(heading)}</h3></div>'
            f'<div class="related-posts-list">{items}</div></div>')


def _sidebar(page: Page) -> str:
    rng = page.rng
    heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    fmt = rng.choice(("wp_day", "weekday_day"))
    items = "".join(
        '<li class="widget-single-post-item widget-post-list tie-standard">'
        '<div class="post-widget-thumbnail"><a class="post-thumb" href="'
        f'{attr(link.url)}">{lazy_img(link.thumb or "", link.title, rng)}</a></div>'
        f'<div class="post-widget-body "><a class="post-title the-subtitle" '
        f'href="{attr(link.url)}">{esc(link.title)}</a><div class="post-meta">'
        f'<span class="date meta-item tie-icon">{esc(link.date or "")}</span></div></div></li>'
        for link in page.links("most_read", rng.randint(4, 6), fmt, thumbs=True))
    latest = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                     for link in page.links("latest", rng.randint(3, 5)))
    return ('<aside class="sidebar tie-col-md-4 tie-col-xs-12 normal-side is-sticky" '
            'aria-label="القائمة الجانبية الرئيسية"><div class="theiaStickySidebar">'
            '<div id="posts-list-widget-2" class="container-wrapper widget posts-list">'
            f'<div class="widget-title the-global-title"><div class="the-subtitle">'
            f'{esc(heading)}</div></div><div class="widget-posts-list-wrapper">'
            f'<ul class="posts-list-items">{items}</ul></div></div>'
            f'<div class="container-wrapper widget widget_recent_entries"><ul>{latest}</ul>'
            "</div></div></aside>")


def _comments(page: Page) -> str:
    heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    labels = page.comment_form()
    fields = "".join(f'<p class="comment-form-field"><label>{esc(label)}</label>'
                     '<input type="text" size="30"></p>' for label in labels)
    return ('<div id="comments" class="comments-area"><div id="respond" class="comment-respond">'
            f'<h3 id="reply-title" class="comment-reply-title the-global-title">{esc(heading)}'
            ' <small><a rel="nofollow" id="cancel-comment-reply-link" href="#respond" '
            'style="display:none;">إلغاء الرد</a></small></h3>'
            '<form action="/wp-comments-post.php" method="post" id="commentform" '
            f'class="comment-form">{fields}<p class="form-submit"><input name="submit" '
            f'type="submit" id="submit" class="submit" value="إرسال"></p>'
            "</form></div></div>")


def render(page: Page) -> str:
    rng = page.rng
    crumbs = page.breadcrumbs()
    head = _head(page, crumbs)
    today = page.today_line(rng.choice(("weekday_day", "paired_day")))
    breaking_label = page.pick("ticker", furniture.BREAKING_LABELS)
    breaking = "".join(f'<li class="news-item"><a href="{attr(link.url)}">{esc(link.title)}</a>'
                       "</li>" for link in page.links("ticker", rng.randint(4, 7)))
    menu = "".join(f'<li class="menu-item menu-item-type-taxonomy"><a href="/category/{i}/">'
                   f"{esc(item)}</a></li>" for i, item in enumerate(page.menu()))
    sep = '<em class="delimiter">/</em>'
    crumb_html = sep.join(f'<a href="/">{esc(c)}</a>' for c in crumbs)
    figure = ""
    if page.image:
        caption = (f'<figcaption class="single-caption-text"><span class="tie-icon-camera" '
                   f'aria-hidden="true"></span> {esc(page.image.caption)}</figcaption>'
                   if page.image.caption else "")
        figure = ('<div class="featured-area"><div class="featured-area-inner"><figure '
                  'class="single-featured-image">'
                  + lazy_img(page.image.url, "", rng, "attachment-jannah-image-post wp-post-image")
                  + caption + "</figure></div></div>")
    share = page.share()
    share_html = "".join(f'<a href="#" class="{i}-share-btn large-share-button" rel="external '
                         f'noopener nofollow"><span class="share-btn-icon"></span> '
                         f'<span class="social-text">{esc(s)}</span></a>'
                         for i, s in enumerate(share))
    tags_heading = page.pick("tags", furniture.TAG_HEADINGS)
    tags = "".join(f'<a href="/tag/{i}/" rel="tag">{esc(t)}</a>'
                   for i, t in enumerate(page.tags()))
    after = ""
    if page.byline.visible and page.byline.position == "after":
        after = _about_author(page)
    check_title = page.pick("related", ("شاهد أيضاً", "اقرأ أيضاً", "تحقق أيضا"))
    check = page.links("related", 1, "wp_day")[0]
    footer_lines = page.footer()
    footer_links = "".join(f'<li class="menu-item"><a href="/p/{i}">{esc(x)}</a></li>'
                           for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body id="tie-body" class="rtl post-template-default single single-post '
        'wrapper-has-shadow block-head-4 magazine1 is-thumb-overlay-disabled is-desktop '
        'is-header-layout-3 sidebar-left has-sidebar post-layout-1 narrow-title-narrow-media">',
        '<div class="background-overlay"><div id="tie-container" class="site tie-container">',
        '<div id="tie-wrapper">',
        '<nav id="top-nav" class="has-date-breaking-components top-nav header-nav '
        'has-breaking-news"'
        ' aria-label="الشريط العلوي"><div class="container"><div class="topbar-wrapper">'
        f'<div class="topbar-today-date tie-icon">{esc(today)}</div>'
        f'<div class="breaking controls-is-active"><span class="breaking-title">'
        f'<span class="tie-icon-bolt breaking-icon" aria-hidden="true"></span>'
        f'<span class="breaking-title-text">{esc(breaking_label)}</span></span>'
        f'<ul id="breaking-news-in-header" class="breaking-news" data-type="reveal">{breaking}'
        "</ul></div></div></div></nav>",
        f'<header id="theme-header" class="theme-header header-layout-3 main-nav-dark">'
        f'<div class="logo-row logo-container"><div id="logo" class="image-logo">'
        f'<a title="{attr(page.label)}" href="/"><img src="/logo.png" alt="{attr(page.label)}">'
        "</a></div></div>"
        f'<div class="main-nav-wrapper"><nav id="main-nav" class="main-nav header-nav">'
        f'<div class="main-menu main-menu-wrap tie-alignleft"><div id="main-nav-menu" '
        f'class="main-menu header-menu"><ul id="menu-main" class="menu" role="menubar">{menu}'
        "</ul></div></div></nav></div></header>",
        '<div id="content" class="site-content container"><div id="main-content-row" '
        'class="tie-row main-content-row">',
        '<div class="main-content tie-col-md-8 tie-col-xs-12" role="main">',
        '<article id="the-post" class="container-wrapper post-content tie-standard">',
        '<header class="entry-header-outer">',
        f'<nav id="breadcrumb"><a href="/"><span class="tie-icon-home" aria-hidden="true"></span>'
        f"</a> {crumb_html}</nav>" if rng.random() < 0.2 else
        f'<nav id="breadcrumb">{crumb_html}</nav>',
        f'<div class="entry-header"><span class="post-cat-wrap"><a class="post-cat tie-cat-2" '
        f'href="/category/2/">{esc(page.section)}</a></span>',
        f'<h1 class="post-title entry-title">{esc(page.headline)}</h1>',
        _post_meta(page), "</div></header>",
        figure,
        _entry(page),
        '<div class="stream-item stream-item-below-post-content"></div>',
        '<div class="post-bottom-meta post-bottom-tags post-tags-modern">'
        f'<div class="post-bottom-meta-title"><span class="tie-icon-tags" aria-hidden="true">'
        f'</span> {esc(tags_heading)}</div><span class="tagcloud">{tags}</span></div>',
        f'<div id="share-buttons-bottom" class="share-buttons share-buttons-bottom">'
        f'<div class="share-links  share-centered icons-text">{share_html}</div></div>',
        "</article>",
        after,
        _related(page),
        '<div id="check-also-box" class="container-wrapper check-also-right">'
        f'<div class="widget-title the-global-title"><div class="the-subtitle">'
        f'{esc(check_title)}</div><a href="#" id="check-also-close" class="remove">'
        '<span class="screen-reader-text">إغلاق</span></a></div>'
        f'<div class="widget posts-list-big-first has-first-big-post"><ul>'
        f'<li class="widget-single-post-item"><a href="{attr(check.url)}" class="post-title">'
        f'{esc(check.title)}</a><div class="post-meta"><span class="date meta-item tie-icon">'
        f'{esc(check.date or "")}</span></div></li></ul></div></div>',
        _comments(page),
        "</div><!-- .main-content /-->",
        _sidebar(page),
        "</div></div>",
        '<footer id="footer" class="site-footer dark-skin dark-widgetized-area">'
        '<div id="site-info" class="site-info site-info-layout-2"><div class="container">'
        f'<div class="copyright-text copyright-text-first">{esc(footer_lines[0])}</div>'
        f'<div class="copyright-text copyright-text-second">{esc(footer_lines[1])}</div>'
        f'<div class="footer-menu"><ul id="menu-footer" class="menu">{footer_links}</ul></div>'
        "</div></div></footer>",
        '<a id="go-to-top" class="go-to-top-button" href="#go-to-tie-body"><span '
        'class="tie-icon-angle-up"></span><span class="screen-reader-text">العودة للأعلى</span>'
        "</a>",
        "</div></div></div>",
        f"<script type='text/javascript'>var tieBreaking = {script_json({'speed': 3500})};"
        "</script>",
        "</body>\n</html>\n",
    ])
