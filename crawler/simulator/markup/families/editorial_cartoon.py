"""A story on the page of a portal's cartoon section (كاريكاتير / "ريشة ساخرة"): the desk's story
or the column beside the day's cartoon: the cartoon's box with its heading ("كاريكاتير اليوم")
and the day it is shown (the render day: after the story, never its date), the drawing itself
(a picture that is not the article's), its own title, the artist's credit in a byline's words
("بريشة: X"، "ريشة الفنان X"، "رسم: X": X is no author), the drawing's words written out for
readers who cannot see it ("نص الرسم: ..."، a sentence of prose), the download, zoom and share
buttons; the artist's card (a bio in a sentence, "كل رسوم X"), the archive of other cartoons
with their titles and days (days around the story's, never its own), and a JSON-LD
``ImageObject`` whose ``creator`` is the artist and whose ``uploadDate`` is the cartoon's day.

Body: the story's parts (now and then a lead sentence of its own, a quoted statement,
intertitles, a bulleted list after its lead-in: body) in ``div.column-text``, typed per section
of a site (``layout["text"]``): ``p``, ``<p>``s with ``<h3>`` intertitles; ``div``, ``<div
class="para">``s; ``br``, runs separated by ``<br><br>`` with ``<b>`` intertitles. The dateline is
a ``p.dateline`` line above the text or the bold start of the first paragraph ("<b>city -
source -</b>").

Not body: the cartoon, placed per section (``layout["cartoon"]``): ``above``, before the
``<h1>`` (its heading, its title and its artist's credit then come before the story's title and
byline, its drawing the first picture after the logo); ``inside``, between two parts of the text;
``after``, after the text; ``side``, in the sidebar. Also not body: the artist's card and the
archive (after the story), an ad and read-also lines between the parts, tags, related stories,
comments, the most read, the footer.

Bylines: "بقلم: X", "بقلم X", the bare name, or metadata only, before or after the text: the
artist is no author. The story's own date is, per site (``layout["date_at"]``), in the meta row
under the ``<h1>`` or in the section bar above it (``date_place`` ``above_title``). Head: og tags,
the ``ImageObject``; on metadata-dated pages (and for metadata-only bylines) a JSON-LD
``NewsArticle`` and ``article:published_time``. Dates: metadata (second) or the page text (minute
or day); the cartoon's and the archive's days are never between the title and the text.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from crawler.simulator.markup import body, dates, furniture
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import attr, break_runs, esc, inline
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE

NAME = "editorial_cartoon"
TRAITS = Traits(
    date_formats=("weekday_day", "long_day", "maghreb_day", "numeric_day", "weekday_dash_ampm"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("biqalam_colon", "biqalam", "bare", "meta_only"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.7, caption=0.6,
)

CARTOON_PLACES = ("above", "inside", "after", "side")
"""Where each section of a site puts the look-alike box."""

CARTOONS = (("طابور الانتظار", "مواطن يسأل الموظف: متى ينتهي هذا الطابور؟ فيرد الموظف: عد غدا "
             "ومعك صورتان."),
            ("المظلة المثقوبة", "رجل يقف تحت المطر بمظلة مثقوبة ويقول لجاره: على الأقل لدينا "
             "مظلة."),
            ("سباق الأسعار", "عداء يلهث خلف لافتة الأسعار وهي تبتعد عنه على المضمار."),
            ("حصالة آخر الشهر", "طفل يهز حصالة فارغة ويسأل أباه: هل وصل آخر الشهر؟"),
            ("الكرسي الدوار", "موظف يدور بكرسيه بين ملفات متراكمة ويقول: الملف عند الزميل."),
            ("وعود على الرمل", "مرشح يكتب وعوده على الرمل والموج يقترب منها."),
            ("الإشارة الحمراء", "سيارات واقفة أمام إشارة حمراء منذ زمن والعنكبوت ينسج خيوطه "
             "بينها."))
"""The cartoons: titles and the drawings' words (written for this generator)."""
ARTIST_FIRST = ("زهير", "رنا", "مجدي", "هالة", "صفوان", "دعاء")
ARTIST_FAMILY = ("الكرمي", "بن سالم", "الطوخي", "الشريدة", "القصاب")
"""The cartoonists: a pool of their own, none an author."""
HEADING = ("كاريكاتير اليوم", "رسم اليوم")
CREDIT = ("بريشة: {name}", "ريشة الفنان {name}", "رسم: {name}")
TRANSCRIPT = ("نص الرسم:", "وصف الكاريكاتير:")
TOOLS = ("تحميل الرسم", "تكبير الصورة", "شارك الرسم")
ARTIST_CARD = ("عن الفنان", "الرسام")
BIO = ("{name} رسام كاريكاتير {nation}، تنشر رسومه في صحف عربية منذ {n} عاما، ونال جوائز في "
       "معارض للرسم الساخر.")
ALL_WORKS = "كل رسوم {name}"
ARCHIVE = ("من أرشيف الكاريكاتير", "رسوم سابقة")
SECTION = ("كاريكاتير", "ريشة ساخرة")


