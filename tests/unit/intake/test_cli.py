"""`python -m dashboard ingest|check`: exit codes, messages, and nothing half-written."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.store.manifest import DATASET_FILES, MANIFEST
from dashboard.store.schemas import SCHEMAS
from tests.fixtures import DATA_DIR, ROOT, SEED_REPORT, SEED_REPORT_ID

REGENERATE = f"python -m dashboard ingest {SEED_REPORT.relative_to(ROOT)} --out data"


def test_the_seed_report_is_kept_in_the_repository():
    assert SEED_REPORT.is_relative_to(DATA_DIR / "source")
    assert REGENERATE == "python -m dashboard ingest data/source/000_d603d5f688e74ccc.txt --out data"
    for doc in ("README.md", "data/README.md"):
        assert REGENERATE.removeprefix("python ") in (ROOT / doc).read_text(encoding="utf-8"), doc


def test_ingest_reproduces_the_bundled_data_byte_for_byte(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["ingest", str(SEED_REPORT), "--out", str(out)]) == 0
    for file in DATASET_FILES:
        assert (out / file).read_bytes() == (DATA_DIR / file).read_bytes(), (
            f"data/{file} differs from what ingest makes of the seed; if the parser changed on purpose, "
            f"regenerate with: {REGENERATE}"
        )
    assert sorted(p.name for p in out.iterdir()) == sorted(DATASET_FILES)
    assert "rounding difference(s)" in capsys.readouterr().out
    report = (out / "report.csv").read_text(encoding="utf-8")
    assert f",{SEED_REPORT.name},{hashlib.sha256(SEED_REPORT.read_bytes()).hexdigest()}\n" in report


def test_ingest_again_changes_nothing_and_keeps_the_files_in_place(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["ingest", str(SEED_REPORT), "--out", str(out)]) == 0
    before = {f: (out / f).stat().st_ino for f in DATASET_FILES}
    assert main(["ingest", str(SEED_REPORT), "--out", str(out)]) == 0
    assert {f: (out / f).stat().st_ino for f in DATASET_FILES} == before  # unchanged files are not moved


def test_check_on_the_bundled_data_lists_rounding_and_exits_0(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert (
        "rounding: Yhteiset palvelut / Hallinnon tukipalvelut / Toimintatuotot, column TP 2023: printed 13 563, computed 13 564"
        in out
    )
    assert "50 rounding difference(s)" in out
    assert (
        "default-view totals of 1 division(s), each from one source (no figure counted twice):\n"
        "  Yhteiset palvelut: its own printed table (68 figures); its 7 cost centre(s) are checked against it, "
        "not added to it\n"
    ) in out
    assert f"manifest: all {len(SCHEMAS)} data files match manifest.json" in out
    assert "source: source/000_d603d5f688e74ccc.txt, the report as ingested (SHA-256 matches report.csv)" in out
    assert "ok:" in out


def test_check_subprocess_exits_0_on_the_bundled_data():
    result = subprocess.run([sys.executable, "-m", "dashboard", "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_check_names_a_hand_edit_and_the_seal_command_and_seal_fixes_it(data_copy, capsys):
    path = data_copy / "social_media.csv"
    path.write_text(
        path.read_text(encoding="utf-8") + SEED_REPORT_ID + ",Facebook,followers,4601,2024-10-31,31.10.2024,false,\n",
        encoding="utf-8",
    )
    assert main(["check", "--data", str(data_copy)]) == 1
    captured = capsys.readouterr()
    assert "50 rounding difference(s)" in captured.out  # the edit itself is checked, and is fine
    assert captured.err.startswith("error: social_media.csv does not match manifest.json (")
    assert f"`python -m dashboard seal --data {data_copy}`" in captured.err
    assert main(["seal", "--data", str(data_copy)]) == 0
    assert main(["check", "--data", str(data_copy)]) == 0


def test_seal_refuses_a_folder_that_fails_its_checks(data_copy, capsys):
    manifest = (data_copy / MANIFEST).read_bytes()
    path = data_copy / "finance.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "Vaalit,Palvelujen ostot,actual,2024,9,-34249", "Vaalit,Palvelujen ostot,actual,2024,9,-34349"
        ),
        encoding="utf-8",
    )
    assert main(["seal", "--data", str(data_copy)]) == 1
    assert "the figures do not reconcile; nothing sealed" in capsys.readouterr().err
    (data_copy / "risks.csv").write_text("nonsense\n", encoding="utf-8")
    assert main(["seal", "--data", str(data_copy)]) == 1
    assert "error: risks.csv, line 1: expected the columns" in capsys.readouterr().err
    assert (data_copy / MANIFEST).read_bytes() == manifest


def test_check_of_a_folder_without_a_manifest_says_so_and_passes(data_copy, capsys):
    (data_copy / MANIFEST).unlink()
    assert main(["check", "--data", str(data_copy)]) == 0
    out = capsys.readouterr().out
    assert f"note: {data_copy} has no manifest.json" in out and "python -m dashboard seal" in out
    assert main(["seal", "--data", str(data_copy)]) == 0
    assert json.loads((data_copy / MANIFEST).read_text(encoding="utf-8"))["files"].keys() == set(SCHEMAS)
    assert (data_copy / MANIFEST).read_bytes() == (DATA_DIR / MANIFEST).read_bytes()


def test_check_fails_when_the_kept_report_is_not_the_one_ingested(data_copy, capsys):
    kept = data_copy / "source" / SEED_REPORT.name
    kept.write_text(kept.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert main(["check", "--data", str(data_copy)]) == 1
    assert "is not report.csv's source_sha256" in capsys.readouterr().err


def test_check_fails_on_a_material_discrepancy_and_names_it(data_copy, capsys):
    path = data_copy / "finance.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("Vaalit,Palvelujen ostot,actual,2024,9,-34249", "Vaalit,Palvelujen ostot,actual,2024,9,-34349"),
        encoding="utf-8",
    )
    assert main(["check", "--data", str(data_copy)]) == 1
    captured = capsys.readouterr()
    out = captured.out
    assert "MATERIAL" in out
    assert (
        "material: Yhteiset palvelut / Vaalit / Toimintakulut, column TOT 2024 9 kk: printed -146 203, computed -146 302"
        in out
    )
    assert "finance.csv does not match manifest.json" in captured.err  # edited by hand, and unsealed


def test_check_reports_invalid_data_with_exit_1(data_copy, capsys):
    (data_copy / "risks.csv").write_text("nonsense\n", encoding="utf-8")
    assert main(["check", "--data", str(data_copy)]) == 1
    assert "error: risks.csv, line 1: expected the columns" in capsys.readouterr().err


def test_usage_errors_exit_2():
    result = subprocess.run([sys.executable, "-m", "dashboard", "frobnicate"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2
    assert "usage:" in result.stderr


def _seed_variant(tmp_path: Path, old: str, new: str) -> Path:
    text = SEED_REPORT.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "report.txt"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "Myyntituotot\t22 786",
            "Myyntituotot\t22 7x6",
            "line 81: broken number in column 'TP 2023' of 'Myyntituotot'",
        ),
        (
            "Maksutuotot\t100\t100\t0\t502\t- 502\t0,00",
            "Maksutuotot\t100\t100\t0\t502\t- 502",
            "line 82: expected 7 cells",
        ),
        ("TOT 2024 9 kk\tJäljellä", "TOT 2024 9 kk\tErotus", "line 68: unknown column header 'Erotus'"),
        # a material discrepancy: the division's staff costs no longer add up
        ("Henkilöstökulut\t-2 619 361", "Henkilöstökulut\t-2 619 961", "the report's figures do not reconcile"),
    ],
)
def test_ingest_of_a_bad_report_fails_and_writes_nothing(tmp_path, capsys, old, new, expected):
    report = _seed_variant(tmp_path, old, new)
    out = tmp_path / "data"
    out.mkdir()
    (out / "keep.txt").write_text("previous data", encoding="utf-8")
    assert main(["ingest", str(report), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert expected in err and str(report) in err
    assert [p.name for p in out.iterdir()] == ["keep.txt"]


def test_ingest_of_an_empty_or_mis_encoded_report_fails(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["ingest", str(empty), "--out", str(tmp_path / "o")]) == 1
    assert "empty" in capsys.readouterr().err
    latin = tmp_path / "latin.txt"
    latin.write_bytes(SEED_REPORT.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    assert main(["ingest", str(latin), "--out", str(tmp_path / "o")]) == 1
    assert "line 5, column 2: not UTF-8" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()
