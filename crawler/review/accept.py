"""``crawler review --accept DIR -o tests/fixtures``: from marks to regression tests.

Each page marked right becomes a fixture in the existing form (crawler.fixtures): the page as
fetched and the item the extractor gives on it, which must be the item that was reviewed; the
fixture is then checked the way tests/unit/extract/test_fixtures.py checks it. Pages marked
wrong are listed with the blocks the reviewer moved, and written to ``DIR/wrong.json``.
"""

from __future__ import annotations

import gzip
import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crawler.extract.article import NotAnArticle, extract_article
from crawler.extract.page import decode_html
from crawler.fixtures import expected_item, fixture_paths, page_type, save_fixture
from crawler.review.marks import Mark, MarksError, read_marks
from crawler.review.site import MARKS_FILE, PAGES, SITE_FILE

CHECK_FETCHED_AT = "2030-01-01T00:00:00Z"
"""Any time: ``fetched_at`` is volatile, fixtures leave it out."""


class AcceptError(ValueError):
    """The site or its marks cannot be used; the message is one line for the user."""


@dataclass(frozen=True)
class Accepted:
    id: str
    html_path: Path
    json_path: Path
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Moved:
    block: int
    was: str
    rule: str
    role: str
    text: str


@dataclass(frozen=True)
class Wrong:
    id: str
    url: str
    moved: tuple[Moved, ...]


@dataclass
class Outcome:
    accepted: list[Accepted] = field(default_factory=list)
    wrong: list[Wrong] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    """(id, why) of pages marked right that could not become fixtures."""
    drops: list[str] = field(default_factory=list)
    """Dropped pages marked right: the drop was right (the fixture form holds articles only)."""
    wrong_file: Path | None = None

    def listing(self) -> str:
        lines = [f"accepted {len(self.accepted)}, wrong {len(self.wrong)}, "
                 f"refused {len(self.refused)}, confirmed drops {len(self.drops)}"]
        for done in self.accepted:
            lines.append(f"fixture {done.html_path} (+ .json)")
            lines.extend(f"  note: {note}" for note in done.notes)
        for page, why in self.refused:
            lines.append(f"refused {page}: {why}")
        for page in self.drops:
            lines.append(f"drop confirmed {page} (no fixture: fixtures hold articles)")
        for wrong in self.wrong:
            lines.append(f"wrong {wrong.id} {wrong.url}")
            if not wrong.moved:
                lines.append("  (no block moved)")
            for move in wrong.moved:
                text = move.text if len(move.text) <= 80 else move.text[:79] + "…"
                lines.append(f"  block {move.block}: {move.was} -> {move.role} "
                             f"({move.rule}): {text}")
        if self.wrong_file:
            lines.append(f"pages marked wrong written to {self.wrong_file}")
        return "\n".join(lines)


