"""Arabic sentence splitting that keeps numbers, abbreviations and quotations intact.

A sentence ends at ``.``, ``!``, ``?`` or ``؟`` (with any closing quotes or brackets right after
it) followed by white space or the end of the text, except:

- inside a quotation («...», "...", “...”) or brackets: quoted speech stays one sentence;
- a point between digits (3.5, 1.200.000) or after a lone number opening the sentence (1.);
- a point after an abbreviation: a single letter (د. أ. م. ص.ب. U.S.) or a listed word;
- an ellipsis (... or …), which Arabic news uses inside sentences.

Offsets are code points into the text given; spans never include surrounding white space.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import regex

TERMINATORS = frozenset(".!?؟")

CLOSERS = frozenset("»”\")]’'")


PAIRS = {"«": "»", "“": "”", "(": ")", "[": "]"}

SYMMETRIC = '"'


ABBREVIATIONS = frozenset({
    # Arabic (after tatweel removal): doctor, professor, engineer, Hijri, box, page, number, ...
    "هـ", "ه", "د", "أ", "م", "ص", "ج", "ت", "ق", "ب", "س", "ش", "ع", "ك", "ر",
    "دكتور", "مهندس", "أستاذ", "ميلادي", "هجري", "تلفون", "ص.ب",
    # Latin, lower-cased
    "dr", "mr", "mrs", "ms", "prof", "st", "no", "vs", "etc", "inc", "ltd", "jr", "sr",
})

# regex's \w takes in combining marks, so "جدًا." ends on a word, not on the lone letter "ا"
_WORD_BEFORE = regex.compile(r"([^\W\d_]+)\W*$")

_MARK = regex.compile(r"\p{M}")


_LONE_NUMBER = re.compile(r"^[\d٠-٩]{1,3}$")

_MARKS = re.compile('[«»“”()\\[\\]"]')


_TERMINATOR = re.compile("[.!?؟]")


def protected_ranges(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(open, close) offsets of the outermost balanced quotations and brackets in
    ``text[start:end]``, in order; unbalanced marks are ignored."""
    end = len(text) if end is None else end
    ranges: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    symmetric_open: int | None = None
    for match in _MARKS.finditer(text, start, end):
        ch, i = match.group(), match.start()
        if ch in PAIRS:
            stack.append((PAIRS[ch], i))
        elif ch == SYMMETRIC:
            if stack:
                continue
            if symmetric_open is None:
                symmetric_open = i
            else:
                ranges.append((symmetric_open, i))
                symmetric_open = None
        else:  # a closer; openers that never closed are dropped
            while stack and stack[-1][0] != ch:
                stack.pop()
            if stack:
                _, opened = stack.pop()
                if not stack and symmetric_open is None:
                    ranges.append((opened, i))
    return ranges


def _is_abbreviation(text: str, start: int, point: int) -> bool:
    before = text[max(start, point - 24):point].replace("\u0640", "")
    match = _WORD_BEFORE.search(before)
    if not match or match.end() != len(before):
        return False
    word = _MARK.sub("", match.group(1))
    return len(word) == 1 or word.lower() in ABBREVIATIONS


def _keeps_going(text: str, start: int, i: int, end: int) -> bool:
    """True when the terminator at ``i`` does not end a sentence."""
    ch = text[i]
    if ch != ".":
        return False
    if (i + 1 < end and text[i + 1] == ".") or (i > start and text[i - 1] == "."):
        return True  # ellipsis
    if i > start and text[i - 1].isdigit() and i + 1 < end and text[i + 1].isdigit():
        return True  # decimal or thousands point
    if _is_abbreviation(text, start, i):
        return True
    return bool(_LONE_NUMBER.match(text[start:i].strip()))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) code-point spans of the sentences of ``text[start:end]``."""
    end = len(text) if end is None else end
    ranges = protected_ranges(text, start, end)
    opens = [opened for opened, _ in ranges]
    spans: list[tuple[int, int]] = []
    sentence_start = start
    for match in _TERMINATOR.finditer(text, start, end):
        i = match.start()
        if i < sentence_start:
            continue  # part of the previous sentence's closing run
        k = bisect_right(opens, i) - 1
        if (k >= 0 and i < ranges[k][1]) or _keeps_going(text, sentence_start, i, end):
            continue
        j = i + 1
        while j < end and (text[j] in TERMINATORS or text[j] in CLOSERS):
            j += 1
        if j == end or text[j].isspace():
            spans.append((sentence_start, j))
            sentence_start = j
    spans.append((sentence_start, end))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
