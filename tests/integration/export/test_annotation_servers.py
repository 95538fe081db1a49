"""The exports against the real Label Studio 1.23.2 and doccano 1.8.4 servers on loopback (see
servers.py): the label config validated by Label Studio, every unit imported through the HTTP
APIs, every region read back on its text (astral characters, flags, ZWJ sequences and harakat
before the spans), then annotations made through the API, exported by the server itself and
brought back with ``crawler import-annotations`` onto the articles."""

from __future__ import annotations

import io
import json
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crawler.cli import main
from crawler.export.annotation import LABEL_CONFIG, LABELS
from crawler.export.annotation.formats import LABEL_STYLE
from crawler.export.annotation.preannotate import find_spans
from crawler.export.jsonl import dumps_line
from tests.integration.export import servers
from tests.support import BODY, make_item

pytestmark = pytest.mark.slow

BODIES = (
    ("🇲🇦 قال محمّد السالمي في مراكش: «الوضع جيّد جدًا 👍🏽». ثم غادر.", *BODY[:2]),
    ("👩🏽‍💻 كتبت سلمى الحداد من الرباط أن 𝟙 شيء لم يتغيّر.", BODY[2], "👨‍👩‍👧 " + BODY[3]),
    (BODY[4], "خبر قصير بلا اقتباس ولا أسماء 🙂."),
)

EXTRA = ("مراكش", "LOC")
"""A span annotators add by hand, after a flag."""


def articles() -> list[dict[str, Any]]:
    return [make_item(n + 1, body=body, authors=["سلمى الحداد"])
            for n, body in enumerate(BODIES)]


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("servers-in") / "articles.jsonl"
    path.write_bytes(b"".join(dumps_line(item) + b"\n" for item in articles()))
    return path


def export(source: Path, out: Path, fmt: str, unit: str) -> Path:
    assert main(["export", str(source), "-o", str(out), "--format", fmt, "--unit", unit]) == 0
    return out


def expected_gold(with_extra: bool) -> dict[str, set[tuple[int, int, str, str]]]:
    """Per article, the spans import-annotations must bring back: the pre-annotations accepted,
    and the span added by hand."""
    out = {}
    for item in articles():
        text = item["text"]
        spans = {(s.start, s.end, s.label, text[s.start:s.end]) for s in find_spans(item)}
        if with_extra and EXTRA[0] in text:
            at = text.index(EXTRA[0])
            spans.add((at, at + len(EXTRA[0]), EXTRA[1], EXTRA[0]))
        out[item["id"]] = spans
    return out


def import_gold(tmp_path: Path, fmt: str, export_file: Path, source: Path) -> list[dict[str, Any]]:
    gold = tmp_path / "gold.jsonl"
    assert main(["import-annotations", "--format", fmt, str(export_file), "-o", str(gold),
                 "--articles", str(source), "--strict"]) == 0
    return [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]


# -- Label Studio ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def label_studio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[servers.Server]:
    with servers.label_studio(tmp_path_factory.mktemp("label-studio")) as server:
        yield server


def ls_project(server: servers.Server, name: str, config: str = LABEL_CONFIG) -> int:
    return int(server.api.request("POST", "/api/projects",
                                  {"title": name, "label_config": config})["id"])


def ls_tasks(server: servers.Server, project: int) -> list[dict[str, Any]]:
    """The tasks (up to 1000) with their predictions, as the data manager shows them."""
    return list(server.api.request(
        "GET", f"/api/tasks?project={project}&fields=all&page_size=1000")["tasks"])


def ls_export(server: servers.Server, project: int) -> list[dict[str, Any]]:
    """The server's own JSON export (what a user downloads)."""
    return list(server.api.request("GET", f"/api/projects/{project}/export?exportType=JSON"))


def test_label_studio_validates_the_config(label_studio: servers.Server) -> None:
    project = ls_project(label_studio, "config check")
    config = label_studio.api.request("GET", f"/api/projects/{project}")["label_config"]
    assert config == LABEL_CONFIG.strip()
    with pytest.raises(AssertionError, match="HTTP 400"):
        ls_project(label_studio, "broken config",
                   LABEL_CONFIG.replace('toName="text"', 'toName="nowhere"'))


