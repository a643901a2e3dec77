"""Budget-realisation metrics: pure functions over the tidy finance frame.

Figures keep the report's signs (income positive, expenses negative), so every metric reads the
same way for both: a positive change or deviation in euros improves the result. Views that show
costs as positive bars flip the sign of euros and of percentages together.

- change on the same period last year, € and % (of last year's magnitude);
- realisation % of budget, against the pace expected after `months` months (9/12 = 75 %);
- deviation from pace in percentage points and in euros;
- year-end forecast: this year's actual × (last year's full year ÷ last year's actual at the same
  month); where last year's figure at that month is 0 or missing, the linear 12 ÷ months. Subtotal
  forecasts are the sums of their lines' forecasts, so the forecast statement adds up.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.periods import FULL_YEAR, ComparisonPeriods
from dashboard.statement import LINE_ORDER, SUBTOTAL_FORMULAS, formula_lines

VALUE_COLUMNS = ("current", "prior", "last_full_year", "budget")


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
    """Each group's (cost centre's) four compared figures per line item, kept to be summed.

    Sums of figures are additive, the metrics are not: a selection's statement is
    `compare_sum(values, groups, periods)`, a sum over a few hundred numbers, then the metrics.
    """

    groups: dict[str, int]  # group → its row in `figures`, in the order the groups come
    lines: np.ndarray  # line items, in statement order
    figures: np.ndarray  # (group, line, VALUE_COLUMNS) in €, NaN where a group lacks the figure
    derived: np.ndarray  # (group, line): a derived subtotal among the compared figures
    present: np.ndarray  # (group, line): the group has the line in some compared period


def group_values(table: pd.DataFrame, by: str) -> GroupValues:
    """The period values per `by` group and line item of `table` (`period_values()` or `compare()`
    by [`by`]: any frame with those columns), as arrays indexed by group and line."""
    groups = {g: i for i, g in enumerate(pd.unique(table[by]))}
    lines = sorted(pd.unique(table["line_item"]), key=LINE_ORDER.__getitem__)
    line_index = {line: i for i, line in enumerate(lines)}
    rows = np.array([groups[g] for g in table[by]], dtype=np.intp)
    cols = np.array([line_index[line] for line in table["line_item"]], dtype=np.intp)
    figures = np.full((len(groups), len(lines), len(VALUE_COLUMNS)), np.nan)
    figures[rows, cols] = table[list(VALUE_COLUMNS)].to_numpy(dtype=float)
    derived = np.zeros((len(groups), len(lines)), dtype=bool)
    derived[rows, cols] = table["derived"].to_numpy(dtype=bool)
    present = np.zeros_like(derived)
    present[rows, cols] = True
    return GroupValues(groups, np.array(lines, dtype=object), figures, derived, present)


def compare_sum(values: GroupValues, groups: Iterable[str], periods: ComparisonPeriods) -> dict[str, np.ndarray]:
    """compare() of the sum of `groups`, as columns (`comparison_frame()` makes them the frame
    compare() gives for the groups' rows together).

    A line's figure is NaN only where none of the groups has it. The figures are whole euros, so
    the sums are exact in any order.
    """
    rows = [values.groups[g] for g in dict.fromkeys(groups) if g in values.groups]  # each group once
    present = values.present[rows].any(axis=0)
    figures = values.figures[rows][:, present]
    summed = np.where(np.isnan(figures).all(axis=0), np.nan, np.nansum(figures, axis=0))
    return _compare_arrays(values.lines[present], summed, values.derived[rows][:, present].any(axis=0), periods)


def change(current: pd.Series, prior: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Change in € (current − prior) and in % of the prior figure's magnitude."""
    eur = current - prior
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = (eur / prior.abs() * 100).where(prior != 0)
    return eur, pct


def realisation_pct(actual: pd.Series, budget: pd.Series) -> pd.Series:
    """Actual as % of budget; no value where the budget is 0."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return (actual / budget * 100).where(budget != 0)


def expected_pace_pct(months: int) -> float:
    """Share of the year's budget expected to be used after `months` months, in %."""
    return months / FULL_YEAR * 100


def pace_deviation(actual: pd.Series, budget: pd.Series, months: int) -> tuple[pd.Series, pd.Series]:
    """Deviation from even pace: percentage points of budget, and euros (actual − budget × m/12)."""
    pp = realisation_pct(actual, budget) - expected_pace_pct(months)
    eur = actual - budget * (months / FULL_YEAR)
    return pp, eur


def year_end_forecast(
    actual: pd.Series, last_full_year: pd.Series, prior_same_month: pd.Series, months: int
) -> tuple[pd.Series, pd.Series]:
    """Forecast and its method per row: last year's seasonality, or linear where that is unknown."""
    if months == FULL_YEAR:
        return actual.copy(), pd.Series("actual", index=actual.index)
    seasonal_ok = prior_same_month.notna() & (prior_same_month != 0) & last_full_year.notna()
    with np.errstate(divide="ignore", invalid="ignore"):
        seasonal = actual * last_full_year / prior_same_month
    linear = actual * FULL_YEAR / months
    forecast = seasonal.where(seasonal_ok, linear)
    method = pd.Series(np.where(seasonal_ok, "seasonal", "linear"), index=actual.index)
    return forecast, method


def _sum_subtotal_forecasts(table: pd.DataFrame, group_keys: list[str]) -> pd.DataFrame:
    """Replace each subtotal's forecast by the sum of its lines' forecasts, in formula order."""
    if not group_keys:
        table = table.assign(_group=0)
        group_keys = ["_group"]
    wide = table.pivot_table(index=group_keys, columns="line_item", values="forecast", aggfunc="sum", observed=True)
    for subtotal, terms in SUBTOTAL_FORMULAS:
        cols = [c for term in terms for c in formula_lines(term)]
        if subtotal in wide.columns:
            wide[subtotal] = wide.reindex(columns=cols).sum(axis=1, min_count=0)
    long = wide.stack().rename("forecast_summed").reset_index()
    table = table.merge(long, on=[*group_keys, "line_item"], how="left")
    is_subtotal = table["line_item"].isin([s for s, _ in SUBTOTAL_FORMULAS])
    table["forecast"] = table["forecast_summed"].where(is_subtotal, table["forecast"])
    table.loc[is_subtotal, "forecast_method"] = "sum of lines"
    return table.drop(columns=[c for c in ("forecast_summed", "_group") if c in table.columns])


def compare(frame: pd.DataFrame, periods: ComparisonPeriods, by: list[str] | None = None) -> pd.DataFrame:
    """The comparison table a view draws: compared figures and every metric, per line item.

    `frame` is tidy (line_item, basis, year, months, eur, derived, plus any `by` columns).
    """
    group_keys = list(by or [])
    if not group_keys:
        return compare_values(period_values(frame, periods, ["line_item"]), periods)
    table = period_values(frame, periods, [*group_keys, "line_item"])
    months = periods.current.months
    table["change_eur"], table["change_pct"] = change(table["current"], table["prior"])
    table["realisation_pct"] = realisation_pct(table["current"], table["budget"])
    table["pace_pct"] = expected_pace_pct(months)
    table["pace_deviation_pp"], table["pace_deviation_eur"] = pace_deviation(table["current"], table["budget"], months)
    table["forecast"], table["forecast_method"] = year_end_forecast(
        table["current"], table["last_full_year"], table["prior"], months
    )
    table = _sum_subtotal_forecasts(table, group_keys)
    table["forecast_vs_budget_eur"] = table["forecast"] - table["budget"]
    table["forecast_vs_budget_pct"] = realisation_pct(table["forecast"], table["budget"])
    # Groups (cost centres) keep the order they come in, as the report prints them; lines the statement's.
    orders = {key: {v: i for i, v in enumerate(pd.unique(frame[key]))} for key in group_keys}
    orders["line_item"] = LINE_ORDER
    return table.sort_values(
        [*group_keys, "line_item"], key=lambda s: s.map(orders[s.name]), kind="stable"
    ).reset_index(drop=True)


def _sum_subtotal_forecasts_of_lines(lines: np.ndarray, forecast: np.ndarray, method: np.ndarray) -> None:
    """Set each subtotal's forecast (in place) to the sum of its lines' forecasts, a later subtotal
    using an earlier one: in formula order from 0.0, a missing forecast counting 0.

    The grouped path (`_sum_subtotal_forecasts`) lets pandas add a row block by block of its
    memory layout, so where the forecasts are fractional the two may differ in the last bit
    (1e-16 of the figure), which nothing shown changes.
    """
    row = {line: i for i, line in enumerate(lines)}
    for subtotal, terms in SUBTOTAL_FORMULAS:
        if subtotal in row:
            parts = [forecast[row[c]] if c in row else 0.0 for term in terms for c in formula_lines(term)]
            forecast[row[subtotal]] = sum((0.0 if v != v else v for v in parts), 0.0)
            method[row[subtotal]] = "sum of lines"


def compare_values(values: pd.DataFrame, periods: ComparisonPeriods) -> pd.DataFrame:
    """compare() of one statement from its period values (`period_values(frame, periods, ["line_item"])`)."""
    figures = values[list(VALUE_COLUMNS)].to_numpy(dtype=float)
    derived = values["derived"].to_numpy(dtype=bool)
    return comparison_frame(_compare_arrays(values["line_item"].to_numpy(), figures, derived, periods))


def comparison_frame(columns: dict[str, np.ndarray]) -> pd.DataFrame:
    """Columns of a comparison as its frame; text in pandas' `str`, as compare() gives it."""
    return pd.DataFrame({c: pd.array(v, dtype="str") if v.dtype == object else v for c, v in columns.items()})


def _compare_arrays(
    lines: np.ndarray, figures: np.ndarray, derived: np.ndarray, periods: ComparisonPeriods
) -> dict[str, np.ndarray]:
    """The metrics of one statement, computed on arrays, in statement order.

    A selection's statement is computed on every filter click, so this avoids pandas' per-call
    overhead (its pivots and merges cost milliseconds on 19 rows). The arithmetic is the grouped
    path's operation for operation, but for the order in which a subtotal's forecast is summed
    (`_sum_subtotal_forecasts_of_lines`).
    """
    order = np.argsort([LINE_ORDER[line] for line in lines], kind="stable")
    lines, figures, derived = lines[order], figures[order], derived[order]
    current, prior, last_full_year, budget = figures.T
    months = periods.current.months
    with np.errstate(divide="ignore", invalid="ignore"):
        change_eur = current - prior
        change_pct = np.where(prior != 0, change_eur / np.abs(prior) * 100, np.nan)
        realisation = np.where(budget != 0, current / budget * 100, np.nan)
        pace = expected_pace_pct(months)
        if months == FULL_YEAR:
            forecast, method = current.copy(), np.full(len(lines), "actual", dtype=object)
        else:
            seasonal_ok = ~np.isnan(prior) & (prior != 0) & ~np.isnan(last_full_year)
            seasonal = current * last_full_year / prior
            forecast = np.where(seasonal_ok, seasonal, current * FULL_YEAR / months)
            method = np.where(seasonal_ok, "seasonal", "linear").astype(object)
        _sum_subtotal_forecasts_of_lines(lines, forecast, method)
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
        "forecast_method": method,
        "forecast_vs_budget_eur": forecast - budget,
        "forecast_vs_budget_pct": forecast_vs_budget_pct,
    }
