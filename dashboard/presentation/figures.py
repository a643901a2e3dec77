"""Figure builders: a `FinanceView` and a language in, a `Chart` (figure, title, summary, table) out.

Pure functions that return plain Plotly figure dicts (`{"data": [...], "layout": {...}}`), which
the page's `Plot` component draws as it would a `go.Figure`: building a `go.Figure` validates every property on
each call, which cost more than all the rest of a filter click. The dicts hold what a `go.Figure`
would send (float arrays as plotly.js typed arrays, `_typed`); tests/unit/test_figures.py
validates every chart with `go.Figure(chart.figure)`, which raises on any invalid property.

Every figure sets Finnish separators (decimal comma, no-break space between thousands) because
Plotly's fi locale carries none; hovers show the figures formatted by `dashboard.presentation.formatting`, and
euro axes are scaled to t€ or milj. €. Bars are horizontal so long Finnish names stay readable on
a phone. Costs are drawn as positive figures.
"""

from __future__ import annotations

import base64
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dashboard.analysis.finance_view import (
    AHEAD_OF_PACE_PP,
    RESULT_LINE,
    FinanceView,
    display_arrays,
    display_sign,
    group_items,
    group_lines,
    headline_line,
    is_cost,
)
from dashboard.analysis.metrics import forecast_method_names
from dashboard.presentation.formatting import (
    NBSP,
    format_eur,
    format_number,
    format_pct,
    format_signed_eur,
    format_signed_pct,
)
from dashboard.presentation.tables import Column, shown_rows
from dashboard.presentation.texts import line_name, org_name, period_label, t

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


def _typed(values: np.ndarray) -> dict[str, str] | list:
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


def _pace_line(pace: float, lang: str, months: int) -> dict:
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


def _cost_label(name: str, line_item: str, lang: str) -> str:
    return name + (t("cost_suffix", lang) if is_cost(line_item) else "")


def forecast_method_text(mask: int, view: FinanceView, lang: str) -> str:
    """How a forecast was made, in words: one method, or "yhdistelmä: …" where its parts used several."""
    names = forecast_method_names(int(mask))
    year = view.periods.last_full_year.year if view.periods.last_full_year else view.periods.current.year - 1
    words = [t("forecast_method_" + name, lang, year=year) for name in names]
    if len(words) > 1:
        return t("forecast_method_mixed", lang, methods=", ".join(words))
    return words[0] if words else "–"


def _label_column(view: FinanceView, lang: str, by_area: bool) -> Column:
    return Column(t("cost_centre" if by_area else "line_item", lang))


def _headline(view: FinanceView) -> dict[str, float] | None:
    """The group's total (its headline line) in the selection's statement, display-signed: the
    figure the KPI card shows, so every sentence about the total says the same number."""
    line = headline_line(view.selection.group)
    shown = display_arrays(view.columns("statement"), (*_HEADLINE_FIGURES, "forecast_methods"), (line,))
    if not len(shown["line_item"]):
        return None
    return {name: float(shown[name][0]) for name in _HEADLINE_FIGURES} | {
        "forecast_methods": int(shown["forecast_methods"][0])
    }


_HEADLINE_FIGURES = (
    "current",
    "prior",
    "change_eur",
    "change_pct",
    "realisation_pct",
    "budget",
    "forecast",
    "forecast_vs_budget_eur",
)


def _parts_note(view: FinanceView, column: str, lang: str) -> str:
    """Where the division's printed total differs from the sum of its cost centres, say so."""
    line = headline_line(view.selection.group)
    gap = view.parts_gap(line, column) * display_sign(line)
    if gap == 0 or gap != gap:
        return ""
    return t("parts_gap", lang, gap=format_signed_eur(gap))


_COMPARED = ("current", "prior", "change_eur", "change_pct", "realisation_pct", "pace_pct")


