"""How the year developed: a selection's realisation and forecast at each report of one year.

The city reports a division several times a year (4, 6, 8, 9, 12 months). `development()` takes
the `FinanceView` of the same selection at each of those reports, computed as the finance page
computes it, so a point of the development is the very figure that report's own view shows:
realisation % of the budget against the pace of the year, per cost centre in scope and for the
selection, and where the year-end forecast stood against the budget.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from dashboard.analysis.finance_view import FinanceView
from dashboard.analysis.lines import display_arrays, headline_line
from dashboard.store.dataset import ReportInfo

_FIGURES = ("realisation_pct", "forecast", "budget", "forecast_vs_budget_eur", "current")


@dataclass(frozen=True, eq=False)
class Development:
    """A selection at each report of a year, oldest first; figures display-signed (costs positive)."""

    line_item: str  # the group's headline line, e.g. Toimintakulut
    reports: tuple[ReportInfo, ...]
    months: np.ndarray  # the months each report's figures cover
    pace_pct: np.ndarray  # share of the year elapsed at each report, %
    realisation_pct: np.ndarray  # the selection's realisation % of the budget; NaN where there is no budget
    forecast: np.ndarray  # the year-end forecast at each report
    budget: np.ndarray  # the budget (TA + changes) as each report gives it
    forecast_vs_budget_eur: np.ndarray
    areas: tuple[str, ...]  # cost centres in scope at the latest report
    area_realisation_pct: np.ndarray  # (areas, reports); NaN where a report lacks the cost centre

    @property
    def points(self) -> int:
        return len(self.reports)

    @property
    def forecast_moved_eur(self) -> float:
        """How far the year-end forecast moved from the first report to the last (0 with one report)."""
        return float(self.forecast[-1] - self.forecast[0]) if self.points else 0.0


def development(history: Sequence[tuple[ReportInfo, FinanceView]]) -> Development:
    """The development of one selection across `history` (its reports of one year, oldest first)."""
    if not history:
        raise ValueError("a development needs at least one report")
    latest = history[-1][1]
    line = headline_line(latest.selection.group)
    totals = {name: [] for name in _FIGURES}
    areas = tuple(latest.areas_in_scope)
    by_area = np.full((len(areas), len(history)), np.nan)
    for column, (_, view) in enumerate(history):
        shown = display_arrays(view.columns("statement"), _FIGURES, (line,))
        for name in _FIGURES:
            totals[name].append(float(shown[name][0]) if len(shown["line_item"]) else np.nan)
        area_table = view.columns("by_area")
        rows = np.flatnonzero(np.asarray(area_table["line_item"]) == line)
        pct = dict(
            zip(
                np.asarray(area_table["service_area"])[rows],
                np.asarray(area_table["realisation_pct"])[rows],
                strict=True,
            )
        )
        for row, area in enumerate(areas):
            by_area[row, column] = float(pct.get(area, np.nan))
    months = np.array([view.periods.current.months for _, view in history])
    return Development(
        line_item=line,
        reports=tuple(report for report, _ in history),
        months=months,
        pace_pct=np.array([view.periods.pace * 100 for _, view in history]),
        realisation_pct=np.array(totals["realisation_pct"]),
        forecast=np.array(totals["forecast"]),
        budget=np.array(totals["budget"]),
        forecast_vs_budget_eur=np.array(totals["forecast_vs_budget_eur"]),
        areas=areas,
        area_realisation_pct=by_area,
    )
