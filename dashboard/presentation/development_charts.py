"""The year's development across reports: a `Development` and a language in, a `Chart` out.

Two charts: realisation % of the budget at each report against the pace line (the selection and
each cost centre in scope), and the year-end forecast at each report against the budget. Points
are the reports' status dates; every figure is the one that report's own view shows.
"""

from __future__ import annotations

import math

import numpy as np

from dashboard.analysis.development import Development
from dashboard.presentation.chart import BASE_LAYOUT, COLORS, Chart, eur_axis, typed_array
from dashboard.presentation.formatting import NBSP, format_eur, format_pct, format_signed_eur
from dashboard.presentation.tables import Column
from dashboard.presentation.texts import format_date, line_name, org_name, t

# Lines a reader can still tell apart; beyond them only the selection and the pace are drawn.
MAX_AREA_LINES = 8
# Okabe–Ito: told apart with the common colour-vision deficiencies; hover and table name each line.
AREA_COLORS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#8a7a00", "#000000")
HEIGHT = 340


def _labels(dev: Development, lang: str) -> list[str]:
    return [format_date(report.status_date, lang) for report in dev.reports]


def _figure(labels: list[str], axis: dict, legend_entries: int) -> dict:
    """A full-width line chart; its legend above names every line (so do the hover and the table),
    the chart taller by the legend's rows so the plot keeps its height."""
    rows = math.ceil(legend_entries / 3)
    layout = {
        **BASE_LAYOUT,
        "height": HEIGHT + 24 * rows,
        "margin": {"l": 64, "r": 16, "t": 24 + 24 * rows, "b": 40},
        "xaxis": {**BASE_LAYOUT["xaxis"], "type": "category", "automargin": False},
        "yaxis": {"gridcolor": "#e3e7ec", "automargin": False, "autorange": True, **axis},
        "showlegend": True,
    }
    return {"data": [], "layout": layout}


def _line(labels: list[str], values: np.ndarray, name: str, color: str, shown: list[str], **style) -> dict:
    return {
        "type": "scatter",
        "mode": "lines+markers",
        "x": labels,
        "y": typed_array(values),
        "name": name,
        "line": {"color": color, **style.pop("line", {})},
        "marker": {"color": color, "size": style.pop("size", 7)},
        "customdata": shown,
        "hovertemplate": "%{x}<br>" + name + ": %{customdata}<extra></extra>",
        **style,
    }


def realisation_development(dev: Development, lang: str) -> Chart:
    """Realisation % of the budget at each report of the year, against the pace of the year."""
    labels = _labels(dev, lang)
    name = line_name(dev.line_item, lang)
    drawn_areas = dev.areas if len(dev.areas) <= MAX_AREA_LINES else ()
    axis = {"title": {"text": t("axis_pct", lang)}, "ticksuffix": NBSP + "%", "rangemode": "tozero"}
    fig = _figure(labels, axis, len(drawn_areas) + 2)
    fig["data"].append(
        _line(
            labels,
            dev.pace_pct,
            t("pace_short", lang),
            COLORS["pace"],
            [format_pct(v, 1) for v in dev.pace_pct],
            line={"dash": "dash", "width": 2},
        )
    )
    for i, area in enumerate(drawn_areas):
        values = dev.area_realisation_pct[i]
        fig["data"].append(
            _line(
                labels,
                values,
                org_name(area, lang),
                AREA_COLORS[i % len(AREA_COLORS)],
                [format_pct(v, 1) for v in values],
                line={"width": 1.5},
                size=6,
            )
        )
    fig["data"].append(
        _line(
            labels,
            dev.realisation_pct,
            t("development_total", lang, line=name),
            COLORS["total"],
            [format_pct(v, 1) for v in dev.realisation_pct],
            line={"width": 4},
            size=10,
        )
    )
    steps = [
        t("development_step", lang, date=label, pct=format_pct(pct, 1), pace=format_pct(pace, 1))
        for label, pct, pace in zip(labels, dev.realisation_pct, dev.pace_pct, strict=True)
    ]
    key = "development_summary" if dev.points > 1 else "development_summary_one"
    summary = t(key, lang, line=name, steps=" → ".join(steps))
    if len(dev.areas) > MAX_AREA_LINES:
        summary += " " + t("development_areas_in_table", lang, n=len(dev.areas))
    columns = (
        Column(t("development_report", lang)),
        Column(t("pace_short", lang), "pct", 1),
        Column(t("development_total", lang, line=name), "pct", 1),
        *(Column(org_name(area, lang), "pct", 1) for area in dev.areas),
    )
    rows = tuple(
        (
            label,
            _value(dev.pace_pct[j]),
            _value(dev.realisation_pct[j]),
            *(_value(v) for v in dev.area_realisation_pct[:, j]),
        )
        for j, label in enumerate(labels)
    )
    return Chart(t("development_title", lang, line=name), summary, fig, columns, rows, lang)


def forecast_development(dev: Development, lang: str) -> Chart:
    """Where the year-end forecast stood at each report, against the budget."""
    labels = _labels(dev, lang)
    name = line_name(dev.line_item, lang)
    axis = eur_axis(np.concatenate([dev.forecast, dev.budget]), lang)
    fig = _figure(labels, {"title": {"text": axis.title}, "tickformat": axis.tickformat, "rangemode": "tozero"}, 2)
    fig["data"].append(
        _line(
            labels,
            dev.budget / axis.divisor,
            t("budget_short", lang),
            COLORS["budget"],
            [format_eur(v) for v in dev.budget],
            line={"dash": "dot", "width": 2},
        )
    )
    fig["data"].append(
        _line(
            labels,
            dev.forecast / axis.divisor,
            t("forecast_short", lang),
            COLORS["forecast"],
            [format_eur(v) for v in dev.forecast],
            line={"width": 4},
            size=10,
        )
    )
    steps = " → ".join(
        t("development_forecast_step", lang, date=label, forecast=format_eur(value))
        for label, value in zip(labels, dev.forecast, strict=True)
    )
    if dev.points > 1:
        summary = t(
            "development_forecast_summary",
            lang,
            line=name,
            steps=steps,
            moved=format_signed_eur(dev.forecast_moved_eur),
            budget=format_eur(dev.budget[-1]),
            diff=format_signed_eur(dev.forecast_vs_budget_eur[-1]),
        )
    else:
        summary = t("development_forecast_summary_one", lang, line=name, steps=steps, budget=format_eur(dev.budget[-1]))
    columns = (
        Column(t("development_report", lang)),
        Column(t("budget_short", lang), "eur"),
        Column(t("forecast_short", lang), "eur"),
        Column(t("forecast_vs_budget", lang), "eur", signed=True),
    )
    rows = tuple(
        (label, _value(dev.budget[j]), _value(dev.forecast[j]), _value(dev.forecast_vs_budget_eur[j]))
        for j, label in enumerate(labels)
    )
    return Chart(t("development_forecast_title", lang, line=name), summary, fig, columns, rows, lang)


def _value(value: float) -> float | None:
    return None if value is None or math.isnan(value) else float(value)


DEVELOPMENT_CHARTS = {"development": realisation_development, "forecast_development": forecast_development}
