"""The finance view's tables as numbers: the statement, the key figures, the exceptions, each chart's.

One builder per table, read by the page (formatted by `dashboard.presentation.tables.format_cell`) and by the
exports (written as numbers), so a figure in a file is the figure on the page. Every value is read
from the computed `FinanceView`; nothing here sums or recomputes.
"""

from __future__ import annotations

import numpy as np

from dashboard.analysis.exceptions import MATERIAL_EUR, PACE_THRESHOLD_PP
from dashboard.analysis.finance_view import FinanceView
from dashboard.presentation.figures import Chart, forecast_method_text
from dashboard.presentation.formatting import format_eur, format_number
from dashboard.presentation.tables import Column, Table
from dashboard.presentation.texts import line_name, org_name, period_label, t


def selection_name(view: FinanceView, lang: str) -> str:
    return ", ".join(org_name(a, lang) for a in view.selection.areas) or org_name(view.division, lang)


STATEMENT_FIGURES = ("last_full_year", "prior", "budget", "current", "remaining_eur", "statement_pct", "forecast")


def statement_table(view: FinanceView, lang: str) -> Table:
    """The report's own layout and signs (TP, TOT last year, TA, TOT this year, Jäljellä, TOT-%),
    then the year-end forecast and its method; a note says which figures the report did not print."""
    periods = view.periods
    yy = f"{periods.current.year % 100:02d}"
    columns = (
        Column(t("line_item", lang)),
        Column(period_label(periods.last_full_year, lang), "eur"),
        Column(period_label(periods.prior, lang), "eur"),
        Column(t("budget_col", lang, label=period_label(periods.budget, lang)), "eur"),
        Column(period_label(periods.current, lang), "eur"),
        Column(t("remaining_col", lang), "eur"),
        Column(t("realisation_col", lang, yy=yy), "pct", 2),
        Column(t("forecast", lang, year=periods.current.year), "eur"),
        Column(t("forecast_method", lang)),
        Column(t("statement_note_col", lang)),
    )
    statement = view.columns("statement")
    values = [np.asarray(statement[c], dtype=float).tolist() for c in STATEMENT_FIGURES]
    notes = _statement_notes(statement, lang)
    methods = [forecast_method_text(m, view, lang) for m in np.asarray(statement["forecast_methods"]).tolist()]
    rows = tuple(
        (line_name(line, lang), *figures, method, note)
        for line, *figures, method, note in zip(statement["line_item"].tolist(), *values, methods, notes, strict=True)
    )
    title = t("statement_caption", lang, name=selection_name(view, lang))
    return Table("statement", t("export_table_statement", lang), title, columns, rows)


def _statement_notes(statement, lang: str) -> list[str]:
    """Per row: derived (a subtotal the report does not print), computed Jäljellä and TOT-% (the
    report printed none for this row or this selection)."""
    derived = np.asarray(statement["derived"], dtype=bool).tolist()
    printed = np.asarray(statement["printed_shown"], dtype=bool).tolist()
    out = []
    for is_derived, is_printed in zip(derived, printed, strict=True):
        words = ([t("derived_mark", lang)] if is_derived else []) + ([] if is_printed else [t("computed_mark", lang)])
        out.append(", ".join(words))
    return out


def kpi_table(view: FinanceView, lang: str) -> Table:
    """The KPI cards' figures, costs as positive figures as on the cards."""
    periods = view.periods
    columns = (
        Column(t("export_kpi", lang)),
        Column(t("line_item", lang)),
        Column(period_label(periods.current, lang), "eur"),
        Column(period_label(periods.prior, lang), "eur"),
        Column(t("change", lang) + " €", "eur", signed=True),
        Column(t("change", lang) + " %", "pct", 1, signed=True),
        Column(t("realisation", lang), "pct", 1),
        Column(t("pace_short", lang) + " %", "pct", 1),
        Column(t("forecast", lang, year=periods.current.year), "eur"),
        Column(period_label(periods.budget, lang), "eur"),
        Column(t("forecast_vs_budget", lang), "eur", signed=True),
        Column(t("forecast_method", lang)),
    )
    rows = tuple(
        (
            t("group_" + k.key, lang) if k.key != "net" else line_name(k.line_item, lang),
            line_name(k.line_item, lang),
            k.current,
            k.prior,
            k.change_eur,
            k.change_pct,
            k.realisation_pct,
            k.pace_pct,
            k.forecast,
            k.budget,
            k.forecast_vs_budget_eur,
            forecast_method_text(k.forecast_methods, view, lang),
        )
        for k in view.kpis
    )
    return Table("kpis", t("export_table_kpis", lang), t("kpi_heading", lang), columns, rows)


def exception_rule(view: FinanceView, lang: str) -> str:
    """The one rule that makes a line an exception, as the page states it."""
    return t(
        "exceptions_rule",
        lang,
        threshold=format_number(PACE_THRESHOLD_PP),
        pace=format_number(view.periods.pace * 100),
        material=format_eur(MATERIAL_EUR),
    )


def assessment(favourable: bool, lang: str) -> str:
    """Favourable or not, in words with an icon: colour is never the only cue."""
    return t("favourable" if favourable else "unfavourable", lang)


EXCEPTION_FIGURES = ("realisation_pct", "pace_deviation_pp", "effect_eur")


def exceptions_table(view: FinanceView, lang: str) -> Table:
    """The exceptions, most unfavourable first, with their signed effect on the result."""
    columns = (
        Column(t("cost_centre", lang)),
        Column(t("line_item", lang)),
        Column(t("realisation", lang), "pct", 1),
        Column(t("deviation_pp", lang), "pp", 1),
        Column(t("effect_eur", lang), "eur", signed=True),
        Column(t("assessment", lang)),
        Column(t("reason", lang)),
    )
    table = view.columns("exceptions")
    figures = [np.asarray(table[c], dtype=float).tolist() for c in EXCEPTION_FIGURES]
    rows = tuple(
        (org_name(area, lang), line_name(line, lang), *values, assessment(good, lang), t("exception_" + reason, lang))
        for area, line, *values, good, reason in zip(
            table["service_area"].tolist(),
            table["line_item"].tolist(),
            *figures,
            np.asarray(table["favourable"], dtype=bool).tolist(),
            table["reason"].tolist(),
            strict=True,
        )
    )
    title = t("exceptions_title", lang)
    return Table("exceptions", t("export_table_exceptions", lang), title, columns, rows)


def chart_table(key: str, chart: Chart) -> Table:
    """A chart's table alternative, with the numbers the chart draws."""
    return Table(key, t("export_table_" + key, chart.lang), chart.title, chart.columns, chart.rows)
