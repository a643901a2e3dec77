"""Figure builders for the report pages: follower trends, posting rates and the risk matrix.

Pure: computed frames in, a `Chart` (figure, title, one-sentence summary, table rows) out. A
channel with one observation gets a marker and a note, never a line; a derived point is drawn
hollow and named as derived, so a reader can tell what the report printed from what it implies.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.analysis.communications import ChannelState
from dashboard.presentation.chart import COLORS, FONT, SEPARATORS, TEMPLATE, Chart
from dashboard.presentation.formatting import format_number, format_signed_number
from dashboard.presentation.tables import Column
from dashboard.presentation.texts import t

CHANNEL_COLORS = {"Facebook": "#1f5fa8", "Instagram": "#9c2f6b", "LinkedIn": "#0b6b5d", "X": "#333333"}


def _layout(fig: go.Figure, height: int, **axes) -> go.Figure:
    fig.update_layout(
        template=TEMPLATE,
        separators=SEPARATORS,
        height=height,
        margin={"l": 8, "r": 16, "t": 16, "b": 40},
        font={"family": FONT, "size": 13},
        plot_bgcolor="white",
        paper_bgcolor="white",
        showlegend=False,
        **axes,
    )
    return fig


def signed_count(value: float | None) -> str:
    """+16, -3: a change in followers."""
    return format_signed_number(value)


def follower_chart(trend: pd.DataFrame, channel: str, lang: str) -> Chart:
    """One channel's follower levels in time order (trend rows of `communications.follower_trend`)."""
    rows = trend[trend["channel"] == channel]
    color = CHANNEL_COLORS.get(channel, COLORS["current"])
    labels = [
        f"{label} ({t('derived_point', lang)})" if d else label
        for label, d in zip(rows["label"], rows["derived"], strict=True)
    ]
    fig = go.Figure(
        go.Scatter(
            x=labels,
            y=rows["value"].tolist(),
            mode="markers+text" if len(rows) == 1 else "lines+markers+text",
            line={"color": color, "width": 3},
            # A derived level is drawn hollow: implied by the report, not printed in it.
            marker={
                "size": 12,
                "color": color,
                "line": {"color": color, "width": 3},
                "symbol": ["circle-open" if d else "circle" for d in rows["derived"]],
            },
            text=[format_number(v) for v in rows["value"]],
            textposition="top center",
            hovertemplate="%{x}: %{y:,.0f}<extra></extra>",
            name=channel,
        )
    )
    values = rows["value"].tolist()
    span = max(values) - min(values) if values else 0
    pad = max(span * 0.6, max(values) * 0.02 if values else 1, 1)
    _layout(
        fig,
        220,
        xaxis={"type": "category", "tickfont": {"size": 12}},
        yaxis={
            "title": {"text": t("followers", lang)},
            "tickformat": ",.0f",
            "range": [min(values) - pad, max(values) + pad] if values else None,
            "gridcolor": "#e6e9ee",
        },
    )
    first, last = rows.iloc[0], rows.iloc[-1]
    if len(rows) == 1:
        summary = t(
            "single_observation", lang, channel=channel, value=format_number(last["value"]), label=last["label"]
        )
    else:
        summary = t(
            "followers_trend_summary",
            lang,
            channel=channel,
            first=format_number(first["value"]),
            last=format_number(last["value"]),
            first_label=first["label"],
            last_label=last["label"],
            change=signed_count(last["value"] - first["value"]),
        )
    table = tuple(
        (label, float(v), t("yes", lang) if d else t("no", lang))
        for label, v, d in zip(rows["label"], rows["value"], rows["derived"], strict=True)
    )
    return Chart(
        title=t("followers_of", lang, channel=channel),
        summary=summary,
        figure=fig,
        columns=(Column(t("observation", lang)), Column(t("followers", lang), "count"), Column(t("derived_col", lang))),
        rows=table,
        lang=lang,
    )


