"""The table component: what it sends to the browser, and how much of the page it replaces."""

from __future__ import annotations

import json

import plotly.io
import pytest
from dash import dcc, html

from dashboard.analysis.finance_view import Selection
from dashboard.store.dataset import load_dataset
from dashboard.web.callbacks import initial_finance_page
from dashboard.web.components import Markup, Table
from dashboard.web.layout import numeric_columns, render_table


def _components(tree) -> list[dict]:
    found = []

    def walk(node):
        if isinstance(node, dict):
            if "namespace" in node and "type" in node:
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(plotly.io.json.to_json_plotly(tree)))
    return found


def test_figure_columns_are_right_aligned_text_columns_are_not():
    rows = [["Vaalit", "1\u00a0234\u00a0€", "Toteutuu", "68,2\u00a0%"], ["Talous", "–", "Ei", ""]]
    assert numeric_columns(rows) == [1, 3]
    assert numeric_columns([]) == []


def test_a_table_is_one_component_carrying_its_cells_as_data():
    table = render_table(("Nimi", "€"), [("Vaalit", "12\u00a0€"), ("Talous", "3\u00a0€")], caption="Otsikko")
    assert isinstance(table, Table)
    sent = table.to_plotly_json()
    assert (sent["namespace"], sent["type"]) == ("dashboard", "Table")
    assert sent["props"]["rows"] == [["Vaalit", "12\u00a0€"], ["Talous", "3\u00a0€"]]
    assert sent["props"]["numericColumns"] == [1]
    assert sent["props"]["caption"] == "Otsikko"
    assert table.text == "Otsikko Nimi € Vaalit 12\u00a0€ Talous 3\u00a0€"


def test_a_cell_may_carry_words_for_screen_readers_only():
    table = Table(["Rivi"], [[{"text": "Toimintakate *", "hidden": " (laskettu)"}]], row_classes=["derived"])
    assert table.to_plotly_json()["props"]["rowClassNames"] == ["derived"]
    assert "Toimintakate * (laskettu)" in table.text


def test_the_finance_page_holds_few_dash_components():
    # Each mounted Dash component costs the renderer work on every callback output; a table of
    # html.Td cells made the page about 760 components and a filter click several seconds.
    dataset = load_dataset()
    page = initial_finance_page(dataset, Selection(), "fi", [])
    components = _components(page)
    assert len(components) < 250, len(components)
    tables = [c for c in components if c["type"] == "Table"]
    assert len(tables) == 7  # the statement, the exceptions and the five charts' tables
    assert not [c for c in components if c["type"] in ("Td", "Tr")]


def test_markup_sends_html_as_plain_data_without_dash_props():
    tree = html.Div(
        [html.H3("Kulut", id="t", className="chart-title"), html.P(["1\u00a0234\u00a0€", html.Strong("!")])],
        **{"aria-labelledby": "t"},
        n_clicks=0,
    )
    markup = Markup(tree)
    assert markup.to_plotly_json()["props"]["tree"] == [
        [
            "div",
            {"aria-labelledby": "t"},
            ["h3", {"id": "t", "className": "chart-title"}, "Kulut"],
            ["p", {}, "1\u00a0234\u00a0€", ["strong", {}, "!"]],
        ]
    ]
    assert markup.text == "Kulut 1\u00a0234\u00a0€ !"


def test_markup_keeps_tables_and_refuses_components_it_cannot_draw():
    markup = Markup([html.Div(render_table(("Nimi",), [("Vaalit",)], caption="Otsikko"))])
    assert markup.tree[0][2][0] == "dashboard.Table"
    assert "Otsikko Nimi Vaalit" in markup.text
    with pytest.raises(TypeError, match="Store"):
        Markup([dcc.Store(id="s")])
