"""The report's tables of figures: an income statement per cost centre (or division), and the budget summary.

A table's header may be split over two lines ("TOT 2023" above "9 kk"); its title cell names the
cost centre ("Vaalit Selite") or the division. Its columns are periods (TP, TOT … kk, TA) or
figures computed from them (Jäljellä, TOT-YY %); its rows are lines of the municipal income
statement, or the summary's TULOT, MENOT and NETTO. Here they become the rows of `finance.csv`,
`printed_derived.csv` and `summary.csv`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dashboard.intake.numbers import NumberFormatError, parse_decimal, parse_euros
from dashboard.intake.report_text import ReportCursor, looks_numeric, split_cells
from dashboard.store.periods import ACTUAL, BUDGET, FULL_YEAR, Period
from dashboard.store.schemas import REALISATION_PCT, REMAINING_EUR
from dashboard.store.statement import LINE_BY_NAME, SECTION_HEADINGS, SUMMARY_ROWS


@dataclass(frozen=True)
class ColumnSpec:
    kind: str  # "period", "remaining" or "pct"
    header: str
    period: Period | None = None
    year: int | None = None


def parse_column_header(header: str) -> ColumnSpec | None:
    text = " ".join(header.split())
    if m := re.fullmatch(r"TP (\d{4})", text):
        return ColumnSpec("period", text, Period(ACTUAL, int(m[1]), FULL_YEAR))
    if m := re.fullmatch(r"TOT (\d{4}) (\d{1,2}) kk", text):
        months = int(m[2])
        if 1 <= months <= FULL_YEAR:
            return ColumnSpec("period", text, Period(ACTUAL, int(m[1]), months))
    if m := re.fullmatch(r"TA (\d{4})(?: ?\+ ?muutos)?", text):
        return ColumnSpec("period", text, Period(BUDGET, int(m[1]), FULL_YEAR))
    if text == "Jäljellä":
        return ColumnSpec("remaining", text)
    if m := re.fullmatch(r"TOT-(\d{2}) ?%", text):
        return ColumnSpec("pct", text, year=2000 + int(m[1]))
    return None


def is_statement_header(cells: list[str]) -> bool:
    """A header row of figures: some column after the title is a period (TP, TA, TOT)."""
    return any(re.match(r"(TP|TA|TOT)\b", c) for c in cells[1:])


@dataclass(frozen=True)
class PrintedTable:
    """One table of figures as printed: its title, its columns, and its rows (line number, name, figures)."""

    title: str
    header_line: int
    columns: list[ColumnSpec]
    derived_from: Period | None  # the actual that Jäljellä and TOT-YY % are computed from
    rows: list[tuple[int, str, list]]

    @property
    def is_summary(self) -> bool:
        return all(name in SUMMARY_ROWS for _, name, _ in self.rows)


def read_statement_table(cursor: ReportCursor, lineno: int, header: list[str]) -> PrintedTable:
    """Read a table of figures whose header row, at `lineno`, the cursor has just passed."""
    header_line = lineno
    if cursor.pos < len(cursor.lines) and split_cells(cursor.lines[cursor.pos])[0] == "Selite":
        second = split_cells(cursor.lines[cursor.pos])
        if len(second) != len(header):
            raise cursor.error(
                cursor.pos + 1,
                f"the header's second line has {len(second)} cells, the first {len(header)}",
                cursor.lines[cursor.pos],
            )
        header = [f"{a} {b}".strip() for a, b in zip(header, second, strict=False)]
        cursor.pos += 1
    title = re.sub(r"\s*Selite$", "", header[0]).strip()
    if not title:
        raise cursor.error(
            header_line, "the table's title cell is empty (it should name the cost centre)", "\t".join(header)
        )
    columns: list[ColumnSpec] = []
    for cell in header[1:]:
        spec = parse_column_header(cell)
        if spec is None:
            raise cursor.error(
                header_line,
                f"unknown column header '{cell}' (expected TP YYYY, TOT YYYY N kk, TA YYYY +muutos, Jäljellä or TOT-YY %)",
                "\t".join(header),
            )
        columns.append(spec)
    derived_from = _actual_behind_derived_columns(cursor, header_line, columns, header)
    rows = _figure_rows(cursor, columns)
    if not rows:
        raise cursor.error(header_line, "table cut short: the table has a header but no rows", "\t".join(header))
    table = PrintedTable(title, header_line, columns, derived_from, rows)
    if table.is_summary:
        return table
    names = [name for _, name, _ in rows]
    if any(name in SUMMARY_ROWS for name in names):
        raise cursor.error(header_line, "a table mixes summary rows (TULOT, MENOT, NETTO) with statement lines", title)
    if "Toimintakate" not in names:
        last_line, last_name, _ = rows[-1]
        raise cursor.error(
            last_line,
            f"table cut short: the table for '{title}' ends after '{last_name}' without reaching 'Toimintakate'",
        )
    return table


def _actual_behind_derived_columns(
    cursor: ReportCursor, lineno: int, columns: list[ColumnSpec], header: list[str]
) -> Period | None:
    """The actual that Jäljellä and TOT-YY % are computed from (with that year's budget)."""
    periods = [c.period for c in columns if c.period]
    if not periods:
        raise cursor.error(lineno, "the table has no TP, TOT or TA column", "\t".join(header))
    seen: set[Period] = set()
    for p in periods:
        if p in seen:
            raise cursor.error(lineno, f"the column '{p.label}' appears twice", "\t".join(header))
        seen.add(p)
    derived = [c for c in columns if c.kind != "period"]
    if not derived:
        return None
    years = {c.year for c in derived if c.year} or {max(p.year for p in periods)}
    if len(years) != 1:
        raise cursor.error(lineno, "derived columns refer to different years", "\t".join(header))
    year = years.pop()
    budget = next((p for p in periods if p.basis == BUDGET and p.year == year), None)
    actuals = [p for p in periods if p.basis == ACTUAL and p.year == year]
    if budget is None or not actuals:
        raise cursor.error(lineno, f"Jäljellä and TOT-% need both TA {year} and TOT {year} columns", "\t".join(header))
    return max(actuals, key=lambda p: p.months)


def _figure_rows(cursor: ReportCursor, columns: list[ColumnSpec]) -> list[tuple[int, str, list]]:
    rows: list[tuple[int, str, list]] = []
    seen: dict[str, int] = {}
    while (i := cursor.peek_nonblank()) is not None:
        line = cursor.lines[i]
        lineno = i + 1
        cells = split_cells(line)
        name = cells[0]
        known = name in LINE_BY_NAME or name in SECTION_HEADINGS or name in SUMMARY_ROWS
        if "\t" not in line or not name:
            break
        if not known:
            if len(cells) > 1 and all(looks_numeric(c) for c in cells[1:] if c):
                raise cursor.error(
                    lineno, f"unknown line item '{name}' (not a line of the municipal income statement)", line
                )
            break
        cursor.pos = i + 1
        if len(cells) != len(columns) + 1:
            raise cursor.error(
                lineno,
                f"expected {len(columns) + 1} cells (line item and {len(columns)} figures), found {len(cells)}",
                line,
            )
        if name in SECTION_HEADINGS:
            if any(cells[1:]):
                raise cursor.error(lineno, f"the section heading '{name}' should carry no figures", line)
            continue
        if name in seen:
            raise cursor.error(lineno, f"'{name}' appears twice in one table (first at line {seen[name]})", line)
        seen[name] = lineno
        values = []
        for spec, cell in zip(columns, cells[1:], strict=False):
            if not cell:
                raise cursor.error(lineno, f"missing figure in column '{spec.header}' of '{name}'", line)
            try:
                values.append(parse_decimal(cell) if spec.kind == "pct" else parse_euros(cell))
            except NumberFormatError as exc:
                raise cursor.error(
                    lineno, f"broken number in column '{spec.header}' of '{name}': {exc}", line
                ) from None
        rows.append((lineno, name, values))
    return rows


def _period_figures(table: PrintedTable, where: Callable[[str], dict]) -> list[dict]:
    """A row for each figure in a period column; `where` gives the columns that place a row's name."""
    return [
        {
            **where(name),
            "basis": spec.period.basis,
            "year": spec.period.year,
            "months": spec.period.months,
            "eur": int(value),
        }
        for _, name, values in table.rows
        for spec, value in zip(table.columns, values, strict=False)
        if spec.kind == "period"
    ]


def finance_rows(table: PrintedTable, division: str, service_area: str) -> tuple[list[dict], list[dict]]:
    """The rows of `finance.csv` (the period columns) and of `printed_derived.csv` (Jäljellä, TOT-YY %)."""
    finance = _period_figures(
        table, lambda name: {"division": division, "service_area": service_area, "line_item": name}
    )
    ytd = table.derived_from
    printed_derived = [
        {
            "division": division,
            "service_area": service_area,
            "line_item": name,
            "measure": REMAINING_EUR if spec.kind == "remaining" else REALISATION_PCT,
            "year": ytd.year,
            "months": ytd.months,
            "printed": str(value),
        }
        for _, name, values in table.rows
        for spec, value in zip(table.columns, values, strict=False)
        if spec.kind != "period"
    ]
    return finance, printed_derived


def summary_rows(table: PrintedTable, division: str) -> list[dict]:
    """The rows of `summary.csv`: TULOT, MENOT and NETTO, each with the subtotal it stands for."""
    return _period_figures(
        table, lambda name: {"division": division, "summary_row": name, "line_item": SUMMARY_ROWS[name]}
    )
