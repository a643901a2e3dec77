"""Reconcile the report's printed figures with each other, and complete tables that stop early.

The report prints euros rounded to the euro, so its subtotals may differ from the sum of their
rounded items by a euro or two. Those differences are *rounding* and are listed; anything larger
is *material* and fails the check. Subtotals a table does not print (Henkilöstöpalvelut stops at
Poistot) are derived from their items and marked as derived.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.numbers import format_number
from dashboard.periods import ACTUAL, BUDGET, Period
from dashboard.statement import LINE_ORDER, SUBTOTAL_FORMULAS, Section, formula_lines

EUR_TOLERANCE = 2  # € of rounding the report's own sums may carry
PCT_TOLERANCE = 0.05  # percentage points of rounding in TOT-YY %

STATEMENT_KEYS = ["division", "service_area", "basis", "year", "months"]
FINDING_COLUMNS = [
    "check",
    "kind",
    "division",
    "service_area",
    "line_item",
    "column",
    "printed",
    "computed",
    "difference",
    "rule",
]


@dataclass(frozen=True)
class Reconciliation:
    findings: pd.DataFrame  # one row per difference, FINDING_COLUMNS

    @property
    def rounding(self) -> pd.DataFrame:
        return self.findings[self.findings["kind"] == "rounding"]

    @property
    def material(self) -> pd.DataFrame:
        return self.findings[self.findings["kind"] == "material"]

    @property
    def ok(self) -> bool:
        return self.material.empty


def _column_label(basis: str, year: int, months: int) -> str:
    return Period(basis, int(year), int(months)).label


def _formula_text(subtotal: str, terms) -> str:
    return f"{subtotal} = " + " + ".join(f"{t.value} lines" if isinstance(t, Section) else t for t in terms)


def complete_statements(finance: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Add the subtotals a table leaves out; compare the printed ones with their items.

    Returns the finance frame with a `derived` column (True for added subtotals) and a frame of
    subtotal comparisons (printed vs computed) for every subtotal that *is* printed.
    """
    if finance.empty:
        return finance.assign(derived=pd.Series(dtype=bool)), pd.DataFrame()
    wide = finance.pivot_table(index=STATEMENT_KEYS, columns="line_item", values="eur", aggfunc="sum", observed=True)
    wide.columns = wide.columns.astype(str)
    derived_cols: list[str] = []
    comparisons = []
    for subtotal, terms in SUBTOTAL_FORMULAS:
        cols = [c for term in terms for c in formula_lines(term)]
        computed = wide.reindex(columns=cols).sum(axis=1, min_count=0)
        printed = wide[subtotal] if subtotal in wide else pd.Series(np.nan, index=wide.index)
        has_printed = printed.notna()
        if has_printed.any():
            comparisons.append(
                pd.DataFrame(
                    {
                        "line_item": subtotal,
                        "printed": printed[has_printed],
                        "computed": computed[has_printed],
                        "rule": _formula_text(subtotal, terms),
                    }
                ).reset_index()
            )
        missing = ~has_printed
        if missing.any():
            derived_cols.append(subtotal)
            wide[subtotal] = printed.where(has_printed, computed)
            wide[f"__derived__{subtotal}"] = missing
    added = []
    for subtotal in derived_cols:
        mask = wide[f"__derived__{subtotal}"]
        rows = wide.loc[mask, subtotal].rename("eur").reset_index()
        rows["line_item"] = subtotal
        added.append(rows)
    completed = finance.assign(derived=False)
    if added:
        extra = pd.concat(added, ignore_index=True).assign(derived=True)
        extra["eur"] = extra["eur"].astype("int64")
        completed = pd.concat([completed, extra[completed.columns]], ignore_index=True)
    # Divisions and cost centres keep the order the report prints them in; lines the statement's.
    first_seen = {
        "division": {v: i for i, v in enumerate(pd.unique(finance["division"]))},
        "service_area": {v: i for i, v in enumerate(pd.unique(finance["service_area"]))},
        "line_item": LINE_ORDER,
    }
    completed = completed.sort_values(
        ["division", "service_area", "line_item"],
        key=lambda s: s.map(first_seen[s.name]),
        kind="stable",
    ).reset_index(drop=True)
    subtotal_checks = pd.concat(comparisons, ignore_index=True) if comparisons else pd.DataFrame()
    return completed, subtotal_checks


