"""The app answering this request: its settings, its data, and the page shown when the data broke.

Dash Pages keeps one page registry per process, so a page's layout finds its app's settings
through the request (`flask.current_app`) rather than a closure: tests build several apps, each
with its own settings, in one process.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import flask
from dash import html

from dashboard.presentation.texts import t
from dashboard.serving.live_data import holder
from dashboard.serving.settings import SETTINGS_KEY, Settings
from dashboard.store.dataset import Dataset
from dashboard.store.library import Library
from dashboard.store.validation import DataError
from dashboard.web.query import Notice, ReportChoice, resolve_report


def current_settings() -> Settings:
    return flask.current_app.config[SETTINGS_KEY]


def current_library() -> Library:
    """The newest library in the folder that passed its checks; a bad replacement is logged and ignored."""
    return holder(current_settings().data_dir).get()


def serving_library() -> Library | None:
    """The current library in a request of a running app; None outside one (a page drawn in a test)."""
    return current_library() if flask.has_app_context() and SETTINGS_KEY in flask.current_app.config else None


def current_dataset() -> Dataset:
    """The latest report of the current library."""
    return current_library().latest


def choose_report(date: object = None, division: object = None) -> ReportChoice:
    """The report a link or the report selector names, from the current library. A page layout
    keeps the choice for the request (`report_params`, `report_notices`), so that every link it
    draws keeps the report and the page says what it could not show."""
    choice = resolve_report(current_library(), date, division)
    if flask.has_request_context():
        flask.g.report_choice = choice
    return choice


def report_params() -> list[tuple[str, str]]:
    """`date` and `division` as this request's page honoured them, for its links to keep."""
    choice = flask.g.get("report_choice") if flask.has_request_context() else None
    return list(choice.params) if choice else []


def report_notices() -> list[Notice]:
    choice = flask.g.get("report_choice") if flask.has_request_context() else None
    return list(choice.notices) if choice else []


def data_error_page(error: DataError) -> html.Main:
    return html.Main([html.H1(t("data_error", current_settings().default_lang)), html.P(str(error))], className="page")


def with_data(build: Callable[..., html.Div]) -> Callable[..., html.Div]:
    """A Dash Pages layout `build(dataset, settings, **query)` for the report the link names
    (`date`, `division`), that says so when the data breaks under a running app, instead of
    answering with a server error."""

    @functools.wraps(build)
    def layout(**query) -> html.Div:
        try:
            dataset = choose_report(query.get("date"), query.get("division")).dataset
        except DataError as exc:
            return data_error_page(exc)
        return build(dataset, current_settings(), **query)

    return layout


def page_title(*keys: str) -> Callable[..., str]:
    """A Dash Pages title in the app's default language: the texts of `keys` joined by a dash
    (`Viestintä – Talouden toteutuminen`). A function, so each app of a process names its pages
    in its own language although the page registry is shared."""

    def title(**_) -> str:
        lang = current_settings().default_lang
        return " – ".join(t(key, lang) for key in keys)

    return title
