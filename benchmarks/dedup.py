"""Precision and recall of the near-duplicate detector (crawler.analyse.duplicates) on labelled
pairs.

Usage: ``python -m benchmarks.dedup [--seeds 4] [--pages 120] [--thresholds 0.3,0.5,0.7]``

Positives (the same column syndicated on a sister site): the simulator's syndicated copies
(articles 1/2 and 3/4 of each seed's network, ground truth from SimulatedNetwork) and synthetic
copies of simulated articles with another header, a footer, light word edits, a dropped
sentence, diacritics, tatweel, Eastern digits or other punctuation. Negatives (distinct articles
on the same subject): pairs of different simulated articles of the same site section (one
generator, one vocabulary), the most similar ones first, and "follow-up" articles that reuse the
lead paragraph of another and go on differently. A pair counts as detected when the second text,
assigned after the first was recorded, lands in the first one's cluster.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from crawler.analyse.duplicates import Deduplicator
from crawler.analyse.minhash import DEFAULT_NUM_PERM, normalise, shingles
from crawler.simulator.network import SimulatedNetwork
from crawler.simulator.text import CITIES
from crawler.store.duplicates import Banding, SqliteDedupState

LABELS = ("المغرب اليوم", "الدار البيضاء اليوم", "العرب اليوم", "صوت الإمارات", "تونس اليوم")
SWAPS = ("الحكومة", "الوزارة", "المجلس", "اللجنة", "المسؤولين", "الخبراء", "الشركات", "المواطنين")
_EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@dataclass(frozen=True)
class Pair:
    first: str
    second: str
    duplicate: bool
    kind: str


# -- light edits a syndicating site makes ------------------------------------------------------

Edit = Callable[[random.Random, list[str]], list[str]]


def other_header(rng: random.Random, paragraphs: list[str]) -> list[str]:
    header = rng.choice((f"{rng.choice(CITIES)} - {rng.choice(LABELS)}",
                         f"نشر هذا المقال أولا في {rng.choice(LABELS)}",
                         f"{rng.choice(LABELS)} - خاص"))
    return [header, *paragraphs]


def footer(rng: random.Random, paragraphs: list[str]) -> list[str]:
    return [*paragraphs, f"تابعوا آخر أخبار {rng.choice(LABELS)} على موقعنا."]


def word_edits(rng: random.Random, paragraphs: list[str]) -> list[str]:
    out = []
    for paragraph in paragraphs:
        words = paragraph.split(" ")
        for _ in range(max(1, len(words) // 40)):
            words[rng.randrange(len(words))] = rng.choice(SWAPS)
        out.append(" ".join(words))
    return out


def drop_sentence(rng: random.Random, paragraphs: list[str]) -> list[str]:
    longest = max(range(len(paragraphs)), key=lambda i: len(paragraphs[i]))
    sentences = re.split(r"(?<=\.)\s+", paragraphs[longest])
    if len(sentences) > 1:
        del sentences[rng.randrange(len(sentences))]
    return [*paragraphs[:longest], " ".join(sentences), *paragraphs[longest + 1:]]


def marks(rng: random.Random, paragraphs: list[str]) -> list[str]:
    """Diacritics and tatweel on some words, Eastern digits, Latin commas."""
    def mark(word: str) -> str:
        if len(word) > 3 and rng.random() < 0.15:
            return word[:2] + "\u064e" + word[2:] if rng.random() < 0.5 else \
                word[:2] + "\u0640" + word[2:]
        return word
    return [" ".join(mark(w) for w in p.split(" ")).translate(_EASTERN).replace("،", ",")
            for p in paragraphs]


EDITS: tuple[Edit, ...] = (other_header, footer, word_edits, drop_sentence, marks)


def syndicated_copy(rng: random.Random, paragraphs: list[str]) -> tuple[list[str], str]:
    chosen = rng.sample(EDITS, rng.randint(1, 3))
    out = list(paragraphs)
    for edit in chosen:
        out = edit(rng, out)
    return out, "+".join(edit.__name__ for edit in chosen)


# -- the labelled set --------------------------------------------------------------------------


@cache
def _shingles(text: str) -> frozenset[bytes]:
    return frozenset(shingles(normalise(text)))


def jaccard(a: str, b: str) -> float:
    x, y = _shingles(a), _shingles(b)
    return len(x & y) / max(1, len(x | y))


def labelled_pairs(seeds: int = 4, pages: int = 120, copies_per_seed: int = 60,
                   hard_negatives: int = 60) -> Iterator[Pair]:
    for seed in range(seeds):
        network = SimulatedNetwork(pages=pages, seed=seed)
        articles = network.articles()
        by_index = {a.index: a for a in articles}
        for original, syndicated in ((1, 2), (3, 4)):
            yield Pair(by_index[original].plain_text, by_index[syndicated].plain_text, True,
                       "simulator")
        rng = random.Random(f"dedup-benchmark-{seed}")
        regular = [a for a in articles if a.index > 11]
        for article in rng.sample(regular, min(copies_per_seed, len(regular))):
            copy, how = syndicated_copy(rng, article.paragraphs)
            yield Pair(article.plain_text, "\n".join(copy), True, f"synthetic:{how}")
        same_subject = [(a, b) for i, a in enumerate(regular) for b in regular[i + 1:]
                        if a.section == b.section and a.kind == b.kind]
        scored = sorted(same_subject, key=lambda p: -jaccard(p[0].plain_text, p[1].plain_text))
        for a, b in scored[:hard_negatives]:
            yield Pair(a.plain_text, b.plain_text, False, "same-section")
        for a, b in rng.sample(same_subject, min(hard_negatives, len(same_subject))):
            yield Pair(a.plain_text, b.plain_text, False, "same-section-random")
        neighbours = list(itertools.pairwise(regular))
        for lead, rest in rng.sample(neighbours, min(hard_negatives // 2, len(neighbours))):
            follow_up = [lead.paragraphs[0], *rest.paragraphs[1:]]
            yield Pair(lead.plain_text, "\n".join(follow_up), False, "follow-up")


def detected(pair: Pair, threshold: float) -> bool:
    banding = Banding.for_threshold(threshold, DEFAULT_NUM_PERM)
    dedup = Deduplicator(SqliteDedupState(":memory:", banding), threshold)
    first = {"id": "first", "canonical_url": "https://a.example/1", "text": pair.first}
    assignment, record, keys = dedup.assign(first)
    dedup.add(record, keys)
    second = {"id": "second", "canonical_url": "https://b.example/2", "text": pair.second}
    assignment, _, _ = dedup.assign(second)
    return assignment.duplicate_of == "first"


def evaluate(pairs: list[Pair], threshold: float) -> dict[str, float]:
    tp = fp = fn = tn = 0
    for pair in pairs:
        hit = detected(pair, threshold)
        tp += hit and pair.duplicate
        fp += hit and not pair.duplicate
        fn += (not hit) and pair.duplicate
        tn += (not hit) and not pair.duplicate
    return {"threshold": threshold, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=4)
    parser.add_argument("--pages", type=int, default=120)
    parser.add_argument("--thresholds", default="0.3,0.4,0.5,0.6,0.7,0.8")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    pairs = list(labelled_pairs(args.seeds, args.pages))
    positives = sum(p.duplicate for p in pairs)
    print(f"{len(pairs)} labelled pairs: {positives} syndicated copies, "
          f"{len(pairs) - positives} distinct articles on the same subject")
    print("threshold  precision  recall   tp   fp   fn   tn")
    for value in (float(t) for t in args.thresholds.split(",")):
        r = evaluate(pairs, value)
        print(f"{value:9.2f}  {r['precision']:9.3f}  {r['recall']:6.3f}  {r['tp']:3d}  "
              f"{r['fp']:3d}  {r['fn']:3d}  {r['tn']:3d}")
    hardest = max((jaccard(p.first, p.second) for p in pairs if not p.duplicate), default=0)
    weakest = min((jaccard(p.first, p.second) for p in pairs if p.duplicate), default=0)
    print(f"exact shingle Jaccard: most similar distinct pair {hardest:.3f}, "
          f"least similar copy {weakest:.3f}; {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
