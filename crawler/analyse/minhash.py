"""Fingerprints of an article's text for duplicate detection: the exact key (the text folded
for comparison, hashed) and the MinHash signature of its word shingles (near copies).

The signature is datasketch's ``MinHash(num_perm, seed=1, scheme="affine32")`` over the SHA-1
32-bit hashes of the shingles, computed with numpy bit for bit as datasketch does (tested
against it) without a Python call per shingle.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from functools import cache
from typing import NamedTuple

import numpy as np

from crawler.text import fold, text_digest

logger = logging.getLogger(__name__)


DEFAULT_NUM_PERM = 128

DEFAULT_SHINGLE_WORDS = 3

_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """Text folded for comparison only (never exported): NFKC, the matching fold
    (crawler.text.fold), punctuation dropped, lower case, numbers without leading zeros; the words
    (runs of ``\\w``) joined by single spaces."""
    words = _WORD.findall(fold(unicodedata.normalize("NFKC", text)).lower())
    if any(map(str.isdecimal, words)):
        words = [str(int(w)) if w.isdecimal() and len(w) < 19 else w for w in words]
    return " ".join(words)


def _shingle_bytes(normalised: str, size: int) -> list[bytes]:
    """The UTF-8 word ``size``-grams of normalised text, repeats included (the whole text
    when it is shorter)."""
    words = normalised.split()
    if len(words) <= size:
        return [normalised.encode("utf-8")] if normalised else []
    # Joining the words and splitting the UTF-8 bytes at b" " encodes every word at once
    # (the words hold no whitespace, and no other character's UTF-8 holds byte 0x20).
    encoded = " ".join(words).encode("utf-8").split(b" ")
    return list(map(b" ".join, zip(*(encoded[i:] for i in range(size)), strict=False)))


def shingles(normalised: str, size: int = DEFAULT_SHINGLE_WORDS) -> set[bytes]:
    """Word ``size``-grams of normalised text (the whole text when it is shorter)."""
    return set(_shingle_bytes(normalised, size))


SEED = 1

_U32 = np.uint32

_FMIX = (_U32(16), _U32(0x85EBCA6B), _U32(13), _U32(0xC2B2AE35), _U32(16))
"""The MurmurHash3 32-bit finalizer datasketch's affine32 scheme mixes every hash with."""

_MAX_HASH = _U32(0xFFFFFFFF)


@cache
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's affine32 permutations ``h -> a * h + b`` (mod 2**32) for ``seed=1``."""
    generator = np.random.RandomState(SEED)
    a = generator.randint(0, 1 << 31, num_perm, dtype=_U32) * _U32(2) + _U32(1)
    b = generator.randint(0, 1 << 32, num_perm, dtype=_U32)
    a.flags.writeable = b.flags.writeable = False
    return a, b


def signature(normalised: str, num_perm: int = DEFAULT_NUM_PERM,
              shingle_words: int = DEFAULT_SHINGLE_WORDS) -> np.ndarray:
    """The MinHash signature (``num_perm`` uint32 values) of normalised text's shingles:
    datasketch's ``MinHash(num_perm, seed=1, scheme="affine32").update_batch(shingles)`` with
    its default hash (the first 4 bytes of SHA-1, little-endian), value for value."""
    a, b = _permutations(num_perm)
    parts = _shingle_bytes(normalised, shingle_words)
    if not parts:
        return np.full(num_perm, _MAX_HASH, dtype=_U32)
    sha1 = hashlib.sha1
    digests = b"".join([sha1(part).digest() for part in parts])
    hv = np.frombuffer(digests, dtype="<u4")[::5].astype(_U32)  # 20-byte digests: 5 words
    s1, m1, s2, m2, s3 = _FMIX
    hv ^= hv >> s1
    hv *= m1
    hv ^= hv >> s2
    hv *= m2
    hv ^= hv >> s3
    permuted = np.multiply(hv[:, np.newaxis], a)
    permuted += b
    signed: np.ndarray = permuted.min(axis=0)
    return signed


class TextFingerprint(NamedTuple):
    """What assigning a cluster needs from an article's text: the pure, CPU-heavy part."""

    digest: str
    """``text_digest`` of the normalised text (exact copies)."""
    signature: np.ndarray
    """MinHash signature of its shingles (near copies)."""


def text_fingerprint(text: str, num_perm: int = DEFAULT_NUM_PERM,
                     shingle_words: int = DEFAULT_SHINGLE_WORDS) -> TextFingerprint:
    """Digest and signature of an article's text: a pure function, so page analysis can compute
    it in a worker process (crawler.analyse.workers) and the pipeline only look it up."""
    folded = normalise(text)
    return TextFingerprint(text_digest(folded), signature(folded, num_perm, shingle_words))
