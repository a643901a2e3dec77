"""The first screen answers the leader's question: the headline, the three tiles and the top
deviations are in the first viewport at 1366 × 768; the headline and the expenses tile at 375 × 667.
Figures are the computed result's (`build_finance_view`), formatted as the page formats them."""

from __future__ import annotations

import pytest

from dashboard.analysis.finance_view import Selection, build_finance_view
from dashboard.presentation.formatting import format_eur, format_signed_eur
from dashboard.store.names import slugify
from dashboard.web.first_screen import headline_text
from tests.browser.conftest import sized_page, wait_for_charts

pytestmark = pytest.mark.browser


def _normal(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def in_first_viewport(page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    # A pixel of tolerance: a scrolled-to row may land at y = -0.2 (sub-pixel layout).
    return box is not None and box["y"] >= -1 and box["y"] + box["height"] <= page.viewport_size["height"] + 1


def test_desktop_first_screen_holds_the_answer_tiles_and_top_deviations(browser, base_url, dataset):
    with sized_page(browser, 1366, 768) as page:
        page.goto(base_url + "/")
        wait_for_charts(page)
        page.evaluate("window.scrollTo(0, 0)")
        view = build_finance_view(dataset, Selection())
        assert _normal(page.inner_text(".headline")) == _normal(headline_text(view, "fi"))
        for selector in (".headline", ".kpi-expenses", ".kpi-income", ".kpi-net", ".top-deviations"):
            assert in_first_viewport(page, selector), selector
        for kpi in view.kpis:
            tile = _normal(page.inner_text(f".kpi-{kpi.key}"))
            for figure in (format_eur(kpi.current), format_eur(kpi.forecast), format_signed_eur(kpi.change_eur)):
                assert _normal(figure) in tile, (kpi.key, figure, tile)
        # The bullet graphic has its text alternative.
        assert page.locator(".kpi-expenses .bullet[role=img]").get_attribute("aria-label")


def test_a_top_deviation_links_to_its_row_in_the_exceptions_table(browser, base_url, dataset):
    with sized_page(browser, 1366, 768) as page:
        page.goto(base_url + "/")
        wait_for_charts(page)
        links = page.locator(".top-deviations a")
        assert links.count() == 3
        first = links.first
        first.focus()
        page.evaluate("() => { window.mainBefore = document.getElementById('main'); }")
        page.keyboard.press("Enter")
        target = first.get_attribute("href")
        page.wait_for_function("(target) => location.hash === target", arg=target, timeout=5000)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("() => document.getElementById('main') === window.mainBefore"), "page drawn again"
        row = page.locator(target)
        assert row.count() == 1
        # The browser scrolls to the row after the hash changes (smoothly where the reader allows it).
        page.wait_for_function(
            "(id) => { const r = document.querySelector(id).getBoundingClientRect();"
            " return r.top >= -1 && r.bottom <= innerHeight + 1; }",
            arg=target,
            timeout=5000,
        )
        assert in_first_viewport(page, target)
        view = build_finance_view(dataset, Selection())
        exceptions = view.exceptions
        worst = exceptions[~exceptions["favourable"]].iloc[0]
        assert _normal(format_signed_eur(worst["effect_eur"])) in _normal(row.inner_text())


def test_the_headline_follows_the_filters(browser, base_url, dataset):
    with sized_page(browser, 1366, 768) as page:
        page.goto(f"{base_url}/?area={slugify('Vaalit')}")
        wait_for_charts(page)
        view = build_finance_view(dataset, Selection(areas=("Vaalit",)))
        assert _normal(page.inner_text(".headline")) == _normal(headline_text(view, "fi"))
        page.get_by_label("Talouspalvelut", exact=True).check()
        view = build_finance_view(dataset, Selection(areas=("Vaalit", "Talouspalvelut")))
        page.wait_for_function(
            "(text) => document.querySelector('.headline').innerText.replace(/\\s+/g, ' ').trim() === text",
            arg=_normal(headline_text(view, "fi")),
            timeout=20000,
        )


def test_phone_first_screen_holds_the_answer_and_the_expenses_tile(browser, base_url):
    with sized_page(browser, 375, 667) as page:
        page.goto(base_url + "/")
        wait_for_charts(page)
        page.evaluate("window.scrollTo(0, 0)")
        for selector in (".headline", ".kpi-expenses"):
            assert in_first_viewport(page, selector), (selector, page.locator(selector).bounding_box())


def test_an_embedded_view_without_filters_shows_the_answer_and_tiles(browser, base_url):
    with sized_page(browser, 1024, 768) as page:
        page.goto(base_url + "/?embed=1&filters=0")
        wait_for_charts(page)
        assert page.locator(".headline").is_visible()
        assert page.locator("#kpi-cards article").count() == 3
