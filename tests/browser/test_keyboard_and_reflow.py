"""Keyboard alone, and reflow: the skip link, the controls, the table alternatives; 320 px and 200 % zoom."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import wait_for_charts, wait_for_page_charts

pytestmark = pytest.mark.browser

PAGES = ["/", "/viestinta", "/tavoitteet", "/riskit", "/saavutettavuus"]


def tab_until(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the focused element matches `selector`, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} was not reached by {limit} presses of Tab")


def test_skip_link_is_first_and_moves_focus_to_the_content(page, base_url):
    page.goto(base_url + "/")
    wait_for_charts(page)
    page.evaluate("() => { window.mainBefore = document.getElementById('main'); }")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Siirry sisältöön"
    assert page.locator(".skip-link").bounding_box()["x"] >= 0  # visible when focused
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    # A move within the page is not a navigation: the page is not drawn again, so focus stays.
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => document.getElementById('main') === window.mainBefore")
    assert page.evaluate("() => document.activeElement.id") == "main"


def test_controls_work_by_keyboard_alone(page, base_url):
    page.goto(base_url + "/")
    wait_for_charts(page)
    tab_until(page, "#line-group-control input[type=radio]:checked")
    page.keyboard.press("ArrowDown")  # radio groups move with the arrow keys
    page.wait_for_url(re.compile(r"group=income"))
    wait_for_charts(page)
    tab_until(page, "#measure-control input[type=radio]:checked")
    page.keyboard.press("ArrowDown")
    page.wait_for_url(re.compile(r"measure=pct"))
    wait_for_charts(page)
    tab_until(page, "details.chart-table summary")
    page.keyboard.press("Enter")
    assert page.locator("details.chart-table").first.evaluate("d => d.open")


def test_focus_is_visible(page, base_url):
    page.goto(base_url + "/riskit")
    page.wait_for_selector("main")
    tab_until(page, ".nav-link")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


@pytest.mark.parametrize("width", [320, 640], ids=["320px", "200pct-zoom"])
def test_pages_reflow_without_sideways_scrolling(browser, base_url, console_errors, width):
    # 200 % zoom of a 1280 px window lays the page out at 640 CSS px.
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    try:
        for path in PAGES:
            page.goto(base_url + path)
            page.wait_for_selector("main")
            wait_for_page_charts(page)
            scroll = page.evaluate("() => document.documentElement.scrollWidth")
            assert scroll <= width, f"{path} is {scroll} px wide at {width} px"
    finally:
        context.close()
    assert console_errors == []
