"""A story of a portal's culture desk on its puzzles page (تسلية / "استراحة القراء"), which also
carries the week's crossword (الكلمات المتقاطعة): the desk's story beside the puzzle box: its
heading, the puzzle's number ("العدد 312") and the day it is set (the render day: after the
story, never its date), the setter's credit in a byline's very words ("إعداد: X"، "من إعداد:
X"، "تصميم الشبكة: X": X is no author), the grid (a ``<table>`` of white cells with their clue
numbers in ``<sup>`` and inputs, and black cells), the clues under "أفقيا" and "عموديا" as
ordered lists of short phrases with their letter counts ("(5)"), the timer and the check and
reveal buttons; the previous puzzle's solution with its number and day, last week's winners by
name and city, on some pages the hidden-word game ("كلمة السر": a sentence of instructions and
the words to strike), and a JSON-LD ``CreativeWork`` whose ``author`` is the setter.

Body: the story's parts (now and then a lead sentence of its own, a quoted statement,
intertitles, a bulleted list after its lead-in: body) in ``div.culture-text``, typed per section
of a site (``layout["text"]``): ``p``, ``<p>``s with ``<h3>`` intertitles; ``div``, ``<div
class="para">``s with ``<h3>`` intertitles; ``lines``, the runs of text kept together in ``<p
class="lines">`` blocks, one paragraph a line, separated by a *single* ``<br>`` (intertitles are
``<strong>`` lines among them); a quote, a list or a block between two parts closes the ``<p>``
and the next run opens another. The dateline is a ``p.dateline`` line above the text or the bold
start of the first paragraph ("<b>city - source -</b>").

Not body: the puzzle, placed per section (``layout["puzzle"]``): ``above``, a compact box before
the ``<h1>`` (its heading, number, day and the setter's "إعداد: X" come before the story's title
and byline, its first clues as an ordered list); ``inside``, a small full puzzle (5×5 grid and its
clues) between two parts of the text; ``after``, the full puzzle (7×7) after the text; ``side``,
the compact box in the sidebar. Also not body: the puzzles menu, the solution box, the
hidden-word game, the winners (in the sidebar), an ad and read-also lines between the parts,
tags, related stories, comments, the most read, the footer.

Bylines: "كتب: X", "إعداد: X" (the setter's label too), "بقلم: X", the bare name, or metadata only,
in the meta row under the ``<h1>`` or after the text: the setter and the winners are no authors.
Head: og tags, the puzzle's ``CreativeWork`` (its ``author`` the setter, its
``contentReferenceTime`` the puzzle's day); on metadata-dated pages (and for metadata-only
bylines) a JSON-LD ``NewsArticle`` and ``article:published_time``. Dates: metadata (second) or
the meta row (minute or day); the puzzle's, the solution's days are never between the title and
the text.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from crawler.simulator.markup import body, dates
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import attr, esc, inline
from crawler.simulator.markup.page import Page, Traits

NAME = "crossword_puzzle"
TRAITS = Traits(
    date_formats=("weekday_day", "long_day", "numeric_time", "maghreb_day", "day_at_time"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("kataba", "kataba", "biqalam_colon", "bare", "meta_only"),
    byline_prefixes={"kataba": ("كتب: ", "إعداد: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.8, caption=0.6,
)

PUZZLE_PLACES = ("above", "inside", "after", "side")
"""Where each section of a site puts the look-alike box."""
STYLES = ("p", "div", "lines")

SETTER_FIRST = ("جودت", "سهام", "أنيس", "بثينة", "مأمون", "ريما")
SETTER_FAMILY = ("الصباغ", "قنديل", "بن عمار", "الدباغ", "شحادة")
"""The puzzle setters: a pool of their own, none an author."""
WINNER_FIRST = ("أسيل", "معتز", "جنى", "صهيب", "لبنى", "قيس")
WINNER_FAMILY = ("الحوراني", "المصمودي", "العبيدي", "بوعزة")
"""Last week's winners: a pool of their own, none an author."""
WINNER_CITIES = ("أكادير", "صفاقس", "الزرقاء", "البليدة", "طنطا", "صور")
HEADING = ("الكلمات المتقاطعة", "شبكة الأسبوع")
NUMBER = "العدد {n}"
CREDIT = ("إعداد: {name}", "من إعداد: {name}", "تصميم الشبكة: {name}")
ACROSS = "أفقيا"
DOWN = "عموديا"
CLUES = ("نهر عربي يصب في البحر المتوسط", "عاصمة عربية على ضفاف دجلة", "ضد الظلام",
         "من أدوات الكتابة", "شاعر جاهلي صاحب معلقة", "حيوان صبور يعيش في الصحراء",
         "فاكهة صيفية حمراء", "جزيرة في البحر المتوسط", "من الألوان", "عكس الصعود",
         "مدينة أثرية في الأردن", "يحمل الرسائل قديما", "آلة موسيقية وترية",
         "بحر من بحور الشعر العربي", "عملة عربية", "فصل من فصول السنة", "ضد الكذب",
         "من أعضاء الجسم", "كوكب قريب من الأرض", "نصف كلمة سلام", "مدينة ساحلية تونسية",
         "حرف جر", "ما يبقى من النار", "رياضة ذهنية على رقعة", "من الطيور الجارحة",
         "اسم يطلق على الأسد", "مادة يصنع منها الزجاج", "صوت الحمام", "من المعادن النفيسة",
         "ضد القديم")
