"""A tenders and announcements page (مناقصات وعطاءات / "إعلانات رسمية") of a portal's economy
section: the desk's story about a public tender or a recruitment call, with the announcement's
card of deadlines and numbers, the contact person, a countdown and other open tenders.

Body: the article's parts (now and then a lead sentence of its own, a quoted statement as a
``<blockquote>``, a bulleted list with its lead-in, intertitles: body) in ``div.tender-story``.
The dateline, when shown, is the story's first line (``p.dateline``) or the bold start of its
first paragraph ("مسقط - عمان اليوم:").

The announcement card (``aside.tender-card``, "بيانات المناقصة" / "تفاصيل الإعلان"): the
announcing body ("الجهة المعلنة:" a ministry or an office), the number ("رقم المناقصة:"
"37/2024" or "م ع/112/2024"), the price of the terms ("ثمن كراسة الشروط:" "150 دينارا"), the
deadline ("آخر موعد لتقديم العروض:" a day and time five to forty-five days *after* the
publication), the opening of the bids ("فتح المظاريف:" one to three days after the
deadline), the contact ("للاستفسار:" "المهندس X" / "السيدة X", a person of a name pool of
its own: never an author), and the status ("الحالة:" "سارية" / "مغلقة"). Each section of a site
places the card one way (``layout["card"]``): ``top``, above the ``<h1>`` with the countdown
("متبقي 12 يوما على إغلاق باب التقديم"), ``after_lead``, inside ``div.tender-story`` after
the first part, or ``side``, in the sidebar.

Bylines: "كتب: X", "متابعة: X", "المحرر الاقتصادي: X" / "قسم الإعلانات - X" (``edited_by``:
a desk's title, X is the author), "إعداد: X", the bare name, or metadata only; in the meta
row under the ``<h1>`` or after the text. Text-dated pages print the date on the meta row with
its label.
After the text: the byline when after, the notice ("الموقع ينشر الإعلانات للإعلام فقط، ويرجى
التحقق من الجهة المعلنة..."), the attachment ("تحميل نص الإعلان (PDF)" with the file size), the
other open tenders ("مناقصات مفتوحة": title and "ينتهي في: 12/05/2024": deadlines after the
publication), tags, the footer.

Head: og tags; on every page a JSON-LD ``Demand`` for the tender (``validThrough``: the deadline,
a machine date *after* the publication; ``seller`` the announcing body); on metadata-dated
pages (and for metadata-only bylines) a ``NewsArticle`` and ``article:published_time``.
Text-dated and undated pages carry no machine publication date.
Dates: metadata (second) or the meta row (minute or day); undated pages show the card's
deadline and opening, the open tenders' deadlines and the header's day, never between the
title and the text.
"""

from __future__ import annotations

from datetime import timedelta

from crawler.simulator.markup import body, dates, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, esc
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import eastern_digits, slugify

