"""The two requirement files are pyproject.toml, compiled (``make lock``), and fully pinned.

Each file must pin every package it names, hold each of its direct requirements
(the package's dependencies and the extras ``scripts/lock.py`` compiles it with)
at a version pyproject.toml's range admits, and install the course's own package.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import lock  # noqa: E402

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def pins(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#") or line == lock.OWN:
            continue
        name, sep, version = line.partition("==")
        assert sep, f"{path.name}: {line!r} is not pinned with =="
        out[canonicalize_name(name)] = version
    return out


def direct(extras: list[str]) -> list[Requirement]:
    wanted = [*PROJECT["dependencies"], *(r for e in extras for r in PROJECT["optional-dependencies"][e])]
    return [Requirement(r) for r in wanted]


@pytest.mark.parametrize("path", lock.TARGETS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_direct_requirement_is_pinned_within_its_range(path):
    pinned = pins(path)
    problems = []
    for req in direct(lock.TARGETS[path]):
        version = pinned.get(canonicalize_name(req.name))
        if version is None:
            problems.append(f"{req.name} is missing")
        elif not req.specifier.contains(version, prereleases=True):
            problems.append(f"{req.name}=={version} is outside {req.specifier}")
    assert problems == [], f"{path.name} no longer matches pyproject.toml (run make lock): {problems}"
    assert path.read_text().rstrip().endswith(lock.OWN), "the course's own package must be installed"
    assert "pip-compile" in path.read_text(), "written by pip-compile (make lock), not by hand"


def test_the_check_can_fail(tmp_path):
    assert not Requirement("numpy>=3").specifier.contains("2.3.1")
    bad = tmp_path / "requirements.txt"
    bad.write_text("numpy>=1\n")
    with pytest.raises(AssertionError, match="not pinned"):
        pins(bad)
