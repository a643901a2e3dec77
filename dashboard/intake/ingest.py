"""Ingest a realisation report into the tidy data files, check a data folder, seal a hand edit.

All are commands (`python -m dashboard ingest|check|seal`); each returns an exit code and prints
what it found, so they serve people at a terminal and CI alike.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import TextIO

from dashboard.intake.report_parser import parse_report
from dashboard.intake.report_text import ReportFormatError
from dashboard.store.dataset import Dataset, load_dataset, load_unsealed, write_dataset
from dashboard.store.files import dataset_files, read_report_text
from dashboard.store.findings import SOURCE_CHECK, describe_finding
from dashboard.store.manifest import MANIFEST, ManifestMismatch, seal_command, write_manifest
from dashboard.store.reconcile import EUR_TOLERANCE, PCT_TOLERANCE, Reconciliation, reconcile
from dashboard.store.totals_sources import OWN_TABLE
from dashboard.store.validation import DataError

EXIT_OK, EXIT_INVALID = 0, 1
SOURCE_DIR = "source"  # a data folder's copy of the report it was ingested from (data/source/)
SOURCES_SHOWN = 20  # divisions listed one a line; a city ledger's others are counted


def _print_findings(reconciliation: Reconciliation, out: TextIO) -> None:
    rounding, material = reconciliation.rounding, reconciliation.material
    pct = f"{PCT_TOLERANCE:.2f}".replace(".", ",")
    print(f"{len(rounding)} rounding difference(s) of at most {EUR_TOLERANCE} € ({pct} %-points in TOT-%):", file=out)
    for row in rounding.itertuples():
        print("  " + describe_finding(row), file=out)
    if not material.empty:
        print(f"{len(material)} MATERIAL discrepancy(ies):", file=out)
        for row in material.itertuples():
            print("  " + describe_finding(row), file=out)
    _print_sources(reconciliation, out)


def _print_sources(reconciliation: Reconciliation, out: TextIO) -> None:
    """Where each division's default-view totals come from: one source, no figure counted twice."""
    sources = reconciliation.sources
    if sources.empty:
        return
    broken = reconciliation.material
    broken = set(broken.loc[broken["check"] == SOURCE_CHECK, "division"])
    verdict = "no figure counted twice" if not broken else f"FIGURES COUNTED TWICE in {len(broken)} division(s)"
    print(f"default-view totals of {len(sources)} division(s), each from one source ({verdict}):", file=out)
    for row in sources.head(SOURCES_SHOWN).itertuples():
        if row.source == OWN_TABLE:
            how = (
                f"its own printed table ({row.figures} figures); its {row.cost_centres} cost centre(s) are "
                "checked against it, not added to it"
            )
        else:
            how = f"the sum of its {row.cost_centres} cost centre(s) ({row.figures} figures; no table of its own)"
        mark = " (see the MATERIAL findings above)" if row.division in broken else ""
        print(f"  {row.division}: {how}{mark}", file=out)
    if len(sources) > SOURCES_SHOWN:
        rest = sources.iloc[SOURCES_SHOWN:]
        own = int((rest["source"] == OWN_TABLE).sum())
        print(
            f"  … and {len(rest)} more: {own} from their own table, {len(rest) - own} from their cost centres", file=out
        )


