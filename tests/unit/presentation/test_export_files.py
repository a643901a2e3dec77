"""The XLSX as a reader's spreadsheet opens it: named fonts, a header row tall enough for its wrapped
headers, only the header row frozen, table names in the view's language and percentages stored as shown.

Small `Export`s are built inline; the finance page's real export is checked too (its modules are imported
in the fixture, so the inline tests run whatever the state of the views)."""

from __future__ import annotations

import io
import math
import re

import openpyxl
import pytest

from dashboard.presentation.export_files import (
    FILTER_BUTTON,
    INDENT_WIDTH,
    LINE_HEIGHT,
    Export,
    header_line_count,
    header_lines,
    line_widths,
    sheet_names,
    table_names,
    table_note,
    text_width,
    to_xlsx,
    xlsx_value,
)
from dashboard.presentation.formatting import format_pct, rounded
from dashboard.presentation.tables import Column, Table

ENGLISH_WORDS = {"line", "area", "pace", "bridge", "forecast", "statement", "kpis", "exceptions", "chart", "table"}


def small_export(lang: str = "fi") -> Export:
    statement = Table(
        "statement",
        "Tuloslaskelma" if lang == "fi" else "Income statement",
        "Tuloslaskelma: Talouspalvelut" if lang == "fi" else "Income statement: Financial services",
        (
            Column("Rivi" if lang == "fi" else "Line item"),
            Column("TOT 2023 9 / kk", "eur"),
            Column("TA 2024 / +muutos", "eur"),
            Column("TOT-% 24", "pct", 2),
            Column("Toteutuma", "pct", 1),
            Column("Poikkeama tahdista", "pp", 1),
            Column("Ennuste verrattuna talousarvioon (muutoksineen)", "eur"),
        ),
        (
            ("Toimintatuotot", 1234.4, -2000.0, 99.0412, 68.19, 6.449, -2362.6),
            ("Henkilöstökulut", -55000.0, None, float("nan"), 0.04, -0.04, 0.0),
            ("Toimintakate " + "hyvin pitkä selite " * 6, 0.0, 10.0, 100.0, 12.35, 1.25, 5.5),
        ),
    )
    line = Table(
        "line",
        "Kaavio riveittäin" if lang == "fi" else "Chart by line item",
        "Rivit" if lang == "fi" else "Lines",
        (Column("Rivi"), Column("Muutos %", "pct", 1)),
        (("Kulut", -3.14159),),
    )
    forecast = Table(
        "forecast", "Kaavio ennuste" if lang == "fi" else "Chart forecast", "Ennuste", (Column("Vuosi"),), ()
    )
    return Export(
        lang=lang,
        title="Heinolan talous: Yhteiset palvelut",
        status="Tilanne 30.9.2024",
        source="Lähde: Käyttösuunnitelman toteutuminen (tiedosto raportti.txt).",
        filters=(("Palvelualue", "Talouspalvelut"), ("Ryhmä", "Kulut")),
        stem="heinola-yhteiset-palvelut-talous-2024-09-30-talouspalvelut",
        tables=(statement, line, forecast),
    )


def workbook(export: Export) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(to_xlsx(export)))


def table_sheets(wb: openpyxl.Workbook) -> list:
    return wb.worksheets[1:]  # the first sheet is the header block


def styled_cells(wb: openpyxl.Workbook):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None or cell.has_style:
                    yield ws, cell


