"""A story of a portal's society desk about a citizens' petition, on the page that hosts the
petition (عريضة / "حملة توقيعات"): the desk's story beside the petition's own box: its title (a
heading that is not the story's), its text in the first person plural ("نحن الموقعين أدناه
..."), who started it and when ("أطلقها X في <day>"), the signatures counter and the goal with
a ``<progress>`` bar, the sign form, the latest signers ("X من <city>، منذ 5 دقائق") and the
starter's updates with their days: a second headline, prose, names and days around the story
that are none of its own.

Body (``div.story-text``): the story's parts (now and then a lead sentence of its own, a quoted
statement, intertitles, a list after its lead-in: body), typed per section of a site as
``<p>``s, ``<div class="para">``s or ``<br><br>`` runs (``layout["text"]``); the dateline a line
of its own above them or their bold start. Not body: the petition (``section.petition``:
"عريضة"، its ``<h2>`` title, its text ``div.petition-text``, "أطلقها: X" and the day one to
twenty days before the story, the counter "12,480 توقيعا من أصل 20,000", the form and the
"وقّع العريضة" button, the latest signers ``ul.signers``, the starter's updates
``ul.updates`` dated between the launch and the story), the disclaimer "العرائض المنشورة
تعبر عن آراء أصحابها", an ad and read-also lines between the parts. Each section of a site
places the petition one way (``layout["petition"]``): ``above``, a campaign banner before the
``<h1>`` (the petition's title, the counter and "وقّع الآن") and the full box after the text;
``inside``, the box between two parts of the text; ``side``, the box in the sidebar.

Bylines: "كتب: X", "بقلم: X", the bare name, or metadata only, before or after the text; the
starter and the signers are no authors. Head: og tags; on metadata-dated pages (and for
metadata-only bylines) a JSON-LD ``NewsArticle`` and ``article:published_time``. Dates:
metadata (second) or the meta row (minute or day); the petition's days are never between the
title and the text.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from crawler.simulator.markup import body, dates
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import esc
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE

NAME = "petition_campaign"
TRAITS = Traits(
    date_formats=("weekday_day", "long_day", "numeric_time", "time_first", "weekday_time"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("kataba", "biqalam_colon", "bare", "meta_only"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.75, caption=0.6,
)

FIRST = ("أنور", "ريم", "جلال", "وفاء", "ماجد", "إيمان", "نبيل", "سهام", "رياض", "غدير")
FAMILY = ("الصباغ", "بن يوسف", "المرزوقي", "العطار", "الجبوري", "القرشي", "الهاشمي", "الزعبي")
"""Starters and signers: a pool of their own, none an author."""
CITIES = ("بنزرت", "الزرقاء", "وجدة", "الإسماعيلية", "سطيف", "نزوى", "صيدا", "الخليل")
LABEL = ("عريضة", "حملة توقيعات")
TITLES = ("نطالب بإعادة فتح المكتبة العمومية في الحي", "معا من أجل إنارة الطريق الساحلي",
          "لا لإغلاق المستوصف الوحيد في البلدة", "نطالب بحافلة مدرسية لأطفال القرى المجاورة",
          "أنقذوا الحديقة العامة من البناء")
TEXTS = ("نحن الموقعين أدناه، سكان الحي وأولياء التلاميذ، نتوجه إلى المسؤولين المحليين بهذا "
         "النداء بعد أشهر من الانتظار دون رد.",
         "نطالب بتدخل عاجل يضع حدا لمعاناة الأسر، ونؤكد أن مطلبنا بسيط ولا يحتمل مزيدا من "
         "التأجيل.",
         "إن صمت الجهات المعنية لم يعد مقبولا، ونحن مستعدون للحوار والمشاركة في إيجاد الحلول.",
         "سنسلم هذه العريضة إلى المجلس البلدي فور بلوغ العدد المطلوب من التوقيعات.")
STARTED = "أطلقها: {name}"
COUNTER = "{n} توقيعا من أصل {goal}"
FORM = ("الاسم الكامل", "المدينة", "البريد الإلكتروني", "أظهر اسمي في قائمة الموقعين",
        "وقّع العريضة")
BANNER = ("وقّع الآن", "أضف توقيعك")
SIGNERS = ("آخر الموقعين", "وقعوا مؤخرا")
SIGNED = "{name} من {city}، {age}"
UPDATES = ("مستجدات الحملة", "تحديثات من صاحب العريضة")
UPDATE_LINES = ("تجاوزنا نصف الهدف، شكرا لكل من وقع وشارك", "استقبلنا رئيس المجلس البلدي "
                "ووعد بدراسة المطلب", "نشرت صحف محلية خبر الحملة، واصلوا المشاركة")
DISCLAIMER = ("العرائض المنشورة تعبر عن آراء أصحابها ولا تلزم الموقع",
              "الموقع منصة لنشر العرائض ولا يتبنى مضمونها")


def _count(page: Page, n: int) -> str:
    return page.digits(f"{n:,}")


def _petition(page: Page, base: datetime, title: str, counter: str) -> str:
    rng, a = page.rng, page.article
    launched = base - timedelta(days=rng.randint(1, 20), hours=rng.randint(0, 20))

    def day(moment: datetime) -> str:
        return dates.visible(moment, "long_day", a.site, page.eastern)

    label = page.pick("petition", LABEL)
    text = page.record("petition", [TEXTS[0], *(TEXTS[k] for k in sorted(
        rng.sample(range(1, len(TEXTS)), rng.randint(1, 3))))])
    starter, when = page.record("petition", [
        STARTED.format(name=f"{rng.choice(FIRST)} {rng.choice(FAMILY)}"), day(launched)])
    form = page.record("petition", list(FORM))
    heading = page.pick("signers", SIGNERS)
    signers = []
    for _ in range(rng.randint(3, 6)):
        age = dates.age(timedelta(minutes=rng.randint(2, 600)))
        signers.append(page.record("signers", [SIGNED.format(
            name=f"{rng.choice(FIRST)} {rng.choice(FAMILY)}", city=rng.choice(CITIES),
            age=age)])[0])
    updates_heading = page.pick("updates", UPDATES)
    span = max(1, int((base - launched).total_seconds() // 3600) - 1)
    updates = []
    for line in rng.sample(UPDATE_LINES, rng.randint(1, 2)):
        at = day(launched + timedelta(hours=rng.randint(1, span)))
        updates.append(f'<li><span class="d">{esc(at)}</span> {esc(line)}</li>')
        page.record("updates", [at, line])
    disclaimer = page.pick("petition", DISCLAIMER)
    return (f'<section class="petition" id="sign"><span class="label">{esc(label)}</span>'
            f"<h2>{esc(title)}</h2>"
            f'<p class="starter">{esc(starter)} <span class="d">{esc(when)}</span></p>'
            '<div class="petition-text">' + "".join(f"<p>{esc(x)}</p>" for x in text)
            + f'</div><p class="counter">{esc(counter)}</p>'
            f'<progress max="100" value="{rng.randint(20, 95)}"></progress>'
            f'<form class="sign"><label>{esc(form[0])}</label><input><label>{esc(form[1])}'
            f"</label><input><label>{esc(form[2])}</label><input><label><input "
            f'type="checkbox"> {esc(form[3])}</label><button>{esc(form[4])}</button></form>'
            f'<h4>{esc(heading)}</h4><ul class="signers">'
            + "".join(f"<li>{esc(x)}</li>" for x in signers)
            + f'</ul><h4>{esc(updates_heading)}</h4><ul class="updates">{"".join(updates)}</ul>'
            f'<p class="disclaimer"><small>{esc(disclaimer)}</small></p></section>')


def render(page: Page) -> str:
    rng = page.rng
    place = page.stable(f"petition:{page.section}").choice(("above", "inside", "side"))
    style = page.stable(f"text:{page.section}").choice(chrome.STYLES)
    page.layout.update(petition=place, text=style)
    base = page.article.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    top = chrome.header(page, "weekday_comma_day", " / ")
    title = page.record("petition", [rng.choice(TITLES)])[0]
    goal = rng.choice((5000, 10000, 20000, 50000))
    counter = page.record("petition", [COUNTER.format(
        n=_count(page, rng.randint(goal // 5, goal - 1)), goal=_count(page, goal))])[0]
    banner = ""
    if place == "above":
        go = page.pick("petition", BANNER)
        banner = (f'<div class="campaign-banner"><strong>{esc(title)}</strong> '
                  f'<span>{esc(counter)}</span> <a href="#sign">{esc(go)}</a></div>')
    parts = body.shape(page, lead=0.2, quote=0.15, subheads=0.2, bullets=0.15)
    petition = _petition(page, base, title, counter)
    blocks = chrome.interruptions(page)
    if place == "inside":
        blocks.append(petition)
    story = chrome.text(page, parts, style, blocks, "story-text")
    main, side, foot = chrome.after(page)
    return chrome.head(page) + "\n".join([
        '<body class="petitions">',
        top,
        banner,
        '<div class="layout"><main>',
        '<article class="story">',
        f"<h1>{esc(page.headline)}</h1>",
        chrome.meta_row(page),
        page.lead_figure(),
        chrome.share(page),
        story,
        chrome.signed(page),
        "</article>",
        petition if place == "above" else "",
        main,
        "</main>",
        '<aside class="sidebar">',
        petition if place == "side" else "",
        side,
        "</aside></div>",
        foot,
    ])
