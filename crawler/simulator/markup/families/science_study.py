"""A science and universities story (علوم وجامعات / "دراسة حديثة") about a new research paper:
the desk's story beside the paper's card (its English title, the journal, the researchers, the
received / accepted / online days, the DOI, the citation line) and the paper's abstract in
Arabic: a block of prose that reads like a story's text and is not the story, with researchers'
names that are not its authors and days that are not its date.

Body (``div.science-text``): the story's parts (now and then a lead sentence of its own, a quoted
statement as a ``<blockquote>``, intertitles, a list after its lead-in: body); the dateline a line
of its own above them or their bold start. Not body, inside the text: an ad, a read-also line,
and in some sections an expert's comment card (``aside.expert``: "رأي خبير", a quote of the
expert's own, "د. X، أستاذ ... بجامعة Y": no author). Each section of a site places the paper's
card one way (``layout["study"]``): ``above``, a banner above the ``<h1>`` ("دراسة منشورة في
<journal>" with the paper's online day) and the full card after the text; ``after``, the card
after the text; ``side``, the card in the sidebar. The abstract (``div.abstract`` under "ملخص
الدراسة") is open or folded in a ``<details>`` per section (``layout["abstract"]``).

Bylines: "كتب: X", "بقلم: X", "د. X" (the title is no part of the name), the bare name, or metadata
only; in the meta row under the ``<h1>`` or signed after the text. Head: og tags; on
metadata-dated pages (and for metadata-only bylines) a JSON-LD ``NewsArticle`` whose
``citation`` names the paper (a ``ScholarlyArticle`` without dates) and
``article:published_time``. Text-dated and undated pages carry no machine date.
Dates: metadata (second) or the meta row (minute or day); the paper's days are all before the
story's; undated pages show the paper's days, the events' days and the lists' dates, never
between the title and the text.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.body import Part
from crawler.simulator.markup.kit import attr, esc
from crawler.simulator.markup.page import Page, Traits, link_items
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import slugify

NAME = "science_study"
TRAITS = Traits(
    date_formats=("weekday_day", "long_day", "numeric_time", "weekday_time", "ampm_comma"),
    date_where=(0.4, 0.35, 0.25), meta_styles=("site", "utc_z", "plus3"),
    visible_with_meta=0.6, eastern_digits=0.1,
    byline_forms=("kataba", "biqalam_colon", "titled", "bare", "meta_only"),
    byline_positions=("before", "before", "after"),
    two_authors=0.1,
    dateline_positions=("omitted", "line", "body_lead"),
    display_title=0.5, image=0.8, caption=0.7,
)

JOURNALS = ("Arab Journal of Applied Sciences", "Mediterranean Health Review",
            "Journal of Arid Lands and Climate", "Middle East Medical Letters",
            "Gulf Journal of Marine Research", "Maghreb Review of Social Data")
"""Journals (invented), in English as the sites print them."""
TOPICS = (("Long-term exposure to urban heat and sleep quality", "in North African cities"),
          ("Groundwater salinity trends", "along the Mediterranean coast"),
          ("Vitamin D deficiency and bone health", "among school-age children"),
          ("Date palm waste as a low-cost building insulator", "in hot climates"),
          ("Microplastics in coastal fish", "of the Arabian Gulf"),
          ("Dust storms and hospital admissions", "across the Arabian Peninsula"))
FIRST = ("هالة", "رامي", "ريما", "أنور", "لبنى", "جواد", "سوسن", "ماهر", "دانة", "زياد")
FAMILY = ("الزين", "بن عاشور", "المصري", "الكبيسي", "الدباغ", "الحكيم", "الساعدي", "الرفاعي")
LATIN = ("Zein", "Ben Achour", "Masri", "Kubaisi", "Dabbagh", "Hakim", "Saadi", "Rifai")
"""Researchers: names of a pool of their own, none an author of the story."""
UNIVERSITIES = ("جامعة الملك سعود", "جامعة القاضي عياض", "الجامعة الأمريكية في بيروت",
                "جامعة السلطان قابوس", "جامعة قطر", "جامعة صفاقس", "جامعة الإمارات العربية المتحدة")
CARD_HEADINGS = ("الدراسة في سطور", "بطاقة الدراسة")
CARD_LABELS = ("عنوان الدراسة:", "المجلة:", "الباحثون:", "تاريخ الاستلام:", "تاريخ القبول:",
               "نشرت إلكترونيا:", "المعرف الرقمي DOI:", "للاستشهاد:")
CARD_ACTIONS = ("تحميل الدراسة (PDF)", "نسخ الاستشهاد", "الدراسة على موقع المجلة")
BANNER = "دراسة منشورة في {journal}"
ABSTRACT_HEADINGS = ("ملخص الدراسة", "الملخص كما نشرته المجلة")
ABSTRACT_TOGGLE = ("اقرأ ملخص الدراسة", "عرض الملخص")
AIMS = ("هدفت هذه الدراسة إلى قياس العلاقة بين العوامل البيئية والمؤشرات الصحية لدى عينة من "
        "{n} مشاركا على مدى {y} سنوات.",
        "سعى الباحثون إلى تقدير حجم الظاهرة وتتبع تطورها اعتمادا على بيانات ميدانية جمعت من "
        "{n} موقعا خلال {y} سنوات.")
METHODS = ("واعتمد الفريق على تحليل إحصائي متعدد المتغيرات مع ضبط عوامل العمر والجنس والدخل.",
           "وجمعت العينات وفق بروتوكول موحد، ثم حللت في مختبرين مستقلين للتحقق من دقة النتائج.")
FINDINGS = ("وأظهرت النتائج ارتفاعا ذا دلالة إحصائية بلغ {p} في المائة مقارنة بالمجموعة "
            "الضابطة.",
            "وبينت النتائج تراجعا تدريجيا بنحو {p} في المائة سنويا، مع تفاوت واضح بين المناطق.")
LIMITS = ("ويقر الباحثون بأن حجم العينة لا يسمح بتعميم النتائج، ويدعون إلى دراسات أوسع.",
          "وتوصي الدراسة بإدراج هذه المؤشرات في خطط الرصد الوطنية خلال السنوات المقبلة.")
"""The abstract's sentences (written for this generator): research prose, never the story."""
EXPERT_HEADINGS = ("رأي خبير", "تعليق مختص")
EXPERT_QUOTES = ("النتائج مهمة لكنها أولية، ويجب انتظار دراسات مستقلة قبل تغيير أي توصية صحية.",
                 "هذه من الدراسات القليلة التي تعتمد على بيانات محلية، وهذا ما يمنحها قيمتها.",
                 "المنهج سليم، غير أن الفترة الزمنية قصيرة ولا تكفي للحكم على الأثر البعيد.")
