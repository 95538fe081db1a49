"""A story of a portal's digital desk with a knowledge quiz (اختبر معلوماتك / "اختبار
الأسبوع"): the desk's story, then (or beside it) the quiz: its own title as a heading, its own
maker ("إعداد الاختبار: X": no author), its questions (each ending in "؟", numbered in text
"السؤال 2 من 5"), their options as radio buttons, each question's answer and explanation in a
hidden block, the score box, the board of the week's best players with their names and ages,
and a JSON-LD ``Quiz`` whose ``author`` is the quiz's maker: questions that look like the
questions of an explainer (body there), and are none of the story's.

Body: the story's parts (now and then a lead sentence of its own, a quoted statement,
intertitles, a bulleted list after its lead-in: body), typed per section of a site
(``layout["text"]``): ``p``, ``<p>``s (intertitles ``<h2>``) in ``div.story``; ``li``, the
CMS's block list: ``<ul class="story-blocks">`` with one ``<li class="blk">`` per part (a
paragraph's text right in it, an intertitle in an ``<h2>``, a quote in a ``<blockquote>``, a
list nested in its ``<li>``); ``br``, runs separated by ``<br><br>`` in ``div.story`` with
``<b>`` intertitles. The dateline is a ``p.dateline`` line above the text or the start of the
first paragraph ("<b>city - source:</b>").

Not body: the quiz, placed per section (``layout["quiz"]``): ``after``, after the text;
``tabs``, a tab bar ("الخبر" / "الاختبار") between the meta row and the text, the story in
the first tab panel and the quiz in the second, hidden; ``inside``, one "سؤال سريع" question
between two parts of the text and the full quiz after it. Also not body: an ad and read-also
lines between the parts, the quiz's state in an inline script (with other stories' text), tags,
related stories, comments, the latest stories, the footer.

Bylines: "كتب: X", "تقرير: X", "بقلم: X", the bare name, or metadata only, before or after the
text; the quiz's maker and the players are no authors. Head: og tags, the ``Quiz``; on
metadata-dated pages (and for metadata-only bylines) a JSON-LD ``NewsArticle`` and
``article:published_time``. Dates: metadata (second) or the meta row (minute or day).
"""

from __future__ import annotations

from typing import Any

from crawler.simulator.markup import body, dates, furniture
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import break_runs, esc, inline, script_json
from crawler.simulator.markup.page import Page, Traits, link_items

