"""A seeded synthetic city-wide ledger in the data contract of data/README.md (issue 7, "a million rows").

    .venv/bin/python benchmarks/make_ledger.py OUT_DIR [--seed 1] [--divisions 10] [--cost-centres 300]
        [--years 5] [--last-year 2024] [--last-month 9]

Writes a complete data folder that `dashboard.store.dataset.load_dataset(OUT_DIR)` accepts and that
reconciles with zero findings:

- finance.csv: every division's own table (service_area empty) and each of its cost centres' tables;
  each table holds every line of `dashboard.store.statement.LINES` (the 14 item lines and the 5 printed
  subtotals, computed exactly from the items, so the subtotal check finds nothing); each division's
  own figures are the exact sums of its cost centres' (the division check finds nothing). Periods:
  monthly cumulative actuals (months 1..12) for every year, the last year up to `--last-month`,
  and one budget (months 12) per year.
- report.csv: one row naming the first division (the finance view shows that one); status_date is
  the last day of the latest actual.
- printed_derived.csv: header only (a synthetic ledger prints no Jäljellä / TOT-% columns).
- commentary.csv, service_areas.csv, social_media.csv, goals.csv, risks.csv: copied from data/.

The statutory scheme has 19 lines (14 items, 5 subtotals), not the 40 line items the issue
imagines, so the row count is (divisions + cost centres) × 19 × periods: 310 tables × 19 lines ×
62 periods = 365 180 rows at the defaults; `--cost-centres 840` gives about a million.
Generation is vectorised numpy on one seeded `numpy.random.default_rng`; the same arguments give
the same bytes.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import hashlib
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.store.names import report_id  # noqa: E402
from dashboard.store.schemas import SCHEMAS  # noqa: E402
from dashboard.store.statement import LINES, SUBTOTAL_FORMULAS, Section, formula_lines  # noqa: E402

SEED_DATA = ROOT / "data"
COPIED = ("commentary.csv", "service_areas.csv", "social_media.csv", "goals.csv", "risks.csv")
LINE_NAMES = [line.name for line in LINES]
ITEM_LINES = [line for line in LINES if line.section is not Section.SUBTOTAL]
# Sign of each item section as the report prints it: income positive, expenses negative.
SIGN = {
    Section.INCOME: 1,
    Section.OWN_USE: 1,
    Section.EXPENSE: -1,
    Section.FINANCIAL: -1,
    Section.DEPRECIATION: -1,
}
# Typical annual size of a line in a cost centre, € (the median of a log-normal).
SCALE = {
    Section.INCOME: 150_000,
    Section.OWN_USE: 20_000,
    Section.EXPENSE: 400_000,
    Section.FINANCIAL: 5_000,
    Section.DEPRECIATION: 60_000,
}


def division_names(count: int) -> list[str]:
    return [f"Toimiala {i + 1:02d}" for i in range(count)]


def cost_centre_names(count: int) -> list[str]:
    return [f"Palvelualue {i + 1:03d}" for i in range(count)]


def periods(years: list[int], last_month: int) -> list[tuple[str, int, int]]:
    """(basis, year, months) in the order a table lists them: each year's actuals, then its budget."""
    out = []
    for year in years:
        months = last_month if year == years[-1] else 12
        out += [("actual", year, m) for m in range(1, months + 1)]
        out.append(("budget", year, 12))
    return out


def with_subtotals(items: np.ndarray) -> np.ndarray:
    """Item figures (..., 14 item lines) → every line of LINES (..., 19), subtotals exactly summed."""
    out = np.zeros(items.shape[:-1] + (len(LINES),), dtype=np.int64)
    index = {name: i for i, name in enumerate(LINE_NAMES)}
    for j, line in enumerate(ITEM_LINES):
        out[..., index[line.name]] = items[..., j]
    for subtotal, terms in SUBTOTAL_FORMULAS:  # in formula order: later subtotals use earlier ones
        cols = [index[name] for term in terms for name in formula_lines(term)]
        out[..., index[subtotal]] = out[..., cols].sum(axis=-1)
    return out


