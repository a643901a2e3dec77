"""Figure builders: a `FinanceView` and a language in, a `Chart` (figure, title, summary, table) out.

Pure functions built with plotly.graph_objects. Every figure sets Finnish separators (decimal
comma, no-break space between thousands) because Plotly's fi locale carries none; hovers show the
figures formatted by `dashboard.numbers`, and euro axes are scaled to t€ or milj. €. Bars are
horizontal so long Finnish names stay readable on a phone. Costs are drawn as positive figures.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from dashboard.finance_view import (
    AHEAD_OF_PACE_PP,
    RESULT_LINE,
    FinanceView,
    group_lines,
    headline_line,
    is_cost,
    to_display,
)
from dashboard.i18n import line_name, org_name, period_label, t
from dashboard.numbers import NBSP, format_eur, format_number, format_pct, format_signed_eur, format_signed_pct

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
TEMPLATE = go.layout.Template(
    layout={
        "font": {"color": "#2a3f5f"},
        "hoverlabel": {"align": "left"},
        "xaxis": _AXIS_LOOK,
        "yaxis": {**_AXIS_LOOK, "showgrid": False},
    }
)

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
    """A chart and its accessible alternatives: title, one-sentence summary and the data as a table."""

    title: str
    summary: str
    figure: go.Figure
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class EurAxis:
    divisor: float
    title: str
    tickformat: str


def eur_axis(values: pd.Series | list[float], lang: str) -> EurAxis:
    """t€ for thousands, milj. € where the largest figure reaches a million."""
    finite = [abs(v) for v in values if v is not None and not (isinstance(v, float) and math.isnan(v))]
    if finite and max(finite) >= 1e6:
        return EurAxis(1e6, "milj.\u00a0€" if lang == "fi" else "€\u00a0million", ",.1f")
    return EurAxis(1e3, "t€" if lang == "fi" else "€\u00a0thousand", ",.0f")


def base_figure(rows: int, series: int = 1, xaxis: dict | None = None, **layout) -> go.Figure:
    """An empty figure with the dashboard's shared layout: Finnish separators, compact margins.

    The layout is validated once, in the constructor: each `update_*` call re-walks plotly's
    property tree, and a chain of them cost more than the rest of a callback.
    """
    per_row = 22 + 14 * series
    xaxis = {**BASE_LAYOUT["xaxis"], **(xaxis or {})}
    return go.Figure(layout={**BASE_LAYOUT, "height": max(240, 110 + rows * per_row), "xaxis": xaxis, **layout})


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


def _label(row: pd.Series, lang: str, by_area: bool) -> str:
    return org_name(row["service_area"], lang) if by_area else line_name(row["line_item"], lang)


def _cost_label(name: str, line_item: str, lang: str) -> str:
    return name + (t("cost_suffix", lang) if is_cost(line_item) else "")


def _fmt_change_pct(value: float) -> str:
    return format_signed_pct(value) if value == value else "–"


def _comparison(view: FinanceView, lang: str, table: pd.DataFrame, by_area: bool, title: str) -> Chart:
    """Grouped bars, last year vs this year (€), or this year's realisation % against the pace."""
    shown = to_display(table)
    labels = [_label(row, lang, by_area) for _, row in shown.iterrows()]
    current_label = period_label(view.periods.current, lang)
    prior_label = period_label(view.periods.prior, lang)
    pace = float(shown["pace_pct"].iloc[0]) if len(shown) else view.periods.pace * 100
    if view.selection.measure == "pct":
        pct_axis = {"title": {"text": t("axis_pct", lang)}, "ticksuffix": NBSP + "%", "tickformat": ",.0f"}
        fig = base_figure(len(shown), xaxis=pct_axis, **_pace_line(pace, lang, view.periods.current.months))
        values = shown["realisation_pct"]
        fig.add_trace(
            go.Bar(
                y=labels,
                x=values.to_numpy(),
                orientation="h",
                name=t("realisation", lang),
                marker_color=COLORS["current"],
                customdata=[format_pct(v) for v in values],
                hovertemplate="%{y}: %{customdata}<extra></extra>",
            )
        )
        columns = (t("line_item" if not by_area else "cost_centre", lang), t("realisation", lang))
        rows = tuple((label, format_pct(v)) for label, v in zip(labels, values, strict=True))
        i = _headline_index(shown, view)
        summary = (
            t("pct_summary", lang, name=labels[i], pct=format_pct(values.iloc[i]), pace=format_pct(pace))
            if len(shown)
            else ""
        )
        return Chart(title, summary, fig, columns, rows)

    fig = grouped_eur_bars(shown, labels, (("prior", prior_label), ("current", current_label)), lang)
    columns = (
        t("line_item" if not by_area else "cost_centre", lang),
        prior_label,
        current_label,
        t("change", lang),
        t("change", lang) + " %",
    )
    rows = tuple(
        (label, format_eur(r["prior"]), format_eur(r["current"]), format_signed_eur(r["change_eur"]),
         _fmt_change_pct(r["change_pct"]))
        for label, (_, r) in zip(labels, shown.iterrows(), strict=True)
    )  # fmt: skip
    summary = _change_summary(shown, labels, lang, prior_label, by_area, _headline_index(shown, view))
    return Chart(title, summary, fig, columns, rows)


