"""What an export is: an `Export` of `Table`s with its header block (title, status, source, filters)."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.presentation.tables import Table

# The report names its division but not its city, so the city is the dashboard's own constant.
CITY = "Heinola"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv"


@dataclass(frozen=True)
class Export:
    lang: str
    title: str
    status: str  # "Tilanne 30.9.2024"
    source: str  # the report and its file
    filters: tuple[tuple[str, str], ...]  # (what, chosen) for every filter applied
    stem: str  # file name without extension: city, division, page, status date, selection
    tables: tuple[Table, ...]

    def table(self, key: str) -> Table:
        return next((table for table in self.tables if table.key == key), self.tables[0])


def header_lines(export: Export, table: Table | None = None) -> list[str]:
    """The header block, at the top of the first sheet: what, when, from where, and with which filters.

    With a table: the block as it reads for that table, its title last.
    """
    lines = [export.title, export.status, export.source]
    lines += [f"{what}: {chosen}" for what, chosen in export.filters]
    return lines if table is None else [*lines, "", table.title]


def table_note(export: Export, table: Table) -> str:
    """The one line under each sheet's table: what the table shows, and as of when."""
    return f"{table.title} – {export.status}"