def generate(
    seed: int, n_divisions: int, n_centres: int, years: list[int], last_month: int
) -> tuple[pd.DataFrame, list[str]]:
    """The finance frame (contract columns, categorical text) and the division names."""
    rng = np.random.default_rng(seed)
    n_years, n_items = len(years), len(ITEM_LINES)
    sections = [line.section for line in ITEM_LINES]
    sign = np.array([SIGN[s] for s in sections])
    scale = np.array([SCALE[s] for s in sections], dtype=float)
    # Each cost centre's annual level per line; about a quarter of the lines are unused (0).
    level = scale * rng.lognormal(0.0, 1.0, (n_centres, n_items)) * (rng.random((n_centres, n_items)) > 0.25)
    growth = np.cumprod(1 + rng.normal(0.03, 0.04, (n_centres, n_years, 1)), axis=1)
    annual = level[:, None, :] * growth  # (centres, years, items)
    # Monthly amounts with a seasonal shape and noise; whole euros, then the cumulative year to date.
    season = 1 + 0.25 * np.sin(
        np.arange(12)[:, None] / 12 * 2 * np.pi + rng.uniform(0, 2 * np.pi, (n_centres, 1, 1, n_items))
    )
    noise = rng.lognormal(0.0, 0.15, (n_centres, n_years, 12, n_items))
    monthly = np.rint(annual[:, :, None, :] / 12 * season * noise).astype(np.int64)
    cumulative = np.cumsum(monthly, axis=2) * sign  # (centres, years, months, items)
    budget = np.rint(annual * rng.normal(1.0, 0.05, annual.shape)).astype(np.int64) * sign

    # Periods as one axis: for each year its actual months, then its budget.
    blocks = []
    for y, year in enumerate(years):
        months = last_month if year == years[-1] else 12
        blocks += [cumulative[:, y, :months, :], budget[:, y, None, :]]
    centre_items = np.concatenate(blocks, axis=1)  # (centres, periods, items)

    # Cost centres dealt out to divisions in contiguous runs; a division's own table is their sum.
    division_of = np.arange(n_centres) * n_divisions // n_centres
    division_items = np.zeros((n_divisions,) + centre_items.shape[1:], dtype=np.int64)
    np.add.at(division_items, division_of, centre_items)

    # Tables in report order: each division's own table, then its cost centres.
    divisions, centres = division_names(n_divisions), cost_centre_names(n_centres)
    table_division, table_area, table_items = [], [], []
    for d in range(n_divisions):
        members = np.flatnonzero(division_of == d)
        table_division += [d] * (len(members) + 1)
        table_area += [0] + [m + 1 for m in members]  # 0 = the division's own table
        table_items += [division_items[d : d + 1], centre_items[members]]
    values = with_subtotals(np.concatenate(table_items))  # (tables, periods, lines)
    values = values.transpose(0, 2, 1)  # rows line-major within a table, as the report lists them

    plist = periods(years, last_month)
    n_tables, n_lines, n_periods = values.shape
    per_table = n_lines * n_periods
    frame = pd.DataFrame(
        {
            "division": pd.Categorical.from_codes(np.repeat(table_division, per_table), divisions),
            "service_area": pd.Categorical.from_codes(np.repeat(table_area, per_table), ["", *centres]),
            "line_item": pd.Categorical.from_codes(
                np.tile(np.repeat(np.arange(n_lines), n_periods), n_tables), LINE_NAMES
            ),
            "basis": pd.Categorical.from_codes(
                np.tile([0 if b == "actual" else 1 for b, _, _ in plist], n_tables * n_lines), ["actual", "budget"]
            ),
            "year": np.tile([y for _, y, _ in plist], n_tables * n_lines),
            "months": np.tile([m for _, _, m in plist], n_tables * n_lines),
            "eur": values.reshape(-1),
        }
    )
    return frame, divisions


def write_ledger(
    out_dir: Path,
    seed: int = 1,
    n_divisions: int = 10,
    n_centres: int = 300,
    n_years: int = 5,
    last_year: int = 2024,
    last_month: int = 9,
) -> int:
    """Write the data folder; returns the number of finance.csv rows."""
    if n_centres < n_divisions:
        raise SystemExit("need at least one cost centre per division")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    years = list(range(last_year - n_years + 1, last_year + 1))
    finance, divisions = generate(seed, n_divisions, n_centres, years, last_month)
    status = dt.date(last_year, last_month, calendar.monthrange(last_year, last_month)[1])
    identity = report_id(divisions[0], status)  # every row of every file names it
    finance.insert(0, "report", pd.Categorical.from_codes(np.zeros(len(finance), dtype=np.int8), [identity]))
    finance.to_csv(out_dir / "finance.csv", index=False, lineterminator="\n")
    params = (
        f"seed={seed} divisions={n_divisions} cost_centres={n_centres} years={n_years} last={last_year}-{last_month}"
    )
    report = pd.DataFrame(
        [
            {
                "report": identity,
                "title": "KÄYTTÖSUUNNITELMAN TOTEUTUMINEN",
                "division": divisions[0],
                "division_title": f"{divisions[0]} / synteettinen kaupunkitason kirjanpito",
                "issued": (status + dt.timedelta(days=31)).isoformat(),
                "status_date": status.isoformat(),
                "goals_responsible": "",
                "source_file": f"benchmarks/make_ledger.py {params}",
                "source_sha256": hashlib.sha256(params.encode()).hexdigest(),
            }
        ]
    )
    report.to_csv(out_dir / "report.csv", index=False, lineterminator="\n")
    header = ",".join(c.name for c in SCHEMAS["printed_derived.csv"]) + "\n"
    (out_dir / "printed_derived.csv").write_text(header, encoding="utf-8")
    for file in COPIED:  # the seed's, as the ledger's report's
        copied = pd.read_csv(SEED_DATA / file, dtype=str, keep_default_na=False).assign(report=identity)
        copied.to_csv(out_dir / file, index=False, lineterminator="\n")
    return len(finance)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--divisions", type=int, default=10)
    parser.add_argument("--cost-centres", type=int, default=300)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--last-year", type=int, default=2024)
    parser.add_argument("--last-month", type=int, default=9, choices=range(1, 13), metavar="1..12")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    rows = write_ledger(
        args.out_dir, args.seed, args.divisions, args.cost_centres, args.years, args.last_year, args.last_month
    )
    size = (args.out_dir / "finance.csv").stat().st_size / 1e6
    print(f"{args.out_dir}/finance.csv: {rows} rows, {size:.1f} MB, in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
