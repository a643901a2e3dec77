"""Figure builders: Finnish separators and formats, costs as positive figures, the selection's data.

The builders return plain figure dicts, which nothing validates when the page draws them; here
every chart is validated by building a `go.Figure` of it, which raises on an invalid property.
"""

from __future__ import annotations

import base64
import dataclasses
import itertools
import json

import numpy as np
import plotly.graph_objects as go
import pytest
from plotly.io.json import to_json_plotly

from dashboard.analysis.finance_view import (
    AREAS_IN_A_CHART,
    BRIDGE_BY,
    GROUPS,
    MEASURES,
    Selection,
    build_finance_view,
)
from dashboard.analysis.lines import display_sign, headline_line
from dashboard.presentation.figures import CHART_BUILDERS, SEPARATORS, eur_axis
from dashboard.presentation.formatting import NBSP, format_eur
from dashboard.presentation.texts import ORG_NAMES_EN
from dashboard.store.files import DEFAULT_DATA_DIR
from dashboard.store.library import load_dataset


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DEFAULT_DATA_DIR)


def figure(chart) -> go.Figure:
    """The chart's figure as plotly validates it (raises on any invalid property)."""
    return go.Figure(chart.figure)


def numbers(array) -> list[float]:
    """A trace's numbers; float arrays travel as plotly.js typed arrays (base64), as go.Figure sends them."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def selections(dataset) -> list[tuple[str, ...]]:
    """No cost centre, one, two (first and last, not adjacent) and every one."""
    areas = tuple(dataset.cost_centres)
    return [(), areas[:1], (areas[0], areas[-1]), areas]


def test_every_chart_is_a_valid_plotly_figure(dataset):
    for areas, group, bridge in itertools.product(selections(dataset), GROUPS, BRIDGE_BY):
        view = build_finance_view(dataset, Selection(areas=areas, group=group, bridge_by=bridge))
        for measure, lang in itertools.product(MEASURES, ("fi", "en")):
            shown = dataclasses.replace(view, selection=dataclasses.replace(view.selection, measure=measure))
            for name, builder in CHART_BUILDERS.items():
                chart = builder(shown, lang)
                where = (areas, group, measure, bridge, lang, name)
                validated = figure(chart)  # raises ValueError naming an invalid property
                assert validated.layout.height == chart.figure["layout"]["height"] >= 240, where
                assert len(validated.data) == len(chart.figure["data"]) > 0, where
                # What Dash sends the browser is what the validated figure would send.
                assert json.loads(to_json_plotly(chart.figure)) == json.loads(to_json_plotly(validated)), where


def figure_value(dataset, area: str, line: str, period) -> float:
    f = dataset.finance
    rows = f[
        (f["service_area"] == area)
        & (f["line_item"] == line)
        & (f["basis"] == period.basis)
        & (f["year"] == period.year)
        & (f["months"] == period.months)
    ]
    return float(rows["eur"].sum())


@pytest.mark.parametrize(("group", "measure", "bridge"), list(itertools.product(GROUPS, MEASURES, BRIDGE_BY)))
def test_every_figure_uses_finnish_separators(dataset, group, measure, bridge):
    view = build_finance_view(dataset, Selection(group=group, measure=measure, bridge_by=bridge))
    for name, builder in CHART_BUILDERS.items():
        chart = builder(view, "fi")
        assert figure(chart).layout.separators == "," + NBSP, name
        assert chart.title and chart.summary, name
        assert len(chart.rows) > 0 and all(len(r) == len(chart.columns) for r in chart.rows), name


def test_separators_are_comma_and_no_break_space():
    assert SEPARATORS == ",\u00a0"


def test_euro_axis_scales_to_thousands_or_millions():
    assert eur_axis([999_999.0], "fi").title == "t€"
    assert eur_axis([-1_000_000.0, 5.0], "fi").title == "milj.\u00a0€"
    assert eur_axis([float("nan")], "fi").divisor == 1e3


def test_cost_centre_chart_shows_exactly_the_selected_areas_as_costs(dataset):
    areas = (dataset.cost_centres[0], dataset.cost_centres[-1])
    view = build_finance_view(dataset, Selection(areas=areas, group="expenses"))
    chart = CHART_BUILDERS["area"](view, "fi")
    line = headline_line("expenses")
    prior, current = figure(chart).data
    assert list(current.y) == list(areas)
    expected = [format_eur(-figure_value(dataset, a, line, dataset.periods.current)) for a in areas]
    assert list(current.customdata) == expected
    assert all(x > 0 for x in numbers(current.x)), "costs are drawn as positive bars"
    assert list(prior.customdata) == [format_eur(-figure_value(dataset, a, line, dataset.periods.prior)) for a in areas]


def test_english_chart_uses_english_cost_centre_names(dataset):
    area = dataset.cost_centres[0]
    view = build_finance_view(dataset, Selection(areas=(area,)))
    chart = CHART_BUILDERS["area"](view, "en")
    assert list(figure(chart).data[0].y) == [ORG_NAMES_EN[area]]


@pytest.mark.parametrize("bridge", BRIDGE_BY)
def test_bridge_steps_add_up_from_last_year_to_this_year(dataset, bridge):
    view = build_finance_view(dataset, Selection(bridge_by=bridge))
    waterfall = figure(CHART_BUILDERS["bridge"](view, "fi")).data[0]
    measures = list(waterfall.measure)
    assert measures[0] == "absolute" and measures[-1] == "total"
    x = numbers(waterfall.x)
    steps = sum(v for v, m in zip(x, measures, strict=True) if m == "relative")
    assert x[0] + steps == pytest.approx(x[-1])
    result = view.statement.set_index("line_item")
    assert view.bridge["eur"].iloc[0] == result.at["Tilikauden tulos", "prior"]
    assert view.bridge["eur"].iloc[-1] == result.at["Tilikauden tulos", "current"]


def test_pace_chart_draws_the_pace_of_the_months_elapsed(dataset):
    view = build_finance_view(dataset, Selection())
    pace_figure = figure(CHART_BUILDERS["pace"](view, "fi"))
    pace = dataset.periods.current.months / 12 * 100
    assert [shape.x0 for shape in pace_figure.layout.shapes] == [pace]
    assert pace_figure.layout.xaxis.ticksuffix == NBSP + "%"


def test_percent_measure_shows_realisation_of_budget(dataset):
    area = dataset.cost_centres[0]
    view = build_finance_view(dataset, Selection(areas=(area,), measure="pct"))
    bars = figure(CHART_BUILDERS["area"](view, "fi")).data[0]
    line = headline_line("expenses")
    computed = figure_value(dataset, area, line, dataset.periods.current) / figure_value(
        dataset, area, line, dataset.periods.budget
    )
    printed = dataset.printed_derived
    printed = printed[
        (printed["service_area"] == area) & (printed["line_item"] == line) & (printed["measure"] == "realisation_pct")
    ]["printed"].iloc[0]
    # The report's own TOT-% is drawn; it is the computed rate, rounded as the report rounds it.
    assert numbers(bars.x)[0] == printed == pytest.approx(computed * 100, abs=0.005)
    assert bars.customdata[0].endswith(NBSP + "%") and "," in bars.customdata[0]


def test_forecast_chart_shows_budget_and_forecast_as_costs(dataset):
    view = build_finance_view(dataset, Selection())
    budget, forecast = figure(CHART_BUILDERS["forecast"](view, "fi")).data
    line = headline_line("expenses")
    assert list(budget.customdata) == [
        format_eur(display_sign(line) * figure_value(dataset, a, line, dataset.periods.budget))
        for a in dataset.cost_centres
    ]
    assert len(forecast.y) == len(dataset.cost_centres)


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_per_cost_centre_charts_draw_the_largest_and_table_them_all(wide_city, lang):
    division = next(iter(wide_city.cost_centres_by_division))
    view = build_finance_view(wide_city, Selection(division=division))
    count = len(wide_city.cost_centres_by_division[division])
    rest = count - AREAS_IN_A_CHART
    others = {"fi": f"Muut {rest} palvelualuetta", "en": f"{rest} other cost centres"}[lang]
    for key in ("area", "forecast", "pace"):
        chart = CHART_BUILDERS[key](view, lang)
        bars = chart.figure["data"][-1]["y"]
        assert bars[-1].startswith(others), key
        assert sum(label.startswith(others) for label in bars) == 1
        assert len(chart.rows) == len(bars) + rest - 1, key  # the table: one row per cost centre
        assert not any(row[0].startswith(others) for row in chart.rows)
        assert str(AREAS_IN_A_CHART) in chart.summary and str(rest) in chart.summary, chart.summary
    go.Figure(CHART_BUILDERS["area"](view, lang).figure)
