"""Communications figures: follower trends per channel and the latest state, as pure functions.

A report dates its levels (30.9.2024) but gives the earlier level only as a change since "the
previous review period" (`PREVIOUS_PERIOD`), which has no date. Alone, such a derived point is
placed before the dated point it was derived from and keeps the report's label; nothing is given
a date it does not have. In a library the previous review period is the division's previous
report: there the derived level takes that report's status date, and where that report prints a
level of its own at the date, the printed one is the point and the derived one only checks it.

A channel that prints no level (X) states changes since a fixed start ("maaliskuusta 2024 –
30.9.2024"); the reports' changes since the same start are a series of cumulative changes.
Staff may append dated observations to the CSV; the trend then simply has more points.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.store.dataset import ReportInfo
from dashboard.store.library import Library
from dashboard.store.schemas import FOLLOWER_CHANNELS

PREVIOUS_PERIOD = "edellinen tarkastelujakso"  # the report's words for the review period before it
_PERIOD_DASH = " – "  # between a period's start and end in a label: "maaliskuusta 2024 – 30.9.2024"
TREND_COLUMNS = ["channel", "value", "date", "label", "derived", "position", "note", "report", "differs"]


def social_history(library: Library, report: ReportInfo) -> tuple[pd.DataFrame, tuple[ReportInfo, ...]]:
    """The social-media rows of `report`'s division's reports up to and including it (with a
    `report` column), and those reports, oldest first: what the page's trends are drawn from."""
    reports = tuple(r for r in library.reports_of(report.division) if r.status_date <= report.status_date)
    if report not in reports:  # a ledger's division seen from another report: that report alone
        reports = (report,)
    table = library.own_tables["social_media.csv"]
    return table[table["report"].isin([r.report_id for r in reports])], reports


def finnish_date(day) -> str:
    """`30.9.2024`: the data's own way of writing a date, used as a label where the report gives none."""
    return f"{day.day}.{day.month}.{day.year}" if day is not None and not pd.isna(day) else ""


def _previous_dates(reports: Sequence[ReportInfo]) -> dict[str, object]:
    """Each report's previous review period as the library knows it: the status date of the report before it."""
    return {later.report_id: earlier.status_date for earlier, later in zip(reports, reports[1:], strict=False)}


def follower_trend(social: pd.DataFrame, reports: Sequence[ReportInfo] = ()) -> pd.DataFrame:
    """Follower levels per channel in time order: channel, value, date, label, derived, position,
    note, report, differs.

    `social` holds one report's rows, or several reports' with a `report` column (`reports` then
    lists them oldest first). `position` numbers a channel's points 0, 1, …: undated points first
    (earlier levels derived from a dated one), then dated points by date. One point per channel and
    date: a printed level over a derived one (whose value, where it disagrees, is `differs`), and
    of two printed ones the later report's.
    """
    levels = social[social["metric"] == "followers"].copy()
    if "report" not in levels.columns:
        levels["report"] = ""
    order = {r.report_id: i for i, r in enumerate(reports)}
    levels["_report_order"] = levels["report"].map(order).fillna(-1)
    previous = _previous_dates(reports)
    # A level "of the previous review period" is of the previous report's date, where the library has it.
    dated_here = (
        levels["derived"]
        & levels["date"].isna()
        & (levels["period_label"].str.strip().str.casefold() == PREVIOUS_PERIOD)
        & levels["report"].isin(list(previous))
    )
    levels.loc[dated_here, "date"] = levels.loc[dated_here, "report"].map(previous)
    labels = levels["period_label"].where(~dated_here, "")
    levels["label"] = labels.where(labels.str.strip() != "", levels["date"].map(finnish_date))
    levels["_undated"] = levels["date"].isna()
    levels["_when"] = pd.to_datetime(levels["date"])
    levels["differs"] = float("nan")
    levels = levels.sort_values(
        ["channel", "_undated", "_when", "derived", "_report_order"],
        ascending=[True, False, True, True, False],
        kind="stable",
    )
    dated = levels[~levels["_undated"]]
    first = dated.groupby(["channel", "_when"], sort=False).head(1).copy()  # printed first, the latest report's
    for index, row in first[~first["derived"]].iterrows():
        same = dated[(dated["channel"] == row["channel"]) & (dated["_when"] == row["_when"]) & dated["derived"]]
        disagree = same[same["value"] != row["value"]]
        if not disagree.empty:
            first.loc[index, "differs"] = float(disagree.iloc[0]["value"])
    undated = levels[levels["_undated"]].sort_values("_report_order", kind="stable")
    # Undated points in report order, then the dated ones by date (each part already in its order).
    levels = pd.concat([undated, first]).sort_values(["channel", "_undated"], ascending=[True, False], kind="stable")
    levels["position"] = levels.groupby("channel").cumcount()
    return levels[TREND_COLUMNS].reset_index(drop=True)


def period_start(label: str) -> str:
    """The start of a period as the report words it: "maaliskuusta 2024 – 30.9.2024" → "maaliskuusta 2024"."""
    start, dash, _ = label.partition(_PERIOD_DASH)
    return start.strip() if dash else ""


def change_series(social: pd.DataFrame, channel: str, reports: Sequence[ReportInfo] = ()) -> pd.DataFrame:
    """A channel's stated changes since one fixed start, in date order: value, date, label, start,
    period_label. The start is that of the latest change; a change since "the previous review
    period" has no fixed start and is not part of a series. One change per date, the later report's."""
    rows = social[(social["channel"] == channel) & (social["metric"] == "follower_change") & social["date"].notna()]
    rows = rows.assign(start=rows["period_label"].map(period_start))
    rows = rows[(rows["start"] != "") & (rows["start"].str.casefold() != PREVIOUS_PERIOD)]
    columns = ["value", "date", "label", "start", "period_label"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    order = {r.report_id: i for i, r in enumerate(reports)}
    ranks = rows["report"].map(order).fillna(-1) if "report" in rows.columns else 0
    rows = rows.assign(_when=pd.to_datetime(rows["date"]), _rank=ranks)
    rows = rows.sort_values(["_when", "_rank"], kind="stable").drop_duplicates("_when", keep="last")
    rows = rows[rows["start"] == rows.iloc[-1]["start"]]
    return rows.assign(label=rows["date"].map(finnish_date))[columns].reset_index(drop=True)


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


def channel_states(
    social: pd.DataFrame, channels: tuple[str, ...] = FOLLOWER_CHANNELS, trend: pd.DataFrame | None = None
) -> list[ChannelState]:
    """What the report says of each channel now: level, change and posting rate. `trend` is the
    levels to read the latest from and count (default: `social`'s own)."""
    trend = follower_trend(social) if trend is None else trend
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
