"""What `extract_article` gives on the generated layout families it has been tuned on (every
family but the held-out ones, crawler.simulator.markup.HELD_OUT): the page's own paragraphs
with no furniture in them, its title, authors, dateline and date. The held-out families are
only measured (python -m benchmarks.unseen_markup), never asserted here: a test on them would
be tuning on them."""

from __future__ import annotations

import pytest

from benchmarks.unseen_markup import extract_ours, field_hits, leaked
from crawler.simulator.markup import FAMILIES, HELD_OUT, GeneratedPage, generate
from crawler.text import normalise_space

TUNED = sorted(set(FAMILIES) - HELD_OUT)
PAGES_PER_FAMILY = 6
WRONG_PAGES_PER_FAMILY = 1
"""Pages of a family's six that may miss something: the benchmark's 1,000 pages have a few
(docs/unseen-markup.md, "After tuning"); two in six is a rule that broke."""
RIGHT_SHARE = 0.97
"""Pages of all tuned families that must come out wholly right."""


def problems(page: GeneratedPage) -> list[str]:
    """What extraction got wrong on one page: body, leaked furniture, fields."""
    found = extract_ours(page.html, page.url, {})
    if found.status != "ok":
        return [f"{found.status}: {found.error}"]
    wrong = []
    paragraphs = [normalise_space(p) for p in found.text.split("\n\n") if p.strip()]
    if paragraphs != [normalise_space(p) for p in page.expected["paragraphs"]]:
        wrong.append("body")
    if leaked(found.text, page)[0]:
        wrong.append("leaks")
    wrong += [name for name, hit in field_hits(page, found).items()
              if not hit and name != "published_instant"]
    return wrong


@pytest.fixture(scope="module")
def results() -> dict[str, list[list[str]]]:
    # Each family on its own, so a family added later does not change another's pages.
    return {family: [problems(page) for page in generate(PAGES_PER_FAMILY, seed=7,
                                                         families=[family])]
            for family in TUNED}


@pytest.mark.parametrize("family", TUNED)
def test_every_tuned_family_gives_the_article_and_nothing_else(
        family: str, results: dict[str, list[list[str]]]) -> None:
    wrong = [found for found in results[family] if found]
    assert len(wrong) <= WRONG_PAGES_PER_FAMILY, wrong


def test_nearly_every_page_of_the_tuned_families_is_wholly_right(
        results: dict[str, list[list[str]]]) -> None:
    pages = [found for family in TUNED for found in results[family]]
    assert sum(1 for found in pages if not found) >= RIGHT_SHARE * len(pages)


def test_the_held_out_families_are_not_asserted() -> None:
    assert HELD_OUT and not HELD_OUT & set(TUNED)
