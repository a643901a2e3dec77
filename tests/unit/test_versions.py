"""The tested versions are pinned: constraints.txt names every dependency and the venv runs those pins.

`./scripts/run` and `./scripts/test` install with `-c constraints.txt`; pyproject.toml keeps the
ranges. A pin that drifts from the venv, or a dependency added without one, fails here.
"""

from __future__ import annotations

import tomllib
from importlib import metadata

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.fixtures import ROOT

CONSTRAINTS = ROOT / "constraints.txt"
HOW_TO_FIX = (
    "if pyproject.toml or the venv changed on purpose, regenerate the pins once ./scripts/test passes: "
    "./scripts/lock; otherwise install the pinned versions: .venv/bin/pip install -c constraints.txt -e '.[test]'"
)


def _pins() -> dict[str, Version]:
    pins = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"constraints.txt: {line!r} is not pinned with =="
            pins[canonicalize_name(name)] = Version(version)
    return pins


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(line) for line in project["dependencies"] + project["optional-dependencies"]["test"]]


PINS = _pins()


@pytest.mark.parametrize("requirement", _declared(), ids=str)
def test_every_declared_dependency_is_pinned_within_its_range(requirement: Requirement):
    pin = PINS.get(canonicalize_name(requirement.name))
    assert pin is not None, f"{requirement.name} (pyproject.toml) has no pin in constraints.txt: {HOW_TO_FIX}"
    assert requirement.specifier.contains(pin, prereleases=True), (
        f"constraints.txt pins {requirement.name}=={pin}, outside pyproject.toml's {requirement}: {HOW_TO_FIX}"
    )


def test_the_installed_versions_are_the_pins():
    declared = {canonicalize_name(r.name) for r in _declared()}
    drifted = []
    for name, pin in sorted(PINS.items()):
        try:
            installed = Version(metadata.version(name))
        except metadata.PackageNotFoundError:
            # A transitive pin may be for another Python (backports.zstd below 3.14); a declared one never is.
            if name in declared:
                drifted.append(f"{name}: not installed, pinned {pin}")
            continue
        if installed != pin:
            drifted.append(f"{name}: {installed} installed, pinned {pin}")
    assert not drifted, "the venv differs from constraints.txt:\n  " + "\n  ".join(drifted) + f"\n{HOW_TO_FIX}"
