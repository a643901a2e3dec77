"""The finance charts' words: titles, summary sentences, axes, table columns and forecast methods."""

from __future__ import annotations

# One entry per text, each language on a line of its own: a translator reads down a column.
CHARTS: dict[str, dict[str, str]] = {
    "cost_suffix": {
        "fi": " (kulu)",
        "en": " (cost)",
    },
    "show_table": {
        "fi": "Näytä taulukkona",
        "en": "Show as table",
    },
    "line_item": {
        "fi": "Rivi",
        "en": "Line item",
    },
    "cost_centre": {
        "fi": "Palvelualue",
        "en": "Cost centre",
    },
    "realisation": {
        "fi": "Toteuma-%",
        "en": "Realisation %",
    },
    "pace": {
        "fi": "Tahti ({months} kk) {pct}",
        "en": "Pace ({months} mo) {pct}",
    },
    "pace_short": {
        "fi": "Tahti",
        "en": "Pace",
    },
    "deviation_pp": {
        "fi": "Poikkeama tahdista",
        "en": "Deviation from pace",
    },
    "forecast": {
        "fi": "Ennuste {year}",
        "en": "Forecast {year}",
    },
    "forecast_vs_budget": {
        "fi": "Ennuste – TA",
        "en": "Forecast – budget",
    },
    "change": {
        "fi": "Muutos",
        "en": "Change",
    },
    "axis_pct": {
        "fi": "% talousarviosta",
        "en": "% of budget",
    },
    "budget_short": {
        "fi": "Talousarvio",
        "en": "Budget",
    },
    "forecast_short": {
        "fi": "Ennuste",
        "en": "Forecast",
    },
    "development_report": {
        "fi": "Raportti (tilanne)",
        "en": "Report (status date)",
    },
    "development_total": {
        "fi": "{line} yhteensä",
        "en": "{line} in total",
    },
    "development_title": {
        "fi": "{line}: toteuma-% raporteittain",
        "en": "{line}: realisation % report by report",
    },
    "development_step": {
        "fi": "{pct} ({date}, tahti {pace})",
        "en": "{pct} ({date}, pace {pace})",
    },
    "development_summary": {
        "fi": "{line}: toteuma talousarviosta {steps}.",
        "en": "{line}: realisation of the budget {steps}.",
    },
    "development_summary_one": {
        "fi": "{line}: tältä vuodelta on vain yksi raportti, toteuma {steps}.",
        "en": "{line}: there is only one report of this year, realisation {steps}.",
    },
    "development_areas_in_table": {
        "fi": "Palvelualueita on {n}: niiden toteuma on taulukossa.",
        "en": "There are {n} cost centres: their realisation is in the table.",
    },
    "development_forecast_title": {
        "fi": "{line}: vuoden lopun ennuste raporteittain",
        "en": "{line}: year-end forecast report by report",
    },
    "development_forecast_step": {
        "fi": "{forecast} ({date})",
        "en": "{forecast} ({date})",
    },
    "development_forecast_summary": {
        "fi": "{line}: vuoden lopun ennuste {steps}, muutos {moved}; talousarvio {budget}, ero {diff}.",
        "en": "{line}: year-end forecast {steps}, a change of {moved}; budget {budget}, difference {diff}.",
    },
    "development_forecast_summary_one": {
        "fi": "{line}: tältä vuodelta on vain yksi raportti, ennuste {steps}; talousarvio {budget}.",
        "en": "{line}: there is only one report of this year, forecast {steps}; budget {budget}.",
    },
    "pp": {
        "fi": "%-yks.",
        "en": "pp",
    },
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
    "bridge_rounding": {
        "fi": "Pyöristys",
        "en": "Rounding",
    },
    "forecast_chart_title": {
        "fi": "{line}: ennuste vuoden lopulle ja talousarvio palvelualueittain",
        "en": "{line}: year-end forecast and budget by cost centre",
    },
    "forecast_summary": {
        "fi": "{name} yhteensä: ennuste {forecast} ja talousarvio {budget}, ero {diff} (menetelmä: {method}).",
        "en": "{name} in total: forecast {forecast} against a budget of {budget}, {diff} (method: {method}).",
    },
    "forecast_method": {
        "fi": "Ennusteen menetelmä",
        "en": "Forecast method",
    },
    "forecast_method_actual": {
        "fi": "toteutunut",
        "en": "actual",
    },
    "forecast_method_seasonal": {
        "fi": "kausivaihtelu {year}",
        "en": "seasonality {year}",
    },
    "forecast_method_budget_share": {
        "fi": "talousarvion jäljellä oleva osuus",
        "en": "budget's remaining share",
    },
    "forecast_method_linear": {
        "fi": "tasainen",
        "en": "even run rate",
    },
    "forecast_method_mixed": {
        "fi": "yhdistelmä: {methods}",
        "en": "mixed: {methods}",
    },
    "forecast_note": {
        "fi": "Ennuste tehdään jokaiselle palvelualueelle ja riville erikseen ja lasketaan yhteen: edellisen vuoden kausivaihtelu, kun se on luotettava; muuten talousarvion jäljellä olevien kuukausien osuus tai tasainen vauhti. Kuluja tai tuloja ei ennusteta toteutunutta pienemmiksi.",
        "en": "The forecast is made for each cost centre and line and then summed: last year's seasonality where it can be trusted, else the budget's share of the remaining months or the even run rate. Costs and income are never forecast below what has already happened.",
    },
    "other_areas": {
        "fi": "Muut {count} palvelualuetta",
        "en": "{count} other cost centres",
    },
    "other_areas_note": {
        "fi": " Kuvassa on {shown} suurinta palvelualuetta ja muut {count} yhtenä palkkina; taulukossa ovat kaikki.",
        "en": " The chart shows the {shown} largest cost centres and the other {count} as one bar; the table lists them all.",
    },
    "parts_gap": {
        "fi": " Palvelualueiden luvut poikkeavat toimialan omasta taulukosta {gap} raportin pyöristysten vuoksi.",
        "en": " The cost centres' figures differ from the division's own table by {gap} because of the report's rounding.",
    },
    "bridge_step": {
        "fi": "Vaihe",
        "en": "Step",
    },
    "bridge_kind_start": {
        "fi": "lähtötaso",
        "en": "start",
    },
    "bridge_kind_step": {
        "fi": "muutos",
        "en": "change",
    },
    "bridge_kind_rounding": {
        "fi": "pyöristys",
        "en": "rounding",
    },
    "bridge_kind_end": {
        "fi": "lopputaso",
        "en": "end",
    },
}
