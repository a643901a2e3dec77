"""The XLSX's cells and columns: values as the view shows them, Excel number formats, sheet and table names,
and column widths and header heights measured in Arial (`text_metrics`)."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence

from dashboard.presentation.export_files.text_metrics import (
    EPS,
    FILTER_BUTTON,
    LINE_HEIGHT,
    header_line_count,
    text_width,
)
from dashboard.presentation.formatting import rounded
from dashboard.presentation.tables import Column, Table, format_cell, missing
from dashboard.presentation.texts import t

SHEET_NAME_MAX = 31  # Excel's limit
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
MAX_WIDTH = 80  # a text column is as wide as its longest text up to this; beyond it, the column is
WRAP_WIDTH = 60  # this wide and its long texts wrap
INDENT_WIDTH = 2.0  # a text column after a figure column is indented one step (Excel ~1.2, Calc ~1.5 units)


def number_format(column: Column, lang: str) -> str:
    """Excel format codes are written in Excel's neutral notation; Excel shows them in the reader's locale."""
    decimals = "." + "0" * column.decimals if column.decimals else ""
    if column.kind == "eur":
        return f'#,##0{decimals}\\ "€"'
    if column.kind == "pct":  # the cell holds a fraction: 0.682 shows as 68,2 %
        return f"0{decimals}\\ %"
    if column.kind == "pp":
        unit = t("pp", lang)
        return f'+0{decimals}\\ "{unit}";-0{decimals}\\ "{unit}";0{decimals}\\ "{unit}"'
    if column.kind == "count":
        return "#,##0" if not column.decimals else f"#,##0{decimals}"
    return "@"


def xlsx_value(value: object, column: Column) -> object:
    """The cell's value: the figure as the view shows it, rounded (half up) to the column's decimals.

    A percent is stored as the fraction it shows (99,04 % with 2 decimals → 0.9904), whole euros as whole
    numbers, so that the cell equals the view's figure and a sum of cells the sum of shown figures.
    """
    if column.kind == "text":
        return "" if missing(value) else str(value)
    shown = rounded(value, column.decimals)
    if shown is None:
        return None
    if column.kind == "pct":
        return float(shown.scaleb(-2))
    return int(shown) if column.decimals == 0 else float(shown)


def sheet_names(tables: Sequence[Table], reserved: Sequence[str] = ()) -> list[str]:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique regardless of case (also of `reserved`)."""
    taken = {name.lower() for name in reserved}
    names: list[str] = []
    for table in tables:
        base = _SHEET_FORBIDDEN.sub(" ", table.name).strip().strip("'")[:SHEET_NAME_MAX] or "Taulukko"
        name, n = base, 2
        while name.lower() in taken:
            suffix = f" {n}"
            name, n = base[: SHEET_NAME_MAX - len(suffix)] + suffix, n + 1
        names.append(name)
        taken.add(name.lower())
    return names


_NOT_NAME = re.compile(r"[^A-Za-z0-9]+")
_CELL_LIKE = re.compile(r"[A-Za-z]{1,3}\d+|[RrCc]\d*|[Rr]\d*[Cc]\d*")  # A1, TOT2024, R1C1: cell references
TABLE_NAME_MAX = 255


def table_names(tables: Sequence[Table], lang: str) -> list[str]:
    """The Excel tables' names from the tables' own names, in the view's language: `Tuloslaskelma`, `Kaavio_tahti`.

    A table name is also a defined name: ASCII letters, digits and underscores (ä → a, ö → o, å → a), starting
    with a letter, not a cell reference, at most 255 characters, unique in the workbook regardless of case.
    """
    fallback = t("xlsx_table", lang)
    taken: set[str] = set()
    names: list[str] = []
    for table in tables:
        ascii_name = unicodedata.normalize("NFKD", table.name).encode("ascii", "ignore").decode("ascii")
        base = _NOT_NAME.sub("_", ascii_name).strip("_")
        if not base[:1].isalpha():
            base = f"{fallback}_{base}".rstrip("_")
        if _CELL_LIKE.fullmatch(base):
            base += "_"
        base = base[: TABLE_NAME_MAX - 4]
        name, n = base, 2
        while name.lower() in taken:
            name, n = f"{base}_{n}", n + 1
        names.append(name)
        taken.add(name.lower())
    return names


def unique_headers(columns: Sequence[Column]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for column in columns:
        header = column.header or "–"
        seen[header] = seen.get(header, 0) + 1
        out.append(header if seen[header] == 1 else f"{header} ({seen[header]})")
    return out


def column_widths(headers: Sequence[str], table: Table, lang: str) -> list[float]:
    """Each column wide enough for its figures as shown and its header's longest word (plus the filter button).

    A short header gets the width to stay on one line; a long one wraps to at most three lines. A text
    column is as wide as its longest text up to MAX_WIDTH; with longer texts it is WRAP_WIDTH wide and they wrap.
    """
    widths = []
    for j, (header, column) in enumerate(zip(headers, table.columns, strict=True)):
        cells = [format_cell(row[j], column, lang) for row in table.rows]
        gap = 1.5 if column.is_figure else 0  # right-aligned figures keep a space from the column before
        lead = text_indent(table, j)
        content = max((text_width(line) for cell in cells for line in cell.split("\n")), default=0.0) + 1 + gap
        if content > MAX_WIDTH:
            content = WRAP_WIDTH
        content += lead
        reserve = 1 + FILTER_BUTTON + lead
        longest_word = max((text_width(word, bold=True) for word in header.split()), default=0.0)
        width = min(max(content, longest_word + reserve, 8.0), MAX_WIDTH + lead)
        one_line = text_width(header, bold=True) + reserve
        if one_line <= max(width, 24.0):
            width = max(width, one_line)
        while width < MAX_WIDTH and header_line_count(header, width, lead) > 3:
            width += 1
        for wider in (width + 1, width + 2, width + 3, width + 4):  # a little wider to save a header line
            if header_line_count(header, wider, lead) < header_line_count(header, width, lead):
                width = wider
                break
        widths.append(math.ceil(max(width, longest_word + reserve) * 10 - EPS) / 10)  # up: never narrower
    return widths


def text_indent(table: Table, j: int) -> float:
    """The indent of column j's text: one step when it follows a column of right-aligned figures."""
    columns = table.columns
    return INDENT_WIDTH if j > 0 and columns[j].kind == "text" and columns[j - 1].is_figure else 0.0


def header_height(headers: Sequence[str], widths: Sequence[float], leads: Sequence[float] = ()) -> float:
    """The header row's height: its most wrapped header's lines, each LINE_HEIGHT points."""
    leads = list(leads) or [0.0] * len(headers)
    lines = max(
        (header_line_count(h, w, lead) for h, w, lead in zip(headers, widths, leads, strict=True)),
        default=1,
    )
    return LINE_HEIGHT * lines + 3
