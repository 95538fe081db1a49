"""A cultural-agenda story (أجندة ثقافية / فعاليات) of a portal's culture section: the desk's story
set around a coming event (a festival, a book fair, an exhibition): the event's date tile above
the title, the event card, the programme with its guests, the organiser's words about the
event, add-to-calendar links, the map and the week's other events: the event's own days, times
and people all round the story, none of them the story's.

Body (``div.event-story``): the story's parts (now and then a lead sentence of its own, a quoted
statement as a ``<blockquote>``, intertitles, a bulleted list after its lead-in: body). The
dateline, when shown, is a line of its own above them or the bold start of the first one
("الرباط - المغرب اليوم -", the text after it is body). Ad slots between two parts (not body).

Not body: the date tile above the ``<h1>`` (``div.date-tile``: the event's first day "22"
"نوفمبر", with the year in some sites' tiles), the status ("انتهت الفعالية" / "الفعالية جارية"
/ "تبدأ بعد 5 أيام", counted from the render day); on some pages the deck under the ``<h1>``
("بمشاركة X وY": the event's guests, never authors, between the title and the byline); the event
card (``aside.event-card``: the event's name, edition, venue, days "من 22 إلى 30 نوفمبر 2024",
hours, entry, organiser, phone, the tickets' sale day), placed per section
(``layout["card"]``): ``above`` the ``<h1>``, ``after_lead`` inside the text after its first
part, or ``side``; the programme (``table.programme``: day, time, item, guest), placed per
section (``layout["programme"]``): ``inside``, between two body parts, or ``after`` the text;
"عن الفعالية" (the organiser's presentation: prose, not body); the calendar links; the map and
its address; the other events ("فعاليات أخرى": names, days, venues).

Bylines: "كتب: X", "متابعة: X", "بقلم: X", the bare name, or metadata only; in the meta row under
the ``<h1>`` or after the text. Text-dated pages print the date in the meta row with its label.
Page: the header (logo, menu, today's date: render time), breadcrumbs, the kicker ("أجندة
ثقافية"); the tile; the ``<h1>``; the deck; the meta row; share buttons; the lead image with its
caption. After the text: the byline when after, the programme (``after``), the presentation,
the calendar links, the map, tags, other events, related stories with dates, the comments;
the sidebar: the card (``side``), most read with dates; the footer.

Head: og tags; on every page a JSON-LD ``Event`` (``startDate`` and ``endDate``: machine dates
days *after* the publication, ``location``, ``organizer``, ``performer`` the guests,
``offers``); on metadata-dated pages (and for metadata-only bylines) a JSON-LD ``NewsArticle``
and ``article:published_time``. Text-dated and undated pages carry no machine publication date.
Dates: metadata (second) or the meta row (minute or day); undated pages show the event's days
and times, the lists' dates and the header's day, never between the title and the text.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, esc
from crawler.simulator.markup.page import Page, Traits, link_items
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import WEEKDAYS, slugify

NAME = "event_agenda"
TRAITS = Traits(
    date_formats=("long_day", "weekday_time", "wp_day", "numeric_time", "weekday_comma_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("kataba", "kataba", "biqalam_colon", "bare", "meta_only"),
    byline_prefixes={"kataba": ("كتب: ", "متابعة: ", "كتب - ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.75, caption=0.6,
)

KICKERS = ("أجندة ثقافية", "فعاليات", "دليل الفعاليات")
EVENTS = ("مهرجان {city} للموسيقى الأندلسية", "معرض {city} الدولي للكتاب",
          "ملتقى {city} للفنون التشكيلية", "أيام {city} السينمائية", "مهرجان {city} للمسرح",
          "معرض الحرف التقليدية في {city}", "صالون {city} للصورة الفوتوغرافية",
          "ليالي {city} الموسيقية")
"""Events (invented)."""
CITIES = ("أكادير", "وهران", "صفاقس", "إربد", "صلالة", "جدة", "الإسكندرية", "نابلس", "فاس",
          "العقبة", "الشارقة", "سوسة", "قسنطينة", "المنامة")
EDITIONS = ("الدورة الثالثة", "الدورة الخامسة", "الدورة السابعة", "الدورة العاشرة",
            "الدورة الثانية عشرة", "الدورة العشرون")
VENUES = ("قصر الثقافة", "المسرح البلدي", "مركز المعارض الدولي", "دار الأوبرا", "المكتبة الوطنية",
          "رواق الفنون المعاصرة", "فضاء الحرية الثقافي")
ORGANIZERS = ("جمعية أصدقاء الفن", "مؤسسة الضفتين للثقافة والفنون", "المركز الثقافي البلدي",
              "اتحاد الكتاب والأدباء", "دار الفنون الجميلة")
ENTRY = ("الدخول مجاني", "الدخول مجاني بالدعوة", "تذاكر بأسعار رمزية", "الدخول بتذكرة")
CARD_HEADINGS = ("بطاقة الفعالية", "معلومات الفعالية")
CARD_LABELS = ("الفعالية:", "الدورة:", "المكان:", "التاريخ:", "التوقيت:", "الدخول:", "المنظم:",
               "للاستعلام:")
HOURS = "يوميا من {a}:00 إلى {b}:00"
SALE = "بيع التذاكر ابتداء من {day}"
STATUS = ("انتهت الفعالية", "الفعالية جارية الآن", "تبدأ غدا", "تبدأ بعد يومين",
          "تبدأ بعد {n} أيام", "تبدأ بعد {n} يوما")
DECK = "بمشاركة {a} و{b}"
PROGRAMME_HEADINGS = ("برنامج الفعالية", "البرنامج اليومي")
PROGRAMME_COLUMNS = ("اليوم", "الساعة", "الفقرة", "بمشاركة")
ITEMS = ("حفل الافتتاح الرسمي", "ندوة حول مستقبل القراءة", "أمسية شعرية", "عرض مسرحي للأطفال",
         "ورشة في الخط العربي", "حفل موسيقي", "لقاء مفتوح مع الجمهور", "توقيع إصدارات جديدة",
         "عرض فيلم وثائقي", "حفل الاختتام وتوزيع الجوائز")
GUEST_FIRST = ("غسان", "ريم", "مازن", "لينا", "جواد", "عبير", "شادي", "أسماء", "نبيل", "ياسمين")
GUEST_FAMILY = ("الكوهن", "المراكشي", "الصافي", "بن سالم", "الدباغ", "الخوري", "الفرجاني",
                "الشاوي")
"""Guests and performers: a pool of names of their own (never an author)."""
ABOUT_HEADINGS = ("عن الفعالية", "تعريف بالفعالية")
ABOUT = ("انطلقت هذه التظاهرة قبل سنوات بمبادرة من {org}، وتحولت إلى موعد سنوي ينتظره جمهور {city} "
         "وزوارها من داخل البلاد وخارجها.",
         "يراهن المنظمون هذا العام على برنامج أوسع يجمع بين العروض والندوات والورشات، مع فقرات "
         "مخصصة للأطفال والشباب.",
         "تستقبل الفعالية زوارها طيلة أيامها، وتخصص فضاءات للقاء الجمهور بالضيوف وتوقيع الإصدارات "
         "الجديدة.")
"""The organiser's presentation (written for this generator): prose, not the story."""
CALENDAR = ("أضف إلى التقويم", "أضف إلى تقويم Google", "تحميل ملف iCal")
TICKETS = ("احجز تذكرتك", "شراء التذاكر")
MAP_HEADINGS = ("موقع الفعالية", "كيف تصل إلى المكان")
OTHER_HEADINGS = ("فعاليات أخرى", "أجندة الأسبوع", "فعاليات قادمة")
MAGHREB_SITES = ("almaghribtoday", "casablancatoday", "moroccosports")


