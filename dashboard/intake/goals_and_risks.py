"""The report's goal and risk tables, as the rows of `goals.csv` and `risks.csv`.

Goal tables carry HTML fragments and break across pages: a row whose status cell is empty goes on
from the row above it, and a table that lost its header row to a page break is read by its width.
A risk row states its value as "Todennäköisyys: N Merkittävyys: N".
"""

from __future__ import annotations

import re

from dashboard.intake.report_text import ReportCursor, html_to_text, split_cells

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
RISK_HEADERS = (
    ("Riskiluokka", "risk_class"),
    ("Tunnistettu riski", "risk"),
    ("Riskiarvo", "risk_value"),
    ("Hallintakeino", "control"),
    ("Hallintakeinon toteutuminen", "control_realisation"),
)


def is_goal_header(cells: list[str]) -> bool:
    return cells[0] == GOAL_HEADERS[0][0]


def is_risk_header(cells: list[str]) -> bool:
    return cells[0] == RISK_HEADERS[0][0]


def goal_fields(cursor: ReportCursor, lineno: int, header: list[str]) -> tuple[list[str], tuple[int, int] | None]:
    """A goal table's fields by its header, and the day and month its realisation column reports at."""
    fields, day = [], None
    for cell in header:
        match = next((f for prefix, f in GOAL_HEADERS if cell.startswith(prefix)), None)
        if match is None:
            raise cursor.error(lineno, f"unknown goal-table column '{cell}'", "\t".join(header))
        fields.append(match)
        if match == "realisation" and (m := re.search(r"(\d{1,2})\.(\d{1,2})\.", cell)):
            day = (int(m[1]), int(m[2]))
    return fields, day


def read_goal_table(
    cursor: ReportCursor, lineno: int, fields: list[str], header: list[str] | None, table_no: int, title: str
) -> list[dict]:
    """The rows of one goal table (its `fields` by header or width), a page break's pieces joined."""
    if "status" not in fields:
        raise cursor.error(lineno, "a goal table needs a status column ('Tila')", "\t".join(header or []))
    rows: list[dict] = []
    while (i := cursor.peek_nonblank()) is not None:
        cells = split_cells(cursor.lines[i])
        if "\t" not in cursor.lines[i] or len(cells) != len(fields):
            break
        cursor.pos = i + 1
        raw = dict(zip(fields, cells, strict=False))
        if html_to_text(raw["status"]) or not rows:
            rows.append({"raw": raw, "partial": not html_to_text(raw["status"])})
        else:  # the row above goes on after a page break
            prev = rows[-1]["raw"]
            for f, cell in raw.items():
                if cell:
                    prev[f] = f"{prev[f]} {cell}".strip()
    records = []
    for n, row in enumerate(rows, start=1):
        raw = row["raw"]
        aim, _, focus = raw.get("strategic_aim", "").partition("<ul")
        record = {"table": table_no, "table_title": title, "row": n}
        record["strategic_aim"] = html_to_text(aim)
        record["focus_areas"] = html_to_text("<ul" + focus) if focus else ""
        for f in ("goal", "measures", "responsible", "realisation", "status"):
            record[f] = html_to_text(raw.get(f, ""))
        record["partial"] = row["partial"]
        records.append(record)
    return records


def read_risk_table(cursor: ReportCursor, lineno: int, header: list[str], first_row: int) -> list[dict]:
    """The rows of a risk table, numbered on from `first_row`."""
    fields = []
    for cell in header:
        match = next((f for name, f in RISK_HEADERS if cell == name), None)
        if match is None:
            raise cursor.error(lineno, f"unknown risk-table column '{cell}'", "\t".join(header))
        fields.append(match)
    risks: list[dict] = []
    while (i := cursor.peek_nonblank()) is not None and "\t" in cursor.lines[i]:
        line = cursor.lines[i]
        cells = split_cells(line)
        if len(cells) != len(fields):
            raise cursor.error(i + 1, f"expected {len(fields)} cells in a risk row, found {len(cells)}", line)
        cursor.pos = i + 1
        raw = dict(zip(fields, cells, strict=False))
        m = re.fullmatch(r"Todennäköisyys:\s*(\d+)\s+Merkittävyys:\s*(\d+)", raw.get("risk_value", ""))
        if not m:
            raise cursor.error(i + 1, "the risk value should read 'Todennäköisyys: N Merkittävyys: N'", line)
        risks.append(
            {
                "row": first_row + len(risks),
                "risk_class": raw.get("risk_class", ""),
                "risk": raw.get("risk", ""),
                "probability": int(m[1]),
                "significance": int(m[2]),
                "control": raw.get("control", ""),
                "control_realisation": raw.get("control_realisation", ""),
            }
        )
    return risks
