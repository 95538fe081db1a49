"""Page kinds the eighth to thirteenth held-out sets brought (audio episodes, "on this day" pages,
advice with a data table, notices, text-only editions; paged articles, press reviews, results
tables; corrected stories, event agendas, forum topics, advertorials; e-mail digests, web
stories, parliament reports; brief columns, explainers, decrees; boxes set into or after the
text: an advisory's, a petition's with its form, a document's fold), each in markup written here
by hand: what decides the body, the date, the dateline and the byline on them, through
``extract_article``."""

from __future__ import annotations

from typing import Any

from crawler.extract.article import extract_article

URL = "https://www.arabstoday.net/485/101500-افتتاح-حديقة-عامة"
TITLE = "افتتاح حديقة عامة في الضاحية الشمالية"
BODY = [
    "افتتحت البلدية صباح اليوم حديقة عامة جديدة على مساحة عشرة هكتارات في الضاحية الشمالية.",
    "وتضم الحديقة ممرات للدراجات وملاعب للأطفال ومكتبة صغيرة مفتوحة طوال أيام الأسبوع.",
    "وقال مسؤول في البلدية إن المشروع استغرق عامين وشارك في تصميمه طلاب من كلية الهندسة.",
    "ويتوقع القائمون على الحديقة أن تستقبل آلاف الزوار في عطلة نهاية الأسبوع الأولى بعد الافتتاح.",
]
MENU = ('<nav class="menu"><ul><li><a href="/s/1">سياسة</a></li><li><a href="/s/2">اقتصاد</a>'
        '</li><li><a href="/s/3">رياضة</a></li></ul></nav>')
FOOTER = "<footer><p>© 2024 العرب اليوم - جميع الحقوق محفوظة</p></footer>"


def page(header: str = "", body: str = "", after: str = "", before_menu: str = "") -> str:
    paragraphs = body or "".join(f"<p>{text}</p>" for text in BODY)
    return (f'<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{TITLE}</title>'
            f'</head><body><header>{before_menu}{MENU}</header><main><article>'
            f'<h1>{TITLE}</h1>{header}<div class="text">{paragraphs}</div>{after}</article>'
            f'</main>{FOOTER}</body></html>')


def extract(html: str) -> dict[str, Any]:
    return extract_article(html, URL)


def paragraphs(item: dict[str, Any]) -> list[str]:
    return item["text"].split("\n\n")


# ------------------------------------------------------------------ body


def test_preformatted_text_keeps_its_paragraphs() -> None:
    body = "<pre>" + "\n\n".join(BODY) + "</pre>"
    assert paragraphs(extract(page(body=body))) == BODY


def test_a_data_table_set_into_the_text_is_not_the_text() -> None:
    table = ('<table class="facts"><caption>القيم الغذائية لكل 100 غرام</caption>'
             '<tr><th>السعرات</th><td>120 سعرة</td></tr><tr><th>البروتين</th><td>8 غ</td></tr>'
             '<tr><th>الألياف</th><td>3 غ</td></tr></table>')
    body = "".join(f"<p>{text}</p>" for text in BODY[:2]) + table \
        + "".join(f"<p>{text}</p>" for text in BODY[2:])
    assert paragraphs(extract(page(body=body))) == BODY


def test_a_page_laid_out_in_one_table_keeps_its_text() -> None:
    cells = "".join(f"<tr><td><p>{text}</p></td></tr>" for text in BODY)
    assert paragraphs(extract(page(body=f"<table>{cells}</table>"))) == BODY


def test_broadcast_credits_and_the_player_are_not_the_text() -> None:
    header = ('<div class="meta"><span>تقديم: هالة يوسف</span> <span>ضيف الحلقة: مروان خليل '
              '(باحث في التخطيط العمراني)</span></div>')
    player = ('<div class="audio"><button>استمع إلى الحلقة</button><span>00:42:17</span>'
              '<a href="/a.mp3">تحميل الحلقة</a> <span>سرعة التشغيل 1x</span></div>')
    body = f"<p>{BODY[0]}</p>{player}" + "".join(f"<p>{text}</p>" for text in BODY[1:])
    item = extract(page(header=header, body=body))
    assert paragraphs(item) == BODY
    assert item["authors"] == []


def test_a_meta_row_of_credits_gives_the_writer_and_the_date_only() -> None:
    header = ('<div class="meta">ملخص الحلقة بقلم: سامي حداد يقدمها: هالة يوسف ضيوف الحلقة: '
              'مروان خليل، نور عيسى نُشر في 10 سبتمبر 2024، 02:39 م</div>'
              '<p class="rec">سجلت الحلقة في 3 سبتمبر 2024</p>')
    item = extract(page(header=header))
    assert paragraphs(item) == BODY
    assert item["authors"] == ["سامي حداد"]
    assert item["published_at"] == "2024-09-10T14:39:00"


def test_a_teaser_labelled_more_ends_before_the_signature() -> None:
    after = ('<div class="more">المزيد: <a href="/x">طريقة عمل الكعك بالتمر</a></div>'
             '<p>سامي حداد</p>')
    assert extract(page(after=after))["authors"] == ["سامي حداد"]


# ------------------------------------------------------------------ dates