"""The clues (written for this generator): short phrases, never a sentence of the story."""
COUNT = "({n})"
TEASER = ("شبكة جديدة من {n} كلمة بين الثقافة والتاريخ والجغرافيا، فهل تحلها في أقل من عشر دقائق؟",
          "اختبر معلوماتك في شبكة هذا الأسبوع وشارك في السحب على جوائز قيمة.")
PLAY = ("ابدأ الحل", "العب الآن")
TIMER = "الوقت: 00:00"
TOOLS = ("تحقق من الحل", "اكشف حرفا", "امسح الشبكة")
SOLUTION = ("حل العدد الماضي", "حل الشبكة السابقة")
ANSWERS = ("زيتون", "قرطاج", "مرجان", "سنبلة", "نخيل", "قافلة", "منارة", "بلور", "ياسمين",
           "فسيفساء", "قنطرة", "عنبر", "سراب", "دفتر")
WINNERS = ("الفائزون في مسابقة العدد {n}", "أسماء الفائزين بجوائز الأسبوع الماضي")
HIDDEN = ("كلمة السر", "الكلمة الضائعة")
HIDDEN_RULE = ("اشطب الكلمات الواردة في القائمة أفقيا وعموديا، وستبقى حروف تكون كلمة السر، وهي "
               "اسم مدينة عربية عريقة.")
HIDDEN_SIZE = "عدد حروف كلمة السر: {n}"
FUN_MENU = ("الكلمات المتقاطعة", "كلمة السر", "سودوكو", "ألغاز الأطفال", "مسابقة الأسبوع",
            "أرشيف الشبكات")
KICKER = ("ثقافة", "استراحة القراء")


def _names(page: Page, first: tuple[str, ...], family: tuple[str, ...]) -> str:
    return f"{page.rng.choice(first)} {page.rng.choice(family)}"


def _cells(page: Page, size: int) -> list[list[bool]]:
    """A grid of white (True) and black cells with at least three words each way."""
    rng = page.rng
    while True:
        cells = [[rng.random() >= 0.24 for _ in range(size)] for _ in range(size)]
        across, down = _words(cells)
        if len(across) >= 3 and len(down) >= 3:
            return cells


Word = tuple[int, int, int]
"""(row, column, length) of a word of the grid."""


