"""Main body text of any page: trafilatura's answer, checked against readability's.

The base is trafilatura in precision mode, comments off (with its own fallback extractors). The
readability port bundled with trafilatura gives a second candidate; the two are compared by
shingle overlap (4-token shingles, as in the Zyte benchmark), and readability's replaces
trafilatura's in two cases:

1. they share (almost) nothing and readability's is clearly longer (trafilatura locked onto a
   wrong block, often a teaser or a related-stories box);
2. readability's lies inside trafilatura's, which carries a little more (page furniture that
   trafilatura kept).

Whether these rules apply, and their thresholds (``RULE``), were chosen by leave-one-corpus-out
cross-validation, ``python -m benchmarks.generic_cv``: a rule is kept only when, tuned on the
other corpora, it is no worse than trafilatura on each held-out one.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from copy import deepcopy
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml.html import HtmlElement
from trafilatura.readability_lxml import Document as ReadabilityDocument

logger = logging.getLogger(__name__)

_TOKEN = re.compile(r"\w+")
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "td", "dd")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class AgreementRule:
    """When readability's candidate replaces trafilatura's (None: that case never does)."""

    disjoint: float | None
    """Overlap below which the two candidates picked different blocks."""
    longer: float
    """How much longer readability's must be to win when they are disjoint."""
    subset: float | None
    """Share of readability's shingles inside trafilatura's for it to count as a subset."""
    surplus: tuple[float, float]
    """Share of trafilatura's covered by readability's for a small-surplus replacement."""


RULE = AgreementRule(disjoint=0.02, longer=1.5, subset=0.95, surplus=(0.85, 0.98))
"""The cross-validated choice (benchmarks/generic_cv.py): tuned on two of zyte, fundus-europe
and fundus-other, it scored +0.005 to +0.007 F1 over trafilatura on the third, each time."""


@dataclass(frozen=True)
class BodyChoice:
    """The chosen body text (blocks separated by newlines) and which candidate it came from."""

    text: str
    source: str


def shingle_set(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles of a text (diacritics and tatweel stripped)."""
    tokens = _TOKEN.findall(_ARABIC_MARKS.sub("", text))
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def overlap(first: str, second: str) -> tuple[float, float]:
    """Share of each text's shingles that the other text also has."""
    a, b = shingle_set(first), shingle_set(second)
    common = sum((a & b).values())
    return common / max(1, sum(a.values())), common / max(1, sum(b.values()))


def trafilatura_candidate(html: str | HtmlElement, url: str | None) -> str:
    """trafilatura in precision mode, comments off; '' when it finds nothing."""
    text = trafilatura.extract(html, url=url, favor_precision=True, include_comments=False)
    return text or ""


def readability_candidate(tree: HtmlElement, consume: bool = False) -> str:
    """The bundled readability port's article, as newline-separated text blocks.

    readability edits the tree it reads: with ``consume`` the caller gives up ``tree`` and
    saves the copy.
    """
    source = tree if consume else deepcopy(tree)
    summary = ReadabilityDocument(source, min_text_length=25).summary()
    if not summary or not summary.strip():
        return ""
    root = lxml.html.fromstring(summary)
    blocks = []
    for element in root.iter(_BLOCK_TAGS):
        if element.getparent() is not None and _inside_block(element):
            continue
        text = _SPACE.sub(" ", element.text_content()).strip()
        if text:
            blocks.append(text)
    if not blocks:  # text in bare containers only
        return _SPACE.sub(" ", root.text_content()).strip()
    return "\n".join(blocks)


def _inside_block(element: HtmlElement) -> bool:
    """True when an ancestor is itself a text block (its text is already taken)."""
    return any(parent.tag in _BLOCK_TAGS for parent in element.iterancestors())


def choose(base: str, readability: str, rule: AgreementRule = RULE) -> BodyChoice:
    """Trafilatura's answer, or readability's where the rule says so (module docstring)."""
    if not readability.strip():
        return BodyChoice(base, "trafilatura")
    if not base.strip():
        return BodyChoice(readability, "readability")
    readability_in_base, base_in_readability = overlap(readability, base)
    if (rule.disjoint is not None and readability_in_base < rule.disjoint
            and base_in_readability < rule.disjoint and len(readability) > rule.longer * len(base)):
        return BodyChoice(readability, "readability:disjoint-longer")
    if (rule.subset is not None and readability_in_base >= rule.subset
            and rule.surplus[0] <= base_in_readability < rule.surplus[1]):
        return BodyChoice(readability, "readability:trimmed")
    return BodyChoice(base, "trafilatura")


def extract_body(html: str, tree: HtmlElement, url: str | None,
                 rule: AgreementRule = RULE) -> BodyChoice:
    """Both candidates of a page and the choice between them; a failing candidate counts as
    empty. ``tree`` is consumed (readability edits it)."""
    try:
        base = trafilatura_candidate(html, url)
    except Exception:  # a third-party extractor must not end the crawl
        logger.warning("trafilatura failed on %s", url, exc_info=True)
        base = ""
    if rule.disjoint is None and rule.subset is None:
        return BodyChoice(base, "trafilatura")
    try:
        readability = readability_candidate(tree, consume=True)
    except Exception:
        logger.warning("readability failed on %s", url, exc_info=True)
        readability = ""
    return choose(base, readability, rule)
