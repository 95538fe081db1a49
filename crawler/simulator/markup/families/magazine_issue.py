"""One article of a weekly magazine's issue (مجلة أسبوعية / "العدد 1245") on the magazine's
website: the article page inside the issue's frame: the issue bar (its number, its year of
publication in words, "صدر يوم" the render day: after the article, never its date), the
issue's contents ("في هذا العدد": per entry its section, its title, its writer in a byline's very
words "بقلم: X" / "X يكتب:", a teaser sentence and its page "ص 34": other articles' writers,
none of them the article's), the editor's letter ("كلمة العدد": a paragraph of prose signed
"رئيس التحرير: X": no author), the page's own print line ("نشر في العدد 1245، ص 22") and the
subscription box.

Body: the article's parts (now and then a lead sentence of its own, a quoted statement,
intertitles: body) in ``div.mag-text``: ``<p>``s, intertitles ``<h3>``, quotes
``<blockquote>``; on sites with a drop cap (``layout["dropcap"]``) the first paragraph's first
three words in a ``<span class="dropcap">`` set large (the opening of the paragraph, not a
heading). The dateline is a ``p.dateline`` line above the text or the bold start of the first
paragraph.

Not body: the contents, placed per section (``layout["contents"]``): ``above``, the issue cover
and the contents before the ``<h1>``; ``inside``, a "من العدد نفسه" strip of two entries between
two parts of the text; ``after``, the full contents after the text; ``side``, in the sidebar. Also
the editor's letter (in the sidebar or after the text), the print line, the subscription box, an
ad and read-also lines between the parts, tags, related stories, comments, the most read and the
footer.

Bylines: "بقلم: X", "الكاتب: X", the bare name in a writer's card, or metadata only, before or
after the text, two writers now and then; the contents' writers and the editor-in-chief are no
authors. Head: og tags, a ``PublicationIssue`` JSON-LD (the issue number and the periodical); on
metadata-dated pages (and for metadata-only bylines) a ``NewsArticle`` and
``article:published_time``. Dates: metadata (second) or the meta row; the issue's day is never
between the title and the text.
"""

from __future__ import annotations

from typing import Any

from crawler.simulator.markup import body, dates
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import esc, inline, weave
from crawler.simulator.markup.page import Page, Traits

