"""Annotation-ready exports of the crawl's JSON Lines: ``crawler export``.

``units`` cuts an article into articles, paragraphs or sentences (``sentences`` splits Arabic
sentences), ``preannotate`` finds the spans to pre-annotate, ``formats`` writes Label Studio,
Prodigy, doccano or plain JSONL records, and ``cli`` streams a whole file through them in
constant memory.
"""

from crawler.export.annotation.formats import FORMATS, LABEL_CONFIG, Writer
from crawler.export.annotation.preannotate import LABELS, Span, find_spans
from crawler.export.annotation.sentences import split_sentences
from crawler.export.annotation.units import UNITS, Unit, iter_units

__all__ = [
    "FORMATS",
    "LABELS",
    "LABEL_CONFIG",
    "UNITS",
    "Span",
    "Unit",
    "Writer",
    "find_spans",
    "iter_units",
    "split_sentences",
]
