"""The app factory: `create_app(settings)` builds the Dash app serving every page.

Settings are read once here; the dataset is loaded (and validated) at start so a bad data folder
fails at once, then re-read through the data module's cache, which notices changed files.
Pages (`dashboard.web.pages`): the finance page at `/`, the report's other pages, the
accessibility statement, one-chart embeds and a 404 page; `GET /healthz` answers JSON for
monitoring. Every page also answers `?embed=1` (dashboard/web/embed.py); a replaced data folder
that fails its checks is refused and the last good data keeps serving (dashboard/serving/live_data.py);
headers, body limit and callback checks: dashboard/serving/security.py.
"""

from __future__ import annotations

import fnmatch
import functools
import logging
import threading
from pathlib import Path

import flask
from dash import Dash

from dashboard.presentation.texts import LANGUAGES, t
from dashboard.serving.delivery import check_plotly_bundle, configure_delivery
from dashboard.serving.live_data import checked_library, holder
from dashboard.serving.security import configure_security
from dashboard.serving.settings import SETTINGS_KEY, Settings
from dashboard.store.library import Library
from dashboard.store.validation import DataError
from dashboard.web.callbacks import prepare_area_views, prepare_views
from dashboard.web.export_callbacks import register_export_callbacks
from dashboard.web.page_shell import page_container
from dashboard.web.pages import register_pages

ASSETS_DIR = Path(__file__).resolve().parents[2] / "assets"
# plotly.js comes from assets/ (a partial bundle), so Dash's full bundle is never requested.
PLOTLY_BUNDLE = "plotly-*.min.js"
# Dash loads @babel/polyfill 7 (core-js 2) for old browsers. In today's browsers it still replaces
# the native String.prototype.trim and parseInt with slower script versions, which Plotly calls
# thousands of times per redraw (about half of each chart's redraw time in a Chromium profile). The
# one part of it the bundles need, regeneratorRuntime, dash-bootstrap-components defines itself.
BABEL_POLYFILL = "/deps/polyfill@"


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


class DashboardApp(Dash):
    """Dash with our page around its parts: `<html lang>` from the link's `lang=` (set before any
    script runs), Dash's scripts in a plain `<div>` (its template's `<footer>` would be a second
    contentinfo landmark beside ours), and without the babel polyfill."""

    def interpolate_index(
        self, metas="", title="", css="", config="", scripts="", app_entry="", favicon="", renderer=""
    ) -> str:
        lang = _request_lang(self.server.config[SETTINGS_KEY])
        # Dash writes one <script> tag a line; the polyfill's is left out.
        scripts = "\n".join(tag for tag in scripts.split("\n") if BABEL_POLYFILL not in tag)
        return f"""<!DOCTYPE html>
<html lang="{lang}">
    <head>
        {metas}
        <title>{title}</title>
        {favicon}
        {css}
    </head>
    <body>
        <!--[if IE]><script>
        alert("Dash v2.7+ does not support Internet Explorer. Please use a newer browser.");
        </script><![endif]-->
        {app_entry}
        <div class="dash-scripts">
            {config}
            {scripts}
            {renderer}
        </div>
    </body>
</html>"""


def plotly_script(app: Dash, assets_dir: Path) -> dict[str, str]:
    """The partial plotly.js bundle's script tag, for `external_scripts`: async, so the page renders
    while the browser compiles it off the main thread; charts draw once it has run (components.js
    waits for it, by this id). Versioned by its file's time, like Dash's own asset links."""
    bundle = next(assets_dir.glob(PLOTLY_BUNDLE))
    return {"src": f"{app.get_asset_url(bundle.name)}?m={bundle.stat().st_mtime}", "async": "async", "id": "plotly-js"}


def _prepare(library: Library, lang: str) -> None:
    prepare_views(library)
    prepare_area_views(library, lang)


def create_app(settings: Settings | None = None) -> Dash:
    settings = settings or Settings.from_env()
    check_plotly_bundle(ASSETS_DIR)  # fail at start when plotly.py and the bundled plotly.js disagree
    configure_logging(settings.log_level)
    library = checked_library(settings.data_dir)  # fail at start, naming the bad file or figure
    holder(settings.data_dir)  # from here on, the last good data serves if a replacement is bad
    # Each division's shared figures, computed beside the server rather than before it starts (a
    # city-wide ledger takes seconds) and before most first clicks would need them.
    threading.Thread(target=_prepare, args=(library, settings.default_lang), name="prepare-views", daemon=True).start()
    app = DashboardApp(
        __name__,
        use_pages=True,
        pages_folder="",  # the pages register themselves: dashboard/web/pages/__init__.py says why
        assets_folder=str(ASSETS_DIR),
        assets_ignore=fnmatch.translate(PLOTLY_BUNDLE),  # linked async instead (plotly_script)
        title=t("app_title", settings.default_lang),
        update_title=None,
        url_base_pathname=settings.url_prefix,  # URL_PREFIX: mounted under a path behind a proxy
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    app.server.config[SETTINGS_KEY] = settings
    app.config.external_scripts = [plotly_script(app, ASSETS_DIR)]
    configure_delivery(app.server, settings.url_prefix)
    register_pages(app)
    app.layout = functools.partial(page_container, app)  # the asking page drawn in (page_shell.py)
    register_export_callbacks(app)

    @app.server.get(settings.url_prefix + "healthz")
    def healthz():
        try:
            data = holder(settings.data_dir)
            library = data.get()
        except DataError as exc:
            return flask.jsonify(status="error", error=str(exc)), 503
        latest = library.latest
        body = {
            "status": "ok",
            "status_date": latest.report.status_date.isoformat(),
            "period": latest.periods.current.label,
            "source_file": latest.report.source_file,
            "reports": [report.report_id for report in library.reports],
        }
        rejection = data.rejection
        if rejection is not None:  # still serving (200): the last good data, and why newer data was refused
            body |= {"status": "degraded", "data_error": rejection.error, "rejected_since": rejection.since.isoformat()}
        return flask.jsonify(body)

    del library
    configure_security(app, settings)  # last: it hashes the inline scripts of the finished page
    return app
