"""A news blog on Blogger (Blogspot, or a custom domain): the classic widget layout that local
Arabic news blogs run, with Blogger's own single-quoted XHTML, ``hentry`` microformats and
the post body as typed in Blogger's compose editor.

Head: ``generator`` blogger, the title "<blog name>: <post title>", feed links, og tags,
Blogger's ``postMetadataJSON`` (a JSON-LD ``BlogPosting``: the author on signed pages, the
dates only on metadata-dated pages) and the ``_WidgetManager`` data-context script.
Page: Blogger's cookie notice (Google's, on some sites), the header widget (the *blog's* name
is the page's ``<h1>``, with its description), a PageList menu, a ticker strip filled by a
feed script on some sites; then ``.date-outer``: the date header ``<h2 class="date-header">``
*above* the post title ("الخميس، 14 نوفمبر 2024": day only); the post title is an ``<h3
class="post-title entry-title">`` (no ``<h1>`` for the story).
Body (``div.post-body.entry-content``), as Blogger's editor leaves it (one way per site):
text runs in a ``<div dir="rtl" trbidi="on">`` separated by ``<br /><br />``; or a ``<div
style="text-align: justify;">`` per paragraph with ``<div><br /></div>`` spacers; or ``<p>``s
(HTML mode). The lead image sits *inside* the body in a ``separator`` link, its caption in a
``tr-caption-container`` table (the caption is not body); a bold first sentence standing
alone now and then, intertitles (``<h4>``, or a bold line in the ``<br />`` style: body), a
bulleted list after a lead-in (body); between paragraphs an AdSense ``<ins>`` unit and a typed
"اقرأ أيضا:" line with a link (furniture); at the end of some news posts a source line
("المصدر: <outlet>": furniture, the outlet is no author). The dateline, when shown, is a bold
first line of the body or a grey line of its own at its top.
After the body: the post footer: "نشرت بواسطة X في 9:46 ص" (the author's display name; the
time is the ``abbr.published`` timestamp link, whose ``title`` holds the full ISO instant on
metadata-dated pages, and is left out on text-dated pages, where only the date header gives
the day); an account that is no person ("غير معرف" for a hidden profile, "إدارة الموقع",
"admin") on about half the unsigned pages: no author; the author only in the JSON-LD for
metadata-only bylines. Then the comment count, Blogger's share buttons, the labels line
("التسميات: ..."), the comments ("ليست هناك تعليقات:" or reader comments with "X يقول..." and a
timestamp), "إرسال تعليق", the blog pager (رسالة أحدث / رسالة أقدم / الصفحة الرئيسية) and the
comment feed link. The sidebar comes after the main column: search, popular posts (title,
snippet cut with "..."), the labels widget with post counts, the blog archive (years and
months with counts, and the current month's post titles *including this post's own title*),
and the attribution gadget ("يتم التشغيل بواسطة Blogger.").
Dates: metadata-dated pages give the ``abbr`` / JSON-LD instant (second precision) with the
blog's offset; text-dated pages give the date header's day; undated pages hide the date header
and the timestamp (the archive, comments and popular posts still show other dates).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc, inline, script_json, weave
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import slugify

NAME = "blogger_blogspot"
TRAITS = Traits(
    date_formats=("weekday_comma_day", "weekday_comma_day", "long_day"),
    date_where=(0.45, 0.35, 0.2), meta_styles=("site", "site", "plus3"),
    visible_with_meta=1.0,
    byline_forms=("edited_by", "edited_by", "edited_by", "meta_only"),
    byline_prefixes={"edited_by": ("نشرت بواسطة ", "نشر بواسطة ", "بواسطة ")},
    byline_positions=("after",),
    dateline_positions=("body_lead", "body_lead", "line", "omitted"),
    display_title=0.4, image=0.8, caption=0.6,
)
_ACCOUNT_PREFIX = "نشرت بواسطة "


def _clock(moment: datetime) -> str:
    """Blogger's timestamp: "9:46 ص" (12-hour, no leading zero)."""
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment:%M} {'ص' if moment.hour < 12 else 'م'}"


