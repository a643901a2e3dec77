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
from dashboard.store.validation import DataError


def current_settings() -> Settings:
    return flask.current_app.config[SETTINGS_KEY]


def current_dataset() -> Dataset:
    """The newest data in the folder that passed its checks; a bad replacement is logged and ignored."""
    return holder(current_settings().data_dir).get()


def data_error_page(error: DataError) -> html.Main:
    return html.Main([html.H1(t("data_error", current_settings().default_lang)), html.P(str(error))], className="page")


def with_data(build: Callable[..., html.Div]) -> Callable[..., html.Div]:
    """A Dash Pages layout `build(dataset, settings, **query)` that says so when the data breaks
    under a running app, instead of answering with a server error."""

    @functools.wraps(build)
    def layout(**query) -> html.Div:
        try:
            dataset = current_dataset()
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
