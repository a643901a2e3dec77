"""The finance view's results: links → selections, exceptions, KPI signs, bridge, rounding notes."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from dashboard.analysis.exceptions import MATERIAL_EUR, find_exceptions
from dashboard.analysis.finance_view import (
    AREAS_IN_A_CHART,
    OTHER_AREAS,
    Selection,
    build_finance_view,
    division_figures,
)
from dashboard.analysis.lines import EXPENSE_TOTAL, INCOME_TOTAL, group_lines, is_cost
from dashboard.analysis.metrics import compare, select_statement
from dashboard.store.dataset import ALL_DIVISIONS
from dashboard.store.files import DEFAULT_DATA_DIR
from dashboard.store.library import load_dataset
from dashboard.store.names import slugify
from dashboard.store.statement import LINE_BY_NAME, Section
from dashboard.web.query import read_query


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
        ("Kehittämispalvelut", "Palvelujen ostot", 84.48),
    ],
)
def test_seed_overspends_are_unfavourable_exceptions_with_the_reports_rate(dataset, area, line, printed_pct):
    exceptions = build_finance_view(dataset, Selection()).exceptions
    row = exceptions[(exceptions["service_area"] == area) & (exceptions["line_item"] == line)]
    assert len(row) == 1
    assert row["realisation_pct"].iloc[0] == printed_pct  # the report's printed rate, not recomputed
    assert row["reason"].iloc[0] == "cost_ahead" and not row["favourable"].iloc[0]


def test_one_overspend_is_listed_once_and_good_news_is_favourable(dataset):
    """Vaalit's overspend is its line items, not again as Toimintakulut, Toimintakate and the result;
    its election grant ahead of pace is good news, not an overspend."""
    exceptions = build_finance_view(dataset, Selection(areas=("Vaalit",))).exceptions
    lines = exceptions["line_item"].tolist()
    assert "Henkilöstökulut" in lines
    assert not {"Toimintakulut", "Toimintakate", "Vuosikate", "Tilikauden tulos"} & set(lines)
    grant = exceptions[exceptions["line_item"] == "Tuet ja avustukset"]
    assert grant["reason"].tolist() == ["income_ahead"] and grant["favourable"].all()


def test_exceptions_are_ranked_by_signed_effect_most_unfavourable_first(dataset):
    exceptions = build_finance_view(dataset, Selection()).exceptions
    assert exceptions["effect_eur"].is_monotonic_increasing
    assert (exceptions["favourable"] == (exceptions["effect_eur"] > 0)).all()
    assert (exceptions["effect_eur"].abs() >= MATERIAL_EUR).all()
    assert exceptions["favourable"].any() and not exceptions["favourable"].all()


def test_exception_rules_on_a_small_frame():
    frame = pd.DataFrame(
        {
            "service_area": ["A"] * 6,
            "line_item": [
                "Henkilöstökulut",
                "Myyntituotot",
                "Palvelujen ostot",
                "Avustukset",
                "Maksutuotot",
                "Toimintakulut",
            ],
            "current": [-8000.0, 1000.0, -7000.0, -5000.0, 9000.0, -20000.0],
            "budget": [-10000.0, 10000.0, -10000.0, 0.0, 10000.0, -20000.0],
            "pace_deviation_pp": [5.1, -65.0, -5.0, float("nan"), 15.0, 25.0],
            "pace_deviation_eur": [-510.0, -6500.0, 500.0, -5000.0, 1500.0, -5000.0],
        }
    )
    found = find_exceptions(frame)
    # Henkilöstökulut is off pace but below the euro threshold; Palvelujen ostot within 5 points;
    # Toimintakulut is left out because one of its lines (Avustukset) is listed.
    assert found["line_item"].tolist() == ["Myyntituotot", "Avustukset", "Maksutuotot"]
    assert found["reason"].tolist() == ["income_behind", "cost_no_budget", "income_ahead"]
    assert found["favourable"].tolist() == [False, False, True]
    alone = find_exceptions(frame[frame["line_item"] == "Toimintakulut"])
    assert alone["line_item"].tolist() == ["Toimintakulut"] and alone["reason"].tolist() == ["cost_ahead"]


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


SUMMED = ["line_item", "current", "prior", "last_full_year", "budget", "change_eur", "change_pct", "derived"]


def assert_same_figures(view, statement: pd.DataFrame, by_area: pd.DataFrame) -> None:
    """The view's figures are the rows' figures; a selection's forecast is its cost centres' summed."""
    pd.testing.assert_frame_equal(view.statement[SUMMED], statement[SUMMED], check_exact=True)
    pd.testing.assert_frame_equal(view.by_area[["service_area", *SUMMED]], by_area[["service_area", *SUMMED]])
    if view.selection.areas:
        summed = view.by_area.groupby("line_item", sort=False)["forecast"].sum()
        shown = view.statement.set_index("line_item")["forecast"]
        assert np.allclose(shown.to_numpy(), summed.reindex(shown.index).to_numpy(), rtol=0, atol=1e-6)


@pytest.mark.parametrize("count", [0, 1, 2, 7])
def test_a_selection_is_computed_from_the_divisions_shared_figures_as_from_its_rows(dataset, count):
    """The statement sums the cost centres' figures and computes the metrics after: the same table."""
    figures = division_figures(dataset, dataset.report.division)
    for areas in itertools.islice(itertools.combinations(dataset.cost_centres, count), 8):
        view = build_finance_view(dataset, Selection(areas=areas), figures)
        statement, by_area = _from_scratch(dataset, dataset.report.division, areas)
        assert_same_figures(view, statement, by_area)
        assert view.areas_in_scope == (areas or tuple(dataset.cost_centres))