def _instant(page: Page) -> datetime | None:
    if page.date.where != "metadata" or page.date.machine is None:
        return None
    value = page.date.machine.value
    if len(value) == 10:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _image(page: Page) -> str:
    image = page.image
    if image is None:
        return ""
    rng = page.rng
    big = image.url
    img = (f"<a href='{attr(big)}' style='margin-left: 1em; margin-right: 1em;'><img border='0' "
           f"data-original-height='{rng.choice((450, 533, 675))}' data-original-width='800' "
           f"height='360' src='{attr(big)}' width='640' /></a>")
    if image.caption:
        return ("<table align='center' cellpadding='0' cellspacing='0' "
                "class='tr-caption-container' style='margin-left: auto; margin-right: auto;'>"
                f"<tbody><tr><td style='text-align: center;'>{img}</td></tr><tr><td "
                f"class='tr-caption' style='text-align: center;'>{esc(image.caption)}</td></tr>"
                "</tbody></table>")
    return f"<div class='separator' style='clear: both; text-align: center;'>{img}</div>"


def _extras(page: Page) -> list[str]:
    """What bloggers and the theme put between paragraphs (furniture)."""
    rng = page.rng
    out = []
    if page.stable("adsense").random() < 0.7:
        label = page.pick("ad", furniture.AD_LABELS) if rng.random() < 0.5 else ""
        head = f"<div style='font-size: 10px; text-align: center;'>{esc(label)}</div>" \
            if label else ""
        out.append(f"<div class='adsense-in-post' style='margin: 10px auto;'>{head}<ins "
                   "class='adsbygoogle' style='display:block; text-align:center;' "
                   "data-ad-layout='in-article' data-ad-format='fluid' "
                   f"data-ad-client='ca-pub-{rng.getrandbits(50)}' data-ad-slot='"
                   f"{rng.getrandbits(32)}'></ins><script>(adsbygoogle = window.adsbygoogle || "
                   "[]).push({});</script></div>")
    if rng.random() < 0.55:
        label = page.pick("read_also", furniture.READ_ALSO)
        link = page.links("read_also", 1)[0]
        out.append(f"<div><b><span style='color: #cc0000;'>{esc(label)}</span></b> <a "
                   f"href='{attr(link.url)}'>{esc(link.title)}</a></div>")
    return out


