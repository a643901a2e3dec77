"""The finance page in headless Chromium: loads, filters, deep links, language, phone width.

Expected figures come from the loaded dataset through the metrics, formatted as the page formats
them, so a chart that shows another cost centre's (or the division's) figures fails.
"""

from __future__ import annotations

import itertools
import re

import pytest

from dashboard.analysis.lines import EXPENSE_TOTAL, display_sign
from dashboard.presentation.formatting import format_eur, format_pct
from dashboard.presentation.texts import ORG_NAMES_EN, t
from dashboard.store.dataset import Dataset
from dashboard.store.names import slugify
from dashboard.web import ids
from tests.browser.conftest import chart_data, reader_moves, wait_for_charts, wait_for_page_charts

pytestmark = pytest.mark.browser


def expected_current_and_prior(dataset: Dataset, area: str, line: str = EXPENSE_TOTAL) -> tuple[str, str]:
    """The area's figures for a line at this year's and last year's month, as the hover shows them."""
    f = dataset.finance
    out = []
    for period in (dataset.periods.prior, dataset.periods.current):
        rows = f[
            (f["service_area"] == area)
            & (f["line_item"] == line)
            & (f["basis"] == period.basis)
            & (f["year"] == period.year)
            & (f["months"] == period.months)
        ]
        assert len(rows) == 1, (area, line, period)
        out.append(format_eur(rows["eur"].iloc[0] * display_sign(line)))
    return out[0], out[1]


def check_area_chart(page, dataset: Dataset, areas: list[str], lang: str = "fi") -> None:
    traces = chart_data(page, "cost-centre-chart")
    labels = [ORG_NAMES_EN.get(a, a) if lang == "en" else a for a in areas]
    assert [trace["y"] for trace in traces] == [labels, labels]
    prior, current = zip(*(expected_current_and_prior(dataset, a) for a in areas), strict=True)
    assert traces[0]["customdata"] == list(prior)
    assert traces[1]["customdata"] == list(current)


def wait_for_area_labels(page, labels: list[str]) -> None:
    page.wait_for_function(
        """(labels) => { const g = document.querySelector('#cost-centre-chart .js-plotly-plot');
            return g && g.data && JSON.stringify(Array.from(g.data[0].y)) === JSON.stringify(labels); }""",
        arg=labels,
        timeout=20000,
    )
    wait_for_charts(page)


def test_page_loads_with_the_whole_division(page, base_url, dataset):
    page.goto(base_url + "/")
    wait_for_charts(page)
    assert page.get_attribute("html", "lang") == "fi"
    status = dataset.report.status_date
    assert f"Tilanne {status.day}.{status.month}.{status.year}" in page.inner_text("header")
    # default: every cost centre, and the division's own printed total in the statement table
    check_area_chart(page, dataset, dataset.cost_centres)
    # The report's seven columns, then the forecast, its method and a note on unprinted figures.
    assert page.locator("#statement-table table th[scope=col]").count() == 7 + 3
    printed = dataset.printed_derived
    pct = printed[(printed["service_area"] == "") & (printed["measure"] == "realisation_pct")]["printed"]
    shown = page.inner_text("#statement-table").replace("\u00a0", " ")
    assert all(format_pct(v, 2).replace("\u00a0", " ") in shown for v in pct)  # the report's own TOT-%
    assert page.locator("#kpi-cards article").count() == 3


def test_filter_by_one_cost_centre(page, base_url, dataset):
    area = dataset.cost_centres[-1]
    page.goto(base_url + "/")
    wait_for_charts(page)
    page.get_by_label(area, exact=True).check()
    wait_for_area_labels(page, [area])
    check_area_chart(page, dataset, [area])
    page.wait_for_url(re.compile(f"area={slugify(area)}"))  # the address follows the drawn view
    forecast = chart_data(page, "forecast-chart")
    assert all(trace["y"] == [area] for trace in forecast)
    assert area in page.inner_text("#statement-table caption")


