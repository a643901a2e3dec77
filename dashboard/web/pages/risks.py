"""The risks page (`/riskit`): the report's risk matrix and its risk register.

The matrix is drawn as a chart and as a real table (significance by probability, each risk named
in its cell); the register lists every risk with its probability, significance, their product,
the control and how the control went. Numbers are right-aligned by their column's kind. Where
the library holds the division's previous report, a risk whose probability × significance rose
since it is marked ▲ (one that fell ▼) with its earlier score, in the chart, the matrix table and
the register (`report_changes.risk_changes`).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from dash import Dash, html

from dashboard.analysis.report_changes import previous_dataset, risk_changes
from dashboard.presentation.page_tables import risk_register
from dashboard.presentation.report_figures import risk_change_mark, risk_matrix_chart, risk_scale
from dashboard.presentation.texts import format_date, t
from dashboard.store.dataset import Dataset
from dashboard.store.library import Library
from dashboard.web.answers import risks_answer
from dashboard.web.components import Plot
from dashboard.web.current import current_library
from dashboard.web.parts import REPORT_GRAPH_CONFIG, render_data_table
from dashboard.web.query import Notice
from dashboard.web.report_frame import register_report_page, report_layout, report_page
from dashboard.web.site import read_lang


def _matrix_item(row: pd.Series, since: str, lang: str) -> html.Li:
    """A risk in its cell: number and name as printed, and how its score moved, if it did."""
    name = f"{row['row']}. {row['risk']}"
    icon, text = risk_change_mark(row, since, lang)
    if not icon:
        return html.Li(name, lang="fi")
    mark = html.Span(
        [html.Span(icon, className="change-icon", **{"aria-hidden": "true"}), " ", text], className="change-mark"
    )
    return html.Li([html.Span(name, lang="fi"), " ", mark])


def risk_matrix_table(risks: pd.DataFrame, lang: str, since: str = "") -> html.Table:
    """The matrix as a real table: rows significance (highest first), columns probability; `risks`
    may carry the changes since the report of `since` (`report_changes.risk_changes`)."""
    scale = risk_scale(risks)
    head = html.Thead(
        html.Tr(
            [html.Th(f"{t('significance', lang)} \\ {t('probability', lang)}", scope="col")]
            + [html.Th(str(p), scope="col") for p in range(1, scale + 1)]
        )
    )
    body = []
    for s in range(scale, 0, -1):
        cells = [html.Th(str(s), scope="row")]
        for p in range(1, scale + 1):
            here = risks[(risks["probability"] == p) & (risks["significance"] == s)]
            items = [_matrix_item(row, since, lang) for _, row in here.iterrows()]
            cells.append(
                html.Td(html.Ul(items, className="matrix-list") if items else "–", className=f"score-{min(p * s, 9)}")
            )
        body.append(html.Tr(cells))
    return html.Table(
        [html.Caption(t("matrix_caption", lang)), head, html.Tbody(body)], className="data-table risk-matrix-table"
    )


def risks_page(
    dataset: Dataset, query: Mapping[str, object], default_lang: str, library: Library | None = None
) -> html.Div:
    """The page for the report `dataset` shows, its changes against `library`'s previous report of the division."""
    notices: list[Notice] = []
    lang = read_lang(query, default_lang, notices)
    previous = previous_dataset(library, dataset.report) if library is not None else None
    changes = risk_changes(dataset.risks, previous.risks) if previous is not None else None
    since = format_date(previous.report.status_date, lang) if previous is not None else ""
    risks = dataset.risks if changes is None else changes
    chart = risk_matrix_chart(risks, lang, since)
    table = risk_register(dataset, lang, changes, since)
    register = render_data_table(table, table.title, lang)
    intro = t("risks_intro", lang)
    if previous is not None:
        intro += " " + t("risks_intro_changes", lang, date=since)
    body = [
        html.P(intro, className="intro"),
        html.Section(
            [
                html.H2(chart.title, id="risk-matrix-title"),
                html.P(chart.summary, className="chart-summary"),
                Plot(id="risk-matrix-chart", figure=chart.figure, config=REPORT_GRAPH_CONFIG),
                html.Div(risk_matrix_table(risks, lang, since), className="table-scroll", tabIndex="0"),
            ],
            className="card",
            **{"aria-labelledby": "risk-matrix-title"},
        ),
        html.Section(html.Div(register, className="table-scroll", tabIndex="0"), className="card"),
    ]
    answer = risks_answer(dataset.risks, lang, changes, since)
    return report_page(dataset, lang, "risks", t("risks_title", lang), notices, body, answer=answer)


def risks_of_library(dataset: Dataset, query: Mapping[str, object], default_lang: str) -> html.Div:
    """The page as a request draws it: its changes against the current library's previous report."""
    return risks_page(dataset, query, default_lang, current_library())


layout = report_layout(risks_of_library)


def register(app: Dash) -> None:
    """Register the page with Dash Pages (it has no callbacks: its state is its link)."""
    register_report_page(__name__, "risks", 3, layout)
