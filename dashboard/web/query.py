"""A link's or a control's values read into a view state; an unknown value falls back with a notice.

Every page reads its URL through here (`read_query`), and the finance callbacks read their
controls' values through `resolve_selection`, so a hostile or stale value is handled once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from dashboard.analysis.finance_view import BRIDGE_BY, GROUPS, MEASURES, Selection
from dashboard.analysis.goals import strategic_aims
from dashboard.presentation.texts import LANGUAGES
from dashboard.store.dataset import ALL_DIVISIONS, Dataset
from dashboard.store.library import Library
from dashboard.store.names import slugify


@dataclass(frozen=True)
class Notice:
    """A value from a link or a control that was ignored; `key` names the i18n text."""

    key: str
    values: Mapping[str, str] = field(default_factory=dict)


def division_slugs(dataset: Dataset) -> dict[str, str]:
    """slug → division name, the report's own division first."""
    return {slugify(name): name for name in dataset.cost_centres_by_division}


def area_slugs(dataset: Dataset, division: str = "") -> dict[str, str]:
    """slug → cost centre name, for the cost centres of a division (default: the report's)."""
    return {
        slugify(name): name for name in dataset.cost_centres_by_division.get(division or dataset.report.division, ())
    }


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(v) for v in value]
    return [str(value)]


def choose(name: str, value: object, choices: tuple[str, ...], notices: list[Notice]) -> str:
    """`value` if it is one of `choices` (the last one, if repeated), else the first choice plus a notice."""
    values = _as_list(value)
    if values and values[-1] in choices:
        return values[-1]
    if values:
        notices.append(Notice("unknown_param", {"name": name, "value": ", ".join(values)}))
    return choices[0]


def resolve_division(dataset: Dataset, slug: object, notices: list[Notice]) -> str:
    """The division a slug names; "" (the report's own) if none is given, or with a notice if unknown."""
    values = [v for v in _as_list(slug) if v]
    known = division_slugs(dataset)
    if not values:
        return ""
    if values[-1] in known:
        division = known[values[-1]]
        return "" if division == dataset.report.division else division
    notices.append(Notice("unknown_param", {"name": "division", "value": ", ".join(values)}))
    return ""


def resolve_areas(dataset: Dataset, slugs: object, division: str = "") -> tuple[tuple[str, ...], list[Notice]]:
    """A division's cost centres for the given slugs, in the report's order; unknown slugs become notices."""
    known = area_slugs(dataset, division)
    wanted, notices = set(), []
    for slug in _as_list(slugs):
        if slug in known:
            wanted.add(known[slug])
        elif slug:
            notices.append(Notice("unknown_area", {"value": slug}))
    return tuple(a for a in known.values() if a in wanted), notices


def read_query(dataset: Dataset, query: Mapping[str, object], default_lang: str) -> tuple[str, Selection, list[Notice]]:
    """A link's parameters (`division`; `area`, repeatable; `lang`, `group`, `measure`, `bridge`) → view state."""
    notices: list[Notice] = []
    langs = (default_lang, *(lang for lang in LANGUAGES if lang != default_lang))
    lang = choose("lang", query.get("lang"), langs, notices)
    selection, selection_notices = resolve_selection(
        dataset, query.get("division"), query.get("area"), query.get("group"), query.get("measure"), query.get("bridge")
    )
    return lang, selection, notices + selection_notices


def resolve_selection(
    dataset: Dataset, division: object, area_slugs: object, group: object, measure: object, bridge_by: object
) -> tuple[Selection, list[Notice]]:
    """The controls' or a link's values as a selection; each unknown value falls back with a notice."""
    notices: list[Notice] = []
    division = resolve_division(dataset, division, notices)
    areas, area_notices = resolve_areas(dataset, area_slugs, division)
    notices += area_notices
    selection = Selection(
        division=division,
        areas=areas,
        group=choose("group", group, GROUPS, notices),
        measure=choose("measure", measure, MEASURES, notices),
        bridge_by=choose("bridge", bridge_by, BRIDGE_BY, notices),
    )
    return selection, notices


def read_aim(goals: pd.DataFrame, query: Mapping[str, object], notices: list[Notice]) -> str | None:
    """The aim a link asks for (`aim=<slug>`), or None for all; an unknown slug is noticed and ignored."""
    value = query.get("aim")
    values = value if isinstance(value, list) else [value] if value else []
    if not values:
        return None
    by_slug = {slugify(a): a for a in strategic_aims(goals)}
    wanted = str(values[-1])
    if wanted in by_slug:
        return by_slug[wanted]
    notices.append(Notice("unknown_param", {"name": "aim", "value": wanted[:80]}))
    return None


@dataclass(frozen=True)
class ReportChoice:
    """The report a link or the report selector asks for, as the library can show it."""

    dataset: Dataset
    params: tuple[tuple[str, str], ...]  # `date`, `division` as honoured: what every link of the page keeps
    notices: tuple[Notice, ...]


def _last(value: object) -> str:
    values = [v for v in _as_list(value) if v]
    return values[-1] if values else ""


def resolve_report(library: Library, date: object, division: object) -> ReportChoice:
    """The dataset of `date` (ISO, default the latest) seen from `division`'s report (a slug,
    default the date's first report); a date or division the library does not hold falls back to
    the latest with a notice. A division without a report of the date shows its latest report."""
    notices: list[Notice] = []
    by_slug = {slugify(name): name for name in (*library.divisions, ALL_DIVISIONS)}
    wanted_division, wanted_date = _last(division), _last(date)
    name = by_slug.get(wanted_division)
    if wanted_division and name is None:
        notices.append(Notice("unknown_param", {"name": "division", "value": wanted_division[:80]}))
    own = name if name in library.divisions else None  # the view of all is seen from the date's first report
    dates = library.dates_of(name) or library.dates
    chosen = None
    if wanted_date:
        try:
            chosen = dt.date.fromisoformat(wanted_date)
        except ValueError:
            chosen = None
        if chosen not in dates:
            key = "unknown_report_date" if chosen is not None and name else "unknown_param"
            values = {"name": "date", "value": wanted_date[:40]} | ({"division": name} if name else {})
            notices.append(Notice(key, values))
            chosen = None
    dataset = library.dataset(chosen, own)
    params = []
    if chosen is not None:
        params.append(("date", chosen.isoformat()))
    if name is not None:
        params.append(("division", wanted_division))
    return ReportChoice(dataset, tuple(params), tuple(notices))
