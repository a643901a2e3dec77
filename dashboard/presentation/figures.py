"""The charts, by name: `CHART_BUILDERS` maps each finance chart's key to its builder.

The builders live in `finance_charts`, the `Chart` type and the shared style in `chart`, the parts the
finance charts share in `finance_parts`; their public names are importable from here too.
"""

from dashboard.presentation.chart import (
    BASE_LAYOUT,
    COLORS,
    FONT,
    SEPARATORS,
    TEMPLATE,
    Chart,
    EurAxis,
    base_figure,
    eur_axis,
    grouped_eur_bars,
)
from dashboard.presentation.finance_charts import (
    comparison_by_area,
    comparison_by_line,
    forecast_vs_budget,
    pace_bullets,
    variance_bridge,
)
from dashboard.presentation.finance_parts import forecast_method_text

CHART_BUILDERS = {
    "line": comparison_by_line,
    "area": comparison_by_area,
    "pace": pace_bullets,
    "bridge": variance_bridge,
    "forecast": forecast_vs_budget,
}

__all__ = [
    "BASE_LAYOUT",
    "CHART_BUILDERS",
    "COLORS",
    "FONT",
    "SEPARATORS",
    "TEMPLATE",
    "Chart",
    "EurAxis",
    "base_figure",
    "comparison_by_area",
    "comparison_by_line",
    "eur_axis",
    "forecast_method_text",
    "forecast_vs_budget",
    "grouped_eur_bars",
    "pace_bullets",
    "variance_bridge",
]
