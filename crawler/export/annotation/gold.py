"""Gold annotations: what annotators made in the tools, back on the articles.

One gold line per (article, version, annotator)::

    {"article_id", "version", "annotator", "tool", "annotated_at",
     "segments": [{"start", "end", "text"}],          # the parts of the article annotated
     "spans": [{"start", "end", "label", "text"}]}    # code points of the article's text

A tool's export gives ``UnitAnnotation``s (one annotator's spans on one unit: the article, a
paragraph or a sentence); ``Collector`` groups them by (article, version, annotator) in a
temporary SQLite file, so memory stays flat whatever the input size, and ``assemble`` makes a
gold line of each group. With the articles at hand (``ArticleTexts``) every unit is checked
against the text of its version: a unit whose text differs is reported with its spans and left
out, never shifted.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

Report = Callable[[str], None]


@dataclass(frozen=True, slots=True, order=True)
class GoldSpan:
    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class UnitAnnotation:
    """One annotator's spans on one unit; offsets are code points of the article's text."""
    where: str
    """``FILE:record`` of the tool's export, for messages."""
    article_id: str
    version: int
    start: int
    end: int
    text: str
    annotator: str
    tool: str
    annotated_at: str | None
    spans: list[GoldSpan] = field(default_factory=list)


@dataclass(slots=True)
class GoldRecord:
    article_id: str
    version: int
    annotator: str
    tool: str
    annotated_at: str | None
    segments: list[Segment]
    spans: list[GoldSpan]
    flagged: list[dict[str, Any]] | None = None
    """Spans a rebase could not move onto the newer text, with the reason."""
    rebased_from: int | None = None

    def to_json(self) -> dict[str, Any]:
        line = {"article_id": self.article_id, "version": self.version,
                "annotator": self.annotator, "tool": self.tool,
                "annotated_at": self.annotated_at,
                "segments": [asdict(s) for s in self.segments],
                "spans": [asdict(s) for s in self.spans]}
        if self.rebased_from is not None:
            line["rebased_from"] = self.rebased_from
            line["flagged"] = self.flagged or []
        return line

    @classmethod
    def from_json(cls, line: dict[str, Any]) -> GoldRecord:
        return cls(str(line["article_id"]), int(line["version"]), str(line["annotator"]),
                   str(line["tool"]), line.get("annotated_at"),
                   [Segment(int(s["start"]), int(s["end"]), str(s["text"]))
                    for s in line["segments"]],
                   [GoldSpan(int(s["start"]), int(s["end"]), str(s["label"]), str(s["text"]))
                    for s in line["spans"]],
                   line.get("flagged"), line.get("rebased_from"))

    def units(self, where: str) -> Iterator[UnitAnnotation]:
        """The record as unit annotations again, one per segment (to rebase a gold file)."""
        for segment in self.segments:
            inside = [s for s in self.spans
                      if segment.start <= s.start and s.end <= segment.end]
            yield UnitAnnotation(where, self.article_id, self.version, segment.start,
                                 segment.end, segment.text, self.annotator, self.tool,
                                 self.annotated_at, inside)


def dumps(record: GoldRecord) -> str:
    return json.dumps(record.to_json(), ensure_ascii=False, separators=(",", ":"))


def read_gold(path: Path | str) -> Iterator[GoldRecord]:
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                try:
                    yield GoldRecord.from_json(json.loads(line))
                except (ValueError, KeyError, TypeError) as exc:
                    raise ValueError(f"{path}:{number}: not a gold line: {exc}") from exc


def _unit_json(unit: UnitAnnotation) -> str:
    return json.dumps([unit.where, unit.start, unit.end, unit.text, unit.tool,
                       unit.annotated_at, [[s.start, s.end, s.label, s.text] for s in unit.spans]],
                      ensure_ascii=False, separators=(",", ":"))


def _scratch_db(prefix: str, directory: str | None) -> tuple[sqlite3.Connection, str]:
    """A new SQLite file for this process alone (no journal: it is thrown away at the end)."""
    handle, path = tempfile.mkstemp(prefix=prefix, suffix=".sqlite3", dir=directory)
    os.close(handle)
    return sqlite3.connect(path), path


