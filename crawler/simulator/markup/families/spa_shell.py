"""A client-rendered news app (React + a utility CSS framework) served pre-rendered: the whole
page is ``<div>``s and ``<span>``s inside ``<div id="root">`` with utility classes (``text-lg
leading-8``), no ``<article>``, ``<h1>``, ``<p>``, ``<time>``, ``<nav>`` or ``<footer>``; a
Gulf / Levant video-first portal.

Head: ``data-rh`` tags (react-helmet): title with the site name, og; JSON-LD NewsArticle on
metadata-dated pages (or when the author is only in metadata), and on every page a JSON-LD
BreadcrumbList: the breadcrumbs exist *only* there. A ``<noscript>`` message opens the body.
Page: a top bar (logo, menu links, a live button), a live-score strip on sports-minded sites
(club, score, minute), a trending-hashtags bar (#...), a breaking strip; the hero: the lead
image with, over it, the section kicker and the date in *one line above the title*
("سياسة | 14 نوفمبر 2024، 09:46 ص", Eastern digits on some pages), then the headline as a large
``<div>`` (``role="heading"`` on some sites). Text- and metadata-dated pages show the absolute
date there, sometimes followed by the age ("· منذ 3 أشهر"); a metadata-dated page may show only
the age; an undated page shows only the age ("منذ 3 أشهر": relative, so the expected date is
null). Under the hero: the caption and a photographer credit ("تصوير: name", not an author);
the byline row (avatar, the name and a role line; or "X | site", "مراسل site - X", "بقلم: X";
a desk such as "فريق التحرير" on half the unsigned pages, which is no author); icon-only share
buttons.
Body: one ``<div class="text-lg leading-8 ...">`` per paragraph (the first one larger and
bold, still body), intertitles as bold ``<div>``s (body) now and then, a short last paragraph
now and then; between paragraphs: an embedded post (``<blockquote class="twitter-tweet">``:
someone else's words with their date, *not* body), a YouTube ``<iframe>`` with its video
caption, a "شاهد الفيديو" link box, an ad slot with its label, a read-also line styled
exactly like a paragraph. The dateline, when shown, is its own small line or a bold lead.
After the body: tag chips, "عرض التعليقات (n)", related cards with relative ages, most-read
with dates, a newsletter box, an app promo, utility links and copyright, then the Apollo state
script with this and other articles' text.
"""

from __future__ import annotations

from datetime import timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc, script_json, weave
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.text import eastern_digits, person_name

NAME = "spa_shell"
TRAITS = Traits(
    date_formats=("ampm_comma", "ampm_comma", "long_day", "dot_day"),
    date_where=(0.35, 0.35, 0.3), meta_styles=("utc_z", "site", "site"),
    visible_with_meta=0.6, eastern_digits=0.4,
    byline_forms=("bare", "bare", "reporter", "biqalam_colon", "meta_only"),
    byline_positions=("before",),
    dateline_positions=("omitted", "line", "body_lead"),
    display_title=0.5, image=0.9, caption=0.6,
)
PARA = "text-lg leading-8 mb-6 text-gray-800"


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _other_person(page: Page) -> str:
    """A name that is none of the article's people (a photographer, a commenter)."""
    taken = set(page.article.authors) | set(page.byline.names)
    while (name := person_name(page.rng)) in taken:
        pass
    return name


def _kicker_line(page: Page) -> str:
    """Section and date in one line above the title."""
    rng, a = page.rng, page.article
    age = _digits(page, dates.age(page.today - a.published)) if a.published else ""
    shown = page.date.visible
    if shown and age and rng.random() < 0.6:
        age = ""  # the absolute date alone
    if age:
        page.record("age", [age])
    when = f"{shown} · {age}" if shown and age else shown or age
    page.layout["date_place"] = "above_title"
    kicker = page.record("breadcrumbs", [page.section])[0]
    if not when:
        return f'<div class="text-sm font-semibold text-white/80">{esc(kicker)}</div>'
    if page.stable("kicker").random() < 0.5:
        return f'<div class="text-sm text-white/80">{esc(kicker)} | {esc(when)}</div>'
    return (f'<div class="flex items-center gap-2 text-sm text-white/80"><span class="font-'
            f'semibold">{esc(kicker)}</span><span>|</span><span dir="rtl">{esc(when)}</span></div>')