EXPERT_ROLES = ("أستاذ علم الأوبئة", "أستاذ علوم البيئة", "أستاذ الكيمياء الحيوية",
                "باحث في الصحة العامة")
EVENTS_HEADINGS = ("فعاليات علمية قادمة", "أجندة الجامعات")
EVENTS = ("ندوة دولية حول الأمن المائي", "المؤتمر العربي للذكاء الاصطناعي",
          "يوم مفتوح للبحث العلمي", "ملتقى طلبة الدكتوراه", "معرض الابتكار الجامعي")
UNI_HEADINGS = ("أخبار الجامعات", "من الحرم الجامعي")


def _name(page: Page) -> tuple[str, str]:
    k = page.rng.randrange(len(FAMILY))
    return f"{page.rng.choice(FIRST)} {FAMILY[k]}", LATIN[k]


def _card(page: Page, paper: dict[str, str], folded: bool) -> str:
    heading = page.pick("study", CARD_HEADINGS)
    labels = page.record("study", list(CARD_LABELS))
    page.record("study", [paper[k] for k in ("title", "journal", "people", "received",
                                             "accepted", "online", "doi", "cite")])
    rows = [(labels[0], f'<span lang="en" dir="ltr">{esc(paper["title"])}</span>'),
            (labels[1], f'<i lang="en">{esc(paper["journal"])}</i>'),
            (labels[2], esc(paper["people"])), (labels[3], esc(paper["received"])),
            (labels[4], esc(paper["accepted"])), (labels[5], esc(paper["online"])),
            (labels[6], f'<a href="https://doi.org/{attr(paper["doi"])}" dir="ltr">'
                        f'{esc(paper["doi"])}</a>'),
            (labels[7], f'<code dir="ltr">{esc(paper["cite"])}</code>')]
    table = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    actions = "".join(f'<a class="btn" href="#">{esc(x)}</a>'
                      for x in page.record("study", list(CARD_ACTIONS)))
    abstract_heading = page.pick("abstract", ABSTRACT_HEADINGS)
    text = page.record("abstract", [paper["abstract"]])[0]
    inner = f'<div class="abstract"><h4>{esc(abstract_heading)}</h4><p>{esc(text)}</p></div>'
    if folded:
        toggle = page.pick("abstract", ABSTRACT_TOGGLE)
        inner = f"<details><summary>{esc(toggle)}</summary>{inner}</details>"
    return (f'<section class="study-card"><h3>{esc(heading)}</h3><table>{table}</table>'
            f"{inner}<div class=\"actions\">{actions}</div></section>")


