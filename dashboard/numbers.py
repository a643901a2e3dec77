"""Finnish numbers: parsing the report's printed figures and formatting them for people.

The report prints `- 294 540` (a space after the minus), `-1 010 000` and `42,15`. People read
`1 234 567 €` and `68,2 %`; the spaces we print are no-break spaces (U+00A0), so that a figure
never wraps mid-number and still reads, copies and searches as an ordinary space-grouped number.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

# U+2212 MINUS SIGN and the en dash appear when text is copied from typeset documents.
_MINUS = "-\u2212\u2013"
_GROUP_SPACES = " \u00a0\u202f"
_NUMBER = re.compile(
    rf"^(?P<sign>[{_MINUS}])?[ \u00a0]*"
    rf"(?P<int>\d{{1,3}}(?:[{_GROUP_SPACES}]\d{{3}})+|\d+)"
    r"(?:,(?P<frac>\d+))?$"
)

NBSP = "\u00a0"


class NumberFormatError(ValueError):
    """A printed figure that is not a number in the report's format."""


def parse_decimal(text: str) -> Decimal:
    """Parse a Finnish-printed number (`- 1 234,5`) exactly."""
    match = _NUMBER.match(text.strip())
    if not match:
        raise NumberFormatError(f"'{text}' is not a number in the Finnish format (e.g. -1 234 or 42,15)")
    digits = re.sub(rf"[{_GROUP_SPACES}]", "", match["int"])
    value = Decimal(digits + ("." + match["frac"] if match["frac"] else ""))
    return -value if match["sign"] else value


def parse_euros(text: str) -> int:
    """Parse a whole-euro figure; a decimal part is an error, not something to round away."""
    value = parse_decimal(text)
    if value != value.to_integral_value():
        raise NumberFormatError(f"'{text}' is not a whole number of euros")
    return int(value)


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def format_number(value: float | int | None, decimals: int = 0, sep: str = NBSP) -> str:
    """`-1234567.8` → `−1 234 568` style text with a Finnish decimal comma ('–' for no value)."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    rounded = round(float(value), decimals)
    if rounded == 0:
        rounded = 0.0  # no "-0"
    text = f"{abs(rounded):.{decimals}f}"
    whole, _, frac = text.partition(".")
    out = _group(whole, sep) + ("," + frac if frac else "")
    return ("-" if rounded < 0 else "") + out


def format_eur(value: float | int | None, decimals: int = 0) -> str:
    """`1234567` → `1 234 567 €`."""
    text = format_number(value, decimals)
    return text if text == "–" else f"{text}{NBSP}€"


def format_pct(value: float | None, decimals: int = 1) -> str:
    """`68.19` → `68,2 %`."""
    text = format_number(value, decimals)
    return text if text == "–" else f"{text}{NBSP}%"


def format_signed_eur(value: float | int | None) -> str:
    """A change in euros with an explicit sign: `+12 345 €`, `-2 100 €`."""
    text = format_eur(value)
    return text if text == "–" or text.startswith("-") or value == 0 else "+" + text


def format_signed_pct(value: float | None, decimals: int = 1, unit: str = "%") -> str:
    """A change in percent (or percentage points with unit='%-yks.'): `+3,4 %`."""
    text = format_number(value, decimals)
    if text == "–":
        return text
    sign = "+" if value is not None and round(value, decimals) > 0 else ""
    return f"{sign}{text}{NBSP}{unit}"
