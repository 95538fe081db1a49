"""Main body text by two extractors and an agreement rule.

Candidates, both computed on one parsed tree:

- ``rules``: trafilatura's rule-based extractor in precision mode without its own
  external-fallback comparison (``fast=True``), comments off;
- ``readability``: the readability port bundled with trafilatura, on the raw tree.

They are compared by shingle overlap (4-token shingles, as in the Zyte benchmark) and one is
chosen:

1. one is empty: the other;
2. they share (almost) nothing and readability is clearly longer: readability (the rules
   extractor locked onto a wrong block, often a teaser or a related-stories box);
3. readability's text lies inside the rules text, which carries a little (5-15 %) more:
   readability (the surplus is page furniture the rules kept);
4. otherwise the rules text (the better extractor on average).
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


DISJOINT = 0.05
"""Overlap below which two candidates are taken to have picked different blocks."""

LONGER = 1.5
"""How much longer readability must be to win when the two are disjoint."""


SUBSET = 0.95
"""Share of readability's shingles inside the rules text for it to count as a subset."""

SURPLUS = (0.85, 0.95)
"""Share of the rules text covered by readability for a small-surplus replacement."""


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


def rules_candidate(tree: HtmlElement, url: str | None) -> str:
    """trafilatura, precision mode, no external fallback; '' when it finds nothing."""
    doc = trafilatura.bare_extraction(
        tree, url=url, favor_precision=True, include_comments=False, fast=True
    )
    text = getattr(doc, "text", None) if doc is not None else None
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


def choose(rules: str, readability: str) -> BodyChoice:
    """Pick between the two candidates by the agreement rules in the module docstring."""
    if not readability.strip():
        return BodyChoice(rules, "rules")
    if not rules.strip():
        return BodyChoice(readability, "readability")
    rules_in_readability, readability_in_rules = overlap(rules, readability)
    if (
        rules_in_readability < DISJOINT
        and readability_in_rules < DISJOINT
        and len(readability) > LONGER * len(rules)
    ):
        return BodyChoice(readability, "readability:disjoint-longer")
    if readability_in_rules >= SUBSET and SURPLUS[0] <= rules_in_readability < SURPLUS[1]:
        return BodyChoice(readability, "readability:trimmed")
    return BodyChoice(rules, "rules")


def extract_body(tree: HtmlElement, url: str | None) -> BodyChoice:
    """Run both candidates on a parsed page and choose; a failing candidate counts as empty.

    ``tree`` is consumed (readability edits it): pass a copy if you still need it.
    """
    try:
        rules = rules_candidate(tree, url)
    except Exception:  # a third-party extractor must not end the crawl
        logger.warning("rules extractor failed on %s", url, exc_info=True)
        rules = ""
    try:
        readability = readability_candidate(tree, consume=True)
    except Exception:
        logger.warning("readability failed on %s", url, exc_info=True)
        readability = ""
    return choose(rules, readability)
