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


@dataclass(frozen=True, order=True)
class Period:
    basis: str
    year: int
    months: int

    @property
    def label(self) -> str:
        """The report's own column name: `TP 2023`, `TOT 2024 9 kk`, `TA 2024`."""
        if self.basis == BUDGET:
            return f"TA {self.year}"
        if self.months == FULL_YEAR:
            return f"TP {self.year}"
        return f"TOT {self.year} {self.months} kk"

    @property
    def label_en(self) -> str:
        if self.basis == BUDGET:
            return f"Budget {self.year}"
        if self.months == FULL_YEAR:
            return f"Actual {self.year}"
        return f"Actual {self.year} {self.months} mo"

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