def test_the_day_in_a_past_year_is_not_the_article_date() -> None:
    badge = '<div class="badge">حدث في مثل هذا اليوم 5 أكتوبر 1924 قبل 100 عام</div>'
    html = page(header='<div class="meta">نُشر في 05/10/2024</div>').replace(
        f"<h1>{TITLE}</h1>", f"{badge}<h1>{TITLE}</h1>")
    assert extract(html)["published_at"] == "2024-10-05"
    assert extract(page().replace(f"<h1>{TITLE}</h1>", f"{badge}<h1>{TITLE}</h1>"))[
        "published_at"] is None


def test_a_recording_day_is_not_the_publication_day() -> None:
    item = extract(page(header="<p>تاريخ التسجيل: 3 سبتمبر 2024</p>"))
    assert item["published_at"] is None


def test_the_masthead_day_above_the_menu_is_not_the_article_date() -> None:
    item = extract(page(before_menu='<div class="today">28/05/2025</div>'))
    assert item["published_at"] is None


def test_a_labelled_publication_date_in_an_info_list_after_the_text() -> None:
    after = ('<dl class="info"><dt>التفاصيل</dt><dd>التصنيف: أخبار</dd>'
             '<dd>نشر في: 2024/10/11</dd><dd>الزيارات: 942</dd></dl>')
    assert extract(page(after=after))["published_at"] == "2024-10-11"


def test_a_teaser_with_its_date_under_the_text_is_no_post_date() -> None:
    after = ('<div><b>اقرأ أيضا</b><br>» <a href="/y">مهرجان الزهور يعود في الربيع المقبل</a>'
             ' (10/08/2024)</div>')
    html = page(after=after).replace('<div class="text">', "<div>")
    assert extract(html)["published_at"] is None


# ------------------------------------------------------------------ datelines and bylines


def test_a_dateline_after_a_readers_question_opens_the_answer() -> None:
    question = "أعمل موظفا منذ عشر سنوات وسمعت كلاما متضاربا عن القرار، فما الصحيح في ذلك؟"
    body = (f"<p>{question}</p><p>سعاد، 45 عاما - تاريخ السؤال: 17 سبتمبر 2024</p>"
            "<p>دبي - صوت الإمارات</p><h2>رد المستشار</h2>"
            + "".join(f"<p>{text}</p>" for text in BODY))
    item = extract(page(body=body))
    assert item["dateline"] == {"location": "دبي", "source": "صوت الإمارات"}
    assert paragraphs(item) == [question, *BODY]
    assert item["published_at"] is None


def test_a_desk_or_a_place_described_before_the_dash_is_no_dateline() -> None:
    item = extract(page(header="<p>قسم الإعلانات - سامي حداد</p>"))
    assert item["dateline"] is None and item["authors"] == ["سامي حداد"]
    item = extract(page(after="<p>من داخل قاعة المحكمة - سامي حداد</p>"))
    assert item["dateline"] is None and item["authors"] == ["سامي حداد"]


def test_a_translator_after_the_writer_is_no_part_of_the_name() -> None:
    header = '<div class="by">بقلم الكاتب: سامي حداد ترجمة وإعداد: نور عيسى</div>'
    assert extract(page(header=header))["authors"] == ["سامي حداد"]


# ------------------------------------------------------------------ paged texts, reviews, tables


def paged(pages: list[list[str]]) -> str:
    sections = []
    for number, texts in enumerate(pages, 1):
        hidden = " hidden" if number > 1 else ""
        head = (f'<div class="page-head">{TITLE} ({number}/{len(pages)})</div>'
                if number > 1 else "")
        pager = (f'<nav class="pager"><a href="?p=1">1</a> <a href="?p=2">2</a> '
                 f'<a href="?p={number + 1}">التالي »</a> الصفحة {number} من {len(pages)}</nav>')
        sections.append(f'<section class="part"{hidden}>{head}'
                        + "".join(f"<p>{text}</p>" for text in texts) + f"</section>{pager}")
        if number == 1:
            sections.append('<div class="sponsored"><b>محتوى مدعوم</b><div><a href="/s">عرض '
                            'خاص على الرحلات الصيفية</a> احجز الآن واستفد من خصم كبير على '
                            'الرحلات إلى المدن الساحلية هذا الموسم.</div></div>')
    return "".join(sections)


def test_every_page_of_a_paged_text_is_the_text_once() -> None:
    item = extract(page(body=paged([BODY[:1], BODY[1:3], BODY[3:]])))
    assert paragraphs(item) == BODY
    assert item["title"] == TITLE


def test_a_shown_tab_and_its_hidden_neighbours_stay_apart() -> None:
    tabs = ('<div class="tabs"><div class="tab-pane active"><p>' + BODY[3] + '</p></div>'
            '<div class="tab-pane" hidden><p>تشكيلة الفريق الأول كما أعلنها المدرب قبل '
            'المباراة بساعة واحدة فقط.</p></div></div>')
    body = "".join(f"<p>{text}</p>" for text in BODY[:3]) + tabs
    assert paragraphs(extract(page(body=body))) == BODY


def test_a_papers_issue_number_is_not_the_review() -> None:
    body = (f"<p>{BODY[0]}</p><h3>صحيفة الوادي</h3><p>العدد 9811</p><p>{BODY[1]}</p>"
            f"<h3>صحيفة الساحل</h3><p>العدد ١٥٨٤٥</p>"
            + "".join(f"<p>{text}</p>" for text in BODY[2:]))
    text = extract(page(body=body))["text"]
    assert "العدد" not in text and "صحيفة الساحل" in text


