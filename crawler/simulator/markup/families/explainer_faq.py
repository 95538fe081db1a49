"""An explainer in questions and answers (س و ج / "كل ما تريد معرفته عن...") of a portal's news
desk: the story cut into the desk's questions, each answered by the story's paragraphs, as an
accordion of ``<details>`` items or as headed sections, with a table of contents repeating the
questions, a "was this answer useful?" bar under each answer and a ``FAQPage`` JSON-LD repeating
questions and answers.

Here the *questions are body*, like the intertitles they stand for: ``expected["paragraphs"]``
is the introduction (the article's first paragraph), then each question (the desk's own line, one
of QUESTIONS) followed by its answer (the article's further paragraphs, in order; an answer that
runs over two paragraphs has its question only before the first) (``layout["body_shape"]``
``faq``). The answers are body whether their item is folded or open. Each section of a site sets
the items one way (``layout["items"]``): ``accordion``, ``<details class="faq-item">`` with the
question in a ``<summary>`` (only the first item ``open``); ``sections``, a ``<section>`` with the
question in an ``<h2>``. ``layout["toc"]``: ``yes``, "في هذا الشرح" lists the questions as links
before the introduction (the list repeats body lines: not the body). Not body either: the
kicker above the ``<h1>`` ("س و ج", "ما تحتاج معرفته"), the useful bars ("هل كانت هذه الإجابة
مفيدة؟" "نعم" "لا"), an ad and a read-also line between two items, the readers' question form,
the update line after the text ("تم تحديث هذا الشرح في <day>", on dated pages only: a day after
the publication) and the other explainers with their days.

Bylines: "إعداد: X", "كتب: X", the bare name, or metadata only, before or after the text. Head:
og tags, the ``FAQPage`` JSON-LD (no dates); on metadata-dated pages (and for metadata-only
bylines) a JSON-LD ``NewsArticle`` and ``article:published_time``. Dates: metadata (second) or
the meta row (minute or day).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from crawler.simulator.markup import dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc, inline
from crawler.simulator.markup.page import Page, Traits, link_items
from crawler.simulator.text import slugify

NAME = "explainer_faq"
TRAITS = Traits(
    date_formats=("weekday_day", "long_day", "numeric_time", "day_at_time", "wp_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("kataba", "kataba", "bare", "meta_only"),
    byline_prefixes={"kataba": ("إعداد: ", "كتب: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("omitted", "omitted", "line"),
    display_title=0.5, image=0.8, caption=0.6,
)

QUESTIONS = ("ما الذي حدث بالضبط؟", "ما خلفية هذا الملف؟", "من هي الأطراف المعنية؟",
             "ماذا قال المسؤولون؟", "ما الذي سيتغير عمليا؟", "لماذا يهم هذا الأمر؟",
             "ما هي الأرقام المتوفرة حتى الآن؟", "كيف كانت ردود الفعل؟", "ما الخطوة التالية؟",
             "هل هناك جدول زمني واضح؟")
"""The desk's questions (written for this generator): body lines, in this order on the page."""
KICKERS = ("س و ج", "ما تحتاج معرفته", "أسئلة وأجوبة")
TOC = ("في هذا الشرح", "أسئلة هذا الملف")
USEFUL = ("هل كانت هذه الإجابة مفيدة؟", "نعم", "لا")
ASK = ("لديك سؤال آخر حول الموضوع؟ اكتب لنا وسنجيب عنه", "سؤالك", "إرسال")
UPDATED = "تم تحديث هذا الشرح في {day}"
OTHER = ("شروحات أخرى", "ملفات مشابهة")


def _items(page: Page) -> list[tuple[str, list[str]]]:
    """The questions and their answers; the page's body set from them."""
    rng = page.rng
    rest = list(page.article.paragraphs[1:])
    count = min(len(rest), rng.randint(3, 5), len(QUESTIONS))
    questions = [QUESTIONS[k] for k in sorted(rng.sample(range(len(QUESTIONS)), count))]
    # each question gets one paragraph, the last ones share the leftovers in order
    cuts = sorted(rng.sample(range(1, len(rest)), count - 1)) if count > 1 else []
    bounds = [0, *cuts, len(rest)]
    items = [(q, rest[bounds[k]:bounds[k + 1]]) for k, q in enumerate(questions)]
    page.set_body([page.article.paragraphs[0], *(x for q, answer in items for x in (q, *answer))])
    page.layout["body_shape"] = "faq"
    return items


