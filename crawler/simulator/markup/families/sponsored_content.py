"""A sponsored article (محتوى مدعوم / إعلان تحريري) on a news portal: an article paid for by a
brand and run in the site's article template, with the disclosure label, the brand's name beside
the byline, the brand's spokesperson in a quote card, the brand's offer and presentation, the
partners' native-ads widget, tracking pixels and, on some sites, the cookie-consent banner the
site's consent plugin prints into the page.

Body (``div.sponsored-text``): the article's parts (now and then a lead sentence of its own, a
quoted statement as a plain ``<blockquote>``, intertitles, a bulleted list after its lead-in:
body), with now and then a word linked to the brand's site. The dateline, when shown, is a line
of its own above the text or the bold start of its first paragraph.

Not body: the label ("محتوى مدعوم" / "إعلان" with the brand's logo), placed per section
(``layout["label"]``): ``top``, above the ``<h1>``, or ``meta``, in the meta row; the partner
line beside the byline ("بالتعاون مع بنك الواحة": a company, never an author); the quote card
inside the text on some pages (``aside.brand-quote``: a ``<blockquote>`` of the spokesperson's
marketing words, not the article's, with the logo, the person's photo, "X، مديرة التسويق في Y"
(no author) and a link; ``layout["quote_card"]``); the brand box (``aside.brand-box``: the offer
"عرض خاص لقراء ..." with its discount, code and "العرض ساري حتى ..." (a day *after* the
publication), then "عن بنك الواحة", the brand's presentation: prose), placed per section
(``layout["brand_box"]``): ``inside``, after the first part, ``end``, after the text, or
``side``; the disclosure ("هذا المحتوى مقدم من ...": prose), per section (``layout
["disclosure"]``) between the meta row and the text (``top``) or after it (``end``); the
partners' widget (headlines, a teaser sentence and their sites); the consent banner on most
sites (``layout["consent"]``: ``first`` in the body or ``last`` per section, ``none`` on the other
sites: its purposes written as sentences, its buttons and the privacy policy's update day); 1x1
tracking images (no picture of the article).

Bylines: "إعداد: X", "كتب: X", "بقلم: X", the bare name, or metadata only, in the meta row under
the ``<h1>`` or after the text; on half the unsigned pages the brand studio "إعداد: استوديو
المحتوى" (no author: ``layout["byline"]`` ``desk``). Text-dated pages print the date in the meta
row with its label.
Page: the header (logo, menu, today's date: render time), the ticker, breadcrumbs; the label;
the ``<h1>``; the meta row; share buttons; the lead image with its caption; the disclosure; the
text. After it: the byline when after, the brand box (``end``), the disclosure (``end``), tags,
the partners' widget, related stories with dates, the comment form; the sidebar: the brand box
(``side``), most read with dates; the footer.

Head: og tags, ``article:section``; on metadata-dated pages (and for metadata-only bylines) a
JSON-LD ``NewsArticle`` with the brand as ``sponsor`` and ``article:published_time``. Text-dated
and undated pages carry no machine publication date.
Dates: metadata (second) or the meta row (minute or day); undated pages show the offer's last
day, the consent banner's policy day, the lists' dates and the header's day, never between the
title and the text.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, esc, inline, thumb_url
from crawler.simulator.markup.page import Page, Traits, link_items
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import slugify

NAME = "sponsored_content"
TRAITS = Traits(
    date_formats=("long_day", "weekday_time", "numeric_day", "wp_day", "day_at_time"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("kataba", "biqalam_colon", "bare", "meta_only"),
    byline_prefixes={"kataba": ("إعداد: ", "كتب: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted", "omitted"),
    display_title=0.5, image=0.8, caption=0.5,
)

BRANDS = (("بنك الواحة", "alwaha-bank.com", "فتح حساب جديد"),
          ("شركة النخبة للاتصالات", "nukhba-telecom.com", "باقات الإنترنت المنزلي"),
          ("مجموعة الريادة العقارية", "riyada-realestate.com", "الدفعة الأولى"),
          ("طيران الأفق", "ofoq-air.com", "تذاكر السفر"),
          ("مجموعة سنابل للأغذية", "sanabel-foods.com", "أول طلب عبر التطبيق"),
          ("شركة مدار للطاقة", "madar-energy.com", "تركيب الألواح الشمسية"),
          ("منصة دفع للخدمات المالية", "dafa-pay.com", "رسوم التحويل"))
"""Brands (invented): name, host, what their offer is on."""
LABELS = ("محتوى مدعوم", "محتوى إعلاني", "إعلان", "محتوى ترويجي")
PARTNER = ("بالتعاون مع {brand}", "برعاية {brand}", "مقدم من {brand}", "بالشراكة مع {brand}")
DESK = "إعداد: استوديو المحتوى"
SPOKESPEOPLE = (("رامي الكبيسي", "m"), ("هالة المهيري", "f"), ("فادي بن جلون", "m"),
                ("جيهان الصراف", "f"), ("إيهاب العبدالله", "m"), ("مريم الحسني", "f"),
                ("باسل الطحان", "m"), ("ثامر العبيدلي", "m"))
"""Brands' spokespeople: a pool of names of their own (never an author), with their gender."""
ROLES = {"m": ("الرئيس التنفيذي ل{brand}", "المدير الإقليمي ل{brand}",
               "مدير الاتصال المؤسسي في {brand}"),
         "f": ("الرئيسة التنفيذية ل{brand}", "مديرة التسويق في {brand}",
               "المديرة الإقليمية ل{brand}")}
