"""One report's view of the data: what every page shows for a status date, validated and reconciled.

A data folder is a library of reports (`library`); a `Dataset` is what the views read for one
of them. Its finance frames hold every division reported at the same status date (a city-wide
ledger holds many in one report; a library adds the other divisions' reports of that date), so
the division selector and the view of all divisions together work on one frame. The report's
own tables (goals, risks, social media) are the chosen report's only.

`build_dataset` validates the rows of one status date across files, derives the subtotals a
table leaves out and reconciles the figures (`reconcile`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from dashboard.store.manifest import FileStamp
from dashboard.store.periods import ComparisonPeriods, comparison_periods
from dashboard.store.reconcile import Reconciliation, reconcile
from dashboard.store.schemas import FINANCE_KEY
from dashboard.store.subtotals import build_statements
from dashboard.store.validation import DataError, check_unique

# The view of every division of a status date summed: a division whose "cost centres" are the
# divisions, each with the figures its own default view shows. The data's Finnish name.
ALL_DIVISIONS = "Kaikki toimialat"
_STATEMENT_KEYS = ["line_item", "basis", "year", "months"]


@dataclass(frozen=True)
class ReportInfo:
    report_id: str  # `<division slug>-<status date>`: what identifies a report in every file
    title: str
    division: str
    division_title: str
    issued: dt.date
    status_date: dt.date
    goals_responsible: str
    source_file: str
    source_sha256: str = ""


@dataclass(frozen=True)
class Dataset:
    """Everything a view of one report shows, validated and reconciled."""

    report: ReportInfo  # the chosen report
    finance: pd.DataFrame  # printed figures plus derived subtotals (`derived` = True), every division of the date
    printed_derived: pd.DataFrame
    commentary: pd.DataFrame
    service_areas: pd.DataFrame
    social_media: pd.DataFrame  # the chosen report's
    goals: pd.DataFrame  # the chosen report's
    risks: pd.DataFrame  # the chosen report's
    reconciliation: Reconciliation
    periods: ComparisonPeriods
    summary: pd.DataFrame = field(default_factory=pd.DataFrame)  # TULOT, MENOT, NETTO; empty if not printed
    files: Mapping[str, FileStamp] = field(default_factory=dict)  # each file read: its size and SHA-256
    sealed: bool = False  # the folder has a manifest, and every file matched it
    reports: tuple[ReportInfo, ...] = ()  # every report of the status date, the chosen one among them

    @functools.cached_property
    def cost_centres(self) -> list[str]:
        """Cost centres in the order the report prints them (found once: a city ledger is large)."""
        return [a for a in pd.unique(self.finance["service_area"]) if a]

    @functools.cached_property
    def divisions(self) -> tuple[str, ...]:
        """The divisions of the status date in the order printed, the chosen report's first."""
        found = dict.fromkeys([self.report.division, *pd.unique(self.finance["division"])])
        return tuple(found)

    @functools.cached_property
    def cost_centres_by_division(self) -> dict[str, tuple[str, ...]]:
        """Each division's cost centres in the order printed; the chosen report's division first,
        and, where there are several divisions, the view of them all (`ALL_DIVISIONS`) last."""
        pairs = self.finance[["division", "service_area"]].drop_duplicates()
        found: dict[str, list[str]] = {self.report.division: []}
        for division, area in zip(pairs["division"], pairs["service_area"], strict=True):
            found.setdefault(division, [])
            if area:
                found[division].append(area)
        if len(found) > 1:
            found[ALL_DIVISIONS] = [d for d in found if d in set(pairs["division"])]
        return {division: tuple(areas) for division, areas in found.items()}

    @functools.cached_property
    def all_divisions(self) -> pd.DataFrame:
        """The rows of `ALL_DIVISIONS`: each division's default-view statement as one cost centre.

        The default view is the rule `check` proves counts no figure twice: a division's own printed
        table where it prints one, else the sum of its cost centres. A line is derived where any
        division's is."""
        finance = self.finance
        own = set(finance.loc[finance["service_area"] == "", "division"])
        chosen = finance[(finance["service_area"] == "") | ~finance["division"].isin(own)]
        rows = (
            chosen.groupby(["division", *_STATEMENT_KEYS], observed=True, sort=False)
            .agg(eur=("eur", "sum"), derived=("derived", "any"))
            .reset_index()
            .rename(columns={"division": "service_area"})
        )
        rows.insert(0, "division", ALL_DIVISIONS)
        return rows[list(finance.columns)]

    def finance_of(self, division: str) -> pd.DataFrame:
        """The finance rows of one division, or of every division summed (`ALL_DIVISIONS`)."""
        if division == ALL_DIVISIONS:
            return self.all_divisions
        return self.finance[self.finance["division"] == division]

    def for_report(self, report: ReportInfo, goals, risks, social_media) -> Dataset:
        """The same status date seen from another of its reports, with that report's own tables."""
        return dataclasses.replace(self, report=report, goals=goals, risks=risks, social_media=social_media)


def report_info(row: Mapping) -> ReportInfo:
    return ReportInfo(
        **{f.name: row[f.name if f.name != "report_id" else "report"] for f in dataclasses.fields(ReportInfo)}
    )


def build_dataset(
    tables: Mapping[str, pd.DataFrame],
    reports: tuple[ReportInfo, ...],
    files: Mapping[str, FileStamp],
    sealed: bool,
) -> Dataset:
    """The dataset of one status date: `tables` hold its rows only (each file's, without `report`
    where the division tells the report), the first of `reports` chosen."""
    printed = tables["finance.csv"]
    if printed.empty:
        raise DataError(f"finance.csv: holds no figures for {reports[0].status_date:%-d.%-m.%Y}")
    statements = build_statements(printed)
    if statements.repeated_figures:  # only then are a million rows searched for the lines to name
        check_unique("finance.csv", printed, FINANCE_KEY)
    try:
        # The statement table has every period of the ledger, in a row per statement, not per figure.
        periods = comparison_periods(statements.table.index.to_frame(index=False))
    except ValueError as exc:
        raise DataError(f"finance.csv: {exc}") from None
    return Dataset(
        report=reports[0],
        finance=statements.finance,
        printed_derived=tables["printed_derived.csv"],
        commentary=tables["commentary.csv"],
        service_areas=tables["service_areas.csv"],
        social_media=tables["social_media.csv"],
        goals=tables["goals.csv"],
        risks=tables["risks.csv"],
        reconciliation=reconcile(
            printed, tables["printed_derived.csv"], summary=tables["summary.csv"], statements=statements
        ),
        periods=periods,
        summary=tables["summary.csv"],
        files=files,  # the library's one mapping: what tells a view's caches the folder changed
        sealed=sealed,
        reports=reports,
    )
