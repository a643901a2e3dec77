"""One number per fact: for hundreds of random selections, every card, chart, sentence, table and
exported cell of a view is the number in the view's computed result (`build_finance_view`).

Expected figures are read from the computed result, never typed in; what is checked is that no
view sums, recomputes or re-parses them on its own. The seed has one division, so the selections
also run on a generated three-division ledger, where the division is part of the selection.
"""

from __future__ import annotations

import base64
import csv
import io
import math
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.analysis.finance_view import (
    AREAS_IN_A_CHART,
    BRIDGE_BY,
    GROUPS,
    MEASURES,
    OTHER_AREAS,
    Selection,
    build_finance_view,
)
from dashboard.analysis.lines import RESULT_LINE, display_sign, group_items, group_lines, headline_line
from dashboard.presentation.export_files import to_csv, to_xlsx
from dashboard.presentation.exports import finance_export
from dashboard.presentation.figures import CHART_BUILDERS, eur_axis, forecast_method_text
from dashboard.presentation.formatting import format_eur, format_pct, format_signed_eur
from dashboard.store.library import load_dataset
from dashboard.web import ids
from dashboard.web.callbacks import selection_outputs
from dashboard.web.components import Table as TableComponent
from dashboard.web.finance_layout import CHARTS
from tests.fixtures import text_of

KPI_OF_GROUP = {"expenses": "expenses", "income": "income", "margins": "net"}


@pytest.fixture(scope="module")
def seed():
    return load_dataset()


def selections(dataset):
    """Any division, any subset of its cost centres, any group, measure, bridge and language."""
    divisions = list(dataset.cost_centres_by_division)

    @st.composite
    def draw(draw_):
        division = draw_(st.sampled_from(divisions))
        areas = draw_(st.lists(st.sampled_from(dataset.cost_centres_by_division[division]), unique=True))
        selection = Selection(
            division="" if division == dataset.report.division else division,
            areas=tuple(a for a in dataset.cost_centres_by_division[division] if a in areas),
            group=draw_(st.sampled_from(GROUPS)),
            measure=draw_(st.sampled_from(MEASURES)),
            bridge_by=draw_(st.sampled_from(BRIDGE_BY)),
        )
        return selection, draw_(st.sampled_from(("fi", "en")))

    return draw()


def rows_of(view, table: str, lines, by_area: bool = False) -> dict[str, np.ndarray]:
    """The computed result's rows of `lines`, display-signed (costs positive), column by column."""
    columns = view.columns(table)
    keep = np.isin(np.asarray(columns["line_item"]), list(lines))
    out = {}
    sign = np.array([display_sign(line) for line in np.asarray(columns["line_item"])[keep]], dtype=float)
    for name, values in columns.items():
        values = np.asarray(values)[keep]
        flips = name in ("current", "prior", "budget", "forecast", "change_eur", "change_pct", "forecast_vs_budget_eur")
        out[name] = values * sign if flips else values
    return out


def same(a, b) -> bool:
    a, b = float("nan") if a is None else float(a), float("nan") if b is None else float(b)
    return (math.isnan(a) and math.isnan(b)) or abs(a - b) < 1e-6


def same_rows(a, b) -> bool:
    """Rows equal cell for cell, text as text and figures as numbers (no value equals no value)."""
    return len(a) == len(b) and all(
        len(x) == len(y)
        and all(u == v if isinstance(u, str) or isinstance(v, str) else same(u, v) for u, v in zip(x, y, strict=True))
        for x, y in zip(a, b, strict=True)
    )


def column_values(chart, header_index: int) -> list:
    return [row[header_index] for row in chart.rows]


def plotted(trace) -> list[float]:
    x = trace["x"]
    if isinstance(x, dict):
        return np.frombuffer(base64.b64decode(x["bdata"]), dtype=x["dtype"]).tolist()
    return list(x)


