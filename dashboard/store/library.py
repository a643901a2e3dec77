"""The library: a data folder's reports, every division and status date, loaded into one `Library`.

`report.csv` lists the reports, one row each; every other file's `report` column names the report
a row came from, so that figures of different reports never mix. A report is identified by its
division and the date its figures describe (`report_id`). `load_library(dir)` reads the tidy
CSVs once, validates each column against its schema (`schemas`, `validation`: messages name file,
line and column), checks that every row belongs to a listed report, builds one `Dataset` per
status date (`dataset`), and caches the result, or the error that refused it, until a file
changes.

A library is replaced whole. `manifest.json` lists each data file with its size and SHA-256
(`manifest`); the loader hashes the very bytes it parses and refuses a folder whose files do not
match (`ManifestMismatch`), so a reader never takes a mix of an old and a new library.
`write_library()` writes into a scratch folder first, reads it back and validates it, moves the
changed files into place and then, last and by an atomic rename, the new manifest. A folder
without a manifest (a hand-made ledger) loads as it is; `seal` gives it one.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import shutil
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard.store.dataset import ALL_DIVISIONS, Dataset, ReportInfo, build_dataset, report_info
from dashboard.store.files import DEFAULT_DATA_DIR, empty_table, holds, read_table, write_atomically
from dashboard.store.findings import describe_finding
from dashboard.store.manifest import (
    DATASET_FILES,
    MANIFEST,
    FileStamp,
    ManifestMismatch,
    manifest_text,
    mismatch_message,
    mismatches,
    read_manifest,
)
from dashboard.store.periods import ACTUAL, BUDGET, FULL_YEAR
from dashboard.store.reconcile import Reconciliation
from dashboard.store.schemas import OPTIONAL_FILES, SCHEMAS
from dashboard.store.validation import DataError, bad_rows, check_social_media, check_summary

REPORT_FILE = "report.csv"
# Files whose rows the division already places in their report: their `report` column is checked,
# then dropped, so a status date's frames are those of a city ledger with several divisions.
_PLACED_BY_DIVISION = ("finance.csv", "printed_derived.csv", "summary.csv")
# The report's own tables, kept per report: a status date's goals are those of the report chosen.
_OWN_TABLES = ("goals.csv", "risks.csv", "social_media.csv")


@dataclass(frozen=True, eq=False)
class Library:
    """Every report of a data folder: a `Dataset` per status date, each report's own tables, and
    what changed between reports of one division."""

    reports: tuple[ReportInfo, ...]  # in report.csv's order
    by_date: Mapping[dt.date, Dataset]  # each status date's dataset, its first report chosen
    own_tables: Mapping[str, pd.DataFrame]  # goals, risks, social media of every report (`report` column)
    files: Mapping[str, FileStamp] = field(default_factory=dict)
    sealed: bool = False
    _views: dict[str, Dataset] = field(default_factory=dict, repr=False)  # by report id, built when first asked

    @property
    def dates(self) -> list[dt.date]:
        return sorted(self.by_date)

    @property
    def latest(self) -> Dataset:
        return self.dataset()

    @functools.cached_property
    def divisions(self) -> tuple[str, ...]:
        """Every division of the library, those with reports of their own first, in report order."""
        found = dict.fromkeys(report.division for report in self.reports)
        for date in self.dates:
            found.update(dict.fromkeys(self.by_date[date].divisions))
        return tuple(found)

    def reports_of(self, division: str) -> list[ReportInfo]:
        """The reports holding a division's figures, oldest first (a ledger's divisions are in its report)."""
        return [self._report_of_division(d, division) for d in self.dates if division in self.by_date[d].divisions]

    def _report_of_division(self, date: dt.date, division: str) -> ReportInfo:
        """The division's own report of the date, else the first (a ledger's, holding it)."""
        reports = self.by_date[date].reports
        return next((r for r in reports if r.division == division), reports[0])

    def dates_of(self, division: str | None) -> list[dt.date]:
        """The status dates a division has a report of; for the view of all divisions, the dates
        reporting more than one; for none given, every date."""
        if division == ALL_DIVISIONS:
            return [d for d in self.dates if len(self.by_date[d].divisions) > 1]
        if not division or division not in self.divisions:
            return self.dates
        return [r.status_date for r in self.reports_of(division)]

    def dataset(self, date: dt.date | None = None, division: str | None = None) -> Dataset:
        """The view of one report: the division's at `date` (default: its latest); the status
        date's first report where the division is not given or has no report of its own."""
        if date is None:
            date = max(self.dates_of(division))
        day = self.by_date[date]  # KeyError: no report of that date; callers resolve dates first
        report = self._report_of_division(date, division) if division else day.report
        if report == day.report:
            return day
        view = self._views.get(report.report_id)
        if view is None:  # one object per report, so that the views' caches keyed by it keep hitting
            own = {file: self._own_rows(file, report.report_id) for file in _OWN_TABLES}
            view = day.for_report(report, own["goals.csv"], own["risks.csv"], own["social_media.csv"])
            view = self._views.setdefault(report.report_id, view)
        return view

    def _own_rows(self, file: str, report: str) -> pd.DataFrame:
        table = self.own_tables[file]
        return table[table["report"] == report].drop(columns="report")

    def year_so_far(self, date: dt.date, division: str) -> list[Dataset]:
        """The division's reports of `date`'s year up to `date`, oldest first, each as its dataset:
        what the development of the year is drawn from (for the view of all divisions, the dates
        reporting several)."""
        dates = [d for d in self.dates_of(division) if d.year == date.year and d <= date]
        own = division if division in self.divisions else None
        return [self.dataset(d, own) for d in dates]

    def previous(self, report: ReportInfo) -> ReportInfo | None:
        """The same division's report before this one, if the library holds it."""
        earlier = [r for r in self.reports_of(report.division) if r.status_date < report.status_date]
        return earlier[-1] if earlier else None

    @functools.cached_property
    def reconciliation(self) -> Reconciliation:
        """Every status date's findings together (what `check` prints)."""
        days = [self.by_date[d].reconciliation for d in self.dates]
        findings = pd.concat([r.findings for r in days], ignore_index=True)
        sources = pd.concat([r.sources for r in days], ignore_index=True).drop_duplicates("division", keep="last")
        return Reconciliation(findings, sources)

    @functools.cached_property
    def budget_changes(self) -> pd.DataFrame:
        """Where a division's later report of the same year gives another TP (last year's final
        figures) or TA (budget, "+muutos") than its earlier one: each line, before and after."""
        changes = []
        for division in self.divisions:
            reports = self.reports_of(division)
            for earlier, later in zip(reports, reports[1:], strict=False):
                if earlier.status_date.year != later.status_date.year:
                    continue
                changes.append(self._changed_figures(division, earlier, later))
        columns = ["division", "service_area", "line_item", "basis", "year", "earlier", "later", "before", "after"]
        return pd.concat(changes, ignore_index=True) if changes else pd.DataFrame(columns=columns)

    def _changed_figures(self, division: str, earlier: ReportInfo, later: ReportInfo) -> pd.DataFrame:
        year = later.status_date.year
        keys = ["service_area", "line_item", "basis", "year"]

        def fixed(report: ReportInfo) -> pd.DataFrame:
            finance = self.by_date[report.status_date].finance
            rows = finance[(finance["division"] == division) & ~finance["derived"] & (finance["months"] == FULL_YEAR)]
            rows = rows[
                ((rows["basis"] == ACTUAL) & (rows["year"] == year - 1))
                | ((rows["basis"] == BUDGET) & (rows["year"] == year))
            ]
            return rows.set_index(keys)["eur"]

        both = pd.concat({"before": fixed(earlier), "after": fixed(later)}, axis=1, join="inner")
        both = both[both["before"] != both["after"]].reset_index()
        both.insert(0, "division", division)
        both["earlier"], both["later"] = earlier.report_id, later.report_id
        return both


