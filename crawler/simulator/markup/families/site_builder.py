"""A news site made with a drag-and-drop website builder (Wix-style): every element of the
page is a component ``<div id="comp-...">`` placed with an inline absolute position, the text
is the builder's rich text (``<p class="font_8">`` whose words run through several nested
``<span style>``s), and the header exists twice, a desktop copy and a mobile copy, one of
them hidden by a class of the page's stylesheet depending on the screen width. News and opinion
come from two dynamic-page templates of the site, so the template choices below (date above the
title, a second title copy, the early repeater, spacers) are per site and kind of article.

Head: ``generator`` (the builder, on most sites), the title "<headline> | <site>", og tags, the
builder's responsive stylesheet (``@media`` rules giving ``.hidden-mobile`` / ``.hidden-desktop``
``display:none``, and ``.is-hidden``); on metadata-dated pages (and for metadata-only bylines) a
JSON-LD ``BlogPosting`` from the builder's SEO settings, with ``article:published_time`` on some
sites. Text-dated and undated pages carry no machine date.
Page: a skip link; the header twice: the desktop copy (``hidden-mobile``: logo, the site's name
as a text component, the horizontal menu, a search box) and the mobile copy (``hidden-desktop``:
"القائمة" button, the same menu, the name again). Which copy a reader sees depends on the
screen width only, so "hidden" here means nothing an extractor can rely on: both copies are in
the page's text and both are furniture. Then the page's components, in the *order the editor
added them*, which is not the order on screen: on some sites a "latest news" repeater (titles
and dates, placed on screen in a side column) comes *before* the title in the source; the
section label, the date component (above the title on some sites), the title component
(``<h1 class="font_0">``, its words in styled spans; on some sites a second copy for mobile
screens, ``<h2 class="font_2 hidden-desktop">``, just before or after it, the desktop copy then
``hidden-mobile``: the same headline), the
byline component (avatar and "بقلم: X" / "كتب: X" / the bare name) with the date below the
title on the other sites, the image component and its caption component.
Body: one to three rich-text components in a column, each absolutely placed under the
previous; the paragraphs are ``<p class="font_8">``s whose text is split over runs of nested
``<span style>`` (colour, size, bold), joined by spaces or no-break spaces at word boundaries,
with empty spacer paragraphs holding a zero-width space (``wixGuard``: not body) between them
on some sites; intertitles are ``<h2 class="font_2">`` inside the rich text (body); a short
first paragraph now and then. Between the text components: an HTML-embed ad component with
its label, a button component "اقرأ أيضا: <headline>", an image strip without text (all
furniture). The dateline is a text component of its own above the text, or the first
paragraph of the first text component in bold.
After the body: the signature component when the byline goes after ("بقلم: X"), the share
component, tag buttons, the comments widget (heading, placeholder, "no comments yet"), the
"more news" repeater with dates (after the body on the sites without the early one), the
footer: the subscribe form (its success message "شكرًا لاشتراكك!" is in the page, hidden by a
class), the builder's credits line (in English on some sites: "© 2024 by X. Proudly created
with Wix.com"), back to top; the cookie banner (hidden by class until the script shows it).
Dates: metadata (second) or the date component (day or minute); undated pages show only the
repeater's dates.
"""

from __future__ import annotations

from crawler.simulator.markup import body, furniture, meta
from crawler.simulator.markup.kit import HashedNames, attr, esc
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.text import slugify

NAME = "site_builder"
TRAITS = Traits(
    date_formats=("long_day", "long_day", "numeric_day", "weekday_comma_day", "ampm_comma"),
    date_where=(0.35, 0.4, 0.25), meta_styles=("utc_z", "utc_z", "site"),
    visible_with_meta=0.85, eastern_digits=0.1,
    byline_forms=("biqalam_colon", "kataba", "bare", "bare", "meta_only"),
    byline_positions=("before", "before", "after"),
    two_authors=0.1,
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.4, image=0.85, caption=0.6,
)
RUN_STYLES = ("font-size:18px;", "color:#1A1A1A;", "font-family:cairo,sans-serif;",
              "letter-spacing:normal;", "line-height:1.8em;", "color:#333333;",
              "font-size:17px;", "font-weight:normal;")
RUN_ACCENTS = ("font-weight:bold;", "color:#B22222;", "text-decoration:underline;")
STYLESHEET = ("@media screen and (max-width: 767px){.hidden-mobile{display:none !important}}"
              "@media screen and (min-width: 768px){.hidden-desktop{display:none !important}}"
              ".is-hidden{display:none !important}")
