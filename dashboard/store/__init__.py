"""The data store: every file the product reads or writes, and what the figures must satisfy.

Owns the data files' schemas and their validation, reading (cached, per file signature) and
atomic writing with the manifest, the reconciliation of the report's own sums, the municipal
income statement's lines and subtotal formulas, what a period is (TP, TOT … kk, TA), and the URL
form of names (`slugify`). It is the bottom layer: it imports no other package of `dashboard`.
"""
