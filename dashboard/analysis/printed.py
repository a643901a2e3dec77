"""The report's printed Jäljellä and TOT-% per table, and a statement with them where it printed them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.store.dataset import Dataset


@dataclass(frozen=True)
class PrintedFigures:
    """One table's printed Jäljellä (€) and TOT-% per line, as the report prints them."""

    remaining: Mapping[str, float]
    pct: Mapping[str, float]


def printed_figures(dataset: Dataset, division: str) -> dict[str, PrintedFigures]:
    """The report's own Jäljellä and TOT-% columns for the current period, per table of `division`."""
    current = dataset.periods.current
    frame = dataset.printed_derived
    frame = frame[
        (frame["division"] == division) & (frame["year"] == current.year) & (frame["months"] == current.months)
    ]
    out: dict[str, PrintedFigures] = {}
    for area, rows in frame.groupby("service_area", sort=False):
        by_measure = {
            measure: dict(zip(part["line_item"], part["printed"].astype(float), strict=True))
            for measure, part in rows.groupby("measure", sort=False)
        }
        out[area] = PrintedFigures(by_measure.get("remaining_eur", {}), by_measure.get("realisation_pct", {}))
    return out


def with_printed(columns: Mapping[str, np.ndarray], printed: PrintedFigures | None) -> dict[str, np.ndarray]:
    """A statement's columns with the report's printed Jäljellä and TOT-% where it printed them.

    `remaining_eur` and `statement_pct` are what the statement shows: printed, else computed
    (`printed_shown` False). Where the report printed a rate, it is the realisation % every view
    uses (the report's 99,04 %, not 99,08 % recomputed from rounded euros); where it printed 0,00
    for a line without a budget, the statement shows 0,00 and the other views "no value".
    """
    lines = np.asarray(columns["line_item"]).tolist()
    budget = np.asarray(columns["budget"], dtype=float)
    current = np.asarray(columns["current"], dtype=float)
    remaining = np.array([printed.remaining.get(line, np.nan) if printed else np.nan for line in lines], dtype=float)
    pct = np.array([printed.pct.get(line, np.nan) if printed else np.nan for line in lines], dtype=float)
    has_printed = ~np.isnan(remaining) & ~np.isnan(pct)
    realisation = np.where(~np.isnan(pct) & (budget != 0), pct, np.asarray(columns["realisation_pct"], dtype=float))
    out = dict(columns)
    out["remaining_eur"] = np.where(np.isnan(remaining), budget - current, remaining)
    out["statement_pct"] = np.where(np.isnan(pct), realisation, pct)
    out["printed_shown"] = has_printed
    out["realisation_pct"] = realisation
    out["pace_deviation_pp"] = realisation - np.asarray(columns["pace_pct"], dtype=float)
    return out


def with_printed_by_area(by_area: pd.DataFrame, printed: Mapping[str, PrintedFigures]) -> pd.DataFrame:
    parts = [
        pd.DataFrame(with_printed({c: rows[c].to_numpy() for c in rows.columns}, printed.get(area)))
        for area, rows in by_area.groupby("service_area", sort=False)
    ]
    return pd.concat(parts, ignore_index=True) if parts else by_area
