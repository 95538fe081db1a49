"""A fact-check page (تحقق / "هل صحيح أن...؟") of a newsroom's verification desk: the claim
that went round social media in a box, the verdict as a coloured badge on a rating scale, the
desk's checking as the story, then the evidence: the sources consulted, each with a quoted line
and an archived copy with its archiving date.

The article is the desk's write-up: ``expected["paragraphs"]`` is the story's paragraphs (now
and then a lead sentence of its own, a quoted statement as a ``<blockquote>``) plus the desk's
own intertitles inside the text ("كيف تحققنا؟", "ماذا تقول المصادر الرسمية؟": the editor's
headings, body; ``layout["intertitles"]`` counts them). Everything around it is not body:
the claim box (``<aside class="claim-box">``: its heading "الادعاء", the claim in «», where it
spread "منشورات على فيسبوك وإكس", how far "تداوله أكثر من 4,200 حساب", and "تاريخ الانتشار:"
with the day it spread, one to twenty days *before* the publication); the verdict badge
("مضلل", "خطأ", "صحيح", "صحيح جزئيا", "ساخر") and the rating scale that lists all five; the
summary box after the text (its heading "الخلاصة" / "باختصار", the badge again, a sentence of
the desk's that is not a repeat of the story, the scale); the sources ("مصادر التحقق": an ordered
list of institutions, each with a quoted line «...», "نسخة مؤرشفة" linking to an archive host and
"أرشف في 12/03/2024", days between the spread and the publication); the methodology note, the
"send us a claim" box with a WhatsApp number, the corrections policy line, and other fact-checks
with their verdicts and dates.

Each section of a site places the claim box one way (``layout["claim"]``): ``top``, a banner
above the ``<h1>`` ("ادعاء متداول"), or ``after_lead``, inside the text container after the
first body part (between two body parts, like a read-also box). The verdict badge sits above
the ``<h1>`` beside the desk label, or inside the claim box (``layout["verdict"]``: ``badge``
or ``box``), and again in the summary box.

Head: og tags; on every page a JSON-LD ``ClaimReview`` (``claimReviewed`` the claim,
``reviewRating`` with the verdict as ``alternateName``, ``itemReviewed`` a ``Claim`` whose
author is the spreading platform, an ``Organization``; authors as on every page: the byline's
names, the site otherwise), its ``datePublished`` only on metadata-dated pages;
``article:published_time`` on those too. Text-dated and undated pages carry no machine date.
Page: the header (logo, today's date: render time, menu), breadcrumbs ending in the desk's name
("مرصد التحقق"); the desk label "تحقق" above the ``<h1>``; the meta row (the checker "تحقق: X"
/ "إعداد: X" / the bare name when the byline goes before; the date on dated pages with its
label; the reading time); share buttons; the lead image with its caption.
Text (``div.check-body``): the dateline as a line of its own or the bold start of the first
paragraph ("الرباط - المغرب اليوم:", the paragraph after it is body), the parts.
After the text: the summary box, the byline line when it goes after ("أعد التحقق: X"), or, on
half the unsigned pages, the desk "فريق التحقق في {site}" (no author: ``layout["byline"]``
``desk``); the sources; tags; the methodology note; the send-a-claim box; other fact-checks;
the footer.
Dates: metadata (second) or the meta row (minute or day); undated pages show the spread day,
the archive days, the other checks' dates and the header's day only, never between the title
and the text.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc, inline
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import eastern_digits, slugify

NAME = "fact_check"
TRAITS = Traits(
    date_formats=("day_at_time", "numeric_time", "weekday_comma_day", "long_day",
                  "weekday_dash_ampm"),
    date_where=(0.45, 0.3, 0.25), meta_styles=("site", "utc_z", "utc", "plus3"),
    visible_with_meta=0.7, eastern_digits=0.1,
    byline_forms=("kataba", "kataba", "bare", "meta_only"),
    byline_prefixes={"kataba": ("تحقق: ", "إعداد: ", "فريق التحقق - ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("omitted", "omitted", "line", "body_lead"),
    display_title=0.4, image=0.8, caption=0.6,
)

DESK_LABELS = ("تحقق", "تحقق من الخبر", "كشف الزيف")
DESK_NAMES = ("مرصد التحقق", "وحدة تدقيق المعلومات", "منصة تحقق")
VERDICTS = ("صحيح", "صحيح جزئيا", "مضلل", "خطأ", "ساخر")
"""The rating scale, printed whole on every page; the page's verdict is one of them."""
SCALE_HEADINGS = ("مقياس التقييم", "درجات الحكم")
VERDICT_LABELS = ("الحكم:", "النتيجة:", "التقييم:")
CLAIM_HEADINGS = ("الادعاء", "ما الذي يتم تداوله؟", "الادعاء المتداول")
CLAIM_BANNERS = ("ادعاء متداول", "انتشر على مواقع التواصل")
CLAIMS = ("صورة تظهر غرق أحد الأنفاق الرئيسية في العاصمة بعد أمطار الأسبوع الماضي",
          "وثيقة رسمية تعلن إلغاء امتحانات نهاية السنة الدراسية في جميع المدارس",
          "مقطع فيديو يوثق انهيار جسر افتتح قبل أشهر قليلة",
          "تصريح منسوب لوزير الصحة يحذر فيه من تناول الخبز المدعم",
          "قرار حكومي بمنع استيراد السيارات المستعملة ابتداء من الشهر المقبل",
          "رسالة نصية تعد المواطنين بمنحة مالية مقابل الضغط على رابط إلكتروني",
          "خريطة تظهر أن مياه البحر ستغمر ثلاث مدن ساحلية خلال عشر سنوات",
          "صورة لورقة نقدية جديدة تحمل صورة لاعب كرة قدم شهير",
          "منشور يؤكد أن شرب الماء الساخن صباحا يقي من أمراض الشتاء",
          "تسجيل صوتي منسوب لمسؤول يعلن رفع أسعار الكهرباء بنسبة الضعف")
