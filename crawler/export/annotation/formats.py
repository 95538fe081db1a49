"""Output formats: one annotation unit becomes one task / example / line.

Offsets count what each tool counts (see ``offsets``):

- ``label-studio``: a JSON array of tasks ``{"data": {"text", "date", meta...}, "predictions":
  [{"model_version", "score", "result": [{"from_name": "label", "to_name": "text", "type":
  "labels", "value": {"start", "end", "text", "labels"}}]}]}``; code points, as its front end
  splits the text. ``label_config()`` is the matching labelling config: title, site and date
  above the text, right to left.
- ``prodigy``: JSONL ``{"text", "meta", "tokens": [{"text", "start", "end", "id", "ws"}],
  "spans": [{"start", "end", "label", "token_start", "token_end", "text"}]}``; code points;
  tokens from ``tokens.tokenize`` (marks stay in their word, emoji sequences whole).
- ``doccano``: JSONL ``{"text", "label": [[start, end, "LABEL"], ...], meta...}`` (sequence
  labelling import; other keys become metadata); UTF-16 code units, or grapheme clusters for a
  project in grapheme mode. ``doccano_label_types()`` is its label-types file.
- ``jsonl``: JSONL ``{"id", "text", "meta", "spans": [{"start", "end", "label", "text"}]}``;
  code points.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import IO, Any
from xml.sax.saxutils import quoteattr

from crawler.export.annotation.offsets import Scale
from crawler.export.annotation.preannotate import LABELS
from crawler.export.annotation.tokens import tokenize
from crawler.export.annotation.units import Unit

MODEL_VERSION = "arabstoday-rules-1"

FORMATS = ("label-studio", "prodigy", "doccano", "jsonl")

DOCCANO_OFFSETS = ("utf16", "grapheme")

LABEL_STYLE: dict[str, tuple[str, str]] = {
    "QUOTE": ("#2f6fde", "q"),
    "SPEAKER": ("#e07b00", "s"),
    "AUTHOR": ("#238b45", "a"),
    "LOC": ("#c2185b", "l"),
}
"""Colour and shortcut key of every label, the same in Label Studio and doccano."""

NO_DATE = "—"


def label_config() -> str:
    """The Label Studio labelling config: title, site and date above the text, right to left."""
    labels = "\n".join(f'    <Label value={quoteattr(label)} background="{LABEL_STYLE[label][0]}"'
                       f' hotkey="{LABEL_STYLE[label][1]}"/>' for label in LABELS)
    return f"""<View style="direction: rtl; text-align: right">
  <Header value="$title" size="4"/>
  <View style="display: flex; gap: 1em; color: #555">
    <Header value="$site_name" size="6"/>
    <Header value="$date" size="6"/>
  </View>
  <Labels name="label" toName="text">
{labels}
  </Labels>
  <Text name="text" value="$text" granularity="symbol"/>
</View>
"""


LABEL_CONFIG = label_config()


def doccano_label_types() -> list[dict[str, Any]]:
    """doccano's span-type file (Labels > Actions > Import Labels): every label, its colour."""
    return [{"text": label, "suffix_key": LABEL_STYLE[label][1],
             "background_color": LABEL_STYLE[label][0], "text_color": "#ffffff"}
            for label in LABELS]


def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def label_studio_task(unit: Unit, item: dict[str, Any]) -> dict[str, Any]:
    published = item.get("published_at")
    data = {"text": unit.text, **unit.meta(item),
            "date": published[:10] if isinstance(published, str) and published else NO_DATE}
    for name in ("title", "site_name"):  # the config shows them: a string, never null
        data[name] = data.get(name) or ""
    task: dict[str, Any] = {"data": data}
    if unit.spans:
        result = [{"id": f"r{n}", "from_name": "label", "to_name": "text", "type": "labels",
                   "origin": "prediction",
                   "value": {"start": s.start, "end": s.end,
                             "text": unit.text[s.start:s.end], "labels": [s.label]}}
                  for n, s in enumerate(unit.spans)]
        task["predictions"] = [{"model_version": MODEL_VERSION, "score": 1.0, "result": result}]
    return task


def tokens(text: str, cuts: Iterable[int] = ()) -> list[dict[str, Any]]:
    """Prodigy's token dicts for ``text``, cut at ``cuts``."""
    return [{"text": text[t.start:t.end], "start": t.start, "end": t.end, "id": n, "ws": t.ws}
            for n, t in enumerate(tokenize(text, cuts))]


def prodigy_example(unit: Unit, item: dict[str, Any]) -> dict[str, Any]:
    toks = tokens(unit.text, [c for s in unit.spans for c in (s.start, s.end)])
    first_at = {t["start"]: t["id"] for t in toks}
    last_at = {t["end"]: t["id"] for t in toks}
    spans = [{"start": s.start, "end": s.end, "label": s.label, "text": unit.text[s.start:s.end],
              "token_start": first_at[s.start], "token_end": last_at[s.end]}
             for s in unit.spans]
    return {"text": unit.text, "meta": unit.meta(item), "tokens": toks, "spans": spans}


def doccano_converter(offsets: str = "utf16") -> Callable[[Unit, dict[str, Any]], dict[str, Any]]:
    """doccano lines with span offsets in ``offsets`` units (its default UTF-16, or grapheme
    clusters for a project with grapheme mode on)."""
    if offsets not in DOCCANO_OFFSETS:
        raise ValueError(f"doccano offsets must be one of {', '.join(DOCCANO_OFFSETS)}, "
                         f"got {offsets!r}")

    def doccano_line(unit: Unit, item: dict[str, Any]) -> dict[str, Any]:
        meta = unit.meta(item)
        meta["unit_id"] = meta.pop("id")
        scale = Scale(unit.text, offsets)
        label = [[scale.to_units(s.start), scale.to_units(s.end), s.label] for s in unit.spans]
        return {"text": unit.text, "label": label, **meta}
    return doccano_line


def jsonl_line(unit: Unit, item: dict[str, Any]) -> dict[str, Any]:
    return {"id": unit.unit_id, "text": unit.text, "meta": unit.meta(item),
            "spans": [{"start": s.start, "end": s.end, "label": s.label,
                       "text": unit.text[s.start:s.end]} for s in unit.spans]}


CONVERTERS: dict[str, Callable[[Unit, dict[str, Any]], dict[str, Any]]] = {
    "label-studio": label_studio_task,
    "prodigy": prodigy_example,
    "doccano": doccano_converter("utf16"),
    "jsonl": jsonl_line,
}


class Writer:
    """Writes records one by one: JSON Lines, or (Label Studio) one JSON array streamed."""

    def __init__(self, out: IO[str], fmt: str, doccano_offsets: str = "utf16"):
        if fmt not in CONVERTERS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
        self.out = out
        self.convert = doccano_converter(doccano_offsets) if fmt == "doccano" else CONVERTERS[fmt]
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
