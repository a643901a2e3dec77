"""Where the report's text becomes rows: `parse_report` reads a realisation report's text into tidy frames.

The report ("Käyttösuunnitelman toteutuminen") opens with its date, title and division, then
alternates prose and tables. This module walks it line by line and hands each part to the module
that knows it: tables of figures to `statement_tables`, goal and risk tables to `goals_and_risks`,
prose to `commentary`, and the communications figures in the goals to `social_media`. The frames
it returns have the columns of the store's schemas (`dashboard.store.schemas`), one per data file.

Parsing is pure: text in, `ParsedReport` out, or a `ReportFormatError` that names the line and the
offending text. Nothing here reads or writes files.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from dashboard.intake.commentary import Prose
from dashboard.intake.goals_and_risks import (
    HEADERLESS_GOAL_COLUMNS,
    goal_fields,
    is_goal_header,
    is_risk_header,
    read_goal_table,
    read_risk_table,
)
from dashboard.intake.report_text import ReportCursor, is_paragraph, is_upper_heading, split_cells
from dashboard.intake.social_media import extract_social_media
from dashboard.intake.statement_tables import (
    finance_rows,
    is_statement_header,
    parse_column_header,
    read_statement_table,
    summary_rows,
)
from dashboard.store.names import report_id
from dashboard.store.periods import ACTUAL, Period
from dashboard.store.schemas import GOALS_TOPIC, column_names

FINNISH_MONTHS = {
    name: i
    for i, name in enumerate(
        [
            "tammikuuta",
            "helmikuuta",
            "maaliskuuta",
            "huhtikuuta",
            "toukokuuta",
            "kesäkuuta",
            "heinäkuuta",
            "elokuuta",
            "syyskuuta",
            "lokakuuta",
            "marraskuuta",
            "joulukuuta",
        ],
        start=1,
    )
}


@dataclass
class ParsedReport:
    """Everything the report holds, as tidy frames ready to be written."""

    report: pd.DataFrame
    finance: pd.DataFrame
    printed_derived: pd.DataFrame
    summary: pd.DataFrame
    commentary: pd.DataFrame
    service_areas: pd.DataFrame
    social_media: pd.DataFrame
    goals: pd.DataFrame
    risks: pd.DataFrame

    @property
    def report_id(self) -> str:
        return str(self.report["report"].iloc[0])

    def frames(self) -> dict[str, pd.DataFrame]:
        """Each frame by the data file it is written to (`finance.csv`, …), every row naming the
        report it came from (`report`, the first column)."""
        out = {}
        for name, frame in vars(self).items():
            if name != "report":
                frame = frame.copy()
                frame.insert(0, "report", self.report_id)
            out[f"{name}.csv"] = frame
        return out


def row_columns(file: str) -> list[str]:
    """A data file's columns but the report each row came from, which `ParsedReport.frames` adds."""
    return [name for name in column_names(file) if name != "report"]


def _frame(file: str, rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=row_columns(file))


