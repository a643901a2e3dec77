"""The report variants made for tests (`tests/fixtures/reports.py`): each good one parses, names its
division and date, and reconciles; its figures follow from the seed's; the broken ones are refused."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest

from dashboard.intake.report_parser import parse_report
from dashboard.intake.report_text import ReportFormatError
from dashboard.store.reconcile import reconcile
from dashboard.store.statement import LINES, SUBTOTAL_FORMULAS, Section, formula_lines
from tests.fixtures.reports import (
    FIXTURE_DIR,
    FIXTURES,
    budget_change_variant,
    ledger_of_reports,
    other_division_variant,
    same_identity_different_figures,
    six_month_variant,
    unknown_template_variant,
    unreadable_date_variant,
)

GOOD = [
    ("yhteiset-palvelut-2024-06-30.txt", six_month_variant, "Yhteiset palvelut", "2024-06-30"),
    ("testitoimiala-2024-09-30.txt", other_division_variant, "Testitoimiala", "2024-09-30"),
    ("yhteiset-palvelut-2024-09-30-changed.txt", same_identity_different_figures, "Yhteiset palvelut", "2024-09-30"),
    ("yhteiset-palvelut-2024-09-30-budget-change.txt", budget_change_variant, "Yhteiset palvelut", "2024-09-30"),
]
TOTAL_MARGIN = [line.name for line in LINES if line.section in (Section.INCOME, Section.OWN_USE, Section.EXPENSE)]
EXPENSES = [line.name for line in LINES if line.section is Section.EXPENSE]
LEAVES = {line.name for line in LINES if line.section is not Section.SUBTOTAL}


def figures(finance) -> dict[tuple, int]:
    """(service_area, line_item, basis, year, months) -> euros."""
    keys = finance[["service_area", "line_item", "basis", "year", "months"]].itertuples(index=False, name=None)
    return {k: int(v) for k, v in zip(keys, finance["eur"], strict=True)}


def scaled(eur: int, num: int, den: int) -> int:
    """round(eur × num / den) to whole euros, halves away from zero."""
    return int((Decimal(eur) * num / den).quantize(Decimal(1), ROUND_HALF_UP))


def assert_reconciles(text: str, name: str):
    parsed = parse_report(text, source=name)
    result = reconcile(parsed.finance, parsed.printed_derived, parsed.summary)
    assert result.ok and result.material.empty, result.material.to_string()
    return parsed


@pytest.fixture(scope="module")
def seed(seed_text):
    return parse_report(seed_text, source="seed")


@pytest.mark.parametrize(("name", "variant", "division", "status_date"), GOOD, ids=[g[0] for g in GOOD])
def test_good_variant_parses_and_reconciles(seed_text, name, variant, division, status_date):
    parsed = assert_reconciles(variant(seed_text), name)
    report = parsed.report.iloc[0]
    assert (report["division"], report["status_date"]) == (division, status_date)


@pytest.mark.parametrize("name", list(FIXTURES))
def test_committed_file_is_what_the_generator_writes(seed_text, name):
    assert (FIXTURE_DIR / name).read_text(encoding="utf-8") == FIXTURES[name](seed_text), (
        "regenerate: .venv/bin/python -m tests.fixtures.reports"
    )


def test_six_month_variant_runs_to_30_6_with_6_month_columns(seed_text):
    text = six_month_variant(seed_text)
    parsed = parse_report(text, source="six")
    assert parsed.report.iloc[0]["issued"] == "2024-07-31"
    periods = set(zip(parsed.finance["basis"], parsed.finance["year"], parsed.finance["months"], strict=True))
    assert periods == {("actual", 2023, 12), ("actual", 2023, 6), ("budget", 2024, 12), ("actual", 2024, 6)}
    assert set(parsed.printed_derived["months"]) == {6}
    assert "9 kk" not in text and "30.9." not in text and "01-09/2024" not in text


def test_six_month_figures_follow_from_the_seeds(seed, seed_text):
    old, new = figures(seed.finance), figures(parse_report(six_month_variant(seed_text), source="six").finance)
    for (area, line, basis, year, months), eur in old.items():
        if months == 12:  # TP 2023 and TA 2024 as in the seed
            assert new[(area, line, basis, year, months)] == eur
        elif area and line in LEAVES:  # a cost centre's TOT figure: round(seed × 6/9)
            assert new[(area, line, basis, year, 6)] == scaled(eur, 6, 9), (area, line, year)
    vaalit = sum(
        scaled(old[("Vaalit", li, "actual", 2024, 9)], 6, 9)
        for li in EXPENSES
        if ("Vaalit", li, "actual", 2024, 9) in old
    )
    assert new[("Vaalit", "Toimintakulut", "actual", 2024, 6)] == vaalit
    # The division's own table is the sum of its cost centres' new figures.
    margin = sum(scaled(old[k], 6, 9) for k in old if k[0] and k[1] in TOTAL_MARGIN and k[2:] == ("actual", 2024, 9))
    assert new[("", "Toimintakate", "actual", 2024, 6)] == margin


def test_six_month_goals_risks_and_followers_lead_to_the_seeds(seed, seed_text):
    six = parse_report(six_month_variant(seed_text), source="six")
    assert (six.goals["status"] != seed.goals["status"]).sum() == 1
    earlier, now = (r["probability"] * r["significance"] for r in (six.risks, seed.risks))
    assert ((earlier < now).sum(), (earlier > now).sum()) == (1, 0)  # one risk has risen since
    sm, sm6 = seed.social_media, six.social_media
    for channel in ("Facebook", "Instagram"):  # the seed's "previous period" is the six-month level
        earlier = sm[(sm["channel"] == channel) & (sm["metric"] == "followers") & sm["derived"]]["value"]
        level = sm6[(sm6["channel"] == channel) & (sm6["metric"] == "followers") & (sm6["date"] == "2024-06-30")]
        assert level["value"].tolist() == earlier.tolist()
    assert sm6[sm6["metric"] == "releases"]["value"].iloc[0] < sm[sm["metric"] == "releases"]["value"].iloc[0]


def test_other_division_is_the_seed_doubled_under_fixture_names(seed, seed_text):
    text = other_division_variant(seed_text)
    parsed = parse_report(text, source="other")
    assert "Yhteiset palvelut" not in text and "YHTEISET PALVELUT" not in text
    new = figures(parsed.finance)
    areas = {k[0] for k in new if k[0]}
    assert areas and all(a.startswith("Testi: ") for a in areas)
    assert set(parsed.service_areas["service_area"]) <= areas  # descriptions still find their cost centre
    assert parsed.social_media.empty  # communications are Yhteiset palvelut's
    old = figures(seed.finance)
    for (area, line, *period), eur in old.items():
        if area and line in LEAVES:
            assert new[(f"Testi: {area}", line, *period)] == 2 * eur
    expenses = sum(
        2 * eur
        for (area, line, b, y, m), eur in old.items()
        if area and line in EXPENSES and (b, y, m) == ("actual", 2023, 12)
    )
    assert new[("", "Toimintakulut", "actual", 2023, 12)] == expenses


def test_same_identity_moves_one_figure_and_what_adds_it_up(seed, seed_text):
    parsed = parse_report(same_identity_different_figures(seed_text), source="changed")
    assert parsed.report[["division", "status_date"]].equals(seed.report[["division", "status_date"]])
    old, new = figures(seed.finance), figures(parsed.finance)
    assert old.keys() == new.keys()
    moved = {k: new[k] - old[k] for k in old if new[k] != old[k]}
    ytd = ("actual", 2024, 9)
    expected = [("Vaalit", li) for li in ("Palvelujen ostot", "Toimintakulut", "Toimintakate", "Vuosikate")]
    expected += [
        ("", li) for li in ("Palvelujen ostot", "Toimintakulut", "Toimintakate", "Vuosikate", "Tilikauden tulos")
    ]
    assert moved == {(*where, *ytd): 1000 for where in expected}
    summary = parsed.summary.set_index(["summary_row", "year", "months"])["eur"]
    seed_summary = seed.summary.set_index(["summary_row", "year", "months"])["eur"]
    assert (summary - seed_summary).to_dict() == {
        (row, year, months): 1000 if (row in ("MENOT", "NETTO") and (year, months) == (2024, 9)) else 0
        for row, year, months in seed_summary.index
    }


def test_budget_change_moves_one_budget_line_and_what_adds_it_up(seed, seed_text):
    """TA 2024 of Tietohallinto- ja digipalvelut's Palvelujen ostot budgeted 5 000 € larger (-X -> -(X + 5 000)):
    only that line and the subtotals over it move, in the cost centre's table and the division's own."""
    centre, line_item, ta = "Tietohallinto- ja digipalvelut", "Palvelujen ostot", ("budget", 2024, 12)
    parsed = parse_report(budget_change_variant(seed_text), source="budget-change")
    assert parsed.report[["division", "status_date"]].equals(seed.report[["division", "status_date"]])
    over = {line_item}  # the line and every subtotal that sums it, directly or through another subtotal
    for subtotal, terms in SUBTOTAL_FORMULAS:
        if over & {n for term in terms for n in formula_lines(term)}:
            over.add(subtotal)
    old, new = figures(seed.finance), figures(parsed.finance)
    assert old.keys() == new.keys()
    expected = {k: -5000 for k in old if k[0] in (centre, "") and k[1] in over and k[2:] == ta}
    assert len(expected) > 2 and (centre, line_item, *ta) in expected and ("", line_item, *ta) in expected
    assert {k: new[k] - old[k] for k in old if new[k] != old[k]} == expected
    summary = parsed.summary.set_index(["summary_row", "basis", "year", "months"])["eur"]
    seed_summary = seed.summary.set_index(["summary_row", "basis", "year", "months"])["eur"]
    moved = (summary - seed_summary)[lambda d: d != 0].to_dict()
    rows = seed.summary.drop_duplicates("summary_row").set_index("summary_row")["line_item"]
    assert moved == {(row, *ta): -5000 for row, li in rows.items() if li in over}
    # Jäljellä and TOT-24 % change on exactly the rows whose TA moved.
    keys = ["service_area", "line_item", "measure", "year", "months"]
    printed = parsed.printed_derived.set_index(keys)["printed"]
    seed_printed = seed.printed_derived.set_index(keys)["printed"]
    changed = {(area, li) for area, li, *_ in printed.index[printed.astype(str) != seed_printed.astype(str)]}
    assert changed == {k[:2] for k in expected}


@pytest.mark.parametrize(
    ("variant", "message"),
    [(unknown_template_variant, "unknown column header"), (unreadable_date_variant, "expected the report's date")],
)
def test_broken_variant_is_refused(seed_text, variant, message):
    with pytest.raises(ReportFormatError, match=message):
        parse_report(variant(seed_text), source="broken")


def test_figures_are_printed_as_the_report_prints_them(seed_text):
    """A minus is spaced ("- 694") exactly where the first group has three digits, in the seed and its variants."""
    for text in [seed_text, *(variant(seed_text) for _, variant, _, _ in GOOD)]:
        cells = [c.strip() for line in text.split("\n") if "\t" in line for c in line.split("\t")]
        negative = [c for c in cells if re.fullmatch(r"- ?\d{1,3}( \d{3})*", c)]
        assert negative and all(c.startswith("- ") == (len(c.lstrip("- ").split(" ")[0]) == 3) for c in negative)


def test_ledger_of_forty_reports_each_parses_and_reconciles(seed_text):
    ledger = ledger_of_reports(seed_text, 10, (3, 6, 9, 12))
    assert len(ledger) == 40
    identities = set()
    for name, text in ledger.items():
        report = assert_reconciles(text, name).report.iloc[0]
        identities.add((report["division"], report["status_date"]))
    assert len(identities) == 40
    assert {d for _, d in identities} == {"2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"}
    assert ledger["yhteiset-palvelut-2024-09-30.txt"] == seed_text  # the seed's own division and date
    year_end = parse_report(ledger["yhteiset-palvelut-2024-12-31.txt"], source="year-end").finance
    periods = set(zip(year_end["basis"], year_end["year"], year_end["months"], strict=True))
    assert periods == {("actual", 2023, 12), ("budget", 2024, 12), ("actual", 2024, 12)}  # no TOT 2023 12 kk
