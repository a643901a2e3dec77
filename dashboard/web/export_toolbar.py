"""The export menu every page shows: Excel of all its tables, CSV of one, print, and how to get chart images.

`export_toolbar()` is the layout: one "Lataa" (Download) button, a native disclosure
(`<details>`/`<summary>`, so Enter and Space open it without a script and screen readers hear
its state), whose panel overlays the page under the button (`assets/menus.css`; Escape, a click
or focus elsewhere close it: `assets/menus.js`). The finance page places it in its header's
actions. `dashboard.web.export_callbacks` fills the downloads. The finance page's files follow its
controls, so the menu's scope line is redrawn with them; a report page's state is its link, so
its menu carries that state in a store. The scope line's `data-image-prefix` is what
`assets/chart-image-names.js` names chart images after.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.analysis.finance_view import Selection
from dashboard.presentation.export_files import Export
from dashboard.presentation.exports import PAGE_TABLES, finance_scope, report_export
from dashboard.presentation.texts import t
from dashboard.store.dataset import Dataset
from dashboard.store.library import Library
from dashboard.web.components import Slot
from dashboard.web.current import report_params, serving_library
from dashboard.web.query import read_aim

# Component ids: the finance page's toolbar and a report page's toolbar are wired separately.
FINANCE = "finance"
PREFIX = {FINANCE: "finance-export", "report": "report-export"}


def export_id(page: str, what: str) -> str:
    """`finance-export-xlsx-button`, `report-export-download`, …"""
    return f"{PREFIX[FINANCE if page == FINANCE else 'report']}-{what}"


def scope_line(lang: str, scope: str, image_prefix: str) -> html.Span:
    return html.Span(t("export_scope", lang, scope=scope), **{"data-image-prefix": image_prefix})


def report_page_export(
    dataset: Dataset, page: str, lang: str, params: Mapping[str, object], library: Library | None = None
) -> Export:
    """A report page's export for its link's parameters (the goals page's `aim`), against `library`
    (its trends and changes) where the page has one."""
    aim = read_aim(dataset.goals, params, []) if page == "goals" else None
    return report_export(dataset, page, lang, aim, library)


def export_toolbar(
    dataset: Dataset,
    page: str,
    lang: str,
    params: Sequence[tuple[str, str]] | None = None,
    selection: Selection | None = None,
) -> html.Section | None:
    """The download menu of `page` (finance, communications, goals, risks) in `lang`: a "Lataa"
    button opening the scope line, XLSX, CSV, print and the chart-image hint. `params` are a report
    page's link parameters (the goals page's `aim`), `selection` the finance page's. None for a page
    with no tables to export."""
    if page not in PAGE_TABLES:
        return None

    heading_id = export_id(page, "heading")
    tables = PAGE_TABLES[page]
    if page == FINANCE:  # redrawn by a callback when the controls change
        scope = scope_line(lang, *finance_scope(dataset, selection or Selection(), lang))
    else:
        export = report_page_export(dataset, page, lang, dict(params or []), serving_library())
        parts = [f"{what}: {chosen}" for what, chosen in export.filters] or [export.title]
        scope = scope_line(lang, "; ".join(parts), export.stem)
    csv_choice = [
        html.Label(t("export_csv_table", lang), htmlFor=export_id(page, "csv-table"), className="export-label"),
        dbc.Select(
            id=export_id(page, "csv-table"),
            options=[{"label": t("export_table_" + key, lang), "value": key} for key in tables],
            value=tables[0],
            className="export-select",
        ),
    ]
    panel = html.Div(
        [
            html.H2(t("export_heading", lang), id=heading_id, className="export-heading"),
            Slot(export_id(page, "scope"), scope, tag="p", className="export-scope"),
            html.Div(
                [
                    html.Button(
                        t("export_xlsx", lang), id=export_id(page, "xlsx-button"), className="button", n_clicks=0
                    ),
                    html.Span(
                        csv_choice
                        + [
                            html.Button(
                                t("export_csv", lang), id=export_id(page, "csv-button"), className="button", n_clicks=0
                            ),
                        ],
                        className="export-csv",
                    ),  # fmt: skip
                    html.Button(
                        t("export_print", lang), id=export_id(page, "print-button"), className="button", n_clicks=0
                    ),
                ],
                className="export-actions",
            ),
            html.P(t("export_images_help", lang), className="help export-help"),
        ],
        id=export_id(page, "panel"),
        className="menu-panel",
    )
    return html.Section(
        [
            html.Details(
                [html.Summary(t("export_menu", lang), className="button menu-button"), panel],
                id=export_id(page, "menu"),
                className="menu",
            ),
            dcc.Store(
                id=export_id(page, "state"),
                data={"page": page, "lang": lang, "params": dict([*report_params(), *(params or [])])},
            ),
            dcc.Download(id=export_id(page, "download")),
        ],
        className="export-menu no-print",
        **{"aria-labelledby": heading_id},
    )
