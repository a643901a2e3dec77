"""A report page's download on a library: the trends and changes its page shows, the report it shows."""

from __future__ import annotations

import datetime as dt

from dashboard.analysis.report_changes import goal_changes, risk_changes
from dashboard.presentation.exports import report_export
from dashboard.presentation.texts import t

JUNE, SEPTEMBER = dt.date(2024, 6, 30), dt.date(2024, 9, 30)


def _column(table, header: str) -> list:
    at = table.headers.index(header)
    return [row[at] for row in table.rows]


def test_goals_and_risks_downloads_say_what_changed_since_the_previous_report(library):
    september, june = library.dataset(SEPTEMBER), library.dataset(JUNE)
    goals = report_export(september, "goals", "fi", library=library).table("goals")
    marks = _column(goals, t("risk_change_col", "fi"))
    changed = goal_changes(september.goals, june.goals)["changed"].tolist()
    assert any(changed) and [bool(m) for m in marks] == changed
    assert all("30.6.2024" in m for m in marks if m)
    risks = report_export(september, "risks", "fi", library=library).table("risks")
    rose = risk_changes(september.risks, june.risks)["rose"].tolist()
    assert any(rose) and [bool(m) for m in _column(risks, t("risk_change_col", "fi"))] == rose
    # The earliest report has nothing to compare with: no change column.
    assert t("risk_change_col", "fi") not in report_export(june, "goals", "fi", library=library).table("goals").headers


def test_the_followers_download_holds_every_reports_dated_levels(library):
    september = library.dataset(SEPTEMBER)
    followers = report_export(september, "communications", "fi", library=library).table("followers")
    observed = set(_column(followers, t("observation", "fi")))
    assert {"30.6.2024", "30.9.2024"} <= observed
    alone = report_export(september, "communications", "fi").table("followers")
    assert len(followers.rows) > len(alone.rows)
