"""A story of a portal's health desk (صحة) on its city-services page that carries the week's
roster of pharmacies on duty (صيدليات الحراسة / "الصيدليات المناوبة"): the desk's story beside
the roster: its heading with the city, the week it covers ("من السبت 23 نوفمبر 2024 إلى الجمعة
29 نوفمبر 2024": the week of the render day, which ends after the story), the night-duty hours,
a district filter, and one entry per pharmacy (its district, its name, the pharmacist "د. X" /
"الصيدلانية X" / "الصيدلي X": a titled name like a doctor's byline and no author, its address,
its phone);
the useful numbers box, the health office's note (a sentence about medicines and duty signed by
its delegate by name: no author), the "listen to this article" bar on pages read aloud, and a
JSON-LD ``ItemList`` of ``Pharmacy`` items whose ``openingHoursSpecification`` runs over the
roster's week.

Body: the story's parts (now and then a lead sentence of its own, a quoted statement,
intertitles, a bulleted list after its lead-in: body) in ``div.health-text``, typed per section
of a site (``layout["text"]``): ``p``, ``<p>``s with ``<h3>`` intertitles; ``sentences``, the
read-aloud template: ``<p>``s whose every sentence is a ``<span class="rs">`` of its own (with an
``id``), intertitles ``<h3>``, and the reader's bar before the text ("استمع إلى المقال", "مدة
الاستماع: 3 دقائق"); ``br``, runs separated by ``<br><br>`` with ``<b>`` intertitles. The dateline
is a ``p.dateline`` line above the text or the bold start of the first paragraph ("<b>city -
source</b> |").

Not body: the roster, placed per section (``layout["roster"]``): ``above``, the two nearest
pharmacies on duty before the ``<h1>`` (heading, week, hours and two cards: the pharmacists' "د.
X" come before the story's byline, "د. X" on some pages); ``inside``, the filter and three cards
between two parts of the text; ``after``, the full roster as a table after the text; ``side``, a
list in the sidebar. Also not body: the useful numbers, the health office's note, an ad and
read-also lines between the parts, tags, related stories, comments, the most read, the footer.

Bylines: "د. X" / "بقلم: د. X" (``titled``: the title is no part of the name), "كتب: X",
"إعداد: X", the bare name, or metadata only, before or after the text; the pharmacists and the
delegate are no authors. Head: og tags, the pharmacies' ``ItemList``; on metadata-dated pages
(and for metadata-only bylines) a JSON-LD ``NewsArticle`` and ``article:published_time``. Dates:
metadata (second) or the meta row (minute or day); the roster's week and its "آخر تحديث" day are
never between the title and the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from crawler.simulator.markup import body, dates
from crawler.simulator.markup.body import Part, sentences
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import break_runs, esc, inline
from crawler.simulator.markup.page import Page, Traits

NAME = "pharmacy_duty"
TRAITS = Traits(
    date_formats=("weekday_day", "maghreb_time", "maghreb_day", "numeric_time",
                  "weekday_comma_ampm"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("titled", "titled", "kataba", "bare", "meta_only"),
    byline_prefixes={"titled": ("د. ", "بقلم: د. "), "kataba": ("كتب: ", "إعداد: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.8, caption=0.6,
)

ROSTER_PLACES = ("above", "inside", "after", "side")
"""Where each section of a site puts the look-alike box."""
STYLES = ("p", "sentences", "br")

CITIES = ("القنيطرة", "الجديدة", "تطوان", "بني ملال", "آسفي", "خريبكة")
DISTRICTS = ("حي السلام", "حي الرياض", "المدينة القديمة", "حي النهضة", "حي الأندلس",
             "الحي الصناعي", "حي الزيتون", "حي المسيرة")
PHARMACIES = ("صيدلية الشفاء", "صيدلية النور", "صيدلية الياسمين", "صيدلية الحكمة",
              "صيدلية المستقبل", "صيدلية الرحمة", "صيدلية الأطلس", "صيدلية البستان",
              "صيدلية الفردوس")
STREETS = ("شارع المقاومة", "زنقة الأرز", "شارع الجيش", "ساحة الاستقلال", "زنقة الورود",
           "شارع الوحدة", "طريق المطار")
LANDMARKS = ("قرب المسجد الكبير", "مقابل السوق المركزي", "بجانب المدرسة الابتدائية",
             "قرب محطة الحافلات", "خلف دار الشباب")
PHARMACIST_FIRST = ("نجلاء", "كمال", "سلوى", "رؤوف", "هند", "توفيق", "جميلة", "صفاء", "إلهام")
PHARMACIST_FAMILY = ("البقالي", "الزياني", "بنجلون", "العمراني", "الوزاني", "الشرايبي")
"""The pharmacists and the health office's delegate: a pool of their own, none an author."""
TITLES = ("د. ", "الصيدلانية ", "الصيدلي ")
HEADING = ("صيدليات الحراسة بمدينة {city}", "الصيدليات المناوبة في {city}")
NEAREST = ("أقرب صيدلية حراسة", "صيدليات الحراسة الليلة")
WEEK = "من {first} إلى {last}"
HOURS = (("الحراسة الليلية من الساعة 20:30 إلى 08:30 صباحا", "20:30", "08:30"),
         ("المداومة من 21:00 مساء إلى 09:00 صباحا", "21:00", "09:00"))
