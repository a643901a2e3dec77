"""Tables the pages show that differ from the exports' (the same `Table` model, the same values).

The risks page's register leaves out the risk class, which the export keeps as a column to
filter by in Excel; on the page every risk reads in one list.
"""

from __future__ import annotations

import dataclasses

from dashboard.presentation.exports import risks_table
from dashboard.presentation.tables import Table
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


def risk_register(dataset: Dataset, lang: str) -> Table:
    """The risk register as the risks page shows it: number, risk, probability, significance, their
    product, the control and how it went."""
    return without_columns(risks_table(dataset, lang), t("export_risk_class", lang))
