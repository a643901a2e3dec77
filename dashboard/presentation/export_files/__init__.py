"""The files of an export: an `Export` of `Table`s written as CSV for Finnish Excel and as XLSX.

`export` says what an export holds, `csv_file` and `xlsx_file` write it, `xlsx_cells` decides each cell's
value, format and column width, and `text_metrics` measures text in Arial so that Excel and LibreOffice lay
the sheets out alike. Nothing here reads files, knows Dash or computes a figure: it writes the values it
is given, rounded as the view shows them.
"""

from dashboard.presentation.export_files.csv_file import csv_value, to_csv
from dashboard.presentation.export_files.export import CITY, CSV_TYPE, XLSX_TYPE, Export, header_lines, table_note
from dashboard.presentation.export_files.text_metrics import (
    FILTER_BUTTON,
    FONT_NAME,
    FONT_SIZE,
    LINE_HEIGHT,
    header_line_count,
    line_widths,
    text_width,
    wrapped_lines,
)
from dashboard.presentation.export_files.xlsx_cells import (
    INDENT_WIDTH,
    MAX_WIDTH,
    SHEET_NAME_MAX,
    WRAP_WIDTH,
    column_widths,
    header_height,
    number_format,
    sheet_names,
    table_names,
    xlsx_value,
)
from dashboard.presentation.export_files.xlsx_file import DOC_LANG, font, to_xlsx

__all__ = [
    "CITY",
    "CSV_TYPE",
    "DOC_LANG",
    "FILTER_BUTTON",
    "FONT_NAME",
    "FONT_SIZE",
    "INDENT_WIDTH",
    "LINE_HEIGHT",
    "MAX_WIDTH",
    "SHEET_NAME_MAX",
    "WRAP_WIDTH",
    "XLSX_TYPE",
    "Export",
    "column_widths",
    "csv_value",
    "font",
    "header_height",
    "header_line_count",
    "header_lines",
    "line_widths",
    "number_format",
    "sheet_names",
    "table_names",
    "table_note",
    "text_width",
    "to_csv",
    "to_xlsx",
    "wrapped_lines",
    "xlsx_value",
]
