"""Metrics over small tidy frames: periods found in the data, pace, change, the forecast's sums.

The forecast's rules, and its additivity on the bundled data, are tested in test_forecast.py.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from dashboard.analysis.forecast import FORECAST_METHODS
from dashboard.analysis.metrics import (
    compare,
    compare_sum,
    comparison_frame,
    expected_pace_pct,
    group_values,
    period_values,
    select_statement,
)
from dashboard.store.periods import ComparisonPeriods, Period, comparison_periods


def ledger(rows: list[tuple]) -> pd.DataFrame:
    """rows of (service_area, line_item, basis, year, months, eur)."""
    frame = pd.DataFrame(rows, columns=["service_area", "line_item", "basis", "year", "months", "eur"])
    return frame.assign(division="D", derived=False)


def test_periods_come_from_the_data_at_nine_months():
    frame = ledger(
        [
            ("A", "Henkilöstökulut", b, y, m, -1)
            for b, y, m in [("actual", 2023, 12), ("actual", 2023, 9), ("budget", 2024, 12), ("actual", 2024, 9)]
        ]
    )
    periods = comparison_periods(frame)
    assert periods.current == Period("actual", 2024, 9)
    assert periods.prior == Period("actual", 2023, 9)
    assert periods.last_full_year == Period("actual", 2023, 12)
    assert periods.budget == Period("budget", 2024, 12)
    assert periods.pace == 0.75


def test_next_quarters_report_moves_the_periods_without_code_change():
    frame = ledger(
        [
            ("A", "Henkilöstökulut", b, y, m, -1)
            for b, y, m in [("actual", 2024, 12), ("actual", 2024, 3), ("budget", 2025, 12), ("actual", 2025, 3)]
        ]
    )
    periods = comparison_periods(frame)
    assert periods.current.label == "TOT 2025 3 kk"
    assert periods.prior.label == "TOT 2024 3 kk"
    assert periods.last_full_year.label == "TP 2024"
    assert periods.budget.label == "TA 2025"
    assert expected_pace_pct(periods.current.months) == 25.0


def test_missing_comparison_periods_are_none_not_guesses():
    periods = comparison_periods(ledger([("A", "Henkilöstökulut", "actual", 2024, 6, -5)]))
    assert periods.current.label == "TOT 2024 6 kk"
    assert (periods.prior, periods.last_full_year, periods.budget) == (None, None, None)


def _one_line_statements(line: str, figures: list[tuple[float, float, float]]) -> pd.DataFrame:
    """compare() of one-line statements, one per area: (current, prior, budget) each."""
    rows = []
    for i, (current, prior, budget) in enumerate(figures):
        rows += [
            (f"A{i}", line, "actual", 2024, 9, current),
            (f"A{i}", line, "actual", 2023, 9, prior),
            (f"A{i}", line, "budget", 2024, 12, budget),
        ]
    frame = ledger(rows)
    periods = ComparisonPeriods(Period("actual", 2024, 9), Period("actual", 2023, 9), None, Period("budget", 2024, 12))
    return compare(frame, periods, by=["service_area"])


def test_change_in_euros_and_percent_of_last_years_magnitude():
    table = _one_line_statements("Henkilöstökulut", [(-110, -100, -1), (120, 100, 1), (5, 0, 1)])
    assert table["change_eur"].tolist() == [-10.0, 20.0, 5.0]
    assert table["change_pct"].tolist()[:2] == [-10.0, 20.0]
    assert math.isnan(table["change_pct"].iloc[2])  # no percentage change from zero


def test_realisation_and_pace_deviation():
    table = _one_line_statements("Henkilöstökulut", [(-75, -1, -100), (-90, -1, -100), (10, -1, 0)])
    assert table["realisation_pct"].tolist()[:2] == [75.0, 90.0]
    assert math.isnan(table["realisation_pct"].iloc[2])
    assert table["pace_deviation_pp"].tolist()[:2] == [0.0, 15.0]
    assert table["pace_deviation_eur"].tolist()[:2] == [0.0, -15.0]  # 15 € more cost than an even pace


def _two_area_ledger() -> pd.DataFrame:
    rows = []
    for area, scale in (("A", 1), ("B", 2)):
        for (b, y, m), (inc, exp) in {
            ("actual", 2023, 12): (40, -400),
            ("actual", 2023, 9): (20, -300),
            ("budget", 2024, 12): (40, -480),
            ("actual", 2024, 9): (30, -330),
        }.items():
            rows += [
                (area, "Myyntituotot", b, y, m, inc * scale),
                (area, "Toimintatuotot", b, y, m, inc * scale),
                (area, "Henkilöstökulut", b, y, m, exp * scale),
                (area, "Toimintakulut", b, y, m, exp * scale),
                (area, "Toimintakate", b, y, m, (inc + exp) * scale),
            ]
    return ledger(rows)


def test_compare_sums_the_selected_areas():
    frame = _two_area_ledger()
    periods = comparison_periods(frame)
    table = compare(select_statement(frame, areas=["A", "B"]), periods).set_index("line_item")
    assert table.loc["Henkilöstökulut", ["current", "prior", "budget"]].tolist() == [-990.0, -900.0, -1440.0]
    assert table.loc["Henkilöstökulut", "realisation_pct"] == pytest.approx(68.75)
    only_b = compare(select_statement(frame, areas=["B"]), periods).set_index("line_item")
    assert only_b.loc["Henkilöstökulut", "current"] == -660.0


def test_subtotal_forecast_is_the_sum_of_its_lines_forecasts():
    frame = _two_area_ledger()
    table = compare(select_statement(frame, areas=["A"]), comparison_periods(frame)).set_index("line_item")
    # Myyntituotot: 30 × 40/20 = 60; Henkilöstökulut: -330 × 400/300 = -440
    assert table.loc["Myyntituotot", "forecast"] == pytest.approx(60)
    assert table.loc["Henkilöstökulut", "forecast"] == pytest.approx(-440)
    assert table.loc["Toimintakate", "forecast"] == pytest.approx(60 - 440)
    seasonal = 1 << FORECAST_METHODS.index("seasonal")
    assert table.loc[["Myyntituotot", "Henkilöstökulut", "Toimintakate"], "forecast_methods"].tolist() == [seasonal] * 3
    assert table.loc["Toimintakate", "forecast_rest"] == pytest.approx((60 - 440) - (30 - 330))


def test_default_selection_is_the_divisions_own_table():
    frame = pd.concat([_two_area_ledger(), ledger([("", "Henkilöstökulut", "actual", 2024, 9, -7)])])
    own = select_statement(frame)
    assert own["eur"].tolist() == [-7]


def test_compare_by_area_keeps_areas_apart():
    frame = _two_area_ledger()
    periods = ComparisonPeriods(
        Period("actual", 2024, 9), Period("actual", 2023, 9), Period("actual", 2023, 12), Period("budget", 2024, 12)
    )
    table = compare(frame, periods, by=["service_area"])
    costs = table[table["line_item"] == "Toimintakulut"].set_index("service_area")["current"]
    assert costs.to_dict() == {"A": -330.0, "B": -660.0}


def test_compare_keeps_groups_in_the_order_they_come():
    frame = _two_area_ledger()
    reordered = pd.concat([frame[frame["service_area"] == "B"], frame[frame["service_area"] == "A"]])
    table = compare(reordered, comparison_periods(frame), by=["service_area"])
    assert list(dict.fromkeys(table["service_area"])) == ["B", "A"]


FORECAST_COLUMNS = ["forecast", "forecast_rest", "forecast_methods", "forecast_vs_budget_eur", "forecast_vs_budget_pct"]


def test_a_sum_of_groups_compares_as_their_rows_together():
    """A sum of groups has the figures and metrics of their rows together; its forecast is the sum
    of the groups' forecasts (test_forecast.py), which for one group is compare() of it alone."""
    frame = _two_area_ledger()
    periods = comparison_periods(frame)
    values = group_values(period_values(frame, periods, ["service_area", "line_item"]), "service_area", periods)
    for groups in (["A"], ["B"], ["A", "B"], ["B", "A", "B"], ["A", "nobody"]):
        summed = comparison_frame(compare_sum(values, groups, periods))
        together = compare(select_statement(frame, areas=groups), periods)
        pd.testing.assert_frame_equal(
            summed.drop(columns=FORECAST_COLUMNS), together.drop(columns=FORECAST_COLUMNS), check_exact=True
        )
        if len(set(groups) & set(values.groups)) == 1:
            pd.testing.assert_frame_equal(summed, together, check_exact=True)


