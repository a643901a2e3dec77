"""The dataset: every file of a data folder loaded, validated and reconciled into one `Dataset`.

`load_dataset(dir)` reads the tidy CSVs in `data/` (`files`), validates each column once against
its schema (`schemas`, `validation`: messages name file, line and column), derives the subtotals a
table leaves out, reconciles the figures (`reconcile`) and caches the result, or the error that
refused them, until a file changes.

A dataset is replaced whole. `manifest.json` lists each data file with its size and SHA-256
(`manifest`); `load_dataset` hashes the very bytes it parses and refuses a folder whose files do
not match its manifest (`ManifestMismatch`), so a reader never takes a mix of an old and a new
dataset. `write_dataset()` writes an ingested report into a scratch folder first, reads it back and
validates it, moves the changed files into place and then, last and by an atomic rename, the new
manifest: until that rename, readers find the old manifest and refuse any new file beside it. A
folder without a manifest (a hand-made ledger) loads as it is; `seal` gives it one.

The names the other packages import from here (`DataError`, `SCHEMAS`, `DEFAULT_DATA_DIR`, …) are
re-exported from the modules that define them.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import shutil
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

import pandas as pd

from dashboard.store.files import (
    DEFAULT_DATA_DIR,
    empty_table,
    holds,
    read_table,
    write_atomically,
)
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
from dashboard.store.periods import ComparisonPeriods, comparison_periods
from dashboard.store.reconcile import Reconciliation, reconcile
from dashboard.store.schemas import FINANCE_KEY, OPTIONAL_FILES, SCHEMAS
from dashboard.store.subtotals import build_statements
from dashboard.store.validation import DataError, check_social_media, check_summary, check_unique


@dataclass(frozen=True)
class ReportInfo:
    title: str
    division: str
    division_title: str
    issued: dt.date
    status_date: dt.date
    goals_responsible: str
    source_file: str
    source_sha256: str = ""


@dataclass(frozen=True)
class Dataset:
    """Everything a view shows, validated and reconciled."""

    report: ReportInfo
    finance: pd.DataFrame  # printed figures plus derived subtotals (`derived` = True)
    printed_derived: pd.DataFrame
    commentary: pd.DataFrame
    service_areas: pd.DataFrame
    social_media: pd.DataFrame
    goals: pd.DataFrame
    risks: pd.DataFrame
    reconciliation: Reconciliation
    periods: ComparisonPeriods
    summary: pd.DataFrame = field(default_factory=pd.DataFrame)  # TULOT, MENOT, NETTO; empty if not printed
    files: Mapping[str, FileStamp] = field(default_factory=dict)  # each file read: its size and SHA-256
    sealed: bool = False  # the folder has a manifest, and every file matched it

    @functools.cached_property
    def cost_centres(self) -> list[str]:
        """Cost centres in the order the report prints them (found once: a city ledger is large)."""
        return [a for a in pd.unique(self.finance["service_area"]) if a]

    @functools.cached_property
    def cost_centres_by_division(self) -> dict[str, tuple[str, ...]]:
        """Each division's cost centres in the order printed; the report's own division first."""
        pairs = self.finance[["division", "service_area"]].drop_duplicates()
        found: dict[str, list[str]] = {self.report.division: []}
        for division, area in zip(pairs["division"], pairs["service_area"], strict=True):
            found.setdefault(division, [])
            if area:
                found[division].append(area)
        return {division: tuple(areas) for division, areas in found.items()}


def _report_info(frame: pd.DataFrame) -> ReportInfo:
    if len(frame) != 1:
        raise DataError(f"report.csv: expected exactly one row describing the report, found {len(frame)}")
    row = frame.iloc[0]
    return ReportInfo(**{f.name: row[f.name] for f in fields(ReportInfo)})


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


_cache: dict[Path, tuple[tuple, Dataset | DataError]] = {}
_cache_lock = threading.Lock()


def load_dataset(directory: Path | str = DEFAULT_DATA_DIR) -> Dataset:
    """Load, validate and reconcile a data folder, checked against its manifest.

    The result is cached until one of the folder's files changes; so is a refusal: while the
    folder stays as it is, the same `DataError` is raised again without reading a file. Nothing is
    cached when the files changed during the read (a dataset being replaced): the next call reads
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
        result: Dataset | DataError = _load_uncached(directory)
    except DataError as exc:
        result = exc
    if _signature(directory) == signature:  # the files read are the ones the signature describes
        with _cache_lock:
            _cache[directory] = (signature, result)
    if isinstance(result, DataError):
        raise result
    return result


