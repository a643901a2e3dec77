"""The communications, goals and risks pages, their figures and their one-sentence answers, from the
bundled data, and from a library of reports (the `library` fixture): trends and changes across reports."""

from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd
import pytest
from dash import html

from dashboard.analysis.communications import channel_states, follower_trend
from dashboard.analysis.goals import goals_for_aim, strategic_aims
from dashboard.analysis.report_changes import risk_changes
from dashboard.presentation.formatting import format_number
from dashboard.presentation.report_figures import follower_chart, posts_chart, risk_matrix_chart, risk_scale
from dashboard.presentation.texts import TEXTS
from dashboard.store.files import DEFAULT_DATA_DIR
from dashboard.store.library import load_dataset, load_library
from dashboard.store.names import slugify
from dashboard.web.answers import communications_answer, goals_answer, risks_answer, status_counts
from dashboard.web.pages.communications import communications_page
from dashboard.web.pages.goals import goals_page
from dashboard.web.pages.risks import risk_matrix_table, risks_page
from dashboard.web.query import read_aim
from tests.fixtures import text_of

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


def test_report_charts_carry_their_own_small_template_not_plotly_pys_default(dataset):
    # plotly.js applies a figure's template on every draw: plotly.py's default is 7 kB a figure.
    trend = follower_trend(dataset.social_media)
    charts = [
        follower_chart(trend, "Facebook", "fi"),
        posts_chart(channel_states(dataset.social_media), "fi"),
        risk_matrix_chart(dataset.risks, "fi"),
    ]
    for chart in charts:
        template = chart.figure.layout.template.to_plotly_json()
        assert len(json.dumps(template)) < 1000, chart.title
        assert "data" not in template  # no per-trace defaults for the other trace types
        axis = template["layout"]["xaxis"]
        assert axis["automargin"] is True and axis["gridcolor"] == "white"  # the look plotly.py's gave


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


# -- each page's answer: one sentence from the data, first in the main content ---------------------------
def _main(component):
    """The page's `html.Main`."""
    if isinstance(component, html.Main):
        return component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and not isinstance(child, str) and (found := _main(child)) is not None:
            return found
    return None


def answer_of(page) -> html.P:
    """The page's answer, asserted to be the first thing in its main content."""
    first = next(c for c in _main(page).children if c is not None)
    assert isinstance(first, html.P) and first.className == "page-answer"
    return first


def sentence(parts, keep_finnish: bool = True) -> str:
    """A sentence's text as the browser reads it (no added spaces); without `lang="fi"` parts if asked."""
    if isinstance(parts, html.P):
        parts = parts.children
    out = []
    for part in parts if isinstance(parts, list) else [parts]:
        if isinstance(part, str):
            out.append(part)
        elif keep_finnish or getattr(part, "lang", None) != "fi":
            out.append(sentence(part.children, keep_finnish))
    return plain("".join(out))


def finnish_template_words(*keys: str) -> set[str]:
    """The words of the Finnish templates of `keys` that their English templates do not use."""
    fi = {w for k in keys for w in re.findall(r"[^\W\d_]{3,}", TEXTS[k]["fi"].lower())}
    en = {w for k in keys for w in re.findall(r"[^\W\d_]{3,}", TEXTS[k]["en"].lower())}
    return fi - en


ANSWER_KEYS = tuple(k for k in TEXTS if k.startswith("answer_")) + ("no_goals",)


def words_of(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]{3,}", text.lower()))


def test_goals_answer_counts_the_goals_by_their_printed_status(dataset):
    goals = dataset.goals
    statuses = goals["status"].str.strip()
    met, missing = int((statuses == "Toteutuu").sum()), int((statuses == "").sum())
    assert met + missing == len(goals) and missing == int(goals["partial"].sum())  # the partial row counts
    text = sentence(answer_of(goals_page(dataset, {}, "fi")))
    assert text == f"{met} / {len(goals)} tavoitetta toteutuu, {missing} ilman tilamerkintää."
    english = sentence(answer_of(goals_page(dataset, {"lang": "en"}, "fi")))
    assert english == f"{met} of {len(goals)} goals on track, {missing} without a status."