"""The night duty's hours: as the roster prints them, its opening and its closing."""
FILTER = ("اختر الحي", "كل الأحياء")
COLUMNS = ("الحي", "الصيدلية", "الصيدلي", "العنوان", "الهاتف")
UPDATED = "آخر تحديث: {day}"
ALL = ("عرض كل الصيدليات", "الجدول الكامل")
NUMBERS_HEADING = ("أرقام تهمك", "أرقام الطوارئ")
NUMBERS = ("الإسعاف: 150", "الوقاية المدنية: 15", "الشرطة: 19", "مركز محاربة التسمم: 0801000180",
           "الدرك: 177")
NOTE_HEADING = ("مذكرة المندوبية", "تنبيه من مندوبية الصحة")
NOTE = ("تذكر المندوبية بأن صيدليات الحراسة ملزمة بفتح أبوابها طيلة مدة المداومة، وتدعو المواطنين "
        "إلى التبليغ عن أي إخلال بهذا الالتزام.",
        "تنبه المندوبية إلى أن بعض الأدوية تصرف بوصفة طبية فقط، حتى خلال ساعات الحراسة الليلية.")
SIGNED = "المندوب الإقليمي للصحة: {name}"
LISTEN = ("استمع إلى المقال", "مدة الاستماع: {n} دقائق", "سرعة القراءة")
SERVICES_MENU = ("صيدليات الحراسة", "المستشفيات", "المختبرات", "أرقام الطوارئ", "مواعيد التلقيح")
KICKER = ("صحة", "صحتك")


@dataclass(frozen=True)
class Entry:
    district: str
    pharmacy: str
    pharmacist: str
    """With the title: "د. X", "الصيدلانية X" (the name after the title)."""
    address: str
    phone: str


def _week(page: Page) -> tuple[datetime, datetime]:
    """The roster's week: Saturday to Friday around the render day, site time."""
    now = page.today.astimezone(dates.site_zone(page.article.site))
    first = (now - timedelta(days=(now.weekday() - 5) % 7)).replace(hour=20, minute=30,
                                                                    second=0, microsecond=0)
    return first, first + timedelta(days=6)


def _entries(page: Page, count: int) -> list[Entry]:
    rng = page.rng
    out = []
    names = [f"{first} {family}" for first, family in zip(
        rng.sample(PHARMACIST_FIRST, count), rng.choices(PHARMACIST_FAMILY, k=count), strict=True)]
    for district, pharmacy, name in zip(rng.sample(DISTRICTS, count),
                                        rng.sample(PHARMACIES, count), names, strict=True):
        title = rng.choice(TITLES)
        address = f"{rng.choice(STREETS)}، رقم {rng.randint(2, 140)}، {rng.choice(LANDMARKS)}"
        phone = f"05 {rng.randint(22, 39)} {rng.randint(10, 99)} {rng.randint(10, 99)} " \
                f"{rng.randint(10, 99)}"
        out.append(Entry(district, pharmacy, title + name, page.digits(address),
                         page.digits(phone)))
    return out


def _record(page: Page, entry: Entry) -> None:
    page.record("roster", [entry.district, entry.pharmacy, entry.pharmacist, entry.address,
                           entry.phone])


def _card(entry: Entry) -> str:
    return (f'<div class="ph-card"><h4 class="ph-name">{esc(entry.pharmacy)}</h4><dl>'
            f'<dt>{esc(COLUMNS[0])}</dt><dd class="district">{esc(entry.district)}</dd>'
            f'<dt>{esc(COLUMNS[2])}</dt><dd class="pharmacist">{esc(entry.pharmacist)}</dd>'
            f'<dt>{esc(COLUMNS[3])}</dt><dd>{esc(entry.address)}</dd>'
            f'<dt>{esc(COLUMNS[4])}</dt><dd class="phone"><a href="tel:{entry.phone}">'
            f"{esc(entry.phone)}</a></dd></dl></div>")