def load_unsealed(directory: Path | str) -> Dataset:
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


def _load_uncached(directory: Path, verify: bool = True) -> Dataset:
    if not directory.is_dir():
        raise DataError(f"{directory}: no such data folder")
    manifest = read_manifest(directory) if verify else None
    read = _read_files(directory)
    stamps = {file: FileStamp.of(data) for file, data in read.items()}
    differences = mismatches(stamps, manifest) if manifest is not None else []
    try:
        dataset = _build(directory, read, stamps, sealed=manifest is not None and not differences)
    except DataError as exc:
        if differences:  # say what is wrong with the file, and that the folder is not what its manifest lists
            raise DataError(f"{exc} (also: {mismatch_message(directory, differences)})") from None
        raise
    if differences:
        material = dataset.reconciliation.material
        also = (
            f"; its figures do not reconcile either: {len(material)} material discrepancies, the first: "
            + describe_finding(material.iloc[0])
            if not material.empty
            else ""
        )
        raise ManifestMismatch(mismatch_message(directory, differences) + also)
    return dataset


def _build(directory: Path, read: Mapping[str, bytes], stamps: Mapping[str, FileStamp], sealed: bool) -> Dataset:
    tables = {}
    for file in SCHEMAS:
        if file in read:
            tables[file] = read_table(directory, file, read[file])
        elif file in OPTIONAL_FILES:
            tables[file] = empty_table(file)
        else:
            raise DataError(f"{file}: missing from {directory}")
    printed = tables["finance.csv"]
    if printed.empty:
        raise DataError("finance.csv: holds no figures")
    statements = build_statements(printed)
    if statements.repeated_figures:  # only then are a million rows searched for the lines to name
        check_unique("finance.csv", printed, FINANCE_KEY)
    check_social_media(tables["social_media.csv"])
    check_summary(tables["summary.csv"])
    try:
        # The statement table has every period of the ledger, in a row per statement, not per figure.
        periods = comparison_periods(statements.table.index.to_frame(index=False))
    except ValueError as exc:
        raise DataError(f"finance.csv: {exc}") from None
    return Dataset(
        report=_report_info(tables["report.csv"]),
        finance=statements.finance,
        printed_derived=tables["printed_derived.csv"],
        commentary=tables["commentary.csv"],
        service_areas=tables["service_areas.csv"],
        social_media=tables["social_media.csv"],
        goals=tables["goals.csv"],
        risks=tables["risks.csv"],
        reconciliation=reconcile(
            printed, tables["printed_derived.csv"], summary=tables["summary.csv"], statements=statements
        ),
        periods=periods,
        summary=tables["summary.csv"],
        files=dict(stamps),
        sealed=sealed,
    )


# -- writing ----------------------------------------------------------------------------------------
def write_dataset(files: dict[str, str], out_dir: Path) -> None:
    """Replace a folder's dataset as a whole, all-or-nothing.

    The files and their manifest are written to a scratch folder beside the target and read back
    (validated, reconciled, checked against the manifest). Then each changed file is moved into
    the target, and the new manifest last, by an atomic rename: a reader during the moves finds
    the old manifest, refuses the new files beside it and keeps its last good data; after the
    rename it finds the new dataset whole. A target that has no manifest yet gets the new one
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
        _load_uncached(stage)  # what we write must read back, and match its manifest
        out_dir.mkdir(exist_ok=True)
        if not (out_dir / MANIFEST).exists():
            write_atomically(out_dir / MANIFEST, manifest)
        for file in SCHEMAS:
            target = out_dir / file
            if file not in raw:  # an optional file the new dataset does not have
                target.unlink(missing_ok=True)
            elif not holds(target, raw[file]):  # an unchanged file stays as it is: readers keep their cache
                os.replace(stage / file, target)
        if not holds(out_dir / MANIFEST, manifest):
            os.replace(stage / MANIFEST, out_dir / MANIFEST)  # the commit: the new dataset, whole
    finally:
        shutil.rmtree(stage, ignore_errors=True)
