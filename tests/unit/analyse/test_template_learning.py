"""Template learning at scale: bounded memory and a boilerplate set that stays right."""

from __future__ import annotations

import random
from urllib.parse import urlsplit

from crawler.analyse.templates import SiteTemplate, page_fingerprints


def brute_force(template: SiteTemplate, min_pages: int, min_share: float,
                min_repeats: int) -> set[str]:
    if template.pages < min_pages:
        return set()
    floor = max(min_repeats, min_share * template.pages)
    return {fp for fp, count in template.counts.items() if count >= floor}


def test_boilerplate_is_exact_on_small_sites_and_follows_every_page() -> None:
    rng = random.Random(7)
    template = SiteTemplate()
    for page in range(99):
        shared = {f"shared-{k}" for k in range(6) if rng.random() < 0.2 + 0.1 * k}
        template.observe({f"own-{page}-{n}" for n in range(5)} | shared | {"menu"})
        for params in ((5, 0.3, 3), (5, 0.5, 2), (1, 0.0, 1)):
            assert template.boilerplate(*params) == brute_force(template, *params)


def test_boilerplate_on_large_sites_lags_at_most_one_percent_of_pages() -> None:
    template = SiteTemplate()
    for page in range(1000):
        template.observe({f"own-{page}", "menu"})
    assert template.boilerplate(5, 0.3, 3) == {"menu"}
    # a block that starts recurring now becomes boilerplate within 1% more pages
    for page in range(1000, 1500):
        template.observe({f"own-{page}", "menu", "new-footer"})
    assert template.boilerplate(5, 0.3, 3) == {"menu", "new-footer"}
    assert template.boilerplate(5, 0.3, 3) == brute_force(template, 5, 0.3, 3)


def test_every_recomputed_boilerplate_set_is_the_full_passs() -> None:
    """A recomputation looks only at the last answer and the fingerprints counted since; each
    must equal the full pass over the counts: blocks that rise above the floor, fall below it
    as the pages grow, appear late, under two parameter sets, across prunings."""
    rng = random.Random(11)
    template = SiteTemplate(max_fingerprints=400)
    recomputed = 0
    for page in range(3000):
        shares = (0.9, 0.45, 0.31, 0.29, 0.2 if page < 1500 else 0.6, 0.05)
        shared = {f"shared-{k}" for k, share in enumerate(shares) if rng.random() < share}
        late = {"late"} if page > 2000 else set()
        template.observe({f"own-{page}-{n}" for n in range(3)} | shared | late)
        params = (5, 0.3, 3) if page % 500 < 400 else (5, 0.4, 3)
        before = template._cached
        answer = template.boilerplate(*params)
        if template._cached is not before:  # recomputed now
            recomputed += 1
            assert answer == brute_force(template, *params), page
    assert recomputed > 300
    assert {"shared-0", "shared-1", "shared-4"} <= template.boilerplate(5, 0.3, 3)
    assert "shared-3" not in template.boilerplate(5, 0.3, 3)


def test_counts_stay_bounded_while_crawling_and_keep_the_boilerplate() -> None:
    template = SiteTemplate(max_fingerprints=100)
    for page in range(2000):
        template.observe({f"own-{page}-{n}" for n in range(10)} | {"menu", "footer"})
        assert len(template.counts) <= 200
    assert template.boilerplate(5, 0.3, 3) == {"menu", "footer"}
    assert template.repeated <= set(template.counts)


def test_page_analysis_parses_a_page_once(counted_parses: list[str]) -> None:
    """analyse_page reads the fingerprints and the article from one parse of the page."""
    from crawler.analyse.page import analyse_page
    from crawler.extract.article import extract_article
    from crawler.extract.page import parse_page
    from crawler.simulator import SimulatedNetwork

    network = SimulatedNetwork(pages=12)
    url = network.manifest()[0]
    parts = urlsplit(url)
    html = network.respond(parts.netloc, parts.path, {}).body.decode("utf-8")
    analysis = analyse_page(html, url, {}, None)
    assert len(counted_parses) == 1
    assert analysis.article is not None and len(analysis.fingerprints) > 5
    assert analysis.fingerprints == frozenset(page_fingerprints(parse_page(html, url)))
    assert analysis.article == extract_article(html, url, feed={}, fetched_at=None)
