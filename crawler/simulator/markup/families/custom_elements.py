"""A portal built from its own web components, rendered server-side without a shadow root (the
light-DOM school of custom elements): every part of the page is a custom element with a hyphen
in its name (``<news-app>``, ``<site-header>``, ``<article-view>``, ``<article-headline>``,
``<byline-chip>``, ``<x-figure>``, ``<news-paragraph>``, ``<ad-slot>``, ``<story-card>``), with
hardly a ``<div>``, a ``<p>`` or an ``<h1>`` between them; a module script defines the elements.

Headline: per template of a site (``layout["heading"]``): ``element``, the text right in
``<article-headline>``; ``aria``, the same with ``role="heading" aria-level="1"``; ``h1``, an
``<h1>`` inside it.

Body: the article's parts (now and then a lead sentence of its own, a quoted statement,
intertitles, a bulleted list after its lead-in: body) in ``<article-body>``, typed per section of
a site (``layout["blocks"]``): ``custom``, ``<news-paragraph>``, ``<news-subhead>``,
``<news-quote>`` and ``<news-list>`` of ``<news-item>``s; ``slotted``, ``<news-block
type="paragraph|heading|quote|list">`` each holding its text in a ``<span slot="text">`` (a list
its ``<li>``s in a ``<ul slot="items">``); ``rich``, a ``<rich-text>`` element holding plain
``<p>``, ``<h2>``, ``<blockquote>`` and ``<ul>``. The dateline is a ``<news-dateline>`` line above
the parts or the bold start of the first one ("<b>city - source</b> -").

Not body: the story cards of other articles, placed per section (``layout["cards"]``):
``above``, a rail of picks before the headline; ``inside``, an embedded card of another story
between two parts of the text whose excerpt is a ``<news-paragraph class="excerpt">``, the very
element of the body's paragraphs (with its own "بقلم X" and day); ``after``, a rail after the
text; ``side``, in the side column. Every card has its title, its writer ("بقلم X": no author),
its day and an excerpt sentence. Also the header's date of the day, the menu, the ticker, the
breadcrumbs, the ads and read-also cards between the parts, the share bar, the tags, the
comments, the most read and the footer.

Bylines: "بقلم: X", "كتب: X", the bare name, or metadata only, in ``<byline-chip>`` (each name an
``<author-name>``) before the text or in ``<article-signature>`` after it. Head: og tags; on
metadata-dated pages (and for metadata-only bylines) a JSON-LD ``NewsArticle`` and
``article:published_time``. Dates: metadata (second) or ``<publish-date>`` under the headline.
"""

from __future__ import annotations

from crawler.simulator.markup import body, furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, esc, inline
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.text import slugify

NAME = "custom_elements"
TRAITS = Traits(
    date_formats=("weekday_time", "numeric_time", "long_day", "weekday_dash_ampm", "iso_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("biqalam_colon", "kataba", "bare", "meta_only"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.85, caption=0.7,
)

HEADINGS = ("element", "aria", "h1")
BLOCKS = ("custom", "slotted", "rich")
CARD_PLACES = ("above", "inside", "after", "side")

CARD_WRITER_FIRST = ("نوال", "مصطفى", "إيناس", "حازم", "تغريد", "عصام")
CARD_WRITER_FAMILY = ("البرغوثي", "الشريف", "القباني", "الجبوري", "الدوري")
"""The cards' writers: a pool of their own, none an author."""
CARD_BYLINE = "بقلم {name}"
RAIL_HEADINGS = ("مختارات المحررين", "قصص مختارة", "لا تفوتك")
EMBED_LABEL = ("قصة مرتبطة", "ذات صلة")
AFTER_HEADINGS = ("المزيد من القصص", "تابع القراءة")
ELEMENTS_SCRIPT = ("customElements.define('news-paragraph', class extends HTMLElement {});"
                   "customElements.define('story-card', class extends HTMLElement {});")


def _head(page: Page) -> str:
    ld = (meta.ld_script(meta.news_article(page))
          if page.date.where == "metadata" or page.byline.in_metadata else "")
    return ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} - {esc(page.label)}</title>\n"
            '<script type="module" src="/elements/news-elements.js"></script>\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page) + ld
            + f"<script>{ELEMENTS_SCRIPT}</script>\n</head>\n")


def _header(page: Page) -> str:
    today = page.today_line("weekday_day")
    items = "".join(f'<menu-item><a href="/s/{k}">{esc(m)}</a></menu-item>'
                    for k, m in enumerate(page.menu()))
    breaking = page.pick("ticker", furniture.BREAKING_LABELS)
    ticker = "".join(f'<ticker-item><a href="{attr(x.url)}">{esc(x.title)}</a></ticker-item>'
                     for x in page.links("ticker", page.rng.randint(3, 5)))
    crumbs = "".join(f'<crumb-item><a href="/c/{k}">{esc(c)}</a></crumb-item>'
                     for k, c in enumerate(page.breadcrumbs()))
    return (f'<site-header><today-date>{esc(today)}</today-date><site-logo><a href="/"><img '
            f'src="/logo.svg" alt="{attr(page.label)}"></a></site-logo><nav-menu>{items}'
            f'</nav-menu></site-header>\n<breaking-ticker label="{attr(breaking)}"><ticker-label>'
            f"{esc(breaking)}</ticker-label>{ticker}</breaking-ticker>\n<bread-crumbs>{crumbs}"
            "</bread-crumbs>")


