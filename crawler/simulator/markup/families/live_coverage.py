"""A live-coverage page ("تغطية مباشرة") as the big Arab broadcasters' sites run them for a
day of events: a pinned summary, then timestamped updates, each its own block with its own
share buttons, and a key-events box that repeats the updates' openings.

Head: og tags; on metadata-dated pages a JSON-LD ``LiveBlogPosting`` with ``datePublished``,
``coverageStartTime`` (the same instant), ``coverageEndTime`` when the coverage has ended, and
``dateModified``; the updates themselves are not in the JSON-LD. Text-dated and undated pages
carry no machine date.
Page: the header (logo, menu, a "بث مباشر" link), a breaking strip on some sites, breadcrumbs;
the live header: a badge ("مباشر" while live, "انتهت التغطية" once ended), the ``<h1>``, the
start of the coverage ("بدأت التغطية: الخميس 14 نوفمبر 2024 - 09:46", with or without a label,
on dated pages) and the byline ("تغطية: X", "إعداد: X و Y", the bare names; "إعداد: فريق التغطية
المباشرة" on half the unsigned pages: a desk, no author); the lead image and caption.
Body: the article's first paragraph is the pinned summary (a "مثبت" / "ملخص التغطية" label
above it: furniture); every further paragraph is one update (``<article class="live-entry">``)
in *chronological* order (the sort switch shows "الأقدم أولاً" active), each with its time of
day ("10:32" or "10:32 ص", a ``data-timestamp`` epoch; the times are furniture and never the
page's date), now and then an "عاجل" badge, and its share buttons; a middle update may be a
quoted statement (``<blockquote>``: body). Updates that hold only an embedded post (someone
else's words with their date), an ad, or a read-also link come between them: *not* body.
The dateline, when shown, is the summary's bold first line or a line of its own above it.
The toolbar between the summary and the feed prints the last update's time, the auto-refresh
switch and the sort switch; the key-events box ("أبرز الأحداث": times and each picked update's
first words cut with "...") sits there or after the feed. After the feed: "تحميل المزيد من
التحديثات" while live, or the desk's closing note once ended (furniture); tags, share links.
Sidebar: other live coverages with their dates, most read with dates; the footer.
Dates: the coverage's start is the page's date (metadata instant, or the start line: minute);
undated pages show the update times only (times of day are no date: null).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc, inline, weave
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.text import eastern_digits, slugify

NAME = "live_coverage"
TRAITS = Traits(
    date_formats=("weekday_time", "ampm_comma", "day_at_time"),
    date_where=(0.5, 0.3, 0.2), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.8, eastern_digits=0.15,
    byline_forms=("katib", "katib", "bare", "meta_only"),
    byline_prefixes={"katib": ("تغطية: ", "إعداد: ", "متابعة: ")},
    byline_positions=("before",),
    two_authors=0.3,
    dateline_positions=("omitted", "body_lead", "line"),
    display_title=0.3, image=0.85, caption=0.7,
)
START_LABELS = ("بدأت التغطية:", "انطلقت التغطية", "")
DESK_PREFIX = "إعداد: "


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _time_of_day(page: Page, moment: datetime) -> str:
    local = moment.astimezone(dates.site_zone(page.article.site))
    if page.stable("clock").random() < 0.5:
        shown = f"{local:%H:%M}"
    else:
        hour = local.hour % 12 or 12
        shown = f"{hour:02d}:{local:%M} {'ص' if local.hour < 12 else 'م'}"
    return _digits(page, shown)


def _start(page: Page) -> datetime:
    """When the coverage started: the article's instant, or (undated pages) some day before
    the render time."""
    if page.article.published is not None:
        return page.article.published
    return page.today - timedelta(days=page.rng.randint(3, 60), hours=page.rng.randint(1, 12))


def _tweet_entry(page: Page, moment: datetime) -> str:
    rng = page.rng
    text, name, handle = furniture.tweet(rng)
    shown = dates.visible(moment, "long_day", page.article.site, page.eastern)
    page.record("embed", [text, f"— {name} (@{handle})", shown])
    return (f'<div class="entry-body"><blockquote class="twitter-tweet" data-lang="ar"><p '
            f'lang="ar" dir="rtl">{esc(text)}</p>— {esc(name)} (@{esc(handle)}) <a href="https://'
            f'twitter.com/{attr(handle)}/status/{rng.getrandbits(60)}">{esc(shown)}</a>'
            "</blockquote></div>")


def _feed(page: Page, parts: list[body.Part], start: datetime) -> tuple[str, list[str], str]:
    """The updates as entries (with the furniture entries between them), the key-events box
    and the last update's time."""
    rng = page.rng
    actions = page.record("share", list(furniture.LIVE_ENTRY_ACTIONS))
    entries: list[tuple[str, str, str]] = []  # (kind, inner html, text)
    for part in parts:
        text = part.texts[0]
        if part.kind == "quote":
            inner = f'<div class="entry-body"><blockquote><p>{esc(text)}</p></blockquote></div>'
        else:
            inner = f'<div class="entry-body"><p>{inline(text, rng, 0.2, "/tag/")}</p></div>'
        entries.append(("body", inner, text))
    extras: list[tuple[str, str, str]] = []
    if rng.random() < 0.5:
        extras.append(("tweet", "", ""))
    if rng.random() < 0.6:
        label = page.pick("ad", furniture.AD_LABELS)
        extras.append(("ad", f'<div class="live-ad"><span class="ad-label">{esc(label)}</span>'
                             f'<div id="ad-live-{rng.randint(1, 9)}" class="ad-slot"></div></div>',
                       ""))
    if rng.random() < 0.5:
        label = page.pick("read_also", furniture.READ_ALSO)
        link = page.links("read_also", 1)[0]
        extras.append(("read", f'<div class="entry-body entry-related"><span class="label">'
                               f'{esc(label)}</span> <a href="{attr(link.url)}">'
                               f"{esc(link.title)}</a></div>", ""))
    woven = weave(entries, extras, rng) if entries else extras
    moment = start
    html, events, last = [], [], ""
    for kind, inner, text in woven:
        moment = moment + timedelta(minutes=rng.randint(6, 55))
        if kind == "ad":
            html.append(inner)
            continue
        shown = page.record("live_times", [_time_of_day(page, moment)])[0]
        last = shown
        entry_id = rng.getrandbits(32)
        if kind == "tweet":
            inner = _tweet_entry(page, moment)
        badge = ""
        if kind == "body" and rng.random() < 0.15:
            breaking = page.pick("ticker", furniture.BREAKING_LABELS)
            badge = f'<span class="entry-badge">{esc(breaking)}</span>'
        if kind == "body" and len(text.split()) > 8 and rng.random() < 0.45:
            events.append((shown, " ".join(text.split()[:7]) + "...", entry_id))
        epoch = int(moment.timestamp())
        html.append(f'<article class="live-entry" id="entry-{entry_id}" data-timestamp="{epoch}">'
                    f'<div class="entry-meta"><span class="entry-time">{esc(shown)}</span>'
                    f"{badge}</div>{inner}<div class=\"entry-actions\"><button type=\"button\">"
                    f"{esc(actions[0])}</button><button type=\"button\" data-copy=\"#entry-"
                    f'{entry_id}">{esc(actions[1])}</button></div></article>')
    box = ""
    if events:
        heading = page.pick("key_events", furniture.KEY_EVENTS)
        items = []
        for shown, opening, entry_id in events:
            page.record("key_events", [opening])
            items.append(f'<li><a href="#entry-{entry_id}"><span class="ke-time">{esc(shown)}'
                         f'</span><span class="ke-text">{esc(opening)}</span></a></li>')
        box = (f'<aside class="key-events"><h2>{esc(heading)}</h2><ul>{"".join(items)}</ul>'
               "</aside>")
    return "\n".join(html), [box], last


