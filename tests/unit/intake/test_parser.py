"""The report parser: a small synthetic report for each rule, and the seed for its oddities."""

from __future__ import annotations

import pytest

from dashboard.intake.report_parser import parse_report
from dashboard.intake.report_text import ReportFormatError, html_to_text
from dashboard.intake.statement_tables import parse_column_header
from dashboard.store.names import slugify

HEADER = "Alfa Selite\tTP 2023\tTOT 2023 9 kk\tTA 2024 +muutos\tTOT 2024 9 kk\tJäljellä\tTOT-24 %"
TWO_LINE_HEADER = "Alfa\tTP 2023\tTOT 2023\tTA 2024\tTOT 2024\tJäljellä\tTOT-24\nSelite\t\t9 kk\t+muutos\t9 kk\t\t%"
ROWS = [
    "TOIMINTATUOTOT\t\t\t\t\t\t",
    "Myyntituotot\t100\t50\t200\t150\t50\t75,00",
    "Toimintatuotot\t100\t50\t200\t150\t50\t75,00",
    "TOIMINTAKULUT\t\t\t\t\t\t",
    "Henkilöstökulut\t-1 000\t- 700\t-1 200\t- 900\t- 300\t75,00",
    "Toimintakulut\t-1 000\t- 700\t-1 200\t- 900\t- 300\t75,00",
    "Toimintakate\t- 900\t- 650\t-1 000\t- 750\t- 250\t75,00",
]


def mini_report(header: str = HEADER, rows: list[str] | None = None) -> str:
    body = "\n".join(ROWS if rows is None else rows)
    return (
        "31. LOKAKUUTA 2024\n\nKÄYTTÖSUUNNITELMAN\nTOTEUTUMINEN\n\nTESTI -TOIMIALA\n\n"
        "Testi / Kaupunginhallituksen toimiala\n\nPALVELUALUETTAISET LASKELMAT\nAlfa\n\n"
        f"Alfan kulut ovat kasvaneet.\n\n{header}\n{body}\n"
    )


def test_mini_report_gives_one_row_per_printed_figure():
    parsed = parse_report(mini_report(), "mini.txt")
    finance = parsed.finance
    assert len(finance) == 5 * 4  # five lines, four period columns
    assert set(finance["service_area"]) == {"Alfa"}
    assert set(finance["division"]) == {"Testi"}
    row = finance[(finance["line_item"] == "Henkilöstökulut") & (finance["year"] == 2023) & (finance["months"] == 9)]
    assert row["eur"].tolist() == [-700]
    assert sorted(set(zip(finance["basis"], finance["year"], finance["months"], strict=True))) == [
        ("actual", 2023, 9),
        ("actual", 2023, 12),
        ("actual", 2024, 9),
        ("budget", 2024, 12),
    ]


def test_jaljella_and_pct_are_kept_apart_as_printed_checks():
    parsed = parse_report(mini_report(), "mini.txt")
    assert "Jäljellä" not in parsed.finance.columns
    pd_ = parsed.printed_derived
    assert set(pd_["measure"]) == {"remaining_eur", "realisation_pct"}
    assert pd_[(pd_["line_item"] == "Toimintakate") & (pd_["measure"] == "remaining_eur")]["printed"].tolist() == [
        "-250"
    ]


def test_two_line_header_reads_like_a_one_line_header():
    one = parse_report(mini_report(), "mini.txt").finance
    two = parse_report(mini_report(header=TWO_LINE_HEADER), "mini.txt").finance
    assert one.equals(two)


