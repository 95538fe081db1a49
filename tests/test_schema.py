"""The versioned item schema: the shipped file matches the item contract, accepts what the
extractor produces and rejects what must never be written. ``make_item`` is shared by the
annotation-output tests (validate, dedup, export)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from crawler.extraction import extract_article
from crawler.items import ARTICLE_FIELDS, SCHEMA_VERSION, empty_article
from crawler.schema import item_errors, load_schema, schema_versions

FIXTURE = Path(__file__).parent / "fixtures" / "arabstoday" / "news"

PARAGRAPHS = (
    "قال وزير الاقتصاد أمس إن الحكومة ستطلق برنامجا جديدا لدعم الشركات الصغيرة في المدن الساحلية.",
    "وأضاف الوزير: «سنخصص 3.5 مليار درهم للبرنامج خلال عامين».",
)


def make_item(number: int = 1, body: tuple[str, ...] = PARAGRAPHS,
              **overrides: Any) -> dict[str, Any]:
    """A valid exported item with synthetic Arabic text; ``overrides`` replace fields."""
    item = empty_article()
    text = "\n\n".join(body)
    spans, start = [], 0
    for paragraph in body:
        spans.append({"start": start, "end": start + len(paragraph)})
        start += len(paragraph) + 2
    path = f"/485/1015{number:02d}-خبر-{number}"
    item.update(
        id=f"arabstoday-{number:016x}", url=f"https://www.arabstoday.net{path}",
        canonical_url=f"https://www.arabstoday.net{path}", site="arabstoday",
        site_name="العرب اليوم", kind="news", title=f"عنوان الخبر رقم {number}",
        authors=["سلمى الحداد"], published_at="2024-11-20T09:30:00Z",
        published_raw="2024-11-20T09:30:00+00:00", date_source="json-ld",
        dateline={"location": "الرباط", "source": "العرب اليوم"}, text=text, paragraphs=spans,
        section="اقتصاد", tags=["اقتصاد"], images=[], language="ar",
        fetched_at="2024-11-21T00:00:00Z", cluster_id=f"arabstoday-{number:016x}")
    item.update(overrides)
    return item


def test_the_current_version_has_a_schema_that_lists_every_item_field() -> None:
    assert SCHEMA_VERSION in schema_versions()
    schema = load_schema()
    assert set(schema["required"]) == set(ARTICLE_FIELDS) == set(schema["properties"])
    assert schema["properties"]["schema_version"] == {"const": SCHEMA_VERSION}


def test_a_complete_item_is_valid() -> None:
    assert item_errors(make_item()) == []


@pytest.mark.parametrize("html", sorted(FIXTURE.glob("*.html")), ids=lambda p: p.stem)
def test_extractor_output_is_valid(html: Path) -> None:
    item = extract_article(html.read_bytes(), "https://www.arabstoday.net/485/101500-x",
                           fetched_at="2030-01-01T00:00:00Z")
    assert item_errors(item) == []


@pytest.mark.parametrize(("change", "reason"), [
    ({"title": ""}, "title"),
    ({"text": "   "}, "text"),
    ({"url": "ftp://example.org/x"}, "url"),
    ({"published_at": "2024-11-20 09:30"}, "published_at"),
    ({"kind": "blog"}, "kind"),
    ({"authors": "سلمى الحداد"}, "authors"),
    ({"paragraphs": []}, "paragraphs"),
    ({"paragraphs": [{"start": 0}]}, "paragraphs[0]"),
    ({"schema_version": "0.9"}, "no item schema for version '0.9'"),
    ({"surprise": 1}, "'surprise' was unexpected"),
    ({"paragraphs": [{"start": 0, "end": 5000}]}, "outside the text"),
    ({"paragraphs": [{"start": 0, "end": 20}, {"start": 10, "end": 30}]}, "before the previous"),
])
def test_invalid_items_are_rejected_with_a_reason(change: dict[str, Any], reason: str) -> None:
    errors = item_errors(make_item(**change))
    assert errors and any(reason in error for error in errors), errors


def test_a_missing_field_is_named() -> None:
    item = make_item()
    del item["cluster_id"]
    assert any("'cluster_id' is a required property" in e for e in item_errors(item))


def test_a_non_object_is_rejected() -> None:
    assert item_errors(["not", "an", "item"]) == ["not a JSON object but list"]