def test_a_tables_caption_after_the_text_is_no_signature() -> None:
    after = ('<table><caption>الأرقام الرسمية للنتيجة</caption><tr><th>الشعبة</th>'
             '<th>نسبة النجاح</th></tr><tr><td>علمي</td><td>71.4%</td></tr></table>')
    item = extract(page(header="<p>واشنطن - سامي حداد</p>", after=after))
    assert item["authors"] == ["سامي حداد"]


def test_an_ad_label_before_a_dash_is_no_dateline() -> None:
    item = extract(page(header="<p>إعلان - محتوى مدعوم</p>"))
    assert item["dateline"] is None


def test_the_papers_name_and_its_guests_marks_are_not_the_interview() -> None:
    question = "ما الذي تغير فعلا على أرض الواقع خلال الأشهر الماضية؟"
    body = (f"<p>{BODY[0]}</p><p>العرب اليوم: {question}</p><p>حداد: {BODY[1]}</p>"
            + "".join(f"<p>{text}</p>" for text in BODY[2:]))
    assert paragraphs(extract(page(body=body))) == [BODY[0], question, *BODY[1:]]


def test_the_first_of_two_writers_bio_after_the_text_is_not_the_text() -> None:
    after = ("<p>كتب سامي حداد ونور عيسى</p><p>سامي حداد كاتب وصحفي لبناني، يكتب في الشؤون "
             "البلدية منذ عشرين عاما، وله عدة مؤلفات.</p>")
    item = extract(page(after=after))
    assert paragraphs(item) == BODY
    assert item["authors"] == ["سامي حداد", "نور عيسى"]


def test_a_posts_date_on_its_signature_line() -> None:
    after = ('<div class="post-footer"><span class="author">سامي حداد</span>👁 40.9K تم '
             "التعديل 29 سبتمبر 2024، الساعة 20:20</div>")
    html = page(after=after).replace('<div class="text">', '<div class="post">')
    assert extract(html)["published_at"] == "2024-09-29T20:20:00"


# ---------------------------------------------------- corrections, events, forums, advertorials


def test_the_desks_notes_update_stamps_and_revision_log_are_not_the_story() -> None:
    body = ("<p>تصحيح: ورد في نسخة سابقة من هذا الخبر أن الافتتاح كان يوم الثلاثاء.</p>"
            f"<p>{BODY[0]}</p><p><b>تحديث 14:20:</b> {BODY[1]}</p>"
            + "".join(f"<p>{text}</p>" for text in BODY[2:])
            + "<p>كتب بواسطة: سامي حداد</p><h3>سجل التحديثات</h3><ul><li>منذ 4 أشهر نشر الخبر "
              "بواسطة: نور عيسى</li><li>منذ 4 أشهر تعديل العنوان، وكان: «عاجل: حديقة جديدة» "
              "بواسطة: هالة يوسف</li></ul>")
    item = extract(page(body=body))
    assert paragraphs(item) == BODY
    assert item["authors"] == ["سامي حداد"]


def test_an_events_day_on_its_tile_is_not_the_article_date() -> None:
    tile = '<div class="tile">26 أكتوبر 2024 انتهت الفعالية</div>'
    html = page(header="<div>السبت، 5 أكتوبر 2024</div>",
                after="<section><h3>عن الفعالية</h3><p>انطلقت هذه التظاهرة قبل سنوات بمبادرة "
                      "من اتحاد الكتاب، وتحولت إلى موعد سنوي ينتظره الجمهور.</p></section>")
    item = extract(html.replace(f"<h1>{TITLE}</h1>", f"{tile}<h1>{TITLE}</h1>"))
    assert item["published_at"] == "2024-10-05"
    assert paragraphs(item) == BODY


def post(name: str, rank: str, texts: list[str]) -> str:
    card = (f'<div class="user"><h4>{name}</h4><h5>{rank}</h5><dl><dt>عضو منذ</dt>'
            "<dd>2012</dd><dt>الموقع</dt><dd>مصر</dd></dl></div>")
    return f'<li class="post">{card}<div class="msg">' + "".join(
        f"<p>{text}</p>" for text in texts) + "</div></li>"


def forum(first: str) -> str:
    replies = [post("عاشق الوطن", "عضو مميز", ["موضوع مهم جدا ويحتاج إلى نقاش أوسع في "
                                                "وسائل الإعلام المحلية والعربية."]),
               post("قلم حر", "عضو نشيط", ["شكرا على النقل."]),
               post("ابن البلد", "عضو جديد", ["أين الرقابة على الأسعار؟ المواطن البسيط هو "
                                              "من يدفع الثمن دائما."])]
    return f'<ol class="posts">{first}{"".join(replies)}</ol>'


def test_a_forum_topics_first_post_is_the_article_and_the_replies_are_not() -> None:
    item = extract(page(body=forum(post("سامي حداد", "كاتب", BODY))))
    assert paragraphs(item) == BODY
    assert item["authors"] == ["سامي حداد"]


def test_a_members_repost_names_the_writer_in_its_byline_not_the_member() -> None:
    texts = [*BODY, "بقلم: سامي حداد", "منقول للفائدة"]
    item = extract(page(body=forum(post("فارس الكلمة", "عضو مميز", texts))))
    assert paragraphs(item) == BODY
    assert item["authors"] == ["سامي حداد"]


