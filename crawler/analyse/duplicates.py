"""Duplicate clustering: exact (same canonical URL, same folded text) and near copies (the
same column syndicated on sister sites with other headers or light edits), with MinHash LSH.

Every article gets ``cluster_id`` (the id of its cluster's first member) and ``duplicate_of``
(that first member's id, or None for the first member itself). The memory of exported
articles is a ``DedupState`` (crawler.store.duplicates); ``Deduplicator`` needs no Scrapy.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from crawler.analyse.minhash import (
    DEFAULT_NUM_PERM,
    DEFAULT_SHINGLE_WORDS,
    TextFingerprint,
    text_fingerprint,
)
from crawler.store.duplicates import (
    Banding,
    DedupRecord,
    DedupState,
    SqliteDedupState,
    similarity,
)

logger = logging.getLogger(__name__)


DEFAULT_THRESHOLD = 0.5


@dataclass(frozen=True)
class Assignment:
    cluster_id: str
    duplicate_of: str | None
    match: str
    """How it was found: new, same_url, same_text or near."""
    similarity: float = 1.0

    @property
    def is_copy(self) -> bool:
        """A copy of another article (what ``dedup=drop`` drops)."""
        return self.match in {"same_text", "near"} or (
            self.match == "same_url" and self.duplicate_of is not None)


class Deduplicator:
    """Assigns clusters against a DedupState; no Scrapy involved (usable from scripts)."""

    def __init__(self, state: DedupState, threshold: float = DEFAULT_THRESHOLD,
                 num_perm: int = DEFAULT_NUM_PERM, shingle_words: int = DEFAULT_SHINGLE_WORDS):
        if not 0 < threshold <= 1:
            raise ValueError(f"DEDUP_THRESHOLD must be in (0, 1], got {threshold}")
        self.state = state
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_words = shingle_words
        self.banding = Banding.for_threshold(threshold, num_perm)

    def fingerprint(self, text: str, known: TextFingerprint | None = None
                    ) -> tuple[str, np.ndarray, list[int]]:
        """Digest, signature and band keys of the text (``known``: its text_fingerprint with
        this deduplicator's num_perm and shingle_words, computed elsewhere)."""
        digest, signed = known or text_fingerprint(text, self.num_perm, self.shingle_words)
        return digest, signed, self.banding.keys(signed)

    def assign(self, item: Mapping[str, Any], known: TextFingerprint | None = None,
               unwritten: Iterable[DedupRecord] = ()
               ) -> tuple[Assignment, DedupRecord, list[int]]:
        """The item's cluster, and the record (with band keys) to store once it is exported.
        ``unwritten``: records of articles marked but not written yet, in the order they were
        marked; a copy of one is its duplicate when the state knows no earlier one."""
        article_id, url = str(item["id"]), str(item.get("canonical_url") or item["url"])
        digest, signature, keys = self.fingerprint(str(item.get("text") or ""), known)
        assignment = self._match(article_id, url, digest, signature, keys)
        if assignment.match == "new":
            assignment = self._among(unwritten, article_id, url, digest, signature) or assignment
        record = DedupRecord(article_id, url, digest, assignment.cluster_id,
                             assignment.duplicate_of, signature)
        return assignment, record, keys

    def _among(self, records: Iterable[DedupRecord], article_id: str, url: str, digest: str,
               signature: np.ndarray) -> Assignment | None:
        """The first of ``records`` (another article's) this one copies, as ``_match`` would
        find it in the state."""
        for found in records:
            if found.article_id == article_id:
                continue
            if found.canonical_url == url:
                return Assignment(found.cluster_id, found.duplicate_of, "same_url")
            if found.text_hash == digest:
                return Assignment(found.cluster_id, found.duplicate_of or found.article_id,
                                  "same_text")
            score = similarity(signature, found.signature)
            if score >= self.threshold:
                return Assignment(found.cluster_id, found.duplicate_of or found.article_id,
                                  "near", score)
        return None

    def _match(self, article_id: str, url: str, digest: str, signature: np.ndarray,
               keys: list[int]) -> Assignment:
        exact = self.state.exact(url, digest)
        if exact is not None:
            found, how = exact
            if how == "same_url":
                return Assignment(found.cluster_id, found.duplicate_of, "same_url")
            return Assignment(found.cluster_id, found.duplicate_of or found.article_id,
                              "same_text")
        best = self.state.earliest_similar(keys, signature, self.threshold)
        if best is not None:
            found, score = best
            return Assignment(found.cluster_id, found.duplicate_of or found.article_id, "near",
                              score)
        return Assignment(article_id, None, "new")

    def add(self, record: DedupRecord, keys: list[int]) -> None:
        self.state.add(record, keys)


def cluster_items(items: Iterable[dict[str, Any]], state: DedupState | None = None,
                  threshold: float = DEFAULT_THRESHOLD) -> list[Assignment]:
    """Assign every item in order (records added as it goes); an in-memory SQLite state by
    default. For scripts and the benchmark."""
    banding = Banding.for_threshold(threshold, DEFAULT_NUM_PERM)
    dedup = Deduplicator(state or SqliteDedupState(":memory:", banding), threshold)
    out = []
    for item in items:
        assignment, record, keys = dedup.assign(item)
        dedup.add(record, keys)
        out.append(assignment)
    return out
