"""A subscriber-only or registration-wall article: the first paragraphs shown, the rest of the
text still in the HTML but faded out or hidden behind a subscription prompt.

The whole text the page carries is body, whether a reader sees it or not: the locked
paragraphs are in the markup (for search engines and for subscribers, whom a script lets
through), so ``expected["paragraphs"]`` is every paragraph, the locked ones too. The prompt,
the plans and the counters are not body. Each section of a site walls its articles one way
(``layout["wall"]``):
*fade*: the first one or two parts, then ``<div class="paywall-locked" aria-hidden="true">``
(inline style max-height and overflow hidden) with the rest, a gradient ``<div>``, then the
prompt box;
*split*: the first parts, the prompt box *between* them and the rest, then the rest in
``<div class="article-rest is-locked" hidden>``;
*register*: as split, the prompt a registration form ("سجل مجانا لمتابعة القراءة", the e-mail
field, "متابعة باستخدام جوجل");
*meter*: the whole text shown, a metering banner under the title ("تبقى لك 2 من 5 مقالات
مجانية هذا الشهر") and a subscription bar after the text.
An article of one paragraph is always metered. ``layout["shown"]`` is the number of body
paragraphs before the wall.

Head: og tags; on every page a JSON-LD ``NewsArticle`` with ``isAccessibleForFree`` false and
a ``hasPart`` naming the locked element's CSS class (its ``datePublished`` only on
metadata-dated pages), ``<meta name="author">`` when the page names an author;
``article:published_time`` on metadata-dated pages. Text-dated and
undated pages carry no machine date.
Page: the header (today's date: render time; logo; "اشترك الآن" and "تسجيل الدخول"; the
menu), breadcrumbs; the premium badge ("حصري للمشتركين") above the ``<h1>``; the meta row (the
byline when it goes before, the date on dated pages, the reading time "6 دقائق للقراءة");
share buttons; the lead image with its caption. Body (``div.article-body``): paragraphs,
intertitles, a quoted statement (body); the dateline a line of its own above the text or the
bold start of the first paragraph ("الرباط - المغرب اليوم:" then the text: the paragraph after
it is body).
After: the subscription bar of metered pages, the byline line when it goes after ("بقلم: X"
with the writer's bio: not body), tags, the plans box ("اختر باقتك": plan names, prices,
features), other subscriber articles with dates, most read, the footer, an inline script with
the wall's settings.
Dates: metadata (second) or the meta row (minute or day); undated pages show the lists'
dates and the header's day only.
"""

from __future__ import annotations

from crawler.simulator.markup import body, furniture, meta
from crawler.simulator.markup.kit import attr, esc, inline, script_json
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.text import eastern_digits, slugify

NAME = "paywall_article"
TRAITS = Traits(
    date_formats=("weekday_comma_ampm", "numeric_ampm", "day_at_time", "long_day", "iso_day"),
    date_where=(0.5, 0.3, 0.2), meta_styles=("site", "utc_z", "utc"),
    visible_with_meta=0.7, eastern_digits=0.05,
    byline_forms=("biqalam_colon", "bare", "kataba", "meta_only"),
    byline_positions=("before", "before", "after"),
    two_authors=0.1,
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.9, caption=0.6,
)

BADGES = ("حصري للمشتركين", "محتوى مميز", "بريميوم", "للمشتركين فقط")
HEADER_ACTIONS = ("اشترك الآن", "تسجيل الدخول")
PROMPTS = (("هذا المقال متاح للمشتركين فقط",
            "اشترك الآن لتحصل على وصول غير محدود إلى جميع مقالات {label}",
            "اشترك الآن", "لديك حساب بالفعل؟ تسجيل الدخول"),
           ("أكمل قراءة هذا المقال",
            "انضم إلى قرائنا المشتركين واقرأ التحليلات والتقارير الحصرية دون حدود",
            "ابدأ اشتراكك", "مشترك بالفعل؟ سجل دخولك"))
PRICES = ("{n}.99 دولار شهريا", "الشهر الأول مجانا ثم {n} دولارات شهريا",
          "{n}0 درهما في الشهر")
REGISTER = ("سجل مجانا لمتابعة القراءة", "أدخل بريدك الإلكتروني", "متابعة",
            "متابعة باستخدام جوجل", "التسجيل مجاني ولا يتطلب بطاقة بنكية")
METER = ("تبقى لك {left} من {total} مقالات مجانية هذا الشهر",
         "قرأت {used} من {total} مقالات مجانية هذا الشهر")
