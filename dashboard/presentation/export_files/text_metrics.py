"""How wide a text is in a spreadsheet, and how many lines it wraps to: Arial's advance widths.

One font, named on the workbook's Normal style and on every cell we write. Arial, because every reader's
software has it or a metric twin: Windows and macOS ship Arial, and LibreOffice ships Liberation Sans, which
it substitutes for Arial with the same character widths. So the column widths and header heights computed
from Arial's widths hold in Excel and in Calc alike (an unnamed font is what made Calc pick a wide serif and
wrap the header row over the first data row). Calibri would need Carlito, which Calc lacks on many Linux
installs.
"""

from __future__ import annotations

import unicodedata

FONT_NAME = "Arial"
FONT_SIZE = 11
LINE_HEIGHT = 15.0  # points per line of 11-point text, with room to spare (Excel's own is 14.25 for Arial 11)
FILTER_BUTTON = 2.5  # the Excel table's filter button covers the right end of a header cell, in width units
_PX_PER_POINT = 96 / 72
_DIGIT_PX = 8  # Arial 11 at 96 dpi: a digit is 8 px, the unit of Excel's column widths
EPS = 1e-6

_ASCII = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
# Advance widths of Arial (= Helvetica = Liberation Sans) in 1/1000 em, for the characters of _ASCII in order.
_REGULAR = "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 500 500 500 334 260 334 584"
_BOLD = "278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 611 833 722 778 667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 333 556 611 556 611 556 333 611 611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778 556 556 500 389 280 389 584"
_WIDTHS = {
    bold: dict(zip(_ASCII, map(int, widths.split()), strict=True))
    for bold, widths in ((False, _REGULAR), (True, _BOLD))
}
_WIDE_EXTRA = {
    **{"\u00a0": 278, "€": 556, "–": 556, "—": 1000, "×": 584, "−": 584, "…": 1000, "§": 556, "½": 834},
    **{"▲": 990, "▼": 990, "→": 1000, "←": 1000, "↑": 500, "↓": 500, "·": 278, "•": 350, "°": 400},
    **{"≈": 549, "≤": 549, "≥": 549, "´": 333},
}
_UNKNOWN = 1000  # a character we do not know: as wide as the widest, so that it never overflows


def _char_width(ch: str, bold: bool) -> int:
    widths = _WIDTHS[bold]
    if ch in widths:
        return widths[ch]
    if ch in _WIDE_EXTRA:
        return _WIDE_EXTRA[ch]
    base = unicodedata.normalize("NFKD", ch)[:1]  # ä → a, Ö → O, é → e
    return widths.get(base, _UNKNOWN)


def text_width(text: str, bold: bool = False, size: int = FONT_SIZE) -> float:
    """How wide `text` is in Excel's column-width units (digits of the Normal font), in Arial `size`."""
    units = sum(_char_width(ch, bold) for ch in text)
    return units / 1000 * size * _PX_PER_POINT / _DIGIT_PX


def line_widths(text: str, width: float, bold: bool = False, size: int = FONT_SIZE) -> list[float]:
    """The lines of `text` in a column `width` units wide, wrapped at spaces as a spreadsheet does: their widths.

    Greedy wrapping gives the fewest lines for its break points; Excel and Calc break at spaces and more
    places (after hyphens), so they never need more lines than this.
    """
    room = max(width - 1, 1.0)  # the cell's own padding
    space = text_width(" ", bold, size)
    lines: list[float] = []
    for paragraph in text.split("\n"):
        used = 0.0
        for word in paragraph.split(" "):
            w = text_width(word, bold, size)
            if used and used + space + w <= room + EPS:
                used += space + w
                continue
            if used:
                lines.append(used)
            used = w
            while used > room + EPS:  # a word wider than the column breaks where it must
                lines.append(room)
                used -= room
        lines.append(used)
    return lines


def wrapped_lines(text: str, width: float, bold: bool = False, size: int = FONT_SIZE) -> int:
    """How many lines `text` takes in a column `width` units wide (see line_widths)."""
    return len(line_widths(text, width, bold, size))


def header_line_count(header: str, width: float, lead: float = 0.0) -> int:
    """Lines of a bold header in a column `width` wide, its text indented by `lead`: the spreadsheet wraps
    it at the cell's width, and the Excel table's filter button sits at the cell's bottom right, so a last
    line that reaches under the button needs a line of its own below the text."""
    lines = line_widths(header, width - lead, bold=True)
    room = width - lead - 1
    return len(lines) + (1 if lines[-1] > room - FILTER_BUTTON + EPS else 0)
