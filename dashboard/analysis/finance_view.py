"""The finance view's results: what the page shows for one selection, computed before drawing.

`build_finance_view(dataset, selection)` turns the tidy data and a selection (division, cost
centres, line group, measure) into a frozen `FinanceView` of result tables; figure builders and
layouts only draw those. What every selection of a division shares (each cost centre's figures,
the division's own statement) is computed once, by `division_figures()`, so that a new selection
costs a sum and a few array operations, not a pass over the ledger. `read_query()` turns a link's
query string into a selection plus notices for values it had to ignore. Tables keep the report's
signs; `to_display()` and `display_arrays()` turn costs into positive figures for the views that
show them so (see `dashboard.analysis.metrics` on signs).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.analysis.metrics import GroupValues, compare, compare_sum, group_values, select_statement
from dashboard.store.dataset import Dataset
from dashboard.store.periods import ComparisonPeriods
from dashboard.store.statement import LINE_BY_NAME, LINE_ORDER, LINES, SUBTOTAL_FORMULAS, Section, formula_lines

GROUPS = ("expenses", "income", "margins")
MEASURES = ("eur", "pct")
BRIDGE_BY = ("line", "area")
PACE_THRESHOLD_PP = 5.0  # percentage points from the pace that make a line an exception (either way)
AHEAD_OF_PACE_PP = PACE_THRESHOLD_PP  # what the pace chart marks ▲
MATERIAL_EUR = 1000.0  # an exception's effect on the result is at least this, either way


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


@dataclass(frozen=True, eq=False)
class ViewTable:
    """A small result table as column arrays.

    The page reads a view's tables column by column; a pandas frame charges tens of microseconds
    a column read, filter or copy, which on a filter click added up to more than the figures.
    `frame()` gives the same table as a pandas frame, for exports and tests.
    """

    columns: Mapping[str, np.ndarray]
    dtypes: Mapping[str, object]

    @classmethod
    def of(cls, frame: pd.DataFrame) -> ViewTable:
        return cls({c: frame[c].to_numpy() for c in frame.columns}, dict(frame.dtypes.items()))

    @classmethod
    def from_arrays(cls, columns: Mapping[str, np.ndarray]) -> ViewTable:
        """Text (object arrays) as pandas' `str`, as pandas infers it."""
        return cls(columns, {c: "str" if v.dtype == object else v.dtype for c, v in columns.items()})

    def take(self, rows: np.ndarray | slice) -> ViewTable:
        return ViewTable({c: v[rows] for c, v in self.columns.items()}, self.dtypes)

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame({c: pd.array(v, dtype=self.dtypes[c]) for c, v in self.columns.items()})


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
    exceptions = _Frame()  # find_exceptions() of by_area
    bridge = _Frame()  # variance_bridge()
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


def find_exceptions(
    by_area: pd.DataFrame, threshold_pp: float = PACE_THRESHOLD_PP, material_eur: float = MATERIAL_EUR
) -> pd.DataFrame:
    """The lines off their budget's pace, each once, with its signed effect on the result.

    One rule: a line whose realisation is more than `threshold_pp` percentage points from the pace
    (either way), or that has an actual and no budget, where the effect is at least `material_eur`
    either way. Its effect in euros keeps the report's signs
    (positive improves the result): actual − budget × months ÷ 12, the whole actual with no
    budget. Costs ahead of pace, income behind and costs with no budget are unfavourable (a
    negative effect); the rest favourable. Line items are listed; a subtotal only where none of
    its lines is, so one overspend is not listed again as Toimintakulut, Toimintakate and the
    result. Most unfavourable first.
    """
    table = by_area[by_area["current"].notna()]
    budget = table["budget"].fillna(0)
    no_budget = (budget == 0) & (table["current"] != 0)
    deviation = table["pace_deviation_pp"]
    off_pace = (budget != 0) & (deviation.abs() > threshold_pp)
    effect = pd.Series(np.where(no_budget, table["current"], table["pace_deviation_eur"]), index=table.index)
    found = table[(no_budget | off_pace) & (effect.abs() >= material_eur)]
    effect = effect[found.index].to_numpy()
    kinds = found["line_item"].map(line_kind)
    direction = np.where(no_budget[found.index], "no_budget", np.where(deviation[found.index] > 0, "ahead", "behind"))
    found = found.assign(
        effect_eur=effect,
        favourable=effect > 0,
        reason=[f"{kind}_{way}" for kind, way in zip(kinds, direction, strict=True)],
    )
    listed = found.groupby("service_area", sort=False)["line_item"].agg(frozenset)
    keep = [
        line not in SUBTOTALS or not (leaf_lines(line) & listed[area])
        for area, line in zip(found["service_area"], found["line_item"], strict=True)
    ]
    found = found[keep]
    return found.sort_values("effect_eur", kind="stable").reset_index(drop=True)


