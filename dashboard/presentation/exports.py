"""Exports of a view: its tables as CSV for Finnish Excel and as XLSX, with file names that say what they hold.

Compute, then render: `finance_export()` and `report_export()` turn the data and a view's state
(selection, language, the goals page's aim) into a frozen `Export` of `Table`s holding real
numbers, which `dashboard.presentation.export_files` writes as CSV and XLSX. Nothing here reads files or knows Dash.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from dashboard.analysis.communications import channel_states, follower_trend, social_history
from dashboard.analysis.finance_view import Selection, build_finance_view, view_division
from dashboard.analysis.goals import goals_for_aim
from dashboard.analysis.report_changes import goal_changes, previous_dataset, risk_changes
from dashboard.presentation.export_files import CITY, Export
from dashboard.presentation.figures import CHART_BUILDERS
from dashboard.presentation.report_figures import goal_change_mark, posts_chart, risk_change_mark
from dashboard.presentation.tables import Column, Table
from dashboard.presentation.tables import missing as _missing
from dashboard.presentation.texts import format_date, org_name, report_stamp, t
from dashboard.presentation.view_tables import chart_table, exceptions_table, kpi_table, statement_table
from dashboard.store.dataset import Dataset
from dashboard.store.library import Library
from dashboard.store.names import slugify

FINANCE_TABLES = ("statement", "kpis", "exceptions", *CHART_BUILDERS)
REPORT_TABLES = {
    "communications": ("channels", "followers", "posts", "epress"),
    "goals": ("goals",),
    "risks": ("risks",),
}
PAGE_TABLES = {"finance": FINANCE_TABLES, **REPORT_TABLES}


def _num(value: object) -> float | None:
    return None if _missing(value) else float(value)


# -- file names ------------------------------------------------------------------------------------------
def file_stem(dataset: Dataset, page: str, lang: str, parts: Sequence[str] = (), division: str = "") -> str:
    """`heinola-yhteiset-palvelut-talous-2024-09-30-talouspalvelut`: city, division, page, date, selection."""
    report = dataset.report
    words = [CITY, division or report.division, t("nav_" + page, lang), report.status_date.isoformat(), *parts]
    return "-".join(slug for slug in (slugify(w) for w in words) if slug)


def selection_parts(dataset: Dataset, selection: Selection, lang: str) -> list[str]:
    if not selection.areas:
        return [t("export_whole_division", lang)]
    if len(selection.areas) > 3:  # keep the name short enough to read; the sheet's header lists them all
        return [t("export_n_areas", lang, n=len(selection.areas))]
    return list(selection.areas)


def csv_file_name(export: Export, table: Table) -> str:
    return f"{export.stem}-{slugify(table.name)}.csv"


def xlsx_file_name(export: Export) -> str:
    return f"{export.stem}.xlsx"


def image_name_prefix(export: Export) -> str:
    """What chart images are named after; the browser adds the chart's title (see assets/chart-image-names.js)."""
    return export.stem


# -- the finance page ---------------------------------------------------------------------------------
def _header_block(dataset: Dataset, lang: str) -> tuple[str, str]:
    return report_stamp(dataset.report, lang)


def finance_filters(dataset: Dataset, selection: Selection, lang: str) -> tuple[tuple[str, str], ...]:
    areas = (
        ", ".join(org_name(a, lang) for a in selection.areas)
        if selection.areas
        else t("whole_division", lang, division=org_name(view_division(dataset, selection), lang))
    )
    return (
        (t("area_filter", lang), areas),
        (t("group_control", lang), t("group_" + selection.group, lang)),
        (t("measure_control", lang), t("measure_" + selection.measure, lang)),
        (t("bridge_control", lang), t("bridge_" + selection.bridge_by, lang)),
    )


def finance_scope(dataset: Dataset, selection: Selection, lang: str) -> tuple[str, str]:
    """What the finance page's files carry: the filters as a line, and the file-name stem."""
    stem = file_stem(dataset, "finance", lang, selection_parts(dataset, selection, lang), selection.division)
    return "; ".join(f"{what}: {chosen}" for what, chosen in finance_filters(dataset, selection, lang)), stem


def finance_export(dataset: Dataset, selection: Selection, lang: str) -> Export:
    """The finance page's tables for a selection: statement, KPIs, exceptions and each chart's table."""
    view = build_finance_view(dataset, selection)
    status, source = _header_block(dataset, lang)
    charts = tuple(chart_table(key, build(view, lang)) for key, build in CHART_BUILDERS.items())
    return Export(
        lang=lang,
        title=f"{t('app_title', lang)}: {org_name(view_division(dataset, selection), lang)}",
        status=status,
        source=source,
        filters=finance_filters(dataset, selection, lang),
        stem=file_stem(dataset, "finance", lang, selection_parts(dataset, selection, lang), selection.division),
        tables=(statement_table(view, lang), kpi_table(view, lang), exceptions_table(view, lang), *charts),
    )


