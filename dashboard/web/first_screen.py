"""The finance page's first screen: the answer in one sentence, three key-figure tiles, the top deviations.

A leader opens the page for a few seconds: is the division on budget, by how much at year end,
and what is off pace. Everything here is read from the computed `FinanceView` (the KPI figures,
the exceptions, the cost centres' pace) and formatted by `dashboard.presentation.formatting`, so the sentence, the
tiles and the tables below say the same numbers.
"""

from __future__ import annotations

from dash import html

from dashboard.analysis.finance_view import FinanceView, Kpi
from dashboard.analysis.lines import EXPENSE_TOTAL
from dashboard.presentation.figures import forecast_method_text
from dashboard.presentation.formatting import format_eur, format_pct, format_signed_eur, format_signed_pct
from dashboard.presentation.texts import format_date, line_name, org_name, period_label, t
from dashboard.presentation.view_tables import exceptions_table

TOP_DEVIATIONS = 3
NAMED_AREAS = 3  # a scope of more cost centres is named by their count


def exception_row_id(row: int) -> str:
    """The id of the exceptions table's row `row`, which the top deviations link to."""
    return f"exception-{row + 1}"


def scope_name(view: FinanceView, lang: str) -> str:
    areas = view.selection.areas
    if not areas:
        return org_name(view.division, lang)
    if len(areas) > NAMED_AREAS:
        return t("headline_n_areas", lang, n=len(areas))
    return ", ".join(org_name(a, lang) for a in areas)


def headline_text(view: FinanceView, lang: str) -> str:
    """The answer: expenses against the pace, the year-end forecast against the budget, and which
    cost centres are ahead of pace; the card's figures, in words."""
    expenses = next((k for k in view.kpis if k.line_item == EXPENSE_TOTAL), None)
    if expenses is None:
        return ""
    text = t(
        "headline_costs",
        lang,
        scope=scope_name(view, lang),
        pct=format_pct(expenses.realisation_pct),
        pace=format_pct(expenses.pace_pct),
        date=format_date(view.periods.current.end_date, lang),
    )
    diff = expenses.forecast_vs_budget_eur  # costs as positive figures: below 0 is under budget
    if diff == diff:
        key = "headline_under" if diff < 0 else "headline_over" if diff > 0 else "headline_on_budget"
        text += t(key, lang, amount=format_eur(abs(diff)), forecast=format_eur(expenses.forecast))
    ahead = view.ahead_of_pace(EXPENSE_TOTAL)
    if ahead:
        items = ", ".join(f"{org_name(area, lang)} ({format_pct(pct)})" for area, pct in ahead)
        text += t("headline_ahead", lang, items=items)
    else:
        text += t("headline_none_ahead", lang)
    return text


def _bullet(kpi: Kpi, lang: str) -> html.Div:
    """Realisation against the pace, and the forecast against the budget, on one scale of % of budget."""
    values = [v for v in (kpi.realisation_pct, kpi.forecast_vs_budget_pct) if v == v]
    scale = max([110.0, *values]) * 1.05
    parts = [html.Span(className="bullet-budget", style={"left": f"{100 / scale * 100:.2f}%"})]
    if kpi.realisation_pct == kpi.realisation_pct:
        width = max(0.0, kpi.realisation_pct) / scale * 100
        parts.append(html.Span(className="bullet-actual", style={"width": f"{width:.2f}%"}))
    parts.append(html.Span(className="bullet-pace", style={"left": f"{kpi.pace_pct / scale * 100:.2f}%"}))
    if kpi.forecast_vs_budget_pct == kpi.forecast_vs_budget_pct:
        left = max(0.0, kpi.forecast_vs_budget_pct) / scale * 100
        parts.append(html.Span(className="bullet-forecast", style={"left": f"{left:.2f}%"}))
    label = t(
        "tile_bullet_label",
        lang,
        pct=format_pct(kpi.realisation_pct),
        pace=format_pct(kpi.pace_pct),
        forecast=format_pct(kpi.forecast_vs_budget_pct),
    )
    return html.Div(parts, className="bullet", role="img", **{"aria-label": label})


def tile(kpi: Kpi, view: FinanceView, lang: str) -> html.Article:
    """One key figure: the figure, its change on last year, realisation and forecast with a bullet."""
    name = line_name(kpi.line_item, lang)
    title = name if kpi.key == "net" else t("group_" + kpi.key, lang)
    prior = period_label(view.periods.prior, lang)
    current = period_label(view.periods.current, lang)
    return html.Article(
        [
            html.H4([title, html.Span(f" · {name}" if kpi.key != "net" else "", className="kpi-line")]),
            html.P([format_eur(kpi.current), html.Span(" " + current, className="kpi-period")], className="kpi-value"),
            html.P(
                t(
                    "kpi_change",
                    lang,
                    change=format_signed_eur(kpi.change_eur),
                    pct=format_signed_pct(kpi.change_pct),
                    prior=f"{prior} ({format_eur(kpi.prior)})",
                ),
                className="kpi-change",
            ),
            _bullet(kpi, lang),
            html.P(
                t(
                    "kpi_realisation",
                    lang,
                    pct=format_pct(kpi.realisation_pct),
                    pace=format_pct(kpi.pace_pct),
                    months=view.periods.current.months,
                ),
                className="kpi-pace",
            ),
            html.P(
                t(
                    "kpi_forecast",
                    lang,
                    forecast=format_eur(kpi.forecast),
                    budget=format_eur(kpi.budget),
                    diff=format_signed_eur(kpi.forecast_vs_budget_eur),
                ),
                className="kpi-forecast",
            ),
            html.P(
                t("kpi_method", lang, method=forecast_method_text(kpi.forecast_methods, view, lang)),
                className="kpi-method",
            ),
        ],
        className=f"card kpi kpi-{kpi.key}",
    )


def top_deviations(view: FinanceView, lang: str) -> html.Section | None:
    """The most unfavourable exceptions, each a link to its row in the exceptions table."""
    rows = view.top_unfavourable(TOP_DEVIATIONS)
    if not rows:
        return None
    table = exceptions_table(view, lang)
    items = []
    for row in rows:
        area, line, _, _, effect, _, reason = table.rows[row]
        items.append(
            html.Li(
                html.A(
                    t("top_deviation", lang, area=area, line=line, effect=format_signed_eur(effect), reason=reason),
                    href="#" + exception_row_id(row),
                )
            )
        )
    return html.Section(
        [html.H3(t("top_deviations_title", lang), id="top-deviations-title"), html.Ol(items)],
        className="top-deviations",
        **{"aria-labelledby": "top-deviations-title"},
    )


def render_first_screen(view: FinanceView, lang: str) -> list:
    """The headline, the three tiles and the top deviations: one output of the page's callback."""
    out: list = [
        html.P(headline_text(view, lang), className="headline"),
        html.H3(t("kpi_heading", lang), className="visually-hidden"),
        html.Div([tile(kpi, view, lang) for kpi in view.kpis], className="kpi-tiles"),
        html.P(t("tile_bullet_legend", lang), className="bullet-legend"),
    ]
    deviations = top_deviations(view, lang)
    return [*out, deviations] if deviations is not None else out