PITCHES = ("نؤمن بأن الابتكار هو الطريق الأقصر لخدمة عملائنا، ونعمل كل يوم على تقديم حلول تليق "
           "بثقتهم.",
           "شراكتنا مع المجتمع ليست حملة عابرة بل التزام طويل الأمد نجدده مع كل مشروع نطلقه.",
           "هدفنا أن تكون خدماتنا في متناول الجميع، في كل مدينة وفي كل حي، وبأفضل جودة ممكنة.")
"""The spokesperson's words on the quote card (written for this generator): not the article."""
LEARN_MORE = ("تعرف على المزيد", "زوروا موقعنا")
OFFER_HEADINGS = ("عرض خاص لقراء {label}", "عرض حصري")
OFFER = "احصل على خصم {n}% على {product}"
VALID = "العرض ساري حتى {day}"
CODE = "رمز الخصم: {code}"
OFFER_BUTTONS = ("اكتشف العرض", "استفد الآن")
ABOUT_HEADING = "عن {brand}"
ABOUT = ("تأسست {brand} عام {year}، وتقدم خدماتها اليوم في {n} دول عربية عبر شبكة تضم عشرات الفروع "
         "ومراكز الخدمة، وتضع رضا عملائها في صدارة أولوياتها.")
DISCLOSURES = ("هذا المحتوى مقدم من {brand}، وقد أعد بالتعاون مع فريق المحتوى التجاري في {label}، "
               "ولم يشارك فريق التحرير في إعداده.",
               "تنشر هذه المادة في إطار شراكة تجارية مع {brand}، والآراء الواردة فيها لا تعبر "
               "بالضرورة عن {label}.")
WIDGET_HEADINGS = ("محتوى من شركائنا", "قد يعجبك أيضا - برعاية")
WIDGET_SITES = ("trendat.net", "hayat-style.com", "sehtak-today.net", "tech-arabia.net",
                "safar-guide.com")
