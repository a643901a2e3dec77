"""The site's own words: its title, the language switch, navigation, errors and the accessibility statement."""

from __future__ import annotations

# One entry per text, each language on a line of its own: a translator reads down a column.
SITE: dict[str, dict[str, str]] = {
    "app_title": {
        "fi": "Käyttösuunnitelman toteutuminen",
        "en": "Budget realisation",
    },
    "status": {
        "fi": "Tilanne {date}",
        "en": "Status {date}",
    },
    "report_control": {
        "fi": "Raportti",
        "en": "Report",
    },
    "report_option": {
        "fi": "{date} ({months} kk)",
        "en": "{date} ({months} mo)",
    },
    "unknown_report_date": {
        "fi": "Toimialalta {division} ei ole raporttia päivältä ”{value}”; näytetään sen viimeisin raportti.",
        "en": "There is no report of {division} dated “{value}”; its latest report is shown.",
    },
    "source": {
        "fi": "Lähde: {title}, {division_title}, annettu {issued} (tiedosto {file}).",
        "en": "Source: {title}, {division_title}, issued {issued} (file {file}).",
    },
    "switch_lang": {
        "fi": "In English",
        "en": "Suomeksi",
    },
    "switch_lang_label": {
        "fi": "Switch to English",
        "en": "Vaihda kieli suomeksi",
    },
    "copy_link": {
        "fi": "Kopioi linkki tähän näkymään",
        "en": "Copy link to this view",
    },
    "copied": {
        "fi": "Linkki kopioitu.",
        "en": "Link copied.",
    },
    "copy_failed": {
        "fi": "Kopiointi ei onnistunut; kopioi osoite selaimen osoiteriviltä.",
        "en": "Could not copy; copy the address from the browser's address bar.",
    },
    "data_error": {
        "fi": "Aineistoa ei voi lukea",
        "en": "The data cannot be read",
    },
    "not_found_title": {
        "fi": "Sivua ei löydy",
        "en": "Page not found",
    },
    "not_found_text": {
        "fi": "Osoitteessa ei ole sivua.",
        "en": "There is no page at this address.",
    },
    "back_home": {
        "fi": "Takaisin etusivulle",
        "en": "Back to the dashboard",
    },
    "site_nav": {
        "fi": "Sivut",
        "en": "Pages",
    },
    "nav_finance": {
        "fi": "Talous",
        "en": "Finance",
    },
    "nav_communications": {
        "fi": "Viestintä",
        "en": "Communications",
    },
    "nav_goals": {
        "fi": "Tavoitteet",
        "en": "Goals",
    },
    "nav_risks": {
        "fi": "Riskit",
        "en": "Risks",
    },
    "skip_to_content": {
        "fi": "Siirry sisältöön",
        "en": "Skip to content",
    },
    "copy_link_short": {
        "fi": "Kopioi linkki",
        "en": "Copy link",
    },
    "accessibility_statement": {
        "fi": "Saavutettavuusseloste",
        "en": "Accessibility statement",
    },
    "a11y_scope_heading": {
        "fi": "Mitä seloste koskee",
        "en": "What this statement covers",
    },
    "a11y_scope": {
        "fi": "Seloste koskee Heinolan kaupungin johdon talousnäkymää: Yhteiset palvelut -toimialan käyttösuunnitelman toteutumista, viestinnän lukuja, strategisia tavoitteita ja riskejä. Palvelun saavutettavuus on arvioitu {date}.",
        "en": "This statement covers the City of Heinola's leadership dashboard: the realisation of the operating plan of the Yhteiset palvelut division, communications figures, strategic goals and risks. The service's accessibility was assessed on {date}.",
    },
    "a11y_status_heading": {
        "fi": "Saavutettavuuden tila",
        "en": "Compliance status",
    },
    "a11y_status": {
        "fi": "Palvelu täyttää WCAG 2.1 -ohjeiston A- ja AA-tason vaatimukset osittain. Puutteet on lueteltu alla.",
        "en": "The service partially meets the WCAG 2.1 level A and AA requirements. The gaps are listed below.",
    },
    "a11y_gaps_heading": {
        "fi": "Ei-saavutettava sisältö",
        "en": "Content that is not accessible",
    },
    "a11y_gaps_intro": {
        "fi": "Tunnetut puutteet:",
        "en": "Known gaps:",
    },
    "a11y_gap_charts": {
        "fi": "Kaavioiden kohdistustiedot (hover) eivät toimi näppäimistöllä eikä ruudunlukijalla. Jokaisen kaavion tiedot ovat saatavilla tekstinä (yhteenvetolause) ja taulukkona (Näytä taulukkona).",
        "en": "Chart hover details do not work by keyboard or with a screen reader. Every chart's data is available as text (a summary sentence) and as a table (Show as table).",
    },
    "a11y_gap_texts": {
        "fi": "Raportin omat tekstit (selitykset, tavoitteet, riskit) ovat suomeksi myös englanninkielisessä näkymässä; ne on merkitty suomenkielisiksi, jotta ruudunlukija lukee ne oikein.",
        "en": "The report's own texts (commentary, goals, risks) stay in Finnish in the English view; they are marked as Finnish so that a screen reader reads them correctly.",
    },
    "a11y_gap_pdf": {
        "fi": "Lähderaportti on PDF-tiedosto, jota tämä palvelu ei julkaise; sen luvut näytetään tässä palvelussa.",
        "en": "The source report is a PDF that this service does not publish; its figures are shown here.",
    },
    "a11y_method_heading": {
        "fi": "Miten saavutettavuus on arvioitu",
        "en": "How accessibility was assessed",
    },
    "a11y_method": {
        "fi": "Itsearviointi: jokainen muutos testataan automaattisesti axe-core-työkalulla (WCAG 2.0 ja 2.1, tasot A ja AA sekä hyvät käytännöt) jokaisella sivulla molemmilla kielillä ja puhelimen leveydellä, ja näppäimistökäyttöä testataan selaimessa.",
        "en": "Self-assessment: every change is tested automatically with axe-core (WCAG 2.0 and 2.1, levels A and AA, and best practice) on every page in both languages and at phone width, and keyboard use is tested in a browser.",
    },
    "a11y_feedback_heading": {
        "fi": "Palaute",
        "en": "Feedback",
    },
    "a11y_feedback": {
        "fi": "Huomasitko saavutettavuuspuutteen? Kerro siitä meille, niin korjaamme sen tai toimitamme tiedon sinulle saavutettavassa muodossa.",
        "en": "Did you find an accessibility problem? Tell us, and we will fix it or give you the information in an accessible form.",
    },
    "a11y_authority_heading": {
        "fi": "Valvontaviranomainen",
        "en": "Supervisory authority",
    },
    "a11y_authority": {
        "fi": "Jos et ole tyytyväinen saamaasi vastaukseen, voit tehdä ilmoituksen saavutettavuusvalvontaan: www.saavutettavuusvaatimukset.fi.",
        "en": "If you are not satisfied with our answer, you can notify the accessibility supervision: www.saavutettavuusvaatimukset.fi.",
    },
}
