"""The header's download menu and the phone's filter drawer, by keyboard and by pointer.

The menu is a native disclosure (`<details>`): closed on load, opened with Enter, every choice
reached with Tab, closed by Escape; its panel overlays the page instead of pushing it down. At
phone width the controls fold under a "Rajaa: …" button that names the ticked cost centres.
"""

from __future__ import annotations

import io
import re

import openpyxl
import pytest

from dashboard.store.names import slugify
from dashboard.web.export_toolbar import FINANCE, export_id
from tests.browser.conftest import sized_page, wait_for_charts

pytestmark = pytest.mark.browser

MENU = f"#{export_id(FINANCE, 'menu')}"
SUMMARY = f"{MENU} > summary"
PANEL = f"#{export_id(FINANCE, 'panel')}"
XLSX = f"#{export_id(FINANCE, 'xlsx-button')}"
CSV_TABLE = f"#{export_id(FINANCE, 'csv-table')}"
CSV = f"#{export_id(FINANCE, 'csv-button')}"
TOGGLE = "#filter-toggle"
DRAWER = "#filter-panel"


def focused(page, selector: str) -> bool:
    return page.evaluate("(s) => !!document.activeElement && document.activeElement.matches(s)", selector)


def tab_until(page, selector: str, limit: int = 60) -> None:
    """Press Tab until the focused element matches `selector`, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page, selector):
            return
    raise AssertionError(f"{selector} was not reached by {limit} presses of Tab")


@pytest.fixture
def phone(browser):
    with sized_page(browser, 375, 667) as page:
        yield page


# -- the download menu ------------------------------------------------------------------------------
def test_export_menu_opens_by_keyboard_and_downloads_from_inside(page, base_url, dataset):
    page.goto(f"{base_url}/?area=talouspalvelut")
    wait_for_charts(page)
    assert page.is_hidden(XLSX), "the menu starts closed"
    heading_y = page.locator("#selection-heading").bounding_box()["y"]

    tab_until(page, SUMMARY)  # in the header, before the navigation and the controls
    assert page.locator(SUMMARY).inner_text().strip() == "Lataa"
    page.keyboard.press("Enter")
    assert page.locator(MENU).evaluate("d => d.open")
    assert page.is_visible(PANEL)
    # The panel overlays the page: the content does not move, the panel lies over it.
    assert page.locator("#selection-heading").bounding_box()["y"] == heading_y
    panel = page.locator(PANEL).bounding_box()
    assert panel["y"] + panel["height"] > heading_y
    assert page.evaluate(f"() => getComputedStyle(document.querySelector('{PANEL}')).position") == "absolute"
    assert "Tiedostot koskevat näkymää" in page.inner_text(f"#{export_id(FINANCE, 'scope')}")

    tab_until(page, XLSX, limit=3)  # the first choice, right after the button
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename.endswith(f"-{slugify('Talouspalvelut')}.xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(info.value.path().read_bytes()))
    assert "Tuloslaskelma" in workbook.sheetnames

    # Every choice is on the Tab path: the CSV table, its button, print.
    tab_until(page, CSV_TABLE, limit=2)
    page.select_option(CSV_TABLE, "exceptions")
    tab_until(page, CSV, limit=2)
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename.endswith("-poikkeamat.csv")
    tab_until(page, f"#{export_id(FINANCE, 'print-button')}", limit=2)

    # Escape closes the menu and gives focus back to its button.
    page.keyboard.press("Escape")
    assert not page.locator(MENU).evaluate("d => d.open")
    assert focused(page, SUMMARY)


def test_export_menu_closes_when_focus_or_a_click_leaves_it(page, base_url):
    page.goto(base_url + "/")
    wait_for_charts(page)
    page.click(SUMMARY)
    assert page.is_visible(XLSX)
    page.click("#selection-heading")
    assert page.is_hidden(XLSX)
    page.focus(SUMMARY)
    page.keyboard.press(" ")  # Space opens it too
    assert page.is_visible(XLSX)
    page.focus(f"#{export_id(FINANCE, 'print-button')}")
    page.keyboard.press("Tab")  # past the last choice: focus has left the menu
    assert page.is_hidden(XLSX)


def test_export_menu_follows_the_controls(page, base_url):
    page.goto(base_url + "/")
    wait_for_charts(page)
    page.get_by_label("Vaalit", exact=True).check()
    page.wait_for_function(
        "(id) => document.getElementById(id).textContent.includes('Vaalit')", arg=export_id(FINANCE, "scope")
    )
    page.click(SUMMARY)
    with page.expect_download() as info:
        page.click(XLSX)
    assert info.value.suggested_filename.endswith(f"-{slugify('Vaalit')}.xlsx")


def test_report_pages_have_the_menu_too(page, base_url):
    page.goto(base_url + "/riskit")
    page.wait_for_selector("#report-export-menu > summary")
    assert page.is_hidden("#report-export-xlsx-button")
    page.focus("#report-export-menu > summary")
    page.keyboard.press("Enter")
    with page.expect_download() as info:
        page.click("#report-export-xlsx-button")
    assert info.value.suggested_filename.endswith(".xlsx")


def test_menu_and_drawer_are_hidden_when_embedded_and_in_print(browser, base_url):
    with sized_page(browser, 375, 667) as page:
        page.goto(base_url + "/?embed=1&filters=0")
        wait_for_charts(page)
        assert page.is_hidden(SUMMARY) and page.is_hidden(TOGGLE) and page.is_hidden(DRAWER)
        page.goto(base_url + "/?embed=1")  # the controls stay: the drawer with them
        wait_for_charts(page)
        assert page.is_hidden(SUMMARY) and page.is_visible(TOGGLE)
        page.goto(base_url + "/")
        wait_for_charts(page)
        page.click(SUMMARY)
        page.emulate_media(media="print")
        assert page.is_hidden(SUMMARY) and page.is_hidden(XLSX) and page.is_hidden(TOGGLE)
        assert page.is_visible("#kpi-cards")


# -- the phone's filter drawer ----------------------------------------------------------------------
def test_phone_drawer_is_closed_on_load_and_works_by_keyboard(phone, base_url):
    phone.goto(base_url + "/")
    wait_for_charts(phone)
    toggle = phone.locator(TOGGLE)
    assert toggle.inner_text().strip() == "Rajaa: Koko toimiala"
    assert toggle.get_attribute("aria-expanded") == "false"
    assert toggle.get_attribute("aria-controls") == DRAWER[1:]
    assert phone.is_hidden(DRAWER)
    # The button and the start of the figures are on the first screen.
    box = toggle.bounding_box()
    assert box["y"] + box["height"] <= 667
    assert phone.locator("#selection-heading").bounding_box()["y"] < 667

    tab_until(phone, TOGGLE)
    phone.keyboard.press("Enter")
    phone.wait_for_function("(s) => document.querySelector(s).getAttribute('aria-expanded') === 'true'", arg=TOGGLE)
    assert phone.is_visible(DRAWER)
    assert phone.locator("#selection-heading").bounding_box()["y"] > phone.locator(DRAWER).bounding_box()["y"]

    # Tab reaches the controls in the drawer; Space ticks a cost centre; the label and view follow.
    tab_until(phone, "#service-area-filter input[value='vaalit']", limit=5)
    phone.keyboard.press(" ")
    phone.wait_for_function("(s) => document.querySelector(s).textContent === 'Rajaa: Vaalit'", arg=TOGGLE)
    phone.wait_for_url(re.compile(r"area=vaalit"))
    phone.wait_for_function("() => document.querySelector('#selection-heading').textContent.includes('Vaalit')")
    wait_for_charts(phone)
    assert toggle.get_attribute("aria-expanded") == "true", "ticking keeps the drawer open"

    phone.get_by_label("Talouspalvelut", exact=True).check()
    phone.wait_for_function(
        "(s) => document.querySelector(s).textContent === 'Rajaa: Vaalit, Talouspalvelut'", arg=TOGGLE
    )
    phone.get_by_label("Tarkastustoimi", exact=True).check()
    phone.wait_for_function("(s) => document.querySelector(s).textContent === 'Rajaa: 3 palvelualuetta'", arg=TOGGLE)
    phone.locator("#measure-control input[value='pct']").check()
    phone.wait_for_url(re.compile(r"measure=pct"))
    wait_for_charts(phone)

    toggle.focus()
    phone.keyboard.press(" ")  # Space closes it again; the label keeps the selection
    phone.wait_for_function("(s) => document.querySelector(s).getAttribute('aria-expanded') === 'false'", arg=TOGGLE)
    assert phone.is_hidden(DRAWER)
    assert toggle.inner_text().strip() == "Rajaa: 3 palvelualuetta"


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("?area=vaalit&area=talouspalvelut", "Rajaa: Vaalit, Talouspalvelut"),
        ("?area=vaalit&area=talouspalvelut&area=tarkastustoimi", "Rajaa: 3 palvelualuetta"),
        ("?area=vaalit&lang=en", "Filter: Elections"),
        ("?lang=en", "Filter: Whole division"),
    ],
)
def test_phone_drawer_label_is_right_on_first_load(phone, base_url, query, label):
    phone.goto(base_url + "/" + query)
    wait_for_charts(phone)
    assert phone.locator(TOGGLE).inner_text().strip() == label
    assert phone.is_hidden(DRAWER)


def test_wide_screens_always_show_the_controls(page, base_url):
    page.goto(base_url + "/")
    wait_for_charts(page)
    assert page.is_hidden(TOGGLE)
    assert page.is_visible(DRAWER) and page.is_visible("#service-area-filter")
