"""An `Export` as an XLSX workbook a reader's spreadsheet opens well, in Excel and LibreOffice alike.

Its first sheet ("Tiedot"/"About") holds the header block (title, data status, source report, filters
applied) and links to the other sheets; then one sheet per table, its header row in row 1, frozen and
repeated on printed pages, marked as an Excel table named in the view's language (so screen readers
announce column headers), and under the table one line saying what it shows and as of when; printed
pages carry the title and status in their header and footer. Numbers stay numbers, with formats Excel
shows the reader's way (`1 234 €`, `68,2 %` in a Finnish Excel).
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.table import Table as ExcelTable
from openpyxl.worksheet.table import TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from dashboard.presentation.export_files.export import CITY, Export, header_lines, table_note
from dashboard.presentation.export_files.text_metrics import (
    EPS,
    FONT_NAME,
    FONT_SIZE,
    LINE_HEIGHT,
    text_width,
    wrapped_lines,
)
from dashboard.presentation.export_files.xlsx_cells import (
    column_widths,
    header_height,
    number_format,
    sheet_names,
    table_names,
    text_indent,
    unique_headers,
    xlsx_value,
)
from dashboard.presentation.tables import Table
from dashboard.presentation.texts import t

DOC_LANG = {"fi": "fi-FI", "en": "en-GB"}


def font(bold: bool = False, size: int = FONT_SIZE, **kwargs: object) -> Font:
    """The workbook's font, named (see text_metrics); scheme=None, as a "minor" scheme font would be
    replaced by the theme's Calibri."""
    return Font(name=FONT_NAME, size=size, bold=bold, family=2, scheme=None, **kwargs)


def _indent(lead: float) -> dict[str, object]:
    """Alignment arguments for an indented cell (an indent needs an explicit left alignment)."""
    return {"horizontal": "left", "indent": 1} if lead else {}


def _set_default_font(wb: Workbook) -> None:
    """Name the font of the Normal style and of unstyled cells (openpyxl has no public call for either)."""
    base = font()
    wb._fonts = IndexedList([base])  # font 0: what every cell without a font of its own uses
    normal = wb._named_styles["Normal"]
    normal.font = base
    normal.bind(wb)


def _hf_text(text: str, limit: int = 100) -> str:
    """Text for a print header or footer: `&` escaped, short enough for Excel's 255-character limit."""
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return text.replace("&", "&&")


def _print_setup(ws: Worksheet, orientation: str) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = orientation
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _write_about(ws: Worksheet, export: Export, tables: Sequence[Table], names: Sequence[str]) -> None:
    """The first sheet: the header block (title, status, source, filters), then the sheets and what each holds."""
    lang = export.lang
    widths = (
        max([text_width(name) + 2 for name in names] + [text_width(t("xlsx_sheet", lang), bold=True) + 2, 20.0]),
        90.0,
    )
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = round(width, 1)
    total = sum(widths)

    def line(row: int, text: str, bold: bool = False, size: int = FONT_SIZE) -> None:
        cell = ws.cell(row=row, column=1, value=text)
        cell.font = font(bold=bold, size=size)
        if text_width(text, bold, size) > total - 1:  # a long line wraps across both columns
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.row_dimensions[row].height = LINE_HEIGHT * size / FONT_SIZE * wrapped_lines(text, total, bold, size) + 3

    block = header_lines(export)
    line(1, block[0], bold=True, size=14)
    ws.row_dimensions[1].height = max(ws.row_dimensions[1].height or 0, 21.0)
    line(2, block[1], bold=True)
    for row, text in enumerate(block[2:], start=3):
        line(row, text)
    row = len(block) + 2
    line(row, t("xlsx_sheets", lang), bold=True, size=12)
    row += 1
    for j, heading in enumerate((t("xlsx_sheet", lang), t("xlsx_contents", lang)), start=1):
        ws.cell(row=row, column=j, value=heading).font = font(bold=True)
    for table, name in zip(tables, names, strict=True):
        row += 1
        link = ws.cell(row=row, column=1, value=name)
        link.hyperlink = Hyperlink(ref=link.coordinate, location="'{}'!A1".format(name.replace("'", "''")))
        link.font = font(underline="single", color="0563C1")
        title = ws.cell(row=row, column=2, value=table.title)
        title.font = font()
        if text_width(table.title) > widths[1] - 1:
            title.alignment = Alignment(wrap_text=True, vertical="top")
            link.alignment = Alignment(vertical="top")
            ws.row_dimensions[row].height = LINE_HEIGHT * wrapped_lines(table.title, widths[1]) + 3
    ws.sheet_view.showGridLines = False
    _print_setup(ws, "portrait")
    ws.oddFooter.left.text = _hf_text(f"{export.title} – {export.status}")
    ws.oddFooter.left.font = FONT_NAME