def accept(site: Path, root: Path, marks_path: Path | None = None) -> Outcome:
    """Fixtures under ``root`` from the pages of ``site`` marked right; the wrong ones listed."""
    if not (site / SITE_FILE).is_file():
        raise AcceptError(f"{site} is not a review site (no {SITE_FILE})")
    try:
        marks = read_marks(marks_path or site / MARKS_FILE)
    except MarksError as exc:
        raise AcceptError(str(exc)) from exc
    outcome = Outcome()
    for page, mark in sorted(marks.items()):
        record = _record(site, page)
        if record is None:
            outcome.refused.append((page, "not a page of this review site"))
        elif mark.verdict == "wrong":
            outcome.wrong.append(_wrong(page, record, mark))
        elif record.get("item") is None:
            if record.get("dropped"):
                outcome.drops.append(page)
            else:
                outcome.refused.append((page, f"no article on the page ({record.get('reason')})"))
        else:
            _accept_right(site, root, page, record, outcome)
    if outcome.wrong:
        outcome.wrong_file = site / "wrong.json"
        outcome.wrong_file.write_text(json.dumps(
            [{"id": w.id, "url": w.url, "moved": [move.__dict__ for move in w.moved]}
             for w in outcome.wrong], ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return outcome


def _record(site: Path, page: str) -> dict[str, Any] | None:
    if "/" in page or "\\" in page or page.startswith("."):
        return None
    try:
        record = json.loads((site / PAGES / f"{page}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def _wrong(page: str, record: dict[str, Any], mark: Mark) -> Wrong:
    blocks = {b.get("index"): b for b in record.get("blocks") or [] if isinstance(b, dict)}
    moved = []
    for move in mark.moved:
        block = blocks.get(move.block, {})
        moved.append(Moved(move.block, str(block.get("role", "?")), str(block.get("rule", "?")),
                           move.role, str(block.get("text", "(no such block)"))))
    return Wrong(page, str(record.get("url")), tuple(moved))


def _accept_right(site: Path, root: Path, page: str, record: dict[str, Any],
                  outcome: Outcome) -> None:
    reviewed: dict[str, Any] = record["item"]
    if not reviewed.get("site"):
        outcome.refused.append((page, "not a network article URL: fixtures are filed by site"))
        return
    try:
        with gzip.open(site / PAGES / f"{page}.html.gz", "rb") as stream:
            body = stream.read()
    except (OSError, EOFError, zlib.error) as exc:
        outcome.refused.append((page, f"the archived page is not readable ({exc})"))
        return
    url, feed = str(record["url"]), record.get("feed") or {}
    notes = []
    if record.get("template_removed"):
        notes.append(f"the crawl's item lost {record['template_removed']} paragraph(s) to "
                     "template learning; the fixture holds what the extractor alone gives")
    chosen = None
    for html in _candidates(body, record.get("content_type")):
        if _extracted(html, url, feed) == reviewed:
            chosen = html
            break
    if chosen is None:
        now = _extracted(body, url, feed)
        fields = sorted(k for k in set(reviewed) | set(now or {})
                        if reviewed.get(k) != (now or {}).get(k)) if now else ["(no article)"]
        outcome.refused.append((page, "the extractor now gives another item than the one "
                                      f"reviewed ({', '.join(fields)}): build the site again "
                                      "and review the page"))
        return
    if chosen is not body:
        notes.append("saved as UTF-8: the page's charset was only in the HTTP header")
    try:
        existed = fixture_paths(reviewed, page, root)[1].exists()
        html_path, json_path = save_fixture(chosen, reviewed, page, root)
    except (OSError, ValueError) as exc:
        outcome.refused.append((page, f"cannot write the fixture: {exc}"))
        return
    problem = check_fixture(html_path, json_path)
    if problem:
        html_path.unlink(missing_ok=True)
        json_path.unlink(missing_ok=True)
        outcome.refused.append((page, f"the written fixture does not pass: {problem}"))
        return
    if existed:
        notes.append("replaced the fixture of the same name")
    outcome.accepted.append(Accepted(page, html_path, json_path, tuple(notes)))


def _candidates(body: bytes, content_type: str | None) -> list[bytes]:
    """The page as fetched, then as UTF-8 when its charset came from the HTTP header only."""
    candidates = [body]
    as_utf8 = decode_html(body, content_type).encode("utf-8")
    if as_utf8 != body:
        candidates.append(as_utf8)
    return candidates


def _extracted(html: bytes, url: str, feed: dict[str, Any]) -> dict[str, Any] | None:
    try:
        return expected_item(extract_article(html, url, feed=feed, fetched_at=CHECK_FETCHED_AT))
    except NotAnArticle:
        return None


def check_fixture(html_path: Path, json_path: Path) -> str | None:
    """What tests/unit/extract/test_fixtures.py would find wrong with a fixture (None: it
    passes)."""
    expected = json.loads(json_path.read_text(encoding="utf-8"))
    item = _extracted(html_path.read_bytes(), expected["url"], expected["feed"])
    if item is None:
        return "no article"
    if item != expected:
        return "the item differs: " + ", ".join(
            sorted(k for k in set(item) | set(expected) if item.get(k) != expected.get(k)))
    if html_path.parent.name != page_type(item) or html_path.parent.parent.name != item["site"]:
        return f"filed under {html_path.parent}, not {item['site']}/{page_type(item)}"
    return None
