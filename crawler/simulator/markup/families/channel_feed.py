"""The site's messaging channel as a web page (a Telegram-style "t.me/s/" preview that news sites
mirror on their own domain): a stream of short posts in chat bubbles, each with its view count
and its time, and the article as one post among them, the one the URL points to.

There is no ``<h1>``, no ``<article>`` and no ``<p>`` in the stream: the focused post
(``div.tgme_widget_message.is-focused``) holds the whole article in one ``<div
class="tgme_widget_message_text">``: the headline in ``<b>`` as its first line, then the
paragraphs separated by ``<br><br>`` (each is a body paragraph). The dateline is a line of its
own after the headline ("📍 الرباط - المغرب اليوم") or the start of the first paragraph
("الرباط - المغرب اليوم: ", the text after it is body). Inside the same ``<div>`` but not body:
the hashtags line after the text ("#عاجل #اقتصاد"), the channel's own call on some pages
("🔔 تابعونا على قناة المغرب اليوم: @almaghribtoday_news"), and, on the byline form
``biqalam_colon``, the signature line "✍️ بقلم: X" (the author, not body). Before the text,
inside the bubble: on some pages the post it replies to (``a.tgme_widget_message_reply``: the
channel's name and *another headline*, not the title) or the forwarded-from line ("معاد
توجيهه من X", another channel's name). A photo is a ``<a
class="tgme_widget_message_photo_wrap">`` with the picture as a CSS background (no ``<img>``,
no caption). Under the text: the reactions ("👍 231"), the views ("👁 24.1K"), "تم التعديل"
on some posts, the author's signature (byline form ``bare``: the name alone, in
``span.tgme_widget_message_from_author``) and the post's date link (dated pages only).
Bylines only ever come after the text.

The other posts (older ones before, newer ones after; ``layout["before"]`` and
``layout["after"]`` count them; on dated pages hours to a few days from the article) each hold
another headline, a teaser and a link line ("🔗 التفاصيل: https://..."), their views and their
time: the visible time is "14:32" alone, inside the date link a ``<time datetime>`` with the other
post's full instant (machine-readable dates of *other* posts, in links). Day separators ("19
نوفمبر", no year) stand before the first post of each day among them, never before the focused
post.

Head: ``<title>`` "{channel} – قناة {site}" (not the headline), og tags (``og:title`` the plain
title); on metadata-dated pages (and for metadata-only bylines) a JSON-LD
``SocialMediaPosting`` (headline, ``datePublished`` on metadata-dated pages, author,
``interactionStatistic`` views), and ``article:published_time``. Text-dated and undated pages
carry no machine publication date.
Page: the channel header (avatar, channel name, "@handle", "248K مشترك", the channel's
description, "عرض في التطبيق" / "انضم إلى القناة", a search box); the stream, opened by
"تحميل منشورات أقدم"; the bottom bar ("افتح القناة في تيليجرام") with the site's footer lines.
Dates: the focused post's date link shows the article's date (text-dated pages, and
metadata-dated pages that show it: "21/11/2024 - 09:46", "09:46 21-11-2024", ...; on
metadata-dated pages its ``<time datetime>`` holds the metadata's instant); undated pages show
only the other posts' times and the separators' days.
"""

from __future__ import annotations

from datetime import timedelta

from crawler.simulator.markup import dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.text import eastern_digits

NAME = "channel_feed"
TRAITS = Traits(
    date_formats=("numeric_time", "time_first", "ampm_comma", "day_at_time", "numeric_ampm"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "utc"),
    visible_with_meta=0.8, eastern_digits=0.1,
    byline_forms=("biqalam_colon", "bare", "bare", "meta_only"),
    byline_positions=("after",),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.7, image=0.7, caption=0.0,
)

