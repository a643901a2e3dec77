"""Exports of a view: its tables as CSV for Finnish Excel and as XLSX, with file names that say what they hold.

Compute, then render: `finance_export()` and `report_export()` turn the data and a view's state
(selection, language, the goals page's aim) into a frozen `Export` of `Table`s holding real
numbers; `to_csv()` and `to_xlsx()` turn those into bytes. Nothing here reads files or knows Dash.

CSV is what Finnish Excel opens by double-click: UTF-8 with a byte-order mark, `;` between fields,
a decimal comma and no thousands separator, one header row. XLSX keeps numbers as numbers with
formats Excel shows the reader's way (`1 234 €`, `68,2 %` in a Finnish Excel), a header block
with the data status, the source report and the filters applied, one sheet per table with its
header row frozen and marked as an Excel table (so screen readers announce column headers).
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table as ExcelTable
from openpyxl.worksheet.table import TableStyleInfo

from dashboard.charts import posts_chart
from dashboard.communications import channel_states, follower_trend
from dashboard.data import Dataset
from dashboard.figures import CHART_BUILDERS, Chart
from dashboard.finance_view import AHEAD_OF_PACE_PP, FinanceView, Selection, build_finance_view, view_division
from dashboard.i18n import format_date, line_name, org_name, period_label, t
from dashboard.numbers import NumberFormatError, parse_decimal
from dashboard.report_parser import slugify

# The report names its division but not its city, so the city is the dashboard's own constant.
CITY = "Heinola"
FINANCE_TABLES = ("statement", "kpis", "exceptions", *CHART_BUILDERS)
REPORT_TABLES = {
    "communications": ("channels", "followers", "posts", "epress"),
    "goals": ("goals",),
    "risks": ("risks",),
}
PAGE_TABLES = {"finance": FINANCE_TABLES, **REPORT_TABLES}
DOC_LANG = {"fi": "fi-FI", "en": "en-GB"}
SHEET_NAME_MAX = 31  # Excel's limit
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv"


# -- the model ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    """A column: its header and what its values are (text, eur, pct, pp, count) with shown decimals.

    `pct` and `pp` values are percent figures as the views show them (68.2 for 68,2 %).
    """

    header: str
    kind: str = "text"
    decimals: int = 0


@dataclass(frozen=True)
class Table:
    key: str  # stable: statement, kpis, exceptions, line, …
    name: str  # short name: sheet name, CSV file name part, the CSV choice's label
    title: str  # what the table shows, as its caption in the view
    columns: tuple[Column, ...]
    rows: tuple[tuple[object, ...], ...]  # str for text; float, int or None (no value) for figures


@dataclass(frozen=True)
class Export:
    lang: str
    title: str
    status: str  # "Tilanne 30.9.2024"
    source: str  # the report and its file
    filters: tuple[tuple[str, str], ...]  # (what, chosen) for every filter applied
    stem: str  # file name without extension: city, division, page, status date, selection
    tables: tuple[Table, ...]

    def table(self, key: str) -> Table:
        return next((table for table in self.tables if table.key == key), self.tables[0])


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


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
    report = dataset.report
    status = t("status", lang, date=format_date(report.status_date, lang))
    source = t(
        "source",
        lang,
        title=report.title.capitalize(),
        division_title=report.division_title,
        issued=format_date(report.issued, lang),
        file=report.source_file,
    )
    return status, source


def statement_table(view: FinanceView, lang: str) -> Table:
    """The report's own layout and signs: TP, TOT last year, TA, TOT this year, remaining, TOT-%."""
    periods = view.periods
    yy = f"{periods.current.year % 100:02d}"
    name = ", ".join(org_name(a, lang) for a in view.selection.areas) or org_name(view.division, lang)
    columns = (
        Column(t("line_item", lang)),
        Column(period_label(periods.last_full_year, lang), "eur"),
        Column(period_label(periods.prior, lang), "eur"),
        Column(t("budget_col", lang, label=period_label(periods.budget, lang)), "eur"),
        Column(period_label(periods.current, lang), "eur"),
        Column(t("remaining_col", lang), "eur"),
        Column(t("realisation_col", lang, yy=yy), "pct", 2),
        Column(t("derived_col", lang)),
    )
    rows = tuple(
        (
            line_name(r["line_item"], lang),
            _num(r["last_full_year"]),
            _num(r["prior"]),
            _num(r["budget"]),
            _num(r["current"]),
            _num(r["budget"] - r["current"]),
            _num(r["realisation_pct"]),
            t("yes" if r["derived"] else "no", lang),
        )
        for _, r in view.statement.iterrows()
    )
    return Table("statement", t("export_table_statement", lang), t("statement_caption", lang, name=name), columns, rows)


