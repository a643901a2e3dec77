"""The data module: every file the dashboard reads or writes goes through here.

`load_dataset(dir)` reads the tidy CSVs in `data/`, validates each column once (naming file,
line and column on the first bad value), derives the subtotals a table leaves out, reconciles the
figures and caches the result, or the error that refused them, until a file changes.

A dataset is replaced whole. `manifest.json` lists each data file with its size and SHA-256;
`load_dataset` hashes the very bytes it parses and refuses a folder whose files do not match its
manifest (`ManifestMismatch`), so a reader never takes a mix of an old and a new dataset.
`write_dataset()` writes an ingested report into a scratch folder first, reads it back and
validates it, moves the changed files into place and then, last and by an atomic rename, the new
manifest: until that rename, readers find the old manifest and refuse any new file beside it. A
folder without a manifest (a hand-made ledger) loads as it is; `seal` gives it one.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from dashboard.store.periods import ACTUAL, BUDGET, ComparisonPeriods, comparison_periods
from dashboard.store.reconcile import Reconciliation, build_statements, describe_finding, reconcile
from dashboard.store.statement import LINE_BY_NAME, SUMMARY_ROWS

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_DATA_DIR = PACKAGE_DIR.parents[1] / "data"

SOCIAL_METRICS = ("followers", "follower_change", "posts_per_month", "releases", "release_throughput_pct")
DISTINCT_SAMPLE = 10_000  # rows looked at to tell a column of few distinct values
SOCIAL_CHANNELS = ("Facebook", "Instagram", "X", "LinkedIn", "ePress")


MANIFEST = "manifest.json"
SEAL_COMMAND = "python -m dashboard seal"


class DataError(ValueError):
    """A data file is missing or malformed; the message names file, line and column."""


class ManifestMismatch(DataError):
    """The folder's files are not the ones its manifest lists: being replaced, or edited by hand."""


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "text"  # text, int, number, bool, date, choice
    required: bool = True  # False: may be empty
    choices: tuple[str, ...] = ()
    low: int | None = None
    high: int | None = None


# The files of a dataset, their columns in order and the type of each column.
SCHEMAS: dict[str, tuple[Column, ...]] = {
    "report.csv": (
        Column("title"),
        Column("division"),
        Column("division_title"),
        Column("issued", "date"),
        Column("status_date", "date"),
        Column("goals_responsible", required=False),
        Column("source_file"),
        Column("source_sha256"),
    ),
    "finance.csv": (
        Column("division"),
        Column("service_area", required=False),
        Column("line_item", "choice", choices=tuple(LINE_BY_NAME)),
        Column("basis", "choice", choices=(ACTUAL, BUDGET)),
        Column("year", "int", low=1900, high=2200),
        Column("months", "int", low=1, high=12),
        Column("eur", "int"),
    ),
    "printed_derived.csv": (
        Column("division"),
        Column("service_area", required=False),
        Column("line_item", "choice", choices=tuple(LINE_BY_NAME)),
        Column("measure", "choice", choices=("remaining_eur", "realisation_pct")),
        Column("year", "int", low=1900, high=2200),
        Column("months", "int", low=1, high=12),
        Column("printed", "number"),
    ),
    "summary.csv": (
        Column("division"),
        Column("summary_row", "choice", choices=tuple(SUMMARY_ROWS)),
        Column("line_item", "choice", choices=tuple(SUMMARY_ROWS.values())),
        Column("basis", "choice", choices=(ACTUAL, BUDGET)),
        Column("year", "int", low=1900, high=2200),
        Column("months", "int", low=1, high=12),
        Column("eur", "int"),
    ),
    "commentary.csv": (
        Column("division"),
        Column("service_area", required=False),
        Column("topic", "choice", choices=("finance", "goals", "general")),
        Column("paragraph", "int", low=1),
        Column("text"),
    ),
    "service_areas.csv": (
        Column("division"),
        Column("service_area", required=False),
        Column("heading"),
        Column("paragraph", "int", low=1),
        Column("text"),
    ),
    "social_media.csv": (
        Column("channel", "choice", choices=SOCIAL_CHANNELS),
        Column("metric", "choice", choices=SOCIAL_METRICS),
        Column("value", "number"),
        Column("date", "date", required=False),
        Column("period_label", required=False),
        Column("derived", "bool"),
        Column("note", required=False),
    ),
    "goals.csv": (
        Column("table", "int", low=1),
        Column("table_title", required=False),
        Column("row", "int", low=1),
        Column("strategic_aim", required=False),
        Column("focus_areas", required=False),
        Column("goal", required=False),
        Column("measures", required=False),
        Column("responsible", required=False),
        Column("realisation", required=False),
        Column("status", required=False),
        Column("partial", "bool"),
    ),
    "risks.csv": (
        Column("row", "int", low=1),
        Column("risk_class", required=False),
        Column("risk"),
        Column("probability", "int", low=1, high=10),
        Column("significance", "int", low=1, high=10),
        Column("control", required=False),
        Column("control_realisation", required=False),
    ),
}
FINANCE_KEY = ["division", "service_area", "line_item", "basis", "year", "months"]
SUMMARY_KEY = ["division", "summary_row", "basis", "year", "months"]
# Files a folder may leave out: a city-wide ledger prints no budget summary. Ingest writes them all.
OPTIONAL_FILES = frozenset({"summary.csv"})
# Every file ingest writes into a data folder, the manifest last.
DATASET_FILES = (*SCHEMAS, MANIFEST)


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
class FileStamp:
    """A file's size and SHA-256, as the manifest lists it."""

    size: int
    sha256: str

    @classmethod
    def of(cls, data: bytes) -> FileStamp:
        return cls(len(data), hashlib.sha256(data).hexdigest())


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


