"""Where each division's default-view totals come from, proved to count no figure twice.

A division's default view shows its own printed table (service_area "") when it prints one, else
the sum of its cost centres. `totals_sources` names the source of each division and the findings
that would break the rule (`totals_sources.__doc__` lists them).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.store.findings import FINDING_COLUMNS, SOURCE_CHECK, column_label
from dashboard.store.subtotals import Statements

OWN_TABLE, CENTRE_SUM = "own table", "sum of cost centres"
SOURCE_COLUMNS = ["division", "source", "cost_centres", "figures"]


def _levels(table: pd.DataFrame) -> tuple[pd.Index, pd.Index]:
    return table.index.get_level_values("division"), table.index.get_level_values("service_area")


def _own_divisions(table: pd.DataFrame) -> pd.Index:
    division, area = _levels(table)
    return pd.Index(pd.unique(division[area == ""]))


def default_totals(table: pd.DataFrame) -> pd.DataFrame:
    """The figures each division's default view shows, from the statement table (`Statements.table`).

    One row per (division, basis, year, months), a column per line. The rule is that of
    `dashboard.analysis.metrics.select_statement`: a division's own printed table (service_area "") where it
    prints one, else the sum of all its tables. `totals_sources` proves that this counts no figure twice.
    """
    if table.empty:
        return table
    division, area = _levels(table)
    chosen = table[(area == "") | ~division.isin(_own_divisions(table))]
    return chosen.groupby(level=["division", "basis", "year", "months"], sort=False).sum(min_count=1)


def _source_finding(division: str, area: str, rule: str, line_item: str = "", column: str = "", printed=np.nan):
    return {
        "check": SOURCE_CHECK,
        "kind": "material",
        "division": division,
        "service_area": area,
        "line_item": line_item,
        "column": column,
        "printed": printed,
        "computed": np.nan,
        "difference": np.nan,
        "rule": rule,
    }


def _named_totals(table: pd.DataFrame, own_divisions: pd.Index) -> pd.DataFrame:
    """(division, service_area, others) of tables that equal the sum of their division's other
    tables in every figure, in divisions that print no table of their own (at least three tables)."""
    division, area = _levels(table)
    rows = table[~division.isin(own_divisions)]
    if rows.empty:
        return pd.DataFrame(columns=["division", "service_area", "others"])
    values = rows.fillna(0).to_numpy()
    period = ["division", "basis", "year", "months"]
    summed = rows.fillna(0).groupby(level=period, sort=False).sum()
    aligned = summed.reindex(rows.index.droplevel("service_area")).to_numpy()
    per_row = pd.DataFrame(
        {
            "equal": np.isclose(2 * values, aligned, rtol=0, atol=0.5).all(axis=1),
            "nonzero": (values != 0).any(axis=1),
        },
        index=pd.MultiIndex.from_arrays(
            [rows.index.get_level_values("division"), rows.index.get_level_values("service_area")]
        ),
    )
    per_table = per_row.groupby(level=[0, 1], sort=False).agg(equal=("equal", "all"), nonzero=("nonzero", "any"))
    tables = per_table.reset_index()
    tables["others"] = tables.groupby("division")["service_area"].transform("size") - 1
    return tables[tables["equal"] & tables["nonzero"] & (tables["others"] >= 2)][["division", "service_area", "others"]]


def totals_sources(statements: Statements) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Where each division's default-view totals come from, and the findings that would break it.

    A division's default view shows its own printed table (service_area "") when it prints one,
    otherwise the sum of its cost centres (`default_totals`). Exactly one source, and no figure
    counted twice, holds when: no cell (table, line, period) is printed twice, since the view would
    add both; no table's name is blank without being empty (neither the own table nor a named cost
    centre); and, in a division without an own table, no cost centre equals the sum of the others
    (the own table under a name, which the sum would count twice). With an own table, the cost
    centres are only checked against it (the "division total" check), never added to it.

    Returns `sources` (SOURCE_COLUMNS, a row per division in the report's order) and findings
    (FINDING_COLUMNS, check "totals source", all material).
    """
    table = statements.table
    if table.empty:
        return pd.DataFrame(columns=SOURCE_COLUMNS), pd.DataFrame(columns=FINDING_COLUMNS)
    division, area = _levels(table)
    own_divisions = _own_divisions(table)
    pairs = pd.DataFrame({"division": division, "service_area": area}).drop_duplicates()
    order = list(pd.unique(statements.finance["division"]))  # the report's order, not the sorted index
    centres = pairs[pairs["service_area"] != ""].groupby("division").size()
    figures = default_totals(table).notna().groupby(level="division").sum().sum(axis=1)
    sources = pd.DataFrame(
        {
            "division": order,
            "source": [OWN_TABLE if d in own_divisions else CENTRE_SUM for d in order],
            "cost_centres": [int(centres.get(d, 0)) for d in order],
            "figures": [int(figures.get(d, 0)) for d in order],
        },
        columns=SOURCE_COLUMNS,
    )
    found = []
    for row in statements.repeated.itertuples(index=False):
        found.append(
            _source_finding(
                row.division,
                row.service_area,
                f"printed {row.figures} times in one table; the view would add them up",
                row.line_item,
                column_label(row.basis, row.year, row.months),
                row.eur,
            )
        )
    for row in pairs[(pairs["service_area"] != "") & (pairs["service_area"].str.strip() == "")].itertuples():
        summed = "" if row.division in own_divisions else "; the default view would add it to the cost centres' sum"
        found.append(
            _source_finding(
                row.division,
                row.service_area,
                f"a table whose name is blank but not empty ({row.service_area!r}): neither the division's own "
                f"table (an empty service_area) nor a named cost centre{summed}",
            )
        )
    for row in _named_totals(table, own_divisions).itertuples():
        found.append(
            _source_finding(
                row.division,
                row.service_area,
                f"equals the sum of the division's other {row.others} cost centres in every figure: the division's "
                "own table under a name? The division prints no table of its own (an empty service_area), so its "
                "default view adds up every table and would count these figures twice",
            )
        )
    return sources, pd.DataFrame(found, columns=FINDING_COLUMNS)