def test_a_tag_before_the_headline_is_no_part_of_the_title() -> None:
    head = (f'<script type="application/ld+json">{{"@type": "DiscussionForumPosting", '
            f'"headline": "{TITLE}", "datePublished": "2024-09-10T13:39:56+00:00"}}</script>')
    html = page().replace(f"<h1>{TITLE}</h1>", f"<h1><span>منقول</span> {TITLE}!</h1>")
    item = extract(html.replace("</head>", head + "</head>"))
    assert item["title"] == f"{TITLE}!"
    assert item["published_at"] == "2024-09-10T13:39:56+00:00"


def test_an_advertorials_own_text_in_its_sponsored_box_is_the_text() -> None:
    body = ('<p class="disclosure">تنشر هذه المادة في إطار شراكة تجارية مع شركة النخبة، '
            'والآراء الواردة فيها لا تعبر بالضرورة عن الموقع.</p><div class="sponsored-text">'
            + "".join(f"<p>{text}</p>" for text in BODY) + "</div>")
    html = page(body=body, header='<div class="by">إعداد: استوديو المحتوى</div>')
    item = extract(html.replace("<article>", '<article class="post sponsored">'))
    assert paragraphs(item) == BODY
    assert item["authors"] == []


# ---------------------------------------------------- digests, stories, sittings


def test_a_digests_issue_number_is_no_part_of_the_title_and_its_author_is_in_microdata() -> None:
    head = f'<meta property="og:title" content="العدد 91: {TITLE}">'
    item_open = ('<div itemscope itemtype="https://schema.org/NewsArticle">'
                 '<span itemprop="author" itemscope itemtype="https://schema.org/Person">'
                 '<meta itemprop="name" content="سامي حداد"></span>')
    comment = ('<div itemscope itemtype="https://schema.org/Comment"><span itemprop="author">'
               "قارئ من الرباط</span><p>تعليق قصير على الخبر.</p></div>")
    html = page(after=comment).replace("</head>", head + "</head>") \
        .replace("<article>", "<article>" + item_open).replace("</article>", "</div></article>")
    item = extract(html.replace(f"<title>{TITLE}</title>", f"<title>العدد 91: {TITLE}</title>"))
    assert item["title"] == TITLE
    assert item["authors"] == ["سامي حداد"]


def test_a_sittings_day_above_the_title_is_not_the_reports_date() -> None:
    bar = ('<div class="session">مجلس النواب الجلسة العامة رقم 57 الاثنين 21 أكتوبر 2024 '
           "رفعت الجلسة</div>")
    html = page(header="<div>23 أكتوبر 2024</div>").replace(f"<h1>{TITLE}</h1>",
                                                           f"{bar}<h1>{TITLE}</h1>")
    assert extract(html)["published_at"] == "2024-10-23"


def test_a_slide_counter_in_eastern_digits_is_no_dateline() -> None:
    body = "".join(f'<div class="slide"><p>{text}</p><span>٢ / ١٢</span></div>' for text in BODY)
    item = extract(page(body=body))
    assert item["dateline"] is None and paragraphs(item) == BODY


def test_a_history_of_the_storys_edits_ends_the_text_before_its_byline() -> None:
    after = ("<p>كتب سامي حداد</p><h3>تاريخ تعديلات الخبر</h3><ul><li>منذ 6 أشهر النشر الأول "
             "بواسطة: نور عيسى مع إضافة التفاصيل الأولى عن الحديقة الجديدة</li></ul>")
    body = "".join(f"<p>{text}</p>" for text in BODY) + after
    item = extract(page(body=body))
    assert paragraphs(item) == BODY and item["authors"] == ["سامي حداد"]


# ---------------------------------------------------- briefs, explainers, decrees


def brief(title: str, text: str, opened: bool = False) -> str:
    head = f"<h2>{title}</h2>" if opened else f'<h2><a href="/b/1">{title}</a></h2>'
    mark = ' aria-current="true"' if opened else ""
    return (f'<article class="brief"{mark}>{head}<span>10:40</span><p>كتب - نبيل الشناوي</p>'
            f"<p>{text}</p><a href=\"/b\">التفاصيل</a></article>")


def test_the_opened_brief_of_a_column_is_the_article_and_the_others_are_not() -> None:
    other = "بنزرت - العرب اليوم: اندلع حريق محدود في محل تجاري وسط المدينة دون تسجيل إصابات."
    opened = (f'<article class="brief" aria-current="true"><h2>{TITLE}</h2>'
              "<p>كتب - سامي حداد</p>" + "".join(f"<p>{text}</p>" for text in BODY)
              + "</article>")
    column = brief("حريق في محل تجاري", other) + opened + brief("حادث سير", other) \
        + brief("انقلاب حافلة", other)
    html = page(body=column).replace(f"<h1>{TITLE}</h1>",
                                     "<h1>موجز الحوادث</h1><p>موجز يوم 30 نوفمبر 2024</p>")
    item = extract(html)
    assert paragraphs(item) == BODY
    assert item["authors"] == ["سامي حداد"] and item["published_at"] is None


def test_a_readers_feedback_question_is_not_the_text() -> None:
    body = "".join(f"<p>{text}</p>" for text in BODY) + "<p>هل كانت هذه الإجابة مفيدة؟</p>"
    assert paragraphs(extract(page(body=body))) == BODY


def test_a_folded_document_set_into_the_text_is_not_the_text() -> None:
    decree = ("<section><details><summary>اضغط لقراءة نص القرار</summary>"
              "<p>بناء على الدستور، ولا سيما الفصل 92 منه؛</p>"
              "<p>المادة الأولى: يعين السيد سامي الودغيري رئيسا للمجلس الأعلى للحسابات.</p>"
              "</details></section>")
    body = "".join(f"<p>{text}</p>" for text in BODY[:2]) + decree \
        + "".join(f"<p>{text}</p>" for text in BODY[2:])
    assert paragraphs(extract(page(body=body))) == BODY


