"""A Moroccan news portal: Maghrebi month names (نونبر، دجنبر), Font Awesome meta rows,
bodies pasted from a word processor, hashtag tags, numbered reader comments.

Head: og tags, ``<time>``-free metadata: metadata-dated pages carry JSON-LD NewsArticle in the
site's offset (+01:00) or UTC, plus ``article:published_time``.
Page: a top bar with today's date in Maghrebi months and prayer times, a breaking ticker
("آخر الأخبار" label first), the menu, a breadcrumb; ``.article-content``: ``<h1
class="post-title">``, a meta row (``fa-user`` author, ``fa-clock`` date), the image with a
``.caption`` under it, the dateline as its own ``<p class="dateline">`` or a bold lead, the
body as MsoNormal paragraphs or plain ``<p>`` with ``<span>`` soup, a "اقرأ أيضا" line inside a
``<p>`` between paragraphs, an ad labelled "إعلان".
After the body: the author line when it goes after, hashtag tags (كلمات مفتاحية), share
links, related articles with Maghrebi dates, numbered reader comments ("1 - name") with dates,
the comment form with a policy line, the latest-news sidebar with relative times, footer.
"""

from __future__ import annotations

from crawler.simulator.markup import furniture, meta
from crawler.simulator.markup.kit import attr, esc, lazy_img, mso, weave
from crawler.simulator.markup.page import Page, Traits

