"""The plain-Dash baseline the benchmark compares against: the same five charts, default settings.

Dash 4.4 as it comes: the full plotly.js bundle, no compression, no caching of results. The
charts are the dashboard's own (same compute, same figure builders), so only delivery and
caching differ. Serve with `gunicorn benchmarks.baseline_app:server` from the repository root.
"""

from __future__ import annotations

from dash import Dash, Input, Output, dcc, html

from dashboard.analysis.finance_view import Selection, build_finance_view
from dashboard.presentation.figures import CHART_BUILDERS
from dashboard.store.library import load_dataset
from dashboard.web import ids
from dashboard.web.finance_layout import CHARTS
from dashboard.web.query import area_slugs

dataset = load_dataset()
slugs = area_slugs(dataset)

app = Dash(__name__)  # defaults: serve_locally, assets/ beside this file (there is none), no compression
app.layout = html.Div(
    [
        dcc.Checklist(id=ids.AREA_FILTER, options=[{"label": name, "value": slug} for slug, name in slugs.items()]),
        *(dcc.Graph(id=chart_id) for _, chart_id in CHARTS),
    ]
)


def draw_charts(area_slugs: list[str] | None) -> list:
    """The five figures for the ticked cost centres, computed afresh each time."""
    areas = tuple(name for slug, name in slugs.items() if slug in (area_slugs or []))
    view = build_finance_view(dataset, Selection(areas=areas))
    return [CHART_BUILDERS[key](view, "fi").figure for key, _ in CHARTS]


@app.callback([Output(chart_id, "figure") for _, chart_id in CHARTS], Input(ids.AREA_FILTER, "value"))
def update_charts(area_slugs):
    return draw_charts(area_slugs)


server = app.server