# ------------------------------------------------------------------ boxes set into the text

WARNING_BOX = (
    '<div class="visitor-info"><h2>تنبيه للزوار</h2><p class="level">الدرجة 2: انتبه (من 3)</p>'
    '<ul class="scale"><li>الدرجة 1: عادي</li><li>الدرجة 2: انتبه</li><li>الدرجة 3: تجنب</li></ul>'
    '<table><tr><th>المنطقة</th><th>الدرجة</th></tr><tr><td>السوق القديم</td><td>الدرجة 2</td>'
    '</tr><tr><td>الميناء</td><td>الدرجة 1</td></tr></table>'
    '<h3>نصائح عامة</h3>'
    '<ul><li>احتفظ بنسخة من وثائقك وجوازك في مكان آمن طوال مدة الرحلة والإقامة.</li>'
    '<li>تابع نشرات الطقس المحلية قبل الخروج في الصباح الباكر إلى المناطق الجبلية.</li></ul>'
    '<p>هاتف الطوارئ: 0123 456 789</p></div>')


def test_a_box_set_among_br_runs_is_not_the_text() -> None:
    body = ('<div class="runs">' + "<br><br>".join(BODY[:2]) + WARNING_BOX
            + "<br><br>".join(BODY[2:]) + "</div>")
    item = extract(page(body=body))
    assert paragraphs(item) == BODY


def test_the_signature_between_the_text_and_a_box_after_it_is_the_byline() -> None:
    after = '<p class="sig">بقلم: سامر الحلبي</p>' + WARNING_BOX
    item = extract(page(after=after))
    assert paragraphs(item) == BODY
    assert item["authors"] == ["سامر الحلبي"]


SIGN_BOX = (
    '<div class="campaign"><span>حملة</span><h2>نريد مكتبة في كل حي</h2>'
    '<p class="by">أطلقها: نادر الشامي 2 مارس 2024</p>'
    '<div class="appeal"><p>نحن سكان الحي نطالب المجلس بفتح مكتبة عامة قريبة من المدارس.</p>'
    '<p>سنرفع هذا النداء إلى المجلس حين يبلغ عدد الموقعين الرقم المطلوب.</p></div>'
    '<p class="count">812 توقيعا من أصل 1,000</p>'
    '<form><label>الاسم</label><label>البريد الإلكتروني</label><label>وقّع الآن</label></form>'
    '<h4>آخر الموقعين</h4><ul><li>ليلى من صفاقس، منذ ساعة</li><li>يوسف من إربد، منذ ساعتين</li>'
    '</ul></div>')


def test_the_text_goes_on_after_a_box_with_a_form_set_among_its_paragraphs() -> None:
    body = ("".join(f"<p>{text}</p>" for text in BODY[:2]) + SIGN_BOX
            + '<div class="ad-slot">إعلان</div>'
            + "".join(f"<p>{text}</p>" for text in BODY[2:]))
    item = extract(page(body=body))
    assert paragraphs(item) == BODY
    assert item["authors"] == []


def test_a_box_opening_with_a_kicker_beside_a_short_text_and_its_list_is_not_the_text() -> None:
    items = "".join(f"<li>{text}</li>" for text in BODY[1:3])
    body = (f"<p>{BODY[0]}</p>" + SIGN_BOX + "<p>ومن أبرز ما تضمنه المشروع:</p>"
            + f"<ul>{items}</ul><p>{BODY[3]}</p>")
    item = extract(page(body=body))
    assert paragraphs(item) == [BODY[0], "ومن أبرز ما تضمنه المشروع:", *BODY[1:]]


def test_a_folds_summary_after_the_text_is_no_byline() -> None:
    after = ('<div class="doc"><h3>نص البلاغ</h3><details><summary>نص البلاغ الكامل</summary>'
             '<p>بلاغ رقم 14 صادر في 3 مارس 2024</p><p>تعلن البلدية عن افتتاح الحديقة.</p>'
             '</details></div>')
    item = extract(page(after=after))
    assert paragraphs(item) == BODY
    assert item["authors"] == []


SPEC_CARD = (
    '<div class="spec-card"><h2>الهاتف الجديد في سطور</h2><p class="maker">من إنتاج شركة محلية</p>'
    '<ul><li>الشاشة: 6.5 بوصة</li><li>البطارية: 5000 ملي أمبير</li><li>الذاكرة: 256 غيغابايت</li>'
    '<li>السعر: 900 دينار</li></ul><h3>طريقة الحجز</h3><ol>'
    '<li>يسجل المشتري بياناته في موقع الشركة ويختار اللون والسعة المناسبين له.</li>'
    '<li>يدفع العربون في أحد فروع الشركة خلال ثلاثة أيام من التسجيل.</li></ol>'
    '<p class="note">نصيحة: قارن الأسعار قبل الحجز في أكثر من متجر.</p></div>')


def test_a_data_card_after_the_text_is_not_the_text() -> None:
    assert paragraphs(extract(page(after=SPEC_CARD))) == BODY


