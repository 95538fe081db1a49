"""Side-by-side extraction benchmark: the item users get against trafilatura and readability.

Usage: ``python -m benchmarks.extraction [--corpus zyte|fundus|arabic|all] [--limit N]
[--json FILE] [--benchmarks DIR]``. Reads the corpora under ``../shared/benchmarks`` (see its
README); scores bodies with :mod:`benchmarks.metric`, titles exactly after whitespace
normalisation, speed as pages per second of extraction alone in this one process, and compares
ours with each baseline by a paired per-page bootstrap. "Ours" is ``extract_article``: the item a
crawl exports (a page it refuses as no article scores as empty text).
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import logging
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from benchmarks.metric import (
    Counts,
    aggregate,
    page_counts,
    page_f1,
    paired_bootstrap,
)

DEFAULT_ROOT = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks"
OURS = "ours (extract_article)"
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class Page:
    """One benchmark page with its expected values."""

    page_id: str
    html: str
    url: str | None
    text: str
    title: str | None = None
    authors: list[str] | None = None
    published: str | None = None


@dataclass(frozen=True)
class Extracted:
    """What a system returned for one page (metadata only where the system gives it)."""

    text: str
    title: str | None
    authors: list[str] | None = None
    published: str | None = None


Extractor = Callable[[str, str | None], Extracted]


def norm_ws(text: str | None) -> str:
    """Collapse whitespace, for exact title comparison."""
    return _WS.sub(" ", text or "").strip()


# ---------------------------------------------------------------- systems


def ours(html: str, url: str | None) -> Extracted:
    from crawler.extract import NotAnArticle, extract_article

    try:
        item = extract_article(html, url or "")
    except NotAnArticle:
        return Extracted("", None, [], None)
    return Extracted(item["text"] or "", item["title"], list(item["authors"]),
                     item["published_at"])


def trafilatura_precision(html: str, url: str | None) -> Extracted:
    """The anchor configuration (0.964 on zyte): precision mode, comments off."""
    import trafilatura

    return Extracted(
        trafilatura.extract(html, url=url, favor_precision=True, include_comments=False) or "",
        None,
    )


def trafilatura_default(html: str, url: str | None) -> Extracted:
    import trafilatura

    return Extracted(trafilatura.extract(html, url=url, include_comments=False) or "", None)


def readability_lxml(html: str, url: str | None) -> Extracted:
    import lxml.html
    from readability import Document

    doc = Document(html, url=url)
    summary = doc.summary(html_partial=True)
    if not summary.strip():
        return Extracted("", None)
    tree = lxml.html.fragment_fromstring(summary, create_parent="div")
    blocks = [norm_ws(el.text_content()) for el in tree.iter("p", "h1", "h2", "h3", "li", "pre")]
    text = "\n".join(b for b in blocks if b) or norm_ws(tree.text_content())
    return Extracted(text, None)


def trafilatura_title(html: str, url: str | None) -> str | None:
    """trafilatura's metadata title, for the title column of the baselines (not timed)."""
    from trafilatura.metadata import extract_metadata

    meta = extract_metadata(html, default_url=url)
    return meta.title if meta is not None else None


def readability_title(html: str, url: str | None) -> str | None:
    from readability import Document

    return Document(html, url=url).short_title() or None


def _readability_installed() -> bool:
    return importlib.util.find_spec("readability") is not None


BASELINES: dict[str, Extractor] = {
    "trafilatura favor_precision": trafilatura_precision,
    "trafilatura default": trafilatura_default,
}
if _readability_installed():  # readability-lxml is a benchmark-only dependency
    BASELINES["readability-lxml"] = readability_lxml
TITLE_OF: dict[str, Callable[[str, str | None], str | None]] = {
    "trafilatura favor_precision": trafilatura_title,
    "trafilatura default": trafilatura_title,
    "readability-lxml": readability_title,
}


# ---------------------------------------------------------------- corpora


def _read_html(path: Path) -> str:
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return raw.decode("utf-8", errors="replace")


