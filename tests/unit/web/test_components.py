"""The table component: what it sends to the browser, and how much of the page it replaces."""

from __future__ import annotations

import json
import re
from pathlib import Path

import plotly.io
import pytest
from dash import dcc, html

from dashboard.analysis.finance_view import Selection
from dashboard.presentation.tables import Column
from dashboard.presentation.tables import Table as DataTable
from dashboard.store.library import load_dataset
from dashboard.web import components
from dashboard.web.callbacks import initial_finance_page
from dashboard.web.components import Markup, Plot, Table
from dashboard.web.parts import render_data_table


def _typed(columns, rows) -> DataTable:
    return DataTable("t", "t", "Otsikko", tuple(columns), tuple(rows))


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
    # By the column's kind, not by how its text looks: a text column of numbers stays left.
    columns = (Column("Nimi"), Column("€", "eur"), Column("Tila"), Column("%", "pct", 1), Column("Nro (teksti)"))
    rows = [("Vaalit", 1234.0, "Toteutuu", 68.2, "12"), ("Talous", None, "Ei", None, "3")]
    table = render_data_table(_typed(columns, rows), "Otsikko", "fi")
    assert table.to_plotly_json()["props"]["numericColumns"] == [1, 3]
    assert table.to_plotly_json()["props"]["rows"][1] == ["Talous", "–", "Ei", "–", "3"]
    empty = render_data_table(_typed(columns, []), "Otsikko", "fi")
    assert empty.to_plotly_json()["props"]["numericColumns"] == [1, 3]
    assert empty.to_plotly_json()["props"]["rows"] == []


def test_a_table_is_one_component_carrying_its_cells_as_data():
    typed = _typed((Column("Nimi"), Column("€", "eur")), [("Vaalit", 12.0), ("Talous", 3.0)])
    table = render_data_table(typed, "Otsikko", "fi")
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
    assert len(components) < 200, len(components)
    # The parts the callback redraws are Slots holding markup: tables among them are data, not components.
    slots = [c for c in components if c["type"] == "Slot"]
    tables = [node for slot in slots for node in _markup_nodes(slot["props"]["tree"]) if node[0] == "dashboard.Table"]
    assert len(tables) == 9  # the statement, the exceptions, the five charts' and the two development charts' tables
    assert not [c for c in components if c["type"] in ("Td", "Tr", "Table")]


def _markup_nodes(tree: list) -> list[list]:
    nodes = []
    for node in tree:
        if isinstance(node, list):
            nodes.append(node)
            nodes += _markup_nodes(node[2:])
    return nodes


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
    markup = Markup([html.Div(render_data_table(_typed((Column("Nimi"),), [("Vaalit",)]), "Otsikko", "fi"))])
    assert markup.tree[0][2][0] == "dashboard.Table"
    assert "Otsikko Nimi Vaalit" in markup.text
    with pytest.raises(TypeError, match="Store"):
        Markup([dcc.Store(id="s")])


@pytest.mark.parametrize("component", [Table, Plot, Markup], ids=lambda c: c._type)
def test_the_python_class_sends_the_props_its_react_component_declares(component):
    source = Path(components.__file__).with_suffix(".js").read_text(encoding="utf-8")
    declared = re.search(rf"\n    {component._type}\.propTypes = \{{(.*?)\n    \}};", source, re.DOTALL)
    assert declared, f"components.js declares no propTypes for {component._type}"
    assert sorted(re.findall(r"^ {8}(\w+):", declared[1], re.MULTILINE)) == sorted(component._prop_names)
    assert component.available_properties == component._prop_names
    assert f"{component._type}: guarded({component._type})" in source  # behind an error boundary