def _comparison(
    view: FinanceView, lang: str, shown: dict[str, np.ndarray], labels: list[str], title: str, by_area: bool
) -> Chart:
    """Grouped bars, last year vs this year (€), or this year's realisation % against the pace."""
    current_label = period_label(view.periods.current, lang)
    prior_label = period_label(view.periods.prior, lang)
    pace = view.periods.pace * 100
    total = _headline(view)
    total_name = line_name(headline_line(view.selection.group), lang)
    if view.selection.measure == "pct":
        pct_axis = {"title": {"text": t("axis_pct", lang)}, "ticksuffix": NBSP + "%", "tickformat": ",.0f"}
        fig = base_figure(len(labels), xaxis=pct_axis, **_pace_line(pace, lang, view.periods.current.months))
        values = shown["realisation_pct"]
        fig["data"].append(
            {
                "type": "bar",
                "y": labels,
                "x": _typed(values),
                "orientation": "h",
                "name": t("realisation", lang),
                "marker": {"color": COLORS["current"]},
                "customdata": [format_pct(v) for v in values],
                "hovertemplate": "%{y}: %{customdata}<extra></extra>",
            }
        )
        columns = (_label_column(view, lang, by_area), Column(t("realisation", lang), "pct", 1))
        rows = tuple(zip(labels, values.tolist(), strict=True))
        summary = (
            t("pct_summary", lang, name=total_name, pct=format_pct(total["realisation_pct"]), pace=format_pct(pace))
            if total
            else ""
        )
        return Chart(title, summary, fig, columns, rows, lang)

    fig = grouped_eur_bars(shown, labels, (("prior", prior_label), ("current", current_label)), lang)
    columns = (
        _label_column(view, lang, by_area),
        Column(prior_label, "eur"),
        Column(current_label, "eur"),
        Column(t("change", lang), "eur", signed=True),
        Column(t("change", lang) + " %", "pct", 1, signed=True),
    )
    rows = tuple(
        zip(
            labels,
            *(shown[c].tolist() for c in ("prior", "current", "change_eur", "change_pct")),
            strict=True,
        )
    )
    summary = ""
    if total:
        summary = t(
            "change_summary",
            lang,
            name=total_name,
            current=format_eur(total["current"]),
            change=format_signed_eur(total["change_eur"]),
            pct=format_signed_pct(total["change_pct"]),
            prior=prior_label,
        )
        changes = np.abs(shown["change_eur"])
        if len(labels) > 1 and not np.isnan(changes).all():
            i = int(np.where(np.isnan(changes), -1, changes).argmax())
            summary += t(
                "change_summary_largest", lang, name=labels[i], change=format_signed_eur(shown["change_eur"][i])
            )
        if by_area:
            summary += _parts_note(view, "current", lang)
    return Chart(title, summary, fig, columns, rows, lang)


def _statement_lines(
    view: FinanceView, lang: str, columns: tuple[str, ...], lines: list[str]
) -> tuple[dict, list[str]]:
    """The rows of `lines` in the statement, display-signed, and their names."""
    shown = display_arrays(view.columns("statement"), columns, lines)
    return shown, [line_name(line, lang) for line in shown["line_item"]]


def _area_rows(view: FinanceView, lang: str, columns: tuple[str, ...]) -> tuple[dict, list[str]]:
    """The group's headline line per cost centre in scope, display-signed, and the cost centres' names."""
    shown = display_arrays(view.columns("by_area"), ("service_area", *columns), (headline_line(view.selection.group),))
    return shown, [org_name(area, lang) for area in shown["service_area"]]


def comparison_by_line(view: FinanceView, lang: str) -> Chart:
    """Chart 1: the line group's items, last year's and this year's months to date (or % of budget).

    The group's total is not a bar among its own items (it would dwarf them): the summary names it.
    """
    shown, labels = _statement_lines(view, lang, _COMPARED, group_items(view.selection.group))
    group = t("group_" + view.selection.group, lang)
    key = "line_chart_title_pct" if view.selection.measure == "pct" else "line_chart_title"
    title = t(
        key,
        lang,
        group=group,
        prior=period_label(view.periods.prior, lang),
        current=period_label(view.periods.current, lang),
    )
    return _comparison(view, lang, shown, labels, title, by_area=False)


def comparison_by_area(view: FinanceView, lang: str) -> Chart:
    """Chart 2: the group's headline line per cost centre in the selection."""
    line = headline_line(view.selection.group)
    shown, labels = _area_rows(view, lang, _COMPARED)
    key = "area_chart_title_pct" if view.selection.measure == "pct" else "area_chart_title"
    title = t(
        key,
        lang,
        line=_cost_label(line_name(line, lang), line, lang),
        prior=period_label(view.periods.prior, lang),
        current=period_label(view.periods.current, lang),
    )
    return _comparison(view, lang, shown, labels, title, by_area=True)


