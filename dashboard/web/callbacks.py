"""The finance page's callback as plain functions (tested without a browser); its page module,
`dashboard.web.pages.finance`, wires them to the controls.

`update_finance_view()` checks the controls' values, computes the view once and returns every
output keyed by (component id, property). Unknown values never raise: they fall back to the
default and come back as a visible notice. Results are cached per dataset and selection (see `_cached_outputs`): a view seen once redraws
without recomputing. What every selection of a division shares is computed once per dataset and
division (`_cached_division`), so a selection seen for the first time costs a sum over its cost
centres' figures and the drawing: milliseconds, on the seed as on a city-wide ledger.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import threading
from typing import Any

from dash import html

from dashboard.analysis.development import Development, development
from dashboard.analysis.finance_view import (
    GROUPS,
    MEASURES,
    DivisionFigures,
    FinanceView,
    Selection,
    build_finance_view,
    division_figures,
    view_division,
)
from dashboard.presentation.development_charts import DEVELOPMENT_CHARTS
from dashboard.presentation.exports import finance_scope
from dashboard.presentation.figures import CHART_BUILDERS
from dashboard.presentation.texts import DEFAULT_LANG, LANGUAGES, org_name, t
from dashboard.store.dataset import ALL_DIVISIONS, Dataset
from dashboard.store.library import Library
from dashboard.store.names import slugify
from dashboard.web import ids
from dashboard.web.components import Markup, view_data, view_json
from dashboard.web.export_toolbar import FINANCE, export_id, scope_line
from dashboard.web.finance_layout import (
    CHARTS,
    DEVELOPMENT_CHART_IDS,
    apply_outputs,
    area_options,
    finance_page,
    report_menu,
    report_options,
)
from dashboard.web.finance_render import (
    render_area_texts,
    render_chart_head,
    render_exceptions,
    render_kpis,
    render_rounding,
    render_selection_heading,
    render_statement,
)
from dashboard.web.parts import render_chart_table, render_notices
from dashboard.web.query import Notice, area_slugs, resolve_division, resolve_selection
from dashboard.web.site import data_status_parts


def _outputs() -> list[tuple[str, str]]:
    out = [
        (ids.INPUT_NOTICE, "children"),
        (ids.SELECTION_HEADING, "children"),
        (ids.KPI_CARDS, "children"),
        (ids.STATEMENT_TABLE, "children"),
        (ids.ROUNDING_NOTE, "children"),
        (ids.EXCEPTIONS, "children"),
        (ids.AREA_TEXTS, "children"),
        (export_id(FINANCE, "scope"), "children"),
    ]
    for _, chart_id in (*CHARTS, *DEVELOPMENT_CHART_IDS):
        out += [
            (ids.head_id(chart_id), "children"),
            (chart_id, "figure"),
            (ids.table_id(chart_id), "children"),
        ]
    return [*out, (ids.DATA_STATUS, "children")]


OUTPUTS = _outputs()
CACHED_VIEWS = 512  # selections kept per dataset: 7 cost centres × 3 groups × 2 measures × 2 bridges × 2 languages
CACHED_DIVISIONS = 64  # divisions' shared figures kept: a library of 10 divisions × 4 reports, and their wholes
PREPARED_AREA_VIEWS = 32  # cost centres whose view alone is computed at start (a city's ledger has hundreds)


class _SameDataset:
    """A cache key that holds a dataset by identity: the data module hands out one object per
    version of the files, and a frame-holding dataclass cannot be hashed by value."""

    __slots__ = ("dataset",)

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    def __hash__(self) -> int:
        return id(self.dataset)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _SameDataset) and other.dataset is self.dataset


class _SameFigures(_SameDataset):
    """A key for what a division's views share: the same for every report a status date is seen
    from (`Library.dataset`), since they share its frames; only the report's own tables differ."""

    __slots__ = ()

    def __hash__(self) -> int:
        return id(self.dataset.finance)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _SameDataset) and other.dataset.finance is self.dataset.finance


_cache_owner: list[int] = [0]
_cache_owner_lock = threading.Lock()


@functools.lru_cache(maxsize=CACHED_DIVISIONS)
def _cached_division(key: _SameFigures, division: str) -> DivisionFigures:
    return division_figures(key.dataset, division, lambda other: _cached_division(key, other))


