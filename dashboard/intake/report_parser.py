"""Parse the text of a realisation report ("Käyttösuunnitelman toteutuminen") into tidy frames.

The text is what a PDF extractor gives: prose lines, and tables as tab-separated rows. A table's
header may be split over two lines ("TOT 2023" above "9 kk"); its title cell names the cost centre
("Vaalit Selite") or the division. Goal tables carry HTML fragments and break across pages, so a
row whose status cell is empty continues the row above it.

Parsing is pure: text in, `ParsedReport` out, or a `ReportFormatError` that names the line and the
offending text. Nothing here reads or writes files.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

import pandas as pd

from dashboard.intake.numbers import NumberFormatError, parse_decimal, parse_euros
from dashboard.store.names import slugify
from dashboard.store.periods import ACTUAL, BUDGET, FULL_YEAR, Period
from dashboard.store.statement import LINE_BY_NAME, SECTION_HEADINGS, SUMMARY_ROWS

FINANCE_COLUMNS = ["division", "service_area", "line_item", "basis", "year", "months", "eur"]
PRINTED_DERIVED_COLUMNS = ["division", "service_area", "line_item", "measure", "year", "months", "printed"]
SUMMARY_COLUMNS = ["division", "summary_row", "line_item", "basis", "year", "months", "eur"]

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

GOAL_HEADERS = (
    ("Strateginen päämäärä", "strategic_aim"),
    ("Toimialan tavoite", "goal"),
    ("Toimenpiteet", "measures"),
    ("Vastuuhenkilö", "responsible"),
    ("Toteuma", "realisation"),
    ("Tila", "status"),
)
# A goal table that lost its header row to a page break is read by its width.
HEADERLESS_GOAL_COLUMNS = {
    6: ["strategic_aim", "goal", "measures", "responsible", "realisation", "status"],
    4: ["strategic_aim", "goal", "realisation", "status"],
}
GOAL_FIELDS = ["strategic_aim", "focus_areas", "goal", "measures", "responsible", "realisation", "status"]
RISK_HEADERS = (
    ("Riskiluokka", "risk_class"),
    ("Tunnistettu riski", "risk"),
    ("Riskiarvo", "risk_value"),
    ("Hallintakeino", "control"),
    ("Hallintakeinon toteutuminen", "control_realisation"),
)

_DATE = r"(\d{1,2})\.(\d{1,2})\.(\d{4})"


class ReportFormatError(ValueError):
    """The report text does not have the expected form; says where and what."""

    def __init__(self, source: str, lineno: int | None, message: str, text: str | None = None):
        self.source, self.lineno, self.text = source, lineno, text
        where = f"{source}, line {lineno}" if lineno else source
        shown = f": '{_shorten(text)}'" if text is not None else ""
        super().__init__(f"{where}: {message}{shown}")


def _shorten(text: str, limit: int = 120) -> str:
    text = text.replace("\t", " ⇥ ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class ColumnSpec:
    kind: str  # "period", "remaining" or "pct"
    header: str
    period: Period | None = None
    year: int | None = None


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

    def frames(self) -> dict[str, pd.DataFrame]:
        """Each frame by the data file it is written to (`finance.csv`, …)."""
        return {f"{name}.csv": frame for name, frame in vars(self).items()}


def split_cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("\t")]


def _is_upper_heading(text: str) -> bool:
    return any(c.isalpha() for c in text) and text == text.upper()


def _is_paragraph(text: str) -> bool:
    return text.endswith((".", "!", "?", ":", ")")) or len(text) > 100


def html_to_text(raw: str) -> str:
    """A goal cell's HTML fragment as plain text, one paragraph or list item a line."""
    text = re.sub(r"<ul[^>]*>|</ul>|</?p>|</?li>|•", "\n", raw)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    lines = (" ".join(part.split()) for part in text.split("\n"))
    return "\n".join(line for line in lines if line)


