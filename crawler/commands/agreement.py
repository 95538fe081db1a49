"""``crawler agreement gold.jsonl...``: per label, span F1 between annotators (exact and
overlapping) and Cohen's kappa over tokens, for article versions with two or more annotators.
Prints a table, or JSON with ``--json``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any

from crawler.export.annotation.agreement import ALL, Agreement, agreement
from crawler.export.annotation.gold import GoldRecord, read_gold


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="GOLD",
                        help="gold lines written by crawler import-annotations")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def _records(names: list[str]) -> Iterator[GoldRecord]:
    for name in names:
        yield from read_gold(name)


def rows(result: Agreement) -> list[dict[str, Any]]:
    out = []
    for label in sorted(result.labels):
        counts = result.labels[label]
        out.append({"label": label, "spans_a": counts.spans_a, "spans_b": counts.spans_b,
                    "exact_f1": counts.exact_f1(), "overlap_f1": counts.overlap_f1(),
                    "kappa": result.kappa(label)})
    out.append({"label": ALL, "spans_a": sum(c.spans_a for c in result.labels.values()),
                "spans_b": sum(c.spans_b for c in result.labels.values()),
                "exact_f1": _pooled(result, "exact"), "overlap_f1": _pooled(result, "overlap"),
                "kappa": result.overall_kappa()})
    return out


def _pooled(result: Agreement, kind: str) -> float | None:
    total = sum(c.spans_a + c.spans_b for c in result.labels.values())
    if not total:
        return None
    if kind == "exact":
        return 2 * sum(c.exact for c in result.labels.values()) / total
    return sum(c.overlap_a + c.overlap_b for c in result.labels.values()) / total


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def run(args: argparse.Namespace) -> int:
    try:
        result = agreement(_records(args.inputs))
    except (OSError, ValueError) as exc:
        print(f"crawler agreement: {exc}", file=sys.stderr)
        return 2
    table = rows(result)
    if args.json:
        print(json.dumps({"articles": result.articles, "single_annotator": result.single,
                          "pairs": result.pairs, "tokens": result.tokens, "labels": table},
                         ensure_ascii=False, indent=2))
        return 0
    print(f"{result.articles} article versions with two or more annotators ({result.pairs} "
          f"pairs, {result.tokens} tokens); {result.single} with one annotator, not compared")
    print(f"{'label':<10} {'spans':>13} {'exact F1':>9} {'overlap F1':>11} {'kappa':>7}")
    for row in table:
        spans = f"{row['spans_a']}/{row['spans_b']}"
        print(f"{row['label']:<10} {spans:>13} {_cell(row['exact_f1']):>9} "
              f"{_cell(row['overlap_f1']):>11} {_cell(row['kappa']):>7}")
    return 0
