"""Delivery: compressed responses and cache headers, checked through Flask's test client."""

from __future__ import annotations

import gzip
import re

import brotli
import pytest

from dashboard.serving.settings import Settings
from dashboard.store.dataset import DEFAULT_DATA_DIR
from dashboard.web.app_factory import create_app


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


def test_an_asset_without_its_version_revalidates(client):
    response = client.get(plotly_asset(client).split("?")[0])
    assert response.headers["Cache-Control"].replace(" ", "").split(",").count("no-cache") == 1


def test_the_page_itself_is_compressed(client):
    response = client.get("/", headers={"Accept-Encoding": "br"})
    assert response.headers["Content-Encoding"] == "br"
    assert b"<html" in brotli.decompress(response.data)