WIDTH = 980


class _Column:
    """Absolute positions of the components of one column, top to bottom (the screen's order)."""

    def __init__(self, page: Page, top: int, left: int, width: int):
        self.page, self.top, self.left, self.width = page, top, left, width

    def place(self, height: int) -> str:
        style = (f"position:absolute;top:{self.top}px;left:{self.left}px;width:{self.width}px;"
                 f"height:{height}px")
        self.top += height + self.page.rng.randint(12, 40)
        return style


def _comp(ids: HashedNames, role: str, style: str, inner: str, klass: str = "",
          testid: str = "") -> str:
    classes = f' class="{klass}"' if klass else ""
    data = f' data-testid="{testid}"' if testid else ""
    return f'<div id="{ids(role)}"{classes}{data} style="{style}">{inner}</div>'


def _runs(page: Page, text: str) -> str:
    """``text`` as the builder's rich text stores it: runs of words in nested styled spans,
    split at word boundaries (the space stays inside a run, or becomes &nbsp;)."""
    rng = page.rng
    words = text.split(" ")
    out, i = [], 0
    while i < len(words):
        size = rng.randint(2, 9)
        chunk = " ".join(words[i:i + size])
        i += size
        joint = "" if i >= len(words) else ("&nbsp;" if rng.random() < 0.15 else " ")
        styles = rng.sample(RUN_STYLES, rng.randint(1, 3))
        if rng.random() < 0.12:
            styles.append(rng.choice(RUN_ACCENTS))
        inner = esc(chunk) + joint
        for style in styles:
            inner = f'<span style="{style}">{inner}</span>'
        out.append(inner)
    return "".join(out)


def _rich_p(page: Page, text: str, klass: str = "font_8", bold: bool = False,
            tag: str = "p") -> str:
    inner = _runs(page, text)
    if bold:
        inner = f'<span style="font-weight:bold;">{inner}</span>'
    return (f'<{tag} class="{klass} wixui-rich-text__text" dir="rtl" style="line-height:1.8em; '
            f'text-align:justify;">{inner}</{tag}>')


def _guard() -> str:
    return ('<p class="font_8 wixui-rich-text__text" dir="rtl"><span class="wixGuard '
            'wixui-rich-text__text">&#8203;</span></p>')


def _text_box(inner: str) -> str:
    return f'<div data-testid="richTextElement" class="rich-text" dir="rtl">{inner}</div>'


def _header(page: Page, ids: HashedNames) -> str:
    menu_items = page.menu(5, 9)
    search = page.pick("menu", furniture.BUILDER_SEARCH)
    name = page.record("logo", [page.label])[0]
    desktop_menu = "".join(f'<li><a href="/{attr(slugify(m))}"><p class="font_9">{esc(m)}</p>'
                           "</a></li>" for m in menu_items)
    desktop = (f'<div id="{ids("header-desktop")}" class="hidden-mobile" style="position:absolute;'
               f'top:0;left:0;width:{WIDTH}px;height:120px">'
               f'<div id="{ids("logo")}" style="position:absolute;top:18px;right:20px;width:90px;'
               f'height:90px"><img src="https://static.{page.site.domain}/media/logo.png" alt="'
               f'{attr(page.label)}"></div>'
               + _comp(ids, "site-name", "position:absolute;top:30px;right:130px;width:300px;"
                       "height:40px", _text_box(f'<h2 class="font_0">{esc(name)}</h2>'))
               + f'<nav id="{ids("menu")}" aria-label="Site" style="position:absolute;top:80px;'
               f'left:0;width:{WIDTH}px;height:40px"><ul>{desktop_menu}</ul></nav>'
               f'<div id="{ids("search")}" style="position:absolute;top:30px;left:20px;'
               f'width:220px;height:36px"><input type="search" placeholder="{attr(search)}">'
               f"<button>{esc(search)}</button></div></div>")
    burger = page.pick("menu", furniture.BUILDER_MOBILE_MENU)
    mobile_menu = "".join(f'<li><a href="/{attr(slugify(m))}">{esc(m)}</a></li>'
                          for m in menu_items)
    mobile = (f'<div id="{ids("header-mobile")}" class="hidden-desktop" style="position:absolute;'
              'top:0;left:0;width:320px;height:60px">'
              f'<button aria-label="{attr(burger)}"><span>{esc(burger)}</span></button>'
              f'<div class="mobile-name"><p class="font_0">{esc(name)}</p></div>'
              f'<div class="mobile-menu is-hidden"><ul>{mobile_menu}</ul></div></div>')
    if page.stable("header-order").random() < 0.5:
        return f'<header id="SITE_HEADER">{desktop}{mobile}</header>'
    return f'<header id="SITE_HEADER">{mobile}{desktop}</header>'


