"""The generic extractor on small synthetic pages (page furniture + article) and hostile input.

All article text here is synthetic, written for these tests.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.extract.generic import GenericResult, extract_generic, generic_date
from crawler.extract.generic.body import choose, overlap
from crawler.extract.generic.jalali import parse_persian_date
from crawler.extract.generic.meta import choose_title

ARABIC_PARAGRAPHS = [
    "أعلنت وزارة الزراعة صباح اليوم عن خطة جديدة لدعم صغار المزارعين في القرى الجبلية، "
    "تشمل توزيع بذور محسنة وتقديم قروض ميسرة على مدى ثلاث سنوات متتالية.",
    "وقال المتحدث باسم الوزارة في مؤتمر صحفي إن الخطة تستهدف أكثر من عشرة آلاف أسرة، "
    "وإن المرحلة الأولى ستبدأ مع مطلع الموسم الزراعي المقبل في المحافظات الشمالية.",
    "وأضاف أن فرق الإرشاد الزراعي ستزور الحقول بشكل دوري لمتابعة التنفيذ وتقديم النصح "
    "حول أساليب الري الحديثة التي تقلل استهلاك المياه وتحسن جودة المحصول.",
    "من جهتهم رحب عدد من المزارعين بالخطة، مؤكدين أن ارتفاع أسعار الأسمدة خلال العامين "
    "الماضيين أثقل كاهلهم ودفع بعضهم إلى ترك أراضيهم والبحث عن عمل في المدن.",
    "ويتوقع خبراء أن تسهم الخطة في رفع الإنتاج المحلي من الحبوب وتقليل الاعتماد على "
    "الاستيراد، إذا ما رافقها تحسين في شبكات الطرق الريفية ومرافق التخزين.",
]
ARABIC_TITLE = "خطة حكومية جديدة لدعم صغار المزارعين في القرى الجبلية"
FURNITURE = ["اشترك في النشرة البريدية", "جميع الحقوق محفوظة", "الأكثر قراءة"]


def arabic_page() -> str:
    related = "".join(
        f'<li><a href="/news/{i}">خبر ذو صلة رقم {i} عن الطقس والرياضة</a></li>' for i in range(8)
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in ARABIC_PARAGRAPHS)
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": ARABIC_TITLE,
            "datePublished": "2024-11-21T09:46:00+00:00",
            "author": {"@type": "Person", "name": "سلمى الحداد"},
        },
        ensure_ascii=False,
    )
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{ARABIC_TITLE} | موقع تجريبي</title>
<meta property="og:title" content="{ARABIC_TITLE} | موقع تجريبي">
<script type="application/ld+json">{ld}</script></head>
<body>
<header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/sport">رياضة</a></li>
<li><a href="/eco">اقتصاد</a></li></ul></nav><div class="newsletter">{FURNITURE[0]}</div></header>
<main><article><h1>{ARABIC_TITLE}</h1><div class="byline">سلمى الحداد</div>
<div class="article-body">{paragraphs}</div>
<div class="share"><a href="#">فيسبوك</a> <a href="#">تويتر</a></div></article>
<aside class="most-read"><h3>{FURNITURE[2]}</h3><ul>{related}</ul></aside></main>
<footer><p>{FURNITURE[1]} 2024</p></footer></body></html>"""


ENGLISH_PARAGRAPHS = [
    "The city council voted on Tuesday to extend the late-night bus service to the eastern "
    "suburbs, ending a debate that had run through three budget cycles.",
    "Supporters said the change would help shift workers at the two hospitals and the "
    "distribution centres, many of whom currently rely on expensive taxis to get home.",
    "Opponents questioned the cost, which officials put at a little over two million a year, "
    "and asked for a review of ridership figures after the first twelve months.",
    "The new timetable is expected to take effect in the spring, once drivers have been "
    "recruited and the depot has been fitted with additional charging points.",
]


def english_page() -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in ENGLISH_PARAGRAPHS)
    return f"""<html><head><title>Night buses to reach eastern suburbs - Example Gazette</title>
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2023-03-14T18:05:00Z"></head>
<body><div id="cookie-banner">We use cookies to improve your experience. Accept all</div>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="story"><h1>Night buses to reach eastern suburbs</h1>{paragraphs}</div>
<div class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Council approves new park</a></li>
<li><a href="/b">Bridge closed</a></li></ul></div>
<footer>Copyright Example Gazette. All rights reserved.</footer></body></html>"""


def test_arabic_article_body_in_order_without_furniture() -> None:
    result = extract_generic(arabic_page(), "https://example.org/news/2024/11/21/123")
    assert result.paragraphs == ARABIC_PARAGRAPHS
    body = "\n".join(result.paragraphs)
    for furniture in FURNITURE:
        assert furniture not in body


def test_arabic_metadata_from_json_ld() -> None:
    result = extract_generic(arabic_page())
    assert result.title == ARABIC_TITLE
    assert result.authors == ["سلمى الحداد"]
    assert result.published == "2024-11-21T09:46:00+00:00"


def test_english_article_and_meta_tags() -> None:
    result = extract_generic(english_page(), "https://example.com/news/night-buses")
    assert result.paragraphs == ENGLISH_PARAGRAPHS
    assert result.title == "Night buses to reach eastern suburbs"
    assert result.authors == ["Jane Doe"]
    assert result.published is not None and result.published.startswith("2023-03-14T18:05")