def test_a_line_missing_from_one_group_sums_the_others_and_is_missing_where_none_has_it():
    frame = pd.concat(
        [
            _two_area_ledger(),
            ledger([("B", "Vuokratuotot", "actual", 2024, 9, 5), ("B", "Vuokratuotot", "actual", 2023, 12, 7)]),
        ]
    )
    periods = comparison_periods(frame)
    values = group_values(period_values(frame, periods, ["service_area", "line_item"]), "service_area", periods)
    both = comparison_frame(compare_sum(values, ["A", "B"], periods)).set_index("line_item")
    assert both.loc["Vuokratuotot", ["current", "last_full_year"]].tolist() == [5.0, 7.0]
    assert math.isnan(both.loc["Vuokratuotot", "prior"]) and math.isnan(both.loc["Vuokratuotot", "budget"])
    assert "Vuokratuotot" not in set(comparison_frame(compare_sum(values, ["A"], periods))["line_item"])


def test_the_array_path_gives_the_grouped_paths_figures():
    """compare() of one statement (arrays) and compare(by=...) (pandas) agree to the last bit."""
    frame = _two_area_ledger()
    periods = comparison_periods(frame)
    grouped = compare(frame, periods, by=["service_area"])
    for area in ("A", "B"):
        one = grouped[grouped["service_area"] == area].drop(columns="service_area").reset_index(drop=True)
        pd.testing.assert_frame_equal(compare(select_statement(frame, areas=[area]), periods), one, check_exact=True)
