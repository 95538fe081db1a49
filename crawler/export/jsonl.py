"""JSON Lines feed exporter: one article a line, Arabic unescaped, every line whole on disk.

Lines are serialised by ``jsonlines.Writer``. It writes a record and its newline in two calls, so
between the writer and the feed file sits ``WholeLineBuffer``, which holds both and hands them to
the file in one write, then flushes: an interrupted run leaves only whole lines.
"""

from __future__ import annotations

import functools
import json
from typing import IO, Any, BinaryIO, cast

import jsonlines
from scrapy.exporters import BaseItemExporter

from crawler.items import ARTICLE_FIELDS

dumps = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))


def ordered_item(item: dict[str, Any]) -> dict[str, Any]:
    """The item with ARTICLE_FIELDS first, in their documented order, then any extra keys."""
    ordered = {key: item[key] for key in ARTICLE_FIELDS if key in item}
    ordered.update((key, value) for key, value in item.items() if key not in ordered)
    return ordered


def dumps_line(item: dict[str, Any]) -> bytes:
    """One exported line (UTF-8, no trailing newline), exactly as the exporter writes it."""
    return dumps(ordered_item(item)).encode("utf-8")


class WholeLineBuffer:
    """A binary file-like object that passes on what it was given only on flush(), in one write."""

    def __init__(self, file: BinaryIO):
        self.file = file
        self.pending = bytearray()

    def write(self, data: bytes) -> int:
        self.pending += data
        return len(data)

    def flush(self) -> None:
        if self.pending:
            self.file.write(bytes(self.pending))
            self.pending.clear()
        self.file.flush()


class JsonLinesExporter(BaseItemExporter):
    """Feed exporter registered for the ``jsonl`` and ``jsonlines`` formats."""

    def __init__(self, file: BinaryIO, **kwargs: Any):
        super().__init__(dont_fail=True, **kwargs)
        self.file = file
        buffer = cast(IO[bytes], WholeLineBuffer(file))  # duck-typed: write() and flush()
        self.writer = jsonlines.Writer(buffer, flush=True, dumps=dumps)

    def export_item(self, item: Any) -> None:
        if type(item) is dict and self.fields_to_export is None:
            # What get_serialized_fields gives for a plain dict (no field metadata, so no
            # serializers; every key), without its per-field calls: a third of this method.
            self.writer.write(ordered_item(item))
            return
        fields = dict(self.get_serialized_fields(item, default_value=None, include_empty=True))
        self.writer.write(ordered_item(fields))
