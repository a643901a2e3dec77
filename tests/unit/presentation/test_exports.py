"""Exports: the CSV and XLSX files are opened as a reader's software would and every figure is
compared with the dataset (expected values come from `load_dataset()`, never typed in)."""

from __future__ import annotations

import base64
import csv
import io

import openpyxl
import pytest
from openpyxl.utils import range_boundaries

from dashboard.analysis.finance_view import Selection, build_finance_view
from dashboard.analysis.lines import EXPENSE_TOTAL, display_sign
from dashboard.presentation.export_files import SHEET_NAME_MAX, csv_value, sheet_names, to_csv, to_xlsx
from dashboard.presentation.exports import csv_file_name, finance_export, report_export, xlsx_file_name
from dashboard.presentation.figures import CHART_BUILDERS
from dashboard.presentation.formatting import format_eur, format_pct, format_signed_eur, format_signed_pct
from dashboard.presentation.tables import Column, Table
from dashboard.presentation.texts import format_date, line_name, t
from dashboard.store.library import load_dataset
from dashboard.store.names import slugify
from dashboard.web.export_callbacks import finance_download, report_download
from tests.unit.test_one_number import same_rows

AREA = "Talouspalvelut"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


def figure(dataset, area: str, line: str, period) -> float | None:
    """The dataset's own figure for a cost centre ('' = the division's table), line and period."""
    if period is None:
        return None
    f = dataset.finance
    rows = f[
        (f["division"] == dataset.report.division)
        & (f["service_area"] == area)
        & (f["line_item"] == line)
        & (f["basis"] == period.basis)
        & (f["year"] == period.year)
        & (f["months"] == period.months)
    ]
    return float(rows["eur"].iloc[0]) if len(rows) else None


def printed(dataset, area: str, line: str, measure: str) -> float | None:
    """The report's own Jäljellä or TOT-% figure for a table's line, if it printed one."""
    p = dataset.printed_derived
    rows = p[(p["service_area"] == area) & (p["line_item"] == line) & (p["measure"] == measure)]
    return float(rows["printed"].iloc[0]) if len(rows) else None


def table_end(ws) -> int:
    """The last row of a sheet's table (a line saying what it shows follows it)."""
    return range_boundaries(list(ws.tables.values())[0].ref)[3]


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "Finnish Excel needs the UTF-8 byte-order mark"
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=";"))


def fi_number(text: str) -> float | None:
    """A CSV cell as Finnish Excel reads it: decimal comma, no thousands separator."""
    if text == "":
        return None
    assert " " not in text and "\u00a0" not in text and "." not in text, text
    return float(text.replace(",", "."))


def test_statement_csv_is_finnish_excel_csv_with_the_datasets_figures(dataset):
    export = finance_export(dataset, Selection(areas=(AREA,)), "fi")
    data = to_csv(export.table("statement"))
    assert b"\r\n" in data and data.count(b";") > 0
    rows = read_csv(data)
    header, body = rows[0], rows[1:]
    p = dataset.periods
    assert header[1:5] == [p.last_full_year.label, p.prior.label, f"{p.budget.label} +muutos", p.current.label]
    lines = dataset.finance[dataset.finance["service_area"] == AREA]["line_item"].unique()
    assert {row[0] for row in body} <= set(lines) and len(body) > 10
    for row in body:
        line = row[0]
        tp, prior, budget, current = (
            figure(dataset, AREA, line, q) for q in (p.last_full_year, p.prior, p.budget, p.current)
        )
        assert [fi_number(c) for c in row[1:5]] == [tp, prior, budget, current], line
        # Jäljellä and TOT-% as the report prints them for this table (0,00 where there is no budget).
        remaining, pct = printed(dataset, AREA, line, "remaining_eur"), printed(dataset, AREA, line, "realisation_pct")
        if remaining is None:  # a row the report does not print: computed
            assert fi_number(row[5]) == budget - current
        else:
            assert fi_number(row[5]) == remaining, line
            assert fi_number(row[6]) == pct, line
            assert "," in row[6]  # decimal comma, two decimals as the report prints TOT-%
            if budget:
                assert pct == pytest.approx(current / budget * 100, abs=0.05)


