"""A national news agency's story page (وكالة الأنباء): the wire as the agency sends it to its
subscribers, with the wire's own metadata printed above the text, the dateline *run into* the
first sentence as plain text, and the agency's closing marks after the last one.

Head: the title "<agency> | <headline>", og tags; on metadata-dated pages (and for
metadata-only bylines) a JSON-LD ``NewsArticle`` with the wire number as ``identifier`` and
``article:published_time``. Text-dated and undated pages carry no machine date.
Page: the top bar (today's date in Gregorian and Hijri: render time; the agency's other
language services, in their own scripts: English, Français, Español...; "دخول المشتركين"), the
header (logo, the agency's name and its abbreviation "(و.أ.ع)"), the menu, the wire ticker
(times of day and headlines), breadcrumbs; then the story: a priority badge ("عاجل" / "هام") on
some pages, the ``<h1>``, the wire block (``<ul class="wire-meta">``): "رقم الخبر: 2198765",
"التصنيف: محلي", "الأولوية: عادي", "عدد الكلمات: 312", the broadcast date on dated pages
("تاريخ البث: 1446/05/12 هـ الموافق 2024/11/14 م", "الخميس 14 نوفمبر 2024 - 09:46", ...),
and the editor ("إعداد: X") when the byline goes before; the tools (طباعة، إرسال بالبريد، تحميل
PDF); the lead image, its caption and the agency's credit "(و.أ.ع)".
Body (``div.wire-text``): ``<p>``s without links. Each desk (section) of an agency writes its
wires one way: the dateline is *run in* at the start of the first paragraph, plain text on
some desks ("الرباط - المغرب اليوم - أكد ..."), bold on others ("<b>الرباط - المغرب اليوم:</b> أكد
..."): the paragraph after the
separator is the first body paragraph, the dateline and the separator are not; a line of its
own above the text on some pages. A read-also box between paragraphs on some pages (not
body). The wire's closing marks end the text (not body): "//انتهى//" and the send time ("09:58
ت م", a time of day), "(النهاية) ع.أ / م.ح" (editors' initials), "--(و.أ.ع) ع.أ"; on some
desks run on at the end of the last paragraph ("... في تونس. (النهاية) ع.أ": the paragraph
without them is the body's last).
After the text: the editor line "تحرير: X" / "إعداد: X" / "متابعة: X" when the byline goes
after (authors); the attached photos ("الصور المرفقة": thumbnails with captions and the
agency's credit), related news with dates, share links; the sidebar: most read with dates, the
agency's services with a contact e-mail and phone number in Latin script, "about the agency";
the footer.
Dates: the metadata instant, or the broadcast date of the wire block (minute or day; a Hijri
date gives the Gregorian day printed beside it); undated pages show no broadcast date (the
ticker's times, the closing send time, the lists' dates remain).
"""

from __future__ import annotations

from datetime import timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc, thumb_url, weave
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.text import caption, eastern_digits

NAME = "agency_wire"
TRAITS = Traits(
    date_formats=("weekday_time", "hijri_numeric", "slash_ymd_time", "numeric_time"),
    date_where=(0.45, 0.4, 0.15), meta_styles=("site", "site", "plus3"),
    visible_with_meta=0.95, eastern_digits=0.15,
    byline_forms=("edited_by", "edited_by", "meta_only"),
    byline_prefixes={"edited_by": ("تحرير: ", "إعداد: ", "متابعة: ")},
    byline_positions=("after", "after", "before"),
    dateline_positions=("body_lead", "body_lead", "line"),
    display_title=0.1, image=0.7, caption=0.8,
)
DATE_LABEL = "تاريخ البث:"


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _clock(page: Page, minutes: int) -> str:
    return _digits(page, f"{minutes // 60 % 24:02d}:{minutes % 60:02d}")


def _closing(page: Page, abbr: str) -> list[str]:
    """The wire's closing marks (one or two lines), as the site's agency writes them."""
    rng, a = page.rng, page.article
    style = page.stable(f"closing:{page.section}").randrange(3)
    page.layout["closing"] = ("end_time", "end_initials", "agency_initials")[style]
    if style == 0:
        if a.published is not None:
            sent = (a.published + timedelta(minutes=rng.randint(3, 25))).astimezone(
                dates.site_zone(a.site))
            minutes = sent.hour * 60 + sent.minute
        else:
            minutes = rng.randrange(1440)
        return [furniture.AGENCY_END[0], f"{_clock(page, minutes)} ت م"]
    initials = furniture.agency_initials(rng)
    if style == 1:
        return [f"{furniture.AGENCY_END[1]} {initials}"]
    return [f"--({abbr}) {initials}"]


