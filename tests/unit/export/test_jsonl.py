"""The JSONL exporter writes each item as one whole line in one write, in the documented order."""

from __future__ import annotations

import io
import json

import jsonlines

from crawler.export.jsonl import JsonLinesExporter, dumps_line
from crawler.items import ARTICLE_FIELDS, empty_article


class CountingFile(io.BytesIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes: list[bytes] = []
        self.flushes = 0

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.writes.append(bytes(data))
        return super().write(data)

    def flush(self) -> None:
        self.flushes += 1


def test_each_item_is_one_whole_flushed_line() -> None:
    file = CountingFile()
    exporter = JsonLinesExporter(file)
    first = {**empty_article(), "id": "arabstoday-1", "title": "عنوان «مقتبس»", "extra": 1}
    second = {"title": "ثان", "id": "arabstoday-2"}
    exporter.export_item(first)
    exporter.export_item(second)
    assert len(file.writes) == 2
    assert all(chunk.endswith(b"\n") and chunk.count(b"\n") == 1 for chunk in file.writes)
    assert file.flushes >= 2
    lines = list(jsonlines.Reader(io.BytesIO(file.getvalue())))
    assert list(lines[0]) == [*ARTICLE_FIELDS, "extra"]
    assert lines[1] == {"id": "arabstoday-2", "title": "ثان"}
    assert "عنوان «مقتبس»".encode() in file.writes[0]
    assert file.writes[1] == dumps_line(second) + b"\n"
    assert json.loads(dumps_line(first)) == lines[0]


def test_plain_dicts_export_as_scrapys_serialised_fields_do() -> None:
    """The plain-dict shortcut writes what Scrapy's get_serialized_fields path writes, and a
    feed's ``fields`` option (fields_to_export) still applies."""

    class Mapping(dict):  # not a plain dict: the general path
        pass

    item = {**empty_article(), "id": "arabstoday-1", "title": "عنوان", "extra": [1, {"a": None}]}
    plain, general = CountingFile(), CountingFile()
    JsonLinesExporter(plain).export_item(dict(item))
    JsonLinesExporter(general).export_item(Mapping(item))
    assert plain.writes == general.writes == [dumps_line(item) + b"\n"]
    chosen = CountingFile()
    JsonLinesExporter(chosen, fields_to_export=["title", "id"]).export_item(dict(item))
    assert json.loads(chosen.getvalue()) == {"id": "arabstoday-1", "title": "عنوان"}