def _classify(diff: pd.Series, tolerance: float, exact: float = 0.0) -> pd.Series:
    size = diff.abs()
    return pd.Series(np.where(size <= exact, "", np.where(size <= tolerance, "rounding", "material")), index=diff.index)


def _as_findings(frame: pd.DataFrame, check: str, tolerance: float, exact: float = 0.0) -> pd.DataFrame:
    if frame.empty:
        return pd.DataFrame(columns=FINDING_COLUMNS)
    out = frame.copy()
    out["difference"] = out["printed"] - out["computed"]
    out["kind"] = _classify(out["difference"], tolerance, exact)
    out["check"] = check
    out = out[out["kind"] != ""]  # label only the differences, not every figure of a city ledger
    if "column" not in out:
        out["column"] = [
            _column_label(b, y, m) for b, y, m in zip(out["basis"], out["year"], out["months"], strict=False)
        ]
    return out[FINDING_COLUMNS]


def division_totals(completed: pd.DataFrame) -> pd.DataFrame:
    """Each division's own figures next to the sum of its cost centres' figures."""
    keys = ["division", "line_item", "basis", "year", "months"]
    own = completed[completed["service_area"] == ""]
    parts = completed[completed["service_area"] != ""]
    if own.empty or parts.empty:
        return pd.DataFrame()
    own_sum = own.groupby(keys, observed=True)["eur"].sum().rename("printed")
    part_sum = parts.groupby(keys, observed=True)["eur"].sum().rename("computed")
    divisions_with_parts = set(parts["division"])
    both = pd.concat([own_sum, part_sum], axis=1).fillna(0).reset_index()
    both = both[both["division"].isin(divisions_with_parts) & both["division"].isin(set(own["division"]))]
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
    remaining = frame[frame["measure"] == "remaining_eur"].copy()
    remaining["computed"] = remaining["budget"] - remaining["actual"]
    remaining["column"] = "Jäljellä"
    remaining["rule"] = "Jäljellä = TA − TOT"
    pct = frame[frame["measure"] == "realisation_pct"].copy()
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
    completed: tuple[pd.DataFrame, pd.DataFrame] | None = None,
) -> Reconciliation:
    """Every check the report's figures must pass; `finance` holds printed figures only.

    `completed` is `complete_statements(finance)` where the caller has it already (it is the
    costliest step on a city-wide ledger)."""
    completed, subtotals = completed if completed is not None else complete_statements(finance)
    remaining, pct = derived_columns(completed, printed_derived)
    parts = [
        _as_findings(subtotals, "subtotal", EUR_TOLERANCE),
        _as_findings(division_totals(completed), "division total", EUR_TOLERANCE),
        _as_findings(remaining, "Jäljellä", EUR_TOLERANCE),
        _as_findings(pct, "TOT-%", PCT_TOLERANCE, exact=0.005),
    ]
    if summary is not None and not summary.empty:
        keys = ["division", "line_item", "basis", "year", "months"]
        own = completed[completed["service_area"] == ""][keys + ["eur"]].rename(columns={"eur": "computed"})
        both = summary.rename(columns={"eur": "printed"}).merge(own, on=keys, how="left")
        both["computed"] = both["computed"].astype(float)  # NaN (no such line) classifies as material
        both["service_area"] = ""
        both["rule"] = [f"{r} = {li}" for r, li in zip(both["summary_row"], both["line_item"], strict=False)]
        parts.append(_as_findings(both, "summary", EUR_TOLERANCE))
    findings = (
        pd.concat([p for p in parts if not p.empty], ignore_index=True)
        if any(not p.empty for p in parts)
        else pd.DataFrame(columns=FINDING_COLUMNS)
    )
    return Reconciliation(findings=findings)


def describe_finding(row) -> str:
    """One line a person can act on: where, which column, printed vs computed, and the rule."""
    decimals = 2 if row.check == "TOT-%" else 0
    where = " / ".join((row.division, row.service_area or "(division's own table)", row.line_item))
    return (
        f"{row.kind}: {where}, column {row.column}: printed {format_number(row.printed, decimals, ' ')}, "
        f"computed {format_number(row.computed, decimals, ' ')} "
        f"(difference {format_number(row.difference, decimals, ' ')}; {row.rule})"
    )
