"""The finance page: 2023 vs 2024 realisation, budget pace and year-end forecast, by service area.

`finance_page()` assembles the page from named pieces (header, filters, KPI cards, chart cards,
tables) with the controls set from the link; the `render_*` functions turn computed results into
HTML for the callbacks. Nothing here reads files or computes figures: figures come from
`dashboard.analysis.finance_view` through the callbacks, so the page's first draw and every later one match.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

import dash_bootstrap_components as dbc
import numpy as np
from dash import dcc, html

from dashboard.analysis.finance_view import BRIDGE_BY, GROUPS, MEASURES, FinanceView, Selection, view_division
from dashboard.presentation.figures import Chart
from dashboard.presentation.formatting import format_eur, format_pct
from dashboard.presentation.tables import Table as DataTable
from dashboard.presentation.tables import shown_rows
from dashboard.presentation.texts import line_name, org_name, t
from dashboard.presentation.view_tables import exception_rule, exceptions_table, selection_name, statement_table
from dashboard.store.dataset import Dataset
from dashboard.store.names import slugify
from dashboard.web import ids
from dashboard.web.components import Plot, Table
from dashboard.web.export_toolbar import export_toolbar
from dashboard.web.first_screen import exception_row_id, render_first_screen
from dashboard.web.query import Notice, area_slugs, division_slugs
from dashboard.web.site import data_status, page_href, site_footer, site_nav, skip_link

# Chart cards in page order: (key into figures.CHART_BUILDERS, component id).
CHARTS: tuple[tuple[str, str], ...] = (
    ("line", ids.LINE_CHART),
    ("area", ids.AREA_CHART),
    ("pace", ids.PACE_CHART),
    ("bridge", ids.BRIDGE_CHART),
    ("forecast", ids.FORECAST_CHART),
)
GRAPH_CONFIG = {"displaylogo": False}


def view_query(selection: Selection, lang: str) -> str:
    """The query string that reproduces a view (the same one the browser writes on every change)."""
    pairs = [("division", slugify(selection.division))] if selection.division else []
    pairs += [("area", slugify(a)) for a in selection.areas]
    pairs += [
        ("group", selection.group),
        ("measure", selection.measure),
        ("bridge", selection.bridge_by),
        ("lang", lang),
    ]
    return "?" + urlencode(pairs)


def other_lang(lang: str) -> str:
    return "en" if lang == "fi" else "fi"


def render_notices(notices: Sequence[Notice], lang: str) -> list:
    return [html.P(t(n.key, lang, **n.values), className="notice-item") for n in notices]


def _radio(component_id: str, label: str, options: list[tuple[str, str]], value: str) -> html.Fieldset:
    return html.Fieldset(
        [
            html.Legend(label, className="control-label"),
            # dbc's lists render native inputs with their own labels; dcc's wrap them in ARIA
            # listbox/option roles that axe-core rejects (nested-interactive, aria-allowed-role).
            dbc.RadioItems(
                id=component_id,
                options=[{"label": text, "value": key} for key, text in options],
                value=value,
                className="choice-list",
                inputClassName="choice-input",
                labelClassName="choice",
            ),
        ],
        className="control",
    )


def area_options(dataset: Dataset, division: str, lang: str) -> list[dict[str, str]]:
    return [{"label": org_name(a, lang), "value": slug} for slug, a in area_slugs(dataset, division).items()]


def division_control(dataset: Dataset, selection: Selection, lang: str) -> html.Div:
    """The division to show: offered where the data holds more than one (a city-wide ledger)."""
    divisions = division_slugs(dataset)
    chosen = slugify(view_division(dataset, selection))
    control = _radio(
        ids.DIVISION_CONTROL,
        t("division_control", lang),
        [(s, org_name(d, lang)) for s, d in divisions.items()],
        chosen,
    )
    return html.Div(control, hidden=len(divisions) < 2)


def filters(dataset: Dataset, selection: Selection, lang: str) -> html.Section:
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
            division_control(dataset, selection, lang),
            html.Fieldset(
                [
                    html.Legend(t("area_filter", lang), className="control-label"),
                    html.P(
                        t("area_filter_help", lang, division=org_name(division, lang)),
                        id=ids.AREA_FILTER_HELP,
                        className="help",
                    ),
                    dbc.Checklist(
                        id=ids.AREA_FILTER,
                        options=options,
                        value=[slugify(a) for a in selection.areas],
                        className="choice-list",
                        inputClassName="choice-input",
                        labelClassName="choice",
                    ),
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
                    data_status(dataset, lang),
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
            html.Div(id=ids.head_id(chart_id)),
            Plot(id=chart_id, config=GRAPH_CONFIG),
            html.Details(
                [html.Summary(t("show_table", lang)), html.Div(id=ids.table_id(chart_id), className="table-scroll")],
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
            if output_id == component_id:
                setattr(component, prop, value)
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if hasattr(child, "to_plotly_json"):
            apply_outputs(child, outputs)
    return component


def finance_page(dataset: Dataset, selection: Selection, lang: str, notices: Sequence[Notice]) -> html.Div:
    return html.Div(
        [
            skip_link(lang),
            dcc.Store(id=ids.LANG_STORE, data=lang),
            header(dataset, selection, lang),
            html.Div(
                render_notices(notices, lang),
                id=ids.URL_NOTICE,
                className="notice" if notices else "notice empty",
                role="status",
            ),
            html.Div(id=ids.INPUT_NOTICE, role="status"),
            html.Main(
                [
                    filters(dataset, selection, lang),
                    html.Div(
                        [
                            html.H2(id=ids.SELECTION_HEADING, className="selection-heading"),
                            html.Section(html.Div(id=ids.KPI_CARDS), className="kpis first-screen"),
                            html.P(t("sign_note", lang), className="sign-note"),
                            html.Div(
                                [chart_card(chart_id, lang) for _, chart_id in CHARTS[:3]], className="chart-grid"
                            ),
                            html.Section(id=ids.AREA_TEXTS, className="card area-texts"),
                            html.Div(
                                [chart_card(chart_id, lang) for _, chart_id in CHARTS[3:]], className="chart-grid"
                            ),
                            html.Section(id=ids.EXCEPTIONS, className="card"),
                            html.Section(
                                [html.Div(id=ids.STATEMENT_TABLE), html.Div(id=ids.ROUNDING_NOTE)],
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


# -- rendering results ------------------------------------------------------------------------------
def render_selection_heading(dataset: Dataset, selection: Selection, lang: str) -> str:
    if not selection.areas:
        return t("whole_division", lang, division=org_name(view_division(dataset, selection), lang))
    return t("selected_areas", lang, areas=", ".join(org_name(a, lang) for a in selection.areas))


def render_kpis(view: FinanceView, lang: str) -> list:
    """The first screen: the answer in a sentence, the key-figure tiles and the top deviations."""
    return render_first_screen(view, lang)


_FIGURE = re.compile(r"^(?:[+\-−]?\d[\d\u00a0 ]*(?:,\d+)?(?:\u00a0?(?:€|%|%-yks\.|pp))?|–)$")


def numeric_columns(rows: Sequence[Sequence[str]]) -> list[int]:
    """Columns to right-align: every filled cell a figure (`-1 234 €`, `68,2 %`, `+3,1 %-yks.`, `–`)."""
    width = max((len(row) for row in rows), default=0)
    return [
        i
        for i in range(1, width)
        if all(_FIGURE.match(row[i]) for row in rows if i < len(row) and row[i])
        and any(i < len(row) and row[i] for row in rows)
    ]


def render_table(columns: Sequence[str], rows: Sequence[Sequence[str]], caption: str | None = None) -> Table:
    """A plain table: header cells for columns and for each row's first cell, figures right-aligned."""
    return Table(columns, rows, caption=caption, numeric_columns=numeric_columns(rows))


