"""The finance view's results: what the page shows for one selection, computed before drawing.

`build_finance_view(dataset, selection)` turns the tidy data and a selection (division, cost
centres, line group, measure) into a frozen `FinanceView` of result tables; figure builders and
layouts only draw those. What every selection of a division shares (each cost centre's figures,
the division's own statement) is computed once, by `division_figures()`, so that a new selection
costs a sum and a few array operations, not a pass over the ledger. Tables keep the report's
signs; `to_display()` and `display_arrays()` turn costs into positive figures for the views that
show them so (see `dashboard.analysis.metrics` on signs).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.analysis.bridge import bridge_table
from dashboard.analysis.exceptions import PACE_THRESHOLD_PP, find_exceptions
from dashboard.analysis.lines import (
    EXPENSE_TOTAL,
    INCOME_TOTAL,
    NET_LINE,
    display_arrays,
    headline_line,
)
from dashboard.analysis.metrics import GroupValues, compare, compare_sum, group_values, select_statement
from dashboard.analysis.printed import PrintedFigures, printed_figures, with_printed, with_printed_by_area
from dashboard.analysis.view_tables import AreaRows, ViewTable
from dashboard.store.dataset import ALL_DIVISIONS, Dataset
from dashboard.store.periods import ComparisonPeriods

GROUPS = ("expenses", "income", "margins")
# A chart draws at most this many cost centres, the largest; the rest are one bar (`OTHER_AREAS`).
# A bar chart of a whole city's 80 cost centres is unreadable, and each bar is the browser's work.
AREAS_IN_A_CHART = 12
OTHER_AREAS = "\x00others"  # the `service_area` of that bar's row: no name the data can hold
MEASURES = ("eur", "pct")
BRIDGE_BY = ("line", "area")


@dataclass(frozen=True)
class Selection:
    areas: tuple[str, ...] = ()  # cost centres of the division; empty = the whole division
    group: str = GROUPS[0]
    measure: str = MEASURES[0]
    bridge_by: str = BRIDGE_BY[0]
    division: str = ""  # empty = the report's own division


def view_division(dataset: Dataset, selection: Selection) -> str:
    return selection.division or dataset.report.division


@dataclass(frozen=True)
class Kpi:
    key: str  # expenses, income, net
    line_item: str
    current: float
    prior: float
    change_eur: float
    change_pct: float
    realisation_pct: float
    pace_pct: float
    forecast: float
    budget: float
    forecast_vs_budget_eur: float
    forecast_vs_budget_pct: float  # the forecast as % of the budget
    forecast_methods: int  # dashboard.analysis.metrics.FORECAST_METHODS bits: how the forecast was made


class _Frame:
    """A view's table as a pandas frame, built from its columns when first read."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, view: FinanceView | None, owner: type | None = None):
        if view is None:
            return self
        # Kept in the instance's __dict__, which later reads find before this descriptor.
        frame = view.__dict__[self.name] = view.tables[self.name].frame()
        return frame


@dataclass(frozen=True, eq=False)
class FinanceView:
    """What the finance page shows for a selection: its tables, as columns (`columns(name)`) or
    frames (`view.statement` and so on, built when first read). Figures keep the report's signs."""

    selection: Selection
    division: str
    periods: ComparisonPeriods
    areas_in_scope: tuple[str, ...]  # the selected cost centres, or all of them
    tables: Mapping[str, ViewTable]  # by the names below

    statement = _Frame()  # compare() of the selection's statement
    parts = _Frame()  # compare_sum() of the cost centres in scope: the statement, or what its printed figures sum
    by_area = _Frame()  # compare() per cost centre in scope
    chart_areas = _Frame()  # chart_areas(): each group's headline line per cost centre as the charts draw it
    exceptions = _Frame()  # find_exceptions() of by_area
    bridge = _Frame()  # variancebridge_table()
    rounding = _Frame()  # the report's rounding differences in the tables shown
    descriptions = _Frame()  # what the selected cost centres do
    commentary = _Frame()  # the report's finance commentary on them

    def columns(self, table: str) -> Mapping[str, np.ndarray]:
        return self.tables[table].columns

    def parts_gap(self, line_item: str, column: str) -> float:
        """The statement's figure less the sum of the cost centres in scope (report signs): 0 for a
        selection of cost centres, the report's rounding where the division's own table is shown."""
        values = []
        for table in ("statement", "parts"):
            columns = self.columns(table)
            at = np.flatnonzero(np.asarray(columns["line_item"]) == line_item)
            values.append(float(np.asarray(columns[column])[at[0]]) if len(at) else float("nan"))
        gap = values[0] - values[1]
        return 0.0 if abs(gap) < 0.5 else gap

    @property
    def kpis(self) -> list[Kpi]:
        return kpis(self.columns("statement"))

    def top_unfavourable(self, count: int = 3) -> list[int]:
        """Rows of the exceptions table (most unfavourable first) that are unfavourable, at most `count`."""
        favourable = np.asarray(self.columns("exceptions")["favourable"], dtype=bool)
        return np.flatnonzero(~favourable)[:count].tolist()

    def ahead_of_pace(self, line_item: str) -> list[tuple[str, float]]:
        """Cost centres in scope whose `line_item` is more than the threshold ahead of pace, with
        their realisation %, furthest ahead first."""
        table = self.columns("by_area")
        rows = np.flatnonzero(
            (np.asarray(table["line_item"]) == line_item)
            & (np.nan_to_num(np.asarray(table["pace_deviation_pp"], dtype=float), nan=-np.inf) > PACE_THRESHOLD_PP)
        )
        areas, pct = np.asarray(table["service_area"]), np.asarray(table["realisation_pct"], dtype=float)
        return sorted(((str(areas[i]), float(pct[i])) for i in rows), key=lambda pair: -pair[1])


