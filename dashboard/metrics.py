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