def _write_table(ws: Worksheet, export: Export, table: Table, table_name: str) -> None:
    """A table's sheet: its header row is row 1 (frozen, repeated on every printed page), then the rows, then
    after a blank row one line saying what the table shows and as of when."""
    lang = export.lang
    headers = unique_headers(table.columns)
    widths = column_widths(headers, table, lang)
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    leads = [text_indent(table, j) for j in range(len(headers))]
    for j, header in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=j, value=header)
        cell.font = font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top", **_indent(leads[j - 1]))
    ws.row_dimensions[1].height = header_height(headers, widths, leads)
    for i, row in enumerate(table.rows, start=2):
        lines = 1
        for j, (value, column) in enumerate(zip(row, table.columns, strict=True), start=1):
            cell = ws.cell(row=i, column=j, value=xlsx_value(value, column))
            cell.font = font()
            if column.kind != "text":
                cell.number_format = number_format(column, lang)
                cell.alignment = Alignment(vertical="top")  # level with wrapped text in the same row
                continue
            room = widths[j - 1] - leads[j - 1]
            text = str(cell.value or "")
            wrap = "\n" in text or text_width(text) > room - 1 + EPS
            cell.alignment = Alignment(wrap_text=wrap, vertical="top", **_indent(leads[j - 1]))
            if wrap:
                lines = max(lines, wrapped_lines(text, room))
        if lines > 1:
            ws.row_dimensions[i].height = LINE_HEIGHT * lines + 3
    if table.rows and table.columns:  # an Excel table marks the header row as headers for assistive technology
        last = get_column_letter(len(table.columns))
        excel_table = ExcelTable(displayName=table_name, ref=f"A1:{last}{1 + len(table.rows)}")
        excel_table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
        ws.add_table(excel_table)
        end = 1 + len(table.rows)
    else:
        ws.cell(row=2, column=1, value=t("export_no_rows", lang)).font = font()
        end = 2
    note_row = end + 2
    note = ws.cell(row=note_row, column=1, value=table_note(export, table))
    note.font = font(bold=True)
    span = sum(widths)
    if text_width(note.value, bold=True) > span - 1:
        if len(widths) > 1:
            ws.merge_cells(start_row=note_row, start_column=1, end_row=note_row, end_column=len(widths))
        note.alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[note_row].height = LINE_HEIGHT * wrapped_lines(note.value, span, bold=True) + 3
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    _print_setup(ws, "landscape")
    ws.oddHeader.center.text = _hf_text(table.title)
    ws.oddHeader.center.font = f"{FONT_NAME},Bold"
    ws.oddFooter.left.text = _hf_text(f"{export.title} – {export.status}")
    ws.oddFooter.left.font = FONT_NAME
    ws.oddFooter.right.text = f"{t('xlsx_page', lang)} &P / &N"
    ws.oddFooter.right.font = FONT_NAME


def to_xlsx(export: Export) -> bytes:
    """The workbook: a first sheet with the header block and the list of sheets, then one sheet per table."""
    wb = Workbook()
    _set_default_font(wb)
    props = wb.properties
    props.title = export.title
    props.subject = "; ".join(f"{what}: {chosen}" for what, chosen in export.filters) or export.title
    props.description = f"{export.status}. {export.source}"
    props.creator = f"{CITY}: {t('app_title', export.lang)}"
    props.language = DOC_LANG.get(export.lang, "fi-FI")
    props.keywords = export.stem
    about = wb.active
    about.title = t("xlsx_about", export.lang)
    names = sheet_names(export.tables, reserved=(about.title,))
    _write_about(about, export, export.tables, names)
    for table, name, table_name in zip(export.tables, names, table_names(export.tables, export.lang), strict=True):
        _write_table(wb.create_sheet(name), export, table, table_name)
    wb.active = 0
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
