"""A story of a portal's services desk (خدمات / "نتائج القرعة") on the page that publishes the
results of a public draw: the pilgrims' draw (قرعة الحج), a social-housing draw (قرعة الشقق) or
a charity lottery's weekly draw (اليانصيب الخيري): the desk's story beside the results box: the
draw's card (its name, its number, "تاريخ السحب:" the day and hour it was held: two to four days
*before* the story, the organiser, the committee's chair and the notary who attended by name:
no authors, the number of entrants and of winners, "موعد السحب القادم:" a day weeks *after*
it), then the results: a table of winners (names, file numbers, provinces, or buildings and
flats: people who are no authors) or, for the lottery, the winning numbers as balls and the
prizes' table; the "check your result" form, the full list's PDF, the replay of the draw's
stream, the disclaimer (a sentence), the other draws; the results again in an inline script
(with other stories' text), and a JSON-LD ``Event`` whose ``startDate`` is the draw's hour.

Body: the story's parts (now and then a lead sentence of its own, a quoted statement,
intertitles, a bulleted list after its lead-in: body), typed per section of a site
(``layout["text"]``): ``p``, ``<p>``s with ``<h2>`` intertitles in ``div.draw-story``; ``div``,
``<div class="para">``s with ``<h2>`` intertitles in it; ``td``, the portal's old template: a
``<table class="draw-story">`` with one row per part (``<td>``: a paragraph's text, ``<td
class="sub"><b>`` an intertitle, a quote's ``<blockquote>`` or a list's ``<ul>`` in its cell), the
blocks between parts in ``<td class="extra">`` rows (so the results' table, placed inside, is a
table in a cell of the story's table). The dateline is a line above the text (``p.dateline`` or
a ``td.dateline`` row) or the bold start of the first paragraph ("<b>city - source:</b>").

Not body: the results box, placed per section (``layout["results"]``): ``above``, before the
``<h1>`` (the draw's card and the first rows: the draw's day is then the first day on the page and
the chair and the notary the first names); ``inside``, between two parts of the text; ``after``,
after the text; ``side``, in the sidebar (the card and the first rows). Also not body: the services
menu, the check form, the PDF link, the replay, the disclaimer, the other draws, an ad and
read-also lines between the parts, tags, related stories, comments, the most read, the footer.

Bylines: "كتب: X", "متابعة: X", "المحرر: X" (``edited_by``), one or two names, the bare name, or
metadata only, before or after the text; the winners, the chair and the notary are no authors.
Head: og tags, the draw's ``Event``; on metadata-dated pages (and for metadata-only bylines) a
JSON-LD ``NewsArticle`` and ``article:published_time``. Dates: metadata (second) or the meta row
(minute or day); the draw's and the next draw's days are never between the title and the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from crawler.simulator.markup import body, dates
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import esc, inline, script_json
from crawler.simulator.markup.page import Page, Traits

NAME = "draw_results"
TRAITS = Traits(
    date_formats=("weekday_time", "numeric_time", "hijri_paired", "gregorian_hijri", "wp_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.15,
    byline_forms=("kataba", "kataba", "edited_by", "bare", "meta_only"),
    byline_prefixes={"kataba": ("كتب: ", "متابعة: "), "edited_by": ("المحرر: ",)},
    byline_positions=("before", "before", "after"),
    two_authors=0.15,
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.75, caption=0.6,
)

RESULTS_PLACES = ("above", "inside", "after", "side")
"""Where each section of a site puts the look-alike box."""
STYLES = ("p", "div", "td")


@dataclass(frozen=True)
class Draw:
    key: str
    name: str
    organiser: str
    columns: tuple[str, ...]
    unit: str
    """What the winners' count counts."""


