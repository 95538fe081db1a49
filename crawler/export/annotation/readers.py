"""Read annotations back from each tool's own export, as ``UnitAnnotation``s on the articles.

Every record must carry the unit's metadata that ``crawler export`` wrote (``article_id``,
``start``, ``end``, ``version``). Offsets are converted from the tool's units (Label Studio and
Prodigy: code points; doccano: UTF-16 code units or graphemes) to code points of the unit, then
moved by the unit's start onto the article. A span is checked before it is kept: inside its
unit, on character boundaries, and covering the text the tool says it covers; any that is not
is reported with the reason and left out.

- Label Studio: its JSON export (an array of tasks, streamed) or JSONL; every submitted
  annotation that is not cancelled, annotator ``completed_by`` (an e-mail, or
  ``label-studio:<user id>``), time ``updated_at``.
- Prodigy: ``prodigy db-out`` JSONL; accepted answers only, annotator ``_annotator_id`` (else
  ``_session_id``), time ``_timestamp``.
- doccano: its export zip (one ``<user>.jsonl`` per annotator) or one such JSONL file
  (annotator: the file's name); doccano exports no time. Lines without labels are skipped
  unless ``keep_empty``: doccano lists every example for every user, annotated or not.
- gold: this package's own gold lines (to rebase them).
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from crawler.export.annotation.gold import GoldSpan, Report, UnitAnnotation, read_gold
from crawler.export.annotation.offsets import OffsetError, Scale

TOOLS = ("label-studio", "prodigy", "doccano", "gold")

_CHUNK = 1 << 20


class BadExport(ValueError):
    """The file is not an export of the tool named."""


@dataclass
class Counts:
    records: int = 0
    units: int = 0
    spans: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1


@dataclass(frozen=True, slots=True)
class RawSpan:
    start: int
    end: int
    label: str
    text: str | None
    """The text the tool says the span covers, where it says it."""


def iter_json_values(stream: IO[str]) -> Iterator[Any]:
    """The values of a JSON array read piece by piece, or of JSON Lines."""
    decoder = json.JSONDecoder()
    buffer = stream.read(_CHUNK).lstrip()
    if not buffer.startswith("["):
        for line in _lines(buffer, stream):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise BadExport(f"not JSON Lines: {exc}") from exc
        return
    position = 1
    while True:
        while True:
            position = _skip_blanks(buffer, position)
            if position < len(buffer) or not (more := stream.read(_CHUNK)):
                break
            buffer, position = buffer[position:] + more, 0
        if position >= len(buffer):
            raise BadExport("the JSON array is not closed")
        if buffer[position] == "]":
            return
        if buffer[position] == ",":
            position += 1
            continue
        while True:
            try:
                value, end = decoder.raw_decode(buffer, position)
            except json.JSONDecodeError as exc:
                more = stream.read(_CHUNK)
                if not more:
                    raise BadExport(f"not JSON: {exc}") from exc
                buffer, position = buffer[position:] + more, 0
                continue
            if end == len(buffer) and (more := stream.read(_CHUNK)):
                # a number or literal may go on in the next chunk
                buffer, position = buffer[position:] + more, 0
                continue
            break
        yield value
        position = end


def _skip_blanks(buffer: str, position: int) -> int:
    while position < len(buffer) and buffer[position] in " \t\r\n":
        position += 1
    return position


def _lines(head: str, stream: IO[str]) -> Iterator[str]:
    rest = ""
    for chunk in _chunks(head, stream):
        lines = (rest + chunk).split("\n")
        rest = lines.pop()
        yield from lines
    yield rest


def _chunks(head: str, stream: IO[str]) -> Iterator[str]:
    yield head
    while chunk := stream.read(_CHUNK):
        yield chunk


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"offset {value!r} is not an integer")
    return value


def place(where: str, meta: dict[str, Any], text: str, spans: Iterable[RawSpan], scale: str,
          annotator: str, tool: str, annotated_at: str | None, report: Report,
          counts: Counts) -> UnitAnnotation | None:
    """A unit annotation from a record's unit metadata, its text and its spans in the tool's
    units; reports and leaves out whatever does not fit."""
    article_id, start, end = meta.get("article_id"), meta.get("start"), meta.get("end")
    version = meta.get("version", 1)
    if not isinstance(article_id, str) or not isinstance(start, int) or \
            not isinstance(end, int) or not isinstance(version, int):
        report(f"{where}: no article_id, start, end and version in the record's data: "
               f"not exported by crawler export; skipped")
        counts.skip("no unit metadata")
        return None
    if end - start != len(text):
        report(f"{where}: the unit's text is {len(text)} characters long but its offsets "
               f"{start}..{end} say {end - start}; skipped")
        counts.skip("unit text does not fit its offsets")
        return None
    converter = Scale(text, scale)
    kept: list[GoldSpan] = []
    for span in spans:
        try:
            s, e = converter.to_codepoints(span.start), converter.to_codepoints(span.end)
        except OffsetError as exc:
            report(f"{where}: span {span.start}..{span.end} {span.label}: {exc}; left out")
            counts.skip("span offsets inside a character or outside the unit")
            continue
        if s >= e:
            report(f"{where}: span {span.start}..{span.end} {span.label} is empty; left out")
            counts.skip("empty span")
            continue
        covered = text[s:e]
        if span.text is not None and covered != span.text:
            report(f"{where}: span {span.start}..{span.end} {span.label} says {span.text!r} "
                   f"but covers {covered!r} in the unit; left out")
            counts.skip("span text does not match the unit")
            continue
        kept.append(GoldSpan(start + s, start + e, span.label, covered))
    counts.units += 1
    counts.spans += len(kept)
    return UnitAnnotation(where, article_id, version, start, end, text, annotator, tool,
                          annotated_at, kept)


# -- Label Studio ------------------------------------------------------------------------------


def _label_studio_annotator(annotation: dict[str, Any]) -> str:
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        who = who.get("email") or who.get("id")
    return who if isinstance(who, str) else f"label-studio:{who}"


def read_label_studio(path: Path, report: Report, counts: Counts,
                      **_: Any) -> Iterator[UnitAnnotation]:
    with path.open(encoding="utf-8") as stream:
        for n, task in enumerate(iter_json_values(stream)):
            counts.records += 1
            where = f"{path}:task {task.get('id', n) if isinstance(task, dict) else n}"
            if not isinstance(task, dict) or not isinstance(task.get("data"), dict) or \
                    not isinstance(task["data"].get("text"), str):
                report(f"{where}: not a Label Studio task with data.text; skipped")
                counts.skip("not a task")
                continue
            data = task["data"]
            annotations = [a for a in task.get("annotations") or []
                           if isinstance(a, dict) and not a.get("was_cancelled")]
            if not annotations:
                counts.skip("task without annotations")
                continue
            for annotation in annotations:
                try:
                    spans = [RawSpan(_int(value["start"]), _int(value["end"]), str(label),
                                     value.get("text"))
                             for region in annotation.get("result") or []
                             if region.get("type") == "labels" and (value := region["value"])
                             for label in value.get("labels") or []]
                except (KeyError, TypeError, AttributeError, ValueError) as exc:
                    report(f"{where}: annotation {annotation.get('id')} has a malformed region "
                           f"({exc!r}); skipped")
                    counts.skip("malformed region")
                    continue
                unit = place(f"{where} annotation {annotation.get('id')}", data, data["text"],
                             spans, "codepoint", _label_studio_annotator(annotation),
                             "label-studio",
                             annotation.get("updated_at") or annotation.get("created_at"),
                             report, counts)
                if unit is not None:
                    yield unit


# -- Prodigy -----------------------------------------------------------------------------------


def _iso(timestamp: Any) -> str | None:
    if isinstance(timestamp, int | float):
        return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return timestamp if isinstance(timestamp, str) else None


def read_prodigy(path: Path, report: Report, counts: Counts, annotator: str | None = None,
                 **_: Any) -> Iterator[UnitAnnotation]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            counts.records += 1
            where = f"{path}:{number}"
            try:
                example = json.loads(line)
            except json.JSONDecodeError as exc:
                report(f"{where}: not JSON: {exc}; skipped")
                counts.skip("not JSON")
                continue
            if not isinstance(example, dict) or not isinstance(example.get("text"), str):
                report(f"{where}: not a Prodigy example with text; skipped")
                counts.skip("not an example")
                continue
            if example.get("answer") != "accept":
                counts.skip(f"answer {example.get('answer')}")
                continue
            try:
                spans = [RawSpan(_int(s["start"]), _int(s["end"]), str(s["label"]), s.get("text"))
                         for s in example.get("spans") or []]
            except (KeyError, TypeError, ValueError) as exc:
                report(f"{where}: malformed span ({exc!r}); skipped")
                counts.skip("malformed span")
                continue
            who = example.get("_annotator_id") or example.get("_session_id") or annotator or \
                "prodigy"
            unit = place(where, example.get("meta") or {}, example["text"], spans, "codepoint",
                         str(who), "prodigy", _iso(example.get("_timestamp")), report, counts)
            if unit is not None:
                yield unit


# -- doccano -----------------------------------------------------------------------------------


def _doccano_members(path: Path) -> Iterator[tuple[str, str, IO[str]]]:
    """(where, annotator, lines) for each user's file of an export zip, or the file itself."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for name in sorted(archive.namelist()):
                if name.endswith(".jsonl"):
                    with archive.open(name) as member:
                        yield (f"{path}!{name}", Path(name).stem,
                               io.TextIOWrapper(member, encoding="utf-8"))
        return
    with path.open(encoding="utf-8") as stream:
        yield str(path), path.stem, stream


