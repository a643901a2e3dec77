"""Numbers for people, the Finnish way.

People read
`1 234 567 €` and `68,2 %`; the spaces we print are no-break spaces (U+00A0), so that a figure
never wraps mid-number and still reads, copies and searches as an ordinary space-grouped number.
"""

from __future__ import annotations

import math

NBSP = "\u00a0"


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