DRAWS: tuple[Draw, ...] = (
    Draw("hajj", "قرعة الحج للموسم المقبل", "وزارة الأوقاف والشؤون الدينية",
         ("الترتيب", "الاسم الكامل", "رقم الملف", "الإقليم"), "حاج"),
    Draw("housing", "قرعة الشقق السكنية - المرحلة {n}", "الصندوق الوطني للسكن",
         ("الاسم الكامل", "رقم الملف", "العمارة", "الشقة"), "أسرة"),
    Draw("lottery", "السحب الأسبوعي لليانصيب الخيري", "الجمعية الخيرية للتنمية",
         ("الجائزة", "رقم التذكرة", "القيمة"), "تذكرة"),
)
"""The draws (invented bodies): each with its results' columns."""
WINNER_FIRST = ("حمدي", "سعاد", "خليل", "زينب", "مصطفى", "إيمان", "رشيد", "غادة", "أيوب", "سهى")
WINNER_FAMILY = ("الحسيني", "المرزوقي", "الطرابلسي", "بوخريص", "الكيلاني", "العتيبي", "الجوهري")
"""The winners: a pool of their own, none an author."""
OFFICIAL_FIRST = ("شريف", "أمل", "ثامر", "وفاء", "نزار")
OFFICIAL_FAMILY = ("الملا", "الدويري", "بن حليمة", "العسال")
"""The committee's chair and the notary: a pool of their own, none an author."""
PROVINCES = ("الشمال", "الوسط", "الساحل", "الجنوب", "الهضاب", "العاصمة")
PRIZES = (("الجائزة الكبرى", 500000), ("الجائزة الثانية", 100000), ("الجائزة الثالثة", 25000),
          ("جائزة الترضية", 1000))
CURRENCY = "دينار"
BADGE = ("نتائج القرعة", "النتائج الرسمية")
FACTS = ("رقم السحب: {n}", "تاريخ السحب: {day}", "الجهة المنظمة: {body}",
         "رئيس لجنة القرعة: {chair}", "بحضور المفوض القضائي: {notary}",
         "عدد المشاركين: {entrants}", "عدد الفائزين: {winners} {unit}")
NEXT = "موعد السحب القادم: {day}"
BALLS = ("الأرقام الرابحة", "الأرقام الفائزة")
SHOWN = "عرض {k} من أصل {n}"
CHECK = ("تحقق من نتيجتك", "أدخل رقم الملف أو رقم البطاقة الوطنية", "تحقق")
PDF = "تحميل القائمة الكاملة (PDF - {size} ميغابايت)"
REPLAY = ("شاهد تسجيل القرعة كاملا", "مدة التسجيل: {m} دقيقة")
DISCLAIMER = ("القوائم المنشورة هنا للاستئناس فقط، والقائمة الرسمية المعتمدة هي المعلقة بمقر الجهة "
              "المنظمة وعلى بوابتها الإلكترونية.")
OTHER_DRAWS = ("قرعات أخرى", "نتائج سابقة")
SERVICES_MENU = ("نتائج القرعة", "مواعيد الصرف", "الخدمات الإلكترونية", "أرقام تهمك",
                 "المناسبات الرسمية")
KICKER = ("خدمات", "نتائج وقرعات")


def _person(page: Page, first: tuple[str, ...], family: tuple[str, ...]) -> str:
    return f"{page.rng.choice(first)} {page.rng.choice(family)}"


def _draw_moment(page: Page, base: datetime) -> datetime:
    """The draw's hour: two to four days before the story, in the morning, site time (a day
    before the story's in any zone)."""
    zone = dates.site_zone(page.article.site)
    day = (base.astimezone(zone) - timedelta(days=page.rng.randint(2, 4)))
    return day.replace(hour=page.rng.choice((9, 10, 11)), minute=page.rng.choice((0, 30)),
                       second=0, microsecond=0)


def _rows(page: Page, draw: Draw, count: int) -> list[list[str]]:
    rng = page.rng
    rows = []
    if draw.key == "lottery":
        for name, amount in PRIZES[:count]:
            rows.append([name, page.digits(f"{rng.randint(0, 999999):06d}"),
                         page.digits(f"{amount:,} {CURRENCY}")])
        return rows
    people = [f"{a} {b}" for a, b in zip(rng.sample(WINNER_FIRST, count),
                                          rng.choices(WINNER_FAMILY, k=count), strict=True)]
    for k, person in enumerate(people):
        file_no = page.digits(f"{rng.randint(10, 99)}-{rng.randint(10000, 99999)}")
        if draw.key == "hajj":
            rows.append([page.digits(str(k + 1)), person, file_no, rng.choice(PROVINCES)])
        else:
            rows.append([person, file_no, page.digits(f"{rng.choice('أبجد')}{rng.randint(1, 24)}"),
                         page.digits(str(rng.randint(1, 40)))])
    return rows