WIDGET_LABEL = ("برعاية", "Sponsored")
CONSENT = ("إدارة الموافقة على ملفات تعريف الارتباط",
           "نستخدم ملفات تعريف الارتباط وتقنيات مشابهة لحفظ بعض المعلومات على جهازك وقراءتها، حتى "
           "يعمل الموقع كما ينبغي ونفهم كيف يستخدمه زوارنا. يمكنك قبولها كلها أو اختيار ما يناسبك "
           "منها، ويمكنك تغيير اختيارك في أي وقت من صفحة سياسة الخصوصية.",
           "ضرورية", "تعمل دائما",
           "لا يعمل الموقع من دونها، فهي تحفظ مثلا اختياراتك في هذه النافذة وتؤمن تسجيل الدخول.",
           "إحصائية",
           "تساعدنا على إحصاء الزيارات ومعرفة الصفحات الأكثر قراءة، دون أن تكشف هوية الزائر.",
           "إعلانية",
           "يستخدمها شركاؤنا في الإعلان لعرض إعلانات تناسب اهتماماتك وقياس أدائها عبر مواقع "
           "مختلفة.",
           "قبول الكل", "رفض غير الضروري", "تخصيص الاختيارات", "حفظ الاختيارات",
           "سياسة ملفات تعريف الارتباط")
"""The consent banner (written for this generator): heading, the purposes as sentences, buttons."""
POLICY_DAY = "آخر تحديث لسياسة الخصوصية: {day}"


def _quote_card(page: Page, brand: str, host: str) -> str:
    rng = page.rng
    name, gender = rng.choice(SPOKESPEOPLE)
    words, role = page.record("brand_quote", [rng.choice(PITCHES), f"{name}، "
                                              + rng.choice(ROLES[gender]).format(brand=brand)])
    more = page.pick("brand_quote", LEARN_MORE)
    return (f'<aside class="brand-quote"><img class="logo" src="https://www.{host}/logo.svg" '
            f'alt="{attr(brand)}"><img class="photo" src="{attr(thumb_url(page.site, rng))}" '
            f'alt="{attr(name)}"><blockquote>«{esc(words)}»</blockquote><cite>{esc(role)}</cite>'
            f'<a href="https://www.{host}/ar/" rel="sponsored">{esc(more)}</a></aside>')


def _brand_box(page: Page, brand: str, host: str, product: str, base: datetime) -> str:
    rng = page.rng
    heading = page.record("brand_box", [page.stable("offer").choice(OFFER_HEADINGS).format(
        label=page.label)])[0]
    until = base + timedelta(days=rng.randint(10, 60))
    code = f"{host[:4].upper()}{rng.randint(10, 99)}"
    offer, valid, code_line = page.record("brand_box", [
        page.digits(OFFER.format(n=rng.choice((10, 15, 20, 25, 30)), product=product)),
        VALID.format(day=dates.visible(until, "long_day", page.article.site, page.eastern)),
        CODE.format(code=code)])
    button = page.pick("brand_box", OFFER_BUTTONS)
    about_heading, about = page.record("brand_box", [ABOUT_HEADING.format(brand=brand), page.digits(
        ABOUT.format(brand=brand, year=rng.randint(1978, 2012), n=rng.randint(3, 9)))])
    return (f'<aside class="brand-box"><div class="offer"><h4>{esc(heading)}</h4><p>{esc(offer)}'
            f'</p><p class="valid">{esc(valid)}</p><p class="code">{esc(code_line)}</p>'
            f'<a class="btn" href="https://www.{host}/ar/offer?utm_source=news&amp;utm_medium='
            f'native" rel="sponsored">{esc(button)}</a></div><div class="about"><h4>'
            f"{esc(about_heading)}</h4><p>{esc(about)}</p></div></aside>")


