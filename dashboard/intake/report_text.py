"""The report's text line by line: the reader's place in it, a row's cells, and what a line is.

A PDF extractor gives prose lines, and tables as tab-separated rows. `ReportCursor` walks the lines
and makes the errors, which name the line and the offending text (`ReportFormatError`). The rest
tells a heading from a paragraph, turns a goal cell's HTML into text, and a cell into a number.
"""

from __future__ import annotations

import datetime as dt
import html
import re

from dashboard.intake.numbers import NumberFormatError, parse_decimal

DATE = r"(\d{1,2})\.(\d{1,2})\.(\d{4})"  # a date as the report prints it: 30.9.2024


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


class ReportCursor:
    """The report's lines and the place of the next one to read (`pos`, 0-based; errors say 1-based)."""

    def __init__(self, text: str, source: str):
        self.lines = text.splitlines()
        self.source = source
        self.pos = 0

    def error(self, lineno: int | None, message: str, text: str | None = None) -> ReportFormatError:
        return ReportFormatError(self.source, lineno, message, text)

    def peek_nonblank(self) -> int | None:
        """The index of the next line with text, not moving past it."""
        i = self.pos
        while i < len(self.lines) and not self.lines[i].strip():
            i += 1
        return i if i < len(self.lines) else None

    def next_nonblank(self) -> tuple[int, str] | None:
        """The next line with text and its number, moving past it; None at the end."""
        i = self.peek_nonblank()
        if i is None:
            self.pos = len(self.lines)
            return None
        self.pos = i + 1
        return i + 1, self.lines[i]


def split_cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("\t")]


def is_upper_heading(text: str) -> bool:
    return any(c.isalpha() for c in text) and text == text.upper()


def is_paragraph(text: str) -> bool:
    """A sentence or a long line; anything shorter and unpunctuated is a sub-heading."""
    return text.endswith((".", "!", "?", ":", ")")) or len(text) > 100


def html_to_text(raw: str) -> str:
    """A goal cell's HTML fragment as plain text, one paragraph or list item a line."""
    text = re.sub(r"<ul[^>]*>|</ul>|</?p>|</?li>|•", "\n", raw)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    lines = (" ".join(part.split()) for part in text.split("\n"))
    return "\n".join(line for line in lines if line)


def looks_numeric(cell: str) -> bool:
    try:
        parse_decimal(cell)
    except NumberFormatError:
        return False
    return True


def iso_date(day: str, month: str, year: str) -> str:
    """A printed date's parts (as `DATE` matches them) in ISO form."""
    return dt.date(int(year), int(month), int(day)).isoformat()
