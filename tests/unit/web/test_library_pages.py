"""The app on a library of reports: links name the report, embeds follow, a refused report changes nothing."""

from __future__ import annotations

import datetime as dt
import io
import shutil

import pytest

from dashboard.analysis.finance_view import Selection, build_finance_view
from dashboard.analysis.lines import EXPENSE_TOTAL
from dashboard.intake.ingest import add
from dashboard.presentation.formatting import format_eur
from dashboard.serving.live_data import LastGoodData, checked_library
from dashboard.serving.settings import Settings
from dashboard.web.app_factory import create_app
from dashboard.web.pages.embed_chart import layout as embed_layout
from dashboard.web.pages.finance import layout as finance_layout
from tests.fixtures import FIXTURE_REPORTS, text_of

JUNE, SEPTEMBER = dt.date(2024, 6, 30), dt.date(2024, 9, 30)


@pytest.fixture(scope="module")
def app(library_data):
    return create_app(Settings(data_dir=library_data, default_lang="fi"))


def _expenses(dataset) -> float:
    view = build_finance_view(dataset, Selection())
    return next(k.current for k in view.kpis if k.line_item == EXPENSE_TOTAL)


def test_healthz_lists_the_librarys_reports(app, library):
    body = app.server.test_client().get("/healthz").get_json()
    assert body["reports"] == [r.report_id for r in library.reports]
    assert body["status_date"] == SEPTEMBER.isoformat()


def test_the_finance_page_and_an_embedded_chart_follow_the_links_report(app, library):
    june = library.dataset(JUNE)
    with app.server.test_request_context("/?date=2024-06-30"):
        page = text_of(finance_layout(date="2024-06-30"))
    assert "Tilanne 30.6.2024" in page and format_eur(_expenses(june)) in page
    with app.server.test_request_context("/embed/chart/forecast?date=2024-06-30"):
        embedded = embed_layout(chart="forecast", date="2024-06-30")
    latest = embed_layout_text(app, "forecast")
    assert text_of(embedded) != latest  # the June report's forecast, not the latest one's
    view = build_finance_view(june, Selection())
    forecast = next(k.forecast for k in view.kpis if k.line_item == EXPENSE_TOTAL)
    assert format_eur(forecast) in text_of(embedded)


def embed_layout_text(app, chart: str) -> str:
    with app.server.test_request_context(f"/embed/chart/{chart}"):
        return text_of(embed_layout(chart=chart))


def test_a_hostile_date_or_division_falls_back_to_the_latest_with_a_notice(app):
    for query in ({"date": "2024-13-45"}, {"date": "<script>"}, {"division": "ei-ole"}, {"date": ["x"] * 3}):
        with app.server.test_request_context("/"):
            page = text_of(finance_layout(**query))
        assert "Tilanne 30.9.2024" in page
        assert "ei kelpaa" in page  # "Linkin arvo … ei kelpaa; käytetään oletusta."


def test_a_refused_report_leaves_the_served_library_as_it_was(library_data, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(library_data, folder)
    served = LastGoodData(folder, checked_library(folder))
    before = served.get()
    log = io.StringIO()
    assert add([FIXTURE_REPORTS / "broken-unknown-template.txt"], folder, out=log, err=log) == 1
    assert add([FIXTURE_REPORTS / "yhteiset-palvelut-2024-09-30-changed.txt"], folder, out=log, err=log) == 1
    assert served.get() is before and served.rejection is None
