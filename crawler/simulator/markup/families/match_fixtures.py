"""A story of a portal's sports desk on its "today's matches" page (مواعيد مباريات اليوم والقنوات
الناقلة): the desk's story beside the fixtures widget: its heading and the day it lists (the
render day: after the story, never its date), the "أمس / اليوم / غدا" tabs, the matches grouped
by competition (a ``<h3>`` per competition), each with its two teams, its kick-off time in a
named zone ("20:00 بتوقيت مكة المكرمة"), its state ("لم تبدأ"، "جارية - الدقيقة 67"، "انتهت")
and score, the channel that carries it and the commentator by name ("المعلق: X": no author);
the top scorers box (players' names, clubs, goals), and a JSON-LD ``ItemList`` of
``SportsEvent``s with their ``startDate``s on the widget's day.

Body: the story's parts (now and then a lead sentence of its own, a quoted statement,
intertitles, a bulleted list after its lead-in: body) in ``div.sport-text``, typed per section
of a site (``layout["text"]``): ``p``, ``<p>``s with ``<h3>`` intertitles; ``li``, the CMS's
ordered blocks: an ``<ol class="text-parts">`` with one ``<li class="part">`` per part (a
paragraph's text right in it, an intertitle's ``<h3>``, a quote's ``<blockquote>`` or a list's
``<ul>`` in its item; an ad or a read-also line in an ``<li class="extra">``); ``br``, runs
separated by ``<br><br>`` with ``<b>`` intertitles. The dateline is a ``p.dateline`` line above
the text or the bold start of the first paragraph ("<b>city - source</b>:").

Not body: the fixtures, placed per section (``layout["fixtures"]``): ``above``, a strip of the
day's matches before the ``<h1>``; ``inside``, a box of the day's big matches between two parts
of the text; ``after``, the full list after the text; ``side``, a compact list in the sidebar.
Also not body: the sports menu, the top scorers, an ad and read-also lines between the parts,
tags, related stories, comments, the most read, the footer.

Bylines: "كتب: X", "متابعة: X", "تقرير: X" (one or two names), the reporter's form "X | <site>",
the bare name, or metadata only, before or after the text; the commentators and the players are
no authors. Head: og tags, the ``SportsEvent`` list; on metadata-dated pages (and for
metadata-only bylines) a JSON-LD ``NewsArticle`` and ``article:published_time``. Dates: metadata
(second) or the meta row (minute, a GMT time now and then, or day); the fixtures' day and times
are never between the title and the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from crawler.simulator.markup import body, dates
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import attr, break_runs, esc, inline
from crawler.simulator.markup.page import Page, Traits

NAME = "match_fixtures"
TRAITS = Traits(
    date_formats=("weekday_time", "greenwich", "numeric_time", "ampm_comma", "weekday_comma_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("kataba", "kataba", "reporter", "bare", "meta_only"),
    byline_prefixes={"kataba": ("كتب: ", "متابعة: ", "تقرير: ")},
    byline_positions=("before", "before", "after"),
    two_authors=0.15,
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.85, caption=0.6,
)

FIXTURES_PLACES = ("above", "inside", "after", "side")
"""Where each section of a site puts the look-alike box."""

TEAMS = ("النصر", "الشباب", "الوحدة", "المريخ", "القادسية", "السد", "الريان", "الجيش الملكي",
         "شبيبة القبائل", "الصفاقسي", "الاتحاد السكندري", "الكويت", "الشرطة", "النجمة")
COMPETITIONS = ("الدوري الممتاز", "كأس الملك", "دوري أبطال آسيا", "كأس الاتحاد العربي",
                "دوري أبطال إفريقيا", "دوري الدرجة الأولى")
ZONES = ("بتوقيت مكة المكرمة", "بتوقيت القاهرة", "بتوقيت الرباط", "بتوقيت تونس")
CHANNELS = ("ملاعب سبورت 1", "الرياضية الأولى", "قناة الهدف", "سبورت بلس 2", "القناة الأرضية")
VOICE_FIRST = ("فهد", "عصمت", "نبيل", "مروان", "شوقي", "رياض")
VOICE_FAMILY = ("الشعلان", "بلقاسم", "الزعبي", "الكواري", "بوغرارة")
"""The commentators: a pool of their own, none an author."""
PLAYER_FIRST = ("أنور", "تامر", "سليم", "قصي", "يحيى", "لؤي")
PLAYER_FAMILY = ("المطوع", "بن دحمان", "العويس", "الصيادي", "حجازي")
"""The scorers: a pool of their own, none an author."""
HEADING = ("مواعيد مباريات اليوم", "مباريات اليوم والقنوات الناقلة")
BIG = ("أبرز مباريات اليوم", "لا تفوت اليوم")
TABS = ("أمس", "اليوم", "غدا")
NOT_STARTED = "لم تبدأ"
LIVE = "جارية - الدقيقة {m}"
ENDED = "انتهت"
CHANNEL = "القناة: {name}"
VOICE = "المعلق: {name}"
SCORERS = ("ترتيب الهدافين", "هدافو الدوري")
GOALS = "{n} هدفا"
SPORT_MENU = ("كرة القدم", "الدوري المحلي", "البطولات العربية", "المنتخبات", "كرة اليد",
              "ألعاب القوى", "فيديو الأهداف")
ALL_MATCHES = ("كل المباريات", "جدول الأسبوع")


@dataclass(frozen=True)
class Match:
    competition: str
    home: str
    away: str
    kick_off: datetime
    channel: str
    voice: str
    stadium: str


def _matches(page: Page, count: int, grouped: bool) -> list[Match]:
    """``count`` matches of the widget's day, by competition (``grouped``) or by time."""
    rng = page.rng
    now = page.today.astimezone(dates.site_zone(page.article.site))
    day = now.replace(hour=0, minute=0, second=0, microsecond=0)
    competitions = rng.sample(COMPETITIONS, min(3, max(1, count // 2)))
    teams = rng.sample(TEAMS, 2 * count)  # no team plays twice in a day
    out = []
    for k, slot in enumerate(sorted(rng.sample(range(13 * 4, 23 * 4), count))):  # 13:00-23:00
        home, away = teams[2 * k], teams[2 * k + 1]
        out.append(Match(rng.choice(competitions), home, away, day + timedelta(minutes=15 * slot),
                         rng.choice(CHANNELS),
                         f"{rng.choice(VOICE_FIRST)} {rng.choice(VOICE_FAMILY)}",
                         f"ملعب {home}"))
    if not grouped:
        return out
    return sorted(out, key=lambda m: (competitions.index(m.competition), m.kick_off))


def _state(page: Page, match: Match) -> tuple[str, str]:
    """(state, score or kick-off time) of ``match`` at the render time."""
    rng = page.rng
    now = page.today.astimezone(dates.site_zone(page.article.site))
    played = (now - match.kick_off).total_seconds() / 60
    time = page.digits(f"{match.kick_off:%H:%M}")
    if played < 0:
        return NOT_STARTED, time
    score = page.digits(f"{rng.randint(0, 4)} - {rng.randint(0, 3)}")
    if played < 110:
        return page.digits(LIVE.format(m=min(90, max(1, int(played) - 15 * (played > 60))))), score
    return ENDED, score


def _row(page: Page, match: Match, zone: str, full: bool) -> str:
    state, middle = _state(page, match)
    kick = page.digits(f"{match.kick_off:%H:%M} {zone}")
    strings = [match.home, middle, match.away, state, kick]
    if full:
        strings += [CHANNEL.format(name=match.channel), VOICE.format(name=match.voice)]
    page.record("fixtures", strings)
    extra = (f' <span class="tv">{esc(strings[5])}</span> <span class="voice">'
             f"{esc(strings[6])}</span>" if full else "")
    return (f'<li class="match"><span class="home">{esc(match.home)}</span> <b class="mid">'
            f'{esc(middle)}</b> <span class="away">{esc(match.away)}</span> <em class="state">'
            f'{esc(state)}</em> <small class="ko">{esc(kick)}</small>{extra}</li>')


def _fixtures(page: Page, place: str) -> tuple[str, list[Match]]:
    rng = page.rng
    zone = page.stable("zone").choice(ZONES)
    day = page.record("fixtures", [dates.visible(page.today, "weekday_day", page.article.site,
                                                 page.eastern)])[0]
    if place in ("above", "side", "inside"):
        matches = _matches(page, rng.randint(3, 4), False)
        heading = page.pick("fixtures", BIG if place == "inside" else HEADING)
        more = page.pick("fixtures", ALL_MATCHES)
        full = place == "inside"
        rows = "".join(_row(page, m, zone, full) for m in matches)
        tag = "h4" if place == "inside" else "h3"
        return (f'<section class="fixtures {place}"><{tag}>{esc(heading)}</{tag}><span '
                f'class="fx-day">{esc(day)}</span><ul class="matches">{rows}</ul><a href='
                f'"/matches">{esc(more)}</a></section>'), matches
    matches = _matches(page, rng.randint(5, 7), True)
    heading = page.pick("fixtures", HEADING)
    tabs = page.record("fixtures", list(TABS))
    groups: list[str] = []
    current = ""
    for match in matches:
        if match.competition != current:
            if current:
                groups.append("</ul></div>")
            current = match.competition
            page.record("fixtures", [current])
            groups.append(f'<div class="fx-group"><h3>{esc(current)}</h3><ul class="matches">')
        groups.append(_row(page, match, zone, True))
    groups.append("</ul></div>")
    tab_bar = "".join(f'<a href="#t{k}" class="{"on" if k == 1 else "off"}">{esc(t)}</a>'
                      for k, t in enumerate(tabs))
    return (f'<section class="fixtures after"><h2>{esc(heading)}</h2><p class="fx-day">'
            f'{esc(day)}</p><div class="fx-tabs">{tab_bar}</div>{"".join(groups)}</section>'), \
        matches


def _events_ld(matches: list[Match]) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "ItemList",
            "itemListElement": [
                {"@type": "ListItem", "position": k + 1, "item": {
                    "@type": "SportsEvent", "name": f"{m.home} × {m.away}",
                    "startDate": m.kick_off.isoformat(timespec="seconds"),
                    "homeTeam": {"@type": "SportsTeam", "name": m.home},
                    "awayTeam": {"@type": "SportsTeam", "name": m.away},
                    "location": {"@type": "Place", "name": m.stadium}}}
                for k, m in enumerate(matches)]}


def _scorers(page: Page) -> str:
    rng = page.rng
    heading = page.pick("scorers", SCORERS)
    goals = sorted((rng.randint(3, 17) for _ in range(4)), reverse=True)
    items = []
    for n in goals:
        name = f"{rng.choice(PLAYER_FIRST)} {rng.choice(PLAYER_FAMILY)}"
        club, count = rng.choice(TEAMS), page.digits(GOALS.format(n=n))
        page.record("scorers", [name, club, count])
        items.append(f'<li><b class="player">{esc(name)}</b> <span>{esc(club)}</span> '
                     f"<em>{esc(count)}</em></li>")
    return f'<div class="scorers"><h3>{esc(heading)}</h3><ol>{"".join(items)}</ol></div>'


def _byline(page: Page, linked: bool) -> str:
    """The byline's words: the prefix and the names, or the reporter's "X | site"."""
    b = page.byline
    names = page.linked_names("/sport/writer/") if linked else esc(b.joined())
    if b.form == "reporter":
        return f"{names} | {esc(page.label)}"
    return f"{esc(b.prefix)}{names}"


def _text(page: Page, parts: list[Part], style: str, blocks: list[str]) -> str:
    rng = page.rng
    lead = page.dateline if page.dateline and page.dateline.position == "body_lead" else None
    pieces: list[tuple[str, bool, str]] = []
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            inner, run, kind = ((f"<b>{esc(text)}</b>", True, "subhead") if style == "br"
                                else (f"<h3>{esc(text)}</h3>", False, "subhead"))
        elif part.kind == "quote":
            inner, run, kind = f"<blockquote>{esc(text)}</blockquote>", False, "quote"
        elif part.kind == "list":
            inner = "<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>"
            run, kind = False, "list"
        else:
            inner = inline(text, rng, 0.2)
            if i == 0 and lead:
                inner = f"<b>{esc(lead.text)}</b>: {inner}"
            following = parts[i + 1].kind if i + 1 < len(parts) else ""
            kind = "lead-in" if following == "list" else "p"
            run = style == "br"
            if style == "p":
                inner = f"<p>{inner}</p>"
        if style == "li":
            pieces.append((f'<li class="part">{inner}</li>', False, kind))
        else:
            pieces.append((inner, run, kind))
    for block in blocks:
        spots = [k for k in range(1, len(pieces)) if pieces[k - 1][2] != "lead-in"]
        at = rng.choice(spots) if spots else len(pieces)
        pieces.insert(at, (f'<li class="extra">{block}</li>' if style == "li" else block, False,
                           "block"))
    out = []
    if page.dateline and page.dateline.position == "line":
        out.append(f'<p class="dateline">{esc(page.dateline.text)}</p>')
    if style == "li":
        out.append('<ol class="text-parts">' + "\n".join(h for h, _, _ in pieces) + "</ol>")
    elif style == "br":
        out.append("".join(break_runs([(h, r) for h, r, _ in pieces])))
    else:
        out += [h for h, _, _ in pieces]
    return '<div class="sport-text">\n' + "\n".join(out) + "\n</div>"


def render(page: Page) -> str:
    b = page.byline
    place = page.stable(f"fixtures-where:{page.section}").choice(FIXTURES_PLACES)
    style = page.stable(f"text-template:{page.section}").choice(("p", "li", "br"))
    page.layout.update(fixtures=place, text=style)
    fixtures, matches = _fixtures(page, place)
    head = chrome.head(page, (_events_ld(matches),), articleSection="رياضة")
    top = chrome.header(page, "weekday_day", " / ")
    sport_menu = "".join(f'<a href="/sport/{k}">{esc(x)}</a>' for k, x in enumerate(
        page.record("sport_menu", list(SPORT_MENU))))
    row = []
    if b.visible and b.position == "before":
        row.append(f'<span class="by">{_byline(page, True)}</span>')
    if page.date.visible:
        row.append(page.date_span())
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.2, bullets=0.2)
    blocks = chrome.interruptions(page)
    if place == "inside":
        blocks.append(fixtures)
    story = _text(page, parts, style, blocks)
    signed = (f'<p class="by-end">{_byline(page, False)}</p>'
              if b.visible and b.position == "after" else "")
    main, side, foot = chrome.after(page, "weekday_day")
    return head + "\n".join([
        '<body class="sport">',
        top,
        f'<nav class="sport-menu">{sport_menu}</nav>',
        fixtures if place == "above" else "",
        '<div class="layout"><main>',
        '<article class="sport-story">',
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" - ".join(row)}</div>' if row else "",
        page.lead_figure(),
        chrome.share(page),
        story,
        signed,
        "</article>",
        fixtures if place == "after" else "",
        main,
        "</main>",
        '<aside class="sidebar">',
        fixtures if place == "side" else "",
        _scorers(page),
        side,
        "</aside></div>",
        f'<a class="to-top" href="#" title="{attr(page.label)}">▲</a>',
        foot,
    ])
