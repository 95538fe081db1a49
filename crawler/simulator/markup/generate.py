"""Render source articles in the layout families: ``render`` one page, ``generate`` many."""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from crawler.simulator.markup.families import FAMILIES, HELD_OUT
from crawler.simulator.markup.page import Page
from crawler.simulator.markup.source import SourceArticle, articles_from_simulator


class UnknownFamilyError(ValueError):
    """A layout family name that the generator does not have."""


@dataclass(frozen=True)
class GeneratedPage:
    """One rendered page and what a correct extractor returns for it."""

    family: str
    url: str
    html: str
    expected: dict[str, Any]
    blocks: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Furniture by block (kind, strings), in page order of generation; ``expected
    ["furniture"]`` is their union."""
    layout: Mapping[str, str] = field(default_factory=dict)
    """The page's choices: date_where, date_format, byline, byline_position, dateline, ..."""

    @property
    def held_out(self) -> bool:
        return self.family in HELD_OUT


def family_module(name: str) -> ModuleType:
    try:
        return FAMILIES[name]
    except KeyError:
        known = ", ".join(FAMILIES)
        raise UnknownFamilyError(f"unknown layout family {name!r}; known: {known}") from None


def render(article: SourceArticle, family: str, rng: random.Random) -> GeneratedPage:
    """``article`` rendered in ``family``, with choices drawn from ``rng``."""
    module = family_module(family)
    url_for = getattr(module, "page_url", None)
    page = Page(article, family, module.TRAITS, rng, url=url_for(article) if url_for else "")
    html = module.render(page)
    return GeneratedPage(family, page.url, html, page.expected(), page.blocks(),
                         dict(page.layout))


def family_names(families: Sequence[str] | None = None) -> list[str]:
    """The families asked for (all when None), validated and in registry order."""
    if families is None:
        return list(FAMILIES)
    names = list(dict.fromkeys(families))
    for name in names:
        family_module(name)
    if not names:
        raise UnknownFamilyError("no layout family given")
    return names


def generate(n: int, seed: int = 0, families: Sequence[str] | None = None,
             articles: Sequence[SourceArticle] | None = None) -> Iterator[GeneratedPage]:
    """``n`` pages, deterministic for ``seed``: page ``i`` is article ``i`` (cycling) in family
    ``(i + s * r) mod len(families)`` where ``r = i // len(families)`` is the round, so pages
    spread evenly over the families (each round gives every family one page) and a periodic
    article sequence (the simulator's news / opinion pattern has period 3) does not hand a
    family only one kind of article: family ``f`` gets articles ``r * (len(families) - s) + f``
    (modulo the wrap), so the step ``s`` is 1, or 2 when ``len(families) - 1`` is a multiple of
    3. Articles default to the first ``n`` of the simulated network with the same seed."""
    if n < 0:
        raise ValueError("n must be >= 0")
    names = family_names(families)
    if n == 0:
        return
    sources = list(articles) if articles is not None else articles_from_simulator(n, seed)
    if not sources:
        raise ValueError("no source article to render")
    step = 2 if (len(names) - 1) % 3 == 0 else 1
    for i in range(n):
        family = names[(i + step * (i // len(names))) % len(names)]
        rng = random.Random(f"markup:{seed}:{i}:{family}")
        yield render(sources[i % len(sources)], family, rng)
