"""The texts: every key in both languages with the same placeholders, no silent fallback, dates alike."""

from __future__ import annotations

import datetime as dt
import string

import pytest

from dashboard.presentation.texts import LANGUAGES, TEXTS, format_date, line_name, org_name, report_stamp, t


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_text_has_both_languages_with_the_same_placeholders(key):
    entry = TEXTS[key]
    assert set(entry) == set(LANGUAGES), f"{key}: languages {sorted(entry)}"
    assert entry["en"], f"{key}: no English"  # Finnish may be empty where only English needs a word (texts_in_finnish)
    fi, en = (_placeholders(entry[lang]) for lang in ("fi", "en"))
    assert fi == en, f"{key}: placeholders differ, fi {sorted(fi)} vs en {sorted(en)}"


def test_a_missing_text_is_an_error_that_names_key_and_language():
    with pytest.raises(KeyError, match="no_such_key.*'en'"):
        t("no_such_key", "en")
    with pytest.raises(KeyError, match="app_title.*'sv'"):
        t("app_title", "sv")


def test_texts_are_filled_in():
    assert t("status", "fi", date="30.9.2024") == "Tilanne 30.9.2024"
    assert t("status", "en", date="30.9.2024") == "Status 30.9.2024"


def test_data_names_without_an_english_entry_show_the_datas_finnish_name():
    assert org_name("Talouspalvelut", "en") == "Financial services"
    assert org_name("Uusi palvelualue", "en") == "Uusi palvelualue"
    assert org_name("Talouspalvelut", "fi") == "Talouspalvelut"
    assert line_name("Rivi, jota ei ole", "en") == "Rivi, jota ei ole"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_dates_read_day_month_year_without_leading_zeros(lang):
    assert format_date(dt.date(2024, 9, 30), lang) == "30.9.2024"
    assert format_date(dt.date(2025, 1, 5), lang) == "5.1.2025"
    assert format_date(dt.datetime(2024, 12, 31, 23, 59), lang) == "31.12.2024"


def test_the_data_stamp_says_when_and_whence():
    class Report:
        status_date = dt.date(2024, 9, 30)
        issued = dt.date(2024, 10, 15)
        title = "käyttösuunnitelman toteutuminen"
        division_title = "Yhteiset palvelut"
        source_file = "000.txt"

    status, source = report_stamp(Report, "fi")
    assert status == "Tilanne 30.9.2024"
    assert source == "Lähde: Käyttösuunnitelman toteutuminen, Yhteiset palvelut, annettu 15.10.2024 (tiedosto 000.txt)."
