"""The goals page (`/tavoitteet`): the report's strategic goals, their measures and how each is going.

One card per goal under its goal table, with its status as text and an icon (never colour alone);
a row the report's text left incomplete is marked. Where the library holds the division's
previous report, a goal whose status changed since it says so, with the earlier status
(`report_changes.goal_changes`). The aim filter's chips are links (`aim=`), so a filtered view is
a link too.
"""

from __future__ import annotations

from collections.abc import Mapping

from dash import Dash, html

from dashboard.analysis.goals import goals_for_aim, strategic_aims
from dashboard.analysis.report_changes import goal_changes, previous_dataset
from dashboard.presentation.report_figures import goal_change_mark
from dashboard.presentation.texts import format_date, t
from dashboard.store.dataset import Dataset
from dashboard.store.library import Library
from dashboard.store.names import slugify
from dashboard.web.answers import goals_answer
from dashboard.web.current import current_library
from dashboard.web.query import Notice, read_aim
from dashboard.web.report_frame import register_report_page, report_layout, report_page
from dashboard.web.site import page_href, read_lang

STATUS_ICONS = {"toteutuu": "✓", "ei toteudu": "✗", "osittain": "◐"}
_GOAL_TABLE_KEYS = {"goal_table_1", "goal_table_2"}


def _status(status: str, lang: str) -> html.Span:
    icon = STATUS_ICONS.get(status.strip().lower(), "•")
    return html.Span(
        [html.Span(icon, className="status-icon", **{"aria-hidden": "true"}), " ", status], className="status"
    )


def _changed(previous_status: str, since: str, lang: str) -> html.P:
    """The mark of a goal whose status changed: an icon and the earlier status, in words."""
    icon, text = goal_change_mark(previous_status, since, lang)
    return html.P(
        [html.Span(icon, className="change-icon", **{"aria-hidden": "true"}), " ", text], className="change-mark"
    )


def _field(label: str, text: str) -> list:
    if not text:
        return []
    return [html.Dt(label), html.Dd([html.P(p) for p in text.split("\n")], lang="fi")]


def goals_page(
    dataset: Dataset, query: Mapping[str, object], default_lang: str, library: Library | None = None
) -> html.Div:
    """The page for the report `dataset` shows, its changes against `library`'s previous report of the division."""
    notices: list[Notice] = []
    lang = read_lang(query, default_lang, notices)
    goals = dataset.goals
    aim = read_aim(goals, query, notices)
    previous = previous_dataset(library, dataset.report) if library is not None else None
    changes = goal_changes(goals, previous.goals) if previous is not None else None
    since = format_date(previous.report.status_date, lang) if previous is not None else ""
    chips = [
        html.Li(
            html.A(
                t("all_aims", lang),
                href=page_href("goals", lang),
                className="chip active" if aim is None else "chip",
                **({"aria-current": "true"} if aim is None else {}),
            )
        )
    ] + [
        html.Li(
            html.A(
                name,
                href=page_href("goals", lang, [("aim", slugify(name))]),
                lang="fi",
                className="chip active" if name == aim else "chip",
                **({"aria-current": "true"} if name == aim else {}),
            )
        )
        for name in strategic_aims(goals)
    ]
    shown = goals_for_aim(goals if changes is None else changes, aim)
    sections = []
    for table_no, rows in shown.groupby("table", sort=True):
        key = f"goal_table_{table_no}"
        heading = t(key, lang) if key in _GOAL_TABLE_KEYS else t("goal_table_n", lang, n=table_no)
        articles = []
        for row in rows.itertuples():
            fields = [
                *_field(t("focus_areas", lang), row.focus_areas),
                *_field(t("goal", lang), row.goal),
                *_field(t("measures", lang), row.measures),
                *_field(t("responsible", lang), row.responsible),
                *_field(t("goal_realisation", lang), row.realisation),
            ]
            articles.append(
                html.Article(
                    [
                        html.Div(
                            [
                                html.H3(
                                    row.strategic_aim or t("no_aim_given", lang),
                                    lang="fi" if row.strategic_aim else lang,
                                ),
                                _status(row.status, lang) if row.status else None,
                            ],
                            className="goal-head",
                        ),
                        _changed(row.previous_status, since, lang) if getattr(row, "changed", False) else None,
                        html.P(t("partial_row", lang), className="notice-inline") if row.partial else None,
                        html.Dl(fields, className="goal-fields"),
                    ],
                    className="card goal changed" if getattr(row, "changed", False) else "card goal",
                )
            )
        sections.append(html.Section([html.H2(heading), *articles], className="goal-table"))
    intro = t("goals_intro", lang)
    if previous is not None:
        intro += " " + t("goals_intro_changes", lang, date=since)
    body = [
        html.P(intro, className="intro"),
        html.Nav(
            [
                html.H2(t("aim_filter", lang), className="control-label", id="aim-filter-label"),
                html.Ul(chips, className="chips"),
            ],
            className="aim-filter",
            **{"aria-labelledby": "aim-filter-label"},
        ),
        *(sections or [html.P(t("no_goals", lang))]),
    ]
    switch = [("aim", slugify(aim))] if aim else None
    answer = goals_answer(goals, aim, lang, changes, since)
    return report_page(dataset, lang, "goals", t("goals_title", lang), notices, body, switch, answer)


def goals_of_library(dataset: Dataset, query: Mapping[str, object], default_lang: str) -> html.Div:
    """The page as a request draws it: its changes against the current library's previous report."""
    return goals_page(dataset, query, default_lang, current_library())


layout = report_layout(goals_of_library)


def register(app: Dash) -> None:
    """Register the page with Dash Pages (it has no callbacks: its state is its link)."""
    register_report_page(__name__, "goals", 2, layout)
