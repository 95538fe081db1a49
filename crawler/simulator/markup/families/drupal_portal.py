"""A Drupal 9/10 news portal: regions, blocks, views and ``field--name-*`` wrappers.

Head: metatag output (og, article:published_time with a colonless offset now and then),
JSON-LD from the schema_metatag module, and the drupal-settings JSON.
Page: ``region-sidebar-first`` (latest news view with dates, most-read view with read counts)
comes *before* the content region in source order; breadcrumb ``<ol>``; the title is an
``<h1 class="page-title"><span class="field--name-title">``; the node has an author field
(label "الكاتب" in its own element, or a bare name), a created field (``<time datetime>`` in
UTC on metadata-dated pages, plain text otherwise), an image field with a separate caption
field, a dateline field or a bold first paragraph, and the body field: ``<p>``s, some pasted
from a word processor (MsoNormal spans).
After the body: a tags field (الكلمات المفتاحية, label above), a related-content view with
dates, a comment form (Drupal form items), the footer menu and copyright.
"""

from __future__ import annotations

import zlib

from crawler.simulator.markup import furniture, meta
from crawler.simulator.markup.kit import attr, esc, inline, mso, script_json
from crawler.simulator.markup.page import Page, Traits

NAME = "drupal_portal"
TRAITS = Traits(
    date_formats=("numeric_time", "iso_day", "weekday_time", "levant_time"),
    meta_styles=("utc_z", "site", "site", "plus3"), meta_colonless=0.3,
    byline_forms=("katib", "bare", "kataba", "meta_only"),
    byline_positions=("before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    eastern_digits=0.15,
)


def _head(page: Page) -> str:
    a = page.article
    settings = {"path": {"baseUrl": "/", "pathPrefix": "", "currentPath": "node/"
                         f"{page.rng.randint(1000, 99999)}", "currentPathIsAdmin": False,
                         "isFront": False, "currentLanguage": "ar"},
                "pluralDelimiter": "\u0003", "suppressDeprecationErrors": True,
                "ajaxTrustedUrl": {"/search/node": True}, "user": {"uid": 0}}
    ld = meta.news_article(page)
    return ('<!DOCTYPE html>\n<html lang="ar" dir="rtl" prefix="content: http://purl.org/rss/'
            '1.0/modules/content/ og: https://ogp.me/ns#">\n<head>\n<meta charset="utf-8" />\n'
            f'<link rel="canonical" href="{attr(a.url)}" />\n'
            f'<meta name="description" content="{attr(meta.description(page))}" />\n'
            + meta.open_graph(page) + meta.article_times(page)
            + (meta.meta_authors(page) if page.byline.in_metadata else "")
            + meta.ld_script({"@context": "https://schema.org", "@graph": [ld]}, 2)
            + '<meta name="Generator" content="Drupal 10 (https://www.drupal.org)" />\n'
            '<meta name="MobileOptimized" content="width" />\n'
            f"<title>{esc(a.title)} | {esc(page.label)}</title>\n"
            '<link rel="stylesheet" media="all" href="/sites/default/files/css/css_a1b2.css" />\n'
            '<script type="application/json" data-drupal-selector="drupal-settings-json">'
            + script_json(settings) + "</script>\n</head>\n")


def _field(name: str, kind: str, inner: str, label: str = "", hidden: bool = True) -> str:
    state = "field--label-hidden" if hidden else "field--label-above"
    head = f'<div class="field__label">{esc(label)}</div>' if label else ""
    return (f'<div class="field field--name-{name} field--type-{kind} {state}">{head}'
            f"{inner}</div>")


def _author(page: Page) -> str:
    names = "".join(f'<div class="field__item"><a href="/writers/{i}" hreflang="ar">{esc(n)}</a>'
                    "</div>" for i, n in enumerate(page.byline.names))
    label = page.byline.label
    if label:
        return _field("field-writer", "entity-reference", f'<div class="field__items">{names}'
                      "</div>", label, hidden=False)
    return _field("field-writer", "entity-reference", f'<div class="field__items">{names}</div>')


def _created(page: Page) -> str:
    shown = page.date.visible
    if not shown:
        return ""
    if page.date.where == "metadata" and page.date.machine:
        inner = (f'<time datetime="{page.date.machine.value}" title="{attr(shown)}" '
                 f'class="datetime">{esc(shown)}</time>')
    else:
        inner = f"<span>{esc(shown)}</span>"
    return _field("created", "created", inner)


def _body(page: Page) -> str:
    rng = page.rng
    pasted = rng.random() < 0.35
    paragraphs = [mso(p, rng) if pasted else f'<p dir="rtl">{inline(p, rng, 0.2)}</p>'
                  for p in page.paragraphs]
    if page.dateline and page.dateline.position == "body_lead":
        paragraphs.insert(0, f"<p><strong>{esc(page.dateline.text)}</strong></p>")
    if rng.random() < 0.5:
        label = page.pick("read_also", furniture.READ_ALSO)
        link = page.links("read_also", 1)[0]
        at = rng.randrange(2, len(paragraphs)) if len(paragraphs) > 2 else len(paragraphs)
        paragraphs.insert(at, f'<p><strong>{esc(label)}</strong> <a href="{attr(link.url)}">'
                              f"{esc(link.title)}</a></p>")
    return ('<div class="clearfix text-formatted field field--name-body '
            'field--type-text-with-summary field--label-hidden field__item">'
            + "\n".join(paragraphs) + "</div>")


def _view(block_id: str, heading: str, rows: list[str]) -> str:
    title = f'<h2 class="block-title">{esc(heading)}</h2>' if heading else ""
    return (f'<div class="views-element-container block block-views block-views-block{block_id}"'
            f' id="block-views-block-{block_id}">{title}<div><div class="view view-{block_id} '
            f'view-id-{block_id} view-display-id-block_1 js-view-dom-id-'
            f'{zlib.crc32(block_id.encode()):08x}"><div class="view-content">'
            + "".join(rows) + "</div></div></div></div>")


def _sidebar_first(page: Page) -> str:
    rng = page.rng
    latest_heading = page.pick("latest", furniture.LATEST_HEADINGS) if rng.random() < 0.7 else ""
    fmt = rng.choice(("numeric_time", "iso_day"))
    latest = [f'<div class="views-row"><div class="views-field views-field-title"><span '
              f'class="field-content"><a href="{attr(link.url)}" hreflang="ar">'
              f"{esc(link.title)}</a></span></div><div class=\"views-field views-field-created\">"
              f'<span class="field-content">{esc(link.date or "")}</span></div></div>'
              for link in page.links("latest", rng.randint(4, 7), fmt)]
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    reads = []
    for link in page.links("most_read", rng.randint(3, 5)):
        count = page.record("most_read", [f"{rng.randint(200, 9000)} قراءة"])[0]
        reads.append(f'<div class="views-row"><span class="views-field views-field-title">'
                     f'<a href="{attr(link.url)}">{esc(link.title)}</a></span> <span '
                     f'class="views-field views-field-totalcount">{esc(count)}</span></div>')
    return ('<aside class="layout-sidebar-first" role="complementary"><div class="region '
            'region-sidebar-first">' + _view("latest-news", latest_heading, latest)
            + _view("most-read", most_heading, reads) + "</div></aside>")


def render(page: Page) -> str:
    rng = page.rng
    head = _head(page)
    menu = "".join(f'<li class="menu-item"><a href="/taxonomy/term/{i}" '
                   f'data-drupal-link-system-path="taxonomy/term/{i}">{esc(m)}</a></li>'
                   for i, m in enumerate(page.menu()))
    menu_title = page.pick("menu", ("القائمة الرئيسية", "التصفح"))
    crumbs = "".join(f'<li class="breadcrumb-item"><a href="/">{esc(c)}</a></li>'
                     for c in page.breadcrumbs())
    node = []
    if page.byline.visible and page.byline.position == "before":
        node.append(_author(page))
    node.append(_created(page))
    if page.image:
        node.append(_field("field-image", "image", '<div class="field__item"><img loading="lazy"'
                           f' src="{attr(page.image.url)}?itok=Xk2L" width="800" height="450" '
                           'alt="" typeof="foaf:Image" class="image-style-large" /></div>'))
        if page.image.caption:
            node.append(_field("field-image-caption", "string",
                               f'<div class="field__item">{esc(page.image.caption)}</div>'))
    if page.dateline and page.dateline.position == "line":
        node.append(_field("field-dateline", "string",
                           f'<div class="field__item">{esc(page.dateline.text)}</div>'))
    node.append(_body(page))
    if page.byline.visible and page.byline.position == "after":
        node.append(_author(page))
    tags = "".join(f'<div class="field__item"><a href="/taxonomy/term/{40 + i}" hreflang="ar">'
                   f"{esc(t)}</a></div>" for i, t in enumerate(page.tags()))
    node.append(_field("field-tags", "entity-reference", f'<div class="field__items">{tags}</div>',
                       page.pick("tags", ("الكلمات المفتاحية", "الوسوم", "كلمات مفتاحية")),
                       hidden=False))
    related_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = [f'<div class="views-row"><div class="views-field views-field-title"><span '
               f'class="field-content"><a href="{attr(link.url)}">{esc(link.title)}</a></span>'
               f'</div><div class="views-field views-field-created"><span class="field-content">'
               f"{esc(link.date or '')}</span></div></div>"
               for link in page.links("related", rng.randint(3, 5), "numeric_day")]
    comment_title = page.pick("comments", furniture.COMMENT_HEADINGS)
    form = "".join(f'<div class="js-form-item form-item js-form-type-textfield"><label '
                   f'for="edit-f{i}">{esc(x)}</label><input type="text" id="edit-f{i}" '
                   f'name="f{i}" class="form-text" /></div>'
                   for i, x in enumerate(page.comment_form()))
    footer_menu = "".join(f'<li><a href="/node/{i}">{esc(x)}</a></li>'
                          for i, x in enumerate(page.utility_links()))
    footer = "".join(f"<p>{esc(x)}</p>" for x in page.footer())
    return head + "\n".join([
        '<body class="path-node page-node-type-article">',
        '<a href="#main-content" class="visually-hidden focusable skip-link">'
        "تجاوز إلى المحتوى الرئيسي</a>",
        '<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>',
        '<div class="layout-container">',
        '<header role="banner"><div class="region region-header"><div id="block-site-branding" '
        f'class="block block-system"><a href="/" rel="home"><img src="/logo.svg" '
        f'alt="{attr(page.label)}" /></a></div></div>',
        '<div class="region region-primary-menu"><nav role="navigation" '
        'aria-labelledby="block-mainnavigation-menu" id="block-mainnavigation">'
        f'<h2 class="visually-hidden" id="block-mainnavigation-menu">{esc(menu_title)}</h2>'
        f'<ul class="menu menu--main nav navbar-nav">{menu}</ul></nav></div></header>',
        '<div class="region region-breadcrumb"><nav class="breadcrumb" role="navigation" '
        'aria-labelledby="system-breadcrumb"><h2 id="system-breadcrumb" '
        f'class="visually-hidden">Breadcrumb</h2><ol>{crumbs}</ol></nav></div>',
        '<main role="main"><a id="main-content" tabindex="-1"></a>',
        _sidebar_first(page),
        '<div class="layout-content"><div class="region region-content">',
        '<div data-drupal-messages-fallback class="hidden"></div>',
        '<div id="block-pagetitle" class="block block-core block-page-title-block">'
        '<h1 class="page-title"><span class="field field--name-title field--type-string '
        f'field--label-hidden">{esc(page.headline)}</span></h1></div>',
        '<div id="block-system-main" class="block block-system block-system-main-block">',
        f'<article role="article" about="/node/{rng.randint(1000, 99999)}" class="node '
        'node--type-article node--promoted node--view-mode-full"><div class="node__content">',
        "\n".join(x for x in node if x),
        "</div></article></div>",
        _view("related-content", related_heading, related),
        f'<section class="comments"><h2 class="title comment-form__title">{esc(comment_title)}'
        '</h2><form class="comment-comment-form comment-form" data-drupal-selector="comment-form"'
        ' action="/comment/reply/node/1/comment" method="post" id="comment-form" '
        f'accept-charset="UTF-8">{form}</form></section>',
        "</div></div></main>",
        '<footer role="contentinfo"><div class="region region-footer"><nav role="navigation" '
        f'id="block-footer"><ul class="menu menu--footer">{footer_menu}</ul></nav>'
        f'<div id="block-copyright" class="block">{footer}</div></div></footer>',
        "</div></div>",
        '<script src="/core/assets/vendor/jquery/jquery.min.js?v=3.7.1"></script>',
        "</body>\n</html>\n",
    ])
