"""A housing-market story (عقارات / "سوق السكن") on a portal's property section, which is also
its classifieds board: the desk's story among the board's listings: each listing a card with
its own title ("شقة للبيع في حي X"), price, surface and rooms, a description in sentences
("شقة مشمسة في الطابق الثالث ..."), the day it was posted or its age, and the advertiser ("المعلن:
X"، "الوكيل العقاري: X": no author); the price-per-metre table of the districts with its "آخر
تحديث" day, the search form of the board, the loan calculator, a developer's banner, and a
JSON-LD ``ItemList`` of the listings with their ``datePosted`` days.

Body: the story's parts (now and then a lead sentence of its own, a quoted statement,
intertitles, a bulleted list after its lead-in: body), typed per section of a site
(``layout["text"]``): ``p``, ``<p>``s in ``div.article-text``; ``div``, ``<div class="para">``s
in it; ``td``, the board's old article template: a ``<table class="article-text">`` with one
row per part (``<td>``: a paragraph's text, ``<td class="sub"><b>`` an intertitle, a quote's
``<blockquote>`` or a list's ``<ul>`` in its cell), ads and the listings in rows of their own.
The dateline is a line above the text (``p.dateline``, or a ``td.dateline`` row) or the start of
its first paragraph ("<strong>city - source</strong> -").

Not body: the listings, placed per section (``layout["listings"]``): ``inside``, a carousel of
two or three cards between two parts of the text; ``after``, a grid after the text; ``side``,
a column in the sidebar; the price table (``table.price-index``, after the text, updated one to
ten days before the story), the search form before the ``<h1>``, the "أضف إعلانك مجانا" bar, the
loan calculator, the developer's banner (an ad), read-also lines between the parts, tags,
related stories, comments, the most read, the footer.

Bylines: "كتب: X", "تقرير: X", "بقلم: X", the bare name, or metadata only, before or after the
text; the advertisers are no authors. Head: the board's SEO title, og tags, the ``ItemList``;
on metadata-dated pages (and for metadata-only bylines) a JSON-LD ``NewsArticle`` and
``article:published_time``. Dates: metadata (second) or the meta row (minute or day); the
listings' days and the price table's are before the story and never between the title and the
text.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import attr, esc, inline, thumb_url
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE

NAME = "property_listings"
TRAITS = Traits(
    date_formats=("long_day", "numeric_day", "maghreb_time", "slash_ymd", "hijri_paired"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("kataba", "biqalam_colon", "bare", "meta_only"),
    byline_prefixes={"kataba": ("كتب: ", "تقرير: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.75, caption=0.6,
)

KINDS = ("شقة للبيع", "شقة للإيجار", "فيلا للبيع", "أرض سكنية للبيع", "محل تجاري للإيجار",
         "دوبلكس للبيع")
DISTRICTS = ("حي الياسمين", "حي النخيل", "حي الروضة", "الحي الجامعي", "حي السلام",
             "حي الزهور", "حي المنار", "ضاحية البحيرة")
DESCRIPTIONS = ("شقة مشمسة في الطابق الثالث، قريبة من المدارس والمواصلات العامة.",
                "تشطيب فاخر ومطبخ مجهز بالكامل، مع موقف خاص للسيارة.",
                "واجهة على شارعين وإطلالة مفتوحة، مناسبة للسكن العائلي.",
                "العقار خال من الرهون، والأوراق جاهزة للتسجيل فورا.",
                "قريب من المراكز التجارية، ويصلح للاستثمار أو السكن.",
                "حديقة خاصة ومسبح مشترك، مع حراسة على مدار الساعة.")
SPECS = ("{m} م²", "{r} غرف", "{b} حمام", "الطابق {f}")
CURRENCY = (("درهم", "MAD"), ("دينار", "JOD"), ("ريال", "SAR"), ("جنيه", "EGP"))
AGENT_FIRST = ("توفيق", "رغد", "زياد", "أسماء", "مأمون", "بشرى", "قيس")
AGENT_FAMILY = ("البدوي", "الطرابيشي", "بن حمو", "المطيري", "الحكيم", "الصالحي")
"""Advertisers and agents: a pool of its own, none an author."""
AGENCIES = ("مكتب الأمانة للعقارات", "عقارات المستقبل", "دار الإعمار للوساطة")
AGENT = ("المعلن: {name}", "الوكيل العقاري: {name}")
POSTED = "نشر في {day}"
SHOW_PHONE = ("عرض رقم الهاتف", "اتصل بالمعلن")
LISTINGS = ("عروض عقارية مختارة", "أحدث الإعلانات", "إعلانات قد تهمك")
INDEX = ("متوسط سعر المتر المربع", "أسعار العقار حسب الحي")
INDEX_COLUMNS = ("الحي", "سعر المتر", "التغير الشهري")
UPDATED = "آخر تحديث: {day}"
SEARCH = ("نوع العقار", "المدينة", "السعر من", "السعر إلى", "ابحث")
TOP_BAR = ("أضف إعلانك مجانا", "دخول", "حساب جديد")
CALCULATOR = ("حاسبة التمويل العقاري", "قيمة العقار", "الدفعة الأولى", "مدة القرض بالسنوات",
              "نسبة الفائدة", "احسب القسط الشهري")
DEVELOPER = ("مشروع {name}: شقق جاهزة للتسليم بأقساط على عشر سنوات",
             "{name}: احجز شقتك الآن بدفعة أولى ميسرة")
PROJECTS = ("أبراج الواحة", "مدينة الربيع", "مساكن الضفاف", "قرية النسيم")


def _listing(page: Page, base: datetime, currency: tuple[str, str]
             ) -> tuple[str, dict[str, Any]]:
    rng = page.rng
    kind, district = rng.choice(KINDS), rng.choice(DISTRICTS)
    title = f"{kind} في {district}"
    amount = rng.randint(8, 420) * 5000
    price = page.digits(f"{amount:,} {currency[0]}")
    metres, rooms = rng.randint(60, 320), rng.randint(1, 6)
    specs = [page.digits(SPECS[0].format(m=metres)), page.digits(SPECS[1].format(r=rooms)),
             page.digits(SPECS[2].format(b=rng.randint(1, 3))),
             page.digits(SPECS[3].format(f=rng.randint(1, 9)))]
    text = rng.choice(DESCRIPTIONS)
    posted_at = base - timedelta(days=rng.randint(1, 45), hours=rng.randint(0, 20))
    posted = (POSTED.format(day=dates.visible(posted_at, "long_day", page.article.site,
                                              page.eastern))
              if rng.random() < 0.6 else dates.relative(rng))
    who = (f"{rng.choice(AGENT_FIRST)} {rng.choice(AGENT_FAMILY)}" if rng.random() < 0.7
           else rng.choice(AGENCIES))
    agent = rng.choice(AGENT).format(name=who)
    phone = page.pick("listings", SHOW_PHONE)
    page.record("listings", [title, price, *specs, text, posted, agent])
    html = (f'<div class="listing"><a class="l-img" href="/ads/{rng.randint(10000, 99999)}">'
            f'<img src="{attr(thumb_url(page.site, rng))}" alt=""></a>'
            f'<h4 class="l-title">{esc(title)}</h4><span class="price">{esc(price)}</span>'
            '<ul class="specs">' + "".join(f"<li>{esc(s)}</li>" for s in specs) + "</ul>"
            f'<p class="desc">{esc(text)}</p><span class="posted">{esc(posted)}</span> '
            f'<span class="agent">{esc(agent)}</span> <button>{esc(phone)}</button></div>')
    item = {"@type": "RealEstateListing", "name": title, "description": text,
            "datePosted": posted_at.astimezone(dates.site_zone(page.article.site)).date()
            .isoformat(),
            "offers": {"@type": "Offer", "price": str(amount), "priceCurrency": currency[1]}}
    return html, item


def _listings(page: Page, base: datetime, place: str) -> tuple[str, dict[str, Any]]:
    rng = page.rng
    currency = page.stable("currency").choice(CURRENCY)
    count = rng.randint(2, 3) if place == "inside" else rng.randint(3, 5)
    cards, items = [], []
    for _ in range(count):
        html, item = _listing(page, base, currency)
        cards.append(html)
        items.append(item)
    heading = page.pick("listings", LISTINGS)
    css = {"inside": "listings carousel", "after": "listings grid", "side": "listings column"}
    ld = {"@context": "https://schema.org", "@type": "ItemList",
          "itemListElement": [{"@type": "ListItem", "position": k + 1, "item": item}
                              for k, item in enumerate(items)]}
    return (f'<section class="{css[place]}"><h3>{esc(heading)}</h3>{"".join(cards)}</section>',
            ld)


def _index(page: Page, base: datetime) -> str:
    rng = page.rng
    heading = page.pick("price_index", INDEX)
    columns = page.record("price_index", list(INDEX_COLUMNS))
    rows = []
    for district in rng.sample(DISTRICTS, rng.randint(3, 5)):
        price = page.digits(f"{rng.randint(40, 260) * 100:,}")
        change = page.digits(f"{rng.choice('+-')}{rng.uniform(0.1, 4.5):.1f}%")
        cells = page.record("price_index", [district, price, change])
        rows.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>")
    updated = page.record("price_index", [UPDATED.format(day=dates.visible(
        base - timedelta(days=rng.randint(1, 10)), "long_day", page.article.site,
        page.eastern))])[0]
    return (f'<section class="prices"><h3>{esc(heading)}</h3><table class="price-index"><thead>'
            "<tr>" + "".join(f"<th>{esc(c)}</th>" for c in columns) + "</tr></thead><tbody>"
            + "".join(rows) + f'</tbody></table><p class="updated">{esc(updated)}</p></section>')


def _text(page: Page, parts: list[Part], style: str, blocks: list[str]) -> str:
    rng = page.rng
    lead = page.dateline if page.dateline and page.dateline.position == "body_lead" else None
    cells: list[tuple[str, str]] = []  # (inner html, kind)
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            cells.append((f"<b>{esc(text)}</b>" if style == "td" else f"<h3>{esc(text)}</h3>",
                          "subhead"))
        elif part.kind == "quote":
            cells.append((f"<blockquote>{esc(text)}</blockquote>", "quote"))
        elif part.kind == "list":
            cells.append(("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>",
                          "list"))
        else:
            run = inline(text, rng, 0.2)
            if i == 0 and lead:
                run = f"<strong>{esc(lead.text)}</strong> - {run}"
            following = parts[i + 1].kind if i + 1 < len(parts) else ""
            cells.append((run, "lead-in" if following == "list" else "p"))
    for block in blocks:
        spots = [k for k in range(1, len(cells)) if cells[k - 1][1] != "lead-in"]
        cells.insert(rng.choice(spots) if spots else len(cells), (block, "block"))
    dateline = page.dateline.text if page.dateline and page.dateline.position == "line" else ""
    if style == "td":
        rows = [f'<tr><td class="dateline">{esc(dateline)}</td></tr>'] if dateline else []
        for inner, kind in cells:
            css = {"subhead": ' class="sub"', "block": ' class="extra"'}.get(kind, "")
            rows.append(f"<tr><td{css}>{inner}</td></tr>")
        return ('<table class="article-text" width="100%" cellpadding="4"><tbody>\n'
                + "\n".join(rows) + "\n</tbody></table>")
    out = [f'<p class="dateline">{esc(dateline)}</p>'] if dateline else []
    for inner, kind in cells:
        if kind in ("p", "lead-in"):
            out.append(f"<p>{inner}</p>" if style == "p" else f'<div class="para">{inner}</div>')
        else:
            out.append(inner)
    return '<div class="article-text">\n' + "\n".join(out) + "\n</div>"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    place = page.stable(f"listings:{page.section}").choice(("inside", "after", "side"))
    style = page.stable(f"text:{page.section}").choice(("p", "div", "td"))
    page.layout.update(listings=place, text=style)
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    listings, listing_ld = _listings(page, base, place)
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(a.title)} - أسعار العقارات اليوم | {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + meta.ld_script(listing_ld)
            + (meta.ld_script(meta.news_article(page))
               if page.date.where == "metadata" or b.in_metadata else "")
            + "</head>\n")
    top_bar = page.record("board", list(TOP_BAR))
    today = page.today_line("maghreb_day")
    menu = "".join(f'<td><a href="/s/{i}">{esc(m)}</a></td>'
                   for i, m in enumerate(page.menu(5, 8)))
    search = page.record("search", list(SEARCH))
    crumbs = " › ".join(esc(c) for c in page.breadcrumbs())
    row = []
    if b.visible and b.position == "before":
        row.append(f'<span class="writer">{esc(b.prefix)}{page.linked_names("/writers/")}</span>')
    if page.date.visible:
        row.append(page.date_span())
    parts = body.shape(page, lead=0.2, quote=0.15, subheads=0.25, bullets=0.25)
    blocks = []
    for link in page.links("read_also", rng.randint(1, 2)):
        label = page.pick("read_also", furniture.READ_ALSO)
        blocks.append(f'<p class="read-also">{esc(label)} <a href="{attr(link.url)}">'
                      f"{esc(link.title)}</a></p>")
    developer = page.record("ad", [rng.choice(DEVELOPER).format(name=rng.choice(PROJECTS))])[0]
    ad_label = page.pick("ad", furniture.AD_LABELS)
    banner = (f'<div class="ad developer"><small>{esc(ad_label)}</small> '
              f'<a href="/ads/project">{esc(developer)}</a></div>')
    blocks.append(banner)
    if place == "inside":
        blocks.append(listings)
    story = _text(page, parts, style, blocks)
    signed = (f'<p class="writer-end">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    calculator = page.record("calculator", list(CALCULATOR))
    main, side, foot = chrome.after(page, "numeric_day")
    return head + "\n".join([
        '<body class="property">',
        f'<div class="board-bar"><a class="post-ad" href="/ads/new">{esc(top_bar[0])}</a> '
        f'<a href="/login">{esc(top_bar[1])}</a> <a href="/register">{esc(top_bar[2])}</a> '
        f'<span class="today">{esc(today)}</span></div>',
        f'<table class="masthead" width="100%"><tbody><tr><td class="logo"><a href="/">'
        f'<img src="/img/logo.gif" alt="{attr(page.label)}"></a></td>{menu}</tr></tbody>'
        "</table>",
        f'<form class="search"><label>{esc(search[0])}</label><select></select>'
        f"<label>{esc(search[1])}</label><select></select><label>{esc(search[2])}</label>"
        f"<input><label>{esc(search[3])}</label><input><button>{esc(search[4])}</button>"
        "</form>",
        f'<div class="crumbs">{crumbs}</div>',
        '<div class="cols"><div class="main-col">',
        '<div class="news-item">',
        f'<h1 class="news-title">{esc(page.headline)}</h1>',
        f'<div class="news-meta">{" - ".join(row)}</div>' if row else "",
        page.lead_figure(),
        story,
        signed,
        chrome.share(page),
        "</div>",
        listings if place == "after" else "",
        _index(page, base),
        f'<form class="calculator"><h3>{esc(calculator[0])}</h3>'
        + "".join(f"<label>{esc(x)}</label><input>" for x in calculator[1:5])
        + f"<button>{esc(calculator[5])}</button></form>",
        main,
        "</div>",
        '<div class="side-col">',
        listings if place == "side" else "",
        side,
        "</div></div>",
        foot,
    ])
