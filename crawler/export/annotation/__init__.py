"""Annotation tools, both ways: ``crawler export`` and ``crawler import-annotations``.

Out: ``units`` cuts an article into articles, paragraphs or sentences (``sentences`` splits
Arabic sentences), ``preannotate`` finds the spans to pre-annotate, ``formats`` writes Label
Studio, Prodigy, doccano or plain JSONL records with offsets as each tool counts them
(``offsets``) and Prodigy tokens (``tokens``).

Back: ``readers`` reads each tool's own export, ``gold`` makes one gold line per (article,
version, annotator), ``rebase`` moves gold spans onto an article's newer version,
``agreement`` compares annotators and ``training`` writes BIO tags or character spans.
"""

from crawler.export.annotation.formats import FORMATS, LABEL_CONFIG, Writer, label_config
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
    "label_config",
    "split_sentences",
]