def _post_body(page: Page) -> str:
    rng = page.rng
    style = page.stable("compose").choice(("br", "br", "div", "p"))
    page.layout["body_markup"] = style
    parts = body.shape(page, lead=0.25, tail=0.15, subheads=0.3, bullets=0.15)
    blocks: list[str] = []
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "list":
            items = "".join(f"<li>{esc(t)}</li>" for t in part.texts)
            blocks.append(f"<ul style='text-align: right;'>{items}</ul>")
        elif part.kind == "subhead":
            blocks.append(f"<b>{esc(text)}</b>" if style == "br"
                          else f"<h4 style='text-align: right;'>{esc(text)}</h4>")
        elif i == 0 and page.layout.get("body_shape", "").find("lead") >= 0:
            blocks.append(f"<b>{esc(text)}</b>" if style == "br" else
                          f"<div style='text-align: justify;'><b>{esc(text)}</b></div>"
                          if style == "div" else f"<p><b>{esc(text)}</b></p>")
        elif style == "br":
            blocks.append(inline(text, rng, 0.25, "/search/label/"))
        elif style == "div":
            size = page.stable("font").choice(("large", "medium"))
            blocks.append(f"<div style='text-align: justify;'><span style='font-size: {size};'>"
                          f"{inline(text, rng, 0.25, '/search/label/')}</span></div>")
        else:
            blocks.append(f"<p style='text-align: justify;'>"
                          f"{inline(text, rng, 0.25, '/search/label/')}</p>")
    blocks = weave(blocks, _extras(page), rng)
    dateline = page.dateline
    if dateline and dateline.position == "body_lead":
        blocks.insert(0, f"<b>{esc(dateline.text)}</b>" if style == "br"
                      else f"<div><b>{esc(dateline.text)}</b></div>")
    elif dateline and dateline.position == "line":
        blocks.insert(0, f"<div style='color: #888888; font-size: 90%;'>{esc(dateline.text)}"
                         "</div>")
    a = page.article
    if a.kind == "news" and rng.random() < 0.45:
        label = page.pick("source", furniture.SOURCE_LABELS)
        outlet = page.record("source", [furniture.other_outlet(rng)])[0]
        blocks.append(f"<div style='text-align: left;'><i>{esc(label)} {esc(outlet)}</i></div>"
                      if style != "br" else f"<i>{esc(label)} {esc(outlet)}</i>")
    image = _image(page)
    if image:
        at = 0 if rng.random() < 0.7 else min(1, len(blocks))
        blocks.insert(at, image)
    if style == "br":
        joined = ""
        for i, block in enumerate(blocks):
            if i:
                previous = blocks[i - 1]
                tight = previous.startswith(("<table", "<div", "<ul")) or block.startswith(
                    ("<table", "<div", "<ul"))
                joined += "\n" if tight else "<br />\n<br />\n"
            joined += block
        inner = f"<div dir='rtl' style='text-align: right;' trbidi='on'>\n{joined}\n</div>"
    elif style == "div":
        spacer = "<div style='text-align: justify;'><br /></div>"
        inner = f"\n{spacer}\n".join(blocks)
    else:
        inner = "\n".join(blocks)
    post_id = page.stable("post-ids").getrandbits(60) ^ rng.getrandbits(40)
    return (f"<div class='post-body entry-content' id='post-body-{post_id}' "
            f"itemprop='description articleBody'>\n{inner}\n<div style='clear: both;'></div>"
            "\n</div>")


def _post_footer(page: Page, comment_count: int) -> str:
    rng, b = page.rng, page.byline
    instant = _instant(page)
    author = ""
    if b.visible:
        names = " و".join(f"<a class='g-profile' href='https://www.blogger.com/profile/"
                          f"{rng.getrandbits(60)}' rel='author' title='author profile'><span "
                          f"itemprop='name'>{esc(n)}</span></a>" for n in b.names)
        author = (f"<span class='post-author vcard'>{esc(b.prefix)}<span class='fn' "
                  f"itemprop='author' itemscope='itemscope' itemtype='http://schema.org/Person'>"
                  f"{names}</span></span>")
    elif b.form == "none" and rng.random() < 0.5:
        account = page.pick("account", furniture.BLOGGER_ACCOUNTS)
        page.layout["byline"] = "account"
        author = (f"<span class='post-author vcard'>{esc(_ACCOUNT_PREFIX)}<span class='fn'>"
                  f"{esc(account)}</span></span>")
    stamp = ""
    if instant is not None and page.date.machine is not None:
        shown, iso = _clock(instant), page.date.machine.value
        stamp = (f"<span class='post-timestamp'> في <meta content='{attr(page.article.url)}' "
                 f"itemprop='url' /><a class='timestamp-link' href='{attr(page.article.url)}' "
                 f"rel='bookmark' title='permanent link'><abbr class='published' "
                 f"itemprop='datePublished' title='{iso}'>{esc(shown)}"
                 "</abbr></a></span>")
    count = page.record("comments", [f"{comment_count} تعليقات" if comment_count
                                     else "لا توجد تعليقات"])[0]
    share = page.record("share", list(furniture.BLOGGER_SHARE))
    buttons = "".join(f"<a class='goog-inline-block share-button sb-{i}' href='#' "
                      f"target='_blank' title='{attr(s)}'><span class='share-button-link-text'>"
                      f"{esc(s)}</span></a>" for i, s in enumerate(share))
    labels_label = page.pick("tags", furniture.BLOGGER_LABELS)
    labels = ", ".join(f"<a href='/search/label/{attr(slugify(t))}' rel='tag'>{esc(t)}</a>"
                       for t in page.tags())
    return ("<div class='post-footer'>\n<div class='post-footer-line post-footer-line-1'>"
            f"{author}{stamp} <span class='post-comment-link'><a class='comment-link' "
            f"href='#comment-form'>{esc(count)}</a></span></div>\n"
            f"<div class='post-share-buttons goog-inline-block'>{buttons}</div>\n"
            "<div class='post-footer-line post-footer-line-2'><span class='post-labels'>"
            f"{esc(labels_label)} {labels}</span></div>\n</div>")


