"""The report's other pages: communications, strategic goals and risks.

Each page is drawn from the data when its link is opened; its state lives in the link (`lang`, and
`aim` on the goals page), so the pages need no callbacks. Every chart has a title, a summary
sentence and its data as a table; status is shown as text with an icon, never colour alone.

Each report page opens with its answer: one sentence written from the data (`*_answer`), first in
the page's main content, right under the header's h1. The report's own Finnish names (aims, risks)
stay Finnish in the English sentence and are marked `lang="fi"`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
from dash import html

from dashboard.analysis.communications import channel_states, follower_trend
from dashboard.analysis.goals import goals_for_aim, strategic_aims
from dashboard.presentation.figures import Chart
from dashboard.presentation.formatting import format_number, format_pct
from dashboard.presentation.report_figures import (
    follower_chart,
    posts_chart,
    risk_matrix_chart,
    risk_scale,
    signed_count,
)
from dashboard.presentation.texts import TEXTS, t
from dashboard.store.dataset import Dataset
from dashboard.store.names import slugify
from dashboard.web.components import Plot
from dashboard.web.export_toolbar import export_toolbar
from dashboard.web.layout import render_data_table, render_notices, render_table
from dashboard.web.query import Notice, read_aim
from dashboard.web.site import page_header, page_href, read_lang, site_footer, skip_link

GRAPH_CONFIG = {"displaylogo": False, "responsive": True}
STATUS_ICONS = {"toteutuu": "✓", "ei toteudu": "✗", "osittain": "◐"}


# -- compute ------------------------------------------------------------------------------------------
# -- the page's answer: one sentence from the data ------------------------------------------------------
Sentence = list  # strings and `lang="fi"` spans, read as one sentence


def _finnish(text: str, lang: str) -> str | html.Span:
    """The report's own Finnish text inside a sentence in `lang`: marked Finnish when the page is not."""
    return text if lang == "fi" else html.Span(text, lang="fi")


def _status_phrase(status: str, lang: str) -> str | html.Span:
    """A printed status as a sentence's predicate: `toteutuu` / `on track`; an unknown one as printed."""
    if not status:
        return t("answer_no_status", lang)
    key = "answer_status_" + slugify(status).replace("-", "_")
    if key in TEXTS:
        return t(key, lang)
    return status.lower() if lang == "fi" else html.Span(f"“{status}”", lang="fi")


def status_counts(goals: pd.DataFrame) -> list[tuple[str, int]]:
    """(status as printed, rows) for the goal rows, most rows first; rows with no status ("") last.

    Every row counts, a partial one too; statuses differing only in case or spacing are one.
    """
    printed: dict[str, str] = {}
    counts: dict[str, int] = {}
    for status in goals["status"]:
        text = " ".join(str(status).split())
        key = text.lower()
        printed.setdefault(key, text)
        counts[key] = counts.get(key, 0) + 1
    order = sorted(counts, key=lambda k: (k == "", -counts[k]))
    return [(printed[k], counts[k]) for k in order]


def goals_answer(goals: pd.DataFrame, aim: str | None, lang: str) -> Sentence:
    """ "7 / 8 tavoitetta toteutuu, 1 ilman tilamerkintää.": the goals shown, counted by status."""
    shown = goals_for_aim(goals, aim)
    if shown.empty:
        return [t("no_goals", lang)]
    counts = status_counts(shown)
    (first, n), rest = counts[0], counts[1:]
    total = len(shown)
    head = t("answer_goals_one" if total == 1 else "answer_goals", lang, n=n, total=total, status="{status}")
    before, _, after = head.partition("{status}")
    parts: Sentence = [_finnish(aim, lang), ": "] if aim else []
    parts += [before, _status_phrase(first, lang), after]
    for status, count in rest:
        parts += [f", {count} ", _status_phrase(status, lang)]
    parts.append(".")
    return _joined(parts)