def _month(page: Page, moment: datetime) -> str:
    names = dates.MAGHREBI if page.article.site in MAGHREB_SITES else dates.GREGORIAN
    return names[moment.month - 1]


def _span(page: Page, start: datetime, end: datetime) -> str:
    """"من 22 إلى 30 نوفمبر 2024", "من 28 نوفمبر إلى 3 ديسمبر 2024" or "22 نوفمبر 2024"."""
    if start.date() == end.date():
        text = f"{start.day} {_month(page, start)} {start.year}"
    elif start.month == end.month:
        text = f"من {start.day} إلى {end.day} {_month(page, end)} {end.year}"
    else:
        text = f"من {start.day} {_month(page, start)} إلى {end.day} {_month(page, end)} {end.year}"
    return page.digits(text)


def _status(page: Page, start: datetime, end: datetime) -> str:
    """The tile's status, counted from the render day (not the story's)."""
    if page.today > end:
        return STATUS[0]
    if page.today >= start:
        return STATUS[1]
    left = (start.date() - page.today.astimezone(start.tzinfo).date()).days
    return STATUS[min(left, 3) + 1].format(n=left) if left <= 10 else STATUS[5].format(n=left)


def _guests(page: Page, count: int) -> list[str]:
    rng, taken = page.rng, set(page.article.authors)
    out: list[str] = []
    while len(out) < count:
        name = f"{rng.choice(GUEST_FIRST)} {rng.choice(GUEST_FAMILY)}"
        if name not in taken:
            taken.add(name)
            out.append(name)
    return out


