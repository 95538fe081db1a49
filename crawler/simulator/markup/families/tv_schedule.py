"""A story of a portal's media desk (إعلام وتلفزيون / "شاشات") on the page that carries a channel's
programme guide (دليل البرامج / "جدول البث"): the desk's story beside the guide: the channel
tabs, the day tabs ("أمس"، "اليوم"، "غدا") and the day the guide shows (the render day: after
the story, never its date), then one row per programme: its start time, its name, its genre,
the person behind it ("تقديم: X"، "إعداد: X"، "إخراج: X": no author) and a synopsis in a whole
sentence (prose like the story's), the programme on air marked "يعرض الآن" with a
``<progress>`` bar, "ذكرني" buttons; the week's ratings ("الأكثر مشاهدة هذا الأسبوع": names and
shares), and a JSON-LD ``ItemList`` of ``BroadcastEvent``s whose ``performer`` is the presenter
(a Person who did not write the story) and whose ``startDate`` is on the guide's day.

Body: the story's parts (now and then a lead sentence of its own, a quoted statement,
intertitles, a bulleted list after its lead-in: body) in ``div.media-text``, typed per section
of a site (``layout["text"]``): ``p``, ``<p>``s with ``<h3>`` intertitles; ``span``, the old
editor's blocks: each paragraph a ``<span class="para" style="display:block">`` (no ``<p>`` at
all: the spans are blocks only by their style), intertitles ``<span class="sub"><b>``; ``br``,
runs separated by ``<br><br>`` with ``<b>`` intertitles. The dateline is a line above the text
in brackets ("(city - source)") or the bold start of the first paragraph ("<b>city -
source:</b>").

Not body: the guide, placed per section (``layout["guide"]``): ``above``, the "now and next"
strip of the channel before the ``<h1>`` (the programme on air and the next one with their
times and presenters); ``inside``, the evening's picks ("سهرة الليلة": three rows with their
synopses) between two parts of the text; ``after``, the day's full guide (a table) after the
text; ``side``, the day's guide as a ``<dl>`` (times as ``<dt>``, programmes as ``<dd>``) in the
sidebar. Also not body: the channels strip under the menu, the ratings box, an unheaded strip
of the latest stories with their ages, the page state in an inline script (the guide and other
stories' text), an ad and read-also lines between the parts, tags, related stories, comments,
the most read, the footer.

Bylines: "كتب: X", "متابعة: X", "بقلم: X", the bare name, or metadata only, before the text or
after it (an ``<address>``); the presenters, directors and guests are no authors. Head: og tags,
the ``BroadcastEvent`` list; on metadata-dated pages (and for metadata-only bylines) a JSON-LD
``NewsArticle`` and ``article:published_time``. Dates: metadata (second) or the meta row (minute
or day); the guide's day and times are never between the title and the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from crawler.simulator.markup import body, dates, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import attr, break_runs, esc, inline, script_json
from crawler.simulator.markup.page import Page, Traits, link_items

NAME = "tv_schedule"
TRAITS = Traits(
    date_formats=("weekday_comma_ampm", "numeric_ampm", "levant_time", "weekday_day", "wp_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("kataba", "biqalam_colon", "bare", "meta_only"),
    byline_prefixes={"kataba": ("كتب: ", "متابعة: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.8, caption=0.6,
)

GUIDE_PLACES = ("above", "inside", "after", "side")
"""Where each section of a site puts the look-alike box."""

CHANNELS = ("قناة الأفق", "الشاشة الأولى", "نجوم دراما", "المدار الإخبارية", "ملاعب 2",
            "قناة البيت")
"""The (invented) channels of the guide."""


@dataclass(frozen=True)
class Programme:
    name: str
    genre: str
    role: str
    """The credit's label: تقديم, إعداد or إخراج."""
    synopsis: str
    minutes: int


