"""The finance page (`/`): 2023 vs 2024 realisation, budget pace and year-end forecast, by service area.

The first screen answers in a sentence and three key-figure tiles; five charts, the cost centres'
own texts, the exceptions and the report's statement follow. The controls (division, cost
centres, line group, measure, bridge) filter every part at once, and the link keeps the view.
The page arrives drawn for its link (`initial_finance_page`). A change of a control redraws it
from the view request (`finance_view_json`, at `ids.FINANCE_VIEW_PATH`) that the page's
`ViewData` sends: a GET whose query carries the controls' values, answered with every part.
"""

from __future__ import annotations

import dash
import flask
from dash import Dash, Input, Output, State, html, no_update
from werkzeug.datastructures import MultiDict

from dashboard.presentation.texts import t
from dashboard.serving.security import CallbackRequestError, bad_request, check_query
from dashboard.serving.settings import SETTINGS_KEY, Settings
from dashboard.store.dataset import Dataset
from dashboard.store.validation import DataError
from dashboard.web import ids
from dashboard.web.callbacks import division_filter_outputs, initial_finance_page, update_finance_view
from dashboard.web.components import view_data, view_json
from dashboard.web.current import choose_report, current_library, current_settings, with_data
from dashboard.web.embed import embeddable
from dashboard.web.query import read_query
from dashboard.web.site import PAGE_PATHS

CONTROL_INPUTS = [Input(control, "value") for control in ids.FINANCE_CONTROLS]

# Keeps the address bar in step with the controls without reloading the page (replaceState fires
# no navigation, so Dash Pages does not redraw; assets/address.js keeps a later move to a fragment
# from redrawing it either), and points the language switch at the same view.
UPDATE_URL_JS = """
function(areas, group, measure, bridge, division, date, lang) {
    const params = new URLSearchParams();
    const current = new URLSearchParams(window.location.search);
    ["embed", "filters"].forEach(k => { if (current.has(k)) { params.set(k, current.get(k)); } });
    const divisions = document.querySelectorAll("#__DIVISION_ID__ input");
    const reports = document.querySelectorAll("#__REPORT_ID__ input");
    const report = new URLSearchParams();  // what the other pages' links keep
    if (reports.length > 1 && date) { report.set("date", date); }
    if (divisions.length > 1 && division !== divisions[0].value) { report.set("division", division); }
    report.forEach((v, k) => params.set(k, v));
    document.querySelectorAll(".site-nav a, .site-footer a").forEach(a => {
        const url = new URL(a.href, window.location.href);
        ["date", "division"].forEach(k => url.searchParams.delete(k));
        const rest = url.searchParams.toString();
        url.search = "?" + report.toString() + (report.toString() && rest ? "&" : "") + rest;
        a.setAttribute("href", url.pathname + url.search);
    });
    (areas || []).forEach(a => params.append("area", a));
    params.set("group", group); params.set("measure", measure); params.set("bridge", bridge);
    params.set("lang", lang);
    const query = "?" + params.toString();
    window.dashboardAddress.replace(window.location.pathname + query + window.location.hash);
    params.set("lang", lang === "fi" ? "en" : "fi");
    return "?" + params.toString();
}
""".replace("__DIVISION_ID__", ids.DIVISION_CONTROL).replace("__REPORT_ID__", ids.REPORT_CONTROL)

COPY_LINK_JS = """
function(n, lang) {
    if (!n) { return window.dash_clientside.no_update; }
    const status = document.getElementById("__STATUS_ID__");
    const done = ok => { status.textContent = status.dataset[ok ? "ok" : "fail"]; };
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(window.location.href).then(() => done(true), () => done(false));
    } else {
        done(false);
    }
    return window.dash_clientside.no_update;
}
""".replace("__STATUS_ID__", ids.COPY_LINK_STATUS)

# The phone's filter drawer (finance_layout.filters): each press of its button opens or closes the
# panel; its label names the ticked cost centres, from the templates the server drew it with.
FILTER_DRAWER_JS = """
function(clicks, value, options) {
    const texts = document.getElementById("__TOGGLE_ID__").dataset;
    const ticked = new Set(value || []);
    const names = (options || []).filter(o => ticked.has(o.value)).map(o => o.label);
    const chosen = !names.length ? texts.whole
        : names.length <= 2 ? names.join(", ") : texts.many.replace("{n}", names.length);
    const open = (clicks || 0) % 2 === 1;
    return [texts.template.replace("{selection}", chosen), String(open),
            open ? "filter-panel open" : "filter-panel"];
}
""".replace("__TOGGLE_ID__", ids.FILTER_TOGGLE)


