"""The communications page (`/viestinta`): the city's social-media channels and press releases.

One card per channel with its latest follower count, change and posting rate, then each channel's
follower trend and the posts per month as charts with their tables. A channel the report gives
only a change for (X) says so instead of drawing a line.
"""

from __future__ import annotations

from collections.abc import Mapping

from dash import Dash, html

from dashboard.analysis.communications import channel_states, follower_trend
from dashboard.presentation.formatting import format_number, format_pct
from dashboard.presentation.report_figures import follower_chart, posts_chart, signed_count
from dashboard.presentation.texts import t
from dashboard.store.dataset import Dataset
from dashboard.store.names import slugify
from dashboard.web.answers import communications_answer
from dashboard.web.parts import chart_section
from dashboard.web.query import Notice
from dashboard.web.report_frame import register_report_page, report_layout, report_page
from dashboard.web.site import read_lang


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
            epress_lines.append(
                html.P(
                    t(
                        "epress_throughput" if row.note else "epress_throughput_plain",
                        lang,
                        value=format_pct(row.value, 0),
                    )
                )
            )
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
    return report_page(dataset, lang, "communications", t("communications_title", lang), notices, body, answer=answer)


layout = report_layout(communications_page)


def register(app: Dash) -> None:
    """Register the page with Dash Pages (it has no callbacks: its state is its link)."""
    register_report_page(__name__, "communications", 1, layout)
