"""Our React components when something goes wrong: a component that throws shows a short message
in its place, and the rest of the page still renders (each is wrapped in an error boundary)."""

from __future__ import annotations

import pytest
from dash import Dash, html

from dashboard.web.components import Table
from tests.browser.conftest import serving_wsgi

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def broken_table_url():
    """A tiny app holding one table whose rows the component cannot draw, beside a plain paragraph."""
    broken = Table(["Nimi"], [])
    broken.rows = None  # what a bad callback answer would send
    app = Dash(__name__)
    app.layout = html.Main([html.P("Muu sivu näkyy.", id="rest-of-page"), html.Div(broken, id="table-box")])
    with serving_wsgi(app.server) as url:
        yield url


def test_a_component_that_throws_says_so_in_its_place(page, broken_table_url, console_errors):
    page.goto(broken_table_url)
    page.locator("#table-box .component-error").get_by_text("Tätä osaa ei voitu näyttää.").wait_for()
    assert page.locator("#rest-of-page").is_visible()
    assert page.locator("#table-box table").count() == 0
    # React reports the error it caught: the console errors this test expects.
    assert console_errors
    console_errors.clear()