def _byline(page: Page) -> str:
    rng = page.rng
    b = page.byline
    if b.form == "reporter":
        name = b.joined()
        text = rng.choice((f"{name} | {page.label}", f"مراسل {page.label} - {name}"))
        return (f'<div class="flex items-center gap-3 my-4"><div class="font-semibold">'
                f"{esc(text)}</div></div>")
    if b.visible:
        name = b.joined()
        role = page.record("author_bio", [rng.choice(furniture.ROLES)])[0]
        return (f'<div class="flex items-center gap-3 my-4"><img class="h-10 w-10 rounded-full" '
                f'src="/static/authors/{rng.randint(1, 300)}.webp" alt="{attr(name)}"><div><div '
                f'class="font-semibold">{esc(b.prefix)}{esc(name)}</div><div class="text-xs '
                f'text-gray-500">{esc(role)}</div></div></div>')
    if b.form == "none" and rng.random() < 0.5:
        desk = page.pick("desk", furniture.DESKS)
        page.layout["byline"] = "desk"
        return (f'<div class="flex items-center gap-3 my-4"><div class="font-semibold">'
                f"{esc(desk)}</div></div>")
    return ""


def _embeds(page: Page) -> list[str]:
    rng, a = page.rng, page.article
    out = []
    if rng.random() < 0.4:
        text, name, handle = furniture.tweet(rng)
        when = (a.published - timedelta(hours=rng.randint(0, 20))) if a.published else (
            page.today - timedelta(days=rng.randint(30, 90)))
        shown = dates.visible(when, "long_day", a.site, page.eastern)
        page.record("embed", [text, f"— {name} (@{handle})", shown])
        out.append(f'<blockquote class="twitter-tweet" data-lang="ar"><p lang="ar" dir="rtl">'
                   f"{esc(text)}</p>— {esc(name)} (@{esc(handle)}) <a href=\"https://twitter.com/"
                   f'{attr(handle)}/status/{rng.getrandbits(60)}">{esc(shown)}</a></blockquote>'
                   '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8">'
                   "</script>")
    if rng.random() < 0.5:
        caption = page.record("video", [furniture.video_caption(rng)])[0]
        out.append(f'<div class="relative aspect-video my-6"><iframe class="absolute inset-0 '
                   f'h-full w-full" src="https://www.youtube.com/embed/{rng.getrandbits(40):x}" '
                   f'title="{attr(caption)}" allowfullscreen></iframe></div><div class="-mt-4 '
                   f'mb-6 text-sm text-gray-500">{esc(caption)}</div>')
    if rng.random() < 0.4:
        label = page.pick("video", furniture.WATCH_VIDEO)
        link = page.links("video", 1)[0]
        out.append(f'<a href="{attr(link.url)}" class="my-6 flex items-center gap-3 border-r-4 '
                   f'border-red-600 bg-gray-50 p-3"><span class="font-bold text-red-600">'
                   f'{esc(label)}</span><span class="text-base">{esc(link.title)}</span></a>')
    label = page.pick("ad", furniture.AD_LABELS)
    out.append(f'<div class="my-8 flex flex-col items-center"><span class="text-[10px] '
               f'text-gray-400">{esc(label)}</span><div id="div-gpt-ad-{rng.randint(10**9, 10**10)}'
               '-0" class="min-h-[250px] w-[300px]"></div></div>')
    if rng.random() < 0.6:
        label = page.pick("read_also", furniture.READ_ALSO)
        link = page.links("read_also", 1)[0]
        out.append(f'<div class="{PARA}"><span class="font-bold text-red-600">{esc(label)} </span>'
                   f'<a href="{attr(link.url)}" class="underline">{esc(link.title)}</a></div>')
    return out


def _body(page: Page) -> str:
    rng = page.rng
    parts = body.shape(page, tail=0.2, subheads=0.3)
    blocks = []
    for i, part in enumerate(parts):
        if part.kind == "subhead":
            blocks.append(f'<div class="mt-8 mb-4 text-2xl font-bold">{esc(part.texts[0])}</div>')
        elif i == 0:
            blocks.append(f'<div class="mb-6 text-xl font-semibold leading-9">'
                          f"{esc(part.texts[0])}</div>")
        else:
            blocks.append(f'<div class="{PARA}">{esc(part.texts[0])}</div>')
    blocks = weave(blocks, _embeds(page), rng)
    if page.dateline:
        blocks.insert(0, f'<div class="mb-2 text-sm text-gray-500">{esc(page.dateline.text)}</div>'
                         if page.dateline.position == "line"
                         else f'<div class="{PARA}"><span class="font-bold">'
                              f"{esc(page.dateline.text)}</span></div>")
    return '<div class="mx-auto max-w-3xl px-4">\n' + "\n".join(blocks) + "\n</div>"


