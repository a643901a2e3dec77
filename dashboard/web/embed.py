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


def embeddable(layout: Callable[..., html.Div]) -> Callable[..., html.Div]:
    """A Dash Pages layout that also answers `?embed=1` (and `&filters=0`)."""

    @functools.wraps(layout)
    def embedded_layout(**query) -> html.Div:
        page = layout(**query)
        classes = embed_classes(query)
        return html.Div(page, className=classes) if classes else page

    return embedded_layout
