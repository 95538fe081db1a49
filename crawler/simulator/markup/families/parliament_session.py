"""A parliament desk's report of a plenary session (من تحت قبة البرلمان / "الجلسة العامة"): the
story of the previous day's sitting under the session bar, with the vote's result board (a
hemicycle chart whose labels are SVG text, the votes by parliamentary group, the outcome), an
MP's words in a card, the session card, the agenda, the list of speakers, the recording and the
earlier sittings: members' names, figures, times and days all round the story, none of them its
authors or its date.

Body (``div.session-report``): the story's parts (now and then a lead sentence of its own, a quoted
statement as a ``<blockquote>``, intertitles, a list after its lead-in: body); the dateline a line
of its own above them or their bold start. Not body, inside the text: an ad slot, a read-also
line, and on some pages the MP's card (``aside.mp-quote``: "من المداخلات", a sentence of the
member's in «», "النائب X، عن <group>": the member is no author).
Not body either: the session bar above the ``<h1>`` (the chamber, the session and term, "الجلسة
العامة رقم 34", the sitting's day: one to three days *before* the publication, "رفعت الجلسة");
the vote board (``section.vote-board``: "نتيجة التصويت", the bill "مشروع القانون رقم 12.24 المتعلق
ب...", the SVG chart with its ``<text>`` labels "موافقون 231", the groups' table, the outcome
sentence "صادق المجلس على المشروع بالأغلبية"), placed per section (``layout["votes"]``): ``lead``,
between the meta row and the text, ``inside``, between two body parts, or ``after`` the text; the
session card (``dl.session-card``: the chair, the opening and closing times, the duration, the
attendance), ``after`` the text or in the sidebar per section (``layout["card"]``); the agenda;
the speakers (names, groups, minutes); the recording's duration ("04:12:37"); the documents; the
earlier sittings with their numbers and days.

Bylines: "كتب: X", "متابعة: X", "تغطية: X", "بقلم: X", the bare name, or metadata only; in the meta
row under the ``<h1>`` or after the text. Head: og tags; on every page a JSON-LD ``Event`` (the
sitting: ``startDate`` / ``endDate``, the chamber as ``location``); on metadata-dated pages (and
for metadata-only bylines) a JSON-LD ``NewsArticle`` and ``article:published_time``. Text-dated
and undated pages carry no machine publication date.
Page: the header (logo, menu, today's date: render time), the breaking ticker, breadcrumbs; the
bar; the ``<h1>``; the meta row; share buttons; the lead image with its caption; the board
(``lead``); the text; the byline when after; the board (``after``), the card (``after``), the
agenda, the speakers, the recording, the documents, tags, related stories with dates, the
comment form; the sidebar: the card (``side``), the earlier sittings, most read with dates; the
footer.
Dates: metadata (second) or the meta row (minute or day); undated pages show the sitting's day
(above the title), its times and the lists' days, never between the title and the text.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from typing import Any

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, esc
from crawler.simulator.markup.page import Page, Traits, link_items
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import slugify

NAME = "parliament_session"
TRAITS = Traits(
    date_formats=("weekday_time", "numeric_time", "day_at_time", "weekday_day", "long_day",
                  "weekday_dash_ampm"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("kataba", "kataba", "bare", "biqalam_colon", "meta_only"),
    byline_prefixes={"kataba": ("كتب: ", "متابعة: ", "تغطية: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.7, caption=0.6,
)

CHAMBERS = {"arabstoday": ("مجلس النواب", 128), "omantoday": ("مجلس الشورى", 90),
            "palestinetoday": ("المجلس التشريعي", 132),
            "emiratesvoice": ("المجلس الوطني الاتحادي", 40),
            "almaghribtoday": ("مجلس النواب", 395), "casablancatoday": ("مجلس النواب", 395),
            "moroccosports": ("مجلس النواب", 395), "egypttoday": ("مجلس النواب", 596),
            "alyementoday": ("مجلس النواب", 301), "alsaudiatoday": ("مجلس الشورى", 150),
            "algeriatoday": ("المجلس الشعبي الوطني", 407),
            "tunisiatoday": ("مجلس نواب الشعب", 161), "albahraintoday": ("مجلس النواب", 40),
            "syria24": ("مجلس الشعب", 250)}
"""Each site's chamber and its seats."""
TERMS = ("الدورة العادية الأولى", "الدورة العادية الثانية", "الدورة الاستثنائية")
LEGISLATURES = ("الولاية التشريعية الحادية عشرة", "الفصل التشريعي الخامس",
                "الدورة البرلمانية الثالثة")
