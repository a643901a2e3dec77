"""Follower trends and channel states: the seed's figures, a longer synthetic series, and a library of reports."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard.analysis.communications import (
    change_series,
    channel_states,
    follower_trend,
    period_start,
    social_history,
)
from dashboard.store.dataset import ReportInfo


def social(rows: list[tuple]) -> pd.DataFrame:
    """rows of (channel, metric, value, date or None, period_label, derived)."""
    frame = pd.DataFrame(rows, columns=["channel", "metric", "value", "date", "period_label", "derived"])
    frame["date"] = [pd.Timestamp(d).date() if d else None for d in frame["date"]]
    return frame.assign(note="")


def test_seed_trend_puts_the_derived_earlier_level_first(data_copy):
    from dashboard.store.library import load_dataset

    trend = follower_trend(load_dataset(data_copy).social_media)
    facebook = trend[trend["channel"] == "Facebook"]
    assert facebook["value"].tolist() == [4567, 4583]
    assert facebook["label"].tolist() == ["edellinen tarkastelujakso", "30.9.2024"]
    assert facebook["derived"].tolist() == [True, False]
    assert trend[trend["channel"] == "LinkedIn"]["value"].tolist() == [894]
    assert trend[trend["channel"] == "X"].empty


def test_seed_channel_states(data_copy):
    from dashboard.store.library import load_dataset

    states = {s.channel: s for s in channel_states(load_dataset(data_copy).social_media)}
    assert (states["Instagram"].followers, states["Instagram"].change, states["Instagram"].as_of) == (
        2789,
        74,
        "30.9.2024",
    )
    assert states["X"].followers is None and states["X"].change == 11
    assert states["LinkedIn"].observations == 1 and states["LinkedIn"].change is None
    assert states["Facebook"].posts_per_month == 65


def test_a_point_without_a_label_is_labelled_by_its_finnish_date():
    trend = follower_trend(social([("LinkedIn", "followers", 900, "2024-10-31", "", False)]))
    assert trend["label"].tolist() == ["31.10.2024"]


def test_a_longer_monthly_series_is_ordered_by_date():
    rows = [
        ("Facebook", "followers", 4500 + 10 * m, f"2025-{m:02d}-28", f"28.{m}.2025", False) for m in (3, 1, 2, 12, 6)
    ]
    rows.append(("Facebook", "followers", 4480, None, "edellinen tarkastelujakso", True))
    trend = follower_trend(social(rows))
    assert trend["value"].tolist() == [4480, 4510, 4520, 4530, 4560, 4620]
    assert trend["position"].tolist() == [0, 1, 2, 3, 4, 5]
    state = channel_states(social(rows), ("Facebook",))[0]
    assert state.followers == 4620 and state.as_of == "28.12.2025" and state.observations == 6


# -- a library: the division's reports up to the one shown -------------------------------------------------
def _history(library, date: str, division: str = "Yhteiset palvelut"):
    return social_history(library, library.dataset(pd.Timestamp(date).date(), division).report)


def test_a_library_dates_the_previous_period_by_the_previous_report(library):
    history, reports = _history(library, "2024-09-30")
    assert [r.status_date.isoformat() for r in reports] == ["2024-06-30", "2024-09-30"]
    trend = follower_trend(history, reports)
    facebook = trend[trend["channel"] == "Facebook"]
    # The 30.9 report's derived 4 567 is the 30.6 report's printed level: one point, the printed one.
    assert facebook["value"].tolist() == [4538, 4567, 4583]
    assert facebook["label"].tolist() == ["edellinen tarkastelujakso", "30.6.2024", "30.9.2024"]
    assert facebook["derived"].tolist() == [True, False, False]
    assert facebook["differs"].isna().all()
    assert trend[trend["channel"] == "Instagram"]["value"].tolist() == [2650, 2715, 2789]
    assert trend[trend["channel"] == "LinkedIn"]["value"].tolist() == [850, 894]


def test_a_library_trend_stops_at_the_report_shown(library):
    history, reports = _history(library, "2024-06-30")
    assert len(reports) == 1
    trend = follower_trend(history, reports)
    assert trend[trend["channel"] == "Facebook"]["value"].tolist() == [4538, 4567]


def test_another_division_has_no_social_media(library):
    history, reports = _history(library, "2024-09-30", "Testitoimiala")
    assert history.empty and [r.division for r in reports] == ["Testitoimiala"]


def _two_reports(rows: list[tuple]) -> tuple[pd.DataFrame, tuple[ReportInfo, ...]]:
    """rows of (report: "a" or "b", channel, metric, value, date or None, period_label, derived)."""
    frame = social([row[1:] for row in rows]).assign(report=[row[0] for row in rows])
    reports = tuple(
        ReportInfo(name, "", "D", "", dt.date(2024, m + 1, 1), dt.date(2024, m, 30), "", "")
        for name, m in (("a", 6), ("b", 9))
    )
    return frame, reports


def test_a_derived_level_that_disagrees_with_the_printed_one_is_noted():
    frame, reports = _two_reports(
        [
            ("a", "Facebook", "followers", 4567, "2024-06-30", "30.6.2024", False),
            ("b", "Facebook", "followers", 4560, None, "edellinen tarkastelujakso", True),
            ("b", "Facebook", "followers", 4583, "2024-09-30", "30.9.2024", False),
        ]
    )
    trend = follower_trend(frame, reports)
    assert trend["value"].tolist() == [4567, 4583]  # the printed level is the point
    assert trend["differs"].tolist()[0] == 4560 and pd.isna(trend["differs"].tolist()[1])


def test_a_derived_level_without_a_printed_one_takes_the_previous_reports_date():
    frame, reports = _two_reports(
        [
            ("a", "Instagram", "posts_per_month", 70, None, "", False),
            ("b", "Instagram", "followers", 2715, None, "edellinen tarkastelujakso", True),
            ("b", "Instagram", "followers", 2789, "2024-09-30", "30.9.2024", False),
        ]
    )
    trend = follower_trend(frame, reports)
    assert trend["label"].tolist() == ["30.6.2024", "30.9.2024"]
    assert trend["derived"].tolist() == [True, False]
    assert trend["date"].tolist() == [dt.date(2024, 6, 30), dt.date(2024, 9, 30)]


def test_changes_since_one_start_are_a_series(library):
    history, reports = _history(library, "2024-09-30")
    series = change_series(history, "X", reports)
    assert series["value"].tolist() == [6, 11]
    assert series["label"].tolist() == ["30.6.2024", "30.9.2024"]
    assert set(series["start"]) == {"maaliskuusta 2024"}
    assert change_series(history, "Facebook", reports).empty  # "since the previous period" is no fixed start
    assert period_start("maaliskuusta 2024 – 30.9.2024") == "maaliskuusta 2024" and period_start("01-09/2024") == ""


def test_a_change_since_another_start_is_not_added_to_the_series():
    frame, reports = _two_reports(
        [
            ("a", "X", "follower_change", 6, "2024-06-30", "maaliskuusta 2024 – 30.6.2024", False),
            ("b", "X", "follower_change", 3, "2024-09-30", "kesäkuusta 2024 – 30.9.2024", False),
        ]
    )
    assert change_series(frame, "X", reports)["value"].tolist() == [3]