# -- loading ----------------------------------------------------------------------------------------
def _signature(directory: Path) -> tuple:
    """What tells that a folder's files changed: each one's modification time, size and inode."""
    out = []
    for file in DATASET_FILES:
        try:
            st = (directory / file).stat()
            out.append((file, st.st_mtime_ns, st.st_size, st.st_ino))
        except FileNotFoundError:
            out.append((file, None, None, None))
        except OSError:
            out.append((file, "unreadable", None, None))
    return tuple(out)


_cache: dict[Path, tuple[tuple, Library | DataError]] = {}
_cache_lock = threading.Lock()


def load_library(directory: Path | str = DEFAULT_DATA_DIR) -> Library:
    """Load, validate and reconcile a data folder, checked against its manifest.

    The result is cached until one of the folder's files changes; so is a refusal: while the
    folder stays as it is, the same `DataError` is raised again without reading a file. Nothing is
    cached when the files changed during the read (a library being replaced): the next call reads
    the folder afresh.
    """
    directory = Path(directory).resolve()
    signature = _signature(directory)
    with _cache_lock:
        hit = _cache.get(directory)
    if hit and hit[0] == signature:
        if isinstance(hit[1], DataError):
            raise type(hit[1])(*hit[1].args) from None  # a new instance: tracebacks would pile up on one
        return hit[1]
    try:
        result: Library | DataError = _load_uncached(directory)
    except DataError as exc:
        result = exc
    if _signature(directory) == signature:  # the files read are the ones the signature describes
        with _cache_lock:
            _cache[directory] = (signature, result)
    if isinstance(result, DataError):
        raise result
    return result


