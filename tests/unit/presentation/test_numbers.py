"""Finnish number parsing (the report's printed forms) and formatting (what people read)."""

from decimal import Decimal

import pytest

from dashboard.intake.numbers import NumberFormatError, parse_decimal, parse_euros
from dashboard.presentation.formatting import (
    format_eur,
    format_number,
    format_pct,
    format_signed_eur,
    format_signed_pct,
)

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("- 294 540", -294540),  # a space after the minus
        ("-1 010 000", -1010000),
        ("- 502", -502),
        ("338 433", 338433),
        ("0", 0),
        ("-12", -12),
        ("1\u00a0234", 1234),  # no-break space as the thousands separator
        ("\u22125 816 765", -5816765),  # U+2212 minus sign from typeset text
        (" 22 786 ", 22786),
    ],
)
def test_parse_euros_reads_the_reports_forms(printed, value):
    assert parse_euros(printed) == value


@pytest.mark.parametrize(("printed", "value"), [("42,15", "42.15"), ("0,00", "0"), ("544,00", "544"), ("-3,5", "-3.5")])
def test_parse_decimal_reads_decimal_commas(printed, value):
    assert parse_decimal(printed) == Decimal(value)


@pytest.mark.parametrize("broken", ["12,5", "1 23", "12 3456", "abc", "--5", "", "1.234", "5-"])
def test_parse_euros_rejects_broken_numbers(broken):
    with pytest.raises(NumberFormatError):
        parse_euros(broken)


def test_format_eur_groups_thousands_with_no_break_spaces():
    assert format_eur(1234567) == f"1{NBSP}234{NBSP}567{NBSP}€"
    assert format_eur(-294540) == f"-294{NBSP}540{NBSP}€"
    assert format_eur(999) == f"999{NBSP}€"
    assert format_eur(0.4) == f"0{NBSP}€"


def test_format_pct_uses_a_decimal_comma():
    assert format_pct(68.19) == f"68,2{NBSP}%"
    assert format_pct(544) == f"544,0{NBSP}%"
    assert format_pct(42.15, decimals=2) == f"42,15{NBSP}%"


def test_missing_values_show_a_dash_not_nan():
    assert format_eur(None) == "–"
    assert format_pct(float("nan")) == "–"


def test_no_negative_zero():
    assert format_number(-0.04, 1) == "0,0"


def test_signed_formats_show_the_direction():
    assert format_signed_eur(12345) == f"+12{NBSP}345{NBSP}€"
    assert format_signed_eur(-2100) == f"-2{NBSP}100{NBSP}€"
    assert format_signed_pct(3.44) == f"+3,4{NBSP}%"
    assert format_signed_pct(-0.01) == f"0,0{NBSP}%"
