"""Property tests: any input gives a valid item or NotAnArticle(reason), never another error."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.extract.article import NotAnArticle, extract_article
from crawler.fixtures import PageSpec, synthetic_page
from crawler.items import ARTICLE_FIELDS
from crawler.network.sites import get_site

URL = "https://www.arabstoday.net/485/094600-خطة-الحافلات"
PARAGRAPHS = [
    "أعلنت البلدية عن برنامج لصيانة الأرصفة في الأحياء القديمة خلال الأشهر المقبلة.",
    "وقال رئيس البلدية إن البرنامج يشمل إنارة الشوارع الجانبية وزراعة الأشجار.",
    "ودعا السكان إلى الإبلاغ عن الأعطال عبر الرقم المجاني المخصص لذلك.",
]
PAGE = synthetic_page(PageSpec(get_site("arabstoday"), "news", "برنامج لصيانة الأرصفة",
                               PARAGRAPHS, dateline="بيروت - نادر سالم",
                               caption="عمال يصلحون رصيفا", image_url="/i.jpg"))
KNOWN_REASONS = {"empty", "not_html", "error_page", "no_body"}
FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TAGS = st.sampled_from(["div", "p", "span", "h1", "figure", "figcaption", "time", "br", "img",
                        "script", "table", "td", "li", "a", "b"])
TEXTS = st.sampled_from(["بقلم : سمير", "العرب اليوم -", " العرب اليوم - عنوان", "أخر الأخبار",
                         "آخر تحديث GMT 20:25:23", "قد يهمك ايضا:", "arabstoday", "الإسم *",
                         "بيروت - نادر سالم", "GMT 09:46 2024 الخميس ,21 تشرين الثاني / نوفمبر",
                         "نص عادي طويل بما يكفي ليكون فقرة", "<", "&amp;", "\x00", "\ufeff"])


def check(html: bytes | str, url: str = URL) -> None:
    try:
        item = extract_article(html, url, feed={"title": "x"})
    except NotAnArticle as exc:
        assert exc.reason in KNOWN_REASONS, exc.reason
        return
    assert set(item) == set(ARTICLE_FIELDS)
    assert item["text"]
    for span in item["paragraphs"]:
        assert 0 <= span["start"] < span["end"] <= len(item["text"])
        paragraph = item["text"][span["start"]:span["end"]]
        assert paragraph == paragraph.strip() and "\n\n" not in paragraph
    assert "\n\n".join(item["text"][s["start"]:s["end"]] for s in item["paragraphs"]) \
        == item["text"]
    stamp = item["published_at"]
    assert stamp is None or datetime.fromisoformat(stamp).isoformat() == stamp or \
        date.fromisoformat(stamp).isoformat() == stamp


@FAST
@given(st.text(max_size=400))
def test_random_text(text: str) -> None:
    check(text)


@FAST
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    check(data)


@FAST
@given(st.integers(min_value=0, max_value=len(PAGE)))
def test_truncated_page(cut: int) -> None:
    check(PAGE[:cut])


@FAST
@given(st.sampled_from(["cp1256", "latin-1", "utf-16", "cp1252"]),
       st.integers(min_value=0, max_value=len(PAGE.encode())))
def test_mis_encoded_page(codec: str, cut: int) -> None:
    data = PAGE.encode("utf-8")[:cut]
    check(data.decode("utf-8", "ignore").encode(codec, "replace"))
    check(data.decode(codec if codec != "utf-16" else "latin-1", "replace"))


@FAST
@given(st.lists(st.tuples(TAGS, TEXTS), max_size=30), st.sampled_from(
    [URL, "https://www.palestinetoday.net/w-12/093007-مقال", "https://example.org/x", "not a url"]))
def test_random_network_like_markup(parts: list[tuple[str, str]], url: str) -> None:
    html = "<html><body>" + "".join(f"<{tag}>{text}</{tag}>" for tag, text in parts) + "</body>"
    check(html, url)


def test_the_intact_page_is_an_article() -> None:
    item = extract_article(PAGE, URL)
    assert item["text"].split("\n\n") == PARAGRAPHS