@pytest.mark.parametrize("unit", ["article", "paragraph", "sentence"])
def test_label_studio_imports_every_unit_with_every_region_on_its_text(
        label_studio: servers.Server, source: Path, tmp_path: Path, unit: str) -> None:
    tasks = json.loads(export(source, tmp_path / "ls.json", "label-studio", unit)
                       .read_text(encoding="utf-8"))
    project = ls_project(label_studio, f"import {unit}")
    answer = label_studio.api.request("POST", f"/api/projects/{project}/import", tasks)
    assert answer["task_count"] == len(tasks)
    sent = {(t["data"]["id"], r["value"]["start"], r["value"]["labels"][0], r["value"]["text"])
            for t in tasks for p in t.get("predictions", []) for r in p["result"]}
    back = ls_tasks(label_studio, project)
    assert len(back) == len(tasks)
    read = set()
    for task in back:
        text = task["data"]["text"]
        for prediction in task["predictions"]:
            for region in prediction["result"]:
                value = region["value"]
                assert text[value["start"]:value["end"]] == value["text"]
                read.add((task["data"]["id"], value["start"], value["labels"][0],
                          value["text"]))
    assert read == sent
    assert len(sent) == sum(len(s) for s in expected_gold(False).values())


def test_label_studio_round_trip(label_studio: servers.Server, source: Path,
                                 tmp_path: Path) -> None:
    tasks = json.loads(export(source, tmp_path / "ls.json", "label-studio", "sentence")
                       .read_text(encoding="utf-8"))
    project = ls_project(label_studio, "round trip")
    label_studio.api.request("POST", f"/api/projects/{project}/import", tasks)
    for task in ls_tasks(label_studio, project):
        # the annotator accepts the pre-annotations and adds a place after the flag
        result = [{key: region[key] for key in ("from_name", "to_name", "type", "value")}
                  for prediction in task["predictions"] for region in prediction["result"]]
        text = task["data"]["text"]
        if EXTRA[0] in text:
            at = text.index(EXTRA[0])
            result.append({"from_name": "label", "to_name": "text", "type": "labels",
                           "value": {"start": at, "end": at + len(EXTRA[0]), "text": EXTRA[0],
                                     "labels": [EXTRA[1]]}})
        label_studio.api.request("POST", f"/api/tasks/{task['id']}/annotations",
                                 {"result": result})
    exported = tmp_path / "label-studio-export.json"
    exported.write_text(json.dumps(ls_export(label_studio, project), ensure_ascii=False),
                        encoding="utf-8")
    gold = import_gold(tmp_path, "label-studio", exported, source)
    expected = expected_gold(True)
    assert {line["article_id"] for line in gold} == set(expected)
    for line in gold:
        assert line["tool"] == "label-studio" and line["annotator"] and line["annotated_at"]
        assert {(s["start"], s["end"], s["label"], s["text"]) for s in line["spans"]} == \
            expected[line["article_id"]]


# -- doccano -----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def doccano(tmp_path_factory: pytest.TempPathFactory) -> Iterator[servers.Server]:
    with servers.doccano(tmp_path_factory.mktemp("doccano")) as server:
        yield server


def wait_for(server: servers.Server, task_id: str) -> Any:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        status = server.api.request("GET", f"/v1/tasks/status/{task_id}")
        if status["ready"]:
            assert status["error"] is None, status
            return status["result"]
        time.sleep(0.3)
    raise AssertionError(f"doccano task {task_id} not done after 120 s")


