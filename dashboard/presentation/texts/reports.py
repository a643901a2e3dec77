"""The report pages' words: communications (followers, posts, ePress), strategic goals and risks.

The `answer_*` texts are each page's one-sentence answer, written from the data.
"""

from __future__ import annotations

# One entry per text, each language on a line of its own: a translator reads down a column.
REPORT_PAGES: dict[str, dict[str, str]] = {
    "communications_title": {
        "fi": "Viestintä ja sosiaalinen media",
        "en": "Communications and social media",
    },
    "communications_intro": {
        "fi": "Luvut ovat raportin tavoitetaulukon toteumatekstistä. Aiemman tarkastelujakson taso on johdettu raportin ilmoittamasta muutoksesta; raportti ei kerro sen päivämäärää, joten sitä ei keksitä.",
        "en": "The figures come from the realisation text of the report's goal table. The earlier level is derived from the change the report states; the report gives no date for it, so none is invented.",
    },
    "communications_intro_library": {
        "fi": "Luvut ovat toimialan raporttien tavoitetaulukoiden toteumateksteistä ({first}–{last}). Edellisen tarkastelujakson taso on johdettu raportin ilmoittamasta muutoksesta; kun edellinen raportti on mukana, taso päivätään sen tilannepäivään, ja jos se kertoo tason itse, näytetään se. Muuten päivämäärää ei keksitä.",
        "en": "The figures come from the realisation texts of the division's reports' goal tables ({first}–{last}). The previous review period's level is derived from the change a report states; where the previous report is here too, the level is dated to its status date, and where that report prints the level itself, that is shown. Otherwise no date is invented.",
    },
    "no_social_media": {
        "fi": "Tämän raportin tekstissä ei ole viestinnän lukuja.",
        "en": "This report's text gives no communications figures.",
    },
    "followers": {
        "fi": "Seuraajat",
        "en": "Followers",
    },
    "channels_now": {
        "fi": "Kanavien tilanne",
        "en": "Channels now",
    },
    "channel_trends": {
        "fi": "Seuraajien ja julkaisujen kehitys",
        "en": "Followers and posts",
    },
    "followers_of": {
        "fi": "{channel}: seuraajat",
        "en": "{channel}: followers",
    },
    "followers_at": {
        "fi": "{value} seuraajaa ({label})",
        "en": "{value} followers ({label})",
    },
    "follower_change": {
        "fi": "Muutos {change} ({label})",
        "en": "Change {change} ({label})",
    },
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
    "change_series_of": {
        "fi": "{channel}: seuraajien muutos {start} alkaen",
        "en": "{channel}: change in followers since {start}",
    },
    "change_since": {
        "fi": "Muutos {start} alkaen",
        "en": "Change since {start}",
    },
    "change_axis": {
        "fi": "Muutos",
        "en": "Change",
    },
    "change_series_summary": {
        "fi": "{channel}: {first} ({first_label}) → {last} ({last_label}) seuraajaa {start} alkaen; raportit eivät kerro seuraajamäärää.",
        "en": "{channel}: {first} ({first_label}) → {last} ({last_label}) followers since {start}; the reports give no follower count.",
    },
    "period_col": {
        "fi": "Jakso raportissa",
        "en": "Period as printed",
    },
    "differs_note": {
        "fi": "seuraavan raportin muutoksesta johdettu taso {value} poikkeaa",
        "en": "the level implied by the next report's change, {value}, differs",
    },
    "differs_summary": {
        "fi": "Seuraavan raportin muutoksesta johdettu taso poikkeaa painetusta {n} kohdassa; katso taulukko.",
        "en": "The level implied by the next report's change differs from the printed one at {n} point(s); see the table.",
    },
    "derived_point": {
        "fi": "johdettu muutoksesta",
        "en": "derived from the change",
    },
    "observation": {
        "fi": "Ajankohta",
        "en": "When",
    },
    "value": {
        "fi": "Arvo",
        "en": "Value",
    },
    "derived_col": {
        "fi": "Johdettu",
        "en": "Derived",
    },
    "yes": {
        "fi": "kyllä",
        "en": "yes",
    },
    "no": {
        "fi": "ei",
        "en": "no",
    },
    "posts_title": {
        "fi": "Julkaisuja kuukaudessa kanavittain",
        "en": "Posts per month by channel",
    },
    "posts_summary": {
        "fi": "Eniten julkaisuja: {channel}, {value} kuukaudessa.",
        "en": "Most posts: {channel}, {value} a month.",
    },
    "posts_per_month": {
        "fi": "Julkaisuja / kk",
        "en": "Posts / month",
    },
    "channel": {
        "fi": "Kanava",
        "en": "Channel",
    },
    "row_number": {
        "fi": "#",
        "en": "#",
    },
    "note": {
        "fi": "Huomautus",
        "en": "Note",
    },
    "epress_title": {
        "fi": "ePress-tiedotteet",
        "en": "ePress releases",
    },
    "epress_releases": {
        "fi": "{value} tiedotetta ({label})",
        "en": "{value} releases ({label})",
    },
    # The report says "keskimäärin" (on average) or nothing: the data's note picks the text.
    "epress_throughput": {
        "fi": "Tiedotteiden läpimenoprosentti keskimäärin {value}",
        "en": "Average release throughput {value}",
    },
    "epress_throughput_plain": {
        "fi": "Tiedotteiden läpimenoprosentti {value}",
        "en": "Release throughput {value}",
    },
    "goals_title": {
        "fi": "Strategiset tavoitteet",
        "en": "Strategic goals",
    },
    "goals_intro": {
        "fi": "Raportin kaksi tavoitetaulukkoa. Tila kerrotaan tekstinä ja kuvakkeena.",
        "en": "The report's two goal tables. Status is given as text and an icon. The texts are in Finnish, as printed.",
    },
    "goals_intro_changes": {
        "fi": "Tavoite, jonka tila on muuttunut edellisestä raportista ({date}), on merkitty kuvakkeella ↻ ja aiemmalla tilalla.",
        "en": "A goal whose status changed since the previous report ({date}) is marked ↻ with its earlier status.",
    },
    "goal_changed": {
        "fi": "Muuttunut: aiemmin {previous} ({date})",
        "en": "Changed: previously {previous} ({date})",
    },
    "no_status_before": {
        "fi": "ei tilamerkintää",
        "en": "no status",
    },
    "aim_filter": {
        "fi": "Strateginen päämäärä",
        "en": "Strategic aim",
    },
    "all_aims": {
        "fi": "Kaikki",
        "en": "All",
    },
    "goal_table_1": {
        "fi": "Valtuuston sitovat tavoitteet",
        "en": "Council-binding goals",
    },
    "goal_table_2": {
        "fi": "Toimialan tavoitteet, toimenpiteet ja vastuut",
        "en": "Division goals, measures and responsibilities",
    },
    "goal_table_n": {
        "fi": "Tavoitetaulukko {n}",
        "en": "Goal table {n}",
    },
    "focus_areas": {
        "fi": "Painopisteet",
        "en": "Focus areas",
    },
    "goal": {
        "fi": "Toimialan tavoite",
        "en": "Division's goal",
    },
    "measures": {
        "fi": "Toimenpiteet",
        "en": "Measures",
    },
    "responsible": {
        "fi": "Vastuuhenkilö",
        "en": "Responsible",
    },
    "goal_realisation": {
        "fi": "Toteuma",
        "en": "Realisation",
    },
    "goal_status": {
        "fi": "Tila",
        "en": "Status",
    },
    "partial_row": {
        "fi": "Rivin alku puuttuu raportin tekstistä; näytetään se, mikä on.",
        "en": "The start of this row is missing from the report's text; what is there is shown.",
    },
    "no_aim_given": {
        "fi": "(päämäärä puuttuu tekstistä)",
        "en": "(aim missing from the text)",
    },
    "no_goals": {
        "fi": "Ei tavoitteita tällä valinnalla.",
        "en": "No goals for this choice.",
    },
    "risks_title": {
        "fi": "Riskienhallinta",
        "en": "Risk management",
    },
    "risks_intro": {
        "fi": "Riskit todennäköisyyden ja merkittävyyden mukaan. Raportti ei kerro asteikkoa; akselit ulottuvat suurimpaan esiintyvään arvoon, vähintään kolmeen.",
        "en": "Risks by probability and significance. The report does not state the scale; the axes run to the highest value present, at least three. The texts are in Finnish, as printed.",
    },
    "risks_intro_changes": {
        "fi": "Riski, jonka riskiarvo on noussut edellisestä raportista ({date}), on merkitty merkillä ▲ ja aiemmalla arvolla (laskenut: ▼).",
        "en": "A risk whose score rose since the previous report ({date}) is marked ▲ with its earlier score (one that fell: ▼).",
    },
    "risk_rose": {
        "fi": "Noussut: aiemmin {probability} × {significance} = {score} ({date})",
        "en": "Rose: previously {probability} × {significance} = {score} ({date})",
    },
    "risk_fell": {
        "fi": "Laskenut: aiemmin {probability} × {significance} = {score} ({date})",
        "en": "Fell: previously {probability} × {significance} = {score} ({date})",
    },
    "risk_change_col": {
        "fi": "Muutos edellisestä raportista",
        "en": "Change since the previous report",
    },
    "risk_matrix_title": {
        "fi": "Riskimatriisi: todennäköisyys × merkittävyys",
        "en": "Risk matrix: probability × significance",
    },
    "risk_matrix_summary": {
        "fi": "{n} riskiä; suurin riskiarvo {score} (riskit {names}).",
        "en": "{n} risks; the highest score is {score} (risks {names}).",
    },
    "probability": {
        "fi": "Todennäköisyys",
        "en": "Probability",
    },
    "significance": {
        "fi": "Merkittävyys",
        "en": "Significance",
    },
    "risk": {
        "fi": "Riski",
        "en": "Risk",
    },
    "risk_score": {
        "fi": "Riskiarvo (T × M)",
        "en": "Score (P × S)",
    },
    "control": {
        "fi": "Hallintakeino",
        "en": "Control",
    },
    "control_realisation": {
        "fi": "Hallintakeinon toteutuminen",
        "en": "How the control was realised",
    },
    "risk_register": {
        "fi": "Riskirekisteri",
        "en": "Risk register",
    },
    "matrix_caption": {
        "fi": "Riskimatriisi taulukkona: rivit merkittävyys, sarakkeet todennäköisyys",
        "en": "The risk matrix as a table: rows significance, columns probability",
    },
    "answer_goals": {
        "fi": "{n}\u00a0/\u00a0{total} tavoitetta {status}",
        "en": "{n} of {total} goals {status}",
    },
    "answer_goals_one": {
        "fi": "{n}\u00a0/\u00a0{total} tavoite {status}",
        "en": "{n} of {total} goal {status}",
    },
    "answer_status_toteutuu": {
        "fi": "toteutuu",
        "en": "on track",
    },
    "answer_status_ei_toteudu": {
        "fi": "ei toteudu",
        "en": "not on track",
    },
    "answer_status_osittain": {
        "fi": "toteutuu osittain",
        "en": "partly on track",
    },
    "answer_no_status": {
        "fi": "ilman tilamerkintää",
        "en": "without a status",
    },
    "answer_goals_changed": {
        "fi": "{n} tavoitteen tila muuttunut edellisestä raportista ({date})",
        "en": "{n} changed status since the previous report ({date})",
    },
    "answer_goals_unchanged": {
        "fi": "ei tilamuutoksia edellisestä raportista ({date})",
        "en": "no status changed since the previous report ({date})",
    },
    "answer_risks": {
        "fi": "{n} riskiä; suurin todennäköisyys\u00a0× merkittävyys {score}",
        "en": "{n} risks; the highest probability\u00a0× significance is {score}",
    },
    "answer_risks_one": {
        "fi": "{n} riski; todennäköisyys\u00a0× merkittävyys {score}",
        "en": "{n} risk; probability\u00a0× significance {score}",
    },
    "answer_risk": {
        "fi": "riski",
        "en": "risk",
    },
    "answer_risks_which": {
        "fi": "riskit",
        "en": "risks",
    },
    "answer_no_risks": {
        "fi": "Raportissa ei ole riskejä.",
        "en": "The report lists no risks.",
    },
    "answer_risks_rose": {
        "fi": "{n} riskin arvo noussut edellisestä raportista ({date})",
        "en": "the score of {n} rose since the previous report ({date})",
    },
    "answer_risks_none_rose": {
        "fi": "yhdenkään riskin arvo ei noussut edellisestä raportista ({date})",
        "en": "no score rose since the previous report ({date})",
    },
    "answer_followers": {
        "fi": "Seuraajia {label}",
        "en": "Followers on {label}",
    },
    "answer_epress": {
        "fi": "ePress {value} tiedotetta {label}",
        "en": "ePress {value} releases in {label}",
    },
    "answer_no_followers": {
        "fi": "Raportissa ei ole seuraajamääriä.",
        "en": "The report gives no follower counts.",
    },
}
