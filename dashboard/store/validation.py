"""Validation: a data file's text columns checked against its schema and converted to typed columns.

Every message names the file, the line and the column of the first bad value, and how many more
rows are like it. Beyond the per-column types, the rows of a file must agree with each other: a
figure once per key, a summary row standing for its subtotal, social-media rows that are
observations.

Not pandera: 0.35 installs beside pandas 3.1, but it checks every row (0.43 s against 0.21 s here
for a million-row finance.csv, which is checked once per distinct value), needs custom checks
for our dates, booleans and digit-only integers all the same, and reports a row index and a
check's name where these messages name the file's line and say what was expected.
"""

from __future__ import annotations

import pandas as pd

from dashboard.store.schemas import NON_NEGATIVE_METRICS, SOCIAL_KEY, SUMMARY_KEY, Column
from dashboard.store.statement import SUMMARY_ROWS

DISTINCT_SAMPLE = 10_000  # rows looked at to tell a column of few distinct values


class DataError(ValueError):
    """A data file is missing or malformed; the message names file, line and column."""


def bad_rows(file: str, frame: pd.DataFrame, mask: pd.Series, column: str, problem: str) -> DataError:
    """The error for the rows in `mask`: the first one's line (the header is line 1) and value."""
    first = mask[mask].index[0]
    value = frame.at[first, column]
    count = int(mask.sum())
    more = f" ({count - 1} more rows like it)" if count > 1 else ""
    return DataError(f"{file}, line {first + 2}, column '{column}': {problem}, found '{value}'{more}")


def validate_column(file: str, frame: pd.DataFrame, col: Column) -> pd.Series:
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
        raise bad_rows(file, frame, empty, col.name, "a value is required")
    present = ~empty
    if col.kind == "text":
        return text
    if col.kind == "choice":
        bad = present & ~text.isin(col.choices)
        if bad.any():
            shown = ", ".join(col.choices[:8]) + (", …" if len(col.choices) > 8 else "")
            raise bad_rows(file, frame, bad, col.name, f"expected one of {shown}")
        return text
    if col.kind == "bool":
        bad = ~text.isin(["true", "false"])
        if bad.any():
            raise bad_rows(file, frame, bad, col.name, "expected true or false")
        return text == "true"
    if col.kind == "date":
        parsed = pd.to_datetime(text.where(present), format="%Y-%m-%d", errors="coerce")
        bad = present & parsed.isna()
        if bad.any():
            raise bad_rows(file, frame, bad, col.name, "expected a date as YYYY-MM-DD")
        return parsed.dt.date.where(present, None)
    if col.kind == "int":
        return _whole_numbers(file, frame, col, present)
    if col.kind == "number":
        bad = present & ~text.str.fullmatch(r"-?\d{1,15}(\.\d+)?")
        if bad.any():
            raise bad_rows(file, frame, bad, col.name, "expected a number with '.' as the decimal point")
        return pd.to_numeric(text.where(present), errors="coerce")
    raise AssertionError(col.kind)


def _whole_numbers(file: str, frame: pd.DataFrame, col: Column, present: pd.Series) -> pd.Series:
    text = frame[col.name]
    bad = present & ~text.str.fullmatch(r"-?\d{1,15}")
    if bad.any():
        raise bad_rows(file, frame, bad, col.name, "expected a whole number")
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
                raise bad_rows(file, frame, bad, col.name, f"expected {word} {limit}")
    return values.astype("int64") if col.required else values


def check_unique(file: str, frame: pd.DataFrame, key: list[str]) -> None:
    """Each key once: the same figure twice would be added up by every view."""
    dup = frame.duplicated(key, keep=False)
    if dup.any():
        lines = [str(i + 2) for i in dup[dup].index[:2]]
        first = frame.loc[dup].iloc[0]
        raise DataError(
            f"{file}, lines {' and '.join(lines)}: the same figure twice ({', '.join(f'{k}={first[k]}' for k in key)})"
        )


def check_social_media(frame: pd.DataFrame) -> None:
    """Rows staff append must be observations: dated or labelled, non-negative counts, once each."""
    file = "social_media.csv"
    negative = frame["metric"].isin(NON_NEGATIVE_METRICS) & (frame["value"] < 0)
    if negative.any():
        raise bad_rows(file, frame.astype(str), negative, "value", "a count cannot be negative")
    over = (frame["metric"] == "release_throughput_pct") & (frame["value"] > 100)
    if over.any():
        raise bad_rows(file, frame.astype(str), over, "value", "a percentage cannot exceed 100")
    # A level or a change means nothing without a when; averages may stand for the whole report.
    undated = frame["metric"].isin(["followers", "follower_change"]) & frame["date"].isna()
    undated &= frame["period_label"].str.strip() == ""
    if undated.any():
        raise bad_rows(file, frame.astype(str), undated, "date", "a follower count needs a date or a period_label")
    check_unique(file, frame, SOCIAL_KEY)


def check_summary(frame: pd.DataFrame) -> None:
    """Each summary row stands for its subtotal (TULOT for Toimintatuotot, …), once per period."""
    file = "summary.csv"
    wrong = frame["line_item"] != frame["summary_row"].map(SUMMARY_ROWS)
    if wrong.any():
        row = frame.loc[wrong, "summary_row"].iloc[0]
        raise bad_rows(file, frame.astype(str), wrong, "line_item", f"{row} stands for {SUMMARY_ROWS[row]}")
    check_unique(file, frame, SUMMARY_KEY)
