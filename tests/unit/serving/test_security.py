"""Hardening: headers on every kind of response, the body limit, the URL prefix, and the settings."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest

from dashboard.serving.security import MAX_BODY_BYTES, content_security_policy, inline_script_hashes
from dashboard.serving.settings import Settings, SettingsError, parse_frame_ancestors, parse_url_prefix
from dashboard.store.files import DEFAULT_DATA_DIR
from dashboard.web import ids
from dashboard.web.app_factory import create_app
from tests.fixtures import finance_view_url


@pytest.fixture(scope="module")
def app():
    return create_app(Settings(data_dir=DEFAULT_DATA_DIR))


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


def asset_url(client) -> str:
    return re.search(r'src="(/assets/plotly-finance-[^"]+)"', client.get("/").get_data(as_text=True)).group(1)


def responses(client):
    yield "page", client.get("/")
    yield "report page", client.get("/riskit?embed=1")
    yield "asset", client.get(asset_url(client))
    yield "component suite", client.get("/_dash-dependencies")
    yield "view", client.get(finance_view_url([]))
    yield "refused view", client.get(finance_view_url(["vaalit"] * 1000))
    yield "refused callback", client.post("/_dash-update-component", data=b"{", content_type="application/json")
    yield "404", client.get("/no/such/file.js")
    yield "healthz", client.get("/healthz")


def test_every_response_carries_the_security_headers(client):
    for name, response in responses(client):
        assert response.status_code < 500, name
        csp = response.headers.get("Content-Security-Policy", "")
        assert "script-src 'self' 'sha256-" in csp, name
        assert "frame-ancestors 'self'" in csp, name
        assert "unsafe-eval" not in csp, name
        assert "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";")[0], name
        assert response.headers["X-Content-Type-Options"] == "nosniff", name
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin", name
        assert response.headers["X-Frame-Options"] == "SAMEORIGIN", name


def test_the_policy_allows_exactly_the_pages_inline_scripts(client):
    page = client.get("/").get_data(as_text=True)
    csp = client.get("/").headers["Content-Security-Policy"]
    hashes = inline_script_hashes(page)
    assert len(hashes) >= 2  # the renderer's bootstrap and the clientside callbacks
    assert all(h in csp for h in hashes)
    assert len(re.findall(r"'sha256-", csp)) == len(hashes)


def test_inline_script_hashes_skip_data_blocks_comments_and_files():
    page = (
        '<script id="c" type="application/json">{"a": 1}</script><!--[if IE]><script>alert(1)</script><![endif]-->'
        '<script src="/x.js"></script><script type="application/javascript">var renderer = 1;</script>'
    )
    digest = base64.b64encode(hashlib.sha256(b"var renderer = 1;").digest()).decode()
    assert inline_script_hashes(page) == [f"'sha256-{digest}'"]


def test_frame_ancestors_follow_the_setting():
    csp = content_security_policy([], "'self' https://portaali.heinola.fi")
    assert "frame-ancestors 'self' https://portaali.heinola.fi" in csp
    app = create_app(Settings(data_dir=DEFAULT_DATA_DIR, frame_ancestors="https://portaali.heinola.fi"))
    response = app.server.test_client().get("/")
    assert "frame-ancestors https://portaali.heinola.fi" in response.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in response.headers  # it cannot name another origin


def test_a_body_over_one_megabyte_is_refused_with_413(client):
    body = b'{"output": "' + b"x" * MAX_BODY_BYTES + b'"}'
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    assert response.status_code == 413
    assert "Traceback" not in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("areas", "values", "status"),
    [
        (["nope"], {}, 200),  # an unknown cost centre: the page's notice, not an error
        (["vaalit"], {"group": "{}", "measure": "5", "date": "1900-01-01", "division": "../etc"}, 200),
        (["vaalit"], {"lang": "xx", "unknown": "1"}, 200),
        (["x" * 5000], {}, 400),
        (["vaalit"] * 1000, {}, 400),
    ],
)
def test_view_request_values_are_bounded(client, areas, values, status):
    response = client.get(finance_view_url(areas, **values))
    assert response.status_code == status
    text = response.get_data(as_text=True)
    assert "Traceback" not in text
    if status == 200:
        assert set(response.get_json()) == {"parts", "figures"}
    else:
        assert response.get_json()["error"]


def test_an_unknown_view_value_is_named_in_the_view(client):
    view = client.get(finance_view_url(["nope"])).get_json()
    assert "nope" in json.dumps(view["parts"][ids.INPUT_NOTICE], ensure_ascii=False)


def test_debug_is_off(app):
    assert app.server.debug is False


def test_the_app_mounts_under_a_url_prefix():
    app = create_app(Settings(data_dir=DEFAULT_DATA_DIR, url_prefix="/talous/"))
    client = app.server.test_client()
    page = client.get("/talous/")
    assert page.status_code == 200
    assert 'src="/talous/assets/plotly-finance-' in page.get_data(as_text=True)
    assert client.get("/talous/healthz").get_json()["status"] == "ok"
    assert client.get("/").status_code == 404
    request = {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": "/talous/riskit"},
            {"id": "_pages_location", "property": "search", "value": "?lang=fi"},
        ],
        "changedPropIds": ["_pages_location.pathname"],
    }
    layout = client.post("/talous/_dash-update-component", json=request).get_data(as_text=True)
    assert '"href":"/talous/viestinta?lang=fi"' in layout.replace("\\u002f", "/")


@pytest.mark.parametrize(
    ("text", "prefix"), [("", "/"), ("/", "/"), ("talous", "/talous/"), ("/talous", "/talous/"), ("/a/b/", "/a/b/")]
)
def test_url_prefix_is_normalised(text, prefix):
    assert parse_url_prefix(text) == prefix


@pytest.mark.parametrize("text", ["/../x", "/a b/", "/x?y", "https://host/"])
def test_url_prefix_rejects_what_is_not_a_path(text):
    with pytest.raises(SettingsError, match="URL_PREFIX"):
        parse_url_prefix(text)


def test_frame_ancestors_setting():
    assert Settings.from_env({}).frame_ancestors == "'self'"
    assert parse_frame_ancestors("'self', https://portaali.heinola.fi") == "'self' https://portaali.heinola.fi"
    assert parse_frame_ancestors("'none'") == "'none'"
    for bad in ["https://x.fi; script-src *", "'unsafe-inline'", "javascript:", "'none' 'self'"]:
        with pytest.raises(SettingsError, match="FRAME_ANCESTORS"):
            parse_frame_ancestors(bad)


def test_log_level_setting():
    assert Settings.from_env({}).log_level == "INFO"
    assert Settings.from_env({"LOG_LEVEL": "debug"}).log_level == "DEBUG"
    with pytest.raises(SettingsError, match="LOG_LEVEL"):
        Settings.from_env({"LOG_LEVEL": "loud"})