def load_dataset(directory: Path | str = DEFAULT_DATA_DIR) -> Dataset:
    """The latest report's dataset of a folder (`load_library(directory).latest`)."""
    return load_library(directory).latest


def load_unsealed(directory: Path | str) -> Library:
    """Load, validate and reconcile a folder as it is, its manifest not consulted and nothing cached:
    what `seal` checks before it writes a manifest for the files as they are."""
    return _load_uncached(Path(directory).resolve(), verify=False)


def _read_files(directory: Path) -> dict[str, bytes]:
    """The bytes of each data file present in the folder (read once: what is hashed is what is parsed)."""
    read = {}
    for file in SCHEMAS:
        try:
            read[file] = (directory / file).read_bytes()
        except FileNotFoundError:
            continue
        except IsADirectoryError:
            raise DataError(f"{file}: is a folder, not a file, in {directory}") from None
        except OSError as exc:
            raise DataError(f"{file}: cannot read it: {exc.strerror}") from None
    return read


def _load_uncached(directory: Path, verify: bool = True) -> Library:
    if not directory.is_dir():
        raise DataError(f"{directory}: no such data folder")
    manifest = read_manifest(directory) if verify else None
    read = _read_files(directory)
    stamps = {file: FileStamp.of(data) for file, data in read.items()}
    differences = mismatches(stamps, manifest) if manifest is not None else []
    try:
        library = build_library(directory, read, stamps, sealed=manifest is not None and not differences)
    except DataError as exc:
        if differences:  # say what is wrong with the file, and that the folder is not what its manifest lists
            raise DataError(f"{exc} (also: {mismatch_message(directory, differences)})") from None
        raise
    if differences:
        material = library.reconciliation.material
        also = (
            f"; its figures do not reconcile either: {len(material)} material discrepancies, the first: "
            + describe_finding(material.iloc[0])
            if not material.empty
            else ""
        )
        raise ManifestMismatch(mismatch_message(directory, differences) + also)
    return library


def _reports(frame: pd.DataFrame) -> tuple[ReportInfo, ...]:
    """The listed reports; each id once, and each identity (division and status date) once."""
    if frame.empty:
        raise DataError(f"{REPORT_FILE}: lists no report (expected a row per report)")
    text = frame.astype(str)
    twice = frame["report"].duplicated()
    if twice.any():
        raise bad_rows(REPORT_FILE, text, twice, "report", "the same report id twice")
    same = frame.duplicated(["division", "status_date"])
    if same.any():
        raise bad_rows(REPORT_FILE, text, same, "status_date", "a second report of the same division and status date")
    return tuple(report_info(row) for row in frame.to_dict("records"))


