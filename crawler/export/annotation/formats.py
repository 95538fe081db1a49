"""Output formats: one annotation unit becomes one task / example / line.

- ``label-studio``: a JSON array of tasks ``{"data": {"text", meta...}, "predictions":
  [{"model_version", "score", "result": [{"from_name": "label", "to_name": "text", "type":
  "labels", "value": {"start", "end", "text", "labels"}}]}]}``; offsets count UTF-16 code units,
  as Label Studio's JavaScript front end does. ``LABEL_CONFIG`` is the matching labelling config.
- ``prodigy``: JSONL ``{"text", "meta", "tokens": [{"text", "start", "end", "id", "ws"}],
  "spans": [{"start", "end", "label", "token_start", "token_end", "text"}]}``; code points.
- ``doccano``: JSONL ``{"text", "label": [[start, end, "LABEL"], ...], meta...}`` (sequence
  labelling import; other keys become metadata); code points.
- ``jsonl``: JSONL ``{"id", "text", "meta", "spans": [{"start", "end", "label", "text"}]}``;
  code points.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Callable, Set
from typing import IO, Any

from crawler.export.annotation.preannotate import LABELS
from crawler.export.annotation.units import Unit

MODEL_VERSION = "arabstoday-rules-1"

FORMATS = ("label-studio", "prodigy", "doccano", "jsonl")


LABEL_CONFIG = """<View style="direction: rtl">
  <Labels name="label" toName="text">
{labels}
  </Labels>
  <Text name="text" value="$text" granularity="symbol"/>
</View>
""".format(labels="\n".join(f'    <Label value="{label}"/>' for label in LABELS))


def utf16_offsets(text: str) -> Callable[[int], int]:
    """Maps a code-point offset in ``text`` to a UTF-16 code-unit offset."""
    if text.isascii() or max(text, default="\0") <= "\uffff":
        return lambda offset: offset
    astral = [i for i, ch in enumerate(text) if ch > "\uffff"]

    def convert(offset: int) -> int:
        return offset + sum(1 for i in astral if i < offset)
    return convert


def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def label_studio_task(unit: Unit, item: dict[str, Any]) -> dict[str, Any]:
    data = {"text": unit.text, **unit.meta(item)}
    task: dict[str, Any] = {"data": data}
    if unit.spans:
        to16 = utf16_offsets(unit.text)
        result = [{"id": f"r{n}", "from_name": "label", "to_name": "text", "type": "labels",
                   "origin": "prediction",
                   "value": {"start": to16(s.start), "end": to16(s.end),
                             "text": unit.text[s.start:s.end], "labels": [s.label]}}
                  for n, s in enumerate(unit.spans)]
        task["predictions"] = [{"model_version": MODEL_VERSION, "score": 1.0, "result": result}]
    return task


_TOKEN = re.compile(r"\w+|[^\w\s]")


def tokens(text: str, cuts: Set[int] = frozenset()) -> list[dict[str, Any]]:
    """Words and punctuation marks, also cut at every offset in ``cuts`` (span boundaries), so
    that every span starts and ends on a token boundary."""
    bounds = sorted(cuts)
    size = len(text)
    out: list[dict[str, Any]] = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        k = bisect_right(bounds, start) if bounds else 0
        while k < len(bounds) and bounds[k] < end:
            out.append({"text": text[start:bounds[k]], "start": start, "end": bounds[k],
                        "id": len(out), "ws": False})
            start = bounds[k]
            k += 1
        out.append({"text": text[start:end], "start": start, "end": end, "id": len(out),
                    "ws": end < size and text[end].isspace()})
    return out


def prodigy_example(unit: Unit, item: dict[str, Any]) -> dict[str, Any]:
    toks = tokens(unit.text, {c for s in unit.spans for c in (s.start, s.end)})
    first_at = {t["start"]: t["id"] for t in toks}
    last_at = {t["end"]: t["id"] for t in toks}
    spans = [{"start": s.start, "end": s.end, "label": s.label, "text": unit.text[s.start:s.end],
              "token_start": first_at[s.start], "token_end": last_at[s.end]}
             for s in unit.spans]
    return {"text": unit.text, "meta": unit.meta(item), "tokens": toks, "spans": spans}


def doccano_line(unit: Unit, item: dict[str, Any]) -> dict[str, Any]:
    meta = unit.meta(item)
    meta["unit_id"] = meta.pop("id")
    return {"text": unit.text, "label": [[s.start, s.end, s.label] for s in unit.spans], **meta}


def jsonl_line(unit: Unit, item: dict[str, Any]) -> dict[str, Any]:
    return {"id": unit.unit_id, "text": unit.text, "meta": unit.meta(item),
            "spans": [{"start": s.start, "end": s.end, "label": s.label,
                       "text": unit.text[s.start:s.end]} for s in unit.spans]}


CONVERTERS: dict[str, Callable[[Unit, dict[str, Any]], dict[str, Any]]] = {
    "label-studio": label_studio_task,
    "prodigy": prodigy_example,
    "doccano": doccano_line,
    "jsonl": jsonl_line,
}


class Writer:
    """Writes records one by one: JSON Lines, or (Label Studio) one JSON array streamed."""

    def __init__(self, out: IO[str], fmt: str):
        if fmt not in CONVERTERS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
        self.out = out
        self.convert = CONVERTERS[fmt]
        self.array = fmt == "label-studio"
        self.count = 0
        if self.array:
            out.write("[")

    def write(self, unit: Unit, item: dict[str, Any]) -> None:
        line = _dumps(self.convert(unit, item))
        if self.array:
            self.out.write(("\n" if self.count == 0 else ",\n") + line)
        else:
            self.out.write(line + "\n")
        self.count += 1

    def close(self) -> None:
        if self.array:
            self.out.write("\n]\n")
        self.out.flush()
