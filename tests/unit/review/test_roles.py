"""A role and a rule per block, read back from the crawl's item: template learning's removals,
generic bodies, the item's images."""

from __future__ import annotations

import json
from typing import Any

from crawler.extract.article import Explanation, explain_article
from crawler.items import join_paragraphs
from crawler.review.roles import (
    GENERIC_BODY_RULE,
    ROLES,
    TEMPLATE_RULE,
    block_roles,
    item_paragraphs,
    role_counts,
    template_removed,
)
from tests.support import FIXTURES

NEWS = FIXTURES / "arabstoday" / "news" / "dateline-reporter-jsonld"


def explained_fixture() -> Explanation:
    expected = json.loads(NEWS.with_suffix(".json").read_text(encoding="utf-8"))
    return explain_article(NEWS.with_suffix(".html").read_bytes(), expected["url"],
                           feed=expected["feed"], fetched_at="2030-01-01T00:00:00Z")


def without_paragraph(item: dict[str, Any], number: int) -> dict[str, Any]:
    """The item as template learning leaves it after removing one paragraph."""
    kept = [p for i, p in enumerate(item_paragraphs(item)) if i != number]
    text, spans = join_paragraphs(kept)
    return {**item, "text": text, "paragraphs": spans,
            "extraction": {**item["extraction"], "template": "removed 1"}}


def test_the_extractors_decisions_are_the_roles_of_an_unchanged_item() -> None:
    explained = explained_fixture()
    assert explained.item is not None
    roles = block_roles(explained.page.blocks, explained.decisions, explained.item)
    assert len(roles) == len(explained.page.blocks)
    for role in roles:
        decision = explained.decisions.get(role.index)
        if decision is not None:
            assert (role.role, role.rule) == (decision.role, decision.rule)
        assert role.role in ROLES
    body = [r.block.text for r in roles if r.role == "body"]
    assert body == item_paragraphs(explained.item)


def test_a_body_block_that_template_learning_removed_is_template() -> None:
    explained = explained_fixture()
    assert explained.item is not None
    crawled = without_paragraph(explained.item, 1)
    assert template_removed(crawled) == 1
    roles = block_roles(explained.page.blocks, explained.decisions, crawled)
    removed = item_paragraphs(explained.item)[1]
    templated = [r for r in roles if r.role == "template"]
    assert [(r.block.text, r.rule) for r in templated] == [(removed, TEMPLATE_RULE)]
    assert role_counts(roles)["body"] == len(item_paragraphs(explained.item)) - 1


def test_without_template_learning_no_block_is_template() -> None:
    explained = explained_fixture()
    assert explained.item is not None
    crawled = {**explained.item, "text": "", "paragraphs": []}  # no "template" note
    assert not any(r.role == "template"
                   for r in block_roles(explained.page.blocks, explained.decisions, crawled))


def test_the_items_image_names_the_strategy_that_took_it() -> None:
    explained = explained_fixture()
    assert explained.item is not None and explained.item["images"]
    roles = block_roles(explained.page.blocks, explained.decisions, explained.item)
    [image] = [r for r in roles if r.block.kind == "image"
               and r.block.src == explained.item["images"][0]["url"]]
    assert (image.role, image.rule) == ("other", "images:network-rules")


GENERIC_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour plan</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Harbour plan approved</h1>
<p>The town council approved a plan on Monday to rebuild the old harbour wall before the winter
storms arrive on the coast.</p>
<p>Work will start in March and last about eighteen months, the council said in a statement
published after the vote.</p>
<p>Fishermen welcomed the decision but asked for a temporary mooring while the builders are
working on the wall.</p>
</article><footer><p>Copyright 2024 Example Town News</p></footer></body></html>"""


def test_a_generic_body_marks_the_blocks_it_took() -> None:
    explained = explain_article(GENERIC_PAGE, "https://example.org/news/harbour-plan")
    assert explained.item is not None
    assert explained.item["extraction"]["text"] == "generic"
    roles = block_roles(explained.page.blocks, explained.decisions, explained.item)
    body = [r for r in roles if r.role == "body"]
    assert [r.rule for r in body] == [GENERIC_BODY_RULE] * 3
    assert {r.block.text for r in roles if r.role == "other"} == {"Home", "News"}


def test_a_dropped_page_keeps_the_extractors_decisions() -> None:
    explained = explained_fixture()
    roles = block_roles(explained.page.blocks, explained.decisions, None)
    assert role_counts(roles)["body"] == len([d for d in explained.decisions.values()
                                              if d.role == "body"])
    assert sum(role_counts(roles).values()) == len(explained.page.blocks)