def render_chart_head(chart: Chart, chart_id: str) -> list:
    """Title and summary in one output: the renderer's work per callback grows with its outputs."""
    return [
        html.H3(chart.title, id=ids.title_id(chart_id), className="chart-title"),
        html.P(chart.summary, id=ids.summary_id(chart_id), className="chart-summary"),
    ]


def render_data_table(table: DataTable | Chart, caption: str, lang: str, **props) -> Table:
    """A table of numbers as the page shows it: formatted by the one formatter, figures right-aligned."""
    numeric = [i for i, column in enumerate(table.columns) if i > 0 and column.is_figure]
    rows = shown_rows(table.columns, table.rows, lang)
    return Table(table.headers, rows, caption=caption, numeric_columns=numeric, **props)


def render_chart_table(chart: Chart) -> html.Div:
    return html.Div(render_data_table(chart, chart.title, chart.lang), className="table-scroll", tabIndex=0)


def render_statement(view: FinanceView, lang: str) -> list:
    """The report's own table: TP, TOT last year, TA + changes, TOT this year, remaining, TOT-%, and
    the year-end forecast with its method."""
    table = statement_table(view, lang)
    derived = np.asarray(view.columns("statement")["derived"], dtype=bool).tolist()
    notes = [t("statement_summary", lang)]
    if len(view.selection.areas) > 1:
        notes.append(t("sum_of_areas", lang))
    if not np.asarray(view.columns("statement")["printed_shown"], dtype=bool).all():
        notes.append(t("computed_note", lang))
    notes.append(t("forecast_note", lang))
    return [
        html.H3(
            t("statement_title", lang, name=selection_name(view, lang)), className="chart-title", id="statement-title"
        ),
        html.P(" ".join(notes), className="chart-summary"),
        html.Div(
            render_data_table(
                table,
                table.title,
                lang,
                row_classes=["derived" if d else None for d in derived],
                className="data-table statement",
            ),
            className="table-scroll",
            tabIndex=0,
            role="region",
            **{"aria-labelledby": "statement-title"},
        ),
    ]


