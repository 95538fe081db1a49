"""A long interview (حوار) as Arabic dailies run them: an introduction, then the editor's
questions and the guest's answers, one after another.

Here the *questions are body*: a reader reads them as part of the article, so
``expected["paragraphs"]`` is the introduction, then each question (the editor's own line, in
the order shown) followed by its answer (the article's paragraphs, in order; an answer that runs
over two paragraphs has one question before its first, and its mark only there). The marks
around them are not body:
"س:" before a question and "ج:" before an answer, or the outlet's label ("المغرب اليوم:") before
a question and the guest's family name ("العلوي:") before an answer; the question text after
the mark is. Each section of a site writes its questions one way (``layout["questions"]``):
``heading`` (an ``<h3 class="qa-q">`` of the question alone, the answer a plain ``<p>``),
``letters`` (``<p class="qa-q"><strong>س: question</strong></p>``, the answer
``<p><strong>ج:</strong> answer</p>``) or ``names`` (``<p class="qa-q"><strong>المغرب اليوم:
question</strong></p>``, the answer ``<p><strong>العلوي:</strong> answer</p>``).

Head: og tags; on metadata-dated pages (and for metadata-only bylines) a JSON-LD
``NewsArticle`` (``genre`` "Interview", ``about`` the guest as a ``Person``: the guest is no
author) and ``article:published_time``. Text-dated and undated pages carry no machine date.
Page: the header (logo, menu, today's date: render time), a breaking ticker, breadcrumbs ending
in "حوارات"; the kicker "حوار" / "حوار خاص" above the ``<h1>``; the meta row (the interviewer
"حاوره: X" / "أجرى الحوار: X" / the bare name when the byline goes before; the date on dated
pages, with its label); share buttons; the lead image with its caption and the
photographer's credit "تصوير: Y" (no author); the guest card, just before the introduction
in some sections, in the sidebar in others: the guest's name, role and "من مواليد
عام 1961" (the guest is no author; a year, never a date).
Body (``div.interview-body``): the introduction (the dateline as its bold first line or a line
of its own above it), then the questions and answers; on some pages a pull quote between two
answers (``<blockquote class="pull-quote">`` with a sentence of an answer in «»: a repeat,
not body).
After the body: "أجرى الحوار: X" when the byline goes after; the interview note ("أجري هذا
الحوار في الرباط يوم الأحد 3 نوفمبر 2024": a day *before* the publication, not its date);
tags; "حوارات سابقة" with dates; the comment form; the sidebar (the guest card on some
sites, most read with dates); the footer.
Dates: metadata (second) or the meta row (minute or day); undated pages show the interview
note's day, the lists' dates and the header's day only.
"""

from __future__ import annotations

from datetime import timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc, inline, thumb_url
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import eastern_digits, person_name, slugify

NAME = "interview_qa"
TRAITS = Traits(
    date_formats=("weekday_time", "day_at_time", "levant_time", "wp_day", "numeric_time"),
    date_where=(0.45, 0.35, 0.2), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.7, eastern_digits=0.1,
    byline_forms=("kataba", "kataba", "bare", "meta_only"),
    byline_prefixes={"kataba": ("حاوره: ", "أجرى الحوار: ", "حوار: ")},
    byline_positions=("before", "before", "after"),
    two_authors=0.1,
    dateline_positions=("omitted", "omitted", "line", "body_lead"),
    display_title=0.6, image=0.85, caption=0.6,
)

QUESTIONS = (
    "كيف تقيمون الوضع الراهن بعد الإجراءات الأخيرة؟",
    "ما الذي تغير فعلا على أرض الواقع خلال الأشهر الماضية؟",
    "يرى منتقدون أن هذه الخطوات جاءت متأخرة، بماذا تردون عليهم؟",
    "ما أبرز العقبات التي تواجهكم في التنفيذ اليوم؟",
    "هل تملكون جدولا زمنيا واضحا للمرحلة المقبلة؟",
    "كيف تنظرون إلى دور القطاع الخاص في هذا الملف؟",
    "ما حجم التمويل المرصود، ومن أين سيأتي؟",
    "هناك من يتحدث عن غياب التنسيق بين المؤسسات، ما تعليقكم؟",
    "ماذا تقولون للمواطن الذي لم يلمس أي تحسن حتى الآن؟",
    "إلى أي حد تأثرتم بالظروف الإقليمية الحالية؟",
    "ما الرسالة التي توجهونها إلى الشباب في هذه المرحلة؟",
    "هل أنتم راضون عن مستوى التعاون مع الشركاء في الخارج؟",
    "كيف تردون على الانتقادات الموجهة إلى طريقة تدبير هذا الملف؟",
    "ما الأولويات التي وضعتموها للسنة المقبلة؟",
    "هل يمكن أن نرى تعديلات في القوانين قريبا في هذا الاتجاه؟",
    "وماذا عن المدن الصغيرة والمناطق البعيدة عن العاصمة؟",
    "هل تخشون أن تتكرر أخطاء التجارب السابقة؟",
    "ما الذي يجعلكم متفائلين رغم كل هذه الصعوبات؟",
)
"""The editor's questions (written for this generator): body text."""
LAST_QUESTIONS = ("أخيرا، كيف ترون مستقبل القطاع خلال السنوات الخمس المقبلة؟",
                  "كلمة أخيرة نختم بها هذا الحوار؟")
