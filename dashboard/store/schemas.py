"""The data files' schemas: each file of a dataset, its columns in order and the type of each.

This is the one definition of the data contract (data/README.md describes it for people): the
intake fills these columns, the store validates them, and the lists of allowed values (lines,
bases, commentary topics, social-media channels and metrics) are named here once.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.store.periods import ACTUAL, BUDGET
from dashboard.store.statement import LINE_BY_NAME, SUMMARY_ROWS

# The channels the report gives communications figures for, in the order the views list them.
SOCIAL_CHANNELS = ("Facebook", "Instagram", "X", "LinkedIn", "ePress")
# ePress distributes press releases: it has releases and a throughput, no followers.
FOLLOWER_CHANNELS = tuple(channel for channel in SOCIAL_CHANNELS if channel != "ePress")
SOCIAL_METRICS = ("followers", "follower_change", "posts_per_month", "releases", "release_throughput_pct")
# Counts that cannot be negative; a change may be.
NON_NEGATIVE_METRICS = ("followers", "posts_per_month", "releases", "release_throughput_pct")

# What commentary is about: a table's figures, the goals, or the division in general.
FINANCE_TOPIC, GOALS_TOPIC, GENERAL_TOPIC = COMMENTARY_TOPICS = ("finance", "goals", "general")
# The report's figures computed from others: Jäljellä (TA − TOT) and TOT-YY % (TOT / TA × 100).
REMAINING_EUR, REALISATION_PCT = PRINTED_MEASURES = ("remaining_eur", "realisation_pct")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "text"  # text, int, number, bool, date, choice
    required: bool = True  # False: may be empty
    choices: tuple[str, ...] = ()
    low: int | None = None
    high: int | None = None


def _optional(*names: str) -> tuple[Column, ...]:
    return tuple(Column(name, required=False) for name in names)


# Columns several files share: which report a row is from, where a figure belongs, which period.
_REPORT = Column("report")  # report.csv's id of the report: `<division slug>-<status date>`
_DIVISION = Column("division")
_SERVICE_AREA = Column("service_area", required=False)  # empty: the division's own table
_LINE_ITEM = Column("line_item", "choice", choices=tuple(LINE_BY_NAME))
_BASIS = Column("basis", "choice", choices=(ACTUAL, BUDGET))
_PERIOD = (Column("year", "int", low=1900, high=2200), Column("months", "int", low=1, high=12))
_EUR = Column("eur", "int")
_PARAGRAPH = Column("paragraph", "int", low=1)

SCHEMAS: dict[str, tuple[Column, ...]] = {
    "report.csv": (
        _REPORT,
        Column("title"),
        _DIVISION,
        Column("division_title"),
        Column("issued", "date"),
        Column("status_date", "date"),
        *_optional("goals_responsible"),
        Column("source_file"),
        Column("source_sha256"),
    ),
    "finance.csv": (_REPORT, _DIVISION, _SERVICE_AREA, _LINE_ITEM, _BASIS, *_PERIOD, _EUR),
    "printed_derived.csv": (
        _REPORT,
        _DIVISION,
        _SERVICE_AREA,
        _LINE_ITEM,
        Column("measure", "choice", choices=PRINTED_MEASURES),
        *_PERIOD,
        Column("printed", "number"),
    ),
    "summary.csv": (
        _REPORT,
        _DIVISION,
        Column("summary_row", "choice", choices=tuple(SUMMARY_ROWS)),
        Column("line_item", "choice", choices=tuple(SUMMARY_ROWS.values())),
        _BASIS,
        *_PERIOD,
        _EUR,
    ),
    "commentary.csv": (
        _REPORT,
        _DIVISION,
        _SERVICE_AREA,
        Column("topic", "choice", choices=COMMENTARY_TOPICS),
        _PARAGRAPH,
        Column("text"),
    ),
    "service_areas.csv": (_REPORT, _DIVISION, _SERVICE_AREA, Column("heading"), _PARAGRAPH, Column("text")),
    "social_media.csv": (
        _REPORT,
        Column("channel", "choice", choices=SOCIAL_CHANNELS),
        Column("metric", "choice", choices=SOCIAL_METRICS),
        Column("value", "number"),
        Column("date", "date", required=False),
        *_optional("period_label"),
        Column("derived", "bool"),
        *_optional("note"),
    ),
    "goals.csv": (
        _REPORT,
        Column("table", "int", low=1),
        *_optional("table_title"),
        Column("row", "int", low=1),
        *_optional("strategic_aim", "focus_areas", "goal", "measures", "responsible", "realisation", "status"),
        Column("partial", "bool"),
    ),
    "risks.csv": (
        _REPORT,
        Column("row", "int", low=1),
        *_optional("risk_class"),
        Column("risk"),
        Column("probability", "int", low=1, high=10),
        Column("significance", "int", low=1, high=10),
        *_optional("control", "control_realisation"),
    ),
}
# What identifies a figure: a file holds each key once.
FINANCE_KEY = ["division", "service_area", "line_item", "basis", "year", "months"]
SUMMARY_KEY = ["report", "division", "summary_row", "basis", "year", "months"]
SOCIAL_KEY = ["report", "channel", "metric", "date", "period_label", "derived"]
# Files a folder may leave out: a city-wide ledger prints no budget summary. Ingest writes them all.
OPTIONAL_FILES = frozenset({"summary.csv"})


def column_names(file: str) -> list[str]:
    """A data file's columns in order: what the intake's rows hold and the CSV header reads."""
    return [column.name for column in SCHEMAS[file]]