def variance_bridge(
    statement: pd.DataFrame | Mapping[str, np.ndarray],
    by_area: pd.DataFrame | Mapping[str, np.ndarray],
    by: str,
    line: str = RESULT_LINE,
) -> pd.DataFrame:
    """Steps from last year's figure to this year's for `line`: by line item or by cost centre.

    Rows: kind start, step (one per line item or cost centre), rounding (where the printed total
    differs from its parts), end. Euros keep the report's signs: a positive step improves the result.
    """
    return _bridge(statement, by_area, by, line).frame()


def _bridge(
    statement: pd.DataFrame | Mapping[str, np.ndarray],
    by_area: pd.DataFrame | Mapping[str, np.ndarray],
    by: str,
    line: str = RESULT_LINE,
) -> ViewTable:
    lines = np.asarray(statement["line_item"])
    at = np.flatnonzero(lines == line)
    if not len(at):
        return ViewTable.of(pd.DataFrame(columns=["key", "kind", "eur"]))
    start, end = float(np.asarray(statement["prior"])[at[0]]), float(np.asarray(statement["current"])[at[0]])
    if by == "area":
        rows = np.asarray(by_area["line_item"]) == line
        keys, changes = np.asarray(by_area["service_area"])[rows], np.asarray(by_area["change_eur"])[rows]
    else:  # the line items above `line` in the statement, subtotals left out
        rows = np.array([name not in SUBTOTALS and LINE_ORDER[name] < LINE_ORDER[line] for name in lines], dtype=bool)
        keys, changes = lines[rows], np.asarray(statement["change_eur"])[rows]
    steps = np.nan_to_num(changes.astype(float), nan=0.0)
    residual = end - start - steps.sum()  # summed as pandas sums a column
    kinds = ["start", *["step"] * len(steps)]
    keys, eur = ["start", *keys], [start, *steps.tolist()]
    if abs(residual) >= 0.5:
        kinds, keys, eur = [*kinds, "rounding"], [*keys, "rounding"], [*eur, residual]
    return ViewTable.from_arrays(
        {
            "key": np.array([*keys, "end"], dtype=object),
            "kind": np.array([*kinds, "end"], dtype=object),
            "eur": np.array([*eur, end], dtype=float),
        }
    )


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


@dataclass(frozen=True)
class PrintedFigures:
    """One table's printed Jäljellä (€) and TOT-% per line, as the report prints them."""

    remaining: Mapping[str, float]
    pct: Mapping[str, float]


def printed_figures(dataset: Dataset, division: str) -> dict[str, PrintedFigures]:
    """The report's own Jäljellä and TOT-% columns for the current period, per table of `division`."""
    current = dataset.periods.current
    frame = dataset.printed_derived
    frame = frame[
        (frame["division"] == division) & (frame["year"] == current.year) & (frame["months"] == current.months)
    ]
    out: dict[str, PrintedFigures] = {}
    for area, rows in frame.groupby("service_area", sort=False):
        by_measure = {
            measure: dict(zip(part["line_item"], part["printed"].astype(float), strict=True))
            for measure, part in rows.groupby("measure", sort=False)
        }
        out[area] = PrintedFigures(by_measure.get("remaining_eur", {}), by_measure.get("realisation_pct", {}))
    return out


