"""The languages, the one table of every part's texts, and `t()`, which looks a text up and fills it in."""

from __future__ import annotations

from dashboard.presentation.texts.charts import CHARTS
from dashboard.presentation.texts.exports import EXPORTS
from dashboard.presentation.texts.finance import FINANCE
from dashboard.presentation.texts.reports import REPORT_PAGES
from dashboard.presentation.texts.site import SITE

LANGUAGES = ("fi", "en")  # Finnish first: the default view
DEFAULT_LANG = LANGUAGES[0]


def _merge(*tables: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """The parts' tables as one; a key in two parts would silently hide one of its texts."""
    merged: dict[str, dict[str, str]] = {}
    for table in tables:
        if twice := merged.keys() & table.keys():
            raise ValueError(f"texts defined in two parts: {sorted(twice)}")
        merged.update(table)
    return merged


TEXTS = _merge(SITE, FINANCE, CHARTS, REPORT_PAGES, EXPORTS)


def t(key: str, lang: str, **values: object) -> str:
    """The text for `key` in `lang`, with `values` filled in.

    A missing text is an error, never a quiet Finnish fallback in the English view; the texts' test
    guarantees that every key has both languages.
    """
    try:
        text = TEXTS[key][lang]
    except KeyError:
        raise KeyError(f"no text {key!r} in language {lang!r}") from None
    return text.format(**values) if values else text
