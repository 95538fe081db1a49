"""A TV news channel's video page: the player first, then the title, and the story as the video's
description under it, half of it folded away behind "اقرأ المزيد", or as the report's
transcript with a timecode before every paragraph; rails of other videos around it.

Head: ``og:type`` ``video.other``, ``og:video`` and the poster as ``og:image``; on every page a
JSON-LD ``VideoObject`` (name, description, thumbnail, duration ``PT3M45S``; its ``uploadDate``
only on metadata-dated pages, the same instant as the article's); on metadata-dated pages (and
for metadata-only bylines) a JSON-LD ``NewsArticle`` and ``article:published_time``.
Text-dated and undated pages carry no machine date.
Page: the channel bar ("شاهد البث المباشر" with a live badge; now and next on air: "الآن: X",
"التالي 21:00 Y"), the logo and the menu (programmes, bulletins...), a breaking strip; then,
*before the title*, the player: a ``<video>`` with its poster and HLS source, the no-video
message, a title bar repeating the plain title, the control bar (تشغيل، كتم الصوت، ملء
الشاشة...) with the duration "03:45", the views ("12,345 مشاهدة"); on some sites a playlist
of other videos with their durations beside it. Then the ``<h1>``, the meta row (the programme
"من برنامج: X", the byline "تقرير: X" / "إعداد: X" / the bare name, the date on dated pages),
share buttons.
Body (``div.video-desc``), one way per page (a programme's report comes with its transcript, a
news clip with a description): *folded*: the first paragraph, then the rest in a
``<div class="collapse">`` (hidden by a class until the reader unfolds it: body all the same),
with the "اقرأ المزيد" / "عرض أقل" button before or after the folded part (per site; not
body); or *transcript*: the
first paragraph as the summary, a heading "نص التقرير" (not body), then every further paragraph
as a transcript line beginning with its timecode link ("00:42", then the text: the timecode is
not body). An ad between the summary and the transcript on some pages. The dateline is a line
of its own above the text or the description's bold first line. The poster is the lead image
(no caption).
After the body: the signature when the byline goes after, hashtags; the programme box (name,
"يعرض كل أحد الساعة 21:00 بتوقيت مكة", previous episodes "الحلقة 12" with dates); "شاهد أيضا"
(video cards: duration, title, age "منذ 3 ساعات"), the autoplay switch, most watched with view
counts, the channel's YouTube call, the footer, the cookie notice.
Dates: metadata (second) or the meta row (minute or day); undated pages show the schedule's
times, the durations, ages and the episodes' dates only.
"""

from __future__ import annotations

from crawler.simulator.markup import body, furniture, meta
from crawler.simulator.markup.kit import attr, esc, inline, thumb_url
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.text import WEEKDAYS, eastern_digits, slugify

