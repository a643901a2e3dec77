"""A division of many cost centres in the browser: charts draw the largest, tables list them all,
and a long exceptions table draws its first rows until asked for the rest."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dashboard.analysis.finance_view import AREAS_IN_A_CHART, Selection, build_finance_view
from dashboard.store.library import load_dataset
from dashboard.web import ids
from dashboard.web.finance_render import EXCEPTIONS_SHOWN
from tests.browser.conftest import chart_data, generated_ledger, serving_data, wait_for_charts

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def wide_dir(tmp_path_factory):
    return generated_ledger(tmp_path_factory, "wide", n_divisions=1, n_centres=30)


@pytest.fixture(scope="module")
def wide_url(wide_dir) -> Iterator[str]:
    with serving_data(wide_dir) as url:
        yield url


def test_the_chart_draws_the_largest_cost_centres_and_its_table_lists_all(page, wide_url, wide_dir):
    wide = load_dataset(wide_dir)
    areas = wide.cost_centres_by_division[wide.report.division]
    page.goto(wide_url + "/")
    wait_for_charts(page)
    bars = chart_data(page, ids.AREA_CHART)[-1]["y"]
    rest = len(areas) - AREAS_IN_A_CHART
    assert len(bars) == AREAS_IN_A_CHART + 1 and bars[-1] == f"Muut {rest} palvelualuetta"
    assert set(bars[:-1]) <= set(areas)

    page.locator(f"#{ids.AREA_CHART}").locator("xpath=ancestor::section[1]").get_by_text("Näytä taulukkona").click()
    table = page.locator(f"#{ids.table_id(ids.AREA_CHART)} tbody tr")
    table.first.wait_for()
    assert table.count() == len(areas)


def test_a_long_exceptions_table_shows_its_first_rows_then_all_on_request(page, wide_url, wide_dir):
    wide = load_dataset(wide_dir)
    count = len(build_finance_view(wide, Selection()).exceptions)
    assert count > EXCEPTIONS_SHOWN  # the generated ledger has enough to cut
    page.goto(wide_url + "/")
    wait_for_charts(page)
    rows = page.locator(f"#{ids.EXCEPTIONS} tbody tr")
    assert rows.count() == EXCEPTIONS_SHOWN
    more = page.get_by_role("button", name=f"Näytä kaikki {count} riviä")
    assert more.get_attribute("aria-expanded") == "false"
    more.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "([id, n]) => document.querySelectorAll('#' + id + ' tbody tr').length === n", arg=[ids.EXCEPTIONS, count]
    )
    less = page.get_by_role("button", name=f"Näytä vain {EXCEPTIONS_SHOWN} ensimmäistä")
    assert less.get_attribute("aria-expanded") == "true"
    less.click()
    assert rows.count() == EXCEPTIONS_SHOWN

    page.pdf()  # a print lays out every row
    assert rows.count() == count
