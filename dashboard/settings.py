"""Settings: read once from environment variables when the app factory runs.

Each setting has a safe default and a one-line help text; `SETTINGS_HELP` is the table the README
documents (and a test checks that it does).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from dashboard.data import DEFAULT_DATA_DIR

LANGUAGES = ("fi", "en")

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
}


class SettingsError(ValueError):
    """An environment variable holds a value the app cannot use; the message names it."""


@dataclass(frozen=True)
class Settings:
    host: str = SETTINGS_HELP["HOST"][0]
    port: int = int(SETTINGS_HELP["PORT"][0])
    data_dir: Path = DEFAULT_DATA_DIR
    default_lang: str = SETTINGS_HELP["DEFAULT_LANG"][0]
    feedback_email: str = SETTINGS_HELP["FEEDBACK_EMAIL"][0]

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
        return cls(
            host=get("HOST"),
            port=int(port_text),
            data_dir=Path(get("DATA_DIR")),
            default_lang=lang,
            feedback_email=email,
        )
