"""A library of reports: ingest several, add more, each report once by its division and date."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.__main__ import main
from dashboard.intake.report_parser import parse_report
from dashboard.store.library import load_library
from dashboard.store.manifest import MANIFEST
from dashboard.store.schemas import SCHEMAS
from dashboard.store.validation import DataError
from tests.fixtures import SEED_REPORT

REPORTS = SEED_REPORT.parents[2] / "tests" / "fixtures" / "reports"
SIX_MONTHS = REPORTS / "yhteiset-palvelut-2024-06-30.txt"
OTHER_DIVISION = REPORTS / "testitoimiala-2024-09-30.txt"
CHANGED = REPORTS / "yhteiset-palvelut-2024-09-30-changed.txt"
UNKNOWN_TEMPLATE = REPORTS / "broken-unknown-template.txt"
UNREADABLE_DATE = REPORTS / "broken-unreadable-date.txt"
JUNE, SEPTEMBER = dt.date(2024, 6, 30), dt.date(2024, 9, 30)


def _files(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture()
def library_copy(tmp_path):
    out = tmp_path / "library"
    assert main(["ingest", str(SIX_MONTHS), str(SEED_REPORT), str(OTHER_DIVISION), "--out", str(out)]) == 0
    return out


def _figure(dataset, division, area, line, basis, year, months) -> int:
    f = dataset.finance
    rows = f[
        (f["division"] == division)
        & (f["service_area"] == area)
        & (f["line_item"] == line)
        & (f["basis"] == basis)
        & (f["year"] == year)
        & (f["months"] == months)
    ]
    assert len(rows) == 1
    return int(rows["eur"].iloc[0])


def test_one_library_holds_every_report_each_with_its_own_figures(library_copy):
    library = load_library(library_copy)
    assert [r.report_id for r in library.reports] == [
        "yhteiset-palvelut-2024-06-30",
        "yhteiset-palvelut-2024-09-30",
        "testitoimiala-2024-09-30",
    ]
    assert library.dates == [JUNE, SEPTEMBER] and library.divisions == ("Yhteiset palvelut", "Testitoimiala")
    assert [r.status_date for r in library.reports_of("Yhteiset palvelut")] == [JUNE, SEPTEMBER]
    # Every figure is its own report's: compared with each report parsed alone.
    for path, date, division in (
        (SIX_MONTHS, JUNE, "Yhteiset palvelut"),
        (SEED_REPORT, SEPTEMBER, "Yhteiset palvelut"),
        (OTHER_DIVISION, SEPTEMBER, "Testitoimiala"),
    ):
        parsed = parse_report(path.read_text(encoding="utf-8"), source=path.name)
        dataset = library.dataset(date, division)
        assert dataset.report.division == division and dataset.report.status_date == date
        assert dataset.periods.current.months == date.month
        for row in parsed.finance.sample(40, random_state=1).itertuples():
            assert (
                _figure(dataset, division, row.service_area, row.line_item, row.basis, row.year, row.months) == row.eur
            )
        assert dataset.goals.reset_index(drop=True)["status"].tolist() == parsed.goals["status"].tolist()
        assert len(dataset.social_media) == len(parsed.social_media)
    # The two divisions of September are one frame: the division selector and the view of all.
    september = library.dataset(SEPTEMBER)
    assert set(september.divisions) == {"Yhteiset palvelut", "Testitoimiala"}
    assert library.dataset(JUNE).divisions == ("Yhteiset palvelut",)


def test_a_division_without_a_report_of_a_date_falls_to_its_latest(library_copy):
    library = load_library(library_copy)
    assert library.dates_of("Testitoimiala") == [SEPTEMBER]
    assert library.dataset(None, "Testitoimiala").report.report_id == "testitoimiala-2024-09-30"
    assert library.dataset(None, "Yhteiset palvelut").report.status_date == SEPTEMBER


def test_adding_a_report_held_already_changes_nothing(library_copy, capsys):
    before = _files(library_copy)
    assert main(["add", str(SIX_MONTHS), "--data", str(library_copy)]) == 0
    out = capsys.readouterr().out
    assert "is in the library already; skipped" in out and "unchanged:" in out
    assert _files(library_copy) == before


def test_another_report_of_the_same_identity_is_refused_unless_replacing(library_copy, capsys):
    before = _files(library_copy)
    assert main(["add", str(CHANGED), "--data", str(library_copy)]) == 1
    err = capsys.readouterr().err
    assert f"{CHANGED}: the library holds another report of Yhteiset palvelut at 30.9.2024" in err
    assert "--replace" in err and "nothing written" in err
    assert _files(library_copy) == before
    assert main(["add", str(CHANGED), "--data", str(library_copy), "--replace"]) == 0
    assert "replaces the report of Yhteiset palvelut at 30.9.2024" in capsys.readouterr().out
    library = load_library(library_copy)
    assert len(library.reports) == 3 and library.sealed
    changed = parse_report(CHANGED.read_text(encoding="utf-8"), source=CHANGED.name).finance
    want = changed[(changed["service_area"] == "Vaalit") & (changed["line_item"] == "Palvelujen ostot")]
    want = int(want.loc[(want["year"] == 2024) & (want["months"] == 9), "eur"].iloc[0])
    got = _figure(library.dataset(SEPTEMBER), "Yhteiset palvelut", "Vaalit", "Palvelujen ostot", "actual", 2024, 9)
    assert got == want


def test_two_different_reports_of_one_identity_in_one_ingest_are_refused(tmp_path, capsys):
    out = tmp_path / "library"
    assert main(["ingest", str(SEED_REPORT), str(CHANGED), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{SEED_REPORT} and {CHANGED} are both the report of Yhteiset palvelut at 30.9.2024" in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("bad", "phrase"),
    [
        (UNKNOWN_TEMPLATE, "unknown column header"),
        (UNREADABLE_DATE, "expected the report's date first"),
    ],
)
def test_a_bad_report_among_several_writes_nothing_and_is_named(library_copy, bad, phrase, capsys):
    before = _files(library_copy)
    assert main(["add", str(OTHER_DIVISION), str(bad), "--data", str(library_copy), "--replace"]) == 1
    err = capsys.readouterr().err
    assert str(bad) in err and phrase in err and "line" in err
    assert "Traceback" not in err
    assert _files(library_copy) == before and MANIFEST in before


def test_every_file_names_the_report_of_each_row(library_copy):
    for file in SCHEMAS:
        header = (library_copy / file).read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",")[0] == "report", file


def test_a_row_of_a_report_not_listed_is_refused_naming_file_and_line(library_copy):
    path = library_copy / "risks.csv"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    lines[2] = "vaalit-2024-09-30" + lines[2][lines[2].index(",") :]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (library_copy / MANIFEST).unlink()
    with pytest.raises(DataError, match=r"risks.csv, line 3, column 'report': no such report in report.csv"):
        load_library(library_copy)


def test_a_budget_change_between_reports_is_listed_not_refused(tmp_path, capsys):
    changed = REPORTS / "yhteiset-palvelut-2024-09-30-budget-change.txt"
    out = tmp_path / "library"
    assert main(["ingest", str(SIX_MONTHS), str(changed), "--out", str(out)]) == 0
    june = parse_report(SIX_MONTHS.read_text(encoding="utf-8"), source="june").finance
    september = parse_report(changed.read_text(encoding="utf-8"), source="september").finance
    keys = ["service_area", "line_item", "basis", "year", "months"]
    both = june.merge(september, on=keys, suffixes=("_before", "_after"))
    moved = both[(both["basis"] == "budget") & (both["eur_before"] != both["eur_after"])]
    assert not moved.empty  # the fixture changes one budget line and what sums it
    changes = load_library(out).budget_changes
    listed = {(r.service_area, r.line_item, r.before, r.after) for r in changes.itertuples()}
    assert listed == {(r.service_area, r.line_item, r.eur_before, r.eur_after) for r in moved.itertuples()}
    capsys.readouterr()
    assert main(["check", "--data", str(out)]) == 0
    report = capsys.readouterr().out
    assert f"{len(moved)} figure(s) of TP or TA differ from the division's earlier report (a budget change):" in report
    assert "Tietohallinto- ja digipalvelut / Palvelujen ostot, TA 2024: -1 010 000 → -1 015 000 €" in report