def test_a_views_frames_are_its_columns(dataset):
    view = build_finance_view(dataset, Selection(areas=(dataset.cost_centres[1],)))
    for name, table in view.tables.items():
        frame = getattr(view, name)
        assert list(frame.columns) == list(table.columns), name
        for column, values in table.columns.items():
            assert frame[column].tolist() == values.tolist() or frame[column].isna().any(), (name, column)
    assert view.statement is view.statement  # built once


def test_each_division_of_a_city_ledger_shows_its_own_figures(city):
    divisions = [d for d in city.cost_centres_by_division if d != ALL_DIVISIONS]
    assert len(divisions) == 3
    for division in divisions:
        own = city.cost_centres_by_division[division]
        for areas in [(), own[:1], own[-2:]]:
            view = build_finance_view(city, Selection(division=division, areas=areas))
            statement, by_area = _from_scratch(city, division, areas)
            assert view.division == division and view.areas_in_scope == (areas or own)
            assert_same_figures(view, statement, by_area)
            assert set(view.by_area["service_area"]) == set(areas or own)


def test_the_view_of_all_divisions_sums_each_divisions_default_view(city):
    divisions = [d for d in city.cost_centres_by_division if d != ALL_DIVISIONS]
    whole = build_finance_view(city, Selection(division=ALL_DIVISIONS))
    assert whole.areas_in_scope == tuple(divisions)  # each division is one part of the whole
    each = [build_finance_view(city, Selection(division=d)).statement.set_index("line_item") for d in divisions]
    summed = whole.statement.set_index("line_item")
    for column in ("current", "prior", "budget", "last_full_year", "forecast"):
        expected = sum(view[column] for view in each)
        assert (summed[column] - expected.reindex(summed.index)).abs().max() < 1e-6, column
    # A division's row in the whole is that division's own statement.
    # A division's row in the whole is what that division's own view shows: its figures, its forecast
    # and its realisation % (the report's printed TOT-%).
    for column in ("current", "forecast", "realisation_pct"):
        by_division = whole.by_area.set_index(["service_area", "line_item"])[column]
        for division, view in zip(divisions, each, strict=True):
            shown = by_division.loc[division]
            assert (shown - view[column].reindex(shown.index)).abs().max() < 1e-6, (division, column)


def test_all_divisions_of_a_library_date_sum_what_each_divisions_page_says(library):
    september = max(library.dates)
    dataset = library.dataset(september)
    whole = build_finance_view(dataset, Selection(division=ALL_DIVISIONS))
    pages = {d: build_finance_view(library.dataset(september, d), Selection()) for d in whole.areas_in_scope}
    assert set(pages) == {"Yhteiset palvelut", "Testitoimiala"}
    for kpi in whole.kpis:
        parts = [next(k for k in page.kpis if k.key == kpi.key) for page in pages.values()]
        assert abs(kpi.current - sum(p.current for p in parts)) < 1e-6
        assert abs(kpi.forecast - sum(p.forecast for p in parts)) < 1e-6
    rows = whole.by_area.set_index(["service_area", "line_item"])
    for division, page in pages.items():
        for kpi in page.kpis:  # the printed TOT-% the division's own page shows
            assert rows.loc[(division, kpi.line_item), "realisation_pct"] == pytest.approx(kpi.realisation_pct)


def test_a_chart_draws_the_largest_cost_centres_and_the_rest_as_one_row(wide_city):
    division = next(iter(wide_city.cost_centres_by_division))
    view = build_finance_view(wide_city, Selection(division=division))
    drawn = view.chart_areas[view.chart_areas["line_item"] == EXPENSE_TOTAL]
    every = view.by_area[view.by_area["line_item"] == EXPENSE_TOTAL]
    assert len(every) == 15 and len(drawn) == AREAS_IN_A_CHART + 1
    kept, others = drawn.iloc[:-1], drawn.iloc[-1]
    assert others["service_area"] == OTHER_AREAS and others["areas"] == 15 - AREAS_IN_A_CHART
    # The largest, in the report's order, with their own figures.
    size = every[["current", "prior", "budget"]].abs().max(axis=1)
    largest = every.loc[size.sort_values(ascending=False, kind="stable").index[:AREAS_IN_A_CHART]]
    assert kept["service_area"].tolist() == every["service_area"][every.index.isin(largest.index)].tolist()
    assert (kept["current"].to_numpy() == largest.sort_index()["current"].to_numpy()).all()
    # The rest: a selection of exactly those cost centres, as its statement computes it.
    rest = tuple(a for a in every["service_area"] if a not in set(kept["service_area"]))
    alone = build_finance_view(wide_city, Selection(division=division, areas=rest)).statement
    alone = alone[alone["line_item"] == EXPENSE_TOTAL].iloc[0]
    for column in ("current", "prior", "budget", "forecast", "realisation_pct", "pace_deviation_pp"):
        assert others[column] == pytest.approx(alone[column]), column


def test_every_cost_centre_is_drawn_where_there_are_few(dataset):
    view = build_finance_view(dataset, Selection())
    for line in (EXPENSE_TOTAL, INCOME_TOTAL):
        drawn = view.chart_areas[view.chart_areas["line_item"] == line].drop(columns="areas")
        every = view.by_area[view.by_area["line_item"] == line]
        pd.testing.assert_frame_equal(drawn.reset_index(drop=True), every.reset_index(drop=True))
