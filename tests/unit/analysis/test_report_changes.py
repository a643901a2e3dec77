"""Goals and risks matched between a division's reports: what changed since the previous one."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard.analysis.report_changes import (
    goal_changes,
    match_rows,
    previous_dataset,
    risk_changes,
    same_text,
)

SEPT, JUNE = dt.date(2024, 9, 30), dt.date(2024, 6, 30)


def goals(rows: list[tuple]) -> pd.DataFrame:
    """rows of (table, row, strategic_aim, goal, status)."""
    return pd.DataFrame(rows, columns=["table", "row", "strategic_aim", "goal", "status"])


def risks(rows: list[tuple]) -> pd.DataFrame:
    """rows of (row, risk, probability, significance)."""
    return pd.DataFrame(rows, columns=["row", "risk", "probability", "significance"])


def test_texts_compare_without_spacing_case_or_a_final_full_stop():
    assert (
        same_text("  Palveluntuottajien  toimintaan\nliittyvät riskit. ")
        == "palveluntuottajien toimintaan liittyvät riskit"
    )


def test_goals_match_by_their_text_before_their_row():
    now = goals([(1, 1, "B", "toinen", "Toteutuu"), (1, 2, "A", "ensimmäinen", "Toteutuu")])
    before = goals([(1, 1, "A", "Ensimmäinen.", "Osittain"), (1, 2, "B", "toinen", "Toteutuu")])
    changes = goal_changes(now, before)
    assert changes["previous_status"].tolist() == ["Toteutuu", "Osittain"]  # reordered rows found by text
    assert changes["changed"].tolist() == [False, True]


def test_a_reworded_goal_falls_back_to_its_row_and_a_new_one_is_no_change():
    now = goals(
        [(1, 1, "A", "uusi sanamuoto", "Toteutuu"), (1, 2, "A", "uusi tavoite", "Toteutuu"), (2, 1, "A", "x", "")]
    )
    before = goals([(1, 1, "A", "vanha sanamuoto", "Ei toteudu")])
    changes = goal_changes(now, before)
    assert changes["previous_status"].tolist() == ["Ei toteudu", None, None]
    assert changes["changed"].tolist() == [True, False, False]


def test_a_key_held_twice_falls_back_to_the_rows():
    now = goals([(2, 1, "", "", ""), (2, 2, "", "", "Toteutuu")])
    before = goals([(2, 1, "", "", ""), (2, 2, "", "", "Osittain")])
    assert match_rows(now, before, lambda r: (r["goal"],), lambda r: (r["row"],)) == [0, 1]
    assert goal_changes(now, before)["changed"].tolist() == [False, True]


def test_each_previous_row_matches_once():
    now = risks([(1, "A", 1, 1), (2, "B", 1, 1)])
    before = risks([(2, "A", 1, 1)])  # "A" moved to row 1: its old row 2 is taken, "B" has no match
    assert match_rows(now, before, lambda r: (r["risk"],), lambda r: (r["row"],)) == [0, None]


def test_risk_scores_rise_and_fall_against_the_previous_report():
    now = risks([(1, "Henkilöriskit", 2, 2), (2, "Omaisuusriskit", 1, 1), (3, "Uusi riski", 3, 3), (4, "D", 1, 4)])
    before = risks([(1, "Henkilöriskit.", 1, 2), (2, "Omaisuusriskit", 2, 1), (4, "D", 2, 2)])
    changes = risk_changes(now, before)
    assert changes["score"].tolist() == [4, 1, 9, 4]
    assert changes["previous_score"].tolist() == [2, 2, None, 4]
    assert changes["previous_probability"].tolist() == [1, 2, None, 2]
    assert changes["rose"].tolist() == [True, False, False, False]  # the same score by other factors is no rise
    assert changes["fell"].tolist() == [False, True, False, False]


def test_nothing_to_compare_with_an_empty_previous_report():
    now = risks([(1, "A", 1, 1)])
    assert risk_changes(now, now.iloc[:0])["rose"].tolist() == [False]
    assert goal_changes(goals([]), goals([])).empty


def test_the_library_previous_report_of_the_division(library):
    september = library.dataset(SEPT, "Yhteiset palvelut")
    previous = previous_dataset(library, september.report)
    assert previous is not None and previous.report.status_date == JUNE
    assert previous_dataset(library, previous.report) is None
    assert previous_dataset(library, library.dataset(SEPT, "Testitoimiala").report) is None


def test_the_six_month_reports_changes(library):
    september = library.dataset(SEPT, "Yhteiset palvelut")
    june = previous_dataset(library, september.report)
    changed = goal_changes(september.goals, june.goals)
    assert changed["changed"].sum() == 1
    first = changed.iloc[0]
    assert (first["table"], first["row"], first["previous_status"], first["status"]) == (1, 1, "Osittain", "Toteutuu")
    rose = risk_changes(september.risks, june.risks)
    (risen,) = rose[rose["rose"]].itertuples()
    assert risen.risk.startswith("Palveluntuottajien")
    assert (risen.previous_probability, risen.previous_significance, risen.previous_score, risen.score) == (1, 2, 2, 4)
    assert not rose["fell"].any()
