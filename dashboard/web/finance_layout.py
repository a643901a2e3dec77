"""The finance page's skeleton: header, filters, key-figure and chart cards, drawn from the link.

`finance_page()` assembles the page from named pieces (header, filters, KPI cards, chart cards,
tables) with the controls set from the link; the cards are empty until `apply_outputs` sets what
the page's callback would (`dashboard.web.callbacks.initial_finance_page`). Nothing here reads files
or computes figures: those come from `dashboard.analysis.finance_view` through the callback, so the
page's first draw and every later one match.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from dash import dcc, html

from dashboard.analysis.finance_view import BRIDGE_BY, GROUPS, MEASURES, Selection, view_division
from dashboard.presentation.texts import format_date, org_name, t
from dashboard.store.dataset import ALL_DIVISIONS, Dataset
from dashboard.store.library import Library
from dashboard.store.names import slugify
from dashboard.web import ids
from dashboard.web.components import Choices, Plot, Slot, ViewData
from dashboard.web.current import report_params
from dashboard.web.export_toolbar import export_toolbar
from dashboard.web.parts import GRAPH_CONFIG, notice_block
from dashboard.web.query import Notice, area_slugs
from dashboard.web.site import site_footer, site_nav, skip_link

# Chart cards in page order: (key into figures.CHART_BUILDERS, component id).
CHARTS: tuple[tuple[str, str], ...] = (
    ("line", ids.LINE_CHART),
    ("area", ids.AREA_CHART),
    ("pace", ids.PACE_CHART),
    ("bridge", ids.BRIDGE_CHART),
    ("forecast", ids.FORECAST_CHART),
)
# The year's development across reports: (key into development_charts.DEVELOPMENT_CHARTS, component id).
DEVELOPMENT_CHART_IDS: tuple[tuple[str, str], ...] = (
    ("development", ids.DEVELOPMENT_CHART),
    ("forecast_development", ids.FORECAST_DEVELOPMENT_CHART),
)


def view_query(selection: Selection, lang: str) -> str:
    """The query string that reproduces a view (the same one the browser writes on every change)."""
    pairs = [*report_params()]
    pairs += [("division", slugify(selection.division))] if selection.division else []
    pairs += [("area", slugify(a)) for a in selection.areas]
    pairs += [
        ("group", selection.group),
        ("measure", selection.measure),
        ("bridge", selection.bridge_by),
        ("lang", lang),
    ]
    return "?" + urlencode(list(dict.fromkeys(pairs)))


def other_lang(lang: str) -> str:
    return "en" if lang == "fi" else "fi"


def _radio(component_id: str, label: str, options: list[tuple[str, str]], value: str) -> html.Fieldset:
    return html.Fieldset(
        [
            html.Legend(label, className="control-label"),
            # Native inputs with their own labels; dcc's lists wrap them in ARIA listbox/option
            # roles that axe-core rejects (nested-interactive, aria-allowed-role).
            Choices(component_id, [{"label": text, "value": key} for key, text in options], value),
        ],
        className="control",
    )


def area_options(dataset: Dataset, division: str, lang: str) -> list[dict[str, str]]:
    return [{"label": org_name(a, lang), "value": slug} for slug, a in area_slugs(dataset, division).items()]


@dataclass(frozen=True)
class ReportMenu:
    """What the report and division selectors offer: every division of the library (the view of
    all divisions last) and the chosen division's reports."""

    divisions: tuple[str, ...]
    dates: tuple[tuple[dt.date, int], ...]  # (status date, months of figures), oldest first


def report_menu(library: Library | None, dataset: Dataset, division: str) -> ReportMenu:
    """The selectors for `division` of `library` (or of the one dataset, where no library is given)."""
    if library is None:
        return ReportMenu(
            tuple(dataset.cost_centres_by_division), ((dataset.report.status_date, dataset.periods.current.months),)
        )
    divisions = list(library.divisions)
    if library.dates_of(ALL_DIVISIONS):
        divisions.append(ALL_DIVISIONS)
    dates = library.dates_of(division) or library.dates
    return ReportMenu(tuple(divisions), tuple((d, library.by_date[d].periods.current.months) for d in dates))


