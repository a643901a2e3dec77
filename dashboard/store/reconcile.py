"""Reconcile the report's printed figures with each other: every check, and the findings they give.

The report prints euros rounded to the euro, so its subtotals may differ from the sum of their
rounded items by a euro or two. Those differences are *rounding* and are listed; anything larger
is *material* and fails the check. The checks: each printed subtotal against its items
(`subtotals`), a division's own table against the sum of its cost centres, the printed Jäljellä
and TOT-YY % against budget and actual, the budget summary (TULOT, MENOT, NETTO) against the
division's totals, and where each division's totals come from (`totals_sources`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.store.findings import FINDING_COLUMNS, as_findings
from dashboard.store.periods import ACTUAL, BUDGET
from dashboard.store.schemas import REALISATION_PCT, REMAINING_EUR
from dashboard.store.subtotals import Statements, build_statements
from dashboard.store.totals_sources import SOURCE_COLUMNS, default_totals, totals_sources

EUR_TOLERANCE = 2  # € of rounding the report's own sums may carry
PCT_TOLERANCE = 0.05  # percentage points of rounding in TOT-YY %


@dataclass(frozen=True)
class Reconciliation:
    findings: pd.DataFrame  # one row per difference, FINDING_COLUMNS
    # Where each division's default-view totals come from: SOURCE_COLUMNS, one row per division.
    sources: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SOURCE_COLUMNS))

    # Cached: the serving layer asks `ok` of its library on every request.
    @functools.cached_property
    def rounding(self) -> pd.DataFrame:
        return self.findings[self.findings["kind"] == "rounding"]

    @functools.cached_property
    def material(self) -> pd.DataFrame:
        return self.findings[self.findings["kind"] == "material"]

    @functools.cached_property
    def ok(self) -> bool:
        return self.material.empty


def division_totals(table: pd.DataFrame) -> pd.DataFrame:
    """Each division's own figures next to the sum of its cost centres' figures.

    Summed from the statement table (`Statements.table`, a row per statement) rather than from a
    ledger's million rows. A line printed on one side only counts as 0 on the other.
    """
    if table.empty:
        return pd.DataFrame()
    keys = ["division", "line_item", "basis", "year", "months"]
    own = table.index.get_level_values("service_area") == ""
    if own.all() or not own.any():
        return pd.DataFrame()
    sides = []
    for name, statements in (("printed", table[own]), ("computed", table[~own])):
        summed = statements.groupby(level=["division", "basis", "year", "months"]).sum(min_count=1)
        figures = summed.rename_axis(columns="line_item").stack().dropna().astype("int64")
        sides.append(figures.reorder_levels(keys).sort_index().rename(name))
    # An outer join, as of two frames of figures: the division's own keys first, then the others.
    both = pd.concat(sides, axis=1).fillna(0).reset_index()
    divisions = table.index.get_level_values("division")
    both = both[both["division"].isin(divisions[own].unique()) & both["division"].isin(divisions[~own].unique())]
    both["service_area"] = ""
    both["rule"] = "division = sum of its cost centres"
    return both


def derived_columns(completed: pd.DataFrame, printed_derived: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The printed Jäljellä and TOT-YY % against the values computed from budget and actual."""
    if printed_derived.empty:
        return pd.DataFrame(), pd.DataFrame()
    keys = ["division", "service_area", "line_item"]
    actual = completed[completed["basis"] == ACTUAL][keys + ["year", "months", "eur"]].rename(columns={"eur": "actual"})
    budget = completed[(completed["basis"] == BUDGET)][keys + ["year", "eur"]].rename(columns={"eur": "budget"})
    frame = printed_derived.merge(actual, on=keys + ["year", "months"], how="left").merge(
        budget, on=keys + ["year"], how="left"
    )
    frame["printed"] = frame["printed"].astype(float)
    remaining = frame[frame["measure"] == REMAINING_EUR].copy()
    remaining["computed"] = remaining["budget"] - remaining["actual"]
    remaining["column"] = "Jäljellä"
    remaining["rule"] = "Jäljellä = TA − TOT"
    pct = frame[frame["measure"] == REALISATION_PCT].copy()
    # The report prints 0,00 where the budget is 0: no realisation rate exists there.
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(pct["budget"] != 0, (pct["actual"] / pct["budget"] * 100).round(2), 0.0)
    pct["computed"] = rate
    pct["column"] = [f"TOT-{y % 100:02d} %" for y in pct["year"]]
    pct["rule"] = "TOT-% = TOT / TA × 100 (0,00 where TA is 0)"
    return remaining, pct


def reconcile(
    finance: pd.DataFrame,
    printed_derived: pd.DataFrame,
    summary: pd.DataFrame | None = None,
    statements: Statements | None = None,
) -> Reconciliation:
    """Every check the report's figures must pass; `finance` holds printed figures only.

    `statements` is `build_statements(finance)` where the caller has it already (it is the
    costliest step on a city-wide ledger)."""
    statements = statements if statements is not None else build_statements(finance)
    completed = statements.finance
    remaining, pct = derived_columns(completed, printed_derived)
    parts = [
        as_findings(statements.subtotal_checks, "subtotal", EUR_TOLERANCE),
        as_findings(division_totals(statements.table), "division total", EUR_TOLERANCE),
        as_findings(remaining, "Jäljellä", EUR_TOLERANCE),
        as_findings(pct, "TOT-%", PCT_TOLERANCE, exact=0.005),
    ]
    if summary is not None and not summary.empty:
        parts.append(as_findings(summary_checks(summary, statements.table), "summary", EUR_TOLERANCE))
    sources, source_findings = totals_sources(statements)
    parts.append(source_findings)
    findings = (
        pd.concat([p for p in parts if not p.empty], ignore_index=True)
        if any(not p.empty for p in parts)
        else pd.DataFrame(columns=FINDING_COLUMNS)
    )
    return Reconciliation(findings=findings, sources=sources)


def summary_checks(summary: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """The budget summary (TULOT, MENOT, NETTO) against the division's default-view totals."""
    keys = ["division", "line_item", "basis", "year", "months"]
    totals = default_totals(table)
    if totals.empty:
        shown = pd.DataFrame(columns=[*keys, "computed"])
    else:
        stacked = totals.rename_axis(columns="line_item").stack().dropna().rename("computed")
        shown = stacked.reorder_levels(keys).reset_index()
    both = summary.rename(columns={"eur": "printed"}).merge(shown, on=keys, how="left")
    both["computed"] = both["computed"].astype(float)  # NaN (no such line) classifies as material
    both["service_area"] = ""
    both["rule"] = [f"{r} = {li}" for r, li in zip(both["summary_row"], both["line_item"], strict=False)]
    return both