def test_commentary_under_the_heading_goes_to_its_table():
    commentary = parse_report(mini_report(), "mini.txt").commentary
    assert commentary[["service_area", "topic", "text"]].values.tolist() == [
        ["Alfa", "finance", "Alfan kulut ovat kasvaneet."]
    ]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("TP 2023", ("actual", 2023, 12)),
        ("TOT 2023 9 kk", ("actual", 2023, 9)),
        ("TOT  2025 3 kk", ("actual", 2025, 3)),
        ("TA 2024 +muutos", ("budget", 2024, 12)),
        ("TA 2024 + muutos", ("budget", 2024, 12)),
        ("TA 2025", ("budget", 2025, 12)),
    ],
)
def test_column_headers_name_their_period(header, expected):
    period = parse_column_header(header).period
    assert (period.basis, period.year, period.months) == expected


@pytest.mark.parametrize("header", ["TOT 2024 13 kk", "TP 24", "Budjetti 2024", "TOT 2024"])
def test_unknown_column_headers_are_not_guessed(header):
    assert parse_column_header(header) is None


def _replace(rows: list[str], index: int, new: str | None) -> list[str]:
    out = list(rows)
    if new is None:
        del out[index]
    else:
        out[index] = new
    return out


# Line numbers: the table header is line 15 of mini_report(), ROWS[i] is line 16 + i.
BAD_REPORTS = {
    "broken number": (
        mini_report(rows=_replace(ROWS, 4, "Henkilöstökulut\t-1 000\t- 7x0\t-1 200\t- 900\t- 300\t75,00")),
        20,
        "broken number",
    ),
    "decimal euros": (
        mini_report(rows=_replace(ROWS, 1, "Myyntituotot\t100,5\t50\t200\t150\t50\t75,00")),
        17,
        "not a whole number",
    ),
    "missing column": (
        mini_report(rows=_replace(ROWS, 4, "Henkilöstökulut\t-1 000\t- 700\t-1 200\t- 900\t- 300")),
        20,
        "expected 7 cells",
    ),
    "extra column": (
        mini_report(rows=_replace(ROWS, 1, "Myyntituotot\t100\t50\t200\t150\t50\t75,00\t1")),
        17,
        "expected 7 cells",
    ),
    "missing figure": (
        mini_report(rows=_replace(ROWS, 1, "Myyntituotot\t100\t\t200\t150\t50\t75,00")),
        17,
        "missing figure",
    ),
    "unknown header": (
        mini_report(header=HEADER.replace("TOT 2024 9 kk", "TOT 2024 yhdeksän kk")),
        15,
        "unknown column header",
    ),
    "unknown line item": (
        mini_report(rows=_replace(ROWS, 1, "Myyntitulot\t100\t50\t200\t150\t50\t75,00")),
        17,
        "unknown line item",
    ),
    "table cut short": (mini_report(rows=ROWS[:5]), 20, "table cut short"),
    "header without rows": (mini_report(rows=[]), 15, "no rows"),
    "figures on a section heading": (
        mini_report(rows=_replace(ROWS, 0, "TOIMINTATUOTOT\t1\t\t\t\t\t")),
        16,
        "no figures",
    ),
    "line twice": (mini_report(rows=[*ROWS[:3], ROWS[2], *ROWS[3:]]), 19, "appears twice"),
}


@pytest.mark.parametrize("case", BAD_REPORTS)
def test_malformed_reports_name_the_line_and_the_text(case):
    text, lineno, phrase = BAD_REPORTS[case]
    with pytest.raises(ReportFormatError) as caught:
        parse_report(text, "bad.txt")
    message = str(caught.value)
    assert caught.value.lineno == lineno, message
    assert message.startswith(f"bad.txt, line {lineno}: "), message
    assert phrase in message


@pytest.mark.parametrize("text", ["", "\n \n\t\n"])
def test_an_empty_report_is_an_error(text):
    with pytest.raises(ReportFormatError, match="empty"):
        parse_report(text, "empty.txt")


def test_a_report_without_its_date_is_an_error():
    with pytest.raises(ReportFormatError, match="line 1: expected the report's date"):
        parse_report(mini_report().replace("31. LOKAKUUTA 2024", "Lokakuu"), "x.txt")


