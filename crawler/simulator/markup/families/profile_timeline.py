"""A profile page (بروفايل / "من هو...؟") or an obituary (رحيل) of a person in the news: the
story in running text, a facts box about the person (born, education, posts) and a timeline
of dated moments of the person's life: dates all over the page that are not the article's.

The person (``layout["mode"]``: ``profile`` or ``obituary``) is no author, and nothing about the
person is body: the kicker above the ``<h1>`` ("من هو سمير الإدريسي؟" and the person's role on
profiles, "رحيل سمير الإدريسي" and the life span "(1948 - 2024)" on obituaries); the facts box
(``<table class="facts">`` under "بطاقة تعريفية": the full name, "الميلاد: 3 أبريل 1961، فاس" with
the *full* birth date, the education, the posts held, on obituaries "الوفاة: 21 نوفمبر 2024" one
to four days before the publication); the timeline ("محطات في حياته": an ``<ol class="timeline">``
of years "1985" and full dates "12 يناير 2009" each with a line of what happened, in ``<span>``s:
no ``<time>``; on obituaries the last one the death); the person's saying in a quote box
("قال ذات مرة" «...»); other profiles with their life spans or "مواليد 1957".
Each section of a site places the facts box one way (``layout["box"]``): ``inline``, floated
inside the text container *after the first body part* (between two body parts), or ``side``,
in the sidebar after the article; the timeline comes after the text, or in the sidebar under
the box (``layout["timeline"]``: ``after`` or ``side``).

Head: og tags; on metadata-dated pages (and for metadata-only bylines) a JSON-LD
``NewsArticle`` with ``about`` the person, and on every page a JSON-LD ``Person`` (name,
``birthDate`` the full birth date as ISO, ``deathDate`` on obituaries, ``jobTitle``):
machine-readable dates that are not the publication's; ``article:published_time`` on
metadata-dated pages. Text-dated and undated pages carry no machine publication date.
Page: the header (today's date: render time, logo, menu), breadcrumbs ("شخصيات" /
"بروفايل"); the kicker; the ``<h1>``; the meta row (the byline "إعداد: X" / "بقلم: X" / the
bare name when it goes before; the date on dated pages, in a ``<time>`` without
``datetime``); share buttons; the lead image with its caption.
Body (``div.profile-text``): the dateline as its own line or as the bold first line, the parts
(intertitles, a quoted statement now and then).
After the text: the byline line when it goes after ("إعداد: X"), the timeline (``after``), the
quote box, tags, "آخر الأخبار" with dates, the sidebar (box, timeline, other profiles), the
footer.
Dates: metadata (second) or the meta row (minute or day); undated pages show the person's
dates, the lists' dates and the header's day only, never between the title and the text.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc, inline, thumb_url
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import eastern_digits, person_name, slugify

NAME = "profile_timeline"
TRAITS = Traits(
    date_formats=("long_day", "weekday_time", "levant_time", "numeric_day", "wp_day",
                  "numeric_ampm"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.15,
    byline_forms=("kataba", "biqalam_colon", "bare", "meta_only"),
    byline_prefixes={"kataba": ("إعداد: ", "كتب: ", "إعداد - ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("omitted", "line", "body_lead"),
    display_title=0.5, image=0.9, caption=0.7,
)

KICKERS = ("من هو {name}؟", "من هي الشخصية: {name}", "بروفايل | {name}")
OBITUARY_KICKERS = ("رحيل {name}", "وداعا {name}", "في ذمة الله: {name}")
CRUMBS = ("شخصيات", "بروفايل", "وجوه")
BOX_HEADINGS = ("بطاقة تعريفية", "في سطور", "معلومات شخصية")
FIELDS = ("الاسم الكامل", "الميلاد", "التعليم", "المناصب", "الوفاة")
CITIES = ("فاس", "طرابلس", "صيدا", "إربد", "سوسة", "قسنطينة", "المنصورة", "نابلس", "صلالة",
          "الطائف", "وجدة", "حمص")
SCHOOLS = ("إجازة في القانون من جامعة محمد الخامس", "دكتوراه في الاقتصاد من جامعة السوربون",
           "بكالوريوس هندسة مدنية من الجامعة الأردنية", "ماجستير في الإعلام من جامعة القاهرة",
           "دبلوم الدراسات العليا في التاريخ من جامعة تونس", "بكالوريوس طب من جامعة دمشق")
POSTS = ("وزير سابق للتجهيز", "رئيس جامعة", "سفير في عدة عواصم", "نائب برلماني لثلاث ولايات",
         "رئيس تحرير صحيفة يومية", "مدير المسرح الوطني", "رئيس الاتحاد الوطني للكتاب",
         "محافظ البنك المركزي سابقا", "أمين عام حزب سياسي")
ROLES = ("سياسي ودبلوماسي", "أكاديمي وباحث", "فنان تشكيلي", "روائي وكاتب مسرحي", "رجل أعمال",
         "مهندس ومخطط عمراني", "صحفي مخضرم", "ممثل ومخرج مسرحي")
EVENTS = ("تخرج في الجامعة وبدأ مسيرته المهنية", "عين في أول منصب حكومي", "أصدر كتابه الأول",
          "انتخب عضوا في البرلمان", "حصل على جائزة الدولة التقديرية", "عين سفيرا لبلاده",
          "أسس جمعية ثقافية في مدينته", "تولى رئاسة المؤسسة", "اعتزل العمل العام",
          "كرمته الأكاديمية الوطنية")
TIMELINE_HEADINGS = ("محطات في حياته", "أبرز المحطات", "سيرة في تواريخ")
DEATH_EVENTS = ("توفي بعد صراع مع المرض", "رحل عن عمر ناهز {age} عاما")
BORN_EVENT = "ولد في {city}"
QUOTE_HEADINGS = ("قال ذات مرة", "من أقواله")
SAYINGS = ("لا شيء يبنى في يوم واحد، لكن كل شيء يبدأ بقرار", "الكلمة الصادقة تبقى بعد أصحابها",
           "خدمة الناس شرف لا يحتاج إلى منصب", "المدن مثل البشر، تحتاج من يصغي إليها")
OTHER_HEADINGS = ("شخصيات أخرى", "بروفايلات ذات صلة", "وجوه في الأخبار")


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _day(page: Page, day: date, fmt: str = "long_day") -> str:
    moment = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    return dates.visible(moment, fmt, page.article.site, page.eastern)


def _person(page: Page) -> tuple[str, str]:
    a = page.article
    taken = set(a.authors) | set(page.byline.names)
    owned = " ".join([a.caption or "", *a.paragraphs])
    while (name := person_name(page.rng)) in taken or name in owned:
        pass
    return name, page.rng.choice(ROLES)


def _life(page: Page, obituary: bool, city: str
          ) -> tuple[date, date | None, list[tuple[str, str]]]:
    """Birth day, death day (obituaries) and the timeline: (shown date, event) in order."""
    rng, a = page.rng, page.article
    base = (a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))).date()
    born = date(rng.randint(1938, 1972), rng.randint(1, 12), rng.randint(1, 28))
    died = base - timedelta(days=rng.randint(1, 4)) if obituary else None
    items = [(_day(page, born), BORN_EVENT.format(city=city))]
    year = born.year + rng.randint(21, 26)
    for event in rng.sample(EVENTS, rng.randint(3, 5)):
        if year >= base.year - 1:
            break
        if rng.random() < 0.5:
            items.append((_digits(page, str(year)), event))
        else:
            moment = date(year, rng.randint(1, 12), rng.randint(1, 28))
            items.append((_day(page, moment), event))
        year += rng.randint(3, 9)
    if died is not None:
        age = died.year - born.year
        items.append((_day(page, died), _digits(page, rng.choice(DEATH_EVENTS).format(age=age))))
    return born, died, items


def _facts(page: Page, name: str, born: date, died: date | None, city: str) -> str:
    rng = page.rng
    heading = page.pick("facts", BOX_HEADINGS)
    rows = [(FIELDS[0], name), (FIELDS[1], f"{_day(page, born)}، {city}"),
            (FIELDS[2], rng.choice(SCHOOLS)), (FIELDS[3], "، ".join(rng.sample(POSTS, 2)))]
    if died is not None:
        rows.append((FIELDS[4], _day(page, died)))
    page.record("facts", [s for row in rows for s in row])
    cells = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows)
    return (f'<aside class="facts-box"><img src="{attr(thumb_url(page.site, rng))}" alt="'
            f'{attr(name)}"><h3>{esc(heading)}</h3><table class="facts"><tbody>{cells}</tbody>'
            "</table></aside>")


def _timeline(page: Page, items: list[tuple[str, str]]) -> str:
    heading = page.pick("timeline", TIMELINE_HEADINGS)
    page.record("timeline", [s for item in items for s in item])
    lis = "".join(f'<li><span class="tl-date">{esc(d)}</span> <span class="tl-event">{esc(e)}'
                  "</span></li>" for d, e in items)
    return f'<section class="timeline-box"><h3>{esc(heading)}</h3><ol class="timeline">{lis}</ol>' \
           "</section>"


def _text(page: Page, box: str | None) -> str:
    rng = page.rng
    parts = body.shape(page, lead=0.2, subheads=0.4, quote=0.15)
    html = []
    for part in parts:
        if part.kind == "subhead":
            html.append(f"<h2>{esc(part.texts[0])}</h2>")
        elif part.kind == "quote":
            html.append(f"<blockquote><p>{esc(part.texts[0])}</p></blockquote>")
        elif part.kind == "list":
            html.append("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>")
        else:
            html.append(f"<p>{inline(part.texts[0], rng, 0.25)}</p>")
    if box is not None:
        html.insert(1, box)
    if page.dateline and page.dateline.position == "body_lead":
        html.insert(0, f"<p><strong>{esc(page.dateline.text)}</strong></p>")
    elif page.dateline:
        html.insert(0, f'<div class="dateline">{esc(page.dateline.text)}</div>')
    return '<div class="profile-text">\n' + "\n".join(html) + "\n</div>"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    obituary = rng.random() < 0.4
    page.layout["mode"] = "obituary" if obituary else "profile"
    box_place = page.stable(f"box:{page.section}").choice(("inline", "side"))
    timeline_place = page.stable(f"timeline:{page.section}").choice(("after", "side"))
    page.layout["box"] = box_place
    page.layout["timeline"] = timeline_place
    name, role = _person(page)
    city = rng.choice(CITIES)
    born, died, items = _life(page, obituary, city)
    person = {"@context": "https://schema.org", "@type": "Person", "name": name,
              "birthDate": born.isoformat(), "jobTitle": role}
    if died is not None:
        person["deathDate"] = died.isoformat()
    data = meta.news_article(page, description=meta.description(page),
                             about={"@type": "Person", "name": name})
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(page.headline)} - {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page)
            + (meta.ld_script(data) if page.date.where == "metadata" or b.in_metadata else "")
            + meta.ld_script(person)
            + '<link rel="stylesheet" href="/css/profile.css">\n</head>\n')
    today = page.today_line(page.stable("today").choice(("weekday_day", "paired_day")))
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    crumbs = [*page.breadcrumbs(), page.pick("breadcrumbs", CRUMBS)]
    crumb_html = "".join(f'<li><a href="/c/{i}">{esc(c)}</a></li>' for i, c in enumerate(crumbs))
    if obituary:
        kicker = page.stable("obit-kicker").choice(OBITUARY_KICKERS).format(name=name)
        span = _digits(page, f"({born.year} - {died.year if died else ''})")
        page.record("subject", [kicker, span])
        kicker_html = (f'<div class="kicker obit"><span>{esc(kicker)}</span> <span class="span">'
                       f"{esc(span)}</span></div>")
    else:
        kicker = page.record("subject", [page.stable("kicker").choice(KICKERS).format(
            name=name)])[0]
        role_line = page.record("subject", [role])[0]
        kicker_html = (f'<div class="kicker"><span>{esc(kicker)}</span> <em>{esc(role_line)}'
                       "</em></div>")
    meta_row = []
    if b.visible and b.position == "before":
        names = page.linked_names("/writer/")
        meta_row.append(f'<span class="by">{esc(b.prefix)}{names}</span>')
    if page.date.visible:
        meta_row.append(f'<time class="date">{esc(page.date.visible)}</time>')
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    figure = ""
    if page.image:
        cap = (f"<figcaption>{esc(page.image.caption)}</figcaption>"
               if page.image.caption else "")
        figure = f'<figure class="portrait"><img src="{attr(page.image.url)}" alt="">{cap}</figure>'
    box = _facts(page, name, born, died, city)
    text = _text(page, box if box_place == "inline" else None)
    after = (f'<p class="by-end">{esc(b.text())}</p>'
             if b.visible and b.position == "after" else "")
    timeline = _timeline(page, items)
    quote_heading = page.pick("quote", QUOTE_HEADINGS)
    saying = page.record("quote", [f"«{rng.choice(SAYINGS)}»"])[0]
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    latest_heading = page.pick("latest", furniture.LATEST_HEADINGS)
    latest = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> <span>'
                     f'{esc(link.date or "")}</span></li>'
                     for link in page.links("latest", rng.randint(3, 5), "numeric_time"))
    other_heading = page.pick("related", OTHER_HEADINGS)
    others = []
    taken = {*a.authors, *b.names, name}
    for _ in range(rng.randint(3, 4)):
        while (other := person_name(rng)) in taken:
            pass
        taken.add(other)
        first = rng.randint(1930, 1975)
        life = _digits(page, rng.choice((f"({first} - {first + rng.randint(50, 88)})",
                                         f"مواليد {first}")))
        job = rng.choice(ROLES)
        page.record("related", [other, life, job])
        others.append(f'<li><a href="/profile/{attr(slugify(other))}">{esc(other)}</a> <span>'
                      f"{esc(life)}</span> <em>{esc(job)}</em></li>")
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    side = [box if box_place == "side" else "", timeline if timeline_place == "side" else ""]
    return head + "\n".join([
        '<body class="profile">',
        f'<header><div class="today">{esc(today)}</div><a class="logo" href="/"><img src="'
        f'/img/logo.png" alt="{attr(page.label)}"></a><nav><ul>{menu}</ul></nav></header>',
        f'<ul class="breadcrumb">{crumb_html}</ul>',
        '<div class="wrap"><main><article class="profile-article">',
        kicker_html,
        f"<h1>{esc(page.headline)}</h1>",
        (f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else ""),
        f'<div class="share">{share}</div>',
        figure,
        text,
        after,
        timeline if timeline_place == "after" else "",
        f'<blockquote class="saying"><h4>{esc(quote_heading)}</h4><p>{esc(saying)}</p>'
        "</blockquote>",
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="latest"><h3>{esc(latest_heading)}</h3><ul>{latest}</ul></section>',
        '</main><aside class="sidebar">',
        *side,
        f'<section class="others"><h3>{esc(other_heading)}</h3><ul>{"".join(others)}</ul>'
        "</section>",
        "</aside></div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
