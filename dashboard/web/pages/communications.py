"""The communications page (`/viestinta`): the city's social-media channels and press releases.

One card per channel with its latest follower count, change and posting rate, then each channel's
follower trend and the posts per month as charts with their tables. The trends take every dated
observation of the division's reports up to the one shown (`communications.social_history`). A
channel the reports give only changes for (X) says so instead of drawing a level: one change as
a sentence, several since the same start as a series of cumulative changes.
"""

from __future__ import annotations

from collections.abc import Mapping

from dash import Dash, html

from dashboard.analysis.communications import change_series, channel_states, follower_trend, social_history
from dashboard.presentation.formatting import format_number, format_pct
from dashboard.presentation.report_figures import change_chart, follower_chart, posts_chart, signed_count
from dashboard.presentation.texts import format_date, t
from dashboard.store.dataset import Dataset
from dashboard.store.library import Library
from dashboard.store.names import slugify
from dashboard.web.answers import communications_answer
from dashboard.web.current import current_library
from dashboard.web.parts import chart_section
from dashboard.web.query import Notice
from dashboard.web.report_frame import register_report_page, report_layout, report_page
from dashboard.web.site import read_lang


def _change_only(channel: str, change: float, label: str, lang: str) -> html.Section:
    """A channel with one stated change and no level: a sentence, not a chart."""
    return html.Section(
        [
            html.H3(t("followers_of", lang, channel=channel), className="chart-title"),
            html.P(t("no_level", lang, channel=channel, change=signed_count(change), label=label)),
        ],
        className="card chart-card",
    )


def _epress_card(social, lang: str) -> html.Article | None:
    epress = social[social["channel"] == "ePress"]
    lines = []
    for row in epress.itertuples():
        if row.metric == "releases":
            lines.append(html.P(t("epress_releases", lang, value=format_number(row.value), label=row.period_label)))
        elif row.metric == "release_throughput_pct":
            key = "epress_throughput" if row.note else "epress_throughput_plain"
            lines.append(html.P(t(key, lang, value=format_pct(row.value, 0))))
    return html.Article([html.H3(t("epress_title", lang)), *lines], className="card kpi") if lines else None


def communications_page(
    dataset: Dataset, query: Mapping[str, object], default_lang: str, library: Library | None = None
) -> html.Div:
    """The page for the report `dataset` shows; its trends over `library`'s reports of the division
    up to that report (without a library: that report's own figures)."""
    notices: list[Notice] = []
    lang = read_lang(query, default_lang, notices)
    social = dataset.social_media
    history, reports = social_history(library, dataset.report) if library is not None else (social, ())
    trend = follower_trend(history, reports)
    states = channel_states(social, trend=trend)
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
        chart_id = f"followers-{slugify(state.channel)}-chart"
        if state.observations >= 1:
            charts.append(chart_section(follower_chart(trend, state.channel, lang), chart_id, lang))
        elif state.change is not None:
            series = change_series(history, state.channel, reports)
            if len(series) >= 2:
                charts.append(chart_section(change_chart(series, state.channel, lang), chart_id, lang))
            else:
                charts.append(_change_only(state.channel, state.change, state.change_label, lang))
    if (epress := _epress_card(social, lang)) is not None:
        cards.append(epress)
    if len(reports) > 1:
        first, last = (format_date(r.status_date, lang) for r in (reports[0], reports[-1]))
        intro = t("communications_intro_library", lang, first=first, last=last)
    else:
        intro = t("communications_intro", lang)
    if history.empty:  # another division's report: the city's communications are not in it
        body = [html.P(t("no_social_media", lang), className="intro")]
    else:
        body = [
            html.P(intro, className="intro"),
            html.H2(t("channels_now", lang), className="visually-hidden"),
            html.Section(cards, className="kpi-grid", **{"aria-label": t("channels_now", lang)}),
            html.H2(t("channel_trends", lang), className="visually-hidden"),
            html.Div([*charts, chart_section(posts_chart(states, lang), "posts-chart", lang)], className="chart-grid"),
        ]
    answer = communications_answer(social, lang, trend)
    return report_page(dataset, lang, "communications", t("communications_title", lang), notices, body, answer=answer)


def communications_of_library(dataset: Dataset, query: Mapping[str, object], default_lang: str) -> html.Div:
    """The page as a request draws it: its trends over the current library's reports."""
    return communications_page(dataset, query, default_lang, current_library())


layout = report_layout(communications_of_library)


def register(app: Dash) -> None:
    """Register the page with Dash Pages (it has no callbacks: its state is its link)."""
    register_report_page(__name__, "communications", 1, layout)
