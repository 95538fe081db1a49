"""The real seed page (../shared/seed, read at run time, never copied) through the extractor."""

from __future__ import annotations

import html

import pytest

from crawler.extract.article import extract_article
from tests.support import SHARED

SEED_DIR = SHARED / "seed"
SEED_URL = "https://www.arabstoday.net/485/095935-مشاورات-أميركية-روسية-في-جنيف"
CAPTION = "جون كيربي، المتحدث باسم الخارجية الأميركي"


def _seed_lines() -> list[str]:
    files = sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.is_dir() else []
    if not files:
        pytest.skip(f"seed page absent: {SEED_DIR} has no *.txt")
    return files[0].read_text(encoding="utf-8").splitlines()


def _page(lines: list[str], head: str = "") -> str:
    """Each non-empty seed line as a block element, in order, inside a plausible page."""
    blocks = "\n".join(f"<div>{html.escape(line)}</div>" for line in lines if line.strip())
    return f"<!DOCTYPE html><html lang='ar' dir='rtl'><head><meta charset='utf-8'>{head}" \
           f"</head><body>{blocks}</body></html>"


def _page_with_line_breaks(lines: list[str]) -> str:
    """Another plausible markup: runs of lines without a blank line between them share one
    block, separated by <br> (the caption and dateline lines, the footer lines)."""
    groups: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            groups[-1].append(html.escape(line))
        elif groups[-1]:
            groups.append([])
    blocks = "\n".join(f"<div>{'<br>'.join(g)}</div>" for g in groups if g)
    return f"<html><head><meta charset='utf-8'></head><body>{blocks}</body></html>"


def _expected_body(lines: list[str]) -> list[str]:
    """The seed's body: the long lines between the dateline and the logo alt text."""
    start = next(i for i, line in enumerate(lines) if line.startswith("واشنطن - "))
    end = next(i for i, line in enumerate(lines) if line.strip() == "arabstoday")
    return [line.strip() for line in lines[start + 1:end] if line.strip()]


def test_seed_page_gives_its_four_paragraphs_and_fields() -> None:
    lines = _seed_lines()
    item = extract_article(_page(lines), SEED_URL)
    body = _expected_body(lines)
    assert len(body) == 4
    assert item["text"].split("\n\n") == body
    assert item["title"] == lines[0].strip()
    assert item["dateline"] == {"location": "واشنطن", "source": "رولا عيسى"}
    assert item["authors"] == ["رولا عيسى"]
    assert [image["caption"] for image in item["images"]] == [CAPTION]
    assert item["published_at"] is None and item["date_source"] is None
    assert item["site"] == "arabstoday" and item["kind"] == "news"
    assert item["label_mismatch"] is False
    assert item["language"] == "ar"
    for span, paragraph in zip(item["paragraphs"], body, strict=True):
        assert item["text"][span["start"]:span["end"]] == paragraph


def test_seed_page_date_comes_from_metadata_not_from_clock_or_related_dates() -> None:
    lines = _seed_lines()
    head = '<meta property="article:published_time" content="2016-09-14T07:59:35+03:00">'
    item = extract_article(_page(lines, head), SEED_URL)
    assert item["published_at"] == "2016-09-14T07:59:35+03:00"
    assert item["date_source"] == "meta"
    assert item["extraction"]["published_at"] == "meta"


def test_seed_page_on_another_site_sets_label_mismatch() -> None:
    lines = _seed_lines()
    item = extract_article(_page(lines), SEED_URL.replace("arabstoday.net", "almaghribtoday.net"))
    assert item["label_mismatch"] is True
    assert item["site"] == "almaghribtoday"


def test_seed_page_with_line_breaks_inside_blocks() -> None:
    lines = _seed_lines()
    item = extract_article(_page_with_line_breaks(lines).encode("utf-8"), SEED_URL)
    assert item["text"].split("\n\n") == _expected_body(lines)
    assert item["title"] == lines[0].strip()
    assert item["dateline"] == {"location": "واشنطن", "source": "رولا عيسى"}
    assert [image["caption"] for image in item["images"]] == [CAPTION]
    assert item["published_at"] is None
