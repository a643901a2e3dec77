"""Embedding in the management portal: a page on another origin frames the dashboard.

The portal is played by a second local HTTP server on another port (another origin) serving the
README's snippet. An app whose FRAME_ANCESTORS names that origin renders in the frame, follows its
content's height and shows no site chrome; the default app (this origin only) is refused.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from dashboard.serving.settings import Settings
from dashboard.store.files import DEFAULT_DATA_DIR
from tests.browser.conftest import serving, wait_for_charts

pytestmark = pytest.mark.browser

# The snippet the README gives the portal's developers, with the frame's address filled in.
PORTAL_PAGE = """<!doctype html>
<html lang="fi"><head><meta charset="utf-8"><title>Johdon työpöytä</title>
<style>body {{ font-family: sans-serif; margin: 16px; background: #eef1f4; }}
iframe {{ display: block; width: 100%; border: 0; background: white; }}</style></head>
<body><h1>Johdon työpöytä</h1>
<iframe id="talous-frame" title="Talouden toteutuminen" src="{src}" style="height: 400px"></iframe>
<script>
window.addEventListener("message", function (event) {{
  var frame = document.getElementById("talous-frame");
  if (event.source !== frame.contentWindow || event.origin !== new URL(frame.src).origin) return;
  if (event.data && event.data.type === "heinola-dashboard:height") {{
    frame.style.height = event.data.height + "px";
  }}
}});
</script></body></html>"""


class PortalHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        src = parse_qs(urlparse(self.path).query).get("src", ["about:blank"])[0]
        body = PORTAL_PAGE.format(src=html.escape(src)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def portal_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), PortalHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def embeddable_url(portal_url) -> Iterator[str]:
    """The dashboard under /talous/, allowing the portal's origin to frame it."""
    settings = Settings(data_dir=DEFAULT_DATA_DIR, url_prefix="/talous/", frame_ancestors=f"'self' {portal_url}")
    with serving(settings) as url:
        yield url + "/talous/"


def dashboard_frame(page):
    page.wait_for_function("() => window.frames.length === 1")
    return next(frame for frame in page.frames if frame != page.main_frame)


def test_an_allowed_portal_frames_the_finance_view_without_chrome(page, portal_url, embeddable_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{portal_url}/?src={embeddable_url}%3Fembed%3D1%26filters%3D0%26area%3Dvaalit")
    frame = dashboard_frame(page)
    wait_for_charts(frame)
    assert frame.locator("h1").first.is_visible()
    for chrome in (".site-nav", ".site-footer", ".header-actions", ".filters"):
        assert frame.locator(chrome).first.is_hidden(), chrome
    # The frame grows to its content (the page posts its height; the portal's snippet applies it).
    page.wait_for_function("() => parseInt(document.getElementById('talous-frame').style.height) > 1500")
    content = frame.evaluate("Math.ceil(document.body.getBoundingClientRect().height)")
    frame_height = page.evaluate("parseInt(document.getElementById('talous-frame').style.height)")
    assert abs(frame_height - content) <= 2


def test_a_single_chart_tile_renders_in_the_portal(page, portal_url, embeddable_url):
    page.goto(f"{portal_url}/?src={embeddable_url}embed/pace%3Farea%3Dtalouspalvelut%26lang%3Den")
    frame = dashboard_frame(page)
    frame.wait_for_function("() => { const g = document.querySelector('.js-plotly-plot'); return g && g.data; }")
    assert frame.locator(".js-plotly-plot").count() == 1
    assert frame.locator("h1").inner_text().strip()
    assert frame.locator(".site-nav").count() == 0


def test_filters_stay_usable_when_embedded(page, portal_url, embeddable_url):
    page.goto(f"{portal_url}/?src={embeddable_url}%3Fembed%3D1")
    frame = dashboard_frame(page)
    wait_for_charts(frame)
    frame.locator("#service-area-filter input[value='vaalit']").check()
    frame.wait_for_function("() => document.querySelector('#selection-heading').textContent.includes('Vaalit')")
    wait_for_charts(frame)


@pytest.mark.parametrize("path", ["viestinta", "tavoitteet", "riskit"])
def test_a_report_page_in_frame_mode_hides_its_download_menu(page, portal_url, embeddable_url, path):
    page.goto(f"{portal_url}/?src={embeddable_url}{path}%3Fembed%3D1")
    frame = dashboard_frame(page)
    frame.locator(".page-answer").wait_for()
    assert frame.locator(".export-menu").count() == 1
    assert frame.locator(".export-menu").is_hidden()
    for chrome in (".site-nav", ".site-footer", ".header-actions"):
        assert frame.locator(chrome).first.is_hidden(), chrome


def test_another_origin_is_refused(browser, portal_url, base_url):
    """The default app (FRAME_ANCESTORS 'self') in the portal's frame: Chromium refuses to draw it."""
    context = browser.new_context()
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    try:
        page.goto(f"{portal_url}/?src={base_url}/%3Fembed%3D1")
        frame = dashboard_frame(page)
        page.wait_for_timeout(1500)  # let the frame's navigation settle before asking what it holds
        assert frame.url.startswith("chrome-error://") or frame.url == "about:blank", frame.url
        assert frame.locator("#react-entry-point").count() == 0
        assert any("frame-ancestors" in m or "X-Frame-Options" in m for m in messages), messages
    finally:
        context.close()


def test_no_content_security_policy_errors_on_any_page(browser, base_url):
    """plotly.js and Dash run under the policy: no eval, no inline script outside the hashes."""
    context = browser.new_context()
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: messages.append(str(error)))
    try:
        for path in ("/", "/viestinta", "/tavoitteet", "/riskit", "/saavutettavuus", "/embed/bridge?bridge=area"):
            page.goto(base_url + path)
            page.wait_for_function(
                "() => document.querySelector('#main') && !document.querySelector('[data-dash-is-loading=\"true\"]')"
            )
            page.wait_for_timeout(500)
        assert messages == [], messages
    finally:
        context.close()
