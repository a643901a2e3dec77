"""The report intake: the city's report, as text extracted from its PDF, becomes tidy rows.

Owns parsing the report's text, reading the report's printed numbers (`- 294 540`, `42,15`) and
the commands that turn one report into a dataset. It may import the data store only
(`dashboard.store`: the schemas it fills, the statement's lines, periods, names); nothing but the
command line (`dashboard.__main__`) imports it.

- `report_parser`: `parse_report`, where the report's text becomes rows (one frame per data file)
- `report_text`: the cursor over the report's lines, a row's cells, `ReportFormatError`
- `statement_tables`: the income-statement tables and the budget summary (finance, printed_derived, summary)
- `goals_and_risks`: the goal and risk tables (goals, risks)
- `commentary`: the prose (commentary, service_areas)
- `social_media`: the communications figures stated in the goals (social_media)
- `numbers`: the report's printed numbers
- `ingest`: the `ingest`, `check` and `seal` commands
"""
