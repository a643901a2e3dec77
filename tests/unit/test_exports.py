"""Exports: the CSV and XLSX files are opened as a reader's software would and every figure is
compared with the dataset (expected values come from `load_dataset()`, never typed in)."""

from __future__ import annotations

import base64
import csv
import io

import openpyxl
import pytest

from dashboard.data import load_dataset
from dashboard.export_callbacks import finance_download, report_download
from dashboard.exports import (
    SHEET_NAME_MAX,
    Column,
    Table,
    csv_file_name,
    csv_value,
    finance_export,
    header_lines,
    parse_shown,
    report_export,
    sheet_names,
    to_csv,
    to_xlsx,
    xlsx_file_name,
)
from dashboard.figures import CHART_BUILDERS
from dashboard.finance_view import EXPENSE_TOTAL, Selection, build_finance_view, display_sign
from dashboard.i18n import format_date, line_name
from dashboard.numbers import format_eur, format_number, format_pct, format_signed_eur, format_signed_pct
from dashboard.report_parser import slugify

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
        assert fi_number(row[5]) == budget - current
        expected_pct = round(current / budget * 100, 2) if budget else None
        assert fi_number(row[6]) == (None if expected_pct is None else pytest.approx(expected_pct)), line
        if expected_pct is not None:
            assert "," in row[6]  # decimal comma, two decimals as the report prints TOT-%


def test_xlsx_has_header_block_frozen_headers_formats_and_the_datasets_figures(dataset):
    selection = Selection(areas=(AREA,))
    export = finance_export(dataset, selection, "fi")
    wb = openpyxl.load_workbook(io.BytesIO(to_xlsx(export)))
    assert wb.properties.language == "fi-FI" and wb.properties.title == export.title
    assert len(wb.sheetnames) == 3 + len(CHART_BUILDERS)
    assert all(len(name) <= SHEET_NAME_MAX for name in wb.sheetnames)
    ws = wb[wb.sheetnames[0]]
    block = [ws.cell(row=i, column=1).value for i in range(1, 9)]
    assert f"Tilanne {format_date(dataset.report.status_date, 'fi')}" in block
    assert any(dataset.report.source_file in (line or "") for line in block)
    assert any(AREA in (line or "") and (line or "").startswith("Palvelualue") for line in block)
    head = len(header_lines(export, export.table("statement"))) + 1
    assert ws.freeze_panes == f"A{head + 1}"
    assert ws.cell(row=head, column=1).value == "Rivi"
    assert list(ws.tables.values())[0].ref.startswith(f"A{head}:")
    p = dataset.periods
    n = 0
    for r in range(head + 1, ws.max_row + 1):
        line = ws.cell(row=r, column=1).value
        values = [ws.cell(row=r, column=c).value for c in range(2, 6)]
        expected = [figure(dataset, AREA, line, q) for q in (p.last_full_year, p.prior, p.budget, p.current)]
        assert values == expected, line
        assert all(isinstance(v, int | float) for v in values)  # numbers, not text
        assert "€" in ws.cell(row=r, column=5).number_format and "#,##0" in ws.cell(row=r, column=5).number_format
        pct = ws.cell(row=r, column=7)
        if expected[2]:
            assert pct.value == pytest.approx(expected[3] / expected[2]) and "%" in pct.number_format
        n += 1
    assert n == len(build_finance_view(dataset, selection).statement)


def test_kpi_and_exception_sheets_match_the_data(dataset):
    selection = Selection(areas=(AREA,))
    export = finance_export(dataset, selection, "fi")
    wb = openpyxl.load_workbook(io.BytesIO(to_xlsx(export)))
    kpis = wb["Tunnusluvut"]
    head = len(header_lines(export, export.table("kpis"))) + 1
    rows = {kpis.cell(row=r, column=2).value: r for r in range(head + 1, kpis.max_row + 1)}
    r = rows[EXPENSE_TOTAL]
    current = figure(dataset, AREA, EXPENSE_TOTAL, dataset.periods.current) * display_sign(EXPENSE_TOTAL)
    prior = figure(dataset, AREA, EXPENSE_TOTAL, dataset.periods.prior) * display_sign(EXPENSE_TOTAL)
    assert kpis.cell(row=r, column=3).value == current > 0  # costs as positive figures, as on the card
    assert kpis.cell(row=r, column=4).value == prior
    assert kpis.cell(row=r, column=5).value == current - prior
    assert kpis.cell(row=r, column=6).value == pytest.approx((current - prior) / prior)
    exceptions = wb["Poikkeamat"]
    expected = build_finance_view(dataset, selection).exceptions
    head = len(header_lines(export, export.table("exceptions"))) + 1
    got = [
        (exceptions.cell(row=r, column=2).value, exceptions.cell(row=r, column=5).value)
        for r in range(head + 1, exceptions.max_row + 1)
    ]
    assert got == [
        (line_name(x, "fi"), float(e)) for x, e in zip(expected["line_item"], expected["impact_eur"], strict=True)
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
        for row, shown in zip(table.rows, chart.rows, strict=True):
            for value, column, text in zip(row, table.columns, shown, strict=True):
                if column.kind == "text":
                    assert value == text
                elif value is None:
                    assert text == "–"
                elif column.kind == "eur":
                    assert text in (format_eur(value), format_signed_eur(value))
                elif column.kind == "pct":
                    assert text in (format_pct(value, column.decimals), format_signed_pct(value, column.decimals))
                else:
                    unit = text.rsplit("\u00a0", 1)[1]
                    assert text == format_signed_pct(value, column.decimals, unit=unit)


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
    goals = report_export(dataset, "goals", "fi", {"aim": slugify(aim)})
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
    goals = read_csv(to_csv(report_export(dataset, "goals", "fi", {"aim": slugify(aim)}).table("goals")))
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
    assert wb.sheetnames == ["Risk register"] and wb.properties.language == "en-GB"


def test_csv_values_sheet_names_and_shown_figures():
    assert csv_value(-1234.5, Column("x", "eur", 1)) == "-1234,5"
    assert csv_value(-0.001, Column("x", "pct", 1)) == "0,0"
    assert csv_value(None, Column("x", "eur")) == ""
    names = sheet_names([Table(k, "Kaavio: hyvin pitkä nimi / jossa kiellettyjä merkkejä", "", (), ()) for k in "ab"])
    assert len(set(n.lower() for n in names)) == 2 and all(
        len(n) <= 31 and "/" not in n and ":" not in n for n in names
    )
    assert parse_shown("-2\u00a0362\u00a0€") == ("eur", -2362.0, 0)
    assert parse_shown("+6,4\u00a0%-yks.") == ("pp", 6.4, 1)
    assert parse_shown(format_pct(68.19)) == ("pct", 68.2, 1)
    assert parse_shown("Henkilöstökulut") is None
    assert parse_shown(format_number(None)) == ("none", None, 0)