def with_printed(columns: Mapping[str, np.ndarray], printed: PrintedFigures | None) -> dict[str, np.ndarray]:
    """A statement's columns with the report's printed Jäljellä and TOT-% where it printed them.

    `remaining_eur` and `statement_pct` are what the statement shows: printed, else computed
    (`printed_shown` False). Where the report printed a rate, it is the realisation % every view
    uses (the report's 99,04 %, not 99,08 % recomputed from rounded euros); where it printed 0,00
    for a line without a budget, the statement shows 0,00 and the other views "no value".
    """
    lines = np.asarray(columns["line_item"]).tolist()
    budget = np.asarray(columns["budget"], dtype=float)
    current = np.asarray(columns["current"], dtype=float)
    remaining = np.array([printed.remaining.get(line, np.nan) if printed else np.nan for line in lines], dtype=float)
    pct = np.array([printed.pct.get(line, np.nan) if printed else np.nan for line in lines], dtype=float)
    has_printed = ~np.isnan(remaining) & ~np.isnan(pct)
    realisation = np.where(~np.isnan(pct) & (budget != 0), pct, np.asarray(columns["realisation_pct"], dtype=float))
    out = dict(columns)
    out["remaining_eur"] = np.where(np.isnan(remaining), budget - current, remaining)
    out["statement_pct"] = np.where(np.isnan(pct), realisation, pct)
    out["printed_shown"] = has_printed
    out["realisation_pct"] = realisation
    out["pace_deviation_pp"] = realisation - np.asarray(columns["pace_pct"], dtype=float)
    return out


def _with_printed_by_area(by_area: pd.DataFrame, printed: Mapping[str, PrintedFigures]) -> pd.DataFrame:
    parts = [
        pd.DataFrame(with_printed({c: rows[c].to_numpy() for c in rows.columns}, printed.get(area)))
        for area, rows in by_area.groupby("service_area", sort=False)
    ]
    return pd.concat(parts, ignore_index=True) if parts else by_area


def division_figures(dataset: Dataset, division: str) -> DivisionFigures:
    """The shared part of every finance view of `division` (see `DivisionFigures`)."""
    finance = dataset.finance[dataset.finance["division"] == division]
    cost_centres = tuple(dataset.cost_centres_by_division.get(division, ()))
    areas = finance[finance["service_area"].isin(cost_centres)]
    printed = printed_figures(dataset, division)
    by_area = _with_printed_by_area(compare(areas, dataset.periods, by=["service_area"]), printed)
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


class AreaRows:
    """A table's rows per cost centre, found once: a selection's rows are then taken by position."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.table = ViewTable.of(frame)
        codes, areas = pd.factorize(frame["service_area"])
        order = np.argsort(codes, kind="stable")
        bounds = np.searchsorted(codes[order], np.arange(len(areas) + 1))
        self.positions = {area: order[bounds[i] : bounds[i + 1]] for i, area in enumerate(areas)}

    def of(self, areas: Iterable[str]) -> ViewTable:
        """The rows of `areas`, in the table's order."""
        found = [self.positions[a] for a in dict.fromkeys(areas) if a in self.positions]
        rows = np.sort(np.concatenate(found)) if found else np.array([], dtype=np.intp)
        if len(rows) and rows[-1] - rows[0] == len(rows) - 1:  # consecutive: a slice, no copy
            return self.table.take(slice(rows[0], rows[-1] + 1))
        return self.table.take(rows)


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
        "exceptions": exceptions,
        "bridge": _bridge(statement.columns, by_area.columns, selection.bridge_by),
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
