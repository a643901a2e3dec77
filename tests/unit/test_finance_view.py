"""The finance view's results: links → selections, exceptions, KPI signs, bridge, rounding notes."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from benchmarks.make_ledger import write_ledger
from dashboard.data import DEFAULT_DATA_DIR, load_dataset
from dashboard.finance_view import (
    EXPENSE_TOTAL,
    INCOME_TOTAL,
    Selection,
    build_finance_view,
    division_figures,
    find_exceptions,
    group_lines,
    is_cost,
    read_query,
)
from dashboard.metrics import compare, select_statement
from dashboard.report_parser import slugify
from dashboard.statement import LINE_BY_NAME, Section


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DEFAULT_DATA_DIR)


def test_query_with_known_and_unknown_values(dataset):
    area = dataset.cost_centres[2]
    lang, selection, notices = read_query(dataset, {"area": [slugify(area), "nope"], "lang": "sv"}, "fi")
    assert lang == "fi" and selection.areas == (area,)
    assert {n.key for n in notices} == {"unknown_area", "unknown_param"}


def test_empty_query_is_the_whole_division(dataset):
    lang, selection, notices = read_query(dataset, {}, "en")
    assert (lang, selection, notices) == ("en", Selection(), [])


def test_areas_keep_the_report_order(dataset):
    slugs = [slugify(a) for a in reversed(dataset.cost_centres)]
    _, selection, _ = read_query(dataset, {"area": slugs}, "fi")
    assert selection.areas == tuple(dataset.cost_centres)


def test_groups_cover_income_and_costs():
    assert INCOME_TOTAL in group_lines("income")
    assert EXPENSE_TOTAL in group_lines("expenses")
    assert all(is_cost(line) for line in group_lines("expenses"))
    assert not any(LINE_BY_NAME[line].section is Section.EXPENSE for line in group_lines("margins"))


def test_kpis_show_costs_as_positive_figures(dataset):
    view = build_finance_view(dataset, Selection())
    statement = view.statement.set_index("line_item")
    kpis = {k.key: k for k in view.kpis}
    assert kpis["expenses"].current == -statement.at[EXPENSE_TOTAL, "current"] > 0
    assert kpis["expenses"].change_eur == -statement.at[EXPENSE_TOTAL, "change_eur"]
    assert kpis["income"].current == statement.at[INCOME_TOTAL, "current"]


# Golden: the seed report's own TOT-24 % for lines far ahead of pace.
@pytest.mark.parametrize(
    ("area", "line", "printed_pct"),
    [
        ("Henkilöstöpalvelut", "Muut toimintakulut", 544.0),
        ("Talouspalvelut", "Poistot ja arvonalentumiset", 266.86),
        ("Vaalit", "Toimintakulut", 146.2),
    ],
)
def test_seed_exceptions_are_found(dataset, area, line, printed_pct):
    exceptions = build_finance_view(dataset, Selection()).exceptions
    row = exceptions[(exceptions["service_area"] == area) & (exceptions["line_item"] == line)]
    assert len(row) == 1
    assert row["realisation_pct"].iloc[0] == pytest.approx(printed_pct, abs=0.01)
    assert row["reason"].iloc[0] == "ahead"


def test_exceptions_are_ranked_by_euro_impact(dataset):
    exceptions = build_finance_view(dataset, Selection()).exceptions
    assert exceptions["impact_eur"].is_monotonic_decreasing
    assert len(exceptions) > 0


def test_exception_rules_on_a_small_frame():
    frame = pd.DataFrame(
        {
            "service_area": ["A", "A", "A", "A"],
            "line_item": ["Henkilöstökulut", "Myyntituotot", "Palvelujen ostot", "Avustukset"],
            "current": [-80.0, 10.0, -70.0, -5.0],
            "budget": [-100.0, 100.0, -100.0, 0.0],
            "pace_deviation_pp": [5.0, -65.0, -5.0, float("nan")],
            "pace_deviation_eur": [-5.0, -65.0, 5.0, -5.0],
        }
    )
    found = find_exceptions(frame.assign(pace_deviation_pp=[5.1, -65.0, -5.0, float("nan")]))
    assert list(found["reason"]) == ["income_behind", "ahead", "no_budget"]
    assert find_exceptions(frame)["line_item"].tolist() == ["Myyntituotot", "Avustukset"]


def test_rounding_notes_follow_the_selection(dataset):
    rounding = dataset.reconciliation.rounding
    division_view = build_finance_view(dataset, Selection())
    assert len(division_view.rounding) == (rounding["service_area"] == "").sum()
    area = dataset.cost_centres[0]
    area_view = build_finance_view(dataset, Selection(areas=(area,)))
    assert set(area_view.rounding["service_area"]) <= {area}
    assert len(area_view.rounding) == (rounding["service_area"] == area).sum()


def _from_scratch(dataset, division: str, areas: tuple[str, ...]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The statement and the by-area table as compare() gives them from the division's rows."""
    finance = dataset.finance[dataset.finance["division"] == division]
    statement = compare(select_statement(finance, division, areas), dataset.periods)
    in_scope = areas or dataset.cost_centres_by_division[division]
    by_area = compare(finance[finance["service_area"].isin(in_scope)], dataset.periods, by=["service_area"])
    return statement, by_area


@pytest.mark.parametrize("count", [0, 1, 2, 7])
def test_a_selection_is_computed_from_the_divisions_shared_figures_as_from_its_rows(dataset, count):
    """The statement sums the cost centres' figures and computes the metrics after: the same table."""
    figures = division_figures(dataset, dataset.report.division)
    for areas in itertools.islice(itertools.combinations(dataset.cost_centres, count), 8):
        view = build_finance_view(dataset, Selection(areas=areas), figures)
        statement, by_area = _from_scratch(dataset, dataset.report.division, areas)
        pd.testing.assert_frame_equal(view.statement, statement, check_exact=True)
        pd.testing.assert_frame_equal(view.by_area, by_area, check_exact=True)
        pd.testing.assert_frame_equal(view.exceptions, find_exceptions(by_area), check_exact=True)
        assert view.areas_in_scope == (areas or tuple(dataset.cost_centres))


def test_a_views_frames_are_its_columns(dataset):
    view = build_finance_view(dataset, Selection(areas=(dataset.cost_centres[1],)))
    for name, table in view.tables.items():
        frame = getattr(view, name)
        assert list(frame.columns) == list(table.columns), name
        for column, values in table.columns.items():
            assert frame[column].tolist() == values.tolist() or frame[column].isna().any(), (name, column)
    assert view.statement is view.statement  # built once


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    """A small city-wide ledger: three divisions with their own cost centres."""
    folder = tmp_path_factory.mktemp("city")
    write_ledger(folder, n_divisions=3, n_centres=9, n_years=2)
    return load_dataset(folder)


def test_each_division_of_a_city_ledger_shows_its_own_figures(city):
    divisions = list(city.cost_centres_by_division)
    assert len(divisions) == 3
    for division in divisions:
        own = city.cost_centres_by_division[division]
        for areas in [(), own[:1], own[-2:]]:
            view = build_finance_view(city, Selection(division=division, areas=areas))
            statement, by_area = _from_scratch(city, division, areas)
            assert view.division == division and view.areas_in_scope == (areas or own)
            pd.testing.assert_frame_equal(view.statement, statement, check_exact=True)
            pd.testing.assert_frame_equal(view.by_area, by_area, check_exact=True)
            assert set(view.by_area["service_area"]) == set(areas or own)
