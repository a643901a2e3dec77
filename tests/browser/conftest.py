"""Browser tier: serve an app from the factory on a free port and drive Debian's headless Chromium.

Every test gets a `page` that records console errors and uncaught exceptions; the fixture fails
the test if any occurred, so a browser-side error can never pass unnoticed.
"""

from __future__ import annotations

import contextlib
import shutil
import threading
from collections.abc import Iterator

import pytest
from playwright import sync_api
from werkzeug.serving import make_server

from benchmarks.make_ledger import write_ledger
from dashboard.serving.settings import Settings
from dashboard.store.files import DEFAULT_DATA_DIR
from dashboard.store.library import load_dataset
from dashboard.web.app_factory import create_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CHART_IDS = ("line-item-chart", "cost-centre-chart", "pace-chart", "variance-bridge-chart", "forecast-chart")


@pytest.fixture(scope="session")
def dataset():
    return load_dataset(DEFAULT_DATA_DIR)


@contextlib.contextmanager
def serving(settings: Settings) -> Iterator[str]:
    """An app with `settings`, served on a free loopback port until the block ends; yields its URL."""
    with serving_wsgi(create_app(settings).server) as url:
        yield url


@contextlib.contextmanager
def serving_wsgi(wsgi_app) -> Iterator[str]:
    """A WSGI app (a Flask server) served on a free loopback port until the block ends; yields its URL."""
    server = make_server("127.0.0.1", 0, wsgi_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


def generated_ledger(tmp_path_factory, name: str, n_divisions: int, n_centres: int):
    """A data folder holding a generated ledger (`benchmarks/make_ledger.py`, two years)."""
    folder = tmp_path_factory.mktemp(name)
    write_ledger(folder, n_divisions=n_divisions, n_centres=n_centres, n_years=2)
    return folder


def serving_data(folder) -> contextlib.AbstractContextManager[str]:
    """The app on the data in `folder`, in Finnish, served until the block ends; yields its URL."""
    return serving(Settings(data_dir=folder, default_lang="fi"))


@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    with serving(Settings(data_dir=DEFAULT_DATA_DIR, default_lang="fi")) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def console_errors() -> list[str]:
    return []


def _new_page(browser, errors: list[str], width: int, height: int = 900):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return context, page


@contextlib.contextmanager
def sized_page(browser, width: int, height: int):
    """A page of `width` × `height` that fails the test on any console error or uncaught exception."""
    errors: list[str] = []
    context, page = _new_page(browser, errors, width, height)
    try:
        yield page
    finally:
        context.close()
    assert errors == [], f"browser console errors: {errors}"


@pytest.fixture
def page(browser, console_errors):
    context, page = _new_page(browser, console_errors, 1280)
    yield page
    context.close()
    assert console_errors == [], f"browser console errors: {console_errors}"


@pytest.fixture
def phone_page(browser, console_errors):
    context, page = _new_page(browser, console_errors, 375)
    yield page
    context.close()
    assert console_errors == [], f"browser console errors: {console_errors}"


# Every chart on the page has drawn its current figure (charts out of view draw when the browser
# is idle once the reader has moved, scrolled or pressed: until then their box says
# `data-chart-state="waiting"`).
PAGE_CHARTS_DRAWN_JS = """(atLeast) => {
    const boxes = Array.from(document.querySelectorAll('[data-chart-state]'));
    return boxes.length >= (atLeast || 0) && boxes.every(box => { const g = box.querySelector('.js-plotly-plot');
        return box.getAttribute('data-chart-state') === 'drawn' && g && g._fullLayout; }); }"""


def reader_moves(page_or_frame) -> None:
    """The pointer moved over the page's (or the embedded frame's) corner, as a reader's hand
    does: charts out of view wait for it."""
    left = top = 0.0
    page = page_or_frame
    if hasattr(page_or_frame, "frame_element"):  # a portal's frame: the move must land inside it
        box = page_or_frame.frame_element().bounding_box()
        left, top, page = box["x"], box["y"], page_or_frame.page
    page.mouse.move(left + 3, top + 3)
    page.mouse.move(left + 4, top + 4)


def wait_for_page_charts(page, at_least: int = 0) -> None:
    """Until the page holds `at_least` charts and every one has drawn its current figure (the
    reader's pointer moved first)."""
    reader_moves(page)
    page.wait_for_function(PAGE_CHARTS_DRAWN_JS, arg=at_least, timeout=20000)


def wait_for_charts(page) -> None:
    """Until the finance page's five charts have drawn their current figures and no callback is
    pending (the reader's pointer moved first)."""
    reader_moves(page)
    page.wait_for_function(
        """(ids) => !document.querySelector('[data-dash-is-loading="true"]') &&
            ids.every(id => { const box = document.getElementById(id);
                              const g = box && box.querySelector('.js-plotly-plot');
                              return g && box.getAttribute('data-chart-state') === 'drawn'
                                  && g._fullLayout && g.data && g.data.length; })""",
        arg=list(CHART_IDS),
        timeout=20000,
    )


def chart_data(page, chart_id: str) -> list[dict]:
    """The traces a chart draws: name, y labels and hover texts (the formatted figures)."""
    return page.evaluate(
        """(id) => document.querySelector('#' + id + ' .js-plotly-plot').data.map(
            t => ({name: t.name, y: Array.from(t.y || []), customdata: Array.from(t.customdata || [])}))""",
        chart_id,
    )
