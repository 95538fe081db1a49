"""A story of a portal's variety desk (منوعات / "أبراج") on the page of the day's horoscope (حظك
اليوم): the desk's story beside the astrologer's column: the heading "حظك اليوم" with the day
the page is seen (the render day: after the story, never its date), the astrologer's line (one
per site: "توقعات: X"، "بقلم: X"، "إعداد: X": the byline of another text, X no author), and per
sign its name, its range of days ("21 مارس - 19 أبريل": days and months without a year) and its
forecast as sentences ("مهنيا: ..."، "عاطفيا: ..."، "صحيا: ...") with its lucky number and
colour: more prose than the story, each sign in an ``<article class="sign">`` of its own, while
the story sits in plain ``<div>``s.

Body: the story's parts (now and then a lead sentence of its own, a quoted statement,
intertitles in ``<h3>``: body), typed per section of a site (``layout["text"]``): ``p``,
``<p>``s in ``div.story-body``; ``div``, ``<div class="txt">``s in it; ``split``, ``<p>``s in two
containers, ``div.story-body`` and ``div.story-body-more``, with an embedded video between them
(its own title and length, and a "تابع القراءة" line; ``p`` on a text of fewer than three
parts). The dateline is a ``p.dateline`` line
above the text or the start of its first paragraph ("<b>city - source -</b>").

Not body: the signs' strip under the menu (the twelve names, links), the horoscope, placed per
section (``layout["horoscope"]``): ``above``, a box before the ``<h1>`` (heading, the
astrologer, the sign of the day in full and links to the others); ``after``, the twelve signs
after the text; ``side``, the twelve signs as ``<details>`` in the sidebar; the readers' poll
("هل صدقت توقعات الأمس؟"), an inline script holding the twelve forecasts and other stories'
text, an ad and read-also lines between the parts, tags, related stories, comments, the most
read, the footer.

Bylines: "بقلم: X", "كتب: X"، "متابعة: X", the bare name, or metadata only, before or after
the text. Head: og and twitter tags; on metadata-dated pages (and for metadata-only bylines) a
JSON-LD ``NewsArticle`` and ``article:published_time``. Dates: metadata (second) or the meta
row (minute or day); the horoscope's day comes after the story's and is never between the title
and the text.
"""

from __future__ import annotations

from crawler.simulator.markup import body, furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import attr, esc, inline, script_json
from crawler.simulator.markup.page import Page, Traits, link_items

