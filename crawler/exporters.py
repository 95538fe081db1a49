"""JSON Lines feed exporter: one article a line, Arabic unescaped, every line whole on disk.

Scrapy's stock JsonLinesItemExporter buffers; jsonlines.Writer writes the record and its newline
in two calls, so a kill between them leaves a line without its end. This exporter serialises each
item and writes ``line + "\\n"`` in one call, then flushes, so an interrupted run leaves only whole
lines (readable by ``jsonlines.Reader``).
"""

from __future__ import annotations

import json
from typing import Any

from scrapy.exporters import BaseItemExporter

from crawler.items import ARTICLE_FIELDS


def dumps_line(item: dict[str, Any]) -> bytes:
    """One JSON line (UTF-8, unescaped, no trailing newline) in the exported field order."""
    ordered = {key: item[key] for key in ARTICLE_FIELDS if key in item}
    ordered.update((key, value) for key, value in item.items() if key not in ordered)
    return json.dumps(ordered, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class JsonLinesExporter(BaseItemExporter):
    """Feed exporter registered for the ``jsonl`` and ``jsonlines`` formats."""

    def __init__(self, file: Any, **kwargs: Any):
        super().__init__(dont_fail=True, **kwargs)
        self.file = file

    def export_item(self, item: Any) -> None:
        fields = dict(self.get_serialized_fields(item, default_value=None, include_empty=True))
        self.file.write(dumps_line(fields) + b"\n")
        self.file.flush()
