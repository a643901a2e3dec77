"""The report intake: the city's report, as text extracted from its PDF, becomes tidy rows.

Owns parsing the report's text (its tables, its commentary, goals and risks, the communications
figures in its goals), reading the report's printed numbers (`- 294 540`, `42,15`) and the
`ingest` command that turns one report into a dataset. It may import the data store only
(`dashboard.store`: the schemas it fills, the statement's lines, periods, names); nothing but the
command line (`dashboard.__main__`) imports it.
"""
