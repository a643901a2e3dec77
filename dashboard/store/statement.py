"""The Finnish municipal income statement (tuloslaskelma) as the report prints it.

Line items and their order follow the statutory scheme; a line's section says whether it is
income, an expense or a subtotal. Subtotals are defined by formulas over the lines above them,
so a table that stops early can have its missing subtotals derived, and a printed subtotal can be
reconciled against its items.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Section(StrEnum):
    INCOME = "income"
    OWN_USE = "own_use"
    EXPENSE = "expense"
    FINANCIAL = "financial"
    DEPRECIATION = "depreciation"
    SUBTOTAL = "subtotal"


@dataclass(frozen=True)
class Line:
    name: str
    section: Section
    english: str


# Order as printed in the report's tables.
LINES: tuple[Line, ...] = (
    Line("Myyntituotot", Section.INCOME, "Sales revenue"),
    Line("Maksutuotot", Section.INCOME, "Fee revenue"),
    Line("Tuet ja avustukset", Section.INCOME, "Subsidies and grants"),
    Line("Vuokratuotot", Section.INCOME, "Rental income"),
    Line("Muut toimintatuotot", Section.INCOME, "Other operating income"),
    Line("Toimintatuotot", Section.SUBTOTAL, "Operating income"),
    Line("Valmistus omaan käyttöön", Section.OWN_USE, "Manufacture for own use"),
    Line("Henkilöstökulut", Section.EXPENSE, "Personnel expenses"),
    Line("Palvelujen ostot", Section.EXPENSE, "Purchases of services"),
    Line("Aineet, tarvikkeet ja tavarat", Section.EXPENSE, "Materials, supplies and goods"),
    Line("Avustukset", Section.EXPENSE, "Grants paid"),
    Line("Vuokrakulut", Section.EXPENSE, "Rental expenses"),
    Line("Muut toimintakulut", Section.EXPENSE, "Other operating expenses"),
    Line("Toimintakulut", Section.SUBTOTAL, "Operating expenses"),
    Line("Toimintakate", Section.SUBTOTAL, "Operating margin"),
    Line("Rahoitustuotot ja -kulut", Section.FINANCIAL, "Financial income and expenses"),
    Line("Vuosikate", Section.SUBTOTAL, "Annual margin"),
    Line("Poistot ja arvonalentumiset", Section.DEPRECIATION, "Depreciation and impairment"),
    Line("Tilikauden tulos", Section.SUBTOTAL, "Result for the period"),
)

LINE_BY_NAME: dict[str, Line] = {line.name: line for line in LINES}
LINE_ORDER: dict[str, int] = {line.name: i for i, line in enumerate(LINES)}

# Printed in capitals above a section's rows; they carry no figures.
SECTION_HEADINGS = frozenset({"TOIMINTATUOTOT", "TOIMINTAKULUT"})

# Each subtotal is the sum of whole sections and earlier subtotals, in this order, so that a
# missing subtotal can be derived from the ones before it.
SUBTOTAL_FORMULAS: tuple[tuple[str, tuple[Section | str, ...]], ...] = (
    ("Toimintatuotot", (Section.INCOME,)),
    ("Toimintakulut", (Section.EXPENSE,)),
    ("Toimintakate", ("Toimintatuotot", Section.OWN_USE, "Toimintakulut")),
    ("Vuosikate", ("Toimintakate", Section.FINANCIAL)),
    ("Tilikauden tulos", ("Vuosikate", Section.DEPRECIATION)),
)

# The report's one-line budget summary repeats three subtotals under other names.
SUMMARY_ROWS: dict[str, str] = {
    "TULOT": "Toimintatuotot",
    "MENOT": "Toimintakulut",
    "NETTO": "Toimintakate",
}


def formula_lines(term: Section | str) -> list[str]:
    """The line names a formula term stands for: a whole section, or one subtotal."""
    if isinstance(term, Section):
        return [line.name for line in LINES if line.section is term]
    return [term]
