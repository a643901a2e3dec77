"""The page callback as a plain function: every output, for good and for bad input."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest
from plotly.io.json import to_json_plotly

from benchmarks.make_ledger import write_ledger
from dashboard.analysis.development import development
from dashboard.analysis.finance_view import Selection, build_finance_view
from dashboard.presentation.texts import org_name
from dashboard.store.files import DEFAULT_DATA_DIR
from dashboard.store.library import load_dataset, load_library
from dashboard.store.names import slugify
from dashboard.web import ids
from dashboard.web.callbacks import (
    OUTPUTS,
    _cached_division,
    _cached_outputs,
    _cached_view,
    _render_outputs,
    prepare_area_views,
    update_finance_view,
)
from tests.fixtures import text_of


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DEFAULT_DATA_DIR)


def test_default_view_fills_every_output(dataset):
    result = update_finance_view(dataset, [], "expenses", "eur", "line", "fi")
    assert list(result) == OUTPUTS
    assert result[(ids.INPUT_NOTICE, "children")] == []
    for chart_id in (ids.LINE_CHART, ids.AREA_CHART, ids.PACE_CHART, ids.BRIDGE_CHART, ids.FORECAST_CHART):
        figure = go.Figure(result[(chart_id, "figure")])  # a plain dict, valid for plotly
        assert figure.layout.height > 0  # the chart's box takes it before the chart draws
    assert dataset.report.division in result[(ids.SELECTION_HEADING, "children")]


def test_one_area_narrows_the_charts_and_texts(dataset):
    area = dataset.cost_centres[1]
    result = update_finance_view(dataset, [slugify(area)], "income", "pct", "area", "fi")
    figure = result[(ids.AREA_CHART, "figure")]
    assert list(figure["data"][0]["y"]) == [area]
    assert area in text_of(result[(ids.AREA_TEXTS, "children")])
    assert list(result[(ids.BRIDGE_CHART, "figure")]["data"][0]["y"])[1:-1] == [area]


def test_unknown_values_give_a_notice_and_the_default_view(dataset):
    result = update_finance_view(dataset, ["nope", 3], "bogus", None, ["line", "x"], "xx")
    notice = text_of(result[(ids.INPUT_NOTICE, "children")])
    assert "nope" in notice and "bogus" in notice
    assert list(result[(ids.AREA_CHART, "figure")]["data"][0]["y"]) == dataset.cost_centres


def test_english_view_translates_line_items(dataset):
    result = update_finance_view(dataset, None, "expenses", "eur", "line", "en")
    bars = list(result[(ids.LINE_CHART, "figure")]["data"][0]["y"])
    assert "Personnel expenses" in bars
    # The total is not a bar among its own items: the sentence names it.
    assert "Operating expenses" not in bars
    assert "Operating expenses" in text_of(result[(ids.head_id(ids.LINE_CHART), "children")])
    assert "Income statement" in text_of(result[(ids.STATEMENT_TABLE, "children")])


def test_statement_table_marks_derived_rows(dataset):
    derived_area = dataset.finance.loc[dataset.finance["derived"], "service_area"].iloc[0]
    result = update_finance_view(dataset, [slugify(derived_area)], "expenses", "eur", "line", "fi")
    statement = result[(ids.STATEMENT_TABLE, "children")]
    assert "johdettu" in text_of(statement)


def test_rounding_note_lists_the_reports_differences(dataset):
    result = update_finance_view(dataset, [], "expenses", "eur", "line", "fi")
    note = result[(ids.ROUNDING_NOTE, "children")]
    rounding = dataset.reconciliation.rounding
    assert f"({(rounding['service_area'] == '').sum()})" in text_of(note)


def test_a_new_selection_is_drawn_as_computed_from_scratch(dataset):
    """The cached division figures and results give what an uncached computation gives."""
    areas = (dataset.cost_centres[0], dataset.cost_centres[3])
    update_finance_view(dataset, [], "expenses", "eur", "line", "fi")  # warms the division's figures
    result = update_finance_view(dataset, [slugify(a) for a in areas], "margins", "pct", "area", "en")
    view = build_finance_view(dataset, Selection(areas=areas, group="margins", measure="pct", bridge_by="area"))
    fresh = _render_outputs(dataset, view, [], "en", development([(dataset.report, view)]))
    assert to_json_plotly([result[key] for key in OUTPUTS]) == to_json_plotly([fresh[key] for key in OUTPUTS])


def test_the_group_and_measure_reuse_the_computed_view(dataset):
    slug = slugify(dataset.cost_centres[2])
    update_finance_view(dataset, [slug], "expenses", "eur", "line", "fi")
    computed = _cached_view.cache_info().misses
    update_finance_view(dataset, [slug], "income", "pct", "line", "en")
    assert _cached_view.cache_info().misses == computed


def test_each_division_of_a_city_ledger_is_computed_once_and_drawn_with_its_own_cost_centres(tmp_path):
    write_ledger(tmp_path, n_divisions=3, n_centres=9, n_years=2)
    city = load_dataset(tmp_path)
    for division, areas in city.cost_centres_by_division.items():
        whole = update_finance_view(city, [], "expenses", "eur", "line", "fi", slugify(division))
        assert whole[(ids.AREA_CHART, "figure")]["data"][0]["y"] == [org_name(a, "fi") for a in areas]
        one = update_finance_view(city, [slugify(areas[-1])], "income", "pct", "area", "en", slugify(division))
        assert one[(ids.AREA_CHART, "figure")]["data"][0]["y"] == [org_name(areas[-1], "en")]
    assert _cached_division.cache_info().currsize == 4  # and the view of all three together


def test_each_cost_centres_view_alone_is_ready_before_its_first_tick():
    # As the page asks it: the division and the other controls as the page starts them, the
    # page's language. Computed at start, so the first tick finds it computed.
    library = load_library(DEFAULT_DATA_DIR)
    dataset = library.latest
    _cached_outputs.cache_clear()
    prepare_area_views(library, "fi")
    computed = _cached_outputs.cache_info()
    assert computed.currsize == len(dataset.cost_centres)
    for area in dataset.cost_centres:
        division = slugify(dataset.report.division)
        view = update_finance_view(dataset, [slugify(area)], "expenses", "eur", "line", "fi", division, library)
        assert view[(ids.AREA_CHART, "figure")]["data"][0]["y"] == [area]
    assert _cached_outputs.cache_info().misses == computed.misses
    assert _cached_outputs.cache_info().hits == computed.hits + len(dataset.cost_centres)
