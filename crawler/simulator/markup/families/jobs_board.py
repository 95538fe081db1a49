"""A labour-market story (سوق الشغل / "وظائف وفرص عمل") on a portal's jobs page, which is also
its vacancies board: the desk's story beside the board's job offers: each offer a card with its
own heading (the post: "مطلوب محاسب بخبرة ..."), the employer and the city, the requirements as
a bulleted list of short sentences (a list like the story's own lists), the closing day
("آخر أجل للتقديم:" a day *after* the render day), the day it was posted ("نشر في:"), and the
recruiter to write to ("المسؤولة عن التوظيف: X"، "للتواصل: X": no author), with an "apply"
button; the key figures strip of the labour market (the unemployment rate, the offers of the
month: figures with a month and a year), the CV-upload box and a JSON-LD ``JobPosting`` per offer
(``datePosted`` and ``validThrough``: the offers' days, not the story's).

Body: the story's parts (now and then a lead sentence of its own, a quoted statement,
intertitles, a bulleted list after its lead-in: body) in ``div.jobs-story``, typed per section of
a site (``layout["text"]``: ``p``, ``div`` or ``br``, as ``portal_chrome.text`` types them). The
dateline is a ``p.dateline`` line above the text or the bold start of the first paragraph.

Not body: the board, placed per section (``layout["board"]``): ``above``, the featured offer
before the ``<h1>``; ``inside``, one or two offers between two parts of the text (their
requirement lists a ``<ul>`` like the story's); ``after``, the list of offers after the text;
``side``, short offers in the sidebar. Also the key figures, the CV box, an ad and read-also lines
between the parts, tags, related stories, comments, the most read and the footer.

Bylines: "كتب: X", "بقلم: X", the bare name or metadata only, before or after the text; the
recruiters are no authors. Head: og tags, the offers' ``JobPosting`` objects; on metadata-dated
pages (and for metadata-only bylines) a ``NewsArticle`` and ``article:published_time``. Dates:
metadata (second) or the meta row; the offers' days are never between the title and the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from crawler.simulator.markup import body, dates
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import esc
from crawler.simulator.markup.page import Page, Traits

NAME = "jobs_board"
TRAITS = Traits(
    date_formats=("weekday_time", "numeric_time", "long_day", "day_at_time", "wp_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("kataba", "biqalam_colon", "bare", "meta_only"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.8, caption=0.6,
)

BOARD_PLACES = ("above", "inside", "after", "side")
STYLES = ("p", "div", "br")

POSTS = ("مطلوب محاسب بخبرة ثلاث سنوات", "مهندس صيانة صناعية", "ممرضة لقسم الطوارئ",
         "سائق شاحنة بصنف رخصة ثقيلة", "مطور تطبيقات ويب", "مساعد إداري بدوام جزئي",
         "مسؤول مبيعات ميداني", "أستاذ رياضيات لمدرسة خاصة", "تقني تبريد وتكييف",
         "موظف خدمة عملاء بلغتين")
EMPLOYERS = ("شركة الواحة للتوزيع", "مصحة الأمل الخاصة", "مجموعة البناء الحديث",
             "مؤسسة النخيل للنقل", "مكتب الإتقان للاستشارات", "مدارس الغد الخاصة",
             "شركة الريادة للتقنيات")
JOB_CITIES = ("طنجة", "مراكش", "إربد", "الزرقاء", "صفاقس", "وهران", "المنصورة")
REQUIREMENTS = ("شهادة جامعية في التخصص", "إتقان اللغتين العربية والفرنسية",
                "القدرة على العمل ضمن فريق", "خبرة لا تقل عن سنتين",
                "الإلمام ببرامج الحاسوب المكتبية", "الاستعداد للتنقل بين المدن",
                "رخصة سياقة سارية المفعول", "السن بين 25 و40 سنة")
RECRUITER_FIRST = ("غادة", "معاذ", "شيماء", "أنور", "ثريا", "باسل", "لمياء", "صهيب")
RECRUITER_FAMILY = ("الكتاني", "المرابط", "الصقلي", "بنكيران", "الرغاي", "الدباغ")
"""The recruiters: a pool of their own, none an author."""
RECRUITER = ("المسؤولة عن التوظيف: {name}", "للتواصل: {name}", "الموارد البشرية: {name}")
CLOSING = "آخر أجل للتقديم: {day}"
POSTED = "نشر في: {day}"
APPLY = ("قدّم الآن", "أرسل سيرتك الذاتية")
CONTRACTS = ("عقد دائم", "عقد محدد المدة", "دوام جزئي", "تدريب مدفوع")
BOARD_HEADING = ("أحدث عروض العمل", "فرص عمل جديدة", "وظائف شاغرة")
FEATURED = ("عرض مميز", "فرصة اليوم")
ALL_OFFERS = ("تصفح كل العروض", "عرض جميع الوظائف")
FIGURES_HEADING = ("سوق الشغل بالأرقام", "مؤشرات التشغيل")
FIGURES = ("معدل البطالة: {rate}% (الفصل الثالث {year})", "عروض الشهر: {offers} عرض",
           "الباحثون المسجلون: {seekers} ألف")
CV_BOX = ("ارفع سيرتك الذاتية وتوصل بالعروض المناسبة", "اختر ملف السيرة الذاتية", "إرسال")
KICKER = ("تشغيل", "سوق الشغل")


@dataclass(frozen=True)
class Offer:
    post: str
    employer: str
    city: str
    contract: str
    requirements: tuple[str, ...]
    recruiter: str
    posted: datetime
    closing: datetime


def _offers(page: Page, count: int) -> list[Offer]:
    rng = page.rng
    out = []
    for post, employer in zip(rng.sample(POSTS, count), rng.choices(EMPLOYERS, k=count),
                              strict=True):
        name = f"{rng.choice(RECRUITER_FIRST)} {rng.choice(RECRUITER_FAMILY)}"
        posted = page.today - timedelta(days=rng.randint(1, 9), minutes=rng.randrange(600))
        closing = page.today + timedelta(days=rng.randint(5, 30))
        out.append(Offer(post, employer, rng.choice(JOB_CITIES), rng.choice(CONTRACTS),
                         tuple(rng.sample(REQUIREMENTS, rng.randint(2, 4))),
                         rng.choice(RECRUITER).format(name=name), posted, closing))
    return out


def _card(page: Page, offer: Offer, tag: str) -> str:
    site = page.article.site
    closing = CLOSING.format(day=dates.visible(offer.closing, "long_day", site, page.eastern))
    posted = POSTED.format(day=dates.visible(offer.posted, "numeric_day", site, page.eastern))
    apply = page.pick("board", APPLY)
    page.record("board", [offer.post, offer.employer, offer.city, offer.contract,
                          *offer.requirements, offer.recruiter, closing, posted])
    items = "".join(f"<li>{esc(r)}</li>" for r in offer.requirements)
    return (f'<div class="job-card"><{tag} class="job-title">{esc(offer.post)}</{tag}>'
            f'<p class="employer">{esc(offer.employer)} · {esc(offer.city)} · '
            f'{esc(offer.contract)}</p><ul class="requirements">{items}</ul>'
            f'<p class="recruiter">{esc(offer.recruiter)}</p>'
            f'<p class="closing">{esc(closing)}</p><span class="posted">{esc(posted)}</span> '
            f'<a class="apply" href="/jobs/apply">{esc(apply)}</a></div>')


def _board(page: Page, place: str) -> tuple[str, list[Offer]]:
    rng = page.rng
    heading = page.pick("board", BOARD_HEADING)
    if place == "above":
        offers = _offers(page, 1)
        label = page.pick("board", FEATURED)
        return (f'<section class="jobs-board above"><h2>{esc(heading)}</h2><span class="badge">'
                f'{esc(label)}</span>{_card(page, offers[0], "h3")}</section>'), offers
    if place == "inside":
        offers = _offers(page, rng.randint(1, 2))
        return (f'<aside class="jobs-board inside"><h4>{esc(heading)}</h4>'
                + "".join(_card(page, o, "h4") for o in offers) + "</aside>"), offers
    if place == "side":
        offers = _offers(page, rng.randint(3, 5))
        items = []
        for offer in offers:
            closing = CLOSING.format(day=dates.visible(offer.closing, "numeric_day",
                                                       page.article.site, page.eastern))
            page.record("board", [offer.post, offer.employer, offer.recruiter, closing])
            items.append(f'<li><a href="/jobs/{rng.randint(1000, 9999)}">{esc(offer.post)}</a> '
                         f'<span class="employer">{esc(offer.employer)}</span> '
                         f'<span class="recruiter">{esc(offer.recruiter)}</span> '
                         f'<span class="closing">{esc(closing)}</span></li>')
        return (f'<section class="jobs-board side"><h3>{esc(heading)}</h3><ul>{"".join(items)}'
                "</ul></section>"), offers
    offers = _offers(page, rng.randint(3, 5))
    more = page.pick("board", ALL_OFFERS)
    return (f'<section class="jobs-board after"><h2>{esc(heading)}</h2>'
            + "".join(_card(page, o, "h3") for o in offers)
            + f'<a class="all" href="/jobs">{esc(more)}</a></section>'), offers


def _postings(page: Page, offers: list[Offer]) -> tuple[dict[str, Any], ...]:
    return tuple({"@context": "https://schema.org", "@type": "JobPosting", "title": o.post,
                  "datePosted": o.posted.date().isoformat(),
                  "validThrough": o.closing.date().isoformat(), "employmentType": o.contract,
                  "hiringOrganization": {"@type": "Organization", "name": o.employer},
                  "jobLocation": {"@type": "Place", "address": o.city}} for o in offers)


def _figures(page: Page) -> str:
    rng = page.rng
    year = page.today.year - (1 if page.today.month < 4 else 0)
    heading = page.pick("figures", FIGURES_HEADING)
    lines = page.record("figures", [page.digits(f.format(
        rate=f"{rng.randint(9, 14)}.{rng.randint(0, 9)}", year=year,
        offers=rng.randint(800, 4000), seekers=rng.randint(40, 300))) for f in FIGURES])
    return (f'<div class="labour-figures"><h3>{esc(heading)}</h3><ul>'
            + "".join(f"<li>{esc(x)}</li>" for x in lines) + "</ul></div>")


def _cv(page: Page) -> str:
    invite, choose, send = page.record("cv_box", list(CV_BOX))
    return (f'<div class="cv-box"><p>{esc(invite)}</p><form><label>{esc(choose)} '
            f'<input type="file"></label><button type="submit">{esc(send)}</button></form></div>')


def render(page: Page) -> str:
    place = page.stable(f"board:{page.article.kind}:{page.section}").choice(BOARD_PLACES)
    style = page.stable(f"typing:{page.article.kind}:{page.section}").choice(STYLES)
    page.layout.update(board=place, text=style)
    board, offers = _board(page, place)
    head = chrome.head(page, _postings(page, offers), articleSection="تشغيل")
    top = chrome.header(page, "weekday_day", " / ")
    kicker = page.pick("kicker", KICKER)
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.3, bullets=0.3)
    blocks = chrome.interruptions(page)
    if place == "inside":
        blocks.append(board)
    story = chrome.text(page, parts, style, blocks, "jobs-story")
    main, side, foot = chrome.after(page, "wp_day")
    return head + "\n".join([
        '<body class="jobs-page">',
        top,
        '<div class="wrap">',
        board if place == "above" else "",
        '<div class="cols"><main>',
        '<article class="jobs-article">',
        f'<a class="kicker" href="/jobs/news">{esc(kicker)}</a>',
        f"<h1>{esc(page.headline)}</h1>",
        chrome.meta_row(page, " · "),
        page.lead_figure(),
        chrome.share(page),
        story,
        chrome.signed(page),
        "</article>",
        board if place == "after" else "",
        _figures(page),
        main,
        "</main>",
        '<aside class="sidebar">',
        board if place == "side" else "",
        _cv(page),
        side,
        "</aside></div></div>",
        foot,
    ])
