"""Replacing the data folder's files: good data is picked up without a restart; bad data is refused,
logged and reported by /healthz while the last good data keeps serving."""

from __future__ import annotations

import json
import logging
import os

import pytest

from dashboard.app_factory import create_app
from dashboard.settings import Settings
from tests.conftest import finance_request

FINANCE_REQUEST = finance_request(["vaalit"])
PAGE_REQUEST = {
    "output": ".._pages_content.children..._pages_store.data..",
    "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
    "inputs": [
        {"id": "_pages_location", "property": "pathname", "value": "/"},
        {"id": "_pages_location", "property": "search", "value": "?lang=fi"},
    ],
    "changedPropIds": ["_pages_location.pathname"],
}


def replace(path, text: str) -> None:
    """Write a file as a deploy would, and make sure its signature (mtime, size) changes."""
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def page_text(client) -> str:
    response = client.post("/_dash-update-component", json=PAGE_REQUEST)
    assert response.status_code == 200
    return response.get_data(as_text=True)


@pytest.fixture
def served(data_copy):
    app = create_app(Settings(data_dir=data_copy))
    return data_copy, app.server.test_client()


def test_a_good_replacement_is_served_without_a_restart(served):
    data, client = served
    assert "Tilanne 30.9.2024" in page_text(client)
    report = data / "report.csv"
    replace(report, report.read_text(encoding="utf-8").replace("2024-09-30", "2024-09-29"))
    assert "Tilanne 29.9.2024" in page_text(client)
    assert client.get("/healthz").get_json()["status_date"] == "2024-09-29"


@pytest.mark.parametrize(
    ("file", "broken"),
    [
        ("finance.csv", "not,the,columns\n"),
        ("finance.csv", None),  # a figure changed so the report's own sums no longer agree
        ("report.csv", ""),
    ],
)
def test_a_bad_replacement_is_refused_and_the_last_good_data_keeps_serving(served, caplog, file, broken):
    data, client = served
    before = page_text(client)
    path = data / file
    if broken is None:
        broken = path.read_text(encoding="utf-8").replace(
            "Vaalit,Palvelujen ostot,actual,2024,9,-34249", "Vaalit,Palvelujen ostot,actual,2024,9,-34349"
        )
    with caplog.at_level(logging.ERROR, logger="dashboard"):
        replace(path, broken)
        after = page_text(client)
        health = client.get("/healthz")
        callback = client.post("/_dash-update-component", json=FINANCE_REQUEST)
    assert json.loads(after) == json.loads(before)  # the same page, figures and all
    assert callback.status_code == 200
    assert health.status_code == 200
    body = health.get_json()
    assert body["status"] == "degraded" and body["status_date"] == "2024-09-30"
    assert file in body["data_error"] or "material" in body["data_error"]
    rejected = [r for r in caplog.records if "rejected the data" in r.getMessage()]
    assert len(rejected) == 1, "a rejection is logged once, not on every request"


def test_good_data_again_clears_the_problem(served):
    data, client = served
    path = data / "finance.csv"
    good = path.read_text(encoding="utf-8")
    replace(path, "not,the,columns\n")
    assert client.get("/healthz").get_json()["status"] == "degraded"
    replace(path, good)
    body = client.get("/healthz").get_json()
    assert body["status"] == "ok" and "data_error" not in body
