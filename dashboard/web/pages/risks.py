"""The risks page (`/riskit`): the report's risk matrix and its risk register.

The matrix is drawn as a chart and as a real table (significance by probability, each risk named
in its cell); the register lists every risk with its probability, significance, their product,
the control and how the control went. Numbers are right-aligned by their column's kind.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from dash import Dash, html

from dashboard.presentation.page_tables import risk_register
from dashboard.presentation.report_figures import risk_matrix_chart, risk_scale
from dashboard.presentation.texts import t
from dashboard.store.dataset import Dataset
from dashboard.web.answers import risks_answer
from dashboard.web.components import Plot
from dashboard.web.parts import REPORT_GRAPH_CONFIG, render_data_table
from dashboard.web.query import Notice
from dashboard.web.report_frame import register_report_page, report_layout, report_page
from dashboard.web.site import read_lang


def risk_matrix_table(risks: pd.DataFrame, lang: str) -> html.Table:
    """The matrix as a real table: rows significance (highest first), columns probability."""
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
            items = [html.Li(f"{r}. {name}", lang="fi") for r, name in zip(here["row"], here["risk"], strict=True)]
            cells.append(
                html.Td(html.Ul(items, className="matrix-list") if items else "–", className=f"score-{min(p * s, 9)}")
            )
        body.append(html.Tr(cells))
    return html.Table(
        [html.Caption(t("matrix_caption", lang)), head, html.Tbody(body)], className="data-table risk-matrix-table"
    )


def risks_page(dataset: Dataset, query: Mapping[str, object], default_lang: str) -> html.Div:
    notices: list[Notice] = []
    lang = read_lang(query, default_lang, notices)
    risks = dataset.risks
    chart = risk_matrix_chart(risks, lang)
    table = risk_register(dataset, lang)
    register = render_data_table(table, table.title, lang)
    body = [
        html.P(t("risks_intro", lang), className="intro"),
        html.Section(
            [
                html.H2(chart.title, id="risk-matrix-title"),
                html.P(chart.summary, className="chart-summary"),
                Plot(id="risk-matrix-chart", figure=chart.figure, config=REPORT_GRAPH_CONFIG),
                html.Div(risk_matrix_table(risks, lang), className="table-scroll", tabIndex="0"),
            ],
            className="card",
            **{"aria-labelledby": "risk-matrix-title"},
        ),
        html.Section(html.Div(register, className="table-scroll", tabIndex="0"), className="card"),
    ]
    return report_page(dataset, lang, "risks", t("risks_title", lang), notices, body, answer=risks_answer(risks, lang))


layout = report_layout(risks_page)


def register(app: Dash) -> None:
    """Register the page with Dash Pages (it has no callbacks: its state is its link)."""
    register_report_page(__name__, "risks", 3, layout)
