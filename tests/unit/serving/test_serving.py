"""Delivery: compressed responses and cache headers (through Flask's test client), and the plotly.js bundle check."""

from __future__ import annotations

import gzip
import re
import runpy
import shutil
from types import SimpleNamespace

import brotli
import flask
import pytest

from dashboard.serving import delivery
from dashboard.serving.delivery import PlotlyBundleError, check_plotly_bundle
from dashboard.serving.settings import Settings
from dashboard.store.files import DEFAULT_DATA_DIR
from dashboard.web.app_factory import create_app
from tests.fixtures import ROOT

BUNDLE = ROOT / "assets" / "plotly-finance-4.1.1.min.js"


@pytest.fixture(scope="module")
def client():
    return create_app(Settings(data_dir=DEFAULT_DATA_DIR)).server.test_client()


def plotly_asset(client) -> str:
    page = gzip.decompress(client.get("/", headers={"Accept-Encoding": "gzip"}).data).decode()
    return re.search(r'src="(/assets/plotly-finance-[^"]+)"', page).group(1)


def test_the_page_links_the_partial_bundle_only(client):
    page = client.get("/").get_data(as_text=True)
    assert "/assets/plotly-finance-" in page
    assert "package_data/plotly.min.js" not in page


@pytest.mark.parametrize(("accept", "decompress"), [("br, gzip", brotli.decompress), ("gzip", gzip.decompress)])
def test_static_scripts_are_compressed_and_cached_for_a_year(client, accept, decompress):
    url = plotly_asset(client)
    plain = client.get(url, headers={"Accept-Encoding": "identity"})
    response = client.get(url, headers={"Accept-Encoding": accept})
    assert response.headers["Content-Encoding"] == accept.split(",")[0]
    assert decompress(response.data) == plain.data
    assert len(response.data) < len(plain.data) / 2
    assert "max-age=31536000" in response.headers["Cache-Control"]
    assert "Accept-Encoding" in response.headers["Vary"]


@pytest.mark.parametrize("accept", ["br", "gzip", "identity"])
def test_every_static_script_starts_with_the_compile_hint_and_is_otherwise_the_file(client, accept):
    # V8 compiles a script with this first line on a background thread as it streams in.
    decompress = {"br": brotli.decompress, "gzip": gzip.decompress, "identity": lambda data: data}[accept]
    page = gzip.decompress(client.get("/", headers={"Accept-Encoding": "gzip"}).data).decode()
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert len(scripts) > 5, scripts
    for url in scripts:
        body = decompress(client.get(url, headers={"Accept-Encoding": accept}).data)
        assert body.startswith(delivery.COMPILE_HINT), url
        assert body.count(delivery.COMPILE_HINT) == 1, url
    served = decompress(client.get(plotly_asset(client), headers={"Accept-Encoding": accept}).data)
    assert served == delivery.COMPILE_HINT + BUNDLE.read_bytes()


def test_a_stylesheet_gets_no_compile_hint(client):
    page = client.get("/").get_data(as_text=True)
    css = re.search(r'<link rel="stylesheet" href="([^"]+)"', page).group(1)
    assert not client.get(css).data.startswith(delivery.COMPILE_HINT)


def test_an_asset_without_its_version_revalidates(client):
    response = client.get(plotly_asset(client).split("?")[0])
    assert response.headers["Cache-Control"].replace(" ", "").split(",").count("no-cache") == 1


def test_the_page_itself_is_compressed(client):
    response = client.get("/", headers={"Accept-Encoding": "br"})
    assert response.headers["Content-Encoding"] == "br"
    assert b"<html" in brotli.decompress(response.data)


def test_the_bundled_plotly_js_is_the_one_plotly_py_expects(tmp_path):
    assert check_plotly_bundle(ROOT / "assets") == ROOT / "assets" / BUNDLE.name
    shutil.copy(BUNDLE, tmp_path)
    assert check_plotly_bundle(tmp_path) == tmp_path / BUNDLE.name


def test_a_bundle_of_another_version_stops_the_start(tmp_path, monkeypatch):
    shutil.copy(BUNDLE, tmp_path)
    monkeypatch.setattr(delivery, "get_plotlyjs_version", lambda: "4.2.0")  # as after upgrading plotly.py
    with pytest.raises(PlotlyBundleError) as error:
        check_plotly_bundle(tmp_path)
    message = str(error.value)
    assert str(tmp_path / BUNDLE.name) in message
    assert "is plotly.js 4.1.1" in message
    assert "expects plotly.js 4.2.0" in message
    assert "npm pack plotly.js@4.2.0" in message


def test_a_missing_bundle_stops_the_start(tmp_path):
    with pytest.raises(PlotlyBundleError, match=r"^No plotly\.js bundle .* To rebuild: npm pack plotly\.js@"):
        check_plotly_bundle(tmp_path)


def test_a_second_bundle_stops_the_start(tmp_path):
    shutil.copy(BUNDLE, tmp_path)
    (tmp_path / "plotly-finance-4.0.0.min.js").write_text("/**\n* plotly.js (finance - minified) v4.0.0\n*/\n")
    with pytest.raises(PlotlyBundleError, match="More than one plotly.js bundle"):
        check_plotly_bundle(tmp_path)


def test_the_master_compresses_the_pages_static_files_for_its_workers(monkeypatch):
    """gunicorn's master runs `when_ready` before it forks: afterwards no request compresses."""
    server = create_app(Settings(data_dir=DEFAULT_DATA_DIR)).server
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    logged = []
    arbiter = SimpleNamespace(
        app=SimpleNamespace(wsgi=lambda: server),
        log=SimpleNamespace(info=lambda *args: logged.append(args), exception=lambda *args: logged.append(args)),
    )
    config["when_ready"](arbiter)
    page = gzip.decompress(server.test_client().get("/", headers={"Accept-Encoding": "gzip"}).data).decode()
    linked = [
        url for url in re.findall(r'(?:src|href)="([^"]+)"', page) if "/assets/" in url or "_dash-component" in url
    ]
    assert len(linked) > 10 and logged == [("static files compressed for the workers: %d", len(linked))]

    def compress_again(data, encoding):
        raise AssertionError("compressed on a request")

    monkeypatch.setattr(delivery, "_compress", compress_again)
    client = server.test_client()
    for url in linked:
        for accept, decompress in (("br", brotli.decompress), ("gzip", gzip.decompress)):
            response = client.get(url, headers={"Accept-Encoding": accept})
            assert response.headers["Content-Encoding"] == accept, url
            plain = client.get(url, headers={"Accept-Encoding": "identity"}).data
            assert decompress(response.data) == plain, url


def test_an_app_without_the_compressor_is_left_alone():
    assert delivery.precompress_static(flask.Flask("plain")) == []
