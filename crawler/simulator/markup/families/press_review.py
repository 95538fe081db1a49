"""A press review (جولة في الصحف / "الصحافة اليوم") of a portal's news desk: the desk's round-up
of what the day's newspapers wrote, one newspaper after another, beside a strip of the day's
front pages, a box of the papers' headlines and the archive of earlier reviews.

Body (``div.review-text``): the review's first paragraph (the article's first), then the article's
further paragraphs grouped under two to four newspapers' names (``layout["body_shape"]``
``papers``). The papers' names are the editor's own lines inside the text (body, like intertitles),
set one way per section of a site (``layout["papers"]``): ``heading``, an ``<h3 class="paper">`` of
its own; ``line``, a bold ``<p>`` of its own; ``run_in``, the bold start of the paper's first
paragraph ("صحيفة الوادي: ..." one paragraph, the name included). Not body: the issue number under
a paper's name on some pages (``p.issue`` "العدد 14321"), the link to the paper's site after its
paragraphs in some sections (``p.source``, ``layout["source_links"]``), ad slots between two
papers. The dateline, when shown, is a line of its own above the text.

The front pages strip (``section.front-pages``: "أغلفة صحف اليوم" / "الصفحات الأولى", the day of
the *render* (a widget of today's papers, not the review's day) and a figure per paper with its
name): each section of a site places it one way (``layout["front_pages"]``): ``top``, above the
``<h1>`` under the kicker, or ``side``, in the sidebar. The papers are outlets, never authors.

Bylines: "إعداد: X", "رصد: X", "متابعة: X", the bare name, or metadata only, in the meta row
under the ``<h1>`` or after the text; on half the unsigned pages the desk "إعداد: قسم الرصد"
(no author: ``layout["byline"]`` ``desk``).
Page: the header (logo, menu, today's date: render time), the breaking ticker, breadcrumbs, the
kicker; the ``<h1>``; the meta row (byline when before, the date on dated pages); share
buttons; the lead image with its caption. After the text: the byline when after (or the desk),
tags, earlier reviews ("جولات سابقة": the kicker and a day before the publication), related
stories with dates, the comments; the sidebar: the papers' headlines ("عناوين الصحف": "صحيفة
X: headline", the same name-colon start as a ``run_in`` paragraph), most read; the footer.

Head: og tags; on metadata-dated pages (and for metadata-only bylines) a JSON-LD
``NewsArticle`` and ``article:published_time``. Text-dated and undated pages carry no machine
publication date.
Dates: metadata (second) or the meta row (minute or day); undated pages show the strip's day,
the archive's and the lists' dates and the header's day, never between the title and the text.
"""

from __future__ import annotations

from datetime import timedelta

from crawler.simulator.markup import dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc, inline, thumb_url
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import eastern_digits, slugify