def pace_bullets(view: FinanceView, lang: str) -> Chart:
    """Chart 3: realisation % of budget against the pace, per line of the group and per cost centre."""
    line = headline_line(view.selection.group)
    figures = ("realisation_pct", "pace_deviation_pp")
    lines, line_labels = _statement_lines(view, lang, figures, group_lines(view.selection.group))
    areas, area_labels = _area_rows(view, lang, figures)
    suffix = " · " + line_name(line, lang)
    parts = [
        *zip(line_labels, lines["realisation_pct"], lines["pace_deviation_pp"], strict=True),
        *(
            (label + suffix, v, pp)
            for label, v, pp in zip(area_labels, areas["realisation_pct"], areas["pace_deviation_pp"], strict=True)
        ),
    ]
    parts = [(label, float(v), float(pp)) for label, v, pp in parts if v == v]
    labels = [label for label, _, _ in parts]
    values = [v for _, v, _ in parts]
    deviations = [pp for _, _, pp in parts]
    pace = view.periods.pace * 100
    fig = base_figure(
        len(parts),
        barmode="overlay",
        showlegend=False,
        xaxis={
            "title": {"text": t("axis_pct", lang)},
            "ticksuffix": NBSP + "%",
            "tickformat": ",.0f",
            # Room for the figure written beyond the longest bar.
            "range": [min([0, *values]) * 1.1, max([100, *values]) * 1.45],
        },
        **_pace_line(pace, lang, view.periods.current.months),
    )
    fig["data"].append(
        {
            "type": "bar",
            "y": labels,
            "x": [100] * len(labels),
            "orientation": "h",
            "name": t("budget_col", lang, label=period_label(view.periods.budget, lang)),
            "marker": {"color": "#edf1f5"},
            "hoverinfo": "skip",
            "width": 0.8,
        }
    )
    ahead_flags = [pp > AHEAD_OF_PACE_PP for pp in deviations]
    shown = [format_pct(v) for v in values]
    fig["data"].append(
        {
            "type": "bar",
            "y": labels,
            "x": values,
            "orientation": "h",
            "name": t("realisation", lang),
            "marker": {"color": [COLORS["pace"] if a else COLORS["current"] for a in ahead_flags]},
            "width": 0.4,
            # The figure and a ▲ for "ahead of pace" are written on the bar: colour is never the only cue.
            "text": [text + (" ▲" if a else "") for text, a in zip(shown, ahead_flags, strict=True)],
            "textposition": "outside",
            "cliponaxis": False,
            "customdata": shown,
            "hovertemplate": "%{y}: %{customdata}<extra></extra>",
        }
    )
    summary = t(
        "pace_summary", lang, ahead=sum(ahead_flags), total=len(values), threshold=format_number(AHEAD_OF_PACE_PP)
    )
    columns = (
        Column(t("line_item", lang)),
        Column(t("realisation", lang), "pct", 1),
        Column(t("deviation_pp", lang), "pp", 1),
    )
    rows = tuple(zip(labels, values, deviations, strict=True))
    title = t("pace_chart_title", lang, pace=format_pct(pace, 0))
    return Chart(title, summary, fig, columns, rows, lang)


