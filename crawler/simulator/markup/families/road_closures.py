"""A story of a portal's traffic desk (حركة السير / "طرق ومرور") on a site built with a
utility-first CSS framework: every element a ``<div>``, ``<span>``, ``<a>``, ``<img>`` or
``<button>`` with utility classes (``flex items-center gap-3 text-sm text-slate-500``), no
``<h1>``, ``<article>``, ``<main>``, ``<header>``, ``<nav>``, ``<aside>``, ``<footer>``,
``<section>``, ``<form>``, ``<time>``, ``<figure>``, ``<ul>`` or ``<p>`` anywhere but in the text
of the sites that type it with the typography plugin; and beside the story the road-status board
(an Alpine component, ``x-data="roadStatus"``): its heading, its "آخر تحديث" day and time (the
render time: after the story), and one card per road: the road's name, its section, a status
badge ("مغلق"، "حركة بطيئة"...), the reason, the period ("من 22:00 إلى 05:00 يوميا", "حتى إشعار
آخر", or two days around the render day) and the diversion advice as a whole sentence (prose like
the story's).

Body: the story's parts (now and then a lead sentence of its own, a quoted statement,
intertitles, a bulleted list after its lead-in: body) in the text box (a ``<div>`` whose class is
``TEXT_BOX``), typed per section of a site (``layout["text"]``): ``flat``, one ``<div
class="mb-5">`` per paragraph, intertitles a ``<div class="mt-8 mb-3 text-xl font-bold ...">``, a
quote a bordered ``<div>``, a list's items ``<div class="flex gap-2">`` rows with a "•"
``<span>`` before the item's ``<span>`` (the bullet is no text of the item); ``nested``, every
part of ``flat`` wrapped twice more (``<div class="flex"><div class="grow">``); ``prose``, a
``<div class="prose ...">`` in the box with plain ``<p>``, ``<h2>``, ``<blockquote>`` and
``<ul>``. The dateline is a bold red line above the text or the bold start of the first paragraph
("<span class="font-bold">city - source</span> -").

Not body: the board, placed per section of a site (``layout["board"]``): ``above``, a strip of
the closures over the whole width before the headline (its update time the first time on the
page); ``inside``, between two parts of the text, in the text box; ``after``, after the text;
``side``, in the right-hand column. Also not body: the photographer's credit under the lead
picture ("تصوير: Y": no author), the writer's role under the byline ("محرر شؤون النقل"), the
spokesman's statement box (a quoted sentence with his name and role: prose, not body), the travel
times, the hotline and the app's promotion, an ad and read-also boxes between the parts, tags,
related stories, the comments' button and fields, the most read, the footer, the page state
(``window.__NUXT__``, with other stories' text and the board).

Headline: a ``<div>`` with utility classes, with ``role="heading" aria-level="1"`` on some sites
(news and opinion come from two templates of a site: ``layout["heading"]``, ``aria`` or
``bare``). Bylines: "كتب: X", "متابعة: X", the bare name (in the writer's card: avatar, name,
role), or metadata only, before the text or after it. Head: metadata per site and template
(``layout["meta"]``): ``full``, og tags, a JSON-LD ``NewsArticle`` and ``article:published_time``
on metadata-dated pages, ``<meta name="author">`` with the byline's names; ``partial``, only
``article:published_time`` on metadata-dated pages, and ``<meta name="author">`` naming the
*site* on the other pages (the byline's names only on metadata-only bylines). Dates: metadata
(second) or the meta row (minute or day, now and then with a later "آخر تحديث" beside it); the
board's days and times are never between the title and the text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, esc, inline, script_json
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.text import slugify

NAME = "road_closures"
TRAITS = Traits(
    date_formats=("time_first", "weekday_time", "numeric_ampm", "slash_ymd_time", "iso_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "utc", "plus3"),
    visible_with_meta=0.6, modified_shown=0.3, eastern_digits=0.1,
    byline_forms=("kataba", "bare", "bare", "meta_only"),
    byline_prefixes={"kataba": ("كتب: ", "متابعة: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.85, caption=0.6,
)

BOARD_PLACES = ("above", "inside", "after", "side")
"""Where each section of a site puts the look-alike box."""
STYLES = ("flat", "nested", "prose")

TEXT_BOX = "mt-6 text-[17px] leading-9 text-slate-800"
"""The class of the text box (a site's utility classes, nothing more)."""
PARA = "mb-5"
SUBHEAD = "mt-8 mb-3 text-xl font-bold text-slate-900"
QUOTE = "my-6 border-r-4 border-amber-400 pr-4 text-slate-600"
LIST = "my-4 flex flex-col gap-2"
DATELINE = "mb-4 text-sm font-bold text-red-700"
AD = "my-8 flex h-24 items-center justify-center bg-slate-100 text-xs text-slate-400"
READ_ALSO = "my-6 rounded-lg bg-amber-50 p-4 text-base"
BOARD = "rounded-2xl border border-slate-200 bg-white p-4"
"""The board's classes (it adds its place's)."""

ROAD_CITIES = ("سطات", "برشيد", "الخميسات", "تازة", "بنسليمان", "إفران", "ورزازات", "الحسيمة")
ROADS = ("الطريق السيار بين {a} و{b}", "الطريق الوطنية رقم {n}", "الطريق الجهوية رقم {n}",
         "المدار الحضري الجنوبي لمدينة {a}", "نفق المدخل الشمالي لمدينة {a}",
         "القنطرة الجديدة على وادي {a}")
SECTIONS = ("المقطع بين الكيلومتر {k} والكيلومتر {m}", "في الاتجاهين", "في اتجاه {a} فقط",
            "عند مفترق الطرق المؤدي إلى {a}")
STATUSES = ("مغلق", "مغلق جزئيا", "حركة بطيئة", "أعيد فتحه")
REASONS = ("أشغال صيانة", "انجراف للتربة", "تساقط الثلوج", "حادث سير", "فيضان الوادي",
           "تظاهرة رياضية")
NIGHTLY = "من 22:00 إلى 05:00 يوميا"
UNTIL_FURTHER = "حتى إشعار آخر"
SPAN = "من {first} إلى {last}"
DIVERSIONS = ("ينصح السائقون بسلك الطريق الساحلية عبر المدخل الشمالي للمدينة.",
              "تم تحويل حركة المرور نحو الطريق القديمة مع تخفيض السرعة إلى أربعين كيلومترا في "
              "الساعة.",
              "وضعت فرق الدرك إشارات توجيهية عند مفترق الطرق لتسهيل عبور الشاحنات.",
              "يتعين على أصحاب المركبات الثقيلة انتظار إعادة فتح المقطع في الباحات المخصصة لذلك.",
              "تجري حركة السير في ممر واحد بالتناوب تحت إشراف أعوان المرور.")
"""Diversion advice (written for this generator): sentences, none of the story's."""
BOARD_HEADING = ("حالة الطرق الآن", "اضطرابات حركة السير")
UPDATED = "آخر تحديث: {day} - {time}"
BOARD_MORE = ("خريطة الطرق المباشرة", "كل الاضطرابات")
PHOTO_FIRST = ("عزيز", "نوال", "شكري", "سهير", "زكية")
PHOTO_FAMILY = ("الورداني", "القباج", "الحمامي", "الشاوي")
"""The photographers: a pool of their own, none an author."""
PHOTO_CREDIT = ("تصوير: {name}", "عدسة: {name}")
SPOKES_FIRST = ("فريد", "حميد", "نعيمة", "إدريس")
SPOKES_FAMILY = ("الإدريسي", "بنكيران", "الصقلي", "أوحمو")
"""The spokesmen: a pool of their own, none an author."""
SPOKES_ROLES = ("الناطق باسم المديرية العامة للطرق", "رئيس مصلحة السير والجولان")
STATEMENTS = ("«فرقنا تعمل على مدار الساعة لإعادة فتح المقطع في أقرب الآجال، ونطلب من السائقين "
              "احترام علامات التشوير المؤقتة».",
              "«السلامة أولا، ولن نعيد فتح الطريق قبل التأكد من خلوه من أي خطر على مستعمليه».",
              "«ننصح المسافرين بتأجيل رحلاتهم غير الضرورية إلى حين تحسن الأحوال الجوية».")
STATEMENT_HEADING = ("تصريح", "قالوا")
TRAVEL_HEADING = ("زمن الرحلة الآن", "مدة التنقل على المحاور الكبرى")
TRAVEL = "من {a} إلى {b}: {n} دقيقة"
HOTLINE = ("للاستعلام عن حالة الطرق اتصل بالرقم 5050", "مركز الإخبار عن حالة الطرق: 5050")
APP = ("حمّل تطبيق «طريقي» لمتابعة حالة الطرق مباشرة", "تنبيهات الطرق على هاتفك")
ROLES = ("محرر شؤون النقل", "صحفي مختص في قضايا الطرق والسلامة", "مراسل الموقع")
KICKER = ("حركة السير", "طرق ومرور")
COMMENTS = ("عرض التعليقات", "أضف تعليقا")


@dataclass(frozen=True)
class Closure:
    road: str
    section: str
    status: str
    reason: str
    period: str
    diversion: str


def _now(page: Page) -> datetime:
    return page.today.astimezone(dates.site_zone(page.article.site))


def _closures(page: Page, count: int) -> list[Closure]:
    rng = page.rng
    out = []
    for diversion in rng.sample(DIVERSIONS, count):
        a, b = rng.sample(ROAD_CITIES, 2)
        road = rng.choice(ROADS).format(a=a, b=b, n=rng.randint(1, 40))
        km = rng.randint(5, 180)
        section = rng.choice(SECTIONS).format(k=km, m=km + rng.randint(3, 30), a=b)
        kind = rng.randrange(3)
        if kind == 0:
            period = NIGHTLY
        elif kind == 1:
            period = UNTIL_FURTHER
        else:
            first = page.today - timedelta(days=rng.randint(0, 3))
            last = page.today + timedelta(days=rng.randint(2, 12))
            period = SPAN.format(
                first=dates.visible(first, "long_day", page.article.site, page.eastern),
                last=dates.visible(last, "long_day", page.article.site, page.eastern))
        out.append(Closure(page.digits(road), page.digits(section), rng.choice(STATUSES),
                           rng.choice(REASONS), page.digits(period), diversion))
    return out


def _board(page: Page, place: str) -> tuple[str, list[Closure]]:
    rng = page.rng
    heading = page.pick("road_board", BOARD_HEADING)
    now = _now(page)
    updated = page.record("road_board", [UPDATED.format(
        day=dates.visible(page.today, "weekday_day", page.article.site, page.eastern),
        time=page.digits(f"{now:%H:%M}"))])[0]
    closures = _closures(page, 2 if place == "inside" else rng.randint(3, 4))
    cards = []
    for c in closures:
        page.record("road_board", [c.road, c.section, c.status, c.reason, c.period, c.diversion])
        tone = "bg-red-100 text-red-700" if c.status.startswith("مغلق") else \
            "bg-amber-100 text-amber-800"
        cards.append(
            '<div class="flex flex-col gap-1 rounded-xl border border-slate-100 p-3">'
            '<div class="flex items-start justify-between gap-2"><span class="font-bold '
            f'text-slate-900">{esc(c.road)}</span><span class="rounded px-2 py-0.5 text-xs '
            f'{tone}">{esc(c.status)}</span></div><div class="text-sm text-slate-600">'
            f'{esc(c.section)}</div><div class="text-sm"><span class="text-slate-400">●</span> '
            f'{esc(c.reason)}</div><div class="text-xs text-slate-500">{esc(c.period)}</div>'
            f'<div class="text-sm leading-7 text-slate-700">{esc(c.diversion)}</div></div>')
    more = page.pick("road_board", BOARD_MORE)
    grid = ("grid grid-cols-1 gap-3 md:grid-cols-3" if place == "above"
            else "flex flex-col gap-3")
    span = "col-span-12 " if place == "above" else ""
    return (f'<div x-data="roadStatus" class="{span}{BOARD} board-{place}">'
            f'<div class="mb-3 flex items-center justify-between"><span class="text-lg '
            f'font-extrabold text-slate-900">{esc(heading)}</span><span class="text-xs '
            f'text-slate-500">{esc(updated)}</span></div><div class="{grid}">{"".join(cards)}'
            f'</div><a class="mt-3 inline-block text-sm font-bold text-amber-700" '
            f'href="/traffic/map">{esc(more)}</a></div>'), closures


def _interruptions(page: Page) -> list[str]:
    out = [f'<div class="{AD}"><span>{esc(page.pick("ad", furniture.AD_LABELS))}</span></div>']
    for link in page.links("read_also", page.rng.randint(0, 2)):
        label = page.pick("read_also", furniture.READ_ALSO)
        out.append(f'<div class="{READ_ALSO}"><span class="font-bold">{esc(label)}</span> '
                   f'<a class="text-amber-800 underline" href="{attr(link.url)}">'
                   f"{esc(link.title)}</a></div>")
    return out


def _text(page: Page, parts: list[Part], style: str, blocks: list[str]) -> str:
    rng = page.rng
    lead = page.dateline if page.dateline and page.dateline.position == "body_lead" else None
    prose = style == "prose"
    pieces: list[tuple[str, str]] = []
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            html, kind = ((f"<h2>{esc(text)}</h2>" if prose
                           else f'<div class="{SUBHEAD}">{esc(text)}</div>'), "subhead")
        elif part.kind == "quote":
            html, kind = ((f"<blockquote>{esc(text)}</blockquote>" if prose
                           else f'<div class="{QUOTE}">{esc(text)}</div>'), "quote")
        elif part.kind == "list":
            if prose:
                html = "<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>"
            else:
                html = (f'<div class="{LIST}">' + "".join(
                    '<div class="flex gap-2"><span class="text-amber-500">•</span>'
                    f'<span class="item">{esc(t)}</span></div>' for t in part.texts) + "</div>")
            kind = "list"
        else:
            run = inline(text, rng, 0.2)
            if i == 0 and lead:
                run = f'<span class="font-bold">{esc(lead.text)}</span> - {run}'
            following = parts[i + 1].kind if i + 1 < len(parts) else ""
            kind = "lead-in" if following == "list" else "p"
            html = f"<p>{run}</p>" if prose else f'<div class="{PARA}">{run}</div>'
        if style == "nested":
            html = f'<div class="flex"><div class="grow">{html}</div></div>'
        pieces.append((html, kind))
    for block in blocks:
        spots = [k for k in range(1, len(pieces)) if pieces[k - 1][1] != "lead-in"]
        pieces.insert(rng.choice(spots) if spots else len(pieces), (block, "block"))
    out = []
    if page.dateline and page.dateline.position == "line":
        out.append(f'<div class="{DATELINE}">{esc(page.dateline.text)}</div>')
    out += [h for h, _ in pieces]
    inner = "\n".join(out)
    if prose:
        inner = f'<div class="prose prose-lg prose-slate max-w-none">\n{inner}\n</div>'
    return f'<div class="{TEXT_BOX}">\n{inner}\n</div>'


def _head(page: Page, mode: str) -> str:
    b = page.byline
    out = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
           '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
           f"<title>{esc(page.headline)} | {esc(page.label)}</title>\n"
           '<link rel="stylesheet" href="/build/assets/app-4f2a9c.css">\n'
           '<script defer src="/build/assets/alpine-3.13.js"></script>\n')
    if mode == "full":
        out += meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
        if page.date.where == "metadata" or b.in_metadata:
            out += meta.ld_script(meta.news_article(page, articleSection="حركة السير"))
    else:
        out += meta.article_times(page, modified=False)
        if b.in_metadata:
            out += meta.meta_authors(page)
        else:
            out += f'<meta name="author" content="{attr(page.label)}">\n'
    return out + "</head>\n"


