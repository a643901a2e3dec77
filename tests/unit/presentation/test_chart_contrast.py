"""Chart marks keep a 3:1 contrast with the white plot background (WCAG 2.1 SC 1.4.11)."""

import pytest

from dashboard.presentation.figures import COLORS
from dashboard.presentation.report_figures import CHANNEL_COLORS


def relative_luminance(hex_color: str) -> float:
    channels = [int(hex_color.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(hex_color: str) -> float:
    return 1.05 / (relative_luminance(hex_color) + 0.05)


@pytest.mark.parametrize(("name", "color"), [*COLORS.items(), *CHANNEL_COLORS.items()])
def test_chart_colours_contrast_with_white(name, color):
    assert contrast_with_white(color) >= 3.0, f"{name} {color}: {contrast_with_white(color):.2f}:1"


def test_the_contrast_formula():
    assert round(contrast_with_white("#000000"), 1) == 21.0
    assert round(contrast_with_white("#777777"), 2) == 4.48