NAME = "daily_horoscope"
TRAITS = Traits(
    date_formats=("weekday_day", "paired_day", "levant_time", "numeric_time",
                  "gregorian_hijri"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.15,
    byline_forms=("biqalam_colon", "kataba", "bare", "meta_only"),
    byline_prefixes={"kataba": ("كتب: ", "متابعة: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.8, caption=0.6,
)

SIGNS = (("الحمل", "21 مارس - 19 أبريل"), ("الثور", "20 أبريل - 20 مايو"),
         ("الجوزاء", "21 مايو - 20 يونيو"), ("السرطان", "21 يونيو - 22 يوليو"),
         ("الأسد", "23 يوليو - 22 أغسطس"), ("العذراء", "23 أغسطس - 22 سبتمبر"),
         ("الميزان", "23 سبتمبر - 22 أكتوبر"), ("العقرب", "23 أكتوبر - 21 نوفمبر"),
         ("القوس", "22 نوفمبر - 21 ديسمبر"), ("الجدي", "22 ديسمبر - 19 يناير"),
         ("الدلو", "20 يناير - 18 فبراير"), ("الحوت", "19 فبراير - 20 مارس"))
"""The signs and their days (no year)."""
WORK = ("مهنيا: فرصة جديدة تلوح في الأفق، فلا تتردد في عرض أفكارك على المسؤولين عنك.",
        "مهنيا: تراكم المهام يرهقك، فرتب أولوياتك وأنجز الأهم أولا.",
        "مهنيا: يوم مناسب لتوقيع الاتفاقات وإنهاء الملفات العالقة.",
        "مهنيا: تجنب الدخول في نقاشات حادة مع زملائك، فالهدوء يخدم مصالحك.",
        "مهنيا: ينتظرك خبر سار يتعلق بمشروع عملت عليه طويلا.")
LOVE = ("عاطفيا: كلمة طيبة تعيد الدفء إلى علاقتك بالشريك.",
        "عاطفيا: لا تجعل الغيرة تفسد لحظاتك الجميلة.",
        "عاطفيا: لقاء غير متوقع قد يغير نظرتك إلى أمور كثيرة.",
        "عاطفيا: صارح من تحب بما يقلقك بدل الصمت.",
        "عاطفيا: أجواء هادئة ومستقرة مع من تحب طوال اليوم.")
HEALTH = ("صحيا: امنح جسدك قسطا كافيا من النوم.",
          "صحيا: أكثر من شرب الماء وخفف من المنبهات.",
          "صحيا: المشي نصف ساعة يوميا يحسن مزاجك كثيرا.",
          "صحيا: انتبه إلى آلام الظهر وتجنب حمل الأثقال.",
          "صحيا: طاقتك مرتفعة فاستثمرها في ممارسة الرياضة.")
LUCK = ("رقم الحظ: {n}", "لون الحظ: {colour}")
COLOURS = ("الأزرق", "الأخضر", "الأحمر", "الذهبي", "البنفسجي", "الأبيض", "البرتقالي")
HEADING = ("حظك اليوم {day}", "توقعات الأبراج {day}")
SIGN_OF_DAY = ("برج اليوم", "البرج الأوفر حظا اليوم")
ALL_SIGNS = ("باقي الأبراج", "اختر برجك")
ASTROLOGER_FIRST = ("ماجدة", "كمال", "روزا", "فريد", "جمانة", "نبيه")
ASTROLOGER_FAMILY = ("عبود", "الخوري", "سمعان", "البستاني", "حداد الفلكي", "نصار")
"""Astrologers: a pool of its own, none an author."""
ASTROLOGER = ("توقعات: {name}", "بقلم: {name}", "إعداد: {name}")
STRIP = ("الأبراج", "برجك")
POLL = ("هل صدقت توقعات الأمس؟", "نعم، تماما", "إلى حد ما", "لم تصدق")
VIDEO = ("فيديو | ماذا تقول الأبراج عن الأسبوع المقبل؟", "فيديو | عادات يومية تحسن مزاجك",
         "فيديو | جولة في أسواق المدينة القديمة")
VIDEO_LINE = ("تابع القراءة بعد الفيديو", "يتواصل النص أسفل الفيديو")
WEEKLY = ("أبراج الأسبوع", "توافق الأبراج", "أبراج الشهر")


def _sign(page: Page, name: str, days: str, kept: dict[str, str], tag: str = "article") -> str:
    """One sign's forecast (kept by name for the page's script state)."""
    rng = page.rng
    lines = page.record("horoscope", [name, page.digits(days), rng.choice(WORK),
                                      rng.choice(LOVE), rng.choice(HEALTH)])
    luck = page.record("horoscope", [page.digits(LUCK[0].format(n=rng.randint(1, 40))),
                                     LUCK[1].format(colour=rng.choice(COLOURS))])
    kept[name] = " ".join(lines[2:])
    text = ("".join(f"<p>{esc(x)}</p>" for x in lines[2:])
            + f'<p class="luck">{esc(luck[0])} · {esc(luck[1])}</p>')
    if tag == "details":
        return (f'<details class="sign"><summary><b>{esc(name)}</b> <small>{esc(lines[1])}'
                f"</small></summary>{text}</details>")
    return (f'<article class="sign"><h3>{esc(name)}</h3><span class="range">{esc(lines[1])}'
            f"</span>{text}</article>")


def _horoscope(page: Page, place: str) -> tuple[str, dict[str, str]]:
    rng = page.rng
    day = page.today_line(page.stable("horoscope-day").choice(("weekday_day", "long_day")))
    heading = page.record("horoscope", [page.stable("heading").choice(HEADING).format(day=day)])[0]
    pick = page.stable("astrologer")  # one astrologer per site, signing one way
    name = f"{pick.choice(ASTROLOGER_FIRST)} {pick.choice(ASTROLOGER_FAMILY)}"
    line = page.record("astrologer", [pick.choice(ASTROLOGER).format(name=name)])[0]
    top = (f'<h2 class="horo-title">{esc(heading)}</h2>'
           f'<p class="astrologer">{esc(line)}</p>')
    forecasts: dict[str, str] = {}
    if place == "above":
        featured = rng.randrange(len(SIGNS))
        label = page.pick("horoscope", SIGN_OF_DAY)
        others = page.pick("horoscope", ALL_SIGNS)
        sign = _sign(page, *SIGNS[featured], forecasts)
        links = "".join(f'<a href="/horoscope/{k}">{esc(n)}</a>'
                        for k, (n, _) in enumerate(SIGNS) if k != featured)
        html = (f'<section class="horoscope horoscope-top">{top}<b class="of-day">'
                f"{esc(label)}</b>{sign}<nav class=\"signs\"><b>{esc(others)}</b>{links}</nav>"
                "</section>")
    elif place == "after":
        html = (f'<section class="horoscope">{top}<div class="signs-grid">'
                + "".join(_sign(page, n, d, forecasts) for n, d in SIGNS) + "</div></section>")
    else:
        html = (f'<section class="horoscope horoscope-side">{top}'
                + "".join(_sign(page, n, d, forecasts, "details") for n, d in SIGNS) + "</section>")
    return html, forecasts


def _units(page: Page, parts: list[Part], style: str) -> list[tuple[str, str]]:
    """(html, kind) of each part in the page's typing."""
    rng = page.rng
    lead = page.dateline if page.dateline and page.dateline.position == "body_lead" else None
    out = []
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            out.append((f"<h3>{esc(text)}</h3>", "subhead"))
        elif part.kind == "quote":
            out.append((f'<blockquote class="quote">{esc(text)}</blockquote>', "quote"))
        elif part.kind == "list":
            out.append(("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>",
                        "list"))
        else:
            run = inline(text, rng, 0.25)
            if i == 0 and lead:
                run = f"<b>{esc(lead.text)} -</b> {run}"
            following = parts[i + 1].kind if i + 1 < len(parts) else ""
            kind = "lead-in" if following == "list" else "p"
            out.append((f'<div class="txt">{run}</div>' if style == "div" else f"<p>{run}</p>",
                        kind))
    return out


def _place(page: Page, units: list[tuple[str, str]], blocks: list[str]) -> list[str]:
    rng = page.rng
    out = list(units)
    for block in blocks:
        spots = [k for k in range(1, len(out)) if out[k - 1][1] != "lead-in"]
        out.insert(rng.choice(spots) if spots else len(out), (block, "block"))
    return [markup for markup, _ in out]


def _video(page: Page) -> str:
    rng = page.rng
    title = page.record("video", [rng.choice(VIDEO)])[0]
    length = page.record("video", [page.digits(f"0{rng.randint(1, 9)}:{rng.randint(10, 59)}")])[0]
    line = page.pick("video", VIDEO_LINE)
    return (f'<figure class="video-embed"><video controls preload="none" poster="https://img.'
            f'{page.site.domain}/v/{rng.getrandbits(32):08x}.jpg"></video><figcaption>'
            f'<span class="v-title">{esc(title)}</span> <span class="v-len">{esc(length)}</span>'
            f'</figcaption></figure>\n<p class="continue"><small>{esc(line)}</small></p>')


def _story(page: Page, parts: list[Part], style: str) -> str:
    units = _units(page, parts, style)
    ad = f'<div class="ad-box">{esc(page.pick("ad", furniture.AD_LABELS))}</div>'
    read = []
    for link in page.links("read_also", page.rng.randint(0, 2)):
        label = page.pick("read_also", furniture.READ_ALSO)
        read.append(f'<p class="read-also">{esc(label)} <a href="{attr(link.url)}">'
                    f"{esc(link.title)}</a></p>")
    dateline = (f'<p class="dateline">{esc(page.dateline.text)}</p>'
                if page.dateline and page.dateline.position == "line" else "")
    if style != "split" or len(units) < 3:
        html = _place(page, units, [ad, *read])
        return f'<div class="story-body">\n{dateline}' + "\n".join(html) + "\n</div>"
    cuts = [k for k in range(1, len(units)) if units[k - 1][1] != "lead-in"]
    cut = page.rng.choice(cuts[:max(1, len(cuts) - 1)])
    first = _place(page, units[:cut], read)
    rest = _place(page, units[cut:], [ad])
    return (f'<div class="story-body">\n{dateline}' + "\n".join(first) + "\n</div>\n"
            + _video(page) + '\n<div class="story-body-more">\n' + "\n".join(rest) + "\n</div>")


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    place = page.stable(f"horoscope:{page.section}").choice(("above", "after", "side"))
    style = page.stable(f"text:{page.section}").choice(("p", "div", "split"))
    page.layout.update(horoscope=place, text=style)
    today = page.today_line("paired_day")
    menu = "".join(f'<a href="/s/{i}">{esc(m)}</a>' for i, m in enumerate(page.menu(5, 9)))
    strip_label = page.pick("signs_strip", STRIP)
    strip = "".join(f'<li><a href="/horoscope/{k}">{esc(n)}</a></li>' for k, n in enumerate(
        page.record("signs_strip", [n for n, _ in SIGNS])))
    crumbs = " / ".join(esc(c) for c in page.breadcrumbs())
    horoscope, forecasts = _horoscope(page, place)
    parts = body.shape(page, lead=0.15, quote=0.2, subheads=0.25, bullets=0.15)
    story = _story(page, parts, style)
    if style == "split" and "story-body-more" not in story:
        page.layout["text"] = "p"
    row = []
    if b.visible and b.position == "before":
        row.append(f'<span class="author">{esc(b.prefix)}{page.linked_names("/writer/")}</span>')
    if page.date.visible:
        row.append(page.date_span())
    signed = (f'<p class="author-end">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    poll = page.record("poll", list(POLL))
    weekly = "".join(f'<a href="/horoscope/w{k}">{esc(x)}</a>'
                     for k, x in enumerate(page.record("weekly", list(WEEKLY))))
    trending = page.script_articles(rng.randint(2, 3))
    state = {"horoscope": forecasts, "trending": trending}
    main, side, foot = chrome.after(page, "levant_day")
    latest_heading = page.pick("latest", furniture.LATEST_HEADINGS)
    latest = link_items(page.links("latest", 4, relative=True))
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} - {esc(page.label)}</title>\n"
            '<meta name="twitter:card" content="summary_large_image">\n'
            f'<meta name="twitter:title" content="{attr(a.title)}">\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + (meta.ld_script(meta.news_article(page))
               if page.date.where == "metadata" or b.in_metadata else "")
            + f"<script>window.__PAGE_STATE__ = {script_json(state)};</script>\n</head>\n")
    return head + "\n".join([
        '<body class="variety">',
        f'<div class="top"><span class="today">{esc(today)}</span>'
        f'<a class="logo" href="/">{esc(page.label)}</a></div>',
        f'<nav class="nav">{menu}</nav>',
        f'<nav class="signs-strip"><b>{esc(strip_label)}</b><ul>{strip}</ul></nav>',
        f'<p class="path">{crumbs}</p>',
        '<div class="wrap"><div class="col-main">',
        horoscope if place == "above" else "",
        '<div class="post">',
        f'<h1 class="post-title">{esc(page.headline)}</h1>',
        f'<div class="post-info">{" | ".join(row)}</div>' if row else "",
        page.lead_figure(),
        story,
        signed,
        chrome.share(page),
        "</div>",
        horoscope if place == "after" else "",
        f'<form class="poll"><p>{esc(poll[0])}</p>'
        + "".join(f"<label><input type=\"radio\" name=\"p\"> {esc(x)}</label>" for x in poll[1:])
        + f'</form><div class="weekly">{weekly}</div>',
        main,
        "</div>",
        '<aside class="col-side">',
        horoscope if place == "side" else "",
        f'<div class="latest"><h3>{esc(latest_heading)}</h3><ul>{latest}</ul></div>',
        side,
        "</aside></div>",
        foot,
    ])
