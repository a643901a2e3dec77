"""Putting parsed reports into a library: each report once, by its identity (division and date).

`combine` takes a library's files as text cells and the reports to add, and returns the files of
the new library. The same report given again (the same text, or the same figures from another
extract) is taken once; a different report of the same identity is refused (`IdentityConflict`)
unless it is to replace the one held. Pure: it writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard.intake.report_parser import ParsedReport
from dashboard.store.files import as_text
from dashboard.store.schemas import SCHEMAS

REPORT_FILE = "report.csv"
_WHERE_FROM = ["source_file", "source_sha256"]  # not the report's content: the same report may come from another file


class IdentityConflict(ValueError):
    """Two different reports of one division and date: which holds is for a person to say."""


@dataclass(frozen=True)
class Update:
    tables: dict[str, pd.DataFrame]  # every file of the new library, as text cells
    notes: list[str] = field(default_factory=list)  # what was skipped or replaced, for the command to print
    changed: bool = True


def _rows(tables: Mapping[str, pd.DataFrame], report: str) -> dict[str, pd.DataFrame]:
    return {
        file: table[table["report"] == report].reset_index(drop=True)
        for file, table in tables.items()
        if not table.empty or file == REPORT_FILE
    }


def _same(a: Mapping[str, pd.DataFrame], b: Mapping[str, pd.DataFrame]) -> bool:
    """The same report: the same source text, or every row but where it came from equal."""
    if a[REPORT_FILE]["source_sha256"].tolist() == b[REPORT_FILE]["source_sha256"].tolist():
        return True
    for file in SCHEMAS:
        left, right = a.get(file, pd.DataFrame()), b.get(file, pd.DataFrame())
        if file == REPORT_FILE:
            left, right = left.drop(columns=_WHERE_FROM), right.drop(columns=_WHERE_FROM)
        if left.empty and right.empty:
            continue
        if not left.equals(right):
            return False
    return True


def _describe(rows: Mapping[str, pd.DataFrame]) -> str:
    """`report of Vaalit at 30.9.2024 (vaalit-2024-09-30)`: whose figures, of which date."""
    row = rows[REPORT_FILE].iloc[0]
    return f"report of {row['division']} at {dt.date.fromisoformat(row['status_date']):%-d.%-m.%Y} ({row['report']})"


def combine(
    existing: Mapping[str, pd.DataFrame], added: list[tuple[Path, ParsedReport]], replace: bool = False
) -> Update:
    """The files of `existing` with the reports of `added`; raises IdentityConflict (naming both
    files) where a report's identity is held by another report and `replace` is not given."""
    tables = {file: table.copy() for file, table in existing.items()}
    notes: list[str] = []
    changed = False
    taken: dict[str, tuple[Path, dict[str, pd.DataFrame]]] = {}
    for path, parsed in added:
        new = {file: as_text(frame) for file, frame in parsed.frames().items()}
        identity = parsed.report_id
        if identity in taken:
            first, held = taken[identity]
            if not _same(held, new):
                raise IdentityConflict(
                    f"{first} and {path} are both the {_describe(new)}, with different figures: give one of them"
                )
            notes.append(f"{path}: the same report as {first}, taken once")
            continue
        taken[identity] = (path, new)
        held_ids = set(tables[REPORT_FILE]["report"]) if REPORT_FILE in tables else set()
        if identity in held_ids:
            held = _rows(tables, identity)
            if _same(held, new):
                notes.append(f"{path}: the {_describe(new)} is in the library already; skipped")
                continue
            if not replace:
                source = held[REPORT_FILE]["source_file"].iloc[0]
                raise IdentityConflict(
                    f"{path}: the library holds another {_describe(new)} (from {source}) with different figures; "
                    "give --replace to replace it"
                )
            notes.append(f"{path}: replaces the {_describe(new)} (from {held[REPORT_FILE]['source_file'].iloc[0]})")
            tables = {file: table[table["report"] != identity] for file, table in tables.items()}
        for file, frame in new.items():
            tables[file] = pd.concat([tables[file], frame], ignore_index=True) if file in tables else frame
        changed = True
    return Update(_in_report_order(tables), notes, changed)


def _in_report_order(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Reports by status date, those of one date in the order added; every file's rows grouped by
    report in that order, each report's rows as parsed."""
    reports = tables[REPORT_FILE].sort_values("status_date", kind="stable").reset_index(drop=True)
    rank = {report: i for i, report in enumerate(reports["report"])}
    out = {REPORT_FILE: reports}
    for file, table in tables.items():
        if file != REPORT_FILE:
            order = table["report"].map(rank).sort_values(kind="stable").index
            out[file] = table.loc[order].reset_index(drop=True)
    return out