def _repeater(page: Page, ids: HashedNames, role: str, kind: str, heading: str, style: str,
              fmt: str) -> str:
    rng = page.rng
    items = "".join(
        f'<div role="listitem" class="repeater-item"><a href="{attr(link.url)}"><img src="'
        f'{attr(link.thumb or "")}" alt=""></a>' + _text_box(
            f'<p class="font_9"><a href="{attr(link.url)}">{esc(link.title)}</a></p>'
            f'<p class="font_9" style="color:#8A8A8A">{esc(link.date or "")}</p>') + "</div>"
        for link in page.links(kind, rng.randint(3, 5), fmt, thumbs=True))
    return _comp(ids, role, style, _text_box(f'<h2 class="font_4">{esc(heading)}</h2>')
                 + f'<div role="list" class="repeater">{items}</div>')


def _byline_box(page: Page, ids: HashedNames, column: _Column) -> str:
    b = page.byline
    parts = []
    if b.visible and b.position == "before":
        avatar = (f'<img src="https://static.{page.site.domain}/media/authors/'
                  f'{attr(slugify(b.names[0]))}.jpg" alt="{attr(b.names[0])}">')
        parts.append(f'<div class="avatar">{avatar}</div>'
                     + _text_box(f'<p class="font_9">{esc(b.text())}</p>'))
    if page.date.visible and page.layout.get("date_place") != "above_title":
        parts.append(_text_box(f'<p class="font_9" style="color:#8A8A8A">'
                               f"{esc(page.date.visible)}</p>"))
    if not parts:
        return ""
    return _comp(ids, "meta", column.place(48), "".join(parts))


def _extras(page: Page, ids: HashedNames) -> list[str]:
    """Components the editor dropped between the text components (furniture)."""
    rng = page.rng
    out = []
    label = page.pick("ad", furniture.AD_LABELS)
    out.append(f'<div class="embed-ad"><p class="font_9">{esc(label)}</p><iframe title="ad" '
               f'src="https://ads.{page.site.domain}/slot/{rng.randint(1, 40)}" width="728" '
               'height="90"></iframe></div>')
    if rng.random() < 0.6:
        label = page.pick("read_also", furniture.READ_ALSO)
        link = page.links("read_also", 1)[0]
        out.append(f'<a class="button" href="{attr(link.url)}" data-testid="linkElement"><span '
                   f'class="label">{esc(label)} {esc(link.title)}</span></a>')
    if rng.random() < 0.4:
        strip = "".join(f'<img src="https://static.{page.site.domain}/media/'
                        f'{rng.getrandbits(40):010x}.jpg" alt="">' for _ in range(3))
        out.append(f'<div class="gallery-strip" data-testid="gallery">{strip}</div>')
    return out