def _cards(page: Page, count: int) -> list[tuple[str, str, str, str, str]]:
    rng = page.rng
    out = []
    for link in page.links("story_cards", count, "long_day", excerpts=True):
        name = f"{rng.choice(CARD_WRITER_FIRST)} {rng.choice(CARD_WRITER_FAMILY)}"
        byline = page.record("story_cards", [CARD_BYLINE.format(name=name)])[0]
        out.append((link.title, link.url, byline, link.date or "", link.excerpt or ""))
    return out


def _card(card: tuple[str, str, str, str, str], excerpt_tag: str = "card-excerpt") -> str:
    title, url, byline, day, excerpt = card
    klass = ' class="excerpt"' if excerpt_tag == "news-paragraph" else ""
    return (f'<story-card><card-title><a href="{attr(url)}">{esc(title)}</a></card-title>'
            f"<card-byline>{esc(byline)}</card-byline><card-date>{esc(day)}</card-date>"
            f"<{excerpt_tag}{klass}>{esc(excerpt)}</{excerpt_tag}></story-card>")


def _rail(page: Page, place: str) -> str:
    if place == "inside":
        label = page.pick("story_cards", EMBED_LABEL)
        card = _cards(page, 1)[0]
        return (f'<embedded-story><embed-label>{esc(label)}</embed-label>'
                f'{_card(card, "news-paragraph")}</embedded-story>')
    pool = AFTER_HEADINGS if place == "after" else RAIL_HEADINGS
    heading = page.pick("story_cards", pool)
    cards = _cards(page, page.rng.randint(2, 4))
    return (f'<story-rail place="{place}"><rail-heading>{esc(heading)}</rail-heading>'
            + "".join(_card(c) for c in cards) + "</story-rail>")


def _part(page: Page, part: Part, blocks: str, first_run: str | None) -> str:
    text = part.texts[0]
    run = first_run if first_run is not None else inline(text, page.rng, 0.2)
    if blocks == "custom":
        if part.kind == "subhead":
            return f"<news-subhead>{esc(text)}</news-subhead>"
        if part.kind == "quote":
            return f"<news-quote>{esc(text)}</news-quote>"
        if part.kind == "list":
            return ("<news-list>" + "".join(f"<news-item>{esc(t)}</news-item>"
                                            for t in part.texts) + "</news-list>")
        return f"<news-paragraph>{run}</news-paragraph>"
    if blocks == "slotted":
        if part.kind == "list":
            return ('<news-block type="list"><ul slot="items">'
                    + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul></news-block>")
        kind = {"subhead": "heading", "quote": "quote"}.get(part.kind, "paragraph")
        inner = run if kind == "paragraph" else esc(text)
        return f'<news-block type="{kind}"><span slot="text">{inner}</span></news-block>'
    if part.kind == "subhead":
        return f"<h2>{esc(text)}</h2>"
    if part.kind == "quote":
        return f"<blockquote><p>{esc(text)}</p></blockquote>"
    if part.kind == "list":
        return "<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>"
    return f"<p>{run}</p>"


def _text(page: Page, parts: list[Part], blocks: str, extras: list[str]) -> str:
    rng = page.rng
    lead = page.dateline if page.dateline and page.dateline.position == "body_lead" else None
    html: list[str] = []
    kinds: list[str] = []
    for i, part in enumerate(parts):
        first = None
        if i == 0 and lead and part.kind == "p":
            first = f"<b>{esc(lead.text)}</b> - {inline(part.texts[0], rng, 0.2)}"
        html.append(_part(page, part, blocks, first))
        following = parts[i + 1].kind if i + 1 < len(parts) else ""
        kinds.append("lead-in" if following == "list" else part.kind)
    for extra in extras:
        spots = [k for k in range(1, len(html)) if kinds[k - 1] != "lead-in"]
        spot = rng.choice(spots) if spots else len(html)
        html.insert(spot, extra)
        kinds.insert(spot, "extra")
    if blocks == "rich":
        html = ["<rich-text>" + "\n".join(html) + "</rich-text>"]
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f"<news-dateline>{esc(page.dateline.text)}</news-dateline>")
    return "<article-body>\n" + "\n".join(html) + "\n</article-body>"


def _extras(page: Page) -> list[str]:
    out = [f'<ad-slot size="300x250"><ad-label>{esc(page.pick("ad", furniture.AD_LABELS))}'
           "</ad-label></ad-slot>"]
    for link in page.links("read_also", page.rng.randint(0, 2)):
        label = page.pick("read_also", furniture.READ_ALSO)
        out.append(f"<read-also-card><card-label>{esc(label)}</card-label><a href="
                   f'"{attr(link.url)}">{esc(link.title)}</a></read-also-card>')
    return out


