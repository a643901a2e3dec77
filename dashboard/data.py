"""The data module: every file the dashboard reads or writes goes through here.

`load_dataset(dir)` reads the tidy CSVs in `data/`, validates each column once (naming file,
line and column on the first bad value), derives the subtotals a table leaves out, reconciles the
figures and caches the result until a file changes. `write_dataset()` writes an ingested report
atomically: into a scratch folder first, read back and validated, then moved into place, so a
failed ingest leaves the target folder as it was.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from dashboard.periods import ACTUAL, BUDGET, ComparisonPeriods, comparison_periods
from dashboard.reconcile import Reconciliation, build_statements, reconcile
from dashboard.report_parser import ParsedReport
from dashboard.statement import LINE_BY_NAME

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_DATA_DIR = PACKAGE_DIR.parent / "data"

SOCIAL_METRICS = ("followers", "follower_change", "posts_per_month", "releases", "release_throughput_pct")
DISTINCT_SAMPLE = 10_000  # rows looked at to tell a column of few distinct values
SOCIAL_CHANNELS = ("Facebook", "Instagram", "X", "LinkedIn", "ePress")


class DataError(ValueError):
    """A data file is missing or malformed; the message names file, line and column."""


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


@dataclass(frozen=True)
class ReportInfo:
    title: str
    division: str
    division_title: str
    issued: dt.date
    status_date: dt.date
    goals_responsible: str
    source_file: str


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


def _read_csv_fast(path: Path, expected: list[str]) -> pd.DataFrame | None:
    """The file read by Arrow's parallel CSV reader, every column as text; None where it refuses.

    Arrow reads a million-row ledger in a fraction of a second, ten times faster than pandas' own
    reader. A file Arrow refuses, or whose header is not the expected one, is left to
    `_read_csv_checked`, whose messages are the ones users see.
    """
    try:
        table = pa_csv.read_csv(
            path,
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


def _read_csv_checked(path: Path, file: str, directory: Path, expected: list[str]) -> pd.DataFrame:
    """pandas' reader, which names what is wrong with a file: missing, empty, not UTF-8, malformed."""
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{file}: missing from {directory}") from None
    except UnicodeDecodeError as exc:
        raise DataError(f"{file}: not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start})") from None
    except pd.errors.EmptyDataError:
        raise DataError(f"{file}: the file is empty (expected a header row: {','.join(expected)})") from None
    except pd.errors.ParserError as exc:
        raise DataError(f"{file}: malformed CSV: {str(exc).strip()}") from None


def read_table(directory: Path, file: str) -> pd.DataFrame:
    """Read one data file and validate it against its schema."""
    path = Path(directory) / file
    columns = SCHEMAS[file]
    expected = [c.name for c in columns]
    frame = _read_csv_fast(path, expected)
    if frame is None:
        frame = _read_csv_checked(path, file, directory, expected)
    if list(frame.columns) != expected:
        raise DataError(
            f"{file}, line 1: expected the columns {','.join(expected)}, found {','.join(map(str, frame.columns))}"
        )
    return pd.DataFrame({c.name: _validate_column(file, frame, c) for c in columns})


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


def _signature(directory: Path) -> tuple:
    out = []
    for file in SCHEMAS:
        try:
            st = (directory / file).stat()
            out.append((file, st.st_mtime_ns, st.st_size))
        except FileNotFoundError:
            out.append((file, None, None))
    return tuple(out)


_cache: dict[Path, tuple[tuple, Dataset]] = {}
_cache_lock = threading.Lock()


def load_dataset(directory: Path | str = DEFAULT_DATA_DIR) -> Dataset:
    """Load, validate and reconcile a data folder; cached until one of its files changes."""
    directory = Path(directory).resolve()
    signature = _signature(directory)
    with _cache_lock:
        hit = _cache.get(directory)
        if hit and hit[0] == signature:
            return hit[1]
    dataset = _load_uncached(directory)
    with _cache_lock:
        _cache[directory] = (signature, dataset)
    return dataset


def _load_uncached(directory: Path) -> Dataset:
    if not directory.is_dir():
        raise DataError(f"{directory}: no such data folder")
    tables = {file: read_table(directory, file) for file in SCHEMAS}
    printed = tables["finance.csv"]
    if printed.empty:
        raise DataError("finance.csv: holds no figures")
    statements = build_statements(printed)
    if statements.repeated_figures:  # only then are a million rows searched for the lines to name
        _check_unique("finance.csv", printed, FINANCE_KEY)
    _check_social_media(tables["social_media.csv"])
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
        reconciliation=reconcile(printed, tables["printed_derived.csv"], statements=statements),
        periods=periods,
    )


# -- writing ----------------------------------------------------------------------------------------
def _csv_text(frame: pd.DataFrame) -> str:
    out = frame.copy()
    for name in out.columns:
        if out[name].dtype == bool:
            out[name] = out[name].map({True: "true", False: "false"})
    return out.to_csv(index=False, lineterminator="\n")


def dataset_files(parsed: ParsedReport) -> dict[str, str]:
    """The text of each data file for a parsed report, in the order of SCHEMAS."""
    frames = {
        "report.csv": parsed.report,
        "finance.csv": parsed.finance,
        "printed_derived.csv": parsed.printed_derived,
        "commentary.csv": parsed.commentary,
        "service_areas.csv": parsed.service_areas,
        "social_media.csv": parsed.social_media,
        "goals.csv": parsed.goals,
        "risks.csv": parsed.risks,
    }
    return {file: _csv_text(frames[file]) for file in SCHEMAS}


def write_dataset(files: dict[str, str], out_dir: Path) -> None:
    """Write data files all-or-nothing: staged, validated, then each moved into place."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".ingest-", dir=out_dir.parent))
    try:
        for file, text in files.items():
            (stage / file).write_text(text, encoding="utf-8", newline="")
        _load_uncached(stage)  # what we write must read back
        out_dir.mkdir(exist_ok=True)
        for file in files:
            os.replace(stage / file, out_dir / file)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
