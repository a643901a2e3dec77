"""A city-wide ledger holds several divisions: the view offers them, and a division's cost centres."""

from __future__ import annotations

from dashboard.analysis.finance_view import Selection
from dashboard.store.dataset import ALL_DIVISIONS
from dashboard.store.library import load_dataset
from dashboard.store.names import slugify
from dashboard.web import ids
from dashboard.web.callbacks import division_filter_outputs, initial_finance_page, update_finance_view
from dashboard.web.query import area_slugs, division_slugs, read_query
from tests.fixtures import text_of


def _other_division(dataset) -> str:
    return next(d for d in dataset.cost_centres_by_division if d not in (dataset.report.division, ALL_DIVISIONS))


def test_divisions_come_from_the_data_the_reports_own_first(city):
    divisions = list(city.cost_centres_by_division)
    assert divisions[0] == city.report.division and len(divisions) == 4
    assert list(division_slugs(city).values()) == divisions
    assert all(city.cost_centres_by_division[d] for d in divisions)  # each has its own cost centres
    # The view of them all last: its "cost centres" are the divisions.
    assert divisions[-1] == ALL_DIVISIONS and city.cost_centres_by_division[ALL_DIVISIONS] == tuple(divisions[:-1])
    everywhere = [a for d in divisions[:-1] for a in city.cost_centres_by_division[d]]
    assert sorted(everywhere) == sorted(city.cost_centres)


def test_a_link_chooses_a_division_and_its_cost_centres(city):
    other = _other_division(city)
    areas = city.cost_centres_by_division[other][:2]
    query = {"division": slugify(other), "area": [slugify(a) for a in reversed(areas)]}
    _, selection, notices = read_query(city, query, "fi")
    assert notices == []
    assert selection.division == other and selection.areas == tuple(areas)


def test_a_cost_centre_of_another_division_is_a_notice_not_a_silent_empty_view(city):
    own = city.cost_centres_by_division[city.report.division][0]
    _, selection, notices = read_query(city, {"division": slugify(_other_division(city)), "area": slugify(own)}, "fi")
    assert selection.areas == ()
    assert [n.key for n in notices] == ["unknown_area"]


def test_an_unknown_division_falls_back_to_the_reports_with_a_notice(city):
    _, selection, notices = read_query(city, {"division": "<script>"}, "fi")
    assert selection.division == ""
    assert [(n.key, n.values["name"]) for n in notices] == [("unknown_param", "division")]


def test_the_page_draws_the_chosen_divisions_figures(city):
    other = _other_division(city)
    result = update_finance_view(city, [], "expenses", "eur", "line", "fi", slugify(other))
    assert other in text_of(result[(ids.SELECTION_HEADING, "children")])
    drawn = result[(ids.AREA_CHART, "figure")]
    labels = [str(y) for trace in drawn["data"] for y in trace["y"]] if isinstance(drawn, dict) else None
    if labels is None:  # a graph_objects figure
        labels = [str(y) for trace in drawn.data for y in trace.y]
    assert set(labels) == set(city.cost_centres_by_division[other])


def test_choosing_a_division_offers_its_cost_centres_none_ticked(city):
    other = _other_division(city)
    options, value, help_text, reports, date, one_report = division_filter_outputs(city, slugify(other), "fi")
    assert [o["label"] for o in options] == list(city.cost_centres_by_division[other])
    assert value == [] and other in help_text
    # A ledger is one report: its date is offered, the selector hidden.
    assert [r["value"] for r in reports] == [date] == [city.report.status_date.isoformat()] and one_report
    assert list(area_slugs(city, other)) == [o["value"] for o in options]


def test_one_division_hides_the_control(city):
    seed_page = initial_finance_page(load_dataset(), Selection(), "fi", [])
    assert _path_to(seed_page, ids.DIVISION_CONTROL)  # present, so its callbacks have an input
    assert any(getattr(c, "hidden", False) for c in _path_to(seed_page, ids.DIVISION_CONTROL))
    city_page = initial_finance_page(city, Selection(), "fi", [])
    assert not any(getattr(c, "hidden", False) for c in _path_to(city_page, ids.DIVISION_CONTROL))


def _path_to(component, component_id) -> list:
    """The component with `component_id` and its ancestors, outermost first; [] if absent."""
    if getattr(component, "id", None) == component_id:
        return [component]
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if hasattr(child, "to_plotly_json") and (path := _path_to(child, component_id)):
            return [component, *path]
    return []
