"""The data module: loading, validation messages that name file, line and column, atomic writes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.store import library as data_module
from dashboard.store.files import read_report_text
from dashboard.store.library import load_dataset, write_library
from dashboard.store.manifest import MANIFEST, FileStamp, ManifestMismatch, manifest_text, write_manifest
from dashboard.store.schemas import SCHEMAS
from dashboard.store.validation import DataError
from tests.fixtures import SEED_REPORT_ID


def rewrite(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def bump(path: Path) -> None:
    """Make sure a file's signature changes, whatever the file system's clock resolution."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def stamp(folder: Path) -> None:
    """Write the folder's manifest for its files as they are, checked or not (test setup)."""
    write_manifest(folder, {f: FileStamp.of((folder / f).read_bytes()) for f in SCHEMAS if (folder / f).exists()})


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
    with pytest.raises(
        DataError, match=r"finance.csv, line 1: expected the columns report,division,service_area,line_item"
    ):
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
    line = f"{SEED_REPORT_ID},Yhteiset palvelut,Vaalit,Palvelujen ostot,actual,2023,12,-13406\n"
    path.write_text(path.read_text(encoding="utf-8") + line, encoding="utf-8")
    with pytest.raises(DataError, match="finance.csv, lines .* the same figure twice"):
        load_dataset(data_copy)


def test_load_is_cached_until_a_file_changes(data_copy):
    first = load_dataset(data_copy)
    assert load_dataset(data_copy) is first
    path = data_copy / "finance.csv"
    rewrite(path, "Vaalit,Palvelujen ostot,actual,2023,12,-13406", "Vaalit,Palvelujen ostot,actual,2023,12,-13407")
    bump(path)
    stamp(data_copy)
    second = load_dataset(data_copy)
    assert second is not first
    vaalit = second.finance[
        (second.finance["service_area"] == "Vaalit") & (second.finance["line_item"] == "Palvelujen ostot")
    ]
    assert -13407 in vaalit["eur"].tolist()


def test_write_library_leaves_the_target_untouched_when_the_new_data_is_bad(data_copy, tmp_path):
    before = {f: (data_copy / f).read_bytes() for f in SCHEMAS}
    files = {f: (data_copy / f).read_text(encoding="utf-8") for f in SCHEMAS}
    files["risks.csv"] = files["risks.csv"].replace(
        "Disinformaatio sosiaalisessa mediassa,2,2", "Disinformaatio sosiaalisessa mediassa,x,2"
    )
    with pytest.raises(DataError):
        write_library(files, data_copy)
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
        (SEED_REPORT_ID + ",Facebook,followers,-5,2024-10-31,31.10.2024,false,", "value", "cannot be negative"),
        (SEED_REPORT_ID + ",ePress,release_throughput_pct,140,2024-10-31,,false,", "value", "cannot exceed 100"),
        (SEED_REPORT_ID + ",Instagram,followers,2800,,,false,", "date", "needs a date or a period_label"),
        (SEED_REPORT_ID + ",Facebook,followers,4583,2024-09-30,30.9.2024,false,", "channel", "the same figure twice"),
    ],
)
def test_appended_social_media_rows_are_validated(data_copy, row, column, phrase):
    path = data_copy / "social_media.csv"
    path.write_text(path.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=phrase) as caught:
        load_dataset(data_copy)
    assert "social_media.csv, line" in str(caught.value)
    assert "re-seal" in str(caught.value)  # the folder no longer matches its manifest either


def test_appended_social_media_rows_that_are_fine_load_once_sealed(data_copy, capsys):
    path = data_copy / "social_media.csv"
    path.write_text(
        path.read_text(encoding="utf-8") + SEED_REPORT_ID + ",Facebook,followers,4601,2024-10-31,31.10.2024,false,\n",
        encoding="utf-8",
    )
    with pytest.raises(ManifestMismatch) as caught:
        load_dataset(data_copy)
    message = str(caught.value)
    assert message.startswith("social_media.csv does not match manifest.json")
    assert f"python -m dashboard seal --data {data_copy}" in message
    assert main(["seal", "--data", str(data_copy)]) == 0
    assert f"sealed: {data_copy / MANIFEST}" in capsys.readouterr().out
    dataset = load_dataset(data_copy)
    assert dataset.sealed and 4601 in dataset.social_media["value"].tolist()


# -- the seed report kept beside the data, the budget summary ---------------------------------------
def test_the_source_folder_is_not_part_of_the_dataset(data_copy):
    source = data_copy / "source"
    assert (source / "000_d603d5f688e74ccc.txt").is_file()  # the report, kept in the repository
    (source / "finance.csv").write_text("not,the,columns\n", encoding="utf-8")
    (source / "notes.txt").write_text("anything", encoding="utf-8")
    dataset = load_dataset(data_copy)
    assert dataset.sealed and set(dataset.files) == set(SCHEMAS)
    manifest = json.loads((data_copy / MANIFEST).read_text(encoding="utf-8"))
    assert list(manifest["files"]) == list(SCHEMAS)


