"""A transfer story (انتقالات / ميركاتو) of a sports portal: the desk's story of a player's move
set around the player's card (birth date, contract end, market value, agent, the season's
figures), the club's embedded announcement post, the transfer window's countdown and a table of
the window's other deals: a person's name in a heading, dates and figures all round the story.

Body (``div.transfer-story``): the story's parts (now and then a lead sentence of its own, a quoted
statement as a ``<blockquote>``, intertitles: body), as ``<p>``s in some sections of a site and
bare ``<div>``s in others (``layout["text"]``); the dateline a line of its own above them or the
bold start of the first one ("الدار البيضاء - المغرب اليوم:", the text after it is body). Between
two parts: ad slots (``div.ad-slot``), a read-also line (``p.read-also``), and on some pages
(``layout["club_post"]``) the club's announcement as an embedded post
(``blockquote.twitter-tweet``: the club's words welcoming the player, "pic.twitter.com/..." and the
post's day, one or two days *before* the publication: another text and another date, not the
story's).

The player card (``aside.player-card``): the player's name as an ``<h2>`` (a person in a heading:
no author, no title), "تاريخ الميلاد:" (a full day decades back), "العمر:", "الجنسية:",
"المركز:", "النادي الحالي:", "الوجهة المنتظرة:", "ينتهي عقده:" (30 June of a coming year),
"القيمة السوقية:", "وكيل أعماله:" (the agent, a name of a pool of its own), and the season's
figures table. Each section of a site places the card one way (``layout["card"]``): ``top``,
above the ``<h1>``, ``after_lead``, inside the story after its first part, or ``side``.
Above the ``<h1>``: the deal's badge ("رسميا" / "خاص" / "ميركاتو") with the credibility meter
("نسبة المصداقية: 80%") and the window countdown ("متبقي 12 يوما على نهاية الميركاتو").

Bylines: "كتب: X", "متابعة: X", "بقلم: X", the bare name, or metadata only; in the meta row under
the ``<h1>`` or after the text. Text-dated pages print the date in the meta row with its label.
Page: the header (logo, the sports menu, today's date: render time), the live-scores strip,
breadcrumbs; after the text: the byline when after, tags, share buttons, the window's deals
table ("أبرز صفقات الميركاتو": player, from, to, fee, day: days before the publication), related
stories with dates, the comments (readers' names, dates and words, the form); the sidebar (the
window's closing day, after the publication; most read with dates); the footer.

Head: og tags; on every page a JSON-LD ``Person`` for the player (``birthDate``: a machine date
that is not the publication's; ``memberOf`` his club); on metadata-dated pages (and for
metadata-only bylines) a ``NewsArticle`` and ``article:published_time``. Text-dated and undated
pages carry no machine publication date.
Dates: metadata (second) or the meta row (minute or day); undated pages show the birth day, the
contract's end, the post's day, the deals' days, the window's closing day, the lists' dates and
the header's day, never between the title and the text.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, esc, thumb_url, weave
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import eastern_digits, slugify

NAME = "transfer_news"
TRAITS = Traits(
    date_formats=("weekday_time", "numeric_time", "ampm_comma", "long_day", "maghreb_time"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.15,
    byline_forms=("kataba", "kataba", "biqalam_colon", "bare", "meta_only"),
    byline_prefixes={"kataba": ("كتب: ", "متابعة: ", "كتب - ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.75, caption=0.6,
)

BADGES = ("رسميا", "خاص", "ميركاتو", "صفقة منتظرة")
CREDIBILITY = ("نسبة المصداقية: {n}%", "مؤشر إتمام الصفقة: {n}%")
COUNTDOWN = ("متبقي {n} يوما على نهاية الميركاتو", "يغلق باب الانتقالات بعد {n} يوما")
CARD_HEADINGS = ("بطاقة اللاعب", "ملف اللاعب")
CARD_LABELS = ("تاريخ الميلاد:", "العمر:", "الجنسية:", "المركز:", "النادي الحالي:",
               "الوجهة المنتظرة:", "ينتهي عقده:", "القيمة السوقية:", "وكيل أعماله:")
POSITIONS = ("مهاجم", "صانع ألعاب", "لاعب وسط دفاعي", "مدافع أيسر", "ظهير أيمن", "حارس مرمى",
             "جناح أيمن")
NATIONS = ("مغربي", "مصري", "جزائري", "تونسي", "سعودي", "أردني", "إماراتي", "عماني", "سنغالي",
           "إيفواري")
AGENTS = ("ماركو بيليني", "سيرجيو ألفاريس", "كمال الودغيري", "رامي السقا", "لوكاس فيرنانديز",
          "زياد العطار", "جمال بن سليمان")
"""Players' agents: a pool of names of their own (never an author)."""
VALUES = ("800 ألف يورو", "1.5 مليون يورو", "3 ملايين يورو", "4.5 مليون يورو",
          "7 ملايين يورو", "12 مليون يورو")