def variance_bridge(view: FinanceView, lang: str) -> Chart:
    """Chart 4: waterfall from last year's result to this year's, by line item or cost centre."""
    bridge = view.columns("bridge")
    prior_label = period_label(view.periods.prior, lang)
    current_label = period_label(view.periods.current, lang)
    names = {"start": prior_label, "end": current_label, "rounding": t("bridge_rounding", lang)}
    by_area = view.selection.bridge_by == "area"
    step_name = org_name if by_area else line_name
    kinds = bridge["kind"].tolist()
    labels = [
        names.get(k) if kind != "step" else step_name(k, lang) for k, kind in zip(bridge["key"], kinds, strict=True)
    ]
    values = bridge["eur"].astype(float).tolist()
    axis = eur_axis(values, lang)
    measures = ["absolute" if k == "start" else "total" if k == "end" else "relative" for k in kinds]
    xaxis = {"title": {"text": axis.title}, "tickformat": axis.tickformat}
    if values:
        # Zoom to the running totals: from zero the steps would be too thin to see.
        running = [v for v, m in zip(values, measures, strict=True) if m != "relative"]
        running += list(
            values[0] + np.cumsum([v if m == "relative" else 0 for v, m in zip(values, measures, strict=True)])
        )
        low, high = min(running), max(running)
        pad = max((high - low) * 0.15, abs(high) * 0.01, 1.0)
        xaxis["range"] = [(low - pad) / axis.divisor, (high + pad) / axis.divisor]
    fig = base_figure(len(labels), showlegend=False, xaxis=xaxis)
    shown = [format_eur(v) if m != "relative" else format_signed_eur(v) for v, m in zip(values, measures, strict=True)]
    fig["data"].append(
        {
            "type": "waterfall",
            "y": labels,
            "x": [v / axis.divisor for v in values],
            "orientation": "h",
            "measure": measures,
            "customdata": shown,
            "hovertemplate": "%{y}: %{customdata}<extra></extra>",
            "increasing": {"marker": {"color": COLORS["up"]}},
            "decreasing": {"marker": {"color": COLORS["down"]}},
            "totals": {"marker": {"color": COLORS["total"]}},
            "connector": {"line": {"color": "#9aa5b1", "width": 1}},
            "name": "",
        }
    )
    line = line_name(RESULT_LINE, lang)
    key = "bridge_chart_title_area" if by_area else "bridge_chart_title_line"
    title = t(key, lang, line=line, prior=prior_label, current=current_label)
    result = display_arrays(view.columns("statement"), ("change_eur",), (RESULT_LINE,))
    if values and len(result["line_item"]):
        summary = t(
            "bridge_summary",
            lang,
            line=line,
            start=format_eur(values[0]),
            end=format_eur(values[-1]),
            change=format_signed_eur(float(result["change_eur"][0])),
        )
    else:
        summary = ""
    columns = (_label_column(view, lang, by_area), Column("€", "eur"), Column(t("bridge_step", lang)))
    steps = [t("bridge_kind_" + k, lang) for k in kinds]
    return Chart(title, summary, fig, columns, tuple(zip(labels, values, steps, strict=True)), lang)


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
                "x": _typed(values / axis.divisor),
                "orientation": "h",
                "name": name,
                "marker": {"color": COLORS[column]},
                "customdata": [format_eur(v) for v in values],
                "hovertemplate": "%{y}<br>" + name + ": %{customdata}<extra></extra>",
            }
        )
    return fig


def forecast_vs_budget(view: FinanceView, lang: str) -> Chart:
    """Chart 5: year-end forecast against the budget per cost centre, for the group's headline line."""
    line = headline_line(view.selection.group)
    shown, labels = _area_rows(view, lang, ("budget", "forecast", "forecast_vs_budget_eur", "forecast_methods"))
    budget_label = period_label(view.periods.budget, lang)
    forecast_label = t("forecast", lang, year=view.periods.current.year)
    fig = grouped_eur_bars(shown, labels, (("budget", budget_label), ("forecast", forecast_label)), lang)
    title = t("forecast_chart_title", lang, line=_cost_label(line_name(line, lang), line, lang))
    total = _headline(view)
    summary = ""
    if total:
        summary = t(
            "forecast_summary",
            lang,
            name=line_name(line, lang),
            forecast=format_eur(total["forecast"]),
            budget=format_eur(total["budget"]),
            diff=format_signed_eur(total["forecast_vs_budget_eur"]),
            method=forecast_method_text(total["forecast_methods"], view, lang),
        ) + _parts_note(view, "forecast", lang)
    columns = (
        Column(t("cost_centre", lang)),
        Column(budget_label, "eur"),
        Column(forecast_label, "eur"),
        Column(t("forecast_vs_budget", lang), "eur", signed=True),
        Column(t("forecast_method", lang)),
    )
    rows = tuple(
        (label, budget, forecast, diff, forecast_method_text(mask, view, lang))
        for label, budget, forecast, diff, mask in zip(
            labels,
            shown["budget"].tolist(),
            shown["forecast"].tolist(),
            shown["forecast_vs_budget_eur"].tolist(),
            shown["forecast_methods"].tolist(),
            strict=True,
        )
    )
    return Chart(title, summary, fig, columns, rows, lang)


CHART_BUILDERS = {
    "line": comparison_by_line,
    "area": comparison_by_area,
    "pace": pace_bullets,
    "bridge": variance_bridge,
    "forecast": forecast_vs_budget,
}
