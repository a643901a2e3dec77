"""The finance view's results: what the page shows for one selection, computed before drawing.

`build_finance_view(dataset, selection)` turns the tidy data and a selection (cost centres, line
group, measure) into a frozen `FinanceView` of result frames; figure builders and layouts only
draw those. `read_query()` turns a link's query string into a selection plus notices for values
it had to ignore. Frames keep the report's signs; `to_display()` turns costs into positive figures
for the views that show them so (see `dashboard.metrics` on signs).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.data import Dataset
from dashboard.metrics import compare, select_statement
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


@dataclass(frozen=True)
class Selection:
    areas: tuple[str, ...] = ()  # cost centres; empty = the whole division
    group: str = GROUPS[0]
    measure: str = MEASURES[0]
    bridge_by: str = BRIDGE_BY[0]


@dataclass(frozen=True)
class Notice:
    """A value from a link or a control that was ignored; `key` names the i18n text."""

    key: str
    values: Mapping[str, str] = field(default_factory=dict)


def area_slugs(dataset: Dataset) -> dict[str, str]:
    """slug → cost centre name, for the cost centres in the data."""
    return {slugify(name): name for name in dataset.cost_centres}


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


def resolve_areas(dataset: Dataset, slugs: object) -> tuple[tuple[str, ...], list[Notice]]:
    """Cost centres for the given slugs, in the report's order; unknown slugs become notices."""
    known = area_slugs(dataset)
    wanted, notices = [], []
    for slug in _as_list(slugs):
        if slug in known:
            wanted.append(known[slug])
        elif slug:
            notices.append(Notice("unknown_area", {"value": slug}))
    return tuple(a for a in dataset.cost_centres if a in wanted), notices


def read_query(dataset: Dataset, query: Mapping[str, object], default_lang: str) -> tuple[str, Selection, list[Notice]]:
    """A link's parameters (`area`, repeatable; `lang`, `group`, `measure`, `bridge`) → view state."""
    notices: list[Notice] = []
    langs = (default_lang, *(lang for lang in LANGUAGES if lang != default_lang))
    lang = choose("lang", query.get("lang"), langs, notices)
    areas, area_notices = resolve_areas(dataset, query.get("area"))
    notices += area_notices
    selection = Selection(
        areas=areas,
        group=choose("group", query.get("group"), GROUPS, notices),
        measure=choose("measure", query.get("measure"), MEASURES, notices),
        bridge_by=choose("bridge", query.get("bridge"), BRIDGE_BY, notices),
    )
    return lang, selection, notices


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


@dataclass(frozen=True)
class FinanceView:
    selection: Selection
    division: str
    periods: ComparisonPeriods
    areas_in_scope: tuple[str, ...]  # the selected cost centres, or all of them
    statement: pd.DataFrame  # compare() of the selection's statement, report's signs
    by_area: pd.DataFrame  # compare() per cost centre in scope, report's signs
    exceptions: pd.DataFrame
    bridge: pd.DataFrame
    rounding: pd.DataFrame
    descriptions: pd.DataFrame
    commentary: pd.DataFrame

    @property
    def kpis(self) -> list[Kpi]:
        return kpis(self.statement)


def kpis(statement: pd.DataFrame) -> list[Kpi]:
    """Expenses, income and net (operating margin), display-signed, where the statement has them."""
    shown = to_display(statement).set_index("line_item")
    out = []
    for key, line in (("expenses", EXPENSE_TOTAL), ("income", INCOME_TOTAL), ("net", NET_LINE)):
        if line not in shown.index:
            continue
        row = shown.loc[line]
        out.append(
            Kpi(
                key=key,
                line_item=line,
                **{
                    name: float(row[name])
                    for name in (
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
                },
            )
        )
    return out


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


def variance_bridge(statement: pd.DataFrame, by_area: pd.DataFrame, by: str, line: str = RESULT_LINE) -> pd.DataFrame:
    """Steps from last year's figure to this year's for `line`: by line item or by cost centre.

    Rows: kind start, step (one per line item or cost centre), rounding (where the printed total
    differs from its parts), end. Euros keep the report's signs: a positive step improves the result.
    """
    total = statement.set_index("line_item")
    if line not in total.index:
        return pd.DataFrame(columns=["key", "kind", "eur"])
    start, end = float(total.at[line, "prior"]), float(total.at[line, "current"])
    if by == "area":
        rows = by_area[by_area["line_item"] == line]
        steps = list(zip(rows["service_area"], rows["change_eur"].fillna(0), strict=True))
    else:
        subtotals = {name for name, _ in SUBTOTAL_FORMULAS}
        cut = LINE_ORDER[line]
        rows = statement[~statement["line_item"].isin(subtotals) & (statement["line_item"].map(LINE_ORDER) < cut)]
        steps = list(zip(rows["line_item"], rows["change_eur"].fillna(0), strict=True))
    frame = pd.DataFrame(
        [("start", "start", start)] + [(key, "step", float(eur)) for key, eur in steps], columns=["key", "kind", "eur"]
    )
    residual = end - start - frame.loc[frame["kind"] == "step", "eur"].sum()
    if abs(residual) >= 0.5:
        frame.loc[len(frame)] = ("rounding", "rounding", residual)
    frame.loc[len(frame)] = ("end", "end", end)
    return frame


def compare_by_area(dataset: Dataset) -> pd.DataFrame:
    """compare() per cost centre of the division, for every cost centre: a selection's rows are a subset."""
    division = dataset.report.division
    finance = dataset.finance[dataset.finance["division"] == division]
    return compare(finance[finance["service_area"].isin(dataset.cost_centres)], dataset.periods, by=["service_area"])


def build_finance_view(dataset: Dataset, selection: Selection, all_areas: pd.DataFrame | None = None) -> FinanceView:
    """Everything the finance page shows for `selection`, computed once.

    `all_areas`, if given, is `compare_by_area(dataset)` computed earlier (each cost centre's
    figures do not depend on which others are selected), so a caller may compute it once.
    """
    division = dataset.report.division
    finance = dataset.finance[dataset.finance["division"] == division]
    scope = selection.areas or tuple(dataset.cost_centres)
    statement = compare(select_statement(finance, division, selection.areas), dataset.periods)
    if all_areas is None:
        by_area = compare(finance[finance["service_area"].isin(scope)], dataset.periods, by=["service_area"])
    else:
        by_area = all_areas[all_areas["service_area"].isin(scope)].reset_index(drop=True)
    tables = list(selection.areas) or [""]
    rounding = dataset.reconciliation.rounding
    rounding = rounding[(rounding["division"] == division) & rounding["service_area"].isin(tables)]
    texts_for = list(selection.areas) or [""]
    descriptions = dataset.service_areas[
        (dataset.service_areas["division"] == division) & dataset.service_areas["service_area"].isin(texts_for)
    ]
    commentary = dataset.commentary[
        (dataset.commentary["division"] == division)
        & dataset.commentary["service_area"].isin(texts_for)
        & (dataset.commentary["topic"] == "finance")
    ]
    return FinanceView(
        selection=selection,
        division=division,
        periods=dataset.periods,
        areas_in_scope=scope,
        statement=statement,
        by_area=by_area,
        exceptions=find_exceptions(by_area),
        bridge=variance_bridge(statement, by_area, selection.bridge_by),
        rounding=rounding.reset_index(drop=True),
        descriptions=descriptions.sort_values(["service_area", "paragraph"]).reset_index(drop=True),
        commentary=commentary.sort_values(["service_area", "paragraph"]).reset_index(drop=True),
    )