def _byline_card(page: Page) -> str:
    b = page.byline
    role = page.pick("author_role", ROLES)
    names = " و".join(f'<a class="font-bold text-slate-800" href="/author/{attr(slugify(n))}">'
                      f"{esc(n)}</a>" for n in b.names)
    prefix = f"<span>{esc(b.prefix)}</span>" if b.prefix else ""
    avatar = (f'<img class="h-10 w-10 rounded-full object-cover" src="https://img.'
              f'{page.site.domain}/authors/{page.rng.getrandbits(24):06x}.jpg" alt="">')
    return (f'<div class="flex items-center gap-3">{avatar}<div class="flex flex-col">'
            f'<div class="text-sm">{prefix}{names}</div><span class="text-xs text-slate-500">'
            f"{esc(role)}</span></div></div>")


def _figure(page: Page) -> str:
    if not page.image:
        return ""
    rng = page.rng
    photographer = f"{rng.choice(PHOTO_FIRST)} {rng.choice(PHOTO_FAMILY)}"
    credit = page.record("photo_credit", [page.stable("photo").choice(PHOTO_CREDIT).format(
        name=photographer)])[0]
    caption = (f'<span class="caption">{esc(page.image.caption)}</span> '
               if page.image.caption else "")
    return (f'<div class="mt-6 overflow-hidden rounded-2xl bg-slate-100"><img class="w-full '
            f'object-cover" src="{attr(page.image.url)}" alt=""><div class="flex flex-wrap '
            f'gap-2 px-3 py-2 text-xs text-slate-500">{caption}<span class="credit">'
            f"{esc(credit)}</span></div></div>")


