"""A critic's review (مراجعة / نقد) of a film, a series, a novel or a play on an arts section:
the work's card with its credits and its own dates, the critic's rating in stars, the review
as the story, then "what we liked / what we didn't", where to watch or buy it, and the readers'
rating.

Body (``div.review-text``): the review's paragraphs (intertitles, a quoted line, a short last
sentence of its own now and then), the dateline, when shown, a line of its own above them. Not
body: the spoiler warning *inside* the text container before the first paragraph on
some pages ("تنبيه: تتضمن هذه المراجعة تفاصيل من الأحداث", ``layout["spoiler"]``); the
critic's rating box ("تقييم الناقد", "★★★½☆", "3.5/5"); the work's card (``dl.work-card``:
the kind "فيلم" / "مسلسل" / "رواية" / "مسرحية", the work's title in «», the credits
"إخراج: X", "بطولة: A، B، C" or "تأليف: X", "الناشر: ...", the length "118 دقيقة" / "8
حلقات" / "312 صفحة", the rating "+13", and "تاريخ العرض: 14 مارس 2024" / "تاريخ الصدور:
..." the work's release day, ten to three hundred days *before* the review); the pros and cons
box ("ما أعجبنا" / "ما لم يعجبنا": short phrases in lists); the bottom line ("الخلاصة:" a
sentence of the critic's, not a repeat of the text); the where-to-watch box ("أين تشاهد؟" /
"أين تجده؟": platforms or bookshops, "متاح منذ 2 فبراير 2024", a price); the readers'
rating ("تقييم القراء 4.1 من 5 (312 صوتا)" and "قيّم العمل"); other reviews with their stars
and dates. People in the credits are no authors.
Each section of a site places the card one way (``layout["card"]``): ``hero``, above the
``<h1>`` beside the poster, or ``end``, after the text with the pros and cons; the rating box
goes under the title or in the card (``layout["rating"]``: ``head`` or ``card``).

Head: og tags; on every page a JSON-LD ``Review`` (``itemReviewed`` a ``Movie``, ``TVSeries``,
``Book`` or ``CreativeWork`` with its name, its ``director`` / ``author`` a ``Person`` (the
work's author: not the review's) and ``actor``s; ``reviewRating``; the review's ``author`` as on
every page: the byline's names, the site otherwise; ``datePublished`` only on metadata-dated
pages), and ``article:published_time`` on those. Text-dated and undated pages carry no
machine publication date.
Page: the header (logo, menu, today's date: render time), breadcrumbs ("فنون" / "سينما" /
"كتب"); the section kicker ("مراجعة فيلم", "قراءة في كتاب"); the ``<h1>``; the meta row (the
critic "بقلم الناقد: X" / "مراجعة: X" / "د. X" / the bare name when the byline goes before;
the date on dated pages); share buttons; the lead image (a still or a cover) with its caption.
After the text: the byline when it goes after ("مراجعة: X" with the critic's bio, not body),
the card (``end``), pros and cons, the bottom line, where to watch, the readers' rating, the
trailer link ("شاهد الإعلان الرسمي") for films and series, tags, other reviews, most read, the
footer.
Dates: metadata (second) or the meta row (minute or day); undated pages show the release day,
the availability day, the lists' dates and the header's day only, never between the title and
the text.
"""

from __future__ import annotations

from datetime import timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc, inline, thumb_url
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import eastern_digits, slugify

