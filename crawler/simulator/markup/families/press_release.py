"""A ministry's or public body's press release (بيان صحفي) on a government portal: the release
with its reference number, a Hijri and Gregorian date line, the attachments to download, the
notes to editors and the media contact box.

Head: og tags; on metadata-dated pages (and for metadata-only bylines) a JSON-LD
``NewsArticle`` with ``genre`` "PressRelease" and the reference number as ``identifier``, and
``article:published_time``. Text-dated and undated pages carry no machine date.
Page: the portal bar (today's date in Gregorian and Hijri: render time; the accessibility tools
"تكبير الخط" "تباين الألوان"...; "English"), the header (emblem, the body's name, "المركز
الإعلامي"), the menu, breadcrumbs ("المركز الإعلامي" › "البيانات الصحفية"). Above the ``<h1>``
the release bar: the badge "بيان صحفي" and the reference number ("رقم البيان: 2024/11/0457":
in some sections the year and month of the release and a serial, which reads like a date and is
none; "ب.ص/318/1446"; "MR-2024-0457"); the release's own date in that bar ("التاريخ: ...",
``date_place`` ``above_title``) or under the ``<h1>`` (``layout["date_line"]``, per section).
Under the ``<h1>``: the issuing desk "المصدر: إدارة الاتصال المؤسسي" (a unit, not an author),
the editor "إعداد: X" when the byline goes before; the lead image and its caption.
Body (``div.release-body``): the paragraphs (now and then a lead sentence of its own, an
intertitle, a list of the measures announced: body); the dateline run in bold at the start of
the first paragraph ("<strong>الرباط - المغرب اليوم:</strong> أعلنت ...", or with " -": the text
after it is the first body paragraph) or a line of its own above the text. After the last
paragraph the end mark ("-انتهى-", "###": not body) and the editor "إعداد: X" when the
byline goes after; then the notes to editors ("ملاحظات للمحررين" / "نبذة عن ...": a paragraph
of prose about the issuing body, *not* body).
After: the attachments ("المرفقات": file names, types and sizes, "تحميل"), the media contact
box (desk, e-mail, phone and fax in Latin digits), the page rating ("هل كانت هذه الصفحة
مفيدة؟"), the page's last update ("آخر تحديث للصفحة: ..." a later day and time) and its
visits, share links, other releases (reference numbers and dates), the footer.
Dates: metadata (second) or the date line (a Hijri date gives the Gregorian day printed
beside it; day or minute); undated pages show the header's day, the other releases' dates and
the page's last update.
"""

from __future__ import annotations

from datetime import timedelta

from crawler.simulator.markup import body, dates, furniture, meta
from crawler.simulator.markup.kit import attr, esc
from crawler.simulator.markup.page import Page, Traits
from crawler.simulator.model import REFERENCE
from crawler.simulator.text import eastern_digits

NAME = "press_release"
TRAITS = Traits(
    date_formats=("hijri_paired", "gregorian_hijri", "hijri_numeric", "weekday_time",
                  "numeric_day"),
    date_where=(0.4, 0.4, 0.2), meta_styles=("site", "site", "plus3"),
    visible_with_meta=0.9, eastern_digits=0.15,
    byline_forms=("edited_by", "edited_by", "meta_only"),
    byline_prefixes={"edited_by": ("إعداد: ", "تحرير: ", "المحرر: ")},
    byline_positions=("after", "after", "before"),
    dateline_positions=("body_lead", "line", "omitted"),
    display_title=0.1, image=0.6, caption=0.7,
)

PORTAL_BAR = ("البوابة الرسمية", "تكبير الخط", "تصغير الخط", "تباين الألوان", "قارئ الشاشة",
              "English")
GOV_MENU = ("عن الوزارة", "الخدمات الإلكترونية", "المركز الإعلامي", "الأنظمة واللوائح",
            "البيانات المفتوحة", "المشاركة الإلكترونية", "الميزانية والتقارير", "المناقصات",
            "الوظائف", "اتصل بنا")
MEDIA_CENTRE = ("المركز الإعلامي", "الأخبار والإعلام")
RELEASES = ("البيانات الصحفية", "بيانات صحفية")
BADGES = ("بيان صحفي", "بلاغ صحفي", "بيان")
REF_LABELS = ("رقم البيان:", "الرقم المرجعي:", "المرجع:")
DATE_LABELS = ("التاريخ:", "تاريخ الإصدار:")
DESKS = ("إدارة الاتصال المؤسسي", "المكتب الإعلامي", "إدارة الإعلام والعلاقات العامة",
         "مديرية التواصل")