@functools.lru_cache(maxsize=CACHED_VIEWS // 4)
def _cached_view(key: _SameDataset, selection: Selection) -> FinanceView:
    figures = _cached_division(_SameFigures(key.dataset), view_division(key.dataset, selection))
    return build_finance_view(key.dataset, selection, figures)


def _computed(selection: Selection) -> Selection:
    """The part of a selection that changes what is computed: group and measure change only the drawing."""
    return dataclasses.replace(selection, group=GROUPS[0], measure=MEASURES[0])


class Outputs(dict):
    """Every output of the page keyed by (component id, property), and the same as the view that
    `ViewData` fetches (`view`, and its JSON), converted once per cached selection. Shared between
    requests: never changed."""

    @functools.cached_property
    def view(self) -> dict[str, dict[str, Any]]:
        return view_data(self)

    @functools.cached_property
    def view_json(self) -> bytes:
        return view_json(self.view)


@functools.lru_cache(maxsize=CACHED_VIEWS)
def _cached_outputs(key: _SameDataset, selection: Selection, lang: str, history: tuple[_SameDataset, ...]) -> Outputs:
    view = dataclasses.replace(_cached_view(key, _computed(selection)), selection=selection)
    return _render_outputs(key.dataset, view, [], lang, _development(history, view))


def _history(library: Library | None, dataset: Dataset, selection: Selection) -> tuple[_SameDataset, ...]:
    """The reports of the year so far of the selection's division (only `dataset` without a library)."""
    if library is None:
        return (_SameDataset(dataset),)
    earlier = library.year_so_far(dataset.report.status_date, view_division(dataset, selection))
    return tuple(_SameDataset(d) for d in earlier if d is not dataset) + (_SameDataset(dataset),)


def _development(history: tuple[_SameDataset, ...], view: FinanceView) -> Development:
    """The selection at each report of the year so far, each point its report's own cached view."""
    points = []
    for key in history:
        if key.dataset is history[-1].dataset:
            points.append((key.dataset.report, view))
            continue
        known = set(key.dataset.cost_centres_by_division.get(view.division, ()))
        selection = dataclasses.replace(view.selection, areas=tuple(a for a in view.selection.areas if a in known))
        points.append((key.dataset.report, _cached_view(key, _computed(selection))))
    return development(points)


def _forget_other_datasets(dataset: Dataset) -> None:
    """Drop cached results when the data changes, so an old library is not kept alive by the cache.

    The datasets of one library (a report each) share its `files` mapping: switching reports keeps
    the cache; a new version of the folder's files clears it."""
    with _cache_owner_lock:
        if _cache_owner[0] != id(dataset.files):
            _cached_outputs.cache_clear()
            _cached_view.cache_clear()
            _cached_division.cache_clear()
            _cache_owner[0] = id(dataset.files)


def prepare_views(library: Library) -> None:
    """Compute what every view of each division shares before the first click asks for it (at
    start), the latest report first: on a city-wide ledger a division seen first would otherwise
    cost a few hundred milliseconds, and so would a report of a library switched to."""
    try:
        _forget_other_datasets(library.latest)
        warmed = 0
        for date in reversed(library.dates):
            dataset = library.by_date[date]
            for division in dataset.cost_centres_by_division:
                if warmed == CACHED_DIVISIONS:
                    return
                _cached_division(_SameFigures(dataset), division)
                warmed += 1
    except Exception:  # a head start only: a view computes what it needs itself
        logging.getLogger(__name__).exception("could not prepare the views at start")


def prepare_area_views(library: Library, lang: str) -> None:
    """Compute the latest report's view of each of its cost centres alone, as the page asks for
    it in `lang` with the other controls as they start, before a first click does: the first tick
    of a cost centre is then answered as quickly as its second. At most PREPARED_AREA_VIEWS."""
    try:
        dataset = library.latest
        for slug in list(area_slugs(dataset))[:PREPARED_AREA_VIEWS]:
            update_finance_view(dataset, [slug], None, None, None, lang, "", library).view_json  # noqa: B018
    except Exception:  # a head start only: a view computes what it needs itself
        logging.getLogger(__name__).exception("could not prepare the cost centres' views at start")


def update_finance_view(
    dataset: Dataset,
    area_slugs: object,
    group: object,
    measure: object,
    bridge_by: object,
    lang: object,
    division: object = "",
    library: Library | None = None,
) -> Outputs:
    """Every output of the page for the controls' values; invalid values give a notice, not an error.

    `dataset` is the report shown; `library`, where given, its library, whose earlier reports of the
    year draw the development charts."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANG
    selection, notices = resolve_selection(dataset, division, area_slugs, group, measure, bridge_by)
    _forget_other_datasets(dataset)
    key = _SameDataset(dataset)
    history = _history(library, dataset, selection)
    if notices:  # a bad value in a link: rare, and the notice is part of the output
        view = dataclasses.replace(_cached_view(key, _computed(selection)), selection=selection)
        return _render_outputs(dataset, view, notices, lang, _development(history, view))
    return _cached_outputs(key, selection, lang, history)


def _render_outputs(
    dataset: Dataset, view: FinanceView, notices: list[Notice], lang: str, year: Development
) -> Outputs:
    selection = view.selection
    # Text-only parts go as Markup: one Dash component each instead of one per element (the
    # renderer's work on every click grows with the mounted components).
    result = Outputs(
        {
            (ids.INPUT_NOTICE, "children"): render_notices(notices, lang),
            (ids.SELECTION_HEADING, "children"): render_selection_heading(dataset, selection, lang),
            (ids.KPI_CARDS, "children"): Markup(render_kpis(view, lang)),
            (ids.STATEMENT_TABLE, "children"): render_statement(view, lang),
            (ids.ROUNDING_NOTE, "children"): Markup(render_rounding(view, lang)),
            (ids.EXCEPTIONS, "children"): render_exceptions(view, lang),
            (ids.AREA_TEXTS, "children"): Markup(render_area_texts(view, lang)),
            # What the downloads will hold, in the same answer (not a second request per click).
            (export_id(FINANCE, "scope"), "children"): scope_line(lang, *finance_scope(dataset, selection, lang)),
        }
    )
    charts = [(chart_id, CHART_BUILDERS[key](view, lang)) for key, chart_id in CHARTS]
    charts += [(chart_id, DEVELOPMENT_CHARTS[key](year, lang)) for key, chart_id in DEVELOPMENT_CHART_IDS]
    for chart_id, chart in charts:
        result[(ids.head_id(chart_id), "children")] = Markup(render_chart_head(chart, chart_id))
        result[(chart_id, "figure")] = chart.figure
        result[(ids.table_id(chart_id), "children")] = render_chart_table(chart)
    result[(ids.DATA_STATUS, "children")] = data_status_parts(
        dataset, lang, every_report=view.division == ALL_DIVISIONS
    )
    return result


def division_filter_outputs(
    dataset: Dataset, division_slug: object, lang: object, library: Library | None = None
) -> tuple[list, list, str, list, str, bool]:
    """The filters for a newly chosen division: its cost centres, none ticked; its reports, the
    one of `dataset` (the chosen date where the division has a report of it, else its latest) chosen."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANG
    division = view_division(dataset, Selection(division=resolve_division(dataset, division_slug, [])))
    help_text = t("area_filter_help", lang, division=org_name(division, lang))
    reports = report_options(report_menu(library, dataset, division), lang)
    date = dataset.report.status_date.isoformat()
    return area_options(dataset, division, lang), [], help_text, reports, date, len(reports) < 2


def initial_finance_page(
    dataset: Dataset, selection: Selection, lang: str, notices: list[Notice], library: Library | None = None
) -> html.Div:
    """The finance page drawn complete on the server: the first view needs no callback round trip,
    and the browser renders it once instead of applying every output of a callback one by one."""
    menu = report_menu(library, dataset, view_division(dataset, selection))
    page = finance_page(dataset, selection, lang, notices, menu)
    return apply_outputs(page, selection_outputs(dataset, selection, lang, library))


def selection_outputs(
    dataset: Dataset, selection: Selection, lang: str, library: Library | None = None
) -> dict[tuple[str, str], Any]:
    """The finance callback's outputs for a selection, as its controls would post it."""
    return update_finance_view(
        dataset,
        [slugify(a) for a in selection.areas],
        selection.group,
        selection.measure,
        selection.bridge_by,
        lang,
        slugify(selection.division),
        library,
    )
