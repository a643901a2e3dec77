"""The communications, goals and risks pages in headless Chromium, reached by the site navigation.

Every test fails on a browser console error (the `page` fixture). Expected figures come from the
data and are formatted as the page formats them.
"""

from __future__ import annotations

import re

import pytest

from dashboard.presentation.formatting import format_number
from dashboard.web.answers import communications_answer, goals_answer, risks_answer
from tests.browser.conftest import sized_page, wait_for_charts, wait_for_page_charts

pytestmark = pytest.mark.browser
NBSP = "\u00a0"


def wait_for_graphs(page, count: int) -> None:
    wait_for_page_charts(page, at_least=count)


def visible_text(page) -> str:
    return page.inner_text("body").replace(NBSP, " ")


def test_navigation_reaches_every_page_in_the_readers_language(page, base_url):
    page.goto(base_url + "/?lang=en")
    wait_for_charts(page)
    page.get_by_role("navigation", name="Pages").get_by_role("link", name="Communications").click()
    page.wait_for_url(re.compile(r"/viestinta\?lang=en"))
    wait_for_graphs(page, 3)
    assert page.get_attribute("html", "lang") == "en"
    assert page.locator("h1").count() == 1
    page.get_by_role("link", name="Goals").click()
    page.wait_for_url(re.compile(r"/tavoitteet\?lang=en"))
    page.get_by_role("link", name="Risks").click()
    page.wait_for_url(re.compile(r"/riskit\?lang=en"))
    wait_for_graphs(page, 1)
    assert page.locator("[aria-current=page]").inner_text() == "Risks"


def test_communications_page_shows_the_seed_figures(page, base_url, dataset):
    page.goto(base_url + "/viestinta")
    social = dataset.social_media
    levels = social[(social["metric"] == "followers") & ~social["derived"]].set_index("channel")["value"]
    wait_for_graphs(page, len(levels) + 1)
    text = visible_text(page)
    for channel, value in levels.items():
        assert re.search(rf"{channel}\s+{format_number(value).replace(NBSP, ' ')} seuraajaa \(30\.9\.2024\)", text), (
            channel
        )
    assert "kehitystä ei voi piirtää" in text  # a single observation is not drawn as a line
    facebook = page.evaluate(
        "() => Array.from(document.querySelector('#followers-facebook-chart .js-plotly-plot').data[0].y)"
    )
    assert (
        facebook
        == social[(social["channel"] == "Facebook") & (social["metric"] == "followers")]["value"].sort_values().tolist()
    )


def test_goals_filter_by_aim_keeps_the_choice_in_the_link(page, base_url, dataset):
    page.goto(base_url + "/tavoitteet")
    page.wait_for_selector("article.goal")
    total = len(dataset.goals)
    assert page.locator("article.goal").count() == total
    page.get_by_role("link", name="Kestävä talous").click()
    page.wait_for_url(re.compile(r"aim=kestava-talous"))
    page.wait_for_function("(n) => document.querySelectorAll('article.goal').length === n", arg=2)
    headings = page.locator("article.goal h3").all_inner_texts()
    assert headings == ["Kestävä talous", "Kestävä talous"]
    assert page.locator(".status").first.inner_text().endswith("Toteutuu")
    page.goto(base_url + "/tavoitteet?aim=kestava-talous&lang=en")
    page.wait_for_selector("article.goal")
    assert page.locator("article.goal").count() == 2


