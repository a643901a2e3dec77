"""The app factory: settings, /healthz, <html lang>, the page's notices and the 404 page."""

from __future__ import annotations

import json
import shutil

import pytest

from dashboard.serving.settings import SETTINGS_HELP, Settings, SettingsError
from dashboard.store.files import DEFAULT_DATA_DIR
from dashboard.store.library import load_dataset
from dashboard.web.app_factory import create_app
from dashboard.web.pages.accessibility import accessibility_page
from dashboard.web.pages.finance import layout as finance_layout
from dashboard.web.pages.not_found_404 import layout as not_found_layout
from tests.fixtures import text_of


@pytest.fixture(scope="module")
def app():
    return create_app(Settings(data_dir=DEFAULT_DATA_DIR))


def test_healthz_reports_the_data_date(app):
    response = app.server.test_client().get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["status_date"] == load_dataset(DEFAULT_DATA_DIR).report.status_date.isoformat()


def test_healthz_reports_data_that_breaks_while_the_last_good_data_serves(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    app = create_app(Settings(data_dir=data))
    (data / "finance.csv").write_text("not,the,columns\n", encoding="utf-8")
    response = app.server.test_client().get("/healthz")
    assert response.status_code == 200  # still serving: see tests/unit/test_hot_reload.py
    assert response.get_json()["status"] == "degraded"
    assert "finance.csv" in response.get_json()["data_error"]


@pytest.mark.parametrize(("query", "lang"), [("", "fi"), ("?lang=en", "en"), ("?lang=xx", "fi")])
def test_html_lang_follows_the_link(app, query, lang):
    page = app.server.test_client().get("/" + query).get_data(as_text=True)
    assert f'<html lang="{lang}">' in page


def test_page_layout_notices_unknown_values(app):
    with app.server.test_request_context("/?area=nope"):
        layout = finance_layout(area="nope", lang="en")
    assert "nope" in text_of(layout)


def test_not_found_page_links_home(app):
    with app.server.test_request_context("/x"):
        layout = not_found_layout(lang="en")
    assert "Page not found" in text_of(layout)


def test_settings_defaults_and_errors():
    settings = Settings.from_env({})
    assert (settings.host, settings.port, settings.default_lang) == ("127.0.0.1", 8050, "fi")
    assert settings.data_dir == DEFAULT_DATA_DIR
    assert Settings.from_env({"PORT": "9000", "DEFAULT_LANG": "en"}).port == 9000
    with pytest.raises(SettingsError, match="PORT"):
        Settings.from_env({"PORT": "http"})
    with pytest.raises(SettingsError, match="DEFAULT_LANG"):
        Settings.from_env({"DEFAULT_LANG": "sv"})
    assert set(SETTINGS_HELP) == {
        "HOST",
        "PORT",
        "DATA_DIR",
        "DEFAULT_LANG",
        "FEEDBACK_EMAIL",
        "URL_PREFIX",
        "FRAME_ANCESTORS",
        "LOG_LEVEL",
    }


@pytest.mark.parametrize(
    ("old", "new", "phrase"),
    [
        (
            "Vaalit,Palvelujen ostot,actual,2023,12,-13406",
            "Vaalit,Palvelujen ostot,actual,2023,12,x",
            "finance.csv, line",
        ),
        ("Vaalit,Palvelujen ostot,actual,2024,9,-34249", "Vaalit,Palvelujen ostot,actual,2024,9,-34349", "material"),
    ],
)
def test_python_app_py_refuses_bad_data_with_a_sentence(data_copy, old, new, phrase):
    import os
    import subprocess
    import sys

    from tests.fixtures import ROOT

    path = data_copy / "finance.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    env = dict(os.environ, DATA_DIR=str(data_copy), PORT="1")
    result = subprocess.run([sys.executable, "app.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "error: the dashboard cannot start:" in result.stderr and phrase in result.stderr
    assert "Traceback" not in result.stderr


def test_readme_documents_every_setting():
    from tests.fixtures import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in SETTINGS_HELP:
        assert f"| `{name}` |" in readme, f"README.md's settings table lacks {name}"


def test_feedback_email_is_a_setting_that_must_be_an_address():
    assert (
        Settings.from_env({"FEEDBACK_EMAIL": "saavutettavuus@heinola.fi"}).feedback_email == "saavutettavuus@heinola.fi"
    )
    with pytest.raises(SettingsError, match="FEEDBACK_EMAIL"):
        Settings.from_env({"FEEDBACK_EMAIL": "not an address"})


def test_accessibility_statement_names_the_feedback_contact(app):
    dataset = load_dataset(DEFAULT_DATA_DIR)
    page = accessibility_page(dataset, {}, "fi", "palaute@example.fi")
    assert "palaute@example.fi" in text_of(page)
    assert "Saavutettavuusseloste" in text_of(page)


def _layout(app, referrer: str | None) -> dict:
    client = app.server.test_client()
    headers = {"Referer": referrer} if referrer else {}
    return client.get("/_dash-layout", headers=headers).get_json()


def _content(layout: dict) -> dict:
    """The page container's content div and Location, found in the layout's JSON."""
    found: dict = {}

    def walk(node):
        if isinstance(node, dict):
            props = node.get("props", {})
            if props.get("id") in ("_pages_content", "_pages_location"):
                found[props["id"]] = props
            for value in props.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(layout)
    return found


def test_the_layout_holds_the_page_of_the_address_that_asks(app):
    # The page drawn into the layout, its Location at that address: no routing callback on load.
    parts = _content(_layout(app, "http://localhost/?area=vaalit&lang=en"))
    assert parts["_pages_location"]["pathname"] == "/"
    assert parts["_pages_location"]["search"] == "?area=vaalit&lang=en"
    assert "Selected cost centres: Elections" in json.dumps(parts["_pages_content"]["children"], ensure_ascii=False)
    reports = _content(_layout(app, "http://localhost/riskit"))
    assert reports["_pages_location"]["pathname"] == "/riskit"
    assert reports["_pages_content"]["children"]


@pytest.mark.parametrize(
    "referrer",
    [
        None,
        "http://elsewhere.example/?area=vaalit",
        "http://localhost/no-such-page",
        "not a url",
        "http://localhost/?" + "&".join(["area=vaalit"] * 201),
    ],
    ids=["none", "other-site", "no-page", "garbage", "too-many-values"],
)
def test_any_other_layout_request_gets_dash_s_shell(app, referrer):
    # Dash's routing callback then draws the page (or its 404) as before.
    parts = _content(_layout(app, referrer))
    assert "pathname" not in parts["_pages_location"]
    assert not parts["_pages_content"].get("children")


def test_behind_a_proxy_the_layout_holds_the_page_under_the_prefix():
    app = create_app(Settings(data_dir=DEFAULT_DATA_DIR, url_prefix="/talous/"))
    layout = app.server.test_client().get("/talous/_dash-layout", headers={"Referer": "http://localhost/talous/riskit"})
    parts = _content(layout.get_json())
    assert parts["_pages_location"]["pathname"] == "/talous/riskit"
    assert parts["_pages_content"]["children"]
