"""Budget-realisation metrics: pure functions over the tidy finance frame.

Figures keep the report's signs (income positive, expenses negative), so every metric reads the
same way for both: a positive change or deviation in euros improves the result. Views that show
costs as positive bars flip the sign of euros and of percentages together.

- change on the same period last year, € and % (of last year's magnitude);
- realisation % of budget, against the pace expected after `months` months (9/12 = 75 %);
- deviation from pace in percentage points and in euros;
- year-end forecast, by the rules below.

The forecast's rules are in `dashboard.analysis.forecast`; `compare(frame, periods)` of one
statement treats that statement as a leaf; `compare(by=...)` makes each group's lines leaves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import pandas as pd

from dashboard.analysis.forecast import VALUE_COLUMNS, leaf_rest, sum_subtotal_forecasts
from dashboard.analysis.lines import SUBTOTALS
from dashboard.store.periods import FULL_YEAR, ComparisonPeriods
from dashboard.store.statement import LINE_ORDER


def select_statement(
    finance: pd.DataFrame, division: str | None = None, areas: Iterable[str] | None = None
) -> pd.DataFrame:
    """One statement for a selection: the division's own table by default, else the sum of `areas`.

    Where a division prints no table of its own, the default is the sum of all its cost centres.
    """
    frame = finance if division is None else finance[finance["division"] == division]
    areas = [a for a in (areas or []) if a]
    if areas:
        frame = frame[frame["service_area"].isin(areas)]
    elif (frame["service_area"] == "").any():
        frame = frame[frame["service_area"] == ""]
    keys = ["line_item", "basis", "year", "months"]
    return (
        frame.groupby(keys, observed=True, sort=False).agg(eur=("eur", "sum"), derived=("derived", "any")).reset_index()
    )


def period_values(frame: pd.DataFrame, periods: ComparisonPeriods, by: list[str]) -> pd.DataFrame:
    """Wide frame, one row per `by` group: the four compared periods' figures (NaN = not in data)."""
    wanted = {
        "current": periods.current,
        "prior": periods.prior,
        "last_full_year": periods.last_full_year,
        "budget": periods.budget,
    }
    columns = {}
    derived = None
    for name, period in wanted.items():
        if period is None:
            continue
        part = frame[
            (frame["basis"] == period.basis) & (frame["year"] == period.year) & (frame["months"] == period.months)
        ]
        grouped = part.groupby(by, observed=True, sort=False)
        columns[name] = grouped["eur"].sum()
        flags = grouped["derived"].any()
        derived = (
            flags if derived is None else derived.combine(flags, lambda a, b: bool(a) or bool(b), fill_value=False)
        )
    wide = pd.DataFrame(columns)
    for name in VALUE_COLUMNS:
        if name not in wide:
            wide[name] = np.nan
    wide = wide[list(VALUE_COLUMNS)].astype(float)
    wide["derived"] = derived.reindex(wide.index).fillna(False).astype(bool) if derived is not None else False
    return wide.reset_index()


@dataclass(frozen=True)
class GroupValues:
    """Each group's (cost centre's) four compared figures per line item, and each leaf's rest of
    the year, kept to be summed.

    Sums of figures and of rests are additive, the other metrics are not: a selection's statement
    is `compare_sum(values, groups, periods)`, a sum over a few hundred numbers, then the metrics.
    """

    groups: dict[str, int]  # group → its row in `figures`, in the order the groups come
    lines: np.ndarray  # line items, in statement order
    figures: np.ndarray  # (group, line, VALUE_COLUMNS) in €, NaN where a group lacks the figure
    derived: np.ndarray  # (group, line): a derived subtotal among the compared figures
    present: np.ndarray  # (group, line): the group has the line in some compared period
    rest: np.ndarray  # (group, line): the leaf's forecast − current (`leaf_rest`); NaN for no forecast or a subtotal
    methods: np.ndarray  # (group, line): the leaf's `forecast_methods` bit; 0 for none or a subtotal


