"""The app factory: `create_app(settings)` builds a Dash app serving the finance page.

Settings are read once here; the dataset is loaded (and validated) at start so a bad data folder
fails at once, then re-read through the data module's cache, which notices changed files.
Pages: the finance page at `/` and a 404 page; `GET /healthz` answers JSON for monitoring.
Every page also answers `?embed=1` and there are one-chart pages under `/embed/` (dashboard/embed.py);
a replaced data folder that fails its checks is refused and the last good data keeps serving
(dashboard/live_data.py); headers, body limit and callback checks: dashboard/security.py.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from pathlib import Path

import dash
import flask
from dash import Dash, html

from dashboard.presentation.texts import LANGUAGES, t
from dashboard.serving.delivery import configure_delivery
from dashboard.serving.live_data import checked_dataset, holder
from dashboard.serving.security import configure_security
from dashboard.serving.settings import SETTINGS_KEY, Settings
from dashboard.store.dataset import DataError, Dataset
from dashboard.web.callbacks import initial_finance_page, prepare_views, register_callbacks
from dashboard.web.embed import EMBED_CHART_PATH, chart_embed_page, embeddable
from dashboard.web.export_callbacks import register_export_callbacks
from dashboard.web.layout import not_found_page
from dashboard.web.query import read_query
from dashboard.web.report_pages import accessibility_page, communications_page, goals_page, risks_page
from dashboard.web.site import ACCESSIBILITY_PATH, PAGES

REPORT_PAGES = {"communications": communications_page, "goals": goals_page, "risks": risks_page}
ASSETS_DIR = Path(__file__).resolve().parents[2] / "assets"
CONFIG_KEY = SETTINGS_KEY


def _settings() -> Settings:
    # Dash Pages keeps one global page registry, so a page's layout finds its app's settings
    # through the request rather than a closure (tests build several apps in one process).
    return flask.current_app.config[CONFIG_KEY]


def _dataset() -> Dataset:
    # The newest data in the folder that passed its checks; a bad replacement is logged and ignored.
    return holder(_settings().data_dir).get()


def configure_logging(level: str) -> None:
    """The app's messages (`dashboard.*` loggers) at LOG_LEVEL, to stderr unless a host set logging up."""
    logger = logging.getLogger("dashboard")
    logger.setLevel(level)
    if not logger.handlers and not logging.getLogger().handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)


def _request_lang(settings: Settings) -> str:
    lang = flask.request.args.get("lang", "") if flask.has_request_context() else ""
    return lang if lang in LANGUAGES else settings.default_lang


# Dash loads @babel/polyfill 7 (core-js 2) for old browsers. In today's browsers it still replaces
# the native String.prototype.trim and parseInt with slower script versions, which Plotly calls
# thousands of times per redraw (about half of each chart's redraw time in a Chromium profile). The
# one part of it the bundles need, regeneratorRuntime, dash-bootstrap-components defines itself.
_BABEL_POLYFILL = re.compile(r'<script src="[^"]*/deps/polyfill@[^"]*"></script>\s*')
_PLOTLY_SCRIPT = re.compile(r'<script src="([^"]*/assets/plotly-[^"]*)"></script>')


class DashboardApp(Dash):
    """Dash with `<html lang>` set from the link's `lang=` before any script runs."""

    def interpolate_index(self, **kwargs) -> str:
        kwargs["scripts"] = _BABEL_POLYFILL.sub("", kwargs["scripts"], count=1)
        # plotly.js is compiled off the main thread and run when it arrives, so the page renders
        # meanwhile; charts draw once it has run (dashboard/components.js waits for it).
        kwargs["scripts"] = _PLOTLY_SCRIPT.sub(
            r'<script async id="plotly-js" src="\1"></script>', kwargs["scripts"], count=1
        )
        page = super().interpolate_index(**kwargs)
        lang = _request_lang(self.server.config[CONFIG_KEY])
        page = page.replace("<html>", f'<html lang="{lang}">', 1)
        # Dash's template wraps its scripts in <footer>, a second contentinfo landmark beside ours.
        return page.replace("<footer>", '<div class="dash-scripts">', 1).replace("</footer>", "</div>", 1)


