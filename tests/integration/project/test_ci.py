"""CI (.ci/run) runs the README's quick start as written: its two blocks, read out of
README.md, with the oldest and the newest supported Python installed here. The blocks set up
from the lock files: the runtime alone first, then what the tests need."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.test_quickstart import quick_start_blocks
from tests.support import PROJECT_ROOT
from tests.unit.project.declared import supported_versions

PRINT_VERSION = "import platform; print(platform.python_version())"


def plan(root: Path = PROJECT_ROOT) -> tuple[dict[str, str], list[str], list[str]]:
    """What ``.ci/run --plan`` in ``root`` names: the supported Pythons it found (version ->
    interpreter), the versions it would run the blocks with, and the blocks."""
    done = subprocess.run(["bash", str(root / ".ci" / "run"), "--plan"], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    head, *blocks = re.split(r"^--- block \d+\n", done.stdout, flags=re.M)
    found = dict(re.findall(r"^found (\S+) (.+)$", head, flags=re.M))
    return found, re.findall(r"^python (\S+)$", head, flags=re.M), blocks


@pytest.mark.slow
def test_ci_runs_the_readme_blocks_with_the_oldest_and_newest_python() -> None:
    found, versions, blocks = plan()
    assert list(found) == [v for v in supported_versions() if v in found]
    assert f"{sys.version_info.major}.{sys.version_info.minor}" in found  # this test's Python
    for version, interpreter in found.items():
        done = subprocess.run([interpreter, "-c", PRINT_VERSION], capture_output=True, text=True,
                              timeout=60)
        assert done.stdout.startswith(f"{version}.")
    ordered = list(found)
    assert versions == (ordered[:1] + ordered[-1:] if len(ordered) > 1 else ordered)
    assert blocks == quick_start_blocks()


@pytest.mark.slow
def test_ci_reads_the_blocks_out_of_the_readme(tmp_path: Path) -> None:
    for name in ("README.md", "pyproject.toml", ".ci/run"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        shutil.copy(PROJECT_ROOT / name, tmp_path / name)
    readme = tmp_path / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8").replace(
        ".venv/bin/python -m pytest\n", ".venv/bin/python -m pytest -x -q\n"), encoding="utf-8")
    _found, _versions, blocks = plan(tmp_path)
    assert blocks[1].splitlines()[-1] == ".venv/bin/python -m pytest -x -q"
    assert blocks[0] == quick_start_blocks()[0]


def test_block_one_sets_up_the_runtime_only_and_runs_the_main_job() -> None:
    first, second = quick_start_blocks()
    assert first.splitlines()[0] == "python3 -m venv .venv"
    assert re.findall(r"-r (requirements/\S+)", first) == ["requirements/runtime.txt"]
    assert "--no-deps -e ." in first
    assert first.splitlines()[-1] == (".venv/bin/scrapy crawl arabstoday"
                                      " -a replay=samples/network.warc.gz -O output/articles.jsonl")
    assert re.findall(r"-r (requirements/\S+)", second) == ["requirements/test.txt"]
    assert second.splitlines()[-1] == ".venv/bin/python -m pytest"
