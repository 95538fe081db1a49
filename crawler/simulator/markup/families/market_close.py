"""A stock-market close report (ختام التداول) of a portal's markets section: the desk's story of
the session under a running ticker of share prices, a session bar with the trading day and the
closing time above the title, a session summary of index figures, the top gainers and losers,
an analyst's comment and the disclaimer: figures, times and days everywhere, sentences too.

Body (``div.market-story``): the story's paragraphs (now and then a lead sentence of its own, a
bulleted list of the session's points with its lead-in, intertitles: body); the dateline a line
of its own above them or the bold start of the first one ("دبي - صوت الإمارات:", the text after
it is body). Not body: the ticker strip at the top (``div.stock-ticker``: "مصرف الواحة 27.85
▲ 0.54%" items, the indices "المؤشر العام 11,842.37 ▼ 0.42%"); the session bar above the
``<h1>`` ("جلسة الأربعاء 20 نوفمبر 2024": the trading day, the publication's own day or the day
before for reports published before ten in the morning (``layout["session"]``: ``same_day`` or
``previous``), "الإغلاق: 15:00", "الأسعار متأخرة 15 دقيقة", "تم التحديث منذ 12 دقيقة": a
relative age, never a date); the session summary (``section.session-summary`` "ملخص الجلسة": a
``table.indices`` of index, close, change, percentage; "قيمة التداول: 6.2 مليار", "عدد الصفقات:
412,330", "الأسهم المرتفعة: 112" ...); the gainers and losers tables; the analyst's box
(``aside.analyst`` "رأي المحلل": a name, a role "محلل مالي في شركة ...", and a sentence in «»:
someone else's words about the market, prose, not body; the analyst is no author); the
disclaimer ("المعلومات الواردة لأغراض إعلامية ولا تعد توصية ...": prose); the currencies
widget.
Each section of a site places the session summary one way (``layout["summary"]``):
``after_lead``, inside the story container after the first body part, or ``side``, in the
sidebar after the article; the analyst's box follows the text or closes the sidebar
(``layout["analyst"]``: ``after`` or ``side``).

Bylines: "رصد: X" (the writer who compiled the report: an author), "تحليل: X", "كتب: X", the
bare name or metadata only, in the meta row under the ``<h1>`` or after the text.

Head: og tags; on metadata-dated pages (and for metadata-only bylines) a JSON-LD
``NewsArticle`` and ``article:published_time``; on every page an inline script with the
ticker's quotes (``window.__QUOTES__``: symbols, prices and ``quoteTime`` the last quote's
instant as ISO: a machine-readable time that is not the publication's). Text-dated and undated
pages carry no machine publication date.
Page: the ticker; the header (logo, markets menu, today's date: render time); breadcrumbs
("أسواق المال" / "البورصة"); the session bar; the ``<h1>``; the meta row (byline when before,
the date on dated pages with its label); share buttons; the lead image and caption.
After the text: the byline when it goes after, the gainers and losers, the analyst (``after``),
the disclaimer, tags, other market reports with their dates, the footer.
Dates: metadata (second) or the meta row (minute or day); undated pages show the session's day
and closing time above the title, the lists' dates and the header's day, never between the
title and the text.
"""

from __future__ import annotations

from datetime import timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc, script_json
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import eastern_digits, slugify