def _comments(page: Page, count: int) -> str:
    rng = page.rng
    if not count:
        empty = page.record("comments", [furniture.BLOGGER_NO_COMMENTS])[0]
        rows = f"<h4 id='comment-post-message'>{esc(empty)}</h4>"
    else:
        heading = page.record("comments", [f"{count} تعليقات:"])[0]
        base = page.article.published or REFERENCE
        items = []
        for _ in range(count):
            name = rng.choice(furniture.COMMENTERS)
            when = base + timedelta(days=rng.randint(0, 9), minutes=rng.randrange(1440))
            shown = (dates.visible(when, "long_day", page.article.site, page.eastern)
                     + f" في {_clock(when.astimezone(dates.site_zone(page.article.site)))}")
            text = (furniture.long_comment(rng) if rng.random() < 0.4
                    else rng.choice(furniture.COMMENT_TEXTS))
            says = f"{name} يقول..."
            page.record("comments", [says, shown, text])
            actions = page.record("comments", list(furniture.BLOGGER_COMMENT_ACTIONS))
            items.append(f"<li class='comment'><div class='comment-block'><div "
                         f"class='comment-header'><cite class='user'>{esc(says)}</cite><span "
                         f"class='datetime secondary-text'><a rel='nofollow' href='#c"
                         f"{rng.getrandbits(50)}'>{esc(shown)}</a></span></div><p "
                         f"class='comment-content'>{esc(text)}</p><span class='comment-actions "
                         f"secondary-text'><a href='#'>{esc(actions[0])}</a><a href='#'>"
                         f"{esc(actions[1])}</a></span></div></li>")
        rows = f"<h4>{esc(heading)}</h4><ol id='top-ra'>{''.join(items)}</ol>"
    post = page.record("comments", [furniture.BLOGGER_POST_COMMENT])[0]
    return (f"<div class='comments' id='comments'><a name='comments'></a>{rows}"
            f"<p class='comment-footer'><a href='https://www.blogger.com/comment/fullpage/post/"
            f"{rng.getrandbits(50)}'>{esc(post)}</a></p><div id='comment-form'><iframe "
            "allowtransparency='true' class='blogger-iframe-colorize' frameborder='0' "
            "height='410px' id='comment-editor' name='comment-editor' src='' width='100%'>"
            "</iframe></div></div>")