METER_BAR = ("لا تفوت أي مقال: اشترك الآن بسعر مخفض", "اشترك واحصل على قراءة غير محدودة")
PLANS_HEADINGS = ("اختر باقتك", "باقات الاشتراك")
PLANS = (("الباقة الشهرية", "الباقة السنوية", "باقة الطلاب"),
         ("رقمي", "رقمي + النسخة الورقية", "المؤسسات"))
FEATURES = ("وصول غير محدود إلى جميع المقالات", "نشرة يومية حصرية في بريدك",
            "تصفح بدون إعلانات", "أرشيف الصحيفة الكامل", "تطبيق الهاتف بمزايا إضافية",
            "إلغاء الاشتراك في أي وقت")
EXCLUSIVE_HEADINGS = ("مقالات حصرية أخرى", "المزيد للمشتركين", "اخترنا لك من المحتوى المميز")
LOCK = ("للمشتركين", "مقال مميز")


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _parts_html(page: Page, parts: list[body.Part], first: bool) -> list[str]:
    rng = page.rng
    out = []
    for i, part in enumerate(parts):
        if part.kind == "subhead":
            out.append(f"<h2>{esc(part.texts[0])}</h2>")
        elif part.kind == "quote":
            out.append(f"<blockquote><p>{esc(part.texts[0])}</p></blockquote>")
        elif part.kind == "list":
            out.append("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>")
        elif first and i == 0 and page.dateline and page.dateline.position == "body_lead":
            out.append(f"<p><strong>{esc(page.dateline.text)}:</strong> "
                       f"{inline(part.texts[0], rng, 0.2)}</p>")
        else:
            out.append(f"<p>{inline(part.texts[0], rng, 0.2)}</p>")
    return out


def _prompt(page: Page) -> str:
    prompt = page.stable("prompt").choice(PROMPTS)
    lines = page.record("paywall", [prompt[0], prompt[1].format(label=page.label), prompt[2],
                                    prompt[3]])
    price = page.record("paywall", [_digits(page, page.stable("price").choice(PRICES).format(
        n=page.stable("price-n").randint(2, 9)))])[0]
    return (f'<div class="paywall-prompt"><h3>{esc(lines[0])}</h3><p>{esc(lines[1])}</p><p '
            f'class="price">{esc(price)}</p><a class="btn" href="/subscribe">{esc(lines[2])}</a>'
            f'<p class="login"><a href="/login">{esc(lines[3])}</a></p></div>')


def _register(page: Page) -> str:
    lines = page.record("paywall", list(REGISTER))
    return (f'<div class="paywall-prompt register"><h3>{esc(lines[0])}</h3><form '
            f'action="/register"><label>{esc(lines[1])}</label><input type="email"><button>'
            f'{esc(lines[2])}</button></form><a class="google" href="/auth/google">{esc(lines[3])}'
            f'</a><p class="small">{esc(lines[4])}</p></div>')


