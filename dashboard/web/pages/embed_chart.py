"""The one-chart page (`/embed/<chart>`): one chart of the finance page as a tile for the portal.

Its title, one-sentence summary, graph and table, for the same link parameters as the finance page
(`?area=vaalit&bridge=area&lang=en`), drawn by the same compute and figure builders, so a tile
always matches the full view. An unknown chart name gets a short not-found page in the frame.
"""

from __future__ import annotations

import dash
from dash import Dash, html

from dashboard.analysis.finance_view import build_finance_view
from dashboard.presentation.figures import CHART_BUILDERS
from dashboard.presentation.texts import LANGUAGES, t
from dashboard.serving.settings import Settings
from dashboard.store.dataset import Dataset
from dashboard.web.components import Plot
from dashboard.web.current import choose_report, current_settings, page_title
from dashboard.web.embed import EMBED_CHART_PATH
from dashboard.web.parts import GRAPH_CONFIG, notice_block, render_chart_table
from dashboard.web.query import read_query


def chart_embed_page(dataset: Dataset, settings: Settings, chart: str | None = None, **query) -> html.Div:
    """One chart card for the link's selection."""
    lang, selection, notices = read_query(dataset, query, settings.default_lang)
    if chart not in CHART_BUILDERS:
        lang = lang if lang in LANGUAGES else settings.default_lang
        body = [html.H1(t("not_found_title", lang)), html.P(t("not_found_text", lang))]
        return html.Div(html.Main(body, id="main", className="page embed-chart"), className="embed", lang=lang)
    drawn = CHART_BUILDERS[chart](build_finance_view(dataset, selection), lang)
    graph_id = f"embedded-{chart}-chart"
    card = html.Section(
        [
            html.H1(drawn.title, id=f"{graph_id}-title", className="chart-title"),
            html.P(drawn.summary, className="chart-summary"),
            Plot(id=graph_id, figure=drawn.figure, config=GRAPH_CONFIG),
            html.Details([html.Summary(t("show_table", lang)), render_chart_table(drawn)], className="chart-table"),
        ],
        className="card chart-card",
        **{"aria-labelledby": f"{graph_id}-title"},
    )
    main = html.Main([notice_block(notices, lang), card], id="main", className="page embed-chart", tabIndex="-1")
    return html.Div(main, className="embed", lang=lang)


def layout(chart: str | None = None, **query) -> html.Div:
    dataset = choose_report(query.get("date"), query.get("division")).dataset  # the report the link names
    return chart_embed_page(dataset, current_settings(), chart, **query)


def register(app: Dash) -> None:
    """Register the page with Dash Pages (it has no callbacks)."""
    dash.register_page(__name__, path_template=EMBED_CHART_PATH, order=5, title=page_title("app_title"), layout=layout)