def test_a_data_card_before_the_text_is_neither_the_text_nor_its_header() -> None:
    html = page(header=SPEC_CARD.replace("من إنتاج شركة محلية", "إشراف رامي الشامي")
                + '<div class="meta">نشر في: 10 سبتمبر 2024</div>')
    item = extract(html)
    assert paragraphs(item) == BODY
    assert item["published_at"] == "2024-09-10"
    assert item["authors"] == []


def test_a_card_set_into_a_section_of_the_text_leaves_the_section() -> None:
    body = (f'<section><p>{BODY[0]}</p><p>{BODY[1]}</p></section>'
            f'<section><h2>ردود الفعل</h2><p>{BODY[2]}</p>{SPEC_CARD}<p>{BODY[3]}</p></section>')
    assert paragraphs(extract(page(body=body))) == [*BODY[:2], "ردود الفعل", *BODY[2:]]


def test_a_byline_under_another_sections_heading_after_the_text_is_not_the_articles() -> None:
    after = ('<section class="forecast"><h2>توقعات الأسبوع</h2><p>بقلم: منى الخياط</p>'
             '<ul><li>الحمل: أسبوع هادئ</li><li>الثور: أسبوع مزدحم</li></ul></section>')
    assert extract(page(after=after))["authors"] == []


def test_a_marker_between_the_text_and_its_rest_under_a_video_is_not_the_text() -> None:
    body = (f'<div class="part">{"".join(f"<p>{t}</p>" for t in BODY[:2])}</div>'
            '<figure><video src="/v.mp4"></video><figcaption>جولة في الحديقة 02:14</figcaption>'
            '</figure><p class="go-on">تكملة الخبر تحت المقطع</p>'
            f'<div class="part-two">{"".join(f"<p>{t}</p>" for t in BODY[2:])}</div>')
    assert paragraphs(extract(page(body=body))) == BODY


def test_the_hidden_rest_behind_a_read_more_button_is_the_text() -> None:
    body = ("".join(f"<p>{t}</p>" for t in BODY[:2])
            + '<div class="more"><button aria-expanded="false">تابع القراءة</button></div>'
            + '<div class="rest" style="display:none">' + "".join(f"<p>{t}</p>" for t in BODY[2:])
            + "</div>")
    assert paragraphs(extract(page(body=body))) == BODY


def test_fine_print_after_the_text_is_not_the_text() -> None:
    after = ('<p class="terms"><small>المواد المنشورة في هذا القسم تعبر عن آراء مرسليها ويحتفظ '
             'الموقع بحق تحريرها واختصارها.</small></p>')
    assert paragraphs(extract(page(after=after))) == BODY


def test_the_publication_label_wins_over_the_desks_reception_time() -> None:
    card = ('<div class="card"><span>وصلت إلى التحرير: 03/03/2024 - 08:10</span> '
            '<span>نشرت: 03/03/2024 - 12:45</span></div>')
    assert extract(page(header=card))["published_at"] == "2024-03-03T12:45:00"
    alone = '<div class="card"><span>وصلت إلى التحرير: 03/03/2024 - 08:10</span></div>'
    assert extract(page(header=alone))["published_at"] is None


def test_a_long_meta_line_of_fields_does_not_open_the_text() -> None:
    header = ('<div class="meta">كتب - فادي العلي | نشر في: 5 مارس 2024، الساعة 06:54 | '
              'آخر تحديث: 5 مارس 2024، الساعة 15:31 | آخر تعديل بواسطة: قسم التحرير الرقمي في '
              'الموقع</div>')
    item = extract(page(header=header))
    assert paragraphs(item) == BODY
    assert item["published_at"] == "2024-03-05T06:54:00"


def test_a_line_opening_a_list_with_a_tag_linked_in_it_is_the_text() -> None:
    items = "".join(f"<li>{t}</li>" for t in BODY[1:3])
    body = (f'<ul class="parts"><li>{BODY[0]}</li><li>ومن <a href="/tag/أبرز">أبرز</a> ما جاء '
            f'في المشروع:</li><li><ul>{items}</ul></li><li>{BODY[3]}</li></ul>')
    assert paragraphs(extract(page(body=body))) == [
        BODY[0], "ومن أبرز ما جاء في المشروع:", *BODY[1:]]


def test_a_dateline_in_brackets_on_its_own_line() -> None:
    body = "<p>(الرباط - العرب اليوم)</p>" + "".join(f"<p>{t}</p>" for t in BODY)
    item = extract(page(body=body))
    assert item["dateline"] == {"location": "الرباط", "source": "العرب اليوم"}
    assert paragraphs(item) == BODY


def test_spans_styled_as_blocks_are_paragraphs() -> None:
    body = "".join(f'<span class="p" style="display: block; margin: 0 0 1em">{t}</span>'
                   for t in BODY)
    assert paragraphs(extract(page(body=body))) == BODY


def test_a_label_over_a_boxs_heading_after_the_text_is_no_byline() -> None:
    after = ('<section class="vote"><span class="kicker">رأي القراء</span>'
             '<h2>هل تزور الحديقة الجديدة؟</h2><ul><li>نعم 60%</li><li>لا 40%</li></ul></section>')
    assert extract(page(after=after))["authors"] == []


def test_a_date_in_a_headed_box_above_the_title_is_the_boxs() -> None:
    html = page(before_menu="").replace(
        "<main><article>",
        '<main><section class="vote"><h2>هل تزور الحديقة الجديدة؟</h2><ul><li>نعم 60%</li>'
        '<li>لا 40%</li></ul><p>بدأ التصويت: 2 مارس 2024</p></section><article>')
    assert extract(html)["published_at"] is None


