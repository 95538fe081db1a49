"""``crawler export``: every format, every unit, metadata kept, offsets as each tool counts them,
bad input lines skipped with a reason. Prodigy (not on PyPI) is checked against its documented
format; Label Studio and doccano also against their real servers (test_annotation_servers.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crawler.cli import main
from crawler.export.annotation import LABEL_CONFIG, LABELS
from crawler.export.annotation.formats import doccano_label_types
from crawler.export.annotation.units import iter_units
from crawler.export.jsonl import dumps_line
from crawler.simulator.network import SimulatedNetwork
from crawler.simulator.server import running_simulator
from tests.support import BODY, CrawlRun, make_item, run_crawl

META = ("url", "site", "title", "published_at")


def items() -> list[dict[str, Any]]:
    return [make_item(1, body=BODY, authors=["سلمى الحداد"]),
            make_item(2, body=("🙂 قال المدير: «نعم». ثم غادر.", "فقرة ثانية 𝟙 بلا اقتباس.")),
            make_item(3, body=BODY[:2], duplicate_of="arabstoday-0000000000000001",
                      cluster_id="arabstoday-0000000000000001")]


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"".join(dumps_line(item) + b"\n" for item in items()))
    return path


def export(source: Path, out: Path, *args: str) -> list[Any]:
    assert main(["export", str(source), "-o", str(out), *args]) == 0
    text = out.read_text(encoding="utf-8")
    if "label-studio" in args:
        return list(json.loads(text))
    return [json.loads(line) for line in text.splitlines()]


def test_units_and_their_offsets() -> None:
    item = make_item(1, body=BODY)
    units = {u: list(iter_units(item, u)) for u in ("article", "paragraph", "sentence")}
    assert [u.unit_id for u in units["article"]] == [item["id"]]
    assert [u.text for u in units["paragraph"]] == list(BODY)
    assert units["paragraph"][1].unit_id == f"{item['id']}#p1"
    assert units["sentence"][0].text == BODY[0]  # the quote's inner point does not split it
    assert units["sentence"][1].unit_id == f"{item['id']}#p1s0"
    for piece in units["sentence"]:
        assert item["text"][piece.start:piece.end] == piece.text
    with pytest.raises(ValueError, match="unit must be one of"):
        list(iter_units(item, "page"))


def check_label_studio(task: dict[str, Any]) -> None:
    """Label Studio's task: data with the config's variables, regions in code points."""
    data = task["data"]
    assert all(isinstance(data[name], str) for name in ("text", "title", "site_name", "date"))
    for prediction in task.get("predictions", []):
        for region in prediction["result"]:
            assert (region["from_name"], region["to_name"], region["type"]) == \
                ("label", "text", "labels")
            value = region["value"]
            assert value["labels"][0] in LABELS
            assert data["text"][value["start"]:value["end"]] == value["text"]


@pytest.mark.parametrize("unit", ["article", "paragraph", "sentence"])
def test_label_studio_tasks_and_config(source: Path, tmp_path: Path, unit: str) -> None:
    config = tmp_path / "config.xml"
    tasks = export(source, tmp_path / "ls.json", "--format", "label-studio", "--unit", unit,
                   "--label-config", str(config))
    assert config.read_text(encoding="utf-8") == LABEL_CONFIG
    # title, site and date above the text, right to left; every label with its colour
    head, text_tag = LABEL_CONFIG.split("<Labels", 1)
    assert 'direction: rtl' in head
    assert all(f'value="${name}"' in head for name in ("title", "site_name", "date"))
    assert '<Text name="text" value="$text"' in text_tag
    assert all(f'<Label value="{label}" background="#' in text_tag for label in LABELS)
    assert any("predictions" in t for t in tasks)
    for task in tasks:
        check_label_studio(task)


def test_label_studio_offsets_count_code_points(source: Path, tmp_path: Path) -> None:
    tasks = export(source, tmp_path / "ls.json", "--format", "label-studio", "--unit",
                   "paragraph")
    task = next(t for t in tasks if t["data"]["text"].startswith("🙂"))
    [region] = [r for r in task["predictions"][0]["result"] if r["value"]["labels"] == ["QUOTE"]]
    text = task["data"]["text"]
    assert region["value"]["start"] == text.index("نعم")  # the emoji is one code point
    assert region["value"]["text"] == "نعم"


def test_doccano_offsets_count_utf16_code_units_or_graphemes(source: Path,
                                                             tmp_path: Path) -> None:
    for offsets, before in (("utf16", "🙂 قال المدير: «".encode("utf-16-le")),
                            ("grapheme", "🙂 قال المدير: «")):
        lines = export(source, tmp_path / "d.jsonl", "--format", "doccano", "--unit",
                       "paragraph", "--doccano-offsets", offsets)
        line = next(x for x in lines if x["text"].startswith("🙂"))
        [(start, end, _)] = [s for s in line["label"] if s[2] == "QUOTE"]
        width = 2 if offsets == "utf16" else 1
        assert start == len(before) // width and end == start + 3


def test_doccano_label_types_file(source: Path, tmp_path: Path) -> None:
    types = tmp_path / "types.json"
    export(source, tmp_path / "d.jsonl", "--format", "doccano", "--label-types", str(types))
    written = json.loads(types.read_text(encoding="utf-8"))
    assert written == doccano_label_types()
    assert [t["text"] for t in written] == list(LABELS)
    assert all(t["background_color"].startswith("#") and len(t["suffix_key"]) == 1
               for t in written)


def check_prodigy(example: dict[str, Any]) -> None:
    """Prodigy's documented ner/spans task: text, tokens with ids, spans on token boundaries."""
    text = example["text"]
    assert isinstance(text, str) and isinstance(example["meta"], dict)
    for n, token in enumerate(example["tokens"]):
        assert token["id"] == n and text[token["start"]:token["end"]] == token["text"]
        assert isinstance(token["ws"], bool)
    previous_end = 0
    for span in example["spans"]:
        assert set(span) >= {"start", "end", "label", "token_start", "token_end"}
        assert span["label"] in LABELS and previous_end <= span["start"] < span["end"]
        first, last = example["tokens"][span["token_start"]], example["tokens"][span["token_end"]]
        assert (first["start"], last["end"]) == (span["start"], span["end"])
        assert text[span["start"]:span["end"]] == span["text"]
        previous_end = span["end"]


