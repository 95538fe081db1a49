"""A diary (يوميات / "دفتر الأسبوع"، "مفكرة مراسل") of a portal's writers: one article made of the
week's dated entries, each headed by its day ("الأحد 3 نوفمبر": the weekday and the day, no
year), the day strip above the text repeating those days as anchors, the writer's card with the
column's name, and the earlier diaries with their weeks.

Here the *entry days are body*: the writer's own headings, like intertitles. ``expected
["paragraphs"]`` is the opening (the article's first paragraph), then each entry's day followed by
its paragraphs (the article's further paragraphs, in order; ``layout["body_shape"]`` ``diary``).
The days are consecutive and end the day before the publication (before the render's base
day on undated pages): dates inside the text that are not the article's date, and on undated
pages the only days near it. Each section of a site heads the entries one way
(``layout["entries"]``): ``sections``, a ``<section class="entry">`` with the day in an
``<h3>``; ``bold``, the day as a ``<p class="day"><strong>`` line among the paragraphs of one
``<div>``. Not body: the day strip (``nav.days``: "أيام هذا الأسبوع" and the days again,
before the opening, when ``layout["strip"]`` is ``yes``), the column's name above the ``<h1>``
("يوميات", "دفتر الأسبوع"), the writer's card after the text ("تنشر يوميات X كل يوم خميس ..."),
an ad between two entries, the earlier diaries ("يوميات سابقة": "أسبوع 20 أكتوبر - 26 أكتوبر
2024"), comments.

Bylines: "بقلم: X", "بقلم X", the bare name, or metadata only, before or after the text; news
diaries ("مفكرة مراسل") carry their dateline as a line above the opening. Head: og tags; on
metadata-dated pages (and for metadata-only bylines) a JSON-LD ``NewsArticle`` and
``article:published_time``. Dates: metadata (second) or the meta row (minute or day).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from crawler.simulator.markup import dates, furniture
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import esc, inline
from crawler.simulator.markup.page import Page, Traits, link_items
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import WEEKDAYS, eastern_digits

NAME = "weekly_diary"
TRAITS = Traits(
    date_formats=("weekday_day", "long_day", "numeric_time", "weekday_time", "wp_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("biqalam_colon", "biqalam", "bare", "meta_only"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "omitted"),
    display_title=0.5, image=0.7, caption=0.6,
)

COLUMNS = ("يوميات", "دفتر الأسبوع", "مفكرة الأسبوع")
NEWS_COLUMNS = ("مفكرة مراسل", "دفتر المراسل")
STRIP = ("أيام هذا الأسبوع", "في هذه اليوميات")
CARD = ("موعدكم مع يوميات {name} كل {day} على {label}",
        "تنشر يوميات {name} كل {day}، تابعوها على {label}")
EARLIER = ("يوميات سابقة", "من دفاتر سابقة")
WEEK = "أسبوع {a} - {b}"


def _day_line(moment: datetime, eastern: bool) -> str:
    """An entry's heading: the weekday and the day of the month, without the year."""
    line = f"{WEEKDAYS[moment.weekday()]} {moment.day} {dates.GREGORIAN[moment.month - 1]}"
    return eastern_digits(line) if eastern else line


def _entries(page: Page, last: datetime) -> list[tuple[str, list[str]]]:
    """The entries (day, paragraphs); the page's body set from them."""
    rng, rest = page.rng, list(page.article.paragraphs[1:])
    count = min(len(rest), rng.randint(3, 5))
    cuts = sorted(rng.sample(range(1, len(rest)), count - 1)) if count > 1 else []
    bounds = [0, *cuts, len(rest)]
    days = [_day_line(last - timedelta(days=count - 1 - k), page.eastern) for k in range(count)]
    entries = [(days[k], rest[bounds[k]:bounds[k + 1]]) for k in range(count)]
    page.set_body([page.article.paragraphs[0], *(x for d, ps in entries for x in (d, *ps))])
    page.layout["body_shape"] = "diary"
    return entries