NAME = "news_quiz"
TRAITS = Traits(
    date_formats=("weekday_comma_day", "numeric_ampm", "day_at_time", "long_day", "time_first"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("kataba", "biqalam_colon", "bare", "meta_only"),
    byline_prefixes={"kataba": ("كتب: ", "تقرير: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.8, caption=0.6,
)

QUESTIONS: tuple[tuple[str, tuple[str, str, str], str], ...] = (
    ("ما عاصمة سلطنة عمان؟", ("مسقط", "صلالة", "صحار"),
     "مسقط هي عاصمة السلطنة ومقر حكومتها."),
    ("في أي قارة تقع موريتانيا؟", ("إفريقيا", "آسيا", "أوروبا"),
     "تقع موريتانيا في غرب القارة الإفريقية على ساحل المحيط الأطلسي."),
    ("ما العملة الرسمية في الأردن؟", ("الدينار", "الريال", "الدرهم"),
     "الدينار هو عملة المملكة الأردنية الهاشمية."),
    ("كم عدد الدول الأعضاء في جامعة الدول العربية؟", ("22 دولة", "18 دولة", "25 دولة"),
     "تضم الجامعة اثنتين وعشرين دولة عضوا."),
    ("أي نهر يمر بمدينة بغداد؟", ("دجلة", "الفرات", "النيل"),
     "يشق نهر دجلة العاصمة العراقية إلى كرخ ورصافة."),
    ("ما أطول نهر في إفريقيا؟", ("النيل", "الكونغو", "النيجر"),
     "يعد النيل أطول أنهار القارة ويمر بعدة دول قبل أن يصب في البحر المتوسط."),
    ("في أي مدينة يقع مقر جامعة الدول العربية؟", ("القاهرة", "الرياض", "تونس"),
     "يقع المقر الدائم للجامعة في القاهرة على مقربة من ميدان التحرير."),
    ("ما أكبر دولة عربية من حيث المساحة؟", ("الجزائر", "السعودية", "السودان"),
     "تتصدر الجزائر الدول العربية والإفريقية مساحة."),
)
"""The quiz's questions, their options (the first is right) and explanations (written for this
generator): none of them the story's."""
TITLES = ("اختبر معلوماتك: هل أنت متابع جيد؟", "اختبار الأسبوع: كم تعرف عن العالم العربي؟",
          "سؤال وجواب: تحدى نفسك")
INTRO = ("أجب عن الأسئلة التالية واكتشف نتيجتك في النهاية.",
         "اختر إجابة واحدة لكل سؤال، ثم اضغط على زر النتيجة.")
NUMBER = "السؤال {k} من {n}"
ANSWER = "الإجابة الصحيحة: {option}."
MAKER_FIRST = ("إياد", "ضحى", "مالك", "ثريا", "كنان", "عفاف")
MAKER_FAMILY = ("الصواف", "المصري", "بن عمر", "الشمري", "القباني")
"""The quiz makers: a pool of its own, none an author."""
MAKER = ("إعداد الاختبار: {name}", "أعد الأسئلة: {name}")
PLAYERS = ("بطل الأسئلة", "أبو ليان", "غيث", "سارة من الدوحة", "متسابق", "زهرة الياسمين",
           "نجم المعرفة")
BOARD = ("أفضل المشاركين هذا الأسبوع", "لوحة المتصدرين")
SCORE = "نتيجتك: 0 من {n}"
BUTTONS = ("أظهر النتيجة", "أعد الاختبار", "شارك نتيجتك")
TABS = ("الخبر", "الاختبار")
QUICK = ("سؤال سريع", "قبل أن تكمل القراءة")
CHECK = "تحقق"


def _question(page: Page, k: int, n: int, item: tuple[str, tuple[str, str, str], str],
              ident: str) -> str:
    rng = page.rng
    question, options, why = item
    shown = rng.sample(options, len(options))
    number = page.record("quiz", [page.digits(NUMBER.format(k=k, n=n))])[0] if n > 1 else ""
    answer = page.record("quiz", [question, *shown, ANSWER.format(option=options[0]), why])
    legend = (f'<span class="q-num">{esc(number)}</span> ' if number else "") + esc(question)
    return (f'<fieldset class="q" id="{ident}"><legend>{legend}</legend>'
            + "".join(f'<label><input type="radio" name="{ident}" value="{j}"> {esc(o)}</label>'
                      for j, o in enumerate(shown))
            + f'<div class="explain" hidden><b>{esc(answer[-2])}</b> {esc(why)}</div>'
            "</fieldset>")


def _quiz(page: Page, items: list[tuple[str, tuple[str, str, str], str]], title: str,
          maker: str) -> str:
    rng = page.rng
    intro = page.pick("quiz", INTRO)
    by = page.record("quiz_maker", [page.stable("maker").choice(MAKER).format(name=maker)])[0]
    questions = "".join(_question(page, k + 1, len(items), item, f"q{k}")
                        for k, item in enumerate(items))
    score = page.record("quiz", [page.digits(SCORE.format(n=len(items)))])[0]
    buttons = page.record("quiz", list(BUTTONS))
    heading = page.pick("board", BOARD)
    rows = []
    for who in rng.sample(PLAYERS, rng.randint(3, 5)):
        points = page.digits(f"{rng.randint(len(items) - 2, len(items))}/{len(items)}")
        age = dates.relative(rng)
        page.record("board", [who, points, age])
        rows.append(f'<li><span class="p">{esc(who)}</span> <b>{esc(points)}</b> '
                    f'<small>{esc(age)}</small></li>')
    return (f'<section class="quiz" id="quiz"><h2 class="quiz-title">{esc(title)}</h2>'
            f'<p class="quiz-by">{esc(by)}</p><p class="quiz-intro">{esc(intro)}</p>'
            f'<form class="quiz-form">{questions}<button type="button">{esc(buttons[0])}</button>'
            f'</form><div class="score"><p>{esc(score)}</p><button>{esc(buttons[1])}</button>'
            f'<a href="#">{esc(buttons[2])}</a></div><div class="board"><h3>{esc(heading)}</h3>'
            f'<ol>{"".join(rows)}</ol></div></section>')


def _quick(page: Page, item: tuple[str, tuple[str, str, str], str]) -> str:
    label = page.pick("quiz", QUICK)
    check = page.record("quiz", [CHECK])[0]
    return (f'<aside class="quick-q"><b class="quick-label">{esc(label)}</b>'
            + _question(page, 1, 1, item, "quick")
            + f"<button>{esc(check)}</button></aside>")


def _quiz_ld(items: list[tuple[str, tuple[str, str, str], str]], title: str,
             maker: str) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "Quiz", "name": title,
            "author": {"@type": "Person", "name": maker},
            "hasPart": [{"@type": "Question", "name": q, "eduQuestionType": "Multiple choice",
                         "acceptedAnswer": {"@type": "Answer", "text": o[0]}}
                        for q, o, _ in items]}


def _text(page: Page, parts: list[Part], style: str, blocks: list[str]) -> str:
    """The story typed in ``style`` with ``blocks`` between its parts."""
    rng = page.rng
    lead = page.dateline if page.dateline and page.dateline.position == "body_lead" else None
    pieces: list[tuple[str, bool, str]] = []
    for i, part in enumerate(parts):
        text = part.texts[0]
        items = "<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>"
        if part.kind == "subhead":
            inner, run = (f"<b>{esc(text)}</b>", True) if style == "br" else (
                f"<h2>{esc(text)}</h2>", False)
            kind = "subhead"
        elif part.kind == "quote":
            inner, run, kind = f"<blockquote>{esc(text)}</blockquote>", False, "quote"
        elif part.kind == "list":
            inner, run, kind = items, False, "list"
        else:
            inner = inline(text, rng, 0.2)
            if i == 0 and lead:
                inner = f"<b>{esc(lead.text)}:</b> {inner}"
            run = True
            following = parts[i + 1].kind if i + 1 < len(parts) else ""
            kind = "lead-in" if following == "list" else "p"
        if style == "li":
            pieces.append((f'<li class="blk">{inner}</li>', False, kind))
        elif style == "p" and run:
            pieces.append((f"<p>{inner}</p>", False, kind))
        else:
            pieces.append((inner, run, kind))
    for block in blocks:
        spots = [k for k in range(1, len(pieces)) if pieces[k - 1][2] != "lead-in"]
        at = rng.choice(spots) if spots else len(pieces)
        pieces.insert(at, (f'<li class="blk-extra">{block}</li>' if style == "li" else block,
                           False, "block"))
    dateline = (f'<p class="dateline">{esc(page.dateline.text)}</p>\n'
                if page.dateline and page.dateline.position == "line" else "")
    if style == "li":
        inner_html = ('<ul class="story-blocks">' + "\n".join(h for h, _, _ in pieces) + "</ul>")
    elif style == "br":
        inner_html = "".join(break_runs([(h, r) for h, r, _ in pieces]))
    else:
        inner_html = "\n".join(h for h, _, _ in pieces)
    return f'<div class="story">\n{dateline}{inner_html}\n</div>'


def render(page: Page) -> str:
    rng, b = page.rng, page.byline
    place = page.stable(f"quiz:{page.section}").choice(("after", "tabs", "inside"))
    style = page.stable(f"text:{page.section}").choice(("p", "li", "br"))
    page.layout.update(quiz=place, text=style)
    chosen = [QUESTIONS[k] for k in sorted(rng.sample(range(len(QUESTIONS)), rng.randint(4, 6)))]
    maker = f"{rng.choice(MAKER_FIRST)} {rng.choice(MAKER_FAMILY)}"
    title = page.pick("quiz", TITLES)
    head = chrome.head(page, (_quiz_ld(chosen, title, maker),))
    top = chrome.header(page, "weekday_comma_day", " ‹ ")
    parts = body.shape(page, lead=0.2, quote=0.15, subheads=0.25, bullets=0.2)
    blocks = chrome.interruptions(page, (0, 1))
    quick_item = None
    if place == "inside":
        quick_item = chosen[-1]
        chosen = chosen[:-1]
        blocks.append(_quick(page, quick_item))
    story = _text(page, parts, style, blocks)
    quiz = _quiz(page, chosen, title, maker)
    row = []
    if b.visible and b.position == "before":
        row.append(f'<span class="by">{esc(b.prefix)}{page.linked_names()}</span>')
    if page.date.visible:
        row.append(page.date_span())
    meta_row = f'<div class="meta">{" · ".join(row)}</div>' if row else ""
    signed = (f'<p class="by-end">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    if place == "tabs":
        tabs = page.record("tabs", list(TABS))
        content = "\n".join([
            f'<div class="tabs" role="tablist"><button role="tab" aria-selected="true" '
            f'aria-controls="tab-story">{esc(tabs[0])}</button><button role="tab" '
            f'aria-selected="false" aria-controls="tab-quiz">{esc(tabs[1])}</button></div>',
            f'<div role="tabpanel" id="tab-story">{story}{signed}</div>',
            f'<div role="tabpanel" id="tab-quiz" hidden>{quiz}</div>'])
    else:
        content = "\n".join([story, signed, quiz])
    state = {"quiz": {"title": title, "answers": [o[0] for _, o, _ in chosen]},
             "more": page.script_articles(2)}
    latest_heading = page.pick("latest", furniture.LATEST_HEADINGS)
    latest = link_items(page.links("latest", 5, "numeric_day"))
    main, side, foot = chrome.after(page, "long_day")
    return head + "\n".join([
        '<body class="quiz-page">',
        top,
        '<div class="layout"><main><article class="story-quiz">',
        f"<h1>{esc(page.headline)}</h1>",
        meta_row,
        page.lead_figure(),
        chrome.share(page),
        content,
        "</article>",
        main,
        "</main>",
        f'<aside class="sidebar"><section class="latest"><h3>{esc(latest_heading)}</h3>'
        f"<ul>{latest}</ul></section>{side}</aside></div>",
        f"<script>window.__QUIZ_STATE__ = {script_json(state)};</script>",
        foot,
    ])
