"""A reader's consultation page (استشارات / "اسأل الخبير" / فتوى) of a portal's advice section:
a reader's question signed with a first name and a city, the expert's answer as the story,
related questions, and the send-your-question form.

Here the *question is body*: it is the page's first paragraph, the reader's words that the
answer replies to, and a reader reads it as part of the article; ``expected["paragraphs"]`` is
the question, then the answer's parts (the article's paragraphs, now and then a quoted line as
a ``<blockquote>``, intertitles, a bulleted list: body). The question is one of QUESTIONS
(written for this generator, in the reader's first person, ending in "؟"). Not body: the
headings "السؤال" / "نص الاستشارة" above it and "الإجابة" / "رد المستشار" above the answer;
the asker's signature after the question (``p.asker``: "سعاد - فاس", "أبو يوسف من وهران",
"م. ع، 34 عاما - عمان": a first name or a kunya and a city, with a dash like a dateline's; the
asker is no author) and the day the question was sent ("تاريخ السؤال: 12 مارس 2024", three to
forty days *before* the publication) on the same line.
Each section of a site sets the question one way (``layout["question"]``): ``quote``, a
``<blockquote class="q">`` (a quote here is the question, body), or ``plain``, a ``<p
class="q-text">``.

The expert is the author: the byline's names (forms ``titled`` "يجيب عنها: د. X" / "المستشار
د. X" / "د. X", the title is not part of the name; ``kataba`` "يجيب: X" / "إجابة: X";
``meta_only``), before the text in the meta row, or after it ("أجاب عن الاستشارة: د. X" /
"الإجابة بقلم: د. X" for titled experts, "يجيب: X" otherwise, with the expert's role "مستشار
قانوني" on a line of its own, not body). ``layout["body_shape"]`` starts with ``question``.
The dateline, when shown, is a line of its own between the asker's signature and the answer
heading ("الرباط - المغرب اليوم", right after "سعاد - فاس").

Head: og tags; on metadata-dated pages (and for metadata-only bylines) a JSON-LD
``QAPage`` whose ``mainEntity`` is a ``Question`` (``text`` the question, ``author`` the asker
as a ``Person`` with the first name only: no author of the page, ``acceptedAnswer`` an
``Answer`` with the expert as author) and the page's ``datePublished`` on metadata-dated pages;
``article:published_time`` on those. Text-dated and undated pages carry no machine date.
Page: the header (logo, menu, today's date: render time), breadcrumbs ending in the section's
name ("استشارات"); the kicker above the ``<h1>`` ("اسأل الخبير" with the consultation's
number "رقم الاستشارة: 48213" and its category "التصنيف: قانون الأسرة"); the meta row under
it (the byline when it goes before; the date on dated pages with its label; the views
"1,204 مشاهدة"); the lead image and caption on some pages.
After the text: the expert's signature (byline after), the disclaimer ("الإجابة لا تغني عن
مراجعة مختص...": prose, not body), "هل أفادتك الإجابة؟" نعم / لا, related questions
("استشارات مشابهة": questions ending in "؟" each with its asker and its date), the
send-a-question form (its prompt sentence and labels), the footer.
Dates: metadata (second) or the meta row (minute or day); undated pages show the question's
day (after the first paragraph), the related questions' dates and the header's day only.
"""

from __future__ import annotations

from datetime import timedelta

from crawler.simulator.markup import body, dates, meta
from crawler.simulator.markup.kit import attr, esc, inline
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import eastern_digits

