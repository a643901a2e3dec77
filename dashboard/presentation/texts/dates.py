"""Dates for people (`30.9.2024` in both languages) and the data stamp: when the figures are from, and whence."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as babel_format_date

from dashboard.presentation.formatting import LOCALES
from dashboard.presentation.texts.lookup import t

DATE_PATTERN = "d.M.yyyy"  # the Finnish short date, kept in English too (en_FI): 30.9.2024


def format_date(value: dt.date, lang: str) -> str:
    """`30.9.2024`: day and month without leading zeros."""
    return babel_format_date(value, DATE_PATTERN, locale=LOCALES[lang])


def report_stamp(report, lang: str) -> tuple[str, str]:
    """ "Tilanne 30.9.2024" and "Lähde: …": when the figures are from, and which report they come from."""
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
