"""Reading the tools' exports back: offsets converted from each tool's units, spans checked on
their text, units grouped into one gold line per (article, version, annotator)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from crawler.export.annotation.gold import (
    ArticleTexts,
    Collector,
    GoldRecord,
    GoldSpan,
    UnitAnnotation,
    assemble,
    check_unit,
)
from crawler.export.annotation.readers import (
    BadExport,
    Counts,
    read_doccano,
    read_label_studio,
    read_prodigy,
)

ARTICLE = "مقدمة.\n\n🇲🇦 قال محمّد: «جدًا 👍🏽» ثم غادر القاعة مسرعا.\n\nخاتمة."
UNIT_START = ARTICLE.index("🇲🇦")
UNIT = ARTICLE[UNIT_START:ARTICLE.index("\n\nخاتمة")]
META = {"id": "a#p1", "article_id": "a", "unit": "paragraph", "start": UNIT_START,
        "end": UNIT_START + len(UNIT), "version": 1}
NAME, QUOTE = "محمّد", "جدًا 👍🏽"


def at(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


class Messages(list[str]):
    def __call__(self, message: str) -> None:
        self.append(message)


def read(reader: Any, path: Path, **options: Any) -> tuple[list[UnitAnnotation], Messages]:
    messages = Messages()
    return list(reader(path, messages, Counts(), **options)), messages


def region(start: int, end: int, label: str, text: str) -> dict[str, Any]:
    return {"from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": text, "labels": [label]}}


def test_label_studio_code_points_back_onto_the_article(tmp_path: Path) -> None:
    name, quote = at(UNIT, NAME), at(UNIT, QUOTE)
    wrong = (utf16(UNIT, quote[0]), utf16(UNIT, quote[1]))  # what a UTF-16 export would say
    tasks = [{"id": 7, "data": {"text": UNIT, **META}, "annotations": [
        {"id": 1, "completed_by": {"id": 3, "email": "huda@example.org"},
         "updated_at": "2024-12-01T10:00:00Z",
         "result": [region(*name, "SPEAKER", NAME), region(*wrong, "QUOTE", QUOTE)]},
        {"id": 2, "completed_by": 4, "was_cancelled": True, "result": []},
        {"id": 3, "completed_by": 5, "created_at": "2024-12-02T10:00:00Z", "result": []}]},
        {"id": 8, "data": {"text": "بلا تعليق"}, "annotations": []}]
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
    units, messages = read(read_label_studio, path)
    assert [(u.annotator, u.annotated_at) for u in units] == [
        ("huda@example.org", "2024-12-01T10:00:00Z"), ("label-studio:5", "2024-12-02T10:00:00Z")]
    [speaker] = units[0].spans
    assert ARTICLE[speaker.start:speaker.end] == NAME == speaker.text
    assert speaker.start == UNIT_START + name[0]
    # the misplaced quote is reported with what it covers, never shifted
    assert len(messages) == 1 and f"says {QUOTE!r} but covers" in messages[0]
    assert messages[0].startswith(f"{path}:task 7 annotation 1: span {wrong[0]}..{wrong[1]}")


def test_label_studio_jsonl_and_a_broken_array(tmp_path: Path) -> None:
    task = {"data": {"text": UNIT, **META},
            "annotations": [{"id": 1, "completed_by": 1, "result": []}]}
    lines = tmp_path / "ls.jsonl"
    lines.write_text(json.dumps(task) + "\n" + json.dumps(task) + "\n", encoding="utf-8")
    assert len(read(read_label_studio, lines)[0]) == 2
    broken = tmp_path / "broken.json"
    broken.write_text("[" + json.dumps(task) + ",", encoding="utf-8")
    with pytest.raises(BadExport, match="not closed"):
        read(read_label_studio, broken)


def test_label_studio_array_streamed_across_chunks(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("crawler.export.annotation.readers._CHUNK", 7)
    task = {"id": 1, "data": {"text": UNIT, **META},
            "annotations": [{"id": 1, "completed_by": 12345,
                             "result": [region(*at(UNIT, NAME), "SPEAKER", NAME)]}]}
    path = tmp_path / "ls.json"
    path.write_text(json.dumps([task, task, task], ensure_ascii=False), encoding="utf-8")
    units, messages = read(read_label_studio, path)
    assert len(units) == 3 and not messages
    assert {u.annotator for u in units} == {"label-studio:12345"}


def test_prodigy_accepted_answers_only(tmp_path: Path) -> None:
    name = at(UNIT, NAME)
    accepted = {"text": UNIT, "meta": META, "answer": "accept", "_annotator_id": "ds-huda",
                "_timestamp": 1733047200,
                "spans": [{"start": name[0], "end": name[1], "label": "SPEAKER"}]}
    path = tmp_path / "prodigy.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in [
        accepted, {**accepted, "answer": "reject"}, {**accepted, "answer": "ignore"},
        {**accepted, "meta": {}}, "not an example"]) + "\n{oops\n", encoding="utf-8")
    counts = Counts()
    messages = Messages()
    units = list(read_prodigy(path, messages, counts))
    assert [(u.annotator, u.annotated_at) for u in units] == [("ds-huda",
                                                              "2024-12-01T10:00:00Z")]
    assert [s.text for s in units[0].spans] == [NAME]
    assert counts.skipped == {"answer reject": 1, "answer ignore": 1, "no unit metadata": 1,
                              "not an example": 1, "not JSON": 1}
    assert any("not exported by crawler export" in m for m in messages)


def doccano_line(text: str, spans: list[tuple[int, int, str]], **meta: Any) -> str:
    unit_meta = {k: v for k, v in META.items() if k != "id"}
    return json.dumps({"id": 1, "text": text, "label": [list(s) for s in spans],
                       "unit_id": "a#p1", **unit_meta, **meta}, ensure_ascii=False)


def test_doccano_utf16_offsets_from_its_export_zip(tmp_path: Path) -> None:
    quote = at(UNIT, QUOTE)
    in_utf16 = (utf16(UNIT, quote[0]), utf16(UNIT, quote[1]))
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("huda.jsonl", doccano_line(UNIT, [(*in_utf16, "QUOTE")]) + "\n")
        archive.writestr("omar.jsonl", doccano_line(UNIT, []) + "\n" +
                         doccano_line(UNIT, [(1, 3, "LOC")]) + "\n")
    units, messages = read(read_doccano, path)
    assert [(u.annotator, [s.text for s in u.spans]) for u in units] == [("huda", [QUOTE]),
                                                                         ("omar", [])]
    assert messages == [f"{path}!omar.jsonl:2: span 1..3 LOC: UTF-16 offset 1 splits a "
                        f"surrogate pair; left out"]
    kept, _ = read(read_doccano, path, keep_empty=True)
    assert len(kept) == 3


def test_doccano_grapheme_offsets(tmp_path: Path) -> None:
    quote = at(UNIT, QUOTE)
    clusters = (UNIT[:quote[0]], UNIT[:quote[1]])
    import regex
    start, end = (len(regex.findall(r"\X", part)) for part in clusters)
    path = tmp_path / "huda.jsonl"
    path.write_text(doccano_line(UNIT, [(start, end, "QUOTE")]) + "\n", encoding="utf-8")
    units, _ = read(read_doccano, path, doccano_offsets="grapheme")
    assert [s.text for s in units[0].spans] == [QUOTE]
    assert units[0].annotator == "huda"
    units, messages = read(read_doccano, path)  # read as UTF-16 the same numbers miss
    assert [s.text for s in units[0].spans] != [QUOTE] or messages


def test_a_unit_whose_text_does_not_fit_its_offsets_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "huda.jsonl"
    path.write_text(doccano_line(UNIT + " زيادة", []) + "\n", encoding="utf-8")
    units, messages = read(read_doccano, path, keep_empty=True)
    assert units == [] and "offsets" in messages[0]


def unit(annotator: str, start: int, end: int, spans: list[tuple[int, int, str]],
         when: str = "2024-12-01T00:00:00Z", where: str = "f:1") -> UnitAnnotation:
    return UnitAnnotation(where, "a", 1, start, end, ARTICLE[start:end], annotator, "prodigy",
                          when, [GoldSpan(s, e, label, ARTICLE[s:e]) for s, e, label in spans])


def test_collector_groups_by_article_version_and_annotator() -> None:
    collector = Collector()
    name = at(ARTICLE, NAME)
    try:
        collector.add(unit("omar", 0, 6, []))
        collector.add(unit("huda", UNIT_START, UNIT_START + len(UNIT), [(*name, "SPEAKER")]))
        collector.add(unit("huda", 0, 6, []))
        groups = list(collector.groups())
        assert collector.article_ids() == {"a"}
    finally:
        collector.close()
    assert [[u.annotator for u in g] for g in groups] == [["huda", "huda"], ["omar"]]
    record = assemble(groups[0], Messages())
    assert [(s.start, s.end) for s in record.segments] == [(0, 6), (UNIT_START,
                                                               UNIT_START + len(UNIT))]
    assert record.spans == [GoldSpan(*name, "SPEAKER", NAME)]
    assert GoldRecord.from_json(json.loads(json.dumps(record.to_json()))) == record


def test_a_unit_annotated_twice_keeps_the_latest_and_says_so() -> None:
    messages = Messages()
    record = assemble([unit("huda", 0, 6, [(0, 5, "LOC")], "2024-12-02T00:00:00Z", "f:2"),
                       unit("huda", 0, 6, [], "2024-12-01T00:00:00Z", "f:1")], messages)
    assert [s.label for s in record.spans] == ["LOC"]
    assert "the annotation from f:1 is replaced" in messages[0]


def test_units_are_checked_against_the_article_version() -> None:
    texts = ArticleTexts()
    try:
        texts.load([{"id": "a", "version": 1, "text": ARTICLE},
                    {"id": "a", "version": 2, "text": ARTICLE.replace("محمّد", "محمد")},
                    {"id": "b", "version": 1, "text": "غيره"}], {"a"})
        assert texts.newest("a") == (2, ARTICLE.replace("محمّد", "محمد"))
        assert texts.text("b", 1) is None
        good = unit("huda", UNIT_START, UNIT_START + len(UNIT), [])
        messages = Messages()
        assert check_unit(good, texts.text("a", 1), messages)
        good.version = 2
        assert not check_unit(good, texts.text("a", 2), messages)
        assert "has other text at" in messages[0]
    finally:
        texts.close()