NAME = "reader_question"
TRAITS = Traits(
    date_formats=("long_day", "numeric_day", "hijri_paired", "weekday_comma_day",
                  "numeric_time"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.7, eastern_digits=0.15,
    byline_forms=("titled", "titled", "kataba", "meta_only"),
    byline_prefixes={"titled": ("يجيب عنها: د. ", "المستشار د. ", "د. "),
                     "kataba": ("يجيب: ", "إجابة: ")},
    byline_positions=("before", "before", "after"),
    dateline_positions=("omitted", "omitted", "line"),
    display_title=0.6, image=0.5, caption=0.5,
)

KICKERS = ("اسأل الخبير", "استشارات", "استشارة قانونية", "فتاوى وأحكام")
CRUMBS = ("استشارات", "اسأل الخبير", "استشارات القراء")
NUMBER_LABELS = ("رقم الاستشارة:", "رقم السؤال:")
CATEGORY_LABELS = ("التصنيف:", "القسم:")
CATEGORIES = ("قانون الأسرة", "شؤون العمل", "الصحة النفسية", "التربية والتعليم", "المال والأعمال",
              "العقار والسكن")
QUESTION_HEADINGS = ("السؤال", "نص الاستشارة", "سؤال القارئ")
ANSWER_HEADINGS = ("الإجابة", "رد المستشار", "جواب الخبير")
QUESTIONS = (
    "قرأت ما نشر هذا الأسبوع حول هذا الموضوع ولم أفهم ما الذي سيتغير بالنسبة لنا كمواطنين، "
    "فهل يمكن أن تشرحوا لي الأمر بلغة بسيطة؟",
    "أعمل موظفا منذ عشر سنوات، وسمعت من زملائي كلاما متضاربا عن القرار الأخير، فما الصحيح في "
    "ذلك وما الذي يجب علي فعله؟",
    "أنا أم لثلاثة أطفال وأتابع الأخبار بقلق، فهل لهذا الإجراء أثر على الأسر ذات الدخل "
    "المحدود، وكيف نستعد له؟",
    "تقدمت بطلب قبل أشهر ولم أتلق أي رد حتى الآن، وأخشى أن تؤثر التعديلات الجديدة على ملفي، "
    "فبماذا تنصحونني؟",
    "يقول البعض إن ما يجري مجرد وعود لن تتحقق، ويقول آخرون العكس، فكيف أميز بين المعلومة "
    "الصحيحة والإشاعة؟",
    "أنوي بدء مشروع صغير في مدينتي خلال الأشهر المقبلة، فهل تنصحونني بالانتظار حتى تتضح "
    "الصورة أم بالمضي قدما؟",
    "والدي متقاعد ويسألني كل يوم عن هذا الموضوع، ولا أعرف بماذا أجيبه، فهل من توضيح؟",
    "هل يحق لي الاعتراض على هذا القرار إن كان يضر بمصلحتي، وما هي الجهة التي أتوجه إليها؟",
)
"""Readers' questions (written for this generator): body, the page's first paragraph."""
ASKER_NAMES = ("سعاد", "أبو يوسف", "أم سليم", "رشيد", "خديجة", "م. ع", "نوال", "أبو آدم",
               "حياة", "عبد الإله", "زينب", "سفيان")
"""Askers: a first name, a kunya or initials; another pool than the articles' people."""
ASKER_CITIES = ("فاس", "وهران", "عمان", "صفاقس", "طنطا", "إربد", "مكناس", "سطيف", "نابلس",
                "صلالة", "المنصورة", "القيروان")
ASKER_FORMS = ("{name} - {city}", "{name} من {city}", "{name}، {age} عاما - {city}")
QUESTION_DATE_LABELS = ("تاريخ السؤال:", "أرسل في:")
ROLES = ("مستشار قانوني", "أخصائية نفسية وأسرية", "خبير اقتصادي", "مستشار تربوي",
         "محام لدى محكمة النقض")
AFTER_PREFIXES = ("أجاب عن الاستشارة: ", "الإجابة بقلم: ")
DISCLAIMERS = ("الإجابة لا تغني عن مراجعة مختص، وهي مبنية على المعلومات الواردة في السؤال فقط.",
               "الآراء الواردة في الاستشارات تعبر عن أصحابها، وننصح القراء بالرجوع إلى الجهات "
               "المختصة قبل اتخاذ أي قرار.")
HELPFUL = (("هل أفادتك الإجابة؟", "نعم", "لا"), ("هل كانت الاستشارة مفيدة؟", "مفيدة",
                                                 "غير مفيدة"))
VIEWS = ("{n} مشاهدة", "قرأها {n} شخصا")
RELATED_HEADINGS = ("استشارات مشابهة", "أسئلة ذات صلة", "قد تهمك هذه الاستشارات")
RELATED_QUESTIONS = ("هل يمكن استرجاع مبلغ الضمان بعد فسخ عقد الكراء؟",
                     "كيف أتعامل مع ابني المراهق الذي يرفض الدراسة؟",
                     "ما هي حقوقي إذا رفض المشغل منحي الإجازة السنوية؟",
                     "هل يحق للزوجة العمل دون موافقة الزوج؟",
                     "كيف أسدد قرضا بنكيا تراكمت فوائده؟",
                     "هل تسقط المخالفة المرورية بعد مرور سنة؟",
                     "ابنتي تعاني من الخوف من الامتحانات، فماذا أفعل؟",
                     "هل يجوز بيع شقة ما زالت مرهونة للبنك؟")
ASK_FORM = (("أرسل استشارتك", "اكتب سؤالك بوضوح وسيجيبك أحد مستشارينا خلال أيام.", "الاسم",
             "المدينة", "نص الاستشارة", "إرسال"),
            ("اطرح سؤالك", "لن ننشر اسمك الكامل، ونكتفي بالاسم الأول والمدينة.",
             "الاسم الأول", "البلد", "سؤالك", "أرسل السؤال"))


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _asker(page: Page) -> str:
    rng = page.rng
    form = page.stable("asker-form").choice(ASKER_FORMS)
    return _digits(page, form.format(name=rng.choice(ASKER_NAMES), city=rng.choice(ASKER_CITIES),
                                     age=rng.randint(22, 61)))


def _text(page: Page, question: str, asker_html: str, style: str) -> str:
    rng = page.rng
    parts = body.shape(page, quote=0.25, subheads=0.2, bullets=0.2)
    shown = [t for part in parts for t in part.texts]
    page.set_body([question, *shown])
    shaped = page.layout.get("body_shape", "plain")
    page.layout["body_shape"] = "question" if shaped == "plain" else f"question+{shaped}"
    q_heading = page.pick("question", QUESTION_HEADINGS)
    a_heading = page.pick("question", ANSWER_HEADINGS)
    html = [f'<h2 class="q-head">{esc(q_heading)}</h2>']
    if style == "quote":
        html.append(f'<blockquote class="q"><p>{esc(question)}</p></blockquote>')
    else:
        html.append(f'<p class="q-text">{esc(question)}</p>')
    html.append(asker_html)
    if page.dateline:
        html.append(f'<p class="dateline">{esc(page.dateline.text)}</p>')
    html.append(f'<h2 class="a-head">{esc(a_heading)}</h2>')
    for part in parts:
        if part.kind == "subhead":
            html.append(f"<h3>{esc(part.texts[0])}</h3>")
        elif part.kind == "quote":
            html.append(f"<blockquote><p>{esc(part.texts[0])}</p></blockquote>")
        elif part.kind == "list":
            html.append("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>")
        else:
            html.append(f"<p>{inline(part.texts[0], rng, 0.2)}</p>")
    return '<div class="consult-body">\n' + "\n".join(html) + "\n</div>"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    style = page.stable(f"question:{page.section}").choice(("quote", "plain"))
    page.layout["question"] = style
    question = rng.choice(QUESTIONS)
    asker = page.record("asker", [_asker(page)])[0]
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    sent = base - timedelta(days=rng.randint(3, 40), hours=rng.randint(0, 20))
    sent_label = page.pick("asker", QUESTION_DATE_LABELS)
    sent_day = page.record("asker", [dates.visible(sent, "long_day", a.site, page.eastern)])[0]
    asker_html = (f'<p class="asker"><span class="who">{esc(asker)}</span> <span class="sent">'
                  f"{esc(sent_label)} {esc(sent_day)}</span></p>")
    role = page.stable("role").choice(ROLES)
    answer: dict[str, object] = {"@type": "Answer"}
    if b.form != "none" and b.names:
        answer["author"] = {"@type": "Person", "name": b.names[0], "jobTitle": role}
    qa: dict[str, object] = {
        "@context": "https://schema.org", "@type": "QAPage",
        "mainEntity": {"@type": "Question", "name": a.title, "text": question,
                       "author": {"@type": "Person", "name": asker.split(" ")[0]},
                       "answerCount": 1, "acceptedAnswer": answer}}
    if page.date.where == "metadata" and page.date.machine is not None:
        qa["datePublished"] = page.date.machine.value
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(page.headline)} - {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + (meta.ld_script(qa) if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/css/consult.css?v=7">\n</head>\n')
    today = page.today_line(page.stable("today").choice(("weekday_day", "paired_day")))
    menu = "".join(f'<li><a href="/cat/{i}">{esc(m)}</a></li>'
                   for i, m in enumerate(page.menu(6, 10)))
    crumbs = [*page.breadcrumbs(), page.pick("breadcrumbs", CRUMBS)]
    crumb_html = " » ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(crumbs))
    kicker = page.pick("label", KICKERS)
    number_label = page.pick("consult_meta", NUMBER_LABELS)
    number = page.record("consult_meta", [_digits(page, str(rng.randint(10000, 99999)))])[0]
    category_label = page.pick("consult_meta", CATEGORY_LABELS)
    category = page.record("consult_meta", [rng.choice(CATEGORIES)])[0]
    meta_row = []
    if b.visible and b.position == "before":
        names = page.linked_names("/expert/")
        meta_row.append(f'<span class="expert">{esc(b.prefix)}{names}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    views = page.record("views", [_digits(page, page.stable("views").choice(VIEWS).format(
        n=f"{rng.randint(80, 9000):,}"))])[0]
    meta_row.append(f'<span class="views">{esc(views)}</span>')
    figure = page.lead_figure()
    text = _text(page, question, asker_html, style)
    signed = ""
    if b.visible and b.position == "after":
        line = (b.text() if b.form == "kataba"
                else page.stable("after-prefix").choice(AFTER_PREFIXES) + "د. " + b.joined())
        page.record("expert", [role])
        signed = (f'<div class="expert-sign"><p class="by">{esc(line)}</p>'
                  f'<p class="role">{esc(role)}</p></div>')
    disclaimer = page.record("disclaimer", [page.stable("disclaimer").choice(DISCLAIMERS)])[0]
    helpful = page.record("rating", list(page.stable("helpful").choice(HELPFUL)))
    related_heading = page.pick("related", RELATED_HEADINGS)
    related = []
    for q in rng.sample(RELATED_QUESTIONS, rng.randint(3, 5)):
        when = base - timedelta(days=rng.randint(2, 120), hours=rng.randint(0, 23))
        who = _asker(page)
        day = dates.visible(when, "numeric_day", a.site, page.eastern)
        page.record("related", [q, who, day])
        related.append(f'<li><a href="/consult/{rng.randint(10000, 99999)}">{esc(q)}</a> '
                       f'<span class="who">{esc(who)}</span> <span class="d">{esc(day)}</span>'
                       "</li>")
    form = page.record("ask_form", list(page.stable("ask-form").choice(ASK_FORM)))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="consultation">',
        f'<header><a class="logo" href="/"><img src="/img/logo.png" alt="{attr(page.label)}">'
        f'</a><span class="today">{esc(today)}</span><nav><ul>{menu}</ul></nav></header>',
        f'<div class="crumbs">{crumb_html}</div>',
        '<main><article class="consult">',
        f'<div class="kicker"><span class="k">{esc(kicker)}</span> <span class="num">'
        f'{esc(number_label)} {esc(number)}</span> <span class="cat">{esc(category_label)} '
        f"{esc(category)}</span></div>",
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" ".join(meta_row)}</div>',
        figure,
        text,
        signed,
        f'<p class="disclaimer">{esc(disclaimer)}</p>',
        f'<div class="helpful"><span>{esc(helpful[0])}</span> <button>{esc(helpful[1])}</button>'
        f" <button>{esc(helpful[2])}</button></div>",
        "</article>",
        f'<section class="related-q"><h3>{esc(related_heading)}</h3><ul>{"".join(related)}'
        "</ul></section>",
        f'<section class="ask"><h3>{esc(form[0])}</h3><p>{esc(form[1])}</p><form action="/ask" '
        f'method="post"><label>{esc(form[2])}</label><input name="n"><label>{esc(form[3])}'
        f'</label><input name="c"><label>{esc(form[4])}</label><textarea name="q"></textarea>'
        f"<button>{esc(form[5])}</button></form></section>",
        "</main>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