def _roster(page: Page, place: str, city: str) -> tuple[str, list[Entry]]:
    rng = page.rng
    first, last = _week(page)
    site = page.article.site
    heading = page.record("roster", [page.stable("roster-heading").choice(HEADING).format(
        city=city)])[0]
    week, hours = page.record("roster", [
        WEEK.format(first=dates.visible(first, "weekday_day", site, page.eastern),
                    last=dates.visible(last, "weekday_day", site, page.eastern)),
        page.digits(page.stable("hours").choice(HOURS)[0])])
    top = (f'<p class="week"><span class="week-span">{esc(week)}</span> <span class="hours">'
           f'{esc(hours)}</span></p>')
    if place == "above":
        entries = _entries(page, 2)
        label = page.pick("roster", NEAREST)
        more = page.pick("roster", ALL)
        for entry in entries:
            _record(page, entry)
        return (f'<section class="duty-roster above"><h2>{esc(heading)}</h2>{top}<h3>'
                f'{esc(label)}</h3><div class="ph-cards">{"".join(_card(e) for e in entries)}'
                f'</div><a class="all" href="/services/pharmacies">{esc(more)}</a></section>'), \
            entries
    if place == "side":
        entries = _entries(page, rng.randint(4, 6))
        items = []
        for entry in entries:
            _record(page, entry)
            items.append(f'<li><b class="ph-name">{esc(entry.pharmacy)}</b> <span class='
                         f'"district">{esc(entry.district)}</span><br><span class="pharmacist">'
                         f'{esc(entry.pharmacist)}</span> <a href="tel:{entry.phone}">'
                         f"{esc(entry.phone)}</a></li>")
        return (f'<section class="duty-roster side"><h3>{esc(heading)}</h3>{top}<ul>'
                f'{"".join(items)}</ul></section>'), entries
    filter_label, all_label = page.record("roster", list(FILTER))
    entries = _entries(page, 3 if place == "inside" else rng.randint(5, 8))
    options = "".join(f"<option>{esc(e.district)}</option>" for e in entries)
    select = (f'<label class="filter">{esc(filter_label)} <select><option>{esc(all_label)}'
              f"</option>{options}</select></label>")
    updated = page.record("roster", [UPDATED.format(day=dates.visible(
        page.today, "numeric_day", site, page.eastern))])[0]
    if place == "inside":
        for entry in entries:
            _record(page, entry)
        return (f'<aside class="duty-roster inside"><h4>{esc(heading)}</h4>{top}{select}'
                f'<div class="ph-cards">{"".join(_card(e) for e in entries)}</div>'
                f'<small class="updated">{esc(updated)}</small></aside>'), entries
    heads = page.record("roster", list(COLUMNS))
    rows = []
    for entry in entries:
        _record(page, entry)
        rows.append(f'<tr><td class="district">{esc(entry.district)}</td><td class="ph-name">'
                    f'{esc(entry.pharmacy)}</td><td class="pharmacist">{esc(entry.pharmacist)}'
                    f'</td><td>{esc(entry.address)}</td><td class="phone">{esc(entry.phone)}'
                    "</td></tr>")
    return (f'<section class="duty-roster after"><h2>{esc(heading)}</h2>{top}{select}'
            '<table class="roster"><thead><tr>' + "".join(f"<th>{esc(h)}</th>" for h in heads)
            + f'</tr></thead><tbody>{"".join(rows)}</tbody></table><small class="updated">'
            f"{esc(updated)}</small></section>"), entries


def _pharmacies_ld(page: Page, city: str, entries: list[Entry]) -> dict[str, Any]:
    first, last = _week(page)
    _, opens, closes = page.stable("hours").choice(HOURS)
    return {"@context": "https://schema.org", "@type": "ItemList",
            "itemListElement": [
                {"@type": "ListItem", "position": k + 1, "item": {
                    "@type": "Pharmacy", "name": e.pharmacy, "telephone": e.phone,
                    "address": {"@type": "PostalAddress", "streetAddress": e.address,
                                "addressLocality": city},
                    "openingHoursSpecification": {
                        "@type": "OpeningHoursSpecification", "opens": opens,
                        "closes": closes, "validFrom": first.date().isoformat(),
                        "validThrough": last.date().isoformat()}}}
                for k, e in enumerate(entries)]}


def _numbers(page: Page) -> str:
    heading = page.pick("numbers", NUMBERS_HEADING)
    lines = page.record("numbers", [page.digits(x) for x in NUMBERS])
    return (f'<div class="useful-numbers"><h3>{esc(heading)}</h3><ul>'
            + "".join(f"<li>{esc(x)}</li>" for x in lines) + "</ul></div>")


def _note(page: Page) -> str:
    rng = page.rng
    heading = page.pick("health_note", NOTE_HEADING)
    delegate = f"{rng.choice(PHARMACIST_FIRST)} {rng.choice(PHARMACIST_FAMILY)}"
    note, signed = page.record("health_note", [rng.choice(NOTE), SIGNED.format(name=delegate)])
    return (f'<div class="health-note"><h3>{esc(heading)}</h3><p>{esc(note)}</p>'
            f'<p class="delegate">{esc(signed)}</p></div>')


