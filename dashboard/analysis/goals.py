"""The strategic goals' tables: their aims, in the report's order, and the goals of one aim."""

from __future__ import annotations

import pandas as pd


def strategic_aims(goals: pd.DataFrame) -> list[str]:
    """The strategic aims the goal tables name, in the report's order."""
    return [a for a in dict.fromkeys(goals["strategic_aim"]) if a]


def goals_for_aim(goals: pd.DataFrame, aim: str | None) -> pd.DataFrame:
    return goals if aim is None else goals[goals["strategic_aim"] == aim]
