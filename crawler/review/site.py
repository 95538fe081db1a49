"""Writes the review site: the index, one page per article or dropped page
(``articles/<id>.html``), the archived copy its frame shows (``archive/<id>.html``), the
scripts and styles (``assets/``), and what ``--accept`` needs (``pages/<id>.json`` and the page as
fetched, ``pages/<id>.html.gz``).

Pages are looked up, explained and written one at a time, so a run of 10,000 articles holds one
page in memory at once, plus the index's rows.
"""

from __future__ import annotations

import gzip
import json
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crawler.crawl.archive import ReplayArchive
from crawler.fixtures import expected_item
from crawler.review.charts import coverage_chart, pages_chart, site_stats
from crawler.review.entries import Entry, look_up, plan, site_of
from crawler.review.inputs import ReviewInputError, dropped_pages
from crawler.review.render import (
    ASSETS,
    IndexSummary,
    Neighbours,
    archived_copy,
    asset,
    index_row,
    render_article,
    render_index,
)
from crawler.review.roles import template_removed

logger = logging.getLogger(__name__)

SITE_FILE = "review.json"
"""Marks a folder as a review site; holds the key the pages keep their marks under."""
MARKS_FILE = "marks.json"
ARTICLES = "articles"
PAGES = "pages"
ARCHIVE = "archive"
FOLDERS = (ARTICLES, PAGES, ARCHIVE, "assets")


@dataclass(frozen=True)
class BuildResult:
    folder: Path
    articles: int
    dropped: int
    archived: int
    """Pages found in the replay source."""
    seconds: float

    def summary(self) -> str:
        return (f"review site {self.folder / 'index.html'}: {self.articles} articles, "
                f"{self.dropped} dropped pages, {self.archived} archived pages shown "
                f"({self.seconds:.1f} s)")


def prepare_folder(folder: Path) -> str:
    """Create the folder (or reuse a review site's); the key of its marks. A folder that holds
    other things is refused, so a typo cannot write into it."""
    site_file = folder / SITE_FILE
    if folder.exists() and not folder.is_dir():
        raise ReviewInputError(f"output {folder} exists and is not a folder")
    if folder.is_dir() and any(folder.iterdir()) and not site_file.exists():
        raise ReviewInputError(f"output folder {folder} is not empty and is not a review site "
                               f"(no {SITE_FILE}); give a new or empty folder")
    if site_file.exists():
        try:
            key = json.loads(site_file.read_text(encoding="utf-8")).get("key")
        except (OSError, ValueError, AttributeError):
            key = None
        if isinstance(key, str) and key.isalnum():
            return key  # the same key: marks made on the previous build stay valid
    return secrets.token_hex(8)


