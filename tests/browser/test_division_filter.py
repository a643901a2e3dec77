"""A city-wide ledger in the browser: choose a division, then one of its cost centres."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from dashboard.store.library import load_dataset
from dashboard.store.names import slugify
from dashboard.web import ids
from tests.browser.conftest import chart_data, generated_ledger, serving_data, wait_for_charts

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def city_dir(tmp_path_factory):
    return generated_ledger(tmp_path_factory, "city", n_divisions=3, n_centres=9)


@pytest.fixture(scope="module")
def city_url(city_dir) -> Iterator[str]:
    with serving_data(city_dir) as url:
        yield url


def _labels(page, chart_id: str) -> set[str]:
    return {str(y) for trace in chart_data(page, chart_id) for y in trace["y"]}


def test_choosing_a_division_shows_its_cost_centres_and_figures(page, city_url, city_dir):
    city = load_dataset(city_dir)
    own, other = list(city.cost_centres_by_division)[:2]
    page.goto(city_url + "/")
    wait_for_charts(page)
    areas = page.locator(f"#{ids.AREA_FILTER} label")
    assert areas.all_inner_texts() == list(city.cost_centres_by_division[own])
    assert _labels(page, ids.AREA_CHART) == set(city.cost_centres_by_division[own])

    page.get_by_label(other, exact=True).check()
    page.wait_for_function(
        "([id, first]) => document.querySelector('#' + id + ' label').textContent === first",
        arg=[ids.AREA_FILTER, city.cost_centres_by_division[other][0]],
    )
    wait_for_charts(page)
    assert areas.all_inner_texts() == list(city.cost_centres_by_division[other])
    assert _labels(page, ids.AREA_CHART) == set(city.cost_centres_by_division[other])
    assert other in page.inner_text(f"#{ids.SELECTION_HEADING}")
    page.wait_for_url(re.compile(f"division={slugify(other)}"))  # the address follows the drawn view

    area = city.cost_centres_by_division[other][1]
    page.get_by_label(area, exact=True).check()
    page.wait_for_function(
        "([id, area]) => document.querySelector('#' + id).textContent.includes(area)",
        arg=[ids.SELECTION_HEADING, area],
    )
    wait_for_charts(page)
    assert _labels(page, ids.AREA_CHART) == {area}

    # The link opens the same view.
    page.wait_for_url(re.compile(f"area={slugify(area)}"))
    link = page.url
    page.goto(link)
    wait_for_charts(page)
    assert page.is_checked(f"#{ids.AREA_FILTER} input[value='{slugify(area)}']")
    assert page.is_checked(f"#{ids.DIVISION_CONTROL} input[value='{slugify(other)}']")
    assert _labels(page, ids.AREA_CHART) == {area}
