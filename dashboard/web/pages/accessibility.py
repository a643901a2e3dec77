"""The accessibility statement (`/saavutettavuus`): Saavutettavuusseloste, linked from every page's footer.

What the service covers, how accessible it is and what is still missing, how it was assessed,
where to send feedback (the FEEDBACK_EMAIL setting) and the supervising authority.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import dash
from dash import Dash, html

from dashboard.presentation.texts import t
from dashboard.serving.settings import Settings
from dashboard.store.dataset import Dataset
from dashboard.web.current import page_title, with_data
from dashboard.web.embed import embeddable
from dashboard.web.query import Notice
from dashboard.web.report_frame import report_page
from dashboard.web.site import ACCESSIBILITY_PATH, read_lang

# The statement's own date: when the service was last assessed, by the means it lists.
STATEMENT_ASSESSED = "27.11.2026"


def accessibility_page(dataset: Dataset, query: Mapping[str, object], default_lang: str, feedback_email: str):
    """Saavutettavuusseloste, as the Act on the Provision of Digital Services (306/2019) requires."""
    notices: list[Notice] = []
    lang = read_lang(query, default_lang, notices)

    def section(heading_key: str, *paragraph_keys: str, items: Sequence[str] = ()) -> html.Section:
        return html.Section(
            [
                html.H2(t(heading_key, lang)),
                *[html.P(t(k, lang, date=STATEMENT_ASSESSED)) for k in paragraph_keys],
                html.Ul([html.Li(t(k, lang)) for k in items]) if items else None,
            ],
            className="card statement",
        )

    body = [
        section("a11y_scope_heading", "a11y_scope"),
        section("a11y_status_heading", "a11y_status"),
        section("a11y_gaps_heading", "a11y_gaps_intro", items=("a11y_gap_charts", "a11y_gap_texts", "a11y_gap_pdf")),
        section("a11y_method_heading", "a11y_method"),
        html.Section(
            [
                html.H2(t("a11y_feedback_heading", lang)),
                html.P(t("a11y_feedback", lang)),
                html.P(html.A(feedback_email, href=f"mailto:{feedback_email}")),
            ],
            className="card statement",
        ),
        section("a11y_authority_heading", "a11y_authority"),
    ]
    return report_page(dataset, lang, "accessibility", t("accessibility_statement", lang), notices, body)


def _layout(dataset: Dataset, settings: Settings, **query) -> html.Div:
    return accessibility_page(dataset, query, settings.default_lang, settings.feedback_email)


layout = with_data(_layout)


def register(app: Dash) -> None:
    """Register the page with Dash Pages (it has no callbacks)."""
    dash.register_page(
        __name__,
        path=ACCESSIBILITY_PATH,
        order=4,
        title=page_title("accessibility_statement"),
        layout=embeddable(layout),
    )