def build_site(items: list[dict[str, Any]], folder: Path, archive: ReplayArchive | None, *,
               sources: list[str], items_path: str,
               report: tuple[Path, dict[str, Any]] | None = None,
               notes: list[str] | None = None,
               progress: Callable[[int, int], None] | None = None) -> BuildResult:
    """Write the review site of ``items`` (and the report's dropped pages) into ``folder``."""
    started = time.monotonic()
    key = prepare_folder(folder)
    try:
        for sub in FOLDERS:
            (folder / sub).mkdir(parents=True, exist_ok=True)
        write_assets(folder)
    except OSError as exc:
        raise ReviewInputError(f"cannot create {folder}: {exc}") from exc
    report_path, report_data = report if report else (None, None)
    dropped = dropped_pages(report_data)
    entries = plan(items, dropped)
    hint = _folder_hint(folder)
    rows: list[dict[str, Any]] = []
    written: set[str] = set()
    archived = 0
    for position, entry in enumerate(entries):
        look_up(entry, archive)
        archived += entry.page.html is not None
        neighbours = Neighbours(entries[position - 1].id if position else None,
                                entries[position + 1].id if position + 1 < len(entries) else None,
                                position + 1, len(entries))
        page_file = folder / ARTICLES / f"{entry.id}.html"
        page_file.write_text(render_article(entry, neighbours, key, hint), encoding="utf-8")
        written.add(f"{ARTICLES}/{page_file.name}")
        written.update(f"{PAGES}/{name}" for name in _save_reviewed(entry, folder / PAGES))
        if entry.page.html is not None:
            (folder / ARCHIVE / f"{entry.id}.html").write_bytes(archived_copy(entry.page.html))
            written.add(f"{ARCHIVE}/{entry.id}.html")
        rows.append(index_row(entry))
        _release(entry)
        if progress and (position + 1) % 500 == 0:
            progress(position + 1, len(entries))
    notes = list(notes or [])
    if report_data is not None and report_data.get("items_exported") != len(items):
        notes.append(f"The run report counts {report_data.get('items_exported')} exported items "
                     f"and the items file holds {len(items)}: are they of the same run?")
    if report_data is None:
        notes.append("No run report given: dropped pages are not shown (--report).")
    stats = site_stats(items, [(site_of(page.url), page.reason) for page in dropped])
    coverage = (report_data or {}).get("coverage_of_article_pages")
    charts = [("Pages per site: exported, and dropped by reason", pages_chart(stats)),
              ("Field coverage per site (share of its exported items)",
               coverage_chart(stats, coverage if isinstance(coverage, dict) else None))]
    summary = IndexSummary(len(items), len(dropped),
                           datetime.now(UTC).replace(microsecond=0).isoformat(), sources,
                           items_path, str(report_path) if report_path else None, notes)
    (folder / "index.html").write_text(render_index(rows, charts, summary, key, hint),
                                       encoding="utf-8")
    (folder / SITE_FILE).write_text(json.dumps({
        "key": key, "generated_at": summary.generated_at, "items": items_path,
        "sources": sources, "report": summary.report_path, "articles": len(items),
        "dropped": len(dropped)}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    _remove_stale(folder, written)
    return BuildResult(folder, len(items), len(dropped), archived,
                       time.monotonic() - started)


def write_assets(folder: Path) -> None:
    """The pages' scripts and styles, into ``folder/assets``."""
    (folder / "assets").mkdir(parents=True, exist_ok=True)
    for name in ASSETS:
        (folder / "assets" / name).write_text(asset(name), encoding="utf-8")


def _folder_hint(folder: Path) -> str:
    """How the pages name the site's folder in the commands they show."""
    try:
        return str(folder.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(folder)


def _save_reviewed(entry: Entry, pages: Path) -> list[str]:
    """``pages/<id>.json`` (what was reviewed) and ``<id>.html.gz`` (the page as fetched)."""
    record = {
        "id": entry.id, "url": entry.url, "site": entry.site,
        "feed": (entry.item or {}).get("feed") or {},
        "fetched_at": (entry.item or {}).get("fetched_at"),
        "status": entry.page.status, "content_type": entry.page.content_type,
        "recorded_at": entry.page.recorded_at, "missing": entry.page.missing,
        "dropped": entry.dropped.reason if entry.dropped else None,
        "item": expected_item(entry.explained) if entry.explained else None,
        "reason": entry.reason, "differs": entry.differs,
        "template_removed": template_removed(entry.item),
        "blocks": [{"index": r.index, "role": r.role, "rule": r.rule, "kind": r.block.kind,
                    "text": r.block.text} for r in entry.roles],
    }
    names = [f"{entry.id}.json"]
    (pages / names[0]).write_text(json.dumps(record, ensure_ascii=False) + "\n",
                                  encoding="utf-8")
    if entry.page.body is not None:
        names.append(f"{entry.id}.html.gz")
        with gzip.open(pages / names[1], "wb", compresslevel=6) as stream:
            stream.write(entry.page.body)
    return names


def _release(entry: Entry) -> None:
    """Drop what the index does not need: the page and its blocks."""
    entry.roles = []
    entry.page = type(entry.page)(entry.page.status, entry.page.content_type,
                                  missing=entry.page.missing)


def _remove_stale(folder: Path, written: set[str]) -> None:
    """Pages of an earlier build of this folder that this build did not write."""
    for sub in (ARTICLES, PAGES, ARCHIVE):
        for path in (folder / sub).iterdir():
            if path.is_file() and f"{sub}/{path.name}" not in written:
                path.unlink()
