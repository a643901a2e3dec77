"""The report pages on a library of reports in headless Chromium: trends across reports, changes since the last.

The app serves the `library_data` folder (Yhteiset palvelut at 30.6 and 30.9.2024, Testitoimiala
at 30.9.2024). Every test fails on a browser console error (the `page` fixture).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dashboard.serving.settings import Settings
from tests.browser.conftest import serving, wait_for_page_charts

pytestmark = pytest.mark.browser
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def library_url(library_data) -> Iterator[str]:
    with serving(Settings(data_dir=library_data, default_lang="fi")) as url:
        yield url


def _table_rows(page, chart_id: str) -> list[list[str]]:
    """A chart's table alternative, opened as a reader opens it: each row's cells as shown."""
    card = page.locator(f"section[aria-labelledby='{chart_id}-title']")
    card.locator("details.chart-table > summary").click()
    rows = card.locator("details.chart-table table tbody tr")
    rows.first.wait_for()
    return [
        [cell.replace(NBSP, " ").strip() for cell in rows.nth(i).locator("td, th").all_inner_texts()]
        for i in range(rows.count())
    ]


def test_communications_trends_hold_dated_points_of_both_reports(page, library_url):
    page.goto(library_url + "/viestinta?date=2024-09-30")
    wait_for_page_charts(page, at_least=5)  # Facebook, Instagram, X, LinkedIn, posts
    facebook = _table_rows(page, "followers-facebook-chart")
    assert [row[:2] for row in facebook if row[0] != "edellinen tarkastelujakso"] == [
        ["30.6.2024", "4 567"],
        ["30.9.2024", "4 583"],
    ]
    assert [row[:2] for row in _table_rows(page, "followers-linkedin-chart")] == [
        ["30.6.2024", "850"],
        ["30.9.2024", "894"],
    ]
    x = _table_rows(page, "followers-x-chart")
    assert [row[:2] for row in x] == [["30.6.2024", "+6"], ["30.9.2024", "+11"]]
    assert "maaliskuusta 2024" in page.inner_text("#followers-x-chart-title")
    drawn = page.evaluate(
        "() => Array.from(document.querySelector('#followers-facebook-chart .js-plotly-plot').data[0].y)"
    )
    assert drawn == [4538, 4567, 4583]


def test_goals_page_marks_the_changed_goal_with_its_previous_status(page, library_url):
    page.goto(library_url + "/tavoitteet?date=2024-09-30")
    page.wait_for_selector("article.goal")
    changed = page.locator("article.goal.changed")
    assert changed.count() == 1
    assert changed.locator("h3").inner_text() == "Hyvinvoinnin kasvu"
    assert changed.locator(".change-mark").inner_text().strip() == "↻ Muuttunut: aiemmin Osittain (30.6.2024)"
    assert changed.locator(".status").inner_text().strip().endswith("Toteutuu")
    assert "1 tavoitteen tila muuttunut edellisestä raportista (30.6.2024)" in page.inner_text(".page-answer")


def test_risks_page_marks_the_risen_risk_with_its_previous_score(page, library_url):
    page.goto(library_url + "/riskit?date=2024-09-30&lang=en")
    wait_for_page_charts(page, at_least=1)
    markers = page.evaluate("() => document.querySelector('#risk-matrix-chart .js-plotly-plot').data[0].text")
    assert "4▲" in markers
    item = page.locator("table.risk-matrix-table li", has_text="Palveluntuottajien")
    assert item.locator(".change-mark").inner_text().strip() == "▲ Rose: previously 1 × 2 = 2 (30.6.2024)"
    register = page.locator("table", has_text="Change since the previous report").inner_text()
    assert "▲ Rose: previously 1 × 2 = 2 (30.6.2024)" in register
    assert "the score of 1 rose since the previous report (30.6.2024)" in page.inner_text(".page-answer")


def test_the_first_report_of_the_division_shows_no_changes(page, library_url):
    page.goto(library_url + "/tavoitteet?date=2024-06-30")
    page.wait_for_selector("article.goal")
    assert page.locator(".change-mark").count() == 0
    page.goto(library_url + "/riskit?date=2024-06-30")
    wait_for_page_charts(page, at_least=1)
    assert page.locator(".change-mark").count() == 0
