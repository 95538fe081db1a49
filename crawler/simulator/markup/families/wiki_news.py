"""A news wiki on MediaWiki (Wikinews-style: the Arabic Wikinews, or a newsroom's own wiki),
in the Vector 2022 skin or the legacy Vector skin (one per site): no byline, the date as the
first line of the text, sources and categories after it, and the wiki's chrome around it.

Head: ``generator`` MediaWiki, the title "<page> - <wiki name>", the ``RLCONF`` script (page
name, categories, revision ids), og tags as Wikimedia prints them, ``rel=license``; on
metadata-dated pages the JSON-LD ``Article`` Wikimedia adds (``datePublished`` and
``dateModified`` in UTC with ``Z``; the author is the organisation "المساهمون في مشاريع
ويكيميديا": no author).
Page: jump links, the header (wordmark, search "ابحث في ...", "إنشاء حساب" / "دخول"); Vector
2022 puts the main menu and the table of contents ("المحتويات": البداية, the intertitles,
"أخبار ذات صلة", "مصادر", numbered) in a column *before* the content, the legacy skin puts its
navigation (تصفح، أدوات، اطبع/صدّر، languages) *after* it and the table of contents inside the
text after the first paragraph (pages with three headings or more). The page title is
``<h1 id="firstHeading">`` (the plain page name; the display title now and then); "من <wiki>"
(siteSub), the tabs (خبر، نقاش، اقرأ، عدل، تاريخ).
Body (``div.mw-parser-output``): on dated pages the first line is the date, bold, with a
``value-title`` span holding the ISO day ("الخميس 14 نوفمبر 2024"); a floated share box on
some pages; the thumbnail (``figure`` / legacy ``div.thumb``) with its caption (not body);
``<p>``s with wiki links; the dateline, when shown, *runs in* at the start of the first
paragraph, bold, followed by " — " (the paragraph's text after it is the first body
paragraph; the dateline is not part of it); intertitles are section headings with an
"[عدل]" edit link beside or inside the heading (the heading text is body, the edit link is
not); a middle paragraph as a ``<blockquote>`` (body). After the text: "أخبار ذات صلة" (other
stories, with their dates on some sites) and "مصادر" (citations: a linked title, the outlet,
a date) as headed sections, an archive notice box on some pages; then the print footer
("مأخوذة من «URL»"), the categories (the section and, on dated pages, the day's category:
"14 نوفمبر 2024"), and the footer: "آخر تعديل لهذه الصفحة في 18 نوفمبر 2024، الساعة 10:21."
(the *last edit*, never the publication: days later on text-dated and undated pages), the
editors' credit naming wiki users (people who are no authors), the licence line, links.
Authors: none (a wiki signs no story); a dateline reporter is still an author.
Dates: metadata-dated pages give the JSON-LD instant; text-dated pages the date line's day;
undated pages show no date line (the last-edit footer and the sources still show dates).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc, inline, script_json
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.text import person_name, slugify

NAME = "wiki_news"
TRAITS = Traits(
    date_formats=("weekday_day", "weekday_comma_day", "long_day"),
    date_where=(0.45, 0.4, 0.15), meta_styles=("utc_z",),
    visible_with_meta=1.0,
    byline_forms=("none",),
    dateline_positions=("omitted", "body_lead", "body_lead"),
    display_title=0.15, image=0.6, caption=0.9,
)
RUN_IN = " — "


def _other_person(page: Page) -> str:
    taken = set(page.article.authors) | set(page.byline.names)
    while (name := person_name(page.rng)) in taken:
        pass
    return name


def _heading(page: Page, level: int, text: str, section: int, legacy: bool) -> str:
    """A section heading with its edit link (legacy: inside the heading)."""
    anchor = attr(slugify(text))
    edit_word = page.record("edit", [furniture.WIKI_EDIT])[0]
    edit = (f'<span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a '
            f'href="/w/index.php?title={anchor}&amp;action=edit&amp;section={section}" '
            f'title="عدل القسم: {attr(text)}"><span>{esc(edit_word)}</span></a><span '
            f'class="mw-editsection-bracket">]</span></span>')
    if legacy:
        return (f'<h{level}><span class="mw-headline" id="{anchor}">{esc(text)}</span>{edit}'
                f"</h{level}>")
    return (f'<div class="mw-heading mw-heading{level}"><h{level} id="{anchor}">{esc(text)}'
            f"</h{level}>{edit}</div>")


def _date_line(page: Page) -> str:
    if not page.date.visible or page.date.expected is None:
        return ""
    a = page.article
    if page.date.where == "text":
        day = page.date.expected[:10]
    else:
        fmt = page.layout.get("date_format", "long_day")
        day = dates.expected_visible(a.published, fmt, a.site)[0][:10]  # type: ignore[arg-type]
    return (f'<p><strong class="published"><span class="value-title" title="{day}"></span>'
            f"{esc(page.date.visible)}</strong></p>")


def _figure(page: Page, legacy: bool) -> str:
    image = page.image
    if image is None:
        return ""
    name = f"ملف:{slugify(page.article.title)[:40]}.jpg"
    if legacy:
        cap = esc(image.caption or "")
        return (f'<div class="thumb tleft"><div class="thumbinner" style="width:252px;"><a '
                f'href="/wiki/{attr(name)}" class="image"><img alt="" src="{attr(image.url)}" '
                f'decoding="async" width="250" height="141" class="thumbimage"></a><div '
                f'class="thumbcaption"><div class="magnify"><a href="/wiki/{attr(name)}" '
                f'class="internal" title="تكبير"></a></div>{cap}</div></div></div>')
    cap = f"<figcaption>{esc(image.caption)}</figcaption>" if image.caption else ""
    return (f'<figure class="mw-default-size mw-halign-left" typeof="mw:File/Thumb"><a '
            f'href="/wiki/{attr(name)}" class="mw-file-description"><img src="{attr(image.url)}"'
            f' decoding="async" width="250" height="141" class="mw-file-element"></a>{cap}'
            "</figure>")


def _sources(page: Page) -> list[str]:
    rng = page.rng
    items = []
    for link in page.links("sources", rng.randint(1, 3), "long_day"):
        outlet = page.record("sources", [furniture.other_outlet(rng)])[0]
        items.append(f'<li><span class="sourceTemplate">«<a rel="nofollow" class="external text"'
                     f' href="{attr(link.url)}">{esc(link.title)}</a>» — <i>{esc(outlet)}</i>، '
                     f"{esc(link.date or '')}</span></li>")
    return items


def _content(page: Page, legacy: bool) -> tuple[str, list[str]]:
    """The parser output and the table-of-contents entries (heading texts in order)."""
    rng = page.rng
    parts = body.shape(page, quote=0.2, subheads=0.35)
    blocks: list[str] = []
    headings: list[str] = []
    section = 0
    first = True
    for part in parts:
        text = part.texts[0]
        if part.kind == "subhead":
            section += 1
            headings.append(text)
            blocks.append(_heading(page, 2, text, section, legacy))
        elif part.kind == "quote":
            blocks.append(f"<blockquote><p>{esc(text)}</p></blockquote>")
        else:
            lead = ""
            if first and page.dateline:
                lead = f"<b>{esc(page.dateline.text)}</b>{RUN_IN}"
                page.layout["dateline_form"] = "run_in"
            blocks.append(f"<p>{lead}{inline(text, rng, 0.35, '/wiki/')}\n</p>")
            first = False
    related_heading = page.pick("related", furniture.WIKI_RELATED)
    with_dates = page.stable("related-dates").random() < 0.5
    related = "".join(
        f'<li><a href="{attr(link.url)}" title="{attr(link.title)}">{esc(link.title)}</a>'
        + (f" ({esc(link.date or '')})" if with_dates else "") + "</li>"
        for link in page.links("related", rng.randint(2, 4), "long_day" if with_dates else None))
    sources_heading = page.pick("sources", furniture.WIKI_SOURCES)
    tail = [_heading(page, 2, related_heading, section + 1, legacy), f"<ul>{related}</ul>",
            _heading(page, 2, sources_heading, section + 2, legacy),
            f'<ul>{"".join(_sources(page))}</ul>']
    headings += [related_heading, sources_heading]
    if rng.random() < 0.35:
        note = page.pick("archive", furniture.WIKI_ARCHIVED)
        tail.append(f'<table class="metadata plainlinks ambox ambox-notice"><tbody><tr><td '
                    f'class="mbox-text">{esc(note)}</td></tr></tbody></table>')
    head: list[str] = []
    if rng.random() < 0.4:
        label = page.pick("share", furniture.WIKI_SHARE)
        nets = page.record("share", rng.sample(furniture.SHARE_NETWORKS, 3))
        links = " ".join(f'<a class="external" href="#">{esc(n)}</a>' for n in nets)
        head.append(f'<div class="infobox sharebox" style="float:left; clear:left; width:150px;">'
                    f"<b>{esc(label)}</b><br>{links}</div>")
    date_line = _date_line(page)
    if date_line:
        head.append(date_line)
    figure = _figure(page, legacy)
    if figure:
        head.append(figure)
    toc = ""
    if legacy and len(headings) >= 3:
        toc = _legacy_toc(page, headings)
        # the legacy table of contents follows the first paragraph
        at = next((i for i, b in enumerate(blocks) if b.startswith("<p>")), 0) + 1
        blocks.insert(at, toc)
    html = "\n".join(head + blocks + tail)
    return (f'<div class="mw-content-rtl mw-parser-output" lang="ar" dir="rtl">\n{html}\n</div>',
            headings)


def _legacy_toc(page: Page, headings: list[str]) -> str:
    title = page.record("toc", [furniture.WIKI_TOC[0]])[0]
    items = []
    for n, text in enumerate(headings, 1):
        page.record("toc", [f"{n} {text}"])
        items.append(f'<li class="toclevel-1 tocsection-{n}"><a href="#{attr(slugify(text))}">'
                     f'<span class="tocnumber">{n}</span> <span class="toctext">{esc(text)}'
                     "</span></a></li>")
    return (f'<div id="toc" class="toc" role="navigation" aria-labelledby="mw-toc-heading">'
            f'<input type="checkbox" role="button" id="toctogglecheckbox" class="toctogglecheckbox"'
            f' style="display:none"><div class="toctitle" lang="ar" dir="rtl"><h2 '
            f'id="mw-toc-heading">{esc(title)}</h2></div><ul>{"".join(items)}</ul></div>')


def _vector_toc(page: Page, headings: list[str]) -> str:
    title, top = page.record("toc", list(furniture.WIKI_TOC))
    items = [f'<li id="toc-mw-content-text" class="vector-toc-list-item vector-toc-level-1"><a '
             f'class="vector-toc-link" href="#"><div class="vector-toc-text">{esc(top)}</div>'
             "</a></li>"]
    for n, text in enumerate(headings, 1):
        page.record("toc", [f"{n} {text}"])
        items.append(f'<li class="vector-toc-list-item vector-toc-level-1"><a class="vector-toc-'
                     f'link" href="#{attr(slugify(text))}"><div class="vector-toc-text"><span '
                     f'class="vector-toc-numb">{n}</span> <span>{esc(text)}</span></div></a></li>')
    return (f'<nav id="mw-panel-toc" aria-label="{attr(title)}" class="vector-toc-landmark"><div '
            'id="vector-toc" class="vector-toc vector-pinnable-element"><div class="vector-'
            'pinnable-header vector-toc-pinnable-header"><h2 class="vector-pinnable-header-label">'
            f'{esc(title)}</h2></div><ul class="vector-toc-contents" id="mw-panel-toc-list">'
            f'{"".join(items)}</ul></div></nav>')


def _portal(title: str, links: list[str], ident: str) -> str:
    items = "".join(f'<li class="mw-list-item"><a href="/wiki/{i}"><span>{esc(x)}</span></a></li>'
                    for i, x in enumerate(links))
    return (f'<nav id="p-{ident}" class="vector-menu mw-portlet"><div class="vector-menu-heading">'
            f'{esc(title)}</div><div class="vector-menu-content"><ul class="vector-menu-content-'
            f'list">{items}</ul></div></nav>')


def _last_edit(page: Page) -> datetime:
    a, rng = page.article, page.rng
    if page.date.where == "metadata" and page.date.modified_machine:
        return datetime.fromisoformat(page.date.modified_machine.replace("Z", "+00:00"))
    base = a.published or (page.today - timedelta(days=rng.randint(60, 300)))
    return base + timedelta(days=rng.randint(2, 40), minutes=rng.randrange(1440))


def render(page: Page) -> str:
    rng, a = page.rng, page.article
    legacy = page.stable("skin").random() < 0.5
    page.layout["skin"] = "vector_legacy" if legacy else "vector_2022"
    content, headings = _content(page, legacy)
    edited = _last_edit(page)
    categories = [page.section]
    if page.date.visible and page.date.expected:
        day = datetime.fromisoformat(page.date.expected[:10])
        categories.append(f"{day.day} {dates.GREGORIAN[day.month - 1]} {day.year}")
    categories += rng.sample(furniture.EXTRA_TAGS, rng.randint(1, 2))
    page.record("tags", categories)
    revision = rng.randint(10**5, 10**6)
    rlconf = {"wgBreakFrames": False, "wgSeparatorTransformTable": ["", ""],
              "wgDigitTransformTable": ["", ""], "wgDefaultDateFormat": "dmy",
              "wgRequestId": f"{rng.getrandbits(64):016x}", "wgCanonicalNamespace": "",
              "wgNamespaceNumber": 0, "wgPageName": slugify(a.title), "wgTitle": a.title,
              "wgCurRevisionId": revision, "wgRevisionId": revision,
              "wgArticleId": rng.randint(1000, 90000), "wgIsArticle": True,
              "wgCategories": categories, "wgPageContentLanguage": "ar",
              "wgPageContentModel": "wikitext", "wgRelevantPageName": slugify(a.title),
              "wgIsProbablyEditable": True}
    head = ('<!DOCTYPE html>\n<html class="client-nojs vector-feature-language-in-header-enabled" '
            'lang="ar" dir="rtl">\n<head>\n<meta charset="UTF-8">\n'
            f"<title>{esc(a.title)} - {esc(page.label)}</title>\n"
            '<script>(function(){var className="client-js";var cookie=document.cookie.match('
            '/(?:^|; )arwikinewsmwclientpreferences=([^;]+)/);'
            'document.documentElement.className=className;}());'
            f"RLCONF={script_json(rlconf)};RLSTATE={{\"site.styles\":\"ready\"}};"
            'RLPAGEMODULES=["site","mediawiki.page.ready","skins.vector.js"];</script>\n'
            '<link rel="stylesheet" href="/w/load.php?lang=ar&amp;modules=skins.vector.styles'
            '&amp;only=styles&amp;skin=vector-2022">\n'
            '<meta name="generator" content="MediaWiki 1.43.0-wmf.12">\n'
            '<meta name="referrer" content="origin-when-cross-origin">\n'
            f'<meta property="og:title" content="{attr(a.title)} - {attr(page.label)}">\n'
            '<meta property="og:type" content="website">\n'
            + (f'<meta property="og:image" content="{attr(page.image.url)}">\n'
               if page.image else "")
            + f'<link rel="edit" title="عدل" href="/w/index.php?title={attr(slugify(a.title))}'
            '&amp;action=edit">\n'
            '<link rel="license" href="https://creativecommons.org/licenses/by/2.5/">\n'
            f'<link rel="canonical" href="{attr(a.url)}">\n')
    if page.date.where == "metadata" and page.date.machine is not None:
        data = {"@context": "https://schema.org", "@type": "Article", "name": a.title,
                "url": a.url, "author": {"@type": "Organization",
                                         "name": "المساهمون في مشاريع ويكيميديا"},
                "publisher": {"@type": "Organization", "name": page.label},
                "datePublished": page.date.machine.value,
                "dateModified": f"{edited.astimezone(UTC):%Y-%m-%dT%H:%M:%S}Z",
                "headline": a.title}
        head += meta.ld_script(data)
    head += "</head>\n"

    jump = list(furniture.WIKI_JUMP) if legacy else [furniture.WIKI_JUMP[0]]
    page.record("menu", jump)
    search = page.pick("menu", (f"ابحث في {page.label}", "بحث"))
    personal = page.record("menu", list(furniture.WIKI_PERSONAL))
    menu_links = page.record("menu", list(furniture.WIKI_MENU[:rng.randint(5, 8)]))
    menu_title = page.pick("menu", ("تصفح", "القائمة الرئيسية"))
    tools = page.record("menu", list(furniture.WIKI_TOOLS))
    tools_title = page.pick("menu", ("أدوات", "الأدوات"))
    prints = page.record("menu", list(furniture.WIKI_PRINT))
    print_title = page.pick("menu", ("اطبع/صدّر", "طباعة وتصدير"))
    languages = page.record("menu", rng.sample(furniture.WIKI_LANGUAGES, rng.randint(2, 4)))
    tabs = page.record("menu", list(furniture.WIKI_TABS))
    tab_html = "".join(f'<li class="mw-list-item"><a href="#"><span>{esc(t)}</span></a></li>'
                       for t in tabs)
    site_sub = page.record("label", [f"من {page.label}"])[0]
    print_footer = page.record("footer", [f"مأخوذة من «{a.url}»"])[0]
    cat_label = page.pick("tags", ("تصنيفات", "تصنيف"))
    cats = "".join(f'<li><a href="/wiki/تصنيف:{attr(slugify(c))}">{esc(c)}</a></li>'
                   for c in categories)
    catlinks = (f'<div id="catlinks" class="catlinks" data-mw="interface"><div id="mw-normal-'
                f'catlinks" class="mw-normal-catlinks"><a href="/wiki/خاص:تصنيفات">'
                f"{esc(cat_label)}</a>: <ul>{cats}</ul></div></div>")
    lastmod = page.record("footer", [
        "آخر تعديل لهذه الصفحة في "
        + dates.visible(edited, "day_at_time", a.site, False, UTC) + "."])[0]
    credits = ""
    if page.stable("credits").random() < 0.6:
        credits = page.record("credits", [
            f"آخر من عدل هذه الصفحة {_other_person(page)}. بناء على عمل {_other_person(page)} "
            "وآخرين."])[0]
    licence = page.pick("footer", furniture.WIKI_LICENSE)
    places = page.record("footer", [f"حول {page.label}", *furniture.WIKI_FOOTER_LINKS])
    footer = ('<footer id="footer" class="mw-footer" role="contentinfo"><ul id="footer-info">'
              f'<li id="footer-info-lastmod">{esc(lastmod)}</li>'
              + (f'<li id="footer-info-credits">{esc(credits)}</li>' if credits else "")
              + f'<li id="footer-info-copyright">{esc(licence)}</li></ul><ul id="footer-places">'
              + "".join(f'<li><a href="/wiki/p{i}">{esc(x)}</a></li>' for i, x in enumerate(places))
              + "</ul></footer>")
    title_h1 = (f'<h1 id="firstHeading" class="firstHeading mw-first-heading"><span '
                f'class="mw-page-title-main">{esc(page.headline)}</span></h1>')
    body_content = ('<div id="bodyContent" class="vector-body" aria-labelledby="firstHeading">'
                    f'<div id="siteSub" class="noprint">{esc(site_sub)}</div><div '
                    'id="contentSub"><div id="mw-content-subtitle"></div></div>'
                    f'<div id="mw-content-text" class="mw-body-content">{content}'
                    '<noscript><img src="/wiki/Special:CentralAutoLogin/start?type=1x1" alt="" '
                    'width="1" height="1" style="border: none; position: absolute;"></noscript>'
                    f'<div class="printfooter" data-nosnippet="">{esc(print_footer)}</div></div>'
                    f"{catlinks}</div>")
    search_form = (f'<form action="/w/index.php" id="searchform"><input type="search" '
                   f'name="search" placeholder="{attr(search)}" id="searchInput"><button '
                   f'type="submit">{esc(search)}</button></form>')
    user_links = "".join(f'<li class="mw-list-item"><a href="#"><span>{esc(x)}</span></a></li>'
                         for x in personal)
    if legacy:
        page_html = "\n".join([
            '<div id="mw-page-base" class="noprint"></div><div id="mw-head-base" '
            'class="noprint"></div>',
            '<div id="content" class="mw-body" role="main"><a id="top"></a><div id="siteNotice">'
            "</div>",
            '<div class="mw-indicators"></div>',
            title_h1,
            f'<a class="mw-jump-link" href="#mw-head">{esc(jump[0])}</a> <a class="mw-jump-link" '
            f'href="#searchInput">{esc(jump[1])}</a>',
            body_content,
            "</div>",
            '<div id="mw-navigation"><div id="mw-head"><nav id="p-personal"><ul>'
            f'{user_links}</ul></nav><div id="left-navigation"><ul>{tab_html}</ul></div>'
            f'<div id="p-search">{search_form}</div></div>',
            '<div id="mw-panel" class="vector-legacy-sidebar"><div id="p-logo" role="banner"><a '
            'class="mw-wiki-logo" href="/"></a></div>',
            _portal(menu_title, menu_links, "navigation"),
            _portal(tools_title, tools, "tb"),
            _portal(print_title, prints, "coll-print_export"),
            _portal(page.pick("menu", ("بلغات أخرى", "لغات")), languages, "lang"),
            "</div></div>",
            footer,
        ])
    else:
        page_html = "\n".join([
            f'<a class="mw-jump-link" href="#bodyContent">{esc(jump[0])}</a>',
            '<div class="vector-header-container"><header class="vector-header mw-header">'
            f'<a href="/" class="mw-logo"><span class="mw-logo-wordmark">{esc(page.label)}'
            f'</span></a><div id="p-search" class="vector-search-box">{search_form}</div><nav '
            f'class="vector-user-links"><ul>{user_links}</ul></nav></header></div>',
            '<div class="mw-page-container"><div class="mw-page-container-inner">',
            '<div class="vector-column-start"><div class="vector-main-menu-container"><div '
            'id="mw-navigation"><nav id="mw-panel" class="vector-main-menu-landmark">',
            _portal(menu_title, menu_links, "navigation"),
            "</nav></div></div>",
            _vector_toc(page, headings),
            "</div>",
            '<div class="mw-content-container"><main id="content" class="mw-body">',
            f'<header class="mw-body-header vector-page-titlebar">{title_h1}</header>',
            f'<div class="vector-page-toolbar"><nav class="vector-menu-tabs"><ul>{tab_html}'
            "</ul></nav></div>",
            body_content,
            "</main></div>",
            '<div class="vector-column-end"><nav class="vector-page-tools-landmark">',
            _portal(tools_title, tools, "tb"),
            _portal(print_title, prints, "coll-print_export"),
            "</nav></div>",
            f'<div class="mw-footer-container">{footer}</div>',
            "</div></div>",
        ])
        page.record("menu", languages)  # the language button's list, kept hidden in the header
        page_html = page_html.replace(
            '<nav class="vector-user-links">',
            '<div class="vector-dropdown mw-portlet-lang"><ul>' + "".join(
                f'<li class="interlanguage-link"><a href="#" lang="x">{esc(x)}</a></li>'
                for x in languages) + '</ul></div><nav class="vector-user-links">', 1)
    return (head + '<body class="skin-vector mediawiki rtl sitedir-rtl mw-hide-empty-elt ns-0 '
            'action-view">\n' + page_html + "\n</body>\n</html>\n")
