"""A numbered listicle (قائمة / "نقاط تلخص..."، "في 5 نقاط") of a portal's digital desk: the story
told as numbered points, each point a title of the desk's own and the story's paragraphs under
it, the numbers drawn by the list or by CSS (never text), a "باختصار" box above repeating the
points' titles, a "share this point" button and a "next point" link on every point.

Here the *points' titles are body*, like intertitles: ``expected["paragraphs"]`` is the
introduction (the article's first paragraph), then each point's title (one of POINTS) followed
by its paragraphs (the article's further paragraphs, in order; ``layout["body_shape"]``
``points``). Each section of a site marks the points up one way (``layout["points"]``): ``ol``,
an ``<ol class="points">`` of ``<li>``s with the title in an ``<h2>``; ``cards``, ``<div
class="point" data-n="3">`` cards whose number a CSS counter draws, the title in an ``<h3>``
and the paragraphs as ``<div class="para">``. Not body: the kicker above the ``<h1>`` ("في 4
نقاط"), the summary box (``div.in-short``: "باختصار" and the titles again, before the
introduction, when ``layout["summary"]`` is ``yes``), each point's "شارك هذه النقطة" and
"النقطة التالية" (the last point's "عد إلى البداية"), an ad after one point, the read-also line,
the poll "أي هذه النقاط أهم برأيك؟" after the list, other lists with their counts and days.

Bylines: "كتب: X", "إعداد: X", the bare name, or metadata only, before or after the text.
Head: og tags, a JSON-LD ``ItemList`` of the points' titles (no dates); on metadata-dated
pages (and for metadata-only bylines) a JSON-LD ``NewsArticle`` and
``article:published_time``. Dates: metadata (second) or the meta row (minute or day).
"""

from __future__ import annotations

from typing import Any

from crawler.simulator.markup import furniture
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import attr, esc, inline
from crawler.simulator.markup.page import Page, Traits, link_items
from crawler.simulator.text import eastern_digits