def _earlier(page: Page, last: datetime) -> str:
    rng, a = page.rng, page.article
    heading = page.pick("earlier", EARLIER)
    items = []
    for k in range(1, rng.randint(3, 5)):
        end = last - timedelta(days=7 * k)
        line = WEEK.format(a=dates.visible(end - timedelta(days=6), "long_day", a.site,
                                           page.eastern).rsplit(" ", 1)[0],
                           b=dates.visible(end, "long_day", a.site, page.eastern))
        page.record("earlier", [line])
        items.append(f'<li><a href="/diary/{rng.randint(100, 999)}">{esc(line)}</a></li>')
    return f'<section class="earlier"><h3>{esc(heading)}</h3><ul>{"".join(items)}</ul></section>'


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    style = page.stable(f"entries:{page.section}").choice(("sections", "bold"))
    strip_shown = page.stable(f"strip:{page.section}").random() < 0.5
    page.layout.update(entries=style, strip="yes" if strip_shown else "no")
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    last = base - timedelta(days=1)
    entries = _entries(page, last)
    top = chrome.header(page, "weekday_comma_day", " » ")
    column = page.pick("column", NEWS_COLUMNS if a.kind == "news" else COLUMNS)
    strip = ""
    if strip_shown and entries:
        heading = page.pick("strip", STRIP)
        strip = (f'<nav class="days"><b>{esc(heading)}</b>'
                 + "".join(f'<a href="#d{k}">{esc(d)}</a>' for k, (d, _) in enumerate(entries))
                 + "</nav>")
    opening = f'<p class="opening">{inline(a.paragraphs[0], rng, 0.2)}</p>'
    if page.dateline and page.dateline.position == "line":
        opening = f'<p class="dateline">{esc(page.dateline.text)}</p>\n{opening}'
    ad = f'<div class="ad">{esc(page.pick("ad", furniture.AD_LABELS))}</div>'
    gap = rng.randint(1, max(1, len(entries) - 1))
    blocks = []
    for k, (day, paragraphs) in enumerate(entries):
        if k == gap:
            blocks.append(ad)
        text = "".join(f"<p>{inline(x, rng, 0.2)}</p>" for x in paragraphs)
        if style == "sections":
            blocks.append(f'<section class="entry" id="d{k}"><h3>{esc(day)}</h3>{text}</section>')
        else:
            blocks.append(f'<p class="day" id="d{k}"><strong>{esc(day)}</strong></p>{text}')
    if ad not in blocks:
        blocks.append(ad)
    writer = ""
    if b.visible:
        when = f"يوم {WEEKDAYS[base.weekday()][2:]}"
        line = page.record("writer_card", [rng.choice(CARD).format(
            name=b.names[0], day=when, label=page.label)])[0]
        writer = (f'<div class="writer-card"><img src="/writers/{rng.randint(10, 400)}.jpg" '
                  f'alt=""><p>{esc(line)}</p></div>')
    earlier = _earlier(page, last)
    latest_heading = page.pick("latest", furniture.LATEST_HEADINGS)
    latest = link_items(page.links("latest", 4, relative=True))
    main, side, foot = chrome.after(page, "weekday_day")
    return chrome.head(page) + "\n".join([
        '<body class="diary">',
        top,
        '<div class="layout"><main><article class="diary">',
        f'<p class="column-name"><a href="/diary">{esc(column)}</a></p>',
        f"<h1>{esc(page.headline)}</h1>",
        chrome.meta_row(page, " — "),
        page.lead_figure(),
        chrome.share(page),
        strip,
        '<div class="diary-text">',
        opening,
        *blocks,
        "</div>",
        chrome.signed(page),
        writer,
        "</article>",
        earlier,
        main,
        "</main>",
        f'<aside class="sidebar"><h3>{esc(latest_heading)}</h3><ul>{latest}</ul>{side}</aside>',
        "</div>",
        foot,
    ])
