"""Cross-page template learning: a block repeated across a site's pages is removed even though no
rule names it, the template persists per site, and a fresh run emits no dirty first pages."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from crawler.analyse.templates import SiteTemplate, TemplateLearning, fingerprint, page_fingerprints
from crawler.extract.page import parse_page
from crawler.simulator import SimResponse, SimulatedNetwork
from crawler.simulator.server import running_simulator
from crawler.store.templates import FileTemplateStore
from tests.support import run_crawl

PROMO = "حمل تطبيقنا الجديد على هاتفك لمتابعة التغطية الحية لحظة بلحظة من أي مكان وفي كل وقت"
SITE = "almaghribtoday"


class PromoNetwork:
    """The simulator, with an unknown promotional paragraph at the top of every article body of
    one site: furniture that no network rule knows."""

    def __init__(self, network: SimulatedNetwork):
        self.network = network
        self.sites = network.sites

    def respond(self, host: str, target: str,
                headers: Mapping[str, str] | None = None) -> SimResponse:
        response = self.network.respond(host, target, headers)
        marker = b'<div class="article-body">'
        if SITE in host and marker in response.body:
            body = response.body.replace(marker, marker + f"<p>{PROMO}</p>".encode(), 1)
            headers_out = {k: v for k, v in response.headers.items() if k.lower() != "etag"}
            return SimResponse(response.status, headers_out, body)
        return response


@pytest.fixture(scope="module")
def promo_simulator() -> Iterator[str]:
    with running_simulator(PromoNetwork(SimulatedNetwork(pages=60))) as base_url:  # type: ignore[arg-type]
        yield base_url


def crawl_site(base_url: str, tmp_path: Path, *settings: str, name: str = "run"):  # type: ignore[no-untyped-def]
    extra = [arg for setting in settings for arg in ("-s", setting)]
    return run_crawl(tmp_path, "-a", f"via={base_url}", "-a", f"sites={SITE}", *extra,
                     name=name)


@pytest.mark.slow
def test_without_learning_the_promo_leaks_into_the_text(promo_simulator: str,
                                                         tmp_path: Path) -> None:
    run = crawl_site(promo_simulator, tmp_path, "TEMPLATE_LEARNING=False")
    assert run.items
    assert sum(PROMO in item["text"] for item in run.items) >= len(run.items) // 2


@pytest.mark.slow
def test_learnt_template_removes_it_from_every_item_and_persists(promo_simulator: str,
                                                                tmp_path: Path) -> None:
    run = crawl_site(promo_simulator, tmp_path)
    assert run.items
    assert not [item["url"] for item in run.items if PROMO in item["text"]]
    assert run.stats["template/removed_paragraphs"] >= len(run.items) // 2
    for item in run.items:
        for span in item["paragraphs"]:
            assert item["text"][span["start"]:span["end"]].strip()
    saved = json.loads((tmp_path / "state" / "templates" / f"{SITE}.json").read_text())
    assert saved["pages"] >= len(run.items)
    assert saved["counts"][fingerprint(PROMO)] >= len(run.items) // 2

    again = crawl_site(promo_simulator, tmp_path, name="again")
    assert {i["id"] for i in again.items} == {i["id"] for i in run.items}
    assert not [item["url"] for item in again.items if PROMO in item["text"]]
    assert "held pages" not in again.log, "a warm template must not hold pages back"


def test_site_template_thresholds() -> None:
    template = SiteTemplate()
    for page in range(10):
        template.observe({"everywhere", f"own-{page}", *(["some"] if page < 3 else [])})
    assert template.boilerplate(min_pages=5, min_share=0.3, min_repeats=3) == {"everywhere",
                                                                                 "some"}
    assert template.boilerplate(min_pages=11, min_share=0.3, min_repeats=3) == set()
    assert template.boilerplate(min_pages=5, min_share=0.5, min_repeats=3) == {"everywhere"}


def test_store_survives_a_corrupt_file(tmp_path: Path) -> None:
    (tmp_path / "omantoday.json").write_text("{not json")
    learning = TemplateLearning(FileTemplateStore(tmp_path))
    assert learning.site("omantoday").pages == 0
    learning.site("omantoday").observe({"a"})
    learning.save()
    assert json.loads((tmp_path / "omantoday.json").read_text()) == {"pages": 1,
                                                                   "counts": {"a": 1}}


def test_fingerprints_fold_digits_and_spaces_only() -> None:
    assert fingerprint("آخر تحديث  GMT 09:46") == fingerprint("آخر تحديث GMT 11:02")
    assert fingerprint("تعليق *") != fingerprint("تعليق")
    html = f"<html><body><p>{PROMO}</p><p>قصير</p></body></html>"
    assert page_fingerprints(parse_page(html, "https://example.com/a")) == {fingerprint(PROMO)}


@pytest.mark.slow
def test_worker_processes_remove_it_with_the_fingerprints_they_computed(
        promo_simulator: str, tmp_path: Path) -> None:
    """With ANALYSIS_PROCESSES the template pipeline takes each paragraph's fingerprint from
    the worker's analysis instead of computing it again: the same paragraphs go."""
    run = crawl_site(promo_simulator, tmp_path, "ANALYSIS_PROCESSES=1")
    assert run.items
    assert not [item["url"] for item in run.items if PROMO in item["text"]]
    assert run.stats["template/removed_paragraphs"] >= len(run.items) // 2
