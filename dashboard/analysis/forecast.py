"""The year-end forecast: what the rest of the year adds to each leaf, and how totals add up.

A forecast is made per LEAF: one cost centre's (a group of `GroupValues`) one line item, never a
subtotal. A leaf's forecast = `current` (its actual to date) + `rest` (what the rest of the year
adds). With m = the months elapsed (`periods.current.months`), the first rule that applies sets
the rest:

1. "actual": m == 12. rest = 0.
2. "seasonal": last year's pattern can be trusted: last year's same months (`prior`) and last
   year's full year both present, prior != 0, of the same sign, and the ratio
   r = last_full_year / prior within [1, seasonal_ratio_max(m)], where
   seasonal_ratio_max(m) = 1 + 3 × (12 − m) / m (last year's rest-of-year pace at most three times
   its pace to date: 2,0 at nine months). The bounds are tested exactly, on the whole euros
   (|last_full_year| × m ≤ |prior| × (m + 3 × (12 − m))), so a ratio of exactly 1 or exactly the
   maximum is accepted and anything beyond refused. rest = current × (r − 1).
3. "budget_share": the budget is present and != 0. rest = the budget's share of the remaining
   months, budget × (12 − m) / 12, but never more than what is left of the budget
   (budget − current) and never past 0: in the budget's direction,
   rest = clamp(budget × (12 − m) / 12, between 0 and budget − current), and 0 where
   budget − current is of the opposite sign to the budget (the actual already exceeds it).
4. "linear": otherwise. rest = current × (12 − m) / m.

Then nothing is un-spent or un-earned: the rest is clamped by the line's section
(`dashboard.store.statement.Section`): INCOME and OWN_USE lines rest ≥ 0, EXPENSE and DEPRECIATION lines
rest ≤ 0, FINANCIAL lines unclamped. A cost line's forecast is never above (less costly than) its
actual, an income line's never below. A leaf without a current figure (NaN) has no forecast (NaN)
and no method.

Methods are a bitmask per row (column `forecast_methods`): bit i (1 << i) stands for
`FORECAST_METHODS[i]`, read back with `forecast_method_names(mask)`. Totals OR their leaves' masks,
so a total that mixes methods carries several bits; 0 = no forecast.

Totals add up:

- a subtotal's forecast (Toimintatuotot, Toimintakulut, Toimintakate, Vuosikate, Tilikauden tulos,
  by `SUBTOTAL_FORMULAS`) is the sum of its lines' forecasts (a missing one counting 0), its mask
  the OR of theirs; it is never forecast from its own figures;
- a selection of cost centres (`compare_sum`) sums its leaves' currents and rests per line: the
  rest is summed, not forecast again from summed figures, so a selection's forecast is the sum of
  its cost centres' forecasts;
- the division's own printed table (`compare_own`): each line's forecast = the division's own
  printed current + the sum of its cost centres' rests for the line (mask: the OR of theirs); a line
  no cost centre has a current for is forecast by the leaf rules on the division's own figures, as
  is every line of a division without cost centres (its table is itself the leaf). The division's
  forecast thus equals the sum of its cost centres' forecasts but for the report's rounding of the
  printed actuals (a euro or two a line).

`forecast_rest` = forecast − current.
"""

from __future__ import annotations

import numpy as np

from dashboard.analysis.lines import SUBTOTALS
from dashboard.store.periods import FULL_YEAR
from dashboard.store.statement import LINE_BY_NAME, SUBTOTAL_FORMULAS, Section, formula_lines

# The figures a leaf is forecast from, in the order the metrics lay out their arrays.
VALUE_COLUMNS = ("current", "prior", "last_full_year", "budget")

FORECAST_METHODS = ("actual", "seasonal", "budget_share", "linear")  # bit i = 1 << i in `forecast_methods`
ACTUAL, SEASONAL, BUDGET_SHARE, LINEAR = (1 << i for i in range(len(FORECAST_METHODS)))
SEASONAL_PACE_MAX = 3  # last year's rest-of-year pace at most this many times its pace to date