def check_workbook(wb: openpyxl.Workbook, export: Export) -> None:
    """What every export must be, whatever its tables."""
    # fonts: every styled cell and the Normal style name their font
    normal = next(s for s in wb._named_styles if s.name == "Normal")
    assert normal.font.name and normal.font.scheme is None
    assert wb._fonts[0].name  # what unstyled cells use
    for ws, cell in styled_cells(wb):
        assert cell.font is not None and cell.font.name, (ws.title, cell.coordinate)
        assert cell.font.scheme is None, (ws.title, cell.coordinate)  # else the theme's font replaces the name
    # the header block is in the file, on the first sheet, readable
    about = wb.worksheets[0]
    block = [about.cell(row=i, column=1).value for i in range(1, len(header_lines(export)) + 1)]
    assert block == header_lines(export)
    assert about.freeze_panes is None
    # one sheet per table: header row 1, frozen below it, repeated on printed pages, its note under the table
    names = []
    for ws, table in zip(table_sheets(wb), export.tables, strict=True):
        assert ws.freeze_panes == "A2", ws.title
        assert ws.print_title_rows == "$1:$1", ws.title
        assert [ws.cell(row=1, column=j + 1).value for j in range(len(table.columns))] == list(table.headers)
        end = 1 + max(len(table.rows), 1)
        assert ws.cell(row=end + 2, column=1).value == table_note(export, table)
        assert export.status in table_note(export, table) and table.title in table_note(export, table)
        # the header row is as tall as its most wrapped header needs
        if table.columns:
            height = ws.row_dimensions[1].height
            assert height is not None and ws.row_dimensions[1].customHeight
            for j, column in enumerate(table.columns, start=1):
                width = ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width
                width -= INDENT_WIDTH if ws.cell(row=1, column=j).alignment.indent else 0
                # at least as many lines as its width needs, and a line clear of the filter button
                at_least = math.ceil(text_width(column.header, bold=True) / (width - 1))
                last = line_widths(column.header, width, bold=True)[-1]
                at_least += 1 if last > width - 1 - FILTER_BUTTON else 0
                assert height >= max(at_least, header_line_count(column.header, width)) * LINE_HEIGHT
                assert width >= max(text_width(w, bold=True) for w in column.header.split()) + FILTER_BUTTON
        for excel_table in ws.tables.values():
            assert excel_table.ref == f"A1:{openpyxl.utils.get_column_letter(len(table.columns))}{1 + len(table.rows)}"
            names.append(excel_table.displayName)
    # table names: Excel-valid, unique in the workbook
    assert len({n.lower() for n in names}) == len(names)
    for name in names:
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", name) and len(name) <= 255, name
        assert not re.fullmatch(r"[A-Za-z]{1,3}\d+|[RrCc]\d*|[Rr]\d*[Cc]\d*", name), name


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_small_export_is_readable_in_any_spreadsheet(lang):
    export = small_export(lang)
    wb = workbook(export)
    assert wb.sheetnames == [("Tiedot" if lang == "fi" else "About"), *sheet_names(export.tables)]
    check_workbook(wb, export)
    names = [n for ws in table_sheets(wb) for n in ws.tables]
    if lang == "fi":
        assert names == ["Tuloslaskelma", "Kaavio_riveittain"]  # the empty table has no Excel table
    else:
        assert names == ["Income_statement", "Chart_by_line_item"]


def test_header_row_fits_long_headers_and_short_ones_stay_on_one_line():
    wb = workbook(small_export())
    ws = wb["Tuloslaskelma"]
    widths = {
        ws.cell(row=1, column=j).value: ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width
        for j in range(1, 8)
    }
    for short in ("TOT 2023 9 / kk", "TA 2024 / +muutos", "TOT-% 24"):
        assert header_line_count(short, widths[short]) == 1, short
        assert text_width(short, bold=True) + FILTER_BUTTON + 1 <= widths[short]
    long = "Ennuste verrattuna talousarvioon (muutoksineen)"
    lines = header_line_count(long, widths[long])
    assert 2 <= lines <= 3
    assert ws.row_dimensions[1].height >= lines * LINE_HEIGHT
    # a long text cell wraps, and its row is tall enough
    long_text = ws.cell(row=4, column=1)
    assert long_text.alignment.wrap_text and long_text.font.name
    assert ws.row_dimensions[4].height >= 2 * LINE_HEIGHT