def test_xlsx_has_header_block_frozen_headers_formats_and_the_datasets_figures(dataset):
    selection = Selection(areas=(AREA,))
    export = finance_export(dataset, selection, "fi")
    wb = openpyxl.load_workbook(io.BytesIO(to_xlsx(export)))
    assert wb.properties.language == "fi-FI" and wb.properties.title == export.title
    assert len(wb.sheetnames) == 1 + 3 + len(CHART_BUILDERS)  # the header block's sheet first, then the tables
    assert all(len(name) <= SHEET_NAME_MAX for name in wb.sheetnames)
    block = [wb.worksheets[0].cell(row=i, column=1).value for i in range(1, 9)]
    ws = wb.worksheets[1]
    assert f"Tilanne {format_date(dataset.report.status_date, 'fi')}" in block
    assert any(dataset.report.source_file in (line or "") for line in block)
    assert any(AREA in (line or "") and (line or "").startswith("Palvelualue") for line in block)
    head = 1  # the table's header row is the sheet's first row
    assert ws.freeze_panes == f"A{head + 1}"
    assert ws.cell(row=head, column=1).value == "Rivi"
    assert list(ws.tables.values())[0].ref.startswith(f"A{head}:")
    p = dataset.periods
    n = 0
    for r in range(head + 1, table_end(ws) + 1):
        line = ws.cell(row=r, column=1).value
        values = [ws.cell(row=r, column=c).value for c in range(2, 6)]
        expected = [figure(dataset, AREA, line, q) for q in (p.last_full_year, p.prior, p.budget, p.current)]
        assert values == expected, line
        assert all(isinstance(v, int | float) for v in values)  # numbers, not text
        assert "€" in ws.cell(row=r, column=5).number_format and "#,##0" in ws.cell(row=r, column=5).number_format
        pct = ws.cell(row=r, column=7)
        if printed(dataset, AREA, line, "realisation_pct") is not None:
            assert pct.value == pytest.approx(printed(dataset, AREA, line, "realisation_pct") / 100, abs=1e-9)
            assert "%" in pct.number_format
        n += 1
    assert n == len(build_finance_view(dataset, selection).statement)


def test_kpi_and_exception_sheets_match_the_data(dataset):
    selection = Selection(areas=(AREA,))
    export = finance_export(dataset, selection, "fi")
    wb = openpyxl.load_workbook(io.BytesIO(to_xlsx(export)))
    kpis = wb["Tunnusluvut"]
    head = 1
    rows = {kpis.cell(row=r, column=2).value: r for r in range(head + 1, table_end(kpis) + 1)}
    r = rows[EXPENSE_TOTAL]
    current = figure(dataset, AREA, EXPENSE_TOTAL, dataset.periods.current) * display_sign(EXPENSE_TOTAL)
    prior = figure(dataset, AREA, EXPENSE_TOTAL, dataset.periods.prior) * display_sign(EXPENSE_TOTAL)
    assert kpis.cell(row=r, column=3).value == current > 0  # costs as positive figures, as on the card
    assert kpis.cell(row=r, column=4).value == prior
    assert kpis.cell(row=r, column=5).value == current - prior
    # Stored as shown: a percentage with one decimal.
    assert kpis.cell(row=r, column=6).value == pytest.approx((current - prior) / prior, abs=0.0005)
    exceptions = wb["Poikkeamat"]
    expected = build_finance_view(dataset, selection).exceptions
    head = 1
    got = [
        (exceptions.cell(row=r, column=2).value, exceptions.cell(row=r, column=5).value)
        for r in range(head + 1, table_end(exceptions) + 1)
    ]
    assert got == [
        (line_name(x, "fi"), float(e)) for x, e in zip(expected["line_item"], expected["effect_eur"], strict=True)
    ]


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_chart_sheets_hold_the_chart_tables_figures_as_numbers(dataset, lang):
    """Every figure of every chart's table, read back from the XLSX and formatted, is what the view shows."""
    selection = Selection(areas=(AREA, "Vaalit"), group="income")
    export = finance_export(dataset, selection, lang)
    view = build_finance_view(dataset, selection)
    for key, build in CHART_BUILDERS.items():
        chart = build(view, lang)
        table = export.table(key)
        assert table.title == chart.title and len(table.rows) == len(chart.rows)
        # The file holds the chart's own numbers; the page formats the same numbers.
        assert table.columns == chart.columns and same_rows(table.rows, chart.rows)
        for row, shown in zip(table.rows, chart.shown_rows, strict=True):
            for value, column, text in zip(row, table.columns, shown, strict=True):
                if column.kind == "text":
                    assert value == text
                elif value is None or value != value:
                    assert text == "–"
                elif column.kind == "eur":
                    assert text in (format_eur(value), format_signed_eur(value))
                elif column.kind == "pct":
                    assert text in (format_pct(value, column.decimals), format_signed_pct(value, column.decimals))
                elif column.kind == "pp":
                    assert text == format_signed_pct(value, column.decimals, unit=t("pp", lang))


