"""The versioned item schema: the shipped file matches the item contract, accepts what the
extractor produces and rejects what must never be written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crawler.extract.article import extract_article
from crawler.items import ARTICLE_FIELDS, SCHEMA_VERSION
from crawler.schema import item_errors, load_schema, schema_versions
from tests.support import FIXTURES, make_item

FIXTURE = FIXTURES / "arabstoday" / "news"

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
    ({"title": "عنوان\x01"}, "title"),
    ({"authors": ["سلمى\ud800"]}, "authors[0]"),
    ({"tags": ["وسم\x07"]}, "tags[0]"),
    ({"text": "نص\x85"}, "text"),
    ({"feed": {"categories": ["\x9b"]}}, "feed.categories[0]"),
    ({"images": [{"url": "javascript:alert(1)", "caption": None}]}, "images[0].url"),
    ({"images": [{"url": "data:image/png;base64,AA", "caption": None}]}, "images[0].url"),
    ({"images": [{"url": "file:///etc/passwd", "caption": None}]}, "images[0].url"),
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


# -- the fast path: $refs inlined, and the schema compiled to a predicate ----------------------

VARIANTS: list[dict[str, Any]] = [
    {}, {"title": ""}, {"title": None}, {"text": "   "}, {"url": "ftp://example.org/x"},
    {"id": "has space"}, {"id": ""}, {"id": 5}, {"published_at": "2024-11-20 09:30"},
    {"published_at": None}, {"modified_at": "2024-11-20T09:30:00.5Z"}, {"kind": "blog"},
    {"kind": None}, {"kind": 1}, {"authors": "سلمى الحداد"}, {"authors": ["", "x"]},
    {"authors": [None]}, {"paragraphs": []}, {"paragraphs": [{"start": 0}]},
    {"paragraphs": [{"start": -1, "end": 1}]}, {"paragraphs": [{"start": 0, "end": 0}]},
    {"paragraphs": [{"start": 0.0, "end": 3.0}]}, {"paragraphs": [{"start": 0, "end": 2.5}]},
    {"paragraphs": [{"start": True, "end": 3}]}, {"paragraphs": [{"start": 0, "end": 3, "x": 1}]},
    {"paragraphs": ["0-3"]}, {"dateline": None}, {"dateline": "الرباط"},
    {"dateline": {"location": "الرباط"}}, {"dateline": {"location": 1, "source": None}},
    {"dateline": {"location": None, "source": None, "x": 1}}, {"images": [{"url": ""}]},
    {"images": [{"caption": "x"}]}, {"images": [{"url": "a", "caption": 3, "extra": 1}]},
    {"label_mismatch": 0}, {"label_mismatch": None}, {"feed": []}, {"feed": {"a": [1]}},
    {"extraction": {"a": 1}}, {"extraction": {"a": "b"}}, {"version": 0}, {"version": 1.0},
    {"version": True}, {"version": "1"}, {"cluster_id": ""}, {"duplicate_of": None},
    {"schema_version": 1.1}, {"surprise": 1}, {"tags": [1]}, {"language": 0},
    {"title": "عنوان\x01"}, {"title": "عنوان\n"}, {"title": "\x85عنوان"}, {"authors": ["\ud800"]},
    {"tags": ["\x1b"]}, {"section": "\x7f"}, {"feed": {"title": "\x02", "categories": ["a"]}},
    {"feed": {"categories": ["\x9b"]}}, {"extraction": {"title": "\x00"}},
    {"images": [{"url": "javascript:alert(1)"}]}, {"images": [{"url": "data:image/png,AA"}]},
    {"images": [{"url": "file:///etc/passwd"}]}, {"images": [{"url": "https://x.org/\x01.jpg"}]},
    {"images": [{"url": "https://x.org/a.jpg", "caption": "\x85"}]}, {"url": "https:///x"},
    {"dateline": {"location": "\x03", "source": None}}, {"text": "أ\n\nب"},
    {"text": "أ\r\nب"}, {"text": "أ\x0bب"}, {"published_raw": "\ufffe"},
]


def variant_items() -> list[Any]:
    items: list[Any] = [make_item(**change) for change in VARIANTS]
    for change in VARIANTS[1::3]:
        items.append(make_item(**{**change, "kind": "blog"}))
    missing = make_item()
    del missing["title"], missing["text"]
    return [*items, missing, {}, {"schema_version": "1.1"}]


def as_version(item: Any, version: str) -> Any:
    """A current item as a line of an earlier schema wrote it (1.1: UTC instants with Z, no
    published_precision)."""
    if not isinstance(item, dict) or item.get("schema_version") != SCHEMA_VERSION \
            or version == SCHEMA_VERSION:
        return item
    older = {k: v for k, v in item.items() if k != "published_precision"}
    for name in ("published_at", "modified_at"):
        if isinstance(older.get(name), str):
            older[name] = older[name].replace("+00:00", "Z")
    older["schema_version"] = version
    return older


def test_inlined_refs_give_the_same_errors_as_the_schema_file() -> None:
    from jsonschema import Draft202012Validator

    from crawler.schema import inline_refs, validator

    schema = load_schema()
    inlined = inline_refs(schema)
    assert "$ref" not in json.dumps(inlined) and "$defs" not in inlined
    plain, fast = Draft202012Validator(schema), validator()
    for item in variant_items():
        expected = [(list(e.absolute_path), e.message) for e in plain.iter_errors(item)]
        assert [(list(e.absolute_path), e.message) for e in fast.iter_errors(item)] == expected


def test_the_fast_check_agrees_with_jsonschema() -> None:
    from jsonschema import Draft202012Validator

    from crawler.schema import fast_check

    for version in schema_versions():
        check, plain = fast_check(version), Draft202012Validator(load_schema(version))
        assert check is not None, version
        items = [as_version(item, version) for item in variant_items()]
        verdicts = [(check(item), not list(plain.iter_errors(item))) for item in items]
        assert all(fast == slow for fast, slow in verdicts), verdicts
        assert any(fast for fast, _ in verdicts) and not all(fast for fast, _ in verdicts)


def test_the_fast_type_checks_are_jsonschemas() -> None:
    from decimal import Decimal

    from jsonschema import Draft202012Validator

    from crawler.schema import _TYPES

    checker = Draft202012Validator.TYPE_CHECKER
    values = [None, True, False, 0, 1, -3, 1.0, 1.5, float("nan"), Decimal("2"), "", "x", [],
              [1], (), {}, {"a": 1}, b"x", object()]
    for name, check in _TYPES.items():
        for value in values:
            assert check(value) == checker.is_type(value, name), (name, value)


@pytest.mark.parametrize("schema", [
    {"format": "date-time"}, {"type": "string", "maxLength": 3}, {"enum": [1, 2]},
    {"properties": {"a": {"$ref": "#/$defs/x"}}}, {"type": "widget"}, False,
])
def test_a_keyword_the_fast_check_does_not_know_is_refused(schema: Any) -> None:
    from crawler.schema import Uncompilable, compile_check

    with pytest.raises(Uncompilable):
        compile_check(schema)


def test_item_errors_uses_the_fast_check_only_to_accept() -> None:
    """An item the fast check rejects gets jsonschema's errors, an accepted one none."""
    assert item_errors(make_item()) == []
    assert item_errors(make_item(kind="blog", title="")) == [
        "kind: 'blog' is not one of ['news', 'opinion', None]",
        "title: '' should be non-empty", "title: '' does not match '\\\\S'"]
