"""axe-core over every page and state: WCAG 2.0/2.1 A and AA plus best practice, zero violations.

No rule is switched off: where a component failed (Dash's own checklists), the page uses an
accessible one instead.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import wait_for_charts, wait_for_page_charts

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}
FINANCE_STATES = [
    "/",
    "/?lang=en",
    "/?area=vaalit&area=talouspalvelut&group=income&measure=pct&bridge=area",
    "/?embed=1&filters=0&area=vaalit",  # embedded in the portal, without controls
]
REPORT_PAGES = [
    "/viestinta",
    "/viestinta?lang=en",
    "/tavoitteet",
    "/tavoitteet?aim=kestava-talous&lang=en",
    "/riskit",
    "/riskit?lang=en",
]


def violations(page, open_details: bool = True) -> list[str]:
    """The page's violations, with every `details` opened first unless the state is the test's own."""
    if open_details:
        page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    result = Axe().run(page, options=AXE_OPTIONS)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in result.response["violations"]
    ]


@pytest.mark.parametrize("path", FINANCE_STATES)
def test_finance_page_has_no_axe_violations(page, base_url, path):
    page.goto(base_url + path)
    wait_for_charts(page)
    assert violations(page) == []


@pytest.mark.parametrize("path", REPORT_PAGES)
def test_report_pages_have_no_axe_violations(page, base_url, path):
    page.goto(base_url + path)
    page.wait_for_selector("main")
    wait_for_page_charts(page)
    assert violations(page) == []


@pytest.mark.parametrize("path", ["/embed/pace?area=talouspalvelut", "/embed/bridge?lang=en"])
def test_single_chart_embeds_have_no_axe_violations(page, base_url, path):
    page.goto(base_url + path)
    page.wait_for_selector("main")
    wait_for_page_charts(page)
    assert violations(page) == []


def test_phone_width_has_no_axe_violations(phone_page, base_url):
    phone_page.goto(base_url + "/?area=kehittamispalvelut")
    wait_for_charts(phone_page)
    assert violations(phone_page) == []


@pytest.mark.parametrize(("path", "menu"), [("/", "finance-export-menu"), ("/riskit?lang=en", "report-export-menu")])
def test_open_export_menu_has_no_axe_violations(page, base_url, path, menu):
    page.goto(base_url + path)
    page.wait_for_selector(f"#{menu} > summary")
    if path == "/":
        wait_for_charts(page)
    else:
        wait_for_page_charts(page)
    page.focus(f"#{menu} > summary")
    page.keyboard.press("Enter")  # opened as a reader opens it: the panel overlays the page
    assert page.locator(f"#{menu}").evaluate("d => d.open")
    assert violations(page, open_details=False) == []


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_open_phone_filter_drawer_has_no_axe_violations(phone_page, base_url, lang):
    phone_page.goto(f"{base_url}/?area=vaalit&lang={lang}")
    wait_for_charts(phone_page)
    assert phone_page.is_hidden("#filter-panel")
    assert violations(phone_page, open_details=False) == []  # closed: the button alone
    phone_page.click("#filter-toggle")
    phone_page.wait_for_selector("#filter-panel", state="visible")
    assert phone_page.get_attribute("#filter-toggle", "aria-expanded") == "true"
    assert violations(phone_page, open_details=False) == []
