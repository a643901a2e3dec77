"""Callbacks of the export toolbar: the current view's tables as XLSX or CSV downloads, and print.

`finance_download()` and `report_download()` are plain functions (tested without a browser): the
view's state in, a `dcc.Download` payload out. The finance page's state is read from its controls
when a button is pressed, so the file holds exactly what the page shows; a report page's state is
its link, kept in the toolbar's store.
"""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, dcc, no_update

from dashboard.analysis.finance_view import Selection
from dashboard.presentation.export_files import CSV_TYPE, XLSX_TYPE, Export, to_csv, to_xlsx
from dashboard.presentation.exports import csv_file_name, finance_export, xlsx_file_name
from dashboard.presentation.texts import DEFAULT_LANG, LANGUAGES
from dashboard.store.dataset import Dataset
from dashboard.store.library import Library
from dashboard.web import ids
from dashboard.web.current import choose_report, current_library
from dashboard.web.export_toolbar import FINANCE, export_id, report_page_export
from dashboard.web.query import resolve_selection

PRINT_JS = "function(n) { if (n) { window.print(); } return window.dash_clientside.no_update; }"


def finance_selection(dataset: Dataset, area_slugs, group, measure, bridge_by, division="") -> Selection:
    """The controls' values as a selection; unknown values fall back as the page's own callback does."""
    return resolve_selection(dataset, division, area_slugs, group, measure, bridge_by)[0]


def _lang(lang: object) -> str:
    return lang if lang in LANGUAGES else DEFAULT_LANG


def download(export: Export, kind: str, table_key: object) -> dict:
    """A `dcc.Download` payload: the whole export as XLSX, or one of its tables as CSV."""
    if kind == "xlsx":
        return dcc.send_bytes(to_xlsx(export), xlsx_file_name(export), type=XLSX_TYPE)
    table = export.table(str(table_key))
    return dcc.send_bytes(to_csv(table), csv_file_name(export, table), type=CSV_TYPE)


def finance_download(
    dataset: Dataset, kind: str, table_key, area_slugs, group, measure, bridge_by, lang, division=""
) -> dict:
    selection = finance_selection(dataset, area_slugs, group, measure, bridge_by, division)
    return download(finance_export(dataset, selection, _lang(lang)), kind, table_key)


def report_download(dataset: Dataset, kind: str, table_key, state: dict, library: Library | None = None) -> dict:
    state = state or {}
    page, lang, params = str(state.get("page")), _lang(state.get("lang")), state.get("params") or {}
    export = report_page_export(dataset, page, lang, params, library)
    return download(export, kind, table_key)


def _kind(prefix_page: str) -> str:
    return "xlsx" if ctx.triggered_id == export_id(prefix_page, "xlsx-button") else "csv"


def register_export_callbacks(app: Dash) -> None:
    """Wire both toolbars (the finance page's and the report pages') to their downloads."""

    @app.callback(
        Output(export_id(FINANCE, "download"), "data"),
        Input(export_id(FINANCE, "xlsx-button"), "n_clicks"),
        Input(export_id(FINANCE, "csv-button"), "n_clicks"),
        State(export_id(FINANCE, "csv-table"), "value"),
        *(State(control, "value") for control in ids.FINANCE_CONTROLS),
        State(ids.LANG_STORE, "data"),
        prevent_initial_call=True,
    )
    def download_finance_view(
        xlsx_clicks, csv_clicks, table_key, area_slugs, group, measure, bridge_by, division, date, lang
    ):
        if not (xlsx_clicks or csv_clicks):
            return no_update
        kind = _kind(FINANCE)
        dataset = choose_report(date, division).dataset  # the report the page shows
        return finance_download(dataset, kind, table_key, area_slugs, group, measure, bridge_by, lang, division)

    # The scope line under the heading follows the controls as an output of the page's callback.

    @app.callback(
        Output(export_id("report", "download"), "data"),
        Input(export_id("report", "xlsx-button"), "n_clicks"),
        Input(export_id("report", "csv-button"), "n_clicks"),
        State(export_id("report", "csv-table"), "value"),
        State(export_id("report", "state"), "data"),
        prevent_initial_call=True,
    )
    def download_report_page(xlsx_clicks, csv_clicks, table_key, state):
        if not (xlsx_clicks or csv_clicks):
            return no_update
        params = (state or {}).get("params") or {}
        dataset = choose_report(params.get("date"), params.get("division")).dataset  # the report the page shows
        return report_download(dataset, _kind("report"), table_key, state, current_library())

    for page in (FINANCE, "report"):
        app.clientside_callback(
            PRINT_JS,
            Output(export_id(page, "print-button"), "title"),
            Input(export_id(page, "print-button"), "n_clicks"),
            prevent_initial_call=True,
        )
