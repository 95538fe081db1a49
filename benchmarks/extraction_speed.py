"""Extraction speed: this project's extractors against trafilatura, same pages, same run.

Usage: ``python -m benchmarks.extraction_speed [--pages N] [--rounds N] [--limit N]
[--order blocked|interleaved|both] [--corpus network|generic|all] [--json FILE]``

Corpora:

- ``network``: article pages of ``SimulatedNetwork(pages=N, seed=...)`` (every manifest URL,
  rendered by ``respond()``) plus the saved fixtures under ``tests/fixtures``; ours is
  ``crawler.extract.article.extract_article``.
- ``zyte`` and ``fundus`` (``../shared/benchmarks``): pages of other sites, where the item
  comes from the generic path (trafilatura checked against readability) and the field rules;
  ours is ``extract_article`` there too.

Each page is decoded once, as the crawl does (``crawler.extract.page.decode_html``),
outside the timed region. Every system then extracts **every page exactly once** (first
sight, as in a crawl: a repeated pass is served partly from the extractors' memos), in chunks
of pages with the systems' order rotated per chunk: ``blocked`` (100 pages per system in turn:
how an extractor runs in a crawl, its own data in the CPU caches; the order the targets are
judged on) or ``interleaved`` (every system on a page before the next). With ``--order both``
the network corpus is drawn anew for the second order (another simulator seed); the generic
corpora are fixed, so their second order is a repeat. ``--rounds N`` measures the network
corpus N times, each round on fresh simulator pages (the fixtures in the first only), and
prints the median ratio: one round's ratio moves by ~10% with the machine's drift. Speed is
pages per second of wall time and per CPU second of this one process (the CPU figure is the one
to trust on a machine shared with other work). A separate pass over further fresh network
pages (so its timers cannot bias the rates) splits our CPU time per page by stage (each
stage's own time: a stage that calls another is not charged for it).
"""

from __future__ import annotations

import argparse
import json
import logging
import platform
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler.extract.page import decode_html

ROOT = Path(__file__).resolve().parent.parent
SHARED_BENCHMARKS = ROOT.parent / "shared" / "benchmarks"
FIXTURES = ROOT / "tests" / "fixtures"

Runner = Callable[["Page"], object]
WARMUP_PAGES = 3
"""Pages each system extracts before the timing (imports, one-off set-up); not timed."""


@dataclass(frozen=True)
class Page:
    """One decoded page and what the extractors are told about it."""

    name: str
    html: str
    url: str
    feed: dict[str, Any]


# ---------------------------------------------------------------- corpora


def network_pages(count: int, seed: int = 0) -> list[Page]:
    """Every article page the simulator serves, as the crawl receives it (via ``respond``)."""
    from crawler.simulator import SimulatedNetwork

    network = SimulatedNetwork(pages=count, seed=seed)
    pages = []
    for url in network.manifest():
        parts = urlsplit(url)
        response = network.respond(parts.netloc, parts.path, {})
        if response.status != 200:
            continue
        html = decode_html(response.body, response.headers.get("Content-Type"))
        pages.append(Page(url, html, url, {}))
    return pages


def fixture_pages(root: Path = FIXTURES) -> list[Page]:
    """The saved extraction fixtures (``<name>.html`` + ``<name>.json`` with url and feed)."""
    pages = []
    for json_path in sorted(root.glob("*/*/*.json")):
        html_path = json_path.with_suffix(".html")
        if not html_path.exists():
            continue
        item = json.loads(json_path.read_text("utf-8"))
        html = decode_html(html_path.read_bytes(), None)
        pages.append(Page(str(json_path.relative_to(root)), html, item["url"],
                          item.get("feed") or {}))
    return pages


def generic_pages(corpus: str, root: Path = SHARED_BENCHMARKS) -> list[Page]:
    from benchmarks.extraction import fundus_pages, zyte_pages

    loader = {"zyte": zyte_pages, "fundus": fundus_pages}[corpus]
    return [Page(p.page_id, p.html, p.url or "", {}) for p in loader(root)]