def test_goals_answer_follows_the_aim_filter(dataset):
    goals = dataset.goals
    for aim in strategic_aims(goals):
        shown = goals_for_aim(goals, aim)
        page = goals_page(dataset, {"aim": slugify(aim)}, "fi")
        met = int((shown["status"] == "Toteutuu").sum())
        fi_noun, en_noun = ("tavoite", "goal") if len(shown) == 1 else ("tavoitetta", "goals")
        assert sentence(answer_of(page)) == f"{aim}: {met} / {len(shown)} {fi_noun} toteutuu."
        assert text_of(page).count("Toteutuu") == met  # the sentence counts the goals the page shows
        english = answer_of(goals_page(dataset, {"aim": slugify(aim), "lang": "en"}, "fi"))
        assert sentence(english) == f"{aim}: {met} of {len(shown)} {en_noun} on track."
        assert sentence(english, keep_finnish=False) == f": {met} of {len(shown)} {en_noun} on track."


def test_goals_answer_names_every_status_most_rows_first():
    goals = pd.DataFrame(
        {
            "strategic_aim": ["A", "A", "B", "B", "B", "C"],
            "status": ["Toteutuu", "Ei toteudu", "Toteutuu", "Toteutuu", "Toteutuu", "Uusi arvio"],
        }
    )
    assert status_counts(goals) == [("Toteutuu", 4), ("Ei toteudu", 1), ("Uusi arvio", 1)]
    assert sentence(goals_answer(goals, None, "fi")) == "4 / 6 tavoitetta toteutuu, 1 ei toteudu, 1 uusi arvio."
    english = goals_answer(goals, None, "en")
    assert sentence(english) == "4 of 6 goals on track, 1 not on track, 1 “Uusi arvio”."
    assert sentence(english, keep_finnish=False) == "4 of 6 goals on track, 1 not on track, 1 ."  # quoted, lang=fi
    assert sentence(goals_answer(goals, "A", "fi")) == "A: 1 / 2 tavoitetta toteutuu, 1 ei toteudu."
    assert sentence(goals_answer(goals.iloc[:1], None, "fi")) == "1 / 1 tavoite toteutuu."
    assert sentence(goals_answer(goals.iloc[:0], None, "en")) == TEXTS["no_goals"]["en"]


def test_risks_answer_names_the_highest_score_and_its_risks(dataset):
    risks = dataset.risks
    score = risks["probability"] * risks["significance"]
    top = risks[score == score.max()]
    text = sentence(answer_of(risks_page(dataset, {}, "fi")))
    assert text.startswith(f"{len(risks)} riskiä; suurin todennäköisyys × merkittävyys {int(score.max())} (")
    for row, name in zip(top["row"], top["risk"], strict=True):
        assert f"{row}: {name.rstrip('.')}" in text
    for name in risks[score < score.max()]["risk"]:
        assert name.rstrip(".") not in text
    english = answer_of(risks_page(dataset, {"lang": "en"}, "fi"))
    assert sentence(english).startswith(f"{len(risks)} risks; the highest probability × significance is ")
    assert all(name.rstrip(".") in sentence(english) for name in top["risk"])
    assert words_of(sentence(english, keep_finnish=False)).isdisjoint(finnish_template_words(*ANSWER_KEYS))


def test_risks_answer_invents_no_scale():
    risks = pd.DataFrame(
        {"row": [1, 2, 3, 4, 5], "risk": list("ABCDE"), "probability": [3, 3, 3, 3, 1], "significance": [3] * 5}
    )
    assert (
        sentence(risks_answer(risks, "fi")) == "5 riskiä; suurin todennäköisyys × merkittävyys 9 (riskit 1, 2, 3, 4)."
    )
    assert sentence(risks_answer(risks.iloc[3:], "en")) == (
        "2 risks; the highest probability × significance is 9 (risk 4: D)."
    )
    assert sentence(risks_answer(risks.iloc[:1], "fi")) == "1 riski; todennäköisyys × merkittävyys 9."
    assert sentence(risks_answer(risks.iloc[:0], "fi")) == TEXTS["answer_no_risks"]["fi"]


