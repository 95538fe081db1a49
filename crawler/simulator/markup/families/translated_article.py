"""A translated piece (ترجمات / "عن الصحافة العالمية") of a portal's world-press section: an
article first published in English or French by a foreign outlet, shown in Arabic with the
original's title, outlet and date, the translator's credit and the section's disclaimer.

The author is the writer whose words these are (the byline); the translator is *not* an author
(a credit, like a photographer's: "ترجمة: Y", "ترجمة وتحرير: Y", "نقله إلى العربية: Y", a name
of a pool of its own), nor is the desk credited on other pages ("ترجمة: قسم الترجمة",
``layout["translator"]``: ``person`` or ``desk``). On unsigned pages the translator is the only
name shown, and still no author. The page's date is this page's publication; the original's
date ("تاريخ النشر الأصلي:", one to six days *before*) is another piece's.

Body (``div.translated-text``): the article's parts (now and then a lead sentence of its own, a
quoted statement as a ``<blockquote>``, intertitles: body), as ``<p>``s or, in sections whose
translators paste from a word processor, as ``MsoNormal`` paragraphs (``layout["text"]``: ``p``
or ``mso``); an ad slot and a read-also line between two parts (not body). The dateline, when
shown, is a line of its own above the text or the bold start of its first paragraph.

The original card (``aside.original``: "المقال الأصلي" / "عن المصدر", "المصدر:" the outlet in
Latin script, "العنوان الأصلي:" the original title in English or French, "تاريخ النشر
الأصلي:" in Arabic or in the original's language ("12 November 2024"), "لغة المقال:", the link
"اقرأ المقال الأصلي"). Each section of a site places it one way (``layout["original"]``):
``top``, above the ``<h1>`` under the kicker, or ``end``, after the text. Some sections also
print the original title in Latin script right under the ``<h1>`` (``layout["original_title"]``).

Page: the header (logo, menu, today's date: render time), the breaking ticker, breadcrumbs,
the kicker ("ترجمات" / "عن الصحافة العالمية"); the ``<h1>``; the meta row (the byline when it
goes before: "بقلم: X", "الكاتب: X", the bare name; ``meta_only`` in metadata; the translator
beside it in sections that credit him there; the date on dated pages); share buttons; the lead
image with its caption. After the text: the byline when it goes after, the translator's
credit in the other sections, the disclaimer ("المقال مترجم عن ... والآراء الواردة فيه تعبر عن
كاتبه ..."), tags, other translations ("ترجمات أخرى": title, "عن <outlet>", date), most read
with dates, the comment form; the sidebar's "about this section" text (prose, not body); the
footer.

Head: og tags, ``<meta name="original-source">`` (the original's URL); on metadata-dated pages
(and for metadata-only bylines) a JSON-LD ``NewsArticle`` with the ``translator`` as a ``Person``
and ``translationOfWork`` (the original's name, language and publisher) and
``article:published_time``. Text-dated and undated pages carry no machine publication date.
Dates: metadata (second) or the meta row (minute or day); undated pages show the original's
date, the lists' dates and the header's day, never between the title and the text.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, esc, mso, weave
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import slugify

NAME = "translated_article"
TRAITS = Traits(
    date_formats=("long_day", "weekday_time", "numeric_time", "wp_day", "day_at_time"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "utc", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("biqalam_colon", "biqalam_colon", "katib", "bare", "meta_only"),
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted", "omitted"),
    display_title=0.5, image=0.7, caption=0.6,
)

KICKERS = ("ترجمات", "عن الصحافة العالمية", "مقالات مترجمة")
OUTLETS = (("The Eastern Dispatch", "easterndispatch.com", "en"),
           ("Global Affairs Review", "globalaffairsreview.org", "en"),
           ("The Harbour Times", "harbourtimes.co.uk", "en"),
           ("Meridian Weekly", "meridianweekly.com", "en"),
           ("Le Journal du Littoral", "journal-littoral.fr", "fr"),
           ("La Revue des Deux Rives", "revue-deuxrives.fr", "fr"))
"""Foreign outlets (invented): name, host, language."""
TITLES = {"en": ("Why the region's energy bet is changing faster than expected",
                 "The quiet reshaping of Arab trade routes",
                 "Inside the race to modernise the ports of the south",
                 "What a new budget reveals about shifting priorities",
                 "A generation of graduates waits for jobs that never come",
                 "Water is the next great test for the Mediterranean",
                 "The diplomacy behind a summit nobody expected"),
          "fr": ("Le pari énergétique qui redessine la région",
                 "Ports du Sud : la course à la modernisation",
                 "Ce que révèle le nouveau budget",
                 "L'eau, prochain grand défi de la Méditerranée",
                 "Les jeunes diplômés face au chômage")}
"""The originals' titles (written for this generator)."""
MONTHS = {"en": ("January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December"),
          "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                 "septembre", "octobre", "novembre", "décembre")}
LANGUAGES = {"en": "الإنجليزية", "fr": "الفرنسية"}
TRANSLATOR_LABELS = ("ترجمة: ", "ترجمة وتحرير: ", "نقله إلى العربية: ")
TRANSLATORS = ("إيمان الرفاعي", "جهاد الصباغ", "شيماء عبد الهادي", "أنور القدسي", "لمياء بنجلون",
               "حازم الدروبي")
"""Translators: a pool of names of their own (never an author)."""
DESK = "ترجمة: قسم الترجمة"
CARD_HEADINGS = ("المقال الأصلي", "عن المصدر")
CARD_LABELS = ("المصدر:", "العنوان الأصلي:", "تاريخ النشر الأصلي:", "لغة المقال:")
READ_ORIGINAL = ("اقرأ المقال الأصلي", "رابط النص الأصلي")
DISCLAIMERS = ("المقال مترجم عن {outlet}، والآراء الواردة فيه تعبر عن كاتبه ولا تعبر بالضرورة "
               "عن رأي {label}.",
               "هذه ترجمة لمقال نشر في {outlet}، وينشره {label} بتصرف في إطار متابعته لما تكتبه "
               "الصحافة الدولية.")
ABOUT_HEADINGS = ("عن هذا القسم", "ترجمات")
ABOUT = ("يختار فريق التحرير يوميا مقالات وتقارير من الصحافة الدولية ويقدمها مترجمة إلى العربية "
         "ليطلع القارئ على ما يكتب عن المنطقة في الخارج.",
         "ينشر هذا القسم ترجمات لمقالات رأي وتحقيقات مختارة، والنص الأصلي متاح دائما عبر الرابط "
         "المرفق بكل مقال.")
OTHER_HEADINGS = ("ترجمات أخرى", "المزيد من الصحافة العالمية")
FROM = "عن {outlet}"


def _foreign_day(moment: datetime, language: str) -> str:
    """The original's day as the original prints it: "12 November 2024"."""
    return f"{moment.day} {MONTHS[language][moment.month - 1]} {moment.year}"


def _text(page: Page, parts: list[Part], style: str, extras: list[str]) -> str:
    rng = page.rng
    if style == "p":
        html = body.parts_html(page, parts, lead_tag="strong")
    else:  # pasted from a word processor: MsoNormal paragraphs, the editor's headings
        html = []
        for part in parts:
            text = part.texts[0]
            if part.kind == "subhead":
                html.append(f"<h3>{esc(text)}</h3>")
            elif part.kind == "quote":
                html.append(f"<blockquote><p>{esc(text)}</p></blockquote>")
            elif part.kind == "list":
                html.append("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>")
            else:
                html.append(mso(text, rng))
        if page.dateline and page.dateline.position == "body_lead":
            html[0] = html[0].replace(f">{esc(parts[0].texts[0])}<",
                                      f"><strong>{esc(page.dateline.text)}:</strong> "
                                      f"{esc(parts[0].texts[0])}<", 1)
    html = weave(html, extras, rng)
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    return '<div class="translated-text">\n' + "\n".join(html) + "\n</div>"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    where = page.stable(f"original:{page.section}").choice(("top", "end"))
    style = page.stable(f"text:{page.section}").choice(("p", "mso"))
    under = page.stable(f"under:{page.section}").random() < 0.4
    credit_in_meta = page.stable(f"credit:{page.section}").random() < 0.5
    page.layout.update(original=where, text=style, original_title="under" if under else "no")
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    outlet, host, language = rng.choice(OUTLETS)
    original_title = rng.choice(TITLES[language])
    original_url = f"https://www.{host}/{slugify(original_title.lower())}-{rng.randint(1000, 9999)}"
    original_day = base - timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 12))
    original_day = original_day.astimezone(dates.site_zone(a.site))
    shown_day = (_foreign_day(original_day, language) if page.stable("day").random() < 0.4
                 else dates.visible(original_day, "long_day", a.site, page.eastern))

    if rng.random() < 0.8:
        translator_name = rng.choice([t for t in TRANSLATORS if t not in a.authors])
        credit = page.record("translator", [page.stable("t-label").choice(TRANSLATOR_LABELS)
                                            + translator_name])[0]
        page.layout["translator"] = "person"
    else:
        translator_name = None
        credit = page.record("translator", [DESK])[0]
        page.layout["translator"] = "desk"

    card_heading = page.pick("original", CARD_HEADINGS)
    values = [outlet, original_title, shown_day, LANGUAGES[language]]
    page.record("original", [*CARD_LABELS, *values])
    read_original = page.pick("original", READ_ORIGINAL)
    card = (f'<aside class="original"><h4>{esc(card_heading)}</h4><dl>'
            + "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>"
                      for k, v in zip(CARD_LABELS, values, strict=True))
            + f'</dl><a href="{attr(original_url)}" rel="nofollow">{esc(read_original)}</a>'
            "</aside>")

    extra: dict[str, Any] = {"inLanguage": "ar", "translationOfWork": {
        "@type": "CreativeWork", "name": original_title, "inLanguage": language,
        "url": original_url, "publisher": {"@type": "Organization", "name": outlet}}}
    if translator_name:
        extra["translator"] = {"@type": "Person", "name": translator_name}
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} - {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            f'<meta name="original-source" content="{attr(original_url)}">\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + (meta.ld_script(meta.news_article(page, **extra))
               if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/assets/world-press.css">\n</head>\n')

    today = page.today_line(page.stable("today").choice(("weekday_day", "paired_day")))
    menu = "".join(f'<li><a href="/s/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    ticker_label = page.pick("ticker", furniture.BREAKING_LABELS)
    ticker = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                     for link in page.links("ticker", rng.randint(3, 6)))
    crumbs = page.breadcrumbs()
    crumb_html = " › ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(crumbs))
    kicker = page.pick("label", KICKERS)
    meta_row = []
    if b.visible and b.position == "before":
        meta_row.append(f'<span class="by">{esc(b.prefix)}{page.linked_names("/writers/")}'
                        "</span>")
    if credit_in_meta:
        meta_row.append(f'<span class="translator">{esc(credit)}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())

    extras = [f'<div class="ad"><span>{esc(page.pick("ad", furniture.AD_LABELS))}</span></div>']
    for link in page.links("read_also", rng.randint(0, 1)):
        prefix = page.pick("read_also", furniture.READ_ALSO)
        extras.append(f'<p class="read-also">{esc(prefix)} <a href="{attr(link.url)}">'
                      f"{esc(link.title)}</a></p>")
    parts = body.shape(page, lead=0.2, quote=0.25, subheads=0.25)
    text = _text(page, parts, style, extras)
    after = []
    if b.visible and b.position == "after":
        after.append(f'<p class="signed">{esc(b.text())}</p>')
    if not credit_in_meta:
        after.append(f'<p class="translator">{esc(credit)}</p>')
    disclaimer = page.record("disclaimer", [page.stable("disclaimer").choice(DISCLAIMERS).format(
        outlet=outlet, label=page.label)])[0]
    after.append(f'<p class="disclaimer"><em>{esc(disclaimer)}</em></p>')
    if where == "end":
        after.append(card)
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    other_heading = page.pick("other_translations", OTHER_HEADINGS)
    others = []
    for link in page.links("other_translations", rng.randint(3, 5), "wp_day"):
        source = page.record("other_translations", [FROM.format(
            outlet=rng.choice(OUTLETS)[0])])[0]
        others.append(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> <span class="src">'
                      f'{esc(source)}</span> <span class="d">{esc(link.date or "")}</span></li>')
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> '
                   f'<span class="d">{esc(link.date or "")}</span></li>'
                   for link in page.links("most_read", rng.randint(4, 6), "numeric_day"))
    comments_heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    form = "".join(f"<label>{esc(x)}</label>" for x in page.comment_form())
    about_heading = page.pick("about", ABOUT_HEADINGS)
    about = page.pick("about", ABOUT)
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="world-press">',
        f'<header><a class="logo" href="/"><img src="/logo.png" alt="{attr(page.label)}"></a>'
        f'<span class="today">{esc(today)}</span><nav><ul>{menu}</ul></nav></header>',
        f'<div class="ticker"><b>{esc(ticker_label)}</b><ul>{ticker}</ul></div>',
        f'<nav class="crumbs">{crumb_html}</nav>',
        '<div class="cols"><main><article class="translation">',
        f'<span class="kicker">{esc(kicker)}</span>',
        card if where == "top" else "",
        f"<h1>{esc(page.headline)}</h1>",
        f'<p class="original-title" lang="{language}" dir="ltr">{esc(original_title)}</p>'
        if under else "",
        f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else "",
        f'<div class="share">{share}</div>',
        page.lead_figure(),
        text,
        *after,
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="other-translations"><h3>{esc(other_heading)}</h3><ul>{"".join(others)}'
        "</ul></section>",
        f'<section class="comments"><h3>{esc(comments_heading)}</h3><form>{form}</form>'
        "</section>",
        "</main>",
        f'<aside class="side"><div class="about"><h4>{esc(about_heading)}</h4><p>{esc(about)}</p>'
        f'</div><h3>{esc(most_heading)}</h3><ol>{most}</ol></aside>',
        "</div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