NAME = "numbered_listicle"
TRAITS = Traits(
    date_formats=("weekday_day", "numeric_time", "day_at_time", "weekday_comma_ampm",
                  "numeric_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("kataba", "kataba", "bare", "meta_only"),
    byline_prefixes={"kataba": ("كتب: ", "إعداد: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("omitted", "line", "body_lead"),
    display_title=0.5, image=0.8, caption=0.6,
)

POINTS = ("البداية من هنا", "لغة الأرقام", "من يقف وراء المبادرة؟", "ما الذي يتغير على الأرض",
          "أصوات مؤيدة وأخرى متحفظة", "الكلفة ومصادر التمويل", "العقبات المحتملة",
          "التجارب السابقة", "ما ينتظره الشارع", "المحطة المقبلة")
"""The desk's point titles (written for this generator): body lines, in this order."""
KICKER = "في {n} نقاط"
IN_SHORT = ("باختصار", "النقاط في سطور")
SHARE_POINT = ("شارك هذه النقطة", "انشر هذه الفقرة")
NEXT = ("النقطة التالية", "التالي")
BACK = ("عد إلى البداية", "إلى أعلى القائمة")
POLL = ("أي هذه النقاط أهم برأيك؟", "صوّت", "شارك في الاستطلاع")
OTHER_LISTS = ("قوائم أخرى", "المزيد من النقاط")
COUNT = "{n} نقاط"


def _points(page: Page) -> list[tuple[str, list[str]]]:
    """The points (title, paragraphs); the page's body set from them."""
    rng, rest = page.rng, list(page.article.paragraphs[1:])
    count = min(len(rest), rng.randint(3, 6))
    titles = [POINTS[k] for k in sorted(rng.sample(range(len(POINTS)), count))]
    cuts = sorted(rng.sample(range(1, len(rest)), count - 1)) if count > 1 else []
    bounds = [0, *cuts, len(rest)]
    points = [(t, rest[bounds[k]:bounds[k + 1]]) for k, t in enumerate(titles)]
    page.set_body([page.article.paragraphs[0], *(x for t, ps in points for x in (t, *ps))])
    page.layout["body_shape"] = "points"
    return points


def _item_list(points: list[tuple[str, list[str]]]) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "ItemList",
            "itemListElement": [{"@type": "ListItem", "position": k + 1, "name": t}
                                for k, (t, _) in enumerate(points)]}


def _list(page: Page, points: list[tuple[str, list[str]]], style: str) -> str:
    rng = page.rng
    share = page.pick("point_tools", SHARE_POINT)
    step, back = page.pick("point_tools", NEXT), page.pick("point_tools", BACK)
    ad = f'<div class="ad">{esc(page.pick("ad", furniture.AD_LABELS))}</div>'
    after = rng.randrange(max(1, len(points) - 1))
    items = []
    for k, (title, paragraphs) in enumerate(points):
        go = (f'<a class="next" href="#pt{k + 1}">{esc(step)}</a>' if k + 1 < len(points)
              else f'<a class="next" href="#top">{esc(back)}</a>')
        tools = f'<div class="point-tools"><button>{esc(share)}</button>{go}</div>'
        if style == "ol":
            text = "".join(f"<p>{inline(x, rng, 0.2)}</p>" for x in paragraphs)
            items.append(f'<li id="pt{k}"><h2>{esc(title)}</h2>{text}{tools}</li>')
        else:
            text = "".join(f'<div class="para">{inline(x, rng, 0.2)}</div>' for x in paragraphs)
            items.append(f'<div class="point" id="pt{k}" data-n="{k + 1}"><h3>{esc(title)}</h3>'
                         f"{text}{tools}</div>")
        if k == after and style == "cards":
            items.append(ad)
    if style == "ol":
        return f'<ol class="points">{"".join(items)}</ol>\n{ad}'
    return f'<div class="points">{"".join(items)}</div>'


def render(page: Page) -> str:
    rng, a = page.rng, page.article
    style = page.stable(f"points:{page.section}").choice(("ol", "cards"))
    summary_shown = page.stable(f"summary:{page.section}").random() < 0.5
    page.layout.update(points=style, summary="yes" if summary_shown else "no")
    points = _points(page)
    head = chrome.head(page, (_item_list(points),) if points else ())
    top = chrome.header(page, "weekday_day")
    kicker = page.record("kicker", [page.digits(KICKER.format(n=len(points))) if len(points) > 2
                                    else "في نقطتين"])[0]
    summary = ""
    if summary_shown and points:
        heading = page.pick("in_short", IN_SHORT)
        summary = (f'<div class="in-short"><b>{esc(heading)}</b><ul>'
                   + "".join(f'<li><a href="#pt{k}">{esc(t)}</a></li>'
                             for k, (t, _) in enumerate(points)) + "</ul></div>")
    intro = inline(a.paragraphs[0], rng, 0.2)
    if page.dateline and page.dateline.position == "body_lead":
        intro = f"<b>{esc(page.dateline.text)} -</b> {intro}"
    intro_html = f'<p class="intro">{intro}</p>'
    if page.dateline and page.dateline.position == "line":
        intro_html = f'<p class="dateline">{esc(page.dateline.text)}</p>\n{intro_html}'
    read_also = ""
    for link in page.links("read_also", rng.randint(0, 1)):
        read_also = (f'<p class="read-also">{esc(page.pick("read_also", furniture.READ_ALSO))} '
                     f'<a href="{attr(link.url)}">{esc(link.title)}</a></p>')
    poll = page.record("poll", list(POLL))
    others_heading = page.pick("other_lists", OTHER_LISTS)
    others = page.links("other_lists", rng.randint(3, 4), "long_day")
    counts = [COUNT.format(n=rng.randint(3, 9)) for _ in others]
    counts = [eastern_digits(c) if page.eastern else c for c in counts]
    page.record("other_lists", counts)
    other_items = "".join(f'<li><a href="{attr(x.url)}">{esc(x.title)}</a> <span class="n">'
                          f'{esc(n)}</span> <span class="d">{esc(x.date or "")}</span></li>'
                          for x, n in zip(others, counts, strict=True))
    latest_heading = page.pick("latest", furniture.LATEST_HEADINGS)
    latest = link_items(page.links("latest", 4, relative=True))
    main, side, foot = chrome.after(page, "numeric_day")
    return head + "\n".join([
        '<body class="listicle" id="top">',
        top,
        '<div class="layout"><main><article class="list-story">',
        f'<span class="kicker">{esc(kicker)}</span>',
        f"<h1>{esc(page.headline)}</h1>",
        chrome.meta_row(page, " · "),
        page.lead_figure(),
        chrome.share(page),
        summary,
        '<div class="list-body">',
        intro_html,
        read_also,
        _list(page, points, style),
        "</div>",
        chrome.signed(page),
        f'<form class="poll"><p>{esc(poll[0])}</p><button>{esc(poll[1])}</button>'
        f"<small>{esc(poll[2])}</small></form>",
        "</article>",
        f'<section class="other-lists"><h3>{esc(others_heading)}</h3><ul>{other_items}</ul>'
        "</section>",
        main,
        "</main>",
        f'<aside class="sidebar"><h3>{esc(latest_heading)}</h3><ul>{latest}</ul>{side}</aside>',
        "</div>",
        foot,
    ])