PROGRAMMES: tuple[Programme, ...] = (
    Programme("صباح الخير يا بلد", "برنامج صباحي", "تقديم",
              "فقرات منوعة عن الصحة والطبخ وحالة الطرق مع ضيوف من مجالات مختلفة.", 120),
    Programme("حكايات من الريف", "وثائقي", "إعداد",
              "سلسلة ترافق المزارعين في موسم الحصاد وتروي عادات القرى القديمة.", 45),
    Programme("بيت العائلة", "مسلسل اجتماعي", "إخراج",
              "تتصاعد الخلافات بين الإخوة بعد عودة الابن الأكبر من الغربة بقرار مفاجئ.", 50),
    Programme("الحصة الأخيرة", "برنامج حواري", "تقديم",
              "نقاش مفتوح مع مختصين حول انتظارات الأسر من الموسم الدراسي الجديد.", 60),
    Programme("نشرة المساء الرئيسية", "نشرة أخبار", "تقديم",
              "أبرز الأحداث المحلية والدولية مع تقارير المراسلين وحالة الطقس.", 40),
    Programme("ليالي الطرب", "سهرة غنائية", "تقديم",
              "سهرة تستعيد أغاني الزمن الجميل بمشاركة فرقة موسيقية وأصوات شابة.", 90),
    Programme("شاشة الملاعب", "برنامج رياضي", "تقديم",
              "تحليل لمباريات الجولة وأبرز لقطاتها مع لاعبين سابقين.", 60),
    Programme("ملف مفتوح", "تحقيق تلفزيوني", "إعداد",
              "تحقيق ميداني يتتبع رحلة الأدوية من المصنع إلى رفوف الصيدليات.", 45),
    Programme("سينما الأسبوع", "فيلم عربي", "إخراج",
              "شاب يحاول إنقاذ مكتبة والده القديمة من الإغلاق في حي شعبي.", 110),
    Programme("عالم الصغار", "برنامج أطفال", "إعداد",
              "مسابقات وأغان تعليمية تشجع الأطفال على القراءة.", 30),
)
"""The guide's programmes (written for this generator): none of them the story."""
MORNING = PROGRAMMES[0]
"""Only on morning guides."""
CREDIT_FIRST = ("مازن", "رغدة", "شادي", "لمى", "فادي", "نسمة", "باسل", "ريتا")
CREDIT_FAMILY = ("الحلبي", "بركات", "الصيرفي", "عواد", "الأنصاري", "قدورة")
"""Presenters, producers and directors: a pool of their own, none an author."""
GUIDE = ("دليل البرامج", "جدول البث")
DAY_TABS = ("أمس", "اليوم", "غدا")
DAY_LINE = "برامج {channel} ليوم {day}"
ON_AIR = ("يعرض الآن", "على الهواء الآن")
NEXT = ("التالي", "بعد قليل")
REMIND = ("ذكرني", "أضف إلى قائمتي")
TONIGHT = ("سهرة الليلة على {channel}", "لا تفوت الليلة")
RATINGS = ("الأكثر مشاهدة هذا الأسبوع", "نسب المشاهدة")
SHARE = "{share}% من المشاهدين"
SECTION = ("إعلام وتلفزيون", "شاشات")
LIVE = ("شاهد البث المباشر", "البث الحي")


def _credit(page: Page) -> str:
    rng = page.rng
    return f"{rng.choice(CREDIT_FIRST)} {rng.choice(CREDIT_FAMILY)}"


@dataclass(frozen=True)
class Slot:
    programme: Programme
    start: datetime
    person: str

    @property
    def credit(self) -> str:
        return f"{self.programme.role}: {self.person}"


def _now(page: Page) -> datetime:
    return page.today.astimezone(dates.site_zone(page.article.site))


def _day_slots(page: Page, count: int, start: datetime) -> list[Slot]:
    """``count`` programmes one after another from ``start`` (on the guide's day), each with
    its credit."""
    rng = page.rng
    midnight = _now(page).replace(hour=0, minute=0, second=0, microsecond=0)
    start = max(start, midnight)
    start -= timedelta(minutes=start.minute % 5)
    pool = [x for x in PROGRAMMES if start.hour < 11 or x is not MORNING]
    out = []
    for programme in rng.sample(pool, count):
        if start >= midnight + timedelta(days=1):
            break
        out.append(Slot(programme, start, _credit(page)))
        start += timedelta(minutes=programme.minutes + rng.choice((0, 5, 10)))
    return out