def test_the_budget_summary_is_stored_and_reconciled_at_load(data_copy):
    dataset = load_dataset(data_copy)
    assert sorted(set(dataset.summary["summary_row"])) == ["MENOT", "NETTO", "TULOT"] and len(dataset.summary) == 12
    assert dataset.reconciliation.ok
    rewrite(
        data_copy / "summary.csv",
        "Yhteiset palvelut,NETTO,Toimintakate,actual,2024,9,-4616517",
        "Yhteiset palvelut,NETTO,Toimintakate,actual,2024,9,-4616917",
    )
    stamp(data_copy)
    material = load_dataset(data_copy).reconciliation.material
    assert material[["check", "line_item", "column", "difference"]].values.tolist() == [
        ["summary", "Toimintakate", "TOT 2024 9 kk", -400]
    ]


def test_a_summary_row_must_stand_for_its_subtotal(data_copy):
    path = data_copy / "summary.csv"
    rewrite(
        path,
        "Yhteiset palvelut,TULOT,Toimintatuotot,actual,2023,9",
        "Yhteiset palvelut,TULOT,Toimintakulut,actual,2023,9",
    )
    with pytest.raises(DataError, match=r"^summary.csv, line 3, column 'line_item': TULOT stands for Toimintatuotot"):
        load_dataset(data_copy)


def test_a_folder_without_a_summary_loads_unless_its_manifest_lists_one(data_copy):
    (data_copy / "summary.csv").unlink()
    with pytest.raises(ManifestMismatch, match="summary.csv is listed in manifest.json but missing"):
        load_dataset(data_copy)
    (data_copy / MANIFEST).unlink()  # a hand-made folder: no manifest, no summary
    dataset = load_dataset(data_copy)
    assert (
        dataset.summary.empty and list(dataset.summary.columns) == [c.name for c in SCHEMAS["summary.csv"]][1:]
    )  # no `report`: the division tells
    assert not dataset.sealed and dataset.reconciliation.ok


# -- the manifest: a dataset checked whole ----------------------------------------------------------
def test_the_bundled_data_is_sealed_by_a_deterministic_manifest(data_copy):
    dataset = load_dataset(data_copy)
    assert dataset.sealed
    text = (data_copy / MANIFEST).read_text(encoding="utf-8")
    assert manifest_text(dataset.files) == text  # no timestamps: the same files give the same bytes
    listed = json.loads(text)["files"]
    for file in SCHEMAS:
        data = (data_copy / file).read_bytes()
        assert listed[file] == {"bytes": len(data), "sha256": FileStamp.of(data).sha256}


def test_a_folder_without_a_manifest_loads_as_it_is(data_copy):
    (data_copy / MANIFEST).unlink()
    rewrite(data_copy / "report.csv", ",2024-09-30,", ",2024-09-29,")
    dataset = load_dataset(data_copy)
    assert not dataset.sealed and dataset.report.status_date.isoformat() == "2024-09-29"


def test_a_file_that_does_not_match_the_manifest_is_refused_naming_the_seal_command(data_copy):
    rewrite(data_copy / "report.csv", ",2024-09-30,", ",2024-09-29,")  # valid, but not what was sealed
    with pytest.raises(ManifestMismatch) as caught:
        load_dataset(data_copy)
    message = str(caught.value)
    assert message.startswith("report.csv does not match manifest.json (")
    assert "is being replaced" in message and f"`python -m dashboard seal --data {data_copy}`" in message
    assert "Traceback" not in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{\n  "files": {\n    "finance.csv": {"bytes": 1,}\n  }\n}\n',
            r"^manifest.json, line 3, column 32: not valid JSON",
        ),
        ("[]", r'^manifest.json, line 1: expected an object whose "files" lists the data files'),
        ('{"files": {\n"extra.csv": {}}}', r"^manifest.json, line 2: lists 'extra.csv', which is not a data file"),
        (
            '{"files": {\n\n"finance.csv": {"bytes": "1", "sha256": "x"}}}',
            r'^manifest.json, line 3: the entry of finance.csv needs "bytes"',
        ),
        (
            '{"files": {}}',
            r"^manifest.json: does not list report.csv, finance.csv, printed_derived.csv, commentary.csv",
        ),
    ],
)
def test_a_malformed_manifest_is_named_with_its_line(data_copy, text, expected):
    (data_copy / MANIFEST).write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=expected) as caught:
        load_dataset(data_copy)
    assert "python -m dashboard seal" in str(caught.value)


