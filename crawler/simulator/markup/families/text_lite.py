"""A "lite" text-only edition (النسخة الخفيفة) that portals keep for slow connections and old
phones: bare 1990s markup with no class or id anywhere, ``<font>``, ``<center>``, ``<b>``,
``<hr>`` and ``<br>``, no ``<article>``, ``<main>``, ``<header>`` or ``<footer>``.

Body: the article's parts (now and then a lead sentence or a closing sentence of its own, one or
two intertitles in ``<b>``: body). Each section of a site sets the text one way
(``layout["text"]``): ``br``, the paragraphs in one ``<font size="2">`` separated by
``<br><br>``; ``p``, bare ``<p>`` elements without attributes; ``pre``, one ``<pre>`` whose
paragraphs are lines separated by a blank line. The dateline, when shown, is a ``<b>`` line of
its own before the text or the bold start of the first paragraph ("بيروت - العرب اليوم -").

Top of the page: the site's name centred, the day's date (render time), a pipe-separated menu
line, the lite-mode notice (a sentence: "أنت تتصفح النسخة الخفيفة من الموقع المخصصة للاتصالات
البطيئة، وللانتقال إلى النسخة الكاملة اضغط هنا."), a rule. Then the title in ``<b><font
size="3">``, the byline line when it goes before ("بقلم: X", "كتب: X", "كتب - X", "X -" the bare
name with a dash, ``meta_only``), the date line on text-dated pages ("نشر في: ..."; also on some
metadata-dated ones), the lead image (``<img>`` with its caption in ``<font size="1">``) on some
pages, and on pages without an image the media note ("الصور ومقاطع الفيديو متاحة في النسخة
الكاملة من هذا الخبر.": a sentence between the title block and the text, not body).
After the text: the byline when it goes after (in ``<i>``), "اقرأ أيضا" lines ("» title
(date)") and the previous / next links ("الخبر السابق:" / "الخبر التالي:" with titles), the
links line (النسخة الكاملة | أعلى الصفحة | الرئيسية), a rule, the copyright lines.

Head: ``<title>``; on metadata-dated pages ``article:published_time`` and, for metadata-only
bylines, ``<meta name="author">`` (no JSON-LD, no og tags). Text-dated and undated pages carry
no machine date.
Dates: metadata (second) or the date line (minute or day); undated pages show the header's day
and the read-also dates only.
"""

from __future__ import annotations

from crawler.simulator.markup import body, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, esc
from crawler.simulator.markup.page import Page, Traits

