"""The README's quick start, run as written: the bundled snapshot replays offline into JSONL."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import jsonlines

from crawler.items import ARTICLE_FIELDS
from crawler.simulator import SimulatedNetwork
from tests.support import NETGUARD, PROJECT_ROOT

README = PROJECT_ROOT / "README.md"


def quick_start_blocks() -> list[str]:
    section = README.read_text(encoding="utf-8").split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.*?)```", section, flags=re.S)


def test_first_block_replays_the_snapshot_into_articles(tmp_path: Path) -> None:
    crawl_lines = [line for line in quick_start_blocks()[0].splitlines()
                   if line.startswith(".venv/bin/scrapy crawl")]
    assert len(crawl_lines) == 1
    command = shlex.split(crawl_lines[0])
    output = PROJECT_ROOT / command[command.index("-O") + 1]
    assert output == PROJECT_ROOT / "output" / "articles.jsonl"
    if not (PROJECT_ROOT / command[0]).exists():  # tests run from another environment
        command[0] = str(Path(sys.executable).parent / "scrapy")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(NETGUARD), str(PROJECT_ROOT)])}
    done = subprocess.run([*command, "-s", f"REPORT_DIR={tmp_path}"], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "netguard" not in done.stderr
    with jsonlines.open(output) as reader:
        items = list(reader)
    assert len(items) >= 40
    assert len({item["site"] for item in items}) >= 3
    # The snapshot is in step with the simulator it was recorded from (`crawler record-sample`):
    truth = {a.canonical_url: a for a in SimulatedNetwork(pages=60).articles()}
    assert {item["canonical_url"] for item in items} == set(truth)
    for item in items:
        assert item["text"] == "\n\n".join(truth[item["canonical_url"]].paragraphs)
    for item in items:
        assert list(item) == list(ARTICLE_FIELDS)
        assert item["title"] and item["text"]