def report_options(menu: ReportMenu, lang: str) -> list[dict[str, str]]:
    return [
        {"label": t("report_option", lang, date=format_date(date, lang), months=months), "value": date.isoformat()}
        for date, months in menu.dates
    ]


def division_control(dataset: Dataset, selection: Selection, menu: ReportMenu, lang: str) -> html.Div:
    """The division to show: offered where the data holds more than one (a library, a city ledger)."""
    chosen = slugify(view_division(dataset, selection))
    control = _radio(
        ids.DIVISION_CONTROL,
        t("division_control", lang),
        [(slugify(d), org_name(d, lang)) for d in menu.divisions],
        chosen,
    )
    return html.Div(control, hidden=len(menu.divisions) < 2)


def report_control(dataset: Dataset, menu: ReportMenu, lang: str) -> html.Div:
    """The report to show, by its status date: offered where the division has several. Hidden,
    not left out, so that the callbacks always find it."""
    options = report_options(menu, lang)
    control = html.Fieldset(
        [
            html.Legend(t("report_control", lang), className="control-label"),
            Choices(ids.REPORT_CONTROL, options, dataset.report.status_date.isoformat()),
        ],
        className="control",
    )
    return html.Div(control, id=ids.REPORT_CONTROL + "-box", hidden=len(options) < 2)


def filters(dataset: Dataset, selection: Selection, menu: ReportMenu, lang: str) -> html.Section:
    """The controls. On a phone they fold under a "Rajaa: …" button naming the ticked cost centres
    (`assets/menus.css`); the button's clientside callback (end of `register_callbacks`) opens the
    panel and keeps the label in step, from the templates in its data attributes."""
    division = view_division(dataset, selection)
    options = area_options(dataset, division, lang)
    ticked = {slugify(a) for a in selection.areas}
    names = [option["label"] for option in options if option["value"] in ticked]
    if not names:
        chosen = t("filter_whole_division", lang)
    elif len(names) <= 2:
        chosen = ", ".join(names)
    else:
        chosen = t("export_n_areas", lang, n=len(names))
    toggle = html.Button(
        t("filter_toggle", lang, selection=chosen),
        id=ids.FILTER_TOGGLE,
        className="button filter-toggle",
        type="button",
        n_clicks=0,
        **{
            "aria-expanded": "false",
            "aria-controls": ids.FILTER_PANEL,
            "data-template": t("filter_toggle", lang, selection="{selection}"),
            "data-whole": t("filter_whole_division", lang),
            "data-many": t("export_n_areas", lang, n="{n}"),
        },
    )
    panel = html.Div(
        [
            division_control(dataset, selection, menu, lang),
            report_control(dataset, menu, lang),
            html.Fieldset(
                [
                    html.Legend(t("area_filter", lang), className="control-label"),
                    html.P(
                        t("area_filter_help", lang, division=org_name(division, lang)),
                        id=ids.AREA_FILTER_HELP,
                        className="help",
                    ),
                    Choices(ids.AREA_FILTER, options, [slugify(a) for a in selection.areas], multiple=True),
                ],
                className="control control-areas",
            ),
            _radio(
                ids.GROUP_CONTROL,
                t("group_control", lang),
                [(g, t("group_" + g, lang)) for g in GROUPS],
                selection.group,
            ),
            _radio(
                ids.MEASURE_CONTROL,
                t("measure_control", lang),
                [(m, t("measure_" + m, lang)) for m in MEASURES],
                selection.measure,
            ),
            _radio(
                ids.BRIDGE_CONTROL,
                t("bridge_control", lang),
                [(b, t("bridge_" + b, lang)) for b in BRIDGE_BY],
                selection.bridge_by,
            ),
        ],
        id=ids.FILTER_PANEL,
        className="filter-panel",
    )
    return html.Section(
        [html.H2(t("filters", lang), className="visually-hidden"), toggle, panel],
        className="filters",
        **{"aria-label": t("filters", lang)},
    )


