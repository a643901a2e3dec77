"""Ingest a realisation report into the tidy data files, and check a data folder.

Both are commands (`python -m dashboard ingest|check`); each returns an exit code and prints
what it found, so they serve people at a terminal and CI alike.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from dashboard.data import DataError, dataset_files, load_dataset, read_report_text, write_dataset
from dashboard.reconcile import Reconciliation, describe_finding, reconcile
from dashboard.report_parser import ReportFormatError, parse_report

EXIT_OK, EXIT_INVALID = 0, 1


def _print_findings(reconciliation: Reconciliation, out: TextIO) -> None:
    rounding, material = reconciliation.rounding, reconciliation.material
    print(f"{len(rounding)} rounding difference(s) of at most 2 € (0,05 %-points in TOT-%):", file=out)
    for row in rounding.itertuples():
        print("  " + describe_finding(row), file=out)
    if not material.empty:
        print(f"{len(material)} MATERIAL discrepancy(ies):", file=out)
        for row in material.itertuples():
            print("  " + describe_finding(row), file=out)


def ingest(report_path: Path, out_dir: Path, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Parse the report, reconcile it, and write the data files; nothing is written on failure."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        text, sha256 = read_report_text(report_path)
        parsed = parse_report(text, source=str(report_path))
    except (DataError, ReportFormatError) as exc:
        print(f"error: {exc}", file=err)
        return EXIT_INVALID
    parsed.report["source_file"] = Path(report_path).name
    parsed.report["source_sha256"] = sha256
    reconciliation = reconcile(parsed.finance, parsed.printed_derived, parsed.summary)
    _print_findings(reconciliation, out)
    if not reconciliation.ok:
        print(f"error: {report_path}: the report's figures do not reconcile; nothing written to {out_dir}", file=err)
        return EXIT_INVALID
    try:
        write_dataset(dataset_files(parsed), out_dir)
    except (DataError, OSError) as exc:
        print(f"error: writing {out_dir}: {exc}", file=err)
        return EXIT_INVALID
    print(
        f"wrote {len(parsed.finance)} figures of {parsed.finance['service_area'].nunique()} tables to {out_dir}",
        file=out,
    )
    return EXIT_OK


def check(data_dir: Path, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Validate and reconcile a data folder: 0 when only rounding differs, 1 otherwise."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        dataset = load_dataset(data_dir)
    except DataError as exc:
        print(f"error: {exc}", file=err)
        return EXIT_INVALID
    _print_findings(dataset.reconciliation, out)
    derived = dataset.finance[dataset.finance["derived"]]
    if not derived.empty:
        areas = ", ".join(sorted({a or "(division)" for a in derived["service_area"]}))
        print(f"{len(derived)} subtotal figure(s) not printed in the report were derived: {areas}", file=out)
    if not dataset.reconciliation.ok:
        return EXIT_INVALID
    print(f"ok: {data_dir} is valid; figures at {dataset.report.status_date:%-d.%-m.%Y}", file=out)
    return EXIT_OK