def _words(cells: list[list[bool]]) -> tuple[list[Word], list[Word]]:
    """(row, column, length) of each across and down word (two letters or more), in reading
    order (the grid is right to left: column 0 is the rightmost)."""
    size = len(cells)
    across: list[Word] = []
    down: list[Word] = []
    for r in range(size):
        for c in range(size):
            if not cells[r][c]:
                continue
            if (c == 0 or not cells[r][c - 1]) and c + 1 < size and cells[r][c + 1]:
                length = next((k for k in range(c, size) if not cells[r][k]), size) - c
                across.append((r, c, length))
            if (r == 0 or not cells[r - 1][c]) and r + 1 < size and cells[r + 1][c]:
                length = next((k for k in range(r, size) if not cells[k][c]), size) - r
                down.append((r, c, length))
    return across, down


def _numbering(cells: list[list[bool]]) -> tuple[dict[tuple[int, int], int],
                                                 list[tuple[int, int]], list[tuple[int, int]]]:
    """The clue number of each starting cell, and (number, length) of the across and down
    words."""
    across, down = _words(cells)
    starts = sorted({(r, c) for r, c, _ in across} | {(r, c) for r, c, _ in down})
    numbers = {cell: k + 1 for k, cell in enumerate(starts)}
    return (numbers, [(numbers[(r, c)], n) for r, c, n in across],
            [(numbers[(r, c)], n) for r, c, n in down])


def _clue_list(page: Page, words: list[tuple[int, int]], css: str) -> str:
    clues = page.rng.sample(CLUES, len(words))
    items = []
    for (number, length), clue in zip(words, clues, strict=True):
        text = page.record("puzzle", [f"{clue} {page.digits(COUNT.format(n=length))}"])[0]
        items.append(f'<li value="{number}">{esc(text)}</li>')
    return f'<ol class="{css}">{"".join(items)}</ol>'


def _grid_table(page: Page, cells: list[list[bool]], numbers: dict[tuple[int, int], int]) -> str:
    rows = []
    for r, row in enumerate(cells):
        tds = []
        for c, white in enumerate(row):
            if not white:
                tds.append('<td class="b"></td>')
                continue
            number = numbers.get((r, c))
            sup = f"<sup>{page.digits(str(number))}</sup>" if number else ""
            tds.append(f'<td class="w">{sup}<input maxlength="1" aria-label="{r + 1}-{c + 1}">'
                       "</td>")
        rows.append("<tr>" + "".join(tds) + "</tr>")
    return f'<table class="cw-grid" dir="rtl"><tbody>{"".join(rows)}</tbody></table>'


def _top(page: Page, number: int, setter: str, tag: str) -> str:
    heading = page.pick("puzzle", HEADING)
    shown_number, day, credit = page.record("puzzle", [
        page.digits(NUMBER.format(n=number)),
        dates.visible(page.today, "weekday_day", page.article.site, page.eastern),
        page.stable("credit").choice(CREDIT).format(name=setter)])
    return (f'<div class="cw-head"><{tag} class="cw-title">{esc(heading)}</{tag}> <span '
            f'class="cw-no">{esc(shown_number)}</span> <span class="cw-day">{esc(day)}</span> '
            f'<span class="setter">{esc(credit)}</span></div>')


def _puzzle(page: Page, place: str, number: int, setter: str) -> tuple[str, int]:
    """The puzzle box and its count of words."""
    rng = page.rng
    tag = "h2" if place in ("above", "after") else "h4"
    top = _top(page, number, setter, tag)
    size = 5 if place == "inside" else 7
    cells = _cells(page, size)
    numbers, across, down = _numbering(cells)
    words = len(across) + len(down)
    if place in ("above", "side"):
        teaser = page.record("puzzle", [page.stable("teaser").choice(TEASER).format(
            n=page.digits(str(words)))])[0]
        label = page.record("puzzle", [ACROSS])[0]
        play = page.pick("puzzle", PLAY)
        return (f'<section class="crossword compact {place}">{top}<p class="cw-teaser">'
                f'{esc(teaser)}</p><b class="dir">{esc(label)}</b>'
                + _clue_list(page, across[:rng.randint(2, 3)], "across")
                + f'<a class="play" href="/puzzles/crossword/{number}">{esc(play)}</a>'
                "</section>"), words
    labels = page.record("puzzle", [ACROSS, DOWN])
    tools = page.record("puzzle", [TIMER, *TOOLS])
    return (f'<section class="crossword full {place}">{top}'
            + _grid_table(page, cells, numbers)
            + f'<div class="clues"><div class="dir-across"><h4>{esc(labels[0])}</h4>'
            + _clue_list(page, across, "across")
            + f'</div><div class="dir-down"><h4>{esc(labels[1])}</h4>'
            + _clue_list(page, down, "down") + '</div></div><div class="cw-tools">'
            + f'<span class="timer">{esc(tools[0])}</span>'
            + "".join(f'<button type="button">{esc(t)}</button>' for t in tools[1:])
            + "</div></section>"), words


