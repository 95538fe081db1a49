"""Distributed mode against the real Redis server on 127.0.0.1:6379: several ``scrapy crawl``
workers share one queue and split the simulator's articles; a worker killed with SIGKILL loses
nothing; the seen-store lives in Redis. Each test uses its own key prefix and deletes its keys.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from crawler import settings as project_settings
from crawler.crawl.archive import save_html
from crawler.simulator.network import SimResponse, SimulatedNetwork
from crawler.simulator.server import running_simulator
from crawler.store.seen import SeenRecord, open_seen_store
from tests.support import NETGUARD, PROJECT_ROOT, run_crawl

redis = pytest.importorskip("redis")

REDIS_DB = 9
REDIS_URL = f"redis://127.0.0.1:6379/{REDIS_DB}"
PAGES = 120


@pytest.fixture(scope="module")
def server() -> Any:
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.exceptions.ConnectionError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but Redis does not answer on 127.0.0.1:6379: {exc}")
        pytest.skip("no Redis server on 127.0.0.1:6379 (set CI=true to make this a failure)")
    return client


@pytest.fixture
def prefix(server: Any) -> Iterator[str]:
    name = f"test-{uuid.uuid4().hex[:10]}"
    yield name
    keys = list(server.scan_iter(match=f"{name}:*"))
    if keys:
        server.delete(*keys)


class RecordingNetwork(SimulatedNetwork):
    """Counts the requests it answers by (host, target); can answer article pages slowly."""

    def __init__(self, pages: int, delay: float = 0.0):
        super().__init__(pages)
        self.delay = delay
        self.requested: Counter[tuple[str, str]] = Counter()
        self.lock = threading.Lock()

    def respond(self, host: str, target: str, headers: Mapping[str, str] | None = None
                ) -> SimResponse:
        with self.lock:
            self.requested[(host.split(":")[0], target)] += 1
        if self.delay and target.count("/") >= 2 and not target.startswith("/sitemap"):
            time.sleep(self.delay)
        return super().respond(host, target, headers)


def start_worker(tmp_path: Path, base_url: str, network: SimulatedNetwork, prefix: str,
                 worker: str, *args: str, source: str | None = None) -> subprocess.Popen[str]:
    """A worker crawling the simulator at *base_url*, or replaying *source* when given."""
    sites = "sites=" + ",".join(site.key for site in network.sites)
    tmp_path.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable, "-m", "scrapy", "crawl", "arabstoday",
        "-o", str(tmp_path / "shard-%(worker)s.jsonl"),
        "-a", f"replay={source}" if source else f"via={base_url}", "-a", sites,
        "-s", f"REDIS_URL={REDIS_URL}", "-s", f"REDIS_KEY_PREFIX={prefix}",
        "-s", f"WORKER_ID={worker}", "-s", f"REPORT_DIR={tmp_path / 'reports'}",
        "-s", f"LOG_FILE={tmp_path / (worker + '.log')}", "-s", "DISTRIBUTED_HEARTBEAT=0.3",
        "-s", "DISTRIBUTED_WORKER_TIMEOUT=3", "-s", f"STATE_DIR={tmp_path / 'state'}", *args,
    ]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(NETGUARD), str(PROJECT_ROOT)])}
    return subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def finish(workers: list[subprocess.Popen[str]], timeout: float = 180) -> None:
    for proc in workers:
        _out, err = proc.communicate(timeout=timeout)
        assert proc.returncode == 0, err[-3000:]


def read_shard(path: Path) -> list[dict[str, Any]]:
    """A shard's items; a last line cut short by a killed worker is left out."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            items.append(json.loads(line))
        except ValueError:
            continue
    return items


