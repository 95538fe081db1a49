"""The unseen-markup benchmark runner: date and field comparison, leak detection, the plain and
leave-one-family-out runs (with stand-in extractors), and the command line."""

from __future__ import annotations

import json
from datetime import timedelta, timezone
from pathlib import Path

import pytest

from benchmarks import unseen_markup as bench
from crawler.simulator.markup import HELD_OUT, GeneratedPage, generate

PLUS3 = timezone(timedelta(hours=3))


@pytest.mark.parametrize("expected, found, same", [
    ("2024-11-21T09:46:00+03:00", "2024-11-21T09:46:00+03:00", True),
    ("2024-11-21T09:46:00+03:00", "2024-11-21T06:46:00Z", False),  # same instant, other offset
    ("2024-11-21T06:46:00+00:00", "2024-11-21T06:46:00Z", True),
    ("2024-11-21T09:46:00", "2024-11-21T09:46:00", True),
    ("2024-11-21T09:46:00", "2024-11-21T09:46:00+00:00", False),  # naive must stay naive
    ("2024-11-21", "2024-11-21", True),
    ("2024-11-21", "2024-11-21T00:00:00Z", False),
    ("2024-11-21T09:46:00+03:00", "2024-11-21", False),
    (None, None, True),
    (None, "2024-11-21", False),
    ("2024-11-21", None, False),
    ("2024-11-21T09:46:00+03:00", "not a date", False),
])
def test_published_at_must_match_instant_and_offset(expected: str | None, found: str | None,
                                                    same: bool) -> None:
    assert bench.same_published(expected, found) is same


@pytest.mark.parametrize("expected, found, same", [
    ("2024-11-21T09:46:00+03:00", "2024-11-21T06:46:00Z", True),
    ("2024-11-21T09:46:00", "2024-11-21T06:46:00Z", True),  # read in the site's zone (+03:00)
    ("2024-11-21T09:46:00", "2024-11-21T09:46:00Z", False),
    ("2024-11-21", "2024-11-20T22:30:00Z", True),  # 01:30 on the 21st in +03:00
    (None, "2024-11-21", False),
])
def test_lenient_date_match_compares_instants(expected: str | None, found: str,
                                              same: bool) -> None:
    assert bench.same_instant(expected, found, PLUS3) is same


def test_page_zone_is_the_site_offset() -> None:
    assert bench.page_zone("https://www.almaghribtoday.net/1/x").utcoffset(None) == \
        timedelta(hours=1)
    assert bench.page_zone("https://example.org/x").utcoffset(None) == timedelta(0)


@pytest.mark.parametrize("haystack, needle, found", [
    ("شركة صناعة السيارات تعلن", "سيارات", False),
    ("الأقسام: سيارات | رياضة", "سيارات", True),
    ("اقرأ أيضا: عنوان آخر", "اقرأ أيضا:", True),
    ("نص (إعلان) نص", "إعلان", True),
    ("الإعلانات", "إعلان", False),
])
def test_furniture_matches_whole_words(haystack: str, needle: str, found: bool) -> None:
    assert bench.contains(haystack, needle) is found


@pytest.fixture(scope="module")
def pages() -> list[GeneratedPage]:
    return list(generate(48, seed=4))


def oracle(page: GeneratedPage) -> bench.Prediction:
    e = page.expected
    return bench.Prediction("ok", "\n\n".join(e["paragraphs"]), e["title"], list(e["authors"]),
                            e["dateline"], e["published_at"], e["published_precision"], True)


def test_leaks_and_whole_blocks_are_found(pages: list[GeneratedPage]) -> None:
    page = pages[0]
    kind, block = next((k, b) for k, b in page.blocks if len(set(b)) >= 2)
    text = "\n".join([*page.expected["paragraphs"], *block])
    strings, whole = bench.leaked(text, page)
    assert set(block) <= set(strings)
    assert kind in whole
    assert bench.leaked("\n".join(page.expected["paragraphs"]), page) == ([], [])


def test_an_exact_extractor_scores_one_everywhere(pages: list[GeneratedPage]) -> None:
    by_url = {p.url: p for p in pages}
    runner = bench.Runner(pages, baseline=False,
                          extract=lambda html, url, params: oracle(by_url[url]))
    totals = bench.run_plain(runner, bench.no_tuning)["totals"]["all"]
    assert totals["pages"] == len(pages)
    assert totals["body"]["f1"] == pytest.approx(1.0)
    assert totals["leaked_strings"] == 0
    for name in (*bench.FIELDS, "published_instant", "published_precision"):
        assert totals[name] == pytest.approx(1.0), name


