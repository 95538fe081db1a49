"""A classic, older WordPress theme: the sidebar comes first in the source, the site name is
the page's ``<h1>``, the post title an ``<h2>`` link, reader comments are ``<p>``s.

Head: generator meta, ``article:published_time`` (an SEO plugin) on metadata-dated pages,
``<meta name="author">`` when the byline is in metadata only; no JSON-LD.
Page: ``#header`` with ``<h1 id="logo">`` (the site name) and a description; ``#sidebar``
*before* ``#content``: latest posts with ``post-date`` spans, most-read, a month archive list
and a calendar whose caption is a month and year, a tag cloud; then ``.post``: ``<h2
class="posttitle"><a rel="bookmark">``, ``p.postmeta`` (date, "بقلم X" or the name, comment
count), ``.entry`` with the body as ``<div>``s (some ``<div><br></div>`` and ``&nbsp;``
spacers, ``<span style>`` soup) and the dateline as a bold first ``<div>``, the author
signature "الكاتب: X" when the byline goes after the body, ``p.tags``.
Comments: ``<h3 id="comments">N تعليقات على "title"</h3>``, an ``<ol class="commentlist">``
of reader comments (name, "قال:", date, the comment in a ``<p>``), the respond form; footer.
"""

from __future__ import annotations

from datetime import timedelta

from crawler.simulator.markup import dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc, html_comment
from crawler.simulator.markup.page import Page, Traits

NAME = "wp_sidebar_first"
TRAITS = Traits(
    date_formats=("wp_day", "long_day", "weekday_day", "numeric_day", "weekday_comma_ampm"),
    date_where=(0.3, 0.45, 0.25), visible_with_meta=0.9, eastern_digits=0.1,
    byline_forms=("biqalam", "bare", "katib", "meta_only"),
    byline_positions=("before", "after"),
    dateline_positions=("body_lead", "omitted"),
)
SLOGANS = ("موقع إخباري مستقل", "أخبار الوطن والعالم على مدار الساعة", "صوت الحقيقة",
           "الخبر كما هو")


def _sidebar(page: Page) -> str:
    rng = page.rng
    latest_heading = page.pick("latest", furniture.LATEST_HEADINGS)
    fmt = rng.choice(("wp_day", "long_day"))
    latest = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> <span '
                     f'class="post-date">{esc(link.date or "")}</span></li>'
                     for link in page.links("latest", rng.randint(4, 7), fmt))
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                   for link in page.links("most_read", rng.randint(3, 5)))
    archive_heading = page.pick("archive", ("الأرشيف", "أرشيف المقالات"))
    months = []
    moment = page.today
    for _ in range(rng.randint(3, 6)):
        months.append(f"{dates.GREGORIAN[moment.month - 1]} {moment.year}")
        moment = moment.replace(day=1) - timedelta(days=1)
    page.record("archive", months)
    archive = "".join(f'<li><a href="/{i}/">{esc(m)}</a></li>' for i, m in enumerate(months))
    caption = months[0]
    cells = "".join(f"<td>{d}</td>" + ("</tr><tr>" if d % 7 == 0 else "")
                    for d in range(1, 29))
    tag_heading = page.pick("tags", ("سحابة الوسوم", "الوسوم"))
    cloud = " ".join(f'<a href="/tag/{i}/" style="font-size: {rng.randint(8, 22)}pt;">'
                     f"{esc(t)}</a>"
                     for i, t in enumerate(page.record("tags",
                                                       rng.sample(furniture.EXTRA_TAGS, 6))))
    return ('<div id="sidebar" role="complementary"><ul>'
            f'<li class="widget widget_recent_entries"><h2 class="widgettitle">'
            f"{esc(latest_heading)}</h2><ul>{latest}</ul></li>"
            f'<li class="widget"><h2 class="widgettitle">{esc(most_heading)}</h2><ul>{most}</ul>'
            "</li>"
            f'<li class="widget widget_archive"><h2 class="widgettitle">{esc(archive_heading)}'
            f"</h2><ul>{archive}</ul></li>"
            f'<li class="widget widget_calendar"><table id="wp-calendar"><caption>{esc(caption)}'
            f"</caption><tbody><tr>{cells}</tr></tbody></table></li>"
            f'<li class="widget widget_tag_cloud"><h2 class="widgettitle">{esc(tag_heading)}</h2>'
            f'<div class="tagcloud">{cloud}</div></li></ul></div>')


