"""A view's tables as numbers: the one model that the page's table alternatives and the exports share.

A `Table` holds real values (text, or a float for a figure, None for no value) and says of each
column what its figures are (`eur`, `pct`, `pp`, `count`) and how many decimals a reader sees.
The page formats a cell with `format_cell()`, the one formatter for a view's figures; the CSV and
XLSX writers (`dashboard.presentation.export_files`) write the same values as numbers. Nothing reads a figure
back from text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from dashboard.presentation.formatting import (
    format_eur,
    format_number,
    format_pct,
    format_signed_eur,
    format_signed_number,
    format_signed_pct,
)
from dashboard.presentation.texts import t

FIGURE_KINDS = frozenset({"eur", "pct", "pp", "count"})


@dataclass(frozen=True)
class Column:
    """A column: its header, what its values are (text, eur, pct, pp, count) and the decimals shown.

    `pct` and `pp` values are percent figures as the views show them (68.2 for 68,2 %). `signed`
    figures are changes and deviations, shown with an explicit + sign.
    """

    header: str
    kind: str = "text"
    decimals: int = 0
    signed: bool = False

    @property
    def is_figure(self) -> bool:
        return self.kind in FIGURE_KINDS


@dataclass(frozen=True)
class Table:
    key: str  # stable: statement, kpis, exceptions, line, …
    name: str  # short name: sheet name, CSV file name part, the CSV choice's label
    title: str  # what the table shows, as its caption in the view
    columns: tuple[Column, ...]
    rows: tuple[tuple[object, ...], ...]  # str for text; float, int or None (no value) for figures

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)

    def shown_rows(self, lang: str) -> tuple[tuple[str, ...], ...]:
        return shown_rows(self.columns, self.rows, lang)

    def column(self, header_or_index: str | int) -> list[object]:
        i = header_or_index if isinstance(header_or_index, int) else self.headers.index(header_or_index)
        return [row[i] for row in self.rows]


def shown_rows(columns: tuple[Column, ...], rows, lang: str) -> tuple[tuple[str, ...], ...]:
    """Every cell as the page shows it."""
    return tuple(tuple(format_cell(v, c, lang) for v, c in zip(row, columns, strict=True)) for row in rows)


def missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def format_cell(value: object, column: Column, lang: str) -> str:
    """A cell as a reader sees it: `1 234 €`, `+3,1 %-yks.`, `68,2 %`, `–` for no value."""
    if column.kind == "text":
        return "" if missing(value) else str(value)
    if missing(value):
        return "–"
    number = float(value)
    if column.kind == "eur":
        return format_signed_eur(number) if column.signed else format_eur(number, column.decimals)
    if column.kind == "pct":
        return format_signed_pct(number, column.decimals) if column.signed else format_pct(number, column.decimals)
    if column.kind == "pp":
        return format_signed_pct(number, column.decimals, unit=t("pp", lang))
    if column.kind == "count":
        return (format_signed_number if column.signed else format_number)(number, column.decimals)
    raise ValueError(f"unknown column kind {column.kind!r}")
