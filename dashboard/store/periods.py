"""Reporting periods: what a column of the report means, and which periods a view compares.

A period is (basis, year, months): `actual` figures to the end of month `months` (TP = the whole
year, TOT = year to date) or the year's `budget` (TA, always 12 months). The periods a view
compares are found in the data, never assumed, so next quarter's report needs no code change.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

import pandas as pd

ACTUAL = "actual"
BUDGET = "budget"
FULL_YEAR = 12
# A period's name: the budget, a full year's actual, an actual to date (TA, TP, TOT in the report).
_LABELS_FI = ("TA {year}", "TP {year}", "TOT {year} {months} kk")
_LABELS_EN = ("Budget {year}", "Actual {year}", "Actual {year} {months} mo")


@dataclass(frozen=True, order=True)
class Period:
    basis: str
    year: int
    months: int

    @property
    def label(self) -> str:
        """The report's own column name: `TP 2023`, `TOT 2024 9 kk`, `TA 2024`."""
        return self._label(_LABELS_FI)

    @property
    def label_en(self) -> str:
        """The same in English: `Actual 2023`, `Actual 2024 9 mo`, `Budget 2024`."""
        return self._label(_LABELS_EN)

    def _label(self, forms: tuple[str, str, str]) -> str:
        budget, full_year, to_date = forms
        form = budget if self.basis == BUDGET else full_year if self.months == FULL_YEAR else to_date
        return form.format(year=self.year, months=self.months)

    @property
    def end_date(self) -> dt.date:
        return dt.date(self.year, self.months, calendar.monthrange(self.year, self.months)[1])


@dataclass(frozen=True)
class ComparisonPeriods:
    """The periods a view compares, all taken from the data.

    `current` is the latest actual; `prior` the same months a year earlier; `last_full_year` the
    previous year's full-year actual; `budget` the current year's budget. Any but `current` may
    be missing from a given ledger, and the metrics then say "no value" rather than guess.
    """

    current: Period
    prior: Period | None
    last_full_year: Period | None
    budget: Period | None

    @property
    def pace(self) -> float:
        """Share of the year elapsed: 9/12 = 0.75 at the end of September."""
        return self.current.months / FULL_YEAR


def comparison_periods(finance: pd.DataFrame) -> ComparisonPeriods:
    """Find the periods to compare in a tidy finance frame (columns basis, year, months)."""
    keys = finance[["basis", "year", "months"]].drop_duplicates()
    present = {Period(str(b), int(y), int(m)) for b, y, m in keys.itertuples(index=False)}
    actuals = [p for p in present if p.basis == ACTUAL]
    if not actuals:
        raise ValueError("the finance data holds no actual figures, so there is no period to show")
    current = max(actuals, key=lambda p: (p.year, p.months))

    def find(period: Period) -> Period | None:
        return period if period in present else None

    return ComparisonPeriods(
        current=current,
        prior=find(Period(ACTUAL, current.year - 1, current.months)),
        last_full_year=find(Period(ACTUAL, current.year - 1, FULL_YEAR)),
        budget=find(Period(BUDGET, current.year, FULL_YEAR)),
    )
