"""An election-night results page (نتائج الانتخابات) of a portal's politics desk: a results
board with seats, votes and percentages, the count's progress and its own update time, a map
with its legend, the results by district, and the desk's news story among them.

Body (``div.election-story``): the story's paragraphs (now and then a lead sentence of its own,
a quoted statement as a ``<blockquote>``, intertitles: body); the dateline a line of its own
above them or the bold start of the first one ("الرباط - المغرب اليوم:", the text after it is
body). Not body: the results board (``<section class="results-board">``: the heading "نتائج
الانتخابات التشريعية 2024", the status "نتائج أولية" / "الفرز جار" / "نتائج نهائية", "نسبة
الفرز: 87%", "نسبة المشاركة: 43.2%", the polling day "يوم الاقتراع: الأحد 17 نوفمبر 2024"
(one to three days *before* the publication), the board's update "آخر تحديث: 18/11/2024 -
02:15" (one to twelve hours *after* the publication: the board is live, the story is not), the
table ``table.results`` (party, seats, votes, percentage, a row per party, the majority line
"الأغلبية المطلقة: 198 مقعدا من أصل 395"); the map figure after the text (``figure.results-map``:
"خريطة النتائج حسب الدوائر", the legend: a colour swatch and a party name per item, the hover
hint "مرر المؤشر على الدائرة لعرض تفاصيلها"); the districts table ("نتائج الدوائر": district,
winning party, the winning candidate's name, votes: candidates are no authors); the source and
the legal note ("المصدر: الهيئة العليا المستقلة للانتخابات", "النتائج المعلنة أولية وقابلة
للطعن ...": prose, not body).
Each section of a site places the board one way (``layout["board"]``): ``top``, above the
``<h1>`` under the breadcrumbs, ``after_lead``, inside the story container after the first
body part (between two body parts), or ``side``, in the sidebar after the article.

The byline names the desk's writers: "رصد: X" (the writer who compiled the story: an author),
"متابعة: X", "كتب: X", the bare name, two names joined by "و" on some pages, or metadata only;
in the meta row under the ``<h1>`` or after the text. The meta row also carries, on some pages,
the photographer "تصوير: Y" beside the byline (no author).

Head: og tags; on every page a JSON-LD ``Event`` (the election: ``startDate`` the polling day
as an ISO day, ``location`` the country: a machine-readable date that is not the
publication's); on metadata-dated pages (and for metadata-only bylines) a JSON-LD
``NewsArticle`` and ``article:published_time``. An inline script holds the board's data
(``window.__RESULTS__``: parties, seats, ``lastUpdate`` the board's update instant as ISO).
Text-dated and undated pages carry no machine publication date.
Page: the header (logo, menu, today's date: render time), a results strip above it ("نتائج
مباشرة": each party with its seats "حزب الأمل الوطني 84"), breadcrumbs ("انتخابات 2024"); the
``<h1>``; the meta row (byline when before, the photographer on some pages, the date on dated
pages); share buttons; the lead image and its caption.
After the text: the byline when it goes after, the map, the districts table, the source and
the legal note, tags, other election stories with their dates, the footer.
Dates: metadata (second) or the meta row (minute or day); undated pages show the polling day,
the board's update, the lists' dates and the header's day, never between the title and the
text.
"""

from __future__ import annotations

from datetime import timedelta

from crawler.simulator.markup import body, dates, meta
from crawler.simulator.markup.kit import attr, esc, script_json
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import eastern_digits, slugify

NAME = "election_results"
TRAITS = Traits(
    date_formats=("numeric_time", "weekday_time", "day_at_time", "long_day", "levant_time"),
    date_where=(0.45, 0.3, 0.25), meta_styles=("site", "utc_z", "utc", "plus3"),
    visible_with_meta=0.7, eastern_digits=0.1,
    byline_forms=("kataba", "kataba", "bare", "meta_only"),
    byline_prefixes={"kataba": ("رصد: ", "متابعة: ", "كتب: ")},
    byline_positions=("before", "before", "after"),
    two_authors=0.3,
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.8, caption=0.7,
)

