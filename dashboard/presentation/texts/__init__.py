"""Finnish and English texts of the dashboard, and the data's names in English.

One table per part of the site (`site`, `finance`, `charts`, `reports`, `exports`), merged into `TEXTS` and
looked up with `t(key, lang, **values)` (`lookup`); `names` translates the data's own names, `dates`
writes dates and the data stamp. Every name is importable from here.
"""

from dashboard.presentation.texts.dates import DATE_PATTERN, format_date, report_stamp
from dashboard.presentation.texts.lookup import DEFAULT_LANG, LANGUAGES, TEXTS, t
from dashboard.presentation.texts.names import ORG_NAMES_EN, line_name, org_name, period_label

__all__ = [
    "DATE_PATTERN",
    "DEFAULT_LANG",
    "LANGUAGES",
    "ORG_NAMES_EN",
    "TEXTS",
    "format_date",
    "line_name",
    "org_name",
    "period_label",
    "report_stamp",
    "t",
]