def _previous_day(page: Page, base: datetime) -> datetime:
    """The previous puzzle's day: a week before this one's, never within a day of the
    story's (its day in any zone)."""
    zone = dates.site_zone(page.article.site)
    day = page.today - timedelta(days=7)
    while abs((day.astimezone(zone).date() - base.astimezone(zone).date()).days) <= 1:
        day -= timedelta(days=7)
    return day


def _solution(page: Page, number: int, base: datetime) -> str:
    rng = page.rng
    heading = page.pick("solution", SOLUTION)
    day = dates.visible(_previous_day(page, base), "long_day", page.article.site, page.eastern)
    line, words = page.record("solution", [
        f"{page.digits(NUMBER.format(n=number - 1))} - {day}",
        f"{ACROSS}: " + "، ".join(rng.sample(ANSWERS, rng.randint(4, 6)))])
    return (f'<div class="cw-solution"><h3>{esc(heading)}</h3><p class="sol-day">{esc(line)}</p>'
            f'<p class="sol-words">{esc(words)}</p></div>')


def _winners(page: Page, number: int) -> str:
    rng = page.rng
    heading = page.record("winners", [page.stable("winners").choice(WINNERS).format(
        n=page.digits(str(number - 1)))])[0]
    items = []
    for city in rng.sample(WINNER_CITIES, 3):
        line = page.record("winners", [f"{_names(page, WINNER_FIRST, WINNER_FAMILY)} - {city}"])[0]
        items.append(f'<li class="winner">{esc(line)}</li>')
    return f'<div class="cw-winners"><h3>{esc(heading)}</h3><ol>{"".join(items)}</ol></div>'


def _hidden_word(page: Page) -> str:
    rng = page.rng
    heading = page.pick("hidden_word", HIDDEN)
    rule = page.record("hidden_word", [HIDDEN_RULE])[0]
    words = page.record("hidden_word", rng.sample(ANSWERS, 6))
    size = page.record("hidden_word", [page.digits(HIDDEN_SIZE.format(n=rng.randint(5, 7)))])[0]
    return (f'<div class="hidden-word"><h3>{esc(heading)}</h3><p class="rule">{esc(rule)}</p>'
            '<ul class="words">' + "".join(f"<li>{esc(w)}</li>" for w in words)
            + f'</ul><p class="size">{esc(size)}</p></div>')


def _puzzle_ld(page: Page, number: int, setter: str) -> dict[str, Any]:
    day = page.today.astimezone(dates.site_zone(page.article.site)).date().isoformat()
    return {"@context": "https://schema.org", "@type": "CreativeWork",
            "genre": HEADING[0], "name": f"{HEADING[0]} {NUMBER.format(n=number)}",
            "author": {"@type": "Person", "name": setter}, "contentReferenceTime": day,
            "isAccessibleForFree": True}