def _sidebar(page: Page) -> str:
    rng, a = page.rng, page.article
    search = page.pick("search", furniture.BLOGGER_SEARCH)
    popular_heading = page.pick("most_read", furniture.BLOGGER_POPULAR)
    popular = "".join(
        f"<li><div class='item-thumbnail'><a href='{attr(link.url)}'><img alt='' border='0' "
        f"src='{attr(link.thumb or '')}' /></a></div><div class='item-title'><a "
        f"href='{attr(link.url)}'>{esc(link.title)}</a></div><div class='item-snippet'>"
        f"{esc(link.excerpt or '')}</div></li>"
        for link in page.links("most_read", rng.randint(3, 5), excerpts=True, thumbs=True))
    label_heading = page.pick("tags", furniture.BLOGGER_LABEL_WIDGET)
    cloud = page.record("tags", [f"{name} ({rng.randint(3, 900)})" for name in rng.sample(
        furniture.MENU_SECTIONS, rng.randint(5, 9))])
    labels = "".join(f"<li><a dir='rtl' href='/search/label/{i}'>{esc(x)}</a></li>"
                     for i, x in enumerate(cloud))
    archive_heading = page.pick("archive", furniture.BLOGGER_ARCHIVE)
    when = a.published or page.today
    local = when.astimezone(dates.site_zone(a.site))
    month = f"{dates.GREGORIAN[local.month - 1]} {local.year}"
    month_line = page.record("archive", [f"{dates.GREGORIAN[local.month - 1]} "
                                         f"({rng.randint(20, 140)})"])[0]
    years = [page.record("archive", [f"{year} ({rng.randint(150, 1600)})"])[0]
             for year in range(local.year, local.year - rng.randint(2, 4), -1)]
    others = page.record("archive", furniture.headlines(rng, rng.randint(3, 6)))
    titles = [f"<li><a href='/{local.year}/{local.month:02d}/{i}.html'>{esc(t)}</a></li>"
              for i, t in enumerate(others)]
    titles.insert(rng.randrange(len(titles) + 1),
                  f"<li><a href='{attr(a.url)}'>{esc(a.title)}</a></li>")
    hierarchy = (f"<ul class='hierarchy'><li class='archivedate expanded'><a class='toggle' "
                 f"href='javascript:void(0)'><span class='zippy toggle-open'>▼&nbsp;</span></a>"
                 f"<a class='post-count-link' href='/{local.year}/'>{esc(years[0])}</a><ul "
                 f"class='hierarchy'><li class='archivedate expanded'><a class='toggle' "
                 f"href='javascript:void(0)'><span class='zippy toggle-open'>▼&nbsp;</span>"
                 f"</a><a class='post-count-link' href='/{local.year}/{local.month:02d}/' "
                 f"title='{attr(month)}'>{esc(month_line)}</a><ul class='posts'>"
                 f"{''.join(titles)}</ul></li></ul></li>"
                 + "".join(f"<li class='archivedate collapsed'><a class='toggle' "
                           f"href='javascript:void(0)'><span class='zippy'>►&nbsp;</span></a><a "
                           f"class='post-count-link' href='/{y[:4]}/'>{esc(y)}</a></li>"
                           for y in years[1:]) + "</ul>")
    latest_heading = page.pick("latest", furniture.LATEST_HEADINGS)
    latest = "".join(f"<li><span class='item-title'><a href='{attr(link.url)}'>"
                     f"{esc(link.title)}</a></span><div class='item-date'>{esc(link.date or '')}"
                     "</div></li>"
                     for link in page.links("latest", rng.randint(4, 6), "long_day"))
    attribution = page.pick("footer", furniture.BLOGGER_ATTRIBUTION)
    return ("<div class='sidebar-wrapper' id='sidebar-wrapper'>\n<div class='sidebar section' "
            "id='sidebar'>\n"
            f"<div class='widget BlogSearch' id='BlogSearch1'><h2 class='title'>{esc(search)}"
            "</h2><div class='widget-content'><form action='/search' class='gsc-search-box'>"
            "<input class='gsc-input' name='q' type='text' /><input class='gsc-search-button' "
            "type='submit' value='بحث' /></form></div></div>\n"
            f"<div class='widget PopularPosts' id='PopularPosts1'><h2>{esc(popular_heading)}"
            f"</h2><div class='widget-content popular-posts'><ul>{popular}</ul></div></div>\n"
            f"<div class='widget Feed' id='Feed1'><h2>{esc(latest_heading)}</h2><div "
            f"class='widget-content' id='Feed1_feedItemListDisplay'><ul>{latest}</ul></div>"
            "</div>\n"
            f"<div class='widget Label' id='Label1'><h2>{esc(label_heading)}</h2><div "
            f"class='widget-content list-label-widget-content'><ul>{labels}</ul></div></div>\n"
            f"<div class='widget BlogArchive' id='BlogArchive1'><h2>{esc(archive_heading)}</h2>"
            f"<div class='widget-content'><div id='ArchiveList'>{hierarchy}</div></div></div>\n"
            f"<div class='widget Attribution' id='Attribution1'><div class='widget-content' "
            f"style='text-align: center;'>{esc(attribution)}</div></div>\n"
            "</div>\n</div>")