def header(dataset: Dataset, selection: Selection, lang: str) -> html.Header:
    report = dataset.report
    switch_to = other_lang(lang)
    return html.Header(
        [
            html.Div(
                [
                    html.H1(
                        [
                            t("app_title", lang),
                            html.Span(org_name(report.division, lang), className="subtitle"),
                        ]
                    ),
                    Slot(ids.DATA_STATUS, tag="p", className="data-status"),
                ],
                className="header-text",
            ),
            html.Div(
                [
                    export_toolbar(dataset, "finance", lang, selection=selection),
                    html.A(
                        t("switch_lang", lang),
                        id=ids.LANG_SWITCH,
                        href=view_query(selection, switch_to),
                        lang=switch_to,
                        hrefLang=switch_to,
                        title=t("switch_lang_label", lang),
                        className="button",
                    ),
                    html.Button(  # the short label on a phone, so the header's buttons fit one row
                        [
                            html.Span(t("copy_link", lang), className="label-long"),
                            html.Span(t("copy_link_short", lang), className="label-short"),
                        ],
                        id=ids.COPY_LINK_BUTTON,
                        className="button",
                        n_clicks=0,
                    ),
                    html.Span(
                        id=ids.COPY_LINK_STATUS,
                        className="copy-status",
                        role="status",
                        **{"data-ok": t("copied", lang), "data-fail": t("copy_failed", lang)},
                    ),
                ],
                className="header-actions",
            ),
            site_nav(lang, "finance"),
        ],
        className="page-header",
    )


def chart_card(chart_id: str, lang: str) -> html.Section:
    """An empty chart card: title, summary, graph and its table alternative, filled by the callback."""
    return html.Section(
        [
            Slot(ids.head_id(chart_id)),
            Plot(id=chart_id, config=GRAPH_CONFIG),
            html.Details(
                [
                    html.Summary(t("show_table", lang)),
                    Slot(ids.table_id(chart_id), className="table-scroll", whenOpen=True),
                ],
                className="chart-table",
            ),
        ],
        className="card chart-card",
        **{"aria-labelledby": ids.title_id(chart_id)},
    )


def apply_outputs(component, outputs: Mapping[tuple[str, str], Any]):
    """Set on a layout the props a callback would set, by component id (in place; returns it)."""
    component_id = getattr(component, "id", None)
    if isinstance(component_id, str):
        for (output_id, prop), value in outputs.items():
            if output_id != component_id:
                continue
            if isinstance(component, Slot) and prop == "children":
                component.set_children(value)
            else:
                setattr(component, prop, value)
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if hasattr(child, "to_plotly_json"):
            apply_outputs(child, outputs)
    return component


def finance_page(
    dataset: Dataset, selection: Selection, lang: str, notices: Sequence[Notice], menu: ReportMenu | None = None
) -> html.Div:
    menu = menu or report_menu(None, dataset, view_division(dataset, selection))
    return html.Div(
        [
            skip_link(lang),
            dcc.Store(id=ids.LANG_STORE, data=lang),
            header(dataset, selection, lang),
            notice_block(notices, lang, id=ids.URL_NOTICE),
            Slot(ids.INPUT_NOTICE, role="status"),
            html.Main(
                [
                    filters(dataset, selection, menu, lang),
                    html.Div(
                        [
                            ViewData(
                                ids.FINANCE_VIEW, ids.FINANCE_VIEW_PATH, ids.FINANCE_VIEW_PARAMS, lang, ids.INPUT_NOTICE
                            ),
                            Slot(ids.SELECTION_HEADING, tag="h2", className="selection-heading"),
                            html.Section(Slot(ids.KPI_CARDS), className="kpis first-screen"),
                            html.P(t("sign_note", lang), className="sign-note"),
                            html.Div(
                                [chart_card(chart_id, lang) for _, chart_id in CHARTS[:3]], className="chart-grid"
                            ),
                            Slot(ids.AREA_TEXTS, tag="section", className="card area-texts"),
                            html.Div(
                                [chart_card(chart_id, lang) for _, chart_id in CHARTS[3:]], className="chart-grid"
                            ),
                            html.Div(
                                [chart_card(chart_id, lang) for _, chart_id in DEVELOPMENT_CHART_IDS],
                                className="chart-grid development",
                            ),
                            Slot(ids.EXCEPTIONS, tag="section", className="card"),
                            html.Section(
                                [Slot(ids.STATEMENT_TABLE), Slot(ids.ROUNDING_NOTE)],
                                className="card",
                            ),
                        ],
                        className="content",
                    ),
                ],
                className="page-main",
                id="main",
                tabIndex="-1",
            ),
            site_footer(lang),
        ],
        className="page",
    )