def test_filter_by_two_cost_centres_by_keyboard(page, base_url, dataset):
    first, second = dataset.cost_centres[0], dataset.cost_centres[3]
    page.goto(base_url + "/")
    wait_for_charts(page)
    for area in (first, second):
        page.get_by_label(area, exact=True).focus()
        page.keyboard.press("Space")
    wanted = [a for a in dataset.cost_centres if a in (first, second)]
    wait_for_area_labels(page, wanted)
    check_area_chart(page, dataset, wanted)
    page.wait_for_url(re.compile(rf"area={slugify(first)}.*area={slugify(second)}"))


def test_deep_link_reproduces_the_view_in_english(page, base_url, dataset):
    areas = dataset.cost_centres[1:3]
    query = "&".join(f"area={slugify(a)}" for a in areas)
    page.goto(f"{base_url}/?{query}&lang=en&measure=eur")
    wait_for_charts(page)
    assert page.get_attribute("html", "lang") == "en"
    for area in areas:
        assert page.get_by_label(ORG_NAMES_EN[area], exact=True).is_checked()
    check_area_chart(page, dataset, areas, lang="en")
    assert t("app_title", "en") in page.inner_text("h1")


def test_language_switch_keeps_the_selection(page, base_url, dataset):
    area = dataset.cost_centres[0]
    page.goto(f"{base_url}/?area={slugify(area)}")
    wait_for_charts(page)
    page.click("#lang-switch")
    page.wait_for_url(re.compile(r"lang=en"))
    wait_for_charts(page)
    assert page.get_attribute("html", "lang") == "en"
    check_area_chart(page, dataset, [area], lang="en")
    page.click("#lang-switch")
    page.wait_for_url(re.compile(r"lang=fi"))
    wait_for_charts(page)
    assert page.get_attribute("html", "lang") == "fi"


def test_unknown_area_shows_a_notice_not_an_error(page, base_url, dataset):
    page.goto(f"{base_url}/?area=no-such-area&group=nonsense")
    wait_for_charts(page)
    notice = page.inner_text("#url-notice")
    assert "no-such-area" in notice and "nonsense" in notice
    check_area_chart(page, dataset, dataset.cost_centres)


def test_unknown_path_shows_the_404_page(page, base_url):
    page.goto(base_url + "/no/such/page")
    page.wait_for_selector("main.not-found")
    assert page.get_attribute("main.not-found a", "href") == "/?lang=fi"  # home, in the reader's language


def test_phone_width_has_no_horizontal_scrolling(phone_page, base_url):
    phone_page.goto(base_url + "/")
    wait_for_charts(phone_page)
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page is {width} px wide at a 375 px viewport"


CHART_STATES_JS = """() => Object.fromEntries(Array.from(document.querySelectorAll('[data-chart-state]'))
                    .map(box => [box.id, box.getAttribute('data-chart-state')]))"""


def test_charts_out_of_view_draw_when_scrolled_to_or_printed(page, base_url):
    # With the browser never idle, a chart below the fold waits; it draws as it scrolls into view,
    # and every chart draws before printing. Each box already has its figure's height (no shift).
    page.add_init_script("window.requestIdleCallback = () => 0;")
    page.goto(base_url + "/")
    page.wait_for_selector("[data-chart-state]")
    states = CHART_STATES_JS
    waiting = [chart_id for chart_id, state in page.evaluate(states).items() if state == "waiting"]
    assert waiting, "every chart drew at once although some are out of view"
    page.evaluate("(id) => document.getElementById(id).scrollIntoView()", waiting[0])
    page.wait_for_function(
        "(id) => document.getElementById(id).getAttribute('data-chart-state') === 'drawn'", arg=waiting[0]
    )
    heights = page.evaluate(
        """(id) => { const box = document.getElementById(id);
                     return [box.getBoundingClientRect().height, box.querySelector('.js-plotly-plot')._fullLayout.height]; }""",
        waiting[0],
    )
    assert heights[0] == heights[1]
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert set(page.evaluate(states).values()) == {"drawn"}