def check_doccano(line: dict[str, Any]) -> None:
    """doccano's sequence-labelling JSONL: text and label [[start, end, label]] in UTF-16."""
    assert isinstance(line["text"], str)
    units = line["text"].encode("utf-16-le")
    for start, end, label in line["label"]:
        assert isinstance(start, int) and isinstance(end, int) and label in LABELS
        assert 0 <= start < end <= len(units) // 2
        units[2 * start:2 * end].decode("utf-16-le")  # raises when it splits a pair


@pytest.mark.parametrize("unit", ["article", "paragraph", "sentence"])
def test_prodigy_and_doccano_follow_their_documented_formats(source: Path, tmp_path: Path,
                                                             unit: str) -> None:
    for example in export(source, tmp_path / "p.jsonl", "--format", "prodigy", "--unit", unit):
        check_prodigy(example)
    for line in export(source, tmp_path / "d.jsonl", "--format", "doccano", "--unit", unit):
        check_doccano(line)


@pytest.mark.parametrize("fmt", ["label-studio", "prodigy", "doccano", "jsonl"])
def test_metadata_is_kept(source: Path, tmp_path: Path, fmt: str) -> None:
    records = export(source, tmp_path / "out", "--format", fmt, "--unit", "paragraph")
    first = make_item(1, body=BODY)
    record = records[0]
    meta = {"label-studio": lambda r: r["data"], "prodigy": lambda r: r["meta"],
            "doccano": lambda r: r, "jsonl": lambda r: r["meta"]}[fmt](record)
    assert meta["article_id"] == first["id"]
    assert meta.get("id", meta.get("unit_id")) == f"{first['id']}#p0"
    for name in META:
        assert meta[name] == first[name]
    assert (meta["start"], meta["end"]) == (first["paragraphs"][0]["start"],
                                            first["paragraphs"][0]["end"])


