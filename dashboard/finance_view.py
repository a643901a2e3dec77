"""The finance view's results: what the page shows for one selection, computed before drawing.

`build_finance_view(dataset, selection)` turns the tidy data and a selection (division, cost
centres, line group, measure) into a frozen `FinanceView` of result tables; figure builders and
layouts only draw those. What every selection of a division shares (each cost centre's figures,
the division's own statement) is computed once, by `division_figures()`, so that a new selection
costs a sum and a few array operations, not a pass over the ledger. `read_query()` turns a link's
query string into a selection plus notices for values it had to ignore. Tables keep the report's
signs; `to_display()` and `display_arrays()` turn costs into positive figures for the views that
show them so (see `dashboard.metrics` on signs).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.data import Dataset
from dashboard.metrics import GroupValues, compare, compare_sum, group_values, select_statement
from dashboard.periods import ComparisonPeriods
from dashboard.report_parser import slugify
from dashboard.settings import LANGUAGES
from dashboard.statement import LINE_BY_NAME, LINE_ORDER, LINES, SUBTOTAL_FORMULAS, Section

GROUPS = ("expenses", "income", "margins")
MEASURES = ("eur", "pct")
BRIDGE_BY = ("line", "area")
AHEAD_OF_PACE_PP = 5.0  # percentage points ahead of pace that make a line an exception


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
class Notice:
    """A value from a link or a control that was ignored; `key` names the i18n text."""

    key: str
    values: Mapping[str, str] = field(default_factory=dict)


def division_slugs(dataset: Dataset) -> dict[str, str]:
    """slug → division name, the report's own division first."""
    return {slugify(name): name for name in dataset.cost_centres_by_division}


def area_slugs(dataset: Dataset, division: str = "") -> dict[str, str]:
    """slug → cost centre name, for the cost centres of a division (default: the report's)."""
    return {
        slugify(name): name for name in dataset.cost_centres_by_division.get(division or dataset.report.division, ())
    }


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(v) for v in value]
    return [str(value)]


def choose(name: str, value: object, choices: tuple[str, ...], notices: list[Notice]) -> str:
    """`value` if it is one of `choices` (the last one, if repeated), else the first choice plus a notice."""
    values = _as_list(value)
    if values and values[-1] in choices:
        return values[-1]
    if values:
        notices.append(Notice("unknown_param", {"name": name, "value": ", ".join(values)}))
    return choices[0]


def resolve_division(dataset: Dataset, slug: object, notices: list[Notice]) -> str:
    """The division a slug names; "" (the report's own) if none is given, or with a notice if unknown."""
    values = [v for v in _as_list(slug) if v]
    known = division_slugs(dataset)
    if not values:
        return ""
    if values[-1] in known:
        division = known[values[-1]]
        return "" if division == dataset.report.division else division
    notices.append(Notice("unknown_param", {"name": "division", "value": ", ".join(values)}))
    return ""


def resolve_areas(dataset: Dataset, slugs: object, division: str = "") -> tuple[tuple[str, ...], list[Notice]]:
    """A division's cost centres for the given slugs, in the report's order; unknown slugs become notices."""
    known = area_slugs(dataset, division)
    wanted, notices = set(), []
    for slug in _as_list(slugs):
        if slug in known:
            wanted.add(known[slug])
        elif slug:
            notices.append(Notice("unknown_area", {"value": slug}))
    return tuple(a for a in known.values() if a in wanted), notices


def read_query(dataset: Dataset, query: Mapping[str, object], default_lang: str) -> tuple[str, Selection, list[Notice]]:
    """A link's parameters (`division`; `area`, repeatable; `lang`, `group`, `measure`, `bridge`) → view state."""
    notices: list[Notice] = []
    langs = (default_lang, *(lang for lang in LANGUAGES if lang != default_lang))
    lang = choose("lang", query.get("lang"), langs, notices)
    selection, selection_notices = resolve_selection(
        dataset, query.get("division"), query.get("area"), query.get("group"), query.get("measure"), query.get("bridge")
    )
    return lang, selection, notices + selection_notices


