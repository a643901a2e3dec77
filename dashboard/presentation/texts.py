"""Finnish and English texts of the dashboard, and English names for the data's Finnish names.

The data stays in Finnish; translation happens only when a view is drawn. A name with no English
entry is shown as it is in the data, so a new cost centre still appears (in Finnish) until added.
"""

from __future__ import annotations

from dashboard.store.periods import Period
from dashboard.store.statement import LINE_BY_NAME

LANGUAGES = ("fi", "en")  # Finnish first: the default view and every fallback
DEFAULT_LANG = LANGUAGES[0]

# The data's Finnish names of divisions and cost centres, in English.
ORG_NAMES_EN: dict[str, str] = {
    "Yhteiset palvelut": "Common services",
    "Hallinnon tukipalvelut": "Administrative support services",
    "Henkilöstöpalvelut": "HR services",
    "Kehittämispalvelut": "Development services",
    "Talouspalvelut": "Financial services",
    "Tarkastustoimi": "Audit",
    "Tietohallinto- ja digipalvelut": "ICT and digital services",
    "Vaalit": "Elections",
}

TEXTS: dict[str, dict[str, str]] = {
    "app_title": {"fi": "Käyttösuunnitelman toteutuminen", "en": "Budget realisation"},
    "status": {"fi": "Tilanne {date}", "en": "Status {date}"},
    "source": {
        "fi": "Lähde: {title}, {division_title}, annettu {issued} (tiedosto {file}).",
        "en": "Source: {title}, {division_title}, issued {issued} (file {file}).",
    },
    "switch_lang": {"fi": "In English", "en": "Suomeksi"},
    "switch_lang_label": {"fi": "Switch to English", "en": "Vaihda kieli suomeksi"},
    "copy_link": {"fi": "Kopioi linkki tähän näkymään", "en": "Copy link to this view"},
    "copied": {"fi": "Linkki kopioitu.", "en": "Link copied."},
    "copy_failed": {
        "fi": "Kopiointi ei onnistunut; kopioi osoite selaimen osoiteriviltä.",
        "en": "Could not copy; copy the address from the browser's address bar.",
    },
    "filters": {"fi": "Rajaukset", "en": "Filters"},
    "area_filter": {"fi": "Palvelualue (kustannuspaikka)", "en": "Service area (cost centre)"},
    "division_control": {"fi": "Toimiala", "en": "Division"},
    "area_filter_help": {
        "fi": "Ilman valintaa näytetään koko toimiala ({division}) raportin omin summin.",
        "en": "With none selected, the whole division ({division}) is shown with the report's own totals.",
    },
    "group_control": {"fi": "Rivit", "en": "Lines"},
    "group_income": {"fi": "Tulot", "en": "Income"},
    "group_expenses": {"fi": "Kulut", "en": "Expenses"},
    "group_margins": {"fi": "Katteet ja tulos", "en": "Margins and result"},
    "measure_control": {"fi": "Mittari", "en": "Measure"},
    "measure_eur": {"fi": "Euroa", "en": "Euros"},
    "measure_pct": {"fi": "% talousarviosta", "en": "% of budget"},
    "bridge_control": {"fi": "Siltakaavio", "en": "Bridge chart"},
    "bridge_line": {"fi": "riveittäin", "en": "by line item"},
    "bridge_area": {"fi": "palvelualueittain", "en": "by cost centre"},
    "sign_note": {
        "fi": "Kulut näytetään kaavioissa ja korteissa positiivisina lukuina (kuluina); tuotot positiivisina; "
        "katteet ja tulos etumerkillisinä (negatiivinen = kulut ylittävät tuotot). "
        "Tuloslaskelmataulukko käyttää raportin omia etumerkkejä (kulut negatiivisina).",
        "en": "Charts and cards show expenses as positive figures (costs) and income as positive; margins and the "
        "result keep their sign (negative = costs exceed income). "
        "The statement table keeps the report's own signs (expenses negative).",
    },
    "whole_division": {"fi": "Koko toimiala: {division}", "en": "Whole division: {division}"},
    "selected_areas": {"fi": "Valitut palvelualueet: {areas}", "en": "Selected cost centres: {areas}"},
    "unknown_area": {
        "fi": "Linkin palvelualuetta ”{value}” ei löydy aineistosta; se ohitettiin.",
        "en": "The link's cost centre “{value}” is not in the data; it was ignored.",
    },
    "unknown_param": {
        "fi": "Linkin arvo {name}=”{value}” ei kelpaa; käytetään oletusta.",
        "en": "The link's value {name}=“{value}” is not valid; the default is used.",
    },
    "kpi_heading": {"fi": "Tunnusluvut", "en": "Key figures"},
    "kpi_change": {"fi": "{change} ({pct}) vs. {prior}", "en": "{change} ({pct}) vs {prior}"},
    "kpi_realisation": {
        "fi": "Toteuma {pct} talousarviosta · tahti {pace} ({months} kk)",
        "en": "Realised {pct} of budget · pace {pace} ({months} mo)",
    },
    "kpi_better": {"fi": "parempi kuin", "en": "better than"},
    "cost_suffix": {"fi": " (kulu)", "en": " (cost)"},
    "show_table": {"fi": "Näytä taulukkona", "en": "Show as table"},
    "line_item": {"fi": "Rivi", "en": "Line item"},
    "cost_centre": {"fi": "Palvelualue", "en": "Cost centre"},
    "realisation": {"fi": "Toteuma-%", "en": "Realisation %"},
    "pace": {"fi": "Tahti ({months} kk) {pct}", "en": "Pace ({months} mo) {pct}"},
    "pace_short": {"fi": "Tahti", "en": "Pace"},
    "deviation_pp": {"fi": "Poikkeama tahdista", "en": "Deviation from pace"},
    "forecast": {"fi": "Ennuste {year}", "en": "Forecast {year}"},
    "forecast_vs_budget": {"fi": "Ennuste – TA", "en": "Forecast – budget"},
    "change": {"fi": "Muutos", "en": "Change"},
    "axis_pct": {"fi": "% talousarviosta", "en": "% of budget"},
    "pp": {"fi": "%-yks.", "en": "pp"},
    # chart titles and summaries
    "line_chart_title": {
        "fi": "{group}: {prior} ja {current} riveittäin",
        "en": "{group}: {prior} and {current} by line item",
    },
    "line_chart_title_pct": {
        "fi": "{group}: toteuma-% talousarviosta riveittäin, {current}",
        "en": "{group}: realisation % of budget by line item, {current}",
    },
    "area_chart_title": {
        "fi": "{line}: {prior} ja {current} palvelualueittain",
        "en": "{line}: {prior} and {current} by cost centre",
    },
    "area_chart_title_pct": {
        "fi": "{line}: toteuma-% talousarviosta palvelualueittain, {current}",
        "en": "{line}: realisation % of budget by cost centre, {current}",
    },
    "change_summary": {
        "fi": "{name}: {current} ({change}, {pct} vs. {prior}).",
        "en": "{name}: {current} ({change}, {pct} vs {prior}).",
    },
    "change_summary_largest": {
        "fi": " Suurin muutos: {name} {change}.",
        "en": " Largest change: {name} {change}.",
    },
    "pct_summary": {
        "fi": "{name}: toteuma {pct} talousarviosta, kun tahti on {pace}.",
        "en": "{name}: {pct} of budget realised against a pace of {pace}.",
    },
    "pace_chart_title": {
        "fi": "Toteuma-% talousarviosta tahtiin ({pace}) verrattuna",
        "en": "Realisation % of budget against the pace ({pace})",
    },
    "pace_summary": {
        "fi": "{ahead} / {total} riviä on yli {threshold} %-yks. tahtia edellä.",
        "en": "{ahead} of {total} rows are more than {threshold} pp ahead of pace.",
    },
    "bridge_chart_title_line": {
        "fi": "{line}: muutos {prior} → {current} riveittäin",
        "en": "{line}: change {prior} → {current} by line item",
    },
    "bridge_chart_title_area": {
        "fi": "{line}: muutos {prior} → {current} palvelualueittain",
        "en": "{line}: change {prior} → {current} by cost centre",
    },
    "bridge_summary": {
        "fi": "{line} muuttui {start} → {end} ({change}); positiivinen askel parantaa tulosta.",
        "en": "{line} went from {start} to {end} ({change}); a positive step improves the result.",
    },
    "bridge_rounding": {"fi": "Pyöristys", "en": "Rounding"},
    "forecast_chart_title": {
        "fi": "{line}: ennuste vuoden lopulle ja talousarvio palvelualueittain",
        "en": "{line}: year-end forecast and budget by cost centre",
    },
    "kpi_forecast": {
        "fi": "Ennuste {forecast} · TA {budget} ({diff})",
        "en": "Forecast {forecast} · budget {budget} ({diff})",
    },
    "kpi_method": {"fi": "Ennusteen menetelmä: {method}", "en": "Forecast method: {method}"},
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
    "headline_ahead": {"fi": " Kuluissa tahtia edellä: {items}.", "en": " Expenses ahead of pace: {items}."},
    "headline_none_ahead": {
        "fi": " Yhdenkään palvelualueen kulut eivät ole tahtia edellä.",
        "en": " No cost centre's expenses are ahead of pace.",
    },
    "headline_n_areas": {"fi": "{n} palvelualuetta", "en": "{n} cost centres"},
    "tile_bullet_label": {
        "fi": "Toteuma {pct} talousarviosta, tahti {pace}, ennuste {forecast} talousarviosta",
        "en": "Realised {pct} of the budget, pace {pace}, forecast {forecast} of the budget",
    },
    "tile_bullet_legend": {
        "fi": "Palkeissa: sininen = toteuma, punainen katkoviiva = tahti, ◆ = ennuste vuoden lopulle, "
        "musta viiva = talousarvio (100 %).",
        "en": "In the bars: blue = realised, red dashes = pace, ◆ = year-end forecast, black line = budget (100 %).",
    },
    "top_deviations_title": {"fi": "Suurimmat epäedulliset poikkeamat", "en": "Largest unfavourable deviations"},
    "top_deviation": {"fi": "{area} · {line}: {effect} ({reason})", "en": "{area} · {line}: {effect} ({reason})"},
    "forecast_summary": {
        "fi": "{name} yhteensä: ennuste {forecast} ja talousarvio {budget}, ero {diff} (menetelmä: {method}).",
        "en": "{name} in total: forecast {forecast} against a budget of {budget}, {diff} (method: {method}).",
    },
    "forecast_method": {"fi": "Ennusteen menetelmä", "en": "Forecast method"},
    "forecast_method_actual": {"fi": "toteutunut", "en": "actual"},
    "forecast_method_seasonal": {"fi": "kausivaihtelu {year}", "en": "seasonality {year}"},
    "forecast_method_budget_share": {"fi": "talousarvion jäljellä oleva osuus", "en": "budget's remaining share"},
    "forecast_method_linear": {"fi": "tasainen", "en": "even run rate"},
    "forecast_method_mixed": {"fi": "yhdistelmä: {methods}", "en": "mixed: {methods}"},
    "forecast_note": {
        "fi": "Ennuste tehdään jokaiselle palvelualueelle ja riville erikseen ja lasketaan yhteen: "
        "edellisen vuoden kausivaihtelu, kun se on luotettava; muuten talousarvion jäljellä olevien kuukausien "
        "osuus tai tasainen vauhti. Kuluja tai tuloja ei ennusteta toteutunutta pienemmiksi.",
        "en": "The forecast is made for each cost centre and line and then summed: last year's seasonality "
        "where it can be trusted, else the budget's share of the remaining months or the even run rate. "
        "Costs and income are never forecast below what has already happened.",
    },
    "parts_gap": {
        "fi": " Palvelualueiden luvut poikkeavat toimialan omasta taulukosta {gap} raportin pyöristysten vuoksi.",
        "en": " The cost centres' figures differ from the division's own table by {gap} because of the report's rounding.",
    },
    "bridge_step": {"fi": "Vaihe", "en": "Step"},
    "bridge_kind_start": {"fi": "lähtötaso", "en": "start"},
    "bridge_kind_step": {"fi": "muutos", "en": "change"},
    "bridge_kind_rounding": {"fi": "pyöristys", "en": "rounding"},
    "bridge_kind_end": {"fi": "lopputaso", "en": "end"},
    "statement_note_col": {"fi": "Huom.", "en": "Note"},
    "computed_mark": {"fi": "Jäljellä ja TOT-% laskettu", "en": "remaining and % computed"},
    "computed_note": {
        "fi": "Jäljellä ja TOT-% ovat raportin painamia lukuja, paitsi riveillä, joilla on merkintä ”laskettu”.",
        "en": "Remaining and realised % are the report's printed figures, except on rows marked “computed”.",
    },
    "exceptions_rule": {
        "fi": "Poikkeama on rivi, jonka toteuma eroaa yli {threshold} %-yksikköä {pace} %:n tahdista "
        "(kumpaan suuntaan tahansa) tai jolla on toteumaa ilman talousarviota, ja jonka vaikutus tulokseen "
        "on vähintään {material}. Vaikutus = toteuma − talousarvio × kuukaudet / 12; epäedullisimmat ensin. "
        "Yhteissummarivi näytetään vain, jos mikään sen riveistä ei ole listalla.",
        "en": "An exception is a line whose realisation is more than {threshold} pp from the pace of {pace} % "
        "(either way), or that has an actual and no budget, with an effect on the result of at least "
        "{material}. Effect = actual − budget × months / 12; most unfavourable first. A subtotal is listed "
        "only where none of its lines is.",
    },
    "exceptions_count": {"fi": "{count} riviä.", "en": "{count} rows."},
    "effect_eur": {"fi": "Vaikutus tulokseen", "en": "Effect on the result"},
    "assessment": {"fi": "Arvio", "en": "Assessment"},
    "favourable": {"fi": "▲\u00a0edullinen", "en": "▲\u00a0favourable"},
    "unfavourable": {"fi": "▼\u00a0epäedullinen", "en": "▼\u00a0unfavourable"},
    "exception_cost_ahead": {"fi": "kulut tahtia edellä", "en": "costs ahead of pace"},
    "exception_cost_behind": {"fi": "kulut tahtia jäljessä", "en": "costs behind pace"},
    "exception_cost_no_budget": {"fi": "kulu ilman talousarviota", "en": "cost without a budget"},
    "exception_income_ahead": {"fi": "tulot tahtia edellä", "en": "income ahead of pace"},
    "exception_income_behind": {"fi": "tulot tahdista jäljessä", "en": "income behind pace"},
    "exception_income_no_budget": {"fi": "tulo ilman talousarviota", "en": "income without a budget"},
    "exception_margin_ahead": {"fi": "toteuma tahtia edellä", "en": "ahead of pace"},
    "exception_margin_behind": {"fi": "toteuma tahdista jäljessä", "en": "behind pace"},
    "exception_margin_no_budget": {"fi": "toteuma ilman talousarviota", "en": "no budget"},
    "exceptions_title": {"fi": "Poikkeamat", "en": "Exceptions"},
    "reason": {"fi": "Syy", "en": "Reason"},
    "no_exceptions": {"fi": "Ei poikkeamia valinnalla.", "en": "No exceptions in this selection."},
    "statement_title": {"fi": "Tuloslaskelma: {name}", "en": "Income statement: {name}"},
    "statement_summary": {
        "fi": "Raportin oma taulukko; johdetut rivit (*) on laskettu, koska raportti ei tulosta niitä.",
        "en": "The report's own table; derived rows (*) are computed because the report does not print them.",
    },
    "statement_caption": {
        "fi": "Tuloslaskelma, euroa: {name}",
        "en": "Income statement, euros: {name}",
    },
    "budget_col": {"fi": "{label} +muutos", "en": "{label} incl. changes"},
    "remaining_col": {"fi": "Jäljellä", "en": "Remaining"},
    "realisation_col": {"fi": "TOT-{yy} %", "en": "Realised {yy} %"},
    "derived_mark": {"fi": "johdettu", "en": "derived"},
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
    "division_table": {"fi": "toimialan taulukko", "en": "division's table"},
    "texts_title": {
        "fi": "Palvelualueen tehtävä ja raportin selitys",
        "en": "What the area does, and the report's commentary",
    },
    "description": {"fi": "Tehtävä", "en": "What it does"},
    "commentary": {"fi": "Raportin selitys talouden toteumasta", "en": "The report's commentary on the figures"},
    "texts_in_finnish": {
        "fi": "",
        "en": "The report's texts are in Finnish and shown as printed.",
    },
    "no_description": {"fi": "Raportissa ei ole kuvausta.", "en": "The report has no description."},
    "no_commentary": {"fi": "Raportissa ei ole selitystä.", "en": "The report has no commentary."},
    "data_error": {"fi": "Aineistoa ei voi lukea", "en": "The data cannot be read"},
    "not_found_title": {"fi": "Sivua ei löydy", "en": "Page not found"},
    "not_found_text": {"fi": "Osoitteessa ei ole sivua.", "en": "There is no page at this address."},
    "back_home": {"fi": "Takaisin etusivulle", "en": "Back to the dashboard"},
    # -- site navigation and the report pages (communications, goals, risks) --
    "site_nav": {"fi": "Sivut", "en": "Pages"},
    "nav_finance": {"fi": "Talous", "en": "Finance"},
    "nav_communications": {"fi": "Viestintä", "en": "Communications"},
    "nav_goals": {"fi": "Tavoitteet", "en": "Goals"},
    "nav_risks": {"fi": "Riskit", "en": "Risks"},
    "skip_to_content": {"fi": "Siirry sisältöön", "en": "Skip to content"},
    "communications_title": {"fi": "Viestintä ja sosiaalinen media", "en": "Communications and social media"},
    "communications_intro": {
        "fi": "Luvut ovat raportin tavoitetaulukon toteumatekstistä. Aiemman tarkastelujakson taso on johdettu "
        "raportin ilmoittamasta muutoksesta; raportti ei kerro sen päivämäärää, joten sitä ei keksitä.",
        "en": "The figures come from the realisation text of the report's goal table. The earlier level is derived "
        "from the change the report states; the report gives no date for it, so none is invented.",
    },
    "followers": {"fi": "Seuraajat", "en": "Followers"},
    "channels_now": {"fi": "Kanavien tilanne", "en": "Channels now"},
    "channel_trends": {"fi": "Seuraajien ja julkaisujen kehitys", "en": "Followers and posts"},
    "followers_of": {"fi": "{channel}: seuraajat", "en": "{channel}: followers"},
    "followers_at": {"fi": "{value} seuraajaa ({label})", "en": "{value} followers ({label})"},
    "follower_change": {"fi": "Muutos {change} ({label})", "en": "Change {change} ({label})"},
    "followers_trend_summary": {
        "fi": "{channel}: {first} → {last} seuraajaa ({first_label} → {last_label}), muutos {change}.",
        "en": "{channel}: {first} → {last} followers ({first_label} → {last_label}), change {change}.",
    },
    "single_observation": {
        "fi": "{channel}: raportissa on vain yksi havainto, {value} ({label}); kehitystä ei voi piirtää.",
        "en": "{channel}: the report gives one observation only, {value} ({label}); there is no trend to draw.",
    },
    "no_level": {
        "fi": "{channel}: raportti kertoo vain muutoksen, {change} ({label}), ei seuraajamäärää.",
        "en": "{channel}: the report gives only a change, {change} ({label}), not a follower count.",
    },
    "derived_point": {"fi": "johdettu muutoksesta", "en": "derived from the change"},
    "observation": {"fi": "Ajankohta", "en": "When"},
    "value": {"fi": "Arvo", "en": "Value"},
    "derived_col": {"fi": "Johdettu", "en": "Derived"},
    "yes": {"fi": "kyllä", "en": "yes"},
    "no": {"fi": "ei", "en": "no"},
    "posts_title": {"fi": "Julkaisuja kuukaudessa kanavittain", "en": "Posts per month by channel"},
    "posts_summary": {
        "fi": "Eniten julkaisuja: {channel}, {value} kuukaudessa.",
        "en": "Most posts: {channel}, {value} a month.",
    },
    "posts_per_month": {"fi": "Julkaisuja / kk", "en": "Posts / month"},
    "channel": {"fi": "Kanava", "en": "Channel"},
    "note": {"fi": "Huomautus", "en": "Note"},
    "epress_title": {"fi": "ePress-tiedotteet", "en": "ePress releases"},
    "epress_releases": {"fi": "{value} tiedotetta ({label})", "en": "{value} releases ({label})"},
    "epress_throughput": {
        "fi": "Tiedotteiden läpimenoprosentti {note} {value}",
        "en": "Average release throughput {value}",
    },
    "goals_title": {"fi": "Strategiset tavoitteet", "en": "Strategic goals"},
    "goals_intro": {
        "fi": "Raportin kaksi tavoitetaulukkoa. Tila kerrotaan tekstinä ja kuvakkeena.",
        "en": "The report's two goal tables. Status is given as text and an icon. The texts are in Finnish, as printed.",
    },
    "aim_filter": {"fi": "Strateginen päämäärä", "en": "Strategic aim"},
    "all_aims": {"fi": "Kaikki", "en": "All"},
    "goal_table_1": {"fi": "Valtuuston sitovat tavoitteet", "en": "Council-binding goals"},
    "goal_table_2": {
        "fi": "Toimialan tavoitteet, toimenpiteet ja vastuut",
        "en": "Division goals, measures and responsibilities",
    },
    "goal_table_n": {"fi": "Tavoitetaulukko {n}", "en": "Goal table {n}"},
    "focus_areas": {"fi": "Painopisteet", "en": "Focus areas"},
    "goal": {"fi": "Toimialan tavoite", "en": "Division's goal"},
    "measures": {"fi": "Toimenpiteet", "en": "Measures"},
    "responsible": {"fi": "Vastuuhenkilö", "en": "Responsible"},
    "goal_realisation": {"fi": "Toteuma", "en": "Realisation"},
    "goal_status": {"fi": "Tila", "en": "Status"},
    "partial_row": {
        "fi": "Rivin alku puuttuu raportin tekstistä; näytetään se, mikä on.",
        "en": "The start of this row is missing from the report's text; what is there is shown.",
    },
    "no_aim_given": {"fi": "(päämäärä puuttuu tekstistä)", "en": "(aim missing from the text)"},
    "no_goals": {"fi": "Ei tavoitteita tällä valinnalla.", "en": "No goals for this choice."},
    "risks_title": {"fi": "Riskienhallinta", "en": "Risk management"},
    "risks_intro": {
        "fi": "Riskit todennäköisyyden ja merkittävyyden mukaan. Raportti ei kerro asteikkoa; akselit ulottuvat "
        "suurimpaan esiintyvään arvoon, vähintään kolmeen.",
        "en": "Risks by probability and significance. The report does not state the scale; the axes run to the "
        "highest value present, at least three. The texts are in Finnish, as printed.",
    },
    "risk_matrix_title": {
        "fi": "Riskimatriisi: todennäköisyys × merkittävyys",
        "en": "Risk matrix: probability × significance",
    },
    "risk_matrix_summary": {
        "fi": "{n} riskiä; suurin riskiarvo {score} (riskit {names}).",
        "en": "{n} risks; the highest score is {score} (risks {names}).",
    },
    "probability": {"fi": "Todennäköisyys", "en": "Probability"},
    "significance": {"fi": "Merkittävyys", "en": "Significance"},
    "risk": {"fi": "Riski", "en": "Risk"},
    "risk_score": {"fi": "Riskiarvo (T × M)", "en": "Score (P × S)"},
    "control": {"fi": "Hallintakeino", "en": "Control"},
    "control_realisation": {"fi": "Hallintakeinon toteutuminen", "en": "How the control was realised"},
    "risk_register": {"fi": "Riskirekisteri", "en": "Risk register"},
    "matrix_caption": {
        "fi": "Riskimatriisi taulukkona: rivit merkittävyys, sarakkeet todennäköisyys",
        "en": "The risk matrix as a table: rows significance, columns probability",
    },
    "accessibility_statement": {"fi": "Saavutettavuusseloste", "en": "Accessibility statement"},
    "a11y_scope_heading": {"fi": "Mitä seloste koskee", "en": "What this statement covers"},
    "a11y_scope": {
        "fi": "Seloste koskee Heinolan kaupungin johdon talousnäkymää: Yhteiset palvelut -toimialan "
        "käyttösuunnitelman toteutumista, viestinnän lukuja, strategisia tavoitteita ja riskejä. "
        "Palvelun saavutettavuus on arvioitu {date}.",
        "en": "This statement covers the City of Heinola's leadership dashboard: the realisation of the operating "
        "plan of the Yhteiset palvelut division, communications figures, strategic goals and risks. "
        "The service's accessibility was assessed on {date}.",
    },
    "a11y_status_heading": {"fi": "Saavutettavuuden tila", "en": "Compliance status"},
    "a11y_status": {
        "fi": "Palvelu täyttää WCAG 2.1 -ohjeiston A- ja AA-tason vaatimukset osittain. Puutteet on lueteltu alla.",
        "en": "The service partially meets the WCAG 2.1 level A and AA requirements. The gaps are listed below.",
    },
    "a11y_gaps_heading": {"fi": "Ei-saavutettava sisältö", "en": "Content that is not accessible"},
    "a11y_gaps_intro": {"fi": "Tunnetut puutteet:", "en": "Known gaps:"},
    "a11y_gap_charts": {
        "fi": "Kaavioiden kohdistustiedot (hover) eivät toimi näppäimistöllä eikä ruudunlukijalla. Jokaisen "
        "kaavion tiedot ovat saatavilla tekstinä (yhteenvetolause) ja taulukkona (Näytä taulukkona).",
        "en": "Chart hover details do not work by keyboard or with a screen reader. Every chart's data is available "
        "as text (a summary sentence) and as a table (Show as table).",
    },
    "a11y_gap_texts": {
        "fi": "Raportin omat tekstit (selitykset, tavoitteet, riskit) ovat suomeksi myös englanninkielisessä "
        "näkymässä; ne on merkitty suomenkielisiksi, jotta ruudunlukija lukee ne oikein.",
        "en": "The report's own texts (commentary, goals, risks) stay in Finnish in the English view; they are "
        "marked as Finnish so that a screen reader reads them correctly.",
    },
    "a11y_gap_pdf": {
        "fi": "Lähderaportti on PDF-tiedosto, jota tämä palvelu ei julkaise; sen luvut näytetään tässä palvelussa.",
        "en": "The source report is a PDF that this service does not publish; its figures are shown here.",
    },
    "a11y_method_heading": {"fi": "Miten saavutettavuus on arvioitu", "en": "How accessibility was assessed"},
    "a11y_method": {
        "fi": "Itsearviointi: jokainen muutos testataan automaattisesti axe-core-työkalulla (WCAG 2.0 ja 2.1, "
        "tasot A ja AA sekä hyvät käytännöt) jokaisella sivulla molemmilla kielillä ja puhelimen leveydellä, "
        "ja näppäimistökäyttöä testataan selaimessa.",
        "en": "Self-assessment: every change is tested automatically with axe-core (WCAG 2.0 and 2.1, levels A and "
        "AA, and best practice) on every page in both languages and at phone width, and keyboard use is tested "
        "in a browser.",
    },
    "a11y_feedback_heading": {"fi": "Palaute", "en": "Feedback"},
    "a11y_feedback": {
        "fi": "Huomasitko saavutettavuuspuutteen? Kerro siitä meille, niin korjaamme sen tai toimitamme tiedon "
        "sinulle saavutettavassa muodossa.",
        "en": "Did you find an accessibility problem? Tell us, and we will fix it or give you the information in "
        "an accessible form.",
    },
    "a11y_authority_heading": {"fi": "Valvontaviranomainen", "en": "Supervisory authority"},
    "a11y_authority": {
        "fi": "Jos et ole tyytyväinen saamaasi vastaukseen, voit tehdä ilmoituksen saavutettavuusvalvontaan: "
        "www.saavutettavuusvaatimukset.fi.",
        "en": "If you are not satisfied with our answer, you can notify the accessibility supervision: "
        "www.saavutettavuusvaatimukset.fi.",
    },
    "current": {"fi": "{label}", "en": "{label}"},
    # -- exports: CSV, XLSX, chart images and print (dashboard/exports.py, dashboard/export_toolbar.py) --
    "export_heading": {"fi": "Lataa ja tulosta", "en": "Download and print"},
    "export_scope": {"fi": "Tiedostot koskevat näkymää: {scope}", "en": "Files hold this view: {scope}"},
    "export_xlsx": {"fi": "Excel (XLSX), kaikki taulukot", "en": "Excel (XLSX), all tables"},
    "export_csv_table": {"fi": "CSV-tiedoston taulukko", "en": "Table for CSV"},
    "export_csv": {"fi": "Lataa CSV", "en": "Download CSV"},
    "export_print": {"fi": "Tulosta tai tallenna PDF", "en": "Print or save as PDF"},
    "export_images_help": {
        "fi": "Kaavion saa kuvana (PNG) kaavion kamerapainikkeesta; se näkyy, kun osoitin tai näppäimistön "
        "kohdistus on kaaviossa.",
        "en": "Save a chart as an image (PNG) with its camera button, shown when the pointer or keyboard "
        "focus is on the chart.",
    },
    "export_whole_division": {"fi": "koko toimiala", "en": "whole division"},
    "export_n_areas": {"fi": "{n} palvelualuetta", "en": "{n} cost centres"},
    # -- the header's download menu and the phone's filter drawer (export_toolbar.py, layout.filters) --
    "export_menu": {"fi": "Lataa", "en": "Download"},
    "filter_toggle": {"fi": "Rajaa: {selection}", "en": "Filter: {selection}"},
    "filter_whole_division": {"fi": "Koko toimiala", "en": "Whole division"},
    "copy_link_short": {"fi": "Kopioi linkki", "en": "Copy link"},
    "export_kpi": {"fi": "Tunnusluku", "en": "Key figure"},
    # -- each report page's one-sentence answer (dashboard/report_pages.py), written from the data --
    "answer_goals": {"fi": "{n}\u00a0/\u00a0{total} tavoitetta {status}", "en": "{n} of {total} goals {status}"},
    "answer_goals_one": {"fi": "{n}\u00a0/\u00a0{total} tavoite {status}", "en": "{n} of {total} goal {status}"},
    "answer_status_toteutuu": {"fi": "toteutuu", "en": "on track"},
    "answer_status_ei_toteudu": {"fi": "ei toteudu", "en": "not on track"},
    "answer_status_osittain": {"fi": "toteutuu osittain", "en": "partly on track"},
    "answer_no_status": {"fi": "ilman tilamerkintää", "en": "without a status"},
    "answer_risks": {
        "fi": "{n} riskiä; suurin todennäköisyys\u00a0× merkittävyys {score}",
        "en": "{n} risks; the highest probability\u00a0× significance is {score}",
    },
    "answer_risks_one": {
        "fi": "{n} riski; todennäköisyys\u00a0× merkittävyys {score}",
        "en": "{n} risk; probability\u00a0× significance {score}",
    },
    "answer_risk": {"fi": "riski", "en": "risk"},
    "answer_risks_which": {"fi": "riskit", "en": "risks"},
    "answer_no_risks": {"fi": "Raportissa ei ole riskejä.", "en": "The report lists no risks."},
    "answer_followers": {"fi": "Seuraajia {label}", "en": "Followers on {label}"},
    "answer_epress": {"fi": "ePress {value} tiedotetta {label}", "en": "ePress {value} releases in {label}"},
    "answer_no_followers": {"fi": "Raportissa ei ole seuraajamääriä.", "en": "The report gives no follower counts."},
    "export_table_statement": {"fi": "Tuloslaskelma", "en": "Income statement"},
    "export_table_kpis": {"fi": "Tunnusluvut", "en": "Key figures"},
    "export_table_exceptions": {"fi": "Poikkeamat", "en": "Exceptions"},
    "export_table_line": {"fi": "Kaavio riveittäin", "en": "Chart by line item"},
    "export_table_area": {"fi": "Kaavio palvelualueittain", "en": "Chart by cost centre"},
    "export_table_pace": {"fi": "Kaavio tahti", "en": "Chart pace"},
    "export_table_bridge": {"fi": "Kaavio siltakaavio", "en": "Chart bridge"},
    "export_table_forecast": {"fi": "Kaavio ennuste", "en": "Chart forecast"},
    "export_table_channels": {"fi": "Kanavat", "en": "Channels"},
    "export_table_followers": {"fi": "Seuraajat", "en": "Followers"},
    "export_table_posts": {"fi": "Julkaisut", "en": "Posts"},
    "export_table_epress": {"fi": "ePress", "en": "ePress"},
    "export_table_goals": {"fi": "Tavoitteet", "en": "Goals"},
    "export_table_risks": {"fi": "Riskirekisteri", "en": "Risk register"},
    "export_change_period": {"fi": "Muutoksen jakso", "en": "Period of change"},
    "export_metric": {"fi": "Mittari", "en": "Measure"},
    "export_metric_releases": {"fi": "Tiedotteita (kpl)", "en": "Releases"},
    "export_metric_release_throughput_pct": {"fi": "Läpimenoprosentti (%)", "en": "Throughput (%)"},
    "export_goal_table": {"fi": "Tavoitetaulukko", "en": "Goal table"},
    "export_partial": {"fi": "Rivin alku puuttuu", "en": "Start of row missing"},
    "export_risk_class": {"fi": "Riskiluokka", "en": "Risk class"},
    "export_no_rows": {"fi": "Ei rivejä tällä valinnalla.", "en": "No rows in this selection."},
}