CHANNEL_SUFFIXES = ("عاجل", "الأخبار", "نبض")
SUBSCRIBERS = ("{n}K مشترك", "{n} ألف مشترك")
DESCRIPTIONS = ("القناة الرسمية لموقع {label}، أخبار عاجلة على مدار الساعة",
                "تابعوا آخر أخبار {label} لحظة بلحظة",
                "أهم الأخبار والتقارير من {label} في قناة واحدة")
CHANNEL_ACTIONS = (("عرض في التطبيق", "انضم إلى القناة"), ("فتح في تيليجرام", "اشترك"))
SEARCH = ("بحث", "ابحث في القناة")
FORWARDED = "معاد توجيهه من {channel}"
OTHER_CHANNELS = ("قناة الحدث الآن", "أخبار الخليج العاجلة", "نافذة المغرب", "موجز الأخبار",
                  "رادار الاقتصاد")
DETAILS = ("🔗 التفاصيل: ", "للتفاصيل: ", "اقرأ المزيد: ")
FOLLOW = ("🔔 تابعونا على قناة {label}: @{handle}", "📲 شارك القناة مع أصدقائك: @{handle}")
EDITED = ("تم التعديل", "معدّل")
REACTIONS = ("👍", "❤️", "😮", "😢", "👏")
MORE = ("تحميل منشورات أقدم", "عرض المزيد من المنشورات")
BOTTOM = ("افتح القناة في تيليجرام", "عرض القناة في التطبيق")
SIGNATURE = "✍️ "


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _views(page: Page) -> str:
    n = page.rng.randint(900, 98000)
    return _digits(page, f"{n / 1000:.1f}K" if n >= 1000 else str(n))


def _reactions(page: Page) -> list[str]:
    rng = page.rng
    return [_digits(page, f"{e} {rng.randint(3, 900)}") for e in rng.sample(REACTIONS, 2)]


def _handle(page: Page) -> str:
    return f"{page.site.logo_alt.lower().replace(' ', '')}_news"


def _post(page: Page, title: str, teaser: str, url: str, time_html: str, post_id: int,
          handle: str) -> str:
    rng = page.rng
    details = page.pick("posts", DETAILS)
    views = page.record("posts", [_views(page), url])[0]
    reactions = page.record("posts", _reactions(page))
    edited = ""
    if rng.random() < 0.2:
        label = page.pick("posts", EDITED)
        edited = f'<span class="tgme_widget_message_edited">{esc(label)}</span>'
    return (f'<div class="tgme_widget_message_wrap"><div class="tgme_widget_message" '
            f'data-post="{attr(handle)}/{post_id}"><div class="tgme_widget_message_bubble">'
            f'<div class="tgme_widget_message_text js-message_text" dir="auto"><b>{esc(title)}'
            f"</b><br><br>{esc(teaser)}<br><br>{esc(details)}<a href=\"{attr(url)}\">"
            f'{esc(url)}</a></div><div class="tgme_widget_message_reactions">'
            + "".join(f"<span>{esc(r)}</span>" for r in reactions)
            + f'</div><div class="tgme_widget_message_footer"><span class="'
            f'tgme_widget_message_views">{esc(views)}</span>{edited}{time_html}</div></div></div>'
            "</div>")


def _stream_posts(page: Page, count: int, first_id: int, handle: str, newer: bool
                  ) -> list[str]:
    """Other posts of the channel, older (``newer`` False) or newer than the article."""
    rng, a = page.rng, page.article
    links = page.links("posts", count, excerpts=True)
    own = a.published
    moments = []
    for i, link in enumerate(links):
        if own is not None:  # the channel's neighbours: hours to days away from the article
            shift = timedelta(hours=rng.randint(2, 30) * (i + 1), minutes=rng.randrange(60))
            moments.append(own + shift if newer else own - shift)
        else:
            assert link.moment is not None
            moments.append(link.moment)
    order = sorted(range(count), key=lambda i: moments[i].timestamp())
    out = []
    last_day = None
    zone = dates.site_zone(a.site)
    for n, i in enumerate(order):
        link, moment = links[i], moments[i]
        local = moment.astimezone(zone)
        if local.date() != last_day:
            day = page.record("days", [_digits(page, f"{local.day} "
                                                     f"{dates.GREGORIAN[local.month - 1]}")])[0]
            out.append(f'<div class="tgme_widget_message_service_date">{esc(day)}</div>')
            last_day = local.date()
        shown = page.record("posts", [_digits(page, f"{local:%H:%M}")])[0]
        post_id = first_id + n
        time_html = (f'<a class="tgme_widget_message_date" href="https://t.me/{attr(handle)}/'
                     f'{post_id}"><time datetime="{moment.isoformat(timespec="seconds")}" '
                     f'class="time">{esc(shown)}</time></a>')
        out.append(_post(page, link.title, link.excerpt or "", link.url, time_html, post_id,
                         handle))
    return out


