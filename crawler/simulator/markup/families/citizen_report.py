"""A reader's contribution (صحافة المواطن / "عين القارئ") of a portal's citizen-journalism
section: a story a reader sent in, published under the reader's name in a sender card ("أرسل
الخبر: X"، "بعدسة وقلم: X"، "المواطن الصحفي: X", with the city, the member's year and the number
of contributions), with the desk's check beside it ("راجعه: Y، محرر صحافة المواطن"، "تدقيق: Y":
Y is no author), the day and time the contribution reached the desk (before the publication),
the other readers' pictures of the week, the section's disclaimer, the send-your-story form and
the other readers' contributions with their senders.

Body (``div.contribution``): the story's parts (now and then a lead sentence of its own, a quoted
statement, intertitles, a bulleted list after its lead-in: body), typed per section of a site
(``layout["text"]``) as ``<p>``s, ``<div class="p">``s or ``<br><br>`` runs; on some sections
(``layout["fold"]`` ``yes``) the last parts are folded into a ``div.rest`` hidden behind a
"اقرأ المزيد" button (body all the same). The dateline is a ``p.dateline`` line above the text or
the start of its first paragraph ("<b>city - source -</b>").

The sender card (``div.sender-card``) is the byline: its names are the authors; on
metadata-only and unsigned pages it names no one ("مساهمة من أحد القراء"). Each section of a
site places it (``layout["card"]``): ``above``, before the ``<h1>``, after the section's label,
with the reception time ("وصلت إلى التحرير: <day time>") and, when the page shows its date, the
publication time ("نشرت: <date>", ``date_place`` ``above_title``: no date under the ``<h1>``
then); ``below``, under the ``<h1>`` (no reception time there: the meta row under it carries
the date); ``end``, after the text (pages whose byline goes after the text), with the reception
time. The check (``aside.check``) is above the ``<h1>`` beside the card, under the card below
the ``<h1>``, or after the text with its review time (after the reception, before the
publication).

Not body: the label "صحافة المواطن", the card's city, year and count, the check, the reception
and review times, the readers' pictures of the week (``div.reader-photos``: links to other
contributions, no image of the article's), the disclaimer, an ad and read-also lines between
the parts, the send form, the other contributions (senders, cities, ages), tags, related
stories, comments, the most read, the footer.

Head: og tags; on metadata-dated pages (and for metadata-only bylines) a JSON-LD
``NewsArticle`` and ``article:published_time``. Dates: metadata (second), the meta row under the
``<h1>`` or the card above it (minute, now and then with a later "آخر تحديث" beside it).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from crawler.simulator.markup import body, dates, furniture
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import attr, break_runs, esc, inline, thumb_url
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE

NAME = "citizen_report"
TRAITS = Traits(
    date_formats=("weekday_time", "numeric_time", "weekday_dash_ampm", "time_first",
                  "day_at_time"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.6, modified_shown=0.25, eastern_digits=0.1,
    byline_forms=("kataba", "kataba", "bare", "meta_only"),
    byline_prefixes={"kataba": ("أرسل الخبر: ", "بعدسة وقلم: ", "المواطن الصحفي: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.7, caption=0.5,
)

LABELS = ("صحافة المواطن", "عين القارئ", "شارك بخبر")
ANONYMOUS = ("مساهمة من أحد القراء", "أرسلها قارئ فضل عدم ذكر اسمه")
CITIES = ("من الزرقاء", "من سلا", "من بنغازي", "من صور", "من المحلة الكبرى", "من بسكرة",
          "من سوسة", "من إب")
MEMBER = "عضو منذ {year}"
COUNT = "{n} مساهمة"
RECEIVED = "وصلت إلى التحرير: {when}"
PUBLISHED = "نشرت: {when}"
REVIEWED = "روجعت: {when}"
CHECKED = ("تحقق فريق التحرير من الصور والمعلومات الواردة في هذه المادة",
           "راجع فريق الموقع هذه المساهمة قبل نشرها")
EDITOR_FIRST = ("رامز", "هيام", "عصام", "وداد", "أكرم", "نهى", "شريف")
EDITOR_FAMILY = ("الحلو", "بن عيسى", "العبيدي", "الشاذلي", "الرفاعي", "الموصلي")
"""The section's editors and the other contributors: a pool of its own, none an author."""
EDITOR = ("راجعه: {name}، محرر صحافة المواطن", "تدقيق: {name}")
PHOTOS = ("عدسة القراء هذا الأسبوع", "صور من مساهمات القراء")
PHOTO_ALT = "صورة من مساهمة قارئ"
DISCLAIMER = ("المواد المنشورة في هذا القسم يرسلها القراء، ويتحقق فريق التحرير منها قبل نشرها، "
              "وهي لا تعبر بالضرورة عن رأي الموقع.",
              "يتحمل المرسل مسؤولية ما يرد في مساهمته، ويحتفظ الموقع بحق التعديل والاختصار.")