def _text(page: Page, parts: list[Part], host: str, box: str, card: str) -> str:
    rng = page.rng
    link = f"https://www.{host}/ar/?utm_source=partner&amp;utm_medium=native&amp;q="
    html = []
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            html.append(f"<h2>{esc(text)}</h2>")
        elif part.kind == "quote":
            html.append(f"<blockquote><p>{esc(text)}</p></blockquote>")
        elif part.kind == "list":
            html.append("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>")
        elif i == 0 and page.dateline and page.dateline.position == "body_lead":
            html.append(f"<p><strong>{esc(page.dateline.text)}:</strong> "
                        f"{inline(text, rng, 0.2, link)}</p>")
        else:
            html.append(f"<p>{inline(text, rng, 0.25, link)}</p>")
    if card:  # between two parts, never between a list's lead-in and its list
        spots = [i for i in range(1, len(html)) if not html[i].startswith("<ul>")]
        html.insert(rng.choice(spots) if spots else len(html), card)
    if box:
        html.insert(1, box)
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    return '<div class="sponsored-text">\n' + "\n".join(html) + "\n</div>"


def _consent(page: Page) -> str:
    strings = page.record("consent", list(CONSENT))
    when = page.stable("policy-day")
    day = datetime(2023 + when.randint(0, 1), when.randint(1, 12), when.randint(1, 28),
                   tzinfo=REFERENCE.tzinfo)
    policy = page.record("consent", [POLICY_DAY.format(day=dates.visible(
        day, "long_day", page.article.site, page.eastern))])[0]
    purposes = "".join(f'<details><summary>{esc(strings[i])}'
                       + (f' <span class="always">{esc(strings[3])}</span>' if i == 2 else "")
                       + f"</summary><p>{esc(strings[i + 1 + (i == 2)])}</p></details>"
                       for i in (2, 5, 7))
    buttons = "".join(f'<button type="button">{esc(x)}</button>' for x in strings[9:13])
    return (f'<div id="cmplz-cookiebanner" class="cmplz-cookiebanner" role="dialog"><h2>'
            f'{esc(strings[0])}</h2><p class="cmplz-message">{esc(strings[1])}</p>{purposes}'
            f'<div class="cmplz-buttons">{buttons}</div><a href="/privacy">{esc(strings[13])}</a>'
            f' <small>{esc(policy)}</small></div>')


