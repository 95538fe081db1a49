"""A court report (من قاعة المحكمة) of a portal's crime and courts desk: the trial story beside a
case card (the court, the case number, the charges, the bench and the defence, the last and the
next session), a background box inside the text, and the case's sessions table: people's names
and dates all round the story that are not its authors or its date.

Body (``div.court-story``): the story's paragraphs (now and then a lead sentence of its own, the
court's words or a lawyer's as a ``<blockquote>``, intertitles: body); the dateline a line of
its own above them or the bold start of the first one ("الرباط - المغرب اليوم -", the text after
it is body). Not body: the case card (``<aside class="case-card">`` under "ملف القضية": a ``<dl>``
of "المحكمة:" a court and its city, "رقم القضية:" "1245 لسنة 2024 جنايات" / "2024/1245"
(a year and a serial that read like a date) / "ملف عدد 3318/2105/2024", "التهمة:", "المتهمون:"
initials "(ع.م)، (س.ب)", "رئيس الهيئة:" "المستشار X", "ممثل النيابة:" "X", "الدفاع:"
"الأستاذ X" (judges and lawyers are people, never authors), "الجلسة السابقة:" a day two to
sixty days *before* the publication, "الجلسة المقبلة:" a day and time three to forty days
*after* it, "حالة القضية:" "مؤجلة" / "في المداولة" / "صدر الحكم"); the background box
(``div.case-background`` "خلفية القضية": two sentences of prose that start "تعود وقائع القضية
إلى 3 يناير 2024 ..." with a full date, between two body parts on some pages,
``layout["background"]``); the sessions table after the text ("جلسات القضية": dates and what
each session did, the next one last); the presumption-of-innocence note.
Each section of a site places the case card one way (``layout["card"]``): ``top``, above the
``<h1>`` under the kicker, ``after_lead``, inside the story container after the first body
part, or ``side``, in the sidebar after the article.

Bylines: "كتب: X", "متابعة: X", "من داخل قاعة المحكمة - X" (form ``kataba``: X is the author),
"بقلم الكاتب الصحفي: X" (``biqalam_colon``, an author too), the bare name, or metadata only;
in the meta row under the ``<h1>`` or after the text.

Head: og tags; on every page a JSON-LD ``Event`` for the next session (``name`` "الجلسة المقبلة
في القضية رقم ...", ``startDate`` its day and time in the site's offset: a machine-readable date
*after* the publication, never its date); on metadata-dated pages (and for metadata-only
bylines) a JSON-LD ``NewsArticle`` and ``article:published_time``. Text-dated and undated pages
carry no machine publication date.
Page: the header (logo, menu, today's date: render time), breadcrumbs ("حوادث وقضايا" /
"محاكم"); the kicker above the ``<h1>`` ("من قاعة المحكمة", "قضايا الرأي العام"); the meta row
(the byline when before; the date on dated pages with its label); share buttons; the lead image
with its caption. After the text: the byline when it goes after, the sessions table, the note,
tags, other court cases with their dates, most read, the footer.
Dates: metadata (second) or the meta row (minute or day); undated pages show the card's
sessions, the background's day, the table's days, the lists' dates and the header's day, never
between the title and the text.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import eastern_digits, slugify

NAME = "court_report"
TRAITS = Traits(
    date_formats=("weekday_time", "numeric_time", "long_day", "weekday_comma_ampm",
                  "maghreb_time"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("kataba", "kataba", "biqalam_colon", "bare", "meta_only"),
    byline_prefixes={"kataba": ("كتب: ", "متابعة: ", "من داخل قاعة المحكمة - "),
                     "biqalam_colon": ("بقلم الكاتب الصحفي: ",)},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.75, caption=0.6,
)

KICKERS = ("من قاعة المحكمة", "قضايا الرأي العام", "محاكمات")
CRUMBS = ("حوادث وقضايا", "محاكم", "قضايا")
CARD_HEADINGS = ("ملف القضية", "بطاقة القضية", "تفاصيل الملف")
COURTS = ("محكمة الجنايات ب{city}", "غرفة الجنايات الابتدائية لدى محكمة الاستئناف ب{city}",
          "المحكمة الابتدائية ب{city}", "محكمة جنح {city}")
COURT_CITIES = ("الرباط", "طنجة", "المنصورة", "سوسة", "إربد", "وهران", "الزرقاء", "أكادير")
CHARGES = ("اختلاس أموال عمومية", "التزوير في محررات رسمية", "النصب والاحتيال",
           "الاتجار في المخدرات", "تلقي رشوة", "القتل العمد", "غسل الأموال",
           "إصدار شيكات بدون رصيد")
STATES = ("مؤجلة", "في المداولة", "صدر الحكم", "محجوزة للحكم")
LEGAL_FIRST = ("عبد اللطيف", "حسن", "نجاة", "محمد الأمين", "سعاد", "الحبيب", "زهير", "أمينة",
               "عبد الرزاق", "بشرى")
LEGAL_FAMILY = ("الشرقاوي", "بن جلون", "العمراني", "الحسيني", "بلخياط", "الصقلي", "العبادي",
                "المنوني")
"""Judges, prosecutors and lawyers: names of their own pool (no author)."""
FEMININE = frozenset({"نجاة", "سعاد", "أمينة", "بشرى"})
INITIALS = "أبتحدرزسشعفقكلمنهي"
LABELS = ("المحكمة:", "رقم القضية:", "التهمة:", "المتهمون:", "رئيس الهيئة:", "ممثل النيابة:",
          "الدفاع:", "الجلسة السابقة:", "الجلسة المقبلة:", "حالة القضية:")
BACKGROUND_HEADINGS = ("خلفية القضية", "ما قبل المحاكمة")
BACKGROUNDS = ("تعود وقائع القضية إلى {day} حين تقدمت جهة رسمية بشكاية إلى النيابة العامة. "
               "وأحيل الملف بعدها على قاضي التحقيق الذي استمع إلى عدد من الشهود.",
               "تعود وقائع القضية إلى {day} عندما أوقفت المصالح الأمنية المتهمين في عملية "
               "مراقبة روتينية. وقررت النيابة العامة متابعتهم في حالة اعتقال.",
               "بدأت فصول الملف في {day} بعد تقرير للمفتشية العامة رصد اختلالات مالية. "
               "وظل الملف معروضا على القضاء منذ ذلك الحين.")
"""The background box's prose (written for this generator): not body."""
SESSIONS_HEADINGS = ("جلسات القضية", "مسار المحاكمة")
SESSION_EVENTS = ("تأجيل لإحضار المتهمين", "الاستماع إلى الشهود", "مرافعات الدفاع",
                  "ملتمسات النيابة العامة", "تأجيل لاستدعاء الخبير", "مناقشة الملف")