def parse_column_header(header: str) -> ColumnSpec | None:
    text = " ".join(header.split())
    if m := re.fullmatch(r"TP (\d{4})", text):
        return ColumnSpec("period", text, Period(ACTUAL, int(m[1]), FULL_YEAR))
    if m := re.fullmatch(r"TOT (\d{4}) (\d{1,2}) kk", text):
        months = int(m[2])
        if 1 <= months <= FULL_YEAR:
            return ColumnSpec("period", text, Period(ACTUAL, int(m[1]), months))
    if m := re.fullmatch(r"TA (\d{4})(?: ?\+ ?muutos)?", text):
        return ColumnSpec("period", text, Period(BUDGET, int(m[1]), FULL_YEAR))
    if text == "Jäljellä":
        return ColumnSpec("remaining", text)
    if m := re.fullmatch(r"TOT-(\d{2}) ?%", text):
        return ColumnSpec("pct", text, year=2000 + int(m[1]))
    return None


class _Parser:
    def __init__(self, text: str, source: str):
        self.lines = text.splitlines()
        self.source = source
        self.pos = 0
        self.meta: dict[str, str] = {}
        self.division = ""
        self.division_title = ""
        self.finance: list[dict] = []
        self.printed_derived: list[dict] = []
        self.summary: list[dict] = []
        self.commentary: list[dict] = []
        self.descriptions: list[dict] = []
        self.goals: list[dict] = []
        self.risks: list[dict] = []
        self.tables_seen: dict[str, int] = {}
        self.mode = "statements"
        self.section_heading = ""
        self.pending: list[str] = []
        self.description_heading: str | None = None
        self.goal_status_day: tuple[int, int] | None = None

    # -- cursor ---------------------------------------------------------------------------------
    def error(self, lineno: int | None, message: str, text: str | None = None) -> ReportFormatError:
        return ReportFormatError(self.source, lineno, message, text)

    def peek_nonblank(self) -> int | None:
        i = self.pos
        while i < len(self.lines) and not self.lines[i].strip():
            i += 1
        return i if i < len(self.lines) else None

    def next_nonblank(self) -> tuple[int, str] | None:
        i = self.peek_nonblank()
        if i is None:
            self.pos = len(self.lines)
            return None
        self.pos = i + 1
        return i + 1, self.lines[i]

    # -- document ---------------------------------------------------------------------------------
    def parse(self) -> ParsedReport:
        if not any(line.strip() for line in self.lines):
            raise self.error(None, "the report is empty")
        self.preamble()
        while (item := self.next_nonblank()) is not None:
            lineno, line = item
            if "\t" in line:
                self.table(lineno, split_cells(line))
            else:
                self.text(lineno, line.strip())
        if not self.finance:
            raise self.error(None, "no income-statement table found (a header row such as 'TP 2023 ⇥ TOT 2023 9 kk')")
        self.flush_pending()
        return self.result()

    def preamble(self) -> None:
        lineno, line = self.next_nonblank()  # type: ignore[misc]
        m = re.fullmatch(r"(\d{1,2})\.\s*(\w+)\s+(\d{4})", line.strip())
        if not m or m[2].lower() not in FINNISH_MONTHS:
            raise self.error(lineno, "expected the report's date first (e.g. '31. LOKAKUUTA 2024')", line)
        try:
            issued = dt.date(int(m[3]), FINNISH_MONTHS[m[2].lower()], int(m[1]))
        except ValueError:
            raise self.error(lineno, "the report's date is not a real date", line) from None
        self.meta["issued"] = issued.isoformat()
        title_parts: list[str] = []
        division_heading = ""
        while (item := self.next_nonblank()) is not None:
            lineno, line = item
            text = line.strip()
            if not _is_upper_heading(text):
                break
            if re.search(r"-TOIMIALA$", text):
                division_heading = text
            else:
                title_parts.append(text)
        else:
            raise self.error(None, "the report ends before its division is named")
        if not title_parts or "\t" in line:
            raise self.error(lineno, "expected the report's title and division before this line", line)
        self.division_title = text
        self.division = text.split(" / ")[0].strip()
        self.meta["title"] = " ".join(title_parts)
        self.meta["division_heading"] = division_heading

    def text(self, lineno: int, text: str) -> None:
        if m := re.fullmatch(r"Vastuuhenkilö:\s*(.+)", text):
            self.meta["goals_responsible"] = m[1].strip()
            return
        if _is_upper_heading(text):
            self.flush_pending()
            self.section_heading = text
            self.description_heading = None
            if text.startswith("KUVAUS"):
                self.mode = "descriptions"
            elif "TAVOITTEET" in text:
                self.mode = "goals"
            else:
                self.mode = "statements"
            return
        if not _is_paragraph(text):  # a sub-heading
            self.flush_pending()
            if self.mode == "descriptions":
                self.description_heading = text
            return
        if self.mode == "descriptions":
            heading = self.description_heading or self.division_title
            self.descriptions.append({"heading": heading, "text": text})
        elif self.mode == "goals":
            self.add_commentary("", "goals", [text])
        else:
            self.pending.append(text)

    def flush_pending(self) -> None:
        """Prose that no table claimed is kept as the division's general commentary."""
        if self.pending:
            self.add_commentary("", "general", self.pending)
            self.pending = []

    def add_commentary(self, service_area: str, topic: str, paragraphs: list[str]) -> None:
        start = sum(1 for c in self.commentary if c["service_area"] == service_area and c["topic"] == topic)
        for i, text in enumerate(paragraphs, start=start + 1):
            self.commentary.append(
                {"division": self.division, "service_area": service_area, "topic": topic, "paragraph": i, "text": text}
            )

    # -- tables -----------------------------------------------------------------------------------
    def table(self, lineno: int, cells: list[str]) -> None:
        specs = [parse_column_header(c) for c in cells[1:]]
        if any(re.match(r"(TP|TA|TOT)\b", c) for c in cells[1:]):
            self.finance_table(lineno, cells)
        elif cells[0] == "Strateginen päämäärä":
            self.goal_table(lineno, cells)
        elif cells[0] == "Riskiluokka":
            self.risk_table(lineno, cells)
        elif cells[0] == "" and len(cells) in HEADERLESS_GOAL_COLUMNS and not any(specs):
            self.pos -= 1  # the row is the table's first
            self.goal_table(lineno, None, width=len(cells))
        else:
            raise self.error(lineno, "a table row that belongs to no known table", "\t".join(cells))

    def finance_table(self, lineno: int, header: list[str]) -> None:
        header_line = lineno
        if self.pos < len(self.lines) and split_cells(self.lines[self.pos])[0] == "Selite":
            second = split_cells(self.lines[self.pos])
            if len(second) != len(header):
                raise self.error(
                    self.pos + 1,
                    f"the header's second line has {len(second)} cells, the first {len(header)}",
                    self.lines[self.pos],
                )
            header = [f"{a} {b}".strip() for a, b in zip(header, second, strict=False)]
            self.pos += 1
        title = re.sub(r"\s*Selite$", "", header[0]).strip()
        if not title:
            raise self.error(
                header_line, "the table's title cell is empty (it should name the cost centre)", "\t".join(header)
            )
        columns: list[ColumnSpec] = []
        for cell in header[1:]:
            spec = parse_column_header(cell)
            if spec is None:
                raise self.error(
                    header_line,
                    f"unknown column header '{cell}' (expected TP YYYY, TOT YYYY N kk, TA YYYY +muutos, Jäljellä or TOT-YY %)",
                    "\t".join(header),
                )
            columns.append(spec)
        ytd = self.actual_behind_derived_columns(header_line, columns, header)
        service_area = "" if title == self.division_title else title
        rows = self.finance_rows(header_line, columns)
        if not rows:
            raise self.error(header_line, "table cut short: the table has a header but no rows", "\t".join(header))
        names = [name for _, name, _ in rows]
        if all(name in SUMMARY_ROWS for name in names):
            self.summary_table(rows, columns)
            return
        if any(name in SUMMARY_ROWS for name in names):
            raise self.error(
                header_line, "a table mixes summary rows (TULOT, MENOT, NETTO) with statement lines", title
            )
        if "Toimintakate" not in names:
            last_line, last_name, _ = rows[-1]
            raise self.error(
                last_line,
                f"table cut short: the table for '{title}' ends after '{last_name}' without reaching 'Toimintakate'",
            )
        key = service_area or self.division
        if key in self.tables_seen:
            raise self.error(
                header_line, f"a second income statement for '{title}' (the first is at line {self.tables_seen[key]})"
            )
        self.tables_seen[key] = header_line
        self.add_commentary(service_area, "finance", self.pending)
        self.pending = []
        for _, name, values in rows:
            for spec, value in zip(columns, values, strict=False):
                if spec.kind == "period":
                    p = spec.period
                    self.finance.append(
                        {
                            "division": self.division,
                            "service_area": service_area,
                            "line_item": name,
                            "basis": p.basis,
                            "year": p.year,
                            "months": p.months,
                            "eur": int(value),
                        }
                    )
                else:
                    self.printed_derived.append(
                        {
                            "division": self.division,
                            "service_area": service_area,
                            "line_item": name,
                            "measure": "remaining_eur" if spec.kind == "remaining" else "realisation_pct",
                            "year": ytd.year,
                            "months": ytd.months,
                            "printed": str(value),
                        }
                    )

    def actual_behind_derived_columns(self, lineno: int, columns: list[ColumnSpec], header: list[str]) -> Period | None:
        """The actual that Jäljellä and TOT-YY % are computed from (with that year's budget)."""
        periods = [c.period for c in columns if c.period]
        if not periods:
            raise self.error(lineno, "the table has no TP, TOT or TA column", "\t".join(header))
        seen: set[Period] = set()
        for p in periods:
            if p in seen:
                raise self.error(lineno, f"the column '{p.label}' appears twice", "\t".join(header))
            seen.add(p)
        derived = [c for c in columns if c.kind != "period"]
        if not derived:
            return None
        years = {c.year for c in derived if c.year} or {max(p.year for p in periods)}
        if len(years) != 1:
            raise self.error(lineno, "derived columns refer to different years", "\t".join(header))
        year = years.pop()
        budget = next((p for p in periods if p.basis == BUDGET and p.year == year), None)
        actuals = [p for p in periods if p.basis == ACTUAL and p.year == year]
        if budget is None or not actuals:
            raise self.error(
                lineno, f"Jäljellä and TOT-% need both TA {year} and TOT {year} columns", "\t".join(header)
            )
        return max(actuals, key=lambda p: p.months)

    def finance_rows(self, header_line: int, columns: list[ColumnSpec]) -> list[tuple[int, str, list]]:
        rows: list[tuple[int, str, list]] = []
        seen: dict[str, int] = {}
        while (i := self.peek_nonblank()) is not None:
            line = self.lines[i]
            lineno = i + 1
            cells = split_cells(line)
            name = cells[0]
            known = name in LINE_BY_NAME or name in SECTION_HEADINGS or name in SUMMARY_ROWS
            if "\t" not in line or not name:
                break
            if not known:
                if len(cells) > 1 and all(_looks_numeric(c) for c in cells[1:] if c):
                    raise self.error(
                        lineno, f"unknown line item '{name}' (not a line of the municipal income statement)", line
                    )
                break
            self.pos = i + 1
            if len(cells) != len(columns) + 1:
                raise self.error(
                    lineno,
                    f"expected {len(columns) + 1} cells (line item and {len(columns)} figures), found {len(cells)}",
                    line,
                )
            if name in SECTION_HEADINGS:
                if any(cells[1:]):
                    raise self.error(lineno, f"the section heading '{name}' should carry no figures", line)
                continue
            if name in seen:
                raise self.error(lineno, f"'{name}' appears twice in one table (first at line {seen[name]})", line)
            seen[name] = lineno
            values = []
            for spec, cell in zip(columns, cells[1:], strict=False):
                if not cell:
                    raise self.error(lineno, f"missing figure in column '{spec.header}' of '{name}'", line)
                try:
                    values.append(parse_decimal(cell) if spec.kind == "pct" else parse_euros(cell))
                except NumberFormatError as exc:
                    raise self.error(
                        lineno, f"broken number in column '{spec.header}' of '{name}': {exc}", line
                    ) from None
            rows.append((lineno, name, values))
        return rows

    def summary_table(self, rows: list[tuple[int, str, list]], columns: list[ColumnSpec]) -> None:
        for _, name, values in rows:
            for spec, value in zip(columns, values, strict=False):
                if spec.kind == "period":
                    p = spec.period
                    self.summary.append(
                        {
                            "division": self.division,
                            "summary_row": name,
                            "line_item": SUMMARY_ROWS[name],
                            "basis": p.basis,
                            "year": p.year,
                            "months": p.months,
                            "eur": int(value),
                        }
                    )

    def goal_table(self, lineno: int, header: list[str] | None, width: int | None = None) -> None:
        if header is not None:
            fields = []
            for cell in header:
                match = next((f for prefix, f in GOAL_HEADERS if cell.startswith(prefix)), None)
                if match is None:
                    raise self.error(lineno, f"unknown goal-table column '{cell}'", "\t".join(header))
                fields.append(match)
                if match == "realisation" and (m := re.search(r"(\d{1,2})\.(\d{1,2})\.", cell)):
                    self.goal_status_day = (int(m[1]), int(m[2]))
            title = self.section_heading if self.mode == "goals" else ""
        else:
            fields = HEADERLESS_GOAL_COLUMNS[width]  # type: ignore[index]
            title = ""
        if "status" not in fields:
            raise self.error(lineno, "a goal table needs a status column ('Tila')", "\t".join(header or []))
        table_no = 1 + len({g["table"] for g in self.goals})
        rows: list[dict] = []
        while (i := self.peek_nonblank()) is not None:
            cells = split_cells(self.lines[i])
            if "\t" not in self.lines[i] or len(cells) != len(fields):
                break
            self.pos = i + 1
            raw = dict(zip(fields, cells, strict=False))
            if html_to_text(raw["status"]) or not rows:
                rows.append({"lineno": i + 1, "raw": raw, "partial": not html_to_text(raw["status"])})
            else:  # the row above goes on after a page break
                prev = rows[-1]["raw"]
                for f, cell in raw.items():
                    if cell:
                        prev[f] = f"{prev[f]} {cell}".strip()
        for n, row in enumerate(rows, start=1):
            raw = row["raw"]
            aim_raw = raw.get("strategic_aim", "")
            aim, _, focus = aim_raw.partition("<ul")
            record = {"table": table_no, "table_title": title, "row": n}
            record["strategic_aim"] = html_to_text(aim)
            record["focus_areas"] = html_to_text("<ul" + focus) if focus else ""
            for f in ("goal", "measures", "responsible", "realisation", "status"):
                record[f] = html_to_text(raw.get(f, ""))
            record["partial"] = row["partial"]
            self.goals.append(record)

    def risk_table(self, lineno: int, header: list[str]) -> None:
        fields = []
        for cell in header:
            match = next((f for name, f in RISK_HEADERS if cell == name), None)
            if match is None:
                raise self.error(lineno, f"unknown risk-table column '{cell}'", "\t".join(header))
            fields.append(match)
        while (i := self.peek_nonblank()) is not None and "\t" in self.lines[i]:
            line = self.lines[i]
            cells = split_cells(line)
            if len(cells) != len(fields):
                raise self.error(i + 1, f"expected {len(fields)} cells in a risk row, found {len(cells)}", line)
            self.pos = i + 1
            raw = dict(zip(fields, cells, strict=False))
            m = re.fullmatch(r"Todennäköisyys:\s*(\d+)\s+Merkittävyys:\s*(\d+)", raw.get("risk_value", ""))
            if not m:
                raise self.error(i + 1, "the risk value should read 'Todennäköisyys: N Merkittävyys: N'", line)
            self.risks.append(
                {
                    "row": len(self.risks) + 1,
                    "risk_class": raw.get("risk_class", ""),
                    "risk": raw.get("risk", ""),
                    "probability": int(m[1]),
                    "significance": int(m[2]),
                    "control": raw.get("control", ""),
                    "control_realisation": raw.get("control_realisation", ""),
                }
            )

    # -- result -----------------------------------------------------------------------------------
    def result(self) -> ParsedReport:
        finance = pd.DataFrame(self.finance, columns=FINANCE_COLUMNS)
        actual = finance[finance["basis"] == ACTUAL]
        latest = max(zip(actual["year"], actual["months"], strict=False))
        status_date = Period(ACTUAL, int(latest[0]), int(latest[1])).end_date
        if self.goal_status_day and self.goal_status_day != (status_date.day, status_date.month):
            d, m = self.goal_status_day
            raise self.error(
                None, f"the goal table reports at {d}.{m}. but the figures run to {status_date:%-d.%-m.%Y}"
            )
        report = pd.DataFrame(
            [
                {
                    "title": self.meta["title"],
                    "division": self.division,
                    "division_title": self.division_title,
                    "issued": self.meta["issued"],
                    "status_date": status_date.isoformat(),
                    "goals_responsible": self.meta.get("goals_responsible", ""),
                }
            ]
        )
        return ParsedReport(
            report=report,
            finance=finance,
            printed_derived=pd.DataFrame(self.printed_derived, columns=PRINTED_DERIVED_COLUMNS),
            summary=pd.DataFrame(self.summary, columns=SUMMARY_COLUMNS),
            commentary=pd.DataFrame(
                self.commentary, columns=["division", "service_area", "topic", "paragraph", "text"]
            ),
            service_areas=self.service_area_frame(finance),
            social_media=extract_social_media(self.goals, self.source),
            goals=pd.DataFrame(self.goals, columns=["table", "table_title", "row", *GOAL_FIELDS, "partial"]),
            risks=pd.DataFrame(
                self.risks,
                columns=["row", "risk_class", "risk", "probability", "significance", "control", "control_realisation"],
            ),
        )

    def service_area_frame(self, finance: pd.DataFrame) -> pd.DataFrame:
        """Match each description heading ("Tietohallinto- ja digipalvelu -palvelualue") to a cost centre."""
        areas = [a for a in dict.fromkeys(finance["service_area"]) if a]
        records = []
        counts: dict[str, int] = {}
        for d in self.descriptions:
            stem = re.sub(r"\s*-?palvelualue$", "", d["heading"]).strip()
            match = next((a for a in areas if slugify(a).startswith(slugify(stem))), None)
            if d["heading"] == self.division_title:
                match = ""
            area = match if match is not None else stem
            counts[area] = counts.get(area, 0) + 1
            records.append(
                {
                    "division": self.division,
                    "service_area": area,
                    "heading": d["heading"],
                    "paragraph": counts[area],
                    "text": d["text"],
                }
            )
        return pd.DataFrame(records, columns=["division", "service_area", "heading", "paragraph", "text"])


