"""A daily newspaper's web edition that sets its articles in two columns, as on paper, and
carries a hidden print copy of the whole article in the same HTML: the text twice in the
source, once cut into columns with a pull quote and an ad between them.

Body: the article's parts once (now and then a lead sentence of its own, a quoted statement as a
``<blockquote>``, intertitles: body). On the page they are cut at a part boundary into two
``<div class="col">`` inside ``div.columns`` (``layout["columns"]``: ``2``, or ``1`` for a
one-part text): the first column ends with the jump line "يتبع" / "(البقية في العمود المجاور)",
the second opens with "تابع" (furniture); between the columns, inside ``div.columns``, the pull
quote (``<aside class="pull-quote">`` with a sentence of the text in «»: a repeat, not body) and
an ad slot with its label. The dateline is the first column's first line or the bold start of
its first paragraph ("دبي - صوت الإمارات -", the text after it is body).
The print copy (``<div id="print-copy" class="print-only" style="display:none">``) repeats the
headline in an ``<h2>``, the meta line, the dateline and every part as plain ``<p>``s (a list
as ``<ul>``, intertitles as ``<h3>``), between its own chrome: "طبع من موقع {site}" and the
print time "تاريخ الطباعة: ..." (render time) before the headline, "رابط المقال:" with the
URL and the copyright line after the text. It is the same text, not a second body: the
article's paragraphs are expected once. Each section of a site places the copy one way
(``layout["copy"]``): ``before``, right after the site header, before the visible article
(the text's first occurrence in the source is the hidden one), or ``after``, after the footer.

Bylines: "بقلم: X", "بقلم الكاتب: X", "بقلم X", "الكاتب: X", the bare name, or metadata only;
in the meta row under the ``<h1>`` or after the text with the writer's note ("* كاتب وباحث في
...": not body). On some pages the piece is a translation (``layout["translator"]``): the line
"ترجمة: Y" / "ترجمة وإعداد: Y" stands under the byline in the meta row (and in the print
copy's meta line). The translator is *not* an author: the author is the writer whose words
these are; the translator's name is furniture, like a photographer's credit.

Head: og tags, ``<link rel="alternate" media="print">``; on metadata-dated pages (and for
metadata-only bylines) a JSON-LD ``NewsArticle`` (the translator as ``translator``, a
``Person``, on translated pages; no author) and ``article:published_time``. Text-dated and
undated pages carry no machine date.
Page: the header (logo, today's date: render time, menu), breadcrumbs; the section kicker; the
``<h1>``; the meta row (byline when before, translator, the date on dated pages with its
label); print and share links ("طباعة" opens the copy); the lead image with its caption; the
columns. After: the byline when it goes after and the writer's note, tags, the writer's other
articles ("مقالات أخرى للكاتب") or related stories with dates, the footer.
Dates: metadata (second) or the meta row (and the copy's meta line: the same text; minute or
day); undated pages show the print time and the lists' dates and the header's day, never
between a title and the text.
"""

from __future__ import annotations

from typing import Any

from crawler.simulator.markup import body, furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, esc, inline
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.text import slugify

