"""Rendering: article and AMP pages, listings, RSS/Atom feeds, sitemaps, robots.txt, error pages.

Pure functions from the content model to text. The markup is invented (the live HTML is
unknown); the rendered-text order follows site-facts.md "Page layout as rendered text".
Every link is an absolute real URL (https://www.{domain}/...), never the loopback address.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import format_datetime
from html import escape
from urllib.parse import quote

from crawler.network.urls import encode_path
from crawler.simulator import text
from crawler.simulator.model import REFERENCE, SimArticle, local_offset
from crawler.simulator.profiles import FeedSpec, SiteProfile

COMMENT_FORM_LABELS: tuple[str, ...] = (
    "الإسم *", "البريد الألكتروني *", "عنوان التعليق *", "تعليق *", ": Characters Left",
    "إلزامي *", "شروط الاستخدام",
    "شروط النشر: يمنع نشر أي تعليق يتضمن إساءة أو تحريضا أو خروجا عن موضوع المقال.",
    "اُوافق على شروط الأستخدام", "Security Code*",
)
FOOTER_LINES: tuple[str, ...] = (
    "Maintained and developed by Arabs Today Group SAL",
    "جميع الحقوق محفوظة لمجموعة العرب اليوم الاعلامية 2023 ©",
)
ADDRESS_LINE = "شارع الحمرا - بناية الأمل _ الطابق الثالث _بيروت - لبنان"
TICKER_END = "أخر الأخبار"
MAY_INTEREST = "قد يهمك ايضا:"
NOT_FOUND_TEXT = "الصفحة غير موجودة"


@dataclass(frozen=True)
class LinkEntry:
    """One link in a listing, feed or sitemap."""

    url: str
    title: str
    published: datetime | None
    category: str = ""
    guid: str = ""


def _abs(profile: SiteProfile, path: str, raw: bool = False) -> str:
    return profile.site.base_url + (path if raw else encode_path(path))


def _visible_date(moment: datetime, eastern: bool) -> str:
    return text.related_date(moment, eastern)


# --------------------------------------------------------------------------- page chrome


def _clock(article: SimArticle) -> str:
    look = article.look
    t = look.clock_time
    if look.clock_form == 0:
        return f'<div class="top-clock">آخر تحديث GMT {t}</div>'
    if look.clock_form == 1:
        return f'<div class="top-clock">آخر تحديث GMT{t}</div>'
    if look.clock_form == 2:
        return (f'<div class="top-clock"><span>آخر تحديث {t} بتوقيت أبوظبي</span>'
                f'<span class="today">{text.long_date(look.clock_date)}</span></div>')
    return f'<div class="top-clock">توقيت القاهرة المحلي {t} آخر تحديث</div>'


def _nav(profile: SiteProfile) -> str:
    links = [f'<li><a href="{profile.site.base_url}/">الرئيسية</a></li>']
    links += [f'<li><a href="{_abs(profile, f"/{s.id}")}">{escape(s.name)}</a></li>'
              for s in profile.sections]
    links += [f'<li><a href="{_abs(profile, f"/w-{w.id}")}">{escape(w.name)}</a></li>'
              for w in profile.writers]
    return f'<nav class="main-menu"><ul>{"".join(links)}</ul></nav>'


def _footer(label_profile: SiteProfile) -> str:
    lines = "".join(f"<p>{escape(line)}</p>" for line in FOOTER_LINES)
    brand = label_profile.site.logo_alt
    return (f'<footer class="site-footer">{lines}</footer>'
            f'<div class="mobile-footer">{lines}</div>'
            f'<div class="brand-strip">{" ".join([brand.capitalize()] * 4)}</div>'
            f'<div class="brand-strip small">{" ".join([brand] * 3)}</div>'
            f'<address class="company-address">{escape(ADDRESS_LINE)}</address>')


def _head(title: str, charset: str, extra: str = "") -> str:
    return (f'<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="{charset}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n{extra}</head>\n")


# --------------------------------------------------------------------------- article pages


def _iso(moment: datetime, offset_hours: int = 0) -> str:
    return moment.astimezone(local_offset(offset_hours)).isoformat()


def _metadata(article: SimArticle, profile: SiteProfile, label_profile: SiteProfile) -> str:
    url = article.canonical_url
    parts = [
        f'<meta name="description" content="{escape(article.title)}">',
        f'<meta name="keywords" content="{escape(", ".join(article.tags))}">',
        f'<meta property="og:title" content="{escape(article.title)}">',
        f'<meta property="og:url" content="{url}">',
        f'<meta property="og:site_name" content="{escape(label_profile.site.label)}">',
    ]
    if article.look.canonical_link or article.special == "seed_like":
        parts.append(f'<link rel="canonical" href="{url}">')
    parts.append(f'<link rel="amphtml" href="{_abs(profile, "/amp" + article.path)}">')
    if article.image_url:
        parts.append(f'<meta property="og:image" content="{article.image_url}">')
    published = article.published_at
    if article.date_source == "meta" and published:
        parts += [
            '<meta property="og:type" content="article">',
            f'<meta property="article:published_time" content="{_iso(published)}">',
            f'<meta property="article:modified_time" '
            f'content="{_iso(published + timedelta(minutes=45))}">',
            f'<meta property="article:section" content="{escape(article.section)}">',
        ]
        parts += [f'<meta property="article:tag" content="{escape(tag)}">'
                  for tag in article.tags]
    elif article.date_source == "json-ld" and published:
        offset = article.look.json_ld_offset_hours
        author: object = ([{"@type": "Person", "name": name} for name in article.authors]
                          or {"@type": "Organization", "name": label_profile.site.label})
        data = {
            "@context": "https://schema.org", "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "headline": article.title,
            "datePublished": _iso(published, offset),
            "dateModified": _iso(published + timedelta(hours=1), offset),
            "author": author,
            "articleSection": article.section,
            "keywords": ", ".join(article.tags),
            "publisher": {"@type": "Organization", "name": label_profile.site.label},
        }
        if article.image_url:
            data["image"] = {"@type": "ImageObject", "url": article.image_url}
        parts.append('<script type="application/ld+json">'
                     f"{json.dumps(data, ensure_ascii=False, indent=1)}</script>")
    return "\n".join(parts) + "\n"


def _author_line(article: SimArticle, css: str = "writer-name") -> str:
    name = escape(article.authors[0]) if article.authors else ""
    form = article.look.author_line_form
    lines = {
        0: f"بقلم : {name}", 1: f"بقلم - {name}", 2: f"بقلم:{name}", 3: f"بقلم {name}",
        4: f"بقلم -{name}", 5: name,
    }
    if form in lines:
        return f'<div class="{css}">{lines[form]}</div>'
    return f'<div class="{css}">{name}</div><div class="writer-by">بقلم - {name}</div>'


def _own_date(article: SimArticle, css: str = "post-date") -> str:
    published = article.published_at
    if not published or article.date_source not in {"time", "text"}:
        return ""
    visible = _visible_date(published, article.look.eastern_digits)
    if article.date_source == "time":
        return f'<time class="{css}" datetime="{_iso(published)}">{visible}</time>'
    return f'<div class="{css}">{visible}</div>'


def _core_blocks(article: SimArticle, label: str) -> list[str]:
    """Display title to body, in the main template: semantic tags and <p> paragraphs."""
    title = escape(article.title)
    display = f'<h2 class="display-title">{escape(article.display_title)}</h2>'
    blocks = ['<main class="content"><article class="article">', display,
              display if article.look.display_twice else "",
              f'<div class="label-line"> {label} -</div>']
    if article.kind == "opinion":
        blocks += [f'<h1 class="article-title">{title}</h1>', _author_line(article)]
    else:
        blocks += [
            f'<h1 class="article-title"> {label} - {title}</h1>',
            f'<figure class="article-image"><img src="{article.image_url}" '
            f'alt="{escape(article.image_caption or "")}">'
            f"<figcaption>{escape(article.image_caption or '')}</figcaption></figure>",
            f'<div class="dateline">{escape(article.dateline or "")}</div>',
        ]
    blocks.append(_own_date(article))
    blocks.append('<div class="article-body">'
                  + "".join(f"<p>{escape(p)}</p>" for p in article.paragraphs) + "</div>")
    return blocks


def _core_blocks_table(article: SimArticle, label: str) -> list[str]:
    """The same blocks in an older table layout: no semantic tags, body split by <br><br>."""
    title = escape(article.title)
    display = f'<div class="newsTitleBig">{escape(article.display_title)}</div>'
    blocks = ['<table class="layout" width="100%"><tr><td class="mainCol" valign="top">',
              display, display if article.look.display_twice else "",
              f'<div class="siteName"> {label} -</div>']
    if article.kind == "opinion":
        blocks += [f'<div class="newsTitle">{title}</div>',
                   _author_line(article, "writer")]
    else:
        blocks += [
            f'<div class="newsTitle"> {label} - {title}</div>',
            f'<div class="newsImg"><img src="{article.image_url}" alt=""></div>',
            f'<div class="imgCaption">{escape(article.image_caption or "")}</div>',
            f'<div class="newsPlace">{escape(article.dateline or "")}</div>',
        ]
    blocks.append(_own_date(article, "newsDate"))
    blocks.append('<div id="newsBody" class="newsText">'
                  + "<br><br>\n".join(escape(p) for p in article.paragraphs) + "</div>")
    return blocks


def _related(article: SimArticle, profile: SiteProfile) -> str:
    items = []
    for item in article.look.related:
        title = (f'<a href="{item.url}">{escape(item.title)}</a>' if item.url
                 else f"<span>{escape(item.title)}</span>")
        items.append(f'<li class="related-item"><h4>{title}</h4>'
                     f'<span class="related-location">{escape(item.location)}</span>'
                     f'<span class="related-date">'
                     f'{_visible_date(item.moment, article.look.eastern_digits)}</span></li>')
    partner = ('<div class="partners"><a href="https://www.syria-24.com/">syria-24</a></div>'
               if profile.key == "arabstoday" else "")
    return f'<section class="related-news"><ul>{"".join(items)}</ul></section>{partner}'


def _comment_form() -> str:
    labels = "".join(f"<label>{escape(label)}</label>" for label in COMMENT_FORM_LABELS)
    return f'<form class="comment-form" action="/comment" method="post">{labels}</form>'


def _share_bar(article: SimArticle) -> str:
    url = quote(article.canonical_url, safe="")
    return ('<div class="share-bar">'
            f'<a href="https://www.facebook.com/sharer.php?u={url}">فيسبوك</a>'
            f'<a href="https://twitter.com/intent/tweet?url={url}">تويتر</a>'
            f'<a href="whatsapp://send?text={url}">واتساب</a></div>')


def article_html(article: SimArticle, profile: SiteProfile, label_profile: SiteProfile) -> str:
    """The full article page (news or opinion) as the CMS would serve it."""
    look = article.look
    label = escape(label_profile.site.label)
    title = escape(article.title)
    table = profile.template == "table"
    logo = (f'<img class="logo" src="https://img.{label_profile.site.domain}/logo.png" '
            f'alt="{label_profile.site.logo_alt}">')
    head = _head(article.title, article.encoding, _metadata(article, profile, label_profile))
    blocks = [
        f'<body class="{article.kind}-page">',
        f'<header class="site-header"><div class="page-title">{title}</div>',
        _clock(article),
        f'<div class="site-label"><a href="{profile.site.base_url}/"> {label} -</a></div>',
        _nav(profile),
        f'<div class="breaking-ticker"><div class="ticker-items">'
        f'{" ".join(escape(h) for h in look.ticker)}</div>'
        f'<span class="ticker-title">{TICKER_END}</span></div></header>',
    ]
    blocks += _core_blocks_table(article, label) if table else _core_blocks(article, label)
    if article.kind == "news":
        blocks.append(f'<div class="may-interest"><strong>{MAY_INTEREST}</strong><ul>'
                      + "".join(f"<li>{escape(h)}</li>" for h in look.may_interest)
                      + "</ul></div>")
    blocks += [
        _share_bar(article), "</td></tr></table>" if table else "</article>",
        f'<div class="logos">{logo}{logo}</div>', _comment_form(),
        f'<div class="title-repeat">{title} {title}</div>',
        _related(article, profile), "" if table else "</main>", _footer(label_profile),
        "</body>\n</html>\n",
    ]
    return head + "\n".join(block for block in blocks if block)


def amp_html(article: SimArticle) -> str:
    """The AMP page: dateline (news) and body only, with rel=canonical."""
    extra = (f'<link rel="canonical" href="{article.canonical_url}">\n'
             '<script async src="https://cdn.ampproject.org/v0.js"></script>\n'
             "<style amp-boilerplate>body{visibility:hidden}</style>\n")
    head = _head(article.title, article.encoding, extra).replace("<html ", "<html amp ", 1)
    dateline = (f'<div class="amp-dateline">{escape(article.dateline)}</div>'
                if article.dateline else "")
    body = "".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)
    return f'{head}<body>{dateline}<div class="amp-body">{body}</div></body>\n</html>\n'


# --------------------------------------------------------------------------- listings


def listing_html(profile: SiteProfile, heading: str, entries: Sequence[LinkEntry],
                 page_url: str, next_url: str | None, prev_url: str | None,
                 feeds: Sequence[str] = ()) -> str:
    """A listing page (home, section, writer) with rel=next pagination."""
    extra = [f'<link rel="canonical" href="{page_url}">']
    if next_url:
        extra.append(f'<link rel="next" href="{next_url}">')
    if prev_url:
        extra.append(f'<link rel="prev" href="{prev_url}">')
    extra += [f'<link rel="alternate" type="application/rss+xml" href="{feed}">'
              for feed in feeds]
    head = _head(f"{heading} - {profile.site.label}", "utf-8", "\n".join(extra) + "\n")
    items = []
    for entry in entries:
        date = (f'<span class="date">{_visible_date(entry.published, False)}</span>'
                if entry.published else "")
        items.append(f'<li class="news-item"><a href="{entry.url}">{escape(entry.title)}</a>'
                     f"{date}</li>")
    if not items:
        items.append('<li class="empty">لا توجد مواضيع</li>')
    pager = []
    if prev_url:
        pager.append(f'<a rel="prev" href="{prev_url}">السابق</a>')
    if next_url:
        pager.append(f'<a rel="next" href="{next_url}">التالي</a>')
    label = escape(profile.site.label)
    return (head + f'<body class="listing"><header class="site-header">'
            f'<div class="site-label"><a href="{profile.site.base_url}/"> {label} -</a></div>'
            f"{_nav(profile)}</header>\n<main><h1>{escape(heading)}</h1>"
            f'<ul class="news-list">{"".join(items)}</ul>'
            f'<div class="pagination">{" ".join(pager)}</div></main>'
            f"{_footer(profile)}</body>\n</html>\n")


# --------------------------------------------------------------------------- feeds


def _rss_item(entry: LinkEntry) -> str:
    date = f"<pubDate>{format_datetime(entry.published)}</pubDate>" if entry.published else ""
    return (f"<item><title>{escape(entry.title)}</title><link>{escape(entry.url)}</link>"
            f"<description>{escape(entry.title)}</description>{date}"
            f"<category>{escape(entry.category)}</category>"
            f'<guid isPermaLink="false">{escape(entry.guid)}</guid></item>')


def rss_xml(profile: SiteProfile, feed: FeedSpec, entries: Sequence[LinkEntry]) -> str:
    """RSS 2.0; a ``truncated`` feed stops inside its last item, without closing tags."""
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0">\n<channel>\n'
            f"<title>{escape(profile.site.label)}</title>\n"
            f"<link>{profile.site.base_url}/</link>\n"
            f"<description>{escape(profile.site.label)} - آخر الأخبار</description>\n"
            f"<language>ar</language>\n"
            f"<lastBuildDate>{format_datetime(REFERENCE)}</lastBuildDate>\n")
    items = [_rss_item(entry) for entry in entries]
    if feed.format != "truncated":
        return head + "\n".join(items) + "\n</channel>\n</rss>\n"
    if not items:
        return head
    last = items[-1]
    cut = last.index("<description>") + len("<description>") + 6
    return head + "\n".join([*items[:-1], last[:cut]])


def atom_xml(profile: SiteProfile, feed: FeedSpec, entries: Sequence[LinkEntry]) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">',
           f"<title>{escape(profile.site.label)}</title>",
           f'<link rel="self" href="{_abs(profile, feed.path)}"/>',
           f'<link rel="alternate" href="{profile.site.base_url}/"/>',
           f"<id>{profile.site.base_url}/</id>", f"<updated>{REFERENCE.isoformat()}</updated>"]
    for entry in entries:
        date = (f"<published>{entry.published.isoformat()}</published>"
                f"<updated>{entry.published.isoformat()}</updated>" if entry.published else "")
        out.append(f"<entry><title>{escape(entry.title)}</title>"
                   f'<link rel="alternate" href="{escape(entry.url)}"/>'
                   f"<id>{escape(entry.guid)}</id>{date}"
                   f'<category term="{escape(entry.category)}"/>'
                   f"<summary>{escape(entry.title)}</summary></entry>")
    out.append("</feed>\n")
    return "\n".join(out)


# --------------------------------------------------------------------------- sitemaps, robots

_SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
_NEWS_NS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'


def sitemap_index_xml(children: Sequence[tuple[str, datetime]]) -> str:
    rows = "".join(f"<sitemap><loc>{escape(url)}</loc><lastmod>{moment.isoformat()}</lastmod>"
                   f"</sitemap>\n" for url, moment in children)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex {_SITEMAP_NS}>\n{rows}' \
           "</sitemapindex>\n"


def urlset_xml(entries: Sequence[LinkEntry]) -> str:
    rows = []
    for entry in entries:
        lastmod = f"<lastmod>{entry.published.isoformat()}</lastmod>" if entry.published else ""
        rows.append(f"<url><loc>{escape(entry.url)}</loc>{lastmod}</url>\n")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {_SITEMAP_NS}>\n{"".join(rows)}'
            "</urlset>\n")


def news_sitemap_xml(profile: SiteProfile, entries: Sequence[LinkEntry]) -> str:
    rows = []
    for entry in entries:
        date = (f"<news:publication_date>{entry.published.isoformat()}"
                "</news:publication_date>" if entry.published else "")
        rows.append(f"<url><loc>{escape(entry.url)}</loc><news:news><news:publication>"
                    f"<news:name>{escape(profile.site.label)}</news:name>"
                    f"<news:language>ar</news:language></news:publication>{date}"
                    f"<news:title>{escape(entry.title)}</news:title></news:news></url>\n")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {_SITEMAP_NS} {_NEWS_NS}>\n'
            f'{"".join(rows)}</urlset>\n')


def robots_txt(profile: SiteProfile) -> str:
    lines = ["User-agent: *", "Disallow: /search", "Disallow: /comment", "Allow: /", ""]
    if profile.sitemap_in_robots:
        lines.append(f"Sitemap: {profile.site.base_url}/sitemap.xml")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- error pages


def not_found_html(profile: SiteProfile | None) -> str:
    label = escape(profile.site.label) if profile else ""
    return (_head(f"404 - {NOT_FOUND_TEXT}", "utf-8")
            + f'<body class="error-404"><div class="site-label"> {label} -</div>'
            f"<h1>404</h1><p>{NOT_FOUND_TEXT}</p>"
            "<p>عذرا، الرابط الذي طلبته غير متوفر أو تم نقله.</p></body>\n</html>\n")


def non_feed_html(profile: SiteProfile) -> str:
    """What a broken feed path returns: an ordinary HTML page, not XML."""
    return (_head(profile.site.label, "utf-8")
            + f'<body class="home"><div class="site-label"> {escape(profile.site.label)} -'
            f"</div>{_nav(profile)}<p>الخدمة غير متاحة حاليا، يرجى المحاولة لاحقا.</p>"
            f"{_footer(profile)}</body>\n</html>\n")


PDF_BYTES = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
             b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
             b"trailer << /Root 1 0 R >>\n%%EOF\n")
GIF_BYTES = (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00"
             b"\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