def test_text_is_nfc_and_whitespace_normalised() -> None:
    decomposed = "Cafe\u0301 owners   protested\n\t the new rules " * 12
    html = f"<html><body><article><h1>T</h1><p>{decomposed}</p><p>{decomposed}</p></article>"
    result = extract_generic(html + "</body></html>")
    assert result.paragraphs
    for paragraph in result.paragraphs:
        assert "\u0301" not in paragraph and "Café" in paragraph
        assert "  " not in paragraph and "\n" not in paragraph and "\t" not in paragraph


@pytest.mark.parametrize("html", ["", "   ", "<", "<html></html>", "\x00\x00", "<p>hi</p>"])
def test_degenerate_pages_give_empty_results(html: str) -> None:
    result = extract_generic(html)
    assert isinstance(result, GenericResult)
    assert result.paragraphs == [] or all(p.strip() for p in result.paragraphs)


_html_fragments = st.sampled_from(
    ["<p>", "</p>", "<div class='x'>", "</div>", "<script>", "</script>", "<h1>", "</h1>",
     "<!--", "-->", "<meta charset='x'>", "&amp;", "&#0;", "<br/>", "\u200f", "نص عربي ",
     "<?xml version='1.0'?>", "<table><tr><td>", "<", ">", "\x00", "\ud7ff"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(_html_fragments, st.text(max_size=40)), max_size=40),
    st.text(max_size=30),
)
def test_never_raises(parts: list[str], url: str) -> None:
    html = "".join(parts)
    result = extract_generic(html, url or None)
    assert isinstance(result, GenericResult)
    assert all(isinstance(p, str) and p for p in result.paragraphs)
    found = generic_date(html, url or None)
    assert isinstance(found, tuple) and len(found) == 2


def test_generic_date_sources() -> None:
    assert generic_date(arabic_page()) == ("2024-11-21T09:46:00+00:00", "metadata")
    bare = "<html><body><p>نص قصير</p></body></html>"
    assert generic_date(bare, "https://example.org/2020/08/24/story") == ("2020-08-24", "url")
    timed = ('<html><body><time itemprop="datePublished" datetime="2021-05-06T10:00:00+02:00">'
             "</time></body></html>")
    assert generic_date(timed) == ("2021-05-06T10:00:00+02:00", "markup")
    printed = ('<html><body><span class="post-date">الخميس 21 تشرين الثاني 2024</span>'
               "</body></html>")
    assert generic_date(printed) == ("2024-11-21", "page-text")


def test_choose_prefers_the_longer_candidate_when_they_disagree_entirely() -> None:
    rules = "Subscribe to our newsletter for the latest offers and deals today"
    readability = " ".join(ENGLISH_PARAGRAPHS)
    assert choose(rules, readability).text == readability
    assert choose(readability, rules).text == readability  # rules longer: kept


def test_choose_trims_a_small_surplus_and_keeps_trafilatura_otherwise() -> None:
    article = "\n".join(ENGLISH_PARAGRAPHS)
    surplus = article + "\nShare this story on social media and follow us for more updates"
    assert choose(surplus, article).source == "readability:trimmed"
    half = "\n".join(ENGLISH_PARAGRAPHS[:2])
    assert choose(article, half).source == "trafilatura"  # readability lost half the article
    assert choose("", article).text == article
    assert choose(article, "").text == article


def test_overlap_is_directional() -> None:
    whole, part = "a b c d e f g h", "a b c d e"
    assert overlap(part, whole) == (1.0, pytest.approx(2 / 5))


def test_choose_title_drops_site_suffix_when_h1_is_inside() -> None:
    assert choose_title("Headline here | Site", "Headline here") == "Headline here"
    assert choose_title("Headline", "Something else") == "Headline"
    assert choose_title(None, " Only  h1 ") == "Only h1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("۲ تیر ۱۳۹۹", "2020-06-22"),
        ("1 فروردین 1400", "2021-03-21"),
        ("30 اسفند 1403", "2025-03-20"),  # leap year
        ("10 دی 1402", "2023-12-31"),
        ("31 شهریور 1401", "2022-09-22"),
    ],
)
def test_persian_dates_convert_to_gregorian(text: str, expected: str) -> None:
    found = parse_persian_date(text)
    assert found is not None and found.isoformat() == expected


def test_persian_date_rejects_impossible_days() -> None:
    assert parse_persian_date("31 مهر 1401") is None  # months 7-12 have 30 days
    assert parse_persian_date("سه شنبه") is None


def test_publication_element_beats_header_clock() -> None:
    html = ('<html><body><div class="headerdate">امروز: ۵ تیر ۱۳۹۹</div>'
            '<p>متن</p><span class="date-created">2 تير 1399 - 12:09:08</span></body></html>')
    assert generic_date(html) == ("2020-06-22", "page-text")


def test_json_ld_body_when_the_markup_has_none() -> None:
    body = "الفقرة الأولى من النص المعلن.\nالفقرة الثانية من النص المعلن."
    ld = json.dumps({"@type": "NewsArticle", "headline": "عنوان", "articleBody": body},
                    ensure_ascii=False)
    html = (f'<html><head><script type="application/ld+json">{ld}</script></head>'
            '<body><div id="root"></div></body></html>')
    result = extract_generic(html)
    assert result.paragraphs == body.split("\n")
    assert result.body_source == "json-ld"
