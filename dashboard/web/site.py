"""The site's shared chrome: the pages, their navigation, the data stamp, and reading `lang=`.

Every page links to every other one in the reader's language, so a link shared from any page
opens in the language it was read in.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

import flask
from dash import html

from dashboard.presentation.texts import LANGUAGES, org_name, report_stamp, t
from dashboard.serving.settings import SETTINGS_KEY
from dashboard.store.dataset import Dataset
from dashboard.web.current import report_params
from dashboard.web.query import Notice, choose

# (page name, path, i18n key of its navigation label), in navigation order.
PAGES: tuple[tuple[str, str, str], ...] = (
    ("finance", "/", "nav_finance"),
    ("communications", "/viestinta", "nav_communications"),
    ("goals", "/tavoitteet", "nav_goals"),
    ("risks", "/riskit", "nav_risks"),
)
# Linked from every page's footer rather than the navigation: a statement, not a view.
ACCESSIBILITY_PATH = "/saavutettavuus"
PAGE_PATHS = {name: path for name, path, _ in PAGES} | {"accessibility": ACCESSIBILITY_PATH}


def read_lang(query: Mapping[str, object], default_lang: str, notices: list[Notice]) -> str:
    """The link's `lang`, or the default with a notice when it is not one we speak."""
    langs = (default_lang, *(lang for lang in LANGUAGES if lang != default_lang))
    return choose("lang", query.get("lang"), langs, notices)


def url_prefix() -> str:
    """The path this app is mounted under (URL_PREFIX, e.g. `/talous/`); `/` outside a request."""
    settings = flask.current_app.config.get(SETTINGS_KEY) if flask.has_app_context() else None
    return settings.url_prefix if settings is not None else "/"


def page_href(page: str, lang: str, params: list[tuple[str, str]] | None = None) -> str:
    """A page's link in `lang`, keeping the report the page shows (`date`, `division`)."""
    pairs = [*report_params(), *(params or []), ("lang", lang)]
    return url_prefix() + PAGE_PATHS[page].lstrip("/") + "?" + urlencode(list(dict.fromkeys(pairs)))


def site_nav(lang: str, active: str) -> html.Nav:
    """Links to every page; the current one is marked for screen readers and by style."""
    items = [
        html.Li(
            html.A(
                t(key, lang),
                href=page_href(name, lang),
                className="nav-link active" if name == active else "nav-link",
                **({"aria-current": "page"} if name == active else {}),
            )
        )
        for name, _, key in PAGES
    ]
    return html.Nav(html.Ul(items, className="nav-list"), className="site-nav", **{"aria-label": t("site_nav", lang)})


def data_status(dataset: Dataset, lang: str, **props) -> html.P:
    """ "Tilanne 30.9.2024 · Lähde: …", from the data: the report shown."""
    return html.P(data_status_parts(dataset, lang), className="data-status", **props)


def data_status_parts(dataset: Dataset, lang: str, every_report: bool = False) -> list:
    """The stamp of the report shown; of each report of the date where the view sums them all."""
    reports = dataset.reports if every_report and len(dataset.reports) > 1 else (dataset.report,)
    stamps = [report_stamp(report, lang) for report in reports]
    return [html.Strong(stamps[0][0]), *(html.Span(" · " + source, className="data-source") for _, source in stamps)]


def page_header(dataset: Dataset, lang: str, active: str, title: str, switch_params=None) -> html.Header:
    """The header of a report page: its title (the page's one h1), data stamp, navigation, language."""
    switch_to = "en" if lang == "fi" else "fi"
    return html.Header(
        [
            html.Div(
                [
                    html.H1([title, html.Span(org_name(dataset.report.division, lang), className="subtitle")]),
                    data_status(dataset, lang),
                ],
                className="header-text",
            ),
            html.Div(
                html.A(
                    t("switch_lang", lang),
                    href=page_href(active, switch_to, switch_params),
                    lang=switch_to,
                    hrefLang=switch_to,
                    title=t("switch_lang_label", lang),
                    className="button lang-switch",
                ),
                className="header-actions",
            ),
            site_nav(lang, active),
        ],
        className="page-header",
    )


def skip_link(lang: str) -> html.A:
    """The first focusable element: straight to the page's main content."""
    return html.A(t("skip_to_content", lang), href="#main", className="skip-link")


def site_footer(lang: str) -> html.Footer:
    return html.Footer(
        html.A(t("accessibility_statement", lang), href=page_href("accessibility", lang)), className="site-footer"
    )