def posts_chart(states: list[ChannelState], lang: str) -> Chart:
    """Posts per month by channel, as the report states them ('noin' kept in the table)."""
    shown = [s for s in states if s.posts_per_month is not None]
    fig = go.Figure(
        go.Bar(
            x=[s.posts_per_month for s in shown],
            y=[s.channel for s in shown],
            orientation="h",
            marker={"color": [CHANNEL_COLORS.get(s.channel, COLORS["current"]) for s in shown]},
            text=[format_number(s.posts_per_month) for s in shown],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x:,.0f}<extra></extra>",
        )
    )
    _layout(
        fig,
        80 + 44 * max(len(shown), 1),
        xaxis={"title": {"text": t("posts_per_month", lang)}, "gridcolor": "#e6e9ee", "rangemode": "tozero"},
        yaxis={"autorange": "reversed"},
    )
    top = max(shown, key=lambda s: s.posts_per_month) if shown else None
    summary = t("posts_summary", lang, channel=top.channel, value=format_number(top.posts_per_month)) if top else ""
    return Chart(
        title=t("posts_title", lang),
        summary=summary,
        figure=fig,
        columns=(Column(t("channel", lang)), Column(t("posts_per_month", lang), "count"), Column(t("note", lang))),
        rows=tuple((s.channel, float(s.posts_per_month), s.posts_note) for s in shown),
        lang=lang,
    )


def risk_scale(risks: pd.DataFrame) -> int:
    """The matrix's size: the report states no scale, so the highest value present, at least 3."""
    if risks.empty:
        return 3
    return int(max(3, risks["probability"].max(), risks["significance"].max()))


def _matrix_axis(title: str, scale: int) -> dict:
    """An axis of the matrix: one tick per step of the scale, each cell centred on its tick."""
    return {
        "title": {"text": title},
        "tickvals": list(range(1, scale + 1)),
        "range": [0.5, scale + 0.5],
        "showgrid": False,
        "zeroline": False,
    }


def risk_matrix_chart(risks: pd.DataFrame, lang: str) -> Chart:
    """Each risk as a numbered marker in its probability × significance cell (spread within the cell)."""
    scale = risk_scale(risks)
    xs, ys = [], []
    for (p, s), group in risks.groupby(["probability", "significance"], sort=False):
        n = len(group)
        for i in range(n):
            offset = (i - (n - 1) / 2) * min(0.22, 0.8 / max(n, 1))
            xs.append(p + offset)
            ys.append(s)
    ordered = pd.concat([g for _, g in risks.groupby(["probability", "significance"], sort=False)])
    score = ordered["probability"] * ordered["significance"]
    fig = go.Figure()
    # Cell shading by score (probability × significance): light to dark, with the number as text.
    for p in range(1, scale + 1):
        for s in range(1, scale + 1):
            level = (p * s) / (scale * scale)
            fig.add_shape(
                type="rect",
                x0=p - 0.5,
                x1=p + 0.5,
                y0=s - 0.5,
                y1=s + 0.5,
                line={"color": "white", "width": 2},
                fillcolor=f"rgba(179, 38, 30, {0.08 + 0.45 * level:.2f})",
                layer="below",
            )
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers+text",
            marker={"size": 26, "color": "white", "line": {"color": "#1c2733", "width": 2}},
            text=[str(r) for r in ordered["row"]],
            textfont={"size": 13, "color": "#1c2733"},
            customdata=list(zip(ordered["risk"], score, strict=True)),
            hovertemplate="%{text}. %{customdata[0]}<br>"
            + t("probability", lang)
            + " %{x:.0f} × "
            + t("significance", lang)
            + " %{y} = %{customdata[1]}<extra></extra>",
        )
    )
    _layout(
        fig, 360, xaxis=_matrix_axis(t("probability", lang), scale), yaxis=_matrix_axis(t("significance", lang), scale)
    )
    if risks.empty:
        summary = ""
    else:
        top = int(score.max())
        numbers = ", ".join(str(r) for r, sc in zip(ordered["row"], score, strict=True) if sc == top)
        summary = t("risk_matrix_summary", lang, n=len(risks), score=top, names=numbers)
    rows = tuple(
        (int(r), name, int(p), int(s), int(p * s))
        for r, name, p, s in zip(risks["row"], risks["risk"], risks["probability"], risks["significance"], strict=True)
    )
    return Chart(
        title=t("risk_matrix_title", lang),
        summary=summary,
        figure=fig,
        columns=(
            Column(t("row_number", lang), "count"),
            Column(t("risk", lang)),
            Column(t("probability", lang), "count"),
            Column(t("significance", lang), "count"),
            Column(t("risk_score", lang), "count"),
        ),
        rows=rows,
        lang=lang,
    )
