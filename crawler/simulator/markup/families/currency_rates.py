"""An economy story (اقتصاد / "أسعار الصرف والذهب") on a portal's exchange-rates page: the desk's
story beside the rates board: its heading, the update time ("آخر تحديث:" the render day and
hour: after the story), the table of currencies (buy, sell, the change with an arrow), the gold
table per karat, a week's chart (an inline SVG whose ``<text>`` labels are weekdays and short
days), the converter form, the analyst's card (a quoted sentence of prose with the analyst's name
and role: no author) and the source line ("المصدر: ..."); an inline ``window.ratesFeed`` script
with the board's figures and its ``updatedAt`` instant.

Body: the story's parts (now and then a lead sentence of its own, a quoted statement,
intertitles: body) in *two* containers: ``div.rates-lead``, the first part in a ``<p
class="intro">``, and ``div.rates-body``, the rest, typed per section of a site
(``layout["text"]``): ``p``, ``<p>``s with ``<h3>`` intertitles; ``br``, runs separated by
``<br><br>`` with ``<strong>`` intertitles. The dateline is a ``p.dateline`` line above the
first container or the bold start of the intro ("<b>city - source</b>:").

Not body: the board, placed per section (``layout["board"]``): ``above``, a strip of the main
rates before the ``<h1>``; ``between``, the whole board between the two containers (after the
first part); ``after``, after the text; ``side``, in the sidebar. Also the analyst's card (after
the text or in the sidebar), the converter, an ad and read-also lines in the second container,
tags, related stories, comments, the most read and the footer.

Some templates head the page with the section's own ``<h2 class="page-title">`` above the
``<h1>`` (``layout["page_title"]``). Bylines: "كتب: X", "المحرر: X", the bare name or metadata
only, before or after the text; the analyst is no author. Head: og tags; on metadata-dated pages
(and for metadata-only bylines) a ``NewsArticle`` and ``article:published_time``. Dates:
metadata (second) or the meta row; the board's update time is never between the title and the
text.
"""

from __future__ import annotations

from datetime import timedelta

from crawler.simulator.markup import body, dates
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import break_runs, esc, inline, script_json
from crawler.simulator.markup.page import Page, Traits