def doccano_project(server: servers.Server, name: str, source: Path, tmp_path: Path,
                    unit: str) -> tuple[int, int]:
    """A sequence-labelling project with our label types and the unit export imported; returns
    (project id, lines sent)."""
    project = server.api.request("POST", "/v1/projects", {
        "name": name, "description": "test", "project_type": "SequenceLabeling",
        "resourcetype": "SequenceLabelingProject", "guideline": "", "random_order": False,
        "collaborative_annotation": False, "allow_overlapping": False, "grapheme_mode": False,
        "use_relation": False, "tags": []})["id"]
    types = tmp_path / "label-types.json"
    lines = export(source, tmp_path / "doccano.jsonl", "doccano", unit)
    assert main(["export", str(source), "-o", str(tmp_path / "unused.jsonl"), "--format",
                 "doccano", "--label-types", str(types)]) == 0
    server.api.request("POST", f"/v1/projects/{project}/span-type-upload",
                       files={"file": ("label-types.json", types.read_bytes())})
    upload = server.api.raw("POST", "/v1/fp/process/",
                            files={"filepond": ("doccano.jsonl", lines.read_bytes())}).decode()
    task = server.api.request("POST", f"/v1/projects/{project}/upload", {
        "uploadIds": [upload], "format": "JSONL", "task": "SequenceLabeling",
        "column_data": "text", "column_label": "label", "delimiter": "", "encoding": "utf_8"})
    result = wait_for(server, task["task_id"])
    assert not result.get("error"), result
    return project, len(lines.read_text(encoding="utf-8").splitlines())


def doccano_examples(server: servers.Server, project: int) -> list[dict[str, Any]]:
    """The project's examples (up to 1000)."""
    return list(server.api.request(
        "GET", f"/v1/projects/{project}/examples?limit=1000&offset=0")["results"])


def utf16_slice(text: str, start: int, end: int) -> str:
    return text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le")


@pytest.mark.parametrize("unit", ["article", "paragraph", "sentence"])
def test_doccano_imports_every_unit_with_every_span_on_its_text(
        doccano: servers.Server, source: Path, tmp_path: Path, unit: str) -> None:
    project, sent = doccano_project(doccano, f"import {unit}", source, tmp_path, unit)
    types = doccano.api.request("GET", f"/v1/projects/{project}/span-types")
    assert {(t["text"], t["background_color"], t["suffix_key"]) for t in types} == \
        {(label, *LABEL_STYLE[label]) for label in LABELS}
    names = {t["id"]: t["text"] for t in types}
    examples = doccano_examples(doccano, project)
    assert len(examples) == sent
    read = set()
    for example in examples:
        assert example["meta"]["unit"] == unit
        for span in doccano.api.request(
                "GET", f"/v1/projects/{project}/examples/{example['id']}/spans"):
            start = len(utf16_slice(example["text"], 0, span["start_offset"]))
            read.add((example["meta"]["article_id"], example["meta"]["start"] + start,
                      names[span["label"]],
                      utf16_slice(example["text"], span["start_offset"], span["end_offset"])))
    expected = {(article, start, label, text) for article, spans in expected_gold(False).items()
                for start, _, label, text in spans}
    assert read == expected


def test_doccano_round_trip(doccano: servers.Server, source: Path, tmp_path: Path) -> None:
    project, _ = doccano_project(doccano, "round trip", source, tmp_path, "paragraph")
    names = {t["text"]: t["id"]
             for t in doccano.api.request("GET", f"/v1/projects/{project}/span-types")}
    for example in doccano_examples(doccano, project):
        text = example["text"]
        if EXTRA[0] in text:  # the annotator adds a place after the flag, in UTF-16 units
            start = len(text[:text.index(EXTRA[0])].encode("utf-16-le")) // 2
            doccano.api.request("POST", f"/v1/projects/{project}/examples/{example['id']}/spans",
                                {"start_offset": start, "end_offset": start + len(EXTRA[0]),
                                 "label": names[EXTRA[1]]})
    task = doccano.api.request("POST", f"/v1/projects/{project}/download",
                               {"format": "JSONL", "exportApproved": False})
    wait_for(doccano, task["task_id"])
    archive = doccano.api.raw("GET", f"/v1/projects/{project}/download?taskId={task['task_id']}")
    assert zipfile.ZipFile(io.BytesIO(archive)).namelist() == ["admin.jsonl"]
    exported = tmp_path / "doccano-export.zip"
    exported.write_bytes(archive)
    gold = import_gold(tmp_path, "doccano", exported, source)
    expected = {article: spans for article, spans in expected_gold(True).items() if spans}
    assert {line["article_id"] for line in gold} == set(expected)
    for line in gold:
        assert (line["tool"], line["annotator"]) == ("doccano", "admin")
        assert {(s["start"], s["end"], s["label"], s["text"]) for s in line["spans"]} == \
            expected[line["article_id"]]
