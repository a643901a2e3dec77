"""Dash components of our own, served from `dashboard/web/components.js`.

A table built from `html.Tr`/`html.Td` is one Dash component per cell: the finance page held
about 760 of them, and the Dash renderer's work on every callback grows with that number (each
output it applies re-runs a selector per mounted component). `Table` draws a whole table as one
component: the same `<table>` markup, a fraction of the renderer's work.

`Plot` draws a Plotly figure with the plotly.js that `assets/` serves, without `dcc.Graph`'s
lazily loaded chunk (one more round trip before the first chart): charts in the viewport are
drawn at once (on a first load, each in a task of its own), the others when the browser is idle
once the reader has moved, scrolled or pressed a key, so a click redraws what the reader sees
first and a first load draws only what is on screen; if plotly.js never loaded, the chart's box
says so.

`Slot` and `ViewData` take Dash's renderer out of a click's path: the finance page's parts that
a click redraws are Slots (an element whose content is Markup) and Plots, and `ViewData` fetches
the view for the controls' values and hands each part to its Slot or Plot in the browser. The
server still computes every figure and sentence; the renderer neither carries nor applies them.

Each class's `_prop_names` are the props its React component declares (`propTypes` in
components.js, checked by tests/unit/web/test_components.py); every React component is wrapped in
an error boundary, so one that throws shows a short message in its place, not a blank page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dash.development.base_component import Component
from plotly.io.json import to_json_plotly

# A cell is its text, or its text plus words only a screen reader needs ({"text", "hidden"}).
Cell = str | dict[str, str]


class OurComponent(Component):
    """What every component of components.js declares to Dash: its namespace, no children props or
    wildcard attributes, and its `_prop_names` as the properties it accepts."""

    _namespace = "dashboard"
    _type = "OurComponent"
    _base_nodes: list[str] = []
    _children_props: list[str] = []
    _prop_names: list[str] = []
    _valid_wildcard_attributes: list[str] = []
    available_wildcard_properties: list[str] = []

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.available_properties = cls._prop_names


class Table(OurComponent):
    """A `<table>`: optional caption, a header row, and rows whose first cell heads the row.

    `numeric_columns` are the column indexes drawn right-aligned (class `num`); `row_classes`
    gives each row's class (or None), `row_ids` each row's id (or None) for links to it.
    `rows_shown` (count, "show all" label, "show the first only" label) draws a longer table's
    first rows and a button for the rest; the rows all travel, and a print shows them all.
    """

    _type = "Table"
    _prop_names = [
        "id",
        "className",
        "caption",
        "columns",
        "rows",
        "numericColumns",
        "rowClassNames",
        "rowIds",
        "rowsShown",
        "moreLabel",
        "lessLabel",
    ]

    def __init__(
        self,
        columns: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        caption: str | None = None,
        numeric_columns: Sequence[int] = (),
        row_classes: Sequence[str | None] | None = None,
        row_ids: Sequence[str | None] | None = None,
        rows_shown: tuple[int, str, str] | None = None,
        className: str = "data-table",  # noqa: N803 (Dash's name for the prop)
        id: str | None = None,  # noqa: A002
    ) -> None:
        props = {
            "columns": list(columns),
            "rows": [list(row) for row in rows],
            "numericColumns": list(numeric_columns),
            "className": className,
        }
        if caption is not None:
            props["caption"] = caption
        if row_classes is not None:
            props["rowClassNames"] = list(row_classes)
        if row_ids is not None:  # rows a link points at (`#exception-1`)
            props["rowIds"] = list(row_ids)
        if rows_shown is not None and len(props["rows"]) > rows_shown[0]:
            # (count, "show all" label, "show the first only" label): the rest drawn on the button's press
            props["rowsShown"], props["moreLabel"], props["lessLabel"] = rows_shown
        if id is not None:
            props["id"] = id
        super().__init__(**props)

    @property
    def text(self) -> str:
        """Every word the table shows, for tests and checks that read a layout without a browser."""
        return table_text(self.to_plotly_json()["props"])


def table_text(props: dict) -> str:
    """Every word of a table from its props (a `Table`'s, or one inside `Markup`)."""
    cells = [c["text"] + c["hidden"] if isinstance(c, dict) else c for row in props["rows"] for c in row]
    return " ".join([props.get("caption", ""), *props["columns"], *cells])


class Plot(OurComponent):
    """A Plotly figure: the card's width, the figure's `layout.height` (reserved before it draws).

    The container carries `data-chart-state`: `waiting` until its figure is drawn, then `drawn`.
    """

    _type = "Plot"
    _prop_names = ["id", "className", "style", "figure", "config"]

    def __init__(
        self,
        id: str,  # noqa: A002
        figure: Any = None,
        config: dict | None = None,
        className: str = "chart",  # noqa: N803 (Dash's name for the prop)
        style: dict | None = None,
    ) -> None:
        props: dict[str, Any] = {"id": id, "className": className, "config": config or {}}
        if figure is not None:
            props["figure"] = figure
        if style is not None:
            props["style"] = style
        super().__init__(**props)


class Choices(OurComponent):
    """Native checkboxes (`multiple`) or radio buttons, each with its label: the finance page's controls.

    The same markup as dash-bootstrap-components' Checklist and RadioItems (`form-check` rows),
    which axe-core accepts. A reader's change is shown at once and asked of the page's `ViewData`
    first; Dash hears the new `value` once that view has been drawn, so the renderer's work on it
    (the address, the filters' label, a division's cost centres) never holds the view back. A
    `value` set by a callback is shown as any prop is.
    """

    _type = "Choices"
    _prop_names = ["id", "options", "value", "multiple", "className"]

    def __init__(
        self,
        id: str,  # noqa: A002
        options: list[dict[str, str]],
        value: str | list[str] | None,
        multiple: bool = False,
        className: str = "choice-list",  # noqa: N803 (Dash's name for the prop)
    ) -> None:
        super().__init__(id=id, options=options, value=value, multiple=multiple, className=className)


# Props Dash's html components carry for Dash itself, never for the element.
_DASH_ONLY_PROPS = {"children", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "loading_state", "key"}
MarkupNode = str | int | float | list


def to_markup(children: Any) -> list[MarkupNode]:
    """`html.*` components (and `Table`s) as plain data: `[tag, props, *children]` or text."""
    if children is None:
        return []
    if isinstance(children, list | tuple):
        return [node for child in children for node in to_markup(child)]
    if isinstance(children, str | int | float):
        return [children]
    if isinstance(children, Table):
        return [["dashboard.Table", children.to_plotly_json()["props"]]]
    if isinstance(children, Markup):
        return list(children.tree)
    if isinstance(children, Component) and children._namespace == "dash_html_components":
        props = {k: v for k, v in children.to_plotly_json()["props"].items() if k not in _DASH_ONLY_PROPS}
        return [[children._type.lower(), props, *to_markup(getattr(children, "children", None))]]
    raise TypeError(f"Markup holds html.* components, tables and text, not {type(children).__name__}")


class Markup(OurComponent):
    """Plain HTML drawn as one Dash component: text, headings, lists and tables a callback replaces.

    Built from `html.*` components (so the render functions read as any Dash layout) and sent as
    data, so the renderer mounts one component where the tree would mount dozens.
    """

    _type = "Markup"
    _prop_names = ["id", "tree"]

    def __init__(self, children: Any) -> None:
        super().__init__(tree=to_markup(children))

    @property
    def text(self) -> str:
        """Every word the markup shows, for tests and checks that read a layout without a browser."""
        words: list[str] = []

        def walk(node: MarkupNode) -> None:
            if isinstance(node, list):
                if node[0] == "dashboard.Table":
                    words.append(table_text(node[1]))
                else:
                    for child in node[2:]:
                        walk(child)
            else:
                words.append(str(node))

        for node in self.tree:
            walk(node)
        return " ".join(words)


class Slot(Markup):
    """An element (`tag`, `id`, `className`, `attributes`) whose content is Markup: drawn with the
    layout, and redrawn by the page's `ViewData` without Dash's renderer applying it part by part."""

    _type = "Slot"
    _prop_names = ["id", "tag", "className", "attributes", "tree", "whenOpen"]

    def __init__(
        self,
        id: str,  # noqa: A002
        children: Any = None,
        tag: str = "div",
        className: str | None = None,  # noqa: N803 (Dash's name for the prop)
        whenOpen: bool = False,  # noqa: N803 (as the prop is named in the browser)
        **attributes: Any,
    ) -> None:
        props: dict[str, Any] = {"id": id, "tag": tag, "tree": to_markup(children), "attributes": attributes}
        if className is not None:
            props["className"] = className
        if whenOpen:  # inside a <details>: drawn when it is opened, or the page printed
            props["whenOpen"] = True
        Component.__init__(self, **props)

    def set_children(self, children: Any) -> None:
        """What a callback's output for the element's children sets (see `finance_layout.apply_outputs`)."""
        self.tree = to_markup(children)


class ViewData(OurComponent):
    """The page's view for its controls' values, fetched and handed out in the browser.

    When a reader changes one of `controls` ({name: element id}: area, group, measure, bridge,
    division, date), it asks `source` (a path under Dash's request prefix) for the view of the
    controls' values, `{"parts": {id: markup tree}, "figures": {id: figure}}`, and hands each part
    to the `Slot` or `Plot` of that id. Draws nothing itself; Dash's renderer is in neither the
    request nor the drawing. If the request fails, the Slot `notice` says so and the page keeps
    the view it shows.
    """

    _type = "ViewData"
    _prop_names = ["id", "source", "controls", "lang", "notice"]

    def __init__(self, id: str, source: str, controls: dict[str, str], lang: str, notice: str) -> None:  # noqa: A002
        super().__init__(id=id, source=source, controls=controls, lang=lang, notice=notice)


def view_data(outputs: dict[tuple[str, str], Any]) -> dict[str, dict[str, Any]]:
    """A view's outputs, keyed by (id, prop), as `ViewData` receives them: children as markup, figures as they are."""
    parts: dict[str, Any] = {}
    figures: dict[str, Any] = {}
    for (component_id, prop), value in outputs.items():
        if prop == "children":
            parts[component_id] = to_markup(value)
        elif prop == "figure":
            figures[component_id] = value
        else:
            raise ValueError(f"ViewData carries children and figures, not {component_id}.{prop}")
    return {"parts": parts, "figures": figures}


def view_json(view: dict[str, dict[str, Any]]) -> bytes:
    """A view as the JSON `ViewData` fetches (figures encoded as Dash encodes them)."""
    return to_json_plotly(view).encode("utf-8")