def _paper(page: Page) -> dict[str, str]:
    rng, a = page.rng, page.article
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 60)))
    online = base - timedelta(days=rng.randint(1, 12))  # the paper came out before the story
    accepted = online - timedelta(days=rng.randint(10, 45))
    received = accepted - timedelta(days=rng.randint(60, 200))
    people = [_name(page) for _ in range(rng.randint(2, 4))]
    title = " ".join(rng.choice(TOPICS))
    journal = rng.choice(JOURNALS)
    year = online.year
    code = "".join(w[0] for w in journal.split() if w[0].isupper()).lower()
    doi = f"10.{rng.randint(1000, 9999)}/{code}.{year}.{rng.randint(100, 9999)}"
    shown = [f"د. {people[0][0]}", *(n for n, _ in people[1:])]
    abstract = " ".join([rng.choice(AIMS).format(n=rng.randint(120, 4800), y=rng.randint(2, 9)),
                         rng.choice(METHODS),
                         rng.choice(FINDINGS).format(p=rng.randint(7, 41)), rng.choice(LIMITS)])

    def day(moment: datetime) -> str:
        return dates.visible(moment, "long_day", a.site, page.eastern)

    return {"title": title, "journal": journal, "people": "، ".join(shown) + " وآخرون",
            "received": day(received), "accepted": day(accepted), "online": day(online),
            "doi": doi, "abstract": page.digits(abstract),
            "cite": f"{people[0][1]}, et al. ({year}). {title}. {journal}, "
                    f"{rng.randint(3, 40)}({rng.randint(1, 12)}), {rng.randint(10, 300)}."}


