"""What changed since the division's previous report: goals whose status changed, risks whose score moved.

Rows are matched between two reports by what they say, since a report may reorder or add rows:
a goal by (table, strategic aim, goal text), else by (table, row); a risk by its text, else by its
row. Texts are compared with their spacing, case and a final full stop ignored. A key the report
holds twice cannot tell its rows apart, so those rows fall back to their row numbers. A row with
no match in the previous report (a new goal) has nothing to compare with and is not a change.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from dashboard.store.dataset import Dataset, ReportInfo
from dashboard.store.library import Library

Key = Callable[[pd.Series], tuple]


def previous_dataset(library: Library, report: ReportInfo) -> Dataset | None:
    """The division's report before `report` as its own view (its goals, risks, social media), if any."""
    earlier = library.previous(report)
    return library.dataset(earlier.status_date, earlier.division) if earlier else None


def same_text(text: object) -> str:
    """A text as compared between reports: spacing, case and a final full stop ignored."""
    return " ".join(str(text).split()).casefold().rstrip(".").rstrip()


def match_rows(current: pd.DataFrame, previous: pd.DataFrame, key: Key, fallback: Key) -> list[int | None]:
    """For each row of `current`, in order, the position of the same row in `previous`, or None.

    First by `key`, used only where it is unique in both reports; then the rows left by `fallback`
    among the previous rows not yet taken. Each previous row matches one current row at most.
    """
    current_keys = [key(row) for _, row in current.iterrows()]
    previous_keys = [key(row) for _, row in previous.iterrows()]
    once_here = {k for k in current_keys if current_keys.count(k) == 1}
    there = {k: i for i, k in enumerate(previous_keys) if previous_keys.count(k) == 1}
    found: list[int | None] = [there.get(k) if k in once_here else None for k in current_keys]
    taken = {i for i in found if i is not None}
    left = {}
    for i, (_, row) in enumerate(previous.iterrows()):
        if i not in taken:
            left.setdefault(fallback(row), i)
    for n, (_, row) in enumerate(current.iterrows()):
        if found[n] is None and (i := left.pop(fallback(row), None)) is not None:
            found[n] = i
    return found


def _goal_key(row: pd.Series) -> tuple:
    return (int(row["table"]), same_text(row["strategic_aim"]), same_text(row["goal"]))


def _goal_row(row: pd.Series) -> tuple:
    return (int(row["table"]), int(row["row"]))


def goal_changes(goals: pd.DataFrame, previous: pd.DataFrame) -> pd.DataFrame:
    """`goals` (same index) with `previous_status` (as the previous report printed it; None where it
    has no such goal) and `changed` (the status differs, spacing and case aside)."""
    matches = match_rows(goals, previous, _goal_key, _goal_row)
    before = [None if i is None else str(previous.iloc[i]["status"]) for i in matches]
    changed = [b is not None and same_text(b) != same_text(now) for b, now in zip(before, goals["status"], strict=True)]
    return goals.assign(previous_status=pd.Series(before, index=goals.index, dtype=object), changed=changed)


def _risk_key(row: pd.Series) -> tuple:
    return (same_text(row["risk"]),)


def _risk_row(row: pd.Series) -> tuple:
    return (int(row["row"]),)


def risk_changes(risks: pd.DataFrame, previous: pd.DataFrame) -> pd.DataFrame:
    """`risks` (same index) with `score` (probability × significance), the previous report's
    `previous_probability`, `previous_significance` and `previous_score` (None where it has no such
    risk), and whether the score `rose` or `fell`."""
    matches = match_rows(risks, previous, _risk_key, _risk_row)
    earlier = [None if i is None else previous.iloc[i] for i in matches]
    p_before = [None if r is None else int(r["probability"]) for r in earlier]
    s_before = [None if r is None else int(r["significance"]) for r in earlier]
    before = [None if p is None else p * s for p, s in zip(p_before, s_before, strict=True)]
    score = [int(p) * int(s) for p, s in zip(risks["probability"], risks["significance"], strict=True)]

    def column(values: list) -> pd.Series:
        return pd.Series(values, index=risks.index, dtype=object)

    return risks.assign(
        score=column(score),
        previous_probability=column(p_before),
        previous_significance=column(s_before),
        previous_score=column(before),
        rose=[b is not None and now > b for b, now in zip(before, score, strict=True)],
        fell=[b is not None and now < b for b, now in zip(before, score, strict=True)],
    )