NAME = "currency_rates"
TRAITS = Traits(
    date_formats=("time_first", "weekday_comma_ampm", "numeric_ampm", "long_day", "iso_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.15,
    byline_forms=("kataba", "edited_by", "bare", "meta_only"),
    byline_prefixes={"edited_by": ("المحرر: ", "متابعة: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.75, caption=0.6,
)

BOARD_PLACES = ("above", "between", "after", "side")
STYLES = ("p", "br")

CURRENCIES = ("الدولار الأمريكي", "اليورو", "الجنيه الإسترليني", "الريال السعودي",
              "الدرهم الإماراتي", "الدينار الكويتي", "الفرنك السويسري", "اليوان الصيني")
KARATS = ("عيار 24", "عيار 21", "عيار 18", "الجنيه الذهب")
COLUMNS = ("العملة", "شراء", "بيع", "التغير")
GOLD_COLUMNS = ("العيار", "سعر الغرام", "التغير")
BOARD_HEADING = ("أسعار الصرف اليوم", "نشرة أسعار العملات", "سعر الصرف في البنوك")
GOLD_HEADING = ("أسعار الذهب", "الذهب اليوم")
UPDATED = "آخر تحديث: {moment}"
SOURCE = ("المصدر: البنك المركزي ومكاتب الصرف المعتمدة", "المصدر: متوسط أسعار البنوك التجارية")
CHART = "تطور سعر {currency} خلال أسبوع"
CONVERTER = ("محول العملات", "المبلغ", "من", "إلى", "تحويل")
ANALYST_HEADING = ("قراءة خبير", "رأي محلل")
ANALYST_FIRST = ("رامي", "جود", "مازن", "رشا", "فراس", "ضحى")
ANALYST_FAMILY = ("الحلبي", "العطار", "الملاح", "الصباغ", "الزعبي")
"""The analysts: a pool of their own, none an author."""
ANALYST_ROLES = ("محلل أسواق المال", "خبير اقتصادي", "مستشار في شؤون الاستثمار")
ANALYST_SAYS = ("أتوقع أن تبقى الأسعار في نطاق ضيق خلال الأيام المقبلة ما لم تصدر بيانات "
                "مفاجئة عن التضخم.",
                "الطلب الموسمي على العملة الصعبة يفسر جزءا كبيرا من التحرك الأخير، وليس تغيرا "
                "في الأساسيات.",
                "الذهب يظل ملاذا مفضلا للأسر في فترات الغموض، ولذلك لا أستبعد ارتفاعا جديدا.")
PAGE_TITLES = ("أسعار العملات والذهب", "بورصة العملات")
KICKER = ("اقتصاد", "أسواق")


def _rate(page: Page, low: float, high: float) -> str:
    return page.digits(f"{page.rng.uniform(low, high):.2f}")


def _change(page: Page) -> str:
    value = page.rng.uniform(-1.5, 1.5)
    return page.digits(f"{'▲' if value >= 0 else '▼'} {abs(value):.2f}%")


def _updated(page: Page) -> str:
    moment = dates.visible(page.today, "numeric_time", page.article.site, page.eastern)
    return page.record("board", [UPDATED.format(moment=moment)])[0]


def _table(page: Page, names: tuple[str, ...], columns: tuple[str, ...],
           count: int) -> tuple[str, list[list[str]]]:
    heads = page.record("board", list(columns))
    rows = []
    for name in page.rng.sample(names, count):
        if len(columns) == 4:
            buy = _rate(page, 0.5, 40)
            row = [name, buy, _rate(page, 0.5, 40), _change(page)]
        else:
            row = [name, _rate(page, 30, 4000), _change(page)]
        rows.append(page.record("board", row))
    html = ('<table class="rates"><thead><tr>' + "".join(f"<th>{esc(h)}</th>" for h in heads)
            + "</tr></thead><tbody>" + "".join(
                "<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
            + "</tbody></table>")
    return html, rows


def _chart(page: Page, currency: str) -> str:
    caption = page.record("board", [CHART.format(currency=currency)])[0]
    labels = []
    for k in range(5):
        day = page.today - timedelta(days=4 - k)
        labels.append(page.record("board", [dates.visible(
            day, "numeric_day", page.article.site, page.eastern)[:5]])[0])
    texts = "".join(f'<text x="{20 + 70 * k}" y="95">{esc(x)}</text>'
                    for k, x in enumerate(labels))
    points = " ".join(f"{20 + 70 * k},{page.rng.randint(20, 80)}" for k in range(5))
    return (f'<figure class="chart"><svg viewBox="0 0 320 100" role="img"><polyline points='
            f'"{points}" fill="none" stroke="#0a7"></polyline>{texts}</svg><figcaption>'
            f"{esc(caption)}</figcaption></figure>")


def _board(page: Page, place: str) -> tuple[str, dict[str, object]]:
    heading = page.pick("board", BOARD_HEADING)
    updated = _updated(page)
    if place == "above":
        items = []
        for name in page.rng.sample(CURRENCIES, 4):
            rate, change = _rate(page, 0.5, 40), _change(page)
            page.record("board", [name, rate, change])
            items.append(f'<li><b>{esc(name)}</b> <span class="v">{esc(rate)}</span> '
                         f'<span class="chg">{esc(change)}</span></li>')
        return (f'<section class="rates-board above"><h2>{esc(heading)}</h2><ul class="strip">'
                f'{"".join(items)}</ul><small class="updated">{esc(updated)}</small></section>',
                {"updatedAt": page.today.isoformat(timespec="seconds")})
    count = 3 if place == "side" else page.rng.randint(5, 7)
    table, rows = _table(page, CURRENCIES, COLUMNS, count)
    source = page.pick("board", SOURCE)
    gold_heading = page.pick("board", GOLD_HEADING)
    gold, gold_rows = _table(page, KARATS, GOLD_COLUMNS, 2 if place == "side" else 4)
    chart = _chart(page, rows[0][0]) if place in ("between", "after") else ""
    tag = "aside" if place == "between" else "section"
    return (f'<{tag} class="rates-board {place}"><h2>{esc(heading)}</h2><small class="updated">'
            f'{esc(updated)}</small>{table}<h3>{esc(gold_heading)}</h3>{gold}{chart}'
            f'<p class="source">{esc(source)}</p></{tag}>',
            {"updatedAt": page.today.isoformat(timespec="seconds"),
             "rates": [r[:3] for r in rows], "gold": [r[:2] for r in gold_rows]})


def _analyst(page: Page) -> str:
    rng = page.rng
    heading = page.pick("analyst", ANALYST_HEADING)
    name = f"{rng.choice(ANALYST_FIRST)} {rng.choice(ANALYST_FAMILY)}"
    says, who = page.record("analyst", [rng.choice(ANALYST_SAYS),
                                        f"{name}، {rng.choice(ANALYST_ROLES)}"])
    return (f'<div class="analyst-card"><h3>{esc(heading)}</h3><blockquote><p>{esc(says)}</p>'
            f'</blockquote><p class="who">{esc(who)}</p></div>')


def _converter(page: Page) -> str:
    title, amount, source, target, go = page.record("converter", list(CONVERTER))
    options = "".join(f"<option>{esc(c)}</option>" for c in CURRENCIES[:4])
    return (f'<form class="converter"><h3>{esc(title)}</h3><label>{esc(amount)} <input '
            f'type="number" value="100"></label><label>{esc(source)} <select>{options}</select>'
            f'</label><label>{esc(target)} <select>{options}</select></label><button '
            f'type="button">{esc(go)}</button></form>')


def _containers(page: Page, parts: list[Part], style: str, blocks: list[str],
                between: str) -> str:
    rng = page.rng
    lead = page.dateline if page.dateline and page.dateline.position == "body_lead" else None
    first = inline(parts[0].texts[0], rng, 0.2)
    if lead:
        first = f"<b>{esc(lead.text)}</b>: {first}"
    intro = f'<div class="rates-lead"><p class="intro">{first}</p></div>'
    pieces: list[tuple[str, bool]] = []
    leads: list[bool] = []  # a list's lead-in: no block between it and its list
    for k, part in enumerate(parts[1:], start=1):
        leads.append(k + 1 < len(parts) and parts[k + 1].kind == "list")
        text = part.texts[0]
        if part.kind == "subhead":
            pieces.append((f"<strong>{esc(text)}</strong>", True) if style == "br"
                          else (f"<h3>{esc(text)}</h3>", False))
        elif part.kind == "quote":
            pieces.append((f"<blockquote>{esc(text)}</blockquote>", False))
        elif part.kind == "list":
            pieces.append(("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>",
                           False))
        else:
            run = inline(text, rng, 0.2)
            pieces.append((run, True) if style == "br" else (f"<p>{run}</p>", False))
    for block in blocks:
        spots = [k for k in range(1, len(pieces)) if not leads[k - 1]]
        spot = rng.choice(spots) if spots else len(pieces)
        pieces.insert(spot, (block, False))
        leads.insert(spot, False)
    rest = ("".join(break_runs(pieces)) if style == "br"
            else "\n".join(markup for markup, _ in pieces))
    dateline = (f'<p class="dateline">{esc(page.dateline.text)}</p>'
                if page.dateline and page.dateline.position == "line" else "")
    return "\n".join([dateline, intro, between, f'<div class="rates-body">{rest}</div>'])


def render(page: Page) -> str:
    place = page.stable(f"board:{page.article.kind}:{page.section}").choice(BOARD_PLACES)
    style = page.stable(f"text:{page.article.kind}:{page.section}").choice(STYLES)
    titled = page.stable("page-title").random() < 0.5
    page.layout.update(board=place, text=style, page_title="yes" if titled else "no")
    board, feed = _board(page, place)
    head = chrome.head(page, articleSection="اقتصاد")
    top = chrome.header(page, "weekday_day", " » ")
    kicker = page.pick("kicker", KICKER)
    page_title = (f'<h2 class="page-title">{esc(page.pick("page_title", PAGE_TITLES))}</h2>'
                  if titled else "")
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.3)
    if len(parts) < 2:  # the second container needs a part
        first = body.sentences(parts[0].texts[0])
        if len(first) >= 2:
            parts = [Part("p", (first[0],)), Part("p", (" ".join(first[1:]),))]
            page.set_body([first[0], " ".join(first[1:])])
    story = _containers(page, parts, style, chrome.interruptions(page),
                        board if place == "between" else "")
    analyst = _analyst(page)
    analyst_side = page.stable(f"analyst:{page.section}").random() < 0.5
    main, side, foot = chrome.after(page, "numeric_day")
    feed_script = f"<script>window.ratesFeed = {script_json(feed)};</script>"
    return head + "\n".join([
        '<body class="economy rates">',
        top,
        '<div class="container">',
        page_title,
        board if place == "above" else "",
        '<div class="cols"><main>',
        '<article class="rates-story">',
        f'<a class="kicker" href="/economy">{esc(kicker)}</a>',
        f"<h1>{esc(page.headline)}</h1>",
        chrome.meta_row(page, " | "),
        page.lead_figure(),
        story,
        chrome.signed(page),
        chrome.share(page),
        "</article>",
        board if place == "after" else "",
        "" if analyst_side else analyst,
        main,
        "</main>",
        '<aside class="sidebar">',
        board if place == "side" else "",
        analyst if analyst_side else "",
        _converter(page),
        side,
        "</aside></div></div>",
        feed_script,
        foot,
    ])
