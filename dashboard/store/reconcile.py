"""Reconcile the report's printed figures with each other, and complete tables that stop early.

The report prints euros rounded to the euro, so its subtotals may differ from the sum of their
rounded items by a euro or two. Those differences are *rounding* and are listed; anything larger
is *material* and fails the check. Subtotals a table does not print (Henkilöstöpalvelut stops at
Poistot) are derived from their items and marked as derived.

`totals_sources` proves where each division's default-view totals come from (its own printed table,
or else the sum of its cost centres) and that no figure is counted twice on the way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from babel.numbers import format_decimal

from dashboard.store.periods import ACTUAL, BUDGET, Period
from dashboard.store.statement import LINE_ORDER, SUBTOTAL_FORMULAS, Section, formula_lines

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


SOURCE_CHECK = "totals source"
OWN_TABLE, CENTRE_SUM = "own table", "sum of cost centres"
SOURCE_COLUMNS = ["division", "source", "cost_centres", "figures"]


@dataclass(frozen=True)
class Reconciliation:
    findings: pd.DataFrame  # one row per difference, FINDING_COLUMNS
    # Where each division's default-view totals come from: SOURCE_COLUMNS, one row per division.
    sources: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SOURCE_COLUMNS))

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


@dataclass(frozen=True)
class Statements:
    """A ledger's income statements, completed: what the views show and what reconciling needs."""

    finance: pd.DataFrame  # printed figures plus derived subtotals (`derived` = True), in the report's order
    table: pd.DataFrame  # a row per statement (STATEMENT_KEYS, sorted), a column per line, derived ones
    # filled in; NaN where a line is neither printed nor derived
    subtotal_checks: pd.DataFrame  # printed vs computed, for every subtotal that is printed
    repeated_figures: bool  # some line printed twice in one statement (the data check names the rows)
    # The cells printed more than once: STATEMENT_KEYS, line_item, figures (how many), eur (their sum).
    repeated: pd.DataFrame = field(default_factory=pd.DataFrame)