def risks_answer(risks: pd.DataFrame, lang: str) -> Sentence:
    """ "6 riskiä; suurin todennäköisyys × merkittävyys 4 (riskit 4: …; 5: …; 6: …).", from the register.

    The report prints no scale, so no risk is called significant: the sentence names the highest
    score and the risks that have it (by number only when more than three share it).
    """
    if risks.empty:
        return [t("answer_no_risks", lang)]
    score = risks["probability"] * risks["significance"]
    top = int(score.max())
    tops = risks[score == top]
    key = "answer_risks_one" if len(risks) == 1 else "answer_risks"
    parts: Sentence = [t(key, lang, n=len(risks), score=top)]
    if len(risks) > 1:
        which = t("answer_risk" if len(tops) == 1 else "answer_risks_which", lang)
        if len(tops) <= 3:
            named: Sentence = []
            for i, row in enumerate(tops.itertuples()):
                named += ["; " if i else "", f"{row.row}: ", _finnish(str(row.risk).strip().rstrip("."), lang)]
            parts += [f" ({which} ", *named, ")"]
        else:
            parts.append(f" ({which} {', '.join(str(r) for r in tops['row'])})")
    parts.append(".")
    return _joined(parts)


def _latest_change(trend: pd.DataFrame, channel: str) -> float | None:
    """The change into a channel's latest level from the level before it (printed or derived)."""
    values = trend[trend["channel"] == channel]["value"].tolist()
    return float(values[-1] - values[-2]) if len(values) >= 2 else None


def communications_answer(social: pd.DataFrame, lang: str) -> Sentence:
    """ "Seuraajia 30.9.2024: Facebook 4 583 (+16), …, LinkedIn 894; ePress 39 tiedotetta 01-09/2024."

    The channels with a printed level, grouped by the level's date; the change is that into the
    latest level, as the channel's trend chart draws it. A channel with a change only (X) is left to
    its card: a change is not a level.
    """
    trend = follower_trend(social)
    groups: dict[str, list[str]] = {}
    for state in channel_states(social):
        if state.followers is None:
            continue
        change = _latest_change(trend, state.channel)
        text = f"{state.channel} {format_number(state.followers)}"
        groups.setdefault(state.as_of, []).append(text + (f" ({signed_count(change)})" if change is not None else ""))
    clauses = [
        (t("answer_followers", lang, label=label) if i == 0 else label) + ": " + ", ".join(items)
        for i, (label, items) in enumerate(groups.items())
    ]
    releases = social[(social["channel"] == "ePress") & (social["metric"] == "releases")]
    if not releases.empty:
        row = releases.iloc[-1]
        clauses.append(t("answer_epress", lang, value=format_number(row["value"]), label=row["period_label"]).strip())
    if not clauses:
        return [t("answer_no_followers", lang)]
    return ["; ".join(clauses) + "."]


def _joined(parts: Sentence) -> Sentence:
    """Adjacent strings as one, empty ones dropped: the fewest children for the same sentence."""
    out: Sentence = []
    for part in parts:
        if isinstance(part, str):
            if not part:
                continue
            if out and isinstance(out[-1], str):
                out[-1] += part
                continue
        out.append(part)
    return out


def page_answer(sentence: Sentence) -> html.P:
    """The page's answer, first in its main content (assets/page-answer.css makes it prominent)."""
    return html.P(sentence, className="page-answer")


# -- render -------------------------------------------------------------------------------------------
def chart_section(chart: Chart, chart_id: str, lang: str) -> html.Section:
    """A chart card: title, summary, the graph (named for screen readers) and its table."""
    title_id = f"{chart_id}-title"
    return html.Section(
        [
            html.H3(chart.title, id=title_id, className="chart-title"),
            html.P(chart.summary, className="chart-summary"),
            Plot(id=chart_id, figure=chart.figure, config=GRAPH_CONFIG),
            html.Details(
                [html.Summary(t("show_table", lang)), render_data_table(chart, chart.title, lang)],
                className="chart-table",
            ),
        ],
        className="card chart-card",
        **{"aria-labelledby": title_id},
    )


def _page(
    dataset: Dataset,
    lang: str,
    active: str,
    title: str,
    notices: Sequence[Notice],
    body: list,
    switch=None,
    answer: Sentence | None = None,
):
    """A report page: header (its h1), notices, then the main content: the answer first, the toolbar, the body.

    The toolbar is inside the main content, as on the finance page, so that the answer comes right
    after the header, within the first screen at phone width too, and the skip link lands on it.
    """
    return html.Div(
        [
            skip_link(lang),
            page_header(dataset, lang, active, title, switch),
            html.Div(render_notices(notices, lang), className="notice" if notices else "notice empty", role="status"),
            html.Main(
                [
                    page_answer(answer) if answer else None,
                    export_toolbar(dataset, active, lang, switch),
                    *body,
                ],
                id="main",
                className="report-page",
                tabIndex="-1",
            ),
            site_footer(lang),
        ],
        className="page",
        lang=lang,
    )


