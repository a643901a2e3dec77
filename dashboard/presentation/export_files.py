"""The files of an export: an `Export` of `Table`s written as CSV for Finnish Excel and as XLSX.

CSV is what Finnish Excel opens by double-click: UTF-8 with a byte-order mark, `;` between fields,
a decimal comma and no thousands separator, one header row. XLSX keeps numbers as numbers, rounded
as the view shows them, with formats Excel shows the reader's way (`1 234 €`, `68,2 %` in a Finnish
Excel). Its first sheet ("Tiedot"/"About") holds the header block (title, data status, source report,
filters applied) and links to the other sheets; then one sheet per table, its header row in row 1,
frozen and repeated on printed pages, marked as an Excel table named in the view's language (so
screen readers announce column headers), and under the table one line saying what it shows and as of
when; printed pages carry the title and status in their header and footer. Fonts are named and the
header row is as tall as its wrapped headers, so Excel and LibreOffice lay the sheets out alike.
Nothing here reads files, knows Dash or computes a figure: it writes the values it is given.
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.table import Table as ExcelTable
from openpyxl.worksheet.table import TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from dashboard.presentation.tables import Column, Table, format_cell
from dashboard.presentation.tables import missing as _missing
from dashboard.presentation.texts import t

# The report names its division but not its city, so the city is the dashboard's own constant.
CITY = "Heinola"
DOC_LANG = {"fi": "fi-FI", "en": "en-GB"}
SHEET_NAME_MAX = 31  # Excel's limit
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
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


# -- CSV --------------------------------------------------------------------------------------------------
def csv_value(value: object, column: Column) -> str:
    """`-1234,5`: a decimal comma, no thousands separator, so Finnish Excel reads a number."""
    if column.kind == "text":
        return "" if _missing(value) else str(value)
    if _missing(value):
        return ""
    rounded = round(float(value), column.decimals)
    text = f"{rounded + 0.0:.{column.decimals}f}"  # + 0.0: no "-0"
    return text.replace(".", ",")


def to_csv(table: Table) -> bytes:
    """One table: UTF-8 with BOM, `;`-separated, CRLF lines, the header row first."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([c.header for c in table.columns])
    for row in table.rows:
        writer.writerow([csv_value(v, c) for v, c in zip(row, table.columns, strict=True)])
    return out.getvalue().encode("utf-8-sig")


# -- XLSX -------------------------------------------------------------------------------------------------
# One font, named on the workbook's Normal style and on every cell we write. Arial, because every reader's
# software has it or a metric twin: Windows and macOS ship Arial, and LibreOffice ships Liberation Sans, which
# it substitutes for Arial with the same character widths. So the column widths and header heights computed
# below from Arial's widths hold in Excel and in Calc alike (an unnamed font is what made Calc pick a wide
# serif and wrap the header row over the first data row). Calibri would need Carlito, which Calc lacks on
# many Linux installs. scheme=None: a "minor" scheme font would be replaced by the theme's Calibri.
FONT_NAME = "Arial"
FONT_SIZE = 11
LINE_HEIGHT = 15.0  # points per line of 11-point text, with room to spare (Excel's own is 14.25 for Arial 11)
MAX_WIDTH = 80  # a text column is as wide as its longest text up to this; beyond it, the column is
WRAP_WIDTH = 60  # this wide and its long texts wrap
INDENT_WIDTH = 2.0  # a text column after a figure column is indented one step (Excel ~1.2, Calc ~1.5 units)
FILTER_BUTTON = 2.5  # the Excel table's filter button covers the right end of a header cell, in width units
_PX_PER_POINT = 96 / 72
_DIGIT_PX = 8  # Arial 11 at 96 dpi: a digit is 8 px, the unit of Excel's column widths
_EPS = 1e-6

# Advance widths of Arial (= Helvetica = Liberation Sans) in 1/1000 em: regular, then bold.
_WIDTHS = {
    False: dict(
        zip(
            " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
            (
                [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278]
                + [556] * 10
                + [278, 278, 584, 584, 584, 556, 1015]
                + [667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833]
                + [722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611]
                + [278, 278, 278, 469, 556, 333]
                + [556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833]
                + [556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500]
                + [334, 260, 334, 584]
            ),
            strict=True,
        )
    ),
    True: dict(
        zip(
            " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
            (
                [278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278]
                + [556] * 10
                + [333, 333, 584, 584, 584, 611, 975]
                + [722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833]
                + [722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611]
                + [333, 278, 333, 584, 556, 333]
                + [556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889]
                + [611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500]
                + [389, 280, 389, 584]
            ),
            strict=True,
        )
    ),
}
_WIDE_EXTRA = {
    **{"\u00a0": 278, "€": 556, "–": 556, "—": 1000, "×": 584, "−": 584, "…": 1000, "§": 556, "½": 834},
    **{"▲": 990, "▼": 990, "→": 1000, "←": 1000, "↑": 500, "↓": 500, "·": 278, "•": 350, "°": 400},
    **{"≈": 549, "≤": 549, "≥": 549, "´": 333},
}
_UNKNOWN = 1000  # a character we do not know: as wide as the widest, so that it never overflows

# The words of the workbook's own parts, in the view's language (dashboard.presentation.texts holds the views' words).
_WORDS = {
    "about": {"fi": "Tiedot", "en": "About"},
    "sheets": {"fi": "Taulukot", "en": "Tables"},
    "sheet": {"fi": "Välilehti", "en": "Sheet"},
    "contents": {"fi": "Sisältö", "en": "Contents"},
    "table": {"fi": "Taulukko", "en": "Table"},
    "page": {"fi": "Sivu", "en": "Page"},
}


def _word(key: str, lang: str) -> str:
    words = _WORDS[key]
    return words.get(lang, words["fi"])


