"""Finnish number parsing (the report's printed forms) and formatting (what people read)."""

from decimal import Decimal

import pytest

from dashboard.presentation.formatting import (
    format_eur,
    format_number,
    format_pct,
    format_signed_eur,
    format_signed_number,
    format_signed_pct,
    rounded,
)

NBSP = "\u00a0"


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


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (2.5, f"3{NBSP}€"),
        (-2.5, f"-3{NBSP}€"),
        (0.5, f"1{NBSP}€"),
        (-0.5, f"-1{NBSP}€"),
        (1234566.5, f"1{NBSP}234{NBSP}567{NBSP}€"),
        (-0.4, f"0{NBSP}€"),  # rounds to zero: no "-0"
    ],
)
def test_euros_round_half_up_as_finnish_accounting_does(value, shown):
    assert format_eur(value) == shown


def test_percentages_round_half_up_from_the_figure_as_printed():
    # 68.25 as a binary float is a hair below 68.25; the figure as written rounds up all the same.
    assert format_pct(68.25) == f"68,3{NBSP}%"
    assert format_pct(-68.25) == f"-68,3{NBSP}%"
    assert format_pct(0.125, decimals=2) == f"0,13{NBSP}%"
    assert format_signed_pct(0.05) == f"+0,1{NBSP}%"
    assert format_signed_pct(-0.04) == f"0,0{NBSP}%"


def test_rounded_is_the_value_a_reader_sees():
    assert rounded(2.5) == Decimal("3")
    assert rounded(68.25, 1) == Decimal("68.3")
    assert str(rounded(-0.04, 1)) == "0.0"
    assert rounded(None) is None
    assert rounded(float("nan")) is None
    assert rounded(float("inf")) is None


def test_english_view_keeps_finnish_number_conventions_and_ascii_minus():
    for lang in ("fi", "en"):
        assert format_eur(-1234567, lang=lang) == f"-1{NBSP}234{NBSP}567{NBSP}€"
        assert format_pct(68.19, lang=lang) == f"68,2{NBSP}%"
        assert format_number(1234.5, 1, sep="", lang=lang) == "1234,5"


def test_signed_counts_show_the_direction():
    assert format_signed_number(16) == "+16"
    assert format_signed_number(-3) == "-3"
    assert format_signed_number(0) == "0"
    assert format_signed_number(None) == "–"
    assert format_signed_eur(0.4) == f"0{NBSP}€"  # shown as zero, so no sign
