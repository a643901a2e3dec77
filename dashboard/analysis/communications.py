"""Communications figures: follower trends per channel and the latest state, as pure functions.

The report dates its levels (30.9.2024) but gives earlier levels only as a change since "the
previous review period", which has no date. Such a derived point is placed before the dated point
it was derived from and keeps the report's label; nothing is given a date it does not have.
Staff may append dated observations to the CSV; the trend then simply has more points.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.store.schemas import FOLLOWER_CHANNELS


def follower_trend(social: pd.DataFrame) -> pd.DataFrame:
    """Follower levels per channel in time order: channel, value, date, label, derived, position.

    `position` numbers a channel's points 0, 1, …: undated points first (they are earlier levels
    derived from a dated one), then dated points by date.
    """
    levels = social[social["metric"] == "followers"].copy()
    finnish_dates = levels["date"].map(lambda d: f"{d.day}.{d.month}.{d.year}" if d is not None else "")
    levels["label"] = levels["period_label"].where(levels["period_label"].str.strip() != "", finnish_dates)
    levels["_undated"] = levels["date"].isna()
    levels["_when"] = pd.to_datetime(levels["date"])
    levels = levels.sort_values(["channel", "_undated", "_when"], ascending=[True, False, True], kind="stable")
    levels["position"] = levels.groupby("channel").cumcount()
    return levels[["channel", "value", "date", "label", "derived", "position", "note"]].reset_index(drop=True)


@dataclass(frozen=True)
class ChannelState:
    channel: str
    followers: float | None  # latest printed level, None where the report gives none
    as_of: str  # the report's label for that level
    change: float | None  # latest change the report states
    change_label: str
    posts_per_month: float | None
    posts_note: str  # the report's qualifier: "noin", "keskimäärin"
    observations: int  # printed and derived levels available for a trend


def channel_states(social: pd.DataFrame, channels: tuple[str, ...] = FOLLOWER_CHANNELS) -> list[ChannelState]:
    """What the report says of each channel now: level, change and posting rate."""
    trend = follower_trend(social)
    states = []
    for channel in channels:
        rows = social[social["channel"] == channel]
        levels = trend[(trend["channel"] == channel) & ~trend["derived"]]
        latest = levels.iloc[-1] if not levels.empty else None
        changes = rows[rows["metric"] == "follower_change"].sort_values("date", na_position="first")
        change_row = changes.iloc[-1] if not changes.empty else None
        posts = rows[rows["metric"] == "posts_per_month"].sort_values("date", na_position="first")
        states.append(
            ChannelState(
                channel=channel,
                followers=float(latest["value"]) if latest is not None else None,
                as_of=str(latest["label"]) if latest is not None else "",
                change=float(change_row["value"]) if change_row is not None else None,
                change_label=str(change_row["period_label"]) if change_row is not None else "",
                posts_per_month=float(posts.iloc[-1]["value"]) if not posts.empty else None,
                posts_note=str(posts.iloc[-1]["note"]) if not posts.empty else "",
                observations=int((trend["channel"] == channel).sum()),
            )
        )
    return states