SOURCE_LABELS = ("المصدر:", "صادر عن:")
END_MARKS = ("-انتهى-", "- انتهى -", "###", "(انتهى)")
NOTES_HEADINGS = ("ملاحظات للمحررين", "نبذة عن الجهة", "حول الوزارة")
ATTACHMENTS = ("المرفقات", "الملفات المرفقة", "مرفقات البيان")
FILES = ("نص البيان الصحفي", "صور من الفعالية", "العرض التقديمي", "الملخص التنفيذي للتقرير",
         "البيان باللغة الإنجليزية", "الجدول الزمني للمشروع", "دليل الإجراءات")
FILE_TYPES = (("PDF", "pdf"), ("ZIP", "zip"), ("PPTX", "pptx"), ("DOCX", "docx"))
DOWNLOAD = ("تحميل", "تنزيل الملف")
CONTACT_HEADINGS = ("للاستفسارات الإعلامية", "التواصل الإعلامي", "للتواصل")
RATING = ("هل كانت هذه الصفحة مفيدة؟", "نعم", "لا", "شكرا لتقييمك")
UPDATED = ("آخر تحديث للصفحة:", "تاريخ آخر تحديث:")
VISITS = ("عدد الزيارات:", "الزيارات:")
OTHER_RELEASES = ("بيانات صحفية أخرى", "أحدث البيانات", "المزيد من البيانات")
ABOUT = ("{label} جهة حكومية تعمل على تنفيذ السياسات العمومية في مجالات اختصاصها، وتشرف على "
         "{n} برنامجا وطنيا بالتعاون مع الشركاء المحليين والدوليين.",
         "تأسست {label} عام {year}، وتتولى اقتراح التشريعات ومتابعة تنفيذها، ونشر البيانات "
         "والإحصاءات الرسمية المتعلقة بالقطاع.",
         "تسعى {label} إلى تقديم خدمات حكومية ميسرة وشفافة، وتنشر تقاريرها الدورية على موقعها "
         "الرسمي وعبر منصاتها الرقمية.")
"""Notes to editors (written for this generator): prose about the issuing body, not body."""


def _digits(page: Page, text: str) -> str:
    return eastern_digits(text) if page.eastern else text


def _reference(page: Page, style: int) -> str:
    rng, a = page.rng, page.article
    moment = a.published or (REFERENCE - timedelta(days=rng.randint(5, 90)))
    local = moment.astimezone(dates.site_zone(a.site))
    serial = rng.randint(12, 980)
    if style == 0:
        return f"{local:%Y/%m}/{serial:04d}"
    if style == 1:
        return f"ب.ص/{serial}/{dates.hijri(local.date())[0]}"
    return f"MR-{local:%Y}-{serial:04d}"


def _release_body(page: Page, end_mark: str) -> str:
    parts = body.shape(page, lead=0.25, subheads=0.15, bullets=0.3)
    html = []
    for part in parts:
        if part.kind == "subhead":
            html.append(f"<h3>{esc(part.texts[0])}</h3>")
        elif part.kind == "quote":
            html.append(f"<blockquote><p>{esc(part.texts[0])}</p></blockquote>")
        elif part.kind == "list":
            html.append("<ul>" + "".join(f"<li>{esc(t)}</li>" for t in part.texts) + "</ul>")
        else:
            html.append(f"<p>{esc(part.texts[0])}</p>")
    if page.dateline and page.dateline.position == "body_lead":
        joint = page.stable(f"dateline-joint:{page.section}").choice((":", " -"))
        html[0] = (f"<p><strong>{esc(page.dateline.text)}{joint}</strong> "
                   f"{esc(parts[0].texts[0])}</p>")
    elif page.dateline:
        html.insert(0, f'<p class="dateline">{esc(page.dateline.text)}</p>')
    html.append(f'<p class="end-mark">{esc(end_mark)}</p>')
    b = page.byline
    if b.visible and b.position == "after":
        html.append(f'<p class="editor">{esc(b.text())}</p>')
    return '<div class="release-body">\n' + "\n".join(html) + "\n</div>"