ELECTIONS = ("الانتخابات التشريعية", "الانتخابات البلدية", "انتخابات مجلس النواب",
             "الانتخابات الجهوية")
PARTIES = ("حزب الأمل الوطني", "التحالف المدني الديمقراطي", "حزب الإصلاح والبناء",
           "جبهة الوفاق الشعبي", "الحركة الاجتماعية الجديدة", "حزب الكرامة والعدالة",
           "تجمع المستقلين", "حزب الخضر العربي")
"""Parties (invented for this generator)."""
COLOURS = ("#c0392b", "#2471a3", "#229954", "#d68910", "#7d3c98", "#17a589", "#839192",
           "#ba4a00")
STATUS = ("نتائج أولية", "الفرز جار", "نتائج نهائية")
COUNTED = ("نسبة الفرز:", "تم فرز:")
TURNOUT = ("نسبة المشاركة:", "المشاركة:")
POLLING = ("يوم الاقتراع:", "تاريخ الاقتراع:")
UPDATED = ("آخر تحديث:", "تحديث النتائج:")
COLUMNS = (("الحزب", "المقاعد", "الأصوات", "النسبة"), ("القائمة", "عدد المقاعد", "عدد الأصوات",
                                                      "%"))
MAJORITY = "الأغلبية المطلقة: {need} مقعدا من أصل {total}"
STRIP = ("نتائج مباشرة", "النتائج لحظة بلحظة")
MAP_CAPTIONS = ("خريطة النتائج حسب الدوائر", "توزيع المقاعد على الدوائر الانتخابية")
MAP_HINTS = ("مرر المؤشر على الدائرة لعرض تفاصيلها", "اضغط على الدائرة لعرض النتائج")
DISTRICT_HEADINGS = ("نتائج الدوائر", "النتائج حسب الدائرة")
DISTRICT_COLUMNS = ("الدائرة", "الحزب الفائز", "المرشح", "الأصوات")
DISTRICTS = ("الدائرة الأولى - العاصمة", "دائرة الساحل الشمالي", "دائرة الجبل",
             "الدائرة الثانية - المدينة القديمة", "دائرة الواحات", "دائرة السهل الغربي",
             "دائرة الضاحية الجنوبية", "دائرة الميناء")
CANDIDATE_FIRST = ("عبد الحكيم", "نزهة", "فؤاد", "لطيفة", "الطاهر", "جميلة", "مصطفى", "وداد",
                   "إدريس", "سميرة")
CANDIDATE_FAMILY = ("الوزاني", "بن حليمة", "المرابط", "الكتاني", "بوعزة", "الدباغ", "الرحماني",
                    "شقرون")
"""Candidates: a pool of names of their own (no author)."""
SOURCES = ("المصدر: الهيئة العليا المستقلة للانتخابات", "المصدر: اللجنة الوطنية للانتخابات")
LEGAL = ("النتائج المعلنة أولية وقابلة للطعن أمام القضاء خلال ثمان وأربعين ساعة من إعلانها.",
         "تبقى هذه الأرقام غير رسمية إلى حين إعلان النتائج النهائية من قبل الهيئة المختصة.")
PHOTO = ("تصوير: ", "عدسة: ")
PHOTOGRAPHERS = ("حميد بلقاسم", "ريم الصالحي", "أنور جبران", "سهام العبدلي")
CRUMBS = ("انتخابات {year}", "الانتخابات")
OTHER_HEADINGS = ("تغطية الانتخابات", "المزيد عن الانتخابات", "أخبار الانتخابات")


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _results(page: Page) -> list[tuple[str, str, int, int, float]]:
    """(party, colour, seats, votes, percentage) for 4 to 7 parties, largest first."""
    rng = page.rng
    count = rng.randint(4, 7)
    picked = rng.sample(range(len(PARTIES)), count)
    weights = sorted((rng.uniform(1, 10) for _ in picked), reverse=True)
    total_votes = rng.randint(800, 9000) * 1000
    share = sum(weights)
    rows = []
    for i, w in zip(picked, weights, strict=True):
        pct = round(100 * w / share, 1)
        rows.append((PARTIES[i], COLOURS[i], max(1, round(w / share * 395 * 0.97)),
                     int(total_votes * w / share), pct))
    return rows


