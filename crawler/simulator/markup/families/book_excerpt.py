"""A book excerpt (مقتطفات من كتاب / "كتاب الأسبوع") on a portal's culture section: a new book's
pages as the site's writer presents them: the kicker, the deck naming the book and *its* author
("من كتاب «ذاكرة الملح» لـX"، "X - «ذاكرة الملح»": X wrote the book, not the article), the
presenter's byline, the book's card (cover, title, "تأليف: X", now and then "ترجمة: Y عن
الفرنسية", publisher, "تاريخ الصدور:" a month and a year before the story, pages, ISBN, price),
the publisher's note ("تنشر <site> هذه المقتطفات بالاتفاق مع <publisher>...": a sentence), the
"about the author" box (the book author's life in a sentence), a pull quote from the text signed
"— X" by the book's author, the bookshops and earlier excerpts with their days, and a JSON-LD
``Book`` whose ``author`` is the book's author (and ``translator`` the translator).

Body: the story's parts (now and then a lead sentence of its own, a quoted statement,
intertitles, a bulleted list after its lead-in: body), per page (``layout["split"]``: the
editor presents some excerpts and not others): ``split``, the presenter's first part alone in
``div.excerpt-intro`` (a ``<p><em>``: body), then the label "من الكتاب:" (an ``<h3>``: not
body), then the other parts in ``div.excerpt-text``; ``single``, the label, then every part in
``div.excerpt-text``. The
excerpt is typed per section (``layout["text"]``): ``p``, ``<p>``s with ``<h4>`` intertitles;
``div``, ``<div class="para">``s; ``br``, runs separated by ``<br><br>`` with ``<b>``
intertitles. Inside it, not body: section breaks ("* * *" in a ``p.sep``, between two parts, on
some pages), the pull quote (``aside.pull``: a sentence of an *earlier* part again in «», "— X":
a repeat, not a paragraph), an ad and read-also lines. The dateline is a ``p.dateline`` line
above the first part or the bold start of the first paragraph ("<b>city - source -</b>").

Not body: the card, placed per section (``layout["card"]``): ``above``, before the kicker and the
``<h1>`` (its "تأليف: X" is then the first credit on the page); ``inside``, between the intro and
the excerpt, a sibling of both (on ``split`` sections; after the text otherwise); ``after``, after
the text; ``side``, in the sidebar. The deck is above the ``<h1>`` or under it, before the meta
row (``layout["deck"]``); the note is between the meta row and the text or after the text
(``layout["note"]``). Also not body: the about-the-author box, the bookshops, the earlier
excerpts, tags, related stories, comments, the most read, the footer.

Bylines: "عرض: X", "إعداد: X", "تقديم: X", "بقلم: X", the bare name, or metadata only, in the
meta row under the ``<h1>`` or after the text: the article's author is the presenter; the book's
author and its translator are no authors. Head: og tags, the ``Book``; on metadata-dated pages
(and for metadata-only bylines) a JSON-LD ``NewsArticle`` and ``article:published_time``. Dates:
metadata (second) or the meta row (minute or day); the release month and the earlier excerpts'
days are never between the title and the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from crawler.simulator.markup import body, dates
from crawler.simulator.markup.body import Part, sentences
from crawler.simulator.markup.dates import GREGORIAN
from crawler.simulator.markup.families import portal_chrome as chrome
from crawler.simulator.markup.kit import attr, break_runs, esc, inline
from crawler.simulator.markup.page import Page, Traits

NAME = "book_excerpt"
TRAITS = Traits(
    date_formats=("weekday_day", "long_day", "paired_day", "wp_day", "ampm_comma"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("kataba", "kataba", "biqalam_colon", "bare", "meta_only"),
    byline_prefixes={"kataba": ("عرض: ", "إعداد: ", "تقديم: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("line", "body_lead", "omitted"),
    display_title=0.5, image=0.7, caption=0.6,
)

CARD_PLACES = ("above", "inside", "after", "side")
"""Where each section of a site puts the look-alike box."""
STYLES = ("p", "div", "br")


@dataclass(frozen=True)
class Book:
    title: str
    kind: str
    language: str | None
    """The language it was translated from ("الفرنسية"), or None for a book written in Arabic."""


BOOKS: tuple[Book, ...] = (
    Book("ذاكرة الملح", "رواية", None), Book("مدن على حافة الماء", "أدب رحلات", None),
    Book("دفاتر المعلم الأخير", "سيرة", None), Book("اقتصاد الظل", "دراسة", "الإنجليزية"),
    Book("حكايات الجسر القديم", "قصص", None), Book("ما لم تقله الخرائط", "تاريخ", "الفرنسية"),
    Book("أصوات من الضفة الأخرى", "رواية", "الإسبانية"),
)
"""The books (invented)."""
AUTHOR_FIRST = ("منير", "سعدى", "فاروق", "هيام", "وداد", "مالك")
AUTHOR_FAMILY = ("الخوري", "المعداوي", "بن شقرون", "الكتبي", "العريس")
"""Authors of the books written in Arabic: a pool of their own, none an author of the site."""
FOREIGN_AUTHORS = ("إيلينا فالديس", "جوليان مارشان", "توماس بريغز", "كلارا روفيرا")
"""Authors of the translated books."""
TRANSLATOR_FIRST = ("ناصيف", "رولا", "عزت", "ميرفت")
TRANSLATOR_FAMILY = ("الحلو", "داود", "البستاني")
"""The translators: a pool of their own, none an author."""
PUBLISHERS = ("دار الفجر الجديد", "منشورات الضفتين", "دار الكلمة الحرة", "المركز العربي للكتاب")
KICKER = ("مقتطفات من كتاب", "كتاب الأسبوع")
DECK = ("من كتاب «{title}» لـ{author}", "فصل من كتاب «{title}» للكاتب {author}",
        "{author} - «{title}»")
FROM_BOOK = ("من الكتاب:", "النص:")
CARD_HEADING = ("بطاقة الكتاب", "عن الكتاب")
CARD_LABELS = ("تأليف", "ترجمة", "الناشر", "تاريخ الصدور", "عدد الصفحات", "ردمك", "السعر")
TRANSLATED = "{name} عن {language}"
PAGES = "{n} صفحة"
PRICE = "{n} دولارا"
ORDER = ("اطلب الكتاب", "أضف إلى السلة")
NOTE = ("تنشر {label} هذه المقتطفات بالاتفاق مع {publisher}، والعناوين الفرعية من وضع المحرر.",
        "ينشر هذا الفصل بإذن خاص من {publisher}، ويحظر نقله دون موافقة الناشر.")
ABOUT = ("عن المؤلف", "من هو الكاتب؟")
ABOUT_TEXT = ("{author} من مواليد {city} عام {year}، صدرت له أعمال في الرواية والدراسة، وترجم "
              "بعضها إلى لغات عدة.",
              "{author} باحث وكاتب، درّس في جامعات عربية وأوروبية، وهذا كتابه {ordinal}.")
ORDINALS = ("الثالث", "الرابع", "الخامس", "السابع")
BIRTH_CITIES = ("صيدا", "تلمسان", "الموصل", "القيروان", "حمص", "مكناس")
SEPARATOR = "* * *"
PULL_SIGN = "— {author}"
SHOPS_HEADING = ("اشتر الكتاب من", "متوفر في")
SHOPS = ("مكتبة الضفتين", "متجر الكتاب الرقمي", "مكتبة المعرفة", "جناح الناشر في المعرض")
EARLIER = ("مقتطفات سابقة", "من سلسلة كتاب الأسبوع")
EARLIER_ITEM = "من كتاب «{title}»"


@dataclass(frozen=True)
class Credits:
    author: str
    translator: str | None
    publisher: str


def _credits(page: Page, book: Book) -> Credits:
    rng = page.rng
    if book.language:
        return Credits(rng.choice(FOREIGN_AUTHORS),
                       f"{rng.choice(TRANSLATOR_FIRST)} {rng.choice(TRANSLATOR_FAMILY)}",
                       rng.choice(PUBLISHERS))
    return Credits(f"{rng.choice(AUTHOR_FIRST)} {rng.choice(AUTHOR_FAMILY)}", None,
                   rng.choice(PUBLISHERS))


def _month(page: Page, moment: datetime) -> str:
    local = moment.astimezone(dates.site_zone(page.article.site))
    return page.digits(f"{GREGORIAN[local.month - 1]} {local.year}")


def _card(page: Page, book: Book, credits: Credits, released: datetime, place: str) -> str:
    rng = page.rng
    heading = page.pick("book_card", CARD_HEADING)
    title = page.record("book_card", [f"«{book.title}»", book.kind])[0]
    pairs = [(CARD_LABELS[0], credits.author)]
    if credits.translator and book.language:
        pairs.append((CARD_LABELS[1], TRANSLATED.format(name=credits.translator,
                                                        language=book.language)))
    pairs += [(CARD_LABELS[2], credits.publisher), (CARD_LABELS[3], _month(page, released)),
              (CARD_LABELS[4], page.digits(PAGES.format(n=rng.randint(120, 480)))),
              (CARD_LABELS[5], page.digits(f"978-{rng.randint(9933, 9959)}-"
                                           f"{rng.randint(10, 99)}-{rng.randint(100, 999)}-"
                                           f"{rng.randint(0, 9)}")),
              (CARD_LABELS[6], page.digits(PRICE.format(n=rng.randint(8, 30))))]
    for label, value in pairs:
        page.record("book_card", [label, value])
    order = page.pick("book_card", ORDER)
    cover = f"https://img.{page.site.domain}/books/{rng.getrandbits(32):08x}.jpg"
    tag = "h2" if place == "above" else "h3"
    return (f'<aside class="book-card {place}"><{tag} class="card-heading">{esc(heading)}</{tag}>'
            f'<img class="cover" src="{attr(cover)}" alt="{attr(book.title)}"><h4 class='
            f'"book-title">{esc(title)}</h4><span class="book-kind">{esc(book.kind)}</span><dl>'
            + "".join(f"<dt>{esc(label)}</dt><dd>{esc(value)}</dd>" for label, value in pairs)
            + f'</dl><a class="order" href="/books/order">{esc(order)}</a></aside>')


def _book_ld(page: Page, book: Book, credits: Credits, released: datetime) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Book", "name": book.title,
        "genre": book.kind, "inLanguage": "ar",
        "author": {"@type": "Person", "name": credits.author},
        "publisher": {"@type": "Organization", "name": credits.publisher},
        "copyrightYear": released.astimezone(dates.site_zone(page.article.site)).year}
    if credits.translator:
        data["translator"] = {"@type": "Person", "name": credits.translator}
    return data


def _about(page: Page, credits: Credits) -> str:
    rng = page.rng
    heading = page.pick("about_author", ABOUT)
    text = page.record("about_author", [page.digits(rng.choice(ABOUT_TEXT).format(
        author=credits.author, city=rng.choice(BIRTH_CITIES), year=rng.randint(1948, 1985),
        ordinal=rng.choice(ORDINALS)))])[0]
    return f'<div class="about-author"><h3>{esc(heading)}</h3><p>{esc(text)}</p></div>'


def _shops(page: Page) -> str:
    rng = page.rng
    heading = page.pick("shops", SHOPS_HEADING)
    items = []
    for shop in rng.sample(SHOPS, 3):
        price = page.digits(PRICE.format(n=rng.randint(8, 30)))
        page.record("shops", [shop, price])
        items.append(f'<li><a href="/go/{rng.randint(10, 99)}">{esc(shop)}</a> <b>{esc(price)}'
                     "</b></li>")
    return f'<div class="shops"><h3>{esc(heading)}</h3><ul>{"".join(items)}</ul></div>'


def _earlier(page: Page, book: Book, base: datetime) -> str:
    rng = page.rng
    heading = page.pick("earlier_excerpts", EARLIER)
    items = []
    for k, other in enumerate(rng.sample([b for b in BOOKS if b is not book], 3)):
        day = dates.visible(base - timedelta(days=7 * (k + 1) + rng.randint(0, 2)), "long_day",
                            page.article.site, page.eastern)
        title = EARLIER_ITEM.format(title=other.title)
        page.record("earlier_excerpts", [title, day])
        items.append(f'<li><a href="/books/{rng.randint(100, 999)}">{esc(title)}</a> <small>'
                     f"{esc(day)}</small></li>")
    return f'<div class="earlier"><h3>{esc(heading)}</h3><ul>{"".join(items)}</ul></div>'


def _pull(page: Page, parts: list[Part], before: int, author: str) -> str | None:
    """A pull quote: a sentence of a paragraph (of two sentences or more) among the first
    ``before`` parts, again."""
    candidates = [s for part in parts[:before] if part.kind == "p"
                  and len(sentences(part.texts[0])) >= 2
                  for s in sentences(part.texts[0])
                  if len(s.split()) >= 6 and not any(q in s for q in '«»"')]
    if not candidates:
        return None
    sentence = page.rng.choice(candidates)
    sign = page.record("pull_quote", [PULL_SIGN.format(author=author)])[0]
    return (f'<aside class="pull"><p>«{esc(sentence)}»</p><span class="sign">{esc(sign)}</span>'
            "</aside>")


def _pieces(page: Page, parts: list[Part], style: str,
            offset: int) -> list[tuple[str, bool, str]]:
    rng = page.rng
    lead = page.dateline if page.dateline and page.dateline.position == "body_lead" else None
    out: list[tuple[str, bool, str]] = []
    for i, part in enumerate(parts):
        text = part.texts[0]
        if part.kind == "subhead":
            out.append((f"<b>{esc(text)}</b>", True, "subhead") if style == "br"
                       else (f"<h4>{esc(text)}</h4>", False, "subhead"))
        elif part.kind == "quote":
            out.append((f"<blockquote>{esc(text)}</blockquote>", False, "quote"))
        elif part.kind == "list":
            out.append(("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>",
                        False, "list"))
        else:
            run = inline(text, rng, 0.2)
            if i + offset == 0 and lead:
                run = f"<b>{esc(lead.text)} -</b> {run}"
            following = parts[i + 1].kind if i + 1 < len(parts) else ""
            kind = "lead-in" if following == "list" else "p"
            if style == "p":
                out.append((f"<p>{run}</p>", False, kind))
            elif style == "div":
                out.append((f'<div class="para">{run}</div>', False, kind))
            else:
                out.append((run, True, kind))
    return out


def _excerpt(page: Page, parts: list[Part], style: str, offset: int, blocks: list[str],
             author: str) -> str:
    """The excerpt container: ``parts`` (the article's from ``offset`` on) with the blocks, a
    section break and a pull quote between them."""
    rng = page.rng
    pieces = _pieces(page, parts, style, offset)
    extras = list(blocks)
    if len(parts) >= 3 and rng.random() < 0.4:
        extras.append(f'<p class="sep">{esc(page.record("separator", [SEPARATOR])[0])}</p>')
        page.layout["separator"] = "yes"
    for block in extras:
        spots = [k for k in range(1, len(pieces)) if pieces[k - 1][2] != "lead-in"]
        pieces.insert(rng.choice(spots) if spots else len(pieces), (block, False, "block"))
    if len(parts) >= 3 and rng.random() < 0.5:
        spots = [k for k in range(2, len(pieces)) if pieces[k - 1][2] != "lead-in"]
        if spots:
            at = rng.choice(spots)
            seen = sum(kind not in ("block",) for _, _, kind in pieces[:at])
            pull = _pull(page, parts, seen, author)
            if pull:
                pieces.insert(at, (pull, False, "block"))
                page.layout["pull_quote"] = "yes"
    out = []
    if offset == 0 and page.dateline and page.dateline.position == "line":
        out.append(f'<p class="dateline">{esc(page.dateline.text)}</p>')
    if style == "br":
        out.append("".join(break_runs([(h, r) for h, r, _ in pieces])))
    else:
        out += [h for h, _, _ in pieces]
    return '<div class="excerpt-text">\n' + "\n".join(out) + "\n</div>"


def _intro(page: Page, part: Part) -> str:
    run = inline(part.texts[0], page.rng, 0.2)
    if page.dateline and page.dateline.position == "body_lead":
        run = f"<b>{esc(page.dateline.text)} -</b> {run}"
    dateline = (f'<p class="dateline">{esc(page.dateline.text)}</p>'
                if page.dateline and page.dateline.position == "line" else "")
    return f'<div class="excerpt-intro">{dateline}<p><em>{run}</em></p></div>'


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    place = page.stable(f"card-place:{page.section}").choice(CARD_PLACES)
    style = page.stable(f"excerpt-typing:{page.section}").choice(STYLES)
    split = "split" if rng.random() < 0.6 else "single"
    deck_at = page.stable("deck").choice(("above", "below"))
    note_at = page.stable("note").choice(("top", "end"))
    parts = body.shape(page, lead=0.2, quote=0.2, subheads=0.25, bullets=0.2)
    if len(parts) < 2:
        split = "single"
    if place == "inside" and split == "single":
        place = "after"
    page.layout.update(card=place, text=style, split=split, deck=deck_at, note=note_at)
    base = a.published or (page.today - timedelta(days=rng.randint(30, 120)))
    book = rng.choice(BOOKS)
    credits = _credits(page, book)
    released = base - timedelta(days=rng.randint(20, 300))
    card = _card(page, book, credits, released, place)
    head = chrome.head(page, (_book_ld(page, book, credits, released),), articleSection="ثقافة")
    top = chrome.header(page, "long_day", " › ")
    kicker = page.pick("kicker", KICKER)
    deck = page.record("deck", [page.stable("deck-form").choice(DECK).format(
        title=book.title, author=credits.author)])[0]
    deck_html = f'<p class="deck">{esc(deck)}</p>'
    row = []
    if b.visible and b.position == "before":
        row.append(f'<span class="by">{esc(b.prefix)}{page.linked_names("/writers/")}</span>')
    if page.date.visible:
        row.append(page.date_span())
    note = page.record("publisher_note", [page.stable("note-form").choice(NOTE).format(
        label=page.label, publisher=credits.publisher)])[0]
    note_html = f'<p class="publisher-note"><small>{esc(note)}</small></p>'
    label = page.pick("from_book", FROM_BOOK)
    label_html = f'<h3 class="from-book">{esc(label)}</h3>'
    blocks = chrome.interruptions(page)
    if split == "split":
        text = "\n".join([_intro(page, parts[0]), label_html,
                          card if place == "inside" else "",
                          _excerpt(page, parts[1:], style, 1, blocks, credits.author)])
    else:
        text = "\n".join([label_html, _excerpt(page, parts, style, 0, blocks, credits.author)])
    signed = (f'<p class="by-end">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    main, side, foot = chrome.after(page, "long_day")
    return head + "\n".join([
        '<body class="culture books">',
        top,
        '<div class="page"><div class="cols"><main>',
        card if place == "above" else "",
        '<article class="excerpt">',
        f'<a class="kicker" href="/culture/books">{esc(kicker)}</a>',
        deck_html if deck_at == "above" else "",
        f"<h1>{esc(page.headline)}</h1>",
        deck_html if deck_at == "below" else "",
        f'<div class="meta">{" | ".join(row)}</div>' if row else "",
        page.lead_figure(),
        chrome.share(page),
        note_html if note_at == "top" else "",
        text,
        signed,
        note_html if note_at == "end" else "",
        card if place == "after" else "",
        "</article>",
        _about(page, credits),
        _shops(page),
        main,
        "</main>",
        '<aside class="sidebar">',
        card if place == "side" else "",
        _earlier(page, book, base),
        side,
        "</aside></div></div>",
        foot,
    ])