def finance_layout(**query) -> html.Div:
    """The finance page for a link's query parameters (Dash Pages passes them as keywords)."""
    settings = _settings()
    try:
        dataset = _dataset()
    except DataError as exc:  # the data changed under a running app: say so, not a server error
        return html.Main([html.H1(t("data_error", settings.default_lang)), html.P(str(exc))], className="page")
    lang, selection, notices = read_query(dataset, query, settings.default_lang)
    return initial_finance_page(dataset, selection, lang, notices)


def _report_page(build: Callable[[Dataset, dict, str], html.Div]) -> Callable[..., html.Div]:
    """A Dash Pages layout for one of the report pages, safe when the data breaks under it."""

    def layout(**query) -> html.Div:
        settings = _settings()
        try:
            dataset = _dataset()
        except DataError as exc:
            return html.Main([html.H1(t("data_error", settings.default_lang)), html.P(str(exc))], className="page")
        return build(dataset, query, settings.default_lang)

    return layout


def accessibility_layout(**query) -> html.Div:
    settings = _settings()
    try:
        dataset = _dataset()
    except DataError as exc:
        return html.Main([html.H1(t("data_error", settings.default_lang)), html.P(str(exc))], className="page")
    return accessibility_page(dataset, query, settings.default_lang, settings.feedback_email)


def not_found_layout(**query) -> html.Main:
    lang = query.get("lang") if query.get("lang") in LANGUAGES else _settings().default_lang
    return not_found_page(lang)


def create_app(settings: Settings | None = None) -> Dash:
    settings = settings or Settings.from_env()
    configure_logging(settings.log_level)
    dataset = checked_dataset(settings.data_dir)  # fail at start, naming the bad file or figure
    holder(settings.data_dir)  # from here on, the last good data serves if a replacement is bad
    # Each division's shared figures, computed beside the server rather than before it starts (a
    # city-wide ledger takes seconds) and before most first clicks would need them.
    threading.Thread(target=prepare_views, args=(dataset,), name="prepare-views", daemon=True).start()
    app = DashboardApp(
        __name__,
        use_pages=True,
        pages_folder="",
        assets_folder=str(ASSETS_DIR),
        title=t("app_title", settings.default_lang),
        update_title=None,
        url_base_pathname=settings.url_prefix,  # URL_PREFIX: mounted under a path behind a proxy
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    app.server.config[CONFIG_KEY] = settings
    # plotly.js comes from assets/ (a partial bundle), so Dash's full bundle is never requested.
    configure_delivery(app.server, settings.url_prefix)
    dash.register_page(
        "finance", path="/", layout=embeddable(finance_layout), title=t("app_title", settings.default_lang)
    )
    for name, path, key in PAGES:
        if name in REPORT_PAGES:
            title = f"{t(key, settings.default_lang)} – {t('app_title', settings.default_lang)}"
            dash.register_page(name, path=path, layout=embeddable(_report_page(REPORT_PAGES[name])), title=title)
    dash.register_page(
        "accessibility",
        path=ACCESSIBILITY_PATH,
        layout=embeddable(accessibility_layout),
        title=t("accessibility_statement", settings.default_lang),
    )
    dash.register_page(
        "embed_chart",
        path_template=EMBED_CHART_PATH,
        layout=chart_embed_page(_settings, _dataset),
        title=t("app_title", settings.default_lang),
    )
    dash.register_page("not_found_404", path="/404", layout=not_found_layout, title=t("not_found_title", "fi"))
    app.layout = html.Div(dash.page_container)
    register_callbacks(app, _dataset)
    register_export_callbacks(app, _dataset)

    @app.server.get(settings.url_prefix + "healthz")
    def healthz():
        try:
            data = holder(settings.data_dir)
            current = data.get()
        except DataError as exc:
            return flask.jsonify(status="error", error=str(exc)), 503
        body = {
            "status": "ok",
            "status_date": current.report.status_date.isoformat(),
            "period": current.periods.current.label,
            "source_file": current.report.source_file,
        }
        rejection = data.rejection
        if rejection is not None:  # still serving (200): the last good data, and why newer data was refused
            body |= {"status": "degraded", "data_error": rejection.error, "rejected_since": rejection.since.isoformat()}
        return flask.jsonify(body)

    del dataset
    configure_security(app, settings)  # last: it hashes the inline scripts of the finished page
    return app