def group_values(table: pd.DataFrame, by: str, periods: ComparisonPeriods | None = None) -> GroupValues:
    """The period values per `by` group and line item of `table` (`period_values()` or `compare()`
    by [`by`]: any frame with those columns), as arrays indexed by group and line.

    The leaves' rests are computed by `leaf_rest()` with `periods`, or, without, read from the
    `forecast_rest` and `forecast_methods` columns of a `compare(by=[by])` table.
    """
    groups = {g: i for i, g in enumerate(pd.unique(table[by]))}
    lines = sorted(pd.unique(table["line_item"]), key=LINE_ORDER.__getitem__)
    line_index = {line: i for i, line in enumerate(lines)}
    rows = np.array([groups[g] for g in table[by]], dtype=np.intp)
    cols = np.array([line_index[line] for line in table["line_item"]], dtype=np.intp)
    shape = (len(groups), len(lines))
    figures = np.full((*shape, len(VALUE_COLUMNS)), np.nan)
    table_figures = table[list(VALUE_COLUMNS)].to_numpy(dtype=float)
    figures[rows, cols] = table_figures
    derived = np.zeros(shape, dtype=bool)
    derived[rows, cols] = table["derived"].to_numpy(dtype=bool)
    present = np.zeros_like(derived)
    present[rows, cols] = True
    table_lines = table["line_item"].to_numpy(dtype=object)
    if periods is not None:
        table_rest, table_methods = leaf_rest(table_lines, table_figures, periods.current.months)
    elif {"forecast_rest", "forecast_methods"} <= set(table.columns):
        is_leaf = np.fromiter((line not in SUBTOTALS for line in table_lines), dtype=bool, count=len(table_lines))
        table_rest = np.where(is_leaf, table["forecast_rest"].to_numpy(dtype=float), np.nan)
        table_methods = np.where(is_leaf, table["forecast_methods"].to_numpy(dtype=np.int64), 0)
    else:
        raise ValueError(
            "group_values() needs the periods, or a compare() table with forecast_rest and forecast_methods"
        )
    rest = np.full(shape, np.nan)
    rest[rows, cols] = table_rest
    methods = np.zeros(shape, dtype=np.int64)
    methods[rows, cols] = table_methods
    return GroupValues(groups, np.array(lines, dtype=object), figures, derived, present, rest, methods)


def compare_sum(values: GroupValues, groups: Iterable[str], periods: ComparisonPeriods) -> dict[str, np.ndarray]:
    """compare() of the sum of `groups`, as columns (`comparison_frame()` makes them a frame),
    with the forecast the sum of the groups' leaves': currents and rests summed per line.

    A line's figure is NaN only where none of the groups has it. The figures are whole euros, so
    their sums are exact in any order; the rests are summed in the groups' order.
    """
    rows = [values.groups[g] for g in dict.fromkeys(groups) if g in values.groups]  # each group once
    present = values.present[rows].any(axis=0)
    figures = values.figures[rows][:, present]
    summed = np.where(np.isnan(figures).all(axis=0), np.nan, np.nansum(figures, axis=0))
    rests = values.rest[rows][:, present]
    rest = np.where(np.isnan(rests).all(axis=0), np.nan, np.nansum(rests, axis=0))
    mask = np.bitwise_or.reduce(values.methods[rows][:, present], axis=0)
    derived = values.derived[rows][:, present].any(axis=0)
    return _compare_arrays(values.lines[present], summed, derived, periods, rest, mask)


def compare_own(
    values: pd.DataFrame | Mapping[str, np.ndarray], parts: GroupValues, periods: ComparisonPeriods
) -> dict[str, np.ndarray]:
    """compare() of a division's own printed table, forecast from its cost centres (`parts`).

    `values` is the table's tidy rows (`select_statement()`), or its period values
    (`period_values(frame, periods, ["line_item"])`, a frame or its columns). Each line's forecast
    is the table's own current plus the sum of the parts' rests for the line, its mask the OR of
    theirs; a line none of the parts has a forecast for is forecast as a leaf from the table's own
    figures. Subtotals are the sums of the lines. Columns as `compare_sum()` gives them.
    """
    if isinstance(values, pd.DataFrame) and "eur" in values.columns:
        values = period_values(values, periods, ["line_item"])
    lines = np.asarray(values["line_item"], dtype=object)
    figures = np.column_stack([np.asarray(values[c], dtype=float) for c in VALUE_COLUMNS]).reshape(-1, 4)
    derived = np.asarray(values["derived"], dtype=bool)
    rest, mask = leaf_rest(lines, figures, periods.current.months)
    column = {line: j for j, line in enumerate(parts.lines)}
    for i, line in enumerate(lines.tolist()):
        j = column.get(line)
        if j is None or line in SUBTOTALS:
            continue
        parts_rest = parts.rest[:, j]
        has = ~np.isnan(parts_rest)
        if not has.any():
            continue  # no cost centre forecasts the line: the leaf rules on the table's own figures
        if np.isnan(figures[i, 0]):
            rest[i], mask[i] = np.nan, 0
        else:
            rest[i], mask[i] = np.sum(parts_rest[has]), np.bitwise_or.reduce(parts.methods[has, j])
    return _compare_arrays(lines, figures, derived, periods, rest, mask)


def expected_pace_pct(months: int) -> float:
    """Share of the year's budget expected to be used after `months` months, in %."""
    return months / FULL_YEAR * 100