IDLE_PERIODS_JS = """(count) => new Promise(done => {
    const next = (left) => left ? requestIdleCallback(() => next(left - 1)) : done();
    next(count); })"""


def test_charts_out_of_view_wait_for_the_reader(page, base_url):
    # A reader who reads only the first screen never pays for the charts below it: they draw in
    # the browser's idle time only once the reader is there (a pointer move, a scroll, a key).
    page.goto(base_url + "/")
    page.wait_for_selector("[data-chart-state]")
    page.evaluate(IDLE_PERIODS_JS, 8)  # time enough to draw them all, were they drawn when idle
    states = page.evaluate(CHART_STATES_JS)
    assert len(states) >= 5
    assert set(states.values()) == {"waiting"}, states  # at 1280 × 900 no chart is in the first view
    reader_moves(page)
    wait_for_page_charts(page, len(states))


def test_a_failed_view_request_says_so_and_keeps_the_view(page, base_url, dataset, console_errors):
    page.goto(base_url + "/")
    wait_for_charts(page)
    before = page.inner_text("#kpi-cards")
    page.route("**/_finance-view*", lambda route: route.abort())
    page.get_by_label(dataset.cost_centres[0], exact=True).check()
    notice = page.locator("#input-notice")
    notice.get_by_text("palvelin ei vastannut").wait_for()
    assert page.inner_text("#kpi-cards") == before  # the figures shown are the last view's, whole
    assert not page.locator('[data-dash-is-loading="true"]').count()
    # The browser reports the refused request; nothing else may have gone wrong.
    assert console_errors and all("ERR_FAILED" in e or "Failed to load resource" in e for e in console_errors)
    console_errors.clear()
    page.unroute("**/_finance-view*")
    page.get_by_label(dataset.cost_centres[1], exact=True).check()  # the next answer replaces the notice
    wait_for_area_labels(page, [dataset.cost_centres[0], dataset.cost_centres[1]])
    assert notice.inner_text().strip() == ""


def test_quick_clicks_draw_the_last_selection(page, base_url, dataset):
    page.goto(base_url + "/")
    wait_for_charts(page)
    areas = dataset.cost_centres[:3]
    for area in areas:  # faster than any answer: each click asks again, the earlier answers are dropped
        page.get_by_label(area, exact=True).click()
    wait_for_area_labels(page, list(areas))
    wait_for_charts(page)
    check_area_chart(page, dataset, list(areas))
    # Dash hears the controls after the view is drawn: the address follows.
    page.wait_for_function(
        "(slugs) => slugs.every(s => location.search.includes('area=' + s))", arg=[slugify(a) for a in areas]
    )


# Each horizontal bar chart's labels, as drawn: the category labels with their left edges, the
# value labels with their boxes, the axis title's bottom, all against the chart's own box.
CHART_LABELS_JS = """(id) => {
    const box = document.getElementById(id).getBoundingClientRect();
    const rects = (selector) => Array.from(document.querySelectorAll('#' + id + ' ' + selector))
        .map(node => { const r = node.getBoundingClientRect(); return {text: node.textContent, left: r.left, right: r.right, bottom: r.bottom}; });
    const title = rects('.xtitle')[0];
    return {box: {left: box.left, right: box.right, bottom: box.bottom}, categories: rects('.ytick text'),
            values: rects('.xtick text'), title: title ? title.bottom : null};
}"""


