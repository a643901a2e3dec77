"""Pieces every page uses: the notices about a link's values, tables of numbers, and chart cards.

A table is drawn from a typed `dashboard.presentation.tables.Table` (or a chart's own table): each
cell formatted by the one formatter, and a column right-aligned when its `Column.kind` is a figure.
"""

from __future__ import annotations

from collections.abc import Sequence

from dash import html

from dashboard.presentation.figures import Chart
from dashboard.presentation.tables import Table as DataTable
from dashboard.presentation.tables import shown_rows
from dashboard.presentation.texts import t
from dashboard.web.components import Plot, Table
from dashboard.web.current import report_notices
from dashboard.web.query import Notice

# The finance page's charts (and their embeds) are redrawn by its callback and resized by Plot.
GRAPH_CONFIG = {"displaylogo": False}
# The report pages' charts are drawn once, with the page, and follow the window's size themselves.
REPORT_GRAPH_CONFIG = {"displaylogo": False, "responsive": True}


def render_notices(notices: Sequence[Notice], lang: str) -> list:
    """What the page could not show as asked: the report the link named (`current.report_notices`) and `notices`."""
    return [html.P(t(n.key, lang, **n.values), className="notice-item") for n in [*report_notices(), *notices]]


def notice_block(notices: Sequence[Notice], lang: str, **props) -> html.Div:
    """What a link asked for that the page could not show, under the page's header (a live region)."""
    classes = "notice" if notices else "notice empty"
    return html.Div(render_notices(notices, lang), className=classes, role="status", **props)


def render_data_table(table: DataTable | Chart, caption: str, lang: str, **props) -> Table:
    """A table of numbers as the page shows it: formatted by the one formatter, figures right-aligned."""
    numeric = [i for i, column in enumerate(table.columns) if i > 0 and column.is_figure]
    rows = shown_rows(table.columns, table.rows, lang)
    return Table(table.headers, rows, caption=caption, numeric_columns=numeric, **props)


def render_chart_table(chart: Chart) -> html.Div:
    return html.Div(render_data_table(chart, chart.title, chart.lang), className="table-scroll", tabIndex=0)


def chart_section(chart: Chart, chart_id: str, lang: str) -> html.Section:
    """A drawn chart card: title, summary, the graph (named for screen readers) and its table."""
    title_id = f"{chart_id}-title"
    return html.Section(
        [
            html.H3(chart.title, id=title_id, className="chart-title"),
            html.P(chart.summary, className="chart-summary"),
            Plot(id=chart_id, figure=chart.figure, config=REPORT_GRAPH_CONFIG),
            html.Details(
                [html.Summary(t("show_table", lang)), render_data_table(chart, chart.title, lang)],
                className="chart-table",
            ),
        ],
        className="card chart-card",
        **{"aria-labelledby": title_id},
    )