def _board(page: Page, title: str, rows: list[tuple[str, str, int, int, float]],
           polling_day: str, updated: str) -> str:
    rng = page.rng
    status = page.record("board", [rng.choice(STATUS)])[0]
    counted_label = page.pick("board", COUNTED)
    share = 100 if status == STATUS[2] else rng.randint(62, 99)
    counted = page.record("board", [_digits(page, f"{share}%")])[0]
    turnout_label = page.pick("board", TURNOUT)
    turnout = page.record("board", [_digits(page, f"{rng.uniform(28, 71):.1f}%")])[0]
    polling_label = page.pick("board", POLLING)
    updated_label = page.pick("board", UPDATED)
    page.record("board", [title, polling_day, updated])
    columns = page.record("board", list(page.stable("columns").choice(COLUMNS)))
    body_rows = []
    for party, colour, seats, votes, pct in rows:
        cells = [_digits(page, str(seats)), _digits(page, f"{votes:,}"),
                 _digits(page, f"{pct}%")]
        page.record("board", [party, *cells])
        body_rows.append(f'<tr><td><i class="sw" style="background:{colour}"></i>{esc(party)}'
                         "</td>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>")
    majority = page.record("board", [_digits(page, MAJORITY.format(need=198, total=395))])[0]
    return (f'<section class="results-board"><h2>{esc(title)}</h2><span class="status">'
            f'{esc(status)}</span><ul class="progress"><li>{esc(counted_label)} <b>'
            f"{esc(counted)}</b></li><li>{esc(turnout_label)} <b>{esc(turnout)}</b></li><li>"
            f"{esc(polling_label)} <span>{esc(polling_day)}</span></li><li>{esc(updated_label)} "
            f'<span class="upd">{esc(updated)}</span></li></ul><table class="results"><thead>'
            "<tr>" + "".join(f"<th>{esc(c)}</th>" for c in columns) + "</tr></thead><tbody>"
            + "".join(body_rows) + f'</tbody></table><p class="majority">{esc(majority)}</p>'
            "</section>")


