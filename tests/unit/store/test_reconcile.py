"""Reconciliation rules on small inline statements, and on the bundled seed data."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.analysis.metrics import select_statement
from dashboard.intake.report_parser import parse_report
from dashboard.store.findings import describe_finding
from dashboard.store.reconcile import reconcile
from dashboard.store.statement import LINE_ORDER
from dashboard.store.subtotals import build_statements, complete_statements
from dashboard.store.totals_sources import CENTRE_SUM, OWN_TABLE, default_totals


def statement(
    lines: dict[str, int], area: str = "Alfa", division: str = "D", period=("actual", 2024, 9)
) -> pd.DataFrame:
    basis, year, months = period
    return pd.DataFrame(
        [
            {
                "division": division,
                "service_area": area,
                "line_item": k,
                "basis": basis,
                "year": year,
                "months": months,
                "eur": v,
            }
            for k, v in lines.items()
        ]
    )


NO_PRINTED = pd.DataFrame(columns=["division", "service_area", "line_item", "measure", "year", "months", "printed"])
BASE = {
    "Myyntituotot": 100,
    "Toimintatuotot": 100,
    "Henkilöstökulut": -700,
    "Palvelujen ostot": -300,
    "Toimintakulut": -1000,
    "Toimintakate": -900,
}


def test_exact_sums_give_no_findings():
    assert reconcile(statement(BASE), NO_PRINTED).findings.empty


@pytest.mark.parametrize(("delta", "kind"), [(1, "rounding"), (-2, "rounding"), (3, "material"), (-1000, "material")])
def test_a_subtotal_off_by_rounding_or_more(delta, kind):
    lines = dict(BASE, Toimintakulut=-1000 + delta, Toimintakate=-900 + delta)
    findings = reconcile(statement(lines), NO_PRINTED).findings
    row = findings[findings["line_item"] == "Toimintakulut"].iloc[0]
    assert row["kind"] == kind
    assert (row["printed"], row["computed"], row["difference"]) == (-1000 + delta, -1000, delta)
    assert row["column"] == "TOT 2024 9 kk"


def test_missing_subtotals_are_derived_and_marked():
    lines = dict(BASE, **{"Poistot ja arvonalentumiset": -50})  # stops early: no Vuosikate, no Tilikauden tulos
    completed, _ = complete_statements(statement(lines))
    derived = completed[completed["derived"]].set_index("line_item")["eur"].to_dict()
    assert derived == {"Vuosikate": -900, "Tilikauden tulos": -950}
    assert not completed[~completed["derived"]]["line_item"].isin(["Vuosikate", "Tilikauden tulos"]).any()


def test_a_table_without_income_derives_zero_income():
    lines = {"Henkilöstökulut": -10, "Toimintakulut": -10, "Toimintakate": -10}
    completed, _ = complete_statements(statement(lines))
    income = completed[completed["line_item"] == "Toimintatuotot"].iloc[0]
    assert income["eur"] == 0 and income["derived"]


def test_division_is_checked_against_the_sum_of_its_cost_centres():
    a = statement(BASE, "Alfa")
    b = statement(BASE, "Beta")
    own_ok = statement({k: 2 * v for k, v in BASE.items()}, "")
    assert reconcile(pd.concat([a, b, own_ok]), NO_PRINTED).findings.empty
    own_off = statement({k: 2 * v + (5 if k == "Myyntituotot" else 0) for k, v in BASE.items()}, "")
    findings = reconcile(pd.concat([a, b, own_off]), NO_PRINTED).findings
    division = findings[findings["check"] == "division total"]
    assert division[["line_item", "kind"]].values.tolist() == [["Myyntituotot", "material"]]


def test_printed_remaining_and_percent_are_checked():
    frame = pd.concat([statement(BASE), statement({k: 2 * v for k, v in BASE.items()}, period=("budget", 2024, 12))])
    printed = pd.DataFrame(
        [
            ["D", "Alfa", "Toimintakulut", "remaining_eur", 2024, 9, -1000],  # exact: -2000 - (-1000)
            ["D", "Alfa", "Henkilöstökulut", "remaining_eur", 2024, 9, -690],  # material
            ["D", "Alfa", "Toimintakulut", "realisation_pct", 2024, 9, 50.03],  # rounding
            ["D", "Alfa", "Myyntituotot", "realisation_pct", 2024, 9, 50.0],  # exact
        ],
        columns=NO_PRINTED.columns,
    )
    findings = reconcile(frame, printed).findings.set_index(["check", "line_item"])["kind"].to_dict()
    assert findings == {("Jäljellä", "Henkilöstökulut"): "material", ("TOT-%", "Toimintakulut"): "rounding"}


def test_zero_budget_prints_zero_percent_by_the_reports_convention():
    frame = pd.concat([statement(BASE), statement({k: 0 for k in BASE}, period=("budget", 2024, 12))])
    printed = pd.DataFrame([["D", "Alfa", "Myyntituotot", "realisation_pct", 2024, 9, 0.0]], columns=NO_PRINTED.columns)
    assert reconcile(frame, printed).findings.empty


def test_seed_reconciles_with_rounding_only(seed_text):
    parsed = parse_report(seed_text, "seed.txt")
    result = reconcile(parsed.finance, parsed.printed_derived, parsed.summary)
    assert result.ok
    assert len(result.rounding) > 0
    assert result.rounding["difference"].abs().max() <= 2


def test_a_line_printed_on_one_side_only_counts_as_zero_on_the_other():
    a = statement(dict(BASE, Vuokratuotot=40, Toimintatuotot=140, Toimintakate=-860), "Alfa")
    own = statement(BASE, "")  # the division's own table prints no Vuokratuotot
    findings = reconcile(pd.concat([a, own]), NO_PRINTED).findings
    division = findings[findings["check"] == "division total"]
    by_line = division.set_index("line_item")[["printed", "computed", "kind"]]
    assert by_line.loc["Vuokratuotot"].tolist() == [0, 40, "material"]
    # The lines only the cost centres print come after those of the division's own table.
    assert division["line_item"].iloc[-1] == "Vuokratuotot"


def test_completed_rows_follow_the_report_whatever_the_input_order():
    lines = dict(BASE, **{"Poistot ja arvonalentumiset": -50})  # Vuosikate, Tilikauden tulos derived
    frame = pd.concat([statement(lines, "Beta"), statement(lines, "Alfa"), statement(BASE, "")])
    shuffled = frame.sample(frac=1, random_state=3)
    completed, _ = complete_statements(shuffled)
    first_seen = list(dict.fromkeys(shuffled["service_area"]))
    assert list(dict.fromkeys(completed["service_area"])) == first_seen
    for _, table in completed.groupby("service_area", sort=False):
        order = [LINE_ORDER[name] for name in table["line_item"]]
        assert order == sorted(order)
    assert completed["derived"].sum() == 6 and len(completed) == len(frame) + 6  # two lines, three tables


def test_a_line_printed_twice_in_a_statement_is_flagged_and_summed():
    frame = pd.concat([statement(BASE), statement({"Myyntituotot": 5})])
    statements = build_statements(frame)
    assert statements.repeated_figures and not build_statements(statement(BASE)).repeated_figures
    table = statements.table.reset_index()
    assert table["Myyntituotot"].tolist() == [105]


# -- each division's default-view totals come from exactly one source -------------------------------
DOUBLE = {k: 2 * v for k, v in BASE.items()}


def source_findings(frame: pd.DataFrame) -> pd.DataFrame:
    findings = reconcile(frame, NO_PRINTED).findings
    return findings[findings["check"] == "totals source"]


def test_a_division_with_its_own_table_takes_its_totals_from_that_table_alone():
    frame = pd.concat([statement(BASE, "Alfa"), statement(BASE, "Beta"), statement(DOUBLE, "")])
    result = reconcile(frame, NO_PRINTED)
    assert result.findings.empty
    assert result.sources.to_dict("records") == [
        {"division": "D", "source": OWN_TABLE, "cost_centres": 2, "figures": len(BASE) + 2}  # 2 derived
    ]
    totals = default_totals(build_statements(frame).table)
    assert totals.loc[("D", "actual", 2024, 9), "Myyntituotot"] == 200  # the own table's, not 200 + 100 + 100


def test_a_division_without_its_own_table_takes_the_sum_of_its_cost_centres():
    frame = pd.concat([statement(BASE, "Alfa"), statement(BASE, "Beta"), statement(DOUBLE, "Gamma", division="E")])
    result = reconcile(frame, NO_PRINTED)
    assert result.findings.empty
    assert result.sources.to_dict("records") == [
        {"division": "D", "source": CENTRE_SUM, "cost_centres": 2, "figures": len(BASE) + 2},
        {"division": "E", "source": CENTRE_SUM, "cost_centres": 1, "figures": len(BASE) + 2},
    ]
    totals = default_totals(build_statements(frame).table)
    assert totals.loc[("D", "actual", 2024, 9), "Henkilöstökulut"] == -1400


def _view_totals(finance: pd.DataFrame, division: str) -> dict:
    shown = select_statement(finance, division)
    return {(r.line_item, r.basis, r.year, r.months): r.eur for r in shown.itertuples()}


def _check_totals(finance: pd.DataFrame, division: str) -> dict:
    totals = default_totals(build_statements(finance).table).loc[division]
    stacked = totals.rename_axis(columns="line_item").stack().dropna()
    return {(line, basis, year, months): value for (basis, year, months, line), value in stacked.items()}


@pytest.mark.parametrize("own_table", [True, False])
def test_the_checked_rule_is_the_one_the_finance_view_uses(seed_text, own_table):
    """`default_totals` (what the check proves) gives the figures `select_statement` (what the view
    shows with no cost centre ticked) gives: on the seed, and on the seed without its own table."""
    finance = parse_report(seed_text, "seed.txt").finance
    if not own_table:
        finance = finance[finance["service_area"] != ""]
    completed = build_statements(finance).finance
    assert _check_totals(finance, "Yhteiset palvelut") == _view_totals(completed, "Yhteiset palvelut")
    source = reconcile(finance, NO_PRINTED).sources["source"].tolist()
    assert source == [OWN_TABLE if own_table else CENTRE_SUM]


def test_a_figure_printed_twice_would_be_counted_twice():
    twice = pd.concat([statement(DOUBLE, ""), statement({"Myyntituotot": 200}, "")])
    frame = pd.concat([statement(BASE, "Alfa"), statement(BASE, "Beta"), twice])
    found = source_findings(frame)
    assert found[["service_area", "line_item", "column", "printed", "kind"]].values.tolist() == [
        ["", "Myyntituotot", "TOT 2024 9 kk", 400, "material"]
    ]
    assert describe_finding(next(found.itertuples())) == (
        "material: D / (division's own table) / Myyntituotot, column TOT 2024 9 kk (400 €): totals source: "
        "printed 2 times in one table; the view would add them up"
    )


def test_a_table_named_blank_but_not_empty_is_neither_own_nor_a_cost_centre():
    frame = pd.concat([statement(BASE, "Alfa"), statement(BASE, "Beta"), statement(DOUBLE, " ")])
    found = source_findings(frame)
    assert set(found["service_area"]) == {" "} and (found["kind"] == "material").all()
    rules = " | ".join(found["rule"])
    assert "blank but not empty (' ')" in rules and "would add it to the cost centres' sum" in rules
    assert "D / ' ':" in describe_finding(next(found.itertuples()))


def test_the_own_table_under_a_name_would_be_counted_twice():
    frame = pd.concat([statement(BASE, "Alfa"), statement(BASE, "Beta"), statement(DOUBLE, "Yhteensä")])
    found = source_findings(frame)
    assert found["service_area"].tolist() == ["Yhteensä"]
    assert "equals the sum of the division's other 2 cost centres" in found["rule"].iloc[0]
    assert "count these figures twice" in found["rule"].iloc[0]
    # Two equal cost centres are no sign of a total; with an own table the division check catches it.
    assert source_findings(pd.concat([statement(BASE, "Alfa"), statement(BASE, "Beta")])).empty
    with_own = pd.concat([statement(BASE, "Alfa"), statement(BASE, "Beta"), statement(DOUBLE, "Yhteensä")])
    with_own = pd.concat([with_own, statement(DOUBLE, "")])  # the own table: Alfa + Beta
    findings = reconcile(with_own, NO_PRINTED).findings
    assert set(findings["check"]) == {"division total"} and (findings["kind"] == "material").all()


def test_the_summary_is_checked_against_the_divisions_default_totals():
    summary = pd.DataFrame(
        [["D", "NETTO", "Toimintakate", "actual", 2024, 9, -1800]],
        columns=["division", "summary_row", "line_item", "basis", "year", "months", "eur"],
    )
    without_own = pd.concat([statement(BASE, "Alfa"), statement(BASE, "Beta")])
    assert reconcile(without_own, NO_PRINTED, summary).findings.empty
    off = summary.assign(eur=-1810)
    findings = reconcile(without_own, NO_PRINTED, off).findings
    assert findings[["check", "kind", "difference"]].values.tolist() == [["summary", "material", -10]]
