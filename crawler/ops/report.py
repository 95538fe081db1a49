"""The run report written at the end of every crawl, and its checks.

``RunReport`` writes ``REPORT_DIR/<spider>-<start>.json`` when the spider closes: items per site,
coverage of every item field, drops by reason, HTTP errors, duplicates, duration; it logs (and
prints to stderr) a one-screen summary, and checks the run against thresholds:

- a run fetched at least one page (from a site, a simulator or a replay archive: a replay miss
  is no page), whatever earlier reports say;
- ``REPORT_MIN_COVERAGE``: ``{field: share}``; the share of article pages (exported items plus
  pages dropped because their content could not be extracted) where the field is non-empty;
- a site that had items in the previous report of ``REPORT_DIR`` and has none now (articles an
  incremental run re-fetched unchanged count as items; one that skipped already exported
  articles without a per-site count, ``incremental/skipped_seen/site/<key>``, is not judged).

A failed check is logged as an error, recorded under ``checks`` in the report, and makes
``scrapy crawl`` exit with status 1 (``REPORT_FAIL_EXIT``), so cron and scrapyd surface it.
Scrapy 2.19's crawl command exits 1 when its crawler process reports ``bootstrap_failed``, which
the process sets when a finished crawler has no spider; the extension clears ``crawler.spider``
on ``engine_stopped``, after every other component is done with it.

Progress lines during the run come from crawler.ops.progress.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured

from crawler.crawl.signals import item_exported
from crawler.items import ARTICLE_FIELDS

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler
logger = logging.getLogger(__name__)



_GROUPS = ("items/site/", "dropped/", "skipped/", "errors/", "discovery/", "replay/", "warc/",
           "retry/", "dedup/", "incremental/", "distributed/", "failed/", "template/",
           "analysis/", "budget/", "export/", "decode/")


# Drops that mean "this article page's content could not be extracted": they count against
# field coverage (a layout change shows up here first, since items without a title or text
# never reach the output).
CONTENT_DROPS = frozenset({"no_body", "no_title", "empty_title", "empty_text", "missing_fields",
                           "internal_error", "analysis_crashed", "not_html"})


_DROP_REASON = re.compile(r"^dropped \(([^)]+)\)")


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    return value


def non_empty(value: Any) -> bool:
    """Whether a field value carries something (False, 0 count as values; None, "", [] not)."""
    return value is not None and value != "" and value != [] and value != {}


def _exported(stats: dict[str, Any]) -> int:
    """Items written to every feed (crawler.export.confirm); older reports: items scraped."""
    if "export/written" in stats or "export/not_written" in stats:
        return int(stats.get("export/written", 0))
    return int(stats.get("item_scraped_count", 0))


def summarise_stats(stats: dict[str, Any]) -> dict[str, Any]:
    """The run's stats grouped for people: counters by prefix, plus the essentials."""
    report: dict[str, Any] = {
        "finish_reason": stats.get("finish_reason"),
        "start_time": _jsonable(stats.get("start_time")),
        "finish_time": _jsonable(stats.get("finish_time")),
        "elapsed_seconds": stats.get("elapsed_time_seconds"),
        "items_exported": _exported(stats),
        "items_dropped": stats.get("item_dropped_count", 0),
        "responses": stats.get("response_received_count", 0),
    }
    for prefix in _GROUPS:
        group = {k[len(prefix):]: v for k, v in sorted(stats.items()) if k.startswith(prefix)}
        report[prefix.rstrip("/").replace("/", "_")] = group
    report["http_status"] = {
        k.rsplit("/", 1)[1]: v for k, v in sorted(stats.items())
        if k.startswith("downloader/response_status_count/")
    }
    report["http_errors"] = {
        status: count for status, count in report["http_status"].items()
        if status.isdigit() and int(status) >= 400
    }
    report["download_errors"] = {
        k.rsplit("/", 1)[1]: v for k, v in sorted(stats.items())
        if k.startswith("downloader/exception_type_count/")
    }
    report["stats"] = {k: _jsonable(v) for k, v in sorted(stats.items())}
    return report


class FieldCoverage:
    """Counts, per field, the items where it is non-empty; dropped article pages count as empty."""

    def __init__(self, fields: tuple[str, ...] = ARTICLE_FIELDS):
        self.fields = fields
        self.items = 0
        self.pages = 0
        self.filled: Counter[str] = Counter()

    def add_item(self, item: Any) -> None:
        self.items += 1
        self.pages += 1
        for name in self.fields:
            if non_empty(_get(item, name)):
                self.filled[name] += 1

    def add_failed_page(self) -> None:
        self.pages += 1

    def of_items(self) -> dict[str, float]:
        return {name: round(self.filled[name] / self.items, 4) if self.items else 0.0
                for name in self.fields}

    def of_pages(self) -> dict[str, float]:
        return {name: round(self.filled[name] / self.pages, 4) if self.pages else 0.0
                for name in self.fields}


def _get(item: Any, name: str) -> Any:
    if isinstance(item, dict):
        return item.get(name)
    return getattr(item, name, None)