def ingest(report_path: Path, out_dir: Path, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Parse the report, reconcile it, and write the data files; nothing is written on failure."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        text, sha256 = read_report_text(report_path)
        parsed = parse_report(text, source=str(report_path))
    except (DataError, ReportFormatError) as exc:
        print(f"error: {exc}", file=err)
        return EXIT_INVALID
    parsed.report["source_file"] = Path(report_path).name  # the name and hash, never the path it was read from
    parsed.report["source_sha256"] = sha256
    reconciliation = reconcile(parsed.finance, parsed.printed_derived, parsed.summary)
    _print_findings(reconciliation, out)
    if not reconciliation.ok:
        print(f"error: {report_path}: the report's figures do not reconcile; nothing written to {out_dir}", file=err)
        return EXIT_INVALID
    try:
        write_dataset(dataset_files(parsed.frames()), out_dir)
    except (DataError, OSError) as exc:
        print(f"error: writing {out_dir}: {exc}", file=err)
        return EXIT_INVALID
    print(
        f"wrote {len(parsed.finance)} figures of {parsed.finance['service_area'].nunique()} tables to {out_dir}",
        file=out,
    )
    return EXIT_OK


def check(data_dir: Path, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Validate and reconcile a data folder, and check it against its manifest: 0 when only rounding
    differs and every file matches, 1 otherwise.

    A folder whose files do not match its manifest (edited by hand, or half replaced) is still
    validated and reconciled as it is, so that one run says both whether a hand edit is good and
    that it needs sealing."""
    out, err = out or sys.stdout, err or sys.stderr
    mismatch = None
    try:
        dataset = load_dataset(data_dir)
    except ManifestMismatch as exc:
        mismatch = exc
        try:
            dataset = load_unsealed(data_dir)
        except DataError as again:  # the files changed meanwhile
            print(f"error: {again}", file=err)
            return EXIT_INVALID
    except DataError as exc:
        print(f"error: {exc}", file=err)
        return EXIT_INVALID
    _print_findings(dataset.reconciliation, out)
    derived = dataset.finance[dataset.finance["derived"]]
    if not derived.empty:
        areas = ", ".join(sorted({a or "(division)" for a in derived["service_area"]}))
        print(f"{len(derived)} subtotal figure(s) not printed in the report were derived: {areas}", file=out)
    if mismatch is not None:
        print(f"error: {mismatch}", file=err)
    elif dataset.sealed:
        print(f"manifest: all {len(dataset.files)} data files match {MANIFEST}", file=out)
    else:
        print(
            f"note: {data_dir} has no {MANIFEST}, so a reader cannot tell a half-replaced folder; "
            f"{seal_command(Path(data_dir))} writes one",
            file=out,
        )
    source_ok = _check_source(Path(data_dir), dataset, out, err)
    if mismatch is not None or not dataset.reconciliation.ok or not source_ok:
        return EXIT_INVALID
    print(f"ok: {data_dir} is valid; figures at {dataset.report.status_date:%-d.%-m.%Y}", file=out)
    return EXIT_OK


def _check_source(data_dir: Path, dataset: Dataset, out: TextIO, err: TextIO) -> bool:
    """The report kept in the folder's source/ (if it is there) is the one report.csv was ingested from."""
    report = dataset.report
    path = data_dir / SOURCE_DIR / report.source_file
    if not path.is_file():
        return True
    try:
        sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        print(f"error: {path}: cannot read it: {exc.strerror}", file=err)
        return False
    if sha256 != report.source_sha256:
        print(
            f"error: {path}: its SHA-256 {sha256[:12]}… is not report.csv's source_sha256 "
            f"{report.source_sha256[:12]}…: the data was not ingested from this report; ingest it again",
            file=err,
        )
        return False
    print(f"source: {SOURCE_DIR}/{report.source_file}, the report as ingested (SHA-256 matches report.csv)", file=out)
    return True


def seal(data_dir: Path, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Check a folder as it is, after a hand edit, and write its manifest: 0 when sealed, 1 otherwise."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        dataset = load_unsealed(data_dir)
    except DataError as exc:
        print(f"error: {exc}; nothing sealed", file=err)
        return EXIT_INVALID
    _print_findings(dataset.reconciliation, out)
    if not dataset.reconciliation.ok:
        print(f"error: {data_dir}: the figures do not reconcile; nothing sealed", file=err)
        return EXIT_INVALID
    try:
        write_manifest(data_dir, dataset.files)
    except OSError as exc:
        print(f"error: writing {Path(data_dir) / MANIFEST}: {exc.strerror}", file=err)
        return EXIT_INVALID
    print(f"sealed: {Path(data_dir) / MANIFEST} lists the {len(dataset.files)} data files as checked", file=out)
    return EXIT_OK
