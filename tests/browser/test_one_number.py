"""One number per fact, in the browser: the card, the forecast chart's sentence and table, and the
downloaded XLSX of the same view show the same forecast, the computed result's."""

from __future__ import annotations

import io

import openpyxl
import pytest

from dashboard.analysis.finance_view import Selection, build_finance_view
from dashboard.analysis.lines import display_sign, headline_line
from dashboard.presentation.formatting import format_eur, format_signed_eur
from dashboard.presentation.texts import t
from dashboard.store.names import slugify
from dashboard.web import ids
from dashboard.web.export_toolbar import FINANCE, export_id
from tests.browser.conftest import wait_for_charts

pytestmark = pytest.mark.browser


def _normal(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.mark.parametrize(
    "areas",
    [(), ("Vaalit",), ("Vaalit", "Henkilöstöpalvelut"), ("Talouspalvelut", "Tarkastustoimi", "Kehittämispalvelut")],
    ids=["division", "one", "two", "three"],
)
def test_card_chart_table_and_export_show_the_same_forecast(page, base_url, dataset, areas):
    query = "&".join(f"area={slugify(a)}" for a in areas)
    page.goto(f"{base_url}/?{query}")
    wait_for_charts(page)
    view = build_finance_view(dataset, Selection(areas=areas))
    card = next(k for k in view.kpis if k.key == "expenses")
    forecast, diff = _normal(format_eur(card.forecast)), _normal(format_signed_eur(card.forecast_vs_budget_eur))

    cards = _normal(page.inner_text(f"#{ids.KPI_CARDS} .kpi-expenses"))
    assert forecast in cards and diff in cards, cards
    summary = _normal(page.inner_text(f"#{ids.summary_id(ids.FORECAST_CHART)}"))
    assert forecast in summary and diff in summary, summary

    # The chart's table alternative: each cost centre's forecast, as computed.
    page.click(f"#{ids.FORECAST_CHART} ~ details summary, section:has(#{ids.FORECAST_CHART}) details summary")
    page.locator(f"#{ids.table_id(ids.FORECAST_CHART)} tbody tr").first.wait_for()  # drawn as it opens
    cells = page.locator(f"#{ids.table_id(ids.FORECAST_CHART)} tbody tr").all_inner_texts()
    by_area = view.by_area[view.by_area["line_item"] == headline_line("expenses")]
    expected = [_normal(format_eur(v * display_sign(headline_line("expenses")))) for v in by_area["forecast"]]
    assert [_normal(row.split("\t")[2]) for row in cells] == expected

    # The XLSX of the same view: the key figures' forecast is the card's number.
    page.click(f"#{export_id(FINANCE, 'menu')} > summary")  # the header's "Lataa" menu
    with page.expect_download() as info:
        page.click(f"#{export_id(FINANCE, 'xlsx-button')}")
    workbook = openpyxl.load_workbook(io.BytesIO(info.value.path().read_bytes()))
    sheet = next(ws for ws in workbook.worksheets if ws.title.startswith(t("export_table_kpis", "fi")))
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    forecast_header = t("forecast", "fi", year=dataset.periods.current.year)
    header = next(i for i, row in enumerate(values) if forecast_header in row)
    column = values[header].index(forecast_header)
    row = next(r for r in values[header + 1 :] if r[1] == card.line_item)
    assert row[column] == round(card.forecast)
