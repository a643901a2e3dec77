"""The `Chart` type and the charts' shared style: colours, font, Finnish separators, the base layout.

Charts are plain Plotly figure dicts (`{"data": [...], "layout": {...}}`), which the page's `Plot`
component draws as it would a `go.Figure`: building a `go.Figure` validates every property on each
call, which cost more than all the rest of a filter click. The dicts hold what a `go.Figure` would
send (float arrays as plotly.js typed arrays, `typed_array`); tests/unit/presentation/test_figures.py
validates every chart with `go.Figure(chart.figure)`, which raises on any invalid property.

Every figure sets Finnish separators (decimal comma, no-break space between thousands) because
Plotly's fi locale carries none; euro axes are scaled to t€ or milj. €.
"""

from __future__ import annotations

import base64
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dashboard.presentation.formatting import NBSP, format_eur, format_pct
from dashboard.presentation.tables import Column, shown_rows
from dashboard.presentation.texts import t

SEPARATORS = "," + NBSP  # decimal comma, no-break space between thousands
COLORS = {
    "prior": "#7d8794",
    "current": "#1f5fa8",
    "budget": "#5f7186",
    "forecast": "#c0621a",
    "pace": "#b3261e",
    "up": "#2e7d32",
    "down": "#b3261e",
    "total": "#1f5fa8",
}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"

# Plotly's default template travels inside every figure (7 kB of a 9 kB chart) and plotly.js
# applies it again on every redraw; the few of its settings these charts show are set here instead.
_AXIS_LOOK = {"ticks": "", "title": {"standoff": 15}, "zerolinewidth": 2}
TEMPLATE = {
    "layout": {
        "font": {"color": "#2a3f5f"},
        "hoverlabel": {"align": "left"},
        "xaxis": _AXIS_LOOK,
        "yaxis": {**_AXIS_LOOK, "showgrid": False},
    }
}

BASE_LAYOUT = {
    "template": TEMPLATE,
    "separators": SEPARATORS,
    "margin": {"l": 8, "r": 16, "t": 40, "b": 48},
    "font": {"family": FONT, "size": 13},
    "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
    "plot_bgcolor": "white",
    "paper_bgcolor": "white",
    "hoverlabel": {"font": {"family": FONT}},
    "bargap": 0.25,
    "yaxis": {"autorange": "reversed", "automargin": True, "ticklabelstandoff": 4},
    "xaxis": {"gridcolor": "#e3e7ec", "zerolinecolor": "#6b7785", "automargin": True},
}


@dataclass(frozen=True)
class Chart:
    """A chart and its accessible alternatives: title, one-sentence summary and the data as a table.

    The table holds the view's numbers (`columns` say what they are); `headers` and `shown_rows`
    are the same table as the page shows it, formatted by the one formatter.
    """

    title: str
    summary: str
    figure: dict[str, Any]  # a Plotly figure dict (the report pages' charts.py still gives go.Figure)
    columns: tuple[Column, ...]
    rows: tuple[tuple[object, ...], ...]
    lang: str

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)

    @property
    def shown_rows(self) -> tuple[tuple[str, ...], ...]:
        return shown_rows(self.columns, self.rows, self.lang)


@dataclass(frozen=True)
class EurAxis:
    divisor: float
    title: str
    tickformat: str


def eur_axis(values: pd.Series | np.ndarray | list[float], lang: str) -> EurAxis:
    """t€ for thousands, milj. € where the largest figure reaches a million."""
    finite = [abs(v) for v in values if v is not None and not (isinstance(v, float) and math.isnan(v))]
    if finite and max(finite) >= 1e6:
        return EurAxis(1e6, "milj.\u00a0€" if lang == "fi" else "€\u00a0million", ",.1f")
    return EurAxis(1e3, "t€" if lang == "fi" else "€\u00a0thousand", ",.0f")


def typed_array(values: np.ndarray) -> dict[str, str] | list:
    """A float array as plotly.js's typed array (base64), as `go.Figure` sends a numpy array."""
    if not len(values):
        return []
    return {"dtype": "f8", "bdata": base64.b64encode(np.ascontiguousarray(values, dtype=float)).decode("ascii")}


def base_figure(rows: int, series: int = 1, xaxis: dict | None = None, **layout) -> dict[str, Any]:
    """An empty figure with the dashboard's shared layout: Finnish separators, compact margins.

    Figures share BASE_LAYOUT's inner dicts (and cached results are shared between requests), so a
    figure is never changed once built.
    """
    per_row = 22 + 14 * series
    xaxis = {**BASE_LAYOUT["xaxis"], **(xaxis or {})}
    layout = {**BASE_LAYOUT, "height": max(240, 110 + rows * per_row), "xaxis": xaxis, **layout}
    return {"data": [], "layout": layout}


def pace_line(pace: float, lang: str, months: int) -> dict:
    """Layout parts for the dashed pace line and its label (as `add_vline` would draw them, without its cost)."""
    line = {"color": COLORS["pace"], "dash": "dash", "width": 2}
    return {
        "shapes": [
            {"type": "line", "x0": pace, "x1": pace, "xref": "x", "y0": 0, "y1": 1, "yref": "y domain", "line": line}
        ],
        "annotations": [
            {
                "x": pace,
                "y": 1,
                "yref": "paper",
                "yanchor": "bottom",
                "text": t("pace", lang, months=months, pct=format_pct(pace, 0)),
                "showarrow": False,
                "font": {"color": COLORS["pace"], "size": 12},
            }
        ],
    }


def grouped_eur_bars(
    shown: dict[str, np.ndarray], labels: list[str], series: tuple[tuple[str, str], ...], lang: str
) -> dict[str, Any]:
    """Horizontal bars of two or more euro columns side by side, on one t€ / milj. € axis."""
    axis = eur_axis(np.concatenate([shown[column] for column, _ in series]), lang)
    fig = base_figure(
        len(labels),
        series=len(series),
        barmode="group",
        xaxis={"title": {"text": axis.title}, "tickformat": axis.tickformat},
    )
    for column, name in series:
        values = shown[column]
        fig["data"].append(
            {
                "type": "bar",
                "y": labels,
                "x": typed_array(values / axis.divisor),
                "orientation": "h",
                "name": name,
                "marker": {"color": COLORS[column]},
                "customdata": [format_eur(v) for v in values],
                "hovertemplate": "%{y}<br>" + name + ": %{customdata}<extra></extra>",
            }
        )
    return fig