# ---------------------------------------------------------------- systems


def ours_article(page: Page) -> object:
    from crawler.extract.article import NotAnArticle, extract_article

    try:
        return extract_article(page.html, page.url, feed=page.feed)
    except NotAnArticle as exc:
        return exc.reason


def trafilatura_extract(page: Page) -> object:
    """The anchor configuration of benchmarks.extraction: precision mode, comments off."""
    import trafilatura

    return trafilatura.extract(page.html, url=page.url or None, favor_precision=True,
                               include_comments=False)


def trafilatura_bare(page: Page) -> object:
    """bare_extraction with metadata: what a caller gets that wants fields, like ours."""
    import trafilatura

    return trafilatura.bare_extraction(page.html, url=page.url or None, favor_precision=True,
                                       include_comments=False, with_metadata=True)


TRAFILATURA: dict[str, Runner] = {
    "trafilatura extract(favor_precision)": trafilatura_extract,
    "trafilatura bare_extraction(favor_precision, metadata)": trafilatura_bare,
}


@dataclass
class Timing:
    wall: float = 0.0
    cpu: float = 0.0
    calls: int = 0
    errors: int = 0


def _warm(pages: list[Page], systems: dict[str, Runner]) -> None:
    """Imports and one-off set-up, on pages that are not timed afterwards."""
    for page in pages:
        for fn in systems.values():
            fn(page)