ROLES = ("وزير الاقتصاد السابق", "رئيس غرفة التجارة والصناعة", "الخبير في السياسات العمومية",
         "رئيسة جمعية حماية المستهلك", "المدير العام لوكالة التنمية الجهوية",
         "أستاذ العلوم السياسية", "رئيس اللجنة البرلمانية للمالية", "الأمين العام لاتحاد الشغل")
KICKERS = ("حوار", "حوار خاص", "حوار العدد", "في حوار مع")
NOTE_FORMS = ("أجري هذا الحوار في {city} يوم {day}", "* أجري الحوار بتاريخ {day} في {city}",
              "(أجري الحوار في {city}، {day})")
CITIES = ("الرباط", "القاهرة", "عمان", "تونس", "الجزائر", "دبي", "الرياض", "بيروت", "مسقط")
PAST_HEADINGS = ("حوارات سابقة", "المزيد من الحوارات", "حوارات أخرى")
CARD_HEADINGS = ("ضيف الحوار", "بطاقة الضيف", "من هو الضيف؟")


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _guest(page: Page) -> tuple[str, str, str]:
    taken = set(page.article.authors) | set(page.byline.names)
    while (name := person_name(page.rng)) in taken:
        pass
    role = page.rng.choice(ROLES)
    born = _digits(page, f"من مواليد عام {page.rng.randint(1948, 1982)}")
    return name, role, born


def _questions(page: Page, answers: int) -> list[bool]:
    """Whether each answer after the introduction has a question before it."""
    rng = page.rng
    return [i == 0 or rng.random() < 0.8 for i in range(answers)]


def _body(page: Page, guest: str, style: str) -> str:
    rng, a = page.rng, page.article
    intro, answers = a.paragraphs[0], list(a.paragraphs[1:])
    asked = _questions(page, len(answers))
    pool = rng.sample(QUESTIONS, min(len(QUESTIONS), sum(asked)))
    if pool and asked[-1] and rng.random() < 0.4:
        pool[-1] = rng.choice(LAST_QUESTIONS)
    questions = iter(pool)
    q_mark, a_mark = "", ""
    if style == "letters":
        q_mark, a_mark = page.record("qa_marks", ["س:", "ج:"])
    elif style == "names":
        family = guest.split(" ", 1)[1]
        q_mark, a_mark = page.record("qa_marks", [f"{page.label}:", f"{family}:"])
    shown = [intro]
    blocks = []
    line = lead = ""
    if page.dateline and page.dateline.position == "body_lead":
        lead = f"<strong>{esc(page.dateline.text)}</strong><br>"
    elif page.dateline:
        line = f'<p class="dateline">{esc(page.dateline.text)}</p>'
    blocks.append(f'{line}<p class="intro">{lead}{inline(intro, rng, 0.2)}</p>')
    pairs = []
    for answer, has_question in zip(answers, asked, strict=True):
        html = ""
        if has_question:
            question = next(questions)
            shown.append(question)
            if style == "heading":
                html += f'<h3 class="qa-q">{esc(question)}</h3>'
            else:
                html += f'<p class="qa-q"><strong>{esc(q_mark)} {esc(question)}</strong></p>'
        shown.append(answer)
        mark = f"<strong>{esc(a_mark)}</strong> " if a_mark and has_question else ""
        html += f"<p>{mark}{inline(answer, rng, 0.25)}</p>"
        pairs.append(html)
    if len(pairs) >= 2 and rng.random() < 0.5:
        candidates = [s for p in answers for s in body.sentences(p) if len(s.split()) >= 6]
        if candidates:
            quote = page.record("pull_quote", [f"«{rng.choice(candidates).rstrip('.')}»"])[0]
            at = rng.randrange(1, len(pairs))
            pairs.insert(at, f'<blockquote class="pull-quote"><p>{esc(quote)}</p></blockquote>')
            page.layout["pull_quote"] = "yes"
    page.set_body(shown)
    page.layout["body_shape"] = "qa"
    page.layout["questions"] = style
    return '<div class="interview-body">\n' + "\n".join(blocks + pairs) + "\n</div>"