def compare(
    frame: pd.DataFrame,
    periods: ComparisonPeriods,
    by: list[str] | None = None,
    parts: GroupValues | None = None,
) -> pd.DataFrame:
    """The comparison table a view draws: compared figures and every metric, per line item.

    `frame` is tidy (line_item, basis, year, months, eur, derived, plus any `by` columns). Without
    `by` the frame is one statement, forecast as one leaf, or, given its cost centres' values
    `parts`, forecast from theirs (`compare_own()`); with `by`, each group's lines are the leaves
    (groups keep the order they come in, as the report prints them; lines the statement's). Each
    group's rows are `_compare_arrays()` of its values, so a group's table is, to the last bit,
    compare() of that group alone.
    """
    group_keys = list(by or [])
    if parts is not None:
        if group_keys:
            raise ValueError("compare(): `parts` forecasts one statement, not groups (`by`)")
        return comparison_frame(compare_own(frame, parts, periods))
    if not group_keys:
        return compare_values(period_values(frame, periods, ["line_item"]), periods)
    table = period_values(frame, periods, [*group_keys, "line_item"])
    orders = {key: {v: i for i, v in enumerate(pd.unique(frame[key]))} for key in group_keys}
    orders["line_item"] = LINE_ORDER
    table = table.sort_values(
        [*group_keys, "line_item"], key=lambda s: s.map(orders[s.name]), kind="stable"
    ).reset_index(drop=True)
    lines = table["line_item"].to_numpy(dtype=object)
    figures = table[list(VALUE_COLUMNS)].to_numpy(dtype=float)
    derived = table["derived"].to_numpy(dtype=bool)
    codes = table.groupby(group_keys, sort=False, observed=True).ngroup().to_numpy()
    bounds = [0, *(np.flatnonzero(codes[1:] != codes[:-1]) + 1).tolist(), len(table)]
    parts = [
        _compare_arrays(lines[a:b], figures[a:b], derived[a:b], periods) for a, b in pairwise(bounds) if b > a
    ] or [_compare_arrays(lines, figures, derived, periods)]
    columns = {c: np.concatenate([part[c] for part in parts]) for c in parts[0]}
    out = comparison_frame(columns)
    for i, key in enumerate(group_keys):
        out.insert(i, key, table[key].array)
    return out


def compare_values(values: pd.DataFrame, periods: ComparisonPeriods) -> pd.DataFrame:
    """compare() of one statement from its period values (`period_values(frame, periods, ["line_item"])`)."""
    figures = values[list(VALUE_COLUMNS)].to_numpy(dtype=float)
    derived = values["derived"].to_numpy(dtype=bool)
    return comparison_frame(_compare_arrays(values["line_item"].to_numpy(), figures, derived, periods))


def comparison_frame(columns: dict[str, np.ndarray]) -> pd.DataFrame:
    """Columns of a comparison as its frame; text in pandas' `str`, as compare() gives it."""
    return pd.DataFrame({c: pd.array(v, dtype="str") if v.dtype == object else v for c, v in columns.items()})


def _compare_arrays(
    lines: np.ndarray,
    figures: np.ndarray,
    derived: np.ndarray,
    periods: ComparisonPeriods,
    rest: np.ndarray | None = None,
    mask: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """The metrics of one statement, computed on arrays, in statement order.

    `rest` and `mask` are the leaves' rests and method bits per line where they come from
    elsewhere (summed over cost centres); without them the statement's lines are the leaves.
    A selection's statement is computed on every filter click, so this avoids pandas' per-call
    overhead (its pivots and merges cost milliseconds on 19 rows).
    """
    months = periods.current.months
    if rest is None or mask is None:
        rest, mask = leaf_rest(lines, figures, months)
    order = np.argsort([LINE_ORDER[line] for line in lines], kind="stable")
    lines, figures, derived = lines[order], figures[order], derived[order]
    rest, mask = np.asarray(rest, dtype=float)[order], np.asarray(mask, dtype=np.int64)[order]
    current, prior, last_full_year, budget = figures.reshape(-1, len(VALUE_COLUMNS)).T
    with np.errstate(divide="ignore", invalid="ignore"):
        change_eur = current - prior
        change_pct = np.where(prior != 0, change_eur / np.abs(prior) * 100, np.nan)
        realisation = np.where(budget != 0, current / budget * 100, np.nan)
        pace = expected_pace_pct(months)
        forecast = current + rest
        sum_subtotal_forecasts(lines, forecast, mask)
        forecast_vs_budget_pct = np.where(budget != 0, forecast / budget * 100, np.nan)
    return {
        "line_item": lines.astype(object),
        "current": current,
        "prior": prior,
        "last_full_year": last_full_year,
        "budget": budget,
        "derived": derived,
        "change_eur": change_eur,
        "change_pct": change_pct,
        "realisation_pct": realisation,
        "pace_pct": np.full(len(lines), pace),
        "pace_deviation_pp": realisation - pace,
        "pace_deviation_eur": current - budget * (months / FULL_YEAR),
        "forecast": forecast,
        "forecast_rest": forecast - current,
        "forecast_methods": mask,
        "forecast_vs_budget_eur": forecast - budget,
        "forecast_vs_budget_pct": forecast_vs_budget_pct,
    }
