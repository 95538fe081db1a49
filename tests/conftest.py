"""Fixtures shared by the tests, and the marks: everything under tests/e2e is ``slow``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

E2E = Path(__file__).resolve().parent / "e2e"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if E2E in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def counted_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts ``parse_document`` is given from here on, to count the parses of a page."""
    from crawler.extract import page

    parses: list[str] = []
    real = page.parse_document

    def counting(text: str) -> Any:
        parses.append(text)
        return real(text)

    monkeypatch.setattr(page, "parse_document", counting)
    return parses


# The test process itself stays on loopback too: importing the guard patches socket here.
import tests.netguard.sitecustomize  # noqa: E402, F401
