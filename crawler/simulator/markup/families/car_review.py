"""A test-drive review (تجربة قيادة) of a car portal's or a motoring section's model page: the
writer's review as the story inside the model's page: the model's hero with its name as a big
heading, price and score, the tabs of the model page, the technical sheet, the score bars, the
trims and their prices, the rivals, the finance calculator, the gallery and the dealer's box:
figures everywhere, a second heading that is not the title, and dates that are the drive's and
the price list's.

Body (``div.review-body``): the review's parts (now and then a lead sentence of its own, a quoted
statement as a ``<blockquote>``, intertitles, a list after its lead-in: body); the dateline, rare
in reviews, a line of its own above them or their bold start. Not body, inside the text: an ad, a
read-also line, and in some sections (``layout["specs"]`` ``inside``) the technical sheet
(``table.specs``: "المواصفات الفنية", engine, power "203 حصانا", torque, gearbox, drive,
0-100 km/h, top speed, consumption, seats; "مكان التجربة: X" and "تاريخ التجربة: <day>", one to
twenty days *before* the publication).
Not body either: the model hero (``div.model-hero``: "<make> <model> <year>" in an ``<h2>``,
"السعر يبدأ من 245,000 درهم", the body type, "8.2/10"), above the ``<h1>`` or between the lead
image and the text per section (``layout["hero"]``: ``above`` / ``below``); the model tabs; the
score box (``section.scores``: criteria with ``<meter>`` bars and "8/10", the final score and
the verdict sentence "الحكم: ...", prose that is not the review's), after the text or in the
sidebar per section (``layout["scores"]``); the trims table with "الأسعار محدثة بتاريخ <day>"
(after the publication); the rivals table; the finance calculator ("القسط الشهري التقديري");
the gallery (pictures of the car: not the article's image); the dealer's box; the search bar.

Bylines: "تجربة: X", "اختبار وتقييم: X", "كتب: X", "بقلم: X", the bare name, or metadata only; in
the meta row under the ``<h1>`` or after the text; two writers now and then. Head: og tags; on
every page a JSON-LD ``Car`` (brand, model, ``vehicleModelDate`` the model year, engine,
``offers`` with the price, a ``review`` with its rating and ``author``: the byline's names, the
site otherwise); on metadata-dated pages (and for metadata-only bylines) a JSON-LD
``NewsArticle`` and ``article:published_time``. Text-dated and undated pages carry no machine
publication date.
Dates: metadata (second) or the meta row (minute or day); undated pages show the drive's day,
the price list's day, the lists' dates and the header's day, never between the title and the
text.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, esc, thumb_url
from crawler.simulator.markup.page import Page, Traits, link_items
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import slugify

NAME = "car_review"
TRAITS = Traits(
    date_formats=("weekday_day", "long_day", "weekday_time", "numeric_time", "ampm_comma",
                  "wp_day"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("kataba", "kataba", "biqalam_colon", "bare", "meta_only"),
    byline_prefixes={"kataba": ("تجربة: ", "اختبار وتقييم: ", "كتب: ")},
    byline_positions=("before", "before", "after"),
    two_authors=0.1,
    dateline_positions=("omitted", "omitted", "line", "body_lead"),
    display_title=0.5, image=0.85, caption=0.6,
)

MODELS = (("تويوتا", "Toyota", "كامري", "سيدان"), ("هيونداي", "Hyundai", "توسان", "SUV"),
          ("كيا", "Kia", "سبورتاج", "SUV"), ("نيسان", "Nissan", "باترول", "SUV"),
          ("شيفروليه", "Chevrolet", "تاهو", "SUV"), ("جيلي", "Geely", "كولراي", "كروس أوفر"),
          ("شانجان", "Changan", "CS75", "SUV"), ("رينو", "Renault", "داستر", "كروس أوفر"),
          ("إم جي", "MG", "ZS", "كروس أوفر"), ("ميتسوبيشي", "Mitsubishi", "إكليبس كروس", "SUV"))
CURRENCIES = {"arabstoday": ("دولار", "USD"), "omantoday": ("ريال عماني", "OMR"),
              "palestinetoday": ("شيكل", "ILS"), "emiratesvoice": ("درهم", "AED"),
              "almaghribtoday": ("درهم", "MAD"), "casablancatoday": ("درهم", "MAD"),
              "moroccosports": ("درهم", "MAD"), "egypttoday": ("جنيه", "EGP"),
              "alyementoday": ("دولار", "USD"), "alsaudiatoday": ("ريال", "SAR"),
              "algeriatoday": ("دينار", "DZD"), "tunisiatoday": ("دينار", "TND"),
              "albahraintoday": ("دينار", "BHD"), "syria24": ("دولار", "USD")}
RATES = {"USD": 1, "OMR": 0.385, "ILS": 3.7, "AED": 3.67, "MAD": 10, "EGP": 48, "SAR": 3.75,
         "DZD": 134, "TND": 3.1, "BHD": 0.376}
"""Units of each currency to the dollar (rounded): prices look right for the country."""
TABS = ("نظرة عامة", "المواصفات", "الأسعار", "الصور", "المنافسون", "التقييم")
FROM = "السعر يبدأ من {price} {currency}"
SPECS_HEADINGS = ("المواصفات الفنية", "البطاقة التقنية")
SPEC_LABELS = ("المحرك", "القوة", "العزم", "ناقل الحركة", "نظام الدفع",
               "التسارع من 0 إلى 100 كم/س", "السرعة القصوى", "استهلاك الوقود", "عدد المقاعد")
DRIVE = ("مكان التجربة: {place}", "تاريخ التجربة: {day}")
DRIVE_PLACES = ("طرقات المدينة والطريق السريع", "مسار جبلي قرب إفران", "الطريق الصحراوي",
                "حلبة السرعة", "طرق الساحل")
SCORE_HEADINGS = ("تقييمنا", "التقييم النهائي")
CRITERIA = ("التصميم", "الأداء", "الراحة", "التجهيزات", "القيمة مقابل السعر")
FINAL = "النتيجة: {score}/10"
VERDICTS = ("الحكم: خيار عملي ومتوازن لمن يبحث عن سيارة عائلية موثوقة دون مفاجآت في الصيانة.",
            "الحكم: تصميم لافت وتجهيزات سخية، لكن استهلاك الوقود يبقى أعلى مما تعد به الشركة.",
            "الحكم: قيادة مريحة ومقصورة هادئة، غير أن السعر يقترب من فئة أعلى.")
"""The score box's verdicts (written for this generator): not the review's text."""
ENGINES = ((1.5, 4), (2.0, 4), (2.5, 4), (3.5, 6), (5.6, 8))
TRIMS = ("ستاندرد", "GL", "GLX", "ليميتد", "سبورت", "فل أوبشن")
TRIMS_HEADINGS = ("الفئات والأسعار", "أسعار الفئات")
TRIMS_COLUMNS = ("الفئة", "المحرك", "السعر")
UPDATED = "الأسعار محدثة بتاريخ {day}"
PRICE_NOTE = "الأسعار تقريبية وتشمل ضريبة القيمة المضافة، وقد تختلف حسب الوكيل."
RIVALS_HEADINGS = ("المنافسون", "مقارنة مع المنافسين")
RIVALS_COLUMNS = ("الطراز", "السعر", "القوة")
FINANCE = ("احسب القسط الشهري", "سعر السيارة", "الدفعة الأولى", "مدة التمويل (بالأشهر)", "احسب")
MONTHLY = "القسط الشهري التقديري: {n} {currency}"
GALLERY = ("عرض جميع الصور ({n})", "{model} - المقصورة الداخلية", "{model} - من الخلف",
           "{model} - لوحة العدادات")
DEALER = ("الوكيل المعتمد: {dealer}", "اطلب تجربة قيادة", "اتصل بالوكيل")
DEALERS = ("الشركة العربية للسيارات", "مجموعة النخبة للتجارة", "دار المحركات", "شركة الطريق الحديث")
SEARCH = ("ابحث عن سيارتك", "الماركة", "الموديل", "السنة", "بحث")
RELATED_HEADINGS = ("تجارب قيادة أخرى", "مراجعات أخرى")


def _money(page: Page, dollars: float, code: str) -> str:
    value = round(dollars * RATES[code], -2 if RATES[code] >= 1 else 0)
    return page.digits(f"{int(value):,}")


def _specs(page: Page, engine: str, power: int, electric: bool, drive_day: str,
           place: str) -> str:
    rng = page.rng
    heading = page.pick("specs", SPECS_HEADINGS)
    values = [engine, f"{power} حصانا", f"{int(power * rng.uniform(1.2, 1.8))} نيوتن متر",
              rng.choice(("أوتوماتيكي 8 سرعات", "أوتوماتيكي 6 سرعات", "CVT متغير باستمرار")),
              rng.choice(("أمامي", "رباعي", "خلفي")), f"{rng.uniform(6, 11.5):.1f} ثانية",
              f"{rng.randint(170, 250)} كم/س",
              ("18 كيلوواط ساعة/100 كم" if electric else f"{rng.uniform(5.5, 13):.1f} لتر/100 كم"),
              str(rng.choice((5, 7)))]
    values = [page.digits(v) for v in values]
    drive = page.record("specs", [DRIVE[0].format(place=place), DRIVE[1].format(day=drive_day)])
    page.record("specs", [*SPEC_LABELS, *values])
    rows = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>"
                   for k, v in zip(SPEC_LABELS, values, strict=True))
    return (f'<table class="specs"><caption>{esc(heading)}</caption>{rows}<tr><td colspan="2">'
            f'<span class="drive">{esc(drive[0])}</span> | <span class="drive">{esc(drive[1])}'
            "</span></td></tr></table>")


def _scores(page: Page, score: float) -> str:
    rng = page.rng
    heading = page.pick("scores", SCORE_HEADINGS)
    marks = [min(10, max(5, round(score + rng.uniform(-1.5, 1.5)))) for _ in CRITERIA]
    shown = [page.digits(f"{m}/10") for m in marks]
    final, verdict = page.record("scores", [page.digits(FINAL.format(score=f"{score:.1f}")),
                                            rng.choice(VERDICTS)])
    page.record("scores", [*CRITERIA, *shown])
    bars = "".join(f'<li><span class="k">{esc(c)}</span><meter min="0" max="10" value="{m}">'
                   f'</meter><span class="v">{esc(s)}</span></li>'
                   for c, m, s in zip(CRITERIA, marks, shown, strict=True))
    return (f'<section class="scores"><h3>{esc(heading)}</h3><ul>{bars}</ul><p class="final">'
            f'<strong>{esc(final)}</strong></p><p class="verdict">{esc(verdict)}</p></section>')


def _review(page: Page, parts: list[Part], specs: str) -> str:
    rng = page.rng
    html = body.parts_html(page, parts, lead_tag="strong", lead_mark=":")
    blocks = [f'<div class="ad"><span>{esc(page.pick("ad", furniture.AD_LABELS))}</span></div>']
    for link in page.links("read_also", rng.randint(0, 1)):
        blocks.append(f'<p class="read-also">{esc(page.pick("read_also", furniture.READ_ALSO))} '
                      f'<a href="{attr(link.url)}">{esc(link.title)}</a></p>')
    if specs:
        blocks.append(specs)
    for block in blocks:  # between two parts, never between a list's lead-in and its list
        spots = [i for i in range(1, len(html)) if not html[i].startswith("<ul>")]
        html.insert(rng.choice(spots) if spots else len(html), block)
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    return '<div class="review-body">\n' + "\n".join(html) + "\n</div>"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    hero_place = page.stable(f"hero:{page.section}").choice(("above", "below"))
    specs_place = page.stable(f"specs:{page.section}").choice(("inside", "after"))
    scores_place = page.stable(f"scores:{page.section}").choice(("after", "side"))
    page.layout.update(hero=hero_place, specs=specs_place, scores=scores_place)
    make, brand, model, kind = rng.choice(MODELS)
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    year = base.year + rng.choice((0, 1))
    name = f"{make} {model} {year}"
    currency, code = CURRENCIES.get(a.site, ("دولار", "USD"))
    dollars = rng.randrange(18000, 75000, 500)
    electric = rng.random() < 0.15
    litres, cylinders = rng.choice(ENGINES)
    power = int(litres * rng.uniform(60, 75)) + rng.randint(20, 40)
    engine = "كهربائي بالكامل" if electric else f"{litres} لتر {cylinders} أسطوانات"
    score = round(rng.uniform(6.5, 9.3), 1)
    drive_day = dates.visible(base - timedelta(days=rng.randint(1, 20)), "long_day", a.site,
                              page.eastern)
    author = meta.ld_authors(page)
    car: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Car", "name": name,
        "brand": {"@type": "Brand", "name": brand}, "model": model, "vehicleModelDate": str(year),
        "bodyType": kind, "vehicleEngine": {"@type": "EngineSpecification",
                                            "enginePower": {"@type": "QuantitativeValue",
                                                            "value": power, "unitCode": "BHP"}},
        "offers": {"@type": "Offer", "price": str(round(dollars * RATES[code])),
                   "priceCurrency": code},
        "review": {"@type": "Review", "author": author,
                   "reviewRating": {"@type": "Rating", "ratingValue": str(score),
                                    "bestRating": "10"}}}
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} | {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + meta.ld_script(car)
            + (meta.ld_script(meta.news_article(page))
               if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/assets/motors.css">\n</head>\n')
    today = page.today_line(page.stable("today").choice(("weekday_day", "weekday_comma_day")))
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    search = page.record("search", list(SEARCH))
    crumbs = " » ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(page.breadcrumbs()))
    from_price = page.record("hero", [name, FROM.format(price=_money(page, dollars, code),
                                                        currency=currency), kind,
                                      page.digits(f"{score}/10")])
    hero = (f'<div class="model-hero"><h2 class="model">{esc(from_price[0])}</h2><p class="price">'
            f'{esc(from_price[1])}</p><span class="body-type">{esc(kind)}</span><span '
            f'class="score">{esc(from_price[3])}</span></div>')
    tabs = "".join(f'<a href="#t{k}">{esc(t)}</a>' for k, t in enumerate(page.record("tabs",
                                                                                      list(TABS))))
    meta_row = []
    if b.visible and b.position == "before":
        meta_row.append(f'<span class="by">{esc(b.prefix)}{page.linked_names()}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())

    specs = _specs(page, engine, power, electric, drive_day, rng.choice(DRIVE_PLACES))
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.3, bullets=0.15)
    review = _review(page, parts, specs if specs_place == "inside" else "")
    signed = (f'<p class="signed">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    scores = _scores(page, score)
    trims_heading = page.pick("trims", TRIMS_HEADINGS)
    page.record("trims", list(TRIMS_COLUMNS))
    trims = []
    for k, t in enumerate(sorted(rng.sample(range(len(TRIMS)), rng.randint(3, 4)))):
        price = _money(page, dollars * (1 + 0.12 * k), code)  # each trim a step dearer
        trims.append(page.record("trims", [TRIMS[t], page.digits(engine), f"{price} {currency}"]))
    updated_day = base + timedelta(days=rng.randint(1, 30))
    updated, note = page.record("trims", [UPDATED.format(day=dates.visible(
        updated_day, "long_day", a.site, page.eastern)), PRICE_NOTE])
    rivals_heading = page.pick("rivals", RIVALS_HEADINGS)
    page.record("rivals", list(RIVALS_COLUMNS))
    rivals = [page.record("rivals", [
        f"{m} {n}", f"{_money(page, dollars * rng.uniform(0.85, 1.2), code)} {currency}",
        page.digits(f"{rng.randint(110, 420)} حصانا")])
        for m, _, n, _ in rng.sample([x for x in MODELS if x[2] != model], 3)]
    finance = page.record("finance", list(FINANCE))
    monthly = page.record("finance", [MONTHLY.format(n=_money(page, dollars / 48, code),
                                                     currency=currency)])[0]
    count = rng.randint(12, 40)
    gallery = page.record("gallery", [page.digits(GALLERY[0].format(n=count))])[0]
    thumbs = "".join(f'<img src="{attr(thumb_url(page.site, rng))}" alt="'
                     f'{attr(g.format(model=f"{make} {model}"))}">' for g in GALLERY[1:])
    dealer = page.record("dealer", [DEALER[0].format(dealer=rng.choice(DEALERS)), *DEALER[1:]])
    phone = page.digits(f"0{rng.randint(5, 6)}{rng.randint(10 ** 7, 10 ** 8 - 1)}")
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    related_heading = page.pick("related", RELATED_HEADINGS)
    related = link_items(page.links("related", rng.randint(3, 5), "long_day"))
    comments_heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    comments = "".join(f'<li><b>{esc(n)}</b> <span class="d">{esc(d)}</span><p>{esc(w)}</p></li>'
                       for n, d, w in page.reader_comments(rng.randint(0, 2)))
    form = "".join(f"<label>{esc(x)}</label>" for x in page.comment_form())
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = link_items(page.links("most_read", 5, "numeric_day"))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))

    def table(klass: str, heading: str, columns: tuple[str, ...], rows: list[list[str]],
              extra: str = "") -> str:
        return (f'<section class="{klass}"><h3>{esc(heading)}</h3><table><tr>'
                + "".join(f"<th>{esc(c)}</th>" for c in columns) + "</tr>"
                + "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>"
                          for row in rows) + f"</table>{extra}</section>")

    return head + "\n".join([
        '<body class="motors single-review">',
        f'<header><a class="logo" href="/"><img src="/logo.png" alt="{attr(page.label)}"></a>'
        f'<span class="today">{esc(today)}</span><nav><ul>{menu}</ul></nav></header>',
        f'<form class="car-search"><b>{esc(search[0])}</b>'
        + "".join(f"<label>{esc(x)}</label><select></select>" for x in search[1:4])
        + f"<button>{esc(search[4])}</button></form>",
        f'<nav class="crumbs">{crumbs}</nav>',
        '<div class="cols"><main><article class="review">',
        hero if hero_place == "above" else "",
        f'<nav class="model-tabs">{tabs}</nav>',
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else "",
        f'<div class="share">{share}</div>',
        page.lead_figure(),
        hero if hero_place == "below" else "",
        review,
        signed,
        specs if specs_place == "after" else "",
        scores if scores_place == "after" else "",
        table("trims", trims_heading, TRIMS_COLUMNS, trims,
              f'<p class="updated">{esc(updated)}</p><p class="note">{esc(note)}</p>'),
        table("rivals", rivals_heading, RIVALS_COLUMNS, rivals),
        f'<form class="finance"><h3>{esc(finance[0])}</h3>'
        + "".join(f"<label>{esc(x)}</label><input>" for x in finance[1:4])
        + f'<button>{esc(finance[4])}</button><output>{esc(monthly)}</output></form>',
        f'<div class="gallery">{thumbs}<a href="#">{esc(gallery)}</a></div>',
        f'<aside class="dealer"><p>{esc(dealer[0])}</p><a class="btn" href="#">{esc(dealer[1])}'
        f'</a> <a href="tel:{phone}">{esc(dealer[2])}</a></aside>',
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="related"><h3>{esc(related_heading)}</h3><ul>{related}</ul></section>',
        f'<section class="comments"><h3>{esc(comments_heading)}</h3><ol>{comments}</ol>'
        f"<form>{form}</form></section>",
        "</main>",
        f'<aside class="side">{scores if scores_place == "side" else ""}<h3>'
        f"{esc(most_heading)}</h3><ol>{most}</ol></aside>",
        "</div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