def communications_page(dataset: Dataset, query: Mapping[str, object], default_lang: str) -> html.Div:
    notices: list[Notice] = []
    lang = read_lang(query, default_lang, notices)
    social = dataset.social_media
    trend = follower_trend(social)
    states = channel_states(social)
    cards = []
    charts = []
    for state in states:
        lines = []
        if state.followers is not None:
            lines.append(
                html.P(
                    t("followers_at", lang, value=format_number(state.followers), label=state.as_of),
                    className="kpi-value-line",
                )
            )
        if state.change is not None:
            lines.append(
                html.P(t("follower_change", lang, change=signed_count(state.change), label=state.change_label))
            )
        if state.posts_per_month is not None:
            note = f"{state.posts_note} " if state.posts_note else ""
            lines.append(html.P(f"{t('posts_per_month', lang)}: {note}{format_number(state.posts_per_month)}"))
        cards.append(html.Article([html.H3(state.channel), *lines], className="card kpi"))
        if state.observations >= 1:
            charts.append(
                chart_section(
                    follower_chart(trend, state.channel, lang), f"followers-{slugify(state.channel)}-chart", lang
                )
            )
        elif state.change is not None:
            charts.append(
                html.Section(
                    [
                        html.H3(t("followers_of", lang, channel=state.channel), className="chart-title"),
                        html.P(
                            t(
                                "no_level",
                                lang,
                                channel=state.channel,
                                change=signed_count(state.change),
                                label=state.change_label,
                            )
                        ),
                    ],
                    className="card chart-card",
                )
            )
    epress = social[social["channel"] == "ePress"]
    epress_lines = []
    for row in epress.itertuples():
        if row.metric == "releases":
            epress_lines.append(
                html.P(t("epress_releases", lang, value=format_number(row.value), label=row.period_label))
            )
        elif row.metric == "release_throughput_pct":
            epress_lines.append(html.P(t("epress_throughput", lang, note=row.note, value=format_pct(row.value, 0))))
    if epress_lines:
        cards.append(html.Article([html.H3(t("epress_title", lang)), *epress_lines], className="card kpi"))
    body = [
        html.P(t("communications_intro", lang), className="intro"),
        html.H2(t("channels_now", lang), className="visually-hidden"),
        html.Section(cards, className="kpi-grid", **{"aria-label": t("channels_now", lang)}),
        html.H2(t("channel_trends", lang), className="visually-hidden"),
        html.Div([*charts, chart_section(posts_chart(states, lang), "posts-chart", lang)], className="chart-grid"),
    ]
    answer = communications_answer(social, lang)
    return _page(dataset, lang, "communications", t("communications_title", lang), notices, body, answer=answer)


def _status(status: str, lang: str) -> html.Span:
    icon = STATUS_ICONS.get(status.strip().lower(), "•")
    return html.Span(
        [html.Span(icon, className="status-icon", **{"aria-hidden": "true"}), " ", status], className="status"
    )


def _field(label: str, text: str) -> list:
    if not text:
        return []
    return [html.Dt(label), html.Dd([html.P(p) for p in text.split("\n")], lang="fi")]


