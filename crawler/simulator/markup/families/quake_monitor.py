"""A story of a portal's seismic desk (زلازل / "رصد الهزات") on its earthquake monitor page: the
desk's story beside the observatory's feed of recent tremors (a table: the time in UTC
"2024-11-03 14:32 UTC", the magnitude, the depth, the place "على بعد 12 كلم شمال X": times
of other events, before the render time), the observatory director's statement card (a quoted
sentence with his name and post: no author), the safety advice as an ``<ol>`` of whole sentences
(a list like the story's own), the "did you feel it?" form and the ``window.quakeFeed`` state.

Body: the story's parts (now and then a lead sentence of its own, a quoted statement,
intertitles, a bulleted list after its lead-in: body) in ``div.quake-story``, typed per section
of a site (``layout["text"]``: ``p``, ``div`` or ``br``, as ``portal_chrome.text`` types them).
The dateline is a ``p.dateline`` line above the text or the bold start of the first paragraph.

Not body: the feed, placed per section (``layout["feed"]``): ``above``, a strip of the last
three tremors before the ``<h1>``; ``inside``, the last two between two parts of the text;
``after``, the whole table after the text; ``side``, in the sidebar. The safety advice goes
after the text or in the sidebar (``layout["tips"]``). Also an ad and read-also lines, tags,
related stories, comments, the most read and the footer.

Bylines: "كتب: X", "متابعة: X", the bare name or metadata only, before or after the text. Head:
og tags; on metadata-dated pages (and for metadata-only bylines) a ``NewsArticle`` and
``article:published_time``. Dates: metadata (second) or the meta row.
"""

from __future__ import annotations

from datetime import UTC, timedelta

from crawler.simulator.markup import body
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import esc, script_json
from crawler.simulator.markup.page import Page, Traits