def test_what_is_parsed_is_what_is_hashed(data_copy, monkeypatch):
    """A file replaced between its hashing and its parsing cannot slip through: it is read once."""
    reads = []
    original = Path.read_bytes

    def counting(self):
        reads.append(self.name)
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    load_dataset(data_copy)
    assert sorted(r for r in reads if r in SCHEMAS) == sorted(SCHEMAS)  # each data file read exactly once


def test_write_library_never_shows_a_reader_a_mix(data_copy, monkeypatch):
    """Replace the dataset with a new one and load the folder after every single move: each load
    gives the old dataset whole, the new one whole, or a refusal (and the next load retries)."""
    old = load_dataset(data_copy)
    files = {f: (data_copy / f).read_text(encoding="utf-8") for f in SCHEMAS}
    new_line = "Vaalit,Palvelujen ostot,actual,2024,9,-34250"  # one euro more: still only rounding
    files["finance.csv"] = files["finance.csv"].replace("Vaalit,Palvelujen ostot,actual,2024,9,-34249", new_line)
    files["report.csv"] = files["report.csv"].replace(",2024-09-30,", ",2024-09-29,")
    seen = []
    real_replace = os.replace

    def replace_then_read(src, dst):
        real_replace(src, dst)
        if Path(dst).parent == data_copy:
            try:
                seen.append((Path(dst).name, load_dataset(data_copy).report.status_date.isoformat()))
            except ManifestMismatch:
                seen.append((Path(dst).name, "refused"))

    monkeypatch.setattr(data_module.os, "replace", replace_then_read)
    write_library(files, data_copy)
    assert seen == [("report.csv", "refused"), ("finance.csv", "refused"), (MANIFEST, "2024-09-29")]
    new = load_dataset(data_copy)
    assert new is not old and new.sealed
    vaalit = new.finance[(new.finance["service_area"] == "Vaalit") & (new.finance["line_item"] == "Palvelujen ostot")]
    assert -34250 in vaalit["eur"].tolist()


def test_write_library_into_a_folder_never_sealed_declares_the_new_files_first(data_copy, monkeypatch):
    (data_copy / MANIFEST).unlink()
    files = {f: (data_copy / f).read_text(encoding="utf-8") for f in SCHEMAS}
    files["report.csv"] = files["report.csv"].replace(",2024-09-30,", ",2024-09-29,")
    files["risks.csv"] = files["risks.csv"].replace("Disinformaatio", "Disinformaatio (päivitetty)")
    seen = []
    real_replace = os.replace

    def replace_then_read(src, dst):
        real_replace(src, dst)
        if Path(dst).parent == data_copy:
            try:
                seen.append((Path(dst).name, load_dataset(data_copy).report.status_date.isoformat()))
            except ManifestMismatch:
                seen.append((Path(dst).name, "refused"))

    monkeypatch.setattr(data_module.os, "replace", replace_then_read)
    write_library(files, data_copy)
    assert seen == [
        (MANIFEST, "refused"),  # the new manifest, the old files
        ("report.csv", "refused"),
        ("risks.csv", "2024-09-29"),  # every file is new now: the dataset is whole
    ]  # and the manifest in place is already the right one


# -- a refusal is cached like a dataset -------------------------------------------------------------
def test_a_refused_folder_is_not_read_again_until_a_file_changes(data_copy, monkeypatch):
    reads = []
    original = data_module._read_files

    def counting(directory):
        reads.append(directory)
        return original(directory)

    monkeypatch.setattr(data_module, "_read_files", counting)
    path = data_copy / "risks.csv"
    rewrite(path, "Disinformaatio sosiaalisessa mediassa,2,2", "Disinformaatio sosiaalisessa mediassa,x,2")
    stamp(data_copy)
    messages = []
    for _ in range(3):
        with pytest.raises(DataError) as caught:
            load_dataset(data_copy)
        messages.append(str(caught.value))
    assert len(reads) == 1 and len(set(messages)) == 1 and messages[0].startswith("risks.csv, line")
    rewrite(path, "Disinformaatio sosiaalisessa mediassa,x,2", "Disinformaatio sosiaalisessa mediassa,2,2")
    bump(path)
    stamp(data_copy)
    assert load_dataset(data_copy).reconciliation.ok
    assert load_dataset(data_copy).reconciliation.ok
    assert len(reads) == 2


def test_a_folder_that_changes_while_it_is_read_is_not_cached(data_copy, monkeypatch):
    reads = []
    original = data_module._read_files

    def read_then_change(directory):
        reads.append(directory)
        read = original(directory)
        if len(reads) == 1:  # a writer moves a file in while the reader reads
            bump(directory / "report.csv")
        return read

    monkeypatch.setattr(data_module, "_read_files", read_then_change)
    first = load_dataset(data_copy)
    second = load_dataset(data_copy)
    assert len(reads) == 2 and second is not first
    assert load_dataset(data_copy) is second and len(reads) == 2
