"""Shared fixtures: the seed report and the bundled data, located from this file, not the CWD."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from benchmarks.make_ledger import write_ledger
from dashboard.store.dataset import load_dataset
from dashboard.web.components import Markup, Table

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
# The city's report as text extracted from its PDF, kept in the repository (data/README.md).
SEED_REPORT = DATA_DIR / "source" / "000_d603d5f688e74ccc.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_REPORT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def city(tmp_path_factory):
    """A small generated city-wide ledger: three divisions with nine cost centres each."""
    folder = tmp_path_factory.mktemp("city")
    write_ledger(folder, n_divisions=3, n_centres=9, n_years=2)
    return load_dataset(folder)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled data folder that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def text_of(component) -> str:
    """All text inside a Dash component tree (for tests that read a layout without a browser)."""
    if component is None:
        return ""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return " ".join(text_of(c) for c in component)
    if isinstance(component, Table | Markup):
        return component.text
    return text_of(getattr(component, "children", None))


def finance_request(area_value: Any = None, lang: str = "fi") -> dict:
    """The finance page's callback as the renderer posts it when the cost-centre filter changes."""
    from dashboard.web.callbacks import OUTPUTS

    return {
        "output": ".." + "...".join(f"{component}.{prop}" for component, prop in OUTPUTS) + "..",
        "outputs": [{"id": component, "property": prop} for component, prop in OUTPUTS],
        "inputs": [
            {"id": "service-area-filter", "property": "value", "value": [] if area_value is None else area_value},
            {"id": "line-group-control", "property": "value", "value": "expenses"},
            {"id": "measure-control", "property": "value", "value": "eur"},
            {"id": "bridge-by-control", "property": "value", "value": "line"},
            {"id": "division-control", "property": "value", "value": "yhteiset-palvelut"},
        ],
        "changedPropIds": ["service-area-filter.value"],
        "state": [{"id": "lang-store", "property": "data", "value": lang}],
    }
