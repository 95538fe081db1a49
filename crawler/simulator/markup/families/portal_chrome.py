"""Chrome shared by the thirteenth set's families (not a family): the head, the portal header
(date of the day, logo, menu, breaking ticker, breadcrumbs), the meta row, the text container
in one of three typings, and the furniture after the article. Families own the rest.

Text typings (``style``): ``p``, each part a ``<p>``; ``div``, each part a ``<div class="para">``
(intertitles ``<h3>``); ``br``, the editor's one typed block: runs separated by ``<br><br>`` in
``<div class="runs">``, intertitles in ``<b>``. Blocks the family puts between parts (ads,
read-also lines, its own boxes) never come before the first part or between a list's lead-in
and its list. The dateline is a ``<p class="dateline">`` above the parts or the bold start
("<b>city - source -</b>") of the first one.
"""

from __future__ import annotations

from typing import Any

from crawler.simulator.markup import furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, break_runs, esc, inline
from crawler.simulator.markup.page import Page, link_items
from crawler.simulator.text import slugify

STYLES = ("p", "div", "br")


def head(page: Page, extra_ld: tuple[dict[str, Any], ...] = (), **article: Any) -> str:
    """The head: title, og tags, published time and authors (when the page has them), the
    family's own JSON-LD and, on metadata-dated pages or for metadata-only bylines, a
    ``NewsArticle`` (``article`` adds keys to it)."""
    ld = "".join(meta.ld_script(x) for x in extra_ld)
    if page.date.where == "metadata" or page.byline.in_metadata:
        ld += meta.ld_script(meta.news_article(page, **article))
    return ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(page.headline)} | {esc(page.label)}</title>\n"
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page) + ld
            + "</head>\n")


def header(page: Page, today_format: str = "weekday_day", crumb_joint: str = " › ") -> str:
    """Date of the day, logo, menu, the breaking ticker and the breadcrumbs."""
    today = page.today_line(today_format)
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    breaking = page.pick("ticker", furniture.BREAKING_LABELS)
    ticker = "".join(f'<li><a href="{attr(x.url)}">{esc(x.title)}</a></li>'
                     for x in page.links("ticker", page.rng.randint(3, 5)))
    crumbs = crumb_joint.join(f'<a href="/c/{i}">{esc(c)}</a>'
                              for i, c in enumerate(page.breadcrumbs()))
    return "\n".join([
        f'<div class="topbar"><span class="today">{esc(today)}</span></div>',
        f'<header class="masthead"><a class="logo" href="/"><img src="/assets/logo.svg" '
        f'alt="{attr(page.label)}"></a><nav class="main-menu"><ul>{menu}</ul></nav></header>',
        f'<div class="breaking"><strong>{esc(breaking)}</strong><ul>{ticker}</ul></div>',
        f'<nav class="crumbs">{crumbs}</nav>',
    ])


def meta_row(page: Page, joint: str = " | ") -> str:
    """The byline (when it goes before the text) and the visible date, or nothing."""
    b, row = page.byline, []
    if b.visible and b.position == "before":
        row.append(f'<span class="by">{esc(b.prefix)}{page.linked_names()}</span>')
    if page.date.visible:
        row.append(page.date_span())
    return f'<div class="meta">{joint.join(row)}</div>' if row else ""


def signed(page: Page) -> str:
    """The byline signed after the text, or nothing."""
    b = page.byline
    return (f'<p class="signature">{esc(b.text())}</p>'
            if b.visible and b.position == "after" else "")


def share(page: Page) -> str:
    return '<div class="share">' + "".join(f'<a href="#">{esc(s)}</a>'
                                           for s in page.share()) + "</div>"


