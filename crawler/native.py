"""The optional native extensions (built by setup.py with Cython; see README): one loader for all.

Each extension has a Python twin that stays the reference and the fallback; the module that
uses an extension loads it with ``native_module`` and says which form runs (``NATIVE_...``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType


def native_module(name: str, prepare: Callable[[ModuleType], bool]) -> ModuleType | None:
    """The compiled module ``name`` once ``prepare(module)`` accepts it (it hands the module its
    tables, or checks what it was built against); None when the module is not built or not
    accepted, and the caller runs its Python twin."""
    try:
        module = importlib.import_module(name)
    except ImportError:
        return None
    return module if prepare(module) else None