def _text(page: Page, parts: list[Part], expert: bool) -> str:
    rng = page.rng
    html = body.parts_html(page, parts, heading="h3", lead_tag="strong", lead_mark=" -")
    blocks = [f'<div class="ad-slot"><span>{esc(page.pick("ad", furniture.AD_LABELS))}</span>'
              "</div>"]
    for link in page.links("read_also", rng.randint(0, 1)):
        blocks.append(f'<p class="read-also"><b>{esc(page.pick("read_also", furniture.READ_ALSO))}'
                      f'</b> <a href="{attr(link.url)}">{esc(link.title)}</a></p>')
    if expert:
        name, _ = _name(page)
        heading = page.pick("expert", EXPERT_HEADINGS)
        quote, who = page.record("expert", [
            rng.choice(EXPERT_QUOTES), f"د. {name}، {rng.choice(EXPERT_ROLES)} بـ"
                                       f"{rng.choice(UNIVERSITIES)}"])
        blocks.append(f'<aside class="expert"><h4>{esc(heading)}</h4><blockquote>«{esc(quote)}»'
                      f"</blockquote><cite>{esc(who)}</cite></aside>")
    for block in blocks:  # between two parts, never between a list's lead-in and its list
        spots = [i for i in range(1, len(html)) if not html[i].startswith("<ul>")]
        html.insert(rng.choice(spots) if spots else len(html), block)
    if page.dateline and page.dateline.position == "line":
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    return '<div class="science-text">\n' + "\n".join(html) + "\n</div>"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    place = page.stable(f"study:{page.section}").choice(("above", "after", "side"))
    folded = page.stable(f"abstract:{page.section}").random() < 0.5
    expert = rng.random() < 0.5
    page.layout.update(study=place, abstract="folded" if folded else "open",
                       expert="yes" if expert else "")
    paper = _paper(page)
    article = meta.news_article(page, citation={"@type": "ScholarlyArticle", "name": paper["title"],
                                                "isPartOf": paper["journal"],
                                                "sameAs": f"https://doi.org/{paper['doi']}"})
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(page.headline)} - {esc(page.label)}</title>\n"
            + meta.open_graph(page) + meta.article_times(page) + meta.meta_authors(page)
            + (meta.ld_script(article) if page.date.where == "metadata" or b.in_metadata else "")
            + "</head>\n")
    today = page.today_line("weekday_day")
    menu = "".join(f'<li><a href="/c/{i}">{esc(m)}</a></li>' for i, m in enumerate(page.menu()))
    breaking = page.pick("ticker", furniture.BREAKING_LABELS)
    ticker = "".join(f'<a href="{attr(x.url)}">{esc(x.title)}</a>'
                     for x in page.links("ticker", rng.randint(3, 5)))
    crumbs = " › ".join(f'<a href="/c/{i}">{esc(c)}</a>' for i, c in enumerate(page.breadcrumbs()))
    banner = ""
    if place == "above":
        line, online = page.record("study", [BANNER.format(journal=paper["journal"]),
                                             paper["online"]])
        banner = (f'<div class="study-banner"><span>{esc(line)}</span> | '
                  f'<span class="online">{esc(online)}</span></div>')
    meta_row = []
    if b.visible and b.position == "before":
        meta_row.append(f'<span class="by">{esc(b.prefix)}{page.linked_names()}</span>')
    if page.date.visible:
        meta_row.append(page.date_span())
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    parts = body.shape(page, lead=0.2, quote=0.25, subheads=0.3, bullets=0.15)
    text = _text(page, parts, expert)
    signed = (f'<p class="signed">{esc(b.text())}</p>'
              if b.visible and b.position == "after" else "")
    card = _card(page, paper, folded)
    tags = "".join(f'<a href="/tag/{attr(slugify(t))}">{esc(t)}</a>' for t in page.tags())
    related_heading = page.pick("related", furniture.RELATED_HEADINGS)
    related = link_items(page.links("related", rng.randint(3, 5), "long_day"))
    comments_heading = page.pick("comments", furniture.COMMENT_HEADINGS)
    comments = "".join(f'<li><b>{esc(n)}</b> <span class="d">{esc(d)}</span><p>{esc(w)}</p></li>'
                       for n, d, w in page.reader_comments(rng.randint(0, 3)))
    form = "".join(f"<label>{esc(x)}</label>" for x in page.comment_form())
    uni_heading = page.pick("latest", UNI_HEADINGS)
    uni = link_items(page.links("latest", 4, "numeric_day"))
    events_heading = page.pick("events", EVENTS_HEADINGS)
    base = a.published or REFERENCE
    events = [page.record("events", [name, dates.visible(
        base + timedelta(days=rng.randint(5, 90)), "weekday_day", a.site, page.eastern),
        rng.choice(UNIVERSITIES)]) for name in rng.sample(EVENTS, 3)]
    event_items = "".join(f'<li><b>{esc(n)}</b><br><span class="when">{esc(d)}</span> - '
                          f"{esc(u)}</li>" for n, d, u in events)
    most_heading = page.pick("most_read", furniture.MOST_READ_HEADINGS)
    most = link_items(page.links("most_read", 5))
    footer = page.footer()
    utility = "".join(f'<a href="/p/{i}">{esc(x)}</a>' for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="section-science">',
        f'<header class="top"><span class="today">{esc(today)}</span><a class="logo" href="/">'
        f'<img src="/logo.svg" alt="{attr(page.label)}"></a><nav><ul>{menu}</ul></nav></header>',
        f'<div class="ticker"><strong>{esc(breaking)}</strong>{ticker}</div>',
        f'<nav class="crumbs">{crumbs}</nav>',
        '<div class="layout"><main><article class="story">',
        banner,
        f"<h1>{esc(page.headline)}</h1>",
        f'<div class="meta">{" ".join(meta_row)}</div>' if meta_row else "",
        f'<div class="share">{share}</div>',
        page.lead_figure(),
        text,
        signed,
        card if place in ("above", "after") else "",
        f'<div class="tags">{tags}</div>',
        "</article>",
        f'<section class="related"><h3>{esc(related_heading)}</h3><ul>{related}</ul></section>',
        f'<section class="comments"><h3>{esc(comments_heading)}</h3><ol>{comments}</ol>'
        f"<form>{form}</form></section>",
        "</main>",
        f'<aside class="side">{card if place == "side" else ""}'
        f"<h3>{esc(uni_heading)}</h3><ul>{uni}</ul>"
        f"<h3>{esc(events_heading)}</h3><ul class=\"events\">{event_items}</ul>"
        f"<h3>{esc(most_heading)}</h3><ol>{most}</ol></aside>",
        "</div>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