def pages_fetched(stats: dict[str, Any]) -> int:
    """Responses that came from a site, a simulator or an archive (a replay miss is none)."""
    received = stats.get("response_received_count", 0)
    return max(0, received - stats.get("replay/miss", 0) - stats.get("replay/error", 0))


def _nothing_fetched(stats: dict[str, Any]) -> str:
    requests = stats.get("downloader/request_count", 0)
    causes = [f"{count} {label}" for count, label in (
        (stats.get("replay/miss", 0), "not in the replay archive"),
        (stats.get("replay/error", 0), "unreadable in the replay archive"),
        (stats.get("downloader/exception_count", 0), "download errors"),
    ) if count]
    return f"no page was fetched ({requests} requests" + (
        f": {', '.join(causes)})" if causes else ")")


def check_report(report: dict[str, Any], previous: dict[str, Any] | None,
                 min_coverage: dict[str, float], min_pages: int) -> list[str]:
    """The failed checks of a run report (empty: the run is healthy)."""
    failures: list[str] = []
    # One worker of a distributed run may have had nothing to do; the run as a whole may not.
    if report.get("pages_fetched") == 0 and not report.get("worker"):
        failures.append(_nothing_fetched(report.get("stats") or {}))
    stats = report.get("stats") or {}
    if stats.get("export/failed"):
        failures.append(f"{stats['export/failed']} ({stats.get('export/not_written', 0)} "
                        "articles not written)")
    pages = report.get("article_pages", 0)
    coverage = report.get("coverage_of_article_pages", {})
    if pages >= min_pages:
        for name, threshold in sorted(min_coverage.items()):
            share = coverage.get(name, 0.0)
            if share < float(threshold):
                failures.append(f"coverage of {name} is {share:.1%} < {float(threshold):.0%} "
                                f"over {pages} article pages")
    if previous:
        before = previous.get("items_site") or {}
        now = report.get("items_site") or {}
        unchanged = report.get("unchanged_site") or {}
        crawled = set(report.get("sites") or before)
        stats = report.get("stats") or {}
        if stats.get("incremental/skipped_seen") and not any(
                key.startswith("incremental/skipped_seen/site/") for key in stats):
            # An incremental run skipped articles without saying from which site: a site with
            # nothing new is not evidence of a broken layout.
            return failures
        for site, count in sorted(before.items()):
            if site in crawled and count and not now.get(site) and not unchanged.get(site):
                failures.append(f"site {site} had {count} items in the previous run and 0 now")
    return failures


def latest_report(folder: Path, spider_name: str, exclude: Path | None = None
                  ) -> dict[str, Any] | None:
    """The newest readable report of this spider in ``folder`` (by file name = start time)."""
    for path in sorted(folder.glob(f"{spider_name}-*.json"), reverse=True):
        if exclude is not None and path == exclude:
            continue
        try:
            return dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            logger.warning("unreadable run report %s ignored", path)
    return None


def format_summary(report: dict[str, Any]) -> str:
    """The one-screen summary of a run report."""
    lines = [
        f"run {report.get('start_time')} .. {report.get('finish_time')} "
        f"({report.get('elapsed_seconds') or 0:.0f} s, {report.get('finish_reason')})",
        f"items exported {report.get('items_exported', 0)}, dropped "
        f"{report.get('items_dropped', 0)}, responses {report.get('responses', 0)}",
    ]
    sites = report.get("items_site") or {}
    if sites:
        lines.append("items per site: " + ", ".join(f"{k} {v}" for k, v in sorted(sites.items())))
    coverage = report.get("coverage_of_article_pages") or {}
    shown = [name for name in ("title", "text", "published_at", "modified_at", "authors",
                               "section", "images") if name in coverage]
    if shown:
        lines.append("coverage: " + ", ".join(f"{n} {coverage[n]:.0%}" for n in shown))
    damage = {k: v for k, v in (report.get("replay") or {}).items()
              if k.startswith(("damaged", "records_after", "truncated", "unreadable"))}
    if damage:
        lines.append("damaged replay archives: "
                     + ", ".join(f"{k} {v}" for k, v in sorted(damage.items())))
    budgets = report.get("budget") or {}
    if budgets:
        lines.append("budgets hit (links dropped): "
                     + ", ".join(f"{k} {v}" for k, v in sorted(budgets.items())))
    for key, label in (("dropped", "drops"), ("skipped", "skips"), ("errors", "errors"),
                       ("http_errors", "HTTP errors"), ("dedup", "duplicates")):
        group = {k: v for k, v in (report.get(key) or {}).items()
                 if not (key == "dedup" and k == "new")}
        if group:
            lines.append(f"{label}: " + ", ".join(f"{k} {v}" for k, v in sorted(group.items())))
    checks = report.get("checks") or {}
    if checks.get("failures"):
        lines.append("FAILED CHECKS:")
        lines.extend(f"  - {failure}" for failure in checks["failures"])
    else:
        lines.append("checks: ok")
    return "\n".join(lines)