def _listen(page: Page) -> str:
    label, length, speed = page.record("listen", [
        LISTEN[0], page.digits(LISTEN[1].format(n=page.rng.randint(2, 6))), LISTEN[2]])
    return (f'<div class="listen-bar"><button type="button">{esc(label)}</button> <span>'
            f'{esc(length)}</span> <label>{esc(speed)} <select><option>1x</option>'
            "<option>1.5x</option></select></label></div>")


def _spoken(text: str, counter: list[int]) -> str:
    """A paragraph whose every sentence is a ``span.rs`` (the read-aloud markup)."""
    pieces = sentences(text)
    if " ".join(pieces) != text:
        pieces = [text]
    out = []
    for piece in pieces:
        counter[0] += 1
        out.append(f'<span class="rs" id="rs-{counter[0]}">{esc(piece)}</span>')
    return " ".join(out)


def _text(page: Page, parts: list[Part], style: str, blocks: list[str]) -> str:
    rng = page.rng
    lead = page.dateline if page.dateline and page.dateline.position == "body_lead" else None
    counter = [0]
    pieces: list[tuple[str, bool, str]] = []
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            pieces.append((f"<b>{esc(text)}</b>", True, "subhead") if style == "br"
                          else (f"<h3>{esc(text)}</h3>", False, "subhead"))
        elif part.kind == "quote":
            pieces.append((f"<blockquote>{esc(text)}</blockquote>", False, "quote"))
        elif part.kind == "list":
            pieces.append(("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>",
                           False, "list"))
        else:
            run = _spoken(text, counter) if style == "sentences" else inline(text, rng, 0.2)
            if i == 0 and lead:
                run = f"<b>{esc(lead.text)}</b> | {run}"
            following = parts[i + 1].kind if i + 1 < len(parts) else ""
            kind = "lead-in" if following == "list" else "p"
            if style == "br":
                pieces.append((run, True, kind))
            else:
                pieces.append((f"<p>{run}</p>", False, kind))
    for block in blocks:
        spots = [k for k in range(1, len(pieces)) if pieces[k - 1][2] != "lead-in"]
        pieces.insert(rng.choice(spots) if spots else len(pieces), (block, False, "block"))
    out = []
    if page.dateline and page.dateline.position == "line":
        out.append(f'<p class="dateline">{esc(page.dateline.text)}</p>')
    if style == "br":
        out.append("".join(break_runs([(h, r) for h, r, _ in pieces])))
    else:
        out += [h for h, _, _ in pieces]
    return '<div class="health-text">\n' + "\n".join(out) + "\n</div>"


def render(page: Page) -> str:
    b = page.byline
    place = page.stable(f"roster-place:{page.section}").choice(ROSTER_PLACES)
    style = page.stable(f"text-module:{page.section}").choice(STYLES)
    page.layout.update(roster=place, text=style)
    city = page.stable("city").choice(CITIES)
    roster, entries = _roster(page, place, city)
    head = chrome.head(page, (_pharmacies_ld(page, city, entries),), articleSection="صحة")
    top = chrome.header(page, "maghreb_day", " › ")
    services = "".join(f'<li><a href="/services/{k}">{esc(x)}</a></li>' for k, x in enumerate(
        page.record("services_menu", list(SERVICES_MENU))))
    kicker = page.pick("kicker", KICKER)
    row = []
    if b.visible and b.position == "before":
        row.append(f'<span class="by">{esc(b.prefix)}{page.linked_names("/doctors/")}</span>')
    if page.date.visible:
        row.append(page.date_span())
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.25, bullets=0.2)
    blocks = chrome.interruptions(page)
    if place == "inside":
        blocks.append(roster)
    story = _text(page, parts, style, blocks)
    signed = (f'<p class="by-end">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    main, side, foot = chrome.after(page, "maghreb_day")
    return head + "\n".join([
        '<body class="health services">',
        top,
        f'<nav class="city-services"><ul>{services}</ul></nav>',
        '<div class="page">',
        roster if place == "above" else "",
        '<div class="cols"><main>',
        '<article class="health-story">',
        f'<a class="kicker" href="/health">{esc(kicker)}</a>',
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" · ".join(row)}</div>' if row else "",
        page.lead_figure(),
        chrome.share(page),
        _listen(page) if style == "sentences" else "",
        story,
        signed,
        roster if place == "after" else "",
        "</article>",
        _note(page),
        main,
        "</main>",
        '<aside class="sidebar">',
        roster if place == "side" else "",
        _numbers(page),
        side,
        "</aside></div></div>",
        foot,
    ])
