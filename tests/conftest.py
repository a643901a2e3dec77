"""Shared pytest fixtures; the paths and helpers they use live in `tests/fixtures/`."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from benchmarks.make_ledger import write_ledger
from dashboard.intake.ingest import ingest
from dashboard.store.library import load_dataset, load_library
from tests.fixtures import DATA_DIR, LIBRARY_REPORTS, SEED_REPORT


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_REPORT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def city(tmp_path_factory):
    """A small generated city-wide ledger: three divisions with nine cost centres each."""
    folder = tmp_path_factory.mktemp("city")
    write_ledger(folder, n_divisions=3, n_centres=9, n_years=2)
    return load_dataset(folder)


@pytest.fixture(scope="session")
def wide_city(tmp_path_factory):
    """A generated ledger of two divisions of 15 cost centres: more than a chart draws one by one."""
    folder = tmp_path_factory.mktemp("wide_city")
    write_ledger(folder, n_divisions=2, n_centres=30, n_years=2)
    return load_dataset(folder)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled data folder that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture(scope="session")
def library_data(tmp_path_factory) -> Path:
    """A data folder holding a library of three reports (`tests.fixtures.LIBRARY_REPORTS`); not to be changed."""
    folder = tmp_path_factory.mktemp("library") / "data"
    log = io.StringIO()
    assert ingest(list(LIBRARY_REPORTS), folder, out=log, err=log) == 0, log.getvalue()
    return folder


@pytest.fixture(scope="session")
def library(library_data):
    return load_library(library_data)