STATS_HEADINGS = ("أرقامه هذا الموسم", "إحصائيات الموسم الحالي")
STAT_LABELS = ("المباريات", "الأهداف", "صناعة الأهداف", "الدقائق")
CLUB_ACCOUNTS = ("المركز الإعلامي للنادي", "الحساب الرسمي للنادي", "إدارة النادي")
HANDLES = ("ClubMedia_AR", "FC_Officiel", "OfficialClubAR", "SportingClub_News")
POSTS = ("رسميا: {player} ينضم إلى صفوف الفريق بعقد يمتد حتى صيف {year}، أهلا بك في بيتك الجديد",
         "يسر النادي الإعلان عن التعاقد مع اللاعب {player} بعد اجتيازه الفحوص الطبية بنجاح",
         "مرحبا {player}! التوقيع تم رسميا والقميص ينتظرك في أول حصة تدريبية")
"""The club's welcome posts (written for this generator): another text than the story."""
DEALS_HEADINGS = ("أبرز صفقات الميركاتو", "آخر الصفقات المؤكدة")
DEALS_COLUMNS = ("اللاعب", "من", "إلى", "القيمة", "التاريخ")
FEES = ("انتقال حر", "إعارة لموسم", "{n} ملايين يورو", "{n} آلاف دولار")
WINDOW_HEADINGS = ("موعد إغلاق سوق الانتقالات", "نهاية فترة الانتقالات")


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _player(page: Page, taken: set[str]) -> str:
    rng = page.rng
    while True:
        name = f"{rng.choice(furniture.PLAYER_FIRST)} {rng.choice(furniture.PLAYER_FAMILY)}"
        if name not in taken:
            taken.add(name)
            return name


def _card(page: Page, player: str, values: list[str], stats: list[str]) -> str:
    heading = page.pick("player_card", CARD_HEADINGS)
    stats_heading = page.pick("player_card", STATS_HEADINGS)
    rows = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>"
                   for k, v in zip(CARD_LABELS, values, strict=True))
    return (f'<aside class="player-card"><span class="card-label">{esc(heading)}</span>'
            f'<img src="{attr(thumb_url(page.site, page.rng))}" alt="{attr(player)}">'
            f"<h2>{esc(player)}</h2><dl>{rows}</dl><h4>{esc(stats_heading)}</h4>"
            "<table><tr>" + "".join(f"<th>{esc(s)}</th>" for s in STAT_LABELS) + "</tr><tr>"
            + "".join(f"<td>{esc(s)}</td>" for s in stats) + "</tr></table></aside>")


def _post(page: Page, player: str, club_year: int, day: datetime) -> str:
    """The club's announcement as an embedded post, the way the embed code is pasted."""
    rng = page.rng
    account = page.stable("account").choice(CLUB_ACCOUNTS)
    handle = page.stable("handle").choice(HANDLES)
    code = f"{rng.getrandbits(40):010x}"
    text = rng.choice(POSTS).format(player=player, year=club_year)
    shown_day = dates.visible(day, "long_day", page.article.site, page.eastern)
    page.record("club_post", [_digits(page, text), f"pic.twitter.com/{code}",
                              f"— {account} (@{handle})", shown_day])
    return (f'<blockquote class="twitter-tweet" data-lang="ar"><p lang="ar" dir="rtl">'
            f'{esc(_digits(page, text))} <a href="https://t.co/{code}">pic.twitter.com/{code}</a>'
            f"</p>— {esc(account)} (@{esc(handle)}) <a href=\"https://twitter.com/{handle}/status/"
            f'{rng.getrandbits(60)}">{esc(shown_day)}</a></blockquote>')


