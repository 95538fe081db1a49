"""A markup generator for extraction tests and benchmarks: article texts (the simulator's, the
seed page's) rendered in many randomized layouts of Arabic news sites, with the fields a
correct extractor returns for each page.

``generate(n, seed)`` yields ``GeneratedPage(family, url, html, expected, blocks, layout)``;
``render(article, family, rng)`` renders one. ``FAMILIES`` maps family names to their modules
(each module's docstring says what its pages do); ``HELD_OUT`` names the families kept out of
rule tuning. Every furniture string the page carries (menus, tickers, lists, ads, tags, comment
labels, footers, inline-script text...) is in ``expected["furniture"]``; none occurs in the
article's own text.

Expected fields: ``title`` (the headline as displayed), ``authors``, ``dateline``
({"location", "source"} or None), ``paragraphs`` (whitespace-normalised, in order),
``published_at`` (ISO 8601: aware with the source's offset, naive local, or a date) and
``published_precision`` ("second", "minute", "day" or None), ``images``, ``furniture``.
"""

from crawler.simulator.markup.families import FAMILIES, HELD_OUT
from crawler.simulator.markup.generate import (
    GeneratedPage,
    UnknownFamilyError,
    family_names,
    generate,
    render,
)
from crawler.simulator.markup.source import (
    SeedFormatError,
    SourceArticle,
    article_from_seed,
    articles_from_simulator,
)

__all__ = [
    "FAMILIES",
    "HELD_OUT",
    "GeneratedPage",
    "SeedFormatError",
    "SourceArticle",
    "UnknownFamilyError",
    "article_from_seed",
    "articles_from_simulator",
    "family_names",
    "generate",
    "render",
]