def _cartoon(page: Page, title: str, words: str, artist: str, url: str, place: str) -> str:
    rng = page.rng
    heading = page.pick("cartoon", HEADING)
    day = page.record("cartoon", [dates.visible(page.today, "weekday_day", page.article.site,
                                                page.eastern)])[0]
    credit = page.record("cartoon", [page.stable("credit").choice(CREDIT).format(name=artist)])[0]
    label = page.pick("cartoon", TRANSCRIPT)
    page.record("cartoon", [title, words])
    tools = page.record("cartoon", list(TOOLS[:rng.randint(2, 3)]))
    tag = "h2" if place == "above" else "h3"
    return (f'<section class="cartoon-box {place}"><{tag} class="box-title">{esc(heading)}'
            f'</{tag}><span class="cartoon-day">{esc(day)}</span><figure class="cartoon">'
            f'<img src="{attr(url)}" alt="{attr(title)}" width="900" height="640"><figcaption>'
            f'<strong class="cartoon-title">{esc(title)}</strong> <span class="artist">'
            f'{esc(credit)}</span></figcaption></figure><p class="transcript"><b>{esc(label)}</b> '
            f'{esc(words)}</p><div class="cartoon-tools">'
            + "".join(f'<button type="button">{esc(t)}</button>' for t in tools)
            + "</div></section>")


def _cartoon_ld(page: Page, title: str, words: str, artist: str, url: str) -> dict[str, Any]:
    day = page.today.astimezone(dates.site_zone(page.article.site)).date().isoformat()
    return {"@context": "https://schema.org", "@type": "ImageObject", "name": title,
            "contentUrl": url, "description": words, "uploadDate": day,
            "creator": {"@type": "Person", "name": artist}}


def _artist_card(page: Page, artist: str) -> str:
    rng = page.rng
    heading = page.pick("artist", ARTIST_CARD)
    bio, more = page.record("artist", [
        BIO.format(name=artist, nation=rng.choice(furniture.BIO_NATIONS),
                   n=page.digits(str(rng.randint(6, 35)))),
        ALL_WORKS.format(name=artist)])
    return (f'<div class="artist-card"><h4>{esc(heading)}</h4><img src="'
            f'{attr(f"https://img.{page.site.domain}/artists/{rng.getrandbits(24):06x}.jpg")}" '
            f'alt="{attr(artist)}"><p class="bio">{esc(bio)}</p><a href="/caricature/artist">'
            f"{esc(more)}</a></div>")


def _archive(page: Page, base: datetime, current: str) -> str:
    rng = page.rng
    heading = page.pick("archive", ARCHIVE)
    others = rng.sample([t for t, _ in CARTOONS if t != current], 3)
    items = []
    shifts = sorted(rng.sample([*range(-12, 0), *range(1, 4)], 3), reverse=True)
    for title, shift in zip(others, shifts, strict=True):  # days around the story's, not its
        day = dates.visible(base + timedelta(days=shift), "long_day", page.article.site,
                            page.eastern)
        page.record("archive", [title, day])
        thumb = f"https://img.{page.site.domain}/caricature/s/{rng.getrandbits(32):08x}.jpg"
        items.append(f'<li><a href="/caricature/{rng.randint(1000, 9999)}"><img src="'
                     f'{attr(thumb)}" alt=""><span>{esc(title)}</span></a> <small>{esc(day)}'
                     "</small></li>")
    return (f'<section class="cartoon-archive"><h3>{esc(heading)}</h3><ul>{"".join(items)}</ul>'
            "</section>")


def _text(page: Page, parts: list[Part], style: str, blocks: list[str]) -> str:
    rng = page.rng
    lead = page.dateline if page.dateline and page.dateline.position == "body_lead" else None
    pieces: list[tuple[str, bool, str]] = []
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            pieces.append((f"<b>{esc(text)}</b>", True, "subhead") if style == "br"
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
    if style == "br":
        out.append("".join(break_runs([(h, r) for h, r, _ in pieces])))
    else:
        out += [h for h, _, _ in pieces]
    return '<div class="column-text">\n' + "\n".join(out) + "\n</div>"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    place = page.stable(f"cartoon-layout:{page.section}").choice(CARTOON_PLACES)
    style = page.stable(f"text-slot:{page.section}").choice(("p", "div", "br"))
    date_at = page.stable("date-at").choice(("meta", "above"))
    page.layout.update(cartoon=place, text=style, date_at=date_at)
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    title, words = rng.choice(CARTOONS)
    artist = f"{rng.choice(ARTIST_FIRST)} {rng.choice(ARTIST_FAMILY)}"
    url = f"https://img.{page.site.domain}/caricature/{rng.getrandbits(40):010x}.jpg"
    cartoon = _cartoon(page, title, words, artist, url, place)
    head = chrome.head(page, (_cartoon_ld(page, title, words, artist, url),))
    top = chrome.header(page, "long_day", " » ")
    section = page.pick("kicker", SECTION)
    bar = [f'<a class="section" href="/caricature">{esc(section)}</a>']
    row = []
    if b.visible and b.position == "before":
        row.append(f'<span class="by">{esc(b.prefix)}{page.linked_names("/writers/")}</span>')
    if page.date.visible:
        if date_at == "above":
            bar.append(page.date_span())
            page.layout["date_place"] = "above_title"
        else:
            row.append(page.date_span())
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.2, bullets=0.2)
    blocks = chrome.interruptions(page)
    if place == "inside":
        blocks.append(cartoon)
    story = _text(page, parts, style, blocks)
    signed = (f'<p class="signature">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    card = _artist_card(page, artist)
    archive = _archive(page, base, title)
    main, side, foot = chrome.after(page, "long_day")
    return head + "\n".join([
        '<body class="caricature">',
        top,
        '<div class="layout"><main>',
        cartoon if place == "above" else "",
        '<article class="cartoon-story">',
        f'<div class="section-bar">{" ".join(bar)}</div>',
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" · ".join(row)}</div>' if row else "",
        page.lead_figure(),
        story,
        signed,
        chrome.share(page),
        cartoon if place == "after" else "",
        "</article>",
        card,
        archive,
        main,
        "</main>",
        '<aside class="sidebar">',
        cartoon if place == "side" else "",
        side,
        "</aside></div>",
        foot,
    ])
