"""The year-end forecast: its leaf rules (dashboard.analysis.metrics' docstring) on small inline arrays, the
seed's hard cases, additivity across cost centres, and invariants over random statements.

Expected figures come from the bundled data (`load_dataset()`) through the rules, never typed in.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.analysis.finance_view import Selection, build_finance_view
from dashboard.analysis.forecast import (
    FORECAST_METHODS,
    VALUE_COLUMNS,
    forecast_method_names,
    leaf_rest,
    seasonal_ratio_max,
)
from dashboard.analysis.lines import leaf_lines
from dashboard.analysis.metrics import (
    compare,
    compare_own,
    compare_sum,
    compare_values,
    comparison_frame,
    group_values,
    select_statement,
)
from dashboard.store.library import load_dataset
from dashboard.store.periods import FULL_YEAR, ComparisonPeriods, Period
from dashboard.store.statement import LINE_BY_NAME, LINES, SUBTOTAL_FORMULAS, Section, formula_lines

ACTUAL, SEASONAL, BUDGET_SHARE, LINEAR = (1 << FORECAST_METHODS.index(m) for m in FORECAST_METHODS)
NAN = float("nan")
LEAVES = tuple(line.name for line in LINES if line.section is not Section.SUBTOTAL)
SUBTOTALS = tuple(name for name, _ in SUBTOTAL_FORMULAS)
INCOME_LIKE = (Section.INCOME, Section.OWN_USE)
COST_LIKE = (Section.EXPENSE, Section.DEPRECIATION)


def periods_at(months: int) -> ComparisonPeriods:
    return ComparisonPeriods(
        Period("actual", 2024, months),
        Period("actual", 2023, months),
        Period("actual", 2023, 12),
        Period("budget", 2024, 12),
    )


def one_leaf(line: str, current: float, prior: float, last_full_year: float, budget: float, months: int = 9):
    """(rest, mask) of one leaf."""
    rest, mask = leaf_rest(np.array([line], dtype=object), np.array([[current, prior, last_full_year, budget]]), months)
    return float(rest[0]), int(mask[0])


# --- The rules, on inline arrays -------------------------------------------------------------------


def test_method_bits_and_names():
    assert FORECAST_METHODS == ("actual", "seasonal", "budget_share", "linear")
    assert forecast_method_names(0) == ()
    assert forecast_method_names(SEASONAL) == ("seasonal",)
    assert forecast_method_names(LINEAR | SEASONAL | BUDGET_SHARE) == ("seasonal", "budget_share", "linear")
    assert forecast_method_names(sum(1 << i for i in range(len(FORECAST_METHODS)))) == FORECAST_METHODS


def test_seasonal_ratio_max_is_three_times_the_pace_to_date():
    assert seasonal_ratio_max(9) == 2.0
    assert seasonal_ratio_max(6) == 4.0
    for months in range(1, 12):
        rest_pace, pace = (seasonal_ratio_max(months) - 1) / (FULL_YEAR - months), 1 / months
        assert rest_pace == pytest.approx(3 * pace)


@pytest.mark.parametrize("months", [1, 3, 6, 7, 9, 11])
def test_seasonal_bounds_are_exact(months):
    """A ratio of exactly 1 and exactly the maximum are accepted; a euro beyond either is refused."""
    prior = -100.0 * months
    highest = -100.0 * (months + 3 * (FULL_YEAR - months))  # prior × the maximum, in whole euros
    assert highest / prior == pytest.approx(seasonal_ratio_max(months))
    assert one_leaf("Henkilöstökulut", -1000, prior, prior, 0, months) == (0.0, SEASONAL)  # ratio 1
    rest, mask = one_leaf("Henkilöstökulut", -1000, prior, highest, 0, months)  # the maximum
    assert mask == SEASONAL and rest == pytest.approx(-1000 * (seasonal_ratio_max(months) - 1))
    assert one_leaf("Henkilöstökulut", -1000, prior, highest + 1, 0, months)[1] == SEASONAL  # a euro less cost
    assert one_leaf("Henkilöstökulut", -1000, prior, highest - 1, 0, months)[1] == LINEAR  # just above the maximum
    assert one_leaf("Henkilöstökulut", -1000, prior, prior + 1, 0, months)[1] == LINEAR  # just below 1


def test_seasonal_at_nine_months_on_income():
    assert one_leaf("Myyntituotot", 30, 100, 200, 0) == (30.0, SEASONAL)  # ratio 2,0: the maximum
    assert one_leaf("Myyntituotot", 30, 100, 201, 0)[1] == LINEAR  # just above
    assert one_leaf("Myyntituotot", 30, 100, 100, 0) == (0.0, SEASONAL)  # ratio 1
    assert one_leaf("Myyntituotot", 30, 100, 99, 0)[1] == LINEAR  # below 1


@pytest.mark.parametrize(
    "prior, last_full_year",
    [(-100, 150), (100, -150), (0, 150), (0, 0), (100, 0), (NAN, 150), (100, NAN)],
    ids=["prior-negative", "prior-positive-lfy-negative", "prior-0", "both-0", "lfy-0", "no-prior", "no-lfy"],
)
def test_seasonal_is_refused_without_a_trustworthy_pattern(prior, last_full_year):
    rest, mask = one_leaf("Myyntituotot", 90, prior, last_full_year, 0)
    assert (rest, mask) == (30.0, LINEAR)  # 90 × 3 / 9


def test_budget_share_is_the_remaining_months_share_capped_by_what_is_left():
    # Income budget 1 200 at nine months: a share of 300, never past what is left, never below 0.
    assert one_leaf("Myyntituotot", 600, NAN, NAN, 1200) == (300.0, BUDGET_SHARE)
    assert one_leaf("Myyntituotot", 1000, NAN, NAN, 1200) == (200.0, BUDGET_SHARE)
    assert one_leaf("Myyntituotot", 1300, NAN, NAN, 1200) == (0.0, BUDGET_SHARE)
    # Cost budget −1 200 likewise, in the budget's direction.
    assert one_leaf("Palvelujen ostot", -600, NAN, NAN, -1200) == (-300.0, BUDGET_SHARE)
    assert one_leaf("Palvelujen ostot", -1000, NAN, NAN, -1200) == (-200.0, BUDGET_SHARE)
    assert one_leaf("Palvelujen ostot", -1300, NAN, NAN, -1200) == (0.0, BUDGET_SHARE)
    # A refund on a cost line: all the budget's share is left.
    assert one_leaf("Palvelujen ostot", 50, NAN, NAN, -1200) == (-300.0, BUDGET_SHARE)
    # A budget of 0 or none: linear.
    assert one_leaf("Palvelujen ostot", -90, NAN, NAN, 0) == (-30.0, LINEAR)
    assert one_leaf("Palvelujen ostot", -90, NAN, NAN, NAN) == (-30.0, LINEAR)
    # A refused seasonal pattern falls to the budget.
    assert one_leaf("Palvelujen ostot", -600, -100, -300, -1200) == (-300.0, BUDGET_SHARE)


def test_the_rest_never_unspends_nor_unearns_but_financial_items_go_either_way():
    assert one_leaf("Palvelujen ostot", 90, NAN, NAN, NAN) == (0.0, LINEAR)  # a cost line's refund
    assert one_leaf("Poistot ja arvonalentumiset", 90, NAN, NAN, NAN) == (0.0, LINEAR)
    assert one_leaf("Myyntituotot", -90, NAN, NAN, NAN) == (0.0, LINEAR)  # an income line's correction
    assert one_leaf("Valmistus omaan käyttöön", -90, NAN, NAN, NAN) == (0.0, LINEAR)
    assert one_leaf("Myyntituotot", 90, NAN, NAN, -1200) == (0.0, BUDGET_SHARE)  # a budget of the other sign
    assert one_leaf("Rahoitustuotot ja -kulut", 90, NAN, NAN, NAN) == (30.0, LINEAR)
    assert one_leaf("Rahoitustuotot ja -kulut", -90, NAN, NAN, NAN) == (-30.0, LINEAR)
    assert one_leaf("Rahoitustuotot ja -kulut", -90, NAN, NAN, 1200) == (300.0, BUDGET_SHARE)


def test_year_end_is_the_actual_and_a_missing_actual_has_no_forecast():
    assert one_leaf("Palvelujen ostot", -90, -10, -500, -1200, months=12) == (0.0, ACTUAL)
    rest, mask = one_leaf("Palvelujen ostot", NAN, -10, -20, -1200)
    assert math.isnan(rest) and mask == 0
    rest, mask = one_leaf("Toimintakulut", -90, -10, -20, -1200)  # a subtotal is no leaf
    assert math.isnan(rest) and mask == 0


def test_group_values_reads_the_rests_of_a_compare_table_as_it_computes_them():
    frame = pd.DataFrame(
        [
            (area, line, basis, year, months, eur)
            for area, scale in (("A", 1), ("B", 3))
            for line, sign in (("Myyntituotot", 1), ("Palvelujen ostot", -1), ("Toimintakulut", -1))
            for (basis, year, months), eur in {
                ("actual", 2024, 9): 70,
                ("actual", 2023, 9): 50,
                ("actual", 2023, 12): 90,
                ("budget", 2024, 12): 80,
            }.items()
        ],
        columns=["service_area", "line_item", "basis", "year", "months", "eur"],
    ).assign(eur=lambda f: f["eur"] * np.where(f["line_item"] == "Myyntituotot", 1, -1), division="D", derived=False)
    periods = periods_at(9)
    table = compare(frame, periods, by=["service_area"])
    read, computed = group_values(table, "service_area"), group_values(table, "service_area", periods)
    np.testing.assert_array_equal(read.rest, computed.rest)
    np.testing.assert_array_equal(read.methods, computed.methods)
    with pytest.raises(ValueError):
        group_values(table.drop(columns=["forecast_rest"]), "service_area")


# --- The seed -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed():
    dataset = load_dataset()
    division = dataset.report.division
    finance = dataset.finance[dataset.finance["division"] == division]
    centres = list(dataset.cost_centres_by_division[division])
    by_area = compare(finance[finance["service_area"].isin(centres)], dataset.periods, by=["service_area"])
    parts = group_values(by_area, "service_area")
    own = pd.DataFrame(compare_own(select_statement(finance, division), parts, dataset.periods)).set_index("line_item")
    return dataset, centres, by_area, parts, own


def row(by_area: pd.DataFrame, area: str, line: str) -> pd.Series:
    found = by_area[(by_area["service_area"] == area) & (by_area["line_item"] == line)]
    assert len(found) == 1, (area, line)
    return found.iloc[0]


def ratio(figures: pd.Series) -> float:
    return figures["last_full_year"] / figures["prior"]


def test_vaalit_costs_only_grow_and_its_grants_with_no_history_are_not_seasonal(seed):
    dataset, _, by_area, _, _ = seed
    margin = row(by_area, "Vaalit", "Toimintakate")
    assert margin["forecast"] <= margin["current"] < 0
    grants = row(by_area, "Vaalit", "Tuet ja avustukset")
    assert grants["prior"] == 0  # last year at nine months
    assert not grants["forecast_methods"] & SEASONAL
    assert grants["forecast"] >= grants["current"]
    for line in leaf_lines("Toimintakulut"):
        found = by_area[(by_area["service_area"] == "Vaalit") & (by_area["line_item"] == line)]
        assert (found["forecast"] <= found["current"]).all(), line


@pytest.mark.parametrize(
    "area, line", [("Henkilöstöpalvelut", "Tuet ja avustukset"), ("Kehittämispalvelut", "Rahoitustuotot ja -kulut")]
)
def test_a_ratio_beyond_the_maximum_is_not_seasonal(seed, area, line):
    dataset, _, by_area, _, _ = seed
    figures = row(by_area, area, line)
    assert ratio(figures) > seasonal_ratio_max(dataset.periods.current.months)  # 7,8 and 9,0 in the seed
    assert not figures["forecast_methods"] & SEASONAL


def test_no_cost_centre_line_outside_the_ratio_bounds_is_seasonal(seed):
    dataset, _, by_area, _, _ = seed
    leaves = by_area[~by_area["line_item"].isin(SUBTOTALS)]
    seasonal = (leaves["forecast_methods"].to_numpy() & SEASONAL) != 0
    with np.errstate(divide="ignore", invalid="ignore"):
        r = (leaves["last_full_year"] / leaves["prior"]).to_numpy()
    trusted = (r >= 1) & (r <= seasonal_ratio_max(dataset.periods.current.months)) & (leaves["prior"] != 0).to_numpy()
    assert seasonal.any() and not (seasonal & ~trusted).any()


def test_the_divisions_financial_items_are_not_forecast_below_their_actual(seed):
    _, _, _, _, own = seed
    financial = own.loc["Rahoitustuotot ja -kulut"]
    assert financial["current"] < 0
    assert abs(financial["forecast"]) >= abs(financial["current"])


def test_every_leaf_is_forecast_in_its_direction(seed):
    _, _, by_area, _, own = seed
    tables = [by_area, own.reset_index()]
    for table in tables:
        sections = table["line_item"].map(lambda name: LINE_BY_NAME[name].section)
        rest = table["forecast"] - table["current"]
        assert (rest[sections.isin(COST_LIKE)] <= 0).all()
        assert (rest[sections.isin(INCOME_LIKE)] >= 0).all()
        np.testing.assert_allclose(table["forecast_rest"], rest, atol=1e-9)


# --- Additivity -----------------------------------------------------------------------------------


def test_the_divisions_forecast_is_its_cost_centres_forecasts_but_for_the_printed_rounding(seed):
    _, centres, by_area, _, own = seed
    summed = by_area.groupby("line_item")[["current", "forecast"]].sum()
    masks = by_area.groupby("line_item")["forecast_methods"].agg(lambda m: np.bitwise_or.reduce(m.to_numpy()))
    for line, figures in own.iterrows():
        assert line in summed.index, line
        gap = figures["forecast"] - summed.loc[line, "forecast"]
        # The rounding of the report's printed actuals, line by line.
        printed_gap = sum(
            own.loc[leaf, "current"] - summed.loc[leaf, "current"] for leaf in leaf_lines(line) if leaf in own.index
        )
        assert gap == pytest.approx(printed_gap, abs=1e-6), line
        assert abs(gap) <= 2 * len(centres), line
        assert figures["forecast_methods"] == masks[line], line


def test_the_default_view_shows_the_additive_own_statement(seed):
    dataset, _, _, _, own = seed
    view = build_finance_view(dataset, Selection())
    statement = view.statement.set_index("line_item")
    for column in ("current", "forecast", "forecast_rest", "forecast_methods", "forecast_vs_budget_eur"):
        pd.testing.assert_series_equal(statement[column], own[column], check_exact=True, check_dtype=False)


def test_a_selection_forecasts_the_sum_of_its_cost_centres_forecasts(seed):
    dataset, centres, by_area, parts, _ = seed
    forecast = by_area.pivot(index="service_area", columns="line_item", values="forecast")
    masks = by_area.pivot(index="service_area", columns="line_item", values="forecast_methods").fillna(0).astype(int)
    for count in range(1, len(centres) + 1):
        for areas in itertools.combinations(centres, count):
            summed = pd.DataFrame(compare_sum(parts, areas, dataset.periods)).set_index("line_item")
            expected = forecast.loc[list(areas)].sum(min_count=1)
            expected = expected[expected.index.isin(summed.index)]
            np.testing.assert_allclose(summed.loc[expected.index, "forecast"], expected, rtol=0, atol=1e-6)
            mask = np.bitwise_or.reduce(masks.loc[list(areas), summed.index].to_numpy(), axis=0)
            assert summed["forecast_methods"].tolist() == mask.tolist(), areas


def _assert_subtotals_sum_their_lines(table: pd.DataFrame) -> None:
    for subtotal, terms in SUBTOTAL_FORMULAS:
        if subtotal not in table.index:
            continue
        names = [name for term in terms for name in formula_lines(term) if name in table.index]
        assert table.loc[subtotal, "forecast"] == pytest.approx(table.loc[names, "forecast"].fillna(0).sum(), abs=1e-6)
        assert table.loc[subtotal, "forecast_methods"] == np.bitwise_or.reduce(
            table.loc[names, "forecast_methods"].to_numpy(), initial=0
        )


def test_subtotals_are_the_sums_of_their_lines(seed):
    dataset, centres, by_area, parts, own = seed
    _assert_subtotals_sum_their_lines(own)
    for _, table in by_area.groupby("service_area"):
        _assert_subtotals_sum_their_lines(table.set_index("line_item"))
    _assert_subtotals_sum_their_lines(
        pd.DataFrame(compare_sum(parts, centres[:3], dataset.periods)).set_index("line_item")
    )


def test_a_division_without_cost_centres_is_its_own_leaf(seed):
    dataset, _, _, _, _ = seed
    finance = dataset.finance[dataset.finance["division"] == dataset.report.division]
    statement = select_statement(finance, dataset.report.division)
    no_parts = group_values(compare(finance.iloc[:0], dataset.periods, by=["service_area"]), "service_area")
    own = comparison_frame(compare_own(statement, no_parts, dataset.periods))
    pd.testing.assert_frame_equal(own, compare(statement, dataset.periods), check_exact=True)


# --- Random statements ----------------------------------------------------------------------------

EUROS = st.one_of(st.just(NAN), st.integers(-(10**6), 10**6).map(float))


@st.composite
def statements(draw, min_lines: int = 1):
    """One statement's leaves (line → four figures), with the subtotals a report prints: sums of them."""
    lines = draw(st.lists(st.sampled_from(LEAVES), min_size=min_lines, max_size=len(LEAVES), unique=True))
    figures = {line: [draw(EUROS) for _ in VALUE_COLUMNS] for line in lines}
    for subtotal, terms in SUBTOTAL_FORMULAS:
        names = [n for term in terms for n in formula_lines(term) if n in figures]
        if names and draw(st.booleans()):
            figures[subtotal] = [float(np.nansum([figures[n][k] for n in names])) for k in range(len(VALUE_COLUMNS))]
    return figures