def zyte_pages(root: Path) -> Iterator[Page]:
    truth = json.loads((root / "zyte" / "ground-truth.json").read_text("utf-8"))
    for page_id in sorted(truth):
        entry = truth[page_id]
        html = _read_html(root / "zyte" / "html" / f"{page_id}.html.gz")
        yield Page(page_id, html, entry.get("url"), entry.get("articleBody") or "")


def fundus_pages(root: Path) -> Iterator[Page]:
    for meta_path in sorted((root / "fundus").glob("*/*.json")):
        meta = json.loads(meta_path.read_text("utf-8"))
        html = _read_html(meta_path.with_name(meta_path.stem + ".html.gz"))
        text = meta.get("text") or "\n\n".join(meta.get("paragraphs") or [])
        page_id = f"{meta_path.parent.name}/{meta_path.stem}"
        authors = meta.get("authors")
        yield Page(page_id, html, meta.get("url"), text, meta.get("title"),
                   authors if isinstance(authors, list) else None, meta.get("published"))


# ---------------------------------------------------------------- scoring


@dataclass
class SystemRun:
    """One system's results on one corpus."""

    name: str
    counts: list[Counts] = field(default_factory=list)
    titles_right: int = 0
    titles_total: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    errors: int = 0
    authors_right: int = 0
    authors_total: int = 0
    dates_instant: int = 0
    dates_day: int = 0
    dates_total: int = 0


def _timed(run: SystemRun, extractor: Extractor, page: Page) -> Extracted:
    """One extraction; wall and CPU seconds are added to the run, a crash is counted."""
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        out = extractor(page.html, page.url)
    except Exception:  # a baseline crashing is a result, counted, not a benchmark failure
        logging.getLogger(__name__).warning("%s failed on %s", run.name, page.page_id)
        run.errors += 1
        out = Extracted("", None)
    run.cpu_seconds += time.process_time() - cpu
    run.seconds += time.perf_counter() - wall
    return out


def run_systems(pages: list[Page], systems: dict[str, Extractor]) -> dict[str, SystemRun]:
    """Extract every page with every system, interleaved page by page in a rotating order
    (so that load from other processes falls on all systems alike); then score bodies and
    titles (not timed)."""
    runs = {name: SystemRun(name) for name in systems}
    outputs: dict[str, list[Extracted]] = {name: [] for name in systems}
    names = list(systems)
    for index, page in enumerate(pages):
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            outputs[name].append(_timed(runs[name], systems[name], page))
    for name, run in runs.items():
        title_fn = TITLE_OF.get(name)
        for page, out in zip(pages, outputs[name], strict=True):
            run.counts.append(page_counts(page.text, out.text))
            if page.title is not None:
                title = out.title if title_fn is None else title_fn(page.html, page.url)
                run.titles_total += 1
                run.titles_right += norm_ws(title) == norm_ws(page.title)
            if page.authors is not None and out.authors is not None:
                run.authors_total += 1
                run.authors_right += [norm_ws(a) for a in out.authors] == [
                    norm_ws(a) for a in page.authors]
            if page.published and out.authors is not None:  # systems that report metadata
                run.dates_total += 1
                instant, day = compare_dates(out.published, page.published)
                run.dates_instant += instant
                run.dates_day += day
    return runs