def kpi_table(view: FinanceView, lang: str) -> Table:
    """The KPI cards' figures, costs as positive figures as on the cards."""
    periods = view.periods
    columns = (
        Column(t("export_kpi", lang)),
        Column(t("line_item", lang)),
        Column(period_label(periods.current, lang), "eur"),
        Column(period_label(periods.prior, lang), "eur"),
        Column(t("change", lang) + " €", "eur"),
        Column(t("change", lang) + " %", "pct", 1),
        Column(t("realisation", lang), "pct", 1),
        Column(t("pace_short", lang) + " %", "pct", 1),
        Column(t("forecast", lang, year=periods.current.year), "eur"),
        Column(period_label(periods.budget, lang), "eur"),
        Column(t("forecast_vs_budget", lang), "eur"),
    )
    rows = tuple(
        (
            t("group_" + k.key, lang) if k.key != "net" else line_name(k.line_item, lang),
            line_name(k.line_item, lang),
            _num(k.current),
            _num(k.prior),
            _num(k.change_eur),
            _num(k.change_pct),
            _num(k.realisation_pct),
            _num(k.pace_pct),
            _num(k.forecast),
            _num(k.budget),
            _num(k.forecast_vs_budget_eur),
        )
        for k in view.kpis
    )
    return Table("kpis", t("export_table_kpis", lang), t("kpi_heading", lang), columns, rows)


def exceptions_table(view: FinanceView, lang: str) -> Table:
    reasons = {
        "ahead": "exception_ahead",
        "income_behind": "exception_income_behind",
        "no_budget": "exception_no_budget",
    }
    columns = (
        Column(t("cost_centre", lang)),
        Column(t("line_item", lang)),
        Column(t("realisation", lang), "pct", 1),
        Column(t("deviation_pp", lang), "pp", 1),
        Column(t("deviation_eur", lang), "eur"),
        Column(t("reason", lang)),
    )
    rows = tuple(
        (
            org_name(r["service_area"], lang),
            line_name(r["line_item"], lang),
            _num(r["realisation_pct"]),
            _num(r["pace_deviation_pp"]),
            _num(r["impact_eur"]),
            t(reasons[r["reason"]], lang),
        )
        for _, r in view.exceptions.iterrows()
    )
    title = (
        t("exceptions_title", lang)
        + ": "
        + t("exceptions_summary", lang, threshold=f"{AHEAD_OF_PACE_PP:g}", count=len(rows))
    )
    return Table("exceptions", t("export_table_exceptions", lang), title, columns, rows)


_UNITS = (("%-yks.", "pp"), ("pp", "pp"), ("€", "eur"), ("%", "pct"))


def parse_shown(cell: str) -> tuple[str, float | None, int] | None:
    """A figure as a view shows it (`-2 362 €`, `+6,4 %-yks.`, `68,2 %`, `–`) → (kind, value, decimals).

    None for text. Chart tables are exported as shown, so the file holds exactly the view's figures.
    """
    text = cell.strip()
    if text == "–":
        return ("none", None, 0)
    for unit, kind in _UNITS:
        if text.endswith(unit):
            number = text[: -len(unit)].strip().lstrip("+")
            try:
                value = parse_decimal(number)
            except NumberFormatError:
                return None
            decimals = len(number.partition(",")[2])
            return (kind, float(value), decimals)
    return None


def chart_table(key: str, chart: Chart, lang: str) -> Table:
    """A chart's table alternative with its figures as numbers (rounded as the view shows them)."""
    parsed = [[parse_shown(cell) for cell in row] for row in chart.rows]
    columns = []
    for i, header in enumerate(chart.columns):
        found = {(p[0], p[2]) for row in parsed if (p := row[i]) is not None and p[0] != "none"}
        kinds = {kind for kind, _ in found}
        if i > 0 and len(kinds) == 1 and all(row[i] is not None for row in parsed):
            columns.append(Column(header, kinds.pop(), max(d for _, d in found)))
        else:
            columns.append(Column(header))
    rows = tuple(
        tuple(
            (p[1] if (p := parsed_row[i]) is not None else None) if col.kind != "text" else cell
            for i, (col, cell) in enumerate(zip(columns, row, strict=True))
        )
        for parsed_row, row in zip(parsed, chart.rows, strict=True)
    )
    return Table(key, t("export_table_" + key, lang), chart.title, tuple(columns), rows)


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
    charts = tuple(chart_table(key, build(view, lang), lang) for key, build in CHART_BUILDERS.items())
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
def _yes_no(value: object, lang: str) -> str:
    return t("yes" if bool(value) else "no", lang)


