"""The finance page's words: its filters, key figures, headline, exceptions and income statement."""

from __future__ import annotations

# One entry per text, each language on a line of its own: a translator reads down a column.
FINANCE: dict[str, dict[str, str]] = {
    "filters": {
        "fi": "Rajaukset",
        "en": "Filters",
    },
    "area_filter": {
        "fi": "Palvelualue (kustannuspaikka)",
        "en": "Service area (cost centre)",
    },
    "division_control": {
        "fi": "Toimiala",
        "en": "Division",
    },
    "area_filter_help": {
        "fi": "Ilman valintaa näytetään koko toimiala ({division}) raportin omin summin.",
        "en": "With none selected, the whole division ({division}) is shown with the report's own totals.",
    },
    "group_control": {
        "fi": "Rivit",
        "en": "Lines",
    },
    "group_income": {
        "fi": "Tulot",
        "en": "Income",
    },
    "group_expenses": {
        "fi": "Kulut",
        "en": "Expenses",
    },
    "group_margins": {
        "fi": "Katteet ja tulos",
        "en": "Margins and result",
    },
    "measure_control": {
        "fi": "Mittari",
        "en": "Measure",
    },
    "measure_eur": {
        "fi": "Euroa",
        "en": "Euros",
    },
    "measure_pct": {
        "fi": "% talousarviosta",
        "en": "% of budget",
    },
    "bridge_control": {
        "fi": "Siltakaavio",
        "en": "Bridge chart",
    },
    "bridge_line": {
        "fi": "riveittäin",
        "en": "by line item",
    },
    "bridge_area": {
        "fi": "palvelualueittain",
        "en": "by cost centre",
    },
    "sign_note": {
        "fi": "Kulut näytetään kaavioissa ja korteissa positiivisina lukuina (kuluina); tuotot positiivisina; katteet ja tulos etumerkillisinä (negatiivinen = kulut ylittävät tuotot). Tuloslaskelmataulukko käyttää raportin omia etumerkkejä (kulut negatiivisina).",
        "en": "Charts and cards show expenses as positive figures (costs) and income as positive; margins and the result keep their sign (negative = costs exceed income). The statement table keeps the report's own signs (expenses negative).",
    },
    "whole_city": {
        "fi": "{division}: {n} toimialaa yhteensä",
        "en": "{division}: {n} divisions together",
    },
    "selected_divisions": {
        "fi": "Valitut toimialat: {areas}",
        "en": "Selected divisions: {areas}",
    },
    "whole_division": {
        "fi": "Koko toimiala: {division}",
        "en": "Whole division: {division}",
    },
    "selected_areas": {
        "fi": "Valitut palvelualueet: {areas}",
        "en": "Selected cost centres: {areas}",
    },
    "unknown_area": {
        "fi": "Linkin palvelualuetta ”{value}” ei löydy aineistosta; se ohitettiin.",
        "en": "The link's cost centre “{value}” is not in the data; it was ignored.",
    },
    "unknown_param": {
        "fi": "Linkin arvo {name}=”{value}” ei kelpaa; käytetään oletusta.",
        "en": "The link's value {name}=“{value}” is not valid; the default is used.",
    },
    "kpi_heading": {
        "fi": "Tunnusluvut",
        "en": "Key figures",
    },
    "kpi_change": {
        "fi": "{change} ({pct}) vs. {prior}",
        "en": "{change} ({pct}) vs {prior}",
    },
    "kpi_realisation": {
        "fi": "Toteuma {pct} talousarviosta · tahti {pace} ({months} kk)",
        "en": "Realised {pct} of budget · pace {pace} ({months} mo)",
    },
    "kpi_better": {
        "fi": "parempi kuin",
        "en": "better than",
    },
    "kpi_forecast": {
        "fi": "Ennuste {forecast} · TA {budget} ({diff})",
        "en": "Forecast {forecast} · budget {budget} ({diff})",
    },
    "kpi_method": {
        "fi": "Ennusteen menetelmä: {method}",
        "en": "Forecast method: {method}",
    },
    "headline_costs": {
        "fi": "{scope}: kulut ovat {pct} talousarviosta, kun tahti on {pace} ({date}).",
        "en": "{scope}: expenses are {pct} of the budget against a pace of {pace} ({date}).",
    },
    "headline_under": {
        "fi": " Ennusteen mukaan kulujen talousarvio alittuu {amount}.",
        "en": " The forecast says the expense budget will be underspent by {amount}.",
    },
    "headline_over": {
        "fi": " Ennusteen mukaan kulujen talousarvio ylittyy {amount}.",
        "en": " The forecast says the expense budget will be overspent by {amount}.",
    },
    "headline_on_budget": {
        "fi": " Ennusteen mukaan kulut ovat talousarvion mukaiset ({forecast}).",
        "en": " The forecast says expenses will be on budget ({forecast}).",
    },
    "headline_ahead": {
        "fi": " Kuluissa tahtia edellä: {items}.",
        "en": " Expenses ahead of pace: {items}.",
    },
    "headline_none_ahead": {
        "fi": " Yhdenkään palvelualueen kulut eivät ole tahtia edellä.",
        "en": " No cost centre's expenses are ahead of pace.",
    },
    "headline_n_areas": {
        "fi": "{n} palvelualuetta",
        "en": "{n} cost centres",
    },
    "tile_bullet_label": {
        "fi": "Toteuma {pct} talousarviosta, tahti {pace}, ennuste {forecast} talousarviosta",
        "en": "Realised {pct} of the budget, pace {pace}, forecast {forecast} of the budget",
    },
    "tile_bullet_legend": {
        "fi": "Palkeissa: sininen = toteuma, punainen katkoviiva = tahti, ◆ = ennuste vuoden lopulle, musta viiva = talousarvio (100 %).",
        "en": "In the bars: blue = realised, red dashes = pace, ◆ = year-end forecast, black line = budget (100 %).",
    },
    "top_deviations_title": {
        "fi": "Suurimmat epäedulliset poikkeamat",
        "en": "Largest unfavourable deviations",
    },
    "top_deviation": {
        "fi": "{area} · {line}: {effect} ({reason})",
        "en": "{area} · {line}: {effect} ({reason})",
    },
    "statement_note_col": {
        "fi": "Huom.",
        "en": "Note",
    },
    "computed_mark": {
        "fi": "Jäljellä ja TOT-% laskettu",
        "en": "remaining and % computed",
    },
    "computed_note": {
        "fi": "Jäljellä ja TOT-% ovat raportin painamia lukuja, paitsi riveillä, joilla on merkintä ”laskettu”.",
        "en": "Remaining and realised % are the report's printed figures, except on rows marked “computed”.",
    },
    "exceptions_rule": {
        "fi": "Poikkeama on rivi, jonka toteuma eroaa yli {threshold} %-yksikköä {pace} %:n tahdista (kumpaan suuntaan tahansa) tai jolla on toteumaa ilman talousarviota, ja jonka vaikutus tulokseen on vähintään {material}. Vaikutus = toteuma − talousarvio × kuukaudet / 12; epäedullisimmat ensin. Yhteissummarivi näytetään vain, jos mikään sen riveistä ei ole listalla.",
        "en": "An exception is a line whose realisation is more than {threshold} pp from the pace of {pace} % (either way), or that has an actual and no budget, with an effect on the result of at least {material}. Effect = actual − budget × months / 12; most unfavourable first. A subtotal is listed only where none of its lines is.",
    },
    "exceptions_count": {
        "fi": "{count} riviä.",
        "en": "{count} rows.",
    },
    "exceptions_show_all": {
        "fi": "Näytä kaikki {count} riviä",
        "en": "Show all {count} rows",
    },
    "exceptions_show_first": {
        "fi": "Näytä vain {count} ensimmäistä",
        "en": "Show the first {count} only",
    },
    "effect_eur": {
        "fi": "Vaikutus tulokseen",
        "en": "Effect on the result",
    },
    "assessment": {
        "fi": "Arvio",
        "en": "Assessment",
    },
    "favourable": {
        "fi": "▲\u00a0edullinen",
        "en": "▲\u00a0favourable",
    },
    "unfavourable": {
        "fi": "▼\u00a0epäedullinen",
        "en": "▼\u00a0unfavourable",
    },
    "exception_cost_ahead": {
        "fi": "kulut tahtia edellä",
        "en": "costs ahead of pace",
    },
    "exception_cost_behind": {
        "fi": "kulut tahtia jäljessä",
        "en": "costs behind pace",
    },
    "exception_cost_no_budget": {
        "fi": "kulu ilman talousarviota",
        "en": "cost without a budget",
    },
    "exception_income_ahead": {
        "fi": "tulot tahtia edellä",
        "en": "income ahead of pace",
    },
    "exception_income_behind": {
        "fi": "tulot tahdista jäljessä",
        "en": "income behind pace",
    },
    "exception_income_no_budget": {
        "fi": "tulo ilman talousarviota",
        "en": "income without a budget",
    },
    "exception_margin_ahead": {
        "fi": "toteuma tahtia edellä",
        "en": "ahead of pace",
    },
    "exception_margin_behind": {
        "fi": "toteuma tahdista jäljessä",
        "en": "behind pace",
    },
    "exception_margin_no_budget": {
        "fi": "toteuma ilman talousarviota",
        "en": "no budget",
    },
    "exceptions_title": {
        "fi": "Poikkeamat",
        "en": "Exceptions",
    },
    "reason": {
        "fi": "Syy",
        "en": "Reason",
    },
    "no_exceptions": {
        "fi": "Ei poikkeamia valinnalla.",
        "en": "No exceptions in this selection.",
    },
    "statement_title": {
        "fi": "Tuloslaskelma: {name}",
        "en": "Income statement: {name}",
    },
    "statement_summary": {
        "fi": "Raportin oma taulukko; johdetut rivit (*) on laskettu, koska raportti ei tulosta niitä.",
        "en": "The report's own table; derived rows (*) are computed because the report does not print them.",
    },
    "statement_caption": {
        "fi": "Tuloslaskelma, euroa: {name}",
        "en": "Income statement, euros: {name}",
    },
    "budget_col": {
        "fi": "{label} +muutos",
        "en": "{label} incl. changes",
    },
    "remaining_col": {
        "fi": "Jäljellä",
        "en": "Remaining",
    },
    "realisation_col": {
        "fi": "TOT-{yy} %",
        "en": "Realised {yy} %",
    },
    "derived_mark": {
        "fi": "johdettu",
        "en": "derived",
    },
    "sum_of_areas": {
        "fi": "Valittujen palvelualueiden summa.",
        "en": "Sum of the selected cost centres.",
    },
    "rounding_note": {
        "fi": "Raportin omat summat poikkeavat pyöristyksen vuoksi rivien summasta:",
        "en": "The report's own sums differ from the sum of their lines by rounding:",
    },
    "rounding_item": {
        "fi": "{where} / {line}, {column}: painettu {printed}, laskettu {computed}",
        "en": "{where} / {line}, {column}: printed {printed}, computed {computed}",
    },
    "division_table": {
        "fi": "toimialan taulukko",
        "en": "division's table",
    },
    "texts_title": {
        "fi": "Palvelualueen tehtävä ja raportin selitys",
        "en": "What the area does, and the report's commentary",
    },
    "description": {
        "fi": "Tehtävä",
        "en": "What it does",
    },
    "commentary": {
        "fi": "Raportin selitys talouden toteumasta",
        "en": "The report's commentary on the figures",
    },
    "texts_in_finnish": {
        "fi": "",
        "en": "The report's texts are in Finnish and shown as printed.",
    },
    "no_description": {
        "fi": "Raportissa ei ole kuvausta.",
        "en": "The report has no description.",
    },
    "no_commentary": {
        "fi": "Raportissa ei ole selitystä.",
        "en": "The report has no commentary.",
    },
    "current": {
        "fi": "{label}",
        "en": "{label}",
    },
    "filter_toggle": {
        "fi": "Rajaa: {selection}",
        "en": "Filter: {selection}",
    },
    "filter_whole_division": {
        "fi": "Koko toimiala",
        "en": "Whole division",
    },
}
