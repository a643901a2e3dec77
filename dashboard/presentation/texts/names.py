"""The data's names in the view's language: divisions, cost centres, statement lines and periods.

The data stays in Finnish; translation happens only when a view is drawn. A name with no English
entry is shown as it is in the data (that is the data, not a missing text), so a new cost centre
still appears, in Finnish, until it is added here.
"""

from __future__ import annotations

from dashboard.store.periods import Period
from dashboard.store.statement import LINE_BY_NAME

# The data's Finnish names of divisions and cost centres, in English.
ORG_NAMES_EN: dict[str, str] = {
    "Yhteiset palvelut": "Common services",
    "Kaikki toimialat": "All divisions",  # dashboard.store.dataset.ALL_DIVISIONS
    "Hallinnon tukipalvelut": "Administrative support services",
    "Henkilöstöpalvelut": "HR services",
    "Kehittämispalvelut": "Development services",
    "Talouspalvelut": "Financial services",
    "Tarkastustoimi": "Audit",
    "Tietohallinto- ja digipalvelut": "ICT and digital services",
    "Vaalit": "Elections",
}


def org_name(name: str, lang: str) -> str:
    """A division's or cost centre's name in `lang` (the data's Finnish name where untranslated)."""
    return ORG_NAMES_EN.get(name, name) if lang == "en" else name


def line_name(name: str, lang: str) -> str:
    """A statement line's name in `lang` (the data's name for a line the statement does not know)."""
    line = LINE_BY_NAME.get(name)
    return line.english if lang == "en" and line else name


def period_label(period: Period | None, lang: str) -> str:
    """`1–9/2024` style: a period as its column header reads."""
    if period is None:
        return "–"
    return period.label_en if lang == "en" else period.label
