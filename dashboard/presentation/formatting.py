"""Numbers for people, the Finnish way: the one formatter of figures, on Babel (`fi_FI`, `en_FI`).

People read `1 234 567 €` and `68,2 %` in both languages (English words, Finnish conventions). The
spaces we print are no-break spaces (U+00A0), so that a figure never wraps mid-number and still
reads, copies and searches as an ordinary space-grouped number; the minus is ASCII's hyphen-minus,
so a copied figure pastes as a number. Figures are rounded half up, as Finnish accounting rounds
(2,5 € → 3 €), before Babel writes them: Babel's own rounding is half-even.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache

from babel.numbers import get_decimal_symbol, get_group_symbol

NBSP = "\u00a0"
NO_VALUE = "–"
LOCALES = {"fi": "fi_FI", "en": "en_FI"}  # English words with Finnish conventions for numbers and dates


@cache
def _symbols(lang: str) -> dict[int, str]:
    """The locale's group and decimal symbols (Babel's CLDR data), as a `str.translate` table."""
    locale = LOCALES[lang]
    return str.maketrans({",": get_group_symbol(locale), ".": get_decimal_symbol(locale)})


def rounded(value: float | int | Decimal | None, decimals: int = 0) -> Decimal | None:
    """`value` rounded half up to `decimals` places, as the reader sees it (None for no value).

    `Decimal(str(value))`: the float as Python prints it, so 68.25 rounds to 68.3 although the binary
    float is a hair below 68.25. Negative zero becomes zero, so no figure reads `-0`.
    """
    if value is None:
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    result = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return result if result else abs(result)


def format_number(value: float | int | Decimal | None, decimals: int = 0, sep: str = NBSP, lang: str = "fi") -> str:
    """`-1234567.8` → `-1 234 568` style text with a Finnish decimal comma ('–' for no value)."""
    number = rounded(value, decimals)
    if number is None:
        return NO_VALUE
    # The digits grouped by Python's format, in the locale's symbols from Babel: a callback formats
    # hundreds of figures, and `babel.numbers.format_decimal` (which parses its locale and pattern
    # each time) doubled its time. The sign is ours, so that it is ASCII (fi's own is U+2212).
    text = f"{abs(number):,f}".translate(_symbols(lang))
    if sep != NBSP:
        text = text.replace(NBSP, sep)
    return ("-" if number < 0 else "") + text


def format_eur(value: float | int | None, decimals: int = 0, lang: str = "fi") -> str:
    """`1234567` → `1 234 567 €`."""
    text = format_number(value, decimals, lang=lang)
    return text if text == NO_VALUE else f"{text}{NBSP}€"


def format_pct(value: float | None, decimals: int = 1, lang: str = "fi") -> str:
    """`68.19` → `68,2 %`."""
    text = format_number(value, decimals, lang=lang)
    return text if text == NO_VALUE else f"{text}{NBSP}%"


def _sign(value: float | int | None, decimals: int) -> str:
    """ "+" for a change that is positive as shown; a shown zero has no sign, a negative its minus."""
    number = rounded(value, decimals)
    return "+" if number is not None and number > 0 else ""


def format_signed_number(value: float | int | None, decimals: int = 0, lang: str = "fi") -> str:
    """A change in a count with an explicit sign: `+16`, `-3`."""
    return _sign(value, decimals) + format_number(value, decimals, lang=lang)


def format_signed_eur(value: float | int | None, lang: str = "fi") -> str:
    """A change in euros with an explicit sign: `+12 345 €`, `-2 100 €`."""
    return _sign(value, 0) + format_eur(value, lang=lang)


def format_signed_pct(value: float | None, decimals: int = 1, unit: str = "%", lang: str = "fi") -> str:
    """A change in percent (or percentage points with unit='%-yks.'): `+3,4 %`."""
    text = format_number(value, decimals, lang=lang)
    return text if text == NO_VALUE else f"{_sign(value, decimals)}{text}{NBSP}{unit}"
