"""Entry point: `python app.py` serves the dashboard on HOST:PORT; `app:server` for a WSGI server."""

import sys

from dashboard.serving.settings import SettingsError
from dashboard.store.validation import DataError
from dashboard.web.app_factory import create_app

try:
    app = create_app()
except (DataError, SettingsError) as exc:  # a person starting the app reads a sentence, not a traceback
    sys.exit(f"error: the dashboard cannot start: {exc}")
server = app.server

if __name__ == "__main__":
    settings = server.config["HEINOLA_SETTINGS"]
    app.run(host=settings.host, port=settings.port, debug=False)