def test_skip_duplicates_and_no_preannotations(source: Path, tmp_path: Path) -> None:
    records = export(source, tmp_path / "out.jsonl", "--format", "jsonl", "--skip-duplicates",
                     "--no-preannotations")
    assert [r["id"] for r in records] == [items()[0]["id"], items()[1]["id"]]
    assert all(r["spans"] == [] for r in records)


def test_bad_lines_are_skipped_with_a_reason(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    good = dumps_line(make_item(1))
    source = tmp_path / "mixed.jsonl"
    source.write_bytes(b"\n".join([
        good, b"{oops", b'{"id": "x"}', dumps_line(make_item(2, paragraphs=[
            {"start": 0, "end": 10 ** 6}])), good[:40]]))
    out = tmp_path / "out.jsonl"
    assert main(["export", str(source), "-o", str(out), "--format", "jsonl"]) == 0
    err = capsys.readouterr().err
    assert f"{source}:2: skipped: not JSON" in err
    assert f"{source}:3: skipped: no text" in err
    assert f"{source}:4: skipped: paragraphs[0]: offsets" in err
    assert f"{source}:5: skipped: truncated last line" in err
    assert "exported 1 articles as 1 jsonl article records; 4 lines skipped" in err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
    assert main(["export", str(source), "-o", str(out), "--format", "jsonl", "--strict"]) == 1


def test_an_unreadable_input_fails_the_export_and_leaves_no_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.json"
    assert main(["export", str(tmp_path / "absent.jsonl"), "-o", str(out), "--format",
                 "jsonl"]) == 1
    assert not out.exists() and not (tmp_path / "out.json.part").exists()
    err = capsys.readouterr().err
    assert f"{tmp_path / 'absent.jsonl'}: cannot read: No such file or directory" in err
    assert "Traceback" not in err


@pytest.mark.slow
def test_streams_from_stdin_to_stdout(source: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "crawler.cli", "export", "-", "-o", "-",
                           "--format", "label-studio", "--unit", "sentence"],
                          input=source.read_bytes(), capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    tasks = json.loads(proc.stdout)
    assert len(tasks) > 3 and all("text" in t["data"] for t in tasks)


# -- a crawl's real output ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[CrawlRun, Path]]:
    folder = tmp_path_factory.mktemp("export-crawl")
    with running_simulator(SimulatedNetwork(pages=40)) as base_url:
        run = run_crawl(folder, "-a", f"via={base_url}",
                        "-a", "sites=arabstoday,almaghribtoday,casablancatoday", name="crawl")
    yield run, folder / "crawl.jsonl"


@pytest.mark.slow
def test_crawl_output_passes_validate_and_carries_clusters(
        crawl: tuple[CrawlRun, Path], capsys: pytest.CaptureFixture[str]) -> None:
    run, path = crawl
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out == ""
    assert run.stats.get("dropped/schema_invalid") is None
    assert sum(1 for item in run.items if item["duplicate_of"]) == 2  # the syndicated columns


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["label-studio", "prodigy", "doccano", "jsonl"])
def test_crawl_output_exports_in_every_format(crawl: tuple[CrawlRun, Path], tmp_path: Path,
                                              fmt: str) -> None:
    run, path = crawl
    records = export(path, tmp_path / "out", "--format", fmt, "--unit", "sentence")
    assert len(records) > len(run.items) * 3
    if fmt == "prodigy":
        for example in records:
            check_prodigy(example)
    if fmt == "doccano":
        for line in records:
            check_doccano(line)
    if fmt == "label-studio":
        assert len([t for t in records if "predictions" in t]) > 20
        for task in records:
            check_label_studio(task)
