"""A story of a portal's aviation desk (طيران / "أخبار المطارات") on the page that also carries an
airport's live flight board (حركة الرحلات): the desk's story beside the board: its heading with
the airport's name, the day the board shows (the render day: after the story, never its date),
its "آخر تحديث: HH:MM" time, the departures and arrivals tabs, and a table of flights (flight
number, airline, city, the scheduled and the expected times, the gate or hall, a status such as
"متأخرة" or "أقلعت"), plus the airport's card (its code, its terminals, the director and the
spokesman by name, its notices to travellers as sentences) and the flight-tracking form; a
JSON-LD ``ItemList`` of ``Flight``s with their ``departureTime``s on the board's day.

Body: the story's parts (now and then a lead sentence of its own, a quoted statement,
intertitles in ``<h2>``, a bulleted list after its lead-in: body), typed per section of a site
(``layout["text"]``): ``p``, ``<p>``s; ``div``, ``<div class="t">``s; ``br``, runs separated by
``<br><br>`` with ``<strong>`` intertitles, in ``div.flight-story``. The dateline is a
``p.dateline`` line above the text (its place and its source in spans of their own) or the
start of the first paragraph ("<strong>city - source</strong> -").

Not body: the board, placed per section (``layout["board"]``): ``above``, a compact board of
the next departures between the breadcrumbs and the ``<h1>`` (its heading is the page's first
heading, its update time the first time on the page); ``inside``, the full board *between two
containers* of the text: the story is cut in two ``div.flight-story``s (the second also
``flight-story-more``) with the board's ``<section>`` as their sibling, not their child;
``after``, the full board after the text (the arrivals in a hidden tab panel); ``side``, a
compact board in the sidebar. Also not body: the aviation menu, the airport card and the form
after the text, an ad and read-also lines between the parts, tags, related stories, comments,
the most read, the footer.

Bylines: "كتب: X", "متابعة: X", the bare name, or metadata only, before or after the text; the
airport's director and spokesman are no authors. Head: og tags, the flights' ``ItemList``; on
metadata-dated pages (and for metadata-only bylines) a JSON-LD ``NewsArticle`` and
``article:published_time``. Dates: metadata (second) or the meta row (minute or day, now and
then with a later "آخر تحديث" beside it: another "last updated" than the board's); the board's
day and times are never between the title and the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from crawler.simulator.markup import body, dates, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import break_runs, esc, inline
from crawler.simulator.markup.page import Page, Traits

NAME = "flight_board"
TRAITS = Traits(
    date_formats=("time_first", "weekday_time", "slash_ymd_time", "day_at_time", "long_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.6, modified_shown=0.3, eastern_digits=0.1,
    byline_forms=("kataba", "kataba", "bare", "meta_only"),
    byline_prefixes={"kataba": ("كتب: ", "متابعة: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.8, caption=0.6,
)

BOARD_PLACES = ("above", "inside", "after", "side")
"""Where each section of a site puts the look-alike box."""

AIRPORTS = (("مطار الواحة الدولي", "WAH"), ("مطار الساحل الشرقي", "ESC"),
            ("مطار الهضاب الدولي", "HDB"), ("مطار النخيل", "NKL"), ("مطار البوابة الجنوبية", "SGT"))
"""Airports (invented) and their codes."""
AIRLINES = (("طيران الأفق", "HZ"), ("أجنحة المتوسط", "MW"), ("الناقل الوطني", "NC"),
            ("سما للطيران", "SM"), ("طيران الواحات", "OA"), ("خطوط الشمال الجوية", "NL"))
CITIES = ("إسطنبول", "جدة", "باريس", "الدوحة", "مدريد", "روما", "أثينا", "لندن", "الكويت",
          "نيس", "ميلانو", "بروكسل", "المدينة المنورة", "الشارقة", "لارنكا", "فرانكفورت")
DEPARTURE_STATUS = ("في موعدها", "متأخرة", "الصعود إلى الطائرة", "البوابة مفتوحة", "ألغيت")
ARRIVAL_STATUS = ("في موعدها", "متأخرة", "في الجو", "ألغيت")
DONE = {"departures": "أقلعت", "arrivals": "هبطت"}
COLUMNS = {"departures": ("الرحلة", "شركة الطيران", "إلى", "الموعد", "المتوقع", "البوابة",
                          "الحالة"),
           "arrivals": ("الرحلة", "شركة الطيران", "من", "الموعد", "المتوقع", "الصالة",
                        "الحالة")}
TABS = {"departures": "المغادرة", "arrivals": "الوصول"}
HEADING = ("حركة الرحلات في {airport} اليوم", "مواعيد الرحلات - {airport}")
NEXT = ("الرحلات المغادرة القادمة", "أقرب الرحلات المغادرة")
UPDATED = "آخر تحديث: {time}"
ALL_FLIGHTS = ("عرض كل الرحلات", "اللوحة الكاملة")
NOTE = ("المواعيد بالتوقيت المحلي وقابلة للتغيير، يرجى مراجعة شركة الطيران قبل التوجه إلى المطار.",
        "البيانات مقدمة من إدارة المطار وتحدث كل خمس دقائق.")
OFFICIAL_FIRST = ("رفيق", "ميساء", "غسان", "عبلة", "ضياء", "ناهد", "مؤنس")
OFFICIAL_FAMILY = ("الدرزي", "الكبيسي", "بوشناق", "السقاف", "الرمحي", "الأزرق")
"""The airport's director and spokesman: a pool of its own, none an author."""
CARD_HEADING = ("بطاقة المطار", "معلومات المطار")
CARD_LINES = ("رمز المطار: {code}", "عدد الصالات: {n}", "مدير المطار: {director}",
              "المتحدث الرسمي: {spokesman}")
