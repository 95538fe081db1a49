"""Template statistics per site, persisted between runs (JSON files under
``STATE_DIR/templates``).
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from crawler.analyse.templates import SiteTemplate

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
logger = logging.getLogger(__name__)



@dataclass
class TemplateStore:
    """Per-site templates, loaded from and saved to a folder (None: in memory only)."""

    folder: Path | None
    min_pages: int = 5
    min_share: float = 0.3
    min_repeats: int = 3
    max_fingerprints: int = 50_000
    sites: dict[str, SiteTemplate] = field(default_factory=dict)

    def site(self, key: str) -> SiteTemplate:
        if key not in self.sites:
            self.sites[key] = self._load(key)
            self.sites[key].max_fingerprints = self.max_fingerprints
        return self.sites[key]

    def boilerplate(self, key: str) -> set[str]:
        return self.site(key).boilerplate(self.min_pages, self.min_share, self.min_repeats)

    def _path(self, key: str) -> Path | None:
        return self.folder / f"{key}.json" if self.folder else None

    def _load(self, key: str) -> SiteTemplate:
        path = self._path(key)
        if path is None or not path.exists():
            return SiteTemplate()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return SiteTemplate(int(data["pages"]), Counter(
                {str(k): int(v) for k, v in data["counts"].items()}))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            logger.warning("template for %s unreadable (%s); starting afresh", key, exc)
            return SiteTemplate()

    def save(self) -> None:
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for key, template in self.sites.items():
            template.prune(self.max_fingerprints)
            path = self._path(key)
            assert path is not None
            temporary = path.with_suffix(".json.tmp")
            temporary.write_text(json.dumps({"pages": template.pages,
                                             "counts": dict(template.counts)}), encoding="utf-8")
            temporary.replace(path)  # atomic: a crash never leaves half a template


_STORES: WeakKeyDictionary[Crawler, TemplateStore] = WeakKeyDictionary()


def template_store(crawler: Crawler) -> TemplateStore:
    """The crawl's one store, shared by the middleware and the pipeline."""
    if crawler not in _STORES:
        settings = crawler.settings
        state_dir = settings.get("STATE_DIR")
        _STORES[crawler] = TemplateStore(
            Path(state_dir) / "templates" if state_dir else None,
            min_pages=settings.getint("TEMPLATE_MIN_PAGES", 5),
            min_share=settings.getfloat("TEMPLATE_MIN_SHARE", 0.3),
            min_repeats=settings.getint("TEMPLATE_MIN_REPEATS", 3),
        )
    return _STORES[crawler]
