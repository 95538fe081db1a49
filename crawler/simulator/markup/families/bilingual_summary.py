"""A bilingual story page (عربي / English) of a portal that runs an English desk: the Arabic story
beside its English summary, in one page with both directions: ``<html lang="ar" dir="rtl">`` and
an ``<aside lang="en" dir="ltr">`` holding the summary's own headline (an ``<h2>``), its own
writer ("Summary by X" / "English desk") and its own day (the summary's, after the story's),
and the summary's paragraphs, with English furniture around it.

Body (``div.ar-text``): the story's parts (now and then a lead sentence of its own, a quoted
statement, intertitles: body), set one way per section of a site (``layout["text"]``): ``p``,
``<p>`` elements; ``br``, text runs separated by ``<br><br>`` in one ``<div>`` (intertitles a
``<b>`` line of their own). The dateline a line of its own above them or their bold start. Not
body: the English summary (not the article's words: a summary for foreign readers), wherever it
stands. Each section places it one way (``layout["summary"]``): ``first``, before the Arabic
column in the source (its ``<h2>`` is then the page's first heading: a headline that is not the
title); ``after``, after the Arabic text; ``side``, in the sidebar. Inside the text an ad and a
read-also line; the "English" / "العربية" switch in the header.

Bylines: "بقلم: X", "كتب: X", the bare name, or metadata only, before or after the text; the
English summary's writer is no author (a name of a Latin-script pool of its own, or the desk).
Head: og tags with ``og:locale:alternate`` en_US and an ``hreflang`` link to the English page; on
metadata-dated pages (and for metadata-only bylines) a JSON-LD ``NewsArticle`` and
``article:published_time``. Dates: metadata (second) or the meta row (minute or day); the
summary's "Published 15 Nov 2024" (English month names) is a day or more after the story's and is
never between the Arabic title and the text.
"""

from __future__ import annotations

from datetime import timedelta

from crawler.simulator.markup import body, dates, furniture, kit, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.families.translated_article import MONTHS
from crawler.simulator.markup.kit import attr, esc, inline
from crawler.simulator.markup.page import Page, Traits, link_items
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import slugify