def render(page: Page) -> str:
    rng, a = page.rng, page.article
    post_body = _post_body(page)  # shapes the body first
    blog_id = page.stable("blog-id").getrandbits(62)
    data = meta.news_article(page, kind="BlogPosting", description=meta.description(page))
    if not page.byline.names or page.byline.form == "none":
        data.pop("author", None)
    context = [{"name": "blog", "data": {
        "blogId": str(blog_id), "title": page.label, "url": a.url, "canonicalUrl": a.url,
        "homepageUrl": page.site.url("/"), "locale": "ar", "localeUnderscoreDelimited": "ar",
        "languageDirection": "rtl", "isMobileRequest": False, "pageType": "item",
        "pageName": a.title, "pageTitle": f"{page.label}: {a.title}"}}]
    head = ("<!DOCTYPE html>\n<html class='v2' dir='rtl' lang='ar' "
            "xmlns='http://www.w3.org/1999/xhtml' xmlns:b='http://www.google.com/2005/gml/b' "
            "xmlns:data='http://www.google.com/2005/gml/data' "
            "xmlns:expr='http://www.google.com/2005/gml/expr'>\n<head>\n"
            "<meta content='width=1100' name='viewport' />\n"
            "<meta content='text/html; charset=UTF-8' http-equiv='Content-Type' />\n"
            "<meta content='blogger' name='generator' />\n"
            f"<link href='{attr(page.site.url('/favicon.ico'))}' rel='icon' "
            "type='image/x-icon' />\n"
            f"<link href='{attr(a.url)}' rel='canonical' />\n"
            f"<link rel='alternate' type='application/atom+xml' title='{attr(page.label)} - Atom' "
            f"href='{attr(page.site.url('/feeds/posts/default'))}' />\n"
            f"<link rel='alternate' type='application/rss+xml' title='{attr(page.label)} - RSS' "
            f"href='{attr(page.site.url('/feeds/posts/default?alt=rss'))}' />\n"
            f"<link rel='service.post' type='application/atom+xml' title='{attr(page.label)} - "
            f"Atom' href='https://www.blogger.com/feeds/{blog_id}/posts/default' />\n"
            + meta.open_graph(page, site_name=False)
            + f"<title>{esc(page.label)}: {esc(a.title)}</title>\n"
            + meta.ld_script(data)
            + "<link type='text/css' rel='stylesheet' href='https://www.blogger.com/static/v1/"
            "widgets/2975350028-css_bundle_v2.css' />\n</head>\n")
    cookie = ""
    if page.stable("cookie").random() < 0.5:
        notice, more, ok = page.record("cookie", list(furniture.BLOGGER_COOKIE))
        cookie = (f"<div id='cookieChoiceInfo' class='cookie-choices-info'><div "
                  f"class='cookie-choices-inner'><span class='cookie-choices-text'>"
                  f"{esc(notice)}</span><span class='cookie-choices-buttons'><a "
                  f"class='cookie-choices-button' href='https://policies.google.com/technologies"
                  f"/cookies'>{esc(more)}</a><a class='cookie-choices-button' href='#' "
                  f"id='cookieChoiceDismiss'>{esc(ok)}</a></span></div></div>")
    description = page.pick("logo", furniture.BLOG_DESCRIPTIONS)
    menu = "".join(f"<li><a href='/p/{i}.html'>{esc(m)}</a></li>"
                   for i, m in enumerate(page.menu(5, 9)))
    ticker = ""
    if page.stable("ticker").random() < 0.6:
        label = page.pick("ticker", furniture.BLOGGER_TICKER)
        items = "".join(f"<li><a href='{attr(link.url)}'>{esc(link.title)}</a></li>"
                        for link in page.links("ticker", rng.randint(4, 7)))
        ticker = (f"<div class='widget HTML' id='HTML9'><div class='ticker-wrap'><span "
                  f"class='ticker-label'>{esc(label)}</span><ul class='ticker-list' "
                  f"data-feed='/feeds/posts/default?max-results=8'>{items}</ul></div></div>")
    date_header = ""
    if page.date.visible:
        page.layout["date_place"] = "above_title"
        date_header = (f"<h2 class='date-header'><span>{esc(page.date.visible)}</span></h2>\n")
    image_url = page.image.url if page.image else page.site.url("/img/b/default.png")
    comment_count = rng.choice((0, 0, 0, 1, 2, 3))
    post = ("<div class='date-outer'>\n" + date_header +
            "<div class='date-posts'>\n<div class='post-outer'>\n"
            "<div class='post hentry uncustomized-post-template' itemprop='blogPost' "
            "itemscope='itemscope' itemtype='http://schema.org/BlogPosting'>\n"
            f"<meta content='{attr(image_url)}' itemprop='image_url' />\n"
            f"<meta content='{blog_id}' itemprop='blogId' />\n"
            f"<meta content='{rng.getrandbits(62)}' itemprop='postId' />\n"
            f"<a name='{rng.getrandbits(62)}'></a>\n"
            f"<h3 class='post-title entry-title' itemprop='name'>{esc(page.headline)}</h3>\n"
            "<div class='post-header'><div class='post-header-line-1'></div></div>\n"
            + post_body + "\n" + _post_footer(page, comment_count) + "\n</div>\n"
            + _comments(page, comment_count) + "\n</div>\n</div>\n</div>")
    pager = page.record("pager", list(furniture.BLOGGER_PAGER))
    feed = page.record("pager", [furniture.BLOGGER_FEED])[0]
    footer = page.footer()
    return head + "\n".join([
        "<body class='loading'>",
        cookie,
        "<div class='navbar section' id='navbar'><div class='widget Navbar' id='Navbar1'>"
        "<script type='text/javascript'>window.navbarConfig = "
        f"{script_json({'blogId': str(blog_id)})};"
        "</script><iframe src='' id='navbar-iframe' height='30px' frameborder='0'></iframe>"
        "</div></div>",
        "<div class='content'><div class='content-outer'>",
        "<header><div class='header-outer'><div class='region-inner header-inner'>"
        "<div class='header section' id='header'><div class='widget Header' id='Header1'>"
        f"<div id='header-inner'><div class='titlewrapper'><h1 class='title'><a href='/'>"
        f"{esc(page.label)}</a></h1></div><div class='descriptionwrapper'><p "
        f"class='description'><span>{esc(description)}</span></p></div></div></div></div>"
        "</div></div></header>",
        f"<div class='tabs section' id='crosscol'><div class='widget PageList' id='PageList1'>"
        f"<div class='widget-content'><ul>{menu}</ul></div></div>{ticker}</div>",
        "<div class='main-outer'><div class='columns fauxcolumns'>",
        "<div class='main-inner'><div class='column-center-outer'><div "
        "class='column-center-inner'>",
        "<div class='main section' id='main'><div class='widget Blog' id='Blog1'>",
        "<div class='blog-posts hfeed'>",
        post,
        "</div>",
        f"<div class='blog-pager' id='blog-pager'><span id='blog-pager-newer-link'><a "
        f"class='blog-pager-newer-link' href='#' title='{attr(pager[0])}'>{esc(pager[0])}</a>"
        f"</span><span id='blog-pager-older-link'><a class='blog-pager-older-link' href='#' "
        f"title='{attr(pager[1])}'>{esc(pager[1])}</a></span><a class='home-link' href='/'>"
        f"{esc(pager[2])}</a></div>",
        f"<div class='post-feeds'><div class='feed-links'>{esc(feed)}</div></div>",
        "</div></div>",
        "</div></div></div>",
        _sidebar(page),
        "</div></div>",
        f"<footer><div class='footer-outer'><div class='footer-inner'><p>{esc(footer[0])}</p>"
        f"<p>{esc(footer[1])}</p></div></div></footer>",
        "</div></div>",
        "<script type='text/javascript'>window['__wavt'] = 'AOuZoY5';_WidgetManager._Init("
        "'//www.blogger.com/rearrange?blogID=" + str(blog_id) + "','//"
        + page.site.canonical_host + "/','" + str(blog_id) + "');"
        f"_WidgetManager._SetDataContext({script_json(context)});</script>",
        "</body>\n</html>\n",
    ])
