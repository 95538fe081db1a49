"""Duplicate clustering: exact and near duplicates get the first member's id, the state persists
across runs, ``-a dedup=drop`` drops copies with a counted reason, and the crawl of the simulator
clusters its syndicated columns (articles 1/2 and 3/4) even when they come a week apart."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from benchmarks.dedup import evaluate, labelled_pairs, syndicated_copy
from crawler.analyse.duplicates import Deduplicator, cluster_items
from crawler.analyse.minhash import normalise, text_fingerprint
from crawler.crawl.arguments import dedup_mode
from crawler.crawl.spider import ArabsTodaySpider
from crawler.pipelines.duplicates import DedupPipeline
from crawler.simulator.network import SimulatedNetwork
from crawler.simulator.server import running_simulator
from crawler.store.duplicates import Banding, DedupRecord, DedupState, SqliteDedupState
from tests.support import PROJECT_ROOT, make_item, run_crawl

BODY = (
    "أعلنت وزارة الثقافة إطلاق حملة وطنية للتلقيح في مراكش بمشاركة أكثر من 120 جمعية أهلية، "
    "وقالت الوزيرة إن الحملة ستستمر حتى نهاية الشهر المقبل في جميع الأحياء الشعبية.",
    "وأضافت أن الحملة تستهدف الأطفال وكبار السن بشكل خاص، مشيرة إلى أن الفرق الطبية ستتنقل "
    "بين القرى النائية لضمان وصول اللقاح إلى كل من يحتاجه دون أي تكلفة على الأسر.",
    "ويرى مراقبون أن نجاح الحملة يتوقف على تعاون السلطات المحلية مع الجمعيات، بينما تؤكد "
    "الوزارة أنها وفرت الإمكانات اللازمة وخصصت ميزانية إضافية لتغطية كل المصاريف المتوقعة.",
)
SAME_SUBJECT = (
    "انتقدت جمعيات أهلية في مراكش تأخر حملة التلقيح التي أعلنتها وزارة الثقافة، وقال رئيس "
    "إحدى الجمعيات إن القرى النائية لم تتلق بعد أي زيارة من الفرق الطبية منذ بداية الشهر.",
    "وطالبت الجمعيات بنشر جدول زمني واضح للحملة وتوضيح طريقة توزيع الميزانية الإضافية، مؤكدة "
    "أن الأسر في الأحياء الشعبية تنتظر منذ أسابيع دون أن تحصل على أي معلومات رسمية.",
)


def item(number: int, body: tuple[str, ...] = BODY, **changes: Any) -> dict[str, Any]:
    return make_item(number, body=body, **changes)


@pytest.fixture
def dedup(tmp_path: Path) -> Iterator[Deduplicator]:
    state = SqliteDedupState(tmp_path / "dedup.sqlite3", Banding.for_threshold(0.5, 128))
    yield Deduplicator(state)
    state.close()


def assign(dedup: Deduplicator, article: dict[str, Any]) -> Any:
    assignment, record, keys = dedup.assign(article)
    dedup.add(record, keys)
    return assignment


def test_normalisation_folds_what_syndication_changes() -> None:
    assert normalise("قالَ الوزيـــر: «أكّد» إنّ ٣٫٥ مليار!") == \
        normalise("قال الوزير أكد ان 3 5 مليار")
    assert normalise("مدرسة إلى") == normalise("مدرسه الي")


def test_first_article_is_its_own_cluster(dedup: Deduplicator) -> None:
    first = assign(dedup, item(1))
    assert (first.cluster_id, first.duplicate_of, first.match) == (item(1)["id"], None, "new")


def test_same_normalised_text_on_another_url_is_an_exact_duplicate(dedup: Deduplicator) -> None:
    assign(dedup, item(1))
    marked = tuple(p.replace("،", ",") + " " for p in BODY)
    copy = assign(dedup, item(2, body=marked))
    assert (copy.match, copy.duplicate_of, copy.cluster_id) == ("same_text", item(1)["id"],
                                                                 item(1)["id"])


def test_copy_with_other_header_and_light_edits_is_a_near_duplicate(dedup: Deduplicator) -> None:
    assign(dedup, item(1))
    edited = ("الدار البيضاء - المغرب اليوم",
              BODY[0].replace("أكثر من", "نحو"), BODY[1].replace("خاص", "رئيسي"), BODY[2])
    copy = assign(dedup, item(2, body=edited))
    assert copy.match == "near" and copy.duplicate_of == item(1)["id"]
    assert 0.5 <= copy.similarity < 1


def test_distinct_article_on_the_same_subject_is_not_a_duplicate(dedup: Deduplicator) -> None:
    assign(dedup, item(1))
    other = assign(dedup, item(2, body=SAME_SUBJECT))
    assert (other.match, other.duplicate_of, other.cluster_id) == ("new", None, item(2)["id"])


def test_a_copy_of_a_copy_points_to_the_earliest_member(dedup: Deduplicator) -> None:
    assign(dedup, item(1))
    assign(dedup, item(2, body=("مقدمة مختلفة تماما عن الأصل", *BODY)))
    third = assign(dedup, item(3, body=(*BODY[:2], BODY[2] + " وهذا تعديل طفيف")))
    assert third.duplicate_of == item(1)["id"] and third.cluster_id == item(1)["id"]


def test_the_same_canonical_url_gets_its_recorded_assignment_back(dedup: Deduplicator) -> None:
    assign(dedup, item(1))
    assign(dedup, item(2, body=("ترويسة أخرى", *BODY)))
    again = assign(dedup, item(1, body=(*BODY, "فقرة أضيفت عند التحديث")))
    assert (again.match, again.duplicate_of, again.is_copy) == ("same_url", None, False)
    copy_again = assign(dedup, item(2, body=("ترويسة أخرى", *BODY)))
    assert copy_again.match == "same_url" and copy_again.is_copy
    assert copy_again.duplicate_of == item(1)["id"]


def test_state_persists_across_runs(tmp_path: Path) -> None:
    path = tmp_path / "state" / "dedup.sqlite3"
    banding = Banding.for_threshold(0.5, 128)
    state = SqliteDedupState(path, banding)
    assign(Deduplicator(state), item(1))
    state.close()
    reopened = SqliteDedupState(path, banding)
    week_later = assign(Deduplicator(reopened), item(7, body=("ترويسة موقع شقيق", *BODY)))
    assert week_later.duplicate_of == item(1)["id"]
    assert len(reopened) == 2
    reopened.close()
    with pytest.raises(ValueError, match="banding"):
        SqliteDedupState(path, Banding.for_threshold(0.8, 128))


def test_modes_are_checked() -> None:
    assert dedup_mode(None) == "mark" and dedup_mode(" DROP ") == "drop"
    with pytest.raises(ValueError, match="dedup must be one of mark, drop, off"):
        dedup_mode("maybe")
    with pytest.raises(ValueError, match="dedup='maybe': expected one of mark, drop, off"):
        ArabsTodaySpider(dedup="maybe")
    assert ArabsTodaySpider(dedup="drop").dedup == "drop"


def _pipeline(tmp_path: Path, mode: str) -> tuple[DedupPipeline, Any]:
    crawler = get_crawler(ArabsTodaySpider, settings_dict={"STATE_DIR": str(tmp_path)})
    crawler.spider = ArabsTodaySpider(dedup=mode)
    crawler.stats.open_spider()
    pipeline = DedupPipeline.from_crawler(crawler)
    pipeline.open_spider()
    return pipeline, crawler


def test_pipeline_marks_and_forgets_items_dropped_later(tmp_path: Path) -> None:
    pipeline, crawler = _pipeline(tmp_path, "mark")
    first = pipeline.process_item(item(1))
    pipeline.item_exported(first)
    copy = pipeline.process_item(item(2, body=("ترويسة", *BODY)))
    pipeline.item_exported(copy)
    assert first["duplicate_of"] is None and copy["duplicate_of"] == first["id"]
    assert crawler.stats.get_value("dedup/near") == 1
    later = item(3, body=SAME_SUBJECT)
    pipeline.process_item(later)
    pipeline.item_dropped(later, None, DropItem("over_max_items"))
    assert pipeline.dedup is not None and len(pipeline.dedup.state) == 2
    pipeline.close_spider()


def test_copies_marked_before_either_is_written_are_one_cluster(tmp_path: Path) -> None:
    """Items in flight together (the feed writes each line later) must see each other."""
    pipeline, crawler = _pipeline(tmp_path, "mark")
    first = pipeline.process_item(item(1))
    same = pipeline.process_item(item(2))
    near = pipeline.process_item(item(3, body=("ترويسة", *BODY)))
    other = pipeline.process_item(item(4, body=SAME_SUBJECT))
    for marked in (first, same, near, other):
        pipeline.item_exported(marked)
    assert first["duplicate_of"] is None and other["duplicate_of"] is None
    assert same["duplicate_of"] == near["duplicate_of"] == first["id"]
    assert same["cluster_id"] == near["cluster_id"] == first["cluster_id"]
    assert crawler.stats.get_value("dedup/same_text") == 1
    assert crawler.stats.get_value("dedup/near") == 1
    pipeline.close_spider()


def test_pipeline_remembers_only_items_written(tmp_path: Path) -> None:
    pipeline, _ = _pipeline(tmp_path, "drop")
    unwritten = pipeline.process_item(item(1))  # scraped, but its line never reached the feed
    assert pipeline.dedup is not None and len(pipeline.dedup.state) == 0
    again = pipeline.process_item(item(1))  # the next run: not a copy of itself
    pipeline.item_exported(again)
    assert unwritten["duplicate_of"] is None and again["duplicate_of"] is None
    assert len(pipeline.dedup.state) == 1
    pipeline.close_spider()


def test_pipeline_drop_mode_drops_copies_with_a_reason(tmp_path: Path) -> None:
    pipeline, crawler = _pipeline(tmp_path, "drop")
    pipeline.item_exported(pipeline.process_item(item(1)))
    with pytest.raises(DropItem, match="copy of"):
        pipeline.process_item(item(2, body=("ترويسة", *BODY)))
    with pytest.raises(DropItem):
        pipeline.process_item(item(3, body=BODY))
    assert crawler.stats.get_value("dropped/near_duplicate") == 1
    assert crawler.stats.get_value("dropped/duplicate_text") == 1
    pipeline.close_spider()


def test_a_failing_state_store_never_loses_the_article(tmp_path: Path) -> None:
    pipeline, crawler = _pipeline(tmp_path, "mark")
    assert pipeline.dedup is not None
    pipeline.dedup.state.db.close()  # e.g. the file vanished or stays locked
    out = pipeline.process_item(item(1))
    assert out["id"] == item(1)["id"]
    assert out["cluster_id"] is None and out["duplicate_of"] is None
    assert crawler.stats.get_value("dedup/state_error") == 1


def test_pipeline_off_leaves_the_fields_empty(tmp_path: Path) -> None:
    pipeline, _ = _pipeline(tmp_path, "off")
    out = pipeline.process_item(item(1, cluster_id=None))
    assert out["cluster_id"] is None and out["duplicate_of"] is None
    assert not (tmp_path / "dedup.sqlite3").exists()


def test_detector_on_the_labelled_pairs() -> None:
    pairs = list(labelled_pairs(seeds=1, pages=40, copies_per_seed=30, hard_negatives=30))
    assert sum(p.duplicate for p in pairs) >= 30 and sum(not p.duplicate for p in pairs) >= 60
    result = evaluate(pairs, 0.5)
    assert result["precision"] >= 0.95 and result["recall"] >= 0.95, result


def test_synthetic_copies_really_differ_from_the_original() -> None:
    rng = random.Random(3)
    article = SimulatedNetwork(pages=20).article(15)
    copies = [syndicated_copy(rng, article.paragraphs)[0] for _ in range(10)]
    assert all(copy != article.paragraphs for copy in copies)
    assert all(a.duplicate_of is not None for a in cluster_items(
        [{"id": "o", "canonical_url": "o", "text": article.plain_text}]
        + [{"id": f"c{n}", "canonical_url": f"c{n}", "text": "\n".join(c)}
           for n, c in enumerate(copies)])[1:])


# -- end to end --------------------------------------------------------------------------------

PAGES = 40


@pytest.fixture(scope="module")
def simulator() -> Iterator[tuple[str, SimulatedNetwork]]:
    network = SimulatedNetwork(pages=PAGES)
    with running_simulator(network) as base_url:
        yield base_url, network


@pytest.mark.slow
def test_crawl_marks_the_syndicated_columns(tmp_path: Path,
                                            simulator: tuple[str, SimulatedNetwork]) -> None:
    base_url, network = simulator
    run = run_crawl(tmp_path, "-a", f"via={base_url}",
                    "-a", "sites=almaghribtoday,casablancatoday")
    by_url = {i["canonical_url"]: i for i in run.items}
    for a, b in ((1, 2), (3, 4)):
        first, second = by_url[network.article(a).canonical_url], \
            by_url[network.article(b).canonical_url]
        assert first["cluster_id"] == second["cluster_id"]
        assert {first["duplicate_of"], second["duplicate_of"]} == {None, first["cluster_id"]}
    copies = [i for i in run.items if i["duplicate_of"]]
    assert len(copies) == 2
    assert all(i["cluster_id"] == i["id"] for i in run.items if not i["duplicate_of"])
    assert run.stats["dedup/same_text"] == 2


@pytest.mark.slow
def test_a_column_exported_last_week_is_recognised_and_dropped_this_week(
        tmp_path: Path, simulator: tuple[str, SimulatedNetwork]) -> None:
    base_url, network = simulator
    last_week = run_crawl(tmp_path, "-a", f"via={base_url}", "-a", "sites=almaghribtoday",
                          name="last-week")
    originals = {network.article(n).canonical_url for n in (1, 3)}
    assert originals <= last_week.urls()
    this_week = run_crawl(tmp_path, "-a", f"via={base_url}", "-a", "sites=casablancatoday",
                          "-a", "dedup=drop", name="this-week")
    copies = {network.article(n).canonical_url for n in (2, 4)}
    assert not copies & this_week.urls()
    assert this_week.stats["dropped/duplicate_text"] == 2
    assert "copy of almaghribtoday-" in this_week.log


# -- the fingerprint: datasketch's MinHash and the first normalisation, bit for bit ------------

_OLD_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و",
                           "ئ": "ي", "ک": "ك", "ی": "ي"})


def reference_normalise(text: str) -> str:
    """normalise by its definition, step by step (Eastern digits to ASCII first, so a number
    too long for int() keeps ASCII digits)."""
    import re
    import unicodedata

    from crawler.text import DIGITS

    diacritics = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
    folded = diacritics.sub("", unicodedata.normalize("NFKC", text).translate(DIGITS))
    folded = folded.translate(_OLD_FOLD).lower()
    words = re.findall(r"\w+", folded)
    return " ".join(str(int(w)) if w.isdecimal() and len(w) < 19 else w for w in words)


def fingerprint_texts() -> list[str]:
    rng = random.Random(11)
    pieces = [*" ".join(BODY + SAME_SUBJECT).split()[:60], "٢٠٢٤", "2024", "007",
              "١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠",
              "إِعْلَانٌ", "ـــ", "«", "»", "،", "...", "a_b", "ＡＢＣ", "ﻻ", "\u00a0", "\t", "\n\n",
              "x2", "2x", "Ünïcode", "ک", "ی", "ۀ", "ﷺ", "½", "²", "-", "_"]
    texts = ["", " ", "كلمة", "كلمتان اثنتان", "ثلاث كلمات هنا", "أربع كلمات في سطر", *BODY,
             "\n\n".join(BODY)]
    texts += [" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 80))) for _ in range(200)]
    return texts


def test_normalise_is_its_definition() -> None:
    for text in fingerprint_texts():
        assert normalise(text) == reference_normalise(text), text


@pytest.mark.slow
@pytest.mark.parametrize(("num_perm", "size"), [(128, 3), (64, 2), (128, 1)])
def test_signatures_are_datasketchs_minhash(num_perm: int, size: int) -> None:
    from datasketch import MinHash

    from crawler.analyse.minhash import shingles, signature, text_fingerprint

    for text in fingerprint_texts():
        folded = normalise(text)
        expected = MinHash(num_perm=num_perm, seed=1, scheme="affine32")
        expected.update_batch(list(shingles(folded, size)))
        got = signature(folded, num_perm, size)
        assert got.dtype == np.uint32 and got.tolist() == expected.hashvalues.tolist(), text
        assert text_fingerprint(text, num_perm, size).signature.tolist() == got.tolist()


def test_shingles_are_the_word_ngrams() -> None:
    from crawler.analyse.minhash import shingles

    for text in fingerprint_texts():
        folded = normalise(text)
        words = folded.split()
        expected = ({" ".join(words[i:i + 3]).encode() for i in range(len(words) - 2)}
                    if len(words) > 3 else ({folded.encode()} if folded else set()))
        assert shingles(folded) == expected


def test_band_keys_are_unchanged() -> None:
    import hashlib

    from crawler.analyse.minhash import text_fingerprint

    banding = Banding.for_threshold(0.5, 128)
    signed = text_fingerprint(" ".join(BODY)).signature
    expected = [int.from_bytes(hashlib.blake2b(
        signed[b * banding.rows:(b + 1) * banding.rows].tobytes(), digest_size=8,
        person=b.to_bytes(4, "big")).digest(), "big", signed=True) for b in range(banding.bands)]
    assert banding.keys(signed) == expected


@pytest.mark.slow
def test_known_bandings_are_datasketchs() -> None:
    from datasketch.lsh import _optimal_param

    from crawler.store.duplicates import KNOWN_BANDINGS

    for (threshold, num_perm), banding in KNOWN_BANDINGS.items():
        assert _optimal_param(threshold, num_perm, 0.5, 0.5) == banding


@pytest.mark.slow
def test_the_crawl_imports_neither_datasketch_nor_scipy() -> None:
    import subprocess
    import sys

    code = ("import sys, crawler.store.duplicates as s, crawler.analyse.minhash as d; "
            "s.Banding.for_threshold(0.5, 128); d.text_fingerprint('نص قصير للتجربة هنا'); "
            "print(sorted(m for m in ('scipy', 'datasketch') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=PROJECT_ROOT)
    assert out.stdout.strip() == "[]"


def test_replacing_a_record_replaces_its_bands(tmp_path: Path) -> None:
    from crawler.analyse.minhash import text_fingerprint
    from crawler.store.duplicates import DedupRecord

    banding = Banding.for_threshold(0.5, 128)
    state = SqliteDedupState(tmp_path / "dedup.sqlite3", banding)
    first = text_fingerprint(" ".join(BODY)).signature
    second = text_fingerprint(" ".join(SAME_SUBJECT)).signature
    state.add(DedupRecord("a", "https://x/a", "h1", "a", None, first), banding.keys(first))
    state.add(DedupRecord("a", "https://x/a", "h2", "a", None, second), banding.keys(second))
    assert len(state) == 1 and state.candidates(banding.keys(first)) == []
    assert [r.text_hash for r in state.candidates(banding.keys(second))] == ["h2"]
    state.remove("a")
    assert state.candidates(banding.keys(second)) == [] and len(state) == 0


def _signature(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 2**32 - 1, 128, dtype=np.uint64).astype(
        np.uint32)


def _bands(state: SqliteDedupState, article_id: str | None = None) -> set[int]:
    """Band keys in either band table (of one article)."""
    both = "SELECT key, seq FROM bands UNION ALL SELECT key, seq FROM bands_recent"
    if article_id is None:
        return {key for (key,) in state.db.execute(f"SELECT key FROM ({both})")}
    return {key for (key,) in state.db.execute(
        f"SELECT key FROM ({both}) WHERE seq = (SELECT seq FROM articles WHERE article_id = ?)",
        (article_id,))}


def test_exact_is_by_url_then_by_text_hash_in_one_lookup(tmp_path: Path) -> None:
    banding = Banding.for_threshold(0.5, 128)
    state = SqliteDedupState(tmp_path / "dedup.sqlite3", banding)
    rows = [("a", "u1", "h1"), ("b", "u1", "h2"), ("c", "u2", "h1"), ("d", "u3", "h2"),
            ("e", "u2", "h3"), ("a", "u1", "h1")]  # a again: now the newest of u1 and h1
    for number, (article_id, url, digest) in enumerate(rows):
        signed = _signature(number)
        state.add(DedupRecord(article_id, url, digest, article_id, None, signed),
                  banding.keys(signed))

    def found(match: tuple[Any, str] | None) -> tuple[str, int, str] | None:
        return None if match is None else (match[0].article_id, match[0].seq, match[1])

    for url in ("u1", "u2", "u3", "u4"):
        for digest in ("h1", "h2", "h3", "h4"):
            assert found(state.exact(url, digest)) == found(DedupState.exact(state, url, digest))
    seq = {record.article_id: record.seq for record in state.candidates(
        [key for signed in map(_signature, range(len(rows))) for key in banding.keys(signed)])}
    assert found(state.exact("u1", "h3")) == ("b", seq["b"], "same_url")  # a re-added later
    assert found(state.exact("u4", "h1")) == ("c", seq["c"], "same_text")
    assert found(state.exact("u4", "h2")) == ("b", seq["b"], "same_text")
    assert found(state.exact("u3", "h1")) == ("d", seq["d"], "same_url")
    assert state.exact("u4", "h4") is None
    state.close()


@pytest.mark.parametrize("merged", [False, True], ids=["recent", "merged"])
def test_re_adding_an_article_replaces_its_row_and_bands(tmp_path: Path, merged: bool) -> None:
    """``merged``: the first rows' bands were moved to the main band table before the
    replacement (whose bands go to the recent one)."""
    banding = Banding.for_threshold(0.5, 128)
    state = SqliteDedupState(tmp_path / "dedup.sqlite3", banding)
    old, new, other = _signature(1), _signature(2), _signature(3)
    state.add(DedupRecord("a", "https://x/a", "h1", "a", None, old), banding.keys(old))
    state.add(DedupRecord("b", "https://x/b", "h3", "b", None, other), banding.keys(other))
    if merged:
        state.merge_recent()
        assert state.db.execute("SELECT COUNT(*) FROM bands_recent").fetchone()[0] == 0
    state.add(DedupRecord("a", "https://x/a2", "h2", "b", "b", new), banding.keys(new))
    assert len(state) == 2
    assert state.candidates(banding.keys(old)) == []
    (replaced,) = state.candidates(banding.keys(new))
    assert (replaced.article_id, replaced.canonical_url, replaced.text_hash, replaced.cluster_id,
            replaced.duplicate_of, replaced.seq) == ("a", "https://x/a2", "h2", "b", "b", 3)
    assert np.array_equal(replaced.signature, new)
    assert _bands(state, "a") == set(banding.keys(new))
    assert _bands(state, "b") == set(banding.keys(other))
    assert state.by_url("https://x/a") is None and state.by_text_hash("h1") is None
    # the next article gets the next seq: a replacement uses up no seq
    state.add(DedupRecord("c", "https://x/c", "h4", "c", None, old), banding.keys(old))
    assert [r.seq for r in state.candidates(banding.keys(old))] == [4]
    no_url: Any = None
    with pytest.raises(sqlite3.IntegrityError):  # another constraint still fails
        state.add(DedupRecord("d", no_url, "h5", "d", None, old), banding.keys(old))
    assert len(state) == 3
    state.close()


@pytest.mark.parametrize("merged", [False, True], ids=["recent", "merged"])
def test_remove_removes_the_bands(tmp_path: Path, merged: bool) -> None:
    banding = Banding.for_threshold(0.5, 128)
    state = SqliteDedupState(tmp_path / "dedup.sqlite3", banding)
    first, second = _signature(1), _signature(2)
    state.add(DedupRecord("a", "https://x/a", "h1", "a", None, first), banding.keys(first))
    if merged:
        state.merge_recent()
    state.add(DedupRecord("b", "https://x/b", "h2", "b", None, second), banding.keys(second))
    state.remove("a")
    state.remove("missing")
    assert _bands(state) == set(banding.keys(second)) and len(state) == 1
    assert state.candidates(banding.keys(first)) == []
    state.close()


OLD_SCHEMA = """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE articles (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, article_id TEXT NOT NULL UNIQUE,
        canonical_url TEXT NOT NULL, text_hash TEXT NOT NULL, cluster_id TEXT NOT NULL,
        duplicate_of TEXT, signature BLOB NOT NULL);
    CREATE INDEX articles_url ON articles (canonical_url);
    CREATE INDEX articles_text ON articles (text_hash, seq);
    CREATE TABLE bands (
        key INTEGER NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (key, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX bands_article ON bands (article_id);
    INSERT INTO meta VALUES ('banding', '25x5/affine32');
"""


def test_a_state_written_with_the_bands_article_index_still_works(tmp_path: Path) -> None:
    """A database from before the index was dropped and before bands were keyed by seq (its
    schema and writes as they were): migrated on open, then read and written as any other."""
    path = tmp_path / "dedup.sqlite3"
    banding = Banding.for_threshold(0.5, 128)
    old = sqlite3.connect(path)
    old.executescript(OLD_SCHEMA)
    texts = {"a": " ".join(BODY), "b": " ".join(SAME_SUBJECT), "c": "نص آخر لا علاقة له بهما"}
    for article_id, text in texts.items():
        fingerprint = text_fingerprint(text)
        old.execute("INSERT INTO articles (article_id, canonical_url, text_hash, cluster_id, "
                    "duplicate_of, signature) VALUES (?, ?, ?, ?, ?, ?)",
                    (article_id, f"https://x/{article_id}", fingerprint.digest, article_id, None,
                     fingerprint.signature.astype(np.uint32).tobytes()))
        old.executemany("INSERT OR IGNORE INTO bands VALUES (?, ?)",
                        [(key, article_id) for key in banding.keys(fingerprint.signature)])
    old.commit()
    old.close()

    state = SqliteDedupState(path, banding)
    assert state.db.execute("SELECT name FROM sqlite_master WHERE name = 'bands_article'"
                            ).fetchall() == []
    assert [row[1] for row in state.db.execute("PRAGMA table_info(bands)")] == ["key", "seq"]
    dedup = Deduplicator(state)
    near = assign(dedup, item(9, body=("ترويسة موقع شقيق", *BODY)))
    assert (near.match, near.duplicate_of) == ("near", "a")
    assert dedup.state.exact("https://x/b", "?") is not None
    state.remove("a")
    replacement = text_fingerprint(texts["c"] + " مع إضافة")
    state.add(DedupRecord("b", "https://x/b", replacement.digest, "b", None,
                          replacement.signature), banding.keys(replacement.signature))
    a_keys = banding.keys(text_fingerprint(texts["a"]).signature)
    assert {record.article_id for record in state.candidates(a_keys)} == {item(9)["id"]}
    assert _bands(state, "a") == set()
    assert _bands(state, "b") == set(banding.keys(replacement.signature))
    assert _bands(state, "c") == set(banding.keys(text_fingerprint(texts["c"]).signature))
    assert len(state) == 3
    state.close()


@pytest.mark.parametrize("merge_rows", [10**9, 500], ids=["recent", "merging"])
def test_sqlite_earliest_similar_is_the_candidates_scan(tmp_path: Path, merge_rows: int) -> None:
    """The SQLite state scores its candidates together; it must pick what the generic scan of
    ``candidates`` picks (the earliest above the threshold, and its similarity). ``merging``:
    band rows are moved to the main table every 20 articles, so candidates are in both."""
    banding = Banding.for_threshold(0.5, 128)
    state = SqliteDedupState(tmp_path / "dedup.sqlite3", banding, flush_every=7,
                             merge_rows=merge_rows)
    generator = np.random.default_rng(3)
    bases = [generator.integers(0, 2**32, 128, dtype=np.uint32) for _ in range(4)]

    def variant(base: np.ndarray, changed: int) -> np.ndarray:
        signature = base.copy()
        where = generator.choice(128, changed, replace=False)
        signature[where] = generator.integers(0, 2**32, changed, dtype=np.uint32)
        return signature

    for number in range(240):  # clusters of variants: many records share bands
        signature = variant(bases[number % 4], int(generator.integers(0, 110)))
        state.add(DedupRecord(f"a{number}", f"https://x/{number}", f"h{number}", f"a{number}",
                              None, signature), banding.keys(signature))
    found = 0
    for _ in range(200):
        query = variant(bases[int(generator.integers(0, 4))], int(generator.integers(0, 128)))
        keys = banding.keys(query)
        for threshold in (0.3, 0.5, 0.8):
            fast = state.earliest_similar(keys, query, threshold)
            scan = DedupState.earliest_similar(state, keys, query, threshold)
            assert (fast is None) == (scan is None)
            if fast is not None and scan is not None:
                found += 1
                assert (fast[0].article_id, fast[0].seq, fast[1]) == \
                    (scan[0].article_id, scan[0].seq, scan[1])
                assert np.array_equal(fast[0].signature, scan[0].signature)
    assert found > 100
    assert state.earliest_similar([], bases[0], 0.5) is None
    recent = state.db.execute("SELECT COUNT(*) FROM bands_recent").fetchone()[0]
    main = state.db.execute("SELECT COUNT(*) FROM bands").fetchone()[0]
    assert (main > 0 and 0 < recent < merge_rows) if merge_rows == 500 else main == 0


def test_recent_bands_are_merged_in_a_commit_and_counted_on_open(tmp_path: Path) -> None:
    """Band rows wait in ``bands_recent`` until a commit point finds ``merge_rows`` of them;
    then they all move to ``bands`` (none lost, none left), and a reopened state counts the
    rows still waiting."""
    banding = Banding.for_threshold(0.5, 128)
    path = tmp_path / "dedup.sqlite3"
    state = SqliteDedupState(path, banding, flush_every=2, merge_rows=100)
    signatures = [_signature(number) for number in range(9)]
    for number, signed in enumerate(signatures[:5]):  # 125 band rows; commits after 2 and 4
        state.add(DedupRecord(f"a{number}", f"u{number}", f"h{number}", f"a{number}", None,
                              signed), banding.keys(signed))

    def counts(db: sqlite3.Connection) -> tuple[int, int]:
        return (db.execute("SELECT COUNT(*) FROM bands").fetchone()[0],
                db.execute("SELECT COUNT(*) FROM bands_recent").fetchone()[0])

    assert counts(state.db) == (100, 25)  # merged at the second commit, 4 articles' rows
    assert state.recent_rows == 25
    state.close()
    reopened = SqliteDedupState(path, banding, flush_every=2, merge_rows=100)
    assert reopened.recent_rows == 25
    for number, signed in enumerate(signatures[5:], start=5):
        reopened.add(DedupRecord(f"a{number}", f"u{number}", f"h{number}", f"a{number}", None,
                                 signed), banding.keys(signed))
    assert counts(reopened.db) == (225, 0)
    for number, signed in enumerate(signatures):
        (found,) = reopened.candidates(banding.keys(signed))
        assert found.article_id == f"a{number}" and _bands(reopened, f"a{number}") == set(
            banding.keys(signed))
    reopened.close()


def test_migrating_bands_to_seqs_keeps_every_band_and_every_lookup(tmp_path: Path) -> None:
    """The layout just before bands were keyed by seq (no index), with a replaced article (a
    new seq) and clustered signatures: after the migration every article has its bands, under
    its own seq, and every lookup finds what it found before."""
    path = tmp_path / "dedup.sqlite3"
    banding = Banding.for_threshold(0.5, 128)
    old = sqlite3.connect(path)
    old.executescript(OLD_SCHEMA.replace("CREATE INDEX bands_article ON bands (article_id);", ""))
    generator = np.random.default_rng(5)
    base = generator.integers(0, 2**32, 128, dtype=np.uint32)
    signatures = {}
    for number in range(60):
        signature = base.copy()
        signature[generator.choice(128, int(generator.integers(0, 100)), replace=False)] = 7
        signatures[f"a{number % 50}"] = signature  # a40..a49 are written twice: replaced
        article_id = f"a{number % 50}"
        old.execute("DELETE FROM articles WHERE article_id = ?", (article_id,))
        old.execute("DELETE FROM bands WHERE article_id = ?", (article_id,))
        old.execute("INSERT INTO articles (article_id, canonical_url, text_hash, cluster_id, "
                    "duplicate_of, signature) VALUES (?, ?, ?, ?, ?, ?)",
                    (article_id, f"https://x/{article_id}", f"h{number}", article_id, None,
                     signature.tobytes()))
        old.executemany("INSERT OR IGNORE INTO bands VALUES (?, ?)",
                        [(key, article_id) for key in banding.keys(signature)])
    old.commit()
    before = {article_id: sorted(key for (key,) in old.execute(
        "SELECT key FROM bands WHERE article_id = ?", (article_id,))) for article_id in signatures}
    old.close()

    state = SqliteDedupState(path, banding)
    assert len(state) == 50
    for article_id, signature in signatures.items():
        assert sorted(_bands(state, article_id)) == before[article_id] \
            == sorted(set(banding.keys(signature)))
        found = [record.article_id for record in state.candidates(banding.keys(signature))]
        assert article_id in found and found == sorted(found, key=lambda a: state.by_url(
            f"https://x/{a}").seq)  # type: ignore[union-attr]
    state.close()
    reopened = SqliteDedupState(path, banding)  # already migrated: opened as it is
    assert sorted(_bands(reopened, "a3")) == before["a3"]
    reopened.close()