"""Claims that went round (written for this generator)."""
PLATFORMS = ("منشورات على فيسبوك وإكس", "رسائل متداولة عبر واتساب", "مقاطع على تيك توك",
             "صفحات على إنستغرام", "مجموعات على تيليجرام")
SPREAD = ("تداوله أكثر من {n} حساب", "حصد أكثر من {n} مشاركة", "شوهد أكثر من {n} مرة")
SPREAD_LABELS = ("تاريخ الانتشار:", "بدأ تداوله في:", "رصد لأول مرة:")
INTERTITLES = ("كيف تحققنا؟", "ماذا تقول المصادر الرسمية؟", "أصل الصورة", "السياق الكامل",
               "ما الذي لم يذكره المنشور؟", "نتيجة البحث العكسي")
"""The desk's intertitles inside the write-up (body text)."""
SUMMARY_HEADINGS = ("الخلاصة", "باختصار", "النتيجة النهائية")
SUMMARIES = ("لم نعثر على أي دليل يدعم الادعاء، والمادة المتداولة قديمة وتعود إلى سياق مختلف.",
             "الادعاء يخلط بين معلومات صحيحة وأخرى مجتزأة من سياقها، ما يجعله مضللا للقارئ.",
             "نفت الجهة المعنية الادعاء رسميا، ولم يصدر أي قرار بهذا المضمون.",
             "المعلومة صحيحة في جوهرها، لكن الأرقام المتداولة مبالغ فيها.",
             "المادة منشورة أصلا على صفحة ساخرة، ثم تداولها مستخدمون على أنها حقيقية.")
SOURCES_HEADINGS = ("مصادر التحقق", "المصادر", "المراجع")
INSTITUTIONS = ("بيان وزارة الداخلية", "الموقع الرسمي لوزارة التربية", "تقرير هيئة الأرصاد",
                "الجريدة الرسمية", "حساب المتحدث باسم الحكومة", "أرشيف وكالة الأنباء الرسمية",
                "قاعدة بيانات البنك المركزي", "محرك البحث العكسي عن الصور")