def test_the_target_is_met_by_an_exact_extractor_only(pages: list[GeneratedPage]) -> None:
    by_url = {p.url: p for p in pages}
    exact = bench.Runner(pages, baseline=False,
                         extract=lambda html, url, params: oracle(by_url[url]))
    assert bench.meets_target(bench.run_plain(exact, bench.no_tuning)["totals"]["all"])

    def no_author(html: str, url: str, params: bench.Params) -> bench.Prediction:
        right = oracle(by_url[url])
        return bench.Prediction("ok", right.text, right.title, [], right.dateline,
                                right.published_at, right.published_precision, True)

    with_authors = [p for p in pages if p.expected["authors"]]
    missing = bench.Runner(with_authors, baseline=False, extract=no_author)
    assert not bench.meets_target(bench.run_plain(missing, bench.no_tuning)["totals"]["all"])
    assert not bench.meets_target({"pages": 0})


def test_a_whole_page_extractor_leaks_and_loses_precision(pages: list[GeneratedPage]) -> None:
    from tests.unit.simulator.test_markup import visible_text

    runner = bench.Runner(pages, baseline=False, extract=lambda html, url, params:
                          bench.Prediction("ok", visible_text(html)))
    totals = bench.run_plain(runner, bench.no_tuning)["totals"]["all"]
    assert totals["body"]["recall"] > 0.98  # shingles across an ad between paragraphs are lost
    assert totals["body"]["precision"] < 0.8
    assert totals["pages_with_leaks"] == len(pages)
    assert totals["pages_with_whole_block"] == len(pages)
    assert totals["title"] == 0
    assert totals["published_precision"] is None  # the stand-in returns no precision field


def test_lofo_trains_on_every_family_but_the_scored_one(pages: list[GeneratedPage]) -> None:
    trained: list[set[str]] = []

    def tune(train: list[GeneratedPage]) -> dict[str, object]:
        families = {p.family for p in train}
        trained.append(families)
        return {"families": sorted(families)}

    seen: list[tuple[str, tuple[str, ...]]] = []

    def extract(html: str, url: str, params: dict[str, object]) -> bench.Prediction:
        family = next(p.family for p in pages if p.url == url and p.html == html)
        seen.append((family, tuple(params["families"])))  # type: ignore[arg-type]
        return bench.Prediction("miss")

    runner = bench.Runner(pages, baseline=False, extract=extract)
    report = bench.run_lofo(runner, tune)
    assert set(report["params_by_family"]) == {p.family for p in pages}
    for family, families in seen:
        assert family not in families
    plain = bench.run_plain(bench.Runner(pages, baseline=False, extract=extract), tune)
    assert set(plain["params"]["families"]).isdisjoint(HELD_OUT)
    assert plain["totals"]["all"]["misses"] == len(pages)


def test_a_crash_on_one_page_is_counted_not_raised(pages: list[GeneratedPage]) -> None:
    def crashing(html: str, url: str, params: dict[str, object]) -> bench.Prediction:
        try:
            raise RuntimeError("boom")
        except RuntimeError as exc:
            return bench.Prediction("error", error=str(exc))

    report = bench.run_plain(bench.Runner(pages[:3], baseline=False, extract=crashing),
                             bench.no_tuning)
    assert report["totals"]["all"]["errors"] == 3
    assert report["errors"][0]["error"] == "boom"


def test_extract_ours_reports_a_non_article_as_a_miss() -> None:
    missed = bench.extract_ours("", "https://www.arabstoday.net/485/x", {})
    assert missed.status == "miss"
    assert missed.error


@pytest.mark.parametrize("argv, message", [
    (["--families", "no_such_family"], "unknown layout family 'no_such_family'"),
    (["--pages", "0"], "--pages must be at least 1"),
    (["--tune", "nomodule"], "--tune wants module:function"),
    (["--tune", "benchmarks.unseen_markup:nothing_here"], "--tune benchmarks.unseen_markup"),
    (["--families", "wp_jannah", "--held-out-only"], "--held-out-only leaves no family"),
])
def test_bad_input_gives_one_line_and_status_two(argv: list[str], message: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_missing_explicit_seed_dir_is_an_error(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--pages", "2", "--seed-dir", str(tmp_path / "none")]) == 2
    assert "no seed page" in capsys.readouterr().err


def test_a_small_run_prints_the_table_and_writes_json(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    out = tmp_path / "figures.json"
    seed_dir = tmp_path / "seed"
    seed_dir.mkdir()
    assert bench.main(["--pages", "16", "--no-baseline", "--lofo", "--seed-dir", str(seed_dir),
                       "--json", str(out)]) == 2  # an empty explicit seed dir is refused
    assert bench.main(["--pages", "16", "--no-baseline", "--lofo", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "held_out" in printed and "leave one family out" in printed
    figures = json.loads(out.read_text("utf-8"))
    assert figures["pages"] == 16
    assert set(figures["plain"]["families"]) == set(figures["lofo"]["families"])
    assert figures["plain"]["totals"]["all"]["pages"] == 16
