"""A story of a portal's travel desk (سياحة وسفر / "دليل المسافر") beside a travel advisory: the
advisory's level badge ("المستوى 3 من 4: أعد النظر في السفر"), a risk map (an inline SVG whose
region names are ``<text>`` labels, or a map picture with a caption), the levels' legend, the
table of regions with their levels and the day each was last reviewed, the validity line
("يسري هذا التحذير حتى <day>"), the advice to travellers as sentences, and the embassy's
emergency contacts with the consul's name: a second authority's prose, names, numbers and days
around the story.

Body (``div.story-text``): the story's parts (now and then a lead sentence of its own, a quoted
statement, intertitles, a list after its lead-in: body), typed per section of a site as
``<p>``s, ``<div class="para">``s or ``<br><br>`` runs (``layout["text"]``); the dateline a line
of its own above them or their bold start. Not body: the advisory (``section.advisory``: the
badge, the map, ``ul.legend``, ``table.regions`` (reviewed one to thirty days before the story),
the validity (one to three months after it), the advice ``ul.advice``, the contacts
``div.contacts`` "القنصل العام: X" and the phone numbers), the map's caption "المصدر: وزارة
الخارجية"، an ad and read-also lines between the parts. Each section of a site places the
advisory one way (``layout["advisory"]``): ``after``, after the text; ``inside``, between two
parts of the text; ``side``, in the sidebar. The map is an SVG or a picture per site
(``layout["map"]``); the map picture is no image of the article's.

Bylines: "كتب: X", "بقلم: X", the bare name, or metadata only, before or after the text; the
consul is no author. Head: og tags; on metadata-dated pages (and for metadata-only bylines) a
JSON-LD ``NewsArticle`` and ``article:published_time``. Dates: metadata (second) or the meta
row (minute or day); the advisory's days are never between the title and the text.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from crawler.simulator.markup import body, dates
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import attr, esc
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE

NAME = "travel_advisory"
TRAITS = Traits(
    date_formats=("weekday_day", "long_day", "numeric_time", "weekday_comma_ampm",
                  "numeric_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("kataba", "biqalam_colon", "bare", "meta_only"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.8, caption=0.7,
)

HEADINGS = ("تحذيرات السفر", "دليل المسافر: مستوى الخطر")
LEVELS = ("المستوى 1: اتخذ الاحتياطات المعتادة", "المستوى 2: توخ مزيدا من الحذر",
          "المستوى 3: أعد النظر في السفر", "المستوى 4: لا تسافر")
BADGE = "{level} (من 4)"
REGIONS = ("المنطقة الساحلية", "الشريط الحدودي الشمالي", "العاصمة والضواحي", "المرتفعات الوسطى",
           "الجزر الجنوبية", "الصحراء الشرقية", "الموانئ الغربية")
COLUMNS = ("المنطقة", "مستوى التحذير", "آخر مراجعة")
VALID = "يسري هذا التحذير حتى {day} ما لم يصدر تحديث"
ADVICE_HEADINGS = ("نصائح للمسافرين", "قبل أن تسافر")
ADVICE = ("سجل بياناتك لدى السفارة فور وصولك، واحتفظ بنسخة من جواز سفرك.",
          "تجنب التجمعات والمظاهرات وتابع وسائل الإعلام المحلية.",
          "تأكد من أن تأمين السفر يغطي الحالات الطارئة والإجلاء الطبي.",
          "لا تتنقل ليلا بين المدن إلا عند الضرورة.",
          "احمل معك ما يكفي من الأدوية الضرورية طوال مدة الإقامة.")
CONTACT_HEADINGS = ("أرقام الطوارئ", "للتواصل مع السفارة")
CONSUL = "القنصل العام: {name}"
FIRST = ("فيصل", "نوال", "شادي", "ميساء", "عماد", "لمياء", "حازم", "روان")
FAMILY = ("المهيري", "بن سالم", "العنزي", "الصيرفي", "الخزرجي", "الجابري", "الفارسي")
"""Consuls: a pool of their own, none an author."""
PHONES = ("هاتف الطوارئ: +{cc} {a} {b} {c}", "الخط الساخن للقنصلية: +{cc} {a} {b} {c}")
MAP_CREDIT = ("المصدر: وزارة الخارجية", "خريطة: وحدة الرسوم البيانية")
MAP_ALT = "خريطة مستويات الخطر"


def _map(page: Page, rows: list[tuple[str, int, str]], style: str) -> str:
    rng = page.rng
    credit = page.pick("map", MAP_CREDIT)
    if style == "svg":
        shapes = "".join(
            f'<g><rect x="{10 + 60 * k}" y="{rng.randint(10, 80)}" width="55" height="40" '
            f'class="lvl{lvl}"></rect><text x="{12 + 60 * k}" y="30">{esc(name)}</text></g>'
            for k, (name, lvl, _) in enumerate(rows))
        drawing = (f'<svg viewBox="0 0 {20 + 60 * len(rows)} 140" role="img" '
                   f'aria-label="{attr(MAP_ALT)}">{shapes}</svg>')
    else:
        drawing = (f'<img src="https://img.{page.site.domain}/maps/advisory-'
                   f'{rng.getrandbits(32):08x}.png" alt="{attr(MAP_ALT)}">')
    return f'<figure class="risk-map">{drawing}<figcaption>{esc(credit)}</figcaption></figure>'


def _advisory(page: Page, base: datetime, map_style: str) -> str:
    rng, a = page.rng, page.article

    def day(moment: datetime) -> str:
        return dates.visible(moment, "long_day", a.site, page.eastern)

    heading = page.pick("advisory", HEADINGS)
    regions = rng.sample(REGIONS, rng.randint(3, 5))
    rows = [(r, rng.randint(1, 4), day(base - timedelta(days=rng.randint(1, 30))))
            for r in regions]
    top = max(lvl for _, lvl, _ in rows)
    badge = page.record("advisory", [page.digits(BADGE.format(level=LEVELS[top - 1]))])[0]
    legend = page.record("advisory", [page.digits(x) for x in LEVELS])
    columns = page.record("advisory", list(COLUMNS))
    table = "".join("<tr>" + "".join(f"<td>{esc(x)}</td>" for x in page.record(
        "advisory", [r, page.digits(f"المستوى {lvl}"), when])) + "</tr>" for r, lvl, when in rows)
    valid = page.record("advisory", [VALID.format(day=day(
        base + timedelta(days=rng.randint(30, 90))))])[0]
    advice_heading = page.pick("advice", ADVICE_HEADINGS)
    advice = page.record("advice", rng.sample(ADVICE, rng.randint(2, 4)))
    contact_heading = page.pick("contacts", CONTACT_HEADINGS)
    digits = [str(rng.randint(100, 999)) for _ in range(3)]
    contacts = page.record("contacts", [
        CONSUL.format(name=f"{rng.choice(FIRST)} {rng.choice(FAMILY)}"),
        rng.choice(PHONES).format(cc=rng.choice((212, 20, 962, 971, 966)), a=digits[0],
                                  b=digits[1], c=digits[2])])
    return (f'<section class="advisory"><h2>{esc(heading)}</h2>'
            f'<p class="badge lvl{top}">{esc(badge)}</p>'
            + _map(page, [(r, lvl, w) for r, lvl, w in rows], map_style)
            + '<ul class="legend">' + "".join(f"<li>{esc(x)}</li>" for x in legend) + "</ul>"
            '<table class="regions"><tr>' + "".join(f"<th>{esc(c)}</th>" for c in columns)
            + f'</tr>{table}</table><p class="valid">{esc(valid)}</p>'
            f'<h3>{esc(advice_heading)}</h3><ul class="advice">'
            + "".join(f"<li>{esc(x)}</li>" for x in advice)
            + f'</ul><div class="contacts"><h3>{esc(contact_heading)}</h3>'
            + "".join(f"<p>{esc(x)}</p>" for x in contacts) + "</div></section>")


def render(page: Page) -> str:
    rng = page.rng
    place = page.stable(f"advisory:{page.section}").choice(("after", "inside", "side"))
    style = page.stable(f"text:{page.section}").choice(chrome.STYLES)
    map_style = page.stable("map").choice(("svg", "img"))
    page.layout.update(advisory=place, text=style, map=map_style)
    base = page.article.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    top = chrome.header(page, "levant_day")
    parts = body.shape(page, lead=0.2, quote=0.15, subheads=0.25, bullets=0.15)
    advisory = _advisory(page, base, map_style)
    blocks = chrome.interruptions(page)
    if place == "inside":
        blocks.append(advisory)
    story = chrome.text(page, parts, style, blocks, "story-text")
    main, side, foot = chrome.after(page, "weekday_day")
    return chrome.head(page) + "\n".join([
        '<body class="travel">',
        top,
        '<div class="layout"><main>',
        '<article class="story">',
        f"<h1>{esc(page.headline)}</h1>",
        chrome.meta_row(page),
        page.lead_figure(),
        chrome.share(page),
        story,
        chrome.signed(page),
        advisory if place == "after" else "",
        "</article>",
        main,
        "</main>",
        '<aside class="sidebar">',
        advisory if place == "side" else "",
        side,
        "</aside></div>",
        foot,
    ])