def render_rounding(view: FinanceView, lang: str) -> list:
    """Where the report's own sums differ by rounding, list them under the table."""
    rounding = view.columns("rounding")
    if not len(rounding["line_item"]):
        return []
    items = []
    for area, line_item, column, printed, computed in zip(
        *(rounding[c].tolist() for c in ("service_area", "line_item", "column", "printed", "computed")), strict=True
    ):
        where = org_name(area, lang) if area else t("division_table", lang)
        is_pct = str(column).endswith("%")
        fmt = (lambda v: format_pct(v, 2)) if is_pct else format_eur
        items.append(
            html.Li(
                t(
                    "rounding_item",
                    lang,
                    where=where,
                    line=line_name(line_item, lang),
                    column=column,
                    printed=fmt(printed),
                    computed=fmt(computed),
                )
            )
        )
    return [
        html.Details(
            [html.Summary(t("rounding_note", lang) + f" ({len(items)})"), html.Ul(items)], className="rounding-note"
        )
    ]


def render_exceptions(view: FinanceView, lang: str) -> list:
    """The exceptions, most unfavourable first, under the one rule that finds them."""
    table = exceptions_table(view, lang)
    favourable = np.asarray(view.columns("exceptions")["favourable"], dtype=bool).tolist()
    summary = exception_rule(view, lang) + " " + t("exceptions_count", lang, count=len(table.rows))
    body = (
        html.Div(
            render_data_table(
                table,
                table.title,
                lang,
                row_classes=["favourable" if good else "unfavourable" for good in favourable],
                row_ids=[exception_row_id(i) for i in range(len(table.rows))],
            ),
            className="table-scroll",
            tabIndex=0,
            role="region",
            **{"aria-label": table.title},
        )
        if table.rows
        else html.P(t("no_exceptions", lang))
    )
    return [html.H3(table.title, className="chart-title"), html.P(summary, className="chart-summary"), body]


def _paragraphs(table: Mapping[str, Any]) -> dict[str, list[str]]:
    """Each cost centre's paragraphs, in order."""
    out: dict[str, list[str]] = {}
    for area, text in zip(table["service_area"].tolist(), table["text"].tolist(), strict=True):
        out.setdefault(area, []).append(text)
    return out


def render_area_texts(view: FinanceView, lang: str) -> list:
    """What each selected service area does, and the report's commentary on its figures."""
    areas = list(view.selection.areas) or [""]
    out: list = [html.H3(t("texts_title", lang), className="chart-title")]
    if lang != "fi":
        out.append(html.P(t("texts_in_finnish", lang), className="help"))
    all_descriptions, all_commentary = (
        _paragraphs(view.columns("descriptions")),
        _paragraphs(view.columns("commentary")),
    )
    for area in areas:
        name = org_name(area or view.division, lang)
        descriptions = all_descriptions.get(area, [])
        commentary = all_commentary.get(area, [])
        block = [html.H4(name)]
        if area:
            block += [html.H5(t("description", lang))]
            block += [html.P(p, lang="fi") for p in descriptions] or [html.P(t("no_description", lang))]
        block += [html.H5(t("commentary", lang))]
        block += [html.P(p, lang="fi") for p in commentary] or [html.P(t("no_commentary", lang))]
        out.append(html.Div(block, className="area-text"))
    return out


def not_found_page(lang: str) -> html.Main:
    return html.Main(
        [
            html.H1(t("not_found_title", lang)),
            html.P(t("not_found_text", lang)),
            html.A(t("back_home", lang), href=page_href("finance", lang)),
        ],
        className="page not-found",
    )