NAME = "bilingual_summary"
TRAITS = Traits(
    date_formats=("weekday_day", "long_day", "weekday_time", "numeric_time", "levant_time"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "utc"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("biqalam_colon", "kataba", "bare", "meta_only"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("omitted", "line", "body_lead"),
    display_title=0.5, image=0.85, caption=0.7,
)

EN_HEADINGS = ("English summary", "In English", "Summary in English")
EN_SUBJECTS = ("Officials", "The ministry", "Local authorities", "The government", "Organisers")
EN_VERBS = ("announce", "unveil", "review", "approve", "launch")
EN_OBJECTS = ("new plan for public services", "measures to support young jobseekers",
              "a programme to upgrade roads and schools", "steps to curb rising prices",
              "a regional cooperation agreement")
EN_SENTENCES = ("Officials said the plan would be reviewed in the coming weeks.",
                "The announcement follows months of talks between the parties involved.",
                "Critics say the measures do not go far enough and call for a wider debate.",
                "The first phase is expected to begin before the end of the year.",
                "No figures on the overall cost have been made public so far.",
                "Residents interviewed by our reporters gave the news a cautious welcome.",
                "Further details are expected at a news conference later this week.")
"""The English summary's sentences (written for this generator): not the Arabic article."""
EN_WRITERS = ("Sara Haddad", "Omar Khalil", "Lina Mansour", "Karim Aziz", "Nour Salem")
EN_BY = ("Summary by {name}", "English desk", "Translated and summarised by {name}")
EN_PUBLISHED = ("Published {day}", "Summary published on {day}")
EN_LINKS = ("Read the full story in Arabic above", "Switch to the English edition",
            "More stories in English")
SWITCH = ("English", "العربية", "Français")
FOOTER_EN = "All rights reserved © {year} {label}"


def _en_day(page: Page, days: int) -> str:
    base = page.article.published or (REFERENCE - timedelta(days=30))
    moment = (base + timedelta(days=days)).astimezone(dates.site_zone(page.article.site))
    return f"{moment.day} {MONTHS['en'][moment.month - 1]} {moment.year}"


def _summary(page: Page) -> str:
    rng = page.rng
    heading = page.pick("english", EN_HEADINGS)
    title = (f"{rng.choice(EN_SUBJECTS)} {rng.choice(EN_VERBS)} "
             f"{rng.choice(EN_OBJECTS)}")
    by = rng.choice(EN_BY).format(name=rng.choice(EN_WRITERS))
    day = rng.choice(EN_PUBLISHED).format(day=_en_day(page, rng.randint(1, 3)))
    lines = rng.sample(EN_SENTENCES, rng.randint(2, 4))
    more = page.pick("english", EN_LINKS)
    page.record("english", [title, by, day, *lines])
    text = "".join(f"<p>{esc(x)}</p>" for x in lines)
    return (f'<aside class="en-summary" lang="en" dir="ltr"><span class="label">{esc(heading)}'
            f'</span><h2>{esc(title)}</h2><p class="by">{esc(by)} · <span class="when">'
            f'{esc(day)}</span></p>{text}<a href="/en/">{esc(more)}</a></aside>')


def _text(page: Page, parts: list[Part], style: str) -> str:
    rng = page.rng
    extras = [f'<div class="ad"><small>{esc(page.pick("ad", furniture.AD_LABELS))}</small></div>']
    for link in page.links("read_also", rng.randint(0, 1)):
        extras.append(f'<div class="read-also">{esc(page.pick("read_also", furniture.READ_ALSO))} '
                      f'<a href="{attr(link.url)}">{esc(link.title)}</a></div>')
    if style == "p":
        html = body.parts_html(page, parts, heading="h3", lead_tag="b", lead_mark=" -")
        pieces = kit.weave(html, extras, rng)
    else:  # the editor's one typed block: runs, <b> intertitles, blockquotes and lists
        runs: list[tuple[str, bool]] = []
        for i, part in enumerate(parts):
            text = part.texts[0]
            if part.kind == "subhead":
                runs.append((f"<b>{esc(text)}</b>", True))
            elif part.kind == "quote":
                runs.append((f"<blockquote>{esc(text)}</blockquote>", False))
            elif part.kind == "list":
                runs.append(("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts)
                             + "</ul>", False))
            elif i == 0 and page.dateline and page.dateline.position == "body_lead":
                runs.append((f"<b>{esc(page.dateline.text)} -</b> {inline(text, rng, 0.2)}",
                             True))
            else:
                runs.append((inline(text, rng, 0.2), True))
        woven = kit.weave(runs, [(x, False) for x in extras], rng)
        pieces = ["<div class=\"runs\">" + "".join(kit.break_runs(woven)) + "</div>"]
    if page.dateline and page.dateline.position == "line":
        pieces.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    return '<div class="ar-text">\n' + "\n".join(pieces) + "\n</div>"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    place = page.stable(f"summary:{page.section}").choice(("first", "after", "side"))
    style = page.stable(f"text:{page.section}").choice(("p", "br"))
    page.layout.update(summary=place, text=style)
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} | {esc(page.label)}</title>\n"
            f'<link rel="alternate" hreflang="en" href="{attr(a.url)}?lang=en">\n'
            + meta.open_graph(page)
            + '<meta property="og:locale:alternate" content="en_US">\n'
            + meta.article_times(page) + meta.meta_authors(page)
            + (meta.ld_script(meta.news_article(page, inLanguage="ar"))
               if page.date.where == "metadata" or b.in_metadata else "")
            + "</head>\n")
    switch = "".join(f'<a href="#" lang="{lang}">{esc(x)}</a>' for x, lang in zip(
        page.record("switch", list(SWITCH)), ("en", "ar", "fr"), strict=True))
    today = page.today_line("weekday_day")
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    latest_label = page.pick("ticker", furniture.LATEST_HEADINGS)
    ticker = "".join(f"<li>{esc(x.title)}</li>" for x in page.links("ticker", rng.randint(3, 5)))
    crumbs = "".join(f'<li><a href="/c/{i}">{esc(c)}</a></li>'
                     for i, c in enumerate(page.breadcrumbs()))
    meta_row = []
    if b.visible and b.position == "before":
        meta_row.append(f'<span class="author">{esc(b.text())}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<button>{esc(s)}</button>' for s in page.share())
    summary = _summary(page)
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.3, bullets=0.1)
    text = _text(page, parts, style)
    signed = (f'<p class="author-end">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    related_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = link_items(page.links("related", rng.randint(3, 5), "long_day"))
    comments_heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    comments = "".join(f'<div class="c"><b>{esc(n)}</b> <small>{esc(d)}</small><p>{esc(w)}</p>'
                       "</div>" for n, d, w in page.reader_comments(rng.randint(0, 2)))
    form = "".join(f"<label>{esc(x)}</label>" for x in page.comment_form())
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = link_items(page.links("most_read", 5, "numeric_day"))
    footer = page.footer()
    footer_en = page.record("footer", [FOOTER_EN.format(year=page.today.year,
                                                        label=page.site.domain)])[0]
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    arabic = "\n".join([
        '<div class="ar-col">',
        f'<ol class="breadcrumb">{crumbs}</ol>',
        f'<h1 class="title">{esc(page.headline)}</h1>',
        f'<div class="byline-row">{" | ".join(meta_row)}</div>' if meta_row else "",
        page.lead_figure(),
        f'<div class="share">{share}</div>',
        text,
        signed,
        summary if place == "after" else "",
        f'<div class="tags">{tags}</div>',
        "</div>",
    ])
    return head + "\n".join([
        "<body>",
        f'<div class="lang-switch">{switch}</div>',
        f'<header><a href="/" class="brand">{esc(page.label)}</a> <span>{esc(today)}</span>'
        f"<nav><ul>{menu}</ul></nav></header>",
        f'<div class="latest"><b>{esc(latest_label)}</b><ul>{ticker}</ul></div>',
        '<div class="bilingual">',
        summary if place == "first" else "",
        arabic,
        "</div>",
        f'<section class="related"><h3>{esc(related_heading)}</h3><ul>{related}</ul></section>',
        f'<section class="comments"><h3>{esc(comments_heading)}</h3>{comments}'
        f"<form>{form}</form></section>",
        f'<aside class="sidebar">{summary if place == "side" else ""}<h3>{esc(most_heading)}</h3>'
        f"<ol>{most}</ol></aside>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p>'
        f'<p lang="en" dir="ltr">{esc(footer_en)}</p></footer>',
        "</body>\n</html>\n",
    ])
