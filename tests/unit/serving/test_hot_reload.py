"""Replacing the data folder's files: good data is picked up without a restart; bad data is refused,
logged and reported by /healthz while the last good data keeps serving; a half-replaced folder (the
files not those its manifest lists) is refused the same way, so a reader never serves a mix."""

from __future__ import annotations

import json
import logging
import os
import shutil

import pytest

from dashboard.serving.live_data import LastGoodData, checked_library
from dashboard.serving.settings import Settings
from dashboard.store import library as data_module
from dashboard.store.manifest import MANIFEST, FileStamp, write_manifest
from dashboard.store.schemas import SCHEMAS
from dashboard.web.app_factory import create_app
from tests.fixtures import finance_view_url

FINANCE_VIEW = finance_view_url(["vaalit"])
PAGE_REQUEST = {
    "output": ".._pages_content.children..._pages_store.data..",
    "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
    "inputs": [
        {"id": "_pages_location", "property": "pathname", "value": "/"},
        {"id": "_pages_location", "property": "search", "value": "?lang=fi"},
    ],
    "changedPropIds": ["_pages_location.pathname"],
}


def replace(path, text: str, seal: bool = True) -> None:
    """Write a file as a deploy would, and make sure its signature (mtime, size) changes; then, unless
    told not to, write the folder's manifest for its files as they are (checked or not), as a
    deploy that replaces a dataset whole leaves it."""
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    if seal:
        folder = path.parent
        write_manifest(folder, {f: FileStamp.of((folder / f).read_bytes()) for f in SCHEMAS if (folder / f).exists()})


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
    replace(report, report.read_text(encoding="utf-8").replace(",2024-09-30,", ",2024-09-29,"))
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
    view_before = client.get(FINANCE_VIEW).get_json()
    path = data / file
    if broken is None:
        broken = path.read_text(encoding="utf-8").replace(
            "Vaalit,Palvelujen ostot,actual,2024,9,-34249", "Vaalit,Palvelujen ostot,actual,2024,9,-34349"
        )
    with caplog.at_level(logging.ERROR, logger="dashboard"):
        replace(path, broken)
        after = page_text(client)
        health = client.get("/healthz")
        view = client.get(FINANCE_VIEW)
    assert json.loads(after) == json.loads(before)  # the same page, figures and all
    assert view.status_code == 200 and view.get_json() == view_before  # the view a click asks, too
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


def vaalit_purchases(library) -> list[int]:
    finance = library.latest.finance
    rows = finance[(finance["service_area"] == "Vaalit") & (finance["line_item"] == "Palvelujen ostot")]
    return rows["eur"].tolist()


@pytest.fixture
def new_dataset(tmp_path, data_copy):
    """A newer dataset beside the served one: a figure a euro off (rounding only), a day later."""
    folder = tmp_path / "new"
    shutil.copytree(data_copy, folder)
    for file, old, new in (
        ("finance.csv", "Vaalit,Palvelujen ostot,actual,2024,9,-34249", "Vaalit,Palvelujen ostot,actual,2024,9,-34250"),
        ("report.csv", ",2024-09-30,", ",2024-09-29,"),
    ):
        path = folder / file
        replace(path, path.read_text(encoding="utf-8").replace(old, new))
    assert checked_library(folder).reconciliation.ok
    return folder


def test_a_half_replaced_folder_is_refused_and_the_old_data_keeps_serving(data_copy, new_dataset, caplog):
    """Old manifest + new finance.csv: each file is valid and the figures reconcile, but the folder is
    not one dataset; the last good (old) data serves until the new manifest completes the swap."""
    served = LastGoodData(data_copy, checked_library(data_copy))
    old = served.get()
    assert -34249 in vaalit_purchases(old)
    os.replace(new_dataset / "finance.csv", data_copy / "finance.csv")  # the first move of a swap
    with caplog.at_level(logging.ERROR, logger="dashboard"):
        assert served.get() is old and served.get() is old
    assert served.rejection is not None
    assert served.rejection.error.startswith("finance.csv does not match manifest.json")
    assert "is being replaced" in served.rejection.error
    assert len([r for r in caplog.records if "rejected the data" in r.getMessage()]) == 1
    os.replace(new_dataset / "report.csv", data_copy / "report.csv")
    assert served.get() is old  # still a mix: two new files, the old manifest
    os.replace(new_dataset / MANIFEST, data_copy / MANIFEST)  # the last move: the new dataset whole
    new = served.get()
    assert new is not old and served.rejection is None
    assert -34250 in vaalit_purchases(new) and new.latest.report.status_date.isoformat() == "2024-09-29"


def test_the_app_serves_the_old_data_while_the_folder_is_half_replaced(served, new_dataset):
    data, client = served
    before = page_text(client)
    assert "Tilanne 30.9.2024" in before
    os.replace(new_dataset / "report.csv", data / "report.csv")  # the new report, the old manifest
    assert json.loads(page_text(client)) == json.loads(before)
    body = client.get("/healthz").get_json()
    assert body["status"] == "degraded" and body["status_date"] == "2024-09-30"
    assert "report.csv does not match manifest.json" in body["data_error"]
    assert "python -m dashboard seal" in body["data_error"]
    for file in ("finance.csv", MANIFEST):
        os.replace(new_dataset / file, data / file)
    assert "Tilanne 29.9.2024" in page_text(client)
    assert client.get("/healthz").get_json()["status"] == "ok"


def test_a_refused_folder_is_read_once_however_many_requests_come(served, monkeypatch):
    data, client = served
    reads = []
    original = data_module._read_files

    def counting(directory):
        reads.append(directory)
        return original(directory)

    monkeypatch.setattr(data_module, "_read_files", counting)
    replace(data / "finance.csv", "not,the,columns\n")
    for _ in range(5):
        assert client.get("/healthz").get_json()["status"] == "degraded"
        page_text(client)
    assert len(reads) == 1  # refused once for this change of its files, not once a request
