"""``crawler validate`` and ``crawler export`` on hostile input: one line per bad input, never a
traceback, a non-zero exit, and never NaN or Infinity in what they write."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from crawler.cli import main
from crawler.export.jsonl import dumps_line
from tests.support import PROJECT_ROOT, make_item

GOOD = dumps_line(make_item(1)) + b"\n"


def deep(path: Path) -> Path:
    path.write_bytes(b"[" * 100_000 + b"]" * 100_000 + b"\n")
    return path


def long_number(path: Path) -> Path:
    item = json.loads(GOOD)
    path.write_bytes(GOOD.replace(b'"version":1', b'"version":' + b"9" * 5000))
    assert item["version"] == 1
    return path


def nan(path: Path) -> Path:
    path.write_bytes(GOOD.replace(b'"version":1', b'"version":NaN')
                     + GOOD.replace(b'"version":1', b'"version":-Infinity'))
    return path


def corrupt_gz(path: Path) -> Path:
    data = gzip.compress(GOOD * 200)
    path.with_suffix(".gz").write_bytes(data[:40] + bytes(200) + data[240:])
    return path.with_suffix(".gz")


def missing(path: Path) -> Path:
    return path.with_name("absent.jsonl")


def directory(path: Path) -> Path:
    folder = path.with_name("a-folder.jsonl")
    folder.mkdir()
    return folder


CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "100,000-deep nesting": (deep, "nested too deeply"),
    "a 5,000-digit number": (long_number, "not JSON this reader takes"),
    "NaN and Infinity": (nan, "is not a number JSON allows"),
    "a corrupt .gz": (corrupt_gz, ""),
    "a missing input": (missing, "No such file"),
    "a folder as input": (directory, "Is a directory"),
}


@pytest.mark.parametrize("case", CASES)
def test_validate_gives_one_line_per_bad_input(tmp_path: Path, case: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    make, reason = CASES[case]
    bad = make(tmp_path / "bad.jsonl")
    good = tmp_path / "good.jsonl"
    good.write_bytes(GOOD)
    assert main(["validate", str(good), str(bad)]) == 1
    out, err = capsys.readouterr()
    lines = [line for line in out.splitlines() if line.startswith(str(bad))]
    assert lines and all(reason in line for line in lines), out
    assert not any(line.startswith(str(good)) for line in out.splitlines())
    assert "Traceback" not in out + err


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("fmt", ["label-studio", "prodigy"])
def test_export_skips_or_fails_with_one_line_and_never_writes_nan(
        tmp_path: Path, case: str, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    make, reason = CASES[case]
    bad = make(tmp_path / "bad.jsonl")
    good = tmp_path / "good.jsonl"
    good.write_bytes(GOOD)
    out = tmp_path / "out.json"
    status = main(["export", str(good), str(bad), "-o", str(out), "--format", fmt])
    err = capsys.readouterr().err
    reported = [line for line in err.splitlines() if line.startswith(str(bad))]
    assert reported and all(reason in line for line in reported), err
    assert "Traceback" not in err
    if case in ("a corrupt .gz", "a missing input", "a folder as input"):
        assert status == 1 and not out.exists()  # a lost input fails the export
        return
    assert status == 0
    text = out.read_text(encoding="utf-8")
    assert "NaN" not in text and "Infinity" not in text
    if fmt == "label-studio":
        assert len(json.loads(text)) == 1
    else:
        assert len(text.splitlines()) == 1


@pytest.mark.slow
def test_no_traceback_from_the_command_line(tmp_path: Path) -> None:
    bad = deep(tmp_path / "bad.jsonl")
    for command in (["validate", str(bad), str(tmp_path / "absent.jsonl")],
                    ["export", str(bad), str(tmp_path), "-o", str(tmp_path / "o.json"),
                     "--format", "prodigy"]):
        proc = subprocess.run([sys.executable, "-m", "crawler.cli", *command], cwd=PROJECT_ROOT,
                              capture_output=True, text=True, timeout=60)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr + proc.stdout
