"""``crawler report``: the last N run reports as a table, and as a PNG plot of items and coverage.

Reads the JSON reports that crawler.ops.report.RunReport writes into ``REPORT_DIR``
(``output/reports`` by default), oldest first.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from crawler.extras import require as require_extra

PLOTTED_FIELDS = ("title", "text", "published_at", "modified_at", "authors")

TABLE_FIELDS = ("title", "text", "published_at")


def load_reports(folder: Path, last: int) -> list[tuple[Path, dict[str, Any]]]:
    """The ``last`` newest reports in ``folder``, oldest first; unreadable files are skipped."""
    loaded: list[tuple[Path, dict[str, Any]]] = []
    for path in sorted(folder.glob("*.json")):
        try:
            report = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"skipped unreadable report {path}: {exc}", file=sys.stderr)
            continue
        if isinstance(report, dict) and "items_exported" in report:
            loaded.append((path, report))
    loaded.sort(key=lambda pair: (str(pair[1].get("start_time") or ""), pair[0].name))
    return loaded[-last:] if last > 0 else loaded


def _coverage(report: dict[str, Any]) -> dict[str, float]:
    return dict(report.get("coverage_of_article_pages") or report.get("coverage") or {})


def render_table(reports: list[tuple[Path, dict[str, Any]]]) -> str:
    """One line per run: start, duration, items, drops, errors, coverage, checks."""
    header = ["start (UTC)", "secs", "items", "drops", "http err", "sites",
              *TABLE_FIELDS, "checks"]
    rows = [header]
    for _path, report in reports:
        coverage = _coverage(report)
        failures = (report.get("checks") or {}).get("failures") or []
        sites = report.get("items_site") or {}
        rows.append([
            str(report.get("start_time") or "?")[:19].replace("T", " "),
            f"{report.get('elapsed_seconds') or 0:.0f}",
            str(report.get("items_exported", 0)),
            str(report.get("items_dropped", 0)),
            str(sum((report.get("http_errors") or {}).values())),
            str(sum(1 for count in sites.values() if count)),
            *(f"{coverage[name]:.0%}" if name in coverage else "-" for name in TABLE_FIELDS),
            "ok" if not failures else f"FAILED ({len(failures)})",
        ])
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "\n".join("  ".join(cell.rjust(width) if i else cell.ljust(width)
                               for i, (cell, width) in enumerate(zip(row, widths, strict=True)))
                     for row in rows)


def render_plot(reports: list[tuple[Path, dict[str, Any]]], out: Path) -> None:
    """Two panels over the runs: items exported per site (stacked), coverage per field."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [str(r.get("start_time") or p.stem)[5:19].replace("T", " ") for p, r in reports]
    x = list(range(len(reports)))
    sites = sorted({site for _p, r in reports for site in (r.get("items_site") or {})})
    fig, (items_ax, cov_ax) = plt.subplots(2, 1, figsize=(max(6.0, 0.6 * len(x) + 3), 7),
                                           sharex=True)
    bottom = [0.0] * len(x)
    for site in sites:
        counts = [float((r.get("items_site") or {}).get(site, 0)) for _p, r in reports]
        items_ax.bar(x, counts, bottom=bottom, label=site)
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    if not sites:
        items_ax.bar(x, [float(r.get("items_exported", 0)) for _p, r in reports], label="items")
    items_ax.set_ylabel("items exported")
    items_ax.set_title("items per run")
    items_ax.legend(fontsize="small", ncol=2)
    for name in PLOTTED_FIELDS:
        cov_ax.plot(x, [_coverage(r).get(name, 0.0) * 100 for _p, r in reports], marker="o",
                    label=name)
    cov_ax.set_ylim(0, 105)
    cov_ax.set_ylabel("coverage (%)")
    cov_ax.set_title("field coverage per run")
    cov_ax.legend(fontsize="small", ncol=3)
    cov_ax.set_xticks(x, labels, rotation=45, ha="right", fontsize="small")
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, format="png", dpi=100)
    plt.close(fig)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dir", type=Path, default=None,
                        help="report folder (default: the REPORT_DIR setting, output/reports)")
    parser.add_argument("--last", type=int, default=10, help="how many recent runs (default 10)")
    parser.add_argument("--plot", type=Path, default=None, metavar="FILE.png",
                        help="also draw items and field coverage per run into this PNG")


def run(args: argparse.Namespace) -> int:
    if args.last < 1:
        print("--last must be at least 1", file=sys.stderr)
        return 2
    if args.plot:
        require_extra("plot", "crawler report --plot")
    folder = args.dir
    if folder is None:
        from crawler import settings

        folder = Path(settings.REPORT_DIR)
    reports = load_reports(folder, args.last)
    if not reports:
        print(f"no run reports in {folder}", file=sys.stderr)
        return 1
    print(render_table(reports))
    if args.plot:
        render_plot(reports, args.plot)
        print(f"plot written to {args.plot}")
    return 0
