"""Settings: read once from environment variables when the app factory runs.

Each setting has a safe default and a one-line help text; `SETTINGS_HELP` is the table the README
documents (and a test checks that it does).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from dashboard.presentation.texts import LANGUAGES
from dashboard.store.files import DEFAULT_DATA_DIR

# name → (default, help); the one place a setting is described.
SETTINGS_HELP: dict[str, tuple[str, str]] = {
    "HOST": ("127.0.0.1", "Address `python app.py` listens on; 0.0.0.0 to serve other machines."),
    "PORT": ("8050", "Port `python app.py` listens on."),
    "DATA_DIR": (str(DEFAULT_DATA_DIR), "Folder holding the dataset's CSV files (default: the package's data/)."),
    "DEFAULT_LANG": ("fi", "Language of a link without `lang=`: fi or en."),
    "FEEDBACK_EMAIL": (
        "kirjaamo@heinola.fi",
        "Where the accessibility statement tells readers to send accessibility feedback.",
    ),
    "URL_PREFIX": (
        "/",
        "Path the app is mounted under behind a proxy, e.g. `/talous/`; the proxy forwards it unchanged.",
    ),
    "FRAME_ANCESTORS": (
        "'self'",
        "Who may show the app in a frame: CSP `frame-ancestors` sources, space-separated, "
        "e.g. `'self' https://portaali.heinola.fi`; `'none'` forbids framing.",
    ),
    "LOG_LEVEL": ("INFO", "Python logging level of the app's messages: DEBUG, INFO, WARNING or ERROR."),
}
SETTINGS_KEY = "HEINOLA_SETTINGS"  # where the factory keeps its app's settings in Flask's config
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
# A CSP source: a keyword, a scheme, or a host with optional scheme, port and path (no ; or ,).
_FRAME_SOURCE = re.compile(
    r"'self'|'none'|https?:|https?://(\*\.)?[A-Za-z0-9.-]+(:(\d{1,5}|\*))?(/[A-Za-z0-9._~/-]*)?|"
    r"(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d{1,5})?"
)


class SettingsError(ValueError):
    """An environment variable holds a value the app cannot use; the message names it."""


@dataclass(frozen=True)
class Settings:
    host: str = SETTINGS_HELP["HOST"][0]
    port: int = int(SETTINGS_HELP["PORT"][0])
    data_dir: Path = DEFAULT_DATA_DIR
    default_lang: str = SETTINGS_HELP["DEFAULT_LANG"][0]
    feedback_email: str = SETTINGS_HELP["FEEDBACK_EMAIL"][0]
    url_prefix: str = SETTINGS_HELP["URL_PREFIX"][0]
    frame_ancestors: str = SETTINGS_HELP["FRAME_ANCESTORS"][0]
    log_level: str = SETTINGS_HELP["LOG_LEVEL"][0]

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ

        def get(name: str) -> str:
            return env.get(name, "").strip() or SETTINGS_HELP[name][0]

        port_text = get("PORT")
        if not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise SettingsError(f"PORT must be a port number between 1 and 65535, found '{port_text}'")
        lang = get("DEFAULT_LANG")
        if lang not in LANGUAGES:
            raise SettingsError(f"DEFAULT_LANG must be one of {', '.join(LANGUAGES)}, found '{lang}'")
        email = get("FEEDBACK_EMAIL")
        if not re.fullmatch(r"[^@\s<>\"]+@[^@\s<>\"]+\.[a-z]{2,}", email, re.IGNORECASE):
            raise SettingsError(f"FEEDBACK_EMAIL must be an e-mail address, found '{email}'")
        log_level = get("LOG_LEVEL").upper()
        if log_level not in LOG_LEVELS:
            raise SettingsError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}, found '{log_level}'")
        return cls(
            host=get("HOST"),
            port=int(port_text),
            data_dir=Path(get("DATA_DIR")),
            default_lang=lang,
            feedback_email=email,
            url_prefix=parse_url_prefix(get("URL_PREFIX")),
            frame_ancestors=parse_frame_ancestors(get("FRAME_ANCESTORS")),
            log_level=log_level,
        )


def parse_url_prefix(text: str) -> str:
    """`talous`, `/talous` or `/talous/` → `/talous/`; only plain path segments are allowed."""
    segments = [part for part in text.strip().split("/") if part]
    if any(not re.fullmatch(r"[A-Za-z0-9._~-]+", part) or part in (".", "..") for part in segments):
        raise SettingsError(f"URL_PREFIX must be a path such as /talous/, found '{text}'")
    return "/" + "".join(part + "/" for part in segments)


def parse_frame_ancestors(text: str) -> str:
    """Space- or comma-separated CSP sources, checked one by one so nothing can end the directive."""
    sources = text.replace(",", " ").split()
    bad = [source for source in sources if not _FRAME_SOURCE.fullmatch(source)]
    if bad or not sources:
        raise SettingsError(
            f"FRAME_ANCESTORS must be CSP sources such as 'self' https://portaali.example.fi, found '{text}'"
        )
    if "'none'" in sources and len(sources) > 1:
        raise SettingsError("FRAME_ANCESTORS: 'none' cannot be combined with other sources")
    return " ".join(sources)