class Collector:
    """Unit annotations grouped by (article, version, annotator) on disk."""

    def __init__(self, directory: str | None = None):
        self._db, self._path = _scratch_db("gold-", directory)
        self._db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                               "CREATE TABLE unit (article TEXT, version INTEGER, annotator TEXT,"
                               " seq INTEGER, body TEXT)")
        self.count = 0

    def add(self, unit: UnitAnnotation) -> None:
        self._db.execute("INSERT INTO unit VALUES (?, ?, ?, ?, ?)",
                         (unit.article_id, unit.version, unit.annotator, self.count,
                          _unit_json(unit)))
        self.count += 1

    def article_ids(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT DISTINCT article FROM unit")}

    def groups(self) -> Iterator[list[UnitAnnotation]]:
        """The unit annotations of each (article, version, annotator), in that order."""
        self._db.execute("CREATE INDEX IF NOT EXISTS by_key ON unit (article, version, "
                         "annotator, seq)")
        group: list[UnitAnnotation] = []
        key: tuple[str, int, str] | None = None
        for article, version, annotator, body in self._db.execute(
                "SELECT article, version, annotator, body FROM unit "
                "ORDER BY article, version, annotator, seq"):
            where, start, end, text, tool, annotated_at, spans = json.loads(body)
            if (article, version, annotator) != key and group:
                yield group
                group = []
            key = (article, version, annotator)
            group.append(UnitAnnotation(where, article, version, start, end, text, annotator,
                                        tool, annotated_at,
                                        [GoldSpan(*span) for span in spans]))
        if group:
            yield group

    def close(self) -> None:
        self._db.close()
        os.unlink(self._path)


class ArticleTexts:
    """The texts of the articles that were annotated, every version, kept on disk."""

    def __init__(self, directory: str | None = None):
        self._db, self._path = _scratch_db("articles-", directory)
        self._db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                               "CREATE TABLE article (id TEXT, version INTEGER, text TEXT,"
                               " PRIMARY KEY (id, version))")

    def load(self, articles: Iterable[dict[str, Any]], wanted: set[str]) -> int:
        """Keeps the texts of ``wanted`` articles; returns how many versions were kept."""
        kept = 0
        for item in articles:
            if item["id"] in wanted:
                version = item.get("version")
                self._db.execute("INSERT OR REPLACE INTO article VALUES (?, ?, ?)",
                                 (item["id"], version if isinstance(version, int) else 1,
                                  item["text"]))
                kept += 1
        return kept

    def text(self, article_id: str, version: int) -> str | None:
        row = self._db.execute("SELECT text FROM article WHERE id = ? AND version = ?",
                               (article_id, version)).fetchone()
        return row[0] if row else None

    def newest(self, article_id: str) -> tuple[int, str] | None:
        row = self._db.execute("SELECT version, text FROM article WHERE id = ? "
                               "ORDER BY version DESC LIMIT 1", (article_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def close(self) -> None:
        self._db.close()
        os.unlink(self._path)


def check_unit(unit: UnitAnnotation, article_text: str | None, report: Report) -> bool:
    """True when the unit's text is the article's text at the unit's offsets; else reports the
    unit and every span on it."""
    if article_text is None or article_text[unit.start:unit.end] == unit.text:
        return True
    labels = ", ".join(f"{s.label} {s.text!r}" for s in unit.spans) or "no spans"
    report(f"{unit.where}: article {unit.article_id} version {unit.version} has other text at "
           f"{unit.start}..{unit.end} than the unit; left out ({labels})")
    return False


def assemble(group: list[UnitAnnotation], report: Report) -> GoldRecord:
    """One gold line from one (article, version, annotator)'s unit annotations; a unit
    annotated twice keeps its latest annotation."""
    latest: dict[tuple[int, int], UnitAnnotation] = {}
    for unit in group:
        key = (unit.start, unit.end)
        if key in latest:
            earlier = latest[key]
            if (unit.annotated_at or "") < (earlier.annotated_at or ""):
                unit, earlier = earlier, unit
            report(f"{unit.where}: {unit.annotator} annotated unit {unit.start}..{unit.end} of "
                   f"{unit.article_id} again; the annotation from {earlier.where} is replaced")
        latest[key] = unit
    units = sorted(latest.values(), key=lambda u: (u.start, u.end))
    first = units[0]
    times = [u.annotated_at for u in units if u.annotated_at]
    spans = sorted({span for unit in units for span in unit.spans})
    return GoldRecord(first.article_id, first.version, first.annotator, first.tool,
                      max(times) if times else None,
                      [Segment(u.start, u.end, u.text) for u in units], spans)