def resolve_selection(
    dataset: Dataset, division: object, area_slugs: object, group: object, measure: object, bridge_by: object
) -> tuple[Selection, list[Notice]]:
    """The controls' or a link's values as a selection; each unknown value falls back with a notice."""
    notices: list[Notice] = []
    division = resolve_division(dataset, division, notices)
    areas, area_notices = resolve_areas(dataset, area_slugs, division)
    notices += area_notices
    selection = Selection(
        division=division,
        areas=areas,
        group=choose("group", group, GROUPS, notices),
        measure=choose("measure", measure, MEASURES, notices),
        bridge_by=choose("bridge", bridge_by, BRIDGE_BY, notices),
    )
    return selection, notices


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
    by_area = _Frame()  # compare() per cost centre in scope
    exceptions = _Frame()  # find_exceptions() of by_area
    bridge = _Frame()  # variance_bridge()
    rounding = _Frame()  # the report's rounding differences in the tables shown
    descriptions = _Frame()  # what the selected cost centres do
    commentary = _Frame()  # the report's finance commentary on them

    def columns(self, table: str) -> Mapping[str, np.ndarray]:
        return self.tables[table].columns

    @property
    def kpis(self) -> list[Kpi]:
        return kpis(self.columns("statement"))


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
)


def kpis(statement: pd.DataFrame | Mapping[str, np.ndarray]) -> list[Kpi]:
    """Expenses, income and net (operating margin), display-signed, where the statement has them."""
    shown = display_arrays(statement, KPI_FIGURES)
    row_of = {line: i for i, line in enumerate(shown["line_item"])}
    return [
        Kpi(key=key, line_item=line, **{name: float(shown[name][row_of[line]]) for name in KPI_FIGURES})
        for key, line in (("expenses", EXPENSE_TOTAL), ("income", INCOME_TOTAL), ("net", NET_LINE))
        if line in row_of
    ]


def find_exceptions(by_area: pd.DataFrame, threshold_pp: float = AHEAD_OF_PACE_PP) -> pd.DataFrame:
    """Lines ahead of pace by more than `threshold_pp`, income behind pace, or costs with no budget.

    Ranked by euro impact: the distance from pace in euros (the whole figure where there is no budget).
    """
    table = by_area[by_area["current"].notna()]
    deviation = table["pace_deviation_pp"]
    income = table["line_item"].map(is_income).astype(bool)
    cost = table["line_item"].map(is_cost).astype(bool)
    no_budget = cost & (table["budget"].fillna(0) == 0) & (table["current"] != 0)
    reason = pd.Series(
        np.select(
            [deviation > threshold_pp, income & (deviation < 0), no_budget],
            ["ahead", "income_behind", "no_budget"],
            default="",
        ),
        index=table.index,
    )
    found = table.assign(reason=reason, impact_eur=table["pace_deviation_eur"].abs())
    found = found[found["reason"] != ""]
    return found.sort_values("impact_eur", ascending=False, kind="stable").reset_index(drop=True)


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


def division_figures(dataset: Dataset, division: str) -> DivisionFigures:
    """The shared part of every finance view of `division` (see `DivisionFigures`)."""
    finance = dataset.finance[dataset.finance["division"] == division]
    cost_centres = tuple(dataset.cost_centres_by_division.get(division, ()))
    areas = finance[finance["service_area"].isin(cost_centres)]
    by_area = compare(areas, dataset.periods, by=["service_area"])
    rounding = dataset.reconciliation.rounding
    descriptions = dataset.service_areas[dataset.service_areas["division"] == division]
    commentary = dataset.commentary
    commentary = commentary[(commentary["division"] == division) & (commentary["topic"] == "finance")]
    return DivisionFigures(
        division=division,
        cost_centres=cost_centres,
        own_statement=ViewTable.of(compare(select_statement(finance, division), dataset.periods)),
        area_values=group_values(by_area, "service_area"),  # its period values: no second pass over the rows
        by_area=AreaRows(by_area),
        exceptions=AreaRows(find_exceptions(by_area)),
        rounding=AreaRows(rounding[rounding["division"] == division]),
        descriptions=AreaRows(descriptions.sort_values(["service_area", "paragraph"])),
        commentary=AreaRows(commentary.sort_values(["service_area", "paragraph"])),
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
    texts_for = list(selection.areas) or [""]  # a cost centre's own, or the division table's
    tables = {
        "statement": statement,
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