def test_a_section_of_the_text_with_read_also_links_stays_the_text() -> None:
    body = (f'<section><p>{BODY[0]}</p><p>{BODY[1]}</p><p>{BODY[2]}</p></section>'
            f'<section><h2>التفاصيل</h2><p>{BODY[3]}</p>'
            '<p class="rel">ذات صلة: <a href="/a/1">افتتاح مكتبة جديدة في الحي</a></p>'
            '<div class="ad">إعلان</div>'
            '<p class="rel">ذات صلة: <a href="/a/2">حملة تشجير في الضاحية</a></p></section>')
    assert paragraphs(extract(page(body=body))) == [*BODY[:3], "التفاصيل", BODY[3]]


def test_a_table_under_its_own_heading_between_two_parts_of_a_short_text_is_not_the_text() -> None:
    board = ('<div class="board"><h2>مواعيد الحافلات - المحطة المركزية</h2>'
             '<p>الاثنين 4 مارس 2024 آخر تحديث: 08:15</p><table><tr><th>الخط</th><th>الوجهة</th>'
             '</tr><tr><td>12</td><td>الميناء</td></tr><tr><td>40</td><td>الجامعة</td></tr>'
             '</table></div>')
    body = (f'<div class="part"><p>{BODY[0]}</p></div>{board}'
            f'<div class="part"><p>{BODY[1]}</p><p>{BODY[2]}</p></div>')
    item = extract(page(body=body))
    assert paragraphs(item) == BODY[:3]
    assert item["dateline"] is None  # the board's heading "X - Y" is no dateline
    assert item["authors"] == []


def test_a_sidebar_with_more_sentences_than_the_story_is_no_part_of_its_container() -> None:
    from crawler.extract.layout import find_container, views_of
    from crawler.extract.page import parse_page

    signs = "".join(f"<details><summary>برج {n}</summary><p>مهنيا: يوم مناسب لإنهاء الملفات "
                    f"العالقة مع الزملاء في العمل والبيت.</p><p>عاطفيا: لقاء غير متوقع قد يغير "
                    f"نظرتك إلى أمور كثيرة في حياتك.</p></details>" for n in range(12))
    html = (f'<html lang="ar" dir="rtl"><head><title>{TITLE}</title></head><body>{MENU}'
            f'<div class="wrap"><div class="col-main"><div class="post"><h1>{TITLE}</h1>'
            + "".join(f"<p>{t}</p>" for t in BODY[:2])
            + f'</div></div><aside class="col-side"><h2>توقعات الأبراج</h2>{signs}</aside>'
            f'</div>{FOOTER}</body></html>')
    views = views_of(parse_page(html, URL).blocks)
    container = find_container(views, 0)
    assert container is not None
    held = [v.text for v in views if v.paragraph and v.block.path[:len(container)] == container]
    assert held == BODY[:2]
    assert paragraphs(extract(html)) == BODY[:2]


def test_the_folded_rest_of_the_text_opening_with_a_heading_stays_the_text() -> None:
    body = ("".join(f"<p>{t}</p>" for t in BODY[:3])
            + '<div class="more"><button aria-expanded="false">اقرأ المزيد</button></div>'
            + f'<div class="rest" style="display:none"><h4>ما بعد الافتتاح</h4><p>{BODY[3]}</p>'
            + "</div>")
    assert paragraphs(extract(page(body=body))) == [*BODY[:3], "ما بعد الافتتاح", BODY[3]]


def test_the_text_goes_on_past_a_long_board_under_its_own_heading() -> None:
    rows = "".join(f"<tr><td>خط {n}</td><td>الميناء</td><td>تأخر {n} دقائق عن موعده</td></tr>"
                   for n in range(30))
    board = ('<div class="board"><h2>حركة الحافلات في المحطة المركزية اليوم</h2>'
             f'<table>{rows}</table><p>البيانات مقدمة من إدارة المحطة وتحدث كل ساعة.</p></div>')
    read_also = ('<p class="ra">اقرأ أيضا: <a href="/a/3">افتتاح مكتبة جديدة في الحي</a></p>'
                 '<div class="ad">إعلان</div>')
    body = (f'<div class="part"><p>{BODY[0]}</p>{read_also}</div>{board}'
            f'<div class="part">{BODY[1]}<br><br>{BODY[2]}</div>')
    assert paragraphs(extract(page(body=body))) == BODY[:3]


def test_a_statement_after_the_storys_tags_is_not_the_text() -> None:
    after = ('<div class="tags"><a href="/t/1">#حدائق</a><a href="/t/2">#بلدية</a>'
             '<a href="/t/3">#بيئة</a></div><div class="said"><div>قالوا</div><div>«سنفتح حديقة '
             'ثانية قبل نهاية العام في الضاحية الجنوبية إن سمحت الميزانية بذلك».</div>'
             '<div>كمال الرفاعي، رئيس لجنة البيئة</div></div>')
    assert paragraphs(extract(page(after=after))) == BODY


