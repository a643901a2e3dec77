"""The statement's lines as the views group, sign and judge them.

Figures keep the report's signs (income positive, costs negative); the views that show costs as
positive figures flip euros and their change percentages together (`to_display`,
`display_arrays`). A line's kind (cost, income, margin) says how a reader judges its deviation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from dashboard.store.statement import LINE_BY_NAME, LINE_ORDER, LINES, SUBTOTAL_FORMULAS, Section, formula_lines


def _subtotal_of(terms: tuple) -> str:
    return next(name for name, formula in SUBTOTAL_FORMULAS if formula == terms)


INCOME_TOTAL = _subtotal_of((Section.INCOME,))
EXPENSE_TOTAL = _subtotal_of((Section.EXPENSE,))
MARGIN_LINES = tuple(name for name, _ in SUBTOTAL_FORMULAS if name not in (INCOME_TOTAL, EXPENSE_TOTAL))
NET_LINE = MARGIN_LINES[0]  # operating margin: the report's NETTO
RESULT_LINE = MARGIN_LINES[-1]  # result for the period: what the bridge explains
SUBTOTALS = frozenset(name for name, _ in SUBTOTAL_FORMULAS)

# Euro columns whose sign flips for costs, and the percentages that flip with them.
EUR_COLUMNS = ("current", "prior", "last_full_year", "budget", "forecast", "change_eur", "pace_deviation_eur")
FLIPPED_PCT_COLUMNS = ("change_pct",)


def is_cost(line_item: str) -> bool:
    """Lines the report's users read as costs: expense lines, their total and depreciation."""
    line = LINE_BY_NAME.get(line_item)
    return line_item == EXPENSE_TOTAL or (line is not None and line.section in (Section.EXPENSE, Section.DEPRECIATION))


def is_income(line_item: str) -> bool:
    line = LINE_BY_NAME.get(line_item)
    return line_item == INCOME_TOTAL or (line is not None and line.section is Section.INCOME)


def display_sign(line_item: str) -> int:
    """−1 for costs (shown as positive figures), +1 for income, margins and results."""
    return -1 if is_cost(line_item) else 1


def group_lines(group: str) -> list[str]:
    """The line items a line group shows, in the report's order."""
    if group == "income":
        names = [line.name for line in LINES if line.section is Section.INCOME] + [INCOME_TOTAL]
    elif group == "expenses":
        names = [line.name for line in LINES if line.section in (Section.EXPENSE, Section.DEPRECIATION)]
        names.append(EXPENSE_TOTAL)
    else:
        names = list(MARGIN_LINES)
    return sorted(names, key=LINE_ORDER.__getitem__)


def group_items(group: str) -> list[str]:
    """The lines a chart of the group draws as bars: its items, without the total they add up to
    (a total among its own items would dwarf them); the margins group is all totals."""
    total = headline_line(group)
    lines = group_lines(group)
    return lines if group == "margins" else [line for line in lines if line != total]


def headline_line(group: str) -> str:
    """The one line that stands for a group where a chart shows one line per cost centre."""
    return {"income": INCOME_TOTAL, "expenses": EXPENSE_TOTAL}.get(group, NET_LINE)


def to_display(table: pd.DataFrame) -> pd.DataFrame:
    """Costs as positive figures: euros and their change percentages flip sign together."""
    sign = table["line_item"].map(display_sign).astype(float)
    out = table.copy()
    for column in (*EUR_COLUMNS, *FLIPPED_PCT_COLUMNS, "forecast_vs_budget_eur"):
        if column in out:
            out[column] = out[column] * sign
    return out


_DISPLAY_SIGNS = {name: float(display_sign(name)) for name in LINE_BY_NAME}
FLIPPED_COLUMNS = frozenset((*EUR_COLUMNS, *FLIPPED_PCT_COLUMNS, "forecast_vs_budget_eur"))


def display_arrays(
    table: pd.DataFrame | Mapping[str, np.ndarray], columns: Iterable[str], lines: Iterable[str] | None = None
) -> dict[str, np.ndarray]:
    """`to_display(table)[columns]` as arrays, optionally only the rows of `lines`: no frame copied.

    `table` is a frame or a `ViewTable`'s columns. Charts read a handful of columns of a few rows, and
    pandas' copying and filtering of a small frame costs more than the figures.
    """
    line_items = np.asarray(table["line_item"])
    keep = None
    if lines is not None:
        wanted = set(lines)
        keep = np.fromiter((line in wanted for line in line_items), dtype=bool, count=len(line_items))
        line_items = line_items[keep]
    sign = np.array([_DISPLAY_SIGNS[line] for line in line_items], dtype=float)
    out = {"line_item": line_items}
    for column in columns:
        values = np.asarray(table[column])
        values = values if keep is None else values[keep]
        out[column] = values * sign if column in FLIPPED_COLUMNS else values
    return out


def line_kind(line_item: str) -> str:
    """How a reader judges a line's deviation: `cost`, `income`, or `margin` (subtotals, financial items)."""
    return "cost" if is_cost(line_item) else "income" if is_income(line_item) else "margin"


def leaf_lines(line_item: str) -> frozenset[str]:
    """The line items a subtotal adds up, through the subtotals it is made of; a line item itself."""
    formula = dict(SUBTOTAL_FORMULAS).get(line_item)
    if formula is None:
        return frozenset({line_item})
    names = [name for term in formula for name in formula_lines(term)]
    return frozenset().union(*(leaf_lines(name) for name in names))
