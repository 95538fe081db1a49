"""A copy of the article page kept by a web archive or a search engine's cache (نسخة مؤرشفة /
"نسخة مخبأة"): the archive's banner above the page as it was captured, then the captured page in
the site's template of the time. Each site's copies come from one service (``layout["archive"]``):

``wayback``: a Wayback-Machine-style capture: the archive's scripts and stylesheet first in the
head (``__wm.wombat(...)`` with the capture's 14-digit timestamp and its epoch seconds), the
toolbar first in the body between the "BEGIN WAYBACK TOOLBAR INSERT" comments (in English, as the
archive prints it: "412 captures", "21 Nov 2024 - 03 Feb 2025", the month, day and year of the
capture with their neighbours, "About this capture"), every link, image and stylesheet of the
page rewritten to ``https://web.archive.org/web/<timestamp>/<original URL>`` (pictures with
``im_``), and the archive's closing comments after ``</html>`` (the capture and retrieval
times). ``cache``: a search engine's cached copy: ``<base href>`` the original URL, a banner
in Arabic first in the body ("هذه هي النسخة المخزنة مؤقتا من ... كما ظهرت في 21 نوفمبر 2024
09:46:00 GMT", links to the current page and the text-only copy, the search tip, "تم تمييز
عبارات البحث التالية:"), and the search words highlighted wherever they occur in the page, the
headline and the text included (``<b style="background-color:#ffff66">``: inline, the words
stay the text's).

The captured page: the header (logo, the day's date *of the capture*: the page as it was served
that day, after the publication), the menu, the breaking ticker, breadcrumbs; the ``<h1>``; the
meta row (the byline "بقلم: X" / "كتب: X" / the bare name when it goes before, the date on dated
pages); share links; the lead image with its caption (its expected URL is the original one, as
``og:image`` gives it: the archive's ``im_`` address is that picture's copy). Body
(``div.news-text``), one way per section of a site (``layout["text"]``): ``<p>``s, bare
``<div>``s, or runs of text separated by ``<br><br>`` (intertitles then a bold line of their own);
the dateline a line of its own above the text or its bold start; an ad and a read-also line
between two parts (not body). After it: the signature when the byline goes after, tags, related
stories with dates, reader comments with dates and the form, most read with dates, the footer.

Head: the original's og tags; on metadata-dated pages (and for metadata-only bylines) a JSON-LD
``NewsArticle`` and ``article:published_time``, as captured. Text-dated and undated pages carry
no machine publication date. Dates: metadata (second) or the meta row (minute or day); every
page shows the capture's time (toolbar or banner, above the title, in the rewritten links'
timestamps) and the capture day in the captured header, none of them the article's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from urllib.parse import unquote

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, break_runs, esc, inline, weave
from crawler.simulator.markup.page import Link, Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import slugify

NAME = "archived_copy"
TRAITS = Traits(
    date_formats=("weekday_time", "numeric_time", "long_day", "weekday_day", "levant_time",
                  "day_at_time"),
    date_where=(0.45, 0.3, 0.25), meta_styles=("site", "utc_z", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("biqalam_colon", "kataba", "bare", "biqalam", "meta_only"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.8, caption=0.7,
)

ARCHIVE = "https://web.archive.org/web/"
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
TOOLBAR = ("captures", "Go", "About this capture", "Close", "Help")
CACHE_BANNER = ("هذه هي النسخة المخزنة مؤقتا من {url} كما ظهرت عند زيارتها في {when}.",
                "قد تكون الصفحة الحالية قد تغيرت منذ ذلك الوقت.")
CACHE_LINKS = ("اعرض الصفحة الحالية", "النسخة الكاملة", "النسخة النصية فقط", "عرض المصدر")
CACHE_TIP = "نصيحة: لتجد عبارة البحث بسرعة في هذه الصفحة، اضغط Ctrl+F أو ⌘-F على جهاز Mac."
CACHE_TERMS = "تم تمييز عبارات البحث التالية:"
MARK = '<b style="color:black;background-color:#ffff66">'


def _capture(page: Page) -> datetime:
    """The capture instant (UTC): after the publication, before the page is read again."""
    base = page.article.published or (REFERENCE - timedelta(days=page.rng.randint(5, 60)))
    span = (page.today - base).total_seconds()
    return (base + timedelta(seconds=int(span * page.rng.uniform(0.05, 0.9)))).astimezone(UTC)


def _terms(page: Page) -> list[str]:
    """One or two words of the headline that the text also uses: what the reader searched."""
    text = " ".join(page.paragraphs)
    words = [w for w in dict.fromkeys(page.headline.strip("«»!؟.").split())
             if len(w) >= 4 and f" {w} " in f" {text} "]
    return page.rng.sample(words, min(len(words), page.rng.choice((1, 2))))


def _marked(text: str, terms: list[str]) -> str:
    """``text`` escaped, each whole-word occurrence of ``terms`` highlighted."""
    words = esc(text).split(" ")
    return " ".join(f"{MARK}{w}</b>" if w in terms else w for w in words)


def _toolbar(page: Page, capture: datetime) -> str:
    rng = page.rng
    base = page.article.published or capture - timedelta(days=rng.randint(1, 30))
    first = base + (capture - base) * rng.uniform(0.0, 0.9)  # never before the publication
    last = page.today - timedelta(days=rng.randint(1, 20))
    count = f"{rng.randint(2, 480)} {TOOLBAR[0]}"
    span = f"{first:%d} {MONTHS_EN[first.month - 1]} {first.year} - {last:%d} " \
           f"{MONTHS_EN[last.month - 1]} {last.year}"
    months = [MONTHS_EN[(capture.month - 2 + k) % 12].upper() for k in range(3)]
    years = [str(capture.year + k) for k in (-1, 0, 1)]
    page.record("archive", [count, span, *months, f"{capture.day:02d}", *years, *TOOLBAR[1:]])
    cells = "".join(f'<td class="{c}"><a href="#">{esc(m)}</a></td>'
                    for c, m in zip(("prev", "c", "next"), months, strict=True))
    return (
        "<!-- BEGIN WAYBACK TOOLBAR INSERT -->\n"
        '<div id="wm-ipp-base" lang="en" style="direction:ltr;">'
        '<div id="wm-ipp" style="position:fixed;left:0;top:0;right:0;">'
        '<div id="wm-ipp-inside"><div id="wm-logo"><a href="/web/" title="Wayback Machine home">'
        '<img src="/_static/images/toolbar/wayback-toolbar-logo-200.png" alt="Wayback Machine">'
        '</a></div><div class="c"><form target="_top" method="get" action="/web/submit" '
        f'name="wmtb" id="wmtb"><input type="text" name="url" id="wmtbURL" value="'
        f'{attr(page.article.url)}"><button type="submit">{TOOLBAR[1]}</button></form>'
        f'<div id="wm-nav-captures"><a class="t" href="/web/*/{attr(page.article.url)}">'
        f'{esc(count)}</a><div class="r">{esc(span)}</div></div></div>'
        f'<table id="wm-nav-cal"><tr>{cells}</tr><tr><td></td><td class="c" id="displayDayEl">'
        f'<span>{capture.day:02d}</span></td><td></td></tr><tr>'
        + "".join(f'<td class="y"><a href="#">{y}</a></td>' for y in years)
        + f'</tr></table><div id="wm-btns"><a href="#" id="wm-expand">{TOOLBAR[2]}</a> '
        f'<a href="#" id="wm-ipp-close">{TOOLBAR[3]}</a> <a href="https://help.archive.org/" '
        f'target="_blank">{TOOLBAR[4]}</a></div></div></div></div>\n'
        "<!-- END WAYBACK TOOLBAR INSERT -->")


def _cache_banner(page: Page, capture: datetime, terms: list[str]) -> str:
    when = (f"{capture.day} {dates.GREGORIAN[capture.month - 1]} {capture.year} "
            f"{capture:%H:%M:%S} GMT")
    first, second = page.record("archive", [CACHE_BANNER[0].format(url=unquote(page.article.url),
                                                                   when=when), CACHE_BANNER[1]])
    links = page.record("archive", list(CACHE_LINKS))
    tip = page.record("archive", [CACHE_TIP])[0]
    label = page.record("archive", [CACHE_TERMS])[0] if terms else ""
    shown = "".join(f" {MARK}{esc(t)}</b>" for t in terms)
    return ('<div style="position:relative;"><div id="bN_" style="background:#fff;border:1px '
            'solid #ccc;margin:0 0 8px;padding:8px;font:13px arial,sans-serif;color:#000;'
            f'direction:rtl"><div>{esc(first)} {esc(second)} <a href="{attr(page.article.url)}">'
            f'{esc(links[0])}</a></div><div><a href="#">{esc(links[1])}</a> - <a href="#">'
            f'{esc(links[2])}</a> - <a href="#">{esc(links[3])}</a></div>'
            f'<div style="color:#555">{esc(tip)}</div>'
            + (f"<div>{esc(label)}{shown}</div>" if terms else "")
            + "</div></div>")


def _text(page: Page, parts: list[Part], style: str, terms: list[str],
          wrap: Callable[..., str]) -> str:
    rng = page.rng

    def words(text: str) -> str:  # the cache highlights, the archive keeps the CMS's markup
        return _marked(text, terms) if terms else inline(text, rng, 0.2)

    # (html, run): a run is a line of text that only <br>s separate from the next one
    pieces: list[tuple[str, bool]] = []
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            pieces.append((f"<b>{words(text)}</b>", True) if style == "br"
                          else (f"<h3>{words(text)}</h3>", False))
        elif part.kind == "quote":
            pieces.append((f"<blockquote>{words(text)}</blockquote>", False))
        elif part.kind == "list":
            pieces.append(("<ul>" + "".join(f"<li>{words(t)}</li>" for t in part.texts)
                           + "</ul>", False))
        elif i == 0 and page.dateline and page.dateline.position == "body_lead":
            pieces.append((f"<b>{esc(page.dateline.text)} -</b> {words(text)}", True))
        else:
            pieces.append((words(text), True))
    if style != "br":  # block paragraphs: every run of text is an element of its own
        pieces = [(f"<{style}>{h}</{style}>" if run else h, False) for h, run in pieces]
    ad = page.pick("ad", furniture.AD_LABELS)
    banner = wrap("/ads/300x250.gif", "im_")
    extras = [(f'<div class="ad-box"><span>{esc(ad)}</span><img src="{banner}" alt=""></div>',
               False)]
    for link in page.links("read_also", rng.randint(0, 1)):
        extras.append((f'<div class="read-also">{esc(page.pick("read_also", furniture.READ_ALSO))}'
                       f' <a href="{wrap(link.url)}">{esc(link.title)}</a></div>', False))
    pieces = weave(pieces, extras, rng)
    if page.dateline and page.dateline.position == "line":
        pieces.insert(0, (f'<p class="dateline"><b>{esc(page.dateline.text)}</b></p>', False))
    return '<div class="news-text">\n' + "\n".join(break_runs(pieces)) + "\n</div>"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    archive = page.stable("archive").choice(("wayback", "cache"))
    style = page.stable(f"text:{page.section}").choice(("p", "div", "br"))
    page.layout.update(archive=archive, text=style)
    capture = _capture(page)
    stamp = f"{capture:%Y%m%d%H%M%S}"
    terms = _terms(page) if archive == "cache" else []
    page.layout["highlighted"] = str(len(terms))

    def wrap(url: str, kind: str = "") -> str:
        """A link of the captured page as the archive serves it."""
        full = url if url.startswith("http") else page.site.url(url)
        return attr(f"{ARCHIVE}{stamp}{kind}/{full}" if archive == "wayback" else full)

    title = _marked(page.headline, terms) if terms else esc(page.headline)
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n')
    if archive == "wayback":
        epoch = int(capture.timestamp())
        head += ('<script src="//archive.org/includes/athena.js" type="text/javascript"></script>\n'
                 '<script type="text/javascript" src="https://web-static.archive.org/_static/js/'
                 'bundle-playback.js?v=1B2M2Y8A" charset="utf-8"></script>\n'
                 '<script type="text/javascript">__wm.init("https://web.archive.org/web");\n'
                 f'  __wm.wombat("{attr(a.url)}","{stamp}","https://web.archive.org/","web",'
                 f'"https://web-static.archive.org/_static/","{epoch}");</script>\n'
                 '<link rel="stylesheet" type="text/css" href="https://web-static.archive.org/'
                 '_static/css/banner-styles.css?v=S1zqJCYt">\n'
                 "<!-- End Wayback Rewrite JS Include -->\n")
    else:
        head += f'<base href="{attr(a.url)}">\n'
    head += ('<meta charset="utf-8">\n'
             f"<title>{esc(page.headline)} | {esc(page.label)}</title>\n"
             f'<link rel="canonical" href="{wrap(a.url)}">\n'
             + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
             + (meta.ld_script(meta.news_article(page))
                if page.date.where == "metadata" or b.in_metadata else "")
             + f'<link rel="stylesheet" href="{wrap("/themes/news/style.css", "cs_")}">\n'
             "</head>\n")
    banner = (_toolbar(page, capture) if archive == "wayback"
              else _cache_banner(page, capture, terms))

    served = page.record("clock", [dates.visible(capture, "weekday_day", a.site, page.eastern)])[0]
    menu = "".join(f'<li><a href="{wrap(f"/section/{i}")}">{esc(m)}</a></li>'
                   for i, m in enumerate(page.menu()))
    ticker_label = page.pick("ticker", furniture.BREAKING_LABELS)
    ticker = "".join(f'<li><a href="{wrap(t.url)}">{esc(t.title)}</a></li>'
                     for t in page.links("ticker", rng.randint(3, 5)))
    crumbs = " » ".join(f'<a href="{wrap(f"/c/{i}")}">{esc(c)}</a>'
                        for i, c in enumerate(page.breadcrumbs()))
    meta_row = []
    if b.visible and b.position == "before":
        names = " و".join(f'<a href="{wrap("/author/" + slugify(n))}">{esc(n)}</a>'
                          for n in b.names)
        meta_row.append(f'<span class="author">{esc(b.prefix)}{names}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    figure = ""
    if page.image:
        cap = f"<figcaption>{esc(page.image.caption)}</figcaption>" if page.image.caption else ""
        figure = (f'<figure class="main-image"><img src="{wrap(page.image.url, "im_")}" '
                  f'alt="{attr(a.title)}">{cap}</figure>')
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.25, bullets=0.15)
    text = _text(page, parts, style, terms, wrap)
    signed = (f'<p class="author-sign">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    tags = "".join(f'<a href="{wrap("/tag/" + slugify(t))}">{esc(t)}</a>' for t in page.tags())

    def teasers(kind: str, count: int, fmt: str) -> str:
        links = [replace(link, url=wrap(link.url)) for link in page.links(kind, count, fmt)]
        return "".join(_item(link) for link in links)

    related_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = teasers("related", rng.randint(3, 5), "numeric_time")
    comments_heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    comments = "".join(f'<li><b>{esc(name)}</b> <span class="d">{esc(day)}</span>'
                       f"<p>{esc(words)}</p></li>"
                       for name, day, words in page.reader_comments(rng.randint(0, 3)))
    form = "".join(f"<label>{esc(x)}</label>" for x in page.comment_form())
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = teasers("most_read", 5, "long_day")
    footer = page.footer()
    utility = "".join(f'<a href="{wrap(f"/page/{i}")}">{esc(x)}</a>'
                      for i, x in enumerate(page.utility_links()))
    closing = ""
    if archive == "wayback":
        closing = (f"\n<!--\n     FILE ARCHIVED ON {capture:%H:%M:%S} "
                   f"{MONTHS_EN[capture.month - 1]} {capture:%d, %Y} AND RETRIEVED FROM THE\n"
                   f"     ARCHIVE ON {page.today:%H:%M:%S} {MONTHS_EN[page.today.month - 1]} "
                   f"{page.today:%d, %Y}.\n-->\n<!--\nplayback timings (ms):\n  captures_list: "
                   f"{rng.uniform(0.3, 2):.2f}\n  load_resource: {rng.uniform(40, 400):.2f}\n-->")
    return head + "\n".join([
        '<body class="single-news">',
        banner,
        f'<div id="header"><a class="logo" href="{wrap("/")}"><img src="'
        f'{wrap("/themes/news/logo.png", "im_")}" alt="{attr(page.label)}"></a>'
        f'<span class="date-now">{esc(served)}</span></div>',
        f'<div id="menu"><ul>{menu}</ul></div>',
        f'<div class="breaking"><b>{esc(ticker_label)}</b><ul>{ticker}</ul></div>',
        '<div id="content"><div class="main-col">',
        f'<div class="path">{crumbs}</div>',
        f"<h1>{title}</h1>",
        f'<div class="news-info">{" ".join(meta_row)}</div>' if meta_row else "",
        f'<div class="share-links">{share}</div>',
        figure,
        text,
        signed,
        f'<div class="tags">{tags}</div>',
        f'<div class="related"><h3>{esc(related_heading)}</h3><ul>{related}</ul></div>',
        f'<div class="comments"><h3>{esc(comments_heading)}</h3><ol>{comments}</ol>'
        f"<form>{form}</form></div>",
        "</div>",
        f'<div class="side-col"><h3>{esc(most_heading)}</h3><ol>{most}</ol></div>',
        "</div>",
        f'<div id="footer"><div>{utility}</div><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p>'
        "</div>",
        "</body>\n</html>" + closing + "\n",
    ])


def _item(link: Link) -> str:
    """A teaser whose URL is already in the archive's form (escaped)."""
    return (f'<li><a href="{link.url}">{esc(link.title)}</a> <span class="d">'
            f"{esc(link.date or '')}</span></li>")
