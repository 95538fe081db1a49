"""An appointments story (تعيينات / "مراسيم وقرارات") of a portal's politics desk: the desk's story
about a decree naming people to posts, with the decree's own text as the official gazette
printed it (its number, its preamble "بناء على الدستور..."، its articles "المادة الأولى: يعين
السيد X ..."، the place and day it was signed and the signatory), the table of the appointees
with their new and former posts, and short profiles of them: legal prose that reads like a
text, people's names that are not the authors and days that are not the story's.

Body (``div.decree-story``): the story's parts (now and then a lead sentence of its own, a quoted
statement, intertitles, a list after its lead-in: body); the dateline a line of its own above
them or their bold start. Not body: the decree box (``section.decree-text``: "نص المرسوم كما
ورد في الجريدة الرسمية", the decree's number line, its preamble, its articles, "وحرر بـ<city>
في <day>" (one to ten days before the story), the signatory "الإمضاء: <name>" and the
gazette line "الجريدة الرسمية عدد 7352"); the appointees table (``table.appointees``); the
profiles (``section.profiles``: "من هم المعينون؟", "<name>: من مواليد 1968 ..."); the
"تحميل نص المرسوم (PDF)" link. Each section of a site places the decree box one way
(``layout["decree"]``): ``inside``, between two of the story's parts; ``after``, after the text;
``folded``, after the text in a ``<details>`` whose summary reads "عرض نص المرسوم كاملا".

Bylines: "كتب: X", "بقلم: X", the bare name, or metadata only, before or after the text; no
appointee or signatory is an author. Head: og tags; on metadata-dated pages (and for
metadata-only bylines) a JSON-LD ``NewsArticle`` and ``article:published_time``. Dates: metadata
(second) or the meta row (minute or day); the decree's day and the gazette's are never between
the title and the text.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, esc
from crawler.simulator.markup.page import Page, Traits, link_items
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import slugify

NAME = "appointment_decree"
TRAITS = Traits(
    date_formats=("weekday_day", "long_day", "numeric_time", "weekday_time", "hijri_paired"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.15,
    byline_forms=("kataba", "biqalam_colon", "bare", "meta_only"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.75, caption=0.7,
)

FIRST = ("عبد الرحيم", "نزهة", "محمد الأمين", "سعاد", "عبد الإله", "جميلة", "منصف", "وداد",
         "الطيب", "ابتسام")
FAMILY = ("الفاسي الفهري", "بنعبد الله", "الراشدي", "الودغيري", "المنصوري", "القباج", "الحمادي",
          "الجزولي")
"""Appointees and signatories: names of a pool of their own, none an author."""
POSTS = ("مديرا عاما للوكالة الوطنية للموانئ", "واليا على جهة الشرق", "سفيرا لدى مملكة إسبانيا",
         "رئيسا للمجلس الأعلى للحسابات", "كاتبا عاما لوزارة الصحة", "مديرا للمكتب الوطني للماء",
         "عاملا على إقليم تازة", "رئيسا لهيئة ضبط الكهرباء")
FORMER = ("مدير التخطيط بوزارة المالية", "أستاذ جامعي", "سفير سابق", "مدير جهوي للاستثمار",
          "مستشار بالديوان", "عضو مجلس الإدارة")
SIGNERS = ("رئيس الحكومة", "رئيس مجلس الوزراء", "الوزير الأول")
BOX_HEADINGS = ("نص المرسوم كما ورد في الجريدة الرسمية", "نص القرار")
NUMBER = "مرسوم رقم {a}.{b}.{c} صادر في {day} بتعيين مسؤولين في مناصب عليا"
PREAMBLE = ("بناء على الدستور، ولا سيما الفصل 92 منه؛",
            "وبناء على القانون التنظيمي المتعلق بالتعيين في المناصب العليا؛",
            "وبعد المداولة في مجلس الحكومة المنعقد بتاريخ {day}؛",
            "يرسم ما يلي:")
ARTICLE = ("المادة الأولى", "المادة الثانية", "المادة الثالثة", "المادة الرابعة",
           "المادة الخامسة")
NAMED = "{article}: يعين السيد(ة) {name} {post}."
CLOSING = "{article}: ينشر هذا المرسوم بالجريدة الرسمية."
SIGNED = "وحرر بـ{city} في {day}."
SIGNATURE = "الإمضاء: {name}، {role}"
GAZETTE = "الجريدة الرسمية عدد {n} بتاريخ {day}"
CITIES = ("الرباط", "القاهرة", "عمان", "تونس", "الجزائر", "الرياض", "مسقط")
FOLD = ("عرض نص المرسوم كاملا", "اضغط لقراءة نص القرار")
PDF = ("تحميل نص المرسوم (PDF)", "النسخة الرسمية (PDF)")
TABLE_HEADINGS = ("قائمة المعينين", "الأسماء والمناصب")
TABLE_COLUMNS = ("الاسم", "المنصب الجديد", "المنصب السابق")
PROFILES_HEADINGS = ("من هم المعينون؟", "سير ذاتية مختصرة")
PROFILE = "{name}: من مواليد {year}، شغل منصب {former} قبل تعيينه {post}."


def _decree(page: Page, people: list[tuple[str, str, str]], folded: bool) -> str:
    rng, a = page.rng, page.article
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    signed = base - timedelta(days=rng.randint(1, 10))
    council = signed - timedelta(days=rng.randint(2, 15))
    gazette = signed + timedelta(days=rng.randint(1, 20))

    def day(moment: datetime) -> str:
        return dates.visible(moment, "long_day", a.site, page.eastern)

    heading = page.pick("decree", BOX_HEADINGS)
    number = page.digits(NUMBER.format(a=rng.randint(1, 2), b=signed.strftime("%y"),
                                       c=rng.randint(100, 999), day=day(signed)))
    preamble = [line.format(day=day(council)) for line in PREAMBLE]
    named = [NAMED.format(article=ARTICLE[k], name=n, post=p) for k, (n, p, _) in
             enumerate(people)]
    closing = CLOSING.format(article=ARTICLE[len(people)])
    where = SIGNED.format(city=rng.choice(CITIES), day=day(signed))
    signer = SIGNATURE.format(name=f"{rng.choice(FIRST)} {rng.choice(FAMILY)}",
                              role=rng.choice(SIGNERS))
    gazette_line = page.digits(GAZETTE.format(n=rng.randint(6800, 7600), day=day(gazette)))
    lines = page.record("decree", [number, *preamble, *named, closing, where, signer,
                                   gazette_line])
    pdf = page.pick("decree", PDF)
    inner = (f'<p class="number"><b>{esc(lines[0])}</b></p>'
             + "".join(f"<p>{esc(x)}</p>" for x in lines[1:-3])
             + f'<p class="signed">{esc(lines[-3])}</p><p class="signature">{esc(lines[-2])}</p>'
             f'<p class="gazette"><small>{esc(lines[-1])}</small></p>'
             f'<a href="/files/decree-{rng.randint(1000, 9999)}.pdf">{esc(pdf)}</a>')
    if folded:
        summary = page.pick("decree", FOLD)
        inner = f"<details><summary>{esc(summary)}</summary>{inner}</details>"
    return f'<section class="decree-text"><h3>{esc(heading)}</h3>{inner}</section>'


def _story(page: Page, parts: list[Part], decree: str) -> str:
    rng = page.rng
    html = body.parts_html(page, parts, heading="h3", lead_tag="strong", lead_mark=":")
    blocks = [f'<div class="ad-box">{esc(page.pick("ad", furniture.AD_LABELS))}</div>']
    for link in page.links("read_also", rng.randint(1, 2)):
        blocks.append(f'<p class="read-also"><a href="{attr(link.url)}">'
                      f'{esc(page.pick("read_also", furniture.READ_ALSO))} {esc(link.title)}'
                      "</a></p>")
    if decree:
        blocks.append(decree)
    for block in blocks:  # between two parts, never between a list's lead-in and its list
        spots = [i for i in range(1, len(html)) if not html[i].startswith("<ul>")]
        html.insert(rng.choice(spots) if spots else len(html), block)
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    return '<div class="decree-story">\n' + "\n".join(html) + "\n</div>"


def render(page: Page) -> str:
    rng, b = page.rng, page.byline
    place = page.stable(f"decree:{page.section}").choice(("inside", "after", "folded"))
    page.layout.update(decree=place)
    names = rng.sample([f"{f} {s}" for f in FIRST for s in FAMILY], rng.randint(2, 4))
    people = [(n, p, rng.choice(FORMER)) for n, p in
              zip(names, rng.sample(POSTS, len(names)), strict=True)]
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} | {esc(page.label)}</title>\n"
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + (meta.ld_script(meta.news_article(page))
               if page.date.where == "metadata" or b.in_metadata else "")
            + "</head>\n")
    today = page.today_line("gregorian_hijri")
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    breaking = page.pick("ticker", furniture.BREAKING_LABELS)
    ticker = "".join(f"<span>{esc(x.title)}</span>"
                     for x in page.links("ticker", rng.randint(3, 5)))
    crumbs = " » ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(page.breadcrumbs()))
    meta_row = []
    if b.visible and b.position == "before":
        meta_row.append(f'<span class="by">{esc(b.prefix)}{page.linked_names()}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.25, bullets=0.15)
    decree = _decree(page, people, place == "folded")
    story = _story(page, parts, decree if place == "inside" else "")
    signed = (f'<p class="signed-by">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    table_heading = page.pick("appointees", TABLE_HEADINGS)
    columns = page.record("appointees", list(TABLE_COLUMNS))
    rows = "".join("<tr>" + "".join(f"<td>{esc(x)}</td>" for x in page.record(
        "appointees", [n, p, f])) + "</tr>" for n, p, f in people)
    profiles_heading = page.pick("profiles", PROFILES_HEADINGS)
    profiles = "".join(f"<li>{esc(x)}</li>" for x in page.record("profiles", [
        page.digits(PROFILE.format(name=n, year=rng.randint(1958, 1980), former=f, post=p))
        for n, p, f in people]))
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    related_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = link_items(page.links("related", rng.randint(3, 5), "weekday_day"))
    comments_heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    comments = "".join(f'<li><b>{esc(n)}</b> <span>{esc(d)}</span><p>{esc(w)}</p></li>'
                       for n, d, w in page.reader_comments(rng.randint(0, 2)))
    form = "".join(f"<label>{esc(x)}</label>" for x in page.comment_form())
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = link_items(page.links("most_read", 5, "numeric_day"))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        "<body>",
        f'<div class="top"><span class="date">{esc(today)}</span></div>',
        f'<header><a class="logo" href="/">{esc(page.label)}</a><nav><ul>{menu}</ul></nav>'
        "</header>",
        f'<div class="urgent"><b>{esc(breaking)}</b> {ticker}</div>',
        '<div class="container"><main>',
        f'<nav class="crumbs">{crumbs}</nav>',
        '<article class="news">',
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="info">{" - ".join(meta_row)}</div>' if meta_row else "",
        page.lead_figure(),
        f'<div class="share">{share}</div>',
        story,
        signed,
        decree if place != "inside" else "",
        f'<table class="appointees"><caption>{esc(table_heading)}</caption><tr>'
        + "".join(f"<th>{esc(c)}</th>" for c in columns) + f"</tr>{rows}</table>",
        f'<section class="profiles"><h3>{esc(profiles_heading)}</h3><ul>{profiles}</ul>'
        "</section>",
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="related"><h3>{esc(related_heading)}</h3><ul>{related}</ul></section>',
        f'<section class="comments"><h3>{esc(comments_heading)}</h3><ol>{comments}</ol>'
        f"<form>{form}</form></section>",
        "</main>",
        f'<aside><h3>{esc(most_heading)}</h3><ol>{most}</ol></aside>',
        "</div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
