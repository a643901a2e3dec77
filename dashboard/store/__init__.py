"""The data store: every file the product reads or writes, and what the figures must satisfy.

Owns the data files' schemas and their validation, reading (cached, per file signature) and
atomic writing with the manifest, the reconciliation of the report's own sums, the municipal
income statement's lines and subtotal formulas, what a period is (TP, TOT … kk, TA), and the URL
form of names (`slugify`). It is the bottom layer: it imports no other package of `dashboard`.

- `library`: `load_library` (cached) and `write_library`: a folder's reports, every division and
  status date; `dataset`: the `Dataset` of one report, what every view reads
- `schemas`: each data file's columns, their types and allowed values (the one definition)
- `validation`: the columns checked and typed; `DataError`, naming file, line and column
- `files`: reading a CSV or the report's text, writing a file atomically; `DEFAULT_DATA_DIR`
- `manifest`: `manifest.json`, each file's size and SHA-256, and `ManifestMismatch`
- `statement`: the income statement's lines and subtotal formulas; `periods`: TP, TOT, TA
- `reconcile`: every check of the printed figures; with `subtotals` (the statements completed),
  `totals_sources` (no figure counted twice) and `findings` (one difference, in words)
- `names`: `slugify`, the URL form of names, and `report_id`, a report's identity
"""
