"""The variance bridge: the steps from last year's figure to this year's, by line item or cost centre."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from dashboard.analysis.lines import RESULT_LINE, SUBTOTALS
from dashboard.analysis.view_tables import ViewTable
from dashboard.store.statement import LINE_ORDER


def variance_bridge(
    statement: pd.DataFrame | Mapping[str, np.ndarray],
    by_area: pd.DataFrame | Mapping[str, np.ndarray],
    by: str,
    line: str = RESULT_LINE,
) -> pd.DataFrame:
    """Steps from last year's figure to this year's for `line`: by line item or by cost centre.

    Rows: kind start, step (one per line item or cost centre), rounding (where the printed total
    differs from its parts), end. Euros keep the report's signs: a positive step improves the result.
    """
    return bridge_table(statement, by_area, by, line).frame()


def bridge_table(
    statement: pd.DataFrame | Mapping[str, np.ndarray],
    by_area: pd.DataFrame | Mapping[str, np.ndarray],
    by: str,
    line: str = RESULT_LINE,
) -> ViewTable:
    lines = np.asarray(statement["line_item"])
    at = np.flatnonzero(lines == line)
    if not len(at):
        return ViewTable.of(pd.DataFrame(columns=["key", "kind", "eur"]))
    start, end = float(np.asarray(statement["prior"])[at[0]]), float(np.asarray(statement["current"])[at[0]])
    if by == "area":
        rows = np.asarray(by_area["line_item"]) == line
        keys, changes = np.asarray(by_area["service_area"])[rows], np.asarray(by_area["change_eur"])[rows]
    else:  # the line items above `line` in the statement, subtotals left out
        rows = np.array([name not in SUBTOTALS and LINE_ORDER[name] < LINE_ORDER[line] for name in lines], dtype=bool)
        keys, changes = lines[rows], np.asarray(statement["change_eur"])[rows]
    steps = np.nan_to_num(changes.astype(float), nan=0.0)
    residual = end - start - steps.sum()  # summed as pandas sums a column
    kinds = ["start", *["step"] * len(steps)]
    keys, eur = ["start", *keys], [start, *steps.tolist()]
    if abs(residual) >= 0.5:
        kinds, keys, eur = [*kinds, "rounding"], [*keys, "rounding"], [*eur, residual]
    return ViewTable.from_arrays(
        {
            "key": np.array([*keys, "end"], dtype=object),
            "kind": np.array([*kinds, "end"], dtype=object),
            "eur": np.array([*eur, end], dtype=float),
        }
    )