NAME = "tender_notice"
TRAITS = Traits(
    date_formats=("numeric_time", "long_day", "weekday_time", "slash_ymd", "maghreb_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc", "utc_z", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.2,
    byline_forms=("kataba", "kataba", "edited_by", "bare", "meta_only"),
    byline_prefixes={"kataba": ("كتب: ", "متابعة: ", "إعداد: "),
                     "edited_by": ("المحرر الاقتصادي: ", "قسم الإعلانات - ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.5, caption=0.5,
)

KICKERS = ("مناقصات وعطاءات", "إعلانات رسمية", "فرص عمل ومناقصات")
CARD_HEADINGS = ("بيانات المناقصة", "تفاصيل الإعلان")
BODIES = ("وزارة التجهيز والنقل", "المديرية العامة للمياه", "بلدية المدينة",
          "الهيئة العامة للطرق", "وزارة الصحة - مديرية المشتريات", "المكتب الوطني للكهرباء")
LABELS = ("الجهة المعلنة:", "رقم المناقصة:", "ثمن كراسة الشروط:", "آخر موعد لتقديم العروض:",
          "فتح المظاريف:", "للاستفسار:", "الحالة:")
CURRENCY = ("دينارا", "درهم", "ريال", "جنيه")
CONTACT_FIRST = ("هشام", "لبنى", "عمرو", "سناء", "بدر", "غادة", "نبيل", "وداد")
CONTACT_FAMILY = ("الجبوري", "التازي", "السقا", "الدباغ", "الريامي", "بوزيان")
"""Contact persons of the tenders: a pool of names of their own (no author)."""
FEMININE = frozenset({"لبنى", "سناء", "غادة", "وداد"})
STATUS = ("سارية", "سارية", "مغلقة")
COUNTDOWN = ("متبقي {n} يوما على إغلاق باب التقديم", "يغلق التقديم بعد {n} يوما")
NOTICES = ("الموقع ينشر الإعلانات للإعلام فقط، ويرجى التحقق من الجهة المعلنة قبل أي تعامل "
           "مالي.",
           "لا يتحمل الموقع أي مسؤولية عن مضمون الإعلانات، والعبرة بالنص الرسمي الصادر عن "
           "الجهة المعنية.")
ATTACHMENTS = ("تحميل نص الإعلان (PDF)", "كراسة الشروط للتحميل")
OPEN_HEADINGS = ("مناقصات مفتوحة", "إعلانات أخرى سارية")
OPEN_TENDERS = ("توريد أجهزة حاسوب لفائدة المدارس العمومية", "صيانة شبكة الإنارة العمومية",
                "تهيئة مسالك قروية بإقليم الجنوب", "توظيف مهندسين في الإعلاميات",
                "اقتناء سيارات إسعاف مجهزة", "بناء مركز صحي للقرب",
                "خدمات الحراسة والنظافة لمقر الإدارة", "تزويد المستشفيات بالأدوية الأساسية")
ENDS = ("ينتهي في:", "آخر أجل:")


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _parts_html(page: Page, parts: list[Part]) -> list[str]:
    return body.parts_html(page, parts, lead_tag="strong")


def _contact(page: Page, taken: set[str]) -> str:
    rng = page.rng
    while True:
        first = rng.choice(CONTACT_FIRST)
        name = f"{first} {rng.choice(CONTACT_FAMILY)}"
        if name not in taken:
            return f"{'السيدة' if first in FEMININE else 'المهندس'} {name}"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    where = page.stable(f"card:{page.section}").choice(("top", "after_lead", "side"))
    page.layout["card"] = where
    zone = dates.site_zone(a.site)
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    days_left = rng.randint(5, 45)
    deadline = (base + timedelta(days=days_left)).astimezone(zone).replace(
        hour=rng.choice((10, 12, 14, 16)), minute=0, second=0, microsecond=0)
    opening = deadline + timedelta(days=rng.randint(1, 3))
    year = deadline.year
    authority = page.stable("authority").choice(BODIES)
    number = (f"{rng.randint(3, 240)}/{year}" if page.stable("number").random() < 0.5
              else f"م ع/{rng.randint(10, 400)}/{year}")
    price = f"{rng.choice((50, 100, 150, 200, 300, 500))} {page.stable('cur').choice(CURRENCY)}"
    contact = _contact(page, set(a.authors) | set(b.names))
    status = STATUS[2] if rng.random() < 0.15 else STATUS[0]
    values = [authority, _digits(page, number), _digits(page, price),
              dates.visible(deadline, "weekday_time", a.site, page.eastern),
              dates.visible(opening, "numeric_time", a.site, page.eastern), contact, status]
    card_heading = page.pick("tender", CARD_HEADINGS)
    page.record("tender", [*LABELS, *values])
    countdown = ""
    if where == "top":
        countdown = page.record("countdown", [_digits(page, page.stable("countdown").choice(
            COUNTDOWN).format(n=days_left))])[0]
    card = (f'<aside class="tender-card"><h3>{esc(card_heading)}</h3>'
            + (f'<p class="countdown">{esc(countdown)}</p>' if countdown else "")
            + "<table><tbody>"
            + "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>"
                      for k, v in zip(LABELS, values, strict=True))
            + "</tbody></table></aside>")
    demand = {"@context": "https://schema.org", "@type": "Demand",
              "name": f"مناقصة رقم {number}", "validThrough": deadline.isoformat(),
              "seller": {"@type": "GovernmentOrganization", "name": authority}}
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} - {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + meta.ld_script(demand)
            + (meta.ld_script(meta.news_article(page))
               if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/assets/tenders.css">\n</head>\n')
    today = page.today_line(page.stable("today").choice(("weekday_day", "maghreb_day")))
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    crumbs = page.breadcrumbs()
    crumb_html = " › ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(crumbs))
    kicker = page.pick("label", KICKERS)
    meta_row = []
    if b.visible and b.position == "before":
        names = page.linked_names()
        meta_row.append(f'<span class="by">{esc(b.prefix)}{names}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    figure = page.lead_figure()
    parts = body.shape(page, lead=0.25, quote=0.2, subheads=0.2, bullets=0.3)
    html = _parts_html(page, parts)
    if where == "after_lead":
        html.insert(1, card)
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    story = '<div class="tender-story">\n' + "\n".join(html) + "\n</div>"
    signed = ""
    if b.visible and b.position == "after":
        signed = f'<p class="signed">{esc(b.text())}</p>'
    notice = page.pick("notice", NOTICES)
    attachment = page.pick("attachment", ATTACHMENTS)
    size = page.record("attachment", [_digits(page, f"{rng.randint(120, 2400)} KB")])[0]
    open_heading = page.pick("open_tenders", OPEN_HEADINGS)
    ends = page.pick("open_tenders", ENDS)
    others = []
    for title in rng.sample(OPEN_TENDERS, rng.randint(3, 5)):
        until = base + timedelta(days=rng.randint(3, 60), hours=rng.randint(0, 20))
        day = dates.visible(until, "numeric_day", a.site, page.eastern)
        page.record("open_tenders", [title, day])
        others.append(f'<li><a href="/tender/{rng.randint(1000, 99999)}">{esc(title)}</a> '
                      f'<span class="ends">{esc(ends)} {esc(day)}</span></li>')
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="tenders">',
        f'<header><a class="logo" href="/"><img src="/logo.png" alt="{attr(page.label)}"></a>'
        f'<span class="today">{esc(today)}</span><nav><ul>{menu}</ul></nav></header>',
        f'<nav class="crumbs">{crumb_html}</nav>',
        '<div class="cols"><main><article class="tender">',
        f'<span class="kicker">{esc(kicker)}</span>',
        card if where == "top" else "",
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else "",
        f'<div class="share">{share}</div>',
        figure,
        story,
        signed,
        f'<p class="notice">{esc(notice)}</p>',
        f'<p class="attachment"><a href="/files/{rng.randint(1000, 9999)}.pdf">{esc(attachment)}'
        f'</a> <span class="size">{esc(size)}</span></p>',
        f'<div class="tags">{tags}</div>',
        "</article></main>",
        f'<aside class="side">{card if where == "side" else ""}<section class="open-tenders">'
        f'<h3>{esc(open_heading)}</h3><ul>{"".join(others)}</ul></section></aside>',
        "</div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
