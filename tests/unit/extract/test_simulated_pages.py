"""Every article of the simulated network, extracted from its served page, equals its truth.

The simulator (crawler.simulator) renders pages in invented markup following site-facts.md;
its ``articles()`` list is the ground truth. The comparison is exact, field by field.
"""

from __future__ import annotations

from functools import cache
from typing import Any
from urllib.parse import quote, urlsplit

import pytest

from crawler.extract.article import NotAnArticle, extract_article
from crawler.network.sites import get_site
from crawler.simulator import SimArticle, SimulatedNetwork

PAGES = 60


@cache
def network() -> SimulatedNetwork:
    return SimulatedNetwork(pages=PAGES)


def _fetch(article: SimArticle, amp: bool = False) -> dict[str, Any]:
    site = get_site(article.site)
    path = quote(("/amp" if amp else "") + article.path, safe="/-._~")
    response = network().respond(site.canonical_host, path)
    assert response.status == 200
    feed = ({"published": article.published_at.isoformat()}
            if article.date_source == "feed" and article.published_at else {})
    return extract_article(response.body, site.url(path), feed=feed)


def _shown(article: SimArticle) -> tuple[str | None, str | None]:
    return article.published_shown or (None, None)


def _dateline(article: SimArticle) -> dict[str, str] | None:
    if article.dateline is None:
        return None
    return {"location": article.dateline_location or "", "source": article.dateline_source or ""}


@pytest.mark.parametrize("index", range(PAGES))
def test_article_page_matches_ground_truth(index: int) -> None:
    article = network().article(index)
    item = _fetch(article)
    got = {
        "title": item["title"], "authors": item["authors"], "text": item["text"],
        "published": (item["published_at"], item["published_precision"]),
        "dateline": item["dateline"],
        "images": [(i["url"], i["caption"]) for i in item["images"]],
        "label_mismatch": item["label_mismatch"], "kind": item["kind"], "tags": item["tags"],
    }
    expected = {
        "title": article.display_title, "authors": article.authors,
        "text": "\n\n".join(article.paragraphs), "published": _shown(article),
        "dateline": _dateline(article),
        "images": [(article.image_url, article.image_caption)] if article.image_url else [],
        "label_mismatch": article.label_mismatch, "kind": article.kind, "tags": article.tags,
    }
    assert got == expected
    if article.date_source in {"meta", "json-ld"}:
        assert item["section"] == article.section
    spans = [item["text"][s["start"]:s["end"]] for s in item["paragraphs"]]
    assert spans == article.paragraphs


@pytest.mark.parametrize("index", range(0, PAGES, 3))
def test_amp_page_matches_ground_truth(index: int) -> None:
    article = network().article(index)
    item = _fetch(article, amp=True)
    assert item["text"] == "\n\n".join(article.paragraphs)
    assert item["dateline"] == _dateline(article)
    assert item["canonical_url"] == article.canonical_url


@pytest.mark.parametrize("name", sorted(network().bad_urls()))
def test_non_article_responses_are_refused(name: str) -> None:
    url = network().bad_urls()[name]
    parts = urlsplit(url)
    response = network().respond(parts.netloc, parts.path + (f"?{parts.query}" if parts.query
                                                             else ""))
    with pytest.raises(NotAnArticle) as caught:
        extract_article(response.body, url)
    assert caught.value.reason in {"error_page", "no_body", "not_html"}