def _card(page: Page, values: list[str]) -> str:
    heading = page.pick("event_card", CARD_HEADINGS)
    page.record("event_card", [*CARD_LABELS[:len(values)], *values])
    rows = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>"
                   for k, v in zip(CARD_LABELS, values, strict=False))
    sale = values[len(CARD_LABELS):]
    return (f'<aside class="event-card"><h3>{esc(heading)}</h3><dl>{rows}</dl>'
            + "".join(f'<p class="sale">{esc(s)}</p>' for s in sale) + "</aside>")


def _programme(page: Page, start: datetime, end: datetime, guests: list[str]) -> str:
    rng = page.rng
    heading = page.pick("programme", PROGRAMME_HEADINGS)
    page.record("programme", list(PROGRAMME_COLUMNS))
    days = (end.date() - start.date()).days
    rows = []
    for k, item in enumerate(rng.sample(ITEMS, len(guests))):
        day = start + timedelta(days=min(days, k * max(1, days // max(1, len(guests) - 1))))
        row = page.record("programme", [
            page.digits(f"{WEEKDAYS[day.weekday()]} {day.day} {_month(page, day)}"),
            page.digits(f"{rng.choice((11, 16, 18, 19, 20, 21))}:{rng.choice(('00', '30'))}"),
            item, guests[k]])
        rows.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>")
    return (f'<table class="programme"><caption>{esc(heading)}</caption><tr>'
            + "".join(f"<th>{esc(c)}</th>" for c in PROGRAMME_COLUMNS) + "</tr>" + "".join(rows)
            + "</table>")


def _story(page: Page, parts: list[Part], card: str, programme: str) -> str:
    rng = page.rng
    html = body.parts_html(page, parts, lead_tag="b", lead_mark=" -")
    blocks = [f'<div class="ad"><span>{esc(page.pick("ad", furniture.AD_LABELS))}</span></div>'
              for _ in range(rng.randint(1, 2))]
    if programme:
        blocks.append(programme)
    for block in blocks:  # between two parts, never between a list's lead-in and its list
        spots = [i for i in range(1, len(html)) if not html[i].startswith("<ul>")]
        html.insert(rng.choice(spots) if spots else len(html), block)
    if card:
        html.insert(1, card)
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    return '<div class="event-story">\n' + "\n".join(html) + "\n</div>"


def _others(page: Page, base: datetime, event: str) -> list[str]:
    rng, out = page.rng, []
    zone = dates.site_zone(page.article.site)
    for template in rng.sample([e for e in EVENTS if e != event], rng.randint(3, 4)):
        first = (base + timedelta(days=rng.randint(-10, 40))).astimezone(zone)
        row = page.record("other_events", [template.format(city=rng.choice(CITIES)), _span(
            page, first, first + timedelta(days=rng.randint(0, 6))), rng.choice(VENUES)])
        out.append(f'<li><a href="/events/{rng.randint(100, 9999)}">{esc(row[0])}</a> '
                   f'<span class="d">{esc(row[1])}</span> <span class="v">{esc(row[2])}</span>'
                   "</li>")
    return out


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    card_place = page.stable(f"card:{page.section}").choice(("above", "after_lead", "side"))
    programme_place = page.stable(f"programme:{page.section}").choice(("inside", "after"))
    tile_year = page.stable("tile-year").random() < 0.5
    page.layout.update(card=card_place, programme=programme_place)
    zone = dates.site_zone(a.site)
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    start = (base + timedelta(days=rng.randint(3, 25))).astimezone(zone).replace(
        hour=rng.choice((10, 17, 18, 19)), minute=0, second=0, microsecond=0)
    end = (start + timedelta(days=rng.randint(0, 9))).replace(hour=22)
    city = rng.choice(CITIES)
    event_template = rng.choice(EVENTS)
    event = event_template.format(city=city)
    venue, organizer, entry = rng.choice(VENUES), rng.choice(ORGANIZERS), rng.choice(ENTRY)
    guests = _guests(page, rng.randint(3, 5))

    kicker = page.pick("label", KICKERS)
    tile = page.record("date_tile", [page.digits(str(start.day)), _month(page, start)]
                       + ([page.digits(str(start.year))] if tile_year else []))
    status = page.record("date_tile", [page.digits(_status(page, start, end))])[0]
    values = [event, rng.choice(EDITIONS), f"{venue}، {city}", _span(page, start, end),
              page.digits(HOURS.format(a=rng.choice((10, 16, 17)), b=rng.choice((20, 22, 23)))),
              entry, organizer, page.digits(f"0{rng.randint(5, 6)}{rng.randint(10**7, 10**8 - 1)}")]
    if entry in ENTRY[2:]:  # ticketed events say when the tickets go on sale
        sale = start - timedelta(days=rng.randint(5, 20))
        values.append(page.digits(SALE.format(day=f"{sale.day} {_month(page, sale)}")))
    card = _card(page, values)
    programme = _programme(page, start, end, guests)

    offers = {"@type": "Offer", "price": "0" if entry in ENTRY[:2] else "50",
              "url": f"{a.url}#tickets", "availability": "https://schema.org/InStock"}
    event_ld: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Event", "name": event,
        "startDate": start.isoformat(timespec="seconds"),
        "endDate": end.isoformat(timespec="seconds"),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {"@type": "Place", "name": venue,
                     "address": {"@type": "PostalAddress", "addressLocality": city}},
        "organizer": {"@type": "Organization", "name": organizer},
        "performer": [{"@type": "Person", "name": g} for g in guests], "offers": offers}
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} | {esc(kicker)} - {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + meta.ld_script(event_ld)
            + (meta.ld_script(meta.news_article(page))
               if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/static/culture.css">\n</head>\n')
    today = page.today_line(page.stable("today").choice(("weekday_day", "weekday_comma_day")))
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    crumbs = page.breadcrumbs()
    crumb_html = " › ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(crumbs))
    deck = ""
    if rng.random() < 0.5:
        line = page.record("deck", [DECK.format(a=guests[0], b=guests[1])])[0]
        deck = f'<p class="deck">{esc(line)}</p>'
        page.layout["deck"] = "yes"
    meta_row = []
    if b.visible and b.position == "before":
        meta_row.append(f'<span class="by">{esc(b.prefix)}{page.linked_names()}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())

    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.2, bullets=0.2)
    story = _story(page, parts, card if card_place == "after_lead" else "",
                   programme if programme_place == "inside" else "")
    signed = (f'<p class="signed">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    about_heading = page.pick("about", ABOUT_HEADINGS)
    about = page.record("about", [" ".join(rng.sample(ABOUT, 2)).format(org=organizer,
                                                                          city=city)])[0]
    calendar = page.pick("calendar", CALENDAR)
    tickets = page.pick("calendar", TICKETS)
    utc_span = f"{start.astimezone(UTC):%Y%m%dT%H%M%SZ}/{end.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    google = (f"https://calendar.google.com/calendar/render?action=TEMPLATE&text={quote(event)}"
              f"&dates={utc_span}&location={quote(venue)}")
    map_heading = page.pick("map", MAP_HEADINGS)
    address = page.record("map", [f"{venue}، {city}"])[0]
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    other_heading = page.pick("other_events", OTHER_HEADINGS)
    others = _others(page, base, event_template)
    related_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = link_items(page.links("related", rng.randint(3, 5), "long_day"))
    comments_heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    comments = "".join(f'<li><b>{esc(name)}</b> <span class="d">{esc(day)}</span>'
                       f"<p>{esc(words)}</p></li>"
                       for name, day, words in page.reader_comments(rng.randint(0, 2)))
    form = "".join(f"<label>{esc(x)}</label>" for x in page.comment_form())
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = link_items(page.links("most_read", 5, "numeric_day"))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="culture event">',
        f'<header><a class="logo" href="/"><img src="/logo.png" alt="{attr(page.label)}"></a>'
        f'<span class="today">{esc(today)}</span><nav><ul>{menu}</ul></nav></header>',
        f'<nav class="crumbs">{crumb_html}</nav>',
        '<div class="cols"><main><article class="event-article">',
        f'<span class="kicker">{esc(kicker)}</span>',
        '<div class="date-tile">' + "".join(f'<span class="{c}">{esc(t)}</span>'
                                             for c, t in zip("dmy", tile, strict=False))
        + f'<span class="status">{esc(status)}</span></div>',
        card if card_place == "above" else "",
        f"<h1>{esc(page.headline)}</h1>",
        deck,
        f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else "",
        f'<div class="share">{share}</div>',
        page.lead_figure(),
        story,
        signed,
        programme if programme_place == "after" else "",
        f'<section class="about-event"><h3>{esc(about_heading)}</h3><p>{esc(about)}</p>'
        "</section>",
        f'<div class="calendar"><a href="{attr(google)}" rel="nofollow">{esc(calendar)}</a> '
        f'<a href="{attr(a.url)}#tickets" class="btn">{esc(tickets)}</a></div>',
        f'<section class="map"><h3>{esc(map_heading)}</h3><iframe title="map" loading="lazy" '
        f'src="https://maps.google.com/maps?q={attr(quote(address))}&amp;output=embed"></iframe>'
        f"<p>{esc(address)}</p></section>",
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="other-events"><h3>{esc(other_heading)}</h3><ul>{"".join(others)}</ul>'
        "</section>",
        f'<section class="related"><h3>{esc(related_heading)}</h3><ul>{related}</ul></section>',
        f'<section class="comments"><h3>{esc(comments_heading)}</h3><ol>{comments}</ol>'
        f"<form>{form}</form></section>",
        "</main>",
        f'<aside class="side">{card if card_place == "side" else ""}<h3>{esc(most_heading)}</h3>'
        f"<ol>{most}</ol></aside>",
        "</div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
