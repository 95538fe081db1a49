"""A long article split into pages ("الصفحة 1 من 3") by a theme's paginated-post module that
prints every page into the HTML and lets a script show one at a time: the text comes in page
sections with a pager after each, the later pages hidden and headed by the title again, a
sponsored block between two pages, and the page list before the text.

The whole text the page carries is body, the hidden pages too (they are in the markup, for
search engines and for the script): ``expected["paragraphs"]`` is every page's parts in order.
Body: the article's parts (now and then a lead sentence of its own, a quoted statement, a
bulleted list after its lead-in: body) cut into two to four ``section.article-page`` (one when
the article has one part; ``layout["pages"]``), pages after the first with the ``hidden``
attribute. In sections that title their pages (``layout["page_titles"]``), each page after the
first opens with its title as an ``<h2>`` (an intertitle: body). Not body: the head of each
later page (``div.page-head``: the headline again and "(2/3)"), the pager after each page
(``nav.page-nav``: "« السابق", the page numbers, "التالي »", "الصفحة 2 من 3"), the sponsored
block after the first pager on some pages (``div.sponsored``: "محتوى مدعوم", other sites'
headlines with a sentence of teaser each: prose, not body, ``layout["sponsored"]``). The
dateline, when shown, is a line of its own atop the first page or the bold start of its first
paragraph ("بيروت - العرب اليوم:").

Between the meta row and the text (pages of two pages or more): "عدد الصفحات: 3", the link
"عرض المقال في صفحة واحدة" and, where the pages have titles, the list of pages ("في هذا
المقال:": "مقدمة" for the first, then the later pages' titles: a repeat of body lines before the
body).

Bylines: "بقلم: X", "كتب: X", "د. X" (``titled``: the title is no part of the name), the bare
name, or metadata only; in the meta row under the ``<h1>`` or after the text (with the writer's
bio). Text-dated pages print the date in the meta row with its label.
Page: the header (logo, menu, today's date: render time), breadcrumbs; the ``<h1>``; the meta
row; share buttons; the lead image with its caption; the pages. After them: the byline when
after, tags, the writer's other articles or related stories with dates, reader comments with
dates and the comment form; the sidebar: most read with dates; the footer; the pager script.

Head: og tags, ``<link rel="next">`` to the second page's URL; on metadata-dated pages (and for
metadata-only bylines) a JSON-LD ``NewsArticle`` and ``article:published_time``. Text-dated and
undated pages carry no machine publication date.
Dates: metadata (second) or the meta row (minute or day); undated pages show the lists' and
comments' dates and the header's day only.
"""

from __future__ import annotations

from crawler.simulator.markup import body, furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, esc, thumb_url
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.text import eastern_digits, slugify

