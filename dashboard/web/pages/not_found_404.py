"""The not-found page (`/404`, and any path no page has): says so and links to the finance page.

Dash Pages shows the page whose module name ends in `not_found_404` for an unknown path.
"""

from __future__ import annotations

import dash
from dash import Dash, html

from dashboard.presentation.texts import LANGUAGES, t
from dashboard.web.current import current_settings
from dashboard.web.site import page_href


def not_found_page(lang: str) -> html.Main:
    return html.Main(
        [
            html.H1(t("not_found_title", lang)),
            html.P(t("not_found_text", lang)),
            html.A(t("back_home", lang), href=page_href("finance", lang)),
        ],
        className="page not-found",
    )


def layout(**query) -> html.Main:
    lang = query.get("lang") if query.get("lang") in LANGUAGES else current_settings().default_lang
    return not_found_page(lang)


def register(app: Dash) -> None:
    """Register the page with Dash Pages (it has no callbacks)."""
    dash.register_page(__name__, path="/404", order=6, title=t("not_found_title", "fi"), layout=layout)
