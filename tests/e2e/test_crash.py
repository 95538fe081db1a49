"""Crash safety: kill -9 at random moments, then the same command again (same JOBDIR and
STATE_DIR, appending with -o) finishes the crawl with every article exactly once and every line
valid JSON; a full disk stops the crawl with a clear error and leaves only whole lines."""

from __future__ import annotations

import json
import os
import random
import resource
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.export.storage import EXIT_OUTPUT_ERROR, cut_torn_tail
from crawler.simulator.network import SimulatedNetwork
from crawler.simulator.server import running_simulator
from crawler.store.seen import SEEN_DB_NAME
from tests.support import NETGUARD, PROJECT_ROOT, SlowNetwork

PAGES = 60
KILL_SEED = 20261129


@pytest.fixture(scope="module")
def network() -> SimulatedNetwork:
    return SlowNetwork(PAGES, delay=0.1)


@pytest.fixture(scope="module")
def simulator(network: SimulatedNetwork) -> Iterator[str]:
    with running_simulator(network) as base_url:
        yield base_url


def command(tmp: Path, simulator: str, network: SimulatedNetwork, *extra: str) -> list[str]:
    """The one command a user repeats after every crash: appends (-o) to one output file."""
    sites = ",".join(site.key for site in network.sites)
    return [sys.executable, "-m", "scrapy", "crawl", "arabstoday", "-o", str(tmp / "out.jsonl"),
            "-a", f"via={simulator}", "-a", f"sites={sites}",
            "-s", f"STATE_DIR={tmp / 'state'}", "-s", f"REPORT_DIR={tmp / 'reports'}",
            "-s", "MAX_LISTING_PAGES=100", "-s", "CONCURRENT_REQUESTS=4",
            "-s", "REPORT_FAIL_EXIT=False", *extra]


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(NETGUARD), str(PROJECT_ROOT)])}


def kill_at(cmd: list[str], output: Path, lines: int, extra: float) -> int | None:
    """Start the crawl; SIGKILL it ``extra`` seconds after ``output`` holds ``lines`` lines.
    Its exit code (None: it finished first)."""
    proc = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if (output.read_bytes().count(b"\n") if output.exists() else 0) >= lines:
                time.sleep(extra)
                break
            time.sleep(0.01)
        if proc.poll() is not None:
            return None
        proc.kill()
        return proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()


def check_output(path: Path, network: SimulatedNetwork) -> None:
    raw = path.read_bytes()
    assert raw.endswith(b"\n")
    items = [json.loads(line) for line in raw.splitlines()]  # every line is valid JSON
    counts = Counter(item["canonical_url"] for item in items)
    assert {url: n for url, n in counts.items() if n > 1} == {}, "exported more than once"
    assert set(counts) == set(network.manifest())


