"""Exports in headless Chromium: the toolbar's downloads, a chart's PNG, and the printed A4 report.

Downloaded files are opened (csv, openpyxl) and compared with the dataset; the print test renders
the page to PDF and reads its text with poppler's `pdftotext` (poppler-utils, which ./scripts/test installs; the test fails without it).
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess

import openpyxl
import pytest

from dashboard.analysis.finance_view import Selection, build_finance_view
from dashboard.analysis.lines import EXPENSE_TOTAL
from dashboard.presentation.figures import CHART_BUILDERS
from dashboard.presentation.formatting import format_eur
from dashboard.presentation.texts import format_date
from dashboard.store.names import slugify
from tests.browser.conftest import wait_for_charts
from tests.unit.presentation.test_exports import fi_number, figure

pytestmark = pytest.mark.browser
AREA = "Talouspalvelut"


def download(page, selector: str):
    with page.expect_download() as info:
        page.click(selector)
    dl = info.value
    return dl.suggested_filename, dl.path().read_bytes()


def test_finance_xlsx_and_csv_follow_the_controls(page, base_url, dataset):
    page.goto(f"{base_url}/?area={slugify(AREA)}")
    wait_for_charts(page)
    date = dataset.report.status_date.isoformat()
    page.click("#finance-export-menu > summary")  # the header's "Lataa" menu holds the downloads
    name, data = download(page, "#finance-export-xlsx-button")
    assert name == f"heinola-{slugify(dataset.report.division)}-talous-{date}-{slugify(AREA)}.xlsx"
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["Tuloslaskelma"]
    rows = {ws.cell(row=r, column=1).value: r for r in range(1, ws.max_row + 1)}
    current = dataset.periods.current
    assert ws.cell(row=rows[EXPENSE_TOTAL], column=5).value == figure(dataset, AREA, EXPENSE_TOTAL, current)

    # Another cost centre ticked: the files follow the page's controls, not the link it opened with.
    page.get_by_label("Vaalit", exact=True).check()
    page.click("#finance-export-menu > summary")  # the click on the checkbox closed the menu
    page.select_option("#finance-export-csv-table", "exceptions")
    name, data = download(page, "#finance-export-csv-button")
    assert name.endswith(f"-{slugify('Vaalit')}-{slugify(AREA)}-poikkeamat.csv"), name
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(data[3:].decode("utf-8")), delimiter=";"))
    expected = build_finance_view(dataset, Selection(areas=("Vaalit", AREA))).exceptions
    assert [fi_number(row[4]) for row in table[1:]] == [round(v) for v in expected["effect_eur"]]


def test_chart_png_named_for_the_view_and_keyboard_reachable(page, base_url, dataset):
    page.goto(f"{base_url}/?area={slugify(AREA)}")
    wait_for_charts(page)
    title = page.inner_text("#line-item-chart-title")
    view = build_finance_view(dataset, Selection(areas=(AREA,)))
    assert title == CHART_BUILDERS["line"](view, "fi").title
    page.hover("#line-item-chart .plot-container")
    camera = page.locator("#line-item-chart button.modebar-btn").first
    camera.focus()  # a real <button>: reachable and pressed with the keyboard
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    dl = info.value
    date = dataset.report.status_date.isoformat()
    stem = f"heinola-{slugify(dataset.report.division)}-talous-{date}-{slugify(AREA)}"
    assert dl.suggested_filename == f"{stem}-{slugify(title)[:90].rstrip('-')}.png"
    assert dl.path().read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert page.locator("#line-item-chart .modebar-btn--logo").count() == 0


def test_report_pages_download_their_tables(page, base_url, dataset):
    page.goto(f"{base_url}/riskit")
    page.click("#report-export-menu > summary")
    name, data = download(page, "#report-export-xlsx-button")
    assert name == f"heinola-{slugify(dataset.report.division)}-riskit-{dataset.report.status_date.isoformat()}.xlsx"
    ws = openpyxl.load_workbook(io.BytesIO(data))["Riskirekisteri"]
    got = [[c.value for c in row[:6]] for row in ws.iter_rows() if isinstance(row[0].value, int)]
    risks = dataset.risks
    assert [[r[0], r[3], r[4], r[5]] for r in got] == [
        [n, p, s, p * s] for n, p, s in zip(risks["row"], risks["probability"], risks["significance"], strict=True)
    ]
    aim = dataset.goals["strategic_aim"].iloc[0]
    page.goto(f"{base_url}/tavoitteet?aim={slugify(aim)}")
    page.click("#report-export-menu > summary")
    name, data = download(page, "#report-export-csv-button")
    assert name.endswith(f"-{slugify(aim)}-tavoitteet.csv")
    table = list(csv.reader(io.StringIO(data[3:].decode("utf-8")), delimiter=";"))
    assert len(table) - 1 == (dataset.goals["strategic_aim"] == aim).sum()


def _normalise(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def test_print_renders_an_a4_report_with_the_figures(page, base_url, dataset, tmp_path):
    # A missing tool fails, never skips: ./scripts/test installs poppler-utils.
    assert shutil.which("pdftotext"), "pdftotext is missing: apt-get install poppler-utils (./scripts/test does)"
    page.goto(f"{base_url}/")
    wait_for_charts(page)
    pdf = tmp_path / "view.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info, info
    text = _normalise(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout)
    assert _normalise(f"Tilanne {format_date(dataset.report.status_date, 'fi')}") in text
    division_expenses = figure(dataset, "", EXPENSE_TOTAL, dataset.periods.current)
    assert _normalise(format_eur(division_expenses)) in text  # the statement, in the report's signs
    assert _normalise(format_eur(-division_expenses)) in text  # the KPI card, as a cost
    view = build_finance_view(dataset, Selection())
    bridge = CHART_BUILDERS["bridge"](view, "fi")
    assert _normalise(bridge.shown_rows[-1][1]) in text  # a chart's table alternative, opened for print
    for control in ("Lataa CSV", "Kopioi linkki", "Näytä taulukkona"):
        assert control not in text
