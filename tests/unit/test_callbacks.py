"""The page callback as a plain function: every output, for good and for bad input."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from dashboard import ids
from dashboard.callbacks import OUTPUTS, update_finance_view
from dashboard.data import DEFAULT_DATA_DIR, load_dataset
from dashboard.report_parser import slugify
from tests.conftest import text_of


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DEFAULT_DATA_DIR)


def test_default_view_fills_every_output(dataset):
    result = update_finance_view(dataset, [], "expenses", "eur", "line", "fi")
    assert list(result) == OUTPUTS
    assert result[(ids.INPUT_NOTICE, "children")] == []
    for chart_id in (ids.LINE_CHART, ids.AREA_CHART, ids.PACE_CHART, ids.BRIDGE_CHART, ids.FORECAST_CHART):
        assert isinstance(result[(chart_id, "figure")], go.Figure)
        assert result[(chart_id, "style")]["height"].endswith("px")
    assert dataset.report.division in result[(ids.SELECTION_HEADING, "children")]


def test_one_area_narrows_the_charts_and_texts(dataset):
    area = dataset.cost_centres[1]
    result = update_finance_view(dataset, [slugify(area)], "income", "pct", "area", "fi")
    figure = result[(ids.AREA_CHART, "figure")]
    assert list(figure.data[0].y) == [area]
    assert area in text_of(result[(ids.AREA_TEXTS, "children")])
    assert list(result[(ids.BRIDGE_CHART, "figure")].data[0].y)[1:-1] == [area]


def test_unknown_values_give_a_notice_and_the_default_view(dataset):
    result = update_finance_view(dataset, ["nope", 3], "bogus", None, ["line", "x"], "xx")
    notice = text_of(result[(ids.INPUT_NOTICE, "children")])
    assert "nope" in notice and "bogus" in notice
    assert list(result[(ids.AREA_CHART, "figure")].data[0].y) == dataset.cost_centres


def test_english_view_translates_line_items(dataset):
    result = update_finance_view(dataset, None, "expenses", "eur", "line", "en")
    assert "Operating expenses" in list(result[(ids.LINE_CHART, "figure")].data[0].y)
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