def test_kill_9_at_random_moments_then_the_same_command_finishes_the_crawl(
        tmp_path: Path, simulator: str, network: SimulatedNetwork) -> None:
    cmd = command(tmp_path, simulator, network, "-s", f"JOBDIR={tmp_path / 'job'}",
                  "-s", f"LOG_FILE={tmp_path / 'crawl.log'}")
    rng = random.Random(KILL_SEED)
    out = tmp_path / "out.jsonl"
    # the first kill during start-up or discovery, then at random points between exports, the
    # last one with half the articles still to go (a burst of released pages can write many
    # lines within the extra wait; the crawl must not finish before its last kill)
    moments = [(0, rng.uniform(0.5, 2.0))] + [
        (lines, rng.uniform(0, 0.3)) for lines in sorted(rng.sample(range(2, PAGES // 2), 3))]
    counts = []
    for lines, extra in moments:
        code = kill_at(cmd, out, lines, extra)
        assert code == -signal.SIGKILL, "the crawl ended before the kill"
        counts.append(out.read_bytes().count(b"\n") if out.exists() else 0)
    subprocess.run(cmd, cwd=PROJECT_ROOT, env=env(), check=True, timeout=240,
                   capture_output=True)
    assert counts[-1] < len(network.manifest())
    check_output(tmp_path / "out.jsonl", network)


def test_a_crash_between_writing_a_line_and_recording_it_exports_nothing_twice(
        tmp_path: Path, simulator: str, network: SimulatedNetwork) -> None:
    """The window the seen-store cannot close alone: the line is on disk, the record is not.
    Simulated by a complete first crawl whose seen-store is then lost, plus a torn line."""
    cmd = command(tmp_path, simulator, network, "-s", "INCREMENTAL=1",
                  "-s", f"LOG_FILE={tmp_path / 'first.log'}", "-a", "max_items=20")
    subprocess.run(cmd, cwd=PROJECT_ROOT, env=env(), check=True, timeout=240,
                   capture_output=True)
    out = tmp_path / "out.jsonl"
    assert out.read_bytes().count(b"\n") == 20
    for leftover in (tmp_path / "state").glob(f"{SEEN_DB_NAME}*"):
        leftover.unlink()  # the records of the 20 exported articles are gone
    with out.open("ab") as file:
        file.write(b'{"id":"arabstoday-torn","url":"https://www.arabstoda')  # torn by a crash
    second = command(tmp_path, simulator, network, "-s", "INCREMENTAL=1",
                     "-s", f"LOG_FILE={tmp_path / 'second.log'}")
    subprocess.run(second, cwd=PROJECT_ROOT, env=env(), check=True, timeout=240,
                   capture_output=True)
    check_output(out, network)
    log = (tmp_path / "second.log").read_text(encoding="utf-8")
    assert "recorded 20 articles" in log and "removed an unfinished last line" in log


def _limit_file_size(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def assert_stopped_cleanly(proc: subprocess.CompletedProcess[str], out: Path, error: str,
                           network: SimulatedNetwork) -> None:
    assert proc.returncode == EXIT_OUTPUT_ERROR, proc.stderr[-3000:]
    assert "cannot write the output" in proc.stderr and error in proc.stderr
    assert "Traceback" not in proc.stderr
    raw = out.read_bytes()
    assert raw.endswith(b"\n"), "a broken last line was left"
    written = [json.loads(line) for line in raw.splitlines()]
    assert 0 < len(written) < len(network.manifest())


def test_a_write_failure_stops_the_crawl_with_a_clear_error_and_no_broken_line(
        tmp_path: Path, simulator: str, network: SimulatedNetwork) -> None:
    """The output file meets a file-size limit (EFBIG): every process write past it fails."""
    cmd = command(tmp_path, simulator, network, "-s", "DEDUP_MODE=off")
    limit = 100_000
    proc = subprocess.run(cmd, cwd=PROJECT_ROOT, env=env(), timeout=240, capture_output=True,
                          text=True, preexec_fn=lambda: _limit_file_size(limit))
    out = tmp_path / "out.jsonl"
    assert_stopped_cleanly(proc, out, "File too large", network)
    assert out.stat().st_size <= limit
    # no limit any more: with the seen-store on, the rest is exported, nothing twice
    subprocess.run([*cmd, "-s", "INCREMENTAL=1"], cwd=PROJECT_ROOT, env=env(), check=True,
                   timeout=240, capture_output=True)
    check_output(out, network)


@pytest.fixture
def small_tmpfs(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_full_disk_stops_the_crawl_and_the_same_command_resumes_it(
        tmp_path: Path, small_tmpfs: Path, simulator: str, network: SimulatedNetwork) -> None:
    """The output lives on a 64 KiB tmpfs (ENOSPC); the seen-store and job folder do not."""
    out = small_tmpfs / "out.jsonl"
    cmd = command(tmp_path, simulator, network, "-s", f"JOBDIR={tmp_path / 'job'}")
    cmd[cmd.index("-o") + 1] = str(out)
    proc = subprocess.run(cmd, cwd=PROJECT_ROOT, env=env(), timeout=240, capture_output=True,
                          text=True)
    assert_stopped_cleanly(proc, out, "No space left on device", network)
    subprocess.run(["mount", "-o", "remount,size=8m", str(small_tmpfs)], check=True)
    subprocess.run(cmd, cwd=PROJECT_ROOT, env=env(), check=True, timeout=240,
                   capture_output=True)
    check_output(out, network)


@pytest.mark.parametrize(("content", "kept"), [
    (b"", b""),
    (b'{"a":1}\n', b'{"a":1}\n'),
    (b'{"a":1}\n{"b":', b'{"a":1}\n'),
    (b'{"b":', b""),
    (b'{"a":1}\n' * 20000 + b'{"b":' + b"x" * 70000, b'{"a":1}\n' * 20000),
], ids=["empty", "whole", "torn", "only-torn", "long-torn-tail"])
def test_cut_torn_tail(tmp_path: Path, content: bytes, kept: bytes) -> None:
    path = tmp_path / "f.jsonl"
    path.write_bytes(content)
    assert cut_torn_tail(str(path)) == len(content) - len(kept)
    assert path.read_bytes() == kept


@pytest.mark.parametrize("overwrite", [True, False])
def test_output_files_work_for_text_exporters_too(tmp_path: Path, overwrite: bool) -> None:
    """CSV and XML exporters wrap the feed file in a TextIOWrapper."""
    import io

    from crawler.export.storage import SafeFileFeedStorage

    path = tmp_path / "out.csv"
    path.write_bytes(b"old\n")
    storage = SafeFileFeedStorage(str(path), feed_options={"overwrite": overwrite})
    file = storage.open(None)  # type: ignore[arg-type]
    text = io.TextIOWrapper(file, encoding="utf-8", newline="", write_through=True)
    text.write("عنوان,نص\r\n")
    text.detach()
    storage.store(file)
    assert path.read_bytes().decode() == ("" if overwrite else "old\n") + "عنوان,نص\r\n"
