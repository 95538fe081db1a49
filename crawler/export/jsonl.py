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

dumps = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"),
                          allow_nan=False)


class BadLine(ValueError):
    """A line that is not one JSON value this project reads; the message says why."""


def _refuse_constant(name: str) -> Any:
    raise BadLine(f"not JSON: {name} is not a number JSON allows")


def parse_line(raw: bytes | str) -> Any:
    """One JSON Lines line as a value; BadLine (one reason) for anything else: not UTF-8, not
    JSON, NaN or Infinity, a number too long for Python (4,300 digits), nesting too deep."""
    try:
        return json.loads(raw, parse_constant=_refuse_constant)
    except BadLine:
        raise
    except RecursionError:
        raise BadLine("not JSON this reader takes: nested too deeply") from None
    except UnicodeDecodeError as exc:
        raise BadLine(f"not UTF-8: {exc.reason} at byte {exc.start}") from None
    except json.JSONDecodeError as exc:
        complete = raw.endswith(b"\n") if isinstance(raw, bytes) else raw.endswith("\n")
        if not complete:
            raise BadLine(f"truncated last line (no newline at the end and not valid JSON: "
                          f"{exc})") from None
        raise BadLine(f"not JSON: {exc}") from None
    except ValueError as exc:  # int() refusing a number of more than 4,300 digits
        raise BadLine(f"not JSON this reader takes: {str(exc)[:100]}") from None


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
