"""The finance page's results as HTML: what its callback draws into the cards for one view.

Each `render_*` function turns the computed `FinanceView` (and the typed tables the presentation
builds from it) into components; text-only parts are sent as `Markup` by the callback.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from dash import html

from dashboard.analysis.finance_view import FinanceView, Selection, view_division
from dashboard.presentation.figures import Chart
from dashboard.presentation.formatting import format_eur, format_pct
from dashboard.presentation.texts import line_name, org_name, t
from dashboard.presentation.view_tables import exception_rule, exceptions_table, selection_name, statement_table
from dashboard.store.dataset import ALL_DIVISIONS, Dataset
from dashboard.web import ids
from dashboard.web.first_screen import exception_row_id, render_first_screen
from dashboard.web.parts import render_data_table


def render_selection_heading(dataset: Dataset, selection: Selection, lang: str) -> str:
    division = view_division(dataset, selection)
    if not selection.areas:
        key = "whole_city" if division == ALL_DIVISIONS else "whole_division"
        return t(key, lang, division=org_name(division, lang), n=len(dataset.cost_centres_by_division[division]))
    if division == ALL_DIVISIONS:
        return t("selected_divisions", lang, areas=", ".join(org_name(a, lang) for a in selection.areas))
    return t("selected_areas", lang, areas=", ".join(org_name(a, lang) for a in selection.areas))


def render_kpis(view: FinanceView, lang: str) -> list:
    """The first screen: the answer in a sentence, the key-figure tiles and the top deviations."""
    return render_first_screen(view, lang)


def render_chart_head(chart: Chart, chart_id: str) -> list:
    """Title and summary in one output: the renderer's work per callback grows with its outputs."""
    return [
        html.H3(chart.title, id=ids.title_id(chart_id), className="chart-title"),
        html.P(chart.summary, id=ids.summary_id(chart_id), className="chart-summary"),
    ]


def render_statement(view: FinanceView, lang: str) -> list:
    """The report's own table: TP, TOT last year, TA + changes, TOT this year, remaining, TOT-%, and
    the year-end forecast with its method."""
    table = statement_table(view, lang)
    derived = np.asarray(view.columns("statement")["derived"], dtype=bool).tolist()
    notes = [t("statement_summary", lang)]
    if len(view.selection.areas) > 1:
        notes.append(t("sum_of_areas", lang))
    if not np.asarray(view.columns("statement")["printed_shown"], dtype=bool).all():
        notes.append(t("computed_note", lang))
    notes.append(t("forecast_note", lang))
    return [
        html.H3(
            t("statement_title", lang, name=selection_name(view, lang)), className="chart-title", id="statement-title"
        ),
        html.P(" ".join(notes), className="chart-summary"),
        html.Div(
            render_data_table(
                table,
                table.title,
                lang,
                row_classes=["derived" if d else None for d in derived],
                className="data-table statement",
            ),
            className="table-scroll",
            tabIndex=0,
            role="region",
            **{"aria-labelledby": "statement-title"},
        ),
    ]


def render_rounding(view: FinanceView, lang: str) -> list:
    """Where the report's own sums differ by rounding, list them under the table."""
    rounding = view.columns("rounding")
    if not len(rounding["line_item"]):
        return []
    items = []
    for area, line_item, column, printed, computed in zip(
        *(rounding[c].tolist() for c in ("service_area", "line_item", "column", "printed", "computed")), strict=True
    ):
        where = org_name(area, lang) if area else t("division_table", lang)
        is_pct = str(column).endswith("%")
        fmt = (lambda v: format_pct(v, 2)) if is_pct else format_eur
        items.append(
            html.Li(
                t(
                    "rounding_item",
                    lang,
                    where=where,
                    line=line_name(line_item, lang),
                    column=column,
                    printed=fmt(printed),
                    computed=fmt(computed),
                )
            )
        )
    return [
        html.Details(
            [html.Summary(t("rounding_note", lang) + f" ({len(items)})"), html.Ul(items)], className="rounding-note"
        )
    ]


# The exceptions table's rows drawn until its button shows the rest: a division's ledger can
# have hundreds (the top deviations link to the first three). The exports hold them all.
EXCEPTIONS_SHOWN = 50


def render_exceptions(view: FinanceView, lang: str) -> list:
    """The exceptions, most unfavourable first, under the one rule that finds them."""
    table = exceptions_table(view, lang)
    favourable = np.asarray(view.columns("exceptions")["favourable"], dtype=bool).tolist()
    summary = exception_rule(view, lang) + " " + t("exceptions_count", lang, count=len(table.rows))
    body = (
        html.Div(
            render_data_table(
                table,
                table.title,
                lang,
                row_classes=["favourable" if good else "unfavourable" for good in favourable],
                row_ids=[exception_row_id(i) for i in range(len(table.rows))],
                rows_shown=(
                    EXCEPTIONS_SHOWN,
                    t("exceptions_show_all", lang, count=len(table.rows)),
                    t("exceptions_show_first", lang, count=EXCEPTIONS_SHOWN),
                ),
            ),
            className="table-scroll",
            tabIndex=0,
            role="region",
            **{"aria-label": table.title},
        )
        if table.rows
        else html.P(t("no_exceptions", lang))
    )
    return [html.H3(table.title, className="chart-title"), html.P(summary, className="chart-summary"), body]


def _paragraphs(table: Mapping[str, Any]) -> dict[str, list[str]]:
    """Each cost centre's paragraphs, in order."""
    out: dict[str, list[str]] = {}
    for area, text in zip(table["service_area"].tolist(), table["text"].tolist(), strict=True):
        out.setdefault(area, []).append(text)
    return out


def render_area_texts(view: FinanceView, lang: str) -> list:
    """What each selected service area does, and the report's commentary on its figures."""
    areas = list(view.selection.areas) or [""]
    out: list = [html.H3(t("texts_title", lang), className="chart-title")]
    if lang != "fi":
        out.append(html.P(t("texts_in_finnish", lang), className="help"))
    all_descriptions, all_commentary = (
        _paragraphs(view.columns("descriptions")),
        _paragraphs(view.columns("commentary")),
    )
    for area in areas:
        name = org_name(area or view.division, lang)
        descriptions = all_descriptions.get(area, [])
        commentary = all_commentary.get(area, [])
        block = [html.H4(name)]
        if area:
            block += [html.H5(t("description", lang))]
            block += [html.P(p, lang="fi") for p in descriptions] or [html.P(t("no_description", lang))]
        block += [html.H5(t("commentary", lang))]
        block += [html.P(p, lang="fi") for p in commentary] or [html.P(t("no_commentary", lang))]
        out.append(html.Div(block, className="area-text"))
    return out
