"""A Joomla 3 news site (Protostar / T3 style): ``com_content`` article view with schema.org
microdata, an article-info block, module positions around the story and JComments.

Head: ``generator`` Joomla!, the title with the site name, a description, og tags on half the
sites' pages (an SEO extension), ``<meta name="author">`` when the author is only in metadata
(and now and then beside a visible byline). No JSON-LD and no ``article:published_time``: the
only machine-readable date is the microdata ``<time datetime itemprop="datePublished">`` in the
info block (Joomla's ``c`` format, with the offset), next to "نشر بتاريخ: الخميس, 14 نوفمبر
2024 09:46" and, now and then, a ``<time itemprop="dateModified">`` "آخر تحديث" line.
Text-dated pages print the same block as text ("نشر في: 2024/11/14", Joomla's LC2 format, or
with the time), sometimes with an "آخر تحديث:" line after it.
Page: a top bar with today's date, the logo, the menu, a breaking-news module, breadcrumbs ("أنت
هنا:" ... ending in the plain title as the active crumb); the item page: the menu item's page
heading as the ``<h1>`` on some sites (the section name), the story title as ``<h2
itemprop="headline">``, the tools dropdown (طباعة،
البريد الإلكتروني), the info block ``<dl class="article-info">`` ("التفاصيل", the author as
``itemprop="author"`` with "كتب بواسطة:" / "حرر بواسطة:" / "المحرر:" / "الكاتب:" or the bare
name, the category, the dates, "الزيارات: 1234") above the body, or *below* it (Joomla's
info-block position) when the byline goes after; the tags above the body.
Body (``itemprop="articleBody"``): ``<p>``s (justified, or ``dir="rtl"``) with inline links; a
bulleted ``<ul>`` made of one paragraph's sentences after a lead-in line (the lead-in and every
item are body paragraphs); now and then an ``<h3>`` intertitle (body) and a short last
paragraph; a banner module loaded between paragraphs (``{loadposition}``) with its label; the
dateline as a bold first paragraph or a grey plain first line.
After the body: the pager (السابق / التالي), JComments: "التعليقات (n)" with *long* reader
comments (five or six sentences each, as long as a body paragraph) or "no comments yet", and
the form labels. Left sidebar (position-8, before or after the content): latest news with
dates. Right sidebar (position-7): most read, a poll, "who is online" ("لدينا 45 زائر متصلين").
Footer: utility links, copyright, "العودة للأعلى".
"""

from __future__ import annotations

from datetime import datetime, timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.kit import article_url, attr, esc, inline, weave
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE

NAME = "joomla_microdata"
TRAITS = Traits(
    date_formats=("joomla_lc2", "joomla_lc2", "slash_ymd", "slash_ymd_time"),
    date_where=(0.45, 0.35, 0.2), meta_styles=("site", "site", "utc", "plus3"),
    visible_with_meta=1.0, modified_shown=0.35,
    byline_forms=("edited_by", "edited_by", "katib", "bare", "meta_only"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("body_lead", "line", "omitted"),
    display_title=0.3, image=0.6, caption=0.6,
)
PUBLISHED = ("نشر بتاريخ:", "نشر في:")


def _info_block(page: Page) -> str:
    rng = page.rng
    details = page.pick("label", furniture.JOOMLA_DETAILS)
    rows = [f'<dt class="article-info-term">{esc(details)}</dt>']
    if page.byline.visible:
        name = " و".join(f'<span itemprop="name">{esc(n)}</span>' for n in page.byline.names)
        rows.append(f'<dd class="createdby" itemprop="author" itemscope '
                    f'itemtype="https://schema.org/Person">{esc(page.byline.prefix)}{name}</dd>')
    category = page.pick("label", furniture.JOOMLA_CATEGORY)
    rows.append(f'<dd class="category-name">{esc(category)} <span itemprop="genre">'
                f"{esc(page.section)}</span></dd>")
    label = page.pick("label", PUBLISHED) if page.date.visible else ""
    if page.date.where == "metadata" and page.date.machine is not None:
        rows.append(f'<dd class="published"><span class="icon-calendar" aria-hidden="true">'
                    f'</span> <time datetime="{page.date.machine.value}" itemprop="datePublished">'
                    f"{esc(label)} {esc(page.date.visible or '')}</time></dd>")
        if page.date.modified_machine and rng.random() < 0.5:
            later = datetime.fromisoformat(page.date.modified_machine)
            zone = (None if page.layout.get("meta_style") in ("utc", "utc_z")
                    else page.date.machine.zone)
            shown = dates.visible(later, page.layout["date_format"], page.article.site,
                                  page.eastern, zone)
            modified = page.record("clock", [f"آخر تحديث: {shown}"])[0]
            rows.append(f'<dd class="modified"><span class="icon-calendar" aria-hidden="true">'
                        f'</span> <time datetime="{page.date.modified_machine}" '
                        f'itemprop="dateModified">{esc(modified)}</time></dd>')
    elif page.date.visible:
        rows.append(f'<dd class="published"><span class="icon-calendar" aria-hidden="true">'
                    f"</span> {esc(label)} {esc(page.date.visible)}</dd>")
        if page.date.modified_visible:
            rows.append(f'<dd class="modified"><span class="icon-calendar" aria-hidden="true">'
                        f"</span> {esc(page.record('clock', [page.date.modified_visible])[0])}"
                        "</dd>")
    hits = rng.randint(40, 25000)
    hits_text = page.record("hits", [f"{page.pick('hits', furniture.JOOMLA_HITS)} {hits}"])[0]
    rows.append(f'<dd class="hits"><span class="icon-eye-open" aria-hidden="true"></span>'
                f'<meta itemprop="interactionCount" content="UserPageVisits:{hits}">'
                f"{esc(hits_text)}</dd>")
    return '<dl class="article-info muted">' + "\n".join(rows) + "</dl>"


def _body(page: Page) -> str:
    rng = page.rng
    parts = body.shape(page, tail=0.25, subheads=0.2, bullets=0.45)
    style = rng.choice(('style="text-align: justify;"', 'dir="rtl"', ""))
    opening = f"<p {style}>" if style else "<p>"
    blocks = []
    for part in parts:
        if part.kind == "list":
            items = "".join(f"<li>{inline(t, rng, 0.15, '/index.php/tags/')}</li>"
                            for t in part.texts)
            blocks.append(f"<ul>{items}</ul>")
        elif part.kind == "subhead":
            blocks.append(f"<h3>{esc(part.texts[0])}</h3>")
        else:
            blocks.append(f"{opening}{inline(part.texts[0], rng, 0.35, '/index.php/tags/')}</p>")
    extras = []
    if rng.random() < 0.7:
        label = page.pick("ad", furniture.AD_LABELS)
        extras.append(f'<div class="moduletable banner-inarticle"><p class="banner-label">'
                      f'{esc(label)}</p><div class="bannergroup"><div class="banneritem"><a '
                      f'href="/index.php/component/banners/click/{rng.randint(2, 40)}" '
                      f'target="_blank" rel="noopener noreferrer" title="{attr(label)}"><img '
                      f'src="/images/banners/{rng.randint(1, 9)}.jpg" alt="{attr(label)}"></a>'
                      '<div class="clr"></div></div></div></div>')
    blocks = weave(blocks, extras, rng)
    if page.dateline:
        blocks.insert(0, f"{opening}<strong>{esc(page.dateline.text)}</strong></p>"
                         if page.dateline.position == "body_lead"
                         else f'{opening}<span style="color: #808080;">'
                              f"{esc(page.dateline.text)}</span></p>")
    return '<div itemprop="articleBody">\n' + "\n".join(blocks) + "\n</div>"


def _comments(page: Page) -> str:
    rng = page.rng
    base = page.article.published or REFERENCE
    count = rng.choice((0, 1, 2, 3, 3))
    items = []
    for i in range(count):
        name = rng.choice(furniture.COMMENTERS)
        when = base + timedelta(days=rng.randint(0, 9), minutes=rng.randrange(1440))
        shown = dates.visible(when, "slash_ymd_time", page.article.site, page.eastern)
        text = furniture.long_comment(rng)
        page.record("comments", [name, shown, text])
        items.append(f'<div class="{"even" if i % 2 else "odd"}" id="comment-item-{i + 1}">'
                     f'<div class="rbox"><div class="comment-box"><span class="comment-author">'
                     f'{esc(name)}</span> <span class="comment-date">{esc(shown)}</span><div '
                     f'class="comment-body">{esc(text)}</div></div></div></div>')
    if items:
        heading = page.record("comments", [f"التعليقات ({count})"])[0]
        listing = f'<div class="comments-list" id="comments-list-0">{"".join(items)}</div>'
    else:
        heading = page.pick("comments", furniture.NO_COMMENTS)
        listing = ""
    labels = page.record("comments", list(furniture.JOOMLA_COMMENT_FORM))
    form = "".join(f'<p><label for="comment-f{i}">{esc(x)}</label><input id="comment-f{i}"></p>'
                   for i, x in enumerate(labels[1:5]))
    return (f'<div id="jc"><div id="comments"><h4>{esc(heading)}</h4>{listing}</div>'
            f'<a id="addcomments" href="#addcomments"></a><form id="comments-form" name="comments'
            f'-form" action="javascript:void(null);"><h4>{esc(labels[0])}</h4>{form}<div id="'
            f'comments-form-buttons"><a href="#">{esc(labels[5])}</a></div></form><div id="'
            f'comments-footer"><a href="#">{esc(labels[6])}</a> <a href="#">{esc(labels[7])}'
            "</a></div></div>")


def _module(title: str, inner: str, suffix: str = "") -> str:
    return (f'<div class="moduletable{suffix}"><h3>{esc(title)}</h3>{inner}</div>')


def render(page: Page) -> str:
    rng, a = page.rng, page.article
    item_id = rng.randint(101, 980)
    head = ('<!DOCTYPE html>\n<html lang="ar-aa" dir="rtl">\n<head>\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
            '<meta charset="utf-8">\n'
            f'<base href="{attr(a.url)}">\n'
            f'<meta name="description" content="{attr(meta.description(page))}">\n'
            + ("" if not (page.byline.in_metadata or (page.byline.visible and rng.random() < 0.3))
               else meta.meta_authors(page))
            + '<meta name="generator" content="Joomla! - Open Source Content Management">\n'
            f"<title>{esc(a.title)} - {esc(page.label)}</title>\n"
            + (meta.open_graph(page) if page.stable("og").random() < 0.5 else "")
            + '<link href="/templates/protostar/favicon.ico" rel="shortcut icon" '
            'type="image/vnd.microsoft.icon">\n'
            '<link href="/templates/protostar/css/template.css?4f2a9e" rel="stylesheet">\n'
            '<script src="/media/jui/js/jquery.min.js?4f2a9e"></script>\n'
            "<script>jQuery(window).on('load',  function() {new JCaption('img.caption');});"
            "</script>\n</head>\n")
    today = page.today_line("weekday_day")
    menu = "".join(f'<li class="item-{101 + i}"><a href="/index.php/{i}">{esc(m)}</a></li>'
                   for i, m in enumerate(page.menu()))
    breaking_title = page.pick("ticker", furniture.BREAKING_LABELS)
    breaking = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                       for link in page.links("ticker", rng.randint(3, 5)))
    here = page.pick("breadcrumbs", furniture.JOOMLA_HERE)
    crumbs = page.breadcrumbs()
    crumb_items = "".join(
        f'<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a '
        f'itemprop="item" href="/index.php/{i}" class="pathway"><span itemprop="name">{esc(c)}'
        f'</span></a><span class="divider"> » </span><meta itemprop="position" content="{i + 1}">'
        "</li>" for i, c in enumerate(crumbs))
    breadcrumbs = (f'<ul itemscope itemtype="https://schema.org/BreadcrumbList" class="breadcrumb">'
                   f'<li>{esc(here)}&#160;</li>{crumb_items}<li itemprop="itemListElement" '
                   f'itemscope itemtype="https://schema.org/ListItem" class="active"><span '
                   f'itemprop="name">{esc(a.title)}</span><meta itemprop="position" '
                   f'content="{len(crumbs) + 1}"></li></ul>')
    tools = page.record("share", list(furniture.JOOMLA_TOOLS))
    tools_html = (f'<div class="icons"><div class="btn-group pull-right"><button class="btn '
                  f'dropdown-toggle" type="button" data-toggle="dropdown">{esc(tools[0])}</button>'
                  f'<ul class="dropdown-menu"><li class="print-icon"><a href="#" rel="nofollow">'
                  f'{esc(tools[1])}</a></li><li class="email-icon"><a href="#">{esc(tools[2])}'
                  "</a></li></ul></div></div>")
    heading = ""
    if page.stable("page-heading").random() < 0.5:
        heading = (f'<div class="page-header"><h1>{esc(page.record("heading", [page.section])[0])}'
                   "</h1></div>")
    tags = "".join(f'<li class="tag-{i + 2} tag-list{i}" itemprop="keywords"><a href="/index.php/'
                   f'tags/{i + 2}" class="label label-info">{esc(t)}</a></li>'
                   for i, t in enumerate(page.tags()))
    figure = ""
    if page.image:
        cap = (f"<figcaption>{esc(page.image.caption)}</figcaption>"
               if page.image.caption else "")
        figure = (f'<figure class="pull-none item-image"><img src="{attr(page.image.url)}" '
                  f'alt="" itemprop="image">{cap}</figure>')
    info = _info_block(page)
    below = page.byline.position == "after"
    story = "\n".join(x for x in [
        '<div class="item-page" itemscope itemtype="https://schema.org/Article">',
        '<meta itemprop="inLanguage" content="ar-AA">',
        heading,
        f'<div class="page-header"><h2 itemprop="headline">{esc(page.headline)}</h2></div>',
        tools_html,
        "" if below else info,
        f'<ul class="tags inline">{tags}</ul>',
        figure,
        _body(page),
        info if below else "",
        _pager(page),
        "</div>",
    ] if x)
    latest_title = page.pick("latest", furniture.LATEST_HEADINGS)
    latest = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> <span class="mod-'
                     f'articles-category-date">{esc(link.date or "")}</span></li>'
                     for link in page.links("latest", rng.randint(3, 6),
                                            rng.choice(("slash_ymd", "joomla_lc2"))))
    most_title = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<li><a href="{attr(link.url)}"><span>{esc(link.title)}</span></a></li>'
                   for link in page.links("most_read", rng.randint(4, 6)))
    poll = page.record("widgets", furniture.poll(rng))
    poll_html = (f"<p>{esc(poll[0])}</p><ul>" + "".join(
        f'<li><input type="radio" name="voteid" id="v{i}"><label for="v{i}">{esc(x)}</label></li>'
        for i, x in enumerate(poll[1:4])) + f'</ul><button type="submit" class="button">'
        f"{esc(poll[4])}</button>")
    online = page.record("widgets", furniture.who_is_online(rng))
    left_first = page.stable("left-first").random() < 0.5
    left = ('<div id="sidebar" class="span3"><div class="sidebar-nav">'
            + _module(latest_title, f'<ul class="latestnews">{latest}</ul>') + "</div></div>")
    right = ('<div id="aside" class="span3">'
             + _module(most_title, f'<ul class="mostread">{most}</ul>')
             + _module(poll[0], poll_html, " poll")
             + _module(online[0], f"<p>{esc(online[1])}</p>") + "</div>")
    footer = page.footer()
    back = page.pick("footer", furniture.JOOMLA_BACK_TOP)
    links = "".join(f'<li><a href="/index.php/p{i}">{esc(x)}</a></li>'
                    for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        f'<body class="site com_content view-article no-layout no-task itemid-{item_id} rtl">',
        '<div class="body"><div class="container">',
        f'<div class="topbar"><span class="today">{esc(today)}</span></div>',
        f'<header class="header"><a class="brand pull-right" href="/"><img src="/images/logo.png"'
        f' alt="{attr(page.label)}"></a></header>',
        f'<nav class="navigation"><ul class="nav menu nav-pills mod-list">{menu}</ul></nav>',
        f'<div class="moduletable breaking"><span class="breaking-title">{esc(breaking_title)}'
        f'</span><ul class="breaking-list">{breaking}</ul></div>',
        breadcrumbs,
        '<div class="row-fluid">',
        left if left_first else "",
        f'<main id="content" role="main" class="span6">\n<div id="system-message-container">'
        f"</div>\n{story}\n{_comments(page)}\n</main>",
        "" if left_first else left,
        right,
        "</div>",
        f'<footer class="footer"><hr><ul class="menu">{links}</ul><p class="pull-left"><a '
        f'href="#top" id="back-top">{esc(back)}</a></p><p>{esc(footer[0])}</p><p>'
        f"{esc(footer[1])}</p></footer>",
        "</div></div>",
        "</body>\n</html>\n",
    ])


def _pager(page: Page) -> str:
    previous, following = page.record("pager", list(furniture.JOOMLA_PAGER))
    # the neighbours' titles are only in tooltip attributes: not text, not recorded
    before, after = (article_url(page.site, page.rng, t) for t in furniture.headlines(page.rng, 2))
    titles = furniture.headlines(page.rng, 2)
    return (f'<ul class="pager pagenav"><li class="previous"><a class="hasTooltip" title="'
            f'{attr(titles[0])}" href="{attr(before)}" rel="prev"><span class="icon-'
            f'chevron-right" aria-hidden="true"></span> <span aria-hidden="true">'
            f'{esc(previous)}</span></a></li><li class="next"><a class="hasTooltip" title="'
            f'{attr(titles[1])}" href="{attr(after)}" rel="next"><span aria-hidden="true">'
            f'{esc(following)}</span> <span class="icon-chevron-left" aria-hidden="true"></span>'
            "</a></li></ul>")