# -- the report pages -----------------------------------------------------------------------------------
# Each report table's columns: the text key of its header, and what its values are.
CHANNEL_COLUMNS = {
    "channel": "text",
    "followers": "count",
    "observation": "text",
    "change": "count",
    "export_change_period": "text",
    "posts_per_month": "count",
    "note": "text",
}
FOLLOWER_COLUMNS = {
    "channel": "text",
    "observation": "text",
    "followers": "count",
    "derived_col": "text",
    "note": "text",
}
EPRESS_COLUMNS = {"export_metric": "text", "value": "count", "observation": "text", "note": "text"}
GOAL_COLUMNS = {
    "export_goal_table": "text",
    "row_number": "count",
    "aim_filter": "text",
    "focus_areas": "text",
    "goal": "text",
    "measures": "text",
    "responsible": "text",
    "goal_realisation": "text",
    "goal_status": "text",
    "export_partial": "text",
}
RISK_COLUMNS = {
    "row_number": "count",
    "export_risk_class": "text",
    "risk": "text",
    "probability": "count",
    "significance": "count",
    "risk_score": "count",
    "control": "text",
    "control_realisation": "text",
}


def _yes_no(value: object, lang: str) -> str:
    return t("yes" if bool(value) else "no", lang)


def _report_table(key: str, title_key: str, columns: dict[str, str], rows, lang: str) -> Table:
    """A report page's table, named `export_table_<key>` and titled `title_key`, its headers in `lang`."""
    return Table(
        key,
        t("export_table_" + key, lang),
        t(title_key, lang),
        tuple(Column(t(header, lang), kind) for header, kind in columns.items()),
        tuple(rows),
    )


def communications_tables(dataset: Dataset, lang: str, library: Library | None = None) -> tuple[Table, ...]:
    """The communications page's tables; its trends over `library`'s reports of the division up to
    the report shown, as the page draws them."""
    social = dataset.social_media
    history, reports = social_history(library, dataset.report) if library is not None else (social, ())
    trend = follower_trend(history, reports)
    states = channel_states(social, trend=trend)
    channels = _report_table(
        "channels",
        "channels_now",
        CHANNEL_COLUMNS,
        ((s.channel, s.followers, s.as_of, s.change, s.change_label, s.posts_per_month, s.posts_note) for s in states),
        lang,
    )
    followers = _report_table(
        "followers",
        "channel_trends",
        FOLLOWER_COLUMNS,
        ((r.channel, r.label, _num(r.value), _yes_no(r.derived, lang), r.note) for r in trend.itertuples()),
        lang,
    )
    posts = chart_table("posts", posts_chart(states, lang))
    epress = _report_table(
        "epress",
        "epress_title",
        EPRESS_COLUMNS,
        (
            (t("export_metric_" + r.metric, lang), _num(r.value), r.period_label, r.note)
            for r in social[social["channel"] == "ePress"].itertuples()
        ),
        lang,
    )
    return (channels, followers, posts, epress)


def goals_table(dataset: Dataset, aim: str | None, lang: str) -> Table:
    rows = (
        (
            r.table_title,
            int(r.row),
            r.strategic_aim,
            r.focus_areas,
            r.goal,
            r.measures,
            r.responsible,
            r.realisation,
            r.status,
            _yes_no(r.partial, lang),
        )
        for r in goals_for_aim(dataset.goals, aim).itertuples()
    )
    return _report_table("goals", "goals_title", GOAL_COLUMNS, rows, lang)


def risks_table(dataset: Dataset, lang: str) -> Table:
    rows = (
        (
            int(r.row),
            r.risk_class,
            r.risk,
            int(r.probability),
            int(r.significance),
            int(r.probability) * int(r.significance),
            r.control,
            r.control_realisation,
        )
        for r in dataset.risks.itertuples()
    )
    return _report_table("risks", "risk_register", RISK_COLUMNS, rows, lang)


def _with_changes(table: Table, marks: list[str], lang: str) -> Table:
    """`table` with a last column saying, row by row, what changed since the previous report."""
    return dataclasses.replace(
        table,
        columns=(*table.columns, Column(t("risk_change_col", lang))),
        rows=tuple((*row, mark) for row, mark in zip(table.rows, marks, strict=True)),
    )


def report_export(
    dataset: Dataset, page: str, lang: str, aim: str | None = None, library: Library | None = None
) -> Export:
    """A report page's tables (communications, goals or risks) as the page shows them; `aim` is the
    goals page's filter; with `library`, the trends across the division's reports and what changed
    since its previous report, as the page shows them."""
    status, source = _header_block(dataset, lang)
    filters: tuple[tuple[str, str], ...] = ()
    parts: list[str] = []
    previous = previous_dataset(library, dataset.report) if library is not None else None
    since = format_date(previous.report.status_date, lang) if previous is not None else ""
    if page == "communications":
        tables = communications_tables(dataset, lang, library)
    elif page == "goals":
        filters = ((t("aim_filter", lang), aim or t("all_aims", lang)),)
        parts = [aim] if aim else []
        table = goals_table(dataset, aim, lang)
        if previous is not None:
            changes = goals_for_aim(goal_changes(dataset.goals, previous.goals), aim)
            marks = [
                goal_change_mark(row.previous_status or "", since, lang)[1] if row.changed else ""
                for row in changes.itertuples()
            ]
            table = _with_changes(table, marks, lang)
        tables = (table,)
    elif page == "risks":
        table = risks_table(dataset, lang)
        if previous is not None:
            changes = risk_changes(dataset.risks, previous.risks)
            table = _with_changes(table, [risk_change_mark(row, since, lang)[1] for _, row in changes.iterrows()], lang)
        tables = (table,)
    else:
        raise ValueError(f"no export for page {page!r}")
    return Export(
        lang=lang,
        title=f"{t(page + '_title', lang)}: {org_name(dataset.report.division, lang)}",
        status=status,
        source=source,
        filters=filters,
        stem=file_stem(dataset, page, lang, parts),
        tables=tables,
    )