def render(page: Page) -> str:
    rng, a = page.rng, page.article
    crumbs = page.breadcrumbs()
    crumb_ld = meta.breadcrumb_list([(c, page.site.url(f"/{i}")) for i, c in enumerate(crumbs)]
                                    + [(a.title, a.url)])
    ld = (meta.ld_script(meta.news_article(page))
          if page.date.where == "metadata" or page.byline.in_metadata else "")
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
            f'<title data-rh="true">{esc(a.title)} | {esc(page.label)}</title>\n'
            + meta.open_graph(page).replace("<meta ", '<meta data-rh="true" ')
            + ld + meta.ld_script(crumb_ld)
            + '<link rel="modulepreload" href="/assets/vendor-7c1e2a.js">\n'
            '<link rel="stylesheet" href="/assets/index-4b9d0f.css">\n</head>\n')
    noscript = page.pick("noscript", furniture.NOSCRIPT)
    menu = "".join(f'<a class="hover:text-red-600" href="/section/{i}">{esc(m)}</a>'
                   for i, m in enumerate(page.menu(5, 9)))
    live = page.pick("menu", ("بث مباشر", "البث المباشر"))
    strips = []
    if page.stable("scores").random() < 0.5:
        label = page.pick("scores", furniture.LIVE_LABELS)
        scores = page.record("scores", furniture.live_scores(rng, rng.randint(2, 4)))
        strips.append('<div class="flex gap-6 overflow-x-auto bg-green-900 px-4 py-1 text-xs '
                      f'text-white"><span class="font-bold">{esc(label)}</span>'
                      + "".join(f"<span>{esc(s)}</span>" for s in scores) + "</div>")
    trending = page.pick("trending", furniture.TRENDING_HEADINGS)
    tags = page.record("trending", rng.sample(furniture.HASHTAGS, rng.randint(4, 7)))
    strips.append('<div class="flex gap-3 overflow-x-auto px-4 py-2 text-sm"><span class="font-'
                  f'bold">{esc(trending)}</span>'
                  + "".join(f'<a class="rounded-full bg-gray-100 px-3" href="/hashtag/{i}">'
                            f"{esc(t)}</a>" for i, t in enumerate(tags)) + "</div>")
    breaking = page.pick("ticker", furniture.BREAKING_LABELS)
    flash = page.links("ticker", 1)[0]
    strips.append(f'<div class="bg-red-600 px-4 py-2 text-sm text-white"><span class="ml-2 font-'
                  f'bold">{esc(breaking)}</span><a href="{attr(flash.url)}">{esc(flash.title)}</a>'
                  "</div>")
    role = ' role="heading" aria-level="1"' if page.stable("heading").random() < 0.5 else ""
    title = (f'<div class="text-2xl font-bold leading-tight text-white md:text-4xl"{role}>'
             f"{esc(page.headline)}</div>")
    image = (f'<img class="absolute inset-0 h-full w-full object-cover" '
             f'src="{attr(page.image.url)}" alt="">' if page.image else "")
    hero = (f'<div class="relative h-[420px] overflow-hidden rounded-2xl bg-gray-900">{image}<div '
            f'class="absolute inset-x-0 bottom-0 bg-gradient-to-t from-black/80 p-6">'
            f"{_kicker_line(page)}{title}</div></div>")
    under = ""
    if page.image and page.image.caption:
        credit = ""
        if rng.random() < 0.5:
            credit = (' <span class="italic">'
                      f"{esc(page.record('credit', ['تصوير: ' + _other_person(page)])[0])}</span>")
        under = (f'<div class="mt-2 text-xs text-gray-500">{esc(page.image.caption)}{credit}'
                 "</div>")
    actions = page.record("share", list(furniture.SPA_ACTIONS))
    share = ('<div class="flex gap-2 text-gray-500">'
             + "".join(f'<button aria-label="{attr(x)}" class="rounded-full p-2"><svg '
                       'width="20" height="20"></svg></button>'
                       for x in furniture.SHARE_NETWORKS[:4])
             + "".join(f'<button class="text-xs">{esc(x)}</button>' for x in actions) + "</div>")
    chips = "".join(f'<a class="rounded bg-gray-100 px-2 py-1 text-sm" href="/tag/{i}">{esc(t)}'
                    "</a>" for i, t in enumerate(page.tags()))
    count = rng.randint(0, 40)
    comments = page.record("comments", [f"عرض التعليقات ({count})"])[0]
    rel_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = "".join(
        f'<a href="{attr(link.url)}" class="block"><img class="aspect-video w-full rounded-lg '
        f'object-cover" src="{attr(link.thumb or "")}" alt=""><div class="mt-2 font-semibold">'
        f'{esc(link.title)}</div><div class="text-xs text-gray-500">{esc(link.date or "")}</div>'
        "</a>" for link in page.links("related", rng.choice((3, 6)), thumbs=True, relative=True))
    more = page.pick("related", furniture.LOAD_MORE)
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<div class="flex gap-3 py-2"><span class="text-3xl font-black text-gray-200">'
                   f'{i + 1}</span><div><a href="{attr(link.url)}">{esc(link.title)}</a><div '
                   f'class="text-xs text-gray-400">{esc(link.date or "")}</div></div></div>'
                   for i, link in enumerate(page.links("most_read", 5,
                                                       rng.choice(("long_day", "dot_day")))))
    news = page.newsletter()
    promo = page.record("app", [rng.choice(furniture.APP_PROMOS).format(label=page.label)])[0]
    footer = page.footer()
    links = "".join(f'<a href="/page/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    state = {f"Article:{rng.randint(10**5, 10**6)}": {
        "__typename": "Article", "title": a.title, "section": page.section,
        "content": [{"type": "paragraph", "text": p} for p in page.paragraphs]}}
    for item in page.script_articles(rng.randint(2, 4)):
        state[f"Article:{rng.randint(10**5, 10**6)}"] = {
            "__typename": "Article", "title": item["title"], "excerpt": item["body"],
            "publishedAt": item["publishedAt"]}
    return head + "\n".join([
        "<body>",
        f"<noscript>{esc(noscript)}</noscript>",
        '<div id="root"><div class="flex min-h-screen flex-col bg-white font-sans">',
        '<div class="sticky top-0 z-40 border-b bg-white"><div class="mx-auto flex h-14 max-w-7xl '
        f'items-center justify-between px-4"><a href="/"><img class="h-8" src="/logo.svg" alt="'
        f'{attr(page.label)}"></a><div class="hidden gap-6 text-sm font-medium md:flex">{menu}'
        f'</div><button class="rounded bg-red-600 px-3 py-1 text-sm text-white">{esc(live)}'
        "</button></div></div>",
        "\n".join(strips),
        '<div class="mx-auto w-full max-w-5xl px-4 py-6">',
        hero, under,
        '<div class="mx-auto flex max-w-3xl items-center justify-between px-4">'
        f"{_byline(page)}{share}</div>",
        _body(page),
        f'<div class="mx-auto flex max-w-3xl flex-wrap gap-2 px-4">{chips}</div>',
        f'<div class="mx-auto max-w-3xl px-4 py-6"><button class="w-full rounded border py-2">'
        f"{esc(comments)}</button></div>",
        "</div>",
        f'<div class="mx-auto w-full max-w-7xl px-4"><div class="mb-4 text-xl font-bold">'
        f'{esc(rel_heading)}</div><div class="grid gap-6 md:grid-cols-3">{related}</div><button '
        f'class="mx-auto my-6 block rounded border px-6 py-2">{esc(more)}</button></div>',
        f'<div class="mx-auto w-full max-w-7xl px-4"><div class="mb-4 text-xl font-bold">'
        f"{esc(most_heading)}</div>{most}</div>",
        f'<div class="bg-gray-100 py-8 text-center"><div class="text-lg font-bold">'
        f'{esc(news[0])}</div><div class="text-sm">{esc(news[1])}</div><button class="mt-3 '
        f'rounded bg-red-600 px-4 py-2 text-white">{esc(news[2])}</button></div>',
        f'<div class="bg-gray-900 px-4 py-8 text-gray-300"><div class="mb-3">{esc(promo)}</div>'
        f'<div class="flex flex-wrap gap-4 text-sm">{links}</div><div class="mt-4 text-xs">'
        f"{esc(footer[0])}</div><div class=\"text-xs\">{esc(footer[1])}</div></div>",
        "</div></div>",
        f"<script>window.__APOLLO_STATE__={script_json(state)};</script>",
        '<script type="module" src="/assets/index-9a3f1c.js"></script>',
        "</body>\n</html>\n",
    ])