FORM = ("شارك بخبر أو صورة", "الاسم", "المدينة", "رقم الهاتف", "نص الخبر", "أرفق صورا أو فيديو",
        "أوافق على شروط النشر", "إرسال المساهمة")
OTHERS = ("مساهمات القراء", "من عيون القراء")
MORE = ("اقرأ المزيد", "تابع القراءة")


def _when(page: Page, moment: datetime) -> str:
    return dates.visible(moment, "numeric_time", page.article.site, page.eastern)


def _card(page: Page, place: str, received: datetime) -> str:
    rng, b = page.rng, page.byline
    if b.visible:
        who = f'<span class="who">{esc(b.prefix)}{page.linked_names("/member/")}</span>'
        city, year, count = page.record("sender", [
            rng.choice(CITIES), page.digits(MEMBER.format(year=rng.randint(2012, 2023))),
            page.digits(COUNT.format(n=rng.randint(2, 60)))])
        extra = (f' <span class="city">{esc(city)}</span> <span class="since">{esc(year)}</span>'
                 f' <span class="count">{esc(count)}</span>')
    else:
        who = f'<span class="who">{esc(page.pick("sender", ANONYMOUS))}</span>'
        extra = ""
    times = []
    if place in ("above", "end"):
        times.append(page.record("sender", [RECEIVED.format(when=_when(page, received))])[0])
    if place == "above" and page.date.visible:
        label = page.record("sender", [PUBLISHED.format(when="").strip()])[0]
        times.append(f"{label} {page.date.visible}")
        if page.date.modified_visible:
            times.append(page.record("modified", [page.date.modified_visible])[0])
        page.layout["date_place"] = "above_title"
    avatar = f'<img class="avatar" src="{attr(thumb_url(page.site, rng))}" alt="">'
    return (f'<div class="sender-card">{avatar}{who}{extra}'
            + "".join(f'<span class="t">{esc(t)}</span>' for t in times) + "</div>")


def _check(page: Page, end: bool, reviewed: datetime) -> str:
    rng = page.rng
    note = page.pick("check", CHECKED)
    editor = page.record("check", [page.stable("editor").choice(EDITOR).format(
        name=f"{rng.choice(EDITOR_FIRST)} {rng.choice(EDITOR_FAMILY)}")])[0]
    when = ""
    if end:
        line = page.record("check", [REVIEWED.format(when=_when(page, reviewed))])[0]
        when = f'<span class="t">{esc(line)}</span>'

    return (f'<aside class="check"><span class="ok">✔</span> {esc(note)} '
            f'<span class="editor">{esc(editor)}</span>{when}</aside>')


def _text(page: Page, parts: list[Part], style: str, fold: bool, blocks: list[str]) -> str:
    rng = page.rng
    lead = page.dateline if page.dateline and page.dateline.position == "body_lead" else None
    pieces: list[tuple[str, bool, str]] = []
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            pieces.append((f"<b>{esc(text)}</b>", True, "subhead") if style == "br"
                          else (f"<h4>{esc(text)}</h4>", False, "subhead"))
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
                pieces.append((f'<div class="p">{run}</div>', False, kind))
            else:
                pieces.append((run, True, kind))
    cut = len(pieces)
    if fold and len(pieces) >= 3:
        spots = [k for k in range(2, len(pieces)) if pieces[k - 1][2] != "lead-in"]
        cut = rng.choice(spots) if spots else cut
    shown, rest = pieces[:cut], pieces[cut:]
    for block in blocks:
        spots = [k for k in range(1, len(shown)) if shown[k - 1][2] != "lead-in"]
        shown.insert(rng.choice(spots) if spots else len(shown), (block, False, "block"))

    def typed(chunk: list[tuple[str, bool, str]]) -> str:
        if style == "br":
            return "".join(break_runs([(h, r) for h, r, _ in chunk]))
        return "\n".join(h for h, _, _ in chunk)

    out = []
    if page.dateline and page.dateline.position == "line":
        out.append(f'<p class="dateline">{esc(page.dateline.text)}</p>')
    out.append(typed(shown))
    if rest:
        more = page.pick("fold", MORE)
        out.append(f'<div class="more-bar"><button aria-expanded="false">{esc(more)}</button>'
                   f'</div>\n<div class="rest" hidden>{typed(rest)}</div>')
    else:
        page.layout["fold"] = "no"
    return '<div class="contribution">\n' + "\n".join(out) + "\n</div>"