def _wire_text(page: Page, abbr: str) -> str:
    rng = page.rng
    parts = body.shape(page, tail=0.1)
    texts = [part.texts[0] for part in parts]
    blocks = [f"<p>{esc(t)}</p>" for t in texts]
    dateline = page.dateline
    if dateline and dateline.position == "body_lead":
        bold = page.stable(f"dateline-bold:{page.section}").random() < 0.5
        colon = page.stable(f"dateline-joint:{page.section}").random() < 0.5
        lead = f"{dateline.text}:" if colon else dateline.text
        lead_html = f"<b>{esc(lead)}</b>" if bold else esc(lead)
        joint = " " if colon else " - "
        blocks[0] = f"<p>{lead_html}{joint}{esc(texts[0])}</p>"
        page.layout["dateline_markup"] = ("bold_" if bold else "plain_") + (
            "colon" if colon else "dash")
    closing = page.record("closing", _closing(page, abbr))
    run_on = page.stable(f"run-on:{page.section}").random() < 0.35
    if run_on:
        page.record("closing", [" ".join(closing)])
        blocks[-1] = f"{blocks[-1][:-len('</p>')]} {esc(' '.join(closing))}</p>"
    extras = []
    if rng.random() < 0.4:
        label = page.pick("read_also", furniture.READ_ALSO)
        link = page.links("read_also", 1)[0]
        extras.append(f'<div class="related-inline"><span>{esc(label)}</span> <a href="'
                      f'{attr(link.url)}">{esc(link.title)}</a></div>')
    blocks = weave(blocks, extras, rng)
    if dateline and dateline.position == "line":
        blocks.insert(0, f'<p class="dateline">{esc(dateline.text)}</p>')
    if not run_on:
        blocks += [f'<p class="wire-end">{esc(line)}</p>' for line in closing]
    page.layout["closing_place"] = "run_on" if run_on else "own_line"
    return '<div class="wire-text">\n' + "\n".join(blocks) + "\n</div>"


