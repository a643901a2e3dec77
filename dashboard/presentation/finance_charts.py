"""The finance page's five charts: a `FinanceView` and a language in, a `Chart` out.

Each builder gives the chart's title, a one-sentence summary that quotes the same figures as the key
figure cards, the Plotly figure and the data as a table. Hovers show the figures formatted by
`dashboard.presentation.formatting`. Bars are horizontal so long Finnish names stay readable on a
phone; costs are drawn as positive figures.
"""

from __future__ import annotations

import numpy as np

from dashboard.analysis.exceptions import AHEAD_OF_PACE_PP
from dashboard.analysis.finance_view import FinanceView
from dashboard.analysis.lines import RESULT_LINE, display_arrays, group_items, group_lines, headline_line
from dashboard.presentation.chart import (
    COLORS,
    Chart,
    base_figure,
    eur_axis,
    grouped_eur_bars,
    pace_line,
    typed_array,
)
from dashboard.presentation.finance_parts import (
    area_rows,
    cost_label,
    drawn_areas_note,
    forecast_method_text,
    headline,
    label_column,
    parts_note,
    statement_lines,
)
from dashboard.presentation.formatting import (
    NBSP,
    format_eur,
    format_number,
    format_pct,
    format_signed_eur,
    format_signed_pct,
)
from dashboard.presentation.tables import Column
from dashboard.presentation.texts import line_name, org_name, period_label, t

_COMPARED = ("current", "prior", "change_eur", "change_pct", "realisation_pct", "pace_pct")


def _comparison(
    view: FinanceView,
    lang: str,
    shown: dict[str, np.ndarray],
    labels: list[str],
    title: str,
    by_area: bool,
    table: tuple[dict[str, np.ndarray], list[str]] | None = None,
) -> Chart:
    """Grouped bars, last year vs this year (€), or this year's realisation % against the pace.

    `shown` and `labels` are the bars; `table`, if given, the table's rows (every cost centre where
    the chart draws the largest and the rest as one bar), else the bars'.
    """
    listed, names = table or (shown, labels)
    note = drawn_areas_note(shown, lang) if by_area else ""
    current_label = period_label(view.periods.current, lang)
    prior_label = period_label(view.periods.prior, lang)
    pace = view.periods.pace * 100
    total = headline(view)
    total_name = line_name(headline_line(view.selection.group), lang)
    if view.selection.measure == "pct":
        pct_axis = {"title": {"text": t("axis_pct", lang)}, "ticksuffix": NBSP + "%", "tickformat": ",.0f"}
        fig = base_figure(len(labels), xaxis=pct_axis, **pace_line(pace, lang, view.periods.current.months))
        values = shown["realisation_pct"]
        fig["data"].append(
            {
                "type": "bar",
                "y": labels,
                "x": typed_array(values),
                "orientation": "h",
                "name": t("realisation", lang),
                "marker": {"color": COLORS["current"]},
                "customdata": [format_pct(v) for v in values],
                "hovertemplate": "%{y}: %{customdata}<extra></extra>",
            }
        )
        columns = (label_column(view, lang, by_area), Column(t("realisation", lang), "pct", 1))
        rows = tuple(zip(names, listed["realisation_pct"].tolist(), strict=True))
        summary = (
            t("pct_summary", lang, name=total_name, pct=format_pct(total["realisation_pct"]), pace=format_pct(pace))
            + note
            if total
            else ""
        )
        return Chart(title, summary, fig, columns, rows, lang)

    fig = grouped_eur_bars(shown, labels, (("prior", prior_label), ("current", current_label)), lang)
    columns = (
        label_column(view, lang, by_area),
        Column(prior_label, "eur"),
        Column(current_label, "eur"),
        Column(t("change", lang), "eur", signed=True),
        Column(t("change", lang) + " %", "pct", 1, signed=True),
    )
    rows = tuple(
        zip(
            names,
            *(listed[c].tolist() for c in ("prior", "current", "change_eur", "change_pct")),
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
        changes = np.abs(listed["change_eur"])
        if len(names) > 1 and not np.isnan(changes).all():
            i = int(np.where(np.isnan(changes), -1, changes).argmax())
            summary += t(
                "change_summary_largest", lang, name=names[i], change=format_signed_eur(listed["change_eur"][i])
            )
        if by_area:
            summary += parts_note(view, "current", lang) + note
    return Chart(title, summary, fig, columns, rows, lang)


def _comparison_title(view: FinanceView, lang: str, key: str, **names: str) -> str:
    """A comparison chart's title: `key`, or its `_pct` form when the view measures % of budget."""
    return t(
        key + ("_pct" if view.selection.measure == "pct" else ""),
        lang,
        prior=period_label(view.periods.prior, lang),
        current=period_label(view.periods.current, lang),
        **names,
    )


def comparison_by_line(view: FinanceView, lang: str) -> Chart:
    """Chart 1: the line group's items, last year's and this year's months to date (or % of budget).

    The group's total is not a bar among its own items (it would dwarf them): the summary names it.
    """
    shown, labels = statement_lines(view, lang, _COMPARED, group_items(view.selection.group))
    title = _comparison_title(view, lang, "line_chart_title", group=t("group_" + view.selection.group, lang))
    return _comparison(view, lang, shown, labels, title, by_area=False)


def comparison_by_area(view: FinanceView, lang: str) -> Chart:
    """Chart 2: the group's headline line per cost centre in the selection."""
    line = headline_line(view.selection.group)
    shown, labels = area_rows(view, lang, _COMPARED, drawn=True)
    title = _comparison_title(view, lang, "area_chart_title", line=cost_label(line_name(line, lang), line, lang))
    return _comparison(view, lang, shown, labels, title, by_area=True, table=area_rows(view, lang, _COMPARED))


def pace_bullets(view: FinanceView, lang: str) -> Chart:
    """Chart 3: realisation % of budget against the pace, per line of the group and per cost centre."""
    line = headline_line(view.selection.group)
    figures = ("realisation_pct", "pace_deviation_pp")
    lines, line_labels = statement_lines(view, lang, figures, group_lines(view.selection.group))
    suffix = " · " + line_name(line, lang)

    def bullets(areas: dict[str, np.ndarray], area_labels: list[str]) -> list[tuple[str, float, float]]:
        parts = [
            *zip(line_labels, lines["realisation_pct"], lines["pace_deviation_pp"], strict=True),
            *(
                (label + suffix, v, pp)
                for label, v, pp in zip(area_labels, areas["realisation_pct"], areas["pace_deviation_pp"], strict=True)
            ),
        ]
        return [(label, float(v), float(pp)) for label, v, pp in parts if v == v]

    drawn = area_rows(view, lang, figures, drawn=True)
    parts, listed = bullets(*drawn), bullets(*area_rows(view, lang, figures))
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
        **pace_line(pace, lang, view.periods.current.months),
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
            # A ▲ marks "ahead of pace" on the bar: colour is never the only cue. The figures are in
            # the hover and the table; a text per bar would cost Plotly a measurement per bar per redraw.
            "text": ["▲" if a else "" for a in ahead_flags],
            "textposition": "outside",
            "cliponaxis": False,
            "customdata": shown,
            "hovertemplate": "%{y}: %{customdata}<extra></extra>",
        }
    )
    # The sentence counts the table's rows: every cost centre, also those drawn as one bar.
    ahead = sum(pp > AHEAD_OF_PACE_PP for _, _, pp in listed)
    summary = t(
        "pace_summary", lang, ahead=ahead, total=len(listed), threshold=format_number(AHEAD_OF_PACE_PP)
    ) + drawn_areas_note(drawn[0], lang)
    columns = (
        Column(t("line_item", lang)),
        Column(t("realisation", lang), "pct", 1),
        Column(t("deviation_pp", lang), "pp", 1),
    )
    rows = tuple(listed)
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
    columns = (label_column(view, lang, by_area), Column("€", "eur"), Column(t("bridge_step", lang)))
    steps = [t("bridge_kind_" + k, lang) for k in kinds]
    return Chart(title, summary, fig, columns, tuple(zip(labels, values, steps, strict=True)), lang)