def communications_tables(dataset: Dataset, lang: str) -> tuple[Table, ...]:
    social = dataset.social_media
    states = channel_states(social)
    channels = Table(
        "channels",
        t("export_table_channels", lang),
        t("channels_now", lang),
        (
            Column(t("channel", lang)),
            Column(t("followers", lang), "count"),
            Column(t("observation", lang)),
            Column(t("change", lang), "count"),
            Column(t("export_change_period", lang)),
            Column(t("posts_per_month", lang), "count"),
            Column(t("note", lang)),
        ),
        tuple(
            (s.channel, s.followers, s.as_of, s.change, s.change_label, s.posts_per_month, s.posts_note) for s in states
        ),
    )
    trend = follower_trend(social)
    followers = Table(
        "followers",
        t("export_table_followers", lang),
        t("channel_trends", lang),
        (
            Column(t("channel", lang)),
            Column(t("observation", lang)),
            Column(t("followers", lang), "count"),
            Column(t("derived_col", lang)),
            Column(t("note", lang)),
        ),
        tuple((r.channel, r.label, _num(r.value), _yes_no(r.derived, lang), r.note) for r in trend.itertuples()),
    )
    posts = chart_table("posts", posts_chart(states, lang), lang)
    epress_rows = social[social["channel"] == "ePress"]
    epress = Table(
        "epress",
        t("export_table_epress", lang),
        t("epress_title", lang),
        (
            Column(t("export_metric", lang)),
            Column(t("value", lang), "count"),
            Column(t("observation", lang)),
            Column(t("note", lang)),
        ),
        tuple(
            (t("export_metric_" + r.metric, lang), _num(r.value), r.period_label, r.note)
            for r in epress_rows.itertuples()
        ),
    )
    return (channels, followers, posts, epress)


def goals_table(dataset: Dataset, aim: str | None, lang: str) -> Table:
    from dashboard.report_pages import goals_for_aim  # the page's own filter; imported late (it imports us)

    goals = goals_for_aim(dataset.goals, aim)
    columns = (
        Column(t("export_goal_table", lang)),
        Column("#", "count"),
        Column(t("aim_filter", lang)),
        Column(t("focus_areas", lang)),
        Column(t("goal", lang)),
        Column(t("measures", lang)),
        Column(t("responsible", lang)),
        Column(t("goal_realisation", lang)),
        Column(t("goal_status", lang)),
        Column(t("export_partial", lang)),
    )
    rows = tuple(
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
        for r in goals.itertuples()
    )
    return Table("goals", t("export_table_goals", lang), t("goals_title", lang), columns, rows)