NAME = "quake_monitor"
TRAITS = Traits(
    date_formats=("greenwich", "weekday_time", "numeric_time", "time_first", "long_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("kataba", "bare", "meta_only"),
    byline_prefixes={"kataba": ("كتب: ", "متابعة: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.8, caption=0.6,
)

FEED_PLACES = ("above", "inside", "after", "side")
TIP_PLACES = ("after", "side")

QUAKE_PLACES = ("أكادير", "ميدلت", "تطوان", "العقبة", "إربد", "السويداء", "الفجيرة", "قفصة")
WHERE = ("على بعد {k} كلم شمال {p}", "على بعد {k} كلم جنوب شرق {p}", "قبالة سواحل {p}",
         "في محيط {p}")
COLUMNS = ("التوقيت العالمي", "القوة", "العمق", "الموقع")
FEED_HEADING = ("آخر الهزات المسجلة", "الرصد الزلزالي المباشر")
STRIP_HEADING = ("هزات اليوم", "رصد مباشر")
DIRECTOR_FIRST = ("ناصر", "رشيد", "غادة", "شوقي")
DIRECTOR_FAMILY = ("المهيري", "بلقاسم", "الصباغ", "الجبوري")
"""The observatory's directors: a pool of their own, none an author."""
DIRECTOR_ROLES = ("مدير المعهد الوطني للجيوفيزياء", "رئيس شبكة الرصد الزلزالي")
STATEMENTS = ("«الهزات الارتدادية أمر طبيعي بعد زلزال بهذه القوة، ولا داعي للهلع ما دامت "
              "المباني سليمة».",
              "«محطاتنا تعمل على مدار الساعة، وسننشر كل المعطيات الجديدة فور التحقق منها».")
STATEMENT_HEADING = ("تصريح المرصد", "قال المرصد")
TIPS = ("ابتعد عن النوافذ والواجهات الزجاجية واحتم تحت طاولة متينة.",
        "لا تستعمل المصاعد أثناء الهزة أو بعدها مباشرة.",
        "إذا كنت في الخارج فابتعد عن المباني وأعمدة الكهرباء.",
        "افصل الغاز والكهرباء بعد انتهاء الهزة وتفقد منزلك بحذر.",
        "جهز حقيبة طوارئ فيها ماء ومصباح وأدوية أساسية.")
"""Safety advice (written for this generator): whole sentences, none of the story's."""
TIPS_HEADING = ("ماذا تفعل أثناء الزلزال؟", "إرشادات السلامة")
FELT = ("هل شعرت بالهزة؟", "نعم", "لا", "أين كنت؟", "أرسل")
KICKER = ("زلازل", "رصد الهزات")


def _quakes(page: Page, count: int) -> list[dict[str, str]]:
    rng = page.rng
    at = page.today.astimezone(UTC)
    out = []
    for _ in range(count):
        at -= timedelta(hours=rng.randint(2, 40), minutes=rng.randrange(60))
        out.append({"time": page.digits(f"{at:%Y-%m-%d %H:%M} UTC"),
                    "magnitude": page.digits(f"{rng.uniform(2.1, 6.4):.1f}"),
                    "depth": page.digits(f"{rng.randint(5, 60)} كلم"),
                    "place": page.digits(rng.choice(WHERE).format(
                        k=rng.randint(4, 80), p=rng.choice(QUAKE_PLACES))),
                    "iso": at.isoformat(timespec="seconds")})
    for q in out:
        page.record("quake_feed", [q["time"], q["magnitude"], q["depth"], q["place"]])
    return out


def _feed(page: Page, place: str) -> tuple[str, list[dict[str, str]]]:
    quakes = _quakes(page, {"above": 3, "inside": 2, "side": 4}.get(place, 7))
    rows = "".join(f'<tr><td class="t">{esc(q["time"])}</td><td class="m">{esc(q["magnitude"])}'
                   f'</td><td>{esc(q["depth"])}</td><td>{esc(q["place"])}</td></tr>'
                   for q in quakes)
    if place == "above":
        heading = page.pick("quake_feed", STRIP_HEADING)
        items = "".join(f'<div class="quake"><b>{esc(q["magnitude"])}</b> <span>{esc(q["place"])}'
                        f'</span> <i>{esc(q["depth"])}</i> <small>{esc(q["time"])}</small></div>'
                        for q in quakes)
        return f'<div class="quake-feed above"><h2>{esc(heading)}</h2>{items}</div>', quakes
    heading = page.pick("quake_feed", FEED_HEADING)
    heads = page.record("quake_feed", list(COLUMNS))
    tag, level = ("aside", "h4") if place == "inside" else ("section", "h3")
    return (f'<{tag} class="quake-feed {place}"><{level}>{esc(heading)}</{level}><table>'
            "<thead><tr>" + "".join(f"<th>{esc(h)}</th>" for h in heads) + "</tr></thead>"
            f"<tbody>{rows}</tbody></table></{tag}>"), quakes


def _statement(page: Page) -> str:
    rng = page.rng
    heading = page.pick("statement", STATEMENT_HEADING)
    name = f"{rng.choice(DIRECTOR_FIRST)} {rng.choice(DIRECTOR_FAMILY)}"
    said, who = page.record("statement", [rng.choice(STATEMENTS),
                                          f"{name}، {rng.choice(DIRECTOR_ROLES)}"])
    return (f'<div class="observatory-card"><h3>{esc(heading)}</h3><blockquote><p>{esc(said)}'
            f'</p></blockquote><p class="who">{esc(who)}</p></div>')


def _tips(page: Page) -> str:
    heading = page.pick("tips", TIPS_HEADING)
    tips = page.record("tips", page.rng.sample(TIPS, 4))
    return (f'<section class="safety"><h3>{esc(heading)}</h3><ol>'
            + "".join(f"<li>{esc(t)}</li>" for t in tips) + "</ol></section>")


def _felt(page: Page) -> str:
    question, yes, no, where, send = page.record("felt_form", list(FELT))
    return (f'<form class="felt-it"><h3>{esc(question)}</h3><label><input type="radio" '
            f'name="felt"> {esc(yes)}</label><label><input type="radio" name="felt"> {esc(no)}'
            f'</label><label>{esc(where)} <input></label><button type="submit">{esc(send)}'
            "</button></form>")


def render(page: Page) -> str:
    place = page.stable(f"feed-place:{page.article.kind}:{page.section}").choice(FEED_PLACES)
    style = page.stable(f"text:{page.article.kind}:{page.section}").choice(chrome.STYLES)
    tips_at = page.stable(f"tips:{page.article.kind}").choice(TIP_PLACES)
    page.layout.update(feed=place, text=style, tips=tips_at)
    feed, quakes = _feed(page, place)
    head = chrome.head(page, articleSection="زلازل")
    top = chrome.header(page, "weekday_day", " › ")
    kicker = page.pick("kicker", KICKER)
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.3, bullets=0.25)
    blocks = chrome.interruptions(page)
    if place == "inside":
        blocks.append(feed)
    story = chrome.text(page, parts, style, blocks, "quake-story")
    main, side, foot = chrome.after(page, "long_day")
    tips = _tips(page)
    state = {"events": [{k: q[k] for k in ("iso", "magnitude", "place")} for q in quakes],
             "updatedAt": page.today.astimezone(UTC).isoformat(timespec="seconds"),
             "more": page.script_articles(2)}
    return head + "\n".join([
        '<body class="science quake-monitor">',
        top,
        '<div class="page">',
        feed if place == "above" else "",
        '<div class="cols"><main>',
        '<article class="quake-article">',
        f'<a class="kicker" href="/quakes">{esc(kicker)}</a>',
        f"<h1>{esc(page.headline)}</h1>",
        chrome.meta_row(page, " | "),
        page.lead_figure(),
        story,
        chrome.signed(page),
        chrome.share(page),
        "</article>",
        feed if place == "after" else "",
        tips if tips_at == "after" else "",
        _statement(page),
        main,
        "</main>",
        '<aside class="sidebar">',
        feed if place == "side" else "",
        tips if tips_at == "side" else "",
        _felt(page),
        side,
        "</aside></div></div>",
        f"<script>window.quakeFeed = {script_json(state)};</script>",
        foot,
    ])
