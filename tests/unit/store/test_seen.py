"""The seen-store: SQLite records survive reopening, a crash, and replace by article id."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from scrapy.settings import Settings

from crawler.store.seen import (
    SEEN_DB_NAME,
    SeenRecord,
    SeenStore,
    SqliteSeenStore,
    open_seen_store,
)
from crawler.text import text_digest
from tests.support import PROJECT_ROOT


def record(n: int, version: int = 1, text: str = "نص تجريبي") -> SeenRecord:
    return SeenRecord(
        article_id=f"arabstoday-{n:016x}", canonical_url=f"https://www.arabstoday.net/{n}/x",
        site="arabstoday", exported_at="2026-01-01T00:00:00Z",
        published_at="2024-03-01T10:00:00Z", modified_at=None, text_hash=text_digest(text),
        version=version,
    )


def test_put_get_replace_iterate(tmp_path: Path) -> None:
    with SqliteSeenStore(tmp_path / "s.db") as store:
        assert store.get("missing") is None
        assert len(store) == 0
        store.put(record(1))
        store.put(record(2))
        store.put(record(1, version=2, text="نص معدل"))
        assert len(store) == 2
        got = store.get(record(1).article_id)
        assert got == record(1, version=2, text="نص معدل")
        assert record(2).article_id in store
        assert "nope" not in store
        assert [r.article_id for r in store] == sorted([record(1).article_id,
                                                        record(2).article_id])


def test_records_survive_reopen_and_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    store = SqliteSeenStore(path)
    store.put(record(7))
    store.close()
    with SqliteSeenStore(path) as again:
        assert again.get(record(7).article_id) == record(7)
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


@pytest.mark.slow
def test_put_is_durable_across_kill(tmp_path: Path) -> None:
    """A put returns only when committed: a process killed right after it loses nothing."""
    path = tmp_path / "s.db"
    code = (
        "import os, signal\n"
        "from crawler.store.seen import SqliteSeenStore\n"
        "from tests.unit.store.test_seen import record\n"
        f"s = SqliteSeenStore({str(path)!r})\n"
        "for n in range(50): s.put(record(n))\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    proc = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, env=env)
    assert proc.returncode == -9
    with SqliteSeenStore(path) as store:
        assert len(store) == 50


def test_the_recorded_text_hash_ignores_whitespace_only() -> None:
    def recorded(text: str) -> str:
        item = {"id": "a", "canonical_url": "https://www.arabstoday.net/1/x", "site": "arabstoday",
                "text": text}
        return SeenRecord.from_item(item, "2026-01-01T00:00:00Z").text_hash

    assert recorded("كلمة  أولى\nثانية") == recorded(" كلمة أولى ثانية ")
    assert recorded("كلمة أولى") != recorded("كلمة ثانية")


def test_record_from_item() -> None:
    item = {"id": "arabstoday-1", "canonical_url": "https://www.arabstoday.net/1/x",
            "site": "arabstoday", "published_at": "2024-01-02T00:00:00Z", "modified_at": None,
            "text": "نص", "version": 3}
    rec = SeenRecord.from_item(item, exported_at="2026-01-01T00:00:00Z")
    assert rec.version == 3 and rec.text_hash == text_digest("نص")
    assert rec.as_dict()["article_id"] == "arabstoday-1"


def test_open_seen_store_uses_state_dir(tmp_path: Path) -> None:
    store = open_seen_store(Settings({"STATE_DIR": str(tmp_path / "state")}))
    try:
        assert isinstance(store, SeenStore)
        store.put(record(1))
    finally:
        store.close()
    assert (tmp_path / "state" / SEEN_DB_NAME).exists()


def test_seen_store_is_abstract() -> None:
    with pytest.raises(TypeError):
        SeenStore()  # type: ignore[abstract]