NAME = "paged_article"
TRAITS = Traits(
    date_formats=("weekday_time", "long_day", "numeric_time", "wp_day", "levant_time"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("biqalam_colon", "kataba", "titled", "bare", "meta_only"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.7, caption=0.6,
)

PREV, NEXT = "« السابق", "التالي »"
PAGE_OF = "الصفحة {k} من {n}"
PAGE_MARK = "({k}/{n})"
PAGE_COUNT = ("عدد الصفحات: {n}", "{n} صفحات")
"""How many pages; two are "صفحتان" in the second form."""
ONE_PAGE = ("عرض المقال في صفحة واحدة", "اقرأ المقال كاملا")
TOC_HEADINGS = ("في هذا المقال:", "صفحات المقال:")
FIRST_PAGE = "مقدمة"
SPONSORED = ("محتوى مدعوم", "إعلان - محتوى مدعوم")
PARTNERS = ("برعاية شريكنا", "بالتعاون مع منصة إعلانية")


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _pages(page: Page, parts: list[Part], titled: bool) -> list[list[Part]]:
    """The parts cut into pages (never between a list's lead-in and its list); on titled
    sites each page after the first opens with its title, an intertitle."""
    rng = page.rng
    cuts = [j for j in range(1, len(parts)) if parts[j].kind != "list"]
    count = min(len(cuts), rng.choice((1, 2, 2, 3)))
    chosen = sorted(rng.sample(cuts, count))
    pages = [parts[i:j] for i, j in zip([0, *chosen], [*chosen, len(parts)], strict=True)]
    if titled and len(pages) > 1:
        titles = rng.sample(body.INTERTITLES, len(pages) - 1)
        pages = [pages[0], *([Part("subhead", (t,)), *p] for t, p in zip(titles, pages[1:],
                                                                         strict=True))]
        page.set_body([t for p in pages for part in p for t in part.texts])
        shape = page.layout["body_shape"]
        page.layout["body_shape"] = "page_titles" if shape == "plain" else f"{shape}+page_titles"
    return pages


def _nav(page: Page, k: int, n: int) -> str:
    links = []
    if k > 1:
        links.append(f'<a class="prev" href="?page={k - 1}">{esc(PREV)}</a>')
    links += [f'<a href="?page={i}" class="{"current" if i == k else "num"}">'
              f"{esc(_digits(page, str(i)))}</a>" for i in range(1, n + 1)]
    if k < n:
        links.append(f'<a class="next" href="?page={k + 1}">{esc(NEXT)}</a>')
    of = page.record("pager", [PREV if k > 1 else "", NEXT if k < n else "",
                               _digits(page, PAGE_OF.format(k=k, n=n))])[2]
    return (f'<nav class="page-nav" data-page="{k}">{" ".join(links)} <span class="of">'
            f"{esc(of)}</span></nav>")


def _sponsored(page: Page) -> str:
    rng = page.rng
    label = page.pick("sponsored", SPONSORED)
    partner = page.pick("sponsored", PARTNERS)
    cards = []
    for title in furniture.headlines(rng, 2):
        teaser = furniture.teaser(rng)
        page.record("sponsored", [title, teaser])
        cards.append(f'<a class="card" href="https://ads.example-network.com/c/'
                     f'{rng.getrandbits(32):08x}"><img src="{attr(thumb_url(page.site, rng))}" '
                     f'alt=""><strong>{esc(title)}</strong><span>{esc(teaser)}</span></a>')
    return (f'<div class="sponsored"><span class="label">{esc(label)}</span>{"".join(cards)}'
            f'<small>{esc(partner)}</small></div>')


def _text(page: Page, pages: list[list[Part]], sponsored: bool) -> str:
    n, out = len(pages), []
    flat = body.parts_html(page, [part for parts in pages for part in parts], heading="h2")
    for k, parts in enumerate(pages, start=1):
        html, flat = flat[:len(parts)], flat[len(parts):]
        if k == 1 and page.dateline and page.dateline.position == "line":
            html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
        if k > 1:
            mark = page.record("pager", [_digits(page, PAGE_MARK.format(k=k, n=n))])[0]
            html.insert(0, f'<div class="page-head"><span class="t">{esc(page.headline)}</span> '
                           f'<span class="n">{esc(mark)}</span></div>')
        hidden = " hidden" if k > 1 else ""
        out.append(f'<section class="article-page" data-page="{k}"{hidden}>\n'
                   + "\n".join(html) + "\n</section>")
        if n > 1:
            out.append(_nav(page, k, n))
        if k == 1 and n > 1 and sponsored:
            out.append(_sponsored(page))
    return (f'<div class="paged-article" data-pages="{n}">\n' + "\n".join(out) + "\n</div>")


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    titled = page.stable(f"titled:{page.section}").random() < 0.5
    parts = body.shape(page, lead=0.2, quote=0.2, bullets=0.15)
    pages = _pages(page, parts, titled)
    sponsored = len(pages) > 1 and rng.random() < 0.6
    page.layout.update(pages=str(len(pages)), page_titles="yes" if titled else "no",
                       sponsored="yes" if sponsored else "no")

    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} - {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + (f'<link rel="next" href="{attr(a.url)}?page=2">\n' if len(pages) > 1 else "")
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + (meta.ld_script(meta.news_article(page))
               if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/theme/paged.css">\n</head>\n')
    today = page.today_line(page.stable("today").choice(("weekday_day", "paired_day")))
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    crumbs = page.breadcrumbs()
    crumb_html = " » ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(crumbs))
    meta_row = []
    if b.visible and b.position == "before":
        meta_row.append(f'<span class="by">{esc(b.prefix)}{page.linked_names()}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())

    info = ""
    if len(pages) > 1:
        form = page.stable("count").choice(PAGE_COUNT)
        shown = "صفحتان" if form == PAGE_COUNT[1] and len(pages) == 2 else form.format(
            n=len(pages))
        count = page.record("paging", [_digits(page, shown)])[0]
        whole = page.pick("paging", ONE_PAGE)
        toc = ""
        if titled:
            heading = page.pick("paging", TOC_HEADINGS)
            page.record("paging", [FIRST_PAGE])
            names = [FIRST_PAGE, *(p[0].texts[0] for p in pages[1:])]
            toc = (f'<div class="toc"><b>{esc(heading)}</b><ol>'
                   + "".join(f'<li><a href="?page={k}">{esc(x)}</a></li>'
                             for k, x in enumerate(names, start=1)) + "</ol></div>")
        info = (f'<div class="paging-info"><span>{esc(count)}</span> '
                f'<a href="?view=all">{esc(whole)}</a>{toc}</div>')
    text = _text(page, pages, sponsored)
    after = ""
    if b.visible and b.position == "after":
        bio = page.author_bio(b.names[0])
        after = (f'<div class="author-box"><p class="signed">{esc(b.text())}</p>'
                 f"<p>{esc(bio)}</p></div>")
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    if b.visible:
        more_heading = page.pick("writer_more", furniture.WRITER_MORE)
        more = page.links("writer_more", rng.randint(3, 5), "long_day")
    else:
        more_heading = page.pick("related", furniture.RELATED_HEADINGS)
        more = page.links("related", rng.randint(3, 5), "long_day")
    more_html = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> '
                        f'<span class="d">{esc(link.date or "")}</span></li>' for link in more)
    comments_heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    comments = "".join(f'<li><b>{esc(name)}</b> <span class="d">{esc(day)}</span>'
                       f"<p>{esc(words)}</p></li>"
                       for name, day, words in page.reader_comments(rng.randint(0, 3)))
    form = "".join(f"<label>{esc(x)}</label>" for x in page.comment_form())
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> '
                   f'<span class="d">{esc(link.date or "")}</span></li>'
                   for link in page.links("most_read", 5, "numeric_day"))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="single paged">',
        f'<header><a class="logo" href="/"><img src="/logo.png" alt="{attr(page.label)}"></a>'
        f'<span class="today">{esc(today)}</span><nav><ul>{menu}</ul></nav></header>',
        f'<nav class="crumbs">{crumb_html}</nav>',
        '<div class="cols"><main><article class="post">',
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else "",
        f'<div class="share">{share}</div>',
        page.lead_figure(),
        info,
        text,
        after,
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="more"><h3>{esc(more_heading)}</h3><ul>{more_html}</ul></section>',
        f'<section class="comments"><h3>{esc(comments_heading)}</h3><ol>{comments}</ol>'
        f"<form>{form}</form></section>",
        "</main>",
        f'<aside class="side"><h3>{esc(most_heading)}</h3><ol>{most}</ol></aside>',
        "</div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "<script>document.querySelectorAll('.page-nav a').forEach(function(a){a.addEventListener("
        "'click',function(e){e.preventDefault();var k=a.getAttribute('href').split('=')[1];"
        "document.querySelectorAll('.article-page').forEach(function(s){s.hidden="
        "s.dataset.page!==k;});});});</script>",
        "</body>\n</html>\n",
    ])
