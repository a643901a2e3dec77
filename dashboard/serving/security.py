"""Hardening: security headers on every response, a request-body limit, and callbacks that fail safe.

- **Content-Security-Policy.** Scripts only from this origin plus the page's own inline scripts,
  allowed by their sha256 hashes (Dash writes the renderer's bootstrap and each clientside
  callback inline). The hashes are taken once, at start, from the index page the app actually
  renders, never from a response at request time (hashing what is served would bless an injected
  script too). No `unsafe-eval`: plotly.js 4 and Dash 4 run without it. Styles allow
  `'unsafe-inline'` because plotly.js writes `<style>` elements and style attributes.
  `frame-ancestors` comes from the `FRAME_ANCESTORS` setting (default: this origin only).
- `X-Content-Type-Options: nosniff`, `Referrer-Policy: strict-origin-when-cross-origin`, and
  `X-Frame-Options` where it can say the same as `frame-ancestors` (older browsers).
- **Body limit.** `MAX_CONTENT_LENGTH` of 1 MB: a larger body is answered 413 before Dash reads it.
- **Callback requests** (`/_dash-update-component`) are checked before Dash sees them: a JSON
  object of the expected shape, strings, lists and nesting of bounded size. A malformed request
  gets 400 with a one-line JSON reason. A callback that still raises gets 400 too; the traceback
  goes to the log, never into a response. The finance page's view request (a GET whose query
  carries the controls' values) is bounded by `check_query` alike.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
from typing import Any

import flask
from dash import Dash
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException

from dashboard.serving.settings import Settings

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024
# Bounds on one callback request's values: generous for every control of the app (the longest
# is the cost-centre list, 7 slugs) while keeping a hostile payload from costing real work.
MAX_STRING = 2_000
MAX_ITEMS = 200
MAX_DEPTH = 8
CALLBACK_PATH = "_dash-update-component"

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


def inline_script_hashes(page: str) -> list[str]:
    """CSP hash sources for the inline scripts a browser would run in `page` (not JSON data blocks,
    not scripts inside HTML comments, not `src=` scripts)."""
    hashes = []
    for match in _SCRIPT.finditer(_COMMENT.sub("", page)):
        attrs = match["attrs"]
        if re.search(r"\bsrc\s*=", attrs, re.IGNORECASE):
            continue
        kind = _TYPE.search(attrs)
        if (kind[1].lower() if kind else "") not in _SCRIPT_TYPES:
            continue
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def content_security_policy(script_hashes: list[str], frame_ancestors: str) -> str:
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(["'self'", *script_hashes]),
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data: blob:",
        "font-src": "'self' data:",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": frame_ancestors,
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def _frame_options(frame_ancestors: str) -> str | None:
    return {"'self'": "SAMEORIGIN", "'none'": "DENY"}.get(frame_ancestors)


class CallbackRequestError(ValueError):
    """A callback request that no control of this app could have sent."""


def _check_value(value: Any, depth: int = 0) -> None:
    if depth > MAX_DEPTH:
        raise CallbackRequestError("value nested too deeply")
    if isinstance(value, str):
        if len(value) > MAX_STRING:
            raise CallbackRequestError("string too long")
    elif isinstance(value, list):
        if len(value) > MAX_ITEMS:
            raise CallbackRequestError("list too long")
        for item in value:
            _check_value(item, depth + 1)
    elif isinstance(value, dict):
        if len(value) > MAX_ITEMS:
            raise CallbackRequestError("object too large")
        for key, item in value.items():
            _check_value(key, depth + 1)
            _check_value(item, depth + 1)


def _check_dependencies(items: Any, name: str) -> None:
    """`inputs` / `state`: a list of {id, property, value} (or lists of them, for pattern ids)."""
    if not isinstance(items, list) or len(items) > MAX_ITEMS:
        raise CallbackRequestError(f"'{name}' must be a list")
    for item in items:
        for dependency in item if isinstance(item, list) else [item]:
            if not isinstance(dependency, dict) or not isinstance(dependency.get("property"), str):
                raise CallbackRequestError(f"'{name}' holds an item that is not a component property")
            if not isinstance(dependency.get("id"), str | dict):
                raise CallbackRequestError(f"'{name}' holds an item without a component id")
            _check_value(dependency.get("id"))
            _check_value(dependency.get("value"))


def check_callback_request(body: Any) -> None:
    """Raise `CallbackRequestError` unless `body` has the shape Dash's renderer sends."""
    if not isinstance(body, dict):
        raise CallbackRequestError("the body must be a JSON object")
    if not isinstance(body.get("output"), str) or len(body["output"]) > MAX_STRING:
        raise CallbackRequestError("'output' must be a string")
    _check_dependencies(body.get("inputs"), "inputs")
    _check_dependencies(body.get("state", []), "state")
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(c, str) for c in changed):
        raise CallbackRequestError("'changedPropIds' must be a list of strings")
    _check_value(changed)
    if not isinstance(body.get("outputs"), dict | list):
        raise CallbackRequestError("'outputs' must be an object or a list")
    _check_value(body["outputs"])


def check_query(args: MultiDict) -> None:
    """Raise `CallbackRequestError` unless a view request's query is of a size a control could send."""
    values = list(args.items(multi=True))
    if len(values) > MAX_ITEMS:
        raise CallbackRequestError("too many query values")
    for name, value in values:
        if len(name) > MAX_STRING or len(value) > MAX_STRING:
            raise CallbackRequestError("a query value is too long")


def bad_request(reason: str, status: int = 400) -> flask.Response:
    response = flask.jsonify(error=reason)
    response.status_code = status
    return response


def configure_security(app: Dash, settings: Settings) -> None:
    """Install the headers, the body limit and the callback checks; call after every callback is
    registered (the inline scripts are hashed from the finished app's page)."""
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    server.config["DEBUG"] = False  # never: Werkzeug's debugger runs code from the browser
    server.debug = False
    callback_path = settings.url_prefix + CALLBACK_PATH
    headers: dict[str, str] = {}

    @server.before_request
    def check_callback() -> flask.Response | None:
        request = flask.request
        if request.path != callback_path or request.method != "POST":
            return None
        try:
            body = json.loads(request.get_data(cache=True) or b"null")
        except ValueError:
            return bad_request("the body is not JSON")
        try:
            check_callback_request(body)
            if body["output"] not in app.callback_map:
                raise CallbackRequestError("no such callback")
        except CallbackRequestError as exc:
            log.info("refused a callback request: %s", exc)
            return bad_request(str(exc))
        return None

    @server.after_request
    def add_headers(response: flask.Response) -> flask.Response:
        response.headers.update(headers)
        return response

    @server.errorhandler(Exception)
    def answer_without_traceback(error: Exception):
        if isinstance(error, HTTPException):  # 404, 405, 413…: Werkzeug's own short answer
            return error
        path = flask.request.path
        if path == callback_path:  # values no control sends (Dash's router raises on them): the client's fault
            log.warning("a callback could not use its request's values", exc_info=error)
            return bad_request("the callback could not use these values")
        log.error("unhandled error answering %s %s", flask.request.method, path, exc_info=error)
        return bad_request("internal error", 500)

    # Render the real index once (this also runs Dash's first-request setup, which registers
    # Dash Pages' own clientside callback), then fix the policy for the life of the process.
    page = server.test_client().get(settings.url_prefix).get_data(as_text=True)
    headers["Content-Security-Policy"] = content_security_policy(inline_script_hashes(page), settings.frame_ancestors)
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
    frame_options = _frame_options(settings.frame_ancestors)
    if frame_options:
        headers["X-Frame-Options"] = frame_options
