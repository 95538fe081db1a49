"""One test per saved fixture (tests/fixtures/<site>/<page-type>/<name>.html + .json).

Each fixture's JSON is the reviewed item the page must give; comparison is exact, minus the
volatile fields. Add one with ``crawler extract PAGE --url URL --save-fixture NAME``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.extract.article import extract_article
from crawler.fixtures import expected_item, iter_fixtures, page_type
from crawler.items import ARTICLE_FIELDS

FIXTURES = list(iter_fixtures())


def test_fixture_folder_covers_every_page_type() -> None:
    kinds = {html.parent.name for html, _ in FIXTURES}
    assert {"news", "opinion", "amp"} <= kinds
    assert len(FIXTURES) >= 15


@pytest.mark.parametrize(("html_path", "json_path"), FIXTURES,
                         ids=["/".join(h.parts[-3:]) for h, _ in FIXTURES])
def test_fixture(html_path: Path, json_path: Path) -> None:
    expected = json.loads(json_path.read_text(encoding="utf-8"))
    item = extract_article(html_path.read_bytes(), expected["url"], feed=expected["feed"],
                           fetched_at="2030-01-01T00:00:00Z")
    assert set(item) == set(ARTICLE_FIELDS)
    assert item["fetched_at"] == "2030-01-01T00:00:00Z"
    assert expected_item(item) == expected
    assert html_path.parent.name == page_type(item)
    assert html_path.parent.parent.name == item["site"]