def test_a_report_without_tables_is_an_error():
    text = mini_report().split("Alfa Selite")[0]
    with pytest.raises(ReportFormatError, match="no income-statement table"):
        parse_report(text, "x.txt")


def test_html_fragments_become_plain_lines():
    raw = '<p>Yksi &amp; kaksi.</p> <ul style="list-style-type: none">• eka• toka</ul>'
    assert html_to_text(raw) == "Yksi & kaksi.\neka\ntoka"


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Talouspalvelut", "talouspalvelut"),
        ("Tietohallinto- ja digipalvelut", "tietohallinto-ja-digipalvelut"),
        ("Hallinnon tukipalvelut", "hallinnon-tukipalvelut"),
        ("Öljy & Åland -- testi!", "oljy-aland-testi"),
    ],
)
def test_slugs_are_lowercase_ascii(name, slug):
    assert slugify(name) == slug


# -- the seed's own oddities -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed(seed_text):
    return parse_report(seed_text, "seed.txt")


def test_seed_cost_centres_in_report_order(seed):
    assert [a for a in dict.fromkeys(seed.finance["service_area"]) if a] == [
        "Vaalit",
        "Tarkastustoimi",
        "Hallinnon tukipalvelut",
        "Tietohallinto- ja digipalvelut",
        "Kehittämispalvelut",
        "Talouspalvelut",
        "Henkilöstöpalvelut",
    ]


def test_seed_metadata(seed):
    report = seed.report.iloc[0]
    assert report["issued"] == "2024-10-31"
    assert report["status_date"] == "2024-09-30"
    assert report["division"] == "Yhteiset palvelut"
    assert report["division_title"] == "Yhteiset palvelut / Kaupunginhallituksen toimiala"


def test_seed_goal_rows_broken_by_a_page_are_joined(seed):
    first = seed.goals[seed.goals["table"] == 1]
    assert first["strategic_aim"].tolist() == [
        "Hyvinvoinnin kasvu",
        "Uudistuva työ ja asuminen",
        "Vahva kaupunkiyhteisö",
        "Kestävä talous",
    ]
    strong = first[first["strategic_aim"] == "Vahva kaupunkiyhteisö"].iloc[0]
    assert strong["focus_areas"].endswith("Hyvinvoiva henkilöstö ja hyvä johtaminen")
    assert "Kevan työkykyjohtamisen kysely" in strong["realisation"]
    assert set(first["status"]) == {"Toteutuu"}


def test_seed_second_goal_table_keeps_its_partial_first_row(seed):
    second = seed.goals[seed.goals["table"] == 2].sort_values("row")
    partial = second.iloc[0]
    assert bool(partial["partial"]) and partial["strategic_aim"] == "" and partial["status"] == ""
    assert partial["measures"] == "viestintäkoulutusten järjestäminen"
    assert not second.iloc[1:]["partial"].any()
    renewing = second[second["strategic_aim"] == "Uudistuva työ ja asuminen"].iloc[0]
    assert renewing["realisation"].endswith("Korkeakouluharjoittelij oita on rekrytoitu tavoitteiden mukaisesti.")
    assert renewing["responsible"] == "Kaupunginlakimies, Hallinto- ja kehitysjohtaja"


def test_seed_risks_carry_probability_and_significance(seed):
    risks = seed.risks
    assert len(risks) == 6
    assert risks.iloc[0][["probability", "significance"]].tolist() == [1, 2]
    assert risks.iloc[-1]["risk"] == "Disinformaatio sosiaalisessa mediassa"


def test_seed_descriptions_match_cost_centres(seed):
    areas = seed.service_areas
    it = areas[areas["heading"] == "Tietohallinto- ja digipalvelu -palvelualue"]
    assert set(it["service_area"]) == {"Tietohallinto- ja digipalvelut"}
    assert it["paragraph"].tolist() == [1, 2, 3]