KPI_FIGURES = (
    "current",
    "prior",
    "change_eur",
    "change_pct",
    "realisation_pct",
    "pace_pct",
    "forecast",
    "budget",
    "forecast_vs_budget_eur",
    "forecast_vs_budget_pct",
)


def kpis(statement: pd.DataFrame | Mapping[str, np.ndarray]) -> list[Kpi]:
    """Expenses, income and net (operating margin), display-signed, where the statement has them."""
    shown = display_arrays(statement, KPI_FIGURES)
    row_of = {line: i for i, line in enumerate(shown["line_item"])}
    methods = np.asarray(statement["forecast_methods"])
    return [
        Kpi(
            key=key,
            line_item=line,
            forecast_methods=int(methods[row_of[line]]),
            **{name: float(shown[name][row_of[line]]) for name in KPI_FIGURES},
        )
        for key, line in (("expenses", EXPENSE_TOTAL), ("income", INCOME_TOTAL), ("net", NET_LINE))
        if line in row_of
    ]


@dataclass(frozen=True)
class DivisionFigures:
    """What every selection of one division shares, computed once per dataset and division.

    A selection's statement is the sum of its cost centres' period values with the metrics
    computed after summing (sums are additive, ratios, pace and forecasts are not); each cost
    centre's own comparison, the exceptions and the texts are filtered from these, not recomputed.
    """

    division: str
    cost_centres: tuple[str, ...]  # in the report's order
    own_statement: ViewTable  # compare() of the division's own printed table: no cost centre ticked
    area_values: GroupValues  # each cost centre's compared figures, to be summed for a selection
    by_area: AreaRows  # compare() per cost centre
    exceptions: AreaRows  # find_exceptions(by_area): a selection's are the rows of its cost centres
    rounding: AreaRows  # the report's rounding differences, per table ("" = the division's own)
    descriptions: AreaRows  # what each cost centre does, by cost centre and paragraph
    commentary: AreaRows  # the report's finance commentary, likewise
    printed: Mapping[str, PrintedFigures]  # the report's Jäljellä and TOT-% per table ("" = the division's own)
    parts: ViewTable  # compare_sum() of every cost centre: what the division's own table's figures sum to


def division_figures(
    dataset: Dataset, division: str, figures_of: Callable[[str], DivisionFigures] | None = None
) -> DivisionFigures:
    """The shared part of every finance view of `division` (see `DivisionFigures`).

    For the view of all divisions (`ALL_DIVISIONS`), each division is a part whose figures are
    those its own view shows (`figures_of(division)`, default computed here): its forecast, its
    printed TOT-%, so the whole is the sum of what each division's page says."""
    finance = dataset.finance_of(division)
    cost_centres = tuple(dataset.cost_centres_by_division.get(division, ()))
    printed = printed_figures(dataset, division)
    if division == ALL_DIVISIONS:
        figures_of = figures_of or functools.partial(division_figures, dataset)
        by_area = pd.concat([_as_part(figures_of(d), d) for d in cost_centres], ignore_index=True)
    else:
        areas = finance[finance["service_area"].isin(cost_centres)]
        by_area = with_printed_by_area(compare(areas, dataset.periods, by=["service_area"]), printed)
    rounding = dataset.reconciliation.rounding
    descriptions = dataset.service_areas[dataset.service_areas["division"] == division]
    commentary = dataset.commentary
    commentary = commentary[(commentary["division"] == division) & (commentary["topic"] == "finance")]
    area_values = group_values(by_area, "service_area")  # its period values: no second pass over the rows
    return DivisionFigures(
        division=division,
        cost_centres=cost_centres,
        own_statement=ViewTable.of(compare(select_statement(finance, division), dataset.periods, parts=area_values)),
        area_values=area_values,
        by_area=AreaRows(by_area),
        exceptions=AreaRows(find_exceptions(by_area)),
        rounding=AreaRows(rounding[rounding["division"] == division]),
        descriptions=AreaRows(descriptions.sort_values(["service_area", "paragraph"])),
        commentary=AreaRows(commentary.sort_values(["service_area", "paragraph"])),
        printed=printed,
        parts=ViewTable.from_arrays(compare_sum(area_values, cost_centres, dataset.periods)),
    )