def _moment(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def compare_dates(found: str | None, expected: str) -> tuple[bool, bool]:
    """(same instant to the second, both zoned; same calendar day as written)."""
    if not found:
        return False, False
    a, b = _moment(found), _moment(expected)
    if a is None or b is None:
        return False, False
    zoned = a.tzinfo is not None and b.tzinfo is not None
    instant = zoned and a.replace(microsecond=0) == b.replace(microsecond=0)
    return instant, a.date() == b.date()


def corpus_report(pages: list[Page], systems: dict[str, Extractor]) -> dict[str, Any]:
    """Score every system on the pages and bootstrap ours against each other system."""
    runs = run_systems(pages, systems)
    report: dict[str, Any] = {"pages": len(pages), "systems": {}, "paired": {}}
    for name, run in runs.items():
        score = aggregate(run.counts)
        report["systems"][name] = {
            "f1": score.f1,
            "precision": score.precision,
            "recall": score.recall,
            "titles_right": run.titles_right if run.titles_total else None,
            "titles_total": run.titles_total or None,
            "pages_per_second": len(pages) / run.seconds if run.seconds else None,
            "pages_per_cpu_second": len(pages) / run.cpu_seconds if run.cpu_seconds else None,
            "errors": run.errors,
            "authors_right": run.authors_right if run.authors_total else None,
            "authors_total": run.authors_total or None,
            "dates_same_instant": run.dates_instant if run.dates_total else None,
            "dates_same_day": run.dates_day if run.dates_total else None,
            "dates_total": run.dates_total or None,
        }
    base = runs[OURS]
    for name, run in runs.items():
        if name != OURS:
            diff = paired_bootstrap(base.counts, run.counts)
            report["paired"][name] = asdict(diff)
    report["worst_pages"] = sorted(
        ((round(page_f1(c), 3), p.page_id) for c, p in zip(base.counts, pages, strict=True)),
    )[:8]
    return report


# ---------------------------------------------------------------- arabic


def _same_day(found: str | None, expected: str) -> bool:
    if not found:
        return False
    try:
        return datetime.fromisoformat(found[:10]).date() == date.fromisoformat(expected)
    except ValueError:
        return False


def arabic_report(root: Path, systems: dict[str, Extractor]) -> dict[str, Any]:
    """assabah segments, CNN Arabic regression score, htmldate-rtl dates."""
    arabic = root / "arabic"
    report: dict[str, Any] = {"assabah": {}, "cnn_arabic": {}, "htmldate_rtl": {}}

    gold = json.loads((arabic / "assabah" / "evaldata.arabic-subset.json").read_text("utf-8"))
    for url, entry in gold.items():
        html = (arabic / "assabah" / entry["file"]).read_text("utf-8", errors="replace")
        for name, fn in systems.items():
            text = fn(html, url).text
            report["assabah"][name] = {
                "with_found": sum(seg in text for seg in entry["with"]),
                "with_total": len(entry["with"]),
                "without_found": sum(seg in text for seg in entry["without"]),
                "without_total": len(entry["without"]),
            }

    cnn = json.loads((arabic / "cnn-arabic" / "test_cnn_arabic.json").read_text("utf-8"))
    html = (arabic / "cnn-arabic" / "test_cnn_arabic.html").read_text("utf-8", errors="replace")
    expected = cnn["expected"]["cleaned_text"]
    for name, fn in systems.items():
        text = fn(html, cnn["url"]).text
        score = aggregate([page_counts(expected, text)])
        report["cnn_arabic"][name] = {
            "recall": score.recall,
            # the fixture holds the first 150 characters of the accepted text, cut mid-word
            "starts_with_expected": norm_ws(text).startswith(norm_ws(expected)),
            "chars": len(text),
        }

    report["htmldate_rtl"] = rtl_dates(arabic / "htmldate-rtl")
    return report


def rtl_dates(folder: Path) -> dict[str, Any]:
    """Publication days of the item's published_at (the day as the page wrote it) and of
    htmldate."""
    from htmldate import find_date

    gold = json.loads((folder / "eval_mediacloud_2020.rtl-subset.json").read_text("utf-8"))
    errata = json.loads((Path(__file__).parent / "errata.json").read_text("utf-8"))["htmldate-rtl"]
    ours_right = htmldate_right = ours_corrected = htmldate_corrected = 0
    misses: list[dict[str, Any]] = []
    for url, entry in gold.items():
        html = (folder / "test_set" / entry["file"]).read_text("utf-8", errors="replace")
        corrected = errata.get(entry["file"], {}).get("corrected", entry["date"])
        out = ours(html, url)
        found, source = out.published, "item published_at"
        ok = _same_day(found, entry["date"])
        ours_right += ok
        ours_corrected += _same_day(found, corrected)
        if not ok:
            misses.append({"file": entry["file"], "found": found, "source": source,
                           "expected": entry["date"], "corrected": corrected})
        try:
            baseline = find_date(html, url=url, original_date=True)
        except Exception:
            baseline = None
        htmldate_right += _same_day(baseline, entry["date"])
        htmldate_corrected += _same_day(baseline, corrected)
    return {"ours": ours_right, "htmldate": htmldate_right, "total": len(gold), "misses": misses,
            "ours_corrected": ours_corrected, "htmldate_corrected": htmldate_corrected,
            "errata": len(errata)}


# ---------------------------------------------------------------- output


def print_corpus(name: str, report: dict[str, Any]) -> None:
    print(f"\n== {name}: {report['pages']} pages")
    print(f"{'system':30} {'F1':>6} {'prec':>6} {'recall':>6} {'titles':>8} {'pages/s':>8}"
          f" {'pages/cpu-s':>11}")
    for system, s in report["systems"].items():
        titles = f"{s['titles_right']}/{s['titles_total']}" if s["titles_total"] else "-"
        pps = f"{s['pages_per_second']:.1f}" if s["pages_per_second"] else "-"
        cpu = f"{s['pages_per_cpu_second']:.1f}" if s["pages_per_cpu_second"] else "-"
        print(f"{system:30} {s['f1']:6.3f} {s['precision']:6.3f} {s['recall']:6.3f}"
              f" {titles:>8} {pps:>8} {cpu:>11}")
    for system, s in report["systems"].items():
        if s["authors_total"] or s["dates_total"]:
            print(f"  {system}: authors {s['authors_right']}/{s['authors_total']},"
                  f" dates same instant {s['dates_same_instant']}/{s['dates_total']},"
                  f" same day {s['dates_same_day']}/{s['dates_total']}")
    for system, d in report["paired"].items():
        print(f"  ours - {system}: {d['observed']:+.4f} "
              f"(bootstrap mean {d['mean']:+.4f}, 95% CI {d['low']:+.4f} .. {d['high']:+.4f})")
    print("  lowest pages (ours):", ", ".join(f"{pid} {f1}" for f1, pid in report["worst_pages"]))


def print_arabic(report: dict[str, Any]) -> None:
    print("\n== arabic")
    for system, s in report["assabah"].items():
        print(f"assabah  {system:30} with {s['with_found']}/{s['with_total']}"
              f"  without {s['without_found']}/{s['without_total']}")
    for system, s in report["cnn_arabic"].items():
        print(f"cnn-ar   {system:30} recall of the expected text {s['recall']:.3f},"
              f" starts with it: {s['starts_with_expected']}, {s['chars']} chars")
    d = report["htmldate_rtl"]
    print(f"htmldate-rtl dates: ours {d['ours']}/{d['total']},"
          f" htmldate {d['htmldate']}/{d['total']} (reference as published)")
    print(f"htmldate-rtl dates: ours {d['ours_corrected']}/{d['total']},"
          f" htmldate {d['htmldate_corrected']}/{d['total']}"
          f" (with {d['errata']} documented erratum, benchmarks/errata.json)")
    for miss in d["misses"]:
        print(f"  miss {miss}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.extraction", description=__doc__)
    parser.add_argument("--corpus", choices=["zyte", "fundus", "arabic", "all"], default="all")
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each corpus")
    parser.add_argument("--json", type=Path, default=None, help="save the figures to this file")
    parser.add_argument("--benchmarks", type=Path, default=DEFAULT_ROOT)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    root: Path = args.benchmarks
    if not (root / "README.md").exists():
        print(f"benchmarks not found under {root}", file=sys.stderr)
        return 2
    systems: dict[str, Extractor] = {OURS: ours, **BASELINES}
    figures: dict[str, Any] = {}
    loaders = {"zyte": zyte_pages, "fundus": fundus_pages}
    for corpus, loader in loaders.items():
        if args.corpus in (corpus, "all"):
            pages = list(loader(root))[: args.limit]
            figures[corpus] = corpus_report(pages, systems)
            print_corpus(corpus, figures[corpus])
    if args.corpus in ("arabic", "all"):
        figures["arabic"] = arabic_report(root, systems)
        print_arabic(figures["arabic"])
    if args.json is not None:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
