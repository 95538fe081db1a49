"""What `extract_article` gives on the generated layout families it has been tuned on (every
family but the held-out ones, crawler.simulator.markup.HELD_OUT): the page's own paragraphs
with no furniture in them, its title, authors, dateline and date, page after page. The
held-out families are only measured (python -m benchmarks.unseen_markup), never asserted here:
a test on them would be tuning on them."""

from __future__ import annotations

import pytest

from benchmarks.unseen_markup import extract_ours, field_hits, leaked
from crawler.simulator.markup import FAMILIES, HELD_OUT, GeneratedPage, generate
from crawler.text import normalise_space

TUNED = sorted(set(FAMILIES) - HELD_OUT)
PAGES_PER_FAMILY = 6


@pytest.fixture(scope="module")
def pages() -> dict[str, list[GeneratedPage]]:
    generated = generate(PAGES_PER_FAMILY * len(TUNED), seed=7, families=TUNED)
    by_family: dict[str, list[GeneratedPage]] = {}
    for page in generated:
        by_family.setdefault(page.family, []).append(page)
    return by_family


@pytest.mark.parametrize("family", TUNED)
def test_every_tuned_family_gives_the_article_and_nothing_else(
        family: str, pages: dict[str, list[GeneratedPage]]) -> None:
    wrong = []
    for page in pages[family]:
        found = extract_ours(page.html, page.url, {})
        assert found.status == "ok", (page.url, found.error)
        paragraphs = [normalise_space(p) for p in found.text.split("\n\n") if p.strip()]
        expected = [normalise_space(p) for p in page.expected["paragraphs"]]
        if paragraphs != expected:
            wrong.append((page.url, "body", [p[:40] for p in paragraphs if p not in expected],
                          [p[:40] for p in expected if p not in paragraphs]))
        if leaks := leaked(found.text, page)[0]:
            wrong.append((page.url, "leaks", leaks[:5]))
        missed = [name for name, hit in field_hits(page, found).items()
                  if not hit and name != "published_instant"]
        if missed:
            wrong.append((page.url, "fields", missed))
    assert wrong == []


def test_the_held_out_families_are_not_asserted() -> None:
    assert HELD_OUT and not HELD_OUT & set(TUNED)
