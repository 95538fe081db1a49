"""What pyproject.toml declares: the dependency groups as requirements, the supported Pythons,
and the Python code each group serves."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.support import PROJECT_ROOT

PYPROJECT = PROJECT_ROOT / "pyproject.toml"
FIRST_PARTY = frozenset({"crawler", "tests", "benchmarks"})


@cache
def project() -> dict:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]


def name() -> str:
    return canonicalize_name(project()["name"])


def groups() -> dict[str, list[Requirement]]:
    """"runtime" (the dependencies) and every extra, by name, as written."""
    declared = {"runtime": project()["dependencies"], **project()["optional-dependencies"]}
    return {group: [Requirement(line) for line in lines] for group, lines in declared.items()}


def own_requirements(group: str) -> list[Requirement]:
    """The group's requirements on other distributions (not the project's own extras)."""
    return [r for r in groups()[group] if canonicalize_name(r.name) != name()]


def installs(group: str) -> set[str]:
    """The groups that installing ``group`` brings: runtime, itself, the extras it names."""
    brought = {"runtime", group}
    for requirement in groups()[group]:
        if canonicalize_name(requirement.name) == name():
            brought |= set(requirement.extras)
    return brought


def supported_versions() -> list[str]:
    """The Python versions of the classifiers ("3.11", ...), oldest first."""
    found = (re.fullmatch(r"Programming Language :: Python :: (3\.\d+)", c)
             for c in project()["classifiers"])
    return sorted((m[1] for m in found if m), key=lambda v: int(v.split(".")[1]))


# -- the code of each group ------------------------------------------------------------------


@dataclass(frozen=True)
class Imports:
    """Top-level module names a file imports, and the string constants it holds."""

    modules: frozenset[str]
    strings: frozenset[str]


_BY_NAME = {"import_module", "importorskip", "find_spec"}
"""Calls whose first argument, a string, names a module the code imports or looks for."""


def _walk(tree: ast.AST, module_level: bool) -> Iterator[ast.AST]:
    """Every node, or with ``module_level`` only those that run when the module is imported
    (not function bodies, not ``if TYPE_CHECKING:`` blocks)."""
    for node in ast.iter_child_nodes(tree):
        if module_level and isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        if (module_level and isinstance(node, ast.If)
                and "TYPE_CHECKING" in ast.unparse(node.test)):
            yield from (n for child in node.orelse for n in [child, *_walk(child, True)])
            continue
        yield node
        yield from _walk(node, module_level)


def imports(source: str, module_level: bool = False) -> Imports:
    """What ``source`` imports, wherever the import is (inside functions too), including
    modules named in ``importlib.import_module``, ``pytest.importorskip`` and ``find_spec``."""
    modules: set[str] = set()
    strings: set[str] = set()
    for node in _walk(ast.parse(source), module_level):
        if isinstance(node, ast.Import):
            modules |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and node.args:
            called = node.func.attr if isinstance(node.func, ast.Attribute) else (
                node.func.id if isinstance(node.func, ast.Name) else None)
            first = node.args[0]
            if (called in _BY_NAME and isinstance(first, ast.Constant)
                    and isinstance(first.value, str)):
                modules.add(first.value.split(".")[0])
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            strings.add(node.value)
    return Imports(frozenset(modules), frozenset(strings))


def third_party(modules: Iterable[str]) -> set[str]:
    return {m for m in modules if m not in sys.stdlib_module_names and m not in FIRST_PARTY}


def _files(folder: str) -> list[Path]:
    return sorted((PROJECT_ROOT / folder).rglob("*.py"))


@cache
def _read(path: Path, module_level: bool = False) -> Imports:
    return imports(path.read_text(encoding="utf-8"), module_level)


def benchmarks_used_by_tests() -> tuple[set[Path], set[Path]]:
    """Benchmark modules the tests import (they need what those import at module level) and
    those they run (``python -m benchmarks.x``: they need all their imports)."""
    imported: set[Path] = set()
    run: set[Path] = set()
    for path in _files("tests"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                names, found = [node.module or ""], imported
            elif isinstance(node, ast.Import):
                names, found = [alias.name for alias in node.names], imported
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                names, found = [node.value], run
            else:
                continue
            found |= {PROJECT_ROOT / (name.replace(".", "/") + ".py") for name in names
                      if re.fullmatch(r"benchmarks\.\w+", name)}
    return {p for p in imported if p.exists()}, {p for p in run if p.exists()}


@cache
def group_code(group: str) -> Imports:
    """What the code a group serves imports and names: runtime and its extras serve crawler/,
    test serves tests/ (and the benchmark modules the tests use), bench serves benchmarks/."""
    if group == "bench":
        found = [_read(p) for p in _files("benchmarks")]
    elif group == "test":
        imported, run = benchmarks_used_by_tests()
        found = [_read(p) for p in _files("tests")]
        found += [_read(p, module_level=p not in run) for p in imported | run]
    else:
        found = [_read(p) for p in _files("crawler")]
    return Imports(frozenset().union(*(f.modules for f in found)),
                   frozenset().union(*(f.strings for f in found)))