def _size(page: Page, kind: str) -> str:
    rng = page.rng
    if kind in ("ZIP", "PPTX"):
        return f"{rng.randint(1, 24)}.{rng.randrange(10)} MB"
    return f"{rng.randint(90, 980)} KB"


def render(page: Page) -> str:
    rng, a, b = page.rng, page.article, page.byline
    ref_style = page.stable(f"ref:{page.section}").randrange(3)
    reference = page.record("release_meta", [_digits(page, _reference(page, ref_style))])[0]
    ref_label = page.pick("release_meta", REF_LABELS)
    date_above = page.stable(f"date-line:{page.section}").random() < 0.5
    page.layout["reference"] = ("year_month", "hijri_year", "latin")[ref_style]
    page.layout["date_line"] = ("above" if date_above else "below") if page.date.visible \
        else "none"
    if page.date.visible and date_above:
        page.layout["date_place"] = "above_title"
    data = meta.news_article(page, description=meta.description(page), genre="PressRelease",
                             identifier=reference)
    head = ('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(a.title)} - {esc(page.label)}</title>\n"
            f'<link rel="canonical" href="{attr(a.url)}">\n'
            + meta.open_graph(page) + meta.article_times(page)
            + (meta.ld_script(data) if page.date.where == "metadata" or b.in_metadata else "")
            + '<link rel="stylesheet" href="/portal/css/gov.css">\n</head>\n')
    today = page.today_line("gregorian_hijri")
    bar = page.record("portal", list(PORTAL_BAR[:page.stable("bar").randint(4, 6)]))
    bar_html = "".join(f'<a href="#">{esc(x)}</a>' for x in bar)
    centre = page.pick("logo", MEDIA_CENTRE)
    page.record("logo", [page.label])
    menu_items = page.record("menu", [page.stable("home").choice(furniture.HOME),
                                      *page.stable("menu").sample(GOV_MENU, 7)])
    menu = "".join(f'<li><a href="/ar/{i}">{esc(m)}</a></li>' for i, m in enumerate(menu_items))
    crumbs = page.record("breadcrumbs", [page.stable("home").choice(furniture.HOME), centre,
                                         page.stable("releases").choice(RELEASES)])
    crumb_html = " › ".join(f'<a href="/ar/c/{i}">{esc(c)}</a>' for i, c in enumerate(crumbs))
    badge = page.pick("label", BADGES)
    date_label = page.pick("date_label", DATE_LABELS) if page.date.visible else ""
    date_html = (f'<span class="release-date"><span class="lbl">{esc(date_label)}</span> '
                 f"{esc(page.date.visible or '')}</span>")
    ref_bar = (f'<div class="release-bar"><span class="badge">{esc(badge)}</span><span '
               f'class="ref">{esc(ref_label)} <bdi>{esc(reference)}</bdi></span>'
               + (date_html if page.date.visible and date_above else "") + "</div>")
    desk = page.record("source", [f"{page.pick('source', SOURCE_LABELS)} "
                                  f"{page.stable('desk').choice(DESKS)}"])[0]
    under = [f'<p class="issuer">{esc(desk)}</p>']
    if page.date.visible and not date_above:
        under.append(f'<p class="date-line">{date_html}</p>')
    if b.visible and b.position == "before":
        under.append(f'<p class="editor">{esc(b.text())}</p>')
    figure = ""
    if page.image:
        cap = (f"<figcaption>{esc(page.image.caption)}</figcaption>"
               if page.image.caption else "")
        figure = (f'<figure class="release-image"><img src="{attr(page.image.url)}" alt="'
                  f'{attr(a.title)}">{cap}</figure>')
    end_mark = page.pick("end_mark", END_MARKS)
    notes_heading = page.pick("about", NOTES_HEADINGS)
    about = page.record("about", [page.stable("about").choice(ABOUT).format(
        label=page.label, n=page.stable("about-n").randint(6, 40),
        year=page.stable("about-year").randint(1956, 2012))])[0]
    att_heading = page.pick("attachments", ATTACHMENTS)
    download = page.pick("attachments", DOWNLOAD)
    files = []
    for name in rng.sample(FILES, rng.randint(1, 4)):
        kind, ext = FILE_TYPES[0] if name == "نص البيان الصحفي" else rng.choice(FILE_TYPES)
        size = _size(page, kind)
        slug = f"release-{rng.randint(1000, 9999)}.{ext}"
        page.record("attachments", [name, f"{kind} - {size}", slug])
        files.append(f'<li class="file file-{ext}"><span class="name">{esc(name)}</span> '
                     f'<span class="meta">({esc(kind)} - {esc(size)})</span> <span class="fn">'
                     f'{esc(slug)}</span> <a href="/files/{attr(slug)}" download>'
                     f"{esc(download)}</a></li>")
    contact_heading = page.pick("contact", CONTACT_HEADINGS)
    phone_rng = page.stable("phone")
    code = phone_rng.randint(200, 999)
    phone = f"+{code} {phone_rng.randint(2, 9)} {phone_rng.randint(1000000, 9999999)}"
    fax = f"+{code} {phone_rng.randint(2, 9)} {phone_rng.randint(1000000, 9999999)}"
    email = f"media@{page.site.domain}"
    contact = page.record("contact", [page.stable("desk").choice(DESKS), email,
                                      f"هاتف: {phone}", f"فاكس: {fax}"])
    rating = page.record("rating", list(RATING[:3]))
    updated_label = page.pick("page_info", UPDATED)
    base = a.published or (REFERENCE - timedelta(days=rng.randint(5, 90)))
    later = base + timedelta(days=rng.randint(1, 30), minutes=rng.randrange(1440))
    updated = page.record("page_info", [dates.visible(later, "numeric_ampm", a.site,
                                                      page.eastern)])[0]
    visits_label = page.pick("page_info", VISITS)
    visits = page.record("page_info", [_digits(page, str(rng.randint(80, 25000)))])[0]
    share = "".join(f'<a href="#">{esc(s)}</a>' for s in page.share())
    others_heading = page.pick("related", OTHER_RELEASES)
    others = []
    for link in page.links("related", rng.randint(3, 5), "numeric_day"):
        number = page.record("related", [_digits(page, f"{rng.randint(12, 980):04d}")])[0]
        others.append(f'<li><span class="ref">{esc(number)}</span> <a href="{attr(link.url)}">'
                      f'{esc(link.title)}</a> <span class="d">{esc(link.date or "")}</span></li>')
    footer = page.footer()
    utility = "".join(f'<a href="/ar/p/{i}">{esc(x)}</a>'
                      for i, x in enumerate(page.utility_links()))
    return head + "\n".join([
        '<body class="gov-portal">',
        f'<div class="portal-bar"><span class="today">{esc(today)}</span>{bar_html}</div>',
        f'<header class="gov-header"><img src="/portal/emblem.svg" alt=""><div class="org">'
        f"<strong>{esc(page.label)}</strong> <span>{esc(centre)}</span></div></header>",
        f'<nav class="gov-menu"><ul>{menu}</ul></nav>',
        f'<nav class="crumbs">{crumb_html}</nav>',
        '<main class="release">',
        ref_bar,
        f'<h1 class="release-title">{esc(page.headline)}</h1>',
        '<div class="release-under">' + "".join(under) + "</div>",
        figure,
        _release_body(page, end_mark),
        f'<div class="notes-to-editors"><h4>{esc(notes_heading)}</h4><p>{esc(about)}</p></div>',
        f'<section class="attachments"><h3>{esc(att_heading)}</h3><ul>{"".join(files)}</ul>'
        "</section>",
        f'<section class="media-contact"><h3>{esc(contact_heading)}</h3><p>{esc(contact[0])}'
        f'</p><p><a href="mailto:{attr(email)}">{esc(email)}</a></p><p dir="ltr">'
        f"{esc(contact[2])}</p><p dir=\"ltr\">{esc(contact[3])}</p></section>",
        f'<div class="page-rating"><span>{esc(rating[0])}</span><button>{esc(rating[1])}'
        f"</button><button>{esc(rating[2])}</button></div>",
        f'<div class="page-info"><span>{esc(updated_label)} {esc(updated)}</span> <span>'
        f"{esc(visits_label)} {esc(visits)}</span></div>",
        f'<div class="share">{share}</div>',
        "</main>",
        f'<aside class="other-releases"><h3>{esc(others_heading)}</h3><ul>{"".join(others)}'
        "</ul></aside>",
        f'<footer><nav>{utility}</nav><p>{esc(footer[0])}</p><p>{esc(footer[1])}</p></footer>',
        "</body>\n</html>\n",
    ])