def test_an_unknown_aim_is_noticed_not_an_error(page, base_url, dataset):
    page.goto(base_url + "/tavoitteet?aim=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    page.wait_for_selector("article.goal")
    assert "aim=" in page.inner_text("[role=status].notice")
    assert page.locator("article.goal").count() == len(dataset.goals)


def test_risk_page_matrix_has_a_table_alternative(page, base_url, dataset):
    page.goto(base_url + "/riskit")
    wait_for_graphs(page, 1)
    markers = page.evaluate("() => document.querySelector('#risk-matrix-chart .js-plotly-plot').data[0].text")
    assert sorted(markers, key=int) == [str(r) for r in dataset.risks["row"]]
    cells = page.locator("table.risk-matrix-table td li").all_inner_texts()
    assert len(cells) == len(dataset.risks)


def test_report_pages_fit_a_phone(phone_page, base_url):
    for path in ("/viestinta", "/tavoitteet", "/riskit"):
        phone_page.goto(base_url + path)
        phone_page.wait_for_selector("main")
        width = phone_page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 375, f"{path} scrolls sideways at 375 px ({width} px)"


# -- each page's answer is on its first screen -----------------------------------------------------------


def _words(text: str) -> str:
    return " ".join(text.replace(NBSP, " ").split())


def expected_answer(dataset, path: str, lang: str) -> str:
    """The sentence the page should say, built from the data (its parts' text, as the browser joins it)."""
    if path == "/viestinta":
        parts = communications_answer(dataset.social_media, lang)
    elif path == "/tavoitteet":
        parts = goals_answer(dataset.goals, None, lang)
    else:
        parts = risks_answer(dataset.risks, lang)
    return _words("".join(p if isinstance(p, str) else p.children for p in parts))


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (375, 667)])
def test_each_report_page_answers_on_its_first_screen(browser, base_url, dataset, width, height):
    with sized_page(browser, width, height) as page:
        for path in ("/viestinta", "/tavoitteet", "/riskit"):
            for lang in ("fi", "en"):
                page.goto(f"{base_url}{path}?lang={lang}")
                page.wait_for_selector("main .page-answer")
                answer = page.locator(".page-answer")
                assert answer.count() == 1
                # First in the page's main content, right after the header that holds the h1.
                assert page.evaluate("() => document.querySelector('main').firstElementChild.className") == (
                    "page-answer"
                )
                assert _words(answer.inner_text()) == expected_answer(dataset, path, lang), (path, lang)
                assert page.evaluate("() => window.scrollY") == 0
                box = answer.bounding_box()
                assert box is not None and box["height"] > 0, (path, lang)
                assert box["y"] >= 0 and box["y"] + box["height"] <= height, (path, lang, width, box)
                assert page.evaluate("() => document.documentElement.scrollWidth") <= width, (path, lang)


def test_the_goals_answer_follows_the_aim_in_the_link(page, base_url, dataset):
    page.goto(base_url + "/tavoitteet?aim=kestava-talous")
    page.wait_for_selector("main .page-answer")
    shown = dataset.goals[dataset.goals["strategic_aim"] == "Kestävä talous"]
    met = int((shown["status"] == "Toteutuu").sum())
    assert _words(page.inner_text(".page-answer")) == f"Kestävä talous: {met} / {len(shown)} tavoitetta toteutuu."
    assert page.locator("article.goal").count() == len(shown)


# A chart's bottom labels as drawn, against the chart's own box.
BOTTOM_LABELS_JS = """(id) => {
    const box = document.getElementById(id).getBoundingClientRect();
    const labels = Array.from(document.querySelectorAll('#' + id + ' .xtick text')).map(node => {
        const r = node.getBoundingClientRect();
        return {text: node.textContent, left: r.left, right: r.right, turned: /rotate/.test(node.getAttribute('transform') || '')}; });
    return {left: box.left, right: box.right, labels: labels};
}"""


@pytest.mark.parametrize("width", [1366, 375])
def test_follower_charts_keep_their_period_labels_level_and_inside(browser, base_url, width):
    # The first period's label is long: its chart gives it room (not plotly.js drawing twice to
    # find it), and on a phone it ends with "…" instead of being turned and cut at the edge.
    with sized_page(browser, width, 900) as page:
        page.goto(base_url + "/viestinta")
        wait_for_page_charts(page, at_least=4)
        for chart_id in ("followers-facebook-chart", "followers-instagram-chart"):
            drawn = page.evaluate(BOTTOM_LABELS_JS, chart_id)
            assert len(drawn["labels"]) == 2, drawn
            for label in drawn["labels"]:
                assert not label["turned"], (width, label)
                assert drawn["left"] - 0.5 <= label["left"] and label["right"] <= drawn["right"] + 0.5, (width, label)
            first = drawn["labels"][0]["text"]
            assert first.endswith("\u2026") == (width == 375), first