def interruptions(page: Page, read_also: tuple[int, int] = (0, 2)) -> list[str]:
    """An ad and read-also lines, to go between two parts of the text."""
    out = [f'<div class="ad"><span>{esc(page.pick("ad", furniture.AD_LABELS))}</span></div>']
    for link in page.links("read_also", page.rng.randint(*read_also)):
        label = page.pick("read_also", furniture.READ_ALSO)
        out.append(f'<p class="read-also"><strong>{esc(label)}</strong> '
                   f'<a href="{attr(link.url)}">{esc(link.title)}</a></p>')
    return out


def _insert(pieces: list[tuple[str, bool]], blocks: list[str], kinds: list[str],
            page: Page) -> list[tuple[str, bool]]:
    """``blocks`` each after a random part other than the last, never after a list's lead-in."""
    out = list(pieces)
    for block in blocks:
        spots = [i for i in range(1, len(out))
                 if kinds[i - 1] != "lead-in" or not out[i][0].startswith("<ul>")]
        spot = page.rng.choice(spots) if spots else len(out)
        out.insert(spot, (block, False))
        kinds.insert(spot, "block")
    return out


def text(page: Page, parts: list[Part], style: str, blocks: list[str], css: str) -> str:
    """The parts typed in ``style`` inside ``<div class="{css}">`` with ``blocks`` between them."""
    rng = page.rng
    pieces: list[tuple[str, bool]] = []
    kinds: list[str] = []
    lead = page.dateline if page.dateline and page.dateline.position == "body_lead" else None
    for i, part in enumerate(parts):
        first = part.texts[0]
        if part.kind == "subhead":
            tag = "b" if style == "br" else "h3"
            pieces.append((f"<{tag}>{esc(first)}</{tag}>", style == "br"))
        elif part.kind == "quote":
            pieces.append((f"<blockquote>{esc(first)}</blockquote>", False))
        elif part.kind == "list":
            pieces.append(("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>",
                           False))
        else:
            run = inline(first, rng, 0.2)
            if i == 0 and lead:
                run = f"<b>{esc(lead.text)} -</b> {run}"
            if style == "p":
                pieces.append((f"<p>{run}</p>", False))
            elif style == "div":
                pieces.append((f'<div class="para">{run}</div>', False))
            else:
                pieces.append((run, True))
        following = parts[i + 1].kind if i + 1 < len(parts) else ""
        kinds.append("lead-in" if following == "list" else part.kind)
    woven = _insert(pieces, blocks, kinds, page)
    if style == "br":
        html = ['<div class="runs">' + "".join(break_runs(woven)) + "</div>"]
    else:
        html = [markup for markup, _ in woven]
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    return f'<div class="{css}">\n' + "\n".join(html) + "\n</div>"


def after(page: Page, related_format: str = "long_day") -> tuple[str, str, str]:
    """Tags, related stories, comments (inside the main column), the most-read list (the
    sidebar's) and the footer."""
    rng = page.rng
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    related_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = link_items(page.links("related", rng.randint(3, 5), related_format))
    comments_heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    comments = "".join(f'<li><b>{esc(n)}</b> <span class="when">{esc(d)}</span><p>{esc(w)}</p>'
                       "</li>" for n, d, w in page.reader_comments(rng.randint(0, 2)))
    form = "".join(f"<label>{esc(x)}</label>" for x in page.comment_form())
    main = "\n".join([
        f'<div class="tags">{tags}</div>',
        f'<section class="related"><h3>{esc(related_heading)}</h3><ul>{related}</ul></section>',
        f'<section class="comments"><h3>{esc(comments_heading)}</h3><ol>{comments}</ol>'
        f"<form>{form}</form></section>",
    ])
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = link_items(page.links("most_read", 5, "numeric_day"))
    side = f'<div class="most-read"><h3>{esc(most_heading)}</h3><ol>{most}</ol></div>'
    lines = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    foot = (f'<footer><nav>{utility}</nav><p>{esc(lines[0])}</p><p>{esc(lines[1])}</p>'
            "</footer>\n</body>\n</html>\n")
    return main, side, foot