@pytest.mark.parametrize("width", [1280, 375])
def test_bar_chart_labels_fit_their_chart(browser, base_url, width):
    # The bar charts' margins are found from their labels before drawing (not by plotly.js's
    # automargin): no label may be cut by the chart's edge, and value labels never overlap. On a
    # phone a category label too long for 65 % of the chart ends with an ellipsis; its chart's
    # table names it whole.
    from tests.browser.conftest import CHART_IDS, sized_page

    with sized_page(browser, width, 900) as page:
        page.goto(base_url + "/")
        page.wait_for_selector("[data-chart-state]")  # the page is drawn: its charts and tables listen
        page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")  # draws every chart and table
        wait_for_page_charts(page, len(CHART_IDS))
        for chart_id in CHART_IDS:
            drawn = page.evaluate(CHART_LABELS_JS, chart_id)
            box = drawn["box"]
            assert drawn["categories"], chart_id
            for label in drawn["categories"]:
                assert label["left"] >= box["left"] - 0.5, (chart_id, width, label)
            values = sorted(drawn["values"], key=lambda label: label["left"])
            for left, right in itertools.pairwise(values):
                assert left["right"] <= right["left"], (chart_id, width, left, right)
            assert drawn["title"] is not None and drawn["title"] <= box["bottom"] + 0.5, (chart_id, width)
            table = page.text_content(f"#{chart_id}-table")
            for label in drawn["categories"]:
                text = label["text"]
                if text.endswith("\u2026"):
                    assert width < 600, (chart_id, text)
                    assert text[:-1].strip() in table, (chart_id, text)
                else:
                    assert text in table, (chart_id, text)


VIEW_ANSWERS_JS = (
    "(n) => performance.getEntriesByType('resource').filter(e => /_finance-view/.test(e.name)).length >= n"
)


def test_a_press_asks_the_view_and_only_its_click_draws_it(page, base_url, dataset):
    # The pointer down on a cost centre asks its view at once (the click comes 50-150 ms later);
    # nothing changes until the click, which draws that answer without asking again. A press
    # that ends elsewhere (no click) ticks nothing and draws nothing.
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url) if "_finance-view" in request.url else None)
    page.goto(base_url + "/")
    wait_for_charts(page)
    heading = page.inner_text("#selection-heading")
    first, second = dataset.cost_centres[0], dataset.cost_centres[1]

    label = page.locator("#service-area-filter label", has_text=first).first.bounding_box()
    page.mouse.move(label["x"] + 4, label["y"] + 4)
    page.mouse.down()
    page.wait_for_function(VIEW_ANSWERS_JS, arg=1)
    assert len(asked) == 1 and f"area={slugify(first)}" in asked[0]
    assert page.inner_text("#selection-heading") == heading
    page.mouse.up()
    page.wait_for_function(
        "(name) => document.querySelector('#selection-heading').textContent.includes(name)", arg=first
    )
    wait_for_charts(page)
    assert len(asked) == 1
    check_area_chart(page, dataset, [first])

    drawn = page.inner_text("#kpi-cards")
    label = page.locator("#service-area-filter label", has_text=second).first.bounding_box()
    page.mouse.move(label["x"] + 4, label["y"] + 4)
    page.mouse.down()
    page.mouse.move(label["x"] + 4, label["y"] + 400)
    page.mouse.up()
    # The press's answer has arrived (a resource entry is written when it completes), and the page
    # has had two frames in which a stray answer would be drawn.
    page.wait_for_function(VIEW_ANSWERS_JS, arg=2)
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert len(asked) == 2
    assert not page.is_checked(f"#service-area-filter input[value='{slugify(second)}']")
    assert page.inner_text("#kpi-cards") == drawn


# The heading as it reads when the task that drew a chart (`data-chart-state` set to "drawn",
# right after plotly.js has drawn it) has run its course: a mutation observer's callback runs
# before any later task.
HEADING_AT_DRAW_JS = """(id) => { window.__headingAtDraw = [];
    new MutationObserver(() => window.__headingAtDraw.push(document.querySelector('#selection-heading').textContent))
        .observe(document.getElementById(id), {attributes: true, attributeFilter: ['data-chart-state']}); }"""


def test_a_view_draws_its_text_in_its_charts_task(page, base_url, dataset):
    # One frame shows the whole new view: its text is drawn in the task that draws its charts in
    # view, not a task later (a frame of new charts under the old selection's sentences and cards).
    area = dataset.cost_centres[0]
    page.goto(base_url + "/")
    page.wait_for_selector("#cost-centre-chart")
    page.evaluate("() => document.getElementById('cost-centre-chart').scrollIntoView()")
    wait_for_charts(page)
    page.evaluate(HEADING_AT_DRAW_JS, "cost-centre-chart")
    page.get_by_label(area, exact=True).check()
    wait_for_area_labels(page, [area])
    seen = page.evaluate("() => window.__headingAtDraw")
    assert seen and area in seen[0], seen
    assert seen[0] == page.inner_text("#selection-heading")


