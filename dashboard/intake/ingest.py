"""Ingest a realisation report into the tidy data files, check a data folder, seal a hand edit.

All are commands (`python -m dashboard ingest|check|seal`); each returns an exit code and prints
what it found, so they serve people at a terminal and CI alike.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from pathlib import Path
from typing import TextIO

from dashboard.intake.library_update import IdentityConflict, combine
from dashboard.intake.report_parser import ParsedReport, parse_report
from dashboard.intake.report_text import ReportFormatError
from dashboard.store.dataset import ReportInfo
from dashboard.store.files import dataset_files, read_report_text, read_text_tables
from dashboard.store.findings import SOURCE_CHECK, describe_finding
from dashboard.store.library import Library, load_library, load_unsealed, write_library
from dashboard.store.manifest import MANIFEST, ManifestMismatch, seal_command, write_manifest
from dashboard.store.periods import BUDGET
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


def _parse_all(paths: list[Path], out: TextIO, err: TextIO) -> list[ParsedReport] | None:
    """Each report parsed and reconciled, its source named; None (the reason printed) if any fails."""
    parsed_reports = []
    for path in paths:
        try:
            text, sha256 = read_report_text(path)
            parsed = parse_report(text, source=str(path))
        except (DataError, ReportFormatError) as exc:
            print(f"error: {exc}", file=err)
            return None
        parsed.report["source_file"] = Path(path).name  # the name and hash, never the path it was read from
        parsed.report["source_sha256"] = sha256
        print(f"{path}: {describe_report(parsed)}", file=out)
        reconciliation = reconcile(parsed.finance, parsed.printed_derived, parsed.summary)
        _print_findings(reconciliation, out)
        if not reconciliation.ok:
            print(f"error: {path}: the report's figures do not reconcile", file=err)
            return None
        parsed_reports.append(parsed)
    return parsed_reports


def _write(paths: list[Path], out_dir: Path, existing: dict | None, replace: bool, out: TextIO, err: TextIO) -> int:
    parsed = _parse_all(paths, out, err)
    if parsed is None:
        print(f"error: nothing written to {out_dir}", file=err)
        return EXIT_INVALID
    try:
        update = combine(existing or {}, [(path, report) for path, report in zip(paths, parsed, strict=True)], replace)
    except IdentityConflict as exc:
        print(f"error: {exc}; nothing written to {out_dir}", file=err)
        return EXIT_INVALID
    for line in update.notes:
        print(line, file=out)
    if existing is not None and not update.changed:
        print(f"unchanged: {out_dir} already holds every report given", file=out)
        return EXIT_OK
    try:
        library = write_library(dataset_files(update.tables), out_dir)
    except (DataError, OSError) as exc:
        print(f"error: writing {out_dir}: {exc}; nothing written", file=err)
        return EXIT_INVALID
    _print_budget_changes(library, out)
    print(f"wrote {len(library.reports)} report(s) of {len(library.divisions)} division(s) to {out_dir}", file=out)
    return EXIT_OK


def ingest(report_paths: Path | list[Path], out_dir: Path, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Parse the reports, reconcile each, and write them as the folder's library (replacing what
    it held); nothing is written if any report fails."""
    out, err = out or sys.stdout, err or sys.stderr
    paths = [report_paths] if isinstance(report_paths, str | Path) else list(report_paths)
    return _write(paths, Path(out_dir), None, False, out, err)