# -- reading ----------------------------------------------------------------------------------------
def read_report_text(path: Path) -> tuple[str, str]:
    """A report's text, which must be UTF-8 (says where it is not), and its SHA-256."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise DataError(f"{path}: cannot read the report: {exc.strerror}") from None
    try:
        return raw.decode("utf-8-sig"), hashlib.sha256(raw).hexdigest()
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DataError(
            f"{path}, line {line}, column {column}: not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
            "save the report as UTF-8"
        ) from None


def _bad(file: str, frame: pd.DataFrame, mask: pd.Series, column: str, problem: str) -> DataError:
    first = mask[mask].index[0]
    value = frame.at[first, column]
    count = int(mask.sum())
    more = f" ({count - 1} more rows like it)" if count > 1 else ""
    return DataError(f"{file}, line {first + 2}, column '{column}': {problem}, found '{value}'{more}")


def _validate_column(file: str, frame: pd.DataFrame, col: Column) -> pd.Series:
    """Validate and convert one column; a column of few distinct values is checked once per value.

    A city-wide ledger repeats its divisions, cost centres, lines and periods a million times;
    checking each distinct value once and mapping the result back keeps loading fast. Should a
    value be bad, the rows are checked again so that the message names the first bad line.
    """
    text = frame[col.name]
    # Euros hardly repeat: a look at the first rows spares factorizing a million distinct values.
    head = text.iloc[:DISTINCT_SAMPLE]
    if len(text) < 1000 or head.nunique() * 2 > len(head):
        return _validate_values(file, frame, col)
    codes, uniques = pd.factorize(text)
    if len(uniques) * 2 > len(text):
        return _validate_values(file, frame, col)
    distinct = pd.DataFrame({col.name: pd.Series(uniques, dtype=text.dtype)})
    try:
        parsed = _validate_values(file, distinct, col)
    except DataError:
        return _validate_values(file, frame, col)
    if col.kind in ("text", "choice"):
        return text  # unchanged: rebuilding a million strings from the distinct ones costs seconds
    return pd.Series(parsed.to_numpy()[codes], index=text.index, name=col.name)


def _validate_values(file: str, frame: pd.DataFrame, col: Column) -> pd.Series:
    text = frame[col.name]
    empty = text.str.strip() == ""
    if col.required and empty.any():
        raise _bad(file, frame, empty, col.name, "a value is required")
    present = ~empty
    if col.kind == "text":
        return text
    if col.kind == "choice":
        bad = present & ~text.isin(col.choices)
        if bad.any():
            shown = ", ".join(col.choices[:8]) + (", …" if len(col.choices) > 8 else "")
            raise _bad(file, frame, bad, col.name, f"expected one of {shown}")
        return text
    if col.kind == "bool":
        bad = ~text.isin(["true", "false"])
        if bad.any():
            raise _bad(file, frame, bad, col.name, "expected true or false")
        return text == "true"
    if col.kind == "date":
        parsed = pd.to_datetime(text.where(present), format="%Y-%m-%d", errors="coerce")
        bad = present & parsed.isna()
        if bad.any():
            raise _bad(file, frame, bad, col.name, "expected a date as YYYY-MM-DD")
        return parsed.dt.date.where(present, None)
    if col.kind == "int":
        bad = present & ~text.str.fullmatch(r"-?\d{1,15}")
        if bad.any():
            raise _bad(file, frame, bad, col.name, "expected a whole number")
        # Arrow parses validated digits in C; to_numeric would go through a Python object per row.
        values = (
            text.astype("int64[pyarrow]").astype("int64")
            if col.required
            else pd.to_numeric(text.where(present), errors="coerce")
        )
        for limit, out_of_range, word in (
            (col.low, lambda v, lim: v < lim, "at least"),
            (col.high, lambda v, lim: v > lim, "at most"),
        ):
            if limit is not None:
                bad = present & out_of_range(values, limit)
                if bad.any():
                    raise _bad(file, frame, bad, col.name, f"expected {word} {limit}")
        return values.astype("int64") if col.required else values
    if col.kind == "number":
        bad = present & ~text.str.fullmatch(r"-?\d{1,15}(\.\d+)?")
        if bad.any():
            raise _bad(file, frame, bad, col.name, "expected a number with '.' as the decimal point")
        return pd.to_numeric(text.where(present), errors="coerce")
    raise AssertionError(col.kind)


def _read_csv_fast(source: Path | bytes, expected: list[str]) -> pd.DataFrame | None:
    """The file (a path, or its bytes) read by Arrow's parallel CSV reader, every column as text;
    None where it refuses.

    Arrow reads a million-row ledger in a fraction of a second, ten times faster than pandas' own
    reader. A file Arrow refuses, or whose header is not the expected one, is left to
    `_read_csv_checked`, whose messages are the ones users see.
    """
    try:
        table = pa_csv.read_csv(
            pa.BufferReader(source) if isinstance(source, bytes) else source,
            parse_options=pa_csv.ParseOptions(newlines_in_values=True),  # commentary spans lines
            convert_options=pa_csv.ConvertOptions(
                column_types={name: pa.string() for name in expected},
                strings_can_be_null=False,  # an empty cell is "", as keep_default_na=False reads it
            ),
        )
    except (pa.ArrowException, OSError, ValueError):
        return None
    if table.column_names != expected:
        return None
    return table.to_pandas()  # text as pandas' `str` dtype, Arrow-backed as pandas' own reader gives it


def _read_csv_checked(source: Path | bytes, file: str, directory: Path, expected: list[str]) -> pd.DataFrame:
    """pandas' reader, which names what is wrong with a file: missing, empty, not UTF-8, malformed."""
    try:
        return pd.read_csv(
            io.BytesIO(source) if isinstance(source, bytes) else source,
            dtype=str,
            keep_default_na=False,
            encoding="utf-8",
        )
    except FileNotFoundError:
        raise DataError(f"{file}: missing from {directory}") from None
    except UnicodeDecodeError as exc:
        raise DataError(f"{file}: not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})") from None
    except pd.errors.EmptyDataError:
        raise DataError(f"{file}: the file is empty (expected a header row: {','.join(expected)})") from None
    except pd.errors.ParserError as exc:
        raise DataError(f"{file}: malformed CSV: {str(exc).strip()}") from None