def _results(page: Page, draw: Draw, name: str, moment: datetime, base: datetime,
             place: str) -> tuple[str, dict[str, Any]]:
    """The results box (the draw's card and its results) and the results' data."""
    rng = page.rng
    chair = _person(page, OFFICIAL_FIRST, OFFICIAL_FAMILY)
    notary = _person(page, OFFICIAL_FIRST, OFFICIAL_FAMILY)
    while notary == chair:
        notary = _person(page, OFFICIAL_FIRST, OFFICIAL_FAMILY)
    entrants, winners = rng.randint(20, 400) * 1000, rng.randint(5, 90) * 100
    badge = page.pick("draw", BADGE)
    page.record("draw", [name])
    facts = page.record("draw", [
        page.digits(FACTS[0].format(n=rng.randint(12, 240))),
        FACTS[1].format(day=dates.visible(moment, "weekday_time", page.article.site,
                                          page.eastern)),
        FACTS[2].format(body=draw.organiser), FACTS[3].format(chair=chair),
        FACTS[4].format(notary=notary),
        page.digits(FACTS[5].format(entrants=f"{entrants:,}")),
        page.digits(FACTS[6].format(winners=f"{winners:,}", unit=draw.unit))])
    following = base + timedelta(days=rng.randint(20, 90))
    next_line = page.record("draw", [NEXT.format(day=dates.visible(
        following, "long_day", page.article.site, page.eastern))])[0]
    compact = place in ("above", "side")
    count = (2 if compact else 4) if draw.key == "lottery" else (
        rng.randint(3, 4) if compact else rng.randint(6, 9))
    rows = _rows(page, draw, count)
    heads = page.record("draw", list(draw.columns))
    for row in rows:
        page.record("draw", row)
    balls = ""
    numbers: list[int] = []
    if draw.key == "lottery":
        label = page.pick("draw", BALLS)
        numbers = sorted(rng.sample(range(1, 50), 6))
        page.record("draw", [page.digits(str(n)) for n in numbers])
        balls = (f'<div class="balls"><b>{esc(label)}</b> '
                 + " ".join(f'<span class="ball">{page.digits(str(n))}</span>' for n in numbers)
                 + "</div>")
    shown = page.record("draw", [page.digits(SHOWN.format(k=len(rows), n=f"{winners:,}"))])[0]
    table = ('<table class="results"><thead><tr>'
             + "".join(f"<th>{esc(h)}</th>" for h in heads) + "</tr></thead><tbody>"
             + "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>"
                       for row in rows)
             + f'</tbody></table><p class="shown">{esc(shown)}</p>')
    tag = "h2" if place in ("above", "after") else "h4"
    card = (f'<div class="draw-card"><span class="draw-badge">{esc(badge)}</span><{tag} '
            f'class="draw-name">{esc(name)}</{tag}><ul class="draw-facts">'
            + "".join(f"<li>{esc(f)}</li>" for f in facts)
            + f'</ul><p class="next-draw">{esc(next_line)}</p></div>')
    html = f'<section class="draw-results {place}">{card}{balls}{table}</section>'
    data = {"draw": name, "numbers": numbers, "rows": rows, "chair": chair, "notary": notary}
    return html, data


def _event_ld(draw: Draw, name: str, moment: datetime) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "Event", "name": name,
            "startDate": moment.isoformat(timespec="seconds"),
            "eventStatus": "https://schema.org/EventScheduled",
            "organizer": {"@type": "Organization", "name": draw.organiser},
            "location": {"@type": "Place", "name": draw.organiser}}


def _check(page: Page) -> str:
    rng = page.rng
    heading, hint, button = page.record("check_form", list(CHECK))
    pdf = page.record("check_form", [page.digits(PDF.format(size=f"{rng.uniform(0.8, 6):.1f}"))])[0]
    replay = page.record("replay", [REPLAY[0], page.digits(REPLAY[1].format(
        m=rng.randint(25, 95)))])
    disclaimer = page.record("disclaimer", [DISCLAIMER])[0]
    return (f'<form class="check-result"><h3>{esc(heading)}</h3><label>{esc(hint)}</label>'
            f'<input name="file"><button>{esc(button)}</button></form>'
            f'<p class="pdf"><a href="/files/draw-list.pdf">{esc(pdf)}</a></p>'
            f'<div class="replay"><a href="/video/draw">{esc(replay[0])}</a> <small>'
            f'{esc(replay[1])}</small></div><p class="disclaimer"><small>{esc(disclaimer)}'
            "</small></p>")


def _other_draws(page: Page, current: Draw, base: datetime) -> str:
    rng = page.rng
    heading = page.pick("other_draws", OTHER_DRAWS)
    items = []
    for draw in [d for d in DRAWS if d is not current]:
        day = dates.visible(base - timedelta(days=rng.randint(20, 200)), "numeric_day",
                            page.article.site, page.eastern)
        name = draw.name.format(n=page.digits(str(rng.randint(1, 6))))
        page.record("other_draws", [name, day])
        items.append(f'<li><a href="/draws/{draw.key}">{esc(name)}</a> <span>{esc(day)}</span>'
                     "</li>")
    return f'<div class="other-draws"><h3>{esc(heading)}</h3><ul>{"".join(items)}</ul></div>'