def _entry(page: Page) -> str:
    rng = page.rng
    blocks = []
    for p in page.paragraphs:
        if rng.random() < 0.3:
            blocks.append(f'<div><span style="font-size: medium;">{esc(p)}</span></div>')
        else:
            blocks.append(f"<div>{esc(p)}</div>")
        if rng.random() < 0.4:
            blocks.append(rng.choice(("<div><br></div>", "<div>&nbsp;</div>")))
    if page.dateline:
        blocks.insert(0, f"<div><b>{esc(page.dateline.text)}</b></div>")
    if page.byline.visible and page.byline.position == "after":
        blocks.append(f'<p class="author-sign" style="text-align: left;">'
                      f"{esc(page.byline.text())}</p>")
    return '<div class="entry">' + "\n".join(blocks) + "</div>"


def render(page: Page) -> str:
    rng, a = page.rng, page.article
    head = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml" dir="rtl" lang="ar">\n<head '
            'profile="http://gmpg.org/xfn/11">\n<meta http-equiv="Content-Type" '
            'content="text/html; charset=UTF-8" />\n'
            f"<title>{esc(page.label)} &raquo; {esc(a.title)}</title>\n"
            '<meta name="generator" content="WordPress 4.9.8" />\n'
            + meta.article_times(page, modified=False)
            + (meta.meta_authors(page) if page.byline.in_metadata else "")
            + '<link rel="stylesheet" href="/wp-content/themes/classic/style.css" '
            'type="text/css" media="screen" />\n</head>\n')
    slogan = page.pick("menu", SLOGANS)
    menu = "".join(f'<li class="page_item"><a href="/?cat={i}">{esc(m)}</a></li>'
                   for i, m in enumerate(page.menu(5, 9)))
    count = rng.randint(2, 4)
    postmeta = []
    if page.date.visible:
        postmeta.append(esc(page.date.visible))
    if page.byline.visible and page.byline.position == "before":
        postmeta.append(esc(page.byline.text()))
    count_text = page.record("comments", [f"{count} تعليقات"])[0]
    postmeta.append(f'<a href="#comments">{esc(count_text)}</a>')
    tags = ", ".join(f'<a href="/tag/{i}/" rel="tag">{esc(t)}</a>'
                     for i, t in enumerate(page.tags()))
    tags_label = page.pick("tags", ("الوسوم:", "وسوم:", "التصنيفات:"))
    comments = page.reader_comments(count, "weekday_comma_ampm")
    says = page.pick("comments", ("قال:", "يقول:"))
    heading = page.record("comments", [f'{count} تعليقات على "{a.title}"'])[0]
    items = "".join(f'<li class="comment" id="comment-{i}"><div class="comment-author vcard">'
                    f'<cite class="fn">{esc(n)}</cite> <span class="says">{esc(says)}</span>'
                    f'</div><div class="comment-meta commentmetadata"><a href="#comment-{i}">'
                    f"{esc(d)}</a></div><p>{esc(t)}</p></li>"
                    for i, (n, d, t) in enumerate(comments))
    reply = page.pick("comments", furniture.COMMENT_HEADINGS)
    form = "".join(f'<p><input type="text" size="22" /> <label><small>{esc(x)}</small></label>'
                   "</p>" for x in page.comment_form())
    image = ""
    if page.image:
        cap = (f'<p class="wp-caption-text">{esc(page.image.caption)}</p>'
               if page.image.caption else "")
        image = (f'<div class="wp-caption aligncenter" style="width: 610px"><img '
                 f'src="{attr(page.image.url)}" alt="" width="600" height="338" />{cap}</div>')
    footer = "<br />".join(esc(x) for x in page.footer())
    return head + "\n".join([
        "<body>",
        '<div id="page">',
        f'<div id="header"><h1 id="logo"><a href="/">{esc(page.label)}</a></h1>'
        f'<p class="description">{esc(slogan)}</p></div>',
        f'<ul id="nav">{menu}</ul>',
        html_comment(rng),
        _sidebar(page),
        '<div id="content" class="narrowcolumn">',
        f'<div class="post" id="post-{rng.randint(100, 9999)}">',
        f'<h2 class="posttitle"><a href="{attr(a.url)}" rel="bookmark" '
        f'title="رابط دائم لـ {attr(a.title)}">{esc(page.headline)}</a></h2>',
        f'<p class="postmeta">{" | ".join(postmeta)}</p>',
        image,
        _entry(page),
        f'<p class="tags">{esc(tags_label)} {tags}</p>',
        "</div>",
        f'<h3 id="comments">{esc(heading)}</h3>',
        f'<ol class="commentlist">{items}</ol>',
        f'<div id="respond"><h3>{esc(reply)}</h3><form action="/wp-comments-post.php" '
        f'method="post" id="commentform">{form}</form></div>',
        "</div>",
        f'<div id="footer"><p>{footer}</p></div>',
        "</div>",
        "</body>\n</html>\n",
    ])
