"""The frame of the report's other pages (communications, goals, risks, the accessibility statement).

Each page's state lives in its link (`lang`, and `aim` on the goals page), so these pages are
drawn whole when their link is opened and need no callbacks. A page opens with its answer, one
sentence written from the data (`dashboard.web.answers`), first in its main content, right under
the header's h1; the download menu follows it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import dash
from dash import html

from dashboard.store.dataset import Dataset
from dashboard.web.answers import Sentence
from dashboard.web.current import page_title, with_data
from dashboard.web.embed import embeddable
from dashboard.web.export_toolbar import export_toolbar
from dashboard.web.parts import notice_block
from dashboard.web.query import Notice
from dashboard.web.site import PAGES, page_header, site_footer, skip_link

PageBuilder = Callable[[Dataset, Mapping[str, object], str], html.Div]  # (data, link's query, default language)


def report_layout(build: PageBuilder) -> Callable[..., html.Div]:
    """A report page's Dash Pages layout: the page `build` draws for the link, also in frame mode
    (`?embed=1`), and a sentence instead of a server error when the data breaks under the app."""
    return embeddable(with_data(lambda dataset, settings, **query: build(dataset, query, settings.default_lang)))


def register_report_page(module: str, page: str, order: int, layout: Callable[..., html.Div]) -> None:
    """Register a report page with Dash Pages at its path in `site.PAGES`, titled
    `<its navigation label> – <the app's title>` in the app's default language."""
    path, nav_key = next((path, key) for name, path, key in PAGES if name == page)
    dash.register_page(module, path=path, order=order, title=page_title(nav_key, "app_title"), layout=layout)


def page_answer(sentence: Sentence) -> html.P:
    """The page's answer, first in its main content (assets/page-answer.css makes it prominent)."""
    return html.P(sentence, className="page-answer")


def report_page(
    dataset: Dataset,
    lang: str,
    active: str,
    title: str,
    notices: Sequence[Notice],
    body: list,
    switch=None,
    answer: Sentence | None = None,
) -> html.Div:
    """A report page: header (its h1), notices, then the main content: the answer first, the toolbar, the body.

    The toolbar is inside the main content, as on the finance page, so that the answer comes right
    after the header, within the first screen at phone width too, and the skip link lands on it.
    """
    return html.Div(
        [
            skip_link(lang),
            page_header(dataset, lang, active, title, switch),
            notice_block(notices, lang),
            html.Main(
                [
                    page_answer(answer) if answer else None,
                    export_toolbar(dataset, active, lang, switch),
                    *body,
                ],
                id="main",
                className="report-page",
                tabIndex="-1",
            ),
            site_footer(lang),
        ],
        className="page",
        lang=lang,
    )