def _note(page: Page) -> str:
    rng, a = page.rng, page.article
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    held = base - timedelta(days=rng.randint(1, 12), hours=rng.randint(0, 5))
    day = dates.visible(held, "weekday_day", a.site, page.eastern)
    form = page.stable("note").choice(NOTE_FORMS)
    return page.record("note", [form.format(city=rng.choice(CITIES), day=day)])[0]


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    name, role, born = _guest(page)
    style = page.stable(f"questions:{page.section}").choice(("heading", "letters", "names"))
    card_in_head = page.stable(f"card:{page.section}").random() < 0.5
    data = meta.news_article(page, description=meta.description(page), genre="Interview",
                             about={"@type": "Person", "name": name, "jobTitle": role})
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(page.headline)} - {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page)
            + (meta.ld_script(data) if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/assets/css/main.css?v=31">\n</head>\n')
    today = page.today_line(page.stable("today").choice(("weekday_day", "gregorian_hijri")))
    menu = "".join(f'<li><a href="/section/{i}">{esc(m)}</a></li>'
                   for i, m in enumerate(page.menu(7, 11)))
    breaking = page.pick("ticker", furniture.BREAKING_LABELS)
    ticker = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a></li>'
                     for link in page.links("ticker", rng.randint(3, 6)))
    crumbs = [*page.breadcrumbs(), page.pick("breadcrumbs", ("حوارات", "حوار"))]
    crumb_html = " <span>›</span> ".join(f'<a href="/c/{i}">{esc(c)}</a>'
                                         for i, c in enumerate(crumbs))
    kicker = page.pick("label", KICKERS)
    meta_row = []
    if b.visible and b.position == "before":
        names = page.linked_names()
        meta_row.append(f'<span class="byline">{esc(b.prefix)}{names}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<a class="share" href="#">{esc(s)}</a>' for s in page.share())
    figure = ""
    if page.image:
        taken = {*a.authors, name}
        while (photographer := person_name(rng)) in taken:
            pass
        credit = page.record("credit", [f"{page.stable('credit').choice(furniture.PHOTO_CREDIT)}"
                                        f"{photographer}"])[0]
        cap = esc(page.image.caption) + " " if page.image.caption else ""
        figure = (f'<figure class="lead-image"><img src="{attr(page.image.url)}" alt="'
                  f'{attr(a.title)}"><figcaption>{cap}<span class="credit">{esc(credit)}</span>'
                  "</figcaption></figure>")
    card_heading = page.pick("guest", CARD_HEADINGS)
    page.record("guest", [name, role, born])
    card = (f'<div class="guest-card"><img src="{attr(thumb_url(page.site, rng))}" alt=""><h4>'
            f"{esc(card_heading)}</h4><p class=\"guest-name\">{esc(name)}</p><p class=\"guest-"
            f'role">{esc(role)}</p><p class="guest-born">{esc(born)}</p></div>')
    page.layout["guest_card"] = "head" if card_in_head else "side"
    text = _body(page, name, style)
    interviewer = (f'<p class="interviewer">{esc(b.text())}</p>'
                   if b.visible and b.position == "after" else "")
    note = f'<p class="interview-note">{esc(_note(page))}</p>'
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    past_heading = page.pick("related", PAST_HEADINGS)
    past = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a> <span class="d">'
                   f'{esc(link.date or "")}</span></li>'
                   for link in page.links("related", rng.randint(3, 5), "long_day"))
    comments_heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    form = "".join(f"<label>{esc(x)}</label>" for x in page.comment_form())
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = "".join(f'<li><a href="{attr(link.url)}">{esc(link.title)}</a><span>'
                   f'{esc(link.date or "")}</span></li>'
                   for link in page.links("most_read", 5, "numeric_day"))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="single interview">',
        f'<header class="site-header"><div class="today">{esc(today)}</div><a class="logo" '
        f'href="/"><img src="/assets/logo.svg" alt="{attr(page.label)}"></a><nav><ul>{menu}</ul>'
        "</nav></header>",
        f'<div class="ticker"><b>{esc(breaking)}</b><ul>{ticker}</ul></div>',
        '<div class="container"><main class="content">',
        f'<nav class="breadcrumbs">{crumb_html}</nav>',
        f'<article class="interview"><header><span class="kicker">{esc(kicker)}</span><h1>'
        f"{esc(page.headline)}</h1>"
        + (f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else "")
        + f'<div class="share-bar">{share}</div></header>',
        figure,
        card if card_in_head else "",
        text,
        interviewer,
        note,
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="past"><h3>{esc(past_heading)}</h3><ul>{past}</ul></section>',
        f'<section class="comments"><h3>{esc(comments_heading)}</h3><form>{form}</form>'
        "</section>",
        '</main><aside class="sidebar">',
        "" if card_in_head else card,
        f'<section><h3>{esc(most_heading)}</h3><ol>{most}</ol></section>',
        "</aside></div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
