"""``crawler validate FILE...``: each bad line with its number and reason, exit status 1; and the
validation pipeline drops invalid items with a counted, logged reason."""

from __future__ import annotations

import gzip
import json
import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from crawler.cli import main
from crawler.export.jsonl import dumps_line
from crawler.pipelines.validation import ValidationPipeline
from tests.support import make_item


def write_lines(path: Path, lines: list[bytes], newline_at_end: bool = True) -> Path:
    path.write_bytes(b"\n".join(lines) + (b"\n" if newline_at_end else b""))
    return path


def validate(capsys: pytest.CaptureFixture[str], *files: Path) -> tuple[int, list[str]]:
    status = main(["validate", *map(str, files)])
    return status, capsys.readouterr().out.splitlines()


def test_a_good_export_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_lines(tmp_path / "good.jsonl", [dumps_line(make_item(n)) for n in range(1, 4)])
    assert validate(capsys, path) == (0, [])


def test_each_bad_line_is_reported_with_its_number(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    good = make_item(1)
    outside = make_item(2, paragraphs=[{"start": 0, "end": 9999}])
    lines = [
        dumps_line(good),                                   # 1 fine
        b"{not json",                                       # 2
        dumps_line(make_item(3, title="")),                 # 3 schema
        dumps_line(outside),                                # 4 offsets
        dumps_line(good),                                   # 5 duplicate of line 1
        b"[1, 2]",                                          # 6 not an object
        dumps_line(make_item(4))[:-25],                     # 7 truncated, no newline
    ]
    path = write_lines(tmp_path / "bad.jsonl", lines, newline_at_end=False)
    status, out = validate(capsys, path)
    assert status == 1
    by_line: dict[int, list[str]] = {}
    for row in out:
        name, number, reason = row.split(":", 2)
        assert name == str(path)
        by_line.setdefault(int(number), []).append(reason.strip())
    assert sorted(by_line) == [2, 3, 4, 5, 6, 7]
    assert by_line[2][0].startswith("not JSON")
    assert any(r.startswith("title:") for r in by_line[3])
    assert by_line[4] == ["paragraphs[0]: offsets 0..9999 outside the text (length "
                          f"{len(outside['text'])})"]
    assert by_line[5] == [f"duplicate id {good['id']} (version 1), first at {path}:1"]
    assert by_line[6] == ["not a JSON object but list"]
    assert by_line[7][0].startswith("truncated last line")


def test_duplicates_are_found_across_files_and_new_versions_are_not(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = write_lines(tmp_path / "a.jsonl", [dumps_line(make_item(1))])
    second = tmp_path / "b.jsonl.gz"
    with gzip.open(second, "wb") as handle:
        handle.write(dumps_line(make_item(1, version=2)) + b"\n")
        handle.write(dumps_line(make_item(1)) + b"\n")
    status, out = validate(capsys, first, second)
    assert status == 1
    assert out == [f"{second}:2: duplicate id {make_item(1)['id']} (version 1), first at {first}:1"]


def test_a_missing_file_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = validate(capsys, tmp_path / "absent.jsonl")
    assert status == 1 and out[0].startswith(f"{tmp_path / 'absent.jsonl'}:0: cannot open")


@pytest.mark.slow
def test_console_script_exit_status(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "x.jsonl", [b'{"id": "x"}'])
    proc = subprocess.run([sys.executable, "-m", "crawler.cli", "validate", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert f"{path}:1: item: 'url' is a required property" in proc.stdout
    assert "1 lines checked in 1 file(s), 1 bad" in proc.stderr


def _pipeline() -> tuple[ValidationPipeline, Any]:
    crawler = get_crawler(settings_dict={})
    crawler.stats.open_spider()
    return ValidationPipeline.from_crawler(crawler), crawler.stats


def test_pipeline_passes_valid_items() -> None:
    pipeline, stats = _pipeline()
    item = make_item()
    assert pipeline.process_item(item) is item
    assert stats.get_value("dropped/schema_invalid") is None


def test_pipeline_drops_invalid_items_counted_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    pipeline, stats = _pipeline()
    item = make_item(published_at="yesterday")
    with caplog.at_level(logging.WARNING), pytest.raises(DropItem):
        pipeline.process_item(item)
    assert stats.get_value("dropped/schema_invalid") == 1
    assert f"dropped (schema_invalid) {item['url']}: published_at: 'yesterday'" in caplog.text


def test_the_exporters_line_format_round_trips() -> None:
    item = make_item()
    assert json.loads(dumps_line(item)) == item
