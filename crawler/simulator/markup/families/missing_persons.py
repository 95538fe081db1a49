"""A story of a portal's society desk (مجتمع / "ساعدونا في العثور عليهم") on its missing-persons
page: the desk's story beside the board of missing people's notices: each an ``<article
class="missing-card">`` of its own with the person's name as its ``<h3>``, the photo, the age,
where they were last seen, the day they went missing (before the story's day) and the family's
phone, now and then a "عُثر عليه" badge; the police hotline, the report-a-sighting form and an
``ItemList`` JSON-LD of ``Person`` entries with the missing people's names.

Body: the story's parts (now and then a lead sentence of its own, a quoted statement,
intertitles, a bulleted list after its lead-in: body) in ``div.society-story``, typed per section
of a site (``layout["text"]``: ``p``, ``div`` or ``br``, as ``portal_chrome.text`` types them).
The dateline is a ``p.dateline`` line above the text or the bold start of the first paragraph.

Not body: the board, placed per section (``layout["board"]``): ``above``, a row of three cards
before the ``<h1>``; ``inside``, one card between two parts of the text; ``after``, the whole
board after the text; ``side``, two cards in the sidebar. The missing people are no authors,
though each heads a card as a byline heads a story. Also an ad and read-also lines, tags,
related stories, comments, the most read and the footer.

Bylines: "كتب: X", "بقلم: X", the bare name or metadata only, before or after the text. Head:
og tags, the ``ItemList``; on metadata-dated pages (and for metadata-only bylines) a
``NewsArticle`` and ``article:published_time``. Dates: metadata (second) or the meta row.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from crawler.simulator.markup import body, dates
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import attr, esc
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE

NAME = "missing_persons"
TRAITS = Traits(
    date_formats=("weekday_time", "numeric_day", "wp_day", "levant_time", "dot_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("kataba", "biqalam_colon", "bare", "meta_only"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.8, caption=0.6,
)

BOARD_PLACES = ("above", "inside", "after", "side")

MISSING_FIRST = ("آدم", "ياسين", "رحاب", "جود", "إلياس", "ملاك", "تيم", "غفران")
MISSING_FAMILY = ("الدباغ", "العمراني", "الحسيني", "الرفاعي", "القرشي", "الطرابلسي")
"""The missing people: a pool of their own, none an author."""
AREAS = ("حي النخيل", "سوق الجملة", "محطة الحافلات المركزية", "شاطئ المدينة", "الحي الجامعي",
         "مدخل المستشفى الإقليمي")
TOWNS = ("بني ملال", "القيروان", "طنطا", "مادبا", "نزوى", "باتنة")
AGE = "العمر: {n} سنة"
LAST_SEEN = "آخر ظهور: {area}، {town}"
MISSING_SINCE = "تاريخ الاختفاء: {day}"
PHONE = "للتواصل مع العائلة: {n}"
FOUND = "عُثر عليه"
BOARD_HEADING = ("ساعدونا في العثور عليهم", "بلاغات المفقودين")
HOTLINE = ("الخط الساخن للإبلاغ عن المفقودين: 19 رقم مجاني", "أبلغ عن أي معلومة على الرقم 190")
FORM = ("هل رأيت أحدهم؟", "اسم المفقود", "مكان المشاهدة", "رقم هاتفك", "إرسال البلاغ")
KICKER = ("مجتمع", "مفقودون")


def _cards(page: Page, count: int) -> tuple[list[str], list[dict[str, Any]]]:
    rng = page.rng
    site = page.article.site
    out, people = [], []
    names = rng.sample([f"{f} {g}" for f in MISSING_FIRST for g in MISSING_FAMILY], count)
    for name in names:
        gone = (page.article.published or REFERENCE) - timedelta(days=rng.randint(2, 120))
        age, seen, since, phone = page.record("missing", [
            page.digits(AGE.format(n=rng.randint(7, 78))),
            LAST_SEEN.format(area=rng.choice(AREAS), town=rng.choice(TOWNS)),
            MISSING_SINCE.format(day=dates.visible(gone, "long_day", site, page.eastern)),
            page.digits(PHONE.format(n=f"06{rng.randrange(10**8):08d}"))])
        page.record("missing", [name])
        found = (f'<span class="badge">{esc(page.record("missing", [FOUND])[0])}</span>'
                 if rng.random() < 0.25 else "")
        photo = f"https://img.{page.site.domain}/missing/{rng.getrandbits(32):08x}.jpg"
        out.append(f'<article class="missing-card"><img src="{attr(photo)}" alt="{attr(name)}">'
                   f"<h3>{esc(name)}</h3>{found}<ul><li>{esc(age)}</li><li>{esc(seen)}</li>"
                   f'<li>{esc(since)}</li></ul><p class="phone">{esc(phone)}</p></article>')
        people.append({"@type": "Person", "name": name, "description": seen})
    return out, people


def _board(page: Page, place: str) -> tuple[str, dict[str, Any]]:
    count = {"above": 3, "inside": 1, "side": 2}.get(place, page.rng.randint(4, 6))
    cards, people = _cards(page, count)
    heading = page.pick("missing", BOARD_HEADING)
    tag, level = ("aside", "h4") if place == "inside" else ("section", "h2")
    html = (f'<{tag} class="missing-board {place}"><{level}>{esc(heading)}</{level}>'
            f'<div class="cards">{"".join(cards)}</div></{tag}>')
    return html, {"@context": "https://schema.org", "@type": "ItemList",
                  "itemListElement": [{"@type": "ListItem", "position": k + 1, "item": p}
                                      for k, p in enumerate(people)]}


def _form(page: Page) -> str:
    title, name, where, phone, send = page.record("sighting_form", list(FORM))
    hotline = page.pick("hotline", HOTLINE)
    return (f'<div class="hotline">{esc(hotline)}</div><form class="sighting"><h3>{esc(title)}'
            f"</h3><label>{esc(name)} <input></label><label>{esc(where)} <input></label>"
            f'<label>{esc(phone)} <input type="tel"></label><button type="submit">{esc(send)}'
            "</button></form>")


def render(page: Page) -> str:
    place = page.stable(f"board-place:{page.article.kind}:{page.section}").choice(BOARD_PLACES)
    style = page.stable(f"text:{page.article.kind}:{page.section}").choice(chrome.STYLES)
    page.layout.update(board=place, text=style)
    board, people = _board(page, place)
    head = chrome.head(page, (people,), articleSection="مجتمع")
    top = chrome.header(page, "weekday_day", " › ")
    kicker = page.pick("kicker", KICKER)
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.3, bullets=0.2)
    blocks = chrome.interruptions(page)
    if place == "inside":
        blocks.append(board)
    story = chrome.text(page, parts, style, blocks, "society-story")
    main, side, foot = chrome.after(page, "long_day")
    return head + "\n".join([
        '<body class="society missing">',
        top,
        '<div class="page">',
        board if place == "above" else "",
        '<div class="cols"><main>',
        '<article class="society-article">',
        f'<a class="kicker" href="/society">{esc(kicker)}</a>',
        f"<h1>{esc(page.headline)}</h1>",
        chrome.meta_row(page, " | "),
        page.lead_figure(),
        story,
        chrome.signed(page),
        chrome.share(page),
        "</article>",
        board if place == "after" else "",
        main,
        "</main>",
        '<aside class="sidebar">',
        board if place == "side" else "",
        _form(page),
        side,
        "</aside></div></div>",
        foot,
    ])