def read_table(directory: Path, file: str, data: bytes | None = None) -> pd.DataFrame:
    """Read one data file (or `data`, its bytes as read already) and validate it against its schema."""
    columns = SCHEMAS[file]
    expected = [c.name for c in columns]
    source = Path(directory) / file if data is None else data
    frame = _read_csv_fast(source, expected)
    if frame is None:
        frame = _read_csv_checked(source, file, directory, expected)
    if list(frame.columns) != expected:
        raise DataError(
            f"{file}, line 1: expected the columns {','.join(expected)}, found {','.join(map(str, frame.columns))}"
        )
    return pd.DataFrame({c.name: _validate_column(file, frame, c) for c in columns})


def empty_table(file: str) -> pd.DataFrame:
    """A file's frame with no rows, its columns typed as a read would type them."""
    return read_table(Path("."), file, (",".join(c.name for c in SCHEMAS[file]) + "\n").encode())


def _report_info(frame: pd.DataFrame) -> ReportInfo:
    if len(frame) != 1:
        raise DataError(f"report.csv: expected exactly one row describing the report, found {len(frame)}")
    row = frame.iloc[0]
    return ReportInfo(
        title=row["title"],
        division=row["division"],
        division_title=row["division_title"],
        issued=row["issued"],
        status_date=row["status_date"],
        goals_responsible=row["goals_responsible"],
        source_file=row["source_file"],
        source_sha256=row["source_sha256"],
    )