def read_doccano(path: Path, report: Report, counts: Counts, annotator: str | None = None,
                 doccano_offsets: str = "utf16", keep_empty: bool = False,
                 **_: Any) -> Iterator[UnitAnnotation]:
    for source, member_user, lines in _doccano_members(path):
        who = annotator or member_user
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            counts.records += 1
            where = f"{source}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                report(f"{where}: not JSON: {exc}; skipped")
                counts.skip("not JSON")
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                report(f"{where}: not a doccano line with text; skipped")
                counts.skip("not a doccano line")
                continue
            labels = record.get("label") or []
            if not labels and not keep_empty:
                counts.skip("line without labels")
                continue
            try:
                spans = [RawSpan(_int(s), _int(e), str(label), None) for s, e, label in labels]
            except (TypeError, ValueError) as exc:
                report(f"{where}: malformed label ({exc!r}); skipped")
                counts.skip("malformed span")
                continue
            unit = place(where, record, record["text"], spans, doccano_offsets, who, "doccano",
                         None, report, counts)
            if unit is not None:
                yield unit


# -- gold --------------------------------------------------------------------------------------


def read_gold_units(path: Path, report: Report, counts: Counts,
                    **_: Any) -> Iterator[UnitAnnotation]:
    for number, record in enumerate(read_gold(path), start=1):
        counts.records += 1
        for unit in record.units(f"{path}:{number}"):
            counts.units += 1
            counts.spans += len(unit.spans)
            yield unit


READERS: dict[str, Callable[..., Iterator[UnitAnnotation]]] = {
    "label-studio": read_label_studio,
    "prodigy": read_prodigy,
    "doccano": read_doccano,
    "gold": read_gold_units,
}