def font(bold: bool = False, size: int = FONT_SIZE, **kwargs: object) -> Font:
    """The workbook's font, named (see FONT_NAME)."""
    return Font(name=FONT_NAME, size=size, bold=bold, family=2, scheme=None, **kwargs)


def _char_width(ch: str, bold: bool) -> int:
    widths = _WIDTHS[bold]
    if ch in widths:
        return widths[ch]
    if ch in _WIDE_EXTRA:
        return _WIDE_EXTRA[ch]
    base = unicodedata.normalize("NFKD", ch)[:1]  # ä → a, Ö → O, é → e
    return widths.get(base, _UNKNOWN)


def text_width(text: str, bold: bool = False, size: int = FONT_SIZE) -> float:
    """How wide `text` is in Excel's column-width units (digits of the Normal font), in Arial `size`."""
    units = sum(_char_width(ch, bold) for ch in text)
    return units / 1000 * size * _PX_PER_POINT / _DIGIT_PX


def line_widths(text: str, width: float, bold: bool = False, size: int = FONT_SIZE) -> list[float]:
    """The lines of `text` in a column `width` units wide, wrapped at spaces as a spreadsheet does: their widths.

    Greedy wrapping gives the fewest lines for its break points; Excel and Calc break at spaces and more
    places (after hyphens), so they never need more lines than this.
    """
    room = max(width - 1, 1.0)  # the cell's own padding
    space = text_width(" ", bold, size)
    lines: list[float] = []
    for paragraph in text.split("\n"):
        used = 0.0
        for word in paragraph.split(" "):
            w = text_width(word, bold, size)
            if used and used + space + w <= room + _EPS:
                used += space + w
                continue
            if used:
                lines.append(used)
            used = w
            while used > room + _EPS:  # a word wider than the column breaks where it must
                lines.append(room)
                used -= room
        lines.append(used)
    return lines


def wrapped_lines(text: str, width: float, bold: bool = False, size: int = FONT_SIZE) -> int:
    """How many lines `text` takes in a column `width` units wide (see line_widths)."""
    return len(line_widths(text, width, bold, size))


def header_line_count(header: str, width: float, lead: float = 0.0) -> int:
    """Lines of a bold header in a column `width` wide, its text indented by `lead`: the spreadsheet wraps
    it at the cell's width, and the Excel table's filter button sits at the cell's bottom right, so a last
    line that reaches under the button needs a line of its own below the text."""
    lines = line_widths(header, width - lead, bold=True)
    room = width - lead - 1
    return len(lines) + (1 if lines[-1] > room - FILTER_BUTTON + _EPS else 0)


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
    """The cell's value: the figure as the view shows it, rounded to the column's decimals.

    A percent is stored as the fraction it shows (99,04 % with 2 decimals → 0.9904), whole euros as whole
    numbers, so that the cell equals the view's figure and a sum of cells the sum of shown figures.
    """
    if column.kind == "text":
        return "" if _missing(value) else str(value)
    if _missing(value) or not math.isfinite(float(value)):
        return None
    shown = round(float(value), column.decimals) + 0.0  # + 0.0: no "-0"
    if column.kind == "pct":
        return round(shown / 100, column.decimals + 2) + 0.0
    return int(shown) if column.decimals == 0 else shown


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
    fallback = _word("table", lang)
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


def _unique_headers(columns: Sequence[Column]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for column in columns:
        header = column.header or "–"
        seen[header] = seen.get(header, 0) + 1
        out.append(header if seen[header] == 1 else f"{header} ({seen[header]})")
    return out


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


def _shown(value: object, column: Column, lang: str) -> str:
    return format_cell(value, column, lang) if column.is_figure else ("" if _missing(value) else str(value))


def column_widths(headers: Sequence[str], table: Table, lang: str) -> list[float]:
    """Each column wide enough for its figures as shown and its header's longest word (plus the filter button).

    A short header gets the width to stay on one line; a long one wraps to at most three lines. A text
    column is as wide as its longest text up to MAX_WIDTH; with longer texts it is WRAP_WIDTH wide and they wrap.
    """
    widths = []
    for j, (header, column) in enumerate(zip(headers, table.columns, strict=True)):
        cells = [_shown(row[j], column, lang) for row in table.rows]
        gap = 1.5 if column.is_figure else 0  # right-aligned figures keep a space from the column before
        lead = _lead(table, j)
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
        widths.append(math.ceil(max(width, longest_word + reserve) * 10 - _EPS) / 10)  # up: never narrower
    return widths


def _indent(lead: float) -> dict[str, object]:
    """Alignment arguments for an indented cell (an indent needs an explicit left alignment)."""
    return {"horizontal": "left", "indent": 1} if lead else {}


def _lead(table: Table, j: int) -> float:
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
        max([text_width(name) + 2 for name in names] + [text_width(_word("sheet", lang), bold=True) + 2, 20.0]),
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
    line(row, _word("sheets", lang), bold=True, size=12)
    row += 1
    for j, heading in enumerate((_word("sheet", lang), _word("contents", lang)), start=1):
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
    headers = _unique_headers(table.columns)
    widths = column_widths(headers, table, lang)
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    leads = [_lead(table, j) for j in range(len(headers))]
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
            wrap = "\n" in text or text_width(text) > room - 1 + _EPS
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
    ws.oddFooter.right.text = f"{_word('page', lang)} &P / &N"
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
    about.title = _word("about", export.lang)
    names = sheet_names(export.tables, reserved=(about.title,))
    _write_about(about, export, export.tables, names)
    for table, name, table_name in zip(export.tables, names, table_names(export.tables, export.lang), strict=True):
        _write_table(wb.create_sheet(name), export, table, table_name)
    wb.active = 0
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