def _headline_index(shown: pd.DataFrame, view: FinanceView) -> int:
    """Position of the group's headline line (its total), else the last row."""
    hits = (shown["line_item"] == headline_line(view.selection.group)).to_numpy().nonzero()[0]
    return int(hits[0]) if len(hits) else len(shown) - 1


def _change_summary(
    shown: pd.DataFrame, labels: list[str], lang: str, prior_label: str, by_area: bool, headline: int
) -> str:
    if shown.empty:
        return ""
    if by_area:
        total = shown[["current", "prior"]].sum()
        change = total["current"] - total["prior"]
        pct = change / abs(total["prior"]) * 100 if total["prior"] else float("nan")
        name = t("areas_total", lang)
        text = t(
            "change_summary",
            lang,
            name=name,
            current=format_eur(total["current"]),
            change=format_signed_eur(change),
            pct=_fmt_change_pct(pct),
            prior=prior_label,
        )
    else:
        last = shown.iloc[headline]
        text = t(
            "change_summary",
            lang,
            name=labels[headline],
            current=format_eur(last["current"]),
            change=format_signed_eur(last["change_eur"]),
            pct=_fmt_change_pct(last["change_pct"]),
            prior=prior_label,
        )
    changes = shown["change_eur"].abs()
    if len(shown) > 1 and changes.notna().any():
        i = int(changes.fillna(-1).to_numpy().argmax())
        text += t("change_summary_largest", lang, name=labels[i], change=format_signed_eur(shown["change_eur"].iloc[i]))
    return text


def comparison_by_line(view: FinanceView, lang: str) -> Chart:
    """Chart 1: the line group's items, last year's and this year's months to date (or % of budget)."""
    lines = group_lines(view.selection.group)
    table = view.statement[view.statement["line_item"].isin(lines)]
    group = t("group_" + view.selection.group, lang)
    key = "line_chart_title_pct" if view.selection.measure == "pct" else "line_chart_title"
    title = t(
        key,
        lang,
        group=group,
        prior=period_label(view.periods.prior, lang),
        current=period_label(view.periods.current, lang),
    )
    return _comparison(view, lang, table, by_area=False, title=title)


def comparison_by_area(view: FinanceView, lang: str) -> Chart:
    """Chart 2: the group's headline line per cost centre in the selection."""
    line = headline_line(view.selection.group)
    table = view.by_area[view.by_area["line_item"] == line]
    key = "area_chart_title_pct" if view.selection.measure == "pct" else "area_chart_title"
    title = t(
        key,
        lang,
        line=_cost_label(line_name(line, lang), line, lang),
        prior=period_label(view.periods.prior, lang),
        current=period_label(view.periods.current, lang),
    )
    return _comparison(view, lang, table, by_area=True, title=title)