def _story(page: Page, parts: list[Part], style: str, card: str, post: str) -> str:
    rng = page.rng
    html = body.parts_html(page, parts, lead_tag="b")
    if style == "div":  # the site's editor saves paragraphs as bare <div>s
        html = [h.replace("<p>", "<div>").replace("</p>", "</div>") for h in html]
    extras = []
    for _ in range(rng.randint(1, 2)):
        label = page.pick("ad", furniture.AD_LABELS)
        extras.append(f'<div class="ad-slot"><span>{esc(label)}</span>'
                      '<ins class="adsbygoogle" data-ad-slot="5521"></ins></div>')
    for link in page.links("read_also", rng.randint(0, 1)):
        prefix = page.pick("read_also", furniture.READ_ALSO)
        extras.append(f'<p class="read-also"><strong>{esc(prefix)}</strong> '
                      f'<a href="{attr(link.url)}">{esc(link.title)}</a></p>')
    if post:
        extras.append(post)
    html = weave(html, extras, rng)
    if card:
        html.insert(1, card)
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    return '<div class="transfer-story">\n' + "\n".join(html) + "\n</div>"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    where = page.stable(f"card:{page.section}").choice(("top", "after_lead", "side"))
    style = page.stable(f"text:{page.section}").choice(("p", "div"))
    page.layout.update(card=where, text=style)
    zone = dates.site_zone(a.site)
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    local = base.astimezone(zone)

    taken = set(a.authors) | set(b.names)
    player = _player(page, taken)
    page.record("player_card", [player])
    born = datetime(local.year - rng.randint(19, 34), rng.randint(1, 12), rng.randint(1, 28),
                    tzinfo=zone)
    age = local.year - born.year - ((local.month, local.day) < (born.month, born.day))
    club_from, club_to = rng.sample(furniture.CLUBS, 2)
    until = local.year + rng.randint(1, 3)
    agent = rng.choice([n for n in AGENTS if n not in taken])
    values = [dates.visible(born, "long_day", a.site, page.eastern, zone),
              _digits(page, f"{age} عاما"), rng.choice(NATIONS), rng.choice(POSITIONS),
              club_from, club_to, _digits(page, f"30 يونيو {until}"),
              _digits(page, rng.choice(VALUES)), agent]
    page.record("player_card", [*CARD_LABELS, *values, *STAT_LABELS])
    stats = page.record("player_card", [_digits(page, str(n)) for n in (
        rng.randint(8, 34), rng.randint(0, 19), rng.randint(0, 11), rng.randint(600, 2900))])
    card = _card(page, player, values, stats)

    post = ""
    if rng.random() < 0.5:
        post = _post(page, player, until + 1, base - timedelta(days=rng.randint(1, 2),
                                                               hours=rng.randint(0, 8)))
        page.layout["club_post"] = "yes"
    badge = page.record("badge", [rng.choice(BADGES), _digits(
        page, page.stable("credibility").choice(CREDIBILITY).format(n=rng.choice(
            (40, 55, 70, 80, 90, 100))))])
    days_left = rng.randint(11, 40)  # "يوما" after 11 and more
    countdown = page.record("countdown", [_digits(page, page.stable("countdown").choice(
        COUNTDOWN).format(n=days_left))])[0]

    person = {"@context": "https://schema.org", "@type": "Person", "name": player,
              "birthDate": born.strftime("%Y-%m-%d"), "jobTitle": "لاعب كرة قدم",
              "memberOf": {"@type": "SportsTeam", "name": club_from}}
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(page.headline)} | {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + meta.ld_script(person)
            + (meta.ld_script(meta.news_article(page))
               if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/static/sport.css">\n</head>\n')

    today = page.today_line(page.stable("today").choice(("weekday_day", "maghreb_day")))
    menu_items = page.record("menu", page.stable("menu").sample(furniture.SPORT_MENU, 8))
    menu = "".join(f'<li><a href="/sport/{i}">{esc(m)}</a></li>' for i, m in enumerate(menu_items))
    scores = page.record("scores", furniture.live_scores(rng))
    crumbs = page.breadcrumbs()
    crumb_html = " » ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(crumbs))
    meta_row = []
    if b.visible and b.position == "before":
        meta_row.append(f'<span class="by">{esc(b.prefix)}{page.linked_names("/writer/")}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())

    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.2)
    story = _story(page, parts, style, card if where == "after_lead" else "", post)
    signed = (f'<p class="signed">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())

    deals_heading = page.pick("deals", DEALS_HEADINGS)
    page.record("deals", list(DEALS_COLUMNS))
    deals = []
    for _ in range(rng.randint(3, 5)):
        row = [_player(page, taken), *rng.sample(furniture.CLUBS, 2),
               _digits(page, rng.choice(FEES).format(n=rng.randint(3, 9))),
               dates.visible(base - timedelta(days=rng.randint(1, 30), hours=rng.randint(0, 20)),
                             "numeric_day", a.site, page.eastern)]
        page.record("deals", row)
        deals.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>")
    related_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> '
                      f'<span class="d">{esc(link.date or "")}</span></li>'
                      for link in page.links("related", rng.randint(3, 5), "numeric_time"))
    comments_heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    comments = "".join(f'<li><b>{esc(name)}</b> <span class="d">{esc(day)}</span>'
                       f"<p>{esc(text)}</p></li>"
                       for name, day, text in page.reader_comments(rng.randint(1, 3)))
    form = "".join(f"<label>{esc(x)}</label>" for x in page.comment_form())
    window_heading = page.pick("window", WINDOW_HEADINGS)
    closing = page.record("window", [dates.visible(base + timedelta(days=days_left),
                                                   "weekday_day", a.site, page.eastern)])[0]
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> '
                   f'<span class="d">{esc(link.date or "")}</span></li>'
                   for link in page.links("most_read", 5, "long_day"))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="sport transfer">',
        f'<header><a class="logo" href="/"><img src="/logo.png" alt="{attr(page.label)}"></a>'
        f'<span class="today">{esc(today)}</span><nav><ul>{menu}</ul></nav></header>',
        '<div class="live-scores">' + "".join(f"<span>{esc(s)}</span>" for s in scores)
        + "</div>",
        f'<nav class="crumbs">{crumb_html}</nav>',
        '<div class="wrap"><main><article class="transfer">',
        f'<div class="deal-bar"><span class="badge">{esc(badge[0])}</span> <span class="meter">'
        f'{esc(badge[1])}</span> <span class="countdown">{esc(countdown)}</span></div>',
        card if where == "top" else "",
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else "",
        page.lead_figure(),
        story,
        signed,
        f'<div class="tags">{tags}</div>',
        f'<div class="share">{share}</div>',
        f'<section class="deals"><h3>{esc(deals_heading)}</h3><table><tr>'
        + "".join(f"<th>{esc(c)}</th>" for c in DEALS_COLUMNS) + "</tr>" + "".join(deals)
        + "</table></section>",
        "</article>",
        f'<section class="related"><h3>{esc(related_heading)}</h3><ul>{related}</ul></section>',
        f'<section class="comments"><h3>{esc(comments_heading)}</h3><ol>{comments}</ol>'
        f'<form class="comment-form">{form}</form></section>',
        "</main>",
        f'<aside class="side">{card if where == "side" else ""}<div class="window"><h4>'
        f'{esc(window_heading)}</h4><p>{esc(closing)}</p></div><h3>{esc(most_heading)}</h3>'
        f"<ol>{most}</ol></aside>",
        "</div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
        if post else "",
        "</body>\n</html>\n",
    ])