def risks_table(dataset: Dataset, lang: str) -> Table:
    columns = (
        Column("#", "count"),
        Column(t("export_risk_class", lang)),
        Column(t("risk", lang)),
        Column(t("probability", lang), "count"),
        Column(t("significance", lang), "count"),
        Column(t("risk_score", lang), "count"),
        Column(t("control", lang)),
        Column(t("control_realisation", lang)),
    )
    rows = tuple(
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
    return Table("risks", t("export_table_risks", lang), t("risk_register", lang), columns, rows)


def report_export(dataset: Dataset, page: str, lang: str, params: Mapping[str, str] | None = None) -> Export:
    """A report page's tables (communications, goals or risks) as the page shows them for its link."""
    from dashboard.report_pages import read_aim

    params = dict(params or {})
    status, source = _header_block(dataset, lang)
    filters: tuple[tuple[str, str], ...] = ()
    parts: list[str] = []
    if page == "communications":
        tables = communications_tables(dataset, lang)
    elif page == "goals":
        aim = read_aim(dataset.goals, params, [])
        filters = ((t("aim_filter", lang), aim or t("all_aims", lang)),)
        parts = [aim] if aim else []
        tables = (goals_table(dataset, aim, lang),)
    elif page == "risks":
        tables = (risks_table(dataset, lang),)
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


# -- CSV --------------------------------------------------------------------------------------------------
def csv_value(value: object, column: Column) -> str:
    """`-1234,5`: a decimal comma, no thousands separator, so Finnish Excel reads a number."""
    if column.kind == "text":
        return "" if _missing(value) else str(value)
    if _missing(value):
        return ""
    rounded = round(float(value), column.decimals)
    text = f"{rounded + 0.0:.{column.decimals}f}"  # + 0.0: no "-0"
    return text.replace(".", ",")


def to_csv(table: Table) -> bytes:
    """One table: UTF-8 with BOM, `;`-separated, CRLF lines, the header row first."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([c.header for c in table.columns])
    for row in table.rows:
        writer.writerow([csv_value(v, c) for v, c in zip(row, table.columns, strict=True)])
    return out.getvalue().encode("utf-8-sig")


# -- XLSX -------------------------------------------------------------------------------------------------
def number_format(column: Column, lang: str) -> str:
    """Excel format codes are written in Excel's neutral notation; Excel shows them in the reader's locale."""
    decimals = "." + "0" * column.decimals if column.decimals else ""
    if column.kind == "eur":
        return f'#,##0{decimals}\\ "€"'
    if column.kind == "pct":  # the cell holds a fraction: 0.682 shows as 68,2 %
        return f"0{decimals}\\ %"
    if column.kind == "pp":
        unit = t("pp", lang)
        return f'+0{decimals}\\ "{unit}";-0{decimals}\\ "{unit}";0{decimals}\\ "{unit}"'
    if column.kind == "count":
        return "#,##0" if not column.decimals else f"#,##0{decimals}"
    return "@"


def xlsx_value(value: object, column: Column) -> object:
    if column.kind == "text":
        return "" if _missing(value) else str(value)
    if _missing(value):
        return None
    return float(value) / 100 if column.kind == "pct" else float(value)


def sheet_names(tables: Sequence[Table]) -> list[str]:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique regardless of case."""
    names: list[str] = []
    for table in tables:
        base = _SHEET_FORBIDDEN.sub(" ", table.name).strip()[:SHEET_NAME_MAX] or "Taulukko"
        name, n = base, 2
        while name.lower() in (existing.lower() for existing in names):
            suffix = f" {n}"
            name, n = base[: SHEET_NAME_MAX - len(suffix)] + suffix, n + 1
        names.append(name)
    return names


def _unique_headers(columns: Sequence[Column]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for column in columns:
        header = column.header or "–"
        seen[header] = seen.get(header, 0) + 1
        out.append(header if seen[header] == 1 else f"{header} ({seen[header]})")
    return out


def header_lines(export: Export, table: Table) -> list[str]:
    """The lines above every sheet's table: what, when, from where, and with which filters."""
    lines = [export.title, export.status, export.source]
    lines += [f"{what}: {chosen}" for what, chosen in export.filters]
    return [*lines, "", table.title]


def to_xlsx(export: Export) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    props = wb.properties
    props.title = export.title
    props.subject = "; ".join(f"{what}: {chosen}" for what, chosen in export.filters) or export.title
    props.description = f"{export.status}. {export.source}"
    props.creator = f"{CITY}: {t('app_title', export.lang)}"
    props.language = DOC_LANG.get(export.lang, "fi-FI")
    props.keywords = export.stem
    for n, (table, name) in enumerate(zip(export.tables, sheet_names(export.tables), strict=True), start=1):
        ws = wb.create_sheet(name)
        lines = header_lines(export, table)
        for i, line in enumerate(lines, start=1):
            ws.cell(row=i, column=1, value=line)
        ws.cell(row=1, column=1).font = Font(bold=True, size=14)
        ws.cell(row=2, column=1).font = Font(bold=True)
        ws.cell(row=len(lines), column=1).font = Font(bold=True, size=12)
        head = len(lines) + 1
        headers = _unique_headers(table.columns)
        for j, header in enumerate(headers, start=1):
            cell = ws.cell(row=head, column=j, value=header)
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for i, row in enumerate(table.rows, start=head + 1):
            for j, (value, column) in enumerate(zip(row, table.columns, strict=True), start=1):
                cell = ws.cell(row=i, column=j, value=xlsx_value(value, column))
                if column.kind != "text":
                    cell.number_format = number_format(column, export.lang)
                elif len(str(value or "")) > 60:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        last = get_column_letter(len(table.columns))
        if table.rows:  # an Excel table marks the header row as headers for assistive technology
            ref = f"A{head}:{last}{head + len(table.rows)}"
            excel_table = ExcelTable(displayName=f"Taulukko{n}_{slugify(table.key).replace('-', '_')}", ref=ref)
            excel_table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
            ws.add_table(excel_table)
        else:
            ws.cell(row=head + 1, column=1, value=t("export_no_rows", export.lang))
        ws.freeze_panes = f"A{head + 1}"
        ws.print_title_rows = f"{head}:{head}"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        for j, (header, column) in enumerate(zip(headers, table.columns, strict=True), start=1):
            texts = [header] + [str(row[j - 1]) for row in table.rows if column.kind == "text"]
            width = max((len(x) for x in texts), default=10) + 2
            ws.column_dimensions[get_column_letter(j)].width = min(max(width, 12 if column.kind != "text" else 10), 60)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
