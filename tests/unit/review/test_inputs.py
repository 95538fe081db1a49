"""Inputs of the review: recorded bodies decoded as the crawl decodes them, items and reports
read with one clear line for what cannot be used."""

from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path

import brotli
import pytest

from crawler.review.inputs import (
    MAX_BODY_BYTES,
    ReviewInputError,
    decode_content,
    dropped_pages,
    read_items,
    read_report,
)

BODY = "<html><body><p>نص تجريبي للصفحة</p></body></html>".encode() * 20


@pytest.mark.parametrize(("encoded", "encoding"), [
    (BODY, ""),
    (BODY, "identity"),
    (gzip.compress(BODY), "gzip"),
    (gzip.compress(BODY), "x-gzip"),
    (zlib.compress(BODY), "deflate"),
    (zlib.compress(BODY)[2:-4], "deflate"),  # raw deflate, without the zlib wrapper
    (brotli.compress(BODY), "br"),
    (gzip.compress(brotli.compress(BODY)), "br, gzip"),
], ids=["none", "identity", "gzip", "x-gzip", "deflate", "raw-deflate", "br", "br-then-gzip"])
def test_content_encodings_are_undone(encoded: bytes, encoding: str) -> None:
    assert decode_content(encoded, encoding) == BODY


@pytest.mark.slow
def test_a_compressed_bomb_is_cut() -> None:
    bomb = gzip.compress(b"\0" * (MAX_BODY_BYTES + 1024), compresslevel=1)
    assert len(decode_content(bomb, "gzip")) == MAX_BODY_BYTES


def test_unknown_or_broken_encodings_raise_a_reason() -> None:
    with pytest.raises(ValueError, match="zstd cannot be decoded"):
        decode_content(BODY, "zstd")
    with pytest.raises(ValueError, match="does not decompress"):
        decode_content(BODY, "gzip")


def test_items_skip_and_count_lines_that_are_not_objects(tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write('{"id": "a"}\n\n[1, 2]\n{"id": "b"}\n{"id": "c", "tru')
    loaded = read_items(path)
    assert [item["id"] for item in loaded.items] == ["a", "b"]
    assert loaded.bad_lines == 2
    with pytest.raises(ReviewInputError, match="items file not found"):
        read_items(tmp_path / "missing.jsonl")


def test_reports_are_read_from_a_file_or_the_newest_of_a_folder(tmp_path: Path) -> None:
    for name, exported in (("arabstoday-20260101T000000.json", 1),
                           ("arabstoday-20260102T000000.json", 2)):
        (tmp_path / name).write_text(json.dumps({"items_exported": exported}), encoding="utf-8")
    path, report = read_report(tmp_path)
    assert path.name == "arabstoday-20260102T000000.json" and report["items_exported"] == 2
    (tmp_path / "other.json").write_text("[]", encoding="utf-8")
    with pytest.raises(ReviewInputError, match="is not a run report"):
        read_report(tmp_path / "other.json")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ReviewInputError, match="no run report"):
        read_report(empty)
    with pytest.raises(ReviewInputError, match="not found"):
        read_report(tmp_path / "none.json")


def test_dropped_pages_come_from_the_failure_ledger() -> None:
    report = {"stats": {"failed_articles": [
        {"url": "https://www.arabstoday.net/1/a", "reason": "no_body", "retries": 0},
        {"url": "https://www.arabstoday.net/1/b", "reason": "http_503", "retries": 4},
        {"reason": "no url"}, "not a dict"]}}
    assert [(p.url, p.reason, p.retries) for p in dropped_pages(report)] == [
        ("https://www.arabstoday.net/1/a", "no_body", 0),
        ("https://www.arabstoday.net/1/b", "http_503", 4)]
    assert dropped_pages(None) == [] and dropped_pages({"stats": {}}) == []
