"""The report's printed numbers read exactly: `- 294 540`, `-1 010 000`, `42,15`."""

from decimal import Decimal

import pytest

from dashboard.intake.numbers import NumberFormatError, parse_decimal, parse_euros


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
