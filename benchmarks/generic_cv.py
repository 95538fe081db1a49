"""Cross-validation of the generic path's agreement rule across corpora.

Usage: ``python -m benchmarks.generic_cv [--benchmarks DIR] [--json FILE]``

The generic path (crawler.extract.generic.body) starts from trafilatura's answer (precision
mode, comments off) and may replace it with the readability candidate when the two disagree in
one of two ways (see that module). Whether to, and with which thresholds, is chosen here by
leave-one-corpus-out: for each corpus, the thresholds that score best on the other corpora are
judged on it, against trafilatura's answer on the same pages. The rule is kept only if it is no
worse than trafilatura on every held-out corpus; the printed ``chosen`` line is then the grid
point best on all corpora that is no worse on any (else: trafilatura's answer alone).
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from benchmarks.extraction import DEFAULT_ROOT, Page, fundus_pages, zyte_pages
from benchmarks.metric import Counts, aggregate, page_counts, paired_bootstrap

EUROPE = {"at", "be", "ch", "cz", "de", "dk", "es", "fr", "isl", "it", "lu", "no", "pt", "ru",
          "se", "tr", "uk"}


@dataclass(frozen=True)
class Candidates:
    """One page: trafilatura's and readability's answers, their overlap and their scores."""

    corpus: str
    trafilatura: Counts
    readability: Counts
    readability_in_trafilatura: float
    trafilatura_in_readability: float
    length_ratio: float
    """Readability's length over trafilatura's."""


@dataclass(frozen=True)
class Rule:
    disjoint: float | None
    longer: float
    subset: float | None
    surplus: tuple[float, float]

    def picks_readability(self, page: Candidates) -> bool:
        if self.disjoint is not None and page.readability_in_trafilatura < self.disjoint \
                and page.trafilatura_in_readability < self.disjoint \
                and page.length_ratio > self.longer:
            return True
        return (self.subset is not None and page.readability_in_trafilatura >= self.subset
                and self.surplus[0] <= page.trafilatura_in_readability < self.surplus[1])


NEVER = Rule(None, 0.0, None, (0.0, 0.0))
GRID = [NEVER, *(Rule(d, lo, s, su) for d, lo, s, su in itertools.product(
    (None, 0.02, 0.05, 0.1), (1.5, 2.0, 3.0), (None, 0.9, 0.95),
    ((0.8, 0.95), (0.85, 0.95), (0.9, 0.98), (0.85, 0.98))) if d is not None or s is not None)]


def corpora(root: Path) -> Iterator[tuple[str, Page]]:
    for page in zyte_pages(root):
        yield "zyte", page
    for page in fundus_pages(root):
        country = page.page_id.split("/", 1)[0]
        yield ("fundus-europe" if country in EUROPE else "fundus-other"), page


def measure(root: Path) -> list[Candidates]:
    from crawler.extract.generic import parse_html
    from crawler.extract.generic.body import overlap, readability_candidate, trafilatura_candidate

    out = []
    for corpus, page in corpora(root):
        tree = parse_html(page.html)
        trafilatura = trafilatura_candidate(page.html, page.url)
        readability = readability_candidate(tree) if tree is not None else ""
        r_in_t, t_in_r = (overlap(readability, trafilatura)
                          if readability and trafilatura else (0.0, 0.0))
        out.append(Candidates(corpus, page_counts(page.text, trafilatura),
                              page_counts(page.text, readability), r_in_t, t_in_r,
                              len(readability) / max(1, len(trafilatura))))
    return out


def scores(pages: list[Candidates], rule: Rule) -> list[Counts]:
    return [p.readability if rule.picks_readability(p) else p.trafilatura for p in pages]


def f1(pages: list[Candidates], rule: Rule) -> float:
    return aggregate(scores(pages, rule)).f1


def best_rule(pages: list[Candidates]) -> Rule:
    """The grid point best on these pages (the simplest, NEVER first, on a tie)."""
    return max(GRID, key=lambda rule: f1(pages, rule))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generic_cv", description=__doc__)
    parser.add_argument("--benchmarks", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    pages = measure(args.benchmarks)
    names = sorted({p.corpus for p in pages})
    report: dict[str, object] = {"folds": {}}
    generalises = True
    for held_out in names:
        train = [p for p in pages if p.corpus != held_out]
        test = [p for p in pages if p.corpus == held_out]
        rule = best_rule(train)
        base = scores(test, NEVER)
        chosen = scores(test, rule)
        interval = paired_bootstrap(chosen, base)
        delta = aggregate(chosen).f1 - aggregate(base).f1
        generalises = generalises and delta >= 0
        report["folds"][held_out] = {  # type: ignore[index]
            "pages": len(test), "rule": rule.__dict__, "held_out_f1": aggregate(chosen).f1,
            "trafilatura_f1": aggregate(base).f1, "delta": delta,
            "ci": [interval.low, interval.high]}
        print(f"held out {held_out:14} ({len(test):3} pages): rule tuned on the others "
              f"F1 {aggregate(chosen).f1:.4f} vs trafilatura {aggregate(base).f1:.4f} "
              f"({delta:+.4f}, 95% CI {interval.low:+.4f} .. {interval.high:+.4f})  {rule}")
    final = NEVER
    if generalises:
        safe = [rule for rule in GRID if all(
            f1([p for p in pages if p.corpus == name], rule)
            >= f1([p for p in pages if p.corpus == name], NEVER) for name in names)]
        final = max(safe, key=lambda rule: f1(pages, rule))
    report["chosen"] = final.__dict__
    report["generalises"] = generalises
    print(f"chosen: {final}" + ("" if generalises else
                                 "  (the rule does not generalise: trafilatura's answer alone)"))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