NAME = "market_close"
TRAITS = Traits(
    date_formats=("numeric_time", "weekday_time", "time_first", "numeric_ampm", "wp_day"),
    date_where=(0.45, 0.3, 0.25), meta_styles=("site", "utc_z", "utc"),
    visible_with_meta=0.7, eastern_digits=0.2,
    byline_forms=("kataba", "kataba", "bare", "meta_only"),
    byline_prefixes={"kataba": ("رصد: ", "تحليل: ", "كتب: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted", "omitted"),
    display_title=0.5, image=0.6, caption=0.5,
)

COMPANIES = ("مصرف الواحة", "الأسمنت الوطنية", "اتصالات الخليج", "المطاحن الكبرى",
             "الشركة العربية للتأمين", "موانئ الشرق", "الصناعات الدوائية المتحدة",
             "العقارية الحديثة", "بنك الاستثمار الأول", "طاقة الجنوب", "مجموعة الأغذية",
             "النقل البحري العربي", "الفنادق الذهبية", "حديد الساحل")
"""Listed companies (invented for this generator)."""
INDICES = ("المؤشر العام", "مؤشر الأسهم الكبرى", "مؤشر السوق الموازية", "مؤشر القطاع المصرفي",
           "مؤشر العقار")
CRUMBS = ("أسواق المال", "البورصة", "أسهم")
SESSION = ("جلسة {day}", "ختام تعاملات {day}")
CLOSE = ("الإغلاق: {time}", "أغلقت السوق الساعة {time}")
DELAYED = ("الأسعار متأخرة 15 دقيقة", "البيانات متأخرة 20 دقيقة")
SUMMARY_HEADINGS = ("ملخص الجلسة", "أداء السوق اليوم")
INDEX_COLUMNS = ("المؤشر", "الإغلاق", "التغير", "التغير %")
STATS = ("قيمة التداول: {value} مليار", "عدد الصفقات: {deals}", "الأسهم المرتفعة: {up}",
         "الأسهم المنخفضة: {down}", "دون تغيير: {flat}")
GAINERS = ("الأكثر ارتفاعا", "الرابحون")
LOSERS = ("الأكثر انخفاضا", "الخاسرون")
MOVER_COLUMNS = ("الشركة", "السعر", "التغير %")
ANALYST_HEADINGS = ("رأي المحلل", "قراءة في الجلسة")
ANALYST_FIRST = ("ماهر", "غادة", "عصام", "رولا", "هشام", "لمياء", "ثامر", "ندى")
ANALYST_FAMILY = ("السويدي", "قباني", "المهيري", "الحكيم", "الرفاعي", "عيسى")
"""Analysts: a pool of names of their own (no author)."""
ANALYST_ROLES = ("محلل مالي في شركة الأفق للوساطة", "مدير الأبحاث في بيت الاستثمار العربي",
                 "خبير أسواق المال")
ANALYST_LINES = ("«نتوقع أن تستمر عمليات جني الأرباح خلال الجلسات المقبلة قبل أن يستعيد "
                 "المؤشر توازنه»",
                 "«السيولة ما زالت قوية، والتراجع الحالي صحي بعد موجة الصعود الأخيرة»",
                 "«المستثمرون يترقبون نتائج الربع الرابع، ولهذا نرى حذرا واضحا في التداولات»",
                 "«أسهم البنوك ستقود السوق في الفترة المقبلة بدعم من أسعار الفائدة»")
DISCLAIMERS = ("المعلومات الواردة لأغراض إعلامية ولا تعد توصية بالشراء أو البيع أو الاحتفاظ "
               "بأي ورقة مالية.",
               "لا يتحمل الموقع أي مسؤولية عن قرارات استثمارية تتخذ بناء على هذه البيانات.")
CURRENCY_HEADINGS = ("أسعار العملات", "العملات مقابل العملة المحلية")
OTHER_HEADINGS = ("تقارير الأسواق", "المزيد من أخبار البورصة")
MARKET_MENU = ("الأسهم", "السلع", "العملات", "صناديق الاستثمار", "النفط", "الذهب",
               "الاكتتابات", "العملات الرقمية", "اقتصاد عربي", "شركات")


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _quote(page: Page, name: str) -> tuple[str, str, str]:
    """(price, arrow and change, the whole ticker string)."""
    rng = page.rng
    price = rng.uniform(1.5, 180)
    change = rng.uniform(-6, 6)
    arrow = "▲" if change >= 0 else "▼"
    shown = _digits(page, f"{price:.2f}")
    move = _digits(page, f"{arrow} {abs(change):.2f}%")
    return shown, move, f"{name} {shown} {move}"


def _summary(page: Page) -> str:
    rng = page.rng
    heading = page.pick("summary", SUMMARY_HEADINGS)
    page.record("summary", list(INDEX_COLUMNS))
    rows = []
    for name in rng.sample(INDICES, rng.randint(2, 4)):
        close = rng.uniform(900, 13000)
        change = rng.uniform(-2.5, 2.5) * close / 100
        cells = [_digits(page, f"{close:,.2f}"), _digits(page, f"{change:+.2f}"),
                 _digits(page, f"{100 * change / close:+.2f}%")]
        page.record("summary", [name, *cells])
        rows.append(f"<tr><td>{esc(name)}</td>" + "".join(f"<td>{esc(c)}</td>" for c in cells)
                    + "</tr>")
    stats = page.record("summary", [_digits(page, s.format(
        value=f"{rng.uniform(0.4, 9):.1f}", deals=f"{rng.randint(20, 600) * 1000 + 330:,}",
        up=rng.randint(10, 140), down=rng.randint(10, 140), flat=rng.randint(3, 40)))
        for s in STATS])
    return (f'<section class="session-summary"><h3>{esc(heading)}</h3><table class="indices">'
            "<thead><tr>" + "".join(f"<th>{esc(c)}</th>" for c in INDEX_COLUMNS)
            + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table><ul>"
            + "".join(f"<li>{esc(s)}</li>" for s in stats) + "</ul></section>")


def _movers(page: Page, heading: str, names: list[str], up: bool) -> str:
    rng = page.rng
    page.record("movers", list(MOVER_COLUMNS))
    rows = []
    for name in names:
        cells = [_digits(page, f"{rng.uniform(1.5, 180):.2f}"),
                 _digits(page, f"{'+' if up else '-'}{rng.uniform(1, 10):.2f}%")]
        page.record("movers", [name, *cells])
        rows.append(f"<tr><td>{esc(name)}</td>" + "".join(f"<td>{esc(c)}</td>" for c in cells)
                    + "</tr>")
    return (f'<div class="movers"><h4>{esc(heading)}</h4><table><thead><tr>'
            + "".join(f"<th>{esc(c)}</th>" for c in MOVER_COLUMNS) + "</tr></thead><tbody>"
            + "".join(rows) + "</tbody></table></div>")


def _story(page: Page, summary: str | None) -> str:
    parts = body.shape(page, lead=0.25, bullets=0.3, subheads=0.2)
    html = body.parts_html(page, parts, lead_tag="strong")
    if summary is not None:
        html.insert(1, summary)
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    return '<div class="market-story">\n' + "\n".join(html) + "\n</div>"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    summary_place = page.stable(f"summary:{page.section}").choice(("after_lead", "side"))
    analyst_place = page.stable(f"analyst:{page.section}").choice(("after", "side"))
    page.layout["summary"], page.layout["analyst"] = summary_place, analyst_place
    zone = dates.site_zone(a.site)
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    local = base.astimezone(zone)
    same_day = local.hour >= 10
    session = local if same_day else local - timedelta(days=1)
    page.layout["session"] = "same_day" if same_day else "previous"
    closing = session.replace(hour=rng.choice((13, 14, 15)), minute=rng.choice((0, 15, 20, 30)),
                              second=0, microsecond=0)
    tickers = []
    quotes = []
    for name in rng.sample(COMPANIES, rng.randint(7, 11)):
        price, move, whole = _quote(page, name)
        tickers.append(whole)
        quotes.append({"name": name, "price": price, "change": move})
    for name in rng.sample(INDICES, 2):
        value = _digits(page, f"{rng.uniform(900, 13000):,.2f}")
        change = rng.uniform(-2, 2)
        tickers.append(_digits(page, f"{name} {value} {'▲' if change >= 0 else '▼'} "
                                     f"{abs(change):.2f}%"))
    page.record("ticker", tickers)
    feed = {"quotes": quotes, "quoteTime": closing.isoformat(timespec="seconds")}
    session_line = page.record("session", [
        page.stable("session").choice(SESSION).format(
            day=dates.visible(session, "weekday_day", a.site, page.eastern)),
        _digits(page, page.stable("close").choice(CLOSE).format(time=f"{closing:%H:%M}")),
        page.stable("delayed").choice(DELAYED)])
    age = page.record("age", [dates.relative(rng)])[0]
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} | {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page)
            + (meta.ld_script(meta.news_article(page))
               if page.date.where == "metadata" or b.in_metadata else "")
            + f"<script>window.__QUOTES__ = {script_json(feed)};</script>\n"
            + '<link rel="stylesheet" href="/markets/app.css">\n</head>\n')
    today = page.today_line("weekday_day")
    menu_items = page.record("menu", [page.stable("home").choice(furniture.HOME),
                                      *page.stable("menu").sample(MARKET_MENU, 7)])
    menu = "".join(f'<li><a href="/m/{i}">{esc(m)}</a></li>' for i, m in enumerate(menu_items))
    crumbs = [*page.breadcrumbs(), page.pick("breadcrumbs", CRUMBS)]
    crumb_html = " › ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(crumbs))
    meta_row = []
    if b.visible and b.position == "before":
        names = page.linked_names()
        meta_row.append(f'<span class="by">{esc(b.prefix)}{names}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    figure = page.lead_figure()
    summary = _summary(page)
    story = _story(page, summary if summary_place == "after_lead" else None)
    signed = ""
    if b.visible and b.position == "after":
        signed = f'<p class="signed">{esc(b.text())}</p>'
    movers_names = rng.sample(COMPANIES, 6)
    gainers = _movers(page, page.pick("movers", GAINERS), movers_names[:3], True)
    losers = _movers(page, page.pick("movers", LOSERS), movers_names[3:], False)
    analyst_heading = page.pick("analyst", ANALYST_HEADINGS)
    analyst = f"{rng.choice(ANALYST_FIRST)} {rng.choice(ANALYST_FAMILY)}"
    role = rng.choice(ANALYST_ROLES)
    line = rng.choice(ANALYST_LINES)
    page.record("analyst", [analyst, role, line])
    analyst_box = (f'<aside class="analyst"><h4>{esc(analyst_heading)}</h4><p class="who">'
                   f'<b>{esc(analyst)}</b> <span>{esc(role)}</span></p><p class="said">'
                   f"{esc(line)}</p></aside>")
    disclaimer = page.pick("disclaimer", DISCLAIMERS)
    currency_heading = page.pick("widgets", CURRENCY_HEADINGS)
    currencies = page.record("widgets", [_digits(page, c) for c in furniture.currencies(rng)])
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    other_heading = page.pick("related", OTHER_HEADINGS)
    others = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> <span>'
                     f'{esc(link.date or "")}</span></li>'
                     for link in page.links("related", rng.randint(3, 5), "numeric_time"))
    footer = page.footer()
    side = ('<aside class="side">' + (summary if summary_place == "side" else "")
            + (analyst_box if analyst_place == "side" else "")
            + f'<div class="fx"><h4>{esc(currency_heading)}</h4><ul>'
            + "".join(f"<li>{esc(c)}</li>" for c in currencies) + "</ul></div></aside>")
    return head + "\n".join([
        '<body class="markets">',
        '<div class="stock-ticker"><ul>' + "".join(f"<li>{esc(t)}</li>" for t in tickers)
        + "</ul></div>",
        f'<header><a class="logo" href="/"><img src="/logo.svg" alt="{attr(page.label)}"></a>'
        f'<span class="today">{esc(today)}</span><nav><ul>{menu}</ul></nav></header>',
        f'<nav class="crumbs">{crumb_html}</nav>',
        '<div class="page"><main><article class="market-report">',
        f'<div class="session-bar"><span class="day">{esc(session_line[0])}</span> <span '
        f'class="close">{esc(session_line[1])}</span> <span class="delay">{esc(session_line[2])}'
        f'</span> <span class="age">{esc(age)}</span></div>',
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else "",
        f'<div class="share">{share}</div>',
        figure,
        story,
        signed,
        f'<section class="movers-box">{gainers}{losers}</section>',
        analyst_box if analyst_place == "after" else "",
        f'<p class="disclaimer">{esc(disclaimer)}</p>',
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="more"><h3>{esc(other_heading)}</h3><ul>{others}</ul></section>',
        "</main>",
        side,
        "</div>",
        f'<footer><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