def _wire_meta(page: Page, number: int) -> str:
    rng, b = page.rng, page.byline
    labels = page.record("wire_meta", list(furniture.AGENCY_META[:4]))
    words = _digits(page, str(sum(len(p.split()) for p in page.paragraphs)))
    section = page.record("wire_meta", [rng.choice(furniture.AGENCY_SECTIONS)])[0]
    priority = page.record("wire_meta", [rng.choice(furniture.AGENCY_PRIORITY[:2])])[0]
    rows = [(labels[0], _digits(page, str(number))), (labels[1], section), (labels[2], priority),
            (labels[3], words)]
    if page.date.visible:
        page.record("wire_meta", [DATE_LABEL])
        rows.append((DATE_LABEL, page.date.visible))
    if b.visible and b.position == "before":
        rows.append((b.label, b.joined(" و")))
    if page.stable("meta-order").random() < 0.3:
        rows.reverse()
    items = "".join(f'<li><span class="k">{esc(k)}</span> <span class="v">{esc(v)}</span></li>'
                    for k, v in rows)
    return f'<ul class="wire-meta">{items}</ul>'


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    abbr = page.stable("abbr").choice(furniture.AGENCY_ABBREVIATIONS)
    number = rng.randint(10**6, 3 * 10**6)
    data = meta.news_article(page, description=meta.description(page), identifier=str(number))
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.label)} | {esc(page.headline)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page, modified=False)
            + (meta.ld_script(data) if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/Content/site.css">\n</head>\n')
    today = page.today_line("gregorian_hijri")
    languages = page.record("languages", list(furniture.AGENCY_LANGUAGES[
        :page.stable("languages").randint(2, 5)]))
    login = page.pick("menu", furniture.AGENCY_LOGIN)
    logo = page.record("logo", [page.label, f"({abbr})"])
    menu_items = page.record("menu", [page.stable("home").choice(furniture.HOME),
                                      *page.stable("menu").sample(furniture.AGENCY_MENU, 7)])
    menu = "".join(f'<li><a href="/ar/section/{i}">{esc(m)}</a></li>'
                   for i, m in enumerate(menu_items))
    ticker_label = page.pick("ticker", furniture.LATEST_HEADINGS)
    start = rng.randrange(1440)
    ticker = []
    for k, link in enumerate(page.links("ticker", rng.randint(4, 7))):
        when = page.record("ticker", [_clock(page, start - 17 * k)])[0]
        ticker.append(f'<li><span class="t">{esc(when)}</span> <a href="{attr(link.url)}">'
                      f"{esc(link.title)}</a></li>")
    crumbs = "".join(f'<li><a href="/ar/{i}">{esc(c)}</a></li>'
                     for i, c in enumerate(page.breadcrumbs()))
    badge = ""
    if rng.random() < 0.25:
        badge = f'<span class="priority">{esc(page.pick("label", ("عاجل", "هام")))}</span>'
    tools = "".join(f'<a href="#">{esc(t)}</a>'
                    for t in page.record("share", list(furniture.AGENCY_TOOLS[:3])))
    figure = ""
    if page.image:
        credit = page.record("credit", [f"({abbr})"])[0]
        cap = (f'<figcaption>{esc(page.image.caption)} <span class="credit">{esc(credit)}</span>'
               "</figcaption>" if page.image.caption
               else f'<figcaption><span class="credit">{esc(credit)}</span></figcaption>')
        figure = (f'<figure class="wire-photo"><img src="{attr(page.image.url)}" alt="'
                  f'{attr(a.title)}">{cap}</figure>')
    editor = (f'<p class="wire-editor">{esc(b.text(" و"))}</p>'
              if b.visible and b.position == "after" else "")
    photos_heading = page.pick("photos", furniture.AGENCY_PHOTOS)
    photos = []
    for _ in range(rng.randint(2, 3)):
        line = page.record("photos", [caption(rng), f"({abbr})"])
        photos.append(f'<li><img src="{attr(thumb_url(page.site, rng))}" alt=""><p>{esc(line[0])}'
                      f' <span class="credit">{esc(line[1])}</span></p></li>')
    rel_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> <span class="d">'
                      f"{esc(link.date or '')}</span></li>"
                      for link in page.links("related", rng.randint(3, 5), "slash_ymd"))
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> <span class="d">'
                   f"{esc(link.date or '')}</span></li>"
                   for link in page.links("most_read", 5, "numeric_day"))
    services = page.record("services", list(furniture.AGENCY_SERVICES))
    contact_label = page.pick("services", furniture.AGENCY_CONTACT)
    email = f"news@{page.site.domain}"
    phone = f"+{page.stable('phone').randint(200, 999)} {page.stable('phone').randint(2, 9)} " \
            f"{page.stable('phone').randint(1000000, 9999999)}"
    page.record("services", [email, phone])
    blurb = page.record("about", [furniture.agency_blurb(page.stable("about"), page.label)])[0]
    footer = page.footer()
    utility = "".join(f'<a href="/ar/p/{i}">{esc(x)}</a>'
                      for i, x in enumerate(page.utility_links()))
    language_links = " | ".join(f'<a href="/{x[:2].lower()}" lang="und">{esc(x)}</a>'
                                for x in languages)
    return head + "\n".join([
        '<body class="agency">',
        f'<div class="top-bar"><span class="today">{esc(today)}</span><span class="langs">'
        f'{language_links}</span><a class="login" href="/ar/login">{esc(login)}</a></div>',
        f'<header class="agency-header"><a href="/ar"><img src="/Content/logo.png" alt="'
        f'{attr(page.label)}"></a><div class="agency-name"><strong>{esc(logo[0])}</strong> '
        f"<span>{esc(logo[1])}</span></div></header>",
        f'<nav class="main-menu"><ul>{menu}</ul></nav>',
        f'<div class="wire-ticker"><b>{esc(ticker_label)}</b><ul>{"".join(ticker)}</ul></div>',
        '<div class="page"><div class="content">',
        f'<ol class="breadcrumb">{crumbs}</ol>',
        f'<div class="story" data-wire="{number}">',
        f'{badge}<h1 class="story-title">{esc(page.headline)}</h1>',
        _wire_meta(page, number),
        f'<div class="tools">{tools}</div>',
        figure,
        _wire_text(page, abbr),
        editor,
        "</div>",
        f'<section class="attached"><h3>{esc(photos_heading)}</h3><ul>{"".join(photos)}</ul>'
        "</section>",
        f'<section class="related"><h3>{esc(rel_heading)}</h3><ul>{related}</ul></section>',
        f'<div class="share">{share}</div>',
        '</div><aside class="side">',
        f'<section><h3>{esc(most_heading)}</h3><ol>{most}</ol></section>',
        f'<section class="services"><h3>{esc(services[0])}</h3><ul>'
        + "".join(f"<li>{esc(s)}</li>" for s in services[1:])
        + f'</ul><p>{esc(contact_label)} <a href="mailto:{attr(email)}">{esc(email)}</a></p>'
        f'<p dir="ltr">{esc(phone)}</p></section>',
        f'<section class="about"><p>{esc(blurb)}</p></section>',
        "</aside></div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