NOTICES = ("ننصح المسافرين بالحضور إلى المطار قبل ثلاث ساعات من موعد إقلاع الرحلات الدولية.",
           "يغلق باب تسجيل الأمتعة قبل ساعة واحدة من موعد الإقلاع.",
           "يسمح لكل مسافر بحقيبة يد واحدة لا يتجاوز وزنها سبعة كيلوغرامات.",
           "تتوفر حافلات مجانية بين الصالتين على مدار الساعة.")
FORM = ("تتبع رحلتك", "رقم الرحلة", "تاريخ السفر", "ابحث")
SECTION_MENU = ("أخبار الطيران", "المطارات", "شركات الطيران", "حركة الرحلات", "نصائح السفر",
                "التأشيرات")
KICKER = ("طيران", "أخبار المطارات")


@dataclass(frozen=True)
class Flight:
    number: str
    airline: str
    city: str
    scheduled: datetime
    expected: datetime
    gate: str
    status: str


def _flights(page: Page, board: str, count: int, upcoming: bool = False) -> list[Flight]:
    """``count`` flights of the board's day (the ones still to come when ``upcoming`` and the
    day allows), in scheduled order, with statuses that fit the update time."""
    rng = page.rng
    now = page.today.astimezone(dates.site_zone(page.article.site))
    start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    first, last = 6 * 12, 24 * 12  # 06:00 to 23:55, in 5-minute steps
    if upcoming and last - (now.hour * 12 + now.minute // 5 + 1) >= count:
        first = max(first, now.hour * 12 + now.minute // 5 + 1)
    out = []
    for slot in sorted(rng.sample(range(first, last), count)):
        name, code = rng.choice(AIRLINES)
        scheduled = start + timedelta(minutes=5 * slot)
        if scheduled < now - timedelta(minutes=20):
            status, late = DONE[board], rng.choice((0, 0, 10, 25))
        else:
            soon = scheduled < now + timedelta(hours=2)
            pool = (DEPARTURE_STATUS if board == "departures" else ARRIVAL_STATUS)
            status = rng.choice(pool if soon else ("في موعدها", "في موعدها", "متأخرة"))
            late = rng.choice((35, 50, 90)) if status == "متأخرة" else 0
        gate = (f"{rng.choice('ABC')}{rng.randint(1, 24)}" if board == "departures"
                else f"{rng.randint(1, 3)}")
        out.append(Flight(f"{code} {rng.randint(100, 989)}", name, rng.choice(CITIES), scheduled,
                          scheduled + timedelta(minutes=late), gate, status))
    return out


def _hm(page: Page, moment: datetime) -> str:
    return page.digits(f"{moment:%H:%M}")


def _table(page: Page, board: str, flights: list[Flight], compact: bool) -> str:
    columns = COLUMNS[board]
    keep = (0, 2, 3, 6) if compact else tuple(range(len(columns)))
    heads = page.record("flight_board", [columns[k] for k in keep])
    rows = []
    for f in flights:
        cells = [f.number, f.airline, f.city, _hm(page, f.scheduled), _hm(page, f.expected),
                 page.digits(f.gate) if board == "arrivals" else f.gate, f.status]
        shown = page.record("flight_board", [cells[k] for k in keep])
        status = "done" if f.status == DONE[board] else ("late" if f.expected > f.scheduled
                                                         else "ok")
        rows.append(f'<tr class="{status}">' + "".join(f"<td>{esc(c)}</td>" for c in shown)
                    + "</tr>")
    return (f'<table class="flights {board}"><thead><tr>'
            + "".join(f"<th>{esc(h)}</th>" for h in heads) + "</tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")


def _board(page: Page, place: str, airport: str) -> tuple[str, list[Flight]]:
    """The board's ``<section>``, compact (``above``, ``side``) or full, and its flights."""
    rng = page.rng
    heading = page.record("flight_board", [page.stable("board-heading").choice(HEADING).format(
        airport=airport)])[0]
    day = page.record("flight_board", [dates.visible(page.today, "weekday_day",
                                                     page.article.site, page.eastern)])[0]
    updated = page.record("flight_board", [UPDATED.format(time=_hm(
        page, page.today.astimezone(dates.site_zone(page.article.site))))])[0]
    top = (f'<h2 class="board-title">{esc(heading)}</h2><p class="board-day">'
           f'<span class="day">{esc(day)}</span> <span class="updated">{esc(updated)}</span></p>')
    if place in ("above", "side"):
        flights = _flights(page, "departures", rng.randint(3, 5), upcoming=True)
        label = page.pick("flight_board", NEXT)
        more = page.pick("flight_board", ALL_FLIGHTS)
        html = (f'<section class="flight-board compact">{top}<h3>{esc(label)}</h3>'
                + _table(page, "departures", flights, True)
                + f'<a class="all" href="/flights">{esc(more)}</a></section>')
        return html, flights
    departures = _flights(page, "departures", rng.randint(5, 8))
    arrivals = _flights(page, "arrivals", rng.randint(4, 7))
    tabs = page.record("flight_board", [TABS["departures"], TABS["arrivals"]])
    note = page.pick("flight_board", NOTE)
    html = (f'<section class="flight-board">{top}<div class="tabs" role="tablist">'
            f'<button role="tab" aria-selected="true">{esc(tabs[0])}</button>'
            f'<button role="tab" aria-selected="false">{esc(tabs[1])}</button></div>'
            f'<div role="tabpanel" class="panel">{_table(page, "departures", departures, False)}'
            f'</div><div role="tabpanel" class="panel" hidden>'
            f'{_table(page, "arrivals", arrivals, False)}</div>'
            f'<p class="board-note"><small>{esc(note)}</small></p></section>')
    return html, departures + arrivals


def _flights_ld(page: Page, airport: tuple[str, str], flights: list[Flight]) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "ItemList", "name": airport[0],
            "itemListElement": [
                {"@type": "ListItem", "position": k + 1, "item": {
                    "@type": "Flight", "flightNumber": f.number.replace(" ", ""),
                    "provider": {"@type": "Airline", "name": f.airline},
                    "departureAirport": {"@type": "Airport", "iataCode": airport[1]},
                    "departureTime": f.scheduled.isoformat(timespec="seconds")}}
                for k, f in enumerate(flights)]}


def _card(page: Page, airport: tuple[str, str]) -> str:
    rng = page.rng
    heading = page.pick("airport_card", CARD_HEADING)
    director = f"{rng.choice(OFFICIAL_FIRST)} {rng.choice(OFFICIAL_FAMILY)}"
    spokesman = f"{rng.choice(OFFICIAL_FIRST)} {rng.choice(OFFICIAL_FAMILY)}"
    lines = page.record("airport_card", [
        CARD_LINES[0].format(code=airport[1]),
        page.digits(CARD_LINES[1].format(n=rng.randint(2, 4))),
        CARD_LINES[2].format(director=director), CARD_LINES[3].format(spokesman=spokesman)])
    notices = page.record("airport_card", rng.sample(NOTICES, 2))
    return (f'<aside class="airport-card"><h3>{esc(heading)}</h3><h4>{esc(airport[0])}</h4><ul>'
            + "".join(f'<li class="fact">{esc(x)}</li>' for x in lines) + "</ul>"
            + "".join(f'<p class="notice">{esc(x)}</p>' for x in notices) + "</aside>")


def _pieces(page: Page, parts: list[Part], style: str) -> list[tuple[str, bool, str]]:
    """(html, is a run, kind) of each part in the section's typing."""
    rng = page.rng
    lead = page.dateline if page.dateline and page.dateline.position == "body_lead" else None
    out: list[tuple[str, bool, str]] = []
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            out.append((f"<strong>{esc(text)}</strong>", True, "subhead") if style == "br"
                       else (f"<h2>{esc(text)}</h2>", False, "subhead"))
        elif part.kind == "quote":
            out.append((f"<blockquote><p>{esc(text)}</p></blockquote>", False, "quote"))
        elif part.kind == "list":
            out.append(("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>",
                        False, "list"))
        else:
            run = inline(text, rng, 0.2)
            if i == 0 and lead:
                run = f"<strong>{esc(lead.text)}</strong> - {run}"
            following = parts[i + 1].kind if i + 1 < len(parts) else ""
            kind = "lead-in" if following == "list" else "p"
            if style == "p":
                out.append((f"<p>{run}</p>", False, kind))
            elif style == "div":
                out.append((f'<div class="t">{run}</div>', False, kind))
            else:
                out.append((run, True, kind))
    return out


def _typed(chunk: list[tuple[str, bool, str]], style: str) -> str:
    if style == "br":
        return "".join(break_runs([(h, r) for h, r, _ in chunk]))
    return "\n".join(h for h, _, _ in chunk)


def _story(page: Page, parts: list[Part], style: str, blocks: list[str],
           board: str | None) -> str:
    """The story in one ``div.flight-story``, or in two around ``board``."""
    rng = page.rng
    pieces = _pieces(page, parts, style)
    rest: list[tuple[str, bool, str]] = []
    if board is not None:  # cut between two parts, never after a list's lead-in
        cut = rng.choice([k for k in range(1, len(pieces)) if pieces[k - 1][2] != "lead-in"])
        pieces, rest = pieces[:cut], pieces[cut:]
    for block in blocks:
        spots = [k for k in range(1, len(pieces) + (board is not None))
                 if pieces[k - 1][2] != "lead-in"]
        pieces.insert(rng.choice(spots) if spots else len(pieces), (block, False, "block"))
    dateline = ""
    if page.dateline and page.dateline.position == "line":
        d = page.dateline
        separator = d.text[len(d.location):len(d.text) - len(d.source)]
        dateline = (f'<p class="dateline"><span class="place">{esc(d.location)}</span>'
                    f'{esc(separator)}<span class="source">{esc(d.source)}</span></p>\n')
    first = f'<div class="flight-story">\n{dateline}{_typed(pieces, style)}\n</div>'
    if board is None:
        return first
    return (f"{first}\n{board}\n"
            f'<div class="flight-story flight-story-more">\n{_typed(rest, style)}\n</div>')


def render(page: Page) -> str:
    b = page.byline
    place = page.stable(f"board-column:{page.section}").choice(BOARD_PLACES)
    style = page.stable(f"text-module:{page.section}").choice(("p", "div", "br"))
    parts = body.shape(page, lead=0.2, quote=0.15, subheads=0.25, bullets=0.2)
    if place == "inside" and len(parts) < 2:
        place = "after"
    page.layout.update(board=place, text=style)
    airport = page.stable("airport").choice(AIRPORTS)
    board, flights = _board(page, place, airport[0])
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(page.headline)} | {esc(page.label)}</title>\n"
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + meta.ld_script(_flights_ld(page, airport, flights))
            + (meta.ld_script(meta.news_article(page, articleSection="طيران"))
               if page.date.where == "metadata" or b.in_metadata else "")
            + '<meta http-equiv="refresh" content="300">\n</head>\n')
    top = chrome.header(page, "weekday_day", " / ")
    section_menu = "".join(f'<a href="/aviation/{k}">{esc(x)}</a>' for k, x in enumerate(
        page.record("section_menu", list(SECTION_MENU))))
    kicker = page.pick("kicker", KICKER)
    row = []
    if b.visible and b.position == "before":
        row.append(f'<span class="by">{esc(b.prefix)}{page.linked_names("/reporters/")}</span>')
    if page.date.visible:
        row.append(page.date_span())
        if page.date.modified_visible:
            modified = page.record("modified", [page.date.modified_visible])[0]
            row.append(f'<span class="modified">{esc(modified)}</span>')
    blocks = chrome.interruptions(page)
    story = _story(page, parts, style, blocks, board if place == "inside" else None)
    signed = (f'<p class="by-end">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    card = _card(page, airport)
    form = page.record("track_form", list(FORM))
    main, side, foot = chrome.after(page, "numeric_day")
    return head + "\n".join([
        '<body class="aviation">',
        top,
        f'<nav class="section-menu">{section_menu}</nav>',
        '<div class="page">',
        board if place == "above" else "",
        '<div class="cols"><main>',
        '<article class="flight-news">',
        f'<span class="kicker">{esc(kicker)}</span>',
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" | ".join(row)}</div>' if row else "",
        page.lead_figure(),
        chrome.share(page),
        story,
        signed,
        board if place == "after" else "",
        "</article>",
        card,
        f'<form class="track"><h3>{esc(form[0])}</h3><label>{esc(form[1])}</label><input>'
        f'<label>{esc(form[2])}</label><input type="date"><button>{esc(form[3])}</button></form>',
        main,
        "</main>",
        '<aside class="sidebar">',
        board if place == "side" else "",
        side,
        "</aside></div></div>",
        foot,
    ])