def goals_page(dataset: Dataset, query: Mapping[str, object], default_lang: str) -> html.Div:
    notices: list[Notice] = []
    lang = read_lang(query, default_lang, notices)
    goals = dataset.goals
    aim = read_aim(goals, query, notices)
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
    shown = goals_for_aim(goals, aim)
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
                        html.P(t("partial_row", lang), className="notice-inline") if row.partial else None,
                        html.Dl(fields, className="goal-fields"),
                    ],
                    className="card goal",
                )
            )
        sections.append(html.Section([html.H2(heading), *articles], className="goal-table"))
    body = [
        html.P(t("goals_intro", lang), className="intro"),
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
    answer = goals_answer(goals, aim, lang)
    return _page(dataset, lang, "goals", t("goals_title", lang), notices, body, switch, answer)


_GOAL_TABLE_KEYS = {"goal_table_1", "goal_table_2"}


def risk_matrix_table(risks: pd.DataFrame, lang: str) -> html.Table:
    """The matrix as a real table: rows significance (highest first), columns probability."""
    scale = risk_scale(risks)
    head = html.Thead(
        html.Tr(
            [html.Th(f"{t('significance', lang)} \\ {t('probability', lang)}", scope="col")]
            + [html.Th(str(p), scope="col") for p in range(1, scale + 1)]
        )
    )
    body = []
    for s in range(scale, 0, -1):
        cells = [html.Th(str(s), scope="row")]
        for p in range(1, scale + 1):
            here = risks[(risks["probability"] == p) & (risks["significance"] == s)]
            items = [html.Li(f"{r}. {name}", lang="fi") for r, name in zip(here["row"], here["risk"], strict=True)]
            cells.append(
                html.Td(html.Ul(items, className="matrix-list") if items else "–", className=f"score-{min(p * s, 9)}")
            )
        body.append(html.Tr(cells))
    return html.Table(
        [html.Caption(t("matrix_caption", lang)), head, html.Tbody(body)], className="data-table risk-matrix-table"
    )


def risks_page(dataset: Dataset, query: Mapping[str, object], default_lang: str) -> html.Div:
    notices: list[Notice] = []
    lang = read_lang(query, default_lang, notices)
    risks = dataset.risks
    chart = risk_matrix_chart(risks, lang)
    register_rows = tuple(
        (
            str(r.row),
            r.risk,
            str(r.probability),
            str(r.significance),
            str(r.probability * r.significance),
            r.control,
            r.control_realisation,
        )
        for r in risks.itertuples()
    )
    register = render_table(
        (
            "#",
            t("risk", lang),
            t("probability", lang),
            t("significance", lang),
            t("risk_score", lang),
            t("control", lang),
            t("control_realisation", lang),
        ),
        register_rows,
        caption=t("risk_register", lang),
    )
    body = [
        html.P(t("risks_intro", lang), className="intro"),
        html.Section(
            [
                html.H2(chart.title, id="risk-matrix-title"),
                html.P(chart.summary, className="chart-summary"),
                Plot(id="risk-matrix-chart", figure=chart.figure, config=GRAPH_CONFIG),
                html.Div(risk_matrix_table(risks, lang), className="table-scroll", tabIndex="0"),
            ],
            className="card",
            **{"aria-labelledby": "risk-matrix-title"},
        ),
        html.Section(html.Div(register, className="table-scroll", tabIndex="0"), className="card"),
    ]
    return _page(dataset, lang, "risks", t("risks_title", lang), notices, body, answer=risks_answer(risks, lang))


# The statement's own date: when the service was last assessed, by the means it lists.
STATEMENT_ASSESSED = "27.11.2026"


def accessibility_page(dataset: Dataset, query: Mapping[str, object], default_lang: str, feedback_email: str):
    """Saavutettavuusseloste, as the Act on the Provision of Digital Services (306/2019) requires."""
    notices: list[Notice] = []
    lang = read_lang(query, default_lang, notices)

    def section(heading_key: str, *paragraph_keys: str, items: Sequence[str] = ()) -> html.Section:
        return html.Section(
            [
                html.H2(t(heading_key, lang)),
                *[html.P(t(k, lang, date=STATEMENT_ASSESSED)) for k in paragraph_keys],
                html.Ul([html.Li(t(k, lang)) for k in items]) if items else None,
            ],
            className="card statement",
        )

    body = [
        section("a11y_scope_heading", "a11y_scope"),
        section("a11y_status_heading", "a11y_status"),
        section("a11y_gaps_heading", "a11y_gaps_intro", items=("a11y_gap_charts", "a11y_gap_texts", "a11y_gap_pdf")),
        section("a11y_method_heading", "a11y_method"),
        html.Section(
            [
                html.H2(t("a11y_feedback_heading", lang)),
                html.P(t("a11y_feedback", lang)),
                html.P(html.A(feedback_email, href=f"mailto:{feedback_email}")),
            ],
            className="card statement",
        ),
        section("a11y_authority_heading", "a11y_authority"),
    ]
    return _page(dataset, lang, "accessibility", t("accessibility_statement", lang), notices, body)
