"""Complete each income statement: the subtotals a table leaves out derived, the printed ones checked.

The report prints some tables only down to a line (Henkilöstöpalvelut stops at Poistot); the
subtotals it leaves out are derived from their items (`statement.SUBTOTAL_FORMULAS`) and marked
`derived`. `build_statements` does it on the statement table, a row per statement and a column
per line, which is what makes a city-wide ledger of a million figures quick to reconcile.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.store.statement import LINE_ORDER, SUBTOTAL_FORMULAS, Section, formula_lines

STATEMENT_KEYS = ["division", "service_area", "basis", "year", "months"]


def _formula_text(subtotal: str, terms) -> str:
    return f"{subtotal} = " + " + ".join(f"{t.value} lines" if isinstance(t, Section) else t for t in terms)


@dataclass(frozen=True)
class Statements:
    """A ledger's income statements, completed: what the views show and what reconciling needs."""

    finance: pd.DataFrame  # printed figures plus derived subtotals (`derived` = True), in the report's order
    table: pd.DataFrame  # a row per statement (STATEMENT_KEYS, sorted), a column per line, derived ones
    # filled in; NaN where a line is neither printed nor derived
    subtotal_checks: pd.DataFrame  # printed vs computed, for every subtotal that is printed
    repeated_figures: bool  # some line printed twice in one statement (the data check names the rows)
    # The cells printed more than once: STATEMENT_KEYS, line_item, figures (how many), eur (their sum).
    repeated: pd.DataFrame = field(default_factory=pd.DataFrame)


def _statement_table(finance: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A row per statement (STATEMENT_KEYS, sorted), a column per line, NaN where not printed; and
    the cells printed more than once in a statement (their figures are then summed).

    Built with numpy on integer codes: pandas' pivot_table takes seconds on a city ledger's
    million rows, this a fraction of one.
    """
    statements = finance.groupby(STATEMENT_KEYS, sort=True, observed=True)
    row = statements.ngroup().to_numpy()
    line, lines = pd.factorize(finance["line_item"])
    n_rows, n_lines = statements.ngroups, len(lines)
    cell = row * n_lines + line
    total = np.bincount(cell, weights=finance["eur"].to_numpy(dtype=float), minlength=n_rows * n_lines)
    count = np.bincount(cell, minlength=n_rows * n_lines)
    index = statements.size().index
    table = pd.DataFrame(
        np.where(count > 0, total, np.nan).reshape(n_rows, n_lines),
        index=index,
        columns=pd.Index(lines).astype(str),
    )
    cells = np.flatnonzero(count > 1)  # almost always none
    repeated = index[cells // n_lines].to_frame(index=False)
    repeated["line_item"] = pd.Index(lines).astype(str)[cells % n_lines]
    repeated["figures"] = count[cells]
    repeated["eur"] = total[cells]
    return table, repeated


def _report_order(finance: pd.DataFrame) -> np.ndarray:
    """Row order: divisions and cost centres as the report first prints them, lines the statement's."""
    line, lines = pd.factorize(finance["line_item"])
    line_rank = np.array([LINE_ORDER.get(name, len(LINE_ORDER)) for name in lines], dtype=np.int64)[line]
    # factorize numbers values in order of first appearance; lexsort is stable, its last key first.
    return np.lexsort((line_rank, pd.factorize(finance["service_area"])[0], pd.factorize(finance["division"])[0]))


def build_statements(finance: pd.DataFrame) -> Statements:
    """Add the subtotals a table leaves out; compare the printed ones with their items.

    The work is done on the statement table (a row per statement, some 50 000 for a city ledger of a
    million figures); only adding the derived rows and putting them in order touches every figure.
    """
    if finance.empty:
        return Statements(finance.assign(derived=pd.Series(dtype=bool)), pd.DataFrame(), pd.DataFrame(), False)
    wide, repeated = _statement_table(finance)
    derived: dict[str, pd.Series] = {}  # subtotal -> the statements where it is derived
    comparisons = []
    for subtotal, terms in SUBTOTAL_FORMULAS:
        cols = [c for term in terms for c in formula_lines(term)]
        computed = wide.reindex(columns=cols).sum(axis=1, min_count=0)
        printed = wide[subtotal] if subtotal in wide else pd.Series(np.nan, index=wide.index)
        has_printed = printed.notna()
        if has_printed.any():
            comparisons.append(
                pd.DataFrame(
                    {
                        "line_item": subtotal,
                        "printed": printed[has_printed],
                        "computed": computed[has_printed],
                        "rule": _formula_text(subtotal, terms),
                    }
                ).reset_index()
            )
        missing = ~has_printed
        if missing.any():
            derived[subtotal] = missing
            wide[subtotal] = printed.where(has_printed, computed)
    added = []
    for subtotal, mask in derived.items():
        rows = wide.loc[mask, subtotal].rename("eur").reset_index()
        rows["line_item"] = subtotal
        added.append(rows)
    completed = finance.assign(derived=False)
    if added:
        extra = pd.concat(added, ignore_index=True).assign(derived=True)
        extra["eur"] = extra["eur"].astype("int64")
        completed = pd.concat([completed, extra[completed.columns]], ignore_index=True)
    order = _report_order(completed)
    if not np.array_equal(order, np.arange(len(order))):  # a ledger printed in order needs no copy
        completed = completed.take(order)
    completed = completed.reset_index(drop=True)
    subtotal_checks = pd.concat(comparisons, ignore_index=True) if comparisons else pd.DataFrame()
    return Statements(completed, wide, subtotal_checks, not repeated.empty, repeated)


def complete_statements(finance: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Add the subtotals a table leaves out; compare the printed ones with their items.

    Returns the finance frame with a `derived` column (True for added subtotals) and a frame of
    subtotal comparisons (printed vs computed) for every subtotal that *is* printed.
    """
    statements = build_statements(finance)
    return statements.finance, statements.subtotal_checks