def _article_body(page: Page, wall: str) -> str:
    rng = page.rng
    parts = body.shape(page, lead=0.3, subheads=0.25, quote=0.1)
    shown = 0
    if wall != "meter":
        shown = min(rng.choice((1, 1, 2)), len(parts) - 1)
        while shown < len(parts) - 1 and parts[shown - 1].kind == "subhead":
            shown += 1  # an intertitle stays with the paragraph after it
    page.layout["shown"] = str(sum(len(p.texts) for p in parts[:shown]) if shown
                               else len(page.paragraphs))
    line = ""
    if page.dateline and page.dateline.position != "body_lead":
        line = f'<p class="dateline">{esc(page.dateline.text)}</p>\n'
    if wall == "meter":
        return ('<div class="article-body">\n' + line
                + "\n".join(_parts_html(page, parts, True)) + "\n</div>")
    before = "\n".join(_parts_html(page, parts[:shown], True))
    rest = "\n".join(_parts_html(page, parts[shown:], False))
    if wall == "fade":
        return (f'<div class="article-body">\n{line}{before}\n<div class="paywall-locked" '
                f'aria-hidden="true" style="max-height:140px;overflow:hidden">\n{rest}\n</div>'
                f'<div class="paywall-fade"></div>\n{_prompt(page)}\n</div>')
    prompt = _register(page) if wall == "register" else _prompt(page)
    return (f'<div class="article-body">\n{line}{before}\n{prompt}\n<div class="article-rest '
            f'is-locked" hidden>\n{rest}\n</div>\n</div>')


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    wall = page.stable(f"wall:{page.section}").choice(("fade", "split", "register", "meter"))
    if len(a.paragraphs) < 2:
        wall = "meter"
    page.layout["wall"] = wall
    data = meta.news_article(page, description=meta.description(page),
                             isAccessibleForFree="False",
                             hasPart={"@type": "WebPageElement", "isAccessibleForFree": "False",
                                      "cssSelector": ".paywall-locked" if wall == "fade"
                                      else ".article-rest"})
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(page.headline)} | {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + meta.ld_script(data)
            + '<link rel="stylesheet" href="/assets/app.css">\n</head>\n')
    today = page.today_line("weekday_comma_day")
    actions = page.record("account", list(HEADER_ACTIONS))
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    crumbs = "".join(f'<li><a href="/c/{i}">{esc(c)}</a></li>'
                     for i, c in enumerate(page.breadcrumbs()))
    badge = page.pick("label", BADGES)
    meta_row = []
    if b.visible and b.position == "before":
        names = page.linked_names()
        meta_row.append(f'<span class="by">{esc(b.prefix)}{names}</span>')
    if page.date.visible:
        meta_row.append(f'<span class="date">{esc(page.date.visible)}</span>')
    words = sum(len(p.split()) for p in a.paragraphs)
    reading = page.record("views", [_digits(page, furniture.reading_time(words))])[0]
    meta_row.append(f'<span class="read">{esc(reading)}</span>')
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    figure = ""
    if page.image:
        cap = (f"<figcaption>{esc(page.image.caption)}</figcaption>"
               if page.image.caption else "")
        figure = (f'<figure class="hero"><img src="{attr(page.image.url)}" alt="">{cap}'
                  "</figure>")
    banner = bar = ""
    if wall == "meter":
        total = page.stable("meter").choice((3, 5, 10))
        used = rng.randint(1, total - 1)
        text = page.record("paywall", [_digits(page, page.stable("meter-form").choice(
            METER).format(left=total - used, used=used, total=total))])[0]
        banner = f'<div class="meter-banner"><p>{esc(text)}</p></div>'
        bar_text = page.pick("paywall", METER_BAR)
        cta = page.pick("paywall", ("اشترك الآن", "اشترك"))
        bar = (f'<div class="subscribe-bar"><p>{esc(bar_text)}</p><a href="/subscribe">'
               f"{esc(cta)}</a></div>")
    text_html = _article_body(page, wall)
    after = ""
    if b.visible and b.position == "after":
        bio = page.author_bio(b.names[0])
        after = (f'<div class="author-end"><p class="by">{esc(b.text())}</p><p class="bio">'
                 f"{esc(bio)}</p></div>")
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    plans_heading = page.pick("plans", PLANS_HEADINGS)
    plans = []
    for name in page.stable("plans").choice(PLANS):
        price = _digits(page, f"{rng.randint(3, 120)} دولار")
        features = rng.sample(FEATURES, 3)
        page.record("plans", [name, price, *features])
        plans.append(f'<div class="plan"><h4>{esc(name)}</h4><p class="p">{esc(price)}</p><ul>'
                     + "".join(f"<li>{esc(f)}</li>" for f in features) + "</ul></div>")
    exclusive_heading = page.pick("related", EXCLUSIVE_HEADINGS)
    lock = page.pick("related", LOCK)
    exclusive = "".join(f'<li><span class="lock">{esc(lock)}</span> <a href="{attr(link.url)}">'
                        f'{esc(link.title)}</a> <span>{esc(link.date or "")}</span></li>'
                        for link in page.links("related", rng.randint(3, 5), "long_day"))
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a><span>'
                   f'{esc(link.date or "")}</span></li>'
                   for link in page.links("most_read", 5, "numeric_day"))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="article premium">',
        f'<header><span class="today">{esc(today)}</span><a class="logo" href="/"><img '
        f'src="/assets/logo.svg" alt="{attr(page.label)}"></a><div class="account"><a '
        f'class="subscribe" href="/subscribe">{esc(actions[0])}</a><a href="/login">'
        f"{esc(actions[1])}</a></div><nav><ul>{menu}</ul></nav></header>",
        f'<ol class="crumbs">{crumbs}</ol>',
        '<main><article class="story">',
        f'<span class="premium-badge">{esc(badge)}</span>',
        f'<h1 class="headline">{esc(page.headline)}</h1>',
        f'<div class="meta">{" ".join(meta_row)}</div>',
        f'<div class="share">{share}</div>',
        banner,
        figure,
        text_html,
        bar,
        after,
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="plans"><h3>{esc(plans_heading)}</h3>{"".join(plans)}</section>',
        f'<section class="exclusive"><h3>{esc(exclusive_heading)}</h3><ul>{exclusive}</ul>'
        "</section>",
        "</main>",
        f'<aside><h3>{esc(most_heading)}</h3><ol>{most}</ol></aside>',
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        f"<script>window.__paywall = {script_json({'wall': wall, 'locked': wall != 'meter'})};"
        "</script>",
        "</body>\n</html>\n",
    ])
