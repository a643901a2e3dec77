"""One table as CSV for Finnish Excel: UTF-8 with a byte-order mark, `;` between fields, a decimal comma.

No thousands separator, so that Excel reads every figure as a number; figures are rounded as the view
shows them, by the one formatter.
"""

from __future__ import annotations

import csv
import io

from dashboard.presentation.formatting import format_number
from dashboard.presentation.tables import Column, Table, missing


def csv_value(value: object, column: Column) -> str:
    """`-1234,5`: a decimal comma, no thousands separator, so Finnish Excel reads a number."""
    if column.kind == "text":
        return "" if missing(value) else str(value)
    text = format_number(value, column.decimals, sep="")
    return "" if text == format_number(None) else text


def to_csv(table: Table) -> bytes:
    """One table: UTF-8 with BOM, `;`-separated, CRLF lines, the header row first."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([c.header for c in table.columns])
    for row in table.rows:
        writer.writerow([csv_value(v, c) for v, c in zip(row, table.columns, strict=True)])
    return out.getvalue().encode("utf-8-sig")