def t(key: str, lang: str, **values: object) -> str:
    """The text for `key` in `lang` (Finnish where a language lacks it), with `values` filled in."""
    entry = TEXTS[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**values) if values else text


def org_name(name: str, lang: str) -> str:
    """A division's or cost centre's name in `lang` (the data's Finnish name where untranslated)."""
    return ORG_NAMES_EN.get(name, name) if lang == "en" else name


def line_name(name: str, lang: str) -> str:
    line = LINE_BY_NAME.get(name)
    return line.english if lang == "en" and line else name


def period_label(period: Period | None, lang: str) -> str:
    if period is None:
        return "–"
    return period.label_en if lang == "en" else period.label


def report_stamp(report, lang: str) -> tuple[str, str]:
    """ "Tilanne 30.9.2024" and "Lähde: …": when the figures are from, and which report they come from."""
    status = t("status", lang, date=format_date(report.status_date, lang))
    source = t(
        "source",
        lang,
        title=report.title.capitalize(),
        division_title=report.division_title,
        issued=format_date(report.issued, lang),
        file=report.source_file,
    )
    return status, source


def format_date(value, lang: str) -> str:
    """30.9.2024 in Finnish, 30 Sep 2024 in English."""
    if lang == "en":
        return f"{value.day} {value.strftime('%b')} {value.year}"
    return f"{value.day}.{value.month}.{value.year}"