def _statement_table(finance: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A row per statement (STATEMENT_KEYS, sorted), a column per line, NaN where not printed; and
    the cells printed more than once in a statement (their figures are then summed).

    Built with numpy on integer codes: pandas' pivot_table takes seconds on a city ledger's
    million rows, this a fraction of one.
    """
    statements = finance.groupby(STATEMENT_KEYS, sort=True, observed=True)
    row = statements.ngroup().to_numpy()
    line, lines = pd.factorize(finance["line_item"])
    n_rows, n_lines = statements.ngroups, len(lines)
    cell = row * n_lines + line
    total = np.bincount(cell, weights=finance["eur"].to_numpy(dtype=float), minlength=n_rows * n_lines)
    count = np.bincount(cell, minlength=n_rows * n_lines)
    index = statements.size().index
    table = pd.DataFrame(
        np.where(count > 0, total, np.nan).reshape(n_rows, n_lines),
        index=index,
        columns=pd.Index(lines).astype(str),
    )
    cells = np.flatnonzero(count > 1)  # almost always none
    repeated = index[cells // n_lines].to_frame(index=False)
    repeated["line_item"] = pd.Index(lines).astype(str)[cells % n_lines]
    repeated["figures"] = count[cells]
    repeated["eur"] = total[cells]
    return table, repeated


def _report_order(finance: pd.DataFrame) -> np.ndarray:
    """Row order: divisions and cost centres as the report first prints them, lines the statement's."""
    line, lines = pd.factorize(finance["line_item"])
    line_rank = np.array([LINE_ORDER.get(name, len(LINE_ORDER)) for name in lines], dtype=np.int64)[line]
    # factorize numbers values in order of first appearance; lexsort is stable, its last key first.
    return np.lexsort((line_rank, pd.factorize(finance["service_area"])[0], pd.factorize(finance["division"])[0]))


def build_statements(finance: pd.DataFrame) -> Statements:
    """Add the subtotals a table leaves out; compare the printed ones with their items.

    The work is done on the statement table (a row per statement, some 50 000 for a city ledger of a
    million figures); only adding the derived rows and putting them in order touches every figure.
    """
    if finance.empty:
        return Statements(finance.assign(derived=pd.Series(dtype=bool)), pd.DataFrame(), pd.DataFrame(), False)
    wide, repeated = _statement_table(finance)
    derived: dict[str, pd.Series] = {}  # subtotal -> the statements where it is derived
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
            derived[subtotal] = missing
            wide[subtotal] = printed.where(has_printed, computed)
    added = []
    for subtotal, mask in derived.items():
        rows = wide.loc[mask, subtotal].rename("eur").reset_index()
        rows["line_item"] = subtotal
        added.append(rows)
    completed = finance.assign(derived=False)
    if added:
        extra = pd.concat(added, ignore_index=True).assign(derived=True)
        extra["eur"] = extra["eur"].astype("int64")
        completed = pd.concat([completed, extra[completed.columns]], ignore_index=True)
    order = _report_order(completed)
    if not np.array_equal(order, np.arange(len(order))):  # a ledger printed in order needs no copy
        completed = completed.take(order)
    completed = completed.reset_index(drop=True)
    subtotal_checks = pd.concat(comparisons, ignore_index=True) if comparisons else pd.DataFrame()
    return Statements(completed, wide, subtotal_checks, not repeated.empty, repeated)


def complete_statements(finance: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Add the subtotals a table leaves out; compare the printed ones with their items.

    Returns the finance frame with a `derived` column (True for added subtotals) and a frame of
    subtotal comparisons (printed vs computed) for every subtotal that *is* printed.
    """
    statements = build_statements(finance)
    return statements.finance, statements.subtotal_checks


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


def _levels(table: pd.DataFrame) -> tuple[pd.Index, pd.Index]:
    return table.index.get_level_values("division"), table.index.get_level_values("service_area")


def _own_divisions(table: pd.DataFrame) -> pd.Index:
    division, area = _levels(table)
    return pd.Index(pd.unique(division[area == ""]))


def default_totals(table: pd.DataFrame) -> pd.DataFrame:
    """The figures each division's default view shows, from the statement table (`Statements.table`).

    One row per (division, basis, year, months), a column per line. The rule is that of
    `dashboard.analysis.metrics.select_statement`: a division's own printed table (service_area "") where it
    prints one, else the sum of all its tables. `totals_sources` proves that this counts no figure twice.
    """
    if table.empty:
        return table
    division, area = _levels(table)
    chosen = table[(area == "") | ~division.isin(_own_divisions(table))]
    return chosen.groupby(level=["division", "basis", "year", "months"], sort=False).sum(min_count=1)


def _source_finding(division: str, area: str, rule: str, line_item: str = "", column: str = "", printed=np.nan):
    return {
        "check": SOURCE_CHECK,
        "kind": "material",
        "division": division,
        "service_area": area,
        "line_item": line_item,
        "column": column,
        "printed": printed,
        "computed": np.nan,
        "difference": np.nan,
        "rule": rule,
    }


def _named_totals(table: pd.DataFrame, own_divisions: pd.Index) -> pd.DataFrame:
    """(division, service_area, others) of tables that equal the sum of their division's other
    tables in every figure, in divisions that print no table of their own (at least three tables)."""
    division, area = _levels(table)
    rows = table[~division.isin(own_divisions)]
    if rows.empty:
        return pd.DataFrame(columns=["division", "service_area", "others"])
    values = rows.fillna(0).to_numpy()
    period = ["division", "basis", "year", "months"]
    summed = rows.fillna(0).groupby(level=period, sort=False).sum()
    aligned = summed.reindex(rows.index.droplevel("service_area")).to_numpy()
    per_row = pd.DataFrame(
        {
            "equal": np.isclose(2 * values, aligned, rtol=0, atol=0.5).all(axis=1),
            "nonzero": (values != 0).any(axis=1),
        },
        index=pd.MultiIndex.from_arrays(
            [rows.index.get_level_values("division"), rows.index.get_level_values("service_area")]
        ),
    )
    per_table = per_row.groupby(level=[0, 1], sort=False).agg(equal=("equal", "all"), nonzero=("nonzero", "any"))
    tables = per_table.reset_index()
    tables["others"] = tables.groupby("division")["service_area"].transform("size") - 1
    return tables[tables["equal"] & tables["nonzero"] & (tables["others"] >= 2)][["division", "service_area", "others"]]


def totals_sources(statements: Statements) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Where each division's default-view totals come from, and the findings that would break it.

    A division's default view shows its own printed table (service_area "") when it prints one,
    otherwise the sum of its cost centres (`default_totals`). Exactly one source, and no figure
    counted twice, holds when: no cell (table, line, period) is printed twice, since the view would
    add both; no table's name is blank without being empty (neither the own table nor a named cost
    centre); and, in a division without an own table, no cost centre equals the sum of the others
    (the own table under a name, which the sum would count twice). With an own table, the cost
    centres are only checked against it (the "division total" check), never added to it.

    Returns `sources` (SOURCE_COLUMNS, a row per division in the report's order) and findings
    (FINDING_COLUMNS, check "totals source", all material).
    """
    table = statements.table
    if table.empty:
        return pd.DataFrame(columns=SOURCE_COLUMNS), pd.DataFrame(columns=FINDING_COLUMNS)
    division, area = _levels(table)
    own_divisions = _own_divisions(table)
    pairs = pd.DataFrame({"division": division, "service_area": area}).drop_duplicates()
    order = list(pd.unique(statements.finance["division"]))  # the report's order, not the sorted index
    centres = pairs[pairs["service_area"] != ""].groupby("division").size()
    figures = default_totals(table).notna().groupby(level="division").sum().sum(axis=1)
    sources = pd.DataFrame(
        {
            "division": order,
            "source": [OWN_TABLE if d in own_divisions else CENTRE_SUM for d in order],
            "cost_centres": [int(centres.get(d, 0)) for d in order],
            "figures": [int(figures.get(d, 0)) for d in order],
        },
        columns=SOURCE_COLUMNS,
    )
    found = []
    for row in statements.repeated.itertuples(index=False):
        found.append(
            _source_finding(
                row.division,
                row.service_area,
                f"printed {row.figures} times in one table; the view would add them up",
                row.line_item,
                _column_label(row.basis, row.year, row.months),
                row.eur,
            )
        )
    for row in pairs[(pairs["service_area"] != "") & (pairs["service_area"].str.strip() == "")].itertuples():
        summed = "" if row.division in own_divisions else "; the default view would add it to the cost centres' sum"
        found.append(
            _source_finding(
                row.division,
                row.service_area,
                f"a table whose name is blank but not empty ({row.service_area!r}): neither the division's own "
                f"table (an empty service_area) nor a named cost centre{summed}",
            )
        )
    for row in _named_totals(table, own_divisions).itertuples():
        found.append(
            _source_finding(
                row.division,
                row.service_area,
                f"equals the sum of the division's other {row.others} cost centres in every figure: the division's "
                "own table under a name? The division prints no table of its own (an empty service_area), so its "
                "default view adds up every table and would count these figures twice",
            )
        )
    return sources, pd.DataFrame(found, columns=FINDING_COLUMNS)


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
    statements: Statements | None = None,
) -> Reconciliation:
    """Every check the report's figures must pass; `finance` holds printed figures only.

    `statements` is `build_statements(finance)` where the caller has it already (it is the
    costliest step on a city-wide ledger)."""
    statements = statements if statements is not None else build_statements(finance)
    completed = statements.finance
    remaining, pct = derived_columns(completed, printed_derived)
    parts = [
        _as_findings(statements.subtotal_checks, "subtotal", EUR_TOLERANCE),
        _as_findings(division_totals(statements.table), "division total", EUR_TOLERANCE),
        _as_findings(remaining, "Jäljellä", EUR_TOLERANCE),
        _as_findings(pct, "TOT-%", PCT_TOLERANCE, exact=0.005),
    ]
    if summary is not None and not summary.empty:
        parts.append(_as_findings(summary_checks(summary, statements.table), "summary", EUR_TOLERANCE))
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


def _figure(value: float, decimals: int) -> str:
    # Messages for people who fix the data (the CLI, the log): Finnish digits with plain spaces.
    if pd.isna(value):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale="fi_FI").replace("\xa0", " ")


def describe_finding(row) -> str:
    """One line a person can act on: where, which column, printed vs computed, and the rule."""
    decimals = 2 if row.check == "TOT-%" else 0
    # A blank name that is not empty is shown quoted: it is not the division's own table.
    area = row.service_area if row.service_area.strip() or not row.service_area else repr(row.service_area)
    parts = (row.division, area or "(division's own table)", row.line_item)
    where = " / ".join(parts)
    if row.check == SOURCE_CHECK:  # which figures would be counted twice, and why
        where = " / ".join(part for part in parts if part)
        column = f", column {row.column}" if row.column else ""
        printed = f" ({_figure(row.printed, 0)} €)" if pd.notna(row.printed) else ""
        return f"{row.kind}: {where}{column}{printed}: {SOURCE_CHECK}: {row.rule}"
    return (
        f"{row.kind}: {where}, column {row.column}: printed {_figure(row.printed, decimals)}, "
        f"computed {_figure(row.computed, decimals)} "
        f"(difference {_figure(row.difference, decimals)}; {row.rule})"
    )