def test_cells_hold_the_figures_as_shown():
    wb = workbook(small_export())
    ws = wb["Tuloslaskelma"]
    assert [ws.cell(row=2, column=j).value for j in range(2, 8)] == [1234, -2000, 0.9904, 0.682, 6.4, -2363]
    assert [ws.cell(row=3, column=j).value for j in range(2, 8)] == [-55000, None, None, 0.0, 0.0, 0]
    assert ws.cell(row=2, column=4).number_format == "0.00\\ %"
    assert wb["Kaavio riveittäin"].cell(row=2, column=2).value == -0.031
    assert xlsx_value(99.045, Column("x", "pct", 2)) == 0.9905  # rounded half up, as the view shows 99,05 %
    assert xlsx_value(2.5, Column("x", "eur")) == 3 and xlsx_value(-2.5, Column("x", "eur")) == -3
    assert xlsx_value(-0.4, Column("x", "eur")) == 0 and str(xlsx_value(-0.04, Column("x", "pp", 1))) == "0.0"
    assert xlsx_value(float("inf"), Column("x", "eur")) is None
    assert xlsx_value(3, Column("x", "count")) == 3 and isinstance(xlsx_value(3, Column("x", "count")), int)


def test_table_names_are_valid_unique_and_in_the_views_language():
    tables = [
        Table(k, name, "", (), ())
        for k, name in [
            ("a", "Tuloslaskelma"),
            ("b", "tuloslaskelma"),
            ("c", "Kaavio: pääomat / sijoitukset"),
            ("d", "2024 ennuste"),
            ("e", "TOT2024"),
            ("f", "R1C1"),
            ("g", "Åbo"),
            ("h", "ÄÖ!" * 200),
            ("i", ""),
        ]
    ]
    names = table_names(tables, "fi")
    assert names[:7] == [
        "Tuloslaskelma",
        "tuloslaskelma_2",
        "Kaavio_paaomat_sijoitukset",
        "Taulukko_2024_ennuste",
        "TOT2024_",
        "R1C1_",
        "Abo",
    ]
    assert names[8] == "Taulukko" and table_names(tables, "en")[8] == "Table"
    assert len(names[7]) <= 255 and names[7].startswith("AO_AO")
    assert len({n.lower() for n in names}) == len(names)
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", n) for n in names)


def test_sheet_names_leave_room_for_the_first_sheet():
    names = sheet_names([Table("a", "Tiedot", "", (), ()), Table("b", "tiedot", "", (), ())], reserved=("Tiedot",))
    assert names == ["Tiedot 2", "tiedot 3"]


@pytest.fixture(scope="module")
def finance():
    from dashboard.analysis.finance_view import Selection
    from dashboard.presentation.exports import finance_export
    from dashboard.store.library import load_dataset

    dataset = load_dataset()
    return {lang: finance_export(dataset, Selection(), lang) for lang in ("fi", "en")}


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_finance_export_is_readable_in_any_spreadsheet(finance, lang):
    export = finance[lang]
    wb = workbook(export)
    check_workbook(wb, export)
    names = [n for ws in table_sheets(wb) for n in ws.tables]
    other = workbook(finance["en" if lang == "fi" else "fi"])
    other_names = {n for ws in table_sheets(other) for n in ws.tables}
    if lang == "fi":  # no English words: not the keys, not the English names
        words = {w.lower() for n in names for w in n.split("_")}
        assert not words & ENGLISH_WORDS, names
        assert not set(names) & other_names, names
    assert len(set(names)) == len(names)
    # percent cells are the view's rounded figures
    for ws, table in zip(table_sheets(wb), export.tables, strict=True):
        for j, column in enumerate(table.columns, start=1):
            if column.kind != "pct":
                continue
            for i, value in enumerate(table.column(j - 1), start=2):
                cell = ws.cell(row=i, column=j).value
                if value is None or value != value:
                    assert cell is None
                else:
                    assert cell == float(rounded(value, column.decimals).scaleb(-2)), (ws.title, i, j)
                    assert format_pct(cell * 100, column.decimals) == format_pct(value, column.decimals)
                    assert cell == round(cell, column.decimals + 2)
