"""Embedding in the management portal: frame mode for every page, and one-chart pages for tiles.

- `?embed=1` on any page drops the site's chrome (navigation, footer, language and copy-link
  buttons, the download menu) and lets the page fill its frame; `&filters=0` hides the finance
  page's controls as well. The page keeps its skip link and headings. `embeddable()` wraps a Dash Pages layout in a
  `<div class="embed [no-filters]">`; `assets/embed.css` does the hiding.
- `/embed/<chart>` (`line`, `area`, `pace`, `bridge`, `forecast`) shows one chart of the finance
  page (`dashboard.web.pages.embed_chart`).
- `assets/embed-height.js` tells the portal page the content's height (postMessage) so the
  frame can follow it; the snippet for the portal page is in the README.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping

from dash import html
from dash.development.base_component import Component

from dashboard.presentation.figures import CHART_BUILDERS

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


def count_clicks_on_buttons_only(page: Component) -> Component:
    """Turn off `n_clicks` on every Dash html element of `page` but its buttons.

    Dash's html elements count their clicks once they have an id: a tick in a filter then also
    updates the click count of each ancestor with an id (the page's `<main>`, the filter panel…),
    a store update each that the renderer works through before the browser can take the view's
    answer. Only buttons' clicks are read by callbacks."""
    for element in page._traverse():  # every descendant (and text), not `page` itself
        html_element = isinstance(element, Component) and element._namespace == "dash_html_components"
        if html_element and element._type != "Button" and getattr(element, "id", None):
            element.disable_n_clicks = True
    return page


def embeddable(layout: Callable[..., html.Div]) -> Callable[..., html.Div]:
    """A Dash Pages layout that also answers `?embed=1` (and `&filters=0`); its elements count
    clicks only where a callback reads them (`count_clicks_on_buttons_only`)."""

    @functools.wraps(layout)
    def embedded_layout(**query) -> html.Div:
        page = count_clicks_on_buttons_only(layout(**query))
        classes = embed_classes(query)
        return html.Div(page, className=classes) if classes else page

    return embedded_layout
