"""The lock files (requirements/*.txt, built by requirements/compile) are in step with the ranges
of pyproject.toml on every supported Python, agree with each other, and are what is installed."""

from __future__ import annotations

import platform
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.support import PROJECT_ROOT
from tests.unit.project.declared import groups, installs, own_requirements, supported_versions

LOCKS = PROJECT_ROOT / "requirements"


@dataclass(frozen=True)
class Pin:
    name: str
    version: Version
    marker: Marker | None

    def applies(self, environment: dict[str, str]) -> bool:
        return self.marker is None or self.marker.evaluate(environment)


def pins(lock: Path) -> list[Pin]:
    return parse_pins(lock.read_text(encoding="utf-8"))


def parse_pins(text: str) -> list[Pin]:
    """The ``name==version ; marker`` lines of a lock file's text."""
    found = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        requirement = Requirement(line)
        (specifier,) = requirement.specifier
        assert specifier.operator == "==", line
        found.append(Pin(canonicalize_name(requirement.name), Version(specifier.version),
                         requirement.marker))
    return found


def environment(version: str) -> dict[str, str]:
    """Marker values of this machine with Python ``version`` (its first release)."""
    return {"python_version": version, "python_full_version": f"{version}.0",
            "implementation_name": "cpython", "platform_python_implementation": "CPython",
            "sys_platform": sys.platform, "platform_system": platform.system(),
            "platform_machine": platform.machine(), "os_name": "posix", "extra": ""}


def lock_of(group: str) -> Path:
    return LOCKS / f"{group}.txt"


@pytest.mark.parametrize("version", supported_versions())
@pytest.mark.parametrize("group", sorted(groups()))
def test_each_lock_pins_its_groups_requirements_within_their_ranges(group: str,
                                                                    version: str) -> None:
    env = environment(version)
    locked = {pin.name: pin.version for pin in pins(lock_of(group)) if pin.applies(env)}
    for brought in installs(group):
        for requirement in own_requirements(brought):
            if requirement.marker is not None and not requirement.marker.evaluate(env):
                assert canonicalize_name(requirement.name) not in locked, requirement
                continue
            name = canonicalize_name(requirement.name)
            assert name in locked, f"{lock_of(group).name} lacks {requirement} on {version}"
            assert requirement.specifier.contains(locked[name], prereleases=True), (
                f"{lock_of(group).name}: {name}=={locked[name]} is outside {requirement}")


def test_every_lock_is_cut_from_all_txt() -> None:
    """On every supported Python, each lock installs the versions all.txt installs there (a
    group may need a package on fewer platforms, so markers may differ)."""
    for version in supported_versions():
        env = environment(version)
        everything = {(p.name, p.version) for p in pins(LOCKS / "all.txt") if p.applies(env)}
        for group in groups():
            locked = {(p.name, p.version) for p in pins(lock_of(group)) if p.applies(env)}
            assert locked <= everything, (
                f"{group}.txt differs from all.txt on {version}: {locked - everything}")
    assert {p.name for p in LOCKS.glob("*.txt")} == {f"{g}.txt" for g in [*groups(), "all"]}


def test_pins_are_read_with_their_markers() -> None:
    numpy, atheris = parse_pins("numpy==2.2.6\n    # via datasketch\n"
                                "atheris==2.3.0 ; python_full_version < '3.12'\n")
    assert (numpy.name, numpy.version) == ("numpy", Version("2.2.6"))
    assert numpy.applies(environment("3.13"))
    assert atheris.applies(environment("3.11"))
    assert not atheris.applies(environment("3.12"))


@pytest.mark.slow
def test_the_installed_packages_are_complete_and_consistent() -> None:
    """pip check: every installed distribution has what it requires (so the lock installed
    with --no-deps left nothing out)."""
    done = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
