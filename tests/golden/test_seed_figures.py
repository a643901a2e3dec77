"""Golden figures: typed from the report by hand, so that a parser bug cannot hide in data/.

Each row is one printed figure: (cost centre or '' for the division, line, column, euros).
"""

from __future__ import annotations

import pytest

from dashboard.store.library import load_dataset
from dashboard.store.periods import Period
from tests.fixtures import DATA_DIR

TP23, TOT23, TA24, TOT24 = (
    Period("actual", 2023, 12),
    Period("actual", 2023, 9),
    Period("budget", 2024, 12),
    Period("actual", 2024, 9),
)

PRINTED = [
    ("", "Myyntituotot", TP23, 22786),
    ("", "Tuet ja avustukset", TA24, 208000),
    ("", "Toimintatuotot", TOT24, 87679),
    ("", "Valmistus omaan käyttöön", TP23, 44547),
    ("", "Henkilöstökulut", TOT24, -2012506),
    ("", "Palvelujen ostot", TA24, -3902300),
    ("", "Muut toimintakulut", TOT24, -330371),
    ("", "Toimintakulut", TOT23, -4516018),
    ("", "Toimintakate", TA24, -6770200),
    ("", "Poistot ja arvonalentumiset", TP23, -294540),
    ("", "Tilikauden tulos", TOT24, -4857712),
    ("Vaalit", "Tuet ja avustukset", TOT24, 72600),
    ("Vaalit", "Henkilöstökulut", TOT24, -106360),
    ("Vaalit", "Vuosikate", TOT24, -73608),
    ("Tarkastustoimi", "Palvelujen ostot", TOT23, -32203),
    ("Tarkastustoimi", "Aineet, tarvikkeet ja tavarat", TA24, -200),
    ("Hallinnon tukipalvelut", "Toimintatuotot", TP23, 13563),
    ("Hallinnon tukipalvelut", "Tilikauden tulos", TA24, -955900),
    ("Tietohallinto- ja digipalvelut", "Palvelujen ostot", TA24, -1010000),
    ("Tietohallinto- ja digipalvelut", "Poistot ja arvonalentumiset", TOT24, -70303),
    ("Kehittämispalvelut", "Avustukset", TOT24, -2200),
    ("Kehittämispalvelut", "Tilikauden tulos", TP23, -1809610),
    ("Talouspalvelut", "Maksutuotot", TOT24, 52),
    ("Talouspalvelut", "Poistot ja arvonalentumiset", TOT24, -133429),
    ("Henkilöstöpalvelut", "Tuet ja avustukset", TOT24, 738),
    ("Henkilöstöpalvelut", "Muut toimintakulut", TOT24, -109345),
    ("Henkilöstöpalvelut", "Poistot ja arvonalentumiset", TA24, -52300),
]

# Printed Jäljellä and TOT-24 % for a few lines (the report's own derived columns).
PRINTED_DERIVED = [
    ("", "Toimintatuotot", "remaining_eur", 120321),
    ("", "Toimintakate", "realisation_pct", 68.19),
    ("Henkilöstöpalvelut", "Muut toimintakulut", "realisation_pct", 544.00),
    ("Talouspalvelut", "Poistot ja arvonalentumiset", "realisation_pct", 266.86),
    ("Vaalit", "Toimintakulut", "realisation_pct", 146.20),
    ("Henkilöstöpalvelut", "Muut toimintakulut", "remaining_eur", 89245),
]


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(DATA_DIR)


@pytest.mark.parametrize(("area", "line", "period", "eur"), PRINTED, ids=lambda v: getattr(v, "label", str(v)))
def test_printed_figure(dataset, area, line, period, eur):
    f = dataset.finance
    row = f[
        (f["service_area"] == area)
        & (f["line_item"] == line)
        & (f["basis"] == period.basis)
        & (f["year"] == period.year)
        & (f["months"] == period.months)
    ]
    assert row["eur"].tolist() == [eur]
    assert not row["derived"].any()


@pytest.mark.parametrize(("area", "line", "measure", "printed"), PRINTED_DERIVED)
def test_printed_derived_column(dataset, area, line, measure, printed):
    p = dataset.printed_derived
    row = p[(p["service_area"] == area) & (p["line_item"] == line) & (p["measure"] == measure)]
    assert row["printed"].tolist() == [printed]


def test_table_sizes(dataset):
    printed = dataset.finance[~dataset.finance["derived"]]
    lines_per_table = printed.groupby("service_area")["line_item"].nunique().to_dict()
    assert lines_per_table == {
        "": 17,
        "Vaalit": 10,
        "Tarkastustoimi": 8,
        "Hallinnon tukipalvelut": 13,
        "Tietohallinto- ja digipalvelut": 13,
        "Kehittämispalvelut": 14,
        "Talouspalvelut": 16,
        "Henkilöstöpalvelut": 13,
    }
    assert len(printed) == 4 * sum(lines_per_table.values())


def test_derived_subtotals_for_tables_that_stop_early(dataset):
    f = dataset.finance
    hr = f[(f["service_area"] == "Henkilöstöpalvelut") & (f["line_item"] == "Tilikauden tulos")]
    # Toimintakate - 832 009 (no financial items) + Poistot 0 at TOT 2024 9 kk
    assert hr[(hr["year"] == 2024) & (hr["months"] == 9)]["eur"].tolist() == [-832009]
    assert hr["derived"].all()


def test_communications_figures(dataset):
    s = dataset.social_media
    printed = s[~s["derived"] & (s["metric"] == "followers")].set_index("channel")["value"].to_dict()
    assert printed == {"Facebook": 4583, "Instagram": 2789, "LinkedIn": 894}
    earlier = s[s["derived"]].set_index("channel")
    assert earlier.loc["Facebook", "value"] == 4583 - 16 and earlier.loc["Instagram", "value"] == 2789 - 74
    assert set(earlier["period_label"]) == {"edellinen tarkastelujakso"}
    assert earlier["date"].isna().all()  # no invented dates
    x = s[s["channel"] == "X"].set_index("metric")
    assert x.loc["follower_change", "value"] == 11 and x.loc["follower_change", "period_label"].startswith(
        "maaliskuusta 2024"
    )
    assert "followers" not in x.index  # the report gives X only a change
    epress = s[s["channel"] == "ePress"].set_index("metric")["value"].to_dict()
    assert epress == {"releases": 39, "release_throughput_pct": 23}