def _values(figures: dict[str, list[float]]) -> pd.DataFrame:
    frame = pd.DataFrame.from_dict(figures, orient="index", columns=list(VALUE_COLUMNS))
    return frame.rename_axis("line_item").reset_index().assign(derived=False)


def _check_directions(table: pd.DataFrame, months: int) -> None:
    for _, r in table.iterrows():
        section = LINE_BY_NAME[r["line_item"]].section
        if section is Section.SUBTOTAL:
            continue
        if math.isnan(r["current"]):
            assert math.isnan(r["forecast"]) and r["forecast_methods"] == 0
            continue
        if section in COST_LIKE:
            assert r["forecast"] <= r["current"]
        elif section in INCOME_LIKE:
            assert r["forecast"] >= r["current"]
        assert bin(int(r["forecast_methods"])).count("1") == 1
        if months == FULL_YEAR:
            assert r["forecast"] == r["current"] and r["forecast_methods"] == ACTUAL


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(figures=statements(), months=st.integers(1, 12))
def test_random_statements_are_forecast_in_each_lines_direction(figures, months):
    table = compare_values(_values(figures), periods_at(months))
    _check_directions(table, months)
    _assert_subtotals_sum_their_lines(table.set_index("line_item"))
    if months == FULL_YEAR:  # the subtotals printed as the sums of their lines: the actual too
        known = table["current"].notna()
        np.testing.assert_array_equal(table["forecast"][known], table["current"][known])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    statements_=st.lists(statements(), min_size=1, max_size=4),
    months=st.integers(1, 12),
    data=st.data(),
)
def test_random_selections_forecast_the_sum_of_their_parts(statements_, months, data):
    periods = periods_at(months)
    table = pd.concat(
        [_values(figures).assign(service_area=f"A{i}") for i, figures in enumerate(statements_)], ignore_index=True
    )
    parts = group_values(table, "service_area", periods)
    groups = data.draw(st.lists(st.sampled_from(sorted(parts.groups)), min_size=1, unique=True))
    summed = pd.DataFrame(compare_sum(parts, groups, periods))
    _check_directions_of_sums(summed, months)
    _assert_subtotals_sum_their_lines(summed.set_index("line_item"))
    each = {g: compare_values(_values(statements_[int(g[1:])]), periods).set_index("line_item") for g in groups}
    for _, r in summed.iterrows():
        line = r["line_item"]
        if line in SUBTOTALS:
            continue
        forecasts = [t.loc[line, "forecast"] for t in each.values() if line in t.index]
        if all(math.isnan(f) for f in forecasts):
            assert math.isnan(r["forecast"])
        else:
            assert r["forecast"] == pytest.approx(np.nansum(forecasts), rel=1e-12, abs=1e-6)
    own = compare_own(_values(statements_[int(groups[0][1:])]), parts, periods)
    _check_directions_of_sums(pd.DataFrame(own), months)


def _check_directions_of_sums(table: pd.DataFrame, months: int) -> None:
    """A sum of leaves is forecast in its line's direction, and at year end is its actual."""
    for _, r in table.iterrows():
        section = LINE_BY_NAME[r["line_item"]].section
        if section is Section.SUBTOTAL or math.isnan(r["current"]) or math.isnan(r["forecast"]):
            continue
        if section in COST_LIKE:
            assert r["forecast"] <= r["current"] + 1e-6
        elif section in INCOME_LIKE:
            assert r["forecast"] >= r["current"] - 1e-6
        if months == FULL_YEAR:
            assert r["forecast"] == r["current"] and r["forecast_methods"] == ACTUAL