def test_charts_out_of_sight_wait_while_a_view_is_on_its_way(page, base_url, dataset):
    # Idle time while a view is asked is kept for that view: a chart out of sight drawn then
    # would hold the answer back, and draw a figure about to be replaced. Once the answer is in,
    # they draw.
    page.goto(base_url + "/")
    page.wait_for_selector("[data-chart-state]")
    page.evaluate(IDLE_PERIODS_JS, 4)
    held = []
    page.route("**/_finance-view*", lambda route: held.append(route))
    page.get_by_label(dataset.cost_centres[0], exact=True).check()  # the pointer's move engages the reader
    page.wait_for_function("() => document.querySelector('[data-dash-is-loading=\"true\"]')")
    asked = page.evaluate(CHART_STATES_JS)
    assert "waiting" in asked.values(), asked
    # Idle callbacks wait for no idle period longer than 500 ms (components.js): twice that, and
    # one more, is time for three of them, each drawing a chart were they drawn while asking.
    page.wait_for_timeout(1600)
    assert page.evaluate(CHART_STATES_JS) == asked
    assert held
    for route in held:
        route.continue_()
    wait_for_area_labels(page, [dataset.cost_centres[0]])
    wait_for_page_charts(page, len(asked))


# Each drawn chart's legend box and the top of its plot area, in page px.
LEGENDS_JS = """() => Array.from(document.querySelectorAll('[data-chart-state] .js-plotly-plot'))
    .filter(g => g._fullLayout.showlegend && g.querySelector('.legend'))
    .map(g => ({id: g.parentElement.id, legendBottom: g.querySelector('.legend').getBoundingClientRect().bottom,
                plotTop: g.querySelector('.main-svg').getBoundingClientRect().top + g._fullLayout._size.t}))"""


def test_legends_stay_above_their_plots_from_view_to_view(page, base_url, dataset):
    # A view whose labels or rows give a chart other margins must draw its legend where the new
    # margins put it: plotly.js, when it had to find them again, could leave it where the last
    # view's size put it, over the bars.
    page.goto(base_url + "/")
    wait_for_page_charts(page, 5)
    checked = 0
    for area in dataset.cost_centres:
        for ticked in (True, False):
            page.get_by_label(area, exact=True).set_checked(ticked)
            wait_for_area_labels(page, [area] if ticked else list(dataset.cost_centres))
            wait_for_page_charts(page)
            for legend in page.evaluate(LEGENDS_JS):
                assert legend["legendBottom"] <= legend["plotTop"] + 1, (area, ticked, legend)
                checked += 1
    assert checked >= 2 * len(dataset.cost_centres) * 3


def test_a_charts_table_is_drawn_when_opened_or_printed_and_follows_the_view(page, base_url, dataset):
    # A chart's table alternative costs nothing until its <details> is opened (or the page is
    # printed); opened, it shows the view as it now is, and follows the next click.
    page.goto(base_url + "/")
    wait_for_charts(page)
    table = f"#{ids.table_id(ids.AREA_CHART)}"
    assert page.locator(f"{table} table").count() == 0
    first, second = dataset.cost_centres[0], dataset.cost_centres[1]
    page.get_by_label(first, exact=True).check()
    wait_for_area_labels(page, [first])
    page.locator(f"details:has({table}) summary").click()
    page.locator(f"{table} table").wait_for()
    assert first in page.inner_text(f"{table} tbody")
    page.get_by_label(second, exact=True).check()
    wait_for_area_labels(page, [first, second])
    body = page.inner_text(f"{table} tbody")
    assert first in body and second in body, body
    other = f"#{ids.table_id(ids.FORECAST_CHART)}"
    assert page.locator(f"{other} table").count() == 0
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator(f"{other} table").count() == 1