def first_sight(pages: list[Page], systems: dict[str, Runner], chunk: int) -> dict[str, Timing]:
    """Every system over every page exactly once, ``chunk`` pages at a time, the order of the
    systems rotated from chunk to chunk (so a machine that speeds up or slows down weighs on
    all of them alike).

    Once: a crawl meets each article once, and a second pass would be served partly from the
    extractors' memos (ours remember per-text predicates, trafilatura some of its own), which
    made a repeated corpus look up to ~1.5x faster than a crawl sees it."""
    timings = {name: Timing() for name in systems}
    names = list(systems)
    for index in range(0, len(pages), chunk):
        batch = pages[index:index + chunk]
        shift = (index // chunk) % len(names)
        for name in names[shift:] + names[:shift]:
            timing, run = timings[name], systems[name]
            wall, cpu = time.perf_counter(), time.process_time()
            for page in batch:
                try:
                    run(page)
                except Exception:  # a baseline crashing is counted, not fatal
                    timing.errors += 1
            timing.cpu += time.process_time() - cpu
            timing.wall += time.perf_counter() - wall
            timing.calls += len(batch)
    return timings


# ---------------------------------------------------------------- stages


def stages() -> tuple[tuple[str, Any, str], ...]:
    """(label, module, function name) of each stage of ``extract_article``, patched where the
    caller looks the name up."""
    from crawler.extract import article, reading
    from crawler.extract.fields import authors, body, dateline, dates, images, title

    return (("parse_page", article, "parse_page"), ("read_metadata", article, "read_metadata"),
            ("views_of", article, "views_of"), ("title.locate", title, "locate"),
            ("find_body", article, "find_body"), ("title", title, "find"),
            ("dateline", dateline, "find"), ("dates", dates, "find"),
            ("authors", authors, "find"), ("images", images, "find"), ("body", body, "find"),
            ("generic_fields", reading, "generic_fields"),
            ("join_paragraphs", article, "join_paragraphs"),
            ("detect_language", article, "detect_language"))


@contextmanager
def stage_timers(targets: tuple[tuple[str, Any, str], ...]) -> Iterator[dict[str, float]]:
    """Wrap each stage with an accumulator of its own CPU time (time spent in a stage it calls
    is charged to that one); restore on exit."""
    spent: dict[str, float] = defaultdict(float)
    inner: list[float] = []  # per open stage: time its callees took
    originals = [(module, name, getattr(module, name)) for _, module, name in targets]

    def timed(label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            inner.append(0.0)
            try:
                return fn(*args, **kwargs)
            finally:
                took = time.process_time() - start
                own = took - inner.pop()
                spent[label] += own
                if inner:
                    inner[-1] += took
        return wrapper

    for (label, module, name), (_, _, fn) in zip(targets, originals, strict=True):
        setattr(module, name, timed(label, fn))
    try:
        yield spent
    finally:
        for module, name, fn in originals:
            setattr(module, name, fn)


def stage_profile(pages: list[Page], runner: Runner) -> dict[str, float]:
    """Milliseconds of CPU per page, per stage, plus ``total`` and ``other``."""
    targets = stages()
    with stage_timers(targets) as spent:
        start = time.process_time()
        for page in pages:
            runner(page)
        total = time.process_time() - start
    result = {label: 1000 * spent[label] / len(pages) for label, _, _ in targets
              if label in spent}
    result["other"] = 1000 * total / len(pages) - sum(result.values())
    result["total"] = 1000 * total / len(pages)
    return result


# ---------------------------------------------------------------- report


ORDERS: dict[str, int] = {"blocked": 100, "interleaved": 1}
"""Pages per chunk: each system runs over a chunk of 100 pages in turn (its own data in the CPU
caches, as in a crawl), or every system on a page before the next (the others' in the caches)."""


def corpus_figures(pages: list[Page], warmup: list[Page], ours_name: str, ours: Runner,
                   order: str = "blocked") -> dict[str, Any]:
    systems = {ours_name: ours, **TRAFILATURA}
    _warm(warmup, systems)
    timings = first_sight(pages, systems, ORDERS[order])
    figures: dict[str, Any] = {"pages": len(pages), "order": order, "systems": {}}
    for name, t in timings.items():
        figures["systems"][name] = {
            "pages_per_second": t.calls / t.wall if t.wall else None,
            "pages_per_cpu_second": t.calls / t.cpu if t.cpu else None,
            "ms_per_page": 1000 * t.wall / t.calls if t.calls else None,
            "errors": t.errors,
        }
    ours_rate = figures["systems"][ours_name]["pages_per_second"]
    ours_cpu_rate = figures["systems"][ours_name]["pages_per_cpu_second"]
    figures["ratio_to"] = {name: ours_rate / figures["systems"][name]["pages_per_second"]
                           for name in TRAFILATURA}
    figures["cpu_ratio_to"] = {
        name: ours_cpu_rate / figures["systems"][name]["pages_per_cpu_second"]
        for name in TRAFILATURA}
    return figures


def machine() -> dict[str, Any]:
    import os

    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import lxml.etree
    import trafilatura

    return {"cpus": os.cpu_count(), "cpu_model": model or platform.processor(),
            "python": platform.python_version(), "lxml": lxml.etree.__version__,
            "trafilatura": trafilatura.__version__}


def print_corpus(name: str, figures: dict[str, Any], target: float) -> None:
    print(f"\n== {name}: {figures['pages']} pages, each once per system, {figures['order']}")
    print(f"{'system':58} {'pages/s':>8} {'pages/cpu-s':>11} {'ms/page':>8}")
    for system, s in figures["systems"].items():
        print(f"{system:58} {s['pages_per_second']:8.1f} {s['pages_per_cpu_second']:11.1f}"
              f" {s['ms_per_page']:8.2f}")
    for system, ratio in figures["ratio_to"].items():
        cpu_ratio = figures["cpu_ratio_to"][system]
        verdict = "meets" if min(ratio, cpu_ratio) >= target else "MISSES"
        print(f"  ours / {system}: {ratio:.2f}x wall, {cpu_ratio:.2f}x CPU"
              f" (target >= {target:g}x: {verdict})")


def print_median(rounds: list[dict[str, Any]], target: float) -> dict[str, float]:
    """The median over rounds of each ratio (wall and CPU), printed; each round's pages are
    fresh, so the rounds differ by the pages and by the machine's drift between them."""
    medians: dict[str, float] = {}
    print(f"  over {len(rounds)} rounds:")
    for system in rounds[0]["ratio_to"]:
        for measure in ("ratio_to", "cpu_ratio_to"):
            values = sorted(r[measure][system] for r in rounds)
            medians[f"{measure}/{system}"] = statistics.median(values)
        low = min(r["cpu_ratio_to"][system] for r in rounds)
        high = max(r["cpu_ratio_to"][system] for r in rounds)
        wall, cpu = medians[f"ratio_to/{system}"], medians[f"cpu_ratio_to/{system}"]
        verdict = "meets" if min(wall, cpu) >= target else "MISSES"
        print(f"  median ours / {system}: {wall:.2f}x wall, {cpu:.2f}x CPU (CPU range"
              f" {low:.2f}-{high:.2f}x; target >= {target:g}x: {verdict})")
    return medians


def print_stages(name: str, stages: dict[str, float]) -> None:
    print(f"  CPU ms per page by stage ({name}):")
    for stage, ms in sorted(stages.items(), key=lambda kv: -kv[1]):
        if stage != "total":
            print(f"    {stage:20} {ms:7.2f}  ({100 * ms / stages['total']:4.1f}%)")
    print(f"    {'total':20} {stages['total']:7.2f}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.extraction_speed",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000,
                        help="simulator articles (default 1000)")
    parser.add_argument("--limit", type=int, default=None, help="first N pages of zyte/fundus")
    parser.add_argument("--corpus", choices=["network", "generic", "all"], default="all")
    parser.add_argument("--order", choices=["blocked", "interleaved", "both"],
                        default="blocked",
                        help="100 pages per system in turn (blocked, default), page by page "
                             "(interleaved), or both")
    parser.add_argument("--rounds", type=int, default=1,
                        help="network corpus: N rounds, each on fresh simulator pages, and "
                             "the median ratio (default 1)")
    parser.add_argument("--benchmarks", type=Path, default=SHARED_BENCHMARKS)
    parser.add_argument("--json", type=Path, default=None, help="save the figures here")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.CRITICAL)

    figures: dict[str, Any] = {"machine": machine()}
    orders = ["blocked", "interleaved"] if args.order == "both" else [args.order]
    print("machine:", figures["machine"])
    if args.corpus in ("network", "all"):
        fixtures = fixture_pages()
        warmup = network_pages(WARMUP_PAGES, seed=len(orders) + 1)
        for number, order in enumerate(orders):  # every order on pages of its own
            key = f"network/{order}"
            rounds = []
            for round_number in range(args.rounds):  # fresh pages each round
                seed = number if round_number == 0 else 100 * round_number + number
                pages = network_pages(args.pages, seed=seed)
                if round_number == 0:
                    pages += fixtures  # seen once only: they are the same every round
                rounds.append(corpus_figures(pages, warmup, "ours extract_article",
                                             ours_article, order))
                print_corpus(f"network (simulator{' + fixtures' if round_number == 0 else ''}"
                             f", seed {seed})", rounds[-1], 5)
            figures[key] = rounds[0]
            if args.rounds > 1:
                figures[f"{key}/rounds"] = rounds
                figures[f"{key}/median"] = print_median(rounds, 5)
        figures["network/stages_ms"] = stage_profile(
            network_pages(args.pages, seed=len(orders)), ours_article)
        print_stages("extract_article", figures["network/stages_ms"])
    if args.corpus in ("generic", "all"):
        if not (args.benchmarks / "zyte").exists():
            print(f"no benchmarks under {args.benchmarks}", file=sys.stderr)
            return 2
        for corpus in ("zyte", "fundus"):
            pages = generic_pages(corpus, args.benchmarks)[: args.limit]
            for order in orders:
                key = f"{corpus}/{order}"
                figures[key] = corpus_figures(pages[WARMUP_PAGES:], pages[:WARMUP_PAGES],
                                              "ours extract_article", ours_article, order)
                print_corpus(corpus, figures[key], 1)
            figures[f"{corpus}/stages_ms"] = stage_profile(pages, ours_article)
            print_stages("extract_article", figures[f"{corpus}/stages_ms"])
    if args.json is not None:
        args.json.write_text(json.dumps(figures, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