def add(
    report_paths: list[Path],
    data_dir: Path,
    replace: bool = False,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Add reports to a folder's library: a report it holds already is skipped, one of the same
    division and date with other figures refused unless `replace`; nothing is written on failure."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        load_library(data_dir)  # the library added to must itself be good
        existing = read_text_tables(Path(data_dir))
    except DataError as exc:
        print(f"error: {exc}; nothing added", file=err)
        return EXIT_INVALID
    return _write(list(report_paths), Path(data_dir), existing, replace, out, err)


def _print_budget_changes(library: Library, out: TextIO) -> None:
    """A later report of a division with another TP or TA than its earlier one: listed, not refused."""
    changes = library.budget_changes
    if changes.empty:
        return
    print(
        f"{len(changes)} figure(s) of TP or TA differ from the division's earlier report (a budget change):", file=out
    )
    for row in changes.head(SOURCES_SHOWN).itertuples():
        where = f"{row.division} / {row.service_area or '(division)'} / {row.line_item}"
        basis = "TA" if row.basis == BUDGET else "TP"
        before, after = (f"{int(v):,}".replace(",", " ") for v in (row.before, row.after))
        print(f"  {where}, {basis} {row.year}: {before} → {after} € ({row.earlier} → {row.later})", file=out)
    if len(changes) > SOURCES_SHOWN:
        print(f"  … and {len(changes) - SOURCES_SHOWN} more", file=out)


def check(data_dir: Path, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Validate and reconcile a data folder, and check it against its manifest: 0 when only rounding
    differs and every file matches, 1 otherwise.

    A folder whose files do not match its manifest (edited by hand, or half replaced) is still
    validated and reconciled as it is, so that one run says both whether a hand edit is good and
    that it needs sealing."""
    out, err = out or sys.stdout, err or sys.stderr
    mismatch = None
    try:
        library = load_library(data_dir)
    except ManifestMismatch as exc:
        mismatch = exc
        try:
            library = load_unsealed(data_dir)
        except DataError as again:  # the files changed meanwhile
            print(f"error: {again}", file=err)
            return EXIT_INVALID
    except DataError as exc:
        print(f"error: {exc}", file=err)
        return EXIT_INVALID
    print(f"{len(library.reports)} report(s): " + "; ".join(_report_line(r) for r in library.reports), file=out)
    _print_findings(library.reconciliation, out)
    for date in library.dates:
        finance = library.by_date[date].finance
        derived = finance[finance["derived"]]
        if not derived.empty:
            areas = ", ".join(sorted({a or "(division)" for a in derived["service_area"]}))
            print(
                f"{len(derived)} subtotal figure(s) not printed in the report(s) of {date:%-d.%-m.%Y} were derived: {areas}",
                file=out,
            )
    _print_budget_changes(library, out)
    if mismatch is not None:
        print(f"error: {mismatch}", file=err)
    elif library.sealed:
        print(f"manifest: all {len(library.files)} data files match {MANIFEST}", file=out)
    else:
        print(
            f"note: {data_dir} has no {MANIFEST}, so a reader cannot tell a half-replaced folder; "
            f"{seal_command(Path(data_dir))} writes one",
            file=out,
        )
    source_ok = all([_check_source(Path(data_dir), report, out, err) for report in library.reports])
    if mismatch is not None or not library.reconciliation.ok or not source_ok:
        return EXIT_INVALID
    latest = max(library.dates)
    print(
        f"ok: {data_dir} is valid; {len(library.reports)} report(s), the latest figures at {latest:%-d.%-m.%Y}",
        file=out,
    )
    return EXIT_OK


def _report_line(report: ReportInfo) -> str:
    return f"{report.division} at {report.status_date:%-d.%-m.%Y} ({report.report_id})"


def describe_report(parsed: ParsedReport) -> str:
    row = parsed.report.iloc[0]
    return f"the report of {row['division']} at {dt.date.fromisoformat(str(row['status_date'])):%-d.%-m.%Y} ({row['report']})"


def _check_source(data_dir: Path, report: ReportInfo, out: TextIO, err: TextIO) -> bool:
    """The report kept in the folder's source/ (if it is there) is the one report.csv was ingested from."""
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
        library = load_unsealed(data_dir)
    except DataError as exc:
        print(f"error: {exc}; nothing sealed", file=err)
        return EXIT_INVALID
    _print_findings(library.reconciliation, out)
    if not library.reconciliation.ok:
        print(f"error: {data_dir}: the figures do not reconcile; nothing sealed", file=err)
        return EXIT_INVALID
    try:
        write_manifest(data_dir, library.files)
    except OSError as exc:
        print(f"error: writing {Path(data_dir) / MANIFEST}: {exc.strerror}", file=err)
        return EXIT_INVALID
    print(f"sealed: {Path(data_dir) / MANIFEST} lists the {len(library.files)} data files as checked", file=out)
    return EXIT_OK
