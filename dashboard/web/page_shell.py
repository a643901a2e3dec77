"""The app's layout with the asking page already in it, so a first load needs no routing callback.

Dash Pages serves a shell (`dash.page_container`: a Location, an empty content div, a store) and
fills it by a callback once the Location has read the address: one more round trip and one more
render of the whole page before the first view shows (70-100 ms of a first load). Here the layout
request is answered with the page of the address that asks for it (the request's Referer, which
the page's own Referrer-Policy keeps whole for same-origin requests), its Location already at that
address, so nothing changes on mount and the routing callback is not called. Any other request
(no Referer, an address that is no page, a page that cannot be drawn) gets Dash's shell, and the
routing callback draws the page as before.
"""

from __future__ import annotations

import copy
import logging
from urllib.parse import parse_qsl, urlsplit

import dash
import flask
from dash import html
from dash._pages import _parse_query_string, _path_to_page  # Dash's own routing, used as its router does
from dash.dash import _ID_CONTENT, _ID_LOCATION, _ID_STORE
from werkzeug.datastructures import MultiDict

from dashboard.serving.security import CallbackRequestError, check_query

logger = logging.getLogger(__name__)


def page_container(app: dash.Dash) -> html.Div:
    """`dash.page_container` holding the page of the address that asks for the layout, where there is one."""
    drawn = _asking_page(app)
    if drawn is None:
        return html.Div(dash.page_container)
    pathname, search, content, title = drawn
    container = copy.deepcopy(dash.page_container)  # Dash's own parts, filled as its router would
    parts = {part.id: part for part in container.children}
    parts[_ID_LOCATION].pathname, parts[_ID_LOCATION].search = pathname, search
    parts[_ID_CONTENT].children = content
    parts[_ID_STORE].data = {"title": title}
    return html.Div(container)


def _asking_page(app: dash.Dash) -> tuple[str, str, object, str] | None:
    if not flask.has_request_context() or not flask.request.referrer:
        return None
    asking = urlsplit(flask.request.referrer)
    if asking.netloc != urlsplit(flask.request.host_url).netloc:
        return None
    try:  # bounded as the routing callback's own request would be
        check_query(MultiDict(parse_qsl(asking.query, keep_blank_values=True)))
    except CallbackRequestError:
        return None
    search = f"?{asking.query}" if asking.query else ""
    prefix = app.config.requests_pathname_prefix
    if not (asking.path + "/").startswith(prefix):
        return None
    page, path_variables = _path_to_page(app.strip_relative_path(asking.path))
    if not page:
        return None  # Dash's router draws its 404
    try:
        layout = page.get("layout", "")
        if callable(layout):
            layout = layout(**{**(path_variables or {}), **_parse_query_string(search)})
        title = page["title"]
        if callable(title):
            title = title(**(path_variables or {}))
    except Exception:  # the routing callback draws it, or reports it, as for any page
        logger.exception("could not draw %s into the layout", asking.path)
        return None
    return asking.path, search, layout, title
