"""The index's charts as inline SVG (no script, no network): pages per site, exported and
dropped by reason, and field coverage per site. Every label is escaped."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape
from typing import Any

from crawler.ops.report import non_empty

COVERAGE_FIELDS: tuple[str, ...] = ("title", "text", "published_at", "modified_at", "authors",
                                    "dateline", "images", "section", "tags")
EXPORTED_COLOUR = "#5aa469"
DROP_COLOURS = ("#d9534f", "#f0ad4e", "#8e6bbf", "#5bc0de", "#c77c48", "#e377c2", "#7f7f7f",
                "#bcbd22", "#17becf", "#9c755f")
LABEL_WIDTH = 140
BAR_WIDTH = 380
ROW_HEIGHT = 22


@dataclass
class SiteStats:
    """One site's pages in the review: items, drops by reason, filled fields."""

    site: str
    items: int = 0
    drops: Counter[str] = field(default_factory=Counter)
    filled: Counter[str] = field(default_factory=Counter)

    def coverage(self, name: str) -> float:
        return self.filled[name] / self.items if self.items else 0.0


def site_stats(items: Iterable[Mapping[str, Any]],
               drops: Iterable[tuple[str | None, str]]) -> list[SiteStats]:
    """Per site (sorted; pages of no known site under "other"): items, filled fields, drops
    (``drops`` is (site, reason) per dropped page)."""
    stats: dict[str, SiteStats] = {}

    def of(site: Any) -> SiteStats:
        key = site if isinstance(site, str) and site else "other"
        return stats.setdefault(key, SiteStats(key))

    for item in items:
        entry = of(item.get("site"))
        entry.items += 1
        for name in COVERAGE_FIELDS:
            if non_empty(item.get(name)):
                entry.filled[name] += 1
    for site, reason in drops:
        of(site).drops[reason] += 1
    return [stats[key] for key in sorted(stats)]


def _text(x: float, y: float, text: str, anchor: str = "start", css: str = "") -> str:
    attr = f' class="{css}"' if css else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{attr}>'
            f"{escape(text)}</text>")


def pages_chart(stats: list[SiteStats]) -> str:
    """Horizontal stacked bars: exported items and dropped pages by reason, per site."""
    reasons = sorted({reason for entry in stats for reason in entry.drops})
    colours = {reason: DROP_COLOURS[i % len(DROP_COLOURS)] for i, reason in enumerate(reasons)}
    largest = max([entry.items + sum(entry.drops.values()) for entry in stats] + [1])
    scale = BAR_WIDTH / largest
    legend_rows = 1 + len(reasons) // 2
    height = ROW_HEIGHT * (len(stats) + legend_rows) + 10
    width = LABEL_WIDTH + BAR_WIDTH + 60
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart pages" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
             'aria-label="pages per site: exported and dropped">',
             "<style>text{font:12px sans-serif}</style>"]
    for row, entry in enumerate(stats):
        y = row * ROW_HEIGHT + 4
        parts.append(_text(LABEL_WIDTH - 6, y + 14, entry.site, "end"))
        x = float(LABEL_WIDTH)
        segments = [("exported", entry.items, EXPORTED_COLOUR)] + [
            (f"dropped: {reason}", entry.drops[reason], colours[reason]) for reason in reasons]
        for label, number, colour in segments:
            if not number:
                continue
            width_of = number * scale
            parts.append(f'<rect x="{x:.1f}" y="{y}" width="{width_of:.1f}" height="16" '
                         f'fill="{colour}" data-site="{escape(entry.site)}" '
                         f'data-segment="{escape(label)}" data-count="{number}">'
                         f"<title>{escape(f'{entry.site}: {label} {number}')}</title></rect>")
            x += width_of
        total = entry.items + sum(entry.drops.values())
        dropped = sum(entry.drops.values())
        parts.append(_text(x + 4, y + 13, f"{entry.items}" + (f" +{dropped}" if dropped else "")
                           if total else "0"))
    legend = [("exported", EXPORTED_COLOUR)] + [(f"dropped: {r}", colours[r]) for r in reasons]
    top = len(stats) * ROW_HEIGHT + 10
    for i, (label, colour) in enumerate(legend):
        x, y = 10 + (i % 2) * 280, top + (i // 2) * ROW_HEIGHT
        parts.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{colour}"/>')
        parts.append(_text(x + 16, y + 11, label))
    parts.append("</svg>")
    return "".join(parts)


def _shade(share: float) -> str:
    """Red (0 %) through yellow to green (100 %)."""
    return f"hsl({round(120 * share)}, 65%, 72%)"


def coverage_chart(stats: list[SiteStats], report_coverage: Mapping[str, Any] | None) -> str:
    """A grid of sites by fields, each cell the share of the site's items with the field;
    a last row with the run report's coverage over all article pages (dropped ones count as
    empty), when there is a report."""
    cell_width, cell_height = 62, ROW_HEIGHT
    rows: list[tuple[str, dict[str, float]]] = [
        (f"{entry.site} ({entry.items})", {n: entry.coverage(n) for n in COVERAGE_FIELDS})
        for entry in stats if entry.items]
    if report_coverage:
        rows.append(("all pages (report)", {n: float(report_coverage.get(n, 0.0) or 0.0)
                                            for n in COVERAGE_FIELDS}))
    width = LABEL_WIDTH + cell_width * len(COVERAGE_FIELDS) + 10
    height = cell_height * (len(rows) + 1) + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart coverage" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
             'aria-label="field coverage per site">',
             "<style>text{font:11px sans-serif}</style>"]
    for column, name in enumerate(COVERAGE_FIELDS):
        x = LABEL_WIDTH + column * cell_width + cell_width / 2
        parts.append(f'<text x="{x:.1f}" y="24" text-anchor="middle" '
                     f'transform="rotate(-20 {x:.1f} 24)">{escape(name)}</text>')
    for row, (label, shares) in enumerate(rows):
        y = 32 + row * cell_height
        parts.append(_text(LABEL_WIDTH - 6, y + 15, label, "end"))
        for column, name in enumerate(COVERAGE_FIELDS):
            x = LABEL_WIDTH + column * cell_width
            share = shares[name]
            parts.append(f'<rect x="{x}" y="{y}" width="{cell_width - 2}" '
                         f'height="{cell_height - 2}" fill="{_shade(share)}" '
                         f'data-field="{escape(name)}" data-share="{share:.4f}">'
                         f"<title>{escape(f'{label}: {name} {share:.0%}')}</title></rect>")
            parts.append(_text(x + cell_width / 2 - 1, y + 15, f"{share:.0%}", "middle"))
    parts.append("</svg>")
    return "".join(parts)
