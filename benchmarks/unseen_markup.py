"""Extraction on markup it has never seen: generated pages in every layout family.

Usage: ``python -m benchmarks.unseen_markup [--pages 1000] [--seed 0] [--families a,b]
[--held-out-only] [--lofo] [--tune module:function] [--no-baseline] [--seed-dir DIR]
[--json OUT]``.

Pages come from ``crawler.simulator.markup`` (simulator articles, plus the shared seed page once
per family when ``../shared/seed`` exists). Each page goes through what users get,
``crawler.extract_article(html, url)`` (``NotAnArticle`` counts as a miss, any other exception
as an error), and through trafilatura (``favor_precision=True, include_comments=False``) as the
body baseline. Per family and per field: body precision / recall / F1 with the Zyte shingle
metric (benchmarks/metric.py); leaks (furniture strings found in the extracted text, pages with
any, pages whose text holds a whole furniture block of two strings or more); title, authors,
dateline and published_at exact accuracy (published_at: same instant and same offset, the same
wall-clock time when the page gives none, the same date for day-precision pages; null must be
null); ``pub~`` is the lenient date score (same instant in any offset; a naive expected time
read in the site's zone); the items' published_precision against the page's.

Tuning: a callback ``tune(train_pages) -> params`` (``--tune module:function``; the default
returns ``{}``) is called on training pages and its params are passed to ``extract_article`` as
keyword hints. Without ``--lofo`` it trains on the families that are not held out; with
``--lofo`` each family is scored with params trained on all the other families.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from benchmarks.metric import Counts, aggregate, page_counts, paired_bootstrap
from crawler.network.sites import site_for_host
from crawler.simulator.markup import (
    HELD_OUT,
    GeneratedPage,
    SeedFormatError,
    SourceArticle,
    UnknownFamilyError,
    article_from_seed,
    articles_from_simulator,
    family_names,
    generate,
)
from crawler.simulator.markup.dates import SITE_OFFSETS
from crawler.text import fold, normalise_space

DEFAULT_SEED_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "seed"
FIELDS = ("title", "authors", "dateline", "published_at")

Params = dict[str, Any]
Tune = Callable[[list[GeneratedPage]], Params]


def no_tuning(train_pages: list[GeneratedPage]) -> Params:
    """The default tuning callback: the rules have no parameters of their own to fit."""
    return {}


# ---------------------------------------------------------------- systems


@dataclass(frozen=True)
class Prediction:
    """What an extractor returned for one page (status: ok, miss or error)."""

    status: str
    text: str = ""
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    dateline: dict[str, Any] | None = None
    published_at: str | None = None
    published_precision: str | None = None
    has_precision: bool = False
    error: str = ""


def extract_ours(html: str, url: str, params: Params) -> Prediction:
    """``crawler.extract_article`` with ``params`` as hints."""
    import crawler
    from crawler.extract import NotAnArticle

    try:
        item = crawler.extract_article(html, url, **params)
    except NotAnArticle as exc:
        return Prediction("miss", error=str(exc))
    except Exception as exc:  # a crash on one page is a finding, not the end of the run
        return Prediction("error", error=f"{type(exc).__name__}: {exc}")
    return Prediction("ok", item.get("text") or "", item.get("title"),
                      list(item.get("authors") or []), item.get("dateline"),
                      item.get("published_at"), item.get("published_precision"),
                      "published_precision" in item)


def extract_trafilatura(html: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, favor_precision=True,
                               include_comments=False) or ""


# ---------------------------------------------------------------- field comparison


def _parse(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return None


def same_published(expected: str | None, found: str | None) -> bool:
    """Exact date match: same instant and offset (aware), same wall-clock time (naive), same
    date (day precision); null only matches null."""
    if expected is None or found is None:
        return expected is None and found is None
    if len(expected) == 10:
        return found == expected
    want, got = _parse(expected), _parse(found)
    if want is None or got is None or len(found) == 10:
        return False
    if want.tzinfo is None:
        return got.tzinfo is None and got == want
    return got.tzinfo is not None and got == want and got.utcoffset() == want.utcoffset()


def same_instant(expected: str | None, found: str | None, zone: timezone) -> bool:
    """Lenient date match: the same instant in any offset; a naive expected time is read in
    the site's ``zone``; day precision compares dates."""
    if expected is None or found is None:
        return expected is None and found is None
    got = _parse(found)
    if got is None:
        return False
    if len(expected) == 10:
        local = got.astimezone(zone) if got.tzinfo else got
        return local.date().isoformat() == expected
    want = _parse(expected)
    if want is None:
        return False
    if want.tzinfo is None:
        want = want.replace(tzinfo=zone)
    if got.tzinfo is None:
        got = got.replace(tzinfo=zone)
    return got == want