def pace_bullets(view: FinanceView, lang: str) -> Chart:
    """Chart 3: realisation % of budget against the pace, per line of the group and per cost centre."""
    lines = group_lines(view.selection.group)
    line = headline_line(view.selection.group)
    parts = [
        (line_name(r["line_item"], lang), r)
        for _, r in view.statement[view.statement["line_item"].isin(lines)].iterrows()
    ]
    parts += [
        (f"{org_name(r['service_area'], lang)} · {line_name(line, lang)}", r)
        for _, r in view.by_area[view.by_area["line_item"] == line].iterrows()
    ]
    parts = [(label, r) for label, r in parts if r["realisation_pct"] == r["realisation_pct"]]
    labels = [label for label, _ in parts]
    values = [float(r["realisation_pct"]) for _, r in parts]
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
    fig.add_trace(
        go.Bar(
            y=labels,
            x=[100] * len(labels),
            orientation="h",
            name=t("budget_col", lang, label=period_label(view.periods.budget, lang)),
            marker_color="#edf1f5",
            hoverinfo="skip",
            width=0.8,
        )
    )
    ahead_flags = [v - pace > AHEAD_OF_PACE_PP for v in values]
    colors = [COLORS["pace"] if a else COLORS["current"] for a in ahead_flags]
    fig.add_trace(
        go.Bar(
            y=labels,
            x=values,
            orientation="h",
            name=t("realisation", lang),
            marker_color=colors,
            width=0.4,
            # The figure and a ▲ for "ahead of pace" are written on the bar: colour is never the only cue.
            text=[format_pct(v) + (" ▲" if a else "") for v, a in zip(values, ahead_flags, strict=True)],
            textposition="outside",
            cliponaxis=False,
            customdata=[format_pct(v) for v in values],
            hovertemplate="%{y}: %{customdata}<extra></extra>",
        )
    )
    ahead = sum(1 for v in values if v - pace > AHEAD_OF_PACE_PP)
    summary = t("pace_summary", lang, ahead=ahead, total=len(values), threshold=format_number(AHEAD_OF_PACE_PP))
    columns = (t("line_item", lang), t("realisation", lang), t("deviation_pp", lang))
    rows = tuple(
        (label, format_pct(v), format_signed_pct(v - pace, unit=t("pp", lang)))
        for label, v in zip(labels, values, strict=True)
    )
    title = t("pace_chart_title", lang, pace=format_pct(pace, 0))
    return Chart(title, summary, fig, columns, rows)


