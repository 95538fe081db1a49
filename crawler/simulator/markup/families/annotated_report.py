"""An investigation (تحقيقات / "تحقيق موثق") of a portal's investigative unit: the report with
numbered footnote marks at the end of some paragraphs (``<sup class="fn"><a>[2]</a></sup>``: a
reference, no text of the paragraph), the notes list after the text (each source an
organisation, a document and the day it came out: days before the story's), the team line
("تدقيق المعلومات: X · الرسوم: Y · التصوير: Z": people named beside the byline who are no
authors), the reading time and the unit's "about this investigation" box: a paragraph of method
in prose like the story's and a ``<ul>`` of key findings in whole sentences (a list like the
story's own).

Body: the story's parts (now and then a lead sentence of its own, a quoted statement,
intertitles, a bulleted list after its lead-in: body) in ``div.report-body``, typed per section
of a site (``layout["text"]``): ``flat``, each part a child (``<p>``, ``<h2>``,
``<blockquote>``, ``<ul>``); ``chapters``, the parts split into ``<section class="chapter">``
blocks (a new one at each intertitle and now and then between two paragraphs: the text in
several containers). The footnote marks are no text of the body. The dateline is a
``p.dateline`` line above the text or the bold start of the first paragraph ("<b>city - source
-</b>").

Not body: the about box, placed per section (``layout["box"]``): ``above``, before the
``<h1>``; ``inside``, between two blocks of the text; ``after``, after the notes; ``side``, in
the sidebar. The team line goes between the meta row and the text or after the text
(``layout["team"]``). Also the notes, an ad and read-also lines, tags, related stories,
comments, the most read and the footer.

Bylines: "بقلم: X", "كتب: X", the bare name or metadata only, before or after the text; now and
then two writers. Head: og tags; on metadata-dated pages (and for metadata-only bylines) a
``NewsArticle`` and ``article:published_time``. Dates: metadata (second) or the meta row.
"""

from __future__ import annotations

from datetime import timedelta

from crawler.simulator.markup import body, dates, furniture
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import esc, inline
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE

NAME = "annotated_report"
TRAITS = Traits(
    date_formats=("long_day", "weekday_comma_day", "numeric_day", "ampm_comma", "slash_ymd"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("biqalam_colon", "kataba", "bare", "meta_only"),
    byline_positions=("before", "before", "after"), two_authors=0.3,
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.8, caption=0.6,
)

BOX_PLACES = ("above", "inside", "after", "side")
STYLES = ("flat", "chapters")
TEAM_PLACES = ("top", "bottom")

CREDIT_FIRST = ("لمياء", "تامر", "بشرى", "قاسم", "هالة", "مازن")
CREDIT_FAMILY = ("الزعبي", "الساعدي", "الكردي", "المصري", "الجزائري")
"""The team: a pool of their own, none an author."""
ROLES = ("تدقيق المعلومات", "الرسوم البيانية", "التصوير", "المونتاج")
TEAM_LABEL = ("فريق العمل", "شارك في إنجاز التحقيق")
SOURCES = ("المرصد الوطني للتشغيل", "ديوان المحاسبة", "البنك الدولي", "المعهد الوطني للإحصاء",
           "هيئة مكافحة الفساد", "منظمة الصحة العالمية")
DOCUMENTS = ("التقرير السنوي", "مسح الأسر المعيشي", "تقرير الرقابة على الصفقات العمومية",
             "النشرة الإحصائية الفصلية", "مذكرة تقييم البرامج الاجتماعية")
NOTE = "{source}، «{document}»، {day}."
NOTES_HEADING = ("المصادر والهوامش", "الهوامش")
BOX_HEADING = ("عن هذا التحقيق", "منهجية التحقيق")
METHODS = ("اعتمد فريق التحقيق على تحليل مئات الوثائق الرسمية ومقارنتها بشهادات عشرات "
           "المتضررين، وعرض نتائجه على الجهات المعنية قبل النشر ومنحها حق الرد.",
           "استغرق العمل على هذا الملف أشهرا من التقصي الميداني وتتبع الأرقام المنشورة، وتحقق "
           "الفريق من كل معلومة من مصدرين مستقلين على الأقل.")
FINDINGS_HEADING = ("أبرز ما توصلنا إليه", "النتائج الرئيسية")
FINDINGS = ("ثلث الاعتمادات المرصودة لم يصرف في آجاله القانونية.",
            "تضاعفت كلفة بعض المشاريع مقارنة بالتقديرات الأولى.",
            "لم تنشر أي جهة تقييما مستقلا للبرنامج منذ انطلاقه.",
            "تلقى الفريق ردودا مكتوبة من جهتين فقط من أصل خمس.")
"""Method and findings (written for this generator): prose and sentences, none of the story's."""
KICKER = ("تحقيقات", "تحقيق موثق")


def _about(page: Page, place: str) -> str:
    rng = page.rng
    heading = page.pick("about", BOX_HEADING)
    method = page.record("about", [rng.choice(METHODS)])[0]
    sub = page.pick("about", FINDINGS_HEADING)
    findings = page.record("about", rng.sample(FINDINGS, 2 if place == "inside" else 3))
    tag, level = ("aside", "h4") if place == "inside" else ("section", "h3")
    return (f'<{tag} class="about-box {place}"><{level}>{esc(heading)}</{level}>'
            f'<p class="method">{esc(method)}</p><h5>{esc(sub)}</h5><ul>'
            + "".join(f"<li>{esc(x)}</li>" for x in findings) + f"</ul></{tag}>")


def _team(page: Page) -> str:
    rng = page.rng
    label = page.pick("team", TEAM_LABEL)
    roles = rng.sample(ROLES, rng.randint(2, 3))
    names = rng.sample([f"{f} {g}" for f in CREDIT_FIRST for g in CREDIT_FAMILY], len(roles))
    lines = page.record("team", [f"{r}: {n}" for r, n in zip(roles, names, strict=True)])
    return (f'<p class="team"><span class="label">{esc(label)}</span> '
            + " · ".join(f"<span>{esc(x)}</span>" for x in lines) + "</p>")


def _pieces(page: Page, parts: list[Part], notes: int) -> list[tuple[str, str]]:
    """(markup, kind) per part; some paragraphs end with a footnote mark."""
    rng = page.rng
    lead = page.dateline if page.dateline and page.dateline.position == "body_lead" else None
    marked = [i for i, p in enumerate(parts) if p.kind == "p"]
    marks = sorted(rng.sample(marked, min(notes, len(marked))))
    out: list[tuple[str, str]] = []
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            out.append((f"<h2>{esc(text)}</h2>", "subhead"))
        elif part.kind == "quote":
            out.append((f"<blockquote><p>{esc(text)}</p></blockquote>", "quote"))
        elif part.kind == "list":
            out.append(("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>",
                        "list"))
        else:
            run = inline(text, rng, 0.2)
            if i == 0 and lead:
                run = f"<b>{esc(lead.text)} -</b> {run}"
            if i in marks:
                k = marks.index(i) + 1
                run += f'<sup class="fn"><a href="#fn-{k}" id="ref-{k}">[{k}]</a></sup>'
            following = parts[i + 1].kind if i + 1 < len(parts) else ""
            out.append((f"<p>{run}</p>", "lead-in" if following == "list" else "p"))
    return out


def _text(page: Page, parts: list[Part], style: str, blocks: list[str], notes: int) -> str:
    rng = page.rng
    pieces = _pieces(page, parts, notes)
    units: list[tuple[str, str]] = []
    if style == "flat":
        units = pieces
    else:
        chapter: list[tuple[str, str]] = []
        for markup, kind in pieces:
            cut = chapter and chapter[-1][1] != "lead-in" and (
                kind == "subhead" or (len(chapter) >= 2 and rng.random() < 0.4))
            if cut:
                units.append(('<section class="chapter">' + "".join(m for m, _ in chapter)
                              + "</section>", "chapter"))
                chapter = []
            chapter.append((markup, kind))
        units.append(('<section class="chapter">' + "".join(m for m, _ in chapter)
                      + "</section>", "chapter"))
    for block in blocks:
        spots = [k for k in range(1, len(units)) if units[k - 1][1] != "lead-in"]
        units.insert(rng.choice(spots) if spots else len(units), (block, "block"))
    html = [m for m, _ in units]
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    return '<div class="report-body">\n' + "\n".join(html) + "\n</div>"


def _notes(page: Page, count: int) -> str:
    rng = page.rng
    heading = page.pick("notes", NOTES_HEADING)
    base = page.article.published or REFERENCE
    lines = page.record("notes", [NOTE.format(
        source=rng.choice(SOURCES), document=rng.choice(DOCUMENTS),
        day=dates.visible(base - timedelta(days=rng.randint(20, 400)), "long_day",
                          page.article.site, page.eastern)) for _ in range(count)])
    return (f'<section class="footnotes"><h3>{esc(heading)}</h3><ol>'
            + "".join(f'<li id="fn-{k + 1}">{esc(x)} <a href="#ref-{k + 1}">↩</a></li>'
                      for k, x in enumerate(lines)) + "</ol></section>")


def render(page: Page) -> str:
    rng = page.rng
    place = page.stable(f"box-place:{page.article.kind}:{page.section}").choice(BOX_PLACES)
    style = page.stable(f"text:{page.article.kind}:{page.section}").choice(STYLES)
    team_at = page.stable(f"team:{page.article.kind}").choice(TEAM_PLACES)
    page.layout.update(box=place, text=style, team=team_at)
    about = _about(page, place)
    head = chrome.head(page, articleSection="تحقيقات")
    top = chrome.header(page, "weekday_day", " › ")
    kicker = page.pick("kicker", KICKER)
    parts = body.shape(page, lead=0.15, quote=0.3, subheads=0.5, bullets=0.25)
    words = sum(len(p.split()) for p in page.paragraphs)
    reading = page.record("reading_time", [page.digits(furniture.reading_time(words * 4))])[0]
    notes = rng.randint(2, 4)
    blocks = chrome.interruptions(page)
    if place == "inside":
        blocks.append(about)
    story = _text(page, parts, style, blocks, notes)
    team = _team(page)
    main, side, foot = chrome.after(page, "long_day")
    return head + "\n".join([
        '<body class="investigations">',
        top,
        '<div class="page">',
        about if place == "above" else "",
        '<div class="cols"><main>',
        '<article class="investigation">',
        f'<a class="kicker" href="/investigations">{esc(kicker)}</a>',
        f"<h1>{esc(page.headline)}</h1>",
        chrome.meta_row(page, " | "),
        team if team_at == "top" else "",
        f'<span class="reading">{esc(reading)}</span>',
        page.lead_figure(),
        story,
        chrome.signed(page),
        team if team_at == "bottom" else "",
        _notes(page, notes),
        chrome.share(page),
        "</article>",
        about if place == "after" else "",
        main,
        "</main>",
        '<aside class="sidebar">',
        about if place == "side" else "",
        side,
        "</aside></div></div>",
        foot,
    ])
