"""Figure builders for the report pages: follower trends, posting rates and the risk matrix.

Pure: computed frames in, a `Chart` (figure, title, one-sentence summary, table rows) out. A
channel with one observation gets a marker and a note, never a line; a derived point is drawn
hollow and named as derived, so a reader can tell what the report printed from what it implies.
A channel with changes only (X) is drawn as its cumulative change since the start the reports
name, never as a level. A risk whose score rose since the previous report carries a ▲.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from babel.dates import get_month_names

from dashboard.analysis.communications import ChannelState
from dashboard.presentation.chart import COLORS, FONT, SEPARATORS, TEMPLATE, Chart
from dashboard.presentation.formatting import LOCALES, format_number, format_signed_number
from dashboard.presentation.tables import Column
from dashboard.presentation.texts import t

CHANNEL_COLORS = {"Facebook": "#1f5fa8", "Instagram": "#9c2f6b", "LinkedIn": "#0b6b5d", "X": "#333333"}
# A period's start as the report words it, "maaliskuusta 2024": the month in the elative ("from March").
_MONTHS_FROM = (
    "tammikuusta", "helmikuusta", "maaliskuusta", "huhtikuusta", "toukokuusta", "kesäkuusta",
    "heinäkuusta", "elokuusta", "syyskuusta", "lokakuusta", "marraskuusta", "joulukuusta",
)  # fmt: skip


# The report pages' look: the shared template, with the axes as plotly.py's default template draws
# them on a white plot (lines and grid white, so none shows unless a chart sets its own colour).
_REPORT_AXIS = {"automargin": True, "gridcolor": "white", "linecolor": "white", "zerolinecolor": "white"}
REPORT_TEMPLATE = {
    "layout": {
        **TEMPLATE["layout"],
        "colorway": list(pio.templates["plotly"].layout.colorway),
        "xaxis": {**TEMPLATE["layout"]["xaxis"], **_REPORT_AXIS},
        "yaxis": {**TEMPLATE["layout"]["yaxis"], **_REPORT_AXIS},
    }
}


def _layout(fig: go.Figure, height: int, **axes) -> go.Figure:
    # Assigned, not updated: `update_layout(template=…)` merges into plotly.py's whole default
    # template, 7 kB a figure that plotly.js applies on every draw (half of a first draw's time).
    fig.layout.template = REPORT_TEMPLATE
    fig.update_layout(
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
    columns = (Column(t("observation", lang)), Column(t("followers", lang), "count"), Column(t("derived_col", lang)))
    differs = rows["differs"] if "differs" in rows.columns else pd.Series(float("nan"), index=rows.index)
    if differs.notna().any():  # a printed level the next report's change does not add up to: say so
        notes = ["" if pd.isna(v) else t("differs_note", lang, value=format_number(v)) for v in differs]
        table = tuple((*row, note) for row, note in zip(table, notes, strict=True))
        columns = (*columns, Column(t("note", lang)))
        summary += " " + t("differs_summary", lang, n=int(differs.notna().sum()))
    return Chart(
        title=t("followers_of", lang, channel=channel),
        summary=summary,
        figure=fig,
        columns=columns,
        rows=table,
        lang=lang,
    )


def start_words(start: str, lang: str) -> str:
    """A period's start for a sentence in `lang`: "maaliskuusta 2024" as printed, or "March 2024"
    (an English reader gets the printed words quoted where they name no month)."""
    if lang == "fi":
        return start
    month, _, year = start.partition(" ")
    if month.casefold() in _MONTHS_FROM and year.isdigit():
        return f"{get_month_names('wide', locale=LOCALES[lang])[_MONTHS_FROM.index(month.casefold()) + 1]} {year}"
    return f"“{start}”"


def change_chart(series: pd.DataFrame, channel: str, lang: str) -> Chart:
    """A channel's cumulative change since the start its reports name (rows of `communications.change_series`)."""
    color = CHANNEL_COLORS.get(channel, COLORS["current"])
    start = start_words(str(series.iloc[-1]["start"]), lang)
    values = series["value"].tolist()
    fig = go.Figure(
        go.Scatter(
            x=series["label"].tolist(),
            y=values,
            mode="lines+markers+text",
            line={"color": color, "width": 3},
            marker={"size": 12, "color": color},
            text=[signed_count(v) for v in values],
            textposition="top center",
            hovertemplate="%{x}: %{text}<extra></extra>",
            name=channel,
        )
    )
    span = max(values) - min(values)
    pad = max(span * 0.6, max(abs(v) for v in values) * 0.1, 1)
    _layout(
        fig,
        220,
        xaxis={"type": "category", "tickfont": {"size": 12}},
        yaxis={
            "title": {"text": t("change_axis", lang)},
            "tickformat": ",.0f",
            "range": [min(min(values), 0) - pad, max(values) + pad],
            "gridcolor": "#e6e9ee",
            "zeroline": True,
            "zerolinecolor": "#9aa5b1",
        },
    )
    first, last = series.iloc[0], series.iloc[-1]
    summary = t(
        "change_series_summary",
        lang,
        channel=channel,
        first=signed_count(first["value"]),
        last=signed_count(last["value"]),
        first_label=first["label"],
        last_label=last["label"],
        start=start,
    )
    return Chart(
        title=t("change_series_of", lang, channel=channel, start=start),
        summary=summary,
        figure=fig,
        columns=(
            Column(t("observation", lang)),
            Column(t("change_since", lang, start=start), "count", signed=True),
            Column(t("period_col", lang)),
        ),
        rows=tuple(
            (label, float(v), period)
            for label, v, period in zip(series["label"], series["value"], series["period_label"], strict=True)
        ),
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


# -- what changed since the previous report ---------------------------------------------------------
GOAL_CHANGED_ICON = "↻"
RISK_ICONS = {"rose": "▲", "fell": "▼"}


def goal_change_mark(previous_status: str, since: str, lang: str) -> tuple[str, str]:
    """(icon, text) of a goal whose status changed: "Muuttunut: aiemmin Osittain (30.6.2024)"."""
    before = previous_status.strip() or t("no_status_before", lang)
    return GOAL_CHANGED_ICON, t("goal_changed", lang, previous=before, date=since)


def risk_change_mark(row: pd.Series, since: str, lang: str) -> tuple[str, str]:
    """(icon, text) of a risk whose score moved (a row of `report_changes.risk_changes`), ("", "") otherwise:
    "▲", "Noussut: aiemmin 1 × 2 = 2 (30.6.2024)"."""
    moved = "rose" if row.get("rose", False) else "fell" if row.get("fell", False) else None
    if moved is None:
        return "", ""
    text = t(
        f"risk_{moved}",
        lang,
        probability=int(row["previous_probability"]),
        significance=int(row["previous_significance"]),
        score=int(row["previous_score"]),
        date=since,
    )
    return RISK_ICONS[moved], text


def risk_matrix_chart(risks: pd.DataFrame, lang: str, since: str = "") -> Chart:
    """Each risk as a numbered marker in its probability × significance cell (spread within the cell).

    `risks` may carry the changes since the previous report (`report_changes.risk_changes`, of the
    report of `since`): a risen risk's marker is outlined red and numbered with a ▲."""
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
    # A risk whose score rose since the previous report (`report_changes.risk_changes`) carries a ▲.
    rose = ordered["rose"] if "rose" in ordered.columns else pd.Series(False, index=ordered.index)
    marks = [
        "<br>" + " ".join(mark) if (mark := risk_change_mark(row, since, lang))[0] else ""
        for _, row in ordered.iterrows()
    ]
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
            marker={
                "size": [30 if up else 26 for up in rose],
                "color": "white",
                "line": {
                    "color": ["#b3261e" if up else "#1c2733" for up in rose],
                    "width": [3 if up else 2 for up in rose],
                },
            },
            text=[f"{r}{RISK_ICONS['rose']}" if up else str(r) for r, up in zip(ordered["row"], rose, strict=True)],
            textfont={"size": 13, "color": "#1c2733"},
            customdata=list(zip(ordered["risk"], score, marks, strict=True)),
            hovertemplate="%{text}. %{customdata[0]}<br>"
            + t("probability", lang)
            + " %{x:.0f} × "
            + t("significance", lang)
            + " %{y} = %{customdata[1]}%{customdata[2]}<extra></extra>",
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