def _live_header(page: Page, ended: bool) -> str:
    rng = page.rng
    badge = page.pick("live", furniture.LIVE_ENDED if ended else furniture.LIVE_BADGES)
    klass = "live-badge ended" if ended else "live-badge is-live"
    meta_line = []
    if page.date.visible:
        label = page.stable("start-label").choice(START_LABELS)
        text = f"{label} {page.date.visible}".strip()
        meta_line.append(f'<span class="live-started">{esc(text)}</span>')
    b = page.byline
    if b.visible:
        names = " و".join(f'<a href="/author/{slugify(n)}">{esc(n)}</a>' for n in b.names)
        meta_line.append(f'<span class="live-byline">{esc(b.prefix)}{names}</span>')
    elif b.form == "none" and rng.random() < 0.5:
        desk = page.pick("desk", furniture.LIVE_DESKS)
        page.layout["byline"] = "desk"
        meta_line.append(f'<span class="live-byline">{esc(DESK_PREFIX)}{esc(desk)}</span>')
    info = f'<div class="live-meta">{" ".join(meta_line)}</div>' if meta_line else ""
    return (f'<div class="live-header"><span class="{klass}">{esc(badge)}</span>'
            f'<h1 class="live-title">{esc(page.headline)}</h1>{info}</div>')