SOURCE_QUOTES = ("لا صحة لما يتم تداوله بخصوص هذا القرار",
                 "الصورة المتداولة التقطت قبل عدة سنوات",
                 "لم تصدر الوزارة أي بلاغ بهذا الشأن",
                 "الأرقام الرسمية منشورة على الموقع ويمكن الرجوع إليها",
                 "نهيب بالمواطنين استقاء المعلومات من المصادر الرسمية")
ARCHIVE_LINKS = ("نسخة مؤرشفة", "رابط الأرشيف")
ARCHIVE_HOSTS = ("archive.ph", "web.archive.org/web")
ARCHIVED = ("أرشف في {day}", "تاريخ الأرشفة: {day}")
METHOD_HEADINGS = ("كيف نعمل؟", "منهجية التحقق")
METHOD_NOTES = ("نتحقق من الادعاءات المنتشرة بالرجوع إلى المصادر الأصلية والبحث العكسي عن "
                "الصور والتواصل مع الجهات المعنية، ونصنف كل ادعاء وفق مقياس من خمس درجات.",
                "تعتمد وحدة التحقق على مصادر مفتوحة وموثقة، وتنشر روابط مؤرشفة لكل مصدر حتى "
                "يتمكن القارئ من مراجعته بنفسه.")
SEND_CLAIM = ("هل لديك ادعاء تريد التحقق منه؟", "أرسل لنا عبر واتساب على الرقم {number}")
CORRECTIONS = ("إذا وجدت خطأ في هذا التحقق، راسلنا وسنصححه وفق سياسة التصحيح المعتمدة.",
               "نلتزم بتصحيح أي خطأ يرد في تحققاتنا وننشر التصحيح في أسفل الصفحة.")
OTHER_HEADINGS = ("تحققات أخرى", "أحدث التحققات", "المزيد من التحقق")
AFTER_PREFIXES = ("أعد التحقق: ", "تحقق: ")


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _scale(page: Page, verdict: str) -> str:
    heading = page.pick("verdict", SCALE_HEADINGS)
    page.record("verdict", list(VERDICTS))
    current = ' aria-current="true"'
    items = "".join(f'<li class="lvl-{i}"{current if v == verdict else ""}>{esc(v)}</li>'
                    for i, v in enumerate(VERDICTS))
    return f'<div class="rating-scale"><h4>{esc(heading)}</h4><ol>{items}</ol></div>'


def _claim_box(page: Page, claim: str, spread_day: str, verdict_html: str) -> str:
    rng = page.rng
    heading = page.pick("claim", CLAIM_HEADINGS)
    platform = rng.choice(PLATFORMS)
    reach = _digits(page, rng.choice(SPREAD).format(n=f"{rng.randint(3, 90) * 100:,}"))
    label = page.pick("claim", SPREAD_LABELS)
    page.record("claim", [f"«{claim}»", platform, reach, spread_day])
    return (f'<aside class="claim-box"><h3>{esc(heading)}</h3><p class="claim-text">'
            f"{esc(f'«{claim}»')}</p><ul><li>{esc(platform)}</li><li>{esc(reach)}</li><li>"
            f'{esc(label)} <span class="spread-date">{esc(spread_day)}</span></li></ul>'
            f"{verdict_html}</aside>")


def _text(page: Page, claim_box: str | None) -> str:
    rng = page.rng
    parts = body.shape(page, lead=0.2, quote=0.2)
    shown = [t for part in parts for t in part.texts]
    html = []
    for i, part in enumerate(parts):
        if part.kind == "quote":
            html.append(f"<blockquote><p>{esc(part.texts[0])}</p></blockquote>")
        elif part.kind == "list":
            html.append("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>")
        elif part.kind == "subhead":
            html.append(f"<h3>{esc(part.texts[0])}</h3>")
        elif i == 0 and page.dateline and page.dateline.position == "body_lead":
            html.append(f"<p><strong>{esc(page.dateline.text)}:</strong> "
                        f"{inline(part.texts[0], rng, 0.2)}</p>")
        else:
            html.append(f"<p>{inline(part.texts[0], rng, 0.2)}</p>")
    # the desk's intertitles: after the first part, and (on longer texts) before the last
    titles = rng.sample(INTERTITLES, 2)
    inserted = 0
    if len(parts) >= 3 and rng.random() < 0.7:
        spots = [1] + ([len(parts) - 1] if len(parts) >= 5 and rng.random() < 0.5 else [])
        for spot, title in sorted(zip(spots, titles, strict=False), reverse=True):
            if parts[spot - 1].kind == "p" and parts[spot].kind != "list":
                html.insert(spot, f'<h2 class="check-title">{esc(title)}</h2>')
                at = sum(len(p.texts) for p in parts[:spot])
                shown.insert(at, title)
                inserted += 1
    page.set_body(shown)
    page.layout["intertitles"] = str(inserted)
    if claim_box is not None:
        html.insert(1, claim_box)
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    return '<div class="check-body">\n' + "\n".join(html) + "\n</div>"


