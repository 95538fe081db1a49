"""Feed layout for scheduled runs: one file per site and day, or batches of N items per site,
set through FEEDS, so a new run adds files instead of rewriting old ones.

``-s FEED_LAYOUT=site-day`` writes ``{root}/{site}/{YYYY-MM-DD}.jsonl`` (the run's UTC day; a
second run on the same day appends whole lines to that day's file); ``-s FEED_LAYOUT=site-batch``
writes ``{root}/{site}/{YYYY-MM-DD}/{batch time}-{batch id}.jsonl`` with at most
``FEED_LAYOUT_BATCH_ITEMS`` items each. ``FEED_LAYOUT_ROOT`` is the folder (default ``output``),
``FEED_LAYOUT_DAY`` fixes the day (for back-fills and tests). The ``FeedLayout`` add-on turns these
settings into ordinary FEEDS entries (one per site: an item filter on ``site``, no file for a site
without items, never overwrite), next to any ``-o``/``-O`` feed; ``layout_feeds()`` returns the
same entries for a settings module or a script.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy.extensions.feedexport import ItemFilter

from crawler.files import FEED_LAYOUTS
from crawler.network.sites import SITES

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings


LAYOUTS = FEED_LAYOUTS

DEFAULT_BATCH_ITEMS = 1000


class SiteFilter(ItemFilter):
    """Accepts the items whose ``site`` is the feed option ``site``."""

    def accepts(self, item: Any) -> bool:
        return bool(self.feed_options) and \
            ItemAdapter(item).get("site") == self.feed_options.get("site")  # type: ignore[union-attr]


def uri_params(params: dict[str, Any], spider: Any) -> dict[str, Any]:
    """Adds ``day``: ``FEED_LAYOUT_DAY`` or the UTC day the feed file is opened."""
    crawler = getattr(spider, "crawler", None)
    fixed = crawler.settings.get("FEED_LAYOUT_DAY") if crawler is not None else None
    params["day"] = str(fixed) if fixed else datetime.now(UTC).strftime("%Y-%m-%d")
    return params


def layout_feeds(layout: str, root: str = "output", batch_items: int = DEFAULT_BATCH_ITEMS,
                 site_keys: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """FEEDS entries for ``layout`` (one per site)."""
    if layout not in LAYOUTS:
        raise ValueError(f"FEED_LAYOUT must be one of {', '.join(LAYOUTS)}, got {layout!r}")
    if layout == "site-batch" and batch_items <= 0:
        raise ValueError(f"FEED_LAYOUT_BATCH_ITEMS must be positive, got {batch_items}")
    root = root.rstrip("/") or "."
    feeds: dict[str, dict[str, Any]] = {}
    for key in site_keys or [site.key for site in SITES]:
        options: dict[str, Any] = {
            "format": "jsonl", "encoding": "utf-8", "item_filter": SiteFilter, "site": key,
            "overwrite": False, "store_empty": False,
            "uri_params": "crawler.export.layout.uri_params",
        }
        if layout == "site-day":
            uri = f"{root}/{key}/%(day)s.jsonl"
        else:
            uri = f"{root}/{key}/%(day)s/%(batch_time)s-%(batch_id)05d.jsonl"
            options["batch_item_count"] = batch_items
        feeds[uri] = options
    return feeds


class FeedLayout:
    """Scrapy add-on (``ADDONS``): adds the FEED_LAYOUT entries to FEEDS before the run."""

    def update_settings(self, settings: BaseSettings) -> None:
        layout = settings.get("FEED_LAYOUT")
        if not layout:
            return
        feeds = dict(settings.getdict("FEEDS"))
        feeds.update(layout_feeds(
            str(layout).strip(), str(settings.get("FEED_LAYOUT_ROOT") or "output"),
            settings.getint("FEED_LAYOUT_BATCH_ITEMS", DEFAULT_BATCH_ITEMS)))
        priority = max(settings.getpriority("FEEDS") or 0, settings.getpriority("FEED_LAYOUT")
                       or 0)
        settings.set("FEEDS", feeds, priority=priority)