def _byline(page: Page) -> str:
    b = page.byline
    names = "".join(f'<author-name><a href="/authors/{attr(slugify(n))}">{esc(n)}</a>'
                    "</author-name>" for n in b.names)
    label = f"<byline-label>{esc(b.label)}</byline-label>" if b.label else ""
    return f"<byline-chip>{label}{names}</byline-chip>"


def _headline(page: Page, kind: str) -> str:
    if kind == "h1":
        return f"<article-headline><h1>{esc(page.headline)}</h1></article-headline>"
    aria = ' role="heading" aria-level="1"' if kind == "aria" else ""
    return f"<article-headline{aria}>{esc(page.headline)}</article-headline>"


def _after(page: Page) -> tuple[str, str, str]:
    rng = page.rng
    share = "".join(f'<share-button network="{k}">{esc(s)}</share-button>'
                    for k, s in enumerate(page.share()))
    tags = "".join(f'<tag-chip><a href="/tag/{attr(slugify(t))}">{esc(t)}</a></tag-chip>'
                   for t in page.tags())
    heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    comments = "".join(f"<comment-item><comment-author>{esc(n)}</comment-author><comment-date>"
                       f"{esc(d)}</comment-date><comment-text>{esc(w)}</comment-text>"
                       "</comment-item>" for n, d, w in page.reader_comments(rng.randint(0, 2)))
    form = "".join(f"<form-field>{esc(x)}</form-field>" for x in page.comment_form())
    main = (f"<share-bar>{share}</share-bar>\n<tag-list>{tags}</tag-list>\n<comments-section>"
            f"<section-title>{esc(heading)}</section-title>{comments}<comment-form>{form}"
            "</comment-form></comments-section>")
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<ranked-item><a href="{attr(x.url)}">{esc(x.title)}</a><item-date>'
                   f"{esc(x.date or '')}</item-date></ranked-item>"
                   for x in page.links("most_read", 5, "numeric_day"))
    side = (f"<most-read><section-title>{esc(most_heading)}</section-title>{most}</most-read>")
    lines = page.footer()
    utility = "".join(f'<footer-link><a href="/p/{k}">{esc(x)}</a></footer-link>'
                      for k, x in enumerate(page.utility_links()))
    foot = (f"<site-footer>{utility}<footer-line>{esc(lines[0])}</footer-line><footer-line>"
            f"{esc(lines[1])}</footer-line></site-footer>")
    return main, side, foot


def render(page: Page) -> str:
    b = page.byline
    heading = page.stable(f"heading:{page.article.kind}").choice(HEADINGS)
    blocks = page.stable(f"blocks:{page.section}").choice(BLOCKS)
    place = page.stable(f"cards:{page.section}").choice(CARD_PLACES)
    page.layout.update(heading=heading, blocks=blocks, cards=place)
    rail = _rail(page, place)
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.3, bullets=0.2)
    extras = _extras(page)
    if place == "inside":
        extras.append(rail)
    meta_row = []
    if b.visible and b.position == "before":
        meta_row.append(_byline(page))
    if page.date.visible:
        label = page.record("date_label", [page.date.label])[0] if page.date.label else ""
        meta_row.append(f"<publish-date>{esc(label)} {esc(page.date.visible)}</publish-date>")
    figure = ""
    if page.image:
        cap = (f"<x-caption>{esc(page.image.caption)}</x-caption>" if page.image.caption
               else "")
        figure = f'<x-figure><img src="{attr(page.image.url)}" alt="">{cap}</x-figure>'
    signature = (f"<article-signature>{esc(b.prefix)}{esc(b.joined())}</article-signature>"
                 if b.visible and b.position == "after" else "")
    kicker = page.record("kicker", [page.section])[0]
    main, side, foot = _after(page)
    related_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = "".join(f'<related-item><a href="{attr(x.url)}">{esc(x.title)}</a><item-date>'
                      f"{esc(x.date or '')}</item-date></related-item>"
                      for x in page.links("related", page.rng.randint(3, 4), "numeric_day"))
    return _head(page) + "\n".join([
        "<body>",
        "<news-app>",
        _header(page),
        "<page-layout>",
        rail if place == "above" else "",
        "<main-column>",
        "<article-view>",
        f'<article-kicker><a href="/section/{attr(slugify(kicker))}">{esc(kicker)}</a>'
        "</article-kicker>",
        _headline(page, heading),
        f"<article-meta>{''.join(meta_row)}</article-meta>" if meta_row else "",
        figure,
        _text(page, parts, blocks, extras),
        signature,
        "</article-view>",
        rail if place == "after" else "",
        main,
        f"<related-list><section-title>{esc(related_heading)}</section-title>{related}"
        "</related-list>",
        "</main-column>",
        "<side-column>",
        rail if place == "side" else "",
        side,
        "</side-column>",
        "</page-layout>",
        foot,
        "</news-app>",
        "</body>\n</html>\n",
    ])
