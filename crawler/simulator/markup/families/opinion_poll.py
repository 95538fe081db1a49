"""A story of a portal's society desk on the page of the site's readers' poll (استطلاع رأي / "صوت
القراء"): the desk's story beside the poll: its question (a heading ending in "؟", like the
story's own questioning intertitles), its options each with a vote bar, a percentage and a vote
count, the number of voters, the day voting opened (before the story) and the day it closes
(after it), the vote and results buttons; and beside it the card of a field survey ("استطلاع
ميداني": the institute, its director by name, the sample, the margin of error, the fieldwork
days before the story) with its key findings as a numbered list of sentences with figures, and
the earlier polls with their questions, results and closing days; the poll's state in an
inline script (with other stories' text).

Body: the story's parts (now and then a lead sentence of its own, a quoted statement,
intertitles in ``<h2>``, a bulleted list after its lead-in: body) in ``div.poll-story``, typed
per section of a site (``layout["text"]``): ``p``, ``<p>``s; ``div``, ``<div class="txt">``s;
``section``, the text cut into ``<section class="part">``s, one before the first intertitle and
one from each intertitle on (a block between parts goes in the section it falls in). The
dateline is a ``p.dateline`` line above the text or the bold start of the first paragraph
("<b>city - source</b> -").

Not body: the poll, placed per section (``layout["poll"]``): ``above``, before the ``<h1>``
(its question is then the page's first heading and its days the first days on the page);
``inside``, between two parts of the text; ``after``, after the text; ``side``, in the
sidebar. Also not body: the survey card and its findings (``aside.survey``, after the text),
the earlier polls, an ad and read-also lines between the parts, tags, related stories,
comments, the most read, the footer.

Bylines: "إعداد: X", "كتب: X", "د. X" / "تحليل: د. X" (the title is no part of the name), the
bare name, or metadata only; a byline before the text stands, per site (``layout["byline_at"]``),
under the ``<h1>`` in the meta row or above it under the section's label (the date then stays in
the meta row under the ``<h1>``); a byline after the text closes it. The survey's director is
no author. Head: og tags; on metadata-dated pages (and for metadata-only bylines) a JSON-LD
``NewsArticle`` and ``article:published_time``. Dates: metadata (second) or the meta row
(minute or day); the poll's and the survey's days are never between the title and the text.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from crawler.simulator.markup import body, dates
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import attr, esc, inline, script_json
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE

NAME = "opinion_poll"
TRAITS = Traits(
    date_formats=("weekday_day", "numeric_time", "hijri_paired", "joomla_lc2", "iso_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.15,
    byline_forms=("kataba", "titled", "bare", "meta_only"),
    byline_prefixes={"kataba": ("إعداد: ", "كتب: "), "titled": ("د. ", "تحليل: د. ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.75, caption=0.6,
)

POLL_PLACES = ("above", "inside", "after", "side")
"""Where each section of a site puts the look-alike box."""

POLLS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("هل تؤيد رفع سن التقاعد إلى خمسة وستين عاما؟", ("نعم", "لا", "لا رأي لي")),
    ("ما الوسيلة التي تعتمد عليها أولا لمتابعة الأخبار؟",
     ("المواقع الإخبارية", "شبكات التواصل", "التلفزيون", "الإذاعة")),
    ("هل تتوقع تحسن القدرة الشرائية خلال العام المقبل؟", ("نعم", "لا", "لا أعرف")),
    ("أي قطاع يحتاج إلى إصلاح عاجل في رأيك؟", ("الصحة", "التعليم", "النقل", "السكن")),
    ("هل تكفي وسائل النقل العام في مدينتك؟", ("تكفي", "لا تكفي", "لا أستعملها")),
    ("هل تفضل العمل عن بعد أم من المكتب؟", ("عن بعد", "من المكتب", "الاثنان معا")),
)
"""The readers' polls: questions and options (written for this generator)."""
POLL_LABEL = ("استطلاع رأي", "صوت القراء")
VOTES = "{n} صوتا"
VOTERS = "عدد المشاركين: {n}"
OPENED = "بدأ التصويت: {day}"
CLOSES = "ينتهي التصويت: {day}"
BUTTONS = ("صوّت", "عرض النتائج")
OPEN_STATE = ("التصويت مفتوح", "شارك برأيك قبل إغلاق التصويت")
INSTITUTES = ("المرصد العربي لقياس الرأي", "مركز البوصلة للدراسات", "معهد آفاق لاستطلاعات الرأي")
POLLSTER_FIRST = ("ربيع", "سوزان", "مهيب", "نجوى", "حازم", "إيناس")
POLLSTER_FAMILY = ("الجبوري", "المراكشي", "الرشيدي", "العطار", "البناء")
"""The survey institutes' directors: a pool of their own, none an author."""
SURVEY = ("استطلاع ميداني", "بطاقة الاستطلاع")
SURVEY_LINES = ("الجهة المنفذة: {institute}", "إشراف: {director}", "حجم العينة: {n} مستجوب",
                "هامش الخطأ: ±{m}%", "فترة الإنجاز: من {first} إلى {last}")