NAME = "maghreb_portal"
TRAITS = Traits(
    date_formats=("maghreb_time", "maghreb_time", "maghreb_day", "numeric_time"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "site", "utc_z"), modified_shown=0.2,
    byline_forms=("katib", "bare", "bare", "biqalam_colon", "meta_only"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    dateline_separators=(" - ", " -", "- ", " – "),
    eastern_digits=0.05,
)
POLICY = ("المرجو عدم الإساءة للأشخاص أو المؤسسات، والتعليقات المخالفة لن يتم نشرها",
          "يرجى الالتزام بموضوع المقال وتجنب التعليقات المسيئة")


def _paragraph(page: Page, text: str) -> str:
    if page.layout.get("body") == "mso":
        return mso(text, page.rng)
    if page.rng.random() < 0.3:
        return f'<p><span style="font-family: arial, helvetica, sans-serif;">{esc(text)}</span></p>'
    return f"<p>{esc(text)}</p>"


def _body(page: Page) -> str:
    rng = page.rng
    page.layout["body"] = "mso" if rng.random() < 0.4 else "p"
    blocks = [_paragraph(page, p) for p in page.paragraphs]
    extras = []
    if rng.random() < 0.6:
        label = page.pick("read_also", furniture.READ_ALSO)
        link = page.links("read_also", 1)[0]
        extras.append(f'<p><strong><span style="color: #e03e2d;">{esc(label)}</span> '
                      f'<a href="{attr(link.url)}">{esc(link.title)}</a></strong></p>')
    label = page.pick("ad", furniture.AD_LABELS)
    extras.append(f'<div class="ads-inarticle"><span class="ads-label">{esc(label)}</span>'
                  '<div class="ad-container" data-zone="inarticle"></div></div>')
    blocks = weave(blocks, extras, rng)
    if page.dateline and page.dateline.position == "body_lead":
        blocks.insert(0, f"<p><b>{esc(page.dateline.text)}</b></p>")
    return '<div class="article-content-body">' + "\n".join(blocks) + "</div>"


def render(page: Page) -> str:
    rng, a = page.rng, page.article
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="UTF-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(a.title)} | {esc(page.label)}</title>\n"
            + meta.open_graph(page) + meta.article_times(page)
            + (meta.meta_authors(page) if page.byline.in_metadata else "")
            + (meta.ld_script(meta.news_article(page))
               if page.date.where == "metadata" or rng.random() < 0.5 else "")
            + '<link rel="stylesheet" href="https://cdnjs.cloudflare.com/ajax/libs/font-awesome/'
            '6.5.0/css/all.min.css">\n</head>\n')
    today = page.today_line("maghreb_day")
    prayers = " ".join(f"<span>{esc(x)}</span>" for x in page.record("widgets",
                                                                      furniture.prayer_times(rng)))
    ticker_label = page.pick("ticker", furniture.LATEST_HEADINGS[:2])
    ticker = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                     for link in page.links("ticker", rng.randint(4, 6)))
    menu = "".join(f'<li class="nav-item"><a class="nav-link" href="/category/{i}">{esc(m)}</a>'
                   "</li>" for i, m in enumerate(page.menu()))
    crumbs = " <span>/</span> ".join(f'<a href="/">{esc(c)}</a>' for c in page.breadcrumbs())
    meta_row = []
    if page.byline.visible and page.byline.position == "before":
        meta_row.append(f'<span class="author"><i class="far fa-user"></i> '
                        f"{esc(page.byline.text())}</span>")
    if page.date.visible:
        meta_row.append(f'<span class="date-post"><i class="far fa-clock"></i> '
                        f"{esc(page.date.visible)}</span>")
    if page.date.modified_visible:
        meta_row.append(f'<span class="date-update"><i class="fas fa-sync"></i> '
                        f"{esc(page.date.modified_visible)}</span>")
    image = ""
    if page.image:
        cap = (f'<div class="caption">{esc(page.image.caption)}</div>'
               if page.image.caption else "")
        image = f'<div class="post-thumbnail">{lazy_img(page.image.url, "", rng)}{cap}</div>'
    dateline = ""
    if page.dateline and page.dateline.position == "line":
        dateline = f'<p class="dateline">{esc(page.dateline.text)}</p>'
    after = ""
    if page.byline.visible and page.byline.position == "after":
        after = f'<div class="author-after"><strong>{esc(page.byline.text())}</strong></div>'
    tags_title = page.pick("tags", ("كلمات مفتاحية", "الوسوم"))
    tag_words = page.record("tags", ["#" + t.replace(" ", "_")
                                     for t in furniture.tags(rng, a.tags)])
    tags = " ".join(f'<a href="/tag/{i}" class="tag">{esc(t)}</a>' for i, t in enumerate(tag_words))
    share = " ".join(f'<a href="#" class="share">{esc(s)}</a>' for s in page.share())
    rel_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = "".join(f'<div class="col-md-4"><a href="{attr(link.url)}">'
                      f'<h4>{esc(link.title)}</h4></a><span class="date">{esc(link.date or "")}'
                      "</span></div>"
                      for link in page.links("related", 3, rng.choice(("maghreb_day",
                                                                        "maghreb_time"))))
    comments = page.reader_comments(rng.randint(1, 4), "maghreb_time")
    count_heading = page.record("comments", [f"التعليقات ({len(comments)})"])[0]
    comment_items = "".join(f'<div class="comment"><div class="comment-head"><span class="num">'
                            f'{i + 1} - </span><span class="name">{esc(n)}</span><span '
                            f'class="date">{esc(d)}</span></div><div class="comment-text">'
                            f"{esc(t)}</div></div>" for i, (n, d, t) in enumerate(comments))
    add = page.pick("comments", furniture.COMMENT_HEADINGS)
    policy = page.pick("comments", POLICY)
    form = "".join(f'<div class="form-group"><label>{esc(x)}</label><input class="form-control">'
                   "</div>" for x in page.comment_form())
    latest_heading = page.pick("latest", furniture.LATEST_HEADINGS)
    latest = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a><small>'
                     f'{esc(link.date or "")}</small></li>'
                     for link in page.links("latest", rng.randint(4, 6), relative=True))
    footer = "".join(f"<p>{esc(x)}</p>" for x in page.footer())
    return head + "\n".join([
        "<body>",
        f'<div class="top-bar"><div class="container-fluid"><span class="date-today">'
        f'{esc(today)}</span><div class="prayer-times">{prayers}</div></div></div>',
        '<header class="header"><div class="container-fluid"><a class="logo" href="/">'
        f'<img src="/assets/logo.svg" alt="{attr(page.label)}"></a></div>',
        f'<nav class="navbar"><ul class="navbar-nav">{menu}</ul></nav></header>',
        f'<div class="breaking-news-ticker"><div class="bn-label">{esc(ticker_label)}</div>'
        f'<div class="bn-news"><ul>{ticker}</ul></div></div>',
        '<div class="container-fluid"><div class="row"><div class="col-lg-8">',
        f'<div class="breadcrumbs">{crumbs}</div>',
        '<div class="article-content">',
        f'<h1 class="post-title">{esc(page.headline)}</h1>',
        f'<div class="article-meta">{"".join(meta_row)}</div>' if meta_row else "",
        image, dateline, _body(page), after,
        f'<div class="tags"><span class="tags-title">{esc(tags_title)}</span> {tags}</div>',
        f'<div class="share-post">{share}</div>',
        "</div>",
        f'<div class="related-posts"><h3>{esc(rel_heading)}</h3><div class="row">{related}'
        "</div></div>",
        f'<div class="comments-area"><h3>{esc(count_heading)}</h3>{comment_items}'
        f'<h4>{esc(add)}</h4><p class="policy">{esc(policy)}</p><form>{form}</form></div>',
        "</div>",
        f'<div class="col-lg-4"><div class="widget"><h3 class="widget-title">'
        f"{esc(latest_heading)}</h3><ul>{latest}</ul></div></div>",
        "</div></div>",
        f'<footer class="footer">{footer}</footer>',
        "</body>\n</html>\n",
    ])