def _story(page: Page, board: str | None) -> str:
    parts = body.shape(page, lead=0.25, quote=0.2, subheads=0.25)
    html = body.parts_html(page, parts)
    if board is not None:
        html.insert(1, board)
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    return '<div class="election-story">\n' + "\n".join(html) + "\n</div>"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    where = page.stable(f"board:{page.section}").choice(("top", "after_lead", "side"))
    page.layout["board"] = where
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    polling = base - timedelta(days=rng.randint(1, 3), hours=rng.randint(0, 10))
    later = base + timedelta(hours=rng.randint(1, 12), minutes=rng.randrange(60))
    polling_day = dates.visible(polling, "weekday_day", a.site, page.eastern)
    updated = dates.visible(later, "numeric_time", a.site, page.eastern)
    zone = dates.site_zone(a.site)
    election = page.stable("election").choice(ELECTIONS)
    year = polling.astimezone(zone).year
    title = _digits(page, f"نتائج {election} {year}")
    rows = _results(page)
    board = _board(page, title, rows, polling_day, updated)
    event = {"@context": "https://schema.org", "@type": "Event", "name": title,
             "startDate": f"{polling.astimezone(zone):%Y-%m-%d}",
             "location": {"@type": "Country", "name": page.label}}
    feed = {"election": election, "lastUpdate": later.astimezone(zone).isoformat(
        timespec="seconds"), "parties": [{"name": r[0], "seats": r[2], "votes": r[3]}
                                         for r in rows]}
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} | {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.ld_script(event)
            + (meta.ld_script(meta.news_article(page))
               if page.date.where == "metadata" or b.in_metadata else "")
            + f"<script>window.__RESULTS__ = {script_json(feed)};</script>\n"
            + '<link rel="stylesheet" href="/elections/board.css">\n</head>\n')
    strip_label = page.pick("strip", STRIP)
    strip_items = page.record("strip", [_digits(page, f"{r[0]} {r[2]}") for r in rows[:4]])
    today = page.today_line("weekday_day")
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    crumbs = [*page.breadcrumbs(), page.record("breadcrumbs", [_digits(
        page, page.stable("crumb").choice(CRUMBS).format(year=year))])[0]]
    crumb_html = " › ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(crumbs))
    meta_row = []
    if b.visible and b.position == "before":
        names = page.linked_names()
        meta_row.append(f'<span class="by">{esc(b.prefix)}{names}</span>')
    if rng.random() < 0.35:
        credit = page.record("credit", [page.stable("photo").choice(PHOTO)
                                        + rng.choice(PHOTOGRAPHERS)])[0]
        meta_row.append(f'<span class="photo">{esc(credit)}</span>')
        page.layout["photographer"] = "yes"
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    figure = page.lead_figure()
    story = _story(page, board if where == "after_lead" else None)
    signed = ""
    if b.visible and b.position == "after":
        signed = f'<p class="signed">{esc(b.text())}</p>'
    map_caption = page.pick("map", MAP_CAPTIONS)
    hint = page.pick("map", MAP_HINTS)
    legend = page.record("map", [r[0] for r in rows])
    map_html = (f'<figure class="results-map"><img src="https://img.{attr(page.site.domain)}/'
                f'elections/map-{rng.getrandbits(32):08x}.svg" alt=""><figcaption>'
                f"{esc(map_caption)}</figcaption><ul class=\"legend\">"
                + "".join(f'<li><i class="sw" style="background:{r[1]}"></i>{esc(name)}</li>'
                          for r, name in zip(rows, legend, strict=True))
                + f'</ul><p class="hint">{esc(hint)}</p></figure>')
    district_heading = page.pick("districts", DISTRICT_HEADINGS)
    page.record("districts", list(DISTRICT_COLUMNS))
    taken = set(a.authors) | set(b.names)
    district_rows = []
    for district in rng.sample(DISTRICTS, rng.randint(3, 5)):
        winner = rng.choice(rows)[0]
        name = f"{rng.choice(CANDIDATE_FIRST)} {rng.choice(CANDIDATE_FAMILY)}"
        while name in taken:
            name = f"{rng.choice(CANDIDATE_FIRST)} {rng.choice(CANDIDATE_FAMILY)}"
        votes = _digits(page, f"{rng.randint(4, 90) * 1000 + rng.randrange(1000):,}")
        page.record("districts", [district, winner, name, votes])
        district_rows.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in (
            district, winner, name, votes)) + "</tr>")
    source = page.pick("legal", SOURCES)
    legal = page.pick("legal", LEGAL)
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    other_heading = page.pick("related", OTHER_HEADINGS)
    others = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> <span>'
                     f'{esc(link.date or "")}</span></li>'
                     for link in page.links("related", rng.randint(3, 5), "numeric_day"))
    footer = page.footer()
    side = f'<aside class="side">{board}</aside>' if where == "side" else ""
    return head + "\n".join([
        '<body class="elections">',
        f'<div class="results-strip"><b>{esc(strip_label)}</b> '
        + " ".join(f"<span>{esc(s)}</span>" for s in strip_items) + "</div>",
        f'<header><a class="logo" href="/"><img src="/logo.svg" alt="{attr(page.label)}"></a>'
        f'<span class="today">{esc(today)}</span><nav><ul>{menu}</ul></nav></header>',
        f'<nav class="crumbs">{crumb_html}</nav>',
        board if where == "top" else "",
        '<main><article class="election-article">',
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else "",
        f'<div class="share">{share}</div>',
        figure,
        story,
        signed,
        map_html,
        f'<section class="districts"><h3>{esc(district_heading)}</h3><table><thead><tr>'
        + "".join(f"<th>{esc(c)}</th>" for c in DISTRICT_COLUMNS) + "</tr></thead><tbody>"
        + "".join(district_rows) + "</tbody></table></section>",
        f'<p class="source">{esc(source)}</p><p class="legal">{esc(legal)}</p>',
        f'<div class="tags">{tags}</div>',
        "</article>",
        side,
        f'<section class="more"><h3>{esc(other_heading)}</h3><ul>{others}</ul></section>',
        "</main>",
        f'<footer><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
