"""The site's pages, one module each, registered with Dash Pages by `register_pages(app)`.

Each module starts with what its page shows, holds its layout (a function of the link's query
parameters, reading the app's settings and data through `dashboard.web.current`) and, for the
finance page, its callbacks, and has a `register(app)` that the app factory calls once the app
exists. Registering from the factory rather than at import (Dash's `pages_folder`) is deliberate:
Dash re-executes a pages folder's modules for every app it builds and hands module-level
`dash.callback`s to the first app only, while tests build several apps, with different settings,
in one process; `app.callback` in `register(app)` wires each app, and importing a page module
(to test its layout as a plain function) registers nothing.
"""

from __future__ import annotations

from dash import Dash

from dashboard.web.pages import accessibility, communications, embed_chart, finance, goals, not_found_404, risks

# In navigation order, then the pages outside the navigation.
PAGE_MODULES = (finance, communications, goals, risks, accessibility, embed_chart, not_found_404)


def register_pages(app: Dash) -> None:
    for page in PAGE_MODULES:
        page.register(app)