def _faq_ld(items: list[tuple[str, list[str]]]) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "FAQPage",
            "mainEntity": [{"@type": "Question", "name": q,
                            "acceptedAnswer": {"@type": "Answer", "text": " ".join(answer)}}
                           for q, answer in items]}


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    style = page.stable(f"items:{page.section}").choice(("accordion", "sections"))
    toc_shown = page.stable(f"toc:{page.section}").random() < 0.5
    page.layout.update(items=style, toc="yes" if toc_shown else "no")
    items = _items(page)
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} | {esc(page.label)}</title>\n"
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + (meta.ld_script(_faq_ld(items)) if items else "")
            + (meta.ld_script(meta.news_article(page))
               if page.date.where == "metadata" or b.in_metadata else "")
            + "</head>\n")
    today = page.today_line("weekday_day")
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    breaking = page.pick("ticker", furniture.BREAKING_LABELS)
    ticker = "".join(f'<a href="{attr(x.url)}">{esc(x.title)}</a>'
                     for x in page.links("ticker", rng.randint(3, 5)))
    crumbs = " › ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(page.breadcrumbs()))
    kicker = page.pick("kicker", KICKERS)
    meta_row = []
    if b.visible and b.position == "before":
        meta_row.append(f'<span class="by">{esc(b.text())}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    toc = ""
    if toc_shown and items:
        heading = page.pick("toc", TOC)
        toc = (f'<nav class="toc"><b>{esc(heading)}</b><ol>'
               + "".join(f'<li><a href="#q{k}">{esc(q)}</a></li>' for k, (q, _) in
                         enumerate(items)) + "</ol></nav>")
    intro = page.article.paragraphs[0]
    if page.dateline and page.dateline.position == "line":
        intro_html = (f'<p class="dateline">{esc(page.dateline.text)}</p>\n'
                      f'<p class="intro">{inline(intro, rng, 0.2)}</p>')
    else:
        intro_html = f'<p class="intro">{inline(intro, rng, 0.2)}</p>'
    useful = page.record("useful", list(USEFUL))
    bar = (f'<div class="useful">{esc(useful[0])} <button>{esc(useful[1])}</button>'
           f"<button>{esc(useful[2])}</button></div>")
    blocks = []
    for k, (question, answer) in enumerate(items):
        text = "".join(f"<p>{inline(x, rng, 0.2)}</p>" for x in answer)
        if style == "accordion":
            blocks.append(f'<details class="faq-item" id="q{k}"{" open" if k == 0 else ""}>'
                          f"<summary>{esc(question)}</summary><div class=\"answer\">{text}"
                          f"</div>{bar}</details>")
        else:
            blocks.append(f'<section class="faq-item" id="q{k}"><h2>{esc(question)}</h2>'
                          f"{text}{bar}</section>")
    extras = [f'<div class="ad">{esc(page.pick("ad", furniture.AD_LABELS))}</div>']
    for link in page.links("read_also", rng.randint(0, 1)):
        extras.append(f'<p class="read-also">{esc(page.pick("read_also", furniture.READ_ALSO))} '
                      f'<a href="{attr(link.url)}">{esc(link.title)}</a></p>')
    for extra in extras:  # between two items (or after the introduction)
        blocks.insert(rng.randint(0, max(0, len(blocks) - 1)), extra)
    signed = (f'<p class="by-end">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    updated = ""
    if a.published is not None and page.date.where != "none":
        later = a.published + timedelta(days=rng.randint(1, 9), hours=rng.randint(0, 12))
        line = page.record("update", [UPDATED.format(day=dates.visible(
            later, "long_day", a.site, page.eastern))])[0]
        updated = f'<p class="updated"><small>{esc(line)}</small></p>'
    ask = page.record("ask", list(ASK))
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    other_heading = page.pick("related", OTHER)
    other = link_items(page.links("related", rng.randint(3, 5), "long_day"))
    comments_heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    comments = "".join(f'<li><b>{esc(n)}</b> <time>{esc(d)}</time><p>{esc(w)}</p></li>'
                       for n, d, w in page.reader_comments(rng.randint(0, 2)))
    form = "".join(f"<label>{esc(x)}</label>" for x in page.comment_form())
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = link_items(page.links("most_read", 5, "numeric_day"))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="explainer">',
        f'<header><span class="today">{esc(today)}</span><a href="/" class="logo">'
        f'<img src="/img/logo.png" alt="{attr(page.label)}"></a><nav><ul>{menu}</ul></nav>'
        "</header>",
        f'<div class="ticker"><b>{esc(breaking)}</b>{ticker}</div>',
        f'<nav class="crumbs">{crumbs}</nav>',
        '<div class="grid"><main><article class="faq">',
        f'<span class="kicker">{esc(kicker)}</span>',
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" · ".join(meta_row)}</div>' if meta_row else "",
        page.lead_figure(),
        f'<div class="share">{share}</div>',
        toc,
        '<div class="faq-body">',
        intro_html,
        *blocks,
        "</div>",
        signed,
        updated,
        f'<form class="ask"><p>{esc(ask[0])}</p><label>{esc(ask[1])}</label><textarea></textarea>'
        f"<button>{esc(ask[2])}</button></form>",
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="other"><h3>{esc(other_heading)}</h3><ul>{other}</ul></section>',
        f'<section class="comments"><h3>{esc(comments_heading)}</h3><ol>{comments}</ol>'
        f"<form>{form}</form></section>",
        "</main>",
        f'<aside><h3>{esc(most_heading)}</h3><ol>{most}</ol></aside>',
        "</div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