def _on_air(page: Page, slots: list[Slot]) -> int | None:
    """The row on air at the render time, if one is."""
    now = _now(page)
    return next((k for k, s in enumerate(slots)
                 if s.start <= now < s.start + timedelta(minutes=s.programme.minutes)), None)


def _hm(page: Page, moment: datetime) -> str:
    return page.digits(f"{moment:%H:%M}")


def _slot_strings(page: Page, slot: Slot, full: bool = True) -> list[str]:
    """Time, name, genre, credit and synopsis of a row (``full``), or time, name and credit."""
    if not full:
        return page.record("guide", [_hm(page, slot.start), slot.programme.name, slot.credit])
    return page.record("guide", [_hm(page, slot.start), slot.programme.name,
                                 slot.programme.genre, slot.credit, slot.programme.synopsis])


def _guide(page: Page, place: str, channel: str) -> tuple[str, list[Slot]]:
    rng = page.rng
    day = dates.visible(page.today, "weekday_day", page.article.site, page.eastern)
    line = page.record("guide", [DAY_LINE.format(channel=channel, day=day)])[0]
    now = _now(page)
    if place == "above":  # the programme on air, then the next one
        slots = _day_slots(page, 1, now - timedelta(minutes=rng.randint(1, 25)))
        first = slots[0]
        slots.append(Slot(rng.choice([x for x in PROGRAMMES
                                      if x not in (first.programme, MORNING)]),
                          first.start + timedelta(minutes=first.programme.minutes),
                          _credit(page)))
        labels = [page.pick("guide", ON_AIR), page.pick("guide", NEXT)]
        cells = []
        for label, slot in zip(labels, slots, strict=True):
            time, name, credit = _slot_strings(page, slot, full=False)
            cells.append(f'<div class="nn-cell"><b class="nn-label">{esc(label)}</b> '
                         f'<span class="nn-time">{esc(time)}</span> <span class="nn-name">'
                         f'{esc(name)}</span> <small>{esc(credit)}</small></div>')
        return (f'<section class="tv-guide now-next"><span class="channel">{esc(channel)}'
                f'</span> <span class="guide-day">{esc(line)}</span>{"".join(cells)}'
                "</section>"), slots
    if place == "inside":  # the evening's picks
        slots = _day_slots(page, 3, now.replace(hour=rng.choice((20, 21)), minute=0, second=0,
                                                microsecond=0))
        heading = page.record("guide", [page.stable("tonight").choice(TONIGHT).format(
            channel=channel)])[0]
        rows = []
        for slot in slots:
            time, name, genre, credit, synopsis = _slot_strings(page, slot)
            rows.append(f'<li class="pick"><span class="time">{esc(time)}</span> <b>{esc(name)}'
                        f'</b> <small>{esc(genre)}</small><p>{esc(synopsis)}</p>'
                        f'<span class="credit">{esc(credit)}</span></li>')
        return (f'<aside class="tv-guide tonight"><h4>{esc(heading)}</h4><p class="guide-day">'
                f'{esc(line)}</p><ul>{"".join(rows)}</ul></aside>'), slots
    heading = page.pick("guide", GUIDE)
    tabs = page.record("guide", list(DAY_TABS))
    slots = _day_slots(page, rng.randint(4, 6), now.replace(minute=rng.choice((0, 30)), second=0,
                                                            microsecond=0)
                       - timedelta(hours=rng.randint(0, 2)))
    live = _on_air(page, slots)
    on_air = page.pick("guide", ON_AIR) if live is not None else ""
    tab_bar = ('<div class="day-tabs">' + "".join(
        f'<a href="#d{k}" class="{"on" if k == 1 else "off"}">{esc(t)}</a>'
        for k, t in enumerate(tabs)) + "</div>")
    if place == "after":
        remind = page.pick("guide", REMIND)
        rows = []
        for k, slot in enumerate(slots):
            time, name, genre, credit, synopsis = _slot_strings(page, slot)
            badge = (f' <span class="live">{esc(on_air)}</span><progress max="100" value="'
                     f'{rng.randint(5, 95)}"></progress>' if k == live else "")
            rows.append(f'<tr><td class="time">{esc(time)}</td><td><b>{esc(name)}</b>{badge}'
                        f'<br><small>{esc(genre)}</small><p class="synopsis">{esc(synopsis)}</p>'
                        f'<span class="credit">{esc(credit)}</span></td><td><button>'
                        f"{esc(remind)}</button></td></tr>")
        return (f'<section class="tv-guide full"><h2>{esc(heading)}</h2>{tab_bar}'
                f'<p class="guide-day">{esc(line)}</p><table class="grid"><tbody>'
                + "".join(rows) + "</tbody></table></section>"), slots
    items = []
    for k, slot in enumerate(slots):
        time, name, genre, credit, synopsis = _slot_strings(page, slot)
        badge = f' <em class="live">{esc(on_air)}</em>' if k == live else ""
        items.append(f"<dt>{esc(time)}</dt><dd><b>{esc(name)}</b>{badge} <small>{esc(genre)}"
                     f'</small><p>{esc(synopsis)}</p><span class="credit">{esc(credit)}</span>'
                     "</dd>")
    return (f'<section class="tv-guide side"><h3>{esc(heading)}</h3>{tab_bar}'
            f'<p class="guide-day">{esc(line)}</p><dl>{"".join(items)}</dl></section>'), slots