def _text(page: Page, parts: list[Part], style: str, blocks: list[str]) -> str:
    rng = page.rng
    lead = page.dateline if page.dateline and page.dateline.position == "body_lead" else None
    pieces: list[tuple[str, bool, str]] = []  # (html, a run of text, kind)
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            pieces.append((f"<strong>{esc(text)}</strong>", True, "subhead") if style == "lines"
                          else (f"<h3>{esc(text)}</h3>", False, "subhead"))
        elif part.kind == "quote":
            pieces.append((f"<blockquote>{esc(text)}</blockquote>", False, "quote"))
        elif part.kind == "list":
            pieces.append(("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>",
                           False, "list"))
        else:
            run = inline(text, rng, 0.2)
            if i == 0 and lead:
                run = f"<b>{esc(lead.text)} -</b> {run}"
            following = parts[i + 1].kind if i + 1 < len(parts) else ""
            kind = "lead-in" if following == "list" else "p"
            if style == "p":
                pieces.append((f"<p>{run}</p>", False, kind))
            elif style == "div":
                pieces.append((f'<div class="para">{run}</div>', False, kind))
            else:
                pieces.append((run, True, kind))
    for block in blocks:
        spots = [k for k in range(1, len(pieces)) if pieces[k - 1][2] != "lead-in"]
        pieces.insert(rng.choice(spots) if spots else len(pieces), (block, False, "block"))
    out = []
    if page.dateline and page.dateline.position == "line":
        out.append(f'<p class="dateline">{esc(page.dateline.text)}</p>')
    lines: list[str] = []
    for markup, is_run, _ in pieces:
        if is_run:
            lines.append(markup)
            continue
        if lines:
            out.append('<p class="lines">' + "<br>\n".join(lines) + "</p>")
            lines = []
        out.append(markup)
    if lines:
        out.append('<p class="lines">' + "<br>\n".join(lines) + "</p>")
    return '<div class="culture-text">\n' + "\n".join(out) + "\n</div>"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    place = page.stable(f"puzzle-place:{page.section}").choice(PUZZLE_PLACES)
    style = page.stable(f"text-kind:{page.section}").choice(STYLES)
    page.layout.update(puzzle=place, text=style)
    base = a.published or (page.today - timedelta(days=rng.randint(30, 90)))
    number = rng.randint(120, 980)
    setter = _names(page, SETTER_FIRST, SETTER_FAMILY)
    puzzle, _ = _puzzle(page, place, number, setter)
    head = chrome.head(page, (_puzzle_ld(page, number, setter),), articleSection="ثقافة")
    top = chrome.header(page, "weekday_day", " › ")
    fun_menu = "".join(f'<li><a href="/puzzles/{k}">{esc(x)}</a></li>' for k, x in enumerate(
        page.record("puzzles_menu", list(FUN_MENU))))
    kicker = page.pick("kicker", KICKER)
    row = []
    if b.visible and b.position == "before":
        row.append(f'<span class="by">{esc(b.prefix)}{page.linked_names("/writers/")}</span>')
    if page.date.visible:
        row.append(page.date_span())
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.25, bullets=0.2)
    blocks = chrome.interruptions(page)
    if place == "inside":
        blocks.append(puzzle)
    story = _text(page, parts, style, blocks)
    signed = (f'<p class="by-end">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    solution = _solution(page, number, base)
    hidden = _hidden_word(page) if rng.random() < 0.5 else ""
    winners = _winners(page, number)
    main, side, foot = chrome.after(page, "long_day")
    return head + "\n".join([
        '<body class="puzzles">',
        top,
        f'<nav class="fun-menu"><ul>{fun_menu}</ul></nav>',
        '<div class="wrap">',
        puzzle if place == "above" else "",
        '<div class="cols"><main>',
        '<article class="culture-story">',
        f'<a class="kicker" href="/culture">{esc(kicker)}</a>',
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" | ".join(row)}</div>' if row else "",
        page.lead_figure(),
        chrome.share(page),
        story,
        signed,
        "</article>",
        puzzle if place == "after" else "",
        solution,
        hidden,
        main,
        "</main>",
        '<aside class="sidebar">',
        puzzle if place == "side" else "",
        winners,
        side,
        "</aside></div></div>",
        f'<script>var cwConfig = {{"id": {number}, "size": {5 if place == "inside" else 7}, '
        f'"endpoint": "{attr("/api/puzzles/check")}"}};</script>',
        foot,
    ])