def test_a_board_of_data_lines_without_a_heading_inside_the_text_is_not_the_text() -> None:
    cards = "".join(
        f'<div class="card"><div>الطريق رقم {n} مغلق</div><div>بين الكيلومتر {n} والكيلومتر '
        f'{n + 9}</div><div>● أشغال صيانة</div><div>من 22:00 إلى 05:00</div><div>ينصح السائقون '
        f'بسلك الطريق الساحلية عبر المدخل الشمالي للمدينة.</div></div>' for n in (3, 17))
    board = f'<div class="roads"><div>حالة الطرق الآن</div>{cards}</div>'
    body = ('<div class="t">' + "".join(f"<div>{t}</div>" for t in BODY[:2]) + board
            + "".join(f"<div>{t}</div>" for t in BODY[2:]) + "</div>")
    item = extract(page(body=body))
    assert paragraphs(item) == BODY
    assert item["authors"] == []


def test_a_heading_declared_by_role_is_a_heading() -> None:
    from crawler.extract.page import parse_page

    html = page().replace(f"<h1>{TITLE}</h1>",
                          f'<div class="hl" role="heading" aria-level="1">{TITLE}</div>'
                          '<div role="heading">تفاصيل الافتتاح</div>')
    levels = {block.text: block.heading for block in parse_page(html, URL).blocks}
    assert levels[TITLE] == 1 and levels["تفاصيل الافتتاح"] == 2
    assert extract(html)["title"] == TITLE


def test_a_bullet_printed_before_a_list_item_is_no_text() -> None:
    items = "".join(f'<div class="li"><span>•</span><span>{t}</span></div>' for t in BODY[1:3])
    body = f"<p>{BODY[0]}</p><p>ومن أبرز ما جاء في المشروع:</p>{items}<p>{BODY[3]}</p>"
    assert paragraphs(extract(page(body=body))) == [
        BODY[0], "ومن أبرز ما جاء في المشروع:", *BODY[1:]]


def test_a_dateline_run_in_before_a_bar() -> None:
    body = f"<p>صفاقس / العرب اليوم | {BODY[0]}</p>" + "".join(f"<p>{t}</p>" for t in BODY[1:])
    item = extract(page(body=body))
    assert item["dateline"] == {"location": "صفاقس", "source": "العرب اليوم"}
    assert paragraphs(item) == BODY


def test_a_heading_label_between_an_intro_and_its_excerpt_is_not_the_text() -> None:
    body = (f'<div class="intro"><p>{BODY[0]}</p></div><h3>من الكتاب:</h3>'
            f'<div class="excerpt">{BODY[1]}<br><br>{BODY[2]}<br><br>{BODY[3]}</div>')
    assert paragraphs(extract(page(body=body))) == BODY


def test_fine_print_under_the_title_is_no_lead() -> None:
    header = ('<p class="note"><small>تنشر العرب اليوم هذه المقتطفات بالاتفاق مع دار النشر، '
              'والعناوين الفرعية من وضع المحرر.</small></p>')
    body = f"<p>غزة - العرب اليوم - {BODY[0]}</p>" + "".join(f"<p>{t}</p>" for t in BODY[1:])
    item = extract(page(header=header, body=body))
    assert paragraphs(item) == BODY
    assert item["dateline"] == {"location": "غزة", "source": "العرب اليوم"}


def test_custom_elements_are_blocks_and_their_names_say_what_they_hold() -> None:
    paragraphs_ = "".join(f"<news-paragraph>{t}</news-paragraph>" for t in BODY)
    html = (f'<html lang="ar"><head><title>{TITLE}</title></head><body><news-app><site-header>'
            '<nav-menu><menu-item><a href="/s/1">سياسة</a></menu-item><menu-item><a href="/s/2">'
            'رياضة</a></menu-item></nav-menu></site-header><article-view><article-headline>'
            f'{TITLE}</article-headline><article-body>{paragraphs_}</article-body></article-view>'
            '<related-list><section-title>المزيد من الأخبار</section-title><related-item>'
            '<a href="/a/9">افتتاح مكتبة جديدة في الحي الشرقي للمدينة</a><item-date>04/09/2024'
            '</item-date></related-item></related-list><site-footer>العرب اليوم © 2024'
            '</site-footer></news-app></body></html>')
    item = extract(html)
    assert paragraphs(item) == BODY
    assert item["title"] == TITLE


def test_a_byline_under_another_storys_linked_headline_after_the_text_is_not_the_articles() -> None:
    after = ('<div class="cards"><div>تابع القراءة</div><div class="card"><div><a href="/a/4">'
             'انطلاق موسم الحصاد في السهول الشمالية للبلاد</a></div><div>بقلم نادر الشامي</div>'
             '<div>22 سبتمبر 2024</div></div></div>')
    assert extract(page(after=after))["authors"] == []


def test_the_text_goes_on_after_a_board_ending_in_its_source_line() -> None:
    board = ('<div class="rates"><h2>أسعار الصرف اليوم</h2><table><tr><th>العملة</th><th>شراء</th>'
             '</tr><tr><td>اليورو</td><td>3.41</td></tr></table>'
             '<p>المصدر: متوسط أسعار البنوك التجارية</p></div>')
    body = (f'<div class="lead"><p>{BODY[0]}</p></div>{board}'
            f'<div class="rest">{"".join(f"<p>{t}</p>" for t in BODY[1:])}</div>')
    assert paragraphs(extract(page(body=body))) == BODY


def test_a_job_cards_publication_label_above_the_title_is_the_cards() -> None:
    board = ('<section class="board"><h2>أحدث عروض العمل</h2><div class="card"><h3>محاسب</h3>'
             '<p>شركة النور · عقد دائم</p><span>نشر في: 09/12/2024</span></div></section>')
    html = page().replace("<main><article>", f"<main>{board}<article>")
    assert extract(html)["published_at"] is None