def page_zone(url: str) -> timezone:
    host = url.split("://", 1)[-1].split("/", 1)[0]
    site = site_for_host(host)
    return timezone(timedelta(hours=SITE_OFFSETS.get(site.key if site else "", 0)))


def _norm_dateline(value: Any) -> tuple[str, str] | None:
    if not value:
        return None
    return (normalise_space(value.get("location") or ""),
            normalise_space(value.get("source") or ""))


def field_hits(page: GeneratedPage, pred: Prediction) -> dict[str, bool]:
    e = page.expected
    return {
        "title": normalise_space(pred.title or "") == e["title"],
        "authors": [normalise_space(a) for a in pred.authors] == e["authors"],
        "dateline": _norm_dateline(pred.dateline) == _norm_dateline(e["dateline"]),
        "published_at": same_published(e["published_at"], pred.published_at),
        "published_instant": same_instant(e["published_at"], pred.published_at,
                                          page_zone(page.url)),
        "published_precision": pred.published_precision == e["published_precision"],
    }


def contains(haystack: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack`` as whole words (a menu item "سيارات" is not
    found inside "السيارات")."""
    start = haystack.find(needle)
    while start >= 0:
        end = start + len(needle)
        before = haystack[start - 1] if start else " "
        after = haystack[end] if end < len(haystack) else " "
        if not (before.isalnum() and needle[0].isalnum()) and not (
                after.isalnum() and needle[-1].isalnum()):
            return True
        start = haystack.find(needle, start + 1)
    return False


def leaked(text: str, page: GeneratedPage) -> tuple[list[str], list[str]]:
    """Furniture strings found in ``text`` (whole words, after the matching fold), and the
    kinds of the blocks (of two strings or more) found whole in it."""
    folded = fold(normalise_space(text))
    strings = [s for s in page.expected["furniture"] if contains(folded, fold(s))]
    found = set(strings)
    whole = [kind for kind, block in page.blocks
             if len(set(block)) >= 2 and all(s in found for s in block)]
    return strings, whole


# ---------------------------------------------------------------- scoring


@dataclass
class PageResult:
    family: str
    url: str
    status: str
    counts: Counts
    hits: dict[str, bool]
    has_precision: bool
    leaks: list[str]
    leak_kinds: list[str]
    whole_blocks: list[str]
    layout: dict[str, str]
    baseline: Counts | None = None
    baseline_leaks: int = 0
    error: str = ""


def score_page(page: GeneratedPage, pred: Prediction, baseline: str | None) -> PageResult:
    truth = "\n".join(page.expected["paragraphs"])
    leaks, whole = leaked(pred.text, page)
    kind_of = {s: kind for kind, block in page.blocks for s in block}
    result = PageResult(page.family, page.url, pred.status, page_counts(truth, pred.text),
                        field_hits(page, pred), pred.has_precision, leaks,
                        [kind_of[s] for s in leaks], whole, dict(page.layout), error=pred.error)
    if baseline is not None:
        result.baseline = page_counts(truth, baseline)
        result.baseline_leaks = len(leaked(baseline, page)[0])
    return result


TARGET_F1 = 0.98
"""Issue 18's target for families the rules were not tuned on."""


def meets_target(figures: dict[str, Any]) -> bool:
    """Body F1 at least TARGET_F1, no page with a leak, and every page's title, authors,
    dateline and published_at right."""
    return bool(figures.get("pages")) and figures["body"]["f1"] >= TARGET_F1 \
        and figures["pages_with_leaks"] == 0 \
        and all(figures[name] == 1.0 for name in ("title", "authors", "dateline", "published_at"))


def summarise(results: Sequence[PageResult]) -> dict[str, Any]:
    """The figures of a group of pages."""
    n = len(results)
    if not n:
        return {"pages": 0}
    body = aggregate([r.counts for r in results])
    out: dict[str, Any] = {
        "pages": n,
        "misses": sum(r.status == "miss" for r in results),
        "errors": sum(r.status == "error" for r in results),
        "body": {"precision": body.precision, "recall": body.recall, "f1": body.f1},
        "leaked_strings": sum(len(r.leaks) for r in results),
        "pages_with_leaks": sum(bool(r.leaks) for r in results),
        "pages_with_whole_block": sum(bool(r.whole_blocks) for r in results),
        "leaks_by_kind": dict(Counter(k for r in results for k in r.leak_kinds).most_common()),
        "whole_blocks_by_kind": dict(Counter(k for r in results
                                             for k in r.whole_blocks).most_common()),
    }
    for name in (*FIELDS, "published_instant"):
        out[name] = sum(r.hits[name] for r in results) / n
    with_precision = [r for r in results if r.has_precision]
    out["published_precision"] = (sum(r.hits["published_precision"] for r in with_precision)
                                  / len(with_precision) if with_precision else None)
    out["published_at_by_placement"] = _split(results, "date_where", "published_at")
    out["published_instant_by_placement"] = _split(results, "date_where", "published_instant")
    out["authors_by_byline"] = _split(results, "byline", "authors")
    out["dateline_by_position"] = _split(results, "dateline", "dateline")
    baselines = [r.baseline for r in results if r.baseline is not None]
    if baselines:
        base = aggregate(baselines)
        out["baseline"] = {"precision": base.precision, "recall": base.recall, "f1": base.f1,
                           "leaked_strings": sum(r.baseline_leaks for r in results),
                           "pages_with_leaks": sum(r.baseline_leaks > 0 for r in results)}
        paired = [(r.counts, r.baseline) for r in results if r.baseline is not None]
        diff = paired_bootstrap([o for o, _ in paired], [b for _, b in paired], resamples=500)
        out["paired"] = {"observed": diff.observed, "low": diff.low, "high": diff.high}
    return out


def _split(results: Iterable[PageResult], key: str, hit: str) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in results:
        group = groups[r.layout.get(key, "?")]
        group[0] += r.hits[hit]
        group[1] += 1
    return dict(sorted(groups.items()))


# ---------------------------------------------------------------- runs


class Runner:
    """Extracts each page once per distinct params (a tuner that returns the same params for
    every fold costs one pass) and the baseline once per page."""

    def __init__(self, pages: Sequence[GeneratedPage], baseline: bool,
                 extract: Callable[[str, str, Params], Prediction] = extract_ours):
        self.pages = list(pages)
        self.extract = extract
        self._predictions: dict[str, dict[int, Prediction]] = {}
        self._baseline: dict[int, str] | None = {} if baseline else None
        self.seconds = {"ours": 0.0, "baseline": 0.0}

    def predictions(self, params: Params, indices: Iterable[int]) -> dict[int, Prediction]:
        cache = self._predictions.setdefault(json.dumps(params, sort_keys=True, default=str),
                                             {})
        for i in indices:
            if i not in cache:
                started = time.process_time()
                cache[i] = self.extract(self.pages[i].html, self.pages[i].url, params)
                self.seconds["ours"] += time.process_time() - started
        return cache

    def baseline(self, i: int) -> str | None:
        if self._baseline is None:
            return None
        if i not in self._baseline:
            started = time.process_time()
            self._baseline[i] = extract_trafilatura(self.pages[i].html, self.pages[i].url)
            self.seconds["baseline"] += time.process_time() - started
        return self._baseline[i]

    def score(self, params: Params, indices: Sequence[int]) -> list[PageResult]:
        predicted = self.predictions(params, indices)
        return [score_page(self.pages[i], predicted[i], self.baseline(i)) for i in indices]


def by_family(pages: Sequence[GeneratedPage]) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, page in enumerate(pages):
        groups[page.family].append(i)
    return dict(groups)


def run_plain(runner: Runner, tune: Tune) -> dict[str, Any]:
    """Params trained on the pages of the families that are not held out; every family scored."""
    groups = by_family(runner.pages)
    train = [runner.pages[i] for f, idx in groups.items() if f not in HELD_OUT for i in idx]
    params = tune(train)
    results = {family: runner.score(params, idx) for family, idx in groups.items()}
    return _report(results, {"params": params})


def run_lofo(runner: Runner, tune: Tune) -> dict[str, Any]:
    """Leave one family out: each family scored with params trained on all the others."""
    groups = by_family(runner.pages)
    results, params_by_family = {}, {}
    for family, idx in groups.items():
        train = [runner.pages[i] for f, other in groups.items() if f != family for i in other]
        params = tune(train)
        params_by_family[family] = params
        results[family] = runner.score(params, idx)
    return _report(results, {"params_by_family": params_by_family})


def _report(results: dict[str, list[PageResult]], extra: dict[str, Any]) -> dict[str, Any]:
    everything = [r for rs in results.values() for r in rs]
    tuned = [r for f, rs in results.items() if f not in HELD_OUT for r in rs]
    held = [r for f, rs in results.items() if f in HELD_OUT for r in rs]
    return {
        "families": {f: {**summarise(rs), "held_out": f in HELD_OUT}
                     for f, rs in results.items()},
        "totals": {"all": summarise(everything), "tuned": summarise(tuned),
                   "held_out": summarise(held)},
        "errors": [{"family": r.family, "url": r.url, "error": r.error}
                   for r in everything if r.status == "error"][:20],
        **extra,
    }


# ---------------------------------------------------------------- output


def _pct(value: float | None) -> str:
    return "  -" if value is None else f"{100 * value:3.0f}"


_HEADER = (f"{'family':18} {'H':1} {'pages':>5} {'miss':>4} {'err':>3} | {'F1':>5} {'P':>5} "
           f"{'R':>5} {'trafF1':>6} | {'leaks':>5} {'pgLk':>4} {'blk':>4} {'trLk':>4} | "
           f"{'title':>5} {'auth':>4} {'dtln':>4} {'pub':>4} {'pub~':>4} {'prec':>4}")


def _row(name: str, held: str, s: dict[str, Any]) -> str:
    if not s.get("pages"):
        return f"{name:18} {held:1} {0:>5}"
    base = s.get("baseline")
    traf = f"{base['f1']:6.3f}" if base else f"{'-':>6}"
    traf_leaks = f"{base['pages_with_leaks']:>4}" if base else f"{'-':>4}"
    return (f"{name:18} {held:1} {s['pages']:>5} {s['misses']:>4} {s['errors']:>3} | "
            f"{s['body']['f1']:5.3f} {s['body']['precision']:5.3f} {s['body']['recall']:5.3f} "
            f"{traf} | {s['leaked_strings']:>5} {s['pages_with_leaks']:>4} "
            f"{s['pages_with_whole_block']:>4} {traf_leaks} | {_pct(s['title']):>5} "
            f"{_pct(s['authors']):>4} {_pct(s['dateline']):>4} {_pct(s['published_at']):>4} "
            f"{_pct(s['published_instant']):>4} {_pct(s['published_precision']):>4}")


def print_report(report: dict[str, Any], title: str) -> None:
    print(f"\n== {title}")
    print(_HEADER)
    print("-" * len(_HEADER))
    for family, s in report["families"].items():
        print(_row(family, "H" if s["held_out"] else "", s))
    print("-" * len(_HEADER))
    for name, s in report["totals"].items():
        print(_row(name, "", s))
    paired = [(name, s["paired"]) for name, s in (*report["families"].items(),
                                                  *report["totals"].items()) if "paired" in s]
    if paired:
        print("\nbody F1, ours - trafilatura (paired bootstrap over pages, 95% interval):")
        for name, d in paired:
            print(f"  {name:18} {d['observed']:+.3f} ({d['low']:+.3f} .. {d['high']:+.3f})")
    held = report["totals"]["held_out"]
    if held.get("pages"):
        print(f"\nheld-out families ({', '.join(sorted(HELD_OUT))}): body F1 "
              f"{held['body']['f1']:.3f}, pages with leaks {held['pages_with_leaks']}/"
              f"{held['pages']}, title {_pct(held['title']).strip()}%, authors "
              f"{_pct(held['authors']).strip()}%, dateline {_pct(held['dateline']).strip()}%, "
              f"published_at {_pct(held['published_at']).strip()}%; target (body F1 >= "
              f"{TARGET_F1}, no page with a leak, every field right): "
              f"{'met' if meets_target(held) else 'MISSED'}")
    total = report["totals"]["all"]
    if total.get("pages"):
        print("leaks by furniture kind:", _kinds(total["leaks_by_kind"]))
        print("whole blocks leaked:", _kinds(total["whole_blocks_by_kind"]))
        print("published_at by placement:", _splits(total["published_at_by_placement"]),
              "| same instant:", _splits(total["published_instant_by_placement"]))
        print("authors by byline form:", _splits(total["authors_by_byline"]))
        print("dateline by position:", _splits(total["dateline_by_position"]))
    for error in report["errors"][:5]:
        print(f"error on {error['family']} {error['url']}: {error['error']}")


def _kinds(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items()) or "none"


def _splits(groups: dict[str, list[int]]) -> str:
    return ", ".join(f"{k} {right}/{total}" for k, (right, total) in groups.items())


def print_lofo(report: dict[str, Any]) -> None:
    print("\n== leave one family out (params tuned on the other families)")
    print(f"{'family':18} {'H':1} {'F1':>5} {'pgLk':>4} {'title':>5} {'auth':>4} {'dtln':>4} "
          f"{'pub':>4}")
    for family, s in report["families"].items():
        print(f"{family:18} {'H' if s['held_out'] else '':1} {s['body']['f1']:5.3f} "
              f"{s['pages_with_leaks']:>4} {_pct(s['title']):>5} {_pct(s['authors']):>4} "
              f"{_pct(s['dateline']):>4} {_pct(s['published_at']):>4}")
    for group in ("all", "held_out"):
        members = [s for s in report["families"].values()
                   if group == "all" or s["held_out"]]
        if members:
            mean = {k: sum(m[k] for m in members) / len(members) for k in FIELDS}
            f1 = sum(m["body"]["f1"] for m in members) / len(members)
            print(f"{'mean ' + group:18}   {f1:5.3f}      {_pct(mean['title']):>5} "
                  f"{_pct(mean['authors']):>4} {_pct(mean['dateline']):>4} "
                  f"{_pct(mean['published_at']):>4}")


# ---------------------------------------------------------------- inputs


class InputError(Exception):
    """Bad command-line input: reported in one line, exit status 2."""


def load_tune(spec: str | None) -> Tune:
    if not spec:
        return no_tuning
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise InputError(f"--tune wants module:function, not {spec!r}")
    try:
        function = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise InputError(f"--tune {spec}: {exc}") from None
    if not callable(function):
        raise InputError(f"--tune {spec} is not callable")
    return function


def seed_articles(seed_dir: Path, explicit: bool) -> list[SourceArticle]:
    files = sorted(seed_dir.glob("*.txt")) if seed_dir.is_dir() else []
    if not files:
        if explicit:
            raise InputError(f"no seed page (*.txt) under {seed_dir}")
        print(f"note: no seed page under {seed_dir}; simulator articles only", file=sys.stderr)
        return []
    try:
        return [article_from_seed(path) for path in files]
    except (SeedFormatError, OSError, UnicodeDecodeError) as exc:
        raise InputError(str(exc)) from None


def build_pages(count: int, seed: int, families: list[str],
                seeds: list[SourceArticle]) -> list[GeneratedPage]:
    """``count`` pages; each seed article first appears once in every family."""
    lead = [article for article in seeds for _ in families]
    sources = lead + articles_from_simulator(max(1, count - len(lead)), seed)
    return list(generate(count, seed, families, articles=sources[:max(count, 1)]))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.unseen_markup",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0, help="generation seed (default 0)")
    parser.add_argument("--families", default=None, help="comma-separated family names")
    parser.add_argument("--held-out-only", action="store_true")
    parser.add_argument("--lofo", action="store_true", help="leave-one-family-out scoring")
    parser.add_argument("--tune", default=None, metavar="MODULE:FUNCTION",
                        help="tune(train_pages) -> params passed to extract_article as hints")
    parser.add_argument("--no-baseline", action="store_true", help="skip trafilatura")
    parser.add_argument("--seed-dir", type=Path, default=None,
                        help=f"seed pages to render in every family (default {DEFAULT_SEED_DIR})")
    parser.add_argument("--json", type=Path, default=None, help="write the figures here")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.pages < 1:
            raise InputError("--pages must be at least 1")
        wanted = ([x.strip() for x in args.families.split(",") if x.strip()]
                  if args.families else None)
        try:
            families = family_names(wanted)
        except UnknownFamilyError as exc:
            raise InputError(str(exc)) from None
        if args.held_out_only:
            families = [f for f in families if f in HELD_OUT]
            if not families:
                raise InputError("--held-out-only leaves no family")
        tune = load_tune(args.tune)
        seeds = seed_articles(args.seed_dir or DEFAULT_SEED_DIR, args.seed_dir is not None)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    pages = build_pages(args.pages, args.seed, families, seeds)
    generation = time.perf_counter() - started
    runner = Runner(pages, baseline=not args.no_baseline)
    figures: dict[str, Any] = {
        "pages": len(pages), "seed": args.seed, "families": families,
        "held_out": sorted(HELD_OUT), "seed_pages": len(seeds) * len(families),
        "generation_seconds": round(generation, 3),
    }
    figures["plain"] = run_plain(runner, tune)
    print(f"{len(pages)} pages in {len(families)} families, generated in {generation:.1f} s "
          f"(seed {args.seed}; {figures['seed_pages']} from the shared seed page)")
    print_report(figures["plain"], "per family (params tuned on the families not held out)")
    if args.lofo:
        figures["lofo"] = run_lofo(runner, tune)
        print_lofo(figures["lofo"])
    figures["cpu_seconds"] = {k: round(v, 2) for k, v in runner.seconds.items()}
    print(f"\nextraction CPU: ours {runner.seconds['ours']:.1f} s, trafilatura "
          f"{runner.seconds['baseline']:.1f} s")
    if args.json is not None:
        try:
            args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2,
                                            default=_jsonable), "utf-8")
        except OSError as exc:
            print(f"error: cannot write {args.json}: {exc}", file=sys.stderr)
            return 2
    return 0


def _jsonable(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)
    return str(value)


if __name__ == "__main__":
    raise SystemExit(main())