def finance_page_for(dataset: Dataset, settings: Settings, **query) -> html.Div:
    """The finance page for a link's query parameters (Dash Pages passes them as keywords)."""
    lang, selection, notices = read_query(dataset, query, settings.default_lang)
    return initial_finance_page(dataset, selection, lang, notices, current_library())


layout = with_data(finance_page_for)


def title(**_) -> str:
    return t("app_title", current_settings().default_lang)


def finance_view_json(query: MultiDict) -> bytes:
    """The page's view for the controls' values in a view request's query (`ids.FINANCE_VIEW_PARAMS`
    names them, plus `lang`), as JSON: the report of `date` seen from `division`. Values no control
    offers come back as a notice in the view, as from a link."""
    division, date = query.get("division"), query.get("date")
    try:
        dataset = choose_report(date, division).dataset
        library = current_library()
    except DataError as exc:  # data broken under a running app: keep the last view, say why
        return view_json(view_data({(ids.INPUT_NOTICE, "children"): html.P(str(exc))}))
    outputs = update_finance_view(
        dataset,
        query.getlist("area"),
        query.get("group"),
        query.get("measure"),
        query.get("bridge"),
        query.get("lang"),
        division,
        library,
    )
    return outputs.view_json


def answer_view_request() -> flask.Response:
    try:
        check_query(flask.request.args)
    except CallbackRequestError as exc:
        return bad_request(str(exc))
    # Never stored: the same address answers with newer figures once the data is replaced.
    return flask.Response(
        finance_view_json(flask.request.args), mimetype="application/json", headers={"Cache-Control": "no-store"}
    )


def show_division_areas(division, date, lang):
    """The filters for a newly chosen division: its cost centres, none ticked, and its reports, the
    chosen date's where it has a report of it. The page's view for the division is asked at the
    same time by `ViewData`, for the same report (`choose_report`) and no cost centre."""
    try:
        dataset = choose_report(date, division).dataset
        library = current_library()
    except DataError:
        return (no_update,) * 6
    return division_filter_outputs(dataset, division, lang, library)


def register(app: Dash) -> None:
    """Register the page with Dash Pages and wire its controls on `app`."""
    dash.register_page(__name__, path=PAGE_PATHS["finance"], order=0, title=title, layout=embeddable(layout))
    lang = State(ids.LANG_STORE, "data")
    prefix = app.server.config[SETTINGS_KEY].url_prefix
    app.server.add_url_rule(prefix + ids.FINANCE_VIEW_PATH, "finance_view", answer_view_request, methods=["GET"])
    app.callback(
        Output(ids.AREA_FILTER, "options"),
        Output(ids.AREA_FILTER, "value"),
        Output(ids.AREA_FILTER_HELP, "children"),
        Output(ids.REPORT_CONTROL, "options"),
        Output(ids.REPORT_CONTROL, "value"),
        Output(ids.REPORT_CONTROL + "-box", "hidden"),
        Input(ids.DIVISION_CONTROL, "value"),
        State(ids.REPORT_CONTROL, "value"),
        lang,
        prevent_initial_call=True,
    )(show_division_areas)
    app.clientside_callback(UPDATE_URL_JS, Output(ids.LANG_SWITCH, "href"), *CONTROL_INPUTS, lang)
    app.clientside_callback(
        COPY_LINK_JS,
        Output(ids.COPY_LINK_STATUS, "title"),
        Input(ids.COPY_LINK_BUTTON, "n_clicks"),
        lang,
        prevent_initial_call=True,
    )
    app.clientside_callback(
        FILTER_DRAWER_JS,
        Output(ids.FILTER_TOGGLE, "children"),
        Output(ids.FILTER_TOGGLE, "aria-expanded"),
        Output(ids.FILTER_PANEL, "className"),
        Input(ids.FILTER_TOGGLE, "n_clicks"),
        Input(ids.AREA_FILTER, "value"),
        State(ids.AREA_FILTER, "options"),
        prevent_initial_call=True,  # drawn closed, with its label, by the server
    )