def _sources(page: Page, start: datetime, end: datetime) -> str:
    """The sources, archived between the claim's spread and the write-up."""
    rng, a = page.rng, page.article
    heading = page.pick("sources", SOURCES_HEADINGS)
    items = []
    span = max(1, int((end - start).total_seconds() // 3600))
    for name in rng.sample(INSTITUTIONS, rng.randint(2, 4)):
        quote = f"«{rng.choice(SOURCE_QUOTES)}»"
        when = start + timedelta(hours=rng.randrange(span))
        day = dates.visible(when, "numeric_day", a.site, page.eastern)
        archived = page.stable("archived").choice(ARCHIVED).format(day=day)
        link = page.pick("sources", ARCHIVE_LINKS)
        host = page.stable("archive-host").choice(ARCHIVE_HOSTS)
        page.record("sources", [name, quote, archived])
        items.append(f'<li><span class="src">{esc(name)}</span>: <q>{esc(quote)}</q> <a '
                     f'href="https://{host}/{rng.getrandbits(40):010x}" rel="nofollow">'
                     f'{esc(link)}</a> <small>{esc(archived)}</small></li>')
    return (f'<section class="sources"><h3>{esc(heading)}</h3><ol>{"".join(items)}</ol>'
            "</section>")


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    claim = rng.choice(CLAIMS)
    verdict = rng.choice(VERDICTS)
    where = page.stable(f"claim:{page.section}").choice(("top", "after_lead"))
    verdict_place = page.stable(f"verdict:{page.section}").choice(("badge", "box"))
    page.layout["claim"] = where
    page.layout["verdict"] = verdict_place
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    spread = base - timedelta(days=rng.randint(1, 20), hours=rng.randint(0, 12))
    spread_day = dates.visible(spread, page.stable("spread-fmt").choice(
        ("long_day", "numeric_day", "weekday_day")), a.site, page.eastern)
    verdict_label = page.pick("verdict", VERDICT_LABELS)
    page.record("verdict", [verdict])
    badge = (f'<div class="verdict-badge v-{VERDICTS.index(verdict)}"><span>'
             f"{esc(verdict_label)}</span> <strong>{esc(verdict)}</strong></div>")
    box = _claim_box(page, claim, spread_day, badge if verdict_place == "box" else "")
    data = meta.news_article(
        page, kind="ClaimReview", claimReviewed=claim,
        reviewRating={"@type": "Rating", "ratingValue": VERDICTS.index(verdict) + 1,
                      "bestRating": 5, "worstRating": 1, "alternateName": verdict},
        itemReviewed={"@type": "Claim", "author": {"@type": "Organization",
                                                   "name": rng.choice(PLATFORMS)}})
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(page.headline)} | {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.ld_script(data)
            + '<link rel="stylesheet" href="/assets/factcheck.css?v=4">\n</head>\n')
    today = page.today_line(page.stable("today").choice(("weekday_day", "weekday_comma_day")))
    menu = "".join(f'<li><a href="/section/{i}">{esc(m)}</a></li>'
                   for i, m in enumerate(page.menu(6, 10)))
    crumbs = [*page.breadcrumbs(), page.pick("breadcrumbs", DESK_NAMES)]
    crumb_html = " <span>»</span> ".join(f'<a href="/c/{i}">{esc(c)}</a>'
                                         for i, c in enumerate(crumbs))
    desk_label = page.pick("label", DESK_LABELS)
    banner = ""
    if where == "top":
        banner_label = page.pick("claim", CLAIM_BANNERS)
        banner = (f'<div class="claim-banner"><span class="tag">{esc(banner_label)}</span>'
                  f"{box}</div>")
    meta_row = []
    if b.visible and b.position == "before":
        names = page.linked_names()
        meta_row.append(f'<span class="checker">{esc(b.prefix)}{names}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    words = sum(len(p.split()) for p in a.paragraphs)
    reading = page.record("views", [_digits(page, furniture.reading_time(words))])[0]
    meta_row.append(f'<span class="read">{esc(reading)}</span>')
    share = "".join(f'<a class="share" href="#">{esc(s)}</a>' for s in page.share())
    figure = page.lead_figure()
    text = _text(page, box if where == "after_lead" else None)
    summary_heading = page.pick("summary", SUMMARY_HEADINGS)
    summary = page.record("summary", [rng.choice(SUMMARIES)])[0]
    summary_box = (f'<div class="summary-box"><h3>{esc(summary_heading)}</h3>{badge}<p>'
                   f'{esc(summary)}</p>{_scale(page, verdict)}</div>')
    signed = ""
    if b.visible and b.position == "after":
        prefix = page.stable("after-prefix").choice(AFTER_PREFIXES)
        signed = f'<p class="checker-end">{esc(prefix + b.joined())}</p>'
    elif b.form == "none" and rng.random() < 0.5:
        desk = page.record("desk", [f"فريق التحقق في {page.label}"])[0]
        page.layout["byline"] = "desk"
        signed = f'<p class="checker-end desk">{esc(desk)}</p>'
    end = base + timedelta(hours=rng.randint(-20, -2))
    sources = _sources(page, spread, max(end, spread + timedelta(hours=2)))
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    method_heading = page.pick("method", METHOD_HEADINGS)
    method = page.record("method", [page.stable("method").choice(METHOD_NOTES)])[0]
    number = _digits(page, f"+{rng.randint(200, 999)} {rng.randint(600, 699)} "
                           f"{rng.randint(100, 999)} {rng.randint(100, 999)}")
    send = page.record("send", [SEND_CLAIM[0], SEND_CLAIM[1].format(number=number)])
    correction = page.record("method", [page.stable("corrections").choice(CORRECTIONS)])[0]
    other_heading = page.pick("related", OTHER_HEADINGS)
    others = []
    for link in page.links("related", rng.randint(3, 5), "long_day"):
        mark = page.record("related", [rng.choice(VERDICTS)])[0]
        others.append(f'<li><span class="v">{esc(mark)}</span> <a href="{attr(link.url)}">'
                      f'{esc(link.title)}</a> <span class="d">{esc(link.date or "")}</span></li>')
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="fact-check">',
        f'<header class="site-header"><a class="logo" href="/"><img src="/assets/logo.svg" alt="'
        f'{attr(page.label)}"></a><span class="today">{esc(today)}</span><nav><ul>{menu}</ul>'
        "</nav></header>",
        f'<nav class="crumbs">{crumb_html}</nav>',
        '<main><article class="check">',
        banner,
        f'<div class="check-kicker"><span class="desk">{esc(desk_label)}</span>'
        + (badge if verdict_place == "badge" else "") + "</div>",
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" ".join(meta_row)}</div>',
        f'<div class="share-bar">{share}</div>',
        figure,
        text,
        summary_box,
        signed,
        sources,
        f'<div class="tags">{tags}</div>',
        f'<aside class="method"><h4>{esc(method_heading)}</h4><p>{esc(method)}</p><p>'
        f"{esc(correction)}</p></aside>",
        f'<div class="send-claim"><h4>{esc(send[0])}</h4><p>{esc(send[1])}</p></div>',
        "</article>",
        f'<section class="other-checks"><h3>{esc(other_heading)}</h3><ul>{"".join(others)}'
        "</ul></section>",
        "</main>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