def _statement(page: Page) -> str:
    rng = page.rng
    heading = page.pick("statement", STATEMENT_HEADING)
    name = f"{rng.choice(SPOKES_FIRST)} {rng.choice(SPOKES_FAMILY)}"
    quote, who = page.record("statement", [rng.choice(STATEMENTS),
                                           f"{name}، {rng.choice(SPOKES_ROLES)}"])
    return (f'<div class="mt-8 rounded-2xl bg-slate-900 p-5 text-white"><div class="text-xs '
            f'uppercase text-amber-400">{esc(heading)}</div><div class="mt-2 text-lg '
            f'leading-8">{esc(quote)}</div><div class="mt-3 text-sm text-slate-300">'
            f'{esc(who)}</div></div>')


def _travel(page: Page) -> str:
    rng = page.rng
    heading = page.pick("travel_times", TRAVEL_HEADING)
    rows = []
    for _ in range(3):
        a, b = rng.sample(ROAD_CITIES, 2)
        line = page.record("travel_times", [page.digits(TRAVEL.format(
            a=a, b=b, n=rng.randint(25, 190)))])[0]
        rows.append(f'<div class="flex justify-between text-sm"><span>{esc(line)}</span></div>')
    hotline = page.pick("travel_times", HOTLINE)
    app = page.pick("app", APP)
    return (f'<div class="rounded-2xl bg-white p-4"><div class="mb-2 font-extrabold">'
            f'{esc(heading)}</div>{"".join(rows)}<div class="mt-3 text-xs text-slate-500">'
            f'{esc(hotline)}</div></div><div class="rounded-2xl bg-amber-400 p-4 '
            f'text-sm font-bold">{esc(app)}</div>')