def forecast_vs_budget(view: FinanceView, lang: str) -> Chart:
    """Chart 5: year-end forecast against the budget per cost centre, for the group's headline line."""
    line = headline_line(view.selection.group)
    figures = ("budget", "forecast", "forecast_vs_budget_eur", "forecast_methods")
    shown, labels = area_rows(view, lang, figures, drawn=True)
    budget_label = period_label(view.periods.budget, lang)
    forecast_label = t("forecast", lang, year=view.periods.current.year)
    fig = grouped_eur_bars(shown, labels, (("budget", budget_label), ("forecast", forecast_label)), lang)
    title = t("forecast_chart_title", lang, line=cost_label(line_name(line, lang), line, lang))
    total = headline(view)
    summary = ""
    if total:
        summary = (
            t(
                "forecast_summary",
                lang,
                name=line_name(line, lang),
                forecast=format_eur(total["forecast"]),
                budget=format_eur(total["budget"]),
                diff=format_signed_eur(total["forecast_vs_budget_eur"]),
                method=forecast_method_text(total["forecast_methods"], view, lang),
            )
            + parts_note(view, "forecast", lang)
            + drawn_areas_note(shown, lang)
        )
    columns = (
        Column(t("cost_centre", lang)),
        Column(budget_label, "eur"),
        Column(forecast_label, "eur"),
        Column(t("forecast_vs_budget", lang), "eur", signed=True),
        Column(t("forecast_method", lang)),
    )
    listed, names = area_rows(view, lang, figures)
    rows = tuple(
        (label, budget, forecast, diff, forecast_method_text(mask, view, lang))
        for label, budget, forecast, diff, mask in zip(
            names,
            listed["budget"].tolist(),
            listed["forecast"].tolist(),
            listed["forecast_vs_budget_eur"].tolist(),
            listed["forecast_methods"].tolist(),
            strict=True,
        )
    )
    return Chart(title, summary, fig, columns, rows, lang)
