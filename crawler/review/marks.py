"""The marks file a reviewer writes from the site's pages (download or copy-paste):

    {"<article id>": {"verdict": "right" | "wrong", "moved": [{"block": 12, "role": "body"}]}}

``moved`` lists the blocks of a page marked wrong that belong to another role (block numbers
are the page's, as its article page shows them).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crawler.review.roles import ROLES

VERDICTS = ("right", "wrong")


class MarksError(ValueError):
    """The marks file cannot be used; the message is one line for the user."""


@dataclass(frozen=True)
class Move:
    block: int
    role: str


@dataclass(frozen=True)
class Mark:
    verdict: str
    moved: tuple[Move, ...] = ()


def parse_marks(data: Any) -> dict[str, Mark]:
    """The marks of a decoded marks file; MarksError names the first bad entry."""
    if not isinstance(data, dict):
        raise MarksError("marks must be a JSON object {article id: mark}")
    marks = {}
    for article, mark in data.items():
        if not isinstance(mark, dict) or mark.get("verdict") not in VERDICTS:
            raise MarksError(f"mark of {article!r}: verdict must be one of {', '.join(VERDICTS)}")
        moved = mark.get("moved") or []
        if not isinstance(moved, list):
            raise MarksError(f"mark of {article!r}: moved must be a list")
        moves = []
        for move in moved:
            if not (isinstance(move, dict) and isinstance(move.get("block"), int)
                    and not isinstance(move.get("block"), bool) and move["block"] >= 0
                    and move.get("role") in ROLES):
                raise MarksError(f"mark of {article!r}: each moved block needs a block number "
                                 f"and a role ({', '.join(ROLES)})")
            moves.append(Move(move["block"], move["role"]))
        marks[str(article)] = Mark(mark["verdict"], tuple(moves))
    return marks


def read_marks(path: Path) -> dict[str, Mark]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise MarksError(f"no marks file {path}: download it from the site's pages and save it "
                         "there") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise MarksError(f"cannot read {path}: {exc}") from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise MarksError(f"{path} is not JSON: {exc}") from exc
    return parse_marks(data)
