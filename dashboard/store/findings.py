"""A reconciliation finding: one difference between a printed figure and the one computed from others.

Each finding names where (division, cost centre, line, column), the printed and the computed figure,
their difference and the rule, and is *rounding* (within the report's tolerance) or *material*.
`describe_finding` says it in one line a person can act on (the CLI, the log, the health check).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from babel.numbers import format_decimal

from dashboard.store.periods import Period

FINDING_COLUMNS = [
    "check",
    "kind",
    "division",
    "service_area",
    "line_item",
    "column",
    "printed",
    "computed",
    "difference",
    "rule",
]
SOURCE_CHECK = "totals source"


def column_label(basis: str, year: int, months: int) -> str:
    return Period(basis, int(year), int(months)).label


def _classify(diff: pd.Series, tolerance: float, exact: float = 0.0) -> pd.Series:
    size = diff.abs()
    return pd.Series(np.where(size <= exact, "", np.where(size <= tolerance, "rounding", "material")), index=diff.index)


def as_findings(frame: pd.DataFrame, check: str, tolerance: float, exact: float = 0.0) -> pd.DataFrame:
    """The rows of `frame` (printed, computed, rule, where) whose difference exceeds `exact`, classified."""
    if frame.empty:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    out = frame.copy()
    out["difference"] = out["printed"] - out["computed"]
    out["kind"] = _classify(out["difference"], tolerance, exact)
    out["check"] = check
    out = out[out["kind"] != ""]  # label only the differences, not every figure of a city ledger
    if "column" not in out:
        out["column"] = [
            column_label(b, y, m) for b, y, m in zip(out["basis"], out["year"], out["months"], strict=False)
        ]
    return out[FINDING_COLUMNS]


def _figure(value: float, decimals: int) -> str:
    # Messages for people who fix the data (the CLI, the log): Finnish digits with plain spaces.
    if pd.isna(value):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale="fi_FI").replace("\xa0", " ")


def describe_finding(row) -> str:
    """One line a person can act on: where, which column, printed vs computed, and the rule."""
    decimals = 2 if row.check == "TOT-%" else 0
    # A blank name that is not empty is shown quoted: it is not the division's own table.
    area = row.service_area if row.service_area.strip() or not row.service_area else repr(row.service_area)
    parts = (row.division, area or "(division's own table)", row.line_item)
    where = " / ".join(parts)
    if row.check == SOURCE_CHECK:  # which figures would be counted twice, and why
        where = " / ".join(part for part in parts if part)
        column = f", column {row.column}" if row.column else ""
        printed = f" ({_figure(row.printed, 0)} €)" if pd.notna(row.printed) else ""
        return f"{row.kind}: {where}{column}{printed}: {SOURCE_CHECK}: {row.rule}"
    return (
        f"{row.kind}: {where}, column {row.column}: printed {_figure(row.printed, decimals)}, "
        f"computed {_figure(row.computed, decimals)} "
        f"(difference {_figure(row.difference, decimals)}; {row.rule})"
    )