def variance_bridge(view: FinanceView, lang: str) -> Chart:
    """Chart 4: waterfall from last year's result to this year's, by line item or cost centre."""
    bridge = view.bridge
    prior_label = period_label(view.periods.prior, lang)
    current_label = period_label(view.periods.current, lang)
    names = {"start": prior_label, "end": current_label, "rounding": t("bridge_rounding", lang)}
    by_area = view.selection.bridge_by == "area"
    labels = [
        names.get(k) if kind != "step" else (org_name(k, lang) if by_area else line_name(k, lang))
        for k, kind in zip(bridge["key"], bridge["kind"], strict=True)
    ]
    values = bridge["eur"].astype(float).tolist()
    axis = eur_axis(values, lang)
    measures = ["absolute" if k == "start" else "total" if k == "end" else "relative" for k in bridge["kind"]]
    xaxis = {"title": {"text": axis.title}, "tickformat": axis.tickformat}
    if values:
        # Zoom to the running totals: from zero the steps would be too thin to see.
        running = [v for v, m in zip(values, measures, strict=True) if m != "relative"]
        running += list(
            values[0] + pd.Series([v if m == "relative" else 0 for v, m in zip(values, measures, strict=True)]).cumsum()
        )
        low, high = min(running), max(running)
        pad = max((high - low) * 0.15, abs(high) * 0.01, 1.0)
        xaxis["range"] = [(low - pad) / axis.divisor, (high + pad) / axis.divisor]
    fig = base_figure(len(labels), showlegend=False, xaxis=xaxis)
    fig.add_trace(
        go.Waterfall(
            y=labels,
            x=[v / axis.divisor for v in values],
            orientation="h",
            measure=measures,
            customdata=[
                format_eur(v) if m != "relative" else format_signed_eur(v)
                for v, m in zip(values, measures, strict=True)
            ],
            hovertemplate="%{y}: %{customdata}<extra></extra>",
            increasing={"marker": {"color": COLORS["up"]}},
            decreasing={"marker": {"color": COLORS["down"]}},
            totals={"marker": {"color": COLORS["total"]}},
            connector={"line": {"color": "#9aa5b1", "width": 1}},
            name="",
        )
    )
    line = line_name(RESULT_LINE, lang)
    key = "bridge_chart_title_area" if by_area else "bridge_chart_title_line"
    title = t(key, lang, line=line, prior=prior_label, current=current_label)
    if values:
        summary = t(
            "bridge_summary",
            lang,
            line=line,
            start=format_eur(values[0]),
            end=format_eur(values[-1]),
            change=format_signed_eur(values[-1] - values[0]),
        )
    else:
        summary = ""
    columns = (t("cost_centre" if by_area else "line_item", lang), "€")
    rows = tuple((label, cell) for label, cell in zip(labels, fig.data[0].customdata, strict=True))
    return Chart(title, summary, fig, columns, rows)


def grouped_eur_bars(
    shown: pd.DataFrame, labels: list[str], series: tuple[tuple[str, str], ...], lang: str
) -> go.Figure:
    """Horizontal bars of two or more euro columns side by side, on one t€ / milj. € axis."""
    axis = eur_axis(pd.concat([shown[column] for column, _ in series]), lang)
    fig = base_figure(
        len(shown),
        series=len(series),
        barmode="group",
        xaxis={"title": {"text": axis.title}, "tickformat": axis.tickformat},
    )
    for column, name in series:
        values = shown[column]
        fig.add_trace(
            go.Bar(
                y=labels,
                x=(values / axis.divisor).to_numpy(),
                orientation="h",
                name=name,
                marker_color=COLORS[column],
                customdata=[format_eur(v) for v in values],
                hovertemplate="%{y}<br>" + name + ": %{customdata}<extra></extra>",
            )
        )
    return fig


def forecast_vs_budget(view: FinanceView, lang: str) -> Chart:
    """Chart 5: year-end forecast against the budget per cost centre, for the group's headline line."""
    line = headline_line(view.selection.group)
    shown = to_display(view.by_area[view.by_area["line_item"] == line])
    labels = [org_name(a, lang) for a in shown["service_area"]]
    budget_label = period_label(view.periods.budget, lang)
    forecast_label = t("forecast", lang, year=view.periods.current.year)
    fig = grouped_eur_bars(shown, labels, (("budget", budget_label), ("forecast", forecast_label)), lang)
    title = t("forecast_chart_title", lang, line=_cost_label(line_name(line, lang), line, lang))
    total_forecast, total_budget = shown["forecast"].sum(), shown["budget"].sum()
    summary = t(
        "forecast_summary",
        lang,
        forecast=format_eur(total_forecast),
        budget=format_eur(total_budget),
        diff=format_signed_eur(total_forecast - total_budget),
    )
    columns = (t("cost_centre", lang), budget_label, forecast_label, t("forecast_vs_budget", lang))
    rows = tuple(
        (label, format_eur(r["budget"]), format_eur(r["forecast"]), format_signed_eur(r["forecast"] - r["budget"]))
        for label, (_, r) in zip(labels, shown.iterrows(), strict=True)
    )
    return Chart(title, summary, fig, columns, rows)


CHART_BUILDERS = {
    "line": comparison_by_line,
    "area": comparison_by_area,
    "pace": pace_bullets,
    "bridge": variance_bridge,
    "forecast": forecast_vs_budget,
}