# The bounds of a leaf's rest by its line's section: what cannot be un-spent or un-earned.
_SECTION_BOUNDS = {
    Section.INCOME: (0.0, np.inf),
    Section.OWN_USE: (0.0, np.inf),
    Section.EXPENSE: (-np.inf, 0.0),
    Section.DEPRECIATION: (-np.inf, 0.0),
    Section.FINANCIAL: (-np.inf, np.inf),
    Section.SUBTOTAL: (-np.inf, np.inf),
}
_REST_BOUNDS = {name: _SECTION_BOUNDS[line.section] for name, line in LINE_BY_NAME.items()}


def forecast_method_names(mask: int) -> tuple[str, ...]:
    """The methods a `forecast_methods` bitmask names, in `FORECAST_METHODS` order."""
    return tuple(name for i, name in enumerate(FORECAST_METHODS) if int(mask) >> i & 1)


def seasonal_ratio_max(months: int) -> float:
    """The largest last-year ratio (full year ÷ same months) the seasonal method accepts: 2,0 at 9."""
    return 1 + SEASONAL_PACE_MAX * (FULL_YEAR - months) / months


def leaf_rest(lines: np.ndarray, figures: np.ndarray, months: int) -> tuple[np.ndarray, np.ndarray]:
    """Each leaf's rest of the year and its method bit, by the module's rules.

    `figures` is (line, VALUE_COLUMNS). Subtotal lines are no leaves: rest NaN, mask 0. A leaf
    without a current figure: rest NaN, mask 0.
    """
    current, prior, last_full_year, budget = np.asarray(figures, dtype=float).reshape(-1, len(VALUE_COLUMNS)).T
    leaf = np.fromiter((line not in SUBTOTALS for line in lines), dtype=bool, count=len(lines)) & ~np.isnan(current)
    left = FULL_YEAR - months
    if left <= 0:
        rest, mask = np.zeros(len(lines)), np.full(len(lines), ACTUAL, dtype=np.int64)
    else:
        with np.errstate(divide="ignore", invalid="ignore"):
            seasonal = (
                (prior != 0)
                & (np.sign(prior) == np.sign(last_full_year))  # False where either is NaN
                & (np.abs(last_full_year) >= np.abs(prior))
                & (np.abs(last_full_year) * months <= np.abs(prior) * (months + SEASONAL_PACE_MAX * left))
            )
            by_budget = ~seasonal & ~np.isnan(budget) & (budget != 0)
            direction = np.sign(budget)
            share = np.abs(budget) * left / FULL_YEAR
            remaining = np.maximum(direction * (budget - current), 0.0)
            rest = np.where(
                seasonal,
                current * (last_full_year - prior) / prior,
                np.where(by_budget, direction * np.minimum(share, remaining), current * left / months),
            )
        mask = np.where(seasonal, SEASONAL, np.where(by_budget, BUDGET_SHARE, LINEAR)).astype(np.int64)
        if len(lines):
            low, high = np.array([_REST_BOUNDS.get(line, (-np.inf, np.inf)) for line in lines], dtype=float).T
            rest = np.clip(rest, low, high)
    return np.where(leaf, rest, np.nan), np.where(leaf, mask, 0)


def sum_subtotal_forecasts(lines: np.ndarray, forecast: np.ndarray, mask: np.ndarray) -> None:
    """Set each subtotal's forecast (in place) to the sum of its lines' forecasts, a later subtotal
    using an earlier one: in formula order from 0.0, a missing forecast counting 0; its mask to the
    OR of theirs."""
    row = {line: i for i, line in enumerate(lines.tolist())}
    for subtotal, terms in SUBTOTAL_FORMULAS:
        if subtotal in row:
            at = [row[c] for term in terms for c in formula_lines(term) if c in row]
            forecast[row[subtotal]] = sum((0.0 if v != v else v for v in forecast[at].tolist()), 0.0)
            mask[row[subtotal]] = np.bitwise_or.reduce(mask[at]) if at else 0