def _focused(page: Page, post_id: int, handle: str, channel: str) -> str:
    rng, a, b = page.rng, page.article, page.byline
    inner = []
    if rng.random() < 0.25:
        other = page.links("reply", 1)[0]
        page.record("reply", [channel])
        inner.append(f'<a class="tgme_widget_message_reply" href="https://t.me/{attr(handle)}/'
                     f'{post_id - rng.randint(3, 40)}"><div class="tgme_widget_message_author">'
                     f'{esc(channel)}</div><div class="tgme_widget_message_text js-message_reply_'
                     f'text">{esc(other.title)}</div></a>')
        page.layout["reply"] = "yes"
    elif rng.random() < 0.2:
        line = page.record("forwarded", [FORWARDED.format(channel=rng.choice(OTHER_CHANNELS))])[0]
        inner.append(f'<div class="tgme_widget_message_forwarded_from">{esc(line)}</div>')
        page.layout["forwarded"] = "yes"
    if page.image:
        inner.append(f'<a class="tgme_widget_message_photo_wrap" href="https://t.me/'
                     f'{attr(handle)}/{post_id}?single" style="width:100%;background-image:url('
                     f"'{attr(page.image.url)}')\"><div class=\"tgme_widget_message_photo\" "
                     'style="padding-top:56.25%"></div></a>')
    lines = [f"<b>{esc(page.headline)}</b>"]
    paragraphs = list(page.paragraphs)
    if page.dateline and page.dateline.position == "line":
        lines.append(esc(f"📍 {page.dateline.text}"))
    texts = [esc(p) for p in paragraphs]
    if page.dateline and page.dateline.position == "body_lead":
        texts[0] = f"{esc(page.dateline.text)}: {texts[0]}"
    lines += texts
    if b.visible and b.form == "biqalam_colon":
        lines.append(esc(f"{SIGNATURE}{b.text()}"))
    hashtags = page.record("tags", [" ".join(f"#{t.replace(' ', '_')}"
                                             for t in furniture.tags(rng, a.tags)[:4])])[0]
    lines.append(esc(hashtags))
    if page.stable("follow").random() < 0.6:
        follow = page.record("follow", [page.stable("follow-form").choice(FOLLOW).format(
            label=page.label, handle=handle)])[0]
        lines.append(esc(follow))
        page.layout["follow"] = "yes"
    inner.append('<div class="tgme_widget_message_text js-message_text" dir="auto">'
                 + "<br><br>".join(lines) + "</div>")
    views = page.record("hits", [_views(page)])[0]
    reactions = page.record("hits", _reactions(page))
    footer = []
    if b.visible and b.form == "bare":
        footer.append(f'<span class="tgme_widget_message_from_author" dir="auto">'
                      f"{esc(b.joined('، '))}</span>")
    footer.append(f'<span class="tgme_widget_message_views">👁 {esc(views)}</span>')
    if rng.random() < 0.3:
        footer.append(f'<span class="tgme_widget_message_edited">'
                      f'{esc(page.pick("hits", EDITED))}</span>')
    if page.date.visible:
        stamp = (f' datetime="{attr(page.date.machine.value)}"'
                 if page.date.where == "metadata" and page.date.machine else "")
        footer.append(f'<a class="tgme_widget_message_date" href="https://t.me/{attr(handle)}/'
                      f'{post_id}"><time{stamp} class="time">{esc(page.date.visible)}</time></a>')
    return (f'<div class="tgme_widget_message_wrap is-focused"><div class="tgme_widget_message '
            f'is-focused" data-post="{attr(handle)}/{post_id}" id="post-{post_id}"><div '
            f'class="tgme_widget_message_bubble">{"".join(inner)}<div class="tgme_widget_message_'
            f'reactions">' + "".join(f"<span>{esc(r)}</span>" for r in reactions)
            + f'</div><div class="tgme_widget_message_footer">{"".join(footer)}</div></div></div>'
            "</div>")


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    handle = _handle(page)
    channel = f"{page.label} | {page.stable('suffix').choice(CHANNEL_SUFFIXES)}"
    page.record("channel", [channel, f"@{handle}"])
    subscribers = page.record("channel", [_digits(page, page.stable("subs").choice(
        SUBSCRIBERS).format(n=page.stable("subs-n").randint(12, 900)))])[0]
    description = page.record("channel", [page.stable("desc").choice(DESCRIPTIONS).format(
        label=page.label)])[0]
    actions = page.record("channel", list(page.stable("actions").choice(CHANNEL_ACTIONS)))
    search = page.pick("channel", SEARCH)
    post_id = rng.randint(4000, 90000)
    older, newer = rng.randint(2, 4), rng.randint(1, 3)
    page.layout["before"], page.layout["after"] = str(older), str(newer)
    before = _stream_posts(page, older, post_id - older - rng.randint(0, 5), handle, False)
    focused = _focused(page, post_id, handle, channel)
    after = _stream_posts(page, newer, post_id + 1 + rng.randint(0, 3), handle, True)
    posting = meta.news_article(page, kind="SocialMediaPosting",
                                interactionStatistic={"@type": "InteractionCounter",
                                                      "interactionType": "https://schema.org/"
                                                                         "ViewAction",
                                                      "userInteractionCount":
                                                          rng.randint(900, 98000)})
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
            f"<title>{esc(channel)} – قناة {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page)
            + (meta.ld_script(posting) if page.date.where == "metadata" or b.in_metadata
               else "")
            + '<link rel="stylesheet" href="/channel/widget.css?31">\n</head>\n')
    more = page.pick("channel", MORE)
    bottom = page.pick("channel", BOTTOM)
    footer = page.footer()
    return head + "\n".join([
        '<body class="widget_frame_base tgme_webpreview">',
        '<header class="tgme_header"><div class="tgme_header_info"><i class="tgme_page_photo">'
        f'<img src="https://img.{attr(page.site.domain)}/channel/avatar.jpg" alt=""></i><div '
        f'class="tgme_header_title">{esc(channel)}</div><div class="tgme_header_counter">'
        f"{esc(subscribers)}</div><div class=\"tgme_header_username\">@{esc(handle)}</div></div>"
        f'<div class="tgme_channel_description">{esc(description)}</div><div class="'
        f'tgme_header_actions"><a href="tg://resolve?domain={attr(handle)}">{esc(actions[0])}</a>'
        f'<a class="tgme_action_button" href="https://t.me/{attr(handle)}">{esc(actions[1])}</a>'
        f'</div><form class="tgme_header_search"><input type="search" placeholder="'
        f'{attr(search)}"><button>{esc(search)}</button></form></header>',
        '<main class="tgme_main"><section class="tgme_channel_history js-message_history">',
        f'<div class="tme_messages_more"><a href="?before={post_id - older - 9}">{esc(more)}</a>'
        "</div>",
        *before,
        focused,
        *after,
        "</section></main>",
        f'<div class="tgme_footer"><a class="tgme_action_button" href="https://t.me/'
        f'{attr(handle)}">{esc(bottom)}</a><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></div>',
        "</body>\n</html>\n",
    ])
