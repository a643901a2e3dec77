"""What the first load of the finance page fetches: the partial plotly.js bundle, compressed.

Behaviour, not timing (timings live in benchmarks/run.py): Dash's full plotly.js bundle is never
requested, and every script arrives brotli- or gzip-compressed.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import wait_for_charts

pytestmark = pytest.mark.browser

FULL_BUNDLE_MARKERS = ("plotly/package_data/plotly.min.js", "cdn.plot.ly/plotly-")
BABEL_POLYFILL = "/deps/polyfill@"


def test_first_load_fetches_the_partial_bundle_compressed(page, base_url):
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(base_url + "/")
    wait_for_charts(page)
    page.wait_for_load_state("networkidle")
    urls = [response.url for response in responses]
    assert not [u for u in urls if any(marker in u for marker in FULL_BUNDLE_MARKERS)], urls
    assert any("/assets/plotly-finance-" in u for u in urls), urls
    # Dropped: it slows Plotly down in current browsers (dashboard/app_factory.py).
    assert not [u for u in urls if BABEL_POLYFILL in u], urls
    assert any("/_dash-component-suites/dashboard/web/components." in u for u in urls), urls
    scripts = [r for r in responses if r.url.split("?")[0].endswith(".js") and r.status == 200]
    assert scripts, urls
    uncompressed = [r.url for r in scripts if r.headers.get("content-encoding") not in ("br", "gzip")]
    assert uncompressed == [], f"scripts served without compression: {uncompressed}"


def test_a_chart_says_so_when_plotly_does_not_load(page, base_url, console_errors):
    page.route("**/assets/plotly-*", lambda route: route.abort())
    page.goto(base_url + "/?lang=en")
    box = page.locator("#line-item-chart")
    box.get_by_text("The chart could not be drawn: the chart library did not load.").wait_for()
    assert box.get_attribute("data-chart-state") == "failed"
    page.goto(base_url + "/riskit")
    page.locator("#risk-matrix-chart").get_by_text(
        "Kaaviota ei voitu piirtää: kaaviokirjasto ei latautunut."
    ).wait_for()
    # The blocked request is the one console error this test expects.
    console_errors[:] = [e for e in console_errors if "Failed to load resource" not in e]


@pytest.mark.parametrize("path", ["/?area=vaalit&lang=en", "/riskit"])
def test_a_first_load_draws_its_page_without_a_routing_callback(page, base_url, path):
    # The layout holds the page of its address (dashboard/web/page_shell.py): no callback round
    # trip before the first view, and the page is the one the address names.
    posts = []
    page.on("request", lambda request: posts.append(request.url) if request.method == "POST" else None)
    page.goto(base_url + path)
    page.wait_for_selector("main")
    page.wait_for_load_state("networkidle")
    assert posts == []
    if "area=vaalit" in path:
        page.get_by_text("Selected cost centres: Elections").wait_for()
    else:
        assert page.locator("main").count() == 1
