"""The URL form of the data's names: cost centres, divisions and strategic aims in links and file names."""

from __future__ import annotations

import datetime as dt
import re


def slugify(text: str) -> str:
    """`Tietohallinto- ja digipalvelut` → `tietohallinto-ja-digipalvelut` (the URL form)."""
    text = text.lower().replace("ä", "a").replace("ö", "o").replace("å", "a")
    text = re.sub(r"[^a-z0-9\s-]", "", text)
    text = re.sub(r"[\s-]+", "-", text)
    return text.strip("-")


def report_id(division: str, status_date: dt.date) -> str:
    """A report's identity, as every data file names it: its division and the date its figures describe."""
    return f"{slugify(division)}-{status_date.isoformat()}"
