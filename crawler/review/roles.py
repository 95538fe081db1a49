"""A role and a rule for every visible block of a page, as the crawl's item saw it.

``explain_article`` gives the extractor's decisions. Two things happen to an item after it:
cross-page template learning removes paragraphs (the item's ``extraction["template"]`` says
"removed N"), and a body taken from the generic extractor marks no block. Both are read back
from the crawl's item: a body block whose text is not among the item's paragraphs is
``template``; an undecided block whose text is one of a generic body's paragraphs is ``body``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from crawler.extract.layout import Decision
from crawler.extract.page import Block
from crawler.text import fold, word_key

ROLES: tuple[str, ...] = ("title", "body", "author", "dateline", "caption", "date",
                          "boilerplate", "template", "other")
"""Every role a block can have, in the legend's order."""

TEMPLATE_RULE = "template:learned"
GENERIC_BODY_RULE = "body:generic"
NO_RULE = "none"


@dataclass(frozen=True)
class BlockRole:
    """One visible block with its role and the rule that decided it."""

    index: int
    block: Block
    role: str
    rule: str


def item_paragraphs(item: Mapping[str, Any] | None) -> list[str]:
    """The item's paragraphs as text (from ``text`` and the ``paragraphs`` offsets)."""
    if not item:
        return []
    text = item.get("text")
    spans = item.get("paragraphs")
    if not isinstance(text, str) or not isinstance(spans, list):
        return []
    paragraphs = []
    for span in spans:
        if isinstance(span, dict) and isinstance(span.get("start"), int) \
                and isinstance(span.get("end"), int):
            paragraphs.append(text[span["start"]:span["end"]])
    return paragraphs


def _key(text: str) -> str:
    return word_key(fold(text))


def template_removed(item: Mapping[str, Any] | None) -> int:
    """How many paragraphs template learning removed from the item (0: none)."""
    extraction = (item or {}).get("extraction")
    note = extraction.get("template") if isinstance(extraction, dict) else None
    if isinstance(note, str) and note.startswith("removed "):
        number = note.removeprefix("removed ").strip()
        return int(number) if number.isdigit() else 0
    return 0


def block_roles(blocks: Sequence[Block], decisions: Mapping[int, Decision],
                item: Mapping[str, Any] | None) -> list[BlockRole]:
    """Every block with its role and rule; ``item`` is the crawl's item (None: dropped)."""
    kept = {_key(p) for p in item_paragraphs(item)}
    templated = template_removed(item) > 0
    extraction = (item or {}).get("extraction")
    generic = isinstance(extraction, dict) and extraction.get("text") == "generic"
    images = {image.get("url") for image in (item or {}).get("images") or []
              if isinstance(image, dict)}
    image_rule = f"images:{extraction.get('images')}" if isinstance(extraction, dict) \
        and extraction.get("images") else NO_RULE
    roles = []
    for index, block in enumerate(blocks):
        decision = decisions.get(index)
        if decision is not None:
            role, rule = decision.role, decision.rule
            if role == "body" and templated and _key(block.text) not in kept:
                role, rule = "template", TEMPLATE_RULE
        elif generic and block.kind == "text" and block.text and _key(block.text) in kept:
            role, rule = "body", GENERIC_BODY_RULE
        elif block.kind == "image" and block.src and block.src in images:
            role, rule = "other", image_rule
        else:
            role, rule = "other", NO_RULE
        roles.append(BlockRole(index, block, role if role in ROLES else "other", rule))
    return roles


def role_counts(roles: Sequence[BlockRole]) -> dict[str, int]:
    """Blocks per role, every role present (0 when none)."""
    counts = dict.fromkeys(ROLES, 0)
    for role in roles:
        counts[role.role] += 1
    return counts
