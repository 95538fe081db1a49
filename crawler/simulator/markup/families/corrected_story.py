"""A developing story that the desk kept updating and then corrected (خبر محدث / "تصحيح"): the
story with its update marks inside the text, the editors' notes around it, the correction notice
and the story's revision log: times of the same story all round it, and an earlier headline.

Body (``div.story-text``): the story's parts (now and then a lead sentence of its own, a quoted
statement as a ``<blockquote>``, intertitles: body), as ``<p>``s or bare ``<div>``s per section of
a site (``layout["text"]``). Paragraphs added by later updates carry the update's mark, set one
way per section (``layout["marks"]``): ``run_in``, the bold start of the paragraph ("تحديث 14:20:"
then the text: the text after it is body), ``line``, a ``p.update-mark`` of its own before the
paragraph, or ``none``. The marks are not body; they print the update's time of day only. The
dateline, when shown, is a line of its own above the text or the bold start of its first
paragraph. Between two parts: an ad slot, a read-also line (not body).

Not body: the update badge above the ``<h1>`` ("خبر محدث" and "(تحديث 3)"); the editor's note
atop the text on some pages (``div.editor-note``: "ملاحظة المحرر: جرى تحديث هذا الخبر..."); the
correction notice (``aside.correction``: "تصحيح:" or "توضيح:" and what an earlier version said,
prose; ``layout["correction"]``), placed per section (``layout["correction_place"]``): ``top``,
between the meta row and the text, undated, or ``end``, after the text with the day and time it
was corrected ("صُحح في: ...", after the publication); the revision log (``section.revisions``,
"سجل التحديثات": the first publication, each update with what changed, the headline's change with
the earlier headline "«عاجل: ...»" (another title of the same story), the correction, each with
the editor who made it: names of a pool of their own, never authors), placed per section
(``layout["log"]``): ``after`` the text or ``side``. On dated pages the log prints its times in
the page's date format (the first entry the publication itself, the same value as the page's
date); on undated pages only their ages ("منذ 3 أسابيع"). The meta row of some pages names the
last editor ("آخر تعديل بواسطة: Y": not an author).

Bylines: "كتب: X", "بقلم: X", "المحرر: X" (``edited_by``: the name is the author), the bare name,
or metadata only; in the meta row under the ``<h1>`` or after the text. Dated pages print the
date with its label in the meta row beside "آخر تحديث:" and the last update's time.
Page: the header (logo, menu, today's date: render time), the breaking ticker, breadcrumbs; the
badge; the ``<h1>``; the meta row; share buttons; the lead image with its caption. After the
text: the byline when after, the correction (``end``), the log (``after``), tags, related
stories with dates, the comments; the sidebar: the log (``side``), most read with dates; the
footer.

Head: og tags; on metadata-dated pages (and for metadata-only bylines) a JSON-LD
``NewsArticle`` (``dateModified`` the last update, ``correction`` a ``CorrectionComment`` with
the notice's text only) and ``article:published_time`` / ``article:modified_time``. Text-dated
and undated pages carry no machine date.
Dates: metadata (second) or the meta row (minute); undated pages show the update marks' times
of day (inside the text, after its first paragraph), the correction's day (after the text), the
log's ages, the lists' dates and the header's day, never between the title and the text.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, esc, weave
from crawler.simulator.markup.page import Page, Traits, link_items
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import slugify

NAME = "corrected_story"
TRAITS = Traits(
    date_formats=("weekday_time", "numeric_time", "day_at_time", "time_first", "levant_time",
                  "ampm_comma"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("kataba", "biqalam_colon", "edited_by", "bare", "meta_only"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.7, caption=0.6,
)

BADGES = ("خبر محدث", "تحديث مستمر", "متابعة")
COUNTER = "(تحديث {n})"
LAST_UPDATE = ("آخر تحديث:", "حُدّث في:")
LAST_EDITOR = ("آخر تعديل بواسطة: {name}", "عدّله: {name}")
MARKS = ("تحديث {t}", "محدث {t}", "[تحديث {t}]")
EDITOR_NOTES = ("ملاحظة المحرر: جرى تحديث هذا الخبر بإضافة تصريحات جديدة وتفاصيل إضافية.",
                "ملاحظة المحرر: هذا خبر متجدد، وستتم إضافة التفاصيل فور ورودها.",
                "ملاحظة المحرر: عدلت بعض فقرات هذا الخبر بعد نشره لأول مرة بناء على معطيات "
                "رسمية جديدة.")
CORRECTIONS = ("ورد في نسخة سابقة من هذا الخبر أن اللقاء عقد يوم الثلاثاء، والصحيح أنه عقد "
               "يوم الأربعاء. نعتذر لقرائنا عن هذا الخطأ.",
               "ذكرت نسخة سابقة من هذا الخبر أن قيمة المشروع تبلغ أربعين مليون دولار، والصحيح أنها "
               "أربعة عشر مليونا. وقد جرى تعديل النص.",
               "نسبت نسخة سابقة من هذا الخبر أحد التصريحات إلى مسؤول بغير صفته الحالية، وقد "
               "صححت الصفة في النص.",
               "أخطأت نسخة سابقة من هذا الخبر في ذكر المدينة التي احتضنت اللقاء، وقد صحح الخطأ "
               "بعد تنبيه من أحد القراء.")
"""Correction notices (written for this generator): what an earlier version said, not the story."""
CORRECTION_LABELS = ("تصحيح:", "توضيح:")
CORRECTED_ON = "صُحح في: {when}"
OMBUDSMAN = "محرر القراء: {name}"
LOG_HEADINGS = ("سجل التحديثات", "تاريخ تعديلات الخبر")
LOG_FIRST = ("النشر الأول", "نشر الخبر")
LOG_NOTES = ("إضافة تصريحات رسمية", "إضافة تفاصيل جديدة", "تحديث الأرقام", "إضافة صور",
             "إعادة صياغة الفقرة الأولى")
LOG_TITLE = "تعديل العنوان، وكان: «{old}»"
LOG_CORRECTION = "نشر تصحيح"
LOG_BY = "بواسطة: {name}"
BREAKING = ("عاجل: ", "عاجل | ")
EDITORS = ("وسام الكتاني", "رحاب النمري", "أيوب الزياني", "غادة الصيرفي", "معتز الهواري",
           "شذى البرغوثي", "جمال الدين الوزاني")
"""Desk editors who update stories: a pool of names of their own (never an author)."""


def _zone(page: Page) -> timezone | None:
    """The zone the page's visible dates are in (the metadata's, unless it is UTC)."""
    machine = page.date.machine
    if machine is None or machine.zone.utcoffset(None) == timedelta(0):
        return None
    return machine.zone


def _shown(page: Page, moment: datetime) -> str:
    """``moment`` in the page's date format (dated pages) or as an age (undated pages)."""
    if page.date.where == "none":
        return page.digits(dates.age(page.today - moment))
    return dates.visible(moment, page.layout["date_format"], page.article.site, page.eastern,
                         _zone(page))