def clusters(items: list[dict[str, Any]]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for item in items:
        groups.setdefault(item.get("cluster_id") or item["id"], set()).add(item["canonical_url"])
    return {frozenset(group) for group in groups.values()}


def reports(tmp_path: Path) -> dict[str, dict[str, Any]]:
    out = {}
    for path in (tmp_path / "reports").glob("*.json"):
        report = json.loads(path.read_text(encoding="utf-8"))
        out[report["worker"]] = report
    return out


def test_three_workers_split_the_crawl_of_one_process(tmp_path: Path, prefix: str,
                                                      server: Any) -> None:
    network = RecordingNetwork(PAGES)
    # Template learning (crawler.templates) keeps its statistics per process, so the first run
    # of several workers may strip boilerplate slightly differently: off for the comparison.
    no_templates = ("-s", "TEMPLATE_LEARNING=0")
    with running_simulator(network) as base_url:
        workers = [start_worker(tmp_path, base_url, network, prefix, f"w{i}", *no_templates)
                   for i in range(3)]
        finish(workers)
        requested = Counter(network.requested)
        single = run_crawl(tmp_path, "-a", f"via={base_url}",
                           "-a", "sites=" + ",".join(site.key for site in network.sites),
                           "-s", f"STATE_DIR={tmp_path / 'single-state'}", *no_templates,
                           name="single")
    shards = {path.name: read_shard(path) for path in tmp_path.glob("shard-*.jsonl")}
    items = [item for shard in shards.values() for item in shard]
    urls = [item["canonical_url"] for item in items]
    assert len(urls) == len(set(urls)), "an article was exported by two workers"
    assert set(urls) == set(network.manifest()) == single.urls()
    assert sum(1 for shard in shards.values() if shard) >= 2, "one worker did everything"

    # Same items as one process, discovery metadata included (held until each site's feeds and
    # sitemaps were all read, whichever worker read them). Which copy of a syndicated column
    # comes first depends on timing: the duplicate clusters are compared as groups.
    order_dependent = {"fetched_at", "cluster_id", "duplicate_of"}

    def comparable(item: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in item.items() if k not in order_dependent}

    by_url = {item["canonical_url"]: comparable(item) for item in single.items}
    differing = {(item["canonical_url"], key) for item in items
                 for key, value in comparable(item).items()
                 if by_url[item["canonical_url"]][key] != value}
    assert differing == set()
    assert clusters(items) == clusters(single.items)
    assert any(len(group) > 1 for group in clusters(items))

    # Every worker yields the same seeds; each page was fetched once (robots.txt aside: each
    # worker's RobotsTxtMiddleware reads it too).
    twice = {key: n for key, n in requested.items() if n > 1 and key[1] != "/robots.txt"}
    per_worker = reports(tmp_path)
    requeued = {w: r["stats"].get("distributed/requeued_from_dead_workers") for w, r in
                per_worker.items()}
    assert twice == {}, f"fetched twice; requeued from workers taken for dead: {requeued}"
    assert set(per_worker) == {"w0", "w1", "w2"}
    phases = [r["stats"].get("discovery/phase_complete", 0) for r in per_worker.values()]
    assert sum(phases) == len(network.sites), (phases, requeued)
    assert all(r["checks"]["failures"] == [] for r in per_worker.values())
    # the last worker cleared the run's queue, dupefilter and discovery state; the duplicate
    # clustering state stays for the next run
    left = {key.decode() for key in server.scan_iter(match=f"{prefix}:*")}
    assert {key for key in left if not key.startswith(f"{prefix}:dedup:")} == set()
    assert f"{prefix}:dedup:rec" in left


def test_workers_replaying_saved_pages_request_each_page_once(tmp_path: Path,
                                                             prefix: str) -> None:
    """Seeding waits until the whole run is idle; the shared dupefilter lets one worker request
    each archived page, and replay/seeded counts only the requests that went out."""
    network = SimulatedNetwork(40)
    folder = tmp_path / "saved"
    for number, url in enumerate(network.manifest()):
        parts = urlsplit(url)
        save_html(folder / f"page-{number:03d}.html", url,
                  network.respond(parts.netloc, parts.path).body)
    # A saved page carries no feed: the simulator's articles dated only in their feed have no
    # date here, so published_at is not judged (which worker gets how many pages varies).
    coverage = ("-s", 'REPORT_MIN_COVERAGE={"title": 0.95, "text": 0.95}')
    workers = [start_worker(tmp_path, "", network, prefix, f"w{i}", *coverage,
                            source=str(folder)) for i in range(2)]
    finish(workers)
    items = [item for path in tmp_path.glob("shard-*.jsonl") for item in read_shard(path)]
    urls = [item["canonical_url"] for item in items]
    assert len(urls) == len(set(urls)), "an article was exported by two workers"
    assert set(urls) == set(network.manifest())
    per_worker = reports(tmp_path)
    assert set(per_worker) == {"w0", "w1"}
    seeded = sum(r["stats"].get("replay/seeded", 0) for r in per_worker.values())
    hits = sum(r["stats"].get("replay/hit", 0) for r in per_worker.values())
    assert seeded == hits == len(network.manifest())


def test_a_worker_killed_mid_crawl_loses_no_article(tmp_path: Path, prefix: str) -> None:
    network = RecordingNetwork(PAGES, delay=0.05)
    with running_simulator(network) as base_url:
        workers = [start_worker(tmp_path, base_url, network, prefix, f"w{i}") for i in range(3)]
        victim, survivors = workers[0], workers[1:]
        victim_shard = tmp_path / "shard-w0.jsonl"
        deadline = time.monotonic() + 120
        while not (victim_shard.exists() and len(read_shard(victim_shard)) >= 5):
            assert victim.poll() is None, "the victim finished before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=10)
        finish(survivors)
    items = [item for path in tmp_path.glob("shard-*.jsonl") for item in read_shard(path)]
    ids = Counter(item["id"] for item in items)
    assert {item["canonical_url"] for item in items} == set(network.manifest())
    # At least once: the only article that may come twice is one the victim had written but not
    # yet recorded in Redis when it was killed (README, Distributed mode).
    twice = [i for i, n in ids.items() if n > 1]
    assert len(twice) <= 1, f"articles exported twice: {twice}"
    assert set(twice) <= {item["id"] for item in read_shard(victim_shard)}
    survivor_reports = reports(tmp_path)
    assert set(survivor_reports) == {"w1", "w2"}  # the killed worker wrote no report
    requeued = sum(r["stats"].get("distributed/requeued_from_dead_workers", 0)
                   for r in survivor_reports.values())
    assert requeued > 0, "the killed worker had requests in flight; they must be requeued"


def test_incremental_distributed_crawl_keeps_its_seen_store_in_redis(tmp_path: Path,
                                                                     prefix: str) -> None:
    network = SimulatedNetwork(60)
    state_dir = tmp_path / "state"
    extra = ("-s", "INCREMENTAL=1", "-s", f"STATE_DIR={state_dir}",
             "-s", "INCREMENTAL_NOW=2030-01-01")
    with running_simulator(network) as base_url:
        first = tmp_path / "first"
        finish([start_worker(first, base_url, network, prefix, f"a{i}", *extra)
                for i in range(2)])
        second = tmp_path / "second"
        finish([start_worker(second, base_url, network, prefix, f"b{i}", *extra)
                for i in range(2)])
    exported = [item for path in first.glob("shard-*.jsonl") for item in read_shard(path)]
    assert {item["canonical_url"] for item in exported} == set(network.manifest())
    assert [item for path in second.glob("shard-*.jsonl") for item in read_shard(path)] == []
    assert not list(state_dir.glob("*.sqlite3")), "SQLite was used instead of Redis"
    store = open_seen_store({"REDIS_URL": REDIS_URL, "REDIS_KEY_PREFIX": prefix,
                             "SEEN_STORE_CLASS": "crawler.store.redis.RedisSeenStore"})
    try:
        assert len(store) == len(exported)
        assert {record.article_id for record in store} == {item["id"] for item in exported}
    finally:
        store.close()


def test_redis_seen_store_roundtrip(prefix: str) -> None:
    store = open_seen_store({"REDIS_URL": REDIS_URL, "REDIS_KEY_PREFIX": prefix,
                             "SEEN_STORE_CLASS": "crawler.store.redis.RedisSeenStore"})
    record = SeenRecord("arabstoday-1", "https://www.arabstoday.net/1/1-خبر", "arabstoday",
                        "2026-01-01T00:00:00Z", None, None, "abc", 1)
    try:
        assert store.get(record.article_id) is None and len(store) == 0
        store.put(record)
        store.put(record)
        assert store.get(record.article_id) == record
        assert record.article_id in store and "other" not in store
        assert list(store) == [record] and len(store) == 1
    finally:
        store.close()


def test_a_lone_worker_killed_and_restarted_finishes_the_crawl(tmp_path: Path,
                                                              prefix: str) -> None:
    network = RecordingNetwork(PAGES, delay=0.05)
    with running_simulator(network) as base_url:
        first = start_worker(tmp_path / "first", base_url, network, prefix, "w0")
        shard = tmp_path / "first" / "shard-w0.jsonl"
        deadline = time.monotonic() + 120
        while not (shard.exists() and len(read_shard(shard)) >= 5):
            assert first.poll() is None, "the worker finished before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        finish([start_worker(tmp_path / "second", base_url, network, prefix, "w0")])
    before = read_shard(shard)
    after = read_shard(tmp_path / "second" / "shard-w0.jsonl")
    ids = Counter(item["id"] for item in before + after)
    twice = [i for i, n in ids.items() if n > 1]  # at least once, as above
    assert len(twice) <= 1 and set(twice) <= {item["id"] for item in before}
    assert {item["canonical_url"] for item in before + after} == set(network.manifest())
    [report] = reports(tmp_path / "second").values()
    assert report["stats"]["distributed/requeued_from_previous_run_of_this_worker"] > 0


def test_a_worker_killed_as_it_writes_an_article_loses_it_not(tmp_path: Path,
                                                              prefix: str) -> None:
    """Killed after the 5th article passed the pipelines, before its line is written: the
    lease of its request must still be held, so the restarted worker fetches it again."""
    extensions = {**project_settings.EXTENSIONS, "tests.killswitch.KillOnItem": -1}
    network = RecordingNetwork(PAGES)
    with running_simulator(network) as base_url:
        first = start_worker(tmp_path / "first", base_url, network, prefix, "w0",
                             "-s", "KILL_ON_ITEM=5", "-s", f"EXTENSIONS={json.dumps(extensions)}")
        first.communicate(timeout=120)
        assert first.returncode == -signal.SIGKILL
        finish([start_worker(tmp_path / "second", base_url, network, prefix, "w0")])
    before = read_shard(tmp_path / "first" / "shard-w0.jsonl")
    after = read_shard(tmp_path / "second" / "shard-w0.jsonl")
    assert len(before) == 4
    ids = Counter(item["id"] for item in before + after)
    assert [i for i, n in ids.items() if n > 1] == []
    assert {item["canonical_url"] for item in before + after} == set(network.manifest())


COLUMN = tuple(
    f"الفقرة {n} من العمود نفسه: تناول الكاتب موازنة العام المقبل وقال إن الإنفاق على التعليم "
    f"والصحة يجب أن يرتفع في المدن الصغيرة قبل العواصم، وذكّر بوعود الحكومة منذ {2010 + n}."
    for n in range(1, 5))


def _worker_pipeline(tmp_path: Path, prefix: str, worker: str) -> Any:
    """One worker's duplicate pipeline on the shared state in Redis, as distributed mode sets it."""
    from scrapy.utils.test import get_crawler

    from crawler.crawl.spider import ArabsTodaySpider
    from crawler.pipelines.duplicates import DedupPipeline

    crawler = get_crawler(ArabsTodaySpider, settings_dict={
        "STATE_DIR": str(tmp_path / worker), "REDIS_URL": REDIS_URL, "REDIS_KEY_PREFIX": prefix,
        "DEDUP_STATE_CLASS": "crawler.store.redis.RedisDedupState"})
    crawler.spider = ArabsTodaySpider(dedup="mark")
    crawler.stats.open_spider()
    pipeline = DedupPipeline.from_crawler(crawler)
    pipeline.open_spider()
    return pipeline


def test_two_workers_marking_copies_at_once_put_them_in_one_cluster(tmp_path: Path,
                                                                      prefix: str) -> None:
    from scrapy.exceptions import DropItem

    from tests.support import make_item

    first, second = (_worker_pipeline(tmp_path, prefix, name) for name in ("w1", "w2"))
    original = first.process_item(make_item(1, body=COLUMN))
    # The copy is marked by the other worker before the original's line is written.
    copy = second.process_item(make_item(2, body=("ترويسة موقع شقيق", *COLUMN)))
    first.item_exported(original)
    second.item_exported(copy)
    assert original["duplicate_of"] is None
    assert copy["duplicate_of"] == copy["cluster_id"] == original["id"]

    # An item a later pipeline drops is forgotten by every worker...
    unwritten = first.process_item(make_item(3, body=COLUMN[2:]))
    assert unwritten["duplicate_of"] == original["id"]
    first.item_dropped(unwritten, None, DropItem("missing_required"))
    assert first.dedup.state.by_url(unwritten["canonical_url"]) is None
    # ...and a second worker's copy of an article the first is exporting leaves the first's record.
    again = second.process_item(make_item(1, body=COLUMN))
    second.item_dropped(again, None, DropItem("duplicate_in_run"))
    kept = first.dedup.state.by_url(original["canonical_url"])
    assert kept is not None and kept.cluster_id == original["id"] and kept.duplicate_of is None
    assert len(first.dedup.state) == 2
    for pipeline in (first, second):
        pipeline.close_spider()