class _Parser:
    def __init__(self, text: str, source: str):
        self.cursor = ReportCursor(text, source)
        self.meta: dict[str, str] = {}
        self.division = ""
        self.division_title = ""
        self.finance: list[dict] = []
        self.printed_derived: list[dict] = []
        self.summary: list[dict] = []
        self.prose = Prose()
        self.goals: list[dict] = []
        self.risks: list[dict] = []
        self.tables_seen: dict[str, int] = {}
        self.mode = "statements"  # the section being read: statements, descriptions or goals
        self.section_heading = ""
        self.description_heading: str | None = None
        self.goal_status_day: tuple[int, int] | None = None

    def parse(self) -> ParsedReport:
        cursor = self.cursor
        if not any(line.strip() for line in cursor.lines):
            raise cursor.error(None, "the report is empty")
        self.preamble()
        while (item := cursor.next_nonblank()) is not None:
            lineno, line = item
            if "\t" in line:
                self.table(lineno, split_cells(line))
            else:
                self.text(lineno, line.strip())
        if not self.finance:
            raise cursor.error(None, "no income-statement table found (a header row such as 'TP 2023 ⇥ TOT 2023 9 kk')")
        self.prose.flush_pending(self.division)
        return self.result()

    def preamble(self) -> None:
        cursor = self.cursor
        lineno, line = cursor.next_nonblank()  # type: ignore[misc]
        m = re.fullmatch(r"(\d{1,2})\.\s*(\w+)\s+(\d{4})", line.strip())
        if not m or m[2].lower() not in FINNISH_MONTHS:
            raise cursor.error(lineno, "expected the report's date first (e.g. '31. LOKAKUUTA 2024')", line)
        try:
            issued = dt.date(int(m[3]), FINNISH_MONTHS[m[2].lower()], int(m[1]))
        except ValueError:
            raise cursor.error(lineno, "the report's date is not a real date", line) from None
        self.meta["issued"] = issued.isoformat()
        title_parts: list[str] = []
        division_heading = ""
        while (item := cursor.next_nonblank()) is not None:
            lineno, line = item
            text = line.strip()
            if not is_upper_heading(text):
                break
            if re.search(r"-TOIMIALA$", text):
                division_heading = text
            else:
                title_parts.append(text)
        else:
            raise cursor.error(None, "the report ends before its division is named")
        if not title_parts or "\t" in line:
            raise cursor.error(lineno, "expected the report's title and division before this line", line)
        self.division_title = text
        self.division = text.split(" / ")[0].strip()
        self.meta["title"] = " ".join(title_parts)
        self.meta["division_heading"] = division_heading

    def text(self, lineno: int, text: str) -> None:
        if m := re.fullmatch(r"Vastuuhenkilö:\s*(.+)", text):
            self.meta["goals_responsible"] = m[1].strip()
            return
        if is_upper_heading(text):
            self.prose.flush_pending(self.division)
            self.section_heading = text
            self.description_heading = None
            if text.startswith("KUVAUS"):
                self.mode = "descriptions"
            elif "TAVOITTEET" in text:
                self.mode = "goals"
            else:
                self.mode = "statements"
            return
        if not is_paragraph(text):  # a sub-heading
            self.prose.flush_pending(self.division)
            if self.mode == "descriptions":
                self.description_heading = text
            return
        if self.mode == "descriptions":
            heading = self.description_heading or self.division_title
            self.prose.descriptions.append({"heading": heading, "text": text})
        elif self.mode == "goals":
            self.prose.add(self.division, "", GOALS_TOPIC, [text])
        else:
            self.prose.pending.append(text)

    def table(self, lineno: int, cells: list[str]) -> None:
        specs = [parse_column_header(c) for c in cells[1:]]
        if is_statement_header(cells):
            self.statement_table(lineno, cells)
        elif is_goal_header(cells):
            fields, day = goal_fields(self.cursor, lineno, cells)
            if day:
                self.goal_status_day = day
            self.goal_table(lineno, fields, cells, self.section_heading if self.mode == "goals" else "")
        elif is_risk_header(cells):
            self.risks += read_risk_table(self.cursor, lineno, cells, first_row=len(self.risks) + 1)
        elif cells[0] == "" and len(cells) in HEADERLESS_GOAL_COLUMNS and not any(specs):
            self.cursor.pos -= 1  # the row is the table's first
            self.goal_table(lineno, HEADERLESS_GOAL_COLUMNS[len(cells)], None, "")
        else:
            raise self.cursor.error(lineno, "a table row that belongs to no known table", "\t".join(cells))

    def statement_table(self, lineno: int, header: list[str]) -> None:
        table = read_statement_table(self.cursor, lineno, header)
        if table.is_summary:
            self.summary += summary_rows(table, self.division)
            return
        service_area = "" if table.title == self.division_title else table.title
        key = service_area or self.division
        if key in self.tables_seen:
            raise self.cursor.error(
                table.header_line,
                f"a second income statement for '{table.title}' (the first is at line {self.tables_seen[key]})",
            )
        self.tables_seen[key] = table.header_line
        self.prose.claim_pending(self.division, service_area)
        finance, printed_derived = finance_rows(table, self.division, service_area)
        self.finance += finance
        self.printed_derived += printed_derived

    def goal_table(self, lineno: int, fields: list[str], header: list[str] | None, title: str) -> None:
        table_no = 1 + len({g["table"] for g in self.goals})
        self.goals += read_goal_table(self.cursor, lineno, fields, header, table_no, title)

    def result(self) -> ParsedReport:
        finance = _frame("finance.csv", self.finance)
        actual = finance[finance["basis"] == ACTUAL]
        latest = max(zip(actual["year"], actual["months"], strict=False))
        status_date = Period(ACTUAL, int(latest[0]), int(latest[1])).end_date
        if self.goal_status_day and self.goal_status_day != (status_date.day, status_date.month):
            d, m = self.goal_status_day
            raise self.cursor.error(
                None, f"the goal table reports at {d}.{m}. but the figures run to {status_date:%-d.%-m.%Y}"
            )
        report = {
            "report": report_id(self.division, status_date),
            "title": self.meta["title"],
            "division": self.division,
            "division_title": self.division_title,
            "issued": self.meta["issued"],
            "status_date": status_date.isoformat(),
            "goals_responsible": self.meta.get("goals_responsible", ""),
        }
        cost_centres = [a for a in dict.fromkeys(finance["service_area"]) if a]
        return ParsedReport(
            # source_file and source_sha256 are the ingest's to add
            report=pd.DataFrame([{name: report.get(name, "") for name in column_names("report.csv")}]),
            finance=finance,
            printed_derived=_frame("printed_derived.csv", self.printed_derived),
            summary=_frame("summary.csv", self.summary),
            commentary=_frame("commentary.csv", self.prose.commentary),
            service_areas=_frame(
                "service_areas.csv", self.prose.service_area_rows(self.division, self.division_title, cost_centres)
            ),
            social_media=extract_social_media(self.goals, self.cursor.source),
            goals=_frame("goals.csv", self.goals),
            risks=_frame("risks.csv", self.risks),
        )


def parse_report(text: str, source: str) -> ParsedReport:
    """Parse a report's extracted text; `source` names it in error messages."""
    return _Parser(text, source).parse()