def _pixels(page: Page) -> str:
    rng = page.rng
    return (f'<img src="https://ad.doubleclick.net/ddm/trackimp/N{rng.randint(10**6, 10**7)}.'
            f'{rng.randint(100, 999)}/B{rng.randint(10**7, 10**8)};ord={rng.getrandbits(32)}?" '
            'width="1" height="1" alt="" style="display:none">'
            f'<img src="https://px.example-adserver.com/imp?c={rng.getrandbits(40):x}" width="1" '
            'height="1" alt="">')


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    label_place = page.stable(f"label:{page.section}").choice(("top", "meta"))
    disclosure_place = page.stable(f"disclosure:{page.section}").choice(("top", "end"))
    box_place = page.stable(f"box:{page.section}").choice(("inside", "end", "side"))
    # the consent plugin is the site's; where its banner is printed is the section template's
    consent = (page.stable(f"consent:{page.section}").choice(("first", "last"))
               if page.stable("consent").random() < 0.7 else "none")
    page.layout.update(label=label_place, disclosure=disclosure_place, brand_box=box_place,
                       consent=consent)
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    brand, host, product = rng.choice(BRANDS)

    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} - {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page)
            + '<meta property="article:section" content="محتوى مدعوم">\n'
            + meta.article_times(page) + meta.meta_authors(page)
            + (meta.ld_script(meta.news_article(page, sponsor={
                "@type": "Organization", "name": brand, "url": f"https://www.{host}/"}))
               if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/assets/native.css">\n</head>\n')
    today = page.today_line(page.stable("today").choice(("weekday_day", "weekday_comma_day")))
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    ticker_label = page.pick("ticker", furniture.BREAKING_LABELS)
    ticker = link_items(page.links("ticker", rng.randint(3, 5)))
    crumbs = page.breadcrumbs()
    crumb_html = " / ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(crumbs))
    label = page.pick("label", LABELS)
    partner = page.record("partner", [page.stable("partner").choice(PARTNER).format(
        brand=brand)])[0]
    logo = f'<img class="brand-logo" src="https://www.{host}/logo.svg" alt="{attr(brand)}">'
    label_html = f'<span class="sponsored-label">{esc(label)}</span>'

    meta_row = []
    if label_place == "meta":
        meta_row.append(label_html)
    if b.visible and b.position == "before":
        meta_row.append(f'<span class="by">{esc(b.prefix)}{page.linked_names()}</span>')
    meta_row.append(f'<span class="partner">{logo}{esc(partner)}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    disclosure = page.record("disclosure", [page.stable("disclosure").choice(DISCLOSURES).format(
        brand=brand, label=page.label)])[0]
    disclosure_html = f'<p class="disclosure"><em>{esc(disclosure)}</em></p>'

    box = _brand_box(page, brand, host, product, base)
    card = ""
    if rng.random() < 0.6:
        card = _quote_card(page, brand, host)
        page.layout["quote_card"] = "yes"
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.25, bullets=0.2)
    text = _text(page, parts, host, box if box_place == "inside" else "", card)
    signed = ""
    if b.visible and b.position == "after":
        signed = f'<p class="signed">{esc(b.text())}</p>'
    elif b.form == "none" and rng.random() < 0.5:
        signed = f'<p class="signed desk">{esc(page.record("desk", [DESK])[0])}</p>'
        page.layout["byline"] = "desk"
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    widget_heading = page.pick("partners", WIDGET_HEADINGS)
    widget = []
    for title in furniture.headlines(rng, rng.randint(3, 4)):
        teaser, site = furniture.teaser(rng), rng.choice(WIDGET_SITES)
        tag = page.pick("partners", WIDGET_LABEL)
        page.record("partners", [title, teaser, site])
        widget.append(f'<a class="card" href="https://{site}/{rng.getrandbits(32):08x}?utm_source='
                      f'widget" rel="sponsored nofollow"><img src="'
                      f'{attr(thumb_url(page.site, rng))}" alt=""><strong>{esc(title)}</strong>'
                      f'<span>{esc(teaser)}</span><small>'
                      f"{esc(site)} | {esc(tag)}</small></a>")
    related_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = link_items(page.links("related", rng.randint(3, 4), "numeric_day"))
    comments_heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    form = "".join(f"<label>{esc(x)}</label>" for x in page.comment_form())
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = link_items(page.links("most_read", 5, "long_day"))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    banner = _consent(page) if consent != "none" else ""
    return head + "\n".join([
        '<body class="single native-ad">',
        banner if consent == "first" else "",
        f'<header><a class="logo" href="/"><img src="/logo.png" alt="{attr(page.label)}"></a>'
        f'<span class="today">{esc(today)}</span><nav><ul>{menu}</ul></nav></header>',
        f'<div class="ticker"><b>{esc(ticker_label)}</b><ul>{ticker}</ul></div>',
        f'<nav class="crumbs">{crumb_html}</nav>',
        '<div class="cols"><main><article class="post sponsored">',
        f'<div class="sponsor-bar">{label_html}{logo}</div>' if label_place == "top" else "",
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" ".join(meta_row)}</div>',
        f'<div class="share">{share}</div>',
        page.lead_figure(),
        disclosure_html if disclosure_place == "top" else "",
        text,
        signed,
        box if box_place == "end" else "",
        disclosure_html if disclosure_place == "end" else "",
        f'<div class="tags">{tags}</div>',
        _pixels(page),
        "</article>",
        f'<section class="partners-widget"><h3>{esc(widget_heading)}</h3>{"".join(widget)}'
        "</section>",
        f'<section class="related"><h3>{esc(related_heading)}</h3><ul>{related}</ul></section>',
        f'<section class="comments"><h3>{esc(comments_heading)}</h3><form>{form}</form></section>',
        "</main>",
        f'<aside class="side">{box if box_place == "side" else ""}<h3>{esc(most_heading)}</h3>'
        f"<ol>{most}</ol></aside>",
        "</div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        banner if consent == "last" else "",
        "</body>\n</html>\n",
    ])
