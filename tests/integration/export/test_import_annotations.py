"""``crawler import-annotations``, ``crawler agreement`` and ``crawler export-training`` as a
user runs them: Prodigy's db-out made from our own export (Prodigy is not on PyPI; the Label
Studio and doccano round trips run against the real servers in test_annotation_servers.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from crawler.cli import main
from crawler.export.annotation.preannotate import find_spans
from crawler.export.jsonl import dumps_line
from tests.support import BODY, make_item

BODIES = (("🇲🇦 قال محمّد السالمي: «الوضع جيّد جدًا 👍🏽». ثم غادر.", *BODY[:2]),
          ("👩🏽‍💻 كتبت سلمى الحداد من الرباط أن 𝟙 شيء لم يتغيّر.", BODY[2]))


def items() -> list[dict[str, Any]]:
    return [make_item(n + 1, body=body) for n, body in enumerate(BODIES)]


def write_lines(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_bytes(b"".join(dumps_line(item) + b"\n" for item in items()))
    return path


def db_out(articles: Path, tmp_path: Path, annotator: str, drop: str | None = None,
           unit: str = "sentence") -> Path:
    """What ``prodigy db-out`` gives after ``annotator`` accepted every example, removing the
    spans labelled ``drop``."""
    examples = tmp_path / f"prodigy-{annotator}-in.jsonl"
    assert main(["export", str(articles), "-o", str(examples), "--format", "prodigy",
                 "--unit", unit]) == 0
    out = []
    for n, line in enumerate(examples.read_text(encoding="utf-8").splitlines()):
        example = json.loads(line)
        example["spans"] = [s for s in example["spans"] if s["label"] != drop]
        out.append({**example, "answer": "accept", "_annotator_id": f"arabic-{annotator}",
                    "_session_id": f"arabic-{annotator}",
                    "_timestamp": 1733047200 + n + (3600 if annotator == "omar" else 0)})
    return write_lines(tmp_path / f"prodigy-{annotator}.jsonl", out)


def gold_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_prodigy_sentences_come_back_onto_the_articles(articles: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    assert main(["import-annotations", "--format", "prodigy",
                 str(db_out(articles, tmp_path, "huda")), "-o", str(gold),
                 "--articles", str(articles), "--strict"]) == 0
    lines = gold_of(gold)
    assert [(x["article_id"], x["version"], x["annotator"], x["tool"]) for x in lines] == [
        (item["id"], 1, "arabic-huda", "prodigy") for item in items()]
    for line, item in zip(lines, items(), strict=True):
        text = item["text"]
        assert {(s["start"], s["end"], s["label"]) for s in line["spans"]} == \
            {(s.start, s.end, s.label) for s in find_spans(item)}
        for span in line["spans"]:
            assert text[span["start"]:span["end"]] == span["text"]
        for segment in line["segments"]:
            assert text[segment["start"]:segment["end"]] == segment["text"]
        assert line["annotated_at"].startswith("2024-12-01T10:")
    assert "as 2 gold lines on 2 articles" in capsys.readouterr().err


def test_a_misplaced_span_is_reported_not_shifted(articles: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    source = db_out(articles, tmp_path, "huda", unit="paragraph")
    examples = [json.loads(x) for x in source.read_text(encoding="utf-8").splitlines()]
    quote = next(s for s in examples[0]["spans"] if s["label"] == "QUOTE")
    quote["start"] += 2  # as if counted in UTF-16 past the flag
    quote["end"] += 2
    write_lines(source, examples)
    gold = tmp_path / "gold.jsonl"
    assert main(["import-annotations", "--format", "prodigy", str(source), "-o",
                 str(gold)]) == 0
    err = capsys.readouterr().err
    assert f"{source}:1: span {quote['start']}..{quote['end']} QUOTE says " \
           f"{quote['text']!r} but covers" in err
    kept = [(s["label"], s["text"]) for s in gold_of(gold)[0]["spans"]]
    assert ("QUOTE", quote["text"]) not in kept and ("SPEAKER", "محمّد السالمي") in kept
    assert main(["import-annotations", "--format", "prodigy", str(source), "-o", str(gold),
                 "--strict"]) == 1


def test_a_unit_that_differs_from_its_article_is_left_out(articles: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    source = db_out(articles, tmp_path, "huda", unit="paragraph")
    changed = tmp_path / "changed.jsonl"
    first, second = items()
    first["text"] = first["text"].replace("السالمي", "السلامي")  # same length, other text
    changed.write_bytes(dumps_line(first) + b"\n" + dumps_line(second) + b"\n")
    gold = tmp_path / "gold.jsonl"
    assert main(["import-annotations", "--format", "prodigy", str(source), "-o", str(gold),
                 "--articles", str(changed)]) == 0
    assert f"article {first['id']} version 1 has other text at 0..{len(BODIES[0][0])}" in \
        capsys.readouterr().err
    [line_1, _] = gold_of(gold)
    assert all(s["start"] > len(BODIES[0][0]) for s in line_1["spans"])


def test_rebase_onto_the_newest_version(articles: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    assert main(["import-annotations", "--format", "prodigy",
                 str(db_out(articles, tmp_path, "huda", unit="article")), "-o",
                 str(gold)]) == 0
    first = items()[1]
    body = ("تصحيح: " + BODIES[1][0].replace("الرباط", "مراكش"), BODIES[1][1])
    newer = make_item(2, body=body, version=2)
    refreshed = tmp_path / "refreshed.jsonl"
    refreshed.write_bytes(dumps_line(newer) + b"\n")
    rebased = tmp_path / "rebased.jsonl"
    assert main(["import-annotations", "--format", "gold", str(gold), "-o", str(rebased),
                 "--rebase", str(articles), str(refreshed)]) == 0
    err = capsys.readouterr().err
    lines = {x["article_id"]: x for x in gold_of(rebased)}
    moved = lines[first["id"]]
    assert (moved["version"], moved["rebased_from"]) == (2, 1)
    old_spans = gold_of(gold)[1]["spans"]
    [flag] = moved["flagged"]
    assert (flag["label"], flag["text"]) == ("LOC", "الرباط")
    assert flag["start"] == BODIES[1][0].index("الرباط")
    assert len(moved["spans"]) == len(old_spans) - 1
    assert ("LOC", "الرباط") in {(s["label"], s["text"]) for s in moved["spans"]}  # the other
    for span in moved["spans"]:
        assert newer["text"][span["start"]:span["end"]] == span["text"]
    assert "not moved to version 2: its place now reads 'مراكش'" in err
    assert "1 lines rebased, 1 spans flagged" in err
    assert lines[items()[0]["id"]]["version"] == 1  # not refreshed: untouched


def test_agreement_and_training_from_two_annotators(articles: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.jsonl"
    assert main(["import-annotations", "--format", "prodigy",
                 str(db_out(articles, tmp_path, "huda")),
                 str(db_out(articles, tmp_path, "omar", drop="SPEAKER")),
                 "-o", str(gold)]) == 0
    assert len(gold_of(gold)) == 4
    capsys.readouterr()
    assert main(["agreement", str(gold), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    rows = {row["label"]: row for row in result["labels"]}
    assert (result["articles"], result["pairs"]) == (2, 2)
    assert rows["QUOTE"]["exact_f1"] == rows["QUOTE"]["kappa"] == 1.0
    assert rows["SPEAKER"]["spans_b"] == 0 and rows["SPEAKER"]["exact_f1"] == 0.0
    assert 0 < rows["(all)"]["kappa"] < 1
    assert main(["agreement", str(gold)]) == 0
    table = capsys.readouterr().out
    assert "2 article versions with two or more annotators (2 pairs" in table
    assert "QUOTE" in table.splitlines()[2] or "QUOTE" in table

    conll = tmp_path / "train.conll"
    assert main(["export-training", "--format", "conll", "--pick", "all", str(gold), "-o",
                 str(conll)]) == 0
    rows_out = conll.read_text(encoding="utf-8").split("\n")
    assert "🇲🇦\tO" in rows_out and "محمّد\tB-SPEAKER" in rows_out
    assert "جيّد\tI-QUOTE" in rows_out and "👍🏽\tI-QUOTE" in rows_out
    spans = tmp_path / "train.jsonl"
    assert main(["export-training", "--format", "spans", str(gold), "-o", str(spans)]) == 0
    records = gold_of(spans)
    assert {r["meta"]["annotator"] for r in records} == {"arabic-omar"}  # the latest
    for record in records:
        for span in record["spans"]:
            assert record["text"][span["start"]:span["end"]]


def test_bad_inputs_give_one_line_and_a_status(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "gold.jsonl"
    assert main(["import-annotations", "--format", "label-studio",
                 str(tmp_path / "absent.json"), "-o", str(out)]) == 2
    assert "No such file" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text('[{"data": {"text": "نص"}}, {"data"', encoding="utf-8")
    assert main(["import-annotations", "--format", "label-studio", str(broken), "-o",
                 str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"crawler import-annotations: {broken}: ") and not out.exists()
    assert main(["agreement", str(broken)]) == 2
    assert "not a gold line" in capsys.readouterr().err