def _updates(page: Page, base: datetime) -> list[datetime]:
    """The update instants after the publication; the last is the metadata's modification."""
    rng = page.rng
    if page.date.modified_machine:
        last = datetime.fromisoformat(page.date.modified_machine.replace("Z", "+00:00"))
    else:
        last = base + timedelta(hours=rng.randint(2, 30), minutes=rng.randrange(60))
    span = int((last - base).total_seconds() // 60)
    count = rng.randint(2, 4)
    middle = sorted(rng.sample(range(15, span - 10), count - 1))
    return [base + timedelta(minutes=m) for m in middle] + [last]


def _text(page: Page, parts: list[Part], style: str, marks: str, updates: list[datetime]
          ) -> tuple[str, int]:
    """The story's markup and how many update marks it carries (``updates``: the ones that
    added text)."""
    rng, html = page.rng, body.parts_html(page, parts, lead_tag="strong")
    tag = "div" if style == "div" else "p"
    if style == "div":  # the site's editor saves paragraphs as bare <div>s
        html = [h.replace("<p>", "<div>").replace("</p>", "</div>") for h in html]
    # the later updates added the last paragraphs: mark them with the updates' times, in order
    marked = [i for i, part in enumerate(parts) if i > 0 and part.kind == "p"][-2:]
    marked = marked[-rng.randint(1, len(marked)):] if marked and marks != "none" else []
    marked = marked[max(0, len(marked) - len(updates)):]
    zone = dates.site_zone(page.article.site)
    form = page.stable("mark").choice(MARKS)
    for i, moment in zip(marked, updates[:len(marked)], strict=True):
        mark = page.record("update_marks", [page.digits(form.format(
            t=f"{moment.astimezone(zone):%H:%M}"))])[0]
        if marks == "run_in":
            html[i] = html[i].replace(f"<{tag}>", f'<{tag}><strong class="upd">{esc(mark)}:'
                                                   "</strong> ", 1)
        else:
            html[i] = f'<p class="update-mark"><span>{esc(mark)}</span></p>\n{html[i]}'
    extras = [f'<div class="ad"><span>{esc(page.pick("ad", furniture.AD_LABELS))}</span></div>']
    for link in page.links("read_also", rng.randint(0, 1)):
        extras.append(f'<p class="read-also">{esc(page.pick("read_also", furniture.READ_ALSO))} '
                      f'<a href="{attr(link.url)}">{esc(link.title)}</a></p>')
    html = weave(html, extras, rng)
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    return '<div class="story-text">\n' + "\n".join(html) + "\n</div>", len(marked)


def _correction(page: Page, place: str, when: datetime) -> tuple[str, str]:
    """The notice's markup and its text (for the JSON-LD)."""
    rng = page.rng
    label = page.pick("correction", CORRECTION_LABELS)
    words = page.record("correction", [rng.choice(CORRECTIONS)])[0]
    extra = ""
    if place == "end":  # at the end the notice is dated; atop the text it is not
        day = page.record("correction", [CORRECTED_ON.format(when=_shown(page, when))])[0]
        extra = f'<span class="when">{esc(day)}</span>'
        if rng.random() < 0.5:
            sign = page.record("correction", [OMBUDSMAN.format(name=rng.choice(EDITORS))])[0]
            extra += f' <span class="sign">{esc(sign)}</span>'
    return (f'<aside class="correction"><p><strong>{esc(label)}</strong> <em>{esc(words)}</em>'
            f"</p>{f'<p>{extra}</p>' if extra else ''}</aside>", words)


def _log(page: Page, base: datetime, updates: list[datetime], old_title: str,
         corrected: bool) -> str:
    rng = page.rng
    heading = page.pick("revisions", LOG_HEADINGS)
    notes = rng.sample(LOG_NOTES, len(updates))
    notes[rng.randrange(len(notes) - int(corrected))] = LOG_TITLE.format(old=old_title)
    if corrected:
        notes[-1] = LOG_CORRECTION
    rows = [(page.pick("revisions", LOG_FIRST), base), *zip(notes, updates, strict=True)]
    items = []
    for what, moment in rows:
        when, by = _shown(page, moment), LOG_BY.format(name=rng.choice(EDITORS))
        page.record("revisions", [when, what, by])
        items.append(f'<li><span class="t">{esc(when)}</span> <span class="what">{esc(what)}'
                     f'</span> <span class="by">{esc(by)}</span></li>')
    return (f'<section class="revisions"><h3>{esc(heading)}</h3><ol>{"".join(items)}</ol>'
            "</section>")


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    style = page.stable(f"text:{page.section}").choice(("p", "div"))
    marks = page.stable(f"marks:{page.section}").choice(("run_in", "line", "none"))
    correction_place = page.stable(f"correction:{page.section}").choice(("top", "end"))
    log_place = page.stable(f"log:{page.section}").choice(("after", "side"))
    corrected = rng.random() < 0.7
    page.layout.update(text=style, marks=marks, log=log_place,
                       correction="yes" if corrected else "no",
                       correction_place=correction_place)
    base = (a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))).astimezone(UTC)
    updates = _updates(page, base)
    old_title = rng.choice(BREAKING) + a.title.split(" في ")[0]

    correction, words = _correction(page, correction_place, updates[-1]) if corrected else ("", "")
    extra: dict[str, Any] = ({"correction": {"@type": "CorrectionComment", "text": words}}
                             if corrected else {})
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} - {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + (meta.ld_script(meta.news_article(page, **extra))
               if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/assets/story.css">\n</head>\n')
    today = page.today_line(page.stable("today").choice(("weekday_day", "weekday_comma_day")))
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    ticker_label = page.pick("ticker", furniture.BREAKING_LABELS)
    ticker = link_items(page.links("ticker", rng.randint(3, 6)))
    crumbs = page.breadcrumbs()
    crumb_html = " › ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(crumbs))
    badge = page.pick("badge", BADGES)
    counter = page.record("badge", [page.digits(COUNTER.format(n=len(updates)))])[0]

    meta_row = []
    if b.visible and b.position == "before":
        meta_row.append(f'<span class="by">{esc(b.prefix)}{page.linked_names()}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
        label = page.pick("last_update", LAST_UPDATE)
        last = page.record("last_update", [_shown(page, updates[-1])])[0]
        meta_row.append(f'<span class="updated">{esc(label)} {esc(last)}</span>')
    if rng.random() < 0.4:
        editor = page.record("last_editor", [page.stable("editor").choice(LAST_EDITOR).format(
            name=rng.choice(EDITORS))])[0]
        meta_row.append(f'<span class="editor">{esc(editor)}</span>')
        page.layout["last_editor"] = "yes"
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    note = ""
    if rng.random() < 0.4:
        words = page.pick("editor_note", EDITOR_NOTES)
        note = f'<div class="editor-note"><p>{esc(words)}</p></div>'

    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.2)
    text, marked = _text(page, parts, style, marks, updates[:-1] if corrected else updates)
    page.layout["marked"] = str(marked)
    signed = (f'<p class="signed">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    log = _log(page, base, updates, old_title, corrected)
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    related_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = link_items(page.links("related", rng.randint(3, 5), "numeric_time"))
    comments_heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    comments = "".join(f'<li><b>{esc(name)}</b> <span class="d">{esc(day)}</span>'
                       f"<p>{esc(words)}</p></li>"
                       for name, day, words in page.reader_comments(rng.randint(0, 3)))
    form = "".join(f"<label>{esc(x)}</label>" for x in page.comment_form())
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = link_items(page.links("most_read", 5, "long_day"))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="single story">',
        f'<header><a class="logo" href="/"><img src="/logo.png" alt="{attr(page.label)}"></a>'
        f'<span class="today">{esc(today)}</span><nav><ul>{menu}</ul></nav></header>',
        f'<div class="ticker"><b>{esc(ticker_label)}</b><ul>{ticker}</ul></div>',
        f'<nav class="crumbs">{crumb_html}</nav>',
        '<div class="cols"><main><article class="story">',
        f'<div class="update-badge"><span class="b">{esc(badge)}</span> <span class="n">'
        f"{esc(counter)}</span></div>",
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" | ".join(meta_row)}</div>' if meta_row else "",
        f'<div class="share">{share}</div>',
        page.lead_figure(),
        note,
        correction if correction_place == "top" else "",
        text,
        signed,
        correction if correction_place == "end" else "",
        log if log_place == "after" else "",
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="related"><h3>{esc(related_heading)}</h3><ul>{related}</ul></section>',
        f'<section class="comments"><h3>{esc(comments_heading)}</h3><ol>{comments}</ol>'
        f"<form>{form}</form></section>",
        "</main>",
        f'<aside class="side">{log if log_place == "side" else ""}<h3>{esc(most_heading)}</h3>'
        f"<ol>{most}</ol></aside>",
        "</div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