def test_communications_answer_states_the_followers_from_the_data(dataset):
    social = dataset.social_media
    followers = social[social["metric"] == "followers"]
    printed = followers[~followers["derived"]]
    epress = social[(social["channel"] == "ePress") & (social["metric"] == "releases")].iloc[-1]
    text = sentence(answer_of(communications_page(dataset, {}, "fi")))
    (as_of,) = set(printed["period_label"])
    items = []
    for row in printed.itertuples():
        earlier = followers[(followers["channel"] == row.channel) & followers["derived"]]["value"]
        change = f" (+{int(row.value - earlier.iloc[-1])})" if len(earlier) else ""
        items.append(f"{row.channel} {plain(format_number(row.value))}{change}")
    expected = (
        f"Seuraajia {as_of}: {', '.join(items)}; ePress {int(epress['value'])} tiedotetta {epress['period_label']}."
    )
    assert text == expected
    assert text.startswith("Seuraajia 30.9.2024: Facebook 4 583 (+16), Instagram 2 789 (+74)")  # the seed
    assert NBSP + "583" in answer_of(communications_page(dataset, {}, "fi")).children[0]  # no-break spaces
    english = sentence(answer_of(communications_page(dataset, {"lang": "en"}, "fi")))
    assert english == expected.replace("Seuraajia", "Followers on").replace("tiedotetta", "releases in")
    assert words_of(english).isdisjoint(finnish_template_words(*ANSWER_KEYS))


def test_communications_answer_follows_appended_observations(dataset):
    social = dataset.social_media
    later = pd.DataFrame(
        [
            {"channel": "Facebook", "metric": "followers", "value": 4600.0, "date": date(2024, 12, 31),
             "period_label": "31.12.2024", "derived": False, "note": ""},
        ]
    )  # fmt: skip
    text = sentence(communications_answer(pd.concat([social, later], ignore_index=True), "fi"))
    assert text.startswith("Seuraajia 31.12.2024: Facebook 4 600 (+17); 30.9.2024: Instagram 2 789 (+74)")


def test_english_answers_keep_no_finnish_words_of_the_templates(dataset):
    finnish = finnish_template_words(*ANSWER_KEYS)
    assert {"tavoitetta", "toteutuu", "riskiä", "seuraajia", "tiedotetta"} <= finnish
    pages = (
        communications_page(dataset, {"lang": "en"}, "fi"),
        goals_page(dataset, {"lang": "en"}, "fi"),
        goals_page(dataset, {"lang": "en", "aim": "kestava-talous"}, "fi"),
        risks_page(dataset, {"lang": "en"}, "fi"),
    )
    for page in pages:
        english = sentence(answer_of(page), keep_finnish=False)
        assert words_of(english).isdisjoint(finnish), english


def test_every_report_page_answers_first(dataset):
    for build in (communications_page, goals_page, risks_page):
        for lang in ("fi", "en"):
            main = _main(build(dataset, {"lang": lang}, "fi"))
            assert main.children[0].className == "page-answer"  # before the download menu and the intro
            assert sum(1 for c in main.children if getattr(c, "className", None) == "page-answer") == 1


# -- a library of reports: trends over the division's reports, changes since the previous one ---------------
SEPT, JUNE = date(2024, 9, 30), date(2024, 6, 30)


@pytest.mark.parametrize("build", [communications_page, goals_page, risks_page])
@pytest.mark.parametrize("lang", ["fi", "en"])
def test_a_library_of_one_report_reads_as_the_report_alone(dataset, build, lang):
    library = load_library(DEFAULT_DATA_DIR)
    assert text_of(build(dataset, {"lang": lang}, "fi", library)) == text_of(build(dataset, {"lang": lang}, "fi"))