def test_file_names_say_what_the_files_hold(dataset):
    date = dataset.report.status_date.isoformat()
    division = slugify(dataset.report.division)
    one = finance_export(dataset, Selection(areas=(AREA,)), "fi")
    assert xlsx_file_name(one) == f"heinola-{division}-talous-{date}-{slugify(AREA)}.xlsx"
    assert (
        csv_file_name(one, one.table("exceptions"))
        == f"heinola-{division}-talous-{date}-{slugify(AREA)}-poikkeamat.csv"
    )
    whole = finance_export(dataset, Selection(), "en")
    assert xlsx_file_name(whole) == f"heinola-{division}-finance-{date}-whole-division.xlsx"
    aim = dataset.goals["strategic_aim"].iloc[0]
    goals = report_export(dataset, "goals", "fi", aim)
    assert xlsx_file_name(goals) == f"heinola-{division}-tavoitteet-{date}-{slugify(aim)}.xlsx"


def test_report_pages_export_their_tables(dataset):
    risks = openpyxl.load_workbook(io.BytesIO(to_xlsx(report_export(dataset, "risks", "fi"))))["Riskirekisteri"]
    values = [[c.value for c in row] for row in risks.iter_rows() if isinstance(row[0].value, int)]
    expected = dataset.risks
    assert [v[0] for v in values] == expected["row"].tolist()
    assert [v[3:6] for v in values] == [
        [p, s, p * s] for p, s in zip(expected["probability"], expected["significance"], strict=True)
    ]
    aim = dataset.goals["strategic_aim"].iloc[0]
    goals = read_csv(to_csv(report_export(dataset, "goals", "fi", aim).table("goals")))
    assert len(goals) - 1 == (dataset.goals["strategic_aim"] == aim).sum()
    assert {row[2] for row in goals[1:]} == {aim}
    channels = read_csv(to_csv(report_export(dataset, "communications", "fi").table("followers")))
    social = dataset.social_media
    levels = social[social["metric"] == "followers"]
    assert sorted((row[0], fi_number(row[2])) for row in channels[1:]) == sorted(
        zip(levels["channel"], levels["value"].astype(float), strict=True)
    )


def test_callbacks_return_downloads_of_the_controls_view(dataset):
    sent = finance_download(dataset, "csv", "kpis", [slugify(AREA)], "expenses", "eur", "line", "fi")
    assert sent["filename"].endswith(f"{slugify(AREA)}-tunnusluvut.csv") and sent["base64"]
    rows = read_csv(base64.b64decode(sent["content"]))
    expected = figure(dataset, AREA, EXPENSE_TOTAL, dataset.periods.current) * display_sign(EXPENSE_TOTAL)
    assert fi_number(rows[1][2]) == expected
    sent = report_download(dataset, "xlsx", "risks", {"page": "risks", "lang": "en", "params": {}})
    wb = openpyxl.load_workbook(io.BytesIO(base64.b64decode(sent["content"])))
    assert wb.sheetnames == ["About", "Risk register"] and wb.properties.language == "en-GB"


def test_csv_values_sheet_names_and_shown_figures():
    assert csv_value(-1234.5, Column("x", "eur", 1)) == "-1234,5"
    assert csv_value(-0.001, Column("x", "pct", 1)) == "0,0"
    assert csv_value(None, Column("x", "eur")) == ""
    names = sheet_names([Table(k, "Kaavio: hyvin pitkä nimi / jossa kiellettyjä merkkejä", "", (), ()) for k in "ab"])
    assert len(set(n.lower() for n in names)) == 2 and all(
        len(n) <= 31 and "/" not in n and ":" not in n for n in names
    )