def _events_ld(page: Page, channel: str, slots: list[Slot]) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "ItemList",
            "itemListElement": [
                {"@type": "ListItem", "position": k + 1, "item": {
                    "@type": "BroadcastEvent", "name": s.programme.name,
                    "startDate": s.start.isoformat(timespec="seconds"),
                    "performer": {"@type": "Person", "name": s.person},
                    "publishedOn": {"@type": "BroadcastService", "name": channel}}}
                for k, s in enumerate(slots)]}


def _text(page: Page, parts: list[Part], style: str, blocks: list[str]) -> str:
    rng = page.rng
    lead = page.dateline if page.dateline and page.dateline.position == "body_lead" else None
    pieces: list[tuple[str, bool, str]] = []
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            if style == "p":
                pieces.append((f"<h3>{esc(text)}</h3>", False, "subhead"))
            elif style == "span":
                pieces.append((f'<span class="sub" style="display:block"><b>{esc(text)}</b>'
                               "</span>", False, "subhead"))
            else:
                pieces.append((f"<b>{esc(text)}</b>", True, "subhead"))
        elif part.kind == "quote":
            pieces.append((f"<blockquote>{esc(text)}</blockquote>", False, "quote"))
        elif part.kind == "list":
            pieces.append(("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>",
                           False, "list"))
        else:
            run = inline(text, rng, 0.2)
            if i == 0 and lead:
                run = f"<b>{esc(lead.text)}:</b> {run}"
            following = parts[i + 1].kind if i + 1 < len(parts) else ""
            kind = "lead-in" if following == "list" else "p"
            if style == "p":
                pieces.append((f"<p>{run}</p>", False, kind))
            elif style == "span":
                pieces.append((f'<span class="para" style="display:block;margin-bottom:1em">'
                               f"{run}</span>", False, kind))
            else:
                pieces.append((run, True, kind))
    for block in blocks:
        spots = [k for k in range(1, len(pieces)) if pieces[k - 1][2] != "lead-in"]
        pieces.insert(rng.choice(spots) if spots else len(pieces), (block, False, "block"))
    out = []
    if page.dateline and page.dateline.position == "line":
        out.append(f'<p class="dateline">({esc(page.dateline.text)})</p>')
    if style == "br":
        out.append("".join(break_runs([(h, r) for h, r, _ in pieces])))
    else:
        out += [h for h, _, _ in pieces]
    return '<div class="media-text">\n' + "\n".join(out) + "\n</div>"


