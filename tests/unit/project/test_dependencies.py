"""Every third-party module the code imports is declared in the group that serves that code
(runtime and its extras: crawler/; test: tests/; bench: benchmarks/), and every package a group
declares is imported or run by that code."""

from __future__ import annotations

import importlib.metadata
from functools import cache

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from crawler.extras import EXTRAS
from tests.unit.project.declared import (
    group_code,
    groups,
    imports,
    installs,
    own_requirements,
    third_party,
)

CODE_GROUPS = ("runtime", "test", "bench")

FOR_A_DEPENDENCY = {
    "lxml-html-clean": "justext",  # asks for lxml[html_clean], which pip < 24 does not match
}
"""Runtime packages declared for the sake of the dependency that imports them."""


@cache
def _providers() -> dict[str, set[str]]:
    """Top-level module -> the installed distributions that provide it."""
    return {module: {canonicalize_name(d) for d in dists}
            for module, dists in importlib.metadata.packages_distributions().items()}


def providers(module: str) -> set[str]:
    """The distributions providing ``module``; one not installed here is taken to be named
    after it (a package left out on this Python by its environment marker)."""
    return _providers().get(module) or {canonicalize_name(module)}


def provided(requirement: Requirement) -> tuple[set[str], set[str]]:
    """The modules and the commands a required distribution installs."""
    dist_name = canonicalize_name(requirement.name)
    modules = {m for m, dists in _providers().items() if dist_name in dists}
    if requirement.marker is not None and not requirement.marker.evaluate():
        return modules or {dist_name.replace("-", "_")}, set()
    dist = importlib.metadata.distribution(requirement.name)
    commands = {ep.name for ep in dist.entry_points if ep.group == "console_scripts"}
    commands |= {f.name for f in dist.files or () if f.parent.name == "bin"}
    return modules, commands


def importable(group: str) -> set[str]:
    """The distributions the code of ``group`` may import: those its install brings; the
    crawler also those of its extras (it checks for them before use: crawler.extras)."""
    brought = installs(group) | (set(EXTRAS) if group == "runtime" else set())
    return {canonicalize_name(r.name) for g in brought for r in own_requirements(g)}


def skip_unless_installed(group: str) -> None:
    """Which distribution provides a module is known from installed metadata only: a group
    is checked where it is installed (the test lock holds runtime, extras and test)."""
    missing = []
    for requirement in (r for g in installs(group) for r in own_requirements(g)):
        if requirement.marker is None or requirement.marker.evaluate():
            try:
                importlib.metadata.distribution(requirement.name)
            except importlib.metadata.PackageNotFoundError:
                missing.append(requirement.name)
    if missing:
        pytest.skip(f"{group}'s packages are not installed here ({', '.join(missing)}):"
                    f" pip install --no-deps -r requirements/{group}.txt to check them")


@pytest.mark.slow  # reads every file of the project and the metadata of every distribution
@pytest.mark.parametrize("group", CODE_GROUPS)
def test_every_imported_package_is_declared_for_the_code_importing_it(group: str) -> None:
    skip_unless_installed(group)
    wanted = importable(group)
    undeclared = {module: sorted(providers(module))
                  for module in third_party(group_code(group).modules)
                  if not providers(module) & wanted}
    assert not undeclared, f"imported by the {group} code but not declared: {undeclared}"


@pytest.mark.slow
@pytest.mark.parametrize("group", sorted(groups()))
def test_every_declared_package_is_imported_or_run(group: str) -> None:
    skip_unless_installed(group)
    code = group_code(group)
    unused = []
    for requirement in own_requirements(group):
        if canonicalize_name(requirement.name) in FOR_A_DEPENDENCY:
            continue
        modules, commands = provided(requirement)
        if not (modules & code.modules or commands & code.strings):
            unused.append(requirement.name)
    assert not unused, f"declared in {group} but neither imported nor run by its code: {unused}"


@pytest.mark.slow
def test_the_extras_of_the_code_are_those_of_pyproject() -> None:
    for extra, modules in EXTRAS.items():
        by_requirement = [provided(r)[0] for r in own_requirements(extra)]
        assert set().union(*by_requirement) >= set(modules), extra
        assert all(provides & set(modules) for provides in by_requirement), extra
    assert set(EXTRAS) == set(groups()) - {"runtime", "test", "bench"}


def test_imports_are_found_in_functions_in_type_checking_and_by_name() -> None:
    source = '''
import os.path
from lxml import html
from . import sibling
if TYPE_CHECKING:
    from redis import Redis
class Thing:
    import numpy
    def method(self):
        import matplotlib.pyplot
        pytest.importorskip("scrapy_redis")
        importlib.import_module("atheris")
        return "lint-imports"
'''
    everything = imports(source)
    assert everything.modules == {"os", "lxml", "redis", "numpy", "matplotlib", "scrapy_redis",
                                  "atheris"}
    assert "lint-imports" in everything.strings
    assert imports(source, module_level=True).modules == {"os", "lxml", "numpy"}
    assert third_party(everything.modules) == everything.modules - {"os"}


def asks_for(line: str, name: str) -> bool:
    """Whether a requirement line asks for ``name``, itself or as an extra of another package
    (``lxml[html_clean]`` asks for lxml-html-clean)."""
    requirement = Requirement(line)
    asked = {requirement.name, *(f"{requirement.name}-{extra}" for extra in requirement.extras)}
    return name in {canonicalize_name(n) for n in asked}


def test_what_is_declared_for_a_dependency_is_asked_for_by_it() -> None:
    runtime = {canonicalize_name(r.name) for r in own_requirements("runtime")}
    for name, dependent in FOR_A_DEPENDENCY.items():
        assert name in runtime
        assert any(asks_for(line, name) for line in importlib.metadata.requires(dependent) or ())
    assert asks_for("lxml[html_clean]>=4.4.2", "lxml-html-clean")
    assert not asks_for("lxml>=4.4.2", "lxml-html-clean")
