"""The report's printed figures as numbers: `- 294 540` (a space after the minus), `-1 010 000`, `42,15`."""

from __future__ import annotations

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
