"""A library of reports in the browser: choose a report and a division, see the year develop.

The library (tests/conftest.py `library_data`) holds the seed's division at 30.6.2024 and
30.9.2024 and a second division at 30.9.2024, all generated fixtures but the seed. Expected
figures come from the analysis of each report, never from the page.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator

import openpyxl
import pytest

from dashboard.analysis.finance_view import Selection, build_finance_view
from dashboard.analysis.lines import EXPENSE_TOTAL
from dashboard.presentation.formatting import format_eur, format_pct
from dashboard.presentation.texts import format_date
from dashboard.serving.settings import Settings
from dashboard.store.dataset import ALL_DIVISIONS
from dashboard.web import ids
from tests.browser.conftest import serving, wait_for_charts
from tests.browser.test_exports import download

pytestmark = pytest.mark.browser
JUNE, SEPTEMBER = dt.date(2024, 6, 30), dt.date(2024, 9, 30)
SEED_DIVISION, OTHER = "Yhteiset palvelut", "Testitoimiala"


@pytest.fixture(scope="module")
def library_url(library_data) -> Iterator[str]:
    with serving(Settings(data_dir=library_data, default_lang="fi")) as url:
        yield url


def _expenses(dataset, division: str = "") -> float:
    view = build_finance_view(dataset, Selection(division=division))
    return next(k for k in view.kpis if k.line_item == EXPENSE_TOTAL)


def _options(page, control: str) -> list[str]:
    return [label.strip() for label in page.locator(f"#{control} label").all_inner_texts()]


def _development_rows(page, chart_id: str) -> list[list[str]]:
    details = page.locator(f"details:has(#{ids.table_id(chart_id)})")
    if not details.evaluate("d => d.open"):  # a chart's table is drawn when its details is opened
        details.locator("summary").click()
    table = page.locator(f"#{ids.table_id(chart_id)} table")
    table.wait_for()
    return [
        [cell.strip() for cell in row.locator("th, td").all_text_contents()] for row in table.locator("tbody tr").all()
    ]


def test_the_report_and_division_selectors_and_the_years_development(page, library_url, library):
    page.goto(library_url + "/")
    wait_for_charts(page)
    september, june = library.dataset(SEPTEMBER), library.dataset(JUNE)
    # The latest report by default; the division's two reports offered, and every division.
    assert page.is_checked(f"#{ids.REPORT_CONTROL} input[value='{SEPTEMBER.isoformat()}']")
    assert _options(page, ids.REPORT_CONTROL) == ["30.6.2024 (6 kk)", "30.9.2024 (9 kk)"]
    assert _options(page, ids.DIVISION_CONTROL) == [SEED_DIVISION, OTHER, ALL_DIVISIONS]
    assert "Tilanne 30.9.2024" in page.inner_text(f"#{ids.DATA_STATUS}")

    # The development: a point per report, each its report's own realisation % (as its KPI card says).
    rows = _development_rows(page, ids.DEVELOPMENT_CHART)
    assert [row[0] for row in rows] == [format_date(JUNE, "fi"), format_date(SEPTEMBER, "fi")]
    assert [row[2] for row in rows] == [format_pct(_expenses(d).realisation_pct, 1) for d in (june, september)]
    assert [row[1] for row in rows] == ["50,0\u00a0%", "75,0\u00a0%"]  # the pace at 6 and 9 months
    forecasts = _development_rows(page, ids.FORECAST_DEVELOPMENT_CHART)
    assert [row[2] for row in forecasts] == [format_eur(_expenses(d).forecast) for d in (june, september)]

    # The earlier report: its stamp, its figures, the link keeps it.
    page.get_by_label("30.6.2024 (6 kk)").check()
    wait_for_charts(page)
    page.wait_for_function("() => document.getElementById('data-status').innerText.includes('30.6.2024')")
    page.wait_for_url(re.compile("date=2024-06-30"))  # the address (and the links) follow the drawn view
    assert format_eur(_expenses(june).current) in page.inner_text(f"#{ids.KPI_CARDS}")
    assert "date=2024-06-30" in page.get_attribute(".site-nav a[href*='viestinta']", "href")
    assert len(_development_rows(page, ids.DEVELOPMENT_CHART)) == 1  # the year so far: one report

    # Its download holds that report's figures.
    page.click("#finance-export-menu > summary")
    name, data = download(page, "#finance-export-xlsx-button")
    assert "2024-06-30" in name
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Tuloslaskelma"]
    values = [sheet.cell(row=r, column=5).value for r in range(1, sheet.max_row + 1)]
    assert -round(_expenses(june).current) in values
    page.keyboard.press("Escape")  # closes the download menu

    # Another division: its one report, the date follows; then all divisions summed.
    page.get_by_role("radio", name=OTHER).check()
    page.wait_for_function(f"() => document.getElementById('data-status').innerText.includes('{OTHER}')")
    wait_for_charts(page)
    assert _options(page, ids.REPORT_CONTROL) == ["30.9.2024 (9 kk)"]
    assert format_eur(_expenses(september, OTHER).current) in page.inner_text(f"#{ids.KPI_CARDS}")
    page.get_by_role("radio", name=ALL_DIVISIONS).check()
    page.wait_for_function(
        f"() => document.getElementById('{ids.SELECTION_HEADING}').innerText.includes('{ALL_DIVISIONS}')"
    )
    wait_for_charts(page)
    whole = _expenses(september, ALL_DIVISIONS).current
    assert whole == _expenses(september).current + _expenses(september, OTHER).current
    assert format_eur(whole) in page.inner_text(f"#{ids.KPI_CARDS}")


def test_a_link_names_the_report_and_a_stale_one_says_so(page, library_url, library):
    page.goto(library_url + "/?date=2024-06-30&division=yhteiset-palvelut&lang=en")
    wait_for_charts(page)
    assert "Status 30.6.2024" in page.inner_text(f"#{ids.DATA_STATUS}")
    page.goto(library_url + "/?date=2024-06-30&division=testitoimiala")
    wait_for_charts(page)
    assert "Tilanne 30.9.2024" in page.inner_text(f"#{ids.DATA_STATUS}")  # its latest, with a notice
    assert "Toimialalta Testitoimiala ei ole raporttia päivältä" in page.inner_text(f"#{ids.URL_NOTICE}")
    assert format_eur(_expenses(library.dataset(SEPTEMBER), OTHER).current) in page.inner_text(f"#{ids.KPI_CARDS}")
