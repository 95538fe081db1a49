"""A custom PHP portal of the kind common in Egypt and the Levant: camelCase ids and classes,
"كتب" bylines, 12-hour dates with ص/م, relative times in lists, Facebook comments.

Head: og tags, ``article:published_time`` with a colonless offset (PHP's DATE_ISO8601) on
metadata-dated pages; an inline script with the news id and title.
Page: a top bar (today's date, weather), the main menu, a breaking-news slider (عاجل);
``#newsStory``: section link, ``<h1>``, ``div.writeBy`` ("كتب" and an author link, sometimes
two authors joined by و), ``span.newsDate``, image with ``span.imgDesc``, ``#articleBody`` of
``<p style="text-align: justify;">`` paragraphs with an in-read ad and a "read also" box holding
several links between them; the dateline is rare (bold first paragraph).
After the body: the writer line when it goes after, tags (الكلمات الدالة), "more from the
section" with relative times (منذ 3 ساعات), a most-read / most-commented tab box with dates,
the Facebook comments heading and plugin, footer links and copyright.
"""

from __future__ import annotations

from crawler.simulator.markup import furniture, meta
from crawler.simulator.markup.kit import attr, esc, inline, script_json, weave
from crawler.simulator.markup.page import Page, Traits

NAME = "custom_php"
TRAITS = Traits(
    date_formats=("weekday_comma_ampm", "weekday_comma_ampm", "numeric_time", "weekday_day"),
    date_where=(0.35, 0.4, 0.25), meta_styles=("site",), meta_colonless=0.7,
    modified_shown=0.3,
    visible_with_meta=0.9,
    byline_forms=("kataba", "kataba", "bare", "meta_only"),
    byline_prefixes={"kataba": ("كتب ", "كتب - ", "كتبت ")},
    byline_positions=("before", "before", "after"),
    two_authors=0.15,
    dateline_positions=("omitted", "omitted", "body_lead"),
)


def _write_by(page: Page) -> str:
    names = " و".join(f'<a href="/writer/{i + 1}">{esc(n)}</a>'
                      for i, n in enumerate(page.byline.names))
    return f'<div class="writeBy">{esc(page.byline.prefix)}{names}</div>'