FINDINGS_HEADING = ("أبرز النتائج", "ماذا قال المستجوبون؟")
FINDINGS = ("يرى {p}% من المستجوبين أن الأسعار ارتفعت خلال العام الماضي.",
            "عبر {p}% عن ثقتهم في قدرة المؤسسات المحلية على تحسين الخدمات.",
            "قال {p}% إنهم يتابعون الأخبار يوميا عبر هواتفهم.",
            "فضل {p}% من الشباب العمل في القطاع الخاص على الوظيفة العمومية.",
            "أبدى {p}% قلقهم من ارتفاع كلفة السكن في المدن الكبرى.",
            "رفض {p}% أي زيادة جديدة في الرسوم المحلية.")
EARLIER = ("استطلاعات سابقة", "شاركت سابقا؟ نتائج استطلاعاتنا")
EARLIER_RESULT = "{option}: {p}%"
CLOSED = "أغلق في {day}"
KICKER = ("مجتمع", "آراء وتوجهات")


def _day(page: Page, moment: datetime) -> str:
    return dates.visible(moment, "long_day", page.article.site, page.eastern)


def _split(total: int, weights: list[int]) -> list[int]:
    """``total`` votes shared out in proportion to ``weights``."""
    votes = [total * w // sum(weights) for w in weights]
    votes[0] += total - sum(votes)
    return votes


def _poll(page: Page, base: datetime, place: str,
          question: str, options: tuple[str, ...]) -> tuple[str, dict[str, object]]:
    rng = page.rng
    total = rng.randint(300, 24000)
    votes = _split(total, [rng.randint(5, 60) for _ in options])
    label = page.pick("poll", POLL_LABEL)
    page.record("poll", [question])
    rows = []
    for option, count in zip(options, votes, strict=True):
        share = round(100 * count / total)
        pct, tally = page.record("poll", [page.digits(f"{share}%"),
                                          page.digits(VOTES.format(n=f"{count:,}"))])
        page.record("poll", [option])
        rows.append(f'<li class="option"><label><input type="radio" name="vote"> '
                    f'<span class="label">{esc(option)}</span></label><div class="bar">'
                    f'<span class="fill" style="width:{share}%"></span></div><b class="pct">'
                    f'{esc(pct)}</b> <small class="votes">{esc(tally)}</small></li>')
    opened_at = base - timedelta(days=rng.randint(1, 8), hours=rng.randint(0, 10))
    closes_at = base + timedelta(days=rng.randint(2, 20))
    voters, opened, closes = page.record("poll", [
        page.digits(VOTERS.format(n=f"{total:,}")), OPENED.format(day=_day(page, opened_at)),
        CLOSES.format(day=_day(page, closes_at))])
    state = page.pick("poll", OPEN_STATE)
    buttons = page.record("poll", list(BUTTONS))
    tag = "h2" if place in ("above", "after") else "h4"
    html = (f'<section class="reader-poll {place}"><span class="poll-label">{esc(label)}</span>'
            f'<{tag} class="question">{esc(question)}</{tag}><form class="vote">'
            '<ul class="options">' + "".join(rows)
            + f'</ul><button type="submit">{esc(buttons[0])}</button> '
            f'<a href="#results">{esc(buttons[1])}</a></form><p class="voters">{esc(voters)}</p>'
            f'<p class="poll-days"><span class="opened">{esc(opened)}</span> '
            f'<span class="closes">{esc(closes)}</span></p><p class="state">{esc(state)}</p>'
            "</section>")
    closes_day = closes_at.astimezone(dates.site_zone(page.article.site)).date().isoformat()
    data: dict[str, object] = {"question": question, "options": list(options), "votes": votes,
                               "closes": closes_day}
    return html, data


def _survey(page: Page, base: datetime) -> str:
    rng = page.rng
    heading = page.pick("survey", SURVEY)
    director = f"{rng.choice(POLLSTER_FIRST)} {rng.choice(POLLSTER_FAMILY)}"
    last = base - timedelta(days=rng.randint(2, 6), hours=rng.randint(0, 12))
    first = last - timedelta(days=rng.randint(3, 10))
    lines = page.record("survey", [
        SURVEY_LINES[0].format(institute=rng.choice(INSTITUTES)),
        SURVEY_LINES[1].format(director=director),
        page.digits(SURVEY_LINES[2].format(n=f"{rng.randint(6, 30) * 100:,}")),
        page.digits(SURVEY_LINES[3].format(m=rng.choice(("2.5", "3", "3.5", "4")))),
        SURVEY_LINES[4].format(first=_day(page, first), last=_day(page, last))])
    findings_heading = page.pick("survey", FINDINGS_HEADING)
    findings = page.record("survey", [page.digits(x.format(p=rng.randint(12, 78)))
                                      for x in rng.sample(FINDINGS, rng.randint(3, 4))])
    return (f'<aside class="survey"><h3>{esc(heading)}</h3><ul class="facts">'
            + "".join(f"<li>{esc(x)}</li>" for x in lines)
            + f'</ul><h4>{esc(findings_heading)}</h4><ol class="findings">'
            + "".join(f"<li>{esc(x)}</li>" for x in findings) + "</ol></aside>")


def _earlier(page: Page, base: datetime, current: str) -> str:
    rng = page.rng
    heading = page.pick("earlier_polls", EARLIER)
    items = []
    for question, options in rng.sample([x for x in POLLS if x[0] != current], 3):
        result = page.digits(EARLIER_RESULT.format(option=rng.choice(options),
                                                   p=rng.randint(34, 81)))
        closed = CLOSED.format(day=_day(page, base - timedelta(days=rng.randint(10, 90))))
        page.record("earlier_polls", [question, result, closed])
        items.append(f'<li><a href="/polls/{rng.randint(100, 999)}">{esc(question)}</a> '
                     f'<b>{esc(result)}</b> <small>{esc(closed)}</small></li>')
    return f'<div class="earlier-polls"><h3>{esc(heading)}</h3><ul>{"".join(items)}</ul></div>'


def _text(page: Page, parts: list[Part], style: str, blocks: list[str]) -> str:
    rng = page.rng
    lead = page.dateline if page.dateline and page.dateline.position == "body_lead" else None
    pieces: list[tuple[str, str]] = []
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            pieces.append((f"<h2>{esc(text)}</h2>", "subhead"))
        elif part.kind == "quote":
            pieces.append((f"<blockquote><p>{esc(text)}</p></blockquote>", "quote"))
        elif part.kind == "list":
            pieces.append(("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>",
                           "list"))
        else:
            run = inline(text, rng, 0.2)
            if i == 0 and lead:
                run = f"<b>{esc(lead.text)}</b> - {run}"
            following = parts[i + 1].kind if i + 1 < len(parts) else ""
            kind = "lead-in" if following == "list" else "p"
            pieces.append((f'<div class="txt">{run}</div>' if style == "div" else f"<p>{run}</p>",
                           kind))
    for block in blocks:
        spots = [k for k in range(1, len(pieces)) if pieces[k - 1][1] != "lead-in"]
        pieces.insert(rng.choice(spots) if spots else len(pieces), (block, "block"))
    out = []
    if page.dateline and page.dateline.position == "line":
        out.append(f'<p class="dateline">{esc(page.dateline.text)}</p>')
    if style == "section":
        sections: list[list[str]] = [[]]
        for markup, kind in pieces:
            if kind == "subhead" and sections[-1]:
                sections.append([])
            sections[-1].append(markup)
        out += ['<section class="part">' + "\n".join(s) + "</section>" for s in sections]
    else:
        out += [markup for markup, _ in pieces]
    return '<div class="poll-story">\n' + "\n".join(out) + "\n</div>"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    place = page.stable(f"poll-place:{page.section}").choice(POLL_PLACES)
    style = page.stable(f"text-spot:{page.section}").choice(("p", "div", "section"))
    byline_at = page.stable("byline-at").choice(("under_title", "above_title"))
    page.layout.update(poll=place, text=style, byline_at=byline_at)
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    question, options = rng.choice(POLLS)
    poll, data = _poll(page, base, place, question, options)
    top = chrome.header(page, "weekday_comma_day", " › ")
    kicker = page.pick("kicker", KICKER)
    by_before = ""
    if b.visible and b.position == "before":
        by_before = f'<span class="by">{esc(b.prefix)}{page.linked_names("/analysts/")}</span>'
    row = [by_before] if by_before and byline_at == "under_title" else []
    if page.date.visible:
        row.append(page.date_span())
    parts = body.shape(page, lead=0.2, quote=0.15, subheads=0.35, bullets=0.2)
    blocks = chrome.interruptions(page)
    if place == "inside":
        blocks.append(poll)
    story = _text(page, parts, style, blocks)
    signed = (f'<p class="by-end">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    survey = _survey(page, base)
    earlier = _earlier(page, base, question)
    state = {"poll": data, "more": page.script_articles(2)}
    main, side, foot = chrome.after(page, "numeric_day")
    letter = page.newsletter()
    return chrome.head(page) + "\n".join([
        '<body class="poll-page">',
        top,
        '<div class="layout"><main>',
        poll if place == "above" else "",
        '<article class="poll-article">',
        f'<a class="kicker" href="/society">{esc(kicker)}</a>',
        f'<p class="byline-top">{by_before}</p>' if by_before and byline_at == "above_title"
        else "",
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" | ".join(row)}</div>' if row else "",
        page.lead_figure(),
        chrome.share(page),
        story,
        signed,
        poll if place == "after" else "",
        survey,
        "</article>",
        earlier,
        main,
        "</main>",
        '<aside class="sidebar">',
        poll if place == "side" else "",
        f'<div class="letter"><h4>{esc(letter[0])}</h4><p>{esc(letter[1])}</p><form><input>'
        f'<button>{esc(letter[2])}</button></form></div>',
        side,
        "</aside></div>",
        f'<script>var pollConfig = {script_json(state)}; document.querySelector("form.vote")'
        f'.dataset.url = "{attr("/api/polls/vote")}";</script>',
        foot,
    ])

