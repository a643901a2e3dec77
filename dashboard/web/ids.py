"""Component ids: one constant per component, kebab-case, named for what the component is."""

# state and notices
LANG_STORE = "lang-store"
URL_NOTICE = "url-notice"
INPUT_NOTICE = "input-notice"
LANG_SWITCH = "lang-switch"
COPY_LINK_BUTTON = "copy-link-button"
COPY_LINK_STATUS = "copy-link-status"

# controls
AREA_FILTER = "service-area-filter"
AREA_FILTER_HELP = "service-area-filter-help"
DIVISION_CONTROL = "division-control"
REPORT_CONTROL = "report-control"  # the report shown, by its status date
GROUP_CONTROL = "line-group-control"
MEASURE_CONTROL = "measure-control"
BRIDGE_CONTROL = "bridge-by-control"

# content
SELECTION_HEADING = "selection-heading"
KPI_CARDS = "kpi-cards"
LINE_CHART = "line-item-chart"
AREA_CHART = "cost-centre-chart"
PACE_CHART = "pace-chart"
BRIDGE_CHART = "variance-bridge-chart"
FORECAST_CHART = "forecast-chart"
DEVELOPMENT_CHART = "development-chart"
FORECAST_DEVELOPMENT_CHART = "forecast-development-chart"
DATA_STATUS = "data-status"
EXCEPTIONS = "exceptions-table"
STATEMENT_TABLE = "statement-table"
ROUNDING_NOTE = "rounding-note"
AREA_TEXTS = "service-area-texts"
FINANCE_VIEW = "finance-view"  # the view's computed parts, handed to the slots above (components.ViewData)


def head_id(chart_id: str) -> str:
    """The chart's title and summary, drawn together by the callback."""
    return f"{chart_id}-head"


def summary_id(chart_id: str) -> str:
    """The one-sentence summary under a chart."""
    return f"{chart_id}-summary"


def table_id(chart_id: str) -> str:
    """The chart's "show as table" alternative."""
    return f"{chart_id}-table"


def title_id(chart_id: str) -> str:
    return f"{chart_id}-title"


# the phone's filter drawer (dashboard.web.finance_layout.filters): its button and the panel it opens
FILTER_TOGGLE = "filter-toggle"
FILTER_PANEL = "filter-panel"

# The finance page's controls, in the order its callbacks read them (the downloads read them too).
FINANCE_CONTROLS = (AREA_FILTER, GROUP_CONTROL, MEASURE_CONTROL, BRIDGE_CONTROL, DIVISION_CONTROL, REPORT_CONTROL)
# The finance view's request (components.ViewData asks it, pages/finance.py answers): the path
# under Dash's request prefix, and the query parameter that carries each control's value.
FINANCE_VIEW_PATH = "_finance-view"
FINANCE_VIEW_PARAMS = dict(
    zip(("area", "group", "measure", "bridge", "division", "date"), FINANCE_CONTROLS, strict=True)
)