def render(page: Page) -> str:
    rng, a = page.rng, page.article
    news_id = rng.randint(10**6, 10**7)
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(a.title)} - {esc(page.label)}</title>\n"
            f'<meta name="description" content="{attr(meta.description(page))}">\n'
            + meta.open_graph(page) + meta.article_times(page)
            + (meta.meta_authors(page) if page.byline.in_metadata or rng.random() < 0.3 else "")
            + f"<script>var newsId = {news_id}; var newsTitle = {script_json(a.title)}; "
              "var isMobile = false;</script>\n</head>\n")
    today = page.today_line("weekday_day")
    weather = page.record("widgets", furniture.weather(rng)[:1])[0]
    menu = "".join(f'<li><a href="/Section/{i}">{esc(m)}</a></li>'
                   for i, m in enumerate(page.menu()))
    bn_label = page.pick("ticker", furniture.BREAKING_LABELS)
    breaking = "".join(f'<div class="bnItem"><a href="{attr(link.url)}">{esc(link.title)}</a>'
                       "</div>" for link in page.links("ticker", rng.randint(3, 6)))
    header = []
    if page.byline.visible and page.byline.position == "before":
        header.append(_write_by(page))
    if page.date.visible:
        header.append(f'<span class="newsDate">{esc(page.date.visible)}</span>')
    if page.date.modified_visible:
        header.append(f'<span class="updateDate">{esc(page.date.modified_visible)}</span>')
    img = ""
    if page.image:
        desc = (f'<span class="imgDesc">{esc(page.image.caption)}</span>'
                if page.image.caption else "")
        img = (f'<div class="img-cont"><img src="{attr(page.image.url)}" alt="" '
               f'class="img-responsive">{desc}</div>')
    paragraphs = [f'<p style="text-align: justify;">{inline(p, rng, 0.2, "/Tags/")}</p>'
                  for p in page.paragraphs]
    extras = ['<div class="inread"><div id="ad-inread" data-ad="inread"></div></div>']
    if rng.random() < 0.75:
        label = page.pick("read_also", furniture.READ_ALSO)
        items = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                        for link in page.links("read_also", rng.randint(2, 3)))
        extras.append(f'<div class="relatedInside"><span class="riTitle">{esc(label)}</span>'
                      f"<ul>{items}</ul></div>")
    paragraphs = weave(paragraphs, extras, rng)
    if page.dateline:
        paragraphs.insert(0, f"<p><strong>{esc(page.dateline.text)}</strong></p>")
    after = (_write_by(page)
             if page.byline.visible and page.byline.position == "after" else "")
    tags_title = page.pick("tags", ("الكلمات الدالة", "كلمات البحث", "الكلمات المفتاحية"))
    tags = "".join(f'<a href="/Tags/{i}">{esc(t)}</a>' for i, t in enumerate(page.tags()))
    more_title = page.record("latest", [f"المزيد من {page.section}"])[0]
    more = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a><span class="time">'
                   f'{esc(link.date or "")}</span></li>'
                   for link in page.links("latest", rng.randint(3, 5), relative=True))
    tab_a, tab_b = page.record("most_read", ["الأكثر قراءة", "الأكثر تعليقا"])
    fmt = rng.choice(("weekday_comma_ampm", "numeric_day"))
    tab_items = "".join(f'<li><span class="num">{i + 1}</span><a href="{attr(link.url)}">'
                        f'{esc(link.title)}</a><span class="date">{esc(link.date or "")}</span>'
                        "</li>" for i, link in enumerate(page.links("most_read", 5, fmt)))
    comments_title = page.pick("comments", furniture.COMMENT_HEADINGS)
    footer = page.footer()
    links = " | ".join(f'<a href="/Page/{i}">{esc(x)}</a>'
                       for i, x in enumerate(page.utility_links()))
    share = "".join(f'<a class="shareBtn" href="#">{esc(s)}</a>' for s in page.share())
    return head + "\n".join([
        "<body>",
        '<div id="fb-root"></div>',
        '<div id="wrapper">',
        f'<div class="topBar"><span class="todayDate">{esc(today)}</span> '
        f'<span class="weather">{esc(weather)}</span></div>',
        '<div id="header"><a href="/" id="logo"><img src="/images/logo.png" '
        f'alt="{attr(page.label)}"></a></div>',
        f'<div class="mainMenu"><ul>{menu}</ul></div>',
        f'<div class="breakingNews"><span class="bnTitle">{esc(bn_label)}</span>'
        f'<div class="bnSlider">{breaking}</div></div>',
        '<div class="container"><div class="rightSide">',
        f'<div id="newsStory" class="articleCont" data-id="{news_id}">',
        '<div class="articleHeader">',
        f'<div class="sectionName"><a href="/Section/1">{esc(page.section)}</a></div>',
        f"<h1>{esc(page.headline)}</h1>",
        "".join(header),
        "</div>",
        f'<div class="shareBox">{share}</div>',
        img,
        '<div id="articleBody" class="articleBody">',
        "\n".join(paragraphs),
        "</div>",
        after,
        f'<div class="tagsCont"><span>{esc(tags_title)}</span>{tags}</div>',
        "</div>",
        f'<div class="moreNews"><div class="title">{esc(more_title)}</div><ul>{more}</ul></div>',
        f'<div class="commentsBox"><div class="title">{esc(comments_title)}</div>'
        f'<div class="fb-comments" data-href="{attr(a.url)}" data-numposts="5" '
        'data-width="100%"></div></div>',
        "</div>",
        f'<div class="leftSide"><div class="tabs"><ul class="tabsNav"><li class="active">'
        f"{esc(tab_a)}</li><li>{esc(tab_b)}</li></ul><div class=\"tabCont\"><ul>{tab_items}"
        "</ul></div></div></div>",
        "</div>",
        f'<div id="footer"><div class="footerLinks">{links}</div><div class="copyRights">'
        f"{esc(footer[0])}<br>{esc(footer[1])}</div></div>",
        "</div>",
        '<script async defer crossorigin="anonymous" '
        'src="https://connect.facebook.net/ar_AR/sdk.js#xfbml=1&amp;version=v18.0"></script>',
        "</body>\n</html>\n",
    ])
