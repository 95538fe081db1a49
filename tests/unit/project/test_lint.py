"""The code passes the linter and the type checker configured in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.support import PROJECT_ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=PROJECT_ROOT, capture_output=True,
                          text=True, timeout=600, check=False)


def test_ruff_finds_nothing() -> None:
    result = run("ruff", "check", "--no-cache", "crawler", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_finds_nothing() -> None:
    result = run("mypy", "--no-incremental", "crawler")
    assert result.returncode == 0, result.stdout + result.stderr