def render(page: Page) -> str:
    rng, a = page.rng, page.article
    ended = rng.random() < 0.6
    start = _start(page)
    parts = body.shape(page, quote=0.25)
    summary, updates = parts[0], parts[1:]
    feed, boxes, last = _feed(page, updates, start)
    data = meta.news_article(page, kind="LiveBlogPosting", description=meta.description(page))
    if "datePublished" in data:
        data["coverageStartTime"] = data["datePublished"]
        if ended:
            data["coverageEndTime"] = data["dateModified"]
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(a.title)} | {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.ld_script(data)
            + '<link rel="stylesheet" href="/static/css/live.css?v=3.4.1">\n</head>\n')
    menu = "".join(f'<li><a href="/section/{i}">{esc(m)}</a></li>'
                   for i, m in enumerate(page.menu(6, 10)))
    tv = page.pick("menu", ("بث مباشر", "شاهد البث المباشر"))
    strip = ""
    if page.stable("strip").random() < 0.6:
        label = page.pick("ticker", furniture.BREAKING_LABELS)
        items = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                        for link in page.links("ticker", rng.randint(3, 6)))
        strip = (f'<div class="breaking-bar"><span class="bb-label">{esc(label)}</span><ul>'
                 f"{items}</ul></div>")
    crumbs = "".join(f'<li><a href="/{i}">{esc(c)}</a></li>'
                     for i, c in enumerate(page.breadcrumbs()))
    hero = ""
    if page.image:
        cap = (f"<figcaption>{esc(page.image.caption)}</figcaption>"
               if page.image.caption else "")
        hero = (f'<figure class="live-hero"><img src="{attr(page.image.url)}" alt="'
                f'{attr(a.title)}" width="1200" height="675">{cap}</figure>')
    pinned = page.pick("label", furniture.LIVE_PINNED)
    lead = ""
    if page.dateline and page.dateline.position == "body_lead":
        lead = f"<p><strong>{esc(page.dateline.text)}</strong></p>"
    elif page.dateline:
        lead = f'<div class="live-dateline">{esc(page.dateline.text)}</div>'
    summary_html = (f'<div class="live-summary" data-pinned="true"><span class="pin">'
                    f"{esc(pinned)}</span>{lead}<p>{inline(summary.texts[0], rng, 0.2, '/tag/')}"
                    "</p></div>")
    last_label = page.pick("clock", furniture.LIVE_LAST_UPDATE)
    sort = page.record("live_controls", list(furniture.LIVE_SORT))
    auto = page.pick("live_controls", furniture.LIVE_AUTO)
    toolbar = ('<div class="live-toolbar">'
               + (f'<span class="last-update">{esc(last_label)} '
                  f'{esc(page.record("clock", [last])[0])}</span>' if last else "")
               + f'<label class="auto"><input type="checkbox" checked> {esc(auto)}</label>'
               f'<div class="sort"><button type="button">{esc(sort[0])}</button><button '
               f'type="button" class="active">{esc(sort[1])}</button></div></div>')
    fresh = ""
    if not ended:
        fresh = (f'<button type="button" class="new-entries" hidden>'
                 f'{esc(page.pick("live_controls", furniture.LIVE_NEW))}</button>')
    key_before = boxes[0] and page.stable("key-events").random() < 0.5
    if ended:
        closing = (f'<div class="live-ended"><p>'
                   f'{esc(page.pick("live_end", furniture.LIVE_END_NOTES))}</p></div>')
    else:
        closing = (f'<button type="button" class="load-more">'
                   f'{esc(page.pick("live_controls", furniture.LIVE_MORE))}</button>')
    tags = "".join(f'<a class="tag" href="/tag/{attr(slugify(t))}">{esc(t)}</a>'
                   for t in page.tags())
    share = "".join(f'<a class="share" href="#">{esc(s)}</a>' for s in page.share())
    others_heading = page.pick("related", furniture.LIVE_OTHER)
    others = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a><span class="date">'
                     f"{esc(link.date or '')}</span></li>"
                     for link in page.links("related", rng.randint(3, 5), "long_day"))
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<li><span class="rank">{i + 1}</span><a href="{attr(link.url)}">'
                   f"{esc(link.title)}</a><time>{esc(link.date or '')}</time></li>"
                   for i, link in enumerate(page.links("most_read", rng.randint(4, 6),
                                                       "numeric_day")))
    footer = page.footer()
    utility = "".join(f'<a href="/page/{i}">{esc(x)}</a>'
                      for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="live-blog">',
        f'<header class="site-header"><a class="logo" href="/"><img src="/static/logo.svg" '
        f'alt="{attr(page.label)}"></a><nav class="main-nav"><ul>{menu}</ul></nav><a '
        f'class="tv-link" href="/live-tv">{esc(tv)}</a></header>',
        strip,
        '<main class="live-page">',
        f'<nav class="breadcrumbs"><ol>{crumbs}</ol></nav>',
        _live_header(page, ended),
        hero,
        summary_html,
        toolbar,
        boxes[0] if key_before else "",
        fresh,
        f'<div class="live-feed" data-order="oldest">\n{feed}\n</div>',
        closing,
        "" if key_before else boxes[0],
        f'<div class="live-tags">{tags}</div>',
        f'<div class="live-share">{share}</div>',
        "</main>",
        f'<aside class="sidebar"><section><h3>{esc(others_heading)}</h3><ul>{others}</ul>'
        f'</section><section><h3>{esc(most_heading)}</h3><ol>{most}</ol></section></aside>',
        f'<footer class="site-footer"><nav>{utility}</nav><p>{esc(footer[0])}</p><p>'
        f"{esc(footer[1])}</p></footer>",
        "</body>\n</html>\n",
    ])
