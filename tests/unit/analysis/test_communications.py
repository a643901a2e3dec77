"""Follower trends and channel states: the seed's figures, and a longer synthetic series."""

from __future__ import annotations

import pandas as pd

from dashboard.analysis.communications import channel_states, follower_trend


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