def _check_unique(file: str, frame: pd.DataFrame, key: list[str]) -> None:
    dup = frame.duplicated(key, keep=False)
    if dup.any():
        lines = [str(i + 2) for i in dup[dup].index[:2]]
        first = frame.loc[dup].iloc[0]
        raise DataError(
            f"{file}, lines {' and '.join(lines)}: the same figure twice ({', '.join(f'{k}={first[k]}' for k in key)})"
        )


# Counts that cannot be negative; a change may be.
NON_NEGATIVE_METRICS = ("followers", "posts_per_month", "releases", "release_throughput_pct")


def _check_social_media(frame: pd.DataFrame) -> None:
    """Rows staff append must be observations: dated or labelled, non-negative counts, once each."""
    file = "social_media.csv"
    negative = frame["metric"].isin(NON_NEGATIVE_METRICS) & (frame["value"] < 0)
    if negative.any():
        raise _bad(file, frame.astype(str), negative, "value", "a count cannot be negative")
    over = (frame["metric"] == "release_throughput_pct") & (frame["value"] > 100)
    if over.any():
        raise _bad(file, frame.astype(str), over, "value", "a percentage cannot exceed 100")
    # A level or a change means nothing without a when; averages may stand for the whole report.
    undated = frame["metric"].isin(["followers", "follower_change"]) & frame["date"].isna()
    undated &= frame["period_label"].str.strip() == ""
    if undated.any():
        raise _bad(file, frame.astype(str), undated, "date", "a follower count needs a date or a period_label")
    _check_unique(file, frame, ["channel", "metric", "date", "period_label", "derived"])


def _check_summary(frame: pd.DataFrame) -> None:
    """Each summary row stands for its subtotal (TULOT for Toimintatuotot, …), once per period."""
    file = "summary.csv"
    wrong = frame["line_item"] != frame["summary_row"].map(SUMMARY_ROWS)
    if wrong.any():
        row = frame.loc[wrong, "summary_row"].iloc[0]
        raise _bad(file, frame.astype(str), wrong, "line_item", f"{row} stands for {SUMMARY_ROWS[row]}")
    _check_unique(file, frame, SUMMARY_KEY)


# -- the manifest -----------------------------------------------------------------------------------
MANIFEST_ABOUT = (
    "The files of this dataset, each with its size in bytes and SHA-256. Written last by "
    "`python -m dashboard ingest` or `python -m dashboard seal`; the dashboard refuses the folder "
    "while a file does not match (data/README.md)."
)


def manifest_text(stamps: Mapping[str, FileStamp]) -> str:
    """The manifest of a dataset's files, in the order of SCHEMAS: deterministic, no timestamps."""
    files = {f: {"bytes": stamps[f].size, "sha256": stamps[f].sha256} for f in SCHEMAS if f in stamps}
    return json.dumps({"about": MANIFEST_ABOUT, "files": files}, indent=2, ensure_ascii=False) + "\n"


def seal_command(directory: Path) -> str:
    """The command that re-seals `directory` after a hand edit."""
    same = Path(directory).resolve() == DEFAULT_DATA_DIR.resolve()
    return f"`{SEAL_COMMAND}`" if same else f"`{SEAL_COMMAND} --data {directory}`"


def _line_of_key(text: str, key: str) -> str:
    at = text.find(json.dumps(key, ensure_ascii=False))
    return f", line {text.count(chr(10), 0, at) + 1}" if at >= 0 else ""