def _photos(page: Page) -> str:
    rng = page.rng
    heading = page.pick("reader_photos", PHOTOS)
    images = "".join(f'<a href="/readers/{rng.randint(1000, 9999)}"><img src="https://img.'
                     f'{page.site.domain}/readers/{rng.getrandbits(36):09x}.jpg" alt="'
                     f'{attr(PHOTO_ALT)}"></a>' for _ in range(rng.randint(2, 4)))
    return f'<div class="reader-photos"><h3>{esc(heading)}</h3>{images}</div>'


def _others(page: Page) -> str:
    rng = page.rng
    heading = page.pick("contributions", OTHERS)
    items = []
    for title in furniture.headlines(rng, rng.randint(3, 4)):
        who = f"{rng.choice(EDITOR_FIRST)} {rng.choice(EDITOR_FAMILY)}"
        city, age = rng.choice(CITIES), dates.relative(rng)
        page.record("contributions", [title, who, city, age])
        items.append(f'<li><a href="/readers/{rng.randint(1000, 9999)}">{esc(title)}</a>'
                     f'<span class="by">{esc(who)} {esc(city)}</span> <small>{esc(age)}</small>'
                     "</li>")
    return (f'<section class="contributions"><h3>{esc(heading)}</h3><ul>{"".join(items)}</ul>'
            "</section>")


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    card_place = ("end" if b.position == "after"
                  else page.stable(f"card:{page.section}").choice(("above", "below")))
    style = page.stable(f"text:{page.section}").choice(("p", "div", "br"))
    fold = page.stable(f"fold:{page.section}").random() < 0.5
    page.layout.update(card=card_place, text=style, fold="yes" if fold else "no")
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    received = base - timedelta(hours=rng.randint(3, 30), minutes=rng.randrange(60))
    reviewed = received + (base - received) * rng.uniform(0.2, 0.8)
    label = page.pick("label", LABELS)
    card = _card(page, card_place, received)
    check = _check(page, card_place == "end", reviewed)
    top = chrome.header(page, "weekday_day", " » ")
    row = []
    if page.date.visible and card_place != "above":
        row.append(page.date_span())
        if page.date.modified_visible:
            row.append(f'<span class="updated">'
                       f'{esc(page.record("modified", [page.date.modified_visible])[0])}</span>')
    parts = body.shape(page, lead=0.2, quote=0.15, subheads=0.2, bullets=0.2)
    story = _text(page, parts, style, fold, chrome.interruptions(page))
    disclaimer = page.pick("disclaimer", DISCLAIMER)
    form = page.record("send_form", list(FORM))
    main, side, foot = chrome.after(page, "numeric_day")
    return chrome.head(page) + "\n".join([
        '<body class="citizen">',
        top,
        '<div class="layout"><main><article class="contribution-page">',
        f'<div class="kicker"><span class="label">{esc(label)}</span>'
        + (card if card_place == "above" else "") + "</div>",
        check if card_place == "above" else "",
        f"<h1>{esc(page.headline)}</h1>",
        card if card_place == "below" else "",
        check if card_place == "below" else "",
        f'<div class="meta">{" ".join(row)}</div>' if row else "",
        page.lead_figure(),
        story,
        card if card_place == "end" else "",
        check if card_place == "end" else "",
        _photos(page),
        f'<p class="disclaimer"><small>{esc(disclaimer)}</small></p>',
        chrome.share(page),
        "</article>",
        f'<form class="send"><h3>{esc(form[0])}</h3>'
        + "".join(f"<label>{esc(x)}</label><input>" for x in form[1:5])
        + f'<label>{esc(form[5])}</label><input type="file"><label><input type="checkbox"> '
        f"{esc(form[6])}</label><button>{esc(form[7])}</button></form>",
        _others(page),
        main,
        "</main>",
        f'<aside class="sidebar">{side}</aside></div>',
        foot,
    ])
