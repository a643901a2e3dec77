"""The communications, goals and risks pages and their figures, built from the bundled data."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.charts import follower_chart, posts_chart, risk_matrix_chart, risk_scale
from dashboard.communications import channel_states, follower_trend
from dashboard.data import DEFAULT_DATA_DIR, load_dataset
from dashboard.i18n import TEXTS
from dashboard.report_pages import (
    communications_page,
    goals_for_aim,
    goals_page,
    read_aim,
    risk_matrix_table,
    risks_page,
    strategic_aims,
)
from tests.conftest import text_of

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DEFAULT_DATA_DIR)


def plain(text: str) -> str:
    return text.replace(NBSP, " ")


def test_every_text_has_finnish_and_english():
    # Finnish may be deliberately empty (a note only English readers need), but never absent.
    missing = [key for key, entry in TEXTS.items() if "fi" not in entry or not entry.get("en")]
    assert missing == []


def test_communications_page_shows_the_reports_figures(dataset):
    text = plain(text_of(communications_page(dataset, {}, "fi")))
    for channel, followers in (("Facebook", "4 583"), ("Instagram", "2 789"), ("LinkedIn", "894")):
        assert channel in text and f"{followers} seuraajaa (30.9.2024)" in text
    assert "X: raportti kertoo vain muutoksen, +11 (maaliskuusta 2024 – 30.9.2024), ei seuraajamäärää." in text
    assert "39 tiedotetta (01-09/2024)" in text


def test_communications_page_in_english(dataset):
    text = plain(text_of(communications_page(dataset, {"lang": "en"}, "fi")))
    assert "4 583 followers (30.9.2024)" in text and "Communications and social media" in text


def test_follower_chart_draws_a_single_observation_as_a_marker(dataset):
    trend = follower_trend(dataset.social_media)
    linkedin = follower_chart(trend, "LinkedIn", "fi")
    assert linkedin.figure.data[0].mode == "markers+text"
    assert "vain yksi havainto" in linkedin.summary
    facebook = follower_chart(trend, "Facebook", "fi")
    assert "lines" in facebook.figure.data[0].mode
    assert list(facebook.figure.data[0].y) == [4567, 4583]
    assert list(facebook.figure.data[0].marker.symbol) == ["circle-open", "circle"]  # derived point hollow
    assert facebook.rows[0][2] == "kyllä" and facebook.rows[1][2] == "ei"
    assert facebook.figure.layout.separators == "," + NBSP


def test_posts_chart_keeps_the_reports_qualifiers(dataset):
    chart = posts_chart(channel_states(dataset.social_media), "fi")
    assert list(chart.figure.data[0].y) == ["Facebook", "Instagram", "X"]
    assert list(chart.figure.data[0].x) == [65, 74, 14]
    assert ("X", 14.0, "noin") in chart.rows


def test_goals_filter_by_aim(dataset):
    goals = dataset.goals
    aims = strategic_aims(goals)
    assert aims == ["Hyvinvoinnin kasvu", "Uudistuva työ ja asuminen", "Vahva kaupunkiyhteisö", "Kestävä talous"]
    notices = []
    assert read_aim(goals, {"aim": "kestava-talous"}, notices) == "Kestävä talous" and notices == []
    assert read_aim(goals, {"aim": "<script>"}, notices) is None and notices[0].key == "unknown_param"
    assert set(goals_for_aim(goals, "Kestävä talous")["table"]) == {1, 2}


def test_goals_page_shows_status_as_text_and_marks_the_partial_row(dataset):
    text = text_of(goals_page(dataset, {}, "fi"))
    assert text.count("Toteutuu") == (dataset.goals["status"] == "Toteutuu").sum()
    assert "Rivin alku puuttuu raportin tekstistä" in text
    filtered = text_of(goals_page(dataset, {"aim": "kestava-talous"}, "fi"))
    assert "Kestävä talous" in filtered and "Hyvinvoinnin kasvu Painopisteet" not in filtered
    assert "Rivin alku puuttuu" not in filtered


def test_unknown_values_in_links_are_noticed(dataset):
    text = text_of(goals_page(dataset, {"aim": "nope", "lang": "sv"}, "fi"))
    assert "aim=" in text and "lang=" in text


def test_risk_matrix_places_every_risk(dataset):
    risks = dataset.risks
    chart = risk_matrix_chart(risks, "fi")
    assert len(chart.figure.data[0].x) == len(risks)
    assert sorted(round(x) for x in chart.figure.data[0].x) == sorted(risks["probability"])
    assert "suurin riskiarvo 4" in chart.summary
    table = text_of(risk_matrix_table(risks, "fi"))
    assert "4. Palveluntuottajien toimintaan" in table and "6. Disinformaatio sosiaalisessa mediassa" in table


def test_risk_scale_follows_the_data():
    small = pd.DataFrame({"probability": [1, 2], "significance": [2, 1]})
    big = pd.DataFrame({"probability": [5], "significance": [4]})
    assert risk_scale(small) == 3 and risk_scale(big) == 5


def test_risks_page_lists_controls(dataset):
    text = text_of(risks_page(dataset, {}, "fi"))
    assert "Riskirekisteri" in text and "Lainasalkun suojausaste hyvä, vakuutukset kattavasti" in text