NEXT_EVENT = ("الجلسة المقبلة", "موعد النطق بالحكم")
NOTES = ("المتهم بريء حتى تثبت إدانته بحكم قضائي نهائي، وننشر هذه المعلومات كما وردت خلال "
         "الجلسة العلنية.",
         "يحتفظ الموقع بحق الرد لكل الأطراف المعنية، والأحكام الابتدائية قابلة للاستئناف.")
OTHER_HEADINGS = ("قضايا أخرى", "من أروقة المحاكم", "ملفات قضائية")


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _person(page: Page, taken: set[str]) -> str:
    rng = page.rng
    while True:
        name = f"{rng.choice(LEGAL_FIRST)} {rng.choice(LEGAL_FAMILY)}"
        if name not in taken:
            taken.add(name)
            return name


def _titled(name: str, title: str) -> str:
    """"المستشار X" / "المستشارة X": the title agrees with the first name."""
    return f"{title}ة {name}" if name.split(" ")[0] in FEMININE else f"{title} {name}"


def _case_number(page: Page, style: int, year: int) -> str:
    rng = page.rng
    serial = rng.randint(120, 9800)
    if style == 0:
        return f"{serial} لسنة {year} جنايات"
    if style == 1:
        return f"{year}/{serial}"
    return f"ملف عدد {serial}/{rng.randint(2100, 2700)}/{year}"