def _looks_numeric(cell: str) -> bool:
    try:
        parse_decimal(cell)
    except NumberFormatError:
        return False
    return True


# -- communications figures, found in the goals' realisation text ---------------------------------
SOCIAL_COLUMNS = ["channel", "metric", "value", "date", "period_label", "derived", "note"]

_CHANNELS = (
    ("Facebook", r"\bFacebook"),
    ("Instagram", r"\bInstagram"),
    ("LinkedIn", r"\bLinkedIn"),
    ("X", r"\bX:n\b"),
    ("ePress", r"\bePress"),
)


def _iso(d: str, m: str, y: str) -> str:
    return dt.date(int(y), int(m), int(d)).isoformat()


def extract_social_media(goals: list[dict], source: str) -> pd.DataFrame:
    """Every communications figure the report states, with its date or period as stated.

    Where the report gives only a change since "the previous review period", the earlier level is
    derived (value minus change) and labelled with the report's own words; no date is invented.
    """
    facts: dict[tuple, dict] = {}

    def add(
        channel: str, metric: str, value: float, date: str, label: str, derived: bool = False, note: str = ""
    ) -> None:
        key = (channel, metric, date, label, derived)
        row = dict(zip(SOCIAL_COLUMNS, (channel, metric, value, date, label, derived, note), strict=False))
        if key in facts and facts[key]["value"] != value:
            raise ReportFormatError(
                source,
                None,
                f"the report gives two values for {channel} {metric} at {label}: {facts[key]['value']} and {value}",
            )
        facts.setdefault(key, row)

    paragraphs = [p for g in goals for p in g["realisation"].split("\n")]
    for text in paragraphs:
        channel = next((name for name, pattern in _CHANNELS if re.search(pattern, text)), None)
        if channel is None:
            continue
        rest = text
        if m := re.search(rf"kasvanut (\d+) seuraajalla (\w+kuusta) (\d{{4}}) \({_DATE}\)", rest):
            add(channel, "follower_change", int(m[1]), _iso(m[4], m[5], m[6]), f"{m[2]} {m[3]} – {m[4]}.{m[5]}.{m[6]}")
            rest = rest.replace(m[0], "")
        if m := re.search(rf"(\d+) (?:seuraajaan |seuraajaa )?\({_DATE}\)", rest):
            level, date, label = int(m[1]), _iso(m[2], m[3], m[4]), f"{m[2]}.{m[3]}.{m[4]}"
            note = "raportissa 'kävijämäärä'" if re.search(r"[Kk]ävijämäärä", rest) else ""
            add(channel, "followers", level, date, label, note=note)
            if c := re.search(r"(\d+) seuraajaa (enemmän|vähemmän) kuin edellisellä tarkastelujaksolla", rest):
                change = int(c[1]) * (1 if c[2] == "enemmän" else -1)
                add(channel, "follower_change", change, date, f"edellinen tarkastelujakso – {label}")
                add(
                    channel,
                    "followers",
                    level - change,
                    "",
                    "edellinen tarkastelujakso",
                    derived=True,
                    note=f"johdettu: {level} − ({change:+d})",
                )
        if m := re.search(rf"(?:(noin|keskimäärin) )?(\d+) (?:julkaisua|kpl)/kk(?: \({_DATE}\))?", rest):
            date, label = (_iso(m[3], m[4], m[5]), f"{m[3]}.{m[4]}.{m[5]}") if m[3] else ("", "")
            add(channel, "posts_per_month", int(m[2]), date, label, note=m[1] or "")
        if m := re.search(r"käytössä (\d{2})-(\d{2})/(\d{4}) ja tiedotteita jaettu palvelun kautta (\d+) kpl", rest):
            add(channel, "releases", int(m[4]), "", f"{m[1]}-{m[2]}/{m[3]}")
        if m := re.search(r"läpimenoprosentti on (?:(keskimäärin) )?(\d+(?:,\d+)?) %", rest):
            value = parse_decimal(m[2])
            add(
                channel,
                "release_throughput_pct",
                int(value) if value == int(value) else float(value),
                "",
                "",
                note=m[1] or "",
            )
    frame = pd.DataFrame(list(facts.values()), columns=SOCIAL_COLUMNS)
    return frame.sort_values(
        ["channel", "metric", "derived", "date"], ascending=[True, True, False, True], kind="stable"
    ).reset_index(drop=True)


def parse_report(text: str, source: str) -> ParsedReport:
    """Parse a report's extracted text; `source` names it in error messages."""
    return _Parser(text, source).parse()
