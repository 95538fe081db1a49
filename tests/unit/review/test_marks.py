"""The marks file: what the pages write, and one clear line for what they never write."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.review.marks import Mark, MarksError, Move, parse_marks, read_marks


def test_marks_as_the_pages_write_them() -> None:
    marks = parse_marks({
        "arabstoday-1": {"verdict": "right", "moved": []},
        "arabstoday-2": {"verdict": "wrong", "moved": [{"block": 3, "role": "boilerplate"},
                                                       {"block": 12, "role": "body"}]},
        "arabstoday-3": {"verdict": "right"},
    })
    assert marks == {
        "arabstoday-1": Mark("right"),
        "arabstoday-2": Mark("wrong", (Move(3, "boilerplate"), Move(12, "body"))),
        "arabstoday-3": Mark("right"),
    }


@pytest.mark.parametrize(("data", "message"), [
    ([], "must be a JSON object"),
    ({"a": "right"}, "mark of 'a': verdict"),
    ({"a": {"verdict": "maybe"}}, "verdict must be one of right, wrong"),
    ({"a": {"verdict": "wrong", "moved": {"block": 1}}}, "moved must be a list"),
    ({"a": {"verdict": "wrong", "moved": [{"block": "3", "role": "body"}]}}, "block number"),
    ({"a": {"verdict": "wrong", "moved": [{"block": True, "role": "body"}]}}, "block number"),
    ({"a": {"verdict": "wrong", "moved": [{"block": -1, "role": "body"}]}}, "block number"),
    ({"a": {"verdict": "wrong", "moved": [{"block": 3, "role": "headline"}]}}, "a role"),
])
def test_bad_marks_are_named(data: object, message: str) -> None:
    with pytest.raises(MarksError, match=message):
        parse_marks(data)


def test_a_missing_or_broken_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(MarksError, match="download it from the site's pages"):
        read_marks(tmp_path / "marks.json")
    (tmp_path / "marks.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(MarksError, match="is not JSON"):
        read_marks(tmp_path / "marks.json")
    (tmp_path / "marks.json").write_bytes(b'\xef\xbb\xbf{"a": {"verdict": "right"}}')
    assert read_marks(tmp_path / "marks.json") == {"a": Mark("right")}