def _ratings(page: Page) -> str:
    rng = page.rng
    heading = page.pick("ratings", RATINGS)
    items = []
    for programme in rng.sample(PROGRAMMES, 4):
        share = page.digits(SHARE.format(share=f"{rng.uniform(4, 31):.1f}"))
        page.record("ratings", [programme.name, share])
        items.append(f"<li><b>{esc(programme.name)}</b> <span>{esc(share)}</span></li>")
    return f'<div class="ratings"><h3>{esc(heading)}</h3><ol>{"".join(items)}</ol></div>'


def render(page: Page) -> str:
    rng, b = page.rng, page.byline
    place = page.stable(f"guide-column:{page.section}").choice(GUIDE_PLACES)
    style = page.stable(f"text-position:{page.section}").choice(("p", "span", "br"))
    page.layout.update(guide=place, text=style)
    channel = page.stable("channel").choice(CHANNELS)
    guide, slots = _guide(page, place, channel)
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.25, bullets=0.2)
    blocks = chrome.interruptions(page, (1, 2))
    if place == "inside":
        blocks.append(guide)
    story = _text(page, parts, style, blocks)
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} - {esc(page.label)}</title>\n"
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + meta.ld_script(_events_ld(page, channel, slots))
            + (meta.ld_script(meta.news_article(page))
               if page.date.where == "metadata" or b.in_metadata else "")
            + "</head>\n")
    today = page.today_line("paired_day")
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    live = page.pick("live", LIVE)
    channels = "".join(f'<a href="/tv/{k}">{esc(c)}</a>' for k, c in enumerate(
        page.record("channels", list(CHANNELS))))
    crumbs = " » ".join(f'<a href="/c/{i}">{esc(c)}</a>'
                        for i, c in enumerate(page.breadcrumbs()))
    section = page.pick("kicker", SECTION)
    row = []
    if b.visible and b.position == "before":
        row.append(f'<span class="writer">{esc(b.prefix)}{page.linked_names("/kuttab/")}</span>')
    if page.date.visible:
        row.append(page.date_span())
    signed = (f'<address class="writer-end">{esc(b.text())}</address>'
              if b.visible and b.position == "after" else "")
    latest = link_items(page.links("latest", rng.randint(3, 5), relative=True), "age")
    state = {"guide": {"channel": channel, "items": [
        {"time": f"{s.start:%H:%M}", "name": s.programme.name, "synopsis": s.programme.synopsis}
        for s in slots]}, "recent": page.script_articles(rng.randint(2, 3))}
    main, side, foot = chrome.after(page, "weekday_day")
    return head + "\n".join([
        '<body class="media">',
        f'<div class="top"><span class="today">{esc(today)}</span> <a class="live" href="/live">'
        f'{esc(live)}</a></div>',
        f'<header><a class="logo" href="/"><img src="/img/logo.png" alt="{attr(page.label)}">'
        f'</a><ul class="menu">{menu}</ul></header>',
        f'<nav class="channels">{channels}</nav>',
        f'<div class="crumbs">{crumbs}</div>',
        guide if place == "above" else "",
        '<div class="grid"><main>',
        '<div class="post">',
        f'<a class="section" href="/media">{esc(section)}</a>',
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="post-meta">{" • ".join(row)}</div>' if row else "",
        page.lead_figure(),
        story,
        signed,
        chrome.share(page),
        "</div>",
        guide if place == "after" else "",
        f'<ul class="latest-strip">{latest}</ul>',
        main,
        "</main>",
        '<aside class="side">',
        guide if place == "side" else "",
        _ratings(page),
        side,
        "</aside></div>",
        f"<script>window.__TV_STATE__ = {script_json(state)};</script>",
        foot,
    ])