NAME = "split_columns"
TRAITS = Traits(
    date_formats=("paired_day", "weekday_time", "long_day", "levant_day", "numeric_time"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("biqalam_colon", "biqalam_colon", "biqalam", "katib", "bare", "meta_only"),
    byline_prefixes={"biqalam_colon": ("بقلم: ", "بقلم الكاتب: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.8, caption=0.7,
)

JUMPS = (("يتبع", "تابع"), ("(البقية في العمود المجاور)", "تتمة"))
TRANSLATED = ("ترجمة: ", "ترجمة وإعداد: ")
TRANSLATORS = ("أسامة القيسي", "ريما الخوري", "جواد بنمنصور", "هبة الدسوقي", "نزار العاني",
               "إيناس قرطبي")
"""Translators: a pool of names of their own (no author)."""
PRINT_HEADS = ("طبع من موقع {label}", "نسخة للطباعة - {label}")
PRINT_TIME = ("تاريخ الطباعة:", "طبعت في:")
PRINT_LINK = ("رابط المقال:", "الرابط:")
TOOLS = ("طباعة", "حفظ", "تكبير الخط")
OTHER_HEADINGS = ("مقالات أخرى للكاتب", "اقرأ للكاتب أيضا")


def _parts_html(page: Page, parts: list[Part], plain: bool) -> list[str]:
    """One HTML block per part; the dateline run into the first paragraph when it goes there."""
    rng = page.rng
    html = []
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            html.append(f"<h3>{esc(text)}</h3>")
        elif part.kind == "quote":
            html.append(f"<blockquote><p>{esc(text)}</p></blockquote>")
        elif part.kind == "list":
            html.append("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>")
        elif i == 0 and page.dateline and page.dateline.position == "body_lead":
            html.append(f"<p><b>{esc(page.dateline.text)} -</b> "
                        f"{esc(text) if plain else inline(text, rng, 0.2)}</p>")
        else:
            html.append(f"<p>{esc(text) if plain else inline(text, rng, 0.2)}</p>")
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    return html


def _pull(page: Page, parts: list[Part]) -> str:
    """A sentence of the text, as the pull quote repeats it."""
    texts = [p.texts[0] for p in parts if p.kind == "p" and len(body.sentences(p.texts[0])) > 1]
    if not texts:
        return ""
    sentence = page.rng.choice(body.sentences(page.rng.choice(texts)))
    return f'<aside class="pull-quote"><p>«{esc(sentence)}»</p></aside>'


def _columns(page: Page, parts: list[Part]) -> str:
    rng = page.rng
    html = _parts_html(page, parts, plain=False)
    offset = len(html) - len(parts)  # a dateline line before the first part
    cuts = [k for k in range(1, len(parts)) if parts[k].kind != "list"]
    if not cuts:
        page.layout["columns"] = "1"
        return '<div class="columns"><div class="col col-1">' + "".join(html) + "</div></div>"
    page.layout["columns"] = "2"
    cut = rng.choice(cuts) + offset
    jump, resume = page.stable("jump").choice(JUMPS)
    page.record("jump", [jump, resume])
    ad = page.pick("ad", furniture.AD_LABELS)
    return ('<div class="columns"><div class="col col-1">' + "\n".join(html[:cut])
            + f'<p class="jump">{esc(jump)}</p></div>\n{_pull(page, parts)}<div class="ad-slot">'
            f'<span class="ad-label">{esc(ad)}</span><ins class="adsbygoogle"></ins></div>\n'
            f'<div class="col col-2"><p class="resume">{esc(resume)}</p>'
            + "\n".join(html[cut:]) + "</div></div>")


def _meta_line(page: Page, translator: str | None, links: bool) -> list[str]:
    b = page.byline
    row = []
    if b.visible and b.position == "before":
        names = (" و".join(f'<a href="/writer/{attr(slugify(n))}">{esc(n)}</a>' for n in b.names)
                 if links else esc(b.joined()))
        row.append(f'<span class="by">{esc(b.prefix)}{names}</span>')
    if translator:
        row.append(f'<span class="translator">{esc(translator)}</span>')
    if page.date.visible:
        label = page.date.label
        row.append(f'<span class="date">{esc(label)} {esc(page.date.visible)}</span>')
    return row


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    copy_place = page.stable(f"copy:{page.section}").choice(("before", "after"))
    page.layout["copy"] = copy_place
    translator = None
    translator_name = None
    if rng.random() < 0.3:
        translator_name = rng.choice([n for n in TRANSLATORS if n not in a.authors])
        translator = page.record("translator", [page.stable("translated").choice(TRANSLATED)
                                                + translator_name])[0]
        page.layout["translator"] = "yes"
    if page.date.visible and page.date.label:
        page.record("date_label", [page.date.label])
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.2)
    extra: dict[str, Any] = {}
    if translator_name:
        extra["translator"] = {"@type": "Person", "name": translator_name}
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} - {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            f'<link rel="alternate" media="print" href="{attr(a.url)}?print=1">\n'
            + meta.open_graph(page) + meta.article_times(page)
            + (meta.ld_script(meta.news_article(page, **extra))
               if page.date.where == "metadata" or b.in_metadata else "")
            + '<style>.print-only{display:none}@media print{.print-only{display:block}}</style>\n'
            + '<link rel="stylesheet" href="/edition/paper.css">\n</head>\n')
    today = page.today_line(page.stable("today").choice(("paired_day", "weekday_day")))
    menu = "".join(f'<li><a href="/section/{i}">{esc(m)}</a></li>'
                   for i, m in enumerate(page.menu()))
    crumbs = page.breadcrumbs()
    crumb_html = " » ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(crumbs))
    kicker = page.record("label", [page.section])[0]
    # the print copy: its own chrome around the same text
    print_head = page.record("print", [page.stable("print-head").choice(PRINT_HEADS).format(
        label=page.label)])[0]
    print_label = page.pick("print", PRINT_TIME)
    printed = page.record("clock", [f"{page.today:%d/%m/%Y %H:%M}"])[0]
    link_label = page.pick("print", PRINT_LINK)
    copy_meta = _meta_line(page, translator, links=False)
    copy_footer = page.footer()
    copy = ('<div id="print-copy" class="print-only" style="display:none" aria-hidden="true">'
            f'<p class="print-head">{esc(print_head)}</p><p class="print-time">'
            f"{esc(print_label)} {esc(printed)}</p><h2>{esc(page.headline)}</h2>"
            + (f'<p class="print-meta">{" ".join(copy_meta)}</p>' if copy_meta else "")
            + "".join(_parts_html(page, parts, plain=True))
            + f'<p class="print-link">{esc(link_label)} {esc(a.url)}</p><p>{esc(copy_footer[0])}'
            "</p></div>")
    meta_row = _meta_line(page, translator, links=True)
    tools = page.record("tools", [page.stable("tools").choice(TOOLS[:2]), TOOLS[2]])
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    figure = page.lead_figure()
    columns = _columns(page, parts)
    after = ""
    if b.visible and b.position == "after":
        note = page.record("author_bio", [f"* {furniture.writer_note(rng)}"])[0]
        after = (f'<div class="writer-end"><p class="by">{esc(b.text())}</p><p class="note">'
                 f"{esc(note)}</p></div>")
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    if a.kind == "opinion":
        other_heading = page.pick("related", OTHER_HEADINGS)
    else:
        other_heading = page.pick("related", furniture.RELATED_HEADINGS)
    others = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> <span>'
                     f'{esc(link.date or "")}</span></li>'
                     for link in page.links("related", rng.randint(3, 5), "paired_day"))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="edition">',
        f'<header><a class="logo" href="/"><img src="/edition/logo.png" alt="'
        f'{attr(page.label)}"></a><span class="today">{esc(today)}</span><nav><ul>{menu}</ul>'
        "</nav></header>",
        copy if copy_place == "before" else "",
        f'<nav class="crumbs">{crumb_html}</nav>',
        '<main><article class="paper-article">',
        f'<span class="kicker">{esc(kicker)}</span>',
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else "",
        f'<div class="tools"><a href="#print-copy" onclick="window.print();return false">'
        f'{esc(tools[0])}</a> <a href="#">{esc(tools[1])}</a> {share}</div>',
        figure,
        columns,
        after,
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="more"><h3>{esc(other_heading)}</h3><ul>{others}</ul></section>',
        "</main>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        copy if copy_place == "after" else "",
        "</body>\n</html>\n",
    ])