SITTING = "الجلسة العامة رقم {n}"
STATUS = ("رفعت الجلسة", "انتهت الجلسة")
MP_FIRST = ("عبد اللطيف", "خديجة", "مصطفى", "ربيعة", "إدريس", "سهام", "الحسين", "فوزية",
            "عبد الرزاق", "زينب", "جميل", "نادر", "لبنى", "حميد")
MP_FAMILY = ("الصقلي", "المرابط", "الدرقاوي", "الشريف", "العمراني", "البقالي", "الغزاوي",
             "الرحماني", "الطاهري", "الكتاني", "العسري", "المودن")
"""Members of parliament: names of their own pool (never an author)."""
GROUPS = ("فريق الأغلبية", "فريق المعارضة", "كتلة التغيير", "الكتلة المستقلة",
          "فريق الوحدة الوطنية", "المجموعة النيابية للعدالة")
TOPICS = ("المالية للسنة المقبلة", "حماية المستهلك", "الطاقات المتجددة", "تنظيم الصفقات العمومية",
          "التعليم المدرسي", "الشركات الناشئة", "الماء", "الصحة العامة")
BILL = "مشروع القانون رقم {n}.{yy} المتعلق ب{topic}"
BOARD_HEADINGS = ("نتيجة التصويت", "حصيلة التصويت")
VOTES = ("موافقون", "معارضون", "ممتنعون")
BOARD_COLUMNS = ("الفريق", *VOTES)
OUTCOMES = ("صادق المجلس على المشروع بالأغلبية", "صادق المجلس على المشروع بالإجماع",
            "رفض المجلس المشروع")
QUOTE_HEADINGS = ("من المداخلات", "قالوا تحت القبة")
QUOTES = ("لا يمكن أن نصوت على نص لم يأخذ وقته الكافي من النقاش داخل اللجنة",
          "هذا المشروع خطوة في الاتجاه الصحيح، لكنه يحتاج إلى نصوص تطبيقية واضحة وسريعة",
          "المواطن ينتظر منا أجوبة ملموسة لا وعودا جديدة تتكرر في كل دورة",
          "نطالب الحكومة بتقديم أرقام دقيقة قبل أي تصويت على هذا النوع من النصوص")
"""Members' interventions (written for this generator): their words, not the story."""
MP = "النائب{fem} {name}، عن {group}"
CARD_HEADINGS = ("بطاقة الجلسة", "الجلسة في سطور")
CARD_LABELS = ("رئيس الجلسة:", "افتتاح الجلسة:", "رفع الجلسة:", "المدة:", "الحضور:")
AGENDA_HEADINGS = ("جدول الأعمال", "نقاط جدول الأعمال")
AGENDA = ("الأسئلة الشفوية الموجهة إلى أعضاء الحكومة", "المناقشة العامة لمشروع القانون",
          "التصويت على مواد المشروع", "التصويت على المشروع برمته",
          "إحالة مقترحات قوانين على اللجان",
          "تلاوة المراسلات الواردة على المجلس")
SPEAKERS_HEADINGS = ("المتدخلون في الجلسة", "المداخلات")
SPEAKERS_COLUMNS = ("النائب", "الفريق", "مدة المداخلة")
RECORDING = ("شاهد تسجيل الجلسة كاملة", "تسجيل الجلسة")
DOCUMENTS_HEADING = "وثائق الجلسة"
DOCUMENTS = ("جدول الأعمال (PDF)", "نص المشروع كما أحيل على الجلسة", "المحضر الحرفي للجلسة")
EARLIER_HEADINGS = ("جلسات سابقة", "أرشيف الجلسات")
FEMININE = frozenset({"خديجة", "ربيعة", "سهام", "فوزية", "زينب", "لبنى"})


