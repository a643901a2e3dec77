"""The exports' words: the download menu and panel, the tables' names and columns, the workbook's own parts."""

from __future__ import annotations

# One entry per text, each language on a line of its own: a translator reads down a column.
EXPORTS: dict[str, dict[str, str]] = {
    "export_heading": {
        "fi": "Lataa ja tulosta",
        "en": "Download and print",
    },
    "export_scope": {
        "fi": "Tiedostot koskevat näkymää: {scope}",
        "en": "Files hold this view: {scope}",
    },
    "export_xlsx": {
        "fi": "Excel (XLSX), kaikki taulukot",
        "en": "Excel (XLSX), all tables",
    },
    "export_csv_table": {
        "fi": "CSV-tiedoston taulukko",
        "en": "Table for CSV",
    },
    "export_csv": {
        "fi": "Lataa CSV",
        "en": "Download CSV",
    },
    "export_print": {
        "fi": "Tulosta tai tallenna PDF",
        "en": "Print or save as PDF",
    },
    "export_images_help": {
        "fi": "Kaavion saa kuvana (PNG) kaavion kamerapainikkeesta; se näkyy, kun osoitin tai näppäimistön kohdistus on kaaviossa.",
        "en": "Save a chart as an image (PNG) with its camera button, shown when the pointer or keyboard focus is on the chart.",
    },
    "export_whole_division": {
        "fi": "koko toimiala",
        "en": "whole division",
    },
    "export_n_areas": {
        "fi": "{n} palvelualuetta",
        "en": "{n} cost centres",
    },
    "export_menu": {
        "fi": "Lataa",
        "en": "Download",
    },
    "export_kpi": {
        "fi": "Tunnusluku",
        "en": "Key figure",
    },
    "export_table_statement": {
        "fi": "Tuloslaskelma",
        "en": "Income statement",
    },
    "export_table_kpis": {
        "fi": "Tunnusluvut",
        "en": "Key figures",
    },
    "export_table_exceptions": {
        "fi": "Poikkeamat",
        "en": "Exceptions",
    },
    "export_table_line": {
        "fi": "Kaavio riveittäin",
        "en": "Chart by line item",
    },
    "export_table_area": {
        "fi": "Kaavio palvelualueittain",
        "en": "Chart by cost centre",
    },
    "export_table_pace": {
        "fi": "Kaavio tahti",
        "en": "Chart pace",
    },
    "export_table_bridge": {
        "fi": "Kaavio siltakaavio",
        "en": "Chart bridge",
    },
    "export_table_forecast": {
        "fi": "Kaavio ennuste",
        "en": "Chart forecast",
    },
    "export_table_channels": {
        "fi": "Kanavat",
        "en": "Channels",
    },
    "export_table_followers": {
        "fi": "Seuraajat",
        "en": "Followers",
    },
    "export_table_posts": {
        "fi": "Julkaisut",
        "en": "Posts",
    },
    "export_table_epress": {
        "fi": "ePress",
        "en": "ePress",
    },
    "export_table_goals": {
        "fi": "Tavoitteet",
        "en": "Goals",
    },
    "export_table_risks": {
        "fi": "Riskirekisteri",
        "en": "Risk register",
    },
    "export_change_period": {
        "fi": "Muutoksen jakso",
        "en": "Period of change",
    },
    "export_metric": {
        "fi": "Mittari",
        "en": "Measure",
    },
    "export_metric_releases": {
        "fi": "Tiedotteita (kpl)",
        "en": "Releases",
    },
    "export_metric_release_throughput_pct": {
        "fi": "Läpimenoprosentti (%)",
        "en": "Throughput (%)",
    },
    "export_goal_table": {
        "fi": "Tavoitetaulukko",
        "en": "Goal table",
    },
    "export_partial": {
        "fi": "Rivin alku puuttuu",
        "en": "Start of row missing",
    },
    "export_risk_class": {
        "fi": "Riskiluokka",
        "en": "Risk class",
    },
    "export_no_rows": {
        "fi": "Ei rivejä tällä valinnalla.",
        "en": "No rows in this selection.",
    },
    # the workbook's own parts (dashboard/presentation/export_files/xlsx_file.py)
    "xlsx_about": {
        "fi": "Tiedot",
        "en": "About",
    },
    "xlsx_sheets": {
        "fi": "Taulukot",
        "en": "Tables",
    },
    "xlsx_sheet": {
        "fi": "Välilehti",
        "en": "Sheet",
    },
    "xlsx_contents": {
        "fi": "Sisältö",
        "en": "Contents",
    },
    "xlsx_table": {
        "fi": "Taulukko",
        "en": "Table",
    },
    "xlsx_page": {
        "fi": "Sivu",
        "en": "Page",
    },
}