def test_communications_trends_take_every_report_of_the_division(library):
    september = library.dataset(SEPT, "Yhteiset palvelut")
    page = communications_page(september, {}, "fi", library)
    text = plain(text_of(page))
    assert "Facebook: 4 538 → 4 583 seuraajaa (edellinen tarkastelujakso → 30.9.2024), muutos +45." in text
    assert "LinkedIn: 850 → 894 seuraajaa (30.6.2024 → 30.9.2024), muutos +44." in text
    # X prints no level: its changes since March 2024 are a series, the start named.
    assert "X: seuraajien muutos maaliskuusta 2024 alkaen" in text
    assert "X: +6 (30.6.2024) → +11 (30.9.2024) seuraajaa maaliskuusta 2024 alkaen" in text
    assert "ei seuraajamäärää" not in text.split("X: +6")[0]  # no "change only" sentence any more
    assert sentence(answer_of(page)).startswith("Seuraajia 30.9.2024: Facebook 4 583 (+16), Instagram 2 789 (+74)")
    english = plain(text_of(communications_page(september, {"lang": "en"}, "fi", library)))
    assert "X: change in followers since March 2024" in english and "(30.6.2024–30.9.2024)" in english


def test_the_six_month_report_draws_its_own_figures_only(library):
    june = library.dataset(JUNE, "Yhteiset palvelut")
    text = plain(text_of(communications_page(june, {}, "fi", library)))
    assert "4 567 seuraajaa (30.6.2024)" in text and "30.9.2024" not in text
    assert "X: raportti kertoo vain muutoksen, +6 (maaliskuusta 2024 – 30.6.2024), ei seuraajamäärää." in text


def test_a_division_without_social_media_says_so(library):
    other = library.dataset(SEPT, "Testitoimiala")
    text = text_of(communications_page(other, {}, "fi", library))
    assert TEXTS["no_social_media"]["fi"] in text and "Julkaisuja kuukaudessa" not in text


def test_goals_page_marks_a_changed_status_with_the_previous_one(library):
    september = library.dataset(SEPT, "Yhteiset palvelut")
    page = goals_page(september, {}, "fi", library)
    text = text_of(page)
    assert text.count("Muuttunut: aiemmin Osittain (30.6.2024)") == 1
    assert sentence(answer_of(page)).endswith("; 1 tavoitteen tila muuttunut edellisestä raportista (30.6.2024).")
    english = goals_page(september, {"lang": "en"}, "fi", library)
    assert "Changed: previously Osittain (30.6.2024)" in text_of(english)
    assert sentence(answer_of(english)).endswith("; 1 changed status since the previous report (30.6.2024).")
    filtered = goals_page(september, {"aim": "kestava-talous"}, "fi", library)  # the change is another aim's
    assert "Muuttunut" not in text_of(filtered)
    assert sentence(answer_of(filtered)).endswith("; ei tilamuutoksia edellisestä raportista (30.6.2024).")


def test_the_first_report_of_a_division_marks_no_change(library):
    for page in (goals_page, risks_page):
        text = text_of(page(library.dataset(JUNE, "Yhteiset palvelut"), {}, "fi", library))
        assert "Muuttunut" not in text and "Noussut" not in text and "edellisestä raportista" not in text


def test_risks_page_marks_a_risen_score_with_the_previous_one(library):
    september = library.dataset(SEPT, "Yhteiset palvelut")
    page = risks_page(september, {}, "fi", library)
    text = text_of(page)
    assert "▲ Noussut: aiemmin 1 × 2 = 2 (30.6.2024)" in text  # in the register
    assert text.count("Noussut: aiemmin 1 × 2 = 2 (30.6.2024)") == 2  # and in the matrix table
    assert sentence(answer_of(page)).endswith("; 1 riskin arvo noussut edellisestä raportista (30.6.2024).")
    chart = risk_matrix_chart(risk_changes(september.risks, library.dataset(JUNE, "Yhteiset palvelut").risks), "fi")
    assert "4▲" in list(chart.figure.data[0].text)
    english = risks_page(september, {"lang": "en"}, "fi", library)
    assert "▲ Rose: previously 1 × 2 = 2 (30.6.2024)" in text_of(english)
    assert sentence(answer_of(english)).endswith("; the score of 1 rose since the previous report (30.6.2024).")
    assert words_of(sentence(answer_of(english), keep_finnish=False)).isdisjoint(finnish_template_words(*ANSWER_KEYS))