NAME = "tv_video"
TRAITS = Traits(
    date_formats=("weekday_time", "ampm_comma", "numeric_time", "long_day"),
    date_where=(0.5, 0.3, 0.2), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.8, eastern_digits=0.1,
    byline_forms=("katib", "katib", "bare", "meta_only"),
    byline_prefixes={"katib": ("تقرير: ", "إعداد: ", "مراسل القناة: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("omitted", "line", "body_lead"),
    display_title=0.3, image=0.95, caption=0.0,
)
SCHEDULE_CITIES = ("مكة", "القاهرة", "أبوظبي", "غرينتش")


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _duration(seconds: int) -> str:
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def _views(page: Page) -> str:
    label = page.stable("views").choice(furniture.TV_VIEWS)
    return _digits(page, f"{page.rng.randint(1200, 980000):,} {label}")


def _player(page: Page, seconds: int) -> str:
    rng, a = page.rng, page.article
    controls = page.record("player", list(furniture.TV_PLAYER[:page.stable("controls")
                                                                  .randint(3, 5)]))
    no_video = page.pick("player", furniture.TV_NO_VIDEO)
    duration = page.record("player", [_digits(page, _duration(seconds))])[0]
    views = page.record("hits", [_views(page)])[0]
    poster = page.image.url if page.image else thumb_url(page.site, rng)
    buttons = "".join(f'<button class="vjs-control" type="button"><span class="vjs-control-text">'
                      f"{esc(c)}</span></button>" for c in controls)
    playlist = ""
    if page.stable("playlist").random() < 0.4:
        heading = page.pick("rail", ("قائمة التشغيل", "التالي في القائمة"))
        items = []
        for link in page.links("rail", rng.randint(3, 5)):
            length = page.record("rail", [_digits(page, _duration(rng.randint(40, 900)))])[0]
            items.append(f'<li><a href="{attr(link.url)}"><span class="len">{esc(length)}</span>'
                         f"{esc(link.title)}</a></li>")
        playlist = (f'<aside class="playlist"><h3>{esc(heading)}</h3><ol>{"".join(items)}</ol>'
                    "</aside>")
    return (f'<section class="player-wrap"><div class="video-js vjs-16-9" data-id="'
            f'{rng.getrandbits(40):x}"><video class="vjs-tech" poster="{attr(poster)}" '
            f'preload="none" playsinline><source src="https://vod.{page.site.domain}/hls/'
            f'{rng.getrandbits(48):012x}/master.m3u8" type="application/x-mpegURL"><p '
            f'class="vjs-no-js">{esc(no_video)}</p></video><div class="vjs-title-bar">'
            f'{esc(a.title)}</div><div class="vjs-control-bar">{buttons}<span '
            f'class="vjs-duration">{esc(duration)}</span></div></div><div class="video-stats">'
            f"<span>{esc(views)}</span></div>{playlist}</section>")


def _description(page: Page) -> str:
    rng = page.rng
    parts = body.shape(page, quote=0.15)
    texts = [part.texts[0] for part in parts]
    transcript = rng.random() < 0.45 and len(texts) > 1
    page.layout["description"] = "transcript" if transcript else "folded"
    lead = ""
    if page.dateline and page.dateline.position == "body_lead":
        lead = f"<p><strong>{esc(page.dateline.text)}</strong></p>"
    elif page.dateline:
        lead = f'<div class="dateline">{esc(page.dateline.text)}</div>'

    def para(part: body.Part, klass: str = "") -> str:
        cls = f' class="{klass}"' if klass else ""
        if part.kind == "quote":
            return f"<blockquote{cls}><p>{esc(part.texts[0])}</p></blockquote>"
        return f"<p{cls}>{inline(part.texts[0], rng, 0.2, '/tag/')}</p>"

    if transcript:
        heading = page.pick("transcript", furniture.TV_TRANSCRIPT)
        ad = ""
        if rng.random() < 0.5:
            label = page.pick("ad", furniture.AD_LABELS)
            ad = (f'<div class="ad-slot"><span>{esc(label)}</span><div id="gpt-'
                  f'{rng.randint(10**5, 10**6)}"></div></div>')
        second = rng.randint(5, 20)
        lines = []
        for part in parts[1:]:
            code = page.record("transcript", [_digits(page, _duration(second))])[0]
            lines.append(f'<p class="transcript-line"><a class="tc" href="#t={second}" '
                         f'data-seek="{second}">{esc(code)}</a> {esc(part.texts[0])}</p>')
            second += rng.randint(15, 60)
        return (f'<div class="video-desc">{lead}{para(parts[0], "summary")}{ad}<h2 '
                f'class="transcript-title">{esc(heading)}</h2><div class="transcript">'
                + "".join(lines) + "</div></div>")
    more = page.pick("toggle", furniture.TV_MORE)
    less = page.pick("toggle", furniture.TV_LESS)
    button = (f'<button class="desc-toggle" type="button" data-toggle="collapse" data-target="'
              f'#desc-more" data-less="{attr(less)}"><span class="more">{esc(more)}</span><span '
              f'class="less d-none">{esc(less)}</span></button>')
    rest = "".join(para(p) for p in parts[1:])
    folded = f'<div class="collapse" id="desc-more">{rest}</div>' if rest else ""
    between = page.stable("toggle-place").random() < 0.5
    page.layout["toggle"] = "between" if between else "after"
    inner = (para(parts[0]) + button + folded) if between else (para(parts[0]) + folded + button)
    return f'<div class="video-desc">{lead}{inner}</div>'


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    seconds = rng.randint(75, 1500)
    program = page.stable("program").choice(furniture.TV_PROGRAMS) \
        if rng.random() < 0.7 else None
    video = {"@context": "https://schema.org", "@type": "VideoObject", "name": a.title,
             "description": " ".join(page.paragraphs[0].split()[:30]),
             "thumbnailUrl": page.image.url if page.image else thumb_url(page.site, rng),
             "duration": f"PT{seconds // 60}M{seconds % 60}S",
             "embedUrl": f"https://{page.site.domain}/embed/{rng.getrandbits(32):x}"}
    if page.date.where == "metadata" and page.date.machine is not None:
        video["uploadDate"] = page.date.machine.value
    data = meta.news_article(page, description=meta.description(page))
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(page.headline)} | {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page).replace('content="article"', 'content="video.other"')
            + f'<meta property="og:video" content="https://{page.site.domain}/embed/'
            f'{rng.getrandbits(32):x}">\n'
            + meta.article_times(page)
            + (meta.ld_script(data) if page.date.where == "metadata" or b.in_metadata else "")
            + meta.ld_script(video)
            + '<link rel="stylesheet" href="/static/css/tv.css?v=9">\n</head>\n')
    live = page.pick("menu", furniture.TV_LIVE)
    now_label, next_label = page.record("schedule", list(furniture.TV_NOW_NEXT))
    on_air = page.record("schedule", rng.sample(furniture.TV_PROGRAMS, 2))
    next_time = page.record("schedule", [_digits(page, f"{rng.randint(6, 23):02d}:"
                                                       f"{rng.choice((0, 30)):02d}")])[0]
    menu = page.record("menu", [page.stable("home").choice(furniture.HOME),
                                *page.stable("tv-menu").sample(furniture.TV_MENU, 7)])
    menu_html = "".join(f'<li><a href="/section/{i}">{esc(m)}</a></li>' for i, m in enumerate(menu))
    breaking = page.pick("ticker", furniture.BREAKING_LABELS)
    ticker = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                     for link in page.links("ticker", rng.randint(3, 5)))
    meta_row = []
    if program:
        label = page.pick("program", furniture.TV_PROGRAM_LABEL)
        meta_row.append(f'<span class="program">{esc(label)} <a href="/programs/'
                        f'{attr(slugify(program))}">{esc(program)}</a></span>')
        page.record("program", [program])
    if b.visible and b.position == "before":
        meta_row.append(f'<span class="reporter">{esc(b.text())}</span>')
    if page.date.visible:
        meta_row.append(f'<span class="date">{esc(page.date.visible)}</span>')
    share = "".join(f'<a class="share" href="#">{esc(s)}</a>' for s in page.share())
    signature = (f'<p class="video-signature">{esc(b.text())}</p>'
                 if b.visible and b.position == "after" else "")
    hashtags = page.record("tags", [f"#{t.replace(' ', '_')}"
                                    for t in furniture.tags(rng, a.tags)])
    tags = "".join(f'<a href="/tag/{i}">{esc(t)}</a>' for i, t in enumerate(hashtags))
    program_box = ""
    if program:
        day = rng.choice(WEEKDAYS)
        slot = f"{rng.randint(17, 23):02d}:{rng.choice((0, 30)):02d}"
        schedule = page.record("program", [_digits(page, furniture.TV_SCHEDULE.format(
            day=day, time=slot, city=page.stable("city").choice(SCHEDULE_CITIES)))])[0]
        episodes_heading = page.pick("program", furniture.TV_EPISODES)
        episodes = []
        for link in page.links("episodes", rng.randint(3, 5), "long_day"):
            number = page.record("episodes", [_digits(page, f"الحلقة {rng.randint(2, 180)}")])[0]
            episodes.append(f'<li><a href="{attr(link.url)}"><span class="ep">{esc(number)}'
                            f'</span> {esc(link.title)}</a> <span class="d">{esc(link.date or "")}'
                            "</span></li>")
        program_box = (f'<section class="program-box"><h3>{esc(program)}</h3><p>'
                       f'{esc(schedule)}</p><h4>{esc(episodes_heading)}</h4><ul>'
                       f'{"".join(episodes)}</ul></section>')
    watch_heading = page.pick("related", furniture.TV_WATCH_ALSO)
    cards = []
    for link in page.links("related", rng.randint(4, 8), relative=True, thumbs=True):
        length = page.record("related", [_digits(page, _duration(rng.randint(40, 1200)))])[0]
        cards.append(f'<div class="video-card"><a href="{attr(link.url)}"><img src="'
                     f'{attr(link.thumb or "")}" alt=""><span class="len">{esc(length)}</span>'
                     f'<h4>{esc(link.title)}</h4></a><span class="age">{esc(link.date or "")}'
                     "</span></div>")
    autoplay = page.pick("player", furniture.TV_AUTOPLAY)
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = []
    for link in page.links("most_read", 5):
        views = page.record("most_read", [_views(page)])[0]
        most.append(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a><span>{esc(views)}'
                    "</span></li>")
    youtube = page.pick("follow", furniture.TV_SUBSCRIBE)
    consent = page.record("cookie", list(page.stable("cookie").choice(furniture.COOKIE_NOTICES)))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="tv-video">',
        f'<div class="channel-bar"><a class="live-btn" href="/live"><span class="badge-live">'
        f'●</span> {esc(live)}</a><div class="on-air"><span>{esc(now_label)}: {esc(on_air[0])}'
        f"</span><span>{esc(next_label)} {esc(next_time)} {esc(on_air[1])}</span></div></div>",
        f'<header class="site-header"><a class="logo" href="/"><img src="/static/logo.svg" alt="'
        f'{attr(page.label)}"></a><nav><ul>{menu_html}</ul></nav></header>',
        f'<div class="breaking"><b>{esc(breaking)}</b><ul>{ticker}</ul></div>',
        '<main class="video-page">',
        _player(page, seconds),
        f'<div class="video-head"><h1 class="video-title">{esc(page.headline)}</h1>'
        + (f'<div class="video-meta">{" ".join(meta_row)}</div>' if meta_row else "")
        + f'<div class="share-bar">{share}</div></div>',
        _description(page),
        signature,
        f'<div class="hashtags">{tags}</div>',
        program_box,
        f'<section class="watch-also"><h3>{esc(watch_heading)}</h3><label class="autoplay">'
        f'<input type="checkbox" checked> {esc(autoplay)}</label><div class="cards">'
        f'{"".join(cards)}</div></section>',
        "</main>",
        f'<aside class="side"><h3>{esc(most_heading)}</h3><ol>{"".join(most)}</ol><a '
        f'class="yt" href="https://www.youtube.com/@channel">{esc(youtube)}</a></aside>',
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        f'<div class="consent" role="dialog"><p>{esc(consent[0])}</p>'
        + "".join(f"<button>{esc(x)}</button>" for x in consent[1:]) + "</div>",
        "</body>\n</html>\n",
    ])
