"""The exceptions a leader acts on: the lines off their budget's pace, with their effect on the result."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.analysis.lines import SUBTOTALS, leaf_lines, line_kind

PACE_THRESHOLD_PP = 5.0  # percentage points from the pace that make a line an exception (either way)
AHEAD_OF_PACE_PP = PACE_THRESHOLD_PP  # what the pace chart marks ▲
MATERIAL_EUR = 1000.0  # an exception's effect on the result is at least this, either way


def find_exceptions(
    by_area: pd.DataFrame, threshold_pp: float = PACE_THRESHOLD_PP, material_eur: float = MATERIAL_EUR
) -> pd.DataFrame:
    """The lines off their budget's pace, each once, with its signed effect on the result.

    One rule: a line whose realisation is more than `threshold_pp` percentage points from the pace
    (either way), or that has an actual and no budget, where the effect is at least `material_eur`
    either way. Its effect in euros keeps the report's signs
    (positive improves the result): actual − budget × months ÷ 12, the whole actual with no
    budget. Costs ahead of pace, income behind and costs with no budget are unfavourable (a
    negative effect); the rest favourable. Line items are listed; a subtotal only where none of
    its lines is, so one overspend is not listed again as Toimintakulut, Toimintakate and the
    result. Most unfavourable first.
    """
    table = by_area[by_area["current"].notna()]
    budget = table["budget"].fillna(0)
    no_budget = (budget == 0) & (table["current"] != 0)
    deviation = table["pace_deviation_pp"]
    off_pace = (budget != 0) & (deviation.abs() > threshold_pp)
    effect = pd.Series(np.where(no_budget, table["current"], table["pace_deviation_eur"]), index=table.index)
    found = table[(no_budget | off_pace) & (effect.abs() >= material_eur)]
    effect = effect[found.index].to_numpy()
    kinds = found["line_item"].map(line_kind)
    direction = np.where(no_budget[found.index], "no_budget", np.where(deviation[found.index] > 0, "ahead", "behind"))
    found = found.assign(
        effect_eur=effect,
        favourable=effect > 0,
        reason=[f"{kind}_{way}" for kind, way in zip(kinds, direction, strict=True)],
    )
    listed = found.groupby("service_area", sort=False)["line_item"].agg(frozenset)
    keep = [
        line not in SUBTOTALS or not (leaf_lines(line) & listed[area])
        for area, line in zip(found["service_area"], found["line_item"], strict=True)
    ]
    found = found[keep]
    return found.sort_values("effect_eur", kind="stable").reset_index(drop=True)
