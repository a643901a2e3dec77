"""Loading a city-wide ledger: the fast paths (Arrow's reader, checks per distinct value) give the
same frames and the same messages, naming file, line and column, as the row-by-row ones."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from benchmarks.make_ledger import write_ledger
from dashboard.__main__ import main
from dashboard.store.files import _read_csv_checked, _read_csv_fast
from dashboard.store.library import load_dataset
from dashboard.store.manifest import MANIFEST
from dashboard.store.validation import DataError


@pytest.fixture(scope="module")
def ledger_text(tmp_path_factory) -> dict[str, bytes]:
    """A small seeded ledger: 2 divisions, 4 cost centres, 2 years, 2 622 finance rows."""
    folder = tmp_path_factory.mktemp("ledger")
    rows = write_ledger(folder, n_divisions=2, n_centres=4, n_years=2)
    assert rows > 2000  # large enough for the checks per distinct value
    return {path.name: path.read_bytes() for path in folder.iterdir()}


@pytest.fixture
def ledger(tmp_path, ledger_text) -> Path:
    for name, data in ledger_text.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


def test_a_ledger_loads_with_text_columns_as_str_and_reconciles(ledger):
    dataset = load_dataset(ledger)
    finance = dataset.finance
    assert len(finance) == 2622 and dataset.reconciliation.findings.empty
    for column in ("division", "service_area", "line_item", "basis"):
        assert finance[column].dtype == "str", column  # what metrics and the views group on
    assert [str(finance[c].dtype) for c in ("year", "months", "eur")] == ["int64"] * 3
    assert dataset.cost_centres == ["Palvelualue 001", "Palvelualue 002", "Palvelualue 003", "Palvelualue 004"]
    # A hand-made folder: no summary.csv (a ledger prints no TULOT / MENOT / NETTO), no manifest.
    assert dataset.summary.empty and not dataset.sealed
    assert dataset.reconciliation.sources[["division", "source", "cost_centres"]].values.tolist() == [
        ["Toimiala 01", "own table", 2],
        ["Toimiala 02", "own table", 2],
    ]


def _rewrite_own_tables(path: Path, name: str | None) -> None:
    """Each division's own table (service_area empty) dropped, or given `name`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    out = [lines[0]]
    for line in lines[1:]:
        report, division, area, rest = line.split(",", 3)
        if area:
            out.append(line)
        elif name is not None:
            out.append(f"{report},{division},{name},{rest}")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def test_check_of_a_ledger_without_own_tables_says_the_totals_are_its_cost_centres_sum(ledger, capsys):
    _rewrite_own_tables(ledger / "finance.csv", None)
    assert main(["check", "--data", str(ledger)]) == 0
    out = capsys.readouterr().out
    assert "default-view totals of 2 division(s), each from one source (no figure counted twice):" in out
    assert "  Toimiala 01: the sum of its 2 cost centre(s) (" in out and "no table of its own)" in out
    assert "0 rounding difference(s)" in out and f"has no {MANIFEST}" in out


def test_check_of_a_ledger_whose_own_tables_carry_a_name_fails_as_double_counting(ledger, capsys):
    _rewrite_own_tables(ledger / "finance.csv", "Toimiala yhteensä")
    assert main(["check", "--data", str(ledger)]) == 1
    out = capsys.readouterr().out
    assert "FIGURES COUNTED TWICE in 2 division(s)" in out
    assert (
        "material: Toimiala 01 / Toimiala yhteensä: totals source: equals the sum of the division's other 2 cost "
        "centres in every figure"
    ) in out


def test_a_sealed_ledger_loads_sealed(ledger, capsys):
    assert main(["seal", "--data", str(ledger)]) == 0
    assert load_dataset(ledger).sealed


def _break_line(path: Path, line: int, column: str, value: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    header = lines[0].split(",")
    cells = lines[line - 1].split(",")
    assert len(cells) == len(header), "test setup: pick a line without quoted commas"
    cells[header.index(column)] = value
    lines[line - 1] = ",".join(cells)
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize(
    ("column", "value", "phrase"),
    [
        ("months", "13", "expected at most 12"),  # few distinct values: checked once each
        ("year", "20x4", "expected a whole number"),
        ("basis", "forecast", "expected one of actual, budget"),
        ("division", "", "a value is required"),
        ("eur", "1 234", "expected a whole number"),  # nearly all distinct: checked row by row
        ("eur", "", "a value is required"),
    ],
)
def test_a_bad_value_deep_in_a_ledger_names_file_line_and_column(ledger, column, value, phrase):
    _break_line(ledger / "finance.csv", 2001, column, value)
    with pytest.raises(DataError) as caught:
        load_dataset(ledger)
    message = str(caught.value)
    assert message.startswith(f"finance.csv, line 2001, column '{column}': {phrase}"), message


def test_the_same_figure_twice_in_a_ledger_names_both_lines(ledger):
    path = ledger / "finance.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, lines[1500]]) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"finance.csv, lines 1501 and 2624: the same figure twice"):
        load_dataset(ledger)


COLUMNS = ["division", "service_area", "heading", "paragraph", "text"]
HEADER = ",".join(COLUMNS)


@pytest.mark.parametrize(
    "text",
    [
        f"{HEADER}\nA,,H,1,t\n",
        f'{HEADER}\nA,,H,1,"line one\nline two"\n',  # commentary spans lines
        f'{HEADER}\r\nA,,H,1,"a\r\nb"\r\nB,,H,2,u\r\n',
        f'{HEADER}\nA,"x, y",H,1,"say ""hi"""\n',
        f"\ufeff{HEADER}\nA,,H,1,t\n",
        f"{HEADER}\nA,,H,1,t",
        f"{HEADER}\nA,,H,1,t\n\nB,,H,2,u\n\n",
        f"{HEADER}\n A , ,H, 1 ,t \n",
        f"{HEADER}\nNA,null,N/A,1,NaN\n",  # text, never a missing value
        f'{HEADER}\nA,b"c,H,1,t\n',
        f"{HEADER}\n",
        f"{HEADER}\nYhteiset palvelut,Henkilöstöpalvelut,H,1,€ – ä\n",
    ],
)
def test_arrows_reader_reads_what_pandas_reads(tmp_path, text):
    path = tmp_path / "service_areas.csv"
    path.write_bytes(text.encode("utf-8"))
    fast = _read_csv_fast(path, COLUMNS)
    assert fast is not None
    pd.testing.assert_frame_equal(fast, _read_csv_checked(path, path.name, tmp_path, COLUMNS))


@pytest.mark.parametrize(
    "data",
    [
        f"{HEADER}\nA,,H\n".encode(),  # a short row: pandas reads it, the check names the cell
        f"{HEADER}\nA,,H,1,t,extra\n".encode(),
        f"{HEADER}\nHyv\xe4,,H,1,t\n".encode("latin-1"),
        b"",
        b"division,heading\nA,H\n",
    ],
)
def test_what_arrow_refuses_is_left_to_pandas_reader(tmp_path, data):
    path = tmp_path / "service_areas.csv"
    path.write_bytes(data)
    assert _read_csv_fast(path, COLUMNS) is None