def _hours(n: int) -> str:
    return "ساعة" if n == 1 else "ساعتان" if n == 2 else f"{n} ساعات"


def _minutes(n: int) -> str:
    return f"{n} دقائق" if 3 <= n <= 10 else f"{n} دقيقة"


def _mps(page: Page, count: int) -> list[str]:
    rng, taken = page.rng, set(page.article.authors)
    out: list[str] = []
    while len(out) < count:
        name = f"{rng.choice(MP_FIRST)} {rng.choice(MP_FAMILY)}"
        if name not in taken:
            taken.add(name)
            out.append(name)
    return out


def _board(page: Page, members: int, bill: str) -> str:
    """The result board: the chart (its labels are SVG text), the groups' table, the outcome."""
    rng = page.rng
    heading = page.pick("votes", BOARD_HEADINGS)
    present = int(members * rng.uniform(0.45, 0.8))
    groups = rng.sample(GROUPS, 4)
    rows: list[tuple[str, int, int, int]] = []
    for group in groups:  # each group's present members split between yes, no and abstain
        seats = present // 4
        yes = int(seats * rng.uniform(0.1, 0.9))
        no = int((seats - yes) * rng.uniform(0.3, 1))
        rows.append((group, yes, no, seats - yes - no))
    totals = [sum(r[1] for r in rows), sum(r[2] for r in rows), sum(r[3] for r in rows)]
    outcome = OUTCOMES[2] if totals[0] <= totals[1] else OUTCOMES[int(totals[1] == 0)]
    labels = [page.digits(f"{v} {n}") for v, n in zip(VOTES, totals, strict=True)]
    page.record("votes", [bill, *labels, *BOARD_COLUMNS, outcome])
    cells = [[g, *(page.digits(str(x)) for x in (yes, no, rest))] for g, yes, no, rest in rows]
    page.record("votes", [c for row in cells for c in row])
    arcs, angle = [], math.pi
    for share, colour in zip(totals, ("#2e7d32", "#c62828", "#9e9e9e"), strict=True):
        end = angle - math.pi * share / max(1, sum(totals))  # a slice of the half circle
        x1, y1, x2, y2 = (100 + 80 * math.cos(angle), 100 - 80 * math.sin(angle),
                          100 + 80 * math.cos(end), 100 - 80 * math.sin(end))
        arcs.append(f'<path d="M{x1:.1f} {y1:.1f} A80 80 0 0 1 {x2:.1f} {y2:.1f}" fill="none" '
                    f'stroke="{colour}" stroke-width="18"></path>')
        angle = end
    texts = "".join(f'<text x="{20 + 60 * k}" y="120">{esc(label)}</text>'
                    for k, label in enumerate(labels))
    table = ("<table><tr>" + "".join(f"<th>{esc(c)}</th>" for c in BOARD_COLUMNS) + "</tr>"
             + "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>"
                       for row in cells) + "</table>")
    return (f'<section class="vote-board"><h3>{esc(heading)}</h3><p class="bill">{esc(bill)}</p>'
            f'<svg viewBox="0 0 200 130" role="img" aria-label="{attr(heading)}">'
            f'<g class="arcs">{"".join(arcs)}</g><g class="labels">{texts}</g></svg>'
            f'{table}<p class="outcome"><strong>{esc(outcome)}</strong></p></section>')


def _quote(page: Page, name: str) -> str:
    heading = page.pick("mp_quote", QUOTE_HEADINGS)
    fem = "ة" if name.split(" ")[0] in FEMININE else ""
    words, who = page.record("mp_quote", [page.rng.choice(QUOTES), MP.format(
        fem=fem, name=name, group=page.rng.choice(GROUPS))])
    return (f'<aside class="mp-quote"><h4>{esc(heading)}</h4><blockquote>«{esc(words)}»'
            f"</blockquote><cite>{esc(who)}</cite></aside>")