def _story(page: Page, card: str | None, last: datetime) -> str:
    rng = page.rng
    parts = body.shape(page, lead=0.2, quote=0.3, subheads=0.2)
    html = body.parts_html(page, parts, lead_tag="strong", lead_mark=" -")
    spots = [k for k in range(2, len(parts)) if parts[k].kind != "list"]
    if spots and rng.random() < 0.5:  # between two body parts, never before a list
        start = last - timedelta(days=rng.randint(60, 500))
        heading = page.pick("background", BACKGROUND_HEADINGS)
        prose = page.record("background", [rng.choice(BACKGROUNDS).format(
            day=dates.visible(start, "long_day", page.article.site, page.eastern))])[0]
        html.insert(rng.choice(spots), f'<div class="case-background"><h4>{esc(heading)}</h4>'
                                       f"<p>{esc(prose)}</p></div>")
        page.layout["background"] = "yes"
    if card is not None:
        html.insert(1, card)
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    return '<div class="court-story">\n' + "\n".join(html) + "\n</div>"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    where = page.stable(f"card:{page.section}").choice(("top", "after_lead", "side"))
    page.layout["card"] = where
    zone = dates.site_zone(a.site)
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    last = base - timedelta(days=rng.randint(2, 60), hours=rng.randint(0, 8))
    nxt = (base + timedelta(days=rng.randint(3, 40))).astimezone(zone).replace(
        hour=rng.choice((9, 10, 11, 14)), minute=rng.choice((0, 30)), second=0, microsecond=0)
    year = last.astimezone(zone).year
    number = _digits(page, _case_number(page, page.stable(f"number:{page.section}").randrange(3),
                                        year))
    taken = set(a.authors) | set(b.names)
    judge, prosecutor, lawyer = (_person(page, taken) for _ in range(3))
    accused = "، ".join(f"({'.'.join(rng.sample(INITIALS, 2))})"
                        for _ in range(rng.randint(1, 3)))
    court = page.stable("court").choice(COURTS).format(city=page.stable("city").choice(
        COURT_CITIES))
    state = rng.choice(STATES)
    values = (court, number, rng.choice(CHARGES), accused, _titled(judge, "المستشار"),
              prosecutor, _titled(lawyer, "الأستاذ"),
              dates.visible(last, "long_day", a.site, page.eastern),
              dates.visible(nxt, "weekday_time", a.site, page.eastern), state)
    card_heading = page.pick("case", CARD_HEADINGS)
    page.record("case", [*LABELS, *values])
    card = (f'<aside class="case-card"><h3>{esc(card_heading)}</h3><dl>'
            + "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in zip(LABELS, values,
                                                                             strict=True))
            + "</dl></aside>")
    event = {"@context": "https://schema.org", "@type": "Event",
             "name": f"الجلسة المقبلة في القضية رقم {number}",
             "startDate": nxt.isoformat(timespec="seconds"),
             "location": {"@type": "Place", "name": court}}
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} - {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.ld_script(event)
            + (meta.ld_script(meta.news_article(page))
               if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/static/courts.css">\n</head>\n')
    today = page.today_line(page.stable("today").choice(("weekday_day", "maghreb_day")))
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    crumbs = [*page.breadcrumbs(), page.pick("breadcrumbs", CRUMBS)]
    crumb_html = " / ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(crumbs))
    kicker = page.pick("label", KICKERS)
    meta_row = []
    if b.visible and b.position == "before":
        names = page.linked_names()
        meta_row.append(f'<span class="by">{esc(b.prefix)}{names}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    figure = page.lead_figure()
    story = _story(page, card if where == "after_lead" else None, last)
    signed = ""
    if b.visible and b.position == "after":
        signed = f'<p class="signed">{esc(b.text())}</p>'
    sessions_heading = page.pick("sessions", SESSIONS_HEADINGS)
    rows = []
    for gap in sorted(rng.sample(range(7, 240), rng.randint(2, 4)), reverse=True):
        rows.append((dates.visible(last - timedelta(days=gap), "numeric_day", a.site,
                                   page.eastern), rng.choice(SESSION_EVENTS)))
    rows.append((dates.visible(last, "numeric_day", a.site, page.eastern),
                 rng.choice(SESSION_EVENTS)))
    rows.append((dates.visible(nxt, "numeric_day", a.site, page.eastern),
                 page.stable("next").choice(NEXT_EVENT)))
    page.record("sessions", [s for row in rows for s in row])
    note = page.pick("note", NOTES)
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    other_heading = page.pick("related", OTHER_HEADINGS)
    others = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> <span>'
                     f'{esc(link.date or "")}</span></li>'
                     for link in page.links("related", rng.randint(3, 5), "long_day"))
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                   for link in page.links("most_read", 5))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    side = [f'<aside class="side">{card if where == "side" else ""}<h3>{esc(most_heading)}'
            f"</h3><ol>{most}</ol></aside>"]
    return head + "\n".join([
        '<body class="courts">',
        f'<header><a class="logo" href="/"><img src="/logo.png" alt="{attr(page.label)}"></a>'
        f'<span class="today">{esc(today)}</span><nav><ul>{menu}</ul></nav></header>',
        f'<nav class="crumbs">{crumb_html}</nav>',
        '<div class="wrap"><main><article class="court">',
        f'<span class="kicker">{esc(kicker)}</span>',
        card if where == "top" else "",
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else "",
        f'<div class="share">{share}</div>',
        figure,
        story,
        signed,
        f'<section class="sessions"><h3>{esc(sessions_heading)}</h3><table><tbody>'
        + "".join(f"<tr><td>{esc(d)}</td><td>{esc(e)}</td></tr>" for d, e in rows)
        + "</tbody></table></section>",
        f'<p class="note">{esc(note)}</p>',
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="more"><h3>{esc(other_heading)}</h3><ul>{others}</ul></section>',
        "</main>",
        *side,
        "</div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