def check_view(dataset, selection: Selection, lang: str) -> None:
    view = build_finance_view(dataset, selection)
    outputs = selection_outputs(dataset, selection, lang)
    statement = view.columns("statement")
    line_of = {line: i for i, line in enumerate(np.asarray(statement["line_item"]))}

    # The KPI cards: each figure is the statement's, and the card prints it.
    cards = text_of(outputs[(ids.KPI_CARDS, "children")])
    kpis = {k.key: k for k in view.kpis}
    for kpi in view.kpis:
        row, sign = line_of[kpi.line_item], display_sign(kpi.line_item)
        assert same(kpi.forecast, statement["forecast"][row] * sign)
        assert same(kpi.current, statement["current"][row] * sign)
        assert same(kpi.forecast_vs_budget_eur, statement["forecast_vs_budget_eur"][row] * sign)
        assert same(kpi.realisation_pct, statement["realisation_pct"][row])
        for shown in (format_eur(kpi.current), format_eur(kpi.forecast), format_signed_eur(kpi.forecast_vs_budget_eur)):
            assert shown in cards, (shown, cards)
        assert format_pct(kpi.realisation_pct) in cards
        assert forecast_method_text(kpi.forecast_methods, view, lang) in cards

    total_line = headline_line(selection.group)
    total = rows_of(view, "statement", [total_line])
    kpi = kpis.get(KPI_OF_GROUP[selection.group])
    charts = {key: build(view, lang) for key, build in CHART_BUILDERS.items()}
    heads = {key: text_of(outputs[(ids.head_id(chart_id), "children")]) for key, chart_id in CHARTS}

    # Chart 1: the group's items, not its total; the total in the sentence is the card's.
    line = charts["line"]
    items = rows_of(view, "statement", group_items(selection.group))
    if selection.measure == "eur":
        assert all(same(a, b) for a, b in zip(column_values(line, 1), items["prior"], strict=True))
        assert all(same(a, b) for a, b in zip(column_values(line, 2), items["current"], strict=True))
        assert all(same(a, b) for a, b in zip(column_values(line, 3), items["change_eur"], strict=True))
        current_trace = line.figure["data"][1]
        divisor = eur_axis(np.concatenate([items["prior"], items["current"]]), lang).divisor
        assert all(same(a * divisor, b) for a, b in zip(plotted(current_trace), items["current"], strict=True))
        if len(total["current"]):
            assert format_eur(total["current"][0]) in line.summary
            assert format_signed_eur(total["change_eur"][0]) in line.summary
            if kpi is not None:
                assert format_eur(kpi.current) in line.summary
    else:
        assert all(same(a, b) for a, b in zip(column_values(line, 1), items["realisation_pct"], strict=True))
    if selection.group != "margins":
        assert total_line not in np.asarray(items["line_item"]).tolist()

    # Chart 2 and 5: the cost centres' own figures; the forecast sentence is the card's forecast.
    # Their tables list every cost centre; the charts draw the largest and, beyond
    # AREAS_IN_A_CHART, the rest as one bar whose figures are what those cost centres' sum to.
    by_area = rows_of(view, "by_area", [total_line])
    drawn = rows_of(view, "chart_areas", [total_line])
    others = np.asarray(drawn["service_area"]) == OTHER_AREAS
    assert len(drawn["service_area"]) == min(len(by_area["service_area"]), AREAS_IN_A_CHART + 1)
    assert others.sum() == (len(by_area["service_area"]) > AREAS_IN_A_CHART)
    assert drawn["areas"].sum() == len(by_area["service_area"])
    own = {area: i for i, area in enumerate(by_area["service_area"])}
    for column in ("current", "prior", "budget", "forecast"):
        assert same(np.nansum(drawn[column]), np.nansum(by_area[column]))
        assert all(
            same(drawn[column][i], by_area[column][own[a]]) for i, a in enumerate(drawn["service_area"]) if a in own
        )
    if others.any():
        at = int(np.flatnonzero(others)[0])
        assert same(drawn["realisation_pct"][at], drawn["current"][at] / drawn["budget"][at] * 100)
    forecast = charts["forecast"]
    assert all(same(a, b) for a, b in zip(column_values(forecast, 2), by_area["forecast"], strict=True))
    assert all(same(a, b) for a, b in zip(column_values(forecast, 3), by_area["forecast_vs_budget_eur"], strict=True))
    methods = [forecast_method_text(m, view, lang) for m in by_area["forecast_methods"]]
    assert column_values(forecast, 4) == methods
    divisor = eur_axis(np.concatenate([drawn["budget"], drawn["forecast"]]), lang).divisor
    assert all(
        same(a * divisor, b) for a, b in zip(plotted(forecast.figure["data"][1]), drawn["forecast"], strict=True)
    )
    if others.any():  # the last bar, named with how many cost centres it stands for
        assert str(int(drawn["areas"][others][0])) in forecast.figure["data"][1]["y"][-1]
    if len(total["forecast"]):
        assert format_eur(total["forecast"][0]) in forecast.summary
        assert format_signed_eur(total["forecast_vs_budget_eur"][0]) in forecast.summary
        if kpi is not None:
            assert format_eur(kpi.forecast) in forecast.summary
            assert format_signed_eur(kpi.forecast_vs_budget_eur) in forecast.summary
    if selection.measure == "eur":
        area = charts["area"]
        assert all(same(a, b) for a, b in zip(column_values(area, 2), by_area["current"], strict=True))

    # Chart 3: realisation and its deviation from pace, as computed.
    pace = charts["pace"]
    lines = rows_of(view, "statement", group_lines(selection.group))
    expected = [
        *zip(lines["realisation_pct"], lines["pace_deviation_pp"], strict=True),
        *zip(by_area["realisation_pct"], by_area["pace_deviation_pp"], strict=True),
    ]
    expected = [(r, d) for r, d in expected if r == r]
    assert same_rows([(row[1], row[2]) for row in pace.rows], expected)

    # Chart 4: from last year's result to this year's, the statement's figures.
    bridge = charts["bridge"]
    result = rows_of(view, "statement", [RESULT_LINE])
    if len(result["current"]) and bridge.rows:
        assert same(bridge.rows[0][1], result["prior"][0]) and same(bridge.rows[-1][1], result["current"][0])
        assert format_signed_eur(result["change_eur"][0]) in bridge.summary

    # Every chart's title, sentence and table alternative on the page are the chart's.
    for key, chart_id in CHARTS:
        chart = charts[key]
        assert chart.title in heads[key] and chart.summary in heads[key]
        rendered = outputs[(ids.table_id(chart_id), "children")].children
        assert isinstance(rendered, TableComponent)
        assert rendered.rows == [list(row) for row in chart.shown_rows]

    # The exports: the same tables, cell for cell, as numbers.
    export = finance_export(dataset, selection, lang)
    tables = {table.key: table for table in export.tables}
    for key, chart in charts.items():
        assert same_rows(tables[key].rows, chart.rows)
    assert same_rows([(row[2], row[8]) for row in tables["kpis"].rows], [(k.current, k.forecast) for k in view.kpis])
    assert all(
        same(row[4], current) and same(row[7], fc)
        for row, current, fc in zip(tables["statement"].rows, statement["current"], statement["forecast"], strict=True)
    )
    exceptions = view.columns("exceptions")
    effects = np.asarray(exceptions["effect_eur"], dtype=float).tolist()
    assert same_rows([(row[4],) for row in tables["exceptions"].rows], [(e,) for e in effects])
    check_files(export)


