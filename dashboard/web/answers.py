"""Each report page's answer: one sentence written from the data, first in the page's main content.

`goals_answer`, `risks_answer` and `communications_answer` count and name what the page shows;
where the library holds the division's previous report, the goals' and risks' sentences also
count the goals whose status changed and the risks whose score rose since it. The report's own
Finnish names (aims, risks) stay Finnish in an English sentence and are marked `lang="fi"`. A
sentence is a list of strings and `html.Span`s, read as one sentence.
"""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.analysis.communications import channel_states, follower_trend
from dashboard.analysis.goals import goals_for_aim
from dashboard.presentation.formatting import format_number
from dashboard.presentation.report_figures import signed_count
from dashboard.presentation.texts import TEXTS, t
from dashboard.store.names import slugify

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


def goals_answer(
    goals: pd.DataFrame, aim: str | None, lang: str, changes: pd.DataFrame | None = None, since: str = ""
) -> Sentence:
    """ "7 / 8 tavoitetta toteutuu, 1 ilman tilamerkintää.": the goals shown, counted by status; with
    `changes` (`report_changes.goal_changes` against the report of `since`), how many of them changed."""
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
    if changes is not None:
        changed = int(goals_for_aim(changes, aim)["changed"].sum())
        key = "answer_goals_changed" if changed else "answer_goals_unchanged"
        parts.append("; " + t(key, lang, n=changed, date=since))
    parts.append(".")
    return _joined(parts)


def risks_answer(risks: pd.DataFrame, lang: str, changes: pd.DataFrame | None = None, since: str = "") -> Sentence:
    """ "6 riskiä; suurin todennäköisyys × merkittävyys 4 (riskit 4: …; 5: …; 6: …).", from the register.

    The report prints no scale, so no risk is called significant: the sentence names the highest
    score and the risks that have it (by number only when more than three share it). With
    `changes` (`report_changes.risk_changes` against the report of `since`): how many rose.
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
    if changes is not None:
        rose = int(changes["rose"].sum())
        parts.append("; " + t("answer_risks_rose" if rose else "answer_risks_none_rose", lang, n=rose, date=since))
    parts.append(".")
    return _joined(parts)


def _latest_change(trend: pd.DataFrame, channel: str) -> float | None:
    """The change into a channel's latest level from the level before it (printed or derived)."""
    values = trend[trend["channel"] == channel]["value"].tolist()
    return float(values[-1] - values[-2]) if len(values) >= 2 else None


def communications_answer(social: pd.DataFrame, lang: str, trend: pd.DataFrame | None = None) -> Sentence:
    """ "Seuraajia 30.9.2024: Facebook 4 583 (+16), …, LinkedIn 894; ePress 39 tiedotetta 01-09/2024."

    The channels with a printed level, grouped by the level's date; the change is that into the
    latest level, as the channel's trend chart draws it (`trend`: the page's, over the division's
    reports; default `social`'s own). A channel with a change only (X) is left to its card: a
    change is not a level.
    """
    trend = follower_trend(social) if trend is None else trend
    groups: dict[str, list[str]] = {}
    for state in channel_states(social, trend=trend):
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