NAME = "work_review"
TRAITS = Traits(
    date_formats=("wp_day", "long_day", "weekday_comma_ampm", "numeric_time", "paired_day"),
    date_where=(0.45, 0.3, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.65, eastern_digits=0.1,
    byline_forms=("kataba", "kataba", "bare", "titled", "meta_only"),
    byline_prefixes={"kataba": ("بقلم الناقد: ", "مراجعة: ", "يكتبها: "),
                     "titled": ("د. ", "الناقد د. ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("omitted", "omitted", "line"),
    display_title=0.5, image=0.9, caption=0.6,
)

KINDS = {
    "film": ("فيلم", "Movie", "مراجعة فيلم", "إخراج:", "بطولة:", "{n} دقيقة", "تاريخ العرض:"),
    "series": ("مسلسل", "TVSeries", "مراجعة مسلسل", "إخراج:", "بطولة:", "{n} حلقات",
               "تاريخ العرض:"),
    "book": ("رواية", "Book", "قراءة في كتاب", "تأليف:", "الناشر:", "{n} صفحة", "تاريخ الصدور:"),
    "play": ("مسرحية", "CreativeWork", "نقد مسرحي", "إخراج:", "تمثيل:", "{n} دقيقة",
             "تاريخ العرض الأول:"),
}
"""Per kind: the noun, the schema.org type, the kicker, the credit labels, the length, the
release label."""
WORK_TITLES = ("ظل الياسمين", "مدينة بلا مرايا", "آخر القطارات إلى الجنوب", "بيت على الحافة",
               "رسائل لم تصل", "صيف الغرباء", "الملح والذاكرة", "ليل طويل في الميناء",
               "حكاية الجسر القديم", "نوافذ مغلقة", "ما تبقى من الضوء", "طريق العودة")
"""Titles of the (invented) works."""
CREW_FIRST = ("كريم", "ليلى", "نادر", "منى", "طارق", "سلمى", "باسل", "رنا", "وليد", "هالة",
              "شادي", "دينا", "ماجد", "نسرين")
CREW_FAMILY = ("الشامي", "عزام", "بن عمر", "الصافي", "قنديل", "المصري", "حداد", "الفاسي",
               "العطار", "بركات", "الزين", "منصور")
"""Directors, actors and novelists: a pool of names of their own."""
PUBLISHERS = ("دار الأفق للنشر", "منشورات المتوسط الجديد", "الدار العربية للكتاب",
              "دار النخلة")
LENGTH_LABELS = {"film": "المدة:", "series": "عدد الحلقات:", "book": "عدد الصفحات:",
                 "play": "مدة العرض:"}
RATINGS = ("+13", "+16", "لجميع الأعمار", "+18")
RATING_HEADINGS = ("تقييم الناقد", "تقييمنا", "التقييم")
SPOILERS = ("تنبيه: تتضمن هذه المراجعة تفاصيل من الأحداث", "تحذير: المقال يكشف جزءا من الحبكة")
PROS_HEADINGS = (("ما أعجبنا", "ما لم يعجبنا"), ("نقاط القوة", "نقاط الضعف"))
PROS = ("أداء تمثيلي لافت", "تصوير بديع للأماكن", "موسيقى تصويرية مؤثرة", "حوار ذكي ومقتصد",
        "إيقاع متماسك", "بناء شخصيات مقنع", "لغة سردية رشيقة", "نهاية مفتوحة موفقة")
CONS = ("إطالة في الحلقات الوسطى", "نهاية متسرعة", "شخصيات ثانوية باهتة", "مونتاج مرتبك",
        "حوار مباشر أكثر من اللازم", "تكرار في المشاهد", "ترجمة ركيكة")
VERDICT_LABELS = ("الخلاصة:", "الحكم النهائي:", "باختصار:")
VERDICTS = ("عمل يستحق المشاهدة رغم بعض الهنات في الإيقاع.",
            "تجربة جريئة لا تخلو من الطموح، وإن خانتها التفاصيل.",
            "واحد من أنضج أعمال الموسم، ويترك أثرا بعد انتهائه.",
            "عمل متوسط يراهن على نجومه أكثر مما يراهن على قصته.")
WHERE_HEADINGS = {"film": ("أين تشاهد؟", "متاح على"), "series": ("أين تشاهد؟", "متاح على"),
                  "book": ("أين تجده؟", "متوفر في"), "play": ("أين تشاهد؟", "العروض")}
PLATFORMS = {"film": ("دور السينما", "منصة شاهد بلس", "منصة عرض رقمية", "تلفزيون المنزل"),
             "series": ("منصة شاهد بلس", "منصة عرض رقمية", "القناة الأولى"),
             "book": ("المكتبات الكبرى", "متجر الكتب الإلكتروني", "معرض الكتاب"),
             "play": ("المسرح الوطني", "مسرح المدينة", "دار الثقافة")}
AVAILABLE = ("متاح منذ {day}", "يعرض ابتداء من {day}", "في المكتبات منذ {day}")
PRICES = ("سعر التذكرة {n} درهما", "الاشتراك الشهري {n} دولارات", "السعر {n} دينارا")
READERS = ("تقييم القراء", "رأي الجمهور")
RATE_IT = ("قيّم العمل", "أضف تقييمك")
VOTES = "{score} من 5 ({n} صوتا)"
TRAILER = ("شاهد الإعلان الرسمي", "الإعلان الترويجي")
OTHER_HEADINGS = ("مراجعات أخرى", "أحدث المراجعات", "من أرشيف النقد")
CRUMBS = ("فنون", "سينما ودراما", "كتب")


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _stars(score: float) -> str:
    full = int(score)
    half = score - full >= 0.5
    return "★" * full + ("½" if half else "") + "☆" * (5 - full - (1 if half else 0))


def _crew(page: Page, count: int) -> list[str]:
    rng = page.rng
    taken = set(page.article.authors) | set(page.byline.names)
    out: list[str] = []
    while len(out) < count:
        name = f"{rng.choice(CREW_FIRST)} {rng.choice(CREW_FAMILY)}"
        if name not in taken and name not in out:
            out.append(name)
    return out


def _rating_box(page: Page, score: float) -> str:
    heading = page.pick("rating", RATING_HEADINGS)
    stars = page.record("rating", [_stars(score)])[0]
    value = page.record("rating", [_digits(page, f"{score:g}/5")])[0]
    return (f'<div class="critic-rating"><span class="h">{esc(heading)}</span> <span class='
            f'"stars" aria-label="{attr(value)}">{esc(stars)}</span> <b>{esc(value)}</b></div>')


def _text(page: Page) -> str:
    rng = page.rng
    parts = body.shape(page, subheads=0.35, quote=0.25, tail=0.15)
    html = []
    if rng.random() < 0.35:
        warning = page.pick("spoiler", SPOILERS)
        html.append(f'<div class="spoiler-alert" role="note">{esc(warning)}</div>')
        page.layout["spoiler"] = "yes"
    if page.dateline:
        html.append(f'<p class="dateline">{esc(page.dateline.text)}</p>')
    for part in parts:
        if part.kind == "subhead":
            html.append(f"<h3>{esc(part.texts[0])}</h3>")
        elif part.kind == "quote":
            html.append(f"<blockquote><p>{esc(part.texts[0])}</p></blockquote>")
        elif part.kind == "list":
            html.append("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>")
        else:
            html.append(f"<p>{inline(part.texts[0], rng, 0.2)}</p>")
    return '<div class="review-text">\n' + "\n".join(html) + "\n</div>"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    kind = rng.choice(tuple(KINDS))
    noun, schema_type, kicker_text, credit_label, cast_label, length_form, release_label = \
        KINDS[kind]
    page.layout["work"] = kind
    card_place = page.stable(f"card:{page.section}").choice(("hero", "end"))
    rating_place = page.stable(f"rating:{page.section}").choice(("head", "card"))
    page.layout["card"], page.layout["rating"] = card_place, rating_place
    work = f"«{rng.choice(WORK_TITLES)}»"
    maker, *cast = _crew(page, 1 if kind == "book" else rng.randint(3, 4))
    score = rng.choice((2.0, 2.5, 3.0, 3.5, 4.0, 4.5))
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    released = base - timedelta(days=rng.randint(10, 300))
    release_day = dates.visible(released, "long_day", a.site, page.eastern)
    length = _digits(page, length_form.format(n=rng.randint(90, 140) if "دقيقة" in length_form
                                              else rng.randint(6, 30) if "حلقات" in length_form
                                              else rng.randint(180, 460)))
    second = (rng.choice(PUBLISHERS) if kind == "book" else "، ".join(cast))
    rows = [(noun, work), (credit_label, maker), (cast_label, second), (release_label,
                                                                         release_day)]
    if kind != "book":
        rows.append(("التصنيف:", rng.choice(RATINGS)))
    length_label = LENGTH_LABELS[kind]
    page.record("card", [noun, work, *(s for row in rows[1:] for s in row), length_label,
                         length])
    rating_html = _rating_box(page, score)
    card = (f'<aside class="work"><img class="poster" src="{attr(thumb_url(page.site, rng))}" '
            f'alt="{attr(work)}"><dl class="work-card">'
            + "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows)
            + f"<dt>{esc(length_label)}</dt><dd>{esc(length)}</dd></dl>"
            + (rating_html if rating_place == "card" else "") + "</aside>")
    item: dict[str, object] = {"@type": schema_type, "name": work.strip("«»")}
    item["author" if kind == "book" else "director"] = {"@type": "Person", "name": maker}
    if cast and kind != "book":
        item["actor"] = [{"@type": "Person", "name": n} for n in cast]
    data = meta.news_article(page, kind="Review", itemReviewed=item,
                             reviewRating={"@type": "Rating", "ratingValue": score,
                                           "bestRating": 5})
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} - {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.ld_script(data)
            + '<link rel="stylesheet" href="/static/arts.css">\n</head>\n')
    today = page.today_line("weekday_day")
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    crumbs = [*page.breadcrumbs(), page.pick("breadcrumbs", CRUMBS)]
    crumb_html = " / ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(crumbs))
    kicker = page.record("label", [kicker_text])[0]
    meta_row = []
    if b.visible and b.position == "before":
        names = page.linked_names("/critic/")
        meta_row.append(f'<span class="critic">{esc(b.prefix)}{names}</span>')
    if page.date.visible:
        meta_row.append(f'<span class="date">{esc(page.date.visible)}</span>')
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    figure = ""
    if page.image:
        cap = (f"<figcaption>{esc(page.image.caption)}</figcaption>"
               if page.image.caption else "")
        figure = f'<figure class="still"><img src="{attr(page.image.url)}" alt="">{cap}</figure>'
    text = _text(page)
    after = ""
    if b.visible and b.position == "after":
        bio = page.author_bio(b.names[0])
        after = (f'<div class="critic-end"><p class="by">{esc(b.text())}</p><p class="bio">'
                 f"{esc(bio)}</p></div>")
    pros_heading, cons_heading = page.stable("pros").choice(PROS_HEADINGS)
    pros, cons = rng.sample(PROS, 3), rng.sample(CONS, 2)
    page.record("pros_cons", [pros_heading, *pros, cons_heading, *cons])
    pros_box = (f'<div class="pros-cons"><div class="pros"><h4>{esc(pros_heading)}</h4><ul>'
                + "".join(f"<li>{esc(x)}</li>" for x in pros)
                + f'</ul></div><div class="cons"><h4>{esc(cons_heading)}</h4><ul>'
                + "".join(f"<li>{esc(x)}</li>" for x in cons) + "</ul></div></div>")
    verdict_label = page.pick("verdict", VERDICT_LABELS)
    verdict = page.record("verdict", [rng.choice(VERDICTS)])[0]
    where_heading = page.pick("where", WHERE_HEADINGS[kind])
    places = rng.sample(PLATFORMS[kind], 2)
    available = base - timedelta(days=rng.randint(1, 9), hours=rng.randint(0, 20))
    available_text = page.stable("available").choice(AVAILABLE).format(
        day=dates.visible(available, "long_day", a.site, page.eastern))
    price = _digits(page, page.stable("price").choice(PRICES).format(n=rng.randint(3, 90)))
    page.record("where", [*places, available_text, price])
    readers = page.pick("readers", READERS)
    votes = page.record("readers", [_digits(page, VOTES.format(
        score=f"{rng.uniform(2.0, 4.9):.1f}", n=rng.randint(12, 2400)))])[0]
    rate_it = page.pick("readers", RATE_IT)
    trailer = ""
    if kind in ("film", "series"):
        trailer_text = page.pick("video", TRAILER)
        trailer = (f'<a class="trailer" href="https://www.youtube.com/watch?v='
                   f'{rng.getrandbits(40):x}">{esc(trailer_text)}</a>')
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    other_heading = page.pick("related", OTHER_HEADINGS)
    others = []
    for link in page.links("related", rng.randint(3, 5), "wp_day"):
        stars = page.record("related", [_stars(rng.choice((2.0, 3.0, 3.5, 4.0, 5.0)))])[0]
        others.append(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> <span class="s">'
                      f'{esc(stars)}</span> <span class="d">{esc(link.date or "")}</span></li>')
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                   for link in page.links("most_read", 5))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="review">',
        f'<header><a class="logo" href="/"><img src="/static/logo.svg" alt="{attr(page.label)}">'
        f'</a><span class="today">{esc(today)}</span><nav><ul>{menu}</ul></nav></header>',
        f'<div class="crumbs">{crumb_html}</div>',
        '<main><article class="review-article">',
        f'<div class="hero">{card}</div>' if card_place == "hero" else "",
        f'<span class="kicker">{esc(kicker)}</span>',
        f"<h1>{esc(page.headline)}</h1>",
        (f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else ""),
        rating_html if rating_place == "head" else "",
        f'<div class="share">{share}</div>',
        figure,
        text,
        after,
        card if card_place == "end" else "",
        pros_box,
        f'<p class="bottom-line"><strong>{esc(verdict_label)}</strong> {esc(verdict)}</p>',
        f'<section class="where"><h4>{esc(where_heading)}</h4><ul>'
        + "".join(f"<li>{esc(p)}</li>" for p in places)
        + f"</ul><p>{esc(available_text)}</p><p>{esc(price)}</p></section>",
        f'<div class="readers"><span>{esc(readers)}</span> <b>{esc(votes)}</b> <button>'
        f"{esc(rate_it)}</button></div>",
        trailer,
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="other-reviews"><h3>{esc(other_heading)}</h3><ul>{"".join(others)}'
        "</ul></section>",
        "</main>",
        f'<aside class="side"><h3>{esc(most_heading)}</h3><ol>{most}</ol></aside>',
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