def _as_part(figures: DivisionFigures, division: str) -> pd.DataFrame:
    """A division's own statement as its view shows it (printed TOT-% applied), as one part of the whole."""
    own = pd.DataFrame(with_printed(figures.own_statement.columns, figures.printed.get("")))
    own.insert(0, "service_area", division)
    return own


def build_finance_view(dataset: Dataset, selection: Selection, figures: DivisionFigures | None = None) -> FinanceView:
    """Everything the finance page shows for `selection`, computed once.

    `figures`, if given, is `division_figures()` of the selection's division computed earlier (it
    does not depend on which cost centres are ticked), so a caller may compute it once.
    """
    division = view_division(dataset, selection)
    if figures is None:
        figures = division_figures(dataset, division)
    if selection.areas:
        statement = ViewTable.from_arrays(compare_sum(figures.area_values, selection.areas, dataset.periods))
        by_area = figures.by_area.of(selection.areas)
        exceptions = figures.exceptions.of(selection.areas)
    else:  # the division's own printed figures, and every cost centre
        statement, by_area, exceptions = figures.own_statement, figures.by_area.table, figures.exceptions.table
    # The report's own Jäljellä and TOT-% where the view is one of its tables: the division's or one cost centre's.
    table_shown = "" if not selection.areas else selection.areas[0] if len(selection.areas) == 1 else None
    statement = ViewTable.from_arrays(with_printed(statement.columns, figures.printed.get(table_shown)))
    parts = figures.parts if not selection.areas and figures.cost_centres else statement
    texts_for = list(selection.areas) or [""]  # a cost centre's own, or the division table's
    tables = {
        "statement": statement,
        "parts": parts,
        "by_area": by_area,
        "chart_areas": chart_areas(figures, by_area, dataset.periods),
        "exceptions": exceptions,
        "bridge": bridge_table(statement.columns, by_area.columns, selection.bridge_by),
        "rounding": figures.rounding.of(texts_for),
        "descriptions": figures.descriptions.of(texts_for),
        "commentary": figures.commentary.of(texts_for),
    }
    return FinanceView(
        selection=selection,
        division=division,
        periods=dataset.periods,
        areas_in_scope=selection.areas or figures.cost_centres,
        tables=tables,
    )


def chart_areas(
    figures: DivisionFigures, by_area: ViewTable, periods: ComparisonPeriods, limit: int = AREAS_IN_A_CHART
) -> ViewTable:
    """Each group's headline line (`headline_line()`) per cost centre, as the charts draw it: every
    group's, as the view does not depend on the group shown (`area_rows_drawn()`)."""
    lines = dict.fromkeys(headline_line(group) for group in GROUPS)
    parts = [area_rows_drawn(figures, by_area, line, periods, limit) for line in lines]
    return ViewTable.from_arrays({c: np.concatenate([p[c] for p in parts]) for c in parts[0]})


def area_rows_drawn(
    figures: DivisionFigures,
    by_area: ViewTable,
    line: str,
    periods: ComparisonPeriods,
    limit: int = AREAS_IN_A_CHART,
) -> dict[str, np.ndarray]:
    """`line`'s rows of `by_area` as the per-cost-centre charts draw them, with a column `areas`:
    how many cost centres a row stands for.

    Up to `limit` cost centres, every row (`areas` 1). Beyond, the `limit` largest (by the largest
    of their current, prior and budget figures), in the table's order, then one row for the rest
    (`service_area` `OTHER_AREAS`): compare_sum() of those cost centres, so its every figure is what
    their own figures sum to, and its ratios are computed after summing, as a selection's are.
    """
    columns = by_area.columns
    rows = np.flatnonzero(np.asarray(columns["line_item"]) == line)
    if len(rows) > limit:
        sizes = np.column_stack([np.asarray(columns[c], dtype=float)[rows] for c in ("current", "prior", "budget")])
        sizes = np.nan_to_num(np.abs(sizes), nan=0.0).max(axis=1)
        largest = np.sort(np.argsort(-sizes, kind="stable")[:limit])
        rest = np.setdiff1d(np.arange(len(rows)), largest)
        others = with_printed(
            compare_sum(figures.area_values, np.asarray(columns["service_area"])[rows[rest]].tolist(), periods), None
        )
        at = np.flatnonzero(np.asarray(others["line_item"]) == line)
        if len(at):
            shown = {
                c: np.append(v[rows[largest]], OTHER_AREAS if c == "service_area" else others[c][at[0]])
                for c, v in columns.items()
            }
            shown["areas"] = np.append(np.ones(len(largest), dtype=np.int64), len(rest))
            return shown
    shown = {c: v[rows] for c, v in columns.items()}
    shown["areas"] = np.ones(len(rows), dtype=np.int64)
    return shown