def _report(page: Page, parts: list[Part], board: str, quote: str) -> str:
    rng = page.rng
    html = body.parts_html(page, parts, lead_tag="strong", lead_mark=" -")
    blocks = [f'<div class="ad"><span>{esc(page.pick("ad", furniture.AD_LABELS))}</span></div>']
    for link in page.links("read_also", rng.randint(0, 1)):
        blocks.append(f'<p class="read-also">{esc(page.pick("read_also", furniture.READ_ALSO))} '
                      f'<a href="{attr(link.url)}">{esc(link.title)}</a></p>')
    blocks += [b for b in (board, quote) if b]
    for block in blocks:  # between two parts, never between a list's lead-in and its list
        spots = [i for i in range(1, len(html)) if not html[i].startswith("<ul>")]
        html.insert(rng.choice(spots) if spots else len(html), block)
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    return '<div class="session-report">\n' + "\n".join(html) + "\n</div>"


def _card(page: Page, chair: str, start: datetime, end: datetime, members: int) -> str:
    heading = page.pick("session_card", CARD_HEADINGS)
    minutes = int((end - start).total_seconds() // 60)
    values = [chair, page.digits(f"{start:%H:%M}"), page.digits(f"{end:%H:%M}"),
              page.digits(f"{_hours(minutes // 60)} و{_minutes(minutes % 60)}"),
              page.digits(f"{int(members * page.rng.uniform(0.5, 0.85))} من أصل {members}")]
    page.record("session_card", [*CARD_LABELS, *values])
    rows = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>"
                   for k, v in zip(CARD_LABELS, values, strict=True))
    return (f'<div class="card-box"><h3>{esc(heading)}</h3><dl class="session-card">{rows}</dl>'
            "</div>")


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    votes_place = page.stable(f"votes:{page.section}").choice(("lead", "inside", "after"))
    card_place = page.stable(f"card:{page.section}").choice(("after", "side"))
    page.layout.update(votes=votes_place, card=card_place)
    zone = dates.site_zone(a.site)
    chamber, members = CHAMBERS.get(a.site, ("مجلس النواب", 120))
    base = (a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))).astimezone(zone)
    # the sitting the report tells: one to three days before the publication's day
    start = (base - timedelta(days=rng.randint(1, 3))).replace(
        hour=rng.choice((10, 11, 15, 16)), minute=rng.choice((0, 15, 30)), second=0,
        microsecond=0)
    end = start + timedelta(hours=rng.randint(2, 6), minutes=rng.randrange(5, 60))
    number = rng.randint(8, 60)
    chair, *speaker_names = _mps(page, rng.randint(4, 6))
    bill = page.digits(BILL.format(n=rng.randint(10, 98), yy=f"{start.year % 100:02d}",
                                   topic=rng.choice(TOPICS)))

    event: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Event",
        "name": f"{SITTING.format(n=number)} - {chamber}",
        "startDate": start.isoformat(timespec="seconds"),
        "endDate": end.isoformat(timespec="seconds"),
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {"@type": "Place", "name": chamber}}
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} | {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + meta.ld_script(event)
            + (meta.ld_script(meta.news_article(page))
               if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/assets/parliament.css">\n</head>\n')
    today = page.today_line(page.stable("today").choice(("weekday_day", "weekday_comma_day")))
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    ticker_label = page.pick("ticker", furniture.BREAKING_LABELS)
    ticker = link_items(page.links("ticker", rng.randint(3, 5)))
    crumbs = " › ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(page.breadcrumbs()))
    bar = page.record("session_bar", [
        chamber, f"{rng.choice(TERMS)} - {page.stable('legislature').choice(LEGISLATURES)}",
        page.digits(SITTING.format(n=number)),
        dates.visible(start, "weekday_day", a.site, page.eastern), page.pick("session_bar",
                                                                             STATUS)])
    meta_row = []
    if b.visible and b.position == "before":
        meta_row.append(f'<span class="by">{esc(b.prefix)}{page.linked_names()}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())

    board = _board(page, members, bill)
    quote = ""
    if rng.random() < 0.5:
        quote = _quote(page, speaker_names[0])
        page.layout["mp_quote"] = "yes"
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.2, bullets=0.15)
    report = _report(page, parts, board if votes_place == "inside" else "", quote)
    signed = (f'<p class="signed">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    card = _card(page, chair, start, end, members)
    agenda_heading = page.pick("agenda", AGENDA_HEADINGS)
    agenda = page.record("agenda", rng.sample(AGENDA, rng.randint(3, 5)))
    speakers_heading = page.pick("speakers", SPEAKERS_HEADINGS)
    page.record("speakers", list(SPEAKERS_COLUMNS))
    speakers = [page.record("speakers", [name, rng.choice(GROUPS), page.digits(
        _minutes(rng.randint(3, 15)))]) for name in speaker_names]
    recording = page.pick("recording", RECORDING)
    duration = page.record("recording", [page.digits(
        f"{(end - start).seconds // 3600:02d}:{(end - start).seconds // 60 % 60:02d}:"
        f"{rng.randrange(60):02d}")])[0]
    documents = page.record("documents", [DOCUMENTS_HEADING, *DOCUMENTS])
    earlier_heading = page.pick("earlier", EARLIER_HEADINGS)
    earlier = []
    for k in range(1, 4):
        day = start - timedelta(days=7 * k + rng.randint(0, 2))
        earlier.append(page.record("earlier", [page.digits(SITTING.format(n=number - k)),
                                               dates.visible(day, "long_day", a.site,
                                                             page.eastern)]))
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    related_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = link_items(page.links("related", rng.randint(3, 5), "weekday_day"))
    comments_heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    form = "".join(f"<label>{esc(x)}</label>" for x in page.comment_form())
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = link_items(page.links("most_read", 5, "numeric_day"))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    video = f"https://video.{page.site.domain}/parliament/{start.astimezone(UTC):%Y%m%d}.m3u8"
    return head + "\n".join([
        '<body class="parliament">',
        f'<header><a class="logo" href="/"><img src="/logo.png" alt="{attr(page.label)}"></a>'
        f'<span class="today">{esc(today)}</span><nav><ul>{menu}</ul></nav></header>',
        f'<div class="ticker"><b>{esc(ticker_label)}</b><ul>{ticker}</ul></div>',
        f'<nav class="crumbs">{crumbs}</nav>',
        '<div class="cols"><main><article class="session-article">',
        '<div class="session-bar">' + "".join(f'<span class="s{k}">{esc(x)}</span>'
                                              for k, x in enumerate(bar)) + "</div>",
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else "",
        f'<div class="share">{share}</div>',
        page.lead_figure(),
        board if votes_place == "lead" else "",
        report,
        signed,
        board if votes_place == "after" else "",
        card if card_place == "after" else "",
        f'<section class="agenda"><h3>{esc(agenda_heading)}</h3><ol>'
        + "".join(f"<li>{esc(x)}</li>" for x in agenda) + "</ol></section>",
        f'<section class="speakers"><h3>{esc(speakers_heading)}</h3><table><tr>'
        + "".join(f"<th>{esc(c)}</th>" for c in SPEAKERS_COLUMNS) + "</tr>"
        + "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>"
                  for row in speakers) + "</table></section>",
        f'<section class="recording"><video controls preload="none" src="{attr(video)}">'
        f'</video><p><a href="#">{esc(recording)}</a> <span class="duration">{esc(duration)}'
        "</span></p></section>",
        f'<section class="documents"><h3>{esc(documents[0])}</h3><ul>'
        + "".join(f'<li><a href="/docs/{k}.pdf">{esc(d)}</a></li>'
                  for k, d in enumerate(documents[1:])) + "</ul></section>",
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="related"><h3>{esc(related_heading)}</h3><ul>{related}</ul></section>',
        f'<section class="comments"><h3>{esc(comments_heading)}</h3><form>{form}</form></section>',
        "</main>",
        f'<aside class="side">{card if card_place == "side" else ""}'
        f'<section class="earlier"><h3>{esc(earlier_heading)}</h3><ul>'
        + "".join(f'<li><a href="/sessions/{number - k - 1}">{esc(n)}</a> <span class="d">'
                  f"{esc(d)}</span></li>" for k, (n, d) in enumerate(earlier))
        + f"</ul></section><h3>{esc(most_heading)}</h3><ol>{most}</ol></aside>",
        "</div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
