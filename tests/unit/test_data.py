"""The data module: loading, validation messages that name file, line and column, atomic writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dashboard.data import SCHEMAS, DataError, load_dataset, read_report_text, write_dataset


def rewrite(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_bundled_data_loads(data_copy):
    dataset = load_dataset(data_copy)
    assert dataset.report.status_date.isoformat() == "2024-09-30"
    assert dataset.reconciliation.ok
    assert dataset.cost_centres[0] == "Vaalit" and len(dataset.cost_centres) == 7


def test_derived_subtotals_are_marked(data_copy):
    finance = load_dataset(data_copy).finance
    derived = finance[finance["derived"]]
    assert set(derived["service_area"]) == {"Vaalit", "Tarkastustoimi", "Henkilöstöpalvelut"}
    assert set(derived["line_item"]) == {"Toimintatuotot", "Vuosikate", "Tilikauden tulos"}
    printed = finance[~finance["derived"]]
    assert len(printed) == len((data_copy / "finance.csv").read_text(encoding="utf-8").splitlines()) - 1


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


@pytest.mark.parametrize(
    ("file", "old", "new", "column", "phrase"),
    [
        (
            "finance.csv",
            "Vaalit,Palvelujen ostot,actual,2023,12,-13406",
            "Vaalit,Palvelujen ostot,actual,2023,12,-13 406",
            "eur",
            "whole number",
        ),
        (
            "finance.csv",
            "Vaalit,Palvelujen ostot,actual,2023,12,-13406",
            "Vaalit,Palvelujen ostot,actual,2023,13,-13406",
            "months",
            "at most 12",
        ),
        (
            "finance.csv",
            "Vaalit,Palvelujen ostot,actual,2023,12,-13406",
            "Vaalit,Palvelujen ostot,forecast,2023,12,-13406",
            "basis",
            "expected one of actual, budget",
        ),
        (
            "finance.csv",
            "Vaalit,Palvelujen ostot,actual,2023,12,-13406",
            "Vaalit,Palvelu ostot,actual,2023,12,-13406",
            "line_item",
            "expected one of",
        ),
        (
            "finance.csv",
            "Yhteiset palvelut,Vaalit,Palvelujen ostot,actual,2023,12,-13406",
            ",Vaalit,Palvelujen ostot,actual,2023,12,-13406",
            "division",
            "required",
        ),
        (
            "social_media.csv",
            "Facebook,followers,4583,2024-09-30",
            "Facebook,followers,4583,30.9.2024",
            "date",
            "YYYY-MM-DD",
        ),
        (
            "social_media.csv",
            "Facebook,followers,4583,2024-09-30",
            "Myspace,followers,4583,2024-09-30",
            "channel",
            "expected one of",
        ),
        (
            "risks.csv",
            "Disinformaatio sosiaalisessa mediassa,2,2",
            "Disinformaatio sosiaalisessa mediassa,kaksi,2",
            "probability",
            "whole number",
        ),
    ],
)
def test_a_bad_value_names_file_line_and_column(data_copy, file, old, new, column, phrase):
    path = data_copy / file
    rewrite(path, old, new)
    line = _line_of(path, new)
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    message = str(caught.value)
    assert message.startswith(f"{file}, line {line}, column '{column}'"), message
    assert phrase in message


def test_a_wrong_header_is_named(data_copy):
    rewrite(data_copy / "finance.csv", "line_item,basis", "item,basis")
    with pytest.raises(DataError, match=r"finance.csv, line 1: expected the columns division,service_area,line_item"):
        load_dataset(data_copy)


def test_a_row_with_an_extra_field_is_malformed_csv(data_copy):
    rewrite(
        data_copy / "finance.csv",
        "Vaalit,Palvelujen ostot,actual,2023,12,-13406",
        "Vaalit,Palvelujen ostot,actual,2023,12,-13406,7",
    )
    with pytest.raises(DataError, match=r"finance.csv: malformed CSV: .*line \d+"):
        load_dataset(data_copy)


def test_a_missing_or_empty_file_is_named(data_copy):
    (data_copy / "goals.csv").unlink()
    with pytest.raises(DataError, match="goals.csv: missing"):
        load_dataset(data_copy)
    (data_copy / "goals.csv").write_text("", encoding="utf-8")
    with pytest.raises(DataError, match="goals.csv: the file is empty"):
        load_dataset(data_copy)


def test_a_non_utf8_file_is_named(data_copy):
    (data_copy / "commentary.csv").write_bytes("division\nHyv\xe4".encode("latin-1"))
    with pytest.raises(DataError, match="commentary.csv: not UTF-8"):
        load_dataset(data_copy)


def test_the_same_figure_twice_is_an_error(data_copy):
    path = data_copy / "finance.csv"
    line = "Yhteiset palvelut,Vaalit,Palvelujen ostot,actual,2023,12,-13406\n"
    path.write_text(path.read_text(encoding="utf-8") + line, encoding="utf-8")
    with pytest.raises(DataError, match="finance.csv, lines .* the same figure twice"):
        load_dataset(data_copy)


def test_load_is_cached_until_a_file_changes(data_copy):
    first = load_dataset(data_copy)
    assert load_dataset(data_copy) is first
    path = data_copy / "finance.csv"
    rewrite(path, "Vaalit,Palvelujen ostot,actual,2023,12,-13406", "Vaalit,Palvelujen ostot,actual,2023,12,-13407")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    second = load_dataset(data_copy)
    assert second is not first
    vaalit = second.finance[
        (second.finance["service_area"] == "Vaalit") & (second.finance["line_item"] == "Palvelujen ostot")
    ]
    assert -13407 in vaalit["eur"].tolist()


def test_write_dataset_leaves_the_target_untouched_when_the_new_data_is_bad(data_copy, tmp_path):
    before = {f: (data_copy / f).read_bytes() for f in SCHEMAS}
    files = {f: (data_copy / f).read_text(encoding="utf-8") for f in SCHEMAS}
    files["risks.csv"] = files["risks.csv"].replace(
        "Disinformaatio sosiaalisessa mediassa,2,2", "Disinformaatio sosiaalisessa mediassa,x,2"
    )
    with pytest.raises(DataError):
        write_dataset(files, data_copy)
    assert {f: (data_copy / f).read_bytes() for f in SCHEMAS} == before
    assert not [p for p in data_copy.parent.iterdir() if p.name.startswith(".ingest-")]


def test_read_report_text_names_the_line_of_a_bad_byte(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes("31. LOKAKUUTA 2024\nK\xc4YTT\xd6SUUNNITELMAN\n".encode("latin-1"))
    with pytest.raises(DataError, match=r"r.txt, line 2, column 2: not UTF-8"):
        read_report_text(path)


@pytest.mark.parametrize(
    ("row", "column", "phrase"),
    [
        ("Facebook,followers,-5,2024-10-31,31.10.2024,false,", "value", "cannot be negative"),
        ("ePress,release_throughput_pct,140,2024-10-31,,false,", "value", "cannot exceed 100"),
        ("Instagram,followers,2800,,,false,", "date", "needs a date or a period_label"),
        ("Facebook,followers,4583,2024-09-30,30.9.2024,false,", "channel", "the same figure twice"),
    ],
)
def test_appended_social_media_rows_are_validated(data_copy, row, column, phrase):
    path = data_copy / "social_media.csv"
    path.write_text(path.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=phrase) as caught:
        load_dataset(data_copy)
    assert "social_media.csv, line" in str(caught.value)


def test_appended_social_media_rows_that_are_fine_load(data_copy):
    path = data_copy / "social_media.csv"
    path.write_text(
        path.read_text(encoding="utf-8") + "Facebook,followers,4601,2024-10-31,31.10.2024,false,\n", encoding="utf-8"
    )
    social = load_dataset(data_copy).social_media
    assert 4601 in social["value"].tolist()
