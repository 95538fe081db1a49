"""The import contracts of pyproject.toml ([tool.importlinter]): the stages are layered, the
simulator stands apart, and there are no import cycles; imports inside functions count."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import PROJECT_ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on the project in ``root`` (its pyproject.toml and crawler/)."""
    env = {**os.environ, "PYTHONPATH": str(root), "NO_COLOR": "1"}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", "--no-logo"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_the_code_keeps_the_import_contracts() -> None:
    done = lint_imports(PROJECT_ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


PLANTED = {
    # a lower stage importing a higher one, inside a function
    "store/planted.py": "def later():\n    from crawler.crawl import spider\n",
    # the simulator importing a stage
    "simulator/planted.py": "def later():\n    from crawler.items import ARTICLE_FIELDS\n",
    # a stage importing the simulator
    "extract/planted.py": "import crawler.simulator.network\n",
    # a cycle inside one package
    "network/planted_a.py": "from crawler.network import planted_b\n",
    "network/planted_b.py": "def later():\n    from crawler.network import planted_a\n",
    # a new package that no layer names
    "unlayered/__init__.py": "",
}


@pytest.mark.slow
def test_the_contracts_catch_each_kind_of_violation(tmp_path: Path) -> None:
    shutil.copytree(PROJECT_ROOT / "crawler", tmp_path / "crawler",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT_ROOT / "pyproject.toml", tmp_path)
    for name, source in PLANTED.items():
        (tmp_path / "crawler" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "crawler" / name).write_text(source, encoding="utf-8")
    done = lint_imports(tmp_path)
    report = done.stdout
    assert done.returncode == 1, report + done.stderr
    assert "crawler.store.planted -> crawler.crawl.spider" in report
    assert "crawler.simulator.planted -> crawler.items" in report
    assert "crawler.extract.planted -> crawler.simulator.network" in report
    assert "No cycles are allowed in crawler.network" in report
    assert "- crawler.unlayered" in report
