"""Tables the pages show that differ from the exports' (the same `Table` model, the same values).

The risks page's register leaves out the risk class, which the export keeps as a column to
filter by in Excel; on the page every risk reads in one list. Where the library holds the
division's previous report, the register says of each risk whose score moved how it stood then.
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from dashboard.presentation.exports import risks_table
from dashboard.presentation.report_figures import risk_change_mark
from dashboard.presentation.tables import Column, Table
from dashboard.presentation.texts import t
from dashboard.store.dataset import Dataset


def without_columns(table: Table, *headers: str) -> Table:
    """`table` without the columns headed `headers`."""
    keep = [i for i, column in enumerate(table.columns) if column.header not in headers]
    return dataclasses.replace(
        table,
        columns=tuple(table.columns[i] for i in keep),
        rows=tuple(tuple(row[i] for i in keep) for row in table.rows),
    )


def with_column(table: Table, after: str, column: Column, values: list[object]) -> Table:
    """`table` with `column` (one value a row) after the column headed `after`."""
    at = table.headers.index(after) + 1
    return dataclasses.replace(
        table,
        columns=(*table.columns[:at], column, *table.columns[at:]),
        rows=tuple((*row[:at], value, *row[at:]) for row, value in zip(table.rows, values, strict=True)),
    )


def risk_register(dataset: Dataset, lang: str, changes: pd.DataFrame | None = None, since: str = "") -> Table:
    """The risk register as the risks page shows it: number, risk, probability, significance, their
    product, the control and how it went; with `changes` (`report_changes.risk_changes` against the
    report of `since`), what a moved score was then."""
    table = without_columns(risks_table(dataset, lang), t("export_risk_class", lang))
    if changes is None:
        return table
    marks = [" ".join(risk_change_mark(row, since, lang)).strip() for _, row in changes.iterrows()]
    return with_column(table, t("risk_score", lang), Column(t("risk_change_col", lang)), marks)