def build_library(directory: Path, read: Mapping[str, bytes], stamps: Mapping[str, FileStamp], sealed: bool) -> Library:
    tables = {}
    for file in SCHEMAS:
        if file in read:
            tables[file] = read_table(directory, file, read[file])
        elif file in OPTIONAL_FILES:
            tables[file] = empty_table(file)
        else:
            raise DataError(f"{file}: missing from {directory}")
    reports = _reports(tables[REPORT_FILE])
    known = {r.report_id: r for r in reports}
    for file, table in tables.items():
        stray = ~table["report"].isin(list(known))
        if file != REPORT_FILE and stray.any():
            raise bad_rows(file, table.astype(str), stray, "report", f"no such report in {REPORT_FILE}")
    check_social_media(tables["social_media.csv"])
    check_summary(tables["summary.csv"])
    by_date = {}
    for date in sorted({r.status_date for r in reports}):
        day = tuple(r for r in reports if r.status_date == date)
        by_date[date] = build_dataset(_rows_of(tables, day), day, stamps, sealed)
    own = {file: tables[file] for file in _OWN_TABLES}
    return Library(reports=reports, by_date=by_date, own_tables=own, files=dict(stamps), sealed=sealed)


def _rows_of(tables: Mapping[str, pd.DataFrame], reports: tuple[ReportInfo, ...]) -> dict[str, pd.DataFrame]:
    """Each file's rows of these reports (one status date); the original index kept, so that a
    message still names the file's line. The first report's own tables only."""
    ids = [r.report_id for r in reports]
    out = {}
    for file, table in tables.items():
        if file == REPORT_FILE:
            continue
        wanted = ids[:1] if file in _OWN_TABLES else ids
        rows = table if table["report"].nunique() <= 1 and len(ids) == 1 else table[table["report"].isin(wanted)]
        if file in _PLACED_BY_DIVISION and len(ids) > 1:
            _check_one_report_per_division(file, rows)
        out[file] = rows.drop(columns="report")
    return out


def _check_one_report_per_division(file: str, rows: pd.DataFrame) -> None:
    """At one status date a division's figures come from one report: two would be added up."""
    pairs = rows[["division", "report"]].drop_duplicates()
    twice = pairs["division"].duplicated(keep=False)
    if twice.any():
        division = pairs.loc[twice, "division"].iloc[0]
        both = sorted(pairs.loc[pairs["division"] == division, "report"])
        raise DataError(f"{file}: the division {division} has figures in two reports of one date: {', '.join(both)}")


# -- writing ----------------------------------------------------------------------------------------
def write_library(files: dict[str, str], out_dir: Path) -> Library:
    """Replace a folder's library as a whole, all-or-nothing; returns the library as written.

    The files and their manifest are written to a scratch folder beside the target and read back
    (validated, reconciled, checked against the manifest). Then each changed file is moved into
    the target, and the new manifest last, by an atomic rename: a reader during the moves finds
    the old manifest, refuses the new files beside it and keeps its last good data; after the
    rename it finds the new library whole. A target that has no manifest yet gets the new one
    first as well, so that a reader refuses the mix there too. The files keep their paths.
    """
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".ingest-", dir=out_dir.parent))
    try:
        raw = {file: text.encode("utf-8") for file, text in files.items()}
        for file, data in raw.items():
            (stage / file).write_bytes(data)
        manifest = manifest_text({file: FileStamp.of(data) for file, data in raw.items()}).encode("utf-8")
        (stage / MANIFEST).write_bytes(manifest)
        library = _load_uncached(stage)  # what we write must read back, and match its manifest
        out_dir.mkdir(exist_ok=True)
        if not (out_dir / MANIFEST).exists():
            write_atomically(out_dir / MANIFEST, manifest)
        for file in SCHEMAS:
            target = out_dir / file
            if file not in raw:  # an optional file the new library does not have
                target.unlink(missing_ok=True)
            elif not holds(target, raw[file]):  # an unchanged file stays as it is: readers keep their cache
                os.replace(stage / file, target)
        if not holds(out_dir / MANIFEST, manifest):
            os.replace(stage / MANIFEST, out_dir / MANIFEST)  # the commit: the new library, whole
        return library
    finally:
        shutil.rmtree(stage, ignore_errors=True)
