"""What the finance charts share: the rows they draw (display-signed, named in the view's language),
the group's headline figures every sentence about the total quotes, and the words they have in common."""

from __future__ import annotations

import numpy as np

from dashboard.analysis.finance_view import OTHER_AREAS, FinanceView
from dashboard.analysis.forecast import forecast_method_names
from dashboard.analysis.lines import display_arrays, display_sign, headline_line, is_cost
from dashboard.presentation.formatting import format_signed_eur
from dashboard.presentation.tables import Column
from dashboard.presentation.texts import line_name, org_name, t


def cost_label(name: str, line_item: str, lang: str) -> str:
    return name + (t("cost_suffix", lang) if is_cost(line_item) else "")


def forecast_method_text(mask: int, view: FinanceView, lang: str) -> str:
    """How a forecast was made, in words: one method, or "yhdistelmä: …" where its parts used several."""
    names = forecast_method_names(int(mask))
    year = view.periods.last_full_year.year if view.periods.last_full_year else view.periods.current.year - 1
    words = [t("forecast_method_" + name, lang, year=year) for name in names]
    if len(words) > 1:
        return t("forecast_method_mixed", lang, methods=", ".join(words))
    return words[0] if words else "–"


def label_column(view: FinanceView, lang: str, by_area: bool) -> Column:
    return Column(t("cost_centre" if by_area else "line_item", lang))


def headline(view: FinanceView) -> dict[str, float] | None:
    """The group's total (its headline line) in the selection's statement, display-signed: the
    figure the KPI card shows, so every sentence about the total says the same number."""
    line = headline_line(view.selection.group)
    shown = display_arrays(view.columns("statement"), (*HEADLINE_FIGURES, "forecast_methods"), (line,))
    if not len(shown["line_item"]):
        return None
    return {name: float(shown[name][0]) for name in HEADLINE_FIGURES} | {
        "forecast_methods": int(shown["forecast_methods"][0])
    }


HEADLINE_FIGURES = (
    "current",
    "prior",
    "change_eur",
    "change_pct",
    "realisation_pct",
    "budget",
    "forecast",
    "forecast_vs_budget_eur",
)


def parts_note(view: FinanceView, column: str, lang: str) -> str:
    """Where the division's printed total differs from the sum of its cost centres, say so."""
    line = headline_line(view.selection.group)
    gap = view.parts_gap(line, column) * display_sign(line)
    if gap == 0 or gap != gap:
        return ""
    return t("parts_gap", lang, gap=format_signed_eur(gap))


def statement_lines(view: FinanceView, lang: str, columns: tuple[str, ...], lines: list[str]) -> tuple[dict, list[str]]:
    """The rows of `lines` in the statement, display-signed, and their names."""
    shown = display_arrays(view.columns("statement"), columns, lines)
    return shown, [line_name(line, lang) for line in shown["line_item"]]


def area_rows(view: FinanceView, lang: str, columns: tuple[str, ...], drawn: bool = False) -> tuple[dict, list[str]]:
    """The group's headline line per cost centre in scope, display-signed, and the cost centres' names:
    every cost centre (a chart's table), or, `drawn`, the rows its chart draws (`chart_areas`)."""
    if drawn:
        line = headline_line(view.selection.group)
        shown = display_arrays(view.columns("chart_areas"), ("service_area", "areas", *columns), (line,))
        names = [
            t("other_areas", lang, count=int(n)) if area == OTHER_AREAS else org_name(area, lang)
            for area, n in zip(shown["service_area"], shown["areas"], strict=True)
        ]
        return shown, names
    shown = display_arrays(view.columns("by_area"), ("service_area", *columns), (headline_line(view.selection.group),))
    return shown, [org_name(area, lang) for area in shown["service_area"]]


def drawn_areas_note(drawn: dict, lang: str) -> str:
    """Where a chart draws the largest cost centres and the rest as one bar, say so."""
    others = np.asarray(drawn["service_area"]) == OTHER_AREAS
    if not others.any():
        return ""
    return t("other_areas_note", lang, shown=int((~others).sum()), count=int(np.asarray(drawn["areas"])[others][0]))
