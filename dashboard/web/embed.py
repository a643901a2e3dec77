"""Embedding in the management portal: frame mode for every page, and one-chart pages for tiles.

- `?embed=1` on any page drops the site's chrome (navigation, footer, language and copy-link
  buttons) and lets the page fill its frame; `&filters=0` hides the finance page's controls as
  well. The page keeps its skip link and headings. `embeddable()` wraps a Dash Pages layout in a
  `<div class="embed [no-filters]">`; `assets/embed.css` does the hiding.
- `/embed/<chart>` (`line`, `area`, `pace`, `bridge`, `forecast`) shows one chart of the finance
  page, its title, one-sentence summary and table, for the same link parameters as the finance
  page (`?area=vaalit&bridge=area&lang=en`). It is drawn from the same compute and figure
  builders as the finance page, so a tile always matches the full view.
- `assets/embed-height.js` tells the portal page the content's height (postMessage) so the
  frame can follow it; the snippet for the portal page is in the README.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping

from dash import html

from dashboard.analysis.finance_view import build_finance_view
from dashboard.presentation.figures import CHART_BUILDERS
from dashboard.presentation.texts import LANGUAGES, t
from dashboard.serving.settings import Settings
from dashboard.store.dataset import Dataset
from dashboard.web.components import Plot
from dashboard.web.layout import GRAPH_CONFIG, render_chart_table, render_notices
from dashboard.web.query import read_query

EMBED_CHART_PATH = "/embed/<chart>"
CHART_NAMES = tuple(CHART_BUILDERS)  # line, area, pace, bridge, forecast


def _last(value: object) -> str:
    if isinstance(value, list | tuple):
        value = value[-1] if value else ""
    return str(value) if value is not None else ""


def embed_classes(query: Mapping[str, object]) -> str:
    """`embed` for `?embed=1`, plus `no-filters` for `&filters=0`; empty when not embedded."""
    if _last(query.get("embed")).lower() not in ("1", "true", "yes"):
        return ""
    hide_filters = _last(query.get("filters")).lower() in ("0", "false", "no")
    return "embed no-filters" if hide_filters else "embed"


def embeddable(layout: Callable[..., html.Div]) -> Callable[..., html.Div]:
    """A Dash Pages layout that also answers `?embed=1` (and `&filters=0`)."""

    @functools.wraps(layout)
    def embedded_layout(**query) -> html.Div:
        page = layout(**query)
        classes = embed_classes(query)
        return html.Div(page, className=classes) if classes else page

    return embedded_layout


def chart_embed_page(
    get_settings: Callable[[], Settings], get_dataset: Callable[[], Dataset]
) -> Callable[..., html.Div]:
    """The layout of `/embed/<chart>`: one chart card for the link's selection."""

    def chart_embed_layout(chart: str | None = None, **query) -> html.Div:
        settings = get_settings()
        dataset = get_dataset()
        lang, selection, notices = read_query(dataset, query, settings.default_lang)
        if chart not in CHART_BUILDERS:
            lang = lang if lang in LANGUAGES else settings.default_lang
            body = [html.H1(t("not_found_title", lang)), html.P(t("not_found_text", lang))]
            return html.Div(html.Main(body, id="main", className="page embed-chart"), className="embed", lang=lang)
        drawn = CHART_BUILDERS[chart](build_finance_view(dataset, selection), lang)
        graph_id = f"embedded-{chart}-chart"
        card = html.Section(
            [
                html.H1(drawn.title, id=f"{graph_id}-title", className="chart-title"),
                html.P(drawn.summary, className="chart-summary"),
                Plot(id=graph_id, figure=drawn.figure, config=GRAPH_CONFIG),
                html.Details([html.Summary(t("show_table", lang)), render_chart_table(drawn)], className="chart-table"),
            ],
            className="card chart-card",
            **{"aria-labelledby": f"{graph_id}-title"},
        )
        notice = html.Div(
            render_notices(notices, lang), className="notice" if notices else "notice empty", role="status"
        )
        main = html.Main([notice, card], id="main", className="page embed-chart", tabIndex="-1")
        return html.Div(main, className="embed", lang=lang)

    return chart_embed_layout