NAME = "text_lite"
TRAITS = Traits(
    date_formats=("numeric_time", "long_day", "time_first", "dot_day", "weekday_time"),
    date_where=(0.35, 0.4, 0.25), meta_styles=("site", "utc", "plus3"),
    visible_with_meta=0.7, eastern_digits=0.2,
    byline_forms=("biqalam_colon", "kataba", "bare", "bare", "meta_only"),
    byline_prefixes={"biqalam_colon": ("بقلم: ", "بقلم : "), "kataba": ("كتب: ", "كتب - ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.4, image=0.35, caption=0.6,
)

NOTICES = ("أنت تتصفح النسخة الخفيفة من الموقع المخصصة للاتصالات البطيئة، وللانتقال إلى النسخة "
           "الكاملة اضغط هنا.",
           "هذه نسخة نصية مبسطة من الموقع تناسب الهواتف القديمة وتوفر استهلاك البيانات.")
MEDIA_NOTES = ("الصور ومقاطع الفيديو متاحة في النسخة الكاملة من هذا الخبر.",
               "لمشاهدة الصور المرفقة بالخبر انتقل إلى النسخة الكاملة.")
READ_ALSO = ("اقرأ أيضا", "أخبار أخرى")
PREV_NEXT = (("الخبر السابق:", "الخبر التالي:"), ("السابق:", "التالي:"))
LINKS = (("النسخة الكاملة", "أعلى الصفحة", "الرئيسية"), ("الموقع الكامل", "للأعلى", "الرئيسية"))


def _lines(page: Page, parts: list[Part]) -> list[str]:
    """One text per part, the dateline run into the first paragraph when it goes there."""
    out = []
    for i, part in enumerate(parts):
        text = part.texts[0]
        if i == 0 and part.kind == "p" and page.dateline \
                and page.dateline.position == "body_lead":
            out.append(f"<b>{esc(page.dateline.text)} -</b> {esc(text)}")
        elif part.kind == "subhead":
            out.append(f"<b>{esc(text)}</b>")
        else:
            out.append(esc(text))
    return out


def _text(page: Page, parts: list[Part], style: str) -> str:
    lines = _lines(page, parts)
    line = (f"<b>{esc(page.dateline.text)}</b>"
            if page.dateline and page.dateline.position == "line" else "")
    if style == "p":
        return ((f"<p>{line}</p>\n" if line else "")
                + "\n".join(f"<p>{x}</p>" for x in lines))
    if style == "pre":
        return ('<pre style="white-space:pre-wrap;font-family:Tahoma">'
                + (f"{line}\n\n" if line else "") + "\n\n".join(lines) + "</pre>")
    return ('<font size="2">' + (f"{line}<br><br>" if line else "")
            + "<br><br>\n".join(lines) + "</font>")


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    style = page.stable(f"text:{page.section}").choice(("br", "p", "pre"))
    page.layout["text"] = style
    head = ('<html dir="rtl">\n<head>\n<meta http-equiv="Content-Type" content="text/html; '
            'charset=utf-8">\n'
            f"<title>{esc(page.headline)} - {esc(page.label)}</title>\n"
            + meta.article_times(page, modified=False) + meta.meta_authors(page)
            + "</head>\n")
    today = page.today_line(page.stable("today").choice(("weekday_day", "numeric_day")))
    menu = " | ".join(f'<a href="/lite/{i}">{esc(m)}</a>' for i, m in enumerate(page.menu(5, 8)))
    notice = page.pick("lite", NOTICES)
    top = [f'<center><font size="4"><b>{esc(page.label)}</b></font><br><font size="1">'
           f"{esc(today)}</font></center>",
           f'<font size="2">{menu}</font><br>',
           f'<font size="1" color="#666666">{esc(notice)}</font>',
           '<hr size="1">']
    title = [f'<b><font size="3" color="#990000">{esc(page.headline)}</font></b><br>']
    if b.visible and b.position == "before":
        by = f"{b.joined()} -" if b.form == "bare" else b.text()
        title.append(f'<font size="2">{esc(by)}</font><br>')
    if page.date.visible:
        label = page.record("date_label", [page.date.label])[0] if page.date.label else ""
        title.append(f'<font size="1" color="gray">{esc(label)} {esc(page.date.visible)}'
                     "</font><br>")
    if page.image:
        cap = (f'<br><font size="1">{esc(page.image.caption)}</font>'
               if page.image.caption else "")
        title.append(f'<img src="{attr(page.image.url)}" width="240" alt="">{cap}<br>')
    else:
        note = page.pick("lite", MEDIA_NOTES)
        title.append(f'<font size="1">{esc(note)}</font><br>')
    title.append("<br>")
    parts = body.shape(page, lead=0.3, tail=0.3, subheads=0.25)
    text = _text(page, parts, style)
    after = []
    if b.visible and b.position == "after":
        after.append(f'<br><i>{esc(b.text())}</i><br>')
    read_heading = page.pick("read_also", READ_ALSO)
    also = [f"» <a href=\"{attr(link.url)}\">{esc(link.title)}</a> ({esc(link.date or '')})<br>"
            for link in page.links("read_also", rng.randint(3, 5), "numeric_day")]
    prev_label, next_label = page.stable("prev-next").choice(PREV_NEXT)
    page.record("pager", [prev_label, next_label])
    pager = page.links("pager", 2)
    links = page.record("footer", list(page.stable("links").choice(LINKS)))
    footer = page.footer()
    return head + "\n".join([
        '<body bgcolor="#FFFFFF" text="#000000" link="#003399">',
        *top,
        *title,
        text,
        *after,
        "<br><hr size=\"1\">",
        f"<b>{esc(read_heading)}</b><br>",
        *also,
        f'<br>{esc(prev_label)} <a href="{attr(pager[0].url)}">{esc(pager[0].title)}</a><br>',
        f'{esc(next_label)} <a href="{attr(pager[1].url)}">{esc(pager[1].title)}</a><br>',
        f'<center><font size="1"><a href="{attr(a.url)}">{esc(links[0])}</a> | '
        f'<a href="#">{esc(links[1])}</a> | <a href="/lite">{esc(links[2])}</a></font></center>',
        '<hr size="1">',
        f'<center><font size="1">{esc(footer[0])}<br>{esc(footer[1])}</font></center>',
        "</body>\n</html>\n",
    ])
