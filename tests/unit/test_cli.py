"""`python -m dashboard ingest|check`: exit codes, messages, and nothing half-written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.__main__ import main
from dashboard.data import SCHEMAS
from tests.conftest import DATA_DIR, ROOT, SEED_REPORT

REGENERATE = f"python -m dashboard ingest {SEED_REPORT} --out data"


def test_ingest_reproduces_the_bundled_data_byte_for_byte(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["ingest", str(SEED_REPORT), "--out", str(out)]) == 0
    for file in SCHEMAS:
        assert (out / file).read_bytes() == (DATA_DIR / file).read_bytes(), (
            f"data/{file} differs from what ingest makes of the seed; if the parser changed on purpose, "
            f"regenerate with: {REGENERATE}"
        )
    assert "rounding difference(s)" in capsys.readouterr().out


def test_check_on_the_bundled_data_lists_rounding_and_exits_0(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert (
        "rounding: Yhteiset palvelut / Hallinnon tukipalvelut / Toimintatuotot, column TP 2023: printed 13 563, computed 13 564"
        in out
    )
    assert "ok:" in out


def test_check_fails_on_a_material_discrepancy_and_names_it(data_copy, capsys):
    path = data_copy / "finance.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("Vaalit,Palvelujen ostot,actual,2024,9,-34249", "Vaalit,Palvelujen ostot,actual,2024,9,-34349"),
        encoding="utf-8",
    )
    assert main(["check", "--data", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert "MATERIAL" in out
    assert (
        "material: Yhteiset palvelut / Vaalit / Toimintakulut, column TOT 2024 9 kk: printed -146 203, computed -146 302"
        in out
    )


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
