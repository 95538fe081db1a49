"""Template statistics per site between runs: how many pages of a site were seen and on how many
of them each text block (by fingerprint) occurred. ``TemplateStore`` is the interface; JSON files
under ``STATE_DIR/templates`` by default (also in distributed mode: each worker keeps its own);
``TEMPLATE_STORE_CLASS`` names the class.
"""

from __future__ import annotations

import json
import logging
from abc import ABC, abstractmethod
from collections.abc import Mapping
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

SiteCounts = tuple[int, dict[str, int]]
"""Pages seen, and per block fingerprint the pages it occurred on."""


class TemplateStore(ABC):
    """Where per-site template statistics live between runs."""

    @classmethod
    @abstractmethod
    def from_settings(cls, settings: Any) -> TemplateStore: ...

    @abstractmethod
    def load(self, site: str) -> SiteCounts | None:
        """The site's statistics, or None when none were saved (or they cannot be read)."""

    @abstractmethod
    def save(self, site: str, pages: int, counts: Mapping[str, int]) -> None:
        """Replace the site's statistics, atomically."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release the backend's resources."""


class FileTemplateStore(TemplateStore):
    """One JSON file per site in a folder (None: nothing persists)."""

    def __init__(self, folder: str | Path | None):
        self.folder = Path(folder) if folder else None

    @classmethod
    def from_settings(cls, settings: Any) -> FileTemplateStore:
        state_dir = settings.get("STATE_DIR")
        return cls(Path(state_dir) / "templates" if state_dir else None)

    def _path(self, site: str) -> Path | None:
        return self.folder / f"{site}.json" if self.folder else None

    def load(self, site: str) -> SiteCounts | None:
        path = self._path(site)
        if path is None or not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return int(data["pages"]), {str(k): int(v) for k, v in data["counts"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            logger.warning("template for %s unreadable (%s); starting afresh", site, exc)
            return None

    def save(self, site: str, pages: int, counts: Mapping[str, int]) -> None:
        path = self._path(site)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".json.tmp")
        temporary.write_text(json.dumps({"pages": pages, "counts": dict(counts)}),
                             encoding="utf-8")
        temporary.replace(path)  # a crash never leaves half a template