def _links_box(page: Page, kind: str, heading_pool: tuple[str, ...], count: int,
               fmt: str) -> str:
    heading = page.pick(kind, heading_pool)
    items = "".join(
        f'<a class="flex flex-col gap-1 border-b border-slate-100 py-2" href="{attr(x.url)}">'
        f'<span class="font-semibold">{esc(x.title)}</span><span class="text-xs '
        f'text-slate-400">{esc(x.date or "")}</span></a>'
        for x in page.links(kind, count, fmt))
    return (f'<div class="rounded-2xl bg-white p-4"><div class="mb-2 text-lg font-extrabold">'
            f"{esc(heading)}</div>{items}</div>")


def render(page: Page) -> str:
    rng, b = page.rng, page.byline
    place = page.stable(f"board-place:{page.section}").choice(BOARD_PLACES)
    style = page.stable(f"text-typing:{page.section}").choice(STYLES)
    heading_kind = page.stable(f"heading:{page.article.kind}").choice(("aria", "bare"))
    mode = page.stable(f"meta:{page.article.kind}").choice(("full", "partial"))
    page.layout.update(board=place, text=style, heading=heading_kind, meta=mode)
    board, closures = _board(page, place)
    today = page.today_line("weekday_day")
    menu = "".join(f'<a class="hover:text-amber-600" href="/s/{k}">{esc(m)}</a>'
                   for k, m in enumerate(page.menu()))
    breaking = page.pick("ticker", furniture.BREAKING_LABELS)
    ticker = "".join(f'<a class="whitespace-nowrap" href="{attr(x.url)}">{esc(x.title)}</a>'
                     for x in page.links("ticker", rng.randint(3, 5)))
    crumbs = '<span class="text-slate-300">/</span>'.join(
        f'<a href="/c/{k}">{esc(c)}</a>' for k, c in enumerate(page.breadcrumbs()))
    kicker = page.pick("kicker", KICKER)
    role = ' role="heading" aria-level="1"' if heading_kind == "aria" else ""
    row = []
    if b.visible and b.position == "before":
        row.append(_byline_card(page))
    if page.date.visible:
        label = page.record("date_label", [page.date.label])[0] if page.date.label else ""
        row.append(f'<span class="text-slate-500">{esc(label)} {esc(page.date.visible)}</span>')
        if page.date.modified_visible:
            modified = page.record("modified", [page.date.modified_visible])[0]
            row.append(f'<span class="text-slate-400">{esc(modified)}</span>')
    share = "".join(f'<a class="rounded-full bg-slate-100 px-3 py-1 text-xs" href="#">{esc(s)}</a>'
                    for s in page.share())
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.25, bullets=0.2)
    blocks = _interruptions(page)
    if place == "inside":
        blocks.append(board)
    story = _text(page, parts, style, blocks)
    signed = (f'<div class="mt-8 border-t border-slate-200 pt-4 text-sm font-semibold">'
              f"{esc(b.text())}</div>" if b.visible and b.position == "after" else "")
    tags = "".join(f'<a class="rounded-full bg-slate-100 px-3 py-1 text-sm" href="/tag/'
                   f'{attr(slugify(t))}">#{esc(t)}</a>' for t in page.tags())
    comment_labels = page.record("comments", list(COMMENTS))
    fields = "".join(f'<div class="flex flex-col gap-1"><span class="text-xs">{esc(x)}</span>'
                     '<input class="rounded border px-2 py-1"></div>'
                     for x in page.comment_form())
    lines = page.footer()
    utility = "".join(f'<a href="/p/{k}">{esc(x)}</a>' for k, x in enumerate(page.utility_links()))
    state = {"board": [asdict(c) for c in closures], "more": page.script_articles(2)}
    return _head(page, mode) + "\n".join([
        '<body class="bg-slate-50 font-sans antialiased">',
        '<div id="app" class="flex min-h-screen flex-col">',
        f'<div class="bg-slate-900 text-xs text-white"><div class="mx-auto flex max-w-7xl '
        f'justify-between px-4 py-1"><span>{esc(today)}</span></div></div>',
        f'<div class="bg-white shadow-sm"><div class="mx-auto flex h-16 max-w-7xl items-center '
        f'gap-6 px-4"><a href="/" class="shrink-0"><img class="h-9 w-auto" src="/logo.svg" '
        f'alt="{attr(page.label)}"></a><div class="hidden gap-4 text-sm font-semibold md:flex">'
        f'{menu}</div></div></div>',
        f'<div class="bg-amber-400"><div class="mx-auto flex max-w-7xl gap-4 px-4 py-2 text-sm">'
        f'<span class="font-extrabold">{esc(breaking)}</span><div class="flex gap-8 '
        f'overflow-hidden">{ticker}</div></div></div>',
        '<div class="mx-auto grid w-full max-w-7xl grid-cols-12 gap-8 px-4 py-6">',
        board if place == "above" else "",
        '<div class="col-span-12 lg:col-span-8">',
        f'<div class="flex gap-2 text-xs text-slate-500">{crumbs}</div>',
        f'<a class="mt-4 inline-block text-sm font-bold text-red-600" href="/traffic">'
        f"{esc(kicker)}</a>",
        f'<div{role} class="mt-2 text-2xl font-extrabold leading-snug text-slate-900 '
        f'md:text-4xl">{esc(page.headline)}</div>',
        f'<div class="mt-4 flex flex-wrap items-center gap-4 text-sm">{"".join(row)}</div>'
        if row else "",
        _figure(page),
        f'<div class="mt-4 flex gap-2">{share}</div>',
        story,
        signed,
        board if place == "after" else "",
        f'<div class="mt-6 flex flex-wrap gap-2">{tags}</div>',
        _statement(page),
        _links_box(page, "related", furniture.RELATED_HEADINGS, rng.randint(3, 4), "long_day"),
        f'<div class="mt-8 flex flex-col gap-3"><button class="rounded bg-slate-900 px-4 py-2 '
        f'text-white" type="button">{esc(comment_labels[0])}</button><span class="font-bold">'
        f"{esc(comment_labels[1])}</span>{fields}</div>",
        "</div>",
        '<div class="col-span-12 flex flex-col gap-6 lg:col-span-4">',
        board if place == "side" else "",
        _travel(page),
        _links_box(page, "most_read", furniture.MOST_READ_HEADINGS, 5, "numeric_day"),
        "</div></div>",
        f'<div class="mt-auto bg-slate-900 text-sm text-slate-300"><div class="mx-auto flex '
        f'max-w-7xl flex-col gap-2 px-4 py-8"><div class="flex flex-wrap gap-4">{utility}</div>'
        f"<span>{esc(lines[0])}</span><span>{esc(lines[1])}</span></div></div>",
        "</div>",
        f"<script>window.__NUXT__ = {script_json(state)};</script>",
        "</body>\n</html>\n",
    ])