def _text(page: Page, parts: list[Part], style: str, blocks: list[str]) -> str:
    rng = page.rng
    lead = page.dateline if page.dateline and page.dateline.position == "body_lead" else None
    pieces: list[tuple[str, str]] = []  # (html, kind)
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            pieces.append((f'<td class="sub"><b>{esc(text)}</b></td>' if style == "td"
                           else f"<h2>{esc(text)}</h2>", "subhead"))
            continue
        if part.kind == "quote":
            inner = f"<blockquote>{esc(text)}</blockquote>"
            kind = "quote"
        elif part.kind == "list":
            inner = "<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>"
            kind = "list"
        else:
            inner = inline(text, rng, 0.2)
            if i == 0 and lead:
                inner = f"<b>{esc(lead.text)}:</b> {inner}"
            following = parts[i + 1].kind if i + 1 < len(parts) else ""
            kind = "lead-in" if following == "list" else "p"
            if style == "p":
                inner = f"<p>{inner}</p>"
            elif style == "div":
                inner = f'<div class="para">{inner}</div>'
        pieces.append((f"<td>{inner}</td>" if style == "td" else inner, kind))
    for block in blocks:
        spots = [k for k in range(1, len(pieces)) if pieces[k - 1][1] != "lead-in"]
        at = rng.choice(spots) if spots else len(pieces)
        pieces.insert(at, (f'<td class="extra">{block}</td>' if style == "td" else block, "block"))
    dateline = page.dateline if page.dateline and page.dateline.position == "line" else None
    if style == "td":
        rows = [f"<tr>{h}</tr>" for h, _ in pieces]
        if dateline:
            rows.insert(0, f'<tr><td class="dateline">{esc(dateline.text)}</td></tr>')
        return ('<table class="draw-story" width="100%" cellpadding="4"><tbody>\n'
                + "\n".join(rows) + "\n</tbody></table>")
    out = [f'<p class="dateline">{esc(dateline.text)}</p>'] if dateline else []
    out += [h for h, _ in pieces]
    return '<div class="draw-story">\n' + "\n".join(out) + "\n</div>"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    place = page.stable(f"results-place:{page.section}").choice(RESULTS_PLACES)
    style = page.stable(f"text-template:{page.section}").choice(STYLES)
    page.layout.update(results=place, text=style)
    base = a.published or (page.today - timedelta(days=rng.randint(30, 120)))
    draw = rng.choice(DRAWS)
    name = draw.name.format(n=page.digits(str(rng.randint(2, 7))))
    page.layout["draw"] = draw.key
    moment = _draw_moment(page, base)
    results, data = _results(page, draw, name, moment, base, place)
    head = chrome.head(page, (_event_ld(draw, name, moment),), articleSection="خدمات")
    top = chrome.header(page, "gregorian_hijri", " » ")
    services = "".join(f'<a href="/services/{k}">{esc(x)}</a>' for k, x in enumerate(
        page.record("services_menu", list(SERVICES_MENU))))
    kicker = page.pick("kicker", KICKER)
    row = []
    if b.visible and b.position == "before":
        row.append(f'<span class="by">{esc(b.prefix)}{page.linked_names("/team/")}</span>')
    if page.date.visible:
        row.append(page.date_span())
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.25, bullets=0.2)
    blocks = chrome.interruptions(page)
    if place == "inside":
        blocks.append(results)
    story = _text(page, parts, style, blocks)
    signed = (f'<p class="by-end">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    state = {"results": data, "latest": page.script_articles(2)}
    main, side, foot = chrome.after(page, "numeric_day")
    return head + "\n".join([
        '<body class="services draws">',
        top,
        f'<nav class="services-menu">{services}</nav>',
        '<div class="container">',
        results if place == "above" else "",
        '<div class="row"><main>',
        '<article class="draw-article">',
        f'<span class="kicker">{esc(kicker)}</span>',
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" - ".join(row)}</div>' if row else "",
        page.lead_figure(),
        chrome.share(page),
        story,
        signed,
        results if place == "after" else "",
        "</article>",
        _check(page),
        _other_draws(page, draw, base),
        main,
        "</main>",
        '<aside class="sidebar">',
        results if place == "side" else "",
        side,
        "</aside></div></div>",
        f"<script>window.__DRAW_STATE__ = {script_json(state)};</script>",
        foot,
    ])