def _body(page: Page, ids: HashedNames, column: _Column) -> str:
    rng = page.rng
    parts = body.shape(page, lead=0.2, subheads=0.25)
    spacers = page.stable(f"guards:{page.article.kind}").random() < 0.6
    blocks: list[str] = []
    heads: list[bool] = []  # whether a block leads into the next (never cut after it)
    for part in parts:
        if part.kind == "subhead":
            blocks.append(_rich_p(page, part.texts[0], "font_2", tag="h2"))
        else:
            blocks.append(_rich_p(page, part.texts[0]))
        heads.append(part.kind == "subhead")
    dateline = page.dateline
    if dateline and dateline.position == "body_lead":
        blocks.insert(0, _rich_p(page, dateline.text, bold=True))
        heads.insert(0, True)
    free = [i for i in range(1, len(blocks)) if not heads[i - 1]]
    boxes = min(len(free) + 1, rng.choice((1, 2, 2, 3)))
    cuts = sorted(rng.sample(free, boxes - 1)) if boxes > 1 else []
    groups = [blocks[a:b] for a, b in zip([0, *cuts], [*cuts, len(blocks)], strict=True)]
    extras = _extras(page, ids)
    out = []
    if dateline and dateline.position == "line":
        out.append(_comp(ids, "dateline", column.place(30), _text_box(
            f'<p class="font_9"><span style="color:#B22222;">{esc(dateline.text)}</span></p>')))
    joint = f"\n{_guard()}\n" if spacers else "\n"
    for i, group in enumerate(groups):
        height = 60 + sum(len(block) // 12 for block in group)
        out.append(_comp(ids, f"text-{i}", column.place(height), _text_box(joint.join(group))))
        if i < len(groups) - 1 and extras:
            out.append(_comp(ids, f"extra-{i}", column.place(110), extras.pop(0)))
    for i, extra in enumerate(extras):  # the rest go under the last text component
        out.append(_comp(ids, f"extra-after-{i}", column.place(110), extra))
    page.layout["text_boxes"] = str(len(groups))
    return "\n".join(out)


def _footer(page: Page, ids: HashedNames) -> str:
    form = page.record("newsletter", list(furniture.BUILDER_FORM))
    credits = page.record("footer", [page.stable("credits").choice(
        furniture.BUILDER_CREDITS).format(year=page.today.year, label=page.label)])[0]
    utility = "".join(f'<li><a href="/{i}">{esc(x)}</a></li>'
                      for i, x in enumerate(page.utility_links()))
    back = page.pick("footer", furniture.BUILDER_BACK_TOP)
    social = "".join(f'<li><a href="#" aria-label="{attr(s)}"><img src="/icons/{i}.svg" alt="'
                     f'{attr(s)}"></a></li>' for i, s in enumerate(furniture.SHARE_NETWORKS[:4]))
    return (f'<footer id="SITE_FOOTER"><div id="{ids("footer")}" style="position:relative;'
            f'width:{WIDTH}px;height:260px">'
            f'<form id="{ids("form")}" style="position:absolute;top:20px;right:20px;width:420px;'
            f'height:140px">' + _text_box(f'<h2 class="font_4">{esc(form[0])}</h2>')
            + f'<input type="email" placeholder="{attr(form[1])}" aria-label="{attr(form[1])}">'
            f'<label class="visually-hidden">{esc(form[1])}</label><button type="submit">'
            f'<span>{esc(form[2])}</span></button><div class="form-success is-hidden">'
            f'<p class="font_8">{esc(form[3])}</p></div></form>'
            f'<ul id="{ids("social")}" class="social-bar" style="position:absolute;top:40px;'
            f'left:20px;width:200px;height:40px">{social}</ul>'
            f'<ul id="{ids("utility")}" style="position:absolute;top:170px;right:20px;'
            f'width:600px;height:30px">{utility}</ul>'
            + _comp(ids, "credits", "position:absolute;top:210px;right:20px;width:600px;"
                    "height:30px", _text_box(f'<p class="font_9">{esc(credits)}</p>'))
            + f'<a href="#SITE_HEADER" class="back-top">{esc(back)}</a></div></footer>')


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    ids = HashedNames(page.stable("comp-ids"), prefix="comp-")
    above = page.stable(f"date-above:{a.kind}").random() < 0.4
    if above and page.date.visible:
        page.layout["date_place"] = "above_title"
    early_latest = page.stable(f"early-latest:{a.kind}").random() < 0.5
    title_copy = page.stable(f"title-copy:{a.kind}").choice(("none", "before_title",
                                                          "after_title"))
    ld = ""
    if page.date.where == "metadata" or b.in_metadata:
        ld = meta.ld_script(meta.news_article(page, kind="BlogPosting",
                                              description=meta.description(page)))
    times = meta.article_times(page) if page.stable("times").random() < 0.5 else ""
    generator = ('<meta name="generator" content="Wix.com Website Builder">\n'
                 if page.stable("generator").random() < 0.7 else "")
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            + generator + f"<title>{esc(page.headline)} | {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + times + ld
            + f"<style>{STYLESHEET}</style>\n"
            '<link rel="stylesheet" href="https://static.parastorage.com/services/thunderbolt.css">'
            "\n</head>\n")
    skip = page.pick("label", furniture.BUILDER_SKIP)
    side = _Column(page, 160, 0, 300)
    main = _Column(page, 160, 340, 640)
    comps: list[str] = []
    latest_heading = page.pick("latest", furniture.LATEST_HEADINGS)
    latest_fmt = page.stable("latest-fmt").choice(("long_day", "numeric_day"))
    if early_latest:
        comps.append(_repeater(page, ids, "latest", "latest", latest_heading, side.place(620),
                               latest_fmt))
    section = page.record("breadcrumbs", [page.section])[0]
    comps.append(_comp(ids, "section", main.place(28), _text_box(
        f'<p class="font_9"><a href="/{attr(slugify(section))}">{esc(section)}</a></p>')))
    if page.layout.get("date_place") == "above_title":
        comps.append(_comp(ids, "date", main.place(28), _text_box(
            f'<p class="font_9" style="color:#8A8A8A">{esc(page.date.visible or "")}</p>')))
    def mobile_title() -> str:
        return _comp(ids, "title-mobile", main.place(90), _text_box(
            f'<h2 class="font_2 wixui-rich-text__text">{esc(page.headline)}</h2>'),
            klass="hidden-desktop")

    if title_copy == "before_title":
        comps.append(mobile_title())
    comps.append(_comp(ids, "title", main.place(110), _text_box(
        f'<h1 class="font_0 wixui-rich-text__text">{_runs(page, page.headline)}</h1>'),
        klass="hidden-mobile" if title_copy != "none" else ""))
    if title_copy == "after_title":
        comps.append(mobile_title())
    comps.append(_byline_box(page, ids, main))
    if page.image:
        comps.append(_comp(ids, "image", main.place(360),
                           f'<img src="{attr(page.image.url)}" alt="{attr(a.title)}" '
                           'style="object-fit:cover;width:640px;height:360px">',
                           testid="imageX"))
        if page.image.caption:
            comps.append(_comp(ids, "caption", main.place(28), _text_box(
                f'<p class="font_9" style="color:#8A8A8A">{esc(page.image.caption)}</p>')))
    page.layout["title_copy"] = title_copy
    comps.append(_body(page, ids, main))
    if b.visible and b.position == "after":
        comps.append(_comp(ids, "signature", main.place(30), _text_box(
            f'<p class="font_8" style="text-align:left"><span style="font-weight:bold;">'
            f"{esc(b.text())}</span></p>")))
    share_label = page.pick("share", furniture.BUILDER_SHARE)
    networks = page.record("share", rng.sample(furniture.SHARE_NETWORKS, 4))
    comps.append(_comp(ids, "share", main.place(40), f'<p class="font_9">{esc(share_label)}</p>'
                       + "".join(f'<a href="#" aria-label="{attr(n)}"><span>{esc(n)}</span></a>'
                                 for n in networks)))
    comps.append(_comp(ids, "tags", main.place(40), "".join(
        f'<a class="button" href="/tag/{attr(slugify(t))}"><span>#{esc(t)}</span></a>'
        for t in page.tags())))
    heading, placeholder, empty = page.record("comments", list(page.stable("comments").choice(
        furniture.BUILDER_COMMENTS)))
    comps.append(_comp(ids, "comments", main.place(200),
                       _text_box(f'<h2 class="font_4">{esc(heading)}</h2>')
                       + f'<div class="comments-widget"><textarea placeholder="'
                       f'{attr(placeholder)}"></textarea><p class="font_9">{esc(placeholder)}'
                       f'</p><p class="font_9">{esc(empty)}</p></div>'))
    more_heading = page.pick("related", furniture.RELATED_HEADINGS)
    comps.append(_repeater(page, ids, "more", "related", more_heading, main.place(400),
                           page.stable("more-fmt").choice(("long_day", "numeric_day"))))
    if not early_latest:
        comps.append(_repeater(page, ids, "latest", "latest", latest_heading, side.place(620),
                               latest_fmt))
    cookie_text = page.record("cookie", list(furniture.BUILDER_COOKIE))
    cookie = (f'<div id="consent-banner" class="consent-banner is-hidden" role="dialog"><p>'
              f"{esc(cookie_text[0])}</p><button>{esc(cookie_text[1])}</button><button>"
              f"{esc(cookie_text[2])}</button></div>")
    height = max(main.top, side.top) + 200
    return head + "\n".join([
        '<body class="responsive">',
        f'<a class="skip-link" href="#PAGES_CONTAINER">{esc(skip)}</a>',
        '<div id="SITE_CONTAINER"><div id="main_MF"><div id="site-root">',
        _header(page, ids),
        f'<main id="PAGES_CONTAINER" tabindex="-1"><div id="SITE_PAGES"><div class="page" '
        f'style="position:relative;width:{WIDTH}px;height:{height}px">',
        "\n".join(c for c in comps if c),
        "</div></div></main>",
        _footer(page, ids),
        "</div></div></div>",
        cookie,
        '<script src="https://static.parastorage.com/services/thunderbolt/main.js" async>'
        "</script>",
        "</body>\n</html>\n",
    ])