def read_manifest(directory: Path) -> dict[str, FileStamp] | None:
    """The files a folder's manifest lists; None where the folder has no manifest."""
    path = Path(directory) / MANIFEST
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DataError(f"{MANIFEST}: cannot read it: {exc.strerror}") from None
    redo = f"write it anew with {seal_command(directory)} once the data files are right"
    try:
        text = raw.decode("utf-8")
        document = json.loads(text)
    except UnicodeDecodeError as exc:
        raise DataError(
            f"{MANIFEST}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); {redo}"
        ) from None
    except json.JSONDecodeError as exc:
        raise DataError(
            f"{MANIFEST}, line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg}); {redo}"
        ) from None
    files = document.get("files") if isinstance(document, dict) else None
    if not isinstance(files, dict):
        raise DataError(f'{MANIFEST}, line 1: expected an object whose "files" lists the data files; {redo}')
    stamps = {}
    for name, entry in files.items():
        where = MANIFEST + _line_of_key(text, name)
        if name not in SCHEMAS:
            raise DataError(f"{where}: lists '{name}', which is not a data file ({', '.join(SCHEMAS)}); {redo}")
        size, sha = (entry.get("bytes"), entry.get("sha256")) if isinstance(entry, dict) else (None, None)
        if type(size) is not int or size < 0 or not isinstance(sha, str) or not re.fullmatch(r"[0-9a-f]{64}", sha):
            raise DataError(
                f'{where}: the entry of {name} needs "bytes" (a whole number) and "sha256" (64 hex digits); {redo}'
            )
        stamps[name] = FileStamp(size, sha)
    unlisted = [f for f in SCHEMAS if f not in stamps and f not in OPTIONAL_FILES]
    if unlisted:
        raise DataError(f"{MANIFEST}: does not list {', '.join(unlisted)}; {redo}")
    return stamps


def _mismatches(stamps: Mapping[str, FileStamp], manifest: dict[str, FileStamp]) -> list[str]:
    """How the files as read differ from the manifest: one sentence a file."""
    found = []
    for file in SCHEMAS:
        listed, stamp = manifest.get(file), stamps.get(file)
        if listed == stamp:
            continue
        if stamp is None:
            found.append(f"{file} is listed in {MANIFEST} but missing")
        elif listed is None:
            found.append(f"{file} is not listed in {MANIFEST}")
        else:
            found.append(
                f"{file} does not match {MANIFEST} ({stamp.size} bytes, SHA-256 {stamp.sha256[:12]}…; "
                f"the manifest lists {listed.size} bytes, {listed.sha256[:12]}…)"
            )
    return found


def _mismatch_message(directory: Path, mismatches: list[str]) -> str:
    more = f" (and {len(mismatches) - 1} more file(s))" if len(mismatches) > 1 else ""
    return (
        f"{mismatches[0]}{more}: the folder {directory} is being replaced (the next request tries again), "
        f"or a file was edited by hand; after a hand edit, check and re-seal the folder with {seal_command(directory)}"
    )


def write_manifest(directory: Path, stamps: Mapping[str, FileStamp]) -> None:
    """Write a folder's manifest by an atomic rename: a reader finds the old one or the new one."""
    _write_atomically(Path(directory) / MANIFEST, manifest_text(stamps).encode("utf-8"))


def _write_atomically(path: Path, data: bytes) -> None:
    fd, scratch = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(scratch, path)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise


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
    mismatches = _mismatches(stamps, manifest) if manifest is not None else []
    try:
        dataset = _build(directory, read, stamps, sealed=manifest is not None and not mismatches)
    except DataError as exc:
        if mismatches:  # say what is wrong with the file, and that the folder is not what its manifest lists
            raise DataError(f"{exc} (also: {_mismatch_message(directory, mismatches)})") from None
        raise
    if mismatches:
        material = dataset.reconciliation.material
        also = (
            f"; its figures do not reconcile either: {len(material)} material discrepancies, the first: "
            + describe_finding(material.iloc[0])
            if not material.empty
            else ""
        )
        raise ManifestMismatch(_mismatch_message(directory, mismatches) + also)
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
        _check_unique("finance.csv", printed, FINANCE_KEY)
    _check_social_media(tables["social_media.csv"])
    _check_summary(tables["summary.csv"])
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
def _csv_text(frame: pd.DataFrame) -> str:
    out = frame.copy()
    for name in out.columns:
        if out[name].dtype == bool:
            out[name] = out[name].map({True: "true", False: "false"})
    return out.to_csv(index=False, lineterminator="\n")


def dataset_files(frames: Mapping[str, pd.DataFrame]) -> dict[str, str]:
    """The text of each data file, in the order of SCHEMAS, from its frame (by file name)."""
    return {file: _csv_text(frames[file]) for file in SCHEMAS if file in frames}


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
            _write_atomically(out_dir / MANIFEST, manifest)
        for file in SCHEMAS:
            target = out_dir / file
            if file not in raw:  # an optional file the new dataset does not have
                target.unlink(missing_ok=True)
            elif not _holds(target, raw[file]):  # an unchanged file stays as it is: readers keep their cache
                os.replace(stage / file, target)
        if not _holds(out_dir / MANIFEST, manifest):
            os.replace(stage / MANIFEST, out_dir / MANIFEST)  # the commit: the new dataset, whole
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False