class RunReport:
    """Writes ``REPORT_DIR/<spider>-<start>.json`` when the spider closes (unset: off)."""

    def __init__(self, crawler: Crawler, folder: Path):
        self.crawler = crawler
        self.folder = folder
        settings = crawler.settings
        self.min_coverage: dict[str, float] = {
            str(k): float(v) for k, v in settings.getdict("REPORT_MIN_COVERAGE").items()}
        self.min_pages = settings.getint("REPORT_MIN_ARTICLE_PAGES", 10)
        self.fail_exit = settings.getbool("REPORT_FAIL_EXIT", True)
        self.print_summary = settings.getbool("REPORT_PRINT_SUMMARY", True)
        self.coverage = FieldCoverage()
        self.unchanged: Counter[str] = Counter()
        self.failures: list[str] = []
        self.unwritten: str | None = None
        """Why the report could not be written: the exit status is then 1 whatever the checks."""
        self.path: Path | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunReport:
        folder = crawler.settings.get("REPORT_DIR")
        if not folder:
            raise NotConfigured  # no message: Scrapy logs a bare NotConfigured quietly
        extension = cls(crawler, Path(folder))
        crawler.signals.connect(extension.item_exported, signal=item_exported)
        crawler.signals.connect(extension.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        return extension

    def item_exported(self, item: Any) -> None:
        self.coverage.add_item(item)

    def item_dropped(self, item: Any, exception: BaseException) -> None:
        message = str(exception)
        if message.startswith("incremental:"):  # re-fetched, unchanged: the site still works
            self.unchanged[str(_get(item, "site") or "?")] += 1
        match = _DROP_REASON.match(message)
        if match and match.group(1) in CONTENT_DROPS:
            self.coverage.add_failed_page()

    def build(self, stats: dict[str, Any]) -> dict[str, Any]:
        """The report of this run so far (the spider_closed handler adds the checks)."""
        report = summarise_stats(stats)
        if report["elapsed_seconds"] is None and isinstance(stats.get("start_time"), datetime):
            report["elapsed_seconds"] = round(
                (datetime.now(UTC) - stats["start_time"]).total_seconds(), 3)
        unchanged = Counter(self.unchanged)
        prefix = "incremental/skipped_seen/site/"
        unchanged.update({k[len(prefix):]: v for k, v in stats.items() if k.startswith(prefix)})
        report["unchanged_site"] = dict(sorted(unchanged.items()))
        report["pages_fetched"] = pages_fetched(stats)
        report["article_pages"] = self.coverage.pages
        report["coverage"] = self.coverage.of_items()
        report["coverage_of_article_pages"] = self.coverage.of_pages()
        worker = self.crawler.settings.get("WORKER_ID")
        if worker:
            report["worker"] = worker
        return report

    def spider_closed(self, spider: Spider, reason: str) -> None:
        assert self.crawler.stats is not None
        stats = dict(self.crawler.stats.get_stats())
        stats.setdefault("finish_reason", reason)
        report = self.build(stats)
        report["sites"] = [site.key for site in getattr(spider, "sites", ())]
        started = report["start_time"] or datetime.now(UTC).isoformat()
        stamp = started.replace(":", "").replace("-", "")[:15]
        worker = report.get("worker")
        name = f"{spider.name}-{stamp}" + (f"-{_safe(worker)}" if worker else "")
        self.path = self.folder / f"{name}.json"
        previous = latest_report(self.folder, spider.name, exclude=self.path) \
            if self.folder.is_dir() else None
        if worker:
            previous = None  # one worker's share of a distributed run says nothing per site
        self.failures = check_report(report, previous, self.min_coverage, self.min_pages)
        report["checks"] = {
            "failures": self.failures,
            "min_coverage": self.min_coverage,
            "min_article_pages": self.min_pages,
            "previous_report": previous.get("start_time") if previous else None,
        }
        summary = format_summary(report)
        try:
            write_whole(self.path, json.dumps(report, ensure_ascii=False, indent=2))
        except (OSError, ValueError) as error:
            message = f"cannot write the run report {self.path}: {error}"
            self.unwritten = message
            logger.error("%s\n%s", message, summary)
            print(f"arabstoday-crawler: {message}", file=sys.stderr, flush=True)
            return
        logger.info("run report written to %s\n%s", self.path, summary)
        if self.print_summary:
            print(f"run report {self.path}\n{summary}", file=sys.stderr, flush=True)
        for failure in self.failures:
            logger.error("run check failed: %s", failure)

    def engine_stopped(self) -> None:
        if self.unwritten:
            logger.error("the run report could not be written: exit status 1")
            self.crawler.spider = None
        elif self.failures and self.fail_exit:
            logger.error("%d run check(s) failed: exit status 1", len(self.failures))
            # Read by CrawlerProcess after the crawl: bootstrap_failed -> `scrapy crawl` exits 1.
            self.crawler.spider = None


def write_whole(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file renamed over it: the report is whole
    or absent, never cut short."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text)