NAME = "magazine_issue"
TRAITS = Traits(
    date_formats=("long_day", "weekday_day", "weekday_comma_day", "weekday_time", "dot_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("biqalam_colon", "katib", "bare", "meta_only"),
    byline_positions=("before", "before", "after"), two_authors=0.15,
    dateline_positions=("line", "body_lead", "omitted", "omitted"),
    display_title=0.5, image=0.85, caption=0.7,
)

CONTENTS_PLACES = ("above", "inside", "after", "side")

ISSUE = "العدد {number}"
YEARS = ("السنة الثامنة عشرة", "السنة الحادية والعشرون", "السنة الثلاثون")
ISSUED = "صدر يوم {day}"
CONTENTS_HEADING = ("في هذا العدد", "محتويات العدد", "فهرس العدد")
SAME_ISSUE = ("من العدد نفسه", "اقرأ في العدد")
SECTIONS = ("ملف العدد", "حوار", "تحقيق", "ثقافة", "سينما", "اقتصاد", "رحلات", "علوم")
ENTRY_TITLES = ("المدن الصغيرة وسؤال الهجرة المعاكسة", "ذاكرة الموانئ القديمة",
                "حين تصبح القراءة عادة عائلية", "أسواق الحرف بين الأمس واليوم",
                "مسرح الهواة يبحث عن خشبة", "الطاقة الشمسية على أسطح المدارس",
                "رحلة إلى قرى الواحات", "من يكتب تاريخ الأحياء الشعبية؟")
TEASERS = ("جولة في التحولات التي عرفتها أحياء كاملة خلال عقدين.",
           "شهادات من الميدان وأرقام تنشر لأول مرة.",
           "أسئلة مفتوحة حول ما ينتظر الجيل المقبل.",
           "قراءة هادئة في ظاهرة تتسع عاما بعد عام.")
ENTRY_BYLINES = ("بقلم: {name}", "{name} يكتب:", "إعداد: {name}")
CONTRIBUTOR_FIRST = ("مهند", "ريتا", "قيس", "آمال", "نزار", "وفاء", "جهاد", "سوسن")
CONTRIBUTOR_FAMILY = ("الطرابلسي", "الحوراني", "العكاري", "المصري", "البيطار", "السوسي")
"""The contents' writers and the editor-in-chief: a pool of their own, none an author."""
PAGE_NO = "ص {n}"
LETTER_HEADING = ("كلمة العدد", "افتتاحية العدد", "رسالة التحرير")
LETTERS = ("نفتح في هذا العدد ملفا انتظره قراؤنا طويلا، ونعود فيه إلى أسئلة لم تفقد راهنيتها، "
           "على أمل أن تكون صفحاته مساحة للنقاش الهادئ.",
           "يصل هذا العدد إلى أيديكم في أسبوع مزدحم بالأحداث، وقد اخترنا أن نبتعد قليلا عن "
           "العناوين العاجلة لنقترب من الناس وحكاياتهم.")
SIGNED = "رئيس التحرير: {name}"
PRINT_LINE = "نشر في {issue}، ص {n}"
SUBSCRIBE = ("اشترك في المجلة", "52 عددا في السنة مع التوصيل إلى البيت", "اشترك الآن")
COVER_ALT = ("غلاف العدد", "غلاف المجلة")
KICKER = ("من المجلة", "مقالات العدد")


def _issue(page: Page) -> tuple[str, str, str]:
    number = page.digits(str(page.stable("issue").randint(900, 1900)
                             + (page.today - page.today.replace(month=1, day=1)).days // 7))
    issue = page.record("issue", [ISSUE.format(number=number)])[0]
    year = page.pick("issue", YEARS)
    issued = page.record("issue", [ISSUED.format(day=dates.visible(
        page.today, "weekday_day", page.article.site, page.eastern))])[0]
    return issue, year, issued


Entry = tuple[str, str, str, str, str]
"""A contents entry: section, title, the writer's line, teaser, page."""


def _entries(page: Page, count: int) -> list[Entry]:
    rng = page.rng
    out: list[Entry] = []
    for title, section in zip(rng.sample(ENTRY_TITLES, count), rng.sample(SECTIONS, count),
                              strict=True):
        name = f"{rng.choice(CONTRIBUTOR_FIRST)} {rng.choice(CONTRIBUTOR_FAMILY)}"
        entry = (section, title, rng.choice(ENTRY_BYLINES).format(name=name),
                 rng.choice(TEASERS), page.digits(PAGE_NO.format(n=rng.randint(4, 90))))
        page.record("contents", list(entry))
        out.append(entry)
    return out


def _entry_html(entry: Entry) -> str:
    section, title, byline, teaser, page_no = entry
    return (f'<li class="entry"><span class="section">{esc(section)}</span> <a href="#">'
            f'{esc(title)}</a><span class="entry-by">{esc(byline)}</span><p class="teaser">'
            f'{esc(teaser)}</p><span class="page-no">{esc(page_no)}</span></li>')


def _contents(page: Page, place: str, issue: tuple[str, str, str]) -> str:
    if place == "inside":
        heading = page.pick("contents", SAME_ISSUE)
        entries = _entries(page, 2)
        return (f'<aside class="issue-contents inside"><h4>{esc(heading)}</h4><ul>'
                + "".join(_entry_html(e) for e in entries) + "</ul></aside>")
    heading = page.pick("contents", CONTENTS_HEADING)
    entries = _entries(page, page.rng.randint(3, 5) if place == "side" else page.rng.randint(4, 7))
    cover = ""
    if place == "above":
        alt = page.stable("cover-alt").choice(COVER_ALT)
        cover = (f'<div class="cover"><img src="/covers/{page.rng.getrandbits(32):08x}.jpg" '
                 f'alt="{esc(alt)}"><p class="issue-line">{esc(issue[0])} · {esc(issue[1])} · '
                 f'{esc(issue[2])}</p></div>')
    return (f'<section class="issue-contents {place}">{cover}<h2>{esc(heading)}</h2><ol>'
            + "".join(_entry_html(e) for e in entries) + "</ol></section>")


def _letter(page: Page) -> str:
    rng = page.rng
    heading = page.pick("letter", LETTER_HEADING)
    name = f"{rng.choice(CONTRIBUTOR_FIRST)} {rng.choice(CONTRIBUTOR_FAMILY)}"
    text, signed = page.record("letter", [rng.choice(LETTERS), SIGNED.format(name=name)])
    return (f'<div class="editor-letter"><h3>{esc(heading)}</h3><p>{esc(text)}</p>'
            f'<p class="signed">{esc(signed)}</p></div>')


def _text(page: Page, parts: list[Part], blocks: list[str], dropcap: bool) -> str:
    rng = page.rng
    lead = page.dateline if page.dateline and page.dateline.position == "body_lead" else None
    html = []
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            html.append(f"<h3>{esc(text)}</h3>")
        elif part.kind == "quote":
            html.append(f"<blockquote><p>{esc(text)}</p></blockquote>")
        elif part.kind == "list":
            html.append("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>")
        elif i == 0 and lead:
            html.append(f"<p><b>{esc(lead.text)}</b> - {inline(text, rng, 0.2)}</p>")
        elif i == 0 and dropcap and len(text.split(" ")) > 4:
            opening, rest = text.split(" ", 3)[:3], text.split(" ", 3)[3]
            html.append(f'<p class="first"><span class="dropcap">{esc(" ".join(opening))}'
                        f"</span> {esc(rest)}</p>")
        else:
            html.append(f"<p>{inline(text, rng, 0.2)}</p>")
    woven = weave(html, blocks, rng)
    if page.dateline and page.dateline.position == "line":
        woven.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    return '<div class="mag-text">\n' + "\n".join(woven) + "\n</div>"


def _issue_ld(page: Page, issue: tuple[str, str, str]) -> dict[str, Any]:
    """The issue: its number and its periodical (its day only on the page: a ``datePublished``
    here would be a machine date that is not the article's)."""
    return {"@context": "https://schema.org", "@type": "PublicationIssue",
            "issueNumber": issue[0].split()[-1],
            "isPartOf": {"@type": "Periodical", "name": page.label}}


def _writer_card(page: Page) -> str:
    b = page.byline
    return (f'<div class="writer-card"><img src="/writers/{page.rng.getrandbits(24):06x}.jpg" '
            f'alt=""><span class="by">{esc(b.prefix)}{page.linked_names("/writers/")}</span>'
            "</div>")


def render(page: Page) -> str:
    b = page.byline
    place = page.stable(f"contents:{page.article.kind}:{page.section}").choice(CONTENTS_PLACES)
    dropcap = page.stable("dropcap").random() < 0.5
    page.layout.update(contents=place, dropcap="yes" if dropcap else "no")
    issue = _issue(page)
    contents = _contents(page, place, issue)
    top = chrome.header(page, "weekday_day", " › ")
    bar = (f'<div class="issue-bar"><span>{esc(issue[0])}</span> <span>{esc(issue[1])}</span> '
           f'<span>{esc(issue[2])}</span></div>')
    kicker = page.pick("kicker", KICKER)
    row = []
    if b.visible and b.position == "before":
        row.append(_writer_card(page) if b.form == "bare" else
                   f'<span class="by">{esc(b.prefix)}{page.linked_names("/writers/")}</span>')
    if page.date.visible:
        row.append(page.date_span())
    parts = body.shape(page, lead=0.15, quote=0.25, subheads=0.35)
    blocks = chrome.interruptions(page, (0, 1))
    if place == "inside":
        blocks.append(contents)
    story = _text(page, parts, blocks, dropcap)
    print_line = page.record("print_line", [page.digits(PRINT_LINE.format(
        issue=issue[0], n=page.rng.randint(4, 90)))])[0]
    letter_side = page.stable(f"letter:{page.section}").random() < 0.5
    sub_title, sub_text, sub_go = page.record("subscribe", list(SUBSCRIBE))
    subscribe = (f'<div class="subscribe"><h3>{esc(sub_title)}</h3><p>{esc(sub_text)}</p>'
                 f'<a href="/subscribe">{esc(sub_go)}</a></div>')
    main, side, foot = chrome.after(page, "long_day")
    return chrome.head(page, (_issue_ld(page, issue),), articleSection="المجلة") + "\n".join([
        '<body class="magazine">',
        top,
        bar,
        '<div class="layout">',
        contents if place == "above" else "",
        '<div class="cols"><main>',
        '<article class="mag-article">',
        f'<a class="kicker" href="/magazine">{esc(kicker)}</a>',
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" · ".join(row)}</div>' if row else "",
        page.lead_figure(),
        story,
        chrome.signed(page),
        f'<p class="print-line">{esc(print_line)}</p>',
        chrome.share(page),
        "</article>",
        "" if letter_side else _letter(page),
        contents if place == "after" else "",
        main,
        "</main>",
        '<aside class="sidebar">',
        contents if place == "side" else "",
        _letter(page) if letter_side else "",
        subscribe,
        side,
        "</aside></div></div>",
        foot,
    ])
