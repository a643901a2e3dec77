"""The web app: the Dash app factory, its pages, callbacks, components, embeds and downloads.

Owns `create_app` (`app_factory`), one module per page in `pages/` (each registered with Dash
Pages by the factory, holding its layout and its callbacks), the shared chrome (`site`: navigation,
skip link, footer, data stamp; `export_toolbar`: the download menu), shared pieces (`parts`:
notices, tables, chart cards; `report_frame`: the report pages' frame), the finance page's pieces
(`finance_layout`, `finance_render`, `first_screen`, `callbacks`), reading a link's parameters
(`query`), our own Dash components (`components.py` + `components.js`) and the download callbacks.
It is the top layer: it may import every other package but the intake.
"""