NAME = "press_review"
TRAITS = Traits(
    date_formats=("weekday_day", "long_day", "weekday_time", "numeric_day", "paired_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc", "utc_z"),
    visible_with_meta=0.6, eastern_digits=0.15,
    byline_forms=("kataba", "kataba", "bare", "meta_only"),
    byline_prefixes={"kataba": ("إعداد: ", "رصد: ", "متابعة: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "omitted", "omitted"),
    display_title=0.5, image=0.5, caption=0.5,
)

KICKERS = ("جولة في الصحف", "الصحافة اليوم", "قراءة في الصحف")
PAPERS = ("صحيفة الأفق الجديد", "جريدة الصباح العربي", "صحيفة الرأي الحر", "صحيفة الوادي",
          "يومية المساء الجديد", "جريدة الضفتين", "صحيفة المرفأ", "يومية الأطلس الحر",
          "صحيفة الواحة")
"""Newspapers (invented): outlets, never authors."""
ISSUE = "العدد {n}"
SOURCE_LINKS = ("اقرأ المزيد على موقع الصحيفة", "المقال كاملا في الموقع الإلكتروني للصحيفة")
FRONT_HEADINGS = ("أغلفة صحف اليوم", "الصفحات الأولى")
HEADLINE_HEADINGS = ("عناوين الصحف", "أبرز العناوين")
ARCHIVE_HEADINGS = ("جولات سابقة", "أرشيف جولة الصحف")
DESK = "إعداد: قسم الرصد"


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _groups(page: Page) -> list[tuple[str | None, list[str]]]:
    """The intro (no paper), then consecutive groups of the other paragraphs under papers."""
    rng, paragraphs = page.rng, list(page.article.paragraphs)
    intro, rest = paragraphs[0], paragraphs[1:]
    count = min(len(rest), rng.randint(2, 4))
    cuts = sorted(rng.sample(range(1, len(rest)), count - 1)) if count > 1 else []
    edges = list(zip([0, *cuts], [*cuts, len(rest)], strict=True)) if count else []
    papers = rng.sample(PAPERS, count)
    return [(None, [intro]), *((paper, rest[i:j]) for paper, (i, j) in zip(papers, edges,
                                                                             strict=True))]


def _text(page: Page, groups: list[tuple[str | None, list[str]]], style: str,
          sources: bool) -> str:
    rng = page.rng
    shown: list[str] = []
    html = []
    if page.dateline:
        html.append(f'<p class="dateline">{esc(page.dateline.text)}</p>')
    for k, (paper, texts) in enumerate(groups):
        if paper is None:
            shown += texts
            html += [f"<p>{inline(t, rng, 0.2)}</p>" for t in texts]
            continue
        if k > 1 and rng.random() < 0.4:
            html.append(f'<div class="ad"><span>{esc(page.pick("ad", furniture.AD_LABELS))}'
                        "</span></div>")
        first, others = texts[0], texts[1:]
        if style == "heading":
            shown += [paper, *texts]
            html.append(f'<h3 class="paper">{esc(paper)}</h3>')
        elif style == "line":
            shown += [paper, *texts]
            html.append(f"<p><strong>{esc(paper)}</strong></p>")
        else:
            shown += [f"{paper}: {first}", *others]
        if rng.random() < 0.4:
            issue = page.record("issue", [_digits(page, ISSUE.format(n=rng.randint(900, 16000)))])
            html.append(f'<p class="issue">{esc(issue[0])}</p>')
        lead = f"<strong>{esc(paper)}:</strong> " if style == "run_in" else ""
        html.append(f"<p>{lead}{inline(first, rng, 0.2)}</p>")
        html += [f"<p>{inline(t, rng, 0.2)}</p>" for t in others]
        if sources:
            label = page.pick("source", SOURCE_LINKS)
            html.append(f'<p class="source"><a href="#" rel="nofollow">{esc(label)}</a></p>')
    page.set_body(shown)
    page.layout["body_shape"] = "papers" if len(groups) > 1 else "plain"
    return '<div class="review-text">\n' + "\n".join(html) + "\n</div>"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    style = page.stable(f"papers:{page.section}").choice(("heading", "line", "run_in"))
    strip_place = page.stable(f"front:{page.section}").choice(("top", "side"))
    sources = page.stable(f"sources:{page.section}").random() < 0.5
    page.layout.update(papers=style, front_pages=strip_place,
                       source_links="yes" if sources else "no")
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    kicker = page.pick("label", KICKERS)

    front_heading = page.pick("front_pages", FRONT_HEADINGS)
    front_day = page.record("front_pages", [dates.visible(page.today, "weekday_day", a.site,
                                                          page.eastern)])[0]
    covers = page.record("front_pages", rng.sample(PAPERS, 4))
    strip = (f'<section class="front-pages"><h3>{esc(front_heading)}</h3><span class="day">'
             f"{esc(front_day)}</span>"
             + "".join(f'<figure><img src="{attr(thumb_url(page.site, rng))}" alt="{attr(c)}">'
                       f"<figcaption>{esc(c)}</figcaption></figure>" for c in covers)
             + "</section>")

    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(kicker)} | {esc(page.headline)} - {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + (meta.ld_script(meta.news_article(page))
               if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/css/review.css">\n</head>\n')
    today = page.today_line(page.stable("today").choice(("weekday_day", "levant_day")))
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    ticker_label = page.pick("ticker", furniture.BREAKING_LABELS)
    ticker = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                     for link in page.links("ticker", rng.randint(3, 6)))
    crumbs = page.breadcrumbs()
    crumb_html = " / ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(crumbs))
    meta_row = []
    if b.visible and b.position == "before":
        meta_row.append(f'<span class="by">{esc(b.prefix)}{page.linked_names()}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())

    text = _text(page, _groups(page), style, sources)
    signed = ""
    if b.visible and b.position == "after":
        signed = f'<p class="signed">{esc(b.text())}</p>'
    elif b.form == "none" and rng.random() < 0.5:
        signed = f'<p class="signed desk">{esc(page.record("desk", [DESK])[0])}</p>'
        page.layout["byline"] = "desk"
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    archive_heading = page.pick("archive", ARCHIVE_HEADINGS)
    archive = []
    for k in range(rng.randint(3, 5)):
        day = dates.visible(base - timedelta(days=k + 1), "weekday_day", a.site, page.eastern)
        item = page.record("archive", [f"{kicker} {day}"])[0]
        archive.append(f'<li><a href="/review/{rng.randint(100, 9999)}">{esc(item)}</a></li>')
    related_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> '
                      f'<span class="d">{esc(link.date or "")}</span></li>'
                      for link in page.links("related", rng.randint(3, 5), "long_day"))
    comments_heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    comments = "".join(f'<li><b>{esc(name)}</b> <span class="d">{esc(day)}</span>'
                       f"<p>{esc(words)}</p></li>"
                       for name, day, words in page.reader_comments(rng.randint(0, 2)))
    form = "".join(f"<label>{esc(x)}</label>" for x in page.comment_form())
    headlines_heading = page.pick("paper_headlines", HEADLINE_HEADINGS)
    headlines = page.record("paper_headlines", [f"{paper}: {furniture.headline(rng)}"
                                                for paper in rng.sample(PAPERS, 4)])
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                   for link in page.links("most_read", 5))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="press-review">',
        f'<header><a class="logo" href="/"><img src="/logo.png" alt="{attr(page.label)}"></a>'
        f'<span class="today">{esc(today)}</span><nav><ul>{menu}</ul></nav></header>',
        f'<div class="ticker"><b>{esc(ticker_label)}</b><ul>{ticker}</ul></div>',
        f'<nav class="crumbs">{crumb_html}</nav>',
        '<div class="cols"><main><article class="review">',
        f'<span class="kicker">{esc(kicker)}</span>',
        strip if strip_place == "top" else "",
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else "",
        f'<div class="share">{share}</div>',
        page.lead_figure(),
        text,
        signed,
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="archive"><h3>{esc(archive_heading)}</h3><ul>{"".join(archive)}</ul>'
        "</section>",
        f'<section class="related"><h3>{esc(related_heading)}</h3><ul>{related}</ul></section>',
        f'<section class="comments"><h3>{esc(comments_heading)}</h3><ol>{comments}</ol>'
        f"<form>{form}</form></section>",
        "</main>",
        '<aside class="side">' + (strip if strip_place == "side" else "")
        + f'<div class="paper-headlines"><h3>{esc(headlines_heading)}</h3><ul>'
        + "".join(f"<li>{esc(h)}</li>" for h in headlines) + "</ul></div>"
        f"<h3>{esc(most_heading)}</h3><ol>{most}</ol></aside>",
        "</div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