def _cell(value, column):
    """What a cell of `column` holds in the files: the figure rounded to the decimals shown."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    # Half up, as Finnish accounting rounds (68,25 → 68,3), written here apart from the product's formatter.
    shown = float(Decimal(str(float(value))).quantize(Decimal(1).scaleb(-column.decimals), rounding=ROUND_HALF_UP))
    return shown / 100 if column.kind == "pct" else shown


def check_files(export) -> None:
    """Every figure cell of the XLSX and the CSV is the table's number (as shown: rounded)."""
    workbook = openpyxl.load_workbook(io.BytesIO(to_xlsx(export)))
    for table in export.tables:
        sheet = next(ws for ws in workbook.worksheets if table.key in _sheet_tables(ws, table))
        header_row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == table.columns[0].header)
        for i, row in enumerate(table.rows, start=header_row + 1):
            for j, (value, column) in enumerate(zip(row, table.columns, strict=True), start=1):
                if column.is_figure:
                    cell = sheet.cell(i, j).value
                    expected = _cell(value, column)
                    assert (cell is None and expected is None) or abs(cell - expected) < 1e-9, (table.key, i, j)
        parsed = list(csv.reader(io.StringIO(to_csv(table).decode("utf-8-sig")), delimiter=";"))
        for row, values in zip(parsed[1:], table.rows, strict=True):
            for text, value, column in zip(row, values, table.columns, strict=True):
                if column.is_figure:
                    expected = _cell(value, column)
                    expected = expected * 100 if expected is not None and column.kind == "pct" else expected
                    got = float(text.replace(",", ".")) if text else None
                    assert (got is None and expected is None) or abs(got - expected) < 1e-6


def _sheet_tables(ws, table) -> str:
    """The keys a sheet stands for: its name is the table's name (Excel shortens it)."""
    return table.key if ws.title.lower().startswith(table.name[:20].lower()) else ""


SETTINGS = settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.parametrize("name", ["seed", "city", "wide_city"])
def test_every_view_shows_the_computed_result(name, request):
    dataset = request.getfixturevalue(name)

    @SETTINGS
    @given(selections(dataset))
    def check(drawn):
        check_view(dataset, *drawn)

    check()


def test_the_forecast_sentence_is_the_cards_on_the_default_view(seed):
    """The case a user found: the card and the forecast chart gave two forecasts for the same costs."""
    view = build_finance_view(seed, Selection())
    card = next(k for k in view.kpis if k.key == "expenses")
    chart = CHART_BUILDERS["forecast"](view, "fi")
    assert format_eur(card.forecast) in chart.summary
    assert format_signed_eur(card.forecast_vs_budget_eur) in chart.summary
